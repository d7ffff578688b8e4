"""A teacher counts a typed answer Puente marked wrong as right, from /student: the student
is told in their language, the word's mastery is worked out again, the class accepts the
answer next time, and nothing else can change it (docs/typed-grading.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.config import Config
from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.services import membership, records
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    ask_typed,
    buttons,
    csv_rows,
    join_and_confirm,
    texts,
    two_classes,
)

ANA, BO, DIAZ = 1001, 1002, 9050
SYNONYM = "natural home"  # a right answer to "habitat" that no list knows


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def attempts(chat: Chat, student_id: int = ANA) -> list[tuple[int, str | None, str | None]]:
    """The student's answers: (correct, the typed text kept, when a teacher counted it)."""
    return [(r[0], r[1], r[2]) for r in chat.db.execute(
        "SELECT correct, typed, overruled_at FROM attempts WHERE student_id = ? ORDER BY id",
        [student_id])]


async def a_typed_miss(chat: Chat, typed: str = SYNONYM, lang: str = "es") -> int:
    """Ana (level 4) types `typed` for "habitat", marked wrong; the answer's id."""
    ana = chat.user(ANA, "Ana", lang)
    await join_and_confirm(chat, ana, lang=lang, level=4)
    ask_typed(chat, "science.ecosystems", "habitat", lang)
    assert "✅" not in texts(await chat.send(ana, typed))
    return int(chat.db.execute("SELECT max(id) FROM attempts").fetchone()[0])


def count_button(attempt_id: int) -> str:
    return callbacks.data(callbacks.OVERRULE, attempt_id)


async def co_teacher_joins(chat: Chat) -> None:
    """Ms. Diaz joins Science 7B with Ms. Rivera's /coteach code."""
    diaz = chat.user(DIAZ, "Diaz", "en")
    made = texts(await chat.send(teacher(chat), "/coteach"))
    await chat.send(diaz, "/teach " + made.split("/teach ")[1].split("<")[0].strip())


