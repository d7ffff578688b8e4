"""Typed misses a teacher may count as right (their text, kept overrule.KEEP_DAYS), the count
itself, and the answers a class's teachers accepted for a word (bot/domain/overrule.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from bot.domain.mastery import WordMastery
from bot.domain.overrule import ACCEPTED_BIT, Graded, KeptAnswer
from bot.domain.scaffold import ItemType
from bot.store.clock import parse, stamp
from bot.store.rows import all_rows, one_row


@dataclass(frozen=True)
class TypedMiss:
    """One typed answer marked wrong, with its text (or one a teacher counted as right)."""

    attempt_id: int
    student_id: int
    word_id: int
    item_type: ItemType
    typed: str
    answered_at: datetime
    overruled_at: datetime | None
    before: str | None  # the word's mastery before it (overrule.snapshot)
    practice: bool
    graded: Graded


def _miss(row: dict[str, Any]) -> TypedMiss:
    overruled = row["overruled_at"]
    return TypedMiss(row["id"], row["student_id"], row["word_id"], ItemType(row["item_type"]),
                     row["typed"],
                     parse(row["answered_at"]), parse(overruled) if overruled else None,
                     row["before"], bool(row["practice"]), Graded.from_bits(row["grading"] or 0))


_COLUMNS = ("id, student_id, word_id, item_type, typed, answered_at, overruled_at, before, "
            "practice, grading")
# A typed miss, or one a teacher counted right: an answer right by a class's acceptance keeps
# its text too (a withdrawn acceptance grades it again: regrade), and is no miss to list
_MISSES = "typed IS NOT NULL AND (correct = 0 OR overruled_at IS NOT NULL)"


def recent_misses(db: Database, student_id: int, since: datetime, limit: int, start: int = 0
                  ) -> list[TypedMiss]:
    """The student's typed answers marked wrong (or counted right since) at or after a
    moment, newest first, `limit` of them from the `start`th."""
    return [_miss(r) for r in all_rows(
        db, f"SELECT {_COLUMNS} FROM attempts WHERE student_id = ? AND answered_at >= ? "
        f"AND {_MISSES} ORDER BY answered_at DESC, id DESC LIMIT ? OFFSET ?",
        [student_id, stamp(since), limit, start])]


def count_misses(db: Database, student_id: int, since: datetime) -> int:
    """How many typed misses of the student recent_misses can list since a moment."""
    return int(db.execute("SELECT count(*) FROM attempts WHERE student_id = ? AND "
                          f"answered_at >= ? AND {_MISSES}",
                          [student_id, stamp(since)]).fetchone()[0])


def get_miss(db: Database, attempt_id: int) -> TypedMiss | None:
    """One typed miss by its answer's id (None: no such answer, or its text is gone)."""
    row = one_row(db, f"SELECT {_COLUMNS} FROM attempts WHERE id = ? AND {_MISSES}",
                  [attempt_id])
    return _miss(row) if row else None


def answers_after(db: Database, miss: TypedMiss) -> list[KeptAnswer]:
    """The student's later answers on the miss's word, in order (each as it was graded)."""
    return [KeptAnswer(ItemType(r["item_type"]), bool(r["correct"]),
                       parse(r["answered_at"]), Graded.from_bits(r["grading"] or 0))
            for r in all_rows(
                db, "SELECT item_type, correct, answered_at, grading FROM attempts "
                "WHERE student_id = ? AND word_id = ? AND (answered_at > ? OR "
                "(answered_at = ? AND id > ?)) ORDER BY answered_at, id",
                [miss.student_id, miss.word_id, stamp(miss.answered_at),
                 stamp(miss.answered_at), miss.attempt_id])]


def count_as_right(db: Database, miss: TypedMiss, state: WordMastery, now: datetime) -> bool:
    """Mark the miss right (counted by a teacher, now) and keep the word's mastery folded
    again (`state`), its totals moved by one right answer; False when it was counted already
    (a second tap: nothing changes). Call inside a transaction.

    The answer stays among the answers it was graded in: a counted miss is a counted right
    answer, a practice miss a practice right answer, so `correct` gains one and `attempts`
    stays (docs/reports.md). Re-deciding practice as for a live right answer made a miss
    typed just after a wrong tap showed the word's meaning (Graded.revealed) practice, out of
    every total: "correct 3 of 8" became "3 of 7" (re-playtest)."""
    cursor = db.execute("UPDATE attempts SET correct = 1, overruled_at = ? "
                        "WHERE id = ? AND overruled_at IS NULL AND correct = 0",
                        [stamp(now), miss.attempt_id])
    if cursor.rowcount != 1:
        return False
    _save_fold(db, miss.student_id, miss.word_id, state, now,
               "correct = correct + 1, counted_by_teacher = counted_by_teacher + 1, "
               "practised_right = practised_right + ?", [int(miss.practice)])
    return True


