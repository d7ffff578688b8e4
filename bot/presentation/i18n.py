"""Render user-facing messages from prompts/<lang>.toml, falling back to English.

This is the one path from words to Telegram HTML (the bot's default parse mode). Every value a
placeholder receives is escaped and made inert (no direction overrides, no invisible
characters) unless it is `Markup`: HTML the code built itself from escaped parts. A rendered
prompt is itself `Markup`, so it can fill another prompt without being escaped twice.
"""

from __future__ import annotations

import html
import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.domain.language import is_rtl
from bot.domain.names import inert
from bot.paths import PROMPTS_DIR

REFERENCE = "en"
# Telegram picks a paragraph's direction from its first strong character; a right-to-left
# mark makes Arabic lines that start with an English word or a number still read right-to-left.
RLM = "\u200f"
# First-strong isolates keep an English term or a number inside Arabic text in its own order.
FSI, PDI = "\u2068", "\u2069"


class Markup(str):
    """Telegram HTML that is safe as it is: built by our code, every typed value escaped.

    Wrap only text you built yourself (tags plus `escape`d values); anything else is plain
    text, and the catalogue escapes it. Operations on Markup return plain `str` again."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Make a value safe inside a Telegram HTML message; Markup passes through unchanged.

    Text is made inert first (direction overrides and invisible characters dropped), then
    <, > and & become entities; quotes stay readable (Telegram needs no escaping for them)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(inert(str(value)), quote=False))


def placeholders(template: str) -> frozenset[str]:
    """Return the {names} a template expects."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class PromptFiles(Mapping[str, Mapping[str, str]]):
    """The prompts of every <lang>.toml in a folder, each file parsed when first asked for.

    Parsing all 13 files takes tens of milliseconds, a share of every start-up; `puente run`
    needs English before its first getUpdates and the rest a moment later (command menus), or
    when someone first writes in that language."""

    def __init__(self, directory: Path) -> None:
        self._paths = {path.stem: path for path in sorted(directory.glob("*.toml"))}
        self._parsed: dict[str, Mapping[str, str]] = {}

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        parsed = self._parsed.get(lang)
        if parsed is None:
            with self._paths[lang].open("rb") as fh:
                parsed = {k: v for k, v in tomllib.load(fh).items() if isinstance(v, str)}
            self._parsed[lang] = parsed
        return parsed

    def __contains__(self, lang: object) -> bool:
        return lang in self._paths  # without parsing the file

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@dataclass(frozen=True)
class Catalog:
    """Every prompt in every language (English read at start-up, the others when first used)."""

    messages: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, directory: Path = PROMPTS_DIR) -> Catalog:
        """Find every <lang>.toml in `directory` and read the English reference now."""
        messages = PromptFiles(directory)
        if REFERENCE not in messages:
            raise FileNotFoundError(f"{directory}/{REFERENCE}.toml is missing")
        messages[REFERENCE]  # read English now: a broken reference fails the start, not a reply
        return cls(messages)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.messages)

    def has(self, key: str) -> bool:
        return key in self.messages[REFERENCE]

    def template(self, key: str, lang: str) -> tuple[str, str]:
        """Return (language actually used, template) for a key, falling back to English."""
        own = self.messages.get(lang, {})
        if key in own:
            return lang, own[key]
        return REFERENCE, self.messages[REFERENCE][key]

    def render(self, key: str, lang: str, **params: Any) -> Markup:
        """Render one message in `lang` (English when the language lacks it) as Telegram HTML.

        Values are escaped unless they are Markup; numbers are shown as they are."""
        used, template = self.template(key, lang)
        safe = {k: v if isinstance(v, int | float) else escape(v) for k, v in params.items()}
        if not is_rtl(used):
            return Markup(template.format(**safe))
        isolated = {k: _isolate(v) for k, v in safe.items()}
        text = template.format(**isolated)
        return Markup("\n".join(RLM + line if line else line for line in text.split("\n")))

    def plain(self, key: str, lang: str, **params: Any) -> str:
        """Render one message as plain text, for places Telegram shows without HTML (buttons,
        poll questions, chart labels, the command menu)."""
        used, template = self.template(key, lang)
        safe = {k: v if isinstance(v, int | float) else inert(str(v)) for k, v in params.items()}
        if is_rtl(used):
            safe = {k: _isolate(v) for k, v in safe.items()}
        return template.format(**safe)

    def bilingual(self, key: str, lang: str, **params: Any) -> Markup:
        """Render in the learner's language and English, or English alone for English."""
        english = self.render(key, REFERENCE, **params)
        if lang == REFERENCE or lang not in self.messages or key not in self.messages[lang]:
            return english
        own = self.render(key, lang, **params)
        return english if own == english else Markup(f"{own}\n{english}")

    def problems(self) -> list[str]:
        """List every missing key and placeholder mismatch against English."""
        reference = self.messages[REFERENCE]
        found = []
        for lang, own in self.messages.items():
            for key, template in reference.items():
                if key not in own:
                    found.append(f"{lang}: missing '{key}'")
                elif placeholders(own[key]) != placeholders(template):
                    found.append(f"{lang}: '{key}' has placeholders "
                                 f"{sorted(placeholders(own[key]))}, English has "
                                 f"{sorted(placeholders(template))}")
            found.extend(f"{lang}: '{key}' is not in English" for key in own
                         if key not in reference)
        return found


def _isolate(value: Any) -> Any:
    if isinstance(value, str) and value and "\n" not in value:
        return f"{FSI}{value}{PDI}"
    if isinstance(value, int | float):
        return f"{FSI}{value}{PDI}"
    return value
