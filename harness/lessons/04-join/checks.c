/* Lesson 04 checks: join, join with a timeout, exit codes -- judged by what
 * the kernel says about the child (/proc state, whether it is still ours to
 * reap, its wait status), never by what anybody printed. */
#include "fl.h"
#include "join.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers (candidates for the core) ---- */

static void start_task(struct proc *p, proc_task task, void *arg)
{
    proc_init(p, task, arg);
    fl_stage("calling proc_start (given)");
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start (given) to start the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
}

/* The one of three messages that fits the state of child `pid` now:
 * reaped (no longer the caller's child), a zombie, or still running; each
 * a whole sentence marked N_() by the caller, returned translated.  A
 * sentence per state, not a word put into one, so that a translation can
 * say each its own way. */
static const char *by_state(pid_t pid, const char *reaped, const char *zombie,
                            const char *running)
    __attribute__((format_arg(2), format_arg(3), format_arg(4)));

static const char *by_state(pid_t pid, const char *reaped, const char *zombie,
                            const char *running)
{
    if (!fl_is_unreaped_child(pid, NULL))
        return fl_tr(reaped);
    return fl_proc_state(pid) == 'Z' ? fl_tr(zombie) : fl_tr(running);
}

/* What a call returned, and the state of child `pid`: arguments r, errno,
 * strerror(errno), pid. */
#define RETURNED_AND_STATE(pid)                                                     \
    by_state((pid), N_("it returned %d (errno %d: %s); child %d is reaped"),        \
             N_("it returned %d (errno %d: %s); child %d is a zombie (ended, not reaped)"), \
             N_("it returned %d (errno %d: %s); child %d is still running"))

/* Child `pid` not reaped yet: argument pid. */
#define STILL_STATE(pid)                                                            \
    by_state((pid), N_("child %d is still reaped"),                                 \
             N_("child %d is still a zombie (ended, not reaped)"),                  \
             N_("child %d is still running"))

/* A child of the caller that has already ended and stays a zombie: the
 * "other child" a join must never touch. */
static pid_t zombie_sibling(void)
{
    pid_t pid = fork();
    FL_EXPECT(pid >= 0, "a second child for the check", "fork failed: %s", strerror(errno));
    if (pid == 0)
        _exit(3);
    fl_await_exit(pid);
    return pid;
}

/* ---- join waits, join reaps ---- */

/* What the tasks and the check's own helpers tell the caller, in memory
 * shared with every child. */
struct jboard {
    int go;            /* the check says: end now (its failure path) */
    int blocked;       /* the task saw the caller blocked (no progress) */
    int sigs;          /* signals the caller's handler took */
    double ended_at;   /* fl_now() when the task returned */
};

static struct jboard *jb;

static void jboard_new(void)
{
    jb = fl_board_new(sizeof *jb);
}

static void count_signal(int sig)
{
    (void)sig;
    __atomic_add_fetch(&jb->sigs, 1, __ATOMIC_SEQ_CST);
}

/* Install count_signal for sig without SA_RESTART: a blocking call of the
 * caller that it interrupts returns EINTR. */
