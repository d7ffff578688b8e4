"""Study state: mastery per student x word and attempts (check items: bot/store/check_items.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from functools import lru_cache

from sqlite_utils import Database

from bot.domain.mastery import WordMastery, restored
from bot.domain.overrule import Graded
from bot.domain.scaffold import ItemType
from bot.store.clock import parse, stamp
from bot.store.rows import Columns, rows_by_position


@lru_cache(maxsize=1024)  # a class's rows hold the same few lists of school days
def _days(text: str) -> frozenset[str]:
    """The local days a word was right since its last miss (most words have none yet)."""
    return frozenset() if text == "[]" else frozenset(json.loads(text))


# The columns a mastery row is read with (_mastery): not `SELECT *`, whose other columns (the
# teachers' running totals, alerts) a graded tap would turn into Python values unread
MASTERY = ("word_id, p_known, card, due_at, successes, misses_in_row, success_days, "
           "mastered_at, first_correct_at, attempts, correct, shown_at, last_seen, luck, "
           "card_seen_at")


@lru_cache(maxsize=1024)  # the same few sets of days, written back on every answer
def _days_text(days: frozenset[str]) -> str:
    """The local days a word was right, as the store keeps them (`_days` reads them back)."""
    return json.dumps(sorted(days))


def _mastery(row: sqlite3.Row, at: Columns) -> WordMastery:
    """A mastery row (`at`: its columns' positions) as the domain's WordMastery."""
    attempts = row[at["attempts"]]
    mastered_at, first_correct_at, shown_at, last_seen = (
        row[at["mastered_at"]], row[at["first_correct_at"]], row[at["shown_at"]],
        row[at["last_seen"]])
    return restored(
        p_known=row[at["p_known"]], card=row[at["card"]], due_at=parse(row[at["due_at"]]),
        successes=row[at["successes"]], misses_in_row=row[at["misses_in_row"]],
        success_days=_days(row[at["success_days"]]),
        mastered_at=parse(mastered_at) if mastered_at else None,
        first_correct_at=parse(first_correct_at) if first_correct_at else None,
        answered=bool(attempts), misses=attempts - row[at["correct"]],
        shown_at=parse(shown_at) if shown_at else None,
        last_answered=parse(last_seen) if last_seen else None,
        luck=row[at["luck"]], attempts=attempts,
        card_seen_at=_seen(row[at["card_seen_at"]] or shown_at))


def _seen(text: str | None) -> datetime | None:
    return parse(text) if text else None


def get_mastery(db: Database, student_id: int, word_id: int) -> WordMastery | None:
    rows, at = rows_by_position(db, f"SELECT {MASTERY} FROM mastery WHERE student_id = ? "
                                "AND word_id = ?", [student_id, word_id])
    return _mastery(rows[0], at) if rows else None


# What a teacher counts of a word's answers (mastery row `m`): every graded answer but
# "Practice again", which comes right after the card and the answer were shown (no evidence).
# The running totals `attempts` and `correct` hold every graded answer (knowledge tracing reads
# the misses among them); `practised` and `practised_right` are the practice ones among them.
COUNTED_ANSWERS = "(m.attempts - m.practised)"
COUNTED_RIGHT = "(m.correct - m.practised_right)"


def save_mastery(db: Database, student_id: int, word_id: int, state: WordMastery,
                 now: datetime, answered: bool | None = None, listening: bool = False,
                 practice: bool = False) -> None:
    """Insert or replace the mastery row of one student x word.

    `answered` (True right, False wrong) also counts one graded answer in the running totals
    the reports read, in the same statement; `listening`: it answered a listening item, counted
    apart too (recognition of the spoken word); `practice`: a "Practice again" answer, counted
    among the practice answers, which no teacher's count includes (COUNTED_ANSWERS), and never
    as listening. An answered word counts as shown (mark_shown). `first_seen` keeps the first
    answer a teacher counts (not practice).
    """
    attempts, correct = (0, 0) if answered is None else (1, int(answered))
    # "correct N of M over D days" spans the answers it counts: practice starts no span
    first_seen = stamp(now) if answered is not None and not practice else None
    listened, listened_right = (attempts, correct) if listening and not practice else (0, 0)
    practised, practised_right = (attempts, correct) if practice else (0, 0)
    db.execute(
        "INSERT INTO mastery (student_id, word_id, p_known, card, due_at, successes, "
        "misses_in_row, success_days, mastered_at, updated_at, attempts, correct, last_seen, "
        "first_correct_at, first_seen, listened, listened_right, shown_at, luck, practised, "
        "practised_right) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(student_id, word_id) DO UPDATE SET "
        "p_known=excluded.p_known, card=excluded.card, due_at=excluded.due_at, "
        "successes=excluded.successes, misses_in_row=excluded.misses_in_row, "
        "success_days=excluded.success_days, mastered_at=excluded.mastered_at, "
        "updated_at=excluded.updated_at, attempts = mastery.attempts + excluded.attempts, "
        "correct = mastery.correct + excluded.correct, "
        "last_seen = coalesce(excluded.last_seen, mastery.last_seen), "
        "first_correct_at = excluded.first_correct_at, "
        "first_seen = coalesce(mastery.first_seen, excluded.first_seen), "
        "listened = mastery.listened + excluded.listened, "
        "listened_right = mastery.listened_right + excluded.listened_right, "
        "shown_at = coalesce(mastery.shown_at, excluded.shown_at), luck = excluded.luck, "
        "practised = mastery.practised + excluded.practised, "
        "practised_right = mastery.practised_right + excluded.practised_right",
        [student_id, word_id, state.p_known, state.card, stamp(state.due_at),
         state.successes, state.misses_in_row, _days_text(frozenset(state.success_days)),
         stamp(state.mastered_at) if state.mastered_at else None, stamp(now), attempts,
         correct, stamp(now) if answered is not None else None,
         stamp(state.first_correct_at) if state.first_correct_at else None,
         first_seen, listened, listened_right,
         stamp(now) if answered is not None else None, state.luck, practised, practised_right])


def mark_shown(db: Database, student_id: int, word_ids: list[int], now: datetime) -> None:
    """Remember that these words' cards were shown to the student: shown_at keeps the first
    time, card_seen_at the latest (a re-read before a deciding review: mastery.card_read_today)."""
    if not word_ids:
        return
    marks = ",".join("?" * len(word_ids))
    db.execute(f"UPDATE mastery SET shown_at = coalesce(shown_at, ?), card_seen_at = ? "
               f"WHERE student_id = ? AND word_id IN ({marks})",
               [stamp(now), stamp(now), student_id, *word_ids])


def shown_before(db: Database, student_id: int, before: datetime) -> frozenset[int]:
    """Word ids whose cards the student first saw before a moment."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND shown_at < ?",
                      [student_id, stamp(before)]).fetchall()
    return frozenset(r[0] for r in rows)


