"""The kit as the grader sees it: its lessons, the checks they declare, and
the rubric that gives each check its points.

A grade must be exactly what `make check` shows a student, so the list of
checks is never written down here: it is read from the lessons' checkers
(`check --list`), built from the students' own stubs in exercises/ (the
declarations do not depend on the code under test, and the stubs hold no
answers that an autograder image could leak)."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "harness"))
from records import records, unescape  # noqa: E402,F401  (the one reader of records.c's lines)
LESSON_RE = re.compile(r"^[0-9][0-9]-[A-Za-z0-9_.-]+$")


def driver(root=ROOT):
    return os.path.join(root, "build", "harness", "forklab")


def core_lib(root=ROOT):
    return os.path.join(root, "build", "harness", "libforklab.a")

RUBRIC = os.path.join(ROOT, "grading", "rubric")


class KitError(Exception):
    """A problem with the kit, the rubric or the command line: one line."""


def make(*args, env=None, timeout=600):
    """Run the kit's Makefile; returns the CompletedProcess."""
    return subprocess.run(["make", "--no-print-directory", "-C", ROOT, *args],
                          capture_output=True, text=True, env=env, timeout=timeout)


def lessons():
    """Every lesson that has checks (harness/lessons/NN-name/checks.c), in order."""
    base = os.path.join(ROOT, "harness", "lessons")
    return sorted(d for d in os.listdir(base)
                  if LESSON_RE.match(d) and os.path.isfile(os.path.join(base, d, "checks.c")))


def select_lessons(wanted):
    """The lessons named by --lesson values ("01", "01-processes"), or all."""
    every = lessons()
    if not wanted:
        return every
    chosen = []
    for w in wanted:
        hits = [l for l in every if l == w or l.startswith(w + "-") or l[:2] == w]
        if not hits:
            raise KitError(f"--lesson {w}: no such lesson (there are {', '.join(every)})")
        chosen += [h for h in hits if h not in chosen]
    return sorted(chosen)


def tracer(root=ROOT):
    """The compiled tracer a trace-mode checker is linked with (the failing
    checks' timelines)."""
    return os.path.join(root, "build", "harness", "trace", "trace.o")


def built_kit(root=ROOT):
    """Every file of the kit's build that a lesson's checker is linked from
    or the driver runs: the core library, the checker's main, each lesson's
    compiled checks and its list of checks, the driver, and the tracer when
    it is built."""
    out = [core_lib(root), driver(root), os.path.join(root, "build", "harness", "main.o")]
    if os.path.exists(tracer(root)):
        out.append(tracer(root))
    lessons_dir = os.path.join(root, "build", "harness", "lessons")
    for lesson in sorted(os.listdir(lessons_dir)) if os.path.isdir(lessons_dir) else []:
        for name in ("checks.o", "list", os.path.join("policy", "no-use")):
            path = os.path.join(lessons_dir, lesson, name)
            if os.path.exists(path):
                out.append(path)
    # The functions a lesson hands over from earlier ones (harness/given),
    # compiled: the checker links them, and the snapshot is read-only.
    given_dir = os.path.join(root, "build", "harness", "given")
    for name in sorted(os.listdir(given_dir)) if os.path.isdir(given_dir) else []:
        if name.endswith(".o") and name[:2].isdigit():
            out.append(os.path.join(given_dir, name))
    return out


def build_kit(with_tracer=True):
    """Build the harness library and the driver, and the tracer unless
    with_tracer is false (as the invoking user)."""
    r = make("kit", *([os.path.relpath(tracer(), ROOT)] if with_tracer else []))
    if r.returncode != 0:
        raise KitError("`make kit` failed:\n" + r.stdout + r.stderr)


