#!/usr/bin/env python3
"""`make bench`: how long the checks take on the solutions.

Runs each lesson's checker ROUNDS times (default 20) and the whole
`make check WORK=solutions` run (driver over every lesson, after the build),
and prints the median, fastest and slowest.  It measures; it never fails."""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kit import ROOT, build_dir, lessons, make  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "20"))
SOL = os.path.join(ROOT, "solutions")


def timed(cmd):
    start = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def row(name, samples):
    ms = [s * 1000 for s in samples]
    print(f"{name:24} {statistics.median(ms):8.1f} {min(ms):8.1f} {max(ms):8.1f}")


def main():
    make("checkers", "WORK=solutions")
    ls = [l for l in lessons() if os.path.exists(os.path.join(build_dir(SOL, l), "check"))]
    print(f"{ROUNDS} rounds on {os.cpu_count()} CPUs; milliseconds\n")
    print(f"{'what':24} {'median':>8} {'min':>8} {'max':>8}")
    for l in ls:
        row(l, [timed([os.path.join(build_dir(SOL, l), "check")]) for _ in range(ROUNDS)])
    driver = [os.path.join(ROOT, "build", "harness", "forklab"), "--work", "solutions",
              *[build_dir(SOL, l) for l in ls]]
    row("all lessons (driver)", [timed(driver) for _ in range(ROUNDS)])


if __name__ == "__main__":
    main()
