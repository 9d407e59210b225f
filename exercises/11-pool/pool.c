/* pool.c -- lesson 11.  Your work goes here.
 *
 * Fill in pool_new, pool_apply_async, pool_result_get, pool_close,
 * pool_join and pool_free.  `make check LESSON=11` tells you what works.
 * lessons/11-pool/README.md explains the design step by step: two pipes per
 * worker, a caller that decides everything, end-of-file as the news that a
 * worker is gone. */
#include "pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* given, from lesson 01 */
void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
}

/* given, from lesson 01 */
int proc_start(struct proc *p)
{
    if (!p || !p->task || p->pid != 0) {
        errno = EINVAL;
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int code = p->task(p->arg);
        fflush(NULL);
        _exit(code & 0xff);
    }
    p->pid = pid;
    return 0;
}

/* given: whole reads and writes on a pipe.  read_full returns 1 when all
 * `size` bytes came, 0 at end-of-file (every writer is gone), -1 with
 * errno on error; write_full returns 0 or -1 with errno (EPIPE: nobody
 * reads any more). */
static inline int read_full(int fd, void *buf, size_t size)
{
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, (char *)buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
        got += (size_t)r;
    }
    return 1;
}

static inline int write_full(int fd, const void *buf, size_t size)
{
    size_t put = 0;
    while (put < size) {
        ssize_t w = write(fd, (const char *)buf + put, size - put);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        put += (size_t)w;
    }
    return 0;
}

void pool_task_error(int code)
{
    /* TODO: runs in a worker, during a task: remember code (if != 0) so
     * that the worker sends it back instead of the task's value. */
    (void)code;
}

struct pool *pool_new(int nworkers, int max_tasks)
{
    /* TODO: check the arguments, allocate the pool and its worker slots,
     * and start every worker (two pipes, then proc_start on a loop that
     * reads tasks until end-of-file). */
    (void)nworkers;
    (void)max_tasks;
    errno = ENOSYS;
    return NULL;
}

int pool_apply_async(struct pool *p, pool_task task, long arg)
{
    /* TODO: refuse a closed pool, remember the task, hand it to a free
     * worker if there is one, and return its handle. */
    (void)p;
    (void)task;
    (void)arg;
    errno = ENOSYS;
    return -1;
}

enum pool_status pool_result_get(struct pool *p, int handle, double timeout_s,
                                 struct pool_result *out)
{
    /* TODO: until the task is done or the time is up, keep the pool
     * going: poll the result pipes, take results, bury dead workers. */
    (void)p;
    (void)timeout_s;
    if (out) {
        memset(out, 0, sizeof *out);
        out->status = POOL_ERROR;
        out->task = handle;
    }
    errno = ENOSYS;
    return POOL_ERROR;
}

int pool_close(struct pool *p)
{
    /* TODO */
    (void)p;
    errno = ENOSYS;
    return -1;
}

int pool_join(struct pool *p)
{
    /* TODO: finish the queued work, then close every task pipe and reap
     * every worker. */
    (void)p;
    errno = ENOSYS;
    return -1;
}

void pool_free(struct pool *p)
{
    /* TODO: kill and reap workers still alive, then free the memory. */
    (void)p;
}
