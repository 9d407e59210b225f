#!/usr/bin/env python3
"""timeline.py -- run one check of a trace-mode checker and draw its processes
as an SVG timeline (`make trace LESSON=NN CHECK=ID`, `make traces`).

    timeline.py --build DIR [--check ID] [--work NAME] (--outdir DIR | --svg FILE)

DIR holds the lesson's checker built by `harness/build-checker trace`.  The
script makes an empty trace file (the layout harness/trace/trace.c writes),
runs `DIR/check --only ID` with FORKLAB_TRACE naming it, reads the events
and writes the SVG: a lane per process (role and pid), forks, exits and how,
waits and what they reaped, zombie time, signals sent, pipe reads and
writes, condition waits; one monotonic time axis.  Python 3 standard
library only; every text is escaped for XML (process names are the
student's)."""
import argparse
import os
import re
import signal
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KIT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from records import records  # noqa: E402  (harness/records.py)

# ---- the trace file (trace.c's struct trace_header and trace_event) ----
MAGIC = b"FLTRACE1"
HEADER = struct.Struct("=8sIII44x")
EVENT = struct.Struct("=IBBHqii6qqi16s16s12x")
CAPACITY = 1 << 16          # events; 8 MB of file, written only where used
S_IFIFO = 0o010000
WNOHANG, WNOWAIT = 1, 0x01000000
CLD = {1: "exited", 2: "killed", 3: "dumped", 4: "trapped", 5: "stopped", 6: "continued"}


