"""Ready-made messages a family sends the teacher: a few short notes written by people in
every language Puente speaks, each with its English, so a family whose language no model
translates still reaches the teacher in words the teacher can read, and says what it needs
(Arabic playtest: Fatima's doctor's appointment and homework question reached the teacher as
Arabic the teacher could not read, and her "I could not understand your English" too).

Each note is a prompt key; the order is the buttons'. A note "with a day" asks which school
day first."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.about_child import about_child
from bot.domain.coming_days import AHEAD, coming_absence
from bot.domain.past_days import past_absence
from bot.domain.school_days import is_school_day, previous_school_day
from bot.domain.sick_words import says_away_today, says_sick

# "sick" first: a child home sick is the commonest family message (the teachers' ready-made
# replies put it first for the same reason)
# "help": how to help at home, the question a Hmong grandfather typed (and could only send as
# Hmong the teacher could not read, playtest)
# "progress": "Kijan Jb ap fè nan lekòl la?" had no way to the teacher in English (playtest)
FAMILY_NOTES = ("sick", "absent", "homework", "help", "progress", "cannot-read", "meet")
SICK = "sick"  # also one tap away under a family's own words that say so (sick_words.py)
ABSENT = "absent"  # one tap away under words that say she is away today or a coming day
CANNOT_READ = "cannot-read"  # also one tap away under a teacher's words sent untranslated
WITH_DAY = frozenset({"absent"})
# A student's one ready-made note, 🆘 under a bare "?", emoji or sticker (chat/lost.py)
STUDENT_LOST = "lost"
# The teacher's ready-made replies (ready_replies.READY_REPLIES) that answer each note, put
# first under it: "I hope Ana feels better soon" topped the list under a homework question
# (re-playtest).
ANSWERED_BY: dict[str, tuple[str, ...]] = {
    "sick": ("sick",), "absent": ("call", "daily"), "homework": ("home", "meet"),
    "help": ("home", "daily", "meet"), "progress": ("daily", "home", "meet"),
    "cannot-read": ("interpreter", "meet"), "meet": ("meet", "school"),
}
# The days a note with a day offers: today (when school is on), then the next school days.
DAYS_OFFERED = 5
# A teacher who hears of an absence another way (a voice note, a call) may excuse the last
# few school days too, from /student: she often hears of it the day after.
TEACHER_DAYS_BACK = 2


def note_key(note: str) -> str:
    """The prompt key of a note's text ("sick" -> "family-note-sick")."""
    return f"family-note-{note}"


def label_key(note: str) -> str:
    """The prompt key of a note's button."""
    return f"family-note-label-{note}"


@dataclass(frozen=True)
class OwnWords:
    """What a family's own words excuse, offered beside Send: the note they say ("sick", or
    "absent") and its school day (today, a coming one, or one gone)."""

    note: str
    day: date


def own_words(text: str, language: str, today: date, holidays: Collection[date] = (),
              names: Sequence[str] = ()) -> OwnWords | None:
    """The day a family's own words say the child is sick or away (today, when school is on;
    sick first: "sick, at the doctor today"), else the coming school day they say she will
    miss ("no va a ir mañana"), or the school day gone they say she missed ("pa t ale lekòl
    yè": past_days.py, checked first); None for any other words. Only the parts about the child
    count (about_child.py: `names` are the family's children). On a Saturday "sick today"
    excuses nothing: the undated "sick today" reached the teacher on Monday, read as a
    Monday absence (playtest)."""
    text = about_child(text, language, names)
    gone = past_absence(text, language, today, holidays)  # "yesterday": never today
    if gone is not None:
        return OwnWords(SICK if gone[1] else ABSENT, gone[0])
    if is_school_day(today, holidays):
        if says_sick(text, language):
            return OwnWords(SICK, today)
        if says_away_today(text, language):
            return OwnWords(ABSENT, today)
    day = coming_absence(text, language, today)
    return OwnWords(ABSENT, day) if day is not None and day in days_ahead(
        today, holidays) else None


def days_ahead(today: date, holidays: Collection[date] = ()) -> list[date]:
    """The school days a family's words may name to come: tomorrow to AHEAD days on."""
    days = (today + timedelta(days=n) for n in range(1, AHEAD + 1))
    return [day for day in days if is_school_day(day, holidays)]


def days_offered(today: date, holidays: Collection[date] = ()) -> list[date]:
    """The school days a family can name: today, if school is on, and the next ones."""
    days: list[date] = []
    day = today
    while len(days) < DAYS_OFFERED:
        if is_school_day(day, holidays):
            days.append(day)
        day += timedelta(days=1)
    return days


def teacher_days(today: date, holidays: Collection[date] = ()) -> list[date]:
    """The school days a teacher can excuse from /student, oldest first: the last
    TEACHER_DAYS_BACK before today, then the ones a family can name (today and ahead)."""
    back = [previous_school_day(today, holidays)]
    while len(back) < TEACHER_DAYS_BACK:
        back.insert(0, previous_school_day(back[0], holidays))
    return [*back, *days_offered(today, holidays)]
