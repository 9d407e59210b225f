/* proc.c -- what the kernel says about processes: /proc, waitid, pidfds. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Read /proc/PID/stat and return the text after the command name: the comm
 * field may hold spaces and parentheses, so parse after the last ')'. */
static int read_stat_tail(pid_t pid, char *buf, size_t size, char **tail)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char *close_paren = strrchr(buf, ')');
    if (!close_paren || close_paren[1] != ' ')
        return -1;
    *tail = close_paren + 2;
    return 0;
}

char fl_proc_state(pid_t pid)
{
    char buf[1024], *tail;
    if (pid <= 0 || read_stat_tail(pid, buf, sizeof buf, &tail) < 0)
        return 0;
    return tail[0];
}

pid_t fl_proc_ppid(pid_t pid)
{
    char buf[1024], *tail;
    if (pid <= 0 || read_stat_tail(pid, buf, sizeof buf, &tail) < 0)
        return -1;
    return (pid_t)strtol(tail + 2, NULL, 10);
}

void fl_proc_comm(pid_t pid, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0) {
        snprintf(buf, size, "?");
        return;
    }
    buf[n] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
}

int fl_proc_sigpending(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    int saved = errno;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    errno = saved;
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    const char *keys[] = {"\nSigPnd:", "\nShdPnd:"};
    unsigned long long mask = 0;
    for (int i = 0; i < 2; i++) {
        char *p = strstr(buf, keys[i]);
        if (p)
            mask |= strtoull(p + strlen(keys[i]), NULL, 16);
    }
    for (int sig = 1; sig <= 64; sig++)
        if (mask & (1ULL << (sig - 1)))
            return sig;
    return 0;
}

long fl_proc_hwm_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = 0;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmHWM:", 6))
            kb = strtol(line + 6, NULL, 10);
    fclose(f);
    return kb;
}

/* Every (pid, ppid) pair on the machine; /proc has no per-process list of
 * children on every kernel, so the parent links are read from each stat. */
static int snapshot(pid_t *pids, pid_t *ppids, int max)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || pid <= 0)
            continue;
        pid_t ppid = fl_proc_ppid((pid_t)pid);
        if (ppid < 0)
            continue;
        pids[n] = (pid_t)pid;
        ppids[n] = ppid;
        n++;
    }
    closedir(d);
    return n;
}

#define SNAP_MAX 32768

int fl_proc_children(pid_t ppid, pid_t *out, int max)
{
    static pid_t pids[SNAP_MAX], ppids[SNAP_MAX];
    int n = snapshot(pids, ppids, SNAP_MAX), k = 0;
    for (int i = 0; i < n && k < max; i++)
        if (ppids[i] == ppid && !fl_is_harness_child(pids[i]))
            out[k++] = pids[i];
    return k;
}

int fl_proc_tree(pid_t root, pid_t *out, int max)
{
    static pid_t pids[SNAP_MAX], ppids[SNAP_MAX];
    int n = snapshot(pids, ppids, SNAP_MAX), k = 0;
    /* Breadth first from root: out[] doubles as the queue. */
    for (int head = -1; head < k; head++) {
        pid_t parent = head < 0 ? root : out[head];
        for (int i = 0; i < n && k < max; i++)
            if (ppids[i] == parent)
                out[k++] = pids[i];
    }
    return k;
}

int fl_is_unreaped_child(pid_t pid, int *status)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (status)
        *status = -1;
    if (pid <= 0)
        return 0;
    if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
        return 0;
    if (si.si_pid == pid && status) {
        if (si.si_code == CLD_EXITED)
            *status = W_EXITCODE(si.si_status, 0);
        else
            *status = si.si_status & 0x7f;   /* killed: a plain signal status */
    }
    return 1;
}

int fl_reap(pid_t pid, const char *what)
{
    int st;
    fl_guard();
    for (;;) {
        pid_t r = waitpid(pid, &st, 0);
        if (r == pid)
            return st;
        if (r < 0 && errno == EINTR)
            continue;
        if (errno == ECHILD && fl_proc_state(pid) == 0)
            fl_fail("the caller to be the one that waits for its child",
                    "%s %d had already been waited for when the caller came to wait for it: "
                    "the code under test reaped it (wait/waitpid) where it should not",
                    fl_tr(what), (int)pid);
        fl_fail("a child of the caller to wait for",
                "%s %d is not a child of the caller %d (%s)", fl_tr(what), (int)pid, (int)getpid(),
                strerror(errno));
    }
}

