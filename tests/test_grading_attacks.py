"""The grader against a hostile class: every attack a student who edits
their own submission (and has read all of forklab) could try, measured.
A forged submission must score no more than the stub, nothing may escape
its scratch, and nothing may be left behind.  Graders that run student code
run inside `unshare --pid --fork --mount-proc` (when we are root), so that
whatever escaped would still die with the test."""
import csv
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tarfile
import threading
import time
import unicodedata
import zipfile

from kit import ROOT
from test_grading import EXAMPLES, GRADE, lesson, mkdtemp, read_grade, student_dir

sys.path.insert(0, os.path.join(ROOT, "grading"))
from gradelib import names, runner, submission  # noqa: E402

STUB = os.path.join(ROOT, "exercises", "01-processes", "processes.c")


def grade(*args, check=True, walled=True, uids=None):
    """grading/grade, inside a PID namespace of its own when we are root;
    uids: the first uid it leases (tests side by side use their own)."""
    if "-o" in args and "-j" not in args:
        args += ("-j", "1")
    pre = ["unshare", "--pid", "--fork", "--mount-proc"] if walled and os.geteuid() == 0 else []
    env = dict(os.environ, FORKLAB_GRADER_UID=str(uids)) if uids else None
    r = subprocess.run(pre + [sys.executable, GRADE, *args], capture_output=True,
                       text=True, errors="surrogateescape", env=env)
    if check:
        assert r.returncode == 0, f"grade {args} exited {r.returncode}:\n{r.stdout}\n{r.stderr}"
    return r


def hostile(cls, sid, body, includes="", files=None, after=""):
    """A submission of lesson 01: the stub with proc_start replaced by body
    (C statements; it must end by returning)."""
    d = os.path.join(cls, sid, "01-processes")
    os.makedirs(d)
    shutil.copy(os.path.join(ROOT, "exercises", "01-processes", "processes.h"), d)
    text = open(STUB).read()
    start = text.index("int proc_start(struct proc *p)")
    end = text.index("\n}\n", start) + 3
    head = ("#include <errno.h>\n#include <fcntl.h>\n#include <signal.h>\n#include <stdio.h>\n"
            "#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n"
            "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <arpa/inet.h>\n" + includes)
    with open(os.path.join(d, "processes.c"), "w") as f:
        f.write(head + text[:start] + "int proc_start(struct proc *p)\n{\n    (void)p;\n" + body
                + "\n}\n" + after + text[end:])
    for name, data in (files or {}).items():
        with open(os.path.join(d, name), "w") as f:
            f.write(data)
    return d


def stub_score(cls_parent):
    """Lesson 01's score for the stub, graded the same way."""
    cls = os.path.join(cls_parent, "stubclass")
    shutil.copytree(os.path.join(EXAMPLES, "stub"), os.path.join(cls, "stub"))
    out = os.path.join(cls_parent, "stubout")
    grade(cls, "-o", out, "--lesson", "01")
    return lesson(read_grade(out, "stub"), "01")["score"]


def leftovers(base):
    """Processes of the uids base..base+9 still running (zombies aside)."""
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            # A process may end between the listing and the reading (ENOENT
            # or ESRCH): it is gone, so it is no leftover.
            try:
                uid = os.stat(f"/proc/{pid}").st_uid
            except OSError:
                continue
            try:
                state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                continue
            # A zombie runs nothing: it waits for init (here, the container's)
            # to reap it.
            if base <= uid < base + 10 and state != "Z":
                out.append(pid)
    return out


# ---- root must never follow a link the student planted ----

HIDDEN = r'''#include "fl.h"
#include "processes.h"

FL_CHECK(secret_hidden_check, "proc_init leaves pid at 0", .section = "Starting a child")
{
    struct proc p;
    p.pid = 42;
    proc_init(&p, NULL, NULL);
    FL_EXPECT(p.pid == 0, "pid 0 after proc_init", "pid %d", (int)p.pid);
}
'''


