/* Lesson 02 checks: a task's arguments arrive intact and are fixed when the
 * proc is made; a proc has a name the kernel shows; the child's stdin reads
 * end-of-file. */
#include "fl.h"
#include "arguments.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* What a task saw in its child, written to memory shared with the caller:
 * the child's copy of everything else is invisible to the caller. */
struct seen {
    pid_t pid;
    int ran;
    unsigned char bytes[PROC_ARG_MAX];
    char comm[3][32];            /* /proc/self/comm, one slot per task */
    char stdin_result[160];
    unsigned char caller_fds[256];   /* open in the caller before proc_start */
    int extra_fd;                    /* open in the task, not in the caller (+1) */
};

/* Which of the descriptors 0..255 are open in this process. */
static void open_fds(unsigned char out[256])
{
    for (int fd = 0; fd < 256; fd++)
        out[fd] = fcntl(fd, F_GETFD) >= 0 && !fl_fd_is_harness(fd);
}

static struct seen *board;

static void board_new(void)
{
    board = fl_board_new(sizeof *board);
}

static void note_run(void)
{
    board->pid = getpid();
    board->ran++;
}

/* ---- tasks: each records what it received ---- */

static int record_int(void *arg)
{
    note_run();
    memcpy(board->bytes, arg, sizeof(int));
    return 0;
}

static int record_string(void *arg)
{
    note_run();
    memcpy(board->bytes, arg, strnlen(arg, PROC_ARG_MAX - 1) + 1);
    return 0;
}

/* The C kwargs: a struct whose fields are set by name. */
struct person {
    char name[16];
    int age;
    double height;
    long id;
};

static int record_person(void *arg)
{
    note_run();
    memcpy(board->bytes, arg, sizeof(struct person));
    return 0;
}

static int record_block(void *arg)
{
    note_run();
    memcpy(board->bytes, arg, PROC_ARG_MAX);
    return 0;
}

static int record_comm(void *arg)
{
    int slot = *(const int *)arg;
    note_run();
    /* What /proc/PID/comm says: the kernel's name for this process. */
    int fd = open("/proc/self/comm", O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, board->comm[slot], sizeof board->comm[slot] - 1);
    if (fd >= 0)
        close(fd);
    if (n > 0)
        board->comm[slot][strcspn(board->comm[slot], "\n")] = '\0';
    return 0;
}

/* ---- helpers ---- */

static void expect_init_args(int r, const char *what)
{
    FL_EXPECT(r == 0, "proc_init_args to return 0 for a valid argument",
              "proc_init_args with %s returned %d (errno %d: %s)", fl_tr(what), r, errno,
              strerror(errno));
}

static void start_ok(struct proc *p)
{
    fl_stage("calling proc_start");
    errno = 0;
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start to return 0 and set p->pid",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p->pid, errno,
              strerror(errno));
}

/* Reap the child and make sure the task ran in it and ended well. */
static void finish(struct proc *p)
{
    fl_stage("waiting for child %d to end", (int)p->pid);
    int st = fl_reap(p->pid, "the child from proc_start");
    FL_EXPECT(st == 0, "the child to run the task and exit with 0",
              "child %d %s%s", (int)p->pid, fl_status_str(st),
              st == 127 << 8 ? fl_tr(" (127: proc_child_setup failed in the child)") : "");
    FL_EXPECT(board->ran == 1 && board->pid == p->pid, "the task to run once, in child",
              "the task ran %d times, last in pid %d; the child is %d", board->ran,
              (int)board->pid, (int)p->pid);
}

/* ---- arguments ---- */

FL_CHECK(arg_int, "an int argument reaches the task intact", .section = "Passing arguments")
{
    board_new();
    int value = -123456789;
    struct proc p;
    fl_stage("calling proc_init_args with an int");
    expect_init_args(proc_init_args(&p, record_int, &value, sizeof value), N_("an int"));
    start_ok(&p);
    finish(&p);
    int got;
    memcpy(&got, board->bytes, sizeof got);
    FL_EXPECT(got == value, "the task to receive the int the caller passed",
              "the caller passed %d; the task in child %d received %d", value, (int)p.pid, got);
}

