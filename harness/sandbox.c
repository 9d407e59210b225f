/* sandbox.c -- the checker's side: run one check in a sandbox and decide.
 *
 *   checker ──clone──> init (harness only: pid 1 of a new PID namespace,
 *                        │   or a subreaper in a session of its own)
 *                        └──fork──> caller (the check body + student code,
 *                                      │     as an unprivileged uid, with ceilings)
 *                                      └── whatever the student starts
 *
 * The checker never runs student code.  Two sandboxes, one mechanism:
 *
 * - namespace (root): init is pid 1 of new PID, mount and IPC namespaces.
 *   kill(-1) and runaway children stay inside; when init dies the kernel
 *   kills everything in it.  init mounts a fresh /proc (so the caller's
 *   getpid and /proc agree), tmpfs on /tmp, /var/tmp and /dev/shm (the
 *   check's scratch: nothing it writes survives) and an mqueue folder.
 * - session (where namespaces are refused, or for valgrind and coverage
 *   builds): init is a subreaper in a session of its own and the scratch
 *   folder is a fresh folder under /tmp.
 *
 * In both, every process the check starts -- setsid and double forks
 * included -- stays in the tree below init.  In the namespace, init counts
 * its own /proc when the caller ends (what outlived the check, the largest
 * process) and the kernel kills the rest with init; in a session, the
 * checker finds the tree in the outer /proc, reports and kills it.  As
 * root the caller drops to a uid of its own (RLIMIT_NPROC binds, and it can
 * signal nothing but its own processes); rlimits cap processes, memory,
 * CPU, open files and file size; the checker caps output.  init tells the
 * checker how the caller ended through a pipe; the only clock is the
 * check's ceiling. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TREE 4096
#define NS_FLAGS (CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC)
#define MQ_DIR "/tmp/.forklab-mq"
#define UID_BASE 1000000000u   /* sandbox uids: base + a random number */

/* ---- which sandbox: decided once per checker ---- */

static struct {
    int decided;
    int ns;            /* namespace sandbox, else session */
    int drop;          /* student code runs as a uid of its own */
    int tool;          /* valgrind or coverage build: no uid drop, no AS cap */
    uid_t uid;         /* the student code's uid when dropping */
    char words[400];
} mode;

/* A coverage build links libgcov, which defines this; student processes
 * must then write counters into the build folder as the invoking user. */
extern void __gcov_dump(void) __attribute__((weak));

static int under_tool(void)
{
    const char *pre = getenv("LD_PRELOAD");
    return (pre && strstr(pre, "vgpreload")) || __gcov_dump != NULL;
}

/* Namespaces for this checker: as root PID, mount and IPC; otherwise a
 * user namespace too, in which the checker's uid is root. */
static int ns_flags(void)
{
    return NS_FLAGS | (geteuid() == 0 ? 0 : CLONE_NEWUSER);
}

static int write_file(pid_t pid, const char *name, const char *text)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* fork() into new namespaces (flags 0: a plain fork).  With a user
 * namespace, the child waits until the parent has mapped its uid and gid
 * to root inside; returns -1 when the kernel refuses. */
static pid_t clone_into(int flags)
{
    int sync[2];
    if (pipe2(sync, O_CLOEXEC) < 0)
        return -1;
    uid_t uid = geteuid();
    gid_t gid = getegid();
    /* The checker is not dumpable (main.c), and a child born so has /proc
     * files that belong to root: without root we could not write its
     * uid_map.  So it is born dumpable and drops that once the maps are
     * written, before any student code runs. */
    int was = prctl(PR_GET_DUMPABLE);
    if (flags & CLONE_NEWUSER)
        prctl(PR_SET_DUMPABLE, 1);
    pid_t pid = (pid_t)syscall(SYS_clone, (unsigned long)(flags | SIGCHLD), NULL, NULL, NULL, NULL);
    if (pid != 0 && (flags & CLONE_NEWUSER))
        prctl(PR_SET_DUMPABLE, was);
    if (pid == 0) {
        char c;
        close(sync[1]);
        while (read(sync[0], &c, 1) < 0 && errno == EINTR)
            ;   /* end of file: the maps are written */
        close(sync[0]);
        if (flags & CLONE_NEWUSER)
            prctl(PR_SET_DUMPABLE, was);
        return 0;
    }
    close(sync[0]);
    if (pid > 0 && (flags & CLONE_NEWUSER)) {
        char map[64];
        snprintf(map, sizeof map, "0 %u 1\n", (unsigned)uid);
        int ok = write_file(pid, "uid_map", map) == 0 && write_file(pid, "setgroups", "deny") == 0;
        snprintf(map, sizeof map, "0 %u 1\n", (unsigned)gid);
        if (!ok || write_file(pid, "gid_map", map) < 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            close(sync[1]);
            errno = EPERM;
            return -1;
        }
    }
    close(sync[1]);
    return pid;
}

