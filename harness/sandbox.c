/* sandbox.c -- the checker's side: run one check in a sandbox and decide.
 *
 *   checker ──fork──> init (harness only: subreaper, own session)
 *                        └──fork──> caller (the check body + student code)
 *                                      └── whatever the student starts
 *
 * The checker never runs student code.  init is a subreaper, so every
 * process the check starts -- setsid and double forks included -- stays in
 * the tree below init, where the checker finds it in /proc, reports it if
 * it outlived the check, and kills it.  init tells the checker how the
 * caller ended through a pipe; the only clock is the check's ceiling. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TREE 4096

/* In the caller: atexit handlers run on exit(), never on _exit().  The
 * harness ends the caller with _exit, so a run of this handler means
 * student code called exit() -- in the caller, or in a child that inherited
 * the handler. */
static void note_exit_call(void)
{
    if (getpid() == fl_page->caller) {
        fl_page->caller_exit = 1;
        memcpy(fl_page->exit_stage, fl_page->stage, sizeof fl_page->stage);
    } else if (__atomic_exchange_n(&fl_page->child_atexit, 1, __ATOMIC_SEQ_CST) == 0) {
        fl_page->child_atexit_pid = getpid();
    }
}

/* After the body returned: a child of the caller that is still there was
 * started by the check and never reaped. */
static void fail_on_unreaped_children(void)
{
    pid_t kids[64];
    int n = fl_proc_children(getpid(), kids, 64);
    if (n == 0)
        return;
    char list[900] = "";
    for (int i = 0; i < n; i++) {
        char comm[32];
        fl_proc_comm(kids[i], comm, sizeof comm);
        char st = fl_proc_state(kids[i]);
        fl_appendf(list, sizeof list, "%s%d (%s, %s)", i ? ", " : "", (int)kids[i], comm,
                   st == 'Z' ? "zombie: exited but never waited for" : "still running");
    }
    fl_fail("every child the check started to be waited for before the check ended",
            "%d child%s of the caller %d left behind: %s", n, n == 1 ? "" : "ren",
            (int)getpid(), list);
}

static void run_caller(const struct fl_check *c)
{
    fl_page->caller = getpid();
    fl_current = c;
    snprintf(fl_page->stage, sizeof fl_page->stage, "starting the check");
    atexit(note_exit_call);
    c->body();
    fl_guard();
    fail_on_unreaped_children();
    __atomic_store_n(&fl_page->state, FL_PASS, __ATOMIC_SEQ_CST);
    _exit(0);
}

static void run_init(const struct fl_check *c, pid_t checker, int status_fd, int out_fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != checker)
        _exit(1);
    setsid();
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    /* stdin is a pipe nobody writes to: reading it blocks, as a terminal
     * would, so "the child's stdin reads end-of-file" must be the student's
     * doing. */
    int in[2];
    if (pipe(in) < 0)
        _exit(1);
    pid_t caller = fork();
    if (caller < 0)
        _exit(1);
    if (caller == 0) {
        close(status_fd);
        dup2(in[0], 0);
        dup2(out_fd, 1);
        dup2(out_fd, 2);
        close(in[0]);
        close(in[1]);
        close(out_fd);
        run_caller(c);
    }
    close(out_fd);
    close(in[0]);
    for (;;) {
        int st;
        pid_t r = wait(&st);
        if (r == caller)
            while (write(status_fd, &st, sizeof st) < 0 && errno == EINTR)
                ;
        if (r < 0 && errno == ECHILD)
            pause();   /* nothing left to reap: the checker ends us */
    }
}

/* Kill every process below init, then init itself, and wait for each to be
 * gone.  A process that forks while we kill is caught on the next round. */
