"""What a check would ask now (`ready_ids`, the one rule), and what comes next for a student
(`NextStep`): a check, cards to read, or the school day words come back (`BackOn`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.checks import MAX_CHECK, WordRef
from bot.domain.frozen import quick_init
from bot.domain.mastery import (
    MasteryState,
    WordMastery,
    ask_first,
    card_shown_today,
    next_review,
    ready_at,
    ready_day,
    school_date,
)
from bot.domain.scaffold import WidaLevel, scaffold_for
from bot.domain.school_days import local_midnight, next_school_day
from bot.services.learners import Learner, studying, unlockable_count, word_refs
from bot.store import excused
from bot.store.packs import words_by_id


def check_words(db: Database, who: Learner, now: datetime, tz: ZoneInfo,
                fresh: Collection[int] = (), only: Collection[int] | None = None
                ) -> list[WordRef]:
    """What a check would ask now (ready_ids), in the order it asks them; one word a term
    (the same English word pushed from two packs is asked once, the one waiting longest).

    Missed words first (mastery.ask_first: the feedback told her the day they come back),
    then reviews, then words still being learned; within each, the words a teacher pushed
    (from packs other than the class's own) before the class pack's, longest waiting first: a
    teacher playtest's strongest student spent her whole second check on starter-pack verbs
    read before the unit was pushed, none of the unit's words ("Words you /push always come
    first", the class's first message says). `fresh`: words this /check just unlocked (their
    cards come with it: they are not cards left waiting); `only`: the words a pushed
    preview's ✅ checks (only its own cards can keep them waiting). Pushed words never take a
    whole check from a class word passed over on an earlier day (`one_for_own`)."""
    states = scoped(studying(db, who.id), only)
    first_of_term: dict[str, WordRef] = {}
    for ref in word_refs(words_by_id(db, ready_ids(states, now, tz, who.level, fresh))):
        first_of_term.setdefault(ref.word.term.casefold(), ref)
    own = set(who.pack_ids)
    ordered = sorted(first_of_term.values(),
                     key=lambda r: (ask_first(states[r.id]), r.pack_id in own))
    return one_for_own(ordered, states, own, local_midnight(now, tz), tz)


def one_for_own(ordered: list[WordRef], states: dict[int, WordMastery], own: Collection[str],
                midnight: datetime, tz: ZoneInfo) -> list[WordRef]:
    """The check's last place goes to the class pack's word waiting longest, when words a
    teacher pushed would fill the whole check and that word was ready before today: with a
    new push every few days, a playtester's "explain", right on the day its card was read
    (practice), stayed "practice only" for 14 days. The pushed words still come first."""
    if len(ordered) <= MAX_CHECK or any(r.pack_id in own for r in ordered[:MAX_CHECK]):
        return ordered
    passed_over = next((r for r in ordered[MAX_CHECK:] if r.pack_id in own
                        and ready_at(states[r.id], tz) < midnight), None)
    if passed_over is None:
        return ordered
    rest = [r for r in ordered if r is not passed_over]
    return [*rest[:MAX_CHECK - 1], passed_over, *rest[MAX_CHECK - 1:]]


def scoped(states: dict[int, WordMastery], only: Collection[int] | None
           ) -> dict[int, WordMastery]:
    """The states of the words `only` names (all of them when it names none)."""
    return states if only is None else {w: s for w, s in states.items() if w in only}


def ready_ids(states: dict[int, WordMastery], now: datetime, tz: ZoneInfo,
              level: int | None = None, fresh: Collection[int] = ()) -> list[int]:
    """The one rule for what a check would ask now, which /check, /progress, the daily reminder
    and a check's last message all count: words whose cards the student has seen and that are
    ready (is_due: due, past the retention gap, not answered earlier today), except those
    that wait for her unread cards (`waits_for_cards`); missed words first, then reviews, then
    words still new or learning (mastery.ask_first), the longest waiting first. /progress
    said "👉 1 word ready: /check" and /check asked nothing while it waited for the cards
    (playtest, level 1)."""
    held = waits_for_cards(states, now, tz, level, fresh)
    # is_due, with each word's ready_at worked out once for the test and the order (a
    # check's last answer asks this of every word she has started)
    ready = [(ask_first(s), at, w) for w, s in states.items()
             if s.previewed and w not in held and (at := ready_at(s, tz)) <= now]
    return [w for _, _, w in sorted(ready)]


def waits_for_cards(states: dict[int, WordMastery], now: datetime, tz: ZoneInfo,
                    level: int | None, fresh: Collection[int] = ()) -> frozenset[int]:
    """Levels 1-2: while cards sent before wait unread (not those `fresh`, just unlocked), the
    words whose cards were first read today wait too, and are checked together with them once
    they are read (a second /check right after the first one's cards asked the card just
    read, seconds after it, while the rest waited). Reviews never wait for cards."""
    if scaffold_for(level).level > WidaLevel.EMERGING:  # no level yet: level 1's rules
        return frozenset()
    if not any(not s.previewed and w not in fresh for w, s in states.items()):
        return frozenset()
    return frozenset(w for w, s in states.items() if card_shown_today(s, now, tz))


SATURDAY = 5  # date.weekday()


@quick_init
@dataclass(frozen=True)
class BackOn:
    """The day a student is told words come back: the first school day on or after the next
    word is ready, when the reminder comes (a word ready on a Saturday is back on Monday;
    "tomorrow" on a Friday named a Saturday, when no reminder comes and nobody is at school);
    and the weekend day before it the word is really ready (`early`):
    "come back on Monday" on a Friday hid that a Saturday /check asks them (playtest)."""

    day: date     # a school day
    in_days: int  # local days from today to `day`: 1 (tomorrow) or more, ready_at being a day
    # the day the next word is ready, when it is a weekend day before `day` (_weekend_before)
    early: date | None = None


@quick_init
@dataclass(frozen=True)
class NextStep:
    """What comes next for a student, as /progress, /check and a check's last message say it."""

    ready: int             # words ready for a check now, all of them (a check asks MAX_CHECK)
    waiting: int           # cards to read first: never opened, or what /words would unlock
    back: BackOn | None    # when the next word is ready again (None: none will be)
    # nothing ready, no card waiting: the new words /words would open for a student caught up
    # for today (pace.extra_slots), offered instead of a dead end ("✅ All done for now")
    more: int = 0
    # cards she was sent and never opened (a push, the card after the placement): what a
    # reminder may point to when nothing is ready to check
    unread: int = 0
    # of the words ready, those answered before: the others were only read on their cards,
    # and a reminder calling them "words to review" told a newcomer on his first day that
    # he had reviewed something already (playtest)
    reviews: int = 0


