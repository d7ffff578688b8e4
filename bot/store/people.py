"""Teachers, classes, students, enrollments and family links."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from bot.domain.frozen import quick_init
from bot.domain.mastery import mastery_state, met
from bot.domain.word_status import WordStatus, word_status
from bot.store.class_words import CLASS_WORDS, scope
from bot.store.clock import parse, stamp
from bot.store.rows import Row, all_rows, at_position, column, one_row, rows_by_position
from bot.store.study import COUNTED_ANSWERS, COUNTED_RIGHT, TILES_BIT, TYPED_TILES_CHECKS


@quick_init
@dataclass(frozen=True)
class Student:
    id: int
    first_name: str
    language: str | None
    reminder_time: str | None
    blocked: bool
    typed_intro: bool = False  # she was told once how a typed question works (0031)
    # the days her family excused (0048), read with her row where study needs them: the day
    # words come back is a school day of hers, and an answer may cost no statement more
    excused: frozenset[date] = frozenset()
    # level 2: her typed questions open on their letter tiles (0050; tiles.LettersFirst, None:
    # never asked nor set), read with her row: no statement more on a graded answer
    letters_first: int | None = None
    # she cannot read yet: her level 1-2 choice questions are checked orally (0052,
    # /readaloud), read with her row: no statement more on a graded answer
    reads_aloud: bool = False


@dataclass(frozen=True)
class ClassInfo:
    id: int
    teacher_id: int
    name: str
    join_code: str
    code_expires_at: datetime
    pack_id: str | None


@quick_init
@dataclass(frozen=True)
class Enrollment:
    class_id: int
    class_name: str
    wida_level: int | None
    pack_id: str | None
    level_source: str | None = None  # PLACEMENT or TEACHER, None while there is no level

    @property
    def level_by_teacher(self) -> bool:
        return self.level_source == TEACHER


def _class(row: dict) -> ClassInfo:
    return ClassInfo(row["id"], row["teacher_id"], row["name"], row["join_code"],
                     parse(row["code_expires_at"]), row["pack_id"])


def upsert_teacher(db: Database, teacher_id: int, first_name: str, now: datetime) -> None:
    """Record a teacher (idempotent)."""
    db.execute("INSERT INTO teachers (id, first_name, created_at) VALUES (?, ?, ?) "
               "ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name",
               [teacher_id, first_name, stamp(now)])


def set_teacher_language(db: Database, teacher_id: int, code: str) -> None:
    """Remember the language a teacher reads, for messages sent when they are not writing."""
    db.execute("UPDATE teachers SET language = ? WHERE id = ?", [code, teacher_id])


def choose_teacher_language(db: Database, teacher_id: int, code: str | None) -> None:
    """Keep the language a teacher chose (None: follow her phone's again)."""
    if code is None:
        db.execute("UPDATE teachers SET language_chosen = 0 WHERE id = ?", [teacher_id])
    else:
        db.execute("UPDATE teachers SET language = ?, language_chosen = 1 WHERE id = ?",
                   [code, teacher_id])


def teacher_choice(db: Database, teacher_id: int) -> str | None:
    """The language a teacher chose with /language (None: none, or not a teacher)."""
    row = db.execute("SELECT language FROM teachers WHERE id = ? AND language_chosen = 1",
                     [teacher_id]).fetchone()
    return str(row[0]) if row else None


def teacher_language(db: Database, teacher_id: int) -> str | None:
    """The language a teacher last read Puente in (None: not a teacher)."""
    row = db.execute("SELECT language FROM teachers WHERE id = ?", [teacher_id]).fetchone()
    return str(row[0]) if row else None


def teacher_name(db: Database, teacher_id: int) -> str | None:
    """The name a teacher is known by to her colleagues (the one /scheduled shows)."""
    row = db.execute("SELECT first_name FROM teachers WHERE id = ?", [teacher_id]).fetchone()
    return str(row[0]) if row else None


def is_teacher(db: Database, user_id: int) -> bool:
    return db.execute("SELECT 1 FROM teachers WHERE id = ?", [user_id]).fetchone() is not None


def create_class(db: Database, teacher_id: int, name: str, join_code: str,
                 expires_at: datetime, pack_id: str | None, now: datetime) -> ClassInfo:
    """Create a class with its join code."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO classes (teacher_id, name, join_code, code_expires_at, pack_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [teacher_id, name, join_code, stamp(expires_at), pack_id, stamp(now)])
    found = class_by_id(db, cursor.lastrowid or 0)
    assert found is not None
    return found


def class_by_id(db: Database, class_id: int) -> ClassInfo | None:
    row = next(db.query("SELECT * FROM classes WHERE id = ?", [class_id]), None)
    return _class(row) if row else None


# A join code as a student copies it from the board: any case, 0 for O, 1 or I for l. New codes
# have no look-alikes (bot/services/join.py); older mixed-case ones are matched the same way.
# The key is computed on both sides: in SQL for the stored code, by code_key for the typed one.
_CODE_KEY_SQL = "replace(replace(replace(lower(join_code), '0', 'o'), '1', 'l'), 'i', 'l')"


def code_key(join_code: str) -> str:
    """What two join codes that read the same share: "WKbs0" and "wkbso" are one code."""
    return join_code.lower().replace("0", "o").replace("1", "l").replace("i", "l")


def class_by_code(db: Database, join_code: str) -> ClassInfo | None:
    """The class whose join code reads like this one (see code_key)."""
    row = next(db.query(f"SELECT * FROM classes WHERE {_CODE_KEY_SQL} = ? ORDER BY id",
                        [code_key(join_code)]), None)
    return _class(row) if row else None


def teacher_classes(db: Database, teacher_id: int) -> list[ClassInfo]:
    """The classes a teacher owns or co-teaches."""
    rows = db.query("SELECT * FROM classes WHERE teacher_id = ? OR id IN (SELECT class_id "
                    "FROM class_teachers WHERE teacher_id = ?) ORDER BY name",
                    [teacher_id, teacher_id])
    return [_class(r) for r in rows]


def rename_class(db: Database, class_id: int, name: str) -> None:
    db.execute("UPDATE classes SET name = ? WHERE id = ?", [name, class_id])


def others_class_names(db: Database, teacher_id: int) -> list[str]:
    """The names of the classes a teacher neither owns nor co-teaches (another teacher's
    "Science 7B" typed at the start of an announcement is not a message to their own class)."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT name FROM classes WHERE teacher_id != ? AND id NOT IN (SELECT "
        "class_id FROM class_teachers WHERE teacher_id = ?) ORDER BY name",
        [teacher_id, teacher_id]).fetchall()]


