"""The outer wall around everything a submission runs (its build, its
checks, the hidden checks built against it).

With bubblewrap (`bwrap`), each command runs in namespaces of its own,
started by the submission's uid (so bwrap holds no privilege): no network,
its own PID namespace (the grader's processes and /proc are invisible, and
everything the command started dies with it), fresh bounded tmpfs for /tmp,
/var/tmp, /dev/shm and /run/lock, the system read-only, the kit read-only,
and of the submission only the folders a step needs.  SUBMISSIONS, OUT,
solutions/, tests/, grading/ and the other scratch folders are simply not
there.  The kit's own per-check sandbox still makes its user and PID
namespaces inside (bwrap leaves the uid unprivileged, so the nesting the
kernel allows for unprivileged users applies).

Without a working bwrap the grader falls back to the uid wall alone (a uid
per submission, RLIMIT_NPROC, a private scratch folder) and says so in
every report and in the gradebook."""
import functools
import os
import shutil
import subprocess

TMPFS_BYTES = 256 << 20      # each of /tmp, /var/tmp, /dev/shm
LOCK_BYTES = 1 << 20         # /run/lock


@functools.lru_cache(maxsize=None)
def probe(uid=None):
    """(True, words) when bwrap can wall a command run as uid (None: as
    ourselves) on this machine, else (False, why)."""
    exe = shutil.which("bwrap")
    if not exe:
        return False, "bwrap is not installed (Debian package bubblewrap)"
    pre = [] if uid is None else ["setpriv", f"--reuid={uid}", f"--regid={uid}",
                                  "--clear-groups", "--no-new-privs", "--"]
    try:
        r = subprocess.run(pre + argv(["true"], ro=[], rw=[]), capture_output=True, text=True,
                           timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"bwrap does not start: {e}"
    if r.returncode != 0:
        return False, "bwrap refuses to run here: " + (r.stderr.strip() or f"exit {r.returncode}")
    return True, "bubblewrap (no network, own PID namespace, kit read-only, own scratch only)"


def _system():
    """Read-only binds of the system: programs, libraries, /etc (nothing in
    it is readable by an unprivileged uid that matters), /sys."""
    out = ["--ro-bind", "/usr", "/usr"]
    for top in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = "/" + top
        if os.path.islink(path):
            out += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            out += ["--ro-bind", path, path]
    out += ["--ro-bind", "/etc", "/etc", "--ro-bind-try", "/sys", "/sys"]
    return out


def argv(command, ro, rw, chdir=None):
    """bwrap's command line around `command`: ro and rw are the paths to
    bind (each at its own path) read-only and read-write, after the fresh
    /tmp, so they may lie under it.  The caller runs it as the submission's
    uid."""
    out = ["bwrap", "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc",
           "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
           *_system(), "--proc", "/proc", "--dev", "/dev"]
    for path, size in (("/tmp", TMPFS_BYTES), ("/var/tmp", TMPFS_BYTES),
                       ("/dev/shm", TMPFS_BYTES), ("/run/lock", LOCK_BYTES)):
        out += ["--perms", "1777", "--size", str(size), "--tmpfs", path]
    for path in ro:
        out += ["--ro-bind", path, path]
    for path in rw:
        out += ["--bind", path, path]
    if chdir:
        out += ["--chdir", chdir]
    return out + ["--", *command]
