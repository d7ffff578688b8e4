"""Faults a test injects: server errors, slow answers, lost answers, refused connections."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.standin import StandIn


async def test_server_errors_for_one_chat_for_n_sends(standin: StandIn, bot: Bot) -> None:
    standin.user(301, "Ana")
    standin.user(302, "Bo")
    standin.fail(301, 500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(301, "preview")
    assert (await bot.send_message(302, "other chat is fine")).text
    assert (await bot.send_message(301, "third try")).text == "third try"
    assert [s.text for s in standin.sent(301)] == ["third try"]
    assert standin.stats.errors[500] == 2


async def test_a_held_request_times_out_and_telegram_did_not_act(standin: StandIn,
                                                                 bot: Bot) -> None:
    standin.user(303, "Cy")
    standin.hold(303, seconds=1.0)
    with pytest.raises(TimedOut):
        await bot.send_message(303, "slow", read_timeout=0.3)
    assert standin.sent(303) == []


async def test_a_held_request_can_still_be_delivered(standin: StandIn, bot: Bot) -> None:
    standin.user(304, "Di")
    standin.hold(304, seconds=1.0, record=True)
    with pytest.raises(TimedOut):
        await bot.send_message(304, "slow but sent", read_timeout=0.3)
    assert [s.text for s in standin.sent(304)] == ["slow but sent"]


async def test_dropped_connection_after_the_message_was_recorded(standin: StandIn,
                                                                 bot: Bot) -> None:
    ed = standin.user(305, "Ed")
    standin.drop(305)
    with pytest.raises(NetworkError):
        await bot.send_message(305, "Telegram got this")
    (sent,) = ed.received()
    assert sent.text == "Telegram got this" and not sent.answered
    assert standin.stats.dropped == 1
    await bot.send_message(305, "Telegram got this")  # a naive retry: the user sees it twice
    assert standin.duplicates() == {305: 1}


async def test_refused_connections_come_back_after_a_while(standin: StandIn, bot: Bot) -> None:
    standin.user(306, "Fe")
    await standin.refuse_connections(0.8)
    with pytest.raises(NetworkError):
        await bot.send_message(306, "nobody listens")
    await asyncio.sleep(1.0)
    assert (await bot.send_message(306, "listening again")).text == "listening again"


async def test_latency_is_added_to_every_request(standin: StandIn, bot: Bot) -> None:
    standin.user(307, "Gu")
    standin.set_latency(200)
    started = time.monotonic()
    await bot.send_message(307, "slow network")
    await bot.get_me()
    assert time.monotonic() - started >= 0.4
    assert standin.sent(307)[0].at > 0
