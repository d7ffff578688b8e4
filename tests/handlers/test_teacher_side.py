"""What a teacher reads (a playtest with two Anas): every student named so the teacher can tell
them apart, a typed answer that does not use Telegram's reply, report counts that agree, and
error messages that say what to do."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import (
    TEACHER_ID,
    Chat,
    buttons,
    join_and_confirm,
    texts,
)

ANA, BO, ANA2, MOTHER = 1001, 1002, 1003, 2001


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def two_anas(chat: Chat) -> None:
    """Ana (#1), Bo (#2) and another Ana (#3) join Science 7B."""
    for user_id, name in ((ANA, "Ana"), (BO, "Bo"), (ANA2, "Ana")):
        await join_and_confirm(chat, chat.user(user_id, name, "es"))


async def link_family(chat: Chat, who: str, lang: str = "en") -> dict[str, Any]:
    """The family member of student `who` (a name or a roster number) opens the link."""
    reply = texts(await chat.send(rivera(chat), f"/family {who}"))
    person = chat.user(MOTHER, "Mirlande", lang)
    await chat.send(person, f"/start {reply.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, lang))
    return person


async def relayed(chat: Chat) -> list[str]:
    """Deliver what waits; the texts the teacher received."""
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


# --- 4. error messages that say what to do ---------------------------------------------------

async def test_pushing_words_without_their_pack_says_how_and_never_echoes_a_comma(
        chat: Chat) -> None:
    await two_anas(chat)
    reply = texts(await chat.send(rivera(chat), "/push predator, prey"))
    assert reply == ("predator is a word, not a pack. Name its pack first, then the words: "
                     "/push science.ecosystems predator prey")
    other = texts(await chat.send(rivera(chat), "/push nosuchpack, prey"))
    assert "nosuchpack." in other and "nosuchpack," not in other


async def test_a_roster_number_nobody_has_is_said_to_be_a_number(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    assert texts(await chat.send(rivera(chat), "/level 3 2")) == (
        "There is no student number 3 in your classes. /roster shows each student's number.")
    assert "can't find a student called Zed" in texts(await chat.send(rivera(chat),
                                                                      "/level Zed 2"))


async def test_an_announcement_with_no_family_linked_offers_no_families_button(
        chat: Chat) -> None:
    await two_anas(chat)
    calls = await chat.send(rivera(chat), "/announce Science 7B Field trip on Friday.")
    assert "No family member is linked in this class yet" in texts(calls)
    labels = [label for label, _ in buttons(calls)]
    assert labels == ["Send to students", "Cancel"]
    announcement = buttons(calls)[0][1].split(":")[1]
    forged = texts(await chat.tap(rivera(chat), f"am:{announcement}:f"))  # families: nobody
    assert "Nobody in <b>Science 7B</b> can receive announcements yet" in forged
    assert chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'announcement'"
                           ).fetchone()[0] == 0
