#!/usr/bin/env python3
"""forklab's message catalogue: which texts the kit shows, and which of them
have a Chinese translation.

    tools/messages.py extract [FILE.c ...]   every message id, file:line first
    tools/messages.py missing [WHERE]        ids with no translation yet
                                             (WHERE: a lesson number like 05,
                                             "core", "driver"; default all)
    tools/messages.py check                  exit 1 when an id lacks its
                                             translation, a translation has no
                                             id, or their printf conversions
                                             differ

A message id is the English text exactly as it is in the C source (adjacent
literals joined, escapes kept as written).  It is one of:
  - a literal argument of a call that shows text: fl_stage(0), fl_note(0),
    fl_skip(0), fl_fail(0, 1), fl_fail_settled(2, 3), FL_EXPECT(1, 2),
    fl_reap(1), the title of FL_CHECK(1);
  - the literal inside N_("...") (a text kept in a table and shown later)
    or fl_tr("...") (a text translated where it is used).

Translations live in harness/messages/zh/*.h, C included by
harness/messages.c, one entry each:

    FL_MSG("calling proc_join on child %d, which has ended",
           "对已经结束的子进程 %d 调用 proc_join")

Only the C compiler reads the catalogue when the kit is built; this script
is for people and for tests/test_messages.py."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "harness", "messages", "zh")

# name -> argument positions that are message texts
CALLS = {
    "fl_stage": (0,), "fl_note": (0,), "fl_skip": (0,),
    "fl_fail": (0, 1), "fl_fail_settled": (2, 3), "FL_EXPECT": (1, 2),
    "fl_reap": (1,), "FL_CHECK": (1,), "N_": (0,), "fl_tr": (0,),
}

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<comma>,)
  | (?P<pre>^[ \t]*\#[^\n]*(?:\\\n[^\n]*)*)
  | (?P<other>\S)
''', re.S | re.X | re.M)


def tokens(text):
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("comment", "char"):
            continue
        if kind == "pre" and not re.match(r"\s*#\s*define\b", m.group()):
            continue   # #include "x.h" is not a message
        if kind == "pre":
            # a macro body may hold calls: scan it as code
            body = m.group().replace("\\\n", " ")
            line = text.count("\n", 0, m.start()) + 1
            for k, v, _ in tokens(body.split(None, 2)[-1] if body.count(" ") else ""):
                yield k, v, line
            continue
        yield kind, m.group(), text.count("\n", 0, m.start()) + 1


def literal_value(lits):
    """Adjacent literals joined, as written between the quotes."""
    return "".join(s[1:-1] for s in lits)


def calls_in(path):
    """(msgid, line) for every message text in one C file."""
    with open(path, encoding="utf-8") as f:
        toks = list(tokens(f.read()))
    out = []
    i = 0
    while i < len(toks):
        kind, val, line = toks[i]
        if kind == "name" and val in CALLS and i + 1 < len(toks) and toks[i + 1][1] == "(":
            # skip the prototypes and definitions of the calls themselves
            prev = toks[i - 1][1] if i else ""
            if prev in ("void", "int", "char", "*", "define") and val != "FL_CHECK":
                i += 1
                continue
            args, depth, cur, j = [], 0, [], i + 2
            while j < len(toks):
                k, v, _ = toks[j]
                if k == "open":
                    depth += 1
                elif k == "close":
                    if depth == 0:
                        break
                    depth -= 1
                if k == "comma" and depth == 0:
                    args.append(cur)
                    cur = []
                else:
                    cur.append((k, v))
                j += 1
            args.append(cur)
            for pos in CALLS[val]:
                if pos < len(args) and args[pos] and all(k == "string" for k, _ in args[pos]):
                    msgid = literal_value([v for _, v in args[pos]])
                    if re.search(r"[A-Za-z]{2}", CONV.sub("", msgid)):   # not "%s"
                        out.append((msgid, line))
            i += 2   # calls nest: N_ inside a table, fl_tr inside a call
            continue
        i += 1
    return out


def sources():
    """Every kit C file whose texts reach a learner, by group."""
    groups = {}
    h = os.path.join(ROOT, "harness")
    for d in sorted(os.listdir(os.path.join(h, "lessons"))):
        p = os.path.join(h, "lessons", d, "checks.c")
        if os.path.exists(p):
            groups[d[:2]] = [p]
    groups["core"] = sorted(os.path.join(h, f) for f in os.listdir(h)
                            if f.endswith(".c") and f not in ("driver.c", "messages.c"))
    groups["driver"] = [os.path.join(h, "driver.c")] + sorted(
        os.path.join(h, "driver", f) for f in os.listdir(os.path.join(h, "driver"))
        if f.endswith(".c"))
    return groups


def extract(paths):
    seen = {}
    for p in paths:
        for msgid, line in calls_in(p):
            seen.setdefault(msgid, f"{os.path.relpath(p, ROOT)}:{line}")
    return seen


def catalogue():
    """msgid -> (translation, where) from harness/messages/zh/*.h; duplicates
    that disagree are returned in the second value."""
    entries, clashes = {}, []
    if not os.path.isdir(CATALOGUE):
        return entries, clashes
    for fname in sorted(os.listdir(CATALOGUE)):
        if not fname.endswith(".h"):
            continue
        path = os.path.join(CATALOGUE, fname)
        with open(path, encoding="utf-8") as f:
            toks = list(tokens(f.read()))
        i = 0
        while i < len(toks):
            if toks[i][1] == "FL_MSG" and toks[i + 1][1] == "(":
                j, parts, cur = i + 2, [], []
                while toks[j][1] != ")":
                    if toks[j][0] == "comma":
                        parts.append(cur)
                        cur = []
                    else:
                        cur.append(toks[j][1])
                    j += 1
                parts.append(cur)
                msgid, zh = literal_value(parts[0]), literal_value(parts[1])
                where = f"{os.path.relpath(path, ROOT)}:{toks[i][2]}"
                if msgid in entries and entries[msgid][0] != zh:
                    clashes.append((msgid, entries[msgid][1], where))
                entries.setdefault(msgid, (zh, where))
                i = j
            i += 1
    return entries, clashes


CONV = re.compile(r"%(?:%|[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfFgGaAcspn])")


def conversions(text):
    return [c for c in CONV.findall(text) if c != "%%"]


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "check"
    groups = sources()
    if cmd == "extract":
        paths = argv[2:] or [p for g in groups.values() for p in g]
        for msgid, where in extract(paths).items():
            print(f"{where}\t{msgid}")
        return 0
    entries, clashes = catalogue()
    if cmd == "missing":
        wanted = argv[2:] or list(groups)
        n = 0
        for g in wanted:
            for msgid, where in extract(groups[g]).items():
                if msgid not in entries:
                    print(f"{where}\t{msgid}")
                    n += 1
        print(f"# {n} without a translation", file=sys.stderr)
        return 0
    if cmd == "check":
        bad = 0
        ids = extract([p for g in groups.values() for p in g])
        for msgid, where in ids.items():
            if msgid not in entries:
                print(f"{where}: no translation: {msgid}")
                bad += 1
            elif conversions(msgid) != conversions(entries[msgid][0]):
                print(f"{entries[msgid][1]}: conversions differ: {conversions(msgid)} "
                      f"!= {conversions(entries[msgid][0])}: {msgid}")
                bad += 1
        for msgid, (_, where) in entries.items():
            if msgid not in ids:
                print(f"{where}: translates a text the kit no longer shows: {msgid}")
                bad += 1
        for msgid, a, b in clashes:
            print(f"{b}: translated differently at {a}: {msgid}")
            bad += 1
        print(f"{len(ids)} messages, {len(entries)} translated, {bad} problems")
        return 1 if bad else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
