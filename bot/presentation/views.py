"""Turn domain results into message text (Telegram HTML) through the prompt catalogue.

Every function here returns `Markup`: prompts rendered by the catalogue (which escapes their
values) joined with tags this module writes itself around `escape`d values. Nothing a person
typed reaches a message any other way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from bot.domain.names import clean_label, clean_name
from bot.domain.placement import TOP_LEVEL
from bot.presentation.i18n import (
    FSI,
    LRI,
    PDI,
    RLM,
    Catalog,
    Markup,
    Said,
    escape,
)

MESSAGE_LIMIT = 4096


CARD_LIMIT = 900  # one card with its header, levels 1-3: a phone screen, never a scroll


PREVIEW_CHARS = 900  # a multi-card preview message (levels 4-6) holds cards up to this


CAPTION_LIMIT = 1024


_TAG_OR_ENTITY = re.compile(r"<(/?)([a-z-]+)[^>]*>|&[^;\s]*;")


__all__ = ["Markup", "escape"]  # re-exported: handlers escape through views


def name(text: str | None, catalog: Catalog, lang: str) -> str:
    """A person's name as shown: cleaned (old rows too), or a neutral word when none is left."""
    return clean_name(text) or catalog.plain("name-placeholder", lang)


def label(text: str | None) -> str:
    """A class name or pack title as shown: cleaned, even when stored before names were."""
    return clean_label(text) or "-"


def level_text(level: int | None, self_placed: bool, catalog: Catalog, lang: str) -> Markup:
    """A student's level for a teacher: a WIDA level only when a teacher set it; the student's
    own self-placement is labelled as such until the teacher confirms it with /level."""
    if level is None:
        return catalog.render("level-none", lang)
    if self_placed and level >= TOP_LEVEL:  # placement never says 6: the teacher may
        return catalog.render("level-self-placed-top", lang, level=level)
    return catalog.render("level-self-placed" if self_placed else "level-wida", lang, level=level)


def level_name(level: int) -> Said:
    """A WIDA level's name as a placeholder value: "Expanding" in English, and in her language
    with the English name the school uses beside it ("expansión (Expanding)"), so the line
    a teacher's /level sends her names the level, not a bare 4 (playtest)."""
    return Said(f"level-name-{level}")


def taught_level_text(level: int | None, self_placed: bool, taught: int | None,
                      taught_by_teacher: bool, class_name: str, catalog: Catalog,
                      lang: str) -> Markup:
    """A student's level in one class as a teacher reads it: the level they are TAUGHT at
    first, and this class's own level beside it when another class holds it lower ("taught at
    WIDA level 1 · level 3 set in Math 8"): a co-teacher's header read "WIDA level 3" while
    the student studied at 1 (playtest)."""
    if taught is None or (taught == level and taught_by_teacher != self_placed):
        return level_text(level, self_placed, catalog, lang)
    held = level_text(taught, not taught_by_teacher, catalog, lang)
    where = label(class_name)
    if level is None:
        return catalog.render("level-taught-elsewhere", lang, taught=held, class_name=where)
    key = "level-taught-differs-placed" if self_placed else "level-taught-differs"
    return catalog.render(key, lang, taught=held, level=level, class_name=where)


