"""Every lesson: the solution passes, the stub fails cleanly, the interface
is the same in both, and every broken variant is caught by its check."""
import filecmp
import os

from kit import (ROOT, describe, lessons, remove_work, run_checker, variant_header, variants,
                 work_with_variant)

SOLUTIONS = os.path.join(ROOT, "solutions")
EXERCISES = os.path.join(ROOT, "exercises")


def solution_passes(lesson):
    recs = run_checker(SOLUTIONS, lesson)
    assert recs, f"{lesson} has no checks"
    bad = [describe(r) for r in recs.values() if r["verdict"] not in ("pass", "skip")]
    assert not bad, "\n".join(bad)


def stub_fails_cleanly(lesson):
    recs = run_checker(EXERCISES, lesson)
    for r in recs.values():
        assert r["verdict"] == "fail", f"the stub passes {r['id']}: that check cannot fail"
        for word in ("timed out", "killed by", "ended (", "returned into"):
            assert word not in r["observed"], f"stub fails {r['id']} uncleanly: {describe(r)}"


def same_interface(lesson):
    ex, so = os.path.join(EXERCISES, lesson), os.path.join(SOLUTIONS, lesson)
    headers = sorted(f for f in os.listdir(so) if f.endswith(".h"))
    assert headers, f"{lesson} declares no interface header"
    assert sorted(os.listdir(ex)) == sorted(os.listdir(so)), "exercise and solution files differ"
    for h in headers:
        assert filecmp.cmp(os.path.join(ex, h), os.path.join(so, h), shallow=False), \
            f"{h} differs between exercises/ and solutions/"


def has_lesson_text(lesson):
    readme = os.path.join(ROOT, "lessons", lesson, "README.md")
    assert os.path.exists(readme), f"lessons/{lesson}/README.md is missing"
    text = open(readme).read()
    for rec in run_checker(SOLUTIONS, lesson, "--list").values():
        section = rec["section"].split(" § ")[-1]
        other = rec["section"].split(" § ")[0] if " § " in rec["section"] else lesson
        body = text if other == lesson else open(os.path.join(ROOT, "lessons", other, "README.md")).read()
        assert f"## {section}" in body, \
            f"check {rec['id']} points at '{other} § {section}', which has no such heading"


def variant_caught(lesson, patch):
    check_id, mistake = variant_header(patch)
    work = work_with_variant(lesson, patch)
    try:
        # Only the named check: its verdict is the case (and a failed
        # check fails the lesson); the others would only cost time.
        recs = run_checker(work, lesson, "--only", check_id)
        assert check_id in recs, f"{patch} names check {check_id}, which {lesson} lacks"
        assert recs[check_id]["verdict"] == "fail", \
            f"'{mistake}' was not caught by {check_id}: it passed"
    finally:
        remove_work(work)


def collect():
    out = []
    for lesson in lessons():
        out.append((f"{lesson} solution passes every check", lambda l=lesson: solution_passes(l)))
        out.append((f"{lesson} stub fails every check cleanly", lambda l=lesson: stub_fails_cleanly(l)))
        out.append((f"{lesson} exercise and solution share the interface",
                    lambda l=lesson: same_interface(l)))
        out.append((f"{lesson} README has every section a check points at",
                    lambda l=lesson: has_lesson_text(l)))
        vs = variants(lesson)
        out.append((f"{lesson} has at least five broken variants",
                    lambda l=lesson, n=len(vs): _at_least_five(l, n)))
        for v in vs:
            out.append((f"{lesson} catches {os.path.basename(v)[:-6]}",
                        lambda l=lesson, p=v: variant_caught(l, p)))
    return out


def _at_least_five(lesson, n):
    assert n >= 5, f"{lesson} has {n} broken variants in tests/broken/{lesson}; it needs 5"
