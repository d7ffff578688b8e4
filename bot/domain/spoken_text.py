"""What a 🔊 "Listen to this message" says: a message Puente wrote (Telegram HTML) as the
stretches a voice reads, each with its language. The English words a message shows in bold
(the words it teaches) are read by the English voice, everything else by the voice of the
reader's language; emoji, tags and the slash of a command are not read. Only text people
wrote (prompts, ready-made replies, checked glosses) may be passed in: audio cannot carry the
"machine translation" mark."""

from __future__ import annotations

import html
import re
import unicodedata

Spoken = list[tuple[str, str]]  # (language, text) in reading order

_BOLD = re.compile(r"<b>(.*?)</b>", re.S)
_TAG = re.compile(r"<[^>]+>")
_COMMAND = re.compile(r"(?<![\w/])/([a-z]+)\b")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_BARE = re.compile(r"^[\W_]*$")  # nothing left to say but punctuation


def _sayable(text: str) -> str:
    """`text` without emoji, symbols and invisible marks (a voice would name them or stumble),
    brackets around a gloss, or runs of spaces."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cf", "Co")
                   and ch not in "()[]·•")
    return _SPACES.sub(" ", kept).strip(" ,;")


def spoken_segments(markup: str, lang: str, english: frozenset[str] = frozenset()) -> Spoken:
    """The stretches a voice reads for `markup` written for a `lang` reader: one per line and
    per change of language, the bold words that are `english` terms in English ("en"), the
    rest (a child's name in bold too: "Jean" is no English word) in `lang`."""
    segments: Spoken = []
    for line in markup.split("\n"):
        at = 0
        for found in _BOLD.finditer(line):
            _add(segments, lang, line[at:found.start()])
            inner = found.group(1)
            plain = html.unescape(_TAG.sub("", inner)).strip()
            _add(segments, "en" if plain in english else lang, inner)
            at = found.end()
        _add(segments, lang, line[at:])
    return segments


def _add(segments: Spoken, lang: str, markup: str) -> None:
    """Append a stretch, its commands said in English ("/ask" is "ask")."""
    text = html.unescape(_TAG.sub("", markup))
    at = 0
    for found in _COMMAND.finditer(text):
        _append(segments, lang, text[at:found.start()])
        _append(segments, "en", found.group(1))
        at = found.end()
    _append(segments, lang, text[at:])


def _append(segments: Spoken, lang: str, text: str) -> None:
    said = _sayable(text)
    if said and not _BARE.match(said):
        segments.append((lang, said))