def test_planted_links_reach_nothing_and_hidden_checks_stay_hidden():
    """Student code plants links where the grader used to chown a folder
    (extra/LESSON) and write build.log as root; the hidden check's source
    is out of the student's reach, and out of the student's report."""
    if os.geteuid() != 0:
        return
    tmp = mkdtemp(prefix="forklab-links-")
    os.chmod(tmp, 0o755)
    target = os.path.join(tmp, "precious")
    os.makedirs(target)
    victim = os.path.join(target, "file")
    open(victim, "w").write("root's\n")
    extra = os.path.join(tmp, "extra", "01-processes")
    os.makedirs(extra)
    open(os.path.join(extra, "hidden.c"), "w").write(HIDDEN)
    rubric = os.path.join(tmp, "rubric")
    grade("--write-rubric", "--rubric", rubric, "--extra", os.path.dirname(extra), "--lesson", "01")
    cls = os.path.join(tmp, "class")
    # From the checker's own path, find the scratch folder, and plant links
    # in every place the grader's root ever wrote; also look for the
    # hidden check's source.
    hostile(cls, "linker", r'''
    char exe[4096] = "";
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) exe[n] = 0;
    char *w = strstr(exe, "/build/work");
    char scratch[4096] = "";
    if (w) { snprintf(scratch, sizeof scratch, "%s", w + strlen("/build/work")); }
    char *cut = strstr(scratch, "/work/01-processes");
    if (cut) *cut = 0;
    const char *home = getenv("HOME");
    const char *bases[] = {scratch, home ? home : "/nonexistent"};
    int planted = 0, seen = 0;
    for (int i = 0; i < 2; i++) {
        char path[4200];
        const char *dirs[] = {"extra", "hidden", "decl-extra"};
        for (int j = 0; j < 3; j++) {
            snprintf(path, sizeof path, "%s/%s", bases[i], dirs[j]);
            mkdir(path, 0777);
            snprintf(path, sizeof path, "%s/%s/01-processes", bases[i], dirs[j]);
            planted += symlink("''' + target + r'''", path) == 0;
            snprintf(path, sizeof path, "%s/%s/01-processes/hidden.c", bases[i], dirs[j]);
            seen += access(path, R_OK) == 0;
        }
        snprintf(path, sizeof path, "%s/build.log", bases[i]);
        planted += symlink("''' + victim + r'''", path) == 0;
    }
    printf("planted=%d seen-hidden-source=%d\n", planted, seen);
    fflush(stdout);
    errno = ENOSYS;
    return -1;''', includes="#include <sys/stat.h>\n")
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01", "--rubric", rubric, "--extra",
          os.path.dirname(extra), uids=65010)
    st = os.stat(target)
    assert (st.st_uid, st.st_gid) == (0, 0), f"root gave {target} to uid {st.st_uid}"
    assert open(victim).read() == "root's\n", "root wrote through a planted link"
    assert os.listdir(target) == ["file"], os.listdir(target)
    g = read_grade(out, "linker")
    outputs = " ".join(c["output"] for c in lesson(g, "01")["checks"])
    assert "seen-hidden-source=0" in outputs or "planted=" not in outputs, outputs
    for name in ("report.md", "report.html"):
        text = open(os.path.join(student_dir(out, "linker"), name), encoding="utf-8").read()
        assert "secret_hidden_check" not in text and "proc_init leaves pid at 0" not in text, name
        inst = open(os.path.join(student_dir(out, "linker", "instructor"), name),
                    encoding="utf-8").read()
        assert "leaves pid at 0" in inst, name
    assert not leftovers(65010)


def test_hidden_checker_is_sealed_before_student_code():
    """The hidden checker is root's and execute-only, its sources gone,
    before any student code runs: _seal on a folder with planted links."""
    tmp = mkdtemp(prefix="forklab-seal-")
    d = os.path.join(tmp, "h")
    os.makedirs(d)
    open(os.path.join(d, "check"), "w").write("binary")
    open(os.path.join(d, "hidden.c"), "w").write("secret")
    outside = os.path.join(tmp, "outside")
    open(outside, "w").write("keep")
    os.symlink(outside, os.path.join(d, "build.log"))
    assert runner._seal(d)
    assert sorted(os.listdir(d)) == ["check"], os.listdir(d)
    assert open(outside).read() == "keep"
    assert os.stat(os.path.join(d, "check")).st_mode & 0o777 == 0o711
    os.unlink(os.path.join(d, "check"))
    os.symlink(outside, os.path.join(d, "check"))
    assert not runner._seal(d), "a link named check is no checker"
    assert open(outside).read() == "keep" and os.stat(outside).st_mode & 0o777 != 0o711


# ---- one submission sees only its own scratch ----

