/* text.c -- output helpers every renderer shares: colour, escaping of what
 * student code printed, JSON strings, README references. */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

int color;

/* The escape code when colour is on, else nothing. */
const char *paint(const char *code)
{
    return color ? code : "";
}

/* Text from a check's record may hold what student code printed: control
 * characters are shown, never sent to the terminal (an escape sequence
 * could rewrite what the reader sees).  Newlines and tabs stay. */
void put_safe(const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f)
            printf("^%c", *c == 0x7f ? '?' : *c + '@');
        else
            putchar(*c);
    }
}

/* See driver.h. */
char *safe_text(const char *s)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        n += (*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f ? 2 : 1;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if ((*c < 0x20 && *c != '\n' && *c != '\t') || *c == 0x7f) {
            *o++ = '^';
            *o++ = (char)(*c == 0x7f ? '?' : *c + '@');
        } else {
            *o++ = (char)*c;
        }
    }
    *o = '\0';
    return out;
}

/* Prints every line of text after prefix, made safe. */
void indent(const char *prefix, const char *text)
{
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        int len = nl ? (int)(nl - s) : (int)strlen(s);
        char *piece = strndup(s, (size_t)len);
        printf("%s", prefix);
        put_safe(piece ? piece : "");
        putchar('\n');
        free(piece);
        s += len + (nl ? 1 : 0);
    }
}

/* Columns a label takes on a terminal: a character of three or more bytes
 * (Chinese) takes two. */
static int columns(const char *s)
{
    int n = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        if ((*c & 0xc0) != 0x80)
            n += *c >= 0xe0 ? 2 : 1;
    return n;
}

/* See driver.h. */
void indent_label(const char *prefix, const char *label, int width, const char *text)
{
    char line[256];
    int pad = width - columns(label);
    snprintf(line, sizeof line, "%s%s%*s", prefix, label, pad > 1 ? pad : 1, "");
    indent(line, text);
}

/* ---- the lesson to read, in the reader's language ----
 *
 * Checks name sections by their English headings (README.md).  A lesson's
 * README.zh.md has the same "## " headings in the same order
 * (tests/test_lessons_zh.py sees to it), so the Chinese heading of a
 * section is the one at the same place. */

#define MAX_HEADINGS 64

/* A README's "## " headings (outside fenced code, a trailing <!-- -->
 * comment left out), read once. */
struct headings {
    char path[4400];
    int n;                /* -1: no such file */
    char *h[MAX_HEADINGS];
};

/* The headings of FILE in lesson's folder, from a small cache. */
static const struct headings *headings_of(const char *lesson, const char *file)
{
    static struct headings cache[32];
    static int next;
    char path[4400];
    snprintf(path, sizeof path, "%s/lessons/%s/%s", opt.root ? opt.root : ".", lesson, file);
    for (int i = 0; i < 32; i++)
        if (!strcmp(cache[i].path, path))
            return &cache[i];
    struct headings *c = &cache[next++ % 32];
    for (int i = 0; i < c->n; i++)
        free(c->h[i]);
    snprintf(c->path, sizeof c->path, "%s", path);
    c->n = -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return c;
    c->n = 0;
    char *line = NULL;
    size_t cap = 0;
    int fence = 0;
    while (getline(&line, &cap, f) > 0) {
        const char *t = line + strspn(line, " ");
        if (t - line <= 3 && (!strncmp(t, "```", 3) || !strncmp(t, "~~~", 3))) {
            fence = !fence;
            continue;
        }
        if (fence || strncmp(line, "## ", 3) || line[3] == '#' || c->n == MAX_HEADINGS)
            continue;
        char *h = line + 3, *comment = strstr(h, "<!--");
        if (comment)
            *comment = '\0';
        size_t k = strlen(h);
        while (k && (h[k - 1] == ' ' || h[k - 1] == '\t' || h[k - 1] == '\n' || h[k - 1] == '\r'))
            h[--k] = '\0';
        c->h[c->n++] = strdup(h);
    }
    free(line);
    fclose(f);
    return c;
}

/* See driver.h. */
const char *readme_file(const char *lesson)
{
    if (strcmp(fl_lang(), "zh"))
        return "README.md";
    return headings_of(lesson, "README.zh.md")->n >= 0 ? "README.zh.md" : "README.md";
}

/* See driver.h. */
const char *readme_place(const char *lesson, const char *section, char *name, size_t nsize,
                         const char **heading)
{
    const char *mark = strstr(section, " § ");
    if (mark) {
        snprintf(name, nsize, "%.*s", (int)(mark - section), section);
        section = mark + strlen(" § ");
    } else {
        snprintf(name, nsize, "%s", lesson);
    }
    *heading = section;
    if (strcmp(readme_file(name), "README.zh.md"))
        return "README.md";
    const struct headings *en = headings_of(name, "README.md");
    const struct headings *zh = headings_of(name, "README.zh.md");
    for (int i = 0; i < en->n; i++)
        if (!strcmp(en->h[i], section)) {
            if (i >= zh->n || en->n != zh->n)
                break;   /* the two texts are out of step: the English one is sure */
            *heading = zh->h[i];
            return "README.zh.md";
        }
    return "README.md";
}

/* "Title" names a section of this lesson; "NN-name § Title" one of another.
 * Writes "lessons/NN-name/README.md § Title" into out, or, for a reader of
 * Chinese, "lessons/NN-name/README.zh.md § 标题" where there is one. */
void section_ref(const char *lesson, const char *section, char *out, size_t size)
{
    char name[256];
    const char *heading, *file = readme_place(lesson, section, name, sizeof name, &heading);
    snprintf(out, size, "lessons/%s/%s § %s", name, file, heading);
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static int utf8_len(const unsigned char *s)
{
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
                            : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (n == 2 && s[0] < 0xc2)
        return 0;   /* overlong */
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

/* Writes str to f as a JSON string (also a YAML flow scalar); bytes that
 * are not UTF-8 become U+FFFD, so the document always parses. */
void json_str(FILE *f, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    fputc('"', f);
    while (*s) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s++);
        else if (*s == '\n')
            fputs("\\n", f), s++;
        else if (*s == '\t')
            fputs("\\t", f), s++;
        else if (*s < 0x20 || *s == 0x7f)
            fprintf(f, "\\u%04x", *s++);
        else {
            int n = utf8_len(s);
            if (n == 0) {
                fputs("\\ufffd", f);   /* not UTF-8: say so, keep the rest */
                s++;
            } else {
                fwrite(s, 1, (size_t)n, f);
                s += n;
            }
        }
    }
    fputc('"', f);
}

/* The first cap bytes of a file, NUL-terminated (malloc'd), or NULL. */
char *slurp(const char *path, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *buf = malloc(cap + 1);
    size_t n = buf ? fread(buf, 1, cap, f) : 0;
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    return buf;
}

/* "04" for "04-join": what LESSON= takes. */
const char *lesson_number(const char *name, char *out, size_t size)
{
    snprintf(out, size, "%.*s", (int)strcspn(name, "-"), name);
    return out;
}
