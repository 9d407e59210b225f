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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct board {
    struct fl_probe *probe;
    int running, max_running;   /* probe tasks between start and return */
    pid_t died_in;              /* pid of the worker a dying task ran in */
};

static struct board *B;

static void board_new(int gated)
{
    B = fl_board_new(sizeof *B);
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

static long stubborn_job(long tag);

static long exit_job(long code)
{
    B->died_in = getpid();
    _exit((int)code);
}

/* ---- kernel facts about the caller's children ---- */

/* Children of the caller (the harness's decoys left out); zombies too
 * when with_zombies. */
static int my_children(pid_t *out, int max, int with_zombies)
{
    pid_t all[128];
    int n = fl_proc_children(getpid(), all, 128), k = 0;
    for (int i = 0; i < n && k < max; i++) {
        char st = fl_proc_state(all[i]);
        if (st && (with_zombies || st != 'Z'))
            out[k++] = all[i];
    }
    return k;
}

static const char *pid_list(const pid_t *pids, int n)
{
    static char buf[400];
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%d", i ? ", " : "", (int)pids[i]);
    }
    return n ? buf : fl_tr("none");
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
    pid_t kids[64];
    int had = my_children(kids, 64, 0);
    fl_stage("calling pool_new(%d, %d)", n, k);
    errno = 0;
    struct pool *p = pool_new(n, k);
    int e = errno;
    fl_stage("looking at the workers pool_new(%d, %d) started", n, k);
    FL_EXPECT(p != NULL, "pool_new to return a pool with its workers running",
              "it returned NULL (errno %d: %s)", e, strerror(e));
    int m = my_children(kids, 64, 0);
    if (m != had + n)
        fl_section("Starting the workers");
    FL_EXPECT(m == had + n, "pool_new(n) to start exactly n worker processes, children of the caller",
              had
                  ? fl_tr("pool_new(%d, %d) left the caller %d with %d living children (%s) "
                          "besides an earlier pool's")
                  : fl_tr("pool_new(%d, %d) left the caller %d with %d living children (%s)"),
              n, k, (int)getpid(), m, pid_list(kids, m));
    return p;
}

static int submit(struct pool *p, pool_task task, long arg, const char *what)
{
    what = fl_tr(what);
    fl_stage("calling pool_apply_async(%s)", what);
    errno = 0;
    int h = pool_apply_async(p, task, arg);
    int e = errno;
    FL_EXPECT(h >= 0, "pool_apply_async to return a handle >= 0 on an open pool",
              "it returned %d (errno %d: %s) for %s", h, e, strerror(e), what);
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
    return fl_tr("an unknown status");
}

static const char *describe(const struct pool_result *r)
{
    static char buf[300];
    snprintf(buf, sizeof buf,
             "status %s (%d), value %ld, task %d, worker %d, error %d, signal %d, "
             "exit_code %d", status_name(r->status), (int)r->status, r->value, r->task,
             (int)r->worker, r->error, r->signal, r->exit_code);
    return buf;
}

/* Ask for a result the check knows will come; a generous ceiling turns a
 * pool that lost the task into a failure with words instead of a hang. */
static struct pool_result get_done_hint(struct pool *p, int h, const char *what,
                                        const char *hint)
{
    what = fl_tr(what);
    hint = fl_tr(hint);
    struct pool_result r;
    memset(&r, 0, sizeof r);
    fl_stage("calling pool_result_get for task %d (%s)", h, what);
    errno = 0;
    enum pool_status s = pool_result_get(p, h, fl_scaled(1.0), &r);
    int e = errno;
    FL_EXPECT(s == r.status, "pool_result_get to return the status it stores in out->status",
              "it returned %d but out->status is %d", (int)s, (int)r.status);
    FL_EXPECT(s != POOL_TIMEOUT && s != POOL_ERROR,
              "the result of a task that could finish at once",
              "after %.1f s pool_result_get for task %d (%s) still says %s (errno %d: %s)%s",
              fl_scaled(1.0), h, what, status_name(s), e, strerror(e), hint);
    FL_EXPECT(r.task == h, "out->task to be the handle that was asked for",
              "asked for task %d, got a result for task %d", h, r.task);
    return r;
}

static struct pool_result get_done(struct pool *p, int h, const char *what)
{
    return get_done_hint(p, h, what, N_(""));
}

static struct pool_result get_ok(struct pool *p, int h, const char *what)
{
    what = fl_tr(what);
    struct pool_result r = get_done(p, h, what);
    FL_EXPECT(r.status == POOL_OK, "POOL_OK for a task that returned normally",
              "task %d (%s): %s", h, what, describe(&r));
    return r;
}

/* Fail if the caller has a child left after pool_join. */
static void no_children_left(void)
{
    pid_t kids[64];
    int m = my_children(kids, 64, 1);
    if (m == 0)
        return;
    fl_section("Closing and joining");
    fl_fail("no worker left after pool_join, not even a zombie",
            m == 1
                ? fl_tr("after pool_join the caller %d still has %d child process: %s (state %c)")
                : fl_tr("after pool_join the caller %d still has %d child processes: %s (state "
                        "%c)"),
            (int)getpid(), m, pid_list(kids, m), fl_proc_state(kids[0]));
}

