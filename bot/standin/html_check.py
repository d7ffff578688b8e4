"""Telegram's HTML parse mode: accept what the Bot API accepts, refuse the rest with its texts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

TAG_TYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
             "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
             "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler",
             "a": "text_link", "code": "code", "pre": "pre", "blockquote": "blockquote",
             "tg-emoji": "custom_emoji"}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_ATTR = re.compile(r"""\s*([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


class EntityError(ValueError):
    """Text that Telegram refuses: `str(error)` is the part after "can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Count UTF-16 code units, as Telegram does for limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Parsed:
    """The plain text Telegram stores and the entities it derived from the tags."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Open:
    name: str
    attrs: dict[str, str]
    offset: int  # in UTF-16 units of the plain text


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse_html(text: str, strict: bool = True) -> Parsed:
    """Parse HTML like the Bot API; `strict` also refuses raw `>` and `&` (as its docs ask)."""
    out: list[str] = []
    size = 0  # UTF-16 length of `out`
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "&":
            match = _ENTITY.match(text, i)
            if match is not None:
                decoded = _decode(match)
                out.append(decoded)
                size += utf16_len(decoded)
                i = match.end()
                continue
            if strict:
                raise EntityError(f"Can't find end of the entity starting at byte offset "
                                  f"{_byte_offset(text, i)}")
        elif char == ">" and strict:
            raise EntityError(f"Character '>' is reserved and must be escaped with \"&gt;\" "
                              f"at byte offset {_byte_offset(text, i)}")
        elif char == "<":
            end = text.find(">", i)
            closing = text.startswith("</", i)
            if end == -1:
                kind = "end" if closing else "start"
                raise EntityError(f"Unclosed {kind} tag at byte offset {_byte_offset(text, i)}")
            if closing:
                _close(text, i, text[i + 2:end].strip().lower(), stack, entities, size)
            else:
                stack.append(_open(text, i, text[i + 1:end], size))
            i = end + 1
            continue
        out.append(char)
        size += utf16_len(char)
        i += 1
    if stack:
        raise EntityError(f"Can't find end tag corresponding to start tag \"{stack[-1].name}\"")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Parsed("".join(out), entities)


def _decode(match: re.Match[str]) -> str:
    if match[1]:
        return NAMED[match[1]]
    code = int(match[2]) if match[2] else int(match[3], 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _open(text: str, at: int, inner: str, size: int) -> _Open:
    """Read a start tag (between `<` and `>`) and check its name and attributes."""
    offset = _byte_offset(text, at)
    name_match = re.match(r"[a-zA-Z][a-zA-Z0-9-]*", inner)
    name = name_match[0].lower() if name_match else ""
    if name not in TAG_TYPES:
        raise EntityError(f"Unsupported start tag \"{name or inner}\" at byte offset {offset}")
    attrs: dict[str, str] = {}
    rest = inner[len(name):].rstrip("/ ")
    while rest.strip():
        attr = _ATTR.match(rest)
        if attr is None or not attr.group(0):
            raise EntityError(f"Expected equal sign in declaration of an attribute of the tag "
                              f"\"{name}\" at byte offset {offset}")
        attrs[attr[1].lower()] = attr[2] or attr[3] or attr[4] or ""
        rest = rest[attr.end():]
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise EntityError(f"Tag \"span\" must have class \"tg-spoiler\" at byte offset {offset}")
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        raise EntityError(f"Invalid custom emoji identifier specified at byte offset {offset}")
    return _Open(name, attrs, size)


def _close(text: str, at: int, name: str, stack: list[_Open], entities: list[dict[str, Any]],
           size: int) -> None:
    """Match an end tag with the innermost open tag and record its entity."""
    offset = _byte_offset(text, at)
    if not stack:
        raise EntityError(f"Unexpected end tag at byte offset {offset}")
    top = stack.pop()
    if name != top.name:
        raise EntityError(f"Unmatched end tag at byte offset {offset}, expected "
                          f"\"</{top.name}>\", found \"</{name}>\"")
    length = size - top.offset
    if length == 0:
        return  # Telegram drops empty entities
    entity: dict[str, Any] = {"type": TAG_TYPES[top.name], "offset": top.offset,
                              "length": length}
    if top.name == "a":
        entity["url"] = top.attrs.get("href", "")
    if top.name == "blockquote" and "expandable" in top.attrs:
        entity["type"] = "expandable_blockquote"
    if top.name == "tg-emoji":
        entity["custom_emoji_id"] = top.attrs["emoji-id"]
    if top.name == "code" and stack and stack[-1].name == "pre":
        language = top.attrs.get("class", "").removeprefix("language-")
        if language:
            stack[-1].attrs["language"] = language
        return  # <pre><code class="language-x"> is one pre entity with a language
    if top.name == "pre" and top.attrs.get("language"):
        entity["language"] = top.attrs["language"]
    entities.append(entity)
