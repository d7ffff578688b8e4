"""A student who was sent cards and never opened them is reminded of the cards. The daily
reminder used to come only when words were ready to check, so a newcomer who never tapped the
card sent after his placement (or missed a teacher's push) heard nothing at all from Puente;
now he reads "You have new word cards to open. Tap /words", backing off like every reminder
that goes unanswered."""

from __future__ import annotations

from datetime import timedelta

from bot.store import study
from tests.harness import Chat, page_through, placed_at_level_one, reminder_days

CARDS = ("Chào Minh! Bạn có thẻ từ mới cần mở. Bấm /words (2 phút).\n"
         "Hi Minh! You have new word cards to open. Tap /words (2 minutes).")


async def test_unopened_cards_bring_a_reminder_that_points_to_them(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)  # the first card comes; he never taps it
    assert study.shown_before(chat.db, 1001, chat.clock() + timedelta(seconds=1)) == set()
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)  # Tue 16:00 New York
    before = len(chat.api.calls)
    await job.run(chat.app)
    said = [c.text for c in chat.api.calls[before:] if c.chat_id == 1001]
    assert said == [CARDS]


async def test_unopened_card_reminders_back_off_like_the_others(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)  # Monday 14 Sep
    assert await reminder_days(chat, 1001, 9) == [
        "Tue 15", "Wed 16", "Thu 17", "Tue 22", "Fri 25"]


async def test_once_the_cards_are_read_the_reminder_is_about_reviews(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await page_through(chat, minh, await placed_at_level_one(chat, minh))
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    chat.clock.now = chat.clock.now.replace(hour=20) + timedelta(days=1)
    before = len(chat.api.calls)
    await job.run(chat.app)
    said = [c.text for c in chat.api.calls[before:] if c.chat_id == 1001]
    assert len(said) == 1 and "/check" in said[0] and "/words" not in said[0]
