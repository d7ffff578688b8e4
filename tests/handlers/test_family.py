"""Families: links for up to four caregivers, their own language, weekly updates."""

from __future__ import annotations

from dataclasses import replace

from bot.handlers.family import queue_weekly_updates
from bot.store import check_items, study
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    read_words,
    texts,
)


async def family_link(chat: Chat, child: str = "Ana") -> str:
    reply = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), f"/family {child}"))
    return reply.split("?start=")[1].split()[0]


async def test_family_link_works_once_and_welcomes_in_their_language(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    mom = chat.user(2001, "María", lang="es")
    calls = await chat.send(mom, f"/start {payload}")
    assert "Ana" in texts(calls)
    assert any(d == "fa:vi" for c in calls for _, d in c.buttons)
    welcome = texts(await chat.tap(mom, "fa:vi"))
    assert "bằng tiếng Việt" in welcome and "update in Vietnamese" in welcome
    uncle = chat.user(2002, "Tío", lang="es")  # a forwarded link: a second caregiver
    assert "Ana" in texts(await chat.send(uncle, f"/start {payload}"))
    assert chat.db["families"].count == 2


async def test_expired_family_link(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    chat.clock.advance(days=15)
    reply = texts(await chat.send(chat.user(2001, "María", lang="en"), f"/start {payload}"))
    assert "expired" in reply


async def test_weekly_update_is_in_their_language_and_only_about_their_child(chat: Chat) -> None:
    ana, bo = chat.user(1001, "Ana", "es"), chat.user(1002, "Bo", "es")
    for student in (ana, bo):
        await join_and_confirm(chat, student)
        await check_now(chat, student)
        for _ in range(5):
            await answer_current(chat, student, True)
    mom = chat.user(2001, "María", lang="es")
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, "fa:es")
    await chat.deliver()  # the teacher hears of the new link
    assert queue_weekly_updates(chat.app.bot_data.services) == 1
    sent = await chat.deliver()
    assert [c.chat_id for c in sent] == [2001]
    text = sent[0].text
    assert "Ana" in text and "Bo" not in text
    assert "La semana de Ana" in text and "This week" not in text  # their language only
    assert "<b>ecosystem</b> (ecosistema)" in text  # the English word, their gloss beside it
    assert "%" not in text  # no scores


async def test_the_words_the_child_mastered_read_as_learned_this_week_not_as_new_words(
        chat: Chat) -> None:
    # The playtest: a Hmong father read "🌟 Lo lus tshiab (3)" ("New words") above the three
    # words his daughter had mastered that week, her only success, as new work.
    await join_and_confirm(chat, chat.user(name="Pa Houa", lang="hmn"), lang="hmn", level=1)
    habitat = next(w for w in read_words(chat.db, chat.clock()) if w.word.term == "habitat")
    state = study.get_mastery(chat.db, 1001, habitat.id)
    assert state is not None
    study.save_mastery(chat.db, 1001, habitat.id, replace(state, mastered_at=chat.clock()),
                       chat.clock())
    payload = await family_link(chat, "Pa Houa")
    chat.clock.advance(days=1)  # the update counts the days before today: Monday's mastery
    for user_id, lang, heading in ((2001, "hmn", "🌟 Cov lo lus Pa Houa kawm tau lub lim tiam "
                                    "no (1):"),
                                   (2002, "en", "🌟 Words Pa Houa learned this week (1):")):
        parent = chat.user(user_id, "Txiv Vang", lang=lang)
        await chat.send(parent, f"/start {payload}")
        await chat.tap(parent, f"fa:{lang}")
        update = texts(await chat.send(parent, "/now"))
        assert heading in update and "<b>habitat</b>" in update.split(heading)[1]
        # the words she only read are new (🆕); the mastered one is never called new
        assert "<b>habitat</b>" not in update.split("🆕")[-1]
        assert "Lo lus tshiab (" not in update and "New words (" not in update


async def test_weekend_practice_is_said_apart_not_counted_as_school_days(chat: Chat) -> None:
    # The playtest: a child who practised every day, weekend too, read "practised on 7 of the
    # last 7 school days" in the family's update: only 5 were school days.
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    mom = chat.user(2001, "María", lang="en")
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, "fa:en")
    for _ in range(8):  # Monday to the next Monday, Saturday and Sunday too
        await check_now(chat, ana)
        while check_items.next_open_item(chat.db, 1001) is not None:
            await answer_current(chat, ana, True)
        chat.clock.advance(days=1)
    chat.clock.advance(days=-4, hours=1)  # that Friday, after her check: /now counts the
    # days Friday's update does, the 7 before today (since she started on Monday)
    update = texts(await chat.send(mom, "/now"))
    assert "Ana practised on 4 of the 4 school days since starting.\n" in update
    chat.clock.advance(days=3)  # that Monday: the days since Friday's update
    update = texts(await chat.send(mom, "/now"))
    assert "🗓️ Days counted: Fri 18 Sep – Sun 20 Sep (today's practice counts" in update
    assert "Ana practised on 1 of the last 1 school days.\n" in update
    assert "Days practised on a weekend or holiday: 2\n" in update


async def test_stop_and_now(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = chat.user(2001, "María", lang="en")
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, "fa:en")
    await chat.send(mom, "/stop")
    assert queue_weekly_updates(chat.app.bot_data.services) == 0
    assert "Ana's week" in texts(await chat.send(mom, "/now"))


async def test_family_updates_wait_for_the_end_of_quiet_hours(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = chat.user(2001, "María", lang="en")
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, "fa:en")
    await chat.deliver()  # the teacher hears of the new link
    chat.clock.advance(hours=10)  # 21:00 in New York: quiet hours
    queue_weekly_updates(chat.app.bot_data.services)
    assert await chat.deliver() == []
    chat.clock.advance(hours=10)  # 07:00 the next morning
    assert [c.chat_id for c in await chat.deliver()] == [2001]


