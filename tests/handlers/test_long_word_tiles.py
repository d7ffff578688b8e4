"""Long words spelled with letter tiles (playtest: Lin, 8, Mandarin, WIDA 1, cannot type
English). "subtraction" (11 letters) came as a typed question with no 🔤, so her only ways
out were 🤷 or a miss, and grade-3 words of 11-14 letters could never be mastered at levels
1-2. Now they are spelled with tiles like any other word, three rows of tiles on her phone."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from bot.demo.offline import Call
from bot.domain.checks import Item
from bot.domain.overrule import Graded
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    ask_typed,
    check_now,
    edits,
    join_and_confirm,
    last_line,
    on_screen,
    open_item,
    restarted,
    spell,
    texts,
    tile_taps,
    toast,
    wrong_spelling,
)

LIN = 1001
MATHS = "math.number-operations"


def lin(chat: Chat) -> dict[str, Any]:
    return chat.user(LIN, "Lin", "zh")


def ok(item_id: int) -> str:
    return f"{callbacks.TILES}:{item_id}:{callbacks.TILE_DONE}"


def rows(call: Call) -> list[list[dict[str, str]]]:
    """The message's keyboard, row by row, as Telegram gets it."""
    markup = call.params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    return (markup or {}).get("inline_keyboard", [])


def tile_rows(call: Call, item_id: int) -> list[list[str]]:
    """The rows of letter tiles (a tile's data is tl:<item>:<index><letter>)."""
    prefix = f"{callbacks.TILES}:{item_id}:"
    return [[b["text"] for b in row] for row in rows(call)
            if row and all(b["callback_data"].startswith(prefix)
                           and b["callback_data"][len(prefix):][:1].isdigit() for b in row)]


def fits_a_phone(call: Call) -> None:
    """Telegram's limits, and the three rows of tiles a phone shows without scrolling."""
    keyboard = rows(call)
    assert all(len(row) <= 8 for row in keyboard) and sum(map(len, keyboard)) <= 100
    assert all(len(b["callback_data"].encode()) <= 64 for row in keyboard for b in row)


async def long_choice(chat: Chat, term: str) -> int:
    """Lin at level 1, asked for `term` from its meaning in Chinese (as a level 1-2 check
    asks): the question, as /check shows the open one."""
    await join_and_confirm(chat, lin(chat), lang="zh", level=1)
    words = {w.word.term: w for w in pack_words(chat.db, MATHS)}
    options = (term, "addition", "division")
    item = Item(words[term].id, ItemType.CHOICE, "两个数相乘的运算。", options, term)
    (item_id,) = check_items.save_items(chat.db, LIN, "zh", [item], chat.clock())
    await chat.send(lin(chat), "/check")
    return item_id


@pytest.mark.parametrize("level", [1, 2])
async def test_a_typed_eleven_letter_word_offers_tiles_and_is_spelled_right(
        chat: Chat, level: int) -> None:
    """Level 2: a "🔤" under the typed question shows the tiles; level 1: they show from the
    start (a child who cannot type tapped 🔤 first on every review: playtest, Lin)."""
    await join_and_confirm(chat, lin(chat), lang="zh", level=level)
    item_id = ask_typed(chat, MATHS, "subtraction", "zh")
    calls = await chat.send(lin(chat), "/check")
    show = next((d for c in calls for _, d in c.buttons if d.startswith(f"tl:{item_id}:g")),
                None)
    if level == 1:
        assert show is None
        (edit,) = [c for c in calls if c.method == "sendMessage" and c.buttons]
    else:
        assert show is not None and len(show.encode()) <= 64
        (edit,) = edits(await chat.tap(lin(chat), show))
    assert last_line(edit) == "🔤 _"  # a blank for each letter
    dealt = Counter(letter for row in tile_rows(edit, item_id) for letter in row)
    assert not Counter("subtraction") - dealt and dealt.total() == 13  # and 2 it lacks
    assert len(tile_rows(edit, item_id)) == 3  # 13 tiles: five a row
    fits_a_phone(edit)
    calls = await spell(chat, lin(chat), item_id, "subtraction")
    assert "✅" in texts(calls)
    correct, grading = chat.db.execute(
        "SELECT correct, grading FROM attempts ORDER BY id DESC LIMIT 1").fetchone()
    assert correct == 1 and Graded.from_bits(grading).tiles  # her teacher sees 🔤


