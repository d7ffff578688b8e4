"""/record replies through the real Application: Nkauj's grandmother reads very little (White
Hmong, and no Hmong voice exists, docs/speech.md). Her teacher records the ready-made replies
in Hmong once; a reply tapped for her then comes as that voice note, the Hmong text beneath as
its caption. A Spanish family's reply is exactly what it was."""

from __future__ import annotations

from typing import Any

from bot.demo.offline import Call
from bot.domain.ready_replies import RECORDABLE
from bot.presentation import callbacks
from bot.store import reply_recordings
from tests.harness import (
    TEACHER_ID,
    Chat,
    join_and_confirm,
    reply,
    texts,
    voice,
)

GRANDMOTHER = 2001
SKIP = callbacks.data(callbacks.RECORD, callbacks.SKIP)
STALE = ("That recording button or message is old or not yours, so nothing changed. /record "
         "shows the next word.")


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family(chat: Chat, lang: str = "hmn") -> dict[str, Any]:
    """Nkauj joins in `lang`; her grandmother links and reads Puente in `lang`."""
    await join_and_confirm(chat, chat.user(1001, "Nkauj", lang), lang=lang)
    made = texts(await chat.send(rivera(chat), "/family Nkauj"))
    person = chat.user(GRANDMOTHER, "Yer", lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()
    return person


def prompt_of(calls: list[Call]) -> Call:
    """The "🎙️ Say in ..." message among these calls."""
    (found,) = [c for c in calls if c.method == "sendMessage" and c.text.startswith("🎙️ Say")
                and any(d == SKIP for _, d in c.buttons)]
    return found


def stored(chat: Chat) -> list[tuple]:
    return chat.db.execute("SELECT class_id, reply, language, file_id, seconds, recorded_by "
                           "FROM reply_recordings ORDER BY reply").fetchall()


def said(calls: list[Call]) -> str:
    return "\n".join(c.text for c in calls if c.method == "sendMessage")


SICK = "Ua tsaug uas koj qhia kuv. Kuv vam tias ___ yuav zoo sai sai."
CALL = "Ua tsaug rau koj tsab xov. Kuv yuav rov tiv tauj koj sai sai no."
CALL_LABEL = "💬 Thank you for your message. I will contact you soon."
ANSWER = ("✉️ Lus teb los ntawm Nkauj tus xib fwb:\n<blockquote>" + CALL + "</blockquote>\n"
          "Ua lus Askiv:\n<blockquote>Thank you for your message. I will contact you soon."
          "</blockquote>\nYog xav teb, thov teb rau cov lus no xwb, lossis xa /ask thiab koj "
          "cov lus.")


async def record_call(chat: Chat, file_id: str = "yer-call") -> None:
    """Ms. Rivera records "I will contact you soon" in Hmong (⏭️ past "sick")."""
    asked = prompt_of(await chat.send(rivera(chat), "/record replies Hmong"))
    asked = prompt_of(await chat.tap_on(rivera(chat), SKIP, asked.result_id))
    await voice(chat, rivera(chat), asked.result_id, seconds=5, file_id=file_id)
    chat.api.uploads[file_id] = b"OggS"  # Telegram keeps the note she sent


async def to_her(chat: Chat, message: str) -> list[Call]:
    """The grandmother writes; the teacher taps "I will contact you soon" under it (the
    newest); what reaches the grandmother."""
    await chat.send(chat.user(GRANDMOTHER, "Yer", None), f"/ask {message}")
    await chat.deliver()
    await chat.tap(rivera(chat), callbacks.data(callbacks.READY_REPLY, "call"))
    return [c for c in await chat.deliver() if c.chat_id == GRANDMOTHER]


def labels(chat: Chat) -> list[str]:
    """The ready-made replies' buttons under the newest message relayed to the teacher."""
    relayed = [c for c in chat.api.calls if c.chat_id == TEACHER_ID and c.buttons
               and c.buttons[0][1].startswith(f"{callbacks.READY_REPLY}:")]
    return [label for label, _ in relayed[-1].buttons]


async def test_a_voice_note_replying_to_a_reply_is_kept_and_the_next_reply_comes(
        chat: Chat) -> None:
    await family(chat)
    asked = prompt_of(await chat.send(rivera(chat), "/record replies"))
    assert asked.text == (f"🎙️ Say in Hmong: <b>{SICK}</b>\nReply to this message with a voice "
                          "note, up to 30 seconds. Ready-made replies recorded: 0 of 12.\n"
                          "Where you see ___, say “your child”: the written reply names the "
                          "child.")
    calls = await voice(chat, rivera(chat), asked.result_id, seconds=6, file_id="yer-sick")
    assert calls[0].text == (f"✅ Saved in Hmong (6 s): “{SICK}”. A family member or student "
                             "who reads Hmong now hears your voice with this reply.")
    assert [label for label, _ in calls[0].buttons] == ["🔁 Record again", "🗑️ Delete"]
    assert prompt_of(calls).text == (
        f"🎙️ Say in Hmong: <b>{CALL}</b>\nReply to this message with a voice note, up to 30 "
        "seconds. Ready-made replies recorded: 1 of 12.")  # no child named: no gap to say
    assert stored(chat) == [(1, "sick", "hmn", "yer-sick", 6, TEACHER_ID)]


async def test_a_note_longer_than_30_seconds_is_refused_and_the_reply_waits(
        chat: Chat) -> None:
    await family(chat)
    asked = prompt_of(await chat.send(rivera(chat), "/record replies"))
    assert texts(await voice(chat, rivera(chat), asked.result_id, seconds=45)) == (
        "That voice note is 45 seconds long. A bit shorter, please: just the reply, in 30 "
        "seconds or less. Reply to the message again.")
    assert stored(chat) == []
    await voice(chat, rivera(chat), asked.result_id, seconds=9)
    assert [row[1] for row in stored(chat)] == ["sick"]


async def test_skip_moves_on_and_stale_or_forged_buttons_change_nothing(chat: Chat) -> None:
    await family(chat)
    asked = prompt_of(await chat.send(rivera(chat), "/record replies"))
    skipped = prompt_of(await chat.tap_on(rivera(chat), SKIP, asked.result_id))
    assert skipped.text.startswith(f"🎙️ Say in Hmong: <b>{CALL}</b>")
    assert said(await chat.tap_on(rivera(chat), SKIP, asked.result_id)) == STALE
    await voice(chat, rivera(chat), skipped.result_id, file_id="kept")
    # "meet" (its day and time are its point), a language with a voice, a class not hers, a
    # reply that is none of ours, and a student's language pick forged as a teacher's
    for forged in (callbacks.data(callbacks.RECORD_REPLY_AGAIN, 1, "meet", "hmn"),
                   callbacks.data(callbacks.RECORD_REPLY_DELETE, 1, "call", "es"),
                   callbacks.data(callbacks.RECORD_REPLY_DELETE, 2, "call", "hmn"),
                   callbacks.data(callbacks.RECORD_REPLY_DELETE, 1, "zzz", "hmn"),
                   callbacks.data(callbacks.RECORD, 1, "es", callbacks.REPLIES)):
        assert said(await chat.tap(rivera(chat), forged)) == STALE
    nkauj = chat.user(1001, "Nkauj", "hmn")
    await chat.tap(nkauj, callbacks.data(callbacks.RECORD_REPLY_DELETE, 1, "call", "hmn"))
    assert stored(chat) == [(1, "call", "hmn", "kept", 4, TEACHER_ID)]  # still there


async def test_record_again_replaces_and_delete_really_deletes(chat: Chat) -> None:
    await family(chat)
    asked = prompt_of(await chat.send(rivera(chat), "/record replies"))
    await voice(chat, rivera(chat), asked.result_id, file_id="take-1")
    again = prompt_of(await chat.tap(rivera(chat), callbacks.data(
        callbacks.RECORD_REPLY_AGAIN, 1, "sick", "hmn")))
    assert again.text.endswith("🔁 This reply is recorded already: a new voice note replaces "
                               "the recording.")
    await voice(chat, rivera(chat), again.result_id, file_id="take-2")
    assert [row[3] for row in stored(chat)] == ["take-2"]
    calls = await chat.tap(rivera(chat), callbacks.data(callbacks.RECORD_REPLY_DELETE, 1,
                                                        "sick", "hmn"))
    assert calls[-1].text == (f"🗑️ Deleted: the Hmong recording of “{SICK}”. It goes as text "
                              "only again. Recorded: 0 of 12.")
    assert stored(chat) == []


async def test_a_reply_to_the_hmong_grandmother_comes_as_the_teachers_voice(
        chat: Chat) -> None:
    await family(chat)
    before = await to_her(chat, "Nkauj puas zoo?")
    assert [(c.method, c.text) for c in before] == [("sendMessage", ANSWER)]
    await record_call(chat)
    after = await to_her(chat, "Nkauj puas tuaj kawm ntawv?")
    assert labels(chat)[0] == "💬 🎙️ Thank you for your message. I will contact you soon."
    assert labels(chat)[1] == "💬 Please ask Nkauj to open Puente every day."  # not recorded
    # one message: her teacher's voice, the same words beneath it as its caption
    assert [(c.method, c.params.get("voice"), c.text) for c in after] == [
        ("sendVoice", "yer-call", ANSWER)]


REFUSED = ("🎙️ Telegram did not take the voice note for a family member of <b>Nkauj</b>, so "
           "they got your ready-made reply as text only. Their privacy settings may block "
           "voice notes.")


def teacher_notes(chat: Chat) -> list[str]:
    return [c.text for c in chat.api.calls if c.chat_id == TEACHER_ID
            and c.method == "sendMessage" and c.text.startswith("🎙️ Telegram")]


async def test_a_lost_recording_leaves_the_reply_as_it_was_and_the_teacher_hears_it(
        chat: Chat) -> None:
    """She read "✅ Sent … as a 🎙️ voice note" at her tap; the note was refused as it went
    out, so she is told the grandmother got the text only."""
    await family(chat)
    await record_call(chat, "gone")
    del chat.api.uploads["gone"]  # Telegram no longer has the file
    assert [(c.method, c.text) for c in await to_her(chat, "Nkauj puas zoo?")] == [
        ("sendMessage", ANSWER)]
    await chat.deliver()
    assert teacher_notes(chat) == [REFUSED]


async def test_a_voice_note_that_goes_tells_the_teacher_nothing_more(chat: Chat) -> None:
    await family(chat)
    await record_call(chat)
    assert [c.method for c in await to_her(chat, "Nkauj puas zoo?")] == ["sendVoice"]
    await chat.deliver()
    assert teacher_notes(chat) == []


async def test_a_grandmother_who_blocked_the_bot_is_handled_as_before(chat: Chat) -> None:
    await family(chat)
    await record_call(chat)
    chat.api.block(GRANDMOTHER)
    assert [c for c in await to_her(chat, "Nkauj puas zoo?") if c.method == "sendVoice"] == []
    assert chat.db.execute("SELECT status FROM outbox WHERE kind = 'answer'").fetchall() == [
        ("blocked",)]


async def test_a_spanish_family_gets_exactly_the_message_it_got_before(chat: Chat) -> None:
    await family(chat, "es")
    await chat.send(chat.user(GRANDMOTHER, "Yer", "es"), "/ask ¿Cómo está Nkauj?")
    await chat.deliver()
    assert labels(chat)[0] == CALL_LABEL
    # a Spanish recording cannot be made (Spanish has a voice); one in the table is not used
    reply_recordings.save_reply_recording(chat.db, 1, "call", "es", "es-call", 5, TEACHER_ID,
                                          chat.clock())
    chat.api.uploads["es-call"] = b"OggS"
    await chat.tap(rivera(chat), callbacks.data(callbacks.READY_REPLY, "call"))
    got = [c for c in await chat.deliver() if c.chat_id == GRANDMOTHER]
    assert [c.method for c in got] == ["sendMessage"]
    assert "Gracias por su mensaje." in got[0].text


async def test_report_counts_the_replies_recorded(chat: Chat) -> None:
    await family(chat)
    await record_call(chat)
    report = texts(await chat.send(rivera(chat), "/report"))
    assert f"Hmong ready-made replies: 1 of {len(RECORDABLE)} recorded" in report


async def test_the_hold_before_an_english_answer_marks_the_replies_she_will_hear(
        chat: Chat) -> None:
    await family(chat)
    await record_call(chat)
    await chat.send(chat.user(GRANDMOTHER, "Yer", None), "/ask Nkauj puas zoo?")
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    held = await reply(chat, rivera(chat), "She is fine, thanks!", relay.result_id)
    offered = [label for c in held for label, data in c.buttons
               if data.startswith(f"{callbacks.READY_REPLY}:")]
    # "is Nkauj well?" says nobody is sick: no "feels better soon", as under her message
    assert offered[0] == "💬 🎙️ Thank you for your message. I will contact you soon."
    assert not any("feels better soon" in label for label in offered)


async def test_a_hmong_student_hears_a_student_reply_too(chat: Chat) -> None:
    nkauj = chat.user(1001, "Nkauj", "hmn")
    await join_and_confirm(chat, nkauj, lang="hmn")
    asked = prompt_of(await chat.send(rivera(chat), "/record replies Hmong"))
    while "Ua tau zoo heev" not in asked.text:  # ⏭️ to "Great work!" ("Ua tau zoo heev!")
        asked = prompt_of(await chat.tap_on(rivera(chat), SKIP, asked.result_id))
    await voice(chat, rivera(chat), asked.result_id, file_id="great")
    chat.api.uploads["great"] = b"OggS"
    await chat.send(nkauj, "/ask Kuv ua tau lawm!")
    await chat.deliver()
    assert "💬 🎙️ Great work!" in labels(chat)
    await chat.tap(rivera(chat), callbacks.data(callbacks.READY_REPLY, "great"))
    got = [c for c in await chat.deliver() if c.chat_id == 1001]
    assert [(c.method, c.params.get("voice")) for c in got] == [("sendVoice", "great")]
    assert "Ua tau zoo heev!" in got[0].text


async def test_the_end_of_the_words_says_how_many_replies_are_recorded(chat: Chat) -> None:
    await family(chat)
    await record_call(chat)
    asked = prompt_of(await chat.send(rivera(chat), "/record"))
    calls = await chat.tap_on(rivera(chat), SKIP, asked.result_id)
    while not calls[-1].text.startswith("⏹️"):
        calls = await chat.tap_on(rivera(chat), SKIP, prompt_of(calls).result_id)
    assert calls[-1].text.endswith(
        "\n🎙️ Ready-made replies recorded in Hmong: 1 of 12. /record replies hmn records "
        "them, for families who read little.")


async def test_the_teacher_reads_that_her_reply_went_as_a_voice_note(chat: Chat) -> None:
    """Playtest: after a tap, "✅ Sent to Nkauj's family member in Hmong" left her wondering
    whether the grandmother would hear it; a reply with a recording says it goes as one."""
    await family(chat)
    grandmother = chat.user(GRANDMOTHER, "Yer", None)
    sent = []
    for question in ("Nkauj puas zoo?", "Nkauj puas tuaj kawm ntawv?"):
        await chat.send(grandmother, f"/ask {question}")
        await chat.deliver()
        calls = await chat.tap(rivera(chat), callbacks.data(callbacks.READY_REPLY, "call"))
        sent.append(said(calls).splitlines()[0])
        if len(sent) == 1:  # then she records "I will contact you soon" in Hmong
            await record_call(chat)
    assert sent == ["✅ Sent to Nkauj's family member in Hmong, the English beneath:",
                    "✅ Sent to Nkauj's family member as a 🎙️ voice note (Hmong), with the text "
                    "and the English beneath:"]


async def test_the_replies_language_picker_names_families_too(chat: Chat) -> None:
    """Nkauj reads Hmong; only her grandmother reads Somali: the replies' picker offers both
    and says a student or a family reads them (the words' /record has Hmong alone)."""
    await join_and_confirm(chat, chat.user(1001, "Nkauj", "hmn"), lang="hmn")
    made = texts(await chat.send(rivera(chat), "/family Nkauj"))
    grandmother = chat.user(GRANDMOTHER, "Yer", "so")
    await chat.send(grandmother, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(grandmother, callbacks.data(callbacks.FAMILY_LANG, "so"))
    calls = await chat.send(rivera(chat), "/record replies")
    assert said(calls) == (
        "🎙️ Which language do you want to record the ready-made replies in for <b>Science 7B"
        "</b>? Your students or their families read these languages, and no voice speaks "
        "them yet:")
    assert [label for label, _ in calls[-1].buttons] == ["🎙️ Hmong", "🎙️ Somali"]
    assert prompt_of(await chat.send(rivera(chat), "/record")).text.startswith(
        "🎙️ Say in Hmong: ")
