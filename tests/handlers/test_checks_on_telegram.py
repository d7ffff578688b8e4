"""Formative checks through the real Application: buttons, typed answers, polls, forgeries."""

from __future__ import annotations

import logging
import re

import pytest

from bot.demo.offline import NO_POLL, POLL_CLOSED, Failure
from bot.store import check_items, study
from tests.harness import (
    Chat,
    a_question_with_buttons,
    a_quiz_poll,
    answer_current,
    check_now,
    join_and_confirm,
    open_item,
    poll_message,
    restarted,
    stopped_polls,
    texts,
)


async def test_every_item_type_graded_right_and_wrong(chat: Chat) -> None:
    seen: dict[str, set[bool]] = {}
    for level, user_id in ((1, 1001), (3, 1002), (5, 1003)):
        # Vietnamese: no cognates, so words are asked from their home-language term too (a
        # Spanish student's first words are cognates: never asked that way)
        user = chat.user(user_id, lang="vi")
        await join_and_confirm(chat, user, lang="vi", level=level)
        for attempt in range(3):
            await check_now(chat, user)
            while check_items.next_open_item(chat.db, user_id):
                kind = str(open_item(chat, user_id).item.item_type)
                right = attempt % 2 == 0
                reply = texts(await answer_current(chat, user, right))
                # the feedback's first line (a tiles question after it says "then tap ✅")
                assert reply.strip().startswith("✅") is right, (kind, reply)
                seen.setdefault(kind, set()).add(right)
            chat.clock.advance(days=1)  # a word answered today is asked again tomorrow
    assert set(seen) == {"choice", "reverse", "cloze", "typed", "poll"}
    assert all(v == {True, False} for v in seen.values()), seen


async def test_typo_is_accepted_with_a_spelling_hint(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=6)
    await check_now(chat, user)
    while not open_item(chat).item.typed:
        await answer_current(chat, user, True)
    answer = open_item(chat).item.answer
    typo = answer[:2] + answer[3] + answer[2] + answer[4:]  # swap two letters
    reply = texts(await chat.send(user, typo))
    # the word again, with the letters she swapped underlined
    shown = re.search(r"Check the spelling: <b>(.*?)</b>\.", reply)
    assert shown and "<u>" in shown[1] and re.sub("</?u>", "", shown[1]) == answer
    assert f"✅ ¡Correcto! Revisa cómo se escribe: <b>{shown[1]}</b>." in reply
    assert chat.db.execute("SELECT correct FROM attempts").fetchall()[-1][0] == 1


async def test_feedback_is_bilingual_with_the_right_answer(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=2)
    await check_now(chat, user)
    answer = open_item(chat).item.answer
    reply = texts(await answer_current(chat, user, False))
    assert answer in reply
    assert "Not quite" in reply
    assert chat.app.bot_data.services.catalog.render("feedback-wrong", "es", answer=answer,
                                                     own="x", back="").split("<b>")[0] in reply


async def test_forged_button_never_grades_or_reveals(chat: Chat) -> None:
    ana, bo = chat.user(1001, lang="es"), chat.user(1002, "Bo", lang="es")
    await join_and_confirm(chat, ana)
    await join_and_confirm(chat, bo)
    await check_now(chat, ana)
    anas_item = open_item(chat, 1001)
    for data in (f"an:{anas_item.id}:0", "an:999999:1", "an:abc:1", "an:1:2:3:4", "zz:1",
                 "x" * 80):
        reply = texts(await chat.tap(bo, data))
        assert anas_item.item.answer not in reply
    assert chat.db["attempts"].count == 0
    assert not check_items.get_item(chat.db, anas_item.id).answered


