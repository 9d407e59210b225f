#!/usr/bin/env python3
"""`make bench`: where the time of a check goes, against the kernel's floor.

Prints, and writes to bench/results.md:
  - the floor: fork + _exit + waitpid, plain and into new namespaces
    (harness/bench/floor.c, in C: Python's own overhead would be the figure);
  - the suite on the solutions, per lesson and in total (the driver over
    every lesson, as `make check WORK=solutions` runs it after the build),
    and the total in fork round trips;
  - the harness's own price for a check: 40 empty checks against one
    (harness/bench/checks.c), per check, in fork round trips;
  - the time to a deadlock verdict: a check that deadlocks on purpose, and
    lesson 10's one-sentinel mistake on the solution;
  - build times: the kit and every checker from nothing, and again after
    one lesson's .c changed (in a copy of the kit: nothing here is
    rebuilt under another user's feet);
  - grading 20 copies of solutions/ at -j1 and -j2;
  - `make memcheck LESSON=04` against `make check LESSON=04`.
Each figure is the median of ROUNDS runs (default 3; grading runs
GRADE_ROUNDS, default 1: it is the longest).  Comparisons are ratios of
figures taken in this same run.  The machine is shared: the load average
is written next to every section.  It measures; it never fails on a time."""
import csv
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kit import ROOT, RESULT_FIELDS, build_dir, lessons, make, unescape  # noqa: E402

ROUNDS = max(1, int(os.environ.get("ROUNDS") or "3"))
GRADE_ROUNDS = max(1, int(os.environ.get("GRADE_ROUNDS") or "1"))
COPIES = int(os.environ.get("GRADE_COPIES") or "20")
SOL = os.path.join(ROOT, "solutions")
BENCH_BUILD = os.path.join(ROOT, "build", "harness", "bench")
OUT = os.path.join(ROOT, "bench", "results.md")

lines = []   # the report, as markdown


def say(text=""):
    print(text, flush=True)
    lines.append(text)


def load():
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min: {five:.1f})"


def timed(cmd, env=None, cwd=None):
    """Seconds a command took, and its result (output kept)."""
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, env=env, cwd=cwd)
    return time.monotonic() - start, r


def median_of(fn, rounds=ROUNDS):
    samples = [fn() for _ in range(rounds)]
    return statistics.median(samples), min(samples), max(samples)


def fmt_s(secs):
    return f"{secs * 1000:.1f} ms" if secs < 1 else f"{secs:.2f} s"


def records(stdout):
    out = []
    for line in stdout.decode("utf-8", "surrogateescape").splitlines():
        fields = [unescape(f) for f in line.split("\t")]
        if fields and fields[0] == "result":
            out.append(dict(zip(RESULT_FIELDS, fields)))
    return out


# ---- the floor ----

def floor():
    r = subprocess.run([os.path.join(BENCH_BUILD, "floor"), str(max(5, ROUNDS)), "200"],
                       capture_output=True, text=True, check=True)
    kinds = {}
    say(f"## The floor: fork + _exit + waitpid ({load()})\n")
    say(f"Median of {max(5, ROUNDS)} samples, each the mean of 200 round trips "
        "(harness/bench/floor.c).\n")
    say("| kind | median µs | min µs | max µs |")
    say("|---|---:|---:|---:|")
    for line in r.stdout.splitlines():
        kind, *rest = line.split()
        if rest[0] == "n/a":
            say(f"| {kind} | n/a: {' '.join(rest[1:])} | | |")
            continue
        med, lo, hi = map(float, rest)
        kinds[kind] = med / 1e6
        say(f"| {kind} | {med:.1f} | {lo:.1f} | {hi:.1f} |")
    say()
    return kinds


# ---- the suite ----

