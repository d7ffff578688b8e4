"""Trust boundaries through the real Application (issue 14): deletion that deletes, state that
only moves forward, teachers who control membership, throttles, quiet logs, edits ignored."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.demo.offline import Call
from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.store import check_items, people
from tests.harness import (
    ADMIN_ID,
    INVITE,
    TEACHER_ID,
    Chat,
    buttons,
    check_now,
    page_through,
    texts,
)
from tests.tables import cells_naming

# Distinctive ids and names, so a walk over every table cannot mistake them for anything else.
KID, KID_NAME = 7700123, "Zuzanna"
MOM, MOM_NAME = 8800123, "Wojciech"
PROF, PROF_NAME = 9900123, "Quillon"
CO, CO_NAME = 9900456, "Leontyne"


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", lang="en")


async def join(chat: Chat, user: dict, code: str = "JOINcode_123", lang: str = "es") -> None:
    """Open the class link and confirm the home language (a placement opens next)."""
    await chat.send(user, f"/start {code}")
    await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))


async def place(chat: Chat, user: dict) -> list[Call]:
    """Answer the four self-placement questions."""
    calls: list[Call] = []
    for number in range(4):
        calls += await chat.tap(user, f"pl:{number}:0")
    return calls


async def answer(chat: Chat, user: dict) -> None:
    """Answer the student's open check item (right), as Telegram would deliver it."""
    stored = check_items.next_open_item(chat.db, user["id"])
    assert stored is not None
    item = stored.item
    if item.typed:
        await chat.send(user, item.answer)
    elif stored.poll_id:
        await chat.vote(user, stored.poll_id, item.options.index(item.answer))
    else:
        await chat.tap(user, f"an:{stored.id}:{item.options.index(item.answer)}")


async def family_of(chat: Chat, teacher: dict, student_name: str, member: dict) -> None:
    """The teacher makes a family link; the family member opens it and picks a language."""
    reply = texts(await chat.send(teacher, f"/family {student_name}"))
    payload = reply.split("?start=")[1].split()[0]
    await chat.send(member, f"/start {payload}")
    await chat.tap(member, "fa:es")


async def confirm_delete(chat: Chat, user: dict) -> tuple[str, str]:
    """/deleteme, then the confirming tap; return what was said before and after."""
    before = texts(await chat.send(user, "/deleteme"))
    after = texts(await chat.tap(user, "dl:yes"))
    return before, after


def jobs_for(chat: Chat, user_id: int) -> list:
    assert chat.app.job_queue is not None
    return [job for job in chat.app.job_queue.jobs() if job.data == user_id]


async def busy_student(chat: Chat) -> dict:
    """A student with answers, mastery, a reminder, a family member, a scheduled preview
    and a queued weekly family update that names her."""
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid)
    await page_through(chat, kid, await place(chat, kid))  # she reads every card
    await chat.send(kid, "/check")
    for _ in range(3):
        await answer(chat, kid)
    await chat.send(kid, "/remind 16:30")
    await family_of(chat, rivera(chat), KID_NAME, chat.user(MOM, MOM_NAME, lang="es"))
    await chat.send(rivera(chat), "/push science.ecosystems at 13:00")
    assert queue_weekly_updates(chat.app.bot_data.services) == 1
    pending = chat.db.execute("SELECT count(*) FROM outbox WHERE status = 'pending' AND "
                              "chat_id IN (?, ?)", [KID, MOM]).fetchone()[0]
    assert pending >= 2 and jobs_for(chat, KID)
    assert cells_naming(chat.db, KID, KID_NAME)  # the walk does find her before deletion
    return kid


# Deletion that deletes ---------------------------------------------------------------------

