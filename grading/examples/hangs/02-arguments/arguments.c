/* arguments.c -- lesson 02, reference solution. */
#include "arguments.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int proc_init_args(struct proc *p, proc_task task, const void *arg, size_t size)
{
    if (!p || !task || (!arg && size > 0)) {
        errno = EINVAL;
        return -1;
    }
    if (size > PROC_ARG_MAX) {
        errno = E2BIG;
        return -1;
    }
    /* Copy now: the caller's variable may change or vanish before start,
     * and Python's args are fixed when the Process is made. */
    if (size > 0)
        memcpy(p->argbuf, arg, size);
    proc_init(p, task, p->argbuf);
    return 0;
}

int proc_set_name(struct proc *p, const char *name)
{
    if (!p || !name || !name[0] || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(name);
    if (len >= PROC_NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(p->name, name, len + 1);
    return 0;
}

/* Starts made by this process: the number behind "Process-N". */
static int starts;

int proc_name_default(struct proc *p)
{
    if (!p) {
        errno = EINVAL;
        return -1;
    }
    int n = ++starts;
    if (!p->name[0])
        snprintf(p->name, sizeof p->name, "Process-%d", n);
    return 0;
}

/* Replace fd 0 with /dev/null: a child that kept the caller's stdin would
 * compete with it for input, or wait for ever on a terminal. */
static int stdin_from_dev_null(void)
{
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
        return -1;
    if (fd != 0) {
        if (dup2(fd, 0) < 0) {
            close(fd);
            return -1;
        }
        close(fd);
    }
    return 0;
}

int proc_child_setup(struct proc *p)
{
    /* PR_SET_NAME copies at most 15 bytes and ends them itself, so a long
     * name is cut, never refused. */
    if (prctl(PR_SET_NAME, p->name, 0, 0, 0) < 0)
        return -1;
    return stdin_from_dev_null();
}
