/* ipc.c -- IPC objects a check leaves behind.
 *
 * Processes die with the sandbox; System V and POSIX IPC objects do not:
 * they live until someone removes them.  The sandbox asks here, after each
 * check, which ones the check created, reports them as its failure and
 * removes them.  In the namespace sandbox every object seen belongs to the
 * check (it has an IPC namespace of its own); in the session sandbox the
 * check's objects are those owned by its unprivileged uid. */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

/* Index of column `name` in a /proc/sysvipc header line, or -1. */
static int column_of(char *header, const char *name)
{
    int i = 0;
    for (char *save, *t = strtok_r(header, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save), i++)
        if (!strcmp(t, name))
            return i;
    return -1;
}

static void remove_sysv(const char *kind, int id)
{
    if (!strcmp(kind, "shm"))
        shmctl(id, IPC_RMID, NULL);
    else if (!strcmp(kind, "msg"))
        msgctl(id, IPC_RMID, NULL);
    else
        semctl(id, 0, IPC_RMID);
}

/* One /proc/sysvipc table: its rows are "key id ... cuid cgid ...": the creator decides. */
static int scan_sysv(const char *kind, uid_t uid, int any, int remove, char *buf, size_t size)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/sysvipc/%s", kind);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    int n = 0, ucol = -1;
    if (fgets(line, sizeof line, f))
        ucol = column_of(line, "cuid");
    while (ucol >= 0 && fgets(line, sizeof line, f)) {
        long v[32];
        int k = 0;
        for (char *save, *t = strtok_r(line, " \t\n", &save); t && k < 32;
             t = strtok_r(NULL, " \t\n", &save))
            v[k++] = strtol(t, NULL, 10);
        if (k <= ucol || (!any && (uid_t)v[ucol] != uid))
            continue;
        fl_appendf(buf, size, "%sSystem V %s id %ld", *buf ? ", " : "", kind, v[1]);
        if (remove)
            remove_sysv(kind, (int)v[1]);
        n++;
    }
    fclose(f);
    return n;
}

/* Files in a folder of IPC objects (/dev/shm, an mqueue mount). */
static int scan_dir(const char *dir, const char *what, uid_t uid, int any, int remove, char *buf,
                    size_t size)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[512];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &st) < 0 || (!any && st.st_uid != uid))
            continue;
        fl_appendf(buf, size, "%s%s%s", *buf ? ", " : "", fl_tr(what), e->d_name);
        if (remove)
            unlink(path);
        n++;
    }
    closedir(d);
    return n;
}

int fl_ipc_leftovers(uid_t uid, int any_owner, const char *mq_dir, int remove, char *buf,
                     size_t size)
{
    int n = scan_sysv("shm", uid, any_owner, remove, buf, size);
    n += scan_sysv("msg", uid, any_owner, remove, buf, size);
    n += scan_sysv("sem", uid, any_owner, remove, buf, size);
    n += scan_dir("/dev/shm", N_("POSIX shared memory or semaphore /dev/shm/"), uid, any_owner,
                  remove, buf, size);
    if (mq_dir)
        n += scan_dir(mq_dir, N_("POSIX message queue /"), uid, any_owner, remove, buf, size);
    return n;
}
