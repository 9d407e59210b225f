"""A grade: the driver's verdicts, priced by the rubric.

Every declared check appears in every grade, run or not, so that the
maximum is the same for the whole class: a check that did not run (lesson
missing, not compiling, checker crashed) fails with the reason as what was
observed.  A passing check earns its rubric points, and so does a skipped
one: a skip means the grading machine could not test that behaviour (one
CPU, say), which must not cost the student.  Anything else earns none --
the same rule as `make check`'s summary."""

import dataclasses

from . import integrity, model

NOT_RUN = {
    "missing": "the submission has no {lesson} folder, so this check did not run",
    "build-failed": "the code in {lesson} did not compile, so this check did not run "
                    "(the compiler's messages are in the report)",
    "rejected": "the submission could not be unpacked safely, so this check did not run",
    "empty": "the submission holds no lesson folders, so this check did not run",
}


def _lesson_status(lesson, result):
    """The status of one lesson: rejected, missing (not handed in) or what
    the driver said (crashed when it said nothing)."""
    if result.rejected:
        return "rejected"
    if lesson not in result.submitted:
        return "missing"
    return _record(result.lessons, lesson).status


def _record(records, lesson, default="crashed"):
    """The driver's record of lesson in records ({lesson: DriverLesson or its
    dict}), as a DriverLesson; a lesson with no record has status default."""
    rec = records.get(lesson)
    if rec is None:
        return model.DriverLesson(lesson=lesson, status=default)
    if isinstance(rec, model.DriverLesson):
        return rec
    # A dict: read it through the one door, so nothing in it can raise here.
    return model.DriverLesson.from_driver_json(rec, lesson)


def _check(decl, ran, status, log):
    """One check's result from its declaration and what the driver said
    (a DriverCheck, or None when the check did not run)."""
    c = dict(lesson=decl["lesson"], id=decl["id"], title=decl["title"],
             points=decl["points"], hidden=decl["hidden"], section=decl["section"])
    if ran is None:
        why = NOT_RUN.get(status)
        observed = why.format(lesson=decl["lesson"]) if why else \
            "the checker stopped before this check: " + (log or "no reason given")
        c.update(verdict="fail", expected="the check to run", observed=observed,
                 read="", notes="", output="", output_bytes=0, seconds=0.0)
    else:
        c.update(verdict=ran.verdict, expected=ran.expected, observed=ran.observed,
                 read=ran.read, notes=ran.notes, output=ran.output,
                 output_bytes=ran.output_bytes, seconds=ran.seconds)
        if c["verdict"] not in model.VERDICTS:
            c.update(verdict="fail", observed=f"the checker reported {c['verdict'][:40]!r}")
    # A skip earns its points: the machine, not the student, could not test it.
    c["score"] = c["points"] if c["verdict"] in ("pass", "skip") else 0
    return model.CheckResult(**c)


def _by_id(records):
    """{check id: DriverCheck}: the first record of each id; an id reported
    again with another verdict fails (only forged records disagree)."""
    out = {}
    for c in records:
        if c.id in out and out[c.id].verdict != c.verdict:
            out[c.id] = dataclasses.replace(out[c.id], verdict="fail", observed="the checker "
                                            "reported this check twice, with different verdicts")
        out.setdefault(c.id, c)
    return out


def _lesson(lesson, result, ctx):
    """One lesson's LessonResult: every declared check, kit's then hidden."""
    status = _lesson_status(lesson, result)
    rec = _record(result.lessons, lesson)
    hid = _record(result.hidden, lesson, default=status)
    ran = _by_id(rec.checks)
    ran_hidden = _by_id(hid.checks)
    checks = [_check(d, ran.get(d["id"]), status, rec.log) for d in ctx.decls[lesson]]
    hstatus = hid.status
    checks += [_check(d, ran_hidden.get(d["id"]), hstatus, hid.log)
               for d in ctx.hidden_decls.get(lesson, [])]
    log = rec.log if status in ("build-failed", "crashed") else ""
    # What stopped the hidden checks may quote their sources: instructors only.
    hidden_log = f"the instructor's extra checks for {lesson}: {hstatus}\n" + hid.log \
        if hstatus in ("build-failed", "crashed") and lesson in ctx.hidden_decls else ""
    warnings = rec.log if status == "ran" else ""
    return model.LessonResult(lesson=lesson, status=status, log=log, warnings=warnings,
                              hidden_log=hidden_log, checks=tuple(checks))


def grade_model(sid, result, ctx, seconds, fingerprint=None, notes=()):
    """The StudentGrade of one student from runner.check's result (a
    model.Checked, or a dict of its fields; records per lesson as
    DriverLesson or the driver's dicts), ctx (the ClassRun)
    and the seconds grading took; notes are added to the result's."""
    result = model.Checked.of(result)
    lessons = tuple(_lesson(l, result, ctx) for l in ctx.lessons)
    if result.rejected:
        status = "rejected"
    elif not result.submitted:
        status = "empty"
    elif any(l.status == "build-failed" for l in lessons):
        status = "build-failed"
    else:
        status = "graded"
    return model.StudentGrade(student=sid, status=status, lessons=lessons,
                              submitted=tuple(result.submitted),
                              rejected=result.rejected or "",
                              notes=tuple(result.notes) + tuple(notes),
                              seconds=round(seconds, 3), walls=result.walls,
                              integrity=tuple(integrity.scan(result.sources)),
                              fingerprint=fingerprint)


def grade(sid, result, ctx, seconds):
    """The grade of one student from runner.check's result, as the dict
    grade.json holds (grade_model(...).to_json())."""
    return grade_model(sid, result, ctx, seconds).to_json()


def failure_text(c):
    """The words `make check` prints under a ✗, as plain text lines, for
    check c (a grade.json dict)."""
    lines = [f"expected  {c['expected']}", f"observed  {c['observed']}"]
    if c["read"]:
        lines.append(f"read      {c['read']}")
    if c["notes"]:
        lines.append(f"note      {c['notes']}")
    if c["output_bytes"]:
        more = " (the first shown)" if c["output_bytes"] > len(c["output"].encode()) else ""
        lines.append(f"your code printed {c['output_bytes']} bytes{more}:")
        lines += ["  | " + l for l in c["output"].splitlines()]
    return "\n".join(lines)


def all_checks(g):
    """Every check of grade g (a grade.json dict), lesson by lesson."""
    return [c for l in g["lessons"] for c in l["checks"]]
