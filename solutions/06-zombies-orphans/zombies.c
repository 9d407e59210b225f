/* zombies.c -- lesson 06, reference solution. */
#include "zombies.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- reading the state ---- */

int proc_state(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0) {
        /* No such process, or it was reaped between open and read. */
        errno = ESRCH;
        return -1;
    }
    buf[n] = '\0';
    /* The name may contain ") X (": only the last ')' ends it. */
    char *end_of_name = strrchr(buf, ')');
    if (!end_of_name || end_of_name[1] != ' ' || end_of_name[2] == '\0') {
        errno = EIO;
        return -1;
    }
    return (unsigned char)end_of_name[2];
}

/* ---- the SIGCHLD reaper ---- */

/* Written only by the handler, read by the rest: the count is bumped after
 * the slot is filled, so a reader never sees a half-written record. */
static pid_t reaped_pid[REAPER_RECORDS];
static int reaped_status[REAPER_RECORDS];
static volatile sig_atomic_t reaped_count;

static void reap_all_exited(int sig)
{
    (void)sig;
    /* waitpid sets errno (ECHILD at the end); the code we interrupted
     * may be about to read its own errno. */
    int saved_errno = errno;
    int status;
    pid_t pid;
    /* One SIGCHLD may stand for many exits: loop until none is left.
     * WNOHANG: a child still running must not block the handler. */
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        int slot = reaped_count;
        if (slot < REAPER_RECORDS) {
            reaped_pid[slot] = pid;
            reaped_status[slot] = status;
        }
        reaped_count = slot + 1;
    }
    errno = saved_errno;
}

static int set_sigchld(void (*handler)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    return sigaction(SIGCHLD, &sa, NULL);
}

int reaper_install(void)
{
    reaped_count = 0;
    /* SA_RESTART: a read() or waitpid() elsewhere in the program would
     * otherwise fail with EINTR whenever any child ends. */
    return set_sigchld(reap_all_exited, SA_RESTART | SA_NOCLDSTOP);
}

int reaper_count(void)
{
    return reaped_count;
}

int reaper_status(pid_t pid, int *status)
{
    if (!status) {
        errno = EINVAL;
        return -1;
    }
    int n = reaped_count < REAPER_RECORDS ? reaped_count : REAPER_RECORDS;
    for (int i = 0; i < n; i++)
        if (reaped_pid[i] == pid) {
            *status = reaped_status[i];
            return 0;
        }
    errno = ECHILD;
    return -1;
}

int reaper_uninstall(void)
{
    return set_sigchld(SIG_DFL, 0);
}

int reaper_discard(void)
{
    return set_sigchld(SIG_IGN, 0);
}

/* ---- orphans ---- */

static ssize_t read_full(int fd, void *buf, size_t size)
{
    ssize_t n;
    while ((n = read(fd, buf, size)) < 0 && errno == EINTR)
        ;
    return n;
}

/* In the middle child: fork the task's process, tell the caller its pid,
 * and leave at once so that process becomes an orphan. */
static void middle_child(struct proc *p, int report_fd)
{
    pid_t pid = fork();
    if (pid == 0) {
        close(report_fd);
        int code = p->task(p->arg);
        fflush(NULL);
        _exit(code & 0xff);
    }
    int err = errno;
    pid_t report = pid > 0 ? pid : -err;
    while (write(report_fd, &report, sizeof report) < 0 && errno == EINTR)
        ;
    _exit(pid > 0 ? 0 : 1);
}

int proc_start_orphan(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return -1;
    fflush(NULL);
    pid_t middle = fork();
    if (middle < 0) {
        int err = errno;
        close(fds[0]);
        close(fds[1]);
        errno = err;
        return -1;
    }
    if (middle == 0) {
        close(fds[0]);
        middle_child(p, fds[1]);
    }
    close(fds[1]);
    pid_t orphan = 0;
    ssize_t n = read_full(fds[0], &orphan, sizeof orphan);
    close(fds[0]);
    /* Reap the middle child: otherwise it stays our zombie. */
    while (waitpid(middle, NULL, 0) < 0 && errno == EINTR)
        ;
    if (n != (ssize_t)sizeof orphan || orphan <= 0) {
        errno = n == (ssize_t)sizeof orphan ? -orphan : EAGAIN;
        return -1;
    }
    p->pid = orphan;
    return 0;
}