static void catch_signal(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = count_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void default_signal(int sig)
{
    signal(sig, SIG_DFL);
}

static void nap_ms(int ms)
{
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

/* The task for proc_join: it ends only once its parent has been blocked
 * (no CPU time, no context switch) for a whole window of 0.25 s, after at
 * least *arg signals reached the caller (arg NULL: none needed).  A join
 * that does not wait returns while the task still runs; a join that polls
 * (WNOHANG and a nap, in a loop) never looks blocked, so the task gives up
 * after its ceiling and says so. */
static int end_once_caller_blocked(void *arg)
{
    int need_sigs = arg ? *(const int *)arg : 0;
    pid_t parent = getppid();
    double end = fl_now() + fl_scaled(1.5);
    while (!__atomic_load_n(&jb->go, __ATOMIC_SEQ_CST) && fl_now() < end) {
        if (__atomic_load_n(&jb->sigs, __ATOMIC_SEQ_CST) >= need_sigs &&
            fl_proc_blocked(parent, 0.25) == 1) {
            jb->blocked = 1;
            break;
        }
        nap_ms(2);
    }
    jb->ended_at = fl_now();
    return 0;
}

/* Judge a proc_join that returned r with errno e on the child in p. */
static void judge_join(struct proc *p, int r, int e, double returned_at)
{
    int running = fl_is_unreaped_child(p->pid, NULL) && fl_proc_state(p->pid) != 'Z';
    if (r != 0) {
        jb->go = 1;
        fl_fail_settled(NULL, p->pid, "proc_join to return 0 once the child has ended",
                        by_state(p->pid,
                                 N_("it returned %d (errno %d: %s); child %d is reaped%s"),
                                 N_("it returned %d (errno %d: %s); child %d is a zombie (ended, "
                                    "not reaped)%s"),
                                 N_("it returned %d (errno %d: %s); child %d is still running%s")),
                        r, e, strerror(e), (int)p->pid,
                        e == EINTR ? fl_tr(": a signal interrupted waitpid, and EINTR must be "
                                           "retried (the child has not ended)") : "");
    }
    if (running || jb->ended_at == 0) {
        jb->go = 1;
        fl_fail_settled(NULL, p->pid, "the caller to continue only after the child has exited",
                        "proc_join returned 0 while child %d was still running its task: it "
                        "did not wait (waitpid without WNOHANG blocks until the end)",
                        (int)p->pid);
    }
    FL_EXPECT(!fl_is_unreaped_child(p->pid, NULL), "proc_join to reap the child it waited for",
              "child %d is still a zombie after proc_join returned 0", (int)p->pid);
    FL_EXPECT(jb->blocked,
              "the caller to sleep in the kernel while proc_join waits (no CPU time, no "
              "wake-ups)",
              "the caller %d kept waking up for %.1f s while child %d ran: proc_join polled "
              "(WNOHANG and a nap, in a loop) instead of blocking in waitpid",
              (int)getpid(), fl_scaled(1.5), (int)p->pid);
    FL_EXPECT(returned_at - jb->ended_at <= fl_scaled(0.5),
              "proc_join to return as soon as the child has ended",
              "it returned %.3f s after child %d ended", returned_at - jb->ended_at,
              (int)p->pid);
}

FL_CHECK(join_waits, "proc_join blocks until the child has ended, then returns",
         .section = "Waiting for a child", .timeout_s = 4)
{
    jboard_new();
    struct proc p;
    start_task(&p, end_once_caller_blocked, NULL);
    fl_stage("calling proc_join (the task ends only once the caller has been blocked, "
             "making no progress, for 0.25 s)");
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    double at = fl_now();
    fl_stage("checking child %d after proc_join returned", (int)p.pid);
    judge_join(&p, r, e, at);
}

FL_CHECK(join_retries_eintr, "a signal that interrupts proc_join does not end the wait (EINTR is retried)",
         .section = "Waiting for a child", .timeout_s = 5)
{
    jboard_new();
    catch_signal(SIGUSR1);
    static const int one = 1;
    struct proc p;
    start_task(&p, end_once_caller_blocked, (void *)&one);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2);
    fl_stage("calling proc_join; a handler without SA_RESTART catches SIGUSR1, sent once the "
             "caller is blocked; the task ends only once the caller is blocked again");
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    double at = fl_now();
    jb->go = r != 0;
    fl_stage("waiting for the helper that sent SIGUSR1 to end");
    fl_reap(helper, "the check's signal helper");
    default_signal(SIGUSR1);
    FL_EXPECT(r != 0 || jb->sigs >= 1, "SIGUSR1 to reach the caller while proc_join waited",
              "no signal arrived: the caller was never seen blocked");
    judge_join(&p, r, e, at);
}

FL_CHECK(join_reaps, "proc_join reaps the child: no zombie is left",
         .section = "Reaping: no zombie left")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for child %d to end (without reaping it)", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_join on child %d, which has ended", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join to return 0 for a child that has ended",
                     "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "no zombie after proc_join: it reaps the child",
                     by_state(p.pid,
                              N_("child %d is still reaped after proc_join returned 0: seeing "
                                 "the end is not reaping (no WNOWAIT, no pidfd alone: waitpid "
                                 "collects it)"),
                              N_("child %d is still a zombie (ended, not reaped) after proc_join "
                                 "returned 0: seeing the end is not reaping (no WNOWAIT, no "
                                 "pidfd alone: waitpid collects it)"),
                              N_("child %d is still running after proc_join returned 0: "
                                 "seeing the end is not reaping (no WNOWAIT, no pidfd alone: "
                                 "waitpid collects it)")),
                     (int)p.pid);
}

static int child_pending_exit(void *arg)
{
    (void)arg;
    return 5;
}

