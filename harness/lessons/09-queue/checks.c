/* Lesson 09 checks: a bounded queue that carries whole messages between
 * processes, blocks and times out like Python's Queue, and closes cleanly.
 *
 * Producer and consumer children here are forked by the check itself and
 * run only the student's queue calls, then _exit with what they saw: the
 * check decides from those exit statuses, from what it gets out of the
 * queue, and from /proc (a child asleep in the kernel is blocked). */
#include "fl.h"
#include "queue.h"

#include <dirent.h>
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
        snprintf(why, sizeof why, "a message of %zu bytes, too short to be one that was put", got);
        return why;
    }
    memcpy(h, buf, HEAD_LEN);
    if (h->magic != MAGIC) {
        snprintf(why, sizeof why, "%zu bytes that do not start like any message put "
                 "(the start of a message was lost or overwritten)", got);
        return why;
    }
    if (h->len != got) {
        snprintf(why, sizeof why, "message %u of producer %u came out with %zu bytes; it was put "
                 "with %u", h->seq, h->producer, got, h->len);
        return why;
    }
    for (size_t i = HEAD_LEN; i < got; i++)
        if (buf[i] != pattern(h->producer, h->seq, i)) {
            snprintf(why, sizeof why, "message %u of producer %u (%zu bytes) is whole in length "
                     "but byte %zu is not its own: bytes of another message got into it",
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
    return "a value outside enum queue_result";
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
};

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
    enum queue_result r = queue_get(j->q, buf, sizeof buf, &len, j->timeout);
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

/* What a child's exit code says, for messages. */
static const char *child_said(int status)
{
    static char buf[160];
    if (!WIFEXITED(status))
        snprintf(buf, sizeof buf, "was %s", fl_status_str(status));
    else if (WEXITSTATUS(status) <= QUEUE_ERROR)
        snprintf(buf, sizeof buf, "got %s", result_name((enum queue_result)WEXITSTATUS(status)));
    else
        snprintf(buf, sizeof buf, "got QUEUE_OK but not the message that was put");
    return buf;
}

/* Spin until `pid` sleeps in the kernel (state S: blocked in a wait) or has
 * exited.  Returns 1 when blocked, 0 when it exited.  A wait that spins on
 * the CPU instead of sleeping never shows S, and the check's ceiling ends it. */
static int await_blocked(pid_t pid)
{
    for (;;) {
        char s = fl_proc_state(pid);
        if (s == 'S' || s == 'D')
            return 1;
        if (s == 'Z' || s == 0)
            return 0;
        sched_yield();
    }
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
              "child %d's put %s", (int)pa, child_said(st));
    fl_stage("getting child A's message in the caller");
    get_expect(q, 1, 0, "the caller to get the message child A put",
               "the message child A put");

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
    get_expect(q, 2, 0, "both children's messages to arrive, B's first",
               "the first of the messages of children B and C");
    get_expect(q, 3, 0, "both children's messages to arrive, B's first",
               "the second of the messages of children B and C");

    fl_stage("putting in the caller for a child to get");
    put_ok(q, 4, 0, 400, "a put in the caller to succeed");
    struct job g = {.q = q, .producer = 4};
    pid_t pg = spawn(get_job, &g);
    st = fl_reap(pg, "the getting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "a child to get the message the caller put",
              "child %d %s", (int)pg, child_said(st));
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
              "child %d's put %s", (int)pa, child_said(st));
    for (uint32_t i = 0; i < 6; i++) {
        char what[64];
        snprintf(what, sizeof what, "message %u of 6", i + 1);
        fl_stage("getting %s", what);
        get_expect(q, 7, i, "the oldest message first, the newest last (FIFO)", what);
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
        put_ok(q, 9, (uint32_t)i, sizes[i], "a put of a message up to QUEUE_MSG_MAX to succeed");
        char what[64];
        snprintf(what, sizeof what, "a %zu-byte message", sizes[i]);
        get_expect(q, 9, (uint32_t)i, "each message to come out with exactly the bytes put",
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
                  "producer %d %s", (int)pids[p], child_said(st));
    }
    FL_EXPECT(queue_qsize(q) == 0, "nothing left once every message was got",
              "queue_qsize is %d", queue_qsize(q));
    queue_free(q);
}