def _save_fold(db: Database, student_id: int, word_id: int, state: WordMastery,
               now: datetime, totals: str, moved: list[int]) -> None:
    """Keep a word's mastery folded again (`state`), its totals moved as `totals` says (SQL
    assignments, their values `moved`): one statement for a count, its undo and a regrade."""
    db.execute(
        "UPDATE mastery SET p_known = ?, card = ?, due_at = ?, successes = ?, "
        "misses_in_row = ?, success_days = ?, mastered_at = ?, first_correct_at = ?, luck = ?, "
        f"updated_at = ?, {totals} WHERE student_id = ? AND word_id = ?",
        [state.p_known, state.card, stamp(state.due_at), state.successes, state.misses_in_row,
         json.dumps(sorted(state.success_days)),
         stamp(state.mastered_at) if state.mastered_at else None,
         stamp(state.first_correct_at) if state.first_correct_at else None, state.luck,
         stamp(now), *moved, student_id, word_id])


def uncount(db: Database, miss: TypedMiss, state: WordMastery, now: datetime) -> bool:
    """Undo a teacher's count (`miss` as read after it): the answer a miss again, with the
    practice flag a miss had, the word's mastery folded again (`state`), its totals back;
    False when it is not counted (undone already). Call inside a transaction. The flag is
    set again from the grading, not kept: a count made before count_as_right kept it may
    have moved the answer into practice."""
    practice = miss.graded.missed_practice()
    cursor = db.execute("UPDATE attempts SET correct = 0, overruled_at = NULL, practice = ? "
                        "WHERE id = ? AND overruled_at IS NOT NULL",
                        [int(practice), miss.attempt_id])
    if cursor.rowcount != 1:
        return False
    moved = int(miss.practice) - int(practice)  # out of (or into) the practice answers
    _save_fold(db, miss.student_id, miss.word_id, state, now,
               "correct = correct - 1, counted_by_teacher = counted_by_teacher - 1, "
               "practised = practised - ?, practised_right = practised_right - ?",
               [moved, int(miss.practice)])
    return True


def accepted_answers(db: Database, class_id: int, word_id: int, since: datetime
                     ) -> list[TypedMiss]:
    """The typed answers of the class's students on the word that were right only because a
    class accepted their text, answered at or after `since`, while their text is kept
    (overrule.KEEP_DAYS): each student's in the order answered."""
    return [_miss(r) for r in all_rows(
        db, f"SELECT {_COLUMNS} FROM attempts WHERE student_id IN (SELECT student_id FROM "
        "enrollments WHERE class_id = ?) AND word_id = ? AND correct = 1 AND overruled_at IS "
        f"NULL AND grading & {ACCEPTED_BIT} AND typed IS NOT NULL AND before IS NOT NULL AND "
        "answered_at >= ? ORDER BY student_id, answered_at, id",
        [class_id, word_id, stamp(since)])]


def accepted_unkept(db: Database, class_id: int, word_id: int, since: datetime
                    ) -> dict[int, int]:
    """By student, how many of the class's students' answers on the word were right only
    because a class accepted their text, answered at or after `since`, whose text is erased
    (overrule.KEEP_DAYS): no withdrawal can grade them again (accepted_answers reads the
    others)."""
    return dict(db.execute(
        "SELECT student_id, count(*) FROM attempts WHERE student_id IN (SELECT student_id "
        "FROM enrollments WHERE class_id = ?) AND word_id = ? AND correct = 1 AND overruled_at "
        f"IS NULL AND grading & {ACCEPTED_BIT} AND (typed IS NULL OR before IS NULL) AND "
        "answered_at >= ? GROUP BY student_id", [class_id, word_id, stamp(since)]).fetchall())


@dataclass(frozen=True)
class Regraded:
    """What grading a student's accepted answers again as misses changed in her totals."""

    answers: int = 0  # right answers now misses (`correct` loses them, `attempts` stays)
    practice_moved: int = 0  # of them, out of the practice answers (a miss is counted)
    practice_right: int = 0  # of them, right practice answers before


def regrade(db: Database, answers: Iterable[TypedMiss]) -> Regraded:
    """Grade again as misses a student's answers on one word right only by an acceptance
    since withdrawn (accepted_answers): wrong, no longer marked accepted, with the practice
    flag a miss has (overrule.Graded.missed_practice), as Puente graded the text. Call inside
    a transaction, then fold the word again and save it (refold)."""
    done = Regraded()
    for answer in answers:
        practice = answer.graded.missed_practice()
        graded = Graded.from_bits(answer.graded.bits() & ~ACCEPTED_BIT)
        if db.execute("UPDATE attempts SET correct = 0, grading = ?, practice = ? WHERE id = ? "
                      "AND correct = 1 AND overruled_at IS NULL",
                      [graded.bits(), int(practice), answer.attempt_id]).rowcount == 1:
            done = Regraded(done.answers + 1,
                            done.practice_moved + int(answer.practice) - int(practice),
                            done.practice_right + int(answer.practice))
    return done


def refold(db: Database, student_id: int, word_id: int, state: WordMastery, now: datetime,
           regraded: Regraded) -> None:
    """Keep the word's mastery folded again after `regraded` (its totals moved by as many
    right answers turned misses). Call inside the transaction regrade ran in."""
    _save_fold(db, student_id, word_id, state, now,
               "correct = correct - ?, practised = practised - ?, "
               "practised_right = practised_right - ?",
               [regraded.answers, regraded.practice_moved, regraded.practice_right])


