"""make memcheck: every solution is clean under valgrind, every broken
variant in tests/broken-memcheck/LESSON/*.patch is caught as the finding its
header names and attributed to a line the patch added, each finding is shown
once with the titles of every check that hit it, the JSON summary follows
its schema, and a missing valgrind is explained, not crashed on."""
import contextlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

from kit import ROOT, build, lessons

MEMCHECK = os.path.join(ROOT, "harness", "memcheck", "memcheck.py")
SCHEMA = os.path.join(ROOT, "harness", "memcheck", "summary.schema.json")
SOLUTIONS = os.path.join(ROOT, "solutions")
BROKEN = os.path.join(ROOT, "tests", "broken-memcheck")
# Variants whose mistake every check that starts a process runs into: their
# finding must be listed once, with several checks.
SEVERAL = {("01-processes", "leak.patch")}


def load_memcheck():
    spec = importlib.util.spec_from_file_location("memcheck", MEMCHECK)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def memcheck(work, lesson):
    """Run the lesson's checks under valgrind once: the lesson's JSON record
    (validated against the schema) and the human report of the same run."""
    assert shutil.which("valgrind"), "valgrind is not installed (CI: apt-get install valgrind)"
    d = build(work, lesson)
    fd, out = tempfile.mkstemp(prefix="forklab-memcheck-", suffix=".json")
    os.close(fd)
    try:
        r = subprocess.run(["python3", MEMCHECK, "--work", work, "--json", out, d],
                           capture_output=True, text=True, timeout=900,
                           env=dict(os.environ, NO_COLOR="1"))
        assert r.returncode in (0, 1), f"memcheck.py exited {r.returncode}: {r.stderr}"
        with open(out) as f:
            summary = json.load(f)
    finally:
        os.unlink(out)
    with open(SCHEMA) as f:
        jsonschema.validate(summary, json.load(f))
    (lrec,) = summary["lessons"]
    assert lrec["status"] == "ran", f"{lesson}: {lrec['status']}: {lrec.get('log', '')}"
    each_once(lrec, r.stdout)
    return lrec, r.stdout


def each_once(lrec, human):
    """Each finding is listed once per lesson, names every check that hit it,
    and is shown once in the human report with all their titles."""
    fs = lrec["findings"]
    keys = [(f["kind"], f["file"], f["line"], f["function"],
             f["what"] if f["kind"] not in ("leak", "open-fd") else "") for f in fs]
    assert len(set(keys)) == len(keys), f"a finding is listed twice: {keys}"
    for c in lrec["checks"]:
        assert all(0 <= i < len(fs) for i in c["findings"]), c
        for i in c["findings"]:
            assert c["id"] in [h["id"] for h in fs[i]["checks"]], (c["id"], fs[i])
    for i, f in enumerate(fs):
        hits = [h["id"] for h in f["checks"]]
        assert len(set(hits)) == len(hits), f"a check hits #{i + 1} twice: {hits}"
        assert hits == [c["id"] for c in lrec["checks"] if i in c["findings"]], f
        head = f"#{i + 1} {f['kind']} at {f['file']}:{f['line']} "
        shown = [k for k, line in enumerate(human.splitlines()) if line.strip().startswith(head)]
        assert len(shown) == 1, f"finding #{i + 1} shown {len(shown)} times:\n{human}"
        block = human.split(head, 1)[1].split(f"\n  #{i + 2} ", 1)[0]
        for h in f["checks"]:
            assert f"{h['id']}: {h['title']} (pid {h['pid']}, {h['process']})" in block, \
                f"finding #{i + 1} does not name {h['id']}: {h['title']}:\n{block}"


def show(f):
    return f"{f['kind']} at {f['file']}:{f['line']} ({f['process']}): {f['what']}"


