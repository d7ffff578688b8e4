"""A teacher's playtest with two classes, "Science 7B" and "7B Science": a push that sent
Dmitri his starter words again, /level and /student that would not take a class, a
scheduled push that read as sent now, /help split across commands that go together, and a
second class with the same words in its name."""

from __future__ import annotations

import json
from typing import Any

from bot.presentation import menus, views
from bot.presentation.i18n import Catalog
from bot.store import people
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

PACK = "science.ecosystems"
DMITRI, WEI = 1001, 1002


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


def dmitri(chat: Chat) -> dict[str, Any]:
    return chat.user(DMITRI, "Dmitri", "ru")


def wei(chat: Chat) -> dict[str, Any]:
    return chat.user(WEI, "Wei", "zh")


async def dmitri_has_his_starter_words_and_wei_joins(chat: Chat) -> None:
    """Dmitri reads his five starter words (ecosystem ... community); Wei joins after."""
    await join_and_confirm(chat, dmitri(chat), "ru")
    await chat.send(dmitri(chat), "/words")
    await join_and_confirm(chat, wei(chat), "zh", level=2)


async def second_class(chat: Chat, name: str = "7B Science") -> str:
    """Make the teacher's second class; Wei joins it too; return its join code."""
    await chat.send(rivera(chat), f"/newclass {name}")
    code = next(c.join_code for c in people.teacher_classes(chat.db, TEACHER_ID)
                if c.name == name)
    await chat.send(wei(chat), f"/start {code}")
    return code


def words_queued_for(chat: Chat, student_id: int) -> list[int]:
    """The words the outbox holds for a student, in every push's messages."""
    rows = chat.db.execute("SELECT payload FROM outbox WHERE chat_id = ? AND push_id IS NOT "
                           "NULL", [student_id]).fetchall()
    return [w for (payload,) in rows for w in json.loads(payload).get("words", [])]


# --- 1. a bare /push leaves out the words a student already has ------------------------------

async def test_a_bare_push_does_not_send_dmitri_the_starter_words_he_already_has(
        chat: Chat) -> None:
    await dmitri_has_his_starter_words_and_wei_joins(chat)
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} at 08:00"))
    assert reply.startswith("Will send Tue 08:00: 5 words to 1 student of <b>Science 7B</b>.")
    assert "Dmitri already has 5 of these: they stay in Dmitri's reviews." in reply
    assert "Words a student already has are not sent to them again." in reply
    assert words_queued_for(chat, DMITRI) == []
    assert len(words_queued_for(chat, WEI)) == 5


async def test_named_words_go_to_everyone_and_the_teacher_hears_who_had_them(
        chat: Chat) -> None:
    await dmitri_has_his_starter_words_and_wei_joins(chat)
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} ecosystem, predator"))
    assert reply.startswith("Sending 2 words to 2 students of <b>Science 7B</b>")
    assert "Dmitri already has 1 of these: it stays in Dmitri's reviews." in reply
    assert "not sent to them again" not in reply  # she named them: they go, as she asked


async def test_two_students_with_some_of_the_words_are_named_on_one_line(chat: Chat) -> None:
    await join_and_confirm(chat, dmitri(chat), "ru")
    await chat.send(dmitri(chat), "/words")
    await join_and_confirm(chat, wei(chat), "zh")
    await chat.send(wei(chat), "/words")
    await join_and_confirm(chat, chat.user(1003, "Ana", "es"), "es")
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} ecosystem, habitat, predator"))
    assert "2 students already have some of these, which stay in their reviews: " \
        "Dmitri (2), Wei (2)." in reply


# --- 2. /level and /student with a class -----------------------------------------------------

async def test_a_level_in_two_classes_says_it_is_the_students_in_each(chat: Chat) -> None:
    await dmitri_has_his_starter_words_and_wei_joins(chat)
    await second_class(chat)
    expected = ("Wei is now at WIDA level 6 in each of your classes they are in: Science 7B, "
                "7B Science. A level is the student's, not one class's.")
    assert texts(await chat.send(rivera(chat), "/level Wei 6")) == expected
    assert texts(await chat.send(rivera(chat), "/level Wei 5 in 7B Science")) == \
        expected.replace("level 6", "level 5")
    assert texts(await chat.send(rivera(chat), "/level Wei 4 7B Science")) == \
        expected.replace("level 6", "level 4")
    assert {e.wida_level for e in people.enrollments(chat.db, WEI)} == {4}
    assert texts(await chat.send(rivera(chat), "/level Dmitri 2 in 7B Science")) == (
        "Dmitri is not in 7B Science. /roster 7B Science lists its students.")


async def test_the_level_usage_line_names_a_student_the_teacher_has(chat: Chat) -> None:
    assert texts(await chat.send(rivera(chat), "/level")) == (
        "Send the name and a WIDA level from 1 to 6: /level Ana 3")  # no student yet
    await dmitri_has_his_starter_words_and_wei_joins(chat)
    assert texts(await chat.send(rivera(chat), "/level Wei")) == (
        "Send the name and a WIDA level from 1 to 6: /level Dmitri 3")
    assert texts(await chat.send(rivera(chat), "/level Wei 9")).endswith(
        "For example: /level Dmitri 3")


