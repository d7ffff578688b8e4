"""/report's groups say what they mean and whom they are about (teacher playtests): whose
words an "On track" parenthesis counts, a guesser's lucky words, and a /report help that
explains every group."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import Catalog
from bot.presentation.views import plain_text
from bot.store import study
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, join_and_confirm

ANA, HODAN = 1001, 1002


def answered(chat: Chat, student_id: int, word_id: int, answers: str) -> None:
    """Choice answers a day apart from START ("W" wrong, "R" right), as the store keeps them."""
    state = study.get_mastery(chat.db, student_id, word_id) or new_mastery(word_id, START)
    for day, answer in enumerate(answers):
        now = START + timedelta(days=day)
        state = record_answer(state, correct=answer == "R", exact=True,
                              item_type=ItemType.CHOICE, typed=False, now=now,
                              local_day=now.date().isoformat())
        study.save_mastery(chat.db, student_id, word_id, state, now, answered=answer == "R")
        study.record_attempt(chat.db, student_id, word_id, ItemType.CHOICE, "so",
                             answer == "R", now)


async def report(chat: Chat, command: str = "/report") -> str:
    """The /report message as the teacher reads it (no tags), without its chart and files."""
    teacher: dict[str, Any] = chat.user(TEACHER_ID, "Rivera", "en")
    calls = await chat.send(teacher, command)
    return "\n".join(plain_text(c.text) for c in calls if c.method == "sendMessage")


async def test_on_track_names_whose_words_are_still_new(chat: Chat) -> None:
    """Playtest: "✅ On track: Ana, Hodan (2 words still new…)": whose 2 words?"""
    for user_id, name in ((ANA, "Ana"), (HODAN, "Hodan")):
        await join_and_confirm(chat, chat.user(user_id, name, "so"), lang="so", level=3)
    words = [w.id for w in pack_words(chat.db, "science.ecosystems")]
    for student in (ANA, HODAN):
        answered(chat, student, words[0], "RR")
    for word_id in words[1:3]:  # given to Hodan, cards not opened
        study.save_mastery(chat.db, HODAN, word_id, new_mastery(word_id, START), START)
    chat.clock.now = START + timedelta(days=2)
    assert "✅ On track: Ana, Hodan (words still new, not asked yet: Hodan 2)" in await report(
        chat)


async def test_a_guesser_right_on_two_lucky_days_is_stalled_not_on_track(chat: Chat) -> None:
    """Hodan missed a word on Monday, Tuesday and Wednesday and tapped it right on Thursday
    and Friday: right on two days, so in review by the schedule, but "correct 2 of 5", which
    /student and the CSV call learning. The stalled rule counted it as a word in review and
    /report said "✅ On track: Hodan". She is stalled, and the line says why it may look
    otherwise."""
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), lang="so", level=2)
    word = pack_words(chat.db, "science.ecosystems")[0].id
    answered(chat, HODAN, word, "WWWRR")  # Monday 14 to Friday 18 September
    chat.clock.now = START + timedelta(days=7)  # Monday 21

    text = await report(chat)
    assert ("🐢 Stalled (answered checks on 4+ school days, no word in review or mastered "
            "yet): Hodan (a word right on 2 days, but missed more often than right: maybe "
            "luck)") in text
    assert "✅ On track: none" in text


async def test_a_student_with_a_word_really_in_review_is_not_stalled(chat: Chat) -> None:
    """Two misses, then right on three days ("correct 3 of 5"): reviewing, moving on."""
    await join_and_confirm(chat, chat.user(ANA, "Ana", "so"), lang="so", level=2)
    word = pack_words(chat.db, "science.ecosystems")[0].id
    answered(chat, ANA, word, "WWRRR")
    chat.clock.now = START + timedelta(days=7)

    text = await report(chat)
    assert "🐢" not in text and "✅ On track: Ana" in text


GROUPS = ("✅", "🆘", "🧗", "🚫", "🆕", "🧩", "📖", "✏️", "⏱️", "🤔", "🐢", "💤")


async def test_report_help_says_what_each_group_means(chat: Chat) -> None:
    """Playtest: /report's help explained the mastered count, never what "🐢 Stalled", "💤
    Inactive" or "🧩" meant; /help did not say /report help exists."""
    await join_and_confirm(chat, chat.user(ANA, "Ana", "so"), lang="so", level=2)
    helped = await report(chat, "/report help")
    lines = helped.split("\n")
    assert "✅ On track: answering, and no line below applies" in lines
    assert ("🐢 Stalled: answered on 4+ school days, no word in review or mastered" in lines)
    assert "💤 Inactive: nothing for 3+ school days" in lines
    assert ("🧩 Opens checks but does not answer: comes, but may not know how to answer"
            in lines)
    assert all(any(line.startswith(group) for line in lines) for group in GROUPS)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    said = "\n".join(c.text for c in await chat.send(teacher, "/help") if c.text)
    assert "/report help - what each group of students means" in said


def test_every_language_explains_every_group(catalog: Catalog) -> None:
    for lang in catalog.languages:
        text = str(catalog.render("report-help-groups", lang, stalled_days=4, inactive_days=3))
        lines = [line.lstrip("\u200f") for line in text.split("\n")]  # RTL mark
        assert [g for g in GROUPS if not any(line.startswith(g) for line in lines)] == [], lang
        assert "4" in text and "3" in text, lang  # the rules' own numbers
