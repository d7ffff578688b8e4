"""The 🔇 "gone quiet" notes of one evening come as one message per teacher (playtest: four
separate messages at 16:00, one per student, read as four alarms), each student on a line of
their own in the same words; each silence is still told once, a student's deletion before it
goes takes the note (the others come the next evening), and after it takes nothing more."""

from __future__ import annotations

from tests.harness import TEACHER_ID, Chat, join_and_confirm, school_days

STUDENTS = ((1001, "Hodan", "so"), (1002, "Ana", "es"), (1003, "Wid", "so"), (1004, "Minh", "vi"))


async def evening(chat: Chat, day: int) -> list[str]:
    """Run the school's daily alert job on school day `day` at 16:00 New York and deliver:
    the messages to the teacher that carry a 🔇 line."""
    chat.clock.now = school_days(day + 1)[day].replace(hour=20)
    seen = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
    await chat.deliver()
    return [c.text for c in chat.api.calls[seen:] if c.chat_id == TEACHER_ID and "🔇" in c.text]


async def delete_data(chat: Chat, user_id: int) -> None:
    """The student deletes their Puente data (/deleteme, then yes)."""
    _, name, lang = next(s for s in STUDENTS if s[0] == user_id)
    student = chat.user(user_id, name, lang)
    await chat.send(student, "/deleteme")
    await chat.tap(student, "dl:yes")


async def four_quiet_students(chat: Chat) -> None:
    for user_id, name, lang in STUDENTS:
        await join_and_confirm(chat, chat.user(user_id, name, lang), lang=lang, level=2)


async def test_four_quiet_students_come_in_one_message_a_line_each_and_once(chat: Chat) -> None:
    await four_quiet_students(chat)
    told = [notes for day in range(6) if (notes := await evening(chat, day))]
    assert len(told) == 1 and len(told[0]) == 1  # one evening, one message
    lines = told[0][0].split("\n\n")
    assert [line.split()[1] for line in lines] == [name for _, name, _ in STUDENTS]
    assert all(line.startswith("🔇 ") and line.endswith("goes quiet again.)") for line in lines)
    assert lines[2] == lines[0].replace("Hodan", "Wid")  # the same words on every line


async def test_a_deleted_students_waiting_note_comes_again_for_the_others(chat: Chat) -> None:
    await four_quiet_students(chat)
    for day in range(6):  # booked, not delivered: make it wait as in quiet hours
        chat.clock.now = school_days(day + 1)[day].replace(hour=20)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        if chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'alert-advice'"
                           ).fetchone()[0]:
            break
    await delete_data(chat, 1002)  # Ana deletes her data before the note goes
    await chat.deliver()
    again = await evening(chat, day + 1)
    assert len(again) == 1 and "Ana" not in again[0]
    assert [line.split()[1] for line in again[0].split("\n\n")] == ["Hodan", "Wid", "Minh"]


async def test_a_deletion_after_the_note_went_tells_no_one_twice(chat: Chat) -> None:
    await four_quiet_students(chat)
    told = [day for day in range(6) if await evening(chat, day)]
    await delete_data(chat, 1002)
    assert chat.db.execute("SELECT count(*) FROM outbox, json_each(outbox.payload, "
                           "'$.student_ids') WHERE value = 1002").fetchone()[0] == 0  # gone
    assert [day for day in range(told[0] + 1, told[0] + 4) if await evening(chat, day)] == []


async def test_a_waiting_note_naming_a_removed_student_waits_for_the_next_evening(
        chat: Chat) -> None:
    """Her name must not reach a teacher she has left; the others are told the next evening."""
    await four_quiet_students(chat)
    for day in range(6):
        chat.clock.now = school_days(day + 1)[day].replace(hour=20)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        if chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'alert-advice'"
                           ).fetchone()[0]:
            break
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    asked = await chat.send(teacher, "/remove Wid")
    await chat.tap(teacher, next(d for c in asked for _, d in c.buttons
                                 if d.startswith("rm:") and d != "rm:no"))
    delivered = await chat.deliver()
    assert not [c for c in delivered if c.chat_id == TEACHER_ID and "🔇" in c.text]
    again = await evening(chat, day + 1)
    assert [line.split()[1] for line in again[0].split("\n\n")] == ["Hodan", "Ana", "Minh"]
