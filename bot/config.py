"""Load and validate config.toml into frozen dataclasses, once, at start-up."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain.errors import PuenteError
from bot.domain.language import get_language

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# What Telegram accepts in a webhook's X-Telegram-Bot-Api-Secret-Token header.
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
DEFAULT_CONFIG = Path("config.toml")
_STRONG_CODE = re.compile(r"^[A-Za-z0-9_-]{12,64}$")


class ConfigError(PuenteError):
    """The configuration file is missing, unreadable or has invalid values (all of them, in
    file order: eight typos once took seven runs to find one at a time)."""

    prompt_key = "error-config"

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems: tuple[str, ...] = problems


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
    holidays: frozenset[date] = frozenset()  # no school: streaks and "inactive" skip them
    # The days off teachers set in Puente that config.toml does not list: already in
    # `holidays` (every place that skips holidays skips them), kept apart so a day removed
    # in Puente leaves config.toml's own holidays as they were.
    days_off: frozenset[date] = frozenset()

    @property
    def configured_holidays(self) -> frozenset[date]:
        """config.toml's holidays alone, without the days off set in Puente."""
        return self.holidays - self.days_off

    def with_days_off(self, stored: frozenset[date]) -> SchoolConfig:
        """This school with `stored` (every day off set in Puente) as its days off: holidays
        are config.toml's and those."""
        configured = self.configured_holidays
        added = stored - configured
        return replace(self, holidays=configured | added, days_off=added)

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
class PrivacyConfig:
    retention_days: int = 365  # answers and finished messages older than this are purged
    sent_text_days: int = 30  # a finished message's text (and its reading) is emptied after


@dataclass(frozen=True)
class SpeechConfig:
    enabled: bool = True
    voice: str = "en-us"  # the eSpeak NG voice for English
    cache_dir: Path | None = None  # None: a "<store name>-speech" folder beside the store

    def folder(self, store_path: Path) -> Path:
        """Where clips are cached: `cache_dir`, else beside the store."""
        return self.cache_dir or store_path.with_name(f"{store_path.stem}-speech")


@dataclass(frozen=True)
class PacksConfig:
    # A district's own pack folders, read after the shipped packs (which keep their ids).
    extra_dirs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Config:
    telegram: TelegramConfig = TelegramConfig()
    store_path: Path = Path("puente.db")
    school: SchoolConfig = SchoolConfig()
    access: AccessConfig = AccessConfig()
    translation: TranslationConfig = TranslationConfig()
    privacy: PrivacyConfig = PrivacyConfig()
    speech: SpeechConfig = SpeechConfig()
    packs: PacksConfig = PacksConfig()
    # Warnings the CLI prints at start (a setting that could not be checked on this machine).
    notes: tuple[str, ...] = field(default=(), compare=False)

    def with_days_off(self, stored: frozenset[date]) -> Config:
        """This configuration with `stored` as the school's days off set in Puente."""
        return replace(self, school=self.school.with_days_off(stored))


