"""What /report and /student show a teacher: a class's or a student's mastery matrix."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlite_utils import Database

from bot.domain.names import matching_labels
from bot.services.student_lookup import find_student, split_class
from bot.services.teaching import RosterRow, find_class
from bot.store import alerts, people
from bot.store.class_words import class_word_ids
from bot.store.reports import ClassMatrix, class_matrix


def first_report(db: Database, teacher_id: int, now: datetime) -> bool:
    """True the first time this teacher gets a /report (remembered now): it shows what its
    lines mean; later ones point to /report help instead."""
    if alerts.report_explained(db, teacher_id):
        return False
    alerts.record_report_explained(db, teacher_id, now)
    return True


class_languages = people.teacher_student_languages

# The parts of /report a teacher may ask for alone, by a word before or after the class
# ("/report Grade 3 ESL chart", "/report csv 7B"): read as part of the class's name, they
# were refused as a class nobody has (a "Which class?" tap after "/report chart" made that too)
CHART, CSV = "chart", "csv"
REPORT_FORMATS = frozenset({CHART, CSV})


@dataclass(frozen=True)
class ReportRequest:
    """What /report was asked: the class as typed (None: none typed) and the one part wanted
    (None: the summary, the chart and the CSV together)."""

    class_name: str | None
    part: str | None = None


def report_request(db: Database, teacher_id: int, asked: str) -> ReportRequest:
    """Read /report's argument: a format word first or last is the part wanted, the rest the
    class; unless a class of this teacher's is called so whole ("Art chart" stays a class)."""
    words = asked.split()
    if not words:
        return ReportRequest(None)
    ends = [i for i in (0, len(words) - 1) if words[i].casefold() in REPORT_FORMATS]
    if not ends or matching_labels(asked, [c.name for c in people.teacher_classes(
            db, teacher_id)]):
        return ReportRequest(asked)
    part = words.pop(ends[-1]).casefold()
    return ReportRequest(" ".join(words) or None, part)


def class_report(db: Database, teacher_id: int, name: str | None,
                 tz: tzinfo | None = None, holidays: Collection[date] = (),
                 now: datetime | None = None) -> tuple[people.ClassInfo, ClassMatrix]:
    """One of the teacher's classes and its students x words mastery matrix (with the school's
    time zone `tz`, the school days a student who may be stalled answered on; at `now`, the
    reminders each student left unanswered)."""
    found = find_class(db, teacher_id, name)
    return found, class_matrix(db, found.id, tz=tz, holidays=holidays, now=now)


def student_report(db: Database, teacher_id: int, who: str
                   ) -> tuple[RosterRow, ClassMatrix]:
    """A student of the teacher's classes and the mastery matrix of their class, over the words
    of every class this teacher has them in (never the words of another teacher's class), or
    of the class typed after the name ("/student Wei 7B Science")."""
    found = student_words(db, teacher_id, who)
    return found.row, found.matrix


@dataclass(frozen=True)
class StudentWords:
    """/student's student, the matrix of their words, and, when the teacher has them in two
    classes or more, which class each word is of: (class names, word ids), one class's own
    words first, then those of several ("7B Science, Science 7B")."""

    row: RosterRow
    matrix: ClassMatrix
    sections: tuple[tuple[tuple[str, ...], frozenset[int]], ...] = ()


def student_words(db: Database, teacher_id: int, who: str, now: datetime | None = None,
                  tz: tzinfo | None = None, holidays: Collection[date] = ()) -> StudentWords:
    """A student of the teacher's classes with their words, each tagged with its class when
    there is more than one (a student in 7B Science and Science 7B: which words are whose);
    at `now` (in the school's `tz`), whether their answers looked like guessing lately."""
    row, found = find_student(db, teacher_id, who, "/student")
    named = split_class(who, [found])[1] is not None  # "/student Wei 7B Science"
    mine = [(e.class_id, e.class_name) for e in people.teacher_enrolments(db, teacher_id)
            if e.student_id == row.student_id and (not named or e.class_id == found.id)]
    matrix = class_matrix(db, found.id, words_of=[class_id for class_id, _ in mine],
                          holidays=holidays,
                          lately=(now, tz) if now is not None and tz is not None else None)
    if len(mine) < 2:
        return StudentWords(row, matrix)
    owned = class_word_ids(db, [class_id for class_id, _ in mine])
    tags: dict[int, tuple[str, ...]] = {}
    for class_id, name in mine:
        for word_id in owned.get(class_id, ()):
            tags[word_id] = (*tags.get(word_id, ()), name)
    keys = sorted(set(tags.values()), key=lambda names: (len(names), [
        [n for _, n in mine].index(n) for n in names]))
    return StudentWords(row, matrix, tuple(
        (names, frozenset(w for w, tag in tags.items() if tag == names)) for names in keys))
