#!/usr/bin/env python3
"""coverage.py -- the report half of `make coverage`.

    coverage.py --work DIR [--out DIR] [--format human|json] COVERAGE_BUILD_DIR...

The Makefile has built each lesson's checker with the student's files
instrumented (--coverage, every _exit wrapped to write the counters first)
and run the checks.  This runs gcovr over the counters of the given lessons
and writes, in --out (default coverage/):
  index.html     gcovr's report, a page per source file, lines and branches
  summary.json   the figures per lesson and file, and every line left unrun
                 (the summary grading and the kit's tests read; see
                 harness/memcheck/README.md)
and prints one line per lesson: which part of the student's code ran (as
TAP comments with --format tap, on stderr with --format json).
Exit status 0, or 2 when gcovr fails or is missing."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys


def percent(covered, total):
    return round(100.0 * covered / total, 1) if total else 100.0


def figures(covered, total):
    return {"covered": covered, "total": total, "percent": percent(covered, total)}


def file_summary(entry, path):
    """Lines and branches of one gcovr JSON file entry."""
    lines = [l for l in entry["lines"] if not l.get("gcovr/noncode") and not l.get("gcovr/excluded")]
    branches = [b for l in lines for b in l["branches"]]
    source = open(path, errors="replace").read().splitlines() if os.path.exists(path) else []
    unrun = [{"line": l["line_number"],
              "text": source[l["line_number"] - 1].strip() if l["line_number"] <= len(source) else ""}
             for l in lines if l["count"] == 0]
    return {"file": os.path.basename(entry["file"]),
            "lines": figures(sum(1 for l in lines if l["count"] > 0), len(lines)),
            "branches": figures(sum(1 for b in branches if b["count"] > 0), len(branches)),
            "unrun": unrun}


def lesson_summary(name, status, files):
    lines = [f["lines"] for f in files]
    branches = [f["branches"] for f in files]
    return {"lesson": name, "status": status,
            "lines": figures(sum(x["covered"] for x in lines), sum(x["total"] for x in lines)),
            "branches": figures(sum(x["covered"] for x in branches),
                                sum(x["total"] for x in branches)),
            "files": files}


def run_gcovr(work, out, dirs):
    """gcovr's JSON for the counters in `dirs`, writing the HTML on the way."""
    raw = os.path.join(out, "gcovr.json")
    cmd = ["gcovr", "--root", work, "--filter", os.path.abspath(work) + "/",
           "--html-details", os.path.join(out, "index.html"),
           "--html-title", f"forklab coverage: {work}",
           "--json", raw, *dirs]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"gcovr failed ({r.returncode}):\n{r.stderr}")
    with open(raw) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description="Report which lines of the student's code ran.")
    ap.add_argument("--work", default="exercises")
    ap.add_argument("--out", default="coverage")
    ap.add_argument("--format", choices=("human", "tap", "json"), default="human",
                    help="how the driver's output around this is written: tap makes the "
                         "lines TAP comments, json keeps stdout for the driver's document")
    ap.add_argument("build_dirs", nargs="*")
    a = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `| head` ends us quietly
    if not shutil.which("gcovr"):
        subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                     "memcheck", "need"), "gcovr"])
        return 2
    os.makedirs(a.out, exist_ok=True)
    # gcovr names its pages after the files; pages of an earlier run over
    # other lessons would still be linked from nowhere and look current.
    for name in os.listdir(a.out):
        if name.startswith("index.") and name.endswith((".html", ".css")):
            os.remove(os.path.join(a.out, name))
    built = [d for d in a.build_dirs if os.path.exists(os.path.join(d, "check"))]
    try:
        data = run_gcovr(a.work, a.out, built) if built else {"files": []}
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 2
    lessons = []
    for d in a.build_dirs:
        name = os.path.basename(os.path.normpath(d))
        if d not in built:
            status = "build-failed" if os.path.exists(os.path.join(d, "build.log")) else "missing"
            lessons.append(lesson_summary(name, status, []))
            continue
        files = [file_summary(e, os.path.join(a.work, e["file"])) for e in data["files"]
                 if e["file"].split("/")[0] == name and e["file"].endswith(".c")]
        lessons.append(lesson_summary(name, "ran", files))
    ran = [l for l in lessons if l["status"] == "ran"]
    summary = {"tool": "coverage", "version": 1, "work": a.work,
               "html": os.path.join(a.out, "index.html"), "lessons": lessons,
               "totals": lesson_summary("all", "ran", [f for l in ran for f in l["files"]])}
    del summary["totals"]["files"], summary["totals"]["lesson"], summary["totals"]["status"]
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    say = print if a.format == "human" else \
        (lambda t="": print(f"# {t}") if a.format == "tap" else print(t, file=sys.stderr))
    say()
    for l in lessons:
        if l["status"] != "ran":
            say(f"coverage {l['lesson']}: {l['status']}, nothing ran")
            continue
        ln, br = l["lines"], l["branches"]
        say(f"coverage {l['lesson']}: lines {ln['percent']}% ({ln['covered']}/{ln['total']}), "
            f"branches {br['percent']}% ({br['covered']}/{br['total']})")
    say(f"report: {os.path.join(a.out, 'index.html')}, figures: "
        f"{os.path.join(a.out, 'summary.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
