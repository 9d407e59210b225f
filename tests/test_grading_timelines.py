"""A failing check's timeline in grading's HTML reports (grading/gradelib/
timelines.py): a class with a broken submission gets one well-formed <svg>
in the entry of its first failing check, naming the processes the check
started; a passing submission gets none, and neither does anyone with
--no-timelines.  A process name such as `</svg><script>` stays text; a
trace file the student's code wrecked costs the drawing, never the grade;
the traced build and run go through the submission's walls (runner.User)
and nothing else; a drawing with anything but the timeline's own elements
is never embedded."""
import html.parser
import os
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET

from kit import ROOT
from test_grading import EXAMPLES, grade, lesson, mkdtemp, read_grade, student_dir

sys.path.insert(0, os.path.join(ROOT, "grading"))
from gradelib import model, reports, timelines  # noqa: E402

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "</svg><script>"   # 14 bytes: a whole comm (15 at most)
SRC = os.path.join(EXAMPLES, "complete", "01-processes", "processes.c")


def _submission(cls, sid, in_helper):
    """Lesson 01's answer with one mistake: a helper child nobody waits for
    (the first check fails: a zombie is left), which runs in_helper (C
    statements) first."""
    d = os.path.join(cls, sid, "01-processes")
    shutil.copytree(os.path.dirname(SRC), d)
    text = open(SRC).read()
    mistake = ("    fflush(NULL);\n    if (fork() == 0) {\n" + in_helper + "        _exit(0);\n    }\n")
    text = text.replace("    fflush(NULL);\n    pid_t pid = fork();",
                        mistake + "    pid_t pid = fork();", 1)
    assert mistake in text
    text = text.replace("#include <unistd.h>\n", "#include <unistd.h>\n#include <fcntl.h>\n"
                        "#include <stdlib.h>\n#include <string.h>\n#include <sys/prctl.h>\n", 1)
    with open(os.path.join(d, "processes.c"), "w") as f:
        f.write(text)


_graded, _graded_lock = {}, threading.Lock()
# The trace file is mapped into every process of the check (trace.c):
# the helper finds the mapping and breaks the file's magic.
VANDAL = r"""        FILE *m = fopen("/proc/self/maps", "r");
        char line[512];
        while (m && fgets(line, sizeof line, m))
            if (strstr(line, ".events")) {
                memcpy((void *)strtoul(line, NULL, 16), "XXXXXXXX", 8);
                break;
            }
        if (m)
            fclose(m);
"""


def graded_class():
    """A class of three graded once (lesson 01): complete; broken, whose
    helper child calls itself `</svg><script>`; vandal, whose helper
    writes over the trace file's magic through the mapping every process
    of a traced check has (a graded run has none)."""
    with _graded_lock:
        return _graded or _grade_class()


def _grade_class():
    tmp = mkdtemp(prefix="forklab-timelines-")
    cls = os.path.join(tmp, "class")
    shutil.copytree(os.path.join(EXAMPLES, "complete"), os.path.join(cls, "complete"))
    _submission(cls, "broken", f'        prctl(PR_SET_NAME, "{HOSTILE}");\n')
    _submission(cls, "vandal", VANDAL)
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    _graded.update(out=out, cls=cls, tmp=tmp)
    return _graded


class _Tags(html.parser.HTMLParser):
    """Every start tag an HTML parser meets."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def _report(out, sid, who="students"):
    path = os.path.join(student_dir(out, sid, who), "report.html")
    text = open(path, encoding="utf-8").read()
    return text, ET.parse(path).getroot()


def _entry(root, check_id):
    """The <td> under check_id's row: the failure and its timeline."""
    rows = list(root.iter(XHTML + "tr"))
    for i, row in enumerate(rows):
        if any(s.text == check_id for s in row.iter(XHTML + "small")):
            return rows[i + 1].findall(XHTML + "td")[1]
    raise AssertionError(f"no row for {check_id}")


