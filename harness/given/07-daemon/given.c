/* harness/given/07-daemon/given.c -- the functions lesson 07 hands over
 * from earlier lessons: proc_init (lesson 01), proc_join (lesson 04), proc_terminate (lesson 05).
 *
 * They are the kit's, not the student's: compiled once per kit against the
 * kit's copy of the lesson's header and linked into the lesson's checker by
 * harness/build-checker, so that the exercise file holds only the lesson's
 * own work and never shows an earlier lesson's answer.  A handout ships
 * the compiled object (harness/given/NN-name.o), not this file. */
#include "daemon.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* proc_init: lesson 01's, with the daemon flag cleared. */
void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->ended = 0;
    p->exitcode = 0;
    p->daemon = 0;
}

/* proc_join: lesson 04's. */
#include "../common/proc_join.c"

/* proc_terminate: lesson 05's. */
int proc_terminate(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    return kill(p->pid, SIGTERM);
}
