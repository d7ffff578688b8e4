"""Playtest: the teacher sent the ready-made "There is no school on Wed 16 Sep"; on Wed 16 both
children still got their reminders, on Fri 18 the teacher read "(3 school days)" of silence,
and the family update said "of 5 school days". Once sent, a "no school" announcement offers
"🏫 Also a day off in Puente"; a day off is skipped wherever the school's holidays are."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.store import check_items
from tests.clock import START
from tests.harness import (
    TEACHER_ID,
    Call,
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    placed_at_level_one,
    reminder_days,
    texts,
)

NO_SCHOOL = "There is no school on ___."
ALSO_OFF = "🏫 Also a day off in Puente"
MOM = 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def data_of(calls: list[Call], label: str) -> str:
    return next(d for text, d in buttons(calls) if text == label)


async def link_family(chat: Chat, child: str, user_id: int = MOM) -> dict[str, Any]:
    """A family member of `child` links, in English."""
    made = texts(await chat.send(rivera(chat), f"/family {child}"))
    person = chat.user(user_id, "María", "en")
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, "en"))
    return person


async def send_no_school(chat: Chat, day: str) -> list[Call]:
    """The teacher sends "There is no school on `day`" to the families; the calls of the
    confirming tap (the offer among them)."""
    menu = await chat.send(rivera(chat), "/announce Science 7B")
    days = await chat.tap(rivera(chat), data_of(menu, NO_SCHOOL))
    preview = await chat.tap(rivera(chat), data_of(days, day))
    return await chat.tap(rivera(chat), data_of(preview, "Send to families"))


async def day_off(chat: Chat, day: str = "Wed 16 Sep") -> list[Call]:
    """Send "no school on `day`" and tap 🏫 Also a day off in Puente; that tap's calls."""
    sent = await send_no_school(chat, day)
    return await chat.tap(rivera(chat), data_of(sent, ALSO_OFF))


def stored(chat: Chat) -> list[str]:
    return [r[0] for r in chat.db.execute("SELECT day FROM days_off ORDER BY day").fetchall()]


async def test_no_school_offers_the_day_off_and_then_no_reminder_comes_that_day(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)  # Monday 14 Sep: a card he never opens
    await link_family(chat, "Minh")
    sent = await send_no_school(chat, "Wed 16 Sep")
    offer = texts(sent)
    assert "🏫 There is no school on Wed 16 Sep. Should Puente take that day off too?" in offer
    assert ALSO_OFF in [label for label, _ in buttons(sent)]
    said = texts(await chat.tap(rivera(chat), data_of(sent, ALSO_OFF)))
    assert "🏫 Wed 16 Sep is a day off in Puente: no reminders" in said
    assert stored(chat) == ["2026-09-16"]
    # the bot running since takes it: no restart
    assert await reminder_days(chat, 1001, 4) == ["Tue 15", "Thu 17", "Fri 18"]


async def test_without_the_day_off_the_reminder_still_comes(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)
    await link_family(chat, "Minh")
    await send_no_school(chat, "Wed 16 Sep")  # sent, the offer left untapped
    assert stored(chat) == []
    assert await reminder_days(chat, 1001, 3) == ["Tue 15", "Wed 16", "Thu 17"]


async def quiet_notes(chat: Chat, days: list[date]) -> list[tuple[int, str]]:
    """Run the teacher's daily alerts at 16:00 New York on each day; (day, 🔇 note)."""
    said = []
    for day in days:
        chat.clock.now = datetime(day.year, day.month, day.day, 20, tzinfo=START.tzinfo)
        seen = len(chat.api.calls)
        await chat.app.job_queue.get_jobs_by_name("teacher-alerts")[0].run(chat.app)
        await chat.deliver()
        said += [(day.day, c.text) for c in chat.api.calls[seen:]
                 if c.chat_id == TEACHER_ID and c.text and "🔇" in c.text]
    return said


