"""The grader's typed model (grading/gradelib/model.py): the driver's JSON
in, grade.json out, round trips byte for byte, and driver JSON that is
malformed (missing keys, wrong types, huge lists) read as a crashed lesson
with a reason, never as an exception."""
import dataclasses
import json
import os
import shutil
import sys
import tempfile

from kit import ROOT
from test_grading import example_class

sys.path.insert(0, os.path.join(ROOT, "grading"))
from gradelib import marks, model, reports  # noqa: E402

DRIVER_DOC = {
    "forklab": 1, "work": "submission", "sandbox": "pid namespace in a user namespace",
    "lessons": [{"lesson": "01-x", "status": "ran", "log": "a warning", "checks": [
        {"id": "a", "title": "A", "verdict": "pass", "points": 2, "score": 2, "seconds": 0.25,
         "expected": "", "observed": "", "read": "", "notes": "", "output": "",
         "output_bytes": 0},
        {"id": "b", "title": "B", "verdict": "fail", "points": 3, "score": 0, "seconds": 1.5,
         "expected": "exit 0", "observed": "exit 1", "read": "lessons/01-x#b",
         "notes": "n", "output": "hello\n", "output_bytes": 6}]}],
    "passed": 1, "failed": 1, "skipped": 0, "points": 2, "max_points": 5, "seconds": 1.75}


# A class of one lesson with two checks, as cli.prepare would make it.
Ctx = model.ClassRun(
    all_lessons=("01-x",), lessons=("01-x",), hidden_decls={},
    decls={"01-x": [{"lesson": "01-x", "id": i, "title": i.upper(), "points": p,
                     "hidden": False, "section": "", "timeout": 1}
                    for i, p in (("a", 2), ("b", 3))]})


def _result(record):
    return {"rejected": None, "submitted": ["01-x"], "lessons": {"01-x": record},
            "hidden": {}, "notes": [], "walls": "w", "sources": {}}


def test_driver_json_round_trip():
    rec = model.DriverLesson.from_driver_output(json.dumps(DRIVER_DOC), "01-x")
    assert rec.status == "ran" and rec.sandbox == DRIVER_DOC["sandbox"]
    assert [c.id for c in rec.checks] == ["a", "b"]
    again = model.DriverLesson.from_driver_json(rec.to_json(), "01-x", rec.sandbox)
    assert again == rec
    for key in ("verdict", "expected", "observed", "read", "notes", "output"):
        assert rec.to_json()["checks"][1][key] == DRIVER_DOC["lessons"][0]["checks"][1][key]


def test_grade_round_trip_and_field_types():
    rec = model.DriverLesson.from_driver_output(json.dumps(DRIVER_DOC), "01-x")
    g = marks.grade_model("s", _result(rec), Ctx, 1.23456, fingerprint="f")
    doc = g.to_json()
    assert list(doc) == ["forklab_grade", "student", "status", "lessons", "score", "max",
                         "submitted", "rejected", "notes", "seconds", "walls", "integrity",
                         "fingerprint"]
    assert (doc["score"], doc["max"], doc["seconds"]) == (2, 5, 1.235)
    text = reports.dumps(doc)
    assert reports.dumps(model.StudentGrade.from_json(json.loads(text)).to_json()) == text
    # Every field has the type its annotation says.
    for c in (c for l in g.lessons for c in l.checks):
        for f in dataclasses.fields(c):
            kinds = {str: str, bool: bool, int: int, float: (int, float)}[f.type]
            assert isinstance(getattr(c, f.name), kinds), (f.name, c)
    assert isinstance(g.lessons, tuple) and isinstance(g.notes, tuple)
    # The dict marks.grade returns is that JSON.
    plain = {k: v for k, v in doc.items() if k != "fingerprint"}
    assert marks.grade("s", _result(rec.to_json()), Ctx, 1.23456) == plain


def test_class_run_is_frozen_and_typed():
    assert Ctx.kit_root is None and Ctx.with_kit_root("/k").kit_root == "/k"
    assert isinstance(Ctx.lessons, tuple) and isinstance(Ctx.extra_lessons, frozenset)
    try:
        Ctx.lessons = ("02-y",)
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("the class's run could be changed while grading")


def test_grade_is_frozen():
    g = marks.grade_model("s", _result(DRIVER_DOC["lessons"][0]), Ctx, 1)
    try:
        g.lessons[0].checks[0].score = 99
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("a grade's check could be changed after grading")


def test_example_class_grades_round_trip_byte_for_byte():
    out = example_class()
    top = os.path.join(out, "instructor")
    seen = 0
    for sid in sorted(os.listdir(top)):
        with open(os.path.join(top, sid, "grade.json"), encoding="utf-8") as f:
            text = f.read()
        g = model.StudentGrade.from_json(json.loads(text))
        assert reports.dumps(g.to_json()) == text, sid
        seen += 1
    assert seen >= 5, seen


MALFORMED = [
    None, 7, "text", [], {}, {"status": "ran", "checks": "many"},
    {"status": "exploded", "checks": []}, {"status": ["ran"], "checks": []},
    {"status": "ran", "checks": {"a": 1}}, {"status": None},
]


