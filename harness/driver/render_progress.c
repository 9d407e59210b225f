/* render_progress.c -- make progress: a line a lesson (checks passed out of
 * its total, a bar), and the one thing to do next, which make check also
 * ends with.
 *
 * "Next" points at reading, never at solutions/ before the learner's own
 * code passes: solutions/NN-name is mentioned only for a lesson that
 * passes. */
#include "driver.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BAR 20

/* qsort's order for lesson names: as strcmp. */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kit's lesson after `name` (by folder name), or NULL: the lessons are
 * the folders of KIT/lessons. */
static char *lesson_after(const char *name)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/lessons", opt.kit);
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **names = NULL;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] >= '0' && e->d_name[0] <= '9') {
            names = realloc(names, sizeof *names * (size_t)(n + 1));
            names[n++] = strdup(e->d_name);
        }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    char *after = NULL;
    for (int i = 0; i < n; i++) {
        if (!after && strcmp(names[i], name) > 0)
            after = strdup(names[i]);
        free(names[i]);
    }
    free(names);
    return after;
}

/* "(04-join passes: solutions/04-join/ shows another way to write it)" */
static void praise(const char *passed)
{
    if (!passed)
        return;
    /* A handout (make handout) has no solutions/ to point at. */
    char sol[4096];
    snprintf(sol, sizeof sol, "%s/solutions/%s", opt.root ? opt.root : ".", passed);
    printf("  %s", DIM);
    if (!strcmp(opt.work, "solutions") || access(sol, F_OK) != 0)
        printf(fl_tr("(%s passes)"), passed);
    else
        printf(fl_tr("(%s passes: solutions/%s/ shows another way to write it)"), passed, passed);
    printf("%s", RESET);
}

/* See driver.h: the first lesson that does not pass decides (missing,
 * not compiling, not started, or its first ✗'s section); when all pass,
 * the kit's next lesson. */
void print_next(struct lesson *ls, int n)
{
    const char *passed = NULL;   /* the last lesson before the next step that passes */
    char num[16];
    if (opt.only) {   /* part of a lesson says nothing about what comes next */
        printf("%s", BOLD);
        if (opt.nonly == 1)
            printf(fl_tr("Only %s ran:"), opt.only[0]);
        else
            printf("%s", fl_tr("Only the checks named ran:"));
        printf("%s ", RESET);
        printf(fl_tr("make check LESSON=%s runs the whole lesson.\n"),
               n ? lesson_number(ls[0].name, num, sizeof num) : "NN");
        return;
    }
    for (int i = 0; i < n; i++) {
        struct lesson *l = &ls[i];
        if (!lesson_failed(l)) {
            passed = l->name;
            continue;
        }
        lesson_number(l->name, num, sizeof num);
        printf("%s%s%s ", BOLD, fl_tr("Next:"), RESET);
        if (l->status == MISSING)
            printf(fl_tr("put %s/%s back (cp -r exercises/%s %s/, or git checkout exercises/%s)\n"),
                   opt.work, l->name, l->name, opt.work, l->name);
        else if (l->status == BUILD_FAILED)
            printf(fl_tr("make %s/%s compile: make check LESSON=%s shows the compiler's "
                         "messages\n"), opt.work, l->name, num);
        else if (l->status == CRASHED)
            printf(fl_tr("make check LESSON=%s again: its checker died (%s)\n"), num, l->log);
        else if (not_started(l)) {
            printf(fl_tr("lessons/%s/%s, then write %s/%s/"), l->name, readme_file(l->name),
                   opt.work, l->name);
            praise(passed);
            printf("\n");
        } else {
            for (int j = 0; j < l->n; j++)
                if (!strcmp(l->r[j].verdict, "fail")) {
                    char ref[512];
                    section_ref(l->name, l->r[j].section, ref, sizeof ref);
                    printf("%s  %s", ref, DIM);
                    printf(fl_tr("(for \"%s\"; make hint LESSON=%s if stuck)"), l->r[j].title,
                           num);
                    printf("%s\n", RESET);
                    break;
                }
        }
        return;
    }
    char *after = n ? lesson_after(ls[n - 1].name) : NULL;
    if (after) {
        printf("%s%s%s lessons/%s/%s", BOLD, fl_tr("Next:"), RESET, after, readme_file(after));
        praise(passed);
        printf("\n");
        free(after);
    } else if (n) {
        printf("%s%s%s %s", BOLD, fl_tr("Next:"), RESET,
               fl_tr("nothing: every lesson checked passes."));
        praise(passed);
        printf("\n      %s\n", fl_tr("make memcheck and make coverage look deeper at your code."));
    }
}

