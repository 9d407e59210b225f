/* Lesson 09 checks: a bounded queue that carries whole messages between
 * processes, blocks and times out like Python's Queue, and closes cleanly.
 *
 * Producer and consumer children here are forked by the check itself and
 * run only the student's queue calls, then _exit with what they saw: the
 * check decides from those exit statuses, from what it gets out of the
 * queue, and from /proc (a child asleep in the kernel is blocked). */
#include "fl.h"
#include "queue.h"

#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <fcntl.h>
#include <time.h>
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- messages that describe themselves ----
 *
 * A header (magic, producer, sequence number, length) and then bytes that
 * depend on all three and on their position, so a message that was cut,
 * padded, or mixed with another one's bytes is recognised as such. */

#define MAGIC 0x51554555u
#define HEAD_LEN sizeof(struct msg_head)

struct msg_head {
    uint32_t magic, producer, seq, len;
};

static unsigned char pattern(uint32_t producer, uint32_t seq, size_t i)
{
    return (unsigned char)(producer * 131u + seq * 31u + (uint32_t)i * 7u + (uint32_t)(i >> 8));
}

static void make_msg(unsigned char *buf, uint32_t producer, uint32_t seq, size_t len)
{
    struct msg_head h = {MAGIC, producer, seq, (uint32_t)len};
    memcpy(buf, &h, HEAD_LEN);
    for (size_t i = HEAD_LEN; i < len; i++)
        buf[i] = pattern(producer, seq, i);
}

/* What is wrong with a received message, in words; NULL when it is whole. */
static const char *msg_problem(const unsigned char *buf, size_t got, struct msg_head *h)
{
    static char why[200];
    if (got < HEAD_LEN) {
        snprintf(why, sizeof why, fl_tr("a message of %zu bytes, too short to be one that was put"),
                 got);
        return why;
    }
    memcpy(h, buf, HEAD_LEN);
    if (h->magic != MAGIC) {
        snprintf(why, sizeof why, fl_tr("%zu bytes that do not start like any message put "
                                        "(the start of a message was lost or overwritten)"), got);
        return why;
    }
    if (h->len != got) {
        snprintf(why, sizeof why, fl_tr("message %u of producer %u came out with %zu bytes; it was "
                                        "put with %u"), h->seq, h->producer, got, h->len);
        return why;
    }
    for (size_t i = HEAD_LEN; i < got; i++)
        if (buf[i] != pattern(h->producer, h->seq, i)) {
            snprintf(why, sizeof why, fl_tr("message %u of producer %u (%zu bytes) is whole in "
                                            "length but byte %zu is not its own: bytes of another "
                                            "message got into it"),
                     h->seq, h->producer, got, i);
            return why;
        }
    return NULL;
}

static unsigned char inbuf[QUEUE_MSG_MAX + 1];
static unsigned char outbuf[QUEUE_MSG_MAX + 1];

static const char *result_name(enum queue_result r)
{
    switch (r) {
    case QUEUE_OK: return "QUEUE_OK";
    case QUEUE_FULL: return "QUEUE_FULL";
    case QUEUE_EMPTY: return "QUEUE_EMPTY";
    case QUEUE_CLOSED: return "QUEUE_CLOSED";
    case QUEUE_ERROR: return "QUEUE_ERROR";
    }
    return fl_tr("a value outside enum queue_result");
}

/* The result in words, with errno when it is an error. */
static const char *said(enum queue_result r)
{
    static char buf[120];
    if (r == QUEUE_ERROR)
        snprintf(buf, sizeof buf, "QUEUE_ERROR (errno %d: %s)", errno, strerror(errno));
    else
        snprintf(buf, sizeof buf, "%s", result_name(r));
    return buf;
}

/* ---- children the check forks ----
 *
 * They run student code only, never a harness call, and end with _exit:
 * exit codes 0-4 are a queue_result, 10 and up a mismatch. */

struct job {
    struct queue *q;
    uint32_t producer;
    int count;            /* messages to put */
    size_t len;           /* their length; 0: varied lengths */
    double timeout;
    uint32_t expect_seq;  /* get: the message expected */
    int gate;             /* > 0: read a byte from this fd before starting */
    size_t bufsize;       /* get: the buffer's size; 0: QUEUE_MSG_MAX */
    int on_signal;        /* > 0: catch this signal (no SA_RESTART) first */
};

static volatile sig_atomic_t signals_seen;
static void count_signal(int sig)
{
    (void)sig;
    signals_seen++;
}

/* Catch `sig` without SA_RESTART: a blocking call it interrupts returns
 * EINTR, and the code under test must go on waiting as its contract says. */
static void catch_signal(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = count_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* Hold a child until the caller lets it go: a plain pipe, no clock. */
static void pass_gate(const struct job *j)
{
    char c;
    if (j->gate > 0)
        while (read(j->gate, &c, 1) < 0 && errno == EINTR)
            ;
}

static size_t varied_len(uint32_t producer, int seq)
{
    static const size_t lens[] = {HEAD_LEN, 300, 4095, 4096, 4097, 9000, 20000, 1200, 4100};
    return lens[(producer + (uint32_t)seq) % (sizeof lens / sizeof lens[0])];
}

static int put_job(void *arg)
{
    struct job *j = arg;
    static unsigned char buf[QUEUE_MSG_MAX];
    pass_gate(j);
    for (int i = 0; i < j->count; i++) {
        size_t len = j->len ? j->len : varied_len(j->producer, i);
        make_msg(buf, j->producer, (uint32_t)i, len);
        enum queue_result r = queue_put(j->q, buf, len, j->timeout);
        if (r != QUEUE_OK)
            return (int)r;
    }
    return 0;
}

static int get_job(void *arg)
{
    struct job *j = arg;
    static unsigned char buf[QUEUE_MSG_MAX];
    size_t len = 0;
    if (j->on_signal > 0)
        catch_signal(j->on_signal);
    enum queue_result r = queue_get(j->q, buf, j->bufsize ? j->bufsize : sizeof buf, &len,
                                    j->timeout);
    if (r != QUEUE_OK)
        return (int)r;
    struct msg_head h;
    if (msg_problem(buf, len, &h) || h.producer != j->producer || h.seq != j->expect_seq)
        return 10;
    return 0;
}

static pid_t spawn(int (*fn)(void *), void *arg)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        fl_fail("the check to start a child", "fork failed: %s", strerror(errno));
    if (pid == 0)
        _exit(fn(arg) & 0xff);
    return pid;
}

/* What the end of a child the check started says, as the one of three
 * whole sentences (marked N_() by the caller) that fits wait status
 * `status`: `was` when a signal ended the child, `got` when it exited with
 * a queue_result, `wrong` when it got QUEUE_OK but not the message that
 * was put.  The last %s of each is child_text(status).  Returned
 * translated.  A sentence per case, not a phrase put into one, so that a
 * translation can say each its own way. */
static const char *child_said(int status, const char *was, const char *got, const char *wrong)
    __attribute__((format_arg(2), format_arg(3), format_arg(4)));

static const char *child_said(int status, const char *was, const char *got, const char *wrong)
{
    if (!WIFEXITED(status))
        return fl_tr(was);
    return fl_tr(WEXITSTATUS(status) <= QUEUE_ERROR ? got : wrong);
}

/* The text child_said's sentence takes: how the signal ended the child,
 * the name of the result it got, or QUEUE_OK. */
static const char *child_text(int status)
{
    if (!WIFEXITED(status))
        return fl_status_str(status);
    if (WEXITSTATUS(status) <= QUEUE_ERROR)
        return result_name((enum queue_result)WEXITSTATUS(status));
    return "QUEUE_OK";
}

/* Wait until `pid` is blocked: asleep in the kernel with no progress (no
 * CPU time, no context switch) across a window, or has ended.  Returns 1
 * when blocked, 0 when it ended.  A wait that spins, or polls with short
 * sleeps, never counts as blocked: the check fails saying so. */
