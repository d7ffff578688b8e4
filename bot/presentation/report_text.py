"""A teacher report as text: /report's summary (who is on track, needs help, has not started
or stopped; the hardest words) and /student's line per word."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from statistics import median

from bot.domain.mastery import (
    HELP_MISSES,
    STALLED_ANSWER_DAYS,
    MasteryState,
    WordStatus,
    error_rate,
    stalled_student,
    too_few_answers,
)
from bot.domain.reminder_backoff import DAILY_REMINDERS, EVERY_SCHOOL_DAYS, slowed
from bot.domain.school_days import school_days_between
from bot.presentation import push_views
from bot.presentation.i18n import Catalog, Counted, Markup, escape
from bot.presentation.progress_views import STATUS_MARKS
from bot.presentation.report_names import local_day, student_name, word_terms
from bot.presentation.students import class_labels
from bot.presentation.views import cut, label
from bot.services.teaching import StudentNames
from bot.store.reports import Cell, ClassMatrix

INACTIVE_SCHOOL_DAYS = 3  # no answer for this many school days: the teacher should know
# "Nothing done since joining" waits for a student's first full school day after the one they
# joined on (playtest: two students named ten minutes after joining)
NOTHING_YET_GRACE = 1
# No new word (card first shown) for this many school days while still answering: she only
# reviews old words (teacher playtest: 18 days unseen). School days, so a holiday or a weekend
# never counts; 8 of them is ten calendar days with a weekend between, more than a class
# pushing weekly ever leaves a student who gets its pushes (5 school days), so one missed
# push cycle is not yet flagged, two are.
NO_NEW_WORD_SCHOOL_DAYS = 8
MOVED_ON = (MasteryState.REVIEWING, MasteryState.MASTERED)  # a stalled student has neither


@dataclass(frozen=True)
class WordTotal:
    """One word across the class: "correct N of M over D days"."""

    term: str
    right: int
    total: int
    days: int


@dataclass(frozen=True)
class HardWord:
    """A word hard for the class: how many of the students who answered it need help with it
    (students, not answers: one stuck student's 18 misses made a word the class's hardest),
    and the class's answers on it."""

    counts: WordTotal
    struggling: int  # students whose status on the word is "needs help"
    students: int    # students with a counted answer on it

    @property
    def term(self) -> str:
        return self.counts.term


@dataclass(frozen=True)
class HelpNeeded:
    """A student who needs help: the words whose status says so (word_status)."""

    name: str
    words: list[str]


@dataclass(frozen=True)
class CardsRead:
    """A student who has read cards and answered nothing yet, not even in practice: how many
    cards, and the school day the latest was first shown."""

    name: str
    cards: int
    last: date | None


@dataclass(frozen=True)
class FewAnswers:
    """A student with too few answers on every word to tell: their counted answers, added up
    only to show the work, never judged (one answer a word may be a guess)."""

    name: str
    right: int
    total: int


@dataclass(frozen=True)
class Inactive:
    """A student with no answer for INACTIVE_SCHOOL_DAYS school days: the day of the last (of
    the last card read, for one who never answered)."""

    name: str
    last: date
    reminders_slowed: bool = False


@dataclass(frozen=True)
class NothingYet:
    """A student who has done nothing since joining (no card opened, no answer, not even in
    practice): the school day they joined and the school days since, and whether their
    daily reminder has slowed down for going unanswered (reminder_backoff)."""

    name: str
    joined: date | None
    days: int
    reminders_slowed: bool = False


@dataclass(frozen=True)
class NoNewWord:
    """A student who still answers checks but has had no new word for NO_NEW_WORD_SCHOOL_DAYS
    school days: the school day her latest new card was first shown."""

    name: str
    last: date


@dataclass(frozen=True)
class PracticeMissed:
    """A student who missed practice answers today: "Hodan missed 2 of 4 (ecosystem,
    population)". Practice is no evidence, so no count or status holds these misses."""

    name: str
    missed: int
    answers: int
    words: list[str]


