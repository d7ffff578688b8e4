"""Teacher reports from the mastery store: a short text, a heatmap PNG and a CSV.

Names and terms are cleaned here, on the way out, too: rows stored before names were cleaned
at the door must not carry a direction override or a formula into a teacher's spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo

from bot.domain.mastery import (
    REVIEWING_DAYS,
    MasteryState,
    WordStatus,
    error_rate,
    is_hard,
    too_few_answers,
)
from bot.domain.names import clean, clean_name
from bot.domain.school_days import school_days_between
from bot.presentation import push_views
from bot.presentation.charts import TOO_FEW, drawable, heatmap
from bot.presentation.i18n import REFERENCE, Catalog, Counted, Markup, escape
from bot.presentation.students import class_labels
from bot.presentation.views import CAPTION_LIMIT, STATE_MARKS, cut, label
from bot.services.teaching import StudentNames
from bot.store.reports import Cell, ClassMatrix, StudentRow, WordColumn

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TERM_LIMIT = 200
# No Telegram ids: a teacher needs names, and a spreadsheet travels. `roster_no` is the
# student's number in this class (as /roster and the heatmap show it), to tell two Anas apart;
# it was given when they joined, so the same student has it in every export.
# `knowledge_estimate` was called `mastery` until it read "80% mastered" on a word /report said
# a student needed help with: it is a model's estimate, not a status. `status` is the status
# /report and /student give the word (word_status), added last so older columns keep their place.
CSV_COLUMNS = ("student", "roster_no", "language", "wida_level", "level_source", "pack", "word",
               "knowledge_estimate", "mastered", "attempts", "correct", "last_seen",
               "listening_attempts", "listening_correct", "card", "status", "retired")
# card: whether the student opened the word's card (or answered it), was given the word (a push,
# or a preview) and has not opened it yet, or was never given it (a classmate was).
OPENED, NOT_OPENED, NOT_SENT = "opened", "not_opened", "not_sent"
LEVEL_SOURCES = {True: "self-placed", False: "teacher"}  # level_source: who set wida_level
# The knowledge_estimate cell of a word with fewer answers than the reports need
# (too_few_answers): a number resting on one answer (a guess, at three options) reads as
# evidence. With no answer at all there is no estimate, whether or not the student has seen the
# word's card. Columns are documented in docs/reports.md.
TOO_FEW_MARK = "too few answers"
NOT_ANSWERED_MARK = "not answered"


INACTIVE_SCHOOL_DAYS = 3  # no answer for this many school days: the teacher should know
# Answering for this many school days with no word yet right on two days (in review) or
# mastered: not "on track", however few misses (a newcomer whose right taps were all practice,
# playtest 14: "✅ On track" after three weeks, 4 words, none moved on). A learner puts a word
# in review in two school days; mastery's goal is ten.
STALLED_SCHOOL_DAYS = 10
HEATMAP_DAYS = 21          # the heatmap shows the words practised in the last three weeks
HEATMAP_WORDS = 30         # at most this many columns, so it reads on a phone
ROW_NAME_LIMIT = 14        # characters of a name on a heatmap row, before its roster number


@dataclass(frozen=True)
class WordTotal:
    """One word across the class: "correct N of M over D days"."""

    term: str
    right: int
    total: int
    days: int


@dataclass(frozen=True)
class HelpNeeded:
    """A student who needs help: the words whose status says so (word_status)."""

    name: str
    words: list[str]


@dataclass(frozen=True)
class Summary:
    on_track: list[str]
    needs_help: list[HelpNeeded]   # "Ana (habitat, predator)"
    hardest: list[str]             # "predator 80%" (wrong)
    mastered_share: float
    not_started: list[str] = field(default_factory=list)
    inactive: list[str] = field(default_factory=list)  # "Bo (last active 2026-09-14)"
    inactive_days: int = INACTIVE_SCHOOL_DAYS
    hardest_words: list[WordTotal] = field(default_factory=list)
    too_few: list[str] = field(default_factory=list)  # practised, but too few answers to tell
    words: int = 0        # every word given to the class: the CSV's words (ClassMatrix.given)
    untouched: int = 0    # of those, the words nobody has answered yet ("not started")
    stalled: list[str] = field(default_factory=list)  # answering for weeks, no word moved on
    stalled_days: int = STALLED_SCHOOL_DAYS


def student_name(student: StudentRow, placeholder: str = "?") -> str:
    """The name a report shows: cleaned, or the placeholder and the student's roster number in
    the class when empty (never the Telegram id)."""
    return clean_name(student.first_name) or " ".join(
        part for part in (placeholder, str(student.number) if student.number else "") if part)


def term(text: str) -> str:
    """A word as a report shows it: one clean line."""
    return clean(text, TERM_LIMIT)


def word_terms(words: Iterable[WordColumn]) -> dict[int, str]:
    """Each word as a report shows it (`term`); a term that two packs share ("habitat" pushed
    from two packs) names its pack too, so a teacher never sees the same word twice unlabelled."""
    words = list(words)
    seen = Counter(term(w.term).casefold() for w in words)
    return {w.id: term(w.term) if seen[term(w.term).casefold()] == 1
            else f"{term(w.term)} ({w.pack_id.rsplit('.', 1)[-1]})" for w in words}


def _day(stamp: str | None, tz: tzinfo | None = None) -> date | None:
    """The school's day of a stored UTC time (in `tz`; the UTC day when no zone is given)."""
    if not stamp:
        return None
    if tz is None:
        return date.fromisoformat(stamp[:10])
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC).astimezone(tz).date()


