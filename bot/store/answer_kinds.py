"""A class's level 1-2 students' latest counted answers by kind of question, and every
student's 🤷 at questions to write the word: one query for the class each."""

from __future__ import annotations

import json
from collections.abc import Collection

from sqlite_utils import Database

from bot.domain.answer_kinds import KIND_ANSWERS, AnswerKind, KindCount, tally
from bot.domain.typed_skips import TypedSkips
from bot.store.class_words import CLASS_WORDS, scope
from bot.store.study import SEEN_AS_TILES, TYPED_BIT


def answers_by_kind(db: Database, student_ids: Collection[int], class_ids: Collection[int],
                    latest: int = KIND_ANSWERS) -> dict[int, dict[AnswerKind, KindCount]]:
    """Each student's counted answers (never practice, as every report count) on these
    classes' words among their `latest` answers, by kind (answer_kinds.tally; an item type
    Puente does not ask is left out; a 🤷 over letter tiles is a tiles answer, as she saw
    it, never a typed one: study.SEEN_AS_TILES). One query for the class, whatever its size (tests/
    handlers/test_report_answer_kinds.py), reading at most `latest` answers a student
    (idx_attempts_student_time finds the time of her `latest`-th answer): reading all her
    answers made the matrix of bench/report_query.py's 30 students and 1 M answers 0.85 s
    slower, this about 40 ms."""
    if not student_ids:
        return {}
    rows = db.execute(
        f"WITH {CLASS_WORDS} SELECT a.student_id, a.item_type, "
        "coalesce(a.grading & :tiles, 0) != 0, count(*), sum(a.correct) "
        "FROM json_each(:students) s JOIN attempts a ON a.student_id = s.value "
        "AND a.answered_at >= coalesce((SELECT b.answered_at FROM attempts b "
        "WHERE b.student_id = s.value ORDER BY b.answered_at DESC LIMIT 1 OFFSET :skip), '') "
        "WHERE a.practice = 0 AND a.word_id IN (SELECT word_id FROM class_words) "
        "GROUP BY 1, 2, 3",
        {"tiles": SEEN_AS_TILES, "students": json.dumps(sorted(student_ids)), "skip": latest - 1,
         **scope(class_ids)}).fetchall()
    by_student: dict[int, list[tuple[str, bool, int, int]]] = {}
    for student_id, item_type, tiles, answered, right in rows:
        by_student.setdefault(student_id, []).append((item_type, bool(tiles), answered, right))
    found = {s: tally(kinds) for s, kinds in by_student.items()}
    return {s: counts for s, counts in found.items() if counts}


def typed_skips(db: Database, student_ids: Collection[int], class_ids: Collection[int],
                latest: int = KIND_ANSWERS) -> dict[int, TypedSkips]:
    """Each student's counted answers (never practice) on these classes' words among their
    `latest`, as answers_by_kind reads them: the questions to write the word (typed, or
    spelled with letter tiles: attempts.grading's typed flag) and the 🤷 among them
    (attempts.dont_know), the meaning chosen among options (listening left out) and the
    right ones; only for students with a 🤷 at a question to write. One query for the class.
    Answers graded before Puente kept how (grading NULL) are neither."""
    if not student_ids:
        return {}
    typed = "(a.grading & :typed) != 0"
    chosen = "(a.grading & :typed) = 0 AND a.item_type != 'listen'"
    rows = db.execute(
        f"WITH {CLASS_WORDS} SELECT a.student_id, sum({typed}), "
        f"sum({typed} AND a.dont_know = 1), sum({chosen}), sum({chosen} AND a.correct = 1) "
        "FROM json_each(:students) s JOIN attempts a ON a.student_id = s.value "
        "AND a.answered_at >= coalesce((SELECT b.answered_at FROM attempts b "
        "WHERE b.student_id = s.value ORDER BY b.answered_at DESC LIMIT 1 OFFSET :skip), '') "
        "WHERE a.practice = 0 AND a.grading IS NOT NULL "
        "AND a.word_id IN (SELECT word_id FROM class_words) "
        f"GROUP BY 1 HAVING sum({typed} AND a.dont_know = 1) > 0",
        {"typed": TYPED_BIT, "students": json.dumps(sorted(student_ids)), "skip": latest - 1,
         **scope(class_ids)}).fetchall()
    return {r[0]: TypedSkips(*r[1:]) for r in rows}
