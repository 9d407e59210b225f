/* Lesson 12 checks: one after another versus all at once, and what "at
 * once" buys on several CPUs.
 *
 * The tasks run in the student's children and write what the kernel tells
 * them (pids, /proc states, CPU clocks, CPU numbers) to a board in
 * MAP_SHARED memory.  Children that must be alive together meet through a
 * pipe: the last to arrive writes one byte per child.  A child that waits
 * there longer than a generous ceiling concludes the others were never
 * started while it lived -- the only way a run_parallel that waits for each
 * child can be told apart without hanging. */
#include "fl.h"
#include "parallel.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define MAXN 8

struct run {
    pid_t pid, ppid;      /* as the kernel told the task */
    int order;            /* 0, 1, 2... in the order the tasks began */
    pid_t prev;           /* the child whose task began just before */
    char prev_state;      /* its /proc state when this task began; 0: gone */
    int siblings;         /* other children of the caller, once it blocked */
    int met;              /* 1: all n children were alive together */
    int seen;             /* children arrived when this one met or gave up */
    double waited;        /* seconds this one waited to meet */
    double start, end;    /* burn tasks: wall clock, CLOCK_MONOTONIC */
    double cpu;           /* burn tasks: CPU seconds used */
};

struct board {
    int n;
    int began;            /* tasks begun (atomic) */
    pid_t last;           /* pid of the task that began last (atomic) */
    int arrived, gave_up; /* at the meeting point (atomic) */
    int go[2];            /* the meeting point's pipe */
    double meet_budget;
    struct run runs[MAXN];   /* by tag */
    int codes[MAXN];      /* what the task with each tag returns */
    int kill_tag;         /* this tag kills its own process, or -1 */
    int chain;            /* tag i ends only after tag i+1 has ended */
    /* finding a moment when two children run at the same instant */
    long beats[2];
    int cpu_now[2];
    int proof, proof_by, proof_cpu, proof_other_cpu;
    long proof_window_ns;
    double proof_budget;
    double burn;          /* CPU seconds each burn task uses */
};

static struct board *B;

static void board_new(int n)
{
    B = fl_board_new(sizeof *B);
    B->n = n;
    B->kill_tag = -1;
    B->meet_budget = fl_scaled(1.5);
    B->proof_budget = fl_scaled(0.3);
    fl_pipe(B->go);
}

static void *tag_arg(int tag)
{
    return (void *)(intptr_t)tag;
}

/* ---- in the children (no fl_ call that ends a check) ---- */

