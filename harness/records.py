"""records.py -- read the checker's record lines (harness/records.c) from
Python: the kit's tests and the memcheck tier share this one reader."""


def unescape(field):
    """Undo records.c's escaping of one field (\\\\ \\t \\n \\xHH)."""
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            n = field[i + 1]
            if n == "x":
                out.append(chr(int(field[i + 2:i + 4], 16)))
                i += 4
                continue
            out.append({"t": "\t", "n": "\n"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def records(text):
    """The checker's output as lists of unescaped fields, one list a line."""
    return [[unescape(f) for f in line.split("\t")] for line in text.splitlines() if line]
