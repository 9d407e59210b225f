/* arguments.c -- lesson 02. */
#include "arguments.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* how many procs this process has started (each process has its own) */
static int proc_counter;

/* given, from lesson 01 */
void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->name[0] = '\0';
}

int proc_init_args(struct proc *p, proc_task task, const void *arg, size_t size)
{
    if (!p || !task || (!arg && size > 0)) {
        errno = EINVAL;
        return -1;
    }
    if (size >= PROC_ARG_MAX) {
        errno = E2BIG;
        return -1;
    }
    proc_init(p, task, NULL);
    if (size > 0)
        memcpy(p->argbuf, arg, size);
    p->arg = arg ? p->argbuf : NULL;
    return 0;
}

int proc_set_name(struct proc *p, const char *name)
{
    if (!p || !name || name[0] == '\0' || p->pid != 0) {
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

int proc_name_default(struct proc *p)
{
    if (!p) {
        errno = EINVAL;
        return -1;
    }
    int number = ++proc_counter;
    if (p->name[0] == '\0')
        snprintf(p->name, sizeof p->name, "Process-%d", number);
    return 0;
}

int proc_child_setup(struct proc *p)
{
    if (!p) {
        errno = EINVAL;
        return -1;
    }
    proc_counter = 0;          /* this new process has started nothing yet */
    char comm[16];
    strncpy(comm, p->name, sizeof comm - 1);
    comm[sizeof comm - 1] = '\0';
    if (prctl(PR_SET_NAME, comm, 0, 0, 0) < 0)
        return -1;
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
        return -1;
    if (fd != 0) {
        if (dup2(fd, 0) < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        close(fd);
    }
    return 0;
}

/* given, from lesson 01, with the calls to proc_name_default and
 * proc_child_setup added */
int proc_start(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    if (proc_name_default(p) < 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (proc_child_setup(p) < 0)
            _exit(127);
        int code = p->task(p->arg);
        fflush(NULL);
        _exit(code & 0xff);
    }
    p->pid = pid;
    return 0;
}
