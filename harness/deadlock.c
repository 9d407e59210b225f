/* deadlock.c -- the checker notices when no process of a check can ever
 * make progress again, and says who waits for whom.
 *
 * A check that deadlocks would otherwise wait for its whole ceiling.  Every
 * tick of the checker's watch (sandbox.c) looks at the processes below the
 * sandbox's init, from the outside, in /proc:
 *   - a process that runs (R), sleeps uninterruptibly (D: I/O completes on
 *     its own) or is stopped (T, t: ptrace and job control are the check's
 *     business) may still make progress: no verdict;
 *   - a process in S whose system call has a timeout (poll, ppoll, select,
 *     epoll_wait, a futex wait with a timeout, nanosleep, sigtimedwait) or
 *     which armed an alarm (the gate in inject.c notes alarm, setitimer and
 *     timer_settime) will wake up by itself: no verdict;
 *   - otherwise it waits for an event only another process can cause; so
 *     does the caller in a timed wait that the check marked as a mere
 *     ceiling (fl_ceiling_begin).
 * When every process is of the last kind and their context switches stay
 * the same for a settle window, none of them can cause anything: the check
 * is deadlocked.  Nothing else of the machine can help them: the checker
 * sends nothing, and the sandbox shuts out the rest.
 *
 * The description names each process (role, pid), what it waits in (read
 * on which pipe, which child, a futex, a signal), and for a pipe who still
 * holds its other end: "nobody else" is the usual bug (a write end left
 * open in the reader itself). */
#include "internal.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_SET 128

struct waiter {
    pid_t pid, ppid, inner;   /* inner: the pid inside the sandbox's namespace */
    long nr;                   /* system call number, -1 when not in one */
    unsigned long arg[6];
    unsigned long long switches;
};

static int read_text(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return (int)n;
}

/* Context switches of `pid` so far, and its pid as its own namespace
 * numbers it (NSpid's last field: what the gate recorded). */
static unsigned long long switches_of(pid_t pid, pid_t *inner)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    *inner = pid;
    if (read_text(path, buf, sizeof buf) < 0)
        return 0;
    char *ns = strstr(buf, "\nNSpid:");
    if (ns) {
        char *end = strchr(ns + 1, '\n');
        for (char *q = ns + 7; q && (!end || q < end);) {
            char *next;
            long v = strtol(q, &next, 10);
            if (next == q)
                break;
            *inner = (pid_t)v;
            q = next;
        }
    }
    unsigned long long n = 0;
    const char *keys[] = {"\nvoluntary_ctxt_switches:", "\nnonvoluntary_ctxt_switches:"};
    for (int i = 0; i < 2; i++) {
        char *p = strstr(buf, keys[i]);
        if (p)
            n += strtoull(p + strlen(keys[i]), NULL, 10);
    }
    return n;
}

/* Whether the call `w` is in ends by itself after a while. */
static int timed(const struct waiter *w)
{
    switch (w->nr) {
    case SYS_poll:
        return (int)w->arg[2] >= 0;
    case SYS_ppoll:
    case SYS_select:
    case SYS_pselect6:
        return w->arg[w->nr == SYS_ppoll ? 2 : 4] != 0;
    case SYS_epoll_wait:
    case SYS_epoll_pwait:
        return (int)w->arg[3] >= 0;
    case SYS_nanosleep:
    case SYS_clock_nanosleep:
        return 1;
    case SYS_rt_sigtimedwait:
        return w->arg[2] != 0;
    case SYS_futex: {
        int op = (int)w->arg[1] & 0x7f;   /* less FUTEX_PRIVATE_FLAG, CLOCK_REALTIME */
        if (op == 0 || op == 9)            /* FUTEX_WAIT, FUTEX_WAIT_BITSET */
            return w->arg[3] != 0;
        return 1;                          /* other futex ops do not wait for ever */
    }
    case SYS_wait4:
    case SYS_waitid:
    case SYS_read:
    case SYS_readv:
    case SYS_write:
    case SYS_writev:
    case SYS_pause:
    case SYS_rt_sigsuspend:
    case SYS_accept:
    case SYS_accept4:
    case SYS_recvfrom:
    case SYS_recvmsg:
    case SYS_msgrcv:
    case SYS_msgsnd:
    case SYS_semop:
    case SYS_mq_timedreceive:
    case SYS_mq_timedsend:
    case SYS_flock:
        return (w->nr == SYS_mq_timedreceive || w->nr == SYS_mq_timedsend) && w->arg[4] != 0;
    default:
        return 1;   /* a call we do not know: assume it may return */
    }
}