FL_CHECK(put_blocks_when_full, "put on a full queue waits until a get makes room",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 64, "two puts into a queue of 2 to succeed");
    put_ok(q, 1, 1, 64, "two puts into a queue of 2 to succeed");
    struct job j = {.q = q, .producer = 2, .count = 1, .len = 5000, .timeout = QUEUE_FOREVER};
    fl_stage("letting a child put into the full queue with QUEUE_FOREVER");
    pid_t pid = spawn(put_job, &j);
    fl_stage("waiting for child %d to block in queue_put (a put that spins on the CPU "
             "instead of sleeping never blocks)", (int)pid);
    if (!await_blocked(pid)) {
        int st = fl_reap(pid, "the putting child");
        fl_fail("queue_put(QUEUE_FOREVER) on a full queue to wait for room",
                "child %d's put returned at once, while the queue was full: it %s",
                (int)pid, child_said(st));
    }
    FL_EXPECT(queue_qsize(q) == 2, "the queue to stay at 2 messages while the put waits",
              "queue_qsize is %d while child %d waits in queue_put", queue_qsize(q), (int)pid);
    fl_stage("getting one message, which makes room for child %d", (int)pid);
    get_expect(q, 1, 0, "the first message put to come out first", "the first message");
    fl_stage("waiting for child %d's put to finish now that there is room", (int)pid);
    int st = fl_reap(pid, "the putting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the waiting put to succeed once a get made room",
              "child %d %s", (int)pid, child_said(st));
    get_expect(q, 1, 1, "the queue's older message before the one that waited",
               "the second message");
    get_expect(q, 2, 0, "the message that waited to come out last", "the third message");
    queue_free(q);
}

FL_CHECK(put_timeout, "put on a full queue: QUEUE_FULL at once, or after the timeout",
         .section = "Blocking, timeouts, full and empty")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 64, "two puts into a queue of 2 to succeed");
    put_ok(q, 1, 1, 64, "two puts into a queue of 2 to succeed");
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
    get_expect(q, 1, 0, "the queued messages untouched by the failed puts", "the first message");
    get_expect(q, 1, 1, "the queued messages untouched by the failed puts", "the second message");
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
                "child %d's get returned at once, while the queue was empty: it %s",
                (int)pid, child_said(st));
    }
    fl_stage("putting one message for child %d", (int)pid);
    put_ok(q, 5, 0, 6000, "a put into an empty queue to succeed");
    fl_stage("waiting for child %d's get to return the message", (int)pid);
    int st = fl_reap(pid, "the getting child");
    FL_EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0,
              "the waiting get to return the message put after it began",
              "child %d %s", (int)pid, child_said(st));
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
    static const char *const step[] = {"a new queue", "one put", "two puts",
                                       "two puts and a get", "two puts and two gets"};
    for (int i = 0; i < 5; i++) {
        fl_stage("checking qsize after %s", step[i]);
        if (i == 1) {
            struct job j = {.q = q, .producer = 1, .count = 1, .len = 100};
            fl_reap(spawn(put_job, &j), "the putting child");
        } else if (i == 2) {
            put_ok(q, 1, 1, 100, "a second put into a queue of 2 to succeed");
        } else if (i > 2) {
            get_expect(q, 1, (uint32_t)(i - 3), "the messages put, in order", "a message");
        }
        int n = queue_qsize(q), full = queue_full(q), empty = queue_empty(q);
        FL_EXPECT(n == want[i], "qsize to count the messages held: 0, 1, 2, 1, 0",
                  "after %s (the first put by a child) queue_qsize returned %d, not %d",
                  step[i], n, want[i]);
        FL_EXPECT(full == (want[i] == 2) && empty == (want[i] == 0),
                  "queue_full true only at 2 messages of 2, queue_empty only at 0",
                  "after %s (%d held) queue_full returned %d and queue_empty %d", step[i],
                  want[i], full, empty);
    }
    queue_free(q);
}

