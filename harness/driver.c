/* driver.c -- forklab: run lessons' checkers and show what they found.
 *
 *   forklab [OPTION]... LESSON_BUILD_DIR...      (forklab --help says all)
 *
 * Each LESSON_BUILD_DIR holds a lesson's checker `check` (and build.log), or
 * only build.log when the student's code did not compile, or nothing when
 * the work folder has no such lesson.  The checkers run the checks in
 * sandboxes and print records (main.c); driver/run.c runs them, several at
 * once, and driver/render_*.c turn the records into words, TAP or JSON.
 * This file reads the command line.  Exit status: 0 when every check passed
 * or was skipped (always for progress and hint), 1 otherwise, 2 on bad
 * usage. */
#include "driver/driver.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct options opt = {.fmt = HUMAN, .jobs = 0, .work = "exercises", .state = ".forklab-hints"};

static const char *const help_text = N_(
    "usage: forklab [OPTION]... LESSON_BUILD_DIR...\n"
    "Runs each lesson's checker (LESSON_BUILD_DIR/check) and shows the results.\n"
    "\n"
    "  -f, --format=FMT    human (default), tap (TAP 14), tap13 (TAP 13, for prove),\n"
    "                      json, progress (a line a lesson and what to do next),\n"
    "                      hint (the next hint for the first failing check),\n"
    "                      next (the name of the first lesson that does not pass)\n"
    "      --color=WHEN    auto (default: on a terminal, unless NO_COLOR), always, never\n"
    "      --work=NAME     how the work folder is called in messages (exercises)\n"
    "  -j, --jobs=N        run up to N checks at once, each in its own sandbox\n"
    "                      (default: FORKLAB_JOBS, else 8 a CPU: checks mostly\n"
    "                      wait); results print in lesson order all the same\n"
    "      --alone=LESSON  run LESSON while no other checker runs (12-parallelism\n"
    "                      always does: it measures CPU parallelism)\n"
    "      --only=ID       run only check ID (repeatable)\n"
    "      --full          human: every check, even of a lesson not started\n"
    "      --brief         human: the first failure in full, the others in a line\n"
    "      --kit=DIR       the kit's build folder (default: this program's folder)\n"
    "      --root=DIR      the kit's source folder (default: KIT/../..)\n"
    "      --catalog=FILE  the hint catalogue (default: ROOT/harness/hints/catalog.txt)\n"
    "      --hint-state=F  where make hint keeps its stages (.forklab-hints)\n"
    "  -h, --help          this text\n");

/* Says what is wrong (a message id, or a text made of them) and how to
 * call forklab; returns 2, the exit status. */
static int usage(const char *why)
{
    fprintf(stderr, "forklab: %s\n%s", fl_tr(why), fl_tr(help_text));
    return 2;
}

/* Appends s to a NULL-less list. */
static void push(char ***list, int *n, char *s)
{
    *list = realloc(*list, sizeof **list * (size_t)(*n + 1));
    (*list)[(*n)++] = s;
}

