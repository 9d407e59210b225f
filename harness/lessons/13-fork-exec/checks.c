/* Lesson 13 checks: fork then exec.  The new program is either /bin/sh or
 * this very checker, run again: a constructor below notices the role given
 * in its environment, reports what the kernel tells it (its pid, its
 * parent, its globals, its open descriptors) over an inherited descriptor,
 * and ends before the harness's main ever runs. */
#include "fl.h"
#include "forkexec.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the checker as the spawned program ---- */

#define ROLE_ENV "FORKLAB_L13_REPORT_FD"
#define GATE_ENV "FORKLAB_L13_GATE_FD"
#define MAX_FDS 32

struct report {
    int magic;
    pid_t pid, ppid;
    int marker;            /* a global as the program starts: fresh, so 0 */
    int nfds;              /* descriptors open besides 0, 1, 2 and the report's */
    int fds[MAX_FDS];
};

#define REPORT_MAGIC 0x13c0de

static int marker;          /* the caller sets its own copy before spawning */

/* Whether descriptor fd of this process is a pipe. */
static int is_pipe(int fd)
{
    char path[64], target[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, target, sizeof target - 1);
    return n > 5 && strncmp(target, "pipe:", 5) == 0;
}

/* The pipes this process has open, except 0-2 and `skip` (tools such as
 * valgrind keep files of their own open: only the client's pipes count). */
static int open_fds(int skip, int *fds, int max)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    /* A tool keeps its descriptors above the process's limit (valgrind). */
    struct rlimit lim;
    long top = getrlimit(RLIMIT_NOFILE, &lim) == 0 ? (long)lim.rlim_cur : LONG_MAX;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        int fd = atoi(e->d_name);
        if (e->d_name[0] != '.' && fd > 2 && fd < top && fd != skip && fd != dirfd(d) &&
            n < max && is_pipe(fd))
            fds[n++] = fd;
    }
    closedir(d);
    return n;
}

__attribute__((constructor)) static void report_if_spawned(void)
{
    const char *fd_s = getenv(ROLE_ENV);
    if (!fd_s)
        return;
    int fd = atoi(fd_s);
    struct report r = {REPORT_MAGIC, getpid(), getppid(), marker, 0, {0}};
    const char *gate_s = getenv(GATE_ENV);
    int gate = gate_s ? atoi(gate_s) : -1;
    r.nfds = open_fds(fd, r.fds, MAX_FDS);
    /* The gate's read end is the caller's on purpose: not counted. */
    for (int i = 0; i < r.nfds; i++)
        if (r.fds[i] == gate)
            r.fds[i--] = r.fds[--r.nfds];
    ssize_t n = write(fd, &r, sizeof r);
    /* Held until the caller has looked at this process from outside
     * (/proc/PID/exe and /proc/PID/maps): end of file on the gate. */
    char c;
    while (gate >= 0 && read(gate, &c, 1) != 0 && errno == EINTR)
        ;
    const char *code = getenv("FORKLAB_L13_EXIT");
    _exit(n == (ssize_t)sizeof r && code ? atoi(code) : 99);
}

/* ---- helpers (candidates for the core) ---- */

/* Where /proc/PID/exe points, in buf; "" when it cannot be read. */
static void exe_of(pid_t pid, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/exe", (int)pid);
    ssize_t n = readlink(path, buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
}

/* Whether `exe` is one of valgrind's tools: under valgrind every process
 * runs the tool, so /proc/PID/exe cannot show an exec. */
static int is_valgrind(const char *exe)
{
    return strstr(exe, "valgrind") != NULL;
}

struct reporter {
    int fd[2];
    int gate[2];            /* the program waits for end of file on gate[0] */
    void *mark;             /* a shared mapping of the caller's, made before the
                             * spawn: exec must have removed it */
    char env_fd[48], env_exit[40], env_gate[48];
    char *envp[4];
    char *argv[2];
    char path[PATH_MAX];
};

/* Prepare this checker as the program to spawn: it writes its report to
 * fd[1] (inherited: no O_CLOEXEC) and exits with `code`. */
static void reporter_new(struct reporter *r, int code)
{
    fl_pipe(r->fd);
    fcntl(r->fd[1], F_SETFD, 0);
    fl_pipe(r->gate);
    fcntl(r->gate[0], F_SETFD, 0);
    r->mark = fl_board_new(4096);
    /* The checker's own file, by its path when the sandbox shows it; a kit
     * under /tmp is hidden by the sandbox's fresh /tmp, and then the
     * kernel's link to the running file still reaches it.  (Under valgrind
     * the link names valgrind, but there /tmp is not replaced.) */
    ssize_t n = readlink("/proc/self/exe", r->path, sizeof r->path - 1);
    r->path[n > 0 ? n : 0] = '\0';
    if (n <= 0 || access(r->path, X_OK) < 0)
        snprintf(r->path, sizeof r->path, "/proc/self/exe");
    snprintf(r->env_fd, sizeof r->env_fd, ROLE_ENV "=%d", r->fd[1]);
    snprintf(r->env_exit, sizeof r->env_exit, "FORKLAB_L13_EXIT=%d", code);
    snprintf(r->env_gate, sizeof r->env_gate, GATE_ENV "=%d", r->gate[0]);
    r->envp[0] = r->env_fd;
    r->envp[1] = r->env_exit;
    r->envp[2] = r->env_gate;
    r->envp[3] = NULL;
    r->argv[0] = "forklab-spawned";
    r->argv[1] = NULL;
}

static void spawn_or_fail(struct proc *p, const char *path, char *const argv[],
                          char *const envp[])
{
    proc_init(p, NULL, NULL);
    fl_stage("calling proc_spawn(\"%s\")", path);
    errno = 0;
    int r = proc_spawn(p, path, argv, envp);
    fl_stage("checking what proc_spawn returned");
    FL_EXPECT(r == 0, "proc_spawn to return 0 for a program that exists",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(p->pid > 0 && fl_is_unreaped_child(p->pid, NULL),
              "p->pid to be a child of the caller",
              p->pid > 0 ? fl_tr("p->pid is %d, not a child of the caller")
                         : fl_tr("p->pid is %d, no pid"),
              (int)p->pid);
}

/* Whether /proc/PID/maps of `pid` still has a shared mapping over `addr`:
 * a forked child keeps the caller's mappings; exec replaces them all.
 * -1 when the maps cannot be read. */
static int has_mapping(pid_t pid, const void *addr)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int found = 0;
    uintptr_t a = (uintptr_t)addr;
    while (!found && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && a >= lo && a < hi &&
            perms[3] == 's')
            found = 1;
    }
    fclose(f);
    return found;
}

