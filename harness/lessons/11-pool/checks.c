/* Lesson 11 checks: a pool of n reused worker processes that reports a
 * task whose worker died instead of hanging.
 *
 * The tasks below run inside the student's workers.  They learn facts from
 * the kernel there (getpid, getppid) and write them to a board in MAP_SHARED
 * memory made before pool_new, so every worker -- and every replacement,
 * forked later from the caller -- shares it. */
#include "fl.h"
#include "pool.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct board {
    struct fl_probe *probe;
    int running, max_running;   /* probe tasks between start and return */
    pid_t died_in;              /* pid of the worker a dying task ran in */
};

static struct board *B;

static void board_new(int gated)
{
    B = mmap(NULL, sizeof *B, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (B == MAP_FAILED)
        fl_fail("memory for the check's board", "mmap failed: %s", strerror(errno));
    memset(B, 0, sizeof *B);
    B->probe = fl_probe_new(gated, 0);
}

/* ---- tasks (they run in the workers: no fl_ call that ends a check) ---- */

/* Records its run on the probe (pid, ppid, tag) and the highest number of
 * tasks seen running at once; waits at the gate when the probe is gated. */
static long probe_job(long tag)
{
    int now = __atomic_add_fetch(&B->running, 1, __ATOMIC_SEQ_CST);
    int max = __atomic_load_n(&B->max_running, __ATOMIC_SEQ_CST);
    while (now > max && !__atomic_compare_exchange_n(&B->max_running, &max, now, 0,
                                                     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        ;
    struct fl_probe_arg a = {B->probe, tag};
    fl_probe_task(&a);
    __atomic_sub_fetch(&B->running, 1, __ATOMIC_SEQ_CST);
    return tag * 1000 + 7;
}

/* A value wider than an int: the argument in the high half, the pid of the
 * process that ran the task in the low half. */
#define PID_JOB_VALUE(arg, pid) ((arg) * (1L << 32) + (long)(pid))

static long pid_job(long arg)
{
    return PID_JOB_VALUE(arg, getpid());
}

/* The notes' os.kill(os.getpid(), 9), inside a pool worker. */
static long suicide_job(long sig)
{
    B->died_in = getpid();
    kill(getpid(), (int)sig);
    return -1;
}

static long exit_job(long code)
{
    B->died_in = getpid();
    _exit((int)code);
}

/* ---- kernel facts about the caller's children ---- */

/* Children of the caller from /proc; zombies too when with_zombies.
 * (A static helper: the core's fl_proc_children is not in fl.h.) */
static int my_children(pid_t *out, int max, int with_zombies)
{
    DIR *d = opendir("/proc");
    if (!d)
        fl_fail("/proc to list processes", "opendir failed: %s", strerror(errno));
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || pid <= 0 || fl_proc_ppid((pid_t)pid) != getpid())
            continue;
        char st = fl_proc_state((pid_t)pid);
        if (st && (with_zombies || st != 'Z'))
            out[n++] = (pid_t)pid;
    }
    closedir(d);
    return n;
}

static const char *pid_list(const pid_t *pids, int n)
{
    static char buf[400];
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%d", i ? ", " : "", (int)pids[i]);
    }
    return n ? buf : "none";
}

static int contains(const pid_t *pids, int n, pid_t pid)
{
    for (int i = 0; i < n; i++)
        if (pids[i] == pid)
            return 1;
    return 0;
}

/* ---- calling the student's pool ---- */

static struct pool *new_pool(int n, int k)
{
    fl_stage("calling pool_new(%d, %d)", n, k);
    errno = 0;
    struct pool *p = pool_new(n, k);
    fl_stage("looking at the workers pool_new(%d, %d) started", n, k);
    FL_EXPECT(p != NULL, "pool_new to return a pool with its workers running",
              "it returned NULL (errno %d: %s)", errno, strerror(errno));
    pid_t kids[64];
    int m = my_children(kids, 64, 0);
    if (m != n)
        fl_section("Starting the workers");
    FL_EXPECT(m == n, "pool_new(n) to start exactly n worker processes, children of the caller",
              "pool_new(%d, %d) left the caller %d with %d living children (%s)", n, k,
              (int)getpid(), m, pid_list(kids, m));
    return p;
}

