/* runtime.c -- the check body's side of the harness: verdicts, stages,
 * probes.  Everything here runs inside the sandbox, in the caller's process
 * or (fl_probe_task) in a child the student's code started. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

struct fl_page *fl_page;
const struct fl_check *fl_current;

#define MAX_CHECKS 64
static struct fl_check *registry[MAX_CHECKS];
static int nregistry;

void fl_register(struct fl_check *c)
{
    if (nregistry == MAX_CHECKS) {
        fprintf(stderr, "forklab: more than %d checks in one lesson; raise MAX_CHECKS\n",
                MAX_CHECKS);
        exit(2);
    }
    if (c->points <= 0)
        c->points = 1;
    if (c->timeout_s <= 0)
        c->timeout_s = 2;
    if (c->max_procs <= 0)
        c->max_procs = 128;
    if (c->max_output_kb <= 0)
        c->max_output_kb = 1024;
    if (c->max_memory_mb <= 0)
        c->max_memory_mb = 512;
    if (c->max_files <= 0)
        c->max_files = 256;
    if (c->max_file_kb <= 0)
        c->max_file_kb = 16384;
    if (c->cpu_s <= 0)
        c->cpu_s = c->timeout_s + 1;
    registry[nregistry++] = c;
}

static int by_line(const void *a, const void *b)
{
    const struct fl_check *x = *(const struct fl_check *const *)a;
    const struct fl_check *y = *(const struct fl_check *const *)b;
    return x->line - y->line;
}

const struct fl_check *const *fl_checks(int *n)
{
    /* Constructors run in no promised order; the lesson's file order is the
     * order a student reads, so sort by declaration line. */
    qsort(registry, (size_t)nregistry, sizeof registry[0], by_line);
    /* A reader of Chinese: the catalogue's table is built here, once, and
     * every check's sandbox inherits it instead of building its own. */
    (void)fl_tr("");
    *n = nregistry;
    return (const struct fl_check *const *)registry;
}

double fl_timeout_scale(void)
{
    const char *s = getenv("FORKLAB_TIMEOUT_SCALE");
    double v = s ? strtod(s, NULL) : 1.0;
    return v > 0 ? v : 1.0;
}

double fl_scaled(double seconds)
{
    return seconds * fl_timeout_scale();
}