/* Read the report of the program in child `pid`, then prove from outside
 * that the process which wrote it runs the program it was given: while it
 * is held at the gate, /proc/PID/exe names that program and the caller's
 * shared mapping made before the spawn is gone from /proc/PID/maps (a
 * forked child that never exec'd keeps it).  Then let it go.  Fails the
 * check (after reaping the child) when no genuine report came. */
static void read_report(struct reporter *r, struct report *rep, pid_t pid)
{
    close(r->fd[1]);
    close(r->gate[0]);
    ssize_t n, got = 0;
    while (got < (ssize_t)sizeof *rep &&
           (n = read(r->fd[0], (char *)rep + got, sizeof *rep - (size_t)got)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        got += n;
    }
    close(r->fd[0]);
    char exe[PATH_MAX], want[PATH_MAX];
    exe_of(rep->pid > 0 && got == (ssize_t)sizeof *rep ? rep->pid : pid, exe, sizeof exe);
    if (!realpath(r->path, want))
        snprintf(want, sizeof want, "%s", r->path);
    int kept = got == (ssize_t)sizeof *rep ? has_mapping(rep->pid, r->mark) : -1;
    /* The same file, by identity: a path the sandbox hides (a kit under
     * /tmp) reads differently from inside and out, its inode does not.
     * Asked while the program is still held at its gate. */
    char link[64];
    snprintf(link, sizeof link, "/proc/%d/exe", (int)(got == (ssize_t)sizeof *rep ? rep->pid : pid));
    struct stat runs, given;
    int same = stat(link, &runs) == 0 && stat("/proc/self/exe", &given) == 0 &&
               runs.st_dev == given.st_dev && runs.st_ino == given.st_ino;
    close(r->gate[1]);
    if (got != (ssize_t)sizeof *rep || rep->magic != REPORT_MAGIC)
        fl_fail_settled(NULL, pid, "the spawned program to report over the inherited pipe",
                        "no report arrived from child %d: it never ran this program",
                        (int)pid);
    if (kept == 1)
        fl_fail_settled(NULL, pid, "the report to come from a process that exec replaced",
                        "the process %d that wrote the report still has the caller's shared "
                        "mapping at %p: it is a fork of the caller that never called exec",
                        (int)rep->pid, r->mark);
    if (!is_valgrind(exe) && rep->pid == pid && !same && strcmp(exe, want) != 0 &&
        strcmp(exe, r->path) != 0)
        fl_fail_settled(NULL, pid, "the report to come from the program proc_spawn was given",
                        "process %d runs %s, not %s", (int)rep->pid, exe, want);
}

/* ---- checks ---- */

FL_CHECK(spawn_new_image, "the child runs the new program once proc_spawn returns",
         .section = "Replacing the program: exec")
{
    /* /bin/sh waits for a line on a pipe: the check looks at the child while
     * it is held there, then lets it go. */
    int hold[2];
    FL_EXPECT(pipe2(hold, O_CLOEXEC) == 0, "a pipe to hold the child", "pipe failed: %s",
              strerror(errno));
    fcntl(hold[0], F_SETFD, 0);
    char script[64];
    snprintf(script, sizeof script, "read line <&%d", hold[0]);
    char *argv[] = {"sh", "-c", script, NULL};
    char mine[PATH_MAX], sh[PATH_MAX], now[PATH_MAX];
    exe_of(getpid(), mine, sizeof mine);
    FL_EXPECT(realpath("/bin/sh", sh) != NULL, "/bin/sh to exist", "realpath: %s",
              strerror(errno));
    struct proc p;
    spawn_or_fail(&p, "/bin/sh", argv, NULL);
    close(hold[0]);
    exe_of(p.pid, now, sizeof now);
    char state = fl_proc_state(p.pid);
    FL_EXPECT(write(hold[1], "go\n", 3) == 3, "the child to be held on its pipe",
              "write failed: %s", strerror(errno));
    close(hold[1]);
    if (!is_valgrind(now) && strcmp(now, sh) != 0)
        fl_fail_settled(NULL, p.pid, "/proc/PID/exe of the child to be /bin/sh when proc_spawn returns",
                     strcmp(now, mine) == 0
                         ? fl_tr("child %d (state %c) runs %s, the caller's own program: "
                                 "proc_spawn returned before exec replaced it (wait for the "
                                 "close-on-exec pipe's end of file)")
                         : fl_tr("child %d (state %c) runs %s"),
                     (int)p.pid, state ? state : '?', now);
    fl_stage("joining child %d (sh reads one line, then exits 0)", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to return 0",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    int code = -1;
    proc_exitcode(&p, &code);
    FL_EXPECT(code == 0, "sh to exit 0 after reading its line",
              "child %d has exit code %d", (int)p.pid, code);
}

FL_CHECK(spawn_keeps_pid, "exec keeps the pid and the parent, and starts with fresh globals",
         .section = "Same process, new program")
{
    struct reporter r;
    reporter_new(&r, 0);
    marker = 4242;
    struct proc p;
    spawn_or_fail(&p, r.path, r.argv, r.envp);
    fl_stage("reading the report of the program in child %d", (int)p.pid);
    struct report rep;
    read_report(&r, &rep, p.pid);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_spawn");
    FL_EXPECT(rep.pid == p.pid, "the new program to run in the process whose pid is p->pid",
              rep.pid == getpid()
                  ? fl_tr("the program ran in pid %d, p->pid is %d: the caller itself (exec "
                          "without fork replaces the caller)")
                  : fl_tr("the program ran in pid %d, p->pid is %d: another process (a "
                          "grandchild?)"),
              (int)rep.pid, (int)p.pid);
    FL_EXPECT(rep.ppid == getpid(), "the new program's parent to be the caller",
              "its parent is %d, the caller is %d", (int)rep.ppid, (int)getpid());
    FL_EXPECT(rep.marker == 0, "the program to start with its globals as compiled (fresh)",
              "it saw the global at %d, the caller's value: it was forked, not exec'd",
              rep.marker);
}

FL_CHECK(spawn_exit_status, "the new program's exit status reaches the parent",
         .section = "Same process, new program")
{
    struct reporter r;
    reporter_new(&r, 42);
    struct proc p;
    spawn_or_fail(&p, r.path, r.argv, r.envp);
    struct report rep;
    int early = -1;
    FL_EXPECT(proc_exitcode(&p, &early) == 0, "no exit code before the join",
              "proc_exitcode (given) gave %d", early);
    fl_stage("reading the report of the program in child %d", (int)p.pid);
    read_report(&r, &rep, p.pid);
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to return 0",
              "it returned -1 (errno %d: %s)", errno, strerror(errno));
    int code = -1;
    proc_exitcode(&p, &code);
    FL_EXPECT(code == 42, "exit code 42, what the spawned program exited with",
              "child %d has exit code %d", (int)p.pid, code);
}

FL_CHECK(spawn_exec_failure, "a program that cannot be run is an error (ENOENT, EACCES), and no child is left",
         .section = "When exec fails")
{
    const char *paths[2] = {"/nonexistent/forklab-program", "/etc/passwd"};
    int want[2] = {ENOENT, EACCES};
    for (int i = 0; i < 2; i++) {
        char *argv[] = {"x", NULL};
        struct proc p;
        proc_init(&p, NULL, NULL);
        fl_stage("calling proc_spawn(\"%s\"), which exec cannot run", paths[i]);
        errno = 0;
        int r = proc_spawn(&p, paths[i], argv, NULL);
        int e = errno;
        fl_stage("checking what proc_spawn returned for %s", paths[i]);
        pid_t child = p.pid;
        if (r == 0 && child > 0 && fl_is_unreaped_child(child, NULL)) {
            int st = fl_reap(child, "the child from proc_spawn");
            fl_fail("proc_spawn to return -1 when exec fails",
                    "it returned 0 for %s; child %d then %s: the failure was only in the "
                    "exit status (a close-on-exec pipe tells the parent before proc_spawn "
                    "returns)", paths[i], (int)child, fl_status_str(st));
        }
        FL_EXPECT(r == -1 && e == want[i], "proc_spawn to return -1 with exec's errno",
                  "for %s it returned %d (errno %d: %s); exec says %s", paths[i], r, e,
                  strerror(e), strerrorname_np(want[i]));
        FL_EXPECT(p.pid == 0, "p->pid to stay 0 when exec failed", "p->pid is %d",
                  (int)p.pid);
        pid_t kids[8];
        int m = fl_proc_children(getpid(), kids, 8);
        if (m > 0) {
            char st = fl_proc_state(kids[0]);
            fl_fail_settled(NULL, kids[0], "the child whose exec failed to be reaped by proc_spawn",
                            st == 'Z'
                                ? fl_tr("child %d, whose exec of %s failed, was left a zombie")
                                : fl_tr("child %d, whose exec of %s failed, was left running"),
                            (int)kids[0], paths[i]);
        }
    }
}

FL_CHECK(spawn_no_leaked_fds, "the new program inherits no descriptor of proc_spawn's own",
         .section = "When exec fails")
{
    struct reporter r;
    reporter_new(&r, 0);
    int before[MAX_FDS];
    int nbefore = open_fds(r.fd[1], before, MAX_FDS);
    /* The caller's descriptors without close-on-exec reach the program on
     * purpose (like the report pipe); anything else came from proc_spawn. */
    int inheritable[MAX_FDS], ninh = 0;
    for (int i = 0; i < nbefore; i++)
        if (!(fcntl(before[i], F_GETFD) & FD_CLOEXEC))
            inheritable[ninh++] = before[i];
    struct proc p;
    spawn_or_fail(&p, r.path, r.argv, r.envp);
    struct report rep;
    fl_stage("reading the report of the program in child %d", (int)p.pid);
    read_report(&r, &rep, p.pid);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_spawn");
    for (int i = 0; i < rep.nfds && i < MAX_FDS; i++) {
        int expected = 0;
        for (int j = 0; j < ninh; j++)
            expected |= inheritable[j] == rep.fds[i];
        FL_EXPECT(expected, "no descriptor of proc_spawn's own in the new program",
                  "the program in child %d has pipe descriptor %d open, which the caller did "
                  "not hand down: open proc_spawn's pipe with O_CLOEXEC", (int)p.pid, rep.fds[i]);
    }
}

/* ---- the contract's argument rules, one row per rule of forkexec.h ----
 *
 * Each row makes one call with one bad argument and gives back errno as it
 * was right after the call, or NOT_REFUSED when it did not return -1.  A
 * child a wrongly accepted call started is reaped by the row. */

#define NOT_REFUSED (-1)

static char *sh_argv[] = {"sh", "-c", "exit 0", NULL};

static int refused_spawn(struct proc *p, const char *path, char *const argv[], pid_t first)
{
    errno = 0;
    int r = proc_spawn(p, path, argv, NULL);
    int e = errno;
    if (p && p->pid > 0 && p->pid != first && fl_is_unreaped_child(p->pid, NULL))
        fl_reap(p->pid, "the child of a proc_spawn that should have been refused");
    return r == -1 ? e : NOT_REFUSED;
}

static int a_spawn_null_proc(struct proc *started)
{
    (void)started;
    return refused_spawn(NULL, "/bin/sh", sh_argv, 0);
}
static int a_spawn_null_path(struct proc *started)
{
    (void)started;
    struct proc p;
    proc_init(&p, NULL, NULL);
    return refused_spawn(&p, NULL, sh_argv, 0);
}
static int a_spawn_null_argv(struct proc *started)
{
    (void)started;
    struct proc p;
    proc_init(&p, NULL, NULL);
    return refused_spawn(&p, "/bin/sh", NULL, 0);
}
static int a_spawn_started(struct proc *started)
{
    return refused_spawn(started, "/bin/sh", sh_argv, started->pid);
}
static int a_join_never_started(struct proc *started)
{
    (void)started;
    struct proc p;
    proc_init(&p, NULL, NULL);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    return r == -1 ? e : NOT_REFUSED;
}

/* forkexec.h, rule by rule, in the header's order. */
static const struct arg_rule {
    const char *call;
    int (*run)(struct proc *started);
    int err;
} ARG_RULES[] = {
    {N_("proc_join on a proc never started (given)"), a_join_never_started, EINVAL},
    {N_("proc_spawn(NULL, path, argv, NULL): p is NULL"), a_spawn_null_proc, EINVAL},
    {N_("proc_spawn on a proc already started"), a_spawn_started, EINVAL},
    {N_("proc_spawn(p, NULL, argv, NULL): path is NULL"), a_spawn_null_path, EINVAL},
    {N_("proc_spawn(p, path, NULL, NULL): argv is NULL"), a_spawn_null_argv, EINVAL},
};

FL_CHECK(spawn_errors, "every argument forkexec.h calls an error is refused with EINVAL; nothing starts",
         .section = "Your exercise: the contract")
{
    struct proc started;
    spawn_or_fail(&started, "/bin/sh", sh_argv, NULL);
    pid_t first = started.pid;
    for (size_t i = 0; i < sizeof ARG_RULES / sizeof ARG_RULES[0]; i++) {
        const struct arg_rule *a = &ARG_RULES[i];
        const char *call = fl_tr(a->call);
        fl_stage("calling %s", call);
        int e = a->run(&started);
        fl_stage("looking at what %s did", call);
        if (e != a->err)
            fl_fail_settled(NULL, first, "-1 with the errno forkexec.h names",
                            "%s: expected -1 with errno %s; %s", call,
                            strerrorname_np(a->err),
                            e == NOT_REFUSED ? fl_tr("it did not return -1")
                            : e == 0 ? fl_tr("errno was 0")
                            : strerrorname_np(e) ? strerrorname_np(e) : fl_tr("an unknown errno"));
        pid_t kids[8];
        int m = fl_proc_children(getpid(), kids, 8);
        if (m != 1 || kids[0] != first)
            fl_fail_settled(NULL, first, "a refused call to start no process",
                            "after %s the caller has %d children; only %d was expected",
                            call, m, (int)first);
    }
    FL_EXPECT(started.pid == first, "a refused proc_spawn to leave p->pid alone",
              "p->pid changed from %d to %d", (int)first, (int)started.pid);
    fl_stage("joining child %d", (int)first);
    FL_EXPECT(proc_join(&started) == 0, "proc_join (given) to return 0", "it returned -1");
}

/* Nothing left by a call that failed: no child, no descriptor. */
static void nothing_left(const char *call)
{
    call = fl_tr(call);
    pid_t kids[8];
    int m = fl_proc_children(getpid(), kids, 8);
    if (m > 0)
        fl_fail_settled(NULL, kids[0], "a failed proc_spawn to leave no process",
                        "after %s child %d is still there (state %c)", call, (int)kids[0],
                        fl_proc_state(kids[0]));
    char buf[400];
    int n = fl_fds_new_since_start(buf, sizeof buf);
    FL_EXPECT(n == 0, "a failed proc_spawn to close every descriptor it opened",
              n == 1
                  ? fl_tr("after %s the caller still has %d new descriptor: %s")
                  : fl_tr("after %s the caller still has %d new descriptors: %s"),
              call, n, buf);
}

FL_CHECK(spawn_fork_fails, "when fork fails, proc_spawn returns -1 with fork's errno and leaves nothing",
         .section = "When exec fails")
{
    struct proc p;
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_spawn(\"/bin/sh\") with fork failing");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_spawn(&p, "/bin/sh", sh_argv, NULL);
    int e = errno;
    fl_forks_allow(-1);
    if (r == 0 && p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_spawn");
    FL_EXPECT(r == -1 && e == EAGAIN, "-1 with fork's errno (EAGAIN)",
              "proc_spawn with fork failing returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(p.pid == 0, "p->pid to stay 0", "p->pid is %d", (int)p.pid);
    nothing_left(N_("proc_spawn with fork failing"));
    spawn_or_fail(&p, "/bin/sh", sh_argv, NULL);
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "the same struct to work once fork works again",
              "proc_join returned -1");
}

FL_CHECK(spawn_fds_run_out, "when descriptors run out, proc_spawn returns -1 with EMFILE and leaves nothing",
         .section = "When exec fails")
{
    /* Allow 0, 1, 2... more descriptors until proc_spawn succeeds: every
     * attempt before that must fail cleanly, whatever the design (a
     * close-on-exec pipe needs 2; posix_spawn may need none). */
    struct proc p;
    int k, r = -1;
    for (k = 0; k < 16; k++) {
        proc_init(&p, NULL, NULL);
        fl_stage(k == 1 ? fl_tr("calling proc_spawn(\"/bin/sh\") with %d more descriptor allowed")
                        : fl_tr("calling proc_spawn(\"/bin/sh\") with %d more descriptors "
                                "allowed"),
                 k);
        if (fl_fds_allow(k) < 0)
            fl_fail("the check to limit descriptors", "setrlimit failed: %s", strerror(errno));
        errno = 0;
        r = proc_spawn(&p, "/bin/sh", sh_argv, NULL);
        int e = errno;
        fl_fds_allow(-1);
        if (r == 0)
            break;
        char call[80];
        if (k == 1)
            snprintf(call, sizeof call, "%s", fl_tr("proc_spawn with 1 descriptor free"));
        else
            snprintf(call, sizeof call, fl_tr("proc_spawn with %d descriptors free"), k);
        FL_EXPECT(e == EMFILE || e == ENFILE, "errno to be pipe's (EMFILE)",
                  "%s returned -1 with errno %d (%s)", call, e, strerror(e));
        FL_EXPECT(p.pid == 0, "p->pid to stay 0", "p->pid is %d", (int)p.pid);
        nothing_left(call);
    }
    FL_EXPECT(r == 0, "proc_spawn to succeed with 16 descriptors free", "it never did");
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to return 0", "it returned -1");
}

FL_CHECK(spawn_null_envp, "envp = NULL gives the new program the caller's own environment",
         .section = "Your exercise: the contract")
{
    /* The role the program needs is put into the caller's own environment
     * only: the program reports only if it got that environment. */
    struct reporter r;
    reporter_new(&r, 0);
    setenv(ROLE_ENV, r.env_fd + strlen(ROLE_ENV "="), 1);
    setenv(GATE_ENV, r.env_gate + strlen(GATE_ENV "="), 1);
    setenv("FORKLAB_L13_EXIT", "0", 1);
    struct proc p;
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_spawn with envp = NULL");
    errno = 0;
    int rc = proc_spawn(&p, r.path, r.argv, NULL);
    int e = errno;
    unsetenv(ROLE_ENV);
    unsetenv(GATE_ENV);
    unsetenv("FORKLAB_L13_EXIT");
    FL_EXPECT(rc == 0 && p.pid > 0, "proc_spawn to return 0 for a program that exists",
              "it returned %d (errno %d: %s)", rc, e, strerror(e));
    struct report rep;
    fl_stage("reading the report of the program in child %d (it reports only when it "
             "finds the caller's environment)", (int)p.pid);
    read_report(&r, &rep, p.pid);
    fl_stage("joining child %d", (int)p.pid);
    FL_EXPECT(proc_join(&p) == 0, "proc_join (given) to return 0", "it returned -1");
}

/* A handler without SA_RESTART that kills the spawned program: the
 * caller's proc_join is interrupted (EINTR) by the signal that also ends
 * the child it waits for. */
static volatile pid_t kill_on_usr1;
static volatile sig_atomic_t usr1_seen;

static void usr1_kills_child(int sig)
{
    (void)sig;
    usr1_seen++;
    if (kill_on_usr1 > 0)
        kill(kill_on_usr1, SIGKILL);
}

FL_CHECK(spawn_join_killed, "a program killed while proc_join waits: the join goes on after EINTR and reports -9",
         .section = "Same process, new program", .timeout_s = 4)
{
    int hold[2];
    FL_EXPECT(pipe2(hold, O_CLOEXEC) == 0, "a pipe to hold the child", "pipe failed: %s",
              strerror(errno));
    fcntl(hold[0], F_SETFD, 0);
    char script[64];
    snprintf(script, sizeof script, "read line <&%d", hold[0]);
    char *argv[] = {"sh", "-c", script, NULL};
    struct proc p;
    spawn_or_fail(&p, "/bin/sh", argv, NULL);
    close(hold[0]);
    int early = -1;
    int had = proc_exitcode(&p, &early);
    kill_on_usr1 = p.pid;
    usr1_seen = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_kills_child;
    sigaction(SIGUSR1, &sa, NULL);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    fl_stage("calling proc_join on child %d (sh held on a pipe); SIGUSR1 comes once the "
             "caller is blocked, and its handler (no SA_RESTART) kills the child", (int)p.pid);
    errno = 0;
    int r = proc_join(&p);
    int e = errno;
    fl_reap(helper, "the check's signal helper");
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    kill_on_usr1 = 0;
    close(hold[1]);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_join to go on waiting when a signal interrupts it "
                        "(EINTR is retried), then reap the child",
                        "after %d signal(s) proc_join returned %d (errno %d: %s) and child %d "
                        "was not reaped", (int)usr1_seen, r, e, strerror(e), (int)p.pid);
    FL_EXPECT(usr1_seen >= 1, "SIGUSR1 to reach the caller while proc_join waited",
              "no signal arrived: the caller was never seen blocked");
    FL_EXPECT(had == 0, "no exit code before the join", "proc_exitcode (given) gave %d", early);
    int code = 0;
    int got = proc_exitcode(&p, &code);
    FL_EXPECT(r == 0 && got == 1 && code == -SIGKILL,
              "proc_join to return 0 and proc_exitcode to give -9 for a program killed by "
              "SIGKILL",
              "proc_join returned %d (errno %d: %s); proc_exitcode returned %d with code %d",
              r, e, strerror(e), got, code);
    fl_stage("calling proc_join again on child %d, already joined", (int)p.pid);
    errno = 0;
    r = proc_join(&p);
    e = errno;
    code = 0;
    got = proc_exitcode(&p, &code);
    FL_EXPECT(r == 0 && got == 1 && code == -SIGKILL,
              "joining again to return 0 at once and keep the exit code (lesson 04)",
              "the second proc_join returned %d (errno %d: %s); proc_exitcode then returned "
              "%d with code %d", r, e, strerror(e), got, code);
}

/* ---- a signal while proc_spawn waits for exec's outcome ----
 *
 * The caller's read on the close-on-exec pipe lasts only as long as the
 * child takes to reach exec: too short for a signal.  A fork handler of
 * the check's (pthread_atfork, "child": it runs in the new child right
 * after fork) holds the child on a pipe the check controls, so the caller
 * stays blocked in its read.  Once it is seen blocked, SIGUSR1 arrives; its
 * handler (no SA_RESTART: the read really returns EINTR) lets the child go
 * on to an exec that fails.  A design without fork (posix_spawn) is never
 * held: the signal then comes after the call, and the outcome must be the
 * same. */

static int hold_pipe[2] = {-1, -1};
static volatile sig_atomic_t hold_armed;

static void hold_child_after_fork(void)
{
    if (!hold_armed)
        return;
    int saved = errno;
    char c;
    while (read(hold_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    errno = saved;
}

static void usr1_lets_child_go(int sig)
{
    (void)sig;
    int saved = errno;
    if (write(hold_pipe[1], "g", 1) == 1)
        usr1_seen++;
    errno = saved;
}

FL_CHECK(spawn_read_interrupted, "a signal while proc_spawn waits for exec's outcome: the wait is retried, exec's errno still comes back",
         .section = "When exec fails", .timeout_s = 4)
{
    fl_pipe(hold_pipe);
    if (pthread_atfork(NULL, NULL, hold_child_after_fork) != 0)
        fl_fail("the check to register its fork handler", "pthread_atfork failed");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_lets_child_go;   /* no SA_RESTART */
    sigaction(SIGUSR1, &sa, NULL);
    usr1_seen = 0;
    const char *path = "/nonexistent/forklab-program";
    char *argv[] = {"x", NULL};
    char *envp[] = {"FORKLAB_L13=interrupted", NULL};
    struct proc p;
    proc_init(&p, NULL, NULL);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    hold_armed = 1;
    fl_stage("calling proc_spawn(\"%s\") with an environment of its own; the child is held "
             "before exec until SIGUSR1 (handler without SA_RESTART) interrupts the caller",
             path);
    errno = 0;
    int r = proc_spawn(&p, path, argv, envp);
    int e = errno;
    hold_armed = 0;
    fl_reap(helper, "the check's signal helper");
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    fl_stage("checking what proc_spawn returned after the signal");
    FL_EXPECT(usr1_seen >= 1, "SIGUSR1 to reach the caller",
              "no signal arrived: the caller was never seen blocked");
    if (r == 0 && p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_spawn to retry a read that a signal interrupted (EINTR)",
                        "it returned 0 for %s, which exec cannot run: the read on the "
                        "close-on-exec pipe failed with EINTR and was taken for end of file "
                        "(exec succeeded); call read again when it fails with EINTR", path);
    FL_EXPECT(r == -1 && e == ENOENT, "proc_spawn to return -1 with exec's errno (ENOENT)",
              "after a signal interrupted it, it returned %d (errno %d: %s)", r, e,
              strerror(e));
    FL_EXPECT(p.pid == 0, "p->pid to stay 0 when exec failed", "p->pid is %d", (int)p.pid);
    nothing_left(N_("proc_spawn interrupted by a signal"));
}

/* ---- a signal while proc_spawn reaps the child whose exec failed ----
 *
 * That child ends right after it has written exec's errno: the caller's
 * wait for it is too short for a signal.  A tracer of the check's (its own
 * child) holds it at its exit: a fork handler makes the new child accept
 * any tracer and wait until the tracer has seized it with
 * PTRACE_O_TRACEEXIT; the child then fails exec, writes its errno and stops
 * at its exit, so the caller stays blocked waiting for it.  Once it is seen
 * blocked, SIGUSR1 arrives; its handler (no SA_RESTART) tells the tracer to
 * let the child finish.  A design without fork (posix_spawn) is never
 * traced, nor is any child where ptrace is refused (Yama, a container):
 * the outcome must be the same.  Not under valgrind: its guests cannot be
 * traced. */

struct trace_board {
    pid_t child;        /* the child the tracer seized */
    int seize_err;      /* errno of a refused PTRACE_SEIZE */
    pid_t caller;       /* the check's caller, for the tracer */
    int stopped;        /* the child stopped at its exit */
};

static struct trace_board *TB;
static int who_pipe[2] = {-1, -1}, ctl_pipe[2] = {-1, -1}, trace_hold[2] = {-1, -1};
static volatile sig_atomic_t trace_armed;

static void child_waits_for_tracer(void)
{
    if (!trace_armed)
        return;
    int saved = errno;
    prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
    pid_t me = getpid();
    if (write(who_pipe[1], &me, sizeof me) == (ssize_t)sizeof me) {
        char c;
        while (read(trace_hold[0], &c, 1) < 0 && errno == EINTR)
            ;
    }
    errno = saved;
}

static volatile sig_atomic_t exit_released;

/* Counts every SIGUSR1; lets the held child finish only once it is held:
 * a signal that came while the caller still read is not the one sought. */
static void usr1_lets_exit_go(int sig)
{
    (void)sig;
    int saved = errno;
    usr1_seen++;
    if (__atomic_load_n(&TB->stopped, __ATOMIC_SEQ_CST) && !exit_released &&
        write(ctl_pipe[1], "g", 1) == 1)
        exit_released = 1;
    errno = saved;
}

/* The state letter of `pid` (0 when it cannot be read); for the tracer,
 * which calls nothing of the harness's. */
static char state_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    char *end = strrchr(buf, ')');
    return end && end[1] == ' ' ? end[2] : 0;
}

/* The check's own child: seize the student's child, hold it at its exit
 * until the caller's handler (or the end of the call) says go. */
__attribute__((noreturn)) static void tracer(void)
{
    close(who_pipe[1]);
    close(ctl_pipe[1]);
    close(trace_hold[0]);
    pid_t child;
    if (read(who_pipe[0], &child, sizeof child) != (ssize_t)sizeof child)
        _exit(0);                  /* no forked child: nothing to trace */
    TB->child = child;
    if (ptrace(PTRACE_SEIZE, child, 0, PTRACE_O_TRACEEXIT) < 0)
        TB->seize_err = errno;
    if (write(trace_hold[1], "g", 1) != 1 || TB->seize_err)
        _exit(0);
    for (;;) {
        int st;
        pid_t w = waitpid(child, &st, __WALL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 || !WIFSTOPPED(st))
            _exit(1);
        if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8)))
            break;
        ptrace(PTRACE_CONT, child, 0, WSTOPSIG(st));   /* a signal: pass it on */
    }
    __atomic_store_n(&TB->stopped, 1, __ATOMIC_SEQ_CST);
    /* The child has written its report, so the caller is past its read:
     * once it sleeps it waits for this child.  Interrupt it then (the
     * signal helper's own signal may have come while it still read, and
     * the handler lets the child go only for a signal after this point). */
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    do {
        if (state_of(TB->caller) == 'S')
            break;
        sched_yield();
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (now.tv_sec - t0.tv_sec < 2);
    kill(TB->caller, SIGUSR1);
    char c;
    while (read(ctl_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    ptrace(PTRACE_DETACH, child, 0, 0);
    _exit(0);
}

FL_CHECK(spawn_reap_interrupted, "a signal while proc_spawn reaps the child whose exec failed: the wait is retried, no zombie is left",
         .section = "When exec fails", .timeout_s = 4, .no_valgrind = 1)
{
    TB = fl_board_new(sizeof *TB);
    TB->caller = getpid();
    fl_pipe(who_pipe);
    fl_pipe(ctl_pipe);
    fl_pipe(trace_hold);
    if (pthread_atfork(NULL, NULL, child_waits_for_tracer) != 0)
        fl_fail("the check to register its fork handler", "pthread_atfork failed");
    pid_t t = fork();
    if (t < 0)
        fl_fail("the check to start its tracer", "fork: %s", strerror(errno));
    if (t == 0)
        tracer();
    close(who_pipe[0]);
    close(trace_hold[1]);
    /* ctl_pipe[0] stays open here: the handler's write must never meet a
     * pipe without a reader (SIGPIPE) once the tracer has ended. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = usr1_lets_exit_go;    /* no SA_RESTART */
    sigaction(SIGUSR1, &sa, NULL);
    usr1_seen = 0;
    exit_released = 0;
    const char *path = "/nonexistent/forklab-program";
    char *argv[] = {"x", NULL};
    struct proc p;
    proc_init(&p, NULL, NULL);
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    trace_armed = 1;
    fl_stage("calling proc_spawn(\"%s\"); the child is held at its exit after it reported "
             "exec's failure, until SIGUSR1 (handler without SA_RESTART) interrupts the "
             "caller's wait for it", path);
    errno = 0;
    int r = proc_spawn(&p, path, argv, NULL);
    int e = errno;
    trace_armed = 0;
    close(who_pipe[1]);
    fl_reap(helper, "the check's signal helper");
    close(ctl_pipe[1]);
    fl_reap(t, "the check's tracer");
    sa.sa_handler = SIG_DFL;
    sigaction(SIGUSR1, &sa, NULL);
    /* Where ptrace is refused the child is not held: the signal then comes
     * after the call, and the call must still fail cleanly. */
    if (TB->seize_err)
        fl_note("PTRACE_SEIZE of child %d was refused (%s): it was not held at its exit",
                (int)TB->child, strerror(TB->seize_err));
    fl_stage("checking what proc_spawn returned after the signal");
    FL_EXPECT(usr1_seen >= 1, "SIGUSR1 to reach the caller",
              "no signal arrived: the caller was never seen blocked");
    if (r == 0 && p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_spawn to return -1 when exec fails",
                        "it returned 0 for %s after a signal interrupted it", path);
    FL_EXPECT(r == -1 && e == ENOENT, "proc_spawn to return -1 with exec's errno (ENOENT)",
              "after a signal interrupted it, it returned %d (errno %d: %s)", r, e,
              strerror(e));
    fl_note(TB->stopped ? fl_tr("the failed child %d was held at its exit while the caller waited")
                        : fl_tr("the failed child %d was not held at its exit while the caller "
                                "waited"),
            (int)TB->child);
    pid_t kids[8];
    int m = fl_proc_children(getpid(), kids, 8);
    if (m > 0)
        fl_fail_settled(NULL, kids[0], "proc_spawn to wait again when a signal interrupts its "
                        "wait for the failed child (EINTR is retried)",
                        fl_proc_state(kids[0]) == 'Z'
                            ? fl_tr("child %d, whose exec failed, was left a zombie after a "
                                    "signal interrupted proc_spawn's waitpid: call waitpid again "
                                    "when it fails with EINTR")
                            : fl_tr("child %d, whose exec failed, was left there after a signal "
                                    "interrupted proc_spawn's waitpid: call waitpid again when it "
                                    "fails with EINTR"),
                        (int)kids[0]);
    nothing_left(N_("proc_spawn interrupted while it reaped"));
}

/* ---- exec failing while SIGCHLD is ignored ----
 *
 * A program that ignores SIGCHLD (lesson 06's reaper_discard) has its
 * children removed by the kernel as they exit: proc_spawn's wait for the
 * child whose exec failed then ends in ECHILD.  The errno it returns is
 * still exec's. */

FL_CHECK(spawn_failure_sigchld_ignored, "with SIGCHLD ignored, a failed exec still returns exec's errno and leaves nothing",
         .section = "When exec fails")
{
    const char *path = "/nonexistent/forklab-program";
    char *argv[] = {"x", NULL};
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    struct proc p;
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_spawn(\"%s\") with SIGCHLD ignored", path);
    sigaction(SIGCHLD, &ign, &old);
    errno = 0;
    int r = proc_spawn(&p, path, argv, NULL);
    int e = errno;
    sigaction(SIGCHLD, &old, NULL);
    fl_stage("checking what proc_spawn returned");
    if (r == 0 && p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_fail_settled(NULL, p.pid, "proc_spawn to return -1 when exec fails",
                        "it returned 0 for %s with SIGCHLD ignored", path);
    FL_EXPECT(r == -1 && e == ENOENT, "proc_spawn to return -1 with exec's errno (ENOENT)",
              "with SIGCHLD ignored it returned %d (errno %d: %s): the wait for the failed "
              "child fails with ECHILD there; set errno to exec's after that wait", r, e,
              strerror(e));
    FL_EXPECT(p.pid == 0, "p->pid to stay 0 when exec failed", "p->pid is %d", (int)p.pid);
    nothing_left(N_("proc_spawn with SIGCHLD ignored"));
}