def replace_join_code(db: Database, class_id: int, join_code: str, expires_at: datetime,
                      now: datetime) -> None:
    """Give a class a new join code; the old one stops working at once, and is remembered
    (hashed) until it would have expired, so whoever opens it is told it was replaced."""
    old = class_by_id(db, class_id)
    with db.atomic():
        db.execute("DELETE FROM replaced_join_codes WHERE expires_at <= ?", [stamp(now)])
        if old is not None and old.code_expires_at > now:
            db.execute("INSERT OR REPLACE INTO replaced_join_codes (code_hash, class_id, "
                       "expires_at) VALUES (?, ?, ?)",
                       [_code_hash(code_key(old.join_code)), class_id,
                        stamp(old.code_expires_at)])
        db.execute("UPDATE classes SET join_code = ?, code_expires_at = ? WHERE id = ?",
                   [join_code, stamp(expires_at), class_id])


def replaced_class(db: Database, join_code: str, now: datetime) -> ClassInfo | None:
    """The class whose old join code this is, replaced and not yet past its own expiry."""
    # Hashed by code_key since codes are matched forgivingly; rows from before, as typed.
    row = db.execute("SELECT class_id FROM replaced_join_codes WHERE code_hash IN (?, ?) "
                     "AND expires_at > ?", [_code_hash(code_key(join_code)),
                                            _code_hash(join_code), stamp(now)]).fetchone()
    return class_by_id(db, row[0]) if row else None


def _code_hash(join_code: str) -> str:
    return hashlib.sha256(join_code.encode()).hexdigest()


def set_class_pack(db: Database, class_id: int, pack_id: str) -> None:
    db.execute("UPDATE classes SET pack_id = ? WHERE id = ?", [pack_id, class_id])


def _student(row: Row) -> Student:
    days = column(row, "excused")
    return Student(row["id"], row["first_name"], row["language"], row["reminder_time"],
                   row["blocked_at"] is not None, bool(column(row, "typed_intro")),
                   _excused(days), column(row, "letters_first"),
                   bool(column(row, "reads_aloud")))


