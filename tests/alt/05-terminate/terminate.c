/* terminate.c -- lesson 05, a second complete answer: every question about
 * the child goes through a pidfd, a descriptor bound to that one process,
 * so no signal can reach whoever gets the pid next.  The checks must
 * accept this design as well as the plain kill/waitpid one. */
#include "terminate.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static void record(struct proc *p, const siginfo_t *si)
{
    p->exitcode = si->si_code == CLD_EXITED ? si->si_status & 0xff : -si->si_status;
    p->ended = 1;
}

/* A pidfd for p's child; -1 with errno ESRCH once no such process exists. */
static int open_pidfd(const struct proc *p)
{
    return (int)syscall(SYS_pidfd_open, p->pid, 0);
}

static void close_keep_errno(int fd)
{
    int e = errno;
    close(fd);
    errno = e;
}

int proc_is_alive(struct proc *p)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    int fd = open_pidfd(p);
    if (fd < 0)
        return errno == ESRCH ? (errno = ECHILD, -1) : -1;
    /* A pidfd polls readable once its process has ended (a zombie too). */
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int r;
    while ((r = poll(&pfd, 1, 0)) < 0 && errno == EINTR)
        ;
    if (r == 0) {
        close(fd);
        return 1;
    }
    if (r < 0) {
        close_keep_errno(fd);
        return -1;
    }
    siginfo_t si;
    si.si_pid = 0;
    while ((r = waitid((idtype_t)P_PIDFD, (id_t)fd, &si, WEXITED | WNOHANG)) < 0 &&
           errno == EINTR)
        ;
    close_keep_errno(fd);
    if (r < 0)
        return -1;
    if (si.si_pid == 0)
        return 1;
    record(p, &si);
    return 0;
}

static int signal_child(struct proc *p, int sig)
{
    if (!p || p->pid <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (p->ended)
        return 0;
    int fd = open_pidfd(p);
    if (fd < 0)
        return -1;
    int r = (int)syscall(SYS_pidfd_send_signal, fd, sig, NULL, 0);
    close_keep_errno(fd);
    return r;
}

int proc_terminate(struct proc *p)
{
    return signal_child(p, SIGTERM);
}

int proc_kill(struct proc *p)
{
    return signal_child(p, SIGKILL);
}