static long clock_ns(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* Whether the caller is blocked: asleep, and no progress over a short
 * window (one sample of state S could catch a polling loop between two
 * looks).  Once all children exist, the only place run_parallel blocks is
 * its wait for them. */
static int caller_blocked(void)
{
    return fl_proc_blocked(getppid(), 0.02) == 1;
}

/* How many children the caller has besides this one, zombies included,
 * the harness's decoys left out.  (Runs in a child: no fl_fail here.) */
static int count_siblings(void)
{
    pid_t kids[64];
    int m = fl_proc_children(getppid(), kids, 64), n = 0;
    for (int i = 0; i < m; i++)
        n += kids[i] != getpid();
    return n;
}

static struct run *begin(void *arg)
{
    int tag = (int)(intptr_t)arg;
    struct run *r = &B->runs[tag];
    r->pid = getpid();
    r->ppid = getppid();
    r->order = __atomic_fetch_add(&B->began, 1, __ATOMIC_SEQ_CST);
    r->prev = __atomic_exchange_n(&B->last, getpid(), __ATOMIC_SEQ_CST);
    r->prev_state = r->prev > 0 ? fl_proc_state(r->prev) : 0;
    return r;
}

static int finish(int tag)
{
    if (tag == B->kill_tag)
        kill(getpid(), SIGKILL);
    return B->codes[tag];
}

/* Wait until all n children have arrived, or give up after the ceiling.
 * Returns 1 when they all met. */
static int meet(struct run *r)
{
    int k = __atomic_add_fetch(&B->arrived, 1, __ATOMIC_SEQ_CST);
    if (k == B->n) {
        char bytes[MAXN];
        memset(bytes, 'g', sizeof bytes);
        if (write(B->go[1], bytes, (size_t)B->n) < 0)
            return 0;
    }
    double t0 = fl_now();
    for (;;) {
        double left = B->meet_budget - (fl_now() - t0);
        if (__atomic_load_n(&B->gave_up, __ATOMIC_SEQ_CST) || left <= 0)
            break;
        struct pollfd pf = {.fd = B->go[0], .events = POLLIN};
        char c;
        if (poll(&pf, 1, (int)(left * 1000) + 1) > 0 && read(B->go[0], &c, 1) == 1) {
            r->met = 1;
            break;
        }
    }
    r->waited = fl_now() - t0;
    r->seen = __atomic_load_n(&B->arrived, __ATOMIC_SEQ_CST);
    if (!r->met)
        __atomic_store_n(&B->gave_up, 1, __ATOMIC_SEQ_CST);
    return r->met;
}

/* The last child ends only once the caller is blocked waiting, so a caller
 * that takes whichever child ends first (wait, waitpid(-1)) gets it first. */
static void end_while_caller_waits(void)
{
    double stop = fl_now() + B->meet_budget;
    while (!caller_blocked() && fl_now() < stop)
        sched_yield();
}

/* The others end once the last child has been reaped, or is a zombie the
 * caller went back to sleep beside (it waits for a particular child). */
static void end_after(pid_t last)
{
    double stop = fl_now() + B->meet_budget;
    for (;;) {
        char st = fl_proc_state(last);
        if (st == 0 || (st == 'Z' && caller_blocked()) || fl_now() >= stop)
            return;
        sched_yield();
    }
}

/* Wait until the caller blocks -- in run_sequential that is the join of
 * this very child -- and count the children it started before blocking:
 * one after another means none besides this one. */
static int seq_task(void *arg)
{
    struct run *r = begin(arg);
    double stop = fl_now() + B->meet_budget;
    while (!caller_blocked() && fl_now() < stop)
        sched_yield();
    r->siblings = count_siblings();
    return finish((int)(intptr_t)arg);
}

static int meeting_task(void *arg)
{
    int tag = (int)(intptr_t)arg;
    struct run *r = begin(arg);
    /* With chain set, the last child ends first, while the caller waits: a
     * caller that collects exit codes in the order children end gets the
     * last child's code first. */
    if (meet(r) && B->chain) {
        if (tag == B->n - 1)
            end_while_caller_waits();
        else
            end_after(B->runs[B->n - 1].pid);
    }
    return finish(tag);
}

/* Look for a moment when both children run at the same instant: child
 * `me` checks that it ran without a break over a short window (its CPU
 * clock advanced as much as the wall clock) while the other's counter
 * moved.  The other could not have run on this CPU meanwhile, so it ran on
 * another one, at the same time. */
static void seek_overlap(int me)
{
    int other = 1 - me;
    long stop = clock_ns(CLOCK_MONOTONIC) + (long)(B->proof_budget * 1e9);
    while (!__atomic_load_n(&B->proof, __ATOMIC_SEQ_CST) && clock_ns(CLOCK_MONOTONIC) < stop) {
        int cpu0 = sched_getcpu();
        long u0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
        long w0 = clock_ns(CLOCK_MONOTONIC);
        long c0 = __atomic_load_n(&B->beats[other], __ATOMIC_SEQ_CST);
        long w1;
        do {
            __atomic_store_n(&B->cpu_now[me], sched_getcpu(), __ATOMIC_SEQ_CST);
            __atomic_add_fetch(&B->beats[me], 1, __ATOMIC_SEQ_CST);
            w1 = clock_ns(CLOCK_MONOTONIC);
        } while (w1 - w0 < 50000);
        long c1 = __atomic_load_n(&B->beats[other], __ATOMIC_SEQ_CST);
        int other_cpu = __atomic_load_n(&B->cpu_now[other], __ATOMIC_SEQ_CST);
        long u1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
        int cpu1 = sched_getcpu();
        int expect = 0;
        if (c1 != c0 && u1 - u0 >= w1 - w0 && cpu0 == cpu1 && other_cpu != cpu0 &&
            __atomic_compare_exchange_n(&B->proof, &expect, 1, 0, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST)) {
            B->proof_by = me;
            B->proof_cpu = cpu0;
            B->proof_other_cpu = other_cpu;
            B->proof_window_ns = w1 - w0;
        }
    }
}

static int overlap_task(void *arg)
{
    int tag = (int)(intptr_t)arg;
    struct run *r = begin(arg);
    if (meet(r))
        seek_overlap(tag);
    return 0;
}

/* CPU-bound work measured in the child's own CPU time, so the amount of
 * work is the same however busy the machine is. */
static int burn_task(void *arg)
{
    struct run *r = begin(arg);
    /* Both children alive first: a run_parallel that runs them one after
     * another fails here, whatever the load of the machine. */
    if (!meet(r))
        return 0;
    long c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    long want = (long)(B->burn * 1e9);
    r->start = fl_now();
    volatile unsigned long x = 0;
    while (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0 < want)
        for (int i = 0; i < 20000; i++)
            x += (unsigned long)i;
    r->end = fl_now();
    r->cpu = (double)(clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / 1e9;
    return 0;
}

/* ---- in the caller ---- */

/* Children of the caller, zombies included (the decoys left out). */
static int my_children(pid_t *out, int max)
{
    return fl_proc_children(getpid(), out, max);
}

static void no_child_left(const char *fn)
{
    pid_t kids[16];
    int m = my_children(kids, 16);
    if (m > 0)
        fl_section("Joining them all");
    FL_EXPECT(m == 0, "no child left when the function returns, not even a zombie",
              m > 1
                  ? fl_tr("after %s returned, pid %d is still a child of the caller (state %c), "
                          "and others")
                  : fl_tr("after %s returned, pid %d is still a child of the caller (state %c)"),
              fn, (int)kids[0], fl_proc_state(kids[0]));
}

static int cpus_here(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return 1;
    return CPU_COUNT(&set);
}

typedef int (*runner)(int n, proc_task task, void *const args[], int codes[]);

static void run_all(runner fn, const char *name, int n, proc_task task, int codes[])
{
    void *args[MAXN];
    for (int i = 0; i < n; i++) {
        args[i] = tag_arg(i);
        codes[i] = 12345;
    }
    fl_stage("calling %s with %d tasks", name, n);
    errno = 0;
    int r = fn(n, task, args, codes);
    int e = errno;
    fl_stage("looking at what %s did", name);
    FL_EXPECT(r == 0, "the function to return 0 after running every task",
              "%s returned %d (errno %d: %s)", name, r, e, strerror(e));
    for (int i = 0; i < n; i++)
        FL_EXPECT(B->runs[i].pid > 0, "every task to run",
                  "%s returned 0 but task %d never ran", name, i);
    FL_EXPECT(B->began == n, "each task to run exactly once", "%d tasks ran for %d given",
              B->began, n);
    for (int i = 0; i < n; i++)
        FL_EXPECT(B->runs[i].ppid == getpid() && B->runs[i].pid != getpid(),
                  "each task in a child of the caller",
                  "task %d ran in pid %d whose parent is %d; the caller is %d", i,
                  (int)B->runs[i].pid, (int)B->runs[i].ppid, (int)getpid());
}

static const char *codes_str(const int *codes, int n)
{
    static char buf[200];
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, sizeof buf - len, "%s%d", i ? ", " : "{", codes[i]);
    }
    strncat(buf, "}", sizeof buf - strlen(buf) - 1);
    return buf;
}

