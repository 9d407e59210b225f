/* gcov_exit.c -- linked into the coverage build of a checker only.
 *
 * Every process a check starts ends with _exit: the caller, the sandbox's
 * init, and each child the student's code forks.  _exit skips the atexit
 * handler through which gcov writes its counters, so without this the
 * student's code would look unrun.  The link wraps _exit (and _Exit)
 * (-Wl,--wrap=_exit,--wrap=_Exit) so that each process writes its counters
 * first; libgcov merges the processes' counts under a file lock. */
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

void __gcov_dump(void);
void __real__exit(int status) __attribute__((noreturn));
void __real__Exit(int status) __attribute__((noreturn));

/* A check may have left this process no descriptor free (failure
 * injection lowers the soft limit): gcov needs one to write its counters,
 * or the lines this process ran would look unrun.  The hard limit is
 * untouched by the checks, so the soft one may go back up to it. */
static void room_for_counters(void)
{
    struct rlimit r;
    if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

/* _exit(status), after writing this process's coverage counters. */
void __wrap__exit(int status)
{
    room_for_counters();
    __gcov_dump();
    __real__exit(status);
}

/* _Exit(status), after writing this process's coverage counters. */
void __wrap__Exit(int status)
{
    room_for_counters();
    __gcov_dump();
    __real__Exit(status);
}
