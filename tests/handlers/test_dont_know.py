"""A typed question has a way out for a child who does not know the word: "🤷 I don't know"
under it, or "no sé", "m pa konnen", "?" or "🤷" typed. Either is a miss, with the answer shown
kindly, and the next question comes (playtest: a Spanish level-1 child was stuck at question 1,
told "That looks like Spanish" and "I don't see a word there"). At levels 1-2 the question
shows no blanks counting the word's letters, and the first one says once what it is."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.demo.offline import Call
from bot.domain.checks import Item
from bot.domain.mastery import recall_ready
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Said, language_name
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import (
    Chat,
    a_question_with_buttons,
    answer_current,
    buttons,
    check_now,
    class_pack_in_review,
    join_and_confirm,
    open_item,
    texts,
)

SCHOOL = ZoneInfo("America/New_York")


def said(chat: Chat, key: str, lang: str, **values: object) -> str:
    if key.startswith("feedback-dont-know"):  # when the missed word is asked again: a miss
        # on a Monday, on Tuesday; a deciding review missed on a Thursday (deciding_review),
        # once the spelling it showed may be forgotten (the day after PROMPT_MEMORY): Tuesday
        monday = chat.clock().astimezone(SCHOOL).weekday() == 0
        values.setdefault("back", Said(f"feedback-back-{'tomorrow' if monday else 'tue'}"))
    if key.startswith("item-typed-intro"):  # the first typed question's line holds its ask
        values.setdefault("ask", Said("item-typed-ask"))
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


async def deciding_review(chat: Chat, user_id: int = 1001, lang: str = "es",
                          level: int = 2) -> tuple[dict[str, Any], list[Call]]:
    """A child whose class words are all due for the review that could master them: at levels
    1-2 her first words are cognates, so /check asks them typed, after any chosen from the
    home-language term (answered right here). Return her and the calls that ask the first.
    (Level 2 by default: there a typed question types first, "🔤" under it; at level 1 it
    opens with its letter tiles, tiles.first.)"""
    user = chat.user(user_id, lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=level)
    class_pack_in_review(chat.db, chat.clock(), user_id)
    chat.clock.advance(days=3)
    calls = await chat.send(user, "/check")
    while not open_item(chat, user_id).item.typed:
        calls = await answer_current(chat, user, True)
    return user, calls


async def typed_at_level_six(chat: Chat, user_id: int) -> str:
    """A Hmong level-6 student answers her check until a typed question (in English, as from
    level 4 on) is open; return its message as she sees it."""
    hmong = chat.user(user_id, lang="hmn")
    await join_and_confirm(chat, hmong, lang="hmn", level=6)
    await check_now(chat, hmong)
    while not open_item(chat, user_id).item.typed:
        await answer_current(chat, hmong, True)
    shown = chat.api.showing(user_id, chat.showing(hmong, f"dk:{open_item(chat, user_id).id}"))
    assert shown is not None and "Type the " in shown["text"]
    assert [b["text"] for row in shown["reply_markup"]["inline_keyboard"] for b in row] == [
        "🤷 I don't know · Kuv tsis paub"]  # level 6 reads English first
    return shown["text"]


def way_out(item_id: int) -> list[tuple[str, str]]:
    """A level 1-2 typed question's buttons: "🔤 Letter tiles" (its data is the deal), then 🤷."""
    return [("🔤 Letras · Letter tiles", ANY_TILES), ("🤷 No sé · I don't know", f"dk:{item_id}")]


class _AnyTiles(str):
    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and other.startswith("tl:")

    __hash__ = str.__hash__


ANY_TILES = _AnyTiles("tl:…")


def gloss(chat: Chat, term: str, lang: str) -> str:
    return next(r.word.glosses[lang].term for r in pack_words(chat.db, "science.ecosystems")
                if r.word.term == term)


def misses(chat: Chat, user_id: int = 1001) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts WHERE student_id = ? AND correct = 0",
                           [user_id]).fetchone()[0]


