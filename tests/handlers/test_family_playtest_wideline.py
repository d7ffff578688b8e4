"""Playtest (Wideline, Haitian Creole; her grandmother reads Haitian Creole, her uncle French):
the teacher could not tell the grandmother's message from the uncle's, learned only after
answering that the answer could not be translated, and the weekly update named English words
the grandmother could not hear."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.services import learners
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    buttons,
    join_and_confirm,
    texts,
    voice,
    voices,
    with_speech,
)

GRANDMOTHER, UNCLE, STRANGER = 2001, 2002, 2003


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link(chat: Chat, user_id: int, first_name: str, lang: str) -> dict[str, Any]:
    made = texts(await chat.send(teacher(chat), "/family Ana"))
    person = chat.user(user_id, first_name, lang)
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    await chat.deliver()  # the teacher's note about a new language
    return person


async def to_teacher(chat: Chat) -> list[str]:
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_the_teacher_tells_the_grandmother_from_the_uncle_by_their_first_names(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="ht"))
    grandmother = await link(chat, GRANDMOTHER, "Mirlande", "ht")
    uncle = await link(chat, UNCLE, "Jean <Tonton> & co", "fr")
    await chat.send(grandmother, "/ask Mwen pa li angle. Kijan li ap fè?")
    [hers] = await to_teacher(chat)
    await chat.send(uncle, "/ask Comment va-t-elle en classe ?")
    [his] = await to_teacher(chat)
    assert hers.startswith("✉️ From Mirlande (<b>Ana</b>'s family), written in Haitian Creole:")
    assert his.startswith("✉️ From Jean &lt;Tonton&gt; &amp; co (<b>Ana</b>'s family), written "
                          "in French:")  # what a person typed is escaped
    # Kept on their link (as a student's first name is), so /families and its buttons name
    # them too (playtest: "Hodan #1 · Somali" twice), escaped
    calls = await chat.send(teacher(chat), "/families")
    assert "• Mirlande · Ana #1 · Haitian Creole" in texts(calls)
    assert "Jean &lt;Tonton&gt; &amp; co · " in texts(calls)
    assert "✉️ Write: Mirlande · Ana #1 · Haitian Creole" in [label for label, _ in buttons(calls)]
    # refreshed by each message (she renamed herself in Telegram), and deleted with her data
    renamed = chat.user(GRANDMOTHER, "Grann Mirlande", "ht")
    await chat.send(renamed, "/ask Mèsi!")
    assert "• Grann Mirlande · " in texts(await chat.send(teacher(chat), "/families"))
    await chat.deliver()
    await chat.send(renamed, "/deleteme")
    await chat.tap(renamed, callbacks.data(callbacks.DELETE, "yes"))
    await chat.deliver()
    for table in chat.db.table_names():
        assert "Mirlande" not in str(list(chat.db.execute(f"SELECT * FROM [{table}]"))), table


async def test_a_voice_note_names_the_family_member_too(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="ht"))
    grandmother = await link(chat, GRANDMOTHER, "Mirlande", "ht")
    await chat.send(grandmother, "/ask")
    await voice(chat, grandmother)
    copy = next(c for c in chat.api.calls if c.method == "copyMessage")
    assert str(copy.params["caption"]).startswith("✉️ From Mirlande (<b>Ana</b>'s family)")


async def test_the_teacher_reads_that_the_answer_cannot_be_translated_before_answering(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="ht"))
    grandmother = await link(chat, GRANDMOTHER, "Mirlande", "ht")
    await chat.send(grandmother, "/ask Mwen pa li angle. Kijan li ap fè?")
    [relayed] = await to_teacher(chat)
    lines = relayed.split("\n")
    assert lines[-2].startswith("Or tap a ready-made reply: Puente sends it in Haitian Creole")
    assert lines[-3] == ("⚠️ No Haitian Creole translation here: your answer goes exactly as you "
                         "write it. Use short, simple English, or ask someone who speaks Haitian "
                         "Creole to help.")
    assert "Haitian Creole" not in lines[-1]  # said once, on its own line
    # both things her words say, in English: she cannot read it, and she asks how Ana is doing
    assert "Puente recognised: “I cannot read English”\n" in relayed
    assert "Puente recognised: a question about how Ana is doing\n" in relayed
    relay_id = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    confirm = texts([c for c in await answer_as_written(chat, teacher(chat), "She is doing well.",
                                                        relay_id) if c.text])
    # asked once more, saying she cannot read English (her own words), the tap sends it: no
    # further news after that
    assert confirm == ("⚠️ Ana's family said they cannot read English (they read Haitian "
                       "Creole). Tap a ready-made reply: it reaches them in Haitian Creole. Or "
                       "find an interpreter.\nYour answer about Ana will be sent as you wrote "
                       "it.")


async def test_a_translated_answer_gets_no_warning(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    aunt = await link(chat, GRANDMOTHER, "Rosa", "en")
    await chat.send(aunt, "/ask How is Ana doing?")
    [relayed] = await to_teacher(chat)
    assert "⚠️" not in relayed and "No English translation" not in relayed


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


async def ana_reads(chat: Chat, terms: list[str]) -> None:
    words = {w.word.term: w for w in pack_words(chat.db, "science.ecosystems")}
    learners.introduce(chat.db, learners.learner(chat.db, 1001), [words[t] for t in terms],
                       chat.clock())
    learners.cards_shown(chat.db, 1001, [words[t].id for t in terms], chat.clock())


async def test_the_weekly_update_has_a_button_to_hear_its_words(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    grandmother = await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    await ana_reads(speaking, ["ecosystem", "prey"])
    queue_weekly_updates(speaking.app.bot_data.services)
    [update] = [c for c in await speaking.deliver() if c.chat_id == GRANDMOTHER]
    [(whole, _), (label, data)] = buttons([update])
    assert (whole, label) == ("🔊 Koute mesaj sa a", "🔊 Koute mo yo")
    heard = voices(await speaking.tap(grandmother, data))
    # each note says the English word and its Creole gloss: the caption says so, in Creole
    assert [c.params["caption"] for c in heard] == [
        "🔊 <b>ecosystem</b> · ekosistèm\n🗣 An angle ak an kreyòl ayisyen",
        "🔊 <b>prey</b> · bèt yo chase pou manje\n🗣 An angle ak an kreyòl ayisyen"]
    assert all(c.chat_id == GRANDMOTHER for c in heard)
    # /now shows the same buttons, and its words button says the same words
    now = await speaking.send(grandmother, "/now")
    [_, (again, data)] = buttons(now)
    assert again == label
    assert [c.params["caption"] for c in voices(await speaking.tap(grandmother, data))] == [
        c.params["caption"] for c in heard]


async def test_a_family_with_no_voice_hears_the_english_and_is_told_why(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="so"))
    father = await link(speaking, GRANDMOTHER, "Abdi", "so")
    await ana_reads(speaking, ["prey"])
    # no "🔊 Listen to this message" (no Somali voice): the words' 🔊 alone
    [(_label, data)] = buttons(await speaking.send(father, "/now"))
    [note] = voices(await speaking.tap(father, data))
    assert str(note.params["caption"]).endswith(
        "Weli ma jiro cod Soomaali ah, markaa waxaad maqlaysaa erayada Ingiriisiga oo keliya.")


async def test_someone_else_tapping_the_button_hears_nothing(speaking: Chat) -> None:
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    grandmother = await link(speaking, GRANDMOTHER, "Mirlande", "ht")
    await ana_reads(speaking, ["prey"])
    [(_, whole), (_, data)] = buttons(await speaking.send(grandmother, "/now"))
    stranger = speaking.user(STRANGER, "Eve", "en")
    assert not voices(await speaking.tap(stranger, data))  # not linked to Ana
    assert not voices(await speaking.tap(stranger, whole))
    forged = callbacks.data(callbacks.FAMILY_HEAR, 1001, "999999")  # a word Ana never met
    assert not voices(await speaking.tap(grandmother, forged))


async def test_without_speech_the_update_has_no_button(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="ht"))
    grandmother = await link(chat, GRANDMOTHER, "Mirlande", "ht")
    await ana_reads(chat, ["prey"])
    assert buttons(await chat.send(grandmother, "/now")) == []
