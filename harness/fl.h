/* fl.h -- forklab's check API: what a lesson's checks.c sees.
 *
 * A check is declared once with FL_CHECK and runs in a sandbox the checker
 * forks for it (see sandbox.c): student code never runs in the checker's
 * process.  The check body is "the caller": it calls the student's functions
 * and looks at what the kernel says happened (pids, wait statuses, /proc).
 * It ends by returning (pass), by fl_fail() (fail, with a lesson section to
 * read) or by fl_skip().  Anything else -- a crash, exit() from student code,
 * a child that returns into the caller's code, a hang, a process left behind
 * -- is noticed by the harness and reported as a failure of that check. */
#ifndef FL_H
#define FL_H

#include <stddef.h>
#include <sys/types.h>

struct fl_probe;

struct fl_check {
    const char *lesson;    /* "01-processes": the build sets FL_LESSON */
    const char *id;        /* stable name: the rubric and reports use it */
    const char *title;     /* one line a student reads next to ✓ or ✗ */
    const char *section;   /* README section that teaches this behaviour */
    int points;            /* default 1 */
    double timeout_s;      /* ceiling for the whole check; default 2 s */
    void (*body)(void);
    int line;              /* declaration order within the lesson */
    /* Per-check ceilings (sandbox.c); 0 means the default in brackets.
     * Time and memory stretch with FORKLAB_TIMEOUT_SCALE. */
    int max_procs;         /* processes of the check at once [128] */
    int max_output_kb;     /* what the check may print [1024] */
    int max_memory_mb;     /* address space per process [512] */
    int max_files;         /* open files per process [256] */
    int max_file_kb;       /* size of a file it writes [16384] */
    double cpu_s;          /* CPU time per process [the timeout + 1 s] */
    /* What the harness checks around every body (around.c); a check turns
     * one off only where its lesson's contract allows what it forbids: */
    int no_decoys;         /* the code under test owns every child (a SIGCHLD
                            * reaper, lesson 06): no decoy children */
    int keeps_fds;         /* descriptors may stay open after the body */
    int keeps_maps;        /* shared mappings may stay after the body */
    /* What the machine must offer; the checker, never the body, decides a
     * skip (sandbox.c): without these the body is not run, and a body's
     * fl_skip() is honoured only for a declared need that the checker's
     * own measurement confirms the machine lacks. */
    int needs_cpus;        /* CPUs free for the check's processes at once */
    int needs_ptrace;      /* the caller may ptrace its own children */
    int no_valgrind;       /* relies on timing valgrind stretches 20-50x,
                            * or on calls it lacks (pidfd_open): make
                            * memcheck skips it, make check runs it */
};

/* ---- messages: what a learner reads, in their language (messages.c) ----
 *
 * A message's id is its English text, exactly as written in the C source;
 * harness/messages/zh/ holds the Chinese of each.  The texts given to
 * fl_stage, fl_note, fl_skip, fl_fail, fl_fail_settled, FL_EXPECT, fl_reap
 * and a check's title are ids already: the harness translates them (a
 * format before it is formatted).  A text kept elsewhere first -- in a
 * table, a variable, a helper's parameter -- is marked N_("...") where it
 * is written, so that tools/messages.py finds it, and passed through
 * fl_tr() where it is shown (unless it reaches one of the calls above). */

/* The reader's language, "zh" or "en": FORKLAB_LANG when set (zh, zh_CN,
 * en...), else zh when the first of LC_ALL, LC_MESSAGES, LANG that is set
 * starts with "zh", else en.  Decided once per process. */
const char *fl_lang(void);

/* The text of message `msgid` in the reader's language: its translation,
 * or msgid itself (English, no translation, or one whose printf
 * conversions differ from the id's).  The result lives as long as the
 * program; NULL gives NULL. */
const char *fl_tr(const char *msgid) __attribute__((format_arg(1)));

/* Marks a message id kept for later; it is translated where it is shown. */
#define N_(s) (s)

