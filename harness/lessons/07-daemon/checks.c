/* Lesson 07 checks: daemon children and the end of the main process.
 *
 * The "main process" of these checks is a child M that the check forks: M
 * starts the children under test with the student's proc_start and, when
 * the check says so, calls proc_main_exit -- or is killed with SIGKILL.
 * M and the tasks never call the harness's fl_ functions (those belong to
 * the caller); they write what they saw into shared memory.
 *
 * What the kernel tells the check:
 * - prctl(PR_GET_PDEATHSIG), getpid(), getppid(), called by each task;
 * - who sent a task SIGTERM (si_pid in its handler);
 * - /proc/PID/status: a signal pending (a task can hold SIGTERM blocked, so
 *   "was it sent?" becomes a fact that stays, not a race);
 * - /proc/PID/syscall: M asleep in wait4/waitid, i.e. waiting for a child.
 *   A correct proc_main_exit never ends while a non-daemon child is held,
 *   so the check cannot wait for M's end; it watches M until M either
 *   sleeps in a wait or ends, and only then lets the held child go;
 * - ptrace fork events: the daemon's new process is held before its first
 *   instruction while M is killed, so the fork/prctl race happens every
 *   time (daemon_sees_parent_gone). */
#include "fl.h"
#include "daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIDS 3

/* What one task saw, written by the task itself. */
struct kid_record {
    pid_t pid, ppid;
    int pdeathsig;                 /* prctl(PR_GET_PDEATHSIG) */
    volatile int term_sig;         /* set by its SIGTERM handler */
    volatile pid_t term_from;
    volatile int late_work;        /* it went on working after its gate */
    int main_exit_rc, main_exit_errno;   /* KID_CALLS_MAIN_EXIT */
    int start_rc, start_errno;           /* KID_TRIES_START */
    pid_t start_pid;
    volatile double term_at;       /* KID_IGNORES_TERM: when SIGTERM came */
};

/* What the main process M did, and what its children saw. */
struct scene {
    int set_rc[KIDS], set_errno[KIDS];
    int start_rc[KIDS], start_errno[KIDS];
    pid_t pid[KIDS];
    int exit_rc, exit_errno, exit_returned;
    int ended[KIDS], exitcode[KIDS];   /* each struct proc after proc_main_exit */
    struct kid_record kid[KIDS];
};

enum kid_kind { KID_WORKER, KID_CALLS_MAIN_EXIT, KID_TRIES_START, KID_IGNORES_TERM };

struct kid {
    struct fl_probe_arg gate;      /* KID_WORKER: ready, then held at the gate */
    struct fl_probe_arg grand;     /* KID_TRIES_START: the task it tries to start */
    struct scene *scene;
    int slot;
    int daemon;
    int hold_sigterm;              /* keep SIGTERM pending until the gate opens */
    enum kid_kind kind;
    int term_fd;                   /* KID_IGNORES_TERM: a byte here on SIGTERM */
};

/* Wait until `fd` is readable (returns 1) or process `pid` has exited
 * (returns 0).  A pidfd says when it exits; where there is none (valgrind
 * does not know the call), /proc is watched instead. */
static int await_fd_or_exit(int fd, pid_t pid)
{
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    for (;;) {
        struct pollfd fds[2] = {{.fd = fd, .events = POLLIN}, {.fd = pfd, .events = POLLIN}};
        if (poll(fds, 2, pfd >= 0 ? -1 : 0) < 0 && errno == EINTR)
            continue;
        int readable = (fds[0].revents & POLLIN) != 0;
        char st = pfd >= 0 ? 0 : fl_proc_state(pid);
        int exited = pfd >= 0 ? (fds[1].revents & POLLIN) != 0 : st == 0 || st == 'Z' || st == 'X';
        if (readable || exited) {
            if (pfd >= 0)
                close(pfd);
            return readable;
        }
        sched_yield();
    }
}

/* ---- inside the tasks (never call fl_ functions here but the probe) ---- */

static struct kid_record *term_record;
static struct sigaction default_action;   /* zero: SIG_DFL */

static void record_sigterm(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    term_record->term_from = si->si_pid;
    term_record->term_sig = sig;
    /* Then die of it, as an unhandled SIGTERM would. */
    sigaction(sig, &default_action, NULL);
    raise(sig);
}

static int term_note_fd = -1;

/* A daemon that will not die of SIGTERM: it notes when the signal came,
 * says so on a pipe, and goes on. */
static void note_sigterm(int sig)
{
    (void)sig;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    term_record->term_at = (double)t.tv_sec + (double)t.tv_nsec / 1e9;
    term_record->term_sig = SIGTERM;
    char c = 't';
    if (write(term_note_fd, &c, 1) < 0)
        term_record->term_sig = -1;
}

static void try_to_start_a_child(struct kid *k, struct kid_record *r)
{
    struct proc g;
    proc_init(&g, fl_probe_task, &k->grand);
    errno = 0;
    r->start_rc = proc_start(&g);
    r->start_errno = errno;
    r->start_pid = g.pid;
    if (r->start_rc == 0 && g.pid > 0)
        waitpid(g.pid, NULL, 0);
}

static int kid_task(void *arg)
{
    struct kid *k = arg;
    struct kid_record *r = &k->scene->kid[k->slot];
    r->pid = getpid();
    r->ppid = getppid();
    r->pdeathsig = -1;
    prctl(PR_GET_PDEATHSIG, &r->pdeathsig);
    term_record = r;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = record_sigterm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGTERM, &sa, NULL);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    if (k->hold_sigterm)
        sigprocmask(SIG_BLOCK, &term, NULL);
    switch (k->kind) {
    case KID_CALLS_MAIN_EXIT:
        fl_probe_task(&k->gate);
        errno = 0;
        r->main_exit_rc = proc_main_exit();
        r->main_exit_errno = errno;
        return 0;
    case KID_TRIES_START:
        try_to_start_a_child(k, r);
        return 0;
    case KID_IGNORES_TERM: {
        term_note_fd = k->term_fd;
        struct sigaction ign;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = note_sigterm;
        sigaction(SIGTERM, &ign, NULL);
        sigprocmask(SIG_UNBLOCK, &term, NULL);
        fl_probe_task(&k->gate);
        for (;;)
            pause();
    }
    case KID_WORKER:
        break;
    }
    fl_probe_task(&k->gate);
    /* A SIGTERM that came while we were held is taken here. */
    sigprocmask(SIG_UNBLOCK, &term, NULL);
    r->late_work = 1;
    return 0;
}

/* ---- the main process M ---- */

static void run_main(struct scene *s, struct kid *kids, int n, int report_fd, int go_fd,
                     int calls_main_exit)
{
    struct proc p[KIDS];
    for (int i = 0; i < n; i++) {
        proc_init(&p[i], kid_task, &kids[i]);
        if (kids[i].daemon) {
            errno = 0;
            s->set_rc[i] = proc_set_daemon(&p[i], 1);
            s->set_errno[i] = errno;
        }
        errno = 0;
        s->start_rc[i] = proc_start(&p[i]);
        s->start_errno[i] = errno;
        s->pid[i] = p[i].pid;
    }
    char c = 'r';
    while (write(report_fd, &c, 1) < 0 && errno == EINTR)
        ;
    ssize_t got;
    while ((got = read(go_fd, &c, 1)) < 0 && errno == EINTR)
        ;
    if (got == 1 && calls_main_exit) {
        errno = 0;
        s->exit_rc = proc_main_exit();
        s->exit_errno = errno;
        s->exit_returned = 1;
        for (int i = 0; i < n; i++) {
            s->ended[i] = p[i].ended;
            s->exitcode[i] = p[i].exitcode;
        }
    }
    _exit(0);
}

/* ---- the caller's side ---- */

static void await_report(int fd, pid_t m)
{
    char c;
    if (await_fd_or_exit(fd, m) && read(fd, &c, 1) == 1)
        return;
    int st = fl_reap(m, "the main process");
    fl_fail("the main process to start its children and go on",
            "main process %d %s inside proc_set_daemon or proc_start", (int)m,
            fl_status_str(st));
}

/* Wait until the task in `pid` (not the caller's child) says ready;
 * `is_daemon` says whether the messages name it a daemon or a child. */
