/* render_tap.c -- TAP for tools: a test point a lesson, each with a subtest
 * of a test point a check; a failure's YAML block says expected, observed
 * and where to read.
 *
 * --format tap writes TAP version 14 (node-tap, tap-parser); --format tap13
 * the same stream as TAP version 13, for parsers that refuse 14 (Perl's
 * TAP::Harness 3.44 in prove): they read the lesson test points and their
 * YAML, and pass over the indented subtests as comments. */
#include "driver.h"

#include <string.h>

/* A description: one line, '#' and '\' escaped (TAP 14 § Escaping). */
static void tap_desc(const char *s)
{
    for (; *s; s++) {
        if (*s == '#' || *s == '\\')
            putchar('\\');
        putchar(*s == '\n' || *s == '\r' ? ' ' : *s);
    }
}

/* One "key: value" line of a YAML diagnostic block, value quoted. */
static void tap_yaml(const char *pad, const char *key, const char *value)
{
    printf("%s  %s: ", pad, key);
    json_str(stdout, value);   /* a JSON string is a YAML flow scalar */
    putchar('\n');
}

/* The version line (13 or 14) and the sandbox as a comment. */
static void tap_start(struct lesson *ls, int n)
{
    (void)ls;
    (void)n;
    printf("TAP version %d\n# sandbox: %s\n", opt.fmt == TAP13 ? 13 : 14, sandbox_words);
}

/* A lesson is written whole at its end (its plan needs its count). */
static void tap_begin(const struct lesson *l)
{
    (void)l;
}

/* As tap_begin. */
static void tap_result(const struct lesson *l, const struct result *r)
{
    (void)l;
    (void)r;
}

/* The lesson's subtest, a test point a check, then the lesson's own
 * test point (test point index) with its problem if it did not run. */
static void tap_end(const struct lesson *l, int index)
{
    printf("# Subtest: %s\n", l->name);
    int ok = l->status == RAN;
    if (l->status != RAN) {
        const char *why = l->status == BUILD_FAILED ? fl_tr("did not compile")
                          : l->status == MISSING    ? fl_tr("missing")
                                                    : fl_tr("checker crashed");
        printf("    # %s: %s\n", l->name, why);
    }
    printf("    1..%d\n", l->n);
    for (int i = 0; i < l->n; i++) {
        const struct result *r = &l->r[i];
        int pass = strcmp(r->verdict, "fail") != 0;
        ok &= pass;
        printf("    %sok %d - ", pass ? "" : "not ", i + 1);
        tap_desc(r->title);
        if (!strcmp(r->verdict, "skip")) {
            printf(" # SKIP ");
            tap_desc(r->notes);
        }
        putchar('\n');
        if (!pass) {
            char ref[512];
            section_ref(l->name, r->section, ref, sizeof ref);
            printf("      ---\n");
            tap_yaml("    ", "id", r->id);
            tap_yaml("    ", "expected", r->expected);
            tap_yaml("    ", "observed", r->observed);
            tap_yaml("    ", "read", ref);
            if (*r->notes)
                tap_yaml("    ", "notes", r->notes);
            if (hang_hint(l, r))
                tap_yaml("    ", "hint", hang_hint(l, r));
            if (r->output_bytes)
                tap_yaml("    ", "output", r->output);
            printf("      ...\n");
        }
    }
    printf("%sok %d - %s\n", ok ? "" : "not ", index, l->name);
    if (l->status == BUILD_FAILED || l->status == CRASHED) {
        printf("  ---\n");
        tap_yaml("", "problem", lstatus_names[l->status]);
        tap_yaml("", "log", l->log ? l->log : "");
        printf("  ...\n");
    }
}

/* The plan: one test point a lesson. */
static void tap_finish(struct lesson *ls, int n, double secs)
{
    (void)ls;
    (void)secs;
    printf("1..%d\n", n);
}

const struct renderer tap_renderer = {tap_start, tap_begin, tap_result, tap_end, tap_finish};
