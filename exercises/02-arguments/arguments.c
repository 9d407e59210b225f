/* arguments.c -- lesson 02.  Your work goes here.
 *
 * Fill in proc_init_args, proc_set_name, proc_name_default and
 * proc_child_setup.  `make check LESSON=02` tells you what works.
 * lessons/02-arguments/README.md explains each of them. */
#include "arguments.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int proc_init_args(struct proc *p, proc_task task, const void *arg, size_t size)
{
    /* TODO: check the arguments, copy the size bytes into p->argbuf, and
     * prepare p to run task on that copy. */
    (void)p;
    (void)task;
    (void)arg;
    (void)size;
    errno = ENOSYS;
    return -1;
}

int proc_set_name(struct proc *p, const char *name)
{
    /* TODO: refuse what the contract refuses, then keep the whole name. */
    (void)p;
    (void)name;
    errno = ENOSYS;
    return -1;
}

int proc_name_default(struct proc *p)
{
    /* TODO: count this start; a proc without a name becomes Process-N. */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int proc_child_setup(struct proc *p)
{
    /* TODO (runs in the child): tell the kernel the name, and make fd 0
     * read from /dev/null. */
    (void)p;
    errno = ENOSYS;
    return -1;
}