static void await_ready(struct fl_probe *p, pid_t pid, int is_daemon)
{
    fl_stage(is_daemon ? fl_tr("waiting for the task of daemon %d to start")
                       : fl_tr("waiting for the task of child %d to start"),
             (int)pid);
    char c;
    if (!await_fd_or_exit(p->ready[0], pid) || read(p->ready[0], &c, 1) != 1)
        fl_fail("the task to start in the new process",
                is_daemon ? fl_tr("daemon %d was gone before its task was ready to work")
                          : fl_tr("child %d was gone before its task was ready to work"),
                (int)pid);
}

/* Fork M, let it start the kids, and check that every start worked. */
static pid_t start_main(struct scene *s, struct kid *kids, int n, int calls_main_exit,
                        int *go_fd)
{
    int rep[2], go[2];
    if (pipe(rep) < 0 || pipe(go) < 0)
        fl_fail("pipes for the check", "pipe failed: %s", strerror(errno));
    fl_stage("starting the main process");
    fflush(NULL);
    pid_t m = fork();
    if (m < 0)
        fl_fail("a main process for the check", "fork failed: %s", strerror(errno));
    if (m == 0) {
        close(rep[0]);
        close(go[1]);
        run_main(s, kids, n, rep[1], go[0], calls_main_exit);
    }
    close(rep[1]);
    close(go[0]);
    fl_stage("waiting for main process %d to start its children", (int)m);
    await_report(rep[0], m);
    close(rep[0]);
    *go_fd = go[1];
    for (int i = 0; i < n; i++) {
        if (kids[i].daemon)
            FL_EXPECT(s->set_rc[i] == 0, "proc_set_daemon before start to return 0",
                      "in main process %d it returned %d (errno %d: %s)", (int)m,
                      s->set_rc[i], s->set_errno[i], strerror(s->set_errno[i]));
        FL_EXPECT(s->start_rc[i] == 0 && s->pid[i] > 0,
                  "proc_start to start the child",
                  kids[i].daemon ? fl_tr("in main process %d, proc_start for a daemon child "
                                         "returned %d with p->pid %d (errno %d: %s)")
                                 : fl_tr("in main process %d, proc_start for a non-daemon child "
                                         "returned %d with p->pid %d (errno %d: %s)"),
                  (int)m, s->start_rc[i], (int)s->pid[i], s->start_errno[i],
                  strerror(s->start_errno[i]));
    }
    return m;
}

static void say_go(int go_fd)
{
    char c = 'g';
    while (write(go_fd, &c, 1) < 0 && errno == EINTR)
        ;
}

static int sigterm_pending(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    unsigned long long bit = 1ULL << (SIGTERM - 1), pending = 0;
    for (const char *key = "SigPnd:"; key; key = strcmp(key, "SigPnd:") ? NULL : "ShdPnd:") {
        const char *at = strstr(buf, key);
        if (at)
            pending |= strtoull(at + strlen(key), NULL, 16);
    }
    return (pending & bit) != 0;
}

/* Watch M until it is blocked -- no CPU time and no context switch across
 * a window, whatever call it waits in (wait4, waitid, poll on pidfds,
 * sigtimedwait...) -- (returns 1), ends (returns 0), or stays busy past a
 * ceiling (returns -1: a polling loop).  With `gone` > 0, a blocked M counts
 * only once that child of M was reaped: right after it died, M may still
 * be blocked waiting for it for a moment. */
static int await_main_waiting(pid_t m, pid_t gone)
{
    double end = fl_now() + fl_scaled(2.0);
    for (;;) {
        double left = end - fl_now();
        if (left <= 0)
            return -1;
        int b = fl_await_blocked(m, 0.05, left);
        if (b < 0)
            return 0;
        if (b == 0)
            return -1;
        if (gone <= 0 || fl_proc_state(gone) == 0)
            return 1;
        sched_yield();
    }
}

static void fail_busy_main(pid_t m)
{
    fl_fail("proc_main_exit to wait blocked (on a wait, or poll on pidfds)",
            "main process %d kept running inside proc_main_exit for 2 s without ever "
            "sleeping for a whole window: a loop that keeps looking (WNOHANG, a short "
            "sleep) burns a CPU; block until something happens", (int)m);
}

/* ---- the daemon flag ---- */

FL_CHECK(daemon_flag_fixed_after_start, "the daemon flag is set before start and refused after",
         .section = "The daemon flag")
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_set_daemon(p, 0) before start");
    errno = 0;
    int r = proc_set_daemon(&p, 0);
    FL_EXPECT(r == 0, "proc_set_daemon before start to return 0",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_start");
    r = proc_start(&p);
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start to start the child",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, errno,
              strerror(errno));
    fl_stage("waiting for the task to start in child %d", (int)p.pid);
    fl_probe_await(pr, 1, p.pid);
    fl_stage("calling proc_set_daemon(p, 1) on running child %d", (int)p.pid);
    errno = 0;
    r = proc_set_daemon(&p, 1);
    int err = errno, flag = p.daemon;
    fl_stage("calling proc_start again on running child %d", (int)p.pid);
    pid_t first = p.pid;
    errno = 0;
    int again = proc_start(&p), again_err = errno;
    fl_stage("calling proc_set_daemon(NULL, 1)");
    errno = 0;
    int null_rc = proc_set_daemon(NULL, 1), null_err = errno;
    fl_probe_release(pr, 1);
    fl_reap(first, "the child");
    FL_EXPECT(again == -1 && again_err == EINVAL && p.pid == first && pr->nruns == 1,
              "proc_start on a started proc to fail with EINVAL and start nothing",
              "it returned %d (errno %d: %s); p->pid is %d (was %d); the task ran %d times",
              again, again_err, strerror(again_err), (int)p.pid, (int)first, pr->nruns);
    FL_EXPECT(null_rc == -1 && null_err == EINVAL, "proc_set_daemon(NULL, 1) to fail with EINVAL",
              "it returned %d (errno %d: %s)", null_rc, null_err, strerror(null_err));
    FL_EXPECT(r == -1 && err == EBUSY, "proc_set_daemon after start to fail with EBUSY",
              "child %d was already running and proc_set_daemon returned %d (errno %d: %s): "
              "the child was started as a non-daemon, and changing the flag now would not "
              "change how it was started", (int)p.pid, r, err, strerror(err));
    FL_EXPECT(flag == 0, "a refused proc_set_daemon to leave the flag as it was",
              "p->daemon is %d after the refused call", flag);
}

/* ---- the main process ends: proc_main_exit ---- */

struct main_exit_seen {
    struct scene *s;
    pid_t m, d, n;
    int rescued;                /* the check had to kill the daemon itself */
    int ended_while_n_held;
    int m_status;
    char n_state_after;         /* the worker's state once M was reaped */
    int n_done;
};

static void explain_unterminated(pid_t m, pid_t d, int owner)
{
    char st = fl_proc_state(d);
    if (!owner) {
        fl_note("daemon %d got no SIGTERM from proc_main_exit; the check ended it itself",
                (int)d);
        return;
    }
    if (st && st != 'Z')
        fl_fail("proc_main_exit to send SIGTERM to every daemon child before it joins any",
                "main process %d is blocked inside proc_main_exit, and daemon %d never got "
                "SIGTERM: it would wait for the daemon for ever", (int)m, (int)d);
    fl_fail("proc_main_exit to end daemon children with SIGTERM",
            "daemon %d ended without a SIGTERM (it held SIGTERM blocked, so only a signal "
            "that cannot be blocked, SIGKILL, ends it): use proc_terminate", (int)d);
}

