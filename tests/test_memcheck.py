"""make memcheck: every solution is clean under valgrind, every broken
variant in tests/broken-memcheck/LESSON/*.patch is caught as the finding its
header names and attributed to a line the patch added, the JSON summary
follows its schema, and a missing valgrind is explained, not crashed on."""
import json
import os
import shutil
import subprocess
import tempfile

import jsonschema

from kit import ROOT, build, lessons

MEMCHECK = os.path.join(ROOT, "harness", "memcheck", "memcheck.py")
SCHEMA = os.path.join(ROOT, "harness", "memcheck", "summary.schema.json")
SOLUTIONS = os.path.join(ROOT, "solutions")
BROKEN = os.path.join(ROOT, "tests", "broken-memcheck")


def memcheck(work, lesson):
    """Run the lesson's checks under valgrind; the JSON summary, validated."""
    assert shutil.which("valgrind"), "valgrind is not installed (CI: apt-get install valgrind)"
    d = build(work, lesson)
    r = subprocess.run(["python3", MEMCHECK, "--work", work, "--format", "json", d],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode in (0, 1), f"memcheck.py exited {r.returncode}: {r.stderr}"
    summary = json.loads(r.stdout)
    with open(SCHEMA) as f:
        jsonschema.validate(summary, json.load(f))
    (lrec,) = summary["lessons"]
    assert lrec["status"] == "ran", f"{lesson}: {lrec['status']}: {lrec.get('log', '')}"
    return lrec["checks"]


def show(f):
    return f"{f['kind']} at {f['file']}:{f['line']} ({f['process']}): {f['what']}"


def solution_clean(lesson):
    checks = memcheck(SOLUTIONS, lesson)
    assert checks, f"{lesson} has no checks"
    bad = [f"{c['id']}: {show(f)}" for c in checks for f in c["findings"]]
    assert not bad, "the solution has findings under memcheck:\n" + "\n".join(bad)
    failed = [f"{c['id']}: {c.get('observed', c['verdict'])}" for c in checks
              if c["verdict"] not in ("pass", "skip")]
    assert not failed, "checks fail under valgrind:\n" + "\n".join(failed)


def header(patch):
    """The finding kind, the mistake and (optional) the process -- caller or
    child -- a variant patch declares."""
    head = {}
    with open(patch) as f:
        for line in f:
            if line.startswith("---"):
                break
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
    return head["finding"], head.get("mistake", ""), head.get("process")


def added_lines(patch):
    with open(patch) as f:
        return {l[1:].strip() for l in f if l.startswith("+") and not l.startswith("+++")}


def variant_caught(lesson, patch):
    kind, mistake, process = header(patch)
    tmp = tempfile.mkdtemp(prefix="forklab-memcheck-")
    try:
        shutil.copytree(os.path.join(SOLUTIONS, lesson), os.path.join(tmp, lesson))
        r = subprocess.run(["patch", "-s", "-p1", "-d", os.path.join(tmp, lesson), "-i", patch],
                           capture_output=True, text=True)
        assert r.returncode == 0, f"{patch} does not apply: {r.stdout}{r.stderr}"
        checks = memcheck(tmp, lesson)
        found = [f for c in checks for f in c["findings"] if f["kind"] == kind]
        assert found, f"'{mistake}' was not caught as {kind}; findings: " + \
            "; ".join(show(f) for c in checks for f in c["findings"])
        added = added_lines(patch)
        for f in found:
            path = os.path.join(tmp, lesson, os.path.basename(f["file"]))
            assert os.path.dirname(f["file"]).endswith(lesson), f"not in the student's files: {show(f)}"
            text = open(path).read().splitlines()[f["line"] - 1].strip()
            assert text in added, f"attributed to a line the patch did not add: {show(f)}: {text!r}"
            if process:
                assert f["process"] == process, f"expected in the {process}: {show(f)}"
            if kind == "open-fd":
                assert f["section"] == "09-queue § Closing pipe ends", show(f)
                assert "pipe" in f["hint"], f["hint"]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(os.path.join(ROOT, "build", "work" + tmp), ignore_errors=True)


def variants(lesson):
    d = os.path.join(BROKEN, lesson)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".patch")) \
        if os.path.isdir(d) else []


def test_variants_cover_the_four_kinds():
    kinds = {header(v)[0] for l in lessons() for v in variants(l)}
    missing = {"leak", "invalid-read", "open-fd", "uninitialised"} - kinds
    assert not missing, f"tests/broken-memcheck has no variant caught as {sorted(missing)}"


def test_missing_valgrind_says_how_to_install():
    """With valgrind off PATH, `make memcheck` names the packages and fails."""
    bindir = tempfile.mkdtemp(prefix="forklab-novalgrind-")
    try:
        for d in ("/usr/local/bin", "/usr/bin"):
            for name in os.listdir(d):
                dst = os.path.join(bindir, name)
                if not name.startswith("valgrind") and not os.path.exists(dst):
                    os.symlink(os.path.join(d, name), dst)
        env = dict(os.environ, PATH=bindir)
        r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "memcheck", "LESSON=01",
                            "WORK=solutions"], capture_output=True, text=True, env=env)
        assert r.returncode != 0, "make memcheck succeeded without valgrind"
        assert "apt-get install valgrind" in r.stderr and "dnf install valgrind" in r.stderr, \
            r.stderr
    finally:
        shutil.rmtree(bindir, ignore_errors=True)


def test_pipe_section_is_in_the_lesson_text():
    """The open-fd hint sends students to a heading that must exist."""
    readme = os.path.join(ROOT, "lessons", "09-queue", "README.md")
    assert os.path.exists(readme) and "\n## Closing pipe ends\n" in open(readme).read(), \
        "lessons/09-queue/README.md has no '## Closing pipe ends' heading for the open-fd hint"


def collect():
    out = []
    for lesson in lessons():
        if os.path.isdir(os.path.join(SOLUTIONS, lesson)):
            out.append((f"{lesson} solution is clean under valgrind",
                        lambda l=lesson: solution_clean(l)))
        for v in variants(lesson):
            out.append((f"{lesson} memcheck catches {os.path.basename(v)[:-6]}",
                        lambda l=lesson, p=v: variant_caught(l, p)))
    return out