def next_step(db: Database, who: Learner, now: datetime, tz: ZoneInfo,
              holidays: Collection[date] = (),
              tracked: dict[int, WordMastery] | None = None) -> NextStep:
    """A check when words are ready (ready_ids), cards to read, or when words come back; and
    when none is ready and no card waits, more words for a student caught up for today.
    `tracked`: the words she is learning (studying), when the caller has read them already."""
    tracked = studying(db, who.id) if tracked is None else tracked
    shown = [s for s in tracked.values() if s.previewed]  # a card never shown is never asked
    waiting = len(tracked) - len(shown) + unlockable_count(db, who, tracked, now)
    # Every word ready, not one check's worth: "Words to review: 5" every day hid a backlog
    # of missed and pushed words (playtest); a check asks MAX_CHECK of them and its last line
    # counts the rest
    ready_now = ready_ids(tracked, now, tz, who.level)
    ready = len(ready_now)
    more = 0 if ready or waiting else unlockable_count(db, who, tracked, now, tz)
    # a day her family excused is no school day of hers: no reminder comes, so words are
    # never said to come back on it (the next school day instead)
    back = back_on(shown, now, tz, holidays, who.excused)
    return NextStep(ready, waiting, back, more, len(tracked) - len(shown),
                    sum(1 for w in ready_now if w in tracked and tracked[w].answered))


def back_on(states: Iterable[WordMastery], now: datetime, tz: ZoneInfo,
            holidays: Collection[date] = (), excused: Collection[date] = ()
            ) -> BackOn | None:
    """The school day the next word is ready again (ready_at), counted from today in local
    days (None: none will be), and the day it is ready when that is a weekend day before it
    (`early`): a check asks a word once it is ready, on a Saturday too. A day her family
    `excused` is skipped as a holiday is."""
    due = next_review(states, now, tz)
    if due is None:
        return None
    today = now.astimezone(tz).date()
    day = _school_day_back(due, today, tz, frozenset(holidays) | frozenset(excused))
    ready = max(due.astimezone(tz).date(), today)
    return BackOn(day, (day - today).days, _weekend_before(ready, day))


def word_back(state: WordMastery, now: datetime, tz: ZoneInfo,
              holidays: Collection[date] = (), excused: Collection[date] = ()) -> BackOn:
    """The first school day a check asks this word again (ready_day: from the start of that
    day), and the weekend day before it when it is ready then (`early`, as back_on): for a
    missed word, which a check asks first once it is ready (mastery.ask_first), the day its
    feedback names."""
    today = school_date(now, tz)  # the study day: at 00:30, "tomorrow" is after a night's sleep
    ready = max(ready_day(state, tz), today)
    day = next_school_day(ready, frozenset(holidays) | frozenset(excused))
    return BackOn(day, (day - today).days, _weekend_before(ready, day))


def _weekend_before(ready: date, day: date) -> date | None:
    """The day words are ready when it is a weekend day before the school day `day` they are
    said to come back on: a /check asks them then (weekend practice is allowed). A holiday
    or a day her family excused is not named: the school or her family chose a day off."""
    return ready if ready < day and ready.weekday() >= SATURDAY else None


def _school_day_back(at: datetime, today: date, tz: ZoneInfo, holidays: Collection[date]
                     ) -> date:
    """The school day a word ready `at` comes back on (today at the earliest)."""
    return next_school_day(max(at.astimezone(tz).date(), today), holidays)


def reviews_back(db: Database, student_id: int, now: datetime, tz: ZoneInfo,
                 holidays: Collection[date] = ()) -> dict[int, date]:
    """The school day each word in review comes back to a check (ready_at, the rule a check
    asks by; today for a word ready now), by word id: mastery waits for that review, so
    /student names the day beside "reviewing". A word ready on a weekend or a holiday comes
    back on the next school day, when the reminder comes ("back Sat 26 Sep" meant nothing to
    a teacher); nor on a day her family excused, as she is told (next_step)."""
    today = now.astimezone(tz).date()
    off = frozenset(holidays) | excused.days_of(db, student_id, today)
    return {w: _school_day_back(ready_at(s, tz), today, tz, off)
            for w, s in studying(db, student_id).items() if s.state is MasteryState.REVIEWING}
