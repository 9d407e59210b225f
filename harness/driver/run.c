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
#include <fcntl.h>
#include <sched.h>
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
    const char *expected = fl_tr("the lesson's checks to run"), *observed;
    char why[600];
    if (l->status == CRASHED) {
        expected = fl_tr("the lesson's checker to run to its end");
        observed = l->log ? l->log : fl_tr("the checker crashed");
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
        observed = fl_tr("your code did not build, so this check could not run (the messages are "
                         "above)");
    } else if (l->status == MISSING) {
        snprintf(why, sizeof why, fl_tr("there is no %s/%s"), opt.work, l->name);
        observed = why;
    } else {
        observed = fl_tr("the lesson's checker never reported this check");
    }
    for (int i = 0; i < l->nd; i++)
        if (!result_of(l, l->d[i].id))
            add_failed(l, &l->d[i], expected, observed);
    l->done = 1;
}

/* Reads what a lesson's build left: a lesson whose checker does not exist
 * (no build, or a failed one) is settled at once; returns whether its
 * checker can run. */
static int prepare_lesson(struct lesson *l)
{
    char bin[4200], log[4200];
    snprintf(bin, sizeof bin, "%s/check", l->dir);
    snprintf(log, sizeof log, "%s/build.log", l->dir);
    l->log = slurp(log, 16384);
    if (!exists(bin)) {
        l->status = l->log ? BUILD_FAILED : MISSING;
        settle(l);
        return 0;
    }
    l->status = RAN;
    return 1;
}

/* ---- workers: checkers in serve mode, several at once ----
 *
 * A worker is one lesson's checker run as `check --serve`: it reads a
 * check id a line on its stdin and answers each with that check's record
 * (or `missing`).  Most checks spend their time waiting (for a timeout, a
 * grace period, a child), so the driver keeps up to opt.jobs checks
 * running at once, across lessons and within one, each in its own sandbox
 * as always; the renderer still gets every lesson's results in the order
 * the kit declares them. */

struct worker {
    struct lesson *l;
    pid_t pid;
    int req;              /* write end of the worker's stdin */
    int busy;             /* a request is out */
    struct feed feed;
};

/* A check still to run: lesson li's declared check di. */
struct unit {
    int li, di;
    double guess;         /* its time in the last run, 0 when unknown */
};

static struct worker *workers;
static int n_workers, max_workers;
static struct lesson *all_lessons;
static int n_lessons;

static int is_running_checker(pid_t pid)
{
    for (int i = 0; i < n_workers; i++)
        if (workers[i].pid == pid)
            return 1;
    return 0;
}

/* Starts a worker for l; returns it, or NULL (l then crashed). */
static struct worker *start_worker(struct lesson *l)
{
    char bin[4200];
    snprintf(bin, sizeof bin, "%s/check", l->dir);
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) < 0)
        return NULL;
    if (pipe2(out, O_CLOEXEC) < 0) {
        close(in[0]);
        close(in[1]);
        return NULL;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        return NULL;
    }
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        char *args[] = {bin, "--serve", NULL};
        execv(bin, args);
        fprintf(stderr, "forklab: cannot run %s: %s\n", bin, strerror(errno));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    struct worker *w = &workers[n_workers++];
    memset(w, 0, sizeof *w);
    w->l = l;
    w->pid = pid;
    w->req = in[1];
    w->feed.fd = out[0];
    l->started = 1;
    l->workers++;
    return w;
}

/* Sends w the id of l's declared check di. */
static void ask(struct worker *w, int di)
{
    const char *id = w->l->d[di].id;
    size_t len = strlen(id);
    char line[512];
    if (len + 1 >= sizeof line)
        len = sizeof line - 2;
    memcpy(line, id, len);
    line[len] = '\n';
    /* A dead worker's pipe says EPIPE; its end-of-file settles it. */
    if (write(w->req, line, len + 1) == (ssize_t)len + 1)
        w->busy = 1;
    w->l->asked++;
}

/* One line of a worker's output: a result, or the answer that the
 * checker has no such check; either ends the worker's request. */
static void take_line(struct worker *w, char *line)
{
    char *f[FL_MAX_FIELDS];
    int nf = fl_rec_split(line, f);
    if (nf == 13 && !strcmp(f[0], "result"))
        add_result(w->l, f);
    else if (!(nf == 3 && !strcmp(f[0], "missing")))
        return;
    w->busy = 0;
}