async def test_a_typed_question_has_one_button_i_dont_know_in_her_language_and_english(
        chat: Chat) -> None:
    _, calls = await deciding_review(chat)
    stored = open_item(chat)
    assert buttons(calls) == way_out(stored.id)
    await typed_at_level_six(chat, 1002)  # its 🤷 too, in English and her language


async def test_i_dont_know_is_a_miss_with_the_answer_shown_kindly_and_the_next_question(
        chat: Chat) -> None:
    ana, _ = await deciding_review(chat)
    stored = open_item(chat)
    assert stored.item.answer == "ecosystem"
    calls = await chat.tap(ana, f"dk:{stored.id}")
    edit = next(c for c in calls if c.method == "editMessageText")
    assert edit.text.startswith(
        "No pasa nada. La palabra es <b>ecosystem</b> (<b>ecosistema</b>). La verás otra vez "
        "el martes.\nThat's OK. The word is <b>ecosystem</b> "
        "(<b>ecosistema</b>). You will see it again on Tuesday."
        "\n\nPregunta 3/3\n")  # a deciding review missed on a Thursday: its answer shown,
    # asked again once that may be forgotten (the day after PROMPT_MEMORY), not "tomorrow"
    following = open_item(chat)
    assert following.id != stored.id and check_items.get_item(chat.db, stored.id).answered
    assert buttons([edit]) == way_out(following.id)
    assert misses(chat) == 1


async def test_i_dont_know_counts_exactly_as_a_wrong_typed_answer_does(chat: Chat) -> None:
    """Mastery, attempts, the next review and the teacher's counts: one path for both."""
    ana, bo = chat.user(1001, lang="es"), chat.user(1002, "Bo", lang="es")
    for user in (ana, bo):
        await join_and_confirm(chat, user, lang="es", level=1)
        class_pack_in_review(chat.db, chat.clock(), user["id"])
    chat.clock.advance(days=3)
    for user in (ana, bo):
        await chat.send(user, "/check")
    typed = 0
    while check_items.next_open_item(chat.db, 1001) is not None:
        if not open_item(chat, 1002).item.typed:  # a review chosen from "presa": both right
            for user in (ana, bo):
                await answer_current(chat, user, True)
            continue
        typed += 1  # every deciding review to write: one tapped 🤷, the other a wrong word
        await chat.tap(ana, f"dk:{open_item(chat, 1001).id}")
        await chat.send(bo, "zebra")
        # Each question read before it is answered: "zebra" again at once would be a copy of
        # the last message (sent_twice.py), not an answer
        chat.clock.advance(seconds=10)
    assert check_items.next_open_item(chat.db, 1002) is None
    assert study.student_mastery(chat.db, 1001) == study.student_mastery(chat.db, 1002)
    rows = "SELECT word_id, item_type, correct FROM attempts WHERE student_id = ? ORDER BY 1"
    assert chat.db.execute(rows, [1001]).fetchall() == chat.db.execute(rows, [1002]).fetchall()
    assert misses(chat, 1001) == misses(chat, 1002) == typed == 2


@pytest.mark.parametrize(("lang", "typed"), [
    ("es", "no sé"), ("es", "No se"), ("es", "?"), ("es", "🤷"), ("ht", "m pa konnen"),
    ("ht", "Mwen pa konnen"), ("es", "idk"),
])
async def test_i_dont_know_typed_is_the_button_never_write_it_in_english_or_no_word(
        chat: Chat, lang: str, typed: str) -> None:
    user, _ = await deciding_review(chat, lang=lang)
    stored = open_item(chat)
    question = chat.showing(user, f"dk:{stored.id}")
    calls = await chat.send(user, typed)
    own = gloss(chat, stored.item.answer, lang)
    sent = [c.text for c in calls if c.method == "sendMessage"]
    assert len(sent) == 1 and sent[0].startswith(said(chat, "feedback-dont-know", lang,
                                                      answer=stored.item.answer, own=own))
    assert "English word. ✏️" not in sent[0]  # never "write it in English" or "no word"
    assert check_items.get_item(chat.db, stored.id).answered and misses(chat) == 1
    # The answered question's 🤷 is taken off: only the open question can be answered
    assert [c.params["message_id"] for c in calls if c.method == "editMessageReplyMarkup"] \
        == [question]
    assert "reply_markup" not in chat.api.showing(user["id"], question)


