"""A level-1 tile screen says one thing, in her language (playtest: Hodan, Somali, WIDA 1, 9,
no keyboard; Paj, Hmong, WIDA 1). Before, over the spelling line: the question, then how to
spell, each again in English, and on a question to write a ✏️ line ("It is a word from your
cards") over the 🔤 line and "You can also type it" to a child with no keyboard: 2 to 4 lines
she could not act on on each screen, 38 on the two children's 17 screens in three school days.
Now: the counter, one 🔤 line that asks and says how, the stem, the spelling line. Typing is
still taken (a child who types does, unasked), and level 2 keeps both languages."""

from __future__ import annotations

from typing import Any

from bot.domain import tiles
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.presentation.i18n import REFERENCE, Catalog, escape
from bot.store import check_items
from tests.harness import (
    Chat,
    answer_until,
    check_now,
    join_and_confirm,
    last_line,
    opens_with_tiles,
    spell,
)

HODAN = 1003


def hodan(chat: Chat) -> dict[str, Any]:
    return chat.user(HODAN, "Hodan", "so")


def catalog(chat: Chat) -> Catalog:
    return chat.app.bot_data.services.catalog


def ok(item_id: int) -> str:
    return f"{callbacks.TILES}:{item_id}:{callbacks.TILE_DONE}"


def screen(chat: Chat, stored: check_items.StoredItem) -> list[str]:
    """The question's lines as the tile screen shows them now, from its counter line down to
    the spelling line (feedback above it left out)."""
    shown = chat.latest(hodan(chat), chat.showing(hodan(chat), ok(stored.id)))
    assert last_line(shown) == "🔤 _"
    lines = shown.text.split("\n")
    start = max(i for i, line in enumerate(lines) if line.startswith("Su'aal "))
    return [line for line in lines[start:] if line]


def expected(chat: Chat, stored: check_items.StoredItem, number: str) -> list[str]:
    """What the screen says: the counter, the one line, the stem for a definition."""
    prompt = stored.item.prompt.rstrip(". ")
    if stored.item.item_type is ItemType.REVERSE:
        return [number, catalog(chat).render("item-tiles-reverse", "so", prompt=prompt), "🔤 _"]
    return [number, catalog(chat).render("item-tiles-choice", "so"), f"<i>{escape(prompt)}</i>",
            "🔤 _"]


async def level_one_question(chat: Chat, wanted: Any) -> check_items.StoredItem:
    await join_and_confirm(chat, hodan(chat), lang="so", level=1)
    await check_now(chat, hodan(chat))
    return await answer_until(chat, hodan(chat), wanted, tries=80)


async def test_a_level_one_tile_screen_asks_once_in_her_language(chat: Chat) -> None:
    stored = await level_one_question(
        chat, lambda s: not s.item.typed and opens_with_tiles(chat, hodan(chat), s.id))
    shown = screen(chat, stored)
    english = {catalog(chat).render(k, REFERENCE) for k in ("item-tiles", "item-choice-ask")}
    assert not english & set(shown)  # no English copy of a line she reads in Somali
    assert shown == expected(chat, stored, shown[0])


async def test_a_level_one_question_to_write_opens_on_tiles_with_no_typing_nor_pencil(
        chat: Chat) -> None:
    stored = await level_one_question(
        chat, lambda s: s.item.typed and tiles.tileable(s.item.answer))
    shown = screen(chat, stored)
    assert not any("kiiboodhka" in line or line.startswith("✏️") for line in shown)
    assert shown == expected(chat, stored, shown[0])
    # her one-time line about writing waits for a question she must write (a phrase, or
    # level 2's typed question): a screen of tiles asks her to tap, not to write
    intro = chat.db.execute("SELECT typed_intro FROM students WHERE id = ?",
                            [HODAN]).fetchone()[0]
    assert not intro
    await spell(chat, hodan(chat), stored.id, stored.item.answer.lower())
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1
