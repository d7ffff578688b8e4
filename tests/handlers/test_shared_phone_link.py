"""A family whose only Telegram account is the child's (playtest M3): the child opening the
family's link was told to give it to the family, who had no way in. Now a tap links the same
account for the family too; nobody reads another student's data this way."""

from __future__ import annotations

from typing import Any

from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.services import family
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

PAHOUA, BO = 1001, 1002
OFFER_HMN = "👪 Qhov txuas no yog rau koj tsev neeg. Koj tsev neeg puas siv lub xov tooj no"


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family_link(chat: Chat, name: str) -> str:
    made = texts(await chat.send(rivera(chat), f"/family {name}"))
    return made.split("?start=")[1].split()[0]


async def test_a_child_on_a_shared_phone_gets_the_family_updates_there_too(chat: Chat) -> None:
    pahoua = chat.user(PAHOUA, "PaHoua", "hmn")
    await join_and_confirm(chat, pahoua, lang="hmn")
    opened = await chat.send(pahoua, f"/start {await family_link(chat, 'PaHoua')}")
    assert texts(opened).startswith(OFFER_HMN)
    [(label, data)] = buttons(opened)
    assert label.startswith("✅") and data.startswith(f"{callbacks.FAMILY_HERE}:")
    assert not family.is_family(chat.db, PAHOUA)  # nothing changes before the tap
    done = texts(await chat.tap(pahoua, data)).strip()
    assert done.startswith("Ua tiav lawm: cov xov txhua lub lim tiam txog PaHoua")
    told = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "<b>PaHoua</b> opened the family link on the student's own Telegram account" in \
        texts(told)
    queue_weekly_updates(chat.app.bot_data.services)
    update = [c for c in await chat.deliver() if c.chat_id == PAHOUA]
    assert update and update[0].text.startswith("📬 PaHoua lub lim tiam")  # the family's


async def test_the_button_never_links_a_child_to_another_students_family_link(
        chat: Chat) -> None:
    """The button names a link: a forged one naming a classmate's link is refused, so a
    student cannot read a classmate's weekly update this way."""
    pahoua, bo = chat.user(PAHOUA, "PaHoua", "hmn"), chat.user(BO, "Bo", "es")
    await join_and_confirm(chat, pahoua, lang="hmn")
    await join_and_confirm(chat, bo, lang="es")
    bos = (await family_link(chat, "Bo")).removeprefix(family.FAMILY_PREFIX)
    refused = await chat.process(chat.factory.tap(
        pahoua, callbacks.data(callbacks.FAMILY_HERE, bos)))
    assert "Qhov txuas tsev neeg no siv tsis tau" in texts(refused)  # "not valid"
    assert not family.is_family(chat.db, PAHOUA)
    assert "Bo" not in texts(await chat.send(pahoua, "/now"))