static void main_exit_scene(struct main_exit_seen *o, int owner_ends)
{
    struct scene *s = o->s = fl_board_new(sizeof *s);
    struct fl_probe *pd = fl_probe_new(1, 0), *pn = fl_probe_new(1, 0);
    struct kid kids[KIDS] = {
        {.gate = {pd, 0}, .scene = s, .slot = 0, .daemon = 1, .hold_sigterm = 1},
        {.gate = {pn, 1}, .scene = s, .slot = 1, .daemon = 0},
    };
    int go;
    /* Two kids: a third, all zeros, would crash on its NULL scene. */
    o->m = start_main(s, kids, 2, 1, &go);
    o->d = s->pid[0];
    o->n = s->pid[1];
    await_ready(pd, o->d, 1);
    await_ready(pn, o->n, 0);
    say_go(go);
    fl_stage("main process %d is in proc_main_exit; waiting for it to wait for a child",
             (int)o->m);
    int w = await_main_waiting(o->m, 0);
    if (w < 0)
        fail_busy_main(o->m);
    if (w == 0)
        fl_fail("proc_main_exit to join every child before the main process ends",
                "main process %d ended without waiting for any child, while daemon %d and "
                "child %d still ran", (int)o->m, (int)o->d, (int)o->n);
    if (!sigterm_pending(o->d)) {
        explain_unterminated(o->m, o->d, owner_ends);
        o->rescued = 1;
        char st = fl_proc_state(o->d);
        if (st && st != 'Z')
            kill(o->d, SIGKILL);
    }
    fl_stage("letting daemon %d take its pending SIGTERM", (int)o->d);
    fl_probe_release(pd, 1);
    fl_await_exit(o->d);
    fl_stage("main process %d is in proc_main_exit; waiting for it to wait for child %d",
             (int)o->m, (int)o->n);
    w = await_main_waiting(o->m, o->d);
    if (w < 0)
        fail_busy_main(o->m);
    o->ended_while_n_held = w == 0;
    fl_stage("letting child %d finish its work", (int)o->n);
    fl_probe_release(pn, 1);
    fl_stage("waiting for main process %d to end", (int)o->m);
    o->m_status = fl_reap(o->m, "the main process");
    o->n_state_after = fl_proc_state(o->n);
    fl_await_exit(o->n);
    o->n_done = s->kid[1].late_work;
    close(go);
}

FL_CHECK(main_exit_ends_daemons, "proc_main_exit ends daemon children with SIGTERM first",
         .section = "When the main process ends", .points = 2, .timeout_s = 5, .no_valgrind = 1)
{
    struct main_exit_seen o;
    main_exit_scene(&o, 1);
    struct kid_record *d = &o.s->kid[0];
    FL_EXPECT(d->term_sig == SIGTERM && d->term_from == o.m,
              "daemon child to receive SIGTERM from the main process",
              d->term_sig ? fl_tr("daemon %d got SIGTERM from another process")
                          : fl_tr("daemon %d ended without SIGTERM"),
              (int)o.d);
    FL_EXPECT(!d->late_work, "the daemon's work after the main process ended never to happen",
              "daemon %d went on working after proc_main_exit", (int)o.d);
    FL_EXPECT(o.s->ended[0], "proc_main_exit to join the daemon with proc_join (p->ended 1)",
              "in main process %d, daemon %d has ended but its struct proc says ended 0: "
              "proc_terminate would still signal its pid, which the kernel may reuse",
              (int)o.m, (int)o.d);
    FL_EXPECT(o.s->exitcode[0] == -SIGTERM,
              "the daemon's exit code to be -15 (-N for a child killed by signal N)",
              "in main process %d, daemon %d died of SIGTERM and its struct proc says "
              "exitcode %d", (int)o.m, (int)o.d, o.s->exitcode[0]);
}

FL_CHECK(main_exit_waits_for_children, "proc_main_exit waits for non-daemon children to finish",
         .section = "When the main process ends", .points = 2, .timeout_s = 5, .no_valgrind = 1)
{
    struct main_exit_seen o;
    main_exit_scene(&o, 0);
    FL_EXPECT(!o.ended_while_n_held,
              "proc_main_exit to join non-daemon children, so their work completes",
              "main process %d ended while its non-daemon child %d was still working: "
              "proc_main_exit returned without joining it", (int)o.m, (int)o.n);
    FL_EXPECT(o.n_done, "the non-daemon child's work to complete",
              "child %d never finished its task", (int)o.n);
    FL_EXPECT(o.n_state_after == 0,
              "the main process itself to reap its non-daemon child",
              "child %d was still there when main process %d had ended", (int)o.n, (int)o.m);
    FL_EXPECT(o.s->exit_returned && o.s->exit_rc == 0, "proc_main_exit to return 0",
              "it returned %d (errno %d: %s)", o.s->exit_rc, o.s->exit_errno,
              strerror(o.s->exit_errno));
    FL_EXPECT(o.s->ended[1] && o.s->exitcode[1] == 0,
              "proc_main_exit to join the child with proc_join: p->ended 1, p->exitcode 0",
              "in main process %d, child %d ended after its task returned 0, and its "
              "struct proc says ended %d, exitcode %d", (int)o.m, (int)o.n, o.s->ended[1],
              o.s->exitcode[1]);
}

/* ---- a daemon that does not end on SIGTERM ----
 *
 * M has three children: daemon A ignores SIGTERM (it notes when it came on
 * a pipe and goes on), daemon B holds SIGTERM blocked at a gate, child N
 * is held at a gate.  While M is in its grace period the check lets B die
 * of its SIGTERM and N finish, at 0.6 of the grace: wake-ups that must not
 * restart M's clock.  A must die of SIGKILL no sooner than the grace after
 * its SIGTERM, and not much later. */
FL_CHECK(main_exit_escalates, "proc_main_exit kills a daemon that ignores SIGTERM after PROC_GRACE_MS, not sooner, not later",
         .section = "A daemon that ignores SIGTERM", .points = 2, .timeout_s = 6, .no_valgrind = 1)
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pa = fl_probe_new(0, 0), *pb = fl_probe_new(1, 0),
                    *pn = fl_probe_new(1, 0);
    int note[2];
    fl_pipe(note);
    struct kid kids[KIDS] = {
        {.gate = {pa, 0}, .scene = s, .slot = 0, .daemon = 1, .kind = KID_IGNORES_TERM,
         .term_fd = note[1]},
        {.gate = {pb, 1}, .scene = s, .slot = 1, .daemon = 1, .hold_sigterm = 1},
        {.gate = {pn, 2}, .scene = s, .slot = 2, .daemon = 0},
    };
    int go;
    pid_t m = start_main(s, kids, KIDS, 1, &go);
    pid_t a = s->pid[0], b = s->pid[1], n = s->pid[2];
    await_ready(pa, a, 1);
    await_ready(pb, b, 1);
    await_ready(pn, n, 0);
    int afd = (int)syscall(SYS_pidfd_open, a, 0);
    if (afd < 0)
        fl_fail("a pidfd for the daemon (the check needs one)", "pidfd_open(%d): %s", (int)a,
                strerror(errno));
    double grace = PROC_GRACE_MS / 1000.0;
    say_go(go);
    fl_stage("waiting for daemon %d (it ignores SIGTERM) to get its SIGTERM", (int)a);
    struct pollfd pn1 = {.fd = note[0], .events = POLLIN};
    int got = 0;
    double ceiling = fl_now() + fl_scaled(2.0);
    while (!got && fl_now() < ceiling) {
        int r = poll(&pn1, 1, (int)((ceiling - fl_now()) * 1000) + 1);
        got = r > 0;
    }
    if (!got) {
        kill(a, SIGKILL);
        fl_probe_release(pb, 1);
        fl_probe_release(pn, 1);
        kill(b, SIGKILL);
        fl_reap(m, "the main process");
        close(afd);
        fl_fail("proc_main_exit to send SIGTERM to every daemon child",
                "daemon %d got no SIGTERM within 2 s of main process %d calling "
                "proc_main_exit", (int)a, (int)m);
    }
    double t_term = s->kid[0].term_at;
    fl_stage("checking that main process %d is blocked during the grace", (int)m);
    int blocked = fl_await_blocked(m, 0.1, 0.45);
    /* The wake-ups: at 0.6 of the grace, B may take its SIGTERM, N ends. */
    fl_stage("waiting 0.6 of PROC_GRACE_MS on daemon %d's pidfd", (int)a);
    struct pollfd ap = {.fd = afd, .events = POLLIN};
    double wake_at = t_term + 0.6 * grace;
    int early = 0;
    while (fl_now() < wake_at) {
        int r = poll(&ap, 1, (int)((wake_at - fl_now()) * 1000) + 1);
        if (r > 0) {
            early = 1;
            break;
        }
    }
    double t_early = fl_now();
    fl_probe_release(pb, 1);
    fl_probe_release(pn, 1);
    fl_stage("waiting for daemon %d to be killed", (int)a);
    int dead = early;
    double limit = t_term + grace + fl_scaled(0.45);
    while (!dead) {
        double left = limit + fl_scaled(2.0) - fl_now();
        if (left <= 0)
            break;
        dead = poll(&ap, 1, (int)(left * 1000) + 1) > 0;
    }
    double t_dead = early ? t_early : fl_now();
    if (!dead)
        kill(a, SIGKILL);
    close(afd);
    fl_stage("waiting for main process %d to end", (int)m);
    fl_reap(m, "the main process");
    close(go);
    FL_EXPECT(dead, "a daemon that ignores SIGTERM to be killed with SIGKILL once the grace "
              "is over",
              "daemon %d ignored its SIGTERM and was still alive %.1f s after it: "
              "proc_main_exit must send SIGKILL after PROC_GRACE_MS (%d ms)", (int)a,
              fl_now() - t_term, PROC_GRACE_MS);
    FL_EXPECT(t_dead - t_term >= 0.75 * grace,
              "the daemon to get the whole grace (PROC_GRACE_MS) after its SIGTERM before any "
              "SIGKILL",
              "daemon %d died %.0f ms after its SIGTERM; PROC_GRACE_MS is %d", (int)a,
              (t_dead - t_term) * 1000, PROC_GRACE_MS);
    FL_EXPECT(t_dead <= limit,
              "the SIGKILL to come when the grace is over, counted from the SIGTERM: other "
              "children ending meanwhile do not restart the clock",
              "daemon %d died %.0f ms after its SIGTERM (PROC_GRACE_MS is %d; a daemon and a "
              "child ended at %.0f ms): the wait started again after a wake-up", (int)a,
              (t_dead - t_term) * 1000, PROC_GRACE_MS, 600.0 * grace);
    FL_EXPECT(blocked == 1, "main process to be blocked while it waits out the grace",
              "main process %d ran during a 0.1 s window of the grace: a polling loop "
              "(WNOHANG and a short sleep) instead of a blocking wait with a timeout", (int)m);
    FL_EXPECT(s->exit_returned && s->exit_rc == 1,
              "proc_main_exit to return 1: one daemon had to be killed with SIGKILL",
              "it returned %d (errno %d: %s)", s->exit_rc, s->exit_errno,
              strerror(s->exit_errno));
    FL_EXPECT(s->ended[0] && s->exitcode[0] == -SIGKILL && s->ended[1] &&
                  s->exitcode[1] == -SIGTERM && s->ended[2] && s->exitcode[2] == 0,
              "every struct proc joined: the killed daemon -9, the other daemon -15, the "
              "child 0",
              "ended/exitcode: daemon %d %d/%d, daemon %d %d/%d, child %d %d/%d", (int)a,
              s->ended[0], s->exitcode[0], (int)b, s->ended[1], s->exitcode[1], (int)n,
              s->ended[2], s->exitcode[2]);
    close(note[0]);
    close(note[1]);
}

