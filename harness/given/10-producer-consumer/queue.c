/* harness/given/10-producer-consumer/queue.c -- what lesson 10 hands over
 * from earlier lessons: proc_init, proc_start (lesson 01), proc_join,
 * proc_exitcode (lesson 04) and the queue of lesson 09.
 *
 * The kit's, not the student's: compiled once per kit against the kit's
 * copy of pipeline.h and linked into the lesson's checker by
 * harness/build-checker, so that exercises/10-producer-consumer/ holds only
 * pipeline.c and never shows lesson 09's answer.  A handout ships the
 * compiled object (harness/given/10-producer-consumer.o), not this file.
 *
 * The queue is one MAP_SHARED region: a ring of maxsize fixed slots, each big
 * enough for QUEUE_MSG_MAX bytes, guarded by a process-shared mutex and two
 * process-shared condition variables.  A message is copied in and out whole
 * while the lock is held, so size and concurrency never cut or mix one. */
#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- given, from lesson 01 ---- */

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->exitcode = 0;
    p->ended = 0;
}

#include "../common/proc_start.c"

/* ---- given, from lesson 04 ---- */

#include "../common/proc_join.c"

#include "../common/proc_exitcode.c"

/* ---- given, from lesson 09: the queue ---- */

struct slot {
    size_t len;
    unsigned char data[QUEUE_MSG_MAX];
};

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    size_t mapsize;
    int maxsize, count, head, closed;
    struct slot slots[];
};

static int is_full(const struct queue *q) { return q->count == q->maxsize; }
static int is_empty(const struct queue *q) { return q->count == 0; }

static int init_sync(struct queue *q)
{
    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    /* The lock lives in shared memory and is taken by several processes; a
     * robust one survives a process that dies while holding it. */
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    /* Timeouts measure elapsed time: a clock change must not stretch them. */
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int err = pthread_mutex_init(&q->lock, &ma);
    if (!err)
        err = pthread_cond_init(&q->not_full, &ca);
    if (!err)
        err = pthread_cond_init(&q->not_empty, &ca);
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_destroy(&ca);
    return err;
}

struct queue *queue_new(int maxsize)
{
    if (maxsize < 1 || maxsize > QUEUE_MAXSIZE_MAX) {
        errno = EINVAL;
        return NULL;
    }
    size_t size = sizeof(struct queue) + (size_t)maxsize * sizeof(struct slot);
    /* MAP_SHARED: after fork, parent and children see the same pages, so a
     * put in one process is a get in another.  Private memory would not be. */
    struct queue *q = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                           -1, 0);
    if (q == MAP_FAILED)
        return NULL;
    q->mapsize = size;
    q->maxsize = maxsize;
    int err = init_sync(q);
    if (err) {
        munmap(q, size);
        errno = err;
        return NULL;
    }
    return q;
}

static void lock(struct queue *q)
{
    /* The previous holder died mid-operation; the counters are still whole
     * because they change only after a copy completes. */
    if (pthread_mutex_lock(&q->lock) == EOWNERDEAD)
        pthread_mutex_consistent(&q->lock);
}

static struct timespec deadline_after(double seconds)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    time_t whole = (time_t)seconds;
    long nanos = t.tv_nsec + (long)((seconds - (double)whole) * 1e9);
    t.tv_sec += whole + nanos / 1000000000L;
    t.tv_nsec = nanos % 1000000000L;
    return t;
}

/* With the lock held: wait on cv until ready(q), the queue closes, or the
 * timeout passes.  Returns QUEUE_OK when ready, QUEUE_CLOSED, or `late`. */
static enum queue_result wait_until(struct queue *q, pthread_cond_t *cv,
                                    int (*ready)(const struct queue *), double timeout,
                                    enum queue_result late)
{
    struct timespec deadline = deadline_after(timeout > 0 ? timeout : 0);
    while (!q->closed && !ready(q)) {
        if (timeout == 0)
            return late;
        int err = timeout < 0 ? pthread_cond_wait(cv, &q->lock)
                              : pthread_cond_timedwait(cv, &q->lock, &deadline);
        if (err == EOWNERDEAD)
            pthread_mutex_consistent(&q->lock);
        if (err == ETIMEDOUT && !q->closed && !ready(q))
            return late;
    }
    return q->closed ? QUEUE_CLOSED : QUEUE_OK;
}

static int not_full(const struct queue *q) { return !is_full(q); }
static int not_empty(const struct queue *q) { return !is_empty(q); }

enum queue_result queue_put(struct queue *q, const void *msg, size_t len, double timeout)
{
    if (!q || (!msg && len > 0)) {
        errno = EINVAL;
        return QUEUE_ERROR;
    }
    if (len > QUEUE_MSG_MAX) {
        errno = EMSGSIZE;
        return QUEUE_ERROR;
    }
    lock(q);
    enum queue_result r = wait_until(q, &q->not_full, not_full, timeout, QUEUE_FULL);
    if (r == QUEUE_OK) {
        struct slot *s = &q->slots[(q->head + q->count) % q->maxsize];
        if (len > 0)
            memcpy(s->data, msg, len);
        s->len = len;
        q->count++;
        pthread_cond_signal(&q->not_empty);
    }
    pthread_mutex_unlock(&q->lock);
    return r;
}

enum queue_result queue_get(struct queue *q, void *buf, size_t size, size_t *len,
                            double timeout)
{
    if (!q || !buf || !len) {
        errno = EINVAL;
        return QUEUE_ERROR;
    }
    lock(q);
    enum queue_result r = wait_until(q, &q->not_empty, not_empty, timeout, QUEUE_EMPTY);
    if (r == QUEUE_OK) {
        struct slot *s = &q->slots[q->head];
        if (s->len > size) {
            /* The message stays at the head.  This get may have taken the
             * wake-up its put sent: pass it on, or another getter that could
             * take the message would sleep beside it. */
            pthread_cond_signal(&q->not_empty);
            errno = EMSGSIZE;
            r = QUEUE_ERROR;
        } else {
            memcpy(buf, s->data, s->len);
            *len = s->len;
            q->head = (q->head + 1) % q->maxsize;
            q->count--;
            pthread_cond_signal(&q->not_full);
        }
    }
    pthread_mutex_unlock(&q->lock);
    return r;
}

int queue_qsize(struct queue *q)
{
    if (!q) {
        errno = EINVAL;
        return -1;
    }
    lock(q);
    int n = q->count;
    pthread_mutex_unlock(&q->lock);
    return n;
}

int queue_full(struct queue *q)
{
    return q && queue_qsize(q) == q->maxsize;
}

int queue_empty(struct queue *q)
{
    return q && queue_qsize(q) == 0;
}

void queue_close(struct queue *q)
{
    if (!q)
        return;
    lock(q);
    q->closed = 1;
    /* Wake every waiter, in every process: each sees `closed` and leaves. */
    pthread_cond_broadcast(&q->not_full);
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

void queue_free(struct queue *q)
{
    if (q)
        munmap(q, q->mapsize);
}