FL_CHECK(join_twice, "joining twice is harmless, and touches no other child",
         .section = "Joining twice, joining nothing")
{
    struct proc p;
    start_task(&p, child_pending_exit, NULL);
    fl_stage("joining child %d", (int)p.pid);
    errno = 0;
    int r1 = proc_join(&p);
    int e1 = errno;
    if (r1 != 0)
        fl_fail_settled(NULL, p.pid, "the first proc_join to return 0",
                     "it returned %d (errno %d: %s)", r1, e1, strerror(e1));
    pid_t other = zombie_sibling();
    fl_stage("joining child %d a second time (another child, %d, has ended unreaped)",
             (int)p.pid, (int)other);
    errno = 0;
    int r2 = proc_join(&p);
    int e2 = errno;
    int other_kept = fl_is_unreaped_child(other, NULL);
    if (other_kept)
        fl_reap(other, "the check's other child");
    FL_EXPECT(r2 == 0, "a second proc_join on a joined child to return 0 and change nothing",
              "it returned %d (errno %d: %s)%s", r2, e2, strerror(e2),
              e2 == ECHILD ? fl_tr(": it asked the kernel again about a pid it had already "
                                   "reaped; remember that the child was joined") : "");
    FL_EXPECT(other_kept, "a second proc_join to leave the caller's other children alone",
              "the second proc_join reaped child %d, which was not the one in p: it waited "
              "for any child (waitpid(-1) or waitpid(0)) instead of returning at once",
              (int)other);
    double secs[2] = {0, 1e6};
    for (int i = 0; i < 2; i++) {
        fl_stage("calling proc_join_timeout(p, %g) on child %d, joined already", secs[i],
                 (int)p.pid);
        errno = 0;
        int r3 = proc_join_timeout(&p, secs[i]);
        int e3 = errno;
        FL_EXPECT(r3 == 0, "proc_join_timeout on a joined child to return 0 at once",
                  "proc_join_timeout(p, %g) returned %d (errno %d: %s)", secs[i], r3, e3,
                  strerror(e3));
    }
    int code = -1;
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 5,
              "the exit code (5) to survive the second join",
              "proc_exitcode gives %d after the second join", code);
}

