"""/report names the pairs of words most students mix up ("🔀 Mixed up: ecosystem ↔ habitat
(2 students)"), and /student a student's own pairs; a pair chosen as often as random tapping
would choose it is never named."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from bot.domain.checks import Item
from bot.domain.mastery import new_mastery
from bot.domain.scaffold import ItemType
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, csv_rows, enrol_student, texts

PACK = "science.ecosystems"


def taps(
    chat: Chat,
    student_id: int,
    asked: str,
    chosen: str,
    times: int,
    options: int = 6,
    right: int = 0,
) -> None:
    """`times` questions on `asked` (`options` options, `chosen` among them) answered with
    `chosen`, then `right` more answered right, each a day apart, ending an hour ago."""
    words = {w.word.term: w.id for w in pack_words(chat.db, PACK)}
    others = [t for t in words if t not in (asked, chosen)][: options - 2]
    shown = (asked, chosen, *others)
    now = chat.clock.now
    answers = [chosen] * times + [asked] * right
    for n, answer in enumerate(answers):
        at = now - timedelta(hours=1, days=len(answers) - n)
        item = Item(words[asked], ItemType.CHOICE, f"definition of {asked}", shown, asked)
        [item_id] = check_items.save_items(chat.db, student_id, "en", [item], at)
        wrong = answer != asked
        check_items.close_item(chat.db, item_id, not wrong, at, words[chosen] if wrong else None)


async def test_report_names_the_pair_two_students_mix_up(chat: Chat) -> None:
    for sid, name in ((1001, "Ana"), (1002, "Bao"), (1003, "Carlos")):
        enrol_student(chat.db, START, sid, name)
    taps(chat, 1001, "ecosystem", "habitat", 3)
    taps(chat, 1002, "habitat", "ecosystem", 3)
    taps(chat, 1003, "ecosystem", "habitat", 2)  # twice: not yet a mix-up
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    report = texts(await chat.send(rivera, "/report"))
    assert "🔀 Mixed up: ecosystem ↔ habitat (2 students)" in report
    assert "🔀 Mixed up: ecosystem ↔ habitat (×3)" in texts(
        await chat.send(rivera, "/student Ana")
    )
    assert "🔀" not in texts(await chat.send(rivera, "/student Carlos"))


async def test_a_pair_a_random_tapper_would_choose_as_often_is_not_named(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "Ana")
    taps(chat, 1001, "ecosystem", "habitat", 3, options=2)  # 1 chance in 8 by luck
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    assert "🔀" not in texts(await chat.send(rivera, "/report"))
    assert "🔀" not in texts(await chat.send(rivera, "/student Ana"))


async def test_the_report_line_is_in_the_teachers_language(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "Ana")
    taps(chat, 1001, "ecosystem", "habitat", 4)
    rivera = chat.user(TEACHER_ID, "Rivera", "es")
    assert "🔀 Confunden: ecosystem ↔ habitat (1 estudiante)" in texts(
        await chat.send(rivera, "/report")
    )


def met(chat: Chat, student_id: int, *terms: str) -> None:
    """The student has read these words' cards (so the main CSV has rows for them)."""
    words = {w.word.term: w.id for w in pack_words(chat.db, PACK)}
    for term in terms:
        study.save_mastery(chat.db, student_id, words[term],
                           new_mastery(words[term], START), START)
        study.mark_shown(chat.db, student_id, [words[term]], START)


async def test_report_sends_each_students_mixed_up_words_as_a_second_csv(chat: Chat) -> None:
    """A spreadsheet user reads which word each student picks for which, with her roster
    number, how often, and over how many questions offering both; the main CSV is unchanged."""
    for sid, name in ((1001, "Ana"), (1002, "Bao"), (1003, "Carlos")):
        enrol_student(chat.db, START, sid, name)
    taps(chat, 1001, "ecosystem", "habitat", 3)
    taps(chat, 1001, "predator", "prey", 4)
    taps(chat, 1002, "habitat", "ecosystem", 3)
    taps(chat, 1003, "ecosystem", "habitat", 2)  # twice: not yet a mix-up, no row
    for sid in (1001, 1002, 1003):
        met(chat, sid, "ecosystem", "habitat", "predator", "prey")

    calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/report")

    documents = [c for c in calls if c.method == "sendDocument"]
    assert [c.text for c in documents] == ["Science-7B-2026-09-14-mastery.csv",
                                          "Science-7B-2026-09-14-mixed-up.csv"]
    body = next(iter(documents[1].files.values())).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(r["student"], r["roster_no"], r["word"], r["mixed_up_with"], r["times_mixed_up"],
             r["questions_with_both"]) for r in rows] == [
        ("Ana", "1", "predator", "prey", "4", "4"),
        ("Ana", "1", "ecosystem", "habitat", "3", "3"),
        ("Bao", "2", "ecosystem", "habitat", "3", "3")]
    assert "mixed_up_with" not in csv_rows(calls)[0]  # the main CSV keeps its columns


async def test_no_mixed_up_csv_when_nobody_mixes_words_up(chat: Chat) -> None:
    enrol_student(chat.db, START, 1001, "Ana")
    taps(chat, 1001, "ecosystem", "habitat", 2)
    met(chat, 1001, "ecosystem", "habitat")
    calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/report")
    assert [c.text for c in calls if c.method == "sendDocument"] == [
        "Science-7B-2026-09-14-mastery.csv"]
