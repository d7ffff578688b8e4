"""Text typed while a question's buttons wait, days after it was asked (playtest: Lin, level 1,
wrote "你好" and "我不会英语" two days after Monday's tile question and got only "Tap one of
the answers above", the question far above): the pointer quotes the question, a message that
is no go at an answer is offered to the teacher (and gets that one reply: a Haitian Creole
playtest's "je ne comprends pas le mot contrast" got the pointer, to an old message, and the
offer), and a question whose message is not known comes again."""

from __future__ import annotations

import json

from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    Chat,
    a_question_with_buttons,
    a_tiles_question,
    answer_until,
    check_now,
    join_and_confirm,
    restarted,
    texts,
)


def said(chat: Chat, key: str, lang: str) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang)


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_a_message_days_after_a_question_is_offered_to_the_teacher_in_one_reply(
        chat: Chat) -> None:
    lin = chat.user(1001, "Lin", lang="zh")
    await a_tiles_question(chat, lin, level=1, lang="zh")
    counted = attempts(chat)
    chat.clock.advance(days=2)
    for typed in ("你好", "明天见"):
        calls = [c for c in await chat.send(lin, typed) if c.method == "sendMessage"]
        (offer,) = calls  # the offer alone: no "tap an answer" beside it
        assert offer.text == said(chat, "text-offer", "zh"), typed
        assert any(data.startswith(f"{callbacks.ASK}:") for _, data in offer.buttons)
    # "I can't read English" is answered (in Chinese alone), not offered: one reply still
    calls = [c for c in await chat.send(lin, "我不会英语") if c.method == "sendMessage"]
    (kind,) = calls
    assert kind.text.startswith(chat.app.bot_data.services.catalog.render(
        "student-cannot-read", "zh"))
    assert attempts(chat) == counted  # nothing graded, the question still open


async def test_a_sentence_at_english_buttons_gets_only_the_offer_to_the_teacher(
        chat: Chat) -> None:
    """Playtest (Jb, Haitian Creole, French phone): "je ne comprends pas le mot contrast"
    while a question's English buttons waited got "Peze youn nan repons ki anwo yo. 👆",
    threaded to an old message, and the "send to teacher?" offer: two replies to one
    message. It is longer than any option: a message, so the offer alone."""
    jb = chat.user(1001, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    await check_now(chat, jb)
    stored = await a_question_with_buttons(chat, jb)
    counted = attempts(chat)
    calls = [c for c in await chat.send(jb, "je ne comprends pas le mot contrast")
             if c.method == "sendMessage"]
    assert [c.text for c in calls] == [said(chat, "text-offer", "ht")]
    assert attempts(chat) == counted
    assert not check_items.get_item(chat.db, stored.id).answered
    # a go at an option still gets the pointer alone
    assert texts(await chat.send(jb, "xqzv")) == said(chat, "tap-an-answer", "ht")


async def test_a_go_at_the_answer_only_points_to_the_question(chat: Chat) -> None:
    lin = chat.user(1001, "Lin", lang="zh")
    stored = await a_tiles_question(chat, lin, level=1, lang="zh")
    shown = chat.showing(lin, callbacks.data(callbacks.DONT_KNOW, stored.id))
    for typed in ("3", "xqzv"):
        calls = await chat.send(lin, typed)
        assert [c.reply_to for c in calls] == [shown], typed
        assert texts(calls) == said(chat, "item-tiles-typed", "zh")


async def test_an_ok_in_her_language_only_points_to_the_question(chat: Chat) -> None:
    """"好的" (ok) says nothing for the teacher: no offer, no list of commands under it."""
    lin = chat.user(1001, "Lin", lang="zh")
    await a_tiles_question(chat, lin, level=1, lang="zh")
    assert texts(await chat.send(lin, "好的")) == said(chat, "item-tiles-typed", "zh")


async def test_a_question_whose_message_is_not_known_comes_again(chat: Chat) -> None:
    """After a restart the bot no longer knows which message shows the buttons."""
    lin = chat.user(1001, "Lin", lang="zh")
    stored = await a_tiles_question(chat, lin, level=1, lang="zh")
    chat.clock.advance(days=2)
    later = await restarted(chat)
    try:
        calls = await later.send(lin, "xqzv")
        dont_know = callbacks.data(callbacks.DONT_KNOW, stored.id)
        assert any(data == dont_know for c in calls for _, data in c.buttons)
        assert all(c.reply_to is None for c in calls)
    finally:
        await later.app.shutdown()


CHINESE = ("图书馆", "老师", "学校", "铅笔")  # library, teacher, school, pencil


async def test_a_sentence_in_chinese_under_chinese_options_is_offered_to_the_teacher(
        chat: Chat) -> None:
    """Under options in Chinese (a question asking the meaning), "你好老师我不懂" (hello
    teacher, I don't understand) got only "tap an answer": Chinese text counted as a guess
    at Chinese options. A go at one ("图书") still gets the pointer alone."""
    lin = chat.user(1001, "Lin", lang="zh")
    await join_and_confirm(chat, lin, lang="zh", level=1)
    await check_now(chat, lin)
    stored = await answer_until(chat, lin, lambda s: not s.item.typed and not s.poll_id)
    chat.db.execute("UPDATE check_items SET options = ?, answer = ?, asks_meaning = 1 "
                    "WHERE id = ?", [json.dumps(CHINESE, ensure_ascii=False), CHINESE[0],
                                     stored.id])
    counted = attempts(chat)
    calls = [c for c in await chat.send(lin, "你好老师我不懂") if c.method == "sendMessage"]
    assert [c.text for c in calls] == [said(chat, "text-offer", "zh")]
    for guess in ("图书", "好的"):  # a go at an option; "ok" needs no teacher
        assert texts(await chat.send(lin, guess)) == said(chat, "tap-an-answer", "zh"), guess
    assert attempts(chat) == counted
