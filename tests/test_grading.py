"""grading/grade on the example class (grading/examples), every output
format read back by a real parser (csv, json + jsonschema, ElementTree,
html.parser, node-tap's tap-parser, npm yaml), the rubric, resuming, unsafe
archives, hidden checks, and the Gradescope and GitHub Classroom layouts
simulated locally."""
import atexit
import base64
import csv
import difflib
import html.parser
import io
import json
import os
import re
import pty
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import xml.etree.ElementTree as ET
import zipfile

import jsonschema

from kit import ROOT, make

GRADE = os.path.join(ROOT, "grading", "grade")
EXAMPLES = os.path.join(ROOT, "grading", "examples")
SCHEMA = os.path.join(ROOT, "grading", "gradescope", "results.schema.json")
ODD = "o'brien, \"jr\" <&> 中文"
XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"

sys.path.insert(0, os.path.join(ROOT, "grading"))
from gradelib import names, submission  # noqa: E402


def mkdtemp(prefix):
    """A temporary folder removed when the tests end."""
    d = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, d, True)
    return d


def grade(*args, check=True, env=None):
    if "-o" in args and "-j" not in args:
        args += ("-j", "1")   # the test runner already runs tests side by side
    r = subprocess.run([sys.executable, GRADE, *args], capture_output=True, text=True, env=env)
    if check:
        assert r.returncode == 0, f"grade {args} exited {r.returncode}:\n{r.stdout}\n{r.stderr}"
    return r


_class = {}
_class_lock = threading.Lock()


def example_class():
    """The example class graded once (lesson 01 and 02 only, as submitted),
    shared by the tests that read its files."""
    with _class_lock:
        if "out" not in _class:
            out = mkdtemp(prefix="forklab-grade-test-")
            r = grade(EXAMPLES, "-o", out, "--tap", "--lesson", "01", "--lesson", "02")
            _class.update(out=out, stdout=r.stdout, stderr=r.stderr)
        return _class["out"]


def student_dir(out, sid, who="students"):
    """OUT/students/ID (the student's files) or OUT/instructor/ID."""
    return os.path.join(out, who, names.folder(sid))


def read_grade(out, sid):
    with open(os.path.join(student_dir(out, sid, "instructor"), "grade.json"), encoding="utf-8") as f:
        return json.load(f)


def lesson(g, name):
    return next(l for l in g["lessons"] if l["lesson"].startswith(name))


# ---- scores ----

def test_example_class_scores():
    out = example_class()
    with open(os.path.join(out, "gradebook.csv"), newline="", encoding="utf-8") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rows) == {"complete", "stub", "no-compile", "hangs", "zombie", ODD}, set(rows)
    assert list(rows["complete"])[0] == "student_id"
    full = rows["complete"]
    assert full["status"] == "graded" and full["total"] == full["max"], full
    status = {sid: r["status"] for sid, r in rows.items()}
    assert status == {"complete": "graded", "stub": "graded", "no-compile": "build-failed",
                      "hangs": "graded", "zombie": "graded", ODD: "graded"}, status
    assert rows["stub"]["total"] == "0" and rows["no-compile"]["total"] == "0"
    for sid in rows:   # every row has the same max, whatever was submitted
        assert rows[sid]["max"] == full["max"]
        g = read_grade(out, sid)
        assert g["score"] == int(rows[sid]["total"])
        assert g["score"] == sum(c["points"] for l in g["lessons"] for c in l["checks"]
                                 if c["verdict"] == "pass")
    hangs = read_grade(out, "hangs")
    assert lesson(hangs, "02")["score"] == lesson(hangs, "02")["max"], "only lesson 01 hangs"
    observed = [c["observed"] for c in lesson(hangs, "01")["checks"]]
    # A proc_start that waits for its child: the deadlock watch says so at
    # once where every process waits; elsewhere the ceiling does.
    assert any(o.startswith(("deadlock while ", "timed out after ")) for o in observed), observed
    zombie = lesson(read_grade(out, "zombie"), "01")
    observed = [c["observed"] for c in zombie["checks"]]
    assert all(c["verdict"] == "fail" for c in zombie["checks"]), observed
    assert sum("left behind" in o for o in observed) >= len(observed) - 1, observed
    assert any("zombie" in o for o in observed), observed
    odd = lesson(read_grade(out, ODD), "01")
    crashed = [c for c in odd["checks"] if c["verdict"] == "fail"]
    # The submission crashes on its second start: exactly the checks that
    # start twice fail, each for that crash.
    assert "children_overlap" in [c["id"] for c in crashed], crashed
    assert all("killed by SIGSEGV" in c["observed"] for c in crashed), crashed
    assert odd["score"] == odd["max"] - sum(c["points"] for c in crashed), \
        "a crash costs only its check"


