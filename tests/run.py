#!/usr/bin/env python3
"""The kit's own test runner: `make test` (or `python3 tests/run.py [FILTER]`).

Every tests/test_*.py module offers its tests either as functions named
test_* or through collect(), which returns (name, callable) pairs -- one per
lesson or broken variant.  A test fails by raising.  Tests run in parallel
(they build into folders of their own); the report is TAP-like, one line a
test as it ends, and ends with the line `N passed, N failed`.

Where the time goes decides the order.  Most tests wait (for a check's
ceiling, a grace period, a child) far more than they compute, so many run
at once (FORKLAB_TEST_JOBS, default 6 a CPU).  The longest start first,
by the times of the last run (build/test-times.json, else the committed
tests/times.json), so that no long test starts last and runs alone.
Tests that measure the machine itself -- lesson 12's checks (are two
processes really running at once?), the soak (its own load) -- must not
run beside others: they take the gate in tests/gate.py alone, after every
other test (the soak builds side by side first).  The slowest tests and
the time spent alone are printed before the closing line."""
import concurrent.futures
import importlib.util
import json
import os
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from gate import GATE  # noqa: E402

# The tests read the kit's English texts; a Chinese locale (LANG=zh_CN...)
# must not change what they see.  test_messages.py asks for 中文 itself.
os.environ["FORKLAB_LANG"] = "en"
# Many tests run at once, each driver with a few checks at once: 12 tests
# times the driver's own 16 would bury the machine (a 0.05 s put timed out
# after 2 s).  The soak asks for the driver's full width itself.
os.environ.setdefault("FORKLAB_JOBS", "2")

TIMES = os.path.join(ROOT, "build", "test-times.json")
COMMITTED_TIMES = os.path.join(HERE, "times.json")


def discover():
    tests = []
    for fname in sorted(os.listdir(HERE)):
        if not (fname.startswith("test_") and fname.endswith(".py")):
            continue
        spec = importlib.util.spec_from_file_location(fname[:-3], os.path.join(HERE, fname))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if hasattr(mod, "collect"):
            tests += [(f"{fname[5:-3]}: {n}", fn) for n, fn in mod.collect()]
        tests += [(f"{fname[5:-3]}: {n[5:]}", getattr(mod, n)) for n in dir(mod)
                  if n.startswith("test_") and callable(getattr(mod, n))]
    return tests


def gate_of(name, fn):
    """How a test holds the machine: "shared", "alone", or "own" (it takes
    the gate itself, for the part that needs it)."""
    declared = getattr(fn, "gate", None)
    if declared:
        return declared
    # Lesson 12's checks judge parallelism from CPU clocks: beside other
    # tests a real verdict becomes a skip (or a skip a failure).  Under a
    # tool (memcheck, coverage) the harness grants those skips: no timing.
    if "12-parallelism" in name and not name.startswith(("memcheck:", "coverage:")):
        return "alone"
    return "shared"


def load_times():
    """Seconds each test took last time; the local record over the
    committed one (a fresh checkout, CI)."""
    times = {}
    for path in (COMMITTED_TIMES, TIMES):
        try:
            with open(path, encoding="utf-8") as f:
                times.update(json.load(f))
        except (OSError, ValueError):
            pass
    return times


def save_times(times):
    try:
        os.makedirs(os.path.dirname(TIMES), exist_ok=True)
        with open(TIMES + ".tmp", "w", encoding="utf-8") as f:
            json.dump(times, f, indent=0, sort_keys=True)
        os.replace(TIMES + ".tmp", TIMES)
    except OSError:
        pass   # a read-only tree: the next run guesses the order again


def run_one(fn, gate):
    """Run a test under its gate; returns (error text or None, seconds it
    ran, seconds it waited for the gate)."""
    asked = time.monotonic()
    ctx = GATE.alone() if gate == "alone" else GATE.shared() if gate == "shared" else None
    if ctx:
        ctx.__enter__()
    start = time.monotonic()
    try:
        fn()
        err = None
    except Exception:  # a test's failure, whatever its kind, is reported
        err = traceback.format_exc()
    finally:
        if ctx:
            ctx.__exit__(None, None, None)
    return err, time.monotonic() - start, start - asked


def main():
    filters = sys.argv[1:]
    tests = [t for t in discover() if not filters or any(f in t[0] for f in filters)]
    workers = int(os.environ.get("FORKLAB_TEST_JOBS", max(4, (os.cpu_count() or 2) * 6)))
    times = load_times()
    # Unknown tests first among equals: a new test may be long.
    guess = max(times.values(), default=1.0)
    gates = {name: gate_of(name, fn) for name, fn in tests}
    # Longest first; the alone ones last (they wait for every shared test
    # to end anyway); a test that takes the gate itself first, so that its
    # shared part overlaps the rest.
    rank = {"own": 0, "shared": 1, "alone": 2}
    order = sorted(tests, key=lambda t: (rank[gates[t[0]]], -times.get(t[0], guess)))
    print(f"TAP version 14\n1..{len(tests)}", flush=True)
    passed = failed = 0
    start = time.monotonic()
    took, alone_secs = {}, 0.0
    # A worker blocked on the gate does nothing: the tests that take it
    # themselves get threads of their own on top.
    extra = sum(1 for g in gates.values() if g == "own")
    with concurrent.futures.ThreadPoolExecutor(workers + extra) as pool:
        futures = {pool.submit(run_one, fn, gates[name]): name for name, fn in order}
        for i, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            name = futures[fut]
            err, secs, _waited = fut.result()
            took[name] = secs
            if gates[name] != "shared":
                alone_secs += secs
            if err is None:
                passed += 1
                print(f"ok {i} - {name} # {secs:.2f}s", flush=True)
            else:
                failed += 1
                print(f"not ok {i} - {name} # {secs:.2f}s", flush=True)
                for line in err.rstrip().splitlines():
                    print(f"# {line}")
    wall = time.monotonic() - start
    save_times({**times, **took})
    print("# slowest:")
    for name, secs in sorted(took.items(), key=lambda kv: -kv[1])[:12]:
        print(f"#   {secs:6.1f}s  {name}{'  (alone)' if gates[name] == 'alone' else ''}")
    print(f"# suite time {wall:.1f}s on {os.cpu_count()} CPUs with {workers} workers; "
          f"tests that ran alone or partly alone: {alone_secs:.1f}s; "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
