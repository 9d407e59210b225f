#!/usr/bin/env python3
"""Turn a student's grade.json into the result GitHub Classroom's grading
reporter reads (classroom-resources/autograding-grading-reporter):

    result.py GRADE_JSON GITHUB_OUTPUT GRADER_STATUS

appends `result=<base64 of JSON>` to GITHUB_OUTPUT.  The JSON is what the
reporter expects of a runner: version, status (pass / fail / error),
max_score, and tests[] with name, status, score, message.  The reporter
adds up the tests' scores, so partial credit per check survives."""
import base64
import json
import sys


def result(grade):
    tests = []
    for l in grade["lessons"]:
        for c in l["checks"]:
            msg = "" if c["verdict"] == "pass" else \
                f"expected {c['expected']}; observed {c['observed']}" + \
                (f"; read {c['read']}" if c["read"] else "")
            tests.append({"name": f"{l['lesson']}: {c['title']}",
                          "status": "pass" if c["verdict"] == "pass" else "fail",
                          "score": c["score"], "message": msg, "line_no": 0,
                          "execution_time": f"{c['seconds']:.2f}s"})
    status = "pass" if grade["score"] == grade["max"] else "fail"
    return {"version": 1, "status": status, "max_score": grade["max"], "tests": tests}


def main(grade_path, output_path, grader_status):
    try:
        with open(grade_path, encoding="utf-8") as f:
            doc = result(json.load(f))
    except (OSError, ValueError, KeyError) as e:
        doc = {"version": 1, "status": "error", "max_score": 0, "tests": [],
               "message": f"the grader failed (exit {grader_status}): {e}"}
    encoded = base64.b64encode(json.dumps(doc).encode()).decode()
    with open(output_path, "a") as f:
        f.write(f"result={encoded}\n")
    return 0 if doc["status"] != "error" else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
