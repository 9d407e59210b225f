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

/* Words for a child's state, for messages. */
static const char *state_words(pid_t pid)
{
    if (!fl_is_unreaped_child(pid, NULL))
        return "reaped";
    return fl_proc_state(pid) == 'Z' ? "a zombie (ended, not reaped)" : "still running";
}

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

/* The task ends only once its parent is seen blocked (state S or D in
 * /proc): a join that does not wait never blocks, so it always returns
 * while the task still runs -- whatever the scheduler does.  Yields, never
 * sleeps: the parent gets the CPU it needs to reach its wait. */
static int end_once_caller_blocks(void *arg)
{
    pid_t parent = getppid();
    for (;;) {
        char st = fl_proc_state(parent);
        if (st == 'S' || st == 'D' || st == 0)
            break;
        sched_yield();
    }
    return fl_probe_task(arg);
}

FL_CHECK(join_waits, "proc_join returns only after the child has ended",
         .section = "Waiting for a child")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, end_once_caller_blocks, &a);
    fl_stage("calling proc_join (the task ends only once the caller is blocked waiting)");
    errno = 0;
    int r = proc_join(&p);
    fl_stage("checking child %d after proc_join returned", (int)p.pid);
    int running = fl_is_unreaped_child(p.pid, NULL) && fl_proc_state(p.pid) != 'Z';
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join to return 0 once the child has ended",
                     "it returned %d (errno %d: %s); child %d is %s", r, errno,
                     strerror(errno), (int)p.pid, state_words(p.pid));
    if (running || pr->nruns < 1 || !pr->runs[0].done)
        fl_fail_settled(NULL, p.pid, "the caller to continue only after the child has exited",
                     "proc_join returned 0 while child %d was still running its task: it "
                     "did not wait (waitpid without WNOHANG blocks until the end)",
                     (int)p.pid);
    FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL), "proc_join to reap the child it waited for",
              "child %d is still a zombie after proc_join returned 0", (int)p.pid);
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
                     "child %d is still %s after proc_join returned 0: seeing the end is "
                     "not reaping (no WNOWAIT, no pidfd alone: waitpid collects it)",
                     (int)p.pid, state_words(p.pid));
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
    int r1 = proc_join(&p);
    if (r1 != 0)
        fl_fail_settled(NULL, p.pid, "the first proc_join to return 0",
                     "it returned %d (errno %d: %s)", r1, errno, strerror(errno));
    pid_t other = zombie_sibling();
    fl_stage("joining child %d a second time (another child, %d, has ended unreaped)",
             (int)p.pid, (int)other);
    errno = 0;
    int r2 = proc_join(&p);
    int other_kept = fl_is_unreaped_child(other, NULL);
    if (other_kept)
        fl_reap(other, "the check's other child");
    FL_EXPECT(r2 == 0, "a second proc_join on a joined child to return 0 and change nothing",
              "it returned %d (errno %d: %s)%s", r2, errno, strerror(errno),
              errno == ECHILD ? ": it asked the kernel again about a pid it had already "
                                "reaped; remember that the child was joined" : "");
    FL_EXPECT(other_kept, "a second proc_join to leave the caller's other children alone",
              "the second proc_join reaped child %d, which was not the one in p: it waited "
              "for any child (waitpid(-1) or waitpid(0)) instead of returning at once",
              (int)other);
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

