"""/student's typed misses a teacher may count as right, and the notes the count sends
(bot/services/overrules.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from bot.domain.overrule import KEEP_DAYS
from bot.presentation.i18n import Catalog, Markup
from bot.presentation.views import join_lines
from bot.services.overrules import MissLine


def misses_text(misses: Sequence[MissLine], name: str, catalog: Catalog, lang: str,
                tz: tzinfo) -> Markup:
    """The student's recent typed misses, numbered as their buttons are: the word, what they
    typed (escaped by the catalogue) and the day; one counted already says so. A word spelled
    with letter tiles says so ("🔤 spelled with tiles: “tu”"): a level-1 child tapping
    letters is not a child who typed "tu" (playtest, a Hmong level-1 child's teacher)."""
    header = "student-typed-misses-tiles" if any(m.tiles for m in misses) \
        else "student-typed-misses"
    lines = [catalog.render(header, lang, days=KEEP_DAYS, name=name)]
    for number, miss in enumerate(misses, 1):
        key = ("student-tiles-miss" if miss.tiles else "student-typed-miss") \
            + ("-counted" if miss.counted else "")
        lines.append(catalog.render(key, lang, number=number, term=miss.term, typed=miss.typed,
                                    date=catalog.day(lang, miss.answered_at.astimezone(tz)
                                                     .date())))
    return join_lines(lines)


def miss_buttons(misses: Sequence[MissLine], catalog: Catalog, lang: str
                 ) -> list[tuple[int, str]]:
    """A ✅ Count as right (answer id, label) for each miss not counted yet."""
    return [(miss.attempt_id, catalog.plain("button-count-right", lang, number=number,
                                            term=miss.term))
            for number, miss in enumerate(misses, 1) if not miss.counted]
