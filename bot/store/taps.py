"""The questions with options a student answered lately, and the wrong words she chose: what
telling which two words she mixes up reads (domain/confusions.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store.clock import parse, stamp
from bot.store.rows import all_rows


@dataclass(frozen=True)
class AnsweredTap:
    """One answered question with options, as stored: its item, the wrong pack word chosen
    (None: right, a 🤷, or no pack word), when, and the student's language then."""

    student_id: int
    item: Item
    chosen_word_id: int | None
    answered_at: datetime
    prompt_lang: str


def answered_taps(db: Database, student_ids: Sequence[int], since: datetime) -> list[AnsweredTap]:
    """The questions with options these students answered at or after `since`, oldest first
    (typed questions and items a newer check closed unanswered are left out)."""
    if not student_ids:
        return []
    marks = ",".join("?" * len(student_ids))
    rows = all_rows(
        db,
        "SELECT student_id, word_id, item_type, prompt, options, answer, "
        "asks_meaning, prompt_lang, chosen_word_id, answered_at "
        f"FROM check_items WHERE student_id IN ({marks}) AND correct IS NOT NULL "
        "AND answered_at >= ? AND options != '[]' ORDER BY answered_at, id",
        [*student_ids, stamp(since)],
    )
    return [
        AnsweredTap(
            r["student_id"],
            Item(
                r["word_id"],
                ItemType(r["item_type"]),
                r["prompt"],
                tuple(json.loads(r["options"])),
                r["answer"],
                bool(r["asks_meaning"]),
            ),
            r["chosen_word_id"],
            parse(r["answered_at"]),
            r["prompt_lang"],
        )
        for r in rows
    ]


def times_chosen(db: Database, student_id: int, first: int, second: int, since: datetime) -> int:
    """How many times since `since` the student chose one of two words for the other."""
    return db.execute(
        "SELECT count(*) FROM check_items WHERE student_id = ? AND answered_at >= ? AND "
        "((word_id = ? AND chosen_word_id = ?) OR (word_id = ? AND chosen_word_id = ?))",
        [student_id, stamp(since), first, second, second, first],
    ).fetchone()[0]
