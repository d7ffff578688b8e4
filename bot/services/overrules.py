"""A teacher counts a typed answer Puente marked wrong as right: the recent typed misses
/student lists, the count itself (the word's mastery folded again, the student told, the
other teachers of the class told), and the answer accepted for the word in the class from
then on (bot/domain/overrule.py, docs/typed-grading.md)."""

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
)
from bot.services import coteachers, teaching
from bot.services.pushes import next_allowed
from bot.store import outbox, people, typed_misses
from bot.store.packs import words_by_id

COUNTED_NOTE = "counted-right"  # the outbox kind of the note telling a student


class OverruleGoneError(PuenteError):
    """A ✅ that changes nothing: a forged or old button, an answer whose text retention
    erased, or a student no longer in the tapping teacher's classes."""

    prompt_key = "overrule-gone"
    after = "remove-kept"  # "Nothing changed."


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


def recent_misses(db: Database, student_id: int, now: datetime) -> list[MissLine]:
    """The student's typed misses of the last overrule.KEEP_DAYS, newest first (the caller
    found the student among the teacher's: /student)."""
    misses = typed_misses.recent_misses(db, student_id, now - KEEP, SHOWN_MISSES)
    terms = {w.id: w.word.term for w in words_by_id(db, [m.word_id for m in misses])}
    return [MissLine(m.attempt_id, terms.get(m.word_id, ""), m.typed, m.answered_at,
                     m.overruled_at is not None, m.graded.tiles)
            for m in misses if m.word_id in terms]


@dataclass(frozen=True)
class Overrule:
    """A typed miss a teacher may count as right, checked as theirs to count."""

    miss: typed_misses.TypedMiss
    term: str
    class_ids: tuple[int, ...]  # the teacher's classes the student is in


def plan_overrule(db: Database, teacher_id: int, attempt_id: int, now: datetime,
                  undo: bool = False) -> Overrule:
    """Check a ✅ Count as right (button data is forgeable): the answer must be a typed miss
    still kept, of a student in one of this teacher's classes; nothing changes. `undo`: a
    ↩️ Undo, whose answer must be counted (else OverruleGoneError)."""
    teaching.require_teacher(db, teacher_id)
    miss = typed_misses.get_miss(db, attempt_id)
    if miss is None or miss.before is None or now - miss.answered_at > KEEP:
        raise OverruleGoneError("no such typed miss kept", days=KEEP_DAYS)
    classes = tuple(e.class_id for e in people.teacher_enrolments(db, teacher_id)
                    if e.student_id == miss.student_id)
    found = words_by_id(db, [miss.word_id])
    if not classes or not found:
        raise OverruleGoneError("not this teacher's student", days=KEEP_DAYS)
    if undo and miss.overruled_at is None:
        raise OverruleGoneError("not counted", days=KEEP_DAYS)
    if not undo and miss.overruled_at is not None:
        raise CountedAlreadyError("counted already")
    return Overrule(miss, found[0].word.term, classes)


# (teacher told, the changes that concern them) -> their note, in their language
RenderNote = Callable[[int, list[coteachers.Told]], str]


def count_as_right(db: Database, plan: Overrule, teacher_id: int, now: datetime, tz: tzinfo,
                   school: SchoolConfig, student_note: str, render_note: RenderNote) -> None:
    """Count the miss as right, in one transaction: the word's mastery folded again from the
    answer on (the same fold as every answer, mastery.record_answer), the answer accepted for
    the word in the teacher's classes the student is in, the student told (`student_note`, in
    their language, past quiet hours) and the other teachers of those classes told
    (`render_note`). CountedAlreadyError when another tap counted it first."""
    miss = plan.miss
    assert miss.before is not None  # plan_overrule refuses a miss without it
    counted = KeptAnswer(miss.item_type, True, miss.answered_at,
                         replace(miss.graded, exact=True))  # a right answer, as written
    try:
        _count(db, plan, teacher_id, counted, now, tz, school, student_note, render_note)
    except CountedAlreadyError:
        raise  # refused before anything was accepted: the memory is as the store
    except BaseException:
        typed_misses.forget_accepted(db)  # the memory may hold what was rolled back
        raise


def _count(db: Database, plan: Overrule, teacher_id: int, counted: KeptAnswer, now: datetime,
           tz: tzinfo, school: SchoolConfig, student_note: str, render_note: RenderNote
           ) -> None:
    miss = plan.miss
    assert miss.before is not None
    with db.atomic():
        state = fold_again(from_snapshot(miss.before),
                           [counted, *typed_misses.answers_after(db, miss)], tz)
        if not typed_misses.count_as_right(db, miss, state, miss.graded.practice(True), now):
            raise CountedAlreadyError("counted already")
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


def load_accepted(db: Database) -> int:
    """Read the classes' accepted answers into memory (start-up): a student's typed answer
    then checks them without a statement. How many there are."""
    return typed_misses.load_accepted(db)