def _word_total(name: str, cells: list[Cell], tz: tzinfo | None = None) -> WordTotal:
    """One word's counts over some cells: "correct N of M over D days" (the school's days)."""
    right, total = sum(c.correct for c in cells), sum(c.attempts for c in cells)
    # ISO stamps sort as text: parse only the two that matter
    first = _day(min((f for c in cells if (f := c.first_seen or c.last_seen)), default=None), tz)
    last = _day(max((c.last_seen for c in cells if c.last_seen), default=None), tz)
    days = (last - first).days + 1 if first and last else 1
    return WordTotal(name, right, total, days)


def _most_wrong_first(totals: list[WordTotal]) -> list[WordTotal]:
    """Most often wrong first, then most answered."""
    return sorted(totals, key=lambda w: (-error_rate(w.right, w.total), -w.total, w.term))


def _hardest_first(totals: list[WordTotal]) -> list[WordTotal]:
    """The words the one rule calls hard, most often wrong first, then most answered."""
    return _most_wrong_first([w for w in totals if is_hard(w.right, w.total)])


def summarise(matrix: ClassMatrix, hardest: int = 5, placeholder: str = "?",
              today: date | None = None, holidays: Collection[date] = (),
              labels: Mapping[int, str] | None = None, tz: tzinfo | None = None) -> Summary:
    """Who is on track, who needs help on which words, who has not started or stopped, and
    which words are hardest (with the counts behind them).

    One rule (`is_hard`: enough answers on a word, at least half wrong) picks the class's
    hardest words; a student needs help for the words whose status says so (`word_status`:
    hard, or missed three times in a row, and not mastered), the status /student and the CSV
    give them too. A student with too few answers on every word (`too_few_answers`) is "too few to
    tell", however many words they answered once: answers on different words are not added up
    into evidence the rule would refuse for each word. Students are named by `labels` (student
    id -> label), else by first name; days are the school's (in `tz`), as `today` is."""
    on_track, needs_help, not_started, inactive, too_few = [], [], [], [], []
    stalled: list[str] = []
    terms = word_terms(matrix.given)
    by_student: dict[int, list[Cell]] = {}
    by_word_id: dict[int, list[Cell]] = {}
    for cell in matrix.cells.values():
        by_student.setdefault(cell.student_id, []).append(cell)
        by_word_id.setdefault(cell.word_id, []).append(cell)
    for student in matrix.students:
        name = labels[student.id] if labels else student_name(student, placeholder)
        practised = [c for c in by_student.get(student.id, []) if c.attempts
                     and c.word_id in terms]
        if not practised:
            not_started.append(name)
            continue
        last = _day(max((c.last_seen for c in practised if c.last_seen), default=None), tz)
        idle = school_days_between(last, today, holidays) if last and today else 0
        weak = _most_wrong_first([_word_total(terms[c.word_id], [c], tz) for c in practised
                                  if c.status is WordStatus.NEEDS_HELP])
        if weak:
            needs_help.append(HelpNeeded(name, [w.term for w in weak]))
        if idle >= INACTIVE_SCHOOL_DAYS and last is not None:
            inactive.append(f"{name} ({last.isoformat()})")
        elif weak:
            continue
        elif all(too_few_answers(c.attempts) for c in practised):
            too_few.append(name)
        elif _stalled(by_student[student.id], today, holidays, tz):
            stalled.append(name)
        else:
            on_track.append(name)
    totals = [_word_total(terms[w.id], cells, tz) for w in matrix.words
              if (cells := [c for c in by_word_id.get(w.id, []) if c.attempts])]
    hard = _hardest_first(totals)[:hardest]
    total = len(matrix.cells)
    mastered = sum(1 for c in matrix.cells.values() if c.mastered)
    answered = {c.word_id for c in matrix.cells.values() if c.attempts}
    given = matrix.given
    return Summary(on_track, needs_help,
                   [f"{w.term} {error_rate(w.right, w.total):.0%}" for w in hard],
                   mastered / total if total else 0.0, not_started, inactive,
                   INACTIVE_SCHOOL_DAYS, hard, too_few, len(given),
                   sum(1 for w in given if w.id not in answered), stalled)