async def test_deleted_student_leaves_no_row_and_nothing_queued_is_delivered(chat: Chat) -> None:
    kid = await busy_student(chat)
    await confirm_delete(chat, kid)
    # All that names her is the note to her family member and her teacher, until it is sent.
    assert {(table, column) for table, column, _ in cells_naming(chat.db, KID, KID_NAME)} == \
        {("outbox", "payload")}
    assert chat.db.execute("SELECT kind, chat_id FROM outbox WHERE payload LIKE ? ORDER BY 2",
                           [f"%{KID_NAME}%"]).fetchall() == [("goodbye", TEACHER_ID),
                                                              ("goodbye", MOM)]
    assert jobs_for(chat, KID) == []
    chat.clock.advance(hours=4)  # the scheduled preview's time comes
    delivered = await chat.deliver()
    assert [c for c in delivered if c.chat_id == KID] == []
    # The family update naming her never goes out: only the notes that she deleted her data.
    assert [(c.chat_id, c.text) for c in delivered if KID_NAME in c.text] == [
        (MOM, f"ℹ️ {KID_NAME} borró sus datos de Puente, así que su vínculo con {KID_NAME} "
              f"terminó y los resúmenes sobre {KID_NAME} se detienen. Gracias por acompañar "
              f"el aprendizaje de {KID_NAME}. Si {KID_NAME} vuelve a unirse, el maestro o la "
              "maestra puede enviarle un enlace nuevo."),
        (TEACHER_ID, f"ℹ️ <b>{KID_NAME}</b> left <b>Science 7B</b> and deleted their Puente "
                     "data.")]
    assert cells_naming(chat.db, KID, KID_NAME) == []  # their text is forgotten once sent


async def test_deleted_family_member_leaves_no_row_and_the_student_stays(chat: Chat) -> None:
    await busy_student(chat)
    await confirm_delete(chat, chat.user(MOM, MOM_NAME, lang="es"))
    assert cells_naming(chat.db, MOM, MOM_NAME) == []
    assert people.get_student(chat.db, KID) is not None
    assert [c for c in await chat.deliver() if c.chat_id == MOM] == []


async def quillon_with_class(chat: Chat) -> tuple[dict, dict]:
    """A teacher (from an admin's invite) with a class, a student, a family and a push."""
    admin = chat.user(ADMIN_ID, "Admin", lang="en")
    code = texts(await chat.send(admin, "/invite")).split("<code>")[1].split("</code>")[0]
    prof = chat.user(PROF, PROF_NAME, lang="en")
    await chat.send(prof, f"/teach {code}")
    await chat.send(prof, "/newclass Art 5")
    art = next(c for c in people.teacher_classes(chat.db, PROF) if c.name == "Art 5")
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid, code=art.join_code)
    await place(chat, kid)
    await chat.send(kid, "/start JOINcode_123")  # she is in Ms. Rivera's class too
    await family_of(chat, prof, KID_NAME, chat.user(MOM, MOM_NAME, lang="es"))
    await chat.send(prof, "/coteach Art 5")  # an unused co-teacher code names him too
    await chat.send(prof, "/push science.ecosystems at 13:00")
    assert cells_naming(chat.db, PROF, PROF_NAME)
    return prof, kid


async def test_teacher_deleteme_says_what_happens_then_deletes_teacher_and_class(
        chat: Chat) -> None:
    prof, _ = await quillon_with_class(chat)
    before, after = await confirm_delete(chat, prof)
    assert "Art 5: deleted; its 1 student leaves the class" in before
    assert "Students keep their own words and progress" in before
    assert "teacher account is deleted" in after
    assert cells_naming(chat.db, PROF, PROF_NAME) == []
    assert [e.class_name for e in people.enrollments(chat.db, KID)] == ["Science 7B"]
    assert chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = ?",
                           [KID]).fetchone()[0] > 0  # the student's own progress is hers
    chat.clock.advance(hours=4)
    assert [c for c in await chat.deliver() if c.chat_id == KID] == []


async def test_teacher_deleteme_hands_the_class_to_the_co_teacher(chat: Chat) -> None:
    prof, _ = await quillon_with_class(chat)
    reply = texts(await chat.send(prof, "/coteach Art 5"))
    code = reply.split("/teach ")[1].split("<")[0].strip()
    co = chat.user(CO, CO_NAME, lang="en")
    assert "co-teach" in texts(await chat.send(co, f"/teach {code}"))
    before, _ = await confirm_delete(chat, prof)
    assert f"Art 5: goes to your co-teacher {CO_NAME}" in before
    # Only the note telling the co-teacher names Quillon, and it is forgotten once sent
    await chat.deliver()
    assert cells_naming(chat.db, PROF, PROF_NAME) == []
    art = next(c for c in people.teacher_classes(chat.db, CO) if c.name == "Art 5")
    assert art.teacher_id == CO
    assert KID_NAME in texts(await chat.send(co, "/roster Art 5"))