static int submit(struct pool *p, pool_task task, long arg, const char *what)
{
    fl_stage("calling pool_apply_async(%s)", what);
    errno = 0;
    int h = pool_apply_async(p, task, arg);
    FL_EXPECT(h >= 0, "pool_apply_async to return a handle >= 0 on an open pool",
              "it returned %d (errno %d: %s) for %s", h, errno, strerror(errno), what);
    return h;
}

static const char *status_name(enum pool_status s)
{
    switch (s) {
    case POOL_OK: return "POOL_OK";
    case POOL_TIMEOUT: return "POOL_TIMEOUT";
    case POOL_FAILED: return "POOL_FAILED";
    case POOL_ERROR: return "POOL_ERROR";
    }
    return "an unknown status";
}

static const char *describe(const struct pool_result *r)
{
    static char buf[300];
    snprintf(buf, sizeof buf,
             "status %s (%d), value %ld, task %d, worker %d, signal %d, exit_code %d",
             status_name(r->status), (int)r->status, r->value, r->task, (int)r->worker,
             r->signal, r->exit_code);
    return buf;
}

/* Ask for a result the check knows will come; a generous ceiling turns a
 * pool that lost the task into a failure with words instead of a hang. */
static struct pool_result get_done_hint(struct pool *p, int h, const char *what,
                                        const char *hint)
{
    struct pool_result r;
    memset(&r, 0, sizeof r);
    fl_stage("calling pool_result_get for task %d (%s)", h, what);
    errno = 0;
    enum pool_status s = pool_result_get(p, h, fl_scaled(1.0), &r);
    FL_EXPECT(s == r.status, "pool_result_get to return the status it stores in out->status",
              "it returned %d but out->status is %d", (int)s, (int)r.status);
    FL_EXPECT(s != POOL_TIMEOUT && s != POOL_ERROR,
              "the result of a task that could finish at once",
              "after %.1f s pool_result_get for task %d (%s) still says %s (errno %d: %s)%s",
              fl_scaled(1.0), h, what, status_name(s), errno, strerror(errno), hint);
    FL_EXPECT(r.task == h, "out->task to be the handle that was asked for",
              "asked for task %d, got a result for task %d", h, r.task);
    return r;
}

static struct pool_result get_done(struct pool *p, int h, const char *what)
{
    return get_done_hint(p, h, what, "");
}

static struct pool_result get_ok(struct pool *p, int h, const char *what)
{
    struct pool_result r = get_done(p, h, what);
    FL_EXPECT(r.status == POOL_OK, "POOL_OK for a task that returned normally",
              "task %d (%s): %s", h, what, describe(&r));
    return r;
}

static void no_children_left(const char *when)
{
    pid_t kids[64];
    int m = my_children(kids, 64, 1);
    if (m == 0)
        return;
    fl_section("Closing and joining");
    fl_fail("no worker left after pool_join, not even a zombie",
            "%s the caller %d still has %d child process%s: %s (state %c)", when,
            (int)getpid(), m, m == 1 ? "" : "es", pid_list(kids, m), fl_proc_state(kids[0]));
}

