/* Lesson 03 checks: after fork the child works on copies of the caller's
 * globals, heap and stack; a MAP_SHARED region made before fork is the one
 * way back.  Facts come from the processes themselves (what a child read
 * at an address, /proc/self/maps, wait statuses), never from printed text. */
#include "fl.h"
#include "memory.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers (candidates for the core) ---- */

/* The permissions of the mapping of this process that holds addr, from
 * /proc/self/maps ("rw-s": shared, "rw-p": private), in perms[5]; returns 1
 * when addr is mapped, 0 when not. */
static int mapping_perms(const void *addr, char perms[5])
{
    FILE *f = fopen("/proc/self/maps", "re");
    FL_EXPECT(f != NULL, "/proc/self/maps to be readable", "fopen failed: %s",
              strerror(errno));
    uintptr_t a = (uintptr_t)addr, lo, hi;
    char line[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %4s", &lo, &hi, perms) == 3 && a >= lo &&
            a < hi)
            found = 1;
    fclose(f);
    return found;
}

/* How many shared mappings this process has ("s" in /proc/self/maps). */
static int shared_mappings(void)
{
    FILE *f = fopen("/proc/self/maps", "re");
    FL_EXPECT(f != NULL, "/proc/self/maps to be readable", "fopen failed: %s",
              strerror(errno));
    char line[512], perms[5];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%*x-%*x %4s", perms) == 1 && perms[3] == 's')
            n++;
    fclose(f);
    return n;
}

/* Names in /dev/shm (shm_open's objects), ", "-separated into buf;
 * returns how many.  The sandbox gives each check a /dev/shm of its own,
 * or the check compares with what was there before. */
static int shm_names(char *buf, size_t size)
{
    buf[0] = '\0';
    DIR *d = opendir("/dev/shm");
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%s%s", n ? ", " : "", e->d_name);
            n++;
        }
    closedir(d);
    return n;
}

static int shm_before;
static char shm_list[512];

static void shm_start(void)
{
    shm_before = shm_names(shm_list, sizeof shm_list);
}

/* Fail if a name was left in /dev/shm since shm_start(). */
static void expect_no_shm_name(const char *after)
{
    int now = shm_names(shm_list, sizeof shm_list);
    FL_EXPECT(now <= shm_before, "no name left in /dev/shm (shm_unlink right after mmap)",
              "after %s, /dev/shm holds %s: a shm_open object outlives every process until "
              "it is unlinked", fl_tr(after), shm_list);
}

/* Fail if the caller holds a descriptor or a shared mapping it did not
 * have when the body started, or has a child left. */
static void expect_nothing_left(const char *after)
{
    char buf[512];
    after = fl_tr(after);
    if (fl_fds_new_since_start(buf, sizeof buf) > 0)
        fl_fail("nothing left open after a failed call", "after %s the caller still holds %s",
                after, buf);
    if (fl_maps_new_since_start(buf, sizeof buf) > 0)
        fl_fail("nothing left mapped after a failed call", "after %s the caller still maps %s",
                after, buf);
    pid_t kids[8];
    int nk = fl_proc_children(getpid(), kids, 8);
    if (nk > 0)
        fl_fail("no child left after a failed call",
                fl_proc_state(kids[0]) == 'Z'
                    ? fl_tr("after %s, child %d of the caller is still there (a zombie): every "
                            "child already started must be joined before returning")
                    : fl_tr("after %s, child %d of the caller is still there (running): every "
                            "child already started must be joined before returning"),
                after, (int)kids[0]);
    expect_no_shm_name(after);
}

static void create_region(struct shared_ints *s, size_t n)
{
    fl_stage("calling shared_ints_create(&s, %zu)", n);
    errno = 0;
    int r = shared_ints_create(s, n);
    FL_EXPECT(r == 0 && s->v != NULL && s->n == n,
              "shared_ints_create to return 0 with s.v set and s.n == n",
              "it returned %d (errno %d: %s), s.v %p, s.n %zu", r, errno, strerror(errno),
              (void *)s->v, s->n);
}

