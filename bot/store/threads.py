"""Threads between a student's family (or the student) and the teachers, and announcements.

A thread row says who wrote to whom about which student, when, and in what language; it holds
no message text. The text lives in the two Telegram chats and, until it is delivered, in one
outbox row, whose text is emptied once it is sent (see `forget_sent_text`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from bot.store.clock import parse, stamp
from bot.store.families import wrote_in_sql

ASK, ANSWER = "ask", "answer"
STUDENT, FAMILY = "student", "family"


@dataclass(frozen=True)
class ThreadMessage:
    id: int
    student_id: int
    teacher_id: int
    asker_id: int
    asker_role: str
    direction: str
    language: str
    created_at: datetime
    answered_at: datetime | None
    thanks: bool = False  # a message that was only thanks: no answer is owed
    written: str | None = None  # the language it was written in (None: not known, or older)
    machine: bool | None = None  # an answer sent as a machine translation (None: older)
    started: bool = False  # a teacher's message that answers nothing: they wrote first
    ready: str | None = None  # ready-made replies (ids, space-separated) sent to it, or its own


@dataclass(frozen=True)
class Child:
    student_id: int
    first_name: str


@dataclass(frozen=True)
class Recipient:
    telegram_id: int
    language: str
    role: str            # 'family' | 'student'
    student_id: int


_COLUMNS = ("id, student_id, teacher_id, asker_id, asker_role, direction, language, "
            "created_at, answered_at, thanks, written, machine, started, ready")


def _message(r: tuple[Any, ...]) -> ThreadMessage:
    return ThreadMessage(r[0], r[1], r[2], r[3], r[4], r[5], r[6], parse(r[7]),
                         parse(r[8]) if r[8] else None, bool(r[9]), r[10] or None,
                         None if r[11] is None else bool(r[11]), bool(r[12]), r[13] or None)


def add_ask(db: Database, student_id: int, teacher_id: int, asker_id: int, role: str,
            language: str, relay_message_id: int | None, now: datetime,
            thanks: bool = False, written: str | None = None, note: str | None = None,
            voice: bool = False, sick: bool = False, cannot_read: bool = False) -> int:
    """Record a message relayed to one teacher (the relay's id lets the teacher reply; None
    until the outbox has delivered it), whether it was only thanks (a flag: no text), the
    language it was written in (None: not known), which family ready-made message it was
    (`note`, an id of Puente's own texts: no words of anyone's), and whether it was a voice
    note (a mark: no sound is kept), whether it said the child is sick, and whether it said
    in the family's own words that they cannot read English (marks)."""
    marks = [*([NOTE_MARK + note] if note else []), *([VOICE_MARK] if voice else []),
             *([SICK_MARK] if sick else []), *([CANNOT_READ_MARK] if cannot_read else [])]
    cursor = db.execute(
        "INSERT INTO thread_messages (student_id, teacher_id, asker_id, asker_role, direction, "
        "language, relay_message_id, created_at, thanks, written, ready) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [student_id, teacher_id, asker_id, role, ASK, language, relay_message_id, stamp(now),
         int(thanks), written or None, " ".join(marks) or None])
    return cursor.lastrowid or 0


# A family's ready-made message is kept on its thread row's `ready` as "note:<id>", beside the
# ids of the teacher's ready-made replies to it (a note and a reply may share an id: "sick").
NOTE_MARK = "note:"
# A voice note's row says so there too (no migration: `ready` holds marks; no reply id has a
# colon), so /thread tells the teacher it needs listening to (an interpreter), not reading.
VOICE_MARK = "kind:voice"
# A written message that said the child is sick: the ready-made replies offered under the
# teacher's answer to it are those offered under it (no words are kept to read again)
SICK_MARK = "said:sick"
# A written message that said, in the family's own words, what the ready-made "cannot-read"
# note says (domain/cannot_read_words.py): one mark, as the note is, told apart from it so
# that /thread never calls her own words a ready-made message
CANNOT_READ_MARK = "said:cannot-read"


def said_sick(message: ThreadMessage) -> bool:
    """Whether a thread row said the child is sick, or was a voice note nobody read (False:
    neither, or older)."""
    marks = (message.ready or "").split()
    return message.direction == ASK and (SICK_MARK in marks or VOICE_MARK in marks)


