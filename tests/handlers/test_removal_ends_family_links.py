"""A student removed from their last class (playtest: Wid's mother's link still worked, her
/ask said there was no teacher and /now still sent an update): every family link ends, used
or not, each family member linked is told kindly in their language, the teacher's Remove
says so, and nothing is kept of a family member linked to no other child. A student still
in another class keeps every link."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.families import okafor, rivera
from tests.harness import (
    Chat,
    buttons,
    enrol_student,
    join_and_confirm,
    texts,
    two_classes,
)
from tests.tables import cells_naming

ANA, CARLOS, BEN, MOTHER = 1001, 1003, 1004, 2001


def mother(chat: Chat) -> dict[str, Any]:
    return chat.user(MOTHER, "Hooyo", "so")


async def make_link(chat: Chat, teacher: dict[str, Any], child: str) -> str:
    """The teacher's /family link for a child: its start payload."""
    made = texts(await chat.send(teacher, f"/family {child}"))
    return made.split("?start=")[1].split()[0]


async def open_link(chat: Chat, payload: str) -> str:
    """The mother opens a family link and picks Somali; what she read."""
    said = texts(await chat.send(mother(chat), f"/start {payload}"))
    await chat.tap(mother(chat), callbacks.data(callbacks.FAMILY_LANG, "so"))
    return said


async def remove(chat: Chat, teacher: dict[str, Any], who: str) -> tuple[str, str]:
    """/remove, then the Remove tap: (the question, what the message says after the tap)."""
    asked = await chat.send(teacher, f"/remove {who}")
    done = await chat.tap(teacher, next(d for _, d in buttons(asked)
                                        if d.startswith("rm:") and d != "rm:no"))
    return texts(asked), texts(done)


