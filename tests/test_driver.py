"""The driver's run and its human view, on fake lessons: several checkers at
once with the output in lesson order and the same verdicts, a lesson that
must run alone, the short view of unstarted lessons, hints on timeouts,
skips that say how to run them anyway."""
import os
import shutil
import subprocess
import tempfile

from kit import make
from test_formats import DRIVER, esc, fake_kit


def lesson_dir(tmp, lesson, records, sleep=0.0, log=None):
    """A fake build folder: its checker speaks the serve protocol of the
    real ones (an id a line on stdin, its record or `missing` on stdout);
    each check sleeps and notes when it ran.  records: each a list of
    fields after "result", lesson."""
    d = os.path.join(tmp, lesson)
    os.makedirs(d)
    with open(os.path.join(d, "records"), "w") as f:
        for rec in records:
            f.write("\t".join(esc(x) for x in ["result", lesson, *rec]) + "\n")
    with open(os.path.join(d, "check"), "w") as f:
        f.write('#!/bin/sh\n[ "$1" = --sandbox ] && { echo fake; exit 0; }\n'
                'd=$(dirname "$0")\n'
                'while read -r id; do\n'
                '  echo "start $(date +%s.%N)" >> "$d/ran"\n'
                f'  sleep {sleep}\n'
                '  line=$(awk -F "\t" -v id="$id" \'$3 == id\' "$d/records")\n'
                # the end is noted before the answer, which lets the next check start
                '  echo "end $(date +%s.%N)" >> "$d/ran"\n'
                f'  if [ -n "$line" ]; then echo "$line"; else printf "missing\\t{lesson}\\t%s\\n" "$id"; fi\n'
                'done\n')
    os.chmod(os.path.join(d, "check"), 0o755)
    if log is not None:
        with open(os.path.join(d, "build.log"), "w") as f:
            f.write(log)
    return d


def rec(cid, verdict, observed="", notes="", section="A section"):
    return [cid, cid, "1", verdict, "0.01", section, "to work", observed, notes, "0", ""]


def declare(lessons):
    return {name: [(cid, f"title of {cid}", 1) for cid in ids] for name, ids in lessons.items()}


def run(tmp, dirs, *extra):
    make("kit")
    return subprocess.run([DRIVER, "--kit", os.path.join(tmp, "kit"), *extra, *dirs],
                          capture_output=True, text=True)


def ran_at(d):
    """When the lesson's first check started and its last one ended."""
    marks = [line.split() for line in open(os.path.join(d, "ran"))]
    return (min(float(t) for k, t in marks if k == "start"),
            max(float(t) for k, t in marks if k == "end"))


def test_parallel_runs_print_in_lesson_order_with_the_same_verdicts():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        names = {f"0{i}-l{i}": ["a", "b"] for i in range(1, 5)}
        fake_kit(tmp, declare(names))
        # the first lesson is the slowest: the others must wait to print
        dirs = [lesson_dir(tmp, name, [rec("a", "pass"), rec("b", "fail", "wrong")],
                           sleep=0.6 if i == 0 else 0.1) for i, name in enumerate(names)]
        serial = run(tmp, dirs, "--format=json", "-j1")
        spans = [ran_at(d) for d in dirs]
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "-j1: one check at a time"
        for d in dirs:
            os.unlink(os.path.join(d, "ran"))
        parallel = run(tmp, dirs, "--format=json", "-j8")
        assert serial.stdout.split('"seconds"')[0] == parallel.stdout.split('"seconds"')[0], \
            "the same document, whatever order the checkers ended in"
        spans = [ran_at(d) for d in dirs]
        assert max(s for s, _ in spans) < min(e for _, e in spans), "-j8: all eight at once"
        human = run(tmp, dirs, "-j8", "--full").stdout
        heads = [human.index(f"\n{name}  ") for name in names]
        assert heads == sorted(heads), human
    finally:
        shutil.rmtree(tmp)


def test_parallelism_lesson_runs_alone():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        names = {"11-pool": ["a"], "12-parallelism": ["a"], "13-fork-exec": ["a"]}
        fake_kit(tmp, declare(names))
        dirs = [lesson_dir(tmp, name, [rec("a", "pass")], sleep=0.3) for name in names]
        r = run(tmp, dirs, "-j3")
        assert r.returncode == 0, r.stdout + r.stderr
        s12, e12 = ran_at(dirs[1])
        for d in (dirs[0], dirs[2]):
            s, e = ran_at(d)
            assert e <= s12 or s >= e12, "12-parallelism shares the machine with nothing"
        assert r.stdout.index("11-pool") < r.stdout.index("12-parallelism") < \
            r.stdout.index("13-fork-exec")
    finally:
        shutil.rmtree(tmp)


