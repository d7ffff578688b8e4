"""The teacher's daily alert about one student: the words they keep missing (again a week
later when still stuck), with advice at most once a school week: a lower level, or that they
seem to tap without reading (docs/reports.md, "Stuck words")."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.guessing import (
    GUESS_RECENT_ANSWERS,
    GUESS_WINDOW,
    guessing_last_seen,
    looks_like_guessing,
    recent_start,
)
from bot.domain.mastery import school_date, today_started
from bot.domain.reteach import LEVEL_WINDOW, suggested_level
from bot.domain.school_days import is_school_day, local_midnight
from bot.domain.teacher_alerts import (
    CANNOT_READ,
    CANNOT_READ_REPEAT,
    GUESSING,
    away_before,
    level_advice,
    repeat_from,
)
from bot.domain.word_status import STUCK_MISSES, STUCK_REMINDER_DAYS
from bot.services.excused import excused_days
from bot.services.learners import level_of
from bot.services.pushes import next_allowed
from bot.store import alerts, outbox, people, study
from bot.store.class_words import class_word_ids
from bot.store.packs import StoredWord, words_by_id

# How far back the family's excused days are read: a "still missing" week of school days
# and an absence of two weeks before it
EXCUSED_READ_DAYS = 35


@dataclass(frozen=True)
class DailyAlert:
    """One combined alert about one student: the words they keep missing, and maybe advice (a
    lower level, or that they seem to tap without reading)."""

    terms: list[str]
    level: int | None            # the student's level now
    suggested_level: int | None  # one lower when they keep missing, else None
    # teacher id -> the words among `terms` that belong to a class of theirs the student is in:
    # each teacher hears only of their own classes' words, and a teacher with none hears nothing
    teachers: dict[int, list[str]] = field(default_factory=dict)
    still: frozenset[str] = frozenset()  # among `terms`, those an alert named a week or more ago
    guessing: bool = False  # fast answers, right about as often as chance: no level advice
    seen: datetime | None = None  # `guessing`: the latest of those answers ("last seen")
    # the teachers whose alert gives the advice (suggested_level, or guessing): those not given
    # the same advice about this student in the last ADVICE_REPEAT_SCHOOL_DAYS school days
    advised: frozenset[int] = frozenset()
    # the first and last of the school days the family excused just before (away_before),
    # in the first alert after them only: "(away from school Mon 21 - Fri 25 Sep)"
    away: tuple[date, date] | None = None


def daily_alert(db: Database, student_id: int, now: datetime, tz: tzinfo,
                holidays: Collection[date] = (), sweep: bool = False) -> DailyAlert | None:
    """At most one alert per student per local day, naming every word stuck since the last,
    and again each word an alert named a school week or more ago (ADVICE_REPEAT_SCHOOL_DAYS of
    the student's school days: not her excused days) that she missed again since. None on a
    day off or a day her family excused. A student who answers very fast and about as often right
    as chance gets "maybe tapping without reading" instead, and her stuck words wait (they
    say nothing of the words). Advice comes to a teacher once a school week at most.

    `sweep`: the school's daily job asks, not a check's end. It also reads whether a student
    with no stuck word looks like guessing: a random tapper's "Practice again" taps (two
    options) and lucky taps end her misses in a row, so a word stuck 3 times in a row came
    only in her second week, days after her answers showed it (the guessing alert waited
    behind it). A check's end keeps its one query (the answer's SQL budget)."""
    # a cheap first cut, in calendar days (a week of school days is at least as long): when
    # the teacher was told, not a count of her days of work
    named_before = local_midnight(now, tz) - timedelta(days=STUCK_REMINDER_DAYS - 1)
    stuck_any = study.has_stuck_words(db, student_id, STUCK_MISSES, named_before)
    if not stuck_any and not sweep:
        return None  # the common case, in one query: nothing to tell
    # her study day (from 04:00, as the streak and the family update count days): a check
    # from 23:50 to 00:10 is one sitting, so one alert, not one for each calendar day
    today, started = school_date(now, tz), today_started(now, tz)
    excused = excused_days(db, student_id, today - timedelta(days=EXCUSED_READ_DAYS))
    off = frozenset(holidays) | excused
    if not is_school_day(today, off):
        return None  # a day off, or one the family excused: nothing today, nothing claimed
    if study.alerted_since(db, student_id, started) or \
            alerts.stuck_alert_due_since(db, student_id, started):
        return None  # one today already, or one waiting out quiet hours that goes today
    # "Still missing a week after I told you" counts the week in the student's school days:
    # a week at home sick is no week in which the teacher's talk failed (playtest: Abdi)
    start = datetime.combine(repeat_from(today, off), time(), tzinfo=tz)
    named_before = min(named_before, start)
    _, classes = people.student_with_classes(db, student_id)
    level = level_of(classes)
    timed = alerts.timed_answers(db, student_id, GUESS_RECENT_ANSWERS,
                                 recent_start(now, tz, holidays))
    away = away_before(today, excused, holidays)
    if away and alerts.stuck_alert_due_since(db, student_id, datetime.combine(
            away[1] + timedelta(days=1), time(), tzinfo=tz)):
        away = None  # said once: in the first alert after the days away
    if looks_like_guessing(timed[:GUESS_WINDOW]):
        found = _guessing_alert(db, student_id, level, named_before, start, now, timed[0].at)
        return replace(found, away=away) if found else None
    if not stuck_any:
        return None
    # While the guessing signal holds (a day of the recent window looked like it), the stuck
    # words wait, as they do beside the ⏱️ alert: "missed several times in a row: compare,
    # habitat, predator" with its re-teaching advice kept coming beside "⏱️ tapping without
    # reading" (playtest). Random fast taps say nothing of the words, and no level is advised
    # either. Words still stuck when the signal ends (GUESS_RECENT_SCHOOL_DAYS without a day
    # like it) are named then.
    if guessing_last_seen(timed, tz) is not None:
        return None
    stuck = study.claim_stuck_words(db, student_id, STUCK_MISSES, named_before, now)
    if not stuck:
        return None
    words = words_by_id(db, [word_id for word_id, _ in stuck])
    again = {word_id for word_id, named in stuck if named}
    suggestion = suggested_level(level, study.recent_answers(db, student_id, LEVEL_WINDOW))
    teachers = _terms_by_teacher(db, student_id, words)
    advised = frozenset() if suggestion is None else _advise(
        db, teachers, student_id, level_advice(suggestion), start, now)
    return DailyAlert([w.word.term for w in words], level, suggestion, teachers,
                      frozenset(w.word.term for w in words if w.id in again), advised=advised,
                      away=away)


def _guessing_alert(db: Database, student_id: int, level: int | None, named_before: datetime,
                    advice_since: datetime, now: datetime, seen: datetime | None
                    ) -> DailyAlert | None:
    """"Maybe tapping without reading" to each teacher of the student's stuck words (every
    teacher of hers, when no word is stuck yet) not told so this school week; the words are
    left unclaimed: named once she reads again and still misses them (None: every teacher was
    told already)."""
    words = words_by_id(db, study.stuck_words(db, student_id, STUCK_MISSES, named_before))
    teachers: Iterable[int] = _terms_by_teacher(db, student_id, words) if words else sorted(
        {teacher_id for _, teacher_id in people.teachers_by_class(db, student_id)})
    advised = _advise(db, teachers, student_id, GUESSING, advice_since, now)
    if not advised:
        return None
    return DailyAlert([], level, None, {t: [] for t in advised}, guessing=True,
                      advised=advised, seen=seen)


def _advise(db: Database, teachers: Iterable[int], student_id: int, advice: str,
            since: datetime, now: datetime) -> frozenset[int]:
    """The teachers not given this advice about the student since `since`, remembered now as
    given it (in the alert's own decision, as the stuck words are claimed)."""
    fresh = frozenset(t for t in teachers
                      if not alerts.advised_since(db, t, student_id, advice, since))
    with db.atomic():
        for teacher_id in fresh:
            alerts.record_advice(db, teacher_id, student_id, advice, now)
    return fresh


def cannot_read_teachers(db: Database, student_id: int, now: datetime
                         ) -> tuple[bool, frozenset[int]]:
    """Whether this student, who wrote she cannot read English, has a teacher, and those of
    hers to tell so now: not told in the last CANNOT_READ_REPEAT, remembered now as told (her
    words are not kept: the note is Puente's)."""
    teachers = sorted({teacher_id for _, teacher_id in people.teachers_by_class(db, student_id)})
    return bool(teachers), _advise(db, teachers, student_id, CANNOT_READ,
                                   now - CANNOT_READ_REPEAT, now)


def book_alert(db: Database, school: SchoolConfig, student_id: int, texts: Mapping[int, str],
               now: datetime) -> int:
    """Queue the alert about one student to each of their teachers (`texts`, by teacher id,
    in each one's language) in one transaction, to go out after quiet hours (a check ended
    late in the evening); return how many. The deliverer marks a teacher who blocked the
    bot."""
    due = next_allowed(now, school)
    with db.atomic():
        for teacher_id, text in texts.items():
            outbox.enqueue(db, None, teacher_id, alerts.STUCK_ALERT,
                           {"text": text, "buttons": [], "student_id": student_id,
                            "forget": True}, due, now)
    return len(texts)


def about_former_student(db: Database, teacher_id: int, kind: str,
                         payload: Mapping[str, object]) -> bool:
    """The message is a daily alert or a "gone quiet" note about a student who is no longer
    in any class of this teacher's (removed, or deleted their data) while it waited out quiet
    hours: it must not go (her name would reach a teacher she has left). Checked as it goes
    out, so no way of leaving lets one through. An evening's 🔇 note naming several students
    goes whole or not at all: dropped, it is no record that the others' silence was told, so
    their lines come again in the next evening's note."""
    student_id, named = payload.get("student_id"), payload.get("student_ids")
    students = [student_id] if isinstance(student_id, int) else \
        [s for s in named if isinstance(s, int)] if isinstance(named, list) else []
    if kind not in (alerts.STUCK_ALERT, alerts.KIND) or not students:
        return False
    return any(teacher_id not in people.teachers_of(db, s) for s in students)


def students_to_alert(db: Database, now: datetime, tz: tzinfo | None = None) -> list[int]:
    """Students whose teachers may have a daily alert waiting (daily_alert may still say None:
    one was sent today already). The scheduled sweep asks this: a student who leaves every check
    unfinished has never ended one, and is the student the alert is for (teacher playtest).
    With the school's zone `tz`, those who answered today too: their answers may look like
    guessing before any word is stuck (daily_alert's `sweep`)."""
    stuck = study.students_with_stuck_words(db, STUCK_MISSES, now)  # daily_alert: the week
    if tz is None:
        return stuck
    today = alerts.students_answered_since(db, local_midnight(now, tz))
    return sorted(set(stuck) | set(today))


def _terms_by_teacher(db: Database, student_id: int, words: list[StoredWord]
                      ) -> dict[int, list[str]]:
    """For each teacher of the student, the words (of `words`) that belong to one of the
    teacher's classes the student is in."""
    pairs = people.teachers_by_class(db, student_id)
    owned = class_word_ids(db, {class_id for class_id, _ in pairs})
    terms: dict[int, list[str]] = {}
    for class_id, teacher_id in pairs:
        mine = terms.setdefault(teacher_id, [])
        mine += [w.word.term for w in words
                 if w.id in owned.get(class_id, set()) and w.word.term not in mine]
    return {teacher_id: found for teacher_id, found in terms.items() if found}
