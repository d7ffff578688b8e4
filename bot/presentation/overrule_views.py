"""/student's typed misses a teacher may count as right, and the notes the count sends
(bot/services/overrules.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from bot.domain.overrule import KEEP_DAYS
from bot.presentation.i18n import Catalog, Markup
from bot.presentation.views import join_lines
from bot.services.overrules import AcceptedLine, MissPage


def misses_text(page: MissPage, name: str, catalog: Catalog, lang: str, tz: tzinfo) -> Markup:
    """The student's recent typed misses, numbered as their buttons are: the word, what they
    typed (escaped by the catalogue) and the day; one counted already says so. A word spelled
    with letter tiles says so ("🔤 spelled with tiles: “tu”"): a level-1 child tapping
    letters is not a child who typed "tu" (playtest, a Hmong level-1 child's teacher). When
    they do not all fit, which of how many these are ("1–8 of 20": a teacher took the 8 for
    all). The meaning written in another language says so: no ✅ can count it."""
    header = "student-typed-misses-tiles" if any(m.tiles for m in page.lines) \
        else "student-typed-misses"
    lines = [catalog.render(header, lang, days=KEEP_DAYS, name=name)]
    if page.start or page.more:
        lines.append(catalog.render("student-typed-misses-page", lang, first=page.start + 1,
                                    last=page.start + len(page.lines), total=page.total))
    for number, miss in enumerate(page.lines, page.start + 1):
        # a practice miss says so: it never counted, and listed bare beside the counted ones
        # it read as one ("hrwc" on the day of the card; playtest, Yousef, level 1)
        key = ("student-tiles-miss" if miss.tiles else "student-typed-miss") \
            + ("-counted" if miss.counted else "-practice" if miss.practice else "")
        line = catalog.render(key, lang, number=number, term=miss.term, typed=miss.typed,
                              date=catalog.day(lang, miss.answered_at.astimezone(tz).date()))
        if miss.other_language:  # "matière" for matter: the meaning, not yet the English
            line = Markup(f"{line} {catalog.render('student-miss-other-language', lang)}")
        lines.append(line)
    if any(not m.plausible and not m.counted and not m.other_language for m in page.lines):
        lines.append(catalog.render("student-misses-far", lang))
    return join_lines(lines)


def miss_buttons(page: MissPage, catalog: Catalog, lang: str) -> list[tuple[int, str]]:
    """A ✅ Count as right (answer id, label) for each miss not counted yet that might be
    right (`MissLine.plausible`): none under "moisl" for mouse."""
    return [(miss.attempt_id, catalog.plain("button-count-right", lang, number=number,
                                            term=miss.term))
            for number, miss in enumerate(page.lines, page.start + 1)
            if not miss.counted and miss.plausible]


ACCEPTED_A_MESSAGE = 10  # a class's accepted answers a message (each up to 200 characters)


def accepted_messages(lines: Sequence[AcceptedLine], catalog: Catalog, lang: str, tz: tzinfo
                      ) -> list[tuple[Markup, list[tuple[int, str]]]]:
    """A class's accepted answers, ACCEPTED_A_MESSAGE a message (Telegram's 4,096
    characters), numbered on as their ↩️ buttons are: the word, the answer (as it is
    matched: folded) and the day it was accepted; each message with its buttons (id,
    label)."""
    messages = []
    for start in range(0, len(lines), ACCEPTED_A_MESSAGE):
        part = list(enumerate(lines, 1))[start:start + ACCEPTED_A_MESSAGE]
        shown = [catalog.render("accepted-list", lang, class_name=lines[0].class_name,
                                days=KEEP_DAYS)] \
            if start == 0 else []
        shown += [catalog.render("accepted-line", lang, number=number, term=line.term,
                                 answer=line.answer, date=catalog.day(
                                     lang, line.accepted_at.astimezone(tz).date()))
                  for number, line in part]
        messages.append((join_lines(shown), [
            (line.accepted_id, catalog.plain("button-withdraw-accepted", lang, number=number,
                                             term=line.term)) for number, line in part]))
    return messages


def withdrawn_text(gone: AcceptedLine, catalog: Catalog, lang: str) -> Markup:
    """What a teacher reads after withdrawing a class's accepted answer: the answers of the
    last KEEP_DAYS days made misses again, and apart those older, whose text is erased, that
    stay right (a count of "misses again" alone let a teacher think every answer it had made
    right was graded again)."""
    lines = [catalog.render("accepted-withdrawn", lang, answer=gone.answer, term=gone.term,
                            class_name=gone.class_name, count=gone.regraded, days=KEEP_DAYS)]
    if gone.unkept:
        lines.append(catalog.render("accepted-withdrawn-older", lang, term=gone.term,
                                    count=gone.unkept, days=KEEP_DAYS))
    return join_lines(lines)
