/* In the session sandbox (same uid as the checker when not root), student
 * code climbs to the checker, writes a pass record for every check into
 * the checker's stdout through /proc/PID/fd/1, then kills the checker so
 * that its own records never come. */
#include "hostile.h"

#include <fcntl.h>
#include <stdio.h>

static pid_t parent_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char *tail = strrchr(buf, ')');
    return tail ? (pid_t)atoi(tail + 4) : -1;
}

static int named_check(pid_t pid)
{
    char path[64], comm[32] = "";
    snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, comm, sizeof comm - 1);
    if (fd >= 0)
        close(fd);
    comm[n > 0 ? n : 0] = '\0';
    return !strcmp(comm, "check\n");
}

static void hostile_act(struct proc *p)
{
    (void)p;
    /* Up through the check's processes (all named "check") to the
     * topmost one: the checker, whose parent is the driver. */
    pid_t checker = getpid();
    for (pid_t up = parent_of(checker); up > 1 && named_check(up); up = parent_of(up))
        checker = up;
    if (checker == getpid())
        return;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd/1", (int)checker);
    int fd = open(path, O_WRONLY);
    if (fd >= 0) {
        const char *ids[] = {"runs_in_child", "parent_is_caller", "children_overlap",
                             "output_once", "child_exit_not_atexit", "start_refusals"};
        for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
            dprintf(fd, "result\t01-processes\t%s\tforged\t1\tpass\t0\t\t\t\t\t0\t\n", ids[i]);
        close(fd);
    }
    kill(checker, SIGKILL);
}
