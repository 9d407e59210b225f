"""The driver's formats, read back by real parsers: JSON by Python's json,
TAP 14 by node-tap's tap-parser, TAP 13 by tap-parser and by Perl's prove.
A fake lesson checker prints records with every awkward character a
student's code or a compiler can produce; a fake kit (--kit) declares the
checks, as build/harness/lessons/*/list does for the real one."""
import json
import os
import shutil
import subprocess
import tempfile

from kit import ROOT, make

DRIVER = os.path.join(ROOT, "build", "harness", "forklab")
NASTY = "quote \" apos ' back \\ tab \t nl \n lt < gt > amp & hash # 中文 ctl \x01 end"


def esc(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def record(check_id, title, verdict, expected="", observed="", notes="", output=""):
    fields = ["result", "99-fake", check_id, title, "2", verdict, "0.0100", "A section",
              expected, observed, notes, str(len(output.encode())), output]
    return "\t".join(esc(f) for f in fields)


# What the fake kit declares: lesson -> [(id, title, points)].  The driver
# takes titles and points from here, never from the checker's records.
DECLARED = {
    "99-fake": [("good", "passes # with hash", 2), ("bad", "fails: " + NASTY, 2),
                ("later", "skipped", 2), ("bytes", "bad bytes", 1)],
    "98-broken": [("one", "one check", 1), ("two", "two check", 1)],
    "97-missing": [("three", "three check", 1)],
}


def fake_kit(tmp, declared=None):
    """A kit build folder whose lessons/L/list print the declared checks."""
    kit = os.path.join(tmp, "kit")
    for lesson, checks in (declared or DECLARED).items():
        d = os.path.join(kit, "lessons", lesson)
        os.makedirs(d)
        with open(os.path.join(d, "records"), "w") as f:
            for cid, title, points in checks:
                f.write("\t".join(esc(x) for x in ["list", lesson, cid, title, str(points), "2",
                                                   "A section"]) + "\n")
        with open(os.path.join(d, "list"), "w") as f:
            f.write('#!/bin/sh\ncat "$(dirname "$0")/records"\n')
        os.chmod(os.path.join(d, "list"), 0o755)
    return kit


# A fake checker that speaks the real ones' serve protocol: an id a line on
# stdin, answered with that check's record from `records`, or `missing`.
SERVE = ('#!/bin/sh\nd=$(dirname "$0")\n'
         'while read -r id; do\n'
         '  line=$(awk -F "\\t" -v id="$id" \'$3 == id\' "$d/records")\n'
         '  if [ -n "$line" ]; then printf "%s\\n" "$line"; '
         'else printf "missing\\tfake\\t%s\\n" "$id"; fi\n'
         'done\n')


def fake_class():
    """Three lesson build dirs: one that ran, one that did not compile, one
    missing; and the fake kit that declares their checks (tmp/kit)."""
    tmp = tempfile.mkdtemp(prefix="forklab-formats-")
    fake_kit(tmp)
    ran = os.path.join(tmp, "99-fake")
    os.makedirs(ran)
    recs = [record("good", "passes # with hash", "pass"),
            record("bad", "fails: " + NASTY, "fail", NASTY, NASTY, NASTY, NASTY),
            record("later", "skipped", "skip", notes="one CPU only"),
            record("bytes", "bad bytes", "fail", "e", "o")]
    with open(os.path.join(ran, "records"), "w") as f:
        f.write("\n".join(recs) + "\n")
    with open(os.path.join(ran, "check"), "w") as f:
        f.write(SERVE)
    os.chmod(os.path.join(ran, "check"), 0o755)
    broken = os.path.join(tmp, "98-broken")
    os.makedirs(broken)
    with open(os.path.join(broken, "build.log"), "w") as f:
        f.write("work.c:3:1: error: expected ';' before '}' token <&> \"x\"\n")
    missing = os.path.join(tmp, "97-missing")
    os.makedirs(missing)
    return tmp, [ran, broken, missing]


def drive(fmt, dirs, *extra):
    make("kit")
    kit = os.path.join(os.path.dirname(dirs[0]), "kit")
    return subprocess.run([DRIVER, "--format", fmt, "--kit", kit, "--work", 'odd "work" <dir>',
                           *extra, *dirs], capture_output=True, text=True)


def test_json_round_trips_every_character():
    tmp, dirs = fake_class()
    try:
        r = drive("json", dirs)
        assert r.returncode == 1, "a failing class must exit 1"
        doc = json.loads(r.stdout)
        assert doc["work"] == 'odd "work" <dir>'
        ran, broken, missing = doc["lessons"]
        assert [ran["status"], broken["status"], missing["status"]] == \
            ["ran", "build-failed", "missing"]
        assert "<&> \"x\"" in broken["log"]
        bad = ran["checks"][1]
        for key in ("expected", "observed", "notes", "output"):
            assert bad[key] == NASTY, (key, bad[key])
        assert bad["title"] == "fails: " + NASTY
        assert bad["read"] == "lessons/99-fake/README.md § A section"
        # 99-fake: good, bad, later (skip), bytes; 98-broken: 2 failed; 97-missing: 1 failed
        assert (doc["passed"], doc["failed"], doc["skipped"]) == (1, 5, 1)
        assert (doc["points"], doc["max_points"]) == (4, 7 + 2 + 1), "a skip keeps its points"
        assert ran["checks"][2]["score"] == 2
        assert [c["id"] for c in broken["checks"]] == ["one", "two"], \
            "a lesson that did not build fails every declared check"
    finally:
        shutil.rmtree(tmp)


def test_json_replaces_invalid_utf8():
    tmp, dirs = fake_class()
    try:
        recs = os.path.join(dirs[0], "records")
        lines = open(recs, "rb").read().splitlines(keepends=True)
        with open(recs, "wb") as f:
            f.writelines(line for line in lines if b"\tbytes\t" not in line)
            f.write(b"result\t99-fake\tbytes\tbad bytes\t1\tfail\t0.1\ts\t\xff\xfe\to\tn\t1\t\xc3\n")
        doc = json.loads(drive("json", dirs).stdout)
        check = doc["lessons"][0]["checks"][-1]
        assert check["expected"] == "\ufffd\ufffd" and check["output"] == "\ufffd"
    finally:
        shutil.rmtree(tmp)


def tap_parse(text):
    node = shutil.which("node")
    assert node, "node is needed to read TAP back (.ci/run installs it)"
    assert os.path.isdir(os.path.join(ROOT, "tests", "node_modules", "tap-parser")), \
        "run `npm ci --prefix tests` to install the TAP parser"
    r = subprocess.run([node, os.path.join(ROOT, "tests", "tap_check.js")], input=text,
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def test_tap14_parses_with_subtests_diagnostics_and_skips():
    tmp, dirs = fake_class()
    try:
        r = drive("tap", dirs)
        assert r.stdout.startswith("TAP version 14\n")
        doc = tap_parse(r.stdout)
        assert doc["errors"] == [], doc["errors"]
        assert doc["final"]["count"] == 3 and doc["final"]["fail"] == 3
        sub = doc["subtests"][0]
        assert sub["name"] == "99-fake"
        good, bad, later, _ = sub["asserts"]
        assert good["ok"] and good["name"] == "passes # with hash"
        assert not bad["ok"]
        assert bad["diag"]["expected"] == NASTY and bad["diag"]["observed"] == NASTY
        assert bad["diag"]["read"] == "lessons/99-fake/README.md § A section"
        assert later["ok"] and later["skip"] == "one CPU only"
    finally:
        shutil.rmtree(tmp)


def test_real_checks_in_tap_parse_and_pass():
    make("checkers", "WORK=solutions", "LESSON=01")
    r = make("check", "WORK=solutions", "LESSON=01", "FORMAT=tap")
    doc = tap_parse(r.stdout)
    assert doc["errors"] == [] and doc["final"]["ok"], doc
    assert len(doc["subtests"][0]["asserts"]) >= 5


def test_human_output_teaches_and_colours_only_when_asked():
    tmp, dirs = fake_class()
    try:
        plain = drive("human", dirs).stdout
        assert "\033[" not in plain, "no colour when stdout is not a terminal"
        for words in ("✓ passes # with hash", "✗ fails:", "expected  quote", "observed  quote",
                      "read      lessons/99-fake/README.md § A section", "did not compile",
                      "expected ';'", "there is no", "1 passed, 5 failed"):
            assert words in plain, f"{words!r} missing from:\n{plain}"
        coloured = drive("human", dirs, "--color", "always").stdout
        assert "\033[32m✓" in coloured and "\033[31m✗" in coloured
    finally:
        shutil.rmtree(tmp)


def test_driver_usage_errors_exit_2():
    make("kit")
    r = subprocess.run([DRIVER, "--format", "yaml", "x"], capture_output=True, text=True)
    assert r.returncode == 2 and "FORMAT must be" in r.stderr
    r = subprocess.run([DRIVER, "--format=yaml", "x"], capture_output=True, text=True)
    assert r.returncode == 2 and "FORMAT must be" in r.stderr
    r = subprocess.run([DRIVER], capture_output=True, text=True)
    assert r.returncode == 2 and "usage" in r.stderr
    r = subprocess.run([DRIVER, "--nonsense", "x"], capture_output=True, text=True)
    assert r.returncode == 2 and "--nonsense: unknown option" in r.stderr
    r = subprocess.run([DRIVER, "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "--format=FMT" in r.stdout and "tap13" in r.stdout


def test_long_options_take_equals_and_spaces():
    tmp, dirs = fake_class()
    try:
        kit = os.path.join(tmp, "kit")
        a = subprocess.run([DRIVER, "--format=tap", f"--kit={kit}", "--work=w", *dirs],
                           capture_output=True, text=True).stdout
        b = subprocess.run([DRIVER, "-f", "tap", "--kit", kit, "--work", "w", *dirs],
                           capture_output=True, text=True).stdout
        assert a == b and a.startswith("TAP version 14\n")
    finally:
        shutil.rmtree(tmp)


def prove(text):
    """What Perl's prove (TAP::Harness 3.44, TAP 13 at most) makes of text."""
    assert shutil.which("prove"), "prove is needed (Debian: perl)"
    with tempfile.NamedTemporaryFile("w", suffix=".tap", delete=False) as f:
        f.write(text)
    try:
        return subprocess.run(["prove", "--exec", "cat", f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)


def test_tap13_reads_back_with_prove_and_tap_parser():
    tmp, dirs = fake_class()
    try:
        r = drive("tap13", dirs)
        assert r.stdout.startswith("TAP version 13\n")
        assert r.stdout.split("\n", 1)[1] == drive("tap", dirs).stdout.split("\n", 1)[1], \
            "tap13 is tap with another version line"
        doc = tap_parse(r.stdout)
        assert doc["errors"] == [], doc["errors"]
        assert doc["final"]["count"] == 3 and doc["final"]["fail"] == 3
        p = prove(r.stdout)
        out = p.stdout + p.stderr
        assert "Parse errors" not in out, out
        assert "Failed tests:  1-3" in out and p.returncode != 0, out
        # and TAP 14 is what prove refuses: the reason tap13 exists
        assert "Parse errors" in (lambda q: q.stdout + q.stderr)(prove(drive("tap", dirs).stdout))
    finally:
        shutil.rmtree(tmp)


def test_real_checks_in_tap13_pass_prove():
    make("checkers", "WORK=solutions", "LESSON=04")
    r = make("check", "WORK=solutions", "LESSON=04", "ONLY=join_waits join_reaps",
             "FORMAT=tap13", check=False)
    p = prove(r.stdout)
    assert "Parse errors" not in p.stdout + p.stderr, p.stdout
    assert "Files=1, Tests=1" in p.stdout, p.stdout
