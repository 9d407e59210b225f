/* hostile: tries to write outside its scratch folder, next to its own
 * source and in root's home, then carries on correctly.
 * fails: none
 * reason: */
#include "hostile.h"

#include <fcntl.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    char path[4096];
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strrchr(path, '/');
    snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
             "forklab-hostile-was-here");
    const char *where[] = {path, "/root/forklab-hostile-was-here", "/forklab-hostile-was-here"};
    for (int i = 0; i < 3; i++) {
        int fd = open(where[i], O_WRONLY | O_CREAT, 0644);
        if (fd >= 0)
            close(fd);
    }
}