int fl_pidfd_open(pid_t pid)
{
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int fl_pidfd_wait(int fd, pid_t pid, int timeout_ms)
{
    if (fd >= 0) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r;
        while ((r = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR)
            ;
        return r > 0;
    }
    /* No pidfds (valgrind 3.19 does not know the call): watch /proc
     * instead.  It spins, so it is only the fallback. */
    double end = fl_now() + timeout_ms / 1000.0;
    for (;;) {
        char st = fl_proc_state(pid);
        if (st == 0 || st == 'Z' || st == 'X')
            return 1;
        if (timeout_ms >= 0 && fl_now() > end)
            return 0;
        sched_yield();
    }
}

void fl_await_exit(pid_t pid)
{
    fl_guard();
    int fd = fl_pidfd_open(pid);
    if (fd < 0 && errno == ESRCH)
        return;
    fl_pidfd_wait(fd, pid, -1);
    if (fd >= 0)
        close(fd);
}

double fl_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

const char *fl_status_str(int status)
{
    static char buf[64];
    if (status < 0)
        snprintf(buf, sizeof buf, "%s", fl_tr("not ended"));
    else if (WIFEXITED(status))
        snprintf(buf, sizeof buf, fl_tr("exited with %d"), WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, sizeof buf, fl_tr("killed by SIG%s (%d)"),
                 sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status)) : "?",
                 WTERMSIG(status));
    else
        snprintf(buf, sizeof buf, fl_tr("status 0x%x"), status);
    return buf;
}

/* ---- blocked means no progress ---- */

/* One sample of a process: every thread's state, and the sum over its
 * threads of run time and context switches.  Returns the number of threads
 * (0: none, or a zombie), and whether each sleeps in *asleep. */
struct progress {
    unsigned long long ran_ns, switches;
};

static unsigned long long read_number_after(const char *path, const char *key)
{
    char buf[4096];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    if (!key)
        return strtoull(buf, NULL, 10);
    char *p = strstr(buf, key);
    return p ? strtoull(p + strlen(key), NULL, 10) : 0;
}

static int sample(pid_t pid, struct progress *pg, int *asleep)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/proc/%d/task", (int)pid);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    *asleep = 1;
    memset(pg, 0, sizeof *pg);
    struct dirent *e;
    while ((e = readdir(d))) {
        char *end;
        long tid = strtol(e->d_name, &end, 10);
        if (*end || tid <= 0)
            continue;
        char path[96], buf[1024], *tail;
        snprintf(path, sizeof path, "/proc/%d/task/%ld/stat", (int)pid, tid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        ssize_t k = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
        if (fd >= 0)
            close(fd);
        if (k <= 0)
            continue;
        buf[k] = '\0';
        tail = strrchr(buf, ')');
        if (!tail || !tail[1] || !tail[2])
            continue;
        char st = tail[2];
        if (st == 'Z' || st == 'X')
            continue;
        n++;
        if (st != 'S' && st != 'D')
            *asleep = 0;
        /* schedstat: ns on the CPU; status: every switch in or out. */
        snprintf(path, sizeof path, "/proc/%d/task/%ld/schedstat", (int)pid, tid);
        pg->ran_ns += read_number_after(path, NULL);
        snprintf(path, sizeof path, "/proc/%d/task/%ld/status", (int)pid, tid);
        pg->switches += read_number_after(path, "\nvoluntary_ctxt_switches:");
        pg->switches += read_number_after(path, "\nnonvoluntary_ctxt_switches:");
        /* utime + stime too, where schedstat is missing. */
        unsigned long ut = 0, stime = 0;
        if (sscanf(tail + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut,
                   &stime) == 2)
            pg->ran_ns += (unsigned long long)(ut + stime) * 10000000ull;
    }
    closedir(d);
    return n;
}

int fl_proc_blocked(pid_t pid, double window_s)
{
    struct progress a, b;
    int asleep_a, asleep_b;
    if (window_s <= 0)
        window_s = 0.1;
    if (sample(pid, &a, &asleep_a) == 0)
        return -1;
    if (!asleep_a)
        return 0;
    /* A measuring window, not a synchronisation: the question is whether
     * anything happens in it. */
    struct timespec t = {(time_t)window_s, (long)((window_s - (double)(time_t)window_s) * 1e9)};
    while (nanosleep(&t, &t) < 0 && errno == EINTR)
        ;
    if (sample(pid, &b, &asleep_b) == 0)
        return -1;
    return asleep_b && a.ran_ns == b.ran_ns && a.switches == b.switches;
}

int fl_await_blocked(pid_t pid, double window_s, double ceiling_s)
{
    double end = fl_now() + fl_scaled(ceiling_s);
    for (;;) {
        int r = fl_proc_blocked(pid, window_s);
        if (r != 0)
            return r;
        if (fl_now() > end)
            return 0;
        /* Not asleep yet: look again soon, without burning the CPU it
         * may need to get there. */
        struct timespec t = {0, 2000000};
        nanosleep(&t, NULL);
    }
}
