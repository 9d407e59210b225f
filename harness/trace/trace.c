/* trace.c -- the tracer behind `make trace`: every process call of one
 * check, recorded for a timeline.
 *
 * `make trace LESSON=NN CHECK=ID` builds the lesson's checker in trace mode
 * (harness/build-checker): the student's objects, the lesson's checks and
 * a copy of the harness core are rewritten (objcopy --redefine-sym) so that
 * their process calls land in the wrappers below, one family per origin:
 *
 *   fl_trace_s_*   the student's objects (process creation arrives already
 *                  renamed to the failure-injection gate, fl_gate_*, and is
 *                  passed on to it: injection keeps working when traced);
 *   fl_trace_c_*   the lesson's checks (their own helper processes);
 *   fl_trace_h_*   the harness core (fl_reap, the decoys' end, the caller's
 *                  own _exit).
 *
 * Each wrapper calls the real function and appends an event record to the
 * trace file named by FORKLAB_TRACE, mapped MAP_SHARED by a constructor in
 * the checker before any sandbox exists: every process of the check
 * inherits the mapping, whatever namespace, uid or session it is in, and a
 * record is in the file the moment it is written -- a process killed right
 * after still leaves it.  harness/trace/timeline.py made the file (header,
 * size) and reads it after the check.
 *
 * Only processes of the check record: a process starts recording at its
 * first call from the student's or the checks' code (the caller), and its
 * children inherit that.  The checker and init never run such code, so
 * their own waits and kills stay out of the timeline.
 *
 * Everything a wrapper does is async-signal-safe (a student's SIGCHLD
 * handler calls waitpid) and leaves errno as the real call set it. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The file's layout; harness/trace/timeline.py reads the same (HEADER and
 * EVENT there).  Fixed sizes, native byte order: the file never leaves the
 * machine that wrote it. */
#define TRACE_MAGIC "FLTRACE1"

struct trace_header {
    char magic[8];
    uint32_t event_size;   /* sizeof(struct trace_event) */
    uint32_t capacity;     /* events the file has room for */
    uint32_t next;         /* slots taken (atomic); past capacity: dropped */
    uint32_t pad[11];
};

struct trace_event {
    uint32_t ready;        /* 1 once every other field is written */
    uint8_t src;           /* 's' student, 'c' checks, 'h' harness */
    uint8_t phase;         /* 0 a call done, 1 entering, 2 returned */
    uint16_t pad0;
    int64_t t_ns;          /* CLOCK_MONOTONIC */
    int32_t pid, ppid;
    int64_t a[6];          /* the call's arguments and results (timeline.py) */
    int64_t ret;
    int32_t err;           /* errno after the call, when it failed */
    char call[16];
    char comm[16];         /* /proc/PID/comm of the process at the time */
    uint32_t pad1[3];
};

_Static_assert(sizeof(struct trace_header) == 64, "timeline.py reads a 64-byte header");
_Static_assert(sizeof(struct trace_event) == 128, "timeline.py reads 128-byte events");

static struct trace_header *hdr;
static struct trace_event *events;
/* Process-local on purpose: a child forked after the first traced call
 * inherits it, a process of the harness never sets it. */
static int armed;

/* Map the trace file before main: the checker's mapping is inherited by
 * every sandbox and every process in it.  Without FORKLAB_TRACE, or when
 * the file is not one timeline.py made, nothing is recorded. */
__attribute__((constructor)) static void trace_map(void)
{
    const char *path = getenv("FORKLAB_TRACE");
    if (!path || !*path)
        return;
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof(struct trace_header))
        p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);   /* the mapping holds the file; no descriptor is left to count */
    if (p == MAP_FAILED)
        return;
    struct trace_header *h = p;
    if (memcmp(h->magic, TRACE_MAGIC, 8) != 0 || h->event_size != sizeof(struct trace_event) ||
        sizeof *h + (size_t)h->capacity * sizeof(struct trace_event) > (size_t)st.st_size) {
        munmap(p, (size_t)st.st_size);
        return;
    }
    hdr = h;
    events = (struct trace_event *)(h + 1);
}

