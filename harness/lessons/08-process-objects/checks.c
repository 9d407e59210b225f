/* Lesson 08 checks: a process object's class decides what its child runs;
 * a "subclass" embedding struct proc first goes through the same calls; an
 * object starts once; the child works on its own copy of the object. */
#include "fl.h"
#include "objects.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAGIC 0x5ca1ab1e0ddba11L

/* What a run saw, in memory shared with the caller. */
struct seen {
    int runs;
    pid_t pid, ppid;
    long magic;
    char label[24];
    int start, step;
    int start_after_gate;     /* the child's copy, after the caller changed its own */
    char who[16];
    int times;
};

static struct seen *board;

static void board_new(void)
{
    board = fl_board_new(sizeof *board);
}

/* ---- two "subclasses" of struct proc ---- */

struct tally {
    struct proc base;          /* first: a struct tally * is a struct proc * */
    long magic;
    char label[24];
    int start, step;
    struct fl_probe_arg gate;  /* gate.probe NULL: run straight through */
};

static int tally_run(struct proc *self)
{
    struct tally *t = (struct tally *)self;
    int entry = t->start;
    board->pid = getpid();
    board->ppid = getppid();
    board->magic = t->magic;
    memcpy(board->label, t->label, sizeof board->label);
    board->start = t->start;
    board->step = t->step;
    __atomic_fetch_add(&board->runs, 1, __ATOMIC_SEQ_CST);
    /* The run changes its own object: only the child's copy may change. */
    t->start = 100;
    snprintf(t->label, sizeof t->label, "changed-by-run");
    if (t->gate.probe)
        fl_probe_task(&t->gate);   /* ready, then wait for the caller */
    board->start_after_gate = t->start;
    return entry + t->step;
}

static const struct proc_class tally_class = {"tally", tally_run};

struct greeter {
    struct proc base;
    char who[16];
    int times;
};

static int greeter_run(struct proc *self)
{
    struct greeter *g = (struct greeter *)self;
    memcpy(board->who, g->who, sizeof board->who);
    board->times = g->times;
    return 3 * g->times;
}

static const struct proc_class greeter_class = {"greeter", greeter_run};

static void tally_new(struct tally *t, int start, int step)
{
    memset(t, 0, sizeof *t);
    fl_stage("calling proc_init_object for a tally");
    errno = 0;
    int r = proc_init_object(&t->base, &tally_class);
    FL_EXPECT(r == 0, "proc_init_object to return 0 for a class with a run function",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    t->magic = MAGIC;
    snprintf(t->label, sizeof t->label, "tally-object");
    t->start = start;
    t->step = step;
}

static void start_ok(struct proc *p, const char *what)
{
    what = fl_tr(what);
    fl_stage("calling proc_start on %s", what);
    errno = 0;
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start to return 0 and set p->pid",
              "proc_start on %s returned %d with p->pid %d (errno %d: %s)", what, r,
              (int)p->pid, errno, strerror(errno));
    FL_EXPECT(fl_is_unreaped_child(p->pid, NULL), "p->pid to be a child of the caller",
              "pid %d is not a child of the caller %d", (int)p->pid, (int)getpid());
}

