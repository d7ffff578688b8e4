"""Which two words students mix up (domain/confusions.py): a student's own pairs, for /student
and for her "Practice again", and the pairs most of a class mixes up, for /report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.confusions import MIN_TIMES, WINDOW, Pair, Tap, class_pairs, mixed_up
from bot.store.packs import StoredWord, option_words, pack_ids, words_by_id
from bot.store.taps import AnsweredTap, answered_taps, taps_if_chosen

TOP = 3  # pairs /report names


@dataclass(frozen=True)
class MixedUp:
    """Two words mixed up, and by how many students (/report) or how many times (/student)."""

    first: StoredWord
    second: StoredWord
    count: int


def _taps(db: Database, rows: Sequence[AnsweredTap]) -> list[Tap]:
    """Each answered question as the rule reads it: the pack words its options offered, looked
    up as its grade looked them up (checks.option_index: every pack, the asked word's first)."""
    packs = pack_ids(db)
    asked = {w.id: w.pack_id for w in words_by_id(db, list({r.item.word_id for r in rows}))}
    taps = []
    for row in rows:
        refs = option_words(db, packs, row.prompt_lang).of(
            row.item, asked.get(row.item.word_id, "")
        )
        taps.append(
            Tap(
                row.item.word_id,
                frozenset(r.id for r in refs if r is not None),
                len(row.item.options),
                row.chosen_word_id,
                row.answered_at,
            )
        )
    return taps


def student_taps(db: Database, student_ids: Sequence[int], now: datetime
                 ) -> dict[int, list[Tap]]:
    """Each student's answered questions with options within the rule's window."""
    return taps_since(db, student_ids, now - WINDOW)


def taps_since(db: Database, student_ids: Sequence[int], since: datetime
               ) -> dict[int, list[Tap]]:
    """Each student's answered questions with options since a moment, oldest first."""
    by_student: dict[int, list[AnsweredTap]] = {sid: [] for sid in student_ids}
    for row in answered_taps(db, student_ids, since):
        by_student[row.student_id].append(row)
    return {sid: _taps(db, found) for sid, found in by_student.items()}


def _words(db: Database, pairs: Sequence[tuple[tuple[int, int], int]]) -> list[MixedUp]:
    found = {w.id: w for w in words_by_id(db, list({i for key, _ in pairs for i in key}))}
    return [
        MixedUp(found[a], found[b], count) for (a, b), count in pairs if a in found and b in found
    ]


def student_pairs(db: Database, student_id: int, now: datetime) -> list[MixedUp]:
    """The pairs this student mixes up now, most often chosen first (count: times chosen)."""
    pairs = mixed_up(student_taps(db, [student_id], now)[student_id], now)
    return _words(db, [(p.words, p.times) for p in pairs])


@dataclass(frozen=True)
class StudentMixUp:
    """One student's mixed-up pair, as the CSV of mixed-up words lists it."""

    student_id: int
    first: StoredWord
    second: StoredWord
    times: int    # times she chose one of the two for the other, within the window
    offered: int  # questions that offered both, within the window


def class_mix_ups(db: Database, student_ids: Sequence[int], now: datetime, top: int = TOP
                  ) -> tuple[list[MixedUp], list[StudentMixUp]]:
    """The `top` pairs most of these students mix up now (count: students), and every pair
    each of them mixes up (for the CSV), from one read of their answers."""
    by_student = {sid: mixed_up(taps, now)
                  for sid, taps in student_taps(db, student_ids, now).items()}
    shared = _words(db, class_pairs(by_student.values(), top))
    found = {w.id: w for w in words_by_id(
        db, list({i for pairs in by_student.values() for p in pairs for i in p.words}))}
    every = [StudentMixUp(sid, found[p.first], found[p.second], p.times, p.offered)
             for sid, pairs in by_student.items() for p in pairs
             if p.first in found and p.second in found]
    return shared, every


def mixed_pair(
    db: Database, student_id: int, first: int, second: int, now: datetime
) -> Pair | None:
    """The pair of these two words, when this student mixes them up now (else None)."""
    found = taps_if_chosen(db, student_id, first, second, now - WINDOW, MIN_TIMES)
    if not found:
        return None  # most wrong taps: one statement, no row read
    pairs = mixed_up(_taps(db, found), now)
    return next((p for p in pairs if set(p.words) == {first, second}), None)
