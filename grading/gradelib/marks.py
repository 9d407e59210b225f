"""A grade: the driver's verdicts, priced by the rubric.

Every declared check appears in every grade, run or not, so that the
maximum is the same for the whole class: a check that did not run (lesson
missing, not compiling, checker crashed) fails with the reason as what was
observed.  A passing check earns its rubric points, and so does a skipped
one: a skip means the grading machine could not test that behaviour (one
CPU, say), which must not cost the student.  Anything else earns none --
the same rule as `make check`'s summary."""

from . import integrity

NOT_RUN = {
    "missing": "the submission has no {lesson} folder, so this check did not run",
    "build-failed": "the code in {lesson} did not compile, so this check did not run "
                    "(the compiler's messages are in the report)",
    "rejected": "the submission could not be unpacked safely, so this check did not run",
    "empty": "the submission holds no lesson folders, so this check did not run",
}


def _lesson_status(lesson, result):
    if result["rejected"]:
        return "rejected"
    if lesson not in result["submitted"]:
        return "missing"
    return result["lessons"].get(lesson, {}).get("status", "crashed")


def _check(decl, ran, status, log):
    """One check's entry from its declaration and what the driver said (or None)."""
    c = {"lesson": decl["lesson"], "id": decl["id"], "title": decl["title"],
         "points": decl["points"], "hidden": decl["hidden"], "section": decl["section"]}
    if ran is None:
        why = NOT_RUN.get(status)
        observed = why.format(lesson=decl["lesson"]) if why else \
            "the checker stopped before this check: " + (log or "no reason given")
        c.update(verdict="fail", expected="the check to run", observed=observed,
                 read="", notes="", output="", output_bytes=0, seconds=0.0)
    else:
        c.update({k: str(ran.get(k, "")) for k in ("verdict", "expected", "observed", "read",
                                                    "notes", "output")})
        c["output_bytes"] = _number(ran.get("output_bytes"), int)
        c["seconds"] = _number(ran.get("seconds"), float)
        if c["verdict"] not in ("pass", "fail", "skip"):
            c.update(verdict="fail", observed=f"the checker reported {c['verdict'][:40]!r}")
    c["score"] = c["points"] if c["verdict"] in ("pass", "skip") else 0
    return c


def _number(v, kind):
    try:
        return kind(v)
    except (TypeError, ValueError):
        return kind(0)


def _by_id(records):
    """{check id: record}: the first record of each id; an id reported again
    with another verdict fails (only forged records disagree)."""
    out = {}
    for c in records:
        cid = c.get("id")
        if not isinstance(cid, str):
            continue
        if cid in out and out[cid].get("verdict") != c.get("verdict"):
            out[cid] = dict(out[cid], verdict="fail", observed="the checker reported this check "
                            "twice, with different verdicts")
        out.setdefault(cid, c)
    return out


def _lesson(lesson, result, ctx):
    status = _lesson_status(lesson, result)
    rec = result["lessons"].get(lesson, {})
    hid = result["hidden"].get(lesson, {})
    ran = _by_id(rec.get("checks", []))
    ran_hidden = _by_id(hid.get("checks", []))
    checks = [_check(d, ran.get(d["id"]), status, rec.get("log")) for d in ctx.decls[lesson]]
    hstatus = hid.get("status", status)
    checks += [_check(d, ran_hidden.get(d["id"]), hstatus, hid.get("log"))
               for d in ctx.hidden_decls.get(lesson, [])]
    log = rec.get("log", "") if status in ("build-failed", "crashed") else ""
    # What stopped the hidden checks may quote their sources: instructors only.
    hidden_log = f"the instructor's extra checks for {lesson}: {hstatus}\n" + hid.get("log", "") \
        if hstatus in ("build-failed", "crashed") and lesson in ctx.hidden_decls else ""
    warnings = rec.get("log", "") if status == "ran" else ""
    return {"lesson": lesson, "status": status, "log": log, "warnings": warnings,
            "hidden_log": hidden_log,
            "checks": checks, "score": sum(c["score"] for c in checks),
            "max": sum(c["points"] for c in checks)}


def grade(sid, result, ctx, seconds):
    """The grade of one student from runner.check's result."""
    lessons = [_lesson(l, result, ctx) for l in ctx.lessons]
    if result["rejected"]:
        status = "rejected"
    elif not result["submitted"]:
        status = "empty"
    elif any(l["status"] == "build-failed" for l in lessons):
        status = "build-failed"
    else:
        status = "graded"
    return {"forklab_grade": 1, "student": sid, "status": status, "lessons": lessons,
            "score": sum(l["score"] for l in lessons), "max": sum(l["max"] for l in lessons),
            "submitted": result["submitted"], "rejected": result["rejected"] or "",
            "notes": result["notes"], "seconds": round(seconds, 3),
            "walls": result.get("walls", ""),
            "integrity": integrity.scan(result.get("sources", {}))}


def failure_text(c):
    """The words `make check` prints under a ✗, as plain text lines."""
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
    return [c for l in g["lessons"] for c in l["checks"]]