static int join_code(struct proc *p)
{
    fl_stage("joining child %d", (int)p->pid);
    int st;
    fl_is_unreaped_child(p->pid, &st);
    FL_EXPECT(proc_join(p) == 0, "proc_join (given) to reap the child",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    int code = 0;
    FL_EXPECT(proc_exitcode(p, &code) == 1, "proc_exitcode (given) to have a code after the join",
              "it returned 0 for joined child %d (%s): were p->ended and p->exitcode kept?",
              (int)p->pid, fl_status_str(st));
    return code;
}

/* ---- checks ---- */

FL_CHECK(base_runs_task, "a proc of the base class runs task(arg) in the child",
         .section = "The base class runs the task")
{
    struct fl_probe *pr = fl_probe_new(0, 5);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    start_ok(&p, N_("a base-class proc"));
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    int early = 0;
    FL_EXPECT(proc_exitcode(&p, &early) == 0, "no exit code before the join (Python's None)",
              "proc_exitcode gave %d before child %d was joined", early, (int)p.pid);
    int code = join_code(&p);
    FL_EXPECT(pr->nruns == 1 && pr->runs[0].pid == p.pid,
              "task(arg) to run once, in the child",
              "the task ran %d times, first in pid %d; the child is %d", pr->nruns,
              (int)pr->runs[0].pid, (int)p.pid);
    FL_EXPECT(code == 5, "exit code 5, what the task returned",
              "child %d has exit code %d", (int)p.pid, code);
    fl_stage("joining child %d a second time", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    FL_EXPECT(r == 0 && proc_exitcode(&p, &code) == 1 && code == 5,
              "a second join (given) to return 0 at once and keep the exit code",
              "it returned %d (errno %d: %s), exit code %d", r, e, strerror(e), code);
}

FL_CHECK(class_run_in_child, "an object's run runs in the child and sees the object's fields",
         .section = "Overriding run")
{
    board_new();
    struct tally t;
    tally_new(&t, 40, 2);
    start_ok(&t.base, N_("a tally object"));
    int code = join_code(&t.base);
    FL_EXPECT(board->runs == 1, "the class's run to run once for one proc_start",
              "tally_run ran %d times; child %d has exit code %d%s", board->runs,
              (int)t.base.pid, code,
              code < 0 ? fl_tr(" (it crashed: was the base class's task(arg) called, with task "
                               "NULL?)")
                       : "");
    FL_EXPECT(board->pid == t.base.pid && board->ppid == getpid(),
              "run to execute in the child, whose parent is the caller",
              "run ran in pid %d (parent %d); the child is %d and the caller %d",
              (int)board->pid, (int)board->ppid, (int)t.base.pid, (int)getpid());
    FL_EXPECT(board->start == 40 && board->step == 2 && board->magic == MAGIC,
              "run to see the fields the caller set (start 40, step 2)",
              "run saw start %d, step %d", board->start, board->step);
}

FL_CHECK(subclass_works, "two \"subclasses\" embedding struct proc first go through the same start and join",
         .section = "A subclass in C")
{
    board_new();
    struct tally t;
    tally_new(&t, 40, 2);
    struct greeter g;
    memset(&g, 0, sizeof g);
    fl_stage("calling proc_init_object for a greeter");
    errno = 0;
    int r = proc_init_object(&g.base, &greeter_class);
    FL_EXPECT(r == 0, "proc_init_object to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    snprintf(g.who, sizeof g.who, "ann");
    g.times = 4;
    start_ok(&t.base, N_("a tally object"));
    start_ok(&g.base, N_("a greeter object"));
    int tc = join_code(&t.base), gc = join_code(&g.base);
    FL_EXPECT(board->magic == MAGIC && strcmp(board->label, "tally-object") == 0,
              "tally's run to see the fields after struct proc in struct tally",
              board->magic == MAGIC
                  ? fl_tr("in child %d, tally_run saw magic %#lx (want %#lx) but a different "
                          "label: run got a copy of the struct proc alone, cut from the object "
                          "around it")
                  : fl_tr("in child %d, tally_run saw magic %#lx (want %#lx): run got a copy of "
                          "the struct proc alone, cut from the object around it"),
              (int)t.base.pid, board->magic, MAGIC);
    FL_EXPECT(strcmp(board->who, "ann") == 0 && board->times == 4,
              "greeter's run to see who \"ann\" and times 4",
              "in child %d, greeter_run saw who \"%.15s\" and times %d", (int)g.base.pid,
              board->who, board->times);
    FL_EXPECT(tc == 42 && gc == 12,
              "exit codes 42 (tally: 40 + 2) and 12 (greeter: 3 * 4), what each run returned",
              "tally child %d has exit code %d, greeter child %d has %d", (int)t.base.pid, tc,
              (int)g.base.pid, gc);
}

FL_CHECK(start_once, "a second proc_start is refused, while the child runs and after join",
         .section = "Starting once", .timeout_s = 1)
{
    board_new();
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct tally t;
    tally_new(&t, 1, 1);
    t.gate = (struct fl_probe_arg){pr, 1};
    start_ok(&t.base, N_("a tally object"));
    pid_t first = t.base.pid;
    fl_stage("waiting for run to start in child %d", (int)first);
    fl_probe_await(pr, 1, first);
    fl_stage("calling proc_start a second time while child %d runs", (int)first);
    errno = 0;
    int r = proc_start(&t.base);
    int e = errno;
    pid_t second = t.base.pid;
    if (r == 0 || second != first) {
        fl_probe_release(pr, FL_PROBE_SLOTS);
        fl_reap(first, "the first child");
        if (second != first && second > 0 && fl_is_unreaped_child(second, NULL))
            fl_reap(second, "the second child");
        fl_fail("a second proc_start on a running object to return -1 with EINVAL and make "
                "no child",
                "it returned %d and p->pid went from %d to %d: a second child ran the same "
                "object", r, (int)first, (int)second);
    }
    fl_probe_release(pr, 1);
    join_code(&t.base);
    FL_EXPECT(r == -1 && e == EINVAL, "the second proc_start to fail with EINVAL",
              "it returned -1 with errno %d (%s)", e, strerror(e));
    fl_stage("calling proc_start again after child %d was joined", (int)first);
    errno = 0;
    r = proc_start(&t.base);
    e = errno;
    if (t.base.pid != first && t.base.pid > 0 && fl_is_unreaped_child(t.base.pid, NULL)) {
        fl_probe_release(pr, FL_PROBE_SLOTS);
        fl_reap(t.base.pid, "the child of the restart");
    }
    FL_EXPECT(r == -1 && e == EINVAL,
              "proc_start after join to fail with EINVAL too: an object starts once",
              "it returned %d (errno %d: %s) and started child %d", r, e, strerror(e),
              (int)t.base.pid);
}

FL_CHECK(object_copies, "run changes only the child's copy of the object; the caller's later changes do not reach it",
         .section = "Each process has its own object", .timeout_s = 1)
{
    board_new();
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct tally t;
    tally_new(&t, 7, 1);
    t.gate = (struct fl_probe_arg){pr, 1};
    start_ok(&t.base, N_("a tally object"));
    fl_stage("waiting for run to start in child %d", (int)t.base.pid);
    fl_probe_await(pr, 1, t.base.pid);
    int caller_after_run = t.start;
    char label_after_run[24];
    memcpy(label_after_run, t.label, sizeof label_after_run);
    t.start = 2;   /* the caller's change, made while run waits */
    fl_probe_release(pr, 1);
    int code = join_code(&t.base);
    FL_EXPECT(board->pid == t.base.pid,
              "run to execute in the child",
              "run ran in pid %d; the child is %d%s", (int)board->pid, (int)t.base.pid,
              board->pid == getpid() ? fl_tr(" (the caller itself: run was called before fork)")
                                     : "");
    FL_EXPECT(caller_after_run == 7 && strcmp(label_after_run, "tally-object") == 0,
              "the caller's object to keep its fields (start 7) while run changes its own copy",
              "after run set start = 100 in child %d, the caller's object had start %d and "
              "label \"%.23s\"", (int)t.base.pid, caller_after_run, label_after_run);
    FL_EXPECT(board->start_after_gate == 100,
              "the child's object to keep what run wrote (100), not the caller's later 2",
              "run read start %d after the caller set its own to 2", board->start_after_gate);
    FL_EXPECT(code == 8, "exit code 8 (7 + 1, from the fields at start)",
              "child %d has exit code %d", (int)t.base.pid, code);
}

FL_CHECK(needs_run, "nothing to run is refused: a class without run, a proc without task or class",
         .section = "The base class runs the task")
{
    static const struct proc_class empty = {"empty", NULL};
    struct proc p;
    fl_stage("calling proc_init_object with a class whose run is NULL");
    errno = 0;
    int r = proc_init_object(&p, &empty);
    FL_EXPECT(r == -1 && errno == EINVAL,
              "proc_init_object with run NULL to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_run on a proc with no class and no task");
    errno = 0;
    r = proc_run(&p);
    FL_EXPECT(r == -1 && errno == EINVAL,
              "proc_run with nothing to run to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_start on a proc with no class and no task");
    errno = 0;
    r = proc_start(&p);
    int e = errno;
    if (p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child of a proc with nothing to run");
    FL_EXPECT(r == -1 && e == EINVAL,
              "proc_start with nothing to run to fail with EINVAL, before fork",
              "it returned %d (errno %d: %s)%s", r, e, strerror(e),
              p.pid > 0 ? fl_tr("; its child had nothing to run") : "");
}

FL_CHECK(run_here, "proc_run called directly runs the work in the calling process",
         .section = "Overriding run")
{
    board_new();
    struct tally t;
    tally_new(&t, 20, 3);
    fl_stage("calling proc_run directly");
    errno = 0;
    int r = proc_run(&t.base);
    FL_EXPECT(board->runs == 1 && board->pid == getpid(),
              "proc_run to call the class's run once, right here in the caller",
              "tally_run ran %d times, last in pid %d; the caller is %d (errno %d: %s)",
              board->runs, (int)board->pid, (int)getpid(), errno, strerror(errno));
    FL_EXPECT(r == 23, "proc_run to return what run returned (23)", "it returned %d", r);
    FL_EXPECT(t.base.pid == 0, "proc_run to start no process (p->pid stays 0)",
              "p->pid is %d", (int)t.base.pid);
}

/* ---- the contract's refusals, one table: objects.h line by line ----
 *
 * Each call is made on a fresh object; errno is read right after it.  A
 * refused proc_start must also have made no child. */

static struct proc tp;
static const struct proc_class no_run = {"no-run", NULL};

static int r_init_null_p(void) { return proc_init_object(NULL, &tally_class); }
static int r_init_null_cls(void) { return proc_init_object(&tp, NULL); }
static int r_init_null_run(void) { return proc_init_object(&tp, &no_run); }
static int r_run_null(void) { return proc_run(NULL); }
static int r_run_nothing(void)
{
    proc_init(&tp, NULL, NULL);
    return proc_run(&tp);
}
static int r_run_class_lost_run(void)
{
    proc_init(&tp, NULL, NULL);
    tp.cls = &no_run;      /* a class whose run is NULL, set by hand */
    return proc_run(&tp);
}
static int r_start_null(void) { return proc_start(NULL); }
static int r_start_nothing(void)
{
    proc_init(&tp, NULL, NULL);
    return proc_start(&tp);
}
static int r_start_class_lost_run(void)
{
    proc_init(&tp, NULL, NULL);
    tp.cls = &no_run;
    return proc_start(&tp);
}
static int r_join_unstarted(void)
{
    proc_init(&tp, fl_probe_task, NULL);
    return proc_join(&tp);
}

static const struct refusal {
    const char *call;
    int (*call_fn)(void);
    int err;      /* each returns -1 with this errno */
} refusals[] = {
    {"proc_init_object(NULL, &cls)", r_init_null_p, EINVAL},
    {"proc_init_object(p, NULL)", r_init_null_cls, EINVAL},
    {N_("proc_init_object(p, cls) with cls->run NULL"), r_init_null_run, EINVAL},
    {"proc_run(NULL)", r_run_null, EINVAL},
    {N_("proc_run(p) with no class and no task"), r_run_nothing, EINVAL},
    {N_("proc_run(p) with a class whose run is NULL"), r_run_class_lost_run, EINVAL},
    {"proc_start(NULL)", r_start_null, EINVAL},
    {N_("proc_start(p) with no class and no task"), r_start_nothing, EINVAL},
    {N_("proc_start(p) with a class whose run is NULL"), r_start_class_lost_run, EINVAL},
    {N_("proc_join(p) never started (given)"), r_join_unstarted, EINVAL},
};

FL_CHECK(refusals_table, "every refusal objects.h promises: -1 with EINVAL, and no child",
         .section = "Your exercise: the contract")
{
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const struct refusal *c = &refusals[i];
        const char *call = fl_tr(c->call);
        memset(&tp, 0, sizeof tp);
        fl_stage("calling %s", call);
        errno = 0;
        int r = c->call_fn();
        int e = errno;
        pid_t kids[8];
        int n = fl_proc_children(getpid(), kids, 8);
        for (int k = 0; k < n; k++)
            fl_reap(kids[k], "a child of a refused call");
        FL_EXPECT(r == -1 && e == c->err,
                  "each refusal the header documents: -1 with its errno",
                  "%s returned %d (errno %d: %s); objects.h says -1 with %s", call, r, e,
                  strerror(e), strerror(c->err));
        FL_EXPECT(n == 0, "a refused call to start no process (refuse before fork)",
                  n == 1 ? fl_tr("%s returned -1 but started %d child, first %d")
                         : fl_tr("%s returned -1 but started %d children, first %d"),
                  call, n, n ? (int)kids[0] : 0);
    }
}

FL_CHECK(init_object_clean, "proc_init_object makes a clean proc of the class and touches nothing around it",
         .section = "A subclass in C")
{
    struct tally t;
    memset(&t, 0xa5, sizeof t);   /* garbage, as in a fresh local */
    t.magic = MAGIC;
    snprintf(t.label, sizeof t.label, "set-before-init");
    t.start = 11;
    t.step = 4;
    fl_stage("calling proc_init_object on a tally whose own fields were set first");
    errno = 0;
    int r = proc_init_object(&t.base, &tally_class);
    int e = errno;
    FL_EXPECT(r == 0, "proc_init_object to return 0", "it returned %d (errno %d: %s)", r, e,
              strerror(e));
    FL_EXPECT(t.base.pid == 0 && t.base.task == NULL && t.base.arg == NULL &&
                  t.base.cls == &tally_class && t.base.ended == 0,
              "a clean proc of the class: pid 0, task and arg NULL, cls set, not ended",
              "after proc_init_object: pid %d, task %s, arg %s, cls %s, ended %d",
              (int)t.base.pid, t.base.task ? fl_tr("set") : "NULL",
              t.base.arg ? fl_tr("set") : "NULL",
              t.base.cls == &tally_class ? fl_tr("the class") : fl_tr("not the class"),
              t.base.ended);
    int code = 99;
    FL_EXPECT(proc_exitcode(&t.base, &code) == 0, "no exit code for an object never started",
              "proc_exitcode gave %d", code);
    FL_EXPECT(t.magic == MAGIC && strcmp(t.label, "set-before-init") == 0 && t.start == 11 &&
                  t.step == 4,
              "proc_init_object to touch only the struct proc, not the fields after it",
              "the subclass's own fields changed: magic %#lx, start %d, step %d", t.magic,
              t.start, t.step);
}

FL_CHECK(class_over_task, "an object with a class runs cls->run even when a task is set too",
         .section = "The base class runs the task")
{
    board_new();
    struct fl_probe *pr = fl_probe_new(0, 9);
    struct fl_probe_arg a = {pr, 1};
    struct tally t;
    tally_new(&t, 30, 5);
    t.base.task = fl_probe_task;   /* set by hand after proc_init_object */
    t.base.arg = &a;
    start_ok(&t.base, N_("a tally object that also has a task"));
    int code = join_code(&t.base);
    FL_EXPECT(board->runs == 1 && pr->nruns == 0 && code == 35,
              "the class's run, and only it, to run (exit code 35 = 30 + 5)",
              "tally_run ran %d times, the task %d times; child %d has exit code %d",
              board->runs, pr->nruns, (int)t.base.pid, code);
}

static int run_returns(struct proc *self)
{
    (void)self;
    return board->start;   /* the value the check chose */
}
static const struct proc_class returner = {"returner", run_returns};

FL_CHECK(exit_code_low_bits, "the child's exit status is run's return value, low 8 bits",
         .section = "The base class runs the task")
{
    board_new();
    static const int values[] = {0, 7, 255, 256 + 3, -1};
    for (int i = 0; i < 5; i++) {
        board->start = values[i];
        struct proc p;
        FL_EXPECT(proc_init_object(&p, &returner) == 0, "proc_init_object to return 0",
                  "it returned -1 (errno %d: %s)", errno, strerror(errno));
        start_ok(&p, N_("an object whose run returns a chosen value"));
        int st;
        fl_await_exit(p.pid);
        fl_is_unreaped_child(p.pid, &st);
        int code = join_code(&p);
        FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == (values[i] & 0xff) &&
                      code == (values[i] & 0xff),
                  "run's return value, & 0xff, as the child's exit status",
                  "run returned %d; child %d %s (exit code %d), not exit status %d", values[i],
                  (int)p.pid, fl_status_str(st), code, values[i] & 0xff);
    }
}

FL_CHECK(start_fork_fails, "when fork fails, proc_start returns -1 with EAGAIN, keeps pid 0 and may be retried",
         .section = "Starting once")
{
    struct fl_probe *pr = fl_probe_new(0, 6);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start with fork failing (EAGAIN)");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    fl_forks_allow(-1);
    pid_t kids[8];
    int n = fl_proc_children(getpid(), kids, 8);
    if (n > 0 && r == 0)
        fl_fail_settled(pr, p.pid, "proc_start to fail when fork fails",
                        "it returned 0 with p->pid %d: was fork called at all?", (int)p.pid);
    FL_EXPECT(r == -1 && e == EAGAIN, "proc_start to return -1 with fork's errno, EAGAIN",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(p.pid == 0 && n == 0, "a failed start to start nothing: p->pid stays 0, no child",
              n == 1 ? fl_tr("p->pid is %d; the caller has %d child")
                     : fl_tr("p->pid is %d; the caller has %d children"),
              (int)p.pid, n);
    fl_stage("calling proc_start again, fork working");
    start_ok(&p, N_("an object whose first start failed"));
    fl_probe_await(pr, 1, p.pid);
    int code = join_code(&p);
    FL_EXPECT(code == 6 && pr->nruns == 1, "the retried start to run the task once (exit code 6)",
              "the task ran %d times; child %d has exit code %d", pr->nruns, (int)p.pid, code);
}

/* ---- a child killed by a signal; a signal while the caller joins ---- */

static int run_killed(struct proc *self)
{
    (void)self;
    raise(SIGKILL);
    return 0;
}

static const struct proc_class killed_class = {"killed", run_killed};

FL_CHECK(killed_exitcode, "a child killed by signal N has exit code -N, and none before the join",
         .section = "The base class runs the task")
{
    struct proc p;
    FL_EXPECT(proc_init_object(&p, &killed_class) == 0, "proc_init_object to return 0",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    int code = 12345;
    FL_EXPECT(proc_exitcode(&p, &code) == 0 && code == 12345,
              "proc_exitcode of a proc never started to return 0 (Python's None)",
              "it returned 1 with code %d", code);
    start_ok(&p, N_("an object whose run kills its own process with SIGKILL"));
    fl_await_exit(p.pid);
    FL_EXPECT(proc_exitcode(&p, &code) == 0,
              "proc_exitcode to return 0 until the child is joined (given)",
              "it returned 1 with code %d for child %d, which was not joined yet", code,
              (int)p.pid);
    int st;
    fl_is_unreaped_child(p.pid, &st);
    code = join_code(&p);
    FL_EXPECT(code == -SIGKILL, "the exit code of a child killed by SIGKILL to be -9",
              "child %d %s; proc_exitcode gave %d", (int)p.pid, fl_status_str(st), code);
}

static int g_wake[2] = {-1, -1};

/* The caller's handler: let the child end (write is async-signal-safe). */
static void wake_child(int sig)
{
    (void)sig;
    int saved = errno;
    while (write(g_wake[1], "g", 1) < 0 && errno == EINTR)
        ;
    errno = saved;
}

/* Runs in the child: ends with 4 once the caller was interrupted. */
static int wait_for_wake(void *arg)
{
    (void)arg;
    char c;
    while (read(g_wake[0], &c, 1) < 0 && errno == EINTR)
        ;
    return 4;
}

FL_CHECK(join_survives_signal, "a signal that interrupts proc_join does not end the wait: it returns once the child ended",
         .section = "The base class runs the task")
{
    fl_pipe(g_wake);
    struct proc p;
    proc_init(&p, wait_for_wake, NULL);
    start_ok(&p, N_("a proc whose task waits until SIGUSR1 interrupts the caller"));
    /* A handler without SA_RESTART: waitpid returns EINTR when it runs. */
    struct sigaction sa = {.sa_handler = wake_child}, old;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    fl_stage("calling proc_join on child %d; SIGUSR1 comes once the caller is blocked",
             (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    fl_reap(helper, "the helper that sent SIGUSR1");
    sigaction(SIGUSR1, &old, NULL);
    int unreaped = fl_is_unreaped_child(p.pid, NULL);
    if (unreaped)
        fl_reap(p.pid, "the child proc_join left");
    FL_EXPECT(r == 0 && !unreaped,
              "proc_join (given) to wait until the child has ended and reap it, whatever "
              "signal interrupts waitpid (EINTR: wait again)",
              unreaped ? fl_tr("proc_join returned %d (errno %d: %s) with child %d not reaped")
                       : fl_tr("proc_join returned %d (errno %d: %s) with child %d reaped"),
              r, e, strerror(e), (int)p.pid);
    int code = 0;
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 4,
              "the exit code 4 the task returned", "proc_exitcode gave %d", code);
}