FL_CHECK(timeout_keeps_running, "proc_join_timeout waits at least the timeout and leaves a running child running",
         .section = "Waiting with a timeout")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    double want = fl_scaled(0.05);
    fl_stage("calling proc_join_timeout(p, %.3f) on child %d, held at a gate", want,
             (int)p.pid);
    errno = 0;
    double t0 = fl_now();
    int r = proc_join_timeout(&p, want);
    double took = fl_now() - t0;
    char st = fl_proc_state(p.pid);
    int ours = fl_is_unreaped_child(p.pid, NULL);
    if (r != 1)
        fl_fail_settled(pr, p.pid, "proc_join_timeout to return 1: the child still runs",
                     "it returned %d (errno %d: %s) after %.3f s; child %d is %s", r, errno,
                     strerror(errno), took, (int)p.pid, state_words(p.pid));
    if (took < want - 0.0005)
        fl_fail_settled(pr, p.pid, "proc_join_timeout to wait at least the timeout",
                     "it gave up after %.3f s, asked to wait %.3f s: one look with WNOHANG "
                     "is join(0), not join(timeout)", took, want);
    if (!ours || st == 0 || st == 'Z')
        fl_fail_settled(pr, p.pid, "the child to keep running after the timeout",
                     "child %d is %s after proc_join_timeout returned 1: the timeout must "
                     "not end the child", (int)p.pid,
                     !ours ? "reaped" : st == 'Z' ? "dead (a zombie)" : "gone");
    int code = 12345;
    if (proc_exitcode(&p, &code) != 0)
        fl_fail_settled(pr, p.pid, "proc_exitcode to return 0 (no code yet) after a timeout",
                     "it returned 1 with code %d while child %d still runs", code, (int)p.pid);
    fl_probe_release(pr, 1);
    fl_stage("joining child %d after its gate opened", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join after a timed-out join to return 0",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
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
                     "it returned %d (errno %d: %s); child %d is %s", r, errno,
                     strerror(errno), (int)p.pid, state_words(p.pid));
    fl_probe_release(pr, 1);
    fl_stage("waiting for child %d to end", (int)p.pid);
    fl_await_exit(p.pid);
    fl_stage("calling proc_join_timeout(p, 0) on child %d, which has ended", (int)p.pid);
    r = proc_join_timeout(&p, 0);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join_timeout(p, 0) to return 0 for a child that ended",
                     "it returned %d (errno %d: %s); child %d is %s", r, errno,
                     strerror(errno), (int)p.pid, state_words(p.pid));
    FL_EXPECT(!fl_is_unreaped_child(p.pid, NULL), "proc_join_timeout returning 0 to have reaped",
              "child %d is still %s", (int)p.pid, state_words(p.pid));
}

FL_CHECK(timeout_reaps, "proc_join_timeout returns 0 when the child ends, and reaps it",
         .section = "Waiting with a timeout")
{
    struct fl_probe *pr = fl_probe_new(1, 9);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    start_task(&p, fl_probe_task, &a);
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_probe_release(pr, 1);
    /* A limit far beyond the check's ceiling: only a join that returns when
     * the child ends (not when the time is up) finishes the check. */
    fl_stage("calling proc_join_timeout(p, 60) on child %d, which is ending (a join that "
             "sleeps its whole timeout before looking never returns in time)", (int)p.pid);
    errno = 0;
    int r = proc_join_timeout(&p, 60);
    if (r != 0)
        fl_fail_settled(NULL, p.pid, "proc_join_timeout to return 0 once the child has ended",
                     "it returned %d (errno %d: %s); child %d is %s", r, errno,
                     strerror(errno), (int)p.pid, state_words(p.pid));
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "no zombie after proc_join_timeout returned 0",
                     "child %d is still %s: proc_join_timeout saw the end but did not reap "
                     "the child (waitpid after the pidfd said it ended)", (int)p.pid,
                     state_words(p.pid));
    int code = -1;
    FL_EXPECT(proc_exitcode(&p, &code) == 1 && code == 9,
              "proc_exitcode to give 9 (what the task returned) after proc_join_timeout",
              "proc_exitcode returned %d with code %d: the status was not recorded",
              proc_exitcode(&p, &code), code);
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
    int c0 = code_after_join(return_arg, &zero, "a task that returns 0");
    int c7 = code_after_join(return_arg, &seven, "a task that returns 7");
    int c300 = code_after_join(exit_300, NULL, "a task that calls _exit(300)");
    const char *hint = c7 == 7 << 8 ? ": that is the raw wait status; WEXITSTATUS decodes it"
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
    int ck = code_after_join(kill_myself, &sigkill, "a task that sends itself SIGKILL");
    int ct = code_after_join(kill_myself, &sigterm, "a task that sends itself SIGTERM");

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
              ck == SIGKILL ? ": negative codes mean a signal, -WTERMSIG(status)" : "");
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
    int ca = code_after_join(crash, "abort", "a task that calls abort()");
    int cs = code_after_join(crash, NULL, "a task that gets SIGSEGV");
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
