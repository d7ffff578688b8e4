"""Ready-made messages a family sends the teacher: a few short notes written by people in
every language Puente speaks, each with its English, so a family whose language no model
translates still reaches the teacher in words the teacher can read, and says what it needs
(Arabic playtest: Fatima's doctor's appointment and homework question reached the teacher as
Arabic the teacher could not read, and her "I could not understand your English" too).

Each note is a prompt key; the order is the buttons'. A note "with a day" asks which school
day first."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from bot.domain.school_days import is_school_day, previous_school_day
from bot.domain.sick_words import says_away_today, says_sick

# "sick" first: a child home sick is the commonest family message (the teachers' ready-made
# replies put it first for the same reason)
# "help": how to help at home, the question a Hmong grandfather typed (and could only send as
# Hmong the teacher could not read, playtest)
FAMILY_NOTES = ("sick", "absent", "homework", "help", "cannot-read", "meet")
SICK = "sick"  # also one tap away under a family's own words that say so (sick_words.py)
ABSENT = "absent"  # with today, one tap away under words that say she is away today
CANNOT_READ = "cannot-read"  # also one tap away under a teacher's words sent untranslated
WITH_DAY = frozenset({"absent"})
# The teacher's ready-made replies (ready_replies.READY_REPLIES) that answer each note, put
# first under it: "I hope Ana feels better soon" topped the list under a homework question
# (re-playtest).
ANSWERED_BY: dict[str, tuple[str, ...]] = {
    "sick": ("sick",), "absent": ("call", "daily"), "homework": ("home", "meet"),
    "help": ("home", "daily", "meet"),
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


def note_for_own_words(text: str, language: str, school_today: bool) -> str | None:
    """The ready-made note a family's own words say ("sick", or "absent" today), offered
    beside Send as it excuses the day; None for any other words. Sick comes first ("sick, at
    the doctor today"). Only on a school day: on Saturday either excuses nothing, and the
    undated "sick today" reached the teacher on Monday, read as a Monday absence (playtest)."""
    if not school_today:
        return None
    if says_sick(text, language):
        return SICK
    return ABSENT if says_away_today(text, language) else None


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
