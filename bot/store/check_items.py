"""Check items: the questions of a student's checks, their answers, and where a check stands."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from bot.domain.checks import Item
from bot.domain.frozen import quick_init
from bot.domain.scaffold import ItemType
from bot.store.clock import parse, stamp
from bot.store.rows import Columns, at_position, rows_by_position


@quick_init
@dataclass(frozen=True)
class StoredItem:
    id: int
    student_id: int
    prompt_lang: str
    item: Item
    poll_id: str | None
    answered: bool
    practice: bool = False  # a re-teaching item: not one of the check's numbered questions
    asked_at: datetime | None = None  # when the item was stored (its check began, or re-teaching)
    poll_message: int | None = None  # the message showing its quiz poll (None: no poll known)
    # its word was asked with this same prompt within mastery.PROMPT_MEMORY (save_items)
    remembered: bool = False


def last_prompts(db: Database, student_id: int) -> dict[int, tuple[str, ...]]:
    """Per word, the prompts its latest numbered question and any "Practice again" item after
    it showed: both were read with their answers shown, so a new check asks the word another
    way where it has one (domain/variety.py; a check that repeated the practice item's
    question tested the screen, playtest: "habitat"). Read once as a check is built, never on
    the answer path; purged items are simply not known."""
    rows = db.execute("SELECT word_id, prompt, practice FROM check_items WHERE student_id = ? "
                      "ORDER BY id", [student_id]).fetchall()
    shown: dict[int, tuple[str, ...]] = {}
    for word_id, prompt, practice in rows:  # in order: a numbered question starts afresh
        shown[word_id] = (*shown.get(word_id, ()), prompt) if practice else (prompt,)
    return shown


def prompts_since(db: Database, student_id: int, since: datetime
                  ) -> dict[int, tuple[str, ...]]:
    """Per word, the prompts it was asked with at or after `since` (read as a check is
    built, never on the answer path)."""
    rows = db.execute("SELECT DISTINCT word_id, prompt FROM check_items WHERE student_id = ? "
                      "AND created_at >= ?", [student_id, stamp(since)]).fetchall()
    asked: dict[int, tuple[str, ...]] = {}
    for word_id, prompt in rows:
        asked[word_id] = (*asked.get(word_id, ()), prompt)
    return asked


def save_items(db: Database, student_id: int, prompt_lang: str, items: list[Item],
               now: datetime, remembered_since: datetime | None = None) -> list[int]:
    """Store a new check's items (closing any the student left unanswered); return their ids.
    An item whose word was asked with the same prompt at or after `remembered_since` is marked
    remembered (StoredItem.remembered), in the same statement that stores it."""
    ids = []
    since = stamp(remembered_since) if remembered_since is not None else None
    with db.atomic():
        db.execute("UPDATE check_items SET answered_at = ? WHERE student_id = ? "
                   "AND answered_at IS NULL", [stamp(now), student_id])
        for item in items:
            cursor = db.execute(
                "INSERT INTO check_items (student_id, word_id, item_type, prompt_lang, options, "
                "answer, prompt, asks_meaning, created_at, decoys, remembered) VALUES (?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ? IS NOT NULL AND EXISTS (SELECT 1 FROM check_items "
                "WHERE student_id = ? AND word_id = ? AND prompt = ? AND created_at >= ?))",
                [student_id, item.word_id, str(item.item_type), prompt_lang,
                 json.dumps(item.options, ensure_ascii=False), item.answer, item.prompt,
                 int(item.asks_meaning), stamp(now), _decoys_text(item), since, student_id,
                 item.word_id, item.prompt, since])
            ids.append(cursor.lastrowid or 0)
        if ids:
            marks = ",".join("?" * len(ids))
            db.execute(f"UPDATE check_items SET check_id = ? WHERE id IN ({marks})",
                       [ids[0], *ids])
    return ids


def append_item(db: Database, item_id: int, student_id: int, prompt_lang: str, item: Item,
                now: datetime) -> int:
    """Add one practice item at the end of the check that `item_id` belongs to (outside its
    numbered questions and its score); return its id."""
    cursor = db.execute(
        "INSERT INTO check_items (check_id, student_id, word_id, item_type, prompt_lang, "
        "options, answer, prompt, asks_meaning, created_at, decoys, practice) SELECT check_id, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1 FROM check_items WHERE id = ?",
        [student_id, item.word_id, str(item.item_type), prompt_lang,
         json.dumps(item.options, ensure_ascii=False), item.answer, item.prompt,
         int(item.asks_meaning), stamp(now), _decoys_text(item), item_id])
    return cursor.lastrowid or 0


def _decoys_text(item: Item) -> str | None:
    return json.dumps(item.decoys) if item.decoys else None


def practice_since(db: Database, student_id: int, word_id: int, since: datetime) -> bool:
    """True when a "Practice again" item on the word was added at or after a moment."""
    return db.execute("SELECT 1 FROM check_items WHERE student_id = ? AND word_id = ? AND "
                      "practice = 1 AND created_at >= ? LIMIT 1",
                      [student_id, word_id, stamp(since)]).fetchone() is not None


_ITEM_TYPES = {t.value: t for t in ItemType}  # as ItemType(text), without the enum's call


@lru_cache(maxsize=4096)  # an item's options as stored: text that never changes
def _options(text: str) -> tuple[str, ...]:
    """An item's options, decoded once: a tap decodes its item, then the next one, which the
    tap after it decodes again."""
    return tuple(json.loads(text))


Row = sqlite3.Row  # a check_items row, read by position (rows.rows_by_position)


def _item(row: Row, at: Columns) -> StoredItem:
    decoys = at_position(row, at, "decoys")
    item = Item(row[at["word_id"]], _ITEM_TYPES[row[at["item_type"]]], row[at["prompt"]],
                _options(row[at["options"]]), row[at["answer"]], bool(row[at["asks_meaning"]]),
                _options(decoys) if decoys else ())
    created = at_position(row, at, "created_at")
    return StoredItem(row[at["id"]], row[at["student_id"]], row[at["prompt_lang"]], item,
                      row[at["poll_id"]], row[at["answered_at"]] is not None,
                      bool(row[at["practice"]]), parse(created) if created else None,
                      at_position(row, at, "poll_message_id"),
                      bool(at_position(row, at, "remembered")))


def _one_item(db: Database, sql: str, params: list[Any]) -> StoredItem | None:
    rows, at = rows_by_position(db, sql, params)
    return _item(rows[0], at) if rows else None


def get_item(db: Database, item_id: int) -> StoredItem | None:
    return _one_item(db, "SELECT * FROM check_items WHERE id = ?", [item_id])


def item_by_poll(db: Database, poll_id: str) -> StoredItem | None:
    return _one_item(db, "SELECT * FROM check_items WHERE poll_id = ?", [poll_id])


def set_poll(db: Database, item_id: int, poll_id: str, message_id: int) -> None:
    """Remember the quiz poll that asks an item, and the message that shows it."""
    db.execute("UPDATE check_items SET poll_id = ?, poll_message_id = ? WHERE id = ?",
               [poll_id, message_id, item_id])


def next_open_item(db: Database, student_id: int) -> StoredItem | None:
    """The student's oldest unanswered item in the current check."""
    return _one_item(db, "SELECT * FROM check_items WHERE student_id = ? AND answered_at IS "
                     "NULL ORDER BY id LIMIT 1", [student_id])


