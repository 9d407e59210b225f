/* render_human.c -- make check for people: a ✓ or a ✗ a check, each ✗ with
 * what was expected, what happened and where to read.
 *
 * A lesson nobody has started (nothing passes, most checks get the stubs'
 * ENOSYS: not_started) takes one line instead of one ✗ a check when several lessons run; `make
 * check LESSON=NN` (one lesson) or --full shows each.  --brief (make watch)
 * shows the first failure in full and every other check in a line. */
#include "driver.h"
#include "../internal.h"   /* the hang texts */

#include <stdlib.h>
#include <string.h>

static int collapse;      /* one line for a lesson not started */
static int holding;       /* the lesson's results so far (all failures) are held back */
static int held;          /* how many */
static int header_done;
static int shown_full;    /* brief: a failure was shown in full */
static int any_collapsed;
static int stub_hint_given;
static int gap;           /* a blank line is due before a one-line lesson */

/* Columns of a failure's labels ("expected  "), whatever the language. */
#define LABEL 10

static void header(const struct lesson *l)
{
    if (header_done)
        return;
    header_done = 1;
    gap = 1;
    printf("\n%s%s%s  %s(lessons/%s/%s)%s\n", BOLD, l->name, RESET, DIM, l->name,
           readme_file(l->name), RESET);
    if (l->status == RAN && l->log && *l->log) {
        printf("  %s%s%s\n", YELLOW,
               fl_tr("⚠ your code compiled with warnings: fix them, they often point at the bug"),
               RESET);
        indent("", l->log);
    }
}

/* The run's first lines: what is checked, and how it is contained. */
static void human_start(struct lesson *ls, int n)
{
    (void)ls;
    collapse = n > 1 && !opt.full && !opt.brief;
    gap = 1;
    if (n == 1)
        printf(fl_tr("forklab: checking %s/ (1 lesson)\n"), opt.work);
    else
        printf(fl_tr("forklab: checking %s/ (%d lessons)\n"), opt.work, n);
    printf(fl_tr("sandbox: %s\n"), sandbox_words);
}

/* A lesson starts: its heading now, or held back until it is clear that
 * the lesson was started at all. */
static void human_begin(const struct lesson *l)
{
    header_done = shown_full = 0;
    holding = collapse && !(l->log && *l->log);
    held = 0;
    if (!holding)
        header(l);
}

/* Whether text begins as message `id` does up to its first conversion,
 * in English or in Chinese (a checker and its driver may have been told
 * different languages). */
static int begins_as(const char *text, const char *id)
{
    const char *forms[] = {id, fl_tr_zh(id)};
    for (int i = 0; i < 2; i++) {
        size_t n = strcspn(forms[i], "%");
        if (n >= 2 && !strncmp(text, forms[i], n))
            return 1;
    }
    return 0;
}

/* The hint that comes with a timeout or a deadlock: the catalogue's for
 * the check or the lesson, else the general one; NULL for other failures. */
const char *hang_hint(const struct lesson *l, const struct result *r)
{
    if (!begins_as(r->observed, fl_msg_timed_out) && !begins_as(r->observed, fl_msg_deadlock))
        return NULL;
    const char *h = hint_text(l->name, r->id, "timeout");
    if (!h)
        h = hint_text(l->name, "*", "timeout");
    if (!h)
        h = hint_text("*", "*", "timeout");
    return h ? h : fl_tr("a check that times out usually waits for something that never comes: "
                         "a pipe end left open, a child never started, a join of the wrong pid");
}

/* One check: ✓ in a line; a skip with why and how to run it anyway; a ✗
 * with expected, observed, where to read, and a hint for a timeout. */
