/* messages.c -- the message catalogue: every text a learner reads, in the
 * reader's language.
 *
 * A message's id is its English text as the C source writes it; its
 * Chinese is an entry FL_MSG("english", "中文") in harness/messages/zh/
 * (core.h for the harness, driver.h for forklab, NN-name.h for a lesson's
 * checks; tools/messages.py lists the ids and what is missing).  fl_tr()
 * returns the translation when the reader reads Chinese, else the id.
 *
 * Cheap where it runs most: in English fl_tr is one test; in Chinese the
 * table is hashed once per process at its first use (static memory, no
 * allocation: a check's caller may be out of memory on purpose), then a
 * look-up is one hash and a string compare.  An entry whose printf
 * conversions differ from its id's is never used: formatting it with the
 * id's arguments would read the wrong types. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct fl_msg {
    const char *en, *zh;
};

static const struct fl_msg catalogue[] = {
#define FL_MSG(en, zh) {en, zh},
#include "messages/zh/core.h"
#include "messages/zh/driver.h"
#include "messages/zh/01-processes.h"
#include "messages/zh/02-arguments.h"
#include "messages/zh/03-isolated-memory.h"
#include "messages/zh/04-join.h"
#include "messages/zh/05-terminate.h"
#include "messages/zh/06-zombies-orphans.h"
#include "messages/zh/07-daemon.h"
#include "messages/zh/08-process-objects.h"
#include "messages/zh/09-queue.h"
#include "messages/zh/10-producer-consumer.h"
#include "messages/zh/11-pool.h"
#include "messages/zh/12-parallelism.h"
#include "messages/zh/13-fork-exec.h"
#undef FL_MSG
    {NULL, NULL}   /* so that an empty catalogue is still an array */
};
#define NMSG (sizeof catalogue / sizeof catalogue[0] - 1)

/* Open addressing, at most half full: slot[h] is an index into the
 * catalogue plus one, 0 for empty. */
#define NSLOTS 8192
_Static_assert(NMSG * 2 <= NSLOTS, "the catalogue outgrew its hash table: raise NSLOTS");
_Static_assert(NMSG < UINT16_MAX, "slot indices are 16 bits");
static uint16_t slot[NSLOTS];

/* ---- the language ---- */

static int lang = -1;   /* 1 Chinese, 0 English, -1 not decided yet */

/* Whether a locale or language name (zh, zh_CN.UTF-8, en) is Chinese. */
static int names_chinese(const char *v)
{
    return strncmp(v, "zh", 2) == 0;
}

/* FORKLAB_LANG when set, else the first of LC_ALL, LC_MESSAGES, LANG that
 * is set (the order POSIX gives them), else English.  The environment does
 * not change under a running check, so a race between two threads
 * deciding at once decides the same. */
static int decide(void)
{
    const char *v = getenv("FORKLAB_LANG");
    if (v && *v)
        return names_chinese(v);
    static const char *const names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if ((v = getenv(names[i])) && *v)
            return names_chinese(v);
    return 0;
}

const char *fl_lang(void)
{
    int l = __atomic_load_n(&lang, __ATOMIC_RELAXED);
    if (l < 0) {
        l = decide();
        __atomic_store_n(&lang, l, __ATOMIC_RELAXED);
    }
    return l ? "zh" : "en";
}

/* ---- printf conversions ---- */

/* The next conversion of a printf format at or after *s ("%d", "%-8.3f",
 * "%zu"; "%%" is text): its start and length, *s moved past it.  Returns
 * 1 for one, 0 at the end of the text, -1 for a '%' that starts no
 * conversion (a translation that printf could misread). */
static int next_conversion(const char **s, const char **start, size_t *len)
{
    const char *p = *s;
    for (;;) {
        p = strchr(p, '%');
        if (!p) {
            *s = p;
            return 0;
        }
        if (p[1] != '%')
            break;
        p += 2;
    }
    const char *q = p + 1;
    q += strspn(q, "-+ #0'");
    if (*q == '*')
        q++;
    else
        q += strspn(q, "0123456789");
    if (*q == '.') {
        q++;
        if (*q == '*')
            q++;
        else
            q += strspn(q, "0123456789");
    }
    static const char *const lengths[] = {"hh", "ll", "h", "l", "j", "z", "t", "L"};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        if (!strncmp(q, lengths[i], strlen(lengths[i]))) {
            q += strlen(lengths[i]);
            break;
        }
    if (!*q || !strchr("diouxXeEfFgGaAcspn", *q))
        return -1;
    *start = p;
    *len = (size_t)(q + 1 - p);
    *s = q + 1;
    return 1;
}

int fl_same_conversions(const char *a, const char *b)
{
    for (;;) {
        const char *sa = NULL, *sb = NULL;
        size_t la = 0, lb = 0;
        int ka = next_conversion(&a, &sa, &la), kb = next_conversion(&b, &sb, &lb);
        if (ka < 0 || kb < 0 || ka != kb)
            return 0;
        if (ka == 0)
            return 1;
        if (la != lb || memcmp(sa, sb, la))
            return 0;
    }
}

/* ---- the table ---- */

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* 0 not built, 1 being built, 2 built. */
static int table_state;

/* Hash every usable entry: a translation with the id's conversions; of two
 * entries for one id, the first.  Returns whether the table is ready: a
 * thread (or a signal handler) that finds another one building gets the
 * English meanwhile rather than waiting. */
static int build(void)
{
    int expect = 0;
    if (!__atomic_compare_exchange_n(&table_state, &expect, 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_ACQUIRE))
        return expect == 2;
    for (const struct fl_msg *m = catalogue; m->en; m++) {
        if (!m->zh[0] || !fl_same_conversions(m->en, m->zh))
            continue;
        uint32_t h = hash(m->en) & (NSLOTS - 1);
        while (slot[h] && strcmp(catalogue[slot[h] - 1].en, m->en))
            h = (h + 1) & (NSLOTS - 1);
        if (!slot[h])
            slot[h] = (uint16_t)(m - catalogue + 1);
    }
    __atomic_store_n(&table_state, 2, __ATOMIC_RELEASE);
    return 1;
}

const char *fl_tr(const char *msgid)
{
    return msgid && fl_lang()[0] == 'z' ? fl_tr_zh(msgid) : msgid;
}

const char *fl_tr_zh(const char *msgid)
{
    if (!msgid)
        return msgid;
    if (__atomic_load_n(&table_state, __ATOMIC_ACQUIRE) != 2 && !build())
        return msgid;
    for (uint32_t h = hash(msgid) & (NSLOTS - 1); slot[h]; h = (h + 1) & (NSLOTS - 1))
        if (!strcmp(catalogue[slot[h] - 1].en, msgid))
            return catalogue[slot[h] - 1].zh;
    return msgid;
}
