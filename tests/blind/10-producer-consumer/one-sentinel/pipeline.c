/* pipeline.c -- lesson 10.  Your work goes here.
 *
 * Everything you need from earlier lessons is given in queue.c: processes
 * (proc_init, proc_start, proc_join, proc_exitcode) and the queue.  Write the
 * producer, the consumer and the pipeline that joins them.
 * `make check LESSON=10` tells you what works; lessons/10-producer-consumer/
 * README.md explains sentinels, joining order and deadlocks. */
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
        if (queue_get(w->q, &item, sizeof item, &len, QUEUE_FOREVER) != QUEUE_OK)
            return 1;
        if (item.producer == PC_SENTINEL)
            return 0;
        if (w->cfg->consume)
            w->cfg->consume(w->cfg->ctx, w->index, item);
    }
}

/* Join what was started and count the children that did not exit 0. */
static int join_all(struct proc *ps, int n)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        int code;
        if (proc_join(&ps[i]) < 0 || !proc_exitcode(&ps[i], &code) || code != 0)
            failed++;
    }
    return failed;
}

int pc_run(const struct pc_config *cfg)
{
    if (!cfg || cfg->nproducers < 1 || cfg->nproducers > PC_MAX_WORKERS ||
        cfg->nconsumers < 1 || cfg->nconsumers > PC_MAX_WORKERS || cfg->items < 0 ||
        cfg->capacity < 1 || cfg->capacity > QUEUE_MAXSIZE_MAX) {
        errno = EINVAL;
        return -1;
    }
    struct queue *q = queue_new(cfg->capacity);
    if (!q)
        return -1;

    struct pc_worker pw[PC_MAX_WORKERS], cw[PC_MAX_WORKERS];
    struct proc prod[PC_MAX_WORKERS], cons[PC_MAX_WORKERS];
    int nprod = 0, ncons = 0, err = 0;

    for (int i = 0; i < cfg->nconsumers; i++) {
        cw[i] = (struct pc_worker){q, cfg, i};
        proc_init(&cons[i], pc_consumer, &cw[i]);
        if (proc_start(&cons[i]) < 0) {
            err = errno;
            goto fail;
        }
        ncons++;
    }
    for (int i = 0; i < cfg->nproducers; i++) {
        pw[i] = (struct pc_worker){q, cfg, i};
        proc_init(&prod[i], pc_producer, &pw[i]);
        if (proc_start(&prod[i]) < 0) {
            err = errno;
            goto fail;
        }
        nprod++;
    }

    int failed = join_all(prod, nprod);
    struct pc_item sentinel = {PC_SENTINEL, 0};
    queue_put(q, &sentinel, sizeof sentinel, QUEUE_FOREVER);   /* tell the consumers to stop */
    failed += join_all(cons, ncons);
    queue_free(q);
    return failed;

fail:
    queue_close(q);
    join_all(prod, nprod);
    join_all(cons, ncons);
    queue_free(q);
    errno = err;
    return -1;
}
