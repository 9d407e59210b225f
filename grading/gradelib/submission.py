"""What students handed in: one entry per student in SUBMISSIONS, named by
the student's id -- a folder with the layout of exercises/ (all lessons or
some), or a .zip / .tar.gz / .tgz / .tar of one.

Archives are unpacked with zipfile and tarfile, never by hand, and refused
when a member would land outside the scratch folder (absolute paths, ..,
links), or when they unpack to more than LIMIT_BYTES or LIMIT_FILES."""
import hashlib
import os
import shutil
import stat
import tarfile
import zipfile

from .kit import LESSON_RE

ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
LIMIT_BYTES = 64 << 20
LIMIT_FILES = 5000


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
    entries for one id are an error.  exclude (the output folder, when it
    lies inside SUBMISSIONS) is never a student."""
    found = {}
    for name in sorted(os.listdir(submissions)):
        if name.startswith("."):
            continue
        path = os.path.join(submissions, name)
        if exclude and os.path.realpath(path) == os.path.realpath(exclude):
            continue
        if not os.path.isdir(path) and not name.lower().endswith(ARCHIVES):
            warn(f"ignored {name!r}: neither a folder nor a .zip, .tar.gz, .tgz or .tar")
            continue
        sid = student_id(name)
        if sid in found:
            raise ValueError(f"two submissions for student {sid!r}: "
                             f"{os.path.basename(found[sid])!r} and {name!r}")
        found[sid] = path
    return sorted(found.items())


def fingerprint(path, extra=""):
    """A digest of everything a submission holds (names, modes, bytes) and of
    `extra` (the rubric, lessons and kit it is graded with)."""
    h = hashlib.sha256(extra.encode())
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


def unpack_zip(path, dest):
    total = count = 0
    with zipfile.ZipFile(path) as z:
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


def unpack_tar(path, dest):
    total = count = 0
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
    files only (a link could reach another student's files).  Returns
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
                st = os.lstat(p)
                if not stat.S_ISREG(st.st_mode):
                    notes.append(f"left out {os.path.join(rel_top, name)}: not a regular file")
                    continue
                budget[0], budget[1] = _budget(budget[0], budget[1], st.st_size)
                shutil.copyfile(p, os.path.join(dest, rel_top, name))
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
        copied.append(lesson)
    return copied, notes
