"""A teacher's ✅ counts one answer, not the class's from then on (teacher playtest: forgiving
Mei's "banana" for prey taught two other children "banana" is right, and mastered a guesser's
word): accepting the text for the class is a second, explicit choice, offered only where it
makes sense, listed under /report with ↩️ to withdraw it, and every answer it makes right is
marked as a teacher's acceptance in /student and the CSV."""

from __future__ import annotations

from typing import Any

from bot.config import Config
from bot.presentation import callbacks
from bot.services import membership
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

ANA, BO = 1001, 1002
SYNONYM = "natural home"  # a right answer to "habitat" that no list knows


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def count_button(attempt_id: int) -> str:
    return callbacks.data(callbacks.OVERRULE, attempt_id)


async def ana_and_bo(chat: Chat) -> None:
    """Ana and Bo, classmates at level 4 (Spanish)."""
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"), lang="es", level=4)
    await join_and_confirm(chat, chat.user(BO, "Bo", "es"), lang="es", level=4)


async def typed(chat: Chat, student_id: int, text: str, term: str = "habitat") -> str:
    """The student types `text` for `term`; what Puente answers."""
    ask_typed(chat, "science.ecosystems", term, "es", user_id=student_id)
    chat.clock.advance(minutes=5)
    name = "Ana" if student_id == ANA else "Bo"
    return texts(await chat.send(chat.user(student_id, name, "es"), text))


def last_answer(chat: Chat) -> int:
    return int(chat.db.execute("SELECT max(id) FROM attempts").fetchone()[0])


async def test_count_as_right_counts_that_one_answer_and_nobody_elses(chat: Chat) -> None:
    await ana_and_bo(chat)
    assert "✅" not in await typed(chat, ANA, "banana", "prey")
    answer = last_answer(chat)
    asked = await chat.tap(teacher(chat), count_button(answer))
    assert ("✅ Count this answer", count_button(answer) + ":yes") in buttons(asked)
    assert "counts this one answer only" in texts(asked)
    done = texts(await chat.tap(teacher(chat), count_button(answer) + ":yes"))
    assert "This answer only: the class does not accept “banana”" in done
    assert "From now on" not in done
    assert "✅" not in await typed(chat, BO, "banana", "prey")  # a classmate: still a miss
    assert "✅" not in await typed(chat, ANA, "banana", "prey")  # and Ana next time
    assert chat.db.execute("SELECT count(*) FROM accepted_answers").fetchone()[0] == 0


