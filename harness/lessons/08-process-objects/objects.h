/* objects.h -- lesson 08: a process object whose run() you choose.
 *
 * The C version of Python's
 *     class Counter(multiprocessing.Process):
 *         def run(self): ...
 *     Counter().start()
 * A "class" is a table holding a run function; an object is a struct proc,
 * or a bigger struct whose FIRST member is a struct proc (a "subclass").
 * Read lessons/08-process-objects/README.md before you start. */
#ifndef OBJECTS_H
#define OBJECTS_H

#include <sys/types.h>

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

struct proc;

/* The class of a process object: what its child runs.  One constant table
 * is shared by every object of the class. */
struct proc_class {
    const char *name;                 /* for people: "counter" */
    int (*run)(struct proc *self);    /* Python's run(self); its return
                                       * value is the child's exit status */
};

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid;
                       * kept after the child was joined */
    proc_task task;   /* the base class's run calls task(arg) */
    void *arg;
    const struct proc_class *cls;     /* NULL: the base class */
    int ended;        /* 1 once joined: pid is no longer ours */
    int exitcode;     /* valid once ended: n & 0xff, or -N if killed by
                       * signal N (see proc_exitcode) */
};

/* proc_init: prepare p, of the base class, to run task(arg) in a new
 * process.  Starts nothing.  (given, from lesson 01) */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_init_object: prepare p as an object of class cls: its child will run
 * cls->run(p).  p may be the first member of a larger struct; run receives
 * that same address and may cast it back.  Touches only the struct proc
 * (the caller sets its own fields, before or after).  Starts nothing;
 * p->pid is 0, p->task and p->arg NULL.
 *
 * Returns 0.  Errors: -1 with errno = EINVAL if p or cls is NULL or
 * cls->run is NULL. */
int proc_init_object(struct proc *p, const struct proc_class *cls);

/* proc_run: run p's work in the calling process: cls->run(p) for an object
 * with a class, task(arg) for the base class.  proc_start calls it in the
 * child; calling it yourself runs the work here, without a new process (as
 * Python's p.run() does).  Returns what the work returns.
 * Errors: -1 with errno = EINVAL if p is NULL or has nothing to run (no
 * class and no task, or a class whose run is NULL). */
int proc_run(struct proc *p);

/* proc_start: create a child that runs proc_run(p) -- on the child's own
 * copy of the object -- and ends with _exit(<its return value>).  Returns 0
 * at once in the caller with p->pid set.
 *
 * A process object starts at most once: a second proc_start fails, while
 * the child runs and after it was joined alike, and makes no child.
 * Errors: -1 with errno: EINVAL if p is NULL, has nothing to run (no class
 * and no task, or a class whose run is NULL) or was started before; fork's
 * errno (EAGAIN).  A start that failed started nothing: p->pid stays 0 and
 * the object may be started again. */
int proc_start(struct proc *p);

/* proc_join: wait until the child has ended and reap it; records its exit
 * code in p->exitcode and sets p->ended.  Joining again returns 0 at once.
 * Errors: -1 with errno: EINVAL if p was never started; waitpid's errno.
 * (given, from lesson 04) */
int proc_join(struct proc *p);

/* proc_exitcode: Python's p.exitcode.  Returns 1 and sets *code once the
 * child was joined: n for a child that ended with n (0..255), -N for a
 * child killed by signal N.  Returns 0 while there is no code yet (never
 * started, or not joined yet: Python's None).  (given, from lesson 04) */
int proc_exitcode(const struct proc *p, int *code);

#endif