async def test_the_quiet_note_does_not_count_the_day_off(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ayaan", "so"), lang="so", level=2)
    await link_family(chat, "Ayaan")
    await day_off(chat)
    said = await quiet_notes(chat, [date(2026, 9, d) for d in (15, 16, 17, 18)])
    # Tue, Thu, Fri: three school days without a sign, told on Friday (Thursday before)
    assert said == [(18, "🔇 Ayaan has not opened a card or answered anything since joining on "
                         "Mon 14 Sep (3 school days). A quick word with Ayaan? (I will not "
                         "repeat this unless Ayaan starts and then goes quiet again.)")]


async def test_the_family_update_counts_four_school_days_in_a_week_with_a_day_off(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    mom = await link_family(chat, "Ana")
    await day_off(chat)
    for _ in range(8):  # Monday to the next Monday, the day off and the weekend too
        await check_now(chat, ana)
        while check_items.next_open_item(chat.db, 1001) is not None:
            await answer_current(chat, ana, True)
        chat.clock.advance(days=1)
    chat.clock.advance(days=-1, hours=1)  # that Monday, after her check: the weekly update
    # counts the 7 days before today (/now, the days since the last one went out)
    queue_weekly_updates(chat.app.bot_data.services)
    update = texts([c for c in await chat.deliver() if c.chat_id == mom["id"]])
    assert "Ana practised on 4 of the last 4 school days.\n" in update
    assert "Days practised on a weekend or holiday: 3\n" in update


STALE = "That button is old or not meant for this chat, so nothing changed."


async def test_forged_and_other_peoples_taps_add_nothing(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    mom = await link_family(chat, "Ana")
    sent = await send_no_school(chat, "Wed 16 Sep")
    real = data_of(sent, ALSO_OFF)
    announcement_id = int(real.split(":")[2])
    other = chat.user(9002, "Lee", "en")
    await chat.send(other, "/teach TEACH-CODE-2026")  # a teacher too, of no class of hers
    for who, data in ((rivera(chat), callbacks.data(callbacks.DAY_OFF, "a", announcement_id + 9)),
                      (rivera(chat), callbacks.data(callbacks.DAY_OFF, "x", announcement_id)),
                      (rivera(chat), callbacks.data(callbacks.DAY_OFF, "r", "2026x916")),
                      (other, real), (mom, real), (chat.user(1001, "Ana", "es"), real)):
        said = await chat.tap_on(who, data, sent[-1].result_id or 0)
        assert "day off in Puente:" not in texts(said), (who["id"], data)
    assert stored(chat) == []
    # A teacher's announcement never sent (cancelled) offers nothing either
    menu = await chat.send(rivera(chat), "/announce Science 7B")
    days = await chat.tap(rivera(chat), data_of(menu, NO_SCHOOL))
    preview = await chat.tap(rivera(chat), data_of(days, "Thu 17 Sep"))
    unsent = int(data_of(preview, "Cancel").split(":")[1])
    said = await chat.tap_on(rivera(chat), callbacks.data(callbacks.DAY_OFF, "a", unsent),
                             preview[-1].result_id or 0)
    assert STALE in texts(said) and stored(chat) == []


async def test_a_day_gone_by_cannot_become_a_day_off(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await link_family(chat, "Ana")
    sent = await send_no_school(chat, "Wed 16 Sep")
    chat.clock.advance(days=3)  # Thursday: the offer tapped late
    said = texts(await chat.tap(rivera(chat), data_of(sent, ALSO_OFF)))
    assert "That day has passed, so it stays as it was." in said
    assert stored(chat) == []


async def test_daysoff_lists_the_days_and_a_removed_one_is_a_school_day_again(
        chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)
    await link_family(chat, "Minh")
    await day_off(chat)
    listed = await chat.send(rivera(chat), "/daysoff")
    assert "• Wed 16 Sep (set by Ms. Rivera)" in texts(listed)
    remove = callbacks.data(callbacks.DAY_OFF, "r", "20260916")
    assert ("✖ Wed 16 Sep: a school day again", remove) in buttons(listed)
    # only teachers: a student's /daysoff or forged remove changes nothing
    assert "• Wed 16 Sep" not in texts(await chat.send(minh, "/daysoff"))
    await chat.tap_on(minh, remove, listed[-1].result_id or 0)
    assert stored(chat) == ["2026-09-16"]
    asked = await chat.tap(rivera(chat), remove)
    removed = texts(await chat.tap(rivera(chat), data_of(asked, "✅ Remove the day off")))
    assert "✅ Wed 16 Sep is a school day again in Puente" in removed
    assert "No days off are set in Puente" in removed and stored(chat) == []
    assert await reminder_days(chat, 1001, 3) == ["Tue 15", "Wed 16", "Thu 17"]


async def test_a_teachers_deleteme_keeps_the_day_off_but_not_who_set_it(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await link_family(chat, "Ana")
    await day_off(chat)
    await chat.send(rivera(chat), "/deleteme")
    await chat.tap(rivera(chat), callbacks.data(callbacks.DELETE, "yes"))
    assert chat.db.execute("SELECT day, set_by FROM days_off").fetchall() == [
        ("2026-09-16", None)]
    assert timedelta(0) <= chat.clock() - START


async def test_a_day_off_can_still_be_announced_to_a_class_not_told_yet(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await link_family(chat, "Ana")
    await day_off(chat)
    # another class's families may not know: the day is still in the menu, and no offer
    # comes for a day that is a day off already
    again = await send_no_school(chat, "Wed 16 Sep")
    assert "Queued for 1 family member" in texts(again)
    assert ALSO_OFF not in [label for label, _ in buttons(again)]
    assert stored(chat) == ["2026-09-16"]


async def test_removing_a_day_off_asks_first_and_keep_changes_nothing(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await link_family(chat, "Ana")
    await day_off(chat, "Thu 17 Sep")
    listed = await chat.send(rivera(chat), "/daysoff")
    asked = await chat.tap(rivera(chat), data_of(listed, "✖ Thu 17 Sep: a school day again"))
    assert texts(asked).strip() == ("Remove the day off on Thu 17 Sep? Reminders and streaks will "
                            "count it as a school day again.")
    assert [label for label, _ in buttons(asked)] == ["✅ Remove the day off",
                                                      "↩️ Keep the day off"]
    assert stored(chat) == ["2026-09-17"]  # the first tap only asked
    kept = await chat.tap(rivera(chat), data_of(asked, "↩️ Keep the day off"))
    assert "• Thu 17 Sep (set by Ms. Rivera)" in texts(kept)
    assert stored(chat) == ["2026-09-17"]


async def test_a_repeated_or_forged_confirmation_does_nothing_harmful(chat: Chat) -> None:
    minh = chat.user(1001, "Minh", "vi")
    await join_and_confirm(chat, minh, lang="vi")
    await link_family(chat, "Minh")
    await day_off(chat, "Thu 17 Sep")
    listed = await chat.send(rivera(chat), "/daysoff")
    asked = await chat.tap(rivera(chat), data_of(listed, "✖ Thu 17 Sep: a school day again"))
    yes = data_of(asked, "✅ Remove the day off")
    # a student's forged ✅ (and ask) change nothing and ask nothing
    assert "Thu 17 Sep" not in texts(await chat.tap(minh, yes))
    assert "Thu 17 Sep" not in texts(await chat.tap(
        minh, callbacks.data(callbacks.DAY_OFF, "r", "20260917")))
    assert stored(chat) == ["2026-09-17"]
    assert "✅ Thu 17 Sep is a school day again" in texts(await chat.tap(rivera(chat), yes))
    # ✅ again (a double tap): nothing left to remove, and it says so
    await day_off(chat, "Fri 18 Sep")
    again = texts(await chat.tap(rivera(chat), yes))
    assert "Thu 17 Sep was not a day off in Puente (any more): nothing changed." in again
    assert stored(chat) == ["2026-09-18"]
    # a forged day that is not a date, or a day off gone by, changes nothing
    await chat.tap(rivera(chat), callbacks.data(callbacks.DAY_OFF, "y", "20269999"))
    chat.clock.advance(days=5)
    past = texts(await chat.tap(rivera(chat), callbacks.data(callbacks.DAY_OFF, "y",
                                                             "20260918")))
    assert "That day has passed, so it stays as it was." in past
    assert stored(chat) == ["2026-09-18"]


async def test_a_day_off_is_not_offered_for_an_early_closing_or_a_meeting(chat: Chat) -> None:
    """Playtest: Fri 18 Sep, just made a day off, was still offered by "School closes early"
    → "Which day?"."""
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    await link_family(chat, "Ana")
    await day_off(chat, "Fri 18 Sep")
    menu = await chat.send(rivera(chat), "/announce Science 7B")
    for name in ("School closes early on ___, at ___.",
                 "A meeting for families with the teacher on ___ at ___. Please come.",
                 "Report cards come home on ___. Please look at them with your child."):
        days = [label for label, _ in buttons(await chat.tap(rivera(chat), data_of(menu, name)))]
        assert days[:4] == ["Tue 15 Sep", "Wed 16 Sep", "Thu 17 Sep", "Mon 21 Sep"], name
    # a forged tap on the day off is a day gone, said kindly: nothing is previewed
    class_id = int(data_of(menu, NO_SCHOOL).split(":")[1])
    said = await chat.tap(rivera(chat), callbacks.data(callbacks.READY_ANNOUNCE, class_id,
                                                       "reports", "20260918"))
    assert "Send to families" not in [label for label, _ in buttons(said)]


async def test_daysoff_with_a_date_sets_a_school_wide_day_off_and_tells_no_family(
        chat: Chat) -> None:
    """Playtest: `/daysoff Fri 2 Oct` ignored the date ("No days off are set…"): a day off
    could only be set by announcing "no school" to families."""
    minh = chat.user(1001, "Minh", "vi")
    await placed_at_level_one(chat, minh)
    await link_family(chat, "Minh")
    await chat.deliver()
    said = await chat.send(rivera(chat), "/daysoff Fri 2 Oct")
    assert ("🏫 Fri 2 Oct is now a day off in Puente for the whole school, set by Ms. Rivera: "
            "no reminders in any class") in texts(said)
    assert "No family was told" in texts(said)
    assert "• Fri 2 Oct (set by Ms. Rivera)" in texts(said)
    assert stored(chat) == ["2026-10-02"]
    assert [c for c in await chat.deliver() if c.chat_id == MOM] == []
    for typed in ("2 Oct", "2026-10-02"):
        again = texts(await chat.send(rivera(chat), f"/daysoff {typed}"))
        assert "🏫 Fri 2 Oct is already a day off in Puente." in again
    assert "is now a day off" in texts(await chat.send(rivera(chat), "/daysoff tomorrow"))
    assert stored(chat) == ["2026-09-15", "2026-10-02"]
    assert await reminder_days(chat, 1001, 4) == ["Wed 16", "Thu 17", "Fri 18"]


async def test_daysoff_refuses_past_days_weekends_and_what_is_no_day_kindly(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    for typed, expected in (
            ("Fri 11 Sep", "That day has passed, so it stays as it was."),
            ("Sat 19 Sep", "Sat 19 Sep is a weekend day: there is no school then anyway, so "
                           "nothing changed."),
            ("someday", "I could not read “someday” as a day, so nothing changed. Try "
                        "/daysoff Fri 2 Oct"),
            ("Mon 2 Oct", "I could not read “Mon 2 Oct” as a day")):
        assert expected in texts(await chat.send(rivera(chat), f"/daysoff {typed}")), typed
    assert stored(chat) == []
    # a student's /daysoff DATE sets nothing
    await chat.send(chat.user(1001, "Ana", "es"), "/daysoff Fri 2 Oct")
    assert stored(chat) == []
