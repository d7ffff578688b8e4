"""Playtest: a Hmong father got "There is no school on Monday" in English (no Hmong model on
the school's machine) and missed it. `/announce CLASS` with no text offers ready-made
announcements that people wrote in every language Puente speaks; the teacher picks the day
and time with buttons, checks the preview and confirms as for any announcement."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Call, Chat, buttons, join_and_confirm, reply, texts

FATHER, MOTHER, COUSIN = 2001, 2002, 2003
NO_SCHOOL = "There is no school on ___."


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link(chat: Chat, student: str, user_id: int, lang: str) -> dict[str, Any]:
    """A family member of `student` links in `lang`."""
    made = texts(await chat.send(teacher(chat), f"/family {student}"))
    person = chat.user(user_id, "Tus", lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return person


async def hmong_family(chat: Chat) -> dict[str, Any]:
    await join_and_confirm(chat, chat.user(1001, "Pa", "en"), lang="hmn")
    return await link(chat, "Pa", FATHER, "hmn")


def data_of(calls: list[Call], label: str) -> str:
    return next(d for text, d in buttons(calls) if text == label)


def to(calls: list[Call], chat_id: int) -> list[str]:
    return [c.text for c in calls if c.chat_id == chat_id]


async def test_hmong_father_gets_no_school_in_hmong_with_the_right_weekday(chat: Chat) -> None:
    await hmong_family(chat)
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    assert "/announce Science 7B your message" in texts(menu)  # how to write one, still
    assert "Ready-made announcements for <b>Science 7B</b>" in texts(menu)
    days = await chat.tap(teacher(chat), data_of(menu, NO_SCHOOL))
    # Monday 14 Sep: the next school days, from Tuesday, weekends left out
    labels = [label for label, _ in buttons(days)]
    assert labels[:5] == ["Tue 15 Sep", "Wed 16 Sep", "Thu 17 Sep", "Fri 18 Sep", "Mon 21 Sep"]
    assert len(labels) == 11 and "Sat 19 Sep" not in labels and labels[-1] == "Later ▶"
    preview = await chat.tap(teacher(chat), data_of(days, "Mon 21 Sep"))
    shown = texts(preview)
    assert "Tsis muaj kawm ntawv rau Hnub Ib tim 21 Lub Cuaj Hlis." in shown
    assert "(Ready-made: people wrote it in Hmong.)" in shown
    # the teacher reads what she sends in English too, as each family reads it beneath
    assert "In English (each family also reads this beneath their own language):\n" \
        "<blockquote>There is no school on Mon 21 Sep.</blockquote>" in shown
    assert "they get your English" not in shown
    assert "goes to families only: it can reach 1 family member" in shown
    # written to a family ("your child"): no button sends it to the students
    assert [label for label, _ in buttons(preview)] == ["Send to families", "Cancel"]
    await chat.tap(teacher(chat), data_of(preview, "Send to families"))
    delivered = await chat.deliver()
    assert to(delivered, 1001) == []  # Pa, the student, gets no family notice
    [got] = to(delivered, FATHER)
    assert "Tsis muaj kawm ntawv rau Hnub Ib tim 21 Lub Cuaj Hlis." in got
    assert "Ua lus Askiv:" in got and "There is no school on Mon 21 Sep." in got
    assert "machine" not in got


async def test_a_meeting_asks_day_then_time_and_each_family_reads_its_language(
        chat: Chat) -> None:
    await hmong_family(chat)
    await join_and_confirm(chat, chat.user(1002, "Hodan", "en"), lang="so")
    await link(chat, "Hodan", MOTHER, "so")
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    meeting = data_of(menu, "A meeting for families with the teacher on ___ at ___. Please come.")
    days = await chat.tap(teacher(chat), meeting)
    times = await chat.tap(teacher(chat), data_of(days, "Thu 17 Sep"))
    assert "Which" not in texts(times) and "At what time?" in texts(times)
    # the hour first (a short keyboard), then :00 or :30 (a meeting at 15:30, playtest)
    assert [label for label, _ in buttons(times)] == [
        "11:…", "12:…", "13:…", "14:…", "15:…", "16:…", "17:…", "18:00"]
    halves = await chat.tap(teacher(chat), data_of(times, "15:…"))
    assert "At what time?" in texts(halves)
    assert [label for label, _ in buttons(halves)] == ["15:00", "15:30"]
    preview = await chat.tap(teacher(chat), data_of(halves, "15:30"))
    await chat.tap(teacher(chat), data_of(preview, "Send to families"))
    delivered = await chat.deliver()
    [hmong] = to(delivered, FATHER)
    [somali] = to(delivered, MOTHER)
    assert "rau Hnub Plaub tim 17 Lub Cuaj Hlis thaum 15:30" in hmong
    assert "Kulan qoysaska iyo macallinka Khamiis 17 Sebtembar saacadda 15:30" in somali


async def test_a_forged_hour_or_half_hour_sends_nothing(chat: Chat) -> None:
    await hmong_family(chat)
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    meeting = data_of(menu, "A meeting for families with the teacher on ___ at ___. Please come.")
    class_id = int(meeting.split(":")[1])
    for when in ("20260917-09", "20260917-1545", "20260917-1830", "20260917-25"):
        said = await chat.tap(teacher(chat), callbacks.data(
            callbacks.READY_ANNOUNCE, class_id, "meeting", when))
        assert "Send to families" not in [label for label, _ in buttons(said)], when


STALE = "That button is old or not meant for this chat, so nothing changed."


async def test_a_day_gone_by_is_said_kindly_with_the_days_there_are_now(chat: Chat) -> None:
    await hmong_family(chat)
    class_id = chat.db.execute("SELECT id FROM classes").fetchone()[0]
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    days = await chat.tap(teacher(chat), data_of(menu, NO_SCHOOL))
    chat.clock.advance(days=9)  # the menu left open over a week: Tuesday 15 has gone by
    again = await chat.tap(teacher(chat), data_of(days, "Tue 15 Sep"))
    assert "That day has passed or is no longer a school day: choose another." in texts(again)
    assert [label for label, _ in buttons(again)][:2] == ["Thu 24 Sep", "Fri 25 Sep"]
    assert "Send to families" not in texts(again)
    past = callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "20260901")
    fresh = await chat.send(teacher(chat), "/announce Science 7B")  # forged on a new menu
    said = texts(await chat.tap_on(teacher(chat), past, fresh[-1].result_id or 0))
    assert "That day has passed" in said and "Send to families" not in said
    assert chat.db["announcements"].count == 0 and to(await chat.deliver(), FATHER) == []


async def test_forged_buttons_and_another_user_send_nothing(chat: Chat) -> None:
    await hmong_family(chat)
    class_id = chat.db.execute("SELECT id FROM classes").fetchone()[0]
    for data in (callbacks.data(callbacks.READY_ANNOUNCE, class_id, "party"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "20260921-1500"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id, "early", "20260921-0300"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "2026x921"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id + 7, "closed")):
        assert texts(await chat.tap(teacher(chat), data)).strip() == STALE, data
    stranger = chat.user(9002, "Other", "en")
    said = texts(await chat.tap(stranger, callbacks.data(callbacks.READY_ANNOUNCE, class_id)))
    assert "Ready-made" not in said and "for teachers" in said
    assert chat.db["announcements"].count == 0 and to(await chat.deliver(), FATHER) == []


async def test_a_double_tap_on_the_last_choice_shows_one_preview(chat: Chat) -> None:
    await hmong_family(chat)
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    days = await chat.tap(teacher(chat), data_of(menu, NO_SCHOOL))
    first, second = await chat.double_tap(teacher(chat), data_of(days, "Mon 21 Sep"))
    assert ("Send to families", "am:1:r") in buttons(first)
    assert buttons(second) == [] and "📢" not in texts(second)
    assert chat.db["announcements"].count == 1


async def test_several_languages_without_a_model_show_the_english_once(chat: Chat) -> None:
    await hmong_family(chat)
    await join_and_confirm(chat, chat.user(1002, "Hodan", "en"), lang="so")
    await link(chat, "Hodan", MOTHER, "so")
    await join_and_confirm(chat, chat.user(1003, "Wideline", "en"), lang="ht")
    await link(chat, "Wideline", COUSIN, "ht")
    preview = await chat.send(teacher(chat), "/announce Science 7B No school on Monday.")
    shown = texts(preview)
    assert shown.count("No school on Monday.") == 1
    assert "model in the school's translator for" in shown
    assert shown.count("they get your English") == 1
    assert "Haitian Creole" in shown and "Hmong" in shown and "Somali" in shown
    assert "📋 A ready-made announcement" in shown
    ready = await chat.tap(teacher(chat), data_of(preview, "📋 Ready-made announcement"))
    assert "Ready-made announcements for <b>Science 7B</b>" in texts(ready)


async def test_the_held_reply_offers_the_ready_made_announcement_and_the_home_reply(
        chat: Chat) -> None:
    await hmong_family(chat)
    father = chat.user(FATHER, "Tus", "hmn")
    await chat.send(father, "/ask Puas muaj kawm ntawv hnub Monday?")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    held = await reply(chat, teacher(chat), "No school on Monday.", relayed.result_id or 0)
    labels = [label for label, _ in buttons(held)]
    assert "📋 Ready-made announcement to Science 7B" in labels
    home = "💬 You can help: ask Pa to show you today's words in Puente and say them together."
    assert home in labels
    menu = await chat.tap(teacher(chat), data_of(held, "📋 Ready-made announcement to Science 7B"))
    assert NO_SCHOOL in [label for label, _ in buttons(menu)]
    await chat.tap(teacher(chat), data_of(held, home))
    [got] = to(await chat.deliver(), FATHER)
    assert "Koj pab tau: thov kom Pa qhia koj cov lus hnub no hauv Puente" in got


async def test_the_invitation_promises_no_translation_the_machine_cannot_make(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Pa", "en"), lang="hmn")
    made = texts(await chat.send(teacher(chat), "/family Pa"))
    assert "translated" not in made and "txhais" not in made  # no promise at all
    assert "Qhib qhov txuas no:" in made
    assert "Scan" not in made


async def test_a_second_tap_on_send_this_says_it_was_not_sent_again(chat: Chat) -> None:
    await hmong_family(chat)
    father = chat.user(FATHER, "Tus", "hmn")
    offer = await chat.send(father, "Pa mob hnub no")
    send = next(d for _, d in buttons(offer) if d.startswith(f"{callbacks.ASK}:")
                and d != "ak:no")
    await chat.tap(father, send)
    again = await chat.tap_on(father, send, offer[-1].result_id or 0)
    said = texts(again)
    assert "Twb xa ib zaug lawm" in said and "tsis tau xa dua" in said


async def test_the_interpreter_offer_needs_no_day_and_goes_in_hmong(chat: Chat) -> None:
    await hmong_family(chat)
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    offer = next(d for label, d in buttons(menu) if label.startswith("If you need an interp"))
    preview = await chat.tap(teacher(chat), offer)
    assert "Yog koj xav tau ib tug neeg txhais lus" in texts(preview)
    await chat.tap(teacher(chat), data_of(preview, "Send to families"))
    [got] = to(await chat.deliver(), FATHER)
    assert "teb tsab xov no" in got and "reply to this message" in got


async def test_later_pages_on_to_a_field_trip_weeks_away_and_back(chat: Chat) -> None:
    """Playtest: a field trip three weeks out could not be reached (the next 10 school days
    only), and "Friday 2 October" typed got "This chat takes commands"."""
    await hmong_family(chat)
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    trip = next(d for label, d in buttons(menu) if label.startswith("Our class goes on a field"))
    first = await chat.tap(teacher(chat), trip)
    assert "Fri 2 Oct" not in [label for label, _ in buttons(first)]
    later = await chat.tap(teacher(chat), data_of(first, "Later ▶"))
    labels = [label for label, _ in buttons(later)]
    assert labels[0] == "Tue 29 Sep" and "Fri 2 Oct" in labels
    assert labels[-2:] == ["◀ Earlier", "Later ▶"]
    back = await chat.tap(teacher(chat), data_of(later, "◀ Earlier"))
    assert next(label for label, _ in buttons(back)) == "Tue 15 Sep"
    preview = await chat.tap(teacher(chat), data_of(later, "Fri 2 Oct"))
    assert "<blockquote>Our class goes on a field trip on Fri 2 Oct." in texts(preview)
    await chat.tap(teacher(chat), data_of(preview, "Send to families"))
    [got] = to(await chat.deliver(), FATHER)
    assert "Hnub Tsib tim 2 Lub Kaum Hli" in got


async def test_the_last_page_stops_within_sixty_days_and_forged_pages_do_nothing(
        chat: Chat) -> None:
    await hmong_family(chat)
    class_id = chat.db.execute("SELECT id FROM classes").fetchone()[0]
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    page = await chat.tap(teacher(chat), data_of(menu, NO_SCHOOL))
    pages = 1
    while "Later ▶" in [label for label, _ in buttons(page)]:
        page = await chat.tap(teacher(chat), data_of(page, "Later ▶"))
        pages += 1
    last = [label for label, _ in buttons(page) if label[0].isalpha()]
    assert pages == 5 and last[-1] == "Fri 13 Nov"  # 60 days from Monday 14 Sep
    for data in (callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "p9"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id, "interpreter", "p1"),
                 callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "p-1")):
        assert texts(await chat.tap(teacher(chat), data)).strip() == STALE, data
    far = callbacks.data(callbacks.READY_ANNOUNCE, class_id, "closed", "20261204")
    said = texts(await chat.tap_on(teacher(chat), far, menu[-1].result_id or 0))
    assert "That day has passed" in said and "Send to families" not in said
    assert chat.db["announcements"].count == 0


async def test_the_preview_names_students_with_no_family_and_sent_names_no_choice(
        chat: Chat) -> None:
    """Playtest: "it can reach 2 family members" left the teacher guessing who was missing,
    and after [Send to families] [Cancel] Puente said "you chose “Send to families”"."""
    await hmong_family(chat)
    for user_id, name in ((1002, "Mateo"), (1003, "Amira"), (1004, "Linh")):
        await join_and_confirm(chat, chat.user(user_id, name, "en"), lang="es")
    menu = await chat.send(teacher(chat), "/announce Science 7B")
    days = await chat.tap(teacher(chat), data_of(menu, NO_SCHOOL))
    preview = await chat.tap(teacher(chat), data_of(days, "Mon 21 Sep"))
    assert ("👤 No family linked yet for Amira, Linh and Mateo: /families shows how to invite "
            "their families.") in texts(preview)
    assert "Pa" not in texts(preview).split("👤")[1].split("\n")[0]
    sent = texts(await chat.tap(teacher(chat), data_of(preview, "Send to families")))
    assert "Queued for 1 family member. A ready-made announcement is written for families, " \
        "so it goes to them only." in sent
    assert "you chose" not in sent
    listed = texts(await chat.send(teacher(chat), "/families Science 7B"))
    assert "👤 No family linked yet for Amira, Linh and Mateo. /family NAME makes a link" in listed


async def test_families_names_every_student_when_no_family_is_linked(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1002, "Mateo", "en"), lang="es")
    listed = texts(await chat.send(teacher(chat), "/families Science 7B"))
    assert "No family links in <b>Science 7B</b> yet." in listed
    assert "👤 No family linked yet for Mateo." in listed
