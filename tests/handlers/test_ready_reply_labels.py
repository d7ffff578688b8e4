"""A ready-made reply is people's words, in the reader's language first and English beneath;
the English line was labelled "The teacher's own words, in English:" ("Pwòp mo pwofesè a, an
anglè:" to a Haitian Creole student), which the teacher never wrote. It now reads "In English:",
as under a ready-made announcement, in every language."""

from __future__ import annotations

from typing import Any

import pytest

from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from tests.harness import TEACHER_ID, Chat, answer_as_written, join_and_confirm, texts

THANKS = callbacks.data(callbacks.READY_REPLY, "thanks")
WELL = callbacks.data(callbacks.READY_REPLY, "well")
LANGUAGES = ("es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def own_words(catalog: Catalog, lang: str) -> str:
    return str(catalog.render("answer-original", lang))


async def test_a_haitian_creole_student_reads_the_reply_in_creole_then_in_english(
        chat: Chat, catalog: Catalog) -> None:
    widlene = chat.user(name="Widlene", lang="ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await chat.send(widlene, "/ask mwen pa konprann")
    await chat.deliver()
    await chat.tap(rivera(chat), THANKS)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == widlene["id"]]
    assert answer.split("\n")[:4] == [
        "✉️ Repons pwofesè ou:",
        "<blockquote>Mèsi paske ou di m sa. M ap ede w nan klas la.</blockquote>",
        "An angle:",
        "<blockquote>Thank you for telling me. I will help you in class.</blockquote>"]
    assert "Pwòp mo pwofesè a" not in answer


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_no_reader_is_told_a_ready_reply_is_the_teachers_own_words(
        chat: Chat, catalog: Catalog, lang: str) -> None:
    student = chat.user(name="Sam", lang=lang)
    await join_and_confirm(chat, student, lang=lang, level=1)
    await chat.send(student, "/ask I do not understand the homework")
    await chat.deliver()
    await chat.tap(rivera(chat), THANKS)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == student["id"]]
    english = "Thank you for telling me. I will help you in class."
    label = str(catalog.render("announce-ready-english", lang))
    assert own_words(catalog, lang) not in answer
    # her language first, then "In English:", then the English
    assert answer.index("<blockquote>") < answer.index(label) < answer.index(english)


async def test_a_family_member_is_not_told_it_either(chat: Chat, catalog: Catalog) -> None:
    await join_and_confirm(chat, chat.user(name="Woodly", lang="ht"), lang="ht")
    made = texts(await chat.send(rivera(chat), "/family Woodly"))
    mother = chat.user(2001, "Manman", "ht")
    await chat.send(mother, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(mother, callbacks.data(callbacks.FAMILY_LANG, "ht"))
    await chat.deliver()
    await chat.send(mother, "/ask Kijan Woodly ap fè?")
    await chat.deliver()
    await chat.tap(rivera(chat), WELL)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == 2001]
    assert "Pwòp mo pwofesè a" not in answer
    assert answer.index("An angle:") < answer.index("Woodly is doing well.")


async def test_the_teachers_own_answer_is_still_called_her_own_words(chat: Chat) -> None:
    """An answer the teacher wrote keeps the label: there the English is hers."""
    widlene = chat.user(name="Widlene", lang="ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await chat.send(widlene, "/ask mwen pa konprann")
    relayed = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    await answer_as_written(chat, rivera(chat), "Come see me after class.",
                            relayed[-1].result_id)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == widlene["id"]]
    assert "Come see me after class." in answer
    assert "pwòp mo pwofesè ou" in answer and "An angle:" not in answer