def mastery_and_answered_since(
        db: Database, student_id: int, word_id: int, since: datetime, ahead: int | None = None
) -> tuple[WordMastery | None, frozenset[int], WordMastery | None, bool]:
    """One word's mastery, the other words the student answered (right or wrong) at or after
    a moment, (`ahead`) one more word's mastery, and whether a wrong tap on this word since
    then showed its meaning ("Your answer, prey, means presa"), in any check: one read for a
    graded tap."""
    since_at = stamp(since)
    rows, at = rows_by_position(
        db, f"SELECT {MASTERY}, EXISTS (SELECT 1 FROM check_items c WHERE c.student_id = ? "
            "AND c.chosen_word_id = ? AND c.answered_at >= ?) AS revealed_since "
            "FROM mastery WHERE student_id = ? AND (word_id IN (?, ?) OR last_seen >= ?)",
        [student_id, word_id, since_at, student_id, word_id, ahead, since_at])
    word, seen = at["word_id"], at["last_seen"]
    states = {r[word]: r for r in rows}
    answered = frozenset(r[word] for r in rows if r[word] != word_id
                         and (r[word] != ahead or (r[seen] or "") >= since_at))
    state, upcoming = states.get(word_id), states.get(ahead) if ahead is not None else None
    return (_mastery(state, at) if state else None, answered,
            _mastery(upcoming, at) if upcoming else None,
            any(r[at["revealed_since"]] for r in rows))


def student_mastery_and_revealed(db: Database, student_id: int, word_id: int, since: datetime
                                 ) -> tuple[dict[int, WordMastery], bool]:
    """student_mastery, and whether a wrong tap on `word_id` since `since` showed its meaning
    (as mastery_and_answered_since says it): one read for a check's last answer."""
    rows, at = rows_by_position(
        db, f"SELECT {MASTERY}, EXISTS (SELECT 1 FROM check_items c WHERE c.student_id = ? "
            "AND c.chosen_word_id = ? AND c.answered_at >= ?) AS revealed_since "
            "FROM mastery WHERE student_id = ?", [student_id, word_id, stamp(since), student_id])
    word, revealed = at["word_id"], at["revealed_since"]
    return {r[word]: _mastery(r, at) for r in rows}, any(r[revealed] for r in rows)