/* Reads what is there; returns 0 at end-of-file. */
static int feed_read(struct worker *w)
{
    struct feed *fd = &w->feed;
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
            take_line(w, start);
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

/* l's results in the order the kit declares its checks. */
static void sort_declared(struct lesson *l)
{
    for (int di = 0, at = 0; di < l->nd; di++)
        for (int j = at; j < l->n; j++)
            if (!strcmp(l->r[j].id, l->d[di].id)) {
                struct result t = l->r[at];
                l->r[at++] = l->r[j];
                l->r[j] = t;
                break;
            }
}

/* Worker w closed its output: how it ended decides whether its lesson's
 * records count; the lesson is settled once its last worker is gone. */
static void finish_worker(struct worker *w)
{
    struct lesson *l = w->l;
    close(w->feed.fd);
    close(w->req);
    free(w->feed.buf);
    int st = 0;
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
        ;
    l->workers--;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || w->busy) {
        kill_strays();
        if (l->status != CRASHED) {
            l->status = CRASHED;
            char buf[4400];
            if (WIFEXITED(st))
                snprintf(buf, sizeof buf, fl_tr("the lesson's checker %s/check ended abnormally "
                         "(exit status %d) after %d checks"), l->dir, WEXITSTATUS(st), l->n);
            else
                snprintf(buf, sizeof buf, fl_tr("the lesson's checker %s/check ended abnormally "
                         "(signal %d) after %d checks"), l->dir, WTERMSIG(st), l->n);
            free(l->log);
            l->log = strdup(buf);
        }
    }
    *w = workers[--n_workers];
    if (l->workers == 0 && (l->asked == l->nd || l->status == CRASHED)) {
        settle(l);
        sort_declared(l);
    }
}

/* Whether l must run while no other checker runs (--alone). */
static int is_alone(const struct lesson *l)
{
    for (int i = 0; i < opt.nalone; i++)
        if (!strcmp(opt.alone[i], l->name))
            return 1;
    return 0;
}

/* ---- the last run's times: only the order of the checks comes from them ---- */

static void load_times(struct lesson *l, struct unit *u, int nu)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/times", l->dir);
    FILE *f = fopen(path, "re");
    char id[256];
    double secs;
    while (f && fscanf(f, "%255s %lf", id, &secs) == 2)
        for (int i = 0; i < nu; i++)
            if (&all_lessons[u[i].li] == l && !strcmp(l->d[u[i].di].id, id))
                u[i].guess = secs;
    if (f)
        fclose(f);
}

/* Best effort: a build folder the driver cannot write (grading's walls)
 * only loses the ordering. */
static void save_times(const struct lesson *l)
{
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/times", l->dir);
    snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
    FILE *f = l->status == RAN && l->n ? fopen(tmp, "we") : NULL;
    if (!f)
        return;
    for (int i = 0; i < l->n; i++)
        fprintf(f, "%s %.4f\n", l->r[i].id, l->r[i].seconds);
    if (fclose(f) == 0)
        rename(tmp, path);
    else
        unlink(tmp);
}

/* Longest first (by the last run), so that the checks that wait longest
 * start first and overlap; else in lesson order, so that the first
 * lessons' results show early. */
static int by_guess(const void *a, const void *b)
{
    const struct unit *x = a, *y = b;
    if (x->guess != y->guess)
        return x->guess < y->guess ? 1 : -1;
    if (x->li != y->li)
        return x->li - y->li;
    return x->di - y->di;
}

/* Hands the renderer everything that is ready, in lesson order. */
struct pump {
    int head;             /* the first lesson not yet ended */
    int begun;            /* begin sent for head */
    int sent;             /* head's results sent, in declared order */
};

/* Sends the renderer every event that is ready, in lesson order: the
 * first unfinished lesson's results as far as every check before them
 * has one, and whole lessons once every lesson before them has ended. */
static void pump(struct lesson *ls, int n, const struct renderer *rd, struct pump *p)
{
    while (p->head < n) {
        struct lesson *l = &ls[p->head];
        if (!p->begun && (l->started || l->done)) {
            rd->begin(l);
            p->begun = 1;
        }
        if (!p->begun)
            return;
        if (!l->done)
            for (; p->sent < l->nd && l->status != CRASHED; p->sent++) {
                const struct result *r = result_of(l, l->d[p->sent].id);
                if (!r)
                    break;
                rd->result(l, r);
            }
        if (!l->done)
            return;
        /* Settled: declared checks first, in order, then nothing else. */
        for (; p->sent < l->n; p->sent++)
            rd->result(l, &l->r[p->sent]);
        rd->end(l, p->head + 1);
        p->head++;
        p->begun = p->sent = 0;
    }
}

/* How many checks run at once when -j does not say: most checks wait,
 * so several per CPU keep the CPUs busy (8: the fastest on 2 CPUs, see
 * bench/results.md). */
static int default_jobs(void)
{
    /* Whoever runs several drivers at once (the kit's own tests) says how
     * many checks each may run. */
    const char *env = getenv("FORKLAB_JOBS");
    if (env && atoi(env) > 0)
        return atoi(env);
    /* Without namespaces and without root, every check's processes count
     * against one RLIMIT_NPROC, the user's, and each check's ceiling is
     * set from that count when it starts: checks side by side would eat
     * each other's room.  One at a time there.  (As root each checker has
     * a uid of its own; in a user namespace the kernel counts each
     * sandbox's processes alone.) */
    if (geteuid() != 0 && strncmp(sandbox_words, "pid namespace", 13) != 0)
        return 1;
    cpu_set_t set;
    int cpus = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    return 8 * (cpus > 0 ? cpus : 1);
}

/* The next unit that may start now, or -1: the alone lessons' checks only
 * once nothing else runs or waits, one at a time. */
