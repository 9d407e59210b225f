/* harness/given/common/proc_exitcode.c -- lesson 04's proc_exitcode, as several
 * lessons hand it over: included by their files in harness/given/NN-name/
 * after the lesson's header, so that it is compiled against that header
 * and written once.  Not compiled on its own (make compiles NN-name/ only). */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int proc_exitcode(const struct proc *p, int *code)
{
    if (!p || !p->ended)
        return 0;
    *code = p->exitcode;
    return 1;
}
