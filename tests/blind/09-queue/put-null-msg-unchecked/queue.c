/* queue.c -- lesson 09.  Your work goes here.
 *
 * Write the queue; `make check LESSON=09` tells you what works.
 * lessons/09-queue/README.md explains shared memory, process-shared locks
 * and condition variables, timeouts, and why a pipe alone is not enough. */
#include "queue.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

struct slot {
    size_t len;
    unsigned char data[QUEUE_MSG_MAX];
};

/* Everything lives in one MAP_SHARED region, made before fork. */
struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_full;
    pthread_cond_t not_empty;
    size_t mapsize;
    int maxsize;
    int head;
    int count;
    int closed;
    struct slot slots[];
};

struct queue *queue_new(int maxsize)
{
    if (maxsize < 1 || maxsize > QUEUE_MAXSIZE_MAX) {
        errno = EINVAL;
        return NULL;
    }
    size_t size = sizeof(struct queue) + (size_t)maxsize * sizeof(struct slot);
    struct queue *q = mmap(NULL, size, PROT_READ | PROT_WRITE,
                           MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (q == MAP_FAILED)
        return NULL;
    q->mapsize = size;
    q->maxsize = maxsize;
    q->head = 0;
    q->count = 0;
    q->closed = 0;

    pthread_mutexattr_t ma;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
    pthread_condattr_init(&ca);
    pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int err = pthread_mutex_init(&q->lock, &ma);
    if (!err)
        err = pthread_cond_init(&q->not_full, &ca);
    if (!err)
        err = pthread_cond_init(&q->not_empty, &ca);
    pthread_mutexattr_destroy(&ma);
    pthread_condattr_destroy(&ca);
    if (err) {
        munmap(q, size);
        errno = err;
        return NULL;
    }
    return q;
}

/* The absolute CLOCK_MONOTONIC time `seconds` from now. */
static struct timespec deadline_in(double seconds)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    time_t whole = (time_t)seconds;
    long ns = t.tv_nsec + (long)((seconds - (double)whole) * 1e9);
    t.tv_sec += whole + ns / 1000000000L;
    t.tv_nsec = ns % 1000000000L;
    return t;
}

enum queue_result queue_put(struct queue *q, const void *msg, size_t len, double timeout)
{
    if (!q) {
        errno = EINVAL;
        return QUEUE_ERROR;
    }
    if (len > QUEUE_MSG_MAX) {
        errno = EMSGSIZE;
        return QUEUE_ERROR;
    }
    struct timespec deadline;
    if (timeout > 0)
        deadline = deadline_in(timeout);
    pthread_mutex_lock(&q->lock);
    while (!q->closed && q->count == q->maxsize) {
        if (timeout == 0) {
            pthread_mutex_unlock(&q->lock);
            return QUEUE_FULL;
        }
        int err;
        if (timeout < 0)
            err = pthread_cond_wait(&q->not_full, &q->lock);
        else
            err = pthread_cond_timedwait(&q->not_full, &q->lock, &deadline);
        if (err == ETIMEDOUT && !q->closed && q->count == q->maxsize) {
            pthread_mutex_unlock(&q->lock);
            return QUEUE_FULL;
        }
    }
    if (q->closed) {
        pthread_mutex_unlock(&q->lock);
        return QUEUE_CLOSED;
    }
    struct slot *s = &q->slots[(q->head + q->count) % q->maxsize];
    if (len > 0)
        memcpy(s->data, msg, len);
    s->len = len;
    q->count++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
    return QUEUE_OK;
}

enum queue_result queue_get(struct queue *q, void *buf, size_t size, size_t *len,
                            double timeout)
{
    if (!q || !buf || !len) {
        errno = EINVAL;
        return QUEUE_ERROR;
    }
    struct timespec deadline;
    if (timeout > 0)
        deadline = deadline_in(timeout);
    pthread_mutex_lock(&q->lock);
    while (!q->closed && q->count == 0) {
        if (timeout == 0) {
            pthread_mutex_unlock(&q->lock);
            return QUEUE_EMPTY;
        }
        int err;
        if (timeout < 0)
            err = pthread_cond_wait(&q->not_empty, &q->lock);
        else
            err = pthread_cond_timedwait(&q->not_empty, &q->lock, &deadline);
        if (err == ETIMEDOUT && !q->closed && q->count == 0) {
            pthread_mutex_unlock(&q->lock);
            return QUEUE_EMPTY;
        }
    }
    if (q->closed) {
        pthread_mutex_unlock(&q->lock);
        return QUEUE_CLOSED;
    }
    struct slot *s = &q->slots[q->head];
    if (s->len > size) {
        /* Leave it at the head, and pass the wake-up on to another getter. */
        pthread_cond_signal(&q->not_empty);
        pthread_mutex_unlock(&q->lock);
        errno = EMSGSIZE;
        return QUEUE_ERROR;
    }
    memcpy(buf, s->data, s->len);
    *len = s->len;
    q->head = (q->head + 1) % q->maxsize;
    q->count--;
    pthread_cond_signal(&q->not_full);
    pthread_mutex_unlock(&q->lock);
    return QUEUE_OK;
}

int queue_qsize(struct queue *q)
{
    if (!q) {
        errno = EINVAL;
        return -1;
    }
    pthread_mutex_lock(&q->lock);
    int n = q->count;
    pthread_mutex_unlock(&q->lock);
    return n;
}

int queue_full(struct queue *q)
{
    if (!q)
        return 0;
    return queue_qsize(q) == q->maxsize;
}

int queue_empty(struct queue *q)
{
    if (!q)
        return 0;
    return queue_qsize(q) == 0;
}

void queue_close(struct queue *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->lock);
    q->closed = 1;
    pthread_cond_broadcast(&q->not_full);
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

void queue_free(struct queue *q)
{
    if (q)
        munmap(q, q->mapsize);
}
