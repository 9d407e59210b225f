/* hostile: creates System V and POSIX IPC objects and never removes them.
 * fails: children_overlap
 * reason: IPC objects outlived the check */
#include "hostile.h"

#include <fcntl.h>
#include <semaphore.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/shm.h>

static void hostile_act(struct proc *p)
{
    (void)p;
    shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    sem_open("/forklab-hostile", O_CREAT, 0600, 0);
}
