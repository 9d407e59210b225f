"""Every lesson that has a Chinese text (lessons/NN-*/README.zh.md) stays in
step with its English README.md:

- it links the English text on its first line;
- the same `## ` sections in the same order: each Chinese heading carries the
  English heading in an HTML comment right after it,
  `## 等待子进程 <!-- Waiting for a child -->`;
- every fenced code block identical, byte for byte, and in the same order;
- every contract identifier of the lesson's header (exercises/NN-*/*.h:
  functions, types, constants, enum values, errno and signal names) that the
  English prose of a section names is named in the Chinese prose of the same
  section too, and every number of the contract section ("## Your exercise").

A failure names the English section to look at."""
import errno
import os
import re
import signal

from kit import ROOT

LESSONS = os.path.join(ROOT, "lessons")
EXERCISES = os.path.join(ROOT, "exercises")

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^## (?!#)(.*?)\s*$")
COMMENT = re.compile(r"^(.*?)\s*<!--\s*(.*?)\s*-->\s*$")
TOP = "(before the first section)"


def translated():
    """Lessons that have a README.zh.md, in order."""
    return sorted(d for d in os.listdir(LESSONS)
                  if os.path.isfile(os.path.join(LESSONS, d, "README.zh.md")))


def read(lesson, name):
    with open(os.path.join(LESSONS, lesson, name), encoding="utf-8") as f:
        return f.read()


def parse(text):
    """Split a Markdown text into its `## ` sections.

    Returns a list of (heading, prose, blocks): heading is the text after
    `## ` (TOP for what comes before the first one), prose the lines outside
    fenced code blocks, blocks the fenced blocks with their fence lines.
    Headings inside code blocks are code, not headings."""
    sections = [[TOP, [], []]]
    fence = None            # (char, length) of the open fence
    block = None
    for line in text.split("\n"):
        if fence is None:
            m = FENCE.match(line)
            if m:
                fence = (m.group(1)[0], len(m.group(1)))
                block = [line]
                continue
            h = HEADING.match(line)
            if h:
                sections.append([h.group(1), [], []])
                continue
            sections[-1][1].append(line)
        else:
            block.append(line)
            s = line.strip()
            if s and set(s) == {fence[0]} and len(s) >= fence[1]:
                sections[-1][2].append("\n".join(block))
                fence = block = None
    if fence is not None:   # an unclosed block runs to the end
        sections[-1][2].append("\n".join(block))
    return [(h, "\n".join(p), b) for h, p, b in sections]


def english_of(zh_heading):
    """The English heading a Chinese heading names in its HTML comment."""
    m = COMMENT.match(zh_heading)
    return (m.group(1), m.group(2)) if m else (zh_heading, None)


def header_identifiers(lesson):
    """The contract's names: what the lesson's header declares, and the errno
    and signal names its comments promise."""
    folder = os.path.join(EXERCISES, lesson)
    if not os.path.isdir(folder):
        return set()
    errnos = set(errno.errorcode.values())
    signals = {s.name for s in signal.Signals}
    names = set()
    for fname in sorted(os.listdir(folder)):
        if not fname.endswith(".h"):
            continue
        with open(os.path.join(folder, fname), encoding="utf-8") as f:
            src = f.read()
        for word in re.findall(r"\b[A-Z][A-Z0-9_]+\b", src):
            if word in errnos or word in signals:
                names.add(word)
        code = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
        code = re.sub(r"//[^\n]*", " ", code)
        guard = re.search(r"#ifndef\s+(\w+)", code)
        for m in re.finditer(r"#define\s+(\w+)", code):
            if not guard or m.group(1) != guard.group(1):
                names.add(m.group(1))
        # function prototypes and function-pointer typedefs
        names.update(re.findall(r"\b(\w+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*;", code))
        names.update(re.findall(r"\(\s*\*\s*(\w+)\s*\)\s*\(", code))
        names.update(re.findall(r"typedef\s[^;{}]*?\b(\w+)\s*;", code))
        for body in re.findall(r"\benum\s+\w*\s*\{(.*?)\}", code, flags=re.S):
            names.update(re.findall(r"^\s*([A-Za-z_]\w*)", body, flags=re.M))
        # tagged types; a one-word tag (proc, pool) is also a plain word, and prose
        # may say it in Chinese
        names.update(n for n in re.findall(r"\b(?:struct|enum)\s+(\w+)\s*\{", code)
                     if "_" in n)
    keywords = {"if", "while", "for", "return", "sizeof", "int", "void", "long", "char"}
    return {n for n in names if n not in keywords}


def named(ident, text):
    return re.search(r"(?<![A-Za-z0-9_])" + re.escape(ident) + r"(?![A-Za-z0-9_])", text)


def links_english(lesson):
    first = read(lesson, "README.zh.md").lstrip("\ufeff").split("\n", 1)[0]
    assert re.search(r"\]\(README\.md\)", first), \
        f"lessons/{lesson}/README.zh.md: its first line must link the English text " \
        f"([English](README.md)); it is: {first!r}"


def same_sections(lesson):
    en = [h for h, _, _ in parse(read(lesson, "README.md"))[1:]]
    zh = [h for h, _, _ in parse(read(lesson, "README.zh.md"))[1:]]
    problems = []
    for i, h in enumerate(zh):
        title, comment = english_of(h)
        if comment is None:
            problems.append(f"Chinese heading {i + 1} '## {h}' has no <!-- English heading -->")
        elif not title:
            problems.append(f"Chinese heading {i + 1} '## {h}' is not translated")
    assert not problems, f"lessons/{lesson}/README.zh.md:\n  " + "\n  ".join(problems)
    named_en = [english_of(h)[1] for h in zh]
    for i, (e, z) in enumerate(zip(en, named_en)):
        assert e == z, (
            f"lessons/{lesson}: section {i + 1} is '## {e}' in README.md, but the Chinese "
            f"heading there names '{z}'; English sections in order: {en}")
    assert len(en) == len(zh), (
        f"lessons/{lesson}: README.md has {len(en)} sections, README.zh.md {len(zh)}; "
        + (f"missing in Chinese: {en[len(zh):]}" if len(en) > len(zh)
           else f"extra in Chinese: {named_en[len(en):]}"))


