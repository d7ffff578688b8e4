"""A district privacy officer's playtest: `puente run`'s INFO log held a child's Telegram id
("a tap on a button its message no longer shows: ak:201"; a family's sick note carried the
child's id and the day). Logs at INFO and above name nobody: no Telegram id, no first name, no
message text, no button data beyond its two-letter kind."""

from __future__ import annotations

import logging
import re

import pytest

from bot.presentation import callbacks
from tests.families import MOTHER, NADIA, WOODLY, okafor, rivera, shared_phone
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    answer_as_written,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
)

ANA = 4321987
QUESTION = "Kijan pitit mwen ap mache lekòl la?"
ANSWER = "Doing well, reads every day."
NAMES = ("Woodly", "Nadia", "Manman", "Aabe", "Rivera", "Okafor", "Anabella")
IDS = (WOODLY, NADIA, MOTHER, TEACHER_ID, MATH_TEACHER_ID, ANA)
STALE = "a tap on a button its message no longer shows: "


def said_at_info(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every INFO+ line as a log file would hold it (message and traceback)."""
    return [r.getMessage() + (logging.Formatter().formatException(r.exc_info)
                              if r.exc_info else "")
            for r in caplog.records if r.levelno >= logging.INFO]


def who_or_what(line: str) -> list[str]:
    """Whatever in one log line names a person or repeats what they wrote."""
    found = [str(i) for i in IDS if re.search(rf"(?<!\d){i}(?!\d)", line)]
    found += [n for n in NAMES if n in line]
    found += [t for t in (QUESTION, ANSWER, "Kijan", "reads every day") if t in line]
    found += re.findall(r"\b[a-z]{2}(?::[A-Za-z0-9_-]+)+", line)  # button data with ids
    return found


async def family_journeys(chat: Chat) -> None:
    """A mother asks about her child and taps the offer twice (the second tap on a screen
    that no longer shows it), is answered, sends a sick note and taps its ✅ on an old
    screen; a student joins, answers a check, and taps an old language button."""
    mother = await shared_phone(chat)
    offer = await chat.send(mother, f"/ask {QUESTION}")
    offer_id = next(c.result_id for c in offer if c.method == "sendMessage" and c.buttons)
    ask = callbacks.data(callbacks.ASK, WOODLY)
    await chat.tap(mother, ask)
    await chat.tap_on(mother, ask, offer_id)  # the offer is closed: its button is gone
    relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert relay.result_id is not None
    await answer_as_written(chat, rivera(chat), ANSWER, relay.result_id)
    await chat.deliver()
    listed = await chat.tap(mother, callbacks.data(callbacks.FAMILY_NOTE))
    child = next(d for _, d in buttons(listed) if d.startswith(f"{callbacks.FAMILY_NOTE}:"))
    notes = await chat.tap(mother, child)
    sick = next(d for _, d in buttons(notes) if d.endswith(":sick"))
    shown = await chat.tap(mother, sick)
    send = next(d for _, d in buttons(shown) if d.startswith(f"{callbacks.FAMILY_NOTE_SEND}:"))
    await chat.tap(mother, send)
    screen = next(c.result_id for c in shown if c.result_id is not None)
    await chat.tap_on(mother, send, screen)  # the sent note's screen, tapped again
    await chat.deliver()
    await chat.send(okafor(chat), "/families")
    ana = chat.user(ANA, "Anabella", "es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    await answer_current(chat, ana, right=False)
    await answer_current(chat, ana, right=True)
    await chat.tap_on(ana, callbacks.data(callbacks.LANGUAGE, "es"), 1)


async def test_info_logs_name_no_child_family_member_or_teacher(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        await family_journeys(chat)
    lines = said_at_info(caplog)
    stale = [line for line in lines if line.startswith(STALE)]
    assert stale and {line.removeprefix(STALE) for line in stale} <= {
        callbacks.ASK, callbacks.FAMILY_NOTE_SEND, callbacks.LANGUAGE}, stale
    assert {line: who_or_what(line) for line in lines if who_or_what(line)} == {}


def test_a_logged_button_is_its_kind_only() -> None:
    assert callbacks.kind(f"{callbacks.FAMILY_NOTE_SEND}:201:sick:20260914") == "fx"
    assert callbacks.kind(callbacks.data(callbacks.ASK, 201)) == "ak"
    assert callbacks.kind("201:Ana") == "unparseable" and callbacks.kind(None) == "unparseable"
