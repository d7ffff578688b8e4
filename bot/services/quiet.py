"""Telling a student's teachers, once, that the student has gone quiet: no answer and no card
read for SILENT_SCHOOL_DAYS school days since joining or since the last sign of life. A
student who never answers appeared only in /report, which a busy teacher may not open for a
week (teacher playtest: Wid). The note goes through the outbox (quiet hours), one message per
teacher with a line per student, and is the record that each silence was told: the same
silence is never told again; a student who answers and falls silent again is a new silence."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.mastery import school_date, study_start
from bot.domain.school_days import is_school_day, school_days_between
from bot.domain.teacher_alerts import OPENS_CHECKS, SILENT, SILENT_SCHOOL_DAYS
from bot.services.excused import excused_days, off_days_of
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentName, name_of
from bot.store import alerts, outbox, people, rest_days


@dataclass(frozen=True)
class Silent:
    """A student gone quiet, as one of their teachers reads them."""

    student_id: int
    name: StudentName
    since: date        # the school's day of joining, or of the last answer or card read
    days: int          # school days since then
    never_active: bool  # nothing at all since joining
    checks_unanswered: bool = False  # opened checks after their latest answer: none answered
    # the first and last day the family excused within the silence: the note says so, "since
    # Fri 18 Sep" alone read as 11 days of nothing to a teacher whose student was home sick
    away: tuple[date, date] | None = None


# (teacher id, the student) -> the note's text in the teacher's language
Render = Callable[[int, Silent], str]
NOTE_LIMIT = 4096  # Telegram's longest message, in UTF-16 code units


def silent_students(db: Database, now: datetime, tz: tzinfo,
                    holidays: Collection[date] = ()) -> list[alerts.Quiet]:
    """The students quiet for SILENT_SCHOOL_DAYS school days or more whose silence no note
    told yet. Days are study days (mastery.school_date, from 04:00), as the family update and
    the streak count them: a sitting from 23:50 to 00:10 was that evening's day, so her
    silence starts the next morning, not a day later."""
    today = school_date(now, tz)
    # SILENT_SCHOOL_DAYS school days are at least as many study days: a cheap first cut
    before = study_start(today - timedelta(days=SILENT_SCHOOL_DAYS - 1), tz)
    found = alerts.quiet_since(db, before, SILENT)
    off = quiet_off(db, {q.student_id for q in found}, tz, holidays)
    return [q for q in found
            if school_days_between(school_date(q.since, tz), today, off[q.student_id])
            >= SILENT_SCHOOL_DAYS]


def quiet_off(db: Database, student_ids: Collection[int], tz: tzinfo,
              holidays: Collection[date] = ()) -> dict[int, frozenset[date]]:
    """For each student, the days that are no school day of silence: a day her family excused
    (sick, not at school), and a day she had nothing to do (no word ready, no card waiting:
    rest_days). Three school days of "✅ All done for now" after "🏁 Minh has finished every
    word you pushed" told his teacher "🔇 Minh has not answered ... A quick word?" (playtest)."""
    off = off_days_of(db, student_ids, holidays)
    resting = rest_days.days_of_many(db, student_ids, tz)
    return {s: days | resting.get(s, frozenset()) for s, days in off.items()}


def tell_silent(db: Database, now: datetime, school: SchoolConfig, render: Render) -> int:
    """Book, in one note per teacher (four 🔇 notes at 16:00 read as four alarms, playtest),
    each newly quiet student's line; return how many students' lines were booked."""
    tz, booked = school.timezone, 0
    today = school_date(now, tz)
    due = next_allowed(now, school)
    lines: dict[int, list[tuple[int, str]]] = {}  # teacher -> (student, line), by student id
    for quiet in silent_students(db, now, tz, school.holidays):
        since = school_date(quiet.since, tz)
        days = school_days_between(since, today, quiet_off(
            db, [quiet.student_id], tz, school.holidays)[quiet.student_id])
        excused = sorted(d for d in excused_days(db, quiet.student_id, since) if d < today)
        away = (excused[0], excused[-1]) if excused else None
        for teacher_id in dict.fromkeys(t for _, t in people.teachers_by_class(
                db, quiet.student_id)):
            silent = Silent(quiet.student_id, name_of(db, teacher_id, quiet.student_id,
                                                      first_name=quiet.first_name),
                            since, days, not quiet.did_anything,
                            quiet.checks_unanswered, away)
            lines.setdefault(teacher_id, []).append((quiet.student_id, render(teacher_id, silent)))
    with db.atomic():
        for teacher_id, told in lines.items():
            # the note names its students: it is the record that their silence was told
            # (alerts.quiet_since), and a student's deletion takes it whole (erase.py)
            for part in _parts(told):
                outbox.enqueue(db, None, teacher_id, alerts.KIND,
                               {"text": "\n\n".join(line for _, line in part), "buttons": [],
                                "student_ids": [sid for sid, _ in part], "advice": SILENT,
                                "forget": True}, due, now)
                booked += len(part)
    return booked


def _parts(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The lines in as few notes as Telegram's NOTE_LIMIT lets one hold (a class back from a
    long break may have many quiet students)."""
    parts: list[list[tuple[int, str]]] = []
    size = NOTE_LIMIT
    for line in lines:
        length = _utf16(line[1]) + 2  # and the blank line before it
        if size + length > NOTE_LIMIT:
            parts.append([])
            size = 0
        parts[-1].append(line)
        size += length
    return parts


def _utf16(text: str) -> int:
    """Telegram counts a message's length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def tell_opening_checks(db: Database, now: datetime, school: SchoolConfig, render: Render
                        ) -> int:
    """Book, once a stretch, the note "🧩 opened checks since DAY but answered none" to each
    teacher of each student who has opened checks for SILENT_SCHOOL_DAYS school days since
    their last answer and answered none, and is still coming (a check opened within them:
    else the 🔇 note says it). A check opened every day is a visit, so the 🔇 note never
    came for her, and /report's 🧩 line was all the teacher had (playtest: Widlene, six
    school days); return how many. Never on a day off or one her family excused."""
    tz, booked = school.timezone, 0
    today = school_date(now, tz)  # study days, as silent_students counts them
    found = alerts.opening_checks(db)
    off = off_days_of(db, {f[0] for f in found}, school.holidays)
    told = alerts.told_since(db, [f[0] for f in found], OPENS_CHECKS)
    due = next_allowed(now, school)
    for student_id, first_name, first, last in found:
        mine = off[student_id]
        since = school_date(first, tz)
        days = school_days_between(since, today, mine)
        if not is_school_day(today, mine) or days < SILENT_SCHOOL_DAYS or \
                school_days_between(school_date(last, tz), today, mine) \
                >= SILENT_SCHOOL_DAYS or told.get(student_id, first) > first:
            continue
        with db.atomic():
            for teacher_id in dict.fromkeys(t for _, t in people.teachers_by_class(
                    db, student_id)):
                note = Silent(student_id, name_of(db, teacher_id, student_id,
                                                  first_name=first_name),
                              since, days, False, checks_unanswered=True)
                outbox.enqueue(db, None, teacher_id, alerts.KIND,
                               {"text": render(teacher_id, note), "buttons": [],
                                "student_id": student_id, "advice": OPENS_CHECKS,
                                "forget": True}, due, now)
                booked += 1
    return booked