static void close_and_join(struct pool *p)
{
    fl_stage("calling pool_close");
    errno = 0;
    int r = pool_close(p);
    FL_EXPECT(r == 0, "pool_close to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    fl_stage("calling pool_join (it should return once every worker has exited; a worker "
             "that still holds the write end of its own task pipe never reads end-of-file)");
    errno = 0;
    r = pool_join(p);
    FL_EXPECT(r == 0, "pool_join to return 0 after pool_close", "it returned %d (errno %d: %s)",
              r, errno, strerror(errno));
    no_children_left("after pool_join");
    fl_stage("calling pool_free");
    pool_free(p);
}

/* ---- the checks ---- */

FL_CHECK(pool_zero_fails, "a pool of 0 workers is an error",
         .section = "Starting the workers", .timeout_s = 4)
{
    int ns[] = {0, -2};
    for (int i = 0; i < 2; i++) {
        fl_stage("calling pool_new(%d, 0)", ns[i]);
        errno = 0;
        struct pool *p = pool_new(ns[i], 0);
        int e = errno;
        pid_t kids[64];
        int m = my_children(kids, 64, 1);
        FL_EXPECT(p == NULL && e == EINVAL, "pool_new(n) with n < 1 to return NULL with errno EINVAL",
                  "pool_new(%d, 0) returned %s with errno %d (%s)", ns[i],
                  p ? "a pool" : "NULL", e, strerror(e));
        FL_EXPECT(m == 0, "no process started by a pool_new that fails",
                  "after pool_new(%d, 0) the caller has children %s", ns[i], pid_list(kids, m));
    }
    fl_stage("calling pool_new(1, -1)");
    errno = 0;
    struct pool *p = pool_new(1, -1);
    FL_EXPECT(p == NULL && errno == EINVAL, "pool_new with max_tasks < 0 to fail with EINVAL",
              "pool_new(1, -1) returned %s with errno %d (%s)", p ? "a pool" : "NULL", errno,
              strerror(errno));
}

FL_CHECK(workers_started, "pool_new(3) starts 3 workers at once, before any task",
         .section = "Starting the workers", .timeout_s = 4)
{
    struct pool *p = new_pool(3, 0);
    close_and_join(p);
}

FL_CHECK(workers_reused, "6 tasks in a pool of 2 run in at most 2 processes, reused",
         .section = "Reusing workers", .timeout_s = 4)
{
    board_new(0);
    struct pool *p = new_pool(2, 0);
    int h[6];
    for (int i = 0; i < 6; i++)
        h[i] = submit(p, probe_job, i, "a probe task");
    for (int i = 0; i < 6; i++)
        get_ok(p, h[i], "a probe task");
    struct fl_probe *pr = B->probe;
    FL_EXPECT(pr->nruns == 6, "each of the 6 tasks to run once", "the tasks ran %d times",
              pr->nruns);
    pid_t seen[6];
    int nseen = 0;
    for (int i = 0; i < 6; i++) {
        FL_EXPECT(pr->runs[i].ppid == getpid(), "every task to run in a worker, a child of the caller",
                  "a task ran in pid %d whose parent is %d, not the caller %d",
                  (int)pr->runs[i].pid, (int)pr->runs[i].ppid, (int)getpid());
        if (!contains(seen, nseen, pr->runs[i].pid))
            seen[nseen++] = pr->runs[i].pid;
    }
    FL_EXPECT(nseen <= 2,
              "the 6 tasks to share the pool's 2 workers: at most 2 different pids",
              "they ran in %d different processes (%s): a new process per task is not a pool",
              nseen, pid_list(seen, nseen));
    close_and_join(p);
}

FL_CHECK(at_most_n_at_once, "with 3 workers and 5 tasks, exactly 3 run at once; the rest wait",
         .section = "At most n at once", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(3, 0);
    int h[5];
    for (int i = 0; i < 5; i++)
        h[i] = submit(p, probe_job, i, "a task held at a gate");
    fl_stage("waiting until 3 tasks wait at the gate (a pool that sends tasks only when "
             "pool_result_get or pool_join is called must still start the first 3 in "
             "pool_apply_async)");
    fl_probe_await(pr, 3, 0);
    int started = __atomic_load_n(&pr->nruns, __ATOMIC_SEQ_CST);
    pid_t kids[64];
    int m = my_children(kids, 64, 0);
    FL_EXPECT(m == 3, "3 worker processes while 3 tasks are held",
              "the caller has %d living children (%s)", m, pid_list(kids, m));
    FL_EXPECT(started == 3, "the 4th and 5th tasks to wait until a worker is free",
              "%d tasks had started while 3 were still held at the gate", started);
    fl_stage("letting the tasks finish");
    fl_probe_release(pr, 5);
    for (int i = 0; i < 5; i++)
        get_ok(p, h[i], "a task held at a gate");
    FL_EXPECT(B->max_running <= 3, "never more than 3 tasks running at once",
              "%d tasks ran at the same time", B->max_running);
    close_and_join(p);
}

FL_CHECK(results_match, "each result belongs to its task, whatever order tasks end in",
         .section = "Collecting results", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 0);
    /* Task 0 is held at the gate while task 1 ends: results arrive out of
     * order, and each must still reach its own handle. */
    int slow = submit(p, probe_job, 9, "a task held at a gate");
    int fast = submit(p, pid_job, 5, "a task returning a long");
    struct pool_result r = get_done_hint(p, fast, "a task returning a long, while task 0 is held",
                                         ": was its result credited to task 0, which is "
                                         "still held at the gate?");
    FL_EXPECT(r.status == POOL_OK, "POOL_OK for a task that returned normally", "task %d: %s",
              fast, describe(&r));
    FL_EXPECT(r.value == PID_JOB_VALUE(5, r.worker),
              "task 1's own value, 5 * 2^32 + the pid of its worker",
              "got value %ld (%s); expected %ld: a value from another task, or cut to an int "
              "on the way", r.value, describe(&r), PID_JOB_VALUE(5, r.worker));
    fl_stage("letting task 0 finish");
    fl_probe_release(pr, 1);
    r = get_ok(p, slow, "the task that was held at the gate");
    FL_EXPECT(r.value == 9 * 1000 + 7, "task 0's own value, 9007",
              "got %s", describe(&r));
    FL_EXPECT(r.worker == pr->runs[0].pid, "out->worker to be the pid that ran the task",
              "the task ran in pid %d but out->worker is %d", (int)pr->runs[0].pid,
              (int)r.worker);
    int h[8];
    for (int i = 0; i < 8; i++)
        h[i] = submit(p, pid_job, 100 + i, "a task returning a long");
    for (int i = 0; i < 8; i++) {
        r = get_ok(p, h[i], "a task returning a long");
        FL_EXPECT(r.value == PID_JOB_VALUE(100 + i, r.worker),
                  "each task's own return value, as a whole long",
                  "task %d (argument %d) gave %ld; expected %ld for worker %d", h[i], 100 + i,
                  r.value, PID_JOB_VALUE(100 + i, r.worker), (int)r.worker);
        FL_EXPECT(fl_proc_ppid(r.worker) == getpid(),
                  "out->worker to be one of the pool's workers",
                  "out->worker is %d, whose parent is %d", (int)r.worker,
                  (int)fl_proc_ppid(r.worker));
    }
    close_and_join(p);
}

