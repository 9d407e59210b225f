/* daemon.c -- lesson 07, reference solution. */
#include "daemon.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- this lesson ---- */

/* This process's started, not yet joined children.  Each process has its
 * own copy: a child empties the one it inherited. */
static struct proc *children[PROC_MAX_CHILDREN];
static int nchildren;
/* Set in a daemon child: it may not start children of its own. */
static int this_is_daemon;

int proc_set_daemon(struct proc *p, int daemon)
{
    if (!p) {
        errno = EINVAL;
        return -1;
    }
    if (p->pid != 0) {
        errno = EBUSY;
        return -1;
    }
    p->daemon = daemon != 0;
    return 0;
}

/* Drop the children someone already joined, to make room. */
static void forget_joined(void)
{
    int kept = 0;
    for (int i = 0; i < nchildren; i++)
        if (!children[i]->ended)
            children[kept++] = children[i];
    nchildren = kept;
}

/* In the new child: become a process of its own, then run the task. */
static void run_child(struct proc *p, pid_t parent)
{
    /* The parent's children are not ours to terminate or join. */
    nchildren = 0;
    this_is_daemon = p->daemon;
    if (p->daemon) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        /* The parent may have died before the request above: then no
         * signal will ever come, and we were already adopted. */
        if (getppid() != parent)
            kill(getpid(), SIGKILL);
    }
    int code = p->task(p->arg);
    fflush(NULL);
    _exit(code & 0xff);
}

int proc_start(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    if (this_is_daemon) {
        errno = EPERM;
        return -1;
    }
    forget_joined();
    if (nchildren == PROC_MAX_CHILDREN) {
        errno = EAGAIN;
        return -1;
    }
    pid_t parent = getpid();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        run_child(p, parent);
    p->pid = pid;
    children[nchildren++] = p;
    return 0;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Step 2: wait, blocked on the daemons' pidfds, until each has ended or the
 * grace is over (one deadline for all, so no wake-up restarts the clock);
 * then SIGKILL the ones still there.  Returns how many were killed. */
static int end_daemons(long long deadline)
{
    struct pollfd fds[PROC_MAX_CHILDREN];
    struct proc *who[PROC_MAX_CHILDREN];
    int n = 0;
    for (int i = 0; i < nchildren; i++) {
        if (!children[i]->daemon || children[i]->ended)
            continue;
        /* A pidfd becomes readable when its process ends (a zombie too);
         * without one, the daemon just gets no grace. */
        int fd = (int)syscall(SYS_pidfd_open, children[i]->pid, 0);
        fds[n] = (struct pollfd){.fd = fd, .events = POLLIN};
        who[n++] = children[i];
    }
    long long left;
    while (n > 0 && (left = deadline - now_ms()) > 0) {
        /* A daemon without a pidfd (none to be had) is looked at every
         * 10 ms instead. */
        int blind = 0;
        for (int j = 0; j < n; j++)
            blind |= fds[j].fd < 0;
        if (poll(fds, (nfds_t)n, (int)(blind && left > 10 ? 10 : left)) < 0 && errno != EINTR)
            break;
        for (int j = 0; j < n; j++) {
            siginfo_t si;
            si.si_pid = 0;
            if (fds[j].fd < 0)
                waitid(P_PID, (id_t)who[j]->pid, &si, WEXITED | WNOHANG | WNOWAIT);
            if (fds[j].revents || si.si_pid != 0) {
                if (fds[j].fd >= 0)
                    close(fds[j].fd);
                fds[j] = fds[--n];
                who[j--] = who[n];
            }
        }
    }
    int killed = 0;
    for (int j = 0; j < n; j++) {
        if (kill(who[j]->pid, SIGKILL) == 0)
            killed++;
        if (fds[j].fd >= 0)
            close(fds[j].fd);
    }
    return killed;
}

int proc_main_exit(void)
{
    /* Daemons first: a daemon must not go on working while the main
     * process waits for the other children. */
    for (int i = 0; i < nchildren; i++)
        if (children[i]->daemon)
            proc_terminate(children[i]);
    int killed = end_daemons(now_ms() + PROC_GRACE_MS);
    int rc = 0, first_errno = 0;
    for (int i = 0; i < nchildren; i++)
        if (proc_join(children[i]) < 0 && rc == 0) {
            rc = -1;
            first_errno = errno;
        }
    nchildren = 0;
    if (rc < 0) {
        errno = first_errno;
        return -1;
    }
    return killed;
}
