"""Hostile submissions (tests/hostile/*.c): whatever student code does, the
checks end within their ceilings, the affected check fails for the reason
its file names, every other check and lesson is unaffected, and nothing is
left on the machine.

Each submission runs in both sandboxes (the namespace one, and the session
one FORKLAB_SANDBOX=session forces), and every checker runs inside a PID
namespace of its own (`unshare --pid --fork --mount-proc`) so that a bug in
the sandbox cannot harm the machine running the tests."""
import glob
import os
import shutil
import subprocess
import tempfile

from kit import ROOT, build, make, remove_work, unescape, RESULT_FIELDS

HOSTILE = os.path.join(ROOT, "tests", "hostile")
LESSON = "01-processes"
OTHER = "02-arguments"          # another lesson in the same work folder
SCALE = "5"


def header(path):
    head = {}
    with open(path) as f:
        for line in f:
            if "*/" in line:
                break
            key, sep, value = line.lstrip("/* ").partition(":")
            if sep:
                head[key.strip()] = value.strip()
    return head


def run_contained(exe, env):
    """Run a checker as the only process of a PID namespace of its own (its
    pid 1 is a shell), counting the namespace's processes before and after:
    returns (records, processes before, processes after)."""
    count = 'set -- /proc/[0-9]*; echo "procs $#" >&2'   # shell builtins: no fork
    user = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    cmd = ["unshare", *user, "--pid", "--fork", "--mount-proc", "sh", "-c",
           f'{count}; "$0"; st=$?; {count}; exit $st', exe]
    r = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    err = r.stderr.decode(errors="replace")
    assert r.returncode == 0, f"checker exited {r.returncode}: {err}"
    counts = [int(l.split()[1]) for l in err.splitlines() if l.startswith("procs ")]
    recs = {}
    for line in r.stdout.decode("utf-8", "surrogateescape").splitlines():
        rec = dict(zip(RESULT_FIELDS, (unescape(f) for f in line.split("\t"))))
        recs[rec["id"]] = rec
    return recs, counts[0], counts[1]


def work_with(path):
    work = tempfile.mkdtemp(prefix="forklab-hostile-")
    dst = os.path.join(work, LESSON)
    os.makedirs(dst)
    shutil.copy(os.path.join(ROOT, "solutions", LESSON, "processes.h"), dst)
    shutil.copy(os.path.join(HOSTILE, "hostile.h"), dst)
    # The probe's layout, which the hostile acts read to find their moment
    # (types only: the symbol policy forbids calling into the harness).
    shutil.copy(os.path.join(ROOT, "harness", "fl.h"), dst)
    shutil.copy(path, os.path.join(dst, "processes.c"))
    shutil.copytree(os.path.join(ROOT, "solutions", OTHER), os.path.join(work, OTHER))
    return work


def ceiling_of(lesson_dir, check):
    out = subprocess.run([os.path.join(lesson_dir, "check"), "--list", "--only", check],
                         capture_output=True, text=True, check=True).stdout
    return float(out.split("\t")[5])


def hostile_case(path, sandbox):
    head = header(path)
    fails, reason = head["fails"], head.get("reason", "")

    def run():
        need_unshare()
        work = work_with(path)
        try:
            # Stretched ceilings: a fork bomb must reach its process ceiling,
            # and an eater its memory one, before the clock ends the check,
            # however loaded the machine is.
            env = dict(os.environ, FORKLAB_SANDBOX=sandbox, FORKLAB_SANDBOX_SAID="1",
                       FORKLAB_TIMEOUT_SCALE=SCALE)
            env.pop("FORKLAB_SHAKE", None)
            for lesson in (LESSON, OTHER):
                d = build(work, lesson)
                assert os.path.exists(os.path.join(d, "check")), \
                    open(os.path.join(d, "build.log")).read()
                recs, before, after = run_contained(os.path.join(d, "check"), env)
                assert recs, f"{lesson}: no records"
                assert before == after, \
                    f"{lesson}: {before} processes before the checker, {after} after"
                for cid, rec in recs.items():
                    text = f"{rec['expected']} / {rec['observed']}"
                    if lesson == LESSON and cid == fails:
                        assert rec["verdict"] == "fail", f"{cid} did not fail: {text}"
                        assert reason in rec["observed"] + rec["expected"], \
                            f"{cid} failed without naming {reason!r}: {text}"
                        limit = ceiling_of(d, cid) * float(SCALE) + 2.0
                        assert float(rec["seconds"]) <= limit, \
                            f"{cid} took {rec['seconds']} s, past its ceiling"
                    else:
                        assert rec["verdict"] in ("pass", "skip"), \
                            f"{lesson}/{cid} was affected: {rec['verdict']}: {text}"
            marker = os.path.join(work, LESSON, "forklab-hostile-was-here")
            for p in (marker, "/root/forklab-hostile-was-here", "/forklab-hostile-was-here"):
                assert not os.path.exists(p), f"student code wrote {p}"
        finally:
            remove_work(work)
        leaked = [f for f in os.listdir("/dev/shm") if "forklab-hostile" in f]
        assert not leaked, f"/dev/shm still holds {leaked}"
    return run


def need_unshare():
    if not shutil.which("unshare"):
        raise AssertionError("hostile tests need unshare(1) (util-linux): they run each "
                             "checker in a PID namespace of its own")


def collect():
    files = sorted(glob.glob(os.path.join(HOSTILE, "*.c")))
    return [(f"{os.path.basename(f)[:-2]} ({s})", hostile_case(f, s))
            for f in files for s in ("namespace", "session")]


def test_at_least_ten_behaviours():
    names = {os.path.basename(f)[:-2] for f in glob.glob(os.path.join(HOSTILE, "*.c"))}
    need = {"fork_bomb", "never_returns", "ignores_sigterm", "escapes_setsid", "kill_all",
            "closes_stdout", "floods_stdout", "eats_memory", "calls_exit", "prints_pass"}
    assert need <= names, f"missing hostile submissions: {sorted(need - names)}"


def test_prints_pass_cannot_forge_a_pass():
    """What student code prints never becomes a record: the driver's JSON
    and TAP still say the check failed."""
    import json
    work = work_with(os.path.join(HOSTILE, "prints_pass.c"))
    try:
        d = build(work, LESSON)
        make("kit")
        drv = os.path.join(ROOT, "build", "harness", "forklab")
        out = subprocess.run([drv, "--format", "json", "--work", work, d], capture_output=True,
                             text=True).stdout
        doc = json.loads(out)
        found = [c for les in doc["lessons"] for c in les["checks"] if c["id"] == "children_overlap"]
        assert found and found[0]["verdict"] == "fail", found
        tap = subprocess.run([drv, "--format", "tap", "--work", work, d], capture_output=True,
                             text=True).stdout
        oks = [l for l in tap.splitlines() if l.startswith("ok ") and "children_overlap" in l]
        assert not oks, f"a forged TAP pass reached the top level: {oks}"
    finally:
        remove_work(work)
