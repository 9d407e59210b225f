/* Lesson 05 checks: is_alive, terminate and kill, judged by wait statuses,
 * /proc and pidfds; a reaped child's pid is never signalled nor waited on. */
#include "fl.h"
#include "terminate.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers (candidates for the core) ---- */

/* Wait up to `seconds` for process `pid` to end, on a pidfd (an event, not
 * a sleep); never reaps.  Returns 1 if it ended, 0 if the ceiling passed. */
static int await_exit_within(pid_t pid, double seconds)
{
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0 && errno == ESRCH)
        return 1;   /* already gone */
    if (fd < 0) {
        /* No pidfds here: the core's wait has a fallback, and the check's
         * own ceiling bounds it. */
        fl_await_exit(pid);
        return 1;
    }
    double end = fl_now() + seconds;
    int ended = 0;
    for (;;) {
        double left = end - fl_now();
        if (left <= 0)
            break;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)(left * 1000) + 1);
        if (r > 0) {
            ended = 1;
            break;
        }
        if (r < 0 && errno != EINTR)
            break;
    }
    close(fd);
    return ended;
}

/* proc_exitcode's answer in words, for a failure message. */
static const char *code_str(const struct proc *p)
{
    static char buf[64];
    int code = 0;
    if (proc_exitcode(p, &code) == 1)
        snprintf(buf, sizeof buf, "%d", code);
    else
        snprintf(buf, sizeof buf, "%s", fl_tr("none (proc_exitcode returned 0)"));
    return buf;
}

/* 1 when proc_exitcode has a code and it is `want`. */
static int has_code(const struct proc *p, int want)
{
    int code = 0;
    return proc_exitcode(p, &code) == 1 && code == want;
}

static void start_probe(struct proc *p, struct fl_probe_arg *a)
{
    proc_init(p, fl_probe_task, a);
    fl_stage("calling proc_start");
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start (given) to start the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
}

/* A process that stands for "whoever got the pid after the kernel recycled
 * it": a child of the caller that waits for one byte, then exits 0.  Any
 * signal that reaches it shows in its wait status. */
struct decoy {
    pid_t pid;
    int fd[2];
};

static void decoy_start(struct decoy *d)
{
    FL_EXPECT(pipe(d->fd) == 0, "a pipe for the stand-in process", "pipe failed: %s",
              strerror(errno));
    d->pid = fork();
    FL_EXPECT(d->pid >= 0, "a stand-in process", "fork failed: %s", strerror(errno));
    if (d->pid == 0) {
        char c;
        close(d->fd[1]);
        while (read(d->fd[0], &c, 1) < 0 && errno == EINTR)
            ;
        _exit(0);
    }
}

/* Let the decoy finish and return its wait status.  The caller keeps the
 * read end open until then, so writing never raises SIGPIPE. */
static int decoy_finish(struct decoy *d)
{
    char c = 'x';
    while (write(d->fd[1], &c, 1) < 0 && errno == EINTR)
        ;
    int st = fl_reap(d->pid, "the stand-in process");
    close(d->fd[0]);
    close(d->fd[1]);
    return st;
}

/* Wait for a signalled child with a ceiling, so a signal that was never sent
 * fails the check instead of hanging it. */
static void expect_ended_after(struct fl_probe *pr, struct proc *p, const char *call)
{
    fl_stage("waiting for child %d to end after %s", (int)p->pid, call);
    if (!await_exit_within(p->pid, fl_scaled(1.0)))
        fl_fail_settled(pr, p->pid, "the child to end soon after the signal",
                     "child %d was still running 1 s after %s returned 0: no signal that "
                     "ends it reached it", (int)p->pid, call);
}

/* ---- is_alive ---- */

FL_CHECK(alive_while_running, "proc_is_alive is 1 while the child runs",
         .section = "Is it alive?", .timeout_s = 1)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_is_alive on running child %d (it must not wait)", (int)p.pid);
    errno = 0;
    int r = proc_is_alive(&p);
    if (r != 1)
        fl_fail_settled(pr, p.pid, "proc_is_alive to return 1 for a child that runs",
                     "it returned %d (errno %d: %s) while child %d waited at a gate (state %c)",
                     r, errno, strerror(errno), (int)p.pid, fl_proc_state(p.pid));
    int code = 0;
    if (p.ended || proc_exitcode(&p, &code))
        fl_fail_settled(pr, p.pid, "no exit code while the child runs (p->ended stays 0)",
                     "after proc_is_alive returned 1 for running child %d, p->ended is %d and "
                     "proc_exitcode gives %d: only a wait that reaped the child may record an "
                     "end", (int)p.pid, p.ended, code);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
}