static int await_blocked(pid_t pid)
{
    int r = fl_await_blocked(pid, 0.1, 1.5);
    if (r == 0)
        fl_fail_settled(NULL, pid, "a process waiting in put or get to sleep until woken (blocked)",
                        "process %d kept running (it spins, or polls with short sleeps): it never "
                        "stayed asleep without progress for 0.1 s", (int)pid);
    return r == 1;
}

/* Wait for the caller's child `pid` to end, at most `ceiling` seconds
 * (scaled); returns its wait status, or -1 (it was then killed and reaped)
 * when it was still there at the ceiling. */
static int reap_within(pid_t pid, double ceiling)
{
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (pfd >= 0) {
        struct pollfd p = {.fd = pfd, .events = POLLIN};
        double end = fl_now() + fl_scaled(ceiling), left;
        int r = 0;
        while ((left = end - fl_now()) > 0) {
            r = poll(&p, 1, (int)(left * 1000) + 1);
            if (r > 0 || (r < 0 && errno != EINTR))
                break;
        }
        close(pfd);
        if (r <= 0) {
            kill(pid, SIGKILL);
            fl_reap(pid, "a child the check started");
            return -1;
        }
    }
    return fl_reap(pid, "a child the check started");
}

static struct queue *new_queue(int maxsize)
{
    fl_stage("calling queue_new(%d)", maxsize);
    errno = 0;
    struct queue *q = queue_new(maxsize);
    FL_EXPECT(q != NULL, "queue_new to return a queue",
              "queue_new(%d) returned NULL (errno %d: %s)", maxsize, errno, strerror(errno));
    return q;
}

static void put_ok(struct queue *q, uint32_t producer, uint32_t seq, size_t len, const char *why)
{
    make_msg(outbuf, producer, seq, len);
    errno = 0;
    enum queue_result r = queue_put(q, outbuf, len, 0);
    FL_EXPECT(r == QUEUE_OK, why, "queue_put of a %zu-byte message returned %s", len,
              said(r));
}

/* Get one message at once and fail unless it is whole and the expected one. */
static void get_expect(struct queue *q, uint32_t producer, uint32_t seq, const char *expected,
                       const char *what)
{
    what = fl_tr(what);
    size_t len = 0;
    errno = 0;
    enum queue_result r = queue_get(q, inbuf, sizeof inbuf, &len, 0);
    FL_EXPECT(r == QUEUE_OK, expected, "queue_get for %s returned %s", what, said(r));
    struct msg_head h;
    const char *bad = msg_problem(inbuf, len, &h);
    FL_EXPECT(!bad, expected, "queue_get for %s returned %s", what, bad);
    FL_EXPECT(h.producer == producer && h.seq == seq, expected,
              "queue_get for %s returned message %u of producer %u instead", what, h.seq,
              h.producer);
}

/* ---- checks ---- */

FL_CHECK(crosses_processes, "a message put in one process is got in another",
         .section = "One queue, many processes")
{
    struct queue *q = new_queue(4);
    struct job a = {.q = q, .producer = 1, .count = 1, .len = 100};
    fl_stage("letting child A put one message");
    pid_t pa = spawn(put_job, &a);
    int st = fl_reap(pa, "child A");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "a put from a child to succeed",
              child_said(st,
                         N_("child %d's put was %s"),
                         N_("child %d's put got %s"),
                         N_("child %d's put got %s but not the message that was put")),
              (int)pa, child_text(st));
    fl_stage("getting child A's message in the caller");
    get_expect(q, 1, 0, N_("the caller to get the message child A put"),
               N_("the message child A put"));

    fl_stage("letting children B and C put one message each, one after the other");
    struct job b = {.q = q, .producer = 2, .count = 1, .len = 200};
    struct job c = {.q = q, .producer = 3, .count = 1, .len = 300};
    pid_t pb = spawn(put_job, &b);
    fl_reap(pb, "child B");
    pid_t pc = spawn(put_job, &c);
    fl_reap(pc, "child C");
    FL_EXPECT(queue_qsize(q) == 2, "two messages queued after two children put one each",
              "queue_qsize says %d: children %d and %d wrote into the same place",
              queue_qsize(q), (int)pb, (int)pc);
    get_expect(q, 2, 0, N_("both children's messages to arrive, B's first"),
               N_("the first of the messages of children B and C"));
    get_expect(q, 3, 0, N_("both children's messages to arrive, B's first"),
               N_("the second of the messages of children B and C"));

    fl_stage("putting in the caller for a child to get");
    put_ok(q, 4, 0, 400, N_("a put in the caller to succeed"));
    struct job g = {.q = q, .producer = 4};
    pid_t pg = spawn(get_job, &g);
    st = fl_reap(pg, "the getting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "a child to get the message the caller put",
              child_said(st,
                         N_("child %d was %s"),
                         N_("child %d got %s"),
                         N_("child %d got %s but not the message that was put")),
              (int)pg, child_text(st));
    queue_free(q);
}

FL_CHECK(fifo_order, "messages come out in the order they were put",
         .section = "First in, first out")
{
    struct queue *q = new_queue(8);
    struct job a = {.q = q, .producer = 7, .count = 6};
    fl_stage("letting a child put 6 messages of different sizes");
    pid_t pa = spawn(put_job, &a);
    int st = fl_reap(pa, "the producer child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "6 puts into a queue of 8 to succeed",
              child_said(st,
                         N_("child %d's put was %s"),
                         N_("child %d's put got %s"),
                         N_("child %d's put got %s but not the message that was put")),
              (int)pa, child_text(st));
    for (uint32_t i = 0; i < 6; i++) {
        char what[64];
        snprintf(what, sizeof what, fl_tr("message %u of 6"), i + 1);
        fl_stage("getting %s", what);
        get_expect(q, 7, i, N_("the oldest message first, the newest last (FIFO)"), what);
    }
    queue_free(q);
}

FL_CHECK(big_messages_whole, "messages of every size up to QUEUE_MSG_MAX arrive whole",
         .section = "Messages bigger than PIPE_BUF")
{
    static const size_t sizes[] = {HEAD_LEN, 100, 4095, 4096, 4097, 10000, 40000, QUEUE_MSG_MAX};
    int n = (int)(sizeof sizes / sizeof sizes[0]);
    struct queue *q = new_queue(2);
    for (int i = 0; i < n; i++) {
        fl_stage("putting and getting a %zu-byte message", sizes[i]);
        put_ok(q, 9, (uint32_t)i, sizes[i], N_("a put of a message up to QUEUE_MSG_MAX to succeed"));
        char what[64];
        snprintf(what, sizeof what, fl_tr("a %zu-byte message"), sizes[i]);
        get_expect(q, 9, (uint32_t)i, N_("each message to come out with exactly the bytes put"),
                   what);
    }
    fl_stage("putting a message one byte over QUEUE_MSG_MAX");
    errno = 0;
    enum queue_result r = queue_put(q, outbuf, QUEUE_MSG_MAX + 1, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EMSGSIZE,
              "a message over QUEUE_MSG_MAX to be refused: QUEUE_ERROR with errno EMSGSIZE",
              "queue_put returned %s", said(r));
    FL_EXPECT(queue_qsize(q) == 0, "a refused message to leave the queue as it was",
              "queue_qsize is %d after the refused put", queue_qsize(q));
    queue_free(q);
}

#define NPROD 4
#define PER_PROD 25