def take_english_retry(db: Database, item_id: int, allowed: int) -> bool:
    """Count one "write it in English" on an open item; False when it had `allowed` already
    (or is answered): the answer is then graded."""
    cursor = db.execute("UPDATE check_items SET english_retries = english_retries + 1 "
                        "WHERE id = ? AND answered_at IS NULL AND english_retries < ?",
                        [item_id, allowed])
    return cursor.rowcount == 1


def close_item(db: Database, item_id: int, correct: bool, now: datetime,
               chosen_word_id: int | None = None) -> bool:
    """Mark an item answered (`chosen_word_id`: the pack word of a wrong option tapped);
    False when it already was (a replayed button)."""
    cursor = db.execute("UPDATE check_items SET answered_at = ?, correct = ?, chosen_word_id = ? "
                        "WHERE id = ? AND answered_at IS NULL",
                        [stamp(now), int(correct), chosen_word_id, item_id])
    return cursor.rowcount == 1


@quick_init
@dataclass(frozen=True)
class CheckState:
    """Where a check stands after an answer: its next open item, or the score."""

    next_item: StoredItem | None
    number: int      # position of next_item among the numbered questions (1-based)
    total: int       # numbered questions: fixed when the check starts
    right: int       # right answers to numbered questions (practice is not scored)
    answered: int
    # right answers to "🔁 Practice again" items: said apart at the check's end, so "✅ Right!"
    # is not followed by a bare "0 of 3 right" (playtest, Hmong level 1)
    practice_right: int = 0


