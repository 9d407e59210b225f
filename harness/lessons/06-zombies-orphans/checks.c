/* Lesson 06 checks: zombies seen and reaped, a SIGCHLD reaper that survives
 * merged signals, SIGCHLD ignored, orphans adopted by the subreaper.
 *
 * How the SIGCHLD checks stay deterministic: the caller blocks SIGCHLD,
 * lets its children exit, waits on each child's pidfd until it is a zombie
 * (a pidfd never reaps), then unblocks.  A blocked standard signal is kept
 * at most once however often it was sent, and POSIX delivers a pending
 * unblocked signal before sigprocmask returns: so exactly one SIGCHLD, for
 * all the exits, has been handled when sigprocmask returns. */
#include "fl.h"
#include "zombies.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MERGED 8

static void sigchld_blocked(int block)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* A probe run that ends with an exit code of its own: 10 + its tag, so each
 * child's recorded status can be told apart. */
static int coded_task(void *arg)
{
    struct fl_probe_arg *a = arg;
    fl_probe_task(a);
    return (int)(10 + a->tag);
}

static void start_child(struct proc *p, proc_task task, void *arg)
{
    proc_init(p, task, arg);
    fl_stage("calling proc_start (given, from lesson 01)");
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start (given) to start a child",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p->pid, errno,
              strerror(errno));
}

static void install_reaper(void)
{
    fl_stage("calling reaper_install");
    errno = 0;
    int r = reaper_install();
    FL_EXPECT(r == 0, "reaper_install to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
}

/* Wait until child `pid` has exited, leaving it a zombie. */
static void await_zombie(pid_t pid)
{
    fl_stage("waiting on child %d's pidfd until it has exited (SIGCHLD blocked)", (int)pid);
    fl_await_exit(pid);
    FL_EXPECT(fl_proc_state(pid) == 'Z',
              "child to wait as a zombie while SIGCHLD is blocked",
              fl_proc_state(pid)
                  ? fl_tr("child %d is not a zombie, although SIGCHLD was blocked so no handler "
                          "could reap it: does reaper_install unblock SIGCHLD, or reap outside "
                          "the handler?")
                  : fl_tr("child %d is already reaped, although SIGCHLD was blocked so no "
                          "handler could reap it: does reaper_install unblock SIGCHLD, or reap "
                          "outside the handler?"),
              (int)pid);
}

/* Unblock SIGCHLD: the one pending signal is handled before this returns. */
static void deliver_one_sigchld(const char *stage)
{
    if (stage)
        fl_stage("%s", fl_tr(stage));
    sigchld_blocked(0);
    fl_stage("checking what the handler did");
}

static void expect_reaped(pid_t pid, int code)
{
    char st = fl_proc_state(pid);
    FL_EXPECT(!fl_is_unreaped_child(pid, NULL),
              "the SIGCHLD handler to reap every child that had exited",
              st == 'Z' ? fl_tr("child %d is still a zombie after the handler ran")
                        : fl_tr("child %d is still there after the handler ran"),
              (int)pid);
    int status = -1;
    errno = 0;
    int r = reaper_status(pid, &status);
    FL_EXPECT(r == 0, "reaper_status to return the status recorded for a reaped child",
              "reaper_status(%d) returned %d (errno %d: %s)", (int)pid, r, errno,
              strerror(errno));
    FL_EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == code,
              "the recorded status to be the child's own wait status",
              "child %d exited with %d; reaper_status gave %s", (int)pid, code,
              fl_status_str(status));
}

/* ---- zombies and /proc ---- */

FL_CHECK(zombie_seen, "a child that exited and was not waited for is a zombie: proc_state says 'Z'",
         .section = "Zombies")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    fl_stage("calling proc_state on the caller itself");
    errno = 0;
    int self = proc_state(getpid());
    FL_EXPECT(self == 'R', "proc_state(getpid()) to be 'R': a process reading its own state runs",
              "it returned %d%s%c%s (errno %d: %s)", self, self > 0 ? " ('" : "",
              self > 0 ? (char)self : ' ', self > 0 ? "')" : "", errno, strerror(errno));
    struct proc p;
    start_child(&p, fl_probe_task, &a);
    fl_stage("waiting on child %d's pidfd until it has exited", (int)p.pid);
    fl_await_exit(p.pid);
    FL_EXPECT(fl_proc_state(p.pid) == 'Z', "the child to be a zombie (nobody waited yet)",
              "the kernel says child %d is in state '%c'", (int)p.pid, fl_proc_state(p.pid));
    fl_stage("calling proc_state on zombie %d", (int)p.pid);
    errno = 0;
    int st = proc_state(p.pid);
    FL_EXPECT(st == 'Z', "proc_state to return 'Z' for a child that exited and was not reaped",
              "proc_state(%d) returned %d%s%c%s (errno %d: %s); /proc/%d/stat says 'Z'",
              (int)p.pid, st, st > 0 ? " ('" : "", st > 0 ? (char)st : ' ',
              st > 0 ? "')" : "", errno, strerror(errno), (int)p.pid);
    fl_reap(p.pid, "the zombie child");
}

static int odd_name_task(void *arg)
{
    /* A name that looks like the end of the name field and a state. */
    prctl(PR_SET_NAME, "x) R 1 (y", 0, 0, 0);
    return fl_probe_task(arg);
}

FL_CHECK(state_after_last_paren, "proc_state reads the state after the LAST ')' (names may hold ')')",
         .section = "Reading a process's state")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_child(&p, odd_name_task, &a);
    fl_stage("waiting on child %d's pidfd until it has exited", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_state on zombie %d, named \"x) R 1 (y\"", (int)p.pid);
    errno = 0;
    int st = proc_state(p.pid);
    FL_EXPECT(st == 'Z', "proc_state to return 'Z' for a zombie whose name is \"x) R 1 (y\"",
              "proc_state(%d) returned %d%s%c%s (errno %d: %s): /proc/%d/stat begins "
              "\"%d (x) R 1 (y) Z\"; the state follows the last ')'",
              (int)p.pid, st, st > 0 ? " ('" : "", st > 0 ? (char)st : ' ',
              st > 0 ? "')" : "", errno, strerror(errno), (int)p.pid, (int)p.pid);
    fl_reap(p.pid, "the zombie child");
}

