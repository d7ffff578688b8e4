"""Read-only queries behind the teacher reports; they read running totals, never all attempts."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlite_utils import Database

from bot.domain.answer_kinds import AnswerKind, KindCount, shows_kinds
from bot.domain.guessing import (
    GUESS_RECENT_ANSWERS,
    GUESS_WINDOW,
    guessing_last_seen,
    looks_like_guessing,
    recent_start,
)
from bot.domain.mastery import MasteryState, mastery_state, met, school_date
from bot.domain.overrule import ACCEPTED_BIT, CARD_READ_BIT, Graded
from bot.domain.school_days import is_school_day, school_days_from
from bot.domain.typed_skips import TypedSkips
from bot.domain.word_status import (
    STALLED_ANSWER_DAYS,
    WordStatus,
    is_stuck,
    moves_on,
    right_in_practice,
    shown_estimate,
    struggles,
    word_status,
)
from bot.store import alerts, excused, reminder_log, rest_days
from bot.store.answer_kinds import answers_by_kind, typed_skips
from bot.store.class_words import CLASS_WORDS, scope
from bot.store.clock import parse, stamp
from bot.store.people import PLACEMENT, ROSTER_ORDER, TAUGHT_LEVEL
from bot.store.study import COUNTED_ANSWERS, COUNTED_RIGHT, SEEN_AS_TILES


@dataclass(frozen=True)
class Cell:
    student_id: int
    word_id: int
    p_known: float
    mastered: bool
    attempts: int                  # graded answers a teacher counts: never "Practice again"
    correct: int                   # right ones among them
    last_seen: str | None
    misses_in_row: int
    first_seen: str | None = None  # first counted answer: "correct N of M over D days"
    days_right: int = 0            # local days right since the last miss
    listened: int = 0              # listening answers ("hear the word, choose it"), in attempts
    listened_right: int = 0        # right ones among them, in correct
    shown: bool = True             # its card was shown (else met only if answered)
    practised: int = 0             # practice answers, counted in no total above
    shown_at: str | None = None    # when its card was first shown (UTC, as stored)
    luck: float = 1.0              # chance of the right answers since the last miss by guessing
    practised_right: int = 0       # right ones among `practised`
    near_chance: bool = False      # the student's latest answers look like guessing now
    teacher_counted: int = 0       # typed misses a teacher counted as right (overrule.py)
    mastered_at: str | None = None  # when it was mastered (UTC, as stored)
    success_days: tuple[str, ...] = ()  # local days right since the last miss (ISO, sorted)
    # how the answer that mastered it was graded (attempts.grading: None, not mastered or
    # graded before Puente kept it): typed, spelled with letter tiles, or chosen
    mastered_grading: int | None = None
    # typed answers right only because a teacher accepted their text for the word in the
    # class (overrule.Graded.accepted): a teacher's judgement, not Puente's grading
    teacher_accepted: int = 0
    # a mastered word's counted misses after the first right answer of its run and before it
    # was mastered (UTC, as stored): a missed spelling on its deciding review keeps the days
    # right (mastery.record_answer), so /student names the day it was missed
    missed_in_run: tuple[str, ...] = ()
    # every miss mastery counts, practice included (WordMastery.misses): the luck rule's count
    misses: int = 0
    # counted answers on letter tiles (spelled with them, or 🤷 over them: study.
    # SEEN_AS_TILES), in attempts, and right ones among them: a tile miss is a tile miss in
    # its word's line as in the kinds line
    tiled: int = 0
    tiled_right: int = 0
    # counted misses on its meaning (in `meaning_attempts`: never practice nor listening)
    # that were "I don't know": 🤷, or a typed "no sé" (attempts.dont_know; answers before
    # Puente kept it count as none)
    dont_know: int = 0
    # counted listening misses (in `listened`) that were 🤷: the word's line counts them with
    # the others, as a 🤷 a teacher reads; apart from `dont_know`, which is of its meaning
    listened_dont_know: int = 0

    @property
    def state(self) -> MasteryState:
        return mastery_state(self.mastered, self.days_right, self.answered)

    @property
    def answered(self) -> bool:
        """Any graded answer, practice included (the word is no longer new)."""
        return self.attempts + self.practised > 0

    @property
    def meaning_attempts(self) -> int:
        """Counted answers on the word's meaning: listening answers (recognition of the spoken
        word, not its meaning) are counted apart, in `listened`."""
        return self.attempts - self.listened

    @property
    def meaning_correct(self) -> int:
        """Right ones among `meaning_attempts`."""
        return self.correct - self.listened_right

    @property
    def practice_only(self) -> bool:
        """Answered, but every answer was practice (its card read that day, say): nothing a
        teacher's count includes yet."""
        return self.practised > 0 and not self.attempts

    @property
    def estimate(self) -> float:
        """The knowledge estimate a teacher sees (CSV, heatmap): never above the answers on
        its meaning that beat guessing, unless mastered (shown_estimate). Listening answers
        are recognition of the spoken word: a right one lifts no estimate (a guesser's "correct
        1 of 5 · 🔊 1 of 1" read 0.88, green). A student whose answers look like guessing
        now (`near_chance`) gets no credit for a lucky run: the bound holds on every word she
        has not mastered."""
        return shown_estimate(self.p_known, self.meaning_correct, self.meaning_attempts,
                              self.mastered, self.luck, self.days_right, self.near_chance)

    def mastery_evidence(self, tz: tzinfo | None) -> tuple[date, ...]:
        """The school days a mastered word was right on, up to the day it was mastered (the
        last of them, the recall that mastered it): what "mastered" rests on. None for a word
        not mastered (or mastered before the days were kept)."""
        if self.mastered_at is None:
            return ()
        mastered = _day(self.mastered_at, tz or UTC)
        return tuple(d for d in map(date.fromisoformat, self.success_days) if d <= mastered)

    def missed_writing(self, tz: tzinfo | None) -> tuple[date, ...]:
        """The study days a mastered word's writing was missed between its days right (its
        deciding review, typed or spelled with tiles, missed: the days stand), oldest first."""
        return tuple(sorted({school_date(parse(at), tz or UTC) for at in self.missed_in_run}))

    @property
    def mastered_by(self) -> Graded | None:
        """How the recall that mastered the word was graded (None: not mastered, or mastered
        before Puente kept it): typed, spelled with letter tiles, or the word chosen."""
        if not self.mastered or self.mastered_grading is None:
            return None
        return Graded.from_bits(self.mastered_grading)

    @property
    def status(self) -> WordStatus:
        """What every teacher view says of the word: /report, /student and the CSV."""
        return word_status(self.state, self.correct, self.attempts, self.misses_in_row,
                           self.practised_right)

    @property
    def right_in_practice(self) -> bool:
        """Its counted answers alone would say "needs help", but it was right in practice as
        often as it was missed (word_status.right_in_practice): the line says so."""
        return (not self.mastered and not is_stuck(self.misses_in_row)
                and struggles(self.state, self.correct, self.attempts)
                and right_in_practice(self.attempts - self.correct, self.practised_right))


