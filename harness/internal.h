/* internal.h -- what the harness's own files share and checks do not see. */
#ifndef FL_INTERNAL_H
#define FL_INTERNAL_H

#include "fl.h"

enum fl_verdict { FL_RUNNING = 0, FL_PASS, FL_FAIL, FL_SKIP };

#define FL_TIMERS 32
/* How long every process of a check must wait, untimed and unmoving,
 * before the check is called deadlocked. */
#define FL_DEADLOCK_SETTLE_S 0.2

/* The page the checker maps before it forks a check's sandbox.  The caller
 * (the check body) writes its verdict here; the checker reads it only after
 * the caller has ended, and trusts it only when the caller also ended the way
 * the harness ends it (see sandbox.c). */
struct fl_page {
    int state;                 /* enum fl_verdict */
    pid_t caller;              /* pid of the check body's process */
    char stage[200];
    char section[128];
    char expected[600];
    char observed[1400];
    char notes[1200];
    int escaped;               /* a child came back into the caller's code */
    pid_t escaped_pid;
    char escaped_stage[200];
    int caller_exit;           /* student code called exit() in the caller */
    int caller_exit_code;
    char exit_stage[200];
    int child_atexit;          /* the caller's atexit handlers ran in a child */
    pid_t child_atexit_pid;
    pid_t deliberate_exit_pid; /* fl_task_exit: this child's exit() is the check's */
    int decoy_sig;             /* the first signal the running decoy received */
    pid_t decoy_sig_from;
    /* Timers the code under test armed through the gate (inject.c), so
     * that the deadlock watch knows who will wake up by itself. */
    struct {
        pid_t pid;             /* as getpid() says inside the sandbox */
        double until;          /* fl_now() when it fires */
    } timers[FL_TIMERS];
    pid_t ceiling_pid;         /* fl_ceiling_begin: its timed wait is a ceiling */
    /* Written by the sandbox's init once the caller has ended: */
    long maxrss_kb;            /* the largest process of the check, in KB */
    int nipc;                  /* IPC objects the check left behind */
    char ipc[600];             /* ... named */
    char setup_error[200];     /* the sandbox could not be set up */
};

/* Whether two printf formats have the same conversions in the same order
 * ("%d", "%.3f", "%zu"...; "%%" is text): a translation may be used for
 * its id only then (messages.c). */
int fl_same_conversions(const char *a, const char *b);

/* fl_tr's Chinese, whatever the reader's language: for the driver, which
 * must know a text a checker wrote in Chinese. */
const char *fl_tr_zh(const char *msgid);

/* The observed texts of a timeout and of a deadlock (records.c): the
 * verdict writes them, the driver knows a hang by their first words. */
extern const char *const fl_msg_timed_out, *const fl_msg_deadlock;

/* Whether this checker runs under valgrind or with coverage counters. */
int fl_under_tool(void);

/* How checks are contained on this machine, in words ("pid namespace,
 * student code as uid N" or "session and subreaper (why)").  Decided once
 * per process by trying the namespace sandbox. */
const char *fl_sandbox_mode(void);

/* IPC objects that outlive their processes: System V shared memory, message
 * queues and semaphores (/proc/sysvipc), POSIX shared memory and semaphores
 * (/dev/shm) and message queues (mq_dir, when not NULL).  Lists those owned
 * by `uid` (every one when any_owner) into buf, removes them when `remove`,
 * and returns how many there were. */
int fl_ipc_leftovers(uid_t uid, int any_owner, const char *mq_dir, int remove, char *buf,
                     size_t size);

/* Around the body (around.c): decoys, the stdio marker, inventories. */
void fl_around_begin(const struct fl_check *c);
void fl_around_end(const struct fl_check *c);

/* Record what the harness itself started, opened or mapped in the caller,
 * so that around.c never counts it against the student. */
void fl_own_pid(pid_t pid);
void fl_own_fd(int fd);
void fl_own_map(const void *addr, size_t size);

