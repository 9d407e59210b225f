/* queue.c -- lesson 09.  Your work goes here.
 *
 * Write the queue; `make check LESSON=09` tells you what works.
 * lessons/09-queue/README.md explains shared memory, process-shared locks
 * and condition variables, timeouts, and why a pipe alone is not enough. */
#include "queue.h"

#include <errno.h>

/* TODO: decide what a queue holds.  It must live in memory that every
 * process sharing the queue sees (mmap with MAP_SHARED, before fork). */
struct queue {
    int maxsize;
};

struct queue *queue_new(int maxsize)
{
    /* TODO: map the shared region, set up a process-shared lock and the
     * means to wait for room and for messages. */
    (void)maxsize;
    errno = ENOSYS;
    return NULL;
}

enum queue_result queue_put(struct queue *q, const void *msg, size_t len, double timeout)
{
    /* TODO: wait for room as the timeout says, then copy the whole message
     * in while holding the lock. */
    (void)q;
    (void)msg;
    (void)len;
    (void)timeout;
    errno = ENOSYS;
    return QUEUE_ERROR;
}

enum queue_result queue_get(struct queue *q, void *buf, size_t size, size_t *len,
                            double timeout)
{
    /* TODO: wait for a message as the timeout says, then copy the oldest
     * one out while holding the lock. */
    (void)q;
    (void)buf;
    (void)size;
    (void)len;
    (void)timeout;
    errno = ENOSYS;
    return QUEUE_ERROR;
}

int queue_qsize(struct queue *q)
{
    (void)q;
    errno = ENOSYS;
    return -1;
}

int queue_full(struct queue *q)
{
    (void)q;
    return 0;
}

int queue_empty(struct queue *q)
{
    (void)q;
    return 0;
}

void queue_close(struct queue *q)
{
    /* TODO: mark the queue closed for everyone and wake every waiter. */
    (void)q;
}

void queue_free(struct queue *q)
{
    (void)q;
}
