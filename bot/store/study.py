"""Study state: mastery per student x word, attempts, and the check items a student was sent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlite_utils import Database

from bot.domain.checks import Item
from bot.domain.mastery import WordMastery
from bot.domain.scaffold import ItemType
from bot.store.clock import parse, stamp
from bot.store.rows import Row, all_rows, column, one_row, rows_by_name


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


@lru_cache(maxsize=1024)  # a class's rows hold the same few lists of school days
def _days(text: str) -> frozenset[str]:
    """The local days a word was right since its last miss (most words have none yet)."""
    return frozenset() if text == "[]" else frozenset(json.loads(text))


def _mastery(row: Row) -> WordMastery:
    return WordMastery(
        p_known=row["p_known"], card=row["card"], due_at=parse(row["due_at"]),
        successes=row["successes"], misses_in_row=row["misses_in_row"],
        success_days=_days(row["success_days"]),
        mastered_at=parse(row["mastered_at"]) if row["mastered_at"] else None,
        first_correct_at=parse(row["first_correct_at"]) if row["first_correct_at"] else None,
        answered=bool(row["attempts"]), misses=row["attempts"] - row["correct"],
        shown_at=parse(row["shown_at"]) if row["shown_at"] else None,
        last_answered=parse(row["last_seen"]) if row["last_seen"] else None,
        luck=row["luck"], attempts=row["attempts"],
        card_seen_at=_seen(row["card_seen_at"] or row["shown_at"]))


def _seen(text: str | None) -> datetime | None:
    return parse(text) if text else None


def get_mastery(db: Database, student_id: int, word_id: int) -> WordMastery | None:
    row = one_row(db, "SELECT * FROM mastery WHERE student_id = ? AND word_id = ?",
                  [student_id, word_id])
    return _mastery(row) if row else None


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
         state.successes, state.misses_in_row, json.dumps(sorted(state.success_days)),
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


def mastery_and_answered_since(db: Database, student_id: int, word_id: int, since: datetime,
                               ahead: int | None = None
                               ) -> tuple[WordMastery | None, frozenset[int], WordMastery | None]:
    """One word's mastery, the other words the student answered (right or wrong) at or after
    a moment, and (`ahead`) one more word's mastery: one read for a graded tap."""
    rows = all_rows(db, "SELECT * FROM mastery WHERE student_id = ? AND (word_id IN (?, ?) OR "
                        "last_seen >= ?)", [student_id, word_id, ahead, stamp(since)])
    states = {r["word_id"]: r for r in rows}
    since_at = stamp(since)
    answered = frozenset(r["word_id"] for r in rows if r["word_id"] != word_id
                         and (r["word_id"] != ahead or (r["last_seen"] or "") >= since_at))
    state, upcoming = states.get(word_id), states.get(ahead) if ahead is not None else None
    return (_mastery(state) if state else None, answered,
            _mastery(upcoming) if upcoming else None)


def student_mastery(db: Database, student_id: int) -> dict[int, WordMastery]:
    """Every word the student has started, by word id (a check's last answer reads it too)."""
    rows = rows_by_name(db, "SELECT * FROM mastery WHERE student_id = ?", [student_id])
    return {r["word_id"]: _mastery(r) for r in rows}


def due_word_ids(db: Database, student_id: int, now: datetime, limit: int = 5) -> list[int]:
    """Words whose review is due, most overdue first."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND due_at <= ? "
                      "ORDER BY due_at LIMIT ?", [student_id, stamp(now), limit]).fetchall()
    return [r[0] for r in rows]


def record_attempt(db: Database, student_id: int, word_id: int, item_type: ItemType,
                   prompt_lang: str, correct: bool, now: datetime, practice: bool = False
                   ) -> None:
    """Keep one graded answer (save_mastery(answered=...) counts it in the totals);
    `practice`: a "Practice again" answer, which no teacher's count includes."""
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at, practice) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [student_id, word_id, str(item_type), prompt_lang, int(correct), stamp(now),
                int(practice)])


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
                "answer, prompt, asks_meaning, created_at, remembered) VALUES (?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ? IS NOT NULL AND EXISTS (SELECT 1 FROM check_items WHERE "
                "student_id = ? AND word_id = ? AND prompt = ? AND created_at >= ?))",
                [student_id, item.word_id, str(item.item_type), prompt_lang,
                 json.dumps(item.options, ensure_ascii=False), item.answer, item.prompt,
                 int(item.asks_meaning), stamp(now), since, student_id, item.word_id,
                 item.prompt, since])
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
        "options, answer, prompt, asks_meaning, created_at, practice) SELECT check_id, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, 1 FROM check_items WHERE id = ?",
        [student_id, item.word_id, str(item.item_type), prompt_lang,
         json.dumps(item.options, ensure_ascii=False), item.answer, item.prompt,
         int(item.asks_meaning), stamp(now), item_id])
    return cursor.lastrowid or 0