static int64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void put(char src, int phase, const char *call, const int64_t a[6], int64_t ret, int err)
{
    struct trace_event *e;
    uint32_t i = __atomic_fetch_add(&hdr->next, 1, __ATOMIC_RELAXED);
    if (i >= hdr->capacity)
        return;   /* full: timeline.py reports how many were dropped */
    e = &events[i];
    e->src = (uint8_t)src;
    e->phase = (uint8_t)phase;
    e->t_ns = now_ns();
    e->pid = (int32_t)getpid();
    e->ppid = (int32_t)getppid();
    for (int k = 0; k < 6; k++)
        e->a[k] = a ? a[k] : 0;
    e->ret = ret;
    e->err = err;
    strncpy(e->call, call, sizeof e->call);
    prctl(PR_GET_NAME, e->comm);
    __atomic_store_n(&e->ready, 1, __ATOMIC_RELEASE);
}

static void snapshot_children(void);

/* Whether this call is to be recorded (from `src`), starting the process's
 * recording at its first call from the student's or the checks' code. */
static int on(char src)
{
    if (!hdr)
        return 0;
    if (!armed && src != 'h') {
        armed = 1;
        put(src, 0, "begin", NULL, 0, 0);
        snapshot_children();
    }
    return armed;
}

/* Record a call, errno kept as the call left it. */
static void rec(char src, int phase, const char *call, int64_t a0, int64_t a1, int64_t a2,
                int64_t a3, int64_t a4, int64_t a5, int64_t ret)
{
    int saved = errno;
    int64_t a[6] = {a0, a1, a2, a3, a4, a5};
    put(src, phase, call, a, ret, ret < 0 ? saved : 0);
    errno = saved;
}

/* Read a small /proc file into buf (NUL-terminated); returns its length or
 * -1.  open/read/close only: this may run in a signal handler. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    return n;
}

static void fmt_path(char *out, const char *a, long n, const char *b)
{
    /* "/proc/" n "/stat": snprintf is not async-signal-safe */
    char digits[24];
    int k = 0;
    do
        digits[k++] = (char)('0' + n % 10);
    while ((n /= 10) > 0 && k < 23);
    size_t len = strlen(a);
    memcpy(out, a, len);
    while (k > 0)
        out[len++] = digits[--k];
    strcpy(out + len, b);
}

/* The children the process already has when it starts recording are the
 * harness's (the decoys, one a zombie): one "seen" event each, with its
 * state and name, so the timeline can show them. */
static void snapshot_children(void)
{
    char path[64], list[1024];
    pid_t me = getpid();
    fmt_path(path, "/proc/", me, "");
    fmt_path(path + strlen(path), "/task/", me, "/children");
    if (slurp(path, list, sizeof list) <= 0)
        return;
    for (char *p = list; *p;) {
        long pid = strtol(p, &p, 10);
        if (pid <= 0)
            break;
        char stat[512];
        fmt_path(path, "/proc/", pid, "/stat");
        char state = '?';
        if (slurp(path, stat, sizeof stat) > 0) {
            char *close_paren = strrchr(stat, ')');
            if (close_paren && close_paren[1] == ' ')
                state = close_paren[2];
        }
        char comm[17] = "";
        fmt_path(path, "/proc/", pid, "/comm");
        if (slurp(path, comm, sizeof comm) > 0)
            comm[strcspn(comm, "\n")] = '\0';
        int64_t a[6] = {pid, state, 0, 0, 0, 0};
        /* the child's name goes in a[2..3] (16 bytes) */
        memcpy(&a[2], comm, 16);
        put('h', 0, "seen", a, 0, 0);
        while (*p == ' ' || *p == '\n')
            p++;
    }
}

/* The kind and inode of a descriptor, for read and write marks: a pipe's
 * inode ties a write to the reads on the same pipe. */
static void fd_kind(int fd, int64_t *kind, int64_t *ino)
{
    struct stat st;
    int saved = errno;
    if (fstat(fd, &st) == 0) {
        *kind = (int64_t)(st.st_mode & S_IFMT);
        *ino = (int64_t)st.st_ino;
    } else {
        *kind = *ino = 0;
    }
    errno = saved;
}

