"""A student right only on the school days they re-read the word's card is "🐢 Stalled" on
/report, not "✅ On track" (teacher playtest: Minh, Vietnamese, level 3, re-read his cards with
/words before every check and answered right at once; whenever a card was not on screen that
day he missed. /report said "✅ On track: Minh"). Grading is untouched: those answers count,
and a learner who re-reads now and then and recalls on the other days stays on track."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.store import check_items, study
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
    texts,
)

MONDAY = datetime(2026, 9, 14, 19, 0, tzinfo=UTC)  # 15:00 at school
SCHOOL_DAYS = [MONDAY + timedelta(weeks=w, days=d) for w in range(3) for d in range(5)]


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def card_on_screen(chat: Chat, student: dict[str, Any], since: datetime) -> bool:
    """Whether the open item's word had its card on screen since `since` (this sitting)."""
    item = check_items.next_open_item(chat.db, student["id"])
    assert item is not None
    known = study.get_mastery(chat.db, student["id"], item.item.word_id)
    return known is not None and known.card_seen_at is not None and known.card_seen_at >= since


async def school_days(chat: Chat, student: dict[str, Any], days: int, reread_on: set[int],
                      recalls: bool) -> None:
    """`days` school days from Monday: /words (every card still being learned) first on the days in
    `reread_on`, then a check; each answer right if the student `recalls` the word, or if its
    card was on screen this sitting, else missed."""
    for day, start in enumerate(SCHOOL_DAYS[:days]):
        chat.clock.now = start
        if day in reread_on or day == 0:  # Monday's cards are a first reading either way
            await page_through(chat, student, await chat.send(student, "/words"))
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, student["id"]) is not None:
            chat.clock.advance(seconds=8)
            right = recalls or card_on_screen(chat, student, start)
            await answer_current(chat, student, right=right)


async def report_line(chat: Chat, start: str) -> str:
    report = texts(await chat.send(rivera(chat), "/report"))
    return next((line for line in report.splitlines() if line.startswith(start)), "")


async def test_right_only_after_reading_the_cards_again_is_stalled_not_on_track(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await join_and_confirm(chat, minh, lang="vi", level=3)
    # Monday to the next Tuesday, /words every day: right on 5 school days with the card
    # (Monday and Thursday's new cards are practice), the one word whose card was not on
    # screen missed (a word in review is not in /words). Before: "✅ On track: Minh"
    await school_days(chat, minh, 7, reread_on=set(range(7)), recalls=False)
    assert "Minh" not in await report_line(chat, "✅ On track")
    stalled = await report_line(chat, "🐢 Stalled")
    assert "Minh (right only on school days they re-read the word's card" in stalled


async def test_a_learner_who_rereads_now_and_then_and_recalls_stays_on_track(
        chat: Chat) -> None:
    """Re-reading 1 school day in 4 and right without the card on the others: recall, so the
    re-read days take nothing away (the rule is about never being right without the card)."""
    minh = chat.user(1001, "Minh", "vi")
    await join_and_confirm(chat, minh, lang="vi", level=3)
    await school_days(chat, minh, 7, reread_on={d for d in range(7) if d % 4 == 0},
                      recalls=True)
    assert "Minh" in await report_line(chat, "✅ On track")
    assert "Minh" not in await report_line(chat, "🐢 Stalled")