def test_student_code_sees_only_its_own_scratch():
    """Student code looks for the grader's command line, another student's
    sources, the gradebook, the kit's solutions and tests, and the network:
    it finds none of them."""
    tmp = mkdtemp(prefix="forklab-spy-")
    os.chmod(tmp, 0o755)
    cls = os.path.join(tmp, "class")
    shutil.copytree(os.path.join(EXAMPLES, "complete"), os.path.join(cls, "aaa-victim"))
    out = os.path.join(tmp, "out")
    os.makedirs(out)
    open(os.path.join(out, "gradebook.csv"), "w").write("secret grades\n")
    os.chmod(os.path.join(out, "gradebook.csv"), 0o644)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    spied = [os.path.join(cls, "aaa-victim", "01-processes", "processes.c"),
             os.path.join(out, "gradebook.csv"),
             os.path.join(ROOT, "solutions", "01-processes", "processes.c"),
             os.path.join(ROOT, "tests", "run.py"),
             os.path.join(ROOT, "grading", "rubric")]
    checks = "".join(f'    seen = seen * 2 + (access("{p}", F_OK) == 0);\n' for p in spied)
    hostile(cls, "zzz-spy", checks.join([r'''
    int seen = 0;
''', r'''
    char cmd[512] = "";
    int fd = open("/proc/1/cmdline", O_RDONLY);
    if (fd >= 0) { ssize_t n = read(fd, cmd, sizeof cmd - 1); if (n > 0) cmd[n] = 0; close(fd); }
    for (size_t i = 0; i + 1 < sizeof cmd; i++) if (!cmd[i] && cmd[i + 1]) cmd[i] = ' ';
    seen = seen * 2 + (strstr(cmd, "''' + tmp + r'''") != NULL);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(''' + str(port) + r''')};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    int net = s >= 0 && connect(s, (struct sockaddr *)&a, sizeof a) == 0;
    printf("spy seen=%d net=%d\n", seen, net);
    fflush(stdout);
    errno = ENOSYS;
    return -1;''']))
    grade(cls, "-o", out, "--lesson", "01", "-j", "2", uids=65020)
    server.close()
    g = read_grade(out, "zzz-spy")
    outputs = " ".join(c["output"] for c in lesson(g, "01")["checks"])
    assert "spy seen=" in outputs, outputs
    assert "spy seen=0 net=0" in outputs, outputs
    assert "bubblewrap" in g["walls"] or "no bubblewrap" in g["walls"], g["walls"]
    assert not leftovers(65020)


# ---- nothing outlives its lesson; lesson 12 runs alone ----

def test_busy_loops_die_before_the_next_lesson():
    """Lesson 01's code leaves 64 detached busy loops; they are dead before
    lesson 02 starts (lesson 02's code counts the processes it can see of
    its own uid) and after grading."""
    tmp = mkdtemp(prefix="forklab-loops-")
    os.chmod(tmp, 0o755)
    cls = os.path.join(tmp, "class")
    hostile(cls, "looper", r'''
    for (int i = 0; i < 64; i++) {
        if (fork() == 0) { setsid(); if (fork() == 0) { for (;;) ; } _exit(0); }
    }
    errno = ENOSYS;
    return -1;''')
    shutil.copytree(os.path.join(EXAMPLES, "complete", "02-arguments"),
                    os.path.join(cls, "looper", "02-arguments"))
    out = os.path.join(tmp, "out")
    # Not in a PID namespace: its end would kill what escaped, hiding it.
    grade(cls, "-o", out, "--lesson", "01", "--lesson", "02", uids=65030, walled=False)
    left = leftovers(65030)
    detail = subprocess.run(["ps", "-o", "pid,uid,stat,etime,cmd", "-p", ",".join(left) or "1"], capture_output=True, text=True).stdout
    subprocess.run(["pkill", "-KILL", "-U", ",".join(str(u) for u in range(65030, 65040))])
    g = read_grade(out, "looper")
    assert lesson(g, "02")["score"] == lesson(g, "02")["max"] > 0
    assert not left, f"busy loops outlived their grading: {detail}"


