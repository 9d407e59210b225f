#!/usr/bin/env python3
"""memcheck.py -- `make memcheck`: the checks again, under valgrind memcheck.

    memcheck.py --work DIR [--format human|json] [--json FILE] LESSON_BUILD_DIR...

A lesson's checker runs once under valgrind, which follows every fork and
writes one XML file per process (vg.%p.xml; the text log stays on the
checker's stderr, see below).  The files' parent pids give the tree checker
-> init -> caller -> the student's processes; the checker starts one init
per check, in order, and the inits' files order the sandboxes (sandboxes()).
The files are read back with xml.etree and only findings that belong to the
student are kept: a finding is the student's when one of its stacks has a
frame in WORK/NN-name/*.c.  The harness's own allocations and descriptors,
and the copies of them every forked child holds when it exits early, never
have such a frame, so a correct solution reports nothing.  A process that
valgrind sees die of a signal is not a finding: the checks kill children on
purpose, and judge crashes themselves.

What counts, per check, deduplicated across its processes, then listed
once per lesson with every check that hit it:
  invalid reads/writes/frees, uses of uninitialised values, leaks (definitely
  and indirectly lost), and descriptors the student's code opened that are
  still open when the check's caller ends
  (in the caller only: a forked child holds copies of its parent's
  descriptors by design, and the kernel closes them at its exit).

Exit status: 0 when every check ran clean and passed, 1 otherwise, 2 when
valgrind is missing or the usage is wrong.  --format json (or --json FILE)
writes the summary described in harness/memcheck/README.md."""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from records import records  # noqa: E402  (harness/records.py)

# A check under valgrind runs tens of times slower; its ceilings stretch by
# this much unless FORKLAB_TIMEOUT_SCALE is already set.
DEFAULT_SCALE = "20"
PIPE_SECTION = "09-queue § Closing pipe ends"

NEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "need")


# ---- valgrind's XML, and the one part it leaves in the text log ----
#
# Each process writes its own --xml-file=DIR/vg.%p.xml: valgrind 3.19
# reopens an output file in a forked child only while the text log is not a
# file of its own (VG_(logging_atfork_child) reopens the log *or* the XML),
# so the text log stays on the checker's stderr, which valgrind copied to a
# descriptor of its own at start.  --track-fds in 3.19 splits each open
# descriptor in two: its number and what it is go to the text log ("Open
# file descriptor 5: ..."), the stack that opened it to the XML, as a bare
# <stack> after the final <status>.  The n-th descriptor of a process that
# has no "<inherited from parent>" line owns its n-th bare stack.

PREFIX = re.compile(r"^==(?:[\d:.]+ )?(\d+)== ?(.*)$")
OPEN_FD = re.compile(r"^Open (?:file descriptor|AF_\w+ socket) (\d+):?\s*(.*)$")
# XML 1.0 forbids these; a file name the student chose can carry them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
KINDS = {"InvalidRead": "invalid-read", "InvalidWrite": "invalid-write",
         "InvalidFree": "invalid-free", "MismatchedFree": "invalid-free",
         "UninitCondition": "uninitialised", "UninitValue": "uninitialised",
         "Overlap": "overlap", "FishyValue": "bad-argument",
         "Leak_DefinitelyLost": "leak", "Leak_IndirectlyLost": "leak"}


class Proc:
    """One process's XML: pid, parent pid, errors, the bare descriptor
    stacks, when the file was made, and (from the text log) its descriptors."""

    def __init__(self, path):
        self.pid = self.ppid = None
        self.errors, self.fd_stacks, self.fds = [], [], []
        self.made = os.stat(path).st_mtime_ns
        with open(path, "rb") as f:
            text = NOT_XML.sub(lambda m: "\\x%02x" % ord(m.group()),
                               f.read().decode("utf-8", "replace"))
        parser = ET.XMLPullParser(events=("start", "end"))
        depth = 0
        try:
            # A process killed by a signal leaves its file unfinished: what
            # was complete still counts.
            parser.feed(text)
            for event, el in parser.read_events():
                depth += 1 if event == "start" else -1
                if event != "end" or depth != 1:
                    continue
                if el.tag in ("pid", "ppid"):
                    setattr(self, el.tag, int(el.text))
                elif el.tag == "error":
                    self.errors.append(el)
                elif el.tag == "stack":
                    self.fd_stacks.append(frames(el))
        except (ET.ParseError, ValueError, TypeError):
            pass


