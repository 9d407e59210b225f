"""A correct solution passes every time: the solutions, 20 runs in a row,
each the way `make check` runs them (the driver, many checks at once)."""
import os

from gate import GATE
from kit import ROOT, build, driver_failures, lessons, run_driver

ROUNDS = int(os.environ.get("FORKLAB_REPEAT", "20"))
# Lessons whose checks judge the machine (two processes on two CPUs at the
# same instant): their rounds run with the machine to themselves.
TIMING = {"12-parallelism"}


def _in_a_row(names):
    dirs = [build(os.path.join(ROOT, "solutions"), l) for l in names]
    for round_ in range(ROUNDS):
        bad = driver_failures(run_driver(dirs))
        assert not bad, f"round {round_ + 1} of {ROUNDS}:\n" + "\n".join(bad)


def test_solutions_pass_20_runs_in_a_row():
    with GATE.shared():
        _in_a_row([l for l in lessons() if l not in TIMING])
    with GATE.alone():
        _in_a_row([l for l in lessons() if l in TIMING])


test_solutions_pass_20_runs_in_a_row.gate = "own"   # tests/run.py: it takes GATE itself