static void expect_met(const char *name)
{
    for (int i = 0; i < B->n; i++) {
        struct run *r = &B->runs[i];
        if (r->met)
            continue;
        fl_section("All at once");
        fl_fail("all children alive at the same time: every one started before any is "
                "waited for",
                "child %d (task %d) waited %.2f s for the other children, but only %d of %d "
                "had started by then: %s waited for a child before starting the next",
                (int)r->pid, i, r->waited, r->seen, B->n, name);
    }
}

/* ---- the checks ---- */

/* ---- the contract's argument rules, one row per rule of parallel.h ----
 *
 * Each row calls one function once with one bad argument; it gives back
 * errno as it was right after the call, or NOT_REFUSED when the call
 * returned anything but -1. */

#define NOT_REFUSED (-1)

static int code_task(void *arg);

static int refused(runner fn, int n, proc_task task, int *codes)
{
    void *args[MAXN] = {0};
    errno = 0;
    int r = fn(n, task, args, codes);
    int e = errno;
    return r == -1 ? e : NOT_REFUSED;
}

static int codes_buf[MAXN];

static int a_seq_zero(void) { return refused(run_sequential, 0, code_task, codes_buf); }
static int a_seq_negative(void) { return refused(run_sequential, -1, code_task, codes_buf); }
static int a_seq_no_task(void) { return refused(run_sequential, 2, NULL, codes_buf); }
static int a_seq_no_codes(void) { return refused(run_sequential, 2, code_task, NULL); }
static int a_par_zero(void) { return refused(run_parallel, 0, code_task, codes_buf); }
static int a_par_negative(void) { return refused(run_parallel, -1, code_task, codes_buf); }
static int a_par_no_task(void) { return refused(run_parallel, 2, NULL, codes_buf); }
static int a_par_no_codes(void) { return refused(run_parallel, 2, code_task, NULL); }