@dataclass(frozen=True)
class Summary:
    on_track: list[str]
    needs_help: list[HelpNeeded]   # "Ana (habitat, predator)"
    hardest: list[str]             # "predator 2/4" (students needing help of those answering)
    not_started: list[str] = field(default_factory=list)
    inactive: list[Inactive] = field(default_factory=list)
    inactive_days: int = INACTIVE_SCHOOL_DAYS
    hardest_words: list[HardWord] = field(default_factory=list)
    too_few: list[FewAnswers] = field(default_factory=list)  # answered, too few to tell
    practice_only: list[str] = field(default_factory=list)  # answered, all of it practice
    words: int = 0        # every word given to the class: the CSV's words (ClassMatrix.given)
    untouched: int = 0    # of those, the words nobody has answered yet ("not started")
    # answered on STALLED_ANSWER_DAYS school days or more, no word in review or mastered
    stalled: list[str] = field(default_factory=list)
    stalled_days: int = STALLED_ANSWER_DAYS
    reads_cards: list[CardsRead] = field(default_factory=list)  # cards read, nothing answered
    mastered: int = 0     # (student, word) pairs mastered, among...
    opened: int = 0       # ...every student's opened cards (the words they met), added up
    # on track, by name: how many words given to them they have not answered yet (cards not
    # opened, or opened and not answered): "On track" beside ten pushed words untouched read
    # as all done (mid-level playtest)
    behind: dict[str, int] = field(default_factory=dict)
    no_new_word: list[NoNewWord] = field(default_factory=list)
    no_new_word_days: int = NO_NEW_WORD_SCHOOL_DAYS
    # no card opened, no answer: named near the top, with the school days since joining
    nothing_yet: list[NothingYet] = field(default_factory=list)
    # nothing opened either, but joined since the last school day began: not named as idle
    just_joined: list[str] = field(default_factory=list)
    reviewing: int = 0    # (student, word) pairs in review: right on 2 days, not mastered yet
    # practice answers missed today, by student: day 1's misses read "🆘 Needs help: none"
    practice_missed: list[PracticeMissed] = field(default_factory=list)


def _word_total(name: str, cells: list[Cell], tz: tzinfo | None = None) -> WordTotal:
    """One word's counts over some cells: "correct N of M over D days" (the school's days), on
    its meaning (listening answers apart, as /student and the CSV count them)."""
    right = sum(c.meaning_correct for c in cells)
    total = sum(c.meaning_attempts for c in cells)
    # ISO stamps sort as text: parse only the two that matter
    first = local_day(min((f for c in cells if (f := c.first_seen or c.last_seen)),
                          default=None), tz)
    last = local_day(max((c.last_seen for c in cells if c.last_seen), default=None), tz)
    days = (last - first).days + 1 if first and last else 1
    return WordTotal(name, right, total, days)


def _most_wrong_first(totals: list[WordTotal]) -> list[WordTotal]:
    """Most often wrong first, then most answered."""
    return sorted(totals, key=lambda w: (-error_rate(w.right, w.total), -w.total, w.term))


def _hard_word(term: str, cells: list[Cell], tz: tzinfo | None) -> HardWord:
    """One word across the class: its answers, and how many students need help with it."""
    struggling = sum(1 for c in cells if c.status is WordStatus.NEEDS_HELP)
    return HardWord(_word_total(term, cells, tz), struggling, len(cells))


def _hardest_first(words: list[HardWord]) -> list[HardWord]:
    """The words hard for the class: needing help for two students or more, or for every
    student who answered it (a class where one student has answered it); most students
    needing help first, then the largest share of them, then most often wrong."""
    hard = [w for w in words
            if w.struggling >= 2 or 0 < w.struggling == w.students]
    return sorted(hard, key=lambda w: (-w.struggling, -w.struggling / w.students,
                                       -error_rate(w.counts.right, w.counts.total),
                                       -w.counts.total, w.term))


