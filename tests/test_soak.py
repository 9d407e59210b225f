"""No flakes: every check on the solutions, round after round, while busy
loops load every core and each round runs the way `make check` does (the
driver, many checks at once); odd rounds run the race shaker's builds with
a new seed each.  A check that is
merely slow there must pass: never a timeout, never a deadlock verdict.
`make test` runs 20 rounds (with the machine to itself: tests/gate.py),
`make soak` 200 (this file run as a program: python3 tests/test_soak.py
[--rounds N] [--seed S] [--jobs N]).

Also the race shaker itself: it rewrites the student's and the checks'
process calls (never the core's), and a submission that is right under
one scheduling only fails under it, again with the same seed, and the
failure names the seed."""
import argparse
import contextlib
import shutil
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kit import (ROOT, driver_failures, lessons, make, remove_work, run_driver,  # noqa: E402
                 unescape, RESULT_FIELDS)
from gate import GATE  # noqa: E402

SOLUTIONS = os.path.join(ROOT, "solutions")
RACE = os.path.join(ROOT, "tests", "hostile", "race", "processes.c")


def checker(work, lesson, shaken):
    top = "shake" if shaken else "work"
    return os.path.join(ROOT, "build", top + os.path.abspath(work), lesson, "check")


def build_all(work, lesson_list):
    make("checkers", f"WORK={work}")
    make("shake-checkers", f"WORK={work}")
    for lesson in lesson_list:
        for shaken in (False, True):
            exe = checker(work, lesson, shaken)
            if not os.path.exists(exe):
                log = open(os.path.join(os.path.dirname(exe), "build.log")).read()
                raise AssertionError(f"{exe} did not build:\n{log}")


def run_records(exe, seed=None):
    env = dict(os.environ, FORKLAB_SANDBOX_SAID="1")
    env.pop("FORKLAB_SHAKE", None)
    if seed is not None:
        env["FORKLAB_SHAKE"] = str(seed)
    r = subprocess.run([exe], capture_output=True, env=env, timeout=600)
    assert r.returncode == 0, f"{exe} exited {r.returncode}: {r.stderr!r}"
    recs = []
    for line in r.stdout.decode("utf-8", "surrogateescape").splitlines():
        recs.append(dict(zip(RESULT_FIELDS, (unescape(f) for f in line.split("\t")))))
    return recs


