/* Lesson 10 checks: producers and consumers through a bounded queue, ended by
 * one sentinel per consumer.
 *
 * The check hands pc_run a consume function of its own: it runs in the
 * consumer processes and writes, into a MAP_SHARED board the check made,
 * each item with the pid and parent pid the kernel gives the process that
 * consumed it.  pc_run itself runs in a child of the caller, so that a
 * deadlock is a failure with a diagnosis rather than a hang.  Exit statuses
 * come from waitpid; leftovers from /proc. */
#include "fl.h"
#include "pipeline.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the board consumers write to ---- */

#define MAX_RECS 1024
#define MARKER 77   /* producer number of an item put after the sentinels */

struct rec {
    pid_t pid, ppid;
    int consumer;
    struct pc_item item;
};

struct board {
    int n;               /* records started (atomic) */
    struct rec recs[MAX_RECS];
    int fail_first;      /* the first consume call ends its process with 3 */
    int fail_all;        /* every consume call ends its process with 3 */
    int kill_first;      /* the first consume call kills its process (SIGKILL) */
    int held[2];         /* held[1] > 0: say "h" on held[1], then wait for a byte
                          * on the gate before going on */
    int gate[2];
    int failed;
    int alarm;           /* > 0: a fd to write to when the marker is consumed */
};

static struct board *new_board(void)
{
    return fl_board_new(sizeof(struct board));
}

/* Runs in a consumer process: no harness calls here, only facts recorded. */
static void record(void *ctx, int consumer, struct pc_item item)
{
    struct board *b = ctx;
    int i = __atomic_fetch_add(&b->n, 1, __ATOMIC_SEQ_CST);
    if (i < MAX_RECS)
        b->recs[i] = (struct rec){getpid(), getppid(), consumer, item};
    if (item.producer == MARKER && b->alarm > 0)
        while (write(b->alarm, "m", 1) < 0 && errno == EINTR)
            ;
    if (b->fail_all)
        _exit(3);
    if (b->kill_first && __atomic_exchange_n(&b->failed, 1, __ATOMIC_SEQ_CST) == 0)
        raise(SIGKILL);
    if (b->held[1] > 0) {
        char c;
        while (write(b->held[1], "h", 1) < 0 && errno == EINTR)
            ;
        while (read(b->gate[0], &c, 1) < 0 && errno == EINTR)
            ;
    }
    if (b->fail_first && __atomic_exchange_n(&b->failed, 1, __ATOMIC_SEQ_CST) == 0)
        _exit(3);
}

static struct pc_config config(int np, int nc, int items, int capacity, struct board *b)
{
    return (struct pc_config){.nproducers = np, .nconsumers = nc, .items = items,
                              .capacity = capacity, .consume = record, .ctx = b};
}

/* ---- what the board shows ---- */

/* Fail unless every item {p, i} of cfg was consumed exactly once, by a
 * process other than the caller, and nothing else was. */
static void expect_each_once(const struct board *b, const struct pc_config *cfg, pid_t main_pid)
{
    int total = cfg->nproducers * cfg->items, n = b->n;
    FL_EXPECT(n <= MAX_RECS, "no more items consumed than were put",
              "consume was called %d times for %d items", n, total);
    static int seen[PC_MAX_WORKERS][MAX_RECS];
    memset(seen, 0, sizeof seen);
    for (int i = 0; i < n; i++) {
        const struct rec *r = &b->recs[i];
        FL_EXPECT(r->pid != main_pid, "consumers to run in child processes",
                  "consume ran in the process that called pc_run itself (pid %d)",
                  (int)main_pid);
        FL_EXPECT(r->item.producer != PC_SENTINEL,
                  "a consumer to stop at a sentinel, never to hand it to consume",
                  "consumer %d (pid %d) passed a sentinel to consume as an item", r->consumer,
                  (int)r->pid);
        int p = r->item.producer, s = r->item.seq;
        FL_EXPECT(p >= 0 && p < cfg->nproducers && s >= 0 && s < cfg->items,
                  "only the items the producers put to be consumed",
                  "consumer pid %d got {producer %d, seq %d}, which no producer puts "
                  "(%d producers, %d items each)", (int)r->pid, p, s, cfg->nproducers,
                  cfg->items);
        FL_EXPECT(!seen[p][s], "every item consumed exactly once",
                  "item {producer %d, seq %d} was consumed twice: by pid %d and by pid %d",
                  p, s, seen[p][s], (int)r->pid);
        seen[p][s] = r->pid;
    }
    for (int p = 0; p < cfg->nproducers; p++)
        for (int s = 0; s < cfg->items; s++)
            FL_EXPECT(seen[p][s], "every item consumed exactly once",
                      "item {producer %d, seq %d} was never consumed (%d of %d items were)",
                      p, s, n, total);
}

/* Each consumer process's items, producer by producer, must come in the
 * order the producer put them. */
static void expect_producer_order(const struct board *b)
{
    for (int i = 0; i < b->n && i < MAX_RECS; i++)
        for (int j = i + 1; j < b->n && j < MAX_RECS; j++) {
            const struct rec *x = &b->recs[i], *y = &b->recs[j];
            if (x->pid != y->pid || x->item.producer != y->item.producer)
                continue;
            FL_EXPECT(x->item.seq < y->item.seq,
                      "each producer's items to reach a consumer in the order they were put",
                      "consumer pid %d got item %d of producer %d before item %d of it",
                      (int)x->pid, x->item.seq, x->item.producer, y->item.seq);
            break;   /* x's successor from the same producer: enough */
        }
}

/* ---- processes ---- */

/* Children of `parent` now (fl_proc_children: the harness's own are left
 * out), described as "pid (state)". */
static int children_of(pid_t parent, pid_t *out, int max, char *desc, size_t size)
{
    int n = fl_proc_children(parent, out, max);
    if (desc)
        desc[0] = '\0';
    for (int i = 0; desc && i < n; i++) {
        size_t used = strlen(desc);
        char st = fl_proc_state(out[i]);
        snprintf(desc + used, size - used, "%s%d (%s)", i ? ", " : "", (int)out[i],
                 st == 'Z' ? fl_tr("a zombie: exited, never joined")
                 : st == 'S' ? fl_tr("waiting") : fl_tr("running"));
    }
    return n;
}