def test_timing_lessons_run_alone():
    """A timing-sensitive step waits for every shared step to end, and no
    shared step starts while it runs."""
    turns = runner.Turns()
    log, lock = [], threading.Lock()

    def step(kind, name, secs):
        with (turns.alone if kind == "alone" else turns.share)():
            with lock:
                log.append(("start", name))
            time.sleep(secs)
            with lock:
                log.append(("end", name))
    ts = [threading.Thread(target=step, args=("share", "a", 0.2))]
    ts[0].start()
    time.sleep(0.05)
    ts.append(threading.Thread(target=step, args=("alone", "T", 0.2)))
    ts[1].start()
    time.sleep(0.05)
    ts.append(threading.Thread(target=step, args=("share", "b", 0.05)))
    ts[2].start()
    for t in ts:
        t.join()
    # Whatever order the threads got to run in (a loaded machine decides),
    # the alone step never overlaps a shared one.
    active = set()
    for what, name in log:
        if what == "start":
            assert not (name == "T" and active) and "T" not in active, log
            active.add(name)
        else:
            active.discard(name)
    assert sorted(n for w, n in log if w == "start") == ["T", "a", "b"], log
    assert runner.timing_sensitive("12-parallelism") and not runner.timing_sensitive("01-processes")


# ---- names ----

def test_file_names_never_reach_a_shell():
    tmp = mkdtemp(prefix="forklab-names-")
    os.chmod(tmp, 0o755)
    cls = os.path.join(tmp, "class")
    d = hostile(cls, "namer", "    errno = ENOSYS;\n    return -1;",
                files={"x;touch PWNED;.c": "int y;\n", "my notes.c": "int z;\n",
                       "$(touch PWNED2).c": "int w;\n"})
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    g = read_grade(out, "namer")
    notes = " ".join(g["notes"])
    for name in ("x;touch PWNED;.c", "my notes.c", "$(touch PWNED2).c"):
        assert name in notes, (name, notes)
    assert "A-Z a-z 0-9" in notes
    assert g["status"] == "graded", g["status"]
    for top in (tmp, ROOT, "/tmp", os.getcwd()):
        assert not os.path.exists(os.path.join(top, "PWNED")), top
    assert os.path.exists(os.path.join(d, "my notes.c")), "the submission itself is untouched"


