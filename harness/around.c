/* around.c -- what the harness checks around every check body, so that a
 * mistake is caught in whatever lesson it happens, not only where a check
 * was written for it (see fl.h, "what the harness checks around every
 * check body").
 *
 *   fl_around_begin()   in the caller, just before the body:
 *                       two decoy children (one zombie, one running), a
 *                       stdio stream holding unflushed text, and the lists
 *                       of descriptors and shared mappings as they are;
 *   fl_around_end()     just after the body returned: each of those must
 *                       be as the body found it, else the check fails.
 *
 * Everything here runs in the caller's process.  What the harness itself
 * opens or maps while the body runs (probes, boards, helpers) is recorded
 * as the harness's own and never counted against the student. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_OWNED 32
#define MAX_FDS 256
#define MAX_MAPS 128
#define MARKER "forklab: text the caller buffered before any fork\n"

/* ---- what the harness owns ---- */

static pid_t owned_pids[MAX_OWNED];
static int nowned_pids;
static struct { unsigned long lo, hi; } owned_maps[MAX_OWNED];
static int nowned_maps;
static unsigned char owned_fd[1024];   /* owned_fd[fd]: the harness's */

void fl_own_pid(pid_t pid)
{
    if (nowned_pids < MAX_OWNED)
        owned_pids[nowned_pids++] = pid;
}

void fl_own_fd(int fd)
{
    if (fd >= 0 && fd < (int)sizeof owned_fd)
        owned_fd[fd] = 1;
}

void fl_own_map(const void *addr, size_t size)
{
    if (nowned_maps < MAX_OWNED) {
        owned_maps[nowned_maps].lo = (unsigned long)addr;
        owned_maps[nowned_maps++].hi = (unsigned long)addr + size;
    }
}

int fl_is_harness_child(pid_t pid)
{
    for (int i = 0; i < nowned_pids; i++)
        if (owned_pids[i] == pid)
            return 1;
    return 0;
}

void *fl_board_new(size_t size)
{
    fl_guard();
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        fl_fail("shared memory for the check's board", "mmap of %zu bytes failed: %s", size,
                strerror(errno));
    fl_own_map(p, size);
    return p;
}

void fl_pipe(int fds[2])
{
    fl_guard();
    if (pipe2(fds, O_CLOEXEC) < 0)
        fl_fail("a pipe for the check", "pipe2 failed: %s", strerror(errno));
    fl_own_fd(fds[0]);
    fl_own_fd(fds[1]);
}

/* ---- descriptors ---- */

struct fd_entry {
    int fd;
    char target[96];
};

static struct fd_entry start_fds[MAX_FDS];
static int nstart_fds;

/* The open descriptors of `pid` (0 for this process), with what each
 * points to; returns how many, or -1. */
static int list_fds(pid_t pid, struct fd_entry *out, int max)
{
    char dir[64];
    if (pid)
        snprintf(dir, sizeof dir, "/proc/%d/fd", (int)pid);
    else
        snprintf(dir, sizeof dir, "/proc/self/fd");
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0, self = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end || e->d_name[0] == '\0' || (!pid && fd == self))
            continue;
        out[n].fd = (int)fd;
        ssize_t k = readlinkat(self, e->d_name, out[n].target, sizeof out[n].target - 1);
        out[n].target[k > 0 ? k : 0] = '\0';
        n++;
    }
    closedir(d);
    return n;
}

/* valgrind's own log files (make memcheck): opened in every process it
 * follows, they are the tool's, not the student's. */
static int tool_fd(int fd, const char *target)
{
    if (!fl_under_tool())
        return 0;
    /* valgrind keeps its own descriptors above the limit it shows us. */
    struct rlimit r;
    if (getrlimit(RLIMIT_NOFILE, &r) == 0 && (rlim_t)fd >= r.rlim_cur)
        return 1;
    return strstr(target, "forklab-memcheck-") != NULL;
}

int fl_fd_is_harness(int fd)
{
    if (fd >= 0 && fd < (int)sizeof owned_fd && owned_fd[fd])
        return 1;
    char path[64], target[96];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    return tool_fd(fd, target);
}