FL_CHECK(join_unstarted, "joining a process that was never started is an error",
         .section = "Joining twice, joining nothing")
{
    pid_t other = zombie_sibling();
    struct proc p;
    proc_init(&p, child_pending_exit, NULL);
    fl_stage("calling proc_join on a proc that was never started (another child, %d, has "
             "ended unreaped)", (int)other);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    int other_kept = fl_is_unreaped_child(other, NULL);
    fl_stage("calling proc_join_timeout on a proc that was never started");
    errno = 0;
    int rt = other_kept ? proc_join_timeout(&p, 0) : -1;
    int et = other_kept ? errno : EINVAL;
    if (fl_is_unreaped_child(other, NULL))
        fl_reap(other, "the check's other child");
    FL_EXPECT(other_kept, "proc_join on a never-started proc to wait for nobody",
              "it reaped child %d, another child of the caller: p->pid is 0, and "
              "waitpid(0, ...) means \"any child in my group\"", (int)other);
    FL_EXPECT(r == -1 && e == EINVAL, "proc_join to return -1 with errno EINVAL",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(rt == -1 && et == EINVAL, "proc_join_timeout to return -1 with errno EINVAL",
              "it returned %d (errno %d: %s)", rt, et, strerror(et));
}

/* ---- join with a timeout ---- */

/* How long proc_join_timeout may overrun the time it was given: generous,
 * for a loaded machine, and still well under the whole second that
 * counting in whole seconds costs. */
static double overrun(void)
{
    return fl_scaled(0.45);
}

/* Call proc_join_timeout(p, want) on a child held at pr's gate, and judge
 * the call: 1, after at least `want` and at most want + overrun(), and the
 * child left running.  `events` says what else happened meanwhile. */
static void judge_timed_out(struct proc *p, struct fl_probe *pr, double want, int r, int e,
                            double took, const char *events)
{
    events = fl_tr(events);
    char st = fl_proc_state(p->pid);
    int ours = fl_is_unreaped_child(p->pid, NULL);
    if (r != 1)
        fl_fail_settled(pr, p->pid, "proc_join_timeout to return 1: the child still runs",
                        by_state(p->pid,
                                 N_("it returned %d (errno %d: %s) after %.3f s%s; child %d is "
                                    "reaped"),
                                 N_("it returned %d (errno %d: %s) after %.3f s%s; child %d is a "
                                    "zombie (ended, not reaped)"),
                                 N_("it returned %d (errno %d: %s) after %.3f s%s; child %d is "
                                    "still running")),
                        r, e, strerror(e), took, events, (int)p->pid);
    if (took < want - 0.00005)
        fl_fail_settled(pr, p->pid, "proc_join_timeout to wait at least the timeout",
                        "it gave up after %.4f s, asked to wait %.4f s%s: one look with "
                        "WNOHANG is join(0), not join(timeout); milliseconds must be rounded "
                        "up, and a wake-up that is not the child's end goes back to waiting",
                        took, want, events);
    if (took > want + overrun())
        fl_fail_settled(pr, p->pid, "proc_join_timeout to return soon after the timeout",
                        "it returned after %.4f s, asked to wait %.4f s (%.3f s allowed)%s: "
                        "whole seconds instead of milliseconds, or a clock that starts again "
                        "after each wake-up", took, want, want + overrun(), events);
    if (!ours || st == 0 || st == 'Z')
        fl_fail_settled(pr, p->pid, "the child to keep running after the timeout",
                        !ours ? fl_tr("child %d is reaped after proc_join_timeout returned 1: "
                                      "the timeout must not end the child")
                        : st == 'Z' ? fl_tr("child %d is dead (a zombie) after proc_join_timeout "
                                            "returned 1: the timeout must not end the child")
                                    : fl_tr("child %d is gone after proc_join_timeout returned 1: "
                                            "the timeout must not end the child"),
                        (int)p->pid);
    int code = 12345;
    if (proc_exitcode(p, &code) != 0)
        fl_fail_settled(pr, p->pid, "proc_exitcode to return 0 (no code yet) after a timeout",
                        "it returned 1 with code %d while child %d still runs", code,
                        (int)p->pid);
}

FL_CHECK(timeout_keeps_running, "proc_join_timeout waits at least the timeout, not much more, and leaves a running child running",
         .section = "Waiting with a timeout", .timeout_s = 3)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    /* A timeout cut to whole milliseconds returns up to 1 ms early: timers
     * fire late under load, never early, so of many short tries at least
     * one shows it.  Then a longer one for "not much more". */
    double times[14];
    for (int i = 0; i < 12; i++)
        times[i] = 0.0019 + 0.0001 * i;
    times[12] = fl_scaled(0.0309);
    times[13] = fl_scaled(0.3);
    for (int i = 0; i < 14; i++) {
        fl_stage("calling proc_join_timeout(p, %.4f) on child %d, held at a gate", times[i],
                 (int)p.pid);
        errno = 0;
        double t0 = fl_now();
        int r = proc_join_timeout(&p, times[i]);
        int e = errno;
        double took = fl_now() - t0;
        judge_timed_out(&p, pr, times[i], r, e, took, "");
    }
    fl_probe_release(pr, 1);
    fl_stage("joining child %d after its gate opened", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    FL_EXPECT(r == 0, "proc_join after a timed-out join to return 0",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
}

/* A helper of the check (its own child, not the student's): every time the
 * caller has been blocked for a short window, it sends SIGUSR1; it stops at
 * `until` (fl_now() seconds) and ends, which sends the caller SIGCHLD. */
static pid_t start_interrupter(double until)
{
    pid_t caller = getpid();
    pid_t pid = fork();
    FL_EXPECT(pid >= 0, "a helper process for the check", "fork failed: %s", strerror(errno));
    if (pid == 0) {
        while (fl_now() < until && !__atomic_load_n(&jb->go, __ATOMIC_SEQ_CST)) {
            if (fl_proc_blocked(caller, 0.03) == 1)
                kill(caller, SIGUSR1);
            else
                nap_ms(1);
        }
        _exit(0);
    }
    return pid;
}

/* Another child of the check: ends once the caller has taken `after`
 * signals, so that its end (SIGCHLD) lands in the middle of a wait. */
static pid_t start_ending_sibling(int after, double until)
{
    pid_t pid = fork();
    FL_EXPECT(pid >= 0, "a second child for the check", "fork failed: %s", strerror(errno));
    if (pid == 0) {
        while (__atomic_load_n(&jb->sigs, __ATOMIC_SEQ_CST) < after && fl_now() < until &&
               !__atomic_load_n(&jb->go, __ATOMIC_SEQ_CST))
            nap_ms(1);
        _exit(0);
    }
    return pid;
}

FL_CHECK(timeout_clock_kept, "signals and other children ending during proc_join_timeout do not restart its clock",
         .section = "Waiting with a timeout", .timeout_s = 5)
{
    jboard_new();
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    catch_signal(SIGUSR1);
    catch_signal(SIGCHLD);
    double want = fl_scaled(0.4);
    double t0 = fl_now();
    /* Wake-ups go on past the time allowed: a join that waits the whole
     * timeout again after each one is still waiting when they stop. */
    double until = t0 + want + overrun() + fl_scaled(0.3);
    pid_t helper = start_interrupter(until);
    pid_t sib[2] = {start_ending_sibling(2, until), start_ending_sibling(5, until)};
    fl_stage("calling proc_join_timeout(p, %.3f) on child %d, held at a gate, while SIGUSR1 "
             "arrives whenever the caller is blocked and two other children end", want,
             (int)p.pid);
    errno = 0;
    int r = proc_join_timeout(&p, want);
    int e = errno;
    double took = fl_now() - t0;
    int sigs = jb->sigs;
    jb->go = 1;
    fl_stage("waiting for the check's helper and other children to end");
    fl_reap(helper, "the check's signal helper");
    fl_reap(sib[0], "the check's other child");
    fl_reap(sib[1], "the check's other child");
    default_signal(SIGUSR1);
    default_signal(SIGCHLD);
    char events[96];
    snprintf(events, sizeof events, fl_tr(", while %d signals (SIGUSR1, SIGCHLD) arrived"), sigs);
    judge_timed_out(&p, pr, want, r, e, took, events);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d after its gate opened", (int)p.pid);
    errno = 0;
    r = proc_join(&p);
    e = errno;
    FL_EXPECT(r == 0, "proc_join after a timed-out join to return 0",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
}

FL_CHECK(timeout_zero, "proc_join_timeout with 0 seconds looks once and returns at once",
         .section = "Waiting with a timeout", .timeout_s = 1)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_join_timeout(p, 0) on child %d, held at a gate until it returns "
             "(a 0 taken as \"no limit\" never returns)", (int)p.pid);
    errno = 0;
    int r = proc_join_timeout(&p, 0);
    if (r != 1)
        fl_fail_settled(pr, p.pid, "proc_join_timeout(p, 0) to return 1 for a running child",
                     RETURNED_AND_STATE(p.pid), r, errno, strerror(errno), (int)p.pid);
    fl_probe_release(pr, 1);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_join_timeout(p, 0) on child %d, which has ended", (int)p.pid);
    r = proc_join_timeout(&p, 0);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join_timeout(p, 0) to return 0 for a child that ended",
                     RETURNED_AND_STATE(p.pid), r, errno, strerror(errno), (int)p.pid);
    FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL), "proc_join_timeout returning 0 to have reaped",
              STILL_STATE(p.pid), (int)p.pid);
}