class _Lines:
    """Find the line of a setting, since tomllib reports positions only for syntax errors."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if _HEADER.match(line)]

    def _table(self, name: str) -> range:
        """The lines of table `name` ("top level": those before the first header)."""
        if name == TOP:
            return range(0, self.headers[0] if self.headers else len(self.lines))
        for at in self.headers:
            match = _HEADER.match(self.lines[at])
            if match and match[1].replace(" ", "") == name:
                end = next((h for h in self.headers if h > at), len(self.lines))
                return range(at, end)
        return range(0)

    def of(self, section: str, key: str) -> int | None:
        """The line where `key` of `section` is written (or its table starts), if found."""
        table = self._table(section)
        setting = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]")
        for i in table:
            if setting.match(self.lines[i]):
                return i + 1
        inner = self._table(key if section == TOP else f"{section}.{key}")
        if len(inner):
            return inner.start + 1
        return table.start + 1 if len(table) else None


TOP = "top level"
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]")


class _Problems:
    """Every problem found in one pass, each with the line it is on when that can be found."""

    def __init__(self, source: str, lines: _Lines) -> None:
        self.source, self.lines = source, lines
        self.found: list[tuple[float, int, str]] = []
        self.notes: list[str] = []  # worth saying, but nothing to fix in the file

    def note(self, text: str) -> None:
        self.notes.append(text)

    def add(self, section: str, key: str, problem: str) -> None:
        line = self.lines.of(section, key)
        where = f"{self.source}:{line}" if line else self.source
        order = line if line is not None else float("inf")  # from the environment: last
        self.found.append((order, len(self.found), f"{where}: [{section}] {key}: {problem}"))

    def raise_any(self) -> None:
        if self.found:
            raise ConfigError(*(text for _, _, text in sorted(self.found)))


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Section:
    """Read typed values from one TOML table, noting every problem (with its key) and going on
    with the default, so one run reports them all."""

    def __init__(self, problems: _Problems, name: str, data: Mapping[str, Any],
                 known: set[str]) -> None:
        self.problems, self.name, self.data = problems, name, data
        for key in sorted(set(data) - known):
            what = "section" if name == TOP else "setting"
            self.fail(key, f"unknown {what}{_did_you_mean(key, known)} (check the spelling in "
                      "config.example.toml)")

    def fail(self, key: str, problem: str) -> None:
        self.problems.add(self.name, key, problem)

    def get(self, key: str, kind: type, default: Any) -> Any:
        value = self.data.get(key, default)
        if kind is int and isinstance(value, bool):
            self.fail(key, f"expected a whole number, got {value!r}")
            return default
        if not isinstance(value, kind):
            self.fail(key, f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
            return default
        return value

    def clock(self, key: str, default: time) -> time:
        raw = self.get(key, str, default.strftime("%H:%M"))
        match = _HHMM.match(raw)
        if match is None:
            self.fail(key, f"expected a time like \"07:30\", got {raw!r}")
            return default
        return time(int(match[1]), int(match[2]))

    def table(self, key: str) -> Mapping[str, Any]:
        return self.get(key, dict, {})


def find_config(explicit: Path | None, env: Mapping[str, str], cwd: Path) -> Path | None:
    """Pick the config file: --config, else $PUENTE_CONFIG, else ./config.toml if present."""
    if explicit is not None:
        return explicit
    if env.get("PUENTE_CONFIG"):
        return Path(env["PUENTE_CONFIG"])
    local = cwd / DEFAULT_CONFIG
    return DEFAULT_CONFIG if local.is_file() else None


def _read(path: Path) -> str:
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder; give the config file inside it, "
                          f"e.g. --config {path / DEFAULT_CONFIG}")
    try:  # utf-8-sig: Windows Notepad may save the file with a byte-order mark
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found (copy config.example.toml there, or fix "
                          "--config / $PUENTE_CONFIG)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _relative_to(folder: Path | None, raw: str) -> Path:
    """A path written in config.toml counts from the file's folder, not the working directory."""
    path = Path(raw).expanduser()
    return path if folder is None or path.is_absolute() else folder / path


VoiceCheck = Callable[[str], bool | None]


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None,
                voice_check: VoiceCheck | None = None) -> Config:
    """Load config from `path` (or $PUENTE_CONFIG, or defaults) and apply environment overrides.

    Every problem is found before any is reported (ConfigError lists them in file order).
    `voice_check` says whether the speech engine has a voice (None: it cannot tell); without
    it, or for the default voice, the voice is not looked up."""
    env = os.environ if env is None else env
    if path is None and env.get("PUENTE_CONFIG"):
        path = Path(env["PUENTE_CONFIG"])
    text = _read(path) if path is not None else ""
    data = _parse(path, text) if path is not None else {}
    problems = _Problems(str(path) if path else "defaults", _Lines(text))
    folder = path.parent if path is not None else None
    root = _Section(problems, TOP, data, set(SECTIONS))
    config = Config(
        telegram=_telegram(problems, root.table("telegram"), env),
        store_path=_store_path(problems, root.table("store"), env, folder),
        school=_school(problems, root.table("school")),
        access=_access(problems, root.table("access")),
        translation=_translation(problems, root.table("translation"), folder),
        privacy=_privacy(problems, root.table("privacy")),
        speech=_speech(problems, root.table("speech"), folder, voice_check),
        packs=_packs(problems, root.table("packs"), folder),
    )
    problems.raise_any()
    return replace(config, notes=tuple(problems.notes))


SECTIONS = ("telegram", "store", "school", "access", "translation", "privacy", "speech", "packs")


