"""Build and check one submission in its own scratch copy.

The submission's lesson folders are copied into a fresh scratch folder; the
Makefile keys its build folder by the work folder's absolute path, so no
two submissions share a file.  When the grader runs as root, everything the
student's code touches runs as a uid of its own (leased for the
submission from FORKLAB_GRADER_UID up) with a cap on its processes: a student's code can
neither read another's scratch folder nor signal its processes, and a fork
bomb meets RLIMIT_NPROC.  After each submission every process of that uid
is killed, so nothing outlives its grading."""
import fcntl
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import threading

from . import kit, submission

UID_BASE = int(os.environ.get("FORKLAB_GRADER_UID", "64200"))
NPROC = 256                  # processes a submission may have at once
FSIZE = 64 << 20             # largest file it may write
BUILD_CEILING = 120          # seconds to compile one lesson
RUN_MARGIN = 30              # seconds a checker may take beyond its checks' ceilings


# Set when the grader is interrupted: nothing new starts, and what runs is
# killed (its submission gets no report, so a re-run grades it).
STOP = threading.Event()
_active, _active_lock = set(), threading.Lock()


def stop_all():
    """Interrupt: stop every running build and check."""
    STOP.set()
    with _active_lock:
        groups = list(_active)
    for pgid in groups:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class User:
    """Runs commands as an unprivileged uid of its own when we are root, else
    as ourselves.  The uid is leased with a lock file, so that concurrent
    graders (and parallel slots) never share one: sharing would let one
    submission's clean-up kill another's processes."""

    LOCKS = os.path.join(tempfile.gettempdir(), "forklab-grader-uids")

    def __init__(self, isolated=False):
        self.uid, self._lock = None, None
        if isolated and os.geteuid() == 0:
            self._lease()

    def _lease(self):
        os.makedirs(self.LOCKS, mode=0o700, exist_ok=True)
        for uid in range(UID_BASE, UID_BASE + 1000):
            try:
                name = pwd.getpwuid(uid).pw_name
            except KeyError:
                name = None
            if name and not name.startswith("forklab"):
                continue   # a real account: never borrow it
            fd = os.open(os.path.join(self.LOCKS, str(uid)), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self.uid, self._lock = uid, fd
            self.kill_all()   # whatever an earlier, interrupted grader left
            return
        raise kit.KitError(f"no free uid in {UID_BASE}..{UID_BASE + 999} for student code")

    def release(self):
        """Kill what is left of the uid's processes and give the uid back."""
        self.kill_all()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def argv(self, argv):
        if self.uid is None:
            return argv
        return ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                "--no-new-privs", "--", "prlimit", f"--nproc={NPROC}", f"--fsize={FSIZE}",
                "--core=0", "--", *argv]

    def own(self, path):
        """Give path (recursively) to the leased uid, readable by it only."""
        if self.uid is None:
            return
        for top, dirs, files in os.walk(path):
            for name in [top] + [os.path.join(top, n) for n in dirs + files]:
                os.lchown(name, self.uid, self.uid)
        os.chmod(path, 0o700)

    def run(self, argv, env, timeout, cwd=None):
        """Run argv; returns (exit status or None on timeout, stdout, stderr)."""
        if STOP.is_set():
            return None, b"", b"the grader was interrupted"
        p = subprocess.Popen(self.argv(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, cwd=cwd, start_new_session=True)
        with _active_lock:
            _active.add(p.pid)
        try:
            out, err = p.communicate(timeout=timeout)
            return p.returncode, out, err
        except subprocess.TimeoutExpired:
            self._kill_group(p.pid)
            out, err = p.communicate()
            return None, out, err
        finally:
            with _active_lock:
                _active.discard(p.pid)

    def _kill_group(self, pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.kill_all()

    def kill_all(self):
        """Kill every process of the leased uid (kill -1 as that uid reaches
        exactly those)."""
        if self.uid is not None:
            subprocess.run(["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}",
                            "--clear-groups", "kill", "-KILL", "-1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def clean_env(home):
    """The environment student code sees: nothing of the grader's."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TMPDIR": home,
           "LANG": "C.UTF-8", "NO_COLOR": "1"}
    for key in ("FORKLAB_TIMEOUT_SCALE", "CC"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def compile_extra(user, env, cflags, lesson, extra_dir, work, out_dir, root=kit.ROOT):
    """Build a lesson's hidden checks (extra_dir/LESSON/*.c) against the code
    in work/LESSON, the way the Makefile builds the kit's: out_dir/check, or
    only out_dir/build.log when it does not compile."""
    os.makedirs(out_dir, exist_ok=True)
    # A copy the build's uid can read; the instructor's folder may be private.
    srcs = []
    for f in sorted(os.listdir(os.path.join(extra_dir, lesson))):
        if f.endswith((".c", ".h")):
            shutil.copyfile(os.path.join(extra_dir, lesson, f), os.path.join(out_dir, f))
            srcs += [os.path.join(out_dir, f)] if f.endswith(".c") else []
    student = sorted(os.path.join(work, lesson, f) for f in os.listdir(os.path.join(work, lesson))
                     if f.endswith(".c"))
    cc = os.environ.get("CC", "cc")
    argv = [cc, *cflags, f"-I{os.path.join(work, lesson)}", f"-I{os.path.join(root, 'harness')}",
            f'-DFL_LESSON="{lesson}"', "-o", os.path.join(out_dir, "check"), *srcs, *student,
            kit.core_lib(root)]
    user.own(out_dir)
    status, out, err = user.run(argv, env, BUILD_CEILING)
    log = (out + err).decode("utf-8", "replace")
    if status is None:
        log += f"\nthe compiler was stopped after {BUILD_CEILING} s"
    with open(os.path.join(out_dir, "build.log"), "w", encoding="utf-8") as f:
        f.write(log)
    if status != 0 and os.path.exists(os.path.join(out_dir, "check")):
        os.unlink(os.path.join(out_dir, "check"))


def drive(user, env, lesson_dir, ceiling, root=kit.ROOT):
    """Run the driver on one lesson build folder; returns its lesson record
    (status ran / build-failed / missing / crashed, log, checks)."""
    status, out, err = user.run([kit.driver(root), "--format", "json", "--work", "submission",
                                 lesson_dir], env, ceiling)
    lesson = os.path.basename(lesson_dir)
    if status is None:
        return {"lesson": lesson, "status": "crashed", "checks": [],
                "log": f"the grader stopped this lesson's checks after {ceiling:g} s"}
    try:
        return json.loads(out.decode("utf-8", "replace"))["lessons"][0]
    except (ValueError, KeyError, IndexError):
        return {"lesson": lesson, "status": "crashed", "checks": [],
                "log": "the driver printed no report: " + err.decode("utf-8", "replace")[-2000:]}


def check(sid, path, ctx):
    """Build and check one submission.  Returns a dict: lessons (the
    driver's record per lesson), hidden (the same for hidden checks),
    submitted (lesson names found), notes, rejected (why, or None)."""
    result = {"lessons": {}, "hidden": {}, "submitted": [], "notes": [], "rejected": None}
    user = User(isolated=True)
    scratch = tempfile.mkdtemp(prefix="forklab-grade-", dir=ctx.scratch)
    build_top = os.path.join(ctx.kit_root, "build", "work" + os.path.abspath(scratch))
    try:
        root = path
        if os.path.isfile(path):
            raw = os.path.join(scratch, "raw")
            os.mkdir(raw)
            submission.unpack(path, raw)
            root = raw
        work = os.path.join(scratch, "work")
        os.mkdir(work)
        found = submission.lesson_root(root, set(ctx.all_lessons))
        if found:
            copied, notes = submission.copy_lessons(found, ctx.lessons, work)
            result["submitted"], result["notes"] = copied, notes
        if root != path:
            shutil.rmtree(root)
        if not result["submitted"]:
            return result
        _build_and_run(user, scratch, work, build_top, result, ctx)
        _scrub_paths(result, work + "/")
        return result
    except submission.Rejected as e:
        result["rejected"] = str(e)
        return result
    finally:
        user.release()
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(build_top, ignore_errors=True)


def _scrub_paths(result, prefix):
    """Show the student's files as 01-processes/x.c, not by their scratch path."""
    for rec in list(result["lessons"].values()) + list(result["hidden"].values()):
        rec["log"] = rec.get("log", "").replace(prefix, "")
        for c in rec.get("checks", []):
            for key in ("observed", "notes", "output"):
                c[key] = c[key].replace(prefix, "")


def _build_and_run(user, scratch, work, build_top, result, ctx):
    env = clean_env(scratch)
    root = ctx.kit_root
    os.makedirs(os.path.dirname(kit.build_dir(work, "any", root)), exist_ok=True)
    user.own(scratch)
    user.own(build_top)
    # -o: the kit was built before grading began; student code's user must
    # never be asked to rebuild it (and could not write it).
    status, so, se = user.run(["make", "--no-print-directory", "-C", root,
                               "-o", os.path.relpath(kit.core_lib(root), root),
                               "-o", os.path.relpath(kit.driver(root), root), "checkers",
                               f"WORK={work}", "LESSON=" + " ".join(result["submitted"])], env,
                              BUILD_CEILING * len(result["submitted"]))
    if status != 0:
        # Student compile errors never fail `make checkers` (they land in
        # build.log); this is the grader's trouble, not the student's.
        why = "stopped after a ceiling" if status is None else f"exited {status}"
        log = f"the grader could not build this lesson (make {why}):\n" + \
            (so + se).decode("utf-8", "replace")[-3000:]
        for lesson in ctx.lessons:
            result["lessons"][lesson] = {"lesson": lesson, "status": "crashed", "log": log,
                                         "checks": []}
        return
    for lesson in result["submitted"]:
        ceiling = sum(d["timeout"] for d in ctx.decls[lesson]) * ctx.timeout_scale + RUN_MARGIN
        result["lessons"][lesson] = drive(user, env, kit.build_dir(work, lesson, root), ceiling, root)
        if lesson in ctx.extra_lessons:
            d = os.path.join(scratch, "extra", lesson)
            compile_extra(user, env, ctx.cflags, lesson, ctx.extra, work, d, root)
            result["hidden"][lesson] = drive(user, env, d, ceiling, root)
