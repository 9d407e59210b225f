/* main.c -- a lesson's checker: runs the lesson's checks, prints records.
 *
 *   check [--list] [--only ID]...
 *   check --serve          the checks named on stdin, an id a line, as they
 *                          come; a record each (the driver keeps several
 *                          of these busy at once, see driver/run.c)
 *   check --sandbox        how checks are contained here, in one line
 *
 * Each check runs in its own sandbox (sandbox.c).  The output is one record
 * a check for the driver (forklab), which renders it for people and tools:
 *   list    lesson id title points timeout section
 *   result  lesson id title points verdict seconds section expected
 *           observed notes output_bytes output */
#include "internal.h"
#include "records.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>


static const char *const verdict_names[] = {"running", "pass", "fail", "skip"};

static void put_fields(int n, const char *const *v)
{
    for (int i = 0; i < n; i++) {
        if (i)
            fputc('\t', stdout);
        fl_rec_put(stdout, v[i]);
    }
    fputc('\n', stdout);
    fflush(stdout);
}

static void print_list(const struct fl_check *c)
{
    char points[16], timeout[32];
    snprintf(points, sizeof points, "%d", c->points);
    snprintf(timeout, sizeof timeout, "%g", c->timeout_s);
    const char *v[] = {"list", c->lesson, c->id, fl_tr(c->title), points, timeout, c->section};
    put_fields(7, v);
}

static void print_result(const struct fl_check *c, const struct fl_outcome *o)
{
    char points[16], secs[32], bytes[32];
    snprintf(points, sizeof points, "%d", c->points);
    snprintf(secs, sizeof secs, "%.4f", o->seconds);
    snprintf(bytes, sizeof bytes, "%zu", o->output_bytes);
    const char *v[] = {"result", c->lesson, c->id, fl_tr(c->title), points,
                       verdict_names[o->verdict], secs, o->section, o->expected,
                       o->observed, o->notes, bytes, o->output};
    put_fields(13, v);
}

/* Answer to an id no check has (serve mode): the driver counts the check
 * as never reported, and the request as answered. */
static void print_missing(const char *lesson, const char *id)
{
    const char *v[] = {"missing", lesson, id};
    put_fields(3, v);
}

static void note_stop(int sig)
{
    fl_stop_signal = sig;
}

static int selected(const char *id, int argc, char **argv)
{
    int any = 0;
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            any = 1;
            if (!strcmp(argv[++i], id))
                return 1;
        }
    return !any;
}

/* Runs check c in its sandbox and prints its record; on a stop signal the
 * checker ends by that signal.  Returns 0, or 3 when no sandbox could be
 * set up (the driver then fails the lesson). */
static int run_one(const struct fl_check *c)
{
    struct fl_outcome o;
    if (fl_sandbox_run(c, &o) < 0) {
        fprintf(stderr, "forklab[%d]: cannot set up a sandbox for %s: %s\n", (int)getpid(),
                c->id, strerror(errno));
        return 3;
    }
    if (fl_stop_signal) {
        signal((int)fl_stop_signal, SIG_DFL);
        raise((int)fl_stop_signal);
    }
    print_result(c, &o);
    return 0;
}

/* Serve mode: the requests come on stdin, which is moved out of the way
 * first (a sandbox's init keeps descriptors 0-2 until it replaces them),
 * so that nothing below the checker can read the next id. */
static int serve(const struct fl_check *const *checks, int n)
{
    int req = fcntl(0, F_DUPFD_CLOEXEC, 10);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (req < 0 || null < 0 || dup2(null, 0) < 0)
        return 3;
    close(null);
    FILE *in = fdopen(req, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while (in && (len = getline(&line, &cap, in)) > 0) {
        line[strcspn(line, "\n")] = '\0';
        int i = 0;
        while (i < n && strcmp(checks[i]->id, line))
            i++;
        if (i == n) {
            print_missing(n ? checks[0]->lesson : "?", line);
            continue;
        }
        int rc = run_one(checks[i]);
        if (rc)
            return rc;
    }
    free(line);
    return 0;
}

int main(int argc, char **argv)
{
    int list = 0, serving = 0, n;
    const struct fl_check *const *checks = fl_checks(&n);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--list"))
            list = 1;
        else if (!strcmp(argv[i], "--sandbox")) {
            printf("%s\n", fl_sandbox_mode());
            return 0;
        }
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            i++;
        else if (!strcmp(argv[i], "--serve"))
            serving = 1;
        else {
            fprintf(stderr, "usage: %s [--list] [--only ID]... | --serve | --sandbox\n"
                            "Runs the checks of lesson %s and prints one record a check;\n"
                            "`make check` shows them for people.\n", argv[0],
                    n ? checks[0]->lesson : "?");
            return 2;
        }
    }
    /* A sandbox's output pipe may close early; the checker must live on. */
    signal(SIGPIPE, SIG_IGN);
    /* Nothing of the checker's may be read or written through /proc by
     * the processes it contains, even under the same uid (session
     * sandbox): not its output, not its memory. */
    prctl(PR_SET_DUMPABLE, 0);
    /* Ctrl-C, a kill: the running check's sandbox is killed first, since
     * the session sandbox is out of the terminal's reach. */
    struct sigaction stop = {.sa_handler = note_stop};
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGTERM, &stop, NULL);
    sigaction(SIGHUP, &stop, NULL);
    if (serving)
        return serve(checks, n);
    for (int i = 0; i < n; i++) {
        if (!selected(checks[i]->id, argc, argv))
            continue;
        if (list) {
            print_list(checks[i]);
            continue;
        }
        int rc = run_one(checks[i]);
        if (rc)
            return rc;
    }
    return 0;
}
