"""The teacher's stuck-words alert shows a teacher-made word as she typed it."""

from bot.chat.alerts import _stuck_lines
from bot.presentation.i18n import Catalog


def test_a_word_with_an_ampersand_is_escaped_once(catalog: Catalog) -> None:
    text = str(_stuck_lines(catalog, "en", "Ana", ["R&D", "x<y"], frozenset()))
    assert "R&amp;D" in text and "x&lt;y" in text
    assert "&amp;amp;" not in text and "&amp;lt;" not in text
