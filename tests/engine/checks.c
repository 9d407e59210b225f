/* The engine's own behaviours, one check each, every one built to end a
 * particular way.  tests/test_engine.py runs this as a lesson's checker and
 * asserts each verdict and message: each check here fails (or passes) only
 * because the harness feature it exercises works. */
#include "fl.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

FL_CHECK(plain_pass, "a body that returns passes", .section = "Passing")
{
}

FL_CHECK(plain_fail, "fl_fail carries expected and observed text intact",
         .section = "Failing")
{
    fl_fail("quotes \" and tabs \t and <tags> & ampersands",
            "newline\nsecond line, 中文, backslash \\ and pid %d", 4321);
}

FL_CHECK(skip, "fl_skip skips with its reason", .section = "Skipping", .needs_cpus = 64)
{
    fl_skip("one CPU only");
}

FL_CHECK(skip_undeclared, "a skip no declared need explains is a failure",
         .section = "Skipping")
{
    fl_skip("one CPU only");
}

FL_CHECK(caller_crash, "a crash in the caller fails the check, naming the signal",
         .section = "Crashing")
{
    fl_stage("dereferencing NULL on purpose");
    raise(SIGSEGV);
}

FL_CHECK(caller_exit, "exit() in the caller fails the check", .section = "Exiting")
{
    fl_stage("calling exit(3) as student code might");
    exit(3);
}

FL_CHECK(child_escapes, "a child that comes back into the caller's code is caught",
         .section = "Escaping")
{
    fl_stage("forking a child that does not _exit");
    pid_t pid = fork();
    fl_stage("back from fork");   /* the child is caught here */
    fl_reap(pid, "the escaping child");
}

FL_CHECK(hangs, "a hang fails with the ceiling and the stage", .section = "Hanging",
         .timeout_s = 0.3)
{
    /* Busy, not blocked: only the ceiling can end it. */
    fl_stage("spinning for ever");
    for (volatile int spin = 1; spin;)
        ;
}

FL_CHECK(deadlocks, "a deadlock fails at once, naming who waits for what",
         .section = "Hanging", .timeout_s = 30)
{
    char c;
    fl_stage("reading stdin, which nobody writes");
    while (read(0, &c, 1) != 0)
        ;
}

FL_CHECK(two_wait_for_each_other, "two processes that each wait for the other are a deadlock",
         .section = "Hanging", .timeout_s = 30)
{
    int a[2], b[2];
    if (pipe(a) < 0 || pipe(b) < 0)
        fl_fail("pipes", "pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(b[1]);
        while (read(a[0], &c, 1) < 0)   /* the caller never writes a[1] */
            ;
        _exit(0);
    }
    char c;
    fl_stage("waiting on a pipe only child %d could write, while it waits for the caller",
             (int)pid);
    close(a[0]);
    while (read(b[0], &c, 1) < 0)   /* and the child holds b[1] open: never end-of-file */
        ;
}

FL_CHECK(timed_wait_is_not_a_deadlock, "a process that will wake by itself is not deadlocked",
         .section = "Hanging", .timeout_s = 5)
{
    fl_stage("sleeping 0.6 s on purpose");
    struct timespec t = {0, 600000000};
    nanosleep(&t, NULL);
}

FL_CHECK(leaves_running, "a process left running is reported and killed",
         .section = "Leftovers")
{
    int ready[2];
    if (pipe(ready) < 0)
        fl_fail("a pipe", "pipe failed");
    pid_t middle = fork();
    if (middle == 0) {
        setsid();
        if (fork() == 0) {   /* double fork: the grandchild is an orphan */
            prctl(PR_SET_NAME, "fl-engine-left");
            write(ready[1], "x", 1);
            for (;;)
                pause();
        }
        _exit(0);
    }
    char c;
    if (read(ready[0], &c, 1) != 1)
        fl_fail("the orphan to say ready", "it did not");
    waitpid(middle, NULL, 0);
    close(ready[0]);
    close(ready[1]);
}

FL_CHECK(leaves_zombie, "a child never waited for is reported as a zombie",
         .section = "Leftovers")
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    fl_await_exit(pid);   /* dead, and nobody reaps it */
}

FL_CHECK(noisy, "output is captured, capped and counted", .section = "Output")
{
    printf("tab\there \"quoted\" <b>&amp; 中文 \x01\xff end\n");
    for (int i = 0; i < 20000; i++)
        fputs("0123456789", stdout);
    fflush(stdout);
    fl_fail("the output to be shown", "see below");
}
