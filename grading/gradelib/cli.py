"""grading/grade: the command.  Parses the arguments, prepares the kit's
declarations and the rubric, grades submissions in parallel, writes each
student's files as the student finishes and the class's files after."""
import argparse
import concurrent.futures
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time

from . import classfiles, kit, marks, model, names, reports, runner, submission

DESCRIPTION = """\
Grade a class of forklab submissions with the kit's own checks: a grade is
exactly what `make check` shows the student, priced by the rubric.

SUBMISSIONS is a folder with one entry per student, named by the student's
id: a folder with the layout of exercises/ (all lessons or only some; a
wrapper folder such as exercises/ or the repository inside is fine), or a
.zip, .tar.gz, .tgz or .tar of one.  Archives holding absolute paths, "..",
links or special files, or unpacking to more than 64 MB, are not graded
(status "rejected").

Each submission is copied into a scratch folder of its own, built with `make
checkers` and checked with the driver; submissions run in parallel (-j).
Run as root (as autograding services do), student code is built and run as
an unprivileged uid of its own, leased per submission (from
FORKLAB_GRADER_UID, default 64200, up), limited to 1216 processes (8 checks
at once, each its own sandbox of at most 128); nothing it
leaves running survives its grading.

OUT receives, as each student finishes (atomically):
  students/STUDENT/report.md, report.html  the student's feedback: per
        lesson, per check ✓/✗, points, and for each failure what `make
        check` prints (hidden checks are not shown); in report.html, the
        first failing check of each lesson also drawn as a timeline of its
        processes (as `make trace` draws it; --no-timelines: none)
  students/STUDENT/results.json            Gradescope's autograder format
  instructor/STUDENT/report.md, report.html  the same with the hidden
        checks, the walls it was graded in and the integrity scan
  instructor/STUDENT/grade.json            everything, for tools and re-runs
and for the class:
  gradebook.csv    student_id, a column per lesson, total, max, percent,
                   status (graded, build-failed, empty, rejected),
                   integrity (what to review: see below), walls
  junit.xml        a testsuite per student, a testcase per check
  summary.html     score distribution and failures per check (SVG)
  results.tap      TAP 14 (with --tap)

Run the same command again after an interruption: students whose grade.json
is complete and whose files, rubric and checks are unchanged are skipped
(--force regrades everyone).

The rubric (default grading/rubric) gives every check its points, one line
`LESSON CHECK-ID POINTS` a check; --write-rubric writes it from the checks'
declarations, keeping the points already set.  --extra DIR adds hidden
checks of your own: DIR/NN-name/*.c written like harness/lessons/NN-name/
checks.c (FL_CHECK...), built against each student's code; they need rubric
lines too and are shown to students as "instructor's check" (hidden until
published on Gradescope).

Student code is never trusted: each submission is built and checked inside
bubblewrap when `bwrap` is installed (no network, its own PID namespace,
nothing of the disk but the kit, read-only, and its own scratch folder);
the gradebook's walls column says what was enforced.  The integrity column
lists what in a student's sources only an attack on the grader needs
(ptrace, /proc/self/mem, constructors, the harness's symbols, includes from
outside the submission, ...): it never changes a score, it says where to
look.

Exit status: 0 when every submission was graded (whatever the scores),
1 when the grader itself failed, 2 on a wrong argument.

Example:
  grading/grade grading/examples -o /tmp/out
  grading/grade submissions/ -o out/ -j 4 --lesson 01 --lesson 02 --tap"""


class Parser(argparse.ArgumentParser):
    """argparse, exiting 2 with one line of its own on a wrong argument."""

    def error(self, message):
        """A wrong argument: one line saying what, then the usage."""
        sys.stderr.write(f"grade: {message}\n")
        self.print_usage(sys.stderr)
        sys.exit(2)


