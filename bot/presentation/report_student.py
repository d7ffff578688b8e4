"""One student's words as text for /student: a line per word (its status, as /report and the
CSV give it, and its counts), grouped by class, then listening answers, practice, cards read
and cards not opened yet."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, tzinfo

from bot.domain.answer_kinds import KIND_ANSWERS, AnswerKind, KindCount, to_check
from bot.domain.mastery import MasteryState
from bot.domain.typed_skips import TypedSkips
from bot.domain.word_status import HELP_MISSES, WordStatus, too_few_answers
from bot.presentation import push_views
from bot.presentation.i18n import Catalog, Counted, Markup
from bot.presentation.progress_views import STATUS_MARKS
from bot.presentation.report_names import local_day, word_terms
from bot.presentation.report_summary import cards_read
from bot.presentation.views import list_separator
from bot.store.reports import Cell, ClassMatrix

STATE_ORDER = list(MasteryState)
# The status word /student gives each word (word_status, as /report and the CSV give it): the
# states' own words, and "needs help" (a word not answered yet has none: see word_line)
STATUS_WORDS = {WordStatus.LEARNING: "state-learning", WordStatus.REVIEWING: "state-reviewing",
                WordStatus.NEEDS_HELP: "state-needs-help", WordStatus.MASTERED: "state-mastered"}


def student_lines(matrix: ClassMatrix, student_id: int, catalog: Catalog, lang: str,
                  tz: tzinfo | None = None, back: Mapping[int, date] | None = None,
                  today: date | None = None,
                  sections: Sequence[tuple[Sequence[str], Collection[int]]] = ()
                  ) -> list[Markup]:
    """One line per word for /student (`word_line`), under the class they are of when the
    student is in several of the teacher's `sections` (class names, word ids); then the
    listening answers among them, when there are any; then why practice is not counted, when a
    word has only practice; then, when nothing is answered, how many cards were read and when
    (as /report says it); then the words given to the student whose cards they have not
    opened yet."""
    terms = word_terms(matrix.given)
    retired = {w.id for w in matrix.words if w.retired}
    cells = [c for c in matrix.cells.values() if c.student_id == student_id and c.word_id in terms]
    cells.sort(key=lambda c: (STATE_ORDER.index(c.state), c.correct - c.attempts,
                              terms[c.word_id]))
    back = back or {}
    lines = [word_line(cell, terms[cell.word_id], catalog, lang, tz, cell.word_id in retired,
                       back.get(cell.word_id), today) for cell in cells]
    unopened = matrix.unopened.get(student_id, [])
    if sections:  # a student in 7B Science and Science 7B: which class each word is of
        lines = _by_class(cells, lines, [(w.id, terms[w.id]) for w in unopened], sections,
                          catalog, lang)
        unopened = []  # said in its class's section
    if any(back.get(c.word_id) is not None and c.status is WordStatus.REVIEWING
           and c.word_id not in retired for c in cells):  # each such line says "back Mon 28
        # Sep" only: the why, once, not nine times (playtest)
        lines.append(catalog.render("state-reviewing-note", lang,
                                    state=catalog.render("state-reviewing", lang)))
    listening = listening_line(cells, catalog, lang)
    if listening is not None:
        lines.append(listening)
    if any(cell.practice_only for cell in cells):  # why those words have no count yet
        lines.append(catalog.render("report-practice-note", lang))
    if cells and not any(cell.answered for cell in cells):  # /report's "Reads the cards"
        count, last = cards_read(cells, tz)
        if last is not None:
            lines.append(catalog.render("student-reads-cards", lang,
                                        cards=Counted("count-cards", count),
                                        date=push_views.day(catalog, lang, last)))
    if unopened:  # given, never opened: not "new" to them, and not "never sent" either
        lines.append(catalog.render("report-not-opened", lang,
                                    terms=", ".join(terms[w.id] for w in unopened)))
    if not lines:  # a co-teacher's /student read only its header, where /roster said it
        lines.append(catalog.render("state-count-none", lang))
    return lines


def _by_class(cells: Sequence[Cell], lines: list[Markup], unopened: Sequence[tuple[int, str]],
              sections: Sequence[tuple[Sequence[str], Collection[int]]], catalog: Catalog,
              lang: str) -> list[Markup]:
    """The word lines (one per cell, in its order), then the `unopened` words (id, term),
    under a heading for each class (or classes) the words are of; a section with none of the
    student's words has no heading."""
    grouped: list[Markup] = []
    placed: set[int] = set()
    for names, word_ids in sections:
        mine = [line for cell, line in zip(cells, lines, strict=True) if cell.word_id in word_ids]
        waiting = [term for word_id, term in unopened if word_id in word_ids]
        if waiting:
            mine.append(catalog.render("report-not-opened", lang, terms=", ".join(waiting)))
        if mine:
            grouped.append(catalog.render("student-class-words", lang,
                                          classes=", ".join(names)))
            grouped += mine
        placed |= set(word_ids)
    others = [term for word_id, term in unopened if word_id not in placed]
    return grouped + [line for cell, line in zip(cells, lines, strict=True)
                      if cell.word_id not in placed] + (  # none: every class word has a class
        [catalog.render("report-not-opened", lang, terms=", ".join(others))] if others else [])


