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

static void hostile_act(struct proc *p)
{
    (void)p;
    pid_t init = parent_of(getpid());
    pid_t checker = parent_of(init);
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
