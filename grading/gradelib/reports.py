"""One student's files: report.md, report.html (feedback) and results.json
(Gradescope's autograder format), and the instructor's fuller report.

The student's report never shows the instructor's hidden checks (nor what
stopped them, which may quote their sources); the instructor's report
(instructor=True) shows them, the walls the submission was graded in, and
the integrity scan's findings.

Whatever a student controls (their id, their code's output, the compiler's
messages about it) is escaped for the format it lands in: backslashes and a
long enough fence in Markdown, entities in HTML, json.dumps in JSON.
Characters XML and HTML cannot carry (control characters) are shown as
\\xNN.  A failing check's timeline (timelines.py) is an SVG drawing placed
in report.html as it is: timelines.py has escaped its texts and held it to
the timeline's own elements before it gets here."""
import html
import json
import re

from .marks import failure_text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|&~])")


def printable(s):
    """s with the characters XML 1.0 forbids spelled as \\xNN."""
    return _CONTROL.sub(lambda m: "\\x%02x" % ord(m.group()) if ord(m.group()) < 0x100
                        else "\ufffd", s)


def h(s):
    """Text for HTML (and XML) content or attribute values."""
    return html.escape(printable(str(s)), quote=True)


def md(s):
    """Text for a Markdown line: every special character backslashed, line
    breaks as spaces."""
    return _MD_SPECIAL.sub(r"\\\1", printable(s).replace("\r", " ").replace("\n", " "))


def md_block(text):
    """A fenced block that no run of backticks in text can close."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{printable(text)}\n{fence}\n"


def mark(c):
    """The sign `make check` shows for check c: ✓ pass, – skip, ✗ fail."""
    return "✓" if c["verdict"] == "pass" else "–" if c["verdict"] == "skip" else "✗"


STATUS_WORDS = {"ran": "", "missing": "not submitted", "build-failed": "did not compile",
                "crashed": "checker stopped", "rejected": "not unpacked"}


# ---- Markdown ----

def _shown(l, instructor):
    """The checks of lesson l a report shows, and their score and max."""
    checks = [c for c in l["checks"] if instructor or not c["hidden"]]
    return checks, sum(c["score"] for c in checks), sum(c["points"] for c in checks)


def _has_hidden(g):
    return any(c["hidden"] for l in g["lessons"] for c in l["checks"])


def _timeline_of(c, timelines):
    """The model.Timeline drawn for check c (a grade.json dict), or None."""
    t = (timelines or {}).get(c["lesson"])
    return t if t is not None and t.check == c["id"] and not c["hidden"] else None


def markdown(g, instructor=False, timelines=None):
    """report.md: the student's (instructor=False) or the instructor's;
    a check with a timeline (timelines: {lesson: model.Timeline}) says it
    is drawn in report.html."""
    out = [f"# forklab report: {md(g['student'])}\n\n",
           f"**{g['score']} / {g['max']} points** · status: {g['status']}\n\n"]
    if _has_hidden(g) and not instructor:
        out.append("The total includes the instructor's checks, which this report does not "
                   "show.\n\n")
    if instructor:
        out.append(f"Walls: {md(g.get('walls', ''))}\n\n")
        found = g.get("integrity", [])
        out.append(f"## Integrity scan: {len(found)} finding{'s' if len(found) != 1 else ''}\n\n")
        out += [f"- {md(f)}\n" for f in found]
        out.append("\n" if found else "Nothing only an attack would need.\n\n")
    if g["rejected"]:
        out.append(f"Your submission was not graded: {md(g['rejected'])}.\n\n")
    for note in g["notes"]:
        out.append(f"- note: {md(note)}\n")
    for l in g["lessons"]:
        words = STATUS_WORDS.get(l["status"], l["status"])
        checks, score, top = _shown(l, instructor)
        out.append(f"\n## {md(l['lesson'])}: {score} / {top}"
                   f"{' (' + words + ')' if words else ''}\n\n")
        if instructor and l.get("hidden_log"):
            out.append(md_block(l["hidden_log"]) + "\n")
        if l["log"]:
            out.append("Your code did not compile; none of this lesson's checks ran. "
                       "The compiler said:\n\n" if l["status"] == "build-failed"
                       else "What stopped the checks:\n\n")
            out.append(md_block(l["log"]) + "\n")
        elif l["warnings"]:
            out.append("Your code compiled with warnings (they often point at the bug):\n\n")
            out.append(md_block(l["warnings"]) + "\n")
        out.append("| | check | points |\n|---|---|---|\n")
        for c in checks:
            hidden = " (instructor's check)" if c["hidden"] else ""
            out.append(f"| {mark(c)} | {md(c['title'])}{hidden} | {c['score']}/{c['points']} |\n")
        failed = [c for c in checks if c["verdict"] == "fail" and c["read"]]
        for c in failed:
            out.append(f"\n### ✗ {md(c['title'])}\n\n" + md_block(failure_text(c)))
            t = _timeline_of(c, timelines)
            if t is not None and t.svg:
                out.append("\nWhat its processes did is drawn as a timeline in report.html.\n")
    return "".join(out)


# ---- HTML ----

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;text-align:left;vertical-align:top}
tr:nth-child(even){background:#f4f4f4}.pass{color:#1a7f37}.fail{color:#c62828}.skip{color:#9a6700}
pre{background:#f6f8fa;padding:.6em;overflow:auto;white-space:pre-wrap}
.status{font-weight:bold}:not(.timeline)>svg text{font:12px sans-serif}
.timeline{overflow-x:auto;margin:.5em 0}.timeline svg{max-width:100%;height:auto;border:1px solid #ddd}
"""


