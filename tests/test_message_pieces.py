"""A person's long text in pieces, and a message's lines packed into as few messages as
Telegram takes: nothing lost, nothing cut inside a character, an entity or a tag."""

from __future__ import annotations

import pytest

from bot.presentation.i18n import Markup
from bot.presentation.message_views import quotes
from bot.presentation.views import pack, pieces, split_message, utf16_len
from tests.telegram_html import visible

CONTINUED = Markup("(continued)")


@pytest.mark.parametrize("text", [
    "Tom & Jerry <3 " * 700,                  # what HTML escapes grows fivefold
    "😀🙏🏽" * 2000,                             # each emoji two UTF-16 units, no space at all
    "Cô ơi\ncon <Lan> & bé " * 400,           # line breaks and Vietnamese marks
])
def test_pieces_fit_and_join_back_to_the_whole_text(text: str) -> None:
    found = pieces(text, 3000)
    assert len(found) > 1 and all(utf16_len(piece) <= 3000 for piece in found)
    assert "".join("".join(found).split()) == "".join(text.split())


def test_packed_quotes_parse_whole_in_every_message() -> None:
    text = "Tom & Jerry <b>not bold</b> &amp; " * 400
    messages = pack([Markup("✉️ From Mai:"), *quotes(text), Markup("Reply to this message.")],
                    CONTINUED)
    shown = [visible(message) for message in messages]  # raises on a cut tag or entity
    assert len(messages) > 1 and all(utf16_len(part) <= 4096 for part in shown)
    assert all(part.startswith("(continued)") for part in shown[1:])
    whole = "".join(part.removeprefix("(continued)") for part in shown)
    assert "".join(text.split()) in "".join(whole.split())


def test_a_short_message_stays_one_with_no_continued_line() -> None:
    assert pack([Markup("a"), Markup("b")], CONTINUED) == [Markup("a\nb")]


WORDS = "ecosystem photosynthesis a condensation <b>sum</b> Tom &amp; Jerry "


@pytest.mark.parametrize(("line", "joint"), [
    ((WORDS * 200)[:9000].strip(), " "),  # one 9,000-character line of words: cut at spaces
    ("光合作用是植物利用阳光制造养分的过程" * 500, ""),  # no space at all: cut at a character
    ("😀" * 4000 + "字" * 1000, ""),        # emoji two UTF-16 units each: never half of one
    ("a" * 4093 + "&amp;" + "b" * 5000, ""),  # an entity where the first message ends
    ("<b>" + "字" * 9000 + "</b>", ""),       # a tag open across the cut
])
def test_one_overlong_line_is_sent_whole_in_parts_never_cut_short(line: str, joint: str
                                                                   ) -> None:
    parts = split_message(Markup(line))
    shown = [visible(part) for part in parts]  # raises on a cut tag or entity
    assert len(parts) > 1 and all(utf16_len(part) <= 4096 for part in parts)
    assert joint.join(shown) == visible(line)  # every word, every character, no "…"
