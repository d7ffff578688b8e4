"""/check with few ready words: each word once, so a short check, and the student is told why
(in their language and English); when more words come is said once, by the check's last
message (or by "not yet" when there is nothing to ask)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.presentation import check_views
from bot.presentation.i18n import Catalog
from bot.services.checks import ShortCheck
from bot.services.readiness import BackOn
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import (
    Chat,
    answer_current,
    is_next,
    join_and_confirm,
    opens_with_tiles,
    page_through,
    texts,
    tile_taps,
)

SHORT = "🌱 A short check this time: only a few words are ready to practise now."
NOT_YET = "🌱 Not yet: you need a few more words for a check. Look at your cards again: /words"
SHORT_ES = "🌱 Esta vez la prueba es corta: ahora solo unas pocas palabras están listas para " \
    "practicar."


def in_review(chat: Chat, word_ids: list[int], due: timedelta) -> None:
    """These words are being reviewed (right on two days); the next review is `due` away."""
    now = chat.clock()
    for word_id in word_ids:
        state = study.get_mastery(chat.db, 1001, word_id)
        assert state is not None
        study.save_mastery(chat.db, 1001, word_id, replace(
            state, success_days=frozenset({"2026-09-01", "2026-09-02"}), answered=True,
            due_at=now + due, first_correct_at=now - timedelta(days=10)), now)


async def one_word_left(chat: Chat, level: int = 4) -> dict:
    """A student who previewed a set; all its words but the first are in review."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=level)
    await chat.send(user, "/words")
    words = sorted(study.student_mastery(chat.db, 1001))
    in_review(chat, words[1:], timedelta(days=2))
    return user


async def test_one_ready_word_is_one_question_after_the_new_cards_and_says_why(
        chat: Chat) -> None:
    user = await one_word_left(chat)
    calls = [c for c in await chat.send(user, "/check") if c.method == "sendMessage"]
    said = [c.text for c in calls]
    note = next(i for i, text in enumerate(said) if SHORT in text)
    assert SHORT_ES in said[note]
    # Level 4: the cards come in one bundle, read at once, so their words are ready for the
    # very next check, as its last line says (a level-5 student read "after you have read
    # their cards", then "👉 3 words ready: /check" after one question: playtest)
    assert "Your new words are on the cards above: read them, and they come in your next " \
        "check, right after this one." in said[note]
    assert "after you have read their cards" not in said[note]
    assert all("📘" not in text for text in said[note:]) and "📘" in said[0]  # cards first
    # the line opens the question's message: one message, not two (Telegram's 30 a second)
    assert note == len(said) - 1 and "\n\nPregunta 1/1" in said[note]
    reply = texts(await answer_current(chat, user, True))
    assert "Check finished: 1 of 1 right." in reply
    assert check_items.next_open_item(chat.db, 1001) is None  # the word was not asked again
    assert "words ready: /check" in reply, reply
    await chat.send(user, "/check")
    asked = check_items.next_open_item(chat.db, 1001)  # the new words, asked now
    assert asked is not None and asked.item.word_id in study.student_mastery(chat.db, 1001)


