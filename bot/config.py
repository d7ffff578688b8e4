"""Load and validate config.toml into frozen dataclasses, once, at start-up."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.errors import PuenteError
from bot.domain.language import get_language

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ConfigError(PuenteError):
    """The configuration file is missing, unreadable or has an invalid value."""

    prompt_key = "error-config"


@dataclass(frozen=True)
class WebhookConfig:
    listen: str = "127.0.0.1"
    port: int = 8443
    url_path: str = "puente"
    url: str = ""
    secret_token: str = ""


@dataclass(frozen=True)
class TelegramConfig:
    token: str = ""
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    mode: str = "polling"
    webhook: WebhookConfig = WebhookConfig()


@dataclass(frozen=True)
class SchoolConfig:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("America/New_York"))
    quiet_hours_start: time = time(20, 0)
    quiet_hours_end: time = time(7, 0)
    languages: tuple[str, ...] = ("es", "ar", "zh", "vi", "hmn", "so", "ru", "ht", "tl", "ko",
                                  "pt", "fr")
    reminder_time: time = time(16, 0)
    family_update_day: int = 4
    family_update_time: time = time(17, 0)

    def is_quiet(self, local: time) -> bool:
        """Tell whether a local time falls in quiet hours (which may wrap past midnight)."""
        start, end = self.quiet_hours_start, self.quiet_hours_end
        if start <= end:
            return start <= local < end
        return local >= start or local < end


@dataclass(frozen=True)
class AccessConfig:
    teacher_invite_codes: tuple[str, ...] = ()
    admin_ids: tuple[int, ...] = ()
    join_code_days: int = 180


@dataclass(frozen=True)
class TranslationConfig:
    enabled: bool = True
    data_dir: Path | None = None


@dataclass(frozen=True)
class Config:
    telegram: TelegramConfig = TelegramConfig()
    store_path: Path = Path("puente.db")
    school: SchoolConfig = SchoolConfig()
    access: AccessConfig = AccessConfig()
    translation: TranslationConfig = TranslationConfig()


class _Section:
    """Read typed values from one TOML table, naming the key in every error."""

    def __init__(self, source: str, name: str, data: Mapping[str, Any], known: set[str]) -> None:
        self.source, self.name, self.data = source, name, data
        unknown = sorted(set(data) - known)
        if unknown:
            self.fail(unknown[0], "unknown setting (check the spelling in config.example.toml)")

    def fail(self, key: str, problem: str) -> None:
        raise ConfigError(f"{self.source}: [{self.name}] {key}: {problem}")

    def get(self, key: str, kind: type, default: Any) -> Any:
        value = self.data.get(key, default)
        if kind is int and isinstance(value, bool):
            self.fail(key, f"expected a whole number, got {value!r}")
        if not isinstance(value, kind):
            self.fail(key, f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    def clock(self, key: str, default: time) -> time:
        raw = self.get(key, str, default.strftime("%H:%M"))
        match = _HHMM.match(raw)
        if match is None:
            self.fail(key, f"expected a time like \"07:30\", got {raw!r}")
        return time(int(match[1]), int(match[2]))

    def table(self, key: str) -> Mapping[str, Any]:
        return self.get(key, dict, {})


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Load config from `path` (or $PUENTE_CONFIG, or defaults) and apply environment overrides."""
    env = os.environ if env is None else env
    if path is None and env.get("PUENTE_CONFIG"):
        path = Path(env["PUENTE_CONFIG"])
    data: dict[str, Any] = {}
    source = str(path) if path else "defaults"
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: file not found (copy config.example.toml)") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    root = _Section(source, "top level", data,
                    {"telegram", "store", "school", "access", "translation"})
    config = Config(
        telegram=_telegram(source, root.table("telegram"), env),
        store_path=_store_path(source, root.table("store"), env),
        school=_school(source, root.table("school")),
        access=_access(source, root.table("access")),
        translation=_translation(source, root.table("translation")),
    )
    return config


