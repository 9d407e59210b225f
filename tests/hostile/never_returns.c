/* hostile: never returns and never exits.
 * fails: children_overlap
 * reason: timed out after */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    for (;;)
        pause();
}
