"""A card flipped to her language offers the way back ("🔁 English first", in her language and
English where prompts are bilingual), and a card's back button says where it goes ("◀ Back
1/5"), its arrow on the outside in a right-to-left language too (playtest, Arabic level 3)."""

from __future__ import annotations

import json

import pytest

from bot.demo.offline import Call
from bot.domain.scaffold import scaffold_for
from bot.presentation import keyboards
from bot.presentation.i18n import Catalog
from bot.services.previews import Page
from tests.harness import Chat, is_next, join_and_confirm, read_words
from tests.screen import on_screen

ENGLISH_FIRST_AR = "🔁 الإنجليزية أولًا · English first"
MY_LANGUAGE_FIRST_AR = "🔁 لغتي أولًا"
OLD_LIST = "قائمة قديمة"  # card-stale, Arabic


def plain(label: str) -> str:
    return label.replace("\u2068", "").replace("\u2069", "")  # digits isolated in RTL


def labels(call: Call) -> list[str]:
    return [plain(label) for label, _ in call.buttons]


def data_of(call: Call, label: str) -> str:
    return next(d for shown, d in call.buttons if plain(shown) == label)


def edit(calls: list[Call]) -> Call:
    (edited,) = [c for c in calls if c.method == "editMessageText"]
    return edited


async def first_card(chat: Chat, lang: str = "ar", level: int = 3) -> tuple[dict, Call]:
    sara = chat.user(lang=lang, name="Sara")
    await join_and_confirm(chat, sara, lang=lang, level=level)
    card = next(c for c in await chat.send(sara, "/words") if c.buttons)
    return sara, card


async def test_a_flipped_card_offers_english_first_and_it_flips_back(chat: Chat) -> None:
    sara, card = await first_card(chat)
    assert card.text.split("\n")[3].startswith("<b>ecosystem</b>")  # under the header
    flipped = edit(await chat.tap(sara, data_of(card, MY_LANGUAGE_FIRST_AR)))
    assert flipped.text.split("\n")[3] == "<b>نظام بيئي</b>"  # her language leads
    assert ENGLISH_FIRST_AR in labels(flipped) and MY_LANGUAGE_FIRST_AR not in labels(flipped)
    # her order stays as she turns the cards, and the way back with it
    second = edit(await chat.tap(sara, next(d for label, d in flipped.buttons
                                            if is_next(label))))
    assert second.text.startswith("<b>كائن حي</b>") and ENGLISH_FIRST_AR in labels(second)
    back = edit(await chat.tap(sara, data_of(second, ENGLISH_FIRST_AR)))
    assert back.text.startswith("<b>organism</b>")  # English first again, the same card
    assert MY_LANGUAGE_FIRST_AR in labels(back) and ENGLISH_FIRST_AR not in labels(back)


async def test_english_first_is_in_her_language_alone_where_prompts_are_not_bilingual(
        chat: Chat, catalog: Catalog) -> None:
    await first_card(chat)
    ref = read_words(chat.db, chat.clock())[0]
    page = Page(1, 0, 5, ref, "ar", scaffold_for(4), None, True, flipped=True)
    shown = [b.text for row in keyboards.card_page(page, catalog, False).inline_keyboard
             for b in row]
    assert "🔁 الإنجليزية أولًا" in shown  # level 4 reads prompts in Arabic alone


async def test_a_second_tap_on_my_language_first_after_the_flip_says_nothing_old(
        chat: Chat) -> None:
    sara, card = await first_card(chat)
    flip = data_of(card, MY_LANGUAGE_FIRST_AR)
    await chat.tap(sara, flip)
    # her phone still showed the button: the second tap carries the flipped card
    calls = await chat.tap_on(sara, flip, card.result_id or 0)
    assert [c.method for c in calls] == ["answerCallbackQuery"] and not calls[0].text
    assert chat.api.refused == []


async def test_my_language_first_on_an_earlier_list_still_flips_that_list(chat: Chat) -> None:
    sara, older = await first_card(chat)
    await chat.send(sara, "/words")
    calls = await chat.tap_on(sara, data_of(older, MY_LANGUAGE_FIRST_AR), older.result_id or 0)
    assert OLD_LIST not in " ".join(c.text for c in calls)
    assert int(edit(calls).params["message_id"]) == older.result_id


@pytest.mark.parametrize(("lang", "row"), [
    ("en", ["◀ Back 1/5", "Next ▶ 3/5"]),
    ("es", ["◀ Anterior 1/5", "Siguiente ▶ 3/5"]),
    # drawn left to right: Next on the left pointing left, Back on the right pointing right
    ("ar", ["3/5 ◀ يلاتلا", "1/5 قباسلا ▶"])])
async def test_the_back_button_names_the_card_it_turns_to_and_points_outward(
        chat: Chat, lang: str, row: list[str]) -> None:
    sara, card = await first_card(chat, lang)
    second = edit(await chat.tap(sara, next(d for label, d in card.buttons if is_next(label))))
    markup = second.params["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    moves = [b["text"] for b in markup["inline_keyboard"][-1]]  # the bottom row, left to right
    assert [on_screen(label, None)[0] for label in moves] == row
    back = next(d for label, d in second.buttons if label.startswith(("◀", "▶")))
    assert edit(await chat.tap(sara, back)).text == card.text  # it does turn back


def test_every_language_has_a_back_label_with_its_number_and_english_first_of_its_own(
        catalog: Catalog) -> None:
    for lang in catalog.languages:
        back = catalog.plain("button-back", lang, number=1, total=5)
        assert back.startswith("◀ ") and plain(back).endswith(" 1/5") and len(back) <= 20, lang
        first = catalog.plain("button-english-first", lang)
        assert first.startswith("🔁 ") and first != catalog.plain("button-flip", lang), lang
        assert lang == "en" or first != catalog.plain("button-english-first", "en"), lang
