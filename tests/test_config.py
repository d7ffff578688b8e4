"""Config: defaults, validation naming the key, environment overrides."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pytest

from bot.config import ConfigError, find_config, load_config

EXAMPLE = Path(__file__).resolve().parents[1] / "config.example.toml"


def test_example_config_loads() -> None:
    config = load_config(EXAMPLE, env={})
    assert config.telegram.mode == "polling"
    assert "hmn" in config.school.languages


def test_token_comes_from_the_environment() -> None:
    config = load_config(EXAMPLE, env={"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert config.telegram.token == "1:abc"


@pytest.mark.parametrize(("toml", "named"), [
    ('[school]\nquiet_hours_start = "9pm"\n', "[school] quiet_hours_start"),
    ('[school]\nlanguages = ["es", "klingon"]\n', "[school] languages"),
    ('[telegram]\nmode = "carrier-pigeon"\n', "[telegram] mode"),
    ('[telegram]\nmode = "webhook"\n', "[telegram.webhook] url"),
    ('[access]\nteacher_invite_codes = ["short"]\n', "[access] teacher_invite_codes"),
    ('[store]\npaht = "x.db"\n', "[store] paht: unknown setting"),
    ("[store\n", "not valid TOML"),
    ('[telegram]\nbase_url = "not a url"\n', "[telegram] base_url"),
    ('[telegram]\nbase_file_url = "ftp://files.example.org/"\n', "[telegram] base_file_url"),
])
def test_invalid_values_name_the_key(tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=named.replace("[", r"\[").replace("]", r"\]")):
        load_config(path, env={})


def test_quiet_hours_wrap_past_midnight() -> None:
    school = load_config(None, env={}).school
    assert school.is_quiet(time(22, 0)) and school.is_quiet(time(6, 59))
    assert not school.is_quiet(time(16, 0))


WEBHOOK = '[telegram]\nmode = "webhook"\n[telegram.webhook]\n'
GOOD_SECRET = "Zq-3_abcDEF0123456789"


@pytest.mark.parametrize(("settings", "named"), [
    (f'url = "http://puente.example.org/puente"\nsecret_token = "{GOOD_SECRET}"\n', "url"),
    (f'url = "https://"\nsecret_token = "{GOOD_SECRET}"\n', "url"),
    ('url = "https://puente.example.org/puente"\n', "secret_token"),
    ('url = "https://puente.example.org/puente"\nsecret_token = "has space"\n', "secret_token"),
    ('url = "https://puente.example.org/puente"\nsecret_token = "ünïcode"\n', "secret_token"),
    (f'url = "https://puente.example.org/puente"\nsecret_token = "{"a" * 257}"\n',
     "secret_token"),
])
def test_webhook_needs_https_and_a_telegram_secret(tmp_path: Path, settings: str,
                                                   named: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(WEBHOOK + settings, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"\[telegram.webhook\] {named}:") as caught:
        load_config(path, env={})
    assert "\n" not in str(caught.value)


def test_webhook_with_https_and_a_secret_loads(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    secret = "A" * 255 + "_"
    path.write_text(WEBHOOK + f'url = "https://puente.example.org/puente"\n'
                    f'secret_token = "{secret}"\n')
    webhook = load_config(path, env={}).telegram.webhook
    assert webhook.secret_token == secret and webhook.url.startswith("https://")


def test_relative_paths_count_from_the_config_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "school"
    folder.mkdir()
    (folder / "config.toml").write_text(
        '[store]\npath = "data/puente.db"\n[translation]\ndata_dir = "argos"\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(Path("school/config.toml"), env={})
    assert config.store_path.resolve() == folder / "data" / "puente.db"
    assert config.translation.data_dir is not None
    assert config.translation.data_dir.resolve() == folder / "argos"
    absolute = tmp_path / "elsewhere.db"
    (folder / "config.toml").write_text(f'[store]\npath = "{absolute.as_posix()}"\n')
    assert load_config(folder / "config.toml", env={}).store_path == absolute


def test_store_path_from_the_environment_counts_from_the_working_directory(
        tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[store]\npath = "in-file.db"\n')
    config = load_config(tmp_path / "config.toml", env={"PUENTE_STORE_PATH": "shell.db"})
    assert config.store_path == Path("shell.db")


def test_discovery_order_is_flag_then_environment_then_working_directory(
        tmp_path: Path) -> None:
    flag, from_env = tmp_path / "flag.toml", tmp_path / "env.toml"
    env = {"PUENTE_CONFIG": str(from_env)}
    assert find_config(flag, env, tmp_path) == flag
    (tmp_path / "config.toml").write_text("")
    assert find_config(None, env, tmp_path) == from_env
    assert find_config(None, {}, tmp_path) == Path("config.toml")
    (tmp_path / "config.toml").unlink()
    assert find_config(None, {}, tmp_path) is None


@pytest.mark.parametrize(("make", "problem"), [
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "file not found"),
])
def test_config_path_that_is_not_a_file_is_one_clear_line(
        tmp_path: Path, make: Callable[[Path], object], problem: str) -> None:
    path = tmp_path / "conf"
    make(path)
    with pytest.raises(ConfigError, match=problem) as caught:
        load_config(path, env={})
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("code", ["eight888", "eleven-char", "has space in it!", "ünïcödé-çödé-x"])
def test_teacher_codes_must_be_hard_to_guess(tmp_path: Path, code: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[access]\nteacher_invite_codes = ["{code}"]\n')
    with pytest.raises(ConfigError, match=r"\[access\] teacher_invite_codes"):
        load_config(path, env={})


def test_retention_days_is_read_and_must_be_positive(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[access]\nteacher_invite_codes = ["Rivera-7b-K3xq9Lm2"]\n'
                    "[privacy]\nretention_days = 30\n")
    assert load_config(path, env={}).privacy.retention_days == 30
    assert load_config(EXAMPLE, env={}).privacy.retention_days == 365
    path.write_text("[privacy]\nretention_days = 0\n")
    with pytest.raises(ConfigError, match=r"\[privacy\] retention_days"):
        load_config(path, env={})


def test_sent_text_days_is_read_30_by_default_and_must_be_positive(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[access]\nteacher_invite_codes = ["Rivera-7b-K3xq9Lm2"]\n'
                    "[privacy]\nsent_text_days = 7\n")
    assert load_config(path, env={}).privacy.sent_text_days == 7
    assert load_config(EXAMPLE, env={}).privacy.sent_text_days == 30
    path.write_text("[privacy]\nsent_text_days = 0\n")
    with pytest.raises(ConfigError, match=r"\[privacy\] sent_text_days"):
        load_config(path, env={})


def test_school_holidays_are_dates_in_toml_or_text(tmp_path: Path) -> None:
    from datetime import date

    assert date(2026, 11, 26) in load_config(EXAMPLE, env={}).school.holidays
    path = tmp_path / "config.toml"
    path.write_text('[school]\nholidays = [2026-11-26, "2026-12-24"]\n')
    assert load_config(path, env={}).school.holidays == {date(2026, 11, 26), date(2026, 12, 24)}
    path.write_text('[school]\nholidays = ["Thanksgiving"]\n')
    with pytest.raises(ConfigError, match=r"\[school\] holidays"):
        load_config(path, env={})