def _stalled(cells: list[Cell], today: date | None, holidays: Collection[date],
             tz: tzinfo | None) -> bool:
    """Answering since STALLED_SCHOOL_DAYS school days or more, and no word yet in review
    (right on two days) or mastered."""
    first = min((d for c in cells if (d := _day(c.first_seen, tz))), default=None)
    if first is None or today is None or \
            school_days_between(first, today, holidays) < STALLED_SCHOOL_DAYS:
        return False
    return not any(c.mastered or c.days_right >= REVIEWING_DAYS for c in cells)


def help_text(student: HelpNeeded) -> Markup:
    """One student in "needs help": their name and hard words."""
    return Markup(f"{escape(student.name)} ({escape(', '.join(student.words))})")


def summary_text(class_name: str, matrix: ClassMatrix, catalog: Catalog, lang: str,
                 today: date | None = None, holidays: Collection[date] = (),
                 names: StudentNames | None = None, class_id: int = 0,
                 tz: tzinfo | None = None) -> Markup:
    """The /report message: who is on track, needs help, has not started or stopped (dates in
    the school's time zone `tz`, as `today` is); each student named as the teacher tells them
    apart (`names`: the teacher's students, None: the class's alone), so two Anas read "Ana #1"
    and "Ana #2"."""
    s = summarise(matrix, placeholder=catalog.plain("name-placeholder", lang), today=today,
                  holidays=holidays, tz=tz,
                  labels=class_labels(matrix.students, catalog, lang, names, class_id))
    none = catalog.render("report-none", lang)
    hardest = Markup(", ".join(catalog.render("report-word", lang, term=w.term, right=w.right,
                                              total=w.total, days=w.days)
                               for w in s.hardest_words))
    text = catalog.render(
        "report-summary", lang, class_name=label(class_name),
        students=Counted("count-students", len(matrix.students)),
        words=words_count(s, catalog, lang), mastered=f"{s.mastered_share:.0%}",
        on_track=", ".join(s.on_track) or none,
        needs_help=Markup("; ".join(help_text(h) for h in s.needs_help)) or none,
        hardest=hardest or catalog.render("report-none-words", lang))  # "ninguna" (palabra)
    lines = [text]
    listening = listening_line(matrix.cells.values(), catalog, lang)
    if listening is not None:
        lines.append(listening)
    if s.not_started:
        lines.append(catalog.render("report-not-started", lang, names=", ".join(s.not_started)))
    if s.too_few:
        lines.append(catalog.render("report-too-few", lang, names=", ".join(s.too_few)))
    if s.stalled:
        lines.append(catalog.render("report-stalled", lang, days=s.stalled_days,
                                    names=", ".join(s.stalled)))
    if s.inactive:
        lines.append(catalog.render("report-inactive", lang, days=s.inactive_days,
                                    names=", ".join(s.inactive)))
    return cut(Markup("\n".join(lines)))