def was_voice(message: ThreadMessage) -> bool:
    """Whether a thread row is a voice note relayed as it is (False: written, or older)."""
    return message.direction == ASK and VOICE_MARK in (message.ready or "").split()


def own_note(message: ThreadMessage) -> str | None:
    """The family ready-made message a thread row is (None: written, or a teacher's)."""
    return next((part.removeprefix(NOTE_MARK) for part in (message.ready or "").split()
                 if part.startswith(NOTE_MARK)), None) if message.direction == ASK else None


def said_cannot_read(db: Database, asker_id: int, note: str) -> bool:
    """Whether this family member has told a teacher they cannot read English: the ready-made
    message `note`, or their own words that say it (kept as long as its thread row)."""
    return db.execute(
        "SELECT 1 FROM thread_messages WHERE asker_id = ? AND direction = ? "
        "AND (instr(' ' || coalesce(ready, '') || ' ', ' ' || ? || ' ') > 0 "
        "OR instr(' ' || coalesce(ready, '') || ' ', ' ' || ? || ' ') > 0) LIMIT 1",
        [asker_id, ASK, NOTE_MARK + note, CANNOT_READ_MARK]).fetchone() is not None


def set_relay(db: Database, thread_id: int, relay_message_id: int,
              shared: Sequence[int] = ()) -> None:
    """The relay was delivered: the teacher's reply to this message id finds the thread (and
    the `shared` rows the same message stands in: a twin's thread)."""
    for row_id in (thread_id, *shared):
        db.execute("UPDATE thread_messages SET relay_message_id = ? WHERE id = ?",
                   [relay_message_id, row_id])


def set_answer_message(db: Database, answer_id: int, answer_message_id: int) -> None:
    """The answer was delivered: a family member's reply to this message id (in their chat)
    finds the thread, so its child."""
    db.execute("UPDATE thread_messages SET answer_message_id = ? WHERE id = ? "
               "AND direction = ?", [answer_message_id, answer_id, ANSWER])


def add_answer(db: Database, asked: ThreadMessage, now: datetime, written: str | None = None,
               machine: bool | None = None, ready: str | None = None) -> int:
    """Record the teacher's answer to one message (the language it was `written` in, whether
    it went as a `machine` translation into the asker's language, or which `ready`-made
    reply it was) and mark the message answered."""
    # One relay may stand in several children's threads (twins): answered in each. The
    # message reached each teacher of the class as a row of its own (one writer, one child,
    # one moment): answered for them all, so a co-teacher's /thread no longer shows it
    # waiting and their ready-made reply asks first (playtest: a father read two answers).
    db.execute("UPDATE thread_messages SET answered_at = coalesce(answered_at, ?) WHERE id = ? "
               "OR (direction = ? AND (teacher_id, relay_message_id) = (SELECT teacher_id, "
               "relay_message_id FROM thread_messages WHERE id = ?)) "
               "OR (direction = ? AND asker_id = ? AND student_id = ? AND created_at = ?)",
               [stamp(now), asked.id, ASK, asked.id, ASK, asked.asker_id, asked.student_id,
                stamp(asked.created_at)])
    cursor = db.execute(
        "INSERT INTO thread_messages (student_id, teacher_id, asker_id, asker_role, direction, "
        "language, created_at, written, machine, ready) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [asked.student_id, asked.teacher_id, asked.asker_id, asked.asker_role, ANSWER,
         asked.language, stamp(now), written, None if machine is None else int(machine), ready])
    return cursor.lastrowid or 0


def answered_by_other(db: Database, asked: ThreadMessage) -> int | None:
    """The teacher, not the one it was relayed to, whose answer to this writer about this
    child came at or after it (their co-teacher's row was marked answered with it:
    add_answer), or None."""
    row = db.execute("SELECT teacher_id FROM thread_messages WHERE direction = ? AND "
                     "asker_id = ? AND student_id = ? AND teacher_id != ? AND created_at >= ? "
                     "AND NOT started ORDER BY created_at, id LIMIT 1",
                     [ANSWER, asked.asker_id, asked.student_id, asked.teacher_id,
                      stamp(asked.created_at)]).fetchone()
    return None if row is None else int(row[0])