async def test_an_option_the_question_never_had_is_no_answer(chat: Chat) -> None:
    """"an:ITEM:99" on the student's own open button question: a forged tap, not a miss."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=3)
    await check_now(chat, user)
    stored = await a_question_with_buttons(chat, user)
    count = chat.db["attempts"].count
    for option in (len(stored.item.options), 99, -1):
        calls = await chat.tap(user, f"an:{stored.id}:{option}")
        assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")]
        toast = [c for c in calls if c.method == "answerCallbackQuery"][-1]
        assert toast.params.get("text")  # says why nothing happened
    assert chat.db["attempts"].count == count
    assert not check_items.get_item(chat.db, stored.id).answered


async def test_a_double_tap_on_an_answer_grades_once_and_says_nothing_more(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=3)
    await check_now(chat, user)
    stored = await a_question_with_buttons(chat, user)
    data = f"an:{stored.id}:{stored.item.options.index(stored.item.answer)}"
    count = chat.db["attempts"].count
    first, again = await chat.double_tap(user, data)
    shown = [c for c in first if c.method == "editMessageText"][-1]
    assert chat.db["attempts"].count == count + 1
    assert [c.method for c in again] == ["answerCallbackQuery"]  # no reply, no new message
    assert [c for c in chat.api.calls if c.method == "editMessageText"][-1] is shown


async def test_quiz_poll_answer_is_graded(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=1)
    stored = await a_quiz_poll(chat, user)
    poll = [c for c in chat.api.calls if c.method == "sendPoll"][-1]
    assert poll.params["is_anonymous"] is False
    right = stored.item.options.index(stored.item.answer)
    calls = await chat.vote(user, stored.poll_id, right)
    assert "✅" in texts(calls)
    assert stopped_polls(calls) == []  # a poll voted on is closed by the vote: no call for it
    assert chat.db.execute("SELECT item_type, correct FROM attempts ORDER BY id DESC"
                           ).fetchone() == ("poll", 1)


async def test_a_vote_on_someone_elses_poll_is_ignored(chat: Chat) -> None:
    ana, bo = chat.user(1001, lang="es"), chat.user(1002, "Bo", lang="es")
    await join_and_confirm(chat, ana, level=1)
    await join_and_confirm(chat, bo, level=1)
    stored = await a_quiz_poll(chat, ana)
    before = chat.db["attempts"].count
    await chat.vote(bo, stored.poll_id, 0)
    assert chat.db["attempts"].count == before
    assert not check_items.get_item(chat.db, stored.id).answered


async def test_a_quiz_poll_answered_by_typing_is_closed_and_a_later_vote_counts_nothing(
        chat: Chat) -> None:
    """A quiz poll answered by typing its answer stayed open under the feedback: it could
    still be voted on."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=1)
    stored = await a_quiz_poll(chat, user)
    poll, attempts = poll_message(chat), chat.db["attempts"].count
    calls = await chat.send(user, stored.item.answer)
    assert "✅" in texts(calls) and chat.db["attempts"].count == attempts + 1
    assert stopped_polls(calls) == [(1001, poll)]
    assert chat.api.shown[(1001, poll)]["poll"]["is_closed"]
    following = check_items.next_open_item(chat.db, 1001)
    # A vote that crossed the close (or came after a restart): graded once, nothing said
    for option in range(len(stored.item.options)):
        assert await chat.vote(user, stored.poll_id, option) == []
    assert chat.db["attempts"].count == attempts + 1
    assert check_items.next_open_item(chat.db, 1001) == following


@pytest.mark.parametrize("answer", ["typed", "buttons"])
async def test_a_quiz_poll_answered_another_way_after_a_restart_is_closed_too(
        chat: Chat, answer: str) -> None:
    """The poll's message was held in memory only: after a restart (no persistence) a poll
    answered by typing, or on the buttons /check asks it again with, stayed open."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=1)
    stored = await a_quiz_poll(chat, user)
    poll, right = poll_message(chat), stored.item.options.index(stored.item.answer)
    attempts = chat.db["attempts"].count
    again = await restarted(chat)
    try:
        if answer == "typed":
            calls = await again.send(user, stored.item.answer)
        else:
            await again.send(user, "/check")  # the question again, as buttons
            calls = await again.tap(user, f"an:{stored.id}:{right}")
        assert "✅" in texts(calls)
        assert stopped_polls(calls) == [(1001, poll)]
        assert chat.api.shown[(1001, poll)]["poll"]["is_closed"]
        assert await again.vote(user, stored.poll_id, right) == []  # it counts no more
        assert chat.db["attempts"].count == attempts + 1
    finally:
        await again.app.shutdown()


@pytest.mark.parametrize("refusal", [NO_POLL, POLL_CLOSED], ids=["gone", "closed-already"])
async def test_a_quiz_poll_that_cannot_be_closed_still_gives_the_feedback(
        chat: Chat, caplog: pytest.LogCaptureFixture, refusal: str) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=1)
    stored = await a_quiz_poll(chat, user)
    chat.api.fail_next(1001, Failure(400, refusal, method="stopPoll"))
    with caplog.at_level(logging.INFO):
        reply = texts(await chat.send(user, stored.item.answer))
    assert "✅" in reply and "went wrong" not in reply
    assert check_items.get_item(chat.db, stored.id).answered
    closing = [r for r in caplog.records if "poll" in r.getMessage()]
    assert [(r.levelno, r.exc_info) for r in closing] == [(logging.INFO, None)]
    assert refusal.removeprefix("Bad Request: ") in closing[0].getMessage().lower()


async def test_an_answer_with_no_word_or_far_too_long_asks_for_the_word_and_counts_nothing(
        chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=6)
    await check_now(chat, user)
    while not open_item(chat).item.typed:
        await answer_current(chat, user, True)
    stored = open_item(chat)
    state = study.get_mastery(chat.db, 1001, stored.item.word_id)
    attempts = chat.db["attempts"].count
    for text, key in (("🙂", "typed-empty"), ("?!  ...", "typed-empty"), (" the ", "typed-empty"),
                      ("x" * 300, "typed-too-long")):
        reply = texts(await chat.send(user, text))
        assert reply == chat.app.bot_data.services.catalog.bilingual(  # level 6: English first
            key, "es", english_first=True), text
    assert chat.db["attempts"].count == attempts  # no miss recorded
    assert study.get_mastery(chat.db, 1001, stored.item.word_id) == state
    assert open_item(chat).id == stored.id  # the same question is still open
    assert "✅" in texts(await chat.send(user, stored.item.answer))
