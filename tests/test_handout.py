"""make handout: the repository students get builds and checks, and shows no
answer.  One handout is built into a temporary folder and shared by the
tests below (built once, on first use)."""
import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading

from kit import ROOT, lessons

_lock = threading.Lock()
_handout = {}


def handout():
    """The path of a handout made by `make handout OUT=...` (made once)."""
    with _lock:
        if "path" not in _handout:
            tmp = tempfile.mkdtemp(prefix="forklab-handout-")
            out = os.path.join(tmp, "handout")
            r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "handout", f"OUT={out}"],
                               capture_output=True, text=True)
            assert r.returncode == 0, f"make handout failed:\n{r.stdout}{r.stderr}"
            _handout["path"] = out
            # What make handout wrote, before any test builds in it.
            _handout["files"] = handout_files(out)
            atexit.register(shutil.rmtree, tmp, True)
        return _handout["path"]


def shipped():
    """The handout's files as make handout wrote them."""
    handout()
    return _handout["files"]


def handout_files(top):
    return sorted(os.path.relpath(os.path.join(d, f), top)
                  for d, _, fs in os.walk(top) for f in fs)


# ---- what the solutions say that the stubs do not ----

def _code(line):
    """A line of C without its comment and its spacing: the same statement
    indented or commented differently is still the same statement."""
    line = re.sub(r"/\*.*?\*/", "", line)
    line = re.sub(r"//.*|/\*.*|^\s*\*.*", "", line)
    return " ".join(line.split())


def function_body_lines(path):
    """The lines inside the top-level function bodies of a C file (between a
    line that opens with '{' at column 0 and the '}' at column 0)."""
    out, inside = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("{"):
                inside = True
                continue
            if line.startswith("}"):
                inside = False
                continue
            if inside:
                out.append(line)
    return out


# A line shorter than this is too common to stand for an answer
# (`return -1;`, `errno = EINVAL;`, `p->ended = 1;`).
MIN_LINE = 20


def answer_lines():
    """{normalised line: where} for every non-trivial line of a solution's
    function bodies that its lesson's stub does not have."""
    out = {}
    for lesson in lessons():
        sol = os.path.join(ROOT, "solutions", lesson)
        ex = os.path.join(ROOT, "exercises", lesson)
        stub = set()
        for f in os.listdir(ex):
            with open(os.path.join(ex, f), encoding="utf-8") as fh:
                stub |= {_code(l) for l in fh}
        for f in sorted(os.listdir(sol)):
            if not f.endswith(".c"):
                continue
            for line in function_body_lines(os.path.join(sol, f)):
                c = _code(line)
                if len(c) >= MIN_LINE and c not in stub:
                    out.setdefault(c, f"solutions/{lesson}/{f}")
    return out


