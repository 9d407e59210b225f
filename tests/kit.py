"""Helpers the kit's tests share: build a work folder, run a lesson's
checker, apply a broken variant."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "harness"))
from records import unescape  # noqa: E402  (harness/records.py, shared with memcheck)


def lessons():
    """Every lesson that has checks, in order."""
    return sorted(d for d in os.listdir(os.path.join(ROOT, "harness", "lessons"))
                  if d[:2].isdigit())


def make(*args, check=True, env=None):
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, *args],
                       capture_output=True, text=True, env=env)
    if check and r.returncode != 0:
        raise AssertionError(f"make {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}")
    return r


def build_dir(work, lesson):
    return os.path.join(ROOT, "build", "work" + os.path.abspath(work), lesson)


# The kit's own trees, which no test changes: each of their checkers is
# brought up to date once a run, however many tests ask (test_repeat alone
# asks 260 times), and never by two tests at once (build-checker removes
# the checker it rebuilds, under a reader's feet).
_FIXED = {os.path.join(ROOT, "solutions"), os.path.join(ROOT, "exercises")}
_built = {}
_built_lock = threading.Lock()


def build(work, lesson):
    work_abs = os.path.abspath(work)
    if work_abs not in _FIXED:
        make("checkers", f"WORK={work}", f"LESSON={lesson}")
        return build_dir(work, lesson)
    with _built_lock:
        once = _built.setdefault((work_abs, lesson), [threading.Lock(), False])
    with once[0]:
        if not once[1]:
            make("checkers", f"WORK={work}", f"LESSON={lesson}")
            once[1] = True
    return build_dir(work, lesson)


RESULT_FIELDS = ["kind", "lesson", "id", "title", "points", "verdict", "seconds", "section",
                 "expected", "observed", "notes", "output_bytes", "output"]

LIST_FIELDS = ["kind", "lesson", "id", "title", "points", "timeout", "section"]


def run_checker(work, lesson, *args, env=None, timeout=120):
    """Build and run one lesson's checker; returns {check id: record dict}."""
    d = build(work, lesson)
    exe = os.path.join(d, "check")
    if not os.path.exists(exe):
        log = open(os.path.join(d, "build.log")).read()
        raise AssertionError(f"{work}/{lesson} did not build:\n{log}")
    r = subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=timeout,
                       errors="replace")
    assert r.returncode == 0, f"checker exited {r.returncode}: {r.stderr}"
    out = {}
    for line in r.stdout.splitlines():
        fields = [unescape(f) for f in line.split("\t")]
        rec = dict(zip(LIST_FIELDS if fields[0] == "list" else RESULT_FIELDS, fields))
        out[rec["id"]] = rec
    return out


DRIVER = os.path.join(ROOT, "build", "harness", "forklab")


def run_driver(dirs, *args, env=None, timeout=600):
    """The driver (what `make check` runs) over lesson build folders, as
    JSON; returns its document.  Its exit status says only whether
    something failed, so it is not asserted here."""
    r = subprocess.run([DRIVER, "--format", "json", *args, *dirs], capture_output=True,
                       text=True, env=env, timeout=timeout, errors="replace")
    try:
        return json.loads(r.stdout)
    except ValueError:
        raise AssertionError(f"the driver printed no JSON (exit {r.returncode}): "
                             f"{r.stdout[-2000:]}{r.stderr[-2000:]}")


def driver_failures(doc):
    """Every check of a driver document that neither passed nor was
    skipped, described for a person."""
    return [f"{l['lesson']}/{c['id']}: {c['verdict']} -- expected {c['expected']!r}; "
            f"observed {c['observed']!r}{' (' + c['notes'] + ')' if c['notes'] else ''}"
            for l in doc["lessons"] for c in l["checks"] if c["verdict"] not in ("pass", "skip")]


def describe(rec):
    return (f"{rec['id']}: {rec['verdict']} -- expected {rec['expected']!r}; "
            f"observed {rec['observed']!r}")


def variants(lesson):
    d = os.path.join(ROOT, "tests", "broken", lesson)
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".patch"))


def variant_header(path):
    """The caught-by check id and the mistake a variant patch declares."""
    head = {}
    with open(path) as f:
        for line in f:
            if line.startswith("---"):
                break
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
    return head["caught-by"], head.get("mistake", "")


def remove_work(work):
    """Delete a temporary work folder and its build."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(os.path.join(ROOT, "build", "work" + os.path.abspath(work)), ignore_errors=True)


def work_with_variant(lesson, patch):
    """A fresh work folder: the lesson's solution with `patch` applied."""
    tmp = tempfile.mkdtemp(prefix="forklab-variant-")
    shutil.copytree(os.path.join(ROOT, "solutions", lesson), os.path.join(tmp, lesson))
    r = subprocess.run(["patch", "-s", "-p1", "-d", os.path.join(tmp, lesson), "-i", patch],
                       capture_output=True, text=True)
    assert r.returncode == 0, f"{patch} does not apply: {r.stdout}{r.stderr}"
    return tmp