def test_build_failure_reports_compiler_messages():
    out = example_class()
    g = read_grade(out, "no-compile")
    l01 = lesson(g, "01")
    assert l01["status"] == "build-failed" and "error:" in l01["log"], l01
    assert "forklab-grade-" not in l01["log"], "the log names the student's files, not scratch paths"
    assert "01-processes/processes.c" in l01["log"]
    md = open(os.path.join(student_dir(out, "no-compile"), "report.md"), encoding="utf-8").read()
    assert "error:" in md and "did not compile" in md
    assert lesson(g, "02")["status"] == "missing"


def test_reports_say_what_make_check_says():
    """A failure in report.md shows the same expected/observed/read as the driver."""
    out = example_class()
    g = read_grade(out, "zombie")
    md = open(os.path.join(student_dir(out, "zombie"), "report.md"), encoding="utf-8").read()
    assert "✗" in md
    c = lesson(g, "01")["checks"][0]
    for key in ("expected", "observed", "read"):
        assert f"{key:<9} {c[key]}" in md, (key, c[key])
    complete = open(os.path.join(student_dir(out, "complete"), "report.md"), encoding="utf-8").read()
    assert "✓" in complete and "✗" not in complete


# ---- every format, read back ----

class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []

    def handle_data(self, data):
        self.text.append(data)


def html_text(path):
    p = _Text()
    p.feed(open(path, encoding="utf-8").read())
    return "".join(p.text)


def test_report_html_escapes_and_parses():
    out = example_class()
    for sid in ("complete", "no-compile", ODD):
        path = os.path.join(student_dir(out, sid), "report.html")
        ET.parse(path)   # well-formed: nothing a student controls broke the markup
        assert f"forklab report: {sid}" in html_text(path)
    assert "error:" in html_text(os.path.join(student_dir(out, "no-compile"), "report.html"))


def test_results_json_is_gradescope_format():
    out = example_class()
    schema = json.load(open(SCHEMA))
    for sid in os.listdir(os.path.join(out, "students")):
        path = os.path.join(out, "students", sid, "results.json")
        if not os.path.exists(path):
            continue
        doc = json.load(open(path, encoding="utf-8"))
        jsonschema.validate(doc, schema)
        g = read_grade(out, sid)
        assert doc["score"] == g["score"] == sum(t["score"] for t in doc["tests"])
        assert sum(t["max_score"] for t in doc["tests"]) == g["max"]
        assert len(doc["tests"]) == sum(len(l["checks"]) for l in g["lessons"])


def test_junit_xml_one_suite_per_student():
    out = example_class()
    root = ET.parse(os.path.join(out, "junit.xml")).getroot()
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert ODD in suites and len(suites) == 6, list(suites)
    for sid, s in suites.items():
        g = read_grade(out, sid)
        cases = s.findall("testcase")
        assert len(cases) == sum(len(l["checks"]) for l in g["lessons"])
        fails = sum(c.find("failure") is not None for c in cases)
        assert fails == int(s.get("failures"))
    crash = [c for c in suites[ODD].findall("testcase") if c.find("failure") is not None]
    assert "SIGSEGV" in crash[0].find("failure").get("message")