def _excused(days: str | None) -> frozenset[date]:
    """The days her family excused, as the store lists them ("2026-09-14,2026-09-15")."""
    return frozenset(date.fromisoformat(d) for d in days.split(",")) if days else frozenset()


def student_with_classes(db: Database, student_id: int
                         ) -> tuple[Student | None, list[Enrollment]]:
    """A student and their enrolments in one query (every graded answer needs both), with the
    days her family excused."""
    rows, at = rows_by_position(
        db, "SELECT s.*, c.id AS class_id, c.name AS class_name, e.wida_level, c.pack_id, "
        "e.level_source, (SELECT group_concat(x.day) FROM excused_days x "
        "WHERE x.student_id = s.id) AS excused "
        "FROM students s LEFT JOIN enrollments e ON e.student_id = s.id "
        "LEFT JOIN classes c ON c.id = e.class_id WHERE s.id = ? ORDER BY e.joined_at",
        [student_id])
    if not rows:
        return None, []
    class_id, name, level, pack, source = (at[c] for c in (
        "class_id", "class_name", "wida_level", "pack_id", "level_source"))
    classes = [Enrollment(r[class_id], r[name], r[level], r[pack], r[source])
               for r in rows if r[class_id] is not None]
    first = rows[0]
    days = at_position(first, at, "excused")
    return Student(first[at["id"]], first[at["first_name"]], first[at["language"]],
                   first[at["reminder_time"]], first[at["blocked_at"]] is not None,
                   bool(at_position(first, at, "typed_intro")),
                   _excused(days), at_position(first, at, "letters_first"),
                   bool(at_position(first, at, "reads_aloud"))), classes


def get_student(db: Database, student_id: int) -> Student | None:
    row = one_row(db, "SELECT * FROM students WHERE id = ?", [student_id])
    return _student(row) if row else None


def upsert_student(db: Database, student_id: int, first_name: str, now: datetime) -> None:
    """Record a student (idempotent); a returning student is no longer marked blocked."""
    db.execute("INSERT INTO students (id, first_name, created_at) VALUES (?, ?, ?) "
               "ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, "
               "blocked_at = NULL", [student_id, first_name[:64], stamp(now)])


def set_student_language(db: Database, student_id: int, language: str) -> None:
    db.execute("UPDATE students SET language = ? WHERE id = ?", [language, student_id])


def set_letters_first(db: Database, student_id: int, mark: int) -> None:
    """Set a student's "letters first" mark (tiles.LettersFirst), whatever it was: her
    teacher's choice."""
    db.execute("UPDATE students SET letters_first = ? WHERE id = ?", [mark, student_id])


def set_reads_aloud(db: Database, student_id: int, on: bool) -> None:
    """Turn a student's oral checks on or off (/readaloud): her teacher's choice."""
    db.execute("UPDATE students SET reads_aloud = ? WHERE id = ?", [int(on), student_id])


def reading_aloud(db: Database, student_ids: Sequence[int]) -> frozenset[int]:
    """Those of these students whose checks are oral (/readaloud), in one query."""
    if not student_ids:
        return frozenset()
    marks = ", ".join("?" * len(student_ids))
    return frozenset(r[0] for r in db.execute(
        f"SELECT id FROM students WHERE reads_aloud = 1 AND id IN ({marks})",
        list(student_ids)).fetchall())


def claim_letters_offer(db: Database, student_id: int, asked: int, after: int) -> bool:
    """Mark the student as asked (`asked`), only if she never was nor her teacher set it, and
    she answered typed questions with their tiles in `after` checks or more: True the one time
    the offer is made. One statement (it runs in a graded answer's transaction)."""
    cursor = db.execute(f"UPDATE students SET letters_first = ? WHERE id = ? "
                        f"AND letters_first IS NULL AND ({TYPED_TILES_CHECKS}) >= ?",
                        [asked, student_id, student_id, TILES_BIT, after])
    return cursor.rowcount == 1


def answer_letters_offer(db: Database, student_id: int, asked: int, mark: int) -> bool:
    """Her answer to the offer, taken only while it waits (`asked`): False for an offer she
    answered already, one never made (a forged button), or one her teacher decided since."""
    cursor = db.execute("UPDATE students SET letters_first = ? WHERE id = ? "
                        "AND letters_first = ?", [mark, student_id, asked])
    return cursor.rowcount == 1


