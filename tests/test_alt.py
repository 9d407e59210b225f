"""Second designs: for several lessons, a complete solution written another
way than solutions/ (waiting on a pidfd with poll, shared memory from a
memfd, signalling through pidfds, posix_spawn...), in tests/alt/LESSON/
(the lesson's .c files).  Every check must pass them too: a check that
fails a design the lesson text allows is a bug in the check."""
import os
import shutil
import tempfile

from kit import ROOT, describe, lessons, remove_work, run_checker

ALT = os.path.join(ROOT, "tests", "alt")


def work_with_alt(lesson):
    tmp = tempfile.mkdtemp(prefix="forklab-alt-")
    dst = os.path.join(tmp, lesson)
    os.makedirs(dst)
    for f in os.listdir(os.path.join(ROOT, "solutions", lesson)):
        if f.endswith(".h"):
            shutil.copy(os.path.join(ROOT, "solutions", lesson, f), dst)
    for f in os.listdir(os.path.join(ALT, lesson)):
        if f.endswith((".c", ".h")) and not os.path.exists(os.path.join(dst, f)):
            shutil.copy(os.path.join(ALT, lesson, f), dst)
    return tmp


def alt_passes(lesson):
    work = work_with_alt(lesson)
    try:
        recs = run_checker(work, lesson)
        assert recs, f"{lesson}: no checks ran"
        bad = [describe(r) for r in recs.values() if r["verdict"] not in ("pass", "skip")]
        assert not bad, "the second design fails:\n" + "\n".join(bad)
    finally:
        remove_work(work)


def test_at_least_five_lessons_have_a_second_design():
    have = [l for l in lessons() if os.path.isdir(os.path.join(ALT, l))]
    assert len(have) >= 5, f"second designs for {have} only"


def collect():
    return [(f"{l} second design passes every check", lambda l=l: alt_passes(l))
            for l in lessons() if os.path.isdir(os.path.join(ALT, l))]
