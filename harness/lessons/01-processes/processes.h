/* processes.h -- lesson 01: run a task in a new process.
 *
 * The C version of Python's
 *     p = multiprocessing.Process(target=task, args=(arg,))
 *     p.start()
 * Read lessons/01-processes/README.md before you start. */
#ifndef PROCESSES_H
#define PROCESSES_H

#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive: 256 becomes 0). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid */
    proc_task task;
    void *arg;
};

/* proc_init: prepare p to run task(arg) in a new process.  Starts nothing.
 * After it, p->pid is 0. */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start: create a child process that runs p->task(p->arg) and then
 * ends at once with _exit(<the task's return value>).
 *
 * - The caller returns right away, while the task may still be running:
 *   proc_start never waits for the task.
 * - On success sets p->pid to the child's pid and returns 0.
 * - Output the caller had buffered (printf without a newline on a pipe)
 *   must appear once, not twice; output the task printed must not be lost.
 * - The child never returns from proc_start: it must not run the caller's
 *   code after the task, nor the caller's atexit handlers.
 *
 * Errors: returns -1 with errno set: EINVAL if p is NULL, has no task or was
 * already started; fork's errno (EAGAIN, ENOMEM) if the kernel refused. */
int proc_start(struct proc *p);

#endif
