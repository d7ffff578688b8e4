"""At levels 1-2, /report and /student count a student's answers by kind of question, and a
kind the next level asks, mostly missed, keeps her off "✅ On track" (playtest: Hodan, level 2,
Somali, right on every choice from her own language's definition, 0 of 2 gap sentences, read
"✅ On track")."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.domain.answer_kinds import KIND_ANSWERS
from bot.domain.mastery import new_mastery, record_answer
from bot.domain.scaffold import ItemType
from bot.presentation.views import plain_text
from bot.store import study
from bot.store.clock import stamp
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, join_and_confirm

HODAN = 1002
R, W = True, False


def answered(chat: Chat, student_id: int, word_id: int, item_type: ItemType,
             answers: list[bool]) -> None:
    """Answers of one kind a day apart from START (right or wrong), as the store keeps them."""
    state = study.get_mastery(chat.db, student_id, word_id) or new_mastery(word_id, START)
    for day, right in enumerate(answers):
        now = START + timedelta(days=day)
        state = record_answer(state, correct=right, exact=True, item_type=item_type,
                              typed=False, now=now, local_day=now.date().isoformat())
        study.save_mastery(chat.db, student_id, word_id, state, now, answered=right)
        study.record_attempt(chat.db, student_id, word_id, item_type, "so", right, now)


async def hodan_at(chat: Chat, level: int, gaps: list[bool] | None = None) -> None:
    """Hodan (Somali) at `level`: 4 of 4 choices right on two words, and one gap sentence each
    on two more words (both missed, unless `gaps` says otherwise)."""
    await join_and_confirm(chat, chat.user(HODAN, "Hodan", "so"), lang="so", level=level)
    words = [w.id for w in pack_words(chat.db, "science.ecosystems")]
    for word_id in words[:2]:
        answered(chat, HODAN, word_id, ItemType.CHOICE, [R, R])
    for word_id, right in zip(words[2:4], gaps or [W, W], strict=True):
        answered(chat, HODAN, word_id, ItemType.CLOZE, [right])
    chat.clock.now = START + timedelta(days=2)


async def teacher_reads(chat: Chat, command: str, lang: str = "en") -> str:
    """What the teacher reads after `command` (no tags), without charts and files."""
    teacher: dict[str, Any] = chat.user(TEACHER_ID, "Rivera", lang)
    calls = await chat.send(teacher, command)
    return "\n".join(plain_text(c.text) for c in calls if c.method == "sendMessage")


async def test_level_two_student_missing_gap_sentences_is_not_on_track(chat: Chat) -> None:
    await hodan_at(chat, 2)

    text = await teacher_reads(chat, "/report")
    assert "✅ On track: none" in text
    assert ("⚠️ Check, not on track yet: a kind of question the next level asks is mostly "
            "missed: Hodan (📝 gap sentences 0/2)") in text
    assert ("🔎 Levels 1-2, right by kind of question (counted answers among the latest "
            "100):\nHodan: 🔘 meaning 4/4 · ⚠️ 📝 gap sentences 0/2") in text

    student = await teacher_reads(chat, "/student Hodan")
    assert ("🔎 Right by kind of question (counted answers among the latest 100): 🔘 meaning "
            "4/4 · ⚠️ 📝 gap sentences 0/2") in student


async def test_the_lines_are_in_the_teachers_language(chat: Chat) -> None:
    await hodan_at(chat, 2)
    text = await teacher_reads(chat, "/report", lang="es")
    assert "Hodan (📝 oraciones con hueco 0/2)" in text
    assert "🔘 significado 4/4" in text


async def test_one_gap_sentence_right_of_two_is_too_little_to_say_mostly_missed(
        chat: Chat) -> None:
    """The bar is a word's "needs help": 2+ misses, at least half wrong."""
    await hodan_at(chat, 2, gaps=[R, W])
    text = await teacher_reads(chat, "/report")
    assert "✅ On track: Hodan" in text
    assert "⚠️ Check" not in text
    assert "Hodan: 🔘 meaning 4/4 · 📝 gap sentences 1/2" in text