def suite(fl):
    make("checkers", "WORK=solutions")
    ls = [l for l in lessons() if os.path.exists(os.path.join(build_dir(SOL, l), "check"))]
    fork = fl.get("fork")
    say(f"## The suite on the solutions ({load()})\n")
    say(f"Each lesson's checker alone, then the driver over every lesson (`make check "
        f"WORK=solutions` after the build); median of {ROUNDS}.  A check's time includes its "
        "sandbox; \"in forks\" is the time over one plain fork round trip.\n")
    say("| lesson | checks | median | min | max | in forks | failed (last run) |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    total_checks = 0
    for l in ls:
        exe = os.path.join(build_dir(SOL, l), "check")
        last = {}

        def one():
            secs, r = timed([exe])
            last["recs"] = records(r.stdout)
            return secs
        med, lo, hi = median_of(one)
        recs = last["recs"]
        total_checks += len(recs)
        bad = sum(1 for x in recs if x["verdict"] not in ("pass", "skip"))
        forks = f"{med / fork:,.0f}" if fork else "n/a"
        say(f"| {l} | {len(recs)} | {fmt_s(med)} | {fmt_s(lo)} | {fmt_s(hi)} | {forks} | {bad} |")
    driver = [os.path.join(ROOT, "build", "harness", "forklab"), "--work", "solutions",
              *[build_dir(SOL, l) for l in ls]]
    med, lo, hi = median_of(lambda: timed(driver)[0])
    forks = f"{med / fork:,.0f}" if fork else "n/a"
    say(f"| **all (driver)** | {total_checks} | **{fmt_s(med)}** | {fmt_s(lo)} | {fmt_s(hi)} | "
        f"{forks} | |")
    say()
    if fork:
        say(f"The whole suite takes {med / fork:,.0f} plain fork round trips "
            f"({med / total_checks / fork:,.0f} a check on average).\n")
    return med, total_checks


# ---- the harness's price for a check ----

def harness_cost(fl):
    exe = os.path.join(BENCH_BUILD, "check")
    ids = [f"empty_{i:02d}" for i in range(40)]
    many = [exe] + [a for i in ids for a in ("--only", i)]
    t40 = median_of(lambda: timed(many)[0])[0]
    t1 = median_of(lambda: timed([exe, "--only", ids[0]])[0])[0]
    per = (t40 - t1) / 39
    say(f"## The harness's price for one check ({load()})\n")
    say("An empty check (harness/bench/checks.c): 40 of them in one checker against one alone, "
        f"so that the checker's start-up cancels out; median of {ROUNDS}.\n")
    say(f"- 40 empty checks: {fmt_s(t40)}; one: {fmt_s(t1)}")
    say(f"- **per check: {fmt_s(per)}**" + "".join(
        f"; {per / fl[k]:.1f} × {k}" for k in ("fork", "fork+newpid+newns+newipc") if k in fl))
    say()
    return per


# ---- deadlock verdicts ----

def deadlocks():
    say(f"## Time to a deadlock verdict ({load()})\n")
    say("The check's own seconds, from its sandbox's start to its verdict; the deadlock "
        "watch should answer within about 0.2-0.3 s of the deadlock, far below the ceiling. "
        f"Median of {ROUNDS}.\n")
    say("| check | ceiling | verdict | median | min | max | what it said (last run) |")
    say("|---|---:|---|---:|---:|---:|---|")

    def row(label, cmd, check_id, ceiling):
        last = {}

        def one():
            _, r = timed(cmd)
            rec = next((x for x in records(r.stdout) if x["id"] == check_id), None)
            last["rec"] = rec
            return float(rec["seconds"]) if rec else float("nan")
        med, lo, hi = median_of(one)
        rec = last["rec"] or {"verdict": "none", "observed": "no record"}
        said = rec["observed"][:110].replace("|", "\\|")
        kind = "deadlock" if rec["observed"].startswith("deadlock") else \
            "timeout" if rec["observed"].startswith("timed out") else rec["verdict"]
        say(f"| {label} | {ceiling} | {kind} | {med:.2f} s | {lo:.2f} s | {hi:.2f} s | {said} |")

    row("two processes, each reading the other's pipe (harness/bench/checks.c)",
        [os.path.join(BENCH_BUILD, "check"), "--only", "deadlock"], "deadlock", "10 s")
    lesson = "10-producer-consumer"
    patch = os.path.join(ROOT, "tests", "broken", lesson, "one-sentinel.patch")
    work = tempfile.mkdtemp(prefix="forklab-bench-")
    try:
        shutil.copytree(os.path.join(SOL, lesson), os.path.join(work, lesson))
        subprocess.run(["patch", "-s", "-p1", "-d", os.path.join(work, lesson), "-i", patch],
                       check=True)
        make("checkers", f"WORK={work}", "LESSON=10")
        exe = os.path.join(build_dir(work, lesson), "check")
        lst = subprocess.run([exe, "--list"], capture_output=True, text=True).stdout
        ceiling = next((l.split("\t")[5] + " s" for l in lst.splitlines()
                        if l.split("\t")[2:3] == ["capacity_one_no_deadlock"]), "?")
        row("lesson 10, one sentinel for all consumers (capacity_one_no_deadlock)",
            [exe, "--only", "capacity_one_no_deadlock"], "capacity_one_no_deadlock", ceiling)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(build_dir(work, lesson).rsplit("/", 1)[0], ignore_errors=True)
    say()


# ---- builds ----

def builds():
    """In a copy of the kit, so that nothing is rebuilt under another
    process's feet (tests, a student's make check)."""
    tmp = tempfile.mkdtemp(prefix="forklab-bench-build-")
    try:
        for d in ("harness", "solutions", "exercises"):
            shutil.copytree(os.path.join(ROOT, d), os.path.join(tmp, d))
        shutil.copy(os.path.join(ROOT, "Makefile"), tmp)
        mk = ["make", "--no-print-directory", "-C", tmp]

        def full():
            subprocess.run(mk + ["clean"], capture_output=True, check=True)
            secs, r = timed(mk + ["all"])
            assert r.returncode == 0, r.stderr.decode()
            return secs
        f_med, f_lo, f_hi = median_of(full)
        one_c = os.path.join(tmp, "solutions", "04-join", "join.c")

        def touched(*only):
            os.utime(one_c)
            return timed(mk + ["checkers", "WORK=solutions", *only])[0]
        t_med, t_lo, t_hi = median_of(touched)
        l_med, l_lo, l_hi = median_of(lambda: touched("LESSON=04"))
        n_med, n_lo, n_hi = median_of(lambda: timed(mk + ["checkers", "WORK=solutions"])[0])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"## Build times ({load()})\n")
    say(f"In a copy of the kit, one make job, median of {ROUNDS}.\n")
    say("| build | median | min | max |")
    say("|---|---:|---:|---:|")
    say(f"| everything from nothing (`make clean all`: kit, exercises, solutions) | "
        f"{fmt_s(f_med)} | {fmt_s(f_lo)} | {fmt_s(f_hi)} |")
    say(f"| `make checkers WORK=solutions` after touching solutions/04-join/join.c | "
        f"{fmt_s(t_med)} | {fmt_s(t_lo)} | {fmt_s(t_hi)} |")
    say(f"| `make checkers WORK=solutions LESSON=04` after touching it (what `make check "
        f"LESSON=04` does before its checks start) | {fmt_s(l_med)} | {fmt_s(l_lo)} | "
        f"{fmt_s(l_hi)} |")
    say(f"| `make checkers WORK=solutions`, nothing changed | "
        f"{fmt_s(n_med)} | {fmt_s(n_lo)} | {fmt_s(n_hi)} |")
    say()


