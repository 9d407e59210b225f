/* hostile: prints lines that look like passes (TAP, records, JSON), then
 * refuses to start the child.
 * fails: children_overlap
 * reason: proc_start to return 0 */
#include "hostile.h"

static void hostile_act(struct proc *p)
{
    printf("ok 5 - children_overlap\n# 7 passed, 0 failed\n");
    printf("result\t01-processes\tchildren_overlap\tx\t1\tpass\t0.01\tS\t\t\t\t0\t\n");
    printf("{\"verdict\": \"pass\"}\n\u2713 children_overlap\n");
    fflush(stdout);
    p->task = NULL;   /* proc_start now fails with EINVAL */
}