def _telegram(problems: _Problems, data: Mapping[str, Any],
              env: Mapping[str, str]) -> TelegramConfig:
    s = _Section(problems, "telegram", data,
                 {"token", "base_url", "base_file_url", "mode", "webhook"})
    mode = s.get("mode", str, "polling")
    if mode not in ("polling", "webhook"):
        s.fail("mode", f"expected \"polling\" or \"webhook\", got {mode!r}")
    w = _Section(problems, "telegram.webhook", s.table("webhook"),
                 {"listen", "port", "url_path", "url", "secret_token"})
    port = w.get("port", int, 8443)
    if not 1 <= port <= 65535:
        w.fail("port", f"expected 1-65535, got {port}")
    webhook = WebhookConfig(
        listen=w.get("listen", str, "127.0.0.1"), port=port,
        url_path=w.get("url_path", str, "puente"), url=w.get("url", str, ""),
        secret_token=w.get("secret_token", str, ""),
    )
    if mode == "webhook":
        _check_webhook(w, webhook)
    return TelegramConfig(
        token=env.get("TELEGRAM_BOT_TOKEN") or s.get("token", str, ""),
        base_url=_http_url(s, "base_url", TelegramConfig.base_url),
        base_file_url=_http_url(s, "base_file_url", TelegramConfig.base_file_url),
        mode=mode, webhook=webhook,
    )


def _http_url(s: _Section, key: str, default: str) -> str:
    url = s.get(key, str, default)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        s.fail(key, f"expected an http:// or https:// address like {default!r}, got {url!r}")
    return url


def _check_webhook(w: _Section, webhook: WebhookConfig) -> None:
    """Webhook mode is public: Telegram must reach it over https and prove itself by a secret."""
    parts = urlsplit(webhook.url)
    if parts.scheme != "https" or not parts.hostname:
        w.fail("url", "webhook mode needs the public https:// address Telegram will call, "
               f"e.g. \"https://puente.example.org/puente\", got {webhook.url!r}")
    if not _WEBHOOK_SECRET.match(webhook.secret_token):
        w.fail("secret_token", "webhook mode needs a secret of 1-256 characters A-Z, a-z, "
               "0-9, _ and - (make one: python3 -c \"import secrets; "
               "print(secrets.token_urlsafe(32))\")")


def _store_path(problems: _Problems, data: Mapping[str, Any], env: Mapping[str, str],
                folder: Path | None = None) -> Path:
    s = _Section(problems, "store", data, {"path"})
    if env.get("PUENTE_STORE_PATH"):  # typed in a shell: counts from the working directory
        return Path(env["PUENTE_STORE_PATH"]).expanduser()
    raw = s.get("path", str, "puente.db")
    if not raw.strip():
        s.fail("path", "must not be empty")
    return _relative_to(folder, raw)


def _school(problems: _Problems, data: Mapping[str, Any]) -> SchoolConfig:
    s = _Section(problems, "school", data, {
        "timezone", "quiet_hours_start", "quiet_hours_end", "languages", "reminder_time",
        "family_update_day", "family_update_time", "holidays"})
    tz_name = s.get("timezone", str, "America/New_York")
    tz = SchoolConfig().timezone
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        s.fail("timezone", f"unknown time zone {tz_name!r}"
               f"{_did_you_mean(tz_name, available_timezones())} (use an IANA name like "
               "Europe/Madrid)")
    languages = []
    for code in s.get("languages", list, list(SchoolConfig.languages)):
        try:
            languages.append(get_language(str(code)).code)
        except PuenteError:
            s.fail("languages", f"unknown language code {code!r} (see `puente languages`)")
    day = s.get("family_update_day", str, "friday").lower()
    if day not in WEEKDAYS:
        s.fail("family_update_day", f"expected a day like \"friday\", got {day!r}"
               f"{_did_you_mean(day, WEEKDAYS)}")
        day = "friday"
    return SchoolConfig(
        timezone=tz,
        quiet_hours_start=s.clock("quiet_hours_start", SchoolConfig.quiet_hours_start),
        quiet_hours_end=s.clock("quiet_hours_end", SchoolConfig.quiet_hours_end),
        languages=tuple(languages),
        reminder_time=s.clock("reminder_time", SchoolConfig.reminder_time),
        family_update_day=WEEKDAYS.index(day),
        family_update_time=s.clock("family_update_time", SchoolConfig.family_update_time),
        holidays=_holidays(s),
    )


