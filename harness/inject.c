/* inject.c -- failure injection: make the errors a contract names happen.
 *
 * Process creation: the build renames fork, vfork, clone, posix_spawn and
 * posix_spawnp in the student's objects to the fl_gate_* functions below
 * (see the Makefile), so that fl_forks_allow(n) lets exactly n more through
 * and fails the rest with EAGAIN -- in every sandbox, whatever the uid.
 * Descriptors: RLIMIT_NOFILE, set so that exactly n numbers are free.
 * Interrupted calls: a helper sends a signal once the target is blocked.
 * Timers (alarm, ualarm, setitimer, timer_settime) go through the gate too,
 * only to be noted: a process that armed one wakes by itself, which the
 * deadlock watch (deadlock.c) must know. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <stdarg.h>
#include <sched.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>

/* -1: open; else how many more creations pass.  Process-local, so a child
 * inherits the gate as it was when it was forked. */
static int gate_left = -1;

void fl_forks_allow(int n)
{
    fl_guard();
    gate_left = n < 0 ? -1 : n;
}

static int gate_pass(void)
{
    if (gate_left < 0)
        return 1;
    if (gate_left == 0)
        return 0;
    gate_left--;
    return 1;
}

pid_t fl_gate_fork(void)
{
    if (!gate_pass()) {
        errno = EAGAIN;
        return -1;
    }
    return fork();
}

/* A correct vfork child only calls exec or _exit, which fork allows too;
 * a wrapper function cannot return into a vfork child safely. */
pid_t fl_gate_vfork(void)
{
    return fl_gate_fork();
}

int fl_gate_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    pid_t *ptid = va_arg(ap, pid_t *);
    void *tls = va_arg(ap, void *);
    pid_t *ctid = va_arg(ap, pid_t *);
    va_end(ap);
    if (!gate_pass()) {
        errno = EAGAIN;
        return -1;
    }
    return clone(fn, stack, flags, arg, ptid, tls, ctid);
}

int fl_gate_posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                        const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!gate_pass())
        return EAGAIN;
    return posix_spawn(pid, path, fa, attr, argv, envp);
}

int fl_gate_posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                         const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!gate_pass())
        return EAGAIN;
    return posix_spawnp(pid, file, fa, attr, argv, envp);
}

/* ---- allocations ---- */

/* -1: open; else how many more allocations by the student's code pass. */
static int alloc_left = -1;

void fl_allocs_allow(int n)
{
    fl_guard();
    alloc_left = n < 0 ? -1 : n;
}

static int alloc_pass(void)
{
    if (alloc_left < 0)
        return 1;
    if (alloc_left == 0) {
        errno = ENOMEM;
        return 0;
    }
    alloc_left--;
    return 1;
}

void *fl_gate_malloc(size_t size)
{
    return alloc_pass() ? malloc(size) : NULL;
}

void *fl_gate_calloc(size_t n, size_t size)
{
    return alloc_pass() ? calloc(n, size) : NULL;
}

void *fl_gate_realloc(void *p, size_t size)
{
    return alloc_pass() ? realloc(p, size) : NULL;
}

char *fl_gate_strdup(const char *s)
{
    return alloc_pass() ? strdup(s) : NULL;
}

/* mmap fails as when memory is short; munmap and the rest are untouched. */
void *fl_gate_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (!alloc_pass())
        return MAP_FAILED;
    return mmap(addr, len, prot, flags, fd, off);
}

static struct rlimit saved_nofile;
static int nofile_saved;

int fl_fds_allow(int n)
{
    fl_guard();
    if (!nofile_saved && getrlimit(RLIMIT_NOFILE, &saved_nofile) < 0)
        return -1;
    nofile_saved = 1;
    if (n < 0)
        return setrlimit(RLIMIT_NOFILE, &saved_nofile);
    /* Descriptors are numbered lowest-free first and must stay below the
     * soft limit: put it at the (n+1)-th free number. */
    int fd = 0, free_seen = 0;
    for (; fd < (int)saved_nofile.rlim_cur; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF && free_seen++ == n)
            break;
    struct rlimit r = {(rlim_t)fd, saved_nofile.rlim_max};
    return setrlimit(RLIMIT_NOFILE, &r);
}

pid_t fl_signal_when_blocked(pid_t target, int sig, double ceiling_s)
{
    fl_guard();
    pid_t pid = fork();
    if (pid < 0)
        fl_fail("a helper process for the check", "fork failed: %s", strerror(errno));
    if (pid == 0) {
        /* It must hold none of the check's pipe ends: a reader waiting for
         * end-of-file would wait for this helper too. */
        syscall(SYS_close_range, 3u, ~0u, 0u);
        int r = fl_await_blocked(target, 0, ceiling_s);
        if (r == 1)
            kill(target, sig);
        _exit(r == 1 ? 0 : 1);
    }
    fl_own_pid(pid);
    return pid;
}

/* ---- timers: noted for the deadlock watch ---- */

/* Note that this process will be woken at `until` (0: no longer). */
static void note_timer(double until)
{
    if (!fl_page)
        return;
    pid_t me = getpid();
    double now = fl_now();
    int slot = -1;
    for (int i = 0; i < FL_TIMERS; i++) {
        if (fl_page->timers[i].pid == me) {
            slot = i;
            break;
        }
        if (slot < 0 && fl_page->timers[i].until <= now)
            slot = i;
    }
    if (slot < 0)
        return;   /* full: the check then simply waits for its ceiling */
    fl_page->timers[slot].until = until;
    __atomic_store_n(&fl_page->timers[slot].pid, me, __ATOMIC_SEQ_CST);
}

static double seconds_of(const struct timeval *tv)
{
    return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

unsigned int fl_gate_alarm(unsigned int seconds)
{
    note_timer(seconds ? fl_now() + seconds : 0);
    return alarm(seconds);
}

useconds_t fl_gate_ualarm(useconds_t usecs, useconds_t interval)
{
    note_timer(interval ? 1e18 : usecs ? fl_now() + usecs / 1e6 : 0);
    return ualarm(usecs, interval);
}

int fl_gate_setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
    /* Only ITIMER_REAL fires while the process sleeps. */
    if (which == ITIMER_REAL && value) {
        double v = seconds_of(&value->it_value);
        note_timer(v == 0 ? 0 : seconds_of(&value->it_interval) > 0 ? 1e18 : fl_now() + v);
    }
    return setitimer(which, value, old);
}

int fl_gate_timer_settime(timer_t t, int flags, const struct itimerspec *value,
                          struct itimerspec *old)
{
    /* POSIX timers may signal any thread or none: count one as pending
     * for as long as the process lives. */
    if (value && (value->it_value.tv_sec || value->it_value.tv_nsec))
        note_timer(1e18);
    return timer_settime(t, flags, value, old);
}