def mark_ready(db: Database, asked_id: int, reply: str) -> bool:
    """Note that this ready-made reply answers this message; False when it already did (a
    second tap, a forged one: each reply goes once). Another reply may follow it ("I will
    call you", then "Please come to school"): the message's `ready` keeps them all, by id,
    space-separated, checked and added in one statement so two phones cannot both send one."""
    return db.execute(
        "UPDATE thread_messages SET ready = trim(coalesce(ready, '') || ' ' || ?) "
        "WHERE id = ? AND direction = ? "
        "AND instr(' ' || coalesce(ready, '') || ' ', ' ' || ? || ' ') = 0",
        [reply, asked_id, ASK, reply]).rowcount == 1


def add_started(db: Database, student_id: int, teacher_id: int, family_id: int,
                language: str, now: datetime, ready: str | None = None) -> int:
    """Record a message a teacher wrote first to one family member about one student (an
    answer to nothing; `ready`: which ready-made message it was): a reply to it, once
    delivered, finds the thread as a reply to an answer does."""
    cursor = db.execute(
        "INSERT INTO thread_messages (student_id, teacher_id, asker_id, asker_role, direction, "
        "language, created_at, started, written, ready) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        [student_id, teacher_id, family_id, FAMILY, ANSWER, language, stamp(now),
         None if ready is None else "en", ready])
    return cursor.lastrowid or 0


def answer_by_id(db: Database, answer_id: int) -> ThreadMessage | None:
    """A teacher's answer (or message written first) by its thread row id."""
    row = db.execute(f"SELECT {_COLUMNS} FROM thread_messages WHERE id = ? AND direction = ?",
                     [answer_id, ANSWER]).fetchone()
    return _message(row) if row else None


def drop_answer(db: Database, answer_id: int) -> None:
    """Forget an answer that was never delivered: /thread must not say it was sent."""
    db.execute("DELETE FROM thread_messages WHERE id = ? AND direction = ? "
               "AND answer_message_id IS NULL", [answer_id, ANSWER])


def relayed(db: Database, teacher_id: int, relay_message_id: int) -> ThreadMessage | None:
    """The message a teacher is replying to, by the id of the relay in their chat."""
    row = db.execute(f"SELECT {_COLUMNS} FROM thread_messages WHERE teacher_id = ? "
                     "AND relay_message_id = ? AND direction = ? ORDER BY id LIMIT 1",
                     [teacher_id, relay_message_id, ASK]).fetchone()
    return _message(row) if row else None


def answered(db: Database, asker_id: int, answer_message_id: int) -> ThreadMessage | None:
    """The teacher's answer a family member or student is replying to, by its id in their
    chat (None: no answer Puente delivered them, or its thread is gone). An answer about a
    child the family member was unlinked from is still found, so the reply is told why it
    goes nowhere."""
    row = db.execute(f"SELECT {_COLUMNS} FROM thread_messages WHERE asker_id = ? "
                     "AND answer_message_id = ? AND direction = ?",
                     [asker_id, answer_message_id, ANSWER]).fetchone()
    return _message(row) if row else None


def gone_relay(db: Database, teacher_id: int, relay_message_id: int) -> str | None:
    """The role of whoever wrote a relayed message and has since deleted their data (or whose
    student has): 'student' or 'family'; None when the message is no such relay."""
    row = db.execute("SELECT asker_role FROM gone_relays WHERE teacher_id = ? "
                     "AND relay_message_id = ?", [teacher_id, relay_message_id]).fetchone()
    return str(row[0]) if row else None


def gone_answer(db: Database, asker_id: int, answer_message_id: int) -> bool:
    """Whether a message in a family member's chat is a teacher's answer about a student who
    has since deleted their data."""
    return db.execute("SELECT 1 FROM gone_answers WHERE asker_id = ? AND answer_message_id = ?",
                      [asker_id, answer_message_id]).fetchone() is not None


def latest_relays(db: Database, teacher_id: int, since: datetime, limit: int
                  ) -> list[tuple[int, ThreadMessage]]:
    """(relay message id, message) of the newest message relayed to a teacher from each
    writer about each student since `since`, newest first."""
    rows = db.execute(
        f"SELECT relay_message_id, {_COLUMNS} FROM thread_messages t WHERE teacher_id = ? "
        "AND direction = ? AND relay_message_id IS NOT NULL AND created_at >= ? "
        "AND id = (SELECT max(id) FROM thread_messages u WHERE u.teacher_id = t.teacher_id "
        "AND u.student_id = t.student_id AND u.asker_id = t.asker_id AND u.direction = ? "
        "AND u.relay_message_id IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM thread_messages d "
        "WHERE d.teacher_id = t.teacher_id AND d.relay_message_id = t.relay_message_id "
        "AND d.id < t.id) ORDER BY id DESC LIMIT ?",
        [teacher_id, ASK, stamp(since), ASK, limit]).fetchall()
    return [(r[0], _message(r[1:])) for r in rows]