def test_tap_stream_parses():
    out = example_class()
    make("kit")
    tap = open(os.path.join(out, "results.tap"), encoding="utf-8").read()
    r = subprocess.run(["node", os.path.join(ROOT, "tests", "tap_check.js")], input=tap,
                       capture_output=True, text=True, cwd=os.path.join(ROOT, "tests"))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert not doc["errors"], doc["errors"]
    assert doc["final"]["count"] == 6 and doc["final"]["plan"]["end"] == 6
    names = [s["name"] for s in doc["subtests"]]
    assert ODD in names, names
    full = next(s for s in doc["subtests"] if s["name"] == "complete")
    assert all(a["ok"] for a in full["asserts"])
    stub = next(s for s in doc["subtests"] if s["name"] == "stub")
    assert not any(a["ok"] for a in stub["asserts"])


def test_summary_html_draws_the_class():
    out = example_class()
    root = ET.parse(os.path.join(out, "summary.html")).getroot()
    svgs = list(root.iter(SVG + "svg"))
    assert len(svgs) >= 2, "score distribution and failures per check"
    bars = [r for r in svgs[0].iter(SVG + "rect")]
    assert len(bars) == 10
    titles = ["".join(t.itertext()) for t in svgs[1].iter(SVG + "title")]
    assert any("children_overlap" in t and "failed by" in t for t in titles), titles
    links = [a.get("href") for a in root.iter(XHTML + "a")]
    assert any(h.startswith("instructor/") and h.endswith("/report.html") and "%" in h
               for h in links), links
    assert ODD in html_text(os.path.join(out, "summary.html"))


# ---- rubric ----

def test_committed_rubric_matches_declarations():
    tmp = mkdtemp(prefix="forklab-rubric-")
    fresh = os.path.join(tmp, "rubric")
    grade("--write-rubric", "--rubric", fresh)
    ours = open(os.path.join(ROOT, "grading", "rubric"), encoding="utf-8").read()
    theirs = open(fresh, encoding="utf-8").read()
    diff = "".join(difflib.unified_diff(ours.splitlines(True), theirs.splitlines(True),
                                        "grading/rubric", "the checks' declarations", n=0))
    assert ours == theirs, (
        "grading/rubric is not the checks' declarations: the lessons' checks changed.  Run "
        "`grading/grade --write-rubric` (it keeps points you set) and commit grading/rubric:\n"
        + diff[:3000])


def _rubric_error(edit):
    tmp = mkdtemp(prefix="forklab-rubric-")
    path = os.path.join(tmp, "rubric")
    lines = open(os.path.join(ROOT, "grading", "rubric"), encoding="utf-8").read().splitlines()
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(edit(lines)) + "\n")
    r = grade(EXAMPLES, "-o", tmp + "/out", "--lesson", "01", "--rubric", path, check=False)
    assert r.returncode == 1, r
    return r.stderr.strip()


def test_rubric_errors_name_the_line():
    first = next(i for i, l in enumerate(
        open(os.path.join(ROOT, "grading", "rubric")).read().splitlines())
        if l.startswith("01-processes"))
    err = _rubric_error(lambda ls: ls[:first] + ls[first + 1:])
    assert "no line for check" in err and "01-processes" in err, err
    err = _rubric_error(lambda ls: ls + ["01-processes  no_such_check  3"])
    assert f":{len(ls_of_rubric()) + 1}:" in err and "no_such_check" in err, err
    err = _rubric_error(lambda ls: ls + ["01-processes  runs_once  many"])
    assert "LESSON CHECK-ID POINTS" in err, err


def ls_of_rubric():
    return open(os.path.join(ROOT, "grading", "rubric"), encoding="utf-8").read().splitlines()