/* make progress's heading (make watch's next format prints none). */
static void progress_start(struct lesson *ls, int n)
{
    (void)ls;
    (void)n;
    if (opt.fmt == PROGRESS)
        printf(fl_tr("forklab progress: %s/\n\n"), opt.work);
}

/* The next format says nothing until the end. */
static void progress_begin_end(const struct lesson *l, int index)
{
    (void)l;
    (void)index;
}

/* Progress shows a lesson when it is settled, not check by check. */
static void progress_begin(const struct lesson *l)
{
    (void)l;
}

/* As progress_begin. */
static void progress_result(const struct lesson *l, const struct result *r)
{
    (void)l;
    (void)r;
}

/* A lesson's line: name, bar, checks passed (or skipped) of its total,
 * and ✓, not started, or what keeps it from running. */
static void progress_end(const struct lesson *l, int index)
{
    (void)index;
    int pass, fail, skip, pts, max;
    int failed = counts(l, &pass, &fail, &skip, &pts, &max);
    int total = pass + fail + skip, done = pass + skip;
    int fill = total ? (done * BAR + total / 2) / total : 0;
    if (done && fill == 0)
        fill = 1;       /* one check passed shows */
    if (fail && fill == BAR)
        fill = BAR - 1; /* and one failing too */
    printf("  %-22s %s", l->name, failed ? (done ? YELLOW : RED) : GREEN);
    for (int i = 0; i < BAR; i++)
        fputs(i < fill ? "█" : "░", stdout);
    printf("%s %3d/%-3d", RESET, done, total);
    if (l->status == BUILD_FAILED)
        printf("  %s", fl_tr("does not compile"));
    else if (l->status == MISSING)
        printf("  %s", fl_tr("missing"));
    else if (l->status == CRASHED)
        printf("  %s", fl_tr("checker died"));
    else if (!failed)
        printf("  %s✓%s", GREEN, RESET);
    else if (not_started(l))
        printf("  %s%s%s", DIM, fl_tr("not started"), RESET);
    printf("\n");
}

/* Totals over every lesson, then the pointer to what comes next. */
static void progress_finish(struct lesson *ls, int n, double secs)
{
    int pass = 0, total = 0, pts = 0, max = 0, lessons = 0;
    for (int i = 0; i < n; i++) {
        int p, f, s, lp, lm;
        lessons += !counts(&ls[i], &p, &f, &s, &lp, &lm);
        pass += p + s, total += p + f + s, pts += lp, max += lm;
    }
    printf(fl_tr("\n  %d/%d lessons · %d/%d checks · %d/%d points · %.1f s\n\n"), lessons, n, pass,
           total, pts, max, secs);
    print_next(ls, n);
}

const struct renderer progress_renderer = {progress_start, progress_begin, progress_result,
                                           progress_end, progress_finish};

/* make watch asks which lesson to start on: the first that does not pass,
 * else the last. */
static void next_finish(struct lesson *ls, int n, double secs)
{
    (void)secs;
    for (int i = 0; i < n; i++)
        if (lesson_failed(&ls[i])) {
            printf("%s\n", ls[i].name);
            return;
        }
    if (n)
        printf("%s\n", ls[n - 1].name);
}

const struct renderer next_renderer = {progress_start, progress_begin, progress_result,
                                       progress_begin_end, next_finish};