@dataclass(frozen=True)
class StudentRow:
    id: int
    first_name: str
    language: str | None
    level: int | None
    level_source: str | None = None
    number: int = 0  # enrollments.roster_no: the number /roster shows and the commands take
    joined_at: str | None = None  # when they joined this class (UTC, as stored)
    taught: int | None = None  # the level they are taught at (people.TAUGHT_LEVEL)
    taught_by_teacher: bool = False

    @property
    def self_placed(self) -> bool:
        """The level is the student's self-placement, not yet confirmed by a teacher."""
        return self.level is not None and self.level_source == PLACEMENT


@dataclass(frozen=True)
class WordColumn:
    id: int
    term: str
    pack_id: str
    position: int = 0  # its place in the pack: reports list words in pack order
    retired: bool = False  # left out of its pack's latest version: kept for who learned it


@dataclass(frozen=True)
class PracticeToday:
    """A student's practice answers on the class's words today (an answer on the day the
    word's card was first read, "Practice again", the answer alone left): evidence for no
    count, but a teacher wants to know what a child missed on her first day."""

    answers: int
    missed_words: tuple[int, ...]  # word ids missed, in the order first missed
    missed: int = 0                # misses (a word missed twice counts twice)


@dataclass(frozen=True)
class ClassMatrix:
    students: list[StudentRow]
    words: list[WordColumn]          # the words some student has met, in pack order
    cells: dict[tuple[int, int], Cell]  # (student, word) met: its card shown, or answered
    # Words given (pushed, or unlocked by a preview) whose cards a student has not opened:
    # student id -> words in pack order. Not met, so no view counts them, but a teacher
    # must tell "not opened yet" from "never sent".
    unopened: dict[int, list[WordColumn]] = field(default_factory=dict)
    # Student id -> the school days they answered a check on, counted up to
    # STALLED_ANSWER_DAYS, for the students who may be stalled alone (no word in review or
    # mastered, answers spread over that many school days): /report's "🐢 Stalled".
    answer_days: dict[int, int] = field(default_factory=dict)
    # Student id -> daily reminders sent since their last answer or card read (reminder_log),
    # for the students who have any: /report says whose reminders slowed down.
    reminders_ignored: dict[int, int] = field(default_factory=dict)
    # Student id -> today's practice answers (the school's day), for students with any:
    # /report's "✏️ Practice today" names the misses, which no count includes
    practice_today: dict[int, PracticeToday] = field(default_factory=dict)
    # student id -> when their answers last looked like guessing (the recent window's signal,
    # guessing.guessing_last_seen): /report's ⏱️ line, the heatmap's clock, the CSV's column
    near_chance: Mapping[int, datetime] = field(default_factory=dict)
    # student id -> (first, last) check opened since their last answer (none: they answered
    # every check they opened), at `now` only: /report's "opens checks but does not answer"
    checks_unanswered: Mapping[int, tuple[datetime, datetime]] = field(default_factory=dict)
    # student id -> the days their family excused (sick, not at school), for those with any:
    # no school day for that student in any count /report makes (💤, 🐢, 🆕, "nothing yet")
    excused: Mapping[int, frozenset[date]] = field(default_factory=dict)
    # student id -> counted answers by kind of question, for students taught at levels 1-2
    # with any (answer_kinds): the easy kinds must not hide a kind she keeps missing
    kinds: Mapping[int, Mapping[AnswerKind, KindCount]] = field(default_factory=dict)
    # student id -> her counted answers to write the word and the 🤷 among them, with her
    # choices, for students with a 🤷 at one (typed_skips): "🤷 at most questions to write"
    typed: Mapping[int, TypedSkips] = field(default_factory=dict)
    # student id -> the school days they had nothing to do (no word ready, no card waiting:
    # store.rest_days), for those with any: no day of silence for "💤 Inactive"
    resting: Mapping[int, frozenset[date]] = field(default_factory=dict)
    # student id -> the school days of the recent window (guessing.recent_start) she was right
    # on, for those whose every counted right answer there came on a day she had re-read that
    # word's card (overrule.Graded.card_read): right only with the card on screen
    card_read_days: Mapping[int, int] = field(default_factory=dict)

    def off_days(self, student_id: int, holidays: Collection[date]) -> frozenset[date]:
        """The days that are no school day for this student: holidays, and her excused days."""
        return frozenset(holidays) | self.excused.get(student_id, frozenset())

    def quiet_off(self, student_id: int, holidays: Collection[date]) -> frozenset[date]:
        """The days that count in no silence of hers: off_days, and the school days she had
        nothing to do ("💤 Inactive" after three days of "✅ All done for now" was false)."""
        return self.off_days(student_id, holidays) | self.resting.get(student_id, frozenset())

    @property
    def given(self) -> list[WordColumn]:
        """Every word some student has met or been given, in pack order (the CSV's rows)."""
        every = {w.id: w for w in self.words}
        for words in self.unopened.values():
            every.update((w.id, w) for w in words if w.id not in every)
        return sorted(every.values(), key=lambda w: (w.pack_id, w.position))


