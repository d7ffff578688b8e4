"""Deletion that deletes: every row that names a person goes, in one transaction each.

A person is named by their Telegram id: as a student (`students.id`, every `student_id`),
a family member (`families.telegram_id`), a teacher (`teachers.id`, every `teacher_id`,
`created_by`, `used_by`) or a chat the outbox will write to (`outbox.chat_id`). Rows that only
reference those rows go by `ON DELETE CASCADE`; the outbox is cleared here by hand because its
rows carry a chat id and a rendered text, not a foreign key to the person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.store import erasures, excused, outbox, previews, recordings, scripts, threads
from bot.store.clock import stamp


@dataclass(frozen=True)
class ClassFate:
    """What a teacher's deletion does to one class they own."""

    class_id: int
    class_name: str
    heir_id: int | None       # the co-teacher who takes the class over, or None: it is deleted
    heir_name: str | None
    students: int             # enrolments deleted with the class (0 when handed over)


# Weekly updates to the student's families carry the child's name in their text.
_FAMILY_UPDATES = ("DELETE FROM outbox WHERE kind = 'family-update' AND chat_id IN "
                   "(SELECT telegram_id FROM families WHERE student_id = ?) AND "
                   "(json_extract(payload, '$.student_id') IS NULL "
                   " OR json_extract(payload, '$.student_id') = ?)")


_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # due at once: a row a deletion leaves to the deliverer
GOODBYE = "goodbye"  # the outbox kind of a note that someone deleted their data


# Any message about the student (a relay, an answer, a note to a teacher about their family)
# names them in its text; a note about a family member is theirs too.
_ABOUT = "DELETE FROM outbox WHERE json_extract(payload, '$.{field}') = ?"
# A note that students joined a class names each of them (its "student_ids"): it goes whole,
# even while it waits to go (the teacher then hears nothing of those who joined with them,
# whom /roster lists all the same).
_JOIN_NOTES_ABOUT = ("DELETE FROM outbox WHERE kind = 'join-note' AND EXISTS (SELECT 1 FROM "
                     "json_each(outbox.payload, '$.student_ids') WHERE value = ?)")
# A teacher's note naming several quiet students ("🔇" lines) is also the record that each
# silence was told (alerts.quiet_since): one still to go goes whole (the others' lines come
# again in the next day's note); one delivered (its text already emptied) forgets the id only,
# so the others' silence is not told twice.
_NAMED_ADVICE = ("outbox.kind = 'alert-advice' AND EXISTS (SELECT 1 FROM "
                 "json_each(outbox.payload, '$.student_ids') WHERE value = ?)")
_ADVICE_NOTES_ABOUT = f"DELETE FROM outbox WHERE status != 'sent' AND {_NAMED_ADVICE}"
_ADVICE_RECORDS_ABOUT = (
    "UPDATE outbox SET payload = json_set(payload, '$.student_ids', json((SELECT "
    "json_group_array(value) FROM json_each(outbox.payload, '$.student_ids') WHERE value != ?)))"
    f" WHERE status = 'sent' AND {_NAMED_ADVICE}")


def _erase_student(db: Database, student_id: int) -> None:
    db.execute(_FAMILY_UPDATES, [student_id, student_id])
    db.execute(_ABOUT.format(field="student_id"), [student_id])
    db.execute(_JOIN_NOTES_ABOUT, [student_id])
    db.execute(_ADVICE_NOTES_ABOUT, [student_id])
    db.execute(_ADVICE_RECORDS_ABOUT, [student_id, student_id])
    db.execute("DELETE FROM outbox WHERE chat_id = ?", [student_id])
    # enrollments, families, family_links, placements, check_items, attempts, mastery,
    # previews and excused_days cascade.
    db.execute("DELETE FROM students WHERE id = ?", [student_id])