async def test_listening_mostly_missed_at_level_two_is_shown_but_no_check(chat: Chat) -> None:
    """Level 3 asks no listening question: missed, it is shown, and she is still on track."""
    await hodan_at(chat, 2, gaps=[R, R])
    for word_id in [w.id for w in pack_words(chat.db, "science.ecosystems")][4:6]:
        answered(chat, HODAN, word_id, ItemType.LISTEN, [W])
    text = await teacher_reads(chat, "/report")
    assert "✅ On track: Hodan" in text
    assert "Hodan: 🔘 meaning 4/4 · 🔊 listening 0/2 · 📝 gap sentences 2/2" in text


async def test_a_level_four_student_shows_no_line_by_kind(chat: Chat) -> None:
    await hodan_at(chat, 4)
    text = await teacher_reads(chat, "/report")
    assert "🔎" not in text
    assert "⚠️ Check" not in text
    assert "✅ On track: Hodan" in text
    assert "🔎" not in await teacher_reads(chat, "/student Hodan")


async def test_an_odd_item_type_is_left_out(chat: Chat) -> None:
    """A row no check writes (an old type, a forged one) counts in no kind."""
    await hodan_at(chat, 2, gaps=[R, R])
    word_id = pack_words(chat.db, "science.ecosystems")[0].id
    for odd in ("hack", "CLOZE", "cloze "):
        chat.db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, "
                        "correct, answered_at) VALUES (?, ?, ?, 'so', 0, ?)",
                        [HODAN, word_id, odd, stamp(START)])
    text = await teacher_reads(chat, "/report")
    assert "Hodan: 🔘 meaning 4/4 · 📝 gap sentences 2/2\n" in f"{text}\n"
    assert "✅ On track: Hodan" in text


async def test_level_one_and_two_students_cost_one_query_for_the_class(chat: Chat) -> None:
    """The counts by kind are one grouped query for the class, not one per student."""
    await hodan_at(chat, 2)
    words = [w.id for w in pack_words(chat.db, "science.ecosystems")]

    async def statements() -> int:
        seen: list[str] = []
        chat.db.conn.set_trace_callback(seen.append)
        try:
            await teacher_reads(chat, "/report")
        finally:
            chat.db.conn.set_trace_callback(None)
        return len(seen)

    await statements()  # the first report's one-time lines
    small = await statements()
    for n in range(29):
        user_id = 2000 + n
        await join_and_confirm(chat, chat.user(user_id, f"S{n}", "so"), lang="so",
                               level=1 + n % 2)
        answered(chat, user_id, words[0], ItemType.REVERSE, [R, W])
    large = await statements()
    assert large == small
    assert "S28: 🔀 home-language word → English 1/2" in await teacher_reads(chat, "/report")


async def test_gap_sentences_missed_long_ago_stop_counting_after_her_latest_answers(
        chat: Chat) -> None:
    """The kinds count her latest KIND_ANSWERS answers: gap sentences she missed at first, a
    unit's worth of answers ago, no longer keep her off "On track"."""
    await hodan_at(chat, 2)
    word_id = pack_words(chat.db, "science.ecosystems")[0].id
    later = START + timedelta(days=3)
    chat.db.conn.executemany(
        "INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
        "answered_at) VALUES (?, ?, 'choice', 'so', 1, ?)",
        [(HODAN, word_id, stamp(later + timedelta(minutes=n))) for n in range(KIND_ANSWERS)])
    chat.clock.now = later + timedelta(days=1)
    text = await teacher_reads(chat, "/report")
    assert f"Hodan: 🔘 meaning {KIND_ANSWERS}/{KIND_ANSWERS}\n" in f"{text}\n"
    assert "⚠️ Check" not in text