def test_failing_check_has_its_timeline_and_a_passing_submission_none():
    out = graded_class()["out"]
    g = read_grade(out, "broken")
    first = next(c for c in lesson(g, "01")["checks"] if c["verdict"] == "fail")
    for who in ("students", "instructor"):
        text, root = _report(out, "broken", who)
        svgs = list(root.iter(SVG + "svg"))
        assert len(svgs) == 1 and text.count("<svg") == 1, f"{who}: {len(svgs)} drawings"
        entry = _entry(root, first["id"])
        assert list(entry.iter(SVG + "svg")) == svgs, "the drawing is not in the check's entry"
        drawing = text[text.index("<svg"):text.index("</svg>") + 6]
        ET.fromstring(drawing)
        if shutil.which("xmllint"):
            x = subprocess.run(["xmllint", "--noout", "-"], input=drawing, text=True,
                               capture_output=True)
            assert x.returncode == 0, x.stderr
        # The lanes name the processes the check started: the caller, the
        # child proc_start forked, the helper (by the name it gave itself).
        labels = {t.get("data-pid"): "".join(t.itertext()) for t in svgs[0].iter(SVG + "text")
                  if t.get("class") == "lane-label"}
        roles = [g.get("data-role") for g in svgs[0].iter(SVG + "g") if g.get("class") == "lane"]
        assert "caller" in roles and roles.count("child") >= 2, roles
        for pid, label in labels.items():
            assert pid in label, (pid, label)
        assert any(HOSTILE in label for label in labels.values()), labels
        # ... and that name is text: no script element, for XML or HTML.
        assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
        tags = _Tags()
        tags.feed(text)
        assert "script" not in tags.tags and tags.tags.count("svg") == 1, tags.tags
        assert "make trace LESSON=01 CHECK=" + first["id"] in "".join(entry.itertext())
    md = open(os.path.join(student_dir(out, "broken"), "report.md"), encoding="utf-8").read()
    assert md.count("drawn as a timeline in report.html") == 1, md
    for who in ("students", "instructor"):
        text, root = _report(out, "complete", who)
        assert "<svg" not in text and 'class="timeline"' not in text, who
        assert "No timeline" not in text, who


def test_wrecked_trace_file_costs_the_drawing_not_the_grade():
    """The vandal's helper breaks the trace file: the report says why there
    is no drawing, the score is the graded run's, the page still parses."""
    out = graded_class()["out"]
    broken, vandal = read_grade(out, "broken"), read_grade(out, "vandal")
    assert vandal["score"] == broken["score"] < lesson(read_grade(out, "complete"), "01")["score"]
    for who in ("students", "instructor"):
        text, root = _report(out, "vandal", who)
        assert not list(root.iter(SVG + "svg")), who
        assert "No timeline of this check: the timeline could not be made (not a forklab " \
               "trace)" in "".join(root.itertext()), who


def test_no_timelines_draws_none():
    tmp = graded_class()["tmp"]
    cls = os.path.join(tmp, "one")
    shutil.copytree(os.path.join(graded_class()["cls"], "broken"), os.path.join(cls, "broken"))
    out = os.path.join(tmp, "none")
    grade(cls, "-o", out, "--lesson", "01", "--no-timelines")
    for who in ("students", "instructor"):
        text, _ = _report(out, "broken", who)
        assert "<svg" not in text and "No timeline" not in text, who
    assert read_grade(out, "broken")["score"] == read_grade(graded_class()["out"],
                                                            "broken")["score"]


# ---- the parts, without a class ----

class _User:
    """Stands in for runner.User and records what it was asked to run: the
    traced build makes a checker, the traced run writes events (with a
    hostile name) into the file FORKLAB_TRACE names."""

    uid = None

    def __init__(self):
        self.calls = []

    def give(self, path):
        self.calls.append(("give", path))

    def kill_all(self):
        pass

    def run(self, argv, env, timeout, ro=(), rw=(), turn=None):
        self.calls.append(("run", list(argv), dict(env), list(ro), list(rw)))
        if argv[1] == "trace":
            os.makedirs(argv[-1], exist_ok=True)
            open(os.path.join(argv[-1], "check"), "w").close()
            return 0, b"", b""
        import timeline as t
        ev = [t.EVENT.pack(1, ord("s"), 0, 0, 10 + i, pid, 1, *([0] * 6), ret, 0, call, comm)
              for i, (call, pid, ret, comm) in enumerate(
                  [(b"begin", 2, 0, b"check"), (b"fork", 2, 5, b"check"),
                   (b"fork", 5, 0, HOSTILE.encode()), (b"_exit", 5, 0, HOSTILE.encode())])]
        with open(env["FORKLAB_TRACE"], "r+b") as f:
            f.write(t.HEADER.pack(t.MAGIC, t.EVENT.size, t.CAPACITY, len(ev)) + b"".join(ev))
        said = "result\t01-processes\tc\tC\t1\tfail\t0.1\ts\tno zombie\ta zombie\n"
        return 0, said.encode(), b""


