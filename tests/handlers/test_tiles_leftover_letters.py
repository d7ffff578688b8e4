"""Letter tiles with decoys, playtest (Hodan, Somali, WIDA 1, age 9; Paj, Hmong; their
teacher): the tiles hold letters of other words too and no blank counts the word's letters, so
the question says some letters are not in the word (Hodan spelled "ecosystem", then tapped the
five tiles left over, as a letter puzzle asks, and her "ecosystemnigra" was a counted miss);
and /student's practice note names tiles that spell no other word of hers (her "habitat",
right on tiles on three school days, still read "practice only", beside "Counting starts the
next school day")."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain import tiles
from bot.presentation import callbacks
from tests.harness import (
    TEACHER_ID,
    Chat,
    a_tiles_question,
    answer_until,
    check_now,
    edits,
    join_and_confirm,
    open_item,
    texts,
    tile_taps,
)

HODAN = 1003


def hodan(chat: Chat) -> dict[str, Any]:
    return chat.user(HODAN, "Hodan", "so")


@pytest.mark.parametrize("level", [1, 2])
async def test_a_tiles_question_says_some_letters_are_not_in_the_word(chat: Chat,
                                                                      level: int) -> None:
    stored = await a_tiles_question(chat, hodan(chat), level=level, lang="so")
    first = tile_taps(chat, hodan(chat), stored.id, stored.item.answer.lower())[0]
    shown = edits(await chat.tap(hodan(chat), first))[0].text
    assert "Xarfaha qaarkood kuma jiraan erayga." in shown  # in her language
    # and in English at level 2 (level 1 reads her language alone: tiles.one_line)
    assert ("Some letters are not in the word." in shown) == (level == 2)


async def test_a_typed_question_opened_on_its_tiles_says_so_too(chat: Chat) -> None:
    await join_and_confirm(chat, hodan(chat), lang="so", level=1)
    await check_now(chat, hodan(chat))
    # level 1: a typed question opens on its tiles (tiles.first)
    stored = await answer_until(chat, hodan(chat),
                                lambda s: s.item.typed and tiles.tileable(s.item.answer))
    first = tile_taps(chat, hodan(chat), stored.id, stored.item.answer.lower())[0]
    shown = edits(await chat.tap(hodan(chat), first))[0].text
    assert "Xarfaha qaarkood kuma jiraan erayga." in shown
    assert "kiiboodhka" not in shown  # nothing about a keyboard (tiles.one_line)


async def test_the_practice_note_names_tiles_that_spell_no_other_word(chat: Chat) -> None:
    await join_and_confirm(chat, hodan(chat), lang="so", level=1)
    await check_now(chat, hodan(chat))  # answers the day her cards are read: practice
    stored = open_item(chat, HODAN)
    await chat.tap(hodan(chat), callbacks.data(callbacks.DONT_KNOW, stored.id))
    shown = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/student Hodan"))
    note = next(line for line in shown.split("\n") if line.startswith("✏️ Practice is"))
    assert "or a right answer that was the only one left, as letter tiles that spell no other " \
        "word the student has read" in note
    assert not note.endswith("Counting starts the next school day.")  # not of tiles
