/* join.c -- lesson 04, reference solution. */
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

/* Turn a wait status into Python's exit code: the low 8 bits of exit(n),
 * or minus the signal's number. */
static int decode_status(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return -WTERMSIG(status);   /* without WUNTRACED: exited or signalled */
}

/* Reap the child with waitpid(flags); 1 when it was reaped, 0 when
 * WNOHANG found it still running, -1 on error. */
static int reap(struct proc *p, int flags)
{
    int status;
    pid_t r;
    while ((r = waitpid(p->pid, &status, flags)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        return -1;
    if (r == 0)
        return 0;
    p->exitcode = decode_status(status);
    p->ended = 1;
    return 1;
}

int proc_join(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;   /* waitpid(0) would wait for *any* child */
        return -1;
    }
    if (p->ended)
        return 0;         /* the pid is no longer ours to wait for */
    return reap(p, 0) < 0 ? -1 : 0;
}

/* Milliseconds from now until `deadline` (monotonic seconds), rounded up
 * so that a wait of that long reaches the deadline; 0 once it has passed. */
static int ms_until(double deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double left = (deadline - ((double)now.tv_sec + (double)now.tv_nsec / 1e9)) * 1000;
    if (left <= 0)
        return 0;
    if (left > 86400000)
        return 86400000;  /* a day per poll; the loop goes on after it */
    int ms = (int)left;   /* truncates... */
    if ((double)ms < left)
        ms++;             /* ...so round up by hand: at least the time asked */
    return ms;
}

int proc_join_timeout(struct proc *p, double seconds)
{
    if (!p || p->pid <= 0 || seconds < 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    /* The deadline is fixed once: a signal or another child's end wakes us
     * early, and we go back to waiting for what is left, never the whole
     * timeout again. */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double deadline = (double)t0.tv_sec + (double)t0.tv_nsec / 1e9 + seconds;
    /* A pidfd becomes readable when the process ends: poll gives us the
     * timeout for free, with no sleeping loop. */
    int fd = (int)syscall(SYS_pidfd_open, p->pid, 0);
    if (fd >= 0) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        int r;
        do
            r = poll(&pfd, 1, ms_until(deadline));
        while ((r < 0 && errno == EINTR) || (r == 0 && ms_until(deadline) > 0));
        close(fd);
        if (r < 0)
            return -1;
    } else {
        /* No pidfds (Linux < 5.3, valgrind): look, nap 1 ms, look again. */
        struct timespec nap = {0, 1000000};
        while (reap(p, WNOHANG) == 0 && ms_until(deadline) > 0)
            nanosleep(&nap, NULL);
    }
    int r = p->ended ? 1 : reap(p, WNOHANG);
    return r < 0 ? -1 : r == 1 ? 0 : 1;
}

int proc_exitcode(const struct proc *p, int *code)
{
    if (!p || !p->ended)
        return 0;
    *code = p->exitcode;
    return 1;
}