FL_CHECK(reaped_is_gone, "once reaped, the zombie is gone: proc_state fails with ESRCH",
         .section = "Zombies")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_child(&p, fl_probe_task, &a);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_reap(p.pid, "the child");
    fl_stage("calling proc_state on reaped child %d", (int)p.pid);
    errno = 0;
    int st = proc_state(p.pid);
    FL_EXPECT(st == -1 && errno == ESRCH,
              "proc_state to return -1 with errno ESRCH for a pid with no process",
              "child %d was reaped (there is no /proc/%d) and proc_state returned %d "
              "(errno %d: %s)", (int)p.pid, (int)p.pid, st, errno, strerror(errno));
}

/* ---- the SIGCHLD reaper ---- */

FL_CHECK(handler_reaps, "the SIGCHLD handler reaps an exited child and records its status",
         .section = "Reaping in a SIGCHLD handler", .no_decoys = 1)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    sigchld_blocked(1);
    install_reaper();
    struct proc p;
    start_child(&p, coded_task, &a);
    await_zombie(p.pid);
    deliver_one_sigchld(N_("unblocking SIGCHLD: the handler runs now"));
    expect_reaped(p.pid, 11);
    FL_EXPECT(reaper_count() == 1, "reaper_count to be 1 after one child was reaped",
              "it is %d", reaper_count());
    int status = 0;
    errno = 0;
    int r = reaper_status(getpid(), &status);
    FL_EXPECT(r == -1 && errno == ECHILD,
              "reaper_status for a pid the handler never reaped to fail with ECHILD",
              "reaper_status(%d, &status), the caller's own pid, returned %d (errno %d: %s)",
              (int)getpid(), r, errno, strerror(errno));
    errno = 0;
    r = reaper_status(p.pid, NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "reaper_status(pid, NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling reaper_install a second time");
    install_reaper();
    int again = reaper_count();
    errno = 0;
    r = reaper_status(p.pid, &status);
    int e = errno;
    FL_EXPECT(again == 0 && r == -1 && e == ECHILD,
              "reaper_install to reset the record: count 0, no status for children reaped before",
              "after a second reaper_install, reaper_count is %d and reaper_status(%d) returned "
              "%d (errno %d: %s)", again, (int)p.pid, r, e, strerror(e));
    reaper_uninstall();
}

FL_CHECK(handler_reaps_merged, "one SIGCHLD for many exits: the handler reaps them all",
         .section = "Signals merge", .points = 2, .no_decoys = 1)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a[MERGED];
    struct proc p[MERGED];
    sigchld_blocked(1);
    install_reaper();
    for (int i = 0; i < MERGED; i++) {
        a[i] = (struct fl_probe_arg){pr, i};
        start_child(&p[i], coded_task, &a[i]);
    }
    fl_stage("waiting for %d children to be ready", MERGED);
    fl_probe_await(pr, MERGED, 0);
    fl_stage("letting %d children exit at once", MERGED);
    fl_probe_release(pr, MERGED);
    for (int i = 0; i < MERGED; i++)
        await_zombie(p[i].pid);
    deliver_one_sigchld(N_("unblocking SIGCHLD: one signal stands for all the exits"));
    char zombies[400] = "";
    int left = 0;
    for (int i = 0; i < MERGED; i++)
        if (fl_is_unreaped_child(p[i].pid, NULL)) {
            size_t len = strlen(zombies);
            snprintf(zombies + len, sizeof zombies - len, "%s%d", left ? ", " : "",
                     (int)p[i].pid);
            left++;
        }
    FL_EXPECT(left == 0, "one run of the handler to reap every child that had exited",
              left == 1
                  ? fl_tr("%d children exited while SIGCHLD was blocked, so one SIGCHLD was "
                          "delivered for all of them; after it %d is still a zombie (%s): the "
                          "handler must loop waitpid(-1, &status, WNOHANG) until it returns 0 "
                          "or -1")
                  : fl_tr("%d children exited while SIGCHLD was blocked, so one SIGCHLD was "
                          "delivered for all of them; after it %d are still zombies (%s): the "
                          "handler must loop waitpid(-1, &status, WNOHANG) until it returns 0 "
                          "or -1"),
              MERGED, left, zombies);
    for (int i = 0; i < MERGED; i++)
        expect_reaped(p[i].pid, 10 + i);
    FL_EXPECT(reaper_count() == MERGED, "reaper_count to count every child reaped",
              "%d children were reaped and reaper_count says %d", MERGED, reaper_count());
    reaper_uninstall();
}

FL_CHECK(handler_never_blocks, "the handler returns while other children still run",
         .section = "Reaping in a SIGCHLD handler", .timeout_s = 1.5, .no_decoys = 1)
{
    struct fl_probe *held = fl_probe_new(1, 0), *quick = fl_probe_new(0, 0);
    struct fl_probe_arg ha = {held, 1}, qa = {quick, 2};
    struct proc running, ended;
    sigchld_blocked(1);
    install_reaper();
    start_child(&running, coded_task, &ha);
    start_child(&ended, coded_task, &qa);
    fl_stage("waiting for child %d to be ready", (int)running.pid);
    fl_probe_await(held, 1, running.pid);
    await_zombie(ended.pid);
    fl_stage("in the SIGCHLD handler while child %d still runs: a handler that calls waitpid "
             "without WNOHANG waits here for %d, which can only end after the handler returns",
             (int)running.pid, (int)running.pid);
    deliver_one_sigchld(NULL);
    expect_reaped(ended.pid, 12);
    char st = fl_proc_state(running.pid);
    FL_EXPECT(st && st != 'Z' && fl_is_unreaped_child(running.pid, NULL),
              "a child that still runs to be left alone by the handler",
              st == 'Z' ? fl_tr("child %d was a zombie") : fl_tr("child %d was gone"),
              (int)running.pid);
    sigchld_blocked(1);   /* before the release: else it may exit and be reaped at once */
    fl_probe_release(held, 1);
    await_zombie(running.pid);
    deliver_one_sigchld(N_("unblocking SIGCHLD after the second child exited"));
    expect_reaped(running.pid, 11);
    reaper_uninstall();
}