def set_reminder(db: Database, student_id: int, hhmm: str | None) -> None:
    db.execute("UPDATE students SET reminder_time = ? WHERE id = ?", [hhmm, student_id])


def mark_blocked(db: Database, chat_id: int, now: datetime) -> None:
    """Remember that this user blocked the bot, so deliveries skip them."""
    db.execute("UPDATE students SET blocked_at = ? WHERE id = ?", [stamp(now), chat_id])


def mark_unblocked(db: Database, chat_id: int) -> bool:
    """Forget that this user blocked the bot (they opened the chat again); False: not marked."""
    return db.execute("UPDATE students SET blocked_at = NULL WHERE id = ? "
                      "AND blocked_at IS NOT NULL", [chat_id]).rowcount == 1


REMINDER_OFF = "off"  # reminder_time: NULL = the school's time, "off" = opted out, else HH:MM


def students_with_reminders(db: Database) -> list[Student]:
    """Students who chose their own reminder time (the rest get the school's)."""
    rows = db.query("SELECT * FROM students WHERE reminder_time IS NOT NULL "
                    "AND reminder_time != ? AND blocked_at IS NULL", [REMINDER_OFF])
    return [_student(r) for r in rows]


def students_on_school_reminder(db: Database) -> list[Student]:
    """Students reminded at the school's reminder time: never chose a time, never opted out."""
    rows = db.query("SELECT * FROM students WHERE reminder_time IS NULL AND blocked_at IS NULL "
                    "AND language IS NOT NULL ORDER BY id")
    return [_student(r) for r in rows]


def students_not_reminded(db: Database) -> list[Student]:
    """Enrolled students no reminder job writes to: opted out, or blocked the bot."""
    rows = db.query("SELECT * FROM students WHERE language IS NOT NULL "
                    "AND (reminder_time = ? OR blocked_at IS NOT NULL) "
                    "AND id IN (SELECT student_id FROM enrollments) ORDER BY id",
                    [REMINDER_OFF])
    return [_student(r) for r in rows]


def class_students(db: Database, class_id: int) -> list[Student]:
    """Students of a class who have confirmed a language (so can be sent a preview)."""
    rows = db.query("SELECT s.* FROM enrollments e JOIN students s ON s.id = e.student_id "
                    "WHERE e.class_id = ? AND s.language IS NOT NULL ORDER BY s.id", [class_id])
    return [_student(r) for r in rows]


def class_size(db: Database, class_id: int) -> int:
    """Every student enrolled in a class, whether or not they have chosen a language."""
    return int(db.execute("SELECT count(*) FROM enrollments WHERE class_id = ?",
                          [class_id]).fetchone()[0])


def without_language(db: Database, class_id: int) -> int:
    """Students of a class who joined but have not chosen a home language yet (a preview
    cannot be written for them until they do)."""
    row = db.execute("SELECT count(*) FROM enrollments e JOIN students s ON s.id = e.student_id "
                     "WHERE e.class_id = ? AND s.language IS NULL", [class_id]).fetchone()
    return int(row[0])


def enroll(db: Database, student_id: int, class_id: int, now: datetime) -> bool:
    """Enrol a student with the class's next roster number; return False when they were
    already in the class (their number stays)."""
    with db.atomic():
        # ON CONFLICT names the primary key: a clash on (class_id, roster_no) must fail loudly,
        # never be ignored like "already enrolled".
        cursor = db.execute(
            "INSERT INTO enrollments (student_id, class_id, joined_at, roster_no) "
            "SELECT ?, id, ?, last_roster_no + 1 FROM classes WHERE id = ? "
            "ON CONFLICT (student_id, class_id) DO NOTHING",
            [student_id, stamp(now), class_id])
        if cursor.rowcount != 1:
            return False
        # Numbers are never given twice in a class: not after a removal, nor a /deleteme.
        db.execute("UPDATE classes SET last_roster_no = last_roster_no + 1 WHERE id = ?",
                   [class_id])
    return True


def enrollments(db: Database, student_id: int) -> list[Enrollment]:
    rows = all_rows(
        db, "SELECT c.id, c.name, e.wida_level, c.pack_id, e.level_source FROM enrollments e "
        "JOIN classes c ON c.id = e.class_id WHERE e.student_id = ? ORDER BY e.joined_at",
        [student_id])
    return [Enrollment(r["id"], r["name"], r["wida_level"], r["pack_id"], r["level_source"])
            for r in rows]


