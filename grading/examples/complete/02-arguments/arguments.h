/* arguments.h -- lesson 02: hand a task its arguments, give a process a name.
 *
 * The C version of Python's
 *     p = multiprocessing.Process(target=task, args=(...), kwargs={...},
 *                                 name="dancer")
 *     p.start()
 * Read lessons/02-arguments/README.md before you start. */
#ifndef ARGUMENTS_H
#define ARGUMENTS_H

#include <stddef.h>
#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

/* The most argument bytes a proc carries (see proc_init_args). */
#define PROC_ARG_MAX 256
/* The longest name a proc keeps, with its terminating '\0'.  The kernel
 * keeps fewer: 15 bytes (see proc_child_setup). */
#define PROC_NAME_MAX 64

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid */
    proc_task task;
    void *arg;        /* what the task receives */
    char name[PROC_NAME_MAX];   /* "" until named or started */
    unsigned char argbuf[PROC_ARG_MAX];   /* proc_init_args's private copy */
};

/* proc_init: prepare p to run task(arg) in a new process; arg is passed as
 * is (a pointer, or NULL).  Starts nothing; p->pid is 0 and p->name "".
 * (given, from lesson 01) */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_init_args: prepare p to run task on a private copy of the `size`
 * bytes at `arg` -- an int, a string with its '\0', a struct of named
 * fields.  The copy is taken now, inside p: what the caller does to its own
 * variable afterwards (changes it, lets it go out of scope) does not reach
 * the task.  The task receives a pointer to the copy.  p must not be moved
 * (copied to another address) after this call.  Starts nothing; p->pid is
 * 0 and p->name "".
 *
 * Returns 0.  Errors: -1 with errno set, p left unchanged: EINVAL if p or
 * task is NULL, or arg is NULL while size > 0; E2BIG if size is more than
 * PROC_ARG_MAX (exactly PROC_ARG_MAX bytes fit). */
int proc_init_args(struct proc *p, proc_task task, const void *arg, size_t size);

/* proc_set_name: name p before it starts.  p keeps the whole name (up to
 * PROC_NAME_MAX - 1 bytes); the kernel will show its first 15 bytes.
 *
 * Returns 0.  Errors: -1 with errno set, p unchanged: EINVAL if p or name
 * is NULL, name is "", or p was already started; ENAMETOOLONG if name has
 * PROC_NAME_MAX bytes or more. */
int proc_set_name(struct proc *p, const char *name);

/* proc_name_default: called by proc_start in the caller, before fork.
 * Every start in this process takes the next number, 1, 2, 3...; a proc
 * with no name gets "Process-<its number>" in p->name.  A named proc keeps
 * its name but still uses up its number (as in Python).  The count is a
 * process's own: a child's starts never count in its parent.  In a child,
 * the count may carry on from the parent's at the fork (the child of start
 * 2 names its first start "Process-3": what a copied counter does), start
 * again ("Process-1"), or follow CPython ("Process-2:1").  CPython numbers
 * at construction; the kit at start.
 *
 * Returns 0.  Errors: -1 with errno = EINVAL if p is NULL. */
int proc_name_default(struct proc *p);

/* proc_child_setup: called by proc_start in the new child, before the task.
 * Makes the child look and behave like a process of its own:
 *   - its name, as the kernel shows it (/proc/PID/comm, `ps`), becomes
 *     p->name, cut to its first 15 bytes;
 *   - its standard input is /dev/null, so reading it gives end-of-file at
 *     once instead of waiting for a terminal (file descriptor 0 stays
 *     open).
 * Touches nothing in the caller.
 *
 * Returns 0.  Errors: -1 with errno set (the child then ends with 127). */
int proc_child_setup(struct proc *p);

/* proc_start: create a child that runs proc_child_setup(p), then
 * p->task(p->arg), and ends with _exit(<the task's return value>).  Names p
 * first (proc_name_default).  Returns 0 at once in the caller with p->pid
 * set.  Errors: -1 with errno set: EINVAL if p is NULL, has no task or was
 * already started; proc_name_default's or fork's errno.
 * (given, from lesson 01, with the two calls above added) */
int proc_start(struct proc *p);

#endif