/* Fail if the caller has a child left when pc_run has returned. */
static void expect_no_children(void)
{
    pid_t kids[64];
    char desc[700];
    int n = children_of(getpid(), kids, 64, desc, sizeof desc);
    if (n == 0)
        return;
    for (int i = 0; i < n; i++) {
        kill(kids[i], SIGKILL);
        fl_reap(kids[i], "a child left by pc_run");
    }
    fl_fail("pc_run to join every producer and consumer before it returns",
            n == 1
                ? fl_tr("when pc_run returned (and its process ended), %d child it started had "
                        "not been joined: %s")
                : fl_tr("when pc_run returned (and its process ended), %d children it started had "
                        "not been joined: %s"),
            n, desc);
}

/* ---- consumers the check starts itself ---- */

struct feed {
    pid_t pids[2];
    int n, alarm[2];
    struct queue *q;
    struct pc_config cfg;
    struct pc_worker w[2];
};

/* Start n pc_consumer children on a queue that holds `items` items, one
 * sentinel per consumer, and then a marker item nobody may take. */
static void feed_consumers(struct feed *f, int n, int items, struct board *b)
{
    f->n = n;
    fl_pipe(f->alarm);
    b->alarm = f->alarm[1];
    f->cfg = config(1, n, items, items + n + 1, b);
    fl_stage("calling queue_new(%d) (given)", f->cfg.capacity);
    f->q = queue_new(f->cfg.capacity);
    FL_EXPECT(f->q, "the given queue_new to work", "it returned NULL (%s)", strerror(errno));
    for (int i = 0; i < items; i++) {
        struct pc_item it = {0, i};
        queue_put(f->q, &it, sizeof it, 0);
    }
    struct pc_item stop = {PC_SENTINEL, 0}, marker = {MARKER, 0};
    for (int i = 0; i < n; i++)
        queue_put(f->q, &stop, sizeof stop, 0);
    queue_put(f->q, &marker, sizeof marker, 0);
    fflush(NULL);
    for (int i = 0; i < n; i++) {
        f->w[i] = (struct pc_worker){f->q, &f->cfg, i};
        f->pids[i] = fork();
        if (f->pids[i] < 0)
            fl_fail("the check to start a consumer", "fork failed: %s", strerror(errno));
        if (f->pids[i] == 0)
            _exit(pc_consumer(&f->w[i]) & 0xff);
    }
}

/* Wait until every consumer ended or one took the marker; in that case,
 * close the queue so the others wake, and fail. */
static void await_consumers(struct feed *f, int *status)
{
    int done = 0;
    int fds[2] = {-1, -1};
    for (int i = 0; i < f->n; i++)
        fds[i] = (int)syscall(SYS_pidfd_open, f->pids[i], 0);
    if (fds[0] < 0) {   /* no pidfds (old kernel, valgrind): block in waitpid */
        for (int i = 0; i < f->n; i++)
            status[i] = fl_reap(f->pids[i], "a consumer");
        done = f->n;
    }
    while (done < f->n) {
        struct pollfd p[3] = {{.fd = f->alarm[0], .events = POLLIN}};
        for (int i = 0; i < f->n; i++)
            p[i + 1] = (struct pollfd){.fd = fds[i], .events = POLLIN};
        if (poll(p, (nfds_t)f->n + 1, -1) < 0)
            continue;
        if (p[0].revents & POLLIN) {
            const struct board *b = f->cfg.ctx;
            pid_t who = 0;
            for (int i = 0; i < b->n && i < MAX_RECS; i++)
                if (b->recs[i].item.producer == MARKER)
                    who = b->recs[i].pid;
            queue_close(f->q);
            for (int i = 0; i < f->n; i++)
                fl_reap(f->pids[i], "a consumer");
            fl_fail("a consumer to stop at the first sentinel it gets",
                    f->n == 1
                        ? fl_tr("consumer pid %d went on after a sentinel and took the item put "
                                "after the %d sentinel")
                        : fl_tr("consumer pid %d went on after a sentinel and took the item put "
                                "after the %d sentinels"),
                    (int)who, f->n);
        }
        for (int i = 0; i < f->n; i++)
            if (fds[i] >= 0 && (p[i + 1].revents & POLLIN)) {
                status[i] = fl_reap(f->pids[i], "a consumer");
                close(fds[i]);
                fds[i] = -1;
                done++;
            }
    }
}

/* ---- pc_run in a process of its own, with a ceiling ----
 *
 * A pipeline that deadlocks never returns.  So pc_run runs in a child of
 * the caller ("main", as in the notes' __main__), and the caller waits for
 * it with a generous ceiling; past it, the check says who still waits,
 * stops them and fails instead of hanging.  The caller is a subreaper:
 * whatever main leaves behind comes to the caller, which finds and reaps it. */

struct outcome {
    int result, err;
};

/* Called by run_in_main_with in the caller while main runs, if set. */
static void (*while_main_runs)(pid_t main_pid, const struct board *b);

/* Who the pipeline's children are, as far as the board can tell. */
static const char *role(const struct board *b, pid_t pid)
{
    for (int i = 0; i < b->n && i < MAX_RECS; i++)
        if (b->recs[i].pid == pid)
            return fl_tr("consumer");
    return fl_tr("producer, or a consumer that got no item");
}

static void describe_stuck(const struct board *b, pid_t main_pid, char *desc, size_t size)
{
    pid_t kids[64];
    int n = children_of(main_pid, kids, 64, NULL, 0);
    desc[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t used = strlen(desc);
        char st = fl_proc_state(kids[i]);
        snprintf(desc + used, size - used, "%s%d (%s, %s)", i ? ", " : "", (int)kids[i],
                 role(b, kids[i]), st == 'Z' ? fl_tr("exited") : st == 'S' ? fl_tr("waiting")
                                                                         : fl_tr("running"));
    }
    if (n == 0)
        snprintf(desc, size, "%s", fl_tr("none"));
}

static const char *deadlock_hint(const struct board *b, int total)
{
    if (b->n == 0)
        return fl_tr("Nothing was consumed at all: were the producers joined before any "
                     "consumer ran?");
    if (b->n >= total)
        return fl_tr("Every item was consumed, yet consumers still wait: each consumer needs a "
                     "sentinel of its own, put after the producers are joined and before the "
                     "consumers are");
    return fl_tr("Items were left: producers waiting in put for room that no consumer makes, "
                 "or consumers stopped early");
}

