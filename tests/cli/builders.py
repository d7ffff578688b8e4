"""Builders for CLI tests: config files, a fake Telegram that says no, a port nobody answers."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TOKEN = "123456:AAH-sEcReT-tOkEn-for-tests_0123456789"


def write_config(folder: Path, body: str = "", *, store: str = "puente.db") -> Path:
    """A config.toml in `folder` with a store there and machine translation off."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(f'[store]\npath = "{store}"\n[translation]\nenabled = false\n{body}',
                    encoding="utf-8")
    return path


def closed_port() -> int:
    """A local port with nothing listening (connections are refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Unauthorized(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"})
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@contextmanager
def telegram_rejecting_tokens() -> Iterator[str]:
    """A local Bot API that answers 401 Unauthorized to everything; yields its base_url."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Unauthorized)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


# `puente run` logs which config file and store it uses before it can fail (bot/cli/run_cmd.py).
_START_LOG = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING) "
                        r"bot\.cli\.run_cmd: ")


def start_log(err: str) -> list[str]:
    """The lines `puente run` logs at start: the config file and store it uses."""
    return [line for line in err.splitlines() if _START_LOG.match(line)]


def one_line(err: str) -> str:
    """Assert stderr is exactly one `puente: ...` line (after `puente run`'s start-up log),
    with no traceback and no token."""
    lines = [line for line in err.strip().splitlines() if not _START_LOG.match(line)]
    assert len(lines) == 1 and lines[0].startswith("puente: "), err
    assert "Traceback" not in err and TOKEN not in err and TOKEN.split(":")[1] not in err
    return lines[0]


@contextmanager
def fresh_event_loop() -> Iterator[None]:
    """python-telegram-bot's run_polling closes the current loop; give each run its own."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield
    finally:
        loop.close()
        asyncio.set_event_loop(None)


@contextmanager
def refusing_proxy() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP proxy that notes each request's first line and closes the connection;
    yields its address and the lines seen."""
    seen: list[str] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                with suppress(OSError):
                    seen.append(conn.recv(4096).decode("latin-1").split("\r\n", 1)[0])

    worker = threading.Thread(target=serve, daemon=True)
    worker.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", seen
    finally:
        stop.set()
        worker.join()
        server.close()
