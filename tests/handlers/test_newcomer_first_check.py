"""A level 1-2 child who opened one card and asks for a check is never asked to type an English
word from memory: the cards she has not read come first (one line points to them in her
chat, and says the check comes after them), and their ✅ starts a check with options. A word
with no other of its part of speech read is asked among the words she has read, as
practice."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import bkt_update
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.store import check_items, study
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    class_pack_in_review,
    join_and_confirm,
    open_item,
    page_through,
)

CARDS_ABOVE = {  # check-cards-above: the home language, then English
    "so": "👆 Kaararkaaga cusub waa halkan. Akhri, kadib taabo ✅ kaarka ugu dambeeya.\n"
    "👆 Your new cards are here. Read them, then tap ✅ on the last card.",
    "es": "👆 Tus tarjetas nuevas están aquí. Léelas y luego toca ✅ en la última tarjeta.\n"
    "👆 Your new cards are here. Read them, then tap ✅ on the last card.",
}


@pytest.mark.parametrize(("lang", "level"), [("so", 1), ("es", 2)])
@pytest.mark.parametrize("ask", ["/check", "✅"])
async def test_one_card_read_brings_the_other_cards_first_then_a_check_with_options(
    chat: Chat, lang: str, level: int, ask: str
) -> None:
    ana = chat.user(lang=lang)
    await join_and_confirm(chat, ana, lang=lang, level=level)
    (words,) = await chat.send(ana, "/words")  # card 1, Next never tapped
    calls = await (
        chat.send(ana, "/check") if ask == "/check" else chat.tap(ana, callbacks.CHECK)
    )  # e.g. the ✅ under a pushed card
    sent = [c for c in calls if c.method.startswith("send")]
    assert check_items.next_open_item(chat.db, 1001) is None  # nothing typed, nothing asked yet
    assert [c.method for c in sent] == ["sendMessage"]  # no card sent again: one line ...
    assert sent[0].text == CARDS_ABOVE[lang]
    assert sent[0].reply_to == words.result_id  # ... under the card she has on screen
    cards = await page_through(chat, ana, sent)  # she reads them there
    assert any(d == callbacks.CHECK for _, d in cards[-1].buttons)
    await chat.tap(ana, callbacks.CHECK)
    item = open_item(chat).item
    assert not item.typed and len(item.options) >= 2


async def test_a_lone_verb_is_asked_among_her_nouns_and_counts_as_practice_only(
    chat: Chat,
) -> None:
    """The play-test: a pushed word with no other of its part of speech read ("extinct"
    among nouns) waited every day while /progress and the reminder called it ready. It is
    asked now, among the words she has read; a right answer there moves no estimate towards
    mastery (the answer is the odd one out)."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    class_pack_in_review(chat.db, chat.clock())
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/push general.academic-verbs analyze")
    await chat.deliver()  # her only verb: her other words are nouns
    await check_now(chat, ana)  # she reads its card, and its ✅ starts the check
    stored = open_item(chat)
    assert stored.item.answer == "analyze" and len(stored.item.options) >= 2
    verb = stored.item.word_id
    before = study.get_mastery(chat.db, 1001, verb)
    await answer_current(chat, ana, right=True)
    after = study.get_mastery(chat.db, 1001, verb)
    assert after.answered and after.successes == 0 and not after.success_days  # practice
    assert after.p_known == pytest.approx(bkt_update(before.p_known, True, ItemType.CHOICE,
                                                     choices=1))  # one option counted