/* Kill main, then what it left (its children come to the caller, the
 * subreaper, once main has ended); reap them all, one by one. */
static void stop_pipeline(pid_t main_pid)
{
    kill(main_pid, SIGKILL);
    fl_reap(main_pid, "the process running pc_run");
    pid_t kids[64];
    int n;
    while ((n = fl_proc_children(getpid(), kids, 64)) > 0)
        for (int i = 0; i < n; i++) {
            kill(kids[i], SIGKILL);
            fl_reap(kids[i], "a child pc_run left");
        }
}

/* Wait for main up to the ceiling; 1 if it ended. */
static int await_main(pid_t main_pid, double ceiling)
{
    int pfd = (int)syscall(SYS_pidfd_open, main_pid, 0);
    if (pfd < 0)
        return 1;   /* no pidfds: fl_reap will block instead */
    struct pollfd p = {.fd = pfd, .events = POLLIN};
    double start = fl_now(), left;
    int r = 0;
    while ((left = ceiling - (fl_now() - start)) > 0) {
        r = poll(&p, 1, (int)(left * 1000) + 1);
        if (r > 0 || (r < 0 && errno != EINTR))
            break;
    }
    close(pfd);
    return r > 0;
}

/* Run pc_run(cfg) in main and wait for it; fail on a deadlock or on
 * leftovers.  Stores pc_run's result and errno; returns main's pid. */
static pid_t run_in_main_with(int (*fn)(const struct pc_config *), const struct pc_config *cfg,
                              const struct board *b, int *result, int *err)
{
    struct outcome *out = fl_board_new(sizeof *out);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    fflush(NULL);
    pid_t main_pid = fork();
    FL_EXPECT(main_pid >= 0, "the check to start a process for pc_run", "fork failed: %s",
              strerror(errno));
    if (main_pid == 0) {
        errno = 0;
        int r = fn(cfg);
        out->err = errno;
        out->result = r;
        _exit(0);
    }
    if (while_main_runs)
        while_main_runs(main_pid, b);
    int total = cfg->nproducers * cfg->items;
    double ceiling = fl_scaled(4.0);
    fl_stage("waiting for pc_run (in process %d): %d producers x %d items, %d consumers, "
             "capacity %d; it is given %.1f s", (int)main_pid, cfg->nproducers, cfg->items,
             cfg->nconsumers, cfg->capacity, ceiling);
    /* Only a ceiling: a deadlock among pc_run's processes is the harness's
     * to report at once, without waiting for it. */
    fl_ceiling_begin();
    int ended = await_main(main_pid, ceiling);
    fl_ceiling_end();
    if (!ended) {
        char desc[900];
        describe_stuck(b, main_pid, desc, sizeof desc);
        int consumed = b->n;
        stop_pipeline(main_pid);
        fl_fail("pc_run to finish: no process waiting for another that waits for it",
                "after %.1f s pc_run had not returned; %d of %d items consumed; process %d "
                "(running pc_run) still waited, with children %s. %s", ceiling, consumed,
                total, (int)main_pid, desc, deadlock_hint(b, total));
    }
    int st = fl_reap(main_pid, "the process running pc_run");
    expect_no_children();
    FL_EXPECT(WIFEXITED(st), "pc_run to return to its caller",
              "process %d, running pc_run, was %s", (int)main_pid, fl_status_str(st));
    *result = out->result;
    *err = out->err;
    return main_pid;
}

static pid_t run_in_main(const struct pc_config *cfg, const struct board *b, int *result,
                         int *err)
{
    return run_in_main_with(pc_run, cfg, b, result, err);
}

/* Run pc_run(cfg) as above and fail unless it returns `want`. */
static pid_t run_pipeline(const struct pc_config *cfg, const struct board *b, int want)
{
    int result, err;
    pid_t main_pid = run_in_main(cfg, b, &result, &err);
    FL_EXPECT(result == want,
              want ? N_("pc_run to return how many children did not exit 0")
                   : N_("pc_run to return 0: every producer and consumer exited 0"),
              "pc_run returned %d%s%s%s, not %d", result, result < 0 ? " (" : "",
              result < 0 ? strerror(err) : "", result < 0 ? ")" : "", want);
    return main_pid;
}

/* ---- checks ---- */

/* While main runs: wait until each of the two consumers has said, on the
 * board's held pipe, that it holds an item in consume; 0 when main ended
 * first (a pc_run that started nothing) or one never did within the
 * ceiling (what main did is then reported). */
static int await_both_held(pid_t main_pid, struct board *m)
{
    int ended = (int)syscall(SYS_pidfd_open, main_pid, 0), held = 0;
    for (int i = 0; i < 2; i++, held++) {
        fl_stage("waiting for consumer %d of 2 to take an item (pc_run in process %d)", i + 1,
                 (int)main_pid);
        struct pollfd p[2] = {{.fd = m->held[0], .events = POLLIN},
                              {.fd = ended, .events = POLLIN}};
        int r;
        while ((r = poll(p, ended >= 0 ? 2 : 1, (int)(fl_scaled(3.0) * 1000))) < 0 &&
               errno == EINTR)
            ;
        char c;
        if (r <= 0 || !(p[0].revents & POLLIN) || read(m->held[0], &c, 1) != 1)
            break;
    }
    if (ended >= 0)
        close(ended);
    return held == 2;
}

/* While main runs: hold both consumers at their first item until main is
 * blocked (joining its producers, which wait for room), then let every
 * consume call go.  The producers then still have most of their items to
 * put whatever the machine's load, so sentinels put too early are met
 * before those items on every run, not only when main happens to be
 * quick. */
static void hold_until_main_waits(pid_t main_pid, const struct board *b)
{
    struct board *m = (struct board *)b;
    await_both_held(main_pid, m);
    fl_stage("waiting for process %d (pc_run) to block while both consumers hold an item",
             (int)main_pid);
    fl_await_blocked(main_pid, 0.1, 2.0);
    char go[MAX_RECS];
    memset(go, 'g', sizeof go);
    for (size_t done = 0; done < sizeof go;) {
        ssize_t k = write(m->gate[1], go + done, sizeof go - done);
        if (k < 0 && errno != EINTR)
            break;
        done += k > 0 ? (size_t)k : 0;
    }
}