static void start_task(struct proc *p, proc_task task, void *arg)
{
    proc_init(p, task, arg);
    fl_stage("calling proc_start (given)");
    int r = proc_start(p);
    FL_EXPECT(r == 0 && p->pid > 0, "proc_start (given) to start the child",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
}

/* ---- copies after fork ---- */

static int g_list[4] = {1, 2, 3, 4};   /* the notes' global, as a list */

/* Where the child reports, in the student's region. */
enum { R_OWN, R_LATER, R_HEAP, R_STACK, R_ADDR_LO, R_ADDR_HI, R_DONE, R_SLOTS };

struct copy_arg {
    struct fl_probe_arg probe;
    struct shared_ints *region;
    int *heap, *stack;
};

/* In the child: change its copies, wait at the gate while the caller
 * changes the originals, then report what it sees at the same addresses. */
static int change_then_report(void *arg)
{
    struct copy_arg *a = arg;
    g_list[0] = 100;
    *a->heap = 110;
    *a->stack = 120;
    fl_probe_task(&a->probe);
    int *v = a->region->v;
    uintptr_t addr = (uintptr_t)g_list;
    v[R_OWN] = g_list[0];
    v[R_LATER] = g_list[1];
    v[R_HEAP] = *a->heap;
    v[R_STACK] = *a->stack;
    v[R_ADDR_LO] = (int)(uint32_t)addr;
    v[R_ADDR_HI] = (int)(uint32_t)((uint64_t)addr >> 32);
    v[R_DONE] = 1;
    return 0;
}

FL_CHECK(copies_after_fork, "a child's globals, heap and stack are copies: its writes and the caller's later writes stay apart",
         .section = "Copies after fork")
{
    struct shared_ints s = {0};
    create_region(&s, R_SLOTS);
    int stack_var = 20;
    int *heap = malloc(sizeof *heap);
    FL_EXPECT(heap != NULL, "memory for the check", "malloc failed");
    *heap = 10;
    struct copy_arg a = {{fl_probe_new(1, 0), 1}, &s, heap, &stack_var};
    struct proc p;
    start_task(&p, change_then_report, &a);
    fl_stage("waiting for child %d to change its copies", (int)p.pid);
    fl_probe_await(a.probe.probe, 1, p.pid);
    int seen_list = g_list[0], seen_heap = *heap, seen_stack = stack_var;
    g_list[1] = 200;   /* the caller's later writes */
    *heap = 210;
    stack_var = 220;
    fl_probe_release(a.probe.probe, 1);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (p.pid > 0 && fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the check's child");
    int *v = s.v;
    int done = v[R_DONE], own = v[R_OWN], later = v[R_LATER], ch = v[R_HEAP],
        cs = v[R_STACK];
    uintptr_t addr = (uintptr_t)(uint32_t)v[R_ADDR_LO] |
                     (uintptr_t)((uint64_t)(uint32_t)v[R_ADDR_HI] << 32);
    shared_ints_destroy(&s);
    free(heap);
    FL_EXPECT(done == 1, "the child's report to reach the caller through the shared region",
              "nothing arrived in the region from child %d: a region the child writes into "
              "but the caller never sees is not shared (MAP_SHARED, made before fork)",
              (int)p.pid);
    FL_EXPECT(seen_list == 1 && seen_heap == 10 && seen_stack == 20,
              "the child's writes to its copies to stay invisible to the caller",
              "after child %d wrote 100, 110, 120 the caller read %d, %d, %d", (int)p.pid,
              seen_list, seen_heap, seen_stack);
    FL_EXPECT(own == 100 && ch == 110 && cs == 120 && later == 2,
              "the caller's later writes (200, 210, 220) to stay invisible to the child",
              "child %d read its global %d (own write 100), later %d (2 before the caller's "
              "write), heap %d, stack %d", (int)p.pid, own, later, ch, cs);
    FL_EXPECT(addr == (uintptr_t)g_list,
              "the same address in both processes (a copy of the whole address space)",
              "the global list is at %#lx in the child, %p in the caller", (unsigned long)addr,
              (void *)g_list);
}

/* ---- a region both processes see ---- */

struct share_arg {
    struct fl_probe_arg probe;
    struct shared_ints *region;
};

static int write_wait_copy(void *arg)
{
    struct share_arg *a = arg;
    a->region->v[0] = 1234567;
    fl_probe_task(&a->probe);
    a->region->v[2] = a->region->v[1];
    return 0;
}

FL_CHECK(region_shared, "a region from shared_ints_create made before fork is seen by both processes",
         .section = "A region both processes see")
{
    struct shared_ints s = {0};
    create_region(&s, 4);
    for (size_t i = 0; i < 4; i++)
        FL_EXPECT(s.v[i] == 0, "a new region to hold zeros", "s.v[%zu] is %d", i, s.v[i]);
    struct share_arg a = {{fl_probe_new(1, 0), 1}, &s};
    struct proc p;
    start_task(&p, write_wait_copy, &a);
    fl_stage("waiting for child %d to write 1234567 into s.v[0]", (int)p.pid);
    fl_probe_await(a.probe.probe, 1, p.pid);
    int from_child = s.v[0];
    s.v[1] = -7654321;
    fl_probe_release(a.probe.probe, 1);
    fl_stage("joining child %d", (int)p.pid);
    proc_join(&p);
    if (fl_is_unreaped_child(p.pid, NULL))
        fl_reap(p.pid, "the check's child");
    fl_stage("joining child %d a second time (given: harmless)", (int)p.pid);
    errno = 0;
    int again = proc_join(&p);
    int e = errno;
    FL_EXPECT(again == 0, "a second proc_join (given) to return 0",
              "it returned %d (errno %d: %s)", again, e, strerror(e));
    int back = s.v[2];
    shared_ints_destroy(&s);
    FL_EXPECT(from_child == 1234567, "the child's write to s.v[0] to be seen by the caller",
              "the caller read %d after child %d wrote 1234567: the child wrote into its own "
              "copy (MAP_PRIVATE copies pages at fork, like any other memory)", from_child,
              (int)p.pid);
    FL_EXPECT(back == -7654321, "the caller's write after fork to be seen by the child",
              "child %d copied %d from s.v[1], where the caller had written -7654321",
              (int)p.pid, back);
}

FL_CHECK(region_lifecycle, "shared_ints_create maps a shared region; shared_ints_destroy unmaps it",
         .section = "Making and removing a region")
{
    shm_start();
    struct shared_ints s = {0};
    fl_stage("calling shared_ints_create(&s, 0)");
    errno = 0;
    int r = shared_ints_create(&s, 0);
    FL_EXPECT(r == -1 && errno == EINVAL, "shared_ints_create(&s, 0) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    /* Half of all memory, and more ints than the address space has bytes
     * for: n * sizeof(int) wraps around, to a huge size or to a few bytes
     * (SIZE_MAX / sizeof(int) + 2 ints "need" 4 bytes once wrapped). */
    size_t huge[3] = {SIZE_MAX / 8, SIZE_MAX / 2, SIZE_MAX / sizeof(int) + 2};
    for (int i = 0; i < 3; i++) {
        s.v = (int *)&s;   /* garbage a failed create must clear */
        s.n = 7;
        fl_stage("calling shared_ints_create(&s, %zu)", huge[i]);
        /* A memfd or shm_open design grows a file to the size: past the
         * sandbox's file-size ceiling that is SIGXFSZ, which is the check's
         * ceiling, not the student's mistake; ignored, it is EFBIG. */
        signal(SIGXFSZ, SIG_IGN);
        errno = 0;
        r = shared_ints_create(&s, huge[i]);
        /* mmap's own refusal is ENOMEM, or EINVAL under valgrind;
         * ftruncate's is EFBIG. */
        int e = errno;
        signal(SIGXFSZ, SIG_DFL);
        FL_EXPECT(r == -1 && (e == ENOMEM || (i == 0 && (e == EINVAL || e == EFBIG))) &&
                      s.v == NULL && s.n == 0,
                  "shared_ints_create of more ints than memory holds to fail with ENOMEM and "
                  "leave s.v NULL, s.n 0",
                  "for n = %zu it returned %d (errno %d: %s), s.v %p, s.n %zu", huge[i], r,
                  e, strerror(e), (void *)s.v, s.n);
    }
    fl_stage("calling shared_ints_destroy(NULL)");
    errno = 0;
    r = shared_ints_destroy(NULL);
    FL_EXPECT(r == -1 && errno == EINVAL, "shared_ints_destroy(NULL) to fail with EINVAL",
              "it returned %d (errno %d: %s)", r, errno, strerror(errno));
    create_region(&s, 3000);
    for (size_t i = 0; i < s.n; i++)
        FL_EXPECT(s.v[i] == 0, "a new region of 3000 ints to hold zeros", "s.v[%zu] is %d", i,
                  s.v[i]);
    s.v[2999] = 1;   /* the whole size is usable */
    char perms[5] = "";
    int *addr = s.v;
    if (!mapping_perms(addr, perms) || perms[3] != 's') {
        if (perms[0])
            fl_fail("the region to be a shared mapping (rw-s in /proc/self/maps)",
                    "the region at %p is mapped %s: a child would get a private copy",
                    (void *)addr, perms);
        fl_fail("the region to be a shared mapping (rw-s in /proc/self/maps)",
                "the region at %p is mapped nowhere: a child would get a private copy",
                (void *)addr);
    }
    expect_no_shm_name(N_("shared_ints_create returned"));
    char fds[256];
    FL_EXPECT(fl_fds_new_since_start(fds, sizeof fds) == 0,
              "shared_ints_create to leave only the mapping: no descriptor open",
              "after shared_ints_create the caller holds %s (close the memfd or shm_open "
              "descriptor once it is mapped)", fds);
    fl_stage("calling shared_ints_destroy");
    errno = 0;
    r = shared_ints_destroy(&s);
    int e = errno;
    FL_EXPECT(r == 0 && s.v == NULL && s.n == 0,
              "shared_ints_destroy to return 0 and clear s.v and s.n",
              "it returned %d (errno %d: %s), s.v %p, s.n %zu", r, e, strerror(e),
              (void *)s.v, s.n);
    FL_EXPECT(!mapping_perms(addr, perms), "the region to be unmapped after shared_ints_destroy",
              "%p is still mapped (%s): the pages stay until munmap", (void *)addr, perms);
    fl_stage("calling shared_ints_destroy a second time");
    r = shared_ints_destroy(&s);
    FL_EXPECT(r == 0, "destroying a region twice to return 0", "it returned %d (errno %d: %s)",
              r, errno, strerror(errno));
}

/* ---- shared_map ---- */

static int times_1000_minus_7(int x)
{
    return x * 1000 - 7;
}

static int map_or_fail(shared_fn fn, const int *in, int *out, size_t n)
{
    fl_stage("calling shared_map on %zu inputs", n);
    errno = 0;
    int r = shared_map(fn, in, out, n);
    FL_EXPECT(r == 0, "shared_map to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    return r;
}

FL_CHECK(map_results, "shared_map brings every child's whole result back",
         .section = "Getting results back")
{
    int in[6] = {0, 1, 2, 300, -5, 70000}, out[6];
    for (int i = 0; i < 6; i++)
        out[i] = 424242;
    map_or_fail(times_1000_minus_7, in, out, 6);
    int zeros = 0;
    for (int i = 0; i < 6; i++)
        zeros += out[i] == 0;
    for (int i = 0; i < 6; i++) {
        int want = times_1000_minus_7(in[i]);
        if (out[i] == want)
            continue;
        fl_fail("out[i] == fn(in[i]) for every input, whole ints",
                "out[%d] is %d, fn(%d) is %d%s", i, out[i], in[i], want,
                out[i] == (want & 0xFF) ? fl_tr(": that is the low 8 bits only -- an exit "
                                                "status cannot carry a result")
                : zeros == 6 ? fl_tr("; every result is 0: the children wrote into memory the "
                                     "caller does not see (a global, a MAP_PRIVATE region, or a "
                                     "region mapped after fork)")
                : out[i] == 424242 ? fl_tr(": out was never written") : "");
    }
}

static struct fl_probe_arg g_probe;
static int g_calls;   /* a global fn changes: only the child's copy moves */

static int record_and_double(int x)
{
    g_calls++;
    fl_probe_task(&g_probe);
    return 2 * x;
}

FL_CHECK(map_in_children, "shared_map runs fn in children: the caller's globals stay unchanged",
         .section = "Copies after fork")
{
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    g_calls = 0;
    int in[3] = {5, 6, 7}, out[3] = {0, 0, 0};
    fl_stage("calling shared_map on 3 inputs");
    errno = 0;
    int r = shared_map(record_and_double, in, out, 3);
    struct fl_probe *pr = g_probe.probe;
    if (pr->nruns > 0 && pr->runs[0].pid == getpid())
        fl_fail("fn to run in child processes, never in the caller",
                "fn ran in the caller itself (pid %d): the caller's global counter went to %d",
                (int)getpid(), g_calls);
    FL_EXPECT(r == 0, "shared_map to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    FL_EXPECT(g_calls == 0, "the caller's global to stay unchanged by fn in the children",
              "the caller's global counter is %d", g_calls);
    FL_EXPECT(pr->nruns == 3, "one child per input", "fn ran %d times for 3 inputs",
              pr->nruns);
    for (int i = 0; i < 3; i++)
        FL_EXPECT(pr->runs[i].ppid == getpid(), "each fn to run in a child of the caller",
                  "fn ran in pid %d, whose parent is %d; the caller is %d", (int)pr->runs[i].pid,
                  (int)pr->runs[i].ppid, (int)getpid());
    FL_EXPECT(out[0] == 10 && out[1] == 12 && out[2] == 14, "out to be 10, 12, 14",
              "out is %d, %d, %d", out[0], out[1], out[2]);
}

/* Each child waits until all three have started: only children that run at
 * the same time get past it.  Yields, never sleeps. */
static int wait_for_all_three(int x)
{
    struct fl_probe *pr = g_probe.probe;
    fl_probe_task(&g_probe);
    while (__atomic_load_n(&pr->nruns, __ATOMIC_SEQ_CST) < 3)
        sched_yield();
    return x;
}

FL_CHECK(map_children_overlap, "shared_map starts all children before it joins any",
         .section = "Getting results back", .timeout_s = 1)
{
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    int in[3] = {1, 2, 3}, out[3];
    fl_stage("calling shared_map on 3 inputs; each child waits until all 3 run at once (a "
             "shared_map that joins each child before starting the next never returns)");
    map_or_fail(wait_for_all_three, in, out, 3);
    FL_EXPECT(out[0] == 1 && out[1] == 2 && out[2] == 3, "out to be 1, 2, 3",
              "out is %d, %d, %d", out[0], out[1], out[2]);
}

FL_CHECK(map_joins_all, "shared_map reaps every child before it returns",
         .section = "Getting results back")
{
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    int in[4] = {1, 2, 3, 4}, out[4];
    fl_stage("calling shared_map on 4 inputs");
    errno = 0;
    int r = shared_map(record_and_double, in, out, 4);
    FL_EXPECT(r == 0, "shared_map to return 0", "it returned %d (errno %d: %s)", r, errno,
              strerror(errno));
    struct fl_probe *pr = g_probe.probe;
    fl_stage("waiting until the 4 children have run fn");
    fl_probe_await(pr, 4, 0);
    int left = 0;
    pid_t first = 0;
    for (int i = 0; i < 4 && i < pr->nruns; i++)
        if (fl_is_unreaped_child(pr->runs[i].pid, NULL)) {
            left++;
            if (!first)
                first = pr->runs[i].pid;
            fl_reap(pr->runs[i].pid, "a child of shared_map");
        }
    FL_EXPECT(left == 0, "every child to be joined (reaped) when shared_map returns",
              "%d of 4 children (the first: %d) were still unreaped when shared_map returned: "
              "results are only complete once every child has ended", left, (int)first);
}

FL_CHECK(map_releases_region, "shared_map unmaps its region before it returns",
         .section = "Making and removing a region")
{
    int in[2] = {1, 2}, out[2];
    shm_start();
    int before = shared_mappings();
    map_or_fail(times_1000_minus_7, in, out, 2);
    int after = shared_mappings();
    expect_no_shm_name(N_("shared_map returned"));
    FL_EXPECT(after <= before, "as many shared mappings after shared_map as before",
              "the caller had %d shared mappings before and %d after: the region was never "
              "unmapped (shared_ints_destroy)", before, after);
}

static int die_on_13(int x)
{
    if (x == 13)
        kill(getpid(), SIGKILL);
    return x + 1;
}

FL_CHECK(map_crash_reported, "a child that dies is reported (EIO), the other results still arrive",
         .section = "Getting results back")
{
    int in[3] = {12, 13, 14}, out[3] = {0, 0, 0};
    fl_stage("calling shared_map where the child for 13 is killed by SIGKILL");
    errno = 0;
    int r = shared_map(die_on_13, in, out, 3);
    int e = errno;
    FL_EXPECT(r == -1 && e == EIO, "shared_map to return -1 with errno EIO",
              "it returned %d (errno %d: %s)%s", r, e, strerror(e),
              r == 0 ? fl_tr(": a child that never wrote its result looks like a result of 0 "
                             "unless its exit code is checked") : "");
    FL_EXPECT(out[0] == 13 && out[2] == 15, "the other children's results (13, 15) in out",
              "out[0] is %d, out[2] is %d", out[0], out[2]);
}

/* ---- the contract's refusals, one line each, in the order of memory.h ---- */

static int in1[1] = {1}, out1[1];
static struct shared_ints g_s;

static int create_null(void) { return shared_ints_create(NULL, 4); }
static int create_zero(void) { return shared_ints_create(&g_s, 0); }
static int destroy_null(void) { return shared_ints_destroy(NULL); }
static int map_no_fn(void) { return shared_map(NULL, in1, out1, 1); }
static int map_no_in(void) { return shared_map(record_and_double, NULL, out1, 1); }
static int map_no_out(void) { return shared_map(record_and_double, in1, NULL, 1); }
static int map_no_n(void) { return shared_map(record_and_double, in1, out1, 0); }
static int start_null(void) { return proc_start(NULL); }
static int join_null(void) { return proc_join(NULL); }
static int join_unstarted(void)
{
    struct proc q;
    proc_init(&q, NULL, NULL);
    return proc_join(&q);
}

static const struct refusal {
    const char *call;
    int (*fn)(void);
    int err;
} refusals[] = {
    /* shared_ints_create: "EINVAL if s is NULL or n is 0" */
    {"shared_ints_create(NULL, 4)", create_null, EINVAL},
    {"shared_ints_create(&s, 0)", create_zero, EINVAL},
    /* shared_ints_destroy: "EINVAL if s is NULL" */
    {"shared_ints_destroy(NULL)", destroy_null, EINVAL},
    /* shared_map: "EINVAL if fn, in or out is NULL or n is 0" */
    {"shared_map(NULL, in, out, 1)", map_no_fn, EINVAL},
    {"shared_map(fn, NULL, out, 1)", map_no_in, EINVAL},
    {"shared_map(fn, in, NULL, 1)", map_no_out, EINVAL},
    {"shared_map(fn, in, out, 0)", map_no_n, EINVAL},
    /* proc_start, proc_join (given): lessons 01 and 04's refusals */
    {N_("proc_start(NULL) (given)"), start_null, EINVAL},
    {N_("proc_join(NULL) (given)"), join_null, EINVAL},
    {N_("proc_join(p) on a proc never started (given)"), join_unstarted, EINVAL},
};

FL_CHECK(map_errors, "every refusal in memory.h: -1 with EINVAL, nothing started or left",
         .section = "Your exercise: the contract")
{
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    shm_start();
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const char *call = fl_tr(refusals[i].call);
        fl_stage("calling %s", call);
        errno = 0;
        int r = refusals[i].fn();
        int e = errno;
        FL_EXPECT(r == -1 && e == refusals[i].err,
                  "each refusal of memory.h to return -1 with its errno",
                  "%s returned %d (errno %d: %s), not -1 with %s", call, r, e,
                  strerror(e), strerror(refusals[i].err));
        FL_EXPECT(g_probe.probe->nruns == 0, "a refused shared_map to run fn nowhere",
                  "after %s, fn ran in pid %d", call, (int)g_probe.probe->runs[0].pid);
        expect_nothing_left(call);
    }
}

FL_CHECK(map_start_fails, "when a child cannot be started, shared_map reports fork's error and joins the children it started",
         .section = "Getting results back")
{
    int in[3] = {1, 2, 3}, out[3];
    shm_start();
    for (int allowed = 0; allowed < 3; allowed++) {
        g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
        fl_stage(allowed == 1
                     ? fl_tr("calling shared_map on 3 inputs when only %d process can be created")
                     : fl_tr("calling shared_map on 3 inputs when only %d processes can be "
                             "created"),
                 allowed);
        fl_forks_allow(allowed);
        errno = 0;
        int r = shared_map(record_and_double, in, out, 3);
        int e = errno;
        fl_forks_allow(-1);
        FL_EXPECT(r == -1 && e == EAGAIN,
                  "shared_map to return -1 with fork's errno (EAGAIN) when a child cannot be "
                  "started",
                  allowed == 1
                      ? fl_tr("with %d process creation allowed it returned %d (errno %d: %s)")
                      : fl_tr("with %d process creations allowed it returned %d (errno %d: %s)"),
                  allowed, r, e, strerror(e));
        char after[96];
        if (allowed == 1)
            snprintf(after, sizeof after, "%s", fl_tr("shared_map failed with 1 child started"));
        else
            snprintf(after, sizeof after, fl_tr("shared_map failed with %d children started"),
                     allowed);
        expect_nothing_left(after);
    }
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    fl_stage("calling shared_map again, with process creation allowed");
    map_or_fail(record_and_double, in, out, 3);
    FL_EXPECT(out[0] == 2 && out[1] == 4 && out[2] == 6, "out to be 2, 4, 6 after the retry",
              "out is %d, %d, %d", out[0], out[1], out[2]);
}

FL_CHECK(region_create_fails, "a region that cannot be made is reported with its errno, and nothing is started or left",
         .section = "A region both processes see")
{
    shm_start();
    /* More ints than a size_t counts bytes for: ENOMEM by the contract,
     * before anything is made or started. */
    int in[1] = {1}, out[1];
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    fl_stage("calling shared_map with n = SIZE_MAX / 2");
    errno = 0;
    int r = shared_map(record_and_double, in, out, SIZE_MAX / 2);
    int e = errno;
    FL_EXPECT(r == -1 && e == ENOMEM && g_probe.probe->nruns == 0,
              "shared_map with more inputs than memory holds to fail with ENOMEM (its region "
              "cannot be made) before starting anything",
              "it returned %d (errno %d: %s) and fn ran %d times", r, e, strerror(e),
              g_probe.probe->nruns);
    expect_nothing_left("shared_map(fn, in, out, SIZE_MAX / 2)");
    /* No descriptor free: a memfd or shm_open design cannot make its
     * region (EMFILE); MAP_ANONYMOUS needs none.  Either is right. */
    struct shared_ints s = {(int *)&s, 7};
    fl_stage("calling shared_ints_create(&s, 4) with no descriptor free");
    if (fl_fds_allow(0) < 0)
        fl_fail("the check to limit descriptors", "setrlimit failed: %s", strerror(errno));
    errno = 0;
    r = shared_ints_create(&s, 4);
    e = errno;
    fl_fds_allow(-1);
    if (r == 0) {
        FL_EXPECT(s.v != NULL && s.n == 4, "shared_ints_create to set s.v and s.n",
                  "s.v %p, s.n %zu", (void *)s.v, s.n);
        shared_ints_destroy(&s);
    } else {
        FL_EXPECT(r == -1 && e == EMFILE && s.v == NULL && s.n == 0,
                  "with no descriptor free, shared_ints_create to succeed (MAP_ANONYMOUS) or "
                  "fail with EMFILE and leave s.v NULL, s.n 0",
                  "it returned %d (errno %d: %s), s.v %p, s.n %zu", r, e, strerror(e),
                  (void *)s.v, s.n);
    }
    expect_nothing_left(N_("shared_ints_create with no descriptor free"));
    g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
    int in3[3] = {4, 5, 6}, out3[3] = {0, 0, 0};
    fl_stage("calling shared_map on 3 inputs with no descriptor free");
    fl_fds_allow(0);
    errno = 0;
    r = shared_map(record_and_double, in3, out3, 3);
    e = errno;
    fl_fds_allow(-1);
    if (r == 0)
        FL_EXPECT(out3[0] == 8 && out3[1] == 10 && out3[2] == 12,
                  "out to be 8, 10, 12", "out is %d, %d, %d", out3[0], out3[1], out3[2]);
    else
        FL_EXPECT(r == -1 && e == EMFILE && g_probe.probe->nruns == 0,
                  "with no descriptor free, shared_map to succeed or fail with its region's "
                  "errno (EMFILE) before starting any child",
                  "it returned %d (errno %d: %s) and fn ran %d times", r, e, strerror(e),
                  g_probe.probe->nruns);
    expect_nothing_left(N_("shared_map with no descriptor free"));
}

FL_CHECK(memory_short, "when memory runs out, shared_ints_create and shared_map fail with ENOMEM and leave nothing",
         .section = "Making and removing a region")
{
    shm_start();
    /* No memory at all: the region cannot be mapped ("mmap's ENOMEM when
     * memory is short"), and s is left with v NULL and n 0. */
    struct shared_ints s = {(int *)&s, 7};
    fl_stage("calling shared_ints_create(&s, 4) with no memory to be had");
    fl_allocs_allow(0);
    errno = 0;
    int r = shared_ints_create(&s, 4);
    int e = errno;
    fl_allocs_allow(-1);
    FL_EXPECT(r == -1 && e == ENOMEM && s.v == NULL && s.n == 0,
              "shared_ints_create to return -1 with mmap's ENOMEM and leave s.v NULL, s.n 0",
              "it returned %d (errno %d: %s), s.v %p, s.n %zu", r, e, strerror(e),
              (void *)s.v, s.n);
    expect_nothing_left(N_("shared_ints_create with no memory"));
    /* shared_map: the region comes before any fork, so with no memory
     * nothing starts; with a little, whatever fails after the region must
     * still join what started and unmap the region. */
    int in[3] = {4, 5, 6};
    for (int k = 0; k < 4; k++) {
        int out[3] = {0, 0, 0};
        g_probe = (struct fl_probe_arg){fl_probe_new(0, 0), 1};
        fl_stage(k == 1 ? fl_tr("calling shared_map on 3 inputs with %d allocation allowed, then "
                                "ENOMEM")
                        : fl_tr("calling shared_map on 3 inputs with %d allocations allowed, then "
                                "ENOMEM"),
                 k);
        fl_allocs_allow(k);
        errno = 0;
        r = shared_map(record_and_double, in, out, 3);
        e = errno;
        fl_allocs_allow(-1);
        char after[96];
        if (k == 1)
            snprintf(after, sizeof after,
                     fl_tr("shared_map with 1 allocation allowed (it returned %d)"), r);
        else
            snprintf(after, sizeof after,
                     fl_tr("shared_map with %d allocations allowed (it returned %d)"), k, r);
        expect_nothing_left(after);
        if (r == 0 && k > 0) {
            FL_EXPECT(out[0] == 8 && out[1] == 10 && out[2] == 12, "out to be 8, 10, 12",
                      k == 1 ? fl_tr("with %d allocation allowed, out is %d, %d, %d")
                             : fl_tr("with %d allocations allowed, out is %d, %d, %d"),
                      k, out[0], out[1], out[2]);
            continue;
        }
        /* With some memory, the children are forked with none left: a child
         * of a design that allocates may fail, which is EIO. */
        FL_EXPECT(r == -1 && (e == ENOMEM || (k > 0 && e == EIO)),
                  k == 0 ? N_("shared_map to return -1 with ENOMEM when its region cannot be "
                              "made")
                         : N_("shared_map to work (0) or return -1 with ENOMEM (EIO if a child "
                              "could not allocate)"),
                  k == 1 ? fl_tr("with %d allocation allowed it returned %d (errno %d: %s)")
                         : fl_tr("with %d allocations allowed it returned %d (errno %d: %s)"),
                  k, r, e, strerror(e));
        FL_EXPECT(k > 0 || g_probe.probe->nruns == 0,
                  "the region to be made before any fork: with no memory, no child starts",
                  g_probe.probe->nruns == 1
                      ? fl_tr("fn ran in %d child though the region could not be made")
                      : fl_tr("fn ran in %d children though the region could not be made"),
                  g_probe.probe->nruns);
    }
}

/* ---- a signal while shared_map joins ---- */

static int g_wake[2] = {-1, -1};   /* children read one byte each from g_wake[0] */

/* The caller's handler: let the three children go (write is async-signal-safe). */
static void wake_children(int sig)
{
    (void)sig;
    int saved = errno;
    while (write(g_wake[1], "ggg", 3) < 0 && errno == EINTR)
        ;
    errno = saved;
}

/* Runs in a child: wait until the caller was interrupted, then answer. */
static int wait_then_triple(int x)
{
    char c;
    while (read(g_wake[0], &c, 1) < 0 && errno == EINTR)
        ;
    return 3 * x;
}

FL_CHECK(map_signal_while_joining, "a signal that interrupts shared_map's waiting does not stop it reaping every child",
         .section = "Getting results back")
{
    shm_start();
    fl_pipe(g_wake);
    /* A handler without SA_RESTART: waitpid returns EINTR when it runs. */
    struct sigaction sa = {.sa_handler = wake_children}, old;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    int in[3] = {1, 2, 3}, out[3] = {0, 0, 0};
    fl_stage("calling shared_map; its children wait until SIGUSR1 interrupts the caller");
    pid_t helper = fl_signal_when_blocked(getpid(), SIGUSR1, 2.0);
    errno = 0;
    int r = shared_map(wait_then_triple, in, out, 3);
    int e = errno;
    fl_reap(helper, "the helper that sent SIGUSR1");
    sigaction(SIGUSR1, &old, NULL);
    pid_t kids[8];
    int nk = fl_proc_children(getpid(), kids, 8);
    if (nk > 0) {
        char st = fl_proc_state(kids[0]);
        for (int i = 0; i < nk; i++)
            fl_reap(kids[i], "a child shared_map left");
        fl_fail("shared_map to reap every child before it returns, even when a signal "
                "interrupts its wait (EINTR: wait again)",
                st == 'Z' ? fl_tr("after SIGUSR1 interrupted it, shared_map returned %d (errno "
                                  "%d: %s) with child %d still a zombie")
                          : fl_tr("after SIGUSR1 interrupted it, shared_map returned %d (errno "
                                  "%d: %s) with child %d still running"),
                r, e, strerror(e), (int)kids[0]);
    }
    FL_EXPECT(r == 0 && out[0] == 3 && out[1] == 6 && out[2] == 9,
              "shared_map to return 0 with out 3, 6, 9: an interrupted wait is not a failed "
              "child", "it returned %d (errno %d: %s), out %d, %d, %d", r, e, strerror(e),
              out[0], out[1], out[2]);
    expect_nothing_left(N_("shared_map interrupted by SIGUSR1"));
}