/* The task for "returns as soon as the child ends": it ends once its
 * parent has been seen asleep (one look at /proc: state S or D) -- that is,
 * once the caller is inside proc_join_timeout -- and notes the time. */
static int end_once_caller_asleep(void *arg)
{
    (void)arg;
    pid_t parent = getppid();
    double end = fl_now() + fl_scaled(1);
    for (;;) {
        char st = fl_proc_state(parent);
        if (st == 'S' || st == 'D' || st == 0 || fl_now() > end)
            break;
        sched_yield();
    }
    jb->ended_at = fl_now();
    return 9;
}

FL_CHECK(timeout_reaps, "proc_join_timeout returns 0 as soon as the child ends, and reaps it",
         .section = "Waiting with a timeout", .timeout_s = 3)
{
    jboard_new();
    struct proc p;
    start_task(&p, end_once_caller_asleep, NULL);
    /* A limit far beyond the check's ceiling: only a join that returns when
     * the child ends (not when the time is up) finishes the check. */
    fl_stage("calling proc_join_timeout(p, 1e6) on child %d, which ends once the caller waits "
             "(a join that sleeps its whole timeout before looking never returns in time)",
             (int)p.pid);
    errno = 0;
    int r = proc_join_timeout(&p, 1e6);
    int e = errno;
    double at = fl_now();
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join_timeout to return 0 once the child has ended",
                        RETURNED_AND_STATE(p.pid), r, e, strerror(e), (int)p.pid);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "no zombie after proc_join_timeout returned 0",
                        by_state(p.pid,
                                 N_("child %d is still reaped: proc_join_timeout saw the end but "
                                    "did not reap the child (waitpid after the pidfd said it "
                                    "ended)"),
                                 N_("child %d is still a zombie (ended, not reaped): "
                                    "proc_join_timeout saw the end but did not reap the child "
                                    "(waitpid after the pidfd said it ended)"),
                                 N_("child %d is still running: proc_join_timeout saw the "
                                    "end but did not reap the child (waitpid after the pidfd said "
                                    "it ended)")),
                        (int)p.pid);
    FL_EXPECT(at - jb->ended_at <= fl_scaled(0.5),
              "proc_join_timeout to return as soon as the child has ended",
              "it returned %.3f s after child %d ended: it looks too seldom (a nap between "
              "looks must be short, or poll a pidfd)", at - jb->ended_at, (int)p.pid);
    int code = -1;
    int has = proc_exitcode(&p, &code);
    FL_EXPECT(has == 1 && code == 9,
              "proc_exitcode to give 9 (what the task returned) after proc_join_timeout",
              "proc_exitcode returned %d with code %d: the status was not recorded", has, code);
}

/* ---- the contract's refusals, one line each, in the order of join.h ---- */

static struct proc *g_running, *g_unstarted;