FL_CHECK(bad_handles, "unknown handles and NULL arguments are errors, not crashes",
         .section = "Collecting results", .timeout_s = 4)
{
    struct pool *p = new_pool(1, 0);
    int h = submit(p, pid_job, 1, "a task");
    int bad[] = {h + 1, -1};
    for (int i = 0; i < 2; i++) {
        struct pool_result r;
        fl_stage("calling pool_result_get with handle %d (only handle %d exists)", bad[i], h);
        errno = 0;
        enum pool_status s = pool_result_get(p, bad[i], 0, &r);
        FL_EXPECT(s == POOL_ERROR && errno == EINVAL,
                  "POOL_ERROR with errno EINVAL for a handle pool_apply_async never returned",
                  "pool_result_get(handle %d) returned %s (errno %d: %s)", bad[i],
                  status_name(s), errno, strerror(errno));
    }
    fl_stage("calling pool_result_get with out = NULL");
    errno = 0;
    enum pool_status s = pool_result_get(p, h, 0, NULL);
    FL_EXPECT(s == POOL_ERROR && errno == EINVAL, "POOL_ERROR with errno EINVAL for out = NULL",
              "it returned %s (errno %d: %s)", status_name(s), errno, strerror(errno));
    fl_stage("calling pool_apply_async with task = NULL");
    errno = 0;
    int r = pool_apply_async(p, NULL, 0);
    FL_EXPECT(r == -1 && errno == EINVAL, "-1 with errno EINVAL for a NULL task",
              "pool_apply_async(p, NULL, 0) returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    fl_stage("calling pool_close(NULL), pool_join(NULL) and pool_free(NULL)");
    errno = 0;
    r = pool_close(NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "pool_close(NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    errno = 0;
    r = pool_join(NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "pool_join(NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    pool_free(NULL);
    get_ok(p, h, "a task");
    close_and_join(p);
}

FL_CHECK(get_timeout, "asking with a timeout before the task ends reports a timeout",
         .section = "Waiting with a timeout", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(1, 0);
    int h = submit(p, probe_job, 3, "a task held at a gate");
    fl_stage("waiting for the task to reach the gate");
    fl_probe_await(pr, 1, 0);
    struct pool_result r;
    fl_stage("calling pool_result_get with timeout 0 on a running task");
    enum pool_status s = pool_result_get(p, h, 0, &r);
    FL_EXPECT(s == POOL_TIMEOUT, "POOL_TIMEOUT at once for a task still running (timeout 0)",
              "pool_result_get returned %s (%s)", status_name(s), describe(&r));
    double wait = fl_scaled(0.05);
    fl_stage("calling pool_result_get with timeout %.3f s on a task held at a gate", wait);
    double t0 = fl_now();
    s = pool_result_get(p, h, wait, &r);
    double took = fl_now() - t0;
    FL_EXPECT(s == POOL_TIMEOUT, "POOL_TIMEOUT for a task still running when the time is up",
              "pool_result_get returned %s (%s)", status_name(s), describe(&r));
    FL_EXPECT(took >= wait - 0.001, "pool_result_get to wait the whole timeout before POOL_TIMEOUT",
              "it gave up after %.3f s of %.3f s", took, wait);
    FL_EXPECT(!pr->runs[0].done && fl_proc_state(pr->runs[0].pid) != 'Z',
              "the timeout to leave the task running", "worker %d is %s", (int)pr->runs[0].pid,
              pr->runs[0].done ? "done with the task" : "dead");
    fl_stage("letting the task finish");
    fl_probe_release(pr, 1);
    r = get_ok(p, h, "the task after its gate opened");
    FL_EXPECT(r.value == 3007, "the task's value once it has ended", "got %s", describe(&r));
    close_and_join(p);
}

FL_CHECK(close_rejects_tasks, "after pool_close, submitting fails; queued tasks still run",
         .section = "Closing and joining", .timeout_s = 4)
{
    struct pool *p = new_pool(2, 0);
    int h = submit(p, pid_job, 1, "a task before pool_close");
    fl_stage("calling pool_close");
    FL_EXPECT(pool_close(p) == 0, "pool_close to return 0", "it returned -1 (%s)",
              strerror(errno));
    fl_stage("calling pool_apply_async on a closed pool");
    errno = 0;
    int late = pool_apply_async(p, pid_job, 2);
    FL_EXPECT(late == -1 && errno == ESHUTDOWN,
              "pool_apply_async on a closed pool to return -1 with errno ESHUTDOWN",
              "it returned %d (errno %d: %s)", late, errno, strerror(errno));
    struct pool_result r = get_ok(p, h, "a task queued before pool_close");
    FL_EXPECT(r.value == PID_JOB_VALUE(1, r.worker), "its own value",
              "got %s", describe(&r));
    fl_stage("calling pool_join");
    FL_EXPECT(pool_join(p) == 0, "pool_join to return 0", "it returned -1 (%s)", strerror(errno));
    no_children_left("after pool_join");
    pool_free(p);
}

FL_CHECK(join_finishes_work, "pool_join runs every queued task before it returns",
         .section = "Closing and joining", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 0);
    int h[5];
    for (int i = 0; i < 5; i++)
        h[i] = submit(p, probe_job, i, "a task held at a gate");
    fl_stage("waiting until 2 tasks run");
    fl_probe_await(pr, 2, 0);
    fl_probe_release(pr, 5);
    fl_stage("calling pool_join with 3 tasks still queued, before pool_close");
    errno = 0;
    int r = pool_join(p);
    FL_EXPECT(r == -1 && errno == EINVAL, "pool_join before pool_close to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling pool_close");
    pool_close(p);
    fl_stage("calling pool_join with 3 tasks still queued");
    r = pool_join(p);
    FL_EXPECT(r == 0, "pool_join to return 0", "it returned %d (%s)", r, strerror(errno));
    int done = 0;
    for (int i = 0; i < pr->nruns && i < FL_PROBE_SLOTS; i++)
        done += pr->runs[i].done;
    FL_EXPECT(pr->nruns == 5 && done == 5,
              "all 5 tasks to have run to the end when pool_join returns",
              "%d of 5 tasks started and %d ended: pool_join let the workers go with tasks "
              "still queued", pr->nruns, done);
    for (int i = 0; i < 5; i++) {
        struct pool_result res;
        enum pool_status s = pool_result_get(p, h[i], 0, &res);
        FL_EXPECT(s == POOL_OK && res.value == i * 1000 + 7,
                  "every result kept after pool_join", "task %d: %s", h[i], describe(&res));
    }
    no_children_left("after pool_join");
    pool_free(p);
}

FL_CHECK(join_ends_workers, "pool_join waits for every worker to exit and reaps it",
         .section = "Closing and joining", .timeout_s = 4)
{
    struct pool *p = new_pool(3, 0);
    pid_t workers[64];
    int n = my_children(workers, 64, 0);
    for (int i = 0; i < 3; i++)
        get_ok(p, submit(p, pid_job, i, "a task"), "a task");
    close_and_join(p);
    for (int i = 0; i < n; i++)
        FL_EXPECT(fl_proc_state(workers[i]) == 0, "every worker gone after pool_join",
                  "worker %d still exists (state %c)", (int)workers[i],
                  fl_proc_state(workers[i]));
}

FL_CHECK(crash_reported, "a task that kills its worker is reported: which task, worker, signal",
         .section = "When a worker dies", .timeout_s = 4)
{
    board_new(0);
    struct pool *p = new_pool(2, 0);
    int h = submit(p, suicide_job, SIGKILL, "a task that kills its own worker with SIGKILL");
    struct pool_result r = get_done_hint(p, h, "a task that kills its own worker with SIGKILL",
                                         ": the pool never noticed that the worker died "
                                         "(end-of-file on its result pipe says so, unless "
                                         "the caller still holds the pipe's write end) -- "
                                         "Python's pool hangs here for ever");
    pid_t dead = B->died_in;
    FL_EXPECT(r.status == POOL_FAILED && r.signal == SIGKILL && r.worker == dead,
              "POOL_FAILED with signal 9 (SIGKILL) and worker = the pid that died",
              "the task died in worker %d; the result says %s", (int)dead, describe(&r));
    FL_EXPECT(!fl_is_unreaped_child(dead, NULL),
              "the dead worker reaped by the time its failure is reported",
              "worker %d is still a zombie child of the caller", (int)dead);
    h = submit(p, exit_job, 3, "a task that calls _exit(3)");
    r = get_done(p, h, "a task that calls _exit(3)");
    dead = B->died_in;
    FL_EXPECT(r.status == POOL_FAILED && r.signal == 0 && r.exit_code == 3 && r.worker == dead,
              "POOL_FAILED with signal 0, exit_code 3 and the worker's pid",
              "the task ended worker %d with _exit(3); the result says %s", (int)dead,
              describe(&r));
    h = submit(p, pid_job, 4, "a task after two workers died");
    r = get_ok(p, h, "a task after two workers died");
    FL_EXPECT(r.value == PID_JOB_VALUE(4, r.worker), "the pool to go on working",
              "got %s", describe(&r));
    close_and_join(p);
}

FL_CHECK(dead_worker_replaced, "a worker that died is replaced by a new process",
         .section = "When a worker dies", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 0);
    int h = submit(p, suicide_job, SIGKILL, "a task that kills its own worker");
    get_done(p, h, "a task that kills its own worker");
    pid_t dead = B->died_in;
    pid_t kids[64];
    int m = my_children(kids, 64, 0);
    FL_EXPECT(m == 2 && !contains(kids, m, dead),
              "2 living workers again by the time the failure is reported, none of them "
              "the dead one",
              "worker %d died; the caller's living children are now %s", (int)dead,
              pid_list(kids, m));
    int g[2];
    for (int i = 0; i < 2; i++)
        g[i] = submit(p, probe_job, i, "a task held at a gate");
    fl_stage("waiting until both workers hold a task at the gate");
    fl_probe_await(pr, 2, 0);
    FL_EXPECT(pr->runs[0].pid != pr->runs[1].pid && pr->runs[0].pid != dead &&
                  pr->runs[1].pid != dead,
              "two different living workers, neither of them the dead one",
              "the tasks ran in %d and %d; the dead worker was %d", (int)pr->runs[0].pid,
              (int)pr->runs[1].pid, (int)dead);
    fl_probe_release(pr, 2);
    for (int i = 0; i < 2; i++)
        get_ok(p, g[i], "a task held at a gate");
    close_and_join(p);
}

FL_CHECK(max_tasks_replaces, "with at most 2 tasks per worker, each worker serves 2 and is replaced",
         .section = "Retiring workers after k tasks", .timeout_s = 4)
{
    board_new(0);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 2);
    int h[7];
    for (int i = 0; i < 7; i++)
        h[i] = submit(p, probe_job, i, "a probe task");
    for (int i = 0; i < 7; i++)
        get_ok(p, h[i], "a probe task");
    pid_t pids[7];
    int count[7] = {0}, n = 0;
    for (int i = 0; i < pr->nruns && i < 7; i++) {
        int j = 0;
        while (j < n && pids[j] != pr->runs[i].pid)
            j++;
        if (j == n)
            pids[n++] = pr->runs[i].pid;
        count[j]++;
    }
    for (int j = 0; j < n; j++)
        FL_EXPECT(count[j] <= 2, "each worker process to serve at most 2 tasks, then make way "
                  "for a new one", "worker %d ran %d tasks", (int)pids[j], count[j]);
    FL_EXPECT(n >= 4, "7 tasks at 2 per worker process to need at least 4 processes",
              "they ran in %d processes (%s)", n, pid_list(pids, n));
    /* Retired workers must be reaped too: close_and_join finds any zombie. */
    close_and_join(p);
}

