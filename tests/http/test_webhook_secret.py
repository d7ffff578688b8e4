"""In webhook mode only Telegram, which knows the secret token, can post updates to the bot."""

from __future__ import annotations

import httpx
import pytest

from bot.standin import StandIn
from tests.journey import STEP
from tests.live import SECRET, Puente

pytestmark = pytest.mark.live


@pytest.mark.parametrize("puente", ["webhook"], indirect=True)
async def test_forged_webhook_posts_are_refused_with_403(standin: StandIn,
                                                          puente: Puente) -> None:
    teacher = standin.user(9100, "Rivera", "en")
    teacher.say("/start")  # delivered by the stand-in, with the secret: the listener is up
    await teacher.wait_for("", STEP)
    assert standin.queue.webhook.secret_token == SECRET
    mallory = standin.user(9666, "Mallory", "en")
    forged = {"update_id": 1, "message": {
        "message_id": 1, "date": 1767225600, "text": "/start",
        "chat": {"id": mallory.id, "type": "private", "first_name": "Mallory"},
        "from": mallory.user,
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
    async with httpx.AsyncClient() as client:
        without = await client.post(puente.webhook_url, json=forged)
        wrong = await client.post(puente.webhook_url, json=forged,
                                  headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
    assert (without.status_code, wrong.status_code) == (403, 403)
    await standin.quiet(1.0)
    assert mallory.received() == []  # the forged /start was never handled
    assert standin.stats.webhook_posts[200] >= 1 and standin.stats.webhook_posts[403] == 0