static void print_result(const struct lesson *l, const struct result *r)
{
    char num[16];
    lesson_number(l->name, num, sizeof num);
    if (!strcmp(r->verdict, "pass")) {
        printf("  %s✓%s %s\n", GREEN, RESET, r->title);
        return;
    }
    if (!strcmp(r->verdict, "skip")) {
        char *why = safe_text(*r->notes ? r->notes : fl_tr("the check asked to be skipped"));
        printf("  %s–%s %s %s", YELLOW, RESET, r->title, DIM);
        printf(fl_tr("(skipped: %s)"), why ? why : "");
        printf("%s\n", RESET);
        free(why);
        if (!opt.brief) {
            printf("      %s", DIM);
            printf(fl_tr("run it anyway: make check LESSON=%s ONLY=%s FORCE=1"), num, r->id);
            printf("%s\n", RESET);
        }
        return;
    }
    char ref[512];
    section_ref(l->name, r->section, ref, sizeof ref);
    if (opt.brief && shown_full) {
        printf("  %s✗%s %s  %s(%s)%s\n", RED, RESET, r->title, DIM, r->id, RESET);
        return;
    }
    shown_full = 1;
    printf("  %s✗%s %s%s%s\n", RED, RESET, BOLD, r->title, RESET);
    indent_label("      ", fl_tr("expected"), LABEL, r->expected);
    indent_label("      ", fl_tr("observed"), LABEL, r->observed);
    indent_label("      ", fl_tr("read"), LABEL, ref);
    if (*r->notes)
        indent_label("      ", fl_tr("note"), LABEL, r->notes);
    const char *hint = hang_hint(l, r);
    if (hint)
        indent_label("      ", fl_tr("hint"), LABEL, hint);
    if (r->output_bytes > 0) {
        printf("      %s", DIM);
        if (r->output_bytes > (long)strlen(r->output))
            printf(fl_tr("your code printed %ld bytes (the first shown):"), r->output_bytes);
        else
            printf(fl_tr("your code printed %ld bytes:"), r->output_bytes);
        printf("%s\n", RESET);
        indent("        | ", r->output);
    }
}

/* Lets go of the results held back while they all looked like a stub's. */
static void release(const struct lesson *l)
{
    if (!holding)
        return;
    holding = 0;
    header(l);
    for (int i = 0; i < held; i++)
        print_result(l, &l->r[i]);
}

/* A settled check: printed, or held back while every check so far failed. */
static void human_result(const struct lesson *l, const struct result *r)
{
    if (l->status != RAN)
        return;   /* a lesson that could not run says so once, at its end */
    if (holding && !strcmp(r->verdict, "fail")) {
        held++;
        return;
    }
    release(l);
    print_result(l, r);
}

/* Why a lesson could not run: its compiler messages, its absence, or its
 * checker's death, and that its checks count as failed. */
static void lesson_problem(const struct lesson *l)
{
    if (l->status == BUILD_FAILED) {
        printf("  %s", RED);
        printf(fl_tr("✗ your code in %s/%s did not compile, so none of its checks ran."),
               opt.work, l->name);
        printf("%s\n%s", RESET, fl_tr("    The compiler said:\n"));
        indent("    | ", l->log);
    } else if (l->status == MISSING) {
        printf("  %s", RED);
        printf(fl_tr("✗ there is no %s/%s: copy it from exercises/ to work on it."), opt.work,
               l->name);
        printf("%s\n", RESET);
    } else if (l->status == CRASHED) {
        char *why = safe_text(l->log ? l->log : "");
        printf("  %s", RED);
        printf(fl_tr("✗ %s: every check of this lesson counts as failed"), why ? why : "");
        printf("%s\n", RESET);
        free(why);
    }
    if (l->status != RAN && l->n) {
        printf("  %s", RED);
        if (l->n == 1)
            printf(fl_tr("✗ 1 check of %s not run: it counts as failed, with its points"),
                   l->name);
        else
            printf(fl_tr("✗ %d checks of %s not run: each counts as failed, with its points"),
                   l->n, l->name);
        printf("%s\n", RESET);
    }
}

/* A lesson is settled: one line if it was never started, else what was
 * held back, its problem, and where to get a hint. */