def taught_lines():
    """Lines the kit shows on purpose: the lessons' texts (their code
    examples), and the harness's own code outside harness/given/ (its
    idioms -- `struct sigaction sa;`, a loop over n -- are no answer, and
    the checks are shipped to be read)."""
    out = set()
    for lesson in lessons():
        d = os.path.join(ROOT, "lessons", lesson)
        for f in os.listdir(d):
            if f.startswith("README"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    out |= {_code(l) for l in fh}
    harness = os.path.join(ROOT, "harness")
    for d, dirs, fs in os.walk(harness):
        dirs[:] = [x for x in dirs if os.path.join(d, x) != os.path.join(harness, "given")]
        for f in fs:
            if f.endswith((".c", ".h")):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    out |= {_code(l) for l in fh}
    return out


def leaks(top, rels, answers, allowed):
    found = []
    for rel in rels:
        with open(os.path.join(top, rel), "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            c = _code(line)
            if c in answers and c not in allowed:
                found.append(f"{rel}:{n}: {c!r} (from {answers[c]})")
    return found


# ---- the tests ----

def test_no_answer_in_the_handout():
    """No line of a solution's function bodies that its stub lacks is in any
    file of the handout (objects included, read as text), unless the kit
    shows it on purpose elsewhere (taught_lines); and in the exercises not
    even those, but for the lessons' texts."""
    out = handout()
    answers = answer_lines()
    assert len(answers) > 300, f"only {len(answers)} answer lines found: the comparison is broken"
    files = shipped()
    found = leaks(out, files, answers, taught_lines())
    assert not found, "the handout shows solution lines:\n" + "\n".join(found[:40])
    texts = set()
    for lesson in lessons():
        for f in os.listdir(os.path.join(ROOT, "lessons", lesson)):
            if f.startswith("README"):
                with open(os.path.join(ROOT, "lessons", lesson, f), encoding="utf-8") as fh:
                    texts |= {_code(l) for l in fh}
    found = leaks(out, [f for f in files if f.startswith("exercises/")], answers, texts)
    assert not found, "the handout's exercises show solution lines:\n" + "\n".join(found[:40])


def test_handout_has_no_kit_internals():
    out = handout()
    files = shipped()
    for banned in ("solutions/", "tests/", "grading/", "tools/", ".ci/"):
        bad = [f for f in files if f.startswith(banned)]
        assert not bad, f"the handout ships {banned}: {bad[:5]}"
    assert not [f for f in files if "gradelib" in f or f.endswith(".patch")]
    given_src = [f for f in files if f.startswith("harness/given/") and f.endswith((".c", ".h"))]
    assert not given_src, f"the handout ships the given sources: {given_src}"
    assert not [f for f in files if f.startswith("build/")], "the handout ships a build/"
    assert not os.path.exists(os.path.join(out, "exercises", "10-producer-consumer", "queue.c"))


def test_handout_has_what_a_student_needs():
    out = handout()
    files = set(shipped())
    for f in ("Makefile", "README.md", ".gitignore", "lessons/lesson.mk",
              "harness/build-checker", "harness/policy.sh", "harness/given/MACHINE"):
        assert f in files, f"the handout lacks {f}"
    for lesson in lessons():
        for f in ("README.md", "README.zh.md", "trace.svg", "Makefile"):
            assert f"lessons/{lesson}/{f}" in files, f"the handout lacks lessons/{lesson}/{f}"
        assert f"harness/lessons/{lesson}/checks.c" in files
        for h in os.listdir(os.path.join(ROOT, "harness", "lessons", lesson)):
            assert f"harness/lessons/{lesson}/{h}" in files
        for f in os.listdir(os.path.join(ROOT, "exercises", lesson)):
            assert f"exercises/{lesson}/{f}" in files
        if os.path.isdir(os.path.join(ROOT, "harness", "given", lesson)):
            assert f"harness/given/{lesson}.o" in files, f"no given object for {lesson}"
    # A template repository made from the handout must keep the objects.
    ignore = open(os.path.join(out, ".gitignore")).read()
    assert "!/harness/given/*.o" in ignore
    for f in files:
        if f == "README.md" or (f.startswith("lessons/") and f.endswith(".md")):
            text = open(os.path.join(out, f), encoding="utf-8").read()
            assert "solutions/" not in text, f"the handout's {f} points at solutions/"
    readme = open(os.path.join(out, "README.md"), encoding="utf-8").read()
    for kit_only in ("make test", "grading/grade", "WORK=solutions", "make solution"):
        assert kit_only not in readme, f"the handout's README.md mentions {kit_only}"


def test_handout_checks_lesson_04():
    """The student loop in the handout: the checker builds from the stub and
    the prebuilt given object, runs, and every check fails (the stub)."""
    out = handout()
    r = subprocess.run(["make", "--no-print-directory", "-C", out, "check", "LESSON=04",
                        "FORMAT=tap"], capture_output=True, text=True, timeout=600)
    assert r.returncode != 0, "the stubs pass lesson 04 in the handout"
    assert "did not build" not in r.stdout and "did not link" not in r.stdout, r.stdout + r.stderr
    failed = re.findall(r"^not ok \d+", r.stdout, re.M)
    passed = re.findall(r"^ok \d+", r.stdout, re.M)
    assert failed and not passed, f"expected every check to fail cleanly:\n{r.stdout}{r.stderr}"
    assert "Function not implemented" in r.stdout or "ENOSYS" in r.stdout, r.stdout
    # Inside a lesson folder too; and the kit-only targets say so.
    r = subprocess.run(["make", "--no-print-directory", "-C", os.path.join(out, "lessons", "10-producer-consumer"),
                        "check"], capture_output=True, text=True, timeout=600)
    assert "did not build" not in r.stdout and "did not link" not in r.stdout, r.stdout + r.stderr
    assert "✗" in r.stdout, r.stdout + r.stderr
    r = subprocess.run(["make", "--no-print-directory", "-C", out, "test"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode != 0 and "forklab kit" in r.stderr, r.stdout + r.stderr


def test_handout_refuses_a_given_function_defined_again():
    """A student who pastes lesson 01's proc_start into lesson 04 gets a
    refusal naming it, not a linker's message."""
    out = handout()
    work = tempfile.mkdtemp(prefix="forklab-handout-work-")
    try:
        shutil.copytree(os.path.join(out, "exercises", "04-join"), os.path.join(work, "04-join"))
        with open(os.path.join(work, "04-join", "join.c"), "a") as f:
            f.write("\nint proc_start(struct proc *p)\n{\n    (void)p;\n    return -1;\n}\n")
        r = subprocess.run(["make", "--no-print-directory", "-C", out, "check", "LESSON=04",
                            f"WORK={work}"], capture_output=True, text=True, timeout=600)
        assert r.returncode != 0
        assert "defines proc_start, which this lesson gives you already" in r.stdout + r.stderr, \
            r.stdout + r.stderr
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_handout_made_again_is_refused_over_a_full_folder():
    out = handout()
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "handout", f"OUT={out}"],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "not an empty folder" in r.stdout + r.stderr
