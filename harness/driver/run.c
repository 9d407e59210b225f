/* run.c -- run lessons' checkers, several at once, and settle their results.
 *
 * Each lesson's checker is a separate program printing one record a check
 * (harness/main.c).  Up to opt.jobs run at once; their records are read as
 * they come (poll) and handed to the renderer in lesson order, the first
 * unfinished lesson live, the others as soon as every lesson before them
 * is done.  A lesson named in opt.alone (12-parallelism measures how many
 * CPUs its children get) runs while nothing else runs, so the other
 * checkers do not steal its cores. */
#include "driver.h"
#include "../records.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const lstatus_names[] = {"ran", "build-failed", "missing", "crashed"};
char sandbox_words[400] = "unknown";

/* A record is at most a few KB; a longer line is not one. */
#define MAX_RECORD 65536

/* The runner's view of a running checker's output. */
struct feed {
    int fd;
    char *buf;
    size_t len, cap;
    int skipping;         /* inside an over-long line, dropped to its end */
};

/* Whether path names anything. */
static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The kit's declaration of check id in l, or NULL. */
static const struct decl *declared(const struct lesson *l, const char *id)
{
    for (int i = 0; i < l->nd; i++)
        if (!strcmp(l->d[i].id, id))
            return &l->d[i];
    return NULL;
}

/* l's result for check id so far, or NULL. */
static const struct result *result_of(const struct lesson *l, const char *id)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->r[i].id, id))
            return &l->r[i];
    return NULL;
}

/* Whether --only (if given) selects check id. */
static int selected(const char *id)
{
    if (!opt.only)
        return 1;
    for (int i = 0; i < opt.nonly; i++)
        if (!strcmp(opt.only[i], id))
            return 1;
    return 0;
}

/* A record counts only for a check the kit declares, once, with the kit's
 * title, points and section: a checker cannot add checks or change what
 * one is worth. */
static int add_result(struct lesson *l, char **f)
{
    const struct decl *d = declared(l, f[2]);
    if (!d || result_of(l, f[2]))
        return 0;
    l->r = realloc(l->r, sizeof *l->r * (size_t)(l->n + 1));
    struct result *r = &l->r[l->n++];
    r->id = strdup(d->id);
    r->title = strdup(d->title);
    r->points = d->points;
    r->verdict = strdup(!strcmp(f[5], "pass") || !strcmp(f[5], "skip") ? f[5] : "fail");
    r->seconds = atof(f[6]);
    r->section = strdup(f[7]);
    r->expected = strdup(f[8]);
    r->observed = strdup(f[9]);
    r->notes = strdup(f[10]);
    r->output_bytes = atol(f[11]);
    r->output = strdup(f[12]);
    return 1;
}

/* A failed result for declared check d that no checker record settled. */
static void add_failed(struct lesson *l, const struct decl *d, const char *expected,
                       const char *observed)
{
    l->r = realloc(l->r, sizeof *l->r * (size_t)(l->n + 1));
    struct result *r = &l->r[l->n++];
    memset(r, 0, sizeof *r);
    r->id = strdup(d->id);
    r->title = strdup(d->title);
    r->points = d->points;
    r->verdict = strdup("fail");
    r->section = strdup(d->section);
    r->expected = strdup(expected);
    r->observed = strdup(observed);
    r->notes = strdup("");
    r->output = strdup("");
}