def thread(db: Database, student_id: int) -> list[ThreadMessage]:
    """One student's thread, oldest first."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM thread_messages WHERE student_id = ? "
                      "ORDER BY created_at, id", [student_id]).fetchall()
    return [_message(r) for r in rows]


def unanswered_to(db: Database, teacher_id: int) -> list[tuple[int, int]]:
    """The messages still owed an answer by this teacher, as (asker's Telegram id, student id),
    oldest first: what a teacher's /deleteme would leave unanswered."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT asker_id, student_id FROM thread_messages WHERE teacher_id = ? AND direction = ? "
        "AND answered_at IS NULL AND NOT thanks ORDER BY created_at, id",
        [teacher_id, ASK]).fetchall()]


def last_contact(db: Database, asker_id: int, student_id: int) -> datetime | None:
    """When this family member and a teacher last wrote about this student."""
    row = db.execute("SELECT max(created_at) FROM thread_messages WHERE asker_id = ? "
                     "AND student_id = ?", [asker_id, student_id]).fetchone()
    return parse(row[0]) if row and row[0] else None


def children(db: Database, telegram_id: int) -> list[Child]:
    """The students a family member is linked to (siblings on a shared phone), by name."""
    rows = db.execute("SELECT s.id, s.first_name FROM families f JOIN students s "
                      "ON s.id = f.student_id WHERE f.telegram_id = ? "
                      "ORDER BY s.first_name COLLATE NOCASE, s.id", [telegram_id]).fetchall()
    return [Child(r[0], r[1]) for r in rows]


def class_recipients(db: Database, class_id: int, students: bool) -> list[Recipient]:
    """Every linked family member of a class's students (and the students when asked),
    once per person and student, skipping people who blocked the bot."""
    rows = db.execute(
        "SELECT f.telegram_id, coalesce(f.language, " + wrote_in_sql("f.telegram_id") +
        ", s.language, 'en'), 'family', s.id "
        "FROM families f JOIN students s ON s.id = f.student_id JOIN enrollments e "
        "ON e.student_id = s.id WHERE e.class_id = :class "
        "UNION ALL SELECT s.id, s.language, 'student', s.id FROM students s JOIN enrollments e "
        "ON e.student_id = s.id WHERE e.class_id = :class AND :students "
        "AND s.language IS NOT NULL AND s.blocked_at IS NULL ORDER BY 3, 1, 4",
        {"class": class_id, "students": int(students)}).fetchall()
    return [Recipient(*r) for r in rows]


def unreachable_students(db: Database, class_id: int) -> int:
    """Students of a class no announcement reaches: they blocked the bot, or never confirmed a
    language (so never finished joining)."""
    return db.execute("SELECT count(*) FROM enrollments e JOIN students s ON s.id = e.student_id "
                      "WHERE e.class_id = ? AND (s.blocked_at IS NOT NULL OR s.language IS NULL)",
                      [class_id]).fetchone()[0]


def forget_sent_text(db: Database, outbox_id: int) -> None:
    """Empty a delivered message's text (and drop the teacher's voice note it carried): the
    thread keeps who and when, never what."""
    db.execute("UPDATE outbox SET payload = json_remove(json_set(payload, '$.text', ''), "
               "'$.voice') WHERE id = ? AND status = 'sent'", [outbox_id])


