"""A class's heatmap for /report: students x the words practised lately, its row labels, its
legend in the teacher's language, and the caption that says what it leaves out."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, date, timedelta, tzinfo

from bot.domain.word_status import WordStatus, too_few_answers
from bot.presentation import push_views
from bot.presentation.charts import MASTERED, TOO_FEW, drawable, heatmap
from bot.presentation.i18n import REFERENCE, Catalog, Markup, escape
from bot.presentation.report_names import local_day, student_name, word_terms
from bot.presentation.report_summary import opened_checks
from bot.presentation.students import class_labels
from bot.presentation.views import CAPTION_LIMIT, cut, label
from bot.store.reports import Cell, ClassMatrix, WordColumn

HEATMAP_DAYS = 21          # the heatmap shows the words practised in the last three weeks
HEATMAP_WORDS = 30         # at most this many columns, so it reads on a phone
LEFT_OUT_NAMED = 8         # words the caption names when the cap leaves some out
ROW_NAME_LIMIT = 14        # characters of a name on a heatmap row, before its roster number


def heatmap_rows(matrix: ClassMatrix, catalog: Catalog | None = None) -> list[str]:
    """Row labels: each name with its roster number ("Ana #3", as /roster, the commands and
    the CSV number them: two Anas are told apart) when the chart font can draw them all, else
    the roster numbers alone (the caption is the key); a long name is cut, never its number."""
    names = [student_name(s) for s in matrix.students]
    if not all(drawable(n) for n in names):
        return [str(s.number) for s in matrix.students]
    short = [replace(s, first_name=_shorten(s.first_name)) for s in matrix.students]
    if catalog is None:
        return [student_name(s) for s in short]
    labels = class_labels(short, catalog, REFERENCE, numbered=True)
    return [labels[s.id] for s in short]


def _shorten(name: str) -> str:
    return name if len(name) <= ROW_NAME_LIMIT else name[:ROW_NAME_LIMIT - 1] + "…"


def heatmap_caption(matrix: ClassMatrix, catalog: Catalog, lang: str,
                    today: date | None = None, tz: tzinfo | None = None,
                    holidays: Collection[date] = ()) -> Markup | None:
    """What the heatmap leaves out: the words it shows of all given to the class (it shows the
    recent ones, the report and the CSV count every one), the key to its roster numbers
    when rows use them, and its legend in the teacher's language when the chart draws it in
    English (None when it shows everything, names fit and the legend is theirs)."""
    parts = []
    kept, dropped = _recent(matrix, today, tz)
    shown, given = len(kept), len(matrix.given)
    if dropped:  # practised lately too, past the columns a phone can read: say which
        named = [w.term for w in dropped[:LEFT_OUT_NAMED]]
        if len(dropped) > len(named):
            named.append(catalog.plain("heatmap-more-left-out", lang,
                                       count=len(dropped) - len(named)))
        parts.append(catalog.render("heatmap-capped-words", lang, shown=shown,
                                    days=HEATMAP_DAYS, left=len(dropped), words=given,
                                    terms=", ".join(named)))
    elif shown < given:  # the report and the CSV count every word given to the class
        parts.append(catalog.render("heatmap-recent-words", lang, shown=shown,
                                    words=given, days=HEATMAP_DAYS))
    names = [student_name(s) for s in matrix.students]
    rows = heatmap_rows(matrix, catalog)
    guessing = [catalog.render("guessing-last-seen", lang, name=row, date=push_views.day(
        catalog, lang, matrix.near_chance[s.id].astimezone(tz or UTC).date()))
        for s, row in zip(matrix.students, rows, strict=True) if s.id in matrix.near_chance]
    if guessing:  # the clock on her row: her pale cells are capped, not partial knowledge
        parts.append(catalog.render("heatmap-guessing", lang,
                                    names=Markup(", ".join(guessing))))
    # /report's 🧩 (opens checks, answers none): her colours are old answers, and read as a
    # student doing fine beside a summary that no longer calls her on track (playtest)
    opened = opens_checks(matrix, today, tz, holidays)
    stuck = [f"{row} ({push_views.day(catalog, lang, opened[s.id][0])})"
             for s, row in zip(matrix.students, rows, strict=True) if s.id in opened]
    if stuck:
        parts.append(catalog.render("heatmap-opens-checks", lang,
                                    names=", ".join(stuck)))
    if not all(drawable(n) for n in names):
        key = [f"{s.number} {escape(n)}" for s, n in zip(matrix.students, names, strict=True)]
        parts.append(Markup(" · ".join(key)))
    legend = _legend(catalog, lang)
    if not all(drawable(text) for text in legend):  # drawn in English (heatmap_png): an
        # Arabic, Chinese or Korean teacher reads what the ticked green means here
        parts.append(Markup("\n".join(escape(text) for text in legend)))
    return cut(Markup("\n".join(parts)), CAPTION_LIMIT) if parts else None


def opens_checks(matrix: ClassMatrix, today: date | None, tz: tzinfo | None,
                 holidays: Collection[date] = ()) -> dict[int, tuple[date, date]]:
    """The students /report calls 🧩 (opens checks, answers none): the school days of the
    first and last check each opened since her last answer. One rule for the caption that
    names her and the puzzle piece on her row."""
    return {s.id: opened for s in matrix.students
            if (opened := opened_checks(matrix.checks_unanswered.get(s.id), today,
                                        matrix.off_days(s.id, holidays), tz))}


def recent_words(matrix: ClassMatrix, today: date | None = None, tz: tzinfo | None = None,
                 days: int = HEATMAP_DAYS) -> list[WordColumn]:
    """The words practised in the last `days` of the school's days (in `tz`; at most
    HEATMAP_WORDS, the most recent), in pack order: a chart that stays readable on a phone."""
    return _recent(matrix, today, tz, days)[0]


def last_practice(matrix: ClassMatrix, tz: tzinfo | None = None) -> date | None:
    """The school's day of the class's latest answer (None: nobody has answered yet)."""
    return max((day for c in matrix.cells.values()
                if c.answered and (day := local_day(c.last_seen, tz))), default=None)


def nothing_recent(matrix: ClassMatrix, today: date | None, tz: tzinfo | None = None,
                   days: int = HEATMAP_DAYS) -> date | None:
    """The day of the class's last practice when the chart would show no word (none was
    practised in its `days`), else None: a chart of student rows and no word column, written
    weeks after the last answer with nothing said, read as broken (data-coach playtest)."""
    if recent_words(matrix, today, tz, days):
        return None
    return last_practice(matrix, tz)


def _recent(matrix: ClassMatrix, today: date | None = None, tz: tzinfo | None = None,
            days: int = HEATMAP_DAYS) -> tuple[list[WordColumn], list[WordColumn]]:
    """The words the heatmap shows (recent_words), and those practised in its days that the
    column cap left out ("30 of 35" said nothing of the other 5: playtest), in pack order."""
    last: dict[int, date] = {}
    for cell in matrix.cells.values():
        seen = local_day(cell.last_seen, tz) if cell.answered else None
        if seen is not None and (cell.word_id not in last or seen > last[cell.word_id]):
            last[cell.word_id] = seen
    if not last:
        return [], []
    since = (today or max(last.values())) - timedelta(days=days)
    recent = sorted((w for w in last if last[w] > since), key=lambda w: last[w], reverse=True)
    keep, cut_off = set(recent[:HEATMAP_WORDS]), set(recent[HEATMAP_WORDS:])
    return ([w for w in matrix.words if w.id in keep],
            [w for w in matrix.words if w.id in cut_off])


def heatmap_png(class_name: str, matrix: ClassMatrix, today: date | None = None,
                catalog: Catalog | None = None, tz: tzinfo | None = None,
                lang: str = REFERENCE, days: int = HEATMAP_DAYS,
                holidays: Collection[date] = ()) -> bytes:
    """Students x recent words: a mastered word dark green with a tick, any other coloured red
    to yellow by the knowledge estimate (an estimate of 1.00 after two right answers is not
    mastery: only mastery is green); never practised is grey, an estimate resting on too few
    answers is not coloured (the CSV's and reports' one rule), and a word that needs help is
    framed, whatever its colour (the status /report gives it). The row of a student whose
    answers look like guessing (her estimates capped pale) carries a clock and a dashed frame;
    that of a student who opens checks and answers none (/report's 🧩, the caption names her:
    her colours are from earlier answers) a puzzle piece.

    The legend is in the teacher's language `lang` where the chart font can draw it, else in
    English (Arabic, Chinese, Korean: the caption beside the chart is in their language).
    With no word practised in its `days`, a line under the title says so, and the day of the
    last practice."""
    legend, key, piece = None, "", ""
    if catalog:
        legend, key, piece = (_legend(catalog, lang), catalog.plain("chart-guessing", lang),
                              catalog.plain("chart-opens-checks", lang))
        if not all(drawable(t) for t in (*legend, key, piece)):  # the caption says it in theirs
            legend, key, piece = (_legend(catalog, REFERENCE),
                                  catalog.plain("chart-guessing", REFERENCE),
                                  catalog.plain("chart-opens-checks", REFERENCE))
    words = recent_words(matrix, today, tz, days)
    note = ""
    if not words and (last := last_practice(matrix, tz)) is not None:
        said = {"days": days, "date": last.isoformat()}  # ISO, as the title's date
        note = catalog.plain("heatmap-nothing-recent", lang, **said) if catalog else ""
        if catalog and not drawable(note):
            note = catalog.plain("heatmap-nothing-recent", REFERENCE, **said)
    cells = [[matrix.cells.get((s.id, w.id)) for w in words] for s in matrix.students]
    values = [[shade(cell) for cell in row] for row in cells]
    flags = [[cell is not None and cell.status is WordStatus.NEEDS_HELP for cell in row]
             for row in cells]
    # The day it was drawn: a picture saved or forwarded is read later, beside newer ones
    # (teacher playtest: "the image has no date"); ISO reads the same in every language.
    title = label(class_name) + (f" · {today.isoformat()}" if today else "")
    terms = word_terms(matrix.given)
    guessing = [s.id in matrix.near_chance for s in matrix.students]  # capped pale: marked
    opened = opens_checks(matrix, today, tz, holidays)  # old colours: marked too
    return heatmap(heatmap_rows(matrix, catalog), [terms[w.id] for w in words], values,
                   title if drawable(title) else "", legend, flags, guessing, key, note,
                   [s.id in opened for s in matrix.students], piece)


LEGEND_KEYS = ("chart-heatmap-scale", "chart-mastered-cell", "chart-not-practised",
               "chart-too-few", "chart-needs-help")


def _legend(catalog: Catalog, lang: str) -> tuple[str, str, str, str, str]:
    scale, mastered, grey, few, help_needed = (catalog.plain(key, lang) for key in LEGEND_KEYS)
    return scale, mastered, grey, few, help_needed


def shade(cell: Cell | None) -> float | str | None:
    """A heatmap cell's value: MASTERED for a mastered word (whatever its estimate), None when
    never answered, TOO_FEW on fewer answers on its meaning than tell anything (practice only is
    none a teacher counts; listening answers are apart, as /student and the CSV say it), else
    the knowledge estimate a teacher sees."""
    if cell is None or not cell.answered:
        return None
    if cell.mastered:  # mastery stands on days of answers (is_mastered), never on one number
        return MASTERED
    return TOO_FEW if too_few_answers(cell.meaning_attempts) else cell.estimate
