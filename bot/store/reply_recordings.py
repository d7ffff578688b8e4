"""A class's ready-made replies said in a language no voice speaks (migration 0053): the only
SQL for `reply_recordings`. Read when a teacher records, relays a message or taps a reply,
never on a student's graded answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.clock import stamp


@dataclass(frozen=True)
class ReplyRecording:
    """One ready-made reply said in one language for a class, by a teacher or co-teacher."""

    class_id: int
    reply: str
    language: str
    file_id: str
    seconds: int
    recorded_by: int


def save_reply_recording(db: Database, class_id: int, reply: str, language: str, file_id: str,
                         seconds: int, teacher_id: int, now: datetime) -> None:
    """Keep a voice note of the reply for the class (a newer one replaces it)."""
    with db.atomic():
        db.execute(
            "INSERT INTO reply_recordings (class_id, reply, language, file_id, seconds, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(class_id, reply, language) DO UPDATE SET file_id=excluded.file_id, "
            "seconds=excluded.seconds, recorded_by=excluded.recorded_by, "
            "recorded_at=excluded.recorded_at",
            [class_id, reply, language, file_id, seconds, teacher_id, stamp(now)])


def delete_reply_recording(db: Database, class_id: int, reply: str, language: str) -> bool:
    """Delete the class's recording of the reply in this language; False when there was none."""
    with db.atomic():
        return bool(db.execute("DELETE FROM reply_recordings WHERE class_id = ? AND reply = ? "
                               "AND language = ?", [class_id, reply, language]).rowcount)


def class_replies_recorded(db: Database, class_id: int, language: str) -> set[str]:
    """The replies the class has recorded in this language."""
    return {r[0] for r in db.execute(
        "SELECT reply FROM reply_recordings WHERE class_id = ? AND language = ?",
        [class_id, language]).fetchall()}


def replies_for_student(db: Database, teacher_id: int, student_id: int, language: str
                        ) -> dict[str, ReplyRecording]:
    """The replies recorded in this language by a class of the student's that this teacher
    teaches (owns or co-teaches), by reply: the newest where two of her classes have one."""
    rows = db.execute(
        "SELECT r.class_id, r.reply, r.language, r.file_id, r.seconds, r.recorded_by "
        "FROM reply_recordings r JOIN enrollments e ON e.class_id = r.class_id "
        "JOIN classes c ON c.id = r.class_id "
        "WHERE e.student_id = ? AND r.language = ? AND (c.teacher_id = ? OR EXISTS ("
        "SELECT 1 FROM class_teachers ct WHERE ct.class_id = c.id AND ct.teacher_id = ?)) "
        "ORDER BY r.recorded_at DESC, r.class_id", [student_id, language, teacher_id,
                                                   teacher_id]).fetchall()
    found: dict[str, ReplyRecording] = {}
    for row in rows:
        found.setdefault(row[1], ReplyRecording(row[0], row[1], row[2], row[3], int(row[4]),
                                                row[5]))
    return found


def family_languages(db: Database, class_id: int) -> list[str]:
    """The languages the class's students' family members read Puente in, A-Z by code."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT f.language FROM families f JOIN enrollments e "
        "ON e.student_id = f.student_id WHERE e.class_id = ? AND f.language IS NOT NULL "
        "ORDER BY f.language", [class_id]).fetchall()]
