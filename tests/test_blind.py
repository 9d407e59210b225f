"""Blind broken variants: implementations written by someone who had read
only a lesson's README and header (never the checks, never tests/broken),
each with one mistake.  tests/blind/LESSON/VARIANT/ holds the lesson's .c
files as that person wrote them and MISTAKE.txt:

    mistake: what is wrong, in one sentence
    promise: the sentence of the header or README it breaks
    caught-by: the id of the check that must fail for it

Every variant must fail the check it names (and the lesson as a whole)."""
import os
import shutil
import tempfile

from kit import ROOT, lessons, remove_work, run_checker

BLIND = os.path.join(ROOT, "tests", "blind")


def blind_variants(lesson):
    d = os.path.join(BLIND, lesson)
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, v) for v in os.listdir(d)
                  if os.path.isfile(os.path.join(d, v, "MISTAKE.txt")))


def read_mistake(variant):
    head = {}
    with open(os.path.join(variant, "MISTAKE.txt"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
    return head


def work_with_blind(lesson, variant):
    """A work folder: the lesson's headers from solutions/, the variant's .c
    files in place of the solution's."""
    tmp = tempfile.mkdtemp(prefix="forklab-blind-")
    dst = os.path.join(tmp, lesson)
    shutil.copytree(os.path.join(ROOT, "solutions", lesson), dst)
    for f in os.listdir(dst):
        if f.endswith(".c"):
            os.unlink(os.path.join(dst, f))
    for f in os.listdir(variant):
        if f.endswith(".c"):
            shutil.copy(os.path.join(variant, f), dst)
    return tmp


def blind_caught(lesson, variant):
    head = read_mistake(variant)
    check_id = head.get("caught-by")
    assert check_id, f"{variant}/MISTAKE.txt names no caught-by check"
    work = work_with_blind(lesson, variant)
    try:
        # Only the named check: its verdict is the case (and a failed
        # check fails the lesson); the others would only cost time.
        recs = run_checker(work, lesson, "--only", check_id)
        assert check_id in recs, f"{variant} names check {check_id}, which {lesson} lacks"
        assert recs[check_id]["verdict"] == "fail", \
            f"'{head.get('mistake')}' was not caught by {check_id}: it passed"
    finally:
        remove_work(work)


def collect():
    out = []
    for lesson in lessons():
        for v in blind_variants(lesson):
            out.append((f"{lesson} catches blind {os.path.basename(v)}",
                        lambda l=lesson, p=v: blind_caught(l, p)))
    return out
