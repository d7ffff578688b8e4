"""The memory that tells a typed answer's copy from an answer: pure, small, per process."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.sent_twice import SentTwiceGuard, text_key
from tests.clock import START


def test_a_copy_is_the_same_text_however_its_case_and_spaces_fall() -> None:
    assert text_key(" Food  Chain ") == text_key("food chain") != text_key("food chains")


def test_a_copy_is_only_ever_of_the_answer_that_opened_the_question_still_open() -> None:
    guard = SentTwiceGuard()
    guard.graded(1001, "zebra", 7, START)
    assert guard.is_copy(1001, "zebra", 7, START + timedelta(seconds=1))
    assert not guard.is_copy(1001, "zebra", 8, START + timedelta(seconds=1))  # another question
    assert not guard.is_copy(1002, "zebra", 7, START + timedelta(seconds=1))  # another student
    assert not guard.is_copy(1001, "zebra", 7, START - timedelta(seconds=1))  # clock set back
    guard.graded(1001, "zebra", None, START)  # it ended the check: a copy, with none open
    assert guard.is_copy(1001, "zebra", None, START) and not guard.is_copy(1001, "zebra", 7, START)


def test_the_memory_keeps_at_most_max_students_dropping_the_longest_ago() -> None:
    guard = SentTwiceGuard(max_students=2)
    for student in (1, 2, 3):
        guard.graded(student, "zebra", 10 + student, START)
    assert not guard.is_copy(1, "zebra", 11, START)
    assert guard.is_copy(2, "zebra", 12, START) and guard.is_copy(3, "zebra", 13, START)
