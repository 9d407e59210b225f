/* hostile: escapes with setsid and a double fork, then carries on.
 * fails: children_overlap
 * reason: still running after the check */
#include "hostile.h"

#include <sys/wait.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    pid_t c = fork();
    if (c == 0) {
        setsid();
        if (fork() == 0) {
            signal(SIGTERM, SIG_IGN);
            signal(SIGHUP, SIG_IGN);
            for (;;)
                pause();
        }
        _exit(0);
    }
    waitpid(c, NULL, 0);
}
