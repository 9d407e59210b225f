/* harness/given/12-parallelism/given.c -- the functions lesson 12 hands over
 * from earlier lessons: proc_init (lesson 01), proc_start (lesson 01), proc_join (lesson 04), proc_exitcode (lesson 04).
 *
 * They are the kit's, not the student's: compiled once per kit against the
 * kit's copy of the lesson's header and linked into the lesson's checker by
 * harness/build-checker, so that the exercise file holds only the lesson's
 * own work and never shows an earlier lesson's answer.  A handout ships
 * the compiled object (harness/given/NN-name.o), not this file. */
#include "parallel.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* 12-parallelism/parallel.c: GIVENHEAD */

/* proc_init: lesson 01's. */
void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->ended = 0;
    p->exitcode = 0;
}

/* proc_start: lesson 01's. */
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

/* proc_join: lesson 04's. */
int proc_join(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    int st;
    while (waitpid(p->pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    p->exitcode = WIFSIGNALED(st) ? -WTERMSIG(st) : WEXITSTATUS(st);
    p->ended = 1;
    return 0;
}

/* proc_exitcode: lesson 04's. */
int proc_exitcode(const struct proc *p, int *code)
{
    if (!p || !p->ended)
        return 0;
    *code = p->exitcode;
    return 1;
}
