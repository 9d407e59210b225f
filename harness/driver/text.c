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

/* "Title" names a section of this lesson; "NN-name § Title" one of another.
 * Writes "lessons/NN-name/README.md § Title" into out. */
void section_ref(const char *lesson, const char *section, char *out, size_t size)
{
    const char *mark = strstr(section, " § ");
    if (mark)
        snprintf(out, size, "lessons/%.*s/README.md%s", (int)(mark - section), section, mark);
    else
        snprintf(out, size, "lessons/%s/README.md § %s", lesson, section);
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