void fl_utf8_clip(char *buf)
{
    size_t len = strlen(buf), lead = len;
    while (lead > 0 && len - lead < 4 && ((unsigned char)buf[lead - 1] & 0xc0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t want = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (len - (lead - 1) < want)
        buf[lead - 1] = '\0';
}

void fl_appendf(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strnlen(buf, size);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
    fl_utf8_clip(buf + len);
}

/* The stage as this process last set it.  Unlike the shared page, this
 * copy is inherited at fork, so a child that escapes into the caller's code
 * can say where it came from. */
static char own_stage[200];

void fl_guard(void)
{
    if (!fl_page || getpid() == fl_page->caller)
        return;
    /* A child of the student's returned from the student's function and is
     * now running the caller's code: it would run the rest of the check a
     * second time.  Record the first one and stop it here. */
    if (__atomic_exchange_n(&fl_page->escaped, 1, __ATOMIC_SEQ_CST) == 0) {
        fl_page->escaped_pid = getpid();
        memcpy(fl_page->escaped_stage, own_stage, sizeof own_stage);
    }
    _exit(0);
}

void fl_stage(const char *fmt, ...)
{
    fl_guard();
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(own_stage, sizeof own_stage, fl_tr(fmt), ap);
    va_end(ap);
    fl_utf8_clip(own_stage);
    memcpy(fl_page->stage, own_stage, sizeof own_stage);
}

void fl_section(const char *section)
{
    fl_guard();
    snprintf(fl_page->section, sizeof fl_page->section, "%s", section);
}

void fl_note(const char *fmt, ...)
{
    fl_guard();
    char line[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fl_tr(fmt), ap);
    va_end(ap);
    fl_utf8_clip(line);
    fl_appendf(fl_page->notes, sizeof fl_page->notes, "%s\n", line);
}

void fl_fail(const char *expected, const char *observed_fmt, ...)
{
    fl_guard();
    snprintf(fl_page->expected, sizeof fl_page->expected, "%s", fl_tr(expected));
    fl_utf8_clip(fl_page->expected);
    va_list ap;
    va_start(ap, observed_fmt);
    vsnprintf(fl_page->observed, sizeof fl_page->observed, fl_tr(observed_fmt), ap);
    va_end(ap);
    fl_utf8_clip(fl_page->observed);
    __atomic_store_n(&fl_page->state, FL_FAIL, __ATOMIC_SEQ_CST);
    _exit(0);
}

void fl_fail_settled(struct fl_probe *pr, pid_t pid, const char *expected,
                     const char *observed_fmt, ...)
{
    char observed[sizeof fl_page->observed];
    va_list ap;
    va_start(ap, observed_fmt);
    vsnprintf(observed, sizeof observed, fl_tr(observed_fmt), ap);
    va_end(ap);
    if (pr)
        fl_probe_release(pr, FL_PROBE_SLOTS);
    if (pid > 0 && fl_is_unreaped_child(pid, NULL))
        fl_reap(pid, "the child");
    fl_fail(expected, "%s", observed);
}

void fl_skip(const char *why_fmt, ...)
{
    fl_guard();
    va_list ap;
    va_start(ap, why_fmt);
    vsnprintf(fl_page->notes, sizeof fl_page->notes, fl_tr(why_fmt), ap);
    va_end(ap);
    fl_utf8_clip(fl_page->notes);
    __atomic_store_n(&fl_page->state, FL_SKIP, __ATOMIC_SEQ_CST);
    _exit(0);
}

/* ---- probes ---- */

struct fl_probe *fl_probe_new(int gated, int exit_code)
{
    fl_guard();
    struct fl_probe *p = mmap(NULL, sizeof *p, PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        fl_fail("memory for a probe", "mmap failed: %s", strerror(errno));
    memset(p, 0, sizeof *p);
    p->gated = gated;
    p->exit_code = exit_code;
    if (pipe2(p->ready, O_CLOEXEC) < 0 || pipe2(p->gate, O_CLOEXEC) < 0)
        fl_fail("pipes for a probe", "pipe failed: %s", strerror(errno));
    fl_own_map(p, sizeof *p);
    for (int i = 0; i < 2; i++) {
        fl_own_fd(p->ready[i]);
        fl_own_fd(p->gate[i]);
    }
    return p;
}

int fl_probe_task(void *arg)
{
    struct fl_probe_arg *a = arg;
    struct fl_probe *p = a->probe;
    int slot = __atomic_fetch_add(&p->nruns, 1, __ATOMIC_SEQ_CST);
    if (slot < FL_PROBE_SLOTS) {
        p->runs[slot].pid = getpid();
        p->runs[slot].ppid = getppid();
        p->runs[slot].tag = a->tag;
    }
    char c = 'r';
    while (write(p->ready[1], &c, 1) < 0 && errno == EINTR)
        ;
    /* Run inline by the caller (no fork): waiting at the gate would only
     * deadlock the caller; return so the check can say what happened. */
    int inline_run = fl_page && getpid() == fl_page->caller;
    if (p->gated && !inline_run)
        while (read(p->gate[0], &c, 1) < 0 && errno == EINTR)
            ;
    if (slot < FL_PROBE_SLOTS)
        __atomic_store_n(&p->runs[slot].done, 1, __ATOMIC_SEQ_CST);
    return p->exit_code;
}

int fl_probe_await(struct fl_probe *p, int n, pid_t pid)
{
    fl_guard();
    int seen = 0;
    int pfd = pid > 0 ? fl_pidfd_open(pid) : -1;
    while (seen < n) {
        struct pollfd fds[2] = {{.fd = p->ready[0], .events = POLLIN},
                                {.fd = pfd, .events = POLLIN}};
        if (poll(fds, pfd >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents & POLLIN) {
            char buf[64];
            ssize_t r = read(p->ready[0], buf, (size_t)(n - seen) < sizeof buf
                                                   ? (size_t)(n - seen) : sizeof buf);
            if (r > 0)
                seen += (int)r;
            continue;
        }
        if (pfd >= 0 && (fds[1].revents & POLLIN)) {
            int st;
            fl_is_unreaped_child(pid, &st);
            close(pfd);
            fl_fail("the task to start running in the child",
                    "child %d ended (%s) before the task started; %d of %d task runs seen",
                    (int)pid, fl_status_str(st), seen, n);
        }
    }
    if (pfd >= 0)
        close(pfd);
    return __atomic_load_n(&p->nruns, __ATOMIC_SEQ_CST);
}

void fl_probe_release(struct fl_probe *p, int n)
{
    fl_guard();
    char buf[FL_PROBE_SLOTS];
    memset(buf, 'g', sizeof buf);
    while (n > 0) {
        size_t k = (size_t)n < sizeof buf ? (size_t)n : sizeof buf;
        ssize_t w = write(p->gate[1], buf, k);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        n -= (int)w;
    }
}

pid_t fl_child_ran_atexit(void)
{
    fl_guard();
    return __atomic_load_n(&fl_page->child_atexit, __ATOMIC_SEQ_CST)
               ? fl_page->child_atexit_pid : 0;
}

void fl_ceiling_begin(void)
{
    fl_guard();
    __atomic_store_n(&fl_page->ceiling_pid, getpid(), __ATOMIC_SEQ_CST);
}

void fl_ceiling_end(void)
{
    fl_guard();
    __atomic_store_n(&fl_page->ceiling_pid, 0, __ATOMIC_SEQ_CST);
}
