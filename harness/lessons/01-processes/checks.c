/* Lesson 01 checks: a task runs in a new process that the caller started. */
#include "fl.h"
#include "processes.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Start p on a probe and fail the check with the student's error if
 * proc_start refuses, or if it hands back something that is not a child. */
static void start_on_probe(struct proc *p, struct fl_probe_arg *a)
{
    proc_init(p, fl_probe_task, a);
    fl_stage("calling proc_start");
    errno = 0;
    int r = proc_start(p);
    fl_stage("checking what proc_start returned");
    FL_EXPECT(r == 0, "proc_start to return 0 after starting the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(p->pid > 0, "p->pid to hold the child's pid after proc_start",
              "p->pid is %d", (int)p->pid);
    FL_EXPECT(p->pid != getpid(), "p->pid to be the child's pid, not the caller's",
              "p->pid is %d, the caller's own pid", (int)p->pid);
    FL_EXPECT(fl_is_unreaped_child(p->pid, NULL), "p->pid to be a child of the caller",
              fl_proc_state(p->pid)
                  ? fl_tr("pid %d is not a child of the caller %d (it is another process)")
                  : fl_tr("pid %d is not a child of the caller %d (no such process)"),
              (int)p->pid, (int)getpid());
}

static void release_and_reap(struct fl_probe *pr, int n, struct proc *p, int count)
{
    fl_stage("letting the tasks finish");
    fl_probe_release(pr, n);
    for (int i = 0; i < count; i++)
        fl_reap(p[i].pid, "a child from proc_start");
}

FL_CHECK(runs_in_child, "proc_start runs the task in a new process",
         .section = "Starting a child")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start");
    int r = proc_start(&p);
    fl_stage("checking where the task ran");
    if (pr->nruns > 0 && pr->runs[0].pid == getpid())
        fl_fail("the task to run in a child process",
                "the task ran in the caller itself (pid %d): proc_start called it without fork",
                (int)getpid());
    FL_EXPECT(r == 0, "proc_start to return 0 after starting the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    FL_EXPECT(pr->runs[0].pid == p.pid, "the task to run in the process whose pid is in p->pid",
              "the task ran in pid %d but p->pid is %d", (int)pr->runs[0].pid, (int)p.pid);
    fl_reap(p.pid, "the child from proc_start");
}

FL_CHECK(parent_is_caller, "the child's parent is the process that called proc_start",
         .section = "Who is my parent?")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_on_probe(&p, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    FL_EXPECT(pr->runs[0].ppid == getpid(),
              "getppid() in the task to be the caller's pid",
              "the task in pid %d has parent %d; the caller is %d (a grandchild of the caller "
              "ran the task?)", (int)pr->runs[0].pid, (int)pr->runs[0].ppid, (int)getpid());
    fl_reap(p.pid, "the child from proc_start");
}

FL_CHECK(runs_once, "the task runs exactly once", .section = "Starting a child")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_on_probe(&p, &a);
    fl_stage("waiting for child %d to end", (int)p.pid);
    int st = fl_reap(p.pid, "the child from proc_start");
    int runs = pr->nruns;
    FL_EXPECT(runs == 1, "one run of the task for one proc_start",
              runs <= 1 ? fl_tr("the task ran %d times (first in pid %d); child %d %s")
              : pr->runs[1].pid == getpid()
                  ? fl_tr("the task ran %d times (first in pid %d, then in pid of the caller); "
                          "child %d %s")
                  : fl_tr("the task ran %d times (first in pid %d, then in pid of another "
                          "process); child %d %s"),
              runs, runs ? (int)pr->runs[0].pid : 0, (int)p.pid, fl_status_str(st));
}

FL_CHECK(start_does_not_wait, "proc_start returns without waiting for the task",
         .section = "Starting a child", .timeout_s = 1)
{
    /* The task is held at a gate that only opens after proc_start has
     * returned: a proc_start that waits for the task never returns. */
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start (the task is held at a gate until proc_start returns, so a "
             "proc_start that waits for its child never returns)");
    int r = proc_start(&p);
    fl_stage("checking what proc_start returned");
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start to return 0 and set p->pid",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, errno,
              strerror(errno));
    char st = fl_proc_state(p.pid);
    FL_EXPECT(st && st != 'Z' && fl_is_unreaped_child(p.pid, NULL),
              "the child to still be running when proc_start returns",
              st == 'Z' ? fl_tr("child %d was already dead when proc_start returned")
                        : fl_tr("child %d was gone, reaped already when proc_start returned"),
              (int)p.pid);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    release_and_reap(pr, 1, &p, 1);
}