def _erase_family_member(db: Database, user_id: int) -> None:
    db.execute("DELETE FROM outbox WHERE chat_id = ?", [user_id])
    # The place they took on their link is free again: /families said "used by 1 of 4" of a
    # link nobody was linked with any more, and a second caregiver could be refused
    db.execute("UPDATE family_links SET uses = max(uses - 1, 0) WHERE code IN "
               "(SELECT link_code FROM families WHERE telegram_id = ?)", [user_id])
    db.execute(_ABOUT.format(field="family_id"), [user_id])
    db.execute("DELETE FROM families WHERE telegram_id = ?", [user_id])
    db.execute("DELETE FROM family_languages WHERE telegram_id = ?", [user_id])
    excused.forget_setter(db, user_id)  # the day they excused stays their child's


def forget_former_family(db: Database, user_id: int, now: datetime) -> bool:
    """Forget what is kept about a family member once they are unlinked from their last
    student (a teacher unlinked them, or their last child deleted their data); False when
    they are still linked to a child (nothing changes).

    Nothing of it is needed any more: no weekly update, announcement or answer can be built
    for someone linked to no child, so honouring their /stop needs no row (a /stop, or
    anything they write, is answered in their phone's language, from no stored data), and
    opening a new family link is a new start, as for anyone. What goes: their language (and
    the script of Chinese they read, unless a student or teacher account keeps it); every
    message to their chat, sent or not (a weekly update keeps the child's name and words until
    retention), but a note that their child deleted their data (the last message owed to
    them, a first name at most: it goes once delivered) and a teacher's answer still queued
    (made due now: the deliverer drops it and tells its teacher why, see
    services.teacher_answers.drop_unlinked); notes to teachers about them; which messages in
    their chat carried announcements or answers; their name on thread rows (see
    threads.forget_family_member); that it was they who excused a child's day (the day stays).
    A student or teacher account of theirs keeps its own."""
    if db.execute("SELECT 1 FROM families WHERE telegram_id = ?", [user_id]).fetchone():
        return False
    db.execute("DELETE FROM family_languages WHERE telegram_id = ?", [user_id])
    db.execute("DELETE FROM outbox WHERE chat_id = ? AND kind = 'family-update'", [user_id])
    if not db.execute("SELECT EXISTS (SELECT 1 FROM students WHERE id = :user) OR EXISTS "
                      "(SELECT 1 FROM teachers WHERE id = :user)", {"user": user_id}
                      ).fetchone()[0]:  # the chat is only a family member's
        db.execute("DELETE FROM outbox WHERE chat_id = ? AND kind != ? AND NOT "
                   "(kind = 'answer' AND status = 'pending')", [user_id, GOODBYE])
        scripts.forget_script(db, user_id)  # Traditional or not: nobody's to know
    db.execute("UPDATE outbox SET not_before = ? WHERE chat_id = ? AND kind = 'answer' "
               "AND status = 'pending' AND json_extract(payload, '$.student_id') != ?",
               [stamp(now), user_id, user_id])
    db.execute(_ABOUT.format(field="family_id"), [user_id])
    threads.forget_family_member(db, user_id)
    excused.forget_setter(db, user_id)
    return True


@dataclass(frozen=True)
class Released:
    """What ends with a student's last class: the family members who were linked to them
    (Telegram ids, each told that their link ended) and the family links nobody had used."""

    family_ids: tuple[int, ...] = ()
    unused_links: int = 0

    @property
    def links(self) -> int:
        """The family links the teacher reads as cancelled: each linked family member, and
        each link sent that nobody opened."""
        return len(self.family_ids) + self.unused_links


def ending_links(db: Database, student_id: int, leaving: Sequence[int],
                 now: datetime) -> Released:
    """What `release_families` would end if the student left the classes `leaving` (nothing
    when they stay in another class); nothing is changed."""
    marks = ",".join("?" * len(leaving)) or "-1"  # NOT IN (NULL) would match nothing
    if db.execute(f"SELECT 1 FROM enrollments WHERE student_id = ? AND class_id NOT IN ({marks})",
                  [student_id, *leaving]).fetchone():
        return Released()
    family_ids = tuple(r[0] for r in db.execute(
        "SELECT telegram_id FROM families WHERE student_id = ? ORDER BY id", [student_id]))
    unused = db.execute("SELECT count(*) FROM family_links WHERE student_id = ? AND uses = 0 "
                        "AND revoked_at IS NULL AND expires_at > ?",
                        [student_id, stamp(now)]).fetchone()[0]
    return Released(family_ids, int(unused))


