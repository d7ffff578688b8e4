"""A teacher counts a typed answer Puente marked wrong as right: the recent typed misses
/student lists, the count itself (the word's mastery folded again, the student told, the
other teachers of the class told), and, only when the teacher chooses it apart, the answer
accepted for the word in the class from then on, listed for the class with a ↩️ to withdraw
it (bot/domain/overrule.py, docs/reports.md, docs/typed-grading.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.overrule import (
    KEEP,
    KEEP_DAYS,
    SHOWN_MISSES,
    UNDO_WITHIN,
    KeptAnswer,
    answer_key,
    fold_again,
    from_snapshot,
    may_accept_for_class,
    plausible,
)
from bot.domain.typed_answers import own_terms
from bot.services import coteachers, teaching
from bot.services.pushes import next_allowed
from bot.store import outbox, people, typed_misses
from bot.store.packs import pack_words, words_by_id

COUNTED_NOTE = "counted-right"  # the outbox kind of the note telling a student


class OverruleGoneError(PuenteError):
    """A ✅ that changes nothing: a forged or old button, an answer whose text retention
    erased, or a student no longer in the tapping teacher's classes."""

    prompt_key = "overrule-gone"
    after = "remove-kept"  # "Nothing changed."


class AcceptedGoneError(PuenteError):
    """A ↩️ under a class's accepted answers that changes nothing: withdrawn already, a
    forged or old button, or a class that is not the tapping teacher's."""

    prompt_key = "accepted-gone"


class UndoTooLateError(PuenteError):
    """↩️ Undo after the count's notes went out (overrule.UNDO_WITHIN): it stands."""

    prompt_key = "overrule-undo-late"


class CountedAlreadyError(PuenteError):
    """The answer was counted as right already (one count an answer: a second tap)."""

    prompt_key = "overrule-already"


@dataclass(frozen=True)
class MissLine:
    """One recent typed miss as /student lists it."""

    attempt_id: int
    term: str
    typed: str
    answered_at: datetime
    counted: bool  # a teacher counted it as right
    tiles: bool = False  # spelled with letter tiles, not typed (the teacher is told which)
    plausible: bool = True  # near the word, its gloss, or English words: ✅ Count as right
    practice: bool = False  # practice (its card read that day, "Practice again"): never counted
    other_language: bool = False  # the meaning in another language ("matière"): no ✅


@dataclass(frozen=True)
class MissPage:
    """A page of a student's recent typed misses: the lines, where the page starts among
    them (0: the newest), and how many are kept in all."""

    lines: list[MissLine]
    start: int
    total: int

    @property
    def more(self) -> bool:
        """Whether older misses follow this page (a "More" button)."""
        return self.start + len(self.lines) < self.total


def recent_misses(db: Database, student_id: int, now: datetime, start: int = 0) -> MissPage:
    """The student's typed misses of the last overrule.KEEP_DAYS, newest first, SHOWN_MISSES
    from `start` on, and how many there are (the caller found the student among the
    teacher's: /student, or checked it: misses_page)."""
    since = now - KEEP
    misses = typed_misses.recent_misses(db, student_id, since, SHOWN_MISSES, start)
    words = {w.id: w.word for w in words_by_id(db, [m.word_id for m in misses])}
    student = people.get_student(db, student_id)
    lang = student.language if student is not None else None
    return MissPage([MissLine(m.attempt_id, words[m.word_id].term, m.typed, m.answered_at,
                              m.overruled_at is not None, m.graded.tiles,
                              not m.graded.other_language and plausible(
                                  m.typed, words[m.word_id].term,
                                  own_terms(words[m.word_id], lang)[0], m.graded.tiles, lang),
                              m.practice, m.graded.other_language)
                     for m in misses if m.word_id in words],
                    start, typed_misses.count_misses(db, student_id, since))


