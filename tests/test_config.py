"""Config: defaults, validation naming the key, environment overrides."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

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
