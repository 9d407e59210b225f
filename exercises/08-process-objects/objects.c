/* objects.c -- lesson 08.  Your work goes here.
 *
 * Fill in proc_init_object, proc_run and proc_start.
 * `make check LESSON=08` tells you what works.
 * lessons/08-process-objects/README.md explains classes, run and subclasses. */
#include "objects.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int proc_init_object(struct proc *p, const struct proc_class *cls)
{
    /* TODO: refuse a missing class or run; then a clean proc of class cls. */
    (void)p;
    (void)cls;
    errno = ENOSYS;
    return -1;
}

int proc_run(struct proc *p)
{
    /* TODO: the class's run(p), or task(arg) for the base class. */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int proc_start(struct proc *p)
{
    /* TODO: lesson 01's proc_start, with two changes: the child runs
     * proc_run(p), and a proc that was ever started is refused. */
    (void)p;
    errno = ENOSYS;
    return -1;
}