/* "pipe end" for pipe:[N], "pidfd", "shared memory (memfd)" ... */
static const char *fd_kind(const char *target)
{
    if (!strncmp(target, "pipe:", 5))
        return fl_tr("pipe end");
    if (strstr(target, "pidfd"))
        return "pidfd";
    if (!strncmp(target, "/memfd:", 7))
        return "memfd";
    if (!strncmp(target, "socket:", 7))
        return fl_tr("socket");
    if (!strncmp(target, "anon_inode:", 11))
        return target + 11;
    return fl_tr("file");
}

/* Checks read the numbers back ("fd N"): only the kind is translated. */
static void describe_fd(char *buf, size_t size, int first, const struct fd_entry *e)
{
    fl_appendf(buf, size, "%sfd %d (%s, %s)", first ? "" : "; ", e->fd, fd_kind(e->target),
               e->target);
}

int fl_fds_new_since_start(char *buf, size_t size)
{
    static struct fd_entry now[MAX_FDS];
    int n = list_fds(0, now, MAX_FDS), k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        int fd = now[i].fd, was = 0;
        if ((fd < (int)sizeof owned_fd && owned_fd[fd]) || tool_fd(now[i].fd, now[i].target))
            continue;
        for (int j = 0; j < nstart_fds && !was; j++)
            was = start_fds[j].fd == fd && !strcmp(start_fds[j].target, now[i].target);
        if (!was)
            describe_fd(buf, size, k++ == 0, &now[i]);
    }
    return k;
}

int fl_fds_of(pid_t pid, char *buf, size_t size)
{
    static struct fd_entry now[MAX_FDS];
    int n = list_fds(pid, now, MAX_FDS), k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        if (now[i].fd > 2 && !tool_fd(now[i].fd, now[i].target))
            describe_fd(buf, size, k++ == 0, &now[i]);
    return n < 0 ? -1 : k;
}

/* ---- shared mappings ---- */

struct map_entry {
    unsigned long lo, hi;
    char name[80];
};

static struct map_entry start_maps[MAX_MAPS];
static int nstart_maps;

static int list_shared_maps(struct map_entry *out, int max)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (!f)
        return -1;
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f) && n < max) {
        unsigned long lo, hi;
        char perms[8] = "", name[256] = "";
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255[^\n]", &lo, &hi, perms, name) < 3)
            continue;
        if (perms[3] != 's')
            continue;
        out[n].lo = lo;
        out[n].hi = hi;
        snprintf(out[n].name, sizeof out[n].name, "%.79s", name[0] ? name : fl_tr("anonymous"));
        n++;
    }
    fclose(f);
    return n;
}

int fl_maps_new_since_start(char *buf, size_t size)
{
    static struct map_entry now[MAX_MAPS];
    int n = list_shared_maps(now, MAX_MAPS), k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        int old = 0;
        for (int j = 0; j < nstart_maps && !old; j++)
            old = now[i].lo >= start_maps[j].lo && now[i].hi <= start_maps[j].hi;
        for (int j = 0; j < nowned_maps && !old; j++)
            old = now[i].lo < owned_maps[j].hi && now[i].hi > owned_maps[j].lo;
        /* Checks read the addresses back (" at 0x"): the same words in
         * every language. */
        if (!old)
            fl_appendf(buf, size, "%s%lu KB at %#lx (%s)", k++ ? "; " : "",
                       (now[i].hi - now[i].lo) / 1024, now[i].lo, now[i].name);
    }
    return k;
}

/* ---- decoys ---- */

static pid_t decoy_zombie, decoy_running;

/* In the running decoy: note the first signal and who sent it. */
static void decoy_noted(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    if (__atomic_exchange_n(&fl_page->decoy_sig, sig, __ATOMIC_SEQ_CST) == 0)
        fl_page->decoy_sig_from = si ? si->si_pid : 0;
}

