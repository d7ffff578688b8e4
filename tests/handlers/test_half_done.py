"""An action that succeeded is reported as succeeded even when its optional picture fails."""

from __future__ import annotations

from bot.demo.offline import Failure
from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
    texts,
)

PHOTO_FAILS = Failure(500, "Internal Server Error", method="sendPhoto")


async def test_newclass_says_the_link_once_even_when_the_qr_code_fails(chat: Chat) -> None:
    chat.api.fail_next(TEACHER_ID, PHOTO_FAILS)
    reply = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/newclass Math 6A"))
    assert "t.me/" in reply and "went wrong" not in reply
    assert chat.db.execute("SELECT count(*) FROM classes WHERE name = 'Math 6A'").fetchone()[0] \
        == 1


async def test_progress_still_shows_the_numbers_when_the_chart_fails(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    await join_and_confirm(chat, user, level=3)
    await page_through(chat, user, await chat.send(user, "/words"))  # five words to count
    chat.api.fail_next(1001, PHOTO_FAILS)
    calls = await chat.send(user, "/progress")
    sent = [c for c in calls if c.method == "sendMessage"]
    assert sent and "went wrong" not in texts(sent)
    assert "🆕 New: 5" in texts(sent)


async def test_report_still_sends_the_summary_and_the_csv_when_the_heatmap_fails(
        chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    await join_and_confirm(chat, user, level=3)
    await chat.send(user, "/check")
    chat.api.fail_next(TEACHER_ID, PHOTO_FAILS)
    calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/report")
    assert [c.method for c in calls if c.method.startswith("send")] == [
        "sendMessage", "sendDocument"]
    assert "went wrong" not in texts(calls)


async def test_progress_says_a_question_waits_instead_of_all_done(chat: Chat) -> None:
    # A newcomer who left a question (or "Practice again") unanswered read "✅ All done for
    # now" under it (playtest 9)
    user = chat.user(1001, lang="es")
    await join_and_confirm(chat, user, level=1)
    await check_now(chat, user)
    waiting = texts(await chat.send(user, "/progress"))
    assert "A question is still waiting for you above." in waiting and "All done" not in waiting
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, user, True)
    assert "waiting for you above" not in texts(await chat.send(user, "/progress"))
