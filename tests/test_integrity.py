"""Build integrity: a submission cannot change what the checks are.

Each tests/integrity/NAME.c is added to lesson 01's solution (a correct
submission, so only the attack can make it fail); its first comment line
`rule: WORDS` names what build.log must say.  Every such submission is
refused before it is linked, and the driver then counts every check of the
lesson as failed, with its points: it scores no more than the stub.  The
header attack puts a header that redefines FL_CHECK in place of the
lesson's contract header."""
import json
import os
import shutil
import subprocess
import tempfile

from kit import ROOT, build, make, remove_work

HERE = os.path.join(ROOT, "tests", "integrity")
LESSON = "01-processes"


def attacks():
    return sorted(f for f in os.listdir(HERE) if f.endswith(".c"))


def rule_of(path):
    with open(path) as f:
        return f.readline().split("rule:", 1)[1].strip()


def work_with(extra=None, header=None):
    work = tempfile.mkdtemp(prefix="forklab-integrity-")
    dst = os.path.join(work, LESSON)
    shutil.copytree(os.path.join(ROOT, "solutions", LESSON), dst)
    if extra:
        shutil.copy(os.path.join(HERE, extra), os.path.join(dst, extra))
    if header:
        with open(os.path.join(dst, "processes.h"), "a") as f:
            f.write(open(os.path.join(HERE, header)).read())
    return work


def driver_points(work):
    make("kit")
    d = build(work, LESSON)
    r = subprocess.run([os.path.join(ROOT, "build", "harness", "forklab"), "--format", "json",
                        "--work", work, d], capture_output=True, text=True)
    report = json.loads(r.stdout)
    return d, report


def refused(name, header=None):
    work = work_with(extra=name, header=header)
    try:
        d, report = driver_points(work)
        assert not os.path.exists(os.path.join(d, "check")), f"{name}: a checker was built"
        log = open(os.path.join(d, "build.log")).read()
        if name:
            rule = rule_of(os.path.join(HERE, name))
            assert rule in log, f"{name}: build.log does not name {rule!r}:\n{log}"
        lesson = report["lessons"][0]
        assert lesson["checks"], "the refused lesson lists no checks"
        assert all(c["verdict"] == "fail" and c["score"] == 0 for c in lesson["checks"]), \
            f"{name}: a check of a refused lesson scored"
        assert report["points"] == 0 and report["max_points"] > 0, report
    finally:
        remove_work(work)


def test_contract_header_changed_is_refused():
    work = work_with(header="redefines_check.h")
    try:
        d, report = driver_points(work)
        log = open(os.path.join(d, "build.log")).read()
        assert "differs from the lesson's contract at line" in log, log
        assert report["points"] == 0, report
    finally:
        remove_work(work)


def test_file_names_never_reach_a_shell():
    work = work_with()
    name = f"forklab-ran-{os.getpid()}"
    markers = [os.path.join(d, name) for d in (ROOT, work, os.path.join(work, LESSON))]
    src = os.path.join(work, LESSON, "processes.c")
    bad = os.path.join(work, LESSON, f"x;touch {name};.c")
    shutil.copy(src, bad)
    try:
        d, report = driver_points(work)
        assert not any(map(os.path.exists, markers)), "a file name ran as a shell command"
        log = open(os.path.join(d, "build.log")).read()
        assert "has characters the kit does not build" in log, log
        assert report["points"] == 0
    finally:
        remove_work(work)


def test_solution_with_a_helper_header_builds():
    """A header of the student's own, beside the contract, is fine."""
    work = work_with()
    with open(os.path.join(work, LESSON, "helpers.h"), "w") as f:
        f.write("#define HELPER 1\n")
    try:
        d, report = driver_points(work)
        assert os.path.exists(os.path.join(d, "check")), open(os.path.join(d, "build.log")).read()
    finally:
        remove_work(work)


def collect():
    return [(f"{a[:-2]} is refused before linking", lambda a=a: refused(a)) for a in attacks()]


def test_forged_records_and_a_killed_checker_score_nothing():
    """Session sandbox: the checker is not dumpable, so its stdout cannot be
    opened through /proc; and a checker killed mid-lesson makes every check
    of the lesson fail, whatever it printed before.  Run in a PID namespace
    of its own; nothing may be left."""
    if not shutil.which("unshare"):
        raise AssertionError("needs unshare(1) (util-linux)")
    work = tempfile.mkdtemp(prefix="forklab-integrity-")
    dst = os.path.join(work, LESSON)
    os.makedirs(dst)
    shutil.copy(os.path.join(ROOT, "solutions", LESSON, "processes.h"), dst)
    shutil.copy(os.path.join(ROOT, "tests", "hostile", "hostile.h"), dst)
    shutil.copy(os.path.join(ROOT, "harness", "fl.h"), dst)
    shutil.copy(os.path.join(HERE, "runtime", "forge_and_kill.c"), os.path.join(dst, "processes.c"))
    try:
        make("kit")
        d = build(work, LESSON)
        assert os.path.exists(os.path.join(d, "check")), open(os.path.join(d, "build.log")).read()
        drv = os.path.join(ROOT, "build", "harness", "forklab")
        # A user namespace even as root: one uid only, so the student code
        # runs as the checker's own uid, the case the protection is for.
        count = 'set -- /proc/[0-9]*; echo "procs $#" >&2'
        cmd = ["unshare", "--user", "--map-root-user", "--pid", "--fork", "--mount-proc", "sh",
               "-c", f'drv="$0" work="$1" dir="$2"; {count}; "$drv" --format json --work "$work" '
               f'"$dir"; {count}', drv, work, d]
        env = dict(os.environ, FORKLAB_SANDBOX="session")
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
        counts = [int(l.split()[1]) for l in r.stderr.splitlines() if l.startswith("procs ")]
        assert len(counts) == 2 and counts[0] == counts[1], f"processes left: {r.stderr}"
        report = json.loads(r.stdout)
        lesson = report["lessons"][0]
        assert lesson["status"] == "crashed", lesson["status"]
        assert report["points"] == 0, [(c["id"], c["verdict"]) for c in lesson["checks"]]
        assert all(c["title"] != "forged" for c in lesson["checks"])
    finally:
        remove_work(work)


def test_every_attack_scores_no_more_than_the_stub_in_grading():
    """The same attacks handed in to grading/grade as a class: each scores
    what the stub scores (nothing) for lesson 01, and the stub's row is the
    yardstick, graded in the same run."""
    import csv
    import sys
    tmp = tempfile.mkdtemp(prefix="forklab-integrity-class-")
    try:
        cls = os.path.join(tmp, "class")
        for name in attacks():
            work = work_with(extra=name)
            shutil.move(os.path.join(work, LESSON), os.path.join(cls, name[:-2], LESSON))
            shutil.rmtree(work)
        shutil.copytree(os.path.join(ROOT, "exercises", LESSON), os.path.join(cls, "stub", LESSON))
        out = os.path.join(tmp, "out")
        r = subprocess.run([sys.executable, os.path.join(ROOT, "grading", "grade"), cls, "-o", out,
                            "--lesson", "01", "-j", "2"], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr
        with open(os.path.join(out, "gradebook.csv"), newline="", encoding="utf-8") as f:
            rows = {row["student_id"]: row for row in csv.DictReader(f)}
        stub = int(rows["stub"]["total"])
        for name in attacks():
            got = int(rows[name[:-2]]["total"])
            assert got <= stub, f"{name} scored {got} in grading, the stub {stub}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