def join_lines(parts: Iterable[Markup]) -> Markup:
    """Join Markup lines into one message."""
    return Markup("\n".join(escape(part) for part in parts))


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def cut(text: Markup, limit: int = MESSAGE_LIMIT) -> Markup:
    """Shorten Telegram HTML to `limit` UTF-16 units without breaking a tag or an entity."""
    if utf16_len(text) <= limit:
        return text
    kept = text[:limit - 40]  # room to close the tags left open, and an ellipsis
    while utf16_len(kept) > limit - 40:
        kept = kept[:-max(1, (utf16_len(kept) - limit + 40) // 2)]
    kept = re.sub(r"<[^>]*$|&[^;\s]*$", "", kept)
    open_tags: list[str] = []
    for match in _TAG_OR_ENTITY.finditer(kept):
        closing, tag = match.group(1), match.group(2)
        if tag and closing and open_tags and open_tags[-1] == tag:
            open_tags.pop()
        elif tag and not closing:
            open_tags.append(tag)
    return Markup(kept + "…" + "".join(f"</{tag}>" for tag in reversed(open_tags)))


def split_message(text: Markup, limit: int = MESSAGE_LIMIT) -> list[Markup]:
    """Split a long message into Telegram-sized parts at line breaks (a 120-student roster
    is several messages, not one Telegram refuses); a single overlong line at its spaces
    (_line_pieces), so no text is ever lost."""
    parts: list[Markup] = []
    current: list[str] = []
    size = 0
    for whole in text.split("\n"):
        for line in _line_pieces(whole, limit - 1) if utf16_len(whole) >= limit else [whole]:
            length = utf16_len(line) + 1
            if current and size + length > limit:
                parts.append(Markup("\n".join(current)))
                current, size = [], 0
            current.append(line)
            size += length
    if current:
        parts.append(Markup("\n".join(current)))
    return parts


# what a piece of Telegram HTML is cut between: a tag, an entity, or one character (a Python
# character is a code point, so never half a surrogate pair)
_TOKEN = re.compile(r"<[^>]*>|&[^;\s]{1,12};|.", re.S)
_TAG = re.compile(r"<(/?)([a-z-]+)")


def _line_pieces(line: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """One line of Telegram HTML in pieces of at most `limit` UTF-16 units that together hold
    all of it: each ends at its last space that fits (the space the break stands for), or,
    in a line with no space (Chinese), at the last character that fits, never inside a tag
    or an entity; a tag open at a cut is closed there and opened again in the next piece."""
    tokens = _TOKEN.findall(line)
    found: list[str] = []
    opened: list[tuple[str, str]] = []  # (name, opening tag) open where a piece starts
    start = 0
    while start < len(tokens):
        stack, size = list(opened), utf16_len("".join(tag for _, tag in opened))
        end, space = start, None
        while end < len(tokens):
            after = _after_token(stack, tokens[end])
            closing = sum(len(name) + 3 for name, _ in after)
            if size + utf16_len(tokens[end]) + closing > limit and end > start:
                break
            if tokens[end] == " ":
                space = end, list(stack)
            stack, size, end = after, size + utf16_len(tokens[end]), end + 1
        resume = end
        if end < len(tokens) and space is not None and space[0] > start:
            end, stack = space
            resume = end + 1
        found.append("".join([*(tag for _, tag in opened), *tokens[start:end],
                              *(f"</{name}>" for name, _ in reversed(stack))]))
        opened, start = stack, resume
    return found


def _after_token(stack: list[tuple[str, str]], token: str) -> list[tuple[str, str]]:
    """The tags open after `token`, given those open before it (`stack`, innermost last)."""
    tag = _TAG.match(token)
    if tag is None:
        return stack
    if not tag.group(1):
        return [*stack, (tag.group(2), token)]
    return stack[:-1] if stack and stack[-1][0] == tag.group(2) else stack


def shown_len(text: Markup) -> int:
    """Length as Telegram counts a message's limit: after parsing its HTML (tags gone, an
    entity one character), in UTF-16 units."""
    return utf16_len(html.unescape(re.sub(r"<[^>]+>", "", text)))


def pieces(text: str, size: int) -> list[str]:
    """Plain text in pieces of at most `size` UTF-16 units, about as long as each other, that
    join back to all of it: each ends at a line break or a space in its last fifth when there
    is one (never inside a character; escape each piece afterwards, so no entity is cut)."""
    text = text.strip()
    found: list[str] = []
    even = -(-utf16_len(text) // -(-utf16_len(text) // size)) if text else size
    while utf16_len(text) > size:
        head = text[:even]
        while utf16_len(head) > even:  # astral characters count twice
            head = head[:-1]
        cut_at = max(head.rfind("\n"), head.rfind(" "))
        if cut_at > len(head) * 4 // 5:
            head = head[:cut_at + 1]
        found.append(head.strip())
        text = text[len(head):].strip()
    return [*found, text] if text else found


def pack(blocks: Iterable[Markup], continued: Markup, limit: int = MESSAGE_LIMIT
         ) -> list[Markup]:
    """Blocks (lines of one message) in as few messages as Telegram's limit allows, in order,
    each after the first opening with `continued`; a block never straddles two messages (a
    block longer than a message alone is cut, which the callers' pieces never are)."""
    messages: list[list[str]] = []
    size = 0
    for block in blocks:
        length = shown_len(block) + 1
        if not messages or size + length > limit:
            head = [continued] if messages else []
            size = sum(shown_len(line) + 1 for line in head)
            if size + length > limit:
                block = cut(block, limit - size - 1)
                length = shown_len(block) + 1
            messages.append(head)
        messages[-1].append(block)
        size += length
    return [Markup("\n".join(lines)) for lines in messages]


# Every direction mark the catalogue writes (a terminal shows them as boxes): an isolate's
# opening mark (FSI around a term, LRI around a calculation) goes with its closing PDI, never
# one without the other (an Arabic "3×4=12" printed as LRI "3×4=12" alone, PDI dropped)
_DIRECTION_MARKS = str.maketrans("", "", RLM + FSI + LRI + PDI)


def unmarked(text: str) -> str:
    """Text without the direction marks that keep numbers and terms in place in right-to-left
    text: the terminal's and a file's reader see the words alone."""
    return text.translate(_DIRECTION_MARKS)


def plain_text(text: str) -> str:
    """Telegram HTML -> terminal text (spoilers shown as ||...||, direction marks removed)."""
    text = text.replace("<tg-spoiler>", "||").replace("</tg-spoiler>", "||")
    return unmarked(html.unescape(re.sub(r"<[^>]+>", "", text)))


# How a language separates the items of a list: Arabic script has its own comma.
_SEPARATORS = {"ar": "، ", "fa": "، ", "ur": "، ", "zh": "、"}


# ... and the parts of a list whose items hold commas of their own ("analyze: missed 6 of 6;
# constitution: ..."): Arabic /report read "كلمات; الردود" with a Latin semicolon (playtest)
_CLAUSE_SEPARATORS = {"ar": "؛ ", "fa": "؛ ", "ur": "؛ ", "zh": "；"}


def list_separator(lang: str) -> str:
    """What separates the items of a list in `lang` (", ", "、", "، ")."""
    return _SEPARATORS.get(lang, ", ")


def clause_separator(lang: str) -> str:
    """What separates the parts of a list whose items have commas in them ("; ", "；", "؛ ")."""
    return _CLAUSE_SEPARATORS.get(lang, "; ")
