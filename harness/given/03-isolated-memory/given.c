/* harness/given/03-isolated-memory/given.c -- the functions lesson 03 hands over
 * from earlier lessons: proc_init (lesson 01), proc_start (lesson 01), proc_join (lesson 04).
 *
 * They are the kit's, not the student's: compiled once per kit against the
 * kit's copy of the lesson's header and linked into the lesson's checker by
 * harness/build-checker, so that the exercise file holds only the lesson's
 * own work and never shows an earlier lesson's answer.  A handout ships
 * the compiled object (harness/given/NN-name.o), not this file. */
#include "memory.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* proc_init: lesson 01's. */
#include "../common/proc_init.c"

/* proc_start: lesson 01's. */
#include "../common/proc_start.c"

/* proc_join: lesson 04's. */
int proc_join(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    int status;
    pid_t r;
    while ((r = waitpid(p->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        return -1;
    p->exitcode = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    p->ended = 1;
    return 0;
}