def words_count(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """The report's word count: every word given to the class, as the CSV lists them, and
    how many of them nobody has started ("12 words (3 not started by anyone)")."""
    words = Counted("count-words", s.words)
    if not s.untouched:
        return catalog.render(words.key, lang, count=words.count)
    return catalog.render("report-words-not-started", lang, words=words, count=s.untouched)


STATE_ORDER = list(MasteryState)


def student_lines(matrix: ClassMatrix, student_id: int, catalog: Catalog, lang: str,
                  tz: tzinfo | None = None, back: Mapping[int, date] | None = None,
                  today: date | None = None) -> list[Markup]:
    """One line per word for /student: its state by name and "correct N of M over D days"
    (the school's days, in `tz`), and for a word in review the day it comes back (`back`, by
    word id: mastery waits for that review); then the listening answers among them, when there
    are any; then the words given to the student whose cards they have not opened yet."""
    terms = word_terms(matrix.given)
    retired = {w.id for w in matrix.words if w.retired}
    cells = [c for c in matrix.cells.values() if c.student_id == student_id and c.word_id in terms]
    cells.sort(key=lambda c: (STATE_ORDER.index(c.state), c.correct - c.attempts,
                              terms[c.word_id]))
    lines = []
    for cell in cells:
        mark = "⚠️" if cell.status is WordStatus.NEEDS_HELP else STATE_MARKS[cell.state]
        first, last = _day(cell.first_seen or cell.last_seen, tz), _day(cell.last_seen, tz)
        days = (last - first).days + 1 if first and last else 0
        if not cell.attempts:  # met on a card, never answered: nothing to count yet
            counts = catalog.render("report-word-unanswered", lang, term=terms[cell.word_id])
        elif too_few_answers(cell.attempts):
            # one answer may be a guess: a count, never "correct 1 of 1"
            counts = catalog.render("report-word-few", lang, term=terms[cell.word_id],
                                    total=cell.attempts)
        else:
            counts = catalog.render("report-word", lang, term=terms[cell.word_id],
                                    right=cell.correct, total=cell.attempts, days=days)
        state = catalog.render(f"state-{cell.state}", lang)
        if cell.word_id in retired:
            state = Markup(f"{state} · " + catalog.render("word-retired", lang))
        elif cell.state is MasteryState.REVIEWING and back and cell.word_id in back:
            state = Markup(f"{state} · " + back_text(back[cell.word_id], today, catalog, lang))
        lines.append(Markup(f"{mark} {counts} · {state}"))
    listening = listening_line(cells, catalog, lang)
    if listening is not None:
        lines.append(listening)
    unopened = matrix.unopened.get(student_id, [])
    if unopened:  # given, never opened: not "new" to them, and not "never sent" either
        lines.append(catalog.render("report-not-opened", lang,
                                    terms=", ".join(terms[w.id] for w in unopened)))
    return lines


def back_text(day: date, today: date | None, catalog: Catalog, lang: str) -> Markup:
    """When a word in review comes back to a check: "back today", or "back Thu 24 Sep"."""
    if today is not None and day <= today:
        return catalog.render("state-reviewing-back-today", lang)
    return catalog.render("state-reviewing-back", lang,
                          date=push_views.day(catalog, lang, day))


def listening_line(cells: Iterable[Cell], catalog: Catalog, lang: str) -> Markup | None:
    """Listening answers ("hear the word, choose it") on a line of their own, when there are
    any: they are counted in the totals, but recognise the spoken word, not its meaning."""
    right, total = 0, 0
    for cell in cells:
        right, total = right + cell.listened_right, total + cell.listened
    if not total:
        return None
    if too_few_answers(total):
        return catalog.render("report-listening-few", lang, total=total)
    return catalog.render("report-listening", lang, right=right, total=total)


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: formulas defused with a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def estimate_cell(cell: Cell | None) -> str:
    """The CSV's knowledge estimate (0-1); NOT_ANSWERED_MARK with no answer at all (the card
    seen or not: `cell` None is a word the student has not met), TOO_FEW_MARK under the
    reports' rule: one answer is no evidence, in the spreadsheet as in /report and /student."""
    if cell is None or not cell.attempts:
        return NOT_ANSWERED_MARK
    return TOO_FEW_MARK if too_few_answers(cell.attempts) else f"{cell.p_known:.2f}"


def local_time(stamp: str | None, tz: tzinfo | None) -> str:
    """A stored UTC time as the school reads it: ISO 8601 in `tz` with its offset
    ("2026-09-14T15:00:00-04:00"); as stored (UTC, "+00:00") when no zone is given."""
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp)
    return (moment.astimezone(tz) if tz else moment).isoformat(timespec="seconds")


