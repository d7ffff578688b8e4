"""/student's list of misspelled answers says which were practice (never counted): Yousef
(level 1, Arabic) spelled "hrwc" for cell on the day he read its card, and the list showed it
beside his counted misses with nothing to tell them apart (playtest)."""

from __future__ import annotations

from tests.harness import (
    TEACHER_ID,
    Chat,
    a_tiles_question,
    answer_until,
    check_now,
    shows_tiles,
    spell,
    texts,
    wrong_spelling,
)

YOUSEF = 1001


def practice_of_last_answer(chat: Chat) -> bool:
    return bool(chat.db.execute("SELECT practice FROM attempts ORDER BY id DESC LIMIT 1")
                .fetchone()[0])


async def test_a_practice_miss_says_so_and_a_counted_one_does_not(chat: Chat) -> None:
    yousef = chat.user(YOUSEF, "Yousef", "ar")
    teacher = chat.user(TEACHER_ID, "Novak", "en")
    stored = await a_tiles_question(chat, yousef, lang="ar")
    first_wrong = wrong_spelling(stored.item, stored.id)
    await spell(chat, yousef, stored.id, first_wrong)
    assert practice_of_last_answer(chat)  # the card was read today: practice
    shown = texts(await chat.send(teacher, "/student Yousef"))
    assert f"“{first_wrong}”" in shown
    line = next(x for x in shown.splitlines() if f"“{first_wrong}”" in x)
    assert line.endswith("· practice, not counted")

    chat.clock.advance(days=2)
    await check_now(chat, yousef)
    for _ in range(10):  # a word whose card came today is practice again: the next one
        later = await answer_until(chat, yousef, lambda s: shows_tiles(chat, yousef, s.id),
                                   tries=40)
        second_wrong = wrong_spelling(later.item, later.id)
        await spell(chat, yousef, later.id, second_wrong)
        if not practice_of_last_answer(chat):
            break
    assert not practice_of_last_answer(chat)
    shown = texts(await chat.send(teacher, "/student Yousef"))
    line = next(x for x in shown.splitlines() if f"“{second_wrong}”" in x)
    assert "practice" not in line