/* The deadlock watch (deadlock.c): one per running check. */
struct fl_deadlock {
    double since;              /* when the processes were last seen moving */
    unsigned long long switches;
    int count;
};

/* Look at the processes below `init` once.  Returns 1, with who waits for
 * what described into why, when every one of them has waited for an event
 * none of them can cause for FL_DEADLOCK_SETTLE_S; else 0. */
int fl_deadlock_tick(struct fl_deadlock *dl, const struct fl_page *pg, pid_t init, char *why,
                     size_t size);

/* The check's page; set in the sandbox before the body runs. */
extern struct fl_page *fl_page;
/* The check that runs now. */
extern const struct fl_check *fl_current;

/* One check's outcome as the checker decided it. */
struct fl_outcome {
    enum fl_verdict verdict;
    char expected[600];
    char observed[2400];
    char section[128];
    char notes[1200];
    char output[4096];         /* the first of what the sandbox printed */
    size_t output_bytes;       /* all it printed */
    double seconds;
};

/* The signal that asked the checker to stop (SIGINT, SIGTERM, SIGHUP), or
 * 0: the running check's sandbox is killed and the checker ends. */
#include <signal.h>
extern volatile sig_atomic_t fl_stop_signal;

/* What the checker saw of one sandbox, from the outside (sandbox.c). */
struct fl_seen {
    int timed_out, flooded, have_status, status, interrupted, deadlocked;
    char deadlock[1400];       /* who waits for what, when deadlocked */
    int ntree;                 /* processes below init when the caller ended */
    long hwm_kb;               /* the most memory one of them has used */
    int nleft;                 /* ... of which still running */
    char leftovers[600];
    int nipc;
    char ipc[600];
    double ceiling;
};

/* The verdict policy (verdict.c): the outcome of a check from what the
 * checker saw and the page the body wrote.  o->seconds must be set. */
void fl_decide(const struct fl_check *c, const struct fl_page *pg, const struct fl_seen *w,
               struct fl_outcome *o);

/* Run check `c` in a fresh sandbox and decide its outcome.  Returns 0, or -1
 * with errno when the checker itself could not set up (fork, pipe, mmap). */
int fl_sandbox_run(const struct fl_check *c, struct fl_outcome *o);

/* The registered checks in declaration order, and how many. */
const struct fl_check *const *fl_checks(int *n);

/* Ceiling multiplier from FORKLAB_TIMEOUT_SCALE (default 1). */
double fl_timeout_scale(void);

/* Guard: if the calling process is not the check's caller, a child of the
 * student's has come back into harness code: record that and _exit. */
void fl_guard(void);

/* Cut a character that a fixed buffer cut in half off its end (UTF-8: a
 * Chinese text is three bytes a character). */
void fl_utf8_clip(char *buf);

/* Append printf output to a fixed buffer, always terminated, never ending
 * in half a character. */
void fl_appendf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Every descendant of `root` (not root itself), read from /proc; returns how
 * many were stored (at most max). */
int fl_proc_tree(pid_t root, pid_t *out, int max);

/* A pidfd for `pid`, or -1 with errno (ESRCH: no such process; ENOSYS:
 * no pidfds here, e.g. under valgrind). */
int fl_pidfd_open(pid_t pid);

/* Wait until the process behind `fd` (or, when fd < 0, `pid` as seen in
 * /proc) has exited; timeout_ms < 0 waits without a ceiling.  Returns 1 when
 * it has exited, 0 on timeout. */
int fl_pidfd_wait(int fd, pid_t pid, int timeout_ms);

/* The most resident memory `pid` has used (VmHWM), in KB; 0 when unknown. */
long fl_proc_hwm_kb(pid_t pid);

/* The command name of `pid` (/proc/PID/comm) into buf; "?" when unknown. */
void fl_proc_comm(pid_t pid, char *buf, size_t size);

#endif
