"""A strict check, run on every call in every test, that Telegram would accept each message.

Telegram's HTML parse mode allows only b/strong, i/em, u/ins, s/strike/del, span
class="tg-spoiler"/tg-spoiler, a href, code, pre, blockquote (and tg-emoji), properly nested;
`&` only as an entity; no raw `<` or `>`. A message that breaks a rule is refused with "can't
parse entities" and the user gets nothing. The parser is the Bot API stand-in's, in strict mode.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from bot.demo.offline import Call
from bot.standin.html_check import EntityError, parse_html, utf16_len

# (field, the parameter naming its parse mode, Telegram's limit after parsing)
FIELDS = (("text", "parse_mode", 4096), ("caption", "parse_mode", 1024),
          ("question", "question_parse_mode", 300))
OPTION_LIMIT = 100
TOAST_LIMIT = 200  # a tap's answer (answerCallbackQuery text): plain, 0-200 characters
# An entity escaped a second time shows its code to the user: "Jo &amp; Lu" reads "Jo &amp; Lu".
TWICE = re.compile(r"&amp;(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def visible(text: str, parse_mode: str | None = "HTML") -> str:
    """What the user reads: the text after Telegram parsed it (tags gone, entities decoded)."""
    return parse_html(text).text if parse_mode == "HTML" else text


def _texts(call: Call) -> Iterator[tuple[str, str, str | None, int]]:
    if call.method == "answerCallbackQuery":
        yield "text", str(call.params.get("text") or ""), None, TOAST_LIMIT
        return
    for field, mode_key, limit in FIELDS:
        value = call.params.get(field)
        if isinstance(value, str):
            yield field, value, call.params.get(mode_key), limit
    options = call.params.get("options")
    if isinstance(options, str):
        options = json.loads(options)
    for option in options or []:
        if isinstance(option, dict):
            yield "option", option.get("text", ""), option.get("text_parse_mode"), OPTION_LIMIT
        else:
            yield "option", str(option), None, OPTION_LIMIT


def problems(call: Call) -> list[str]:
    """Every reason Telegram would refuse or garble this call's texts."""
    found = []
    for field, value, mode, limit in _texts(call):
        where = f"{call.method} {field} {value!r}"
        if mode not in (None, "HTML"):
            found.append(f"{where}: parse mode {mode!r} (the bot speaks HTML only)")
            continue
        try:
            shown = visible(value, mode)
        except EntityError as exc:
            found.append(f"{where}: Telegram refuses it: can't parse entities: {exc}")
            continue
        if utf16_len(shown) > limit:
            found.append(f"{where}: {utf16_len(shown)} characters, the limit is {limit}")
        if mode == "HTML" and TWICE.search(value):
            found.append(f"{where}: escaped twice")
    return found


def assert_telegram_accepts(calls: Iterable[Call]) -> None:
    """Fail with every problem in these calls' texts."""
    found = [p for call in calls for p in problems(call)]
    assert not found, "\n".join(found)


def entities(call: Call) -> list[dict[str, Any]]:
    """The entities Telegram would make from the call's HTML text or caption."""
    value = call.params.get("text") or call.params.get("caption") or ""
    return parse_html(value).entities if call.params.get("parse_mode") == "HTML" else []