def test_rubric_points_price_checks():
    tmp = mkdtemp(prefix="forklab-rubric-")
    path = os.path.join(tmp, "rubric")
    text = open(os.path.join(ROOT, "grading", "rubric"), encoding="utf-8").read()
    priced = re.sub(r"^(01-processes\s+children_overlap\s+)1$", r"\g<1>10", text, flags=re.M)
    assert priced != text, "the rubric has no line for 01-processes children_overlap"
    with open(path, "w", encoding="utf-8") as f:
        f.write(priced)
    cls = os.path.join(tmp, "class")
    os.makedirs(cls)
    shutil.copytree(os.path.join(EXAMPLES, "complete"), os.path.join(cls, "a"))
    grade(cls, "-o", tmp + "/out", "--lesson", "01", "--rubric", path)
    g = read_grade(tmp + "/out", "a")
    checks = len(lesson(g, "01")["checks"])
    assert g["score"] == g["max"] == checks - 1 + 10, (g["score"], g["max"], checks)


# ---- the command ----

def test_help_and_wrong_arguments():
    r = grade("--help")
    for word in ("gradebook.csv", "report.html", "results.json", "junit.xml", "summary.html",
                 "--rubric", "--extra", "--force", "-j"):
        assert word in r.stdout, word
    for args in (["--bogus"], [EXAMPLES], [EXAMPLES, "-o", "/tmp/x", "-j", "0"],
                 ["/no/such/folder", "-o", "/tmp/x"]):
        r = grade(*args, check=False)
        assert r.returncode == 2, (args, r)
        lines = r.stderr.strip().splitlines()
        assert lines[0].startswith("grade: ") and lines[1].startswith("usage: "), r.stderr


