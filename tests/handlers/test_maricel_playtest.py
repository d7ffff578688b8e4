"""Playtest: Maricel, 14, Tagalog, WIDA 4, types Taglish and worries about her grades. The
sentence her card asked her to finish was refused as chat, and /help said nothing about what
her teacher sees."""

from __future__ import annotations

from typing import Any

from tests.harness import Chat, join_and_confirm, texts


async def maricel(chat: Chat) -> dict[str, Any]:
    user = chat.user(1001, "Maricel", lang="tl")
    await join_and_confirm(chat, user, lang="tl", level=4)
    return user


async def test_the_cards_sentence_finished_in_tagalog_is_welcomed_not_refused_as_chat(
        chat: Chat) -> None:
    user = await maricel(chat)
    card = texts(await chat.send(user, "/words"))
    assert "In my own words, ecosystem means ___" in card
    reply = texts(await chat.send(
        user, "In my own words, ecosystem means lugar kung saan nakatira ang mga hayop"))
    # was "💬 Salamat sa mensahe mo! Sa mga salita lang ako tumutulong at hindi ako
    # nakikipag-usap…": in her level's order, Tagalog first
    assert reply.startswith("👍 Isang pangungusap na may <b>ecosystem</b> — galing!")
    assert "👍 A sentence with <b>ecosystem</b> — nice." in reply
    assert "nakikipag-usap" not in reply and "cannot chat" not in reply
    assert chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0  # not graded


async def test_a_students_help_says_what_the_teacher_sees_and_that_checks_are_practice(
        chat: Chat) -> None:
    user = await maricel(chat)
    help_text = texts(await chat.send(user, "/help"))
    assert "/check - maikling pagsasanay" in help_text  # was "maikling pagsusulit" (an exam)
    assert "hindi nagbibigay ng grado ang Puente" in help_text
    assert ("👀 Your teacher sees your answers for each word (how many were right, and how "
            "fast) and typed answers that were wrong. Checks are practice: Puente gives no "
            "grades.") in help_text