def solution_clean(lesson):
    lrec, _ = memcheck(SOLUTIONS, lesson)
    checks = lrec["checks"]
    assert checks, f"{lesson} has no checks"
    bad = [f"{', '.join(h['id'] for h in f['checks'])}: {show(f)}" for f in lrec["findings"]]
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
        lrec, _ = memcheck(tmp, lesson)
        found = [f for f in lrec["findings"] if f["kind"] == kind]
        assert found, f"'{mistake}' was not caught as {kind}; findings: " + \
            "; ".join(show(f) for f in lrec["findings"])
        if (lesson, os.path.basename(patch)) in SEVERAL:
            assert any(len(f["checks"]) > 1 for f in found), \
                f"'{mistake}' should be one finding hit by several checks: " + \
                "; ".join(f"{show(f)} by {len(f['checks'])}" for f in found)
        added = added_lines(patch)
        for f in found:
            path = os.path.join(tmp, lesson, os.path.basename(f["file"]))
            assert os.path.dirname(f["file"]).endswith(lesson), f"not in the student's files: {show(f)}"
            text = open(path).read().splitlines()[f["line"] - 1].strip()
            assert text in added, f"attributed to a line the patch did not add: {show(f)}: {text!r}"
            if process:
                assert all(h["process"] == process for h in f["checks"]), \
                    f"expected in the {process}: {show(f)}: {f['checks']}"
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


def test_variants_show_a_finding_hit_by_several_checks():
    for lesson, name in SEVERAL:
        assert os.path.exists(os.path.join(BROKEN, lesson, name)), f"{lesson}/{name} is gone"


XML = """<?xml version="1.0"?>
<valgrindoutput>
<pid>4242</pid>
<ppid>4241</ppid>
<error>
  <kind>InvalidRead</kind>
  <what>Invalid read of size 1</what>
  <stack><frame><fn>peek\x1b[2J</fn><dir>{dir}</dir><file>x.c</file><line>7</line></frame></stack>
</error>
<status><state>FINISHED</state></status>
  <stack><frame><fn>pipe</fn></frame><frame><fn>f</fn><dir>{dir}</dir><file>x.c</file><line>3</line></frame></stack>
  <stack><frame><fn>open</fn></frame><frame><fn>f</fn><dir>{dir}</dir><file>x.c</file><line>4</line></frame></stack>
<error>
  <kind>Leak_DefinitelyLost</kind>
  <xwhat><text>8 bytes in 1 blocks are definitely lost in loss record 1 of 1</text></xwhat>
  <stack><frame><fn>malloc</fn></frame><frame><fn>f</fn><dir>{dir}</dir><file>x.c</file><line>5"""


def test_xml_reader_pairs_descriptors_and_escapes():
    """Without valgrind: a truncated XML file (a killed process) still gives
    what was complete, the text log's descriptors pair with the XML's bare
    stacks in order (inherited ones have none), and control characters from
    valgrind's output reach neither the parser nor the terminal raw."""
    mc = load_memcheck()
    tmp = tempfile.mkdtemp(prefix="forklab-memcheck-xml-")
    try:
        lesson = os.path.join(tmp, "01-x")
        os.mkdir(lesson)
        with open(os.path.join(tmp, "vg.4242.xml"), "w") as f:
            f.write(XML.replace("{dir}", lesson))
        text = "\n".join(["==4242== FILE DESCRIPTORS: 6 open (3 std) at exit.",
                          "==4242== Open file descriptor 5:", "==4242== ",
                          "==4242== Open file descriptor 9: /dev/null",
                          "==4242==    <inherited from parent>", "==4242== ",
                          "==4242== Open file descriptor 6: /tmp/\x1b]0;owned\x07", "==4242== ",
                          "forklab: the checker's own line"])
        procs, rest = mc.processes(tmp, text)
        assert rest == ["forklab: the checker's own line"], rest
        p = procs[4242]
        assert p.ppid == 4241 and len(p.errors) == 1, (p.ppid, p.errors)
        assert [(n, k) for n, k, _ in mc.open_fds(p)] == [(5, "a pipe end"), (6, "/tmp/\x1b]0;owned\x07")]
        student = mc.Student(tmp, "01-x")
        found = mc.findings(procs, [(4242, "caller")], student)
        assert [f["kind"] for f in found] == ["invalid-read", "open-fd", "open-fd"], found
        checks = [{"id": "c1", "title": "t\x1b[31m", "verdict": "pass", "seconds": 0.1}]
        lrec = {"lesson": "01-x", "status": "ran", "checks": checks,
                "findings": mc.merge(checks, [found])}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            mc.print_lesson(lrec, mc.color(False))
        assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue(), out.getvalue()
        assert "\\x1b]0;owned\\x07" in out.getvalue(), out.getvalue()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