static void close_and_join(struct pool *p)
{
    fl_stage("calling pool_close");
    errno = 0;
    int r = pool_close(p);
    int e = errno;
    FL_EXPECT(r == 0, "pool_close to return 0", "it returned %d (errno %d: %s)", r, e,
              strerror(e));
    fl_stage("calling pool_join (it should return once every worker has exited; a worker "
             "that still holds the write end of its own task pipe never reads end-of-file)");
    errno = 0;
    r = pool_join(p);
    e = errno;
    FL_EXPECT(r == 0, "pool_join to return 0 after pool_close", "it returned %d (errno %d: %s)",
              r, e, strerror(e));
    no_children_left();
    fl_stage("calling pool_free");
    pool_free(p);
}

/* ---- the checks ---- */

/* ---- the contract's argument rules, one row per rule of pool.h ----
 *
 * Each row calls the student's function once with one bad argument and
 * gives back errno as it was right after the call, or NOT_REFUSED when the
 * call did not report an error (a pool it made by mistake is freed). */

#define NOT_REFUSED (-1)

struct ctx {
    struct pool *open;     /* 1 worker, task `h` done */
    struct pool *closed;   /* 1 worker, pool_close called */
    int h;
};

static int refused_new(int n, int k)
{
    errno = 0;
    struct pool *p = pool_new(n, k);
    int e = errno;
    if (!p)
        return e;
    pool_free(p);
    return NOT_REFUSED;
}

static int refused_handle(int h) { return h < 0 ? errno : NOT_REFUSED; }

static int refused_get(struct pool *p, int h, struct pool_result *out)
{
    errno = 0;
    enum pool_status s = pool_result_get(p, h, 0, out);
    int e = errno;
    return s == POOL_ERROR ? e : NOT_REFUSED;
}

static int refused_int(int r, int e) { return r == -1 ? e : NOT_REFUSED; }

static int a_new_zero(struct ctx *c) { (void)c; return refused_new(0, 0); }
static int a_new_negative(struct ctx *c) { (void)c; return refused_new(-2, 0); }
static int a_new_max_tasks(struct ctx *c) { (void)c; return refused_new(1, -1); }
static int a_apply_null_pool(struct ctx *c)
{
    (void)c;
    errno = 0;
    return refused_handle(pool_apply_async(NULL, pid_job, 1));
}
static int a_apply_null_task(struct ctx *c)
{
    errno = 0;
    return refused_handle(pool_apply_async(c->open, NULL, 1));
}
static int a_apply_closed(struct ctx *c)
{
    errno = 0;
    return refused_handle(pool_apply_async(c->closed, pid_job, 1));
}
static int a_get_null_pool(struct ctx *c)
{
    struct pool_result r;
    return refused_get(NULL, c->h, &r);
}
static int a_get_null_out(struct ctx *c) { return refused_get(c->open, c->h, NULL); }
static int a_get_next_handle(struct ctx *c)
{
    struct pool_result r;
    return refused_get(c->open, c->h + 1, &r);
}
static int a_get_negative_handle(struct ctx *c)
{
    struct pool_result r;
    return refused_get(c->open, -1, &r);
}
static int a_close_null(struct ctx *c)
{
    (void)c;
    errno = 0;
    int r = pool_close(NULL);
    return refused_int(r, errno);
}
static int a_join_null(struct ctx *c)
{
    (void)c;
    errno = 0;
    int r = pool_join(NULL);
    return refused_int(r, errno);
}
static int a_join_open(struct ctx *c)
{
    errno = 0;
    int r = pool_join(c->open);
    return refused_int(r, errno);
}
static int a_free_null(struct ctx *c)
{
    (void)c;
    pool_free(NULL);   /* "NULL is accepted and ignored": no crash */
    return 0;
}

static int a_start_null(struct ctx *c)
{
    (void)c;
    errno = 0;
    int r = proc_start(NULL);
    return refused_int(r, errno);
}
static int a_start_no_task(struct ctx *c)
{
    (void)c;
    struct proc pr;
    proc_init(&pr, NULL, NULL);
    errno = 0;
    int r = proc_start(&pr);
    int e = errno;
    if (r == 0 && pr.pid > 0)
        fl_reap(pr.pid, "the child of a proc_start that should have been refused");
    return refused_int(r, e);
}

/* pool.h, rule by rule, in the header's order. */
static const struct arg_rule {
    const char *call;
    int (*run)(struct ctx *);
    int err;            /* errno the header names; 0: accepted, no error */
} ARG_RULES[] = {
    {N_("proc_start(NULL) (given)"), a_start_null, EINVAL},
    {N_("proc_start on a proc with no task (given)"), a_start_no_task, EINVAL},
    {"pool_new(0, 0): nworkers < 1", a_new_zero, EINVAL},
    {"pool_new(-2, 0): nworkers < 1", a_new_negative, EINVAL},
    {"pool_new(1, -1): max_tasks < 0", a_new_max_tasks, EINVAL},
    {N_("pool_apply_async(NULL, task, 1): p is NULL"), a_apply_null_pool, EINVAL},
    {N_("pool_apply_async(p, NULL, 1): task is NULL"), a_apply_null_task, EINVAL},
    {N_("pool_apply_async on a closed pool"), a_apply_closed, ESHUTDOWN},
    {N_("pool_result_get(NULL, h, 0, &r): p is NULL"), a_get_null_pool, EINVAL},
    {N_("pool_result_get(p, h, 0, NULL): out is NULL"), a_get_null_out, EINVAL},
    {N_("pool_result_get(p, h + 1, 0, &r): a handle never returned"), a_get_next_handle, EINVAL},
    {N_("pool_result_get(p, -1, 0, &r): a handle never returned"), a_get_negative_handle, EINVAL},
    {"pool_close(NULL)", a_close_null, EINVAL},
    {"pool_join(NULL)", a_join_null, EINVAL},
    {N_("pool_join(p) before pool_close(p)"), a_join_open, EINVAL},
    {"pool_free(NULL)", a_free_null, 0},
};