/* ---- process creation ---- */

pid_t fl_gate_fork(void);
int fl_gate_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

/* fork, recorded on both sides: "fork" entering in the parent, then the
 * child's own first record (ret 0, its pid and parent) and the parent's
 * (ret the child's pid).  The parent's record names the child even if the
 * child never gets to run a call of its own. */
static pid_t traced_fork(char src, pid_t (*real)(void))
{
    int on_ = on(src);
    if (on_)
        rec(src, 1, "fork", 0, 0, 0, 0, 0, 0, 0);
    pid_t r = real();
    if (on_)
        rec(src, 2, "fork", 0, 0, 0, 0, 0, 0, r);
    return r;
}

/* Student objects: fork arrives renamed to fl_gate_fork by build-checker;
 * the gate (failure injection) decides, the tracer records. */
pid_t fl_trace_s_fork(void)
{
    return traced_fork('s', fl_gate_fork);
}

/* vfork goes through the gate as a fork (inject.c says why). */
pid_t fl_trace_s_vfork(void)
{
    return traced_fork('s', fl_gate_fork);
}

/* clone: recorded in the parent only; the child runs `fn` on its own stack
 * and never returns through this wrapper. */
int fl_trace_s_clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    pid_t *ptid = va_arg(ap, pid_t *);
    void *tls = va_arg(ap, void *);
    pid_t *ctid = va_arg(ap, pid_t *);
    va_end(ap);
    int on_ = on('s');
    int r = fl_gate_clone(fn, stack, flags, arg, ptid, tls, ctid);
    if (on_)
        rec('s', 0, "clone", flags, 0, 0, 0, 0, 0, r);
    return r;
}

/* The checks' own helper processes are not the student's: no gate. */
pid_t fl_trace_c_fork(void)
{
    return traced_fork('c', fork);
}

/* exec: recorded before the call (on success it does not return, and the
 * new program records nothing: the trace file is not in its environment),
 * again with the error when it fails.  a[0..5]: the path's first 47 bytes. */
static void rec_exec(const char *path, int r)
{
    int saved = errno;
    int64_t a[6] = {0};
    if (path)
        strncpy((char *)a, path, sizeof a - 1);
    put('s', 0, "exec", a, r, r < 0 ? saved : 0);
    errno = saved;
}

int fl_trace_s_execve(const char *path, char *const argv[], char *const envp[])
{
    int on_ = on('s');
    if (on_)
        rec_exec(path, 0);
    int r = execve(path, argv, envp);
    if (on_)
        rec_exec(path, r);
    return r;
}

int fl_trace_s_execv(const char *path, char *const argv[])
{
    int on_ = on('s');
    if (on_)
        rec_exec(path, 0);
    int r = execv(path, argv);
    if (on_)
        rec_exec(path, r);
    return r;
}

int fl_trace_s_execvp(const char *file, char *const argv[])
{
    int on_ = on('s');
    if (on_)
        rec_exec(file, 0);
    int r = execvp(file, argv);
    if (on_)
        rec_exec(file, r);
    return r;
}

/* ---- waiting ---- */

/* wait/waitpid: "entering" then "returned" with a0 pid, a1 options, a2 the
 * status; the wait bar runs from one to the other. */
static pid_t traced_waitpid(char src, const char *call, pid_t pid, int *status, int options)
{
    int on_ = on(src), st = 0;
    if (on_)
        rec(src, 1, call, pid, options, 0, 0, 0, 0, 0);
    pid_t r = waitpid(pid, &st, options);
    if (status && r > 0)
        *status = st;
    if (on_)
        rec(src, 2, call, pid, options, st, 0, 0, 0, r);
    return r;
}

/* waitid: a0 idtype, a1 id, a2 options, a3 the child's pid, a4 si_code,
 * a5 si_status (the code, or the signal). */
