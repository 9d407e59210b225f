/* zombies.h -- lesson 06: zombies, reaping with SIGCHLD, orphans.
 *
 * Python's multiprocessing reaps its children for you (join, is_alive, and
 * a sweep each time a new Process starts).  In C nobody does unless you do:
 * this lesson makes a zombie on purpose, reads its state from /proc, reaps
 * children from a SIGCHLD handler, and starts a task as an orphan.
 * Read lessons/06-zombies-orphans/README.md before you start. */
#ifndef ZOMBIES_H
#define ZOMBIES_H

#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until started, then the pid the task runs in */
    proc_task task;
    void *arg;
};

/* ---- given, from lesson 01 ---- */

/* proc_init: prepare p to run task(arg) in a new process; p->pid is 0. */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start: fork a child that runs p->task(p->arg) and ends with
 * _exit(<its return value>).  Returns 0 with p->pid set, without waiting.
 * Errors: -1 with errno EINVAL (NULL, no task, already started) or fork's. */
int proc_start(struct proc *p);

/* ---- this lesson ---- */

/* proc_state: the state letter of process `pid` as the kernel reports it in
 * /proc/PID/stat: 'R' running, 'S' sleeping, 'D' disk wait, 'T' stopped,
 * 'Z' zombie (exited, not yet waited for), ...
 * The second field of that file is the command name in parentheses, and a
 * name may itself hold spaces and ')': the state is the first field after
 * the LAST ')'.
 * Returns the letter (a positive int).  Errors: -1 with errno ESRCH when
 * there is no such process (never existed, or exited and was reaped). */
int proc_state(pid_t pid);

/* reaper_install: reap every child of this process from a SIGCHLD handler,
 * recording each one's pid and wait status.  Resets the record (count 0).
 * - One SIGCHLD may stand for many exits (signals do not queue): each time
 *   it runs, the handler reaps until no exited child is left.
 * - It never blocks: children still running stay running.
 * - It leaves errno as it found it.
 * - Slow calls it interrupts are restarted (SA_RESTART).
 * Returns 0.  Errors: -1 with errno from sigaction. */
int reaper_install(void);

/* reaper_count: how many children the handler has reaped since
 * reaper_install. */
int reaper_count(void);

/* reaper_status: the wait status the handler recorded for child `pid`
 * (decode it with WIFEXITED/WEXITSTATUS).  Returns 0 and stores it in
 * *status.  Errors: -1 with errno ECHILD when the handler has not reaped
 * such a child (yet), EINVAL when status is NULL.  The first
 * REAPER_RECORDS children reaped are recorded; later ones are only counted. */
#define REAPER_RECORDS 64
int reaper_status(pid_t pid, int *status);

/* reaper_uninstall: give SIGCHLD back its default action (SIG_DFL), so
 * exited children wait as zombies again.  Returns 0, or -1 with errno. */
int reaper_uninstall(void);

/* reaper_discard: ignore SIGCHLD (SIG_IGN): the kernel then removes each
 * child as soon as it exits, so no zombie is ever left, and its exit status
 * is lost: waitpid finds no child and fails with ECHILD.
 * Returns 0, or -1 with errno. */
int reaper_discard(void);

/* proc_start_orphan: run p->task(p->arg) in a process whose parent is gone:
 * fork a middle child, which forks the task's process and exits at once.
 * The task's process is then an orphan: the kernel gives it a new parent
 * (the nearest "subreaper" ancestor, or init), and its getppid() changes.
 * - Returns only after the middle child has exited and been waited for, so
 *   the caller is left with no child, running or zombie.
 * - Sets p->pid to the pid of the process that runs the task (not the
 *   middle one's) and returns 0.
 * - The task's process has no descriptor open that the caller does not
 *   have: whatever carried its pid back is closed in it.  The task's process is not the caller's
 *   child: the caller cannot (and need not) wait for it.
 * Errors: -1 with errno EINVAL (NULL, no task, already started), or the
 * errno of pipe/fork when the kernel refused. */
int proc_start_orphan(struct proc *p);

#endif
