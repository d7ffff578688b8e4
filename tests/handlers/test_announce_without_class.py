"""`/announce` typed alone said only how to write one, even to a teacher with one class: the
only class's ready-made menu comes, as for `/announce CLASS`; a teacher of several classes
taps one of them, as for /report or /roster."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.services.class_choice import with_class
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, Chat, buttons, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_announce_alone_shows_the_only_classes_ready_made_menu(chat: Chat) -> None:
    menu = await chat.send(rivera(chat), "/announce")
    assert "Send it like this" not in texts(menu)
    assert "/announce Science 7B your message" in texts(menu)
    assert "Ready-made announcements for <b>Science 7B</b>" in texts(menu)
    assert buttons(menu)


async def test_announce_alone_offers_a_button_per_class_that_opens_its_menu(
        chat: Chat) -> None:
    people.create_class(chat.db, TEACHER_ID, "Science 7", "SEVENcode_12",
                        START + timedelta(days=180), "science.ecosystems", START)
    asked = await chat.send(rivera(chat), "/announce")
    assert texts(asked) == ("Which class? Tap it below, or add its name. Your classes: "
                            "Science 7, Science 7B")
    seven = next(data for label, data in buttons(asked) if label == "Science 7")
    menu = texts(await chat.tap(rivera(chat), seven))
    assert "Ready-made announcements for <b>Science 7</b>" in menu


def test_the_class_goes_before_an_announcements_text() -> None:
    assert with_class("/announce", "Science 7") == "/announce Science 7"
