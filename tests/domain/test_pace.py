"""A student caught up for today may open one more set of words (bot/domain/pace.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain.mastery import WordMastery, new_mastery
from bot.domain.pace import caught_up, extra_slots

NOW = datetime(2026, 9, 14, 18, 0, tzinfo=UTC)


def answered(right: bool = True) -> WordMastery:
    """A word whose card she read and answered this afternoon."""
    return replace(new_mastery(1, NOW - timedelta(hours=2)), shown_at=NOW - timedelta(hours=2),
                   answered=True, last_answered=NOW - timedelta(hours=1),
                   misses_in_row=0 if right else 1)


def test_a_student_who_answered_every_word_right_today_gets_one_more_set() -> None:
    five = [answered() for _ in range(5)]
    assert caught_up(five, NOW, UTC)
    assert extra_slots(4, 5, five, NOW, UTC) == 5
    assert extra_slots(4, 5, five * 2, NOW, UTC) == 0  # two sets at once: no more


def test_no_more_words_after_a_miss_for_a_newcomer_or_with_a_card_unread() -> None:
    five = [answered() for _ in range(4)]
    assert extra_slots(4, 5, [*five, answered(right=False)], NOW, UTC) == 0
    assert extra_slots(2, 4, five, NOW, UTC) == 0 and extra_slots(None, 4, five, NOW, UTC) == 0
    unread = new_mastery(9, NOW)  # pushed, its card not opened
    assert extra_slots(4, 5, [*five, unread], NOW, UTC) == 0
    assert not caught_up([], NOW, UTC)


def test_words_ready_again_are_no_reason_for_more() -> None:
    yesterday = [replace(answered(), last_answered=NOW - timedelta(days=1))]
    assert not caught_up(yesterday, NOW, UTC)  # a check would ask it: that comes first