def test_unstarted_lessons_take_one_line_and_one_lesson_shows_all():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        stub = "it returned -1 (errno 38: Function not implemented)"
        names = {"01-a": ["x", "y", "z"], "02-b": ["x", "y"]}
        fake_kit(tmp, declare(names))
        dirs = [lesson_dir(tmp, "01-a", [rec(c, "fail", stub) for c in "xyz"]),
                lesson_dir(tmp, "02-b", [rec("x", "pass"), rec("y", "fail", stub)])]
        out = run(tmp, dirs).stdout
        assert "01-a" in out and "not written yet: all 3 checks" in out, out
        assert "make check LESSON=01 shows each" in out
        assert out.count("✗ title of") == 1, "only 02-b, which is started, lists its ✗"
        assert "✓ title of x" in out
        one = run(tmp, dirs[:1]).stdout
        assert one.count("✗ title of") == 3, "one lesson alone shows every check"
        full = run(tmp, dirs, "--full").stdout
        assert full.count("✗ title of") == 4
        # a stub may answer some checks its own way (a consumer stub exiting 1)
        mixed = lesson_dir(tmp, "03-c", [rec("x", "fail", stub), rec("y", "fail", stub),
                                         rec("z", "fail", "consumer 5 exited with 1")])
        fake_kit(os.path.join(tmp, "more"), declare({"03-c": ["x", "y", "z"]}))
        shutil.copytree(os.path.join(tmp, "more", "kit", "lessons", "03-c"),
                        os.path.join(tmp, "kit", "lessons", "03-c"))
        out = run(tmp, [*dirs, mixed]).stdout
        assert "not written yet: 0/3 checks pass, 2 get ENOSYS from the stubs" in out, out
        assert "Next: lessons/01-a/README.md, then write exercises/01-a/" in out, out
    finally:
        shutil.rmtree(tmp)


def test_timeouts_carry_a_hint_and_skips_say_how_to_run_anyway():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        fake_kit(tmp, declare({"04-x": ["slow", "other", "skipped"]}))
        cat = os.path.join(tmp, "catalog.txt")
        with open(cat, "w") as f:
            f.write("[04-x slow]\ntimeout.en: the pipe's write end is still open\n"
                    "timeout.zh: 管道的写端还开着\n")
        d = lesson_dir(tmp, "04-x", [
            rec("slow", "fail", "timed out after 2 s while calling q_get"),
            rec("other", "fail", "timed out after 2 s while calling q_put"),
            rec("skipped", "skip", notes="this machine lets the check use 1 CPU")])
        out = run(tmp, [d], "--catalog", cat).stdout
        assert "hint      the pipe's write end is still open" in out, out
        assert "hint      a check that times out usually waits for something that never " \
               "comes" in out, "a check without its own timeout hint gets the general one"
        assert "skipped: this machine lets the check use 1 CPU" in out
        assert "run it anyway: make check LESSON=04 ONLY=skipped FORCE=1" in out
        env = dict(os.environ, FORKLAB_LANG="zh")
        zh = subprocess.run([DRIVER, "--kit", os.path.join(tmp, "kit"), "--catalog", cat, d],
                            capture_output=True, text=True, env=env).stdout
        assert "管道的写端还开着" in zh
        tap = run(tmp, [d], "--catalog", cat, "--format=tap").stdout
        assert "hint: \"the pipe's write end is still open\"" in tap, tap
    finally:
        shutil.rmtree(tmp)


def test_crashed_checker_fails_every_check_even_when_parallel():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        fake_kit(tmp, declare({"01-a": ["x", "y"], "02-b": ["x"]}))
        a = lesson_dir(tmp, "01-a", [rec("x", "pass")])
        with open(os.path.join(a, "check"), "a") as f:
            f.write("kill -9 $$\n")
        b = lesson_dir(tmp, "02-b", [rec("x", "pass")])
        r = run(tmp, [a, b], "-j2", "--format=json")
        import json
        doc = json.loads(r.stdout)
        assert doc["lessons"][0]["status"] == "crashed"
        assert [c["verdict"] for c in doc["lessons"][0]["checks"]] == ["fail", "fail"]
        assert doc["lessons"][1]["checks"][0]["verdict"] == "pass"
        assert r.returncode == 1
    finally:
        shutil.rmtree(tmp)


def test_only_keeps_the_named_checks_and_refuses_unknown_ones():
    tmp = tempfile.mkdtemp(prefix="forklab-driver-")
    try:
        fake_kit(tmp, declare({"01-a": ["x", "y"], "02-b": ["z"]}))
        a = lesson_dir(tmp, "01-a", [rec("x", "pass")])
        b = lesson_dir(tmp, "02-b", [rec("z", "pass")])
        r = run(tmp, [a, b], "--only", "x")
        assert r.returncode == 0, r.stdout
        assert "02-b" not in r.stdout and "1 passed, 0 failed" in r.stdout
        assert "Only x ran" in r.stdout
        r = run(tmp, [a, b], "--only", "nope")
        assert r.returncode == 2 and "no check named nope" in r.stderr
    finally:
        shutil.rmtree(tmp)