async def test_a_somali_childs_i_dont_know_typed_is_a_miss_with_the_answer_shown(
        chat: Chat) -> None:
    """Somali words are no cognates: a typed deciding review comes when too few fair options
    are left (stored here as a check would store it)."""
    hodan = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)  # level 1 opens it with tiles
    word = next(r for r in pack_words(chat.db, "science.ecosystems") if r.word.term == "predator")
    item = Item(word.id, ItemType.TYPED, word.word.glosses["so"].definition or "", (), "predator")
    item_id = check_items.save_items(chat.db, 1001, "so", [item], chat.clock())[0]
    asked = texts(await chat.send(hodan, "/check"))  # her first typed question, asked again
    # a word in no review: no mastery question, only what to do
    assert said(chat, "item-typed-intro-write", "so") in asked and "xaraf" not in asked
    calls = await chat.send(hodan, "Ma garanayo")
    # her feedback first (sends go out in the order asked), then the answered 🤷 comes off
    assert [c.method for c in calls] == ["sendMessage", "editMessageReplyMarkup"]
    reply = calls[0].text
    assert reply.startswith(said(chat, "feedback-dont-know", "so", answer="predator",
                                 own=word.word.glosses["so"].term))
    assert reply.startswith("Waa caadi. Eraygu waa <b>predator</b> (<b>ugaarsade</b>).")
    assert check_items.get_item(chat.db, item_id).answered and misses(chat) == 1


async def test_a_creole_childs_i_dont_know_leaves_her_own_word_its_friendly_retry(
        chat: Chat) -> None:
    """The playtest: "m pa konnen" spent her one "write it in English", so her own word
    "òganis" on the question after was a miss instead of one more try."""
    user, _ = await deciding_review(chat, lang="ht")
    await chat.send(user, "m pa konnen")
    stored = open_item(chat)
    own = gloss(chat, stored.item.answer, "ht")
    reply = texts(await chat.send(user, own))
    assert reply == said(chat, "typed-home-language", "ht", typed=own,
                         language=language_name("ht"))
    assert misses(chat) == 1 and not check_items.get_item(chat.db, stored.id).answered


async def test_check_points_to_an_open_typed_question_that_shows_its_way_out(
        chat: Chat) -> None:
    """The playtest: /check sent the same question again, and nothing else he could do. It
    now replies to the question (no second copy), whose message shows the way out."""
    ana, _ = await deciding_review(chat)
    stored = open_item(chat)
    chat.clock.advance(seconds=30)  # later: a /check within a double tap's window is a copy
    again = await chat.send(ana, "/check")
    assert "👆" in texts(again) and not buttons(again)
    shown = chat.showing(ana, f"dk:{stored.id}")  # the question, its 🤷 on it
    assert [c.reply_to for c in again if c.method == "sendMessage"] == [shown]


async def test_a_forged_or_old_i_dont_know_grades_nothing(chat: Chat) -> None:
    ana, _ = await deciding_review(chat, 1001)
    bo = chat.user(1002, "Bo", lang="es")
    await join_and_confirm(chat, bo, lang="es", level=3)
    await check_now(chat, bo)
    anas, bos = open_item(chat, 1001), open_item(chat, 1002)
    assert not bos.item.typed  # a button question: it never had a 🤷
    before = chat.db["attempts"].count
    for user, data in ((bo, f"dk:{anas.id}"), (bo, f"dk:{bos.id}"), (ana, "dk:999999"),
                       (ana, "dk:abc"), (ana, f"dk:{anas.id}:0"), (ana, f"dk:{bos.id}")):
        calls = await chat.tap(user, data)
        assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")], data
        toast = [c for c in calls if c.method == "answerCallbackQuery"][-1]
        assert toast.params["text"] == chat.app.bot_data.services.catalog.plain(
            "check-stale", "es"), data
        assert anas.item.answer not in texts(calls)
    assert chat.db["attempts"].count == before
    assert not check_items.get_item(chat.db, anas.id).answered
    # Answered by typing, then its 🤷 tapped on a screen that never updated: graded once
    await chat.send(ana, anas.item.answer)
    chat.clock.advance(seconds=30)
    calls = await chat.tap_on(ana, f"dk:{anas.id}", 1)
    assert [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"] == [
        chat.app.bot_data.services.catalog.plain("check-stale-answered", "es")]
    assert misses(chat) == 0 and chat.db["attempts"].count == before + 1