FL_CHECK(handler_keeps_errno, "the handler leaves errno as it found it",
         .section = "Reaping in a SIGCHLD handler", .no_decoys = 1)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    sigchld_blocked(1);
    install_reaper();
    struct proc p;
    start_child(&p, coded_task, &a);
    await_zombie(p.pid);
    errno = EDOM;
    sigchld_blocked(0);   /* the handler runs here, between two statements */
    int after = errno;
    fl_stage("checking errno after the handler ran");
    expect_reaped(p.pid, 11);
    FL_EXPECT(after == EDOM, "errno after the handler to be what the interrupted code had set",
              "the code interrupted by SIGCHLD had errno %d (%s); after the handler it was "
              "%d (%s): the handler's last waitpid changed it. Save errno on entry and "
              "restore it before returning", EDOM, strerror(EDOM), after, strerror(after));
    reaper_uninstall();
}

FL_CHECK(handler_restarts_calls, "the handler is installed with SA_RESTART",
         .section = "Reaping in a SIGCHLD handler")
{
    install_reaper();
    struct sigaction sa;
    sigaction(SIGCHLD, NULL, &sa);
    FL_EXPECT(sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN,
              "reaper_install to install a handler for SIGCHLD",
              "SIGCHLD's action is %s", sa.sa_handler == SIG_IGN ? "SIG_IGN" : "SIG_DFL");
    FL_EXPECT(sa.sa_flags & SA_RESTART,
              "SA_RESTART in the flags, so a read() or waitpid() the signal interrupts goes on",
              "the flags are 0x%x: without SA_RESTART, any blocking call in the program can "
              "fail with EINTR whenever a child ends", (unsigned)sa.sa_flags);
    reaper_uninstall();
}

FL_CHECK(uninstall_restores, "after reaper_uninstall, exited children are zombies again",
         .section = "Reaping in a SIGCHLD handler")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    install_reaper();
    fl_stage("calling reaper_uninstall");
    errno = 0;
    int r = reaper_uninstall();
    FL_EXPECT(r == 0, "reaper_uninstall to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    struct sigaction sa;
    sigaction(SIGCHLD, NULL, &sa);
    FL_EXPECT(sa.sa_handler == SIG_DFL, "SIGCHLD's action to be SIG_DFL again",
              sa.sa_handler == SIG_IGN ? fl_tr("it is SIG_IGN") : fl_tr("it is still a handler"));
    struct proc p;
    start_child(&p, coded_task, &a);
    fl_stage("waiting on child %d's pidfd until it has exited", (int)p.pid);
    fl_await_exit(p.pid);
    FL_EXPECT(fl_proc_state(p.pid) == 'Z', "the exited child to wait as a zombie",
              "child %d is gone already", (int)p.pid);
    fl_reap(p.pid, "the zombie child");
}

/* ---- SIGCHLD ignored ---- */

struct discard_board {
    int rc, err, start_rc;
    int ignored;               /* SIGCHLD's action after reaper_discard */
    pid_t child, waited;
    int wait_errno, status;
};

static int exit7_task(void *arg)
{
    (void)arg;
    return 7;
}

/* In a helper process, so the caller's own SIGCHLD stays as it was:
 * ignore SIGCHLD, start a child, try to wait for it. */
static void discard_and_wait(struct discard_board *b)
{
    errno = 0;
    b->rc = reaper_discard();
    b->err = errno;
    if (b->rc != 0)
        _exit(0);
    /* A handler that reaps could also make waitpid fail with ECHILD, but
     * only when it wins the race; ask the kernel what the action is. */
    struct sigaction sa;
    sigaction(SIGCHLD, NULL, &sa);
    b->ignored = sa.sa_handler == SIG_IGN || (sa.sa_flags & SA_NOCLDWAIT);
    struct proc c;
    proc_init(&c, exit7_task, NULL);
    b->start_rc = proc_start(&c);
    b->child = c.pid;
    if (b->start_rc == 0) {
        pid_t w;
        while ((w = waitpid(c.pid, &b->status, 0)) < 0 && errno == EINTR)
            ;
        b->waited = w;
        b->wait_errno = errno;
    }
    _exit(0);
}

FL_CHECK(ignored_loses_status, "with SIGCHLD ignored, no zombie is kept and the exit status is lost",
         .section = "Ignoring SIGCHLD")
{
    struct discard_board *b = fl_board_new(sizeof *b);
    fl_stage("starting a helper process that calls reaper_discard");
    fflush(NULL);   /* the helper must not inherit (and write again) buffered text */
    pid_t h = fork();
    FL_EXPECT(h >= 0, "a helper process", "fork failed: %s", strerror(errno));
    if (h == 0)
        discard_and_wait(b);
    fl_reap(h, "the helper process");
    FL_EXPECT(b->rc == 0, "reaper_discard to return 0", "it returned %d (errno %d: %s)", b->rc,
              b->err, strerror(b->err));
    FL_EXPECT(b->ignored, "reaper_discard to set SIGCHLD's action to SIG_IGN",
              "after reaper_discard, SIGCHLD has a handler or SIG_DFL: the kernel still keeps "
              "each exited child as a zombie for someone to collect");
    FL_EXPECT(b->start_rc == 0, "proc_start (given) to start a child",
              "it returned %d after reaper_discard", b->start_rc);
    FL_EXPECT(b->waited == -1 && b->wait_errno == ECHILD,
              "waitpid for the child to fail with ECHILD: the kernel removed it at exit",
              b->waited == b->child
                  ? fl_tr("waitpid(%d) returned %d with the status %s: the child was kept as a "
                          "zombie, so SIGCHLD was not ignored (SIG_IGN)")
                  : fl_tr("waitpid(%d) returned %d: %s"),
              (int)b->child, (int)b->waited,
              b->waited == b->child ? fl_status_str(b->status) : strerror(b->wait_errno));
}

