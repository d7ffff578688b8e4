"""A teacher sees the pushes still waiting (/scheduled) and cancels one before it goes out."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.demo.offline import OfflineBotAPI
from bot.store import study
from bot.store.packs import pack_words
from tests.harness import INVITE, TEACHER_ID, Chat, buttons, join_and_confirm, texts

PACK = "science.ecosystems"


async def enrol(chat: Chat, size: int = 3) -> list[int]:
    ids = []
    for n in range(size):
        user = chat.user(3000 + n, f"S{n}", lang="es")
        await join_and_confirm(chat, user, lang="es", level=4)
        ids.append(user["id"])
    return ids


def rivera(chat: Chat, lang: str = "en") -> dict:
    return chat.user(TEACHER_ID, "Rivera", lang)


def previews(api: OfflineBotAPI) -> Counter[int]:
    return Counter(c.chat_id for c in api.calls if c.method == "sendMessage" and "📘" in c.text)


async def test_a_push_meant_to_move_an_earlier_one_says_the_first_still_waits_and_it_cancels(
        chat: Chat) -> None:
    ids = await enrol(chat)
    chat.clock.advance(hours=10)  # Monday 21:00 at school: both pushes are for Tuesday
    await chat.send(rivera(chat), f"/push {PACK} at 08:00")
    moved = texts(await chat.send(rivera(chat), f"/push {PACK} at 10:00"))
    assert "Will send Tue 10:00: 5 words to 3 students of <b>Science 7B</b>." in moved
    assert (f"5 words of {PACK} are already waiting for Tue 08:00: /scheduled shows them, and "
            "lets you cancel") in moved

    listed = await chat.send(rivera(chat), "/scheduled")
    first, second = [w.word.term for w in pack_words(chat.db, PACK)][:5], \
        [w.word.term for w in pack_words(chat.db, PACK)][5:10]
    assert texts(listed) == (
        "Pushes waiting to be sent:\n"
        f"1. Tue 08:00 · <b>Science 7B</b> · {PACK}: {', '.join(first)} (3 students)\n"
        f"2. Tue 10:00 · <b>Science 7B</b> · {PACK}: {', '.join(second)} (3 students)")
    assert buttons(listed) == [("❌ Cancel 1 (Tue 08:00)", "sc:1"),
                               ("❌ Cancel 2 (Tue 10:00)", "sc:2")]

    confirm = await chat.tap(rivera(chat), "sc:1")
    assert texts(confirm).strip() == (f"Cancel the push of Tue 08:00 to <b>Science 7B</b> "
                              f"({', '.join(first)})? It will not be sent to 3 students.")
    assert buttons(confirm) == [("Cancel the push", "sc:1:yes"), ("Keep it", "sc:no")]
    done = await chat.tap(rivera(chat), "sc:1:yes")
    assert texts(done).strip() == (
        "The push of Tue 08:00 to <b>Science 7B</b> is cancelled: nothing more of it goes to "
        "3 students. Whatever it had already sent stays sent.")

    chat.clock.advance(hours=13)  # Tuesday 10:00: only the second push goes out
    report = texts(await chat.deliver())
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))
    assert all(second[0] in c.text for c in chat.api.calls if "📘" in c.text)
    assert report.count("Push finished") == 1  # the cancelled push has nothing to report
    assert texts(await chat.send(rivera(chat), "/scheduled")) == (
        "No push is waiting to be sent. /push PACK at 08:00 sends one later.")
    again = texts(await chat.send(rivera(chat), f"/push {PACK}"))  # cancelled: never sent
    assert f"({', '.join(first)})" not in again and "Sending 5 words to 3 students" in again


async def test_keep_leaves_the_push_and_a_second_tap_or_old_button_changes_nothing(
        chat: Chat) -> None:
    ids = await enrol(chat, 2)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    await chat.send(rivera(chat), "/scheduled")
    await chat.tap(rivera(chat), "sc:1")
    assert texts(await chat.tap(rivera(chat), "sc:no")).strip() == "Nothing changed."
    await chat.tap(rivera(chat), "sc:1")
    first, second = await chat.double_tap(rivera(chat), "sc:1:yes")
    assert "is cancelled: nothing more of it goes to 2 students" in texts(first)
    assert "cancelled" not in texts(second)  # the first tap did it, once
    gone = ("That push is not waiting any more (it was sent or cancelled), so nothing "
            "changed. /scheduled lists what still waits.")
    assert texts(await chat.tap(rivera(chat), "sc:1")).strip() == gone  # an old list
    chat.clock.advance(hours=13)
    await chat.deliver()
    assert previews(chat.api) == Counter()
    assert ids


async def test_only_the_teacher_who_pushed_can_cancel_and_a_student_is_refused(
        chat: Chat) -> None:
    ids = await enrol(chat, 2)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    other = chat.user(9002, "Okafor", "en")
    await chat.send(other, f"/teach {INVITE}")
    gone = ("That push is not waiting any more (it was sent or cancelled), so nothing "
            "changed. /scheduled lists what still waits.")
    assert texts(await chat.tap(other, "sc:1")).strip() == gone  # not theirs
    assert texts(await chat.tap(other, "sc:1:yes")).strip() == gone
    assert texts(await chat.tap(rivera(chat), "sc:99:yes")).strip() == gone  # forged
    assert texts(await chat.send(other, "/scheduled")).startswith("No push is waiting")
    student = chat.user(ids[0], "S0", lang="es")
    refused = texts(await chat.send(student, "/scheduled"))
    assert "push" not in refused.casefold()
    assert texts(await chat.tap(student, "sc:1:yes")).strip() == refused
    chat.clock.advance(hours=13)
    await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))  # nothing was cancelled


async def test_push_without_words_says_how_many_of_the_pack_wait_for_the_next_push(
        chat: Chat) -> None:
    await enrol(chat, 1)
    terms = [w.word.term for w in pack_words(chat.db, PACK)]
    for start in range(0, len(terms) - 6, 10):  # at most 10 named words a push
        chunk = terms[start:len(terms) - 6][:10]
        await chat.send(rivera(chat), f"/push {PACK} {', '.join(chunk)}")
    await chat.deliver()
    reply = texts(await chat.send(rivera(chat), f"/push {PACK}"))
    assert "Sending 5 words to 1 student" in reply and "already waiting" not in reply
    assert f"1 more word of {PACK} waits for your next /push" in reply
    await chat.deliver()  # gone out: the next push is not joined to it (same minute)
    last = texts(await chat.send(rivera(chat), f"/push {PACK}"))
    assert "Sending 1 word to 1 student" in last and "more word" not in last


async def test_a_class_name_with_markup_and_arabic_is_shown_as_typed(chat: Chat) -> None:
    await enrol(chat, 1)
    chat.db.execute("UPDATE classes SET name = ?", ["Art & <Design> فن"])
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    shown = "<b>Art &amp; &lt;Design&gt; فن</b>"
    assert f"1. Tue 08:00 · {shown} · {PACK}: habitat (1 student)" in texts(
        await chat.send(rivera(chat), "/scheduled"))
    assert shown in texts(await chat.tap(rivera(chat), "sc:1"))
    assert shown in texts(await chat.tap(rivera(chat), "sc:1:yes"))


async def test_a_long_list_of_waiting_pushes_comes_in_parts_telegram_takes(chat: Chat) -> None:
    await enrol(chat, 1)
    terms = [w.word.term for w in pack_words(chat.db, PACK)]
    chat.clock.advance(hours=10)
    made = 0
    while made < 40:  # one a school day, never delivered: all 40 still wait
        tomorrow = (chat.clock() + timedelta(days=1)).astimezone(ZoneInfo("America/New_York"))
        if tomorrow.weekday() < 5:  # "at 08:00" on a Friday is Monday's (next school day)
            await chat.send(rivera(chat), f"/push {PACK} {', '.join(terms[:10])} at 08:00")
            made += 1
        chat.clock.advance(days=1)
    listed = await chat.send(rivera(chat), "/scheduled")
    assert len(listed) > 1 and all(len(c.text) <= 4096 for c in listed)
    assert len(buttons(listed)) == 40 and buttons(listed[-1:]) == buttons(listed)


async def test_naming_a_word_a_waiting_push_holds_says_it_waits_never_already_sent(
        chat: Chat) -> None:
    """The play-test: a push booked for 09:00 tomorrow, then the same word at 10:00."""
    await enrol(chat, 2)
    chat.clock.advance(hours=10)  # Monday evening
    await chat.send(rivera(chat), f"/push {PACK} at 09:00")
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} habitat at 10:00"))
    assert "already got these words" not in reply
    assert f"5 words of {PACK} are already waiting for Tue 09:00" in reply, reply


async def test_a_booked_push_brings_its_words_when_it_is_sent_and_a_cancelled_one_none(
        chat: Chat) -> None:
    """Booking is not sending: until the push goes out its words are in no student's /words,
    /student or /roster, and a cancelled booking leaves nothing behind."""
    ids = await enrol(chat, 2)
    chat.clock.advance(hours=10)  # Monday 21:00: both pushes are for Tuesday
    await chat.send(rivera(chat), f"/push {PACK} predator, prey at 08:00")
    await chat.send(rivera(chat), f"/push {PACK} habitat at 09:00")
    assert not study.student_mastery(chat.db, ids[0])  # nothing yet: the pushes only wait
    await chat.tap(rivera(chat), "sc:2")
    await chat.tap(rivera(chat), "sc:2:yes")  # habitat is cancelled
    assert "📭" not in texts(await chat.send(rivera(chat), "/student S0"))

    chat.clock.advance(hours=11)  # Tuesday 08:00
    await chat.deliver()
    terms = {w.id: w.word.term for w in pack_words(chat.db, PACK)}
    for student in ids:
        assert sorted(terms[w] for w in study.student_mastery(chat.db, student)) == [
            "predator", "prey"]


async def test_pushing_waiting_words_at_another_time_says_nothing_was_booked(chat: Chat) -> None:
    """The play-test: the same words at 09:00 after 08:15 read like a moved push."""
    await enrol(chat, 2)
    chat.clock.advance(hours=10)  # Monday evening
    await chat.send(rivera(chat), f"/push {PACK} predator, prey at 08:15")
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} predator, prey at 09:00"))
    assert reply.startswith("Nothing was booked for Tue 09:00: every one of these words already "
                            "waits in an earlier push. To move it, cancel it in /scheduled and "
                            "push again.\n2 words of science.ecosystems are already waiting for "
                            "Tue 08:15"), reply
    listed = texts(await chat.send(rivera(chat), "/scheduled"))
    assert "08:15" in listed and "09:00" not in listed


def times_shown(calls: list, chat_id: int) -> dict[str, int]:
    """How many cards of each of these words one student was sent (a card's first line)."""
    lines = texts(c for c in calls if c.chat_id == chat_id and "📘" in c.text).split("\n")
    return {w: sum(line.startswith(f"<b>{w}</b> ") for line in lines)
            for w in ("predator", "prey", "habitat")}


async def test_a_second_push_sharing_a_word_with_a_waiting_one_brings_only_the_new_word(
        chat: Chat) -> None:
    # Push A (predator, prey), then push B (prey, habitat): a student of the class got prey
    # twice, once from each
    ids = await enrol(chat, 2)
    chat.clock.advance(hours=10)  # Monday 21:00: both are for Tuesday
    await chat.send(rivera(chat), f"/push {PACK} predator, prey at 08:15")
    second = texts(await chat.send(rivera(chat), f"/push {PACK} prey, habitat at 09:00"))
    assert "Will send Tue 09:00: 2 words to 2 students of <b>Science 7B</b>" in second, second
    chat.clock.advance(hours=11, minutes=15)  # Tuesday 08:15: A goes out
    await chat.deliver()
    chat.clock.advance(minutes=45)  # 09:00: B brings habitat alone
    report = texts(await chat.deliver())
    for student in ids:
        assert times_shown(chat.api.calls, student) == {"predator": 1, "prey": 1, "habitat": 1}
    assert report.count(f"Push finished, <b>Science 7B</b> ({PACK}: prey, habitat): delivered "
                        "to Telegram for 2 students") == 1


async def test_a_shared_word_left_out_of_a_second_push_comes_later_once_the_first_is_cancelled(
        chat: Chat) -> None:
    await enrol(chat, 1)
    chat.clock.advance(hours=10)  # Monday 21:00
    await chat.send(rivera(chat), f"/push {PACK} predator, prey at 08:15")
    await chat.send(rivera(chat), f"/push {PACK} prey, habitat at 09:00")  # brings habitat
    await chat.send(rivera(chat), "/scheduled")
    await chat.tap(rivera(chat), "sc:1")
    await chat.tap(rivera(chat), "sc:1:yes")  # predator, prey: she will not get prey from it
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} prey at 10:00"))
    assert "Will send Tue 10:00: 1 word to 1 student of <b>Science 7B</b>" in reply, reply
    chat.clock.advance(hours=13)  # Tuesday 10:00
    await chat.deliver()
    assert times_shown(chat.api.calls, 3000) == {"predator": 0, "prey": 1, "habitat": 1}