/* In init of the namespace sandbox: private mounts, a /proc of this PID
 * namespace, tmpfs scratch over every world-writable folder, and an mqueue
 * folder of this IPC namespace.  Returns 0 or -1 with `why` filled. */
static int mount_sandbox(const struct fl_check *c, uid_t uid, char *why, size_t size)
{
    char opt[64];
    snprintf(opt, sizeof opt, "size=%dk,mode=1777", 2 * (c ? c->max_file_kb : 16384) + 1024);
    const struct { const char *src, *dst, *type; unsigned long fl; const char *data; int need; } m[] = {
        {NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL, 1},
        {"proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL, 1},
        {"tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, opt, 1},
        {"tmpfs", "/var/tmp", "tmpfs", MS_NOSUID | MS_NODEV, opt, 0},
        {"tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, opt, 0},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (mount(m[i].src, m[i].dst, m[i].type, m[i].fl, m[i].data) < 0 && m[i].need) {
            snprintf(why, size, "mount %s: %s", m[i].dst, strerror(errno));
            return -1;
        }
    if (mkdir(MQ_DIR, 0700) < 0 || mount("mqueue", MQ_DIR, "mqueue", 0, NULL) < 0) {
        snprintf(why, size, "mount mqueue: %s", strerror(errno));
        return -1;
    }
    if (uid && chown("/tmp", uid, uid) < 0) {
        snprintf(why, size, "chown /tmp: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* Try the namespace sandbox once: clone into it and set it up. */
static int namespaces_work(char *why, size_t size)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0)
        return 0;
    pid_t pid = clone_into(ns_flags());
    if (pid < 0) {
        snprintf(why, size, "clone: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return 0;
    }
    if (pid == 0) {
        char msg[200] = "";
        int ok = mount_sandbox(NULL, mode.drop ? mode.uid : 0, msg, sizeof msg) == 0;
        if (!ok && write(p[1], msg, strlen(msg)) < 0)
            _exit(1);
        _exit(ok ? 0 : 1);
    }
    close(p[1]);
    ssize_t n = read(p[0], why, size - 1);
    why[n > 0 ? n : 0] = '\0';
    close(p[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* Whether this process may become `uid` (root in a user namespace of a
 * container may not: only its own uid is mapped). */
static int can_become(uid_t uid)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(setgroups(0, NULL) == 0 && setgid(uid) == 0 && setuid(uid) == 0 ? 0 : 1);
    int st = 1;
    while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void decide_mode(void)
{
    if (mode.decided)
        return;
    mode.decided = 1;
    mode.tool = under_tool();
    /* A uid no other sandbox uses: checkers in other PID namespaces may
     * share our pid, so the number is drawn at random. */
    unsigned r = (unsigned)getpid() * 2654435761u;
    if (getrandom(&r, sizeof r, 0) < 0)
        r ^= (unsigned)(fl_now() * 1e9);
    mode.uid = UID_BASE + r % 2000000000u;
    mode.drop = geteuid() == 0 && !mode.tool && can_become(mode.uid);
    char why[200] = "";
    const char *want = getenv("FORKLAB_SANDBOX");
    if (want && !strcmp(want, "session"))
        snprintf(why, sizeof why, "FORKLAB_SANDBOX=session");
    else if (mode.tool)
        snprintf(why, sizeof why, "a valgrind or coverage run");
    else
        mode.ns = namespaces_work(why, sizeof why);
    char who[80];
    if (mode.drop)
        snprintf(who, sizeof who, "student code as an unprivileged uid of its own");
    else
        snprintf(who, sizeof who, "student code as uid %u (no drop)", (unsigned)geteuid());
    if (mode.ns)
        snprintf(mode.words, sizeof mode.words, "pid namespace%s, %s",
                 geteuid() ? " in a user namespace" : "", who);
    else
        snprintf(mode.words, sizeof mode.words, "session and subreaper, %s (no namespaces: %s)",
                 who, why);
}

int fl_under_tool(void)
{
    decide_mode();
    return mode.tool;
}

const char *fl_sandbox_mode(void)
{
    decide_mode();
    return mode.words;
}

/* Say once, on stderr, which sandbox runs; the driver says it instead and
 * sets FORKLAB_SANDBOX_SAID for its checkers. */
static void say_mode(void)
{
    static int said;
    if (said++ || getenv("FORKLAB_SANDBOX_SAID"))
        return;
    fprintf(stderr, "forklab: sandbox: %s", fl_sandbox_mode());
    if (mode.drop)
        fprintf(stderr, " (uid %u)", (unsigned)mode.uid);
    fputc('\n', stderr);
}

/* ---- ceilings ---- */

/* Processes of `uid` on the machine now (for RLIMIT_NPROC without a uid of
 * our own: the limit counts every process of the real uid). */
static int procs_of(uid_t uid)
{
    static pid_t pids[32768];
    int n = fl_proc_tree(0, pids, 32768), k = 0;
    for (int i = 0; i < n; i++) {
        char path[64];
        struct stat st;
        snprintf(path, sizeof path, "/proc/%d", (int)pids[i]);
        if (stat(path, &st) == 0 && st.st_uid == uid)
            k++;
    }
    return k;
}

/* Processes of the checker's uid when the sandbox started; where the
 * kernel counts them against the check's RLIMIT_NPROC, its process ceiling
 * comes on top of them. */
static int outer_procs;

/* Whether the kernel counts the check's processes apart from the user's
 * others: under a uid of its own, or in a user namespace of its own (the
 * namespace's count alone meets its RLIMIT_NPROC).  Then checks side by
 * side never take each other's room, and no /proc scan is needed. */
static int counted_alone(void)
{
    return mode.drop || (mode.ns && geteuid() != 0);
}

/* Set soft and hard limit to v, never above a hard limit we cannot raise. */
static int set_limit(int res, double v)
{
    struct rlimit now;
    if (getrlimit(res, &now) == 0 && now.rlim_max != RLIM_INFINITY && (double)now.rlim_max < v)
        v = (double)now.rlim_max;
    struct rlimit r = {(rlim_t)v, (rlim_t)v};
    /* valgrind keeps the hard limit on descriptors for its own and refuses
     * to change it (EPERM): under it, the soft limit is the ceiling. */
    if (res == RLIMIT_NOFILE && mode.tool && getrlimit(res, &now) == 0) {
        r.rlim_max = now.rlim_max;
        r.rlim_cur = r.rlim_cur < now.rlim_max ? r.rlim_cur : now.rlim_max;
    }
    return setrlimit(res, &r);
}

/* In the caller, before the body runs: the check's ceilings, then the
 * unprivileged uid (after setrlimit, which the uid could not raise). */
static int confine(const struct fl_check *c, uid_t uid, char *why, size_t size)
{
    double cpu = c->cpu_s * fl_timeout_scale();
    double nproc = c->max_procs + (mode.drop ? 0 : 1) +   /* + init, unless root */
                   (counted_alone() ? 0 : outer_procs);
    if (set_limit(RLIMIT_NPROC, nproc) < 0 || set_limit(RLIMIT_NOFILE, c->max_files) < 0 ||
        set_limit(RLIMIT_FSIZE, (double)c->max_file_kb * 1024) < 0 ||
        set_limit(RLIMIT_CPU, (double)(long)cpu + 1) < 0 || set_limit(RLIMIT_CORE, 0) < 0 ||
        (!mode.tool && set_limit(RLIMIT_AS, (double)c->max_memory_mb * 1048576) < 0)) {
        snprintf(why, size, "setrlimit: %s", strerror(errno));
        return -1;
    }
    /* Dies with init, which dies with the checker: an interrupted or killed
     * checker leaves no caller behind. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (!mode.drop) {
        /* The checker is not dumpable (main.c); student code must still
         * read its own /proc files. */
        prctl(PR_SET_DUMPABLE, 1);
        return 0;
    }
    if (setgroups(0, NULL) < 0 || setgid(uid) < 0 || setuid(uid) < 0) {
        snprintf(why, size, "dropping to uid %u: %s", (unsigned)uid, strerror(errno));
        return -1;
    }
    /* A uid change makes a process non-dumpable: its /proc files would
     * belong to root and lessons read their own children's /proc. */
    prctl(PR_SET_DUMPABLE, 1);
    return 0;
}

/* In the caller: atexit handlers run on exit(), never on _exit().  The
 * harness ends the caller with _exit, so a run of this handler means
 * student code called exit() -- in the caller, or in a child that inherited
 * the handler. */
static void note_exit_call(void)
{
    if (fl_page->deliberate_exit_pid == getpid())
        return;   /* fl_task_exit: the check's own exit() in a task */
    if (getpid() == fl_page->caller) {
        fl_page->caller_exit = 1;
        memcpy(fl_page->exit_stage, fl_page->stage, sizeof fl_page->stage);
    } else if (__atomic_exchange_n(&fl_page->child_atexit, 1, __ATOMIC_SEQ_CST) == 0) {
        fl_page->child_atexit_pid = getpid();
    }
}

static void run_caller(const struct fl_check *c)
{
    fl_page->caller = getpid();
    fl_current = c;
    snprintf(fl_page->stage, sizeof fl_page->stage, "%s", fl_tr("starting the check"));
    /* The checker ignores SIGPIPE for itself; student code must meet the
     * default, or a write to a pipe nobody reads would go unseen. */
    signal(SIGPIPE, SIG_DFL);
    atexit(note_exit_call);
    fl_around_begin(c);
    c->body();
    fl_guard();
    fl_around_end(c);
    __atomic_store_n(&fl_page->state, FL_PASS, __ATOMIC_SEQ_CST);
    _exit(0);
}

/* Keep only the fds the sandbox needs: student code must not reach the
 * checker's stdout (the records) or anything else it holds open. */
static void keep_fds(int *status_fd, int *out_fd)
{
    int s = fcntl(*status_fd, F_DUPFD, 10), w = fcntl(*out_fd, F_DUPFD, 10);
    if (s < 0 || w < 0)
        _exit(1);
    dup2(s, 3);
    dup2(w, 4);
    *status_fd = 3;
    *out_fd = 4;
    if (syscall(SYS_close_range, 5u, ~0u, 0u) < 0)
        for (int fd = 5; fd < 4096; fd++)
            close(fd);
}

static void setup_failed(const char *why)
{
    snprintf(fl_page->setup_error, sizeof fl_page->setup_error, "%s", why);
    _exit(1);
}

/* What init tells the checker when the caller has ended, on the status
 * pipe that only init holds (no student process can write it). */
struct init_report {
    int status;                /* the caller's wait status */
    int ntree;                 /* processes of the namespace but init; -1: not counted */
    int nleft;                 /* ... of which still running */
    long hwm_kb;               /* the most memory one of them has used */
    char leftovers[600];       /* the running ones, "pid (comm)", pids as the check saw them */
};
_Static_assert(sizeof(struct init_report) <= PIPE_BUF, "one atomic write");

/* In the namespace sandbox, init's /proc holds the check's processes
 * alone: counting them here spares the checker a scan of the whole
 * machine's /proc for every check (and the pids are the ones the check's
 * messages use). */
static void count_namespace(struct init_report *rep)
{
    DIR *d = opendir("/proc");
    rep->ntree = d ? 0 : -1;
    for (struct dirent *e; d && (e = readdir(d));) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end || pid <= 1)
            continue;
        char st = fl_proc_state((pid_t)pid);
        if (st == 0)
            continue;
        rep->ntree++;
        long kb = fl_proc_hwm_kb((pid_t)pid);
        rep->hwm_kb = kb > rep->hwm_kb ? kb : rep->hwm_kb;
        if (st == 'Z')
            continue;
        char comm[32];
        fl_proc_comm((pid_t)pid, comm, sizeof comm);
        if (rep->nleft < 8)
            fl_appendf(rep->leftovers, sizeof rep->leftovers, "%s%ld (%s)",
                       rep->nleft ? ", " : "", pid, comm);
        rep->nleft++;
    }
    if (rep->nleft > 8)
        fl_appendf(rep->leftovers, sizeof rep->leftovers, fl_tr(" and %d more"), rep->nleft - 8);
    if (d)
        closedir(d);
}

/* What init knows once the caller has ended: the largest process, and the
 * IPC objects the check's namespace still holds. */
static void note_after_caller(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) == 0)
        fl_page->maxrss_kb = ru.ru_maxrss;
    if (mode.ns)
        fl_page->nipc = fl_ipc_leftovers(0, 1, MQ_DIR, 0, fl_page->ipc, sizeof fl_page->ipc);
}

static void run_init(const struct fl_check *c, uid_t uid, const char *scratch, int status_fd,
                     int out_fd)
{
    /* The checker's own stop handlers are not the sandbox's. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* The checker may have died before PDEATHSIG was set: then nobody
     * reads the status pipe. */
    struct pollfd alive = {.fd = status_fd, .events = POLLOUT};
    if (poll(&alive, 1, 0) > 0 && (alive.revents & POLLERR))
        _exit(1);
    keep_fds(&status_fd, &out_fd);
    setsid();
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    char why[200] = "";
    if (mode.ns && mount_sandbox(c, mode.drop ? uid : 0, why, sizeof why) < 0)
        setup_failed(why);
    if (chdir(mode.ns ? "/tmp" : scratch) < 0)
        setup_failed("cannot enter the scratch folder");
    /* stdin is a pipe nobody writes to: reading it blocks, as a terminal
     * would, so "the child's stdin reads end-of-file" must be the student's
     * doing. */
    int in[2];
    if (pipe(in) < 0)
        _exit(1);
    pid_t caller = fork();
    if (caller < 0)
        _exit(1);
    if (caller == 0) {
        close(status_fd);
        dup2(in[0], 0);
        dup2(out_fd, 1);
        dup2(out_fd, 2);
        close(in[0]);
        close(in[1]);
        close(out_fd);
        if (confine(c, uid, why, sizeof why) < 0)
            setup_failed(why);
        run_caller(c);
    }
    close(out_fd);
    close(in[0]);
    for (;;) {
        int st;
        pid_t r = wait(&st);
        if (r == caller) {
            note_after_caller();
            struct init_report rep = {.status = st, .ntree = -1};
            if (mode.ns)
                count_namespace(&rep);
            while (write(status_fd, &rep, sizeof rep) < 0 && errno == EINTR)
                ;
        }
        if (r < 0 && errno == ECHILD)
            pause();   /* nothing left to reap: the checker ends us */
    }
}

/* Kill every process below init, then init itself, and wait for each to be
 * gone.  A process that forks while we kill is caught on the next round. */
static void kill_sandbox(pid_t init)
{
    static pid_t tree[MAX_TREE];
    static int fds[MAX_TREE];
    /* pid 1 of a namespace takes every process in it along when it dies. */
    for (int round = mode.ns ? 100 : 0; round < 100; round++) {
        int n = fl_proc_tree(init, tree, MAX_TREE), alive = 0;
        for (int i = 0; i < n; i++) {
            if (fl_proc_state(tree[i]) == 'Z')
                continue;   /* init reaps it once its parent is gone */
            /* A pidfd pins the process: the signal cannot hit a recycled
             * pid.  Without pidfds, kill() by pid is the fallback. */
            int fd = fl_pidfd_open(tree[i]);
            if (fd >= 0)
                syscall(SYS_pidfd_send_signal, fd, SIGKILL, NULL, 0);
            else if (errno == ESRCH)
                continue;
            else
                kill(tree[i], SIGKILL);
            tree[alive] = tree[i];
            fds[alive++] = fd;
        }
        for (int i = 0; i < alive; i++) {
            fl_pidfd_wait(fds[i], tree[i], 1000);
            if (fds[i] >= 0)
                close(fds[i]);
        }
        if (alive == 0)
            break;
    }
    kill(init, SIGKILL);
    while (waitpid(init, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* Processes of the tree below init other than zombies: what outlived the
 * caller.  The tree is the one snapshot the checker took of /proc. */
static int list_leftovers(const pid_t *tree, int n, char *buf, size_t size)
{
    int alive = 0;
    for (int i = 0; i < n; i++) {
        char st = fl_proc_state(tree[i]);
        if (st == 'Z' || st == 0)
            continue;
        char comm[32];
        fl_proc_comm(tree[i], comm, sizeof comm);
        if (alive < 8)
            fl_appendf(buf, size, "%s%d (%s)", alive ? ", " : "", (int)tree[i], comm);
        alive++;
    }
    if (alive > 8)
        fl_appendf(buf, size, fl_tr(" and %d more"), alive - 8);
    return alive;
}

/* Everything the check printed, the first of it kept; past the cap it is
 * only counted. */
static void take_output(int fd, struct fl_outcome *o)
{
    char buf[8192];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        size_t room = sizeof o->output - 1 - strlen(o->output);
        size_t k = (size_t)r < room ? (size_t)r : room;
        /* NUL bytes would cut the text short; show them as '?'. */
        char *end = o->output + strlen(o->output);
        for (size_t i = 0; i < k; i++)
            end[i] = buf[i] ? buf[i] : '?';
        end[k] = '\0';
        o->output_bytes += (size_t)r;
    }
}

/* The session sandbox's scratch folder: made for the check's uid, removed
 * with everything in it afterwards. */
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);   /* best effort: what stays is in /tmp only */
    return 0;
}

static void remove_tree(const char *dir)
{
    if (dir[0])
        nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Drain output and wait for init's report, with the ceiling as the only
 * clock; stop early on an output flood. */
/* How often the checker looks for a deadlock once a check has run for a
 * while: most checks end well before the first look, and pay nothing. */
#define TICK_S 0.05

/* Drain output and wait for init's report, with the ceiling as the only
 * clock; stop early on an output flood, an interruption, or a deadlock. */
static void watch(const struct fl_check *c, int st_fd, int out_fd, double start, pid_t init,
                  const struct fl_page *pg, struct fl_seen *w, struct init_report *rep,
                  struct fl_outcome *o)
{
    int out_open = 1;
    size_t cap = (size_t)c->max_output_kb * 1024;
    struct fl_deadlock dl = {0};
    for (;;) {
        double now = fl_now(), left = w->ceiling - (now - start);
        if (left <= 0) {
            w->timed_out = 1;
            return;
        }
        /* The first look comes after 2 ticks, then one every tick. */
        double first = 2 * TICK_S - (now - start);
        double wait = first > TICK_S ? first : TICK_S;
        if (wait > left)
            wait = left;
        struct pollfd fds[2] = {{.fd = st_fd, .events = POLLIN},
                                {.fd = out_open ? out_fd : -1, .events = POLLIN}};
        int r = poll(fds, 2, (int)(wait * 1000) + 1);
        if (fl_stop_signal) {
            w->interrupted = 1;
            return;
        }
        if (r < 0 && errno != EINTR)
            return;
        if (fds[1].revents) {
            take_output(out_fd, o);
            if (o->output_bytes > cap) {
                w->flooded = 1;
                return;
            }
            if (fds[1].revents & POLLHUP && !(fds[1].revents & POLLIN))
                out_open = 0;
        }
        if (fds[0].revents) {
            w->have_status = read(st_fd, rep, sizeof *rep) == (ssize_t)sizeof *rep;
            w->status = rep->status;
            return;
        }
        /* Not under valgrind: its guests block in its own machinery. */
        if (r == 0 && !mode.tool && fl_now() - start >= 2 * TICK_S &&
            fl_deadlock_tick(&dl, pg, init, w->deadlock, sizeof w->deadlock)) {
            w->deadlocked = 1;
            return;
        }
    }
}

/* ---- skips: the checker's, from machine facts it measures itself ---- */

volatile sig_atomic_t fl_stop_signal;

/* CPUs this checker may run on. */
static int cpus_here(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return 1;
    return CPU_COUNT(&set);
}

/* Whether a process of the check's uid may ptrace its own child here
 * (Yama, seccomp or a container may refuse).  Asked once. */
static int ptrace_works(void)
{
    static int known = -1;
    if (known >= 0)
        return known;
    /* A valgrind guest cannot be traced: say no without a probe (whose
     * processes the memcheck tier would take for a sandbox). */
    if (mode.tool)
        return known = 0;
    pid_t pid = fork();
    if (pid == 0) {
        if (mode.drop && (setgid(mode.uid) < 0 || setuid(mode.uid) < 0))
            _exit(1);
        /* As the caller is: dumpable (the checker is not, and a uid
         * change clears it), else no ptrace is ever allowed. */
        prctl(PR_SET_DUMPABLE, 1);
        pid_t kid = fork();
        if (kid == 0) {
            pause();
            _exit(0);
        }
        int ok = kid > 0 && ptrace(PTRACE_SEIZE, kid, 0, 0) == 0;
        kill(kid, SIGKILL);
        waitpid(kid, NULL, 0);
        _exit(ok ? 0 : 1);
    }
    int st = 1;
    while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    known = pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    return known;
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Two harness processes each want 30 ms of CPU at once: on a machine with
 * two free CPUs they finish in about 30 ms of wall time, on a busy or
 * single-CPU one in about 60.  Returns the wall time they took over the
 * CPU time each used (1 = perfectly parallel, 2 = one after the other). */
static double calibrate_parallel(void)
{
    const double want = 0.03;
    double start = fl_now();
    pid_t kids[2];
    for (int i = 0; i < 2; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            double end = fl_now() + 0.5;
            while (cpu_now() < want && fl_now() < end)
                ;
            _exit(0);
        }
    }
    for (int i = 0; i < 2; i++)
        while (kids[i] > 0 && waitpid(kids[i], NULL, 0) < 0 && errno == EINTR)
            ;
    return (fl_now() - start) / want;
}

/* Before the body: a declared need the machine plainly lacks skips the
 * check without running it.  Returns 1 when o is settled as a skip. */
static int skip_before(const struct fl_check *c, struct fl_outcome *o)
{
    int n = cpus_here();
    if (c->needs_cpus > n && n == 1)
        snprintf(o->notes, sizeof o->notes, fl_tr("this machine lets the check use 1 CPU; it "
                 "needs %d to see processes run in parallel (FORKLAB_FORCE=1 runs it anyway)"),
                 c->needs_cpus);
    else if (c->needs_cpus > n)
        snprintf(o->notes, sizeof o->notes, fl_tr("this machine lets the check use %d CPUs; it "
                 "needs %d to see processes run in parallel (FORKLAB_FORCE=1 runs it anyway)"),
                 n, c->needs_cpus);
    else if (c->no_valgrind && mode.tool && !(__gcov_dump != NULL))
        snprintf(o->notes, sizeof o->notes, "%s", fl_tr("under valgrind this check cannot work "
                 "(it measures time valgrind stretches, or needs calls valgrind lacks); make "
                 "check runs it"));
    else if (c->needs_ptrace && !ptrace_works())
        snprintf(o->notes, sizeof o->notes, "%s", fl_tr("this machine refuses ptrace to the "
                 "check's processes (Yama or a container); the check needs it (FORKLAB_FORCE=1 "
                 "runs it anyway)"));
    else
        return 0;
    const char *force = getenv("FORKLAB_FORCE");
    if (force && *force == '1') {
        o->notes[0] = '\0';
        return 0;
    }
    o->verdict = FL_SKIP;
    return 1;
}

/* After the body asked to skip: granted only for a declared need that the
 * checker's own measurement, made now with harness processes alone,
 * confirms is not met; else the check fails. */
static void judge_skip(const struct fl_check *c, struct fl_outcome *o)
{
    char asked[sizeof o->notes];
    memcpy(asked, o->notes, sizeof asked);
    /* Under valgrind or coverage no timing means anything: granted. */
    if (c->needs_cpus > 1 && mode.tool)
        return;
    if (c->needs_cpus > 1) {
        /* A correct solution must never fail for the machine's load: the
         * skip is refused only when the harness's own two processes ran
         * clearly in parallel every time, ten times over about a third of
         * a second (load comes in bursts: three quick looks once saw the
         * CPUs free right after a burst had slowed the check).  Code that
         * runs its children one at a time is failed by the checks
         * themselves, which see that they never overlapped. */
        double ratio = 0;
        for (int i = 0; i < 10 && ratio < 1.25; i++) {
            double r = calibrate_parallel();
            ratio = r > ratio ? r : ratio;
        }
        if (ratio >= 1.25) {
            snprintf(o->notes, sizeof o->notes, fl_tr("%.900s (the harness's own two processes "
                     "also shared one CPU just now: %.1fx the time of one)"), asked, ratio);
            return;
        }
        o->verdict = FL_FAIL;
        snprintf(o->expected, sizeof o->expected, "%s", fl_tr("the check's processes to run in "
                 "parallel on a machine with two free CPUs"));
        snprintf(o->observed, sizeof o->observed, fl_tr("the check found no parallel running "
                 "(%.900s), yet two of the harness's own processes ran in parallel each of ten "
                 "times right after it (at most %.1fx the time of one): the CPUs were free, so "
                 "it was the code that did not run its children at the same time"), asked, ratio);
        return;
    }
    if (c->needs_ptrace && !ptrace_works())
        return;
    o->verdict = FL_FAIL;
    snprintf(o->expected, sizeof o->expected, "%s", fl_tr("a check to be skipped only when the "
             "machine lacks what it declares it needs"));
    snprintf(o->observed, sizeof o->observed, fl_tr("the check asked to be skipped (%.900s), but "
             "the machine offers everything the check needs: a skip is the harness's to decide, "
             "and student code cannot ask for one"), asked);
}

int fl_sandbox_run(const struct fl_check *c, struct fl_outcome *o)
{
    memset(o, 0, sizeof *o);
    decide_mode();
    say_mode();
    if (skip_before(c, o))
        return 0;
    struct fl_page *pg = mmap(NULL, sizeof *pg, PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (pg == MAP_FAILED)
        return -1;
    memset(pg, 0, sizeof *pg);
    int st_pipe[2], out_pipe[2];
    if (pipe2(st_pipe, O_CLOEXEC) < 0)
        return -1;
    if (pipe2(out_pipe, O_CLOEXEC) < 0)
        return -1;
    uid_t uid = mode.drop ? mode.uid : geteuid();
    char scratch[64] = "";
    if (!mode.ns) {
        snprintf(scratch, sizeof scratch, "/tmp/forklab-scratch-XXXXXX");
        if (!mkdtemp(scratch) || (mode.drop && chown(scratch, uid, uid) < 0))
            return -1;
    }
    if (!counted_alone())
        outer_procs = procs_of(geteuid());
    struct fl_seen w = {.ceiling = c->timeout_s * fl_timeout_scale()};
    double start = fl_now();
    fflush(NULL);
    pid_t init = clone_into(mode.ns ? ns_flags() : 0);
    if (init < 0)
        return -1;
    if (init == 0) {
        fl_page = pg;
        close(st_pipe[0]);
        close(out_pipe[0]);
        /* The caller and the student's processes must not inherit the
         * checker's close-on-exec flags on these two; give them plain fds. */
        int s = dup(st_pipe[1]), wr = dup(out_pipe[1]);
        close(st_pipe[1]);
        close(out_pipe[1]);
        run_init(c, uid, scratch, s, wr);
    }
    close(st_pipe[1]);
    close(out_pipe[1]);
    fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
    struct init_report rep = {.ntree = -1};
    watch(c, st_pipe[0], out_pipe[0], start, init, pg, &w, &rep, o);
    o->seconds = fl_now() - start;
    if (w.have_status && rep.ntree >= 0) {
        /* init counted its namespace (see count_namespace). */
        w.ntree = rep.ntree;
        w.hwm_kb = rep.hwm_kb;
        w.nleft = rep.nleft;
        memcpy(w.leftovers, rep.leftovers, sizeof w.leftovers);
        w.leftovers[sizeof w.leftovers - 1] = '\0';
    } else {
        static pid_t tree[MAX_TREE];
        w.ntree = fl_proc_tree(init, tree, MAX_TREE);
        for (int i = 0; i < w.ntree; i++) {
            long kb = fl_proc_hwm_kb(tree[i]);
            w.hwm_kb = kb > w.hwm_kb ? kb : w.hwm_kb;
        }
        if (w.have_status)
            w.nleft = list_leftovers(tree, w.ntree, w.leftovers, sizeof w.leftovers);
    }
    kill_sandbox(init);
    fcntl(out_pipe[0], F_SETFL, 0);
    take_output(out_pipe[0], o);
    close(out_pipe[0]);
    close(st_pipe[0]);
    if (mode.ns) {
        w.nipc = pg->nipc;
        memcpy(w.ipc, pg->ipc, sizeof w.ipc);
        w.ipc[sizeof w.ipc - 1] = '\0';
    } else if (mode.drop) {
        w.nipc = fl_ipc_leftovers(uid, 0, NULL, 1, w.ipc, sizeof w.ipc);
    }
    remove_tree(scratch);
    fl_decide(c, pg, &w, o);
    if (o->verdict == FL_SKIP)
        judge_skip(c, o);
    munmap(pg, sizeof *pg);
    return 0;
}