def _holidays(s: _Section) -> frozenset[date]:
    """School holidays: TOML dates (2026-11-26) or strings ("2026-11-26")."""
    days = set()
    for value in s.get("holidays", list, []):
        if isinstance(value, date) and not isinstance(value, datetime):
            days.add(value)
            continue
        try:
            days.add(date.fromisoformat(str(value)))
        except ValueError:
            s.fail("holidays", f"expected dates like 2026-11-26, got {value!r}")
    return frozenset(days)


def _access(problems: _Problems, data: Mapping[str, Any]) -> AccessConfig:
    s = _Section(problems, "access", data,
                 {"teacher_invite_codes", "admin_ids", "join_code_days"})
    codes = s.get("teacher_invite_codes", list, [])
    if any(not isinstance(c, str) or not _STRONG_CODE.match(c) for c in codes):
        s.fail("teacher_invite_codes",
               "each code must be 12-64 characters of A-Z, a-z, 0-9, _ and - (hard to guess)")
    admins = s.get("admin_ids", list, [])
    if any(not isinstance(a, int) or isinstance(a, bool) for a in admins):
        s.fail("admin_ids", "expected Telegram user ids (whole numbers)")
    days = s.get("join_code_days", int, 180)
    if days < 1:
        s.fail("join_code_days", "must be at least 1")
    return AccessConfig(tuple(codes), tuple(admins), days)


def _translation(problems: _Problems, data: Mapping[str, Any],
                 folder: Path | None = None) -> TranslationConfig:
    s = _Section(problems, "translation", data, {"enabled", "data_dir"})
    data_dir = s.get("data_dir", str, "")
    return TranslationConfig(enabled=s.get("enabled", bool, True),
                             data_dir=_relative_to(folder, data_dir) if data_dir else None)


def _privacy(problems: _Problems, data: Mapping[str, Any]) -> PrivacyConfig:
    s = _Section(problems, "privacy", data, {"retention_days", "sent_text_days"})
    days = s.get("retention_days", int, PrivacyConfig.retention_days)
    if days < 1:
        s.fail("retention_days", "must be at least 1 (days to keep answers)")
    text_days = s.get("sent_text_days", int, PrivacyConfig.sent_text_days)
    if text_days < 1:
        s.fail("sent_text_days", "must be at least 1 (days to keep a sent message's text)")
    return PrivacyConfig(retention_days=days, sent_text_days=text_days)


def _speech(problems: _Problems, data: Mapping[str, Any], folder: Path | None = None,
            voice_check: VoiceCheck | None = None) -> SpeechConfig:
    s = _Section(problems, "speech", data, {"enabled", "voice", "cache_dir"})
    voice = s.get("voice", str, SpeechConfig.voice)
    enabled = s.get("enabled", bool, True)
    if not re.fullmatch(r"[A-Za-z0-9/_-]{2,40}", voice):
        s.fail("voice", f"expected an eSpeak NG voice like \"en-us\", got {voice!r}")
    elif enabled and voice != SpeechConfig.voice and voice_check is not None:
        # A voice the engine lacks used to pass here and leave every clip silent at run time.
        # The default is not looked up: config.example.toml names it, and loading the engine
        # for every command (report, packs) would cost each of them its start-up time.
        found = voice_check(voice)
        if found is False:
            s.fail("voice", f"the speech engine (eSpeak NG) has no voice {voice!r} on this "
                   "machine (English voices: \"en-us\", \"en-gb\"; or set enabled = false)")
        elif found is None:
            problems.note(f"[speech] voice {voice!r} could not be checked: the speech engine "
                          "(eSpeak NG) is not installed here, so there will be no voice notes")
    cache_dir = s.get("cache_dir", str, "")
    return SpeechConfig(enabled=enabled, voice=voice,
                        cache_dir=_relative_to(folder, cache_dir) if cache_dir else None)


def _packs(problems: _Problems, data: Mapping[str, Any],
           folder: Path | None = None) -> PacksConfig:
    s = _Section(problems, "packs", data, {"extra_dirs"})
    dirs = []
    for raw in s.get("extra_dirs", list, []):
        if not isinstance(raw, str) or not raw.strip():
            s.fail("extra_dirs", f"expected folder names like \"/srv/puente/packs\", got {raw!r}")
            continue
        path = _relative_to(folder, raw)
        if not path.is_dir():  # a typo here would quietly leave the district's packs out
            s.fail("extra_dirs", f"{path} is not a folder (create it, or fix the name)")
        dirs.append(path)
    return PacksConfig(extra_dirs=tuple(dirs))