FL_CHECK(bad_arguments, "every argument pool.h calls an error is refused with its errno; nothing starts",
         .section = "Your exercise: the contract", .timeout_s = 6)
{
    struct ctx c;
    c.open = new_pool(1, 0);
    c.h = submit(c.open, pid_job, 1, N_("a task"));
    get_ok(c.open, c.h, N_("a task"));
    c.closed = new_pool(1, 0);
    fl_stage("calling pool_close");
    FL_EXPECT(pool_close(c.closed) == 0, "pool_close to return 0", "it returned -1");
    pid_t before[64];
    int nbefore = my_children(before, 64, 1);
    for (size_t i = 0; i < sizeof ARG_RULES / sizeof ARG_RULES[0]; i++) {
        const struct arg_rule *a = &ARG_RULES[i];
        const char *call = fl_tr(a->call);
        fl_stage("calling %s", call);
        int e = a->run(&c);
        fl_stage("looking at what %s did", call);
        if (a->err == 0)
            continue;
        FL_EXPECT(e == a->err, "an error with the errno pool.h names",
                  "%s: expected the error value (NULL, -1 or POOL_ERROR) with errno %s; %s",
                  call, strerrorname_np(a->err),
                  e == NOT_REFUSED ? fl_tr("the call did not report an error")
                                   : (e ? strerrorname_np(e) ? strerrorname_np(e) : "?"
                                        : "errno 0"));
        pid_t kids[64];
        int m = my_children(kids, 64, 1);
        FL_EXPECT(m == nbefore, "a refused call to start no process",
                  "after %s the caller has %d children (%s); it had %d", call, m,
                  pid_list(kids, m), nbefore);
    }
    get_ok(c.open, c.h, N_("a task, asked again after the refused calls"));
    /* The closed pool's worker was forked after the open pool's, so it
     * holds copies of the open pool's pipe ends: it goes first. */
    fl_stage("calling pool_join on the closed pool");
    FL_EXPECT(pool_join(c.closed) == 0, "pool_join to return 0 after pool_close",
              "it returned -1");
    pool_free(c.closed);
    close_and_join(c.open);
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
        h[i] = submit(p, probe_job, i, N_("a probe task"));
    for (int i = 0; i < 6; i++)
        get_ok(p, h[i], N_("a probe task"));
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
        h[i] = submit(p, probe_job, i, N_("a task held at a gate"));
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
        get_ok(p, h[i], N_("a task held at a gate"));
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
    int slow = submit(p, probe_job, 9, N_("a task held at a gate"));
    int fast = submit(p, pid_job, 5, N_("a task returning a long"));
    struct pool_result r = get_done_hint(p, fast, N_("a task returning a long, while task 0 is held"),
                                         N_(": was its result credited to task 0, which is "
                                         "still held at the gate?"));
    FL_EXPECT(r.status == POOL_OK, "POOL_OK for a task that returned normally", "task %d: %s",
              fast, describe(&r));
    FL_EXPECT(r.value == PID_JOB_VALUE(5, r.worker),
              "task 1's own value, 5 * 2^32 + the pid of its worker",
              "got value %ld (%s); expected %ld: a value from another task, or cut to an int "
              "on the way", r.value, describe(&r), PID_JOB_VALUE(5, r.worker));
    fl_stage("letting task 0 finish");
    fl_probe_release(pr, 1);
    r = get_ok(p, slow, N_("the task that was held at the gate"));
    FL_EXPECT(r.value == 9 * 1000 + 7, "task 0's own value, 9007",
              "got %s", describe(&r));
    FL_EXPECT(r.worker == pr->runs[0].pid, "out->worker to be the pid that ran the task",
              "the task ran in pid %d but out->worker is %d", (int)pr->runs[0].pid,
              (int)r.worker);
    int h[8];
    for (int i = 0; i < 8; i++)
        h[i] = submit(p, pid_job, 100 + i, N_("a task returning a long"));
    for (int i = 0; i < 8; i++) {
        r = get_ok(p, h[i], N_("a task returning a long"));
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

FL_CHECK(get_timeout, "asking with a timeout before the task ends reports a timeout",
         .section = "Waiting with a timeout", .timeout_s = 4)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(1, 0);
    int h = submit(p, probe_job, 3, N_("a task held at a gate"));
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
              "the timeout to leave the task running",
              pr->runs[0].done ? fl_tr("worker %d is done with the task")
                               : fl_tr("worker %d is dead"),
              (int)pr->runs[0].pid);
    fl_stage("letting the task finish");
    fl_probe_release(pr, 1);
    r = get_ok(p, h, N_("the task after its gate opened"));
    FL_EXPECT(r.value == 3007, "the task's value once it has ended", "got %s", describe(&r));
    close_and_join(p);
}

