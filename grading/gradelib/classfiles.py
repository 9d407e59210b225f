"""The class's files: gradebook.csv, junit.xml, results.tap (TAP 14) and
summary.html, all made from the students' grades.

summary.html draws its charts as hand-written SVG (no script, no library):
the score distribution, and for every check how many students failed it --
the longest bars are the ideas the class has not understood yet."""
import csv
import datetime
import io
import json
import socket
import urllib.parse
import xml.etree.ElementTree as ET

from . import integrity, names
from .marks import all_checks, failure_text
from .reports import h, page, printable

STATUSES = ("graded", "build-failed", "empty", "rejected")


# ---- gradebook.csv ----

def gradebook(grades, lessons, excel=False):
    """One row per student: student_id, a score per lesson, total, max,
    percent, status, integrity (the scan's findings, for review; they never
    change a score) and walls (what the submission was graded in).
    Written with the csv module (RFC 4180 quoting); every cell a
    spreadsheet would read as a formula is neutralised (names.csv_cell).
    excel: with a UTF-8 byte order mark, so Excel reads 中文 right."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["student_id", *lessons, "total", "max", "percent", "status", "integrity",
                "walls"])
    for g in grades:
        per = {l["lesson"]: l["score"] for l in g["lessons"]}
        pct = round(100.0 * g["score"] / g["max"], 1) if g["max"] else 0.0
        row = [g["student"], *[per.get(l, 0) for l in lessons], g["score"], g["max"], pct,
               g["status"], integrity.summary(g.get("integrity", [])), g.get("walls", "")]
        w.writerow([names.csv_cell(printable(v) if isinstance(v, str) else v) for v in row])
    return ("\ufeff" if excel else "") + buf.getvalue()


# ---- JUnit XML ----

def failure_type(c, status):
    """The kind of a failure, for JUnit's `type`: not-submitted,
    build-failed, rejected, crashed, timeout or assertion."""
    if status in ("missing", "empty"):
        return "not-submitted"
    if status in ("build-failed", "rejected", "crashed"):
        return status
    if c["observed"].startswith("timed out"):
        return "timeout"
    return "assertion"


def junit(grades, now=None, host=None):
    """One testsuite per student, one testcase per check, valid under both
    the strict Ant JUnit schema (tests/junit-ant.xsd) and Jenkins xunit's
    (tests/junit-jenkins.xsd): the root carries no attributes; a suite has
    name, timestamp, hostname, tests, failures, errors, time, id, package,
    then properties, testcases, system-out, system-err.  The Ant schema has
    no `skipped`: a skipped check is a passing testcase whose reason is in
    the suite's system-out."""
    stamp = (now or datetime.datetime.now()).strftime("%Y-%m-%dT%H:%M:%S")
    host = host or socket.gethostname() or "localhost"
    root = ET.Element("testsuites")
    for i, g in enumerate(grades):
        checks = all_checks(g)
        nfail = sum(c["verdict"] == "fail" for c in checks)
        suite = ET.SubElement(root, "testsuite", name=printable(g["student"]) or "-",
                              timestamp=stamp, hostname=host, tests=str(len(checks)),
                              failures=str(nfail), errors="0", time="%.3f" % g["seconds"],
                              package="forklab", id=str(i))
        props = ET.SubElement(suite, "properties")
        for key in ("status", "score", "max"):
            ET.SubElement(props, "property", name=key, value=str(g[key]))
        skipped = []
        for l in g["lessons"]:
            for c in l["checks"]:
                tc = ET.SubElement(suite, "testcase", name=printable(f"{c['id']}: {c['title']}"),
                                   classname=printable(f"{g['student']}.{l['lesson']}"),
                                   time="%.3f" % c["seconds"])
                if c["verdict"] == "fail":
                    f = ET.SubElement(tc, "failure", message=printable(c["observed"]),
                                      type=failure_type(c, l["status"]))
                    f.text = printable(failure_text(c) + ("\n\n" + l["log"] if l["log"] else ""))
                elif c["verdict"] == "skip":
                    skipped.append(f"skipped {l['lesson']} {c['id']}: {c['notes']}")
        ET.SubElement(suite, "system-out").text = printable("\n".join(skipped))
        ET.SubElement(suite, "system-err").text = ""
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---- TAP 14 ----

def _desc(s):
    out = printable(s).replace("\\", "\\\\").replace("#", "\\#")
    return out.replace("\r", " ").replace("\n", " ")


def tap(grades):
    """TAP 14: a subtest per student, an assertion per check; a failure's
    words in a YAML block (JSON strings are YAML flow scalars)."""
    out = ["TAP version 14\n"]
    for i, g in enumerate(grades, 1):
        checks = [(l, c) for l in g["lessons"] for c in l["checks"]]
        out.append(f"# Subtest: {_desc(g['student'])}\n    1..{len(checks)}\n")
        for j, (l, c) in enumerate(checks, 1):
            ok = c["verdict"] != "fail"
            line = f"    {'' if ok else 'not '}ok {j} - {_desc(l['lesson'] + ': ' + c['title'])}"
            if c["verdict"] == "skip":
                line += " # SKIP " + _desc(c["notes"])
            out.append(line + "\n")
            if not ok:
                out.append("      ---\n")
                for key in ("id", "expected", "observed", "read"):
                    out.append(f"      {key}: {json.dumps(c[key], ensure_ascii=False)}\n")
                out.append(f"      points: {c['points']}\n      ...\n")
        ok = g["score"] == g["max"]
        out.append(f"{'' if ok else 'not '}ok {i} - {_desc(g['student'])}"
                   f" {g['score']}/{g['max']} points\n")
    out.append(f"1..{len(grades)}\n")
    return "".join(out)


