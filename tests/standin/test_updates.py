"""Updates reach the bot like Telegram delivers them: long polling offsets, or webhook POSTs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, Conflict

from bot.standin import StandIn
from tests.live import TOKEN


async def test_long_polling_confirms_updates_below_the_offset(standin: StandIn,
                                                              bot: Bot) -> None:
    ana = standin.user(201, "Ana", "es")
    for text in ("/start", "hola", "ok"):
        ana.say(text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["/start", "hola"]
    assert first[0].message.entities[0].type == "bot_command"
    assert [u.message.text for u in await bot.get_updates()] == ["/start", "hola", "ok"]
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["ok"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
    assert [u.message.text for u in await bot.get_updates(offset=-1)] == []


async def test_long_poll_returns_as_soon_as_an_update_arrives(standin: StandIn,
                                                              bot: Bot) -> None:
    bo = standin.user(202, "Bo")
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=10))
    await asyncio.sleep(0.3)
    assert not poll.done()
    bo.say("hello")
    (update,) = await asyncio.wait_for(poll, 3)
    assert update.message.text == "hello" and time.monotonic() - started < 2


async def test_long_poll_with_nothing_to_say_waits_its_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 3


async def test_allowed_updates_filters_what_is_queued(standin: StandIn, bot: Bot) -> None:
    cy = standin.user(203, "Cy")
    await bot.get_updates(allowed_updates=["callback_query"])
    cy.say("this is filtered out")
    assert await bot.get_updates() == ()


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[str, list[tuple[dict[str, str], dict]]]]:
    """A tiny webhook endpoint on 127.0.0.1 that records what it is sent (first POST: 500)."""
    seen: list[tuple[dict[str, str], dict]] = []

    async def hook(request: web.Request) -> web.Response:
        seen.append((dict(request.headers), await request.json()))
        return web.Response(status=500 if len(seen) == 1 else 200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"https://127.0.0.1:{port}/hook", seen
    await runner.cleanup()


async def test_webhook_posts_carry_the_secret_token_and_are_retried(
        standin: StandIn, bot: Bot,
        receiver: tuple[str, list[tuple[dict[str, str], dict]]]) -> None:
    url, seen = receiver
    with pytest.raises(BadRequest, match="an https url must be provided"):
        await bot.set_webhook("http://127.0.0.1/hook")
    assert await bot.set_webhook(url, secret_token="s3cret-TOKEN_1")
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    standin.user(204, "Di").say("/start")
    await standin.wait_for(lambda: len(seen) >= 2, 5, "a retried webhook POST")
    headers, body = seen[-1]
    assert headers["X-Telegram-Bot-Api-Secret-Token"] == "s3cret-TOKEN_1"
    assert body["message"]["text"] == "/start" and body["update_id"] == seen[0][1]["update_id"]
    assert standin.stats.webhook_posts == {500: 1, 200: 1}
    info = await bot.get_webhook_info()
    assert info.url == url and info.pending_update_count == 0
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    assert await bot.delete_webhook()
    standin.user(204, "Di").say("polling again")
    assert [u.message.text for u in await bot.get_updates()] == ["polling again"]


async def test_a_second_poller_ends_the_first_with_conflict(standin: StandIn, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=10))
    await asyncio.sleep(0.3)
    async with Bot(TOKEN, base_url=standin.base_url) as other:  # a second running instance
        second = asyncio.create_task(other.get_updates(timeout=1, read_timeout=10))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(first, 3)
        assert await asyncio.wait_for(second, 3) == ()