FL_CHECK(every_item_once, "every item is consumed exactly once",
         .section = "Every item exactly once", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    fl_pipe(b->held);
    fl_pipe(b->gate);
    fl_note("the check's consume function holds both consumers at their first item until "
            "the process running pc_run is blocked, then lets them go");
    struct pc_config cfg = config(3, 2, 20, 4, b);
    while_main_runs = hold_until_main_waits;
    pid_t main_pid = run_pipeline(&cfg, b, 0);
    while_main_runs = NULL;
    expect_each_once(b, &cfg, main_pid);
}

FL_CHECK(producer_order, "each producer's items reach a consumer in the order they were put",
         .section = "Order per producer", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(2, 2, 30, 2, b);
    pid_t main_pid = run_pipeline(&cfg, b, 0);
    expect_producer_order(b);
    expect_each_once(b, &cfg, main_pid);
}

FL_CHECK(stops_at_sentinel, "a consumer stops at its sentinel and leaves the rest",
         .section = "Ending consumers with sentinels")
{
    struct board *b = new_board();
    struct feed f;
    feed_consumers(&f, 1, 3, b);
    fl_stage("waiting for consumer %d: 3 items, a sentinel, then one more item queued",
             (int)f.pids[0]);
    int st[2];
    await_consumers(&f, st);
    FL_EXPECT(b->n == 3, "the consumer to hand the 3 items before its sentinel to consume",
              "consume was called %d times", b->n);
    int left = queue_qsize(f.q);
    FL_EXPECT(left == 1, "the item after the sentinel to stay in the queue",
              "the queue holds %d items after consumer %d ended", left, (int)f.pids[0]);
    queue_free(f.q);
}

FL_CHECK(consumers_exit_zero, "every consumer exits 0 after its sentinel",
         .section = "Ending consumers with sentinels")
{
    struct board *b = new_board();
    struct feed f;
    feed_consumers(&f, 2, 6, b);
    fl_stage("waiting for consumers %d and %d: 6 items, 2 sentinels", (int)f.pids[0],
             (int)f.pids[1]);
    int st[2];
    await_consumers(&f, st);
    for (int i = 0; i < 2; i++)
        FL_EXPECT(WIFEXITED(st[i]) && WEXITSTATUS(st[i]) == 0,
                  "a consumer to return 0 from pc_consumer after its sentinel",
                  "consumer %d %s", (int)f.pids[i], fl_status_str(st[i]));
    struct pc_config cfg = config(1, 2, 6, 9, b);
    expect_each_once(b, &cfg, getpid());
    queue_free(f.q);
}

FL_CHECK(joins_everyone, "pc_run joins every producer and consumer before it returns",
         .section = "Joining everyone", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(2, 3, 10, 3, b);
    pid_t main_pid = run_pipeline(&cfg, b, 0);
    for (int i = 0; i < b->n && i < MAX_RECS; i++)
        FL_EXPECT(b->recs[i].ppid == main_pid,
                  "producers and consumers to be children of the process that called pc_run",
                  "consumer pid %d had parent %d; pc_run ran in %d", (int)b->recs[i].pid,
                  (int)b->recs[i].ppid, (int)main_pid);
}

FL_CHECK(run_counts_failures, "pc_run reports a consumer that did not exit 0",
         .section = "Joining everyone", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    b->fail_first = 1;
    struct pc_config cfg = config(2, 2, 10, 4, b);
    fl_note("the check's consume function ends the first consumer that calls it with "
            "_exit(3)");
    run_pipeline(&cfg, b, 1);
    memset(b, 0, sizeof *b);
    b->kill_first = 1;
    fl_note("then it kills the first consumer that calls it with SIGKILL: a killed child "
            "counts as failed too (exit code -9)");
    run_pipeline(&cfg, b, 1);
}

FL_CHECK(capacity_one_no_deadlock, "with a queue of capacity 1 the pipeline still finishes",
         .section = "Capacity 1 and deadlocks", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(3, 3, 30, 1, b);
    pid_t main_pid = run_pipeline(&cfg, b, 0);
    expect_each_once(b, &cfg, main_pid);
}

/* Run a worker task on q in a child of the check; its wait status. */
static int run_worker(proc_task task, const char *name, struct queue *q,
                      const struct pc_config *cfg)
{
    name = fl_tr(name);
    struct pc_worker w = {q, cfg, 0};
    fl_stage("running %s in a child", name);
    fflush(NULL);
    pid_t pid = fork();
    FL_EXPECT(pid >= 0, "the check to start a child", "fork failed: %s", strerror(errno));
    if (pid == 0)
        _exit(task(&w) & 0xff);
    return fl_reap(pid, "the child running a worker");
}

FL_CHECK(workers_report_queue_failures,
         "a worker exits 0 when its puts and gets work, 1 once its queue is closed",
         .section = "When the queue breaks", .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(1, 1, 3, 4, b);
    fl_stage("calling queue_new(4) (given)");
    struct queue *q = queue_new(4);
    FL_EXPECT(q, "the given queue_new to work", "it returned NULL (%s)", strerror(errno));
    int st = run_worker(pc_producer, N_("pc_producer (3 items, an open queue)"), q, &cfg);
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "pc_producer to put its items and return 0", "it %s", fl_status_str(st));
    for (int i = 0; i < 3; i++) {
        struct pc_item it = {-2, -2};
        size_t len = 0;
        enum queue_result r = queue_get(q, &it, sizeof it, &len, 0);
        FL_EXPECT(r == QUEUE_OK && len == sizeof it && it.producer == 0 && it.seq == i,
                  "producer 0 to put {0, 0}, {0, 1}, {0, 2}, each sizeof(struct pc_item) bytes",
                  "get %d of 3 gave result %d, %zu bytes, {%d, %d}", i + 1, (int)r, len,
                  it.producer, it.seq);
    }
    struct pc_item stop = {PC_SENTINEL, 0};
    queue_put(q, &stop, sizeof stop, 0);
    st = run_worker(pc_consumer, N_("pc_consumer (a sentinel, an open queue)"), q, &cfg);
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "pc_consumer to return 0 at its sentinel",
              "it %s", fl_status_str(st));
    queue_close(q);
    static const char *const names[] = {"pc_producer", "pc_consumer"};
    proc_task tasks[] = {pc_producer, pc_consumer};
    for (int i = 0; i < 2; i++) {
        st = run_worker(tasks[i], names[i], q, &cfg);
        FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 1,
                  "a worker whose put or get returns QUEUE_CLOSED to stop and return 1",
                  "%s on a closed queue %s", names[i], fl_status_str(st));
    }
    queue_free(q);
}

