"""🔊 over real HTTP: `puente run` uploads each clip once, then sends Telegram's file_id."""

from __future__ import annotations

import pytest

from bot.standin import Person, Sent, StandIn
from tests.journey import (
    STEP,
    answer_check,
    become_teacher_with_class,
    first_card,
    join_class,
)
from tests.live import Puente

pytestmark = pytest.mark.live


def voices(person: Person) -> list[Sent]:
    return [s for s in person.received() if s.method == "sendVoice"]


def listen(person: Person) -> str | None:
    """The data of the 🔊 on the person's first card (levels 1-3: one word a card)."""
    return next((d for m in person.received() for _, d in m.buttons if d.startswith("au:")),
                None)


async def test_listen_uploads_each_clip_once_then_sends_file_ids(standin: StandIn,
                                                                 puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    ana, ben = standin.user(9201, "Ana", "es"), standin.user(9202, "Ben", "es")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    for student in (ana, ben):
        await join_class(student, code, "es")
        student.say("/words")
        await standin.wait_for(lambda s=student: listen(s) is not None, STEP, "the 🔊 button")
    ana.tap(listen(ana) or "")
    await standin.wait_for(lambda: bool(voices(ana)), STEP, "Ana's first voice note")
    ben.tap(listen(ben) or "")
    await standin.wait_for(lambda: len(voices(ben)) == len(voices(ana)), STEP,
                           "as many voice notes for Ben as for Ana")
    uploaded = [f for f in standin.world.files.values() if f.path.startswith("voices/")]
    assert len(uploaded) == len(voices(ana)) >= 1
    assert all(f.content.startswith(b"OggS") and b"OpusHead" in f.content[:100]
               for f in uploaded)
    first_ids = {s.message["voice"]["file_id"] for s in voices(ana)}
    assert {s.params.get("voice") for s in voices(ben)} <= first_ids  # by file_id: no upload
    assert all(" · " in s.text for s in voices(ben))  # each caption: the word · its gloss
    assert standin.stats.errors.get(400, 0) == 0, standin.stats.refused


async def test_a_beginner_hears_placement_and_answers_a_listening_item_under_its_note(
        standin: StandIn, puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    code = await become_teacher_with_class(standin, teacher, "Science 7B")
    listening: list[Sent] = []
    # About one check in four at level 1 has no listening item, and a word answered today is
    # not asked again today: each beginner takes one check, until one hears a word.
    for n in range(6):
        ana = standin.user(9201 + n, f"Ana{n}", "es")
        await join_class(ana, code, "es", place=False)
        await standin.wait_for(
            lambda a=ana: any(d == "ps:0" for s in a.received() for _, d in s.buttons),
            STEP, "the 🔊 on the first placement question")
        ana.tap("ps:0")
        await standin.wait_for(lambda a=ana: bool(voices(a)), STEP,
                               "the placement question read aloud")
        ana.tap("pl:0:4")  # "I don't know": level 1
        await ana.wait_for("We will start at level 1", STEP)
        await first_card(ana)  # one card of three read: the check's options need the other two
        await answer_check(ana)
        listening = [s for s in voices(ana) if any(d.startswith("an:") for _, d in s.buttons)]
        if listening:
            break
    assert listening, "no listening item in six beginners' checks"
    note = listening[0]
    assert "Which word did you hear?" in note.text
    await standin.wait_for(  # answered: its buttons come off (the edit may still be on its way)
        lambda: "reply_markup" not in standin.world.messages[(ana.id, note.message_id)], STEP,
        "the listening item's buttons taken off once answered")
    assert standin.stats.errors.get(400, 0) == 0, standin.stats.refused