def first_difference(a, b):
    al, bl = a.split("\n"), b.split("\n")
    for n, (x, y) in enumerate(zip(al, bl), 1):
        if x != y:
            return f"line {n} of the block: English {x!r}, Chinese {y!r}"
    return f"the English block has {len(al)} lines, the Chinese one {len(bl)}"


def same_code(lesson):
    en = [(h, b) for h, _, bs in parse(read(lesson, "README.md")) for b in bs]
    zh = [(english_of(h)[1] or h, b) for h, _, bs in parse(read(lesson, "README.zh.md"))
          for b in bs]
    for i, ((section, a), (_, b)) in enumerate(zip(en, zh), 1):
        assert a == b, (
            f"lessons/{lesson}: code block {i} (English section '## {section}') differs "
            f"in README.zh.md: {first_difference(a, b)}")
    assert len(en) == len(zh), (
        f"lessons/{lesson}: README.md has {len(en)} code blocks, README.zh.md {len(zh)}"
        + (f"; the first missing one is in English section '## {en[len(zh)][0]}'"
           if len(en) > len(zh) else ""))
    # the same blocks in the same sections, so a reader finds them where the English has them
    en_at = [h for h, _ in en]
    zh_at = [h for h, _ in zh]
    for i, (a, b) in enumerate(zip(en_at, zh_at), 1):
        assert a == b, (f"lessons/{lesson}: code block {i} is in English section '## {a}' "
                        f"but in the Chinese section that names '{b}'")


def same_contract(lesson):
    idents = header_identifiers(lesson)
    assert idents, f"lessons/{lesson}: no contract identifiers found in exercises/{lesson}/*.h"
    en = parse(read(lesson, "README.md"))
    zh = parse(read(lesson, "README.zh.md"))
    zh_by = {}
    for h, prose, _ in zh:
        zh_by.setdefault(h if h == TOP else english_of(h)[1], []).append(prose)
    missing = []
    for h, prose, _ in en:
        want = sorted(i for i in idents if named(i, prose))
        if not want:
            continue
        got = "\n".join(zh_by.get(h, []))
        lost = [i for i in want if not named(i, got)]
        if lost:
            missing.append(f"English section '## {h}' names {', '.join(lost)}; "
                           f"its Chinese text does not")
    assert not missing, f"lessons/{lesson}/README.zh.md:\n  " + "\n  ".join(missing)


NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?!\w|\.\d)")


def same_contract_numbers(lesson):
    """The contract section's numbers (returns, limits, lesson numbers) are
    facts, not words: the Chinese keeps every one."""
    en = parse(read(lesson, "README.md"))
    zh = {english_of(h)[1]: prose for h, prose, _ in parse(read(lesson, "README.zh.md"))}
    contract = [(h, prose) for h, prose, _ in en if h.startswith("Your exercise")]
    assert contract, f"lessons/{lesson}/README.md has no '## Your exercise' section"
    for h, prose in contract:
        got = set(NUMBER.findall(zh.get(h, "")))
        lost = sorted(set(NUMBER.findall(prose)) - got)
        assert not lost, (f"lessons/{lesson}/README.zh.md: English section '## {h}' "
                          f"says {', '.join(lost)}; its Chinese text does not")


def collect():
    out = []
    for lesson in translated():
        out.append((f"{lesson} README.zh.md links the English text",
                    lambda l=lesson: links_english(l)))
        out.append((f"{lesson} README.zh.md has the English sections in order",
                    lambda l=lesson: same_sections(l)))
        out.append((f"{lesson} README.zh.md has the English code blocks, byte for byte",
                    lambda l=lesson: same_code(l)))
        out.append((f"{lesson} README.zh.md names every contract identifier the English names",
                    lambda l=lesson: same_contract(l)))
        out.append((f"{lesson} README.zh.md keeps every number of the contract section",
                    lambda l=lesson: same_contract_numbers(l)))
    return out


def test_parser_sees_headings_and_blocks():
    text = "top\n## A <!-- One -->\nx\n```c\n## not a heading\n```\n## B\n~~~\ny\n~~~\n"
    secs = parse(text)
    assert [h for h, _, _ in secs] == [TOP, "A <!-- One -->", "B"]
    assert secs[1][2] == ["```c\n## not a heading\n```"]
    assert secs[2][2] == ["~~~\ny\n~~~"]
    assert english_of("A <!-- One -->") == ("A", "One")
    assert english_of("B")[1] is None


def test_contract_names_come_from_the_headers():
    ids = header_identifiers("05-terminate")
    for want in ("proc_is_alive", "proc_terminate", "proc_kill", "proc_task", "EINVAL",
                 "ESRCH", "ECHILD", "SIGTERM", "SIGKILL"):
        assert want in ids, f"{want} not found in terminate.h's contract: {sorted(ids)}"
    assert "TERMINATE_H" not in ids
    ids = header_identifiers("11-pool")
    for want in ("POOL_OK", "POOL_TIMEOUT", "pool_task_error", "pool_result"):
        assert want in ids, f"{want} not found in pool.h's contract: {sorted(ids)}"
