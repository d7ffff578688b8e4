"""/progress: the words a student has met by state, the streak, and what to do next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import MasteryState, WordMastery, ready_day, school_date, study_days
from bot.domain.school_days import streak
from bot.services.excused import off_days
from bot.services.learners import NoLanguageError, NotEnrolledError, learner
from bot.services.readiness import BackOn, NextStep, next_step
from bot.store import check_items, rest_days, study


@dataclass(frozen=True)
class Progress:
    """Every word the student has met (its card shown, or answered), in exactly one state, so
    the four counts add up; and what the next step is."""

    new: int            # previewed, never answered
    learning: int
    reviewing: int
    mastered: int
    due: int            # what the next /check asks, among the words above (not a fifth state)
    streak_days: int    # study days in a row (from 04:00): a weekend never breaks it
    history: tuple[tuple[str, int], ...]  # (local date, words mastered by then), for a chart
    ready: int = 0      # words ready for a check now, all of them (NextStep.ready)
    waiting: int = 0    # cards to read first: never opened, or what /words would unlock now
    back: BackOn | None = None  # the school day words come back (None: none will)
    short: bool = False  # levels 1-2: three short lines instead of the chart and the list
    open_question: bool = False  # a question of her check still waits for an answer
    more: int = 0       # done for today: the new words /words would open (NextStep.more)
    bilingual: bool = False  # levels 1-4: the chart's labels in her language and English
    english_first: bool = False  # levels 5-6: the English lines above hers (scaffold)

    @property
    def met(self) -> int:
        """Words the student has met: the four states together."""
        return self.new + self.learning + self.reviewing + self.mastered

    @property
    def step(self) -> NextStep:
        """What to do next, as a check's last message says it too."""
        return NextStep(self.ready, self.waiting, self.back, self.more)

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """The four states in MasteryState's order: new, learning, reviewing, mastered."""
        return self.new, self.learning, self.reviewing, self.mastered


def progress(db: Database, user_id: int, now: datetime, tz: ZoneInfo,
             holidays: frozenset[date] = frozenset()) -> Progress:
    """Count the words met by state, the words ready now, the streak of school days with
    study, and the next step: a check, cards to read, or the school day words come back."""
    who = learner(db, user_id)
    every = study.student_mastery(db, who.id).values()
    states = [s for s in every if s.previewed]
    by_state = Counter(s.state for s in states)  # a card never shown is not met
    mastered = [s for s in states if s.mastered]
    step = next_step(db, who, now, tz, holidays)
    # A day she only read new cards is a day studied: the reminder asked her to read them,
    # and her family's update counts it (apart from practice); a card-only school day broke
    # her streak while both told her it counted (playtest, Hmong level 1). Only a card's
    # first reading has a date, so reading old cards again keeps nothing.
    days = _days_studied(db, who.id, every, tz)
    today = school_date(now, tz)  # the study day: at 00:20 it is still yesterday's
    rest = _rest(db, who.id, days, states, step, today, tz)
    # a day her family excused (sick, not at school) is bridged as a day off is
    off = off_days(db, who.id, holidays)
    dates = sorted({s.mastered_at.astimezone(tz).date() for s in mastered if s.mastered_at})
    history = tuple((d.isoformat(), sum(1 for s in mastered if s.mastered_at and
                                        s.mastered_at.astimezone(tz).date() <= d))
                    for d in dates)
    return Progress(by_state[MasteryState.NEW], by_state[MasteryState.LEARNING],
                    by_state[MasteryState.REVIEWING], by_state[MasteryState.MASTERED], step.ready,
                    streak(days, today, off | rest), history,
                    step.ready, step.waiting, step.back, who.scaffold.short_progress,
                    check_items.next_open_item(db, who.id) is not None, step.more,
                    who.scaffold.bilingual_labels, who.scaffold.english_first)


def _days_studied(db: Database, student_id: int, every: Iterable[WordMastery], tz: ZoneInfo
                  ) -> set[date]:
    """The study days she answered anything or first read a card. A study day starts at
    04:00 (mastery.STUDY_DAY_STARTS), as every spacing rule counts it: calendar days gave a
    sitting from 23:50 to 00:10 two days of streak."""
    return study_days(study.attempt_quarters(db, student_id), tz) \
        | study_days((s.shown_at for s in every if s.shown_at is not None), tz)


def _rest(db: Database, student_id: int, days: Collection[date],
          states: Iterable[WordMastery], step: NextStep, today: date, tz: ZoneInfo
          ) -> frozenset[date]:
    """The days the streak bridges as having nothing to do. A school day with nothing to do
    breaks no streak: a fast student who finished every word read "✅ All done for now" on
    six days and her streak fell from 14 to 3 (playtest)."""
    return rest_days.days(db, student_id, tz) | idle_days(days, list(states), step, today, tz)


def nothing_to_do_days(db: Database, user_id: int, now: datetime, tz: ZoneInfo,
                       holidays: frozenset[date] = frozenset()) -> frozenset[date]:
    """The days the streak (`progress`) bridges as having nothing to do, for the family's
    update to count as /progress does: that Friday "0 of the last 1 school days" (ar
    playtest). Only the days kept (rest_days) for a student who can study no more (no class,
    no language): no next step to judge later days by."""
    try:
        who = learner(db, user_id)
    except (NotEnrolledError, NoLanguageError):
        return rest_days.days(db, user_id, tz)
    every = study.student_mastery(db, who.id).values()
    states = [s for s in every if s.previewed]
    return _rest(db, who.id, _days_studied(db, who.id, every, tz), states,
                 next_step(db, who, now, tz, holidays), school_date(now, tz), tz)


def idle_days(studied: Collection[date], states: Iterable[WordMastery], step: NextStep,
              today: date, tz: ZoneInfo) -> frozenset[date]:
    """The days since she last studied, up to today, on which nothing was ready: before the
    first day a word she has met is ready again, when no card waits (reading cards is
    something to do). Her words have not changed since she last studied, so their ready days
    say exactly which of those days had nothing to do (rest_days keeps earlier ones)."""
    start = max(studied, default=None)
    if step.waiting or start is None:
        return frozenset()
    first = min((ready_day(s, tz) for s in states), default=None)
    end = today if first is None else min(today, first - timedelta(days=1))
    return frozenset(start + timedelta(days=n) for n in range(1, (end - start).days + 1))
