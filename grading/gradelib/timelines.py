"""A failing check's timeline in the HTML reports.

For each lesson in which a kit check failed, the first failing check is run
once more, traced, and drawn: its checker is rebuilt in trace mode
(harness/build-checker trace: the process calls of the student's objects,
the checks and the core go through harness/trace/trace.c), `check --only
ID` runs with FORKLAB_TRACE naming a trace file, and
harness/trace/timeline.py draws what the file holds -- a lane per process,
forks, exits, waits, signals, queue operations.  One build and one run a
failing lesson, none when nothing failed: the cost is the student's
mistakes, not the class's size.

The traced build and run are student code like any other: as the
submission's uid, inside the same walls (wall.py) and limits (NPROC, FSIZE,
the cgroup) as the graded run, after it, with the work folder and the kit
read-only.  Nothing of them reaches a score: the drawing only illustrates
the failure the graded run already reported.  They come after the graded
runs rather than with the first compile because most lessons pass, and a
traced build nobody looks at would double the compile time of the class;
the sources are the ones the graded checker was built from (read-only in
every run since).

Everything in the drawing that comes from the run is hostile: process
names (comm), paths, the verdict's words, and the trace file itself, which
every process of the check can write.  So:
  - the trace file is made by the grader in a folder of its own, given to
    the uid and bound read-write alone; the grader reads it through the
    descriptor it opened, at most the size it made it, and never follows a
    path the uid could change;
  - at most EVENT_LIMIT events are drawn; timeline.py counts the rest;
  - timeline.py escapes every text it writes, and the drawing is then
    parsed (it must be well-formed XML with no declaration, comment or
    CDATA section), its elements held to the timeline's own few SVG
    elements, with no event attribute, no link and no reference but to its
    own arrow head, and at most SVG_CAP bytes -- else nothing is embedded
    and the report says why."""
import os
import re
import stat
import sys
import xml.etree.ElementTree as ET

from . import kit, model

sys.path.insert(0, os.path.join(kit.ROOT, "harness", "trace"))
import timeline  # noqa: E402  (harness/trace/timeline.py)

EVENT_LIMIT = 2000           # events drawn (a typical failing check records under 100)
SVG_CAP = 1 << 20            # bytes of drawing a report embeds
RUN_MARGIN = 3               # seconds the traced run may take beyond the check's ceiling
BUILD_CEILING = 120          # seconds to build the traced checker
SVG_NS = "http://www.w3.org/2000/svg"
# The elements timeline.py writes; nothing else may reach a page.
ELEMENTS = frozenset({"svg", "g", "text", "tspan", "title", "rect", "line", "circle", "path",
                      "defs", "marker", "style"})
_URL = re.compile(r"url\(([^)]*)\)")


def first_failing(rec, decls):
    """The declaration of the first of the kit's checks (decls, in their
    order) that the driver's record rec (a model.DriverLesson) reports
    failed, or None: nothing failed, or the lesson did not run (a build
    failure, a crashed checker: no check to trace)."""
    if rec is None or rec.status != "ran":
        return None
    failed = {c.id for c in rec.checks if c.verdict == "fail"}
    return next((d for d in decls if d["id"] in failed and not d.get("hidden")), None)


def embeddable(svg):
    """None when svg (a drawing of timeline.py's) can go into an HTML page
    as it is, else why not, in words: larger than SVG_CAP, not well-formed
    XML, a declaration, comment or CDATA section, or anything but the
    timeline's own elements and attributes."""
    size = len(svg.encode("utf-8"))
    if size > SVG_CAP:
        return f"the drawing is {size >> 10} KB, more than a report embeds ({SVG_CAP >> 10} KB)"
    if "<!" in svg or "<?" in svg:
        return "the drawing holds a declaration, comment or CDATA section"
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as e:
        return f"the drawing is not well-formed XML ({e})"
    if root.tag != f"{{{SVG_NS}}}svg":
        return "the drawing is not an SVG document"
    for el in root.iter():
        ns, _, name = el.tag[1:].partition("}")
        if ns != SVG_NS or name not in ELEMENTS:
            return f"the drawing holds an element {name or el.tag!r} the timeline never writes"
        for attr, value in el.attrib.items():
            low = attr.lower()
            if attr.startswith("{") or low.startswith("on") or "href" in low or low == "style":
                return f"the drawing holds an attribute {attr!r} the timeline never writes"
            if any(not re.fullmatch(r"#[A-Za-z0-9_-]+", u) for u in _URL.findall(value)):
                return "the drawing refers to something outside itself"
        if name == "style" and re.search(r"[@\\<]|url\(|expression", el.text or ""):
            return "the drawing's style sheet holds more than styles"
    return None