/* Starts bin with args, its stdout on a pipe; returns the read end, or -1. */
static int spawn(const char *bin, char *const *args, pid_t *pid)
{
    int p[2];
    if (pipe(p) < 0)
        return -1;
    fflush(NULL);
    *pid = fork();
    if (*pid < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (*pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execv(bin, args);
        fprintf(stderr, "forklab: cannot run %s: %s\n", bin, strerror(errno));
        _exit(127);
    }
    close(p[1]);
    return p[0];
}

/* The lesson's checks as the kit declares them: KIT/lessons/L/list is
 * linked from the kit's checks alone (no student code), so it answers even
 * when the student's code did not build; FORKLAB_DECLARED names another
 * list (hidden checks).  --only keeps the ones named. */
void load_declared(struct lesson *l)
{
    char bin[8300];
    /* Checks of another origin (an instructor's hidden ones) bring their
     * own list; the grader names it. */
    const char *own = getenv("FORKLAB_DECLARED");
    if (own && *own)
        snprintf(bin, sizeof bin, "%s", own);
    else
        snprintf(bin, sizeof bin, "%s/lessons/%s/list", opt.kit, l->name);
    pid_t pid;
    char *args[] = {bin, "--list", NULL};
    int fd = access(bin, X_OK) < 0 ? -1 : spawn(bin, args, &pid);
    if (fd < 0)
        return;
    FILE *in = fdopen(fd, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n')
            line[len - 1] = '\0';
        char *f[FL_MAX_FIELDS];
        if (fl_rec_split(line, f) == 7 && !strcmp(f[0], "list") && selected(f[2])) {
            l->d = realloc(l->d, sizeof *l->d * (size_t)(l->nd + 1));
            struct decl *d = &l->d[l->nd++];
            d->id = strdup(f[2]);
            d->title = strdup(f[3]);
            d->points = atoi(f[4]);
            d->section = strdup(f[6]);
        }
    }
    free(line);
    fclose(in);
    waitpid(pid, NULL, 0);
}

/* Every declared check without a result fails: the lesson did not build,
 * its checker crashed or was killed (then even what it reported before
 * counts for nothing: a checker that dies is not trusted), or a record is
 * missing. */
static void settle(struct lesson *l)
{
    const char *expected = "the lesson's checks to run", *observed;
    char why[600];
    if (l->status == CRASHED) {
        expected = "the lesson's checker to run to its end";
        observed = l->log ? l->log : "the checker crashed";
        for (int i = 0; i < l->n; i++)
            if (strcmp(l->r[i].verdict, "fail")) {
                free(l->r[i].verdict);
                l->r[i].verdict = strdup("fail");
                free(l->r[i].observed);
                l->r[i].observed = strdup(observed);
                free(l->r[i].expected);
                l->r[i].expected = strdup(expected);
            }
    } else if (l->status == BUILD_FAILED) {
        observed = "your code did not build, so this check could not run (the messages are above)";
    } else if (l->status == MISSING) {
        snprintf(why, sizeof why, "there is no %s/%s", opt.work, l->name);
        observed = why;
    } else {
        observed = "the lesson's checker never reported this check";
    }
    for (int i = 0; i < l->nd; i++)
        if (!result_of(l, l->d[i].id))
            add_failed(l, &l->d[i], expected, observed);
    l->done = 1;
}

/* Reads what a lesson's log and checker say before it starts: its status
 * when it cannot run (settled at once), else its running checker. */
static void start_lesson(struct lesson *l, struct feed *fd)
{
    char bin[4200], log[4200];
    snprintf(bin, sizeof bin, "%s/check", l->dir);
    snprintf(log, sizeof log, "%s/build.log", l->dir);
    l->log = slurp(log, 16384);
    if (!exists(bin)) {
        l->status = l->log ? BUILD_FAILED : MISSING;
        settle(l);
        return;
    }
    l->status = RAN;
    char **args = calloc((size_t)(2 + 2 * opt.nonly), sizeof *args);
    int k = 0;
    args[k++] = bin;
    for (int i = 0; i < opt.nonly; i++) {
        args[k++] = "--only";
        args[k++] = opt.only[i];
    }
    memset(fd, 0, sizeof *fd);
    fd->fd = spawn(bin, args, &l->pid);
    free(args);
    if (fd->fd < 0) {
        l->status = CRASHED;
        l->log = strdup(strerror(errno));
        l->pid = 0;
        settle(l);
    }
}

/* One line of a checker's output. */
static void take_line(struct lesson *l, char *line)
{
    char *f[FL_MAX_FIELDS];
    if (fl_rec_split(line, f) == 13 && !strcmp(f[0], "result"))
        add_result(l, f);
}

/* Reads what is there; returns 0 at end-of-file. */
static int feed_read(struct lesson *l, struct feed *fd)
{
    if (fd->cap - fd->len < 8192) {
        fd->cap = fd->cap ? fd->cap * 2 : 16384;
        fd->buf = realloc(fd->buf, fd->cap);
    }
    ssize_t got = read(fd->fd, fd->buf + fd->len, fd->cap - fd->len - 1);
    if (got < 0 && errno == EINTR)
        return 1;
    if (got <= 0)
        return 0;
    fd->len += (size_t)got;
    char *start = fd->buf, *nl;
    while ((nl = memchr(start, '\n', fd->len - (size_t)(start - fd->buf)))) {
        *nl = '\0';
        if (!fd->skipping && nl - start <= MAX_RECORD)
            take_line(l, start);
        fd->skipping = 0;
        start = nl + 1;
    }
    fd->len -= (size_t)(start - fd->buf);
    memmove(fd->buf, start, fd->len);
    if (fd->len > MAX_RECORD) {   /* no record is this long: drop it */
        fd->len = 0;
        fd->skipping = 1;
    }
    return 1;
}

/* ---- strays: what a dead checker's sandbox left ----
 *
 * A checker killed from inside its session sandbox (same uid, no
 * namespaces) takes its init and caller along (PDEATHSIG), but the
 * student's own processes outlive them.  The driver is a subreaper, so
 * they are adopted here instead of by the machine's init: every child of
 * the driver that is not a running checker is such a stray, killed and
 * reaped with whatever it started. */

static struct lesson *all_lessons;
static int n_lessons;

static int is_running_checker(pid_t pid)
{
    for (int i = 0; i < n_lessons; i++)
        if (all_lessons[i].pid == pid)
            return 1;
    return 0;
}

/* The driver's children now, by /proc; returns how many were stored. */
static int my_children(pid_t *out, int max)
{
    DIR *d = opendir("/proc");
    int n = 0;
    pid_t me = getpid();
    for (struct dirent *e; d && n < max && (e = readdir(d));) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || pid <= 0)
            continue;
        char path[64], buf[512];
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        FILE *f = fopen(path, "re");
        if (!f)
            continue;
        size_t k = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[k] = '\0';
        char *tail = strrchr(buf, ')');
        if (tail && tail[1] && tail[2] && atoi(tail + 4) == me)
            out[n++] = (pid_t)pid;
    }
    if (d)
        closedir(d);
    return n;
}