FL_CHECK(no_interleaving, "four producers at once: every message whole and in its producer's order",
         .section = "Many producers at once", .timeout_s = 4)
{
    struct queue *q = new_queue(3);
    struct job jobs[NPROD];
    pid_t pids[NPROD];
    fl_stage("starting %d producer children, %d messages each, sizes up to 20000 bytes",
             NPROD, PER_PROD);
    for (int p = 0; p < NPROD; p++) {
        jobs[p] = (struct job){.q = q, .producer = (uint32_t)p, .count = PER_PROD,
                               .timeout = QUEUE_FOREVER};
        pids[p] = spawn(put_job, &jobs[p]);
    }
    uint32_t next[NPROD] = {0};
    for (int got = 0; got < NPROD * PER_PROD;) {
        fl_stage("getting message %d of %d from %d producers", got + 1, NPROD * PER_PROD, NPROD);
        size_t len = 0;
        enum queue_result r = queue_get(q, inbuf, sizeof inbuf, &len, fl_scaled(0.2));
        if (r == QUEUE_EMPTY) {
            int running = 0;
            for (int p = 0; p < NPROD; p++)
                running += fl_is_unreaped_child(pids[p], NULL) && fl_proc_state(pids[p]) != 'Z';
            FL_EXPECT(running > 0 || queue_qsize(q) > 0,
                      "every message put to be got, once",
                      "all %d producers have ended, but only %d of their %d messages came out",
                      NPROD, got, NPROD * PER_PROD);
            continue;
        }
        FL_EXPECT(r == QUEUE_OK, "queue_get to return QUEUE_OK while producers put",
                  "it returned %s after %d messages", said(r), got);
        struct msg_head h;
        const char *bad = msg_problem(inbuf, len, &h);
        FL_EXPECT(!bad, "every message to come out whole, with no other message's bytes in it",
                  "message %d that came out was %s", got + 1, bad);
        FL_EXPECT(h.producer < NPROD, "only the messages the producers put",
                  "message %d that came out names producer %u; there are %d", got + 1,
                  h.producer, NPROD);
        if (h.seq != next[h.producer] && next[h.producer] == 0)
            fl_fail("each producer's messages once each, in the order it put them",
                    "the first message of producer %u (child %d) to come out was its "
                    "message %u, not 0", h.producer, (int)pids[h.producer], h.seq);
        FL_EXPECT(h.seq == next[h.producer],
                  "each producer's messages once each, in the order it put them",
                  "after message %u of producer %u (child %d) came message %u of it",
                  next[h.producer] - 1, h.producer, (int)pids[h.producer], h.seq);
        next[h.producer]++;
        got++;
    }
    for (int p = 0; p < NPROD; p++) {
        fl_stage("waiting for producer %d to end", (int)pids[p]);
        int st = fl_reap(pids[p], "a producer child");
        FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "every producer's puts to succeed",
                  child_said(st,
                             N_("producer %d was %s"),
                             N_("producer %d got %s"),
                             N_("producer %d got %s but not the message that was put")),
                  (int)pids[p], child_text(st));
    }
    FL_EXPECT(queue_qsize(q) == 0, "nothing left once every message was got",
              "queue_qsize is %d", queue_qsize(q));
    queue_free(q);
}

FL_CHECK(put_blocks_when_full, "put on a full queue waits until a get makes room",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 64, N_("two puts into a queue of 2 to succeed"));
    put_ok(q, 1, 1, 64, N_("two puts into a queue of 2 to succeed"));
    struct job j = {.q = q, .producer = 2, .count = 1, .len = 5000, .timeout = QUEUE_FOREVER};
    fl_stage("letting a child put into the full queue with QUEUE_FOREVER");
    pid_t pid = spawn(put_job, &j);
    fl_stage("waiting for child %d to block in queue_put (a put that spins on the CPU "
             "instead of sleeping never blocks)", (int)pid);
    if (!await_blocked(pid)) {
        int st = fl_reap(pid, "the putting child");
        fl_fail("queue_put(QUEUE_FOREVER) on a full queue to wait for room",
                child_said(st,
                           N_("child %d's put returned at once, while the queue was full: it was "
                              "%s"),
                           N_("child %d's put returned at once, while the queue was full: it got "
                              "%s"),
                           N_("child %d's put returned at once, while the queue was full: it got "
                              "%s but not the message that was put")),
                (int)pid, child_text(st));
    }
    FL_EXPECT(queue_qsize(q) == 2, "the queue to stay at 2 messages while the put waits",
              "queue_qsize is %d while child %d waits in queue_put", queue_qsize(q), (int)pid);
    fl_stage("getting one message, which makes room for child %d", (int)pid);
    get_expect(q, 1, 0, N_("the first message put to come out first"), N_("the first message"));
    fl_stage("waiting for child %d's put to finish now that there is room", (int)pid);
    int st = fl_reap(pid, "the putting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the waiting put to succeed once a get made room",
              child_said(st,
                         N_("child %d was %s"),
                         N_("child %d got %s"),
                         N_("child %d got %s but not the message that was put")),
              (int)pid, child_text(st));
    get_expect(q, 1, 1, N_("the queue's older message before the one that waited"),
               N_("the second message"));
    get_expect(q, 2, 0, N_("the message that waited to come out last"), N_("the third message"));
    queue_free(q);
}

FL_CHECK(put_timeout, "put on a full queue: QUEUE_FULL at once, or after the timeout",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 64, N_("two puts into a queue of 2 to succeed"));
    put_ok(q, 1, 1, 64, N_("two puts into a queue of 2 to succeed"));
    fl_stage("calling queue_put with timeout 0 on a full queue");
    make_msg(outbuf, 3, 0, 64);
    enum queue_result r = queue_put(q, outbuf, 64, 0);
    FL_EXPECT(r == QUEUE_FULL, "queue_put with timeout 0 on a full queue to return QUEUE_FULL",
              "it returned %s", said(r));
    double t = fl_scaled(0.05);
    fl_stage("calling queue_put with a timeout of %.3f s on a full queue", t);
    double start = fl_now();
    r = queue_put(q, outbuf, 64, t);
    double took = fl_now() - start;
    FL_EXPECT(r == QUEUE_FULL, "queue_put with a timeout on a full queue to return QUEUE_FULL",
              "it returned %s", said(r));
    FL_EXPECT(took >= t - 0.001, "queue_put to wait the whole timeout before QUEUE_FULL",
              "it gave up after %.4f s; the timeout was %.4f s", took, t);
    FL_EXPECT(queue_qsize(q) == 2, "a put that failed to leave the queue as it was",
              "queue_qsize is %d", queue_qsize(q));
    get_expect(q, 1, 0, N_("the queued messages untouched by the failed puts"), N_("the first message"));
    get_expect(q, 1, 1, N_("the queued messages untouched by the failed puts"), N_("the second message"));
    queue_free(q);
}

FL_CHECK(get_blocks_when_empty, "get on an empty queue waits until a put",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    struct job j = {.q = q, .producer = 5, .timeout = QUEUE_FOREVER};
    fl_stage("letting a child get from the empty queue with QUEUE_FOREVER");
    pid_t pid = spawn(get_job, &j);
    fl_stage("waiting for child %d to block in queue_get (a get that spins on the CPU "
             "instead of sleeping never blocks)", (int)pid);
    if (!await_blocked(pid)) {
        int st = fl_reap(pid, "the getting child");
        fl_fail("queue_get(QUEUE_FOREVER) on an empty queue to wait for a message",
                child_said(st,
                           N_("child %d's get returned at once, while the queue was empty: it was "
                              "%s"),
                           N_("child %d's get returned at once, while the queue was empty: it got "
                              "%s"),
                           N_("child %d's get returned at once, while the queue was empty: it got "
                              "%s but not the message that was put")),
                (int)pid, child_text(st));
    }
    fl_stage("putting one message for child %d", (int)pid);
    put_ok(q, 5, 0, 6000, N_("a put into an empty queue to succeed"));
    fl_stage("waiting for child %d's get to return the message", (int)pid);
    int st = fl_reap(pid, "the getting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the waiting get to return the message put after it began",
              child_said(st,
                         N_("child %d was %s"),
                         N_("child %d got %s"),
                         N_("child %d got %s but not the message that was put")),
              (int)pid, child_text(st));
    FL_EXPECT(queue_qsize(q) == 0, "the message to be taken out by the child's get",
              "queue_qsize is %d", queue_qsize(q));
    queue_free(q);
}

