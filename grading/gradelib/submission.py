"""What students handed in: one entry per student in SUBMISSIONS, named by
the student's id -- a folder with the layout of exercises/ (all lessons or
some), or a .zip / .tar.gz / .tgz / .tar of one.

Archives are unpacked with zipfile and tarfile, never by hand, and refused
when a member would land outside the scratch folder (absolute paths, ..,
links), or when they unpack to more than LIMIT_BYTES or LIMIT_FILES.  The
number of members (folders and `./` entries too) is counted, and bounded
by LIMIT_MEMBERS, before anything is unpacked: an archive of empty entries
cannot cost time or memory.

Submissions are the students' and trusted in nothing: an entry of
SUBMISSIONS that is a link is refused, files with names outside
[A-Za-z0-9._-] are left out with a note naming them (those names would
reach make and a shell), and files are opened with O_NOFOLLOW."""
import hashlib
import os
import stat
import struct
import tarfile
import zipfile

from . import names
from .kit import LESSON_RE

ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
LIMIT_BYTES = 64 << 20
LIMIT_FILES = 5000
LIMIT_MEMBERS = 5000         # entries of an archive, folders and `./` included
SOURCE_CAP = 1 << 20         # bytes of a submission's sources kept for the integrity scan


class Rejected(Exception):
    """A submission that cannot be graded safely; the message says why."""


def student_id(name):
    """The id a SUBMISSIONS entry stands for: its name without the archive suffix."""
    for suffix in ARCHIVES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return name


def find(submissions, warn=lambda msg: None, exclude=None):
    """[(student id, path)] for every entry of the SUBMISSIONS folder, sorted
    by id.  Hidden entries are ignored, other files reported to warn; two
    entries for one id are an error.  An id whose name is not UTF-8 is
    spelled with \\xNN (and reported); ids that differ only in Unicode
    normalisation (NFC / NFD) are reported.  Links are kept, so that
    their grade says they were refused.  exclude (the output folder, when
    it lies inside SUBMISSIONS) is never a student."""
    found = {}
    for name in sorted(os.listdir(submissions)):
        if name.startswith("."):
            continue
        path = os.path.join(submissions, name)
        if exclude and os.path.realpath(path) == os.path.realpath(exclude):
            continue
        st = os.lstat(path)
        if not (stat.S_ISDIR(st.st_mode) or stat.S_ISLNK(st.st_mode)) and \
                not name.lower().endswith(ARCHIVES):
            warn(f"ignored {names.terminal(repr(name))}: neither a folder nor a .zip, .tar.gz, "
                 f".tgz or .tar")
            continue
        sid, renamed = names.student_id(student_id(name))
        if renamed:
            warn(f"the entry {names.terminal(sid)!r} is not named in UTF-8: graded as "
                 f"{names.terminal(sid)!r}")
        if sid in found:
            raise ValueError(f"two submissions for student {names.terminal(sid)!r}: "
                             f"{names.terminal(os.path.basename(found[sid]))!r} and "
                             f"{names.terminal(name)!r}")
        found[sid] = path
    return sorted(found.items())


def duplicates(ids):
    """[[id, ...]] of ids that are one name in different Unicode spellings."""
    groups = {}
    for sid in ids:
        groups.setdefault(names.normal_key(sid), []).append(sid)
    return [g for g in groups.values() if len(g) > 1]


def refuse_link(path):
    """Rejected when a SUBMISSIONS entry is a symbolic link: it could point
    at another student's submission, the solutions or anything else."""
    if os.path.islink(path):
        raise Rejected("the submission is a symbolic link, not a folder or an archive")