/* ---- orphans ---- */

struct late_parent {
    pid_t ppid;
    int done;
};

struct orphan_arg {
    struct fl_probe_arg probe;
    struct late_parent *late;
};

/* Records getppid() at start (the probe) and again after the gate. */
static int orphan_task(void *arg)
{
    struct orphan_arg *a = arg;
    fl_probe_task(&a->probe);
    a->late->ppid = getppid();
    __atomic_store_n(&a->late->done, 1, __ATOMIC_SEQ_CST);
    return 0;
}

static void start_orphan(struct proc *p, proc_task task, void *arg)
{
    proc_init(p, task, arg);
    fl_stage("calling proc_start_orphan");
    errno = 0;
    int r = proc_start_orphan(p);
    fl_stage("checking what proc_start_orphan returned");
    FL_EXPECT(r == 0, "proc_start_orphan to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    FL_EXPECT(p->pid > 0 && p->pid != getpid(), "p->pid to hold the pid the task runs in",
              "p->pid is %d", (int)p->pid);
}

FL_CHECK(orphan_reparented, "an orphan is adopted by the nearest subreaper and its getppid() changes",
         .section = "Orphans", .points = 2)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct late_parent *late = fl_board_new(sizeof *late);
    struct orphan_arg a = {{pr, 1}, late};
    struct proc p;
    start_orphan(&p, orphan_task, &a);
    fl_stage("waiting for the task to start in process %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    struct fl_run run = pr->runs[0];
    FL_EXPECT(run.pid == p.pid, "p->pid to be the pid of the process that runs the task",
              "the task runs in pid %d but p->pid is %d (the middle child's pid?)",
              (int)run.pid, (int)p.pid);
    FL_EXPECT(run.pid != getpid(), "the task to run in a new process",
              "it ran in the caller itself (pid %d)", (int)getpid());
    FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL),
              "the task's process not to be the caller's child: its parent has exited",
              "process %d is a child of the caller %d: its parent is alive, so it is no "
              "orphan (fork twice, and let the middle child exit)", (int)p.pid, (int)getpid());
    pid_t now = fl_proc_ppid(p.pid);
    FL_EXPECT(now == getppid(),
              "the orphan's parent to be the nearest subreaper: the harness's init, pid "
              "getppid() of the caller",
              "the kernel says process %d has parent %d; the harness's init is %d and the "
              "caller is %d", (int)p.pid, (int)now, (int)getppid(), (int)getpid());
    char mine[2048], its[2048];
    fl_fds_of(getpid(), mine, sizeof mine);
    int nits = fl_fds_of(p.pid, its, sizeof its);
    if (nits > 0) {
        /* Every descriptor of the orphan must be one the caller has too:
         * the pipe that carried its pid is closed in it. */
        char *save = NULL;
        for (char *d = strtok_r(its, ";", &save); d; d = strtok_r(NULL, ";", &save)) {
            while (*d == ' ')
                d++;
            if (!strstr(mine, d)) {
                fl_probe_release(pr, 1);
                fl_await_exit(p.pid);
                fl_fail("the task's process to have no descriptor the caller does not have",
                        "orphan %d has %s open, which the caller has not: the pipe used to "
                        "learn its pid must be closed in it", (int)p.pid, d);
            }
        }
    }
    fl_stage("letting orphan %d go on", (int)p.pid);
    fl_probe_release(pr, 1);
    fl_stage("waiting on orphan %d's pidfd until it has exited", (int)p.pid);
    fl_await_exit(p.pid);
    FL_EXPECT(late->done && late->ppid == getppid(),
              "getppid() in the orphan to return its new parent, the harness's init",
              "getppid() in process %d returned %d at the start of the task and %d later; the "
              "harness's init is %d", (int)p.pid, (int)run.ppid, (int)late->ppid,
              (int)getppid());
    fl_note("getppid() in the task: %d at its start, %d after its parent had exited",
            (int)run.ppid, (int)late->ppid);
}

FL_CHECK(orphan_leaves_no_zombie, "proc_start_orphan waits for its middle child: no zombie is left",
         .section = "Orphans")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_orphan(&p, fl_probe_task, &a);
    pid_t kids[8];
    int nk = fl_proc_children(getpid(), kids, 8);
    if (nk > 0) {
        char st = fl_proc_state(kids[0]);
        fl_fail("the caller to have no child left when proc_start_orphan returns",
                st == 'Z' ? fl_tr("child %d has exited but nobody waited for it: it is a zombie "
                                  "of the caller (the middle child, never reaped) after "
                                  "proc_start_orphan returned: wait for the middle child before "
                                  "returning")
                          : fl_tr("child %d still runs after proc_start_orphan returned: wait "
                                  "for the middle child before returning"),
                (int)kids[0]);
    }
    fl_stage("waiting for the task to run in process %d", (int)p.pid);
    fl_probe_await(pr, 1, 0);
    fl_stage("waiting on orphan %d's pidfd until it has exited", (int)p.pid);
    fl_await_exit(pr->runs[0].pid);
    fl_stage("calling proc_start_orphan again on the same proc");
    pid_t first = p.pid;
    errno = 0;
    int r = proc_start_orphan(&p);
    FL_EXPECT(r == -1 && errno == EINVAL && p.pid == first,
              "proc_start_orphan on a started proc to fail with EINVAL",
              "it returned %d (errno %d: %s) and p->pid is %d (was %d)", r, errno,
              strerror(errno), (int)p.pid, (int)first);
}

