/* terminate.h -- lesson 05: end a child early, ask whether it is alive.
 *
 * The C version of Python's
 *     p.terminate()     p.kill()     p.is_alive()     p.exitcode
 * Read lessons/05-terminate/README.md before you start. */
#ifndef TERMINATE_H
#define TERMINATE_H

#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid;
                       * kept after the child is reaped, for messages only */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child was reaped: pid may now name
                       * another process, so it must not be signalled */
    int exitcode;     /* valid once ended: n & 0xff, or -N if killed by
                       * signal N (see proc_exitcode) */
};

/* proc_init: prepare p to run task(arg) in a new process.  Starts nothing.
 * (given, from lesson 01) */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start: fork a child that runs task(arg) and ends with
 * _exit(<its return value>); returns 0 at once with p->pid set.  Errors: -1
 * with errno: EINVAL if p is NULL, has no task or was started; fork's errno.
 * (given, from lesson 01) */
int proc_start(struct proc *p);

/* proc_join: wait until the child has ended and reap it; records its exit
 * code in p->exitcode and sets p->ended.  Joining again returns 0 at once.
 * Errors: -1 with errno: EINVAL if p was never started; waitpid's errno.
 * (given, from lesson 04) */
int proc_join(struct proc *p);

/* proc_exitcode: Python's p.exitcode.  Returns 1 and sets *code once the
 * child was reaped: n for a child that ended with n (0..255), -N for a
 * child killed by signal N.  Returns 0 while there is no code yet (never
 * started, or not reaped yet).  Python's p.exitcode is None while the
 * child runs; CPython asks the kernel with a wait that does not block each
 * time it is read, so it has a value as soon as the child has ended, join
 * or not.  This one asks nobody: the code is there once proc_join or
 * proc_is_alive has reaped the child.
 * (given, from lesson 04) */
int proc_exitcode(const struct proc *p, int *code);

/* proc_is_alive: whether the child still runs.
 *
 * Returns 1 while the child runs (or is stopped).  Returns 0 once it has
 * ended: if it was not reaped yet, reaps it now without blocking
 * (waitpid WNOHANG), recording p->exitcode and p->ended exactly as
 * proc_join would, so no zombie stays behind.  After the child was reaped,
 * returns 0 without asking the kernel about p->pid: that number may belong
 * to another process by now.  Never blocks.
 * Errors: -1 with errno: EINVAL if p is NULL or was never started;
 * waitpid's errno otherwise (ECHILD when some other wait in the program
 * reaped the child behind p's back; p->ended then stays 0). */
int proc_is_alive(struct proc *p);

/* proc_terminate: ask the child to end: send it SIGTERM.  After a join its
 * exit code is -15 (unless the task handles SIGTERM).
 *
 * Returns 0 as soon as the signal is sent, without waiting for the child
 * to end.  Right after it the child is usually still alive -- the kernel
 * acts on the signal when the child next runs, and a child that blocks or
 * handles SIGTERM may go on for long -- so proc_is_alive may still return
 * 1: proc_join is the way to know it has ended.  A child that was already reaped is gone: nothing is sent to
 * anyone (p->pid may name another process now), and the call returns 0.
 * Errors: -1 with errno: EINVAL if p is NULL or was never started (p->pid
 * 0 must never reach kill(): kill(0, sig) signals the whole process
 * group); kill's errno otherwise (ESRCH when some other wait in the
 * program reaped the child behind p's back). */
int proc_terminate(struct proc *p);

/* proc_kill: end the child: send it SIGKILL, which cannot be handled,
 * blocked or ignored.  Exit code -9 after a join.  Same returns (it does
 * not wait either), same no-op on a reaped child and same errors as
 * proc_terminate. */
int proc_kill(struct proc *p);

#endif
