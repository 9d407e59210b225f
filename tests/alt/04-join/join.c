/* join.c -- lesson 04, a second complete solution: every wait is a poll
 * on a pidfd (pidfd_open), which becomes readable when the child ends; a
 * waitpid(WNOHANG) then reaps it.  proc_join polls with no time limit. */
#include "join.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- given, from lesson 01 ---- */

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->ended = 0;
    p->exitcode = 0;
}

int proc_start(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int code = p->task(p->arg);
        fflush(NULL);
        _exit(code & 0xff);
    }
    p->pid = pid;
    return 0;
}

/* ---- lesson 04 ---- */

static int decode_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return -WTERMSIG(status);   /* without WUNTRACED: exited or signalled */
}

/* Reap p's child if it has ended: 1 reaped, 0 still running, -1 error. */
static int reap_if_ended(struct proc *p)
{
    int status;
    pid_t r = waitpid(p->pid, &status, WNOHANG);
    if (r < 0)
        return -1;
    if (r == 0)
        return 0;
    p->exitcode = decode_status(status);
    p->ended = 1;
    return 1;
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Wait on a pidfd until the child ends or `deadline_ns` passes (< 0: no
 * limit); EINTR and early wake-ups go back to waiting for what is left.
 * Returns 1 ended, 0 time up, -1 error. */
static int wait_pidfd(pid_t pid, long long deadline_ns)
{
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0)
        return -1;
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int r;
    for (;;) {
        int ms = -1;
        if (deadline_ns >= 0) {
            long long left = deadline_ns - now_ns();
            if (left < 0)
                left = 0;
            /* whole milliseconds, rounded up with integers */
            long long lms = (left + 999999) / 1000000;
            ms = lms > 1000000 ? 1000000 : (int)lms;
        }
        r = poll(&pfd, 1, ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0 && deadline_ns >= 0 && now_ns() < deadline_ns)
            continue;
        break;
    }
    int e = errno;
    close(fd);
    errno = e;
    return r < 0 ? -1 : r > 0;
}

int proc_join(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    if (wait_pidfd(p->pid, -1) < 0)
        return -1;
    return reap_if_ended(p) == 1 ? 0 : -1;
}

int proc_join_timeout(struct proc *p, double seconds)
{
    if (!p || p->pid <= 0 || seconds < 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    long long deadline = now_ns() + (long long)(seconds * 1e9);
    if (seconds > 0 && wait_pidfd(p->pid, deadline) < 0)
        return -1;
    int r = reap_if_ended(p);
    return r < 0 ? -1 : r == 1 ? 0 : 1;
}

int proc_exitcode(const struct proc *p, int *code)
{
    if (!p || !p->ended)
        return 0;
    *code = p->exitcode;
    return 1;
}
