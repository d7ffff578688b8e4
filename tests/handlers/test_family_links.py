"""Family links a teacher can take back: /families lists every link that still works, a
cancelled link links nobody, and unlinking someone cancels the link they opened."""

from __future__ import annotations

from typing import Any

from telegram import BotCommand

from bot.demo.offline import BOT_USER
from bot.presentation import callbacks, menus
from bot.presentation.i18n import Catalog
from bot.standin.html_check import utf16_len
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts
from tests.telegram_html import TOAST_LIMIT

MOTHER, FATHER, STRANGER = 2001, 2002, 2003
REVOKED_ES = ("El maestro o la maestra canceló este enlace para familias, así que ya no "
              "funciona. Si usted debe recibir novedades, por favor pídale un enlace nuevo.")


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def family_link(chat: Chat) -> str:
    reply = texts(await chat.send(rivera(chat), "/family Ana"))
    return reply.split("?start=")[1].split()[0]


async def open_link(chat: Chat, user_id: int, payload: str) -> tuple[dict[str, Any], str]:
    person = chat.user(user_id, f"Family{user_id}", "es")
    reply = texts(await chat.send(person, f"/start {payload}"))
    return person, reply


def button_data(calls: list, label_start: str) -> str:
    return next(data for label, data in buttons(calls) if label.startswith(label_start))