def test_traced_build_and_run_go_through_the_walls():
    """Every command of a timeline is the submission's User.run: the build
    writes only its own folder, the run only the trace file, which lies in
    a folder of the grader's (the uid cannot swap it for a link)."""
    tmp = mkdtemp(prefix="forklab-timeline-unit-")
    root, work, scratch = os.path.join(tmp, "kit"), os.path.join(tmp, "s", "work"), \
        os.path.join(tmp, "s")
    os.makedirs(work)
    user = _User()
    decl = {"id": "c", "title": "C", "timeout": 2.0}
    t = timelines.trace(user, {"PATH": "/usr/bin"}, "01-processes", decl, (root, work, scratch))
    assert t.svg and t.check == "c" and not t.note, t
    runs = [c for c in user.calls if c[0] == "run"]
    assert len(runs) == 2, user.calls
    (_, build, _, bro, brw), (_, run, env, ro, rw) = runs
    traced = os.path.join(scratch, "traced")
    assert build[1:] == ["trace", "01-processes", work, "submission",
                         os.path.join(traced, "01-processes")]
    assert brw == [traced] and set(bro) == {root, work}
    assert run[1:] == ["--only", "c"] and rw == [env["FORKLAB_TRACE"]] and traced in ro
    folder = os.path.dirname(env["FORKLAB_TRACE"])
    assert ("give", folder) not in user.calls and os.stat(folder).st_mode & 0o777 == 0o711
    el = ET.fromstring(t.svg)
    assert any(HOSTILE in "".join(x.itertext()) for x in el.iter(SVG + "text"))
    assert timelines.embeddable(t.svg) is None


def test_only_the_timelines_own_elements_are_embedded():
    ok = ('<svg xmlns="http://www.w3.org/2000/svg"><defs><marker id="a-arrow"><path d="M0,0"/>'
          '</marker></defs><g class="lane"><text>&lt;/svg&gt;&lt;script&gt;</text>'
          '<line marker-end="url(#a-arrow)"/></g></svg>')
    assert timelines.embeddable(ok) is None
    bad = {
        "script": ok.replace("<g class", "<script>alert(1)</script><g class"),
        "foreignObject": ok.replace("<g class", "<foreignObject/><g class"),
        "xhtml element": ok.replace("<g class", '<p xmlns="http://www.w3.org/1999/xhtml"/>'
                                                '<g class'),
        "event attribute": ok.replace('class="lane"', 'class="lane" onload="x()"'),
        "link": ok.replace('class="lane"', 'class="lane" href="javascript:x()"'),
        "outside reference": ok.replace("url(#a-arrow)", "url(https://example.org/x)"),
        "style attribute": ok.replace('class="lane"', 'style="fill:red"'),
        "entity": '<!DOCTYPE svg [<!ENTITY x "y">]>' + ok,
        "comment": ok.replace("<defs>", "<!-- x --><defs>"),
        "not xml": ok.replace("</g>", ""),
        "not svg": ok.replace("http://www.w3.org/2000/svg", "http://example.org/x"),
        "too large": ok.replace("<defs>", "<title>" + "x" * timelines.SVG_CAP + "</title><defs>"),
        "style sheet": ok.replace("<defs>", "<style>@import url(x.css);</style><defs>"),
    }
    for what, svg in bad.items():
        assert timelines.embeddable(svg), what


def test_first_failing_is_the_first_kit_check_that_failed():
    decls = [{"id": i, "hidden": False} for i in "abcd"] + [{"id": "h", "hidden": True}]
    ran = model.DriverLesson.from_driver_json(
        {"status": "ran", "checks": [{"id": i, "verdict": v} for i, v in
                                     (("a", "pass"), ("b", "skip"), ("d", "fail"), ("c", "fail"),
                                      ("h", "fail"))]}, "01-x")
    assert timelines.first_failing(ran, decls)["id"] == "c"
    passed = model.DriverLesson.from_driver_json(
        {"status": "ran", "checks": [{"id": "a", "verdict": "pass"}]}, "01-x")
    assert timelines.first_failing(passed, decls) is None
    for status in ("build-failed", "crashed", "missing"):
        rec = model.DriverLesson(lesson="01-x", status=status)
        assert timelines.first_failing(rec, decls) is None, status
    assert timelines.first_failing(None, decls) is None


def test_report_places_a_timeline_only_in_its_own_check():
    """The drawing goes into its check's entry, a note alone says why there
    is none, and an instructor's check (same id, hidden) never gets one."""
    def check(cid, hidden=False):
        return {"lesson": "01-x", "id": cid, "title": cid.upper(), "points": 1, "hidden": hidden,
                "section": "", "verdict": "fail", "expected": "e", "observed": "o", "read": "",
                "notes": "", "output": "", "output_bytes": 0, "seconds": 0.1, "score": 0}
    g = {"student": "s", "score": 0, "max": 3, "status": "graded", "rejected": "", "notes": [],
         "lessons": [{"lesson": "01-x", "status": "ran", "log": "", "warnings": "",
                      "hidden_log": "", "score": 0, "max": 3,
                      "checks": [check("a"), check("b"), check("b", hidden=True)]}]}
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>drawn</text></svg>\n'
    page = reports.html_report(g, instructor=True,
                               timelines={"01-x": model.Timeline("01-x", "b", svg=svg)})
    root = ET.fromstring(page)
    assert page.count("<svg") == 1 and list(_entry(root, "b").iter(SVG + "svg"))
    page = reports.html_report(g, timelines={"01-x": model.Timeline("01-x", "a", note="why")})
    assert "<svg" not in page and "No timeline of this check: why" in page