@contextlib.contextmanager
def load(n):
    """n busy loops (one a core), ended by pid when the block ends."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        yield procs
    finally:
        for p in procs:
            p.kill()
            p.wait()


def soak(rounds, seed, out=None, jobs=None):
    """Run every check on the solutions `rounds` times under load; returns
    (failures, summary line)."""
    # A copy of its own: nothing else rebuilds these checkers mid-soak.
    work = tempfile.mkdtemp(prefix="forklab-soak-")
    try:
        return _soak(work, rounds, seed, out, jobs)
    finally:
        remove_work(work)
        shutil.rmtree(os.path.join(ROOT, "build", "shake" + os.path.abspath(work)),
                      ignore_errors=True)


def _soak(work, rounds, seed, out, jobs):
    lesson_list = [l for l in lessons() if os.path.isdir(os.path.join(SOLUTIONS, l))]
    for l in lesson_list:
        shutil.copytree(os.path.join(SOLUTIONS, l), os.path.join(work, l))
    # Building is ordinary work: it may share the machine with other tests.
    with GATE.shared():
        build_all(work, lesson_list)
    cores = os.cpu_count() or 1
    dirs = {shaken: [os.path.dirname(checker(work, l, shaken)) for l in lesson_list]
            for shaken in (False, True)}
    # A busy loop a core under the driver's own checks at once (its
    # default, or --jobs): the machine is loaded twice over and more.
    extra = ["-j", str(jobs or 8 * cores)]   # the driver's default width
    failures, loads, checks = [], [], 0
    # The rounds themselves need the machine to be only theirs: under
    # tests/run.py they wait for every other test to end.
    with GATE.alone():
        start = time.monotonic()
        with load(cores):
            for rnd in range(1, rounds + 1):
                shaken = rnd % 2 == 1
                env = dict(os.environ, FORKLAB_SANDBOX_SAID="1")
                env.pop("FORKLAB_SHAKE", None)
                if shaken:
                    env["FORKLAB_SHAKE"] = str(seed + rnd)
                doc = run_driver(dirs[shaken], *extra, env=env)
                checks += sum(len(l["checks"]) for l in doc["lessons"])
                how = f"shake seed {seed + rnd}" if shaken else "plain"
                failures += [f"round {rnd} ({how}) {f}" for f in driver_failures(doc)]
                loads.append(os.getloadavg()[0])
                if out and (rnd % 10 == 0 or rnd == rounds):
                    print(f"soak: round {rnd}/{rounds}, {len(failures)} failures", file=out,
                          flush=True)
        secs = time.monotonic() - start
    mode = subprocess.run([checker(work, lesson_list[0], False), "--sandbox"], capture_output=True,
                          text=True).stdout.strip()
    summary = (f"soak: {rounds} rounds ({(rounds + 1) // 2} shaken, seeds {seed + 1}..{seed + rounds} odd), "
               f"{len(lesson_list)} lessons, {checks} check runs, {len(failures)} failures, "
               f"{secs:.0f} s; load: {cores} busy loops and the driver's "
               f"{jobs or 8 * cores} checks at once on {cores} cores, "
               f"load average {min(loads):.1f}-{max(loads):.1f}; sandbox: {mode}")
    return failures, summary


def test_soak_20_rounds_under_load():
    failures, summary = soak(int(os.environ.get("FORKLAB_SOAK_ROUNDS", "20")), 1000)
    print(f"# {summary}")
    assert not failures, summary + "\n" + "\n".join(failures[:20])


# The rounds take the machine alone, the build shares it (tests/gate.py).
test_soak_20_rounds_under_load.gate = "own"


def test_shaker_rewrites_student_and_check_calls_only():
    make("shake-checkers", f"WORK={SOLUTIONS}", "LESSON=01")
    d = os.path.dirname(checker(SOLUTIONS, "01-processes", True))
    undefined = subprocess.run(["nm", "-u", os.path.join(d, "obj", "processes.o")], capture_output=True,
                               text=True, check=True).stdout.split()
    assert "fl_shake_fork" in undefined and "fork" not in undefined, undefined
    core = subprocess.run(["nm", "-u", os.path.join(ROOT, "build", "harness", "libforklab.a")],
                          capture_output=True, text=True, check=True).stdout
    assert "fl_shake_" not in core, "the core must not be shaken"


def test_shaker_fails_a_race_again_with_its_seed():
    work = tempfile.mkdtemp(prefix="forklab-race-")
    try:
        os.makedirs(os.path.join(work, "01-processes"))
        for src in (RACE, os.path.join(SOLUTIONS, "01-processes", "processes.h")):
            with open(src) as f, open(os.path.join(work, "01-processes", os.path.basename(src)), "w") as g:
                g.write(f.read())
        make("shake-checkers", f"WORK={work}", "LESSON=01")
        exe = checker(work, "01-processes", True)
        failing = None
        for seed in range(1, 41):
            bad = [r for r in run_records(exe, seed) if r["verdict"] == "fail"]
            if bad:
                failing = (seed, bad)
                break
        assert failing, "no seed in 1..40 made the racy submission fail"
        seed, bad = failing
        assert f"race shaker seed {seed}" in bad[0]["notes"], bad[0]["notes"]
        again = [r for r in run_records(exe, seed) if r["verdict"] == "fail"]
        assert again, f"seed {seed} failed once and then passed"
    finally:
        remove_work(work)
        shutil.rmtree(os.path.join(ROOT, "build", "shake" + os.path.abspath(work)),
                      ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description="make soak: the checks on the solutions, under load")
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--jobs", type=int, default=None,
                    help="checks at once (default: the driver's, 8 a core)")
    a = ap.parse_args()
    failures, summary = soak(a.rounds, a.seed, out=sys.stderr, jobs=a.jobs)
    for f in failures:
        print(f"FAIL {f}")
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