def set_level(db: Database, student_id: int, class_id: int | None, level: int,
              source: str) -> None:
    """Set a WIDA level in one class, or in every class of the student when class_id is None."""
    if class_id is None:
        # A level the teacher set is never overwritten by the student's own placement.
        db.execute("UPDATE enrollments SET wida_level = ?, level_source = ? "
                   "WHERE student_id = ? AND (? = 'teacher' OR level_source IS NOT 'teacher')",
                   [level, source, student_id, source])
    else:
        db.execute("UPDATE enrollments SET wida_level = ?, level_source = ? "
                   "WHERE student_id = ? AND class_id = ?", [level, source, student_id,
                                                              class_id])


def delete_user(db: Database, user_id: int) -> None:
    """Delete everything about a user: as a student (cascading) and as a family member."""
    with db.atomic():
        db.execute("DELETE FROM students WHERE id = ?", [user_id])
        db.execute("DELETE FROM families WHERE telegram_id = ?", [user_id])


# Who set a level (enrollments.level_source): the student's own self-placement only proposes
# one; the teacher's is a WIDA level. Reports label the first as self-placed.
PLACEMENT = "placement"
TEACHER = "teacher"


# The one level a student is taught at, whatever class (placement.student_level, in SQL so a
# roster or a report reads it with its rows): a teacher's level in any class wins over the
# student's placement, and of several the lowest. `e` names the row's enrollment; the second
# value says a teacher set it. tests/store/test_taught_level.py holds the two rules together.
TAUGHT_LEVEL_VALUE = (
    "(SELECT coalesce(min(CASE WHEN t.level_source = 'teacher' THEN t.wida_level END), "
    "min(t.wida_level)) FROM enrollments t WHERE t.student_id = e.student_id)")
TAUGHT_LEVEL = (
    f"{TAUGHT_LEVEL_VALUE}, (SELECT coalesce(max(t.level_source = 'teacher'), 0) "
    "FROM enrollments t WHERE t.student_id = e.student_id AND t.wida_level IS NOT NULL)")


@dataclass(frozen=True)
class RosterRow:
    student_id: int
    first_name: str
    language: str | None
    level: int | None
    level_source: str | None = None
    number: int = 0  # enrollments.roster_no: given at enrolment, what the commands take
    # words met by status (word_status, as /report and /student give it), in WordStatus order
    words: tuple[int, ...] = (0, 0, 0, 0, 0)
    blocked: bool = False  # blocked the bot: nothing reaches them until they open the chat
    unopened: int = 0  # words given (pushed or unlocked) whose cards they have not opened
    # the level they are taught at (TAUGHT_LEVEL): another class's may hold it lower than
    # `level`, this class's; and whether a teacher set it, and this class's name
    taught: int | None = None
    taught_by_teacher: bool = False
    class_name: str = ""

    @property
    def self_placed(self) -> bool:
        """The level is the student's self-placement, not yet confirmed by a teacher."""
        return self.level is not None and self.level_source == PLACEMENT


# The order /roster, the report's rows, the CSV and the heatmap list a class's students in: by
# name, two Anas by number. Only an order: each student's number is their own (roster_no),
# given when they joined, so a student who joins or leaves never changes anyone else's.
ROSTER_ORDER = "s.first_name COLLATE NOCASE, e.roster_no"


