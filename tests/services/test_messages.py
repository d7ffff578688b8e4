"""Messages to and from the teacher, through the use cases: who may write, how fast, which child
a message is about, the English a teacher reads, and that nobody's words are kept."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.domain.throttle import Throttle
from bot.services import askers, family, membership, message_languages, relays, teacher_answers
from bot.store import people
from bot.translation.translator import Translator
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

WORDS = "Mi hija estuvo enferma ayer y no pudo hacer la tarea de ciencias."
ENGLISH = "My daughter was sick yesterday and could not do the science homework."


class Phrasebook:
    """An offline engine that knows one Spanish sentence (the tests' stand-in for Argos)."""

    name = "phrasebook"

    def unavailable_reason(self, source: str, target: str) -> str | None:
        return None if (source, target) == ("es", "en") else "no such model"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [ENGLISH if text == WORDS else "" for text in texts]


class ChinesePhrasebook:
    """An offline Chinese model that, like Argos', knows Simplified Chinese only."""

    name = "phrasebook"

    def unavailable_reason(self, source: str, target: str) -> str | None:
        return None if (source, target) == ("zh", "en") else "no such model"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return ["My grandson has a lot of homework" if text == "我孙子功课很多" else ""
                for text in texts]


def kept_anywhere(db: Database, text: str) -> list[str]:
    """The tables (other than the outbox, which forgets a relay once it is sent) holding
    `text` in any column."""
    found = []
    for table in db.table_names():
        if table == "outbox" or table.startswith("sqlite_"):
            continue
        if any(text in str(value) for row in db[table].rows for value in row.values()):
            found.append(table)
    return found


def family_of_ana(db: Database, caregiver: int = 2001, lang: str = "es") -> None:
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, caregiver, link.payload, START)
    family.set_language(db, caregiver, lang)


@pytest.fixture
def translator(db: Database, tmp_path: Path) -> Translator:
    return Translator(db, TranslationConfig(True, tmp_path), engine=Phrasebook())


def test_a_family_message_reaches_the_teacher_in_english_and_is_never_kept_as_text(
        db: Database, school_class: people.ClassInfo, translator: Translator) -> None:
    enrol_student(db, START)
    family_of_ana(db)
    who = askers.asker(db, 2001)
    assert who is not None and who.role == askers.FAMILY
    child = askers.child_of(who, None)
    assert child is not None and child.first_name == "Ana"
    relay = asyncio.run(relays.prepare_ask(db, translator, who, child, WORDS))
    assert relay.teacher_ids == (TEACHER_ID,)
    assert (relay.written, relay.original) == ("es", WORDS)
    assert relay.english is not None and relay.english.text == ENGLISH
    assert relay.english.machine  # the teacher is told a machine translated it
    queued = relays.queue_relay(db, who, relay, {TEACHER_ID: [f"{WORDS}\n{ENGLISH}"]}, START)
    assert queued == 1
    assert kept_anywhere(db, WORDS) == [] and kept_anywhere(db, ENGLISH) == []
    [row] = db["outbox"].rows
    assert row["chat_id"] == TEACHER_ID and json.loads(row["payload"])["forget"] is True
    assert teacher_answers.last_contact(db, 2001, 1001) == START


def test_a_student_writing_in_english_is_not_translated(
        db: Database, school_class: people.ClassInfo, translator: Translator) -> None:
    enrol_student(db, START)
    who = askers.asker(db, 1001)
    assert who is not None and who.role == askers.STUDENT
    child = askers.child_of(who, None)
    assert child is not None
    relay = asyncio.run(relays.prepare_ask(
        db, translator, who, child, "Can I do the homework tomorrow? I was sick today."))
    assert relay.written == "en" and relay.english is None