def release_families(db: Database, student_id: int, now: datetime) -> Released:
    """When a student is in no class any more, end their family links (call inside the
    transaction that took them out of their last class): every link sent, used or not, is
    cancelled; their linked family members are unlinked, their queued updates go, and those
    linked to no other child are forgotten (forget_former_family), as /deleteme would. A
    student still in a class keeps every link (nothing changes): no teacher could answer a
    family of a student in no class, and none could see or cancel that link in /families."""
    if db.execute("SELECT 1 FROM enrollments WHERE student_id = ?", [student_id]).fetchone():
        return Released()
    released = ending_links(db, student_id, (), now)
    db.execute("UPDATE family_links SET revoked_at = ? WHERE revoked_at IS NULL "
               "AND student_id = ?", [stamp(now), student_id])
    for member in released.family_ids:
        cancel_family_updates(db, member, student_id)
    db.execute("DELETE FROM families WHERE student_id = ?", [student_id])
    for member in released.family_ids:
        forget_former_family(db, member, now)
    return released


def tell_released(db: Database, released: Released, notes: Mapping[int, str],
                  now: datetime) -> None:
    """Queue, to each family member a student's removal unlinked, the note rendered for them
    (a first name at most: the row is emptied once delivered, like a deletion's goodbye)."""
    for member in released.family_ids:
        if member in notes:
            outbox.enqueue(db, None, member, GOODBYE,
                           {"text": notes[member], "buttons": [], "forget": True}, now, now)


def tell_unlinked(db: Database, member: int, text: str, now: datetime) -> None:
    """Queue, to a family member a teacher unlinked, the note rendered for them; once
    delivered the row goes whole (drop_delivered): an unlinked family member leaves nothing
    behind (forget_former_family), this note included."""
    outbox.enqueue(db, None, member, GOODBYE, {"text": text, "buttons": [], "drop": True},
                   now, now)


def drop_delivered(db: Database, row_id: int) -> None:
    """Delete a delivered note whose reader is to leave no trace (tell_unlinked)."""
    db.execute("DELETE FROM outbox WHERE id = ? AND status = 'sent'", [row_id])


def teacher_plan(db: Database, teacher_id: int) -> list[ClassFate]:
    """What deleting this teacher would do to each class they own (nothing is changed)."""
    fates = []
    for class_id, name in db.execute("SELECT id, name FROM classes WHERE teacher_id = ? "
                                     "ORDER BY name", [teacher_id]).fetchall():
        heir = db.execute(
            "SELECT t.id, t.first_name FROM class_teachers ct JOIN teachers t "
            "ON t.id = ct.teacher_id WHERE ct.class_id = ? AND ct.teacher_id != ? "
            "ORDER BY ct.added_at, t.id LIMIT 1", [class_id, teacher_id]).fetchone()
        students = 0 if heir else db.execute(
            "SELECT count(*) FROM enrollments WHERE class_id = ?", [class_id]).fetchone()[0]
        fates.append(ClassFate(class_id, name, heir[0] if heir else None,
                               heir[1] if heir else None, students))
    return fates


def left_without_class(db: Database, teacher_id: int) -> list[tuple[int, str]]:
    """The students (id, first name) that deleting this teacher leaves in no class: in none
    but classes of theirs that no co-teacher takes over."""
    gone = [f.class_id for f in teacher_plan(db, teacher_id) if f.heir_id is None]
    if not gone:
        return []
    marks = ",".join("?" * len(gone))
    return [(r[0], r[1]) for r in db.execute(
        "SELECT DISTINCT s.id, s.first_name FROM enrollments e JOIN students s "
        f"ON s.id = e.student_id WHERE e.class_id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM "
        f"enrollments o WHERE o.student_id = s.id AND o.class_id NOT IN ({marks})) "
        "ORDER BY s.id", [*gone, *gone]).fetchall()]


