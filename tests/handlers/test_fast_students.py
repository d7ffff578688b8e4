"""A fast mid-level student who read her cards and answered every word right in the same
day's check read "✅ All done for now" and nothing else until the next day (playtest, WIDA 3-5):
she is offered one more set of the class's words, and /words opens them. A student who missed
a word today, or a newcomer (levels 1-2, one set a day by design), is not."""

from __future__ import annotations

from bot.store import check_items, study
from tests.harness import Chat, answer_current, check_now, join_and_confirm, texts


async def _first_check(chat: Chat, user: dict, level: int, miss: bool = False) -> list:
    await join_and_confirm(chat, user, lang="en", level=level)
    calls = await check_now(chat, user)
    first = True
    while check_items.next_open_item(chat.db, user["id"]) is not None:
        calls = await answer_current(chat, user, right=not (miss and first))
        first = False
    return calls


async def test_a_caught_up_level_4_student_is_offered_more_words_and_words_opens_them(
        chat: Chat) -> None:
    ana = chat.user(lang="en")
    end = await _first_check(chat, ana, level=4)
    assert "👉 Want more? 5 new words are ready for you: /words" in texts(end)
    progress = texts(await chat.send(ana, "/progress"))
    assert "✅ All done for now. Want more? 5 new words are ready for you: /words" in progress
    before = set(study.student_mastery(chat.db, 1001))
    await chat.send(ana, "/words")
    assert len(set(study.student_mastery(chat.db, 1001)) - before) == 5  # one more set
    assert "Want more" not in texts(await chat.send(ana, "/progress"))  # cards to read first


async def test_a_student_who_missed_a_word_today_is_not_offered_more(chat: Chat) -> None:
    ana = chat.user(lang="en")
    end = await _first_check(chat, ana, level=4, miss=True)
    assert "Want more" not in texts(end)
    before = set(study.student_mastery(chat.db, 1001))
    await chat.send(ana, "/words")
    assert set(study.student_mastery(chat.db, 1001)) == before


async def test_a_newcomer_is_done_for_the_day_with_no_more_words(chat: Chat) -> None:
    ana = chat.user(lang="en")
    await _first_check(chat, ana, level=2)
    assert "Want more" not in texts(await chat.send(ana, "/progress"))
