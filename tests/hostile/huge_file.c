/* hostile: writes a file without end in its scratch folder.
 * fails: children_overlap
 * reason: past the size ceiling */
#include "hostile.h"

#include <fcntl.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    char buf[65536];
    memset(buf, 'f', sizeof buf);
    int fd = open("big", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    for (;;)
        if (write(fd, buf, sizeof buf) < 0)
            break;
    for (;;)
        pause();
}
