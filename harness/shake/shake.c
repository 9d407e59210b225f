/* shake.c -- the race shaker: seeded random delays around process calls.
 *
 * `make check SHAKE=SEED` builds each lesson's checker with the student's
 * objects and the lesson's checks rewritten (objcopy --redefine-sym) so
 * that their calls to fork, wait, waitpid, waitid, kill, read, write and
 * the mutex and condition calls of shared queues land here first.  Each call waits a little before and after -- nothing,
 * a few sched_yield()s, or a nanosleep of up to 2 ms -- drawn from a
 * generator seeded by FORKLAB_SHAKE.  Code that is right only under one
 * scheduling (a parent that assumes its child already ran, a reader that
 * assumes one write arrives whole) then fails, and fails again with the
 * same seed.
 *
 * This file is the one place in harness/ that sleeps on purpose: the
 * delays are the feature, and it is linked only into shaken builds.
 *
 * Every process draws from its own stream: at fork the parent and the
 * child each step the inherited state with a different constant, so the
 * delays depend on the seed and on the process's place in the tree, not on
 * pids or time. */
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

static uint64_t state;
static int seeded, enabled;

static uint64_t next(void)
{
    /* splitmix64: tiny, and good enough to spread delays */
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
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
    state = enabled ? strtoull(s, NULL, 0) : 0;
}

/* Half the calls go straight through; the rest yield or sleep briefly. */
static void jitter(void)
{
    seed_once();
    if (!enabled)
        return;
    int saved = errno;
    uint64_t r = next();
    unsigned kind = (unsigned)(r % 100);
    if (kind < 50) {
        /* no delay */
    } else if (kind < 85) {
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
    jitter();
    pid_t pid = fl_gate_fork();
    if (enabled && pid >= 0) {
        state ^= pid == 0 ? 0xc41dc41dc41dull : 0x9a4e9a4e9a4eull;
        next();
    }
    jitter();
    return pid;
}

pid_t fl_shake_wait(int *status)
{
    jitter();
    pid_t r = wait(status);
    jitter();
    return r;
}

pid_t fl_shake_waitpid(pid_t pid, int *status, int options)
{
    jitter();
    pid_t r = waitpid(pid, status, options);
    jitter();
    return r;
}

int fl_shake_waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
    jitter();
    int r = waitid(idtype, id, info, options);
    jitter();
    return r;
}

int fl_shake_kill(pid_t pid, int sig)
{
    jitter();
    int r = kill(pid, sig);
    jitter();
    return r;
}

ssize_t fl_shake_read(int fd, void *buf, size_t n)
{
    jitter();
    ssize_t r = read(fd, buf, n);
    jitter();
    return r;
}

ssize_t fl_shake_write(int fd, const void *buf, size_t n)
{
    jitter();
    ssize_t r = write(fd, buf, n);
    jitter();
    return r;
}

/* The shared queues of lessons 09-11 are mutexes and conditions in shared
 * memory: shake around taking, leaving and waking too. */
int fl_shake_pthread_mutex_lock(pthread_mutex_t *m)
{
    jitter();
    int r = pthread_mutex_lock(m);
    jitter();
    return r;
}

int fl_shake_pthread_mutex_unlock(pthread_mutex_t *m)
{
    jitter();
    int r = pthread_mutex_unlock(m);
    jitter();
    return r;
}

int fl_shake_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    jitter();
    int r = pthread_cond_wait(c, m);
    jitter();
    return r;
}

int fl_shake_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                    const struct timespec *t)
{
    jitter();
    int r = pthread_cond_timedwait(c, m, t);
    jitter();
    return r;
}

int fl_shake_pthread_cond_signal(pthread_cond_t *c)
{
    jitter();
    int r = pthread_cond_signal(c);
    jitter();
    return r;
}

int fl_shake_pthread_cond_broadcast(pthread_cond_t *c)
{
    jitter();
    int r = pthread_cond_broadcast(c);
    jitter();
    return r;
}
