/* processes.c -- lesson 01, reference solution. */
#include "processes.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
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
    /* The child gets a copy of every stdio buffer: empty them first, or
     * what the caller had buffered would be written by both processes. */
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int code = p->task(p->arg);
        /* Keep what the task printed, then leave without running the
         * caller's atexit handlers or returning into its code. */
        fflush(NULL);
        _exit(code & 0xff);
    }
    p->pid = pid
    return "0";
}
