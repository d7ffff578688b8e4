"""A typed question's text once "🔤" shows its letter tiles, made from the message alone.

With memory, the text tiles show is rendered when the question is sent (check_views.
question_text with tiles) and held with the screen (chat/tile_screen.py). After a restart
memory is empty, and a tile tap reads no store (by design: taps before ✅ cost no SQL), so
"🔤" read the message back as it was and "✏️ Type the English word…" stayed over the tiles
(playtest, Lin, Mandarin). The message itself says enough: its instruction is one of a few
lines the catalog renders (which names the language); it is swapped for what tiles say.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from bot.presentation.han_script import in_script
from bot.presentation.i18n import Catalog, Markup, Said

# A typed question's instruction -> the same question's once its tiles show (question_text:
# a typed definition is asked as "item-choice", a typed gap as "item-cloze")
SPELLED_ASK = {"item-typed-ask": "item-choice-ask", "item-cloze-typed-ask": "item-cloze-ask"}
# The one-time lines that may hold the instruction (services.checks.INTRO_MASTERY,
# INTRO_WRITE: presentation does not import the services' constants for this), or none
INTROS: tuple[str | None, ...] = (None, "item-typed-intro", "item-typed-intro-write")
TILES_LINE = "item-tiles-typed"  # how to answer with tiles, typing still taken


def ask_line(catalog: Catalog, lang: str, key: str, intro: str | None) -> Markup:
    """The question's instruction line(s) as question_text renders them at levels 1-3."""
    return catalog.bilingual(intro, lang, ask=Said(key)) if intro is not None \
        else catalog.bilingual(key, lang)


def spelled_text(shown: str, catalog: Catalog, script: str | None = None) -> Markup | None:
    """The message `shown` (Telegram HTML, as the tapped message carries it, maybe under the
    last answer's feedback) as it reads once its tiles show: the instruction as tiles ask it,
    and how to spell with tiles at its end. None: not a level 1-2 typed question's text (it
    then stays as it is). The instruction names the language: of the languages whose lines
    match, the one matching the most lines (a Spanish question's two lines hold the English
    one as well). `script`: the reader's script of Chinese, which her message was sent in."""
    lines = shown.split("\n")
    seen = [html.unescape(line) for line in lines]  # Telegram's HTML escapes an apostrophe
    best: tuple[int, int, str, str, str | None] | None = None  # lines, at, lang, key, intro
    for lang in catalog.languages:
        for typed, tiled in SPELLED_ASK.items():
            for intro in INTROS:
                asked = [html.unescape(in_script(line, script))
                         for line in ask_line(catalog, lang, typed, intro).split("\n")]
                at = _find(seen, asked)
                if at is not None and (best is None or (len(asked), at) > best[:2]):
                    best = (len(asked), at, lang, tiled, intro)
    if best is None:
        return None
    size, at, lang, tiled, intro = best
    return Markup("\n".join([*lines[:at], ask_line(catalog, lang, tiled, intro),
                             *lines[at + size:], catalog.bilingual(TILES_LINE, lang)]))


def _find(lines: Sequence[str], block: Sequence[str]) -> int | None:
    """Where `block` starts among `lines` (consecutive lines, the last match: the question
    comes under any feedback); None when it is not there."""
    for at in range(len(lines) - len(block), -1, -1):
        if list(lines[at:at + len(block)]) == list(block):
            return at
    return None