def test_progress_bar_on_a_terminal():
    """A bar (done/total, elapsed, failing to build) on a terminal; plain
    lines, one per student, otherwise."""
    tmp = mkdtemp(prefix="forklab-progress-")
    cls = os.path.join(tmp, "class")
    for sid in ("stub", "no-compile"):
        shutil.copytree(os.path.join(EXAMPLES, sid), os.path.join(cls, sid))
    main, sub = pty.openpty()
    p = subprocess.Popen([sys.executable, GRADE, cls, "-o", os.path.join(tmp, "tty"), "--lesson",
                          "01"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=sub)
    os.close(sub)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:   # EIO: the grader closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert p.wait() == 0
    os.close(main)
    text = seen.decode()
    assert "\r[" in text and "2/2 students" in text and "1 failing to build" in text, text
    r = grade(cls, "-o", os.path.join(tmp, "plain"), "--lesson", "01")
    lines = [l for l in r.stderr.splitlines() if l.startswith("grade: [")]
    assert len(lines) == 2 and "\r" not in r.stderr, r.stderr


def test_rerun_skips_unchanged_and_force_regrades():
    tmp = mkdtemp(prefix="forklab-resume-")
    cls = os.path.join(tmp, "class")
    os.makedirs(cls)
    for sid in ("stub", "no-compile"):
        shutil.copytree(os.path.join(EXAMPLES, sid), os.path.join(cls, sid))
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    before = {s: os.stat(os.path.join(student_dir(out, s, "instructor"), "grade.json")).st_mtime_ns
              for s in ("stub", "no-compile")}
    r = grade(cls, "-o", out, "--lesson", "01")
    assert "2 unchanged" in r.stdout, r.stdout
    with open(os.path.join(cls, "stub", "01-processes", "processes.c"), "a") as f:
        f.write("\n/* edited */\n")
    r = grade(cls, "-o", out, "--lesson", "01")
    assert "1 unchanged" in r.stdout, r.stdout
    assert os.stat(os.path.join(student_dir(out, "no-compile", "instructor"), "grade.json")).st_mtime_ns \
        == before["no-compile"]
    assert os.stat(os.path.join(student_dir(out, "stub", "instructor"), "grade.json")).st_mtime_ns \
        != before["stub"]
    r = grade(cls, "-o", out, "--lesson", "01", "--force")
    assert "0 unchanged" in r.stdout, r.stdout
    for d in (out, os.path.join(out, "students"), os.path.join(out, "instructor")):
        assert not [n for n in os.listdir(d) if n.startswith(".")], "no temporary folder left"


# ---- archives ----

def _zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            z.writestr(name, data)


def test_unsafe_archives_are_rejected():
    tmp = mkdtemp(prefix="forklab-unsafe-")
    src = open(os.path.join(EXAMPLES, "complete", "01-processes", "processes.c")).read()
    cases = {
        "slip.zip": [("01-processes/processes.c", src), ("../../escaped.txt", "x")],
        "absolute.zip": [("/tmp/forklab-absolute.txt", "x")],
    }
    for name, members in cases.items():
        _zip(os.path.join(tmp, name), members)
    link = zipfile.ZipInfo("01-processes/processes.h")
    link.external_attr = (0o120777) << 16
    with zipfile.ZipFile(os.path.join(tmp, "link.zip"), "w") as z:
        z.writestr(link, "/etc/passwd")
    with tarfile.open(os.path.join(tmp, "tarlink.tar.gz"), "w:gz") as t:
        info = tarfile.TarInfo("01-processes/processes.h")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/shadow"
        t.addfile(info)
    with zipfile.ZipFile(os.path.join(tmp, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("01-processes/processes.c", b"\0" * (submission.LIMIT_BYTES + 1))
    for name in sorted(os.listdir(tmp)):
        dest = mkdtemp(prefix="forklab-unpack-")
        try:
            submission.unpack(os.path.join(tmp, name), dest)
        except submission.Rejected:
            continue
        raise AssertionError(f"{name} was unpacked")
    assert not os.path.exists("/tmp/forklab-absolute.txt")
    out = os.path.join(mkdtemp(prefix="forklab-unsafe-out-"), "out")
    grade(tmp, "-o", out, "--lesson", "01")
    for name in os.listdir(tmp):
        g = read_grade(out, submission.student_id(name))
        assert g["status"] == "rejected" and g["score"] == 0, (name, g["rejected"])


def test_tar_gz_and_wrapped_submissions_are_graded():
    tmp = mkdtemp(prefix="forklab-tar-")
    with tarfile.open(os.path.join(tmp, "ann.tar.gz"), "w:gz") as t:
        t.add(os.path.join(EXAMPLES, "complete", "01-processes"), "my-forklab/exercises/01-processes")
    os.makedirs(os.path.join(tmp, "nobody", "notes"))
    open(os.path.join(tmp, "stray.txt"), "w").close()
    out = os.path.join(tmp, "out")
    r = grade(tmp, "-o", out, "--lesson", "01")
    g = read_grade(out, "ann")
    assert g["status"] == "graded" and g["score"] == g["max"] > 0, g["status"]
    assert read_grade(out, "nobody")["status"] == "empty"
    assert "ignored 'stray.txt'" in r.stderr, r.stderr
    assert not os.path.exists(os.path.join(out, "out")), "OUT inside SUBMISSIONS is no student"


# ---- isolation ----

def test_student_code_runs_unprivileged_and_apart():
    """Student code runs as a uid of its own, not root, in a scratch copy."""
    if os.geteuid() != 0:
        return   # only root can switch users; nothing to check
    tmp = mkdtemp(prefix="forklab-uid-")
    cls = os.path.join(tmp, "class")
    shutil.copytree(os.path.join(ROOT, "exercises", "01-processes"),
                    os.path.join(cls, "spy", "01-processes"))
    stub = os.path.join(cls, "spy", "01-processes", "processes.c")
    text = open(stub).read()
    spy = ('#include <stdio.h>\n#include <unistd.h>\n'
           'int proc_start(struct proc *p)\n{\n    (void)p;\n'
           '    FILE *f = fopen("' + os.path.join(cls, "spy", "01-processes", "processes.c") + '", "r");\n'
           '    char map[64] = "";\n'
           '    FILE *m = fopen("/proc/self/uid_map", "r");\n'
           '    if (m && fgets(map, sizeof map, m)) fclose(m);\n'
           '    printf("uid=%d map=%s cwd-src-readable=%d\\n", (int)getuid(), map, f != NULL);\n'
           '    fflush(stdout);\n    errno = ENOSYS;\n    return -1;\n}\n')
    start = text.index("int proc_start(struct proc *p)")
    end = text.index("\n}\n", start) + 3
    with open(stub, "w") as f:
        f.write(text[:start] + spy + text[end:])
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    g = read_grade(out, "spy")
    outputs = " ".join(c["output"] for c in lesson(g, "01")["checks"])
    assert "uid=" in outputs, outputs
    uid = int(outputs.split("uid=")[1].split()[0])
    # In a user namespace the uid seen inside may be 0; what counts is the
    # uid it stands for outside, from the namespace's uid_map.
    inside, outside, count = (int(x) for x in outputs.split("map=")[1].split()[:3])
    real = outside + (uid - inside) if inside <= uid < inside + count else uid
    assert real != 0, f"student code ran as root (uid {uid}, uid_map {inside} {outside} {count})"
    assert "cwd-src-readable=0" in outputs, "student code could read the submissions folder"


def test_fork_bomb_loses_only_its_lesson():
    """Code that forks without limit meets the process cap, and loses only
    the checks it broke: its other lesson still scores in full."""
    tmp = mkdtemp(prefix="forklab-bomb-")
    sub = os.path.join(tmp, "class", "bomb")
    shutil.copytree(os.path.join(EXAMPLES, "complete"), sub)
    src = os.path.join(sub, "01-processes", "processes.c")
    text = open(src).read()
    text = text.replace("    fflush(NULL);\n    pid_t pid = fork();",
                        "    fflush(NULL);\n    while (fork() >= 0)\n        ;\n    pid_t pid = fork();", 1)
    assert "while (fork() >= 0)" in text
    open(src, "w").write(text)
    out = os.path.join(tmp, "out")
    grade(os.path.join(tmp, "class"), "-o", out, "--lesson", "01", "--lesson", "02")
    g = read_grade(out, "bomb")
    assert lesson(g, "02")["score"] == lesson(g, "02")["max"] > 0
    assert lesson(g, "01")["score"] < lesson(g, "01")["max"]


# ---- hidden checks ----

HIDDEN = r'''#include "fl.h"
#include "processes.h"

FL_CHECK(init_clears_pid, "proc_init leaves pid at 0", .section = "Starting a child")
{
    struct proc p;
    p.pid = 42;
    proc_init(&p, NULL, NULL);
    FL_EXPECT(p.pid == 0, "pid 0 after proc_init", "pid %d", (int)p.pid);
}
'''


def test_extra_hidden_checks():
    tmp = mkdtemp(prefix="forklab-extra-")
    extra = os.path.join(tmp, "extra", "01-processes")
    os.makedirs(extra)
    with open(os.path.join(extra, "hidden.c"), "w") as f:
        f.write(HIDDEN)
    rubric = os.path.join(tmp, "rubric")
    grade("--write-rubric", "--rubric", rubric, "--extra", os.path.dirname(extra), "--lesson", "01")
    assert "01-processes  init_clears_pid" in open(rubric).read()
    cls = os.path.join(tmp, "class")
    os.makedirs(cls)
    shutil.copytree(os.path.join(EXAMPLES, "complete"), os.path.join(cls, "a"))
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01", "--rubric", rubric, "--extra", os.path.dirname(extra))
    doc = json.load(open(os.path.join(student_dir(out, "a"), "results.json")))
    hidden = [t for t in doc["tests"] if t["visibility"] != "visible"]
    assert len(hidden) == 1 and hidden[0]["status"] == "passed", hidden
    r = grade(cls, "-o", out, "--lesson", "01", "--extra", os.path.dirname(extra), check=False)
    assert r.returncode == 1 and "init_clears_pid" in r.stderr, "the default rubric lacks it"


# ---- services ----

def test_gradescope_autograder_layout():
    """Unpack `make gradescope`'s zip the way Gradescope documents it
    (/autograder/source, run_autograder copied to /autograder, the
    submission in /autograder/submission) and run it."""
    tmp = mkdtemp(prefix="forklab-gradescope-")
    # tmp is 0700, like /root: the grader must still run student code as
    # another user (it grades with a readable copy of the kit).
    zpath = os.path.join(tmp, "autograder.zip")
    r = subprocess.run([sys.executable, os.path.join(ROOT, "grading", "gradescope", "make_zip.py"),
                        zpath, "01"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    ag = os.path.join(tmp, "autograder")
    with zipfile.ZipFile(zpath) as z:
        names = z.namelist()
        assert "setup.sh" in names and "run_autograder" in names
        assert not [n for n in names if n.startswith("solutions/")], "solutions must not ship"
        z.extractall(os.path.join(ag, "source"))
    for n in names:
        mode = zipfile.ZipFile(zpath).getinfo(n).external_attr >> 16
        os.chmod(os.path.join(ag, "source", n), mode & 0o777)
    shutil.copy(os.path.join(ag, "source", "run_autograder"), os.path.join(ag, "run_autograder"))
    shutil.copytree(os.path.join(EXAMPLES, "complete"), os.path.join(ag, "submission"))
    env = dict(os.environ, AUTOGRADER_ROOT=ag)
    r = subprocess.run(["bash", os.path.join(ag, "source", "setup.sh")], capture_output=True,
                       text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    r = subprocess.run([os.path.join(ag, "run_autograder")], capture_output=True, text=True, env=env)
    doc = json.load(open(os.path.join(ag, "results", "results.json"), encoding="utf-8"))
    jsonschema.validate(doc, json.load(open(SCHEMA)))
    assert doc["tests"] and doc["score"] == sum(t["max_score"] for t in doc["tests"]), \
        (doc.get("output"), r.stdout, r.stderr)
    shutil.rmtree(os.path.join(ROOT, "build", "work" + ag), ignore_errors=True)


def parse_yaml(path):
    """YAML read by the npm package yaml (installed with tap-parser by
    `npm ci --prefix tests`), the parser GitHub's own tooling uses."""
    r = subprocess.run(["node", "-e", "const Y = require('yaml'); process.stdout.write("
                        "JSON.stringify(Y.parse(require('fs').readFileSync(0, 'utf8'))))"],
                       stdin=open(path), capture_output=True, text=True,
                       cwd=os.path.join(ROOT, "tests"))
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_github_classroom_workflow():
    """Run classroom.yml's grading step in a simulated checkout and read its
    output the way GitHub Classroom's grading reporter does."""
    wf = parse_yaml(os.path.join(ROOT, "grading", "github-classroom", "classroom.yml"))
    steps = wf["jobs"]["run-autograding-tests"]["steps"]
    step = next(s for s in steps if s.get("id") == "forklab")
    reporter = next(s for s in steps if "autograding-grading-reporter" in s.get("uses", ""))
    runners = reporter["with"]["runners"].split(",")
    assert runners == ["forklab"]
    assert "steps.forklab.outputs.result" in reporter["env"]["FORKLAB_RESULTS"]
    tmp = mkdtemp(prefix="forklab-classroom-")
    os.symlink(ROOT, os.path.join(tmp, "kit"))
    shutil.copytree(os.path.join(EXAMPLES, "hangs"), os.path.join(tmp, "student", "exercises"))
    outputs = os.path.join(tmp, "github_output")
    env = dict(os.environ, GITHUB_OUTPUT=outputs, GITHUB_REPOSITORY="class/forklab-ann",
               FORKLAB_LESSONS="01 02")
    r = subprocess.run(step["run"], shell=True, cwd=tmp, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    line = [l for l in open(outputs).read().splitlines() if l.startswith("result=")][-1]
    doc = json.loads(base64.b64decode(line[len("result="):]))
    score = sum(t["score"] for t in doc["tests"])   # the reporter's sum
    assert doc["version"] == 1 and doc["status"] == "fail"
    assert 0 < score < doc["max_score"], (score, doc["max_score"], r.stdout, r.stderr)
    assert any(t["status"] == "fail" and ("timed out" in t["message"] or "deadlock" in t["message"])
               for t in doc["tests"])