def make_trace_file(path):
    """An empty trace file with room for CAPACITY events."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(HEADER.pack(MAGIC, EVENT.size, CAPACITY, 0))
        f.truncate(HEADER.size + CAPACITY * EVENT.size)


class Event:
    __slots__ = ("slot", "src", "phase", "t", "pid", "ppid", "a", "ret", "err", "call", "comm")


def cstr(b):
    return b.split(b"\0", 1)[0].decode("utf-8", "replace")


def read_events(path, limit=None):
    """(events in time order, how many were dropped for want of room)."""
    with open(path, "rb") as f:
        data = f.read(HEADER.size + CAPACITY * EVENT.size)
    return parse_events(data, limit)


def parse_events(data, limit=None):
    """The events in `data` (a trace file's bytes), as read_events.  Every
    process of the check could write the file, so nothing in it is
    trusted: a slot count past the file's end or its capacity is cut to
    what is there, and at most `limit` slots are read (the rest count as
    dropped).  ValueError when it is not a trace file at all."""
    if len(data) < HEADER.size:
        raise ValueError("the trace file is shorter than its header")
    magic, size, cap, nxt = HEADER.unpack_from(data, 0)
    if magic != MAGIC or size != EVENT.size:
        raise ValueError("not a forklab trace")
    there = (len(data) - HEADER.size) // EVENT.size
    used = min(nxt, cap, there)
    shown = used if limit is None else min(used, limit)
    out = []
    for i in range(shown):
        f = EVENT.unpack_from(data, HEADER.size + i * EVENT.size)
        if f[0] != 1:
            continue   # a writer was killed between taking the slot and filling it
        e = Event()
        e.slot, e.src, e.phase, e.t, e.pid, e.ppid = i, chr(f[1]), f[2], f[4], f[5], f[6]
        e.a, e.ret, e.err = list(f[7:13]), f[13], f[14]
        e.call, e.comm = cstr(f[15]), cstr(f[16])
        out.append(e)
    out.sort(key=lambda e: (e.t, e.slot))
    return out, max(0, nxt - shown)


def signame(n):
    try:
        return signal.Signals(n).name
    except ValueError:
        return f"signal {n}"


def status_words(st):
    """A wait status in words, and whether it ends the process."""
    if st & 0x7F == 0:
        return f"exited {(st >> 8) & 0xFF}", True
    if st & 0xFF == 0x7F:
        return f"stopped by {signame((st >> 8) & 0xFF)}", False
    if st == 0xFFFF:
        return "continued", False
    return f"killed by {signame(st & 0x7F)}" + (" (core)" if st & 0x80 else ""), True


# ---- the model: processes and what happened on their lanes ----

class Proc:
    def __init__(self, pid, role, t):
        self.pid, self.role, self.start = pid, role, t
        self.parent = None
        self.depth = 0
        self.comm = ""
        self.exit_t = None       # its own _exit/exit call
        self.exit_how = None
        self.reap_t = None       # a traced wait took it
        self.reap_how = None
        self.reaper = None
        self.last_t = t
        self.zombie_from = None  # when it is known to have been a zombie already
        self.killed_t = None     # a traced kill with SIGKILL or SIGTERM reached it
        self.adopted_by = None


class Model:
    def __init__(self, events):
        self.events = events
        self.t0 = events[0].t if events else 0
        self.t1 = events[-1].t if events else 1
        self.procs = []          # lanes, in order of appearance
        self.cur = {}            # pid -> the Proc that has it now
        self.marks = []          # (kind, proc, t, text, target proc or None, t_end, src)
        self.caller = None
        self.failed_forks = 0
        self.unread = 0          # events no handler could make sense of
        self._build()

    def proc(self, pid, t, role="helper"):
        """The process that has `pid` at time t (a new one when the pid was
        reaped before: pids are reused)."""
        p = self.cur.get(pid)
        if p is None or (p.reap_t is not None and p.reap_t <= t):
            p = Proc(pid, role, t)
            self.cur[pid] = p
            self.procs.append(p)
        return p

    def mark(self, kind, p, t, text, target=None, t_end=None):
        self.marks.append((kind, p, t, text, target, t_end, self.src))

    def _build(self):
        # Every process of the check could write the trace file: an event
        # no handler can read (a value out of any range a call gives) is
        # counted and left out, never the end of the drawing.
        self.src = "s"
        open_calls = {}          # pid -> [entering events] (nested: signal handlers)
        for e in self.events:
            try:
                self._event(e, open_calls)
            except (ValueError, OverflowError, TypeError, IndexError, KeyError, struct.error):
                self.unread += 1
        # calls that never returned: the process ended (or the check) inside
        for pid, stack in open_calls.items():
            for enter in stack:
                p = self.cur.get(pid)
                try:
                    label = self._open_label(enter)
                    if p is not None and label is not None:
                        self._bar(enter, p, None, label, None, note="never returned")
                except (ValueError, OverflowError, TypeError, IndexError, KeyError):
                    self.unread += 1

    def _event(self, e, open_calls):
        """Take one event into the model."""
        if e.call == "begin":
            if self.caller is None:
                self.caller = self.proc(e.pid, e.t, "caller")
                self.caller.role = "caller"
            return
        if e.call == "seen":
            pid, state = e.a[0], chr(e.a[1]) if 0 <= e.a[1] < 128 else "?"
            comm = cstr(struct.pack("=qq", e.a[2], e.a[3]))
            d = self.proc(pid, self.t0, "decoy")
            d.role, d.comm, d.parent = "decoy", comm, self.caller
            d.start = self.t0
            if state == "Z":
                d.zombie_from = self.t0
                d.exit_how = "exited before the check began"
            return
        self.src = e.src
        p = self.proc(e.pid, e.t)
        if e.comm:
            p.comm = e.comm
        p.last_t = max(p.last_t, e.t)
        if e.phase == 1:
            open_calls.setdefault(e.pid, []).append(e)
            return
        enter = None
        if e.phase == 2:
            stack = open_calls.get(e.pid, [])
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].call == e.call:
                    enter = stack.pop(i)
                    break
        # _exit and exit are one handler; mutex calls fall to _on_other
        handler = "_on_" + e.call.lstrip("_")
        getattr(self, handler, self._on_other)(e, p, enter)

    def _open_label(self, enter):
        """The words for a blocking call that was entered and never
        returned, or None when it is not drawn as a bar."""
        if enter.call in ("wait", "waitpid", "waitid"):
            return self._wait_label(enter)
        if enter.call == "read" and enter.a[2] == S_IFIFO:
            return f"read fd {enter.a[0]}"
        if enter.call in ("cond_wait", "cond_timedwait"):
            return f"waits on {self._cond_name(enter.a[0])}"
        return None

    # -- per call --
    def _on_fork(self, e, p, enter):
        if e.ret == 0:           # the child's first record
            p.start = min(p.start, enter.t if enter else e.t)
            if p.parent is None:
                parent = self.cur.get(e.ppid)
                if parent is not None:
                    self._adopt(p, parent, e.src, e.t)
            return
        if e.ret < 0:
            self.failed_forks += 1
            self.mark("forkfail", p, e.t, f"fork failed ({os.strerror(e.err)})")
            return
        child = self.cur.get(e.ret)
        if child is None or (child.reap_t is not None and child.reap_t <= e.t) or \
                (child.parent is not None and child.parent is not p):
            child = self.proc(e.ret, e.t, "child")
            child.start = enter.t if enter else e.t
        if child.parent is None:
            self._adopt(child, p, e.src, enter.t if enter else e.t)
        self.mark("fork", p, enter.t if enter else e.t, "fork", child, None)

    _on_vfork = _on_fork

    def _adopt(self, child, parent, src, t):
        child.parent = parent
        if src == "c":
            child.role, child.depth = "probe", 0
        else:
            child.depth = parent.depth + 1
            child.role = {1: "child", 2: "grandchild"}.get(child.depth, "descendant")
        child.start = min(child.start, t)

    def _on_clone(self, e, p, enter):
        if e.ret > 0:
            child = self.proc(e.ret, e.t, "child")
            self._adopt(child, p, e.src, e.t)
            self.mark("fork", p, e.t, "clone", child, None)

    def _on_exit(self, e, p, enter):
        p.exit_t = e.t
        p.exit_how = f"{e.call}({e.a[0]})"


    def _reaped(self, e, waiter, pid, how, ends):
        child = self.cur.get(pid)
        if child is None:
            child = self.proc(pid, self.t0, "unknown")
        if not ends:
            self.mark("stopmark", child, e.t, how)
            return None
        child.reap_t, child.reap_how, child.reaper = e.t, how, waiter
        if child.exit_t is not None and child.zombie_from is None:
            child.zombie_from = child.exit_t
        elif child.zombie_from is None and child.killed_t is not None and how.startswith("killed"):
            child.zombie_from = child.killed_t   # it died of that signal, then waited
        return child

    def _on_wait(self, e, p, enter):
        opts = e.a[1]
        child = None
        if e.ret > 0:
            how, ends = status_words(e.a[2])
            child = self._reaped(e, p, e.ret, how, ends)
        look = bool(opts & WNOHANG)
        self._bar(enter or e, p, e, self._wait_label(e), child, look=look)

    _on_waitpid = _on_wait

    def _on_waitid(self, e, p, enter):
        idtype, ident, opts, pid, code, st = e.a
        child = None
        peek = bool(opts & WNOWAIT)
        if e.ret == 0 and pid > 0 and not peek:
            what = CLD.get(code, f"code {code}")
            if code == 1:
                how = f"exited {st}"
            elif code in (2, 3):
                how = f"killed by {signame(st)}" + (" (core)" if code == 3 else "")
            else:
                how = f"{what} by {signame(st)}"
            child = self._reaped(e, p, pid, how, code in (1, 2, 3))
        self._bar(enter or e, p, e, self._wait_label(e), child,
                  look=bool(opts & WNOHANG) or peek)

    def _wait_label(self, e):
        if e.call == "waitid":
            idtype, ident, opts = e.a[0], e.a[1], e.a[2]
            who = {0: "P_ALL", 1: str(ident), 2: f"group {ident}", 3: f"pidfd {ident}"}.get(
                idtype, str(ident))
            flags = "|".join(n for n, b in (("WNOHANG", WNOHANG), ("WNOWAIT", WNOWAIT))
                             if e.a[2] & b)
            return f"waitid({who}{', ' + flags if flags else ''})"
        if e.call == "wait":
            return "wait()"
        flags = "WNOHANG" if e.a[1] & WNOHANG else ""
        return f"waitpid({e.a[0]}{', ' + flags if flags else ''})"

    def _bar(self, enter, p, leave, label, child, look=False, note=None):
        t_end = leave.t if leave is not None else None
        if leave is not None and leave.ret < 0:
            label += f" = -1 {os.strerror(leave.err)}" if leave.err else " = -1"
        elif leave is not None and leave.call in ("wait", "waitpid") and leave.ret == 0:
            label += " = 0"
        kind = "look" if look else "wait"
        if enter.call in ("read",):
            kind = "read"
        elif enter.call.startswith("cond_"):
            kind = "cond"
        self.mark(kind, p, enter.t, label if note is None else f"{label} ({note})", child, t_end)

    def _on_kill(self, e, p, enter):
        pid, sig = e.a[0], e.a[1]
        target = self.cur.get(pid) if pid > 0 else None
        name = signame(sig) if sig else "0 (is it alive?)"
        text = f"kill({pid}, {name})" if target is None else name
        if e.ret < 0:
            text += f" failed: {os.strerror(e.err)}"
        self.mark("kill", p, e.t, text, target, None)
        if target is not None and sig in (signal.SIGKILL, signal.SIGTERM) and e.ret == 0 \
                and target.exit_t is None:
            target.killed_t = e.t

    def _on_read(self, e, p, enter):
        if e.a[2] != S_IFIFO:
            return
        what = "EOF" if e.ret == 0 else (f"{e.ret} B" if e.ret > 0 else
                                          f"-1 {os.strerror(e.err)}")
        self._bar(enter or e, p, e, f"read fd {e.a[0]}: {what}", None)

    def _on_write(self, e, p, enter):
        if e.a[2] != S_IFIFO:
            return
        what = f"{e.ret} B" if e.ret >= 0 else f"-1 {os.strerror(e.err)}"
        self.mark("write", p, e.t, f"write fd {e.a[0]}: {what}")

    def _on_exec(self, e, p, enter):
        path = cstr(struct.pack("=6q", *e.a))
        if e.ret == 0:   # recorded before the call: it may never return
            self.mark("exec", p, e.t, f"exec {path}")
        else:
            self.mark("forkfail", p, e.t, f"exec {path} failed ({os.strerror(e.err)})")

    def _on_pipe(self, e, p, enter):
        if e.ret == 0:
            self.mark("pipe", p, e.t, f"pipe [{e.a[0]}, {e.a[1]}]")

    _on_pipe2 = _on_pipe

    # A shared queue (lessons 09-11) is a mutex and conditions in shared
    # memory: what a process does between taking the lock and leaving it is
    # one queue operation, a put or a get.  Which one the calls cannot say
    # (the names are the student's), so a mark says what it did: which
    # conditions it waited on and woke, numbered in order of appearance.
    def _cond_name(self, addr):
        names = self.__dict__.setdefault("_conds", {})
        return names.setdefault(addr, f"condition {len(names) + 1}")

    def _on_mutex_lock(self, e, p, enter):
        if e.ret == 0:
            self.__dict__.setdefault("_held", {})[(e.pid, e.a[0])] = (e.t, [])

    def _on_mutex_unlock(self, e, p, enter):
        held = self.__dict__.setdefault("_held", {}).pop((e.pid, e.a[0]), None)
        if held is not None:
            t, did = held
            self.mark("queue", p, t, "queue operation (lock held)" +
                      (": " + ", ".join(did) if did else ""), None, e.t)

    def _did(self, e, what):
        for (pid, _), (_, did) in self.__dict__.get("_held", {}).items():
            if pid == e.pid:
                did.append(what)

    def _on_cond_wait(self, e, p, enter):
        name = self._cond_name(e.a[0])
        self._did(e, f"waited on {name}")
        held = self.__dict__.get("_held", {}).get((e.pid, e.a[1]))
        if held is not None:   # the lock was let go while waiting: the operation starts now
            self._held[(e.pid, e.a[1])] = (e.t, held[1])
        self._bar(enter or e, p, e, f"waits on {name}", None)

    _on_cond_timedwait = _on_cond_wait

    def _on_cond_signal(self, e, p, enter):
        name = self._cond_name(e.a[0])
        what = ("wakes all on " if e.call == "cond_broadcast" else "wakes ") + name
        self._did(e, what)
        self.mark("wake", p, e.t, what)

    _on_cond_broadcast = _on_cond_signal

    def _on_other(self, e, p, enter):
        pass


# ---- drawing ----

def esc(s):
    """Text for XML content or a double-quoted attribute: markup characters
    escaped, characters XML 1.0 cannot hold at all shown as \\xHH."""
    out = []
    for ch in str(s):
        o = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ch == "'":
            out.append("&apos;")
        elif (o < 0x20 and ch not in "\t\n\r") or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


COLOURS = {"caller": "#1f5fbf", "child": "#2a9d4b", "grandchild": "#7a9d2a", "descendant": "#9d8a2a",
           "probe": "#8a4fbf", "decoy": "#9a9a9a", "helper": "#bf7a1f", "unknown": "#666666"}


def nice_step(span_ns, want=8):
    raw = max(span_ns / want, 1)
    mag = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def fmt_time(ns, span):
    """A tick's time, in the unit that suits the whole axis."""
    if ns == 0:
        return "0"
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if span >= 2 * size:
            return f"{ns / size:g} {unit}"
    return f"{ns} ns"


def cut(text, n):
    """text, at most n characters (an ellipsis says it was cut)."""
    return text if len(text) <= n else text[:n - 1] + "…"


def fmt_span(ns):
    """A duration, rounded for reading."""
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}"
    return f"{ns} ns"