static int quick_task(void *arg)
{
    (void)arg;
    return 0;
}

FL_CHECK(start_table_full, "proc_start refuses with EAGAIN once its list of children is full",
         .section = "When the main process ends")
{
    static struct proc kids[PROC_MAX_CHILDREN + 1];
    for (int i = 0; i < PROC_MAX_CHILDREN; i++) {
        proc_init(&kids[i], quick_task, NULL);
        fl_stage("calling proc_start for child %d of %d", i + 1, PROC_MAX_CHILDREN);
        errno = 0;
        int r = proc_start(&kids[i]);
        FL_EXPECT(r == 0 && kids[i].pid > 0, "proc_start to start up to PROC_MAX_CHILDREN children",
                  "proc_start for child %d returned %d (errno %d: %s)", i + 1, r, errno,
                  strerror(errno));
    }
    struct proc *extra = &kids[PROC_MAX_CHILDREN];
    proc_init(extra, quick_task, NULL);
    fl_stage("calling proc_start with %d children started and none joined", PROC_MAX_CHILDREN);
    errno = 0;
    int r = proc_start(extra);
    int err = errno;
    if (r == 0 && extra->pid > 0)
        fl_reap(extra->pid, "the child started beyond the list");
    fl_stage("calling proc_main_exit to join the %d children", PROC_MAX_CHILDREN);
    errno = 0;
    int rc = proc_main_exit();
    int exit_err = errno;
    FL_EXPECT(r == -1 && err == EAGAIN,
              "proc_start to fail with EAGAIN when PROC_MAX_CHILDREN children are not joined",
              "it returned %d (errno %d: %s): a child the list cannot hold would never be "
              "joined by proc_main_exit (or would be written past the end of the list)",
              r, err, strerror(err));
    FL_EXPECT(rc == 0, "proc_main_exit to join every child and return 0",
              "it returned %d (errno %d: %s)", rc, exit_err, strerror(exit_err));
    for (int i = 0; i < PROC_MAX_CHILDREN; i++)
        FL_EXPECT(!fl_is_unreaped_child(kids[i].pid, NULL),
                  "proc_main_exit to join every child it started",
                  "child %d (number %d of %d) was not reaped", (int)kids[i].pid, i + 1,
                  PROC_MAX_CHILDREN);
}

/* When a list is filled, for the messages: each names it in a whole
 * sentence of its own. */
enum list_when { NONE_JOINED, BEFORE_MAIN_EXIT, AFTER_MAIN_EXIT };

/* Start PROC_MAX_CHILDREN quick children into kids[], failing the check
 * when one is refused. */
static void start_full_list(struct proc *kids, enum list_when when)
{
    for (int i = 0; i < PROC_MAX_CHILDREN; i++) {
        proc_init(&kids[i], quick_task, NULL);
        fl_stage(when == NONE_JOINED
                     ? fl_tr("calling proc_start for child %d of %d (none joined)")
                 : when == BEFORE_MAIN_EXIT
                     ? fl_tr("calling proc_start for child %d of %d before proc_main_exit")
                     : fl_tr("calling proc_start for child %d of %d after proc_main_exit had "
                             "joined the first ones (its list must be empty again)"),
                 i + 1, PROC_MAX_CHILDREN);
        errno = 0;
        int r = proc_start(&kids[i]);
        int err = errno;
        FL_EXPECT(r == 0 && kids[i].pid > 0,
                  "proc_start to start up to PROC_MAX_CHILDREN children not yet joined",
                  when == NONE_JOINED
                      ? fl_tr("proc_start for child %d (none joined) returned %d (errno %d: %s)")
                  : when == BEFORE_MAIN_EXIT
                      ? fl_tr("proc_start for child %d before proc_main_exit returned %d (errno "
                              "%d: %s)")
                      : fl_tr("proc_start for child %d after proc_main_exit had joined the first "
                              "ones (its list must be empty again) returned %d (errno %d: %s)"),
                  i + 1, r, err, strerror(err));
    }
}

FL_CHECK(joined_child_frees_its_place, "a joined child no longer counts against PROC_MAX_CHILDREN",
         .section = "Your exercise: the contract")
{
    static struct proc kids[PROC_MAX_CHILDREN + 1];
    start_full_list(kids, NONE_JOINED);
    fl_stage("joining child %d", (int)kids[0].pid);
    FL_EXPECT(proc_join(&kids[0]) == 0, "proc_join to join a child of the list",
              "proc_join(child %d) failed: %s", (int)kids[0].pid, strerror(errno));
    struct proc *extra = &kids[PROC_MAX_CHILDREN];
    proc_init(extra, quick_task, NULL);
    fl_stage("calling proc_start with %d children started, one of them joined",
             PROC_MAX_CHILDREN);
    errno = 0;
    int r = proc_start(extra);
    int err = errno;
    errno = 0;
    int rc = proc_main_exit();
    int exit_err = errno;
    FL_EXPECT(r == 0 && extra->pid > 0,
              "proc_start to succeed: EAGAIN only while PROC_MAX_CHILDREN children are started "
              "and not joined",
              "with %d children started and child %d already joined, proc_start returned %d "
              "(errno %d: %s): a joined child must leave the list", PROC_MAX_CHILDREN,
              (int)kids[0].pid, r, err, strerror(err));
    FL_EXPECT(rc == 0, "proc_main_exit to join every child and return 0",
              "it returned %d (errno %d: %s)", rc, exit_err, strerror(exit_err));
}

/* A stand-in for "a process that reused a pid": a child of the check that
 * keeps any signal it gets pending, so that code which signals a pid it no
 * longer owns is seen doing it. */
struct trap {
    pid_t pid;
};

/* The stand-in blocks every signal it can: whatever is sent to it stays
 * pending, in /proc/PID/status, until the check looks.  (With handlers, a
 * signal taken off the pending set but not yet noted by its handler was
 * seen by neither look, now and then, on a loaded machine.) */