def frames(stack):
    """[(function, path, line)] of a <stack>; path "" when not known."""
    out = []
    for fr in stack.iter("frame"):
        d, f, n = fr.findtext("dir"), fr.findtext("file"), fr.findtext("line")
        path = os.path.join(d, f) if d and f else (f or "")
        out.append((fr.findtext("fn") or fr.findtext("ip") or "?", path,
                    int(n) if n and n.isdigit() else 0))
    return out


def stacks(err):
    """The error's stacks: [(header, frames)], the main one first, then each
    auxiliary one ("Address ... free'd", "Block was alloc'd at",
    "Uninitialised value was created by ...")."""
    out, header = [], None
    for child in err:
        if child.tag == "what":
            header = child.text or ""
        elif child.tag == "xwhat":
            header = child.findtext("text") or ""
        elif child.tag == "auxwhat":
            header = child.text or ""
        elif child.tag == "stack":
            out.append((header or "", frames(child)))
            header = None
    return out or [("", [])]


def classify(err):
    """(kind, what) of an <error>, or None for one that is not a finding."""
    kind = err.findtext("kind") or ""
    what = err.findtext("what") or err.findtext("xwhat/text") or kind
    if kind.startswith("Leak_"):
        if kind not in KINDS:
            return None
        return "leak", re.sub(r" in loss record \d+ of \d+$", "", what)
    if kind == "SyscallParam":
        return ("uninitialised" if "uninitialised" in what else "other"), what
    return KINDS.get(kind, "other"), what


def text_log(stderr):
    """The text log's descriptors per pid: {pid: [(number, what it is,
    inherited)]}, and the lines that are not valgrind's (the checker's own
    stderr)."""
    fds, rest, last = {}, [], {}
    for raw in stderr.splitlines():
        m = PREFIX.match(raw)
        if not m:
            rest.append(raw)
            continue
        pid, line = int(m.group(1)), m.group(2)
        o = OPEN_FD.match(line)
        if o:
            fds.setdefault(pid, []).append([int(o.group(1)), o.group(2), False])
            last[pid] = fds[pid][-1]
        elif line.strip() == "<inherited from parent>" and pid in last:
            last[pid][2] = True
        elif not line.strip() or not line[0].isspace():
            last.pop(pid, None)
    return fds, rest


# ---- what belongs to the student ----

class Student:
    """The student's source files of one lesson: WORK/NN-name/*.c."""

    def __init__(self, work, lesson):
        self.dir = os.path.realpath(os.path.join(work, lesson))
        self.work = work
        self.lesson = lesson

    def frame(self, fr):
        """(path relative to the work folder's parent, line, function) when
        the frame is in the student's code, else None."""
        fn, path, line = fr
        if not re.search(r"\.[ch]$", path) or not line or not os.path.isabs(path) or \
                os.path.dirname(os.path.realpath(path)) != self.dir:
            return None
        return os.path.join(os.path.normpath(self.work), self.lesson, os.path.basename(path)), \
            line, fn

    def first_frame(self, frames):
        for f in frames:
            s = self.frame(f)
            if s:
                return s
        return None


def where(s):
    return f"{s[0]}:{s[1]} ({s[2]})" if s else "?"


def hint(kind, head, aux, student):
    """One line on what the finding means and what to do about it."""
    freed = next((a for a in aux if "free'd" in a[0]), None)
    if kind in ("invalid-read", "invalid-write") and freed:
        f = student.first_frame(freed[1])
        return ("use after free: the block was freed" + (f" at {where(f)}" if f else "") +
                " before this access; free it after its last use, or stop using it")
    if kind in ("invalid-read", "invalid-write"):
        block = next((a[0] for a in aux if "alloc'd" in a[0] or "Address" in a[0]), "")
        return f"access outside any block you own ({block.strip()})" if block else \
            "access outside any block you own"
    if kind == "invalid-free":
        return "free() of memory that was not malloc'd or was already freed"
    if kind == "uninitialised":
        origin = next((a for a in aux if a[0].startswith("Uninitialised value was created")), None)
        f = student.first_frame(origin[1]) if origin else None
        return ("a value is used before anything was stored in it" +
                (f"; it was created at {where(f)} -- initialise it there" if f else ""))
    if kind == "leak":
        return "memory allocated here is never freed: free it when the object is done with"
    if kind == "open-fd":
        return ("a descriptor your code opened is still open when the caller ended: an "
                "unclosed pipe end keeps readers from ever seeing end-of-file. Close each end "
                "as soon as this process no longer needs it (the unused end right after fork, "
                "the rest when the object is closed)")
    return head