def summarise(matrix: ClassMatrix, hardest: int = 5, placeholder: str = "?",
              today: date | None = None, holidays: Collection[date] = (),
              labels: Mapping[int, str] | None = None, tz: tzinfo | None = None) -> Summary:
    """Who is on track, who needs help on which words, who has only read cards, who has not
    started (opened nothing) or stopped, and which words are hardest (with the counts behind
    them).

    One rule (`is_hard`: enough answers on a word, at least half wrong) picks the class's
    hardest words; a student needs help for the words whose status says so (`word_status`:
    hard, or missed three times in a row, and not mastered), the status /student and the CSV
    give them too. A student with too few answers on every word (`too_few_answers`) is "too few to
    tell", however many words they answered once: answers on different words are not added up
    into evidence the rule would refuse for each word. Students are named by `labels` (student
    id -> label), else by first name; days are the school's (in `tz`), as `today` is."""
    on_track, needs_help, not_started, inactive, too_few = [], [], [], [], []
    stalled, practice_only, reads_cards = [], [], []
    no_new_word: list[NoNewWord] = []
    nothing_yet: list[NothingYet] = []
    just_joined: list[str] = []
    behind: dict[str, int] = {}
    terms = word_terms(matrix.given)
    by_student: dict[int, list[Cell]] = {}
    by_word_id: dict[int, list[Cell]] = {}
    for cell in matrix.cells.values():
        by_student.setdefault(cell.student_id, []).append(cell)
        by_word_id.setdefault(cell.word_id, []).append(cell)
    for student in matrix.students:
        name = labels[student.id] if labels else student_name(student, placeholder)
        quiet = slowed(matrix.reminders_ignored.get(student.id, 0))  # reminders ignored
        met = [c for c in by_student.get(student.id, []) if c.word_id in terms]
        practised = [c for c in met if c.answered]
        if not practised:  # "Not started" only for who has opened nothing (playtest: Mateo
            if met:        # read 13 cards over 5 days and read "Not started" every day)
                cards, read_last = cards_read(met, tz)
                reads_cards.append(CardsRead(name, cards, read_last))
                if read_last and today and school_days_between(  # gone since: inactive too
                        read_last, today, holidays) >= INACTIVE_SCHOOL_DAYS:
                    inactive.append(Inactive(name, read_last, quiet))
            else:
                not_started.append(name)
                joined = local_day(student.joined_at, tz)
                days = school_days_between(joined, today, holidays) if joined and today else 0
                if joined and today and days < NOTHING_YET_GRACE:
                    just_joined.append(name)  # ten minutes in, "nothing done" is no news
                else:
                    nothing_yet.append(NothingYet(name, joined, days, quiet))
            continue
        answered = local_day(max((c.last_seen for c in practised if c.last_seen), default=None),
                             tz)
        # a new card read since her last answer is Puente used too: "💤 Inactive since Tue"
        # beside a family update counting Thursday's card read contradicted itself (playtest)
        last = max((d for d in (answered, cards_read(met, tz)[1]) if d), default=None)
        idle = school_days_between(last, today, holidays) if last and today else 0
        weak = _most_wrong_first([_word_total(terms[c.word_id], [c], tz) for c in practised
                                  if c.status is WordStatus.NEEDS_HELP])
        if weak:
            needs_help.append(HelpNeeded(name, [w.term for w in weak]))
        if idle >= INACTIVE_SCHOOL_DAYS and last is not None:
            inactive.append(Inactive(name, last, quiet))
        elif not weak and not matrix.unopened.get(student.id):  # unopened: new words she has;
            # under 🆘 she needs help with these words, not a push of more
            newest = starved_since(met, today, holidays, tz)
            if newest is not None:
                no_new_word.append(NoNewWord(name, newest))
        if idle >= INACTIVE_SCHOOL_DAYS and last is not None:
            pass  # inactive says it: no other line for her
        elif weak:
            continue
        elif all(c.practice_only for c in practised):  # the evening of the day she read them
            practice_only.append(name)
        elif all(too_few_answers(c.attempts) for c in practised):
            too_few.append(FewAnswers(name, sum(c.correct for c in practised),
                                      sum(c.attempts for c in practised)))
        elif stalled_student(matrix.answer_days.get(student.id, 0),
                             any(c.state in MOVED_ON for c in met)):
            stalled.append(name)
        else:
            on_track.append(name)
            left = len(matrix.unopened.get(student.id, [])) + sum(
                1 for c in met if not c.answered)
            if left:
                behind[name] = left
    totals = [_hard_word(terms[w.id], cells, tz) for w in matrix.words
              if (cells := [c for c in by_word_id.get(w.id, []) if c.attempts])]
    hard = _hardest_first(totals)[:hardest]
    total = len(matrix.cells)
    mastered = sum(1 for c in matrix.cells.values() if c.mastered)
    answered = {c.word_id for c in matrix.cells.values() if c.answered}
    given = matrix.given
    return Summary(on_track, needs_help,
                   [f"{w.term} {w.struggling}/{w.students}" for w in hard],
                   not_started, inactive,
                   INACTIVE_SCHOOL_DAYS, hard, too_few, practice_only, len(given),
                   sum(1 for w in given if w.id not in answered), stalled,
                   reads_cards=reads_cards, mastered=mastered, opened=total, behind=behind,
                   no_new_word=no_new_word, nothing_yet=nothing_yet, just_joined=just_joined,
                   reviewing=sum(1 for c in matrix.cells.values()
                                 if c.state is MasteryState.REVIEWING),
                   practice_missed=practice_missed(matrix, labels, placeholder))


