/* Lesson 13 checks: fork then exec.  The new program is either /bin/sh or
 * this very checker, run again: a constructor below notices the role given
 * in its environment, reports what the kernel tells it (its pid, its
 * parent, its globals, its open descriptors) over an inherited descriptor,
 * and ends before the harness's main ever runs. */
#include "fl.h"
#include "spawn.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the checker as the spawned program ---- */

#define ROLE_ENV "FORKLAB_L13_REPORT_FD"
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
    r.nfds = open_fds(fd, r.fds, MAX_FDS);
    ssize_t n = write(fd, &r, sizeof r);
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
    char env_fd[48], env_exit[40];
    char *envp[3];
    char *argv[2];
    char path[PATH_MAX];
};

/* Prepare this checker as the program to spawn: it writes its report to
 * fd[1] (inherited: no O_CLOEXEC) and exits with `code`. */
static void reporter_new(struct reporter *r, int code)
{
    int fds[2];
    FL_EXPECT(pipe2(fds, O_CLOEXEC) == 0, "a pipe for the report", "pipe failed: %s",
              strerror(errno));
    r->fd[0] = fds[0];
    r->fd[1] = fds[1];
    fcntl(r->fd[1], F_SETFD, 0);
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
    r->envp[0] = r->env_fd;
    r->envp[1] = r->env_exit;
    r->envp[2] = NULL;
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
              "p->pid to be a child of the caller", "p->pid is %d, %s", (int)p->pid,
              p->pid > 0 ? "not a child of the caller" : "no pid");
}

/* Read the report once the spawned program has written it (end of file:
 * the caller's write end is closed, the program's closes when it exits). */
static int read_report(struct reporter *r, struct report *rep)
{
    close(r->fd[1]);
    ssize_t n, got = 0;
    while ((n = read(r->fd[0], (char *)rep + got, sizeof *rep - (size_t)got)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        got += n;
    }
    close(r->fd[0]);
    return got == (ssize_t)sizeof *rep && rep->magic == REPORT_MAGIC;
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
                     "child %d (state %c) runs %s%s", (int)p.pid, state ? state : '?', now,
                     strcmp(now, mine) == 0 ? ", the caller's own program: proc_spawn "
                                              "returned before exec replaced it (wait for "
                                              "the close-on-exec pipe's end of file)" : "");
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
    int ok = read_report(&r, &rep);
    if (!ok)
        fl_fail_settled(NULL, p.pid, "the spawned program to report over the inherited pipe",
                     "no report arrived from child %d: it never ran this program", (int)p.pid);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_spawn");
    FL_EXPECT(rep.pid == p.pid, "the new program to run in the process whose pid is p->pid",
              "the program ran in pid %d, p->pid is %d%s", (int)rep.pid, (int)p.pid,
              rep.pid == getpid() ? ": the caller itself (exec without fork replaces the "
                                    "caller)" : ": another process (a grandchild?)");
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
    read_report(&r, &rep);
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
        siginfo_t si = {0};
        waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT);
        if (si.si_pid > 0) {
            fl_reap(si.si_pid, "the failed child");
            fl_fail("the child whose exec failed to be reaped by proc_spawn",
                    "child %d, whose exec of %s failed, was left a zombie", (int)si.si_pid,
                    paths[i]);
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
    int ok = read_report(&r, &rep);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the child from proc_spawn");
    FL_EXPECT(ok, "the spawned program to report over the inherited pipe",
              "no report arrived from child %d", (int)p.pid);
    for (int i = 0; i < rep.nfds && i < MAX_FDS; i++) {
        int expected = 0;
        for (int j = 0; j < ninh; j++)
            expected |= inheritable[j] == rep.fds[i];
        FL_EXPECT(expected, "no descriptor of proc_spawn's own in the new program",
                  "the program in child %d has pipe descriptor %d open, which the caller did "
                  "not hand down: open proc_spawn's pipe with O_CLOEXEC", (int)p.pid, rep.fds[i]);
    }
}

FL_CHECK(spawn_errors, "proc_spawn refuses a missing path or argv and a started proc with EINVAL",
         .section = "Your exercise: the contract")
{
    char *argv[] = {"sh", "-c", "exit 0", NULL};
    struct proc p;
    proc_init(&p, NULL, NULL);
    fl_stage("calling proc_spawn with a NULL path");
    errno = 0;
    int r = proc_spawn(&p, NULL, argv, NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "proc_spawn(p, NULL, ...) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_spawn with a NULL argv");
    errno = 0;
    r = proc_spawn(&p, "/bin/sh", NULL, NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "proc_spawn(p, path, NULL, ...) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    spawn_or_fail(&p, "/bin/sh", argv, NULL);
    fl_stage("calling proc_spawn again on a proc that runs child %d", (int)p.pid);
    errno = 0;
    pid_t first = p.pid;
    r = proc_spawn(&p, "/bin/sh", argv, NULL);
    int e = errno;
    if (p.pid != first && p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the second child from proc_spawn");
    fl_reap(first, "the child from proc_spawn");
    FL_EXPECT(r == -1 && e == EINVAL, "proc_spawn on a started proc to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
}
