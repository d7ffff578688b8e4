"""A teacher's button tapped again after it did its work says what it did, in the teacher's
language, and does nothing twice (defect: a second tap on a sent announcement, a pushed
"send again", an unlink or a remove ended in silence, and Keep tapped on a spent pair
turned "is unlinked" into "Nothing changed")."""

from __future__ import annotations

from typing import Any

import pytest

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.standin.html_check import utf16_len
from bot.store import people
from tests.families import link
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts
from tests.telegram_html import TOAST_LIMIT

PUSH = "/push science.ecosystems predator, prey, habitat"
MOTHER = 2001


def rivera(chat: Chat, lang: str = "en") -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", lang)


def toast(calls: list[Call]) -> str:
    """The tap's answer, its only call: a note over the chat (no message, no edit)."""
    assert [c.method for c in calls] == ["answerCallbackQuery"], [c.method for c in calls]
    return calls[0].text


def data_of(calls: list[Call], ending: str) -> str:
    return next(d for _, d in buttons(calls) if d.endswith(ending))


def message_of(calls: list[Call]) -> int:
    """The id of the message (sent in `calls`) that carries buttons."""
    found = next(c.result_id for c in calls if c.method == "sendMessage" and c.buttons)
    assert found is not None
    return int(found)


def queued(chat: Chat) -> int:
    return chat.db["outbox"].count


async def ana_and_her_mother(chat: Chat) -> None:
    """Ana (Spanish) in Science 7B and her mother linked to her."""
    await join_and_confirm(chat, chat.user(lang="es"))
    await link(chat, rivera(chat), "Ana", chat.user(MOTHER, "Mamá", "es"))
    await chat.deliver()