async def test_an_unused_link_is_listed_and_cancelled_after_a_confirming_tap(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    listing = await chat.send(rivera(chat), "/families")
    assert "No family links" not in texts(listing)
    assert ("Links sent that still work (anyone who has one can use it):\n"
            "• Ana #1 · made Mon 14 Sep 11:00 · used by 0 of 4 · works until Mon 28 Sep"
            ) in texts(listing)
    cancel = button_data(listing, "Cancel link: Ana #1 · Mon 14 Sep 11:00")
    asked = await chat.tap(rivera(chat), cancel)
    assert texts(asked).strip().startswith(
        "Cancel the family link for Ana made on Mon 14 Sep 11:00? Nobody can open it after this.")
    done = await chat.tap(rivera(chat), f"{cancel}:yes")
    assert "The family link for Ana made on Mon 14 Sep 11:00 is cancelled." in texts(done)
    _, reply = await open_link(chat, MOTHER, payload)
    assert reply.startswith(REVOKED_ES) and "Ana" not in reply
    assert chat.db["families"].count == 0
    assert "No family links" in texts(await chat.send(rivera(chat), "/families"))


async def test_keeping_a_link_changes_nothing(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    cancel = button_data(await chat.send(rivera(chat), "/families"), "Cancel link")
    await chat.tap(rivera(chat), cancel)
    assert texts(await chat.tap(rivera(chat), callbacks.data(
        callbacks.REVOKE_LINK, "no"))).strip() == "Nothing changed."
    _, reply = await open_link(chat, MOTHER, payload)
    assert "Ana" in reply and chat.db["families"].count == 1


async def test_an_unlinked_family_member_cannot_link_again_with_the_same_link(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    await open_link(chat, MOTHER, payload)
    await open_link(chat, FATHER, payload)
    listing = await chat.send(rivera(chat), "/families")
    unlink = next(data for _, data in buttons(listing) if data.startswith("fu:"))
    asked = texts(await chat.tap(rivera(chat), unlink)).strip()
    assert asked.startswith("Unlink this family member from Ana?")
    assert chat.db["families"].count == 2  # asking changes nothing
    assert "Nothing changed" in texts(await chat.tap(rivera(chat), "fu:no"))
    said = texts(await chat.tap(rivera(chat), f"{unlink}:yes")).strip()
    assert said.startswith("Ana's family member is unlinked: no more updates or answers go to "
                           "them. Every family link for Ana that still worked is cancelled too")
    _, again = await open_link(chat, MOTHER, payload)
    assert again.startswith(REVOKED_ES)
    _, stranger = await open_link(chat, STRANGER, payload)  # nor anyone it was forwarded to
    assert stranger.startswith(REVOKED_ES)
    linked = [row[0] for row in chat.db.execute("SELECT telegram_id FROM families")]
    assert linked == [FATHER]  # the other caregiver stays linked
    assert "Links sent that still work" not in texts(await chat.send(rivera(chat), "/families"))


async def test_another_teacher_cannot_cancel_a_link(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    cancel = button_data(await chat.send(rivera(chat), "/families"), "Cancel link")
    student = chat.user(1001, "Ana", "es")  # not a teacher: a forged tap
    await chat.process(chat.factory.tap(student, f"{cancel}:yes", 1))
    _, reply = await open_link(chat, MOTHER, payload)
    assert "Ana" in reply and chat.db["families"].count == 1


# --- the other side is gone --------------------------------------------------------------------

GONE_FAMILY = ("This family member is no longer linked to the student (they were unlinked, or "
               "they or the student deleted their data), so your answer was not sent.")
NOT_LINKED_ES = ("Este teléfono no está vinculado a ningún estudiante, así que no hay novedades "
                 "que mostrar.")


async def linked_mother(chat: Chat) -> dict[str, Any]:
    mom, _ = await open_link(chat, MOTHER, await family_link(chat))
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "es"))
    return mom


async def relayed_to_teacher(chat: Chat, user: dict[str, Any], text: str) -> int:
    """The user writes to the teacher; the id of the copy the teacher received."""
    await chat.send(user, f"/ask {text}")
    await chat.deliver()
    return chat.db.execute("SELECT relay_message_id FROM thread_messages WHERE direction = 'ask' "
                           "ORDER BY id DESC LIMIT 1").fetchone()[0]


async def reply(chat: Chat, text: str, to: int) -> str:
    """The teacher answers one of the bot's messages with Telegram's reply."""
    data = chat.factory.message(rivera(chat), text)
    data["message"]["reply_to_message"] = {
        "message_id": to, "date": 0, "chat": {"id": TEACHER_ID, "type": "private"},
        "from": BOT_USER, "text": "..."}
    return texts(await chat.process(data)).strip()


def answers_queued(chat: Chat) -> int:
    return chat.db.execute("SELECT count(*) FROM outbox WHERE kind = 'answer'").fetchone()[0]


async def test_answering_a_family_member_who_deleted_their_data_says_they_are_gone(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await linked_mother(chat)
    relay = await relayed_to_teacher(chat, mom, "¿Hay tarea?")
    await chat.send(mom, "/deleteme")
    await chat.tap(mom, "dl:yes")
    assert (await reply(chat, "Yes, page 12.", relay)).startswith(GONE_FAMILY)
    assert answers_queued(chat) == 0
    assert texts(await chat.send(mom, "/now")).startswith(NOT_LINKED_ES)


async def test_answering_an_unlinked_family_member_sends_nothing_and_says_why(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await linked_mother(chat)
    relay = await relayed_to_teacher(chat, mom, "¿Hay tarea?")
    listing = await chat.send(rivera(chat), "/families")
    await chat.tap(rivera(chat), next(d for _, d in buttons(listing) if d.startswith("fu:"))
                   + ":yes")  # the confirming tap
    assert (await reply(chat, "Yes, page 12.", relay)).startswith(GONE_FAMILY)
    assert answers_queued(chat) == 0
    for command in ("/now", "/stop"):  # a family's command, answered for a family
        said = texts(await chat.send(mom, command))
        assert said.startswith(NOT_LINKED_ES) and "/words" not in said


async def test_answering_a_student_who_deleted_their_data_says_so(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    relay = await relayed_to_teacher(chat, ana, "Can I have more time?")
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, "dl:yes")
    assert await reply(chat, "Yes.", relay) == (
        "This student deleted their Puente data, so your answer was not sent.")
    assert answers_queued(chat) == 0


# --- a family member who skipped the language menu ---------------------------------------------

async def relayed_text(chat: Chat, user: dict[str, Any], text: str) -> str:
    await chat.send(user, f"/ask {text}")
    return "\n".join(c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID)


async def test_a_family_member_who_chose_no_language_is_not_said_to_write_english(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom, _ = await open_link(chat, MOTHER, await family_link(chat))  # no language tapped
    spanish = await relayed_text(chat, mom, "Hola maestra, soy la mamá de Ana. ¿Cómo le va?")
    assert "(<b>Ana</b>'s family), written in Spanish:" in spanish
    assert "English" not in spanish.split("\n")[0]
    unclear = await relayed_text(chat, mom, "Hola")  # too short to tell: never a guess
    assert unclear.startswith("✉️ From Family2001 (<b>Ana</b>'s family). I could not tell "
                              "which language this message is in; until they choose one, I "
                              "use Spanish for them:")
    assert "English" not in unclear.split("\n")[0]
    english = await relayed_text(chat, mom, "Is there homework this week?")
    assert "(<b>Ana</b>'s family), written in English:" in english


async def test_an_unlinked_family_member_cannot_come_back_through_a_second_link(
        chat: Chat) -> None:
    """Teachers often send /family twice; a link does not say who holds it, so Unlink closes
    every link sent before it. A link made afterwards is the teacher's choice, and works."""
    await join_and_confirm(chat, chat.user(lang="es"))
    first, second = await family_link(chat), await family_link(chat)
    await open_link(chat, MOTHER, first)
    listing = await chat.send(rivera(chat), "/families")
    unlink = next(data for _, data in buttons(listing) if data.startswith("fu:"))
    await chat.tap(rivera(chat), f"{unlink}:yes")
    _, again = await open_link(chat, MOTHER, second)
    assert again.startswith(REVOKED_ES) and chat.db["families"].count == 0
    _, welcomed = await open_link(chat, MOTHER, await family_link(chat))
    assert "Ana" in welcomed and chat.db["families"].count == 1


async def test_someone_still_linked_who_opens_a_cancelled_link_hears_they_still_are(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    await open_link(chat, MOTHER, payload)
    cancel = button_data(await chat.send(rivera(chat), "/families"), "Cancel link")
    await chat.tap(rivera(chat), cancel)
    await chat.tap(rivera(chat), f"{cancel}:yes")
    _, reply = await open_link(chat, MOTHER, payload)
    assert reply.startswith("Su vínculo con el aprendizaje de Ana sigue activo. No cambió nada.")
    assert "cancel" not in reply.lower() and chat.db["families"].count == 1


async def test_teacher_help_and_menu_say_families_also_lists_links_to_cancel(chat: Chat) -> None:
    line = ("/families [CLASS] - linked family members, with Unlink buttons, and links that "
            "still work, with Cancel link buttons")
    assert line in texts(await chat.send(rivera(chat), "/help")).split("\n")
    menu = menus.teacher_commands(chat.app.bot_data.services.catalog, "en")
    assert BotCommand("families", line.split(" - ", 1)[1]) in menu


# --- two links on one day; a Cancel tap on a link that no longer works -------------------------

GONE_TOAST = "This link is already cancelled or no longer works. Nothing changed."


def toast(calls: list) -> str:
    """A tap's only answer: the toast over the chat (no message is sent or changed)."""
    assert [c.method for c in calls] == ["answerCallbackQuery"], [c.method for c in calls]
    return calls[0].text


async def test_two_links_made_the_same_day_are_told_apart_without_their_codes(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    first, second = await family_link(chat), await family_link(chat)  # the same minute
    chat.clock.advance(seconds=3600)
    third = await family_link(chat)
    listing = await chat.send(rivera(chat), "/families")
    labels = [label for label, _ in buttons(listing) if label.startswith("Cancel link")]
    assert labels == ["Cancel link: Ana #1 · Mon 14 Sep 11:00 (1)",
                      "Cancel link: Ana #1 · Mon 14 Sep 11:00 (2)",
                      "Cancel link: Ana #1 · Mon 14 Sep 12:00"]
    shown = texts(listing) + " ".join(labels)
    assert not any(code.removeprefix("f_") in shown for code in (first, second, third))


async def test_a_cancel_tap_on_a_link_that_no_longer_works_says_so_and_changes_nothing(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    payload = await family_link(chat)
    cancel = button_data(await chat.send(rivera(chat), "/families"), "Cancel link")
    asked = await chat.tap(rivera(chat), cancel)
    first = next(c.result_id for c in asked if c.method == "sendMessage")
    await chat.tap(rivera(chat), cancel)  # a second confirmation, from the same list
    assert "is cancelled" in texts(await chat.tap(rivera(chat), f"{cancel}:yes"))
    again = chat.factory.tap(rivera(chat), f"{cancel}:yes", first)  # the first confirmation
    assert toast(await chat.process(again)) == GONE_TOAST
    assert toast(await chat.tap(rivera(chat), cancel)) == GONE_TOAST  # the old list's button
    _, reply = await open_link(chat, MOTHER, payload)
    assert reply.startswith(REVOKED_ES) and chat.db["families"].count == 0


def test_the_link_gone_toast_fits_in_a_toast_in_every_language(catalog: Catalog) -> None:
    for lang in catalog.languages:
        assert utf16_len(catalog.plain("families-link-gone", lang)) <= TOAST_LIMIT, lang
