"""A correct solution passes every time: the solutions, 20 runs in a row."""
import os

from gate import GATE
from kit import ROOT, describe, lessons, run_checker

ROUNDS = int(os.environ.get("FORKLAB_REPEAT", "20"))
# Lessons whose checks judge the machine (two processes on two CPUs at the
# same instant): their rounds run with the machine to themselves.
TIMING = {"12-parallelism"}


def _rounds(lesson_list):
    for round_ in range(ROUNDS):
        for lesson in lesson_list:
            recs = run_checker(os.path.join(ROOT, "solutions"), lesson)
            bad = [describe(r) for r in recs.values() if r["verdict"] not in ("pass", "skip")]
            assert not bad, f"round {round_ + 1} of {ROUNDS}:\n" + "\n".join(bad)


def test_solutions_pass_20_runs_in_a_row():
    with GATE.shared():
        _rounds([l for l in lessons() if l not in TIMING])
    with GATE.alone():
        _rounds([l for l in lessons() if l in TIMING])


test_solutions_pass_20_runs_in_a_row.gate = "own"   # tests/run.py: it takes GATE itself