def word_line(cell: Cell, term: str, catalog: Catalog, lang: str, tz: tzinfo | None,
              retired: bool, back: date | None, today: date | None) -> Markup:
    """A word's /student line: the status /report and the CSV give it (word_status: "needs
    help", not its state "learning"), and "correct N of M over D days" (the school's days, in
    `tz`) on its meaning, its listening answers apart ("· 🔊 1 of 1"), or "practice only so
    far"; for a word in review, the day it comes back (`back`:
    mastery waits for that review), or that it was `retired` from its pack."""
    if not cell.attempts and not cell.practice_only:  # opened, never answered: the words
        # /roster counts it under ("Opened, not answered yet"), and no status after them:
        # "· new" said it a third way
        unanswered = catalog.render("report-word-unanswered", lang, term=term)
        return Markup(f"{STATUS_MARKS[cell.status][0]} {unanswered}")
    counts = counts_text(cell, term, catalog, lang, tz)
    if cell.right_in_practice:  # not "needs help": her right answers were practice (mastery)
        counts = Markup(f"{counts} · " + catalog.render(
            "report-word-practice-right", lang, count=cell.practised_right))
    if cell.teacher_counted:  # right answers a teacher counted, not Puente's grading
        counts = Markup(f"{counts} · " + catalog.render(
            "report-word-teacher-counted", lang, count=cell.teacher_counted))
    if cell.teacher_accepted:  # right only because a teacher accepted the text for the class
        counts = Markup(f"{counts} · " + catalog.render(
            "report-word-teacher-accepted", lang, count=cell.teacher_accepted))
    status = mastered_on(cell, catalog, lang, tz) or catalog.render(STATUS_WORDS[cell.status],
                                                                    lang)
    if retired:
        status = Markup(f"{status} · " + catalog.render("word-retired", lang))
    elif back is not None and cell.status is WordStatus.REVIEWING:
        status = Markup(f"{status} · " + back_text(back, today, catalog, lang))
    return Markup(f"{STATUS_MARKS[cell.status][0]} {counts} · {status}")