def class_matrix(db: Database, class_id: int, words_of: Collection[int] = (),
                 tz: tzinfo | None = None, holidays: Collection[date] = (),
                 now: datetime | None = None,
                 lately: tuple[datetime, tzinfo] | None = None) -> ClassMatrix:
    """Students x words of one class with mastery and answer totals (COUNTED_ANSWERS: practice
    is no evidence, so no teacher's view counts it; `practised` keeps how many), over the words
    each student has met (their card shown, or answered), and the words given to each student that
    they have not opened. Only the class's own words count (its pack's and those pushed to
    it), or those of the classes `words_of` names: never a word from another class. With the
    school's time zone `tz` (and `holidays`), the school days each student who may be stalled
    answered on (`answer_days`); at `now`, the reminders each student left unanswered.
    `lately` (by default `now` and `tz`): the moment and zone the recent window of the
    guessing signal (`near_chance`) is read at; with neither, the latest answers are."""
    students = [StudentRow(*r[:-1], bool(r[-1])) for r in db.execute(
        "SELECT s.id, s.first_name, s.language, e.wida_level, e.level_source, e.roster_no, "
        f"e.joined_at, {TAUGHT_LEVEL} "
        "FROM enrollments e JOIN students s ON s.id = e.student_id WHERE e.class_id = ? "
        f"ORDER BY {ROSTER_ORDER}", [class_id]).fetchall()]  # as /roster lists them
    rows = db.execute(
        f"WITH {CLASS_WORDS} "
        "SELECT m.student_id, m.word_id, m.p_known, m.mastered_at IS NOT NULL, "
        f"{COUNTED_ANSWERS}, {COUNTED_RIGHT}, m.last_seen, m.misses_in_row, m.first_seen, "
        "json_array_length(m.success_days), m.listened, m.listened_right, "
        "m.shown_at IS NOT NULL, m.practised, m.shown_at, m.luck, m.practised_right, "
        "m.counted_by_teacher, m.mastered_at, m.success_days, "
        # the answer that mastered it, stamped as mastered_at (idx_attempts_student_word: one
        # index seek a mastered word, none for the others)
        "CASE WHEN m.mastered_at IS NOT NULL THEN (SELECT a.grading FROM attempts a "
        "WHERE a.student_id = m.student_id AND a.word_id = m.word_id "
        "AND a.answered_at = m.mastered_at ORDER BY a.id DESC LIMIT 1) END, "
        # its answers a teacher's acceptance made right, and its counted answers on letter
        # tiles (spelled with them, or 🤷 over them: as the kinds line counts them) and right
        # ones among them: one index seek a word, as the acceptances alone took
        "(SELECT json_array(count(CASE WHEN a.correct = 1 AND coalesce(a.grading, 0) "
        f"& {ACCEPTED_BIT} THEN 1 END), count(CASE WHEN a.practice = 0 AND "
        f"coalesce(a.grading, 0) & {SEEN_AS_TILES} THEN 1 END), count(CASE WHEN "
        f"a.practice = 0 AND a.correct = 1 AND coalesce(a.grading, 0) & {SEEN_AS_TILES} "
        "THEN 1 END), "
        # ... and its counted misses that were 🤷, on its meaning and at listening apart
        # (as `meaning_attempts` and `listened` count them), in the same seek
        "count(CASE WHEN a.dont_know = 1 AND a.practice = 0 AND a.item_type != 'listen' "
        "THEN 1 END), count(CASE WHEN a.dont_know = 1 AND a.practice = 0 "
        "AND a.item_type = 'listen' THEN 1 END)) "
        "FROM attempts a WHERE a.student_id = m.student_id AND a.word_id = m.word_id), "
        # a mastered word's misses inside its run of days right (a missed spelling on its
        # deciding review keeps them): one index seek a mastered word, as above
        "CASE WHEN m.mastered_at IS NOT NULL THEN (SELECT json_group_array(a.answered_at) "
        "FROM attempts a WHERE a.student_id = m.student_id AND a.word_id = m.word_id "
        "AND a.correct = 0 AND a.practice = 0 AND a.answered_at > m.first_correct_at "
        "AND a.answered_at < m.mastered_at) END, "
        "m.attempts - m.correct "  # mastery's misses (its luck rule counts a try after each)
        "FROM enrollments e "
        "JOIN mastery m ON m.student_id = e.student_id WHERE e.class_id = :class_id "
        "AND m.word_id IN (SELECT word_id FROM class_words)",
        {"class_id": class_id, **scope(words_of or [class_id])}).fetchall()
    if lately is None and now is not None:
        lately = (now, tz or UTC)
    near_chance = _near_chance(db, {r[0] for r in rows if r[4]}, lately, holidays)
    every = [_cell(r, near_chance) for r in rows]
    cells = {(c.student_id, c.word_id): c for c in every if met(c.shown, c.state)}
    words = _word_columns(db, {c.word_id for c in every})
    unread: dict[int, list[int]] = {}  # word id -> students given it, its card unopened
    for c in every:
        if (c.student_id, c.word_id) not in cells:
            unread.setdefault(c.word_id, []).append(c.student_id)
    unopened: dict[int, list[WordColumn]] = {}
    for word in words:  # in pack order; a retired word is no longer shown: none waits
        for student_id in unread.get(word.id, []) if not word.retired else ():
            unopened.setdefault(student_id, []).append(word)
    met_ids = {w for _, w in cells}
    excused_days = excused.days_of_many(db, [s.id for s in students])
    days = _answer_days(db, cells.values(), tz, holidays, excused_days) \
        if tz is not None else {}
    ignored = reminder_log.unanswered_counts(db, [s.id for s in students], now) \
        if now is not None else {}
    practice = _practice_today(db, class_id, words_of, now, tz) \
        if now is not None and tz is not None else {}
    opened = _checks_unanswered(db, [s.id for s in students]) if now is not None else {}
    kinds = answers_by_kind(db, [s.id for s in students if shows_kinds(s.taught)],
                            words_of or [class_id])
    typed = typed_skips(db, [s.id for s in students], words_of or [class_id])
    resting = rest_days.days_of_many(db, [s.id for s in students], tz) \
        if tz is not None else {}
    # /report's (now and tz): /student reads no student's status line
    reread = _right_only_after_rereading(db, class_id, words_of, (now, tz), holidays) \
        if now is not None and tz is not None else {}
    return ClassMatrix(students, [w for w in words if w.id in met_ids], cells, unopened, days,
                       ignored, practice, near_chance, opened, excused_days, kinds, typed,
                       resting, reread)


