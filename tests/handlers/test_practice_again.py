""""Practice again" after a second miss asks the word another way: it comes right after the
card and the answer were shown, so the very same question (same prompt, same buttons, same
order: the play-test's Somali and Hmong students) would be answered from the screen."""

from __future__ import annotations

import json

import pytest

from bot.demo.offline import Call
from bot.store import check_items
from tests.harness import Chat, answer_current, check_now, join_and_confirm


def question_seen(chat: Chat, stored: check_items.StoredItem) -> tuple[str, list[str]]:
    """The question as the student last saw it: its text and its buttons (or poll options;
    none for a word to write, whose one button is 🤷)."""
    for call in reversed(chat.api.calls):
        labels = [label for label, data in call.buttons if data.startswith(f"an:{stored.id}:")]
        if labels or any(data == f"dk:{stored.id}" for _, data in call.buttons):
            return call.text.split("\n\n")[-1], labels  # below the feedback, if any
        if call.method == "sendPoll" and stored.item.prompt.rstrip(".") in call.text:
            return call.text, _poll_options(call)
    raise AssertionError(f"item {stored.id} was never shown")


def _poll_options(call: Call) -> list[str]:
    options = call.params["options"]
    options = json.loads(options) if isinstance(options, str) else options
    return [o["text"] if isinstance(o, dict) else o for o in options]


@pytest.mark.parametrize(("lang", "level"), [("so", 1), ("hmn", 2)])
async def test_practice_again_asks_the_missed_word_another_way(
        chat: Chat, lang: str, level: int) -> None:
    ana = chat.user(lang=lang)
    await join_and_confirm(chat, ana, lang=lang, level=level)
    missed, seen = None, ("", [])
    for _ in range(2):  # missed on two days in a row: re-taught
        await check_now(chat, ana)
        while (stored := check_items.next_open_item(chat.db, 1001)) is not None \
                and not stored.practice:
            missed = missed or stored.item.word_id
            if stored.item.word_id == missed:
                seen = question_seen(chat, stored)
            await answer_current(chat, ana, right=stored.item.word_id != missed)
        chat.clock.advance(days=1)
    practice = check_items.next_open_item(chat.db, 1001)
    assert practice is not None and practice.practice and practice.item.word_id == missed
    text, labels = question_seen(chat, practice)
    assert "🔁" in text and len(labels) == 2
    missed_text, missed_labels = seen
    asked = text.split("\n", 1)[1]  # the question under "🔁 Practice again"
    assert asked.splitlines()[-1] not in missed_text  # another prompt, not the one missed
    assert labels != [label for label in missed_labels if label in labels]  # nor its order