/* fl_forks_allow(n): n = 0 fails the first fork (the middle child), n = 1
 * the second (the task's process, forked by the middle child, which
 * inherits the gate). */
FL_CHECK(orphan_fork_refused, "a refused fork: proc_start_orphan fails with EAGAIN and leaves nothing",
         .section = "Orphans")
{
    for (int allow = 0; allow < 2; allow++) {
        struct fl_probe *pr = fl_probe_new(0, 0);
        struct fl_probe_arg a = {pr, 1};
        struct proc p;
        proc_init(&p, fl_probe_task, &a);
        fl_stage(allow ? fl_tr("calling proc_start_orphan while the kernel refuses the second "
                               "(the task's) fork")
                       : fl_tr("calling proc_start_orphan while the kernel refuses the first "
                               "(the middle child's) fork"));
        fl_forks_allow(allow);
        errno = 0;
        int r = proc_start_orphan(&p);
        int e = errno;
        fl_forks_allow(-1);
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        char fds[512] = "";
        int nf = fl_fds_new_since_start(fds, sizeof fds);
        if (nk > 0)
            fl_fail_settled(NULL, kids[0], "a failed proc_start_orphan to leave no child",
                            "child %d is there after it returned %d", (int)kids[0], r);
        FL_EXPECT(r == -1 && e == EAGAIN && p.pid == 0,
                  "proc_start_orphan to return -1 with fork's errno (EAGAIN), p->pid left 0",
                  allow ? fl_tr("with the second fork refused it returned %d (errno %d: %s), "
                                "p->pid %d")
                        : fl_tr("with the first fork refused it returned %d (errno %d: %s), "
                                "p->pid %d"),
                  r, e, strerror(e), (int)p.pid);
        FL_EXPECT(nf == 0, "a failed proc_start_orphan to close every descriptor it opened",
                  "still open after it failed: %s", fds);
        FL_EXPECT(pr->nruns == 0, "no task to run when a fork was refused",
                  "the task ran in pid %d", (int)pr->runs[0].pid);
    }
}

/* ---- refusals: nothing started, nothing left ---- */

FL_CHECK(start_refuses_bad_proc, "NULL, no task or a refused fork: proc_start and proc_start_orphan fail and start nothing",
         .section = "Your exercise: the contract")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc none;
    proc_init(&none, NULL, NULL);
    int (*const start[2])(struct proc *) = {proc_start_orphan, proc_start};
    const char *name[2] = {"proc_start_orphan", "proc_start"};
    for (int k = 0; k < 2; k++) {
        fl_stage("calling %s(NULL)", name[k]);
        errno = 0;
        int r = start[k](NULL), e = errno;
        FL_EXPECT(r == -1 && e == EINVAL, "a start of NULL to fail with EINVAL",
                  "%s(NULL) returned %d (errno %d: %s)", name[k], r, e, strerror(e));
        fl_stage("calling %s on a proc without a task", name[k]);
        errno = 0;
        r = start[k](&none);
        e = errno;
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        if (nk > 0)
            fl_fail_settled(NULL, kids[0], "a refused start to leave no child",
                            "%s on a proc without a task returned %d and child %d is there",
                            name[k], r, (int)kids[0]);
        FL_EXPECT(r == -1 && e == EINVAL && none.pid == 0,
                  "a start of a proc without a task to fail with EINVAL, p->pid left 0",
                  "%s returned %d (errno %d: %s), p->pid %d%s", name[k], r, e, strerror(e),
                  (int)none.pid,
                  r == 0 ? fl_tr(": its process would call a NULL task and crash") : "");
    }
    /* proc_start_orphan's refused forks are orphan_fork_refused's. */
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start (given) while the kernel refuses fork");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p), e = errno;
    fl_forks_allow(-1);
    if (r == 0 && p.pid > 0)
        fl_reap(p.pid, "a child started although fork was refused");
    FL_EXPECT(r == -1 && e == EAGAIN && p.pid == 0 && pr->nruns == 0,
              "proc_start to return -1 with fork's errno (EAGAIN), p->pid left 0",
              "it returned %d (errno %d: %s), p->pid %d, the task ran %d time(s)", r, e,
              strerror(e), (int)p.pid, pr->nruns);
    fl_stage("calling proc_start (given) on a proc, then again on the started proc");
    r = proc_start(&p);
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start to start the proc once fork works again",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, errno,
              strerror(errno));
    pid_t first = p.pid;
    errno = 0;
    r = proc_start(&p);
    e = errno;
    fl_reap(first, "the child");
    FL_EXPECT(r == -1 && e == EINVAL && p.pid == first && pr->nruns == 1,
              "proc_start on a started proc to fail with EINVAL and start nothing",
              "it returned %d (errno %d: %s), p->pid %d (was %d), the task ran %d time(s)", r,
              e, strerror(e), (int)p.pid, (int)first, pr->nruns);
}

FL_CHECK(orphan_pipe_refused, "no descriptor free: proc_start_orphan fails with pipe's errno and leaves nothing",
         .section = "Orphans")
{
    for (int allow = 0; allow < 2; allow++) {
        struct fl_probe *pr = fl_probe_new(0, 0);
        struct fl_probe_arg a = {pr, 1};
        struct proc p;
        proc_init(&p, fl_probe_task, &a);
        fl_stage("calling proc_start_orphan with %d descriptor(s) free (a pipe needs 2)", allow);
        if (fl_fds_allow(allow) < 0)
            fl_fail("the check to limit descriptors", "setrlimit: %s", strerror(errno));
        errno = 0;
        int r = proc_start_orphan(&p);
        int e = errno;
        fl_fds_allow(-1);
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        char fds[512] = "";
        int nf = fl_fds_new_since_start(fds, sizeof fds);
        if (nk > 0)
            fl_fail_settled(NULL, kids[0], "a failed proc_start_orphan to leave no child",
                            "child %d is there after it returned %d", (int)kids[0], r);
        if (r == 0 && p.pid > 0)
            fl_await_exit(p.pid);
        FL_EXPECT(r == -1 && e == EMFILE && p.pid == 0,
                  "proc_start_orphan to return -1 with pipe's errno (EMFILE), p->pid left 0",
                  "with %d descriptor(s) free it returned %d (errno %d: %s), p->pid %d", allow,
                  r, e, strerror(e), (int)p.pid);
        FL_EXPECT(nf == 0, "a failed proc_start_orphan to close every descriptor it opened",
                  "still open after it failed: %s", fds);
        FL_EXPECT(pr->nruns == 0, "no task to run when the pipe was refused",
                  "the task ran in pid %d", (int)pr->runs[0].pid);
    }
}

