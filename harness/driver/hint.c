/* hint.c -- make hint, and the hint catalogue behind it and behind the
 * timeout messages.
 *
 * The catalogue (harness/hints/catalog.txt) is one file of entries:
 *
 *     [04-join join_waits]          lesson and check id; "*" for the lesson's
 *     1.en: a nudge                 default, "[* *]" for every lesson
 *     1.zh: 提示
 *     2.en: the POSIX call to use
 *     3.en: the shape of the code
 *       a line that starts with spaces continues the one above
 *     timeout.en: what a timeout of this check usually means
 *
 * A check's stage k is its own "k" text, else its lesson's.  The reader's
 * language is the message catalogue's (fl_lang: FORKLAB_LANG, else zh when
 * LC_ALL, LC_MESSAGES or LANG starts with zh); a text missing in Chinese is
 * shown in English.
 * make hint keeps, per check, the last stage shown in a small file
 * (.forklab-hints) the learner may delete to start over. */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

struct entry {
    char *lesson, *id, *key, *lang, *text;
};

static struct entry *cat;
static int ncat, loaded;

/* s without its leading and trailing blanks (changed in place). */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Reads the catalogue once; a missing one is an empty one. */
static void load(void)
{
    if (loaded)
        return;
    loaded = 1;
    FILE *f = fopen(opt.catalog, "r");
    if (!f)
        return;
    char *line = NULL, lesson[128] = "", id[128] = "";
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '#')
            continue;
        if ((line[0] == ' ' || line[0] == '\t') && ncat && *trim(line)) {
            struct entry *e = &cat[ncat - 1];   /* a continuation */
            char *t = trim(line);
            size_t a = strlen(e->text), b = strlen(t);
            e->text = realloc(e->text, a + b + 2);
            e->text[a] = '\n';
            memcpy(e->text + a + 1, t, b + 1);
            continue;
        }
        char *s = trim(line);
        if (*s == '[') {
            if (sscanf(s, "[%127s %127[^]]]", lesson, id) != 2)
                lesson[0] = id[0] = '\0';
            continue;
        }
        char *colon = strchr(s, ':'), *dot = strchr(s, '.');
        if (!*lesson || !colon || !dot || dot > colon)
            continue;
        *colon = *dot = '\0';
        cat = realloc(cat, sizeof *cat * (size_t)(ncat + 1));
        cat[ncat++] = (struct entry){strdup(lesson), strdup(id), strdup(s), strdup(trim(dot + 1)),
                                     strdup(trim(colon + 1))};
    }
    free(line);
    fclose(f);
}

/* The catalogue's text for exactly (lesson, id, key, lang), or NULL. */
static const char *find(const char *lesson, const char *id, const char *key, const char *lang)
{
    for (int i = 0; i < ncat; i++)
        if (!strcmp(cat[i].lesson, lesson) && !strcmp(cat[i].id, id) &&
            !strcmp(cat[i].key, key) && !strcmp(cat[i].lang, lang))
            return cat[i].text;
    return NULL;
}

/* See driver.h: the reader's language, else English. */
const char *hint_text(const char *lesson, const char *id, const char *key)
{
    load();
    const char *t = find(lesson, id, key, fl_lang());
    return t ? t : find(lesson, id, key, "en");
}

/* The text of stage k for a check: its own, else the lesson's. */
static const char *stage_text(const char *lesson, const char *id, int k)
{
    char key[8];
    snprintf(key, sizeof key, "%d", k);
    const char *t = hint_text(lesson, id, key);
    return t ? t : hint_text(lesson, "*", key);
}

/* How many stages a check's hint has (its own or its lesson's): 0 when
 * the catalogue has none. */
int hint_stages(const char *lesson, const char *id)
{
    int n = 0;
    for (int k = 1; k <= 9; k++)
        if (stage_text(lesson, id, k))
            n = k;
    return n;
}

/* The text under "## section" in the lesson's README (a section of another
 * lesson is "NN-name § Title"), from README.zh.md for a reader of Chinese
 * where it has the section, or NULL. */
char *readme_section(const char *lesson, const char *section)
{
    char name[256], path[4600];
    const char *file = readme_place(lesson, section, name, sizeof name, &section);
    snprintf(path, sizeof path, "%s/lessons/%s/%s", opt.root, name, file);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *line = NULL, *out = NULL;
    size_t cap = 0, len = 0;
    int in = 0;
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '#') {
            if (in)
                break;
            char *t = line, *comment = strstr(line, "<!--");
            while (*t == '#')
                t++;
            if (comment)
                *comment = '\0';   /* README.zh.md: the English heading, as a comment */
            in = !strcmp(trim(t), section);
            continue;
        }
        if (in) {
            size_t k = strlen(line);
            out = realloc(out, len + k + 1);
            memcpy(out + len, line, k + 1);
            len += k;
        }
    }
    free(line);
    fclose(f);
    return out;
}