async def test_a_push_whose_words_a_student_already_has_that_day_skips_her_and_counts_the_rest(
        chat: Chat) -> None:
    ana, = await enrol(chat, 1)
    await chat.send(rivera(chat), f"/push {PACK} habitat")  # Monday afternoon: Ana has habitat
    await chat.deliver()
    bo = chat.user(3001, "Bo", lang="es")
    await join_and_confirm(chat, bo, lang="es", level=4)
    await chat.send(rivera(chat), f"/push {PACK} predator, prey")  # both: predator, prey
    await chat.deliver()
    reply = texts(await chat.send(rivera(chat), f"/push {PACK} prey, habitat"))
    assert "Sending 2 words to 1 student of <b>Science 7B</b>" in reply, reply
    assert "1 student already got these words today" in reply  # Ana: nothing is new to her
    report = texts(await chat.deliver())
    assert times_shown(chat.api.calls, ana) == {"predator": 1, "prey": 1, "habitat": 1}
    assert times_shown(chat.api.calls, 3001) == {"predator": 1, "prey": 1, "habitat": 1}
    assert (f"Push finished, <b>Science 7B</b> ({PACK}: prey, habitat): delivered to Telegram "
            "for 1 student ") in report, report
    again = texts(await chat.send(rivera(chat), f"/push {PACK} habitat"))  # Bo has it now
    assert "Every student of <b>Science 7B</b> already got these words today" in again, again