# ---- grading ----

def grading():
    tmp = tempfile.mkdtemp(prefix="forklab-bench-grade-")
    subs = os.path.join(tmp, "class")
    try:
        for i in range(COPIES):
            dst = os.path.join(subs, f"student{i:02d}")
            os.makedirs(dst)
            for l in lessons():
                if os.path.isdir(os.path.join(SOL, l)):
                    shutil.copytree(os.path.join(SOL, l), os.path.join(dst, l))
        # A rubric from the checks as they are: the committed one may lag
        # a check just added, and the grader refuses to price it.
        grade = [sys.executable, os.path.join(ROOT, "grading", "grade")]
        rubric = os.path.join(tmp, "rubric")
        subprocess.run(grade + ["--write-rubric", "--rubric", rubric], capture_output=True,
                       check=True)
        res = {}
        for jobs in (1, 2, 4):
            def one():
                out = os.path.join(tmp, f"out-{jobs}")
                shutil.rmtree(out, ignore_errors=True)
                secs, r = timed(grade + [subs, "-o", out, "-j", str(jobs), "--force",
                                         "--rubric", rubric])
                res[f"rc{jobs}"] = r.returncode
                res[f"err{jobs}"] = r.stderr.decode("utf-8", "replace")[-400:]
                try:
                    with open(os.path.join(out, "gradebook.csv"), encoding="utf-8") as f:
                        rows = list(csv.DictReader(f))
                    res[f"score{jobs}"] = (f"{min(int(r['total']) for r in rows)}-"
                                           f"{max(int(r['total']) for r in rows)} of {rows[0]['max']}")
                except (OSError, ValueError, KeyError, IndexError):
                    res[f"score{jobs}"] = "no gradebook"
                return secs
            res[jobs] = median_of(one, GRADE_ROUNDS)
            res[f"load{jobs}"] = load()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"## Grading {COPIES} copies of solutions/\n")
    say(f"`grading/grade CLASS -o OUT -j N --force`, every lesson, median of {GRADE_ROUNDS}"
        f"{' (as root: bubblewrap walls, a uid a submission)' if os.geteuid() == 0 else ''}.\n")
    say("| jobs | median | min | max | per submission | points (every copy) | exit | load after |")
    say("|---:|---:|---:|---:|---:|---|---:|---|")
    for jobs in (1, 2, 4):
        med, lo, hi = res[jobs]
        say(f"| {jobs} | {fmt_s(med)} | {fmt_s(lo)} | {fmt_s(hi)} | {fmt_s(med / COPIES)} | "
            f"{res[f'score{jobs}']} | {res[f'rc{jobs}']} | {res[f'load{jobs}']} |")
    say(f"\n-j2 against -j1: **{res[1][0] / res[2][0]:.2f}×** as fast; -j4 (the grader's "
        f"default on 2 CPUs) against -j1: **{res[1][0] / res[4][0]:.2f}×** "
        "(lesson 12 grades alone in either: its checks time the CPUs).  A copy of the "
        "solutions earns every point; fewer means the grader or the checks are broken at "
        "this commit, and the times are not those of a real grading.\n")
    for jobs in (1, 2, 4):
        if res[f"rc{jobs}"] != 0:
            say(f"-j{jobs} exited {res[f'rc{jobs}']}: `{res[f'err{jobs}'].strip()[-300:]}`\n")


