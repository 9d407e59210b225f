/* hostile: floods stdout without end.
 * fails: children_overlap
 * reason: output flood: more than 1024 KB */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    (void)p;
    char buf[4096];
    memset(buf, 'x', sizeof buf);
    for (;;)
        if (write(1, buf, sizeof buf) < 0 && errno != EINTR)
            break;
    for (;;)
        pause();
}
