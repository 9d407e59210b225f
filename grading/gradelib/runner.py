"""Build and check one submission in its own scratch copy.

The submission's lesson folders are copied into a fresh scratch folder; the
Makefile keys its build folder by the work folder's absolute path, so no
two submissions share a file.  When the grader runs as root, everything the
student's code touches runs as a uid of its own (one per parallel slot,
FORKLAB_GRADER_UID + slot) with a cap on its processes: a student's code can
neither read another's scratch folder nor signal its processes, and a fork
bomb meets RLIMIT_NPROC.  After each submission every process of that uid
is killed, so nothing outlives its grading."""
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile

from . import kit, submission

UID_BASE = int(os.environ.get("FORKLAB_GRADER_UID", "64200"))
NPROC = 256                  # processes a submission may have at once
FSIZE = 64 << 20             # largest file it may write
BUILD_CEILING = 120          # seconds to compile one lesson
RUN_MARGIN = 30              # seconds a checker may take beyond its checks' ceilings


class User:
    """Runs commands as the slot's unprivileged uid when we are root, else as
    ourselves."""

    def __init__(self, slot=None):
        self.uid = UID_BASE + slot if slot is not None and os.geteuid() == 0 else None
        if self.uid is not None:
            try:
                name = pwd.getpwuid(self.uid).pw_name
            except KeyError:
                name = None
            if name and not name.startswith("forklab"):
                raise kit.KitError(f"uid {self.uid} belongs to {name!r}; set FORKLAB_GRADER_UID "
                                   f"to a free range for the grader's users")

    def argv(self, argv):
        if self.uid is None:
            return argv
        return ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                "--no-new-privs", "--", "prlimit", f"--nproc={NPROC}", f"--fsize={FSIZE}",
                "--core=0", "--", *argv]

    def own(self, path):
        """Give path (recursively) to the slot's uid, readable by it only."""
        if self.uid is None:
            return
        for top, dirs, files in os.walk(path):
            for name in [top] + [os.path.join(top, n) for n in dirs + files]:
                os.lchown(name, self.uid, self.uid)
        os.chmod(path, 0o700)

    def run(self, argv, env, timeout, cwd=None):
        """Run argv; returns (exit status or None on timeout, stdout, stderr)."""
        p = subprocess.Popen(self.argv(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, cwd=cwd, start_new_session=True)
        try:
            out, err = p.communicate(timeout=timeout)
            return p.returncode, out, err
        except subprocess.TimeoutExpired:
            self._kill_group(p.pid)
            out, err = p.communicate()
            return None, out, err

    def _kill_group(self, pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.kill_all()

    def kill_all(self):
        """Kill every process of the slot's uid (kill -1 as that uid reaches
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


def compile_extra(user, env, cflags, lesson, extra_dir, work, out_dir):
    """Build a lesson's hidden checks (extra_dir/LESSON/*.c) against the code
    in work/LESSON, the way the Makefile builds the kit's: out_dir/check, or
    only out_dir/build.log when it does not compile."""
    os.makedirs(out_dir, exist_ok=True)
    srcs = sorted(os.path.join(extra_dir, lesson, f) for f in os.listdir(os.path.join(extra_dir, lesson))
                  if f.endswith(".c"))
    student = sorted(os.path.join(work, lesson, f) for f in os.listdir(os.path.join(work, lesson))
                     if f.endswith(".c"))
    cc = os.environ.get("CC", "cc")
    argv = [cc, *cflags, f"-I{os.path.join(work, lesson)}", f"-I{os.path.join(kit.ROOT, 'harness')}",
            f'-DFL_LESSON="{lesson}"', "-o", os.path.join(out_dir, "check"), *srcs, *student,
            kit.CORE_LIB]
    user.own(out_dir)
    status, out, err = user.run(argv, env, BUILD_CEILING)
    log = (out + err).decode("utf-8", "replace")
    if status is None:
        log += f"\nthe compiler was stopped after {BUILD_CEILING} s"
    with open(os.path.join(out_dir, "build.log"), "w", encoding="utf-8") as f:
        f.write(log)
    if status != 0 and os.path.exists(os.path.join(out_dir, "check")):
        os.unlink(os.path.join(out_dir, "check"))


def drive(user, env, lesson_dir, ceiling):
    """Run the driver on one lesson build folder; returns its lesson record
    (status ran / build-failed / missing / crashed, log, checks)."""
    status, out, err = user.run([kit.DRIVER, "--format", "json", "--work", "submission",
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


def check(sid, path, ctx, slot):
    """Build and check one submission.  Returns a dict: lessons (the
    driver's record per lesson), hidden (the same for hidden checks),
    submitted (lesson names found), notes, rejected (why, or None)."""
    result = {"lessons": {}, "hidden": {}, "submitted": [], "notes": [], "rejected": None}
    user = User(slot)
    scratch = tempfile.mkdtemp(prefix="forklab-grade-", dir=ctx.scratch)
    build_top = os.path.join(kit.ROOT, "build", "work" + os.path.abspath(scratch))
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
        user.kill_all()
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
    os.makedirs(os.path.dirname(kit.build_dir(work, "any")), exist_ok=True)
    user.own(scratch)
    user.own(build_top)
    status, so, se = user.run(["make", "--no-print-directory", "-C", kit.ROOT, "checkers",
                               f"WORK={work}", "LESSON=" + " ".join(result["submitted"])], env,
                              BUILD_CEILING * len(result["submitted"]))
    if status != 0:
        result["notes"].append("make checkers: " + (so + se).decode("utf-8", "replace")[-2000:])
    for lesson in ctx.lessons:
        ceiling = sum(d["timeout"] for d in ctx.decls[lesson]) * ctx.timeout_scale + RUN_MARGIN
        result["lessons"][lesson] = drive(user, env, kit.build_dir(work, lesson), ceiling)
        if lesson in ctx.extra_lessons and lesson in result["submitted"]:
            d = os.path.join(scratch, "extra", lesson)
            compile_extra(user, env, ctx.cflags, lesson, ctx.extra, work, d)
            result["hidden"][lesson] = drive(user, env, d, ceiling)