def practice_missed(matrix: ClassMatrix, labels: Mapping[int, str] | None,
                    placeholder: str) -> list[PracticeMissed]:
    """The students who missed practice answers today, in roster order, with the words."""
    terms = word_terms(matrix.given)
    found = []
    for student in matrix.students:
        today = matrix.practice_today.get(student.id)
        if today is None or not today.missed:
            continue
        name = labels[student.id] if labels else student_name(student, placeholder)
        found.append(PracticeMissed(name, today.missed, today.answers,
                                    [terms[w] for w in today.missed_words if w in terms]))
    return found


def starved_since(cells: Iterable[Cell], today: date | None, holidays: Collection[date],
                  tz: tzinfo | None = None) -> date | None:
    """The school day a student last got a new word, when that is NO_NEW_WORD_SCHOOL_DAYS
    school days or more before `today` (else None): the latest first showing of a card among
    the words she has met (a word answered before cards were recorded as shown: its first
    answer). Read from the cells /report holds already: no query."""
    newest = local_day(max((s for c in cells if (s := c.shown_at or c.first_seen)),
                           default=None), tz)
    if newest is None or today is None:
        return None
    return newest if school_days_between(newest, today, holidays) >= \
        NO_NEW_WORD_SCHOOL_DAYS else None


def cards_read(cells: Iterable[Cell], tz: tzinfo | None = None) -> tuple[int, date | None]:
    """How many of these words' cards were shown, and the school day the latest was first
    shown (None when no card was)."""
    shown = [c.shown_at for c in cells if c.shown]
    return len(shown), local_day(max((s for s in shown if s), default=None), tz)


def on_track_text(name: str, s: Summary, catalog: Catalog, lang: str) -> Markup:
    """One student on track, with the words given to them still unanswered, when any: "Ana
    (10 words not answered yet)"."""
    left = s.behind.get(name, 0)
    if not left:
        return escape(name)
    return catalog.render("report-on-track-behind", lang, name=name,
                          words=Counted("count-words", left))