def processes(logdir, stderr):
    """{pid: Proc} of every XML file in logdir, each with its descriptors
    from the text log; and the checker's own stderr lines."""
    fds, rest = text_log(stderr)
    procs = {}
    for name in os.listdir(logdir):
        if name.startswith("vg.") and name.endswith(".xml"):
            p = Proc(os.path.join(logdir, name))
            if p.pid is not None:
                p.fds = fds.get(p.pid, [])
                procs[p.pid] = p
    return procs, rest


def pid_max():
    try:
        with open("/proc/sys/kernel/pid_max") as f:
            return int(f.read())
    except (OSError, ValueError):
        return 1 << 22


def sandboxes(procs):
    """The checker's sandboxes in the order it ran them: for each, its
    processes as (pid, role) with role "init", "caller" or "child".  The
    tree is checker -> init -> caller -> the student's processes.

    The checker starts one init per check and kills it before the next:
    inits never overlap.  An init writes its XML preamble when it is forked
    and (harness code, killed at the end) nothing after, so its file's
    modification time orders the inits; pids, counted on from the
    checker's own (they wrap at pid_max), break ties within a clock tick."""
    kids = {}
    for pid, p in procs.items():
        kids.setdefault(p.ppid, []).append(pid)
    roots = [pid for pid, p in procs.items() if p.ppid not in procs]
    top = pid_max()
    out = []
    for root in roots:
        for init in sorted(kids.get(root, []), key=lambda q: (procs[q].made, (q - root) % top)):
            members, todo = [], [(init, 1)]
            while todo:
                pid, depth = todo.pop()
                members.append((pid, {1: "init", 2: "caller"}.get(depth, "child")))
                todo += [(k, depth + 1) for k in sorted(kids.get(pid, []))]
            out.append(sorted(members, key=lambda m: ({"init": 0, "caller": 1}.get(m[1], 2), m[0])))
    return out


FD_KIND = {"pipe": "a pipe end", "pipe2": "a pipe end", "socketpair": "a socket",
           "socket": "a socket", "dup": "a copy (dup)", "dup2": "a copy (dup2)",
           "dup3": "a copy (dup3)", "eventfd": "an eventfd"}


def open_fds(proc):
    """[(number, what it is, frames)] of the descriptors the process opened
    itself (not inherited), each paired with its stack from the XML."""
    mine = [fd for fd in proc.fds if not fd[2]]
    out = []
    for (num, desc, _), st in zip(mine, proc.fd_stacks):
        made_by = st[0][0] if st else ""
        out.append((num, FD_KIND.get(made_by, desc or made_by or "a file"), st))
    return out


def findings(procs, members, student):
    """Every finding of one sandbox's processes, deduplicated: the key is
    the kind and the student's line (for an error, also what valgrind says)."""
    out, keys = [], {}
    for pid, role in members:
        p = procs[pid]
        raw = []
        for err in p.errors:
            c = classify(err)
            if c:
                raw.append((c[0], c[1], stacks(err)))
        if role == "caller":
            raw += [("open-fd", (num, kind), [("", st)]) for num, kind, st in open_fds(p)]
        for kind, what, st in raw:
            owner = student.first_frame(st[0][1]) or \
                next((student.first_frame(s[1]) for s in st[1:] if student.first_frame(s[1])), None)
            if not owner:
                continue
            key = (kind, owner[:2], what if kind not in ("leak", "open-fd") else "")
            if key in keys:
                if kind == "open-fd" and what[0] not in keys[key]["fds"]:
                    keys[key]["fds"].append(what[0])
                continue
            f = {"kind": kind, "what": what, "file": owner[0], "line": owner[1],
                 "function": owner[2], "pid": pid, "process": role,
                 "stack": [f"{fn} ({path}:{line})" if path else fn for fn, path, line in st[0][1]],
                 "hint": hint(kind, what, st[1:], student)}
            if kind == "open-fd":
                f["fds"] = [what[0]]
                f["section"] = PIPE_SECTION
            keys[key] = f
            out.append(f)
    for f in out:
        if f["kind"] == "open-fd":
            nums, kind = f.pop("fds"), f["what"][1]
            f["what"] = (f"descriptor{'s' if len(nums) > 1 else ''} "
                         f"{', '.join(map(str, nums))} ({kind}) still open when the process ended")
    return out


