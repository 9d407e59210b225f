"""A correct solution passes every time: the solutions, 20 runs in a row."""
import os

from kit import ROOT, describe, lessons, run_checker

ROUNDS = int(os.environ.get("FORKLAB_REPEAT", "20"))


def test_solutions_pass_20_runs_in_a_row():
    for round_ in range(ROUNDS):
        for lesson in lessons():
            recs = run_checker(os.path.join(ROOT, "solutions"), lesson)
            bad = [describe(r) for r in recs.values() if r["verdict"] not in ("pass", "skip")]
            assert not bad, f"round {round_ + 1} of {ROUNDS}:\n" + "\n".join(bad)