static struct trap *trap_start(void)
{
    struct trap *t = fl_board_new(sizeof *t);
    int ready[2];
    fl_pipe(ready);
    fflush(NULL);
    /* Not t->pid = fork(): the board is shared, and the child would write
     * its 0 there too. */
    pid_t pid = fork();
    FL_EXPECT(pid >= 0, "a process for the check", "fork failed: %s", strerror(errno));
    if (pid == 0) {
        sigset_t all;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, NULL);
        if (write(ready[1], "r", 1) < 0)
            _exit(1);
        for (;;)
            pause();
    }
    t->pid = pid;
    char c;
    while (read(ready[0], &c, 1) < 0 && errno == EINTR)
        ;
    close(ready[0]);
    close(ready[1]);
    return t;
}

/* Fail unless the trap is alive, unsignalled and not reaped; then end it. */
static void trap_untouched(struct trap *t, const char *what)
{
    what = fl_tr(what);
    int alive = fl_is_unreaped_child(t->pid, NULL);
    char st = fl_proc_state(t->pid);
    int sig = st == 'T' || st == 't' ? SIGSTOP : fl_proc_sigpending(t->pid);
    if (alive) {
        kill(t->pid, SIGKILL);
        fl_reap(t->pid, "the check's stand-in process");
    }
    FL_EXPECT(alive && st != 'Z' && !sig, "proc_main_exit to leave alone every process it no "
              "longer owns: a pid it reaped may already name another process",
              !alive ? fl_tr("%s: process %d (standing in for a process that reused that pid) "
                             "was reaped by it")
              : st == 'Z' ? fl_tr("%s: process %d (standing in for a process that reused that "
                                  "pid) was killed")
              : sig == SIGTERM ? fl_tr("%s: process %d (standing in for a process that reused "
                                       "that pid) was sent SIGTERM")
                               : fl_tr("%s: process %d (standing in for a process that reused "
                                       "that pid) was signalled"),
              what, (int)t->pid);
}

FL_CHECK(main_exit_forgets_children, "after proc_main_exit the process keeps track of no child",
         .section = "Your exercise: the contract")
{
    static struct proc first[PROC_MAX_CHILDREN], second[PROC_MAX_CHILDREN];
    start_full_list(first, BEFORE_MAIN_EXIT);
    fl_stage("calling proc_main_exit for the first %d children", PROC_MAX_CHILDREN);
    errno = 0;
    int rc = proc_main_exit();
    int err = errno;
    FL_EXPECT(rc == 0, "proc_main_exit to join every child and return 0",
              "it returned %d (errno %d: %s)", rc, err, strerror(err));
    /* Those structs are the caller's again: make them look like a live
     * daemon whose pid is now another process's.  A list that still held
     * them would have the next proc_main_exit signal or join it. */
    struct trap *t = trap_start();
    for (int i = 0; i < PROC_MAX_CHILDREN; i++) {
        first[i].pid = t->pid;
        first[i].ended = 0;
        first[i].daemon = 1;
    }
    start_full_list(second, AFTER_MAIN_EXIT);
    fl_stage("calling proc_main_exit for the next %d children", PROC_MAX_CHILDREN);
    errno = 0;
    rc = proc_main_exit();
    err = errno;
    trap_untouched(t, N_("the structs of children an earlier proc_main_exit had joined were "
                         "used again by the next one"));
    FL_EXPECT(rc == 0, "a second proc_main_exit to join the new children and return 0",
              "it returned %d (errno %d: %s)", rc, err, strerror(err));
    for (int i = 0; i < PROC_MAX_CHILDREN; i++)
        FL_EXPECT(second[i].ended, "proc_main_exit to join every child started since the last one",
                  "child %d was not joined (its struct proc says ended 0)", (int)second[i].pid);
}

FL_CHECK(main_exit_spares_reaped_daemons, "proc_main_exit never signals a daemon it already reaped",
         .section = "When the main process ends")
{
    struct proc d, n;
    proc_init(&d, quick_task, NULL);
    proc_init(&n, quick_task, NULL);
    FL_EXPECT(proc_set_daemon(&d, 1) == 0 && proc_start(&d) == 0 && proc_start(&n) == 0,
              "proc_set_daemon and proc_start to work", "one failed: %s", strerror(errno));
    fl_stage("joining daemon %d before proc_main_exit", (int)d.pid);
    FL_EXPECT(proc_join(&d) == 0 && d.ended, "proc_join to join the daemon",
              "proc_join(daemon %d) failed: %s", (int)d.pid, strerror(errno));
    /* Its pid is free now; say another process took it. */
    struct trap *t = trap_start();
    pid_t was = d.pid;
    d.pid = t->pid;
    fl_stage("calling proc_main_exit with daemon %d already joined", (int)was);
    errno = 0;
    int rc = proc_main_exit();
    int err = errno;
    trap_untouched(t, N_("a daemon already joined (ended 1) was treated as running"));
    FL_EXPECT(rc == 0 && n.ended, "proc_main_exit to join the other child and return 0",
              "it returned %d (errno %d: %s)", rc, err, strerror(err));
}

FL_CHECK(main_exit_joins_after_a_failure, "proc_main_exit reports the first failed join and still joins the others",
         .section = "Your exercise: the contract")
{
    struct proc kids[3];
    for (int i = 0; i < 3; i++) {
        proc_init(&kids[i], quick_task, NULL);
        errno = 0;
        int r = proc_start(&kids[i]);
        int err = errno;
        FL_EXPECT(r == 0, "proc_start to start a child", "it returned %d (errno %d: %s)", r, err,
                  strerror(err));
    }
    for (int i = 0; i < 3; i++)
        fl_await_exit(kids[i].pid);
    /* The middle child is reaped behind proc_main_exit's back: its join
     * must fail (ECHILD), and the one after it must still be joined. */
    fl_stage("reaping child %d as the check, before proc_main_exit", (int)kids[1].pid);
    fl_reap(kids[1].pid, "the middle child");
    fl_stage("calling proc_main_exit with child %d already reaped elsewhere", (int)kids[1].pid);
    errno = 0;
    int rc = proc_main_exit();
    int err = errno;
    FL_EXPECT(rc == -1 && err == ECHILD,
              "proc_main_exit to return -1 with the errno of the join that failed (ECHILD)",
              "with child %d reaped elsewhere, it returned %d (errno %d: %s)", (int)kids[1].pid,
              rc, err, strerror(err));
    for (int i = 0; i < 3; i += 2)
        FL_EXPECT(kids[i].ended && !fl_is_unreaped_child(kids[i].pid, NULL),
                  "proc_main_exit to go on joining the other children after a failed join",
                  fl_is_unreaped_child(kids[i].pid, NULL)
                      ? fl_tr("child %d was left a zombie after the join of child %d failed")
                      : fl_tr("child %d was left reaped but not recorded (ended 0) after the join "
                              "of child %d failed"),
                  (int)kids[i].pid, (int)kids[1].pid);
}

/* ---- the main process is killed ---- */

FL_CHECK(daemon_dies_with_main, "a daemon child dies when its main process is killed with SIGKILL",
         .section = "When the main process is killed", .points = 2)
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pd = fl_probe_new(1, 0);
    struct kid kids[1] = {{.gate = {pd, 0}, .scene = s, .slot = 0, .daemon = 1}};
    int go;
    pid_t m = start_main(s, kids, 1, 0, &go), d = s->pid[0];
    await_ready(pd, d, 1);
    struct kid_record *r = &s->kid[0];
    FL_EXPECT(r->ppid == m, "the daemon's parent to be the main process that started it",
              "daemon %d has parent %d; the main process is %d", (int)d, (int)r->ppid, (int)m);
    if (!(r->pdeathsig == SIGKILL || r->pdeathsig == SIGTERM)) {
        if (r->pdeathsig > 0)
            fl_fail("the daemon child to ask the kernel for SIGKILL when its parent dies "
                    "(prctl(PR_SET_PDEATHSIG, SIGKILL) in the child)",
                    "prctl(PR_GET_PDEATHSIG) in daemon %d says %d (%s): nothing would end it "
                    "when main process %d is killed", (int)d, r->pdeathsig,
                    sigabbrev_np(r->pdeathsig), (int)m);
        fl_fail("the daemon child to ask the kernel for SIGKILL when its parent dies "
                "(prctl(PR_SET_PDEATHSIG, SIGKILL) in the child)",
                "prctl(PR_GET_PDEATHSIG) in daemon %d says %d (none): nothing would end it "
                "when main process %d is killed", (int)d, r->pdeathsig, (int)m);
    }
    fl_stage("killing main process %d with SIGKILL", (int)m);
    kill(m, SIGKILL);
    fl_reap(m, "the main process");
    fl_stage("waiting for daemon %d to die after its main process %d was killed", (int)d,
             (int)m);
    fl_await_exit(d);
    FL_EXPECT(!r->late_work, "the daemon to die without working on",
              "daemon %d went on working after its main process was killed", (int)d);
    close(go);
}