def parse(argv):
    """The arguments argv (without the program's name), checked; exits 2
    with the usage when one is wrong."""
    p = Parser(prog="grading/grade", description=DESCRIPTION,
               formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("submissions", nargs="?", metavar="SUBMISSIONS",
                   help="folder with one folder or archive per student")
    p.add_argument("-o", "--out", metavar="OUT", help="folder for the reports (created)")
    p.add_argument("-j", "--jobs", type=int, default=2 * (os.cpu_count() or 1), metavar="N",
                   help="submissions graded at once (default: twice the number of cores: "
                        "a submission waits for its checks as much as it computes)")
    p.add_argument("--rubric", default=kit.RUBRIC, metavar="FILE",
                   help="points per check (default: grading/rubric)")
    p.add_argument("--lesson", action="append", default=[], metavar="NN",
                   help="grade only this lesson (repeatable; default: every lesson)")
    p.add_argument("--extra", metavar="DIR", help="hidden checks: DIR/NN-name/*.c")
    p.add_argument("--tap", action="store_true", help="also write OUT/results.tap (TAP 14)")
    p.add_argument("--excel", action="store_true",
                   help="write gradebook.csv with a UTF-8 byte order mark, for Excel")
    p.add_argument("--points-possible", type=float, metavar="N", default=None,
                   help="rescale each results.json total to N points (Gradescope)")
    p.add_argument("--force", action="store_true", help="regrade students already graded")
    p.add_argument("--no-timelines", dest="timelines", action="store_false",
                   help="draw no timeline of a failing check in the HTML reports (each costs a "
                        "traced build and run of the check per failing lesson)")
    p.add_argument("--write-rubric", action="store_true",
                   help="write the rubric (--rubric FILE) from the checks' declarations and exit")
    p.add_argument("--scratch", metavar="DIR", default=None,
                   help="where scratch copies go (default: the system's temp folder)")
    a = p.parse_args(argv)
    if a.jobs < 1:
        p.error("-j needs a number of at least 1")
    if a.points_possible is not None and not a.points_possible > 0:
        p.error("--points-possible needs a number above 0")
    if a.extra and not os.path.isdir(a.extra):
        p.error(f"--extra {a.extra}: not a folder")
    if not a.write_rubric:
        if not a.submissions:
            p.error("SUBMISSIONS is missing")
        if not a.out:
            p.error("-o OUT is missing")
        if not os.path.isdir(a.submissions):
            p.error(f"SUBMISSIONS {a.submissions}: not a folder")
    return a


# ---- preparing the kit ----

def hidden_declarations(extra, lessons, scratch):
    """Declarations of the hidden checks in extra/NN-name/, built on the
    kit's stubs (the instructor's code and the kit's: nothing of a student's)."""
    out = {}
    cflags = kit.student_cflags()
    for lesson in lessons:
        if not os.path.isdir(os.path.join(extra, lesson)):
            continue
        d = os.path.join(scratch, "decl-extra", lesson)
        exe, log = runner.compile_declarations(lesson, extra, os.path.join(kit.ROOT, "exercises",
                                               lesson), d, cflags)
        if not exe:
            raise kit.KitError(f"the extra checks in {extra}/{lesson} do not build:\n{log}")
        out[lesson] = [dict(x, hidden=True) for x in kit.list_checker(exe)]
    return out


def kit_digest(lessons):
    """A digest of the harness and the selected lessons' checks: a change
    to either makes earlier grades stale."""
    hsh = hashlib.sha256()
    base = os.path.join(kit.ROOT, "harness")
    paths = sorted(os.path.join(base, f) for f in os.listdir(base) if f.endswith((".c", ".h")))
    paths += [os.path.join(base, "lessons", l, "checks.c") for l in lessons]
    for p in paths:
        with open(p, "rb") as f:
            hsh.update(p.encode() + b"\0" + f.read())
    return hsh.hexdigest()


def prepare(a):
    """The ClassRun for arguments a: the kit built, its checks' declarations
    and the hidden checks' read (their sources too, once), before any
    student code runs.  Its kit_root is None: main snapshots the kit once
    the rubric is applied."""
    all_lessons = kit.lessons()
    lessons = kit.select_lessons(a.lesson)
    kit.build_kit(with_tracer=getattr(a, "timelines", True))
    decls = kit.declarations(lessons, a.scratch)
    extra = os.path.abspath(a.extra) if a.extra else None
    tmp = tempfile.mkdtemp(prefix="forklab-decl-", dir=a.scratch)
    try:
        hidden_decls = hidden_declarations(extra, lessons, tmp) if extra else {}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ids = {(d["lesson"], d["id"]) for ds in decls.values() for d in ds}
    for d in [d for ds in hidden_decls.values() for d in ds]:
        if (d["lesson"], d["id"]) in ids:
            raise kit.KitError(f"--extra: check {d['id']!r} of {d['lesson']} has the id of a kit check")
    extra_lessons = frozenset(hidden_decls)
    # Read once, before any student code runs: the instructor's folder may
    # change or be private; every submission gets the same hidden checks.
    return model.ClassRun(
        all_lessons=tuple(all_lessons), lessons=tuple(lessons), decls=decls,
        hidden_decls=hidden_decls, extra=extra, extra_lessons=extra_lessons,
        hidden_sources={l: runner.hidden_sources(extra, l) for l in extra_lessons},
        cflags=tuple(kit.student_cflags()) if extra else (), scratch=a.scratch,
        timeout_scale=float(os.environ.get("FORKLAB_TIMEOUT_SCALE", "1") or 1),
        timelines=getattr(a, "timelines", True))


def combined(ctx):
    """{lesson: kit declarations + hidden ones} (the rubric prices both)."""
    return {l: ctx.decls[l] + ctx.hidden_decls.get(l, []) for l in ctx.lessons}


def write_rubric(a):
    """--write-rubric: write a.rubric from the checks' declarations, keeping
    the points it already sets; returns the exit status (0)."""
    ctx = prepare(a)
    old = kit.read_rubric(a.rubric) if os.path.exists(a.rubric) else []
    text = kit.rubric_text(combined(ctx), old)
    write_atomic(a.rubric, text)
    n = sum(len(v) for v in combined(ctx).values())
    print(f"grade: wrote {a.rubric}: {n} checks in {len(ctx.lessons)} lessons")
    return 0


# ---- writing ----

def write_atomic(path, text):
    """Write text to path so that readers see the old file or the new one."""
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=d)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _replace_folder(parent, name, files):
    """parent/name holding exactly files ({name: text}), swapped in whole: a
    reader sees the old folder or the new one."""
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".tmp-", dir=parent)
    for fname, text in files.items():
        with open(os.path.join(tmp, fname), "w", encoding="utf-8") as f:
            f.write(text)
    os.chmod(tmp, 0o755)
    final = os.path.join(parent, name)
    if os.path.lexists(final):
        old = tempfile.mkdtemp(prefix=".old-", dir=parent)
        os.rename(final, os.path.join(old, "x"))
        os.rename(tmp, final)
        shutil.rmtree(old)
    else:
        os.rename(tmp, final)