static int traced_waitid(char src, idtype_t idtype, id_t id, siginfo_t *info, int options)
{
    int on_ = on(src);
    siginfo_t mine;
    memset(&mine, 0, sizeof mine);
    if (on_)
        rec(src, 1, "waitid", idtype, id, options, 0, 0, 0, 0);
    int r = waitid(idtype, id, info ? info : &mine, options);
    if (on_) {
        siginfo_t *si = info ? info : &mine;
        rec(src, 2, "waitid", idtype, id, options, r == 0 ? si->si_pid : 0,
            r == 0 ? si->si_code : 0, r == 0 ? si->si_status : 0, r);
    }
    return r;
}

/* ---- signals, ends ---- */

static int traced_kill(char src, pid_t pid, int sig)
{
    int r = kill(pid, sig);
    if (on(src))
        rec(src, 0, "kill", pid, sig, 0, 0, 0, 0, r);
    return r;
}

/* ---- pipes ---- */

static ssize_t traced_read(char src, int fd, void *buf, size_t n)
{
    int on_ = on(src);
    int64_t kind = 0, ino = 0;
    if (on_) {
        fd_kind(fd, &kind, &ino);
        rec(src, 1, "read", fd, (int64_t)n, kind, ino, 0, 0, 0);
    }
    ssize_t r = read(fd, buf, n);
    if (on_)
        rec(src, 2, "read", fd, (int64_t)n, kind, ino, 0, 0, r);
    return r;
}

static ssize_t traced_write(char src, int fd, const void *buf, size_t n)
{
    int on_ = on(src);
    int64_t kind = 0, ino = 0;
    if (on_)
        fd_kind(fd, &kind, &ino);
    ssize_t r = write(fd, buf, n);
    if (on_)
        rec(src, 0, "write", fd, (int64_t)n, kind, ino, 0, 0, r);
    return r;
}

static int traced_pipe2(char src, const char *call, int fds[2], int flags)
{
    int r = pipe2(fds, flags);
    if (on(src)) {
        int64_t kind = 0, ino = 0;
        if (r == 0)
            fd_kind(fds[0], &kind, &ino);
        rec(src, 0, call, r == 0 ? fds[0] : -1, r == 0 ? fds[1] : -1, flags, ino, 0, 0, r);
    }
    return r;
}

/* ---- shared queues: mutexes and conditions (a0 the object's address) ---- */

static int traced_lock(char src, pthread_mutex_t *m)
{
    int r = pthread_mutex_lock(m);
    if (on(src))
        rec(src, 0, "mutex_lock", (int64_t)(intptr_t)m, 0, 0, 0, 0, 0, r);
    return r;
}

static int traced_unlock(char src, pthread_mutex_t *m)
{
    int r = pthread_mutex_unlock(m);
    if (on(src))
        rec(src, 0, "mutex_unlock", (int64_t)(intptr_t)m, 0, 0, 0, 0, 0, r);
    return r;
}

static int traced_cond_wait(char src, pthread_cond_t *c, pthread_mutex_t *m,
                            const struct timespec *t)
{
    int on_ = on(src);
    const char *call = t ? "cond_timedwait" : "cond_wait";
    if (on_)
        rec(src, 1, call, (int64_t)(intptr_t)c, (int64_t)(intptr_t)m, 0, 0, 0, 0, 0);
    int r = t ? pthread_cond_timedwait(c, m, t) : pthread_cond_wait(c, m);
    if (on_)
        rec(src, 2, call, (int64_t)(intptr_t)c, (int64_t)(intptr_t)m, 0, 0, 0, 0, r);
    return r;
}

static int traced_cond_wake(char src, pthread_cond_t *c, int all)
{
    int r = all ? pthread_cond_broadcast(c) : pthread_cond_signal(c);
    if (on(src))
        rec(src, 0, all ? "cond_broadcast" : "cond_signal", (int64_t)(intptr_t)c, 0, 0, 0, 0,
            0, r);
    return r;
}

/* ---- the three families ----
 * One set of wrappers per origin, so that the timeline knows who called:
 * the same calls, the origin's letter passed on.  _exit and exit record
 * first: they do not return. */
