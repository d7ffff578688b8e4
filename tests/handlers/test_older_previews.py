"""Cards a student scrolls back to stay live after newer ones come (a second push, /words
again): each button acts on the cards of its own message, and no tap there counts anything
twice. An old "🔁 My language first" under /words cards sent every current word (the newer
push's too) and unlocked new words on the way; now it sends its own cards again."""

from __future__ import annotations

import re
from pathlib import Path

from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    join_and_confirm,
    page_through,
    texts,
    voices,
    with_speech,
)


def bold_terms(calls: list) -> list[str]:
    """The English terms the cards in these calls show, once each, in order."""
    return list(dict.fromkeys(re.findall(r"<b>([a-z ]+)</b>", texts(calls))))


def state(chat: Chat) -> list[tuple]:
    """What a tap could count: every word's read mark and answers, and every answer."""
    return [*chat.db.execute("SELECT word_id, shown_at, attempts, correct, due_at FROM mastery "
                             "ORDER BY word_id"),
            *chat.db.execute("SELECT count(*) FROM attempts")]


async def push(chat: Chat, words: list[str]) -> list:
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, f"/push science.ecosystems {', '.join(words)}")
    return [c for c in await chat.deliver() if c.chat_id == 1001]


def last_words(chat: Chat, count: int) -> list[str]:
    return [w.word.term for w in pack_words(chat.db, "science.ecosystems")][-count:]


async def test_my_language_first_under_older_cards_sends_those_cards_and_unlocks_nothing(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=5)
    first = await chat.send(ana, "/words")
    mine = bold_terms(first)
    old_flip = next(d for _, d in buttons(first) if d.startswith("fl"))
    old_message = next(c.result_id for c in first if c.buttons)
    chat.clock.advance(days=1)
    await push(chat, last_words(chat, 3))
    newer = await chat.send(ana, "/words")
    assert set(mine) < set(bold_terms(newer))  # the pushed words came under it
    before = state(chat)
    flipped = [c for c in await chat.tap_on(ana, old_flip, old_message)
               if c.method == "sendMessage"]
    assert [t for t in bold_terms(flipped) if t in bold_terms(newer)] == mine
    assert state(chat) == before  # nothing unlocked, nothing counted again


async def test_listen_under_older_cards_says_those_cards(chat: Chat, tmp_path: Path) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(with_speech(chat, tmp_path / "clips"), ana, level=5)
    first = await chat.send(ana, "/words")
    hear = next(d for _, d in buttons(first) if d.startswith("au"))
    old_message = next(c.result_id for c in first if c.buttons)
    chat.clock.advance(days=1)
    await push(chat, last_words(chat, 3))
    await chat.send(ana, "/words")
    heard = voices(await chat.tap_on(ana, hear, old_message))
    assert len(heard) == len(bold_terms(first))


async def test_taps_on_an_older_pushed_preview_count_nothing_twice(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    first_push = await push(chat, last_words(chat, 6)[:3])
    cards = await page_through(chat, ana, first_push)
    message = cards[0].result_id
    chat.clock.advance(days=1)
    await page_through(chat, ana, await push(chat, last_words(chat, 3)))
    await chat.send(ana, "/check")
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, right=True)
    before = state(chat)
    for data in [d for c in cards for label, d in c.buttons if d.startswith("cd:")]:
        await chat.tap_on(ana, data, message)  # back and forth through yesterday's cards
    assert state(chat) == before
    old_check = next(d for c in cards for _, d in c.buttons if d.startswith("ck"))
    await chat.tap_on(ana, old_check, message)  # its ✅: today's answers are not asked again
    assert state(chat) == before
    asked_today = {r[0] for r in chat.db.execute("SELECT word_id FROM attempts")}
    still_open = check_items.next_open_item(chat.db, 1001)
    assert still_open is None or still_open.word_id not in asked_today