async def test_send_again_tapped_after_it_sent_says_already_sent(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    await chat.send(rivera(chat), PUSH)
    await chat.deliver()
    again = await chat.send(rivera(chat), PUSH)  # "already got these words today" + 🔁
    pushed, shown = data_of(again, ""), message_of(again)
    await chat.tap(rivera(chat), pushed)
    before = queued(chat)
    assert toast(await chat.tap_on(rivera(chat), pushed, shown)) == \
        "Already sent ✅ These words went out again once; nothing more was sent."
    assert queued(chat) == before


async def announced(chat: Chat, teacher: dict[str, Any]) -> tuple[list[Call], int]:
    await ana_and_her_mother(chat)
    preview = await chat.send(teacher, "/announce Science 7B Field trip on Friday.")
    return preview, message_of(preview)


async def test_an_announcement_tapped_again_after_sending_says_already_sent_in_spanish(
        chat: Chat) -> None:
    spanish = rivera(chat, "es")
    preview, shown = await announced(chat, spanish)
    families, cancel = data_of(preview, ":f"), data_of(preview, ":no")
    await chat.tap(spanish, families)
    before = queued(chat)
    sent = "Ya se envió ✅ El anuncio va en camino; no se envió nada más."
    assert toast(await chat.tap_on(spanish, families, shown)) == sent
    assert toast(await chat.tap_on(spanish, cancel, shown)) == sent  # too late to cancel
    assert queued(chat) == before


async def test_an_announcement_tapped_after_cancel_says_it_was_cancelled(chat: Chat) -> None:
    preview, shown = await announced(chat, rivera(chat))
    await chat.tap(rivera(chat), data_of(preview, ":no"))
    before = queued(chat)
    assert toast(await chat.tap_on(rivera(chat), data_of(preview, ":f"), shown)) == \
        "Cancelled. Nothing was sent."
    assert queued(chat) == before


async def unlink_confirm(chat: Chat) -> tuple[str, int]:
    listing = await chat.send(rivera(chat), "/families")
    unlink = next(d for _, d in buttons(listing) if d.startswith(f"{callbacks.UNLINK}:"))
    asked = await chat.tap(rivera(chat), unlink)
    return data_of(asked, ":yes"), message_of(asked)


async def test_unlink_tapped_again_says_already_unlinked_and_keep_changes_nothing(
        chat: Chat) -> None:
    await ana_and_her_mother(chat)
    yes, shown = await unlink_confirm(chat)
    done = texts(await chat.tap(rivera(chat), yes))
    assert "is unlinked" in done
    assert toast(await chat.tap_on(rivera(chat), yes, shown)) == \
        "Already unlinked ✅ Nothing more changed."
    keep = callbacks.data(callbacks.UNLINK, "no")
    assert toast(await chat.tap_on(rivera(chat), keep, shown)) == \
        "Already unlinked ✅ Nothing more changed."  # never "Nothing changed." over it
    assert "is unlinked" in chat.api.showing(TEACHER_ID, shown)["text"]


async def remove_confirm(chat: Chat) -> tuple[str, int]:
    asked = await chat.send(rivera(chat), "/remove Ana")
    remove = next(d for _, d in buttons(asked) if d.startswith("rm:") and d != "rm:no")
    return remove, message_of(asked)


async def test_remove_tapped_again_says_already_removed(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    remove, shown = await remove_confirm(chat)
    await chat.tap(rivera(chat), remove)
    assert not people.enrollments(chat.db, 1001)
    assert toast(await chat.tap_on(rivera(chat), remove, shown)) == \
        "Already removed ✅ Nothing more changed."
    assert toast(await chat.tap_on(rivera(chat), "rm:no", shown)) == \
        "Already removed ✅ Nothing more changed."
    assert "is no longer in" in chat.api.showing(TEACHER_ID, shown)["text"]


async def test_remove_tapped_after_keep_says_keep_was_chosen_and_removes_nobody(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    remove, shown = await remove_confirm(chat)
    await chat.tap(rivera(chat), "rm:no")
    assert toast(await chat.tap_on(rivera(chat), remove, shown)) == \
        "You chose “Keep it” here, so nothing changed."
    assert people.enrollments(chat.db, 1001)


async def test_keep_under_a_link_already_cancelled_leaves_cancelled_on_screen(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    await chat.send(rivera(chat), "/family Ana")
    listing = await chat.send(rivera(chat), "/families")
    cancel = next(d for _, d in buttons(listing) if d.startswith(f"{callbacks.REVOKE_LINK}:"))
    asked = await chat.tap(rivera(chat), cancel)
    shown = message_of(asked)
    await chat.tap(rivera(chat), data_of(asked, ":yes"))
    keep = callbacks.data(callbacks.REVOKE_LINK, "no")
    assert toast(await chat.tap_on(rivera(chat), keep, shown)) == \
        "This link is already cancelled or no longer works. Nothing changed."
    assert "is cancelled" in chat.api.showing(TEACHER_ID, shown)["text"]


@pytest.mark.parametrize("key", [
    "push-again-already-sent", "announce-already-sent", "announce-cancelled", "announce-gone",
    "families-already-unlinked", "remove-already-done", "button-kept-already",
    "scheduled-already-cancelled", "scheduled-gone", "families-link-gone",
    "deleteme-already-done", "deleteme-kept", "answer-already-sent"])
def test_every_languages_spent_teacher_toast_fits_in_a_toast(catalog: Catalog, key: str) -> None:
    for lang in catalog.languages:
        assert utf16_len(catalog.plain(key, lang)) <= TOAST_LIMIT, lang


async def test_delete_tapped_on_an_old_screen_after_keep_deletes_nothing(chat: Chat) -> None:
    asked = await chat.send(rivera(chat), "/deleteme")
    shown = message_of(asked)
    await chat.tap(rivera(chat), "dl:no")
    assert toast(await chat.tap_on(rivera(chat), "dl:yes", shown)) == "Nothing was deleted."
    assert people.teacher_classes(chat.db, TEACHER_ID)  # her account and class are there


async def test_keep_tapped_after_delete_says_it_is_deleted(chat: Chat) -> None:
    asked = await chat.send(rivera(chat), "/deleteme")
    shown = message_of(asked)
    await chat.tap(rivera(chat), "dl:yes")
    assert toast(await chat.tap_on(rivera(chat), "dl:no", shown)) == \
        "Already deleted ✅ Nothing more changed."


async def test_send_under_a_held_answer_tapped_again_says_the_answer_went(chat: Chat) -> None:
    await ana_and_her_mother(chat)
    await chat.send(chat.user(MOTHER, "Mamá", "es"), "/ask ¿Puede Ana llevar el libro a casa?")
    await chat.deliver()
    offer = await chat.send(rivera(chat), "Yes, she can take the book home.")  # no reply
    send, shown = next(d for _, d in buttons(offer) if d != "ah:no"), message_of(offer)
    await chat.tap(rivera(chat), send)
    before = queued(chat)
    assert toast(await chat.tap_on(rivera(chat), send, shown)) == \
        "Already sent ✅ Your message went once and is on its way; nothing was sent again."
    # not "on its way to the teacher", and "message": it may be a ✉️ Write, not an answer
    assert queued(chat) == before