static void kill_sandbox(pid_t init)
{
    static pid_t tree[MAX_TREE];
    static int fds[MAX_TREE];
    for (int round = 0; round < 100; round++) {
        int n = fl_proc_tree(init, tree, MAX_TREE), alive = 0;
        for (int i = 0; i < n; i++) {
            if (fl_proc_state(tree[i]) == 'Z')
                continue;   /* init reaps it once its parent is gone */
            /* A pidfd pins the process: the signal cannot hit a recycled
             * pid.  Without pidfds, kill() by pid is the fallback. */
            int fd = fl_pidfd_open(tree[i]);
            if (fd >= 0)
                syscall(SYS_pidfd_send_signal, fd, SIGKILL, NULL, 0);
            else if (errno == ESRCH)
                continue;
            else
                kill(tree[i], SIGKILL);
            tree[alive] = tree[i];
            fds[alive++] = fd;
        }
        for (int i = 0; i < alive; i++) {
            fl_pidfd_wait(fds[i], tree[i], 1000);
            if (fds[i] >= 0)
                close(fds[i]);
        }
        if (alive == 0)
            break;
    }
    kill(init, SIGKILL);
    while (waitpid(init, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* Processes below init other than zombies: what outlived the caller. */
static int list_leftovers(pid_t init, char *buf, size_t size)
{
    static pid_t tree[MAX_TREE];
    int n = fl_proc_tree(init, tree, MAX_TREE), alive = 0;
    for (int i = 0; i < n; i++) {
        if (fl_proc_state(tree[i]) == 'Z' || fl_proc_state(tree[i]) == 0)
            continue;
        char comm[32];
        fl_proc_comm(tree[i], comm, sizeof comm);
        if (alive < 8)
            fl_appendf(buf, size, "%s%d (%s)", alive ? ", " : "", (int)tree[i], comm);
        alive++;
    }
    if (alive > 8)
        fl_appendf(buf, size, " and %d more", alive - 8);
    return alive;
}

static void take_output(int fd, struct fl_outcome *o)
{
    char buf[8192];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        size_t room = sizeof o->output - 1 - strlen(o->output);
        size_t k = (size_t)r < room ? (size_t)r : room;
        /* NUL bytes would cut the text short; show them as '?'. */
        char *end = o->output + strlen(o->output);
        for (size_t i = 0; i < k; i++)
            end[i] = buf[i] ? buf[i] : '?';
        end[k] = '\0';
        o->output_bytes += (size_t)r;
    }
}

static void decide(const struct fl_check *c, const struct fl_page *pg, int timed_out,
                   int have_status, int status, const char *leftovers, int nleft,
                   double ceiling, struct fl_outcome *o)
{
    snprintf(o->section, sizeof o->section, "%s", pg->section[0] ? pg->section : c->section);
    snprintf(o->notes, sizeof o->notes, "%s", pg->notes);
    o->verdict = FL_FAIL;
    if (timed_out) {
        snprintf(o->expected, sizeof o->expected, "the check to finish within its ceiling of %g s",
                 ceiling);
        snprintf(o->observed, sizeof o->observed, "timed out after %g s while %s", ceiling,
                 pg->stage);
    } else if (pg->escaped) {
        snprintf(o->expected, sizeof o->expected,
                 "a child to end with _exit after its task, never to return into the caller's code");
        snprintf(o->observed, sizeof o->observed,
                 "child %d returned into the caller's code while %s, and would have run the rest "
                 "of the caller's program a second time",
                 (int)pg->escaped_pid, pg->escaped_stage);
        snprintf(o->section, sizeof o->section, "01-processes § Ending the child");
    } else if (!have_status) {
        snprintf(o->expected, sizeof o->expected, "the check's sandbox to stay up until the check ends");
        snprintf(o->observed, sizeof o->observed,
                 "the sandbox's init process was killed from inside while %s (did the code signal "
                 "every process it could, kill(-1, ...)?)", pg->stage);
    } else if (WIFSIGNALED(status)) {
        snprintf(o->expected, sizeof o->expected, "the caller's process to survive the calls it made");
        snprintf(o->observed, sizeof o->observed, "the caller's process %d was %s while %s",
                 (int)pg->caller, fl_status_str(status), pg->stage);
    } else if (pg->state == FL_RUNNING) {
        snprintf(o->expected, sizeof o->expected,
                 "the caller's process to keep running until the check ends");
        snprintf(o->observed, sizeof o->observed, "the caller's process %d %s while %s%s",
                 (int)pg->caller, fl_status_str(status), pg->caller_exit ? pg->exit_stage : pg->stage,
                 pg->caller_exit ? ": student code called exit() in the caller (only the child may "
                                   "end, and with _exit)" : "");
        snprintf(o->section, sizeof o->section, "01-processes § Ending the child");
    } else if (pg->state == FL_FAIL) {
        snprintf(o->expected, sizeof o->expected, "%s", pg->expected);
        snprintf(o->observed, sizeof o->observed, "%s", pg->observed);
    } else if (pg->state == FL_SKIP) {
        o->verdict = FL_SKIP;
    } else if (nleft > 0) {
        snprintf(o->expected, sizeof o->expected,
                 "nothing the check started to outlive it");
        snprintf(o->observed, sizeof o->observed, "%d process%s still running after the check: %s",
                 nleft, nleft == 1 ? " was" : "es were", leftovers);
    } else {
        o->verdict = FL_PASS;
    }
}

int fl_sandbox_run(const struct fl_check *c, struct fl_outcome *o)
{
    memset(o, 0, sizeof *o);
    struct fl_page *pg = mmap(NULL, sizeof *pg, PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (pg == MAP_FAILED)
        return -1;
    memset(pg, 0, sizeof *pg);
    int st_pipe[2], out_pipe[2];
    if (pipe2(st_pipe, O_CLOEXEC) < 0)
        return -1;
    if (pipe2(out_pipe, O_CLOEXEC) < 0)
        return -1;
    double ceiling = c->timeout_s * fl_timeout_scale();
    double start = fl_now();
    fflush(NULL);
    pid_t checker = getpid();
    pid_t init = fork();
    if (init < 0)
        return -1;
    if (init == 0) {
        fl_page = pg;
        close(st_pipe[0]);
        close(out_pipe[0]);
        /* The caller and the student's processes must not inherit the
         * checker's close-on-exec flags on these two; give them plain fds. */
        int s = dup(st_pipe[1]), w = dup(out_pipe[1]);
        close(st_pipe[1]);
        close(out_pipe[1]);
        run_init(c, checker, s, w);
    }
    close(st_pipe[1]);
    close(out_pipe[1]);
    fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);

    int status = 0, have_status = 0, timed_out = 0, out_open = 1;
    for (;;) {
        double left = ceiling - (fl_now() - start);
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd fds[2] = {{.fd = st_pipe[0], .events = POLLIN},
                                {.fd = out_open ? out_pipe[0] : -1, .events = POLLIN}};
        int r = poll(fds, 2, (int)(left * 1000) + 1);
        if (r < 0 && errno != EINTR)
            break;
        if (fds[1].revents) {
            take_output(out_pipe[0], o);
            if (fds[1].revents & POLLHUP && !(fds[1].revents & POLLIN))
                out_open = 0;
        }
        if (fds[0].revents) {
            have_status = read(st_pipe[0], &status, sizeof status) == (ssize_t)sizeof status;
            break;
        }
    }
    o->seconds = fl_now() - start;
    char leftovers[600] = "";
    int nleft = have_status ? list_leftovers(init, leftovers, sizeof leftovers) : 0;
    kill_sandbox(init);
    fcntl(out_pipe[0], F_SETFL, 0);
    take_output(out_pipe[0], o);
    close(out_pipe[0]);
    close(st_pipe[0]);
    decide(c, pg, timed_out, have_status, status, leftovers, nleft, ceiling, o);
    munmap(pg, sizeof *pg);
    return 0;
}
