"""A teacher hears who joined their class: one short note, two minutes after the student chose
a home language, with their language, level (or "placement pending") and the words they
start with; students who join meanwhile are in the same note, not a burst of messages."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm

CLASS = "<b>Science 7B</b>"
STARTER = "ecosystem, organism, habitat"  # a level-1 set: the class pack's first words


def student(chat: Chat, user_id: int, name: str, lang: str = "es") -> dict[str, Any]:
    return chat.user(user_id, name, lang)


async def told(chat: Chat) -> list[str]:
    """What the teacher gets once the note's two minutes are over."""
    chat.clock.advance(minutes=2, seconds=1)
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_the_teacher_hears_who_joined_in_which_language_and_their_first_words(
        chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", level=None,
                           told=True)
    assert [c for c in await chat.deliver() if c.chat_id == TEACHER_ID] == []  # not at once
    notes = await told(chat)
    assert len(notes) == 1
    # no words before the placement decides them: its level sets how many
    assert notes[0] == (f"👋 Minh joined {CLASS}: Vietnamese · placement pending · "
                        "first words once placed")
    assert await told(chat) == []  # once


async def test_students_joining_together_make_one_note(chat: Chat) -> None:
    for user_id, name, lang in ((1001, "Minh", "vi"), (1002, "Layla", "ar"),
                                (1003, "Carlos", "es")):
        await join_and_confirm(chat, student(chat, user_id, name, lang), lang, level=None,
                               told=True)
        chat.clock.advance(seconds=40)  # a class joining from the board, one after another
    notes = await told(chat)
    assert len(notes) == 1
    lines = notes[0].split("\n")
    assert lines[0] == f"👋 3 students joined {CLASS}:"
    assert [line.split(" · ")[0] for line in lines[1:]] == [
        "• Minh: Vietnamese", "• Layla: Arabic", "• Carlos: Spanish"]