/* The stage last shown for (lesson, id) in the state file: 0 when none. */
static int last_stage(const char *lesson, const char *id)
{
    FILE *f = fopen(opt.state, "r");
    if (!f)
        return 0;
    char line[512], l[128], i[128];
    int k, got = 0;
    while (fgets(line, sizeof line, f))
        if (line[0] != '#' && sscanf(line, "%127s %127s %d", l, i, &k) == 3 &&
            !strcmp(l, lesson) && !strcmp(i, id))
            got = k;
    fclose(f);
    return got;
}

/* Notes in the state file that stage was shown for (lesson, id). */
static void remember(const char *lesson, const char *id, int stage)
{
    FILE *f = fopen(opt.state, "a");
    if (!f)
        return;   /* a read-only kit: every hint is the first, still a hint */
    if (ftell(f) == 0)
        fprintf(f, "# forklab: the hints make hint has shown (lesson, check, stage).\n"
                   "# Delete this file to start the hints over.\n");
    fprintf(f, "%s %s %d\n", lesson, id, stage);
    fclose(f);
}

/* Prints the next hint for l's first failing check (or why there is none:
 * the lesson does not build, is missing, or passes) and remembers the stage;
 * returns 1 when l needs work, 0 when it passes. */
int hint_show(struct lesson *l)
{
    char num[16];
    lesson_number(l->name, num, sizeof num);
    if (l->status == MISSING) {
        printf(fl_tr("There is no %s/%s yet: copy it from exercises/.\n"), opt.work, l->name);
        return 1;
    }
    if (l->status == BUILD_FAILED) {
        printf(fl_tr("%s/%s does not compile yet; the first thing the compiler said:\n"), opt.work,
               l->name);
        char *log = l->log ? l->log : "";
        char *err = strstr(log, "error");
        char *start = err ? err : log;
        while (start > log && start[-1] != '\n')
            start--;
        printf("  %.*s\n", (int)strcspn(start, "\n"), start);
        printf(fl_tr("make check LESSON=%s shows all of it.\n"), num);
        return 1;
    }
    const struct result *r = NULL;
    for (int i = 0; i < l->n && !r; i++)
        if (!strcmp(l->r[i].verdict, "fail"))
            r = &l->r[i];
    if (!r) {
        printf(fl_tr("%s passes every check: no hint needed.\n"), l->name);
        print_next(l, 1);
        return 0;
    }
    char ref[512];
    section_ref(l->name, r->section, ref, sizeof ref);
    int stages = hint_stages(l->name, r->id);
    int stage = last_stage(l->name, r->id) + 1;
    printf(fl_tr("The first ✗ of %s: %s%s%s  (%s)\n"), l->name, BOLD, r->title, RESET, r->id);
    indent_label("  ", fl_tr("expected"), 10, r->expected);
    indent_label("  ", fl_tr("observed"), 10, r->observed);
    printf("\n");
    if (stages == 0) {
        char *text = readme_section(l->name, r->section);
        printf(fl_tr("No hint for this check yet; the lesson says, in %s:\n\n"), ref);
        indent("  ", text ? text : fl_tr("(the section was not found)\n"));
        free(text);
        return 1;
    }
    if (stage > stages)
        stage = stages;
    static const char *const names[] = {"", N_("a nudge"), N_("the call to use"),
                                        N_("the shape of the code")};
    printf(fl_tr("%sHint %d of %d%s (%s):\n"), YELLOW, stage, stages, RESET,
           stage <= 3 ? fl_tr(names[stage]) : "");
    indent("  ", stage_text(l->name, r->id, stage));
    printf("\n");
    if (stage < stages)
        printf(fl_tr("make hint LESSON=%s again for the next step; read %s too.\n"), num, ref);
    else
        printf(fl_tr("That is the last hint for this check: read %s again, or watch the check run:"
                     " make debug LESSON=%s CHECK=%s\n"), ref, num, r->id);
    printf(fl_tr("%s(rm %s starts the hints over)%s\n"), DIM, opt.state, RESET);
    if (stage > last_stage(l->name, r->id))
        remember(l->name, r->id, stage);
    return 1;
}

/* make hint: nothing while the lesson runs, the hint after. */
static void hint_start(struct lesson *ls, int n)
{
    (void)ls;
    (void)n;
}

/* Nothing to say before a lesson or per check: the hint needs them all. */
static void hint_begin(const struct lesson *l)
{
    (void)l;
}

/* As hint_begin. */
static void hint_result(const struct lesson *l, const struct result *r)
{
    (void)l;
    (void)r;
}

/* As hint_begin. */
static void hint_end(const struct lesson *l, int index)
{
    (void)l;
    (void)index;
}

/* The hint is for the first lesson that does not pass (make hint without
 * LESSON= runs them all). */
static void hint_finish(struct lesson *ls, int n, double secs)
{
    (void)secs;
    for (int i = 0; i < n; i++)
        if (lesson_failed(&ls[i]) || i == n - 1) {
            hint_show(&ls[i]);
            return;
        }
}

const struct renderer hint_renderer = {hint_start, hint_begin, hint_result, hint_end,
                                       hint_finish};
