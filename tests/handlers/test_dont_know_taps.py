"""At levels 1-2 a question with options has placement's "🤷 I don't know" too: under its
buttons, under a listening item's voice note and last in its quiz poll (playtest: placement told
a level-1 Somali child "tap 🤷: that helps me more than a guess", then six options and no way
out). A tap on it is a miss, graded as a wrong tap is on the same options, with the word shown
kindly and no "you chose" line; the teacher counts it as an answer not right. Levels 3-6 keep
their options alone, and a 🤷 they never had grades nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.demo.offline import Call
from bot.domain.checks import Item
from bot.domain.cognates import same_word
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Said
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    a_question_with_buttons,
    a_quiz_poll,
    answer_current,
    buttons,
    check_now,
    csv_rows,
    join_and_confirm,
    open_item,
    shows_tiles,
    texts,
    voices,
    with_speech,
)

SIX = ("habitat", "predator", "prey", "ecosystem", "organism", "population")
SHRUG = {"so": "🤷 Ma aqaan · I don't know", "es": "🤷 No sé · I don't know",
         "ar": "🤷 لا أعرف · I don't know"}


def said(chat: Chat, key: str, lang: str, **values: object) -> str:
    if key.startswith("feedback-dont-know"):  # a miss on a Monday: asked again on Tuesday
        values.setdefault("back", Said("feedback-back-tomorrow"))
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


def toast(chat: Chat, key: str, lang: str = "es") -> str:
    return chat.app.bot_data.services.catalog.plain(key, lang)


async def beginner_check(chat: Chat, user_id: int = 1001, lang: str = "so"
                         ) -> tuple[dict[str, Any], list[int], list[Call]]:
    """A level-1 child, a school day after joining (no card read today), whose check asks
    habitat from her own word among six English words, then predator from its definition in
    her language (stored as a check stores them, so two children get the same questions).
    Return her, the two items' ids and the calls that ask the first."""
    user = chat.user(user_id, "Hodan", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=1)
    chat.clock.advance(days=1)
    refs = {r.word.term: r for r in pack_words(chat.db, "science.ecosystems")}
    habitat, predator = refs["habitat"], refs["predator"]
    items = [Item(habitat.id, ItemType.REVERSE, habitat.word.glosses[lang].term, SIX, "habitat"),
             Item(predator.id, ItemType.CHOICE, predator.word.glosses[lang].definition or "",
                  ("prey", "predator", "habitat", "organism"), "predator")]
    ids = check_items.save_items(chat.db, user_id, lang, items, chat.clock())
    return user, ids, await chat.send(user, "/check")


def rows(call: Call) -> list[list[tuple[str, str]]]:
    """A message's keyboard as rows of (label, data)."""
    return [[(b["text"], b["callback_data"]) for b in row]
            for row in call.params["reply_markup"]["inline_keyboard"]]


async def test_a_level_one_child_taps_i_dont_know_and_gets_the_word_kindly_and_the_next_question(
        chat: Chat) -> None:
    hodan, (first, second), asked = await beginner_check(chat)
    (question,) = [c for c in asked if c.method == "sendMessage"]
    assert rows(question)[-1] == [(SHRUG["so"], f"dk:{first}")]  # a row of its own, last
    # level 1 spells the English word with tiles, not six options: 🤷 under them still
    assert shows_tiles(chat, hodan, first)
    assert not set(SIX) & {label for label, _ in buttons([question])}
    calls = await chat.tap(hodan, f"dk:{first}")
    # One message: the tapped question becomes the feedback and the next question
    assert [c.method for c in calls if c.method.startswith(("send", "edit"))] == [
        "editMessageText"]
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert edit.params["message_id"] == question.result_id
    kind = said(chat, "feedback-dont-know", "so", answer="habitat", own="hoy")
    assert kind.startswith("Waa caadi. Eraygu waa <b>habitat</b> (<b>hoy</b>).")  # Somali first
    assert edit.text.startswith(f"{kind}\n\nSu'aal 2/2\n")
    assert "Markan sax ma aha" not in edit.text  # never "Not quite" ...
    assert "macnaheedu waa" not in edit.text  # ... nor "your answer, X, means Y"
    assert rows(edit)[-1] == [(SHRUG["so"], f"dk:{second}")]
    assert check_items.get_item(chat.db, first).answered and open_item(chat).id == second
    # A miss that counts (a school day after the card): not practice, not right
    assert chat.db.execute("SELECT item_type, correct, practice FROM attempts").fetchall() == [
        ("reverse", 0, 0)]
    word_id = check_items.get_item(chat.db, first).item.word_id
    habitat = study.student_mastery(chat.db, 1001)[word_id]
    assert (habitat.misses_in_row, habitat.misses) == (1, 1)