FL_CHECK(get_timeout, "get on an empty queue: QUEUE_EMPTY at once, or after the timeout",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    size_t len = 0;
    fl_stage("calling queue_get with timeout 0 on an empty queue");
    enum queue_result r = queue_get(q, inbuf, sizeof inbuf, &len, 0);
    FL_EXPECT(r == QUEUE_EMPTY, "queue_get with timeout 0 on an empty queue to return QUEUE_EMPTY",
              "it returned %s", said(r));
    double t = fl_scaled(0.05);
    fl_stage("calling queue_get with a timeout of %.3f s on an empty queue", t);
    double start = fl_now();
    r = queue_get(q, inbuf, sizeof inbuf, &len, t);
    double took = fl_now() - start;
    FL_EXPECT(r == QUEUE_EMPTY, "queue_get with a timeout on an empty queue to return QUEUE_EMPTY",
              "it returned %s", said(r));
    FL_EXPECT(took >= t - 0.001, "queue_get to wait the whole timeout before QUEUE_EMPTY",
              "it gave up after %.4f s; the timeout was %.4f s", took, t);
    queue_free(q);
}

FL_CHECK(qsize_exact, "qsize, full and empty are exact after every put and get",
         .section = "Counting: qsize, full, empty")
{
    struct queue *q = new_queue(2);
    static const int want[] = {0, 1, 2, 1, 0};
    static const char *const step[] = {N_("a new queue"), N_("one put"), N_("two puts"),
                                       N_("two puts and a get"), N_("two puts and two gets")};
    for (int i = 0; i < 5; i++) {
        fl_stage("checking qsize after %s", fl_tr(step[i]));
        if (i == 1) {
            struct job j = {.q = q, .producer = 1, .count = 1, .len = 100};
            fl_reap(spawn(put_job, &j), "the putting child");
        } else if (i == 2) {
            put_ok(q, 1, 1, 100, N_("a second put into a queue of 2 to succeed"));
        } else if (i > 2) {
            get_expect(q, 1, (uint32_t)(i - 3), N_("the messages put, in order"), N_("a message"));
        }
        int n = queue_qsize(q), full = queue_full(q), empty = queue_empty(q);
        FL_EXPECT(n == want[i], "qsize to count the messages held: 0, 1, 2, 1, 0",
                  "after %s (the first put by a child) queue_qsize returned %d, not %d",
                  fl_tr(step[i]), n, want[i]);
        FL_EXPECT(full == (want[i] == 2) && empty == (want[i] == 0),
                  "queue_full true only at 2 messages of 2, queue_empty only at 0",
                  "after %s (%d held) queue_full returned %d and queue_empty %d", fl_tr(step[i]),
                  want[i], full, empty);
    }
    queue_free(q);
}

FL_CHECK(closed_fails, "after close, put and get return QUEUE_CLOSED, in every process",
         .section = "Closing")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 100, N_("a put into an open queue to succeed"));
    int gate[2];
    fl_pipe(gate);
    struct job j = {.q = q, .producer = 2, .count = 1, .len = 100, .gate = gate[0]};
    fl_stage("starting a child that will put once the caller has closed the queue");
    pid_t pid = spawn(put_job, &j);
    fl_stage("calling queue_close");
    queue_close(q);
    make_msg(outbuf, 1, 1, 100);
    enum queue_result r = queue_put(q, outbuf, 100, 0);
    FL_EXPECT(r == QUEUE_CLOSED, "queue_put after queue_close to return QUEUE_CLOSED",
              "it returned %s", result_name(r));
    size_t len;
    r = queue_get(q, inbuf, sizeof inbuf, &len, 0);
    FL_EXPECT(r == QUEUE_CLOSED,
              "queue_get after queue_close to return QUEUE_CLOSED, even with a message left",
              "it returned %s", result_name(r));
    queue_close(q);
    fl_stage("letting a child that was started before the close put into the queue");
    FL_EXPECT(write(gate[1], "g", 1) == 1, "a pipe to let the child go", "write failed: %s",
              strerror(errno));
    int st = fl_reap(pid, "the putting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == QUEUE_CLOSED,
              "a queue closed in one process to be closed for all of them",
              child_said(st,
                         N_("child %d, which had the queue before the caller closed it, put after "
                            "the close and was %s"),
                         N_("child %d, which had the queue before the caller closed it, put after "
                            "the close and got %s"),
                         N_("child %d, which had the queue before the caller closed it, put after "
                            "the close and got %s but not the message that was put")),
              (int)pid, child_text(st));
    struct queue *e = new_queue(1);
    queue_close(e);
    fl_stage("calling queue_get with a timeout on a closed, empty queue");
    r = queue_get(e, inbuf, sizeof inbuf, &len, fl_scaled(0.01));
    FL_EXPECT(r == QUEUE_CLOSED, "queue_get on a closed, empty queue to say closed, not empty",
              "it returned %s", result_name(r));
    queue_free(e);
    queue_free(q);
}

FL_CHECK(close_wakes_waiters, "close wakes every process waiting in put and get, two of each",
         .section = "Closing", .timeout_s = 6)
{
    struct queue *empty = new_queue(1), *full = new_queue(1);
    put_ok(full, 1, 0, 100, N_("a put into an empty queue of 1 to succeed"));
    struct job g = {.q = empty, .producer = 1, .timeout = QUEUE_FOREVER};
    struct job p = {.q = full, .producer = 2, .count = 1, .len = 100, .timeout = QUEUE_FOREVER};
    pid_t pids[4];
    static const char *const what[4] = {"get", "get", "put", "put"};
    fl_stage("letting two children wait in get on an empty queue, two in put on a full one");
    for (int i = 0; i < 4; i++) {
        pids[i] = spawn(i < 2 ? get_job : put_job, i < 2 ? &g : &p);
        fl_stage("waiting for child %d to block in %s", (int)pids[i], what[i]);
        if (!await_blocked(pids[i])) {
            int st = fl_reap(pids[i], "a waiting child");
            for (int k = 0; k < i; k++) {
                kill(pids[k], SIGKILL);
                fl_reap(pids[k], "a waiting child");
            }
            fl_fail("put on a full queue and get on an empty one to wait",
                    child_said(st,
                               N_("child %d's %s returned at once: it was %s"),
                               N_("child %d's %s returned at once: it got %s"),
                               N_("child %d's %s returned at once: it got %s but not the message "
                                  "that was put")),
                    (int)pids[i], what[i], child_text(st));
        }
    }
    fl_stage("closing both queues while children %d, %d (get) and %d, %d (put) wait in them",
             (int)pids[0], (int)pids[1], (int)pids[2], (int)pids[3]);
    queue_close(empty);
    queue_close(full);
    int st[4], lost = 0;
    char desc[300] = "";
    for (int i = 0; i < 4; i++) {
        st[i] = reap_within(pids[i], 2.0);
        if (st[i] == -1) {
            size_t used = strlen(desc);
            snprintf(desc + used, sizeof desc - used, "%s%d (%s)", lost++ ? ", " : "",
                     (int)pids[i], what[i]);
        }
    }
    FL_EXPECT(lost == 0, "queue_close to wake EVERY process waiting in the queue (a broadcast, "
              "not one wake-up per queue)",
              "%d of the 4 waiting children still waited %.1f s after the close: %s", lost,
              fl_scaled(2.0), desc);
    for (int i = 0; i < 4; i++)
        FL_EXPECT(WIFEXITED(st[i]) && WEXITSTATUS(st[i]) == QUEUE_CLOSED,
                  "a put or get waiting on a queue that gets closed to return QUEUE_CLOSED",
                  child_said(st[i],
                             N_("child %d (%s) was %s"),
                             N_("child %d (%s) got %s"),
                             N_("child %d (%s) got %s but not the message that was put")),
                  (int)pids[i], what[i], child_text(st[i]));
    queue_free(empty);
    queue_free(full);
}