def render(model, title, subtitle, dropped=0, idp=""):
    """The SVG document (a str).  idp prefixes its one id (the arrow head),
    so that several timelines can share an HTML page."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", idp):
        raise ValueError(f"an id prefix of letters, digits, '_' and '-' only: {idp!r}")
    LEFT, WIDTH, TOP, LANE = 250, 900, 78, 40
    RIGHT = 150   # room for the words at a lane's end
    procs = order_lanes(model)
    lane_y = {id(p): TOP + 20 + i * LANE for i, p in enumerate(procs)}
    t0, t1 = model.t0, max(model.t1, model.t0 + 1)
    span = t1 - t0

    def x(t):
        return LEFT + (t - t0) * WIDTH / span

    taken = {}   # (lane, row) -> [(x0, x1)]: words already written there

    def words(p, row, x0, y, text, colour=None):
        """Write `text` at x0 on `row` of p's lane unless other words are
        there already (every mark keeps its words as a tooltip anyway)."""
        x1 = x0 + 5.6 * len(text)
        spans = taken.setdefault((id(p), row), [])
        if any(a < x1 and x0 < b for a, b in spans):
            return ""
        spans.append((x0, x1))
        fill = f' fill="{colour}"' if colour else ""
        return f'<text x="{x0:.1f}" y="{y}" class="lbl"{fill}>{esc(text)}</text>'

    height = TOP + 40 + len(procs) * LANE + 200
    arrow = f"url(#{idp}arrow)"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LEFT + WIDTH + RIGHT}" '
           f'height="{height}" viewBox="0 0 {LEFT + WIDTH + RIGHT} {height}" '
           f'font-family="sans-serif" font-size="11">',
           "<style>.lbl{font-size:10px;fill:#333}.lane-label{font-size:12px}"
           ".axis{stroke:#bbb;stroke-width:1}</style>",
           f'<title>{esc(title)}</title>',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="12" y="22" font-size="16" font-weight="bold">{esc(title)}</text>',
           f'<text x="12" y="42" font-size="12" fill="#444">{esc(cut(subtitle, 190))}'
           f'<title>{esc(subtitle)}</title></text>',
           f'<defs><marker id="{idp}arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
           'fill="context-stroke"/></marker></defs>']
    # the time axis and its scale
    step = nice_step(span)
    axis_y = TOP
    out.append(f'<g class="axis-scale"><line class="axis" x1="{LEFT}" y1="{axis_y}" '
               f'x2="{LEFT + WIDTH}" y2="{axis_y}"/>')
    k = 0
    while k * step <= span:
        xx = x(t0 + k * step)
        out.append(f'<line class="axis" x1="{xx:.1f}" y1="{axis_y - 4}" x2="{xx:.1f}" '
                   f'y2="{TOP + 20 + len(procs) * LANE}" stroke-dasharray="2,4"/>'
                   f'<text x="{xx:.1f}" y="{axis_y - 8}" text-anchor="middle" '
                   f'class="lbl">{esc(fmt_time(k * step, span))}</text>')
        k += 1
    out.append(f'<text x="{LEFT - 8}" y="{axis_y - 8}" text-anchor="end" class="lbl">'
               f'time since the first event (CLOCK_MONOTONIC)</text></g>')
    # lanes
    for p in procs:
        y = lane_y[id(p)]
        colour = COLOURS.get(p.role, "#666")
        start = p.start
        end = p.reap_t or p.exit_t or p.last_t
        name = f" ({p.comm})" if p.comm else ""
        parent = f", parent {p.parent.pid}" if p.parent is not None else ""
        out.append(f'<g class="lane" data-pid="{p.pid}" data-role="{esc(p.role)}">')
        out.append(f'<text class="lane-label" data-pid="{p.pid}" x="{LEFT - 8}" y="{y + 4}" '
                   f'text-anchor="end" fill="{colour}"><tspan font-weight="bold">'
                   f'{esc(p.role)} {p.pid}</tspan>{esc(name)}</text>')
        out.append(f'<text x="{LEFT - 8}" y="{y + 16}" text-anchor="end" class="lbl">'
                   f'{esc(parent.lstrip(", "))}</text>')
        if p.zombie_from is not None:
            zend = p.reap_t if p.reap_t is not None else t1
            out.append(f'<rect class="zombie" x="{x(p.zombie_from):.1f}" y="{y - 9}" '
                       f'width="{max(x(zend) - x(p.zombie_from), 2):.1f}" height="18" '
                       f'fill="#e8a0a0" opacity="0.6"><title>zombie: exited, not yet waited '
                       f'for</title></rect>')
        live_end = p.zombie_from if p.zombie_from is not None else end
        out.append(f'<line x1="{x(start):.1f}" y1="{y}" x2="{x(live_end):.1f}" y2="{y}" '
                   f'stroke="{colour}" stroke-width="4"/>')
        if p.exit_t is None and p.reap_t is None and p.zombie_from is None:
            out.append(f'<line x1="{x(end):.1f}" y1="{y}" x2="{x(t1):.1f}" y2="{y}" '
                       f'stroke="{colour}" stroke-width="1" stroke-dasharray="3,3">'
                       f'<title>no end seen in the trace (ended by a signal nobody traced '
                       f'waited for, or still running when the check ended)</title></line>')
        # the end, and how
        how = p.reap_how or p.exit_how
        if p.exit_t is not None or p.reap_t is not None:
            te = p.exit_t if p.exit_t is not None else p.reap_t
            out.append(f'<g class="exit"><circle cx="{x(te):.1f}" cy="{y}" r="5" fill="white" '
                       f'stroke="{colour}" stroke-width="2"/>'
                       f'<title>{esc(how or "ended")}</title>'
                       + words(p, "above", x(te) + 7, y - 9, how or "ended") + '</g>')
        elif p.exit_how:
            out.append(f'<g class="exit"><text x="{x(start) + 4:.1f}" y="{y - 11}" class="lbl">'
                       f'{esc(p.exit_how)}</text></g>')
        out.append("</g>")
    # marks
    for kind, p, t, text, target, t_end, src in model.marks:
        # the harness's own calls (its reaps, the decoys' end) are drawn
        # without words under them: they are not the lesson
        quiet = src == "h"
        if id(p) not in lane_y:
            continue
        y = lane_y[id(p)]
        xt = x(t)
        if kind == "fork" and target is not None and id(target) in lane_y:
            ty = lane_y[id(target)]
            out.append(f'<g class="fork"><line x1="{xt:.1f}" y1="{y}" x2="{x(target.start):.1f}" '
                       f'y2="{ty}" stroke="#2a9d4b" stroke-width="1.5" marker-end="{arrow}"/>'
                       + words(p, "below", xt + 3, y + 14, text) + '</g>')
        elif kind in ("wait", "look", "read", "cond"):
            if t_end is None:   # never returned: blocked until the process ended, or on
                t_end = next((t for t in (p.exit_t, p.killed_t, p.reap_t) if t is not None), t1)
            xe = x(t_end)
            fill = {"wait": "#f0b030", "look": "#f7dc9a", "read": "#7fb2e5",
                    "cond": "#c59be0"}[kind]
            h = 6 if kind == "look" else 10
            out.append(f'<g class="{"wait" if kind in ("wait", "look") else kind}">'
                       f'<rect x="{xt:.1f}" y="{y + 3}" width="{max(xe - xt, 1.5):.1f}" '
                       f'height="{h}" fill="{fill}" stroke="#8a6a10" stroke-width="0.5">'
                       f'<title>{esc(text)}</title></rect>')
            if kind != "look" and not quiet:
                out.append(words(p, "below2", xt, y + 24, text))
            if target is not None and id(target) in lane_y:
                ty = lane_y[id(target)]
                out.append(f'<line class="reaped" x1="{xe:.1f}" y1="{y + 8}" x2="{xe:.1f}" '
                           f'y2="{ty}" stroke="#8a6a10" stroke-width="1.2" '
                           f'stroke-dasharray="4,2" marker-end="{arrow}">'
                           f'<title>reaped {target.pid}: {esc(target.reap_how or "")}</title>'
                           f'</line>')
            out.append("</g>")
        elif kind == "kill":
            if target is not None and id(target) in lane_y:
                ty = lane_y[id(target)]
                said = "" if quiet else words(p, "kill", xt + 3, (y + ty) / 2, text, "#c0392b")
                out.append(f'<g class="kill"><title>{esc(text)}</title><line x1="{xt:.1f}" '
                           f'y1="{y}" x2="{xt:.1f}" y2="{ty}" stroke="#c0392b" '
                           f'stroke-width="1.5" marker-end="{arrow}"/>{said}</g>')
            else:
                said = "" if quiet else words(p, "above", xt + 6, y - 9, text, "#c0392b")
                out.append(f'<g class="kill"><title>{esc(text)}</title><path d="M{xt:.1f},'
                           f'{y - 7} l5,7 l-5,7 l-5,-7 z" fill="#c0392b"/>{said}</g>')
        elif kind == "queue":
            xe = x(t_end)
            out.append(f'<g class="queue"><rect x="{xt:.1f}" y="{y - 13}" '
                       f'width="{max(xe - xt, 3):.1f}" height="8" fill="#8a4fbf" opacity="0.8">'
                       f'<title>{esc(text)}</title></rect></g>')
        elif kind == "exec":
            out.append(f'<g class="exec"><title>{esc(text)}</title><rect x="{xt - 4:.1f}" '
                       f'y="{y - 4}" width="8" height="8" fill="#1f5fbf"/>'
                       + words(p, "above", xt + 6, y - 9, text) + '</g>')
        elif kind in ("write", "wake", "pipe"):
            colour = {"write": "#1f6fbf", "wake": "#8a4fbf", "pipe": "#555"}[kind]
            out.append(f'<g class="{kind}"><line x1="{xt:.1f}" y1="{y - 8}" x2="{xt:.1f}" '
                       f'y2="{y + 8}" stroke="{colour}" stroke-width="2"><title>{esc(text)}'
                       f'</title></line></g>')
        elif kind in ("forkfail", "stopmark"):
            out.append(f'<g class="{kind}"><text x="{xt:.1f}" y="{y + 4}" fill="#c0392b" '
                       f'text-anchor="middle" font-weight="bold">×</text><text x="{xt + 6:.1f}" '
                       f'y="{y - 9}" class="lbl">{esc(text)}</text></g>')  # rare: always
    if not procs:
        out.append(f'<text x="{LEFT}" y="{TOP + 24}" class="lbl">no process call was recorded '
                   f'during this check: the code under test neither forked, waited, signalled '
                   f'nor ended a process</text>')
    # legend
    ly = TOP + 40 + len(procs) * LANE
    items = [("line", "#2a9d4b", "a process, from its fork to its end (colour: its role)"),
             ("arrow", "#2a9d4b", "fork: parent to the new process"),
             ("circle", "#2a9d4b", "its end: _exit/exit code, or how the waiter saw it end"),
             ("rect", "#f0b030", "a wait call, from call to return; the dashed arrow goes to "
                                 "the child it reaped"),
             ("rect", "#f7dc9a", "a look without blocking (WNOHANG, WNOWAIT)"),
             ("rect", "#e8a0a0", "zombie: exited, not yet waited for"),
             ("rect", "#1f5fbf", "exec: a new program in the same process (it records nothing "
                                 "more); × a failed fork or exec"),
             ("arrow", "#c0392b", "kill: a signal from sender to target"),
             ("rect", "#7fb2e5", "read on a pipe, from call to return; a blue tick: a write"),
             ("rect", "#8a4fbf", "a queue operation, a put or a get: the queue's lock held "
                                 "(hover: what it waited on and woke)"),
             ("rect", "#c59be0", "waits on a queue's condition; a purple tick: wakes one")]
    out.append(f'<g class="legend"><text x="12" y="{ly}" font-weight="bold">legend</text>')
    for i, (shape, colour, text) in enumerate(items):
        yy = ly + 16 + i * 16
        if shape == "line":
            out.append(f'<line x1="12" y1="{yy - 4}" x2="40" y2="{yy - 4}" stroke="{colour}" '
                       f'stroke-width="4"/>')
        elif shape == "arrow":
            out.append(f'<line x1="12" y1="{yy - 4}" x2="40" y2="{yy - 4}" stroke="{colour}" '
                       f'stroke-width="1.5" marker-end="{arrow}"/>')
        elif shape == "circle":
            out.append(f'<circle cx="26" cy="{yy - 4}" r="5" fill="white" stroke="{colour}" '
                       f'stroke-width="2"/>')
        else:
            out.append(f'<rect x="12" y="{yy - 9}" width="28" height="10" fill="{colour}"/>')
        out.append(f'<text x="48" y="{yy}">{esc(text)}</text>')
    notes = ("pids as the check's own processes saw them (inside its sandbox); "
             "roles: caller runs the check and your functions, child/grandchild were forked by "
             "your code, probe by the check itself, decoy by the harness")
    if dropped:
        notes += f"; {dropped} more events are not shown (more than the drawing has room for)"
    if model.unread:
        notes += f"; {model.unread} events could not be read (values no call gives) and are left out"
    out.append(f'<text x="12" y="{ly + 16 + len(items) * 16 + 4}" class="lbl">{esc(notes)}</text>')
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def order_lanes(model):
    """The caller first, its decoys, then every process under its parent in
    order of birth; processes with no known parent last."""
    kids = {}
    for p in model.procs:
        kids.setdefault(id(p.parent) if p.parent is not None else None, []).append(p)
    out, seen = [], set()

    def walk(p):
        if id(p) in seen:
            return
        seen.add(id(p))
        out.append(p)
        for c in sorted(kids.get(id(p), []), key=lambda c: (c.role != "decoy", c.start)):
            walk(c)
    if model.caller is not None:
        walk(model.caller)
    for p in sorted(model.procs, key=lambda p: p.start):
        walk(p)
    return out


# ---- running a check ----

def checker_list(check):
    r = subprocess.run([check, "--list"], capture_output=True, text=True, errors="replace",
                       timeout=60)
    return [{"id": f[2], "title": f[3]} for f in records(r.stdout) if f and f[0] == "list"]


def events_file(lesson, check_id):
    """Where one check's events are kept (build/trace/LESSON-CHECK.events)."""
    return os.path.join(KIT, "build", "trace", f"{lesson}-{check_id}.events")


