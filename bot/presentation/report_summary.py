"""A class's summary for /report, before any wording: who is on track, needs help, has
only read cards, has not started or stopped, and the hardest words (with the counts behind
them); computed from the cells the report holds, with no query."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from statistics import median

from bot.domain.answer_kinds import AnswerKind, KindCount, to_check
from bot.domain.reminder_backoff import slowed
from bot.domain.school_days import school_days_between
from bot.domain.typed_skips import TypedSkips
from bot.domain.word_status import (
    STALLED_ANSWER_DAYS,
    WordStatus,
    error_rate,
    lucky_review,
    moves_on,
    stalled_student,
    too_few_answers,
)
from bot.presentation.report_names import local_day, student_name, word_terms
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
# A word is one of the class's hardest when this many students need help with it (or everyone
# who answered it): a word to teach a group again, not one student's (README, docs/reports.md)
HARD_FOR = 2


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
    student_id: int = 0  # whose cells give each word's counts, as /student gives them


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
    # Their practice answers (the day a card was read, "Practice again"): in no count, but
    # shown, so a student right 12 times of 13 in practice never reads as having done nothing
    # (teacher playtest: "Jean (1 of 1 right)", then "✅ On track: none")
    practice_right: int = 0
    practice_total: int = 0


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
class OpensChecks:
    """A student who opens checks and answers nothing, and the school day of the first check
    opened since their last answer: a usability problem to look at, not absence."""

    name: str
    since: date


@dataclass(frozen=True)
class Guessing:
    """A student whose answers looked like guessing in the recent window, and the school day
    they last did: a flag with no date outlived the behaviour (playtest)."""

    name: str
    last: date


@dataclass(frozen=True)
class KindsMissed:
    """A level 1-2 student who would read "On track" but mostly misses a kind of question the
    next level still asks (answer_kinds.to_check): "⚠️ Hodan (gap sentences 0/2)"."""

    name: str
    kinds: Mapping[AnswerKind, KindCount]


@dataclass(frozen=True)
class SkipsTyped:
    """A student who says "I don't know" at most questions to write the word (typed_skips):
    "🤷 Diego (🤷 6 of 6 questions to write, choices right 5 of 9)"."""

    name: str
    counts: TypedSkips


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
    # answered, all of it practice (their practice answers in `practice_right`/`_total`)
    practice_only: list[FewAnswers] = field(default_factory=list)
    words: int = 0        # every word given to the class: the CSV's words (ClassMatrix.given)
    untouched: int = 0    # of those, the words nobody has answered yet ("not started")
    # answered on STALLED_ANSWER_DAYS school days or more, no word in review or mastered
    stalled: list[str] = field(default_factory=list)
    stalled_days: int = STALLED_ANSWER_DAYS
    # of `stalled`, those with a word right on two days that was missed more often than right
    # (word_status.lucky_review): the line says so, as it reads "no word in review"
    stalled_lucky: frozenset[str] = frozenset()
    # of `stalled`, those right only on school days they re-read the word's card (4+ in the
    # recent window, never right without it: ClassMatrix.card_read_days), whose words may read
    # "reviewing": the line says why they are here
    stalled_reread: frozenset[str] = frozenset()
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
    # answering very fast, about as often right as chance on a day of the recent window
    # (guessing.guessing_last_seen, the daily alert's rule), with that day, in roster order:
    # the alert sends the teacher to them
    near_chance: list[Guessing] = field(default_factory=list)
    # opened checks on school days before today and answered none of them since, the latest
    # within INACTIVE_SCHOOL_DAYS: never named inactive nor "reads the cards, no check yet"
    opens_checks: list[OpensChecks] = field(default_factory=list)
    # would be on track, but a kind of question the next level asks is mostly missed
    kinds_missed: list[KindsMissed] = field(default_factory=list)
    # mostly 🤷 at questions to write the word, in roster order: her words stay under 🆘 (a
    # 🤷 is a miss), and this says what kind of misses they are
    skips_typed: list[SkipsTyped] = field(default_factory=list)


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
            if w.struggling >= HARD_FOR or 0 < w.struggling == w.students]
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
    lucky: set[str] = set()
    reread: set[str] = set()  # of `stalled`, right only after re-reading the cards
    opens_checks: list[OpensChecks] = []
    kinds_missed: list[KindsMissed] = []
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
        # a day her family excused (sick, not at school) is no school day for her
        off = matrix.off_days(student.id, holidays)
        quiet_off = matrix.quiet_off(student.id, holidays)  # and days with nothing to do
        name = labels[student.id] if labels else student_name(student, placeholder)
        quiet = slowed(matrix.reminders_ignored.get(student.id, 0))  # reminders ignored
        met = [c for c in by_student.get(student.id, []) if c.word_id in terms]
        practised = [c for c in met if c.answered]
        opened = opened_checks(matrix.checks_unanswered.get(student.id), today, off, tz)
        if opened is not None:
            opens_checks.append(OpensChecks(name, opened[0]))
            if not practised:  # opening a check is coming: not idle, not "no check yet"
                continue
        if not practised:  # "Not started" only for who has opened nothing (playtest: Mateo
            if met:        # read 13 cards over 5 days and read "Not started" every day)
                cards, read_last = cards_read(met, tz)
                checked = matrix.checks_unanswered.get(student.id)
                if checked is None:  # she opened a check: "no check yet" is false (a 🧩
                    # student gone quiet read it, re-playtest)
                    reads_cards.append(CardsRead(name, cards, read_last))
                seen = max((d for d in (read_last, checked and _day_of(checked[1], tz)) if d),
                           default=None)
                if seen and today and school_days_between(  # gone since: inactive too
                        seen, today, quiet_off) >= INACTIVE_SCHOOL_DAYS:
                    inactive.append(Inactive(name, seen, quiet))
            else:
                not_started.append(name)
                joined = local_day(student.joined_at, tz)
                days = school_days_between(joined, today, off) if joined and today else 0
                if joined and today and days < NOTHING_YET_GRACE:
                    just_joined.append(name)  # ten minutes in, "nothing done" is no news
                else:
                    nothing_yet.append(NothingYet(name, joined, days, quiet))
            continue
        answered = local_day(max((c.last_seen for c in practised if c.last_seen), default=None),
                             tz)
        # a new card read since her last answer is Puente used too: "💤 Inactive since Tue"
        # beside a family update counting Thursday's card read contradicted itself (playtest)
        checked = matrix.checks_unanswered.get(student.id)  # a check opened is a visit too
        last = max((d for d in (answered, cards_read(met, tz)[1],
                                checked and _day_of(checked[1], tz)) if d), default=None)
        idle = school_days_between(last, today, quiet_off) if last and today else 0
        weak = _most_wrong_first([_word_total(terms[c.word_id], [c], tz) for c in practised
                                  if c.status is WordStatus.NEEDS_HELP])
        if weak:
            needs_help.append(HelpNeeded(name, [w.term for w in weak], student.id))
        starved: date | None = None
        if idle >= INACTIVE_SCHOOL_DAYS and last is not None:
            inactive.append(Inactive(name, last, quiet))
        elif not weak and not matrix.unopened.get(student.id):  # unopened: new words she has;
            # under 🆘 she needs help with these words, not a push of more
            starved = starved_since(met, today, off, tz)
            if starved is not None:
                no_new_word.append(NoNewWord(name, starved))
        if idle >= INACTIVE_SCHOOL_DAYS and last is not None:
            pass  # inactive says it: no other line for her
        elif weak:  # under 🆘 alone: On track is "no line below applies" (/report help),
            continue  # and a newcomer moving words on read under ✅ and 🆘 at once (playtest)
        elif all(c.practice_only for c in practised):  # the evening of the day she read them
            practice_only.append(_few(name, practised))
        elif all(too_few_answers(c.attempts) for c in practised):
            too_few.append(_few(name, practised))
        elif stalled_student(matrix.answer_days.get(student.id, 0),
                             any(moves_on(c.state, c.correct, c.attempts) for c in met)):
            stalled.append(name)
            if any(lucky_review(c.state, c.correct, c.attempts) for c in met):
                lucky.add(name)
        elif stalled_student(matrix.card_read_days.get(student.id, 0), False):
            # right only on days she re-read the word's card, on 4+ of them: her words read
            # "reviewing", but nothing shows she recalls one without it (teacher playtest,
            # Minh: /words before every check, missed whenever the card was not on screen)
            stalled.append(name)
            reread.add(name)
        elif (opened is not None or student.id in matrix.near_chance
              or starved is not None
              or _missed_practice_today(matrix, student.id)
              or _skips_typed(matrix, student.id)):
            pass  # stuck on how to answer (🧩), tapping without reading (⏱️), no new word
            # (🆕), practice missed today (✏️) or 🤷 at most questions to write: that line
            # names her, and On track is "no line below applies" (playtest: Widlene in ✅,
            # 🆘 and ⏱️ in one report)
        elif missed := to_check(matrix.kinds.get(student.id, {}), student.taught):
            # her words look fine because the easy kinds carry them (Hodan: 4 of 4 choices,
            # 0 of 2 gap sentences read ✅): "⚠️ check" instead, with the kinds missed
            kinds_missed.append(KindsMissed(name, missed))
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
                   # the words /student calls "reviewing" (a guesser's lucky last two days
                   # are learning there, and not counted as waiting for a recall here)
                   reviewing=sum(1 for c in matrix.cells.values()
                                 if c.status is WordStatus.REVIEWING),
                   practice_missed=practice_missed(matrix, labels, placeholder),
                   near_chance=[Guessing(labels[r.id] if labels else student_name(r, placeholder),
                                         _day_of(matrix.near_chance[r.id], tz))
                                for r in matrix.students if r.id in matrix.near_chance],
                   opens_checks=opens_checks, stalled_lucky=frozenset(lucky),
                   stalled_reread=frozenset(reread),
                   kinds_missed=kinds_missed,
                   skips_typed=[SkipsTyped(labels[r.id] if labels
                                           else student_name(r, placeholder),
                                           matrix.typed[r.id])
                                for r in matrix.students if _skips_typed(matrix, r.id)])


def _skips_typed(matrix: ClassMatrix, student_id: int) -> bool:
    """Whether the student says "I don't know" at most questions to write the word."""
    counts = matrix.typed.get(student_id)
    return counts is not None and counts.skips_typed


def opened_checks(opened: tuple[datetime, datetime] | None, today: date | None,
                   holidays: Collection[date], tz: tzinfo | None) -> tuple[date, date] | None:
    """The school days of the first and the last check a student opened since their last
    answer, when the first came before today (a check opened this morning may be answered
    tonight) and the last within INACTIVE_SCHOOL_DAYS (one who stopped coming is inactive)."""
    if opened is None or today is None:
        return None
    first, last = (_day_of(moment, tz) for moment in opened)
    if first >= today or school_days_between(last, today, holidays) >= INACTIVE_SCHOOL_DAYS:
        return None
    return first, last


def _day_of(moment: datetime, tz: tzinfo | None) -> date:
    """The school's day of an aware moment (the UTC day when no zone is given)."""
    return moment.astimezone(tz or UTC).date()


def _few(name: str, cells: list[Cell]) -> FewAnswers:
    """A student's counted answers and, apart, their practice answers, added up."""
    return FewAnswers(name, sum(c.correct for c in cells), sum(c.attempts for c in cells),
                      sum(c.practised_right for c in cells), sum(c.practised for c in cells))


def _missed_practice_today(matrix: ClassMatrix, student_id: int) -> bool:
    """Whether the "✏️ Practice today" line names this student (practice_missed's rule)."""
    today = matrix.practice_today.get(student_id)
    return today is not None and bool(today.missed)


def practice_missed(matrix: ClassMatrix, labels: Mapping[int, str] | None,
                    placeholder: str) -> list[PracticeMissed]:
    """The students who missed practice answers today, in roster order, with the words."""
    terms = word_terms(matrix.given)
    found = []
    for student in matrix.students:
        today = matrix.practice_today.get(student.id)
        if not _missed_practice_today(matrix, student.id):
            continue
        today = matrix.practice_today[student.id]
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