static int join_null(void) { return proc_join(NULL); }
static int join_unstarted_p(void) { return proc_join(g_unstarted); }
static int jt_null(void) { return proc_join_timeout(NULL, 1); }
static int jt_unstarted_0(void) { return proc_join_timeout(g_unstarted, 0); }
static int jt_unstarted_1(void) { return proc_join_timeout(g_unstarted, 1); }
static int jt_negative(void) { return proc_join_timeout(g_running, -1); }
static int jt_tiny_negative(void) { return proc_join_timeout(g_running, -0.001); }
static int start_null(void) { return proc_start(NULL); }
static int start_again(void) { return proc_start(g_running); }
static int start_no_fork(void)
{
    struct proc q;
    proc_init(&q, child_pending_exit, NULL);
    fl_forks_allow(0);
    int r = proc_start(&q);
    int e = errno;
    fl_forks_allow(-1);
    errno = e;
    return r;
}

static const struct refusal {
    const char *call;
    int (*fn)(void);
    int err;
} refusals[] = {
    /* proc_join: "EINVAL if p is NULL or was never started" */
    {"proc_join(NULL)", join_null, EINVAL},
    {N_("proc_join(p) on a proc never started"), join_unstarted_p, EINVAL},
    /* proc_join_timeout: "EINVAL if p is NULL or was never started, or seconds < 0" */
    {"proc_join_timeout(NULL, 1)", jt_null, EINVAL},
    {N_("proc_join_timeout(p, 0) on a proc never started"), jt_unstarted_0, EINVAL},
    {N_("proc_join_timeout(p, 1) on a proc never started"), jt_unstarted_1, EINVAL},
    {N_("proc_join_timeout(p, -1) on a running child"), jt_negative, EINVAL},
    {N_("proc_join_timeout(p, -0.001) on a running child"), jt_tiny_negative, EINVAL},
    /* proc_start (given): "-1/errno" -- lesson 01's refusals, and fork's error */
    {N_("proc_start(NULL) (given)"), start_null, EINVAL},
    {N_("proc_start(p) on a started proc (given)"), start_again, EINVAL},
    {N_("proc_start(p) when fork fails (given)"), start_no_fork, EAGAIN},
};

FL_CHECK(refusals, "every refusal in join.h: -1 with its errno, and the running child untouched",
         .section = "Your exercise: the contract")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc running, unstarted;
    start_task(&running, fl_probe_task, &a);
    proc_init(&unstarted, child_pending_exit, NULL);
    g_running = &running;
    g_unstarted = &unstarted;
    fl_stage("waiting for the task to start in child %d", (int)running.pid);
    fl_probe_await(pr, 1, running.pid);
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const char *call = fl_tr(refusals[i].call);
        fl_stage("calling %s", call);
        errno = 0;
        int r = refusals[i].fn();
        int e = errno;
        if (r != -1 || e != refusals[i].err)
            fl_fail_settled(pr, running.pid, "each refusal of join.h to return -1 with its errno",
                            "%s returned %d (errno %d: %s), not -1 with %s", call,
                            r, e, strerror(e), strerror(refusals[i].err));
        if (!fl_is_unreaped_child(running.pid, NULL) || fl_proc_state(running.pid) == 'Z')
            fl_fail_settled(pr, running.pid, "a refused call to leave the running child alone",
                            by_state(running.pid, N_("after %s, child %d is reaped"),
                                     N_("after %s, child %d is a zombie (ended, not reaped)"),
                                     N_("after %s, child %d is still running")),
                            call, (int)running.pid);
    }
    fl_probe_release(pr, 1);
    fl_stage("joining child %d", (int)running.pid);
    errno = 0;
    int r = proc_join(&running);
    int e = errno;
    FL_EXPECT(r == 0, "proc_join after refused calls to return 0", "it returned %d (errno %d: %s)",
              r, e, strerror(e));
}

/* ---- exit codes ---- */

static int return_arg(void *arg)
{
    return *(int *)arg;
}

static int exit_300(void *arg)
{
    (void)arg;
    fflush(NULL);
    _exit(300);   /* like exit(300): only 300 & 0xFF = 44 reaches the parent */
}

/* Start task, join it, and return the exit code proc_exitcode reports;
 * fails the check if either call fails or no code is there after join. */
static int code_after_join(proc_task task, void *arg, const char *what)
{
    what = fl_tr(what);
    struct proc p;
    start_task(&p, task, arg);
    fl_stage("joining child %d (%s)", (int)p.pid, what);
    errno = 0;
    int r = proc_join(&p);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join to return 0", "it returned %d (errno %d: %s)", r,
                     errno, strerror(errno));
    int code = 12345;
    int has = proc_exitcode(&p, &code);
    FL_EXPECT(has == 1, "proc_exitcode to return 1 after a join",
              "it returned %d for child %d (%s), which was joined", has, (int)p.pid, what);
    return code;
}

