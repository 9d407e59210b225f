/* terminate.c -- lesson 05.  Your work goes here.
 *
 * Fill in proc_is_alive, proc_terminate and proc_kill.
 * `make check LESSON=05` tells you what works.
 * lessons/05-terminate/README.md explains signals, liveness and pid reuse. */
#include "terminate.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int proc_is_alive(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;        /* reaped: p->pid may belong to someone else now */
    int st;
    pid_t r;
    while ((r = waitpid(p->pid, &st, WNOHANG)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        return -1;
    if (r == 0)
        return 1;
    p->exitcode = WIFSIGNALED(st) ? -WTERMSIG(st) : WEXITSTATUS(st);
    p->ended = 1;
    return 0;
}

int proc_terminate(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    if (kill(p->pid, SIGTERM) < 0)
        return -1;
    return 0;
}

int proc_kill(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended) {
        errno = ESRCH;          /* no such process any more */
        return -1;
    }
    if (kill(p->pid, SIGKILL) < 0)
        return -1;
    return 0;
}
