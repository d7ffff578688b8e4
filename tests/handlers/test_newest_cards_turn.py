"""A Next on her newest cards always turns them, and an older list of hers still turns too
(playtest, Arabic level 3: after /words twice, a Next on the newest list said "That card is
from an old list, or not for you", as if it were spent)."""

from __future__ import annotations

from bot.demo.offline import Call
from tests.harness import Chat, is_next, join_and_confirm

OLD_LIST = "هذه البطاقة من قائمة قديمة"  # card-stale, Arabic


def next_of(calls: list[Call]) -> tuple[str, int]:
    """(Next ▶ data, message id) of the card message in these calls."""
    card = next(c for c in calls if c.method == "sendMessage" and c.buttons)
    assert card.result_id is not None
    return next(d for label, d in card.buttons if is_next(label)), card.result_id


async def two_lists(chat: Chat) -> tuple[dict, tuple[str, int], tuple[str, int]]:
    """A level-3 Arabic student who sent /words twice: (her, older list, newest list)."""
    sara = chat.user(lang="ar", name="Sara")
    await join_and_confirm(chat, sara, lang="ar", level=3)
    older = next_of(await chat.send(sara, "/words"))
    newest = next_of(await chat.send(sara, "/words"))
    return sara, older, newest


def said(calls: list[Call]) -> str:
    return " ".join(c.text for c in calls)


async def test_a_second_next_after_the_cards_edit_is_no_old_list(chat: Chat) -> None:
    sara, _, (turn, message) = await two_lists(chat)
    first = await chat.tap_on(sara, turn, message)
    assert [c.method for c in first] == ["answerCallbackQuery", "editMessageText"]
    # her phone still showed "التالي ◀ 2/5": the second tap reaches Telegram after the edit
    second = await chat.tap_on(sara, turn, message)
    assert OLD_LIST not in said(second)
    assert [c.method for c in second] == ["answerCallbackQuery"]  # card 2 is on screen already
    assert chat.api.refused == []  # and no edit Telegram refuses as "not modified"


async def test_the_older_list_still_turns_after_the_newest_one_did(chat: Chat) -> None:
    sara, (old_turn, old_message), (turn, message) = await two_lists(chat)
    await chat.tap_on(sara, turn, message)
    calls = await chat.tap_on(sara, old_turn, old_message)
    assert OLD_LIST not in said(calls)
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert int(edit.params["message_id"]) == old_message and "organism" in edit.text
