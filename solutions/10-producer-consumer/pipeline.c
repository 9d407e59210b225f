/* pipeline.c -- lesson 10, reference solution. */
#include "pipeline.h"

#include <errno.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

int pc_producer(void *arg)
{
    struct pc_worker *w = arg;
    for (int i = 0; i < w->cfg->items; i++) {
        struct pc_item item = {w->index, i};
        if (queue_put(w->q, &item, sizeof item, QUEUE_FOREVER) != QUEUE_OK)
            return 1;
    }
    return 0;
}

int pc_consumer(void *arg)
{
    struct pc_worker *w = arg;
    for (;;) {
        struct pc_item item;
        size_t len;
        if (queue_get(w->q, &item, sizeof item, &len, QUEUE_FOREVER) != QUEUE_OK ||
            len != sizeof item)
            return 1;
        if (item.producer == PC_SENTINEL)
            return 0;   /* one sentinel each: the rest are for the others */
        if (w->cfg->consume)
            w->cfg->consume(w->cfg->ctx, w->index, item);
    }
}

static int valid(const struct pc_config *cfg)
{
    return cfg && cfg->nproducers >= 1 && cfg->nproducers <= PC_MAX_WORKERS &&
           cfg->nconsumers >= 1 && cfg->nconsumers <= PC_MAX_WORKERS && cfg->items >= 0 &&
           cfg->capacity >= 1 && cfg->capacity <= QUEUE_MAXSIZE_MAX;
}

/* Every child of the pipeline, consumers first, with a pidfd each: a
 * descriptor that becomes readable when that child ends, so pc_run can wait
 * for "any of MY children" without waitpid(-1), which would also take
 * children that are not the pipeline's. */
struct crew {
    struct proc procs[2 * PC_MAX_WORKERS];
    struct pc_worker workers[2 * PC_MAX_WORKERS];
    int fds[2 * PC_MAX_WORKERS];
    int n, nconsumers;          /* started; of them consumers (the first ones) */
    int running_consumers, running_producers, failed;
};

static int start_one(struct crew *c, proc_task task, struct queue *q,
                     const struct pc_config *cfg, int index)
{
    int i = c->n;
    c->workers[i] = (struct pc_worker){q, cfg, index};
    proc_init(&c->procs[i], task, &c->workers[i]);
    if (proc_start(&c->procs[i]) < 0)
        return -1;
    c->n++;
    c->fds[i] = (int)syscall(SYS_pidfd_open, c->procs[i].pid, 0);
    if (task == pc_consumer)
        c->running_consumers++;
    else
        c->running_producers++;
    return c->fds[i] < 0 ? -1 : 0;
}

/* Join child i, which has ended (or will soon), and count its exit code. */
static void join_one(struct crew *c, int i)
{
    int code = 1;
    if (proc_join(&c->procs[i]) < 0 || !proc_exitcode(&c->procs[i], &code) || code != 0)
        c->failed++;
    if (c->fds[i] >= 0)
        close(c->fds[i]);
    c->fds[i] = -1;
    if (i < c->nconsumers)
        c->running_consumers--;
    else
        c->running_producers--;
}

/* Wait up to timeout_ms (-1: for ever) until a child in [from, to) that is
 * still running ends, and join every one that did. */
static void join_ended(struct crew *c, int from, int to, int timeout_ms)
{
    struct pollfd p[2 * PC_MAX_WORKERS];
    int who[2 * PC_MAX_WORKERS], n = 0;
    for (int i = from; i < to; i++)
        if (!c->procs[i].ended) {
            p[n] = (struct pollfd){.fd = c->fds[i], .events = POLLIN};
            who[n++] = i;
        }
    if (n == 0 || poll(p, (nfds_t)n, timeout_ms) <= 0)
        return;   /* nothing to wait for, the time ran out, or a signal (EINTR) */
    for (int k = 0; k < n; k++)
        if (p[k].revents)
            join_one(c, who[k]);
}

/* Close the queue (every put and get waiting in it returns QUEUE_CLOSED, so
 * no join can hang), join everyone, free the queue. */
static void stop_all(struct crew *c, struct queue *q)
{
    queue_close(q);
    for (int i = 0; i < c->n; i++)
        if (!c->procs[i].ended)
            join_one(c, i);
    queue_free(q);
}

int pc_run(const struct pc_config *cfg)
{
    if (!valid(cfg)) {
        errno = EINVAL;
        return -1;
    }
    struct queue *q = queue_new(cfg->capacity);
    if (!q)
        return -1;
    struct crew c = {.nconsumers = cfg->nconsumers};
    /* Consumers first: producers can then never fill the queue with nobody
     * there to empty it. */
    for (int i = 0; i < cfg->nconsumers + cfg->nproducers; i++) {
        int consumer = i < cfg->nconsumers;
        if (start_one(&c, consumer ? pc_consumer : pc_producer, q, cfg,
                      consumer ? i : i - cfg->nconsumers) < 0) {
            /* Setting up failed half-way: stop what runs, keep the errno. */
            int err = errno;
            stop_all(&c, q);
            errno = err;
            return -1;
        }
    }
    /* Wait for the producers.  Only once every one is done may the sentinels
     * go in: a sentinel ahead of real items would stop a consumer while work
     * is left.  If every consumer dies first, nobody will ever make room
     * again: close the queue, so that producers waiting in put give up. */
    while (c.running_producers > 0) {
        join_ended(&c, 0, c.n, -1);
        if (c.running_consumers == 0)
            queue_close(q);
    }
    /* One sentinel per consumer.  A full queue gets room when a consumer
     * takes something, or never when every consumer has died: then stop. */
    struct pc_item stop = {PC_SENTINEL, 0};
    for (int sent = 0; sent < cfg->nconsumers && c.running_consumers > 0;) {
        enum queue_result r = queue_put(q, &stop, sizeof stop, 0.02);
        if (r == QUEUE_OK)
            sent++;
        else if (r == QUEUE_FULL)
            join_ended(&c, 0, c.nconsumers, 0);
        else
            break;
    }
    /* Each running consumer has a sentinel to find (or the queue is closed). */
    for (int i = 0; i < c.nconsumers; i++)
        if (!c.procs[i].ended)
            join_one(&c, i);
    queue_free(q);
    return c.failed;
}
