/* hostile: closes stdin, stdout and stderr, then carries on correctly.
 * fails: none
 * reason: */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    close(0);
    close(1);
    close(2);
}