static void kill_strays(void)
{
    for (int round = 0; round < 100; round++) {
        pid_t kids[256];
        int n = my_children(kids, 256), killed = 0;
        for (int i = 0; i < n; i++)
            if (!is_running_checker(kids[i])) {
                kill(kids[i], SIGKILL);
                while (waitpid(kids[i], NULL, 0) < 0 && errno == EINTR)
                    ;
                killed++;
            }
        if (!killed)
            return;
    }
}

/* The checker closed its output: how it ended decides whether its
 * records count. */
static void finish_lesson(struct lesson *l, struct feed *fd)
{
    close(fd->fd);
    free(fd->buf);
    fd->buf = NULL;
    int st = 0;
    while (waitpid(l->pid, &st, 0) < 0 && errno == EINTR)
        ;
    l->pid = 0;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        kill_strays();
        l->status = CRASHED;
        char buf[4400];
        snprintf(buf, sizeof buf, "the lesson's checker %s/check ended abnormally (%s %d) after "
                 "%d checks", l->dir, WIFEXITED(st) ? "exit status" : "signal",
                 WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st), l->n);
        free(l->log);
        l->log = strdup(buf);
    }
    settle(l);
}

/* Whether l must run while no other checker runs (--alone). */
static int is_alone(const struct lesson *l)
{
    for (int i = 0; i < opt.nalone; i++)
        if (!strcmp(opt.alone[i], l->name))
            return 1;
    return 0;
}

/* Hands the renderer everything that is ready, in lesson order. */
struct pump {
    int head;             /* the first lesson not yet ended */
    int begun;            /* begin sent for head */
    int sent;             /* head's results sent */
};

/* Sends the renderer every event that is ready, in lesson order: the
 * first unfinished lesson's new results, and whole lessons once every
 * lesson before them has ended. */
static void pump(struct lesson *ls, int n, const struct renderer *rd, struct pump *p)
{
    while (p->head < n) {
        struct lesson *l = &ls[p->head];
        if (!p->begun && (l->pid || l->done)) {
            rd->begin(l);
            p->begun = 1;
        }
        if (!p->begun)
            return;
        for (; p->sent < l->n && !(l->status == CRASHED && !l->done); p->sent++)
            rd->result(l, &l->r[p->sent]);
        if (!l->done)
            return;
        rd->end(l, p->head + 1);
        p->head++;
        p->begun = p->sent = 0;
    }
}