static int next_unit(struct unit *u, int nu, int *taken)
{
    int others_left = 0;
    for (int i = 0; i < nu; i++)
        if (!taken[i] && !is_alone(&all_lessons[u[i].li]) &&
            all_lessons[u[i].li].status != CRASHED)
            return i;
    for (int i = 0; i < n_workers; i++)
        others_left |= !is_alone(workers[i].l) || workers[i].busy;
    for (int i = 0; i < nu && !others_left; i++)
        if (!taken[i] && all_lessons[u[i].li].status != CRASHED)
            return i;
    return -1;
}

/* Gives free slots work: an idle worker of the unit's lesson, else a new
 * worker while there is room.  Units of a crashed lesson are dropped. */
static void dispatch(struct unit *u, int nu, int *taken, int slots)
{
    for (int i = 0; i < nu; i++)
        if (!taken[i] && all_lessons[u[i].li].status == CRASHED)
            taken[i] = 1;
    for (;;) {
        int busy = 0;
        for (int i = 0; i < n_workers; i++)
            busy += workers[i].busy;
        int k = next_unit(u, nu, taken);
        struct lesson *l = k < 0 ? NULL : &all_lessons[u[k].li];
        if (!l || busy >= (is_alone(l) ? 1 : slots))
            break;
        struct worker *w = NULL;
        for (int i = 0; i < n_workers && !w; i++)
            if (workers[i].l == l && !workers[i].busy && workers[i].req >= 0)
                w = &workers[i];
        if (!w) {
            /* Room for a new worker: close an idle one of another lesson. */
            for (int i = 0; i < n_workers && n_workers >= max_workers; i++)
                if (!workers[i].busy && workers[i].req >= 0) {
                    close(workers[i].req);
                    workers[i].req = -1;
                }
            if (n_workers >= max_workers)
                break;
            w = start_worker(l);
            if (!w) {
                l->status = CRASHED;
                free(l->log);
                l->log = strdup(strerror(errno));
                if (l->workers == 0) {
                    settle(l);
                    sort_declared(l);
                }
                continue;
            }
        }
        taken[k] = 1;
        ask(w, u[k].di);
    }
    /* Idle workers whose lesson has nothing left to run may end. */
    for (int i = 0; i < n_workers; i++) {
        struct worker *w = &workers[i];
        int more = 0;
        for (int j = 0; j < nu && !more; j++)
            more = !taken[j] && &all_lessons[u[j].li] == w->l;
        if (!w->busy && !more && w->req >= 0) {
            close(w->req);
            w->req = -1;
        }
    }
}

/* See driver.h. */
void run_lessons(struct lesson *ls, int n, const struct renderer *rd)
{
    all_lessons = ls;
    n_lessons = n;
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_IGN);   /* a worker that died: its EOF says so */
    int slots = opt.jobs > 0 ? opt.jobs : default_jobs();
    /* Each worker holds a pipe pair and a sandbox; more workers than
     * checks at once would only wait. */
    max_workers = slots + 1;
    workers = calloc((size_t)max_workers, sizeof *workers);
    int total = 0;
    for (int i = 0; i < n; i++)
        total += ls[i].nd;
    struct unit *u = calloc((size_t)total + 1, sizeof *u);
    int *taken = calloc((size_t)total + 1, sizeof *taken), nu = 0;
    for (int i = 0; i < n; i++) {
        if (!prepare_lesson(&ls[i]))
            continue;
        int first = nu;
        for (int j = 0; j < ls[i].nd; j++)
            u[nu++] = (struct unit){i, j, 0};
        load_times(&ls[i], u + first, nu - first);
        if (ls[i].nd == 0)
            settle(&ls[i]);
    }
    qsort(u, (size_t)nu, sizeof *u, by_guess);
    struct pump p = {0, 0, 0};
    rd->start(ls, n);
    for (;;) {
        dispatch(u, nu, taken, slots);
        pump(ls, n, rd, &p);
        if (n_workers == 0)
            break;
        struct pollfd pfd[max_workers];
        pid_t who[max_workers];
        int np = n_workers < max_workers ? n_workers : max_workers;
        for (int i = 0; i < np; i++) {
            pfd[i] = (struct pollfd){.fd = workers[i].feed.fd, .events = POLLIN};
            who[i] = workers[i].pid;
        }
        if (poll(pfd, (nfds_t)np, -1) <= 0)
            continue;
        for (int j = 0; j < np; j++) {
            if (!pfd[j].revents)
                continue;
            /* finish_worker moves workers around: find it by its pid. */
            struct worker *w = NULL;
            for (int i = 0; i < n_workers && !w; i++)
                if (workers[i].pid == who[j])
                    w = &workers[i];
            if (w && !feed_read(w))
                finish_worker(w);
        }
    }
    /* Lessons whose units never started (all crashed or none declared). */
    for (int i = 0; i < n; i++)
        if (!ls[i].done) {
            settle(&ls[i]);
            sort_declared(&ls[i]);
        }
    pump(ls, n, rd, &p);
    kill_strays();
    for (int i = 0; i < n; i++)
        save_times(&ls[i]);
    free(u);
    free(taken);
    free(workers);
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