FL_CHECK(not_alive_when_ended, "proc_is_alive is 0 for a child that ended (a zombie is not alive)",
         .section = "Is it alive?")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    char state = fl_proc_state(p.pid);
    fl_stage("calling proc_is_alive on ended child %d", (int)p.pid);
    errno = 0;
    int r = proc_is_alive(&p);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_is_alive to return 0 for a child that has ended",
                     "it returned %d (errno %d: %s); child %d had ended and was a zombie "
                     "(state %c)%s", r, errno, strerror(errno), (int)p.pid, state,
                     r == 1 ? fl_tr(": kill(pid, 0) succeeds on a zombie, only wait tells") : "");
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_start");
}

FL_CHECK(is_alive_reaps, "proc_is_alive reaps an ended child and keeps its exit code",
         .section = "Zombies")
{
    struct fl_probe *pr = fl_probe_new(0, 7);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_is_alive on ended child %d", (int)p.pid);
    int r = proc_is_alive(&p);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_is_alive to return 0 for a child that has ended",
                     "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    char state = fl_proc_state(p.pid);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "no zombie after proc_is_alive said 0: it reaps the child",
                     state == 'Z'
                         ? fl_tr("child %d is still a zombie (state Z) after proc_is_alive "
                                 "returned 0: nobody waited for it (waitpid with WNOHANG, "
                                 "without WNOWAIT)")
                         : fl_tr("child %d is still there, unreaped after proc_is_alive "
                                 "returned 0: nobody waited for it (waitpid with WNOHANG, "
                                 "without WNOWAIT)"),
                     (int)p.pid);
    FL_EXPECT(p.ended && has_code(&p, 7),
              "p->ended set and exit code 7 (what the task returned) after proc_is_alive "
              "reaped the child",
              "p->ended is %d and the exit code is %s: the wait status was not recorded in "
              "p->exitcode", p.ended, code_str(&p));
    fl_stage("joining child %d a second time, after proc_is_alive reaped it", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join after proc_is_alive reaped the child to return 0",
              "proc_join returned -1 (errno %d: %s)", errno, strerror(errno));
}

static int kill_myself(void *arg)
{
    (void)arg;
    kill(getpid(), SIGKILL);
    return 0;   /* never reached */
}

FL_CHECK(self_kill, "a task that kills itself with SIGKILL has exit code -9",
         .section = "Exit codes of signalled children")
{
    struct proc p;
    proc_init(&p, kill_myself, NULL);
    fl_stage("calling proc_start");
    FL_EXPECT(proc_start(&p) == 0, "proc_start (given) to start the child",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    fl_stage("waiting for child %d to kill itself", (int)p.pid);
    fl_await_exit(p.pid);
    int st;
    fl_is_unreaped_child(p.pid, &st);
    fl_stage("calling proc_is_alive on child %d", (int)p.pid);
    int r = proc_is_alive(&p);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_is_alive to return 0 for a child that killed itself",
                     "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_is_alive to reap the dead child",
                     "child %d is still a zombie", (int)p.pid);
    FL_EXPECT(has_code(&p, -SIGKILL), "exit code -9 for a child killed by SIGKILL",
              "the kernel reported child %d %s; after proc_is_alive reaped it, the exit code "
              "is %s%s", (int)p.pid, fl_status_str(st), code_str(&p),
              has_code(&p, 0) ? fl_tr(": a signal death became 0, decode the status waitpid "
                                      "gave with WIFSIGNALED")
                              : "");
}

/* ---- terminate and kill ---- */

static void expect_signal_code(const char *call, int (*send)(struct proc *), int sig)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling %s on running child %d", call, (int)p.pid);
    errno = 0;
    int r = send(&p);
    if (r != 0)
        fl_fail_settled(pr, p.pid, "the call to return 0 after sending the signal",
                     "%s returned %d (errno %d: %s)", call, r, errno, strerror(errno));
    expect_ended_after(pr, &p, call);
    int st;
    fl_is_unreaped_child(p.pid, &st);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    FL_EXPECT(has_code(&p, -sig), sig == SIGTERM ? N_("exit code -15: killed by SIGTERM")
                                                 : N_("exit code -9: killed by SIGKILL"),
              "after %s child %d %s, exit code %s", call, (int)p.pid, fl_status_str(st),
              code_str(&p));
}