#define FAMILY(P, SRC)                                                                    \
    pid_t fl_trace_##P##_wait(int *status)                                                \
    {                                                                                     \
        return traced_waitpid(SRC, "wait", -1, status, 0);                                \
    }                                                                                     \
    pid_t fl_trace_##P##_waitpid(pid_t pid, int *status, int options)                     \
    {                                                                                     \
        return traced_waitpid(SRC, "waitpid", pid, status, options);                      \
    }                                                                                     \
    int fl_trace_##P##_waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)    \
    {                                                                                     \
        return traced_waitid(SRC, idtype, id, info, options);                             \
    }                                                                                     \
    int fl_trace_##P##_kill(pid_t pid, int sig)                                           \
    {                                                                                     \
        return traced_kill(SRC, pid, sig);                                                \
    }                                                                                     \
    __attribute__((noreturn)) void fl_trace_##P##__exit(int code)                          \
    {                                                                                     \
        if (on(SRC))                                                                      \
            rec(SRC, 0, "_exit", code, 0, 0, 0, 0, 0, 0);                                 \
        _exit(code);                                                                      \
    }                                                                                     \
    __attribute__((noreturn)) void fl_trace_##P##__Exit(int code)                          \
    {                                                                                     \
        if (on(SRC))                                                                      \
            rec(SRC, 0, "_exit", code, 0, 0, 0, 0, 0, 0);                                 \
        _Exit(code);                                                                      \
    }                                                                                     \
    __attribute__((noreturn)) void fl_trace_##P##_exit(int code)                           \
    {                                                                                     \
        if (on(SRC))                                                                      \
            rec(SRC, 0, "exit", code, 0, 0, 0, 0, 0, 0);                                  \
        exit(code);                                                                       \
    }                                                                                     \
    ssize_t fl_trace_##P##_read(int fd, void *buf, size_t n)                              \
    {                                                                                     \
        return traced_read(SRC, fd, buf, n);                                              \
    }                                                                                     \
    ssize_t fl_trace_##P##_write(int fd, const void *buf, size_t n)                       \
    {                                                                                     \
        return traced_write(SRC, fd, buf, n);                                             \
    }                                                                                     \
    int fl_trace_##P##_pipe(int fds[2])                                                   \
    {                                                                                     \
        return traced_pipe2(SRC, "pipe", fds, 0);                                         \
    }                                                                                     \
    int fl_trace_##P##_pipe2(int fds[2], int flags)                                       \
    {                                                                                     \
        return traced_pipe2(SRC, "pipe2", fds, flags);                                    \
    }                                                                                     \
    int fl_trace_##P##_pthread_mutex_lock(pthread_mutex_t *m)                             \
    {                                                                                     \
        return traced_lock(SRC, m);                                                       \
    }                                                                                     \
    int fl_trace_##P##_pthread_mutex_unlock(pthread_mutex_t *m)                           \
    {                                                                                     \
        return traced_unlock(SRC, m);                                                     \
    }                                                                                     \
    int fl_trace_##P##_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)           \
    {                                                                                     \
        return traced_cond_wait(SRC, c, m, NULL);                                         \
    }                                                                                     \
    int fl_trace_##P##_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,      \
                                              const struct timespec *t)                   \
    {                                                                                     \
        return traced_cond_wait(SRC, c, m, t);                                            \
    }                                                                                     \
    int fl_trace_##P##_pthread_cond_signal(pthread_cond_t *c)                             \
    {                                                                                     \
        return traced_cond_wake(SRC, c, 0);                                               \
    }                                                                                     \
    int fl_trace_##P##_pthread_cond_broadcast(pthread_cond_t *c)                          \
    {                                                                                     \
        return traced_cond_wake(SRC, c, 1);                                               \
    }

/* Public wrappers (one contract for all three families): each behaves
 * exactly as the function it is named after -- same arguments, result and
 * errno -- and records the call in the trace file when one is mapped. */
FAMILY(s, 's')
FAMILY(c, 'c')
FAMILY(h, 'h')
