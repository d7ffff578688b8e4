"""A strong student's right answers count (teacher playtest, Lucía: level 4, five pushed words,
right 9 times in 10). Her check ended on the fifth word as four options whose other three she
had answered minutes before, so her right tap was practice, on four days; her teacher read
"needs help" for it. From level 3 on such a tap is written instead (check_plan)."""

from __future__ import annotations

import random
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.domain.school_days import is_school_day
from bot.services import checks, learners
from bot.store import people
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, answer_through, enrol_student

TZ = ZoneInfo("America/New_York")
FIVE = ("predator", "prey", "producer", "consumer", "habitat")


@pytest.mark.parametrize("level", [3, 4, 5, 6])
def test_a_student_right_nine_times_in_ten_on_five_words_has_her_right_answers_counted(
        db: Database, level: int) -> None:
    people.upsert_teacher(db, TEACHER_ID, "Ms. Rivera", START)
    people.create_class(db, TEACHER_ID, "Science 7B", "JOINcode_123",
                        START + timedelta(days=180), None, START)
    enrol_student(db, START, 1001, "Lucía", "es", level)
    words = [w for w in pack_words(db, "science.ecosystems") if w.word.term in FIVE]
    learners.introduce(db, learners.learner(db, 1001), words, START)  # a push of five words
    learners.cards_shown(db, 1001, [w.id for w in words], START)
    rng, answered = random.Random(1), [0]

    def nine_in_ten(_: checks.Question) -> bool:
        answered[0] += 1
        return answered[0] % 10 != 0

    for day in range(14):
        now = (START + timedelta(days=day)).replace(hour=20)  # 16:00 in New York
        if is_school_day(now.astimezone(TZ).date()):
            answer_through(db, checks.start_check(db, 1001, now, rng, tz=TZ), now, TZ,
                           nine_in_ten)
    right, practice = db.execute(
        "SELECT sum(correct), sum(practised_right) FROM mastery WHERE student_id = 1001"
    ).fetchone()
    # her right answers in practice are the card day's (read minutes before): five at most,
    # and at least two in three of her right answers count; before, 11 of her 25 right
    # answers were practice, 6 of prey's 8
    assert practice <= len(FIVE) and 3 * (right - practice) >= 2 * right