def student_mastery(db: Database, student_id: int) -> dict[int, WordMastery]:
    """Every word the student has started, by word id (a check's last answer reads it too)."""
    rows, at = rows_by_position(db, f"SELECT {MASTERY} FROM mastery WHERE student_id = ?",
                                [student_id])
    word = at["word_id"]
    return {r[word]: _mastery(r, at) for r in rows}


def due_word_ids(db: Database, student_id: int, now: datetime, limit: int = 5) -> list[int]:
    """Words whose review is due, most overdue first."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND due_at <= ? "
                      "ORDER BY due_at LIMIT ?", [student_id, stamp(now), limit]).fetchall()
    return [r[0] for r in rows]


def record_attempt(db: Database, student_id: int, word_id: int, item_type: ItemType,
                   prompt_lang: str, correct: bool, now: datetime, practice: bool = False,
                   grading: int | None = None, typed: str | None = None,
                   before: str | None = None, dont_know: bool = False) -> None:
    """Keep one graded answer (save_mastery(answered=...) counts it in the totals);
    `practice`: a "Practice again" answer, which no teacher's count includes; `grading`: how
    it was graded (overrule.Graded's bits); `typed`, `before`: a typed miss's text and its
    word's mastery before it, which a teacher may count as right (kept overrule.KEEP_DAYS);
    `dont_know`: the answer was "I don't know" (🤷, or a typed "no sé"), a flag, no text.
    One statement, as before they were kept: the graded answer's cost is unchanged."""
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at, practice, grading, typed, before, dont_know) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [student_id, word_id, str(item_type), prompt_lang, int(correct), stamp(now),
                int(practice), grading, typed, before, int(dont_know)])


def claim_typed_intro(db: Database, student_id: int) -> bool:
    """Mark the student as told what a typed question is; True only the first time."""
    cursor = db.execute("UPDATE students SET typed_intro = 1 WHERE id = ? AND typed_intro = 0",
                        [student_id])
    return cursor.rowcount == 1


# The checks in which the student answered a typed question (one shown with no options) by
# spelling it with its letter tiles (the attempt's tiles flag): parameters student id, tiles bit
TYPED_TILES_CHECKS = (
    "SELECT count(DISTINCT c.check_id) FROM check_items c JOIN attempts a "
    "ON a.student_id = c.student_id AND a.word_id = c.word_id "
    "AND a.answered_at = c.answered_at WHERE c.student_id = ? "
    "AND c.options = '[]' AND (a.grading & ?) != 0")
TILES_BIT = Graded(False, tiles=True).bits()
TYPED_BIT = Graded(False, typed=True).bits()  # written (typed, or with letter tiles)
# A question the student saw as letter tiles: spelled with them, or 🤷 over them (Graded.
# on_tiles). The teacher's views count both as tiles; the evidence reads TILES_BIT alone
SEEN_AS_TILES = TILES_BIT | Graded(False, on_tiles=True).bits()


def checks_with_typed_tiles(db: Database, student_id: int) -> int:
    """In how many checks the student answered a typed question with its letter tiles."""
    return int(db.execute(TYPED_TILES_CHECKS, [student_id, TILES_BIT]).fetchone()[0])


def attempt_quarters(db: Database, student_id: int) -> list[datetime]:
    """The UTC quarter hours in which the student answered anything, newest first (few per
    day). Every time zone is a whole number of quarter hours from UTC, so each one falls on
    one local day: hours put an answer at 00:10 in India (+05:30) or Nepal (+05:45) on the
    day before."""
    rows = db.execute("SELECT DISTINCT substr(answered_at, 1, 14) || printf('%02d', "
                      "CAST(substr(answered_at, 15, 2) AS INTEGER) / 15 * 15) AS q "
                      "FROM attempts WHERE student_id = ? ORDER BY q DESC",
                      [student_id]).fetchall()
    return [parse(r[0] + ":00+00:00") for r in rows]


def answered_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when the student answered a check item (any graded answer) at or after a moment."""
    return db.execute("SELECT 1 FROM attempts WHERE student_id = ? AND answered_at >= ? LIMIT 1",
                      [student_id, stamp(since)]).fetchone() is not None


def read_cards_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when the student first read a word's card at or after a moment."""
    return db.execute("SELECT 1 FROM mastery WHERE student_id = ? AND shown_at >= ? LIMIT 1",
                      [student_id, stamp(since)]).fetchone() is not None