async def test_the_co_teacher_who_gets_the_class_is_told_in_their_language(
        chat: Chat) -> None:
    """Bob now owns Art 5, its roster and its families: he hears so, in Spanish, with the
    command that lists them (playtest: only the leaving teacher was told)."""
    prof, _ = await quillon_with_class(chat)
    reply = texts(await chat.send(prof, "/coteach Art 5"))
    code = reply.split("/teach ")[1].split("<")[0].strip()
    await chat.send(chat.user(CO, CO_NAME, lang="es"), f"/teach {code}")
    await chat.deliver()
    await confirm_delete(chat, prof)
    told = [c.text for c in await chat.deliver() if c.chat_id == CO]
    assert told == [f"ℹ️ {PROF_NAME} borró su cuenta de Puente, así que <b>Art 5</b> ahora es su "
                    "clase: sus estudiantes, sus familias y su enlace para unirse. /roster Art 5 "
                    "los muestra."]


async def test_keep_it_deletes_nothing(chat: Chat) -> None:
    kid = await busy_student(chat)
    await chat.send(kid, "/deleteme")
    await chat.tap(kid, "dl:no")
    assert people.get_student(chat.db, KID) is not None


async def test_retention_job_purges_old_answers_and_keeps_mastery(chat: Chat) -> None:
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid)
    await place(chat, kid)
    await check_now(chat, kid)  # the cards she has not read lead to the check
    await answer(chat, kid)
    mastery = chat.db["mastery"].count
    assert chat.db["attempts"].count == 1 and mastery >= 1
    job = chat.app.job_queue.get_jobs_by_name("retention")[0]
    chat.clock.advance(days=364)
    await job.run(chat.app)
    assert chat.db["attempts"].count == 1  # 364 days old: kept (the default limit is 365)
    chat.clock.advance(days=2)
    await job.run(chat.app)
    assert chat.db["attempts"].count == 0
    assert chat.db["mastery"].count == mastery


# State that only moves forward --------------------------------------------------------------