async def test_the_teacher_counts_i_dont_know_as_an_answer_not_right(chat: Chat) -> None:
    hodan, (first, _), _ = await beginner_check(chat)
    await chat.tap(hodan, f"dk:{first}")
    report = csv_rows(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/report"))
    habitat = next(r for r in report if r["student"] == "Hodan" and r["word"] == "habitat")
    assert (habitat["attempts"], habitat["correct"]) == ("1", "0")


async def test_i_dont_know_counts_on_the_question_shown_exactly_as_a_wrong_answer(
        chat: Chat) -> None:
    """The 🤷 is no option: knowledge tracing reads the miss as it reads a wrong answer to
    the question shown (at level 1, letter tiles: a wrong spelling; counted among six options
    or seven, the estimate would differ)."""
    hodan, (first, second), _ = await beginner_check(chat, 1001)
    ayaan, (other, _), _ = await beginner_check(chat, 1002)
    assert check_items.get_item(chat.db, first).item.options == SIX  # stored as built, no 🤷
    assert shows_tiles(chat, ayaan, other)
    await chat.tap(hodan, f"dk:{first}")
    await answer_current(chat, ayaan, right=False)  # a wrong spelling of habitat
    await chat.tap(hodan, f"dk:{second}")
    await answer_current(chat, ayaan, right=False)  # and of predator
    assert study.student_mastery(chat.db, 1001) == study.student_mastery(chat.db, 1002)
    answers = "SELECT word_id, item_type, correct, practice FROM attempts WHERE student_id = ?"
    assert chat.db.execute(answers, [1001]).fetchall() == \
        chat.db.execute(answers, [1002]).fetchall()


@pytest.mark.parametrize("level", [3, 4])
async def test_levels_three_and_up_have_their_options_alone_and_a_shrug_there_grades_nothing(
        chat: Chat, level: int) -> None:
    """Partial knowledge is what a level 3-6 tap shows: ruling options out is the retrieval
    practice; a typed question keeps its 🤷 at every level."""
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=level)
    await check_now(chat, ana)
    stored = await a_question_with_buttons(chat, ana)
    question = chat.api.showing(1001, chat.showing(ana, f"an:{stored.id}:0"))
    assert question is not None
    labels = [b["text"] for row in question["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == list(stored.item.options)
    attempts = chat.db["attempts"].count
    calls = await chat.tap(ana, f"dk:{stored.id}")
    assert [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"] == [
        toast(chat, "check-stale")]
    assert chat.db["attempts"].count == attempts and not check_items.get_item(
        chat.db, stored.id).answered


async def test_a_level_two_question_has_it_too(chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=2)
    await check_now(chat, ana)
    stored = await a_question_with_buttons(chat, ana)
    shown = chat.api.showing(1001, chat.showing(ana, f"dk:{stored.id}"))
    assert shown is not None
    assert shown["reply_markup"]["inline_keyboard"][-1] == [
        {"text": SHRUG["es"], "callback_data": f"dk:{stored.id}"}]


async def test_an_arabic_childs_shrug_reads_right_to_left_like_her_typed_questions(
        chat: Chat) -> None:
    """Her words first, so the button reads from the right; the English after them, as
    "🌐 Other languages" and a typed question's 🤷 already do, with no marks added."""
    _, (first, _), asked = await beginner_check(chat, lang="ar")
    (question,) = [c for c in asked if c.method == "sendMessage"]
    assert rows(question)[-1] == [(SHRUG["ar"], f"dk:{first}")]
    assert not any(mark in SHRUG["ar"] for mark in "\u200f\u2068\u2069")


async def test_a_shrug_forged_or_old_gets_what_an_old_answer_button_gets(chat: Chat) -> None:
    hodan, (first, second), asked = await beginner_check(chat, 1001)
    _, (other, _), _ = await beginner_check(chat, 1002)
    (question,) = [c.result_id for c in asked if c.method == "sendMessage"]
    assert question is not None
    attempts = chat.db["attempts"].count
    for data in (f"dk:{other}", "dk:999999", f"dk:{first}:0"):  # not hers, none, malformed
        calls = await chat.tap(hodan, data)
        assert not [c for c in calls if c.method.startswith(("send", "edit"))], data
        assert [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"] == [
            toast(chat, "check-stale", "so")], data
    assert chat.db["attempts"].count == attempts
    await answer_current(chat, hodan, right=True)  # answered on her phone (tiles) ...
    chat.clock.advance(seconds=30)
    for data in (f"dk:{first}", f"an:{first}:1"):  # ... and tapped again on her tablet
        calls = await chat.tap_on(hodan, data, question)
        assert [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"] == [
            toast(chat, "check-stale-answered", "so")], data
    assert chat.db["attempts"].count == attempts + 1 and open_item(chat).id == second


async def test_a_beginners_quiz_poll_has_i_dont_know_last_and_a_vote_on_it_is_a_kind_miss(
        chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=1)
    stored = await a_quiz_poll(chat, ana)
    poll = [c for c in chat.api.calls if c.method == "sendPoll"][-1]
    options = [o["text"] for o in poll.params["options"]]
    assert options == [*stored.item.options, SHRUG["es"]]
    assert 2 <= len(options) <= 10 and all(len(o) <= 100 for o in options)
    assert poll.params["correct_option_ids"] == [stored.item.options.index(stored.item.answer)]
    # no 🤷 kept
    assert check_items.get_item(chat.db, stored.id).item.options == stored.item.options
    calls = await chat.vote(ana, stored.poll_id, len(stored.item.options))
    (reply,) = [c for c in calls if c.method.startswith(("send", "edit"))]
    own = next(r.word.glosses["es"].term for r in pack_words(chat.db, "science.ecosystems")
               if r.word.term == stored.item.answer)
    # "habitat (hábitat)" would say the word twice: a home-language word written as the
    # English one is left out (check_views.feedback_text), whichever word the poll asked
    key = ("feedback-dont-know-no-gloss" if same_word(stored.item.answer, own)
           else "feedback-dont-know")
    assert reply.text.startswith(said(chat, key, "es", answer=stored.item.answer, own=own))
    assert "Tu respuesta" not in reply.text and "Pregunta 2/" in reply.text
    assert chat.db.execute("SELECT item_type, correct FROM attempts ORDER BY id DESC"
                           ).fetchone() == ("poll", 0)


async def test_a_level_four_quiz_poll_has_only_its_options(chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=4)
    stored = await a_quiz_poll(chat, ana)
    poll = [c for c in chat.api.calls if c.method == "sendPoll"][-1]
    assert [o["text"] for o in poll.params["options"]] == list(stored.item.options)


async def test_i_dont_know_under_a_listening_voice_note_becomes_its_caption(
        chat: Chat, tmp_path: Path) -> None:
    speaking = with_speech(chat, tmp_path / "clips")
    ana = chat.user(1001, lang="es")
    await join_and_confirm(speaking, ana, lang="es", level=1)
    calls: list[Call] = []
    for _ in range(10):  # checks, one a day, answered right until one asks by ear
        calls = await check_now(speaking, ana)
        while not voices(calls) and check_items.next_open_item(speaking.db, 1001) is not None:
            calls = await answer_current(speaking, ana, True)
        if voices(calls):
            break
        speaking.clock.advance(days=1)
    (note,) = voices(calls)
    stored = open_item(speaking)
    assert stored.item.item_type is ItemType.LISTEN
    assert note.buttons[-1] == (SHRUG["es"], f"dk:{stored.id}")
    tapped = await speaking.tap(ana, f"dk:{stored.id}")
    (caption,) = [c for c in tapped if c.method == "editMessageCaption"]
    assert caption.text.startswith("No pasa nada. La palabra es <b>")
    assert chat.db.execute("SELECT item_type, correct FROM attempts ORDER BY id DESC"
                           ).fetchone() == ("listen", 0)
    assert check_items.get_item(speaking.db, stored.id).answered
    assert "check-stale" not in texts(tapped)