FL_CHECK(close_rejects_tasks, "after pool_close, submitting fails; queued tasks still run",
         .section = "Closing and joining", .timeout_s = 4)
{
    struct pool *p = new_pool(2, 0);
    int h = submit(p, pid_job, 1, N_("a task before pool_close"));
    fl_stage("calling pool_close");
    FL_EXPECT(pool_close(p) == 0, "pool_close to return 0", "it returned -1 (%s)",
              strerror(errno));
    fl_stage("calling pool_apply_async on a closed pool");
    errno = 0;
    int late = pool_apply_async(p, pid_job, 2);
    FL_EXPECT(late == -1 && errno == ESHUTDOWN,
              "pool_apply_async on a closed pool to return -1 with errno ESHUTDOWN",
              "it returned %d (errno %d: %s)", late, errno, strerror(errno));
    struct pool_result r = get_ok(p, h, N_("a task queued before pool_close"));
    FL_EXPECT(r.value == PID_JOB_VALUE(1, r.worker), "its own value",
              "got %s", describe(&r));
    fl_stage("calling pool_join");
    FL_EXPECT(pool_join(p) == 0, "pool_join to return 0", "it returned -1 (%s)", strerror(errno));
    no_children_left();
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
        h[i] = submit(p, probe_job, i, N_("a task held at a gate"));
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
    no_children_left();
    pool_free(p);
}

FL_CHECK(join_ends_workers, "pool_join waits for every worker to exit and reaps it",
         .section = "Closing and joining", .timeout_s = 4)
{
    struct pool *p = new_pool(3, 0);
    pid_t workers[64];
    int n = my_children(workers, 64, 0);
    for (int i = 0; i < 3; i++)
        get_ok(p, submit(p, pid_job, i, N_("a task")), N_("a task"));
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
    int h = submit(p, suicide_job, SIGKILL, N_("a task that kills its own worker with SIGKILL"));
    struct pool_result r = get_done_hint(p, h, N_("a task that kills its own worker with SIGKILL"),
                                         N_(": the pool never noticed that the worker died "
                                         "(end-of-file on its result pipe says so, unless "
                                         "the caller still holds the pipe's write end) -- "
                                         "Python's pool hangs here for ever"));
    pid_t dead = B->died_in;
    FL_EXPECT(r.status == POOL_FAILED && r.signal == SIGKILL && r.worker == dead,
              "POOL_FAILED with signal 9 (SIGKILL) and worker = the pid that died",
              "the task died in worker %d; the result says %s", (int)dead, describe(&r));
    FL_EXPECT(!fl_is_unreaped_child(dead, NULL),
              "the dead worker reaped by the time its failure is reported",
              "worker %d is still a zombie child of the caller", (int)dead);
    h = submit(p, exit_job, 3, N_("a task that calls _exit(3)"));
    r = get_done(p, h, N_("a task that calls _exit(3)"));
    dead = B->died_in;
    FL_EXPECT(r.status == POOL_FAILED && r.signal == 0 && r.exit_code == 3 && r.worker == dead,
              "POOL_FAILED with signal 0, exit_code 3 and the worker's pid",
              "the task ended worker %d with _exit(3); the result says %s", (int)dead,
              describe(&r));
    h = submit(p, pid_job, 4, N_("a task after two workers died"));
    r = get_ok(p, h, N_("a task after two workers died"));
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
    int h = submit(p, suicide_job, SIGKILL, N_("a task that kills its own worker"));
    get_done(p, h, N_("a task that kills its own worker"));
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
        g[i] = submit(p, probe_job, i, N_("a task held at a gate"));
    fl_stage("waiting until both workers hold a task at the gate");
    fl_probe_await(pr, 2, 0);
    FL_EXPECT(pr->runs[0].pid != pr->runs[1].pid && pr->runs[0].pid != dead &&
                  pr->runs[1].pid != dead,
              "two different living workers, neither of them the dead one",
              "the tasks ran in %d and %d; the dead worker was %d", (int)pr->runs[0].pid,
              (int)pr->runs[1].pid, (int)dead);
    fl_probe_release(pr, 2);
    for (int i = 0; i < 2; i++)
        get_ok(p, g[i], N_("a task held at a gate"));
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
        h[i] = submit(p, probe_job, i, N_("a probe task"));
    for (int i = 0; i < 7; i++)
        get_ok(p, h[i], N_("a probe task"));
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
    submit(p, stubborn_job, 1, N_("a task that ignores SIGTERM, held at a gate for ever"));
    fl_stage("waiting for the task to reach the gate");
    fl_probe_await(pr, 1, 0);
    pid_t workers[64];
    int n = my_children(workers, 64, 0);
    fl_stage("calling pool_free with a task still running and no pool_join (the gate "
             "never opens and the task ignores SIGTERM: pool_free must kill with SIGKILL, "
             "not wait)");
    pool_free(p);
    pid_t kids[64];
    int m = my_children(kids, 64, 1);
    FL_EXPECT(m == 0, "no worker left after pool_free: each killed and reaped",
              m == 1
                  ? fl_tr("after pool_free the caller still has %d child process: %s (state %c)")
                  : fl_tr("after pool_free the caller still has %d child processes: %s (state %c)"),
              m, pid_list(kids, m), m ? fl_proc_state(kids[0]) : '?');
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
    int h = submit(p, pid_job, 7, N_("a task, after its only worker was killed (writing to the "
                   "dead worker's task pipe raises SIGPIPE, which kills the caller unless it "
                   "is ignored around the write)"));
    struct pool_result r = get_done(p, h, N_("a task given after the only worker was killed"));
    FL_EXPECT(r.status == POOL_OK && r.worker != w[0] && r.value == PID_JOB_VALUE(7, r.worker),
              "the task to run in a new worker and succeed: it never started in the dead one",
              "worker %d was killed before the task was given; the result says %s", (int)w[0],
              describe(&r));
    FL_EXPECT(!fl_is_unreaped_child(w[0], NULL), "the killed worker reaped",
              "worker %d is still a zombie child of the caller", (int)w[0]);
    close_and_join(p);
}

