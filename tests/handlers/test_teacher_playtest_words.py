"""What a playtest teacher typed and what she read back: /announce with a wrong or missing
class, the roster's "Ana #2" typed back, a mistyped command, a student's teacher command, a
join code copied in lower case, a bare /push of words the class already has."""

from __future__ import annotations

from typing import Any

from bot.presentation import pack_views
from bot.presentation.i18n import Catalog
from bot.services.glosses import Unchecked
from bot.store import people
from bot.store.packs import pack_words
from tests.families import link
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

ANA, BO, ANA2 = 1001, 1002, 1003


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


# --- /announce -------------------------------------------------------------------------------

async def test_an_announcement_that_is_only_the_class_name_asks_for_the_text(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user())
    for request in ("/announce Science 7B", "/announce  science   7b "):
        calls = await chat.send(rivera(chat), request)
        assert texts(calls).startswith("What should it say? Add your message after the class "
                                       "name: /announce Science 7B your message\n\n📋 ")
        # no preview, nothing to send: only the ready-made announcements to choose from
        assert all(data.startswith("ra:") for _, data in buttons(calls))


async def test_with_one_class_words_before_the_message_stay_the_message(chat: Chat) -> None:
    # "Math 9 Hello" may as well be "Room 12 is closed": with one class there is no class
    # name to require, so it is the message, shown in the preview before anything is sent.
    await join_and_confirm(chat, chat.user())
    preview = texts(await chat.send(rivera(chat), "/announce Math 9 Hello"))
    assert "Your announcement to <b>Science 7B</b>" in preview
    assert "Math 9 Hello" in preview


async def test_with_two_classes_an_unknown_class_is_refused_naming_the_classes(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user())
    await chat.send(rivera(chat), "/newclass Math 9")
    calls = await chat.send(rivera(chat), "/announce Math9 Hello families")
    assert texts(calls) == ("Start with the name of one of your classes: Math 9, Science 7B. "
                            "Like this: /announce Math 9 your message")
    assert buttons(calls) == []
    assert texts(await chat.send(rivera(chat), "/announce math 9")).startswith(
        "What should it say?")
    assert "Your announcement to <b>Science 7B</b>" in texts(
        await chat.send(rivera(chat), "/announce Science 7B Trip on Friday."))


# --- the roster's labels, typed back ---------------------------------------------------------

async def two_anas(chat: Chat) -> None:
    """Ana (#1), Bo (#2) and another Ana (#3) join Science 7B."""
    for user_id, name in ((ANA, "Ana"), (BO, "Bo"), (ANA2, "Ana")):
        await join_and_confirm(chat, chat.user(user_id, name, "es"))


async def test_the_label_the_roster_shows_works_in_every_command_that_names_a_student(
        chat: Chat) -> None:
    await two_anas(chat)
    roster = texts(await chat.send(rivera(chat), "/roster"))
    assert "Ana #3 - " in roster
    assert texts(await chat.send(rivera(chat), "/student Ana #3")).startswith("<b>Ana #3</b> - ")
    assert texts(await chat.send(rivera(chat), "/student #3")).startswith("<b>Ana #3</b> - ")
    assert texts(await chat.send(rivera(chat), "/level Ana #3 2")) == (
        "Ana #3 is now at WIDA level 2 in Science 7B.")
    assert [e.wida_level for e in people.enrollments(chat.db, ANA2)] == [2]
    assert "?start=" in texts(await chat.send(rivera(chat), "/family Ana #1"))
    assert texts(await chat.send(rivera(chat), "/student Bo #3")) == (
        "I can't find a student called Bo #3 in your classes.")


# --- unknown commands ------------------------------------------------------------------------

async def test_a_teachers_typo_suggests_the_teacher_command(chat: Chat) -> None:
    assert texts(await chat.send(rivera(chat), "/reprot")) == (
        "I don't know /reprot. Did you mean /report? /help lists the teacher commands.")
    assert texts(await chat.send(rivera(chat), "/students Science 7B")) == (
        "I don't know /students. Did you mean /student? /help lists the teacher commands.")
    assert texts(await chat.send(rivera(chat), "/foo")) == (
        "I don't know /foo. /help lists the teacher commands.")


async def test_a_students_typo_suggests_a_student_command_in_her_language(chat: Chat) -> None:
    ana = chat.user()
    await join_and_confirm(chat, ana)
    assert texts(await chat.send(ana, "/chek")) == (
        "¿Querías decir /check? /help te muestra todo.\n"
        "Did you mean /check? /help shows everything.")
    assert texts(await chat.send(ana, "/foo")).startswith("Toca /words")