FL_CHECK(exitcode_values, "exit codes: 0, 7, and 300 seen as 44 (n & 0xFF)",
         .section = "Exit codes")
{
    int zero = 0, seven = 7;
    int c0 = code_after_join(return_arg, &zero, N_("a task that returns 0"));
    int c7 = code_after_join(return_arg, &seven, N_("a task that returns 7"));
    int c300 = code_after_join(exit_300, NULL, N_("a task that calls _exit(300)"));
    const char *hint = c7 == 7 << 8 ? fl_tr(": that is the raw wait status; WEXITSTATUS "
                                            "decodes it")
                                    : "";
    FL_EXPECT(c0 == 0, "exit code 0 for a task that returned 0", "proc_exitcode gave %d", c0);
    FL_EXPECT(c7 == 7, "exit code 7 for a task that returned 7", "proc_exitcode gave %d%s", c7,
              hint);
    FL_EXPECT(c300 == 44, "exit code 44 for _exit(300): only the low 8 bits reach the parent",
              "proc_exitcode gave %d%s", c300, c300 == 44 << 8 ? hint : "");
}

static int kill_myself(void *arg)
{
    int sig = *(int *)arg;
    kill(getpid(), sig);
    return 0;   /* not reached: SIGKILL and SIGTERM end the task */
}

FL_CHECK(exitcode_signal, "a child killed by signal N has exit code -N",
         .section = "Deaths by signal")
{
    int sigkill = SIGKILL, sigterm = SIGTERM;
    int ck = code_after_join(kill_myself, &sigkill, N_("a task that sends itself SIGKILL"));
    int ct = code_after_join(kill_myself, &sigterm, N_("a task that sends itself SIGTERM"));

    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    kill(p.pid, SIGUSR1);
    fl_stage("joining child %d, which the check sent SIGUSR1", (int)p.pid);
    if (proc_join(&p) != 0)
        fl_fail_settled(pr, p.pid, "proc_join to return 0", "it returned -1 (errno %d: %s)", errno,
                     strerror(errno));
    int cu = 12345;
    proc_exitcode(&p, &cu);

    FL_EXPECT(ck == -SIGKILL, "exit code -9 for a child killed by SIGKILL",
              "proc_exitcode gave %d%s", ck,
              ck == SIGKILL ? fl_tr(": negative codes mean a signal, -WTERMSIG(status)") : "");
    FL_EXPECT(ct == -SIGTERM, "exit code -15 for a child killed by SIGTERM",
              "proc_exitcode gave %d", ct);
    FL_EXPECT(cu == -SIGUSR1, "exit code -10 for a child killed by the check with SIGUSR1",
              "proc_exitcode gave %d for child %d", cu, (int)p.pid);
}

static int crash(void *arg)
{
    if (arg)
        abort();
    raise(SIGSEGV);   /* what a bad pointer does, without a real bad read */
    return 0;
}

FL_CHECK(exitcode_crash, "a crash or abort is reported (negative code), never as 0",
         .section = "Deaths by signal")
{
    int ca = code_after_join(crash, "abort", N_("a task that calls abort()"));
    int cs = code_after_join(crash, NULL, N_("a task that gets SIGSEGV"));
    FL_EXPECT(ca != 0 && cs != 0, "a task that crashed never to look like a success (code 0)",
              "proc_exitcode gave %d after abort() and %d after SIGSEGV: the status was "
              "decoded as if the child had exited (check WIFSIGNALED too)", ca, cs);
    FL_EXPECT(ca == -SIGABRT && cs == -SIGSEGV,
              "exit codes -6 (SIGABRT) and -11 (SIGSEGV)",
              "proc_exitcode gave %d and %d", ca, cs);
}

FL_CHECK(exitcode_none_until_joined, "proc_exitcode has no code before start and while the child runs",
         .section = "Exit codes")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    int code = 12345;
    fl_stage("calling proc_exitcode on a proc never started");
    int before = proc_exitcode(&p, &code);
    FL_EXPECT(before == 0, "proc_exitcode to return 0 (Python's None) before start",
              "it returned %d with code %d", before, code);
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_exitcode while child %d runs", (int)p.pid);
    int during = proc_exitcode(&p, &code);
    if (during != 0)
        fl_fail_settled(pr, p.pid, "proc_exitcode to return 0 (no code yet) while the child runs",
                     "it returned %d with code %d while child %d waited at a gate: a code "
                     "exists only once the child was joined", during, code, (int)p.pid);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join to return 0", "it returned -1 (errno %d: %s)",
              errno, strerror(errno));
}