#define BEYOND (REAPER_RECORDS + 6)

FL_CHECK(records_beyond_limit, "beyond REAPER_RECORDS children the handler still reaps and counts them all",
         .section = "Your exercise: the contract", .timeout_s = 4, .no_decoys = 1,
         .max_procs = 2 * BEYOND)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    static struct fl_probe_arg a[BEYOND];
    static struct proc p[BEYOND];
    sigchld_blocked(1);
    install_reaper();
    for (int i = 0; i < BEYOND; i++) {
        a[i] = (struct fl_probe_arg){pr, i};
        start_child(&p[i], coded_task, &a[i]);
    }
    for (int i = 0; i < BEYOND; i++)
        await_zombie(p[i].pid);
    deliver_one_sigchld(N_("unblocking SIGCHLD: one signal for all the exits"));
    for (int i = 0; i < BEYOND; i++)
        FL_EXPECT(!fl_is_unreaped_child(p[i].pid, NULL),
                  "the handler to reap every child, recorded or not",
                  "child %d (number %d of %d; REAPER_RECORDS is %d) is still a zombie",
                  (int)p[i].pid, i + 1, BEYOND, REAPER_RECORDS);
    FL_EXPECT(reaper_count() == BEYOND,
              "reaper_count to count every child reaped, beyond REAPER_RECORDS too",
              "%d children were reaped and reaper_count says %d (REAPER_RECORDS is %d)",
              BEYOND, reaper_count(), REAPER_RECORDS);
    for (int i = 0; i < REAPER_RECORDS; i++)
        expect_reaped(p[i].pid, 10 + i);
    for (int i = REAPER_RECORDS; i < BEYOND; i++) {
        int status = -1;
        errno = 0;
        int r = reaper_status(p[i].pid, &status);
        int e = errno;
        FL_EXPECT((r == -1 && e == ECHILD) ||
                      (r == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 10 + i),
                  "a child reaped beyond REAPER_RECORDS to be only counted (ECHILD), never "
                  "given a wrong status",
                  "reaper_status(%d) for child number %d returned %d (errno %d: %s), status %s",
                  (int)p[i].pid, i + 1, r, e, strerror(e), fl_status_str(status));
    }
    reaper_uninstall();
}

/* ---- a signal while proc_start_orphan waits for its middle child ----
 *
 * The caller's read of the task's pid lasts only as long as the middle
 * child takes to fork: too short for a signal.  A fork handler of the
 * check's (pthread_atfork, "prepare": it runs in whichever process calls
 * fork) holds the middle child just before it forks the task, on a pipe
 * the check controls, so the caller stays blocked in its read.  Once it is
 * seen blocked, SIGUSR1 arrives; its handler (no SA_RESTART: the read
 * really returns EINTR) lets the middle child go on, or kills it. */

static pid_t hold_owner;            /* the caller: its own forks are not held */
static int hold_pipe[2] = {-1, -1};
static volatile sig_atomic_t hold_armed, hold_kill, usr1_seen;
static pid_t *held_middle;          /* on a board: the middle child writes it */