def trace_check(check, lesson, check_id):
    """Run one check with a fresh trace file; returns (events, dropped,
    the verdict in words, the checker's stderr)."""
    events_path = events_file(lesson, check_id)
    make_trace_file(events_path)
    env = dict(os.environ, FORKLAB_TRACE=os.path.abspath(events_path), FORKLAB_SANDBOX_SAID="1")
    r = subprocess.run([check, "--only", check_id], capture_output=True, text=True,
                       errors="replace", env=env, timeout=600)
    events, dropped = read_events(events_path)
    return events, dropped, verdict_of(r.stdout, check_id), r.stderr


def verdict_of(stdout, check_id):
    """The verdict the checker's records in `stdout` give check_id, in
    words: pass, skip, "fail: expected ...; observed ...", or "did not
    report"."""
    verdict = "did not report"
    for line in stdout.splitlines():
        try:
            f = records(line)[0] if line else []
        except ValueError:
            continue   # not a record (\x without two hex digits): not the checker's line
        if len(f) > 9 and f[0] == "result" and f[2] == check_id:
            verdict = f[5] if f[5] != "fail" else f"fail: expected {f[8]}; observed {f[9]}"
    return verdict


def document(events, dropped, lesson, check_id, title, work, verdict, idp=""):
    """One check's timeline as an SVG document (a str): titled with the
    check, its subtitle the work folder, what was recorded and the traced
    run's verdict (words from verdict_of)."""
    model = Model(events)
    return render(model, f"{lesson} · {check_id} — {title}",
                  f"{work}/{lesson}: {len(model.procs)} processes, {len(events)} events over "
                  f"{fmt_span(model.t1 - model.t0)}; check {verdict}", dropped, idp)