FL_CHECK(free_kills_workers, "pool_free on a pool not joined kills and reaps its workers",
         .section = "Stopping a pool early", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 0);
    submit(p, probe_job, 1, "a task held at a gate for ever");
    fl_stage("waiting for the task to reach the gate");
    fl_probe_await(pr, 1, 0);
    pid_t workers[64];
    int n = my_children(workers, 64, 0);
    fl_stage("calling pool_free with a task still running and no pool_join (the gate "
             "never opens: pool_free must kill, not wait)");
    pool_free(p);
    pid_t kids[64];
    int m = my_children(kids, 64, 1);
    FL_EXPECT(m == 0, "no worker left after pool_free: each killed and reaped",
              "after pool_free the caller still has %d child process%s: %s (state %c)", m,
              m == 1 ? "" : "es", pid_list(kids, m), m ? fl_proc_state(kids[0]) : '?');
    for (int i = 0; i < n; i++)
        FL_EXPECT(fl_proc_state(workers[i]) == 0, "every worker gone after pool_free",
                  "worker %d still exists (state %c)", (int)workers[i],
                  fl_proc_state(workers[i]));
}

FL_CHECK(idle_worker_killed, "a worker killed from outside while idle is replaced; the caller lives",
         .section = "When a worker dies", .timeout_s = 4)
{
    /* A program starts with SIGPIPE's default action (death); the checker
     * ignores it for itself, and the sandbox inherits that.  Put the
     * default back, so the caller meets SIGPIPE as a student's program
     * would. */
    signal(SIGPIPE, SIG_DFL);
    struct pool *p = new_pool(1, 0);
    pid_t w[64];
    int n = my_children(w, 64, 0);
    FL_EXPECT(n == 1, "one worker", "the caller has %d children", n);
    fl_stage("killing idle worker %d with SIGKILL and waiting until it has died", (int)w[0]);
    kill(w[0], SIGKILL);
    fl_await_exit(w[0]);
    int h = submit(p, pid_job, 7, "a task, after its only worker was killed (writing to the "
                   "dead worker's task pipe raises SIGPIPE, which kills the caller unless it "
                   "is ignored around the write)");
    struct pool_result r = get_done(p, h, "a task given after the only worker was killed");
    FL_EXPECT(r.status == POOL_OK && r.worker != w[0] && r.value == PID_JOB_VALUE(7, r.worker),
              "the task to run in a new worker and succeed: it never started in the dead one",
              "worker %d was killed before the task was given; the result says %s", (int)w[0],
              describe(&r));
    FL_EXPECT(!fl_is_unreaped_child(w[0], NULL), "the killed worker reaped",
              "worker %d is still a zombie child of the caller", (int)w[0]);
    close_and_join(p);
}