def misses_page(db: Database, teacher_id: int, student_id: int, start: int,
                now: datetime) -> MissPage:
    """Older typed misses of a student (/student's "More" button: its data is forgeable, so
    the student must be in one of this teacher's classes, else OverruleGoneError)."""
    teaching.require_teacher(db, teacher_id)
    if not any(e.student_id == student_id for e in people.teacher_enrolments(db, teacher_id)):
        raise OverruleGoneError("not this teacher's student", days=KEEP_DAYS)
    return recent_misses(db, student_id, now, start)


@dataclass(frozen=True)
class Overrule:
    """A typed miss a teacher may count as right, checked as theirs to count."""

    miss: typed_misses.TypedMiss
    term: str
    class_ids: tuple[int, ...]  # the teacher's classes the student is in
    class_names: tuple[str, ...] = ()  # their names, as the teacher reads them
    # whether the answer may also be accepted for the word in those classes from now on
    # (overrule.may_accept_for_class; not when every one of them accepts it already)
    class_wide: bool = False


def plan_overrule(db: Database, teacher_id: int, attempt_id: int, now: datetime,
                  undo: bool = False) -> Overrule:
    """Check a ✅ Count as right (button data is forgeable): the answer must be a typed miss
    still kept, of a student in one of this teacher's classes; nothing changes. `undo`: a
    ↩️ Undo, whose answer must be counted (else OverruleGoneError)."""
    teaching.require_teacher(db, teacher_id)
    miss = typed_misses.get_miss(db, attempt_id)
    if miss is None or miss.before is None or now - miss.answered_at > KEEP:
        raise OverruleGoneError("no such typed miss kept", days=KEEP_DAYS)
    mine = {e.class_id: e.class_name for e in people.teacher_enrolments(db, teacher_id)
            if e.student_id == miss.student_id}
    classes = tuple(mine)
    found = words_by_id(db, [miss.word_id])
    if not classes or not found:
        raise OverruleGoneError("not this teacher's student", days=KEEP_DAYS)
    if undo and miss.overruled_at is None:
        raise OverruleGoneError("not counted", days=KEEP_DAYS)
    if not undo and miss.overruled_at is not None:
        raise CountedAlreadyError("counted already")
    term = found[0].word.term
    return Overrule(miss, term, classes, tuple(mine.values()),
                    _class_wide(db, miss, term, found[0].pack_id, classes))


def _class_wide(db: Database, miss: typed_misses.TypedMiss, term: str, pack_id: str,
                class_ids: tuple[int, ...]) -> bool:
    """Whether the miss's text may be accepted for its word in these classes: not another
    word of their packs or the word's own (overrule.may_accept_for_class), and not one they
    all accept already."""
    key = answer_key(miss.typed)
    if all(typed_misses.is_accepted(db, [c], miss.word_id, key) for c in class_ids):
        return False
    packs = dict.fromkeys([pack_id, *(e.pack_id for e in people.student_with_classes(
        db, miss.student_id)[1] if e.class_id in class_ids and e.pack_id)])
    return may_accept_for_class(miss.typed, term,
                                (w.word.term for p in packs for w in pack_words(db, p)))


# (teacher told, the changes that concern them) -> their note, in their language
RenderNote = Callable[[int, list[coteachers.Told]], str]


def count_as_right(db: Database, plan: Overrule, teacher_id: int, now: datetime, tz: tzinfo,
                   school: SchoolConfig, student_note: str, render_note: RenderNote,
                   class_wide: bool = False) -> bool:
    """Count the miss as right, in one transaction: the word's mastery folded again from the
    answer on (the same fold as every answer, mastery.record_answer), the student told
    (`student_note`, in their language, past quiet hours) and the other teachers of those
    classes told (`render_note`). This answer only, unless `class_wide` (a choice of its own
    on the confirm screen, and only where plan.class_wide allows it: button data is
    forgeable): then the text is accepted for the word in the teacher's classes the student
    is in from now on. Whether it was; CountedAlreadyError when another tap counted it
    first."""
    accept = class_wide and plan.class_wide
    miss = plan.miss
    assert miss.before is not None  # plan_overrule refuses a miss without it
    counted = KeptAnswer(miss.item_type, True, miss.answered_at,
                         replace(miss.graded, exact=True))  # a right answer, as written
    try:
        _count(db, plan, teacher_id, counted, now, tz, school, student_note, render_note,
               accept)
    except CountedAlreadyError:
        raise  # refused before anything was accepted: the memory is as the store
    except BaseException:
        typed_misses.forget_accepted(db)  # the memory may hold what was rolled back
        raise
    return accept