def fingerprint(path, extra=""):
    """A digest of everything a submission holds (names, modes, bytes) and of
    `extra` (the rubric, lessons and kit it is graded with)."""
    h = hashlib.sha256(extra.encode())
    if os.path.islink(path):
        return h.hexdigest() + "-link"   # refused whatever it points at
    if os.path.isfile(path):
        h.update(b"file\0")
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 16), b""):
                h.update(block)
        return h.hexdigest()
    for top, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(top, name)
            h.update(os.path.relpath(p, path).encode("utf-8", "surrogateescape") + b"\0")
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    h.update(f.read(LIMIT_BYTES))
            elif stat.S_ISLNK(st.st_mode):
                h.update(b"link\0" + os.readlink(p).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# ---- unpacking ----

def _safe_name(name):
    """The member name as a relative path, or Rejected when it would escape."""
    if name.startswith("/") or name.startswith("\\") or (len(name) > 1 and name[1] == ":"):
        raise Rejected(f"the archive holds an absolute path: {name!r}")
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if ".." in parts:
        raise Rejected(f"the archive holds a path leading out of it: {name!r}")
    return "/".join(parts)


def _budget(total, count, size):
    total += size
    count += 1
    if total > LIMIT_BYTES:
        raise Rejected(f"the archive unpacks to more than {LIMIT_BYTES >> 20} MB")
    if count > LIMIT_FILES:
        raise Rejected(f"the archive holds more than {LIMIT_FILES} files")
    return total, count


def _copy_capped(src, dst_path, room):
    """Copy at most `room` bytes from src; Rejected if there is more (the
    sizes an archive declares can lie)."""
    with open(dst_path, "wb") as out:
        left = room
        while True:
            block = src.read(min(1 << 16, left + 1))
            if not block:
                return
            if len(block) > left:
                raise Rejected(f"the archive unpacks to more than {LIMIT_BYTES >> 20} MB")
            out.write(block)
            left -= len(block)


def _zip_entries(path):
    """The entry count a zip's end record declares, read before zipfile
    parses its whole central directory."""
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - (1 << 16) - 22))
        tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise Rejected("the archive is not a zip file")
    total = struct.unpack("<H", tail[at + 10:at + 12])[0]
    if total == 0xFFFF:
        raise Rejected("the archive is a zip64 with too many entries")
    return total


def _members_ok(count):
    if count > LIMIT_MEMBERS:
        raise Rejected(f"the archive holds more than {LIMIT_MEMBERS} entries")


