/* render_json.c -- one JSON document for tools: every lesson, every check
 * with its verdict, points and, for a failure, expected / observed / read. */
#include "driver.h"

#include <string.h>

/* JSON is one document written at the end: the events before it are
 * ignored. */
static void json_start(struct lesson *ls, int n)
{
    (void)ls;
    (void)n;
}

/* As json_start. */
static void json_begin(const struct lesson *l)
{
    (void)l;
}

/* As json_start. */
static void json_result(const struct lesson *l, const struct result *r)
{
    (void)l;
    (void)r;
}

/* As json_start. */
static void json_end(const struct lesson *l, int index)
{
    (void)l;
    (void)index;
}

/* Everything at once: the totals head no lesson, so the document is
 * written when every lesson is settled. */
static void json_finish(struct lesson *ls, int n, double secs)
{
    int pass = 0, fail = 0, skip = 0, pts = 0, max = 0;
    printf("{\n  \"forklab\": 1,\n  \"work\": ");
    json_str(stdout, opt.work);
    printf(",\n  \"sandbox\": ");
    json_str(stdout, sandbox_words);
    printf(",\n  \"lessons\": [");
    for (int i = 0; i < n; i++) {
        struct lesson *l = &ls[i];
        printf("%s\n    {\"lesson\": ", i ? "," : "");
        json_str(stdout, l->name);
        printf(", \"status\": \"%s\", \"log\": ", lstatus_names[l->status]);
        json_str(stdout, l->log ? l->log : "");
        printf(", \"checks\": [");
        for (int j = 0; j < l->n; j++) {
            struct result *r = &l->r[j];
            int ok = !strcmp(r->verdict, "pass"), skipped = !strcmp(r->verdict, "skip");
            pass += ok, skip += skipped, fail += !strcmp(r->verdict, "fail");
            pts += ok || skipped ? r->points : 0, max += r->points;
            char ref[512];
            section_ref(l->name, r->section, ref, sizeof ref);
            printf("%s\n      {\"id\": ", j ? "," : "");
            json_str(stdout, r->id);
            printf(", \"title\": ");
            json_str(stdout, r->title);
            printf(", \"verdict\": \"%s\", \"points\": %d, \"score\": %d, \"seconds\": %.4f",
                   r->verdict, r->points, ok || skipped ? r->points : 0, r->seconds);
            const char *keys[] = {"expected", "observed", "read", "notes", "output"};
            const char *vals[] = {r->expected, r->observed, ok ? "" : ref, r->notes, r->output};
            for (int k = 0; k < 5; k++) {
                printf(", \"%s\": ", keys[k]);
                json_str(stdout, vals[k]);
            }
            printf(", \"output_bytes\": %ld}", r->output_bytes);
        }
        printf("%s]}", l->n ? "\n    " : "");
    }
    printf("\n  ],\n  \"passed\": %d, \"failed\": %d, \"skipped\": %d, \"points\": %d, "
           "\"max_points\": %d, \"seconds\": %.3f\n}\n", pass, fail, skip, pts, max, secs);
}

const struct renderer json_renderer = {json_start, json_begin, json_result, json_end,
                                       json_finish};
