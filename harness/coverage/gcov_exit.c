/* gcov_exit.c -- linked into the coverage build of a checker only.
 *
 * Every process a check starts ends with _exit: the caller, the sandbox's
 * init, and each child the student's code forks.  _exit skips the atexit
 * handler through which gcov writes its counters, so without this the
 * student's code would look unrun.  The link wraps _exit (and _Exit)
 * (-Wl,--wrap=_exit,--wrap=_Exit) so that each process writes its counters
 * first; libgcov merges the processes' counts under a file lock. */
#include <stdlib.h>
#include <unistd.h>

void __gcov_dump(void);
void __real__exit(int status) __attribute__((noreturn));
void __real__Exit(int status) __attribute__((noreturn));

/* _exit(status), after writing this process's coverage counters. */
void __wrap__exit(int status)
{
    __gcov_dump();
    __real__exit(status);
}

/* _Exit(status), after writing this process's coverage counters. */
void __wrap__Exit(int status)
{
    __gcov_dump();
    __real__Exit(status);
}
