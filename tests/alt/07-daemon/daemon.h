/* daemon.h -- lesson 07: daemon children and the main process's end.
 *
 * The C version of Python's
 *     p = multiprocessing.Process(target=task, daemon=True)   # or p.daemon = True
 *     p.start()
 *     ...            # at exit, multiprocessing's atexit handler terminates
 *                    # the daemon children and joins all the others
 * Read lessons/07-daemon/README.md before you start. */
#ifndef DAEMON_H
#define DAEMON_H

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
                       * signal N (lesson 04's proc_exitcode) */
    int daemon;       /* 1: a daemon child (see proc_set_daemon); 0 by default */
};

/* How many started, not yet joined children one process keeps track of
 * (a fixed table keeps the lesson short; a real one would grow). */
#define PROC_MAX_CHILDREN 16

/* proc_init: prepare p to run task(arg) in a new process; not a daemon.
 * Starts nothing.  (given, from lesson 01) */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_join: wait until the child has ended and reap it; records its exit
 * code in p->exitcode and sets p->ended.  Joining again returns 0 at once.
 * Errors: -1 with errno: EINVAL if p was never started; waitpid's errno.
 * (given, from lesson 04) */
int proc_join(struct proc *p);

/* proc_terminate: send SIGTERM to the child; does nothing (returns 0) once
 * it was reaped (p->ended).  Errors: -1 with errno: EINVAL if p was never
 * started; kill's errno.  (given, from lesson 05) */
int proc_terminate(struct proc *p);

/* ---- this lesson ---- */

/* proc_set_daemon: mark p as a daemon child (daemon != 0) or not (0).
 * Only before start: the flag decides how the child is started.
 * Returns 0.  Errors: -1 with errno: EINVAL if p is NULL; EBUSY if p was
 * already started (the flag is left as it was). */
int proc_set_daemon(struct proc *p, int daemon);

/* proc_start: fork a child that runs p->task(p->arg) and ends with
 * _exit(<its return value>); returns 0 at once with p->pid set, as in
 * lesson 01.  In addition:
 * - The calling process keeps a pointer to p, for proc_main_exit: p must
 *   stay valid until proc_main_exit has run (joined or not).
 * - The child starts with no children of its own to keep track of: the
 *   caller's list is not the child's.
 * - A daemon child dies when its parent dies, even by SIGKILL: it asks the
 *   kernel for SIGKILL on its parent's death (PR_SET_PDEATHSIG), then checks
 *   that the parent did not die before that request took effect.
 *   A non-daemon child outlives its parent.
 * Errors: -1 with errno: EINVAL if p is NULL, has no task or was already
 * started; EPERM if the calling process is itself a daemon child (daemons
 * may not have children); EAGAIN if PROC_MAX_CHILDREN children are started
 * and not joined; fork's errno. */
int proc_start(struct proc *p);

/* How long proc_main_exit lets daemon children take to end after their
 * SIGTERM before it kills them with SIGKILL, in milliseconds. */
#define PROC_GRACE_MS 1000

/* proc_main_exit: what the main process does just before it ends (Python's
 * multiprocessing does steps 1 and 3 in an atexit handler):
 *   1. send SIGTERM to every daemon child it started that was not reaped;
 *   2. wait until those daemons have ended, but at most PROC_GRACE_MS
 *      counted from that SIGTERM: a daemon still there then gets SIGKILL.
 *      (A daemon that ignores or blocks SIGTERM hangs Python's exit for
 *      ever; this one does not.)  Other children ending meanwhile do not
 *      restart the clock; when every daemon has ended, it goes on at once;
 *   3. join every child it started that was not joined, daemon or not, so a
 *      non-daemon child always finishes its work (no time limit for those).
 * While it waits it is blocked (no polling loop that wakes up to look).
 * Afterwards this process keeps track of no child.
 * Returns how many daemon children it had to kill with SIGKILL in step 2
 * (0 when every daemon ended on SIGTERM).  Errors: -1 with the errno of the
 * first join that failed (it still joins the others). */
int proc_main_exit(void);

#endif