static void hold_middle_before_fork(void)
{
    if (!hold_armed || getpid() == hold_owner)
        return;
    int saved = errno;
    *held_middle = getpid();
    char c;
    while (read(hold_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    errno = saved;
}

static void usr1_lets_middle_go(int sig)
{
    (void)sig;
    int saved = errno;
    usr1_seen++;
    if (hold_kill && *held_middle > 0)
        kill(*held_middle, SIGKILL);
    else if (write(hold_pipe[1], "g", 1) < 0)
        usr1_seen = -1000;      /* the release failed: "no signal" below */
    errno = saved;
}

/* Start `p` with its middle child held until a signal interrupts the
 * caller; returns proc_start_orphan's result, its errno in *err. */
static int orphan_interrupted(struct proc *p, int kill_middle, int *err)
{
    static int registered;
    if (!registered) {
        held_middle = fl_board_new(sizeof *held_middle);
        fl_pipe(hold_pipe);
        if (pthread_atfork(hold_middle_before_fork, NULL, NULL) != 0)
            fl_fail("the check to register its fork handler", "pthread_atfork failed");
        registered = 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_lets_middle_go;   /* no SA_RESTART */
    sigaction(SIGUSR1, &sa, NULL);
    usr1_seen = 0;
    hold_kill = kill_middle;
    hold_owner = getpid();
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    hold_armed = 1;
    fl_stage(kill_middle ? fl_tr("calling proc_start_orphan; its middle child is held before it "
                                 "forks the task, and SIGUSR1 (handler without SA_RESTART) kills "
                                 "the middle child once the caller is blocked")
                         : fl_tr("calling proc_start_orphan; its middle child is held before it "
                                 "forks the task, and SIGUSR1 (handler without SA_RESTART) lets "
                                 "it go on once the caller is blocked"));
    errno = 0;
    int r = proc_start_orphan(p);
    *err = errno;
    hold_armed = 0;
    fl_reap(helper, "the check's signal helper");
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    return r;
}

FL_CHECK(orphan_read_interrupted, "a signal while proc_start_orphan waits for the task's pid: the read is retried",
         .section = "Reaping in a SIGCHLD handler", .timeout_s = 4)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    int e;
    int r = orphan_interrupted(&p, 0, &e);
    fl_stage("checking what proc_start_orphan returned after the signal");
    FL_EXPECT(usr1_seen >= 1, "SIGUSR1 to reach the caller while proc_start_orphan waited",
              "no signal arrived: the caller was never seen blocked");
    FL_EXPECT(r == 0 && p.pid > 0,
              "proc_start_orphan to retry the read a signal interrupted (EINTR) and return 0",
              "it returned %d (errno %d: %s), p->pid %d, after a signal whose handler has no "
              "SA_RESTART interrupted it: a read or waitpid that fails with EINTR must be "
              "called again", r, e, strerror(e), (int)p.pid);
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (nk > 0)
        fl_fail_settled(NULL, kids[0], "the caller to have no child left when proc_start_orphan returns",
                        "child %d is there after the interrupted call returned", (int)kids[0]);
    fl_stage("waiting for the task to run in process %d", (int)p.pid);
    fl_probe_await(pr, 1, 0);
    FL_EXPECT(pr->runs[0].pid == p.pid, "p->pid to be the pid of the process that runs the task",
              "the task runs in pid %d but p->pid is %d", (int)pr->runs[0].pid, (int)p.pid);
    fl_await_exit(pr->runs[0].pid);
}

FL_CHECK(orphan_middle_killed, "the middle child killed before it reports: proc_start_orphan fails and leaves nothing",
         .section = "Orphans", .timeout_s = 4)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    int e;
    int r = orphan_interrupted(&p, 1, &e);
    fl_stage("checking what proc_start_orphan returned after its middle child %d was killed",
             (int)*held_middle);
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    char fds[512] = "";
    int nf = fl_fds_new_since_start(fds, sizeof fds);
    if (nk > 0)
        fl_fail_settled(NULL, kids[0], "the killed middle child to be waited for",
                        "child %d is still there after proc_start_orphan returned %d",
                        (int)kids[0], r);
    FL_EXPECT(usr1_seen >= 1 && *held_middle > 0,
              "the middle child to be killed while the caller waited for the task's pid",
              "no signal arrived (%d) or no middle child was held (%d)", (int)usr1_seen,
              (int)*held_middle);
    FL_EXPECT(r == -1 && e != 0 && p.pid == 0,
              "proc_start_orphan to return -1 with an errno, p->pid left 0: no task's pid "
              "ever came",
              "middle child %d was killed before it forked the task; proc_start_orphan "
              "returned %d (errno %d: %s), p->pid %d: check what read returned (0 is end of "
              "file: nothing was written)", (int)*held_middle, r, e, strerror(e), (int)p.pid);
    FL_EXPECT(nf == 0, "a failed proc_start_orphan to close every descriptor it opened",
              "still open after it failed: %s", fds);
    FL_EXPECT(pr->nruns == 0, "no task to run when the middle child died first",
              "the task ran in pid %d", (int)pr->runs[0].pid);
}

/* ---- a signal while proc_start_orphan waits for its middle child ----
 *
 * The middle child exits right after it has written the task's pid: the
 * caller's waitpid for it is too short for a signal.  A tracer of the
 * check's (its own child) holds it at its exit: the fork handler makes the
 * middle child accept any tracer and wait until the tracer has seized it
 * with PTRACE_O_TRACEEXIT; it then forks the task, writes the pid and stops
 * at its exit, so the caller stays blocked in waitpid.  Once it is seen
 * blocked, SIGUSR1 arrives; its handler (no SA_RESTART) tells the tracer to
 * let the middle child finish.  Where ptrace is refused the middle child is
 * not held, and the outcome must be the same.  Not under valgrind: its
 * guests cannot be traced. */

struct trace_board {
    pid_t middle;       /* the middle child the tracer seized */
    int seize_err;      /* errno of a refused PTRACE_SEIZE */
    pid_t caller;       /* the check's caller, for the tracer */
    int stopped;        /* it stopped at its exit */
};

static struct trace_board *TB;
static int who_pipe[2] = {-1, -1}, ctl_pipe[2] = {-1, -1}, trace_hold[2] = {-1, -1};

static void middle_waits_for_tracer(void)
{
    if (!hold_armed || getpid() == hold_owner)
        return;
    int saved = errno;
    prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
    pid_t me = getpid();
    if (write(who_pipe[1], &me, sizeof me) == (ssize_t)sizeof me) {
        char c;
        while (read(trace_hold[0], &c, 1) < 0 && errno == EINTR)
            ;
    }
    errno = saved;
}

static volatile sig_atomic_t exit_released;

/* Counts every SIGUSR1; lets the held child finish only once it is held:
 * a signal that came while the caller still read is not the one sought. */
static void usr1_lets_exit_go(int sig)
{
    (void)sig;
    int saved = errno;
    usr1_seen++;
    if (__atomic_load_n(&TB->stopped, __ATOMIC_SEQ_CST) && !exit_released &&
        write(ctl_pipe[1], "g", 1) == 1)
        exit_released = 1;
    errno = saved;
}

/* The state letter of `pid` (0 when it cannot be read); for the tracer,
 * which calls nothing of the harness's. */
static char state_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    char *end = strrchr(buf, ')');
    return end && end[1] == ' ' ? end[2] : 0;
}

/* The check's own child: seize the middle child, hold it at its exit
 * until the caller's handler (or the end of the call) says go. */