/* ---- tasks for the checks below ---- */

/* Reports an error with pool_task_error and returns normally: the worker
 * must live on.  The pid it ran in goes to the board. */
static long error_job(long code)
{
    B->died_in = getpid();
    pool_task_error((int)code);
    return 5;
}

/* Sleeps `ms` milliseconds: a task whose end wakes the caller up. */
static long sleep_job(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) < 0 && errno == EINTR)
        ;
    return ms;
}

/* A probe task that ignores SIGTERM, as a task with its own handler may:
 * only SIGKILL ends it. */
static long stubborn_job(long tag)
{
    signal(SIGTERM, SIG_IGN);
    return probe_job(tag);
}

/* Whether process creation by the student's code goes through the
 * harness's gate (fl_forks_allow): with the gate shut, proc_start (given
 * in pool.c) must fail.  The build wires the gate in; a build without it
 * cannot inject fork failures. */
static int forks_gated(void)
{
    struct proc pr;
    struct fl_probe_arg a = {B->probe, 0};
    proc_init(&pr, fl_probe_task, &a);
    fl_forks_allow(0);
    int r = proc_start(&pr);
    fl_forks_allow(-1);
    if (r == 0) {
        fl_reap(pr.pid, "the proc_start that tested the fork gate");
        fl_note("this build does not route the code's fork through the harness's gate: "
                "fork failures could not be injected");
        return 0;
    }
    return 1;
}

/* Nothing left by a call that failed: no child, no descriptor, no shared
 * mapping made since the check began. */
static void nothing_left(const char *call)
{
    call = fl_tr(call);
    pid_t kids[64];
    int m = my_children(kids, 64, 1);
    FL_EXPECT(m == 0, "a failed pool_new to leave no process: workers already started are "
              "ended and reaped",
              m == 1
                  ? fl_tr("after %s the caller still has %d child: %s (state %c)")
                  : fl_tr("after %s the caller still has %d children: %s (state %c)"),
              call, m, pid_list(kids, m), m ? fl_proc_state(kids[0]) : '?');
    char buf[600];
    int n = fl_fds_new_since_start(buf, sizeof buf);
    FL_EXPECT(n == 0, "a failed pool_new to close every descriptor it opened",
              n == 1
                  ? fl_tr("after %s the caller still has %d new descriptor: %s")
                  : fl_tr("after %s the caller still has %d new descriptors: %s"),
              call, n, buf);
    n = fl_maps_new_since_start(buf, sizeof buf);
    FL_EXPECT(n == 0, "a failed pool_new to unmap the shared memory it mapped",
              n == 1
                  ? fl_tr("after %s the caller still has %d new shared mapping: %s")
                  : fl_tr("after %s the caller still has %d new shared mappings: %s"),
              call, n, buf);
}

/* ---- more checks, from the contract ---- */

FL_CHECK(get_zero_collects, "pool_result_get with timeout 0 reports a task that has already ended",
         .section = "Waiting with a timeout", .timeout_s = 4)
{
    board_new(0);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(1, 0);
    int h = submit(p, probe_job, 4, N_("a task that ends at once"));
    fl_stage("waiting until the task has run and its worker waits for the next one");
    fl_probe_await(pr, 1, 0);
    pid_t w = pr->runs[0].pid;
    /* After the task, the worker sends its result and then sleeps until
     * the next task comes: blocked means the result is on its way. */
    FL_EXPECT(fl_await_blocked(w, 0.05, 2.0) == 1,
              "the worker to wait (blocked) for its next task once it has sent the result",
              "worker %d never blocked after the task ended (state %c)", (int)w,
              fl_proc_state(w));
    struct pool_result r;
    memset(&r, 0, sizeof r);
    fl_stage("calling pool_result_get(p, %d, 0, &r) on a task that has ended", h);
    errno = 0;
    enum pool_status s = pool_result_get(p, h, 0, &r);
    int e = errno;
    FL_EXPECT(s == POOL_OK && r.status == POOL_OK && r.value == 4007,
              "POOL_OK with the value: timeout 0 still collects what the workers have sent "
              "(look first, then judge the clock) -- a caller that polls with 0 would "
              "otherwise wait for ever",
              "task %d ended in worker %d, and pool_result_get(..., 0, ...) returned %s "
              "(errno %d: %s; %s)", h, (int)w, status_name(s), e, strerror(e), describe(&r));
    close_and_join(p);
}

