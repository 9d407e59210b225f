/* pool.c -- lesson 11, reference solution.
 *
 * One caller, n workers.  Each worker has two pipes: tasks go in on one,
 * results come back on the other.  The caller decides everything (which
 * worker gets which task, when a worker retires), so it always knows which
 * task a worker was running when that worker died. */
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

/* ---- given, from lesson 01 ---- */

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
}

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

/* ---- what travels through the pipes ---- */

/* A function's address means the same in every worker: each is a fork of
 * the caller, the same program at the same addresses. */
struct task_msg {
    pool_task task;
    long arg;
    int job;
};

struct result_msg {
    int job;
    int error;      /* 0: the task returned value; else its pool_task_error code */
    long value;
};

/* Both messages are far below PIPE_BUF, so each write arrives whole; the
 * loops only guard against signals and short reads. */
static int read_full(int fd, void *buf, size_t size)
{
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, (char *)buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;   /* end of file: every writer is gone */
        got += (size_t)r;
    }
    return 1;
}

static int write_full(int fd, const void *buf, size_t size)
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

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* ---- the worker's side ---- */

/* Set by pool_task_error in a worker while its current task runs.  Each
 * worker is a process of its own, so this is the worker's own copy. */
static int task_error;

void pool_task_error(int code)
{
    if (code != 0)
        task_error = code;
}

/* Keep only this worker's own two ends.  A worker that kept a sibling's
 * task pipe open would stop that sibling from ever seeing end-of-file. */
static void keep_own_pipes(struct pool_worker *self)
{
    struct pool *p = self->pool;
    for (int i = 0; i < p->nworkers; i++) {
        close_fd(&p->workers[i].task_fd);
        close_fd(&p->workers[i].result_fd);
    }
}

static int worker_main(void *arg)
{
    struct pool_worker *self = arg;
    keep_own_pipes(self);
    struct task_msg t;
    /* End of file on the task pipe is the caller saying "no more work". */
    while (read_full(self->worker_in, &t, sizeof t) == 1) {
        struct result_msg r;
        /* Zero the padding between the fields too: all of r goes down the
         * pipe, and bytes never written are garbage to the reader. */
        memset(&r, 0, sizeof r);
        r.job = t.job;
        task_error = 0;
        r.value = t.task(t.arg);
        r.error = task_error;
        if (r.error)
            r.value = 0;
        fflush(NULL);
        if (write_full(self->worker_out, &r, sizeof r) < 0)
            return 1;
    }
    return 0;
}

/* ---- the caller's side: workers ---- */

static int start_worker(struct pool *p, struct pool_worker *w)
{
    int tp[2], rp[2];
    if (pipe(tp) < 0)
        return -1;
    if (pipe(rp) < 0) {
        close(tp[0]);
        close(tp[1]);
        return -1;
    }
    w->pool = p;
    w->task_fd = tp[1];
    w->worker_in = tp[0];
    w->result_fd = rp[0];
    w->worker_out = rp[1];
    w->job = -1;
    w->served = 0;
    proc_init(&w->proc, worker_main, w);
    int r = proc_start(&w->proc);
    int saved = errno;
    /* The worker's ends belong to the worker now: if the caller kept the
     * write end of the result pipe, it would never read end-of-file there
     * when the worker dies. */
    close_fd(&w->worker_in);
    close_fd(&w->worker_out);
    if (r < 0) {
        close_fd(&w->task_fd);
        close_fd(&w->result_fd);
        w->proc.pid = 0;
        errno = saved;
    }
    return r;
}

/* Whether a worker that just ended needs a successor. */
static int wants_workers(const struct pool *p)
{
    return !p->joined && (!p->closed || p->next_queued < p->njobs);
}

static void fail_job(struct pool *p, int job, int status)
{
    struct pool_result *res = &p->jobs[job].result;
    res->status = POOL_FAILED;
    res->value = 0;
    res->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    res->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    p->jobs[job].state = POOL_JOB_DONE;
}

/* The worker has ended or is about to (its task pipe is closed): reap it,
 * blame its task if it had one, and start a successor in its slot. */