def roster(db: Database, class_id: int) -> list[RosterRow]:
    """Students of one class with their numbers, language, level and the words of this class
    they have met by status (word_status: /report's and /student's one rule), by name."""
    rows = db.execute(
        "SELECT s.id, s.first_name, s.language, e.wida_level, e.level_source, e.roster_no, "
        f"s.blocked_at IS NOT NULL, {TAUGHT_LEVEL}, c.name FROM enrollments e "
        "JOIN students s ON s.id = e.student_id JOIN classes c ON c.id = e.class_id "
        f"WHERE e.class_id = ? ORDER BY {ROSTER_ORDER}", [class_id]).fetchall()
    counts: dict[int, Counter[WordStatus]] = {}
    unopened: Counter[int] = Counter()
    # m.attempts (practice included) says whether the word was answered at all
    words = db.execute(
        f"WITH {CLASS_WORDS} "
        "SELECT m.student_id, m.mastered_at IS NOT NULL, json_array_length(m.success_days), "
        f"{COUNTED_ANSWERS}, {COUNTED_RIGHT}, m.misses_in_row, m.shown_at IS NOT NULL, "
        "w.retired_at IS NOT NULL, m.attempts, m.practised_right "
        "FROM enrollments e JOIN mastery m ON m.student_id = e.student_id "
        "JOIN words w ON w.id = m.word_id "
        "WHERE e.class_id = :class_id AND m.word_id IN (SELECT word_id FROM class_words)",
        {"class_id": class_id, **scope([class_id])}).fetchall()
    for (student_id, mastered, days, attempts, correct, misses, shown, retired, answered,
         practice_right) in words:
        state = mastery_state(bool(mastered), days, answered > 0)
        if met(bool(shown), state):
            status = word_status(state, correct, attempts, misses, practice_right)
            counts.setdefault(student_id, Counter())[status] += 1
        elif not retired:  # given, card not opened yet (a retired word is not coming)
            unopened[student_id] += 1
    return [RosterRow(*r[:6], words=tuple(counts.get(r[0], Counter())[s] for s in WordStatus),
                      blocked=bool(r[6]), unopened=unopened[r[0]], taught=r[7],
                      taught_by_teacher=bool(r[8]), class_name=r[9]) for r in rows]


@dataclass(frozen=True)
class Enrolled:
    """A student in one of a teacher's classes, with their roster number there: what tells
    two students of the same name apart."""

    student_id: int
    first_name: str
    class_id: int
    class_name: str
    number: int


def teacher_enrolments(db: Database, teacher_id: int) -> list[Enrolled]:
    """Every enrolment in the classes a teacher owns or co-teaches, earliest first."""
    rows = db.execute(
        "SELECT e.student_id, s.first_name, c.id, c.name, e.roster_no FROM classes c "
        "JOIN enrollments e ON e.class_id = c.id JOIN students s ON s.id = e.student_id "
        "WHERE c.teacher_id = ? OR c.id IN (SELECT class_id FROM class_teachers "
        "WHERE teacher_id = ?) ORDER BY e.joined_at, c.id", [teacher_id, teacher_id]).fetchall()
    return [Enrolled(*r) for r in rows]


def classmates_languages(db: Database, student_id: int) -> list[tuple[str, int]]:
    """Home languages already confirmed by others in the student's classes, with how many
    classmates confirmed each, most common first."""
    rows = db.execute(
        "SELECT s.language, count(DISTINCT s.id) FROM enrollments mine "
        "JOIN enrollments e ON e.class_id = mine.class_id JOIN students s ON s.id = e.student_id "
        "WHERE mine.student_id = ? AND s.id != mine.student_id AND s.language IS NOT NULL "
        "GROUP BY s.language ORDER BY count(DISTINCT s.id) DESC, s.language",
        [student_id]).fetchall()
    return [(r[0], r[1]) for r in rows]


def teacher_student_languages(db: Database, teacher_id: int,
                              class_id: int | None = None) -> list[str]:
    """The non-English home languages of a teacher's students (in one class, or all)."""
    rows = db.execute(
        "SELECT DISTINCT s.language FROM classes c JOIN enrollments e ON e.class_id = c.id "
        "JOIN students s ON s.id = e.student_id WHERE (c.teacher_id = ? OR c.id IN "
        "(SELECT class_id FROM class_teachers WHERE teacher_id = ?)) "
        "AND (? IS NULL OR c.id = ?) AND s.language IS NOT NULL AND s.language != 'en' "
        "ORDER BY s.language", [teacher_id, teacher_id, class_id, class_id]).fetchall()
    return [r[0] for r in rows]


def teachers_of(db: Database, student_id: int) -> list[int]:
    """The teachers of a student's classes."""
    rows = db.execute("SELECT c.teacher_id FROM enrollments e JOIN classes c "
                      "ON c.id = e.class_id WHERE e.student_id = ? UNION "
                      "SELECT t.teacher_id FROM enrollments e JOIN class_teachers t "
                      "ON t.class_id = e.class_id WHERE e.student_id = ?",
                      [student_id, student_id]).fetchall()
    return [r[0] for r in rows]


