"""Read-only queries behind the teacher reports; they read running totals, never all attempts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain.mastery import MasteryState, mastery_state, met
from bot.store.people import PLACEMENT, ROSTER_ORDER


@dataclass(frozen=True)
class Cell:
    student_id: int
    word_id: int
    p_known: float
    mastered: bool
    attempts: int
    correct: int
    last_seen: str | None
    misses_in_row: int
    first_seen: str | None = None  # first graded answer: "correct N of M over D days"
    days_right: int = 0            # local days right since the last miss
    listened: int = 0              # listening answers ("hear the word, choose it"), in attempts
    listened_right: int = 0        # right ones among them, in correct
    shown: bool = True             # its card was shown (else met only if answered)

    @property
    def state(self) -> MasteryState:
        return mastery_state(self.mastered, self.days_right, self.attempts > 0)


@dataclass(frozen=True)
class StudentRow:
    id: int
    first_name: str
    language: str | None
    level: int | None
    level_source: str | None = None
    number: int = 0  # enrollments.roster_no: the number /roster shows and the commands take

    @property
    def self_placed(self) -> bool:
        """The level is the student's self-placement, not yet confirmed by a teacher."""
        return self.level is not None and self.level_source == PLACEMENT


@dataclass(frozen=True)
class WordColumn:
    id: int
    term: str
    pack_id: str


@dataclass(frozen=True)
class ClassMatrix:
    students: list[StudentRow]
    words: list[WordColumn]
    cells: dict[tuple[int, int], Cell]


def class_matrix(db: Database, class_id: int) -> ClassMatrix:
    """Students x words of one class with mastery and attempt totals, over the words each
    student has met (their card shown, or answered)."""
    students = [StudentRow(*r) for r in db.execute(
        "SELECT s.id, s.first_name, s.language, e.wida_level, e.level_source, e.roster_no "
        "FROM enrollments e JOIN students s ON s.id = e.student_id WHERE e.class_id = ? "
        f"ORDER BY {ROSTER_ORDER}", [class_id]).fetchall()]  # as /roster lists them
    rows = db.execute(
        "SELECT m.student_id, m.word_id, m.p_known, m.mastered_at IS NOT NULL, m.attempts, "
        "m.correct, m.last_seen, m.misses_in_row, m.first_seen, "
        "json_array_length(m.success_days), m.listened, m.listened_right, "
        "m.shown_at IS NOT NULL FROM enrollments e "
        "JOIN mastery m ON m.student_id = e.student_id WHERE e.class_id = ?",
        [class_id]).fetchall()
    cells = {(r[0], r[1]): cell for r in rows  # only words met: a card never opened is not
             if met((cell := Cell(r[0], r[1], r[2], bool(r[3]), *r[4:-1], bool(r[-1]))).shown,
                    cell.state)}
    word_ids = sorted({w for _, w in cells})
    words: list[WordColumn] = []
    if word_ids:
        marks = ",".join("?" * len(word_ids))
        words = [WordColumn(*r) for r in db.execute(
            f"SELECT id, term, pack_id FROM words WHERE id IN ({marks}) "
            "ORDER BY pack_id, position", word_ids).fetchall()]
    return ClassMatrix(students, words, cells)