# ---- memcheck ----

def memcheck():
    if not shutil.which("valgrind"):
        say("## make memcheck LESSON=04\n\nvalgrind is not installed: not measured.\n")
        return
    make("checkers", "WORK=solutions", "LESSON=04")
    base = ["make", "--no-print-directory", "-C", ROOT, "WORK=solutions", "LESSON=04"]
    plain = median_of(lambda: timed(base + ["check"])[0])
    mem = median_of(lambda: timed(base + ["memcheck"])[0])
    say(f"## make memcheck LESSON=04 against make check LESSON=04 ({load()})\n")
    say(f"On the solution, checkers already built; median of {ROUNDS}.\n")
    say("| run | median | min | max |")
    say("|---|---:|---:|---:|")
    say(f"| make check | {fmt_s(plain[0])} | {fmt_s(plain[1])} | {fmt_s(plain[2])} |")
    say(f"| make memcheck | {fmt_s(mem[0])} | {fmt_s(mem[1])} | {fmt_s(mem[2])} |")
    say(f"\nmemcheck takes **{mem[0] / plain[0]:.1f}×** the plain run.\n")


def main():
    make("bench-programs")
    rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip()
    start = time.monotonic()
    say("# forklab: make bench\n")
    say(f"{datetime.datetime.now().isoformat(timespec='seconds')}, commit {rev or '?'}, "
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
        f"ROUNDS={ROUNDS}; at the start: {load()}.  The machine may be shared: every "
        "section says the load it ran under, and a ratio compares figures of this run only.\n")
    skip = set(os.environ.get("BENCH_SKIP", "").split())
    fl = floor()
    total, nchecks = suite(fl)
    per = harness_cost(fl)
    if "fork" in fl:
        say(f"Harness price against the suite: {nchecks} checks × {fmt_s(per)} = "
            f"{fmt_s(nchecks * per)} of the suite's {fmt_s(total)} "
            f"({100 * nchecks * per / total:.0f}%).\n")
    deadlocks()
    if "build" not in skip:
        builds()
    if "memcheck" not in skip:
        memcheck()
    if "grade" not in skip:
        grading()
    say(f"---\n`make bench` took {time.monotonic() - start:.0f} s; at the end: {load()}.")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"\nwritten to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
