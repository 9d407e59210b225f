"""Build and check one submission in its own scratch copy.

The submission's lesson folders are copied into a fresh scratch folder; the
Makefile keys its build folder by the work folder's absolute path, so no
two submissions share a file.  When the grader runs as root, everything the
student's code touches runs as a uid of its own (leased for the submission
from FORKLAB_GRADER_UID up) with a cap on its processes, and inside the
outer wall (wall.py: bubblewrap) when the machine has one.

Order matters: the kit's checkers and the instructor's hidden checks are
all compiled before any student code runs; the hidden ones are then sealed
(root-owned, execute-only, sources deleted) with descriptor-relative calls
that never follow a link.  Root never follows a path inside a folder the
student's uid owns.  Each lesson runs in a wall of its own, and every
process of the uid is killed before the next lesson starts.  After the
graded runs, the first failing check of each failing lesson is built and
run once more, traced, in the same walls (timelines.py): a drawing for the
report, never a score."""
import contextlib
import fcntl
import os
import pwd
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import threading

from . import kit, limits, model, submission, timelines, wall

UID_BASE = int(os.environ.get("FORKLAB_GRADER_UID", "64200"))
CHECKS_AT_ONCE = limits.CHECKS_AT_ONCE
NPROC = limits.PIDS_MAX      # processes a submission may have at once
FSIZE = 64 << 20             # largest file it may write
BUILD_CEILING = 120          # seconds to compile one lesson
RUN_MARGIN = 30              # seconds a checker may take beyond its checks' ceilings
OUTPUT_CAP = 8 << 20         # bytes read from a command's stdout (and from its stderr)
MAX_RECORDS = model.MAX_RECORDS   # checks a lesson's report may hold
FIELD_CAP = model.FIELD_CAP       # characters kept of one field of a record
# Lessons that measure time (CPU parallelism): run with nothing else of the
# grader's running beside them.
TIMING_LESSONS = ("12-",)


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


class Turns:
    """Who may run now: ordinary steps share the machine; a timing-sensitive
    lesson runs alone (it waits for running steps to end, and new ones wait
    for it).  Waiting exclusives go first, so they are not starved."""

    def __init__(self):
        self._cv = threading.Condition()
        self._shared = 0
        self._alone = False
        self._waiting = 0

    @contextlib.contextmanager
    def share(self):
        """Run beside other shared steps."""
        with self._cv:
            self._cv.wait_for(lambda: not self._alone and not self._waiting)
            self._shared += 1
        try:
            yield
        finally:
            with self._cv:
                self._shared -= 1
                self._cv.notify_all()

    @contextlib.contextmanager
    def alone(self):
        """Run with no other step of the grader running."""
        with self._cv:
            self._waiting += 1
            self._cv.wait_for(lambda: not self._alone and not self._shared)
            self._waiting -= 1
            self._alone = True
        try:
            yield
        finally:
            with self._cv:
                self._alone = False
                self._cv.notify_all()


TURNS = Turns()


def timing_sensitive(lesson):
    """Whether lesson measures time and must run alone."""
    return lesson.startswith(TIMING_LESSONS)