FL_CHECK(arg_string, "a string argument reaches the task whole", .section = "Passing arguments")
{
    board_new();
    const char *text = "tom, 18 -- a string much longer than one pointer";
    struct proc p;
    fl_stage("calling proc_init_args with a string");
    expect_init_args(proc_init_args(&p, record_string, text, strlen(text) + 1), N_("a string"));
    start_ok(&p);
    finish(&p);
    FL_EXPECT(strcmp((char *)board->bytes, text) == 0,
              "the task to receive every byte of the string (strlen + 1 of them)",
              "the caller passed \"%s\" (%zu bytes); the task in child %d received \"%.*s\"",
              text, strlen(text) + 1, (int)p.pid, 60, (char *)board->bytes);
}

FL_CHECK(arg_struct, "a struct of named fields (the C kwargs) reaches the task with every field",
         .section = "Named fields: C's kwargs")
{
    board_new();
    struct person who;
    memset(&who, 0, sizeof who);   /* padding too, so bytes compare */
    who = (struct person){.age = 18, .id = 0x1234567890L, .height = 1.75, .name = "tom"};
    struct proc p;
    fl_stage("calling proc_init_args with a struct person");
    expect_init_args(proc_init_args(&p, record_person, &who, sizeof who), N_("a struct"));
    start_ok(&p);
    finish(&p);
    struct person got;
    memcpy(&got, board->bytes, sizeof got);
    FL_EXPECT(strcmp(got.name, who.name) == 0 && got.age == who.age &&
                  got.height == who.height && got.id == who.id,
              "the task to receive the struct with every field as the caller set it",
              "the caller passed {name \"%s\", age %d, height %.2f, id %#lx}; the task in child "
              "%d received {name \"%.15s\", age %d, height %.2f, id %#lx}",
              who.name, who.age, who.height, who.id, (int)p.pid, got.name, got.age, got.height,
              got.id);
}

FL_CHECK(args_fixed_at_init, "the task gets the argument as it was at proc_init_args, not later",
         .section = "When the arguments are taken")
{
    board_new();
    int value = 18;
    struct proc p;
    fl_stage("calling proc_init_args with an int");
    expect_init_args(proc_init_args(&p, record_int, &value, sizeof value), N_("an int"));
    value = 99;   /* after init, before start: the task must not see it */
    start_ok(&p);
    finish(&p);
    int got;
    memcpy(&got, board->bytes, sizeof got);
    FL_EXPECT(got == 18, "the task to receive the value the int had at proc_init_args (18)",
              "the caller changed its int to 99 after proc_init_args; the task in child %d "
              "received %d%s", (int)p.pid, got,
              got == 99 ? fl_tr(": p kept a pointer to the caller's variable instead of a copy") : "");
}