def test_student_ids_cannot_break_the_class_files():
    """Ids that collide with class files, are not UTF-8, differ only in
    Unicode normalisation, or start like a spreadsheet formula."""
    tmp = mkdtemp(prefix="forklab-ids-")
    cls = os.path.join(tmp, "class")
    os.makedirs(cls)
    nfc = unicodedata.normalize("NFC", "José")
    nfd = unicodedata.normalize("NFD", "José")
    ids = ["junit.xml", "gradebook.csv", nfc, nfd, "=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)",
           "\tTab", "\x1b]0;pwned\x07esc", "students", "instructor", "中文"]
    for sid in ids:
        shutil.copytree(os.path.join(EXAMPLES, "no-compile"), os.path.join(cls, sid))
    raw = os.path.join(os.fsencode(cls), b"caf\xe9")
    shutil.copytree(os.fsencode(os.path.join(EXAMPLES, "no-compile")), raw)
    out = os.path.join(tmp, "out")
    for run in range(2):   # the second run reads the first's files back
        r = grade(cls, "-o", out, "--lesson", "01", "--excel", walled=False)
        assert "\x1b" not in r.stdout + r.stderr, "a terminal escape reached the terminal"
    assert "NFC" in r.stderr or "normalisation" in r.stderr, r.stderr
    data = open(os.path.join(out, "gradebook.csv"), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf"), "--excel writes a byte order mark"
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    cells = [c for row in rows[1:] for c in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    first = [row[0] for row in rows[1:]]
    for sid in ("'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab",
                "junit.xml", "caf\\xe9", "中文"):
        assert sid in first, (sid, first)
    assert os.path.isfile(os.path.join(out, "junit.xml"))
    g = read_grade(out, nfc)
    assert any("normalisation" in n for n in g["notes"]), g["notes"]
    assert read_grade(out, "caf\\xe9")["status"] == "build-failed"


# ---- archives and links ----

def test_archive_member_count_is_bounded_before_unpacking():
    tmp = mkdtemp(prefix="forklab-members-")
    path = os.path.join(tmp, "dots.tar.gz")
    with tarfile.open(path, "w:gz") as t:
        for _ in range(200000):
            info = tarfile.TarInfo("./")
            info.type = tarfile.DIRTYPE
            t.addfile(info)
    assert os.path.getsize(path) < 1 << 20
    dirs = os.path.join(tmp, "dirs.zip")
    with zipfile.ZipFile(dirs, "w") as z:
        for i in range(30000):
            z.writestr(f"d{i}/", "")
    for p in (path, dirs):
        dest = mkdtemp(prefix="forklab-members-dest-")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            submission.unpack(p, dest)
            raise AssertionError(f"{p} was unpacked")
        except submission.Rejected as e:
            assert "entries" in str(e), e
        # No clock (the machine may be loaded): the limit is proven by the
        # refusal, the memory it took, and nothing written.
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 << 10
        assert os.listdir(dest) == []


def test_submission_that_is_a_link_is_refused():
    tmp = mkdtemp(prefix="forklab-link-")
    cls = os.path.join(tmp, "class")
    os.makedirs(cls)
    os.symlink(os.path.join(ROOT, "solutions"), os.path.join(cls, "thief"))
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    g = read_grade(out, "thief")
    assert g["status"] == "rejected" and g["score"] == 0 and "link" in g["rejected"], g


# ---- output floods and terminal escapes ----

def test_output_floods_are_bounded():
    """Code printing records and escapes without end costs its own checks,
    not the grader's memory; no control sequence reaches the terminal."""
    tmp = mkdtemp(prefix="forklab-flood-")
    os.chmod(tmp, 0o755)
    cls = os.path.join(tmp, "class")
    hostile(cls, "\x1b[2Jflood", r'''
    for (long i = 0; i < 400000; i++)
        printf("result\t01-processes\trun_once\tx\t1\tpass\t0\ts\te\to\tn\t0\t\x1b]0;t\x07\n");
    fflush(stdout);
    errno = ENOSYS;
    return -1;''')
    out = os.path.join(tmp, "out")
    r = grade(cls, "-o", out, "--lesson", "01")
    assert "\x1b" not in r.stdout + r.stderr
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 600 << 10
    g = read_grade(out, "\x1b[2Jflood")
    assert lesson(g, "01")["score"] <= stub_score(tmp)
    text = open(os.path.join(student_dir(out, "\x1b[2Jflood"), "report.md"), encoding="utf-8").read()
    assert "\x1b" not in text and len(text) < 4 << 20


# ---- integrity scan ----

def test_integrity_scan_lists_what_only_an_attack_needs():
    tmp = mkdtemp(prefix="forklab-integrity-")
    os.chmod(tmp, 0o755)
    cls = os.path.join(tmp, "class")
    hostile(cls, "forger", "    errno = ENOSYS;\n    return -1;", after=r'''
const char *fl_sandbox_mode(void);

__attribute__((constructor)) static void forge(void)
{
    int fd = open("/proc/self/mem", O_RDWR);
    if (fd >= 0)
        close(fd);
    /* Forged records, in the checker's own format. */
    printf("result\t01-processes\truns_in_child\tx\t1\tpass\t0\ts\te\to\tn\t0\t\n%s\n",
           fl_sandbox_mode() ? "" : "-");
    fflush(stdout);
}
''')
    shutil.copytree(os.path.join(EXAMPLES, "stub"), os.path.join(cls, "stub"))
    out = os.path.join(tmp, "out")
    grade(cls, "-o", out, "--lesson", "01")
    rows = {r["student_id"]: r for r in csv.DictReader(open(os.path.join(out, "gradebook.csv"),
                                                            encoding="utf-8"))}
    found = rows["forger"]["integrity"]
    for word in ("constructor", "/proc", "harness symbol"):
        assert word in found, found
    assert rows["stub"]["integrity"] == "", rows["stub"]
    inst = open(os.path.join(student_dir(out, "forger", "instructor"), "report.md"),
                encoding="utf-8").read()
    assert "Integrity scan" in inst and "constructor" in inst
    assert int(rows["forger"]["total"]) <= int(rows["stub"]["total"]), rows


def test_integrity_scan_includes():
    from gradelib import integrity
    found = integrity.scan({"01-processes/a.c": '#include "processes.h"\n#include <stdio.h>\n'
                            '#include "../../solutions/01-processes/processes.h"\n'
                            '#include </etc/passwd>\n#define H "x.h"\n#include H\n'
                            '/* ptrace in a comment is no finding */\n',
                            "01-processes/processes.h": ""})
    assert len(found) == 3, found
    assert all("#include" in f for f in found), found
