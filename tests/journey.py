"""Steps of whole journeys through a running `puente run`, as people do them in Telegram."""

from __future__ import annotations

import json
import re

from bot.domain.placement import PLACEMENT
from bot.standin import Person, Sent, StandIn
from tests.live import INVITE

STEP = 15.0  # seconds any one reply may take (a push waits for the background deliverer)
_START_CODE = re.compile(r"start=([A-Za-z0-9_-]+)")
_COUNTER = re.compile(r"\b\d+/\d+\b")


def start_code(sent: Sent) -> str:
    """The deep-link payload in a message (class join link or family link)."""
    match = _START_CODE.search(sent.text)
    assert match, f"no t.me link in {sent.text!r}"
    return match[1]


async def become_teacher_with_class(standin: StandIn, teacher: Person, name: str) -> str:
    """/teach CODE then /newclass NAME; return the class join code from the link."""
    teacher.say(f"/teach {INVITE}")
    await teacher.wait_for("You are a teacher now", STEP)
    teacher.say(f"/newclass {name}")
    created = await teacher.wait_for("is ready", STEP)
    assert f"https://t.me/{standin.config.username}?start=" in created.text
    await standin.wait_for(lambda: any(s.method == "sendPhoto" for s in teacher.received()),
                           STEP, "the class QR code")
    return start_code(created)


async def join_class(student: Person, code: str, language: str, place: bool = True) -> None:
    """Open the class link, confirm a home language, answer the self-placement (if `place`)."""
    student.say(f"/start {code}")
    await student.wait_for("Science 7B", STEP)
    await _tap_when_shown(student, f"lc:{language}")
    if not place:
        return
    for number, item in enumerate(PLACEMENT[:5]):  # right up to level 3, then "I don't know"
        await _tap_when_shown(student, f"pl:{number}:{item.correct}")
    await _tap_when_shown(student, f"pl:5:{len(PLACEMENT[5].options)}")
    await student.wait_for("We will start at level", STEP)
    await first_card(student)


async def first_card(student: Person) -> Sent:
    """Wait for the card a placement ends with (it comes after "We will start at level"): a
    check begun before it arrives would take it for one of the check's own cards."""
    return await student.wait_for("📘", STEP)


async def _tap_when_shown(person: Person, data: str) -> None:
    def shown() -> bool:
        return any(data == d for s in person.received(edits=True) for _, d in s.buttons)
    await person.standin.wait_for(shown, STEP, f"a button {data!r} for {person}")
    person.tap(data)


def _buttons(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("callback_data") or "" for row in rows for b in row]


def _shown(message: dict) -> str:
    """What a message says: its text, or a voice note's caption (a listening item's feedback,
    and a check's end after one, is edited into the note's caption)."""
    return message.get("text") or message.get("caption") or ""


def _actionable(message: dict) -> bool:
    """A check item waiting for an answer: a quiz poll, answer buttons, or a typed item."""
    text = _shown(message)
    return "poll" in message or any(d.startswith("an:") for d in _buttons(message)) \
        or _spelled(message) or ("Type the" in text and bool(_COUNTER.search(text)))


def _spelled(message: dict) -> bool:
    """A level 1-2 question answered with letter tiles (its ✅ under them)."""
    return any(d.startswith("tl:") and d.endswith(":ok") for d in _buttons(message))


def _check(data: list[str]) -> str | None:
    """The ✅ Check among a message's button data: `ck`, or `ck:<push id>` on a pushed one."""
    return next((d for d in data if d == "ck" or d.startswith("ck:")), None)


def _turnable(message: dict) -> bool:
    """Cards before a check: a Next ▶ to the following card, or the last card's ✅ Check."""
    data = _buttons(message)
    return not any(d.startswith("an:") for d in data) and (
        _check(data) is not None or any(d.startswith("cd:") for d in data))


def _turn(message: dict) -> str:
    """The last card's ✅ Check, else the Next ▶ (the card button with the highest number)."""
    data = _buttons(message)
    return _check(data) or max((d for d in data if d.startswith("cd:")),
                               key=lambda d: int(d.split(":")[2]))


TYPED_ANSWERS = ("habitat", "predator", "energy", "producer")


async def answer_check(student: Person, most: int = 24, then: str | None = None) -> str:
    """/check, then answer every item (first option, first vote, 🤷 under letter tiles, or a
    typed word; `then`: a second text at once after each typed word, as a quick correction).

    A graded tap may edit the question into feedback plus the next question, so this reads
    what the student sees now (the latest state of each message), not only new messages.
    Cards already in the chat that a new line points to (a reply to them: "👆 Your new cards
    are here") are read where they are, as a student follows the line to them.
    """
    first = max((m["message_id"] for m in student.screen()), default=0)
    handled: set[str] = set()
    typed = 0
    student.say("/check")
    for _ in range(most):
        def next_step() -> dict | None:
            screen = student.screen()
            pointed = {m["reply_to_message"]["message_id"] for m in screen
                       if m["message_id"] > first and "reply_to_message" in m}
            # an open question first; cards are turned only when nothing waits for an answer
            for wanted in (lambda m: "Check finished" in _shown(m) or _actionable(m),
                           _turnable):
                for message in screen:
                    state = json.dumps([message["message_id"], _shown(message),
                                        _buttons(message), "poll" in message])
                    if (message["message_id"] <= first and message["message_id"] not in pointed
                            ) or state in handled:
                        continue
                    if wanted(message):
                        handled.add(state)
                        return message
            return None
        step = await student.standin.wait_for(next_step, STEP, f"a check item for {student}")
        if "Check finished" in _shown(step):
            return _shown(step)
        # a tap on this very message, as a finger does (not the newest with the same button)
        if _turnable(step):  # cards not read yet come first and lead to the check
            student.tap(_turn(step), step["message_id"])
        elif "poll" in step:
            student.vote(str(step["poll"]["id"]), 0)
        elif _spelled(step):  # letter tiles: "🤷 I don't know", a miss as any answer is
            student.tap(next(d for d in _buttons(step) if d.startswith("dk:")),
                        step["message_id"])
        elif any(d.startswith("an:") for d in _buttons(step)):
            student.tap(next(d for d in _buttons(step) if d.startswith("an:")),
                        step["message_id"])
        else:  # a different word each time: the same text again within seconds is read as
            # her phone sending one answer twice (bot/domain/sent_twice.py), and set aside
            student.say(TYPED_ANSWERS[typed % len(TYPED_ANSWERS)])
            if then is not None:
                student.say(then)
            typed += 1
    raise AssertionError(f"{student}: no 'Check finished' after {most} items")
