"""The message catalogue (harness/messages.c, harness/messages/zh/*.h):

- tools/messages.py check passes: every text a learner is shown (a message
  id) has its Chinese, with the same printf conversions in the same order,
  and no entry translates a text the kit no longer shows;
- messages.c includes every translation file there is;
- lesson 04's stubs, checked with FORKLAB_LANG=zh, give failures whose
  title, expected and observed are Chinese, pointing to README.zh.md; with
  FORKLAB_LANG=en there is no Chinese at all; the JSON keys and the
  verdicts are the same in both;
- the C side, on a catalogue of its own: a translation is used only when
  its conversions are the id's, the language comes from FORKLAB_LANG, else
  LC_ALL, LC_MESSAGES, LANG."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from kit import ROOT, build

DRIVER = os.path.join(ROOT, "build", "harness", "forklab")
EXERCISES = os.path.join(ROOT, "exercises")
CATALOGUE = os.path.join(ROOT, "harness", "messages", "zh")
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_has_its_chinese():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "messages.py"), "check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, f"tools/messages.py check:\n{r.stdout}{r.stderr}"


def test_messages_c_includes_every_translation_file():
    with open(os.path.join(ROOT, "harness", "messages.c"), encoding="utf-8") as f:
        included = set(re.findall(r'#include "messages/zh/([^"]+)"', f.read()))
    there = {f for f in os.listdir(CATALOGUE) if f.endswith(".h")}
    assert included == there, (f"not included by harness/messages.c: {sorted(there - included)}; "
                               f"included but missing: {sorted(included - there)}")


def run_04(lang):
    """Lesson 04's stubs through the driver, as JSON, in language lang."""
    d = build(EXERCISES, "04-join")
    env = dict(os.environ, FORKLAB_LANG=lang)
    r = subprocess.run([DRIVER, "--format", "json", "--work", "exercises", "-j", "1", d],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.stdout.startswith("{"), f"no JSON ({lang}):\n{r.stdout}\n{r.stderr}"
    return json.loads(r.stdout)


def shape(doc):
    """The keys of a JSON document, recursively (values left out)."""
    if isinstance(doc, dict):
        return {k: shape(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [shape(v) for v in doc]
    return None


def test_stub_failures_speak_the_readers_language():
    zh, en = run_04("zh"), run_04("en")
    assert shape(zh) == shape(en), "the JSON keys must not change with the language"
    zc, ec = zh["lessons"][0]["checks"], en["lessons"][0]["checks"]
    assert [(c["id"], c["verdict"]) for c in zc] == [(c["id"], c["verdict"]) for c in ec]
    failed = [c for c in zc if c["verdict"] == "fail"]
    assert len(failed) >= 5, "the stubs should fail most of lesson 04"
    for field in ("title", "expected", "observed"):
        english = [c["id"] for c in failed if not CJK.search(c[field])]
        assert len(english) <= len(failed) // 10, \
            f"{field} without Chinese under FORKLAB_LANG=zh: {english}"
    for c in failed:
        assert "README.zh.md § " in c["read"] and CJK.search(c["read"]), \
            f"{c['id']}: a reader of Chinese is sent to {c['read']!r}"
    for c in ec:
        for field in ("title", "expected", "observed", "notes", "read"):
            assert not CJK.search(c[field]), f"{c['id']}: Chinese in {field} under en: {c[field]}"


def test_a_hang_reported_in_chinese_still_gets_its_hint():
    """The driver knows a timeout by its message's first words in either
    language (a checker told zh, a driver told en, or the other way)."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import messages
    from test_driver import lesson_dir, rec
    from test_formats import fake_kit
    entries, _ = messages.catalogue()
    timed_out = next(zh for en, (zh, _) in entries.items() if en.startswith("timed out after %g s"))
    observed = timed_out.replace("%g", "2", 1).replace("%s", "调用 q_get", 1)
    tmp = tempfile.mkdtemp(prefix="forklab-messages-")
    try:
        fake_kit(tmp, {"04-x": [("slow", "slow", 1)]})
        d = lesson_dir(tmp, "04-x", [rec("slow", "fail", observed)])
        for lang, label in (("zh", "提示"), ("en", "hint")):
            out = subprocess.run([DRIVER, "--kit", os.path.join(tmp, "kit"), d],
                                 capture_output=True, text=True,
                                 env=dict(os.environ, FORKLAB_LANG=lang)).stdout
            assert re.search(r"^ {6}" + label + r" {2,}\S", out, re.M), \
                f"no hang hint under {lang}:\n{out}"
    finally:
        shutil.rmtree(tmp)


# ---- the C side, on a catalogue of its own ----

PROGRAM = r'''
#include "internal.h"
#include <stdio.h>
int main(int argc, char **argv)
{
    if (argc > 1) {            /* same conversions? */
        printf("%d\n", fl_same_conversions(argv[1], argv[2]));
        return 0;
    }
    const char *ids[] = {"good %d of %s", "swapped %d of %s", "missing %d", "extra",
                         "percent %d%%", "twice", "untranslated", "%s only",
                         "lone percent %d"};
    printf("%s\n", fl_lang());
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        printf("%s\n", fl_tr(ids[i]));
    return 0;
}
'''

CORE = r'''
FL_MSG("good %d of %s", "好 %d，%s")
FL_MSG("swapped %d of %s", "换了 %s，%d")
FL_MSG("missing %d", "少了")
FL_MSG("extra", "多了 %s")
FL_MSG("percent %d%%", "百分之 %d%%")
FL_MSG("twice", "第一")
FL_MSG("twice", "第二")
FL_MSG("%s only", "%s 而已")
FL_MSG("lone percent %d", "孤零零 %d 的 % 号")
'''


def c_program(tmp):
    """messages.c built beside a catalogue of the test's own: the same
    file names, only core.h filled."""
    src = os.path.join(ROOT, "harness", "messages.c")
    shutil.copy(src, tmp)
    for h in ("fl.h", "internal.h"):
        shutil.copy(os.path.join(ROOT, "harness", h), tmp)
    os.makedirs(os.path.join(tmp, "messages", "zh"))
    with open(src, encoding="utf-8") as f:
        for name in re.findall(r'#include "messages/zh/([^"]+)"', f.read()):
            with open(os.path.join(tmp, "messages", "zh", name), "w", encoding="utf-8") as out:
                out.write(CORE if name == "core.h" else "")
    with open(os.path.join(tmp, "main.c"), "w") as f:
        f.write(PROGRAM)
    exe = os.path.join(tmp, "tr")
    subprocess.run(["cc", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Werror", "-o", exe,
                    os.path.join(tmp, "main.c"), os.path.join(tmp, "messages.c")],
                   check=True, capture_output=True, text=True)
    return exe


def words(exe, **env):
    clean = {k: v for k, v in os.environ.items()
             if k not in ("FORKLAB_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    r = subprocess.run([exe], capture_output=True, text=True, env=dict(clean, **env), check=True)
    return r.stdout.splitlines()


def test_c_uses_a_translation_only_with_the_ids_conversions():
    tmp = tempfile.mkdtemp(prefix="forklab-messages-")
    try:
        exe = c_program(tmp)
        zh = words(exe, FORKLAB_LANG="zh_CN")
        assert zh == ["zh", "好 %d，%s", "swapped %d of %s", "missing %d", "extra",
                      "百分之 %d%%", "第一", "untranslated", "%s 而已", "lone percent %d"], zh
        english = ["good %d of %s", "swapped %d of %s", "missing %d", "extra", "percent %d%%",
                   "twice", "untranslated", "%s only", "lone percent %d"]
        assert words(exe, FORKLAB_LANG="en", LANG="zh_CN.UTF-8") == ["en"] + english
        assert words(exe) == ["en"] + english
        assert words(exe, LANG="zh_CN.UTF-8")[0] == "zh"
        assert words(exe, LC_ALL="C.UTF-8", LANG="zh_CN.UTF-8")[0] == "en"
        assert words(exe, LC_MESSAGES="zh_TW", LANG="en_US")[0] == "zh"
        same = [(a, b, "1" if want else "0") for a, b, want in [
            ("%d and %s", "%d 和 %s", True), ("%.3f s", "%.3f 秒", True),
            ("%zu B", "%lu B", False), ("%-8.3f|%5d", "%-8.3f|%5d", True),
            ("%d", "%i", False), ("100%% %d", "%d 的 100%%", True), ("%s", "%1$s", False)]]
        for a, b, want in same:
            got = subprocess.run([exe, a, b], capture_output=True, text=True).stdout.strip()
            assert got == want, f"fl_same_conversions({a!r}, {b!r}) gave {got}, not {want}"
    finally:
        shutil.rmtree(tmp)
