"""Two pushes of one pack to one class for the same minute (two previews booked for 08:00,
or one pushed twice before it went out) reach each student as one preview of all their
words, not two messages a second apart (L8); once the first has begun to go out, the second
goes on its own, and nothing is sent twice."""

from __future__ import annotations

from collections import Counter

from bot.demo.offline import OfflineBotAPI
from bot.store import outbox
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

PACK = "science.ecosystems"


async def enrol(chat: Chat, size: int = 3, level: int = 4) -> list[int]:
    ids = []
    for n in range(size):
        user = chat.user(3000 + n, f"S{n}", lang="es")
        await join_and_confirm(chat, user, lang="es", level=level)
        ids.append(user["id"])
    return ids


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def previews(api: OfflineBotAPI) -> list[tuple[int, str]]:
    """(chat, text) of every preview header sent: one a preview."""
    return [(c.chat_id, c.text) for c in api.calls
            if c.method == "sendMessage" and "📘" in c.text]


async def test_two_pushes_booked_for_one_minute_arrive_as_one_preview(chat: Chat) -> None:
    ids = await enrol(chat)
    chat.clock.advance(hours=10)  # Monday 21:00: both for Tuesday 08:00
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    said = texts(await chat.send(rivera(chat), f"/push {PACK} predator prey at 08:00"))
    assert ("These words join your push of Tue 08:00 to <b>Science 7B</b>: its 3 words go to "
            "3 students together, in one preview, not two.") in said

    chat.clock.advance(hours=11)
    delivered = await chat.deliver()

    assert Counter(c for c, _ in previews(chat.api)) == Counter(dict.fromkeys(ids, 1))
    for student in ids:
        got = "\n".join(c.text for c in delivered if c.chat_id == student)
        assert "New words: 3" in got  # one header for the three
        assert all(got.count(term) >= 1 for term in ("habitat", "predator", "prey"))
    assert texts(delivered).count("Push finished") == 1


async def test_a_push_sent_twice_before_it_went_out_brings_its_new_words_once(
        chat: Chat) -> None:
    ids = await enrol(chat, 2, level=2)  # one card a message, turned with Next
    await chat.send(rivera(chat), f"/push {PACK} habitat")
    await chat.send(rivera(chat), f"/push {PACK} habitat predator")

    await chat.deliver()

    firsts = [c for c in chat.api.calls if c.method == "sendMessage" and c.chat_id in ids
              and any("/2" in label for label, _ in c.buttons)]  # "Next ▶ 1/2"
    assert Counter(c.chat_id for c in firsts) == Counter(dict.fromkeys(ids, 1))
    assert len([c for c in chat.api.calls if c.method == "sendMessage"
                and c.chat_id == ids[0] and "habitat" in c.text]) == 1


async def test_a_push_whose_first_has_begun_to_go_out_goes_on_its_own(chat: Chat) -> None:
    """A deliverer has claimed the first push's message: it is never taken back and written
    again (that one could be on its way to Telegram), so the second goes alone."""
    [student] = await enrol(chat, 1)
    await chat.send(rivera(chat), f"/push {PACK} habitat")
    due = outbox.claimable(chat.db, chat.clock(), 10)
    assert outbox.claim(chat.db, [r for r, _ in due], "other", chat.clock(),
                        chat.clock().replace(hour=23))  # another deliverer holds it
    said = texts(await chat.send(rivera(chat), f"/push {PACK} predator"))

    assert "join your push" not in said and "Sending 1 word to 1 student" in said
    await chat.deliver()
    sent = previews(chat.api)
    assert len(sent) == 1 and "predator" in sent[0][1] and "habitat" not in sent[0][1]
    statuses = chat.db.execute("SELECT status, count(*) FROM outbox WHERE chat_id = ? "
                               "AND kind = 'preview' GROUP BY status", [student]).fetchall()
    assert dict(statuses) == {"pending": 1, "sent": 1}  # the claimed one, untouched


async def test_pushes_booked_for_different_minutes_stay_apart(chat: Chat) -> None:
    ids = await enrol(chat, 2)
    chat.clock.advance(hours=10)
    await chat.send(rivera(chat), f"/push {PACK} habitat at 08:00")
    said = texts(await chat.send(rivera(chat), f"/push {PACK} predator at 08:01"))
    assert "join your push" not in said

    chat.clock.advance(hours=11, minutes=2)
    await chat.deliver()

    assert Counter(c for c, _ in previews(chat.api)) == Counter(dict.fromkeys(ids, 2))