FL_CHECK(children_overlap, "two children started one after the other run at the same time",
         .section = "Two children at once", .timeout_s = 1)
{
    /* Both tasks wait at a gate: seeing both arrive there proves both
     * processes were alive at once, without any clock. */
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a1 = {pr, 1}, a2 = {pr, 2};
    struct proc p[2];
    start_on_probe(&p[0], &a1);
    start_on_probe(&p[1], &a2);
    FL_EXPECT(p[0].pid != p[1].pid, "two proc_start calls to make two children",
              "both have pid %d", (int)p[0].pid);
    fl_stage("waiting until both tasks run at once (children %d and %d)", (int)p[0].pid,
             (int)p[1].pid);
    fl_probe_await(pr, 2, 0);
    FL_EXPECT(pr->runs[0].pid != pr->runs[1].pid, "the two tasks to run in two processes",
              "both ran in pid %d", (int)pr->runs[0].pid);
    release_and_reap(pr, 2, p, 2);
}

static int noisy_task(void *arg)
{
    (void)arg;
    printf("task-output ");   /* no newline: it sits in the child's buffer */
    return 0;
}

FL_CHECK(output_once, "what the caller buffered appears once and what the task printed is kept",
         .section = "Ending the child")
{
    /* Capture the caller's stdout in a pipe it reads itself. */
    int pfd[2];
    fl_pipe(pfd);
    fflush(stdout);
    int saved = fcntl(1, F_DUPFD_CLOEXEC, 0);
    dup2(pfd[1], 1);
    close(pfd[1]);
    printf("caller-buffered ");   /* waits in the caller's stdio buffer */
    struct proc p;
    proc_init(&p, noisy_task, NULL);
    fl_stage("calling proc_start with text in the caller's stdout buffer");
    int r = proc_start(&p);
    fl_stage("waiting for child %d to end", (int)p.pid);
    if (r == 0 && p.pid > 0)
        fl_reap(p.pid, "the child from proc_start");
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    fcntl(pfd[0], F_SETFL, O_NONBLOCK);
    int task_seen = 0, caller_seen = 0;
    char all[4096] = "";
    ssize_t n = read(pfd[0], all, sizeof all - 1);
    if (n > 0) {
        all[n] = '\0';
        for (char *s = strstr(all, "caller-buffered"); s; s = strstr(s + 1, "caller-buffered"))
            caller_seen++;
        for (char *s = strstr(all, "task-output"); s; s = strstr(s + 1, "task-output"))
            task_seen++;
    }
    FL_EXPECT(r == 0, "proc_start to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    FL_EXPECT(caller_seen == 1,
              "text the caller had buffered before proc_start to be written once",
              "it was written %d times: the child inherited the caller's stdio buffer and "
              "flushed it too (fflush(NULL) before fork empties it)", caller_seen);
    FL_EXPECT(task_seen == 1, "what the task printed to reach stdout once",
              "it reached stdout %d times: the child ended without flushing its stdio "
              "buffer (fflush(NULL), then _exit)", task_seen);
}

static int plain_task(void *arg)
{
    (void)arg;
    return 0;
}

FL_CHECK(child_uses__exit, "the child ends with _exit, not exit: the caller's atexit handlers stay in the caller",
         .section = "Ending the child")
{
    struct proc p;
    proc_init(&p, plain_task, NULL);
    fl_stage("calling proc_start");
    int r = proc_start(&p);
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start to return 0 and set p->pid",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, errno,
              strerror(errno));
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_reap(p.pid, "the child from proc_start");
    pid_t who = fl_child_ran_atexit();
    FL_EXPECT(who == 0, "the child to end with _exit, which skips atexit handlers",
              "the caller's atexit handlers ran in child %d: it ended with exit() "
              "(or returned from main)", (int)who);
}

/* ---- the contract's refusals, one line each, in the order of processes.h ---- */

static struct proc *g_started, *g_no_task;

static int start_null(void) { return proc_start(NULL); }
static int start_no_task(void) { return proc_start(g_no_task); }
static int start_again(void) { return proc_start(g_started); }

