"""Anything off-script at a language menu ("?", "ok", a sticker) shows the menu again, with
what earlier words told still on top (Hmong playtest: "ntawv" put Hmoob first, "?" lost it;
a sticker got "Tap /words…" in English; a grandmother's "ok" was offered to the teacher)."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

NKAUJ, GRANDMA = 1001, 2001


def sticker(chat: Chat, user: dict[str, Any]) -> dict[str, Any]:
    update = chat.factory.message(user, "x")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "s", "file_unique_id": "s", "type": "regular",
                                    "width": 512, "height": 512, "is_animated": False,
                                    "is_video": False}
    return update


def first_language(calls: list) -> str:
    """The language the menu's first button chooses."""
    return next(data for _, data in buttons(calls)
                if data.startswith(f"{callbacks.LANGUAGE}:")).split(":")[1]


async def test_a_question_mark_or_a_sticker_keeps_hmong_on_top(chat: Chat) -> None:
    nkauj = chat.user(NKAUJ, "Nkauj", "en")
    await chat.send(nkauj, "/start JOINcode_123")
    assert first_language(await chat.send(nkauj, "ntawv")) == "hmn"
    assert first_language(await chat.send(nkauj, "?")) == "hmn"
    again = await chat.process(sticker(chat, nkauj))
    assert "/words" not in texts(again)
    assert texts(again).startswith("🌍 Kuv")  # the menu's line, in Hmong first
    assert first_language(again) == "hmn"


async def test_a_grandmothers_ok_at_her_language_menu_shows_it_again(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(NKAUJ, "Nkauj", "hmn"), lang="hmn")
    made = texts(await chat.send(chat.user(TEACHER_ID, "Olsen", "en"), "/family Nkauj"))
    grandma = chat.user(GRANDMA, "Niam Tais", "en")
    await chat.send(grandma, f"/start {made.split('?start=')[1].split()[0]}")
    for said in ("ok", "?"):
        again = await chat.send(grandma, said)
        assert texts(again).strip() == "Koj xav nyeem ua hom lus twg?"  # her grandchild's language
        assert any(data.startswith(f"{callbacks.FAMILY_LANG}:") for _, data in buttons(again))
    again = await chat.process(sticker(chat, grandma))
    assert texts(again).strip() == "Koj xav nyeem ua hom lus twg?"  # her grandchild's language
    chat.clock.advance(minutes=5)
    assert not [c for c in await chat.deliver() if c.chat_id == TEACHER_ID
                and "ok" in c.text.split()]
