/* terminate.c -- lesson 05, reference solution. */
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
    /* Once reaped, the pid is free for the kernel to hand out again: asking
     * about it would ask about a stranger. */
    if (p->ended)
        return 0;
    /* kill(pid, 0) would succeed on a zombie; only wait can tell "ended",
     * and reaping now keeps the zombie from lingering. */
    int st;
    pid_t r;
    while ((r = waitpid(p->pid, &st, WNOHANG)) < 0)
        if (errno != EINTR)
            return -1;
    if (r == 0)
        return 1;
    p->exitcode = WIFSIGNALED(st) ? -WTERMSIG(st) : WEXITSTATUS(st);
    p->ended = 1;
    return 0;
}

/* Signal p's child unless it was reaped: a reaped child's pid may have been
 * given to an unrelated process. */
static int signal_child(struct proc *p, int sig)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    return kill(p->pid, sig);
}

int proc_terminate(struct proc *p)
{
    return signal_child(p, SIGTERM);
}

int proc_kill(struct proc *p)
{
    return signal_child(p, SIGKILL);
}
