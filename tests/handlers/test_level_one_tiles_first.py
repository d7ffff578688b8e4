"""Level 1: a typed question opens with its letter tiles (playtest: Lin, 8, Mandarin, WIDA 1,
cannot type English). Every review she had to write came as "✏️ Type the English word" with a
"🔤 Letter tiles" button, and she had to tap 🔤 first, every time. Now the tiles show from the
start, in one line of her language (tiles.one_line: nothing about typing to a child who cannot
type), and typing still works; level 2 keeps the 🔤."""

from __future__ import annotations

from typing import Any

from bot.domain import tiles
from bot.domain.overrule import Graded
from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    Chat,
    answer_until,
    check_now,
    join_and_confirm,
    last_line,
    on_screen,
    restarted,
    spell,
    texts,
)

LIN = 1001
TILES_ZH = "🔤 哪个英语单词是这个意思？点它的字母，然后点 ✅。有些字母不在这个单词里。"


def lin(chat: Chat) -> dict[str, Any]:
    return chat.user(LIN, "Lin", "zh")


def ok(item_id: int) -> str:
    return f"{callbacks.TILES}:{item_id}:{callbacks.TILE_DONE}"


def show_tiles_button(chat: Chat, item_id: int) -> str | None:
    """The "🔤 Letter tiles" button's data under this question, if one was ever sent."""
    return next((d for c in chat.api.calls for _, d in c.buttons
                 if d.startswith(f"{callbacks.TILES}:{item_id}:{callbacks.TILE_SHOW}")), None)


async def a_typed_question(chat: Chat, level: int) -> check_items.StoredItem:
    """Lin answers right, a check a school day, until a question asks her to write a word
    tiles can spell."""
    await join_and_confirm(chat, lin(chat), lang="zh", level=level)
    await check_now(chat, lin(chat))
    return await answer_until(
        chat, lin(chat), lambda s: s.item.typed and tiles.tileable(s.item.answer), tries=80)


def last_grading(chat: Chat) -> tuple[int, Graded]:
    correct, bits = chat.db.execute(
        "SELECT correct, grading FROM attempts ORDER BY id DESC LIMIT 1").fetchone()
    return correct, Graded.from_bits(bits)


async def test_a_level_one_typed_question_opens_with_its_tiles_no_button_first(
        chat: Chat) -> None:
    stored = await a_typed_question(chat, level=1)
    assert show_tiles_button(chat, stored.id) is None  # nothing to tap before the letters
    assert on_screen(chat, lin(chat), ok(stored.id))
    shown = chat.latest(lin(chat), chat.showing(lin(chat), ok(stored.id)))
    assert last_line(shown) == "🔤 _"
    assert TILES_ZH in shown.text and "键盘" not in shown.text  # one line, no keyboard
    assert "Type the English word" not in shown.text and "Tap the letters" not in shown.text
    assert "letters)" not in shown.text  # the typed blanks line gives way to the tiles'
    await spell(chat, lin(chat), stored.id, stored.item.answer.lower())
    correct, graded = last_grading(chat)
    assert correct == 1 and graded.tiles  # her teacher reads "🔤 spelled with tiles"


async def test_a_level_one_child_who_can_type_still_types_the_word(chat: Chat) -> None:
    stored = await a_typed_question(chat, level=1)
    message = chat.showing(lin(chat), ok(stored.id))
    calls = await chat.send(lin(chat), stored.item.answer)
    assert "✅" in texts(calls)
    correct, graded = last_grading(chat)
    assert correct == 1 and not graded.tiles  # typed, and counted as typed
    # the tiles come off the answered question: a letter tapped there would spell nothing
    assert any(c.method == "editMessageReplyMarkup" and c.params.get("message_id") == message
               for c in calls)


async def test_level_two_keeps_the_letter_tiles_button_under_a_typed_question(
        chat: Chat) -> None:
    stored = await a_typed_question(chat, level=2)
    assert show_tiles_button(chat, stored.id) is not None
    assert not any(d == ok(stored.id) for c in chat.api.calls for _, d in c.buttons)
    # typed first ("✏️ Type the English word"), tiles on request


async def test_after_a_restart_check_sends_a_level_one_typed_question_with_its_tiles(
        chat: Chat) -> None:
    stored = await a_typed_question(chat, level=1)
    chat.delete(lin(chat), chat.showing(lin(chat), ok(stored.id)))  # gone from her chat
    chat = await restarted(chat)  # nothing in memory
    try:
        calls = await chat.send(lin(chat), "/check")
        (sent,) = [c for c in calls if c.method == "sendMessage" and c.buttons]
        assert any(d == ok(stored.id) for _, d in sent.buttons)
        assert TILES_ZH in sent.text and last_line(sent).startswith("🔤 _")
        await spell(chat, lin(chat), stored.id, stored.item.answer.lower())
        correct, graded = last_grading(chat)
        assert correct == 1 and graded.tiles
    finally:
        await chat.app.shutdown()