def _count(db: Database, plan: Overrule, teacher_id: int, counted: KeptAnswer, now: datetime,
           tz: tzinfo, school: SchoolConfig, student_note: str, render_note: RenderNote,
           accept: bool) -> None:
    miss = plan.miss
    assert miss.before is not None
    with db.atomic():
        state = fold_again(from_snapshot(miss.before),
                           [counted, *typed_misses.answers_after(db, miss)], tz)
        if not typed_misses.count_as_right(db, miss, state, now):
            raise CountedAlreadyError("counted already")
        if accept:  # the teacher's explicit second choice: every student of the class
            typed_misses.accept(db, plan.class_ids, miss.word_id, answer_key(miss.typed), now)
        # the note holds the student's words: it goes once delivered, and with the student;
        # it waits UNDO_WITHIN, as the other teachers' do, so ↩️ Undo can take them back
        tag = {"overrule": miss.attempt_id}
        outbox.enqueue(db, None, miss.student_id, COUNTED_NOTE,
                       {"text": student_note, "buttons": [], "drop": True,
                        "student_id": miss.student_id, **tag},
                       next_allowed(now + UNDO_WITHIN, school), now)
        told = coteachers.others_of_student(db, teacher_id, miss.student_id, plan.class_ids)
        coteachers.tell_others(db, teacher_id, told, render_note, now, school, tag,
                               UNDO_WITHIN)


def undo(db: Database, plan: Overrule, now: datetime, tz: tzinfo) -> None:
    """Undo a count from its own screen (`plan`: plan_overrule(..., undo=True)), while its
    notes still wait (UNDO_WITHIN): the answer a miss again, the word's mastery folded again,
    the accepted answer and the notes taken back. UndoTooLateError once the student was told
    (the count stands); OverruleGoneError when it was undone already."""
    miss = plan.miss
    assert miss.before is not None and miss.overruled_at is not None  # plan_overrule's
    if now - miss.overruled_at > UNDO_WITHIN:
        raise UndoTooLateError("the notes went out")
    try:
        _undo(db, miss, plan.class_ids, now, tz)
    except BaseException:
        typed_misses.forget_accepted(db)  # the memory may hold what was rolled back
        raise


def _undo(db: Database, miss: typed_misses.TypedMiss, class_ids: tuple[int, ...],
          now: datetime, tz: tzinfo) -> None:
    assert miss.before is not None and miss.overruled_at is not None
    with db.atomic():
        if not typed_misses.take_notes_back(db, miss.attempt_id, miss.student_id):
            raise UndoTooLateError("the student was told")
        as_graded = KeptAnswer(miss.item_type, False, miss.answered_at, miss.graded)
        state = fold_again(from_snapshot(miss.before),
                           [as_graded, *typed_misses.answers_after(db, miss)], tz)
        if not typed_misses.uncount(db, miss, state, now):
            raise OverruleGoneError("undone already", days=KEEP_DAYS)
        typed_misses.unaccept(db, class_ids, miss.word_id, answer_key(miss.typed),
                              miss.overruled_at)


@dataclass(frozen=True)
class AcceptedLine:
    """An answer accepted for a word in one of a teacher's classes (/report lists them, each
    a ↩️ away from a miss again)."""

    accepted_id: int
    class_name: str
    term: str
    answer: str
    accepted_at: datetime
    regraded: int = 0  # withdrawn: the answers right only because of it, misses again
    # withdrawn: answers right by an acceptance whose text is erased (older than KEEP_DAYS),
    # which stay right: the teacher is told how many, as "misses again: 0" alone read as
    # if none had ever counted
    unkept: int = 0


