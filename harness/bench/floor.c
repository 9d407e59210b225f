/* floor.c -- the floor under every check: how long the kernel takes to
 * start a process, end it and hand its status back (fork, _exit,
 * waitpid), plainly and into new namespaces as the sandbox does.
 *
 *   floor [ROUNDS [PER_ROUND]]
 *
 * Prints one line per kind: `kind median min max` in microseconds per
 * round trip, where each of ROUNDS samples is the mean of PER_ROUND round
 * trips (one round trip alone is near the clock's own noise).  A kind the
 * kernel refuses here (no privilege for namespaces) prints `kind n/a why`.
 * tests/bench.py runs it and sets the rest of its figures against it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* clone flags; the Makefile passes it too */
#endif
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* One round trip; flags 0 is a plain fork, else clone(2) with these
 * namespace flags (the raw system call: glibc's fork takes no flags and
 * its clone wrapper wants a stack). */
static int round_trip(int flags)
{
    pid_t pid = flags ? (pid_t)syscall(SYS_clone, (unsigned long)(flags | SIGCHLD), NULL, NULL,
                                       NULL, NULL)
                      : fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        _exit(0);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void measure(const char *kind, int flags, int rounds, int per)
{
    /* A first try tells a refusal apart from a figure, and warms the
     * page tables the child copies. */
    if (round_trip(flags) < 0) {
        printf("%s n/a %s\n", kind, strerror(errno));
        return;
    }
    double *s = malloc(sizeof *s * (size_t)rounds);
    if (!s) {
        printf("%s n/a out of memory\n", kind);
        return;
    }
    for (int r = 0; r < rounds; r++) {
        double t0 = now_us();
        for (int i = 0; i < per; i++)
            if (round_trip(flags) < 0) {
                printf("%s n/a %s\n", kind, strerror(errno));
                free(s);
                return;
            }
        s[r] = (now_us() - t0) / per;
    }
    qsort(s, (size_t)rounds, sizeof *s, cmp_double);
    printf("%s %.1f %.1f %.1f\n", kind, s[rounds / 2], s[0], s[rounds - 1]);
    free(s);
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 7;
    int per = argc > 2 ? atoi(argv[2]) : 200;
    if (rounds < 1 || per < 1) {
        fprintf(stderr, "usage: %s [ROUNDS [PER_ROUND]]\n", argv[0]);
        return 2;
    }
    measure("fork", 0, rounds, per);
    measure("fork+newpid", CLONE_NEWPID, rounds, per);
    /* What the namespace sandbox creates for every check (sandbox.c). */
    measure("fork+newpid+newns+newipc", CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC, rounds, per);
    return 0;
}