def erase_person(db: Database, user_id: int) -> None:
    """Delete threads, and undelivered messages to teachers and answers, naming this person
    (/deleteme); a teacher's relayed copy of their messages is remembered as gone (by its
    message id and the writer's role alone), so a reply to it is told why it goes nowhere."""
    db.execute("INSERT OR IGNORE INTO gone_relays (teacher_id, relay_message_id, asker_role, "
               "created_at) SELECT teacher_id, relay_message_id, asker_role, created_at "
               "FROM thread_messages WHERE (asker_id = ? OR student_id = ?) AND teacher_id != ? "
               "AND direction = 'ask' AND relay_message_id IS NOT NULL",
               [user_id, user_id, user_id])
    # A family member's delivered answers about this student: a reply to one is told why it
    # goes nowhere (by its message id in their chat alone, never the student).
    db.execute("INSERT OR IGNORE INTO gone_answers (asker_id, answer_message_id, created_at) "
               "SELECT asker_id, answer_message_id, created_at FROM thread_messages "
               "WHERE student_id = ? AND asker_id != ? AND asker_role = ? AND direction = ? "
               "AND answer_message_id IS NOT NULL", [user_id, user_id, FAMILY, ANSWER])
    db.execute("DELETE FROM gone_answers WHERE asker_id = ?", [user_id])
    db.execute("DELETE FROM outbox WHERE kind IN ('answer', 'relay') AND "
               "json_extract(payload, '$.student_id') = ?", [user_id])
    db.execute("DELETE FROM outbox WHERE kind = 'relay' AND json_extract(payload, '$.thread_id') "
               "IN (SELECT id FROM thread_messages WHERE asker_id = ?)", [user_id])
    db.execute("DELETE FROM thread_messages WHERE asker_id = ? OR student_id = ? "
               "OR teacher_id = ?", [user_id, user_id, user_id])
    db.execute("DELETE FROM announcement_messages WHERE chat_id = ? OR announcement_id IN "
               "(SELECT id FROM announcements WHERE teacher_id = ?)", [user_id, user_id])
    db.execute("DELETE FROM announcements WHERE teacher_id = ?", [user_id])


FORMER = 0  # the asker id of a thread row whose family member is unlinked from every child


def forget_family_member(db: Database, user_id: int) -> None:
    """A family member unlinked from their last student: their rows in the teachers' threads
    stay (the teacher's record: when, about which student, in which language) but name them
    no more, and no message id in their chat is kept (a reply to an old answer is then a
    message from someone not linked); their notes of answers about deleted children go."""
    db.execute("UPDATE thread_messages SET asker_id = ?, answer_message_id = NULL "
               "WHERE asker_id = ? AND asker_role = ?", [FORMER, user_id, FAMILY])
    db.execute("DELETE FROM gone_answers WHERE asker_id = ?", [user_id])
    db.execute("DELETE FROM announcement_messages WHERE chat_id = ?", [user_id])


def purge_before(db: Database, cutoff: datetime) -> int:
    """Retention: thread rows and unconfirmed announcements older than `cutoff`."""
    when = stamp(cutoff)
    count = db.execute("DELETE FROM thread_messages WHERE created_at < ?", [when]).rowcount
    db.execute("DELETE FROM gone_relays WHERE created_at < ?", [when])
    db.execute("DELETE FROM gone_answers WHERE created_at < ?", [when])
    db.execute("DELETE FROM announcement_messages WHERE announcement_id IN "
               "(SELECT id FROM announcements WHERE created_at < ?)", [when])
    db.execute("DELETE FROM announcements WHERE created_at < ?", [when])
    return count


# --- announcements -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Announcement:
    id: int
    class_id: int
    teacher_id: int
    text: str
    translations: dict[str, dict[str, Any]]
    sent: bool
    closed_day: date | None = None  # a ready-made "no school on ___": that day


def add_announcement(db: Database, class_id: int, teacher_id: int, text: str,
                     translations: dict[str, dict[str, Any]], now: datetime,
                     closed_day: date | None = None) -> int:
    cursor = db.execute(
        "INSERT INTO announcements (class_id, teacher_id, text, translations, created_at, "
        "closed_day) VALUES (?, ?, ?, ?, ?, ?)",
        [class_id, teacher_id, text, json.dumps(translations, ensure_ascii=False), stamp(now),
         closed_day.isoformat() if closed_day else None])
    return cursor.lastrowid or 0


def get_announcement(db: Database, announcement_id: int) -> Announcement | None:
    row = db.execute("SELECT id, class_id, teacher_id, text, translations, sent_at, closed_day "
                     "FROM announcements WHERE id = ?", [announcement_id]).fetchone()
    if row is None:
        return None
    return Announcement(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5] is not None,
                        date.fromisoformat(row[6]) if row[6] else None)