/* ---- a getter refused with EMSGSIZE passes its wake-up on ---- */

FL_CHECK(too_small_passes_wakeup,
         "a getter whose buffer is too small leaves the message to another waiting getter",
         .section = "Results and errors", .timeout_s = 6)
{
    struct queue *q = new_queue(2);
    struct job small = {.q = q, .producer = 1, .timeout = QUEUE_FOREVER, .bufsize = 100};
    struct job big = {.q = q, .producer = 1, .timeout = QUEUE_FOREVER};
    fl_stage("letting a getter with a 100-byte buffer wait on the empty queue");
    pid_t ps = spawn(get_job, &small);
    if (!await_blocked(ps)) {
        int st = fl_reap(ps, "the small getter");
        fl_fail("queue_get(QUEUE_FOREVER) on an empty queue to wait",
                child_said(st,
                           N_("child %d's get returned at once: it was %s"),
                           N_("child %d's get returned at once: it got %s"),
                           N_("child %d's get returned at once: it got %s but not the message "
                              "that was put")),
                (int)ps, child_text(st));
    }
    fl_stage("letting a getter with a big buffer wait too, after the first");
    pid_t pb = spawn(get_job, &big);
    if (!await_blocked(pb)) {
        int st = fl_reap(pb, "the big getter");
        kill(ps, SIGKILL);
        fl_reap(ps, "the small getter");
        fl_fail("queue_get(QUEUE_FOREVER) on an empty queue to wait",
                child_said(st,
                           N_("child %d's get returned at once: it was %s"),
                           N_("child %d's get returned at once: it got %s"),
                           N_("child %d's get returned at once: it got %s but not the message "
                              "that was put")),
                (int)pb, child_text(st));
    }
    fl_stage("putting one 5000-byte message while children %d (100-byte buffer) and %d "
             "(big buffer) wait", (int)ps, (int)pb);
    put_ok(q, 1, 0, 5000, N_("a put into an empty queue to succeed"));
    int sb = reap_within(pb, 2.0);
    int left = queue_qsize(q);
    queue_close(q);   /* the small getter, if it still waits, returns now */
    int ss = reap_within(ps, 2.0);
    if (sb == -1) {
        if (ss == -1)
            fl_fail("the getter with a big enough buffer to get the message: a getter that cannot "
                    "take it (EMSGSIZE) passes the wake-up on",
                    "child %d (big buffer) still slept %.1f s after the put, with the message at "
                    "the head (qsize %d); child %d (100-byte buffer) waited too",
                    (int)pb, fl_scaled(2.0), left, (int)ps);
        fl_fail("the getter with a big enough buffer to get the message: a getter that cannot "
                "take it (EMSGSIZE) passes the wake-up on",
                child_said(ss,
                           N_("child %d (big buffer) still slept %.1f s after the put, with the "
                              "message at the head (qsize %d); child %d (100-byte buffer) was %s"),
                           N_("child %d (big buffer) still slept %.1f s after the put, with the "
                              "message at the head (qsize %d); child %d (100-byte buffer) got %s"),
                           N_("child %d (big buffer) still slept %.1f s after the put, with the "
                              "message at the head (qsize %d); child %d (100-byte buffer) got %s "
                              "but not the message that was put")),
                (int)pb, fl_scaled(2.0), left, (int)ps, child_text(ss));
    }
    FL_EXPECT(WIFEXITED(sb) && WEXITSTATUS(sb) == 0,
              "the getter with a big enough buffer to get the 5000-byte message",
              child_said(sb,
                         N_("child %d (big buffer) was %s"),
                         N_("child %d (big buffer) got %s"),
                         N_("child %d (big buffer) got %s but not the message that was put")),
              (int)pb, child_text(sb));
    if (!(ss != -1 && WIFEXITED(ss) &&
          (WEXITSTATUS(ss) == QUEUE_ERROR || WEXITSTATUS(ss) == QUEUE_CLOSED))) {
        if (ss == -1)
            fl_fail("the getter with a 100-byte buffer to get QUEUE_ERROR (EMSGSIZE), or "
                    "QUEUE_CLOSED if it never woke before the close",
                    "child %d (100-byte buffer) still waited after the close", (int)ps);
        fl_fail("the getter with a 100-byte buffer to get QUEUE_ERROR (EMSGSIZE), or "
                "QUEUE_CLOSED if it never woke before the close",
                child_said(ss,
                           N_("child %d (100-byte buffer) was %s"),
                           N_("child %d (100-byte buffer) got %s"),
                           N_("child %d (100-byte buffer) got %s but not the message that was put")),
                (int)ps, child_text(ss));
    }
    queue_free(q);
}

/* ---- timeouts: at least t, at most a little more, whatever wakes the
 * waiter meanwhile ---- */

/* A child that sends SIGUSR1 to the caller every 20 ms for `seconds`: each
 * signal wakes a wait in the caller (a poll, a futex, a semaphore returns
 * EINTR), and the wait must go on towards the SAME deadline. */
static pid_t pester(double seconds)
{
    pid_t caller = getpid();
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        fl_fail("the check to start a child", "fork failed: %s", strerror(errno));
    if (pid == 0) {
        struct timespec pace = {0, 20 * 1000 * 1000};
        for (int i = 0; i < (int)(seconds / 0.02); i++) {
            kill(caller, SIGUSR1);
            nanosleep(&pace, NULL);
        }
        _exit(0);
    }
    return pid;
}

static void stop_pester(pid_t pid)
{
    kill(pid, SIGKILL);
    fl_reap(pid, "the child sending signals");
}

FL_CHECK(timeouts_hold_under_wakeups,
         "put and get with timeout t return after at least t and at most a little more, while signals keep waking them",
         .section = "Blocking, timeouts, full and empty", .timeout_s = 8)
{
    struct queue *q = new_queue(1);
    catch_signal(SIGUSR1);
    double t = fl_scaled(0.2), slack = fl_scaled(0.8), storm = fl_scaled(2.0);
    for (int round = 0; round < 2; round++) {
        int is_put = round == 1;
        if (is_put)
            put_ok(q, 1, 0, 64, N_("a put into an empty queue of 1 to succeed"));
        signals_seen = 0;
        pid_t pid = pester(storm);
        fl_stage(is_put ? fl_tr("calling queue_put with timeout %.2f s on a full queue while "
                                "child %d signals the caller every 20 ms")
                        : fl_tr("calling queue_get with timeout %.2f s on an empty queue while "
                                "child %d signals the caller every 20 ms"),
                 t, (int)pid);
        size_t len = 0;
        make_msg(outbuf, 2, 0, 64);
        errno = 0;
        double start = fl_now();
        enum queue_result r = is_put ? queue_put(q, outbuf, 64, t)
                                     : queue_get(q, inbuf, sizeof inbuf, &len, t);
        double took = fl_now() - start;
        int e = errno;
        int woken = signals_seen;
        stop_pester(pid);
        errno = e;
        enum queue_result want = is_put ? QUEUE_FULL : QUEUE_EMPTY;
        FL_EXPECT(r == want,
                  is_put ? N_("queue_put with a timeout on a full queue to return QUEUE_FULL, "
                              "however many signals arrive (EINTR is not an outcome)")
                         : N_("queue_get with a timeout on an empty queue to return "
                              "QUEUE_EMPTY, however many signals arrive (EINTR is not an "
                              "outcome)"),
                  "it returned %s after %.3f s and %d signals", said(r), took, woken);
        FL_EXPECT(took >= t - 0.001, "the whole timeout to pass before giving up",
                  "queue_%s gave up after %.4f s; the timeout was %.4f s (%d signals arrived "
                  "meanwhile)", is_put ? "put" : "get", took, t, woken);
        FL_EXPECT(took <= t + slack,
                  "a timeout t to end the wait after at most a little more than t, counted "
                  "from the call, not from the last wake-up",
                  "queue_%s with timeout %.2f s returned after %.3f s, while %d signals woke it: "
                  "was the clock started again after each wake-up?", is_put ? "put" : "get", t,
                  took, woken);
    }
    signal(SIGUSR1, SIG_DFL);
    queue_free(q);
}

