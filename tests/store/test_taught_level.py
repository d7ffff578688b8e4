"""The level a roster or report reads as taught (people.TAUGHT_LEVEL, in SQL) is the one study
teaches at (placement.student_level): a teacher's level wins over a placement, the lowest of
several wins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.domain.placement import student_level
from bot.store import open_store, people
from tests.clock import START

TEACHER, STUDENT = 9001, 1001
P, T = people.PLACEMENT, people.TEACHER


@pytest.mark.parametrize("levels", [
    [(3, T), (1, T)],
    [(1, P), (4, T)],
    [(2, P), (5, P)],
    [(None, None), (3, T)],
    [(None, None), (2, P)],
    [(None, None), (None, None)],
    [(6, T), (2, P), (4, T)],
])
def test_the_taught_level_read_with_a_roster_is_the_one_study_uses(
        levels: list[tuple[int | None, str | None]]) -> None:
    db: Database = open_store(None)
    people.upsert_teacher(db, TEACHER, "Rivera", START)
    people.upsert_student(db, STUDENT, "Ana", START)
    for n, (level, source) in enumerate(levels):
        found = people.create_class(db, TEACHER, f"Class {n}", f"CODE{n}abcdef",
                                    START + timedelta(days=90), None, START)
        people.enroll(db, STUDENT, found.id, START)
        if level is not None and source is not None:
            people.set_level(db, STUDENT, found.id, level, source)
    expected = student_level((level, source == T) for level, source in levels)
    rows = [people.roster(db, c.id)[0] for c in people.teacher_classes(db, TEACHER)]
    assert {r.taught for r in rows} == {expected}
    assert {r.taught_by_teacher for r in rows} == {any(
        source == T and level is not None for level, source in levels)}
