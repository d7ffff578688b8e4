"""Playtest (Hodan, Somali, WIDA 1, no keyboard, never typed): she taps 🤷 at questions that
open on letter tiles and at listening questions. /student and /report read "⌨️ typed 0/2"
for her (a teacher concludes she tried to type), and a 🤷 at a listening question was kept
but counted in no word's "🤷 N×". A 🤷 over tiles is now a tiles answer in every teacher's
view, and a listening 🤷 is counted in its word's line (said as listening) and the CSV's
listening_dont_know; the evidence is unchanged (tests/domain/test_overrule.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    a_typed_question_with_tiles,
    answer_current,
    check_now,
    csv_rows,
    join_and_confirm,
    opens_with_tiles,
    restarted,
    texts,
    with_speech,
)


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


def _counted_shrugs(chat: Chat, item_type: str) -> int:
    return chat.db.execute("SELECT count(*) FROM attempts WHERE dont_know = 1 AND practice = 0 "
                           "AND (item_type = 'listen') = (? = 'listen')",
                           [item_type]).fetchone()[0]


async def hodans_days(chat: Chat) -> int:
    """Hodan's school days of checks until she has counted 🤷 at both kinds (a first day's
    answers are practice): 🤷 at every typed question that opens on its tiles and every
    listening question, every other one right; return the 🤷 SQL statements' most."""
    hodan = chat.user(1001, "Hodan", "so")
    await join_and_confirm(chat, hodan, lang="so", level=1)
    most = 0
    for _ in range(8):
        await check_now(chat, hodan)
        while (stored := check_items.next_open_item(chat.db, 1001)) is not None:
            chat.clock.advance(seconds=20)
            if stored.item.item_type is ItemType.LISTEN or (
                    stored.item.typed and opens_with_tiles(chat, hodan, stored.id)):
                statements: list[str] = []
                chat.db.conn.set_trace_callback(statements.append)
                await chat.tap(hodan, callbacks.data(callbacks.DONT_KNOW, stored.id))
                chat.db.conn.set_trace_callback(None)
                most = max(most, len(statements))
            else:
                await answer_current(chat, hodan, right=True)
        chat.clock.advance(days=1)
        if _counted_shrugs(chat, "listen") and _counted_shrugs(chat, "typed"):
            return most
    raise AssertionError("no counted 🤷 at both kinds")


async def test_a_dont_know_over_letter_tiles_reads_as_tiles_never_as_typing(
        speaking: Chat) -> None:
    most = await hodans_days(speaking)
    assert most <= 10  # as any graded tap (tests/handlers/test_answer_cost.py)
    shrugs = _counted_shrugs(speaking, "typed")
    teacher = speaking.user(TEACHER_ID, "Okafor", "en")
    student = texts(await speaking.send(teacher, "/student Hodan"))
    report = texts(await speaking.send(teacher, "/report"))
    assert "⌨️" not in student + report  # she never typed
    tiles = re.search(r"🔤 letter tiles (\d+)/(\d+)", student)
    assert tiles is not None, student
    right, total = map(int, tiles.groups())
    assert total - right == shrugs >= 1  # the 🤷 over tiles, counted as tile questions
    assert f"Hodan: 🔘 meaning 1/1 · 🔊 listening 0/1 · ⚠️ 🔤 letter tiles {right}/{total}" \
        in report


async def test_a_dont_know_at_listening_is_counted_in_its_words_line_and_the_csv(
        speaking: Chat) -> None:
    await hodans_days(speaking)
    teacher = speaking.user(TEACHER_ID, "Okafor", "en")
    student = texts(await speaking.send(teacher, "/student Hodan"))
    listening = re.findall(r"· 🤷 (\d+)× “I don't know” \(🔊 listening: (\d+)\)", student)
    assert [int(n) for _, n in listening] == [_counted_shrugs(speaking, "listen")], student
    per_word = sum(int(n) for n in re.findall(r"· 🤷 (\d+)×", student))
    assert per_word == _counted_shrugs(speaking, "listen") + _counted_shrugs(speaking, "typed")
    rows = [r for r in csv_rows(await speaking.send(teacher, "/report"))
            if r["student"].startswith("Hodan")]
    for row in rows:  # each of its own misses: meaning, and listening
        assert int(row["dont_know"]) <= int(row["attempts"]) - int(row["correct"]), row
        assert int(row["listening_dont_know"]) <= \
            int(row["listening_attempts"]) - int(row["listening_correct"]), row
    assert sum(int(r["listening_dont_know"]) for r in rows) == _counted_shrugs(speaking, "listen")


@pytest.mark.parametrize("show_tiles", [True, False])
async def test_a_level_two_dont_know_is_tiles_only_when_her_tiles_were_on_screen(
        chat: Chat, show_tiles: bool) -> None:
    """Level 2: a typed question has a "🔤" under it; a 🤷 after it showed the tiles is over
    tiles, a 🤷 before it is at a question to type."""
    mai = chat.user(1001, "Mai", "hmn")
    stored, show = await a_typed_question_with_tiles(chat, mai)
    if show_tiles:
        await chat.tap(mai, show)
    await chat.tap(mai, callbacks.data(callbacks.DONT_KNOW, stored.id))
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, mai, right=True)
    counted = chat.db.execute("SELECT practice = 0 FROM attempts WHERE dont_know = 1"
                              ).fetchone()[0]
    student = texts(await chat.send(chat.user(TEACHER_ID, "Okafor", "en"), "/student Mai"))
    kinds = next(line for line in student.splitlines() if line.startswith("🔎"))
    assert counted  # a review: its card was read on a day before
    if show_tiles:
        assert "⌨️" not in kinds and re.search(r"🔤 letter tiles \d+/\d+", kinds), kinds
    else:
        assert "⌨️ typed 0/1" in kinds, kinds


async def test_a_dont_know_over_tiles_shown_before_a_restart_still_reads_as_tiles(
        chat: Chat) -> None:
    """Whether her tiles were on screen was in memory only: after a restart (a deploy) her 🤷
    over them read as "⌨️ typed 0/1" to her teacher. The message shows them: it says so."""
    mai = chat.user(1001, "Mai", "hmn")
    stored, show = await a_typed_question_with_tiles(chat, mai)
    await chat.tap(mai, show)
    chat = await restarted(chat)  # nothing in memory: the message shows her tiles
    try:
        await chat.tap(mai, callbacks.data(callbacks.DONT_KNOW, stored.id))
        while check_items.next_open_item(chat.db, 1001) is not None:
            await answer_current(chat, mai, right=True)
        teacher = chat.user(TEACHER_ID, "Okafor", "en")
        student = texts(await chat.send(teacher, "/student Mai"))
        kinds = next(line for line in student.splitlines() if line.startswith("🔎"))
        assert "⌨️" not in kinds and re.search(r"🔤 letter tiles \d+/\d+", kinds), kinds
    finally:
        await chat.app.shutdown()