FL_CHECK(terminate_code, "after proc_terminate and join the exit code is -15",
         .section = "terminate and kill", .timeout_s = 2)
{
    expect_signal_code("proc_terminate", proc_terminate, SIGTERM);
}

FL_CHECK(kill_code, "after proc_kill and join the exit code is -9",
         .section = "terminate and kill", .timeout_s = 2)
{
    expect_signal_code("proc_kill", proc_kill, SIGKILL);
}

/* ---- a reaped child's pid belongs to nobody of ours ---- */

/* Call terminate and kill on a handle whose child was reaped and whose pid
 * now names the decoy; demand 0 and an untouched decoy. */
static void expect_no_signal(struct proc *p, pid_t old, const char *reaped_by)
{
    struct decoy d;
    decoy_start(&d);
    p->pid = d.pid;   /* the kernel recycled the pid: it names the decoy now */
    fl_stage("calling proc_terminate, then proc_kill, on the reaped child");
    errno = 0;
    int rt = proc_terminate(p);
    int et = errno;
    errno = 0;
    int rk = proc_kill(p);
    int ek = errno;
    fl_stage("letting the stand-in process %d finish", (int)d.pid);
    int st = decoy_finish(&d);
    FL_EXPECT(st == 0,
              "a reaped child to get no signal: its pid may name another process now",
              "child %d had been reaped by %s; the check then gave its pid to another process "
              "(%d), as the kernel may; that process was %s by %s: keep p->ended and send "
              "nothing", (int)old, reaped_by, (int)d.pid, fl_status_str(st),
              WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL ? "proc_kill" : "proc_terminate");
    FL_EXPECT(rt == 0 && rk == 0,
              "proc_terminate and proc_kill to return 0 on a reaped child (nothing to do)",
              "proc_terminate returned %d (errno %d: %s), proc_kill %d (errno %d: %s)", rt, et,
              strerror(et), rk, ek, strerror(ek));
}

FL_CHECK(no_signal_after_join, "terminate and kill send nothing once join reaped the child",
         .section = "Pids are recycled")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to reap the child",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    expect_no_signal(&p, p.pid, "proc_join");
}

FL_CHECK(no_signal_after_is_alive, "terminate and kill send nothing once is_alive reaped the child",
         .section = "Pids are recycled")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_is_alive on ended child %d", (int)p.pid);
    int r = proc_is_alive(&p);
    if (r != 0 || fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_is_alive to return 0 and reap the ended child",
                     fl_is_unreaped_child(p.pid, NULL)
                         ? fl_tr("it returned %d (errno %d: %s); child %d is not reaped")
                         : fl_tr("it returned %d (errno %d: %s); child %d is reaped"),
                     r, errno, strerror(errno), (int)p.pid);
    expect_no_signal(&p, p.pid, "proc_is_alive");
}

FL_CHECK(alive_after_reap_asks_nobody, "is_alive on a reaped child is 0 without waiting on its old pid",
         .section = "Pids are recycled")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    pid_t old = p.pid;
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to reap the child",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    struct decoy d;
    decoy_start(&d);
    p.pid = d.pid;   /* recycled: a new child of the caller has the number */
    fl_stage("calling proc_is_alive on the reaped child");
    errno = 0;
    int r = proc_is_alive(&p);
    int e = errno;
    int decoy_kept = fl_is_unreaped_child(d.pid, NULL);
    int st = decoy_kept ? decoy_finish(&d) : 0;
    (void)st;
    FL_EXPECT(decoy_kept, "proc_is_alive on a reaped child to wait for nothing",
              "proc_is_alive reaped process %d, which had been given the old pid of child %d",
              (int)d.pid, (int)old);
    FL_EXPECT(r == 0, "proc_is_alive to return 0: the child was reaped by join",
              "it returned %d (errno %d: %s)%s", r, e, strerror(e),
              r == 1 ? fl_tr(": it asked the kernel about the pid, which now names another "
                             "running process") : "");
}

/* ---- arguments: one row per EINVAL rule of terminate.h ----
 *
 * Each row runs in a helper process alone in a process group of its own,
 * with SIGTERM blocked: a call that passes pid 0 to kill() signals only
 * that group, where SIGTERM shows as pending and SIGKILL ends the helper. */

struct arg_report {
    int done, rc, err, pending;
};

static int hold_task(void *arg)
{
    (void)arg;
    pause();
    return 0;
}