/* ---- the parent dies before the daemon's request takes effect ----
 *
 * The race between fork and prctl(PR_SET_PDEATHSIG) is made to happen
 * every time: the caller traces M (ptrace, fork events), so the daemon's
 * process stops before it runs a single instruction of its own; the caller
 * kills M, then lets the daemon go. */

/* Wait until M stops at a fork event (returns the new pid) or ends
 * without forking (returns 0: its proc_start failed, and M found the go
 * pipe closed). */
static pid_t await_fork_event(pid_t m)
{
    for (;;) {
        int st;
        pid_t r = waitpid(m, &st, __WALL);
        if (r < 0 && errno == EINTR)
            continue;
        if (r != m)
            fl_fail("the main process to be the caller's child", "waitpid(%d): %s", (int)m,
                    strerror(errno));
        if (WIFSTOPPED(st) && ((st >> 8) == (SIGTRAP | (PTRACE_EVENT_FORK << 8)) ||
                               (st >> 8) == (SIGTRAP | (PTRACE_EVENT_VFORK << 8)))) {
            unsigned long child = 0;
            ptrace(PTRACE_GETEVENTMSG, m, 0, &child);
            return (pid_t)child;
        }
        if (WIFSTOPPED(st)) {
            ptrace(PTRACE_CONT, m, 0, WSTOPSIG(st) == SIGSTOP ? 0 : WSTOPSIG(st));
            continue;
        }
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
            return 0;
        fl_fail("the main process to start a daemon child",
                "main process %d %s inside proc_set_daemon or proc_start", (int)m,
                fl_status_str(st));
    }
}

static void await_stop(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, __WALL) < 0 && errno == EINTR)
        ;
}

/* Fork a main process M that starts `kid` with proc_start as soon as it
 * may, traced so that M stops when it forks.  Returns M; skips the check
 * where ptrace is refused. */
static pid_t fork_traced_main(struct scene *s, struct kid *kid)
{
    int go[2];
    if (pipe(go) < 0)
        fl_fail("a pipe for the check", "pipe failed: %s", strerror(errno));
    fflush(NULL);
    pid_t m = fork();
    if (m < 0)
        fl_fail("a main process for the check", "fork failed: %s", strerror(errno));
    if (m == 0) {
        close(go[1]);
        char c;
        while (read(go[0], &c, 1) < 0 && errno == EINTR)
            ;
        /* No report: the fork event, or M's end, says it all. */
        run_main(s, kid, 1, -1, go[0], 0);
    }
    close(go[0]);
    if (ptrace(PTRACE_SEIZE, m, 0,
               PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_EXITKILL) < 0) {
        int err = errno;
        kill(m, SIGKILL);
        fl_reap(m, "the main process");
        fl_skip("this check needs ptrace, which this machine refuses (%s)", strerror(err));
    }
    say_go(go[1]);
    close(go[1]);   /* M's next read then sees end-of-file, and M ends */
    return m;
}

static void kill_traced(pid_t m)
{
    kill(m, SIGKILL);
    for (;;) {
        int st;
        pid_t r = waitpid(m, &st, __WALL);
        if ((r == m && !WIFSTOPPED(st)) || (r < 0 && errno != EINTR))
            return;
    }
}

FL_CHECK(daemon_sees_parent_gone, "a daemon whose parent died before PR_SET_PDEATHSIG ends itself",
         .section = "When the main process is killed", .points = 2, .needs_ptrace = 1)
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pd = fl_probe_new(1, 0);
    struct kid kid = {.gate = {pd, 0}, .scene = s, .slot = 0, .daemon = 1};
    /* The caller becomes a subreaper: the orphaned daemon is adopted by it,
     * a process that is not pid 1 in either sandbox, so a daemon that
     * tests getppid() == 1 instead of comparing with its saved parent runs
     * on and is caught. */
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    pid_t m = fork_traced_main(s, &kid);
    fl_stage("waiting for main process %d to fork in proc_start", (int)m);
    pid_t d = await_fork_event(m);
    if (d == 0) {
        FL_EXPECT(s->set_rc[0] == 0, "proc_set_daemon before start to return 0",
                  "in main process %d it returned %d (errno %d: %s)", (int)m, s->set_rc[0],
                  s->set_errno[0], strerror(s->set_errno[0]));
        fl_fail("proc_start to fork a daemon child",
                "in main process %d, proc_start returned %d without forking (errno %d: %s)",
                (int)m, s->start_rc[0], s->start_errno[0], strerror(s->start_errno[0]));
    }
    fl_stage("holding daemon %d before its first instruction", (int)d);
    await_stop(d);
    fl_stage("killing main process %d while its daemon %d is held", (int)m, (int)d);
    kill_traced(m);
    fl_stage("letting daemon %d run: its parent %d is dead already", (int)d, (int)m);
    ptrace(PTRACE_DETACH, d, 0, 0);
    int ran = await_fd_or_exit(pd->ready[0], d);
    pid_t adopted = fl_proc_ppid(d);
    if (ran)
        kill(d, SIGKILL);
    if (adopted == getpid())
        fl_reap(d, "the orphaned daemon, adopted by the caller");
    else
        fl_await_exit(d);
    FL_EXPECT(!ran,
              "a daemon whose parent is already gone to end before its task runs",
              "main process %d died before daemon %d could call prctl(PR_SET_PDEATHSIG); the "
              "kernel will never send that signal, and daemon %d ran its task (its parent is "
              "now %d, the caller, a subreaper: not 1): after prctl, compare getppid() with "
              "the parent's pid saved before fork, never with 1",
              (int)m, (int)d, (int)d, (int)s->kid[0].ppid);
}

FL_CHECK(child_outlives_killed_main, "a non-daemon child outlives its killed main process",
         .section = "When the main process is killed")
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pn = fl_probe_new(1, 0);
    struct kid kids[1] = {{.gate = {pn, 0}, .scene = s, .slot = 0, .daemon = 0}};
    int go;
    pid_t m = start_main(s, kids, 1, 0, &go), n = s->pid[0];
    await_ready(pn, n, 0);
    struct kid_record *r = &s->kid[0];
    FL_EXPECT(r->pdeathsig == 0, "a non-daemon child to have no parent-death signal",
              "prctl(PR_GET_PDEATHSIG) in non-daemon child %d says %d (%s): it would die with "
              "its parent; only daemon children should", (int)n, r->pdeathsig,
              r->pdeathsig > 0 ? sigabbrev_np(r->pdeathsig) : "?");
    fl_stage("killing main process %d with SIGKILL", (int)m);
    kill(m, SIGKILL);
    fl_reap(m, "the main process");
    char st = fl_proc_state(n);
    FL_EXPECT(st && st != 'Z', "the non-daemon child to keep running after its parent died",
              st == 'Z' ? fl_tr("child %d is dead") : fl_tr("child %d is gone"), (int)n);
    pid_t adopted = fl_proc_ppid(n);
    FL_EXPECT(adopted == getppid(),
              "the orphan to be adopted by the nearest subreaper (lesson 06)",
              "child %d has parent %d; the harness's init is %d", (int)n, (int)adopted,
              (int)getppid());
    fl_stage("letting orphan %d finish its work", (int)n);
    fl_probe_release(pn, 1);
    fl_await_exit(n);
    FL_EXPECT(r->late_work, "the orphan to finish its work", "child %d never finished",
              (int)n);
    close(go);
}

/* ---- what a daemon and a child may do ---- */

