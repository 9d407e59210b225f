#!/usr/bin/env python3
"""The kit's own test runner: `make test` (or `python3 tests/run.py [FILTER]`).

Every tests/test_*.py module offers its tests either as functions named
test_* or through collect(), which returns (name, callable) pairs -- one per
lesson or broken variant.  A test fails by raising.  Tests run in parallel
(they build into folders of their own); the report is TAP-like and ends with
the line `N passed, N failed`."""
import concurrent.futures
import importlib.util
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


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


def run_one(fn):
    start = time.monotonic()
    try:
        fn()
        return None, time.monotonic() - start
    except Exception:  # a test's failure, whatever its kind, is reported
        return traceback.format_exc(), time.monotonic() - start


def main():
    filters = sys.argv[1:]
    tests = [t for t in discover() if not filters or any(f in t[0] for f in filters)]
    workers = int(os.environ.get("FORKLAB_TEST_JOBS", max(2, (os.cpu_count() or 2) * 2)))
    print(f"TAP version 14\n1..{len(tests)}", flush=True)
    passed = failed = 0
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(run_one, fn) for _, fn in tests]
        for i, ((name, _), fut) in enumerate(zip(tests, futures), 1):
            err, secs = fut.result()
            if err is None:
                passed += 1
                print(f"ok {i} - {name} # {secs:.2f}s", flush=True)
            else:
                failed += 1
                print(f"not ok {i} - {name}", flush=True)
                for line in err.rstrip().splitlines():
                    print(f"# {line}")
    print(f"# suite time {time.monotonic() - start:.1f}s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
