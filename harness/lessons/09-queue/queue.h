/* queue.h -- lesson 09: a bounded queue between processes.
 *
 * The C version of Python's
 *     q = multiprocessing.Queue(maxsize)
 *     q.put(data, block, timeout)   q.get(block, timeout)
 *     q.full()  q.empty()  q.qsize()  q.close()
 * Read lessons/09-queue/README.md before you start. */
#ifndef QUEUE_H
#define QUEUE_H

#include <stddef.h>

/* The largest message a queue carries, in bytes: sixteen times PIPE_BUF,
 * so a message can be far larger than one atomic pipe write. */
#define QUEUE_MSG_MAX 65536

/* The largest maxsize queue_new accepts. */
#define QUEUE_MAXSIZE_MAX 1024

/* Timeouts, in seconds, for queue_put and queue_get:
 *   0              do not wait at all   (Python: block=False)
 *   t > 0          wait at most t       (block=True, timeout=t)
 *   QUEUE_FOREVER  wait as long as it takes (block=True, timeout=None) */
#define QUEUE_FOREVER (-1.0)

/* Every outcome of put and get is one of these, never a bare -1. */
enum queue_result {
    QUEUE_OK = 0,
    QUEUE_FULL,      /* put: no room before the timeout ran out */
    QUEUE_EMPTY,     /* get: nothing came before the timeout ran out */
    QUEUE_CLOSED,    /* the queue was closed (by any process sharing it) */
    QUEUE_ERROR      /* bad arguments or a system failure; errno says which */
};

/* A queue lives in memory every process that has it can see: create it
 * before fork, and the children share it with the parent. */
struct queue;

/* queue_new: a queue of at most maxsize messages, empty and open.
 * Returns it, or NULL with errno: EINVAL unless 1 <= maxsize <=
 * QUEUE_MAXSIZE_MAX; ENOMEM (or the system's errno) if memory or
 * synchronisation objects cannot be had. */
struct queue *queue_new(int maxsize);

/* queue_put: append a copy of msg[0..len) at the tail.
 * With the queue full, waits for room as `timeout` says (see QUEUE_FOREVER).
 * Returns QUEUE_OK; QUEUE_FULL when still full after the timeout (at once for
 * timeout 0, after at least `timeout` seconds otherwise); QUEUE_CLOSED if the
 * queue is closed, or is closed while waiting; QUEUE_ERROR with errno EINVAL
 * (NULL q, or NULL msg with len > 0) or EMSGSIZE (len > QUEUE_MSG_MAX).
 * The message arrives whole: never cut, never mixed with another put's bytes,
 * whatever its size and however many processes put at once. */
enum queue_result queue_put(struct queue *q, const void *msg, size_t len, double timeout);

/* queue_get: take the message at the head (the oldest) into buf and store its
 * length in *len.  With the queue empty, waits as `timeout` says.
 * Returns QUEUE_OK; QUEUE_EMPTY when still empty after the timeout;
 * QUEUE_CLOSED if the queue is closed, or is closed while waiting;
 * QUEUE_ERROR with errno EINVAL (NULL q, buf or len) or EMSGSIZE (the head
 * message is longer than size: it stays at the head). */
enum queue_result queue_get(struct queue *q, void *buf, size_t size, size_t *len,
                            double timeout);

/* queue_qsize: how many messages the queue holds now, exactly; -1 with
 * errno EINVAL for a NULL q. */
int queue_qsize(struct queue *q);

/* queue_full, queue_empty: 1 if the queue holds maxsize messages (none),
 * else 0.  Another process may change that the next moment. */
int queue_full(struct queue *q);
int queue_empty(struct queue *q);

/* queue_close: close the queue for every process that shares it.  From then
 * on put and get return QUEUE_CLOSED, and every process waiting in put or
 * get wakes up and returns QUEUE_CLOSED too.  Closing twice is harmless. */
void queue_close(struct queue *q);

/* queue_free: release the calling process's hold on the queue (memory, file
 * descriptors).  Every process that has the queue may call it once; q must
 * not be used afterwards in that process. */
void queue_free(struct queue *q);

#endif
