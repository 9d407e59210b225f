/* pool.h -- lesson 11: a pool of worker processes.
 *
 * The C version of Python's
 *     pool = multiprocessing.Pool(3)
 *     r = pool.apply_async(task, (arg,))
 *     r.get(timeout=0.5)
 *     pool.close()
 *     pool.join()
 * and better than it: a task that crashes its worker is reported to whoever
 * asks for its result, and the pool carries on with a new worker.  A task
 * that fails without crashing (Python: it raises) says so with
 * pool_task_error, and its worker goes on serving.
 * Read lessons/11-pool/README.md before you start. */
#ifndef POOL_H
#define POOL_H

#include <sys/types.h>

/* ---- given, from lesson 01 ---- */

/* A process task.  Its return value becomes the child's exit status. */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds, then the child's pid */
    proc_task task;
    void *arg;
};

/* proc_init: prepare p to run task(arg) in a new process.  Starts nothing.
 * (given, from lesson 01) */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start: fork a child that runs p->task(p->arg) and ends with
 * _exit(<its return value>); the caller gets 0 at once with p->pid set.
 * Errors: -1 with errno: EINVAL (NULL, no task, started already), fork's.
 * (given, from lesson 01) */
int proc_start(struct proc *p);

/* ---- this lesson ---- */

/* A pool task runs in a worker process.  It gets one number and returns
 * one number: both travel through a pipe, so no pointer crosses between
 * processes (see the README, "Sending work to a worker"). */
typedef long (*pool_task)(long arg);

/* pool_task_error: called by a task, inside its worker, to report that it
 * failed with `code` (!= 0; 0 is ignored) -- C's "raise" in a task.  The
 * task's return value is then dropped: pool_result_get reports
 * POOL_FAILED with out->error = code, out->signal 0, out->exit_code -1 and
 * the worker that ran it, and that worker stays alive for the next task. */
void pool_task_error(int code);

/* How asking for a result ended. */
enum pool_status {
    POOL_OK = 0,     /* the task returned: value holds what it returned */
    POOL_TIMEOUT,    /* the task has not finished yet: ask again later */
    POOL_FAILED,     /* the task failed: it reported an error (error != 0,
                        the worker lives on), or it ended its worker before
                        returning (it crashed, was killed or called exit):
                        see worker, error, signal, exit_code */
    POOL_ERROR,      /* no such handle, or a system call failed: errno */
};

/* What pool_result_get reports about one task. */
struct pool_result {
    enum pool_status status;
    long value;      /* POOL_OK: the task's return value; else 0 */
    int task;        /* the handle this result belongs to */
    pid_t worker;    /* POOL_OK, POOL_FAILED: the worker that ran the task */
    int error;       /* POOL_FAILED: the code the task gave pool_task_error;
                        0 when its worker died */
    int signal;      /* POOL_FAILED: the signal that killed the worker, or 0 */
    int exit_code;   /* POOL_FAILED: the worker's exit code if it exited
                        (signal == 0); else -1 */
};

/* One worker process and its two pipes, as the caller sees them. */
struct pool_worker {
    struct proc proc;   /* proc.pid == 0: the slot has no live worker */
    struct pool *pool;  /* back to the pool, for the worker's own side */
    int task_fd;        /* caller's end: write one struct per task */
    int result_fd;      /* caller's end: read one struct per result */
    int worker_in;      /* worker's ends, open in the caller only while */
    int worker_out;     /*   the worker is being started; then -1 */
    int job;            /* handle of the task it runs now, or -1: idle */
    int served;         /* tasks handed to this process so far */
};

/* One apply_async call: its handle is its index in pool.jobs. */
struct pool_job {
    pool_task task;
    long arg;
    int state;                  /* POOL_JOB_QUEUED, _RUNNING or _DONE */
    struct pool_result result;  /* complete once state is POOL_JOB_DONE */
};

enum { POOL_JOB_QUEUED, POOL_JOB_RUNNING, POOL_JOB_DONE };