FL_CHECK(closed_fails, "after close, put and get return QUEUE_CLOSED, in every process",
         .section = "Closing")
{
    struct queue *q = new_queue(2);
    put_ok(q, 1, 0, 100, "a put into an open queue to succeed");
    int gate[2];
    FL_EXPECT(pipe(gate) == 0, "a pipe to hold a child", "pipe failed: %s", strerror(errno));
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
              "child %d, which had the queue before the caller closed it, put after the close "
              "and %s", (int)pid, child_said(st));
    struct queue *e = new_queue(1);
    queue_close(e);
    fl_stage("calling queue_get with a timeout on a closed, empty queue");
    r = queue_get(e, inbuf, sizeof inbuf, &len, fl_scaled(0.01));
    FL_EXPECT(r == QUEUE_CLOSED, "queue_get on a closed, empty queue to say closed, not empty",
              "it returned %s", result_name(r));
    queue_free(e);
    queue_free(q);
}

FL_CHECK(close_wakes_waiters, "close wakes the processes waiting in put and get",
         .section = "Closing")
{
    struct queue *empty = new_queue(1), *full = new_queue(1);
    put_ok(full, 1, 0, 100, "a put into an empty queue of 1 to succeed");
    struct job g = {.q = empty, .producer = 1, .timeout = QUEUE_FOREVER};
    struct job p = {.q = full, .producer = 2, .count = 1, .len = 100, .timeout = QUEUE_FOREVER};
    fl_stage("letting one child wait in get on an empty queue, another in put on a full one");
    pid_t pg = spawn(get_job, &g), pp = spawn(put_job, &p);
    fl_stage("waiting for children %d and %d to block", (int)pg, (int)pp);
    int blocked_g = await_blocked(pg), blocked_p = await_blocked(pp);
    FL_EXPECT(blocked_g && blocked_p, "put on a full queue and get on an empty one to wait",
              "child %d (get) %s; child %d (put) %s", (int)pg,
              blocked_g ? "waited" : "returned at once", (int)pp,
              blocked_p ? "waited" : "returned at once");
    fl_stage("closing both queues while children %d (get) and %d (put) wait in them; a close "
             "that does not wake waiters leaves them waiting for ever", (int)pg, (int)pp);
    queue_close(empty);
    queue_close(full);
    int sg = fl_reap(pg, "the getting child"), sp = fl_reap(pp, "the putting child");
    FL_EXPECT(WIFEXITED(sg) && WEXITSTATUS(sg) == QUEUE_CLOSED,
              "a get waiting on a queue that gets closed to return QUEUE_CLOSED",
              "child %d %s", (int)pg, child_said(sg));
    FL_EXPECT(WIFEXITED(sp) && WEXITSTATUS(sp) == QUEUE_CLOSED,
              "a put waiting on a queue that gets closed to return QUEUE_CLOSED",
              "child %d %s", (int)pp, child_said(sp));
    queue_free(empty);
    queue_free(full);
}

static int count_fds(char *list, size_t size)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        fl_fail("/proc/self/fd to be readable", "opendir failed: %s", strerror(errno));
    int n = 0;
    struct dirent *e;
    list[0] = '\0';
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || atoi(e->d_name) == dirfd(d))
            continue;
        char path[64], target[128] = "?";
        snprintf(path, sizeof path, "/proc/self/fd/%d", atoi(e->d_name));
        ssize_t k = readlink(path, target, sizeof target - 1);
        if (k > 0)
            target[k] = '\0';
        size_t used = strlen(list);
        snprintf(list + used, size - used, "%s%s -> %s", n ? ", " : "", e->d_name, target);
        n++;
    }
    closedir(d);
    return n;
}

