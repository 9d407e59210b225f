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
    /* TODO: 1 while the child runs; 0 once it ended -- reaping it without
     * blocking if nobody did yet, and never asking about a reaped pid. */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int proc_terminate(struct proc *p)
{
    /* TODO: SIGTERM to the child, unless it was never started (EINVAL) or
     * already reaped (send nothing, return 0). */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int proc_kill(struct proc *p)
{
    /* TODO: as proc_terminate, with SIGKILL. */
    (void)p;
    errno = ENOSYS;
    return -1;
}