def merge(checks, per_check):
    """The lesson's findings, each once, with the checks that hit it (and
    in which process); each check lists the numbers of its findings."""
    out, index = [], {}
    for c, found in zip(checks, per_check):
        c["findings"] = []
        for f in found:
            key = (f["kind"], f["file"], f["line"], f["function"],
                   f["what"] if f["kind"] not in ("leak", "open-fd") else "")
            if key not in index:
                index[key] = len(out)
                out.append(dict(f, checks=[]))
            n = index[key]
            out[n]["checks"].append({"id": c["id"], "title": c["title"],
                                     "pid": f["pid"], "process": f["process"]})
            if n not in c["findings"]:
                c["findings"].append(n)
    return out


# ---- running ----

def valgrind_cmd(logdir):
    # No --log-file: with one, valgrind 3.19 would not give a forked child an
    # XML file of its own (see above).  The text log is the checker's stderr.
    return ["valgrind", "--tool=memcheck", "--trace-children=yes",
            "--child-silent-after-fork=no", "--xml=yes", f"--xml-file={logdir}/vg.%p.xml",
            "--track-fds=yes", "--leak-check=full",
            "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
            "--track-origins=yes", "--num-callers=30", "--fullpath-after="]


def run_lesson(build_dir, work):
    """Run one lesson's checker under valgrind and pair each check's record
    with the findings of its sandbox."""
    lesson = os.path.basename(os.path.normpath(build_dir))
    checker = os.path.join(build_dir, "check")
    log = os.path.join(build_dir, "build.log")
    if not os.path.exists(checker):
        status = "build-failed" if os.path.exists(log) else "missing"
        return {"lesson": lesson, "status": status, "checks": [], "findings": [],
                "log": open(log, errors="replace").read() if os.path.exists(log) else ""}
    listed = records(subprocess.run([checker, "--list"], capture_output=True, text=True,
                                    errors="replace").stdout)
    ceiling = sum(float(f[5]) for f in listed if f[0] == "list")
    env = dict(os.environ)
    env.setdefault("FORKLAB_TIMEOUT_SCALE", DEFAULT_SCALE)
    # A check that cannot work under valgrind (ptrace of a valgrind guest)
    # can see this and fl_skip.
    env["FORKLAB_MEMCHECK"] = "1"
    logdir = tempfile.mkdtemp(prefix="forklab-memcheck-")
    limit = ceiling * float(env["FORKLAB_TIMEOUT_SCALE"]) + 120
    try:
        try:
            r = subprocess.run(valgrind_cmd(logdir) + [checker], capture_output=True, text=True,
                               errors="replace", env=env, timeout=limit)
        except subprocess.TimeoutExpired:
            return {"lesson": lesson, "status": "crashed", "checks": [], "findings": [],
                    "log": f"the checker did not end within {limit:g} s under valgrind"}
        results = [f for f in records(r.stdout) if f[0] == "result" and len(f) == 13]
        procs, stderr = processes(logdir, r.stderr)
        boxes = sandboxes(procs)
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    # A check the checker skipped before running it (a need this machine,
    # or valgrind, lacks) had no sandbox: it takes no box in the pairing.
    ran = [not (f[5] == "skip" and float(f[6]) == 0) for f in results]
    if r.returncode != 0 or len(boxes) != sum(ran):
        tail = "\n".join(stderr)[-2000:]
        return {"lesson": lesson, "status": "crashed", "checks": [], "findings": [],
                "log": f"the checker exited {r.returncode} after {len(results)} checks "
                       f"({len(boxes)} sandboxes seen)\n{tail}"}
    student = Student(work, lesson)
    checks, found = [], []
    box_of = iter(boxes)
    for res, had_box in zip(results, ran):
        box = next(box_of) if had_box else None
        c = {"id": res[2], "title": res[3], "verdict": res[5], "seconds": float(res[6])}
        if res[5] == "fail":
            c["observed"] = res[9]
        checks.append(c)
        found.append(findings(procs, box, student) if box is not None else [])
    return {"lesson": lesson, "status": "ran", "checks": checks,
            "findings": merge(checks, found)}


