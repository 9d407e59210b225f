"""make coverage: lines run only in forked children are counted (every _exit
writes gcov's counters first), the summary follows its schema, each solution
has 98% of its lines run by the checks -- lines left unrun on purpose are
listed in tests/coverage/LESSON.txt -- and a missing gcovr is explained."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading

import jsonschema

from kit import ROOT, lessons, make

SCHEMA = os.path.join(ROOT, "harness", "memcheck", "summary.schema.json")
SOLUTIONS = os.path.join(ROOT, "solutions")
LISTS = os.path.join(ROOT, "tests", "coverage")
THRESHOLD = 98.0
# The coverage builds of different lessons share the wrapper object: build
# it once.  Two runs of one lesson share its counters: one at a time.
_build = threading.Lock()
_lesson_locks = {}


def coverage(lesson, work="solutions"):
    """Run `make coverage` for one lesson into a folder of its own; returns
    (make's result, the lesson's summary), the summary validated."""
    assert shutil.which("gcovr"), "gcovr is not installed (CI: apt-get install gcovr)"
    out = tempfile.mkdtemp(prefix="forklab-coverage-")
    try:
        with _build:
            make("kit", "build/harness/coverage/gcov_exit.o")
            lock = _lesson_locks.setdefault((work, lesson), threading.Lock())
        with lock:
            r = make("coverage", f"WORK={work}", f"LESSON={lesson}", f"COVERAGE_OUT={out}",
                     "FORMAT=json", check=False)
        path = os.path.join(out, "summary.json")
        assert os.path.exists(path), f"no summary.json:\n{r.stdout}\n{r.stderr}"
        with open(path) as f:
            summary = json.load(f)
        with open(SCHEMA) as f:
            jsonschema.validate(summary, json.load(f))
        (lrec,) = summary["lessons"]
        assert lrec["status"] == "ran", f"{work}/{lesson}: {lrec['status']}:\n{r.stdout[-3000:]}"
        assert os.path.exists(os.path.join(out, "index.html")), "no HTML report"
        return r, lrec
    finally:
        shutil.rmtree(out, ignore_errors=True)


def unrun_list(lesson):
    """{(file, line): text} of tests/coverage/LESSON.txt:
    `file.c:LINE: source text -- why`."""
    path = os.path.join(LISTS, f"{lesson}.txt")
    listed = {}
    if os.path.exists(path):
        for raw in open(path):
            if raw.strip() and not raw.startswith("#"):
                m = re.match(r"^([^:]+):(\d+): (.*?) -- (.+)$", raw.strip())
                assert m, f"{path}: not `file.c:LINE: text -- why`: {raw!r}"
                listed[(m.group(1), int(m.group(2)))] = m.group(3).strip()
    return listed


def solution_covered(lesson):
    r, l = coverage(lesson)
    assert r.returncode == 0, f"the checks fail in the coverage build:\n{r.stdout[-3000:]}"
    assert l["status"] == "ran" and l["files"], f"{lesson}: nothing measured ({l['status']})"
    listed = unrun_list(lesson)
    for (fname, line), text in listed.items():
        src = open(os.path.join(SOLUTIONS, lesson, fname)).read().splitlines()
        assert line <= len(src) and src[line - 1].strip() == text, \
            f"tests/coverage/{lesson}.txt: {fname}:{line} no longer reads {text!r}; update it"
    unrun = [(f["file"], u["line"], u["text"]) for f in l["files"] for u in f["unrun"]
             if (f["file"], u["line"]) not in listed]
    total = l["lines"]["total"] - sum(1 for f in l["files"] for u in f["unrun"]
                                      if (f["file"], u["line"]) in listed)
    pct = 100.0 * (total - len(unrun)) / total if total else 100.0
    assert pct >= THRESHOLD, (
        f"the checks run {pct:.1f}% of {lesson}'s solution lines (not listed as unrun on "
        f"purpose), below {THRESHOLD}%. Add checks, or list in tests/coverage/{lesson}.txt:\n"
        + "\n".join(f"{f}:{n}: {t} -- WHY" for f, n, t in unrun))


def test_child_lines_are_counted():
    """Lesson 01's child branch runs only in forked children that end with
    _exit: without the wrapper their counters are lost and it reads 0."""
    r, l = coverage("01-processes")
    src = open(os.path.join(SOLUTIONS, "01-processes", "processes.c")).read().splitlines()
    child = {i + 1 for i, t in enumerate(src) if "p->task(p->arg)" in t or "_exit(code" in t}
    assert len(child) == 2, "processes.c changed: find the child's lines anew"
    unrun = {u["line"] for f in l["files"] for u in f["unrun"]}
    assert not child & unrun, f"lines {sorted(child & unrun)} run in the child read as unrun"
    assert l["lines"]["covered"] > 0 and l["branches"]["total"] > 0, l


def test_missing_gcovr_says_how_to_install():
    bindir = tempfile.mkdtemp(prefix="forklab-nogcovr-")
    try:
        for d in ("/usr/local/bin", "/usr/bin"):
            for name in os.listdir(d):
                dst = os.path.join(bindir, name)
                if name != "gcovr" and not os.path.exists(dst):
                    os.symlink(os.path.join(d, name), dst)
        env = dict(os.environ, PATH=bindir)
        r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "coverage", "LESSON=01",
                            "WORK=solutions"], capture_output=True, text=True, env=env)
        assert r.returncode != 0, "make coverage succeeded without gcovr"
        assert "apt-get install gcovr" in r.stderr and "brew install gcovr" in r.stderr, r.stderr
    finally:
        shutil.rmtree(bindir, ignore_errors=True)


def collect():
    return [(f"{lesson} solution has {THRESHOLD:g}% of its lines run by the checks",
             lambda l=lesson: solution_covered(l))
            for lesson in lessons() if os.path.isdir(os.path.join(SOLUTIONS, lesson))]