def _cell(r: tuple, near_chance: Mapping[int, datetime]) -> Cell:
    """A class_matrix row as its Cell."""
    accepted, tiled, tiled_right, dont_know, listened_dont_know = json.loads(r[21])
    return Cell(r[0], r[1], r[2], bool(r[3]), *r[4:12], bool(r[12]), *r[13:17],
                near_chance=r[0] in near_chance, teacher_counted=r[17], mastered_at=r[18],
                success_days=tuple(sorted(json.loads(r[19] or "[]"))),
                mastered_grading=r[20], teacher_accepted=accepted,
                missed_in_run=tuple(json.loads(r[22] or "[]")), misses=r[23],
                tiled=tiled, tiled_right=tiled_right, dont_know=dont_know,
                listened_dont_know=listened_dont_know)


def _checks_unanswered(db: Database, student_ids: Collection[int]
                       ) -> dict[int, tuple[datetime, datetime]]:
    """For each student who opened a check after their last answer (never answered: after
    nothing), the first and the last such check's start: one query for the class. Opening a
    check is coming to Puente: a student who sends /check every day and answers nothing (a
    Listen button, a typed question with only 🤷 under it) read "💤 Inactive" (playtest)."""
    if not student_ids:
        return {}
    rows = db.execute(
        "SELECT c.student_id, min(c.created_at), max(c.created_at) FROM check_items c "
        "WHERE c.student_id IN (SELECT value FROM json_each(?)) AND c.created_at > "
        "coalesce((SELECT max(a.answered_at) FROM check_items a WHERE a.student_id = "
        "c.student_id AND a.correct IS NOT NULL), '') GROUP BY c.student_id",
        [json.dumps(sorted(student_ids))]).fetchall()
    return {r[0]: (parse(r[1]), parse(r[2])) for r in rows}