def write_student(out, g, points_possible=None, timelines=None):
    """The student's folders, each complete or not at all: OUT/students/ID
    (what the student may see) and OUT/instructor/ID (the whole grade);
    grade.json, written last, marks the grade complete.  Every student has
    folders of their own below students/ and instructor/, so no id can
    collide with a class-level file such as junit.xml.  timelines
    ({lesson: model.Timeline}) go into both report.html files, never into
    the grade."""
    name = names.folder(g["student"])
    _replace_folder(os.path.join(out, "students"), name, {
        "report.md": reports.markdown(g, timelines=timelines),
        "report.html": reports.html_report(g, timelines=timelines),
        "results.json": reports.dumps(reports.gradescope(g, points_possible))})
    _replace_folder(os.path.join(out, "instructor"), name, {
        "report.md": reports.markdown(g, instructor=True, timelines=timelines),
        "report.html": reports.html_report(g, instructor=True, timelines=timelines),
        "grade.json": reports.dumps(g)})


def load_grade(out, sid):
    """The grade.json of an earlier run for sid (as the dict it holds), or
    None when there is none or it is not a grade."""
    try:
        with open(os.path.join(out, "instructor", names.folder(sid), "grade.json"),
                  encoding="utf-8") as f:
            doc = json.load(f)
        # Read through the model: a file cut short or edited by hand is
        # graded again rather than breaking the class's files.
        return model.StudentGrade.from_json(doc).to_json()
    except (OSError, ValueError, RecursionError):
        return None


def write_class(out, grades, ctx, a):
    """The class's files, from the grades so far."""
    write_atomic(os.path.join(out, "gradebook.csv"),
                 classfiles.gradebook(grades, ctx.lessons, excel=a.excel))
    write_atomic(os.path.join(out, "junit.xml"), classfiles.junit(grades))
    write_atomic(os.path.join(out, "summary.html"), classfiles.summary(grades, ctx.lessons))
    if a.tap:
        write_atomic(os.path.join(out, "results.tap"), classfiles.tap(grades))


# ---- progress ----

