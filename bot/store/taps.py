"""The questions with options a student answered lately, and the wrong words she chose: what
telling which two words she mixes up reads (domain/confusions.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


_ANSWERED = ("SELECT student_id, word_id, item_type, prompt, options, answer, "
             "asks_meaning, prompt_lang, chosen_word_id, answered_at "
             "FROM check_items WHERE student_id IN ({marks}) AND correct IS NOT NULL "
             "AND answered_at >= ? AND options != '[]'{gate} ORDER BY answered_at, id")
# "...and she chose one of two words for the other at least N times since then": evaluated
# once (it names no column of the outer rows), so a tap that makes no pair reads no row
_CHOSEN = (" AND (SELECT count(*) FROM check_items WHERE student_id = ? AND answered_at >= ? "
           "AND ((word_id = ? AND chosen_word_id = ?) OR (word_id = ? AND chosen_word_id = ?)))"
           " >= ?")


def answered_taps(db: Database, student_ids: Sequence[int], since: datetime) -> list[AnsweredTap]:
    """The questions with options these students answered at or after `since`, oldest first
    (typed questions and items a newer check closed unanswered are left out)."""
    if not student_ids:
        return []
    marks = ",".join("?" * len(student_ids))
    return _answered(all_rows(db, _ANSWERED.format(marks=marks, gate=""),
                              [*student_ids, stamp(since)]))


def taps_if_chosen(db: Database, student_id: int, first: int, second: int, since: datetime,
                   times: int) -> list[AnsweredTap]:
    """answered_taps of one student, read only when since `since` she chose one of two words
    for the other at least `times` times (else none): one statement either way, as the graded
    answer path reads it after a wrong tap on a pack word."""
    at = stamp(since)
    return _answered(all_rows(db, _ANSWERED.format(marks="?", gate=_CHOSEN),
                              [student_id, at, student_id, at, first, second, second, first,
                               times]))


def _answered(rows: Sequence[dict[str, Any]]) -> list[AnsweredTap]:
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
