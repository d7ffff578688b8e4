"""Every failure a user can cause is one line naming the problem and the fix, and exit code 2."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.cli.errors import explain
from bot.cli.logs import run_logging
from bot.config import Config, TelegramConfig, WebhookConfig
from tests.cli.builders import (
    TOKEN,
    closed_port,
    fresh_event_loop,
    one_line,
    refusing_proxy,
    start_log,
    telegram_rejecting_tokens,
    write_config,
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("TELEGRAM_BOT_TOKEN", "PUENTE_CONFIG", "PUENTE_STORE_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    with fresh_event_loop():
        yield


def test_run_without_network_says_telegram_is_unreachable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    port = closed_port()
    config = write_config(tmp_path, f'[telegram]\nbase_url = "http://127.0.0.1:{port}/bot"\n')
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert main(["--config", str(config), "run"]) == 2
    line = one_line(capsys.readouterr().err)
    assert f"cannot reach Telegram at 127.0.0.1:{port}" in line
    assert "internet connection" in line


def test_rejected_token_is_one_line_that_never_shows_the_token(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with telegram_rejecting_tokens() as base_url:
        config = write_config(tmp_path, f'[telegram]\ntoken = "{TOKEN}"\n'
                              f'base_url = "{base_url}"\n')
        assert main(["--config", str(config), "run"]) == 2
    line = one_line(capsys.readouterr().err)
    assert "Telegram rejected the bot token" in line and "@BotFather" in line


@pytest.mark.parametrize(("argv", "says"), [
    (["db", "migrate"], "does not exist"),
    (["run"], "does not exist"),
    (["db", "backup", "copy.db"], "no store at"),
    (["report", "--class", "Science 7B"], "no store at"),
])
def test_store_in_a_missing_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str],
                                            argv: list[str], says: str) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    config = write_config(tmp_path, store="no-such-folder/puente.db")
    assert main(["--config", str(config), *argv]) == 2
    line = one_line(capsys.readouterr().err)
    assert says in line and str(tmp_path / "no-such-folder") in line


@pytest.mark.parametrize(("make", "says"), [
    ("folder", "is a folder; give the config file inside it"),
    ("missing", "file not found"),
    ("not a url", "[telegram] base_url: expected an http:// or https:// address"),
    ("webhook without secret", "[telegram.webhook] secret_token"),
])
def test_config_problems_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      make: str, says: str) -> None:
    target = tmp_path / "settings"
    if make == "folder":
        target.mkdir()
    elif make == "not a url":
        target = write_config(tmp_path, '[telegram]\nbase_url = "not a url"\n')
    elif make == "webhook without secret":
        target = write_config(tmp_path, '[telegram]\nmode = "webhook"\n[telegram.webhook]\n'
                              'url = "https://puente.example.org/puente"\n')
    assert main(["--config", str(target), "packs", "list"]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("puente: configuration problem: ") and says in line


def test_missing_translation_model_file_is_one_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, f'[translation]\ndata_dir = "{tmp_path / "argos"}"\n'
                          ).read_text().replace("[translation]\nenabled = false\n", "")
    (tmp_path / "config.toml").write_text(config)
    model = tmp_path / "translate-en_so.argosmodel"
    assert main(["translate", "install-file", str(model)]) == 2
    assert f"{model}: no such file" in one_line(capsys.readouterr().err)


def test_discovery_prefers_the_environment_to_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path, '[school]\ntimezone = "Here/Cwd"\n')
    elsewhere = write_config(tmp_path / "env", '[school]\ntimezone = "From/Env"\n')
    monkeypatch.setenv("PUENTE_CONFIG", str(elsewhere))
    assert main(["packs", "list"]) == 2
    assert "From/Env" in one_line(capsys.readouterr().err)
    flag = write_config(tmp_path / "flag", '[school]\ntimezone = "From/Flag"\n')
    assert main(["--config", str(flag), "packs", "list"]) == 2
    assert "From/Flag" in one_line(capsys.readouterr().err)
    monkeypatch.delenv("PUENTE_CONFIG")
    assert main(["packs", "list"]) == 2
    assert "Here/Cwd" in one_line(capsys.readouterr().err)
    assert "$PUENTE_CONFIG, else ./config.toml" in " ".join(build_parser().format_help().split())


def test_relative_store_path_counts_from_the_config_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    school = tmp_path / "school"
    config = write_config(school, store="data/puente.db")
    (school / "data").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["--config", str(config), "db", "migrate"]) == 0
    assert (school / "data" / "puente.db").is_file()
    assert not list(elsewhere.iterdir())
    capsys.readouterr()


def test_logs_mask_the_token_and_keep_httpx_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    secret_half = TOKEN.split(":")[1]
    with run_logging([TOKEN, secret_half]):
        assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
        log = logging.getLogger("telegram.ext.test")
        log.warning("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
        except RuntimeError:
            log.exception("failed with %s", secret_half)
    err = capsys.readouterr().err
    assert "/bot***/getMe" in err and "The token `***`" in err and "failed with ***" in err
    assert secret_half not in err
    assert logging.getLogger("httpx").level == logging.NOTSET  # restored afterwards


def test_webhook_port_in_use_names_the_port() -> None:
    config = replace(Config(), telegram=replace(
        TelegramConfig(), webhook=WebhookConfig(listen="0.0.0.0", port=8443)))
    line = explain(OSError(errno.EADDRINUSE, "Address already in use"), config)
    assert "cannot listen on 0.0.0.0:8443" in line and "[telegram.webhook] port" in line


def test_run_logs_the_config_file_and_store_it_uses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with telegram_rejecting_tokens() as base_url:
        config = write_config(tmp_path, f'[telegram]\ntoken = "{TOKEN}"\n'
                              f'base_url = "{base_url}"\n')
        assert main(["--config", str(config), "run"]) == 2
        first = start_log(capsys.readouterr().err)
        assert len(first) == 2
        assert f"INFO bot.cli.run_cmd: config file: {config}; store: {tmp_path / 'puente.db'}" \
            in first[0]
        assert "WARNING" in first[1] and "new, empty store created at" in first[1]
        with fresh_event_loop():  # the store is there now: no warning
            assert main(["--config", str(config), "run"]) == 2
        (again,) = start_log(capsys.readouterr().err)
        assert "config file:" in again


def test_started_from_the_wrong_folder_run_warns_of_the_new_empty_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with telegram_rejecting_tokens() as base_url:
        monkeypatch.setattr("bot.config.TelegramConfig.base_url", base_url)
        assert main(["run"]) == 2  # no config.toml in this folder
    info, warning = start_log(capsys.readouterr().err)
    assert "config file: none (built-in defaults)" in info
    assert f"new, empty store created at {tmp_path / 'puente.db'}" in warning


@pytest.mark.parametrize("token", ["abc", "123456", "bot123456:ABC", "123456:ABC DEF"])
def test_a_malformed_token_is_named_as_such_not_as_a_network_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], token: str) -> None:
    config = write_config(tmp_path, f'[telegram]\ntoken = "{token}"\n'
                          f'base_url = "http://127.0.0.1:{closed_port()}/bot"\n')
    assert main(["--config", str(config), "run"]) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("puente: this is not a bot token (it looks like 123456:ABC")
    assert not (tmp_path / "puente.db").exists()


def test_run_goes_through_the_proxy_in_https_proxy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path)  # the real api.telegram.org, reached only via the proxy
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with refusing_proxy() as (proxy, seen):
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        assert main(["--config", str(config), "run"]) == 2
    assert "cannot reach Telegram at api.telegram.org" in one_line(capsys.readouterr().err)
    assert seen and seen[0].startswith("CONNECT api.telegram.org:443 ")