def test_the_teachers_reply_goes_back_to_the_family_member_who_asked(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    family_of_ana(db, lang="en")
    who = askers.asker(db, 2001)
    assert who is not None
    relay = asyncio.run(relays.prepare_ask(db, None, who, who.children[0], "Is it a test?"))
    relays.record_relay(db, who, relay, TEACHER_ID, relay_message_id=77, now=START)
    assert teacher_answers.is_relayed(db, TEACHER_ID, 77)
    assert not teacher_answers.is_relayed(db, 9002, 77)
    answer = asyncio.run(teacher_answers.prepare_answer(db, None, TEACHER_ID, 77,
                                                        " Yes, on Friday. "))
    assert answer is not None
    assert (answer.asked.asker_id, answer.student_name, answer.original) == \
        (2001, "Ana", "Yes, on Friday.")
    assert asyncio.run(teacher_answers.prepare_answer(db, None, TEACHER_ID, 78, "Hi")) is None


def test_a_shared_phone_asks_which_child_and_refuses_someone_elses(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    enrol_student(db, START, user_id=1002, name="Bo")
    family_of_ana(db)
    link = family.create_link(db, TEACHER_ID, "Bo", START)
    family.use_link(db, 2001, link.payload, START)
    who = askers.asker(db, 2001)
    assert who is not None and [c.first_name for c in who.children] == ["Ana", "Bo"]
    assert askers.child_of(who, None) is None  # ask which child first
    bo = askers.child_of(who, 1002)
    assert bo is not None and bo.first_name == "Bo"
    with pytest.raises(askers.AskError):  # forged or stale button data
        askers.child_of(who, 1003)


def test_nobody_can_ask_without_being_a_student_or_a_linked_family_member(
        db: Database, school_class: people.ClassInfo) -> None:
    assert askers.asker(db, 5555) is None
    assert not askers.is_family_only(db, TEACHER_ID)


def test_writing_too_often_pauses_the_sender_for_the_rest_of_the_hour(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    who = askers.asker(db, 1001)
    assert who is not None
    guard = Throttle(limit=3, window=timedelta(hours=1), pause=timedelta(hours=1))
    for minute in range(3):
        relays.check_pace(guard, who, START + timedelta(minutes=minute))
    with pytest.raises(askers.AskError) as paused:
        relays.check_pace(guard, who, START + timedelta(minutes=3))
    assert paused.value.prompt_key == "ask-too-many"
    assert paused.value.params == {"minutes": 59}


def test_a_message_about_a_student_with_no_class_has_no_teacher_to_go_to(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    who = askers.asker(db, 1001)
    assert who is not None
    membership.remove_student(db, TEACHER_ID, 1001, school_class.id, START)
    with pytest.raises(relays.NoTeacherError):
        asyncio.run(relays.prepare_ask(db, None, who, who.children[0], "Hello?"))


@pytest.mark.parametrize(("answer", "language", "as_written"), [
    ("Hola, señora. Ana trabaja muy bien en clase.", "es", True),
    ("Merci, madame. Ana travaille bien.", "fr", True),
    ("Ana is doing well, thank you!", "es", False),  # English: translated as before
    ("Yes, page 12.", "es", False),
    ("OK", "es", False),  # too short to be sure of anything: translated as before
    ("Hola, señora. Ana trabaja muy bien en clase.", "fr", False),  # not the family's own
    ("Hello, Ana is doing well.", "en", False),  # an English reader: nothing to translate
])
def test_an_answer_goes_as_written_only_when_surely_in_the_familys_language(
        answer: str, language: str, as_written: bool) -> None:
    assert message_languages.in_their_language(answer, language) is as_written


def test_a_family_writing_traditional_chinese_reaches_the_model_in_simplified(
        db: Database, school_class: people.ClassInfo, tmp_path: Path) -> None:
    """Playtest: 陳婆婆 (Hong Kong) writes in Traditional; Argos' Chinese model reads
    Simplified. The teacher reads her words as written, and the model's English beneath."""
    translator = Translator(db, TranslationConfig(True, tmp_path), engine=ChinesePhrasebook())
    enrol_student(db, START, name="俊宇", lang="zh")
    link = family.create_link(db, TEACHER_ID, "俊宇", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "zh")
    who = askers.asker(db, 2001)
    assert who is not None
    child = askers.child_of(who, None)
    assert child is not None
    relay = asyncio.run(relays.prepare_ask(db, translator, who, child, "我孫子功課很多"))
    assert relay.original == "我孫子功課很多"
    assert relay.english is not None and relay.english.text == "My grandson has a lot of homework"