static void start_decoys(void)
{
    /* vfork: the zombie-to-be only exits, so it needs no copy of the
     * caller's memory.  By the raw call: it shares that memory, and a
     * wrapped _exit (the coverage build's, which writes gcov's counters
     * and marks them written) would act for the caller. */
    decoy_zombie = vfork();
    if (decoy_zombie == 0)
        syscall(SYS_exit_group, 0);
    if (decoy_zombie < 0)
        fl_fail("a decoy child for the check", "fork failed: %s", strerror(errno));
    fl_own_pid(decoy_zombie);
    /* Born with every signal blocked, the running decoy sets its handlers
     * before it lets any signal in: one sent meanwhile waits, pending, and
     * is noted all the same.  The caller never changes a handler. */
    sigset_t all, before;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &before);
    decoy_running = fork();
    if (decoy_running == 0) {
        struct sigaction sa = {.sa_sigaction = decoy_noted, .sa_flags = SA_SIGINFO | SA_RESTART};
        sigfillset(&sa.sa_mask);
        for (int s = 1; s < 65; s++)
            if (s != SIGKILL && s != SIGSTOP)
                sigaction(s, &sa, NULL);
        prctl(PR_SET_NAME, "fl-decoy");
        syscall(SYS_close_range, 3u, ~0u, 0u);
        sigprocmask(SIG_SETMASK, &before, NULL);
        for (;;)
            pause();
    }
    sigprocmask(SIG_SETMASK, &before, NULL);
    if (decoy_running < 0)
        fl_fail("a decoy child for the check", "fork failed: %s", strerror(errno));
    fl_own_pid(decoy_running);
    /* The zombie must be one before the body can look for it. */
    int fd = fl_pidfd_open(decoy_zombie);
    fl_pidfd_wait(fd, decoy_zombie, -1);
    if (fd >= 0)
        close(fd);
}