def teachers_by_class(db: Database, student_id: int) -> list[tuple[int, int]]:
    """(class id, teacher id) for each teacher, owner or co-teacher, of a student's classes."""
    rows = db.execute("SELECT c.id, c.teacher_id FROM enrollments e JOIN classes c "
                      "ON c.id = e.class_id WHERE e.student_id = ? UNION "
                      "SELECT t.class_id, t.teacher_id FROM enrollments e JOIN class_teachers t "
                      "ON t.class_id = e.class_id WHERE e.student_id = ? ORDER BY 1, 2",
                      [student_id, student_id]).fetchall()
    return [(r[0], r[1]) for r in rows]


def classes_named(db: Database, name: str) -> list[ClassInfo]:
    """Every class with this name, any teacher."""
    rows = db.query("SELECT * FROM classes WHERE name = ? COLLATE NOCASE", [name])
    return [_class(r) for r in rows]


def open_invite(db: Database, code: str, now: datetime) -> bool:
    """True when an administrator issued this teacher invite, nobody has used it, and it has
    not expired (invites from before expiry existed never count)."""
    return db.execute("SELECT 1 FROM teacher_invites WHERE code = ? AND used_at IS NULL "
                      "AND expires_at > ?", [code, stamp(now)]).fetchone() is not None


def add_invite(db: Database, code: str, admin_id: int, now: datetime,
               expires_at: datetime) -> None:
    db.execute("INSERT INTO teacher_invites (code, created_by, created_at, expires_at) "
               "VALUES (?, ?, ?, ?)", [code, admin_id, stamp(now), stamp(expires_at)])


def use_invite(db: Database, code: str, user_id: int, now: datetime) -> None:
    db.execute("UPDATE teacher_invites SET used_by = ?, used_at = ? WHERE code = ?",
               [user_id, stamp(now), code])


# placements.answers is a JSON list of answers (1 right, 0 wrong, -1 "I don't know") while a
# first placement is open. A placement the student takes again (/placement) is an object,
# {"redo": true, "answers": [...]}, kept as {"redo": true, "done": true} once it is over: the
# one row tells that the student has had their second go (no new column for one fact).
def _placement_row(db: Database, student_id: int) -> list[int] | dict[str, Any] | None:
    row = db.execute("SELECT answers FROM placements WHERE student_id = ?",
                     [student_id]).fetchone()
    return json.loads(row[0]) if row else None


def placement_answers(db: Database, student_id: int) -> list[int]:
    """Right (1) / wrong (0) self-placement answers so far."""
    return open_placement_answers(db, student_id) or []


def open_placement(db: Database, student_id: int) -> None:
    """Open a self-placement for a student (keeping answers already given)."""
    db.execute("INSERT OR IGNORE INTO placements (student_id) VALUES (?)", [student_id])


def open_placement_answers(db: Database, student_id: int) -> list[int] | None:
    """Answers so far while a placement is open for this student; None when none is open."""
    found = _placement_row(db, student_id)
    if isinstance(found, dict):
        return None if found.get("done") else list(found.get("answers", []))
    return None if found is None else list(found)


def placement_redo(db: Database, student_id: int) -> str | None:
    """"open" while the student takes their placement again, "done" once they have, else
    None."""
    found = _placement_row(db, student_id)
    if not isinstance(found, dict) or not found.get("redo"):
        return None
    return "done" if found.get("done") else "open"


def open_placement_redo(db: Database, student_id: int) -> None:
    """Open the student's second placement, from its first question."""
    db.execute("INSERT OR REPLACE INTO placements (student_id, answers) VALUES (?, ?)",
               [student_id, json.dumps({"redo": True, "answers": []})])


def save_placement_answers(db: Database, student_id: int, answers: list[int]) -> None:
    value: list[int] | dict[str, Any] = answers
    if placement_redo(db, student_id) == "open":
        value = {"redo": True, "answers": answers}
    db.execute("INSERT INTO placements (student_id, answers) VALUES (?, ?) "
               "ON CONFLICT(student_id) DO UPDATE SET answers = excluded.answers",
               [student_id, json.dumps(value)])


def clear_placement(db: Database, student_id: int) -> None:
    """Close the student's placement; a second one leaves its mark (no third go)."""
    if placement_redo(db, student_id) is not None:
        db.execute("UPDATE placements SET answers = ? WHERE student_id = ?",
                   [json.dumps({"redo": True, "done": True}), student_id])
        return
    db.execute("DELETE FROM placements WHERE student_id = ?", [student_id])