async def test_student_takes_a_class_and_tags_words_by_class(chat: Chat) -> None:
    await dmitri_has_his_starter_words_and_wei_joins(chat)
    await chat.send(wei(chat), "/words")  # Science 7B's starter words
    await second_class(chat)
    await chat.send(rivera(chat), "/push general.academic-verbs analyze, compare to 7B Science")
    await chat.deliver()
    both = texts(await chat.send(rivera(chat), "/student Wei"))
    science, academic = both.index("📚 Words of <b>Science 7B</b>:"), \
        both.index("📚 Words of <b>7B Science</b>:")
    assert science < both.index("ecosystem") < academic < both.index("analyze")
    assert "📭 Cards not opened yet: analyze, compare" in both[academic:]
    assert "organism" in both[science:academic]
    one = texts(await chat.send(rivera(chat), "/student Wei 7B Science"))
    assert one.startswith("<b>Wei</b> - Chinese")
    assert "analyze" in one and "ecosystem" not in one and "📚" not in one
    assert "ecosystem" in texts(await chat.send(rivera(chat), "/student Wei in Science 7B"))
    assert texts(await chat.send(rivera(chat), "/student Dmitri 7B Science")) == (
        "Dmitri is not in 7B Science. /roster 7B Science lists its students.")


# --- 3. a scheduled push says when it will go ------------------------------------------------

async def test_a_push_for_later_says_will_send_and_one_for_now_says_sending(
        chat: Chat) -> None:
    await join_and_confirm(chat, wei(chat), "zh")
    later = texts(await chat.send(rivera(chat), f"/push {PACK} at 08:00"))
    assert later.startswith("Will send Tue 08:00: 5 words to 1 student of <b>Science 7B</b>.")
    now = texts(await chat.send(rivera(chat), f"/push {PACK} predator"))
    assert now.startswith("Sending 1 word to 1 student of <b>Science 7B</b> (Mon 11:00).")
    spanish = texts(await chat.send(rivera(chat, "es"), f"/push {PACK} prey at 09:00"))
    assert spanish.startswith("Se enviará mar 09:00: 1 palabra a 1 estudiante de")


# --- 4. placement's top level ----------------------------------------------------------------

def test_a_student_placed_at_the_top_level_can_be_moved_to_6(catalog: Catalog) -> None:
    assert str(views.level_text(5, True, catalog, "en")) == (
        "level 5 (self-placed, the highest placement gives; /level 6 if that fits better)")
    assert str(views.level_text(4, True, catalog, "en")) == (
        "level 4 (self-placed; /level sets it)")
    assert "/level 6" in str(views.level_text(5, True, catalog, "vi"))
    assert str(views.level_text(5, False, catalog, "en")) == "WIDA level 5"


async def test_the_roster_says_a_level_5_placement_may_be_a_6(chat: Chat) -> None:
    await join_and_confirm(chat, wei(chat), "zh", level=None)
    people.set_level(chat.db, WEI, None, 5, people.PLACEMENT)
    assert "/level 6 if that fits better" in texts(await chat.send(rivera(chat), "/roster"))


# --- 5. /help by task ------------------------------------------------------------------------

async def test_teacher_help_is_one_message_with_related_commands_together(chat: Chat) -> None:
    calls = await chat.send(rivera(chat), "/help")
    assert len(calls) == 1
    text = texts(calls)
    classes, words, reports, families, account = (text.index(h) for h in (
        "🏫 <b>Classes and students</b>", "📘 <b>Sending words</b>", "📊 <b>Reports</b>",
        "👪 <b>Families and messages</b>", "⚙️ <b>Your account</b>"))
    for command in ("/newclass", "/roster", "/level", "/language NAME", "/remove", "/revoke",
                    "/coteach"):
        assert classes < text.index(command) < words, command
    for command in ("/packs", "/push", "/scheduled", "/newpack", "/gloss"):
        assert words < text.index(command) < reports, command
    for command in ("/family ", "/families", "/announce", "/thread", "/ask"):
        assert families < text.index(command) < account, command
    assert account < text.index("/deleteme") and account < text.index("\n/language - ")


def test_teacher_help_never_splits_a_group_nor_passes_telegrams_limit(
        catalog: Catalog) -> None:
    for lang in catalog.languages:
        messages = menus.teacher_help(catalog, lang)
        assert all(views.utf16_len(m) <= views.MESSAGE_LIMIT for m in messages), lang
        groups = [str(catalog.render(k, lang)) for k in menus.TEACHER_HELP_KEYS]
        assert all(any(g in m for m in messages) for g in groups), lang
    small = menus.teacher_help(catalog, "en", limit=900)  # a smaller limit: whole groups
    assert len(small) > 1
    assert all(m.count("<b>") == sum(m.count(h) for h in ("🏫", "📘", "📊", "🎙️", "👪", "⚙️"))
               for m in small)


# --- 6. a class with the same words ----------------------------------------------------------

async def test_a_class_with_the_same_words_as_another_is_made_with_a_warning(
        chat: Chat) -> None:
    await join_and_confirm(chat, wei(chat), "zh")
    reply = texts(await chat.send(rivera(chat), "/newclass 7B  science"))
    assert reply.startswith("Class <b>7B science</b> is ready.")
    assert ("⚠️ You also have a class called <b>Science 7B</b>, with the same words: students "
            "may join the wrong one.") in reply
    assert "7B science" in [c.name for c in people.teacher_classes(chat.db, TEACHER_ID)]
    assert "⚠️" not in texts(await chat.send(rivera(chat), "/newclass Science 8B"))
