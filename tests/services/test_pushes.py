"""Planning a push: the teacher's words, class and time, never inside quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.services import pushes
from bot.services.teaching import BadInputError, ClassNotFoundError
from bot.store import outbox, people
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

SCHOOL = SchoolConfig()  # New York, quiet 20:00-07:00


@pytest.mark.parametrize(("args", "parts"), [
    (["science.ecosystems"], ("science.ecosystems", [], None, None)),
    (["p", "food", "chain", "to", "Science", "7B", "at", "16:30"],
     ("p", ["food", "chain"], "Science 7B", "16:30")),
    (["p", "at", "7:00"], ("p", [], None, "7:00")),
    (["p", "habitat", "to", "7B"], ("p", ["habitat"], "7B", None)),
    # a time in the teacher's own words (playtest 9: "a las 8:00" read "a" as a word)
    (["p", "a", "las", "8:00"], ("p", [], None, "8:00")),
    (["p", "habitat", "to", "7B", "à", "8h30"], ("p", ["habitat"], "7B", "8h30")),
    (["p", "habitat", "16:30"], ("p", ["habitat"], None, "16:30")),
])
def test_a_push_command_is_split_into_pack_words_class_and_time(
        args: list[str], parts: tuple) -> None:
    assert pushes.parse_push(args) == parts


def test_named_words_are_matched_with_multi_word_terms_first(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    plan = pushes.plan_push(db, SCHOOL, TEACHER_ID,
                            ["science.ecosystems", "food", "chain,", "habitat", "habitat"], START)
    assert [w.word.term for w in plan.words] == ["food chain", "habitat"]
    assert plan.class_info.id == school_class.id and plan.send_at == START


def test_an_unknown_word_or_pack_is_named_back_to_the_teacher(
        db: Database, school_class: people.ClassInfo) -> None:
    with pytest.raises(pushes.UnknownWordsError) as word:
        pushes.plan_push(db, SCHOOL, TEACHER_ID,
                         ["science.ecosystems", "volcano", "habitat", "predatr"], START)
    assert (word.value.pack, word.value.missing) == ("science.ecosystems", (
        pushes.Missing("volcano"), pushes.Missing("predatr", close="predator")))
    with pytest.raises(BadInputError) as pack:
        pushes.plan_push(db, SCHOOL, TEACHER_ID, ["no.such"], START)
    assert pack.value.prompt_key == "push-unknown-pack"
    with pytest.raises(ClassNotFoundError):
        pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "to", "Art"], START)


def test_without_words_the_next_five_unsent_words_go(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    plan = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems"], START)
    assert len(plan.words) == 5


def test_a_push_to_a_class_nobody_joined_is_planned_for_those_who_join(
        db: Database, school_class: people.ClassInfo) -> None:
    now = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems"], START)
    assert now.empty and now.send_at == START and len(now.words) == 5
    later = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "16:30"],
                             START)
    assert later.empty and later.send_at > START
    enrol_student(db, START, lang=None)  # on the roster, still choosing a language
    assert not pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems"], START).empty


def test_a_push_to_an_empty_class_without_a_pack_gives_it_that_pack_and_no_other_class(
        db: Database, school_class: people.ClassInfo) -> None:
    people.create_class(db, TEACHER_ID, "Science 6", "SIXcode_456", START + timedelta(days=9),
                        None, START)
    plan = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "prey", "to",
                                                     "Science 6"], START)
    assert pushes.start_class_on(db, plan)
    assert people.class_by_id(db, plan.class_info.id).pack_id == "science.ecosystems"
    own = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["general.academic-verbs", "analyze", "to",
                                                    "Science 7B"], START)
    assert own.empty and not pushes.start_class_on(db, own)  # it has a pack of its own
    assert people.class_by_id(db, school_class.id).pack_id == "science.ecosystems"


def test_a_push_at_a_time_already_past_today_goes_tomorrow(
        db: Database, school_class: people.ClassInfo) -> None:
    # START is 11:00 in New York
    plan = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "10:00"],
                            START)
    assert plan.send_at == datetime(2026, 9, 15, 14, 0, tzinfo=UTC)
    later = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "16:30"],
                             START)
    assert later.send_at == datetime(2026, 9, 14, 20, 30, tzinfo=UTC)
    with pytest.raises(BadInputError):
        pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "noonish"], START)


def test_a_push_for_a_time_that_falls_on_a_weekend_or_holiday_goes_on_the_next_school_day(
        db: Database, school_class: people.ClassInfo) -> None:
    # Friday 18 Sep 2026, 15:00 in New York: "at 08:00" is Monday's, not Saturday's (playtest 9)
    friday = datetime(2026, 9, 18, 19, 0, tzinfo=UTC)
    plan = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "08:00"],
                            friday)
    assert plan.send_at == datetime(2026, 9, 21, 12, 0, tzinfo=UTC)  # Monday 08:00
    later = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "at", "16:30"],
                             friday)
    assert later.send_at == datetime(2026, 9, 18, 20, 30, tzinfo=UTC)  # still today
    holiday = SchoolConfig(holidays=frozenset({datetime(2026, 9, 21).date()}))
    plan = pushes.plan_push(db, holiday, TEACHER_ID, ["science.ecosystems", "at", "08:00"],
                            friday)
    assert plan.send_at == datetime(2026, 9, 22, 12, 0, tzinfo=UTC)  # Tuesday


@pytest.mark.parametrize(("utc", "sent"), [
    (datetime(2026, 9, 14, 23, 59, tzinfo=UTC), datetime(2026, 9, 14, 23, 59, tzinfo=UTC)),
    (datetime(2026, 9, 15, 0, 0, tzinfo=UTC), datetime(2026, 9, 15, 11, 0, tzinfo=UTC)),
    (datetime(2026, 9, 15, 3, 0, tzinfo=UTC), datetime(2026, 9, 15, 11, 0, tzinfo=UTC)),
    (datetime(2026, 9, 15, 11, 0, tzinfo=UTC), datetime(2026, 9, 15, 11, 0, tzinfo=UTC)),
])
def test_quiet_hours_hold_a_push_until_seven_local(utc: datetime, sent: datetime) -> None:
    assert pushes.next_allowed(utc, SCHOOL) == sent


def _pushed(db: Database, plan: pushes.PushPlan, student_id: int, status: str = "pending") -> None:
    """What the deliverer's queue holds after a push: one preview row for the student."""
    push_id = outbox.create_push(db, plan.class_info.id, TEACHER_ID, plan.pack_id,
                                 [w.id for w in plan.words], plan.send_at, START)
    row = outbox.enqueue(db, push_id, student_id, "preview", {"text": "card"}, plan.send_at,
                         START)
    db.execute("UPDATE outbox SET status = ? WHERE id = ?", [status, row])


def test_the_same_push_twice_the_same_day_skips_students_who_already_got_the_words(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Ana")
    enrol_student(db, START, 1002, "Bo")
    words = ["science.ecosystems", "predator", "prey"]
    first = pushes.plan_push(db, SCHOOL, TEACHER_ID, words, START)
    assert first.repeats == frozenset()
    _pushed(db, first, 1001, "sent")
    _pushed(db, first, 1002, "blocked")  # Bo never got it: sending again is no repeat

    again = pushes.plan_push(db, SCHOOL, TEACHER_ID, words, START + timedelta(hours=2))
    assert again.repeats == frozenset({1001})
    fewer = pushes.plan_push(db, SCHOOL, TEACHER_ID, ["science.ecosystems", "prey"], START)
    assert fewer.repeats == frozenset({1001})  # every word already sent today
    more = pushes.plan_push(db, SCHOOL, TEACHER_ID, [*words, "habitat"], START)
    assert more.repeats == frozenset()         # a new word: the push is not the same
    tomorrow = pushes.plan_push(db, SCHOOL, TEACHER_ID, [*words, "at", "08:15"], START)
    assert tomorrow.send_at.date() > START.date() and tomorrow.repeats == frozenset()
