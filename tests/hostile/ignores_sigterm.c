/* hostile: a child that ignores SIGTERM and spins; the caller waits for it.
 * fails: children_overlap
 * reason: timed out after */
#include "hostile.h"

#include <sys/wait.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    signal(SIGTERM, SIG_IGN);
    pid_t c = fork();
    if (c == 0)
        for (;;)
            ;
    kill(c, SIGTERM);
    waitpid(c, NULL, 0);
}
