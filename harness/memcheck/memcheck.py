#!/usr/bin/env python3
"""memcheck.py -- `make memcheck`: the checks again, under valgrind memcheck.

    memcheck.py --work DIR [--format human|json] [--json FILE] LESSON_BUILD_DIR...

A lesson's checker runs once under valgrind, which follows every fork and
writes one text log per process (vg.%p; valgrind 3.19 reopens a %p log file
in a forked child, but not an XML one, so the text log is what each process
gets to itself).  The logs' parent pids give the tree checker -> init ->
caller -> the student's processes; the checker starts one init per check,
in order, so the inits' start times (--time-stamp) pair each sandbox with
its check's record.  The logs are read back here and only findings that
belong to the student are kept: a finding is the student's when one of its
stacks has a frame in WORK/NN-name/*.c.  The harness's own allocations and
descriptors, and the copies of them every forked child holds when it exits
early, never have such a frame, so a correct solution reports nothing.  A
process that valgrind sees die of a signal is not a finding: the checks
kill children on purpose, and judge crashes themselves.

What counts, per check, deduplicated across its processes:
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

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from records import records  # noqa: E402  (harness/records.py)

# A check under valgrind runs tens of times slower; its ceilings stretch by
# this much unless FORKLAB_TIMEOUT_SCALE is already set.
DEFAULT_SCALE = "20"
PIPE_SECTION = "09-queue § Closing pipe ends"

NEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "need")


# ---- valgrind's text log ----

PREFIX = re.compile(r"^==([\d:.]+) (\d+)== ?(.*)$")
FRAME = re.compile(r"^\s+(?:at|by) 0x[0-9A-Fa-f]+: (.*?)(?: \((.*)\))?$")
LEAK = re.compile(r"^([\d,]+(?: \([\d,]+ direct, [\d,]+ indirect\))? bytes in [\d,]+ blocks?"
                  r" are (definitely|indirectly) lost)")
OPEN_FD = re.compile(r"^Open (?:file descriptor|AF_\w+ socket) (\d+):?\s*(.*)$")
PARENT = re.compile(r"^Parent PID: (\d+)$")


def blocks(path):
    """(pid, parent pid, start time, [block]) of one process's log; a block
    is the list of its lines, valgrind's prefix removed.  The start time (--time-stamp, counted from the checker's start
    and inherited at fork) orders a checker's sandboxes."""
    pid = ppid = start = None
    out, cur = [], []
    with open(path, errors="replace") as f:
        for raw in f:
            m = PREFIX.match(raw.rstrip("\n"))
            if not m:
                continue   # --PID-- tool warnings, e.g. an unhandled syscall
            if start is None:
                start = m.group(1)
            pid = int(m.group(2))
            line = m.group(3)
            p = PARENT.match(line)
            if p:
                ppid = int(p.group(1))
            # A block starts at every unindented line: valgrind does not
            # always leave an empty line between two (FILE DESCRIPTORS).
            if cur and (not line.strip() or not line[0].isspace()):
                out.append(cur)
                cur = []
            if line.strip():
                cur.append(line)
    if cur:
        out.append(cur)
    return pid, ppid, start, out


def stacks(lines):
    """The block's stacks: [(header, [(function, location)])], the main one
    first, then each auxiliary one (" Address ... free'd", " Block was
    alloc'd at", " Uninitialised value was created by ...")."""
    out = [(lines[0], [])]
    for line in lines[1:]:
        fm = FRAME.match(line)
        if fm:
            out[-1][1].append((fm.group(1), fm.group(2) or ""))
        elif line.startswith(" ") and line.strip() != "<inherited from parent>":
            out.append((line.strip(), []))
    return out


def classify(head):
    """(kind, what) of a block's first line, or None for a block that is not
    a finding (preamble, summaries)."""
    m = LEAK.match(head)
    if m:
        return "leak", m.group(1)
    if OPEN_FD.match(head):
        return "open-fd", head
    for prefix, kind in (("Invalid read", "invalid-read"), ("Invalid write", "invalid-write"),
                         ("Invalid free", "invalid-free"), ("Mismatched free", "invalid-free"),
                         ("Conditional jump or move depends on uninitialised", "uninitialised"),
                         ("Use of uninitialised value", "uninitialised"),
                         ("Syscall param", "uninitialised"),
                         ("Source and destination overlap", "overlap"),
                         ("Argument '", "bad-argument")):
        if head.startswith(prefix):
            if kind == "uninitialised" and prefix == "Syscall param" and "uninitialised" not in head:
                return "other", head
            return kind, head
    if head[:1] != " " and any(w in head for w in ("Invalid", "uninitialised", "invalid")):
        return "other", head
    return None


