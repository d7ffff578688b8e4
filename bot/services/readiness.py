"""What a check would ask now (`ready_ids`, the one rule), and what comes next for a student
(`NextStep`): a check, cards to read, or the day words come back."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.checks import MAX_CHECK, WordRef
from bot.domain.mastery import MasteryState, WordMastery, is_due, next_review, ready_at
from bot.domain.school_days import next_school_day
from bot.services.learners import ACTIVE, Learner, studying, unlockable_count, word_refs
from bot.store.packs import words_by_id


def check_words(db: Database, who: Learner, now: datetime, tz: ZoneInfo) -> list[WordRef]:
    """What a check would ask now (ready_ids), in the order it asks them; one word a term
    (the same English word pushed from two packs is asked once, the one waiting longest)."""
    first_of_term: dict[str, WordRef] = {}
    for ref in word_refs(words_by_id(db, ready_ids(studying(db, who.id), now, tz))):
        first_of_term.setdefault(ref.word.term.casefold(), ref)
    return list(first_of_term.values())


def ready_ids(states: dict[int, WordMastery], now: datetime, tz: ZoneInfo) -> list[int]:
    """The one rule for what a check would ask now, which /check, /progress, the daily reminder
    and a check's last message all count: words whose cards the student has seen and that are
    ready (is_due: due, past the retention gap, not answered earlier today); reviews first,
    then words still new or learning, the longest waiting first."""
    ready = (w for w, s in states.items() if s.previewed and is_due(s, now, tz))
    return sorted(ready, key=lambda w: (states[w].state in ACTIVE, ready_at(states[w], tz), w))


@dataclass(frozen=True)
class NextStep:
    """What comes next for a student, as /progress, /check and a check's last message say it."""

    ready: int                # words a /check would ask now (at most one check's worth)
    waiting: int              # cards to read first: never opened, or what /words would unlock
    next_in_days: int | None  # local days until the next word is ready (None: none will be)


def next_step(db: Database, who: Learner, now: datetime, tz: ZoneInfo) -> NextStep:
    """A check when words are ready (ready_ids), cards to read, or when words come back."""
    tracked = studying(db, who.id)
    shown = [s for s in tracked.values() if s.previewed]  # a card never shown is never asked
    waiting = len(tracked) - len(shown) + unlockable_count(db, who, tracked, now)
    return NextStep(min(len(ready_ids(tracked, now, tz)), MAX_CHECK), waiting,
                    review_in_days(shown, now, tz))


def review_in_days(states: Iterable[WordMastery], now: datetime, tz: ZoneInfo) -> int | None:
    """Local days until the next word is ready (0: later today; None: none will be)."""
    due = next_review(states, now, tz)
    return (due.astimezone(tz).date() - now.astimezone(tz).date()).days if due else None


def reviews_back(db: Database, student_id: int, now: datetime, tz: ZoneInfo,
                 holidays: Collection[date] = ()) -> dict[int, date]:
    """The school day each word in review comes back to a check (ready_at, the rule a check
    asks by; today for a word ready now), by word id: mastery waits for that review, so
    /student names the day beside "reviewing". A word ready on a weekend or a holiday comes
    back on the next school day, when the reminder comes ("back Sat 26 Sep" meant nothing to
    a teacher)."""
    today = now.astimezone(tz).date()
    return {w: next_school_day(max(ready_at(s, tz).astimezone(tz).date(), today), holidays)
            for w, s in studying(db, student_id).items() if s.state is MasteryState.REVIEWING}
