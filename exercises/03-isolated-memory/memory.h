/* memory.h -- lesson 03: after fork, memory is copied; share it on purpose.
 *
 * The C version of the notes' lesson "a global changed in the child stays
 * unchanged in the parent", and of the way around it (Python's
 * multiprocessing.Array / Value, built on memory mapped MAP_SHARED).
 * Read lessons/03-isolated-memory/README.md before you start. */
#ifndef MEMORY_H
#define MEMORY_H

#include <stddef.h>
#include <sys/types.h>

/* A task runs in the child; its return value becomes the exit status. */
typedef int (*proc_task)(void *arg);

struct proc {
    pid_t pid;        /* 0 until proc_start succeeds */
    proc_task task;
    void *arg;
    int ended;        /* 1 once the child has been reaped */
    int exitcode;     /* valid when ended: n & 0xFF, or -N for signal N */
};

/* proc_init (given, from lesson 01): prepare p to run task(arg). */
void proc_init(struct proc *p, proc_task task, void *arg);

/* proc_start (given, from lesson 01): fork a child that runs the task and
 * ends with _exit(<its return value>); returns 0 at once, or -1/errno. */
int proc_start(struct proc *p);

/* proc_join (given, from lesson 04): wait for the child, reap it, record
 * its exit code in p->exitcode; 0, or -1/errno (EINVAL if never started). */
int proc_join(struct proc *p);

/* An array of ints that the creating process and every child it forks
 * *afterwards* see as one: a write by any of them is seen by all. */
struct shared_ints {
    int *v;           /* the n ints; NULL when there is no region */
    size_t n;
};

/* shared_ints_create: map a new region of n ints, all 0, shared with the
 * children forked after this call (mmap MAP_SHARED | MAP_ANONYMOUS; or a
 * memfd or shm_open object mapped MAP_SHARED, its descriptor closed and its
 * name unlinked before returning: only the mapping is left).
 * Returns 0 with s->v and s->n set.
 * Errors: -1 with errno: EINVAL if s is NULL or n is 0; ENOMEM if n ints
 * need more bytes than a size_t counts; otherwise the errno of the call
 * that failed (mmap's ENOMEM when memory is short; memfd_create's or
 * shm_open's EMFILE when no descriptor is free); s is then left with v
 * NULL and n 0, and nothing is left open, mapped or named. */
int shared_ints_create(struct shared_ints *s, size_t n);

/* shared_ints_destroy: unmap the region (in this process only: a child
 * keeps its own view until it ends) and set s->v to NULL and s->n to 0.
 * Returns 0.  Destroying a region already destroyed returns 0.
 * Errors: -1 with errno EINVAL if s is NULL; munmap's errno. */
int shared_ints_destroy(struct shared_ints *s);

/* A function applied to one input, in a child. */
typedef int (*shared_fn)(int x);

/* shared_map: out[i] = fn(in[i]) for i < n, each call in a child process of
 * its own -- the C form of getting results back from children through
 * shared memory.
 *
 * - Makes one shared region for the n results *before* forking, starts all
 *   n children (they run at the same time), then joins every child.
 * - Each child stores its result in its own slot of the region and ends
 *   with 0.  Results are whole ints (negative, or above 255): an exit
 *   status could carry only 8 bits of them.
 * - fn never runs in the caller: a global that fn changes stays unchanged
 *   in the caller.
 * - Returns only after every child was reaped (no zombie left) and the
 *   region was unmapped (no mapping left behind).
 * Returns 0 with out[0..n-1] filled.
 * Errors: -1 with errno: EINVAL if fn, in or out is NULL or n is 0; EIO if
 * a child did not end with exit code 0 (it crashed: its out slot is 0);
 * the errno of shared_ints_create or proc_start -- children already
 * started are joined and the region is unmapped before returning. */
int shared_map(shared_fn fn, const int *in, int *out, size_t n);

#endif