FL_CHECK(task_error_reported, "a task that reports an error gives POOL_FAILED with its code; the worker lives on",
         .section = "When a worker dies", .timeout_s = 4)
{
    board_new(0);
    struct pool *p = new_pool(1, 0);
    pid_t w[4];
    FL_EXPECT(my_children(w, 4, 0) == 1, "one worker", "the caller has other children");
    int h = submit(p, error_job, 17, N_("a task that calls pool_task_error(17)"));
    struct pool_result r = get_done(p, h, N_("a task that calls pool_task_error(17)"));
    pid_t ran = B->died_in;
    FL_EXPECT(r.status == POOL_FAILED && r.error == 17 && r.signal == 0 &&
                  r.exit_code == -1 && r.worker == ran && r.value == 0,
              "POOL_FAILED with error 17, signal 0, exit_code -1, value 0 and the pid of the "
              "worker that ran the task",
              "the task called pool_task_error(17) in worker %d and returned 5; the result "
              "says %s", (int)ran, describe(&r));
    FL_EXPECT(fl_proc_ppid(ran) == getpid() && fl_proc_state(ran) != 'Z',
              "the worker to live on after a task reported an error (Python's worker "
              "survives an exception too)",
              fl_proc_state(ran) ? fl_tr("worker %d is a zombie") : fl_tr("worker %d is gone"),
              (int)ran);
    h = submit(p, error_job, 0, N_("a task that calls pool_task_error(0)"));
    r = get_done(p, h, N_("a task that calls pool_task_error(0), which is ignored"));
    FL_EXPECT(r.status == POOL_OK && r.value == 5 && r.worker == ran,
              "pool_task_error(0) to be ignored: POOL_OK with the value 5, in the same worker",
              "worker %d: %s", (int)ran, describe(&r));
    h = submit(p, pid_job, 8, N_("a task after the one that reported an error"));
    r = get_ok(p, h, N_("a task after the one that reported an error"));
    FL_EXPECT(r.worker == ran && r.value == PID_JOB_VALUE(8, ran),
              "the same worker to serve the next task: a reported error ends only the task",
              "the next task ran in %d; the worker was %d (%s)", (int)r.worker, (int)ran,
              describe(&r));
    close_and_join(p);
}

FL_CHECK(get_timeout_bounds, "pool_result_get(t) gives up after t, not sooner, not much later, though results keep coming",
         .section = "Waiting with a timeout", .timeout_s = 8)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(2, 0);
    int held = submit(p, probe_job, 1, N_("a task held at a gate"));
    fl_stage("waiting for the held task to reach the gate");
    fl_probe_await(pr, 1, 0);
    /* The other worker ends a task every t/4, so results keep waking the
     * caller while it waits for the held one: the clock must not restart. */
    double t = fl_scaled(0.3);
    long quarter_ms = (long)(t * 250);
    int h[8];
    for (int i = 0; i < 8; i++)
        h[i] = submit(p, sleep_job, quarter_ms, N_("a task that sleeps t/4"));
    struct pool_result r;
    fl_stage("calling pool_result_get with timeout %.3f s while other tasks end", t);
    double t0 = fl_now();
    errno = 0;
    enum pool_status s = pool_result_get(p, held, t, &r);
    double took = fl_now() - t0;
    int e = errno;
    FL_EXPECT(s == POOL_TIMEOUT, "POOL_TIMEOUT for a task still held when the time is up",
              "pool_result_get returned %s (errno %d: %s; %s)", status_name(s), e,
              strerror(e), describe(&r));
    FL_EXPECT(took >= t - 0.001, "pool_result_get to wait the whole timeout before POOL_TIMEOUT",
              "it gave up after %.3f s of %.3f s", took, t);
    FL_EXPECT(took <= 2 * t, "pool_result_get to give up once t has passed: one deadline, "
              "computed once, however many results arrive meanwhile",
              "with t = %.3f s it returned after %.3f s, while a task ended every %.3f s: "
              "was the wait restarted at each wake-up?", t, took, t / 4);
    fl_probe_release(pr, 1);
    for (int i = 0; i < 8; i++)
        get_ok(p, h[i], N_("a task that sleeps t/4"));
    get_ok(p, held, N_("the task after its gate opened"));
    close_and_join(p);
}

static struct fl_probe *gate_on_signal;

static void open_gate(int sig)
{
    (void)sig;
    char c = 'g';
    ssize_t n = write(gate_on_signal->gate[1], &c, 1);
    (void)n;
}

