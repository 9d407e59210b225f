/* hostile.h -- lesson 01's reference proc_start with one hostile act.
 *
 * Each tests/hostile/NAME.c defines hostile_act() and includes this file as
 * its lesson 01 submission.  The act runs when proc_start is asked to start
 * a probe task with tag 2, which only the check children_overlap does (its
 * second child): that check must fail for the reason the file's header
 * names, and every other check must pass as if nothing happened.  The header says:
 *   fails:  the check id that must fail, or "none"
 *   reason: words the failure's text must contain */
#include "fl.h"
#include "processes.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void hostile_act(struct proc *p);

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
}

int proc_start(struct proc *p)
{
    /* Lesson 01 hands every task with an argument a probe's argument; only
     * children_overlap's second child has tag 2.  (Read as a layout only:
     * the symbol policy forbids naming the harness's probe task.) */
    if (p && p->arg && ((struct fl_probe_arg *)p->arg)->tag == 2)
        hostile_act(p);
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