static int a_start_null(void)
{
    errno = 0;
    int r = proc_start(NULL);
    return r == -1 ? errno : NOT_REFUSED;
}
static int a_start_no_task(void)
{
    struct proc p;
    proc_init(&p, NULL, NULL);
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    if (r == 0 && p.pid > 0)
        fl_reap(p.pid, "the child of a proc_start that should have been refused");
    return r == -1 ? e : NOT_REFUSED;
}
static int a_start_started(void)
{
    struct proc p;
    proc_init(&p, code_task, NULL);
    p.pid = getpid();   /* "started": pid set */
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    if (r == 0 && p.pid > 0 && p.pid != getpid())
        fl_reap(p.pid, "the child of a proc_start that should have been refused");
    return r == -1 ? e : NOT_REFUSED;
}
static int a_join_never_started(void)
{
    struct proc p;
    proc_init(&p, code_task, NULL);
    errno = 0;
    int r = proc_join(&p);
    return r == -1 ? errno : NOT_REFUSED;
}

/* parallel.h, rule by rule, in the header's order. */
static const struct arg_rule {
    const char *call;
    int (*run)(void);
    int err;
} ARG_RULES[] = {
    {N_("proc_start(NULL) (given)"), a_start_null, EINVAL},
    {N_("proc_start on a proc with no task (given)"), a_start_no_task, EINVAL},
    {N_("proc_start on a proc already started (given)"), a_start_started, EINVAL},
    {N_("proc_join on a proc never started (given)"), a_join_never_started, EINVAL},
    {"run_sequential(0, task, args, codes): n < 1", a_seq_zero, EINVAL},
    {"run_sequential(-1, task, args, codes): n < 1", a_seq_negative, EINVAL},
    {N_("run_sequential(2, NULL, args, codes): task is NULL"), a_seq_no_task, EINVAL},
    {N_("run_sequential(2, task, args, NULL): codes is NULL"), a_seq_no_codes, EINVAL},
    {"run_parallel(0, task, args, codes): n < 1", a_par_zero, EINVAL},
    {"run_parallel(-1, task, args, codes): n < 1", a_par_negative, EINVAL},
    {N_("run_parallel(2, NULL, args, codes): task is NULL"), a_par_no_task, EINVAL},
    {N_("run_parallel(2, task, args, NULL): codes is NULL"), a_par_no_codes, EINVAL},
};

FL_CHECK(bad_arguments, "every argument parallel.h calls an error is refused with EINVAL; nothing starts",
         .section = "Your exercise: the contract")
{
    board_new(2);
    for (size_t i = 0; i < sizeof ARG_RULES / sizeof ARG_RULES[0]; i++) {
        const struct arg_rule *a = &ARG_RULES[i];
        const char *call = fl_tr(a->call);
        fl_stage("calling %s", call);
        int e = a->run();
        fl_stage("looking at what %s did", call);
        FL_EXPECT(e == a->err, "-1 with the errno parallel.h names",
                  "%s: expected -1 with errno %s; %s", call, strerrorname_np(a->err),
                  e == NOT_REFUSED ? fl_tr("it did not return -1")
                  : e == 0 ? fl_tr("errno was 0")
                  : strerrorname_np(e) ? strerrorname_np(e) : fl_tr("an unknown errno"));
        pid_t kids[16];
        int m = my_children(kids, 16);
        FL_EXPECT(B->began == 0 && m == 0, "a refused call to start nothing",
                  B->began == 1 ? (m == 1 ? fl_tr("%s ran %d task and left %d child")
                                          : fl_tr("%s ran %d task and left %d children"))
                                : (m == 1 ? fl_tr("%s ran %d tasks and left %d child")
                                          : fl_tr("%s ran %d tasks and left %d children")),
                  call, B->began, m);
    }
}

