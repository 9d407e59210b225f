#!/usr/bin/env python3
"""Build Gradescope's autograder zip from this kit: `make gradescope`
(LESSON="01 02" to grade only some lessons).

    python3 grading/gradescope/make_zip.py OUT.zip [LESSON...]

The zip holds, at its root, setup.sh and run_autograder (Gradescope's
documented layout) and grading.conf (the lessons to grade), and the kit
needed to check a submission: the Makefile, harness/, exercises/ (the stubs
the checks' declarations are read from) and grading/ with the rubric.
Never solutions/: student code runs inside the autograder and could print
them.  harness/given/ goes as sources: setup.sh compiles them with the kit.
Students never see the zip; they start from a handout (`make handout`),
which has the given functions as objects only."""
import os
import stat
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KIT = ["Makefile", "harness", "exercises", "lessons", "grading"]
LEAVE_OUT = ("__pycache__", "examples", ".tmp-")


def files(top):
    """Every file under ROOT/top that an autograder needs, sorted."""
    path = os.path.join(ROOT, top)
    if os.path.isfile(path):
        return [top]
    out = []
    for d, dirs, names in os.walk(path):
        dirs[:] = sorted(x for x in dirs if not x.startswith(LEAVE_OUT))
        out += [os.path.relpath(os.path.join(d, n), ROOT) for n in sorted(names)
                if not n.startswith(LEAVE_OUT) and not n.endswith(".pyc")]
    return out


def add(z, name, data, executable=False):
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)


def main(out, lessons):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for script in ("setup.sh", "run_autograder"):
            add(z, script, open(os.path.join(HERE, script), "rb").read(), executable=True)
        add(z, "grading.conf", f'LESSONS="{" ".join(lessons)}"\n')
        for top in KIT:
            for rel in files(top):
                full = os.path.join(ROOT, rel)
                add(z, rel, open(full, "rb").read(), os.access(full, os.X_OK))
    os.replace(tmp, out)
    print(f"{out}: upload it as the autograder of a Gradescope programming assignment"
          f" ({'lessons ' + ' '.join(lessons) if lessons else 'every lesson'})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: make_zip.py OUT.zip [LESSON...]")
    main(sys.argv[1], sys.argv[2:])
