/* A racy lesson 01 submission for the race shaker: proc_start "tidies up"
 * by reaping its child at once if it has already ended (WNOHANG), and then
 * reports failure.  Without delays the child has almost never ended by
 * then, so it passes; with the shaker's delays around fork and waitpid it
 * fails, and fails again with the same seed. */
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
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int code = p->task(p->arg);
        fflush(NULL);
        _exit(code & 0xff);
    }
    if (waitpid(pid, NULL, WNOHANG) == pid) {   /* the race */
        errno = ECHILD;
        return -1;
    }
    p->pid = pid;
    return 0;
}