FL_CHECK(join_no_fds, "with no descriptor free, the joins still work or say EMFILE, and leave the child alone",
         .section = "Waiting with a timeout", .timeout_s = 3)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    /* A pidfd is a descriptor: a design built on it may answer EMFILE
     * here, one that looks with waitpid needs none.  Either is right;
     * a wrong answer, a leak or a touched child is not. */
    double want = fl_scaled(0.05);
    fl_stage("calling proc_join_timeout(p, %.3f) with no descriptor free", want);
    if (fl_fds_allow(0) < 0)
        fl_fail("the check to limit descriptors", "setrlimit failed: %s", strerror(errno));
    errno = 0;
    double t0 = fl_now();
    int r = proc_join_timeout(&p, want);
    int e = errno;
    double took = fl_now() - t0;
    fl_fds_allow(-1);
    if (!(r == -1 && (e == EMFILE || e == ENFILE)))
        judge_timed_out(&p, pr, want, r, e, took, N_(" with no descriptor free"));
    else if (!fl_is_unreaped_child(p.pid, NULL) || fl_proc_state(p.pid) == 'Z')
        fl_fail_settled(pr, p.pid, "a failed proc_join_timeout to leave the child alone",
                        by_state(p.pid, N_("child %d is reaped"),
                                 N_("child %d is a zombie (ended, not reaped)"),
                                 N_("child %d is still running")),
                        (int)p.pid);
    fl_probe_release(pr, 1);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_join_timeout(p, 1e6) on ended child %d with no descriptor free",
             (int)p.pid);
    fl_fds_allow(0);
    errno = 0;
    r = proc_join_timeout(&p, 1e6);
    e = errno;
    fl_fds_allow(-1);
    if (r == -1 && (e == EMFILE || e == ENFILE)) {
        if (!fl_is_unreaped_child(p.pid, NULL))
            fl_fail("a failed proc_join_timeout to leave the child alone",
                    "child %d was reaped although the call returned -1 (EMFILE)", (int)p.pid);
        fl_stage("joining child %d with descriptors free again", (int)p.pid);
        errno = 0;
        r = proc_join(&p);
        e = errno;
        FL_EXPECT(r == 0, "proc_join to return 0", "it returned %d (errno %d: %s)", r, e,
                  strerror(e));
    } else {
        if (r != 0)
            fl_fail_settled(NULL, p.pid,
                            "proc_join_timeout to return 0 for an ended child (or -1 with "
                            "EMFILE)", "it returned %d (errno %d: %s)", r, e, strerror(e));
        FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL), "proc_join_timeout returning 0 to reap",
                  STILL_STATE(p.pid), (int)p.pid);
    }
    int code = -1;
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 0, "exit code 0 once joined",
              "proc_exitcode gave %d", code);
}

FL_CHECK(join_reaped_elsewhere, "proc_join on a child someone else reaped fails, and records no code",
         .section = "Reaping: no zombie left")
{
    struct proc p;
    start_task(&p, child_pending_exit, NULL);
    fl_stage("reaping child %d behind proc_join's back", (int)p.pid);
    fl_reap(p.pid, "the child from proc_start");
    fl_stage("calling proc_join on child %d, which the check already reaped", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    /* waitpid says ECHILD; a pidfd design's pidfd_open says ESRCH. */
    FL_EXPECT(r == -1 && (e == ECHILD || e == ESRCH),
              "proc_join of a pid that is no longer the caller's child to fail with "
              "waitpid's errno (ECHILD)",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    int code = 12345;
    int has = proc_exitcode(&p, &code);
    FL_EXPECT(has == 0, "no exit code after a join that failed",
              "proc_exitcode returned %d with code %d", has, code);
}

FL_CHECK(timeout_reaped_elsewhere, "proc_join_timeout on a child someone else reaped fails, never says \"still running\", records no code",
         .section = "Reaping: no zombie left")
{
    struct proc p;
    start_task(&p, child_pending_exit, NULL);
    fl_stage("reaping child %d behind proc_join_timeout's back", (int)p.pid);
    fl_reap(p.pid, "the child from proc_start");
    fl_stage("calling proc_join_timeout(p, 0.2) on child %d, which the check already reaped",
             (int)p.pid);
    errno = 0;
    int r = proc_join_timeout(&p, 0.2);
    int e = errno;
    /* Like proc_join: waitpid says ECHILD; a pidfd design's pidfd_open ESRCH. */
    FL_EXPECT(r == -1 && (e == ECHILD || e == ESRCH),
              "proc_join_timeout of a pid that is no longer the caller's child to fail like "
              "proc_join (-1, ECHILD), not to report a child still running (1)",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    int code = 12345;
    int has = proc_exitcode(&p, &code);
    FL_EXPECT(has == 0, "no exit code after a join that failed",
              "proc_exitcode returned %d with code %d", has, code);
}