FL_CHECK(get_blocks, "pool_result_get sleeps while it waits, and a signal does not end the wait",
         .section = "Waiting with a timeout", .timeout_s = 8)
{
    board_new(1);
    struct fl_probe *pr = B->probe;
    struct pool *p = new_pool(1, 0);
    int h = submit(p, probe_job, 2, N_("a task held at a gate"));
    fl_stage("waiting for the task to reach the gate");
    fl_probe_await(pr, 1, 0);
    /* A handler without SA_RESTART: the signal interrupts the caller's
     * poll or read (EINTR), and its handler opens the gate. */
    gate_on_signal = pr;
    struct sigaction sa = {.sa_handler = open_gate};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    double wait = fl_scaled(4.0);
    struct pool_result r;
    memset(&r, 0, sizeof r);
    fl_stage("calling pool_result_get (timeout %.1f s): a helper sends SIGUSR1 once the caller "
             "sleeps, and the signal's handler lets the task end", wait);
    errno = 0;
    enum pool_status s = pool_result_get(p, h, wait, &r);
    int e = errno;
    int st = fl_reap(helper, "the helper that signals the caller");
    signal(SIGUSR1, SIG_IGN);
    if (st != 0)
        fl_probe_release(pr, 1);
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the caller to sleep (blocked in poll or read) while it waits for a result",
              "caller %d never stayed blocked for 0.1 s in %.1f s: pool_result_get polled in "
              "a loop (a poll or read with timeout 0, or a sleep between looks) instead of "
              "sleeping in the kernel (pool_result_get returned %s)", (int)getpid(),
              fl_scaled(2.0), status_name(s));
    FL_EXPECT(s == POOL_OK && r.value == 2007,
              "POOL_OK: a signal that interrupts the wait (EINTR) does not end it",
              "after the signal, pool_result_get returned %s (errno %d: %s; %s)",
              status_name(s), e, strerror(e), describe(&r));
    close_and_join(p);
}

FL_CHECK(new_fork_fails, "when fork fails part-way, pool_new returns NULL with fork's errno and leaves nothing",
         .section = "Starting the workers", .timeout_s = 6)
{
    board_new(0);
    if (!forks_gated()) {
        close_and_join(new_pool(3, 0));
        return;
    }
    for (int k = 0; k < 3; k++) {
        fl_stage(k == 1 ? fl_tr("calling pool_new(3, 0) with only %d fork allowed")
                        : fl_tr("calling pool_new(3, 0) with only %d forks allowed"),
                 k);
        fl_forks_allow(k);
        errno = 0;
        struct pool *p = pool_new(3, 0);
        int e = errno;
        fl_forks_allow(-1);
        char call[80];
        snprintf(call, sizeof call, fl_tr("pool_new(3, 0) with fork failing after %d"), k);
        if (p) {
            pool_free(p);
            fl_fail("pool_new to return NULL when a worker cannot be started",
                    "%s returned a pool", call);
        }
        FL_EXPECT(e == EAGAIN, "errno to be fork's (EAGAIN)", "%s set errno %d (%s)", call, e,
                  strerror(e));
        nothing_left(call);
    }
    struct pool *p = new_pool(3, 0);
    close_and_join(p);
}

FL_CHECK(new_pipe_fails, "when descriptors run out, pool_new returns NULL with EMFILE and leaves nothing",
         .section = "Starting the workers", .timeout_s = 8)
{
    /* Allow 0, 1, 2... more descriptors until pool_new(2, 0) succeeds:
     * every attempt before that must fail cleanly, whatever the design
     * (pipes per worker, one shared pipe, socketpairs...). */
    struct pool *p = NULL;
    int k;
    for (k = 0; k < 64 && !p; k++) {
        fl_stage(k == 1 ? fl_tr("calling pool_new(2, 0) with only %d more descriptor allowed")
                        : fl_tr("calling pool_new(2, 0) with only %d more descriptors allowed"),
                 k);
        if (fl_fds_allow(k) < 0)
            fl_fail("the check to limit descriptors", "setrlimit failed: %s", strerror(errno));
        errno = 0;
        p = pool_new(2, 0);
        int e = errno;
        fl_fds_allow(-1);
        if (p)
            break;
        char call[80];
        if (k == 1)
            snprintf(call, sizeof call, "%s", fl_tr("pool_new(2, 0) with 1 descriptor free"));
        else
            snprintf(call, sizeof call, fl_tr("pool_new(2, 0) with %d descriptors free"), k);
        FL_EXPECT(e == EMFILE || e == ENFILE,
                  "errno to be pipe's (EMFILE) when descriptors run out",
                  "%s returned NULL with errno %d (%s)", call, e, strerror(e));
        nothing_left(call);
    }
    FL_EXPECT(p != NULL, "pool_new(2, 0) to succeed with 64 descriptors free",
              "it never did");
    fl_note("pool_new(2, 0) needed %d descriptors at once", k);
    get_ok(p, submit(p, pid_job, 3, N_("a task")), N_("a task"));
    close_and_join(p);
}