def take_notes_back(db: Database, attempt_id: int, student_id: int) -> bool:
    """Delete the notes a count booked (payload `overrule`: the answer's id), not sent yet;
    False, deleting nothing, when the student's has gone (they were told)."""
    about = "status = 'pending' AND json_extract(payload, '$.overrule') = ?"
    if not db.execute(f"SELECT 1 FROM outbox WHERE chat_id = ? AND {about}",
                      [student_id, attempt_id]).fetchone():
        return False
    db.execute(f"DELETE FROM outbox WHERE {about}", [attempt_id])
    return True


def forget_before(db: Database, cutoff: datetime) -> int:
    """Erase the text of typed misses answered before `cutoff`, and the mastery kept with
    them (the retention job: overrule.KEEP_DAYS); the answer itself stays, right or wrong."""
    return db.execute("UPDATE attempts SET typed = NULL, before = NULL WHERE typed IS NOT NULL "
                      "AND answered_at < ?", [stamp(cutoff)]).rowcount


# Accepted answers, by database: {(class id, word id): folded answers}. Read once (one query,
# at start-up: load_accepted), then kept in step with each change: a typed miss looks them up
# without a statement (the graded answer's budget, tests/handlers/test_answer_cost.py).
_ACCEPTED: WeakKeyDictionary[Database, dict[tuple[int, int], frozenset[str]]] = \
    WeakKeyDictionary()


def load_accepted(db: Database) -> int:
    """Read the accepted answers into memory now (start-up), not on a student's answer;
    return how many answers there are."""
    return sum(len(answers) for answers in _accepted(db).values())


def _accepted(db: Database) -> dict[tuple[int, int], frozenset[str]]:
    cached = _ACCEPTED.get(db)
    if cached is None:
        found: dict[tuple[int, int], set[str]] = {}
        for class_id, word_id, answer in db.execute(
                "SELECT class_id, word_id, answer FROM accepted_answers").fetchall():
            found.setdefault((class_id, word_id), set()).add(answer)
        cached = _ACCEPTED[db] = {k: frozenset(v) for k, v in found.items()}
    return cached


def is_accepted(db: Database, class_ids: Iterable[int], word_id: int, key: str) -> bool:
    """Whether a teacher of one of these classes counted this answer (folded) right for
    this word."""
    found = _accepted(db)
    return any(key in found.get((c, word_id), ()) for c in class_ids)


def accept(db: Database, class_ids: Iterable[int], word_id: int, key: str,
           now: datetime) -> None:
    """Accept this answer (folded) for the word in these classes from now on."""
    cached = _ACCEPTED.get(db)
    for class_id in dict.fromkeys(class_ids):
        db.execute("INSERT OR IGNORE INTO accepted_answers (class_id, word_id, answer, "
                   "accepted_at) VALUES (?, ?, ?, ?)", [class_id, word_id, key, stamp(now)])
        if cached is not None:  # kept in step: no read on the next miss
            cached[(class_id, word_id)] = cached.get((class_id, word_id), frozenset()) | {key}


def unaccept(db: Database, class_ids: Iterable[int], word_id: int, key: str,
             accepted_at: datetime) -> None:
    """Take back the answer a count accepted (at `accepted_at`) for the word in these
    classes; one accepted before, by another count, stays."""
    for class_id in dict.fromkeys(class_ids):
        gone = db.execute("DELETE FROM accepted_answers WHERE class_id = ? AND word_id = ? "
                          "AND answer = ? AND accepted_at = ?",
                          [class_id, word_id, key, stamp(accepted_at)]).rowcount
        cached = _ACCEPTED.get(db)
        if gone and cached is not None:
            cached[(class_id, word_id)] = cached.get((class_id, word_id), frozenset()) - {key}


@dataclass(frozen=True)
class Accepted:
    """One answer accepted for a word in a class (accepted_answers, by its rowid)."""

    accepted_id: int
    class_id: int
    class_name: str
    word_id: int
    answer: str
    accepted_at: datetime


def accepted_in(db: Database, teacher_id: int) -> list[Accepted]:
    """The answers accepted in the classes a teacher owns or co-teaches, oldest first."""
    return [Accepted(r[0], r[1], r[2], r[3], r[4], parse(r[5])) for r in db.execute(
        "SELECT a.rowid, c.id, c.name, a.word_id, a.answer, a.accepted_at "
        "FROM accepted_answers a JOIN classes c ON c.id = a.class_id "
        "WHERE c.teacher_id = ? OR c.id IN (SELECT class_id FROM class_teachers "
        "WHERE teacher_id = ?) ORDER BY a.accepted_at, a.rowid",
        [teacher_id, teacher_id]).fetchall()]


def forget_accepted(db: Database) -> None:
    """Drop the cached accepted answers (a change rolled back: read again when next asked)."""
    _ACCEPTED.pop(db, None)