async def test_forged_placement_taps_never_overwrite_the_teachers_level(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", lang="en")
    await join(chat, ana, lang="en")
    await chat.send(ana, "/start JOINcode_123")
    assert "level 2" in texts(await chat.send(rivera(chat), "/level Ana 2"))
    replies = texts(await place(chat, ana)) + texts(await place(chat, ana))
    assert [e.wida_level for e in people.enrollments(chat.db, 1001)] == [2]
    assert "level 5" not in replies and "closed" in replies


async def test_placement_taps_after_the_placement_ended_are_refused(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", lang="en")
    await join(chat, ana, lang="en")
    await place(chat, ana)
    level = people.enrollments(chat.db, 1001)[0].wida_level
    chat.db.execute("UPDATE enrollments SET wida_level = 1")  # then the teacher moves her
    assert "closed" in texts(await chat.tap(ana, "pl:0:2"))
    assert level is not None and people.enrollments(chat.db, 1001)[0].wida_level == 1


async def test_level_set_by_teacher_during_placement_is_kept(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", lang="en")
    await join(chat, ana, lang="en")
    await chat.tap(ana, "pl:0:0")
    await chat.send(rivera(chat), "/level Ana 2")
    people.save_placement_answers(chat.db, 1001, [1])  # even were her placement still open
    for number in range(1, 4):
        await chat.tap(ana, f"pl:{number}:0")
    assert people.enrollments(chat.db, 1001)[0].wida_level == 2


async def test_placement_tap_from_a_stranger_says_join_a_class_first(chat: Chat) -> None:
    stranger = chat.user(5555, "Eve", lang="en")
    reply = texts(await chat.tap(stranger, "pl:0:0"))
    assert "not in a class yet" in reply
    assert chat.db["placements"].count == 0 and chat.db["students"].count == 0


# Teachers control membership ---------------------------------------------------------------

async def test_removed_stranger_leaves_roster_and_gets_no_more_pushes(chat: Chat) -> None:
    ana, eve = chat.user(1001, "Ana", lang="en"), chat.user(5555, "Eve", lang="en")
    await join(chat, ana, lang="en")
    await join(chat, eve, lang="en")  # Eve joined with a leaked link
    await chat.send(rivera(chat), "/push science.ecosystems at 13:00")  # queued for both
    await chat.send(rivera(chat), "/revoke")
    calls = await chat.send(rivera(chat), "/remove Eve")
    assert "Remove Eve from <b>Science 7B</b>?" in texts(calls)
    assert people.enrollments(chat.db, 5555)  # nothing happens before the tap
    data = next(d for _, d in buttons(calls) if d.startswith("rm:") and d != "rm:no")
    assert "no longer in" in texts(await chat.tap(rivera(chat), data))
    assert "Eve" not in texts(await chat.send(rivera(chat), "/roster"))
    chat.clock.advance(hours=4)
    await chat.send(rivera(chat), "/push science.ecosystems")
    delivered = await chat.deliver()
    assert [c for c in delivered if c.chat_id == 5555] == []
    assert [c for c in delivered if c.chat_id == 1001]


async def test_a_double_tap_on_remove_or_unlink_acts_once_and_says_nothing_more(
        chat: Chat) -> None:
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid)
    await family_of(chat, rivera(chat), KID_NAME, chat.user(MOM, MOM_NAME, lang="es"))
    unlink = next(d for _, d in buttons(await chat.send(rivera(chat), "/families"))
                  if d.startswith("fu:"))
    asked = await chat.tap(rivera(chat), unlink)  # "Unlink this family member from ...?"
    confirm = next(d for _, d in buttons(asked) if d.endswith(":yes"))
    first, second = await chat.double_tap(rivera(chat), confirm)
    assert "is unlinked" in texts(first) and chat.db["families"].count == 0
    assert [c.method for c in second] == ["answerCallbackQuery"]
    remove = next(d for _, d in buttons(await chat.send(rivera(chat), f"/remove {KID_NAME}"))
                  if d.startswith("rm:") and d != "rm:no")
    first, second = await chat.double_tap(rivera(chat), remove)
    assert "no longer in" in texts(first) and not people.enrollments(chat.db, KID)
    assert [c.method for c in second] == ["answerCallbackQuery"]


async def test_remove_buttons_are_checked_on_the_server(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Ana", lang="en"), lang="en")
    class_id = people.teacher_classes(chat.db, TEACHER_ID)[0].id
    other = chat.user(9002, "Other", lang="en")
    people.upsert_teacher(chat.db, 9002, "Other", chat.clock())
    reply = texts(await chat.tap(other, f"rm:1001:{class_id}"))  # forged by another teacher
    assert "no longer in your classes" in reply
    assert texts(await chat.tap(chat.user(1001, "Ana", lang="en"), f"rm:1001:{class_id}"))
    assert people.enrollments(chat.db, 1001)
    assert "Nothing changed" in texts(await chat.tap(rivera(chat), "rm:no"))
    assert people.enrollments(chat.db, 1001)


async def test_families_lists_links_and_unlink_stops_their_updates(chat: Chat) -> None:
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid)
    await family_of(chat, rivera(chat), KID_NAME, chat.user(MOM, MOM_NAME, lang="es"))
    queue_weekly_updates(chat.app.bot_data.services)
    calls = await chat.send(rivera(chat), "/families")
    listing = texts(calls)
    assert f"• {MOM_NAME} · {KID_NAME} #1 · Spanish · linked Mon 14 Sep" in listing  # as /roster
    unlink = next(d for _, d in buttons(calls) if d.startswith("fu:")) + ":yes"
    assert "is unlinked" in texts(await chat.tap(rivera(chat), unlink))
    assert chat.db["families"].count == 0
    told = [c.text for c in await chat.deliver() if c.chat_id == MOM]
    assert len(told) == 1 and told[0].startswith("ℹ️ El maestro o la maestra de")  # kindly
    assert "No family links" in texts(await chat.send(rivera(chat), "/families"))
    other = chat.user(9002, "Other", lang="en")
    people.upsert_teacher(chat.db, 9002, "Other", chat.clock())
    assert "for teachers" not in texts(await chat.tap(other, unlink))


async def test_coteach_code_works_once_and_the_co_teacher_sees_the_class(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Ana", lang="en"), lang="en")
    reply = texts(await chat.send(rivera(chat), "/coteach"))
    code = reply.split("/teach ")[1].split("<")[0].strip()
    co, late = chat.user(CO, CO_NAME, lang="en"), chat.user(CO + 1, "Late", lang="en")
    assert "co-teach <b>Science 7B</b>" in texts(await chat.send(co, f"/teach {code}"))
    assert "Ana" in texts(await chat.send(co, "/roster Science 7B"))
    assert "not valid" in texts(await chat.send(late, f"/teach {code}"))
    assert not people.is_teacher(chat.db, CO + 1)


async def test_admin_invite_expires_after_a_week(chat: Chat) -> None:
    admin = chat.user(ADMIN_ID, "Admin", lang="en")
    code = texts(await chat.send(admin, "/invite")).split("<code>")[1].split("</code>")[0]
    chat.clock.advance(days=7, seconds=1)
    assert "not valid" in texts(await chat.send(chat.user(7002, "Kim", lang="en"),
                                                f"/teach {code}"))
    assert not people.is_teacher(chat.db, 7002)


# Throttles -----------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["/start WRONGcode{n}", "/teach WRONG-CODE-{n}",
                                     "/start f_WRONGlink{n}"])
async def test_five_wrong_codes_then_a_kind_pause(chat: Chat, command: str) -> None:
    guesser = chat.user(6001, "Guess", lang="en")
    for n in range(5):
        assert "wait" not in texts(await chat.send(guesser, command.format(n=n)))
    reply = texts(await chat.send(guesser, "/start JOINcode_123"))  # even the right code
    assert "Please wait 1 minute," in reply  # one minute, not "minute(s)"
    assert chat.db["enrollments"].count == 0
    chat.clock.advance(seconds=61)
    assert "Science 7B" in texts(await chat.send(guesser, "/start JOINcode_123"))


async def test_a_flood_from_one_user_is_dropped_and_others_are_answered(chat: Chat) -> None:
    flooder, ana = chat.user(6001, "Flood", lang="en"), chat.user(1001, "Ana", lang="en")
    for n in range(400):
        await chat.send(flooder, f"/start GUESS{n:05d}")
    to_flooder = chat.api.sent_to(6001)
    assert len(to_flooder) <= 31  # a reply to the first 30, one "slow down", then silence
    assert "very fast" in texts(to_flooder)
    assert "Science 7B" in texts(await chat.send(ana, "/start JOINcode_123"))


# Quiet logs, edits ignored -------------------------------------------------------------------

async def test_reminder_jobs_and_info_logs_name_no_student(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    kid = chat.user(KID, KID_NAME, lang="es")
    await join(chat, kid)
    with caplog.at_level(logging.DEBUG):
        await chat.send(kid, "/remind 16:30")
        await chat.send(kid, "/remind 17:00")
    jobs = jobs_for(chat, KID)
    assert len(jobs) == 1 and str(KID) not in jobs[0].name
    info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not [m for m in info if str(KID) in m or KID_NAME in m]


async def test_an_edited_push_command_does_not_push_again(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Ana", lang="en"), lang="en")
    update = chat.factory.message(rivera(chat), "/push science.ecosystems")
    await chat.process(update)
    assert chat.db["pushes"].count == 1
    edited = {"update_id": update["update_id"] + 10_000,
              "edited_message": {**update["message"], "edit_date": 1}}
    assert await chat.process(edited) == []
    assert chat.db["pushes"].count == 1


async def test_an_edited_deleteme_or_start_runs_nothing(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", lang="en")
    update = chat.factory.message(ana, "/start JOINcode_123")
    edited = {"update_id": update["update_id"] + 10_000,
              "edited_message": {**update["message"], "edit_date": 1}}
    assert await chat.process(edited) == []
    assert chat.db["students"].count == 0


def test_codes_for_teachers_must_be_long() -> None:
    from bot.services.teaching import INVITE_DAYS
    assert INVITE_DAYS == 7 and len(INVITE) >= 12
    assert timedelta(days=INVITE_DAYS) == timedelta(weeks=1)
