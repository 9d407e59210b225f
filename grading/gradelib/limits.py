"""A total memory and process cap per submission, with cgroups v2 where the
machine offers them (memory and pids controllers in /sys/fs/cgroup, and we
are root).  Elsewhere the caps are what rlimits give: RLIMIT_NPROC on the
submission's own uid (a true total, as the uid is the submission's alone),
the kit's per-check memory limits, and bounded tmpfs in the wall."""
import os
import signal

CGROUP = "/sys/fs/cgroup"
MEMORY_MAX = 2 << 30         # bytes for everything one submission runs at once
CHECKS_AT_ONCE = 8           # a submission's checks run side by side (the driver's -j)
# Processes a submission may have at once: each check's sandbox holds at
# most its own 128 (the kernel counts a sandbox's user namespace alone),
# so checks side by side never take each other's room; and the driver,
# its checkers and the walls on top.
PIDS_MAX = CHECKS_AT_ONCE * 136 + 128


def _offered():
    """Why cgroups v2 cannot be used here, or None when they can."""
    try:
        with open(os.path.join(CGROUP, "cgroup.controllers")) as f:
            have = f.read().split()
    except OSError:
        return "no cgroups v2 hierarchy at /sys/fs/cgroup (cgroups v1 or none)"
    missing = [c for c in ("memory", "pids") if c not in have]
    if missing:
        return "cgroups v2 without the " + " and ".join(missing) + " controller"
    if os.geteuid() != 0:
        return "cgroups v2 need root"
    return None


class Group:
    """One submission's cgroup (forklab-grade/UID under the root of the
    hierarchy), or nothing when cgroups v2 are not offered."""

    def __init__(self, uid):
        self.path = None
        if _offered():
            return
        try:
            parent = os.path.join(CGROUP, "forklab-grade")
            os.makedirs(parent, exist_ok=True)
            with open(os.path.join(CGROUP, "cgroup.subtree_control"), "w") as f:
                f.write("+memory +pids")
            with open(os.path.join(parent, "cgroup.subtree_control"), "w") as f:
                f.write("+memory +pids")
            path = os.path.join(parent, str(uid))
            os.makedirs(path, exist_ok=True)
            for name, value in (("memory.max", MEMORY_MAX), ("memory.swap.max", 0),
                                ("pids.max", PIDS_MAX)):
                try:
                    with open(os.path.join(path, name), "w") as f:
                        f.write(str(value))
                except FileNotFoundError:
                    if name != "memory.swap.max":
                        raise
            self.path = path
        except OSError:
            self.path = None

    @staticmethod
    def unavailable():
        """Words for the report when no cgroup caps the submission."""
        return f"no total memory cap ({_offered() or 'cgroup setup failed'})"

    def words(self):
        """Words for the report: what this group enforces."""
        if not self.path:
            return self.unavailable()
        return f"cgroup v2: memory.max {MEMORY_MAX >> 20} MB, pids.max {PIDS_MAX} in total"

    def enter(self, argv):
        """argv run inside the group: a fixed sh script moves itself in,
        then execs argv (passed as arguments, never parsed by the shell)."""
        if not self.path:
            return argv
        return ["sh", "-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', self.path, *argv]

    def kill(self):
        """Kill everything in the group."""
        if not self.path:
            return
        try:
            with open(os.path.join(self.path, "cgroup.kill"), "w") as f:
                f.write("1")
        except OSError:
            try:
                with open(os.path.join(self.path, "cgroup.procs")) as f:
                    for pid in f.read().split():
                        try:
                            os.kill(int(pid), signal.SIGKILL)
                        except ProcessLookupError:
                            pass
            except OSError:
                pass

    def remove(self):
        """Remove the (empty) group."""
        if self.path:
            self.kill()
            try:
                os.rmdir(self.path)
            except OSError:
                pass