def practice_since(db: Database, student_id: int, word_id: int, since: datetime) -> bool:
    """True when a "Practice again" item on the word was added at or after a moment."""
    return db.execute("SELECT 1 FROM check_items WHERE student_id = ? AND word_id = ? AND "
                      "practice = 1 AND created_at >= ? LIMIT 1",
                      [student_id, word_id, stamp(since)]).fetchone() is not None


def _item(row: Row) -> StoredItem:
    item = Item(row["word_id"], ItemType(row["item_type"]), row["prompt"],
                tuple(json.loads(row["options"])), row["answer"], bool(row["asks_meaning"]))
    return StoredItem(row["id"], row["student_id"], row["prompt_lang"], item, row["poll_id"],
                      row["answered_at"] is not None, bool(row["practice"]),
                      parse(created) if (created := column(row, "created_at")) else None,
                      column(row, "poll_message_id"), bool(column(row, "remembered")))


def get_item(db: Database, item_id: int) -> StoredItem | None:
    row = one_row(db, "SELECT * FROM check_items WHERE id = ?", [item_id])
    return _item(row) if row else None


def item_by_poll(db: Database, poll_id: str) -> StoredItem | None:
    row = one_row(db, "SELECT * FROM check_items WHERE poll_id = ?", [poll_id])
    return _item(row) if row else None


def set_poll(db: Database, item_id: int, poll_id: str, message_id: int) -> None:
    """Remember the quiz poll that asks an item, and the message that shows it."""
    db.execute("UPDATE check_items SET poll_id = ?, poll_message_id = ? WHERE id = ?",
               [poll_id, message_id, item_id])


def next_open_item(db: Database, student_id: int) -> StoredItem | None:
    """The student's oldest unanswered item in the current check."""
    row = one_row(db, "SELECT * FROM check_items WHERE student_id = ? AND answered_at IS NULL "
                  "ORDER BY id LIMIT 1", [student_id])
    return _item(row) if row else None


def take_english_retry(db: Database, item_id: int, allowed: int) -> bool:
    """Count one "write it in English" on an open item; False when it had `allowed` already
    (or is answered): the answer is then graded."""
    cursor = db.execute("UPDATE check_items SET english_retries = english_retries + 1 "
                        "WHERE id = ? AND answered_at IS NULL AND english_retries < ?",
                        [item_id, allowed])
    return cursor.rowcount == 1


def claim_typed_intro(db: Database, student_id: int) -> bool:
    """Mark the student as told what a typed question is; True only the first time."""
    cursor = db.execute("UPDATE students SET typed_intro = 1 WHERE id = ? AND typed_intro = 0",
                        [student_id])
    return cursor.rowcount == 1