def _erase_teacher(db: Database, teacher_id: int) -> list[ClassFate]:
    orphans = [student_id for student_id, _ in left_without_class(db, teacher_id)]
    fates = teacher_plan(db, teacher_id)
    for fate in fates:
        if fate.heir_id is None:
            # enrollments, pushes (and their outbox rows), co-teachers and codes cascade;
            # the students keep their own words and progress.
            db.execute("DELETE FROM classes WHERE id = ?", [fate.class_id])
            continue
        db.execute("UPDATE classes SET teacher_id = ? WHERE id = ?",
                   [fate.heir_id, fate.class_id])
        db.execute("DELETE FROM class_teachers WHERE class_id = ? AND teacher_id = ?",
                   [fate.class_id, fate.heir_id])
    # Pushes they sent to classes that stay: the class's owner hears the report instead.
    db.execute("UPDATE pushes SET teacher_id = (SELECT c.teacher_id FROM classes c "
               "WHERE c.id = pushes.class_id) WHERE teacher_id = ?", [teacher_id])
    # Their own packs stay for the students learning them, handed to a co-teacher or unowned.
    heir = next((f.heir_id for f in fates if f.heir_id is not None), None)
    db.execute("UPDATE packs SET owner_teacher_id = ? WHERE owner_teacher_id = ?",
               [heir, teacher_id])
    db.execute("DELETE FROM teacher_invites WHERE created_by = ? OR used_by = ?",
               [teacher_id, teacher_id])
    db.execute("DELETE FROM outbox WHERE chat_id = ?", [teacher_id])
    # a note to a colleague that names them ("Diaz removed Linh"), not delivered yet
    db.execute(_ABOUT.format(field="about_teacher"), [teacher_id])
    # A ready-made reply still queued goes as text alone: her voice note goes with her
    db.execute("UPDATE outbox SET payload = json_remove(payload, '$.voice') "
               "WHERE status != 'sent' AND json_extract(payload, '$.voice') IN "
               "(SELECT file_id FROM reply_recordings WHERE recorded_by = ?)", [teacher_id])
    # family_links, class_teachers and coteach_codes they made cascade, as do the voice
    # notes of words and ready-made replies they recorded (their voice): students and
    # families stop hearing them at once.
    db.execute("DELETE FROM teachers WHERE id = ?", [teacher_id])
    recordings.forget_recordings(db)
    for student_id in orphans:  # in no class now: their families' links end (told by goodbye)
        release_families(db, student_id, _EPOCH)
    return fates




@dataclass(frozen=True)
class Goodbye:
    """A note that someone deleted their data, rendered before the deletion: its text (a
    first name at most) is all that is kept of them, until it is delivered."""

    chat_id: int
    text: str
    at: datetime  # when it was written (it waits out quiet hours like every note)


