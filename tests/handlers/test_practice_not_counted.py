"""A "Practice again" answer comes right after the card and the right answer were shown: it is
no evidence, so no teacher's count includes it (the play-test: a Somali level-1 student missed
"ecosystem" twice, got the practice item right, and her Spanish-speaking teacher read "1 de 3
correctas")."""

from __future__ import annotations

import csv
import io

from bot.store import check_items
from tests.harness import TEACHER_ID, Chat, answer_current, check_now, join_and_confirm, texts


async def miss_one_word_twice_then_practise_it(chat: Chat, user: dict) -> tuple[str, str]:
    """Three days of checks: every word right but one, missed every day; its "Practice again"
    answered right. Return the missed word and everything the student was told. (The first
    day's answers are practice too: her cards were read that day.)"""
    said, missed = [], None
    for _ in range(3):
        said.append(texts(await check_now(chat, user)))
        while (stored := check_items.next_open_item(chat.db, user["id"])) is not None:
            missed = missed or stored.item.word_id
            right = stored.practice or stored.item.word_id != missed
            said.append(texts(await answer_current(chat, user, right)))
        chat.clock.advance(days=1)
    term = chat.db.execute("SELECT term FROM words WHERE id = ?", [missed]).fetchone()[0]
    return term, "\n".join(said)


async def test_a_right_practice_answer_is_not_counted_in_the_teachers_correct_n_of_m(
        chat: Chat) -> None:
    ana = chat.user(lang="so")
    await join_and_confirm(chat, ana, lang="so", level=1)
    term, said = await miss_one_word_twice_then_practise_it(chat, ana)
    assert "🔁" in said  # she was given "Practice again", and answered it right
    rivera = chat.user(TEACHER_ID, "Rivera", "es")  # a phone set to Spanish
    drill = texts(await chat.send(rivera, "/student Ana"))
    assert f"{term}: aciertos 0 de 2 en 2 días" in drill  # not "1 de 3"
    calls = await chat.send(rivera, "/report")
    document = next(c for c in calls if c.method == "sendDocument")
    rows = list(csv.DictReader(io.StringIO(next(iter(document.files.values()))
                                           .decode("utf-8-sig"))))
    row = next(r for r in rows if r["word"] == term)
    assert (row["attempts"], row["correct"], row["status"]) == ("2", "0", "needs help")
    assert f"{term}: aciertos 0 de 2 en 2 días" in texts(calls)  # the hardest word


async def test_practice_answers_are_kept_marked_as_practice(chat: Chat) -> None:
    ana = chat.user(lang="so")
    await join_and_confirm(chat, ana, lang="so", level=1)
    await miss_one_word_twice_then_practise_it(chat, ana)
    first_day = chat.db.execute("SELECT min(answered_at) FROM attempts").fetchone()[0][:10]
    practice = chat.db.execute("SELECT correct, answered_at LIKE ? || '%' FROM attempts "
                               "WHERE practice = 1", [first_day]).fetchall()
    items = chat.db.execute("SELECT count(*) FROM check_items WHERE practice = 1").fetchone()[0]
    # the "Practice again" answers, right answers found by ruling out every other option
    # (a level-1 check's last words: bot/domain/evidence.py), and every answer on the day the
    # cards were read are practice; a miss on a later day never is
    assert (0, 1) in practice and (1, 0) in practice and (0, 0) not in practice
    assert items >= 1