def starts_processes(events):
    """Whether the code under test forked in this trace."""
    return any(e.call in ("fork", "vfork", "clone") and e.src == "s" and e.ret > 0
               for e in events)


def run(build, check_id, svg, outdir, work, main_check=False):
    """Run one check of the trace-mode checker in `build` and draw it into
    `svg` (or OUTDIR/LESSON-CHECK.svg); prints the SVG's path.  Without
    check_id: the lesson's first check, or with main_check the first one in
    which the code under test starts a process.  Returns the exit status:
    0 drawn, 1 the checker is missing, 2 no such check."""
    check = os.path.join(build, "check")
    lesson = os.path.basename(os.path.normpath(build))
    if not os.access(check, os.X_OK):
        log = os.path.join(build, "build.log")
        sys.stderr.write(f"{work}/{lesson} did not build for tracing:\n"
                         + (open(log).read() if os.path.exists(log) else "") + "\n")
        return 1
    checks = checker_list(check)
    if not checks:
        sys.stderr.write(f"{check} lists no checks\n")
        return 1
    ids = [c["id"] for c in checks]
    if check_id and check_id not in ids:
        sys.stderr.write(f"{lesson} has no check {check_id!r}; its checks: {', '.join(ids)}\n")
        return 2
    for cid in ([check_id] if check_id else ids if main_check else ids[:1]):
        events, dropped, verdict, err = trace_check(check, lesson, cid)
        if not main_check or starts_processes(events):
            break
        os.remove(events_file(lesson, cid))   # 8 MB each: keep only the one drawn
    else:
        cid = ids[0]   # no check starts a process: the first one, traced again
        events, dropped, verdict, err = trace_check(check, lesson, cid)
    title = next(c["title"] for c in checks if c["id"] == cid)
    svg = svg or os.path.join(outdir or os.path.join(KIT, "build", "trace"), f"{lesson}-{cid}.svg")
    if not events:
        sys.stderr.write(f"{lesson} {cid}: no process call was recorded (check {verdict})\n{err}")
    doc = document(events, dropped, lesson, cid, title, work, verdict)
    os.makedirs(os.path.dirname(os.path.abspath(svg)), exist_ok=True)
    with open(svg + ".tmp", "w", encoding="utf-8") as f:
        f.write(doc)
    os.replace(svg + ".tmp", svg)
    rel = os.path.relpath(svg)
    print(svg if rel.startswith("..") else rel)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True, help="the lesson's trace-mode build folder")
    ap.add_argument("--check", help="the check's id (default: the lesson's first check)")
    ap.add_argument("--work", default="exercises", help="the work folder's name, for the title")
    ap.add_argument("--outdir", help="write OUTDIR/LESSON-CHECK.svg")
    ap.add_argument("--svg", help="write this file instead")
    ap.add_argument("--main", action="store_true",
                    help="without --check: the first check in which the code starts a process")
    a = ap.parse_args()
    return run(a.build, a.check, a.svg, a.outdir, a.work, a.main)


if __name__ == "__main__":
    sys.exit(main())