static const struct refusal {
    const char *call;
    int (*fn)(void);
    int err;
} refusals[] = {
    /* proc_start: "EINVAL if p is NULL, has no task or was already started" */
    {"proc_start(NULL)", start_null, EINVAL},
    {N_("proc_start(p) on a proc without a task"), start_no_task, EINVAL},
    {N_("proc_start(p) a second time on a started proc"), start_again, EINVAL},
};

FL_CHECK(start_refuses_misuse, "proc_start refuses a NULL proc, one without a task, or one already started",
         .section = "Your exercise: the contract")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc started, none;
    start_on_probe(&started, &a);
    proc_init(&none, NULL, NULL);
    g_started = &started;
    g_no_task = &none;
    pid_t first = started.pid;
    fl_stage("waiting for the task to start in child %d", (int)first);
    fl_probe_await(pr, 1, first);
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        fl_stage("calling %s", fl_tr(refusals[i].call));
        errno = 0;
        int r = refusals[i].fn();
        int e = errno;
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        pid_t extra = 0;
        for (int k = 0; k < nk; k++)
            if (kids[k] != first)
                extra = kids[k];
        if (r != -1 || e != refusals[i].err || extra || started.pid != first || none.pid != 0) {
            fl_probe_release(pr, 1);
            if (extra)
                fl_reap(extra, "a child started by a refused call");
            char more[64] = "";
            if (extra)
                snprintf(more, sizeof more, fl_tr("; it started child %d"), (int)extra);
            fl_fail_settled(NULL, first, "each refusal of processes.h to return -1 with its "
                            "errno and start nothing",
                            "%s returned %d (errno %d: %s)%s", fl_tr(refusals[i].call), r, e,
                            strerror(e), more);
        }
    }
    fl_probe_release(pr, 1);
    fl_stage("waiting for child %d to end", (int)first);
    fl_reap(first, "the child of the first proc_start");
    FL_EXPECT(pr->nruns == 1, "the task to run once: the refused calls start nothing",
              "the task ran %d times", pr->nruns);
}

FL_CHECK(start_fork_fails, "when fork fails, proc_start returns its error, starts nothing, and the proc can be started later",
         .section = "Starting a child")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start when no process can be created");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    fl_forks_allow(-1);
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (nk > 0)
        fl_fail_settled(NULL, kids[0], "no child after a proc_start that failed",
                        "child %d of the caller is there after proc_start returned %d",
                        (int)kids[0], r);
    FL_EXPECT(r == -1 && e == EAGAIN,
              "proc_start to return -1 with fork's errno (EAGAIN) when fork fails",
              "it returned %d (errno %d: %s)%s", r, e, strerror(e),
              r == 0 ? fl_tr(": the result of fork was not checked for -1") : "");
    FL_EXPECT(p.pid == 0, "p->pid to stay 0 after a failed start",
              "p->pid is %d", (int)p.pid);
    FL_EXPECT(pr->nruns == 0, "the task not to run when no child could be made",
              "the task ran in pid %d (the caller is %d)", (int)pr->runs[0].pid, (int)getpid());
    fl_stage("calling proc_start again once processes can be created");
    start_on_probe(&p, &a);
    fl_probe_await(pr, 1, p.pid);
    fl_reap(p.pid, "the child from proc_start");
}

static int return_arg(void *arg)
{
    return *(const int *)arg;
}

FL_CHECK(exit_status, "the child's exit status is the low 8 bits of what the task returned",
         .section = "Ending the child")
{
    static const int values[] = {7, 0, 255, 256, 300, -1};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        struct proc p;
        proc_init(&p, return_arg, (void *)&values[i]);
        fl_stage("calling proc_start with a task that returns %d", values[i]);
        errno = 0;
        int r = proc_start(&p);
        int e = errno;
        FL_EXPECT(r == 0 && p.pid > 0, "proc_start to return 0 and set p->pid",
                  "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, e,
                  strerror(e));
        fl_stage("waiting for child %d to end", (int)p.pid);
        int st = fl_reap(p.pid, "the child from proc_start");
        int want = values[i] & 0xff;
        FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == want,
                  "the child to exit with the task's return value's low 8 bits "
                  "(_exit(n) keeps n & 0xFF)",
                  "the task returned %d and child %d %s, not \"exited with %d\"", values[i],
                  (int)p.pid, fl_status_str(st), want);
    }
}