def page(title, body):
    """A whole HTML5 page that is also well-formed XML."""
    return ("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
            f"<head><meta charset=\"utf-8\"/><title>{h(title)}</title>"
            f"<style>{STYLE}</style></head>\n<body>\n{body}</body>\n</html>\n")


def _html_timeline(c, t):
    """The timeline t (a model.Timeline) of check c, for its entry: the
    drawing with a line on how to draw it at home, or why there is none."""
    if not t.svg:
        return f"<p class=\"skip\">No timeline of this check: {h(t.note)}</p>\n"
    note = f"<p>{h(t.note)}</p>\n" if t.note else ""
    return (f"<div class=\"timeline\"><p>What the processes of this check did, in a second run "
            f"with a tracer (<code>make trace LESSON={h(c['lesson'][:2])} CHECK={h(c['id'])}</code> "
            f"draws the same on your machine):</p>\n{note}{t.svg}</div>\n")


def _html_check(c, timelines=None):
    cls = c["verdict"]
    hidden = " <em>(instructor's check)</em>" if c["hidden"] else ""
    row = (f"<tr class=\"{cls}\"><td class=\"{cls}\">{mark(c)}</td><td>{h(c['title'])}{hidden}"
           f"<br/><small>{h(c['id'])}</small></td><td>{c['score']}/{c['points']}</td></tr>\n")
    if c["verdict"] == "fail":
        t = _timeline_of(c, timelines)
        drawn = _html_timeline(c, t) if t is not None else ""
        row += (f"<tr><td></td><td colspan=\"2\"><pre>{h(failure_text(c))}</pre>"
                f"{chr(10) + drawn if drawn else ''}</td></tr>\n")
    return row