FL_CHECK(signal_keeps_waiting,
         "a put or get waiting for ever goes on waiting when a signal interrupts it",
         .section = "Blocking, timeouts, full and empty", .timeout_s = 6)
{
    struct queue *q = new_queue(1);
    struct job g = {.q = q, .producer = 3, .timeout = QUEUE_FOREVER, .on_signal = SIGUSR1};
    fl_stage("letting a child wait in get (QUEUE_FOREVER) with a SIGUSR1 handler, no SA_RESTART");
    pid_t pid = spawn(get_job, &g);
    if (!await_blocked(pid)) {
        int st = fl_reap(pid, "the getting child");
        fl_fail("queue_get(QUEUE_FOREVER) on an empty queue to wait",
                child_said(st,
                           N_("child %d's get returned at once: it was %s"),
                           N_("child %d's get returned at once: it got %s"),
                           N_("child %d's get returned at once: it got %s but not the message "
                              "that was put")),
                (int)pid, child_text(st));
    }
    pid_t helper = fl_signal_when_blocked(pid, SIGUSR1, 2.0);
    fl_reap(helper, "the harness's signalling helper");
    fl_stage("checking that child %d, interrupted by SIGUSR1, waits again", (int)pid);
    int r = fl_await_blocked(pid, 0.1, 1.5);
    if (r != 1) {
        int st = r == -1 ? fl_reap(pid, "the getting child") : reap_within(pid, 0.01);
        if (r == -1)
            fl_fail("a get waiting with QUEUE_FOREVER to go on waiting after a signal's "
                    "handler returns (the contract names no EINTR outcome)",
                    child_said(st,
                               N_("after SIGUSR1, child %d was %s"),
                               N_("after SIGUSR1, child %d got %s"),
                               N_("after SIGUSR1, child %d got %s but not the message that was "
                                  "put")),
                    (int)pid, child_text(st));
        fl_fail("a get waiting with QUEUE_FOREVER to go on waiting after a signal's handler "
                "returns (the contract names no EINTR outcome)",
                "after SIGUSR1, child %d kept running instead of waiting", (int)pid);
    }
    fl_stage("putting the message child %d waits for", (int)pid);
    put_ok(q, 3, 0, 300, N_("a put into an empty queue to succeed"));
    int st = reap_within(pid, 2.0);
    if (!(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
        if (st == -1)
            fl_fail("the interrupted get to return the message put later",
                    "child %d still waited after the put", (int)pid);
        fl_fail("the interrupted get to return the message put later",
                child_said(st,
                           N_("child %d was %s"),
                           N_("child %d got %s"),
                           N_("child %d got %s but not the message that was put")),
                (int)pid, child_text(st));
    }
    queue_free(q);
}

/* ---- what queue_free releases ---- */

FL_CHECK(free_releases_fds, "queue_free leaves no descriptor and no shared mapping in the caller",
         .section = "Closing pipe ends")
{
    char desc[900];
    struct queue *q = new_queue(3);
    put_ok(q, 1, 0, 100, N_("a put into a new queue to succeed"));
    get_expect(q, 1, 0, N_("the message put"), N_("the message"));
    fl_stage("calling queue_close and queue_free");
    queue_close(q);
    queue_free(q);
    int n = fl_fds_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "every descriptor the queue opened to be closed by queue_free",
              n == 1
                  ? fl_tr("after queue_free, %d descriptor opened by the queue is still open: %s")
                  : fl_tr("after queue_free, %d descriptors opened by the queue are still "
                          "open: %s"),
              n, desc);
    n = fl_maps_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "queue_free to unmap all of the queue's shared memory",
              n == 1
                  ? fl_tr("after queue_free, %d shared mapping is still there: %s")
                  : fl_tr("after queue_free, %d shared mappings are still there: %s"),
              n, desc);
}

/* Runs in a child: frees its hold on the queue, then reports how many of
 * the queue's descriptors (numbers in fds) and mapped ranges are left. */
struct hold {
    struct queue *q;
    int fds[32], nfds;
    unsigned long addrs[32];
    int naddrs;
};

static int free_in_child(void *arg)
{
    struct hold *h = arg;
    queue_free(h->q);
    int left = 0;
    for (int i = 0; i < h->nfds; i++)
        left += fcntl(h->fds[i], F_GETFD) >= 0;
    for (int i = 0; i < h->naddrs; i++) {
        unsigned char vec;
        left += mincore((void *)h->addrs[i], 1, &vec) == 0;   /* ENOMEM: unmapped */
    }
    return left;
}

FL_CHECK(free_in_child_releases, "queue_free in a child releases that child's hold (descriptors, memory)",
         .section = "Closing pipe ends")
{
    char desc[900];
    static struct hold h;
    memset(&h, 0, sizeof h);
    h.q = new_queue(2);
    fl_fds_new_since_start(desc, sizeof desc);
    for (const char *s = desc; (s = strstr(s, "fd ")) && h.nfds < 32; s += 3)
        h.fds[h.nfds++] = atoi(s + 3);
    fl_maps_new_since_start(desc, sizeof desc);
    for (const char *s = desc; (s = strstr(s, " at 0x")) && h.naddrs < 32; s += 6)
        h.addrs[h.naddrs++] = strtoul(s + 4, NULL, 16);
    fl_stage("letting a child call queue_free on its copy of the queue");
    pid_t pid = spawn(free_in_child, &h);
    int st = fl_reap(pid, "the child calling queue_free");
    if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
        if (WIFEXITED(st))
            fl_fail("queue_free in a child to close the queue's descriptors and unmap its "
                    "memory in that child",
                    "child %d still held some of the queue's descriptors or mappings after "
                    "queue_free", (int)pid);
        fl_fail("queue_free in a child to close the queue's descriptors and unmap its memory "
                "in that child",
                "child %d %s", (int)pid, fl_status_str(st));
    }
    FL_EXPECT(queue_qsize(h.q) == 0, "the caller's queue to stay usable after a child freed its hold",
              "queue_qsize in the caller returned %d", queue_qsize(h.q));
    put_ok(h.q, 1, 0, 100, N_("a put in the caller after a child's queue_free to succeed"));
    get_expect(h.q, 1, 0, N_("the caller's queue to work after a child's queue_free"), N_("the message"));
    queue_free(h.q);
}

/* ---- the contract's refusals, one table: queue.h line by line ---- */

static struct queue *tq;
static size_t tlen;

static long t_new_0(void) { return queue_new(0) ? 0 : -1; }
static long t_new_neg(void) { return queue_new(-1) ? 0 : -1; }
static long t_new_big(void) { return queue_new(QUEUE_MAXSIZE_MAX + 1) ? 0 : -1; }
static long t_put_null_q(void) { return queue_put(NULL, outbuf, 10, 0); }
static long t_put_null_msg(void) { return queue_put(tq, NULL, 10, 0); }
static long t_put_too_big(void) { return queue_put(tq, outbuf, QUEUE_MSG_MAX + 1, 0); }
static long t_get_null_q(void) { return queue_get(NULL, inbuf, sizeof inbuf, &tlen, 0); }
static long t_get_null_buf(void) { return queue_get(tq, NULL, sizeof inbuf, &tlen, 0); }
static long t_get_null_len(void) { return queue_get(tq, inbuf, sizeof inbuf, NULL, 0); }
static long t_get_too_small(void) { return queue_get(tq, inbuf, 4096, &tlen, 0); }
static long t_qsize_null(void) { return queue_qsize(NULL); }
static long t_full_null(void) { return queue_full(NULL); }
static long t_empty_null(void) { return queue_empty(NULL); }

