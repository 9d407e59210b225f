"""The student's loop on the real kit: make check on fresh stubs is short,
make progress and make check point at what to read next (never at a
solution before the lesson passes), make hint gives one stage more each
time in English or Chinese, the catalogue covers every check, make watch
reruns on a save, make debug and make check ONLY= name one check."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

from kit import ROOT, lessons, make

CATALOG = os.path.join(ROOT, "harness", "hints", "catalog.txt")
WATCH = os.path.join(ROOT, "build", "harness", "student", "watch")


def work_of(**use):
    """A work folder: every lesson's stub, or the solution where use[NN]
    says "solutions"."""
    tmp = tempfile.mkdtemp(prefix="forklab-student-")
    for lesson in lessons():
        src = use.get("l" + lesson[:2], "exercises")
        shutil.copytree(os.path.join(ROOT, src, lesson), os.path.join(tmp, lesson))
    return tmp


def drop(work):
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(os.path.join(ROOT, "build", "work" + os.path.abspath(work)), ignore_errors=True)


def test_fresh_stubs_give_a_short_check():
    work = work_of()
    try:
        out = make("check", f"WORK={work}", check=False).stdout
        lines = out.splitlines()
        assert len(lines) < 120, f"{len(lines)} lines on fresh stubs:\n{out}"
        assert out.count("not written yet: all") >= 8, out
        assert "make check LESSON=01 shows each" in out
        assert lines[-1].startswith("Next: lessons/01-processes/README.md"), lines[-1]
        one = make("check", f"WORK={work}", "LESSON=01", check=False).stdout
        assert one.count("✗") >= 8, "one lesson shows every check"
    finally:
        drop(work)


def test_progress_points_at_the_next_reading_and_at_solutions_only_after_a_pass():
    work = work_of(l04="solutions")
    try:
        out = make("progress", f"WORK={work}", "LESSON=04 05").stdout
        assert re.search(r"04-join +█+ +\d+/\d+ +✓", out), out
        assert re.search(r"05-terminate +░+ +0/\d+ +not started", out), out
        assert "Next: lessons/05-terminate/README.md" in out
        assert "solutions/04-join/" in out, "a passed lesson may be compared"
        before = make("progress", f"WORK={work}", "LESSON=03 04").stdout
        assert "Next: lessons/03-isolated-memory/README.md" in before
        assert "solutions/" not in before, "no solution is pointed at before a pass"
        check = make("check", f"WORK={work}", "LESSON=04").stdout
        assert check.splitlines()[-1].startswith("Next: lessons/05-terminate/README.md")
    finally:
        drop(work)


def hint(work, state, lang="en"):
    env = dict(os.environ, FORKLAB_LANG=lang)
    return make("hint", f"WORK={work}", "LESSON=04", f"HINTS={state}", env=env).stdout


def test_hint_goes_one_stage_further_each_time_and_speaks_chinese():
    work = work_of()
    state = os.path.join(work, "hints-state")
    try:
        first = hint(work, state)
        assert "Hint 1 of 3" in first and "join_waits" in first, first
        assert "Hint 2 of 3" in hint(work, state)
        assert "Hint 3 of 3" in hint(work, state)
        last = hint(work, state)
        assert "Hint 3 of 3" in last and "last hint" in last
        os.unlink(state)
        zh = hint(work, state, "zh")
        assert "提示 1/3" in zh and re.search(r"[\u4e00-\u9fff]{4}", zh.split("：", 2)[-1]), zh
        env = dict(os.environ, LANG="zh_CN.UTF-8")
        env.pop("FORKLAB_LANG", None)
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        assert "提示 2/3" in make("hint", f"WORK={work}", "LESSON=04", f"HINTS={state}",
                                  env=env).stdout
    finally:
        drop(work)


def catalog():
    """{(lesson, id): {key.lang: text}} from the catalogue."""
    out, cur = {}, None
    for line in open(CATALOG, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"\[(\S+) ([^\]]+)\]", line)
        if m:
            cur = out.setdefault((m.group(1), m.group(2)), {})
        elif not line[0].isspace() and ":" in line and cur is not None:
            key, _, text = line.partition(":")
            cur[key.strip()] = text.strip()
    return out


def test_catalogue_has_every_stage_of_every_check_in_both_languages():
    """Every lesson has stages 2 and 3 in both languages; checks without a
    nudge of their own fall back to their README section, so a check just
    added elsewhere does not fail this test unless FORKLAB_HINTS_STRICT=1
    (or more than a tenth of the checks lack one)."""
    make("kit")
    cat = catalog()
    missing, total = [], 0
    for lesson in lessons():
        listing = subprocess.run([os.path.join(ROOT, "build", "harness", "lessons", lesson,
                                               "list"), "--list"],
                                 capture_output=True, text=True, check=True).stdout
        for line in listing.splitlines():
            total += 1
            cid = line.split("\t")[2]
            own, dflt = cat.get((lesson, cid), {}), cat.get((lesson, "*"), {})
            if "1.en" not in own or "1.zh" not in own:
                missing.append(f"{lesson} {cid}: its own nudge (1.en, 1.zh)")
            for k in ("2", "3"):
                for lang in ("en", "zh"):
                    if f"{k}.{lang}" not in own and f"{k}.{lang}" not in dflt:
                        missing.append(f"{lesson} {cid}: {k}.{lang}")
    own = [m for m in missing if "own nudge" in m]
    stages = [m for m in missing if "own nudge" not in m]
    assert not stages, "the hint catalogue lacks:\n" + "\n".join(stages)
    strict = os.environ.get("FORKLAB_HINTS_STRICT") == "1"
    assert not (own and (strict or len(own) * 10 > total)), \
        f"{len(own)} of {total} checks have no nudge of their own:\n" + "\n".join(own)


def test_a_check_without_hints_falls_back_to_its_readme_section():
    make("kit")
    work = work_of()
    try:
        empty = os.path.join(work, "empty-catalog")
        open(empty, "w").close()
        d = os.path.join(ROOT, "build", "work" + work, "04-join")
        make("checkers", f"WORK={work}", "LESSON=04")
        r = subprocess.run([os.path.join(ROOT, "build", "harness", "forklab"), "--format=hint",
                            "--catalog", empty, "--hint-state", os.path.join(work, "s"), d],
                           capture_output=True, text=True)
        assert "No hint for this check yet" in r.stdout, r.stdout
        assert "waitpid" in r.stdout, "the section of the README is shown"
    finally:
        drop(work)


def watch_runs(args, touch_in):
    log = os.path.join(touch_in, "..", "runs")
    p = subprocess.Popen([WATCH, *args, touch_in, "--", "sh", "-c", f"echo run >> {log}"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(50):
            time.sleep(0.1)
            if os.path.exists(log):
                break
        time.sleep(0.4)
        with open(os.path.join(touch_in, "work.c"), "w") as f:
            f.write("int x;\n")
        for _ in range(50):
            time.sleep(0.1)
            if open(log).read().count("run") >= 2:
                break
        p.send_signal(signal.SIGINT)
        out, _ = p.communicate(timeout=5)
        return open(log).read().count("run"), p.returncode, out
    finally:
        if p.poll() is None:
            p.kill()


def test_watch_reruns_on_a_save_with_inotify_and_by_polling():
    make("build/harness/student/watch")
    for args, how in (([], "inotify"), (["--poll"], "polling")):
        tmp = tempfile.mkdtemp(prefix="forklab-watch-")
        try:
            os.makedirs(os.path.join(tmp, "lesson"))
            runs, rc, out = watch_runs(args, os.path.join(tmp, "lesson"))
            assert runs == 2, (how, runs, out)
            assert rc == 0 and how in out, out
        finally:
            shutil.rmtree(tmp)


def test_make_watch_checks_the_first_unfinished_lesson_and_reruns():
    work = work_of(l01="solutions", l02="solutions", l03="solutions")
    try:
        make("checkers", f"WORK={work}")
        p = subprocess.Popen(["make", "--no-print-directory", "-C", ROOT, "watch",
                              f"WORK={work}", "LESSON=04"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
        out = ""
        try:
            deadline = time.monotonic() + 30
            os.set_blocking(p.stdout.fileno(), False)
            touched = False
            while time.monotonic() < deadline and out.count("watching") < 2:
                time.sleep(0.2)
                out += (p.stdout.read() or b"").decode(errors="replace")
                if "watching" in out and not touched:
                    with open(os.path.join(work, "04-join", "join.c"), "a") as f:
                        f.write("\n")
                    touched = True
        finally:
            os.killpg(p.pid, signal.SIGINT)
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
        assert out.count("watching") >= 2, out
        assert "04-join" in out and out.count("expected  ") >= 1, out
        first = out.split("watching")[0]
        assert first.count("expected  ") == 1, "the first failure in full, the rest in a line"
    finally:
        drop(work)


def test_debug_and_only_name_one_check():
    make("checkers", "WORK=solutions", "LESSON=04")
    out = make("debug", "WORK=solutions", "LESSON=04", "CHECK=join_waits").stdout
    assert "FORKLAB_SANDBOX=session" in out and "--only join_waits" in out
    assert "strace" in out and "gdb" in out and "04-join/check" in out
    bad = make("debug", "WORK=solutions", "LESSON=04", "CHECK=nope", check=False)
    assert bad.returncode != 0 and "join_waits" in bad.stderr
    one = make("check", "WORK=solutions", "LESSON=04", "ONLY=join_waits", check=False).stdout
    assert one.count("✓") + one.count("✗") == 1, one
