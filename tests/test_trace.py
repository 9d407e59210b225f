"""make trace: a check drawn as a timeline.  For two lessons' checks on the
solutions, the SVG is well-formed XML (xml.etree, and xmllint when it is
installed), every process the check's code forked has a lane labelled with
its pid, and it shows a wait and an exit; text from the student (a process
name) is escaped.  Nothing here depends on how long anything took: only on
which events happened."""
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET

from kit import ROOT, make

sys.path.insert(0, os.path.join(ROOT, "harness", "trace"))
import timeline as tracer  # noqa: E402  (harness/trace/timeline.py)

SVG_NS = "{http://www.w3.org/2000/svg}"
# One trace build at a time: lessons share the kit's objects and the tracer.
_build = threading.Lock()


def traced(lesson_num, check):
    """Run `make trace` for one check of the solutions; returns (the SVG's
    root element, its text, the events of the run)."""
    with _build:
        r = make("trace", "WORK=solutions", f"LESSON={lesson_num}", f"CHECK={check}")
    path = os.path.join(ROOT, r.stdout.strip().splitlines()[-1])
    assert path.endswith(f"-{check}.svg") and os.path.exists(path), r.stdout + r.stderr
    text = open(path, encoding="utf-8").read()
    root = ET.fromstring(text)   # raises on anything not well-formed
    if shutil.which("xmllint"):
        x = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        assert x.returncode == 0, f"xmllint: {x.stderr}"
    events, dropped = tracer.read_events(path[:-4] + ".events")
    assert dropped == 0, f"{dropped} events did not fit"
    return root, text, events


def lane_pids(root):
    return {int(t.get("data-pid")) for t in root.iter(SVG_NS + "text")
            if t.get("class") == "lane-label"}


def lane_labels(root):
    return {int(t.get("data-pid")): "".join(t.itertext()) for t in root.iter(SVG_NS + "text")
            if t.get("class") == "lane-label"}


def forked_pids(events):
    """Every pid a traced fork returned, and every process that said it was
    born of one."""
    return ({e.ret for e in events if e.call in ("fork", "vfork", "clone") and e.ret > 0}
            | {e.pid for e in events if e.call == "fork" and e.phase == 2 and e.ret == 0})


def groups(root, cls):
    return [g for g in root.iter(SVG_NS + "g") if g.get("class") == cls]


def common(root, events, waits_for_child=True):
    pids = forked_pids(events)
    assert pids, "the check forked nothing"
    missing = pids - lane_pids(root)
    assert not missing, f"processes forked with no lane: {sorted(missing)}"
    labels = lane_labels(root)
    for pid in pids:
        assert re.search(rf"\b{pid}\b", labels[pid]), f"lane of {pid} is labelled {labels[pid]!r}"
    callers = [e.pid for e in events if e.call == "begin"]
    assert callers and "caller" in labels[callers[0]], labels
    assert groups(root, "wait"), "no wait drawn"
    assert groups(root, "exit"), "no exit drawn"
    assert groups(root, "fork"), "no fork drawn"
    if waits_for_child:
        reaped = {e.ret for e in events if e.call in ("wait", "waitpid") and e.phase == 2
                  and e.ret > 0}
        assert reaped & pids, "no forked process was seen reaped"
        assert any(line.get("class") == "reaped" for line in root.iter(SVG_NS + "line")), \
            "no line from a wait to the child it reaped"


def test_join_main_check():
    """04-join's join_waits: the caller forks a child, proc_join waits for
    it; the lane of the child ends with its exit, the wait bar points at it."""
    root, text, events = traced("04", "join_waits")
    common(root, events)
    assert any(e.call == "waitpid" and e.src == "s" for e in events), \
        "the student's waitpid was not recorded"
    assert any(e.call == "_exit" and e.src == "s" for e in events), \
        "the child's _exit was not recorded"


def test_zombie_check():
    """06-zombies-orphans' zombie_seen: a child that exited and is reaped
    only later is drawn with zombie time, the decoys are named decoys."""
    root, text, events = traced("06", "zombie_seen")
    common(root, events)
    assert [r for r in root.iter(SVG_NS + "rect") if r.get("class") == "zombie"], \
        "no zombie time shaded"
    roles = {g.get("data-role") for g in groups(root, "lane")}
    assert {"caller", "child", "decoy"} <= roles, roles


def test_escaped_names():
    """Names are the student's: a name holding < & " and a control
    character still gives well-formed XML, and reads back as it was."""
    name = 'a<b&"c\x01'
    assert "\x01" not in tracer.esc(name)
    doc = f'<svg xmlns="http://www.w3.org/2000/svg"><text a="{tracer.esc(name)}">' \
          f'{tracer.esc(name)}</text></svg>'
    el = ET.fromstring(doc)[0]
    assert el.text == el.get("a") == 'a<b&"c\\x01'


def test_plain_build_untouched():
    """The plain checker carries no tracer: tracing costs nothing there."""
    r = make("checkers", "WORK=solutions", "LESSON=04")
    assert r.returncode == 0
    nm = subprocess.run(["nm", os.path.join(ROOT, "build", "work" + os.path.join(ROOT, "solutions"),
                                            "04-join", "check")],
                        capture_output=True, text=True)
    assert nm.returncode == 0 and "fl_trace_" not in nm.stdout
