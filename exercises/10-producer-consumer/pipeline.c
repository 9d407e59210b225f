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
    /* TODO: put {index, 0} .. {index, items - 1}, in order, waiting for
     * room as long as it takes. */
    (void)arg;
    return 1;
}

int pc_consumer(void *arg)
{
    /* TODO: get items until a sentinel; hand each other item to
     * cfg->consume.  Return 0 at the sentinel. */
    (void)arg;
    return 1;
}

int pc_run(const struct pc_config *cfg)
{
    /* TODO: a queue, the consumers and producers as child processes, the
     * sentinels at the right moment, and every child joined. */
    (void)cfg;
    errno = ENOSYS;
    return -1;
}
