"""A teacher's keyboard may have no accents (playtest: `/remove Lucia` said "I can't find a
student called Lucia" for Lucía): names match with case and accents ignored, two students
who then match alike are still refused by name, and a name that matches nobody gets the
closest one, as it can be typed back."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.names import closest_name, fold_name
from tests.harness import TEACHER_ID, Chat, enrol_student, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


@pytest.mark.parametrize(("typed", "name"), [
    ("Lucia", "Lucía"), ("LUCIA", "Lucía"), ("zoe", "Zoë"), ("Ozgur", "Özgür"),
    ("Francois", "François"), ("Nguyen", "Nguyễn"), ("Андреи", "Андрей")])
def test_a_name_typed_without_accents_is_the_same_name(typed: str, name: str) -> None:
    assert fold_name(typed) == fold_name(name)


def test_arabic_vowel_marks_still_tell_names_apart() -> None:
    assert fold_name("حَسَن") != fold_name("حسن")  # not a Latin accent: kept


def test_the_closest_name_is_suggested_only_when_close() -> None:
    assert closest_name("Lusia", ["Pao", "Lucía", "Ben"]) == "Lucía"
    assert closest_name("Mohammed", ["Pao", "Lucía", "Ben"]) is None


async def test_lucia_typed_without_the_accent_is_found_by_level_and_remove(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Pao", "es")
    enrol_student(chat.db, chat.clock(), 1002, "Lucía", "es")
    leveled = texts(await chat.send(rivera(chat), "/level Lucia 5"))
    assert "Lucía" in leveled and "can't find" not in leveled
    asked = texts(await chat.send(rivera(chat), "/remove lucia"))
    assert asked.startswith("Remove Lucía from <b>Science 7B</b>?")
    student = texts(await chat.send(rivera(chat), "/student LUCIA"))
    assert "<b>Lucía</b>" in student


async def test_lucia_and_lucia_without_accent_are_refused_by_name(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Lucía", "es")
    enrol_student(chat.db, chat.clock(), 1002, "Lucia", "it")
    said = texts(await chat.send(rivera(chat), "/remove Lucia"))
    assert said.startswith("More than one student is called Lucia (numbers ")
    assert "Use the number instead of the name." in said
    asked = texts(await chat.send(rivera(chat), "/remove Lucía #2"))
    assert asked.startswith("Remove Lucia #2 from")  # the number tells them apart


async def test_a_misspelled_name_gets_the_closest_student_to_type_back(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Pao", "es")
    enrol_student(chat.db, chat.clock(), 1002, "Ben", "es")
    enrol_student(chat.db, chat.clock(), 1003, "Lucía", "es")
    said = texts(await chat.send(rivera(chat), "/remove Lusia"))
    assert said == ("I can't find a student called Lusia in your classes. "
                    "Did you mean Lucía #3?")
    asked = texts(await chat.send(rivera(chat), "/remove Lucía #3"))
    assert asked.startswith("Remove Lucía from")
    nothing = texts(await chat.send(rivera(chat), "/remove Mohammed"))
    assert nothing == "I can't find a student called Mohammed in your classes."


def test_the_start_of_a_name_suggests_the_name() -> None:
    assert closest_name("Wid", ["Pao", "Widlene", "Ben"]) == "Widlene"
    assert closest_name("W", ["Pao", "Widlene", "Ben"]) is None  # one letter says too little


@pytest.mark.parametrize("command", ["/level Wid 3", "/student Wid", "/remove Wid",
                                     "/thread Wid", "/family Wid"])
async def test_every_name_taking_command_suggests_from_the_start_of_a_name(
        chat: Chat, command: str) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Pao", "es")
    enrol_student(chat.db, chat.clock(), 1002, "Widlene", "ht")
    said = texts(await chat.send(rivera(chat), command))
    assert said == "I can't find a student called Wid in your classes. Did you mean Widlene #2?"


async def test_a_name_written_in_another_alphabet_is_offered_by_its_number(chat: Chat) -> None:
    """Arabic playtest: Omar's Telegram name is عمر; "/student Omar" and "/level Omar 2" found
    nobody and said nothing more, so the teacher could not name him (three Arabic speakers in a
    class look alike to an English reader)."""
    enrol_student(chat.db, chat.clock(), 1001, "Pao", "es")
    enrol_student(chat.db, chat.clock(), 1002, "عمر", "ar")
    enrol_student(chat.db, chat.clock(), 1003, "梅", "zh")
    said = texts(await chat.send(rivera(chat), "/level Omar 2"))
    assert said.startswith("I can't find a student called Omar in your classes. These names are "
                           "written in another alphabet: type the number where the name goes.\n")
    assert "• 2 · عمر" in said and "• 3 · 梅" in said and "Pao" not in said
    assert "/level 2" not in said  # no tappable "/level 2", which reads as "set level 2"
    leveled = texts(await chat.send(rivera(chat), "/level 2 2"))
    assert "عمر" in leveled and "can't find" not in leveled
    # a name typed in its own alphabet still finds nobody else's: no list for it
    assert texts(await chat.send(rivera(chat), "/student علي")) == (
        "I can't find a student called علي in your classes.")
