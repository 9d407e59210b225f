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
        if (ppids[i] == ppid)
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
                    what, (int)pid);
        fl_fail("a child of the caller to wait for",
                "%s %d is not a child of the caller %d (%s)", what, (int)pid, (int)getpid(),
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
        snprintf(buf, sizeof buf, "not ended");
    else if (WIFEXITED(status))
        snprintf(buf, sizeof buf, "exited with %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, sizeof buf, "killed by SIG%s (%d)",
                 sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status)) : "?",
                 WTERMSIG(status));
    else
        snprintf(buf, sizeof buf, "status 0x%x", status);
    return buf;
}
