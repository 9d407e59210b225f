/* forkexec.c -- lesson 13, reference solution. */
#include "forkexec.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- given, from lesson 01 ---- */

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->ended = 0;
    p->exitcode = 0;
}

/* ---- given, from lesson 04 ---- */

int proc_join(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    int status;
    pid_t r;
    while ((r = waitpid(p->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (r < 0)
        return -1;
    p->exitcode = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    p->ended = 1;
    return 0;
}

int proc_exitcode(const struct proc *p, int *code)
{
    if (!p || !p->ended)
        return 0;
    *code = p->exitcode;
    return 1;
}

/* ---- lesson 13 ---- */

/* In the child: become the program, or tell the parent why not.  Never
 * returns: a child that came back would run the caller's code. */
__attribute__((noreturn))
static void exec_or_report(int report_fd, const char *path, char *const argv[],
                           char *const envp[])
{
    execve(path, argv, envp ? envp : environ);
    int err = errno;
    ssize_t n = write(report_fd, &err, sizeof err);
    (void)n;          /* nothing better to do if even this fails */
    _exit(127);       /* the shell's "command not found" */
}

/* Wait for the child that failed to exec, so it is not left a zombie. */
static void reap_failed(pid_t pid)
{
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

int proc_spawn(struct proc *p, const char *path, char *const argv[], char *const envp[])
{
    if (!p || p->pid != 0 || !path || !argv) {
        errno = EINVAL;
        return -1;
    }
    /* The report pipe closes itself in a successful exec (O_CLOEXEC): end of
     * file without data means the new program runs; an errno means exec
     * failed.  Nothing else tells the parent which happened. */
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        close(fds[0]);
        close(fds[1]);
        errno = err;
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        exec_or_report(fds[1], path, argv, envp);
    }
    close(fds[1]);
    int err;
    ssize_t n;
    while ((n = read(fds[0], &err, sizeof err)) < 0 && errno == EINTR)
        ;
    close(fds[0]);
    if (n == (ssize_t)sizeof err) {
        reap_failed(pid);
        errno = err;
        return -1;
    }
    p->pid = pid;
    return 0;
}