def _near_chance(db: Database, student_ids: Collection[int],
                 lately: tuple[datetime, tzinfo] | None, holidays: Collection[date]
                 ) -> dict[int, datetime]:
    """The students (of those with counted answers) whose answers looked like guessing on a
    day of the recent window, the daily alert's own read, with when they last did (without
    `lately`: their latest GUESS_WINDOW answers, now): one query for the class (tests/handlers/
    test_report_cost.py), not one per student."""
    if not student_ids:
        return {}
    if lately is None:
        timed = alerts.timed_answers_of(db, student_ids, GUESS_WINDOW)
        return {s: answers[0].at for s, answers in timed.items()
                if looks_like_guessing(answers) and answers[0].at is not None}
    now, tz = lately
    timed = alerts.timed_answers_of(db, student_ids, GUESS_RECENT_ANSWERS,
                                    recent_start(now, tz, holidays))
    seen = {s: guessing_last_seen(answers, tz) for s, answers in timed.items()}
    return {s: at for s, at in seen.items() if at is not None}


def _practice_today(db: Database, class_id: int, words_of: Collection[int], now: datetime,
                    tz: tzinfo) -> dict[int, PracticeToday]:
    """Each student's practice answers on the class's words since the school's midnight
    (idx_attempts_student_time: today's answers only, never a student's history)."""
    midnight = datetime.combine(now.astimezone(tz).date(), time(), tz)
    rows = db.execute(
        f"WITH {CLASS_WORDS} SELECT a.student_id, a.word_id, a.correct FROM enrollments e "
        "JOIN attempts a ON a.student_id = e.student_id WHERE e.class_id = :class_id "
        "AND a.answered_at >= :since AND a.practice = 1 "
        "AND a.word_id IN (SELECT word_id FROM class_words) ORDER BY a.answered_at, a.id",
        {"class_id": class_id, "since": stamp(midnight),
         **scope(words_of or [class_id])}).fetchall()
    answers: dict[int, int] = {}
    missed: dict[int, dict[int, int]] = {}  # student -> word -> misses, in order first missed
    for student_id, word_id, correct in rows:
        answers[student_id] = answers.get(student_id, 0) + 1
        if not correct:
            words = missed.setdefault(student_id, {})
            words[word_id] = words.get(word_id, 0) + 1
    return {s: PracticeToday(n, tuple(missed.get(s, {})), sum(missed.get(s, {}).values()))
            for s, n in answers.items()}


