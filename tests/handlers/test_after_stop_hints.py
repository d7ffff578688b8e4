"""After /stop, every message that ended with how to stop the weekly updates ("/stop stops
these updates": /now's update, /help, the welcome after /language) still told a family who
had just stopped them how to stop them. Now those say how to get them again (/start), in the
family's language, on a family's own phone and on the child's phone shared with the family."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

ANA, MOM = 1001, 2001


async def family_link(chat: Chat, child: str = "Ana") -> str:
    reply = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), f"/family {child}"))
    return reply.split("?start=")[1].split()[0]


async def linked_mother(chat: Chat, lang: str = "es") -> dict[str, Any]:
    await join_and_confirm(chat, chat.user(ANA, "Ana", "es"))
    mom = chat.user(MOM, "María", lang=lang)
    await chat.send(mom, f"/start {await family_link(chat)}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, lang))
    return mom


async def test_now_after_stop_says_how_to_start_again(chat: Chat) -> None:
    mom = await linked_mother(chat)
    before = texts(await chat.send(mom, "/now"))
    assert before.rstrip().endswith("/stop detiene estas actualizaciones")
    await chat.send(mom, "/stop")
    after = texts(await chat.send(mom, "/now")).rstrip()
    assert "/stop" not in after
    assert after.endswith("/start vuelve a enviar estas actualizaciones cada semana")
    await chat.send(mom, "/start")  # back on: the footer says /stop again
    assert texts(await chat.send(mom, "/now")).rstrip().endswith("/stop detiene estas "
                                                                  "actualizaciones")


async def test_help_after_stop_lists_start_instead_of_stop(chat: Chat) -> None:
    mom = await linked_mother(chat, "en")
    assert "/stop - stop the weekly updates" in texts(await chat.send(mom, "/help"))
    await chat.send(mom, "/stop")
    helped = texts(await chat.send(mom, "/help"))
    assert "/start - get the weekly updates again" in helped and "/stop" not in helped


async def test_a_new_language_after_stop_does_not_promise_weekly_updates(chat: Chat) -> None:
    mom = await linked_mother(chat, "en")
    await chat.send(mom, "/stop")
    await chat.send(mom, "/language")
    welcome = texts(await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "fr"))).strip()
    assert "/stop" not in welcome and "Vous recevrez" not in welcome
    assert welcome.startswith("Merci\u202f! Je vous écrirai en français. Les bilans "
                              "hebdomadaires sont arrêtés\u202f: envoyez /start")


async def test_the_shared_phone_after_stop_is_told_how_to_start_again(chat: Chat) -> None:
    widlene = chat.user(ANA, "Widlene", "ht")
    await join_and_confirm(chat, widlene, lang="ht", level=1)
    await chat.send(widlene, f"/start {await family_link(chat, 'Widlene')}")
    [(_, here)] = [b for b in buttons(chat.api.calls[-1:]) if b[1].startswith("fo:")]
    await chat.tap(widlene, here)
    asked = await chat.send(widlene, "/stop")
    [stop] = [data for _, data in buttons(asked) if data.startswith(callbacks.FAMILY_STOP)]
    await chat.tap(widlene, stop)
    now = texts(await chat.send(widlene, "/now")).rstrip()
    assert "/stop" not in now
    assert now.endswith("/start pou resevwa nouvèl sa yo chak semèn ankò")


async def test_a_family_asking_for_the_updates_back_is_told_how_beside_the_offer(
        chat: Chat) -> None:
    """A Portuguese father wrote "quero voltar a receber as notícias do Davi" after /stop and
    was only asked whether to send it to the teacher (playtest)."""
    dad = await linked_mother(chat, "pt")
    await chat.send(dad, "/stop")
    offered = texts(await chat.send(dad, "quero voltar a receber as notícias da Ana")).strip()
    assert offered.endswith("\nOs resumos semanais estão em pausa: /start para voltar a "
                            "recebê-los.")
    assert "professor" in offered  # still the offer to send it
    await chat.send(dad, "/start")  # back on: no such line
    again = texts(await chat.send(dad, "quero voltar a receber as notícias da Ana"))
    assert "em pausa" not in again
