/* driver.h -- the pieces of forklab, the driver behind `make check`.
 *
 * run.c runs lessons' checkers (several at once) and settles what each
 * lesson's checks came to; render_human.c, render_tap.c, render_json.c turn
 * the results into words, TAP and JSON; hint.c reads the hint catalogue;
 * text.c holds the output helpers they share.  driver.c parses options and
 * ties them together.  Renderers see a lesson only through the events
 * below, delivered in lesson order whatever order the checkers ended in. */
#ifndef FL_DRIVER_H
#define FL_DRIVER_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "../fl.h"   /* fl_tr, fl_lang: the message catalogue */

enum format { HUMAN, TAP, TAP13, JSON, PROGRESS, HINT, NEXT };
enum lstatus { RAN, BUILD_FAILED, MISSING, CRASHED };
extern const char *const lstatus_names[];

struct result {
    char *id, *title, *verdict, *section, *expected, *observed, *notes, *output;
    int points;
    double seconds;
    long output_bytes;
};

struct decl {
    char *id, *title, *section;
    int points;
};

struct lesson {
    char name[128];
    char dir[4096];       /* the lesson's build folder */
    enum lstatus status;
    char *log;            /* compiler messages, or why the checker crashed */
    struct result *r;
    int n;
    struct decl *d;       /* the checks the kit declares for the lesson */
    int nd;
    /* the runner's bookkeeping */
    int started;          /* a worker has been started for it */
    int workers;          /* its workers still running */
    int asked;            /* its declared checks handed to a worker so far */
    int done;             /* settled: every declared check has a result */
};

/* What the command line asked for (driver.c fills it in). */
struct options {
    enum format fmt;
    int color;
    int jobs;             /* checks run at once (0: 8 a CPU) */
    int full;             /* human: every check, even of an unstarted lesson */
    int brief;            /* human: the first failure in full, the rest in a line */
    const char *work;     /* how the student calls the work folder */
    const char *kit;      /* the kit's build folder (build/harness) */
    const char *catalog;  /* the hint catalogue */
    const char *root;     /* the kit's source folder: lessons/, harness/ */
    const char *state;    /* where make hint keeps its stages */
    char **only;          /* --only IDs, or NULL */
    int nonly;
    char **alone;         /* lessons run while nothing else runs */
    int nalone;
};
extern struct options opt;

/* Events a renderer gets, in lesson order.  begin: before the lesson's
 * first result; result: one settled check (may arrive while later checks
 * still run); end: the lesson is settled (status, log, every declared
 * check has its result). */
struct renderer {
    void (*start)(struct lesson *ls, int n);
    void (*begin)(const struct lesson *l);
    void (*result)(const struct lesson *l, const struct result *r);
    void (*end)(const struct lesson *l, int index);
    /* After every lesson; returns nothing, prints totals. */
    void (*finish)(struct lesson *ls, int n, double seconds);
};

/* run.c */
extern char sandbox_words[400];
void ask_sandbox(struct lesson *ls, int n);
/* The lesson's checks as the kit declares them (KIT/lessons/L/list), those
 * --only names when it is given. */
void load_declared(struct lesson *l);
/* Runs every lesson's checker, opt.jobs at once (the opt.alone ones while
 * nothing else runs), delivering events to r in lesson order. */
void run_lessons(struct lesson *ls, int n, const struct renderer *r);
int lesson_failed(const struct lesson *l);
void free_lessons(struct lesson *ls, int n);
int is_enosys(const struct result *r);
int not_started(const struct lesson *l);
int counts(const struct lesson *l, int *pass, int *fail, int *skip, int *pts, int *max);

/* text.c */
extern int color;
const char *paint(const char *code);
#define GREEN paint("\033[32m")
#define RED paint("\033[31m")
#define YELLOW paint("\033[33m")
#define DIM paint("\033[2m")
#define BOLD paint("\033[1m")
#define RESET paint("\033[0m")
void put_safe(const char *s);
/* s as put_safe prints it, in a new string (malloc'd; NULL without memory),
 * for a format that puts it inside a sentence. */
char *safe_text(const char *s);
void indent(const char *prefix, const char *text);
void section_ref(const char *lesson, const char *section, char *out, size_t size);
/* The lesson's text for the reader: "README.zh.md" when the reader reads
 * Chinese and the lesson has one, else "README.md". */
const char *readme_file(const char *lesson);
/* Where a check's section is: its lesson ("NN-name § Title" names another
 * than `lesson`) into name, the file (as readme_file, but README.md when
 * the Chinese text has no heading in that place), and the heading there
 * (*heading: the Chinese one for README.zh.md). */
const char *readme_place(const char *lesson, const char *section, char *name, size_t nsize,
                         const char **heading);
/* Prints text under prefix + label, the label padded to `width` columns
 * (a Chinese character takes two), as indent() does. */
void indent_label(const char *prefix, const char *label, int width, const char *text);
void json_str(FILE *f, const char *s);
char *slurp(const char *path, size_t cap);
const char *lesson_number(const char *name, char *out, size_t size);

/* hint.c */
/* The catalogue's text for (lesson, id, key) in the reader's language, or
 * NULL; key is "1", "2", "3" (the stages) or "timeout".  id "*" is the
 * lesson's default.  The returned text lives until the program ends. */
const char *hint_text(const char *lesson, const char *id, const char *key);
int hint_stages(const char *lesson, const char *id);
/* make hint: the next stage for the lesson's first failing check. */
int hint_show(struct lesson *l);
/* The text under "## section" of the lesson's README, or NULL. */
char *readme_section(const char *lesson, const char *section);

/* renderers */
extern const struct renderer human_renderer, tap_renderer, json_renderer,
    progress_renderer, hint_renderer, next_renderer;
/* What a timeout or deadlock of r usually means (the catalogue's words), or
 * NULL when r is no timeout. */
const char *hang_hint(const struct lesson *l, const struct result *r);
/* The one-line pointer "Next: ..." that make check and make progress end with. */
void print_next(struct lesson *ls, int n);

#endif