def csv_bytes(matrix: ClassMatrix, tz: tzinfo | None = None) -> bytes:
    """One row per student x word (every word a student has met or been given): the knowledge
    estimate (or not answered, or too few answers to tell), attempts, last seen (in the school's
    time zone `tz`, with its offset), language, level and who set it (self-placed or teacher),
    listening answers apart, whether the card was opened, not opened yet or never sent, and
    the word's status as /report and /student give it, and whether the word was retired from its
    pack; students by name and roster number, never a Telegram id (the columns:
    docs/reports.md)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    # Each text is cleaned and defused once, not once per row (35 x 200 rows in one /report).
    words = [(word.id, spreadsheet_cell(term(word.pack_id)), spreadsheet_cell(term(word.term)),
              int(word.retired)) for word in matrix.given]
    for student in matrix.students:
        source = LEVEL_SOURCES[student.self_placed] if student.level is not None else ""
        who = [spreadsheet_cell(v) for v in (student_name(student), student.number,
                                             student.language or "", student.level or "",
                                             source)]
        unopened = {w.id for w in matrix.unopened.get(student.id, [])}
        for word_id, pack, word_term, retired in words:
            cell = matrix.cells.get((student.id, word_id))
            if cell is None:
                card = NOT_OPENED if word_id in unopened else NOT_SENT
                writer.writerow([*who, pack, word_term, estimate_cell(None), 0, 0, 0, "", 0, 0,
                                 card, WordStatus.NOT_STARTED.value, retired])
                continue
            writer.writerow([*who, pack, word_term, estimate_cell(cell), int(cell.mastered),
                             cell.attempts, cell.correct,
                             spreadsheet_cell(local_time(cell.last_seen, tz)), cell.listened,
                             cell.listened_right, OPENED, cell.status.value, retired])
    return buffer.getvalue().encode("utf-8-sig")  # BOM: spreadsheet apps then read accents


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
                    today: date | None = None, tz: tzinfo | None = None) -> Markup | None:
    """What the heatmap leaves out: the words it shows of all given to the class (it shows the
    recent ones, the report and the CSV count every one), and the key to its roster numbers
    when rows use them (None when it shows everything and names fit)."""
    parts = []
    shown, given = len(recent_words(matrix, today, tz)), len(matrix.given)
    if shown < given:  # the report and the CSV count every word given to the class
        parts.append(catalog.render("heatmap-recent-words", lang, shown=shown,
                                    words=given, days=HEATMAP_DAYS))
    names = [student_name(s) for s in matrix.students]
    if not all(drawable(n) for n in names):
        key = [f"{s.number} {escape(n)}" for s, n in zip(matrix.students, names, strict=True)]
        parts.append(Markup(" · ".join(key)))
    return cut(Markup("\n".join(parts)), CAPTION_LIMIT) if parts else None


def recent_words(matrix: ClassMatrix, today: date | None = None, tz: tzinfo | None = None
                 ) -> list[WordColumn]:
    """The words practised in the last HEATMAP_DAYS of the school's days (in `tz`; at most
    HEATMAP_WORDS, the most recent), in pack order: a chart that stays readable on a phone."""
    last: dict[int, date] = {}
    for cell in matrix.cells.values():
        seen = _day(cell.last_seen, tz) if cell.attempts else None
        if seen is not None and (cell.word_id not in last or seen > last[cell.word_id]):
            last[cell.word_id] = seen
    if not last:
        return []
    since = (today or max(last.values())) - timedelta(days=HEATMAP_DAYS)
    recent = sorted((w for w in last if last[w] > since), key=lambda w: last[w], reverse=True)
    keep = set(recent[:HEATMAP_WORDS])
    return [w for w in matrix.words if w.id in keep]


def heatmap_png(class_name: str, matrix: ClassMatrix, today: date | None = None,
                catalog: Catalog | None = None, tz: tzinfo | None = None,
                lang: str = REFERENCE) -> bytes:
    """Students x recent words, coloured by the knowledge estimate; never practised is grey, an
    estimate resting on too few answers is not coloured (the CSV's and reports' one rule), and
    a word that needs help is framed, whatever its colour (the status /report gives it).

    The legend is in the teacher's language `lang` where the chart font can draw it, else in
    English (Arabic, Chinese, Korean: the caption beside the chart is in their language)."""
    legend = None
    if catalog:
        legend = _legend(catalog, lang)
        legend = legend if all(drawable(t) for t in legend) else _legend(catalog, REFERENCE)
    words = recent_words(matrix, today, tz)
    cells = [[matrix.cells.get((s.id, w.id)) for w in words] for s in matrix.students]
    values = [[_shade(cell) for cell in row] for row in cells]
    flags = [[cell is not None and cell.status is WordStatus.NEEDS_HELP for cell in row]
             for row in cells]
    title = label(class_name)
    terms = word_terms(matrix.given)
    return heatmap(heatmap_rows(matrix, catalog), [terms[w.id] for w in words], values,
                   title if drawable(title) else "", legend, flags)


def _legend(catalog: Catalog, lang: str) -> tuple[str, str, str, str]:
    return (catalog.plain("chart-heatmap-scale", lang), catalog.plain("chart-not-practised", lang),
            catalog.plain("chart-too-few", lang), catalog.plain("chart-needs-help", lang))


def _shade(cell: Cell | None) -> float | str | None:
    """A heatmap cell: None when never answered, TOO_FEW on fewer answers than tell anything."""
    if cell is None or not cell.attempts:
        return None
    return TOO_FEW if too_few_answers(cell.attempts) else cell.p_known