def counts_text(cell: Cell, term: str, catalog: Catalog, lang: str,
                tz: tzinfo | None) -> Markup:
    """A word's counts as /student gives them, and /report's 🆘 line beside them: "correct N of
    M over D days" on its meaning with its listening answers apart ("· 🔊 1 of 1"), what a
    word needing help counted (`missed_counts`), "too few to tell", or "practice only so far".
    One function, so the two views never give one word two figures (playtest: Thiago)."""
    first = local_day(cell.first_seen or cell.last_seen, tz)
    last = local_day(cell.last_seen, tz)
    days = (last - first).days + 1 if first and last else 0
    missed: Markup | None = None  # needs help on one meaning answer: the misses it counted
    if cell.practice_only:  # answered the day its card was read: counted from the next
        counts = catalog.render("report-word-practice", lang, term=term)
    elif (missed := missed_counts(cell, term, catalog, lang)) is not None:
        counts = missed  # listening inside: no "🔊 0 of 1" after it
    elif not cell.meaning_attempts:  # only listening answers: nothing on its meaning yet
        counts = catalog.render("report-word-no-meaning", lang, term=term)
    elif too_few_answers(cell.meaning_attempts):  # one answer may be a guess: no "1 of 1"
        counts = catalog.render("report-word-few", lang, term=term, total=cell.meaning_attempts)
    else:
        counts = catalog.render("report-word", lang, term=term, right=cell.meaning_correct,
                                total=cell.meaning_attempts, days=days)
    if cell.listened and missed is None:  # recognition of the spoken word, apart (as /report)
        counts = Markup(f"{counts} · " + catalog.render(
            "report-word-listened", lang, right=cell.listened_right, total=cell.listened))
    if cell.dont_know or cell.listened_dont_know:  # misses she said she did not know: not
        # tried and missed (playtest, Diego: "correct 0 of 4", every miss a 🤷, read as a
        # meaning to reteach); listening ones too, said apart (hearing, not meaning)
        shrugs = cell.dont_know + cell.listened_dont_know
        counts = Markup(f"{counts} · " + (catalog.render(
            "report-word-dont-know-listening", lang, count=shrugs,
            listening=cell.listened_dont_know) if cell.listened_dont_know else catalog.render(
            "report-word-dont-know", lang, count=shrugs)))
    return counts


def typed_skips_text(counts: TypedSkips, catalog: Catalog, lang: str) -> Markup:
    """"🤷 6 of 6 questions to write · choices right 5 of 9": the 🤷 among her answers to
    write the word, her choices beside them (when she has any), so a teacher tells the
    writing from the meaning."""
    if not counts.chosen:
        return catalog.render("dont-know-counts-typed", lang, dont_know=counts.dont_know,
                              typed=counts.typed)
    return catalog.render("dont-know-counts", lang, dont_know=counts.dont_know,
                          typed=counts.typed, right=counts.chosen_right, chosen=counts.chosen)


def dont_know_line(matrix: ClassMatrix, student_id: int, catalog: Catalog, lang: str
                   ) -> Markup | None:
    """/student's 🤷 line: a student who says "I don't know" at most questions to write the
    word (typed_skips), with her counts and what a teacher may do; None for any other."""
    counts = matrix.typed.get(student_id)
    if counts is None or not counts.skips_typed:
        return None
    return catalog.render("student-dont-know", lang, count=KIND_ANSWERS,
                          counts=typed_skips_text(counts, catalog, lang))


# The days a mastered word's line names: more than this many read as a wall, so the first, an
# ellipsis and the last ones (the recall that mastered it last).
EVIDENCE_SHOWN = 4


def mastered_on(cell: Cell, catalog: Catalog, lang: str, tz: tzinfo | None) -> Markup | None:
    """What "mastered" rests on: "mastered Fri 2 Oct (right on Mon 28 Sep, Wed 30 Sep, Fri 2
    Oct, the last a recall; earlier misses are learning)", or "(right on Wed 16 Sep, Thu 17
    Sep, Mon 21 Sep, the last a recall; missed writing it Sat 19 Sep)". "⭐ correct 5 of 10 ·
    mastered" read as over-claiming to a principal (data-coach playtest): the misses came
    before the run of days that mastered it, or (a missed spelling) on a day named. None for
    a word not mastered, or mastered before its days were kept."""
    days = cell.mastery_evidence(tz) if cell.status is WordStatus.MASTERED else ()
    if not days:
        return None
    shown = [catalog.day(lang, d) for d in days]
    if len(shown) > EVIDENCE_SHOWN:
        shown = [shown[0], "…", *shown[-(EVIDENCE_SHOWN - 2):]]
    # A missed spelling on the deciding review keeps the days right (mastery.record_answer):
    # "earlier misses are learning" hid a miss that came between them (Sat 19, between Thu 17
    # and Mon 21), so the line names its day, and says "earlier" only of misses before the run
    writing = cell.missed_writing(tz)
    earlier = cell.attempts - cell.correct > len(cell.missed_in_run)
    key = "state-mastered-on" + ("-missed-writing" if writing else "") + (
        "-misses" if earlier else "")
    way = cell.mastered_by
    if way is not None and way.tiles:  # "the last a recall, spelled with tiles": at levels
        key += "-tiles"  # 1-2 the recall is often tapped letters, not typed (playtest)
    sep = list_separator(lang)
    return catalog.render(key, lang, date=shown[-1], days=sep.join(shown),
                          **({"missed": sep.join(catalog.day(lang, d) for d in writing)}
                             if writing else {}))