def unpack_zip(path, dest):
    """Unpack the zip at path into dest, its entries counted first; Rejected
    on a path leading out, a link, or more than the limits allow."""
    total = count = 0
    _members_ok(_zip_entries(path))
    with zipfile.ZipFile(path) as z:
        _members_ok(len(z.infolist()))
        for info in z.infolist():
            rel = _safe_name(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise Rejected(f"the archive holds a symbolic link: {info.filename!r}")
            if not rel:
                continue
            target = os.path.join(dest, rel)
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            total, count = _budget(total, count, info.file_size)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with z.open(info) as src:
                _copy_capped(src, target, LIMIT_BYTES - total + info.file_size)


def _count_tar(path):
    """Count a tar's members, stopping (Rejected) past LIMIT_MEMBERS, so
    that neither time nor the member list grows with a hostile archive."""
    n = 0
    with tarfile.open(path, "r|*") as t:
        for _ in t:
            n += 1
            _members_ok(n)
            t.members = []   # a stream keeps every member it read: keep none


def unpack_tar(path, dest):
    """Unpack the tar at path (any compression) into dest, its members
    counted first; Rejected on a path leading out, a link, a special file,
    or more than the limits allow."""
    total = count = 0
    _count_tar(path)
    with tarfile.open(path) as t:
        for m in t:
            rel = _safe_name(m.name)
            if m.issym() or m.islnk():
                raise Rejected(f"the archive holds a link: {m.name!r}")
            if not rel:
                continue
            target = os.path.join(dest, rel)
            if m.isdir():
                os.makedirs(target, exist_ok=True)
            elif m.isfile():
                total, count = _budget(total, count, m.size)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _copy_capped(t.extractfile(m), target, LIMIT_BYTES - total + m.size)
            else:
                raise Rejected(f"the archive holds a device, fifo or other special file: {m.name!r}")


def unpack(path, dest):
    """Unpack an archive submission into dest (which must exist)."""
    low = path.lower()
    if os.path.getsize(path) > LIMIT_BYTES:
        raise Rejected(f"the archive is larger than {LIMIT_BYTES >> 20} MB")
    try:
        if low.endswith(".zip"):
            unpack_zip(path, dest)
        else:
            unpack_tar(path, dest)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as e:
        raise Rejected(f"the archive cannot be read: {e}")


# ---- the lessons inside ----

def lesson_root(top, known):
    """The folder under top that holds lesson folders (top itself, or a
    wrapper such as exercises/ or the repository's name), or None."""
    queue = [top]
    while queue:
        here = queue.pop(0)
        try:
            # exercises/ first: a whole kit repository also has lessons/ and solutions/.
            names = sorted(os.listdir(here), key=lambda n: (n != "exercises", n))
        except OSError:
            continue
        if any(n in known and os.path.isdir(os.path.join(here, n)) for n in names):
            return here
        if os.path.relpath(here, top).count(os.sep) < 3:
            queue += [os.path.join(here, n) for n in names
                      if not n.startswith(".") and os.path.isdir(os.path.join(here, n))
                      and not os.path.islink(os.path.join(here, n))]
    return None


def copy_lessons(root, lessons, dest):
    """Copy the lesson folders of `lessons` found in root into dest: regular
    files only (a link could reach another student's files), and only files
    whose names are safe for make and a shell (names.FILE_NAME).  Returns
    (lessons copied, notes about what was left out)."""
    copied, notes = [], []
    budget = [0, 0]
    for lesson in lessons:
        src = os.path.join(root, lesson)
        if not os.path.isdir(src) or os.path.islink(src):
            continue
        for top, dirs, files in os.walk(src):
            rel_top = os.path.relpath(top, root)
            os.makedirs(os.path.join(dest, rel_top), exist_ok=True)
            for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(top, d))]:
                p = os.path.join(top, name)
                shown = names.terminal(os.path.join(rel_top, name))
                st = os.lstat(p)
                if not stat.S_ISREG(st.st_mode):
                    notes.append(f"left out {shown}: not a regular file")
                    continue
                if not names.file_ok(name):
                    notes.append(f"left out {shown}: {names.FILE_RULE}; rename it")
                    continue
                budget[0], budget[1] = _budget(budget[0], budget[1], st.st_size)
                _copy_nofollow(p, os.path.join(dest, rel_top, name))
            bad = [d for d in dirs if not names.file_ok(d) and not os.path.islink(os.path.join(top, d))]
            for d in bad:
                notes.append(f"left out {names.terminal(os.path.join(rel_top, d))}/: "
                             f"{names.FILE_RULE}; rename it")
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d)) and d not in bad]
        copied.append(lesson)
    return copied, notes


def _copy_nofollow(src, dst):
    """Copy a regular file without following a link at either end."""
    fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Rejected(f"{names.terminal(os.path.basename(src))!r} changed while it was copied")
        out = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            while True:
                block = os.read(fd, 1 << 16)
                if not block:
                    break
                os.write(out, block)
        finally:
            os.close(out)
    finally:
        os.close(fd)


def sources(work, lessons):
    """{LESSON/name: text} of the .c and .h files copied for lessons, for the
    integrity scan (at most SOURCE_CAP bytes in all)."""
    out, left = {}, SOURCE_CAP
    for lesson in lessons:
        d = os.path.join(work, lesson)
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if name.endswith((".c", ".h")) and os.path.isfile(p) and left > 0:
                with open(p, "rb") as f:
                    data = f.read(left)
                left -= len(data)
                out[f"{lesson}/{name}"] = data.decode("utf-8", "replace")
    return out
