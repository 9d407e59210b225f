/* verdict.c -- the verdict policy: from what the checker saw of a sandbox
 * and what the check body wrote, one outcome.
 *
 * The rules are a table, read top to bottom; the first that applies
 * decides.  The order is the policy: what the checker saw from the kernel
 * (a sandbox not set up, a fork bomb, a flood, a deadlock, an interruption,
 * a timeout, an escaped child, a killed init or caller, an early exit)
 * comes before anything the body wrote, because student code runs in the
 * body's process and could have written it.  Only when the caller ended
 * the harness's way does the body's verdict count, and even a pass then
 * needs nothing left behind. */
#include "internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

struct rule {
    int (*applies)(const struct fl_check *c, const struct fl_page *pg, const struct fl_seen *w);
    void (*explain)(const struct fl_check *c, const struct fl_page *pg, const struct fl_seen *w,
                    struct fl_outcome *o);
};

/* Each text is a message id, translated where it is written (fl_tr). */
#define SAY(FIELD, ...) (snprintf(o->FIELD, sizeof o->FIELD, __VA_ARGS__), fl_utf8_clip(o->FIELD))
#define RULE(NAME, WHEN)                                                                       \
    static int when_##NAME(const struct fl_check *c, const struct fl_page *pg,                \
                           const struct fl_seen *w)                                            \
    {                                                                                          \
        (void)c, (void)pg, (void)w;                                                            \
        return WHEN;                                                                           \
    }                                                                                          \
    static void say_##NAME(const struct fl_check *c, const struct fl_page *pg,                \
                           const struct fl_seen *w, struct fl_outcome *o)

RULE(setup, pg->setup_error[0] != 0)
{
    (void)c, (void)w;
    SAY(expected, fl_tr("the check's sandbox to be set up"));
    SAY(observed, fl_tr("the harness could not set up the sandbox: %s (FORKLAB_SANDBOX=session uses "
        "the plain one)"), pg->setup_error);
}

/* 9/10: without a uid of its own the ceiling counts the user's other
 * processes too, so the tree may stop a little short of it. */
RULE(fork_bomb, w->ntree >= c->max_procs * 9 / 10 && (w->timed_out || !w->have_status || w->nleft))
{
    (void)w;
    SAY(expected, fl_tr("at most %d processes at once (the check's ceiling)"), c->max_procs);
    SAY(observed, fl_tr("fork bomb: more than %d processes; the check was stopped while %s"),
        c->max_procs, pg->stage);
}

RULE(flood, w->flooded)
{
    (void)w;
    SAY(expected, fl_tr("the check's output to stay under %d KB"), c->max_output_kb);
    SAY(observed, fl_tr("output flood: more than %d KB printed while %s; the output past the cap was "
        "cut and the check stopped"), c->max_output_kb, pg->stage);
}

RULE(deadlock, w->deadlocked)
{
    (void)c;
    SAY(expected, fl_tr("the check's processes to keep making progress until the check ends"));
    SAY(observed, fl_tr(fl_msg_deadlock), pg->stage, o->seconds, w->deadlock);
}

RULE(interrupted, w->interrupted)
{
    (void)c, (void)w;
    SAY(expected, fl_tr("the check to run to its end"));
    SAY(observed, fl_tr("the checker was interrupted (signal %d) while %s; everything the check "
        "started was killed"), (int)fl_stop_signal, pg->stage);
}

RULE(timeout, w->timed_out)
{
    (void)c;
    SAY(expected, fl_tr("the check to finish within its ceiling of %g s"), w->ceiling);
    SAY(observed, fl_tr(fl_msg_timed_out), w->ceiling, pg->stage);
}

RULE(escaped, pg->escaped)
{
    (void)c, (void)w;
    SAY(expected, fl_tr("a child to end with _exit after its task, never to return into the caller's "
        "code"));
    SAY(observed, fl_tr("child %d returned into the caller's code while %s, and would have run the "
        "rest of the caller's program a second time"), (int)pg->escaped_pid, pg->escaped_stage);
    SAY(section, "01-processes § Ending the child");
}

RULE(init_killed, !w->have_status)
{
    (void)c, (void)w;
    SAY(expected, fl_tr("the check's sandbox to stay up until the check ends"));
    SAY(observed, fl_tr("the sandbox's init process was killed from inside while %s (did the code "
        "signal every process it could, kill(-1, ...)?)"), pg->stage);
}

/* Why a caller killed by a signal died, when a ceiling explains it. */
static void signal_reason(const struct fl_check *c, int sig, char *buf, size_t size)
{
    if (sig == SIGXCPU)
        snprintf(buf, size, fl_tr(" (it used up its CPU-time ceiling of %g s)"),
                 c->cpu_s * fl_timeout_scale());
    else if (sig == SIGXFSZ)
        snprintf(buf, size, fl_tr(" (it wrote a file past the size ceiling of %d KB)"),
                 c->max_file_kb);
    else if (sig == SIGKILL)
        snprintf(buf, size, "%s", fl_tr(" (by its own code: kill(-1, SIGKILL) or a kill of its "
                                        "process group would do it)"));
    else
        buf[0] = '\0';
    fl_utf8_clip(buf);
}