async def test_student_lists_a_typed_miss_and_a_confirmed_tap_counts_it_and_tells_the_student(
        chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    shown = await chat.send(teacher(chat), "/student Ana")
    assert f"<b>habitat</b>: “{SYNONYM}”" in texts(shown)
    assert ("✅ Count as right: 1. habitat", count_button(answer)) in buttons(shown)
    asked = await chat.tap(teacher(chat), count_button(answer))
    assert f"Count “{SYNONYM}” as right for <b>habitat</b>?" in texts(asked)
    assert attempts(chat) == [(0, SYNONYM, None)]  # nothing changes before the confirming tap
    done = await chat.tap(teacher(chat), count_button(answer) + ":yes")
    assert f"✅ Counted as right: “{SYNONYM}” for <b>habitat</b> (Ana)" in texts(done)
    ((correct, _, counted),) = attempts(chat)
    assert correct == 1 and counted is not None
    row = chat.db.execute("SELECT attempts, correct, misses_in_row FROM mastery "
                          "WHERE student_id = ?", [ANA]).fetchone()
    assert tuple(row) == (1, 1, 0)  # one answer, now right: no miss in a row
    assert [c for c in await chat.deliver() if c.chat_id == ANA] == []  # ↩️ Undo may come
    chat.clock.advance(minutes=3)
    note = [c.text for c in await chat.deliver() if c.chat_id == ANA]
    assert note == [f"Tu docente revisó tu respuesta «{SYNONYM}» (lun 14 de septiembre) para "
                    "<b>habitat</b>: cuenta como correcta ✅\nYour teacher checked your answer "
                    f"“{SYNONYM}” (Mon 14 Sep) for <b>habitat</b>: it counts as right ✅"
                    ]  # her language, then English, each naming the day she typed it
    again = await chat.send(teacher(chat), "/student Ana")
    assert "✅ counted as right by a teacher" in texts(again)
    assert not any(d.startswith(f"{callbacks.OVERRULE}:") for _, d in buttons(again))


async def test_a_note_read_days_later_names_the_word_and_the_day_she_typed_it(
        chat: Chat) -> None:
    """Counted on Thursday, an answer of Monday: "your answer" alone named no answer a child
    could find (playtest); the note says the word and Monday, in Somali and English."""
    answer = await a_typed_miss(chat, lang="so")
    chat.clock.advance(days=3)
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    chat.clock.advance(minutes=3)
    (note,) = [c.text for c in await chat.deliver() if c.chat_id == ANA]
    monday = {lang: chat.app.bot_data.services.catalog.day(lang, date(2026, 9, 14))
              for lang in ("so", "en")}
    own, english = note.split("\n")
    assert "<b>habitat</b>" in own and f"({monday['so']})" in own
    assert english == (f"Your teacher checked your answer “{SYNONYM}” ({monday['en']}) for "
                       "<b>habitat</b>: it counts as right ✅")
    assert monday["en"] == "Mon 14 Sep"


async def test_the_class_accepts_an_answer_next_time_for_that_word_when_asked_to(
        chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    await chat.tap(teacher(chat), count_button(answer) + ":all")
    ask_typed(chat, "science.ecosystems", "habitat", "es")
    chat.clock.advance(minutes=5)
    assert "✅" in texts(await chat.send(chat.user(ANA, "Ana", "es"), "Natural  Home."))
    assert [a[0] for a in attempts(chat)] == [1, 1]
    ask_typed(chat, "science.ecosystems", "producer", "es")  # another word: still a miss
    chat.clock.advance(minutes=5)
    texts(await chat.send(chat.user(ANA, "Ana", "es"), SYNONYM))
    assert [a[0] for a in attempts(chat)] == [1, 1, 0]


async def test_counting_a_miss_right_leaves_mastery_as_if_it_had_been_graded_right(
        chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    bo = chat.user(BO, "Bo", "es")
    await join_and_confirm(chat, bo, level=4)
    ask_typed(chat, "science.ecosystems", "habitat", "es", user_id=BO)
    assert "✅" in texts(await chat.send(bo, "habitat"))
    for day in (2, 4):  # both answer the word right on two later days
        chat.clock.advance(days=day)
        for student_id, user in ((ANA, chat.user(ANA, "Ana", "es")), (BO, bo)):
            ask_typed(chat, "science.ecosystems", "habitat", "es", user_id=student_id)
            await chat.send(user, "habitat")
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    columns = "p_known, successes, misses_in_row, success_days, attempts, correct, luck"
    ana, bo_row = (tuple(chat.db.execute(f"SELECT {columns} FROM mastery WHERE student_id = ?",
                                         [s]).fetchone()) for s in (ANA, BO))
    assert ana == bo_row


async def test_a_teacher_of_another_class_or_a_second_tap_changes_nothing(chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    two_classes(chat.db, chat.clock())
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    # button data is forgeable: a tap on a message that shows the button, sent by anyone
    forged = await chat.process(chat.factory.tap(okafor, count_button(answer) + ":yes"))
    assert "can no longer be counted" in texts(forged)
    assert attempts(chat)[0][0] == 0
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    again = await chat.process(chat.factory.tap(teacher(chat), count_button(answer) + ":yes"))
    assert "already counts as right" in texts(again)
    assert chat.db.execute("SELECT correct FROM mastery WHERE student_id = ?",
                           [ANA]).fetchone()[0] == 1  # counted once
    chat.clock.advance(minutes=3)
    assert len([c for c in await chat.deliver() if c.chat_id == ANA]) == 1  # told once


async def test_what_the_student_typed_is_escaped_everywhere_a_teacher_reads_it(
        chat: Chat) -> None:
    answer = await a_typed_miss(chat, "home <b>&</b>")
    shown = texts(await chat.send(teacher(chat), "/student Ana"))
    assert "“home &lt;b&gt;&amp;&lt;/b&gt;”" in shown
    done = texts(await chat.tap(teacher(chat), count_button(answer) + ":yes"))
    assert "&lt;b&gt;" in done and "<b>&</b>" not in done


async def test_the_typed_text_is_erased_after_fourteen_days_and_with_deleteme(
        chat: Chat) -> None:
    await a_typed_miss(chat)
    chat.clock.advance(days=13)
    membership.purge_old(chat.db, Config(), chat.clock())
    assert attempts(chat)[0][1] == SYNONYM  # kept while a teacher may count it
    chat.clock.advance(days=2)
    assert membership.purge_old(chat.db, Config(), chat.clock()).typed == 1
    assert attempts(chat) == [(0, None, None)]  # the answer stays, its text is gone
    assert "natural" not in texts(await chat.send(teacher(chat), "/student Ana"))


async def test_deleteme_leaves_no_typed_text_behind(chat: Chat) -> None:
    await a_typed_miss(chat)
    ana = chat.user(ANA, "Ana", "es")
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, "dl:yes")
    assert chat.db.execute("SELECT count(*) FROM attempts WHERE typed IS NOT NULL "
                           "OR before IS NOT NULL").fetchone()[0] == 0


async def test_the_class_co_teacher_is_told_who_counted_what(chat: Chat) -> None:
    await co_teacher_joins(chat)
    answer = await a_typed_miss(chat)
    await chat.deliver()
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    chat.clock.advance(minutes=3)
    told = [c.text or "" for c in await chat.deliver() if c.chat_id == DIAZ]
    assert told == [f"👥 Ms. Rivera counted “{SYNONYM}” as right for Ana's word "
                    "<b>habitat</b> in <b>Science 7B</b>."]


async def test_the_co_teacher_is_told_when_the_class_accepts_the_answer_from_now_on(
        chat: Chat) -> None:
    await co_teacher_joins(chat)
    answer = await a_typed_miss(chat)
    await chat.deliver()
    await chat.tap(teacher(chat), count_button(answer) + ":all")
    chat.clock.advance(minutes=3)
    (told,) = [c.text or "" for c in await chat.deliver() if c.chat_id == DIAZ]
    assert "accepts it for everyone in the class from now on" in told


async def test_keep_it_changes_nothing(chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    await chat.tap(teacher(chat), count_button(answer))
    kept = await chat.tap(teacher(chat), f"{callbacks.OVERRULE}:no")
    assert "Nothing changed." in texts(kept)
    assert attempts(chat)[0][0] == 0


async def test_the_teachers_decision_shows_in_student_the_csv_and_the_records_export(
        chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    assert "✅ 1× counted right by a teacher" in texts(await chat.send(teacher(chat),
                                                                      "/student Ana"))
    (row,) = [r for r in csv_rows(await chat.send(teacher(chat), "/report"))
              if r["word"] == "habitat"]
    assert (row["correct"], row["counted_by_teacher"]) == ("1", "1")
    (kept,) = records.export(chat.db, ANA)["attempts"]
    assert kept["overruled_at"] is not None and kept["correct"] == 1


async def test_undo_on_the_same_screen_takes_the_count_back_and_nobody_is_told(
        chat: Chat) -> None:
    await co_teacher_joins(chat)
    answer = await a_typed_miss(chat)
    await chat.deliver()
    columns = "p_known, card, due_at, successes, misses_in_row, attempts, correct, practised"
    before = chat.db.execute(f"SELECT {columns} FROM mastery WHERE student_id = ?",
                             [ANA]).fetchone()
    done = await chat.tap(teacher(chat), count_button(answer) + ":all")
    undo = count_button(answer) + ":undo"
    assert ("↩️ Undo", undo) in buttons(done)
    chat.clock.advance(minutes=1)
    undone = await chat.tap(teacher(chat), undo)
    assert f"↩️ Undone: “{SYNONYM}” for <b>habitat</b> (Ana) is a miss again" in texts(undone)
    assert attempts(chat) == [(0, SYNONYM, None)]
    assert chat.db.execute(f"SELECT {columns} FROM mastery WHERE student_id = ?",
                           [ANA]).fetchone() == before
    chat.clock.advance(minutes=5)
    assert [c for c in await chat.deliver() if c.chat_id in (ANA, DIAZ)] == []
    ask_typed(chat, "science.ecosystems", "habitat", "es")  # no longer accepted in the class
    assert "✅" not in texts(await chat.send(chat.user(ANA, "Ana", "es"), SYNONYM))
    again = await chat.send(teacher(chat), "/student Ana")  # it may be counted again
    assert ("✅ Count as right: 2. habitat", count_button(answer)) in buttons(again)


async def test_undo_after_the_student_was_told_changes_nothing(chat: Chat) -> None:
    answer = await a_typed_miss(chat)
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    chat.clock.advance(minutes=3)
    await chat.deliver()
    late = await chat.tap(teacher(chat), count_button(answer) + ":undo")
    assert "too late to undo" in texts(late)
    assert attempts(chat)[0][0] == 1


def word_line(shown: list[Any], term: str) -> str:
    """/student's line of one word."""
    return next(line for line in texts(shown).splitlines() if f" {term}: " in line)


async def test_counting_a_miss_just_after_a_wrong_tap_showed_its_meaning_keeps_the_total(
        chat: Chat) -> None:
    # Re-playtest: Mei tapped "prey" for predator ("Your answer, prey, means presa"), then
    # typed a miss of prey; counted right, "correct 3 of 8" became "3 of 7": the count took
    # the answer out of every total, as a live right answer after that screen is practice
    ana = chat.user(ANA, "Ana", "es")
    await join_and_confirm(chat, ana, lang="es", level=4)
    ask_typed(chat, "science.ecosystems", "prey", "es")
    assert "✅" in texts(await chat.send(ana, "prey"))
    chat.clock.advance(days=1)
    words = {w.word.term: w for w in pack_words(chat.db, "science.ecosystems")}
    options = ("prey", "predator", "producer", "consumer", "habitat")
    tap, _typed = check_items.save_items(chat.db, ANA, "es", [
        Item(words["predator"].id, ItemType.REVERSE, words["predator"].word.definition,
             options, "predator"),
        Item(words["prey"].id, ItemType.TYPED, words["prey"].word.definition, (), "prey")],
        chat.clock())
    shown = texts(await chat.tap(ana, callbacks.data(callbacks.ANSWER, tap, 0)))  # "prey"
    assert "<b>prey</b>, significa" in shown  # its meaning on screen
    chat.clock.advance(minutes=1)
    assert "✅" not in texts(await chat.send(ana, "hunted one"))
    answer = int(chat.db.execute("SELECT max(id) FROM attempts").fetchone()[0])
    before = word_line(await chat.send(teacher(chat), "/student Ana"), "prey")
    assert "correct 1 of 2 over 2 days" in before
    await chat.tap(teacher(chat), count_button(answer) + ":yes")
    after = word_line(await chat.send(teacher(chat), "/student Ana"), "prey")
    assert "correct 2 of 2 over 2 days" in after and "✅ 1× counted right" in after
    row = chat.db.execute("SELECT attempts - practised, correct - practised_right FROM mastery "
                          "WHERE student_id = ? AND word_id = ?",
                          [ANA, words["prey"].id]).fetchone()
    assert tuple(row) == (2, 2)  # correct gains one, the total stays
    undone = await chat.tap(teacher(chat), count_button(answer) + ":undo")
    assert "↩️ Undone" in texts(undone)
    assert word_line(await chat.send(teacher(chat), "/student Ana"), "prey") == before
