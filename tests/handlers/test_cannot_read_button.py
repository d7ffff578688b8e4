"""A teacher's words that reach a family untranslated (playtest: Marie-Ange, Haitian Creole):
the note "these are the teacher's own words" now comes with something to do, "🔤 I cannot read
this", which sends the ready-made "I cannot read English" to that teacher, once; and the
teacher's next typed reply to her leads with the ready-made replies and says plainly that she
cannot read English."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import TEACHER_ID, Chat, answer_as_written, enrol_student, reply, texts

WIDLENE, MOTHER = 1001, 2001
CANNOT = callbacks.data(callbacks.CANNOT_READ)


def mother(chat: Chat) -> dict[str, Any]:
    return chat.user(MOTHER, "Marie-Ange", "ht")


async def asked(chat: Chat, text: str) -> int:
    """The mother writes to the teacher; the id of the relay in the teacher's chat."""
    await chat.send(mother(chat), f"/ask {text}")
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert relay.result_id is not None
    return relay.result_id


async def linked(chat: Chat) -> None:
    enrol_student(chat.db, START, WIDLENE, "Widlene", "ht")
    await link(chat, rivera(chat), "Widlene", mother(chat))
    await chat.deliver()


async def test_an_untranslated_answer_offers_i_cannot_read_this_which_tells_the_teacher_once(
        chat: Chat) -> None:
    await linked(chat)
    relay = await asked(chat, "Widlene pa konprann devwa a")
    await answer_as_written(chat, rivera(chat), "Page 12, questions 1 to 5.", relay)
    answer = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert "Page 12" in answer.text and "pwòp mo pwofesè a" in answer.text
    assert answer.buttons == [("🔤 Mwen pa ka li sa a", CANNOT)]
    first, again = await chat.double_tap(mother(chat), CANNOT)
    assert texts(first) and not texts(again)  # told where the answer comes, once
    assert CANNOT not in [d for _, d in chat.latest(mother(chat), answer.result_id).buttons]
    told = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(told) == 1
    assert "I cannot read English. Please answer me with a ready-made reply" in told[0].text
    assert "Widlene" in told[0].text
    await chat.tap_on(mother(chat), CANNOT, answer.result_id)  # an old screen: nothing more
    assert not [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]


async def test_after_i_cannot_read_english_a_typed_reply_leads_with_ready_made_replies(
        chat: Chat) -> None:
    await linked(chat)
    relay = await asked(chat, "Widlene pa konprann devwa a")
    offer = await reply(chat, rivera(chat), "Page 12, questions 1 to 5.", relay)
    # before she said she cannot read English: ✅ first, as it was
    assert offer[-1].buttons[0][1].startswith(callbacks.ANSWER_HELD)
    await chat.send(mother(chat), "/ask")
    await chat.tap(mother(chat), callbacks.data(callbacks.FAMILY_NOTE))
    await chat.tap(mother(chat), callbacks.data(callbacks.FAMILY_NOTE, WIDLENE, "cannot-read"))
    await chat.tap(mother(chat), callbacks.data(callbacks.FAMILY_NOTE_SEND, WIDLENE,
                                                "cannot-read"))
    note = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert note.result_id is not None
    offer = await reply(chat, rivera(chat), "Please read page 12.", note.result_id)
    assert offer[-1].text.startswith(
        "⚠️ Widlene's family said they cannot read English (they read Haitian Creole). Tap a "
        "ready-made reply: it reaches them in Haitian Creole. Or find an interpreter.")
    labels = [label for label, _ in offer[-1].buttons]
    assert labels[0] == "💬 I will find an interpreter and call you."
    held = labels.index("✅ Send as written")
    assert all(label.startswith("💬") for label in labels[:held])  # the replies lead
    assert labels[held + 1] == "✖️ Cancel"
    # the same for a reply to her earlier, typed message
    again = await reply(chat, rivera(chat), "Page 12.", relay)
    assert "said they cannot read English" in again[-1].text


async def test_an_untranslated_announcement_offers_it_too_and_names_the_announcement(
        chat: Chat) -> None:
    await linked(chat)
    preview = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    await chat.tap(rivera(chat), next(d for c in preview for _, d in c.buttons
                                      if d.endswith(":f")))
    copy = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert copy.buttons == [("🔤 Mwen pa ka li sa a", CANNOT)]
    await chat.tap(mother(chat), CANNOT)
    [told] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "About your announcement of Mon 14 Sep: “Field trip on Friday.”" in told.text
    assert "I cannot read English." in told.text


async def test_the_teacher_reads_which_answer_the_family_could_not_read(chat: Chat) -> None:
    # playtest: "I cannot read English" under two answers in a day named neither
    await linked(chat)
    relay = await asked(chat, "Widlene pa konprann devwa a")
    await answer_as_written(chat, rivera(chat), "Read p. 12 & bring <3> notes to class "
                                                "tomorrow, please.", relay)
    first = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    chat.clock.advance(hours=2)
    await answer_as_written(chat, rivera(chat), "Also: the test is on Friday.", relay)
    await chat.deliver()
    await chat.tap_on(mother(chat), CANNOT, first.result_id)  # under the first answer
    [told] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "↩️ About your message of Mon 14 Sep: “Read p. 12 &amp; bring &lt;3&gt; notes…”" \
        in told.text
    assert "I cannot read English." in told.text
    assert "test is on Friday" not in told.text


async def test_without_its_words_the_answer_is_named_by_its_day_and_time(chat: Chat) -> None:
    await linked(chat)
    relay = await asked(chat, "Widlene pa konprann devwa a")
    await answer_as_written(chat, rivera(chat), "Page 12, questions 1 to 5.", relay)
    answer = next(c for c in await chat.deliver() if c.chat_id == MOTHER)
    assert answer.result_id is not None
    shown = chat.api.showing(MOTHER, answer.result_id)
    assert shown is not None
    shown.pop("entities")  # a message whose quote Telegram did not mark
    await chat.process(chat.factory.tap(mother(chat), CANNOT, answer.result_id, shown))
    [told] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    local = START.astimezone(chat.app.bot_data.services.config.school.timezone)
    assert f"↩️ About your message of Mon 14 Sep, {local:%H:%M}\n" in told.text
