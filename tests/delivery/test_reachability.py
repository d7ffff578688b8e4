"""After an outage, the log says once that Telegram answers again, and after how long."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest
from telegram.error import NetworkError

from bot.delivery.reachability import Reachability, WatchedRequest
from tests.cli.builders import closed_port


class _Ok(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok": true, "result": []}')

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@contextmanager
def _telegram() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot1:x/getUpdates"
    finally:
        server.shutdown()
        server.server_close()


def test_the_end_of_an_outage_is_logged_once_with_its_length(
        caplog: pytest.LogCaptureFixture) -> None:
    now = [1000.0]
    seen = Reachability(clock=lambda: now[0])
    request = WatchedRequest(seen)
    down = f"http://127.0.0.1:{closed_port()}/bot1:x/getUpdates"

    async def calls(up: str) -> None:
        await request.initialize()
        try:
            await request.do_request(up, "POST")  # all well: nothing to say
            for _ in range(3):
                with pytest.raises(NetworkError):
                    await request.do_request(down, "POST")
                now[0] += 30
            await request.do_request(up, "POST")
            await request.do_request(up, "POST")
        finally:
            await request.shutdown()

    with _telegram() as up, caplog.at_level(logging.INFO, "bot.delivery.reachability"):
        asyncio.run(calls(up))
    assert [r.getMessage() for r in caplog.records] == ["Telegram reachable again after 90 s"]