def snapshot(parent=None):
    """A copy of what `make checkers` and the driver need (the Makefile,
    harness/ with every lesson's checks, the built library and driver), in
    a fresh folder other users can read.  Every submission is graded with
    the same kit even if the tree changes meanwhile, and the kit may live in
    a folder the graders' uids cannot enter (such as /root)."""
    dest = tempfile.mkdtemp(prefix="forklab-kit-", dir=parent)
    os.chmod(dest, 0o755)
    shutil.copy2(os.path.join(ROOT, "Makefile"), dest)
    shutil.copytree(os.path.join(ROOT, "harness"), os.path.join(dest, "harness"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.makedirs(os.path.join(dest, "build", "harness"))
    for path in built_kit():
        rel = os.path.relpath(path, ROOT)
        os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
        shutil.copy2(path, os.path.join(dest, rel))
    for top, dirs, files in os.walk(dest):
        for name in dirs + files:
            p = os.path.join(top, name)
            os.chmod(p, os.stat(p).st_mode | 0o044 | (0o011 if os.path.isdir(p) else 0))
    check_reachable(dest)
    return dest


def check_reachable(root):
    """Student code runs as another user when we are root: the kit's copy
    must be readable by other users."""
    if os.geteuid() != 0:
        return
    path = root
    while path != "/":
        if not os.stat(path).st_mode & 0o001:
            raise KitError(f"other users cannot enter {path}, but student code runs as an "
                           f"unprivileged user and needs the kit at {root}: use --scratch DIR "
                           f"with a DIR they can enter")
        path = os.path.dirname(path)


def build_dir(work, lesson, root=ROOT):
    """Where the Makefile (of the kit at root) puts WORK's checker for a lesson."""
    return os.path.join(root, "build", "work" + os.path.abspath(work), lesson)


def list_checker(exe):
    """Run `exe --list`; returns the declarations as dicts, in order."""
    r = subprocess.run([exe, "--list"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise KitError(f"{exe} --list exited {r.returncode}: {r.stderr.strip()}")
    decls = []
    for f in records(r.stdout):
        if f[0] != "list" or len(f) != 7:
            raise KitError(f"{exe} --list printed an unexpected line: {f!r}")
        decls.append({"lesson": f[1], "id": f[2], "title": f[3], "points": int(f[4]),
                      "timeout": float(f[5]), "section": f[6], "hidden": False})
    return decls


def _decl_digest(lesson):
    """A digest of what a lesson's declarations depend on: the harness, its
    checks and its stub."""
    h = hashlib.sha256()
    paths = [os.path.join(ROOT, "harness", f) for f in os.listdir(os.path.join(ROOT, "harness"))
             if f.endswith((".c", ".h"))]
    paths.append(os.path.join(ROOT, "harness", "lessons", lesson, "checks.c"))
    stub = os.path.join(ROOT, "exercises", lesson)
    if os.path.isdir(stub):
        paths += [os.path.join(stub, f) for f in os.listdir(stub)]
    for p in sorted(paths):
        if os.path.isfile(p):
            with open(p, "rb") as f:
                h.update(p.encode() + b"\0" + f.read())
    return h.hexdigest()[:20]


def declarations(selected, scratch=None):
    """{lesson: [declaration, ...]} for the selected lessons, read from
    checkers built on a private copy of exercises/ (of solutions/ when a
    stub does not build): a copy, so that a `make check` running at the same
    time never hands us a half-written checker.  Remembered in
    build/grading/ until the harness, the checks or the stub change."""
    cache = os.path.join(ROOT, "build", "grading", "declarations")
    os.makedirs(cache, exist_ok=True)
    keys = {l: os.path.join(cache, f"{l}-{_decl_digest(l)}.json") for l in selected}
    out = {}
    for lesson, path in keys.items():
        try:
            with open(path, encoding="utf-8") as f:
                out[lesson] = json.load(f)
        except (OSError, ValueError):
            pass
    if len(out) < len(selected):
        fresh = _build_declarations([l for l in selected if l not in out], scratch)
        for lesson, decls in fresh.items():
            fd, tmp = tempfile.mkstemp(dir=cache)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(decls, f)
            os.replace(tmp, keys[lesson])
        out.update(fresh)
    return {l: out[l] for l in selected}


def _build_declarations(selected, scratch):
    out = {}
    tmp = tempfile.mkdtemp(prefix="forklab-decl-", dir=scratch)
    try:
        for work in ("exercises", "solutions"):
            todo = [l for l in selected if l not in out
                    and os.path.isdir(os.path.join(ROOT, work, l))]
            if not todo:
                continue
            copy = os.path.join(tmp, work)
            for lesson in todo:
                shutil.copytree(os.path.join(ROOT, work, lesson), os.path.join(copy, lesson))
            make(f"-j{os.cpu_count() or 1}", "checkers", f"WORK={copy}", "LESSON=" + " ".join(todo))
            for lesson in todo:
                exe = os.path.join(build_dir(copy, lesson), "check")
                if os.path.exists(exe):
                    out[lesson] = list_checker(exe)
    finally:
        shutil.rmtree(os.path.join(ROOT, "build", "work" + os.path.abspath(tmp)), ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    missing = [l for l in selected if l not in out]
    if missing:
        raise KitError(f"the checks of {', '.join(missing)} build neither with exercises/ nor "
                       f"with solutions/ (try `make checkers WORK=solutions LESSON=...`)")
    return out


def student_cflags():
    """The Makefile's flags for student code, so hidden checks build the same way."""
    r = make("-s", "--eval", "forklab-print-flags: ; @echo $(STUDENT_CFLAGS) $(EXTRA_CFLAGS)",
             "forklab-print-flags")
    if r.returncode != 0:
        raise KitError("cannot read STUDENT_CFLAGS from the Makefile: " + r.stderr.strip())
    return r.stdout.split()


# ---- the rubric ----

RUBRIC_HEAD = """\
# forklab rubric: the points of every check, one line a check:
#     LESSON  CHECK-ID  POINTS
# Partial credit is per check: a passing check earns its points, a failing one
# none.  Edit the points freely; every check of a graded lesson needs a line,
# and every line must name a check (grading/grade says which line is wrong).
# Regenerate after lessons change, keeping the points you set:
#     grading/grade --write-rubric [--rubric FILE] [--extra DIR]
"""


def read_rubric(path):
    """[(line number, lesson, id, points)] from a rubric file."""
    rows = []
    try:
        text = open(path, encoding="utf-8").read()
    except OSError as e:
        raise KitError(f"cannot read the rubric {path}: {e.strerror}")
    for n, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        f = body.split()
        if len(f) != 3 or not re.fullmatch(r"\d+", f[2]):
            raise KitError(f"{path}:{n}: expected `LESSON CHECK-ID POINTS`, got {line.strip()!r}")
        rows.append((n, f[0], f[1], int(f[2])))
    return rows


def apply_rubric(path, decls, known_lessons):
    """Set each declaration's points from the rubric at path.  Every check of
    the declared lessons needs exactly one line; every line must name a
    check (lines for lessons not being graded need only name a lesson)."""
    seen = {}
    index = {(d["lesson"], d["id"]): d for ds in decls.values() for d in ds}
    for n, lesson, cid, points in read_rubric(path):
        if lesson not in known_lessons:
            raise KitError(f"{path}:{n}: no lesson {lesson!r} (lessons: {', '.join(known_lessons)})")
        if lesson not in decls:
            continue
        if (lesson, cid) not in index:
            raise KitError(f"{path}:{n}: lesson {lesson} has no check {cid!r}")
        if (lesson, cid) in seen:
            raise KitError(f"{path}:{n}: {lesson} {cid} already has points on line {seen[lesson, cid]}")
        seen[lesson, cid] = n
        index[lesson, cid]["points"] = points
    for key in index:
        if key not in seen:
            raise KitError(f"{path}: no line for check {key[1]!r} of lesson {key[0]} "
                           f"(add `{key[0]} {key[1]} POINTS`, or run grading/grade --write-rubric)")


def rubric_text(decls, old_rows=()):
    """The rubric for decls, keeping the points of checks old_rows already had."""
    kept = {(l, c): p for _, l, c, p in old_rows}
    lines = [RUBRIC_HEAD]
    for lesson in sorted(decls):
        lines.append(f"\n# {lesson}\n")
        width = max(len(d["id"]) for d in decls[lesson]) if decls[lesson] else 0
        for d in decls[lesson]:
            points = kept.get((lesson, d["id"]), d["points"])
            tag = "   # hidden" if d["hidden"] else ""
            lines.append(f"{lesson}  {d['id']:<{width}}  {points}{tag}\n")
    return "".join(lines)