# ---- what belongs to the student ----

class Student:
    """The student's source files of one lesson: WORK/NN-name/*.c."""

    def __init__(self, work, lesson):
        self.dir = os.path.realpath(os.path.join(work, lesson))
        self.work = work
        self.lesson = lesson

    def frame(self, fn_loc):
        """(path relative to the work folder's parent, line, function) when
        the frame is in the student's code, else None."""
        fn, loc = fn_loc
        m = re.match(r"^(.*\.[ch]):(\d+)$", loc)
        if not m:
            return None
        path = m.group(1)
        if not os.path.isabs(path) or os.path.dirname(os.path.realpath(path)) != self.dir:
            return None
        return os.path.join(os.path.normpath(self.work), self.lesson, os.path.basename(path)), \
            int(m.group(2)), fn

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


def processes(logdir):
    """{pid: (parent pid, start time, blocks)} of every log in logdir."""
    procs = {}
    for name in os.listdir(logdir):
        if name.startswith("vg."):
            pid, ppid, start, bl = blocks(os.path.join(logdir, name))
            if pid is not None:
                procs[pid] = (ppid, start or "", bl)
    return procs


def sandboxes(procs):
    """The checker's sandboxes in the order it ran them: for each, its
    processes as (pid, role) with role "init", "caller" or "child".  The
    tree is checker -> init -> caller -> the student's processes."""
    kids = {}
    for pid, (ppid, _, _) in procs.items():
        kids.setdefault(ppid, []).append(pid)
    roots = [p for p, (pp, _, _) in procs.items() if pp not in procs]
    out = []
    for root in roots:
        for init in sorted(kids.get(root, []), key=lambda p: (procs[p][1], p)):
            members, todo = [], [(init, 1)]
            while todo:
                pid, depth = todo.pop()
                members.append((pid, {1: "init", 2: "caller"}.get(depth, "child")))
                todo += [(k, depth + 1) for k in sorted(kids.get(pid, []))]
            out.append(sorted(members, key=lambda m: ({"init": 0, "caller": 1}.get(m[1], 2), m[0])))
    return out


def describe_fd(head, frames):
    """"descriptor 5 (a pipe end) still open when the process ended"."""
    m = OPEN_FD.match(head)
    made_by = frames[0][0] if frames else ""
    kind = {"pipe": "a pipe end", "pipe2": "a pipe end", "socketpair": "a socket",
            "socket": "a socket", "dup": "a copy (dup)", "dup2": "a copy (dup2)",
            "eventfd": "an eventfd"}.get(made_by, m.group(2) or made_by or "a file")
    return f"descriptor {m.group(1)} ({kind}) still open when the process ended"


def findings(procs, members, student):
    """Every finding of one sandbox's processes, deduplicated."""
    out, keys = [], set()
    for pid, role in members:
        for bl in procs[pid][2]:
            c = classify(bl[0])
            if not c:
                continue
            kind, what = c
            if kind == "open-fd" and role != "caller":
                continue
            st = stacks(bl)
            if kind == "open-fd":
                what = describe_fd(bl[0], st[0][1])
            main = student.first_frame(st[0][1])
            owner = main or next((student.first_frame(s[1]) for s in st[1:]
                                  if student.first_frame(s[1])), None)
            if not owner:
                continue
            key = (kind, owner[:2], what if kind != "leak" else "")
            if key in keys:
                continue
            keys.add(key)
            f = {"kind": kind, "what": what, "file": owner[0], "line": owner[1],
                 "function": owner[2], "pid": pid, "process": role,
                 "stack": [f"{fn} ({loc})" if loc else fn for fn, loc in st[0][1]],
                 "hint": hint(kind, what, st[1:], student)}
            if kind == "open-fd":
                f["section"] = PIPE_SECTION
            out.append(f)
    return out