def test_malformed_driver_json_is_a_crashed_lesson_with_a_reason():
    for rec in MALFORMED:
        got = model.DriverLesson.from_driver_json(rec, "01-x")
        assert got.status == "crashed" and got.log, (rec, got)
        g = marks.grade("s", _result(rec), Ctx, 1)
        lesson = g["lessons"][0]
        # (None is no record at all: crashed, with no reason to give.)
        assert lesson["status"] == "crashed" and (lesson["log"] or rec is None), (rec, g)
        assert g["score"] == 0, g
        assert all(c["verdict"] == "fail" for c in lesson["checks"])
    for text in ("", "not json", "[]", '{"lessons": []}', '{"lessons": 3}', "null"):
        got = model.DriverLesson.from_driver_output(text, "01-x")
        assert got.status == "crashed" and "report" in got.log, (text, got)


def test_wrong_types_inside_checks_never_raise():
    odd = [1, None, "x", [], {"id": 5, "verdict": "pass"}, {"verdict": "pass"},
           {"id": "a", "verdict": ["pass"], "seconds": "soon", "output_bytes": {"n": 1},
            "observed": None, "notes": 3},
           {"id": "b", "verdict": "pass", "seconds": 1e308 * 10, "output_bytes": 1e999}]
    rec = {"status": "ran", "log": None, "checks": odd}
    got = model.DriverLesson.from_driver_json(rec, "01-x")
    assert [c.id for c in got.checks] == ["a", "b"]
    a = got.checks[0]
    assert (a.seconds, a.output_bytes, a.observed, a.notes) == (0.0, 0, "None", "3")
    g = marks.grade("s", _result(rec), Ctx, 1)
    checks = {c["id"]: c for c in g["lessons"][0]["checks"]}
    assert checks["a"]["verdict"] == "fail" and "reported" in checks["a"]["observed"]
    assert checks["b"]["verdict"] == "pass" and checks["b"]["output_bytes"] == 0
    json.dumps(g)   # everything in a grade is JSON again


def test_huge_lists_and_fields_are_bounded():
    many = [{"id": f"c{i}", "verdict": "pass"} for i in range(100000)]
    got = model.DriverLesson.from_driver_json(
        {"status": "ran", "log": "x" * (1 << 20), "checks": many}, "01-x")
    assert len(got.checks) == model.MAX_RECORDS
    assert len(got.log) <= model.FIELD_CAP + 10
    big = model.DriverCheck.from_driver_json({"id": "a", "output": "y" * (1 << 20)})
    assert len(big.output) <= model.FIELD_CAP + 10


def test_disagreeing_duplicates_fail():
    rec = {"status": "ran", "checks": [{"id": "a", "verdict": "fail"},
                                       {"id": "a", "verdict": "pass"}]}
    g = marks.grade("s", _result(rec), Ctx, 1)
    a = g["lessons"][0]["checks"][0]
    assert a["verdict"] == "fail" and "twice" in a["observed"], a


def test_grade_json_that_is_not_a_grade_is_refused():
    good = marks.grade("s", _result(DRIVER_DOC["lessons"][0]), Ctx, 1)
    bad = [None, {}, dict(good, score=999), dict(good, lessons="x"),
           dict(good, notes=[1]), dict(good, fingerprint=3),
           dict(good, lessons=[dict(good["lessons"][0], checks=[{"id": "a"}])])]
    for doc in bad:
        try:
            model.StudentGrade.from_json(doc)
        except ValueError:
            continue
        raise AssertionError(f"read as a grade: {doc!r:.200}")


def test_load_grade_reads_only_grades():
    from gradelib import cli, names
    out = tempfile.mkdtemp(prefix="forklab-model-")
    try:
        d = os.path.join(out, "instructor", names.folder("s"))
        os.makedirs(d)
        good = marks.grade_model("s", _result(DRIVER_DOC["lessons"][0]), Ctx, 1,
                                 fingerprint="f").to_json()
        for doc, want in ((good, good), ({"fingerprint": "f"}, None),
                          (dict(good, lessons=[{}]), None)):
            with open(os.path.join(d, "grade.json"), "w", encoding="utf-8") as f:
                f.write(reports.dumps(doc))
            assert cli.load_grade(out, "s") == want, doc
        with open(os.path.join(d, "grade.json"), "w", encoding="utf-8") as f:
            f.write("[" * 100000)
        assert cli.load_grade(out, "s") is None
    finally:
        shutil.rmtree(out)



class _FakeUser:
    """Stands in for runner.User: the driver 'printed' out and err."""

    def __init__(self, status, out, err=b""):
        self.said = (status, out, err)

    def run(self, argv, env, timeout, ro=(), rw=(), turn=None):
        return self.said


def test_runner_drive_reads_any_output_into_a_record():
    from gradelib import runner
    d = "/nowhere/01-x"
    ok = runner.drive(_FakeUser(0, json.dumps(DRIVER_DOC).encode()), {}, d, 10)
    assert isinstance(ok, model.DriverLesson) and ok.status == "ran" and len(ok.checks) == 2
    for out in (b"", b"\xff\xfe", b"{", b'{"lessons": [{"status": "ran", "checks": 1}]}',
                json.dumps({"lessons": [{"status": "ran", "checks": [None] * 100000}]}).encode()):
        rec = runner.drive(_FakeUser(0, out, b"what the driver said"), {}, d, 10)
        assert rec.status in ("crashed", "ran") and (rec.log or rec.status == "ran"), (out[:40], rec)
        assert rec.status == "ran" or "report" in rec.log, rec
    late = runner.drive(_FakeUser(None, b""), {}, d, 10)
    assert late.status == "crashed" and "after 10 s" in late.log
