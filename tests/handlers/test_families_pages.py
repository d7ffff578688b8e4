"""/families for a big class (defect: with two buttons a member, more than ~33 family members
went past Telegram's 100 inline buttons and the list was refused): the list comes in pages
turned with ◀ ▶, none over 100 buttons, and every member is reachable."""

from __future__ import annotations

from typing import Any

from bot.demo.offline import Call
from bot.presentation import callbacks
from bot.services import family
from bot.store import families
from tests.harness import MATH_TEACHER_ID, TEACHER_ID, Chat, enrol_student, texts, two_classes

MEMBERS = 60


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def big_class(chat: Chat) -> set[int]:
    """30 students of Science 7B, each with two caregivers linked: 60 family members; return
    their family ids."""
    now = chat.clock()
    for number in range(MEMBERS // 2):
        student = 1100 + number
        enrol_student(chat.db, now, student, f"Student{number:02d}", "es")
        for caregiver in range(2):
            link = family.create_link(chat.db, TEACHER_ID, f"Student{number:02d}", now)
            family.use_link(chat.db, 5000 + 2 * number + caregiver, link.payload, now)
            families.set_language(chat.db, 5000 + 2 * number + caregiver, "es")
    return {row[0] for row in chat.db.execute("SELECT id FROM families")}


def markup_of(calls: list[Call]) -> list[list[dict[str, Any]]]:
    found = [c for c in calls if c.params.get("reply_markup")]
    assert found, "no keyboard"
    return found[-1].params["reply_markup"]["inline_keyboard"]


def nav(calls: list[Call], arrow: str) -> str | None:
    return next((b["callback_data"] for row in markup_of(calls) for b in row
                 if b["text"] == arrow), None)


async def test_every_family_member_is_reachable_and_no_page_has_over_100_buttons(
        chat: Chat) -> None:
    expected = big_class(chat)
    calls = await chat.send(rivera(chat), "/families")
    assert nav(calls, "◀") is None  # the first page
    reached: set[int] = set()
    pages = 0
    while True:
        pages += 1
        keyboard = markup_of(calls)
        assert sum(len(row) for row in keyboard) <= 100
        assert all(len(c.text) <= 4096 for c in calls)
        data = [b["callback_data"] for row in keyboard for b in row]
        unlinks = {int(d.split(":")[1]) for d in data if d.startswith(f"{callbacks.UNLINK}:")}
        writes = {int(d.split(":")[1]) for d in data
                  if d.startswith(f"{callbacks.WRITE_FAMILY}:")}
        assert unlinks == writes  # each member's two buttons on the same page
        assert "Page" in texts(calls)
        reached |= unlinks
        forward = nav(calls, "▶")
        if forward is None:
            break
        calls = await chat.tap(rivera(chat), forward)
        assert calls[-1].method == "editMessageText"  # turned in place, not a new message
    assert pages >= 2
    assert reached == expected
    back = nav(calls, "◀")
    assert back is not None
    earlier = await chat.tap(rivera(chat), back)
    assert nav(earlier, "▶") is not None


async def test_a_small_class_has_one_page_and_no_arrows(chat: Chat) -> None:
    now = chat.clock()
    enrol_student(chat.db, now, 1100, "Ana", "es")
    link = family.create_link(chat.db, TEACHER_ID, "Ana", now)
    family.use_link(chat.db, 5000, link.payload, now)
    calls = await chat.send(rivera(chat), "/families")
    assert nav(calls, "▶") is None and nav(calls, "◀") is None
    assert "Page" not in texts(calls)


async def test_a_forged_or_foreign_page_button_shows_nothing(chat: Chat) -> None:
    big_class(chat)
    class_id = chat.db.execute("SELECT id FROM classes").fetchone()[0]
    math = two_classes(chat.db, chat.clock())
    # another teacher's class: nothing of it is shown
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    said = await chat.tap_on(okafor, callbacks.data(callbacks.FAMILIES_PAGE, class_id, 1), 1)
    assert "Student" not in texts(said)
    # a class id that is not theirs, from the teacher of Science 7B
    said = await chat.tap_on(rivera(chat), callbacks.data(callbacks.FAMILIES_PAGE, math.id,
                                                          1), 1)
    assert "Student" not in texts(said)
    # not an id, too many parts: the stale-button line
    for forged in (f"{callbacks.FAMILIES_PAGE}:x:1", f"{callbacks.FAMILIES_PAGE}:{class_id}",
                   f"{callbacks.FAMILIES_PAGE}:{class_id}:1:2"):
        said = await chat.tap_on(rivera(chat), forged, 1)
        assert "Student" not in texts(said)
    # a page past the end (the list shrank since): the last page
    calls = await chat.send(rivera(chat), "/families")
    message_id = calls[-1].result_id
    assert message_id is not None
    last = await chat.tap_on(rivera(chat), callbacks.data(callbacks.FAMILIES_PAGE, class_id, 99),
                             message_id)
    assert "Student" in texts(last) and nav(last, "▶") is None
