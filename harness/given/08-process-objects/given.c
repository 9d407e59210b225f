/* harness/given/08-process-objects/given.c -- the functions lesson 08 hands over
 * from earlier lessons: proc_init (lesson 01), proc_join (lesson 04), proc_exitcode (lesson 04).
 *
 * They are the kit's, not the student's: compiled once per kit against the
 * kit's copy of the lesson's header and linked into the lesson's checker by
 * harness/build-checker, so that the exercise file holds only the lesson's
 * own work and never shows an earlier lesson's answer.  A handout ships
 * the compiled object (harness/given/NN-name.o), not this file. */
#include "objects.h"
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* proc_init: lesson 01's. */
void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->cls = NULL;
    p->ended = 0;
    p->exitcode = 0;
}

/* proc_join: lesson 04's. */
#include "../common/proc_join.c"

/* proc_exitcode: lesson 04's. */
#include "../common/proc_exitcode.c"
