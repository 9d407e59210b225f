"""The grader's typed model: what the driver said about a lesson, and the
grade made of it.

The driver's JSON is the student's territory: a checker built from the
student's code prints it, so any key may be missing, of the wrong type or
huge.  DriverLesson.from_driver_json is the one door it comes in by, and it
never raises: what it cannot read becomes a "crashed" lesson whose log says
why, so a malformed report costs the student that lesson's checks and never
stops the grader.

The grade (StudentGrade, LessonResult, CheckResult) is the grader's own
and frozen once made.  to_json writes exactly the dictionaries grade.json
has always held, key for key and in the same order, so every file made
from a grade (grade.json, results.json, gradebook.csv, junit.xml, the
reports) is byte for byte what it was; from_json reads a grade.json back
and refuses (ValueError) one that is not a grade."""
import dataclasses
from dataclasses import dataclass, field
from typing import Optional

LESSON_STATUSES = ("ran", "build-failed", "missing", "crashed")
VERDICTS = ("pass", "fail", "skip")
MAX_RECORDS = 500            # checks a lesson's report may hold
FIELD_CAP = 64 << 10         # characters kept of one field of a record
_TEXT_FIELDS = ("expected", "observed", "read", "notes", "output")


def _cut(v):
    """A string no longer than FIELD_CAP (what a student's code prints cannot
    swell the grade); anything else unchanged."""
    return v[:FIELD_CAP] + "\n[cut]" if isinstance(v, str) and len(v) > FIELD_CAP else v


def _number(v, kind):
    """v as int or float, 0 when it is not a number (a report may lie)."""
    try:
        return kind(v)
    except (TypeError, ValueError, OverflowError):
        return kind(0)


# ---- what the driver said ----

@dataclass(frozen=True)
class DriverCheck:
    """One check's record as the driver reported it, every field a string
    or a number whatever the JSON held (the way marks always read it)."""
    id: str
    verdict: str = ""
    expected: str = ""
    observed: str = ""
    read: str = ""
    notes: str = ""
    output: str = ""
    output_bytes: int = 0
    seconds: float = 0.0

    @classmethod
    def from_driver_json(cls, rec):
        """The record from one element of the driver's `checks`, or None when
        it is not an object with a string id (such a record names no check,
        so it can neither pass nor fail one)."""
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
            return None
        text = {k: _cut(str(rec.get(k, ""))) for k in ("verdict",) + _TEXT_FIELDS}
        return cls(id=_cut(rec["id"]), output_bytes=_number(rec.get("output_bytes"), int),
                   seconds=_number(rec.get("seconds"), float), **text)

    def to_json(self):
        """The record as a dict, as the driver spells it."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class DriverLesson:
    """One lesson's record: status (one of LESSON_STATUSES), log, checks (at
    most MAX_RECORDS, in the driver's order), and the sandbox words the
    driver printed beside it."""
    lesson: str
    status: str
    log: str = ""
    checks: tuple = ()
    sandbox: str = ""

    @classmethod
    def crashed(cls, lesson, why):
        """A lesson whose checks could not be read; why says so."""
        return cls(lesson=lesson, status="crashed", log=why)

    @classmethod
    def from_driver_json(cls, rec, lesson, sandbox=""):
        """The record from the driver's lessons[0] (any JSON value).  Never
        raises: an object without a known status, or whose checks are not
        a list, is a crashed lesson with the reason in its log."""
        if not isinstance(rec, dict):
            return cls.crashed(lesson, "the driver's report for this lesson is not an object")
        status = rec.get("status")
        if status not in LESSON_STATUSES:
            shown = repr(status)[:60] if status is not None else "no status"
            return cls.crashed(lesson, f"the driver's report for this lesson has an unknown "
                               f"status ({shown}): " + _cut(str(rec.get("log", ""))))
        checks = rec.get("checks", [])
        if not isinstance(checks, list):
            return cls.crashed(lesson, "the driver's report for this lesson has no list of "
                               "checks")
        read = (DriverCheck.from_driver_json(c) for c in checks[:MAX_RECORDS])
        return cls(lesson=lesson, status=status, log=_cut(str(rec.get("log", ""))),
                   checks=tuple(c for c in read if c is not None),
                   sandbox=str(sandbox)[:400])

    @classmethod
    def from_driver_output(cls, text, lesson, stderr=""):
        """The record from the driver's whole --format json document (a
        string): its first lesson, with the sandbox words beside it.  When
        the document is not JSON with a list of lessons, a crashed lesson
        whose log is the end of the driver's stderr (what it said instead)."""
        import json
        try:
            doc = json.loads(text)
            first = doc["lessons"][0]
        except (ValueError, KeyError, IndexError, TypeError, RecursionError):
            return cls.crashed(lesson, "the driver printed no report: " + stderr[-2000:])
        return cls.from_driver_json(first, lesson, doc.get("sandbox", ""))

    @classmethod
    def all_from_driver_output(cls, text, lessons, stderr=""):
        """{lesson: record} from one driver document over several lesson
        folders: each lesson's own element, found by its name.  A lesson
        the document lacks (or a document that is not JSON with a list of
        lessons) is a crashed lesson saying why."""
        import json
        try:
            doc = json.loads(text)
            found = {l.get("lesson"): l for l in doc["lessons"] if isinstance(l, dict)}
            sandbox = doc.get("sandbox", "")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return {l: cls.crashed(l, "the driver printed no report: " + stderr[-2000:])
                    for l in lessons}
        return {l: cls.from_driver_json(found[l], l, sandbox) if l in found
                else cls.crashed(l, "the driver's report has no record of this lesson")
                for l in lessons}

    def scrubbed(self, prefix):
        """The record with prefix (the scratch folder) taken out of the log and
        of what the student's files show: 01-processes/x.c, not a scratch path."""
        return dataclasses.replace(
            self, log=self.log.replace(prefix, ""),
            checks=tuple(dataclasses.replace(c, observed=c.observed.replace(prefix, ""),
                                             notes=c.notes.replace(prefix, ""),
                                             output=c.output.replace(prefix, ""))
                         for c in self.checks))

    def to_json(self):
        """The record as a dict, as the driver spells a lesson."""
        return {"lesson": self.lesson, "status": self.status, "log": self.log,
                "checks": [c.to_json() for c in self.checks]}