def _right_only_after_rereading(db: Database, class_id: int, words_of: Collection[int],
                                lately: tuple[datetime, tzinfo], holidays: Collection[date]
                                ) -> dict[int, int]:
    """For each student whose counted right answers on the class's words in the recent window
    all came on a school day she had re-read that word's card (/words, its pages, 🔁), the
    school days she was right on. Teacher playtest (Minh, level 3): right at once after /words
    before every check, missed whenever the card was not on screen, read "✅ On track". One
    query for the class: a student right once without the card is out at that answer (an index
    seek that stops there, idx_attempts_student_time), and only the others' right answers in
    the window are read: never every right answer of a busy class (bench/report_query.py)."""
    now, tz = lately
    counted_right = ("a.answered_at >= :since AND a.practice = 0 AND a.correct = 1 "
                     "AND a.word_id IN (SELECT word_id FROM class_words)")
    rows = db.execute(
        f"WITH {CLASS_WORDS}, with_card AS (SELECT e.student_id FROM enrollments e "
        "WHERE e.class_id = :class_id AND NOT EXISTS (SELECT 1 FROM attempts a WHERE "
        f"a.student_id = e.student_id AND {counted_right} "
        f"AND coalesce(a.grading, 0) & {CARD_READ_BIT} = 0)) "
        "SELECT a.student_id, a.answered_at FROM with_card w "
        f"JOIN attempts a ON a.student_id = w.student_id WHERE {counted_right}",
        {"class_id": class_id, "since": stamp(recent_start(now, tz, holidays)),
         **scope(words_of or [class_id])}).fetchall()
    days: dict[int, set[date]] = {}
    for student_id, at in rows:
        if is_school_day(day := _day(at, tz), holidays):
            days.setdefault(student_id, set()).add(day)
    return {s: len(d) for s, d in days.items()}


