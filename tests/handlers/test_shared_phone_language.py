"""/language on a child's own account that the family shares (a shared phone): the menu says
it changes the child's home language, which the family updates on that phone follow too."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

SHARED = ("Elige el idioma que hablas en casa. Los mensajes para la familia en este teléfono "
          "también llegan en ese idioma:")


async def test_language_on_a_shared_phone_says_the_family_updates_follow_it(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    alone = texts(await chat.send(ana, "/language"))
    assert alone.startswith("Elige el idioma que hablas en casa:") and SHARED not in alone
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    offer = await chat.send(ana, f"/start {made.split('?start=')[1].split()[0]}")
    [(_, here)] = [b for b in buttons(offer) if b[1].startswith(f"{callbacks.FAMILY_HERE}:")]
    await chat.tap(ana, here)
    menu = await chat.send(ana, "/language")
    assert texts(menu).startswith(SHARED)
    assert ("✓ Español", callbacks.data(callbacks.LANGUAGE, "es")) in buttons(menu)  # hers
