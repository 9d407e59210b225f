/* pipeline.c -- lesson 10, reference solution. */
#include "pipeline.h"

#include <errno.h>

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

/* Start n workers running task; on failure returns -1 with errno, and
 * *started says how many run. */
static int start_all(struct proc *procs, struct pc_worker *workers, int n, proc_task task,
                     struct queue *q, const struct pc_config *cfg, int *started)
{
    for (*started = 0; *started < n; (*started)++) {
        workers[*started] = (struct pc_worker){q, cfg, *started};
        proc_init(&procs[*started], task, &workers[*started]);
        if (proc_start(&procs[*started]) < 0)
            return -1;
    }
    return 0;
}

/* Join n processes; returns how many did not exit 0. */
static int join_all(struct proc *procs, int n)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        int code = 1;
        if (proc_join(&procs[i]) < 0 || !proc_exitcode(&procs[i], &code) || code != 0)
            failed++;
    }
    return failed;
}

/* Setting up failed half-way: closing the queue makes every started worker
 * return from its put or get, so joining them cannot hang. */
static int abandon(struct queue *q, struct proc *prod, int np, struct proc *cons, int nc)
{
    int err = errno;
    queue_close(q);
    join_all(prod, np);
    join_all(cons, nc);
    queue_free(q);
    errno = err;
    return -1;
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
    struct proc prod[PC_MAX_WORKERS], cons[PC_MAX_WORKERS];
    struct pc_worker pw[PC_MAX_WORKERS], cw[PC_MAX_WORKERS];
    int np = 0, nc = 0;
    /* Consumers first: producers can then never fill the queue with nobody
     * there to empty it. */
    if (start_all(cons, cw, cfg->nconsumers, pc_consumer, q, cfg, &nc) < 0 ||
        start_all(prod, pw, cfg->nproducers, pc_producer, q, cfg, &np) < 0)
        return abandon(q, prod, np, cons, nc);
    /* Only once every producer is done may the sentinels go in: a sentinel
     * ahead of real items would stop a consumer while work is left. */
    int failed = join_all(prod, np);
    struct pc_item stop = {PC_SENTINEL, 0};
    for (int i = 0; i < nc; i++)
        if (queue_put(q, &stop, sizeof stop, QUEUE_FOREVER) != QUEUE_OK)
            break;
    failed += join_all(cons, nc);
    queue_free(q);
    return failed;
}