/* A timer armed through the gate (alarm, setitimer, timer_settime) that
 * has not fired yet. */
static int alarm_pending(const struct fl_page *pg, pid_t pid, double now)
{
    for (int i = 0; i < FL_TIMERS; i++)
        if (pg->timers[i].pid == pid && pg->timers[i].until > now)
            return 1;
    return 0;
}

/* Read one process; returns 1 when it waits untimed, 0 when it may make
 * progress, -1 when it is gone or a zombie (not a waiter). */
static int look(const struct fl_page *pg, pid_t pid, struct waiter *w, double now)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    if (read_text(path, buf, sizeof buf) < 0)
        return -1;
    char *tail = strrchr(buf, ')');
    if (!tail || !tail[1] || !tail[2])
        return -1;
    char st = tail[2];
    if (st == 'Z' || st == 'X')
        return -1;
    w->pid = pid;
    w->ppid = (pid_t)strtol(tail + 4, NULL, 10);
    if (st != 'S')
        return 0;
    /* Several threads: too many ways to wake; leave it to the ceiling. */
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    int threads = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        threads += e->d_name[0] != '.';
    if (d)
        closedir(d);
    if (threads != 1)
        return 0;
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    if (read_text(path, buf, sizeof buf) < 0 || !strncmp(buf, "running", 7))
        return 0;
    w->nr = strtol(buf, &tail, 10);
    for (int i = 0; i < 6; i++)
        w->arg[i] = strtoul(tail, &tail, 16);
    w->switches = switches_of(pid, &w->inner);
    int ceiling = w->inner == __atomic_load_n(&pg->ceiling_pid, __ATOMIC_SEQ_CST);
    if (w->nr < 0 || (timed(w) && !ceiling) || alarm_pending(pg, w->inner, now))
        return 0;
    return 1;
}

/* The pipe behind descriptor `fd` of `pid`: its inode, or 0. */
static unsigned long pipe_inode(pid_t pid, int fd)
{
    char path[64], target[64];
    snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)pid, fd);
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    return strncmp(target, "pipe:[", 6) ? 0 : strtoul(target + 6, NULL, 10);
}

/* Who among `set` holds the pipe `ino` open for writing (want_write) or
 * reading; listed into buf.  Returns how many. */
static int holders(const struct waiter *set, int n, unsigned long ino, int want_write, char *buf,
                   size_t size)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        char dir[64];
        snprintf(dir, sizeof dir, "/proc/%d/fd", (int)set[i].pid);
        DIR *d = opendir(dir);
        for (struct dirent *e; d && (e = readdir(d));) {
            int fd = atoi(e->d_name);
            if (e->d_name[0] == '.' || pipe_inode(set[i].pid, fd) != ino)
                continue;
            char info[64], text[256];
            snprintf(info, sizeof info, "/proc/%d/fdinfo/%d", (int)set[i].pid, fd);
            if (read_text(info, text, sizeof text) < 0)
                continue;
            char *fl = strstr(text, "flags:");
            long flags = fl ? strtol(fl + 6, NULL, 8) : 0;
            if (((flags & O_ACCMODE) != O_RDONLY) == want_write) {
                fl_appendf(buf, size, "%s%d (fd %d)", k ? ", " : "", (int)set[i].pid, fd);
                k++;
                break;
            }
        }
        if (d)
            closedir(d);
    }
    return k;
}

/* Pids in messages are the ones the check's processes see (getpid()), like
 * every other pid a check reports. */
static const char *role(pid_t caller, const struct waiter *w, char *buf, size_t size)
{
    if (w->pid == caller)
        snprintf(buf, size, fl_tr("the caller %d"), (int)w->inner);
    else if (w->ppid == caller)
        snprintf(buf, size, fl_tr("child %d of the caller"), (int)w->inner);
    else
        snprintf(buf, size, fl_tr("process %d"), (int)w->inner);
    return buf;
}