FL_CHECK(free_releases_fds, "queue_free leaves no file descriptor open",
         .section = "Closing pipe ends")
{
    char before[600], after[600];
    int n0 = count_fds(before, sizeof before);
    struct queue *q = new_queue(3);
    put_ok(q, 1, 0, 100, "a put into a new queue to succeed");
    get_expect(q, 1, 0, "the message put", "the message");
    fl_stage("calling queue_close and queue_free");
    queue_close(q);
    queue_free(q);
    int n1 = count_fds(after, sizeof after);
    FL_EXPECT(n1 <= n0, "every file descriptor the queue opened to be closed by queue_free",
              "the caller had %d open before queue_new and %d after queue_free: %s "
              "(before: %s)", n0, n1, after, before);
}

FL_CHECK(bad_arguments, "bad arguments get QUEUE_ERROR or NULL with the documented errno",
         .section = "Results and errors")
{
    static const int bad_sizes[] = {0, -1, QUEUE_MAXSIZE_MAX + 1};
    for (int i = 0; i < 3; i++) {
        fl_stage("calling queue_new(%d)", bad_sizes[i]);
        errno = 0;
        struct queue *bad = queue_new(bad_sizes[i]);
        FL_EXPECT(bad == NULL && errno == EINVAL,
                  "queue_new to refuse a maxsize outside 1..QUEUE_MAXSIZE_MAX: NULL, EINVAL",
                  "queue_new(%d) returned %s (errno %d: %s)", bad_sizes[i],
                  bad ? "a queue" : "NULL", errno, strerror(errno));
    }
    struct queue *q = new_queue(QUEUE_MAXSIZE_MAX);
    size_t len;
    fl_stage("calling queue_put and queue_get with NULL pointers");
    errno = 0;
    enum queue_result r = queue_put(NULL, outbuf, 10, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EINVAL, "queue_put(NULL, ...) to be QUEUE_ERROR, EINVAL",
              "it returned %s", said(r));
    errno = 0;
    r = queue_put(q, NULL, 10, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EINVAL,
              "queue_put of a NULL message with a length to be QUEUE_ERROR, EINVAL",
              "it returned %s", said(r));
    errno = 0;
    r = queue_get(NULL, inbuf, sizeof inbuf, &len, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EINVAL, "queue_get(NULL, ...) to be QUEUE_ERROR, EINVAL",
              "it returned %s", said(r));
    errno = 0;
    r = queue_get(q, NULL, sizeof inbuf, &len, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EINVAL,
              "queue_get into a NULL buffer to be QUEUE_ERROR, EINVAL", "it returned %s",
              said(r));
    errno = 0;
    int n = queue_qsize(NULL);
    FL_EXPECT(n == -1 && errno == EINVAL, "queue_qsize(NULL) to be -1 with EINVAL",
              "it returned %d (errno %d: %s)", n, errno, strerror(errno));
    FL_EXPECT(!queue_full(NULL) && !queue_empty(NULL), "queue_full and queue_empty of NULL to be 0",
              "queue_full(NULL) is %d, queue_empty(NULL) is %d", queue_full(NULL),
              queue_empty(NULL));
    queue_close(NULL);
    queue_free(NULL);

    fl_stage("getting a 5000-byte message into a 4096-byte buffer");
    put_ok(q, 1, 0, 5000, "a 5000-byte put to succeed");
    errno = 0;
    r = queue_get(q, inbuf, 4096, &len, 0);
    FL_EXPECT(r == QUEUE_ERROR && errno == EMSGSIZE,
              "a get into a buffer too small for the message to be QUEUE_ERROR, EMSGSIZE",
              "it returned %s", said(r));
    get_expect(q, 1, 0, "a message too big for the buffer to stay at the head for the next get",
               "the 5000-byte message, with a buffer big enough this time");
    queue_free(q);
}