static const struct refusal {
    const char *call;
    long (*call_fn)(void);
    long want;    /* what the header says it returns */
    int err;      /* and its errno (0: none required) */
} refusals[] = {
    {"queue_new(0)", t_new_0, -1, EINVAL},
    {"queue_new(-1)", t_new_neg, -1, EINVAL},
    {"queue_new(QUEUE_MAXSIZE_MAX + 1)", t_new_big, -1, EINVAL},
    {"queue_put(NULL, msg, 10, 0)", t_put_null_q, QUEUE_ERROR, EINVAL},
    {"queue_put(q, NULL, 10, 0)", t_put_null_msg, QUEUE_ERROR, EINVAL},
    {"queue_put(q, msg, QUEUE_MSG_MAX + 1, 0)", t_put_too_big, QUEUE_ERROR, EMSGSIZE},
    {"queue_get(NULL, buf, size, &len, 0)", t_get_null_q, QUEUE_ERROR, EINVAL},
    {"queue_get(q, NULL, size, &len, 0)", t_get_null_buf, QUEUE_ERROR, EINVAL},
    {"queue_get(q, buf, size, NULL, 0)", t_get_null_len, QUEUE_ERROR, EINVAL},
    {N_("queue_get(q, buf, 4096, &len, 0) with a 5000-byte message at the head"), t_get_too_small,
     QUEUE_ERROR, EMSGSIZE},
    {"queue_qsize(NULL)", t_qsize_null, -1, EINVAL},
    {"queue_full(NULL)", t_full_null, 0, 0},
    {"queue_empty(NULL)", t_empty_null, 0, 0},
};

/* The largest queue (1024 slots of 64 KiB) is a 64 MiB object: a memfd or
 * shm_open design writes a file that big, so the file-size ceiling is
 * raised for the checks that make it. */
FL_CHECK(bad_arguments, "every refusal queue.h promises: the documented result and errno, the queue untouched",
         .section = "Results and errors", .max_file_kb = 131072)
{
    tq = new_queue(QUEUE_MAXSIZE_MAX);
    put_ok(tq, 1, 0, 5000, N_("a 5000-byte put to succeed"));
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const struct refusal *c = &refusals[i];
        const char *call = fl_tr(c->call);
        fl_stage("calling %s", call);
        errno = 0;
        long r = c->call_fn();
        int e = errno;
        if (!(r == c->want && (c->err == 0 || e == c->err))) {
            if (c->err)
                fl_fail("each refusal the header documents, with its errno",
                        "%s returned %ld (errno %d: %s); queue.h says %ld with errno %s", call,
                        r, e, strerror(e), c->want, strerror(c->err));
            fl_fail("each refusal the header documents, with its errno",
                    "%s returned %ld (errno %d: %s); queue.h says %ld", call, r, e, strerror(e),
                    c->want);
        }
        int n = queue_qsize(tq);
        FL_EXPECT(n == 1, "a refused call to leave the queue as it was (one message)",
                  "after %s, queue_qsize is %d", call, n);
    }
    queue_close(NULL);
    queue_free(NULL);
    get_expect(tq, 1, 0, N_("a message too big for the buffer to stay at the head for the next get"),
               N_("the 5000-byte message, with a buffer big enough this time"));
    fl_stage("putting an empty message: queue_put(q, NULL, 0, 0)");
    errno = 0;
    enum queue_result r = queue_put(tq, NULL, 0, 0);
    FL_EXPECT(r == QUEUE_OK, "a NULL message of length 0 to be a valid, empty message",
              "queue_put(q, NULL, 0, 0) returned %s", said(r));
    tlen = 99;
    r = queue_get(tq, inbuf, sizeof inbuf, &tlen, 0);
    FL_EXPECT(r == QUEUE_OK && tlen == 0, "the empty message to come out with length 0",
              "queue_get returned %s with length %zu", said(r), tlen);
    queue_free(tq);
}

/* ---- queue_new when the system says no ---- */

FL_CHECK(new_fails_cleanly, "queue_new that cannot get descriptors or memory returns NULL with errno and leaves nothing",
         .section = "Results and errors", .max_memory_mb = 48, .max_file_kb = 131072)
{
    char desc[900];
    struct queue *ok = new_queue(4);   /* with enough of everything, it works */
    queue_free(ok);
    for (int k = 0; k < 4; k++) {
        fl_stage(k == 1 ? fl_tr("calling queue_new(4) with %d descriptor free")
                        : fl_tr("calling queue_new(4) with %d descriptors free"),
                 k);
        FL_EXPECT(fl_fds_allow(k) == 0, "the check to limit descriptors", "setrlimit: %s",
                  strerror(errno));
        errno = 0;
        struct queue *q = queue_new(4);
        int e = errno;
        fl_fds_allow(-1);
        if (q) {
            put_ok(q, 1, 0, 100, N_("a queue made with few descriptors free to work"));
            get_expect(q, 1, 0, N_("a queue made with few descriptors free to work"), N_("the message"));
            queue_free(q);
            continue;
        }
        FL_EXPECT(e != 0, "a NULL from queue_new to come with the system's errno",
                  k == 1 ? fl_tr("with %d descriptor free queue_new returned NULL with errno 0")
                         : fl_tr("with %d descriptors free queue_new returned NULL with errno 0"),
                  k);
        int n = fl_fds_new_since_start(desc, sizeof desc);
        FL_EXPECT(n == 0, "a failed queue_new to close what it opened",
                  k == 1
                      ? (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d descriptor free, %d "
                                    "descriptor is still open: %s")
                            : fl_tr("after queue_new failed (%s) with %d descriptor free, %d "
                                    "descriptors are still open: %s"))
                      : (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d descriptors free, %d "
                                    "descriptor is still open: %s")
                            : fl_tr("after queue_new failed (%s) with %d descriptors free, %d "
                                    "descriptors are still open: %s")),
                  strerror(e), k, n, desc);
        n = fl_maps_new_since_start(desc, sizeof desc);
        FL_EXPECT(n == 0, "a failed queue_new to unmap what it mapped",
                  n == 1
                      ? fl_tr("after queue_new failed (%s), %d shared mapping is still there: %s")
                      : fl_tr("after queue_new failed (%s), %d shared mappings are still there: "
                              "%s"),
                  strerror(e), n, desc);
    }
    for (int k = 0; k < 4; k++) {
        fl_stage(k == 1 ? fl_tr("calling queue_new(4) with %d allocation allowed, then ENOMEM")
                        : fl_tr("calling queue_new(4) with %d allocations allowed, then ENOMEM"),
                 k);
        fl_allocs_allow(k);
        errno = 0;
        struct queue *q = queue_new(4);
        int e = errno;
        fl_allocs_allow(-1);
        if (q) {
            put_ok(q, 1, 0, 100, N_("a queue made with the memory it got to work"));
            get_expect(q, 1, 0, N_("a queue made with the memory it got to work"), N_("the message"));
            queue_free(q);
            continue;
        }
        FL_EXPECT(e != 0, "a NULL from queue_new to come with errno (ENOMEM)",
                  k == 1
                      ? fl_tr("with %d allocation allowed queue_new returned NULL with errno 0")
                      : fl_tr("with %d allocations allowed queue_new returned NULL with errno 0"),
                  k);
        int n = fl_maps_new_since_start(desc, sizeof desc);
        FL_EXPECT(n == 0, "a failed queue_new to unmap what it mapped",
                  k == 1
                      ? (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d allocation allowed, %d "
                                    "shared mapping is still there: %s")
                            : fl_tr("after queue_new failed (%s) with %d allocation allowed, %d "
                                    "shared mappings are still there: %s"))
                      : (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d allocations allowed, %d "
                                    "shared mapping is still there: %s")
                            : fl_tr("after queue_new failed (%s) with %d allocations allowed, %d "
                                    "shared mappings are still there: %s")),
                  strerror(e), k, n, desc);
        n = fl_fds_new_since_start(desc, sizeof desc);
        FL_EXPECT(n == 0, "a failed queue_new to close what it opened",
                  k == 1
                      ? (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d allocation allowed, %d "
                                    "descriptor is still open: %s")
                            : fl_tr("after queue_new failed (%s) with %d allocation allowed, %d "
                                    "descriptors are still open: %s"))
                      : (n == 1
                            ? fl_tr("after queue_new failed (%s) with %d allocations allowed, %d "
                                    "descriptor is still open: %s")
                            : fl_tr("after queue_new failed (%s) with %d allocations allowed, %d "
                                    "descriptors are still open: %s")),
                  strerror(e), k, n, desc);
    }
    fl_stage("calling queue_new(QUEUE_MAXSIZE_MAX) with at most 48 MB of address space");
    errno = 0;
    struct queue *q = queue_new(QUEUE_MAXSIZE_MAX);
    int e = errno;
    if (q) {   /* a design that needs less than 48 MB for 1024 messages */
        queue_free(q);
        return;
    }
    FL_EXPECT(e != 0, "a NULL from queue_new to come with errno (ENOMEM)",
              "queue_new(QUEUE_MAXSIZE_MAX) returned NULL with errno 0");
    int n = fl_maps_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "a failed queue_new to unmap what it mapped",
              n == 1
                  ? fl_tr("after queue_new failed (%s), %d shared mapping is still there: %s")
                  : fl_tr("after queue_new failed (%s), %d shared mappings are still there: %s"),
              strerror(e), n, desc);
    n = fl_fds_new_since_start(desc, sizeof desc);
    FL_EXPECT(n == 0, "a failed queue_new to close what it opened",
              n == 1
                  ? fl_tr("after queue_new failed (%s), %d descriptor is still open: %s")
                  : fl_tr("after queue_new failed (%s), %d descriptors are still open: %s"),
              strerror(e), n, desc);
}