async def test_an_old_cancel_button_is_answered_once_and_nothing_is_refused(chat: Chat) -> None:
    """The play-test: Cancel in an old /scheduled list after the push was cancelled answered
    the tap twice (Telegram refused the second), and a second tap on "Cancel the push" asked
    Telegram for an edit that changed nothing."""
    await enrol(chat, 2)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} species at 08:15")
    listed = await chat.send(rivera(chat), "/scheduled")
    ask = await chat.tap(rivera(chat), "sc:1")
    confirm = next(c.result_id for c in ask if c.method == "sendMessage")
    await chat.tap(rivera(chat), "sc:1:yes")
    again = await chat.tap_on(rivera(chat), "sc:1:yes", confirm)
    old = await chat.tap_on(rivera(chat), "sc:1", listed[-1].result_id)
    assert chat.api.refused == []
    assert [c.params.get("text") for c in again if c.method == "answerCallbackQuery"] == [
        "Already cancelled ✅ Nothing more of that push goes out."]  # what this tap did
    assert "That push is not waiting any more" in texts(old)


async def test_a_teacher_reads_the_weekday_of_a_push_in_their_own_language(chat: Chat) -> None:
    """A Spanish teacher read "Tue 08:00" in every Spanish sentence about a push: the weekday
    is the teacher's language's, in the push's answer, /scheduled, its button and its confirm."""
    await enrol(chat, 1)
    chat.clock.advance(hours=10)  # Monday 21:00 at school: the push is for Tuesday
    spanish = rivera(chat, "es")
    queued = texts(await chat.send(spanish, f"/push {PACK} habitat at 08:00"))
    assert "Se enviará mar 08:00: 1 palabra a 1 estudiante de <b>Science 7B</b>." in queued, queued
    listed = await chat.send(spanish, "/scheduled")
    assert f"1. mar 08:00 · <b>Science 7B</b> · {PACK}: habitat" in texts(listed)
    assert buttons(listed) == [("❌ Cancelar 1 (mar 08:00)", "sc:1")]
    assert texts(await chat.tap(spanish, "sc:1")).strip().startswith(
        "¿Cancelar el envío de mar 08:00 a <b>Science 7B</b> (habitat)?")
    arabic = texts(await chat.send(rivera(chat, "ar"), "/scheduled"))
    assert "الثلاثاء 08:00" in arabic and "Tue" not in arabic
    assert "Tue 08:00" in texts(await chat.send(rivera(chat), "/scheduled"))  # English: as it was


