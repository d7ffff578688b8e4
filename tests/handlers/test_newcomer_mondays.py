"""A Haitian Creole newcomer at level 2 (playtest 16's Widlene): a Monday after the weekend is
not all writing, and "food web", among English words she reads as Creole, is asked so that her
right answer counts (bot/domain/check_plan.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from bot.domain.checks import Item
from bot.services import learners
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, answer_current, join_and_confirm, texts

FRIDAY = "2026-09-11"  # the clock starts on Monday 14 September 2026, in school hours
MORE = ("🎉 Bravo! Ou vle plis? /check\n"
        "🎉 Well done! Want more? /check")  # more words ready, at level 2


async def widlene(chat: Chat) -> tuple[dict, dict[str, int]]:
    """A level-2 Creole student who read every ecosystem card but "nutrient" and "extinct" a
    week ago, and answered each word right on Friday: all still learning (so no new card
    unlocks), due later this week."""
    user = chat.user(1001, "Widlene", lang="fr")
    await join_and_confirm(chat, user, lang="ht", level=2)
    words = [w for w in pack_words(chat.db, "science.ecosystems")
             if w.word.term not in ("nutrient", "extinct")]
    week_ago = chat.clock() - timedelta(days=7)
    learners.introduce(chat.db, learners.learner(chat.db, 1001), words, week_ago)
    learners.cards_shown(chat.db, 1001, [w.id for w in words], week_ago)
    ids = {w.word.term: w.id for w in words}
    for term in ids:
        answered(chat, ids[term], (FRIDAY,), due=timedelta(days=3))
    return user, ids


def answered(chat: Chat, word_id: int, right_on: tuple[str, ...], due: timedelta,
             at: timedelta = timedelta(days=3)) -> None:
    """The word was last answered right `at` ago, right on the days `right_on` (two: in
    review), and is due `due` from now."""
    now = chat.clock()
    state = study.get_mastery(chat.db, 1001, word_id)
    assert state is not None
    study.save_mastery(chat.db, 1001, word_id, replace(
        state, success_days=frozenset(right_on), successes=len(right_on), p_known=0.7,
        due_at=now + due, first_correct_at=now - timedelta(days=10)), now - at, answered=True)


async def check(chat: Chat, user: dict) -> tuple[list[Item], str]:
    """/check, every question answered right: the numbered questions in order, and all said."""
    said = [texts(await chat.send(user, "/check"))]
    asked = []
    while (stored := check_items.next_open_item(chat.db, 1001)) is not None:
        if not stored.practice:
            asked.append(stored.item)
        said.append(texts(await answer_current(chat, user, True)))
    return asked, "\n".join(said)


def written_in_a_row(asked: list[Item]) -> bool:
    return any(a.typed and b.typed for a, b in pairwise(asked))


async def test_a_monday_check_asks_at_most_two_words_to_write_never_two_in_a_row(
        chat: Chat) -> None:
    user, ids = await widlene(chat)
    reviews = ("ecosystem", "organism", "habitat", "population", "community")
    for term in reviews:  # cognates: a deciding review is written, all five due today
        answered(chat, ids[term], ("2026-09-03", "2026-09-04"), due=-timedelta(hours=1))
    for term in ("producer", "consumer", "decomposer"):  # still learning: right on Friday
        answered(chat, ids[term], (FRIDAY,), due=-timedelta(hours=1))
    asked, said = await check(chat, user)
    assert len(asked) == 5 and sum(i.typed for i in asked) == 2
    assert not written_in_a_row(asked)
    assert said.endswith(MORE)  # the three that wait are ready: offered, not owed
    waiting = {ids[t] for t in reviews} - {i.word_id for i in asked}
    # Asked again the same day, they come first; nothing is left to tap between them now
    again, said = await check(chat, user)
    assert [i.word_id for i in again][:2] == sorted(waiting)[:2] and again[0].typed
    assert len(again) == 2 and "you write only a few words in one check" in said
    assert "only a few words are ready" not in said
    assert said.endswith(MORE)


async def test_food_web_among_cognates_is_asked_so_her_right_answer_counts(
        chat: Chat) -> None:
    user, ids = await widlene(chat)
    for term in ("prey", "food chain"):  # answered this morning: she can rule them out
        answered(chat, ids[term], (FRIDAY,), due=timedelta(days=1), at=timedelta(hours=2))
    for term in ("food web", "producer", "consumer", "community"):
        answered(chat, ids[term], (FRIDAY,), due=-timedelta(hours=1))
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    assert "food web: correct 2 of 2" in texts(await chat.send(rivera, "/student Widlene"))
    asked, _ = await check(chat, user)
    teacher = texts(await chat.send(rivera, "/student Widlene"))
    line = next(row for row in teacher.splitlines() if "food web:" in row)
    assert "correct 3 of 3" in line and "reviewing" in line  # right Friday and today: on
    # Every other word of hers reads as Creole or was answered today: a tap on "food web"
    # would be right by elimination, so she writes it (its letters and 🤷 come with it)
    food_web = next(i for i in asked if i.word_id == ids["food web"])
    assert food_web.typed and sum(i.typed for i in asked) <= 2 and not written_in_a_row(asked)



def counts(teacher: str) -> dict[str, int]:
    """Right answers her teacher sees counted, by word (/student's "prey: correct 3 of 3")."""
    return {found[1]: int(found[2]) for found in re.finditer(
        r"^\S+ ([a-z ]+): correct (\d+) of \d+", teacher, re.MULTILINE)}


async def test_every_tap_she_answers_right_counts_for_her_teacher_when_writing_is_spent(
        chat: Chat) -> None:
    """Playtest 17 (Wednesday): two cognates to write, then prey, food web and food chain, the
    only words she does not read as Creole, each the others' one live option. Asked last in
    the same check, the third was right by elimination: "✅ Wi!" for her, practice for her
    teacher ("food chain: correct 2 of 2" after three right answers)."""
    user, ids = await widlene(chat)
    for term in ("habitat", "population"):  # deciding reviews, written (cognates)
        answered(chat, ids[term], ("2026-09-03", "2026-09-04"), due=-timedelta(hours=1))
    trio = ("prey", "food web", "food chain")
    for term in trio:
        answered(chat, ids[term], (FRIDAY,), due=-timedelta(hours=1))
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    before = counts(texts(await chat.send(rivera, "/student Widlene")))
    asked, said = await check(chat, user)
    assert sum(i.typed for i in asked) == 2
    after = counts(texts(await chat.send(rivera, "/student Widlene")))
    terms = {i: t for t, i in ids.items()}
    # each right answer she gave counts, taps as well as the words she wrote
    assert {t: after[t] - before[t] for t in before if after[t] != before[t]} == {
        terms[i.word_id]: 1 for i in asked}
    # The word that waited is asked in her next check, written, and counts
    assert "Want more? /check" in said  # one word waits ("Well done! Want more?", levels 1-2)
    (last,), _ = await check(chat, user)
    assert last.typed and terms[last.word_id] in trio
    final = counts(texts(await chat.send(rivera, "/student Widlene")))
    assert all(final[t] == before[t] + 1 for t in trio)