/* Register a check; called by FL_CHECK's constructor. */
void fl_register(struct fl_check *c);

#define FL_CHECK(ID, TITLE, ...)                                              \
    static void fl_body_##ID(void);                                           \
    static struct fl_check fl_decl_##ID = {                                   \
        .lesson = FL_LESSON, .id = #ID, .title = TITLE, .body = fl_body_##ID, .line = __LINE__,    \
        __VA_ARGS__};                                                          \
    __attribute__((constructor)) static void fl_reg_##ID(void)                \
    {                                                                          \
        fl_register(&fl_decl_##ID);                                            \
    }                                                                          \
    static void fl_body_##ID(void)

/* ---- verdicts (call only from a check body) ---- */

/* Fail the running check and end it.  `expected` says what the lesson asks
 * for; `observed_fmt` says what actually happened, with pids.  The check's
 * declared section is named as the place to read unless fl_section() chose
 * another one.  Does not return. */
__attribute__((noreturn, format(printf, 2, 3)))
void fl_fail(const char *expected, const char *observed_fmt, ...);

/* fl_fail, after settling what the check started: every task held at
 * probe `pr`'s gate is let go (pr may be NULL) and the caller's child `pid`
 * is reaped if it is still there (pid <= 0: none), so that a failing check
 * leaves nothing behind to blur its message.  Does not return. */
__attribute__((noreturn, format(printf, 4, 5)))
void fl_fail_settled(struct fl_probe *pr, pid_t pid, const char *expected,
                     const char *observed_fmt, ...);

/* Ask to skip the running check with a reason (e.g. the machine is busy).
 * The checker honours it only when the check declares the need
 * (needs_cpus, needs_ptrace) and its own measurement of the machine, made
 * with harness processes alone, confirms that the need is not met; else
 * the check fails.  Does not return. */
__attribute__((noreturn, format(printf, 1, 2)))
void fl_skip(const char *why_fmt, ...);

/* Fail unless COND holds. */
#define FL_EXPECT(COND, EXPECTED, ...)                                         \
    do {                                                                       \
        if (!(COND))                                                           \
            fl_fail(EXPECTED, __VA_ARGS__);                                    \
    } while (0)

/* Name what the caller is doing now.  A timeout, a crash or a child escaping
 * into the caller's code is reported "while <stage>". */
void fl_stage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Send the student to another section of the lesson than the declared one,
 * for the failure that follows. */
void fl_section(const char *section);

/* Add a line of context to the report, shown with a failure. */
void fl_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- probes: harness tasks that run inside the student's children ----
 *
 * A probe is a board in MAP_SHARED memory plus two pipes.  Its task records
 * the real getpid()/getppid() of the process it runs in (facts from the
 * kernel, not from student code), says "ready" on a pipe, and can wait at a
 * gate until the caller lets it go.  A student who reports a pid without
 * forking, or runs the task twice, is caught from these records. */

#define FL_PROBE_SLOTS 64

struct fl_run {
    pid_t pid, ppid;   /* as the kernel told the task */
    long tag;          /* the tag of the fl_probe_arg the task received */
    int done;          /* the task returned */
};

struct fl_probe {
    int nruns;                        /* runs started (atomic) */
    struct fl_run runs[FL_PROBE_SLOTS];
    int gated;                        /* tasks wait at the gate */
    int exit_code;                    /* what the task returns */
    int ready[2], gate[2];
};

struct fl_probe_arg {
    struct fl_probe *probe;
    long tag;
};

/* Make a probe in shared memory.  gated: tasks wait for fl_probe_release.
 * Returns the probe; fails the check if the kernel refuses memory or pipes. */
struct fl_probe *fl_probe_new(int gated, int exit_code);

/* The task to hand to the student's start function: arg is a
 * struct fl_probe_arg *.  Returns the probe's exit_code. */
int fl_probe_task(void *arg);

/* Wait until `n` runs in total have said ready.  If `pid` > 0 and that
 * process ends first, the check fails saying so.  Returns the run count. */
int fl_probe_await(struct fl_probe *p, int n, pid_t pid);

/* Let `n` gated tasks go. */
void fl_probe_release(struct fl_probe *p, int n);

/* ---- kernel observations ---- */

/* State letter of `pid` from /proc/PID/stat (R, S, D, Z, T...), or 0 when
 * there is no such process. */
char fl_proc_state(pid_t pid);

/* The lowest-numbered signal pending for `pid` (its own or its thread
 * group's, from /proc/PID/status), or 0 when none is or there is no such
 * process.  A kill() that returned has made its signal pending; a process
 * that blocks it keeps it there for the check to see. */
int fl_proc_sigpending(pid_t pid);

/* Parent pid of `pid` from /proc/PID/stat, or -1 when there is none. */
pid_t fl_proc_ppid(pid_t pid);

/* Whether `pid` is a child of the caller that has not been reaped yet
 * (running or zombie); never reaps it.  Writes the wait status of a dead
 * child to *status when status is not NULL and it has exited (else -1). */
int fl_is_unreaped_child(pid_t pid, int *status);

/* Reap the caller's child `pid`, failing the check with `what` in the
 * message if it is not a child.  Returns its wait status. */
int fl_reap(pid_t pid, const char *what);

/* Block until process `pid` (any process) has exited: a zombie or gone.
 * Uses a pidfd, so it never reaps. */
void fl_await_exit(pid_t pid);

/* The pid of a child in which the caller's atexit handlers ran (it ended
 * with exit() instead of _exit()), or 0 when none did so far. */
pid_t fl_child_ran_atexit(void);

/* Pids whose parent is `ppid`, read from /proc; returns how many were
 * stored in out (at most max).  The harness's own children of the caller
 * (decoys, helpers) are left out. */
int fl_proc_children(pid_t ppid, pid_t *out, int max);

/* Whether `pid` is blocked: every thread of it sleeps (state S or D) and
 * none of them ran or switched during a window of `window_s` seconds
 * (<= 0: 0.1 s), read from /proc/PID/task/TID/{stat,schedstat,status}.  A
 * polling loop (WNOHANG or read in a loop with nanosleep) wakes and runs,
 * so it is not blocked even when one sample of its state says S.
 * Returns 1 when blocked, 0 when it made progress or is runnable, -1 when
 * there is no such process (or it is a zombie). */
int fl_proc_blocked(pid_t pid, double window_s);

/* Wait until fl_proc_blocked(pid, window_s) holds, at most `ceiling_s`
 * (scaled by FORKLAB_TIMEOUT_SCALE).  Returns 1 when it is blocked, 0 when
 * the ceiling passed first, -1 when the process ended. */
int fl_await_blocked(pid_t pid, double window_s, double ceiling_s);

/* ---- what the harness checks around every check body (around.c) ----
 *
 * Before the body runs, the caller is given two decoy children it never
 * started (one zombie, one running) and a stdio stream with unflushed text;
 * its descriptors and shared mappings are listed.  After the body returns,
 * the check fails when: a decoy was reaped, signalled or stopped (the code
 * waited for or signalled a process it did not start: wait(), waitpid(-1),
 * kill(0), kill(-1)); the caller's atexit handlers ran in a child, or a
 * child flushed the caller's stdio buffers a second time (exit() instead
 * of _exit(), promise 8); a descriptor or shared mapping made during the
 * body is still there (unless the check declares keeps_fds / keeps_maps).
 * Harness-owned children, descriptors and mappings are never counted:
 * fl_proc_children() leaves the decoys out.  A check body must therefore
 * never wait for "any child" itself. */

/* Memory shared by the caller and every child forked after this call
 * (MAP_SHARED), zeroed: where tasks in the student's children record what
 * they saw.  Owned by the harness (never counted as a leak).  Fails the
 * check if the kernel refuses. */
void *fl_board_new(size_t size);

/* A pipe (O_CLOEXEC) owned by the check, not the student: never counted as
 * a leaked descriptor.  Fails the check if the kernel refuses. */
void fl_pipe(int fds[2]);

/* Whether descriptor `fd` of this process is the harness's own (probes,
 * fl_pipe, the stdio marker) or a tool's (valgrind's logs): a check that
 * lists a process's descriptors itself leaves these out. */
int fl_fd_is_harness(int fd);

/* Whether `pid` is one of the harness's own children of the caller (a
 * decoy or a helper from fl_signal_when_blocked). */
int fl_is_harness_child(pid_t pid);

/* End the current process with exit(code) from inside a task on purpose:
 * the caller's atexit handlers run in this child without that counting as
 * the student's mistake.  For tasks that check exit(n) -> n. */
__attribute__((noreturn)) void fl_task_exit(int code);

/* Descriptors of the caller now open that were not open when the body
 * started and that the harness does not own, described ("fd 5 (pipe end,
 * pipe:[1234])", "; "-separated) into buf; returns how many.  For checks
 * that look at one call at a time (e.g. after a *_free). */
int fl_fds_new_since_start(char *buf, size_t size);

/* Shared mappings (MAP_SHARED, memfd, shm) of the caller that were not
 * there when the body started and that the harness does not own, every
 * page of them, described into buf; returns how many ranges. */
int fl_maps_new_since_start(char *buf, size_t size);

/* Descriptors open in process `pid` (any process the caller may inspect),
 * described into buf like fl_fds_new_since_start, 0, 1 and 2 left out;
 * returns how many, or -1 when /proc/PID/fd cannot be read. */
int fl_fds_of(pid_t pid, char *buf, size_t size);

/* ---- failure injection (inject.c) ---- */

/* From now on, the next `n` process creations by the code under test
 * succeed and every later one fails with EAGAIN, as when the process limit
 * is reached: fork, vfork, clone, posix_spawn and posix_spawnp in the
 * student's objects go through the harness's gate (the build renames
 * them).  Children inherit the gate as it is when they are forked.
 * n < 0 opens the gate again. */
void fl_forks_allow(int n);

/* The same for memory: the next `n` allocations by the student's code
 * (malloc, calloc, realloc, strdup, mmap) succeed and every later one fails
 * (NULL or MAP_FAILED, errno ENOMEM) until fl_allocs_allow(-1).  Process
 * local, inherited at fork like fl_forks_allow.  The harness's own
 * allocations never go through it. */
void fl_allocs_allow(int n);

/* Let the caller open exactly `n` more descriptors (RLIMIT_NOFILE set just
 * above its n lowest free descriptor numbers); pipe() then needs 2.
 * n < 0 restores the check's ceiling.  Returns 0 or -1 with errno. */
int fl_fds_allow(int n);

/* Start a harness helper that waits (at most `ceiling_s`, scaled) until
 * `target` is blocked (fl_proc_blocked), then sends it `sig` once, and
 * ends.  Returns the helper's pid (a child of the caller that
 * fl_proc_children leaves out); reap it with fl_reap.  For "EINTR is
 * retried" and "interrupted calls report EINTR": install a handler for sig
 * without SA_RESTART first. */
pid_t fl_signal_when_blocked(pid_t target, int sig, double ceiling_s);

/* Mark a wait of the caller's own that is only a ceiling (e.g. a poll
 * with a timeout while student code runs in another process): until
 * fl_ceiling_end(), the deadlock watch counts the caller as waiting for
 * ever, so a deadlock among the other processes is reported at once
 * instead of when the ceiling runs out.  A timed wait whose timing the
 * check relies on is not a ceiling. */
void fl_ceiling_begin(void);
void fl_ceiling_end(void);

/* Monotonic clock in seconds. */
double fl_now(void);

/* Describe a wait status in words: "exited with 3", "killed by SIGTERM". */
const char *fl_status_str(int status);

/* Seconds, scaled by FORKLAB_TIMEOUT_SCALE, for a duration a check waits on
 * purpose (e.g. a join timeout). */
double fl_scaled(double seconds);

#endif