def mastered_since(db: Database, student_id: int, since: datetime,
                   until: datetime | None = None) -> list[int]:
    """Word ids the student mastered at or after a moment (and before `until`, when given)."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND mastered_at >= ? "
                      "AND (? IS NULL OR mastered_at < ?) ORDER BY word_id",
                      [student_id, stamp(since), *[stamp(until) if until else None] * 2]
                      ).fetchall()
    return [r[0] for r in rows]


def learning_word_ids(db: Database, student_id: int, answered: bool = True) -> list[int]:
    """Word ids whose cards the student has seen, not yet mastered, and (`answered`) answered
    at least once, or (not `answered`) never: the ones missed last time first, then the newest
    cards (what a family can help with this week, not the first words of the term every
    week). A card read and never answered is a new word, not one being practised."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND mastered_at IS NULL "
                      f"AND shown_at IS NOT NULL AND attempts {'>' if answered else '='} 0 "
                      "ORDER BY misses_in_row > 0 DESC, shown_at DESC, word_id",
                      [student_id]).fetchall()
    return [r[0] for r in rows]


def missed_in_a_row(db: Database, student_id: int, misses: int, limit: int) -> list[int]:
    """Word ids being learned (not mastered) that the student missed `misses`+ times in a
    row, the most missed first (at most `limit`)."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND mastered_at IS NULL "
                      "AND misses_in_row >= ? ORDER BY misses_in_row DESC, last_seen DESC, "
                      "word_id LIMIT ?", [student_id, misses, limit]).fetchall()
    return [r[0] for r in rows]


def alerted_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when the student's teachers were alerted at or after a moment."""
    return db.execute("SELECT 1 FROM mastery WHERE student_id = ? AND alerted_at >= ? LIMIT 1",
                      [student_id, stamp(since)]).fetchone() is not None


# Missed `misses`+ times in a row, and no alert named it at or after `named_before`: never
# named, or named before and answered since (missed again: "still missing"). A word a student
# stopped answering is not "still missed" week after week.
_STUCK = ("misses_in_row >= ? AND (alerted_at IS NULL OR (alerted_at < ? "
          "AND last_seen > alerted_at))")


def has_stuck_words(db: Database, student_id: int, misses: int, named_before: datetime
                    ) -> bool:
    """True when a word was missed `misses`+ times in a row and no alert named it at or after
    `named_before` (one named before must have been missed again since)."""
    return db.execute(f"SELECT 1 FROM mastery WHERE student_id = ? AND {_STUCK} LIMIT 1",
                      [student_id, misses, stamp(named_before)]).fetchone() is not None


def stuck_words(db: Database, student_id: int, misses: int, named_before: datetime
                ) -> list[int]:
    """The words has_stuck_words would find, by id, without marking them named."""
    return [r[0] for r in db.execute(
        f"SELECT word_id FROM mastery WHERE student_id = ? AND {_STUCK} ORDER BY word_id",
        [student_id, misses, stamp(named_before)]).fetchall()]


def students_with_stuck_words(db: Database, misses: int, named_before: datetime) -> list[int]:
    """Every student with a word has_stuck_words would find, in one query."""
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT student_id FROM mastery WHERE {_STUCK} ORDER BY student_id",
        [misses, stamp(named_before)]).fetchall()]


def claim_stuck_words(db: Database, student_id: int, misses: int, named_before: datetime,
                      now: datetime) -> list[tuple[int, bool]]:
    """Words missed `misses`+ times in a row that no alert named at or after `named_before`
    (has_stuck_words); mark them named now. Each as (word id, True when an older alert named
    it already)."""
    with db.atomic():
        rows = db.execute("SELECT word_id, alerted_at IS NOT NULL FROM mastery WHERE "
                          f"student_id = ? AND {_STUCK} ORDER BY word_id",
                          [student_id, misses, stamp(named_before)]).fetchall()
        marks = ",".join("?" * len(rows))
        db.execute(f"UPDATE mastery SET alerted_at = ? WHERE student_id = ? AND "
                   f"word_id IN ({marks})", [stamp(now), student_id, *(r[0] for r in rows)])
    return [(r[0], bool(r[1])) for r in rows]


def recent_answers(db: Database, student_id: int, limit: int) -> list[bool]:
    """The student's last graded answers, newest first (True when right), without "Practice
    again": a right one there follows the answer shown, and would hide a struggling student."""
    rows = db.execute("SELECT correct FROM attempts WHERE student_id = ? AND practice = 0 "
                      "ORDER BY answered_at DESC, id DESC LIMIT ?", [student_id, limit])
    return [bool(r[0]) for r in rows.fetchall()]
