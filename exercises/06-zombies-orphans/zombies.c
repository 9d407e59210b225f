/* zombies.c -- lesson 06.  Your work goes here.
 *
 * proc_init and proc_start are given (lesson 01).  Fill in the rest;
 * `make check LESSON=06` tells you what works.
 * lessons/06-zombies-orphans/README.md explains zombies, SIGCHLD and orphans. */
#include "zombies.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

/* ---- this lesson ---- */

int proc_state(pid_t pid)
{
    /* TODO: read /proc/PID/stat; the state is the first field after the
     * LAST ')'.  No such file: -1 with errno ESRCH. */
    (void)pid;
    errno = ENOSYS;
    return -1;
}

int reaper_install(void)
{
    /* TODO: sigaction(SIGCHLD) with a handler that loops
     * waitpid(-1, &status, WNOHANG) and records each child it reaps. */
    errno = ENOSYS;
    return -1;
}

int reaper_count(void)
{
    /* TODO */
    return -1;
}

int reaper_status(pid_t pid, int *status)
{
    /* TODO */
    (void)pid;
    (void)status;
    errno = ENOSYS;
    return -1;
}

int reaper_uninstall(void)
{
    /* TODO: SIGCHLD back to SIG_DFL. */
    errno = ENOSYS;
    return -1;
}

int reaper_discard(void)
{
    /* TODO: SIGCHLD to SIG_IGN. */
    errno = ENOSYS;
    return -1;
}

int proc_start_orphan(struct proc *p)
{
    /* TODO: fork a middle child that forks the task's process and exits;
     * learn the task's pid through a pipe; reap the middle child. */
    (void)p;
    errno = ENOSYS;
    return -1;
}