def _answer_days(db: Database, cells: Collection[Cell], tz: tzinfo,
                 holidays: Collection[date],
                 excused_days: Mapping[int, frozenset[date]] | None = None,
                 enough: int = STALLED_ANSWER_DAYS) -> dict[int, int]:
    """The school days (in `tz`) each student with no word in review or mastered answered a
    check on (practice too: they answered that day), counted up to `enough`. Only students
    whose answers span `enough` school days are read from the attempts, and each only until
    `enough` days are found: /report stays quick on a class of a million answers."""
    # as /report's stalled rule reads a word (moves_on): a guesser's lucky review is no move
    moved = {c.student_id for c in cells if moves_on(c.state, c.correct, c.attempts)}
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    for c in cells:  # the whole class's cells: kept to plain comparisons of stored stamps
        if c.student_id in moved or not c.last_seen:  # last_seen: the latest answer
            continue
        # no answer comes before the word's card was shown (an answer marks it shown)
        start = min(c.shown_at or c.last_seen, c.first_seen or c.last_seen, c.last_seen)
        if start < first.get(c.student_id, "~"):
            first[c.student_id] = start
        if c.last_seen > last.get(c.student_id, ""):
            last[c.student_id] = c.last_seen
    days = {}
    for student_id, start in first.items():
        off = frozenset(holidays) | (excused_days or {}).get(student_id, frozenset())
        span = school_days_from(_day(start, tz), _day(last[student_id], tz), off)
        if len(span) >= enough:
            days[student_id] = _days_answered(db, student_id, tz, off, enough)
    return days


def _days_answered(db: Database, student_id: int, tz: tzinfo, holidays: Collection[date],
                   enough: int) -> int:
    """The school days a student answered on, up to `enough`: one lookup a day answered on,
    each the first answer from the start of the day after the last found (idx_attempts_
    student_time: an index seek, never a read of all her answers), turned into the school's
    day."""
    seen: set[date] = set()
    after = ""  # stored stamps are UTC ISO text: they sort as time does
    while len(seen) < enough:
        row = db.execute("SELECT answered_at FROM attempts WHERE student_id = ? "
                         "AND answered_at >= ? ORDER BY answered_at LIMIT 1",
                         [student_id, after]).fetchone()
        if row is None:
            break
        day = _day(row[0], tz)
        if is_school_day(day, holidays):
            seen.add(day)
        after = stamp(datetime.combine(day + timedelta(days=1), time(), tz))
    return len(seen)


def _day(stamp: str, tz: tzinfo) -> date:
    """The school's day of a stored UTC time."""
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC).astimezone(tz).date()


def _word_columns(db: Database, word_ids: set[int]) -> list[WordColumn]:
    """Some words as report columns, in pack order."""
    if not word_ids:
        return []
    marks = ",".join("?" * len(word_ids))
    return [WordColumn(*r[:4], bool(r[4])) for r in db.execute(
        f"SELECT id, term, pack_id, position, retired_at IS NOT NULL FROM words "
        f"WHERE id IN ({marks}) "
        "ORDER BY pack_id, position", sorted(word_ids)).fetchall()]
