"""A correct solution passes every time: the solutions, 20 runs in a row."""
import concurrent.futures
import os

from gate import GATE
from kit import ROOT, describe, lessons, run_checker

ROUNDS = int(os.environ.get("FORKLAB_REPEAT", "20"))
# Lessons whose checks judge the machine (two processes on two CPUs at the
# same instant): their rounds run with the machine to themselves.
TIMING = {"12-parallelism"}


def _in_a_row(lesson):
    for round_ in range(ROUNDS):
        recs = run_checker(os.path.join(ROOT, "solutions"), lesson)
        bad = [describe(r) for r in recs.values() if r["verdict"] not in ("pass", "skip")]
        assert not bad, f"{lesson}, round {round_ + 1} of {ROUNDS}:\n" + "\n".join(bad)


def test_solutions_pass_20_runs_in_a_row():
    # Each lesson's runs follow one another; lessons run side by side, one
    # chain a CPU (one chain of 20 x every lesson was the suite's longest
    # test; a chain a lesson loaded the machine enough to time a 1 s check
    # out while the other tests ran too).
    with GATE.shared(), concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for f in [pool.submit(_in_a_row, l) for l in lessons() if l not in TIMING]:
            f.result()
    with GATE.alone():
        for lesson in lessons():
            if lesson in TIMING:
                _in_a_row(lesson)


test_solutions_pass_20_runs_in_a_row.gate = "own"   # tests/run.py: it takes GATE itself
