"""Run the real `puente run` as a subprocess against the Bot API stand-in, over real HTTP."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.standin import StandIn

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "4242424242:AAStandInTestTokenForPuente"
INVITE = "STANDIN_TEACH_2026"
SECRET = "standin-webhook-secret_0123456789"
START_WITHIN = 30.0  # seconds for `puente run` to reach getUpdates / setWebhook
STOP_WITHIN = 15.0  # seconds for a clean exit after SIGTERM


def free_port() -> int:
    """A port nobody listens on right now (127.0.0.1)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(folder: Path, standin: StandIn, webhook_port: int | None = None) -> Path:
    """A config.toml for `puente run` against the stand-in (webhook mode when a port is given)."""
    mode = "polling" if webhook_port is None else "webhook"
    lines = [
        "[telegram]", f'token = "{TOKEN}"', f'base_url = "{standin.base_url}"',
        f'base_file_url = "{standin.base_file_url}"', f'mode = "{mode}"', "",
        "[telegram.webhook]", 'listen = "127.0.0.1"', f"port = {webhook_port or 8443}",
        'url_path = "puente"',
        # Telegram only calls https://; the stand-in plays the TLS-terminating proxy in front.
        f'url = "https://127.0.0.1:{webhook_port or 8443}/puente"',
        f'secret_token = "{SECRET}"', "",
        "[store]", f'path = "{folder / "puente.db"}"', "",
        # Equal bounds: no quiet hours, so pushes go out whatever the time of the test run.
        "[school]", 'timezone = "UTC"', 'quiet_hours_start = "00:00"',
        'quiet_hours_end = "00:00"', "",
        "[access]", f'teacher_invite_codes = ["{INVITE}"]', "",
        "[translation]", "enabled = false", "",
    ]
    path = folder / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@dataclass
class Puente:
    """A running `python -m bot run` process and where its log goes."""

    process: asyncio.subprocess.Process
    log: Path
    webhook_port: int | None = None

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.webhook_port}/puente"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def stop(self) -> int:
        """SIGTERM, then wait for a clean exit (killed and reported if it hangs)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), STOP_WITHIN)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
                raise AssertionError(f"puente ignored SIGTERM:\n{self.output()[-3000:]}") from None
        return int(self.process.returncode or 0)


async def start_puente(folder: Path, standin: StandIn, webhook: bool = False) -> Puente:
    """Start `python -m bot --config ... run` and wait until it listens for updates."""
    port = free_port() if webhook else None
    config = write_config(folder, standin, port)
    env = {k: v for k, v in os.environ.items()
           if k not in ("TELEGRAM_BOT_TOKEN", "PUENTE_CONFIG", "PUENTE_STORE_PATH")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    log = folder / "puente.log"
    with log.open("wb") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(config), "run", cwd=folder, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=sink, stderr=sink)
    puente = Puente(process, log, port)

    def ready() -> bool:
        if process.returncode is not None:
            raise AssertionError(f"puente exited with {process.returncode}:\n{puente.output()}")
        if webhook:
            return standin.queue.webhook.url != ""
        return standin.stats.requests["getUpdates"] > 0

    try:
        await standin.wait_for(ready, START_WITHIN, "puente listening for updates")
    except BaseException:
        await puente.stop()
        raise
    return puente


def seed_class(store: Path, students: int, first_id: int, teacher_id: int,
               join_code: str = "SEEDcode_2026") -> list[int]:
    """A teacher and a class of enrolled students with confirmed languages and levels, written
    straight into the store (joining 1,000 students over HTTP would take minutes)."""
    from datetime import UTC, datetime, timedelta

    from bot.services.packs import install_packs, load_packs
    from bot.store import open_store, people

    now = datetime.now(UTC)
    db = open_store(store)
    install_packs(db, load_packs().packs, now)
    people.upsert_teacher(db, teacher_id, "Rivera", now)
    found = people.create_class(db, teacher_id, "Science 7B", join_code,
                                now + timedelta(days=30), "science.ecosystems", now)
    ids = [first_id + n for n in range(students)]
    with db.atomic():
        for n, student in enumerate(ids):
            people.upsert_student(db, student, f"S{n}", now)
            people.set_student_language(db, student, ("es", "ar", "vi", "so")[n % 4])
            people.enroll(db, student, found.id, now)
            people.set_level(db, student, None, n % 6 + 1, "teacher")
    db.close()
    return ids