async def test_no_level_sees_how_many_letters_the_word_has(chat: Chat) -> None:
    # "✏️ _ _ _ _ _ _ _ _ _ (9 letters)" at levels 1-2 named the one word of her list that
    # long to a student who knew her words' spellings and no meaning (the speller)
    _, calls = await deciding_review(chat, 1001, "es", level=1)  # its tiles from the start
    assert texts(calls).endswith("\n🔤 _")  # one blank, whatever the word
    _, calls = await deciding_review(chat, 1002, "ht", level=2)
    assert "✏️ _" not in texts(calls) and "lèt)" not in texts(calls)
    _, calls = await deciding_review(chat, 1003, "es", level=3)  # still in both languages
    assert "Type the English word that means this." in texts(calls)
    assert "✏️" not in texts(calls) and "_ _" not in texts(calls)
    text = await typed_at_level_six(chat, 1004)
    assert "✏️" not in text and "_ _" not in text


async def test_the_first_typed_question_says_once_what_it_is(chat: Chat) -> None:
    intro = said(chat, "item-typed-intro", "es")
    assert intro.startswith("⭐ ") and "\n⭐ A mastery question. Type the English word" in intro
    ana, calls = await deciding_review(chat)  # after one chosen from "presa"
    # one line in each language, the question's own instruction inside it: no second pair
    # of lines saying "Type the English word that means this." again (playtest, Hmong)
    assert f"\n\nPregunta 2/3\n{intro}\n<i>" in texts(calls)
    assert texts(calls).count("Type the English word") == 1
    second = texts(await chat.send(ana, open_item(chat).item.answer))  # typed, question 3
    assert "Pregunta 3/3" in second and open_item(chat).item.typed and "⭐" not in second
    assert "⭐" not in texts(await chat.send(ana, "/check"))  # asked again: not again
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, False)
    chat.clock.advance(days=1)
    later = [texts(await chat.send(ana, "/check"))]
    while not open_item(chat).item.typed:
        later.append(texts(await answer_current(chat, ana, True)))
    assert "⭐" not in "\n".join(later)


async def test_a_first_typed_question_after_a_button_question_says_it_too(chat: Chat) -> None:
    """The line comes with the first typed question wherever it is in the check: here after
    a question with buttons, in the message the tap edits."""
    hodan = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)  # level 1 opens it with tiles
    refs = {r.word.term: r for r in pack_words(chat.db, "science.ecosystems")}
    habitat, predator = refs["habitat"], refs["predator"]
    options = ("habitat", "predator", "prey", "ecosystem")
    items = [Item(habitat.id, ItemType.REVERSE, habitat.word.glosses["so"].term, options,
                  "habitat"),
             Item(predator.id, ItemType.TYPED, predator.word.glosses["so"].definition or "",
                  (), "predator")]
    _, typed = check_items.save_items(chat.db, 1001, "so", items, chat.clock())
    assert "⭐" not in texts(await chat.send(hodan, "/check"))  # question 1: tiles at level 1
    calls = await answer_current(chat, hodan, right=True)  # spelled with tiles at level 1
    edit = next(c for c in calls if c.method == "editMessageText")
    assert f"Su'aal 2/2\n{said(chat, 'item-typed-intro-write', 'so')}\n" in edit.text
    assert "_ _" not in edit.text and "xaraf" not in edit.text  # no length
    (tiles, _), shrug = buttons([edit])
    assert tiles.startswith("🔤 ") and shrug == ("🤷 Ma aqaan · I don't know", f"dk:{typed}")


