"""The day a missed word's feedback names (readiness.word_back) is a school day on which any
check asks it: the next school day for a miss, later for a missed deciding review, which waits
until the spelling its feedback showed may be forgotten (mastery.after_memory)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.mastery import WordMastery, after_memory, new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.services.readiness import word_back
from tests.clock import START  # Monday 14 Sep, 11:00 at school

TZ = ZoneInfo("America/New_York")


def missed(state: WordMastery, typed: bool = False, days: int = 0) -> tuple[WordMastery, date]:
    """The word missed `days` after START; the day then, at school."""
    now = START + timedelta(days=days)
    kind = ItemType.TYPED if typed else ItemType.CHOICE
    return record_answer(state, correct=False, exact=False, item_type=kind, typed=typed,
                         now=now, local_day=now.astimezone(TZ).date().isoformat(), tz=TZ), \
        now.astimezone(TZ).date()


def test_a_word_missed_on_monday_comes_back_tomorrow() -> None:
    state, _ = missed(new_mastery(1, START - timedelta(days=1)))
    back = word_back(state, START, TZ)
    assert (back.day, back.in_days) == (date(2026, 9, 15), 1)


def test_a_word_missed_just_after_midnight_is_not_back_later_that_day() -> None:
    # ready by school day and never the day it was answered: its feedback never says
    # "later today", whatever the hour
    early = START.astimezone(TZ).replace(hour=0, minute=1).astimezone(UTC)
    state = record_answer(new_mastery(1, early), correct=False, exact=False,
                          item_type=ItemType.CHOICE, typed=False, now=early,
                          local_day="2026-09-14")
    back = word_back(state, early, TZ)
    # 00:01 is still Sunday night's study day: back on the next one, Monday from 04:00,
    # "tomorrow" to someone not yet asleep (Davi, playtest), never "later today"
    assert back.in_days >= 1 and back.day == date(2026, 9, 14)


def test_a_word_missed_on_friday_comes_back_on_monday_or_after_a_holiday() -> None:
    friday = START + timedelta(days=4)
    state, _ = missed(new_mastery(1, START), days=4)
    assert word_back(state, friday, TZ).day == date(2026, 9, 21)
    assert word_back(state, friday, TZ, {date(2026, 9, 21)}).day == date(2026, 9, 22)


def test_a_missed_deciding_review_is_named_from_the_first_day_it_is_ready_all_day() -> None:
    review = replace(new_mastery(1, START - timedelta(days=5)), answered=True,
                     success_days=frozenset({"2026-09-09", "2026-09-10"}),
                     first_correct_at=START - timedelta(days=5),
                     last_answered=START - timedelta(days=4), due_at=START - timedelta(hours=1))
    state, _ = missed(review, typed=True)
    # its feedback showed the spelling: asked again once that may be forgotten, from the
    # start of the day after PROMPT_MEMORY (Saturday), so on the next school day after it
    assert state.due_at == after_memory(START, TZ) == datetime(2026, 9, 19, 4, tzinfo=TZ)
    back = word_back(state, START, TZ)
    assert (back.day, back.in_days) == (date(2026, 9, 21), 7)  # Monday, not "tomorrow"
