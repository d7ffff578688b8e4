"""Family playtest: a parent's ready-made "🤒 Minh is sick today" or "📅 Minh will not be at
school on Wed 16 Sep" changed nothing: the child still got her reminder that day, the weekly
update read "practised 0 of 4 school days", and the streak, the teacher's "gone quiet" note
and /report counted the day against her. The note now excuses that day for that child; her
teachers read "(excused: DAY)" and may undo it (↩️ under the message, or in /student)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.store import check_items
from tests.clock import START
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Call,
    Chat,
    answer_current,
    buttons,
    check_now,
    excused_days,
    join_and_confirm,
    placed_at_level_one,
    quiet_notes,
    reminder_days,
    reply,
    texts,
)

MOM = 2001
NOT_EXCUSED_WED = "↩️ Not excused: Wed 16 Sep"


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link_family(chat: Chat, child: str) -> dict[str, Any]:
    """A family member of `child` links, in English."""
    made = texts(await chat.send(rivera(chat), f"/family {child}"))
    person = chat.user(MOM, "María", "en")
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, "en"))
    await chat.deliver()
    return person


async def send_note(chat: Chat, mom: dict[str, Any], note: str, day: date | None = None
                    ) -> Call:
    """The family member sends a ready-made note about student 1001 (through the list, as a
    parent does); the message her teacher gets."""
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_NOTE))
    args: tuple[object, ...] = (1001, note) if day is None else \
        (1001, note, day.strftime("%Y%m%d"))
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_NOTE_SEND, *args))
    return [c for c in await chat.deliver() if c.chat_id == TEACHER_ID][-1]


async def run_reminder(chat: Chat, user_id: int) -> bool:
    """Run the school's 16:00 reminder today; whether it wrote to the student."""
    job = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    chat.clock.now = chat.clock.now.replace(hour=20)
    before = len(chat.api.calls)
    await job.run(chat.app)
    return any(c.chat_id == user_id for c in chat.api.calls[before:])


async def test_sick_today_means_no_reminder_today_and_the_teacher_reads_it_excused(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)  # Monday: a card she never opens
    mom = await link_family(chat, "Minh")
    chat.clock.now = datetime(2026, 9, 15, 12, tzinfo=START.tzinfo)  # Tuesday, 08:00 school
    relay = await send_note(chat, mom, "sick")
    assert "📅 (excused: Tue 15 Sep) No reminder for Minh that day, and it does not count " \
        "as a school day." in relay.text
    assert ["↩️ Not excused: Tue 15 Sep", callbacks.data(callbacks.EXCUSED, 1001, "20260915")] \
        in [list(b) for b in relay.buttons]
    assert excused_days(chat) == [(1001, "2026-09-15")]
    assert not await run_reminder(chat, 1001)  # Tuesday: home sick, no reminder
    assert await reminder_days(chat, 1001, 1) == ["Wed 16"]  # the next day it comes


async def test_a_day_named_not_at_school_gets_no_reminder_and_undoing_brings_it_back(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)
    mom = await link_family(chat, "Minh")
    relay = await send_note(chat, mom, "absent", date(2026, 9, 16))
    assert "(excused: Wed 16 Sep)" in relay.text
    assert await reminder_days(chat, 1001, 3) == ["Tue 15", "Thu 17"]
    # the teacher learns she was at school after all: ↩️ under the message
    undo = next(data for label, data in relay.buttons if label == NOT_EXCUSED_WED)
    first, again = await chat.double_tap(rivera(chat), undo)
    assert "↩️ Wed 16 Sep is a school day for Minh again" in texts(first)
    assert not texts(again)  # a double tap: said once
    assert excused_days(chat) == []


async def test_an_old_or_forged_day_excuses_nothing_but_the_note_still_goes(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    for day in (date(2026, 9, 11), date(2026, 12, 25)):  # gone by; never offered
        relay = await send_note(chat, mom, "absent", day)
        assert "will not be at school on" in relay.text
        assert "excused" not in relay.text
        assert not [label for label, _ in relay.buttons if label.startswith("↩️ Not excused")]
    assert excused_days(chat) == []


async def test_forged_undo_taps_change_nothing(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    undo = callbacks.data(callbacks.EXCUSED, 1001, "20260916")
    for tapper in (chat.user(MATH_TEACHER_ID, "Okafor", "en"), mom,  # no teacher of hers
                   chat.user(1001, "Ana", "es")):
        await chat.tap(tapper, undo)
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSED, 1001, "20261399"))
    assert excused_days(chat) == [(1001, "2026-09-16")]
    said = texts(await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSED, 1001,
                                                             "20260917")))
    assert "Thu 17 Sep is not excused for Ana (any more), so nothing changed." in said
    assert excused_days(chat) == [(1001, "2026-09-16")]