class User:
    """Runs commands as an unprivileged uid of its own when we are root, else
    as ourselves, inside the outer wall when there is one.  The uid is
    leased with a lock file, so that concurrent graders (and parallel slots)
    never share one: sharing would let one submission's clean-up kill
    another's processes."""

    LOCKS = os.path.join(tempfile.gettempdir(), "forklab-grader-uids")

    def __init__(self, isolated=False):
        self.uid, self._lock, self.cgroup = None, None, None
        if isolated and os.geteuid() == 0:
            self._lease()
        self.walled = isolated and wall.probe(self.uid)[0] and not os.environ.get("FORKLAB_NO_BWRAP")
        self.cgroup = limits.Group(self.uid) if isolated and self.uid is not None else None

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

    def walls(self):
        """Words for the report and the gradebook: which walls this
        submission was graded in."""
        words = [wall.probe(self.uid)[1] if self.walled
                 else "no bubblewrap (" + wall.probe(self.uid)[1] + "): uid wall only"]
        words.append(f"a uid of its own, at most {NPROC} processes" if self.uid is not None
                     else "not root: student code ran as the grader's own user")
        words.append(self.cgroup.words() if self.cgroup else limits.Group.unavailable())
        return "; ".join(words)

    def release(self):
        """Kill what is left of the uid's processes and give the uid back."""
        self.kill_all()
        if self.cgroup:
            self.cgroup.remove()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def argv(self, argv, ro=(), rw=()):
        """The command line that runs argv as the student: cgroup, uid,
        rlimits, then the wall with ro / rw binds."""
        if self.walled:
            argv = wall.argv(argv, ro=list(ro), rw=list(rw))
        if self.uid is not None:
            argv = ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                    "--no-new-privs", "--", "prlimit", f"--nproc={NPROC}", f"--fsize={FSIZE}",
                    "--core=0", "--", *argv]
        if self.cgroup:
            argv = self.cgroup.enter(argv)
        return argv

    def give(self, path):
        """Give a tree the grader just made (nothing of the student's has run
        yet) to the leased uid, readable by it only.  lchown never follows
        a link, and os.walk does not descend into one."""
        if self.uid is None:
            return
        for top, dirs, files in os.walk(path):
            for name in [top] + [os.path.join(top, n) for n in dirs + files]:
                os.lchown(name, self.uid, self.uid)
        os.chmod(path, 0o700, follow_symlinks=False)

    def run(self, argv, env, timeout, ro=(), rw=(), turn=None):
        """Run argv as the student; returns (exit status or None when stopped
        at the timeout, stdout, stderr).  At most OUTPUT_CAP bytes of each
        stream are kept: more stops the command.  Whatever it started is
        killed before this returns."""
        if STOP.is_set():
            return None, b"", b"the grader was interrupted"
        with (turn or TURNS.share)():
            p = subprocess.Popen(self.argv(argv, ro, rw), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                 start_new_session=True)
            with _active_lock:
                _active.add(p.pid)
            over = threading.Event()
            boxes = [bytearray(), bytearray()]
            readers = [threading.Thread(target=_drain, args=(s, b, over, p.pid))
                       for s, b in ((p.stdout, boxes[0]), (p.stderr, boxes[1]))]
            for t in readers:
                t.start()
            try:
                status = p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                status = None
            finally:
                self._kill_group(p.pid)
                for t in readers:
                    t.join()
                p.wait()
                with _active_lock:
                    _active.discard(p.pid)
        if over.is_set():
            status = None
            boxes[1] += b"\n[the grader stopped reading after %d MB of output]" % (OUTPUT_CAP >> 20)
        return status, bytes(boxes[0]), bytes(boxes[1])

    def _kill_group(self, pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.kill_all()

    def kill_all(self):
        """Kill every process of the leased uid (kill -1 as that uid reaches
        exactly those, in every namespace below ours)."""
        if self.uid is not None:
            subprocess.run(["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}",
                            "--clear-groups", "kill", "-KILL", "-1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if self.cgroup:
            self.cgroup.kill()


def _drain(stream, box, over, pgid):
    """Read a pipe to its end, keeping at most OUTPUT_CAP bytes; on more, set
    `over` and kill the command (reading on, so it never blocks)."""
    while True:
        block = stream.read1(1 << 16)
        if not block:
            break
        room = OUTPUT_CAP - len(box)
        if len(block) > room:
            box += block[:max(0, room)]
            if not over.is_set():
                over.set()
                try:
                    os.killpg(pgid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        else:
            box += block
    stream.close()


def clean_env(home):
    """The environment student code sees: nothing of the grader's."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "TMPDIR": home,
           "LANG": "C.UTF-8", "NO_COLOR": "1"}
    for key in ("FORKLAB_TIMEOUT_SCALE", "CC"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def extra_argv(cc, cflags, lesson, srcs, student_dir, out, root=kit.ROOT):
    """The two command lines that build a lesson's hidden checks (srcs) the
    way the kit builds its own: the instructor's checks compile alone
    against the kit's copy of the lesson's header into out's folder
    (hidden-checks.o), then harness/build-checker links them with the
    student's objects after the same integrity rules as `make check`
    (contract header, symbol policy).  Returns [(argv, extra env)].  Every
    path is absolute, so no name reads as an option."""
    d = os.path.dirname(out)
    obj = os.path.join(d, "hidden-checks.o")
    compile_checks = [cc, *cflags, f"-I{os.path.join(root, 'harness', 'lessons', lesson)}",
                      f"-I{os.path.join(root, 'harness')}", f'-DFL_LESSON="{lesson}"', "-c",
                      "-o", obj, *srcs]
    work = os.path.dirname(os.path.abspath(student_dir))
    link = [os.path.join(root, "harness", "build-checker"), "plain", lesson, work, "submission",
            d]
    return [(compile_checks, {}), (link, {"CHECKS_O": obj, "CC": cc})]


def hidden_sources(extra_dir, lesson):
    """The instructor's files for a lesson: [(name, bytes)] of its .c and .h."""
    d = os.path.join(extra_dir, lesson)
    out = []
    for f in sorted(os.listdir(d)):
        if f.endswith((".c", ".h")) and os.path.isfile(os.path.join(d, f)):
            with open(os.path.join(d, f), "rb") as fh:
                out.append((f, fh.read()))
    return out


def compile_declarations(lesson, extra_dir, stub_dir, out_dir, cflags):
    """Build the hidden checks on the kit's stub (the instructor's own code,
    nothing of a student's) to read their declarations: (check path or
    None, compiler messages)."""
    os.makedirs(out_dir, exist_ok=True)
    srcs = []
    for name, data in hidden_sources(extra_dir, lesson):
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
        srcs += [os.path.join(out_dir, name)] if name.endswith(".c") else []
    exe = os.path.join(out_dir, "check")
    log = ""
    for argv, more in extra_argv(os.environ.get("CC", "cc"), cflags, lesson, srcs, stub_dir, exe):
        r = subprocess.run(argv, capture_output=True, timeout=BUILD_CEILING,
                           env=dict(os.environ, **more))
        log += (r.stdout + r.stderr).decode("utf-8", "replace")
        if r.returncode != 0:
            break
    if os.path.exists(os.path.join(out_dir, "build.log")):
        log += open(os.path.join(out_dir, "build.log"), encoding="utf-8", errors="replace").read()
    return (exe if os.path.exists(exe) else None), log


def _seal(path, keep=True):
    """Make a hidden-check folder the student's uid wrote (its compiler ran
    there; none of the student's code has run yet) root's: the folder and
    `check` root-owned and execute-only, everything else deleted.  Every
    call is relative to a descriptor opened with O_NOFOLLOW: a link planted
    there is never followed.  Returns True when a sound `check` is left."""
    dfd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        os.fchown(dfd, 0, 0) if os.geteuid() == 0 else None
        os.fchmod(dfd, 0o711)
        ok = False
        for name in os.listdir(dfd):
            st = os.stat(name, dir_fd=dfd, follow_symlinks=False)
            if keep and name in ("check", "list") and stat.S_ISREG(st.st_mode) \
                    and st.st_nlink == 1:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=dfd)
                try:
                    if os.geteuid() == 0:
                        os.fchown(fd, 0, 0)
                    os.fchmod(fd, 0o711)
                    ok = ok or name == "check"
                finally:
                    os.close(fd)
            elif stat.S_ISDIR(st.st_mode):
                _remove_tree_at(dfd, name)
            else:
                os.unlink(name, dir_fd=dfd)
        return ok
    finally:
        os.close(dfd)


def _remove_tree_at(dfd, name):
    """Remove dfd/name without following links (shutil.rmtree with a dir_fd)."""
    shutil.rmtree(name, dir_fd=dfd)


def drive(user, env, lesson_dir, ceiling, root=kit.ROOT, ro=(), turn=None):
    """Run the driver on one lesson build folder; returns its record, a
    model.DriverLesson (status ran / build-failed / missing / crashed, log,
    checks, sandbox), bounded: at most MAX_RECORDS checks, FIELD_CAP
    characters a field.  Never raises on what the driver printed."""
    lesson = os.path.basename(lesson_dir)
    return drive_all(user, env, [lesson_dir], ceiling, root, ro, turn)[lesson]


def drive_all(user, env, lesson_dirs, ceiling, root=kit.ROOT, ro=(), turn=None):
    """Run the driver once over several lesson build folders, its checks
    side by side as `make check` runs them; returns {lesson: record} as
    drive() does for one."""
    lessons = [os.path.basename(d) for d in lesson_dirs]
    status, out, err = user.run([kit.driver(root), "--format", "json", "--work", "submission",
                                 "-j", str(CHECKS_AT_ONCE), *lesson_dirs], env, ceiling, ro=ro,
                                turn=turn)
    if status is None:
        why = err.decode("utf-8", "replace")[-300:] if b"stopped reading" in err else ""
        said = (f"the grader stopped this lesson's checks after {ceiling:g} s" if not why
                else "the grader stopped this lesson's checks: they printed too much" + why)
        return {l: model.DriverLesson.crashed(l, said) for l in lessons}
    # The report comes from checkers linked with the student's code: the
    # model reads it, and whatever it cannot read is a crashed lesson.
    return model.DriverLesson.all_from_driver_output(out.decode("utf-8", "replace"), lessons,
                                                     err.decode("utf-8", "replace"))


def check(sid, path, ctx):
    """Build and check one submission (sid, at path) for the class run ctx.
    Returns a model.Checked: lessons (the driver's record per lesson, a
    model.DriverLesson), hidden (the same for hidden checks), submitted
    (lesson names found), notes, rejected (why, or None), walls (which
    walls were enforced), sources ({relative path: text} for the
    integrity scan), timelines ({lesson: model.Timeline} for the HTML
    reports)."""
    result = model.Checked()
    user = User(isolated=True)
    result.walls = user.walls()
    scratch = tempfile.mkdtemp(prefix="forklab-grade-", dir=ctx.scratch)
    os.chmod(scratch, 0o711)   # the uid must reach work/ to bind it; it cannot list
    work = os.path.join(scratch, "work")
    build_top = os.path.join(ctx.kit_root, "build", "work" + os.path.abspath(work))
    try:
        submission.refuse_link(path)
        root = path
        if os.path.isfile(path):
            raw = os.path.join(scratch, "raw")
            os.mkdir(raw, 0o700)
            submission.unpack(path, raw)
            root = raw
        os.mkdir(work)
        found = submission.lesson_root(root, set(ctx.all_lessons))
        if found:
            copied, notes = submission.copy_lessons(found, ctx.lessons, work)
            result.submitted, result.notes = copied, notes
        if root != path:
            shutil.rmtree(root)
        result.sources = submission.sources(work, result.submitted)
        if not result.submitted:
            return result
        _build_and_run(user, scratch, work, build_top, result, ctx)
        _scrub_paths(result, work + "/")
        return result
    except submission.Rejected as e:
        result.rejected = str(e)
        return result
    finally:
        user.release()
        # rmtree works through descriptors and never follows a link.
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(build_top, ignore_errors=True)


def _scrub_paths(result, prefix):
    """Show the student's files as 01-processes/x.c, not by their scratch path."""
    for records in (result.lessons, result.hidden):
        for lesson, rec in records.items():
            records[lesson] = rec.scrubbed(prefix)


def _build_and_run(user, scratch, work, build_top, result, ctx):
    root = ctx.kit_root
    env = clean_env("/tmp" if user.walled else scratch)
    os.makedirs(build_top, exist_ok=True)
    user.give(work)
    user.give(build_top)
    # 1. Every compile, before any of the student's code runs.
    # -o: the kit was built before grading began; student code's user must
    # never be asked to rebuild it (and could not write it).
    done = [a for path in kit.built_kit(root) for a in ("-o", os.path.relpath(path, root))]
    status, so, se = user.run(["make", "--no-print-directory", "-C", root, *done, "checkers",
                               f"WORK={work}", "LESSON=" + " ".join(result.submitted)], env,
                              BUILD_CEILING * len(result.submitted), ro=[root, work],
                              rw=[build_top])
    if status != 0:
        # Student compile errors never fail `make checkers` (they land in
        # build.log); this is the grader's trouble, not the student's.
        why = "stopped after a ceiling" if status is None else f"exited {status}"
        log = f"the grader could not build this lesson (make {why}):\n" + \
            (so + se).decode("utf-8", "replace")[-3000:]
        for lesson in ctx.lessons:
            result.lessons[lesson] = model.DriverLesson.crashed(lesson, log)
        return
    hidden = {}
    for lesson in result.submitted:
        if lesson in ctx.extra_lessons:
            hidden[lesson] = _compile_hidden(user, env, lesson, scratch, work, ctx)
    user.kill_all()
    for lesson, (d, log, built) in hidden.items():
        if not _seal(d, keep=built):
            result.hidden[lesson] = model.DriverLesson(lesson, "build-failed", log)
    # 2. The checks, one lesson at a time (its checks side by side, as `make
    # check` runs them); nothing a lesson started outlives it, and no
    # lesson's mistakes (a fork bomb, busy loops) can cost another its
    # points.  The build is read-only throughout: no check can rewrite a
    # checker.
    ro = [root, work, build_top]
    for lesson in result.submitted:
        ceiling = sum(d["timeout"] for d in ctx.decls[lesson]) * ctx.timeout_scale + RUN_MARGIN
        turn = TURNS.alone if timing_sensitive(lesson) else None
        result.lessons[lesson] = drive(user, env, kit.build_dir(work, lesson, root), ceiling,
                                          root, ro=ro, turn=turn)
        user.kill_all()
        said = result.lessons[lesson].sandbox
        if said and "checks' sandbox" not in result.walls:
            # The uid differs per submission; the gradebook groups by the words.
            result.walls += "; checks' sandbox: " + re.sub(r"uid \d+", "its uid", said)
        if lesson in hidden and lesson not in result.hidden:
            d = hidden[lesson][0]
            # The hidden checks' own list says what they declare.
            result.hidden[lesson] = drive(user, dict(env, FORKLAB_DECLARED=os.path.join(d, "list")),
                                             d, ceiling, root, ro=ro + [d], turn=turn)
            user.kill_all()
    # 3. The timelines: the first failing check of each failing lesson, run
    # once more, traced, in the same walls (timelines.py says why after).
    if ctx.timelines:
        for lesson in result.submitted:
            decl = timelines.first_failing(result.lessons.get(lesson), ctx.decls[lesson])
            if decl is not None:
                turn = TURNS.alone if timing_sensitive(lesson) else None
                result.timelines[lesson] = timelines.trace(
                    user, env, lesson, decl, (root, work, scratch), ctx.timeout_scale, turn)


def _compile_hidden(user, env, lesson, scratch, work, ctx):
    """Compile a lesson's hidden checks against the student's code, as the
    student's uid (the compiler reads the student's headers), into
    scratch/hidden/LESSON.  Returns (folder, compiler messages); the folder
    is sealed by _seal before any student code runs."""
    d = os.path.join(scratch, "hidden", lesson)
    os.makedirs(d, mode=0o700)
    os.chmod(os.path.dirname(d), 0o711)
    srcs = []
    for name, data in ctx.hidden_sources[lesson]:
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        srcs += [os.path.join(d, name)] if name.endswith(".c") else []
    user.give(d)
    steps = extra_argv(os.environ.get("CC", "cc"), ctx.cflags, lesson, srcs,
                       os.path.join(work, lesson), os.path.join(d, "check"), ctx.kit_root)
    log, status = "", 0
    for argv, more in steps:
        status, out, err = user.run(argv, dict(env, **more), BUILD_CEILING,
                                    ro=[ctx.kit_root, work], rw=[d])
        # The log is the instructor's only: it may quote the hidden sources.
        log += (out + err).decode("utf-8", "replace")
        if status is None:
            log += f"\nthe compiler was stopped after {BUILD_CEILING} s"
        if status != 0:
            break
    build_log = os.path.join(d, "build.log")
    if os.path.exists(build_log):
        with open(build_log, encoding="utf-8", errors="replace") as f:
            log += f.read()
    return d, log, status == 0 and os.path.exists(os.path.join(d, "check"))