async def test_a_fourteen_letter_word_is_dealt_in_three_rows_of_six(chat: Chat) -> None:
    item_id = await long_choice(chat, "multiplication")
    shown = chat.latest(lin(chat), chat.showing(lin(chat), ok(item_id)))
    assert last_line(shown) == "🔤 _"
    assert "addition" not in [label for label, _ in shown.buttons]  # spelled, not chosen
    assert [len(row) for row in tile_rows(shown, item_id)] == [6, 6, 4]  # 14 letters + 2
    fits_a_phone(shown)
    labels = [label for label, _ in shown.buttons]
    assert "⌫" in labels and "✅" in labels and any(label.startswith("🤷") for label in labels)
    for n, data in enumerate(tile_taps(chat, lin(chat), item_id, "multiplication"), start=1):
        (edit,) = edits(await chat.tap(lin(chat), data))  # one edit a tap, 14 taps
        assert last_line(edit).split()[1:n + 1] == list("multiplication"[:n])
    (edit,) = edits(await chat.tap(lin(chat), ok(item_id)))
    assert "✅" in edit.text
    assert chat.db.execute("SELECT correct FROM attempts").fetchall() == [(1,)]


async def test_a_long_word_missed_shows_her_letters_underlined_and_counts_a_miss(
        chat: Chat) -> None:
    item_id = await long_choice(chat, "multiplication")
    wrong = wrong_spelling(open_item(chat, LIN).item, item_id)
    calls = await spell(chat, lin(chat), item_id, wrong)
    shown = edits(calls)[0].text
    assert "✔️ <b>multiplication</b>\n🔤 " in shown and "<u>" in shown
    assert chat.db.execute("SELECT correct FROM attempts").fetchall() == [(0,)]
    shown = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/student Lin"))
    assert f"<b>multiplication</b>: 🔤 spelled with tiles: “{wrong}”" in shown


async def test_backspace_half_a_long_word_and_dont_know_still_work(chat: Chat) -> None:
    item_id = await long_choice(chat, "multiplication")
    taps = tile_taps(chat, lin(chat), item_id, "multiplication")
    for data in taps[:12]:  # tiles 10 and up have two-digit indices
        await chat.tap(lin(chat), data)
    (edit,) = edits(await chat.tap(lin(chat), f"tl:{item_id}:bk"))
    assert last_line(edit) == "🔤 " + " ".join([*"multiplicat", "_"])
    calls = await chat.tap(lin(chat), ok(item_id))  # blanks left: not graded
    assert edits(calls) == [] and toast(calls)
    await chat.tap(lin(chat), callbacks.data(callbacks.DONT_KNOW, item_id))
    assert check_items.get_item(chat.db, item_id).answered  # type: ignore[union-attr]
    assert chat.db.execute("SELECT correct FROM attempts").fetchall() == [(0,)]


async def test_after_a_restart_a_long_spelling_goes_on_from_the_screen(chat: Chat) -> None:
    item_id = await long_choice(chat, "multiplication")
    taps = tile_taps(chat, lin(chat), item_id, "multiplication")
    for data in taps[:11]:
        await chat.tap(lin(chat), data)
    chat = await restarted(chat)  # nothing in memory: the 16 tiles and 11 letters read back
    try:
        (edit,) = edits(await chat.tap(lin(chat), taps[11]))
        assert last_line(edit) == "🔤 " + " ".join([*"multiplicati", "_"])
        for data in taps[12:]:
            await chat.tap(lin(chat), data)
        await chat.tap(lin(chat), ok(item_id))
        assert chat.db.execute("SELECT correct FROM attempts").fetchall() == [(1,)]
    finally:
        await chat.app.shutdown()


async def test_a_level_one_child_who_cannot_type_masters_a_long_word_with_tiles(
        chat: Chat) -> None:
    """Right every time, a school day at a time: a word of more than 10 letters of her
    class's pack ("environment", "photosynthesis") is mastered by a recall spelled with
    tiles, as a short word is."""
    await join_and_confirm(chat, lin(chat), lang="zh", level=1)
    await check_now(chat, lin(chat))
    mastered = []
    for _ in range(600):
        if check_items.next_open_item(chat.db, LIN) is None:
            chat.clock.advance(days=1)
            await check_now(chat, lin(chat))
            continue
        stored = open_item(chat, LIN)
        assert not any(d.startswith(f"tl:{stored.id}:g") for c in chat.api.calls
                       for _, d in c.buttons)  # level 1: no "🔤" to tap first
        if stored.item.typed and " " not in stored.item.answer:
            # a typed question: she cannot type, and its tiles are on screen already
            assert on_screen(chat, lin(chat), ok(stored.id))
            await spell(chat, lin(chat), stored.id, stored.item.answer.lower())
        else:
            await answer_current(chat, lin(chat), right=True)
        mastered = chat.db.execute(
            "SELECT w.term, a.grading FROM mastery m JOIN words w ON w.id = m.word_id "
            "JOIN attempts a ON a.student_id = m.student_id AND a.word_id = m.word_id "
            "AND a.answered_at = m.mastered_at "
            "WHERE m.mastered_at IS NOT NULL AND length(w.term) > 10").fetchall()
        if mastered:
            break
    assert mastered, "no word of more than 10 letters mastered"
    (term, grading), *_ = mastered
    assert Graded.from_bits(grading).tiles, term
