/* records.c -- escape and split the checker's record lines. */
#include "records.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A hang's observed text: verdict.c writes it, the driver tells a hang by
 * its first words (before the first conversion), in either language. */
const char *const fl_msg_timed_out =
    N_("timed out after %g s while %s (a check that times out usually waits for something that "
       "never comes: a pipe end left open, a child that was never started or never ends, a wait "
       "for the wrong pid)");
const char *const fl_msg_deadlock =
    N_("deadlock while %s, found after %.1f s: every process of the check waits for something "
       "only another of them could do: %s");

void fl_rec_put(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\\')
            fputs("\\\\", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\x%02x", *p);
        else
            fputc(*p, f);
    }
}

static void unescape(char *s)
{
    char *out = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) {
            *out++ = *p;
            continue;
        }
        p++;
        if (*p == 't')
            *out++ = '\t';
        else if (*p == 'n')
            *out++ = '\n';
        else if (*p == 'x' && p[1] && p[2]) {
            char hex[3] = {p[1], p[2], 0};
            *out++ = (char)strtol(hex, NULL, 16);
            p += 2;
        } else
            *out++ = *p;
    }
    *out = '\0';
}

int fl_rec_split(char *line, char **fields)
{
    int n = 0;
    char *p = line;
    while (n < FL_MAX_FIELDS) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    for (int i = 0; i < n; i++)
        unescape(fields[i]);
    return n;
}