static int row_start_null(void) { return proc_start(NULL); }
static int row_start_no_task(void)
{
    struct proc p;
    proc_init(&p, NULL, NULL);
    return proc_start(&p);
}
static int row_start_started(void)
{
    /* A proc that reads as started: pid set, as after a proc_start. */
    struct proc p;
    proc_init(&p, hold_task, NULL);
    p.pid = getpid();
    return proc_start(&p);
}
static int row_join_unstarted(void)
{
    struct proc p;
    proc_init(&p, hold_task, NULL);
    return proc_join(&p);
}
static int row_alive_null(void) { return proc_is_alive(NULL); }
static int row_alive_unstarted(void)
{
    struct proc p;
    proc_init(&p, hold_task, NULL);
    return proc_is_alive(&p);
}
static int row_term_null(void) { return proc_terminate(NULL); }
static int row_term_unstarted(void)
{
    struct proc p;
    proc_init(&p, hold_task, NULL);
    return proc_terminate(&p);
}
static int row_kill_null(void) { return proc_kill(NULL); }
static int row_kill_unstarted(void)
{
    struct proc p;
    proc_init(&p, hold_task, NULL);
    return proc_kill(&p);
}

static const struct arg_row {
    const char *call;
    int (*fn)(void);
    int err;
} arg_rows[] = {
    {"proc_start(NULL)", row_start_null, EINVAL},
    {N_("proc_start(p) with no task"), row_start_no_task, EINVAL},
    {N_("proc_start(p) already started"), row_start_started, EINVAL},
    {N_("proc_join(p) never started"), row_join_unstarted, EINVAL},
    {"proc_is_alive(NULL)", row_alive_null, EINVAL},
    {N_("proc_is_alive(p) never started"), row_alive_unstarted, EINVAL},
    {"proc_terminate(NULL)", row_term_null, EINVAL},
    {N_("proc_terminate(p) never started"), row_term_unstarted, EINVAL},
    {"proc_kill(NULL)", row_kill_null, EINVAL},
    {N_("proc_kill(p) never started"), row_kill_unstarted, EINVAL},
};
#define ARG_ROWS (int)(sizeof arg_rows / sizeof arg_rows[0])

FL_CHECK(needs_started, "bad arguments (NULL, never started) are refused with EINVAL, never kill(0, ...)",
         .section = "Never pass pid 0", .timeout_s = 3)
{
    struct arg_report *rep = fl_board_new(ARG_ROWS * sizeof *rep);
    for (int i = 0; i < ARG_ROWS; i++) {
        const char *call = fl_tr(arg_rows[i].call);
        fl_stage("calling %s in a helper alone in its process group", call);
        fflush(NULL);
        pid_t h = fork();
        FL_EXPECT(h >= 0, "a helper process", "fork failed: %s", strerror(errno));
        if (h == 0) {
            setpgid(0, 0);
            sigset_t term, pend;
            sigemptyset(&term);
            sigaddset(&term, SIGTERM);
            sigprocmask(SIG_BLOCK, &term, NULL);
            errno = 0;
            int rc = arg_rows[i].fn();
            int err = errno;
            sigpending(&pend);
            rep[i].rc = rc;
            rep[i].err = err;
            rep[i].pending = sigismember(&pend, SIGTERM);
            rep[i].done = 1;
            _exit(0);
        }
        int st = fl_reap(h, "the helper process");
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        struct arg_report r = rep[i];
        if (nk > 0)
            fl_fail_settled(NULL, kids[0], "a refused call to start nothing",
                            "%s left process %d behind", call, (int)kids[0]);
        FL_EXPECT(r.done, "the call to return -1 with an errno",
                  "the helper calling %s was %s%s", call, fl_status_str(st),
                  WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL
                      ? fl_tr(": SIGKILL reached pid 0, i.e. the caller's whole process group")
                      : "");
        FL_EXPECT(!r.pending, "no signal to anyone from a call that is refused",
                  "%s sent SIGTERM to the caller's own process group: kill(0, SIGTERM) "
                  "signals every process in the group, the caller included", call);
        FL_EXPECT(r.rc == -1 && r.err == arg_rows[i].err,
                  "every call the header refuses to return -1 with errno EINVAL",
                  "%s returned %d (errno %d: %s)", call, r.rc, r.err,
                  strerror(r.err));
    }
}

/* ---- failure injection ---- */

