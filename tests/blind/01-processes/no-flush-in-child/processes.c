/* processes.c -- lesson 01. */
#include "processes.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
}

int proc_start(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    fflush(NULL);              /* the child must not inherit pending output */
    pid_t pid = fork();
    if (pid < 0)
        return -1;             /* errno from fork */
    if (pid == 0) {
        int code = p->task(p->arg);
        _exit(code & 0xff);
    }
    p->pid = pid;
    return 0;
}