/* The kit's build folder, when not given: this program is KIT/forklab. */
static char *own_folder(void)
{
    static char dir[4096];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    dir[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return dir;
}

/* Reads the options into opt (and --color into *colour); returns 0, or 2
 * after saying what is wrong.  --help prints and exits. */
static int parse(int argc, char **argv, const char **colour)
{
    enum { O_COLOR = 256, O_WORK, O_ALONE, O_ONLY, O_FULL, O_BRIEF, O_KIT, O_ROOT, O_CATALOG,
           O_STATE };
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'},    {"color", required_argument, NULL, O_COLOR},
        {"colour", required_argument, NULL, O_COLOR}, {"work", required_argument, NULL, O_WORK},
        {"jobs", required_argument, NULL, 'j'},      {"alone", required_argument, NULL, O_ALONE},
        {"only", required_argument, NULL, O_ONLY},   {"full", no_argument, NULL, O_FULL},
        {"brief", no_argument, NULL, O_BRIEF},       {"kit", required_argument, NULL, O_KIT},
        {"root", required_argument, NULL, O_ROOT},
        {"catalog", required_argument, NULL, O_CATALOG},
        {"hint-state", required_argument, NULL, O_STATE},
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0}};
    static const char *const formats[] = {"human", "tap", "tap13", "json", "progress", "hint",
                                          "next"};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:j:h", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            opt.fmt = (enum format)-1;
            for (int i = 0; i < 7; i++)
                if (!strcmp(optarg, formats[i]))
                    opt.fmt = (enum format)i;
            if ((int)opt.fmt < 0)
                return usage(N_("FORMAT must be human, tap, tap13, json, progress, hint or next"));
            break;
        case 'j':
            opt.jobs = atoi(optarg);
            if (opt.jobs < 1)
                return usage(N_("--jobs takes a number of checks, 1 or more"));
            break;
        case O_COLOR: *colour = optarg; break;
        case O_WORK: opt.work = optarg; break;
        case O_ALONE: push(&opt.alone, &opt.nalone, optarg); break;
        case O_ONLY: push(&opt.only, &opt.nonly, optarg); break;
        case O_FULL: opt.full = 1; break;
        case O_BRIEF: opt.brief = 1; break;
        case O_KIT: opt.kit = optarg; break;
        case O_ROOT: opt.root = optarg; break;
        case O_CATALOG: opt.catalog = optarg; break;
        case O_STATE: opt.state = optarg; break;
        case 'h':
            fputs(fl_tr(help_text), stdout);
            exit(0);
        default: {
            char why[300];
            snprintf(why, sizeof why, "%s: %s", argv[optind - 1],
                     optopt ? fl_tr("this option needs a value") : fl_tr("unknown option"));
            return usage(why);
        }
        }
    }
    return 0;
}

/* Fills in what the options left out, from where the kit is. */
static void defaults(void)
{
    static char root[4200], catalog[4300];
    if (!opt.kit)
        opt.kit = own_folder();
    if (!opt.root) {
        snprintf(root, sizeof root, "%s/../..", opt.kit);
        opt.root = root;
    }
    if (!opt.catalog) {
        snprintf(catalog, sizeof catalog, "%s/harness/hints/catalog.txt", opt.root);
        opt.catalog = catalog;
    }
    push(&opt.alone, &opt.nalone, "12-parallelism");
}

/* forklab: the lessons' checks, run and shown as the options ask. */
int main(int argc, char **argv)
{
    const char *colour = "auto";
    if (parse(argc, argv, &colour))
        return 2;
    int n = argc - optind;
    if (n <= 0)
        return usage(N_("no lesson selected (is LESSON= right?)"));
    defaults();
    const char *term = getenv("TERM");
    color = !strcmp(colour, "always") ||
            (!strcmp(colour, "auto") && isatty(1) && !getenv("NO_COLOR") &&
             !(term && !strcmp(term, "dumb")));
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct lesson *ls = calloc((size_t)n, sizeof *ls);
    int k = 0;
    for (int i = 0; i < n; i++) {
        struct lesson *l = &ls[k];
        const char *dir = argv[optind + i], *base = strrchr(dir, '/');
        snprintf(l->name, sizeof l->name, "%s", base ? base + 1 : dir);
        snprintf(l->dir, sizeof l->dir, "%s", dir);
        load_declared(l);
        /* --only: a lesson without the check is not part of this run */
        k += !opt.only || l->nd > 0;
    }
    if (k == 0) {
        fprintf(stderr, fl_tr("forklab: no check named %s in %s; make progress or "
                              "build/harness/lessons/*/list --list show the ids\n"),
                opt.only[0], n == 1 ? ls[0].name : fl_tr("these lessons"));
        return 2;
    }
    n = k;
    ask_sandbox(ls, n);
    const struct renderer *rd = opt.fmt == TAP || opt.fmt == TAP13 ? &tap_renderer
                                : opt.fmt == JSON                 ? &json_renderer
                                : opt.fmt == PROGRESS             ? &progress_renderer
                                : opt.fmt == HINT                 ? &hint_renderer
                                : opt.fmt == NEXT                 ? &next_renderer
                                                                  : &human_renderer;
    run_lessons(ls, n, rd);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    rd->finish(ls, n, secs);
    int failed = 0;
    for (int i = 0; i < n; i++)
        failed |= lesson_failed(&ls[i]);
    free_lessons(ls, n);
    return opt.fmt >= PROGRESS ? 0 : failed;
}
