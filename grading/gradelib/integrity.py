"""The integrity scan: what in a student's sources only an attack on the
grader needs, listed for the instructor to review.  It never changes a
score by itself -- a student may have a good reason (lesson 13 uses
syscall(), say) -- it tells the instructor where to look.

Flagged: ptrace, process_vm_readv/writev, /proc/self/mem, /proc/self/maps,
/proc/<pid>/mem, mprotect, syscall(, dlsym, dlopen, inline assembly, the
harness's own symbols (fl_*, FL_*), constructors and destructors,
.init_array, LD_PRELOAD, and #include of anything but the submission's own
headers and the system's."""
import os
import re

RULES = [
    ("ptrace", re.compile(r"\bptrace\b")),
    ("process_vm_readv/writev", re.compile(r"\bprocess_vm_(?:readv|writev)\b")),
    ("/proc/…/mem or maps", re.compile(r"/proc/(?:self|thread-self|\d+|%d|\"\s*\w*)[^\"\n]{0,40}?/(?:mem|maps)\b|/proc/self/(?:mem|maps)")),
    ("mprotect", re.compile(r"\bmprotect\b")),
    ("syscall(", re.compile(r"\bsyscall\s*\(")),
    ("dlsym/dlopen", re.compile(r"\bdl(?:sym|open|vsym)\b")),
    ("inline assembly", re.compile(r"\b(?:__asm__|__asm|asm)\b\s*(?:volatile\b|__volatile__\b|goto\b)?\s*\(")),
    ("harness symbol", re.compile(r"\b(?:fl|FL)_\w+")),
    ("constructor/destructor", re.compile(r"__attribute__\s*\(\(\s*[^)]*\b_*(?:constructor|destructor)_*\b")),
    (".init_array/.fini_array", re.compile(r"\.(?:init|fini|preinit)_array\b")),
    ("LD_PRELOAD", re.compile(r"\bLD_(?:PRELOAD|LIBRARY_PATH|AUDIT)\b")),
]
_INCLUDE = re.compile(r"^\s*#\s*(?:include|include_next|import|embed)\b\s*(.*)$", re.M)
_SYSTEM_DIRS = ("/usr/include", "/usr/local/include")


def _system_header(name):
    """Whether <name> is a header of the system (no .., found in the
    compiler's usual folders)."""
    if ".." in name.split("/") or name.startswith("/"):
        return False
    dirs = list(_SYSTEM_DIRS)
    dirs += [os.path.join("/usr/include", d) for d in os.listdir("/usr/include")
             if d.endswith("-linux-gnu")] if os.path.isdir("/usr/include") else []
    if any(os.path.isfile(os.path.join(d, name)) for d in dirs):
        return True
    gcc = "/usr/lib/gcc"
    if os.path.isdir(gcc):
        for top, dirs, files in os.walk(gcc):
            if top.endswith("/include") and os.path.isfile(os.path.join(top, name)):
                return True
            if top.count("/") > 6:
                dirs[:] = []
    return False


def _include_finding(arg, own):
    arg = arg.strip()
    m = re.match(r'"([^"]*)"', arg)
    if m:
        name = m.group(1)
        if "/" not in name and name in own:
            return None
        return f'#include "{name}" (not one of the submission\'s own headers)'
    m = re.match(r"<([^>]*)>", arg)
    if m:
        return None if _system_header(m.group(1)) else f"#include <{m.group(1)}> (not a system header)"
    return f"#include {arg[:60]} (computed)"


def _strip_comments(text):
    """Comments out, line numbers kept: what a comment says is no attack."""
    def blank(m):
        """The match with everything but its line breaks as spaces."""
        return re.sub(r"[^\n]", " ", m.group())
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def scan(sources, harness_names=()):
    """Findings in {LESSON/name: text}: ["LESSON/name:LINE: what", ...], in
    file and line order.  Headers the student handed in (in the same
    lesson) count as the submission's own."""
    out = []
    own = {}
    for rel in sources:
        lesson, _, name = rel.partition("/")
        if name.endswith(".h"):
            own.setdefault(lesson, set()).add(name)
    for rel in sorted(sources):
        lesson = rel.partition("/")[0]
        text = _strip_comments(sources[rel])
        seen = set()
        for n, line in enumerate(text.splitlines(), 1):
            for what, rx in RULES:
                if rx.search(line) and (what, n) not in seen:
                    seen.add((what, n))
                    out.append(f"{rel}:{n}: {what}")
        for m in _INCLUDE.finditer(text):
            found = _include_finding(m.group(1), own.get(lesson, set()))
            if found:
                out.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {found}")
    return out


def summary(findings):
    """One gradebook cell: the kinds found, most frequent first, or ''."""
    kinds = {}
    for f in findings:
        what = f.split(": ", 1)[1].split(" (")[0]
        kinds[what] = kinds.get(what, 0) + 1
    return "; ".join(f"{k} ×{v}" if v > 1 else k
                     for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