@dataclass(frozen=True)
class Timeline:
    """A failing check's timeline, for the HTML reports (never part of the
    grade): the lesson, the check's id, svg (the drawing, already checked
    to be safe inside a page, or "" when there is none) and note (words
    shown with it: why there is no drawing, or how the traced run went
    otherwise than the graded one)."""
    lesson: str
    check: str
    svg: str = ""
    note: str = ""


@dataclass
class Checked:
    """What the runner found in one submission, filled in as it goes (so
    not frozen): lessons and hidden ({lesson: DriverLesson} for the kit's
    checks and the instructor's), submitted (lesson folders found), notes
    about files left out, rejected (why it could not be graded, or None),
    walls (what it was graded in), sources ({LESSON/name: text}, for the
    integrity scan) and timelines ({lesson: Timeline} of failing checks)."""
    lessons: dict = field(default_factory=dict)
    hidden: dict = field(default_factory=dict)
    submitted: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    rejected: Optional[str] = None
    walls: str = ""
    sources: dict = field(default_factory=dict)
    timelines: dict = field(default_factory=dict)

    @classmethod
    def of(cls, result):
        """result itself, or the Checked a dict with these keys stands for
        (missing keys empty)."""
        if isinstance(result, cls):
            return result
        return cls(**{f.name: result[f.name] for f in dataclasses.fields(cls)
                      if f.name in result})


# ---- the grade ----

def _need(doc, key, kinds):
    """doc[key] when it has one of kinds, else ValueError naming the key."""
    if not isinstance(doc, dict) or key not in doc:
        raise ValueError(f"a grade without {key!r}")
    v = doc[key]
    if not isinstance(v, kinds) or (isinstance(v, bool) and bool not in kinds):
        raise ValueError(f"{key!r} is {type(v).__name__} in a grade")
    return v


NUMBER = (int, float)


