/* harness/given/common/proc_init.c -- lesson 01's proc_init, for the
 * lessons whose struct proc has pid, task, arg, ended and exitcode, as they
 * hand it over: included by their files in harness/given/NN-name/
 * after the lesson's header, so that it is compiled against that header
 * and written once.  Not compiled on its own (make compiles NN-name/ only). */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

void proc_init(struct proc *p, proc_task task, void *arg)
{
    p->pid = 0;
    p->task = task;
    p->arg = arg;
    p->ended = 0;
    p->exitcode = 0;
}
