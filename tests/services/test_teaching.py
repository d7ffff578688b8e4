"""Teaching through the use cases: becoming a teacher, classes and codes, finding students,
levels, and the one combined alert a teacher gets about a struggling student."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.config import AccessConfig, Config
from bot.services import class_reports, daily_alerts, join, levels, student_lookup, teaching
from bot.store import people
from bot.store import study as stored
from tests.clock import START
from tests.harness import ADMIN_ID, INVITE, TEACHER_ID, enrol_student, read_words

TZ = ZoneInfo("America/New_York")
CONFIG = replace(Config(), access=AccessConfig(teacher_invite_codes=(INVITE,),
                                               admin_ids=(ADMIN_ID,), join_code_days=30))


def test_the_configured_invite_code_makes_a_teacher_and_a_wrong_one_does_not(
        db: Database) -> None:
    with pytest.raises(teaching.NotTeacherError) as refused:
        teaching.become_teacher(db, CONFIG, 7001, "Lee", "GUESS", START)
    assert refused.value.prompt_key == "teach-bad-code"
    with pytest.raises(teaching.BadInputError) as usage:
        teaching.become_teacher(db, CONFIG, 7001, "Lee", None, START)
    assert usage.value.prompt_key == "teach-usage"
    assert not people.is_teacher(db, 7001)
    teaching.become_teacher(db, CONFIG, 7001, "Lee", INVITE, START)
    assert people.is_teacher(db, 7001)


def test_an_admins_invite_works_once_and_only_admins_issue_them(db: Database) -> None:
    with pytest.raises(teaching.NotTeacherError) as refused:
        teaching.issue_invite(db, CONFIG, 7001, START)
    assert refused.value.prompt_key == "admin-only"
    code = teaching.issue_invite(db, CONFIG, ADMIN_ID, START)
    teaching.become_teacher(db, CONFIG, 7001, "Lee", code, START)
    with pytest.raises(teaching.NotTeacherError):
        teaching.become_teacher(db, CONFIG, 7002, "Kim", code, START)
    assert people.is_teacher(db, 7001) and not people.is_teacher(db, 7002)


def test_a_new_class_gets_a_fresh_code_valid_for_the_configured_days(
        db: Database, school_class: people.ClassInfo) -> None:
    made = teaching.create_class(db, CONFIG, TEACHER_ID, "  Math   6 ", START)
    assert made.name == "Math 6"
    assert made.join_code != school_class.join_code and len(made.join_code) == 12
    assert made.code_expires_at == START + timedelta(days=30)


@pytest.mark.parametrize(("name", "key"), [("", "newclass-usage"), ("x" * 200, "newclass-usage"),
                                           ("science 7b", "class-exists")])
def test_a_bad_or_duplicate_class_name_is_refused(
        db: Database, school_class: people.ClassInfo, name: str, key: str) -> None:
    with pytest.raises(teaching.BadInputError) as refused:
        teaching.create_class(db, CONFIG, TEACHER_ID, name, START)
    assert refused.value.prompt_key == key
    assert db["classes"].count == 1


def test_a_student_cannot_create_a_class(db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    with pytest.raises(teaching.NotTeacherError):
        teaching.create_class(db, CONFIG, 1001, "Mine", START)


def test_a_revoked_code_stops_working_at_once(db: Database,
                                             school_class: people.ClassInfo) -> None:
    updated = teaching.revoke_code(db, CONFIG, TEACHER_ID, None, START)
    assert updated.join_code != school_class.join_code
    with pytest.raises(join.JoinError):
        join.join_class(db, 1001, "Ana", school_class.join_code, "es", START)
    assert join.join_class(db, 1001, "Ana", updated.join_code, "es", START).class_name \
        == "Science 7B"


def test_the_only_class_is_found_without_a_name_and_two_need_one(
        db: Database, school_class: people.ClassInfo) -> None:
    assert teaching.find_class(db, TEACHER_ID, None).id == school_class.id
    teaching.create_class(db, CONFIG, TEACHER_ID, "Math 6", START)
    with pytest.raises(teaching.ClassNotFoundError) as which:
        teaching.find_class(db, TEACHER_ID, None)
    assert which.value.prompt_key == "class-which"
    assert teaching.find_class(db, TEACHER_ID, "  MATH 6 ").name == "Math 6"


def test_a_teacher_finds_only_their_own_students(db: Database,
                                                 school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    row, found = student_lookup.find_student(db, TEACHER_ID, " ana ")
    assert (row.student_id, found.id) == (1001, school_class.id)
    assert student_lookup.find_student(db, TEACHER_ID, "1")[0].first_name == "Ana"  # /roster's 1.
    with pytest.raises(teaching.StudentNotFoundError):  # a Telegram id is never a teacher's
        student_lookup.find_student(db, TEACHER_ID, "1001")
    people.upsert_teacher(db, 9002, "Other", START)
    with pytest.raises(teaching.StudentNotFoundError):
        student_lookup.find_student(db, 9002, "Ana")


@pytest.mark.parametrize(("enrolled", "typed"), [("陳家豪", "陈家豪"), ("陈家豪", "陳家豪")])
def test_a_chinese_name_is_found_in_either_script(
        db: Database, school_class: people.ClassInfo, enrolled: str, typed: str) -> None:
    """Playtest: "/student 陈家豪", copied from a Simplified class list, found no 陳家豪 (his
    Hong Kong phone's name): "I can't find a student called 陈家豪"."""
    enrol_student(db, START, name=enrolled)
    assert student_lookup.find_student(db, TEACHER_ID, typed)[0].first_name == enrolled


def test_two_students_with_one_name_must_be_told_apart(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    enrol_student(db, START, user_id=1002)
    with pytest.raises(teaching.StudentNotFoundError) as refused:
        student_lookup.find_student(db, TEACHER_ID, "Ana")
    assert refused.value.prompt_key == "student-ambiguous"


@pytest.mark.parametrize("typed", ["Ana #2", "ana #2", "#2", "2", " Ana  #2 ", "Ana#2",
                                   "Ana #2 (Science 7B)", "#2 Science 7B", "2 science 7b"])
def test_a_namesake_is_found_by_the_label_the_roster_shows(
        db: Database, school_class: people.ClassInfo, typed: str) -> None:
    enrol_student(db, START)
    enrol_student(db, START, user_id=1002)
    row, _ = student_lookup.find_student(db, TEACHER_ID, typed)
    assert (row.student_id, row.number) == (1002, 2)


def test_a_label_whose_name_is_not_that_number_finds_nobody(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    enrol_student(db, START, user_id=1002, name="Bo")
    with pytest.raises(teaching.StudentNotFoundError) as refused:
        student_lookup.find_student(db, TEACHER_ID, "Ana #2")  # number 2 is Bo
    assert (refused.value.prompt_key, refused.value.params) == (
        "student-not-found", {"name": "Ana #2"})
    with pytest.raises(teaching.StudentNotFoundError) as missing:
        student_lookup.find_student(db, TEACHER_ID, "#7")
    assert missing.value.prompt_key == "student-number-not-found"


def test_a_level_and_a_family_link_take_the_roster_label(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=1)
    enrol_student(db, START, user_id=1002, level=1)
    assert levels.set_level(db, TEACHER_ID, "Ana #2", "3").row.student_id == 1002
    assert levels.set_levels(db, TEACHER_ID, "Ana #1 4, #2 5")[1].level == 5
    assert [people.enrollments(db, s)[0].wida_level for s in (1001, 1002)] == [4, 5]


def test_the_teachers_level_wins_and_ends_self_placement(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=None)
    join.open_placement(db, 1001)
    assert levels.set_level(db, TEACHER_ID, "Ana", "5").level == 5
    assert people.enrollments(db, 1001)[0].wida_level == 5
    with pytest.raises(join.PlacementClosedError):
        join.answer_placement(db, 1001, 0, 0)
    with pytest.raises(teaching.BadInputError) as refused:
        levels.set_level(db, TEACHER_ID, "Ana", "9")
    assert refused.value.prompt_key == "level-out-of-range"


def test_a_pasted_column_of_levels_sets_all_or_none(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=1)
    enrol_student(db, START, user_id=1002, name="Bo", level=1)
    with pytest.raises(teaching.StudentNotFoundError):
        levels.set_levels(db, TEACHER_ID, "Ana 4; Nobody 2")
    assert [e.wida_level for e in people.enrollments(db, 1001)] == [1]
    done = levels.set_levels(db, TEACHER_ID, "Ana 4\nBo 2")
    assert [(one.row.first_name, one.level) for one in done] == [("Ana", 4), ("Bo", 2)]
    assert people.enrollments(db, 1002)[0].wida_level == 2


def miss_three_times(db: Database, word: int) -> None:
    state = stored.get_mastery(db, 1001, word)
    assert state is not None
    stored.save_mastery(db, 1001, word, replace(state, misses_in_row=3, answered=True), START)


def test_one_alert_a_day_names_every_stuck_word_and_never_repeats_one(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=3)
    words = [w.id for w in read_words(db, START)]
    assert daily_alerts.daily_alert(db, 1001, START, TZ) is None  # nobody is stuck
    miss_three_times(db, words[0])
    miss_three_times(db, words[1])
    alert = daily_alerts.daily_alert(db, 1001, START, TZ)
    assert alert is not None and len(alert.terms) == 2 and alert.level == 3
    miss_three_times(db, words[2])
    assert daily_alerts.daily_alert(db, 1001, START + timedelta(hours=1), TZ) is None  # same day
    tomorrow = daily_alerts.daily_alert(db, 1001, START + timedelta(days=1), TZ)
    assert tomorrow is not None and len(tomorrow.terms) == 1  # only the newly stuck word


def test_finding_a_student_with_no_name_asks_for_one_in_the_commands_words(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    with pytest.raises(teaching.BadInputError) as usage:
        class_reports.student_report(db, TEACHER_ID, "  ")
    assert (usage.value.prompt_key, usage.value.params) == ("student-name-usage",
                                                            {"command": "/student"})
