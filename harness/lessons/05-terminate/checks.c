/* Lesson 05 checks: is_alive, terminate and kill, judged by wait statuses,
 * /proc and pidfds; a reaped child's pid is never signalled nor waited on. */
#include "fl.h"
#include "terminate.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
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
        snprintf(buf, sizeof buf, "none (proc_exitcode returned 0)");
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
                     r == 1 ? ": kill(pid, 0) succeeds on a zombie, only wait tells" : "");
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
                     "child %d is still %s after proc_is_alive returned 0: nobody waited for "
                     "it (waitpid with WNOHANG, without WNOWAIT)", (int)p.pid,
                     state == 'Z' ? "a zombie (state Z)" : "there, unreaped");
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
              has_code(&p, 0) ? ": a signal death became 0, decode the status waitpid gave "
                                "with WIFSIGNALED"
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
    FL_EXPECT(has_code(&p, -sig), sig == SIGTERM ? "exit code -15: killed by SIGTERM"
                                                 : "exit code -9: killed by SIGKILL",
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
                     "it returned %d (errno %d: %s); child %d is %s", r, errno, strerror(errno),
                     (int)p.pid, fl_is_unreaped_child(p.pid, NULL) ? "not reaped" : "reaped");
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
              r == 1 ? ": it asked the kernel about the pid, which now names another running "
                       "process" : "");
}

/* ---- never started ---- */

struct unstarted_report {
    int rt, et, rk, ek, ra, ea, pending;
};

FL_CHECK(needs_started, "terminate, kill and is_alive refuse a proc never started (no kill(0, ...))",
         .section = "terminate and kill")
{
    /* A helper in a process group of its own calls the functions: if they
     * pass pid 0 to kill(), the signal goes to the helper's group -- only
     * the helper -- where SIGTERM is blocked and shows as pending. */
    int fd[2];
    FL_EXPECT(pipe(fd) == 0, "a pipe for the helper's report", "pipe failed: %s",
              strerror(errno));
    pid_t h = fork();
    FL_EXPECT(h >= 0, "a helper process", "fork failed: %s", strerror(errno));
    if (h == 0) {
        close(fd[0]);
        setpgid(0, 0);
        sigset_t term, pend;
        sigemptyset(&term);
        sigaddset(&term, SIGTERM);
        sigprocmask(SIG_BLOCK, &term, NULL);
        struct unstarted_report rep;
        struct proc p;
        proc_init(&p, fl_probe_task, NULL);
        errno = 0;
        rep.rt = proc_terminate(&p);
        rep.et = errno;
        errno = 0;
        rep.ra = proc_is_alive(&p);
        rep.ea = errno;
        sigpending(&pend);
        rep.pending = sigismember(&pend, SIGTERM);
        errno = 0;
        rep.rk = proc_kill(&p);   /* kill(0, SIGKILL) would end the helper here */
        rep.ek = errno;
        if (write(fd[1], &rep, sizeof rep) < 0)
            _exit(2);
        _exit(0);
    }
    close(fd[1]);
    fl_stage("waiting for the helper %d that calls the functions on an unstarted proc",
             (int)h);
    struct unstarted_report rep;
    ssize_t n = read(fd[0], &rep, sizeof rep);
    close(fd[0]);
    int st = fl_reap(h, "the helper process");
    FL_EXPECT(n == (ssize_t)sizeof rep,
              "proc_kill on a proc never started to signal nobody",
              "the helper calling proc_kill on it was %s: proc_kill sent SIGKILL to pid 0, "
              "which means the caller's whole process group", fl_status_str(st));
    FL_EXPECT(!rep.pending, "proc_terminate on a proc never started to signal nobody",
              "SIGTERM reached the helper itself: proc_terminate called kill(0, SIGTERM), which "
              "signals the caller's whole process group");
    FL_EXPECT(rep.rt == -1 && rep.et == EINVAL && rep.rk == -1 && rep.ek == EINVAL &&
                  rep.ra == -1 && rep.ea == EINVAL,
              "-1 with errno EINVAL from proc_terminate, proc_kill and proc_is_alive on a proc "
              "never started",
              "proc_terminate returned %d (%s), proc_kill %d (%s), proc_is_alive %d (%s)",
              rep.rt, strerror(rep.et), rep.rk, strerror(rep.ek), rep.ra, strerror(rep.ea));
}
