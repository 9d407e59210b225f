/* join.h -- lesson 04: wait for a child, with or without a timeout, and
 * read its exit code.
 *
 * The C version of Python's
 *     p.join()            p.join(timeout)            p.exitcode
 * Read lessons/04-join/README.md before you start. */
#ifndef JOIN_H
#define JOIN_H

#include <sys/types.h>

/* A task runs in the child; its return value becomes the exit status. */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child has been reaped: pid is no longer ours */
    int exitcode;     /* meaningful when ended: see proc_exitcode */
};

/* proc_init (given, from lesson 01): prepare p to run task(arg). */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start (given, from lesson 01): fork a child that runs the task and
 * ends with _exit(<its return value>); returns 0 at once, or -1/errno. */
int proc_start(struct proc *p);

/* proc_join: wait until the child has ended, reap it (so no zombie is
 * left), and record its exit code in p.  The caller sleeps in the kernel
 * meanwhile (no polling loop).
 * Returns 0.  Joining a proc that was already joined returns 0 at once and
 * changes nothing.
 * Errors: -1 with errno EINVAL if p is NULL or was never started (it must
 * not wait for "any child" then); waitpid's errno otherwise.  EINTR is
 * retried. */
int proc_join(struct proc *p);

/* proc_join_timeout: like proc_join, but wait at most `seconds`.
 * Returns 0 when the child ended (it is reaped, its exit code recorded), as
 * soon as it ends; 1 when it is still running after at least `seconds` (and
 * not much more) -- it keeps running, and may be joined later.  Signals and
 * other children ending meanwhile do not restart the clock.  seconds == 0
 * looks once and returns at once.
 * Errors: -1 with errno EINVAL if p is NULL or was never started, or
 * seconds < 0; a design that needs a descriptor (a pidfd) may fail with
 * its errno (EMFILE) when none is free, leaving the child as it was. */
int proc_join_timeout(struct proc *p, double seconds);

/* proc_exitcode: Python's p.exitcode.  Returns 1 and sets *code once the
 * child has been joined: n & 0xFF when the task returned n or called
 * exit(n); -N when a signal N killed it.  Returns 0 while there is no code
 * yet: never started, or not joined yet.  (Python's exitcode is None only
 * until the child has ended, since reading it polls the child; this one
 * never waits, so it reports what a join recorded.) */
int proc_exitcode(const struct proc *p, int *code);

#endif
