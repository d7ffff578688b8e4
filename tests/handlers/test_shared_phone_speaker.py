"""Playtest (Haitian Creole; Widlene, 8, WIDA 1, on the phone she shares with her grandmother,
who speaks Kreyòl and cannot read): once the phone was linked as the family's too, the
grandmother's voice note reached the teacher as "From your student", with no ready-made
replies, and the answer came back in English addressed to the child. Now a voice note or a
free message on such a phone first asks who is speaking (🧒 the child or 👪 the family, 🔊
said aloud), then follows that one's path; a voice note is "a voice note in", never "written
in"; the family-link question is short, with 🔊; and /stop there takes a confirming tap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.presentation import callbacks
from bot.services import family
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    join_and_confirm,
    reply,
    texts,
    voice,
    voices,
    with_speech,
)

WIDLENE = 1001
CHILD = callbacks.data(callbacks.SPEAKER, "c")
FAMILY = callbacks.data(callbacks.SPEAKER, "f")
WHO = "🧒 oswa 👪? Mesaj sa a soti nan kiyès?"  # "🧒 or 👪? Who is this message from?"
VOICE_OFFER = "🎤 Èske m voye mesaj vokal sa a bay pwofesè a?"  # "Shall I send this voice note"
SEND = callbacks.data(callbacks.ASK, WIDLENE)


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family_link(chat: Chat, name: str = "Widlene") -> str:
    made = texts(await chat.send(rivera(chat), f"/family {name}"))
    return made.split("?start=")[1].split()[0]


async def shared(chat: Chat, lang: str = "ht") -> dict[str, Any]:
    """Widlene joins at WIDA 1, opens her family's link and taps ✅ Family updates here too."""
    widlene = chat.user(WIDLENE, "Widlene", lang)
    await join_and_confirm(chat, widlene, lang=lang, level=1)
    await chat.send(widlene, f"/start {await family_link(chat)}")
    [(_, here)] = [b for b in buttons(chat.api.calls[-1:]) if b[1].startswith("fo:")]
    await chat.tap(widlene, here)
    await chat.deliver()  # the teachers' note that the family reads on the child's phone
    return widlene


async def to_teacher(chat: Chat) -> list[Any]:
    return [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]


def said(calls: list[Any]) -> str:
    """What the bot wrote (a tap's answers and edits carry no text)."""
    return texts(calls).strip()


def caption(chat: Chat) -> str:
    copy = [c for c in chat.api.calls if c.method == "copyMessage"][-1]
    return str(copy.params["caption"])


def copied_buttons(chat: Chat) -> list[str]:
    copy = [c for c in chat.api.calls if c.method == "copyMessage"][-1]
    return [data for _, data in copy.buttons]


async def test_the_grandmothers_voice_note_reaches_the_teacher_as_the_familys(
        chat: Chat) -> None:
    widlene = await shared(chat)
    asked = await voice(chat, widlene)
    assert texts(asked).startswith(WHO)  # nothing offered or sent before the choice
    labels = [label for label, _ in buttons(asked)]
    assert labels[:2] == ["🧒 Widlene", "👪 Fanmi"]
    assert not [c for c in chat.api.calls if c.method == "copyMessage"]
    offer = said(await chat.tap(widlene, FAMILY))
    assert offer.startswith(VOICE_OFFER) and "\n🎤 Shall I" not in offer  # hers
    await chat.tap(widlene, SEND)
    assert caption(chat).startswith(
        "✉️ From a family member of <b>Widlene</b>, a voice note in Haitian Creole:")
    assert "written in" not in caption(chat)
    assert any(data.startswith(f"{callbacks.READY_REPLY}:") for data in copied_buttons(chat))
    role = chat.db.execute("SELECT asker_role FROM thread_messages").fetchone()[0]
    assert role == "family"
    thread = texts(await chat.send(rivera(chat), "/thread Widlene"))
    assert "a family member" in thread and "the student" not in thread
    # A second note a moment later is hers too: nobody asks again
    chat.clock.advance(minutes=3)
    assert texts(await voice(chat, widlene)).startswith(VOICE_OFFER)


async def test_the_choice_is_kept_in_memory_a_few_minutes_only(chat: Chat) -> None:
    widlene = await shared(chat)
    await voice(chat, widlene)
    await chat.tap(widlene, FAMILY)
    chat.clock.advance(minutes=11)
    assert texts(await voice(chat, widlene)).startswith(WHO)  # someone else may hold it now
    assert "speak" not in str(list(chat.db.execute("SELECT * FROM families")))


