"""The teacher's ready-made replies under a family's message: "I hope Davi feels better soon"
only where the message says the child is sick (playtest: it led the list under "how is he
doing?")."""

from __future__ import annotations

from bot.domain.ready_replies import READY_REPLIES, family_replies


def test_a_message_that_says_sick_gets_the_get_well_reply_first() -> None:
    assert family_replies("O Davi está doente hoje", "pt") == READY_REPLIES


def test_a_message_about_something_else_gets_no_get_well_reply() -> None:
    assert family_replies("Como está o Davi na escola?", "pt") == READY_REPLIES[1:]


def test_a_voice_note_nobody_read_keeps_every_reply() -> None:
    assert family_replies("", "so") == READY_REPLIES


def test_the_replies_that_answer_a_ready_made_note_come_first() -> None:
    assert family_replies("", "pt", ("call", "daily"))[:3] == ("call", "daily", "sick")
    assert "sick" in family_replies("x", "pt", ("sick",))
