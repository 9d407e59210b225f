/* parallel.c -- lesson 12, reference solution. */
#include "parallel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int valid(int n, proc_task task, int codes[])
{
    if (n < 1 || !task || !codes) {
        errno = EINVAL;
        return 0;
    }
    for (int i = 0; i < n; i++)
        codes[i] = RUN_NO_EXITCODE;
    return 1;
}

static void *arg_of(void *const args[], int i)
{
    return args ? args[i] : NULL;
}

int run_sequential(int n, proc_task task, void *const args[], int codes[])
{
    if (!valid(n, task, codes))
        return -1;
    for (int i = 0; i < n; i++) {
        struct proc p;
        proc_init(&p, task, arg_of(args, i));
        if (proc_start(&p) < 0 || proc_join(&p) < 0)
            return -1;
        proc_exitcode(&p, &codes[i]);
    }
    return 0;
}

int run_parallel(int n, proc_task task, void *const args[], int codes[])
{
    if (!valid(n, task, codes))
        return -1;
    struct proc *ps = calloc((size_t)n, sizeof *ps);
    if (!ps) {
        errno = ENOMEM;
        return -1;
    }
    /* Every child must exist before the caller waits for any of them: a
     * join inside this loop would make the next start wait for it. */
    int started = 0, err = 0;
    for (; started < n; started++) {
        proc_init(&ps[started], task, arg_of(args, started));
        if (proc_start(&ps[started]) < 0) {
            err = errno;
            break;
        }
    }
    /* Join by index, not with wait(NULL): codes[i] must be child i's
     * whatever order they end in. */
    for (int i = 0; i < started; i++) {
        if (proc_join(&ps[i]) < 0 && !err)
            err = errno;
        proc_exitcode(&ps[i], &codes[i]);
    }
    free(ps);
    if (err) {
        errno = err;
        return -1;
    }
    return 0;
}