static void describe(pid_t init, pid_t ceiling_pid, const struct waiter *set, int n, char *out,
                     size_t size)
{
    pid_t caller = 0;
    for (int i = 0; i < n; i++)
        if (set[i].ppid == init)
            caller = set[i].pid;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const struct waiter *w = &set[i];
        char who[80], comm[32];
        fl_proc_comm(w->pid, comm, sizeof comm);
        if (!strcmp(comm, "fl-decoy"))
            continue;   /* the harness's decoy always waits: not news */
        fl_appendf(out, size, "%s%s ", out[0] ? "; " : "", role(caller, w, who, sizeof who));
        switch (w->nr) {
        case SYS_read:
        case SYS_readv:
        case SYS_write:
        case SYS_writev: {
            int writing = w->nr == SYS_write || w->nr == SYS_writev;
            unsigned long ino = pipe_inode(w->pid, (int)w->arg[0]);
            int fd = (int)w->arg[0];
            if (!ino) {
                fl_appendf(out, size, writing ? fl_tr("waits to write descriptor %d")
                                              : fl_tr("waits to read descriptor %d"), fd);
                break;
            }
            char list[300] = "";
            if (holders(set, n, ino, !writing, list, sizeof list) == 0)
                fl_appendf(out, size, writing
                           ? fl_tr("waits to write to pipe:[%lu] (fd %d); its read end is held "
                                   "by nobody who could use it")
                           : fl_tr("waits to read pipe:[%lu] (fd %d); its write end is held by "
                                   "nobody who could use it"), ino, fd);
            else
                fl_appendf(out, size, writing
                           ? fl_tr("waits to write to pipe:[%lu] (fd %d); its read end is held "
                                   "only by processes that wait too: %s")
                           : fl_tr("waits to read pipe:[%lu] (fd %d); its write end is held only "
                                   "by processes that wait too: %s"), ino, fd, list);
            break;
        }
        case SYS_wait4:
        case SYS_waitid: {
            long target = w->nr == SYS_wait4 ? (long)(int)w->arg[0]
                          : w->arg[0] == 1 /* P_PID */ ? (long)(int)w->arg[1] : -1;
            if (target > 0)
                fl_appendf(out, size, fl_tr("waits for child %ld to end"), target);
            else
                fl_appendf(out, size, "%s", fl_tr("waits for any child to end"));
            break;
        }
        case SYS_futex:
            fl_appendf(out, size, fl_tr("waits on a lock or condition (futex at %#lx) that no "
                                        "running process will release or signal"), w->arg[0]);
            break;
        case SYS_poll:
        case SYS_ppoll:
        case SYS_select:
        case SYS_pselect6:
        case SYS_epoll_wait:
        case SYS_epoll_pwait:
            fl_appendf(out, size, "%s", w->inner == ceiling_pid
                       ? fl_tr("waits for the others (only the check's ceiling would end its "
                               "wait)")
                       : fl_tr("waits in poll or select for descriptors no one will make ready"));
            break;
        case SYS_pause:
        case SYS_rt_sigsuspend:
            fl_appendf(out, size, "%s", fl_tr("waits for a signal that nobody will send"));
            break;
        default:
            fl_appendf(out, size, fl_tr("waits in system call %ld"), w->nr);
        }
    }
}

int fl_deadlock_tick(struct fl_deadlock *dl, const struct fl_page *pg, pid_t init, char *why,
                     size_t size)
{
    static pid_t tree[MAX_SET];
    static struct waiter set[MAX_SET];
    int n = fl_proc_tree(init, tree, MAX_SET), k = 0;
    if (n <= 0 || n >= MAX_SET) {
        dl->since = 0;
        return 0;
    }
    double now = fl_now();
    unsigned long long total = 0;
    for (int i = 0; i < n; i++) {
        memset(&set[k], 0, sizeof set[k]);
        int r = look(pg, tree[i], &set[k], now);
        if (r == 0) {
            dl->since = 0;
            return 0;
        }
        if (r == 1)
            total += set[k++].switches;
    }
    if (k == 0) {
        dl->since = 0;
        return 0;
    }
    /* The same processes, the same switches: nothing moved since the last
     * tick. */
    if (dl->since == 0 || total != dl->switches || k != dl->count) {
        dl->since = now;
        dl->switches = total;
        dl->count = k;
        return 0;
    }
    if (now - dl->since < FL_DEADLOCK_SETTLE_S)
        return 0;
    describe(init, pg->ceiling_pid, set, k, why, size);
    return 1;
}