/* ---- tasks with an exit code of their own ---- */

/* Records its run; returns 10 + its tag, or 7 when it got arg NULL. */
static int code_task(void *arg)
{
    if (!arg) {
        __atomic_add_fetch(&B->began, 1, __ATOMIC_SEQ_CST);
        return 7;
    }
    begin(arg);
    return 10 + (int)(intptr_t)arg;
}

/* code_task, but it ends only once the caller sleeps waiting for it: by
 * then a failing fork has happened, and a caller that kills the children
 * it started instead of joining them is seen (code -9). */
static int held_code_task(void *arg)
{
    double stop = fl_now() + B->meet_budget;
    while (!caller_blocked() && fl_now() < stop)
        ;
    return code_task(arg);
}

static void *tag1_arg(int tag)
{
    return (void *)(intptr_t)(tag + 1);
}

FL_CHECK(null_args, "args = NULL gives every task NULL",
         .section = "Your exercise: the contract")
{
    runner fns[2] = {run_sequential, run_parallel};
    const char *names[2] = {"run_sequential", "run_parallel"};
    for (int f = 0; f < 2; f++) {
        board_new(3);
        int codes[MAXN];
        fl_stage("calling %s(3, task, NULL, codes)", names[f]);
        errno = 0;
        int r = fns[f](3, code_task, NULL, codes);
        int e = errno;
        FL_EXPECT(r == 0, "0 with args = NULL", "%s returned %d (errno %d: %s)", names[f], r,
                  e, strerror(e));
        for (int i = 0; i < 3; i++)
            FL_EXPECT(codes[i] == 7, "every task to get NULL (the task then returns 7)",
                      "%s with args = NULL: codes is %s", names[f], codes_str(codes, 3));
        no_child_left(names[f]);
    }
}

FL_CHECK(fork_fails_part_way, "when a fork fails, the children already started are reaped, codes say which ran, errno is fork's",
         .section = "Your exercise: the contract", .timeout_s = 4)
{
    struct { runner fn; const char *name; int n, allow; } cases[] = {
        {run_sequential, "run_sequential", 3, 1},
        {run_parallel, "run_parallel", 4, 2},
        {run_parallel, "run_parallel", 2, 0},
    };
    for (int c = 0; c < 3; c++) {
        board_new(cases[c].n);
        int codes[MAXN];
        void *args[MAXN];
        for (int i = 0; i < cases[c].n; i++) {
            args[i] = tag1_arg(i);
            codes[i] = 12345;
        }
        fl_stage("calling %s with %d tasks, fork failing after %d", cases[c].name,
                 cases[c].n, cases[c].allow);
        fl_forks_allow(cases[c].allow);
        errno = 0;
        int r = cases[c].fn(cases[c].n, held_code_task, args, codes);
        int e = errno;
        fl_forks_allow(-1);
        fl_stage("looking at what %s did", cases[c].name);
        FL_EXPECT(r == -1 && e == EAGAIN, "-1 with fork's errno (EAGAIN) when a start fails",
                  "%s with fork failing after %d starts returned %d (errno %d: %s)",
                  cases[c].name, cases[c].allow, r, e, strerror(e));
        pid_t kids[16];
        int m = my_children(kids, 16);
        FL_EXPECT(m == 0, "the children already started joined: none left, not even a zombie",
                  "after %s failed, pid %d is still a child of the caller (state %c)",
                  cases[c].name, m ? (int)kids[0] : 0, m ? fl_proc_state(kids[0]) : '?');
        FL_EXPECT(B->began == cases[c].allow, "exactly the children that could be started to run",
                  "%d tasks ran; fork allowed %d", B->began, cases[c].allow);
        for (int i = 0; i < cases[c].n; i++) {
            int want = i < cases[c].allow ? 11 + i : RUN_NO_EXITCODE;
            FL_EXPECT(codes[i] == want,
                      "codes[i] = child i's exit code for the children that ran (each "
                      "joined, not killed), RUN_NO_EXITCODE (INT_MIN) for those never started",
                      "%s with fork failing after %d: codes is %s", cases[c].name,
                      cases[c].allow, codes_str(codes, cases[c].n));
        }
    }
}