FL_CHECK(arg_limits, "PROC_ARG_MAX bytes fit; one more, or NULL with a size, is refused",
         .section = "Passing arguments")
{
    board_new();
    /* Slack after the proc: a copy that ignores the limit lands in it
     * instead of in the check's own variables. */
    struct {
        struct proc p;
        unsigned char slack[2 * PROC_ARG_MAX];
    } box;
    unsigned char big[PROC_ARG_MAX + 1];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (unsigned char)(i * 7 + 1);
    fl_stage("calling proc_init_args with PROC_ARG_MAX + 1 bytes");
    errno = 0;
    int r = proc_init_args(&box.p, record_block, big, sizeof big);
    FL_EXPECT(r == -1 && errno == E2BIG,
              "proc_init_args with PROC_ARG_MAX + 1 bytes to return -1 with errno E2BIG",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_init_args with NULL and a size of 4");
    errno = 0;
    r = proc_init_args(&box.p, record_block, NULL, 4);
    FL_EXPECT(r == -1 && errno == EINVAL,
              "proc_init_args with arg NULL and size 4 to return -1 with errno EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_init_args with exactly PROC_ARG_MAX bytes");
    expect_init_args(proc_init_args(&box.p, record_block, big, PROC_ARG_MAX),
                     N_("exactly PROC_ARG_MAX bytes"));
    start_ok(&box.p);
    finish(&box.p);
    FL_EXPECT(memcmp(board->bytes, big, PROC_ARG_MAX) == 0,
              "all PROC_ARG_MAX bytes to reach the task",
              "the task in child %d received different bytes", (int)box.p.pid);
}

/* ---- names ---- */

static void own_comm(char out[32])
{
    memset(out, 0, 32);
    prctl(PR_GET_NAME, out, 0, 0, 0);
}

FL_CHECK(default_names, "procs without a name are Process-1, Process-2... in start order",
         .section = "Names")
{
    board_new();
    static const int slot[3] = {0, 1, 2};
    struct proc p[3];
    for (int i = 0; i < 3; i++)
        proc_init(&p[i], record_comm, (void *)&slot[i]);
    fl_stage("calling proc_set_name(\"worker\") on the second proc");
    errno = 0;
    int r = proc_set_name(&p[1], "worker");
    FL_EXPECT(r == 0, "proc_set_name to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    for (int i = 0; i < 3; i++) {
        start_ok(&p[i]);
        fl_stage("waiting for child %d to end", (int)p[i].pid);
        fl_reap(p[i].pid, "a child from proc_start");
    }
    const char *want[3] = {"Process-1", "worker", "Process-3"};
    for (int i = 0; i < 3; i++)
        FL_EXPECT(strcmp(p[i].name, want[i]) == 0,
                  "after three starts (the second one named \"worker\") the names to be "
                  "Process-1, worker, Process-3: each start takes the next number",
                  "start %d has the name \"%.63s\" in p->name, not \"%s\"", i + 1, p[i].name,
                  want[i]);
    for (int i = 0; i < 3; i++)
        FL_EXPECT(strcmp(board->comm[i], want[i]) == 0,
                  "the kernel to know each child by its name (/proc/PID/comm)",
                  "child %d of start %d is called \"%s\" by the kernel, not \"%s\"",
                  (int)p[i].pid, i + 1, board->comm[i], want[i]);
}

FL_CHECK(name_in_comm, "a given name is the child's name in /proc/PID/comm, and only the child's",
         .section = "Telling the kernel the name")
{
    board_new();
    static const int slot = 0;
    char before[32], after[32];
    own_comm(before);
    struct proc p;
    proc_init(&p, record_comm, (void *)&slot);
    fl_stage("calling proc_set_name(\"dancer\")");
    errno = 0;
    int r = proc_set_name(&p, "dancer");
    FL_EXPECT(r == 0, "proc_set_name to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    start_ok(&p);
    own_comm(after);
    finish(&p);
    FL_EXPECT(strcmp(board->comm[0], "dancer") == 0,
              "the child's name in the kernel to be \"dancer\"",
              "child %d is called \"%s\" by the kernel", (int)p.pid, board->comm[0]);
    FL_EXPECT(strcmp(before, after) == 0,
              "the caller to keep its own name: only the child is renamed",
              "the caller %d was \"%s\" before proc_start and \"%s\" after it: the name was set "
              "before fork, in the caller", (int)getpid(), before, after);
}

FL_CHECK(long_name_cut, "a long name is kept whole in p->name and cut to 15 bytes by the kernel",
         .section = "Telling the kernel the name")
{
    board_new();
    static const int slot = 0;
    const char *name = "a-name-longer-than-fifteen-bytes";
    struct proc p;
    proc_init(&p, record_comm, (void *)&slot);
    fl_stage("calling proc_set_name with a %zu-byte name", strlen(name));
    errno = 0;
    int r = proc_set_name(&p, name);
    FL_EXPECT(r == 0, "proc_set_name to accept a name shorter than PROC_NAME_MAX",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(strcmp(p.name, name) == 0, "p->name to keep the whole name",
              "p->name is \"%.63s\"", p.name);
    start_ok(&p);
    finish(&p);
    FL_EXPECT(strcmp(board->comm[0], "a-name-longer-t") == 0,
              "the kernel to show the name's first 15 bytes, \"a-name-longer-t\"",
              "child %d is called \"%s\" by the kernel", (int)p.pid, board->comm[0]);
}

FL_CHECK(name_rules, "proc_set_name refuses \"\", a name too long, and a started proc",
         .section = "Names")
{
    struct proc p;
    char huge[PROC_NAME_MAX + 1];
    memset(huge, 'n', PROC_NAME_MAX);
    huge[PROC_NAME_MAX] = '\0';
    proc_init(&p, record_comm, NULL);
    fl_stage("calling proc_set_name with \"\"");
    errno = 0;
    int r = proc_set_name(&p, "");
    FL_EXPECT(r == -1 && errno == EINVAL, "proc_set_name(p, \"\") to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    fl_stage("calling proc_set_name with a %d-byte name", PROC_NAME_MAX);
    errno = 0;
    r = proc_set_name(&p, huge);
    FL_EXPECT(r == -1 && errno == ENAMETOOLONG,
              "a name of PROC_NAME_MAX bytes to fail with ENAMETOOLONG",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(p.name[0] == '\0', "a refused name to leave p->name unchanged (\"\")",
              "p->name is now \"%.63s\"", p.name);
    p.pid = getpid();   /* looks started; no child is made */
    fl_stage("calling proc_set_name on a proc that was started");
    errno = 0;
    r = proc_set_name(&p, "late");
    FL_EXPECT(r == -1 && errno == EINVAL, "naming a started proc to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
}

FL_CHECK(name_default_refuses_null,
         "proc_name_default refuses a NULL proc with EINVAL, and the refusal takes no number",
         .section = "Names")
{
    fl_stage("calling proc_name_default(NULL)");
    errno = 0;
    int r = proc_name_default(NULL);
    int e = errno;
    FL_EXPECT(r == -1 && e == EINVAL, "proc_name_default(NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    struct proc p;
    proc_init(&p, record_comm, NULL);
    fl_stage("calling proc_name_default on an unnamed proc, after the refused call");
    errno = 0;
    r = proc_name_default(&p);
    FL_EXPECT(r == 0, "proc_name_default on a proc to return 0",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(strcmp(p.name, "Process-1") == 0,
              "the first proc named after a refused call to be Process-1: only a start that "
              "happens takes a number",
              "it was named \"%.63s\": the refused call used up a number", p.name);
}

/* ---- stdin ---- */

/* Say what reading fd 0 would do, without ever blocking. */
static int probe_stdin(void *arg)
{
    (void)arg;
    char *out = board->stdin_result;
    size_t size = sizeof board->stdin_result;
    note_run();
    unsigned char mine[256];
    open_fds(mine);
    for (int fd = 3; fd < 256; fd++)
        if (mine[fd] && !board->caller_fds[fd]) {
            board->extra_fd = fd + 1;
            break;
        }
    if (fcntl(0, F_GETFD) < 0) {
        snprintf(out, size, "%s", fl_tr("file descriptor 0 is closed"));
        return 0;
    }
    struct pollfd pfd = {.fd = 0, .events = POLLIN};
    int n = poll(&pfd, 1, 0);
    if (n == 0) {
        snprintf(out, size, "%s",
                 fl_tr("a read would wait for ever: fd 0 is still the caller's stdin"));
        return 0;
    }
    char c;
    ssize_t r = read(0, &c, 1);
    if (r == 0)
        snprintf(out, size, "eof");
    else if (r > 0)
        snprintf(out, size, "%s", fl_tr("a read returned data, not end-of-file"));
    else
        snprintf(out, size, fl_tr("read failed: %s"), strerror(errno));
    return 0;
}

FL_CHECK(stdin_eof, "the child's stdin reads end-of-file at once; the caller's stays as it was",
         .section = "Standard input in a child")
{
    board_new();
    /* The caller's stdin becomes a pipe that this check holds open and never
     * writes: a read from it would wait for ever. */
    int pp[2];
    fl_pipe(pp);
    int saved = fcntl(0, F_DUPFD_CLOEXEC, 0);
    dup2(pp[0], 0);
    struct stat want;
    fstat(pp[0], &want);
    struct proc p;
    proc_init(&p, probe_stdin, NULL);
    open_fds(board->caller_fds);
    start_ok(&p);
    finish(&p);
    struct stat now;
    int kept = fstat(0, &now) == 0 && now.st_ino == want.st_ino && now.st_dev == want.st_dev;
    dup2(saved, 0);
    close(saved);
    close(pp[0]);
    close(pp[1]);
    FL_EXPECT(strcmp(board->stdin_result, "eof") == 0,
              "reading fd 0 in the child to give end-of-file at once (fd 0 on /dev/null)",
              "in child %d: %s", (int)p.pid, board->stdin_result);
    FL_EXPECT(board->extra_fd == 0,
              "the task to find only the descriptors the caller had (the one opened on "
              "/dev/null closed once it is fd 0)",
              "in child %d the task found fd %d open, which the caller did not have: "
              "proc_child_setup left it open", (int)p.pid, board->extra_fd - 1);
    FL_EXPECT(kept, "the caller's own fd 0 to be left alone",
              "after proc_start, the caller's fd 0 is no longer its stdin: it was replaced "
              "in the caller, not in the child");
}

FL_CHECK(stdin_closed_in_caller,
         "with the caller's fd 0 closed, the child's fd 0 is still open on /dev/null",
         .section = "Standard input in a child")
{
    board_new();
    /* The caller has no fd 0: opening /dev/null in the child gives 0 itself,
     * and that descriptor must stay open ("file descriptor 0 stays open"). */
    int saved = fcntl(0, F_DUPFD_CLOEXEC, 3);
    FL_EXPECT(saved >= 0, "the check to keep its stdin aside", "fcntl: %s", strerror(errno));
    close(0);
    struct proc p;
    proc_init(&p, probe_stdin, NULL);
    open_fds(board->caller_fds);
    fl_stage("calling proc_start with fd 0 closed in the caller");
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    int caller_fd0 = fcntl(0, F_GETFD) >= 0;
    if (r == 0 && p.pid > 0) {
        fl_stage("waiting for child %d to end", (int)p.pid);
        int st = fl_reap(p.pid, "the child from proc_start");
        dup2(saved, 0);
        close(saved);
        FL_EXPECT(st == 0 && board->ran == 1,
                  "the child to run the task and exit with 0",
                  "child %d %s; the task ran %d times%s", (int)p.pid, fl_status_str(st),
                  board->ran, st == 127 << 8 ? fl_tr(" (127: proc_child_setup failed)") : "");
    } else {
        dup2(saved, 0);
        close(saved);
        fl_fail("proc_start to return 0 and set p->pid", "it returned %d with p->pid %d "
                "(errno %d: %s)", r, (int)p.pid, e, strerror(e));
    }
    FL_EXPECT(!caller_fd0, "the caller's descriptors to be left alone",
              "after proc_start the caller had an fd 0 it had closed: /dev/null was opened "
              "in the caller, not in the child");
    FL_EXPECT(strcmp(board->stdin_result, "eof") == 0,
              "fd 0 in the child to stay open on /dev/null when open() itself returned 0",
              "in child %d: %s", (int)p.pid, board->stdin_result);
    FL_EXPECT(board->extra_fd == 0,
              "the task to find only the descriptors the caller had, and fd 0",
              "in child %d the task found fd %d open, which the caller did not have",
              (int)p.pid, board->extra_fd - 1);
}

static int record_no_arg(void *arg)
{
    note_run();
    board->bytes[0] = 1;
    (void)arg;
    return 5;
}

FL_CHECK(arg_empty, "an argument of no bytes (NULL, 0) is accepted and the task runs",
         .section = "Passing arguments")
{
    board_new();
    struct proc p;
    memset(&p, 0x5a, sizeof p);
    errno = 0;
    int r = proc_init_args(&p, record_no_arg, NULL, 0);
    FL_EXPECT(r == 0, "proc_init_args(p, task, NULL, 0) to return 0: only NULL with a size "
              "above 0 is refused", "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    FL_EXPECT(p.pid == 0 && p.name[0] == '\0' && p.task == record_no_arg,
              "p ready to start: pid 0, name \"\", the task set",
              p.task == record_no_arg ? fl_tr("pid %d, name \"%.16s\", task set")
                                      : fl_tr("pid %d, name \"%.16s\", task not the one given"),
              (int)p.pid, p.name);
    start_ok(&p);
    fl_stage("waiting for child %d to end", (int)p.pid);
    int st = fl_reap(p.pid, "the child from proc_start");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 5 && board->ran == 1 &&
              board->pid == p.pid,
              "the task to run once in the child and its 5 to be the exit status",
              "child %d %s; the task ran %d times", (int)p.pid, fl_status_str(st), board->ran);
}

/* ---- the contract's refusals, one line each, in the order of arguments.h ---- */

static struct proc g_p;            /* a proc made and named, never started */
static struct proc g_started;      /* a proc that looks started */
static struct proc g_no_task;      /* a proc without a task */
static int g_int = 7;
static unsigned char g_big[PROC_ARG_MAX + 1];
static char g_long_name[PROC_NAME_MAX + 1];

static int ia_null_p(void) { return proc_init_args(NULL, record_int, &g_int, sizeof g_int); }
static int ia_null_task(void) { return proc_init_args(&g_p, NULL, &g_int, sizeof g_int); }
static int ia_null_arg(void) { return proc_init_args(&g_p, record_int, NULL, 4); }
static int ia_too_big(void) { return proc_init_args(&g_p, record_block, g_big, sizeof g_big); }
static int sn_null_p(void) { return proc_set_name(NULL, "dancer"); }
static int sn_null_name(void) { return proc_set_name(&g_p, NULL); }
static int sn_empty(void) { return proc_set_name(&g_p, ""); }
static int sn_started(void) { return proc_set_name(&g_started, "late"); }
static int sn_too_long(void) { return proc_set_name(&g_p, g_long_name); }
static int nd_null(void) { return proc_name_default(NULL); }
static int st_null(void) { return proc_start(NULL); }
static int st_no_task(void) { return proc_start(&g_no_task); }
static int st_started(void) { return proc_start(&g_started); }

static const struct refusal {
    const char *call;
    int (*fn)(void);
    int err;
    struct proc *unchanged;   /* the proc the call must leave as it was */
} refusals[] = {
    /* proc_init_args: "EINVAL if p or task is NULL, or arg is NULL while
     * size > 0; E2BIG if size is more than PROC_ARG_MAX", p unchanged */
    {"proc_init_args(NULL, task, &i, sizeof i)", ia_null_p, EINVAL, NULL},
    {"proc_init_args(p, NULL, &i, sizeof i)", ia_null_task, EINVAL, &g_p},
    {"proc_init_args(p, task, NULL, 4)", ia_null_arg, EINVAL, &g_p},
    {"proc_init_args(p, task, big, PROC_ARG_MAX + 1)", ia_too_big, E2BIG, &g_p},
    /* proc_set_name: "EINVAL if p or name is NULL, name is \"\", or p was
     * already started; ENAMETOOLONG if name has PROC_NAME_MAX bytes or
     * more", p unchanged */
    {"proc_set_name(NULL, \"dancer\")", sn_null_p, EINVAL, NULL},
    {"proc_set_name(p, NULL)", sn_null_name, EINVAL, &g_p},
    {"proc_set_name(p, \"\")", sn_empty, EINVAL, &g_p},
    {N_("proc_set_name(p, \"late\") on a started proc"), sn_started, EINVAL, &g_started},
    {"proc_set_name(p, <PROC_NAME_MAX bytes>)", sn_too_long, ENAMETOOLONG, &g_p},
    /* proc_name_default: "EINVAL if p is NULL" */
    {"proc_name_default(NULL)", nd_null, EINVAL, NULL},
    /* proc_start: "EINVAL if p is NULL, has no task or was already started" */
    {"proc_start(NULL)", st_null, EINVAL, NULL},
    {N_("proc_start(p) on a proc without a task"), st_no_task, EINVAL, &g_no_task},
    {N_("proc_start(p) on a proc already started"), st_started, EINVAL, &g_started},
};

FL_CHECK(refusals, "every refusal in arguments.h: -1 with its errno, the proc unchanged, nothing started",
         .section = "Your exercise: the contract")
{
    board_new();
    memset(g_big, 'b', sizeof g_big);
    memset(g_long_name, 'n', PROC_NAME_MAX);
    g_long_name[PROC_NAME_MAX] = '\0';
    int x = 11;
    FL_EXPECT(proc_init_args(&g_p, record_int, &x, sizeof x) == 0 &&
                  proc_set_name(&g_p, "kept") == 0,
              "proc_init_args and proc_set_name to accept valid arguments",
              "one of them returned -1 (errno %d: %s)", errno, strerror(errno));
    proc_init(&g_started, record_int, &g_int);
    g_started.pid = getpid();   /* looks started; no child is made */
    proc_init(&g_no_task, NULL, NULL);
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const struct refusal *f = &refusals[i];
        struct proc before;
        if (f->unchanged)
            memcpy(&before, f->unchanged, sizeof before);
        const char *call = fl_tr(f->call);
        fl_stage("calling %s", call);
        errno = 0;
        int r = f->fn();
        int e = errno;
        pid_t kids[4];
        int nk = fl_proc_children(getpid(), kids, 4);
        if (nk > 0)
            fl_fail_settled(NULL, kids[0], "a refused call to start nothing",
                            "after %s (it returned %d), child %d of the caller is there",
                            call, r, (int)kids[0]);
        FL_EXPECT(r == -1 && e == f->err, "each refusal of arguments.h to return -1 with its errno",
                  "%s returned %d (errno %d: %s), not -1 with %s", call, r, e, strerror(e),
                  strerror(f->err));
        if (f->unchanged && memcmp(&before, f->unchanged, sizeof before) != 0)
            fl_fail("a refused call to leave p unchanged",
                    "%s changed p (name now \"%.63s\", pid %d): check every argument before "
                    "writing anything", call, f->unchanged->name, (int)f->unchanged->pid);
    }
    FL_EXPECT(board->ran == 0, "no task to run for a refused call", "a task ran in pid %d",
              (int)board->pid);
}

FL_CHECK(start_fork_fails, "when fork fails, proc_start returns its error and starts nothing",
         .section = "Passing arguments")
{
    board_new();
    int value = 5;
    struct proc p;
    fl_stage("calling proc_init_args with an int");
    expect_init_args(proc_init_args(&p, record_int, &value, sizeof value), N_("an int"));
    fl_stage("calling proc_start when no process can be created");
    fl_forks_allow(0);
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    fl_forks_allow(-1);
    pid_t kids[4];
    if (fl_proc_children(getpid(), kids, 4) > 0)
        fl_fail_settled(NULL, kids[0], "no child after a proc_start that failed",
                        "child %d of the caller is there after proc_start returned %d",
                        (int)kids[0], r);
    FL_EXPECT(r == -1 && e == EAGAIN,
              "proc_start to return -1 with fork's errno (EAGAIN) when fork fails",
              "it returned %d (errno %d: %s)", r, e, strerror(e));
    FL_EXPECT(p.pid == 0 && board->ran == 0, "p->pid to stay 0 and the task not to run",
              "p->pid is %d and the task ran %d times", (int)p.pid, board->ran);
    start_ok(&p);
    finish(&p);
}

FL_CHECK(setup_fails_127, "a child whose setup fails ends with 127 without running the task",
         .section = "Standard input in a child")
{
    board_new();
    struct proc p;
    proc_init(&p, probe_stdin, NULL);
    /* No descriptor free in the child: opening /dev/null fails there (a
     * design that closes fd 0 first gets 0 back and succeeds: also right). */
    fl_stage("calling proc_start with no descriptor free");
    if (fl_fds_allow(0) < 0)
        fl_fail("the check to limit descriptors", "setrlimit failed: %s", strerror(errno));
    errno = 0;
    int r = proc_start(&p);
    int e = errno;
    fl_fds_allow(-1);
    FL_EXPECT(r == 0 && p.pid > 0, "proc_start to return 0 (the descriptor is the child's affair)",
              "it returned %d with p->pid %d (errno %d: %s)", r, (int)p.pid, e, strerror(e));
    fl_stage("waiting for child %d to end", (int)p.pid);
    int st = fl_reap(p.pid, "the child from proc_start");
    if (st == 127 << 8)
        FL_EXPECT(board->ran == 0, "the task not to run when proc_child_setup failed",
                  "child %d ended with 127 but the task ran first", (int)p.pid);
    else
        FL_EXPECT(st == 0 && board->ran == 1 && strcmp(board->stdin_result, "eof") == 0,
                  "a child whose stdin cannot be put on /dev/null to end with 127 before the "
                  "task (or, if it managed, the task to read end-of-file)",
                  /* a task that never ran wrote nothing: %.0s takes its empty text */
                  board->ran ? fl_tr("child %d %s; the task ran %d times and saw: %s")
                             : fl_tr("child %d %s; the task ran %d times%.0s"),
                  (int)p.pid, fl_status_str(st), board->ran, board->stdin_result);
}

/* A task that starts one unnamed proc of its own and writes down its name. */
static int start_nested(void *arg)
{
    (void)arg;
    note_run();
    struct proc q;
    proc_init(&q, record_int, &g_int);
    if (proc_start(&q) != 0) {
        snprintf(board->comm[1], sizeof board->comm[1], "%s", fl_tr("(proc_start failed)"));
        return 1;
    }
    snprintf(board->comm[1], sizeof board->comm[1], "%.31s", q.name);
    int st;
    while (waitpid(q.pid, &st, 0) < 0 && errno == EINTR)
        ;
    return 0;
}

FL_CHECK(names_in_child, "a child's starts are numbered on (or afresh) in the child and never count in its parent",
         .section = "Names")
{
    board_new();
    struct proc first, second, third;
    proc_init(&first, record_int, &g_int);
    proc_init(&second, start_nested, NULL);
    start_ok(&first);
    fl_stage("waiting for child %d to end", (int)first.pid);
    fl_reap(first.pid, "the child from proc_start");
    board->ran = 0;
    start_ok(&second);
    fl_stage("waiting for child %d, which starts a proc of its own, to end", (int)second.pid);
    int st = fl_reap(second.pid, "the child from proc_start");
    FL_EXPECT(st == 0, "the child to start its own proc and exit with 0", "child %d %s",
              (int)second.pid, fl_status_str(st));
    FL_EXPECT(strcmp(board->comm[1], "Process-3") == 0 ||
                  strcmp(board->comm[1], "Process-1") == 0 ||
                  strcmp(board->comm[1], "Process-2:1") == 0,
              "the first unnamed start inside the child of start 2 to be Process-3 (the "
              "parent's count carried on), Process-1 (a count of its own) or Process-2:1 "
              "(CPython's)",
              "child %d named it \"%s\"", (int)second.pid, board->comm[1]);
    proc_init(&third, record_int, &g_int);
    start_ok(&third);
    fl_stage("waiting for child %d to end", (int)third.pid);
    fl_reap(third.pid, "the child from proc_start");
    FL_EXPECT(strcmp(third.name, "Process-3") == 0,
              "the caller's third start to be Process-3: a child's starts do not count in "
              "its parent", "it is \"%.63s\"", third.name);
}