# ---- output ----

def summary(work, lessons):
    checks = [c for l in lessons for c in l["checks"]]
    return {"tool": "memcheck", "version": 2, "work": work,
            "valgrind": subprocess.run(["valgrind", "--version"], capture_output=True,
                                       text=True).stdout.strip(),
            "lessons": lessons,
            "totals": {"checks": len(checks),
                       "clean": sum(1 for c in checks if not c["findings"]),
                       "findings": sum(len(l["findings"]) for l in lessons),
                       "failed": sum(1 for c in checks if c["verdict"] not in ("pass", "skip"))}}


def color(on):
    def paint(code, text):
        return f"\033[{code}m{text}\033[0m" if on else text
    return paint


# Control characters (C0, DEL, C1) shown as \xHH: a file name or a title
# can carry them, and a terminal would obey them.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def safe(text):
    return CONTROL.sub(lambda m: "\\x%02x" % ord(m.group()), str(text))


def print_lesson(l, paint):
    if l["status"] != "ran":
        print(paint("31", f"✗ {safe(l['lesson'])}: {l['status']}"))
        if l.get("log"):
            print("\n".join("    " + safe(x) for x in l["log"].splitlines()[:20]))
        return
    print(paint("1", safe(l["lesson"])))
    for c in l["checks"]:
        bad = c["findings"]
        verdict = "" if c["verdict"] in ("pass", "skip") else \
            paint("33", f" (the check itself did not pass: {safe(c['verdict'])}; "
                        "`make check` says why)")
        mark = paint("32", "✓") if not bad else paint("31", "✗")
        n = f" -- finding{'s' if len(bad) != 1 else ''} " + \
            ", ".join(f"#{i + 1}" for i in bad) if bad else ""
        print(f"  {mark} {safe(c['id'])}{n or ': no memory findings'}{verdict}", flush=True)
    for i, f in enumerate(l["findings"], 1):
        print(f"  #{i} {paint('31', f['kind'])} at {safe(f['file'])}:{f['line']} in "
              f"{safe(f['function'])}: {safe(f['what'])}")
        hits = f["checks"]
        print(f"      hit by {len(hits)} check{'s' if len(hits) != 1 else ''}:")
        for h in hits:
            print(f"        {safe(h['id'])}: {safe(h['title'])} (pid {h['pid']}, {h['process']})")
        print(f"      {safe(f['hint'])}")
        if f.get("section"):
            sec = f["section"].split(" § ")
            print(f"      read lessons/{safe(sec[0])}/README.md § {safe(sec[1])}")


def print_totals(t):
    failed = f", {t['failed']} checks failed under valgrind" if t["failed"] else ""
    print(f"\nmemcheck: {t['checks']} checks, {t['clean']} clean, "
          f"{t['findings']} findings{failed}")


def main():
    ap = argparse.ArgumentParser(description="Run lessons' checks under valgrind memcheck.")
    ap.add_argument("--work", default="exercises")
    ap.add_argument("--format", choices=("human", "json"), default="human")
    ap.add_argument("--json", metavar="FILE", help="also write the JSON summary to FILE")
    ap.add_argument("build_dirs", nargs="*")
    a = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `| head` ends us quietly
    if not shutil.which("valgrind"):
        subprocess.run([NEED, "valgrind"])
        return 2
    paint = color(sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    lessons = []
    for d in a.build_dirs:
        lessons.append(run_lesson(d, a.work))
        if a.format == "human":
            print_lesson(lessons[-1], paint)
    s = summary(a.work, lessons)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(s, f, indent=1)
    if a.format == "json":
        json.dump(s, sys.stdout, indent=1)
        print()
    else:
        print_totals(s["totals"])
    bad = any(l["status"] != "ran" for l in lessons) or s["totals"]["findings"] or \
        s["totals"]["failed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
