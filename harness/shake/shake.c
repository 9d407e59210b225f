/* shake.c -- the race shaker: seeded random delays around process calls.
 *
 * `make check SHAKE=SEED` builds each lesson's checker with the student's
 * objects and the lesson's checks rewritten (objcopy --redefine-sym, see
 * harness/build-checker) so that their calls to fork, wait, waitpid,
 * waitid, kill, read, write, pause, sigsuspend, sigwait, clock_gettime and
 * the mutex and condition calls of shared queues land here first.  Each
 * call waits a little before (and some after): nothing, a few
 * sched_yield()s, or a nanosleep of up to 2 ms, drawn from FORKLAB_SHAKE.  Code that is right only under one
 * scheduling (a parent that assumes its child already ran, a reader that
 * assumes one write arrives whole, a pause that the signal beats) then
 * fails, and fails again with the same seed.
 *
 * This file is the one place in harness/ that sleeps on purpose: the
 * delays are the feature, and it is linked only into shaken builds.
 *
 * Replaying a seed: the delay of a call depends on the seed, the process's
 * place in the tree (a path stepped at each fork, differently in parent
 * and child) and how many calls of that kind the process made before --
 * never on pids, time, or calls of other kinds.  The kernel still
 * schedules as it likes (a sched_yield most of all), so a replay is as
 * close as delays can make it. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t seed, path;
static int seeded, enabled;

/* Each kind of call keeps its own count, so that the delay of the n-th
 * read depends on the seed, the process's place in the tree and n alone:
 * a run that makes one more write than another (a retry, an EINTR) does
 * not shift every later delay.  That is what lets a seed replay. */
enum kind { K_FORK, K_WAIT, K_KILL, K_READ, K_WRITE, K_LOCK, K_UNLOCK, K_CWAIT, K_CSIGNAL,
            K_PAUSE, K_SIGWAIT, K_CLOCK, K_N };
static uint64_t count[K_N];

static uint64_t mix(uint64_t z)
{
    /* splitmix64's finaliser: tiny, and good enough to spread delays */
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void seed_once(void)
{
    if (seeded)
        return;
    seeded = 1;
    const char *s = getenv("FORKLAB_SHAKE");
    enabled = s && *s;
    seed = enabled ? strtoull(s, NULL, 0) : 0;
    path = mix(seed);
}

/* Half the calls go straight through; a third of them give up the CPU a
 * few times; the rest sleep up to 2 ms.  A clock read never sleeps: code
 * that reads the clock in a loop around a timed wait would otherwise be
 * slowed far past what any scheduler does. */
static void jitter(enum kind k)
{
    seed_once();
    if (!enabled)
        return;
    int saved = errno;
    uint64_t r = mix(path ^ ((uint64_t)k << 56) ^ count[k]++);
    unsigned how = (unsigned)(r % 100);
    if (how < 50) {
        /* no delay */
    } else if (how < 85 || k == K_CLOCK) {
        for (unsigned i = 0; i < 1 + (unsigned)(r >> 8) % 8; i++)
            sched_yield();
    } else {
        struct timespec t = {0, (long)((r >> 16) % 2000000)};
        nanosleep(&t, NULL);
    }
    errno = saved;
}

/* fork, with a delay before and, in each process, after. */
pid_t fl_gate_fork(void);   /* inject.c: the failure-injection gate */

pid_t fl_shake_fork(void)
{
    jitter(K_FORK);
    pid_t pid = fl_gate_fork();
    if (enabled && pid >= 0) {
        /* Parent and child each take a path of their own; the child's
         * counts start again, so its delays depend on its own calls. */
        path = mix(path ^ (pid == 0 ? 0xc41dc41dc41dull : 0x9a4e9a4e9a4eull));
        if (pid == 0)
            for (int k = 0; k < K_N; k++)
                count[k] = 0;
    }
    jitter(K_FORK);
    return pid;
}

pid_t fl_shake_wait(int *status)
{
    jitter(K_WAIT);
    pid_t r = wait(status);
    jitter(K_WAIT);
    return r;
}

pid_t fl_shake_waitpid(pid_t pid, int *status, int options)
{
    jitter(K_WAIT);
    pid_t r = waitpid(pid, status, options);
    jitter(K_WAIT);
    return r;
}

int fl_shake_waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
    jitter(K_WAIT);
    int r = waitid(idtype, id, info, options);
    jitter(K_WAIT);
    return r;
}

int fl_shake_kill(pid_t pid, int sig)
{
    jitter(K_KILL);
    int r = kill(pid, sig);
    jitter(K_KILL);
    return r;
}

ssize_t fl_shake_read(int fd, void *buf, size_t n)
{
    jitter(K_READ);
    ssize_t r = read(fd, buf, n);
    jitter(K_READ);
    return r;
}

ssize_t fl_shake_write(int fd, const void *buf, size_t n)
{
    jitter(K_WRITE);
    ssize_t r = write(fd, buf, n);
    jitter(K_WRITE);
    return r;
}

/* The shared queues of lessons 09-11 are mutexes and conditions in shared
 * memory: shake around taking, leaving and waking too. */
int fl_shake_pthread_mutex_lock(pthread_mutex_t *m)
{
    jitter(K_LOCK);
    int r = pthread_mutex_lock(m);
    jitter(K_LOCK);
    return r;
}

int fl_shake_pthread_mutex_unlock(pthread_mutex_t *m)
{
    jitter(K_UNLOCK);
    int r = pthread_mutex_unlock(m);
    jitter(K_UNLOCK);
    return r;
}

int fl_shake_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    jitter(K_CWAIT);
    int r = pthread_cond_wait(c, m);
    jitter(K_CWAIT);
    return r;
}

int fl_shake_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                    const struct timespec *t)
{
    jitter(K_CWAIT);
    int r = pthread_cond_timedwait(c, m, t);
    jitter(K_CWAIT);
    return r;
}

int fl_shake_pthread_cond_signal(pthread_cond_t *c)
{
    jitter(K_CSIGNAL);
    int r = pthread_cond_signal(c);
    jitter(K_CSIGNAL);
    return r;
}

int fl_shake_pthread_cond_broadcast(pthread_cond_t *c)
{
    jitter(K_CSIGNAL);
    int r = pthread_cond_broadcast(c);
    jitter(K_CSIGNAL);
    return r;
}

/* pause and sigsuspend: a delay before, so the signal may come first (the
 * race a sigprocmask-less pause loses). */
int fl_shake_pause(void)
{
    jitter(K_PAUSE);
    return pause();
}

int fl_shake_sigsuspend(const sigset_t *mask)
{
    jitter(K_PAUSE);
    return sigsuspend(mask);
}

int fl_shake_sigwait(const sigset_t *set, int *sig)
{
    jitter(K_SIGWAIT);
    int r = sigwait(set, sig);
    jitter(K_SIGWAIT);
    return r;
}

/* A clock read a little late: code that computes a deadline from two reads
 * it assumes are close together is shaken too. */
int fl_shake_clock_gettime(clockid_t clock, struct timespec *t)
{
    jitter(K_CLOCK);
    return clock_gettime(clock, t);
}