FL_CHECK(sequential_one_at_a_time, "run_sequential starts each child after the previous one ended",
         .section = "One after another")
{
    board_new(3);
    for (int i = 0; i < 3; i++)
        B->codes[i] = 10 + i;
    int codes[MAXN];
    run_all(run_sequential, "run_sequential", 3, seq_task, codes);
    for (int i = 0; i < 3; i++) {
        struct run *r = &B->runs[i];
        FL_EXPECT(r->siblings == 0, "one child at a time: the next is started only after "
                  "this one ended and was reaped",
                  r->siblings == 1
                      ? fl_tr("while task %d ran in child %d and the caller %d waited, the caller "
                              "had %d other child already")
                      : fl_tr("while task %d ran in child %d and the caller %d waited, the caller "
                              "had %d other children already"),
                  i, (int)r->pid, (int)getpid(), r->siblings);
        FL_EXPECT(r->order == i, "the tasks to run in order: task 0, then 1, then 2",
                  "task %d was number %d to begin", i, r->order);
        if (i > 0)
            FL_EXPECT(r->prev_state == 0, "each child gone (ended and reaped) before the next "
                      "starts",
                      r->prev_state == 'Z'
                          ? fl_tr("when task %d began in pid %d, child %d of task %d was still a "
                                  "zombie (ended, not yet waited for)")
                          : fl_tr("when task %d began in pid %d, child %d of task %d was still "
                                  "running"),
                      i, (int)r->pid, (int)r->prev, i - 1);
    }
    for (int i = 0; i < 3; i++)
        FL_EXPECT(codes[i] == 10 + i, "codes[i] to hold child i's exit code: {10, 11, 12}",
                  "codes is %s", codes_str(codes, 3));
    no_child_left("run_sequential");
}

FL_CHECK(parallel_all_at_once, "run_parallel has every child alive at the same time",
         .section = "All at once", .timeout_s = 5)
{
    board_new(3);
    int codes[MAXN];
    run_all(run_parallel, "run_parallel", 3, meeting_task, codes);
    expect_met("run_parallel");
    FL_EXPECT(B->runs[0].pid != B->runs[1].pid && B->runs[1].pid != B->runs[2].pid &&
                  B->runs[0].pid != B->runs[2].pid,
              "three tasks in three processes", "they ran in pids %d, %d and %d",
              (int)B->runs[0].pid, (int)B->runs[1].pid, (int)B->runs[2].pid);
    no_child_left("run_parallel");
}

FL_CHECK(parallel_joins_all, "run_parallel waits for every child and reaps it",
         .section = "Joining them all", .timeout_s = 5)
{
    board_new(4);
    int codes[MAXN];
    run_all(run_parallel, "run_parallel", 4, meeting_task, codes);
    for (int i = 0; i < 4; i++) {
        pid_t pid = B->runs[i].pid;
        int st;
        if (fl_is_unreaped_child(pid, &st))
            fl_fail("every child reaped when run_parallel returns",
                    st < 0 ? fl_tr("child %d (task %d) is still running and was never waited for")
                           : fl_tr("child %d (task %d) is a zombie and was never waited for"),
                    (int)pid, i);
    }
    no_child_left("run_parallel");
}

FL_CHECK(codes_per_child, "codes[i] is child i's exit code, whatever order children end in",
         .section = "Exit codes, child by child", .timeout_s = 5)
{
    int want[3] = {3, -SIGKILL, 200};
    int codes[MAXN];
    board_new(3);
    B->codes[0] = 3;
    B->codes[2] = 200;
    B->kill_tag = 1;
    run_all(run_sequential, "run_sequential", 3, seq_task, codes);
    for (int i = 0; i < 3; i++)
        FL_EXPECT(codes[i] == want[i],
                  "run_sequential's codes {3, -9, 200}: task 1's child was killed by SIGKILL",
                  "codes is %s", codes_str(codes, 3));
    no_child_left("run_sequential");
    board_new(3);
    B->codes[0] = 3;
    B->codes[2] = 200;
    B->kill_tag = 1;
    B->chain = 1;   /* child 2 ends first, while the caller waits */
    run_all(run_parallel, "run_parallel", 3, meeting_task, codes);
    expect_met("run_parallel");
    for (int i = 0; i < 3; i++)
        FL_EXPECT(codes[i] == want[i],
                  "run_parallel's codes {3, -9, 200}, by child, though child 2 ended first",
                  "codes is %s", codes_str(codes, 3));
    no_child_left("run_parallel");
}