async def test_the_child_tapping_herself_follows_the_students_path(chat: Chat) -> None:
    widlene = await shared(chat)
    await voice(chat, widlene)
    offer = said(await chat.tap(widlene, CHILD))
    assert offer.startswith(VOICE_OFFER) and "\n🎤 Shall I send this voice note" in offer
    await chat.tap(widlene, SEND)
    assert caption(chat).startswith(
        "✉️ From your student <b>Widlene</b>, a voice note in Haitian Creole:")
    # the replies to a student (her own path), never the family's
    ready = [d for d in copied_buttons(chat) if d.startswith(f"{callbacks.READY_REPLY}:")]
    assert f"{callbacks.READY_REPLY}:thanks" in ready
    assert f"{callbacks.READY_REPLY}:sick" not in ready


async def test_a_students_own_phone_is_not_asked_who_speaks_and_says_voice_note(
        chat: Chat) -> None:
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    assert texts(await voice(chat, widlene)).startswith(VOICE_OFFER)
    await chat.tap(widlene, SEND)
    assert caption(chat).startswith(
        "✉️ From your student <b>Widlene</b>, a voice note in Haitian Creole:")


async def test_the_familys_ask_gets_ready_replies_and_the_answer_is_addressed_to_them(
        chat: Chat) -> None:
    widlene = await shared(chat)
    assert texts(await chat.send(widlene, "/ask Kijan li ap fè lekòl la?")).startswith(WHO)
    await chat.tap(widlene, FAMILY)
    [relayed] = await to_teacher(chat)
    assert relayed.text.startswith(
        "✉️ From a family member of <b>Widlene</b>, written in Haitian Creole:")
    assert any(data.startswith(f"{callbacks.READY_REPLY}:") for _, data in relayed.buttons)
    assert relayed.result_id is not None
    await answer_as_written(chat, rivera(chat), "Thank you, she is doing well.",
                            relayed.result_id)
    [answer] = [c for c in await chat.deliver() if c.chat_id == WIDLENE]
    assert answer.text.startswith("✉️ Repons pwofesè a sou Widlene:")  # to the family
    assert "Repons pwofesè ou" not in answer.text  # not "your teacher's answer"


async def test_a_bare_ask_asks_who_first_then_for_the_message(chat: Chat) -> None:
    widlene = await shared(chat)
    assert texts(await chat.send(widlene, "/ask")).startswith(WHO)
    await chat.tap(widlene, FAMILY)
    await chat.send(widlene, "Mwen se grann li. Mèsi anpil pou tout bagay.")
    [relayed] = await to_teacher(chat)
    assert relayed.text.startswith("✉️ From a family member of <b>Widlene</b>")


async def test_a_free_message_outside_a_check_asks_who_and_offers_it_as_the_familys(
        chat: Chat) -> None:
    widlene = await shared(chat)
    asked = await chat.send(widlene, "Bonjou pwofesè a, se grann li k ap ekri")
    assert texts(asked).startswith(WHO)
    offer = said(await chat.tap(widlene, FAMILY))
    assert offer.startswith("Mèsi pou mesaj ou. Èske ou ta renmen m voye l bay pwofesè a?")
    await chat.tap(widlene, SEND)
    [relayed] = await to_teacher(chat)
    assert relayed.text.startswith("✉️ From a family member of <b>Widlene</b>")


async def test_the_question_has_a_speaker_button_where_a_voice_speaks_the_language(
        chat: Chat, tmp_path: Path) -> None:
    widlene = await shared(with_speech(chat, tmp_path / "clips"))
    asked = await voice(chat, widlene)
    [hear] = [data for label, data in buttons(asked) if label.startswith("🔊")]
    notes = voices(await chat.tap(widlene, hear))
    assert len(notes) == 1 and str(notes[0].params["caption"]).startswith(WHO)
    assert said(await chat.tap(widlene, FAMILY)).startswith(VOICE_OFFER)  # still held


async def test_no_speaker_button_where_no_voice_speaks_the_language(
        chat: Chat, tmp_path: Path) -> None:
    hodan = await shared(with_speech(chat, tmp_path / "clips"), lang="so")  # no Somali voice
    asked = await voice(chat, hodan)
    assert [label for label, _ in buttons(asked)][1] == "👪 Qoyska"
    assert not [label for label, _ in buttons(asked) if label.startswith("🔊")]


async def test_the_family_link_question_is_short_with_a_speaker_button(
        chat: Chat, tmp_path: Path) -> None:
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(with_speech(chat, tmp_path / "clips"), widlene, lang="ht", level=1)
    opened = await chat.send(widlene, f"/start {await family_link(chat)}")
    kreyol = texts(opened).split("\n")[0]
    assert kreyol == ("👪 Lyen sa a se pou fanmi w. Èske fanmi w sèvi ak telefòn sa a tou? "
                      "Peze ✅. Si se pa sa, bay fanmi w lyen an.")
    [hear] = [data for label, data in buttons(opened) if label.startswith("🔊")]
    notes = voices(await chat.tap(widlene, hear))
    assert len(notes) == 1 and str(notes[0].params["caption"]).startswith("👪 Lyen sa a")
    assert not family.is_family(chat.db, WIDLENE)  # hearing it links nothing