struct pool {
    int nworkers;               /* workers kept alive while there is work */
    int max_tasks;              /* tasks per worker process; 0: no limit */
    int closed;                 /* pool_close was called */
    int joined;                 /* pool_join has ended the workers */
    struct pool_worker *workers;   /* nworkers slots */
    struct pool_job *jobs;      /* every task ever submitted, by handle */
    int njobs, cap;
    int next_queued;            /* lowest handle not yet sent to a worker:
                                   tasks go out in the order they came */
};

/* pool_new: start nworkers worker processes now, each waiting for tasks.
 * With max_tasks > 0, a worker process serves at most max_tasks tasks and
 * is then replaced by a fresh one (a new pid); 0 means no limit.
 *
 * Returns the pool.  Errors: NULL with errno set: EINVAL if nworkers < 1 or
 * max_tasks < 0; ENOMEM; pipe's or fork's errno (workers already started
 * are ended and reaped first, and every pipe is closed: nothing is left). */
struct pool *pool_new(int nworkers, int max_tasks);

/* pool_apply_async: queue task(arg) to run in one of the workers, and
 * return at once -- before the task starts, let alone finishes.  Tasks
 * start in the order they were queued, as workers become free; at most
 * nworkers run at the same time.
 *
 * Returns a handle >= 0 for pool_result_get (0, 1, 2... in order).
 * Errors: -1 with errno set: EINVAL if p or task is NULL; ESHUTDOWN if the
 * pool was closed; ENOMEM. */
int pool_apply_async(struct pool *p, pool_task task, long arg);

/* pool_result_get: wait up to timeout_s seconds for the task behind handle
 * to end, and describe how it ended in *out (out->status is also returned).
 * timeout_s < 0 waits as long as it takes; 0 only looks.  While it waits it
 * keeps the pool going: it sends queued tasks to free workers, collects
 * results, and replaces workers that ended.
 *
 *   POOL_OK       the task returned out->value in worker out->worker.
 *   POOL_TIMEOUT  it has not ended after timeout_s (at least that long):
 *                 nothing is lost, ask again.
 *   POOL_FAILED   the task called pool_task_error(code): out->error is
 *                 code, out->worker the worker that ran it (still alive,
 *                 reused), signal 0, exit_code -1.  Or the worker died
 *                 while running the task: out->error is 0, out->worker its
 *                 pid, out->signal the signal that killed it (or 0 and
 *                 out->exit_code its exit code).  The dead worker has been
 *                 reaped and a new one started in its place by then.
 *   POOL_ERROR    p or out is NULL or handle unknown (errno EINVAL), or a
 *                 system call failed (its errno), e.g. no worker could be
 *                 started in place of the dead ones (fork's or pipe's
 *                 errno): nothing is lost, ask again later.
 *
 * With timeout 0 a task that has already ended is reported (POOL_OK or
 * POOL_FAILED), never POOL_TIMEOUT: the call collects what the workers
 * sent before it looks at the clock.  A signal caught while it waits does
 * not end the wait.  A slot whose worker could not be replaced is tried
 * again on the next call.
 *
 * A result can be asked for again: the answer stays the same. */
enum pool_status pool_result_get(struct pool *p, int handle, double timeout_s,
                                 struct pool_result *out);

/* pool_close: accept no more tasks.  Tasks already queued still run.
 * Returns 0.  Errors: -1 with errno = EINVAL if p is NULL. */
int pool_close(struct pool *p);

/* pool_join: after pool_close, wait until every queued task has ended
 * (results are kept for pool_result_get), then let the workers go and wait
 * for each of them to exit.  When it returns, no worker process is left,
 * not even a zombie.
 *
 * Returns 0.  Errors: -1 with errno set: EINVAL if p is NULL or the pool
 * was not closed first. */
int pool_join(struct pool *p);

/* pool_free: release the pool.  Workers still alive (no pool_join) are
 * killed with SIGKILL and reaped, so nothing is left.  (Python's terminate
 * sends SIGTERM, which a task may catch or ignore; SIGKILL cannot be.)
 * NULL is accepted and ignored. */
void pool_free(struct pool *p);

#endif