def missed_counts(cell: Cell, term: str, catalog: Catalog, lang: str) -> Markup | None:
    """A word that needs help with one answer on its meaning, or with a listening miss among
    its misses: what its status counted, not "1 answer, too few to tell" beside "needs help"
    (a teacher playtest read "⚠️ organism: 1 answer, too few to tell · 🔊 0 of 1 · needs
    help"), nor "correct 1 of 2 · 🔊 0 of 1 · needs help" beside another word's "correct 1 of
    2 · learning" (the hidden listening miss decided). Its misses, meaning and listening
    apart, "organism: missed 2 of 2 (1 meaning, 1 listening)"; or, stuck with one miss
    counted (practice misses count in a row, in no total), "missed several times in a row".
    Misses spelled with letter tiles apart from the other meaning ones: "(0 meaning, 1 letter
    tiles, 1 listening)". None for any other word: its own counts say it."""
    if cell.status is not WordStatus.NEEDS_HELP or not cell.meaning_attempts or not (
            too_few_answers(cell.meaning_attempts) or cell.listened > cell.listened_right):
        return None
    missed = cell.attempts - cell.correct
    if missed < HELP_MISSES:
        return catalog.render("report-word-missed-row", lang, term=term)
    meaning = cell.meaning_attempts - cell.meaning_correct
    # a tile miss is counted as tiles, as the kinds line above counts it ("🔤 letter tiles
    # 2/3" over "(1 meaning, 1 listening)" named one answer twice: playtest, Paj)
    tiles = min(max(cell.tiled - cell.tiled_right, 0), meaning)
    return catalog.render("report-word-missed-tiles" if tiles else "report-word-missed", lang,
                          term=term, missed=missed, total=cell.attempts, meaning=meaning - tiles,
                          tiles=tiles, listening=cell.listened - cell.listened_right)


def back_text(day: date, today: date | None, catalog: Catalog, lang: str) -> Markup:
    """When a word in review comes back to a check: "back today", or "back Thu 24 Sep"."""
    if today is not None and day <= today:
        return catalog.render("state-reviewing-back-today", lang)
    return catalog.render("state-reviewing-back", lang,
                          date=push_views.day(catalog, lang, day))


def listening_line(cells: Iterable[Cell], catalog: Catalog, lang: str) -> Markup | None:
    """Listening answers ("hear the word, choose it") on a line of their own, when there are
    any: they recognise the spoken word, not its meaning, so no word's "correct N of M" counts
    them (each word's line shows its own apart: "🔊 1 of 1")."""
    right, total = 0, 0
    for cell in cells:
        right, total = right + cell.listened_right, total + cell.listened
    if not total:
        return None
    if too_few_answers(total):
        return catalog.render("report-listening-few", lang, total=total)
    return catalog.render("report-listening", lang, right=right, total=total)


def kinds_text(counts: Mapping[AnswerKind, KindCount], catalog: Catalog, lang: str,
               flagged: Collection[AnswerKind] = ()) -> Markup:
    """"🔘 meaning 4/4 · 📝 gap sentences 0/2": right of counted answers, a kind at a time,
    each kind in `flagged` marked ⚠️."""
    parts = []
    for kind, count in counts.items():
        part = catalog.render(f"answer-kind-{kind}", lang, right=count.right,
                              total=count.answered)
        parts.append(catalog.render("answer-kind-flagged", lang, kind=part)
                     if kind in flagged else part)
    return Markup(" · ".join(parts))


def kinds_line(matrix: ClassMatrix, student_id: int, level: int | None, catalog: Catalog,
               lang: str) -> Markup | None:
    """/student's line of a level 1-2 student's answers by kind of question, a kind the next
    level asks and she mostly misses marked ⚠️ (as /report keeps her off "On track"); None
    above level 2 or before any counted answer."""
    counts = matrix.kinds.get(student_id)
    if not counts:
        return None
    return catalog.render("student-kinds", lang, count=KIND_ANSWERS, kinds=kinds_text(
        counts, catalog, lang, to_check(counts, level)))
