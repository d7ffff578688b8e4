""""Practice again" answered right is said apart at the check's end: a Hmong level-1 student
read "✅ Yog lawm!" on it and then "raug 0 ntawm 3" (0 of 3 right), as if her right answer
had been lost (playtest). The score still leaves practice out; a line under it counts it."""

from __future__ import annotations

import re

from bot.store import check_items
from tests.harness import Chat, answer_current, check_now, join_and_confirm, texts


async def miss_every_question_and_practise(chat: Chat, user: dict, days: int = 3
                                           ) -> list[str]:
    """Checks on `days` school days, every numbered question missed and every "Practice
    again" answered right; the text of each check's last answer."""
    ends = []
    for _ in range(days):
        await check_now(chat, user)
        last = ""
        while (stored := check_items.next_open_item(chat.db, user["id"])) is not None:
            last = texts(await answer_current(chat, user, right=stored.practice))
        ends.append(last)
        chat.clock.advance(days=1)
    return ends


async def test_a_right_practice_answer_is_counted_apart_at_the_checks_end(chat: Chat) -> None:
    nou = chat.user(lang="hmn")
    await join_and_confirm(chat, nou, lang="hmn", level=1)
    ends = await miss_every_question_and_practise(chat, nou)
    practised = [end for end in ends if "🔁" in end]
    assert practised, ends  # a check had "Practice again", answered right
    for end in practised:
        assert "raug 0 ntawm" in end  # the score is still the numbered questions
        said = re.search(r"🔁 Xyaum: raug (\d+) thiab 👍", end)
        assert said is not None and int(said[1]) >= 1
        assert f"🔁 Practice: {said[1]} right too 👍 Practice is not part of the score." in end
    assert all("Practice: " not in end for end in ends if end not in practised)