static void fail_decoy(const char *section, const char *expected, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

static void fail_decoy(const char *section, const char *expected, const char *fmt, ...)
{
    char observed[1000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(observed, sizeof observed, fl_tr(fmt), ap);
    va_end(ap);
    fl_section(section);
    fl_fail(expected, "%s", observed);
}

static void check_decoys(void)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid(P_PID, (id_t)decoy_zombie, &si, WEXITED | WNOHANG | WNOWAIT) < 0)
        fail_decoy("04-join § Waiting for a child",
                   N_("the code to wait only for the children it started"),
                   N_("your code reaped process %d, which it did not start: the caller already had "
                      "that child (it had ended) before the check called your code. wait() and "
                      "waitpid(-1, ...) take whichever child ended; waitpid(pid, ...) with your "
                      "own child's pid takes only that one"), (int)decoy_zombie);
    /* The running decoy sleeps in pause() once it has set its handlers,
     * and runs again only to take a signal, which its handler notes before
     * it sleeps again.  So while it runs (still setting up, or taking a
     * signal) the look waits for it to sleep; then a signal is pending,
     * noted, or was never sent.  Looking at the handler's note alone once
     * missed a signal taken but not yet noted. */
    int pending = fl_proc_sigpending(decoy_running);
    char st = fl_proc_state(decoy_running);
    for (double until = fl_now() + fl_scaled(2.0); st == 'R' && fl_now() < until;) {
        sched_yield();
        pending = pending ? pending : fl_proc_sigpending(decoy_running);
        st = fl_proc_state(decoy_running);
    }
    int sig = __atomic_load_n(&fl_page->decoy_sig, __ATOMIC_SEQ_CST);
    if (sig || pending || (st != 'S' && st != 'R')) {
        char how[120];
        if (sig)
            snprintf(how, sizeof how, fl_tr("received SIG%s from process %d"),
                     sigabbrev_np(sig) ? sigabbrev_np(sig) : "?", (int)fl_page->decoy_sig_from);
        else if (st == 'T' || st == 't')
            snprintf(how, sizeof how, "%s", fl_tr("was stopped"));
        else if (st == 'Z' || st == 0)
            snprintf(how, sizeof how, "%s", fl_tr("was killed"));
        else
            snprintf(how, sizeof how, fl_tr("was sent SIG%s"),
                     pending && sigabbrev_np(pending) ? sigabbrev_np(pending) : "?");
        fail_decoy("05-terminate § terminate and kill",
                   N_("the code to signal only the processes it started"),
                   N_("process %d, which your code did not start (the caller already had it as a "
                      "child), %s: kill(0, ...) signals the whole process group and kill(-1, ...) "
                      "every process you may signal; a pid of 0 or -1 is never a child's pid"),
                   (int)decoy_running, how);
    }
    kill(decoy_running, SIGKILL);
    while (waitpid(decoy_running, NULL, 0) < 0 && errno == EINTR)
        ;
    while (waitpid(decoy_zombie, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* ---- promise 8: a child's exit must not flush the caller's buffers ---- */

static FILE *marker;
static int marker_fd = -1;
static char marker_buf[BUFSIZ];

static void start_marker(void)
{
    /* Under valgrind a child's _exit goes through the tool's own exit,
     * which writes the buffers out: the atexit watch still holds there. */
    if (fl_under_tool())
        return;
    marker_fd = (int)syscall(SYS_memfd_create, "fl-stdio", 0u);
    int w = marker_fd < 0 ? -1 : dup(marker_fd);
    marker = w < 0 ? NULL : fdopen(w, "w");
    if (!marker) {
        if (w >= 0)
            close(w);
        return;   /* no memfd (old kernel, valgrind): atexit is still watched */
    }
    setvbuf(marker, marker_buf, _IOFBF, sizeof marker_buf);
    fputs(MARKER, marker);
    fl_own_fd(marker_fd);
    fl_own_fd(w);
}

/* How many times the marker reached the file: 1 when only the caller
 * flushed it. */
static int marker_count(void)
{
    fflush(marker);
    char buf[4096];
    ssize_t n = pread(marker_fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    int k = 0;
    for (char *p = buf; (p = strstr(p, MARKER)); p += strlen(MARKER))
        k++;
    return k;
}

void fl_task_exit(int code)
{
    /* This child's copy of the marker is dropped, its exit() on purpose. */
    if (marker)
        __fpurge(marker);
    if (fl_page)
        fl_page->deliberate_exit_pid = getpid();
    exit(code);
}

static void check_promise_8(void)
{
    pid_t who = fl_child_ran_atexit();
    int k = marker ? marker_count() : 1;
    if (!who && k <= 1)
        return;
    fl_section("01-processes § Ending the child");
    if (who)
        fl_fail("a child to end with _exit(), which runs no atexit handler and flushes no stdio "
                "buffer of the parent's",
                "child %d ended with exit() (or returned from main's code): the caller's atexit "
                "handlers ran in it", (int)who);
    fl_fail("a child to end with _exit(), which flushes no stdio buffer of the parent's",
            "text the caller had buffered in a stdio stream before fork() was written %d times: "
            "a child flushed its copy of the buffer (exit(), or fflush(NULL) in the child)", k);
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
                   st == 'Z' ? fl_tr("zombie: exited but never waited for")
                             : fl_tr("still running"));
    }
    if (n == 1)
        fl_fail("every child the check started to be waited for before the check ended",
                "1 child of the caller %d left behind: %s", (int)getpid(), list);
    fl_fail("every child the check started to be waited for before the check ended",
            "%d children of the caller %d left behind: %s", n, (int)getpid(), list);
}

/* ---- begin and end ---- */

void fl_around_begin(const struct fl_check *c)
{
    nstart_fds = list_fds(0, start_fds, MAX_FDS);
    nstart_maps = list_shared_maps(start_maps, MAX_MAPS);
    if (nstart_fds < 0)
        nstart_fds = 0;
    if (nstart_maps < 0)
        nstart_maps = 0;
    start_marker();
    if (!c->no_decoys)
        start_decoys();
}

void fl_around_end(const struct fl_check *c)
{
    if (!c->no_decoys)
        check_decoys();
    fail_on_unreaped_children();
    check_promise_8();
    char what[1200];
    if (!c->keeps_fds && fl_fds_new_since_start(what, sizeof what) > 0) {
        fl_section(strstr(what, "pipe") ? "09-queue § Closing pipe ends" : c->section);
        fl_fail("every descriptor the code opened to be closed by the end of the check (a pipe "
                "end left open means its reader never sees end-of-file)",
                "still open in the caller %d when the check ended: %s", (int)getpid(), what);
    }
    if (!c->keeps_maps && fl_maps_new_since_start(what, sizeof what) > 0) {
        fl_section("03-isolated-memory § Making and removing a region");
        fl_fail("every shared region the code mapped to be unmapped, all of it, by the end of "
                "the check",
                "still mapped in the caller %d when the check ended: %s", (int)getpid(), what);
    }
}
