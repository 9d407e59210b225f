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


# ---- a trace file is the check's processes' to write ----

def _event(t, call, pid, phase=0, a=(0,) * 6, ret=0, comm=b"check", src="s", ready=1):
    """One record as harness/trace/trace.c writes it."""
    return tracer.EVENT.pack(ready, ord(src), phase, 0, t, pid, 1, *a, ret, 0,
                             call.encode("utf-8", "surrogateescape")[:16], comm[:16])


def _trace_file(events, nxt=None, capacity=tracer.CAPACITY):
    return tracer.HEADER.pack(tracer.MAGIC, tracer.EVENT.size, capacity,
                              len(events) if nxt is None else nxt) + b"".join(events)


def test_wait_that_never_returns_is_drawn():
    """A check that hangs leaves a wait entered and never left: it is drawn
    as a bar that says so (the timeline of a hang is the one most worth
    seeing)."""
    data = _trace_file([_event(1000, "begin", 10), _event(2000, "fork", 10, phase=1),
                        _event(3000, "fork", 10, phase=2, ret=11),
                        _event(3500, "fork", 11, phase=2, ret=0),
                        _event(4000, "waitpid", 10, phase=1, a=(11, 0, 0, 0, 0, 0)),
                        _event(6000, "write", 11, a=(1, 2, 0, 0, 0, 0), ret=2)])
    events, dropped = tracer.parse_events(data)
    root = ET.fromstring(tracer.document(events, dropped, "04-join", "join_waits", "t",
                                         "submission", "timed out"))
    bars = [t.text for g in groups(root, "wait") for t in g.iter(SVG_NS + "title")]
    assert bars == ["waitpid(11) (never returned)"], bars
    # blocked to the end of the trace: 2000 of the axis's 5000 ns, 900 wide
    rect = next(groups(root, "wait")[0].iter(SVG_NS + "rect"))
    assert abs(float(rect.get("width")) - 360) < 1, rect.attrib


def test_hostile_trace_file_draws_or_is_refused():
    """Every process of a check can write the trace file (the grader draws
    what a student's code left there): whatever bytes it holds, reading it
    either refuses it (ValueError) or gives a drawing that parses, names
    no element but the timeline's own, and shows any name as text."""
    import random
    calls = ["begin", "seen", "fork", "clone", "_exit", "exit", "wait", "waitpid", "waitid",
             "kill", "read", "write", "exec", "pipe", "mutex_lock", "mutex_unlock",
             "cond_wait", "cond_signal", "_on_fork", "</svg>", "\udcff\x01"]
    hostile = b"</svg><script>"
    allowed = {SVG_NS + n for n in ("svg", "g", "text", "tspan", "title", "rect", "line",
                                    "circle", "path", "defs", "marker", "style")}
    for seed in range(200):
        rng = random.Random(seed)
        big = lambda: rng.randrange(-2 ** 63, 2 ** 63)  # noqa: E731
        events = [_event(rng.choice([rng.randrange(10 ** 6), big()]), rng.choice(calls),
                         rng.choice([1, 2, 3, rng.randrange(-2 ** 31, 2 ** 31)]),
                         phase=rng.randrange(3),
                         a=[rng.choice([0, 1, -1, 0o010000, big()]) for _ in range(6)],
                         ret=rng.choice([0, 2, -1, big()]), src=chr(rng.randrange(256)),
                         comm=hostile if rng.random() < 0.7 else bytes(rng.randrange(256)
                                                                       for _ in range(16)),
                         ready=rng.choice([1, 1, 0]))
                  for _ in range(rng.randrange(300))]
        data = _trace_file(events, nxt=rng.choice([len(events), 2 ** 32 - 1]),
                           capacity=rng.choice([tracer.CAPACITY, 2 ** 32 - 1]))
        data = data[:rng.choice([len(data), rng.randrange(len(data) + 1)])]
        try:
            events, dropped = tracer.parse_events(data, limit=2000)
        except ValueError:
            assert len(data) < tracer.HEADER.size, seed
            continue
        doc = tracer.document(events, dropped, "01-x", "c", "t", "submission", "fail",
                              idp=f"s{seed}-")
        root = ET.fromstring(doc)
        odd = {e.tag for e in root.iter()} - allowed
        assert not odd, (seed, odd)
        assert "<script" not in doc and doc.count("</svg>") == 1, seed
        labels = "".join("".join(t.itertext()) for t in root.iter(SVG_NS + "text"))
        if any(p.comm == hostile.decode() for p in tracer.Model(events).procs):
            assert "</svg><script>" in labels, seed


def test_id_prefix_keeps_timelines_apart():
    """Two timelines on one HTML page must not share an id."""
    events, dropped = tracer.parse_events(_trace_file([_event(1, "begin", 5)]))
    docs = [tracer.document(events, dropped, "01-x", "c", "t", "w", "fail", idp=p)
            for p in ("a-", "b-")]
    ids = [[e.get("id") for e in ET.fromstring(d).iter() if e.get("id")] for d in docs]
    assert ids == [["a-arrow"], ["b-arrow"]], ids
    try:
        tracer.document(events, dropped, "01-x", "c", "t", "w", "fail", idp='x"')
    except ValueError:
        return
    raise AssertionError("an id prefix that is not a name was written")
