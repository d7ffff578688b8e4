"""Durable pushes: rate-limited, RetryAfter honoured, blocked students skipped, resumable."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.delivery import deliver_pending, report_finished
from bot.offline import Failure, OfflineBotAPI
from bot.store import people
from tests.conftest import TEACHER_ID
from tests.handlers.test_student_journey import join_and_confirm
from tests.harness import Chat, texts

CLASS_SIZE = 12


async def enrol_class(chat: Chat, size: int = CLASS_SIZE) -> list[int]:
    ids = []
    for n in range(size):
        user = chat.user(3000 + n, f"S{n}", lang=("es", "ar", "vi", "en")[n % 4])
        await join_and_confirm(chat, user, lang=("es", "ar", "vi", "en")[n % 4],
                               level=n % 6 + 1)
        ids.append(user["id"])
    return ids


def previews(api: OfflineBotAPI) -> Counter[int]:
    return Counter(c.chat_id for c in api.calls
                   if c.method == "sendMessage" and "📘" in c.text)


async def test_push_reaches_every_student_in_their_language_and_reports(chat: Chat) -> None:
    ids = await enrol_class(chat)
    calls = await chat.send(chat.user(TEACHER_ID, "Rivera", "en"),
                            "/push science.ecosystems habitat, food chain, predator")
    assert "Sending 3 word(s) to 12 student(s)" in texts(calls)
    assert set(previews(chat.api)) == set(ids)
    arabic = next(c.text for c in chat.api.calls if c.chat_id == 3001 and "📘" in c.text)
    assert "سلسلة غذائية" in arabic or "السلسلة الغذائية" in arabic
    assert "food chain" in arabic
    assert "Push finished: 12 sent, 0 blocked the bot, 0 failed" in texts(chat.api.calls)
    assert all(len(c.text) <= 4096 for c in chat.api.calls)


async def test_blocked_student_is_marked_and_skipped(chat: Chat) -> None:
    ids = await enrol_class(chat, 4)
    chat.api.block(ids[1])
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/push science.ecosystems habitat")
    assert set(previews(chat.api)) == {ids[0], ids[2], ids[3]}
    assert people.get_student(chat.db, ids[1]).blocked
    assert "3 sent, 1 blocked the bot, 0 failed" in texts(chat.api.calls)


async def test_retry_after_is_honoured_and_nothing_is_lost(chat: Chat) -> None:
    ids = await enrol_class(chat, 4)
    chat.api.fail_next(ids[2], Failure(429, "Too Many Requests: retry after 3", 3))
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    services = chat.app.bot_data.services
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    services.clock.advance(hours=10)  # 21:00 in New York: the push waits in the outbox
    await chat.send(teacher, "/push science.ecosystems habitat at 10:00")
    assert previews(chat.api) == Counter()
    services.clock.advance(hours=13)  # 10:00 the next morning
    result = await deliver_pending(chat.app.bot, services, sleep=fake_sleep)
    assert waits == [3.0]
    assert result.sent == 4
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))


async def test_interrupted_push_resumes_in_a_new_application_exactly_once(chat: Chat) -> None:
    ids = await enrol_class(chat, CLASS_SIZE)
    services = chat.app.bot_data.services
    for chat_id in ids[5:]:  # the network dies after five students
        chat.api.fail_next(chat_id, Failure(502, "Bad Gateway"), times=1)
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/push science.ecosystems habitat")
    first = previews(chat.api)
    assert set(first) == set(ids[:5])
    pending = chat.db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()
    assert pending[0] == CLASS_SIZE - 5

    # A restart: a new Application over the same store, as after a crash.
    api = OfflineBotAPI()
    fresh = Services(replace(Config()), chat.db, services.catalog, services.clock,
                     random.Random(1))
    app = build_application(fresh, request=api)
    await app.initialize()
    await deliver_pending(app.bot, fresh)
    await report_finished(app.bot, fresh)
    second = previews(api)
    assert set(second) == set(ids[5:])
    total = first + second
    assert total == Counter(dict.fromkeys(ids, 1))  # every student exactly once
    assert "12 sent, 0 blocked the bot, 0 failed" in texts(api.calls)
    await app.shutdown()


async def test_push_names_unknown_words_and_packs_kindly(chat: Chat) -> None:
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    assert "not in that pack" in texts(await chat.send(teacher,
                                                       "/push science.ecosystems volcano"))
    assert "no pack called" in texts(await chat.send(teacher, "/push math.nope"))
    assert chat.db["pushes"].count == 0
