"""What Lin (8, Mandarin, WIDA 1, cannot type English) reads when she types while a question
waits (playtest): Chinese at a question to write is never graded, one word or character is a
go (the pointer alone) and a sentence a message (the offer to the teacher alone),
the pointer fits the question (its tiles, its options, or "write the English word"), and a
placement question points the same way."""

from __future__ import annotations

import json

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    Chat,
    answer_until,
    ask_typed,
    check_now,
    join_and_confirm,
    opens_with_tiles,
    shows_tiles,
    texts,
)

SENTENCE = "你好老师我不懂"  # hello teacher, I don't understand


def said(chat: Chat, key: str, lang: str = "zh", **values: object) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


def sent(calls: list[Call]) -> list[str]:
    return [c.text for c in calls if c.method == "sendMessage"]


def offered(calls: list[Call]) -> bool:
    return any(data.startswith(f"{callbacks.ASK}:") for c in calls for _, data in c.buttons)


async def test_chinese_at_a_level_1_question_to_write_is_never_graded(chat: Chat) -> None:
    """The playtest: the sentence got "That looks like Chinese. Please write the English
    word." with no offer, then "猫" was "Not quite. The answer is habitat"."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=1)
    await check_now(chat, lin)
    stored = await answer_until(chat, lin, lambda s: opens_with_tiles(chat, lin, s.id)
                                and s.item.typed)
    counted = attempts(chat)
    calls = await chat.send(lin, SENTENCE)
    assert sent(calls) == [said(chat, "text-offer")] and offered(calls)
    for typed in ("猫", "猫", "好的"):  # a go, again (never graded), an ok: the tiles line
        calls = await chat.send(lin, typed)
        assert texts(calls) == said(chat, "item-tiles"), typed
        assert "🔤 Tap the letters to spell the English word, then tap ✅." in texts(calls)
        assert not offered(calls), typed
    assert attempts(chat) == counted
    assert not check_items.get_item(chat.db, stored.id).answered


async def test_chinese_at_a_typed_question_asks_for_english_every_time(chat: Chat) -> None:
    """No tiles on screen: the "write the English word" line, however often, and a sentence
    offered to the teacher too."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=4)
    item_id = ask_typed(chat, "science.ecosystems", "habitat", "zh")
    calls = await chat.send(lin, SENTENCE)
    assert sent(calls) == [said(chat, "text-offer")] and offered(calls)
    for typed in ("猫", "猫"):
        calls = await chat.send(lin, typed)
        assert "Please write the English word" in texts(calls), typed
        assert "Not quite" not in texts(calls) and not offered(calls)
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    assert "✅" in texts(await chat.send(lin, "habitat"))  # English is still graded


async def test_one_chinese_character_under_english_options_is_a_go(chat: Chat) -> None:
    """The playtest: "猫" got "Tap one of the answers above" and the offer: the teacher
    would get "猫"."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=3)
    await check_now(chat, lin)
    await answer_until(chat, lin, lambda s: not s.item.typed and not s.poll_id
                       and not s.item.asks_meaning)
    for typed in ("猫", "好的"):
        calls = await chat.send(lin, typed)
        assert texts(calls) == said(chat, "tap-an-answer"), typed
        assert not offered(calls), typed
    calls = await chat.send(lin, SENTENCE)
    assert sent(calls) == [said(chat, "text-offer")] and offered(calls)


async def test_a_misspelling_under_letter_tiles_is_told_to_tap_the_letters(chat: Chat) -> None:
    """The playtest: "organsim" got "Tap one of the answers above", the only buttons being
    letters."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=1)
    await check_now(chat, lin)
    stored = await answer_until(chat, lin, lambda s: shows_tiles(chat, lin, s.id), tries=40)
    options = ("organism", "habitat", "predator", "prey")
    chat.db.execute("UPDATE check_items SET options = ?, answer = ? WHERE id = ?",
                    [json.dumps(options), options[0], stored.id])
    counted = attempts(chat)
    calls = await chat.send(lin, "organsim")
    assert texts(calls) == said(chat, "item-tiles-typed")
    assert "Tap the letters to spell the English word, then tap ✅. Some letters are not in the " \
        "word. You can also type it." in texts(calls)
    assert attempts(chat) == counted


async def test_text_at_a_placement_question_points_to_it(chat: Chat) -> None:
    """The playtest, at "📚 = ?": "猫" and the sentence were both offered to the teacher,
    "好的" got "Tap /words to see your words or /check to practise."."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=None)
    assert any("📚 = ?" in c.text for c in chat.api.calls)
    for typed in ("猫", "好的"):
        calls = await chat.send(lin, typed)
        assert texts(calls) == said(chat, "tap-an-answer"), typed
        assert not offered(calls), typed
    calls = await chat.send(lin, SENTENCE)
    assert sent(calls) == [said(chat, "text-offer")] and offered(calls)
