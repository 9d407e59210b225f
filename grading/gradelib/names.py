"""Names a student controls, made safe for where they land: student ids
(from SUBMISSIONS entries: any bytes), file names inside a submission, text
shown on the instructor's terminal, and cells of gradebook.csv."""
import os
import re
import unicodedata

# What a file of a lesson may be called: the Makefile hands the names to a
# shell and to the compiler, so nothing a shell or make would read as syntax.
FILE_NAME = re.compile(r"^[A-Za-z0-9_.][A-Za-z0-9._-]*$")
FILE_RULE = "file names may use only A-Z a-z 0-9 . _ - (and may not start with -)"

# C0 and C1 controls and DEL: a terminal obeys them (ESC, CSI, OSC ...).
_TERMINAL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Formula starters per OWASP's CSV injection advice.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def student_id(entry):
    """The id an entry name of SUBMISSIONS (a str from os.listdir, which
    spells undecodable bytes as surrogates) stands for: valid UTF-8 is kept,
    other bytes are shown as \\xNN.  Returns (id, whether it was renamed)."""
    raw = os.fsencode(entry)
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace"), True


def folder(sid):
    """The folder name in OUT for student id sid: the id itself, with
    control characters and % spelled %XX (so it is one path component
    that a terminal listing cannot abuse, and two ids never share one)."""
    out = "".join("%%%02X" % ord(c) if ord(c) < 0x20 or c in "%\x7f" else c for c in sid)
    return out if out not in (".", "..") else out.replace(".", "%2E")


def normal_key(sid):
    """The key under which two spellings of one name collide (NFC, case kept)."""
    return unicodedata.normalize("NFC", sid)


def terminal(s):
    """s with every character a terminal would act on spelled \\xNN or
    \\uNNNN: safe to print to the instructor's terminal."""
    return _TERMINAL.sub(lambda m: "\\x%02x" % ord(m.group()) if ord(m.group()) < 0x100
                         else "\\u%04x" % ord(m.group()), str(s))


def csv_cell(value):
    """A gradebook cell a spreadsheet will not run: text starting with
    = + - @ tab or CR gets a leading single quote (OWASP).  Numbers stay."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def file_ok(name):
    """Whether a file of a lesson folder may keep its name."""
    return bool(FILE_NAME.match(name))