FL_CHECK(start_fork_refused, "a refused fork leaves nothing, and the proc can be started again",
         .section = "terminate and kill")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start while the kernel refuses to fork (EAGAIN)");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    fl_forks_allow(-1);
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (nk > 0)
        fl_fail_settled(pr, kids[0], "a failed proc_start to leave no child",
                        "child %d is there after proc_start returned %d", (int)kids[0], r);
    FL_EXPECT(r == -1 && e == EAGAIN && p.pid == 0,
              "proc_start to return -1 with fork's errno (EAGAIN) and leave p->pid 0",
              "it returned %d (errno %d: %s), p->pid %d", r, e, strerror(e), (int)p.pid);
    fl_stage("calling proc_is_alive on the proc whose start failed");
    errno = 0;
    r = proc_is_alive(&p);
    e = errno;
    FL_EXPECT(r == -1 && e == EINVAL,
              "proc_is_alive on a proc that never started (its fork failed) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    fl_stage("calling proc_start again, the kernel allowing it");
    r = proc_start(&p);
    e = errno;
    FL_EXPECT(r == 0 && p.pid > 0, "the same proc to start once fork works again",
              "proc_start returned %d (errno %d: %s)", r, e, strerror(e));
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_kill on child %d", (int)p.pid);
    errno = 0;
    r = proc_kill(&p);
    e = errno;
    if (r != 0)
        fl_fail_settled(pr, p.pid, "proc_kill on a running child to return 0",
                        "it returned %d (errno %d: %s)", r, e, strerror(e));
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    FL_EXPECT(has_code(&p, -SIGKILL), "exit code -9 after proc_kill and join",
              "the exit code is %s", code_str(&p));
}

FL_CHECK(reaped_elsewhere, "a child some other wait reaped: ESRCH from terminate and kill, ECHILD from is_alive",
         .section = "Pids are recycled")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_stage("reaping child %d behind the proc's back (another wait of the program)",
             (int)p.pid);
    fl_reap(p.pid, "the child");
    fl_stage("calling proc_terminate on child %d, reaped elsewhere", (int)p.pid);
    errno = 0;
    int rt = proc_terminate(&p);
    int et = errno;
    fl_stage("calling proc_kill on child %d, reaped elsewhere", (int)p.pid);
    errno = 0;
    int rk = proc_kill(&p);
    int ek = errno;
    fl_stage("calling proc_is_alive on child %d, reaped elsewhere", (int)p.pid);
    errno = 0;
    int ra = proc_is_alive(&p);
    int ea = errno;
    FL_EXPECT(rt == -1 && et == ESRCH && rk == -1 && ek == ESRCH,
              "proc_terminate and proc_kill to pass on kill's error: -1 with ESRCH (no such "
              "process)",
              "child %d was reaped by a wait that was not proc_join's (p->ended is 0); "
              "proc_terminate returned %d (errno %d: %s), proc_kill %d (errno %d: %s)",
              (int)p.pid, rt, et, strerror(et), rk, ek, strerror(ek));
    FL_EXPECT(ra == -1 && (ea == ECHILD || ea == ESRCH),
              "proc_is_alive to pass on the kernel's error: -1 with ECHILD (not our child any "
              "more)",
              "child %d was reaped elsewhere; proc_is_alive returned %d (errno %d: %s)%s",
              (int)p.pid, ra, ea, strerror(ea),
              ra == 0 ? fl_tr(": 0 says it ended, but no exit code was ever recorded") : "");
    FL_EXPECT(!p.ended, "p->ended to stay 0: nothing was recorded by the proc",
              "p->ended is %d after the failed calls", p.ended);
}

/* ---- right after terminate ---- */

static int term_blocked_task(void *arg)
{
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_BLOCK, &term, NULL);
    fl_probe_task(arg);
    sigprocmask(SIG_UNBLOCK, &term, NULL);   /* the pending SIGTERM ends it here */
    return 0;
}

static int sigterm_pending_in(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    unsigned long long pend = 0;
    const char *keys[] = {"SigPnd:", "ShdPnd:"};
    for (int i = 0; i < 2; i++) {
        const char *at = strstr(buf, keys[i]);
        if (at)
            pend |= strtoull(at + strlen(keys[i]), NULL, 16);
    }
    return (pend >> (SIGTERM - 1)) & 1;
}