def close_announcement(db: Database, announcement_id: int, now: datetime,
                       beginning: str = "") -> bool:
    """Mark an announcement queued and drop its text, all but its `beginning` (a reply to it
    is tagged with those first words); False when it already was."""
    cursor = db.execute("UPDATE announcements SET sent_at = ?, text = '', translations = '{}', "
                        "beginning = ? WHERE id = ? AND sent_at IS NULL",
                        [stamp(now), beginning, announcement_id])
    return cursor.rowcount == 1


@dataclass(frozen=True)
class Announced:
    """The announcement a message in someone's chat carried."""

    announcement_id: int
    class_id: int
    teacher_id: int
    sent_at: datetime
    beginning: str


def add_announcement_message(db: Database, chat_id: int, message_id: int,
                             announcement_id: int) -> None:
    """An announcement was delivered: a reply to this message in this chat finds it."""
    db.execute("INSERT OR IGNORE INTO announcement_messages (chat_id, message_id, "
               "announcement_id) SELECT ?, ?, id FROM announcements WHERE id = ?",
               [chat_id, message_id, announcement_id])


def announced(db: Database, chat_id: int, message_id: int) -> Announced | None:
    """The announcement a message in this chat carried (None: no announcement, or one
    forgotten since, by retention or its teacher's /deleteme)."""
    row = db.execute("SELECT a.id, a.class_id, a.teacher_id, a.sent_at, a.beginning "
                     "FROM announcement_messages m JOIN announcements a "
                     "ON a.id = m.announcement_id WHERE m.chat_id = ? AND m.message_id = ? "
                     "AND a.sent_at IS NOT NULL", [chat_id, message_id]).fetchone()
    return Announced(row[0], row[1], row[2], parse(row[3]), row[4]) if row else None


REMOVED = "removed"    # a student, taken out of the class since
NO_CHILD = "no-child"  # a family member still linked, but to no child in the class now
UNLINKED = "unlinked"  # a family member linked to no student any more


def announced_to_former(db: Database, announcement_id: int, chat_id: int
                        ) -> tuple[Announced, str] | None:
    """A confirmed announcement queued for someone with no tie left to its class, and why
    (REMOVED, NO_CHILD or UNLINKED): no longer in it themselves, nor linked to a child in it.
    None while they are, or when the announcement is forgotten (retention)."""
    row = db.execute(
        "SELECT a.id, a.class_id, a.teacher_id, a.sent_at, a.beginning, "
        "EXISTS (SELECT 1 FROM students WHERE id = :chat), "
        "EXISTS (SELECT 1 FROM families WHERE telegram_id = :chat) FROM announcements a "
        "WHERE a.id = :a AND a.sent_at IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = a.class_id "
        "AND e.student_id = :chat) "
        "AND NOT EXISTS (SELECT 1 FROM enrollments e JOIN families f "
        "ON f.student_id = e.student_id WHERE e.class_id = a.class_id "
        "AND f.telegram_id = :chat)", {"a": announcement_id, "chat": chat_id}).fetchone()
    if row is None:
        return None
    why = REMOVED if row[5] else NO_CHILD if row[6] else UNLINKED
    return Announced(row[0], row[1], row[2], parse(row[3]), row[4]), why


def drop_announcement(db: Database, announcement_id: int) -> None:
    db.execute("DELETE FROM announcements WHERE id = ? AND sent_at IS NULL", [announcement_id])


def drop_waiting_announcements(db: Database, teacher_id: int, class_id: int) -> list[str]:
    """Take back this teacher's announcements to the class still waiting in the outbox (quiet
    hours: a co-teacher's 21:00 announcement goes at 07:00), none of whose rows has begun:
    he was taken off the class meanwhile. The first words of each one taken back."""
    with db.atomic():  # a DELETE ... RETURNING reads like a query: keep it in the transaction
        gone = {r[0] for r in db.execute(
            "DELETE FROM outbox WHERE kind = 'announcement' AND status = 'pending' "
            "AND lease_owner IS NULL AND json_extract(payload, '$.announcement') IN "
            "(SELECT id FROM announcements WHERE teacher_id = ? AND class_id = ?) "
            "RETURNING json_extract(payload, '$.announcement')",
            [teacher_id, class_id]).fetchall()}
    rows = db.execute("SELECT beginning FROM announcements WHERE id IN "
                      "(SELECT value FROM json_each(?)) ORDER BY id",
                      [json.dumps(sorted(gone))]).fetchall()
    return [str(r[0]) for r in rows]