static void bury_worker(struct pool *p, struct pool_worker *w)
{
    int status = 0;
    while (waitpid(w->proc.pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (w->job >= 0)
        fail_job(p, w->job, status);
    close_fd(&w->task_fd);
    close_fd(&w->result_fd);
    w->proc.pid = 0;
    w->job = -1;
    if (wants_workers(p))
        start_worker(p, w);
}

static void take_result(struct pool *p, struct pool_worker *w, const struct result_msg *m)
{
    struct pool_job *j = &p->jobs[w->job];
    /* A task that reported an error failed, but its worker lives on. */
    j->result.status = m->error ? POOL_FAILED : POOL_OK;
    j->result.error = m->error;
    j->result.value = m->value;
    j->state = POOL_JOB_DONE;
    w->job = -1;
    if (p->max_tasks > 0 && w->served >= p->max_tasks) {
        close_fd(&w->task_fd);   /* end of file: the worker returns */
        bury_worker(p, w);
    }
}

/* ---- the caller's side: moving work ---- */

static int send_task(struct pool_worker *w, const struct task_msg *m)
{
    /* A worker killed from outside leaves a pipe without a reader; the
     * write must fail with EPIPE, not kill the caller with SIGPIPE. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    int r = write_full(w->task_fd, m, sizeof *m);
    sigaction(SIGPIPE, &old, NULL);
    return r;
}

static void dispatch(struct pool *p)
{
    for (int i = 0; i < p->nworkers && p->next_queued < p->njobs; i++) {
        struct pool_worker *w = &p->workers[i];
        if (w->proc.pid == 0 || w->job >= 0)
            continue;
        int h = p->next_queued;
        struct task_msg m;
        memset(&m, 0, sizeof m);   /* padding included: see worker_main */
        m.task = p->jobs[h].task;
        m.arg = p->jobs[h].arg;
        m.job = h;
        if (send_task(w, &m) < 0) {
            bury_worker(p, w);   /* the task was not sent: it stays queued */
            continue;
        }
        p->next_queued++;
        w->job = h;
        w->served++;
        p->jobs[h].state = POOL_JOB_RUNNING;
        p->jobs[h].result.worker = w->proc.pid;
    }
}

static int live_workers(const struct pool *p)
{
    int n = 0;
    for (int i = 0; i < p->nworkers; i++)
        n += p->workers[i].proc.pid != 0;
    return n;
}

/* Start a worker in every empty slot (a successor whose fork or pipe
 * failed earlier).  Returns 0, or the errno of the last start that failed. */
static int refill(struct pool *p)
{
    int err = 0;
    for (int i = 0; i < p->nworkers && wants_workers(p); i++)
        if (p->workers[i].proc.pid == 0 && start_worker(p, &p->workers[i]) < 0)
            err = errno;
    return err;
}

/* Wait up to timeout_ms (< 0: no limit) for something from the workers,
 * and act on all of it.  Returns 0, or -1 with errno. */
static int pump(struct pool *p, int timeout_ms)
{
    int err = refill(p);
    dispatch(p);
    if (live_workers(p) == 0) {
        /* No worker could be started: nothing could ever finish. */
        errno = err ? err : EAGAIN;
        return -1;
    }
    struct pollfd fds[p->nworkers];
    for (int i = 0; i < p->nworkers; i++) {
        fds[i].fd = p->workers[i].proc.pid ? p->workers[i].result_fd : -1;
        fds[i].events = POLLIN;
        fds[i].revents = 0;
    }
    int n = poll(fds, (nfds_t)p->nworkers, timeout_ms);
    if (n < 0)
        return errno == EINTR ? 0 : -1;
    for (int i = 0; i < p->nworkers; i++) {
        struct pool_worker *w = &p->workers[i];
        if (!fds[i].revents || w->proc.pid == 0)
            continue;
        struct result_msg m;
        int r = read_full(w->result_fd, &m, sizeof m);
        if (r == 1 && w->job == m.job)
            take_result(p, w, &m);
        else if (r <= 0)
            bury_worker(p, w);   /* end of file: the worker has died */
    }
    dispatch(p);
    return 0;
}

/* ---- the interface ---- */

static void stop_idle_workers(struct pool *p)
{
    for (int i = 0; i < p->nworkers; i++)
        close_fd(&p->workers[i].task_fd);
    for (int i = 0; i < p->nworkers; i++)
        if (p->workers[i].proc.pid)
            bury_worker(p, &p->workers[i]);
}

struct pool *pool_new(int nworkers, int max_tasks)
{
    if (nworkers < 1 || max_tasks < 0) {
        errno = EINVAL;
        return NULL;
    }
    struct pool *p = calloc(1, sizeof *p);
    if (!p || !(p->workers = calloc((size_t)nworkers, sizeof *p->workers))) {
        free(p);
        errno = ENOMEM;
        return NULL;
    }
    p->nworkers = nworkers;
    p->max_tasks = max_tasks;
    for (int i = 0; i < nworkers; i++)
        p->workers[i].task_fd = p->workers[i].result_fd = -1;
    for (int i = 0; i < nworkers; i++) {
        if (start_worker(p, &p->workers[i]) < 0) {
            int saved = errno;
            p->joined = 1;
            stop_idle_workers(p);
            pool_free(p);
            errno = saved;
            return NULL;
        }
    }
    return p;
}

int pool_apply_async(struct pool *p, pool_task task, long arg)
{
    if (!p || !task) {
        errno = EINVAL;
        return -1;
    }
    if (p->closed) {
        errno = ESHUTDOWN;
        return -1;
    }
    if (p->njobs == p->cap) {
        int cap = p->cap ? 2 * p->cap : 16;
        struct pool_job *jobs = realloc(p->jobs, (size_t)cap * sizeof *jobs);
        if (!jobs) {
            errno = ENOMEM;
            return -1;
        }
        p->jobs = jobs;
        p->cap = cap;
    }
    int h = p->njobs++;
    p->jobs[h] = (struct pool_job){.task = task, .arg = arg, .state = POOL_JOB_QUEUED};
    p->jobs[h].result = (struct pool_result){.status = POOL_TIMEOUT, .task = h, .exit_code = -1};
    dispatch(p);   /* a free worker may start on it right away */
    return h;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum pool_status pool_result_get(struct pool *p, int handle, double timeout_s,
                                 struct pool_result *out)
{
    if (!p || !out || handle < 0 || handle >= p->njobs) {
        errno = EINVAL;
        if (out)
            *out = (struct pool_result){.status = POOL_ERROR, .task = handle, .exit_code = -1};
        return POOL_ERROR;
    }
    double deadline = now_s() + timeout_s;
    /* Look (pump) before judging the time: with timeout 0 a result that is
     * already in its pipe must still be collected. */
    while (p->jobs[handle].state != POOL_JOB_DONE) {
        int ms = -1;
        if (timeout_s >= 0) {
            double left = deadline - now_s();
            /* Whole milliseconds, rounded up with integers: poll must never
             * return before the deadline. */
            long us = left > 0 ? (long)(left * 1e6) : 0;
            ms = (int)((us + 999) / 1000);
        }
        if (pump(p, ms) < 0) {
            int saved = errno;
            *out = (struct pool_result){.status = POOL_ERROR, .task = handle, .exit_code = -1};
            errno = saved;
            return POOL_ERROR;
        }
        if (p->jobs[handle].state != POOL_JOB_DONE && timeout_s >= 0 &&
            now_s() >= deadline) {
            *out = p->jobs[handle].result;
            out->status = POOL_TIMEOUT;
            return POOL_TIMEOUT;
        }
    }
    *out = p->jobs[handle].result;
    return out->status;
}

int pool_close(struct pool *p)
{
    if (!p) {
        errno = EINVAL;
        return -1;
    }
    p->closed = 1;
    return 0;
}

static int unfinished(const struct pool *p)
{
    for (int h = 0; h < p->njobs; h++)
        if (p->jobs[h].state != POOL_JOB_DONE)
            return 1;
    return 0;
}

int pool_join(struct pool *p)
{
    if (!p || !p->closed) {
        errno = EINVAL;
        return -1;
    }
    while (unfinished(p))
        if (pump(p, -1) < 0)
            return -1;
    p->joined = 1;
    stop_idle_workers(p);
    return 0;
}

void pool_free(struct pool *p)
{
    if (!p)
        return;
    p->joined = 1;   /* no successors from here on */
    for (int i = 0; i < p->nworkers; i++) {
        struct pool_worker *w = &p->workers[i];
        if (w->proc.pid) {
            kill(w->proc.pid, SIGKILL);
            w->job = -1;
            bury_worker(p, w);
        }
    }
    free(p->workers);
    free(p->jobs);
    free(p);
}
