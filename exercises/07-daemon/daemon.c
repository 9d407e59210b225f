/* daemon.c -- lesson 07.  Your work goes here.
 *
 * proc_init, proc_join and proc_terminate are given.  Write
 * proc_set_daemon, proc_start (start from your lesson 01 version) and
 * proc_main_exit.  `make check LESSON=07` tells you what works.
 * lessons/07-daemon/README.md explains daemon children and PR_SET_PDEATHSIG. */
#include "daemon.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- this lesson ---- */

int proc_set_daemon(struct proc *p, int daemon)
{
    /* TODO: refuse (EBUSY) once p was started; otherwise set p->daemon. */
    (void)p;
    (void)daemon;
    errno = ENOSYS;
    return -1;
}

int proc_start(struct proc *p)
{
    /* TODO: lesson 01's proc_start, plus: refuse in a daemon child (EPERM);
     * remember p for proc_main_exit; in the child, forget the parent's
     * children, and for a daemon ask for PR_SET_PDEATHSIG, then re-check
     * getppid(). */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int proc_main_exit(void)
{
    /* TODO: SIGTERM every daemon child not reaped, then join every child. */
    errno = ENOSYS;
    return -1;
}