FL_CHECK(daemon_has_no_children, "a daemon child cannot start children: an error, not a crash",
         .section = "A daemon has no children")
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pg = fl_probe_new(0, 0);
    struct kid k = {.grand = {pg, 9}, .scene = s, .slot = 0, .daemon = 1,
                    .kind = KID_TRIES_START};
    struct proc d;
    proc_init(&d, kid_task, &k);
    fl_stage("calling proc_set_daemon(p, 1)");
    errno = 0;
    int r = proc_set_daemon(&d, 1);
    FL_EXPECT(r == 0 && d.daemon, "proc_set_daemon before start to return 0 and set p->daemon",
              "it returned %d and p->daemon is %d (errno %d: %s)", r, d.daemon, errno,
              strerror(errno));
    fl_stage("calling proc_start for a daemon whose task calls proc_start");
    r = proc_start(&d);
    FL_EXPECT(r == 0 && d.pid > 0, "proc_start to start the daemon child",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)d.pid, errno,
              strerror(errno));
    fl_stage("waiting for daemon %d to end", (int)d.pid);
    int st = fl_reap(d.pid, "the daemon child");
    struct kid_record *rec = &s->kid[0];
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the daemon to survive its attempt to start a child",
              "daemon %d %s", (int)d.pid, fl_status_str(st));
    FL_EXPECT(rec->start_rc == -1 && rec->start_errno == EPERM,
              "proc_start in a daemon child to fail with EPERM",
              pg->nruns ? fl_tr("in daemon %d, proc_start returned %d (errno %d: %s) and the "
                                "task ran in a grandchild")
                        : fl_tr("in daemon %d, proc_start returned %d (errno %d: %s)"),
              (int)d.pid, rec->start_rc, rec->start_errno, strerror(rec->start_errno));
    FL_EXPECT(pg->nruns == 0, "no process to be started by a daemon",
              "the task ran in pid %d, a child of daemon %d", (int)pg->runs[0].pid,
              (int)d.pid);
}

FL_CHECK(child_forgets_parents_children, "a child's proc_main_exit leaves its parent's children alone",
         .section = "Whose children?")
{
    struct scene *s = fl_board_new(sizeof *s);
    struct fl_probe *pd = fl_probe_new(1, 0), *pc = fl_probe_new(1, 0);
    struct kid kids[KIDS] = {
        {.gate = {pd, 0}, .scene = s, .slot = 0, .daemon = 1, .hold_sigterm = 1},
        {.gate = {pc, 1}, .scene = s, .slot = 1, .daemon = 0, .kind = KID_CALLS_MAIN_EXIT},
    };
    int go;
    pid_t m = start_main(s, kids, 2, 1, &go), d = s->pid[0], c = s->pid[1];
    /* Both ready first: the daemon then holds SIGTERM, so a SIGTERM the
     * other child sends it stays visible in /proc. */
    await_ready(pd, d, 1);
    await_ready(pc, c, 0);
    fl_probe_release(pc, 1);
    fl_stage("waiting for child %d, which calls proc_main_exit, to end", (int)c);
    fl_await_exit(c);
    int pending = sigterm_pending(d);
    char dst = fl_proc_state(d);
    struct kid_record rc = s->kid[1];
    fl_stage("letting main process %d end", (int)m);
    say_go(go);
    fl_probe_release(pd, 1);
    fl_reap(m, "the main process");
    fl_await_exit(d);
    close(go);
    FL_EXPECT(!pending && dst && dst != 'Z',
              "proc_main_exit in a child to touch only that child's own children",
              pending ? fl_tr("child %d called proc_main_exit, and daemon %d -- its sibling, "
                              "started by main process %d before it -- got SIGTERM from it: fork "
                              "copied the main process's list of children into the child; the "
                              "child must start with an empty one")
                      : fl_tr("child %d called proc_main_exit, and daemon %d -- its sibling, "
                              "started by main process %d before it -- ended: fork copied the "
                              "main process's list of children into the child; the child must "
                              "start with an empty one"),
              (int)c, (int)d, (int)m);
    FL_EXPECT(rc.main_exit_rc == 0,
              "proc_main_exit in a child without children to return 0",
              "in child %d it returned %d (errno %d: %s)", (int)c, rc.main_exit_rc,
              rc.main_exit_errno, strerror(rc.main_exit_errno));
}

/* ---- when the kernel says no, or a signal comes ---- */

FL_CHECK(start_fork_fails, "a proc_start whose fork fails returns fork's errno and leaves nothing to join",
         .section = "Your exercise: the contract")
{
    struct fl_probe *pr = fl_probe_new(0, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc p;
    proc_init(&p, fl_probe_task, &a);
    fl_stage("calling proc_start while fork fails with EAGAIN");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p);
    int err = errno;
    fl_forks_allow(-1);
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (r == 0 && p.pid > 0)
        fl_reap(p.pid, "a child started although fork failed");
    FL_EXPECT(r == -1 && err == EAGAIN && p.pid == 0 && nk == 0 && pr->nruns == 0,
              "proc_start to return -1 with fork's errno (EAGAIN) and p->pid still 0",
              "it returned %d (errno %d: %s) with p->pid %d; %d child(ren) exist, the task "
              "ran %d time(s)", r, err, strerror(err), (int)p.pid, nk, pr->nruns);
    fl_stage("calling proc_main_exit after the failed start");
    errno = 0;
    int rc = proc_main_exit();
    err = errno;
    FL_EXPECT(rc == 0,
              "proc_main_exit to return 0: a proc whose fork failed is not one of the "
              "process's children",
              "it returned %d (errno %d: %s): the failed proc was kept in the list of "
              "children and proc_main_exit tried to join it", rc, err, strerror(err));
    fl_stage("calling proc_start again on the same proc, fork working again");
    errno = 0;
    r = proc_start(&p);
    err = errno;
    FL_EXPECT(r == 0 && p.pid > 0,
              "the proc to be startable once fork works again (it was never started)",
              "proc_start returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, err,
              strerror(err));
    fl_stage("calling proc_main_exit to join child %d", (int)p.pid);
    errno = 0;
    rc = proc_main_exit();
    err = errno;
    FL_EXPECT(rc == 0 && p.ended && !fl_is_unreaped_child(p.pid, NULL),
              "proc_main_exit to join the child and return 0",
              "it returned %d (errno %d: %s); child %d ended %d", rc, err, strerror(err),
              (int)p.pid, p.ended);
}

static int ignore_term_task(void *arg)
{
    signal(SIGTERM, SIG_IGN);
    return fl_probe_task(arg);
}

