/* hostile: forks without end.
 * fails: children_overlap
 * reason: fork bomb: more than 128 processes */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    for (;;)
        fork();
}