def help_text(student: HelpNeeded, counted: Mapping[str, Markup] | None = None) -> Markup:
    """One student in "needs help": their name and hard words, each with its counts when
    `counted` has them ("Ana (ecosystem: correct 0 of 2 over 2 days)")."""
    words = ", ".join(counted[w] if counted and w in counted else escape(w)
                      for w in student.words)
    return Markup(f"{escape(student.name)} ({words})")


def _hardest_as_help(s: Summary) -> HelpNeeded | None:
    """The one student whose needs-help words are all the hardest words (a class of one, or
    only they have answered them): 🧗 then points up to 🆘, where their words get the counts,
    as the same list twice read as two findings (playtest, one student)."""
    if len(s.needs_help) != 1 or not s.hardest_words:
        return None
    student = s.needs_help[0]
    return student if {w.counts.term for w in s.hardest_words} <= set(student.words) else None


def summary_text(class_name: str, matrix: ClassMatrix, catalog: Catalog, lang: str,
                 today: date | None = None, holidays: Collection[date] = (),
                 names: StudentNames | None = None, class_id: int = 0,
                 tz: tzinfo | None = None) -> Markup:
    """The /report message: who is on track, needs help, reads cards only, has not started or
    stopped (dates in the school's time zone `tz`, as `today` is); each student named as the
    teacher tells them apart (`names`: the teacher's students, None: the class's alone), so two
    Anas read "Ana #1" and "Ana #2"."""
    s = summarise(matrix, placeholder=catalog.plain("name-placeholder", lang), today=today,
                  holidays=holidays, tz=tz,
                  labels=class_labels(matrix.students, catalog, lang, names, class_id))
    none = catalog.render("report-none", lang)
    hardest = Markup(", ".join(hard_word_text(w, catalog, lang) for w in s.hardest_words))
    alone, counted = _hardest_as_help(s), None
    if alone is not None:
        counted = {w.counts.term: word_text(w.counts, catalog, lang) for w in s.hardest_words}
        hardest = catalog.render("report-hardest-as-help", lang, name=alone.name)
    text = catalog.render(
        "report-summary", lang, class_name=label(class_name),
        students=Counted("count-students", len(matrix.students)),
        words=words_count(s, catalog, lang),
        on_track=Markup(", ".join(on_track_text(name, s, catalog, lang) for name in s.on_track))
        or none,
        needs_help=Markup("; ".join(help_text(h, counted) for h in s.needs_help)) or none,
        # "ninguna" (palabra), and what makes a word one: a word only one student of several
        # needs help with is not listed (teacher playtest: "none" beside "matter: correct 0
        # of 4"), so "none" says the rule
        hardest=hardest or catalog.render("report-none-hardest", lang))
    lines = [text]
    if s.nothing_yet:  # near the top: of every line, the one a teacher must act on first
        head, _, rest = str(text).partition("\n")
        lines = [Markup(head), nothing_yet_line(s.nothing_yet, catalog, lang), Markup(rest)]
    if s.opened:  # the denominator said in words: a share of what, added up how
        lines.append(catalog.render("report-mastered", lang, mastered=s.mastered,
                                    opened=s.opened))
        # why so few: the rule, and how many student-words wait for their deciding recall
        lines.append(catalog.render("report-mastered-rule", lang, reviewing=s.reviewing))
    listening = listening_line(matrix.cells.values(), catalog, lang)
    if listening is not None:
        lines.append(listening)
    spread = mastered_spread(matrix)
    if spread is not None:  # one strong student cannot make the class look good
        lines.append(catalog.render("report-mastered-students", lang, with_any=spread.with_any,
                                    students=spread.students, median=f"{spread.median:.0%}"))
    return cut(Markup("\n".join([*lines, *who_lines(s, catalog, lang)])))


def hard_word_text(word: HardWord, catalog: Catalog, lang: str) -> Markup:
    """"organism: correct 9 of 32 over 18 days (needs help: 2 of 4 students)"."""
    return catalog.render("report-hard-word", lang, students=word.students,
                          struggling=word.struggling, word=word_text(word.counts, catalog, lang))