async def test_student_lists_the_excused_days_and_its_button_undoes_one(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    shown = await chat.send(rivera(chat), "/student Ana")
    assert "📅 Excused days for Ana (no reminder, not counted as school days): " \
        "Wed 16 Sep (family)." in texts(shown)
    said = await chat.tap(rivera(chat), dict(buttons(shown))[NOT_EXCUSED_WED])
    assert "↩️ Wed 16 Sep is a school day for Ana again" in texts(said)
    assert "Excused days" not in texts(await chat.send(rivera(chat), "/student Ana"))


async def test_student_says_who_excused_each_day(chat: Chat) -> None:
    """Somali week playtest: /student listed "Days the family excused: Thu 17 Sep, Fri 18
    Sep" though the teacher had excused the Friday."""
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 17))
    await chat.tap(rivera(chat), callbacks.data(callbacks.EXCUSE, 1001, "20260918"))
    shown = texts(await chat.send(rivera(chat), "/student Ana"))
    assert "(no reminder, not counted as school days): Thu 17 Sep (family), Fri 18 Sep " \
        "(teacher)." in shown
    assert "Days the family excused" not in shown


async def practise_every_day_but(chat: Chat, ana: dict[str, Any], skipped: date,
                                 days: int) -> None:
    """Ana does her check on each of `days` days from today, but on `skipped`."""
    for _ in range(days):
        if chat.clock.now.date() != skipped:
            await check_now(chat, ana)
            while check_items.next_open_item(chat.db, 1001) is not None:
                await answer_current(chat, ana, True)
        chat.clock.advance(days=1)


