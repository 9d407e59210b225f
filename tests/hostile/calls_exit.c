/* hostile: calls exit() in the middle of the check.
 * fails: children_overlap
 * reason: called exit() in the caller */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    exit(0);
}