def _telegram(source: str, data: Mapping[str, Any], env: Mapping[str, str]) -> TelegramConfig:
    s = _Section(source, "telegram", data,
                 {"token", "base_url", "base_file_url", "mode", "webhook"})
    mode = s.get("mode", str, "polling")
    if mode not in ("polling", "webhook"):
        s.fail("mode", f"expected \"polling\" or \"webhook\", got {mode!r}")
    w = _Section(source, "telegram.webhook", s.table("webhook"),
                 {"listen", "port", "url_path", "url", "secret_token"})
    port = w.get("port", int, 8443)
    if not 1 <= port <= 65535:
        w.fail("port", f"expected 1-65535, got {port}")
    webhook = WebhookConfig(
        listen=w.get("listen", str, "127.0.0.1"), port=port,
        url_path=w.get("url_path", str, "puente"), url=w.get("url", str, ""),
        secret_token=w.get("secret_token", str, ""),
    )
    if mode == "webhook" and not webhook.url.startswith("https://"):
        w.fail("url", "webhook mode needs the public https:// address Telegram will call")
    return TelegramConfig(
        token=env.get("TELEGRAM_BOT_TOKEN") or s.get("token", str, ""),
        base_url=s.get("base_url", str, TelegramConfig.base_url),
        base_file_url=s.get("base_file_url", str, TelegramConfig.base_file_url),
        mode=mode, webhook=webhook,
    )


def _store_path(source: str, data: Mapping[str, Any], env: Mapping[str, str]) -> Path:
    s = _Section(source, "store", data, {"path"})
    raw = env.get("PUENTE_STORE_PATH") or s.get("path", str, "puente.db")
    if not raw.strip():
        s.fail("path", "must not be empty")
    return Path(raw)


def _school(source: str, data: Mapping[str, Any]) -> SchoolConfig:
    s = _Section(source, "school", data, {
        "timezone", "quiet_hours_start", "quiet_hours_end", "languages", "reminder_time",
        "family_update_day", "family_update_time"})
    tz_name = s.get("timezone", str, "America/New_York")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        s.fail("timezone", f"unknown time zone {tz_name!r} (use an IANA name like Europe/Madrid)")
    languages = s.get("languages", list, list(SchoolConfig.languages))
    for code in languages:
        try:
            get_language(str(code))
        except PuenteError:
            s.fail("languages", f"unknown language code {code!r} (see `puente languages`)")
    day = s.get("family_update_day", str, "friday").lower()
    if day not in WEEKDAYS:
        s.fail("family_update_day", f"expected a day like \"friday\", got {day!r}")
    return SchoolConfig(
        timezone=tz,
        quiet_hours_start=s.clock("quiet_hours_start", SchoolConfig.quiet_hours_start),
        quiet_hours_end=s.clock("quiet_hours_end", SchoolConfig.quiet_hours_end),
        languages=tuple(get_language(str(c)).code for c in languages),
        reminder_time=s.clock("reminder_time", SchoolConfig.reminder_time),
        family_update_day=WEEKDAYS.index(day),
        family_update_time=s.clock("family_update_time", SchoolConfig.family_update_time),
    )


def _access(source: str, data: Mapping[str, Any]) -> AccessConfig:
    s = _Section(source, "access", data, {"teacher_invite_codes", "admin_ids", "join_code_days"})
    codes = s.get("teacher_invite_codes", list, [])
    if any(not isinstance(c, str) or len(c) < 8 for c in codes):
        s.fail("teacher_invite_codes", "each code must be a string of at least 8 characters")
    admins = s.get("admin_ids", list, [])
    if any(not isinstance(a, int) or isinstance(a, bool) for a in admins):
        s.fail("admin_ids", "expected Telegram user ids (whole numbers)")
    days = s.get("join_code_days", int, 180)
    if days < 1:
        s.fail("join_code_days", "must be at least 1")
    return AccessConfig(tuple(codes), tuple(admins), days)


def _translation(source: str, data: Mapping[str, Any]) -> TranslationConfig:
    s = _Section(source, "translation", data, {"enabled", "data_dir"})
    data_dir = s.get("data_dir", str, "")
    return TranslationConfig(
        enabled=s.get("enabled", bool, True), data_dir=Path(data_dir) if data_dir else None)