async def co_teacher(chat: Chat, name: str = "Okafor") -> dict:
    reply = texts(await chat.send(rivera(chat), "/coteach"))
    code = reply.split("/teach ")[1].split("<")[0].strip()
    other = chat.user(9003, name, "en")
    assert "co-teach" in texts(await chat.send(other, f"/teach {code}"))
    return other


async def test_a_co_teacher_sees_and_can_cancel_the_push_her_colleague_booked(
        chat: Chat) -> None:
    """Co-teachers share the class: one must see what the other booked before pushing the
    same words again, and the one who booked it hears who cancelled it."""
    ids = await enrol(chat, 2)
    other = await co_teacher(chat)
    # how Puente knows him (his name when he joined) is how both lines name him, whatever
    # his Telegram name says today
    chat.db.execute("UPDATE teachers SET first_name = 'Okafor' WHERE id = 9003")
    other = chat.user(9003, "Chidi", "en")
    chat.clock.advance(hours=10)  # Monday evening
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")

    again = texts(await chat.send(other, f"/push {PACK} at 09:00"))
    assert f"1 word of {PACK} is already waiting for Tue 08:00" in again
    listed = await chat.send(other, "/scheduled")
    assert texts(listed).startswith(
        "Pushes waiting to be sent:\n"
        f"1. Tue 08:00 · <b>Science 7B</b> · {PACK}: habitat (2 students) · booked by Ms. Rivera\n"
        f"2. Tue 09:00 · <b>Science 7B</b> · {PACK}: ")
    assert "booked by" not in texts(listed).split("\n")[2]  # her own push
    assert buttons(listed) == [("❌ Cancel 1 (Tue 08:00)", "sc:1"),
                               ("❌ Cancel 2 (Tue 09:00)", "sc:2")]
    own = texts(await chat.send(rivera(chat), "/scheduled"))
    assert "1. Tue 08:00" in own and "booked by Ms. Rivera" not in own
    assert "· booked by Okafor" in own

    confirm = texts(await chat.tap(other, "sc:1"))
    assert confirm.strip() == ("Cancel the push Ms. Rivera booked for Tue 08:00 to "
                               "<b>Science 7B</b> (habitat)? It will not be sent to 2 "
                               "students, and Ms. Rivera will be told.")
    done = await chat.tap(other, "sc:1:yes")
    assert "is cancelled: nothing more of it goes to 2 students" in texts(done)
    told = [c for c in done if c.chat_id == TEACHER_ID]
    assert [c.text for c in told] == [
        "Okafor cancelled your push of Tue 08:00 to <b>Science 7B</b> (habitat): nothing "
        "more of it goes to 2 students. Whatever it had already sent stays sent."]

    chat.clock.advance(hours=12)  # Tuesday 09:00: only the co-teacher's push goes out
    await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))
    assert not any("habitat" in c.text for c in chat.api.calls if "📘" in c.text)


async def test_a_teacher_who_blocked_the_bot_does_not_stop_her_colleague_cancelling(
        chat: Chat) -> None:
    await enrol(chat, 1)
    other = await co_teacher(chat)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    chat.api.block(TEACHER_ID)
    await chat.tap(other, "sc:1")
    done = texts(await chat.tap(other, "sc:1:yes"))
    assert "is cancelled" in done and "went wrong" not in done
    assert texts(await chat.send(other, "/scheduled")).startswith("No push is waiting")


async def test_a_forged_cancel_button_tells_the_teacher_nothing_changed_not_to_check(
        chat: Chat) -> None:
    """A teacher has no checks: a button we never sent says so without sending her to /check."""
    await enrol(chat, 1)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    for forged in ("sc:abc", "sc:1:maybe", "zz:1"):
        reply = texts(await chat.tap(rivera(chat), forged)).strip()
        assert reply == "That button is old or not meant for this chat, so nothing changed.", \
            forged
    assert texts(await chat.send(rivera(chat), "/scheduled")).count("habitat") == 1
