"""`puente dashboard` stops with puente, warns before serving beyond this computer, and never
serves a Telegram id (Datasette has no login)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.report_cmd import dashboard_metadata
from bot.store import open_store
from tests.clock import Clock

ROOT = Path(__file__).resolve().parents[2]


def _fake_datasette(folder: Path, body: str) -> dict[str, str]:
    """A `datasette` on PATH that runs `body` (a shell script); the environment to use it."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    script = bin_dir / "datasette"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PUENTE_STORE_PATH": str(folder / "puente.db"), "PYTHONPATH": str(ROOT)}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by init) is not serving anything
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def test_sigterm_to_puente_stops_datasette_and_its_children(tmp_path: Path) -> None:
    open_store(tmp_path / "puente.db").close()
    pids = tmp_path / "pids"
    env = _fake_datasette(tmp_path, f"sleep 60 &\necho $$ $! > {pids}\nwait")
    puente = subprocess.Popen([sys.executable, "-m", "bot", "dashboard"], env=env,
                              cwd=tmp_path, stdout=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if pids.exists() and len(pids.read_text().split()) == 2:
                break
            time.sleep(0.05)
        served = [int(p) for p in pids.read_text().split()]
        puente.send_signal(signal.SIGTERM)
        assert puente.wait(timeout=15) != 0
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in served) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p for p in served if _alive(p)] == []
    finally:
        puente.kill()
        puente.wait()


def test_a_host_beyond_this_computer_is_warned_about(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(tmp_path / "puente.db").close()
    env = _fake_datasette(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", env["PATH"])
    monkeypatch.setenv("PUENTE_STORE_PATH", env["PUENTE_STORE_PATH"])
    assert main(["dashboard"]) == 0
    assert "WARNING" not in capsys.readouterr().err
    assert main(["dashboard", "--host", "0.0.0.0"]) == 0
    assert "WARNING: the dashboard has no login" in capsys.readouterr().err


def test_no_table_holding_a_telegram_id_is_served_nor_any_sql(tmp_path: Path) -> None:
    open_store(tmp_path / "puente.db").close()
    served = dashboard_metadata(tmp_path / "puente.db")["databases"]["puente"]
    assert served["allow_sql"] is False
    refused = {t for t, rule in served["tables"].items() if rule == {"allow": False}}
    assert {"students", "teachers", "families", "attempts", "mastery", "outbox",
            "enrollments", "thread_messages"} <= refused
    assert "words" not in refused and "translations" not in refused


def _served_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`puente dashboard` run against a datasette that notes its arguments: those arguments."""
    open_store(tmp_path / "puente.db").close()
    called = tmp_path / "args"
    env = _fake_datasette(tmp_path, f'printf "%s\\n" "$@" > {called}')
    monkeypatch.setenv("PATH", env["PATH"])
    monkeypatch.setenv("PUENTE_STORE_PATH", env["PUENTE_STORE_PATH"])
    assert main(["dashboard"], clock=Clock()) == 0
    return called.read_text(encoding="utf-8").splitlines()


def test_the_whole_store_cannot_be_downloaded_nor_queried_with_free_sql(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Datasette's "Download SQLite DB" (GET /puente.db) handed out every table, Telegram ids
    and the outbox too (a real Datasette 0.65.5 answered 200, 339,968 bytes, before; 403
    after); free SQL stays refused for every database, not only by the metadata's rule."""
    served = " ".join(_served_with(tmp_path, monkeypatch))
    assert "--setting allow_download off" in served
    assert "--setting default_allow_sql off" in served


def test_the_dashboard_reads_what_the_running_bot_wrote_and_says_when_it_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Served immutable (-i), Datasette skipped the running bot's write-ahead log: 7 mastered
    and 237 answers where /report said 12 and 270. Read-only is SQLite's mode=ro, which
    reads it."""
    served = _served_with(tmp_path, monkeypatch)
    assert served[:2] == ["serve", str(tmp_path / "puente.db")]
    assert "-i" not in served and "--immutable" not in served
    assert capsys.readouterr().out.splitlines()[1] == (
        "data as of 2026-09-14 11:00 (America/New_York), read live as /report reads it: "
        "reload a page for the newest answers")


@pytest.mark.parametrize(("version", "kept"), [
    ("0.64.8", True), ("0.65.5", True), ("0.63.3", False), ("1.0a19", False), ("1.0", False),
    ("1.2.0", False)])
def test_only_a_datasette_that_keeps_the_privacy_rules_is_served(version: str,
                                                                 kept: bool) -> None:
    """Datasette 1.0 reads "allow" blocks from its own config file, so the metadata's rules
    would be ignored and every table served: only 0.64-0.x is used."""
    from bot.cli.report_cmd import supported_datasette
    assert supported_datasette(version) is kept