# ---- running ----

def valgrind_cmd(logdir):
    cmd = ["valgrind", "--tool=memcheck", "--trace-children=yes",
           "--child-silent-after-fork=no", f"--log-file={logdir}/vg.%p", "--time-stamp=yes",
           "--track-fds=yes", "--leak-check=full",
           "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
           "--track-origins=yes", "--num-callers=30", "--fullpath-after="]
    return cmd


def run_lesson(build_dir, work):
    """Run one lesson's checker under valgrind and pair each check's record
    with the findings of its sandbox."""
    lesson = os.path.basename(os.path.normpath(build_dir))
    checker = os.path.join(build_dir, "check")
    log = os.path.join(build_dir, "build.log")
    if not os.path.exists(checker):
        status = "build-failed" if os.path.exists(log) else "missing"
        return {"lesson": lesson, "status": status, "checks": [],
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
            return {"lesson": lesson, "status": "crashed", "checks": [],
                    "log": f"the checker did not end within {limit:g} s under valgrind"}
        results = [f for f in records(r.stdout) if f[0] == "result" and len(f) == 13]
        procs = processes(logdir)
        boxes = sandboxes(procs)
    finally:
        shutil.rmtree(logdir, ignore_errors=True)
    # A check the checker skipped before running it (a need this machine,
    # or valgrind, lacks) had no sandbox: it takes no box in the pairing.
    ran = [not (f[5] == "skip" and float(f[6]) == 0) for f in results]
    if r.returncode != 0 or len(boxes) != sum(ran):
        return {"lesson": lesson, "status": "crashed", "checks": [],
                "log": f"the checker exited {r.returncode} after {len(results)} checks "
                       f"({len(boxes)} sandboxes seen)\n{r.stderr[-2000:]}"}
    student = Student(work, lesson)
    checks = []
    box_of = iter(boxes)
    for res, had_box in zip(results, ran):
        box = next(box_of) if had_box else None
        c = {"id": res[2], "title": res[3], "verdict": res[5], "seconds": float(res[6]),
             "findings": findings(procs, box, student) if box is not None else []}
        if res[5] == "fail":
            c["observed"] = res[9]
        checks.append(c)
    return {"lesson": lesson, "status": "ran", "checks": checks}


# ---- output ----

def summary(work, lessons):
    checks = [c for l in lessons for c in l["checks"]]
    return {"tool": "memcheck", "version": 1, "work": work,
            "valgrind": subprocess.run(["valgrind", "--version"], capture_output=True,
                                       text=True).stdout.strip(),
            "lessons": lessons,
            "totals": {"checks": len(checks),
                       "clean": sum(1 for c in checks if not c["findings"]),
                       "findings": sum(len(c["findings"]) for c in checks),
                       "failed": sum(1 for c in checks if c["verdict"] not in ("pass", "skip"))}}


def color(on):
    def paint(code, text):
        return f"\033[{code}m{text}\033[0m" if on else text
    return paint


def print_lesson(l, paint):
    if l["status"] != "ran":
        print(paint("31", f"✗ {l['lesson']}: {l['status']}"))
        if l.get("log"):
            print("\n".join("    " + x for x in l["log"].splitlines()[:20]))
        return
    print(paint("1", l["lesson"]))
    for c in l["checks"]:
        bad = c["findings"]
        verdict = "" if c["verdict"] in ("pass", "skip") else \
            paint("33", f" (the check itself did not pass: {c['verdict']}; "
                        "`make check` says why)")
        mark = paint("32", "✓") if not bad else paint("31", "✗")
        n = f" -- {len(bad)} finding{'s' if len(bad) != 1 else ''}" if bad else ""
        print(f"  {mark} {c['id']}{n or ': no memory findings'}{verdict}", flush=True)
        for f in bad:
            print(f"      {paint('31', f['kind'])} at {f['file']}:{f['line']} in "
                  f"{f['function']} (pid {f['pid']}, {f['process']}): {f['what']}")
            print(f"        {f['hint']}")
            if f.get("section"):
                sec = f["section"].split(" § ")
                print(f"        read lessons/{sec[0]}/README.md § {sec[1]}")


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