def word_text(counts: WordTotal, catalog: Catalog, lang: str) -> Markup:
    """"organism: correct 9 of 32 over 18 days"."""
    return catalog.render("report-word", lang, term=counts.term, right=counts.right,
                          total=counts.total, days=counts.days)


@dataclass(frozen=True)
class MasteredSpread:
    """How mastery is spread over the class: the words mastered added up (one student's 17 of
    21 read "50% mastered" for a class where four of five had mastered 0-3: teacher playtest)
    hide it."""

    with_any: int   # students with at least one word mastered
    students: int   # every student in the class
    median: float   # the middle student's share of the words they met that are mastered


def mastered_spread(matrix: ClassMatrix) -> MasteredSpread | None:
    """Students with a mastered word, and the median student's share of their met words
    mastered (over students who met a word); None while no word is mastered (nothing to
    spread) or in a class of one."""
    met: dict[int, list[Cell]] = {}
    for cell in matrix.cells.values():
        met.setdefault(cell.student_id, []).append(cell)
    shares = [sum(c.mastered for c in cells) / len(cells) for cells in met.values()]
    with_any = sum(1 for share in shares if share)
    if not with_any or len(matrix.students) < 2:
        return None
    return MasteredSpread(with_any, len(matrix.students), median(shares))


def who_lines(s: Summary, catalog: Catalog, lang: str) -> list[Markup]:
    """The students the summary's first lines do not place, a line per reason: cards read and
    nothing answered, nothing opened, practice only, too few answers (with their counts),
    stalled, inactive (with the school day of their last answer, as /student writes days)."""
    lines = []
    if s.just_joined:
        lines.append(catalog.render("report-just-joined", lang, names=", ".join(s.just_joined)))
    if s.reads_cards:
        lines.append(catalog.render("report-reads-cards", lang, names=Markup(", ".join(
            reads_cards_text(r, catalog, lang) for r in s.reads_cards))))
    if s.practice_only:
        lines.append(catalog.render("report-practice-only", lang,
                                    names=", ".join(s.practice_only)))
    if s.practice_missed:  # counted nowhere, but what she missed on her first day matters
        lines.append(catalog.render("report-practice-today", lang, names=Markup("; ".join(
            catalog.render("report-practice-today-student", lang, name=p.name,
                           missed=p.missed, total=p.answers, terms=", ".join(p.words))
            for p in s.practice_missed))))
    if s.too_few:
        lines.append(catalog.render("report-too-few", lang, names=Markup(", ".join(
            catalog.render("report-too-few-student", lang, name=f.name, right=f.right,
                           total=f.total) for f in s.too_few))))
    if s.stalled:
        lines.append(catalog.render("report-stalled", lang, days=s.stalled_days,
                                    names=", ".join(s.stalled)))
    if s.no_new_word:  # still answering, only old words: a push would reach her
        lines.append(catalog.render("report-no-new-words", lang, days=s.no_new_word_days,
                                    names=Markup(", ".join(
                                        catalog.render("report-no-new-words-student", lang,
                                                       name=n.name,
                                                       date=push_views.day(catalog, lang,
                                                                           n.last))
                                        for n in s.no_new_word))))
    if s.inactive:
        lines.append(catalog.render("report-inactive", lang, days=s.inactive_days,
                                    names=Markup(", ".join(
                                        with_slowed(catalog.render(
                                            "report-inactive-student", lang, name=i.name,
                                            date=push_views.day(catalog, lang, i.last)),
                                            i.reminders_slowed, catalog, lang)
                                        for i in s.inactive))))
    return lines


def with_slowed(entry: Markup, reminders_slowed: bool, catalog: Catalog, lang: str) -> Markup:
    """A student's entry, then "🔕 ..." when their daily reminder has slowed down for going
    unanswered (reminder_backoff): the teacher knows Puente stopped nudging every day."""
    if not reminders_slowed:
        return entry
    return Markup(f"{entry} " + catalog.render("report-reminders-slowed", lang,
                                               count=DAILY_REMINDERS, days=EVERY_SCHOOL_DAYS))