@dataclass(frozen=True)
class Check:
    """One check's items in order, read in one query, and how each was answered (None: open).

    Rows are turned into items only when asked for: a tap needs two of them (the one answered
    and the next), not every option list of the check decoded. Rows are read by position
    (`at`: each column's, by name; rows.rows_by_position)."""

    rows: tuple[Row, ...]
    correct: tuple[bool | None, ...]
    at: Columns

    def item(self, item_id: int) -> StoredItem | None:
        ident = self.at["id"]
        return next((_item(r, self.at) for r in self.rows if r[ident] == item_id), None)

    def open_item(self) -> StoredItem | None:
        """The first item still open (an item's check holds a student's oldest open item)."""
        return next((_item(r, self.at) for r, c in zip(self.rows, self.correct, strict=True)
                     if c is None), None)

    def ends_with(self, item_id: int) -> bool:
        """True when `item_id` is the only item still open: answering it ends the check, unless
        re-teaching then adds one."""
        ident = self.at["id"]
        return all(c is not None for r, c in zip(self.rows, self.correct, strict=True)
                   if r[ident] != item_id)

    def asks_typed(self) -> bool:
        """Whether any of its questions is typed (shown with no options)."""
        return any(r["options"] == "[]" for r in self.rows)

    def revealed(self, word_id: int, before: int) -> bool:
        """True when an answer in this check before item `before` was a wrong tap on this
        word, whose meaning its feedback then showed ("Your answer, decomposer, means
        burburiye."): asked about it minutes later, she may remember that screen."""
        ident, answered = self.at["id"], self.at["answered_at"]
        chosen = self.at.get("chosen_word_id")  # None: a store from before its migration
        return chosen is not None and any(
            r[chosen] == word_id for r in self.rows
            if r[ident] < before and r[answered] is not None)

    def answered(self, item_id: int, correct: bool) -> Check:
        """The check as it stands once `item_id` is answered (already written in the store)."""
        ident = self.at["id"]
        return Check(self.rows, tuple(correct if r[ident] == item_id else c
                                      for r, c in zip(self.rows, self.correct, strict=True)),
                     self.at)

    def last_answer(self) -> datetime | None:
        """When the student last answered in this check (None: never; an item a newer check
        closed unanswered has no answer)."""
        answered_at, right = self.at["answered_at"], self.at["correct"]
        times = [parse(r[answered_at]) for r in self.rows if r[right] is not None]
        return max(times) if times else None

    def state(self) -> CheckState:
        """Number, total and score count the numbered questions only: a re-teaching item is
        practice, so the check never grows while the student fails."""
        # one pass over the rows (a tap reads where its check stands once or twice)
        open_at: int | None = None
        practice = self.at["practice"]
        before = total = right = answered = practised = 0
        for n, (row, correct) in enumerate(zip(self.rows, self.correct, strict=True)):
            if correct is None and open_at is None:
                open_at = n
            if row[practice]:
                practised += correct is True
                continue
            total += 1
            before += open_at is None  # numbered questions before the first open one
            if correct is not None:
                answered += 1
                right += correct
        following = None if open_at is None else _item(self.rows[open_at], self.at)
        return CheckState(following, min(total, 1 + before), total, right, answered, practised)


def read_check(db: Database, item_id: int) -> Check:
    """The whole check an item belongs to, in one query (empty when there is no such item)."""
    return _check(*rows_by_position(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                        "check_id FROM check_items WHERE id = ?) ORDER BY id",
                                    [item_id]))


def poll_check(db: Database, poll_id: str) -> tuple[StoredItem | None, Check]:
    """The item a quiz poll asks and its whole check, in one query (None, empty: no such
    poll): a poll answer then reads no more of the check than a tap does."""
    check = _check(*rows_by_position(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                         "check_id FROM check_items WHERE poll_id = ?) ORDER BY "
                                         "id", [poll_id]))
    polled = check.at["poll_id"]
    row = next((r for r in check.rows if r[polled] == poll_id), None)
    return (_item(row, check.at) if row is not None else None), check


def open_check(db: Database, student_id: int) -> Check:
    """The whole check holding the student's open item (next_open_item), in one query: a typed
    answer reads its question and where the check stands at once (empty when none is open)."""
    return _check(*rows_by_position(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                        "check_id FROM check_items WHERE student_id = ? AND "
                                        "answered_at IS NULL ORDER BY id LIMIT 1) ORDER BY id",
                                    [student_id]))


def _check(rows: list[Row], at: Columns) -> Check:
    answered, correct = at["answered_at"], at["correct"]  # (named even with no row)
    return Check(tuple(rows),
                 tuple(None if r[answered] is None else bool(r[correct]) for r in rows), at)


def check_state(db: Database, item_id: int) -> CheckState:
    """Where the check an item belongs to stands, in one query."""
    return read_check(db, item_id).state()


def check_progress(db: Database, item_id: int) -> tuple[int, int, int, int]:
    """(position of this item, items in its check, answered right, answered) for one check."""
    rows = db.execute("SELECT id, correct FROM check_items WHERE check_id = "
                      "(SELECT check_id FROM check_items WHERE id = ?) ORDER BY id",
                      [item_id]).fetchall()
    ids = [r[0] for r in rows]
    answered = [r[1] for r in rows if r[1] is not None]
    return ids.index(item_id) + 1, len(ids), sum(answered), len(answered)


def missed_known_words(db: Database, item_id: int) -> bool:
    """True when a numbered question of this item's check was missed on a word the student had
    answered right before the check began (not a new word: one that slipped away)."""
    return db.execute(
        "SELECT 1 FROM check_items c WHERE c.check_id = (SELECT check_id FROM check_items "
        "WHERE id = ?) AND c.practice = 0 AND c.correct = 0 AND EXISTS (SELECT 1 FROM attempts "
        "a WHERE a.student_id = c.student_id AND a.word_id = c.word_id AND a.correct = 1 "
        "AND a.answered_at < c.created_at) LIMIT 1", [item_id]).fetchone() is not None
