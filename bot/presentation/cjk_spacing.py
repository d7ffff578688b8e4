"""Spaces between Chinese characters and Latin words, as Chinese school and app text writes
them ("关于 Lin 的", "解释 <b>multiplication</b> 这个词").

A zh prompt cannot put the spaces in itself: the same {name} is "Lin" (spaced) or "小林" (not),
and the prompts had both ("Lin的" beside "关于 Lin 的", playtest). So the catalogue writes
zh templates without them and adds one wherever a Han character meets a Latin letter, through
any HTML tags between them (the space goes outside the tag). Digits and punctuation are left as
written: full-width punctuation needs no space, and numbers are spaced by the prompt itself.
"""

from __future__ import annotations

import re

SPACED = frozenset({"zh"})

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = "A-Za-z\u00c0-\u024f"
_CLOSING = r"(?:</[^<>]*>)*"  # a closing tag stays with the text before it
_OPENING = r"(?:<[^/<>][^<>]*>)*"  # an opening tag with the text after it
_HAN_THEN_LATIN = re.compile(f"([{_HAN}]{_CLOSING})({_OPENING})(?=[{_LATIN}])")
_LATIN_THEN_HAN = re.compile(f"(?<=[{_LATIN}])({_CLOSING})({_OPENING}[{_HAN}])")


def spaced(text: str) -> str:
    """`text` with one space wherever a Han character and a Latin letter meet."""
    text = _HAN_THEN_LATIN.sub(r"\1 \2", text)
    return _LATIN_THEN_HAN.sub(r"\1 \2", text)