@dataclass(frozen=True)
class CheckResult:
    """One declared check in one grade: its declaration (lesson, id, title,
    points, hidden, section), what was observed, and the points earned."""
    lesson: str
    id: str
    title: str
    points: float
    hidden: bool
    section: str
    verdict: str
    expected: str
    observed: str
    read: str
    notes: str
    output: str
    output_bytes: int
    seconds: float
    score: float

    def to_json(self):
        """The check as grade.json holds it (this field order)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, doc):
        """A check from grade.json; ValueError when a field is missing or of
        the wrong type."""
        kinds = {"lesson": str, "id": str, "title": str, "points": NUMBER, "hidden": bool,
                 "section": str, "verdict": str, "expected": str, "observed": str, "read": str,
                 "notes": str, "output": str, "output_bytes": int, "seconds": NUMBER,
                 "score": NUMBER}
        return cls(**{k: _need(doc, k, kind if isinstance(kind, tuple) else (kind,))
                      for k, kind in kinds.items()})


@dataclass(frozen=True)
class LessonResult:
    """One lesson in one grade: status (ran, build-failed, missing, crashed,
    rejected, empty), what stopped it (log; hidden_log for the instructor),
    compiler warnings, its checks and their score out of max."""
    lesson: str
    status: str
    log: str
    warnings: str
    hidden_log: str
    checks: tuple

    @property
    def score(self):
        """Points earned in this lesson."""
        return sum(c.score for c in self.checks)

    @property
    def max(self):
        """Points this lesson is worth."""
        return sum(c.points for c in self.checks)

    def to_json(self):
        """The lesson as grade.json holds it (this field order)."""
        return {"lesson": self.lesson, "status": self.status, "log": self.log,
                "warnings": self.warnings, "hidden_log": self.hidden_log,
                "checks": [c.to_json() for c in self.checks], "score": self.score,
                "max": self.max}

    @classmethod
    def from_json(cls, doc):
        """A lesson from grade.json; ValueError when it is not one."""
        checks = _need(doc, "checks", (list,))
        return cls(**{k: _need(doc, k, (str,)) for k in ("lesson", "status", "log", "warnings",
                                                          "hidden_log")},
                   checks=tuple(CheckResult.from_json(c) for c in checks))


@dataclass(frozen=True)
class StudentGrade:
    """One student's grade: every declared check of every graded lesson,
    the status (graded, build-failed, empty, rejected), the notes about
    their files, the walls they were graded in and the integrity scan's
    findings; fingerprint (set once graded) lets a re-run skip them."""
    student: str
    status: str
    lessons: tuple
    submitted: tuple = ()
    rejected: str = ""
    notes: tuple = ()
    seconds: float = 0.0
    walls: str = ""
    integrity: tuple = ()
    fingerprint: Optional[str] = None
    version: int = field(default=1)

    @property
    def score(self):
        """Points earned in all."""
        return sum(l.score for l in self.lessons)

    @property
    def max(self):
        """Points the whole grade is worth."""
        return sum(l.max for l in self.lessons)

    def to_json(self):
        """The grade as grade.json holds it (this field order; fingerprint
        last, and only once set)."""
        doc = {"forklab_grade": self.version, "student": self.student, "status": self.status,
               "lessons": [l.to_json() for l in self.lessons], "score": self.score,
               "max": self.max, "submitted": list(self.submitted), "rejected": self.rejected,
               "notes": list(self.notes), "seconds": self.seconds, "walls": self.walls,
               "integrity": list(self.integrity)}
        if self.fingerprint is not None:
            doc["fingerprint"] = self.fingerprint
        return doc

    @classmethod
    def from_json(cls, doc):
        """A grade from grade.json; ValueError when it is not one (a re-run
        then grades the student again)."""
        strings = lambda key: tuple(_strings(_need(doc, key, (list,)), key))  # noqa: E731
        fp = doc.get("fingerprint") if isinstance(doc, dict) else None
        if fp is not None and not isinstance(fp, str):
            raise ValueError("'fingerprint' is not a string in a grade")
        g = cls(student=_need(doc, "student", (str,)), status=_need(doc, "status", (str,)),
                lessons=tuple(LessonResult.from_json(l)
                              for l in _need(doc, "lessons", (list,))),
                submitted=strings("submitted"), rejected=_need(doc, "rejected", (str,)),
                notes=strings("notes"), seconds=_need(doc, "seconds", NUMBER),
                # Grades written before the walls and the integrity scan
                # existed lack them; the reports read them as empty.
                walls=_need(doc, "walls", (str,)) if "walls" in doc else "",
                integrity=strings("integrity") if "integrity" in doc else (),
                fingerprint=fp, version=_need(doc, "forklab_grade", (int,)))
        if (g.score, g.max) != (_need(doc, "score", NUMBER), _need(doc, "max", NUMBER)):
            raise ValueError("a grade whose total is not the sum of its checks")
        return g


def _strings(items, key):
    """items, each checked to be a string."""
    for x in items:
        if not isinstance(x, str):
            raise ValueError(f"{key!r} holds a {type(x).__name__} in a grade")
        yield x


# ---- the class ----

@dataclass(frozen=True)
class ClassRun:
    """Everything a submission is graded with, the same for the whole class
    and fixed before the first submission: lessons (graded) and
    all_lessons (the kit's), decls and hidden_decls ({lesson: [check
    declaration dict]}), extra (the hidden checks' folder or None),
    extra_lessons and hidden_sources ({lesson: [(name, bytes)]}, read once
    before any student code runs), cflags to build them with, scratch (the
    temp folder, None for the system's), timeout_scale, timelines (whether
    a failing check is traced for the HTML reports) and kit_root (the
    kit's snapshot; None until it is made -- with_kit_root)."""
    all_lessons: tuple
    lessons: tuple
    decls: dict
    hidden_decls: dict
    extra: Optional[str] = None
    extra_lessons: frozenset = frozenset()
    hidden_sources: dict = field(default_factory=dict)
    cflags: tuple = ()
    scratch: Optional[str] = None
    timeout_scale: float = 1.0
    timelines: bool = True
    kit_root: Optional[str] = None

    def with_kit_root(self, path):
        """The same run, graded against the kit snapshot at path."""
        return dataclasses.replace(self, kit_root=path)