async def test_removed_from_her_only_class_her_mother_is_told_and_unlinked(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    payload = await make_link(chat, rivera(chat), "Ana")
    await open_link(chat, payload)
    await chat.deliver()
    question, done = await remove(chat, rivera(chat), "Ana")
    assert "Ana is in no other class, so 1 family link ends too" in question
    assert done.strip() == ("Ana is no longer in <b>Science 7B</b>, and 1 family link is "
                            "cancelled (Ana is in no other class).")
    told = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(told) == 1 and told[0].startswith("ℹ️ Ana hadda kuma jiro fasal")  # Somali
    families = texts(await chat.send(rivera(chat), "/families"))
    assert "No family links in <b>Science 7B</b>" in families
    again = texts(await chat.send(mother(chat), f"/start {payload}"))
    assert "connected to Ana" not in again  # the old link no longer links her
    week = texts(await chat.send(mother(chat), "/now"))
    assert "Toddobaadka" not in week and "not linked to a student" in week
    asked = texts(await chat.send(mother(chat), "/ask Sidee buu Ana u socdaa?"))
    assert "no longer linked to a student" in asked  # not "there is no teacher yet"
    # her language, her link: nothing kept but the chat of the note she was sent (emptied)
    assert [(t, c) for t, c, _ in cells_naming(chat.db, MOTHER)] == [("outbox", "chat_id")]
    assert chat.db["family_languages"].count == 0


async def test_a_link_nobody_opened_is_cancelled_and_counted(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    payload = await make_link(chat, rivera(chat), "Ana")
    _, done = await remove(chat, rivera(chat), "Ana")
    assert "and 1 family link is cancelled" in done
    opened = await open_link(chat, payload)
    assert "connected to Ana" not in opened
    assert chat.db["families"].count == 0


async def test_a_student_in_another_class_keeps_her_family_links(chat: Chat) -> None:
    two_classes(chat.db, chat.clock())  # Carlos in Science 7B and in Mr. Okafor's Math 6
    payload = await make_link(chat, rivera(chat), "Carlos")
    await open_link(chat, payload)
    await chat.deliver()
    question, done = await remove(chat, rivera(chat), "Carlos")
    assert "family link" not in question
    assert done.strip() == "Carlos is no longer in <b>Science 7B</b>."
    assert [c for c in await chat.deliver() if c.chat_id == MOTHER] == []
    listed = texts(await chat.send(okafor(chat), "/families"))
    assert "Carlos" in listed and "No family links" not in listed
    week = texts(await chat.send(mother(chat), "/now"))
    assert "Carlos" in week and "not linked" not in week


async def test_a_mother_of_two_keeps_the_other_child_and_her_language(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    enrol_student(chat.db, chat.clock(), BEN, "Ben", "es")
    await open_link(chat, await make_link(chat, rivera(chat), "Ana"))
    await open_link(chat, await make_link(chat, rivera(chat), "Ben"))
    await chat.deliver()
    await remove(chat, rivera(chat), "Ana")
    told = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(told) == 1 and "Ana" in told[0] and "Ben" not in told[0]
    week = texts(await chat.send(mother(chat), "/now"))
    assert week.startswith("📬 Toddobaadka Ben")  # still linked to Ben, still in Somali
    assert "Ana" not in week


async def test_a_teachers_deleteme_ends_the_links_of_students_left_in_no_class(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    await open_link(chat, await make_link(chat, rivera(chat), "Ana"))
    await chat.deliver()
    await chat.send(rivera(chat), "/deleteme")
    await chat.tap(rivera(chat), callbacks.data(callbacks.DELETE, "yes"))
    told = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(told) == 1 and told[0].startswith("ℹ️ Ana hadda kuma jiro fasal")
    assert chat.db["families"].count == 0
    assert [(t, c) for t, c, _ in cells_naming(chat.db, MOTHER)] == [("outbox", "chat_id")]


async def test_a_co_taught_class_handed_over_keeps_the_links(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    await open_link(chat, await make_link(chat, rivera(chat), "Ana"))
    code = texts(await chat.send(rivera(chat), "/coteach")).split("/teach ")[1].split("<")[0]
    await chat.send(okafor(chat), f"/teach {code}")
    await chat.deliver()
    await chat.send(rivera(chat), "/deleteme")
    await chat.tap(rivera(chat), callbacks.data(callbacks.DELETE, "yes"))
    assert [c for c in await chat.deliver() if c.chat_id == MOTHER] == []
    listed = texts(await chat.send(okafor(chat), "/families"))  # his class now, her link too
    assert "Science 7B" in listed and "Ana" in listed and "No family links" not in listed


async def test_a_teachers_deleteme_says_what_it_leaves_unanswered_and_tells_everyone(
        chat: Chat) -> None:
    """Chaos playtest: a teacher's /deleteme listed only the classes while a family's message
    still waited; the family heard only that they were unlinked (not that nobody read their
    message), and the student heard nothing until /check said "not in a class yet"."""
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    await open_link(chat, await make_link(chat, rivera(chat), "Ana"))
    await chat.send(mother(chat), "/ask Ana waa xanuunsan tahay berri")
    await chat.deliver()
    asked = texts(await chat.send(rivera(chat), "/deleteme"))
    assert ("⏳ 1 message is still waiting for your answer: /thread shows it. If you delete "
            "now, its sender is told you left without answering.") in asked
    await chat.tap(rivera(chat), callbacks.data(callbacks.DELETE, "yes"))
    sent = await chat.deliver()
    told = [c.text for c in sent if c.chat_id == MOTHER]
    assert told[0].startswith("ℹ️ Ana hadda kuma jiro fasal")
    assert told[1].startswith("ℹ️ Fariintaadii ugu dambaysay jawaab ma helin") and len(told) == 2
    assert [c.text for c in sent if c.chat_id == ANA] == [
        "ℹ️ Tu maestro o maestra cerró tu clase en Puente. Tus palabras y tu progreso se "
        "guardan. Para seguir aprendiendo, pide un enlace de clase nuevo."]


async def test_a_teacher_with_nothing_unanswered_is_not_warned(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    asked = texts(await chat.send(rivera(chat), "/deleteme"))
    assert "⏳" not in asked
