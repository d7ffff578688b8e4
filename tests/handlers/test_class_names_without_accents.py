"""A teacher's keyboard may have no accents for a class either: `/report ciencias basicas`
finds "Ciencias Básicas" as `/level Lucia 5` finds Lucía (names.fold_label); a class name
spelled exactly wins, two classes alike but for accents are refused, not guessed, and a new
class may not be made alike an old one but for accents."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.domain.names import matching_labels
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, enrol_student, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def ciencias(chat: Chat, name: str = "Ciencias Básicas", code: str = "CIENcode_123"
             ) -> people.ClassInfo:
    return people.create_class(chat.db, TEACHER_ID, name, code, START + timedelta(days=180),
                               "science.ecosystems", START)


def test_an_exact_spelling_wins_and_accents_alone_are_ambiguous() -> None:
    names = ["Ciencias Básicas", "Ciencias Basicas", "Science 7B"]
    assert matching_labels("ciencias  basicas", names) == [1]  # spelled so: that one
    assert matching_labels("CIENCIAS BASÍCAS", names) == [0, 1]  # neither: both
    assert matching_labels("science 7b", names) == [2]
    assert matching_labels("Science", names) == []


async def test_report_and_roster_find_a_class_typed_without_its_accents(chat: Chat) -> None:
    found = ciencias(chat)
    enrol_student(chat.db, chat.clock(), 1002, "Lucía", "es", code=found.join_code)
    report = texts(await chat.send(rivera(chat), "/report ciencias basicas"))
    assert report.strip().startswith("<b>Ciencias Básicas</b>: 1 student")
    roster = texts(await chat.send(rivera(chat), "/roster CIENCIAS BASICAS"))
    assert "Lucía" in roster and "no class called" not in roster


async def test_a_student_in_a_class_typed_without_accents_is_found(chat: Chat) -> None:
    found = ciencias(chat)
    enrol_student(chat.db, chat.clock(), 1002, "Lucía", "es", code=found.join_code)
    leveled = texts(await chat.send(rivera(chat), "/level Lucia in ciencias basicas 5"))
    assert "Lucía" in leveled and "can't find" not in leveled
    assert people.get_student(chat.db, 1002) is not None


async def test_announce_finds_the_class_typed_without_accents(chat: Chat) -> None:
    ciencias(chat)
    menu = texts(await chat.send(rivera(chat), "/announce ciencias basicas"))
    assert "Ready-made announcements for <b>Ciencias Básicas</b>" in menu


async def test_two_classes_alike_but_for_accents_are_refused_not_guessed(chat: Chat) -> None:
    ciencias(chat)
    ciencias(chat, "Ciencias Basicas", "BASIcode_123")  # made before names were compared so
    said = texts(await chat.send(rivera(chat), "/report ciencias BASÍCAS"))
    assert "Which class?" in said and "<b>Ciencias" not in said


async def test_a_new_class_alike_an_old_one_but_for_accents_is_refused(chat: Chat) -> None:
    ciencias(chat)
    said = texts(await chat.send(rivera(chat), "/newclass Ciencias basicas"))
    assert "You already have a class called Ciencias Básicas." in said
    assert [c.name for c in people.teacher_classes(chat.db, TEACHER_ID)] == [
        "Ciencias Básicas", "Science 7B"]