/* ---- timeouts against wake-ups that find nothing ----
 *
 * A child waits in a timed get on an empty queue (or put on a full one).
 * Again and again, once it is blocked, the caller stops it (SIGSTOP), puts
 * a message and takes it back (or takes one and puts it back), and lets it
 * go on (SIGCONT): the child is woken, and finds the queue as it was.  Each
 * such wake-up must neither end the wait early nor start its clock again. */

struct timed {
    double took;
    int result, done;
};

static struct timed *timed_out_board;   /* shared: the child writes, the caller reads */

static int timed_job(void *arg)
{
    struct job *j = arg;
    struct timed *out = timed_out_board;
    static unsigned char buf[QUEUE_MSG_MAX];
    struct timespec a, b;
    size_t len = 0;
    make_msg(buf, 9, 0, 64);
    clock_gettime(CLOCK_MONOTONIC, &a);
    enum queue_result r = j->count ? queue_put(j->q, buf, 64, j->timeout)
                                   : queue_get(j->q, buf, sizeof buf, &len, j->timeout);
    clock_gettime(CLOCK_MONOTONIC, &b);
    out->took = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    out->result = (int)r;
    out->done = 1;
    return 0;
}

FL_CHECK(timeouts_hold_under_queue_wakeups,
         "a timed put or get ends after at least t and at most a little more, however often it is woken to find nothing",
         .section = "Blocking, timeouts, full and empty", .timeout_s = 12)
{
    double t = fl_scaled(0.3), slack = fl_scaled(0.8), storm = fl_scaled(2.5);
    for (int is_put = 0; is_put < 2; is_put++) {
        struct queue *q = new_queue(1);
        if (is_put)
            put_ok(q, 1, 0, 64, N_("a put into an empty queue of 1 to succeed"));
        struct timed *out = fl_board_new(sizeof *out);
        struct job j = {.q = q, .count = is_put, .timeout = t};
        timed_out_board = out;
        fl_stage(is_put ? fl_tr("letting a child call queue_put with timeout %.2f s on a full "
                                "queue")
                        : fl_tr("letting a child call queue_get with timeout %.2f s on an empty "
                                "queue"),
                 t);
        pid_t pid = spawn(timed_job, &j);
        int wakes = 0;
        double start = fl_now();
        while (!out->done && fl_now() - start < storm) {
            if (fl_await_blocked(pid, 0.03, 1.0) != 1)
                break;   /* it ended (or runs): nothing to wake */
            fl_stage(is_put ? fl_tr("waking child %d in queue_put with a get and a put it "
                                    "cannot use (wake-up %d)")
                            : fl_tr("waking child %d in queue_get with a put and a get it "
                                    "cannot use (wake-up %d)"),
                     (int)pid, wakes + 1);
            kill(pid, SIGSTOP);
            siginfo_t si;
            memset(&si, 0, sizeof si);
            if (waitid(P_PID, (id_t)pid, &si, WSTOPPED) < 0 || si.si_code != CLD_STOPPED) {
                kill(pid, SIGCONT);
                break;   /* it ended before it stopped */
            }
            size_t len = 0;
            if (is_put) {
                queue_get(q, inbuf, sizeof inbuf, &len, 0);
                make_msg(outbuf, 1, 0, 64);
                queue_put(q, outbuf, 64, 0);
            } else {
                make_msg(outbuf, 1, 0, 64);
                queue_put(q, outbuf, 64, 0);
                queue_get(q, inbuf, sizeof inbuf, &len, 0);
            }
            kill(pid, SIGCONT);
            wakes++;
        }
        int st = reap_within(pid, 2.0 * storm);
        FL_EXPECT(st != -1 && out->done, "the timed call to return",
                  "child %d's queue_%s with timeout %.2f s had not returned %.1f s after the "
                  "wake-ups stopped", (int)pid, is_put ? "put" : "get", t, 2.0 * storm);
        enum queue_result want = is_put ? QUEUE_FULL : QUEUE_EMPTY;
        FL_EXPECT(out->result == (int)want,
                  is_put ? N_("queue_put on a full queue to return QUEUE_FULL at its timeout")
                         : N_("queue_get on an empty queue to return QUEUE_EMPTY at its timeout"),
                  "child %d's queue_%s returned %s after %.3f s and %d wake-ups",
                  (int)pid, is_put ? "put" : "get", result_name((enum queue_result)out->result),
                  out->took, wakes);
        FL_EXPECT(out->took >= t - 0.001,
                  "a wake-up that finds the queue as it was to go back to waiting: the timeout "
                  "is not over yet",
                  wakes == 1
                      ? fl_tr("child %d's queue_%s gave up after %.4f s, after %d wake-up; the "
                              "timeout was %.4f s")
                      : fl_tr("child %d's queue_%s gave up after %.4f s, after %d wake-ups; the "
                              "timeout was %.4f s"),
                  (int)pid, is_put ? "put" : "get", out->took, wakes, t);
        FL_EXPECT(out->took <= t + slack,
                  "a timeout t to end the wait after at most a little more than t, counted from "
                  "the call: one deadline, not one per wake-up",
                  "child %d's queue_%s with timeout %.2f s returned after %.3f s, while %d "
                  "wake-ups found the queue as it was: was the clock started again at each?",
                  (int)pid, is_put ? "put" : "get", t, out->took, wakes);
        queue_free(q);
    }
}
