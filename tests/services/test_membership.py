"""Who may be here, through the use cases: removing a student, unlinking a family, co-teacher
codes, the pause on guessed codes, /deleteme, and who is writing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.config import Config
from bot.domain.errors import PuenteError
from bot.domain.throttle import Throttle
from bot.services import family, membership, teaching
from bot.services.membership import Audience
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

OTHER_TEACHER = 9002


def linked_family(db: Database, caregiver: int = 2001, lang: str = "ar") -> None:
    """Ana's caregiver opens the teacher's link and picks their own language."""
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, caregiver, link.payload, START)
    family.set_language(db, caregiver, lang)


def test_a_removed_student_leaves_the_roster_and_their_family_leaves_the_class_list(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    enrol_student(db, START, user_id=1002, name="Bo")
    linked_family(db)
    plan = membership.plan_removal(db, TEACHER_ID, "Ana", START)
    assert teaching.roster(db, school_class.id)  # nothing changes before the confirming tap
    assert plan.ending.family_ids == (2001,)  # Ana is in no other class: her link would end
    done = membership.remove_student(db, TEACHER_ID, plan.student_id, plan.class_id, START)
    assert (done.student.first_name, done.class_name) == ("Ana", "Science 7B")
    assert [r.first_name for r in teaching.roster(db, school_class.id)] == ["Bo"]
    assert done.ending.links == 1 and db["families"].count == 0
    _, links = membership.class_families(db, TEACHER_ID, None)
    assert links == []
    with pytest.raises(membership.MemberNotFoundError):  # a second tap removes nobody
        membership.remove_student(db, TEACHER_ID, plan.student_id, plan.class_id, START)


def test_a_teacher_cannot_remove_a_student_from_another_teachers_class(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    people.upsert_teacher(db, OTHER_TEACHER, "Mr. Okafor", START)
    with pytest.raises(membership.MemberNotFoundError):
        membership.remove_student(db, OTHER_TEACHER, 1001, school_class.id, START)
    assert [r.first_name for r in teaching.roster(db, school_class.id)] == ["Ana"]


def test_an_unlinked_family_member_is_no_longer_listed_and_cannot_be_unlinked_twice(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    linked_family(db)
    _, links = membership.class_families(db, TEACHER_ID, "science 7b")
    assert [(link.student_name, link.language) for link in links] == [("Ana", "ar")]
    unlinked = membership.unlink_family(db, TEACHER_ID, links[0].family_id, START)
    assert unlinked.student_name == "Ana"
    assert membership.class_families(db, TEACHER_ID, None)[1] == []
    assert not family.is_family(db, 2001)
    with pytest.raises(membership.MemberNotFoundError):
        membership.unlink_family(db, TEACHER_ID, links[0].family_id, START)


def test_a_co_teacher_code_lets_one_teacher_in_once(
        db: Database, school_class: people.ClassInfo) -> None:
    found, code = membership.create_coteach_code(db, TEACHER_ID, None, START)
    assert found.id == school_class.id
    joined = membership.teach_with_code(db, Config(), OTHER_TEACHER, "Mr. Okafor", code, START)
    assert joined is not None and joined.name == "Science 7B"
    assert [c.name for c in teaching.teacher_classes(db, OTHER_TEACHER)] == ["Science 7B"]
    with pytest.raises(teaching.NotTeacherError) as again:
        membership.teach_with_code(db, Config(), 9003, "Ms. Lee", code, START)
    assert again.value.prompt_key == "teach-bad-code"


def test_wrong_codes_pause_the_guesser_but_a_missing_code_never_counts() -> None:
    guard = Throttle(limit=2, window=timedelta(minutes=1), pause=timedelta(minutes=5))
    for _ in range(5):  # /start with no code is a question, not a guess
        with pytest.raises(PuenteError), membership.code_attempt(guard, 1001, START):
            raise PuenteError(prompt_key="join-code-missing")
    for _ in range(2):
        with pytest.raises(PuenteError), membership.code_attempt(guard, 1001, START):
            raise PuenteError(prompt_key="join-code-unknown")
    with pytest.raises(membership.TooManyAttemptsError) as paused, \
            membership.code_attempt(guard, 1001, START):
        pass
    assert paused.value.params == {"minutes": 5}
    with membership.code_attempt(guard, 1002, START):  # someone else is not paused
        pass


def test_deleting_a_student_forgets_them_and_their_language(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, lang="uk")
    assert membership.chosen_language(db, 1001) == "uk"
    assert membership.deletion_plan(db, 1001) is None  # not a teacher: no classes to hand over
    membership.delete_person(db, 1001)
    assert teaching.roster(db, school_class.id) == []
    assert membership.chosen_language(db, 1001) is None
    assert membership.sender(db, 1001).audience is Audience.STRANGER


def test_a_teachers_deletion_plan_hands_a_co_taught_class_over(
        db: Database, school_class: people.ClassInfo) -> None:
    _, code = membership.create_coteach_code(db, TEACHER_ID, None, START)
    membership.teach_with_code(db, Config(), OTHER_TEACHER, "Mr. Okafor", code, START)
    fates = membership.deletion_plan(db, TEACHER_ID)
    assert fates is not None
    assert [(f.class_name, f.heir_name) for f in fates] == [("Science 7B", "Mr. Okafor")]


def test_who_is_writing_a_student_wins_then_a_teacher_then_a_family_member(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    linked_family(db, caregiver=2001, lang="ar")
    linked_family(db, caregiver=TEACHER_ID)  # a teacher who is a parent too
    student = membership.sender(db, 1001)
    assert student.audience is Audience.STUDENT
    assert student.student is not None and student.student.language == "es"
    assert membership.sender(db, TEACHER_ID).audience is Audience.TEACHER
    assert membership.sender(db, 2001).audience is Audience.FAMILY
    assert membership.sender(db, 5555).audience is Audience.STRANGER
    assert membership.chosen_language(db, 2001) == "ar"  # the family member's own language