/* ---- the contract's refusals, one table: pipeline.h line by line ----
 *
 * Each call runs in main (a child of the caller), so a pc_run that starts a
 * pipeline for a bad configuration is stopped and shown instead of hanging
 * the check.  errno is read right after the call, before anything else. */

static struct board *arg_board;
static struct queue *arg_queue;
static char arg_buf[16];
static size_t arg_len;

static int run_cfg(int np, int nc, int items, int capacity)
{
    struct pc_config c = config(np, nc, items, capacity, arg_board);
    return pc_run(&c);
}

static int a_run_null(void) { return pc_run(NULL); }
static int a_run_np0(void) { return run_cfg(0, 1, 5, 1); }
static int a_run_np_big(void) { return run_cfg(PC_MAX_WORKERS + 1, 1, 5, 1); }
static int a_run_nc0(void) { return run_cfg(1, 0, 5, 1); }
static int a_run_nc_big(void) { return run_cfg(1, PC_MAX_WORKERS + 1, 5, 1); }
static int a_run_items_neg(void) { return run_cfg(1, 1, -1, 1); }
static int a_run_cap0(void) { return run_cfg(1, 1, 5, 0); }
static int a_run_cap_big(void) { return run_cfg(1, 1, 5, QUEUE_MAXSIZE_MAX + 1); }
static int a_start_null(void) { return proc_start(NULL); }
static int a_start_no_task(void)
{
    struct proc p;
    proc_init(&p, NULL, NULL);
    return proc_start(&p);
}
static int a_join_null(void) { return proc_join(NULL); }
static int a_join_unstarted(void)
{
    struct proc p;
    proc_init(&p, pc_consumer, NULL);
    return proc_join(&p);
}
static int a_new_0(void) { return queue_new(0) ? 0 : -1; }
static int a_new_big(void) { return queue_new(QUEUE_MAXSIZE_MAX + 1) ? 0 : -1; }
static int a_put_null_q(void) { return (int)queue_put(NULL, arg_buf, 1, 0); }
static int a_put_null_msg(void) { return (int)queue_put(arg_queue, NULL, 1, 0); }
static int a_get_null_q(void) { return (int)queue_get(NULL, arg_buf, sizeof arg_buf, &arg_len, 0); }
static int a_get_null_buf(void) { return (int)queue_get(arg_queue, NULL, 16, &arg_len, 0); }
static int a_get_null_len(void) { return (int)queue_get(arg_queue, arg_buf, 16, NULL, 0); }
static int a_qsize_null(void) { return queue_qsize(NULL); }

static const struct arg_case {
    const char *call;
    int (*call_fn)(void);
    int want;     /* the return value that means "refused" */
    int err;      /* and its errno */
} arg_table[] = {
    {"pc_run(NULL)", a_run_null, -1, EINVAL},
    {N_("pc_run with 0 producers"), a_run_np0, -1, EINVAL},
    {N_("pc_run with PC_MAX_WORKERS + 1 producers"), a_run_np_big, -1, EINVAL},
    {N_("pc_run with 0 consumers"), a_run_nc0, -1, EINVAL},
    {N_("pc_run with PC_MAX_WORKERS + 1 consumers"), a_run_nc_big, -1, EINVAL},
    {N_("pc_run with -1 items"), a_run_items_neg, -1, EINVAL},
    {N_("pc_run with capacity 0"), a_run_cap0, -1, EINVAL},
    {N_("pc_run with capacity QUEUE_MAXSIZE_MAX + 1"), a_run_cap_big, -1, EINVAL},
    {N_("proc_start(NULL) (given)"), a_start_null, -1, EINVAL},
    {N_("proc_start of a proc with no task (given)"), a_start_no_task, -1, EINVAL},
    {N_("proc_join(NULL) (given)"), a_join_null, -1, EINVAL},
    {N_("proc_join of a proc never started (given)"), a_join_unstarted, -1, EINVAL},
    {N_("queue_new(0) (given)"), a_new_0, -1, EINVAL},
    {N_("queue_new(QUEUE_MAXSIZE_MAX + 1) (given)"), a_new_big, -1, EINVAL},
    {N_("queue_put(NULL, ...) (given)"), a_put_null_q, QUEUE_ERROR, EINVAL},
    {N_("queue_put of a NULL message with length 1 (given)"), a_put_null_msg, QUEUE_ERROR, EINVAL},
    {N_("queue_get(NULL, ...) (given)"), a_get_null_q, QUEUE_ERROR, EINVAL},
    {N_("queue_get into a NULL buffer (given)"), a_get_null_buf, QUEUE_ERROR, EINVAL},
    {N_("queue_get with a NULL len (given)"), a_get_null_len, QUEUE_ERROR, EINVAL},
    {N_("queue_qsize(NULL) (given)"), a_qsize_null, -1, EINVAL},
};

static int (*main_call)(void);
static int call_main_call(const struct pc_config *cfg)
{
    (void)cfg;
    return main_call();
}

FL_CHECK(refusals_table, "every refusal pipeline.h promises: the documented result and errno, nothing started",
         .section = "Your exercise: the contract", .timeout_s = 10, .no_valgrind = 1)
{
    arg_board = new_board();
    fl_stage("calling queue_new(2) (given)");
    arg_queue = queue_new(2);
    FL_EXPECT(arg_queue, "the given queue_new to work", "it returned NULL (%s)",
              strerror(errno));
    struct pc_config none = config(1, 1, 0, 1, arg_board);
    for (size_t i = 0; i < sizeof arg_table / sizeof arg_table[0]; i++) {
        const struct arg_case *c = &arg_table[i];
        const char *call = fl_tr(c->call);
        fl_stage("calling %s", call);
        main_call = c->call_fn;
        int result, err;
        run_in_main_with(call_main_call, &none, arg_board, &result, &err);
        FL_EXPECT(result == c->want && err == c->err,
                  "each refusal the header documents, with its errno, before anything starts",
                  "%s returned %d (errno %d: %s); the header says %d with errno %d (%s)",
                  call, result, err, strerror(err), c->want, c->err, strerror(c->err));
    }
    queue_free(arg_queue);
}

/* ---- consumers that die, failures while setting up, what pc_run keeps ---- */