def html_report(g, instructor=False, timelines=None):
    """report.html: the student's (instructor=False) or the instructor's;
    timelines ({lesson: model.Timeline}) are drawn in their checks' entries."""
    body = [f"<h1>forklab report: {h(g['student'])}</h1>\n",
            f"<p class=\"status\">{g['score']} / {g['max']} points · status: {h(g['status'])}</p>\n"]
    if _has_hidden(g) and not instructor:
        body.append("<p>The total includes the instructor's checks, which this report does not "
                    "show.</p>\n")
    if instructor:
        body.append(f"<p>Walls: {h(g.get('walls', ''))}</p>\n<h2>Integrity scan</h2>\n<ul>\n")
        body += [f"<li>{h(f)}</li>\n" for f in g.get("integrity", [])]
        body.append("</ul>\n")
    if g["rejected"]:
        body.append(f"<p class=\"fail\">Your submission was not graded: {h(g['rejected'])}.</p>\n")
    for note in g["notes"]:
        body.append(f"<p>note: {h(note)}</p>\n")
    for l in g["lessons"]:
        words = STATUS_WORDS.get(l["status"], l["status"])
        checks, score, top = _shown(l, instructor)
        body.append(f"<h2>{h(l['lesson'])}: {score} / {top}"
                    f"{' (' + h(words) + ')' if words else ''}</h2>\n")
        if instructor and l.get("hidden_log"):
            body.append(f"<pre>{h(l['hidden_log'])}</pre>\n")
        if l["log"]:
            body.append("<p class=\"fail\">" + ("Your code did not compile; none of this lesson's "
                        "checks ran. The compiler said:" if l["status"] == "build-failed"
                        else "What stopped the checks:") + f"</p>\n<pre>{h(l['log'])}</pre>\n")
        elif l["warnings"]:
            body.append("<p class=\"skip\">Your code compiled with warnings (they often point at "
                        f"the bug):</p>\n<pre>{h(l['warnings'])}</pre>\n")
        body.append("<table>\n<tr><th></th><th>check</th><th>points</th></tr>\n")
        body += [_html_check(c, timelines) for c in checks]
        body.append("</table>\n")
    return page(f"forklab report: {g['student']}", "".join(body))


# ---- Gradescope ----

def _md_output(c, l):
    """A check's words for Gradescope, in Markdown."""
    if c["verdict"] == "pass":
        return ""
    if c["verdict"] == "skip":
        return "Skipped (full points): " + md(c["notes"] or "the grading machine cannot test this")
    out = md_block(failure_text(c))
    if l["log"]:
        out += "\n" + md_block(l["log"])
    return out


def gradescope(g, points_possible=None):
    """results.json for Gradescope's autograder: one test a check, numbered
    LESSON.CHECK; a skipped check passes with its reason.  points_possible
    rescales the total (the tests keep the rubric's points)."""
    tests = []
    for i, l in enumerate(g["lessons"], 1):
        for j, c in enumerate(l["checks"], 1):
            tests.append({"name": f"{l['lesson']}: {c['title']}", "number": f"{i}.{j}",
                          "score": c["score"], "max_score": c["points"],
                          "status": "failed" if c["verdict"] == "fail" else "passed",
                          "output": _md_output(c, l), "output_format": "md",
                          "tags": [l["lesson"], c["id"]],
                          "visibility": "after_published" if c["hidden"] else "visible"})
    summary = [f"{g['score']}/{g['max']} points ({g['status']})"]
    if g["rejected"]:
        summary.append("not graded: " + g["rejected"])
    summary += [f"{l['lesson']}: {l['score']}/{l['max']}"
                + (f" ({STATUS_WORDS[l['status']]})" if STATUS_WORDS.get(l["status"]) else "")
                for l in g["lessons"]]
    score = g["score"]
    if points_possible is not None:
        score = round(points_possible * g["score"] / g["max"], 4) if g["max"] else 0
        summary.insert(1, f"rescaled to {score:g} of {points_possible:g}")
    return {"score": score, "execution_time": max(1, round(g["seconds"])),
            "output": "\n".join("- " + md(x) for x in summary), "output_format": "md",
            "test_output_format": "md", "visibility": "visible",
            "stdout_visibility": "hidden", "tests": tests}


def dumps(obj):
    """obj as the JSON files hold it: UTF-8 text kept, indented, a final
    line break."""
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"
