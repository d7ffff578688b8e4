"""What the store holds about one child, for an administrator: find them by name, export all
of it (a records request), and find those the retention job erases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import stamp

# Columns that hold a Telegram id (a student's id is their Telegram id: every student_id too)
TELEGRAM_ID_COLUMNS = frozenset({"student_id", "teacher_id", "telegram_id", "chat_id",
                                 "asker_id", "created_by", "used_by", "set_by",
                                 "owner_teacher_id"})


@dataclass(frozen=True)
class FoundStudent:
    """One student whose first name matches, with their classes (an id to export or delete)."""

    student_id: int
    first_name: str
    language: str | None
    classes: tuple[str, ...]


@dataclass(frozen=True)
class ListedClass:
    """One class as an administrator picks it: its id, name, teachers (the one who created
    it first) and how many students it has."""

    class_id: int
    name: str
    teachers: tuple[str, ...]
    students: int


def list_classes(db: Database) -> list[ListedClass]:
    """Every class with its teachers' first names and roster size, by name then id."""
    rows = db.execute(
        "SELECT c.id, c.name, (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id), "
        "(SELECT first_name FROM teachers t WHERE t.id = c.teacher_id), "
        "(SELECT group_concat(first_name, char(31)) FROM (SELECT t.first_name FROM "
        "class_teachers ct JOIN teachers t ON t.id = ct.teacher_id WHERE ct.class_id = c.id "
        "ORDER BY ct.added_at, t.id)) FROM classes c ORDER BY c.name COLLATE NOCASE, c.id"
    ).fetchall()
    return [ListedClass(r[0], r[1], tuple(t for t in [r[3] or "?", *(r[4] or "").split("\x1f")]
                                          if t), r[2]) for r in rows]


def find_students(db: Database, name: str) -> list[FoundStudent]:
    """Students whose first name contains `name` (any case), with the classes they are in."""
    rows = db.execute(
        # Each class with its teacher: two teachers' "Science 7B" are told apart
        "SELECT s.id, s.first_name, s.language, group_concat(c.name || ' (' || "
        "coalesce(t.first_name, '?') || ')', char(31)) FROM students s "
        "LEFT JOIN enrollments e ON e.student_id = s.id LEFT JOIN classes c ON c.id = e.class_id "
        "LEFT JOIN teachers t ON t.id = c.teacher_id "
        "WHERE instr(lower(s.first_name), lower(?)) > 0 GROUP BY s.id ORDER BY s.first_name, s.id",
        [name.strip()]).fetchall()
    return [FoundStudent(r[0], r[1], r[2], tuple(sorted(r[3].split("\x1f"))) if r[3] else ())
            for r in rows]


def _rows(db: Database, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def student_record(db: Database, student_id: int) -> dict[str, list[dict[str, Any]]] | None:
    """Every row the store keeps about one student, by table (None: no such student): their
    own row, every row of any table with a column holding their Telegram id (a table added
    later is included by itself), messages about them, the classes they are in and their
    family members' languages."""
    record = {"students": _rows(db, "SELECT * FROM students WHERE id = :id", {"id": student_id})}
    if not record["students"]:
        return None
    for table in db.table_names():
        columns = sorted(TELEGRAM_ID_COLUMNS & set(db[table].columns_dict))
        if not columns:
            continue
        about = " OR ".join(f"[{c}] = :id" for c in columns)
        if table == "outbox":  # a message about them names them in its text
            about += (" OR json_extract(payload, '$.student_id') = :id OR EXISTS (SELECT 1 "
                      "FROM json_each(payload, '$.student_ids') WHERE value = :id)")
        rows = _rows(db, f"SELECT * FROM [{table}] WHERE {about}", {"id": student_id})
        if rows:
            record[table] = rows
    record["classes"] = _rows(db, "SELECT c.id, c.name FROM classes c JOIN enrollments e "
                              "ON e.class_id = c.id WHERE e.student_id = :id", {"id": student_id})
    record["family_languages"] = _rows(
        db, "SELECT * FROM family_languages WHERE telegram_id IN "
        "(SELECT telegram_id FROM families WHERE student_id = :id)", {"id": student_id})
    return record


def unenrolled_before(db: Database, cutoff: datetime) -> list[int]:
    """Students in no class who have done nothing since `cutoff`: joined before it, no answer,
    card or check since, and no teacher or family account (what retention erases)."""
    when = stamp(cutoff)
    return [r[0] for r in db.execute(
        "SELECT s.id FROM students s WHERE s.created_at < :when AND NOT EXISTS "
        "(SELECT 1 FROM enrollments e WHERE e.student_id = s.id) AND NOT EXISTS "
        "(SELECT 1 FROM attempts a WHERE a.student_id = s.id AND a.answered_at >= :when) "
        "AND NOT EXISTS (SELECT 1 FROM check_items i WHERE i.student_id = s.id "
        "AND i.created_at >= :when) AND NOT EXISTS (SELECT 1 FROM mastery m "
        "WHERE m.student_id = s.id AND max(coalesce(m.updated_at, ''), "
        "coalesce(m.card_seen_at, ''), coalesce(m.shown_at, '')) >= :when) "
        # A teacher or family member with a student side keeps it: erasing a person erases
        # every role, and those roles are not retention's to end
        "AND s.id NOT IN (SELECT id FROM teachers) AND s.id NOT IN "
        "(SELECT telegram_id FROM families) ORDER BY s.id",
        {"when": when}).fetchall()]


def tables_naming_people(db: Database) -> list[str]:
    """The tables with a column holding a Telegram id (what the dashboard must not serve)."""
    return sorted(t for t in db.table_names() if t in ("students", "teachers")
                  or TELEGRAM_ID_COLUMNS & set(db[t].columns_dict))


def word_labels(db: Database, word_ids: set[int]) -> dict[int, str]:
    """Each word as a reader knows it: its English term and its pack's title."""
    if not word_ids:
        return {}
    marks = ",".join("?" * len(word_ids))
    return {r[0]: f"{r[1]} ({r[2] or r[3]})" for r in db.execute(
        f"SELECT w.id, w.term, p.title, w.pack_id FROM words w LEFT JOIN packs p "
        f"ON p.id = w.pack_id WHERE w.id IN ({marks})", sorted(word_ids))}


def class_labels(db: Database, class_ids: set[int]) -> dict[int, str]:
    """Each class's name."""
    if not class_ids:
        return {}
    marks = ",".join("?" * len(class_ids))
    return dict(db.execute(f"SELECT id, name FROM classes WHERE id IN ({marks})",
                           sorted(class_ids)).fetchall())


def teachers_classes(db: Database, teacher_ids: set[int]) -> dict[int, list[str]]:
    """Each teacher (of `teacher_ids` that is one) with the names of the classes they own or
    co-teach (perhaps none: a teacher whose classes are gone)."""
    if not teacher_ids:
        return {}
    marks = ",".join("?" * len(teacher_ids))
    found: dict[int, list[str]] = {r[0]: [] for r in db.execute(
        f"SELECT id FROM teachers WHERE id IN ({marks})", sorted(teacher_ids))}
    for teacher, name in db.execute(
            f"SELECT teacher_id, name FROM classes WHERE teacher_id IN ({marks}) UNION "
            f"SELECT t.teacher_id, c.name FROM class_teachers t JOIN classes c "
            f"ON c.id = t.class_id WHERE t.teacher_id IN ({marks}) ORDER BY 2",
            [*sorted(teacher_ids), *sorted(teacher_ids)]):
        found.setdefault(teacher, []).append(name)
    return found