async def test_a_student_sending_a_teacher_command_is_told_kindly_it_is_her_teachers(
        chat: Chat) -> None:
    ana = chat.user()
    await join_and_confirm(chat, ana)
    reply = texts(await chat.send(ana, "/report"))
    assert reply.startswith("Ese comando es para tu maestro o maestra")
    assert "That is a command for your teacher" in reply
    assert "invit" not in reply.casefold() and "Pida" not in reply


# --- join codes ------------------------------------------------------------------------------

async def test_a_join_code_typed_in_lower_case_or_in_two_parts_joins(chat: Chat) -> None:
    assert "Science 7B" in texts(await chat.send(chat.user(), "/start joincode_123"))
    assert "Science 7B" in texts(await chat.send(chat.user(BO, "Bo"), "/start JOINcode _123"))
    assert {e.class_id for e in people.enrollments(chat.db, BO)} == \
        {e.class_id for e in people.enrollments(chat.db, ANA)}


# --- a bare /push ----------------------------------------------------------------------------

async def test_a_bare_push_sends_new_words_and_says_which_the_class_already_has(
        chat: Chat) -> None:
    ana = chat.user()
    await join_and_confirm(chat, ana)
    await chat.send(ana, "/words")  # her starter words, read
    reply = texts(await chat.send(rivera(chat), "/push science.ecosystems"))
    assert reply.startswith("Sending 5 words to 1 student of <b>Science 7B</b>")
    assert "words of science.ecosystems that every student already has." in reply


def test_unchecked_translations_of_every_language_read_as_one_line(catalog: Catalog) -> None:
    """/push named each language on a line of its own, every time (teacher playtest): one line,
    each language's count of the words, in the singular for one word."""
    line = str(pack_views.unchecked_line(catalog, "en", [Unchecked("so", 1, 5),
                                                         Unchecked("hmn", 2, 5)]))
    assert line == ("ℹ️ Translations no speaker has checked yet: Somali (so): 1 of 5 words; "
                    "Hmong (hmn): 2 of 5 words. /gloss WORD CODE TEXT corrects one.")
    spanish = str(pack_views.unchecked_line(catalog, "es", [Unchecked("so", 1, 1)]))
    assert "1 de 1 palabra." in spanish


async def test_a_family_members_typo_and_teacher_command_get_the_family_help(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user())
    mother = chat.user(2001, "Mirlande", "en")
    await link(chat, rivera(chat), "Ana", mother)
    assert texts(await chat.send(mother, "/nwo")) == (
        "I don't know /nwo. Did you mean /now? /help shows what you can do here.")
    assert texts(await chat.send(mother, "/report")) == (
        "That is a command for teachers. /help shows what you can do here.")


async def test_a_bare_push_lists_the_words_it_sends_so_the_teacher_can_pre_teach_them(
        chat: Chat) -> None:
    # playtest (a grade-8 maths teacher): "/push math.number-operations" said only "Sending 5
    # words to 1 student"; which five?
    await join_and_confirm(chat, chat.user())
    reply = texts(await chat.send(rivera(chat), "/push math.number-operations"))
    sent = [w.word.term for w in pack_words(chat.db, "math.number-operations")][:5]
    assert f"\n📝 The words: {', '.join(sent)}\n" in f"{reply}\n"
    named = texts(await chat.send(rivera(chat), "/push math.geometry-measurement angle, area"))
    assert "📝" not in named  # the teacher named them


async def test_packs_shows_each_shipped_packs_grade_band(chat: Chat) -> None:
    reply = texts(await chat.send(rivera(chat), "/packs"))
    assert "<code>math.number-operations</code> (" in reply
    line = next(x for x in reply.split("\n") if "math.number-operations" in x)
    assert line.endswith(" · grades 3-5")


def test_report_names_at_most_five_unchecked_words_a_language(catalog: Catalog) -> None:
    """Haitian playtest: "ht: 1 of 10 words" named no word; /report names up to 5 (a /push
    keeps the count alone)."""
    terms = ("cell", "energy", "gene", "habitat", "organism", "protein")
    found = [Unchecked("ht", 6, 10, terms=terms), Unchecked("so", 1, 10, terms=("prey",))]
    assert str(pack_views.unchecked_line(catalog, "en", found, named=True)) == (
        "ℹ️ Translations no speaker has checked yet: Haitian Creole (ht): 6 of 10 words: cell, "
        "energy, gene, habitat, organism, … (+1); Somali (so): 1 of 10 words: prey. "
        "/gloss WORD CODE TEXT corrects one.")
    assert "cell" not in str(pack_views.unchecked_line(catalog, "en", found))
