"""Telegram's sizes: 4,096 UTF-16 units a message. Long answers come in parts, never refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.checks import WordRef
from bot.domain.language import SUPPORTED_UI
from bot.domain.scaffold import scaffold_for
from bot.presentation import card_views, views
from bot.presentation.i18n import Catalog, Markup
from bot.services.packs import load_packs
from bot.services.previews import Page
from bot.store import people
from tests.harness import TEACHER_ID, Chat, join_and_confirm, page_through


def test_split_counts_utf16_units_so_emoji_heavy_text_fits() -> None:
    line = "🏞️ ecosystem ⭐" * 40  # every emoji is two UTF-16 units
    parts = views.split_message(Markup("\n".join([line] * 30)))
    assert len(parts) > 1
    assert all(views.utf16_len(p) <= views.MESSAGE_LIMIT for p in parts)
    assert sum(p.count("ecosystem") for p in parts) == 40 * 30


async def test_a_120_student_roster_arrives_in_parts_with_every_student(chat: Chat) -> None:
    now = datetime(2026, 9, 14, tzinfo=UTC)
    found = people.teacher_classes(chat.db, TEACHER_ID)[0]
    for n in range(120):
        people.upsert_student(chat.db, 50_000 + n, f"Estudiante-con-nombre-largo-{n:03}", now)
        people.set_student_language(chat.db, 50_000 + n, "es")
        people.enroll(chat.db, 50_000 + n, found.id, now)
    calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/roster")
    sent = [c for c in calls if c.method == "sendMessage"]
    assert len(sent) >= 2
    assert all(views.utf16_len(c.text) <= views.MESSAGE_LIMIT for c in sent)
    joined = "\n".join(c.text for c in sent)
    assert all(f"Estudiante-con-nombre-largo-{n:03}" in joined for n in range(120))


async def test_a_long_list_of_pack_problems_fits_one_message_and_counts_the_rest(
        chat: Chat) -> None:
    rows = ["term,pos,tier,definition,example"]
    rows += [f"word{n},thing,9,,no example here" for n in range(60)]
    content = "\n".join(rows).encode()
    chat.api.uploads["bad-pack"] = content
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    calls = await chat.process(chat.factory.document(teacher, "bad-pack", "Broken.csv",
                                                     len(content)))
    sent = [c for c in calls if c.method == "sendMessage"]
    assert len(sent) == 1 and views.utf16_len(sent[0].text) <= views.MESSAGE_LIMIT
    lines = sent[0].text.split("\n")
    assert len(lines) == 1 + 30 + 1  # the header, the first 30 problems, how many are left
    assert lines[-1] == ("…and 210 more problems. Fix these and send the file again to see "
                         "the rest.")  # 4 problems a row, 60 rows


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_shipped_card_fits_one_phone_sized_message_whole(catalog: Catalog,
                                                               level: int) -> None:
    """One card a message at levels 1-3: every shipped word, in every language, flipped or
    not, with the preview's header, fits 900 UTF-16 units and is never cut short."""
    for pack in load_packs().packs:
        for number, word in enumerate(pack.words):
            for lang in SUPPORTED_UI:
                for flipped in (False, True):
                    page = Page(1, 0, 6, WordRef(number, word, pack.id), lang,
                                scaffold_for(level), 2, True, flipped)
                    text = card_views.card_page(page, catalog)
                    assert views.utf16_len(text) <= views.CARD_LIMIT, (word.term, lang)
                    assert text.split("\n")[-1].startswith(("✍️", "🗣️")), (
                        word.term, lang, level)  # the sentence frame, the card's last line


async def test_a_paged_preview_never_sends_a_message_over_900_units(chat: Chat) -> None:
    for number, lang in enumerate(("ru", "fr", "ar", "so")):
        user = chat.user(4001 + number, "Lu", lang=lang)
        await join_and_confirm(chat, user, lang=lang, level=3)
        cards = await page_through(chat, user, await chat.send(user, "/words"))
        assert len(cards) == 5
        assert all(views.utf16_len(c.text) <= 900 for c in cards)