FL_CHECK(consumers_die_capacity_one,
         "pc_run finishes, and counts them, when every consumer dies early, with capacity 1",
         .section = "When a consumer dies", .timeout_s = 10, .no_valgrind = 1)
{
    struct board *b = new_board();
    b->fail_all = 1;
    fl_note("the check's consume function ends every consumer that calls it with _exit(3)");
    /* While producers still put: nobody will ever make room again. */
    struct pc_config cfg = config(2, 2, 10, 1, b);
    int result, err;
    run_in_main(&cfg, b, &result, &err);
    FL_EXPECT(result >= 2 && result <= 4,
              "pc_run to return how many children did not exit 0: both consumers (3), and "
              "the producers if they could not finish (at most 4)",
              "pc_run returned %d%s%s", result, result < 0 ? ": " : "",
              result < 0 ? strerror(err) : "");
    /* After the producers are done: the sentinels find no room. */
    memset(b, 0, sizeof *b);
    b->fail_all = 1;
    cfg = config(1, 3, 2, 1, b);
    run_in_main(&cfg, b, &result, &err);
    FL_EXPECT(result == 2,
              "pc_run to return 2: two consumers died on their item, the producer and the "
              "third consumer exited 0",
              "pc_run returned %d%s%s (1 producer x 2 items, 3 consumers, capacity 1)", result,
              result < 0 ? ": " : "", result < 0 ? strerror(err) : "");
}

/* Fail unless the caller has no child, no descriptor and no shared mapping
 * that were not there when the body started. */
static void expect_nothing_left(const char *after)
{
    after = fl_tr(after);
    pid_t kids[64];
    char desc[900];
    int n = children_of(getpid(), kids, 64, desc, sizeof desc);
    if (n > 0) {
        for (int i = 0; i < n; i++) {
            kill(kids[i], SIGKILL);
            fl_reap(kids[i], "a child pc_run left");
        }
        fl_fail("nothing left behind: every child pc_run started joined",
                n == 1
                    ? fl_tr("%s, the caller still had %d child: %s")
                    : fl_tr("%s, the caller still had %d children: %s"),
                after, n, desc);
    }
    n = fl_fds_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "nothing left behind: every descriptor pc_run opened closed",
              n == 1
                  ? fl_tr("%s, %d descriptor was still open: %s")
                  : fl_tr("%s, %d descriptors were still open: %s"),
              after, n, desc);
    n = fl_maps_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "nothing left behind: the queue's memory unmapped (queue_free)",
              n == 1
                  ? fl_tr("%s, %d shared mapping was still there: %s")
                  : fl_tr("%s, %d shared mappings were still there: %s"),
              after, n, desc);
}

FL_CHECK(run_fork_fails, "when a fork fails, pc_run returns -1 with EAGAIN and leaves nothing",
         .section = "When setting up fails", .timeout_s = 10, .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(2, 2, 5, 1, b);
    for (int k = 0; k < 4; k++) {
        fl_stage(k == 1 ? fl_tr("calling pc_run (2 producers, 2 consumers) with only %d fork "
                                "allowed")
                        : fl_tr("calling pc_run (2 producers, 2 consumers) with only %d forks "
                                "allowed"),
                 k);
        fl_forks_allow(k);
        errno = 0;
        int r = pc_run(&cfg);
        int e = errno;
        fl_forks_allow(-1);
        char after[120];
        snprintf(after, sizeof after, fl_tr("after pc_run failed with fork number %d refused"),
                 k + 1);
        expect_nothing_left(after);
        FL_EXPECT(r == -1 && e == EAGAIN,
                  "pc_run to return -1 with fork's errno (EAGAIN) when a process cannot start",
                  "with fork number %d refused (EAGAIN), pc_run returned %d (errno %d: %s)",
                  k + 1, r, e, strerror(e));
    }
}

FL_CHECK(run_fds_short, "with few descriptors free, pc_run works or fails with -1 and leaves nothing",
         .section = "When setting up fails", .timeout_s = 10, .no_valgrind = 1)
{
    struct board *b = new_board();
    fl_stage("calling pc_run (2 producers, 2 consumers) with every descriptor it wants");
    struct pc_config full = config(2, 2, 5, 2, b);
    errno = 0;
    int r0 = pc_run(&full);
    int e0 = errno;
    expect_nothing_left(N_("after pc_run returned"));
    FL_EXPECT(r0 == 0, "pc_run to return 0 when nothing is short",
              "it returned %d (errno %d: %s)", r0, e0, strerror(e0));
    for (int k = 0; k < 6; k++) {
        memset(b, 0, sizeof *b);
        struct pc_config cfg = config(2, 2, 5, 2, b);
        fl_stage(k == 1 ? fl_tr("calling pc_run (2 producers, 2 consumers) with %d descriptor "
                                "free")
                        : fl_tr("calling pc_run (2 producers, 2 consumers) with %d descriptors "
                                "free"),
                 k);
        FL_EXPECT(fl_fds_allow(k) == 0, "the check to limit descriptors", "setrlimit: %s",
                  strerror(errno));
        errno = 0;
        int r = pc_run(&cfg);
        int e = errno;
        fl_fds_allow(-1);
        char after[120];
        if (k == 1)
            snprintf(after, sizeof after,
                     fl_tr("after pc_run with 1 descriptor free returned %d"), r);
        else
            snprintf(after, sizeof after,
                     fl_tr("after pc_run with %d descriptors free returned %d"), k, r);
        expect_nothing_left(after);
        FL_EXPECT(r == 0 || (r == -1 && e != 0),
                  "pc_run to work (0) or fail as set-up failures do (-1 with the errno)",
                  k == 1
                      ? fl_tr("with %d descriptor free pc_run returned %d (errno %d: %s)")
                      : fl_tr("with %d descriptors free pc_run returned %d (errno %d: %s)"),
                  k, r, e, strerror(e));
        if (r == 0)
            expect_each_once(b, &cfg, getpid());
    }
}

FL_CHECK(run_releases_all, "after pc_run returns, no child, descriptor or shared mapping of it is left",
         .section = "Joining everyone", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    struct pc_config cfg = config(2, 2, 10, 2, b);
    fl_stage("calling pc_run in the caller");
    errno = 0;
    int r = pc_run(&cfg);
    int e = errno;
    expect_nothing_left(N_("after pc_run returned"));
    FL_EXPECT(r == 0, "pc_run to return 0", "it returned %d (errno %d: %s)", r, e, strerror(e));
    expect_each_once(b, &cfg, getpid());
}