async def test_a_student_joining_after_the_note_went_gets_a_note_of_their_own(
        chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    assert len(await told(chat)) == 1
    await join_and_confirm(chat, student(chat, 1002, "Layla", "ar"), "ar", told=True)
    notes = await told(chat)
    assert len(notes) == 1 and notes[0].startswith(f"👋 Layla joined {CLASS}: Arabic")


async def test_the_level_the_teacher_set_and_the_words_it_starts_with(chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Carlos"), "es", level=3, told=True)
    notes = await told(chat)
    assert notes[0].startswith(f"👋 Carlos joined {CLASS}: Spanish · WIDA level 3 · "
                               f"first words: {STARTER}, population, community")


async def test_a_placement_finished_before_the_note_goes_gives_the_level(chat: Chat) -> None:
    minh = student(chat, 1001, "Minh", "vi")
    await chat.send(minh, "/start JOINcode_123")
    await chat.tap(minh, callbacks.data(callbacks.LANGUAGE, "vi"))
    await chat.tap(minh, "pl:0:4")  # 🤷 on the first question: level 1, cards follow
    notes = await told(chat)
    assert len(notes) == 1
    assert notes[0] == (f"👋 Minh joined {CLASS}: Vietnamese · level 1 (self-placed; /level "
                        f"sets it) · first words: {STARTER}")


async def test_a_student_who_chooses_a_language_later_is_told_of_then(chat: Chat) -> None:
    minh = student(chat, 1001, "Minh", "vi")
    await chat.send(minh, "/start JOINcode_123")
    assert await told(chat) == []  # joined, but no language yet: not part of the class yet
    await chat.tap(minh, callbacks.data(callbacks.LANGUAGE, "vi"))
    assert len(await told(chat)) == 1


async def test_a_student_with_a_language_joining_a_second_class_is_told_of_at_once(
        chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    await told(chat)
    people.upsert_teacher(chat.db, 9002, "Mr. Okafor", chat.clock.now)
    people.create_class(chat.db, 9002, "Math 6", "MATHcode_456",
                        chat.clock.now.replace(year=2027), "math.number-operations",
                        chat.clock.now)
    await chat.send(student(chat, 1001, "Minh", "vi"), "/start MATHcode_456")
    await chat.send(student(chat, 1001, "Minh", "vi"), "/start MATHcode_456")  # again: once
    chat.clock.advance(minutes=2, seconds=1)
    sent = [c for c in await chat.deliver() if c.method == "sendMessage"]
    assert [c.chat_id for c in sent] == [9002]
    # his five science words fill his open slots: no math word to name yet
    assert sent[0].text == "👋 Minh joined <b>Math 6</b>: Vietnamese · WIDA level 3"


async def test_the_note_names_only_the_first_name_escaped(chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Ana <3 & co"), "es", told=True)
    notes = await told(chat)
    assert notes[0].startswith(f"👋 Ana &lt;3 &amp; co joined {CLASS}: Spanish")


async def test_a_student_who_deletes_their_data_before_it_goes_is_not_named(
        chat: Chat) -> None:
    carlos = student(chat, 1001, "Carlos")
    await join_and_confirm(chat, carlos, "es", told=True)
    await chat.send(carlos, "/deleteme")
    await chat.tap(carlos, "dl:yes")
    assert not any("Carlos joined" in text for text in await told(chat))


async def test_a_teacher_who_reads_spanish_gets_the_note_in_spanish(chat: Chat) -> None:
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(rivera, "/language")
    await chat.tap(rivera, callbacks.data(callbacks.TEACHER_LANG, "es"))
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", level=None,
                           told=True)
    notes = "\n".join(await told(chat))
    assert notes.startswith(f"👋 Minh se unió a {CLASS}: vietnamita · prueba de nivel "
                            "pendiente · primeras palabras tras la prueba de nivel")


async def test_a_stream_of_joins_does_not_hold_the_note_back(chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    chat.clock.advance(seconds=100)
    await join_and_confirm(chat, student(chat, 1002, "Layla", "ar"), "ar", told=True)
    chat.clock.advance(seconds=21)  # two minutes after Minh, 21 s after Layla
    sent = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(sent) == 1 and sent[0].startswith(f"👋 2 students joined {CLASS}:")


async def test_a_student_joining_at_night_is_told_of_in_the_morning(chat: Chat) -> None:
    chat.clock.advance(hours=10)  # 21:00 in New York: the teacher's quiet hours
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    assert await told(chat) == []
    chat.clock.advance(hours=10)  # 07:00 the next morning
    assert [c.chat_id for c in await chat.deliver()] == [TEACHER_ID]


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def remove(chat: Chat, name: str) -> None:
    """/remove NAME, then the confirming tap."""
    asked = await chat.send(rivera(chat), f"/remove {name}")
    await chat.tap(rivera(chat), next(d for _, d in buttons(asked)
                                      if d.startswith("rm:") and d != "rm:no"))


async def test_a_student_removed_before_the_note_goes_is_not_named_in_it(chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    await join_and_confirm(chat, student(chat, 1002, "Layla", "ar"), "ar", told=True)
    await remove(chat, "Layla")  # joined by mistake: the teacher took her off at once
    notes = await told(chat)
    assert len(notes) == 1
    assert notes[0].startswith(f"👋 Minh joined {CLASS}: Vietnamese")  # one student's note
    assert "Layla" not in notes[0]


async def test_no_note_when_the_only_student_was_removed_before_it_goes(chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", told=True)
    await remove(chat, "Minh")
    assert await told(chat) == []


async def test_a_level_set_before_the_note_goes_replaces_placement_pending(
        chat: Chat) -> None:
    await join_and_confirm(chat, student(chat, 1001, "Minh", "vi"), "vi", level=None,
                           told=True)
    await chat.send(rivera(chat), "/level Minh 3")
    notes = await told(chat)
    assert len(notes) == 1
    assert notes[0].startswith(f"👋 Minh joined {CLASS}: Vietnamese · WIDA level 3 · ")
    assert "placement pending" not in notes[0]
