"""The examples in docs/operations.md that an IT technician pastes: they must work as shown."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def _blocks(language: str) -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def _unit() -> configparser.ConfigParser:
    (block,) = _blocks("ini")
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys have case
    unit.read_string(block)
    return unit


def test_the_systemd_unit_runs_as_its_own_user_and_starts_at_boot() -> None:
    unit = _unit()
    service = unit["Service"]
    assert service["User"] and service["User"] != "root"
    assert service["WorkingDirectory"].startswith("/")
    assert service["Restart"] == "on-failure"
    assert service["ExecStart"].endswith(" run")
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_the_systemd_unit_keeps_the_token_in_a_root_only_environment_file() -> None:
    service = _unit()["Service"]
    assert "Environment" not in service  # `systemctl show` prints it to every user
    assert not any("TOKEN" in value for value in service.values())
    env_file = service["EnvironmentFile"]
    setup = "\n".join(_blocks("sh"))
    assert f"install -m 600 /dev/null {env_file}" in setup