/* See driver.h. */
void run_lessons(struct lesson *ls, int n, const struct renderer *rd)
{
    all_lessons = ls;
    n_lessons = n;
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    struct feed *feeds = calloc((size_t)n, sizeof *feeds);
    int *order = calloc((size_t)n, sizeof *order), k = 0;
    for (int pass = 0; pass < 2; pass++)   /* the alone ones last */
        for (int i = 0; i < n; i++)
            if (is_alone(&ls[i]) == pass)
                order[k++] = i;
    struct pump p = {0, 0, 0};
    int next = 0, running = 0, alone_running = 0;
    rd->start(ls, n);
    for (;;) {
        while (next < n && running < (opt.jobs > 0 ? opt.jobs : 1) && !alone_running) {
            struct lesson *l = &ls[order[next]];
            if (is_alone(l) && running > 0)
                break;
            start_lesson(l, &feeds[order[next]]);
            next++;
            if (l->pid) {
                running++;
                alone_running = is_alone(l);
            }
        }
        pump(ls, n, rd, &p);
        if (running == 0 && next == n)
            break;
        struct pollfd *pfd = calloc((size_t)n, sizeof *pfd);
        int *who = calloc((size_t)n, sizeof *who), np = 0;
        for (int i = 0; i < n; i++)
            if (ls[i].pid) {
                pfd[np] = (struct pollfd){.fd = feeds[i].fd, .events = POLLIN};
                who[np++] = i;
            }
        if (poll(pfd, (nfds_t)np, -1) > 0)
            for (int j = 0; j < np; j++)
                if (pfd[j].revents && !feed_read(&ls[who[j]], &feeds[who[j]])) {
                    finish_lesson(&ls[who[j]], &feeds[who[j]]);
                    running--;
                    alone_running = 0;
                }
        free(pfd);
        free(who);
    }
    pump(ls, n, rd, &p);
    kill_strays();
    free(feeds);
    free(order);
}

/* How the checkers contain student code, as the first checker that exists
 * says (check --sandbox).  The driver says it once; its checkers, told by
 * FORKLAB_SANDBOX_SAID, stay quiet. */
void ask_sandbox(struct lesson *ls, int n)
{
    for (int i = 0; i < n; i++) {
        char bin[4200];
        snprintf(bin, sizeof bin, "%s/check", ls[i].dir);
        char *args[] = {bin, "--sandbox", NULL};
        pid_t pid;
        int fd = access(bin, X_OK) < 0 ? -1 : spawn(bin, args, &pid);
        if (fd < 0)
            continue;
        ssize_t got, len = 0;
        while ((got = read(fd, sandbox_words + len, sizeof sandbox_words - 1 - (size_t)len)) > 0)
            len += got;
        close(fd);
        waitpid(pid, NULL, 0);
        sandbox_words[len] = '\0';
        sandbox_words[strcspn(sandbox_words, "\n")] = '\0';
        if (len > 0)
            break;
        snprintf(sandbox_words, sizeof sandbox_words, "unknown");
    }
    setenv("FORKLAB_SANDBOX_SAID", "1", 1);
}

/* A failure that only says the stub is still a stub. */
int is_enosys(const struct result *r)
{
    return !strcmp(r->verdict, "fail") &&
           (strstr(r->observed, "Function not implemented") || strstr(r->observed, "ENOSYS"));
}

/* A lesson nobody has started: nothing passed, and most checks got the
 * stubs' ENOSYS (a stub may answer a few others its own way: a consumer
 * stub that exits 1). */
int not_started(const struct lesson *l)
{
    int enosys = 0;
    if (l->status != RAN || l->n == 0)
        return 0;
    for (int i = 0; i < l->n; i++) {
        if (strcmp(l->r[i].verdict, "fail"))
            return 0;
        enosys += is_enosys(&l->r[i]);
    }
    return enosys * 2 > l->n;
}

/* A lesson's totals; returns whether anything failed.  A skip is the
 * machine's limit, not the student's mistake: it keeps its points
 * (grading/ does the same). */
int counts(const struct lesson *l, int *pass, int *fail, int *skip, int *pts, int *max)
{
    *pass = *fail = *skip = *pts = *max = 0;
    for (int j = 0; j < l->n; j++) {
        const struct result *r = &l->r[j];
        *max += r->points;
        if (!strcmp(r->verdict, "pass"))
            ++*pass, *pts += r->points;
        else if (!strcmp(r->verdict, "skip"))
            ++*skip, *pts += r->points;
        else
            ++*fail;
    }
    return *fail > 0 || l->status != RAN;
}

/* Whether l has a failed check or could not run. */
int lesson_failed(const struct lesson *l)
{
    int a, b, c, d, e;
    return counts(l, &a, &b, &c, &d, &e);
}

/* Frees the n lessons and everything they hold. */
void free_lessons(struct lesson *ls, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < ls[i].n; j++) {
            struct result *r = &ls[i].r[j];
            char *fields[] = {r->id, r->title, r->verdict, r->section, r->expected,
                              r->observed, r->notes, r->output};
            for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
                free(fields[k]);
        }
        free(ls[i].r);
        free(ls[i].log);
        for (int j = 0; j < ls[i].nd; j++) {
            free(ls[i].d[j].id);
            free(ls[i].d[j].title);
            free(ls[i].d[j].section);
        }
        free(ls[i].d);
    }
    free(ls);
}