FL_CHECK(replace_fork_fails, "a dead worker that cannot be replaced is an error, not a hang; it is retried later",
         .section = "When a worker dies", .timeout_s = 6)
{
    board_new(0);
    if (!forks_gated()) {
        close_and_join(new_pool(1, 0));
        return;
    }
    struct pool *p = new_pool(1, 0);
    fl_forks_allow(0);
    int h = submit(p, suicide_job, SIGKILL, N_("a task that kills its only worker, with fork "
                   "failing"));
    struct pool_result r = get_done(p, h, N_("a task that killed its worker while fork fails"));
    FL_EXPECT(r.status == POOL_FAILED && r.signal == SIGKILL,
              "POOL_FAILED with signal 9 though no new worker could be started",
              "the result says %s", describe(&r));
    h = submit(p, pid_job, 6, N_("a task while no worker can be started"));
    fl_stage("calling pool_result_get for a task no worker can run (fork fails)");
    errno = 0;
    double t = fl_scaled(1.0);
    enum pool_status s = pool_result_get(p, h, t, &r);
    int e = errno;
    fl_forks_allow(-1);
    FL_EXPECT(s == POOL_ERROR && e == EAGAIN,
              "POOL_ERROR with fork's errno (EAGAIN) while no worker can be started",
              "pool_result_get returned %s (errno %d: %s)", status_name(s), e, strerror(e));
    r = get_ok(p, h, N_("the same task once fork works again (the empty slot is retried)"));
    FL_EXPECT(r.value == PID_JOB_VALUE(6, r.worker), "its own value", "got %s", describe(&r));
    pid_t kids[8];
    int m = my_children(kids, 8, 1);
    FL_EXPECT(m == 1, "exactly one worker again", "the caller has %d children (%s)", m,
              pid_list(kids, m));
    close_and_join(p);
}

FL_CHECK(memory_short, "when memory runs out, pool_new and pool_apply_async fail with ENOMEM, leave nothing, and the pool stays usable",
         .section = "Your exercise: the contract", .timeout_s = 6)
{
    board_new(0);
    for (int k = 0; k < 4; k++) {
        fl_stage(k == 1 ? fl_tr("calling pool_new(2, 0) with %d allocation allowed, then ENOMEM")
                        : fl_tr("calling pool_new(2, 0) with %d allocations allowed, then ENOMEM"),
                 k);
        fl_allocs_allow(k);
        errno = 0;
        struct pool *p = pool_new(2, 0);
        int e = errno;
        fl_allocs_allow(-1);
        char call[80];
        if (k == 1)
            snprintf(call, sizeof call, "%s", fl_tr("pool_new(2, 0) with 1 allocation allowed"));
        else
            snprintf(call, sizeof call, fl_tr("pool_new(2, 0) with %d allocations allowed"), k);
        if (p) {
            /* Its workers were forked with no allocation left: let them go
             * without asking anything of them. */
            FL_EXPECT(k > 0, "pool_new to return NULL with ENOMEM when no memory can be had "
                      "(the pool itself is memory)", "%s returned a pool", call);
            pool_free(p);
            nothing_left(call);
            continue;
        }
        FL_EXPECT(e == ENOMEM, "a pool_new that runs out of memory to return NULL with ENOMEM",
                  "%s returned NULL with errno %d (%s)", call, e, strerror(e));
        nothing_left(call);
    }
    struct pool *p = new_pool(2, 0);
    fl_stage("calling pool_apply_async with no allocation allowed");
    fl_allocs_allow(0);
    errno = 0;
    int h = pool_apply_async(p, pid_job, 0);
    int e = errno;
    fl_allocs_allow(-1);
    if (h < 0)
        FL_EXPECT(h == -1 && e == ENOMEM,
                  "pool_apply_async to work or, out of memory, return -1 with ENOMEM",
                  "it returned %d (errno %d: %s)", h, e, strerror(e));
    else
        get_ok(p, h, N_("pid_job(0), queued while memory ran out"));
    h = submit(p, pid_job, 0, N_("pid_job(0), once memory is there again"));
    get_ok(p, h, N_("pid_job(0), once memory is there again"));
    close_and_join(p);
}

FL_CHECK(many_tasks_wait_forever, "40 tasks in a pool of 3: handles 0..39 in order, each result its own, got with timeout -1",
         .section = "Collecting results", .timeout_s = 6)
{
    board_new(0);
    struct pool *p = new_pool(3, 0);
    enum { N = 40 };
    pid_t workers[3];
    int nw = my_children(workers, 3, 0);
    for (int i = 0; i < N; i++) {
        char what[48];
        snprintf(what, sizeof what, "pid_job(%d), task %d of %d", i, i + 1, N);
        int h = submit(p, pid_job, i, what);
        FL_EXPECT(h == i, "handles 0, 1, 2... in the order tasks were queued",
                  "task %d of %d got handle %d", i + 1, N, h);
    }
    for (int i = 0; i < N; i++) {
        struct pool_result r;
        memset(&r, 0, sizeof r);
        fl_stage("calling pool_result_get(p, %d, -1, &r): as long as it takes", i);
        errno = 0;
        enum pool_status s = pool_result_get(p, i, -1, &r);
        int e = errno;
        FL_EXPECT(s == POOL_OK && r.status == POOL_OK && r.task == i,
                  "with timeout -1, pool_result_get to wait for the task and give POOL_OK",
                  "for task %d it returned %s (errno %d: %s): %s", i, status_name(s), e,
                  strerror(e), describe(&r));
        pid_t ran_in = (pid_t)(r.value & 0xffffffffL);
        FL_EXPECT(r.value >> 32 == i && contains(workers, nw, ran_in) && r.worker == ran_in,
                  "each task's own value, computed in one of the 3 workers, which out->worker "
                  "names", "task %d: value %ld (argument %ld, pid %d), worker %d; the workers "
                  "are %s", i, r.value, r.value >> 32, (int)ran_in, (int)r.worker,
                  pid_list(workers, nw));
    }
    close_and_join(p);
}
