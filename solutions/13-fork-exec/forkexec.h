/* forkexec.h -- lesson 13: start a child that runs another program (fork, then
 * exec): the "spawn" way of starting a process.
 *
 * The C version of Python's
 *     multiprocessing.set_start_method("spawn")   and   subprocess.Popen
 * (fork alone is the "fork" start method; "forkserver" forks from a helper
 * that was itself started this way).  Named forkexec.h, not spawn.h, so
 * that the system's <spawn.h> (posix_spawn) stays reachable.
 * Read lessons/13-fork-exec/README.md before you start. */
#ifndef FORKEXEC_H
#define FORKEXEC_H

#include <sys/types.h>

/* A task runs in a forked child (unused by proc_spawn, kept so that struct
 * proc is the one of the other lessons). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_spawn succeeds, then the child's pid */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child has been reaped */
    int exitcode;     /* valid when ended: n & 0xFF, or -N for signal N */
};

/* proc_init (given, from lesson 01): prepare p; p->pid is 0 after it. */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_join (given, from lesson 04): wait for the child, reap it, record
 * its exit code; 0, or -1/errno (EINVAL if never started). */
int proc_join(struct proc *p);

/* proc_exitcode (given, from lesson 04): 1 and *code once joined (n & 0xFF,
 * or -N for signal N); 0 before that. */
int proc_exitcode(const struct proc *p, int *code);

/* proc_spawn: start a child process that runs the program at `path` with
 * arguments argv (argv[0] first, NULL-terminated) and environment envp
 * (NULL-terminated; NULL means the caller's own environment).
 *
 * - The child keeps its pid across exec: p->pid is the pid of the process
 *   that runs the new program, a child of the caller.
 * - Returns only once the outcome is known: 0 when the child is already
 *   running the new program (exec succeeded), -1 when exec failed.
 * - The child never returns into the caller's code and never runs the
 *   caller's atexit handlers, even when exec fails.
 * - The new program inherits no file descriptor that proc_spawn opened
 *   for itself.
 * Returns 0 with p->pid set.
 * Errors: -1 with errno: EINVAL if p is NULL or already started, or path or
 * argv is NULL; exec's errno (ENOENT, EACCES, ENOEXEC...) if the program
 * could not be started -- the failed child has then been reaped and p->pid
 * stays 0; pipe's or fork's errno.  A call that fails leaves no child,
 * zombie or descriptor behind, and p can be used again. */
int proc_spawn(struct proc *p, const char *path, char *const argv[], char *const envp[]);

#endif
