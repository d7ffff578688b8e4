"""`python -m bot.standin` runs on its own; a benchmark drives it through /standin/ routes."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest

from tests.live import ROOT, TOKEN, free_port


async def test_standalone_stand_in_with_control_routes_and_clean_sigterm() -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.standin", "--port", str(port), "--burst-per-chat", "1",
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=asyncio.subprocess.PIPE)
    try:
        assert process.stdout is not None
        banner = await asyncio.wait_for(process.stdout.readline(), 15)
        base = f"http://127.0.0.1:{port}"
        assert f"{base}/bot" in banner.decode()
        async with httpx.AsyncClient(base_url=base) as control, \
                Bot(TOKEN, base_url=f"{base}/bot") as bot:
            said = await control.post("/standin/say", json={"user_id": 5, "text": "/start"})
            assert said.json()["message"]["text"] == "/start"
            (update,) = await bot.get_updates()
            welcome = await bot.send_message(update.effective_chat.id, "welcome")
            deleted = await control.post("/standin/delete", json={
                "user_id": 5, "message_id": welcome.message_id})  # she deletes it
            assert deleted.json() == {"ok": True}
            with pytest.raises(BadRequest, match=r"^Message to be replied not found$"):
                await bot.send_message(5, "👆", reply_to_message_id=welcome.message_id)
            await control.post("/standin/fault", json={"kind": "block", "chat_id": 5})
            sent = (await control.get("/standin/sent", params={"chat_id": 5})).json()
            stats = (await control.get("/standin/stats")).json()
        assert [s["text"] for s in sent] == ["welcome"]
        assert stats["messages"] == 1 and stats["requests"]["getUpdates"] == 1
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 10) == 0