async def test_a_stray_stop_on_the_shared_phone_needs_a_tap(chat: Chat) -> None:
    widlene = await shared(chat)
    asked = await chat.send(widlene, "/stop")
    assert texts(asked).startswith("⏸ Kanpe nouvèl chak semèn pou fanmi an sou Widlene")
    [child] = family.linked_children(chat.db, WIDLENE)
    assert child.updates_on  # nothing stopped yet
    [(label, data)] = buttons(asked)
    assert label == "⏸ Kanpe nouvèl yo"
    stopped = said(await chat.tap(widlene, data))
    assert stopped.startswith("Rapò chak semèn yo kanpe.")
    [child] = family.linked_children(chat.db, WIDLENE)
    assert not child.updates_on


async def test_a_voice_reply_to_the_familys_answer_is_the_familys_without_asking(
        chat: Chat) -> None:
    widlene = await shared(chat)
    await chat.send(widlene, "/ask Kijan li ap fè lekòl la?")
    await chat.tap(widlene, FAMILY)
    [relayed] = await to_teacher(chat)
    assert relayed.result_id is not None
    await answer_as_written(chat, rivera(chat), "She is doing well.", relayed.result_id)
    [answer] = [c for c in await chat.deliver() if c.chat_id == WIDLENE]
    chat.clock.advance(minutes=30)  # the choice is long forgotten; the reply says whose it is
    offer = said(await voice(chat, widlene, reply_to=answer.result_id))
    assert offer.startswith(VOICE_OFFER) and "Shall I" not in offer
    await chat.tap(widlene, SEND)
    assert caption(chat).startswith("✉️ From a family member of <b>Widlene</b>, a voice note")


async def test_a_typed_reply_to_the_familys_answer_goes_to_the_teacher_as_the_familys(
        chat: Chat) -> None:
    widlene = await shared(chat)
    await chat.send(widlene, "/ask Kijan li ap fè lekòl la?")
    await chat.tap(widlene, FAMILY)
    [relayed] = await to_teacher(chat)
    assert relayed.result_id is not None
    await answer_as_written(chat, rivera(chat), "She is doing well.", relayed.result_id)
    [answer] = [c for c in await chat.deliver() if c.chat_id == WIDLENE]
    assert answer.result_id is not None
    chat.clock.advance(minutes=30)  # the choice is long forgotten; the reply says whose it is
    sent = said(await reply(chat, widlene, "Mèsi anpil, pwofesè.", answer.result_id))
    assert not sent.startswith(WHO)  # nobody is asked who speaks
    [again] = await to_teacher(chat)  # at once, as a family's reply to an answer goes
    assert again.text.startswith("✉️ From a family member of <b>Widlene</b>")
    assert "Mèsi anpil, pwofesè." in again.text


async def test_a_speaker_button_on_a_phone_that_is_not_shared_sends_nothing(
        chat: Chat) -> None:
    """Button data is forgeable: 👪 on a student's own phone never files her as a family."""
    widlene = chat.user(WIDLENE, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await chat.send(widlene, "/ask")  # a message she might have been asked for
    refused = await chat.process(chat.factory.tap(widlene, FAMILY))
    assert "Bouton sa a pa bon ankò" in texts(refused)  # "That button is old…"
    await chat.send(widlene, "Mwen pa konprann devwa a")
    [relayed] = await to_teacher(chat)
    assert relayed.text.startswith("✉️ From your student <b>Widlene</b>")


async def test_a_reply_to_the_familys_answer_after_a_bare_ask_is_the_familys(
        chat: Chat) -> None:
    widlene = await shared(chat)
    await chat.send(widlene, "/ask Kijan li ap fè lekòl la?")
    await chat.tap(widlene, FAMILY)
    [relayed] = await to_teacher(chat)
    assert relayed.result_id is not None
    await answer_as_written(chat, rivera(chat), "She is doing well.", relayed.result_id)
    [answer] = [c for c in await chat.deliver() if c.chat_id == WIDLENE]
    assert answer.result_id is not None
    chat.clock.advance(minutes=30)
    await chat.send(widlene, "/ask")  # the child's bare /ask, 🧒 chosen ...
    await chat.tap(widlene, CHILD)
    # ... then the grandmother answers the teacher's answer to her, as a Telegram reply
    await reply(chat, widlene, "Mèsi anpil, pwofesè.", answer.result_id)
    [again] = await to_teacher(chat)
    assert again.text.startswith("✉️ From a family member of <b>Widlene</b>")
