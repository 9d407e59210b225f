/* hostile: a child signals every process it can: kill(-1, SIGKILL).
 * fails: children_overlap
 * reason: killed by SIGKILL */
#include "hostile.h"

#include <sys/wait.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    pid_t c = fork();
    if (c == 0) {
        kill(-1, SIGKILL);
        _exit(0);
    }
    waitpid(c, NULL, 0);
}
