/* pipeline.h -- lesson 10: producers and consumers joined by a queue.
 *
 * The C version of the notes' pattern
 *     q = Queue(capacity)
 *     producers put items, consumers get them until they see None;
 *     the main process joins the producers, puts one None per consumer,
 *     and joins the consumers.
 * Read lessons/10-producer-consumer/README.md before you start. */
#ifndef PIPELINE_H
#define PIPELINE_H

#include <stddef.h>
#include <sys/types.h>

/* ---- given, from lessons 01 and 04: processes ---- */

/* A task runs in the child.  Its return value becomes the child's exit
 * status (only the low 8 bits survive). */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child has been reaped: pid is no longer ours */
    int exitcode;     /* valid once ended: n & 0xff, or -N if killed by signal N */
};

/* proc_init: prepare p to run task(arg) in a new process.  Starts nothing. */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start: fork a child that runs p->task(p->arg) and ends with
 * _exit(<its return value>).  Returns 0 at once with p->pid set; -1 with
 * errno (EINVAL: NULL, no task or already started; fork's errno). */
int proc_start(struct proc *p);

/* proc_join: wait until the child has exited, reap it and record its exit
 * code.  Joining an ended child again returns 0 at once.  Returns 0; -1 with
 * errno EINVAL if p was never started, or waitpid's errno. */
int proc_join(struct proc *p);

/* proc_exitcode: 1 with *code set once the child ended (see exitcode above);
 * 0 while it runs or was not joined yet (Python's None). */
int proc_exitcode(const struct proc *p, int *code);

/* ---- given, from lesson 09: the queue ---- */

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

/* ---- lesson 10: producers and consumers ---- */

/* One item on the queue.  Producer p puts {p, 0}, {p, 1}, ... in that
 * order.  An item whose producer is PC_SENTINEL is not work: it tells the
 * one consumer that gets it to stop (Python's None). */
struct pc_item {
    int producer;
    int seq;
};

#define PC_SENTINEL (-1)

/* The most producers, and the most consumers, one pipeline runs. */
#define PC_MAX_WORKERS 16

/* What a consumer does with each item it takes (never with a sentinel).
 * It runs in the consumer's process; `consumer` is that consumer's index. */
typedef void (*pc_consume_fn)(void *ctx, int consumer, struct pc_item item);

struct pc_config {
    int nproducers;           /* 1 .. PC_MAX_WORKERS */
    int nconsumers;           /* 1 .. PC_MAX_WORKERS */
    int items;                /* items each producer puts, >= 0 */
    int capacity;             /* maxsize of the queue, 1 .. QUEUE_MAXSIZE_MAX */
    pc_consume_fn consume;    /* called for every item; NULL: do nothing */
    void *ctx;                /* handed to consume */
};

/* What one producer or consumer process needs: its task's argument. */
struct pc_worker {
    struct queue *q;
    const struct pc_config *cfg;
    int index;                /* 0 .. nproducers-1, or 0 .. nconsumers-1 */
};

/* pc_producer: a proc_task; arg is a struct pc_worker *.  Puts the items
 * {index, 0} .. {index, cfg->items - 1} in order, waiting for room as long
 * as it takes.  Returns 0 when all were put, 1 if a put failed (the queue
 * was closed, or an error). */
int pc_producer(void *arg);

/* pc_consumer: a proc_task; arg is a struct pc_worker *.  Gets items,
 * waiting as long as it takes, and hands each to cfg->consume, until it gets
 * a sentinel: then it returns 0 at once, leaving everything after the
 * sentinel for others.  Returns 1 if a get failed (closed, or an error). */
int pc_consumer(void *arg);

/* pc_run: run the whole pipeline: a queue of cfg->capacity, cfg->nproducers
 * producer processes and cfg->nconsumers consumer processes (children of
 * the caller), one sentinel per consumer once every producer has finished,
 * and every child joined before it returns.  Must finish for any capacity,
 * 1 included, and any number of items, even when consumers die early (then
 * their items are lost, and they count as failed).  When it returns, no
 * child, descriptor or mapping of the pipeline is left.
 *
 * Returns 0 when every producer and consumer exited 0; otherwise the number
 * of them that did not (exited non-zero or was killed).  Errors: -1 with
 * errno: EINVAL for a NULL cfg or a count out of range; the errno of
 * queue_new, proc_start (fork's EAGAIN), or of what watches the children
 * (e.g. pidfd_open's EMFILE) when the pipeline cannot be set up: whatever
 * was already started is stopped and joined first, and nothing is left. */
int pc_run(const struct pc_config *cfg);

#endif