FL_CHECK(alive_after_terminate, "right after proc_terminate the child may still be alive: join tells",
         .section = "Right after terminate", .timeout_s = 2)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, term_blocked_task, &a);
    fl_stage("calling proc_start");
    int r = proc_start(&p);
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start (given) to start the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_terminate on child %d, which holds SIGTERM blocked: it must "
             "return at once, without waiting for the child to end", (int)p.pid);
    errno = 0;
    r = proc_terminate(&p);
    int e = errno;
    if (r != 0)
        fl_fail_settled(pr, p.pid, "proc_terminate on a running child to return 0",
                        "it returned %d (errno %d: %s)", r, e, strerror(e));
    if (!sigterm_pending_in(p.pid))
        fl_fail_settled(pr, p.pid, "proc_terminate to send SIGTERM to the child",
                        "child %d holds SIGTERM blocked and has none pending after "
                        "proc_terminate returned 0", (int)p.pid);
    fl_stage("calling proc_is_alive on child %d right after proc_terminate", (int)p.pid);
    errno = 0;
    r = proc_is_alive(&p);
    e = errno;
    int code = 0;
    if (r != 1 || p.ended || proc_exitcode(&p, &code))
        fl_fail_settled(pr, p.pid,
                        "proc_is_alive to return 1 right after proc_terminate while the child "
                        "still runs, and no end to be recorded",
                        "child %d had not acted on its SIGTERM yet (it held it blocked); "
                        "proc_is_alive returned %d (errno %d: %s), p->ended is %d: a signal "
                        "sent is not a child ended, only a wait tells", (int)p.pid, r, e,
                        strerror(e), p.ended);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d", (int)p.pid);
    errno = 0;
    r = proc_join(&p);
    e = errno;
    FL_EXPECT(r == 0 && has_code(&p, -SIGTERM),
              "proc_join to tell the child ended of SIGTERM: exit code -15",
              "proc_join returned %d (errno %d: %s), exit code %s", r, e, strerror(e),
              code_str(&p));
}

FL_CHECK(alive_while_stopped, "a stopped child is alive: proc_is_alive is 1 and records no end",
         .section = "Is it alive?")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_probe(&p, &a);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("stopping child %d with SIGSTOP", (int)p.pid);
    kill(p.pid, SIGSTOP);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    while (waitid(P_PID, (id_t)p.pid, &si, WSTOPPED | WNOWAIT) < 0 && errno == EINTR)
        ;
    fl_stage("calling proc_is_alive on stopped child %d", (int)p.pid);
    errno = 0;
    int r = proc_is_alive(&p);
    int e = errno;
    int ended = p.ended;
    kill(p.pid, SIGCONT);
    if (r != 1 || ended)
        fl_fail_settled(pr, p.pid, "proc_is_alive to return 1 for a stopped child (it has not "
                        "ended) and record nothing",
                        "child %d was stopped (state T); proc_is_alive returned %d (errno %d: "
                        "%s) and p->ended is %d: a stop is not an end (no WUNTRACED)",
                        (int)p.pid, r, e, strerror(e), ended);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    FL_EXPECT(has_code(&p, 0), "exit code 0 after the stopped child went on and returned 0",
              "the exit code is %s", code_str(&p));
}

/* ---- a signal while the caller joins ---- */

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

FL_CHECK(join_survives_signal, "alive until joined, through a signal that interrupts the join; not alive after",
         .section = "Is it alive?")
{
    fl_pipe(g_wake);
    struct proc p;
    proc_init(&p, wait_for_wake, NULL);
    fl_stage("calling proc_start (given)");
    FL_EXPECT(proc_start(&p) == 0 && p.pid > 0, "proc_start to return 0 with p.pid set",
              "it returned -1 (%s)", strerror(errno));
    errno = 0;
    int alive = proc_is_alive(&p);
    int e = errno;
    if (alive != 1) {
        while (write(g_wake[1], "g", 1) < 0 && errno == EINTR)
            ;
        fl_fail_settled(NULL, p.pid, "proc_is_alive to be 1 while the child waits",
                        "it returned %d (errno %d: %s) for child %d", alive, e, strerror(e),
                        (int)p.pid);
    }
    /* A handler without SA_RESTART: waitpid returns EINTR when it runs. */
    struct sigaction sa = {.sa_handler = wake_child}, old;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    fl_stage("calling proc_join on child %d; SIGUSR1 comes once the caller is blocked",
             (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    e = errno;
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
    errno = 0;
    alive = proc_is_alive(&p);
    e = errno;
    FL_EXPECT(alive == 0, "proc_is_alive to be 0 once the child was joined",
              "it returned %d (errno %d: %s)", alive, e, strerror(e));
    int code = 0;
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 4,
              "the exit code 4 the task returned", "proc_exitcode gave %d", code);
}