async def test_a_student_who_is_a_parent_too_opens_the_link_and_still_studies(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    sister = chat.user(1002, "Lucía", lang="es")  # an older sibling, herself a student
    await join_and_confirm(chat, sister)
    linked = await chat.send(sister, f"/start {payload}")
    assert "Ana" in texts(linked) and chat.db["families"].count == 1
    again = texts(await chat.send(sister, "/start"))  # a student first: welcomed back
    assert "Lucía" in again and "Ana" not in again
    menu = await chat.send(sister, "/language")  # her own home language, as a student
    assert not any(d.startswith("fa:") for c in menu for _, d in c.buttons)


async def test_a_student_opening_her_own_family_link_is_told_to_give_it_to_her_family(
        chat: Chat) -> None:
    """...unless someone in the family uses her phone too: that takes a tap (M3)."""
    ana = chat.user(1001, "Ana", "so")
    await join_and_confirm(chat, ana, lang="so")
    payload = await family_link(chat)
    reply = texts(await chat.send(ana, f"/start {payload}"))
    assert "This link is for your family. Does your family use this phone too? Tap ✅." \
        in reply and "If not, give them the link." in reply
    assert "connected to" not in reply and chat.db["families"].count == 0
    assert not [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]  # nothing to tell
    for caregiver in (2001, 2002, 2003, 2004):  # all four places are still her family's
        opened = texts(await chat.send(chat.user(caregiver, "Mom", "so"), f"/start {payload}"))
        assert "Ana" in opened and "already used" not in opened


async def test_a_haitian_phone_sees_kreyol_on_top_english_and_other_languages(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="so"), lang="so")
    mom = chat.user(2001, "Mirlande", lang="ht")
    calls = await chat.send(mom, f"/start {await family_link(chat)}")
    keyboard = [[(b["text"], b["callback_data"]) for b in row]
                for c in calls if c.params.get("reply_markup")
                for row in c.params["reply_markup"]["inline_keyboard"]]
    assert keyboard[0] == [("Kreyòl ayisyen", "fa:ht")]  # the phone's language, alone on top
    assert keyboard[1][0] == ("Soomaali", "fa:so")  # then her child's
    assert ("English", "fa:en") in keyboard[-2] and keyboard[-1] == [
        ("🌐 Lòt lang · Other languages", "fm")]
    more = await chat.tap(mom, "fm")
    assert ("فارسی", "fa:fa") in [b for c in more for b in c.buttons]
    welcome = texts(await chat.tap(mom, "fa:en"))
    assert "weekly update in English" in welcome


async def test_an_english_phone_sees_english_on_top_then_the_childs_language(
        chat: Chat) -> None:
    """Their phone's language first, as for every phone Puente speaks (a cousin who reads
    English got Somali first; playtest), the child's right after it."""
    await join_and_confirm(chat, chat.user(lang="so"), lang="so")
    dad = chat.user(2001, "Abdi", lang="en")
    calls = await chat.send(dad, f"/start {await family_link(chat)}")
    assert next(c for c in calls if c.buttons).buttons[:2] == [("English", "fa:en"),
                                                               ("Soomaali", "fa:so")]


async def test_now_on_the_day_the_child_joined_says_she_just_started(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="ht"), lang="ht")
    mom = chat.user(2001, "Mirlande", lang="ht")
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, "fa:ht")
    first = texts(await chat.send(mom, "/now"))
    assert "Ana fèk kòmanse ak Puente jodi a." in first
    assert "7 dènye jou" not in first  # not "practised 0 of the last 7 days"
    chat.clock.advance(days=1)  # Tuesday: Monday, the day she joined, asked nothing of her
    # yet (/report's "nothing expected before their first full school day"): no day counted
    tuesday = texts(await chat.send(mom, "/now"))
    assert "Ana te kòmanse ak Puente lendi 14 septanm." in tuesday
    assert "0 nan" not in tuesday and "fèk kòmanse" not in tuesday
    chat.clock.advance(days=1)  # Wednesday, not practised yet: Tuesday counts
    assert "Ana te pratike 0 nan 1 jou lekòl depi l kòmanse." in texts(
        await chat.send(mom, "/now"))
    chat.clock.advance(days=2)  # Friday: the last 7 days hold 3 school days after Monday
    assert "Ana te pratike 0 nan 3 jou lekòl depi l kòmanse." in texts(
        await chat.send(mom, "/now"))
    chat.clock.advance(days=3)  # the next Monday: the days since Friday's update, Friday alone
    assert "Ana te pratike 0 nan 1 dènye jou lekòl yo." in texts(await chat.send(mom, "/now"))


async def test_family_member_tapping_a_student_command_is_told_whose_it_is(chat: Chat) -> None:
    # playtest (a father): the teacher's reply said "ask him to do /check"; tapping it said
    # "You are not in a class yet. Ask your teacher for the class link."
    await join_and_confirm(chat, chat.user(lang="ar"))
    dad = chat.user(2001, "Ahmad", lang="ar")
    await chat.send(dad, f"/start {await family_link(chat)}")
    await chat.tap(dad, "fa:ar")
    for command in ("check", "words", "remind"):
        reply = texts(await chat.send(dad, f"/{command}"))
        assert f"/{command}" in reply and "Ana" in reply and "/now" in reply, reply
        assert "صف" not in reply and "class" not in reply
    dad_en = chat.user(2002, "Tom", lang="en")
    await chat.send(dad_en, f"/start {await family_link(chat)}")
    await chat.tap(dad_en, "fa:en")
    reply = texts(await chat.send(dad_en, "/check"))
    assert "/check is for Ana" in reply and "/ask" in reply