def erase_person(db: Database, user_id: int, goodbyes: Sequence[Goodbye] = (),
                 now: datetime | None = None) -> list[ClassFate]:
    """Delete every row naming this Telegram user, in every role, and queue the `goodbyes` in
    the same transaction, after the erasing (so no rule of it touches them); return the
    classes' fates. With `now`, the erasure is recorded (store.erasures), so a backup restored
    later cannot bring them back."""
    with db.atomic():
        if now is not None:
            erasures.record(db, user_id, now)
        # Their family members, before the cascade unlinks them: those it leaves linked to
        # no child are forgotten too (all but the goodbye below)
        former = [r[0] for r in db.execute("SELECT telegram_id FROM families "
                                           "WHERE student_id = ?", [user_id]).fetchall()]
        threads.erase_person(db, user_id)  # before the cascades: answers queued about them
        scripts.forget_script(db, user_id)
        _erase_student(db, user_id)
        _erase_family_member(db, user_id)
        fates = _erase_teacher(db, user_id)
        db.execute("DELETE FROM teacher_invites WHERE created_by = ? OR used_by = ?",
                   [user_id, user_id])
        for member in former:
            forget_former_family(db, member, _EPOCH)
        for note in (n for n in goodbyes if n.chat_id != user_id):  # their chat is gone
            # No student or family id in it: nothing links the row to the person but its
            # text, emptied once Telegram accepts it ("forget").
            outbox.enqueue(db, None, note.chat_id, GOODBYE,
                           {"text": note.text, "buttons": [], "forget": True}, note.at, note.at)
    if now is not None:
        erasures.mirror(db)  # committed: the ledger a restore leaves in place gets it too
    flush_deleted(db)
    return fates


def reapply_erasures(db: Database) -> int:
    """Erase again everyone a restored backup brought back (store.erasures); return how many.
    Nobody is told: they were told at the erasure itself."""
    with db.atomic():
        erasures.restore_record(db)
    back = erasures.brought_back(db)
    for user_id in back:
        erase_person(db, user_id)
    erasures.mirror(db)
    return len(back)


def flush_deleted(db: Database, wait: bool = True) -> bool:
    """Leave no copy of deleted (or emptied) rows in the file: they are zeroed on their pages
    (secure_delete, set at open), and a checkpoint moves those pages out of the write-ahead
    log, where older versions of them would stay behind. False when a reader (the dashboard,
    a backup) kept it from finishing: the log still holds them, so try again later. Without
    `wait` a reader fails it at once instead of after the connection's busy timeout (10 s):
    the deliverer runs it on the event loop, which must not stall."""
    if wait:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return busy is None or busy[0] == 0
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return busy is None or busy[0] == 0


def cancel_class_messages(db: Database, student_id: int, class_id: int) -> int:
    """Drop pending pushes of one class to one student (they were removed from it)."""
    cursor = db.execute("DELETE FROM outbox WHERE chat_id = ? AND status = 'pending' AND "
                        "push_id IN (SELECT id FROM pushes WHERE class_id = ?)",
                        [student_id, class_id])
    return cursor.rowcount


def cancel_family_updates(db: Database, telegram_id: int, student_id: int) -> int:
    """Drop queued weekly updates about one student to one family member (unlinked)."""
    cursor = db.execute(
        "DELETE FROM outbox WHERE kind = 'family-update' AND chat_id = ? AND status = 'pending' "
        "AND (json_extract(payload, '$.student_id') IS NULL "
        "     OR json_extract(payload, '$.student_id') = ?)", [telegram_id, student_id])
    return cursor.rowcount


@dataclass(frozen=True)
class Purged:
    attempts: int
    check_items: int
    messages: int
    students: int = 0  # in no class and inactive for the whole period: erased
    typed: int = 0  # typed misses whose text was erased (overrule.KEEP_DAYS)
    texts: int = 0  # finished messages whose text was emptied ([privacy] sent_text_days)


def purge_before(db: Database, cutoff: datetime) -> Purged:
    """Delete answers, answered check items and finished outbox messages older than `cutoff`.

    The mastery rows keep the running state (estimate, card, totals), so progress survives.
    """
    when = stamp(cutoff)
    with db.atomic():
        attempts = db.execute("DELETE FROM attempts WHERE answered_at < ?", [when]).rowcount
        items = db.execute("DELETE FROM check_items WHERE created_at < ?", [when]).rowcount
        messages = db.execute("DELETE FROM outbox WHERE status != 'pending' AND created_at < ?",
                              [when]).rowcount
        messages += threads.purge_before(db, cutoff)  # thread rows hold no text, only who
        previews.purge_previews_before(db, cutoff)  # word ids only: nothing to count
    return Purged(attempts, items, messages)
