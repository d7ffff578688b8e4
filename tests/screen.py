"""What a reader sees of a message: each line laid out left to right as a screen shows it
(the Unicode bidirectional algorithm, by python-bidi), and the /commands Telegram makes
tappable in it."""

from __future__ import annotations

import re

from bidi import get_display

from tests.telegram_html import visible

# Direction marks, embeddings and isolates: they steer the layout and draw nothing.
_CONTROLS = str.maketrans("", "", "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                  "\u2066\u2067\u2068\u2069")
# Telegram's rule (tdlib's match_bot_commands): a slash and 1-64 of [A-Za-z0-9_], with no
# letter, digit, "_", "/", "<" or ">" on either side. Format characters do not count.
_TAPPABLE = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?![\w/<>])")


def on_screen(text: str, parse_mode: str | None = "HTML") -> list[str]:
    """Each line of a message (or a button label, with parse_mode None) in the order a screen
    draws it, left to right; each line takes its direction from its first strong letter."""
    return [get_display(line).translate(_CONTROLS)
            for line in visible(text, parse_mode).split("\n")]


def tappable(text: str, parse_mode: str | None = "HTML") -> list[str]:
    """The /commands Telegram marks as bot_command entities, which a tap sends."""
    return _TAPPABLE.findall(visible(text, parse_mode))