/* While main runs: wait until both consumers hold an item in consume and
 * stay blocked there, long enough for main to find the queue full when it
 * puts the second sentinel; then let them go. */
static void hold_then_release(pid_t main_pid, const struct board *b)
{
    struct board *m = (struct board *)b;
    pid_t held[2];
    if (!await_both_held(main_pid, m))
        return;   /* never got there: the ceiling on main reports it */
    for (int i = 0; i < 2 && i < m->n; i++) {
        held[i] = m->recs[i].pid;
        fl_await_blocked(held[i], 0.2, 2.0);
    }
    fl_stage("letting the consumers go on, with main's sentinels waiting for room");
    for (int i = 0; i < 2; i++)
        while (write(m->gate[1], "g", 1) < 0 && errno == EINTR)
            ;
}

FL_CHECK(sentinels_wait_for_room, "with capacity 1 and busy consumers, every sentinel waits for room",
         .section = "Capacity 1 and deadlocks", .timeout_s = 10, .no_valgrind = 1)
{
    struct board *b = new_board();
    fl_pipe(b->held);
    fl_pipe(b->gate);
    fl_note("the check's consume function holds each consumer inside consume, once both have "
            "taken their item, until main has put its sentinels");
    struct pc_config cfg = config(1, 2, 2, 1, b);
    while_main_runs = hold_then_release;
    pid_t main_pid = run_pipeline(&cfg, b, 0);
    while_main_runs = NULL;
    expect_each_once(b, &cfg, main_pid);
}

/* ---- memory refused, a consume of NULL, the given calls ---- */

FL_CHECK(run_queue_fails, "when the queue cannot be made, pc_run returns -1 with its errno and starts nothing",
         .section = "When setting up fails", .timeout_s = 10, .no_valgrind = 1)
{
    struct board *b = new_board();
    for (int k = 0; k < 3; k++) {
        memset(b, 0, sizeof *b);
        struct pc_config cfg = config(2, 2, 5, 2, b);
        fl_stage(k == 1 ? fl_tr("calling pc_run (2 producers, 2 consumers) with %d allocation "
                                "allowed, then ENOMEM")
                        : fl_tr("calling pc_run (2 producers, 2 consumers) with %d allocations "
                                "allowed, then ENOMEM"),
                 k);
        fl_allocs_allow(k);
        errno = 0;
        int r = pc_run(&cfg);
        int e = errno;
        fl_allocs_allow(-1);
        char after[120];
        if (k == 1)
            snprintf(after, sizeof after,
                     fl_tr("after pc_run with 1 allocation allowed returned %d"), r);
        else
            snprintf(after, sizeof after,
                     fl_tr("after pc_run with %d allocations allowed returned %d"), k, r);
        expect_nothing_left(after);
        /* The queue is memory: with none at all, queue_new fails (ENOMEM).
         * With some, the children are forked with none left: a worker of a
         * design that allocates may fail, and counts as failed (r > 0). */
        FL_EXPECT((r == -1 && e == ENOMEM) || (k > 0 && r >= 0),
                  k == 0 ? N_("pc_run to return -1 with queue_new's errno (ENOMEM) when no "
                              "memory can be had for the queue")
                         : N_("pc_run to work (0, or the count of workers that could not "
                              "allocate) or return -1 with ENOMEM"),
                  k == 1
                      ? fl_tr("with %d allocation allowed, pc_run returned %d (errno %d: %s)")
                      : fl_tr("with %d allocations allowed, pc_run returned %d (errno %d: %s)"),
                  k, r, e, strerror(e));
        FL_EXPECT(k > 0 || b->n == 0, "nothing to run when the queue cannot be made",
                  b->n == 1 ? fl_tr("pc_run returned -1, yet %d item had been consumed")
                            : fl_tr("pc_run returned -1, yet %d items had been consumed"),
                  b->n);
        if (r == 0)
            expect_each_once(b, &cfg, getpid());
    }
}

FL_CHECK(run_consume_null, "with consume NULL, the consumers take every item and do nothing with it",
         .section = "Your exercise: the contract", .timeout_s = 8, .no_valgrind = 1)
{
    struct board *b = new_board();
    /* Capacity 1, 20 items: the producers can only finish if consumers take
     * every item, so pc_run returning 0 means they did. */
    struct pc_config cfg = config(2, 2, 10, 1, b);
    cfg.consume = NULL;
    cfg.ctx = NULL;
    fl_note("pc_config.consume is NULL: \"called for every item; NULL: do nothing\"");
    run_pipeline(&cfg, b, 0);
}

/* The given proc and queue calls, as pc_run uses them: on the student's own
 * workers.  A worker that does not do its part fails these first. */

FL_CHECK(given_proc_calls, "a consumer run with the given proc calls: exit code 0, joining twice, starting twice",
         .section = "Your exercise: the contract")
{
    struct board *b = new_board();
    struct pc_config cfg = config(1, 1, 0, 2, b);
    fl_stage("calling queue_new(2) (given)");
    struct queue *q = queue_new(2);
    FL_EXPECT(q, "the given queue_new to work", "it returned NULL (%s)", strerror(errno));
    struct pc_item stop = {PC_SENTINEL, 0};
    queue_put(q, &stop, sizeof stop, 0);
    int code = -99;
    FL_EXPECT(proc_exitcode(NULL, &code) == 0 && code == -99,
              "proc_exitcode(NULL, &code) to return 0 and leave code alone (given)",
              "it returned non-zero, or set code to %d", code);
    struct pc_worker w = {q, &cfg, 0};
    struct proc p;
    proc_init(&p, pc_consumer, &w);
    FL_EXPECT(proc_exitcode(&p, &code) == 0,
              "proc_exitcode of a proc never started to return 0 (given)", "it returned 1");
    fl_stage("calling proc_start with pc_consumer, a sentinel on the queue (given)");
    FL_EXPECT(proc_start(&p) == 0 && p.pid > 0, "proc_start to return 0 with p.pid set",
              "it returned -1 (%s) or left pid %d", strerror(errno), (int)p.pid);
    errno = 0;
    int again = proc_start(&p);
    int e = errno;
    if (again != -1 || e != EINVAL) {
        if (again == 0 && p.pid > 0)
            fl_reap(p.pid, "a second child of the same proc");
        fl_fail("proc_start of a proc already started to return -1 with EINVAL (given)",
                "it returned %d (errno %d: %s)", again, e, strerror(e));
    }
    fl_stage("calling proc_join on consumer %d (given)", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join to return 0 once the child ended",
              "it returned -1 (%s)", strerror(errno));
    FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL), "proc_join to reap the child",
              "child %d was still unreaped after proc_join returned 0", (int)p.pid);
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 0,
              "pc_consumer to return 0 at its sentinel, and proc_exitcode to say so",
              "proc_exitcode gave code %d for consumer %d", code, (int)p.pid);
    fl_stage("calling proc_join again on the ended consumer %d (given)", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    e = errno;
    FL_EXPECT(r == 0, "joining an ended child again to return 0 at once (given)",
              "the second proc_join returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 0,
              "the exit code to stay 0 after a second join", "it became %d", code);
    queue_free(q);
}