class Progress:
    """A bar on a terminal (done/total, elapsed, failing to build), plain
    lines otherwise."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.broken, self.skipped = total, 0, 0, 0
        self.start = time.monotonic()
        self.stream = stream
        self.tty = stream.isatty()
        self.lock = threading.Lock()

    def finished(self, g, skipped=False):
        """Count grade g (a grade.json dict; skipped when kept from an
        earlier run) and show the progress."""
        with self.lock:
            self.done += 1
            self.broken += g["status"] == "build-failed"
            self.skipped += skipped
            secs = time.monotonic() - self.start
            if self.tty:
                width = 30
                fill = width * self.done // max(1, self.total)
                self.stream.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total}"
                                  f" students · {int(secs) // 60}:{int(secs) % 60:02d} · "
                                  f"{self.broken} failing to build\033[K")
                if self.done == self.total:
                    self.stream.write("\n")
            else:
                what = "unchanged, kept" if skipped else f"{g['status']}, {g['seconds']:.1f} s"
                self.stream.write(f"grade: [{self.done}/{self.total}] "
                                  f"{names.terminal(repr(g['student']))}: "
                                  f"{g['score']}/{g['max']} points ({what})\n")
            self.stream.flush()


# ---- grading ----

def grade_all(a, ctx):
    """Grade every submission of a.submissions with ctx (the ClassRun, its
    kit snapshot made), writing each student's files as they finish and
    the class's after each; returns the exit status (0)."""
    os.makedirs(a.out, exist_ok=True)
    subs = submission.find(a.submissions, lambda msg: sys.stderr.write(f"grade: {msg}\n"),
                             exclude=a.out)
    twins = {}
    for group in submission.duplicates([sid for sid, _ in subs]):
        sys.stderr.write("grade: warning: these ids are one name in different Unicode "
                         "spellings (NFC/NFD): " + ", ".join(names.terminal(repr(x)) for x in group)
                         + "\n")
        for sid in group:
            twins[sid] = [x for x in group if x != sid]
    rubric_text = open(a.rubric, encoding="utf-8").read()
    what = [ctx.lessons, combined(ctx), kit_digest(ctx.lessons), rubric_text]
    if not ctx.timelines:
        # Reports without timelines are not the reports a default run
        # makes: switching back regrades (and grades made before timelines
        # existed keep their fingerprints).
        what.append("no timelines")
    extra = json.dumps(what, sort_keys=True)
    grades, todo = {}, []
    for sid, path in subs:
        fp = submission.fingerprint(path, extra)
        old = None if a.force else load_grade(a.out, sid)
        if old and old.get("fingerprint") == fp:
            grades[sid] = old
        else:
            todo.append((sid, path, fp))
    progress = Progress(len(subs))
    for sid in grades:
        progress.finished(grades[sid], skipped=True)
    lock = threading.Lock()

    def one(sid, path, fp):
        """Grade one submission and write its files (none if interrupted)."""
        t0 = time.monotonic()
        result = runner.check(sid, path, ctx)
        if runner.STOP.is_set():
            return   # interrupted: no report, so the next run grades it
        twin = ["the same name as " + ", ".join(repr(t) for t in twins[sid])
                + " after Unicode normalisation: check it is one student"] if sid in twins else []
        g = marks.grade_model(sid, result, ctx, time.monotonic() - t0, fingerprint=fp,
                              notes=twin).to_json()
        write_student(a.out, g, a.points_possible, result.timelines)
        with lock:
            grades[sid] = g
            write_class(a.out, [grades[s] for s, _ in subs if s in grades], ctx, a)
        progress.finished(g)

    pool = concurrent.futures.ThreadPoolExecutor(a.jobs)
    try:
        for fut in [pool.submit(one, *t) for t in todo]:
            fut.result()
    except BaseException:
        runner.stop_all()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    final = [grades[s] for s, _ in subs]
    write_class(a.out, final, ctx, a)
    counts = {s: sum(g["status"] == s for g in final) for s in classfiles.STATUSES}
    walls = sorted({g.get("walls", "") for g in final if g.get("walls")})
    for w in walls:
        print("grade: walls: " + names.terminal(w))
    print(f"grade: {len(final)} students in {names.terminal(a.out)} ("
          + ", ".join(f"{v} {k}" for k, v in counts.items() if v)
          + f"; {progress.skipped} unchanged) · {time.monotonic() - progress.start:.1f} s")
    return 0


def main(argv):
    """The command: returns its exit status (0 graded, 1 the grader failed,
    2 a wrong argument, 130 interrupted)."""
    a = parse(argv)
    try:
        if a.write_rubric:
            return write_rubric(a)
        ctx = prepare(a)
        kit.apply_rubric(a.rubric, combined(ctx), ctx.all_lessons)
        ctx = ctx.with_kit_root(kit.snapshot(a.scratch))
        try:
            return grade_all(a, ctx)
        finally:
            shutil.rmtree(ctx.kit_root, ignore_errors=True)
    except (kit.KitError, ValueError) as e:
        sys.stderr.write(f"grade: {names.terminal(str(e)).replace(chr(92) + 'x0a', chr(10))}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\ngrade: interrupted; run the same command again to go on\n")
        return 130