FL_CHECK(parallel_on_two_cpus, "two CPU-bound children run at the same instant on two CPUs",
         .section = "Parallelism needs cores", .timeout_s = 5, .needs_cpus = 2)
{
    int ncpu = cpus_here();
    board_new(2);
    if (ncpu < 2)
        B->proof_budget = 0;
    int codes[MAXN];
    run_all(run_parallel, "run_parallel", 2, overlap_task, codes);
    expect_met("run_parallel");
    no_child_left("run_parallel");
    if (ncpu < 2)
        fl_skip("this machine lets the check use %d CPU: parallel running needs two or more "
                "(the children did live at the same time: that is concurrency)", ncpu);
    if (!B->proof)
        fl_skip("the machine is busy: in %.2f s the two children were never seen running at "
                "the same instant (other processes held the CPUs); rerun when it is quieter",
                B->proof_budget);
    fl_note("child %d ran without a break on CPU %d for %ld us while child %d made progress "
            "on CPU %d", (int)B->runs[B->proof_by].pid, B->proof_cpu, B->proof_window_ns / 1000,
            (int)B->runs[1 - B->proof_by].pid, B->proof_other_cpu);
}

struct speed {
    double speedup, share[2], gap, overlap;
    int clean;   /* both children had nearly a whole CPU while alive */
};

static struct speed measure_once(double burn)
{
    board_new(2);
    B->burn = burn;
    int codes[MAXN];
    run_all(run_parallel, "run_parallel", 2, burn_task, codes);
    expect_met("run_parallel");
    no_child_left("run_parallel");
    struct run *a = &B->runs[0], *b = &B->runs[1];
    struct speed s;
    double first = a->start < b->start ? a->start : b->start;
    double last = a->end > b->end ? a->end : b->end;
    s.speedup = (a->cpu + b->cpu) / (last - first);
    s.share[0] = a->cpu / (a->end - a->start);
    s.share[1] = b->cpu / (b->end - b->start);
    s.gap = b->start > a->start ? b->start - a->start : a->start - b->start;
    s.overlap = (a->end < b->end ? a->end : b->end) - (a->start > b->start ? a->start : b->start);
    s.clean = s.share[0] >= 0.9 && s.share[1] >= 0.9;
    return s;
}

FL_CHECK(parallel_speedup, "2 equal CPU-bound tasks in run_parallel take well under 2 x one task",
         .section = "Measuring the speed-up", .timeout_s = 5, .needs_cpus = 2)
{
    const double burn = 0.04, need = 1.3;
    int ncpu = cpus_here();
    if (ncpu < 2) {
        measure_once(0.001);
        fl_skip("this machine lets the check use %d CPU: no speed-up is possible on one "
                "(the tasks take turns)", ncpu);
    }
    /* Each task does a fixed amount of CPU work (its own CPU clock says
     * when it is done), so the ratio below is work done per second of wall
     * time: 2.0 for two CPUs side by side, 1.0 for taking turns. */
    struct speed s[3];
    int clean = 0;
    for (int i = 0; i < 3; i++) {
        s[i] = measure_once(burn);
        fl_note("run %d: speed-up %.2f (children had %.0f%% and %.0f%% of a CPU; started "
                "%.1f ms apart; lived together %.1f ms)", i + 1, s[i].speedup,
                100 * s[i].share[0], 100 * s[i].share[1], 1000 * s[i].gap,
                1000 * s[i].overlap);
        if (s[i].speedup >= need)
            return;
        clean += s[i].clean;
    }
    if (clean < 3)
        fl_skip("the machine is busy: the children did not get a whole CPU each (speed-up "
                "%.2f, %.2f, %.2f; %.1f needed); rerun when it is quieter", s[0].speedup,
                s[1].speedup, s[2].speedup, need);
    fl_fail("2 tasks of 40 ms of CPU each to finish in well under 80 ms: a speed-up of at "
            "least 1.3 on 2 CPUs",
            s[2].overlap <= 0
                ? fl_tr("speed-up %.2f, %.2f, %.2f with each child running at full speed: the "
                        "children never lived at the same time (one after another)")
                : fl_tr("speed-up %.2f, %.2f, %.2f with each child running at full speed: the "
                        "children overlapped only briefly: the second started late"),
            s[0].speedup, s[1].speedup, s[2].speedup);
}

