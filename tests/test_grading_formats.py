"""The grader's class formats against their schemas: junit.xml under the
strict Ant JUnit schema and Jenkins xunit's (xmllint, Debian package
libxml2-utils), Gradescope's results.json (skips pass with their reason,
tests numbered, Markdown output, --points-possible)."""
import json
import os
import subprocess
import sys

import jsonschema

from kit import ROOT
from test_grading import SCHEMA, example_class, mkdtemp

sys.path.insert(0, os.path.join(ROOT, "grading"))
from gradelib import reports  # noqa: E402

SCHEMAS = os.path.join(ROOT, "tests", "schemas")


def test_junit_validates_under_ant_and_jenkins_schemas():
    out = example_class()
    for xsd in ("junit-ant.xsd", "junit-jenkins.xsd"):
        r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(SCHEMAS, xsd),
                            os.path.join(out, "junit.xml")], capture_output=True, text=True)
        assert r.returncode == 0, (xsd, r.stderr[-2000:])
    text = open(os.path.join(out, "junit.xml"), encoding="utf-8").read()
    assert 'type="build-failed"' in text and ('type="assertion"' in text or 'type="timeout"' in text)


def _grade_with_skip():
    check = {"lesson": "01-x", "id": "c", "title": "t", "points": 2, "hidden": False,
             "section": "", "verdict": "skip", "expected": "", "observed": "", "read": "",
             "notes": "one CPU: cannot measure parallelism", "output": "", "output_bytes": 0,
             "seconds": 0.0, "score": 2}
    fail = dict(check, id="d", verdict="fail", notes="", observed="timed out after 1 s", score=0)
    lesson = {"lesson": "01-x", "status": "ran", "log": "", "warnings": "", "hidden_log": "",
              "checks": [check, fail], "score": 2, "max": 4}
    return {"student": "s", "status": "graded", "lessons": [lesson], "score": 2, "max": 4,
            "rejected": "", "notes": [], "seconds": 1.0}


def test_gradescope_skip_passes_with_reason_numbered_markdown_and_rescaled():
    g = _grade_with_skip()
    doc = reports.gradescope(g)
    jsonschema.validate(doc, json.load(open(SCHEMA)))
    skip, fail = doc["tests"]
    assert skip["status"] == "passed" and "one CPU" in skip["output"], skip
    assert fail["status"] == "failed"
    assert [t["number"] for t in doc["tests"]] == ["1.1", "1.2"]
    assert all(t["output_format"] == "md" for t in doc["tests"]) and doc["output_format"] == "md"
    scaled = reports.gradescope(g, points_possible=100)
    jsonschema.validate(scaled, json.load(open(SCHEMA)))
    assert scaled["score"] == 50, scaled["score"]


def test_points_possible_on_the_command_line():
    out = os.path.join(mkdtemp(prefix="forklab-points-"), "out")
    cls = os.path.join(ROOT, "grading", "examples")
    r = subprocess.run([sys.executable, os.path.join(ROOT, "grading", "grade"), cls, "-o", out,
                        "--lesson", "02", "-j", "1", "--points-possible", "10"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    doc = json.load(open(os.path.join(out, "students", "complete", "results.json")))
    assert doc["score"] == 10, doc["score"]