__attribute__((noreturn)) static void tracer(void)
{
    close(who_pipe[1]);
    close(ctl_pipe[1]);
    close(trace_hold[0]);
    pid_t middle;
    if (read(who_pipe[0], &middle, sizeof middle) != (ssize_t)sizeof middle)
        _exit(0);
    TB->middle = middle;
    if (ptrace(PTRACE_SEIZE, middle, 0, PTRACE_O_TRACEEXIT) < 0)
        TB->seize_err = errno;
    if (write(trace_hold[1], "g", 1) != 1 || TB->seize_err)
        _exit(0);
    for (;;) {
        int st;
        pid_t w = waitpid(middle, &st, __WALL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 || !WIFSTOPPED(st))
            _exit(1);
        if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8)))
            break;
        ptrace(PTRACE_CONT, middle, 0, WSTOPSIG(st));   /* a signal: pass it on */
    }
    __atomic_store_n(&TB->stopped, 1, __ATOMIC_SEQ_CST);
    /* The child has written its report, so the caller is past its read:
     * once it sleeps it waits for this child.  Interrupt it then (the
     * signal helper's own signal may have come while it still read, and
     * the handler lets the child go only for a signal after this point). */
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    do {
        if (state_of(TB->caller) == 'S')
            break;
        sched_yield();
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (now.tv_sec - t0.tv_sec < 2);
    kill(TB->caller, SIGUSR1);
    char c;
    while (read(ctl_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    ptrace(PTRACE_DETACH, middle, 0, 0);
    _exit(0);
}

FL_CHECK(orphan_wait_interrupted, "a signal while proc_start_orphan waits for its middle child: the wait is retried, no zombie is left",
         .section = "Orphans", .timeout_s = 4, .no_valgrind = 1)
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    TB = fl_board_new(sizeof *TB);
    TB->caller = getpid();
    fl_pipe(who_pipe);
    fl_pipe(ctl_pipe);
    fl_pipe(trace_hold);
    if (pthread_atfork(middle_waits_for_tracer, NULL, NULL) != 0)
        fl_fail("the check to register its fork handler", "pthread_atfork failed");
    pid_t t = fork();
    if (t < 0)
        fl_fail("the check to start its tracer", "fork: %s", strerror(errno));
    if (t == 0)
        tracer();
    close(who_pipe[0]);
    close(trace_hold[1]);
    /* ctl_pipe[0] stays open here: the handler's write must never meet a
     * pipe without a reader (SIGPIPE) once the tracer has ended. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_lets_exit_go;    /* no SA_RESTART */
    sigaction(SIGUSR1, &sa, NULL);
    usr1_seen = 0;
    exit_released = 0;
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    hold_owner = getpid();
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    hold_armed = 1;
    fl_stage("calling proc_start_orphan; its middle child is held at its exit, after it "
             "reported the task's pid, until SIGUSR1 (handler without SA_RESTART) interrupts "
             "the caller's wait for it");
    errno = 0;
    int r = proc_start_orphan(&p);
    int e = errno;
    hold_armed = 0;
    close(who_pipe[1]);
    fl_reap(helper, "the check's signal helper");
    close(ctl_pipe[1]);
    fl_reap(t, "the check's tracer");
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    if (TB->seize_err)
        fl_note("PTRACE_SEIZE of middle child %d was refused (%s): it was not held at its exit",
                (int)TB->middle, strerror(TB->seize_err));
    fl_stage("checking what proc_start_orphan returned after the signal");
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (nk > 0)
        fl_fail_settled(NULL, kids[0], "proc_start_orphan to wait again when a signal "
                        "interrupts its wait for the middle child (EINTR is retried)",
                        fl_proc_state(kids[0]) == 'Z'
                            ? fl_tr("child %d (the middle child %d) is a zombie after a signal "
                                    "interrupted proc_start_orphan's waitpid: call waitpid again "
                                    "when it fails with EINTR")
                            : fl_tr("child %d (the middle child %d) is still there after a signal "
                                    "interrupted proc_start_orphan's waitpid: call waitpid again "
                                    "when it fails with EINTR"),
                        (int)kids[0], (int)TB->middle);
    FL_EXPECT(usr1_seen >= 1, "SIGUSR1 to reach the caller",
              "no signal arrived: the caller was never seen blocked");
    FL_EXPECT(r == 0 && p.pid > 0,
              "proc_start_orphan to return 0 with the task's pid after the signal",
              "it returned %d (errno %d: %s), p->pid %d", r, e, strerror(e), (int)p.pid);
    fl_stage("waiting for the task to run in process %d", (int)p.pid);
    fl_probe_await(pr, 1, 0);
    fl_await_exit(pr->runs[0].pid);
}

/* ---- proc_start_orphan after reaper_discard ----
 *
 * With SIGCHLD ignored the kernel removes the middle child as it exits, so
 * the wait for it ends in ECHILD: the middle child is gone, which is all
 * the wait was for.  The task's pid came before, and the call succeeds. */

FL_CHECK(orphan_after_discard, "with SIGCHLD ignored (reaper_discard), proc_start_orphan still starts the task and returns its pid",
         .section = "Ignoring SIGCHLD")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    fl_stage("calling reaper_discard");
    errno = 0;
    int r = reaper_discard();
    FL_EXPECT(r == 0, "reaper_discard to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start_orphan with SIGCHLD ignored");
    errno = 0;
    r = proc_start_orphan(&p);
    int e = errno;
    reaper_uninstall();
    fl_stage("checking what proc_start_orphan returned");
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (nk > 0)
        fl_fail_settled(NULL, kids[0], "the caller to have no child left when proc_start_orphan returns",
                        "child %d is there after it returned %d", (int)kids[0], r);
    FL_EXPECT(r == 0 && p.pid > 0,
              "proc_start_orphan to return 0 with the task's pid: the middle child the kernel "
              "removed at its exit (ECHILD for the wait) had already reported it",
              "with SIGCHLD ignored it returned %d (errno %d: %s), p->pid %d", r, e,
              strerror(e), (int)p.pid);
    fl_stage("waiting for the task to run in process %d", (int)p.pid);
    fl_probe_await(pr, 1, 0);
    FL_EXPECT(pr->runs[0].pid == p.pid, "p->pid to be the pid of the process that runs the task",
              "the task runs in pid %d but p->pid is %d", (int)pr->runs[0].pid, (int)p.pid);
    fl_await_exit(pr->runs[0].pid);
}