def class_accepted(db: Database, teacher_id: int, class_id: int) -> list[AcceptedLine]:
    """The answers accepted for a word in this class of the teacher's, oldest first."""
    teaching.require_teacher(db, teacher_id)
    rows = [r for r in typed_misses.accepted_in(db, teacher_id) if r.class_id == class_id]
    terms = {w.id: w.word.term for w in words_by_id(db, [r.word_id for r in rows])}
    return [AcceptedLine(r.accepted_id, r.class_name, terms[r.word_id], r.answer,
                         r.accepted_at) for r in rows if r.word_id in terms]


def withdraw(db: Database, teacher_id: int, accepted_id: int, now: datetime, tz: tzinfo
             ) -> AcceptedLine:
    """Stop accepting an answer for its word in its class (a ↩️ under /report's list: only a
    teacher of that class; AcceptedGoneError for a forged, old or second tap), in one
    transaction: the answers of the class's students right only because of it, while their
    text is kept (KEEP_DAYS), are misses again as Puente graded them, each word's mastery
    folded again; a student another class of hers still accepts it for keeps hers. Nobody
    is told: the teacher reads how many, and how many older ones (their text erased) stay
    right (docs/reports.md)."""
    teaching.require_teacher(db, teacher_id)
    found = [r for r in typed_misses.accepted_in(db, teacher_id)
             if r.accepted_id == accepted_id]
    terms = words_by_id(db, [r.word_id for r in found])
    if not found or not terms:
        raise AcceptedGoneError("no such accepted answer")
    row = found[0]
    try:
        with db.atomic():
            typed_misses.unaccept(db, [row.class_id], row.word_id, row.answer, row.accepted_at)
            regraded = _regrade(db, row, now, tz)
    except BaseException:
        typed_misses.forget_accepted(db)
        raise
    return AcceptedLine(row.accepted_id, row.class_name, terms[0].word.term, row.answer,
                        row.accepted_at, regraded, _unkept(db, row))


def _unkept(db: Database, row: typed_misses.Accepted) -> int:
    """How many answers right by an acceptance of the word in the class since `row`'s stay
    right after its withdrawal, their text erased (KEEP_DAYS): nothing tells which accepted
    text they were, so none is graded again. A student another class of hers still accepts
    the text for is left out, as _regrade leaves her answers right."""
    total = 0
    for student_id, count in typed_misses.accepted_unkept(db, row.class_id, row.word_id,
                                                          row.accepted_at).items():
        classes = [e.class_id for e in people.enrollments(db, student_id)]
        if not typed_misses.is_accepted(db, classes, row.word_id, row.answer):
            total += count
    return total


def _regrade(db: Database, row: typed_misses.Accepted, now: datetime, tz: tzinfo) -> int:
    """Grade again the answers a withdrawn acceptance made right (its text, folded as it was
    matched: answer_key); how many are misses again."""
    mine: dict[int, list[typed_misses.TypedMiss]] = {}
    for answer in typed_misses.accepted_answers(db, row.class_id, row.word_id, row.accepted_at):
        if answer_key(answer.typed) == row.answer:
            mine.setdefault(answer.student_id, []).append(answer)
    total = 0
    for student_id, answers in mine.items():
        classes = [e.class_id for e in people.enrollments(db, student_id)]
        if typed_misses.is_accepted(db, classes, row.word_id, row.answer):
            continue  # another class of hers still accepts it: right, as it would be now
        first = answers[0]
        assert first.before is not None  # accepted_answers reads only those that kept it
        regraded = typed_misses.regrade(db, answers)
        missed = KeptAnswer(first.item_type, False, first.answered_at,
                            replace(first.graded, accepted=False))
        state = fold_again(from_snapshot(first.before),
                           [missed, *typed_misses.answers_after(db, first)], tz)
        typed_misses.refold(db, student_id, row.word_id, state, now, regraded)
        total += regraded.answers
    return total


def load_accepted(db: Database) -> int:
    """Read the classes' accepted answers into memory (start-up): a student's typed answer
    then checks them without a statement. How many there are."""
    return typed_misses.load_accepted(db)