FL_CHECK(given_queue_calls, "a queue a producer filled: full, empty, timeouts and message sizes as pipeline.h says",
         .section = "Your exercise: the contract", .timeout_s = 4, .no_valgrind = 1)
{
    FL_EXPECT(queue_full(NULL) == 0 && queue_empty(NULL) == 0,
              "queue_full(NULL) and queue_empty(NULL) to return 0 (given)",
              "queue_full(NULL) gave %d, queue_empty(NULL) %d", queue_full(NULL),
              queue_empty(NULL));
    struct board *b = new_board();
    struct pc_config cfg = config(1, 1, 2, 2, b);
    fl_stage("calling queue_new(2) (given)");
    struct queue *q = queue_new(2);
    FL_EXPECT(q, "the given queue_new to work", "it returned NULL (%s)", strerror(errno));
    FL_EXPECT(queue_empty(q) == 1 && queue_full(q) == 0,
              "a new queue to be empty (1) and not full (0)",
              "queue_empty gave %d, queue_full %d", queue_empty(q), queue_full(q));
    int st = run_worker(pc_producer, N_("pc_producer (2 items, a queue of 2)"), q, &cfg);
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "pc_producer to put its items and return 0", "it %s", fl_status_str(st));
    FL_EXPECT(queue_full(q) == 1 && queue_empty(q) == 0 && queue_qsize(q) == 2,
              "a queue holding maxsize messages to be full (1), not empty (0), qsize 2",
              "queue_full gave %d, queue_empty %d, queue_qsize %d", queue_full(q),
              queue_empty(q), queue_qsize(q));
    struct pc_item it = {5, 5};
    fl_stage("putting into a full queue with timeout 0");
    double t0 = fl_now();
    enum queue_result r = queue_put(q, &it, sizeof it, 0);
    FL_EXPECT(r == QUEUE_FULL, "a put into a full queue with timeout 0 to be QUEUE_FULL at once",
              "it returned %d after %.3f s", (int)r, fl_now() - t0);
    fl_stage("putting into a full queue with timeout 0.05 s");
    t0 = fl_now();
    r = queue_put(q, &it, sizeof it, 0.05);
    double took = fl_now() - t0;
    FL_EXPECT(r == QUEUE_FULL && took >= 0.05,
              "a put into a full queue with timeout 0.05 to be QUEUE_FULL after at least 0.05 s",
              "it returned %d after %.3f s", (int)r, took);
    size_t len = 0;
    char small[4];
    errno = 0;
    r = queue_get(q, small, sizeof small, &len, 0);
    int e = errno;
    FL_EXPECT(r == QUEUE_ERROR && e == EMSGSIZE,
              "a get of a struct pc_item into 4 bytes to be QUEUE_ERROR with EMSGSIZE",
              "it returned %d (errno %d: %s)", (int)r, e, strerror(e));
    FL_EXPECT(queue_qsize(q) == 2, "a message too long for the buffer to stay at the head",
              "queue_qsize became %d", queue_qsize(q));
    for (int i = 0; i < 2; i++) {
        it = (struct pc_item){-2, -2};
        r = queue_get(q, &it, sizeof it, &len, 0);
        FL_EXPECT(r == QUEUE_OK && len == sizeof it && it.producer == 0 && it.seq == i,
                  "the producer's items {0, 0}, {0, 1} to come out whole, in order",
                  "get %d gave result %d, %zu bytes, {%d, %d}", i + 1, (int)r, len,
                  it.producer, it.seq);
        FL_EXPECT(queue_full(q) == 0 && queue_empty(q) == (i == 1),
                  "a queue of 2 holding fewer to be not full, and empty only with none",
                  "holding %d: queue_full gave %d, queue_empty %d", 1 - i, queue_full(q),
                  queue_empty(q));
    }
    r = queue_put(q, NULL, 0, 0);
    FL_EXPECT(r == QUEUE_OK, "a put of NULL with length 0 (an empty message) to be QUEUE_OK",
              "it returned %d (errno %s)", (int)r, strerror(errno));
    len = 99;
    r = queue_get(q, small, 0, &len, 0);
    FL_EXPECT(r == QUEUE_OK && len == 0, "the empty message to come out, length 0",
              "get gave %d with length %zu", (int)r, len);
    fl_stage("getting from an empty queue with timeout 0.05 s");
    t0 = fl_now();
    r = queue_get(q, &it, sizeof it, &len, 0.05);
    took = fl_now() - t0;
    FL_EXPECT(r == QUEUE_EMPTY && took >= 0.05,
              "a get from an empty queue with timeout 0.05 to be QUEUE_EMPTY after at least "
              "0.05 s", "it returned %d after %.3f s", (int)r, took);
    static char big[QUEUE_MSG_MAX + 1];
    errno = 0;
    r = queue_put(q, big, sizeof big, 0);
    e = errno;
    FL_EXPECT(r == QUEUE_ERROR && e == EMSGSIZE,
              "a put longer than QUEUE_MSG_MAX to be QUEUE_ERROR with EMSGSIZE",
              "it returned %d (errno %d: %s)", (int)r, e, strerror(e));
    queue_close(q);
    queue_close(q);
    r = queue_put(q, &it, sizeof it, 0);
    FL_EXPECT(r == QUEUE_CLOSED, "a put after closing twice to be QUEUE_CLOSED",
              "it returned %d", (int)r);
    queue_free(q);
}
