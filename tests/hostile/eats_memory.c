/* hostile: eats memory until an allocation fails, and uses it unchecked.
 * fails: children_overlap
 * reason: memory: a process of the check used */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    for (;;) {
        char *m = malloc(1 << 20);
        memset(m, 1, 1 << 20);   /* NULL once the ceiling is reached */
    }
}
