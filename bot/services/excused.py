"""Excused days: a family member's ready-made "🤒 CHILD is sick today" or "📅 CHILD will not be
at school on DAY" excuses that school day for that child (family playtest: the child still
got her reminder that day, the weekly update read "practised 0 of 4 school days", and the
streak and /report counted it against her). On an excused day she gets no reminder, and no
count of her school days includes it (off_days joins them to the school's holidays, as a day
off is for everyone). Her teachers read "(excused: DAY)" under the message and in /student,
each with a button to undo it when it is wrong. Every day and id is checked here: a forged or
old button excuses nothing. When a teacher undoes one, the child's family members are told
(they excused it: silence let them think it still stood)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.family_notes import ABSENT, days_ahead, days_offered, own_words, teacher_days
from bot.domain.school_days import is_school_day
from bot.services.relays import Recognised
from bot.store import excused, families, outbox, people
from bot.store.notes import FAMILY_NOTE
from bot.store.threads import ThreadMessage

# The notes that excuse a day: "sick" today, "absent" on the day the family chose
EXCUSING = frozenset({"sick", "absent"})
SHOWN_WEEKS = 4  # /student lists the excused days of the last weeks, and those ahead


class UnexcuseError(PuenteError):
    """An undo button for a student the tapper does not teach (forged, or left a class)."""

    prompt_key = "button-stale"


def excused_day(note: str, day: date | None, school: SchoolConfig, now: datetime
                ) -> date | None:
    """The school day a family's ready-made note excuses for their child, or None: "sick" is
    today, when school is on; "absent" only a day the list offers today (an old screen's day,
    gone by, or a forged one: none). It is stored with the note's relay, in one transaction
    (relays.queue_relay): a note refused (too fast, no teacher) excuses nothing."""
    if note not in EXCUSING:
        return None
    today = now.astimezone(school.timezone).date()
    if note == "sick":
        return today if is_school_day(today, school.holidays) else None
    return day if day in days_offered(today, school.holidays) else None


def words_excuse(note: str, school: SchoolConfig, now: datetime, day: date | None = None,
                 words: str | int = "", language: str = "en", names: Sequence[str] = ()
                 ) -> date | None:
    """The day a family's own words excuse when sent with "excuse today" (under words that say
    the child is sick or away today): today, exactly as the ready-made "sick today" or "not at
    school today" would (None on a day off, or for a note that excuses nothing: forged); with
    a `day` (under words that say she will miss a coming day), that day when it is one of the
    school days such words may name ("absent" only); a day gone, only the one the held
    `words` (in `language`, about `names`) say she missed."""
    today = now.astimezone(school.timezone).date()
    if day is None or day == today:  # tapped after midnight: the day they named is today
        return excused_day(note, today, school, now)
    if day < today:  # a day gone only when the words held (`words`) say so ("yè", "ayer")
        said = own_words(words, language, today, school.holidays, names) \
            if isinstance(words, str) and note in EXCUSING else None
        return day if said is not None and said.day == day else None
    return day if note == ABSENT and day in days_ahead(today, school.holidays) else None


def excusable_day(text: str, language: str, school: SchoolConfig, now: datetime,
                  names: Sequence[str] = ()) -> Recognised | None:
    """The school day a family's relayed words say the child is sick or away (today, when
    school is on, a coming day or one gone), which the teacher may excuse in one tap, and how
    it reads (None: they say neither, or name a day further ahead than a teacher may
    excuse): a coming absence sent as "my words only" gave an English-only teacher nothing
    to act on (Haitian playtest)."""
    today = now.astimezone(school.timezone).date()
    found = own_words(text, language, today, school.holidays, names)
    if found is None or (found.day > today and
                         found.day not in days_offered(today, school.holidays)):
        return None
    when = "today" if found.day == today else "coming" if found.day > today else "past"
    return Recognised(found.day, found.note, when)


def excuse_by_teacher(db: Database, teacher_id: int, student_id: int, day: date,
                      school: SchoolConfig, now: datetime) -> bool:
    """A teacher excuses a school day of a student of theirs (the day a family's words said she
    was sick or away, or one picked in /student); False when it already was. Anyone else, a
    day off, one older than SHOWN_WEEKS or further ahead than a family can name:
    UnexcuseError (forged or old button)."""
    if teacher_id not in people.teachers_of(db, student_id):
        raise UnexcuseError("not a teacher of this student")
    today = now.astimezone(school.timezone).date()
    ahead = day in days_offered(today, school.holidays)
    if not is_school_day(day, school.holidays) or not \
            (today - timedelta(weeks=SHOWN_WEEKS) <= day <= today or ahead):
        raise UnexcuseError("not a day to excuse")
    return excused.excuse(db, student_id, day, teacher_id, now)


def days_to_excuse(db: Database, teacher_id: int, student_id: int, school: SchoolConfig,
                   now: datetime) -> list[date]:
    """The school days "🤒 Excuse a day" in /student offers a teacher of the student (the last
    few, today and the next ones: she heard of the absence another way, as a voice note in a
    language she cannot understand); anyone else: UnexcuseError (forged or old button)."""
    if teacher_id not in people.teachers_of(db, student_id):
        raise UnexcuseError("not a teacher of this student")
    return teacher_days(now.astimezone(school.timezone).date(), school.holidays)


def off_days(db: Database, student_id: int, holidays: Collection[date],
             since: date | None = None) -> frozenset[date]:
    """The days that are no school day for this student: the school's holidays and days off,
    and her excused days (from `since`)."""
    return frozenset(holidays) | excused.days_of(db, student_id, since)


def off_days_of(db: Database, student_ids: Collection[int], holidays: Collection[date],
                since: date | None = None) -> dict[int, frozenset[date]]:
    """off_days for several students in one query (a class's report, the quiet note)."""
    found = excused.days_of_many(db, student_ids, since)
    every = frozenset(holidays)
    return {s: every | found.get(s, frozenset()) for s in student_ids}


def excused_of(db: Database, student_ids: Collection[int], since: date | None = None
               ) -> dict[int, frozenset[date]]:
    """Each student's excused days alone (from `since`), for those with any."""
    return excused.days_of_many(db, student_ids, since)


def excused_days(db: Database, student_id: int, since: date | None = None) -> frozenset[date]:
    """The student's excused days alone (from `since`): the days the family said she was away."""
    return excused.days_of(db, student_id, since)


def recent(db: Database, student_id: int, now: datetime, tz: tzinfo) -> list[tuple[date, bool]]:
    """The student's excused days of the last SHOWN_WEEKS weeks and ahead, oldest first, each
    with whether a teacher excused it (/student says who excused which: a Friday the teacher
    excused read as one the family did, Somali playtest)."""
    since = now.astimezone(tz).date() - timedelta(weeks=SHOWN_WEEKS)
    return sorted(excused.by_teacher(db, student_id, since).items())


def unexcuse(db: Database, teacher_id: int, student_id: int, day: date) -> bool:
    """Make an excused day a school day for the student again (a teacher of hers only: anyone
    else, UnexcuseError); False when it was not excused (any more)."""
    if teacher_id not in people.teachers_of(db, student_id):
        raise UnexcuseError("not a teacher of this student")
    return excused.unexcuse(db, student_id, day)


def family_to_tell(db: Database, student_id: int) -> tuple[str, list[int]]:
    """The child's first name and the family members linked to them: who hears that a
    teacher made a day they excused a school day again."""
    student = people.get_student(db, student_id)
    if student is None:
        return "", []
    return student.first_name, families.members_of(db, student_id)


def queue_family_notes(db: Database, student_id: int, notes: Sequence[tuple[int, str]],
                       now: datetime) -> int:
    """Queue each rendered note (family member, text) that a day is a school day again,
    through the outbox, due now: each names the child, so it goes when the child's data does."""
    with db.atomic():
        for member_id, text in notes:
            outbox.enqueue(db, None, member_id, FAMILY_NOTE,
                           {"text": text, "buttons": [], "student_id": student_id}, now, now)
    return len(notes)


def excused_by(db: Database, asked: ThreadMessage) -> tuple[int, date] | None:
    """The student and day a relayed family message excused, while it still is (None: none):
    its "✅ Answered" keeps the ↩️ that makes it a school day again (it took the ↩️ away)."""
    return excused.excused_with(db, asked.asker_id, asked.created_at)