static void human_end(const struct lesson *l, int index)
{
    (void)index;
    char num[16];
    lesson_number(l->name, num, sizeof num);
    if (holding && held == l->n && not_started(l)) {
        int enosys = 0;
        for (int j = 0; j < l->n; j++)
            enosys += is_enosys(&l->r[j]);
        printf("%s%s%-22s%s %s%s%s ", gap ? "\n" : "", BOLD, l->name, RESET, RED,
               fl_tr("✗ not written yet:"), RESET);
        if (enosys == l->n)
            printf(fl_tr("all %d checks get ENOSYS from the stubs"), l->n);
        else
            printf(fl_tr("0/%d checks pass, %d get ENOSYS from the stubs"), l->n, enosys);
        printf("  %s", DIM);
        printf(fl_tr("(make check LESSON=%s shows each)"), num);
        printf("%s\n", RESET);
        any_collapsed = 1;
        gap = 0;
        return;
    }
    release(l);
    header(l);
    lesson_problem(l);
    int enosys = 0, failed = 0;
    for (int j = 0; j < l->n; j++) {
        enosys |= is_enosys(&l->r[j]);
        failed |= !strcmp(l->r[j].verdict, "fail");
    }
    /* Stubs answer ENOSYS; a student seeing it for the first time deserves
     * to be told that it means "not written yet", once. */
    if (enosys && !stub_hint_given && !opt.brief) {
        printf("  %s%s%s\n  %s      %s%s\n", YELLOW,
               fl_tr("hint: \"Function not implemented\" (ENOSYS) is what the stubs in exercises/ "
                     "return:"), RESET, YELLOW, fl_tr("that function is still yours to write."),
               RESET);
        stub_hint_given = 1;
    }
    if (failed && l->status == RAN && !opt.brief) {
        printf("  %s", DIM);
        printf(fl_tr("stuck? make hint LESSON=%s: a hint for the first ✗, one step more each time"),
               num);
        printf("%s\n", RESET);
    }
}

/* The table of lessons, the totals, and the one thing to do next. */
static void human_finish(struct lesson *ls, int n, double secs)
{
    int pass = 0, fail = 0, skip = 0, pts = 0, max = 0;
    if (any_collapsed && !stub_hint_given)
        printf("\n%s%s%s\n", YELLOW,
               fl_tr("\"not written yet\": the stubs in exercises/ answer -1 with ENOSYS "
                     "(\"Function not implemented\"); those functions are yours to write."),
               RESET);
    printf("\n");
    for (int i = 0; i < n; i++) {
        int lp, lf, ls_, lpts, lmax;
        counts(&ls[i], &lp, &lf, &ls_, &lpts, &lmax);
        pass += lp, fail += lf, skip += ls_, pts += lpts, max += lmax;
        printf("  %s%-22s%s ", lf ? RED : GREEN, ls[i].name, RESET);
        printf(fl_tr("%2d/%-2d checks  %3d/%-3d points"), lp, lp + lf, lpts, lmax);
        printf("%s\n", ls[i].status == RAN            ? ""
                       : ls[i].status == BUILD_FAILED ? fl_tr("  (did not compile)")
                       : ls[i].status == MISSING      ? fl_tr("  (missing)")
                                                      : fl_tr("  (checker crashed)"));
    }
    printf("\n%s", fail ? RED : GREEN);
    printf(fl_tr("%d passed, %d failed"), pass, fail);
    printf("%s", RESET);
    printf(fl_tr(" · %d/%d points · %.2f s\n"), pts, max, secs);
    if (skip)
        printf(fl_tr("%d skipped: this machine could not test them; they keep their points\n"),
               skip);
    if (fail && !any_collapsed)
        printf("%s", fl_tr("Each ✗ says what the lesson expects, what your code did, and where to "
                           "read.\n"));
    print_next(ls, n);
}

const struct renderer human_renderer = {human_start, human_begin, human_result, human_end,
                                        human_finish};
