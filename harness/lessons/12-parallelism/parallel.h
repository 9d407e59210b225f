/* parallel.h -- lesson 12: concurrency and parallelism.
 *
 * Two ways to run the same n tasks, each in a process of its own:
 *     for each task: start it, wait for it          (one after another)
 *     start every task; then wait for every task     (all at once)
 * The C version of the notes' contrast between tasks that take turns and
 * tasks that truly run at the same time on several CPUs.
 * Read lessons/12-parallelism/README.md before you start. */
#ifndef PARALLEL_H
#define PARALLEL_H

#include <limits.h>
#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child was reaped: pid is no longer ours */
    int exitcode;     /* valid once ended: n & 0xff, or -N if killed by
                       * signal N (see proc_exitcode) */
};

/* What run_sequential and run_parallel leave in codes[i] for a child that
 * was never started or could not be joined. */
#define RUN_NO_EXITCODE INT_MIN

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
 * started, or not reaped yet: Python's None).
 * (given, from lesson 04) */
int proc_exitcode(const struct proc *p, int *code);

/* run_sequential: run task(args[i]) for i = 0, 1, ... n-1, each in a child
 * process of its own, ONE AT A TIME: child i+1 is started only after child
 * i has ended and been reaped.  args may be NULL: every task then gets NULL.
 * On return codes[i] holds child i's exit code (as proc_exitcode gives it:
 * -N for a child killed by signal N), and no child is left, not even a
 * zombie.
 *
 * Returns 0.  Errors: -1 with errno set: EINVAL if n < 1, or task or codes
 * is NULL (nothing is started); fork's errno if a start fails (the children
 * before it ran and were reaped; codes[] of the rest is RUN_NO_EXITCODE). */
int run_sequential(int n, proc_task task, void *const args[], int codes[]);

/* run_parallel: the same n tasks, ALL AT ONCE: start every child first,
 * then join them all, so their lifetimes overlap and, with enough CPUs,
 * they run in parallel.  codes[i] is child i's exit code, whatever order the
 * children end in.  On return no child is left, not even a zombie.
 *
 * Returns 0.  Errors: -1 with errno set: EINVAL if n < 1, or task or codes
 * is NULL (nothing is started); ENOMEM; fork's errno if a start fails (the
 * children already started are still joined; codes[] of the children never
 * started is RUN_NO_EXITCODE). */
int run_parallel(int n, proc_task task, void *const args[], int codes[]);

#endif