def close_item(db: Database, item_id: int, correct: bool, now: datetime,
               chosen_word_id: int | None = None) -> bool:
    """Mark an item answered (`chosen_word_id`: the pack word of a wrong option tapped);
    False when it already was (a replayed button)."""
    cursor = db.execute("UPDATE check_items SET answered_at = ?, correct = ?, chosen_word_id = ? "
                        "WHERE id = ? AND answered_at IS NULL",
                        [stamp(now), int(correct), chosen_word_id, item_id])
    return cursor.rowcount == 1


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
    and the next), not every option list of the check decoded."""

    rows: tuple[Row, ...]
    correct: tuple[bool | None, ...]

    def item(self, item_id: int) -> StoredItem | None:
        return next((_item(r) for r in self.rows if r["id"] == item_id), None)

    def open_item(self) -> StoredItem | None:
        """The first item still open (an item's check holds a student's oldest open item)."""
        return next((_item(r) for r, c in zip(self.rows, self.correct, strict=True)
                     if c is None), None)

    def ends_with(self, item_id: int) -> bool:
        """True when `item_id` is the only item still open: answering it ends the check, unless
        re-teaching then adds one."""
        return all(c is not None for r, c in zip(self.rows, self.correct, strict=True)
                   if r["id"] != item_id)

    def revealed(self, word_id: int, before: int) -> bool:
        """True when an answer in this check before item `before` was a wrong tap on this
        word, whose meaning its feedback then showed ("Your answer, decomposer, means
        burburiye."): asked about it minutes later, she may remember that screen."""
        return any(column(r, "chosen_word_id") == word_id for r in self.rows
                   if r["id"] < before and r["answered_at"] is not None)

    def answered(self, item_id: int, correct: bool) -> Check:
        """The check as it stands once `item_id` is answered (already written in the store)."""
        return Check(self.rows, tuple(correct if r["id"] == item_id else c
                                      for r, c in zip(self.rows, self.correct, strict=True)))

    def last_answer(self) -> datetime | None:
        """When the student last answered in this check (None: never; an item a newer check
        closed unanswered has no answer)."""
        times = [parse(r["answered_at"]) for r in self.rows if r["correct"] is not None]
        return max(times) if times else None

    def state(self) -> CheckState:
        """Number, total and score count the numbered questions only: a re-teaching item is
        practice, so the check never grows while the student fails."""
        open_at = next((n for n, c in enumerate(self.correct) if c is None), None)
        numbered = [c for r, c in zip(self.rows, self.correct, strict=True) if not r["practice"]]
        done = [c for c in numbered if c is not None]
        before = self.rows if open_at is None else self.rows[:open_at]
        number = min(len(numbered), 1 + sum(1 for r in before if not r["practice"]))
        following = None if open_at is None else _item(self.rows[open_at])
        practised = sum(1 for r, c in zip(self.rows, self.correct, strict=True)
                        if r["practice"] and c)
        return CheckState(following, number, len(numbered), sum(done), len(done), practised)


def read_check(db: Database, item_id: int) -> Check:
    """The whole check an item belongs to, in one query (empty when there is no such item)."""
    return _check(rows_by_name(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                   "check_id FROM check_items WHERE id = ?) ORDER BY id",
                               [item_id]))


def poll_check(db: Database, poll_id: str) -> tuple[StoredItem | None, Check]:
    """The item a quiz poll asks and its whole check, in one query (None, empty: no such
    poll): a poll answer then reads no more of the check than a tap does."""
    check = _check(rows_by_name(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                    "check_id FROM check_items WHERE poll_id = ?) ORDER BY id",
                                [poll_id]))
    row = next((r for r in check.rows if r["poll_id"] == poll_id), None)
    return (_item(row) if row is not None else None), check


def open_check(db: Database, student_id: int) -> Check:
    """The whole check holding the student's open item (next_open_item), in one query: a typed
    answer reads its question and where the check stands at once (empty when none is open)."""
    return _check(rows_by_name(db, "SELECT * FROM check_items WHERE check_id = (SELECT "
                                   "check_id FROM check_items WHERE student_id = ? AND "
                                   "answered_at IS NULL ORDER BY id LIMIT 1) ORDER BY id",
                               [student_id]))


def _check(rows: list[Row]) -> Check:
    return Check(tuple(rows),
                 tuple(None if r["answered_at"] is None else bool(r["correct"]) for r in rows))


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


def attempt_hours(db: Database, student_id: int) -> list[datetime]:
    """The UTC hours in which the student answered anything, newest first (few per day, and
    enough to find the local day in any time zone)."""
    rows = db.execute("SELECT DISTINCT substr(answered_at, 1, 13) AS h FROM attempts "
                      "WHERE student_id = ? ORDER BY h DESC", [student_id]).fetchall()
    return [parse(r[0] + ":00:00+00:00") for r in rows]


def answered_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when the student answered a check item (any graded answer) at or after a moment."""
    return db.execute("SELECT 1 FROM attempts WHERE student_id = ? AND answered_at >= ? LIMIT 1",
                      [student_id, stamp(since)]).fetchone() is not None


def read_cards_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when the student first read a word's card at or after a moment."""
    return db.execute("SELECT 1 FROM mastery WHERE student_id = ? AND shown_at >= ? LIMIT 1",
                      [student_id, stamp(since)]).fetchone() is not None


def mastered_since(db: Database, student_id: int, since: datetime) -> list[int]:
    """Word ids the student mastered at or after a moment."""
    rows = db.execute("SELECT word_id FROM mastery WHERE student_id = ? AND mastered_at >= ? "
                      "ORDER BY word_id", [student_id, stamp(since)]).fetchall()
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