# ---- summary.html ----

def _label(text, room=44):
    return text if len(text) <= room else text[:room - 1] + "…"


def _bars(rows, width=720, label_w=330, bar_h=18, colour="#c62828"):
    """A horizontal bar chart: rows of (label, fraction 0..1, value text, tooltip)."""
    height = bar_h * len(rows) + 8
    room = width - label_w - 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img">']
    for i, (label, frac, shown, tip) in enumerate(rows):
        y = 4 + i * bar_h
        w = round(room * frac, 1)
        parts.append(f'<g><title>{h(tip)}</title>'
                     f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{h(_label(label))}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{w}" height="{bar_h - 5}" fill="{colour}"/>'
                     f'<text x="{label_w + w + 4}" y="{y + 13}">{h(shown)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(grades, bins=10, width=640, height=200):
    """Students per band of percent score: 0-9 %, ..., 90-100 %."""
    counts = [0] * bins
    for g in grades:
        pct = 100.0 * g["score"] / g["max"] if g["max"] else 0.0
        counts[min(bins - 1, int(pct * bins / 100))] += 1
    top = max(counts + [1])
    col = (width - 40) / bins
    plot = height - 50   # room above the tallest bar for its count
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img">',
             f'<line x1="30" y1="{plot + 20}" x2="{width - 10}" y2="{plot + 20}" stroke="#888"/>']
    for i, n in enumerate(counts):
        x = 30 + i * col
        bh = round(plot * n / top, 1)
        lo, hi = i * 100 // bins, (i + 1) * 100 // bins - (0 if i == bins - 1 else 1)
        parts.append(f'<g><title>{n} student{"s" if n != 1 else ""} scored {lo}-{hi} %</title>'
                     f'<rect x="{x + 3:.1f}" y="{plot + 20 - bh}" width="{col - 6:.1f}" height="{bh}" '
                     f'fill="#1f6feb"/><text x="{x + col / 2:.1f}" y="{plot + 20 - bh - 3}" '
                     f'text-anchor="middle">{n}</text><text x="{x + col / 2:.1f}" y="{plot + 36}" '
                     f'text-anchor="middle">{lo}–{hi}%</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _failures(grades):
    """A row per check of every lesson someone handed in: the share of those
    students who failed it, most failed first.  Students who did not hand the
    lesson in are left out: they say nothing about its ideas."""
    seen, order = {}, []
    for g in grades:
        for l in g["lessons"]:
            for c in l["checks"]:
                key = (c["lesson"], c["id"])
                if key not in seen:
                    seen[key] = [c["title"], 0, 0]
                    order.append(key)
                if l["status"] not in ("missing", "rejected"):
                    seen[key][1] += c["verdict"] == "fail"
                    seen[key][2] += 1
    rows = []
    for key in order:
        title, failed, handed = seen[key]
        if handed:
            rows.append((f"{key[0][:2]} {title}", failed / handed, f"{failed}/{handed}",
                         f"{key[0]} {key[1]}: {title} -- failed by {failed} of the {handed} "
                         f"students who handed in {key[0]}"))
    return sorted(rows, key=lambda r: -r[1])


def summary(grades, lessons):
    """summary.html: the class's score distribution, failures per check and
    mean per lesson (SVG drawn by hand), and a row per student linking
    their instructor report."""
    n = len(grades)
    counts = {s: sum(g["status"] == s for g in grades) for s in STATUSES}
    mean = sum(100.0 * g["score"] / g["max"] for g in grades if g["max"]) / n if n else 0
    body = [f"<h1>forklab: the class at a glance</h1>\n<p>{n} students · mean {mean:.1f} % · "
            + " · ".join(f"{v} {k}" for k, v in counts.items() if v) + "</p>\n",
            "<h2>Score distribution</h2>\n", _histogram(grades), "\n",
            "<h2>Failed checks: which idea has the class not understood?</h2>\n"
            "<p>For each check, the students who failed it among those who handed its lesson in, "
            "most failed first (hover for the check's id).</p>\n",
            _bars(_failures(grades)), "\n", "<h2>Lessons</h2>\n"]
    per_lesson = []
    for lesson in lessons:
        got = [l for g in grades for l in g["lessons"] if l["lesson"] == lesson]
        avg = sum(100.0 * l["score"] / l["max"] for l in got if l["max"]) / len(got) if got else 0
        per_lesson.append((lesson, avg / 100, f"{avg:.0f} %", f"{lesson}: mean {avg:.1f} % of its points"))
    body += [_bars(per_lesson, colour="#1a7f37"), "\n",
             "<h2>Students</h2>\n<table>\n<tr><th>student</th><th>score</th><th>status</th></tr>\n"]
    for g in grades:
        href = "instructor/" + urllib.parse.quote(names.folder(g["student"])) + "/report.html"
        body.append(f"<tr><td><a href=\"{h(href)}\">{h(g['student'])}</a></td>"
                    f"<td>{g['score']}/{g['max']}</td><td>{h(g['status'])}</td></tr>\n")
    body.append("</table>\n")
    return page("forklab: class summary", "".join(body))
