"""Text typed while a question's buttons wait, days after it was asked (playtest: Lin, level 1,
wrote "你好" and "我不会英语" two days after Monday's tile question and got only "Tap one of
the answers above", the question far above): the pointer quotes the question, a message that
is no go at an answer is offered to the teacher, and a question whose message is not known
comes again."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.harness import Chat, a_tiles_question, restarted, texts


def said(chat: Chat, key: str, lang: str) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang)


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_a_message_days_after_a_question_quotes_it_and_is_offered_to_the_teacher(
        chat: Chat) -> None:
    lin = chat.user(1001, "Lin", lang="zh")
    stored = await a_tiles_question(chat, lin, level=1, lang="zh")
    shown = chat.showing(lin, callbacks.data(callbacks.DONT_KNOW, stored.id))
    counted = attempts(chat)
    chat.clock.advance(days=2)
    for typed in ("你好", "我不会英语"):
        calls = [c for c in await chat.send(lin, typed) if c.method == "sendMessage"]
        assert calls[0].text == said(chat, "tap-an-answer", "zh")
        assert calls[0].reply_to == shown  # a tap on the quote shows the question
        offer = calls[-1]
        assert offer.text == said(chat, "text-offer", "zh"), typed
        assert any(data.startswith(f"{callbacks.ASK}:") for _, data in offer.buttons)
    assert attempts(chat) == counted  # nothing graded, the question still open


async def test_a_go_at_the_answer_only_points_to_the_question(chat: Chat) -> None:
    lin = chat.user(1001, "Lin", lang="zh")
    stored = await a_tiles_question(chat, lin, level=1, lang="zh")
    shown = chat.showing(lin, callbacks.data(callbacks.DONT_KNOW, stored.id))
    for typed in ("3", "xqzv"):
        calls = await chat.send(lin, typed)
        assert [c.reply_to for c in calls] == [shown], typed
        assert texts(calls) == said(chat, "tap-an-answer", "zh")


async def test_an_ok_in_her_language_only_points_to_the_question(chat: Chat) -> None:
    """"好的" (ok) says nothing for the teacher: no offer, no list of commands under it."""
    lin = chat.user(1001, "Lin", lang="zh")
    await a_tiles_question(chat, lin, level=1, lang="zh")
    assert texts(await chat.send(lin, "好的")) == said(chat, "tap-an-answer", "zh")


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
