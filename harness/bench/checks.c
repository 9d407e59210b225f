/* checks.c -- the checks `make bench` times the harness with: built like a
 * lesson's checker (tests/bench.py links it with the core), never part of
 * `make check`.
 *
 *   empty_00 .. empty_39   a body that does nothing: whatever a run of one
 *                          costs is the harness's own price for a check
 *                          (sandbox, decoys, leftovers sweep, the record);
 *                          many identical ones, so that the price per
 *                          check is (all - one) / 39, free of the
 *                          checker's start-up
 *   deadlock               two processes, each reading a pipe that only
 *                          the other could write: the time to its verdict
 *                          is the deadlock watch's, far below its ceiling */
#include "fl.h"

#include <unistd.h>

#define EMPTY(N) \
    FL_CHECK(empty_##N, "an empty body", .section = "Bench") {}

EMPTY(00) EMPTY(01) EMPTY(02) EMPTY(03) EMPTY(04) EMPTY(05) EMPTY(06) EMPTY(07)
EMPTY(08) EMPTY(09) EMPTY(10) EMPTY(11) EMPTY(12) EMPTY(13) EMPTY(14) EMPTY(15)
EMPTY(16) EMPTY(17) EMPTY(18) EMPTY(19) EMPTY(20) EMPTY(21) EMPTY(22) EMPTY(23)
EMPTY(24) EMPTY(25) EMPTY(26) EMPTY(27) EMPTY(28) EMPTY(29) EMPTY(30) EMPTY(31)
EMPTY(32) EMPTY(33) EMPTY(34) EMPTY(35) EMPTY(36) EMPTY(37) EMPTY(38) EMPTY(39)

/* The ceiling is far above the watch's 0.2-0.3 s, so a verdict in that
 * range can only be the watch's, never the timeout's. */
FL_CHECK(deadlock, "two processes each wait for the other's pipe", .section = "Bench",
         .timeout_s = 10)
{
    int to_child[2], to_parent[2];
    if (pipe(to_child) < 0 || pipe(to_parent) < 0)
        fl_fail("two pipes", "pipe failed");
    fl_stage("forking the child that reads what only the caller could write");
    pid_t pid = fork();
    if (pid == 0) {
        /* Keeps to_parent's write end: the caller's read never sees EOF. */
        close(to_child[1]);
        close(to_parent[0]);
        char c;
        _exit(read(to_child[0], &c, 1) == 1 ? 0 : 1);
    }
    close(to_child[0]);
    close(to_parent[1]);
    fl_stage("reading what only the child could write");
    char c;
    if (read(to_parent[0], &c, 1) == 1)
        fl_fail("no byte: the child writes nothing", "a byte arrived");
    fl_reap(pid, "the child");
}