def nothing_yet_line(students: list[NothingYet], catalog: Catalog, lang: str) -> Markup:
    """"🚫 Nothing done since joining (...): Minh (joined Mon 14 Sep, 7 school days ago)"."""
    entries = []
    for n in students:
        if n.joined is None:
            entry = escape(n.name)
        elif not n.days:
            entry = catalog.render("report-nothing-yet-today", lang, name=n.name)
        else:
            entry = catalog.render("report-nothing-yet-student", lang, name=n.name,
                                   date=push_views.day(catalog, lang, n.joined), days=n.days)
        entries.append(with_slowed(entry, n.reminders_slowed, catalog, lang))
    return catalog.render("report-nothing-yet", lang, names=Markup(", ".join(entries)))


def reads_cards_text(student: CardsRead, catalog: Catalog, lang: str) -> Markup:
    """"Mateo (13 cards, last Fri 25 Sep)": how many cards, and the day of the latest."""
    if student.last is None:
        return escape(student.name)
    return catalog.render("report-reads-cards-student", lang, name=student.name,
                          cards=Counted("count-cards", student.cards),
                          date=push_views.day(catalog, lang, student.last))


def words_count(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """The report's word count: every word given to the class, as the CSV lists them, and
    how many of them nobody has answered yet ("12 words (3 not answered by anyone yet)")."""
    words = Counted("count-words", s.words)
    if not s.untouched:
        return catalog.render(words.key, lang, count=words.count)
    return catalog.render("report-words-unanswered", lang, words=words, count=s.untouched)


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
    first = local_day(cell.first_seen or cell.last_seen, tz)
    last = local_day(cell.last_seen, tz)
    days = (last - first).days + 1 if first and last else 0
    missed: Markup | None = None  # needs help on one meaning answer: the misses it counted
    if cell.practice_only:  # answered the day its card was read: counted from the next
        counts = catalog.render("report-word-practice", lang, term=term)
    elif not cell.attempts:  # opened, never answered: the words /roster counts it under
        # ("Opened, not answered yet"), and no status after them: "· new" said it a third way
        unanswered = catalog.render("report-word-unanswered", lang, term=term)
        return Markup(f"{STATUS_MARKS[cell.status][0]} {unanswered}")
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
    status = catalog.render(STATUS_WORDS[cell.status], lang)
    if retired:
        status = Markup(f"{status} · " + catalog.render("word-retired", lang))
    elif back is not None and cell.state is MasteryState.REVIEWING:
        status = Markup(f"{status} · " + back_text(back, today, catalog, lang))
    return Markup(f"{STATUS_MARKS[cell.status][0]} {counts} · {status}")


def missed_counts(cell: Cell, term: str, catalog: Catalog, lang: str) -> Markup | None:
    """A word that needs help with one answer on its meaning: what its status counted, not
    "1 answer, too few to tell" beside "needs help" (a teacher playtest read "⚠️ organism: 1
    answer, too few to tell · 🔊 0 of 1 · needs help"). Its misses, meaning and listening
    apart, "organism: missed 2 of 2 (1 meaning, 1 listening)"; or, stuck with one miss
    counted (practice misses count in a row, in no total), "missed several times in a row".
    None for any other word: its own counts say it."""
    if cell.status is not WordStatus.NEEDS_HELP or not cell.meaning_attempts or \
            not too_few_answers(cell.meaning_attempts):
        return None
    missed = cell.attempts - cell.correct
    if missed < HELP_MISSES:
        return catalog.render("report-word-missed-row", lang, term=term)
    return catalog.render("report-word-missed", lang, term=term, missed=missed,
                          total=cell.attempts,
                          meaning=cell.meaning_attempts - cell.meaning_correct,
                          listening=cell.listened - cell.listened_right)


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