RULE(caller_killed, WIFSIGNALED(w->status))
{
    char why[240];
    signal_reason(c, WTERMSIG(w->status), why, sizeof why);
    SAY(expected, fl_tr("the caller's process to survive the calls it made"));
    SAY(observed, fl_tr("the caller's process %d was %s while %s%s"), (int)pg->caller,
        fl_status_str(w->status), pg->stage, why);
}

/* The caller ended, but not the harness's way: exit() or _exit() from
 * student code, before the body was over. */
RULE(caller_ended, pg->state == FL_RUNNING)
{
    (void)c;
    SAY(expected, fl_tr("the caller's process to keep running until the check ends"));
    SAY(observed, fl_tr("the caller's process %d %s while %s%s"), (int)pg->caller,
        fl_status_str(w->status), pg->caller_exit ? pg->exit_stage : pg->stage,
        pg->caller_exit ? fl_tr(": student code called exit() in the caller (only the child may "
                                "end, and with _exit)") : "");
    SAY(section, "01-processes § Ending the child");
}

RULE(body_failed, pg->state == FL_FAIL)
{
    (void)c, (void)w;
    SAY(expected, "%s", pg->expected);
    SAY(observed, "%s", pg->observed);
}

/* Granted or refused later by the checker's own measurement (sandbox.c). */
RULE(body_skipped, pg->state == FL_SKIP)
{
    (void)c, (void)pg, (void)w;
    o->verdict = FL_SKIP;
}

RULE(leftovers, w->nleft > 0)
{
    (void)c, (void)pg;
    SAY(expected, fl_tr("nothing the check started to outlive it"));
    if (w->nleft == 1)
        SAY(observed, fl_tr("1 process was still running after the check: %s"), w->leftovers);
    else
        SAY(observed, fl_tr("%d processes were still running after the check: %s"), w->nleft,
            w->leftovers);
}

RULE(ipc, w->nipc > 0)
{
    (void)c, (void)pg;
    SAY(expected, fl_tr("every IPC object the check created to be removed before it ended"));
    if (w->nipc == 1)
        SAY(observed, fl_tr("1 IPC object outlived the check (removed now): %s"), w->ipc);
    else
        SAY(observed, fl_tr("%d IPC objects outlived the check (removed now): %s"), w->nipc,
            w->ipc);
}

RULE(pass, pg->state == FL_PASS)
{
    (void)c, (void)pg, (void)w;
    o->verdict = FL_PASS;
}

#define R(NAME) {when_##NAME, say_##NAME}
static const struct rule rules[] = {
    R(setup),       R(fork_bomb),    R(flood),       R(deadlock),    R(interrupted),
    R(timeout),     R(escaped),      R(init_killed), R(caller_killed), R(caller_ended),
    R(body_failed), R(body_skipped), R(leftovers),   R(ipc),         R(pass),
};

/* What a failure's reader should also know: memory near its ceiling, IPC
 * left behind (unless the failure is that: ipc_said), the shaker's seed. */
static void annotate(const struct fl_check *c, const struct fl_page *pg, const struct fl_seen *w,
                     int ipc_said, struct fl_outcome *o)
{
    long cap_kb = (long)c->max_memory_mb * 1024;
    long used_kb = pg->maxrss_kb > w->hwm_kb ? pg->maxrss_kb : w->hwm_kb;
    if (!fl_under_tool() && used_kb >= cap_kb / 2)
        fl_appendf(o->observed, sizeof o->observed, fl_tr("; memory: a process of the check "
                   "used %ld MB of its ceiling of %ld MB, so allocations past it failed"),
                   used_kb / 1024, cap_kb / 1024);
    if (w->nipc > 0 && !ipc_said)
        fl_appendf(o->notes, sizeof o->notes, fl_tr("IPC objects left behind (removed): %s\n"),
                   w->ipc);
    const char *seed = getenv("FORKLAB_SHAKE");
    if (seed && *seed)
        fl_appendf(o->notes, sizeof o->notes, fl_tr("race shaker seed %s: `make check SHAKE=%s` "
                   "repeats these delays\n"), seed, seed);
}

void fl_decide(const struct fl_check *c, const struct fl_page *pg, const struct fl_seen *w,
               struct fl_outcome *o)
{
    snprintf(o->section, sizeof o->section, "%s", pg->section[0] ? pg->section : c->section);
    snprintf(o->notes, sizeof o->notes, "%s", pg->notes);
    o->verdict = FL_FAIL;
    const struct rule *r = rules, *end = rules + sizeof rules / sizeof rules[0];
    for (; r < end; r++)
        if (r->applies(c, pg, w)) {
            r->explain(c, pg, w, o);
            break;
        }
    if (o->verdict == FL_FAIL)
        annotate(c, pg, w, r < end && r->applies == when_ipc, o);
}
