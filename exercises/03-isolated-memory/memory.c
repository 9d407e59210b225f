/* memory.c -- lesson 03.  Your work goes here.
 *
 * Fill in shared_ints_create, shared_ints_destroy and shared_map.
 * `make check LESSON=03` tells you what works; lessons/03-isolated-memory/
 * README.md explains why a child's writes stay in the child, and mmap. */
#include "memory.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- yours ---- */

int shared_ints_create(struct shared_ints *s, size_t n)
{
    /* TODO: mmap n ints, readable and writable, MAP_SHARED | MAP_ANONYMOUS;
     * set s->v and s->n. */
    (void)s;
    (void)n;
    errno = ENOSYS;
    return -1;
}

int shared_ints_destroy(struct shared_ints *s)
{
    /* TODO: munmap the region, then clear s. */
    (void)s;
    errno = ENOSYS;
    return -1;
}

int shared_map(shared_fn fn, const int *in, int *out, size_t n)
{
    /* TODO: create the region, start one child per input (each stores
     * fn(in[i]) in its slot and returns 0), join them all, copy the
     * results to out, destroy the region. */
    (void)fn;
    (void)in;
    (void)out;
    (void)n;
    errno = ENOSYS;
    return -1;
}