async def test_a_higher_level_typed_question_has_no_introduction(chat: Chat) -> None:
    assert "⭐" not in await typed_at_level_six(chat, 1003)
    assert chat.db.execute("SELECT typed_intro FROM students WHERE id = 1003").fetchone() == (0,)


@pytest.mark.parametrize(("lang", "typed"), [("es", "no sé"), ("ht", "m pa konnen"),
                                             ("so", "🤷")])
async def test_i_dont_know_typed_at_a_button_question_is_a_kind_miss_too(
        chat: Chat, lang: str, typed: str) -> None:
    # Playtest 15: placement taught her "tap 🤷: that helps me more than a guess", then a
    # button question answered "no sé" with "Tap one of the answers above", a push to guess
    user = chat.user(1001, lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=1)
    await check_now(chat, user)
    stored = await a_question_with_buttons(chat, user)
    calls = await chat.send(user, typed)
    own = gloss(chat, stored.item.answer, lang)
    assert said(chat, "feedback-dont-know", lang, answer=stored.item.answer, own=own) \
        in texts(calls)
    assert check_items.get_item(chat.db, stored.id).answered and misses(chat) == 1


@pytest.mark.parametrize("level", [2])  # level 1 opens it with tiles (tiles.first)
async def test_a_first_typed_question_that_cannot_master_its_word_is_no_mastery_question(
        chat: Chat, level: int) -> None:
    """Playtest: on day 2 a level-1/2 child's first typed question said "⭐ A mastery
    question", though a right answer then could master nothing (no deciding review yet): its
    one-time line says only what to do, and says it once."""
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=level)
    said_before: list[str] = []
    for _ in range(6):
        said_before.append(texts(await check_now(chat, ana)))
        while (stored := check_items.next_open_item(chat.db, 1001)) is not None \
                and not stored.item.typed:
            said_before.append(texts(await answer_current(chat, ana, True)))
        if stored is not None:
            break
        chat.clock.advance(days=1)
    assert stored is not None and stored.item.typed
    state = study.get_mastery(chat.db, 1001, stored.item.word_id)
    assert state is not None and not recall_ready(state, chat.clock())
    shown = "\n".join(said_before)
    ask = Said("item-cloze-typed-ask" if stored.item.item_type is ItemType.CLOZE
               else "item-typed-ask")
    assert said(chat, "item-typed-intro-write", "es", ask=ask) in shown
    assert "It is a word from your cards. Don't know it? Tap 🤷." in shown
    assert "⭐" not in shown and "mastery question" not in shown
    after = texts(await chat.send(ana, stored.item.answer))
    assert "It is a word from your cards" not in after  # said once


async def test_a_level_one_typed_question_says_what_to_do_in_one_line(chat: Chat) -> None:
    """Playtest (Hmong, level 1): her first typed question stacked four lines of instructions
    (Hmong, English, Hmong, English) over one word to write; on its letter tiles, still two
    (✏️ and 🔤) and their English copies. Now one line in Hmong (tiles.one_line)."""
    nou = chat.user(1001, "Nou", lang="hmn")
    await join_and_confirm(chat, nou, lang="hmn", level=1)
    predator = next(r for r in pack_words(chat.db, "science.ecosystems")
                    if r.word.term == "predator")
    stem = predator.word.glosses["hmn"].definition or ""
    check_items.save_items(chat.db, 1001, "hmn", [Item(predator.id, ItemType.TYPED, stem, (),
                                                       "predator")], chat.clock())
    # level 1: the question opens with its letter tiles (tiles.first), its line says so
    asked = [c.text for c in await chat.send(nou, "/check") if "🔤 _" in c.text][-1]
    body, spelling = asked.split("\n\n")[-2:]
    counter, hmong, shown = body.split("\n")
    assert counter == "Lo lus nug 1/1" and shown == f"<i>{stem.rstrip('. ')}</i>"
    assert hmong == ("🔤 Lo lus Askiv twg txhais li no? Nias cov niam ntawv, ces nias ✅. Muaj "
                     "qee tus niam ntawv tsis nyob hauv lo lus.")
    assert spelling == "🔤 _"