async def test_the_class_accepts_the_text_only_on_the_explicit_second_choice(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    answer = last_answer(chat)
    asked = await chat.tap(teacher(chat), count_button(answer))
    also = (f"✅ Also accept “{SYNONYM}” for habitat in Science 7B", count_button(answer) + ":all")
    assert also in buttons(asked)
    assert "for every student of Science 7B from now on" in texts(asked)
    done = texts(await chat.tap(teacher(chat), count_button(answer) + ":all"))
    assert f"From now on “{SYNONYM}” counts for <b>habitat</b> for everyone in Science 7B" in done
    assert "✅" in await typed(chat, BO, SYNONYM)
    # Bo's right answer is the teacher's judgement, and says so wherever his evidence shows
    assert "✅ 1× an answer a teacher accepted" in texts(
        await chat.send(teacher(chat), "/student Bo"))
    rows = {(r["student"].split(" #")[0], r["word"]): r
            for r in csv_rows(await chat.send(teacher(chat), "/report"))}
    assert (rows["Bo", "habitat"]["correct"], rows["Bo", "habitat"]["accepted_by_teacher"],
            rows["Bo", "habitat"]["counted_by_teacher"]) == ("1", "1", "0")
    assert (rows["Ana", "habitat"]["accepted_by_teacher"],
            rows["Ana", "habitat"]["counted_by_teacher"]) == ("0", "1")


async def test_another_pack_word_is_never_offered_nor_accepted_for_the_class(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, "producer")  # another word of the pack, for habitat
    answer = last_answer(chat)
    asked = await chat.tap(teacher(chat), count_button(answer))
    assert not any(d.endswith(":all") for _, d in buttons(asked))
    assert "every student" not in texts(asked)
    # button data is forgeable: a forged :all counts the one answer, and accepts nothing
    done = texts(await chat.process(chat.factory.tap(teacher(chat),
                                                     count_button(answer) + ":all")))
    assert "This answer only" in done
    assert chat.db.execute("SELECT count(*) FROM accepted_answers").fetchone()[0] == 0
    assert "✅" not in await typed(chat, BO, "producer")


async def test_report_lists_the_class_acceptances_and_one_tap_withdraws_one(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    answer = last_answer(chat)
    await chat.tap(teacher(chat), count_button(answer) + ":all")
    report = await chat.send(teacher(chat), "/report")
    assert f"1. <b>habitat</b>: “{SYNONYM}”" in texts(report)
    (withdraw,) = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    two_classes(chat.db, chat.clock())
    forged = await chat.process(chat.factory.tap(okafor, withdraw))  # not Okafor's class
    assert "Nothing changed" in texts(forged)
    assert "✅" in await typed(chat, BO, SYNONYM)
    done = texts(await chat.tap(teacher(chat), withdraw))
    assert f"“{SYNONYM}” is no longer accepted for <b>habitat</b> in <b>Science 7B</b>" in done
    assert "✅" not in await typed(chat, BO, SYNONYM)
    assert "habitat</b>: “" not in texts(await chat.send(teacher(chat), "/report"))


async def test_student_says_how_many_typed_misses_there_are_and_more_shows_the_rest(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    for n in range(11):
        await typed(chat, ANA, f"wrong answer {n}")
    shown = await chat.send(teacher(chat), "/student Ana")
    assert "1–8 of 11, newest first." in texts(shown)
    assert "wrong answer 2" not in texts(shown)
    (more,) = [d for label, d in buttons(shown) if label == "More: 3 older"]
    rest = await chat.tap(teacher(chat), more)
    assert "9–11 of 11, newest first." in texts(rest)
    assert "wrong answer 0" in texts(rest) and "wrong answer 10" not in texts(rest)
    assert ("✅ Count as right: 11. habitat", count_button(last_answer(chat) - 10)) in \
        buttons(rest)
    assert not any(label.startswith("More") for label, _ in buttons(rest))
    # the More button's data is forgeable: another teacher's tap shows nothing of Ana's
    two_classes(chat.db, chat.clock())
    forged = await chat.process(chat.factory.tap(chat.user(MATH_TEACHER_ID, "Okafor", "en"),
                                                 more))
    assert "wrong answer" not in texts(forged)


async def test_a_long_list_of_accepted_answers_comes_in_messages_telegram_takes(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, "habitat")  # a word given: the class has a report
    class_id, word_id = chat.db.execute(
        "SELECT c.id, w.id FROM classes c JOIN words w ON w.pack_id = 'science.ecosystems' "
        "WHERE w.term = 'habitat'").fetchone()
    for n in range(12):  # each up to 200 characters: one message would pass 4,096
        chat.db.execute("INSERT INTO accepted_answers VALUES (?, ?, ?, ?)",
                        [class_id, word_id, f"{n:02d} " + "x" * 190, "2026-09-14T12:00:00+00:00"])
    report = await chat.send(teacher(chat), "/report")
    lists = [c for c in report if "<b>habitat</b>: “" in (c.text or "")]
    assert len(lists) == 2 and all(len(c.text or "") < 4096 for c in lists)
    withdraw = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    assert len(withdraw) == 12
    assert "12. <b>habitat</b>: “11 " in (lists[1].text or "")


async def test_withdrawing_an_acceptance_makes_the_answers_it_made_right_misses_again(
        chat: Chat) -> None:
    """A teacher withdraws "natural home" for habitat: it was too loose. Bo's answer, right
    only because of it, stayed right and kept his word's progress (playtest). It is a miss
    again, as Puente graded it, and /student lists it among his typed misses, a ✅ away from
    counting; Ana's answer, counted one by one, stays right. Bo is not told."""
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    await chat.tap(teacher(chat), count_button(last_answer(chat)) + ":all")
    assert "✅" in await typed(chat, BO, SYNONYM)
    bos = last_answer(chat)
    before = texts(await chat.send(teacher(chat), "/student Bo"))
    assert f"“{SYNONYM}”" not in before  # right by the acceptance: no miss to list
    report = await chat.send(teacher(chat), "/report")
    assert "its answers of the last 14 days, right only because of it, become misses again" \
        in texts(report)
    (withdraw,) = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    await chat.deliver()
    chat.clock.advance(minutes=5)
    done = texts(await chat.tap(teacher(chat), withdraw))
    assert "right only because of it, misses again as Puente graded them: 1. Students are " \
        "not told" in done
    assert chat.db.execute("SELECT correct FROM attempts WHERE id = ?", [bos]).fetchone()[0] == 0
    assert tuple(chat.db.execute("SELECT correct, misses_in_row FROM mastery WHERE "
                                 "student_id = ?", [BO]).fetchone()) == (0, 1)
    rows = {(r["student"].split(" #")[0], r["word"]): r
            for r in csv_rows(await chat.send(teacher(chat), "/report"))}
    assert (rows["Bo", "habitat"]["correct"], rows["Bo", "habitat"]["accepted_by_teacher"]) \
        == ("0", "0")
    assert (rows["Ana", "habitat"]["correct"], rows["Ana", "habitat"]["counted_by_teacher"]) \
        == ("1", "1")
    after = await chat.send(teacher(chat), "/student Bo")
    assert f"<b>habitat</b>: “{SYNONYM}”" in texts(after)
    assert count_button(bos) in [d for _, d in buttons(after)]
    chat.clock.advance(minutes=5)
    assert [c for c in await chat.deliver() if c.chat_id == BO] == []  # nobody told


async def test_every_answer_it_made_right_is_a_miss_again_and_the_word_folded_from_the_first(
        chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    await chat.tap(teacher(chat), count_button(last_answer(chat)) + ":all")
    for _ in range(2):  # two days right by the acceptance, then a right answer of his own
        chat.clock.advance(days=1)
        assert "✅" in await typed(chat, BO, SYNONYM)
    chat.clock.advance(days=1)
    assert "✅" in await typed(chat, BO, "habitat")
    report = await chat.send(teacher(chat), "/report")
    (withdraw,) = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    assert "misses again as Puente graded them: 2." in texts(await chat.tap(teacher(chat),
                                                                             withdraw))
    assert [r[0] for r in chat.db.execute("SELECT correct FROM attempts WHERE student_id = ? "
                                          "ORDER BY id", [BO])] == [0, 0, 1]
    # folded again from the first: two misses, then one right answer (no miss in a row now)
    assert tuple(chat.db.execute("SELECT attempts, correct, misses_in_row FROM mastery "
                                 "WHERE student_id = ?", [BO]).fetchone()) == (3, 1, 0)
    assert "accepted" not in texts(await chat.send(teacher(chat), "/student Bo"))


async def test_withdrawing_tells_the_teacher_how_many_older_answers_stay_right(
        chat: Chat) -> None:
    """Bo was right by the acceptance three weeks ago (its text erased after 14 days) and
    again last week: the recent answer is a miss again, the old one cannot be graded again
    and stays right. "Misses again: 1" alone read as every answer it made right."""
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    await chat.tap(teacher(chat), count_button(last_answer(chat)) + ":all")
    assert "✅" in await typed(chat, BO, SYNONYM)
    old = last_answer(chat)
    chat.clock.advance(days=20)
    assert "✅" in await typed(chat, BO, SYNONYM)
    membership.purge_old(chat.db, Config(), chat.clock())  # the old answer's text erased
    report = await chat.send(teacher(chat), "/report")
    (withdraw,) = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    await chat.deliver()
    chat.clock.advance(minutes=5)
    done = texts(await chat.tap(teacher(chat), withdraw))
    assert "misses again as Puente graded them: 1." in done
    assert ("⚠️ Older answers to <b>habitat</b>, right by an accepted answer more than 14 days "
            "ago, stay right: their text is no longer kept, so Puente cannot grade them "
            "again: 1.") in done
    assert chat.db.execute("SELECT correct FROM attempts WHERE id = ?", [old]).fetchone()[0] == 1
    # where the teacher finds it: still marked as the teacher's acceptance
    assert "✅ 1× an answer a teacher accepted" in texts(
        await chat.send(teacher(chat), "/student Bo"))


async def test_a_withdrawal_with_no_older_answers_says_nothing_of_them(chat: Chat) -> None:
    await ana_and_bo(chat)
    await typed(chat, ANA, SYNONYM)
    await chat.tap(teacher(chat), count_button(last_answer(chat)) + ":all")
    assert "✅" in await typed(chat, BO, SYNONYM)
    report = await chat.send(teacher(chat), "/report")
    (withdraw,) = [d for _, d in buttons(report) if d.startswith(f"{callbacks.WITHDRAW}:")]
    done = texts(await chat.tap(teacher(chat), withdraw))
    assert "misses again as Puente graded them: 1." in done and "Older answers" not in done
