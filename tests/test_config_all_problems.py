"""A config.toml with many mistakes: every one reported in one run, in the file's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_config

EIGHT_TYPOS = """\
[shcool]
timezone = "America/New_York"

[school]
timezone = "America/New_Yrok"
quiet_hours_start = "9pm"
languages = ["es", "klingon"]
family_update_day = "fryday"
holidays = [2026-11-26, "2026-13-01"]
reminder_tiem = "16:00"

[speech]
voice = "xx-zz"

[privacy]
retention_days = 0
"""


def _write(tmp_path: Path, text: str = EIGHT_TYPOS) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_config_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(_write(tmp_path), env={}, voice_check=lambda voice: voice == "en-us")
    problems = caught.value.problems
    keys = [p.split(": ")[1] for p in problems]
    assert keys == ["[top level] shcool", "[school] timezone", "[school] quiet_hours_start",
                    "[school] languages", "[school] family_update_day", "[school] holidays",
                    "[school] reminder_tiem", "[speech] voice", "[privacy] retention_days"]
    lines = [int(p.split(": ")[0].rsplit(":", 1)[1]) for p in problems]
    assert lines == [1, 5, 6, 7, 8, 9, 10, 13, 16]
    assert "did you mean 'school'?" in problems[0]
    assert "did you mean 'reminder_time'?" in problems[6]
    assert "did you mean 'America/New_York'?" in problems[1]
    assert "'klingon'" in problems[3] and "did you mean 'friday'?" in problems[4]
    assert "'2026-13-01'" in problems[5] and "no voice 'xx-zz'" in problems[7]


def test_the_cli_prints_each_problem_on_its_own_line_and_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.cli._voice_check", lambda voice: voice == "en-us")
    assert main(["--config", str(_write(tmp_path)), "packs", "list"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 9 and all(line.startswith("puente: configuration problem: ")
                                 for line in err)
    assert "Traceback" not in "\n".join(err)


def test_a_voice_the_engine_has_passes(tmp_path: Path) -> None:
    path = _write(tmp_path, '[speech]\nvoice = "en-gb"\n')
    config = load_config(path, env={}, voice_check=lambda voice: voice == "en-gb")
    assert config.speech.voice == "en-gb" and not config.notes


def test_a_voice_that_cannot_be_checked_is_a_warning_not_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, '[speech]\nvoice = "xx-zz"\n[store]\npath = "p.db"\n')
    monkeypatch.setattr("bot.cli._voice_check", lambda voice: None)
    assert main(["--config", str(path), "packs", "list"]) == 0
    err = capsys.readouterr().err
    assert "puente: warning: [speech] voice 'xx-zz' could not be checked" in err


def test_the_real_speech_engine_knows_no_xx_zz_voice(tmp_path: Path) -> None:
    pytest.importorskip("espeakng_loader")
    from bot.speech import voice_exists

    assert voice_exists("en-us") is True and voice_exists("xx-zz") is False


def test_a_config_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('\ufeff[school]\ntimezone = "Europe/Madrid"\n'.encode())
    assert load_config(path, env={}).school.timezone.key == "Europe/Madrid"


def test_the_default_voice_does_not_load_the_speech_engine(tmp_path: Path) -> None:
    asked: list[str] = []
    path = _write(tmp_path, '[speech]\nvoice = "en-us"\n')
    load_config(path, env={}, voice_check=lambda voice: asked.append(voice) or False)
    assert asked == []  # config.example.toml names it: `puente report` must not pay for it