def _id_prefix(lesson):
    """The prefix of the drawing's ids: one timeline a lesson, so the
    lesson's name keeps ids apart on a page."""
    return "tl-" + re.sub(r"[^A-Za-z0-9_-]", "-", lesson) + "-"


def _trace_file(path, uid):
    """Make the empty trace file (timeline.py's layout) at path, owned by
    uid (None: ours); returns a descriptor the grader keeps to read it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, timeline.HEADER.pack(timeline.MAGIC, timeline.EVENT.size,
                                          timeline.CAPACITY, 0))
        os.ftruncate(fd, timeline.HEADER.size + timeline.CAPACITY * timeline.EVENT.size)
        if uid is not None:
            os.fchown(fd, uid, uid)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _read_all(fd):
    """The trace file's bytes through fd, at most the size it was made with
    (the uid may have grown it)."""
    want = timeline.HEADER.size + timeline.CAPACITY * timeline.EVENT.size
    chunks, got = [], 0
    while got < want:
        block = os.pread(fd, min(1 << 20, want - got), got)
        if not block:
            break
        chunks.append(block)
        got += len(block)
    return b"".join(chunks)


def _built(path):
    """Whether path is a regular file (never following a link the uid made)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def trace(user, env, lesson, decl, places, scale=1.0, turn=None):
    """The model.Timeline of check decl (a declaration) of lesson: build the
    lesson's traced checker, run the check once, draw it.  user is the
    submission's runner.User, env the environment its code sees; places
    is (kit root, work folder, scratch folder).  Never raises for what the
    student's code did: a build that fails, a run that is stopped, a trace
    file that cannot be read or a drawing that cannot be embedded is a
    timeline without svg whose note says so."""
    root, work, scratch = places
    cid = decl["id"]
    try:
        return _trace(user, env, lesson, decl, root, work, scratch, scale, turn)
    except (OSError, ValueError) as e:
        # (an OSError names its path: the scratch folder's name is the grader's)
        why = str(e).replace(work + "/", "").replace(scratch + "/", "")
        return model.Timeline(lesson, cid, note=f"the timeline could not be made ({why})")


def _trace(user, env, lesson, decl, root, work, scratch, scale, turn):
    cid = decl["id"]
    traced = os.path.join(scratch, "traced")
    if not os.path.isdir(traced):
        os.mkdir(traced, 0o700)
        user.give(traced)
    out = os.path.join(traced, lesson)
    build = [os.path.join(root, "harness", "build-checker"), "trace", lesson, work,
             "submission", out]
    status, _, _ = user.run(build, env, BUILD_CEILING, ro=[root, work], rw=[traced])
    user.kill_all()
    check = os.path.join(out, "check")
    if status != 0 or not _built(check):
        # build.log is the uid's: the grader never reads it (a link could
        # point anywhere); the graded build's messages are in the report.
        return model.Timeline(lesson, cid, note="the checker did not build for tracing")
    # The trace file: in a folder of the grader's, bound alone read-write.
    files = os.path.join(scratch, "timeline")
    if not os.path.isdir(files):
        os.mkdir(files, 0o711)
    path = os.path.join(files, f"{lesson}.events")
    fd = _trace_file(path, user.uid)
    try:
        ceiling = decl["timeout"] * scale + RUN_MARGIN
        status, so, _ = user.run([check, "--only", cid],
                                 dict(env, FORKLAB_TRACE=path, FORKLAB_SANDBOX_SAID="1"),
                                 ceiling, ro=[root, work, traced], rw=[path], turn=turn)
        user.kill_all()
        events, dropped = timeline.parse_events(_read_all(fd), EVENT_LIMIT)
    finally:
        os.close(fd)
    verdict = timeline.verdict_of(so.decode("utf-8", "replace"), cid)
    note = ""
    if status is None and verdict == "did not report":
        verdict = f"stopped by the grader after {ceiling:g} s"
        note = (f"The traced run was stopped after {ceiling:g} s; the drawing shows what its "
                f"processes did until then.")
    elif verdict in ("pass", "skip"):
        note = (f"In this traced run the check {'passed' if verdict == 'pass' else 'was skipped'}"
                f": its failure depends on timing, and the drawing shows a run that went "
                f"otherwise.")
    try:
        svg = timeline.document(events, dropped, lesson, cid, decl["title"], "submission",
                                verdict, idp=_id_prefix(lesson))
    except Exception as e:  # a drawing is never worth a grade: any bug of ours ends here
        return model.Timeline(lesson, cid, note=f"the timeline could not be drawn "
                              f"({type(e).__name__})")
    # The scratch folder's name is the grader's, not the student's.
    svg = svg.replace(work + "/", "").replace(scratch + "/", "")
    why = embeddable(svg)
    if why:
        return model.Timeline(lesson, cid, note=f"the timeline is not shown: {why}")
    return model.Timeline(lesson, cid, svg=svg, note=note)
