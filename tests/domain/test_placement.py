"""Self-placement errs low: bands of rising difficulty, a miss or "I don't know" stops it."""

from __future__ import annotations

import random

import pytest

from bot.domain.placement import (
    DONT_KNOW,
    PLACEMENT,
    RIGHT,
    WRONG,
    level_from_answers,
    next_question,
    score,
    spoken,
    student_level,
)


def run(knows_up_to_band: int, rng: random.Random, unsure: str = "guess") -> tuple[int, int]:
    """A simulated student: right on every band they know, then guessing (or "I don't know")
    on the rest. Returns (level, questions asked)."""
    answers: list[int] = []
    while (number := next_question(answers)) is not None:
        item = PLACEMENT[number]
        if item.band <= knows_up_to_band:
            option = item.correct
        elif unsure == "guess":
            option = rng.randrange(len(item.options))
        else:
            option = len(item.options)  # the "I don't know" button
        answers.append(score(number, option))
    return level_from_answers(answers), len(answers)


def test_a_newcomer_who_knows_one_picture_word_starts_at_level_one() -> None:
    answers = [score(0, PLACEMENT[0].correct), score(1, (PLACEMENT[1].correct + 1) % 4)]
    assert next_question(answers) is None  # two questions, then it stops
    assert level_from_answers(answers) == 1


def test_i_dont_know_on_the_first_question_ends_at_level_one() -> None:
    answers = [score(0, len(PLACEMENT[0].options))]
    assert answers == [DONT_KNOW] and next_question(answers) is None
    assert level_from_answers(answers) == 1


def test_knowing_everything_proposes_level_five_never_six() -> None:
    assert run(99, random.Random(1)) == (5, len(PLACEMENT))


@pytest.mark.parametrize("band", [0, 1, 2, 3])
def test_a_student_who_says_i_dont_know_is_placed_exactly_at_their_band(band: int) -> None:
    level, asked = run(band, random.Random(1), unsure="dont-know")
    assert level == band + 1
    assert asked == sum(1 for i in PLACEMENT if i.band <= band) + 1


def test_guessing_rarely_moves_anyone_up() -> None:
    rng = random.Random(7)
    trials = 4000
    guessed_up = sum(run(0, rng)[0] > 1 for _ in range(trials)) / trials
    assert guessed_up < 0.03  # 1 in 64 to guess through the first band
    level_three = [run(2, rng)[0] for _ in range(trials)]
    assert sum(level > 3 for level in level_three) / trials < 0.1  # 1 in 16


def test_the_old_four_item_rule_is_gone_one_right_is_not_level_two() -> None:
    assert level_from_answers([RIGHT, WRONG]) == 1
    assert level_from_answers([RIGHT, RIGHT, RIGHT, WRONG]) == 2


def test_every_item_has_four_options_and_a_right_one() -> None:
    for item in PLACEMENT:
        assert len(item.options) == 4 and 0 <= item.correct < 4
        assert len(set(item.options)) == 4
    assert [i.band for i in PLACEMENT] == sorted(i.band for i in PLACEMENT)


def test_a_students_one_level_prefers_the_teachers_and_errs_low_between_two() -> None:
    assert student_level([]) is None
    assert student_level([(None, False)]) is None  # no class has a level yet
    assert student_level([(4, False), (2, True)]) == 2   # the teacher's beats a self-placement
    assert student_level([(1, False), (3, True)]) == 3
    assert student_level([(5, True), (3, True), (None, False)]) == 3  # two teachers: the lower
    assert student_level([(2, False), (1, False)]) == 1


def test_the_gap_question_is_heard_as_a_sentence_before_its_answers() -> None:
    # "I ___ to school every day.": the 🔊 says the sentence with a pause for its gap first,
    # then each answer in the buttons' order (a level-1 student heard answers without it)
    heard = spoken(1)
    assert heard[0] == "I … to school every day."
    assert len(heard) == len(PLACEMENT[1].options) + 1
    for said, option in zip(heard[1:], PLACEMENT[1].options, strict=True):
        assert said == f"I {option} to school every day."