async def test_cards_read_one_by_one_come_after_they_are_read(chat: Chat) -> None:
    """Level 2: one card a message, read with Next: the words wait until she has read them
    (she read two of yesterday's four cards)."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=2)
    (card,) = [c for c in await chat.send(user, "/words") if "📘" in c.text]
    turn = next(d for label, d in card.buttons if is_next(label))
    await chat.tap_on(user, turn, card.result_id)
    chat.clock.advance(days=1)
    said = [c.text for c in await chat.send(user, "/check") if c.method == "sendMessage"]
    assert check_items.next_open_item(chat.db, 1001) is not None
    assert any("Your new words come in your next check, after you have read their cards."
               in text for text in said), said
    assert not any("New cards come after this check" in text for text in said)


async def test_a_short_check_says_when_reviews_come_once_at_its_end(chat: Chat) -> None:
    # Playtest 14: "More words come back for review in 3 days." above the one question, and
    # "More words come back for review tomorrow." under it (the word just answered)
    user = await one_word_left(chat)
    learning = min(study.student_mastery(chat.db, 1001))
    rest = [w.id for w in pack_words(chat.db, "science.ecosystems") if w.id != learning]
    for word_id in rest:  # every other word of the pack is met and in review
        if study.get_mastery(chat.db, 1001, word_id) is None:
            study.save_mastery(chat.db, 1001, word_id, study.get_mastery(
                chat.db, 1001, learning), chat.clock())
    in_review(chat, rest, timedelta(days=3))
    said = texts(await chat.send(user, "/check"))
    assert SHORT in said and "come back" not in said
    assert "📘" not in said and "Pregunta 1/1" in said
    end = texts(await answer_current(chat, user, True))
    assert end.count("come back") == 1 and "More words come back for review" in end


async def test_a_full_check_says_nothing_about_its_length(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=4)
    await chat.send(user, "/words")
    said = texts(await chat.send(user, "/check"))
    assert "Pregunta 1/5" in said and "🌱" not in said


@pytest.mark.parametrize("prefix", ["check-short-next", "progress-next", "feedback-back"])
def test_no_message_says_words_come_back_later_today(catalog: Catalog, prefix: str) -> None:
    # Words are ready by school day (mastery.ready_at), from the start of a day and never
    # the day they were answered: "later today" would promise what no check keeps
    assert not any(catalog.has(f"{prefix}-today") or f"{prefix}-today" in
                   catalog.messages[lang] for lang in catalog.languages)


@pytest.mark.parametrize(("short", "says"), [  # told on Monday 14 September
    (ShortCheck(False, BackOn(date(2026, 9, 15), 1)), "More words come back for review tomorrow."),
    (ShortCheck(False, BackOn(date(2026, 9, 18), 4)),
     "More words come back for review on Friday."),
    (ShortCheck(False, BackOn(date(2026, 9, 21), 7)),
     "More words come back for review in 7 days (Mon 21 Sep)."),  # "on Monday": today's
    (ShortCheck(True, BackOn(date(2026, 9, 15), 1)), "Your new words come in your next check"),
    (ShortCheck(False, None), SHORT)])
def test_when_more_words_come_is_said_plainly(catalog: Catalog, short: ShortCheck,
                                              says: str) -> None:
    # With nothing to ask yet ("not yet"), the note says when; above a short check's
    # questions it does not (the check's last message does)
    text = check_views.short_check_text(short, "en", catalog, "check-not-yet")
    assert text.startswith(NOT_YET) and says.replace(SHORT, NOT_YET) in text
    assert len(text.split("\n")) == (1 if short == ShortCheck(False, None) else 2)
    above = check_views.short_check_text(short, "en", catalog)
    assert above.startswith(SHORT) and "come back" not in above


async def test_a_dont_know_on_a_one_word_check_is_said_for_one_word_and_no_slip(
        chat: Chat) -> None:
    """Amira: one 🤷 on one word read "0 of 1 right … Some words you knew slipped away"."""
    from bot.presentation import callbacks

    user = await one_word_left(chat, level=5)
    await chat.send(user, "/check")
    item = check_items.next_open_item(chat.db, 1001)
    assert item is not None and item.item.typed  # 🤷 under a typed question, as hers was
    reply = texts(await chat.tap(user, callbacks.data(callbacks.DONT_KNOW, item.id)))
    assert "Check finished: 0 of 1 right. It is OK to say you don't know: now you know " \
        "which word to learn. Look at its card again with /words." in reply, reply
    assert "slipped" not in reply and "These words" not in reply


async def test_a_level_two_student_who_read_every_card_is_told_the_new_ones_come_after(
        chat: Chat) -> None:
    """Paj (Hmong, level 2) read every card she was sent, and a day later her /check asked
    two of those words; above them she read "Your new words come in your next check, after
    you have read their cards": the words this /check had just unlocked, whose cards come
    after it (its last message's 📘), were not on any card she had been sent (playtest)."""
    user = chat.user(lang="hmn")
    await join_and_confirm(chat, user, lang="hmn", level=2)
    await page_through(chat, user, await chat.send(user, "/words"))
    words = sorted(study.student_mastery(chat.db, 1001))
    assert all(study.get_mastery(chat.db, 1001, w).previewed for w in words)  # every card
    chat.clock.advance(days=1)
    in_review(chat, words[1:], timedelta(days=2))  # her slots open: /check unlocks words
    calls = await chat.send(user, "/check")
    said = texts(calls)
    assert check_items.next_open_item(chat.db, 1001) is not None  # a question: words[0]
    assert len(study.student_mastery(chat.db, 1001)) > len(words)  # new words, unlocked now
    assert "📘" not in said  # their cards are not sent with the check
    assert "New cards come after this check: read them, and their words come in your next " \
        "check." in said, said
    assert "after you have read their cards" not in said
    while check_items.next_open_item(chat.db, 1001) is not None:
        end = texts(await answer_current(chat, user, True))
    assert "👉 New cards to read: /words" in end  # where the line said they come


async def test_a_short_check_never_says_she_read_all_her_cards_after_new_ones_were_offered(
        chat: Chat) -> None:
    """Hodan (Somali, level 1): her check ended "👉 New cards to read: /words", /progress and
    Friday's reminder said new cards waited, she never tapped 📘, and Monday's short check
    opened "You have read all your cards" (playtest: 4 of 4 such lines). The cards come after
    the check either way: that is all the line says."""
    user = chat.user(1001, "Hodan", "so")
    await join_and_confirm(chat, user, lang="so", level=1)
    await page_through(chat, user, await chat.send(user, "/words"))
    words = sorted(study.student_mastery(chat.db, 1001))
    chat.clock.advance(days=1)
    in_review(chat, words[1:], timedelta(days=2))  # her slots open: new cards wait for her
    told = texts(await chat.send(user, "/progress"))
    assert "📭 Cards to read: 2" in told  # offered, never opened
    said = texts(await chat.send(user, "/check"))
    assert check_items.next_open_item(chat.db, 1001) is not None
    assert "New cards come after this check: read them, and their words come in your next " \
        "check." in said, said
    assert "You have read all your cards" not in said
    assert "Waxaad akhriday dhammaan kaararkaaga" not in said


async def test_a_level_one_short_check_on_letter_tiles_says_why_in_her_language_alone(
        chat: Chat) -> None:
    """A level-1 tile screen is one line in her language over the stem (tiles.one_line). Why
    her check is short now opens its first question's message, and brought its English onto
    Hodan's tile screen (Somali, WIDA 1): two lines she cannot read, over all nine taps of
    "ecosystem" (playtest)."""
    user = chat.user(1001, "Hodan", "so")
    await join_and_confirm(chat, user, lang="so", level=1)
    await page_through(chat, user, await chat.send(user, "/words"))
    words = sorted(study.student_mastery(chat.db, 1001))
    chat.clock.advance(days=1)
    in_review(chat, words[:-1], timedelta(days=2))
    calls = await chat.send(user, "/check")
    asked = check_items.next_open_item(chat.db, 1001)
    assert asked is not None and opens_with_tiles(chat, user, asked.id)
    (screen,) = [c for c in calls if c.method == "sendMessage" and "🔤 _" in c.text]
    assert screen.text.startswith("🌱 Tijaabadu markan way gaaban tahay")  # hers, first
    assert "Kaarar cusub ayaa imanaya tijaabadan kadib" in screen.text
    assert "A short check" not in screen.text and "New cards come" not in screen.text
    first = tile_taps(chat, user, asked.id, asked.item.answer.lower())[0]
    (tapped,) = [c for c in await chat.tap(user, first) if c.method == "editMessageText"]
    assert tapped.text.startswith("🌱 Tijaabadu") and "A short check" not in tapped.text


async def test_a_level_two_short_check_on_letter_tiles_still_says_why_in_both(
        chat: Chat) -> None:
    user = chat.user(1001, "Paj", "hmn")
    await join_and_confirm(chat, user, lang="hmn", level=2)
    await page_through(chat, user, await chat.send(user, "/words"))
    words = sorted(study.student_mastery(chat.db, 1001))
    chat.clock.advance(days=1)
    in_review(chat, words[1:], timedelta(days=2))
    calls = await chat.send(user, "/check")
    asked = check_items.next_open_item(chat.db, 1001)
    assert asked is not None
    assert SHORT in texts(calls) and "New cards come after this check" in texts(calls)