FL_CHECK(start_refuses_bad_proc, "a proc never started or without a task is refused with EINVAL, never signalled",
         .section = "Your exercise: the contract")
{
    fl_stage("calling proc_start(NULL)");
    errno = 0;
    int r = proc_start(NULL), err = errno;
    FL_EXPECT(r == -1 && err == EINVAL, "proc_start(NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, err, strerror(err));
    struct proc p;
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_start on a proc whose task is NULL");
    errno = 0;
    r = proc_start(&p);
    err = errno;
    pid_t kids[4];
    int nk = fl_proc_children(getpid(), kids, 4);
    if (r == 0 && p.pid > 0)
        fl_reap(p.pid, "a child started without a task");
    FL_EXPECT(r == -1 && err == EINVAL && p.pid == 0 && nk == 0,
              "proc_start on a proc without a task to fail with EINVAL and start nothing",
              "it returned %d (errno %d: %s) with p->pid %d and %d child(ren)", r, err,
              strerror(err), (int)p.pid, nk);
    /* The refused proc was never started: the given calls refuse it too
     * (kill(0, ...) or waitpid(0, ...) would reach the whole group). */
    fl_stage("calling proc_terminate on the proc never started (p->pid 0)");
    errno = 0;
    int t = proc_terminate(&p), terr = errno;
    fl_stage("calling proc_join on the proc never started (p->pid 0)");
    errno = 0;
    int j = proc_join(&p), jerr = errno;
    FL_EXPECT(t == -1 && terr == EINVAL,
              "proc_terminate on a proc never started to fail with EINVAL",
              "it returned %d (errno %d: %s): kill(0, SIGTERM) would signal the whole "
              "process group", t, terr, strerror(terr));
    FL_EXPECT(j == -1 && jerr == EINVAL && !p.ended,
              "proc_join on a proc never started to fail with EINVAL",
              "it returned %d (errno %d: %s), p->ended %d: waitpid(0, ...) waits for any "
              "child of the group", j, jerr, strerror(jerr), p.ended);
    fl_stage("calling proc_main_exit after the refused starts");
    errno = 0;
    int rc = proc_main_exit();
    err = errno;
    FL_EXPECT(rc == 0, "proc_main_exit to return 0: nothing was started",
              "it returned %d (errno %d: %s): a refused proc was kept in the list", rc, err,
              strerror(err));
}

/* Three daemons, one descriptor free: at most one of them can be watched
 * through a pidfd (a join may still use one at a time, as lesson 04's
 * pidfd join does).  Daemons 1 and 3 ignore SIGTERM, daemon 2 dies of it. */
FL_CHECK(main_exit_without_descriptors, "proc_main_exit ends its daemons even when descriptors run short",
         .section = "When the main process ends", .timeout_s = 5, .no_valgrind = 1)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a[3] = {{pr, 1}, {pr, 2}, {pr, 3}};
    struct proc d[3];
    for (int i = 0; i < 3; i++) {
        proc_init(&d[i], i == 1 ? fl_probe_task : ignore_term_task, &a[i]);
        FL_EXPECT(proc_set_daemon(&d[i], 1) == 0, "proc_set_daemon before start to return 0",
                  "it failed: %s", strerror(errno));
        errno = 0;
        int r = proc_start(&d[i]);
        FL_EXPECT(r == 0 && d[i].pid > 0, "proc_start to start the daemon",
                  "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    }
    fl_stage("waiting for daemons %d, %d and %d to be ready", (int)d[0].pid, (int)d[1].pid,
             (int)d[2].pid);
    fl_probe_await(pr, 3, -1);
    fl_stage("calling proc_main_exit with one descriptor free (one pidfd at most)");
    int lim = fl_fds_allow(1), lim_err = errno;
    double t0 = fl_now();
    errno = 0;
    int rc = lim < 0 ? -1 : proc_main_exit();
    int err = errno;
    double took = fl_now() - t0;
    fl_fds_allow(-1);
    int left = 0;
    for (int i = 0; i < 3; i++)
        if (fl_is_unreaped_child(d[i].pid, NULL)) {
            left = d[i].pid;
            kill(d[i].pid, SIGKILL);
        }
    if (left) {
        for (int i = 0; i < 3; i++)
            if (fl_is_unreaped_child(d[i].pid, NULL))
                fl_reap(d[i].pid, "a daemon");
        if (lim < 0)
            fl_fail("the check to limit descriptors", "setrlimit: %s", strerror(lim_err));
        fl_fail("proc_main_exit to join every daemon it started",
                "it returned %d (errno %d: %s) and daemon %d was not reaped", rc, err,
                strerror(err), (int)left);
    }
    FL_EXPECT(d[0].ended && d[0].exitcode == -SIGKILL && d[1].ended &&
                  d[1].exitcode == -SIGTERM && d[2].ended && d[2].exitcode == -SIGKILL,
              "with too few descriptors for a pidfd each, the daemons that ignore SIGTERM "
              "to be killed (-9) and the one that dies of SIGTERM to end by it (-15)",
              "daemon %d: ended %d, exitcode %d; daemon %d: ended %d, exitcode %d; daemon %d: "
              "ended %d, exitcode %d", (int)d[0].pid, d[0].ended, d[0].exitcode,
              (int)d[1].pid, d[1].ended, d[1].exitcode, (int)d[2].pid, d[2].ended,
              d[2].exitcode);
    FL_EXPECT(took >= 0.75 * PROC_GRACE_MS / 1000.0,
              "the daemons that ignore SIGTERM to get the whole grace first",
              "they were killed %.0f ms after proc_main_exit began; PROC_GRACE_MS is %d",
              took * 1000, PROC_GRACE_MS);
    FL_EXPECT(rc == 2,
              "proc_main_exit to return 2: two daemons killed; a pidfd it cannot open is no "
              "error, and the daemon that died of SIGTERM was not killed",
              "it returned %d (errno %d: %s)%s", rc, err, strerror(err),
              rc == 3 ? fl_tr(" -- it counted a SIGKILL to the daemon that had died of SIGTERM: "
                              "without a pidfd it did not see that daemon end") : "");
}

/* A handler without SA_RESTART: blocked calls of the caller end with EINTR.
 * Each signal lets the probe's gated task go, if there is one. */
static volatile sig_atomic_t sigs_caught;
static int release_fd = -1;

static void caught(int sig)
{
    (void)sig;
    sigs_caught++;
    if (release_fd >= 0 && write(release_fd, "g", 1) < 0)
        sigs_caught += 1000;
}

static void catch_usr1(int release)
{
    sigs_caught = 0;
    release_fd = release;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = caught;
    sigaction(SIGUSR1, &sa, NULL);
}

static void default_usr1(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    release_fd = -1;
}

FL_CHECK(main_exit_grace_survives_signal, "a signal during the grace neither cuts it short nor ends proc_main_exit",
         .section = "A daemon that ignores SIGTERM", .timeout_s = 5, .no_valgrind = 1)
{
    struct fl_probe *pr = fl_probe_new(1, 0);
    struct fl_probe_arg a = {pr, 1};
    struct proc d;
    proc_init(&d, ignore_term_task, &a);
    FL_EXPECT(proc_set_daemon(&d, 1) == 0, "proc_set_daemon before start to return 0",
              "it failed: %s", strerror(errno));
    errno = 0;
    int r = proc_start(&d);
    FL_EXPECT(r == 0 && d.pid > 0, "proc_start to start the daemon",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("waiting for daemon %d (it ignores SIGTERM) to be ready", (int)d.pid);
    fl_probe_await(pr, 1, d.pid);
    catch_usr1(-1);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    fl_stage("calling proc_main_exit; SIGUSR1 (a handler without SA_RESTART) comes once the "
             "caller is blocked in the grace");
    double t0 = fl_now();
    errno = 0;
    int rc = proc_main_exit();
    int err = errno;
    double took = fl_now() - t0;
    fl_reap(helper, "the check's signal helper");
    default_usr1();
    if (fl_is_unreaped_child(d.pid, NULL)) {
        kill(d.pid, SIGKILL);
        fl_fail_settled(pr, d.pid, "proc_main_exit to go on after a signal and join the daemon",
                        "after %d signal(s) it returned %d (errno %d: %s) with daemon %d "
                        "still there", (int)sigs_caught, rc, err, strerror(err), (int)d.pid);
    }
    FL_EXPECT(sigs_caught >= 1, "SIGUSR1 to reach the caller while proc_main_exit waited",
              "no signal arrived: the caller was never seen blocked");
    FL_EXPECT(took >= 0.75 * PROC_GRACE_MS / 1000.0,
              "the daemon to get the whole grace (PROC_GRACE_MS) although a signal woke the "
              "caller: an interrupted wait (EINTR) is resumed for the time left",
              "daemon %d was killed %.0f ms after proc_main_exit began; PROC_GRACE_MS is %d",
              (int)d.pid, took * 1000, PROC_GRACE_MS);
    FL_EXPECT(rc == 1 && d.ended && d.exitcode == -SIGKILL,
              "proc_main_exit to return 1 with the daemon killed by SIGKILL (exitcode -9)",
              "it returned %d (errno %d: %s); daemon %d: ended %d, exitcode %d", rc, err,
              strerror(err), (int)d.pid, d.ended, d.exitcode);
}

FL_CHECK(main_exit_join_survives_signal, "a signal while proc_main_exit joins a child does not end the join",
         .section = "When the main process ends", .timeout_s = 4)
{
    struct fl_probe *pr = fl_probe_new(1, 7);
    struct fl_probe_arg a = {pr, 1};
    struct proc n;
    proc_init(&n, fl_probe_task, &a);
    errno = 0;
    int r = proc_start(&n);
    FL_EXPECT(r == 0 && n.pid > 0, "proc_start to start the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("waiting for child %d to be ready", (int)n.pid);
    fl_probe_await(pr, 1, n.pid);
    /* The child ends only when the signal's handler opens its gate, so
     * the signal comes while the caller waits for it. */
    catch_usr1(pr->gate[1]);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    fl_stage("calling proc_main_exit; child %d ends only once SIGUSR1 (a handler without "
             "SA_RESTART) interrupted the caller's wait", (int)n.pid);
    errno = 0;
    int rc = proc_main_exit();
    int err = errno;
    fl_reap(helper, "the check's signal helper");
    int caught_n = (int)sigs_caught;
    default_usr1();
    if (fl_is_unreaped_child(n.pid, NULL))
        fl_fail_settled(pr, n.pid, "proc_main_exit to join every non-daemon child, whatever "
                        "signal the process handles meanwhile (EINTR is retried)",
                        "after %d signal(s) it returned %d (errno %d: %s) with child %d not "
                        "reaped", caught_n, rc, err, strerror(err), (int)n.pid);
    FL_EXPECT(caught_n >= 1, "SIGUSR1 to reach the caller while proc_main_exit waited",
              "no signal arrived: the caller was never seen blocked");
    FL_EXPECT(rc == 0 && n.ended && n.exitcode == 7,
              "proc_main_exit to return 0 with the child joined (exitcode 7)",
              "it returned %d (errno %d: %s); child %d: ended %d, exitcode %d", rc, err,
              strerror(err), (int)n.pid, n.ended, n.exitcode);
}
