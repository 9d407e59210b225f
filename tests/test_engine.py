"""The check engine's own behaviours (tests/engine/checks.c): each check
there ends one way on purpose; each test here asserts the engine saw it
and said so.  The checker runs in a PID namespace of its own when it can, so
a sandbox bug cannot leave processes on the machine."""
import functools
import os
import shutil
import subprocess
import threading

from kit import ROOT, make, unescape, RESULT_FIELDS

EXE = os.path.join(ROOT, "build", "engine", "check")


_lock = threading.Lock()


def results():
    with _lock:
        return _results()


@functools.lru_cache(maxsize=None)
def _results():
    make("kit")
    os.makedirs(os.path.dirname(EXE), exist_ok=True)
    subprocess.run(["cc", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror",
                    "-I", os.path.join(ROOT, "harness"), '-DFL_LESSON="00-engine"',
                    "-o", EXE, os.path.join(ROOT, "tests", "engine", "checks.c"),
                    os.path.join(ROOT, "build", "harness", "main.o"),
                    os.path.join(ROOT, "build", "harness", "libforklab.a")], check=True)
    cmd = [EXE]
    if os.geteuid() == 0 and shutil.which("unshare"):
        cmd = ["unshare", "--pid", "--fork", "--mount-proc", EXE]
    out = subprocess.run(cmd, capture_output=True, check=True, timeout=60).stdout
    recs = {}
    for line in out.decode("utf-8", "surrogateescape").splitlines():
        rec = dict(zip(RESULT_FIELDS, (unescape(f) for f in line.split("\t"))))
        recs[rec["id"]] = rec
    return recs


def verdict(check_id, expect, *words):
    rec = results()[check_id]
    assert rec["verdict"] == expect, f"{check_id}: {rec['verdict']}, wanted {expect}: {rec}"
    text = rec["expected"] + " | " + rec["observed"]
    for w in words:
        assert w in text, f"{check_id}: {w!r} not in {text!r}"
    return rec


def test_a_returning_body_passes():
    verdict("plain_pass", "pass")


def test_fail_text_survives_the_record_format():
    rec = verdict("plain_fail", "fail")
    assert rec["expected"] == "quotes \" and tabs \t and <tags> & ampersands"
    assert rec["observed"] == "newline\nsecond line, 中文, backslash \\ and pid 4321"
    assert rec["section"] == "Failing"


def test_skip_is_the_checkers_and_keeps_its_reason():
    """A declared need the machine lacks skips before the body runs, with the
    checker's reason; a body's own skip with no such need fails."""
    rec = verdict("skip", "skip")
    assert "it needs 64" in rec["notes"] and "FORKLAB_FORCE=1" in rec["notes"], rec["notes"]
    verdict("skip_undeclared", "fail", "a skip is the harness's to decide")


def test_crash_in_caller_names_signal_and_stage():
    verdict("caller_crash", "fail", "killed by SIGSEGV", "dereferencing NULL on purpose")


def test_exit_in_caller_is_caught():
    verdict("caller_exit", "fail", "exited with 3", "called exit()", "calling exit(3)")


def test_escaping_child_is_caught_with_its_stage():
    verdict("child_escapes", "fail", "returned into the caller's code",
            "forking a child that does not _exit")


def test_hang_hits_the_ceiling():
    rec = verdict("hangs", "fail", "timed out after 0.3 s", "spinning for ever")
    assert float(rec["seconds"]) >= 0.3


def test_deadlock_fails_at_once_with_the_wait_graph():
    """No timing assertion: the ceilings are 30 s, and a deadlock verdict
    says so in words the ceiling never uses."""
    verdict("deadlocks", "fail", "deadlock while reading stdin",
            "waits to read pipe", "held by nobody who could use it")
    verdict("two_wait_for_each_other", "fail", "deadlock while waiting on a pipe",
            "waits to read pipe", "held only by processes that wait too")


def test_a_timed_wait_is_not_a_deadlock():
    verdict("timed_wait_is_not_a_deadlock", "pass")


def test_leftover_orphan_is_reported_and_killed():
    verdict("leaves_running", "fail", "still running after the check", "fl-engine-left")
    stray = subprocess.run(["pgrep", "-x", "fl-engine-left"], capture_output=True, text=True)
    assert stray.stdout == "", f"left on the machine: {stray.stdout}"


def test_unreaped_child_is_reported_as_zombie():
    verdict("leaves_zombie", "fail", "zombie: exited but never waited for")


def test_output_is_captured_capped_and_counted():
    rec = verdict("noisy", "fail")
    assert int(rec["output_bytes"]) > 200000
    assert rec["output"].startswith("tab\there \"quoted\" <b>&amp; 中文 \x01")
    assert len(rec["output"].encode("utf-8", "surrogateescape")) < 5000