async def test_the_family_update_does_not_count_the_excused_day(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    await practise_every_day_but(chat, ana, date(2026, 9, 16), 8)  # Monday to Monday
    chat.clock.advance(days=-1, hours=1)  # that Monday, after her check: the update
    queue_weekly_updates(chat.app.bot_data.services)
    update = texts([c for c in await chat.deliver() if c.chat_id == mom["id"]])
    assert "Ana practised on 4 of the last 4 school days.\n" in update  # was "of 5"


async def test_the_streak_bridges_the_excused_day(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    await practise_every_day_but(chat, ana, date(2026, 9, 16), 4)  # Mon, Tue, Thu
    chat.clock.advance(days=-1)  # Thursday evening
    assert "🔥 Days in a row: 3" in texts(await chat.send(ana, "/progress"))


async def test_the_quiet_note_and_the_report_do_not_count_the_excused_day(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ayaan", "so"), lang="so", level=2)
    mom = await link_family(chat, "Ayaan")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    said = await quiet_notes(chat, [date(2026, 9, d) for d in (15, 16, 17, 18)])
    # Tue, Thu, Fri: three school days of hers without a sign, told on Friday
    assert said == [(18, "🔇 Ayaan has not opened a card or answered anything since joining on "
                         "Mon 14 Sep (3 school days). A quick word with Ayaan? (I will not "
                         "repeat this unless Ayaan starts and then goes quiet again.)\n📅 "
                         "(Ayaan was away from school Wed 16 Sep, as the family said.)")]
    # the day the family excused is named: "since Mon 14 Sep" alone read as days of nothing
    report = texts(await chat.send(rivera(chat), "/report Science 7B"))
    assert "Ayaan (joined Mon 14 Sep, 3 school days ago)" in report  # not 4


async def test_report_says_inactive_a_day_later_when_a_day_was_excused(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    mom = await link_family(chat, "Ana")
    await check_now(chat, ana)
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, ana, True)
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    chat.clock.now = datetime(2026, 9, 17, 20, tzinfo=START.tzinfo)  # Thursday
    assert "💤" not in texts(await chat.send(rivera(chat), "/report Science 7B"))
    chat.clock.advance(days=1)  # Friday: Tue, Thu, Fri without a sign
    assert "💤 Inactive for 3+ school days: Ana" in texts(
        await chat.send(rivera(chat), "/report Science 7B"))


async def test_deleting_the_student_erases_her_excused_days_and_the_parent_is_forgotten(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    await send_note(chat, mom, "absent", date(2026, 9, 16))
    await chat.send(mom, "/deleteme")
    await chat.tap(mom, callbacks.data(callbacks.DELETE, "yes"))
    assert chat.db.execute("SELECT student_id, day, set_by FROM excused_days").fetchall() == [
        (1001, "2026-09-16", None)]  # the day stays Ana's; who set it is gone
    ana = chat.user(1001, "Ana", "es")
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, callbacks.data(callbacks.DELETE, "yes"))
    assert excused_days(chat) == []
    assert timedelta(0) <= chat.clock() - START


async def a_somali_note(chat: Chat) -> Call:
    """Ana's family member, in Somali (no model answers it here: ready-made replies under
    the note), says Ana will not be at school on Wed 16 Sep; the teacher's message."""
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    mom = chat.user(MOM, "Hodan", "so")
    await chat.send(mom, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "so"))
    await chat.deliver()
    return await send_note(chat, mom, "absent", date(2026, 9, 16))


async def test_the_undo_stays_under_a_note_the_teacher_answered(chat: Chat) -> None:
    """Playtest: a tap on a ready-made reply turned the buttons under "(excused: Wed 16 Sep)"
    into "✅ Answered: …" alone, and the text above still said "↩️ below". The ↩️ stays, and
    works."""
    relay = await a_somali_note(chat)
    undo = next(data for label, data in relay.buttons if label == NOT_EXCUSED_WED)
    ready = next(data for _, data in relay.buttons
                 if data.startswith(f"{callbacks.READY_REPLY}:") and ":meet" not in data)
    calls = await chat.tap_on(rivera(chat), ready, relay.result_id)
    (marked,) = [c for c in calls if c.method == "editMessageReplyMarkup"
                 and c.params.get("message_id") == relay.result_id]
    labels = [label for label, _ in marked.buttons]
    assert labels[0].startswith("✅ Answered: ") and (NOT_EXCUSED_WED, undo) in marked.buttons
    said = texts(await chat.tap_on(rivera(chat), undo, relay.result_id))
    assert "↩️ Wed 16 Sep is a school day for Ana again" in said
    assert excused_days(chat) == []


async def test_a_typed_answer_keeps_the_undo_too_and_an_undone_day_gets_none(
        chat: Chat) -> None:
    relay = await a_somali_note(chat)

    async def answer(text: str) -> list[Call]:  # typed, sent as written (no Somali model)
        asked = await reply(chat, rivera(chat), text, relay.result_id)
        ok = next(d for c in asked for label, d in c.buttons if label == "✅ Send as written")
        return await chat.tap(rivera(chat), ok)

    (marked,) = [c for c in await answer("Thank you, see you Thursday.")
                 if c.method == "editMessageReplyMarkup"
                 and c.params.get("message_id") == relay.result_id]
    assert [label for label, _ in marked.buttons][1:] == [NOT_EXCUSED_WED]
    await chat.tap_on(rivera(chat), next(d for label, d in marked.buttons
                                         if label == NOT_EXCUSED_WED), relay.result_id)
    again = [c for c in await answer("And she can rest.")
             if c.method == "editMessageReplyMarkup"]
    assert again and all(label.startswith("✅ Answered") for c in again
                         for label, _ in c.buttons)


async def test_a_day_excused_on_her_first_school_day_is_no_school_day_though_she_practised(
        chat: Chat) -> None:
    """Family playtest (zh): the grandmother sent "🤒 sick today" on Mon 14 Sep, the child's
    first school day, and the child read her cards and did her first check at home that
    evening. The teacher read "it does not count as a school day", and Friday's update said
    "4 of the 4 school days since starting", counting it. It is no school day: 3 of 3, and
    the day she practised while excused is said apart."""
    ana = chat.user(1001, "Ana", "zh")
    await join_and_confirm(chat, ana, lang="zh")
    grandma = await link_family(chat, "Ana")
    relay = await send_note(chat, grandma, "sick")
    assert "(excused: Mon 14 Sep)" in relay.text and "does not count as a school day" in relay.text
    await practise_every_day_but(chat, ana, date(2026, 9, 1), 4)  # Mon (at home) to Thu
    chat.clock.now = datetime(2026, 9, 18, 20, tzinfo=START.tzinfo)  # Friday's update
    queue_weekly_updates(chat.app.bot_data.services)
    update = texts([c for c in await chat.deliver() if c.chat_id == grandma["id"]])
    assert "Ana practised on 3 of the 3 school days since starting.\n" in update  # was 4 of 4
    assert "Days practised on a day excused from school (sick or away): 1" in update
