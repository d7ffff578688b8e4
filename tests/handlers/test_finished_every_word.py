"""A fast student who finished every word the teacher gave (all in review or mastered, nothing
left to open) read "✅ All done for now" for days and the teacher was never told (playtest,
WIDA 5). The daily sweep tells each teacher once: "Minjun has finished every word you pushed"."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    class_pack_in_review,
    join_and_confirm,
)

FINISHED = "🏁 Minjun has finished every word you pushed: /push more"


async def sweep(chat: Chat) -> list[str]:
    """The teachers' daily job at 16:00 at school, delivered: what the teacher got."""
    seen = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and c.text]


async def test_the_teacher_hears_once_that_a_student_finished_every_word(chat: Chat) -> None:
    minjun = chat.user(name="Minjun", lang="ko")
    await join_and_confirm(chat, minjun, lang="ko", level=5)
    class_pack_in_review(chat.db, chat.clock())
    chat.clock.advance(days=2)  # Wednesday: the reviews are due
    await chat.send(minjun, "/check")
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, minjun, right=True)
        chat.clock.advance(seconds=20)
    chat.clock.now = chat.clock.now.replace(hour=20)  # 16:00 in New York
    assert FINISHED in await sweep(chat)
    chat.clock.advance(days=1)
    assert FINISHED not in await sweep(chat)  # once, not every day


async def test_no_note_while_words_are_left_to_open(chat: Chat) -> None:
    minjun = chat.user(name="Minjun", lang="ko")
    await join_and_confirm(chat, minjun, lang="ko", level=5)
    await chat.send(minjun, "/words")  # the first cards: most of the pack is still to come
    chat.clock.advance(days=1)
    await chat.send(minjun, "/check")
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, minjun, right=True)
        chat.clock.advance(seconds=20)
    chat.clock.now = chat.clock.now.replace(hour=20)
    assert FINISHED not in await sweep(chat)