/* A run_parallel without memory: either it needs none (the procs on the
 * stack) and runs every task, or it says ENOMEM having started nothing --
 * never a crash on a NULL table, never a child left. */
FL_CHECK(parallel_out_of_memory, "when memory runs out, run_parallel fails with ENOMEM and starts nothing",
         .section = "Your exercise: the contract", .timeout_s = 4)
{
    enum { N = 3 };
    board_new(N);
    int codes[MAXN];
    void *args[MAXN];
    for (int i = 0; i < N; i++) {
        args[i] = tag1_arg(i);
        codes[i] = 12345;
    }
    fl_stage("calling run_parallel with %d tasks while every allocation fails", N);
    fl_allocs_allow(0);
    errno = 0;
    int r = run_parallel(N, code_task, args, codes);
    int e = errno;
    fl_allocs_allow(-1);
    fl_stage("looking at what run_parallel did");
    pid_t kids[16];
    int m = my_children(kids, 16);
    FL_EXPECT(m == 0, "no child left after run_parallel returned, not even a zombie",
              "pid %d is still a child of the caller (state %c); run_parallel returned %d",
              m ? (int)kids[0] : 0, m ? fl_proc_state(kids[0]) : '?', r);
    if (r == 0) {
        for (int i = 0; i < N; i++)
            FL_EXPECT(codes[i] == 11 + i, "codes[i] = child i's exit code",
                      "with no allocation needed it returned 0 and codes is %s",
                      codes_str(codes, N));
        return;
    }
    FL_EXPECT(r == -1 && e == ENOMEM,
              "-1 with ENOMEM when the table of children cannot be allocated",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(B->began == 0, "nothing to start when there is no memory for the children",
              "%d task(s) ran", B->began);
}

/* ---- a join that fails ----
 *
 * With SIGCHLD ignored (lesson 06's reaper_discard), the kernel removes
 * each child as it exits and keeps no exit status: proc_join (given) fails
 * with waitpid's ECHILD.  Then no codes[i] can hold child i's exit code, so
 * neither function may return 0, the "every code is there" answer. */

FL_CHECK(join_fails, "a join that fails (SIGCHLD ignored: no exit status kept) makes both functions return -1, not 0",
         .section = "Exit codes, child by child")
{
    board_new(3);
    runner fns[2] = {run_sequential, run_parallel};
    const char *names[2] = {"run_sequential", "run_parallel"};
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    for (int k = 0; k < 2; k++) {
        int codes[3];
        fl_stage("calling %s(3, ...) with SIGCHLD ignored", names[k]);
        sigaction(SIGCHLD, &ign, &old);
        errno = 0;
        int r = fns[k](3, code_task, NULL, codes);
        int e = errno;
        sigaction(SIGCHLD, &old, NULL);
        fl_stage("checking what %s returned", names[k]);
        no_child_left(names[k]);
        FL_EXPECT(r == -1 && e != 0,
                  "-1 with the failed join's errno (ECHILD): with SIGCHLD ignored the kernel "
                  "keeps no exit code to put in codes[]",
                  "%s returned %d (errno %d: %s) with codes %s although proc_join could not "
                  "reap any child: check what proc_join returns", names[k], r, e, strerror(e),
                  codes_str(codes, 3));
        for (int i = 0; i < 3; i++)
            FL_EXPECT(codes[i] == RUN_NO_EXITCODE,
                      "codes[i] to stay RUN_NO_EXITCODE for a child whose code is lost",
                      "%s gave codes %s", names[k], codes_str(codes, 3));
    }
}
