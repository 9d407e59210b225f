/* watch.c -- make watch: run a command, then again each time a file in a
 * folder is saved, until Ctrl-C.
 *
 *   watch [--poll] DIR -- COMMAND [ARG]...
 *
 * It watches with inotify (no inotifywait needed: the syscalls are in
 * libc); where inotify is refused (some containers, network file systems)
 * or with --poll, it compares the folder's files' sizes and modification
 * times four times a second.  A burst of events (an editor writes a
 * temporary file, renames it, touches the folder) is one change: after the
 * first event it waits until the folder has been quiet for 150 ms. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

/* Ctrl-C or a kill: leave the loop (the running command gets it too). */
static void on_stop(int sig)
{
    (void)sig;
    stop = 1;
}

/* Runs argv to its end; Ctrl-C reaches it too (same process group) and
 * ends both. */
static void run(char **argv)
{
    if (isatty(1))
        fputs("\033[H\033[2J", stdout);   /* a fresh screen for each run */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        execvp(argv[0], argv);
        fprintf(stderr, "watch: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* A number that changes when any file in dir changes size, time or name. */
static unsigned long long fingerprint(const char *dir)
{
    unsigned long long h = 1469598103934665603ULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[4600];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &st) < 0)
            continue;
        unsigned long long v[] = {(unsigned long long)st.st_mtim.tv_sec,
                                  (unsigned long long)st.st_mtim.tv_nsec,
                                  (unsigned long long)st.st_size, (unsigned long long)st.st_ino};
        for (int i = 0; i < 4; i++)
            h = (h ^ v[i]) * 1099511628211ULL;
        for (const char *c = e->d_name; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    }
    closedir(d);
    return h;
}

/* Sleeps ms milliseconds (less if a signal comes). */
static void sleep_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* Waits for a change by polling; returns 0 when stopped. */
static int wait_poll(const char *dir)
{
    unsigned long long was = fingerprint(dir);
    while (!stop) {
        sleep_ms(250);
        if (fingerprint(dir) != was) {
            sleep_ms(150);
            return !stop;
        }
    }
    return 0;
}

/* Waits for a change through inotify fd; returns 0 when stopped. */
static int wait_inotify(int fd)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int seen = 0;
    while (!stop) {
        int r = poll(&p, 1, seen ? 150 : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0)
            return 1;            /* quiet for 150 ms after a change */
        if (r > 0 && read(fd, buf, sizeof buf) > 0)
            seen = 1;
    }
    return 0;
}

/* Runs the command, then again after each change in DIR, until stopped. */
int main(int argc, char **argv)
{
    int poll_only = 0, i = 1;
    if (i < argc && !strcmp(argv[i], "--poll"))
        poll_only = 1, i++;
    if (argc - i < 3 || strcmp(argv[i + 1], "--")) {
        fprintf(stderr, "usage: %s [--poll] DIR -- COMMAND [ARG]...\n", argv[0]);
        return 2;
    }
    const char *dir = argv[i];
    char **cmd = argv + i + 2;
    struct stat st;
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "watch: %s is not a folder\n", dir);
        return 2;
    }
    struct sigaction sa = {.sa_handler = on_stop};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int fd = poll_only ? -1 : inotify_init1(IN_CLOEXEC);
    if (fd >= 0 && inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
                                                  IN_DELETE | IN_MOVED_FROM) < 0) {
        close(fd);
        fd = -1;
    }
    while (!stop) {
        run(cmd);
        if (stop)
            break;
        printf("\nwatching %s/ (%s): save a file there to check again; Ctrl-C leaves\n", dir,
               fd >= 0 ? "inotify" : "polling");
        fflush(stdout);
        /* a save while the checks ran is still queued: it reruns at once */
        if (!(fd >= 0 ? wait_inotify(fd) : wait_poll(dir)))
            break;
    }
    printf("\n");
    return 0;
}
