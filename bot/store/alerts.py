"""What the teacher alerts and notes read and remember: how fast a student's answers came (from
the check items kept already), which advice an alert gave a teacher about a student, when;
whether a teacher was shown what /report's lines mean; and which words' unchecked translations
/push named to a teacher, when; and in which languages a teacher was told how to add a
translation model, when.

An alert's advice is kept as a sent outbox row of kind `alert-advice` to the teacher's chat,
its payload only the student's id and the advice ("guessing", "level-1", "silent"): no text,
no name (as `reminder_log` keeps reminders). The evening's 🔇 note to a teacher, one message
naming several students (`student_ids`), is that record for each of them once delivered (its
text emptied). A student's deletion takes these rows with every
outbox row naming their id (erase.py), a teacher's with every row to their chat; the retention
purge drops them with other finished messages.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.guessing import TimedAnswer
from bot.store.clock import parse, stamp

KIND = "alert-advice"
INSTALL_HINT = "install-hint-told"  # a teacher was told how to add a language's model
NO_MODEL_TOLD = "no-model-told"  # a student was told their teacher reads their language as is


def timed_answers(db: Database, student_id: int, limit: int,
                  since: datetime | None = None) -> list[TimedAnswer]:
    """The student's latest answered questions (at most `limit`, none answered before
    `since`), newest first, each with the seconds since the answer before it in the same
    check (or since the check began), from the check items kept already: practice items too
    (a tap is a tap), never a question left open."""
    return timed_answers_of(db, [student_id], limit, since).get(student_id, [])


def timed_answers_of(db: Database, student_ids: Collection[int], limit: int,
                     since: datetime | None = None) -> dict[int, list[TimedAnswer]]:
    """timed_answers for several students in one query (/report's class: a query per student
    made it slower with every student who joined), by student id; none for a student with no
    answer."""
    rows = db.execute(
        "SELECT student_id, options, correct, answered_at, before FROM (SELECT student_id, "
        "options, correct, answered_at, before, row_number() OVER (PARTITION BY student_id "
        "ORDER BY answered_at DESC, id DESC) AS newest FROM (SELECT id, student_id, options, "
        "correct, answered_at, coalesce(lag(answered_at) OVER (PARTITION BY check_id "
        "ORDER BY answered_at, id), created_at) AS before FROM check_items "
        "WHERE student_id IN (SELECT value FROM json_each(?)) AND correct IS NOT NULL) "
        "WHERE answered_at >= ?) WHERE newest <= ? ORDER BY student_id, newest",
        [json.dumps(sorted(student_ids)), stamp(since) if since else "", limit]).fetchall()
    found: dict[int, list[TimedAnswer]] = {}
    for r in rows:
        at = parse(r[3])
        found.setdefault(r[0], []).append(TimedAnswer(
            max(0.0, (at - parse(r[4])).total_seconds()), len(json.loads(r[1])),
            bool(r[2]), at))
    return found


def students_answered_since(db: Database, since: datetime) -> list[int]:
    """Every student who answered a check question at or after `since` (the daily sweep's
    students who may look like guessing today), in one query."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT student_id FROM check_items WHERE answered_at >= ? ORDER BY 1",
        [stamp(since)]).fetchall()]


# The daily alert about one student, as queued to one teacher (its text emptied once
# delivered): its row is also the record of the day it was for (stuck_alert_due_since).
STUCK_ALERT = "stuck-alert"


def stuck_alert_due_since(db: Database, student_id: int, since: datetime) -> bool:
    """True when a daily alert about this student was queued to go out at or after `since`
    (sent or still waiting out quiet hours)."""
    return db.execute(
        "SELECT 1 FROM outbox WHERE kind = ? AND not_before >= ? "
        "AND json_extract(payload, '$.student_id') = ? LIMIT 1",
        [STUCK_ALERT, stamp(since), student_id]).fetchone() is not None


REPORT_HELP = "report-help"      # a teacher was shown what /report's lines mean
UNCHECKED = "unchecked-told"     # /push named these words' unchecked translations to a teacher


def _remember(db: Database, chat_id: int, kind: str, payload: dict[str, object],
              now: datetime) -> None:
    """A sent outbox row with no text: the record that something was said to `chat_id`."""
    db.execute("INSERT INTO outbox (push_id, chat_id, kind, payload, status, not_before, "
               "created_at, sent_at) VALUES (NULL, ?, ?, ?, 'sent', ?, ?, ?)",
               [chat_id, kind, json.dumps(payload), stamp(now), stamp(now), stamp(now)])


def record_advice(db: Database, teacher_id: int, student_id: int, advice: str,
                  now: datetime) -> None:
    """Remember that an alert gave this teacher this advice about this student just now."""
    _remember(db, teacher_id, KIND, {"student_id": student_id, "advice": advice}, now)


def report_explained(db: Database, teacher_id: int) -> bool:
    """True when a /report already showed this teacher what its lines mean."""
    return db.execute("SELECT 1 FROM outbox WHERE kind = ? AND chat_id = ? LIMIT 1",
                      [REPORT_HELP, teacher_id]).fetchone() is not None


def record_report_explained(db: Database, teacher_id: int, now: datetime) -> None:
    """Remember that a /report showed this teacher what its lines mean."""
    _remember(db, teacher_id, REPORT_HELP, {}, now)


def unchecked_told(db: Database, teacher_id: int, lang: str, since: datetime) -> set[int]:
    """The words whose unchecked `lang` translations /push named to this teacher at or after
    `since`."""
    rows = db.execute(
        "SELECT j.value FROM outbox o, json_each(o.payload, '$.word_ids') j WHERE o.kind = ? "
        "AND o.chat_id = ? AND o.not_before >= ? AND json_extract(o.payload, '$.lang') = ?",
        [UNCHECKED, teacher_id, stamp(since), lang]).fetchall()
    return {r[0] for r in rows}


def record_unchecked_told(db: Database, teacher_id: int, lang: str, word_ids: Collection[int],
                          now: datetime) -> None:
    """Remember that /push named these words' unchecked `lang` translations to the teacher."""
    _remember(db, teacher_id, UNCHECKED, {"lang": lang, "word_ids": sorted(word_ids)}, now)


def install_hint_told(db: Database, teacher_id: int, lang: str, since: datetime) -> bool:
    """Whether a teacher was told at or after `since` how to add a `lang` model."""
    return db.execute(
        "SELECT 1 FROM outbox WHERE kind = ? AND chat_id = ? AND not_before >= ? "
        "AND json_extract(payload, '$.lang') = ? LIMIT 1",
        [INSTALL_HINT, teacher_id, stamp(since), lang]).fetchone() is not None


def record_install_hint(db: Database, teacher_id: int, lang: str, now: datetime) -> None:
    """Remember that a teacher was told how to add a `lang` model just now."""
    _remember(db, teacher_id, INSTALL_HINT, {"lang": lang}, now)


def advised_since(db: Database, teacher_id: int, student_id: int, advice: str,
                  since: datetime) -> bool:
    """True when an alert gave this teacher this advice about this student at or after
    `since`."""
    return db.execute(
        "SELECT 1 FROM outbox WHERE kind = ? AND chat_id = ? AND not_before >= ? "
        "AND json_extract(payload, '$.student_id') = ? AND json_extract(payload, '$.advice') = ? "
        "LIMIT 1", [KIND, teacher_id, stamp(since), student_id, advice]).fetchone() is not None


@dataclass(frozen=True)
class Quiet:
    """A student enrolled in a class, and since when nothing came from them: they joined,
    answered (practice too) or first read a card, whichever is latest."""

    student_id: int
    first_name: str
    since: datetime
    did_anything: bool  # False: nothing at all since joining
    # a check opened after their latest answer (or with none ever): they came and could not
    # answer, which /report calls "🧩 opens checks but does not answer"; the note says so
    # rather than "has not answered or opened a card", which read as absence (playtest)
    checks_unanswered: bool = False


# The student's latest sign of life: an answer (practice too) or a card first read; '' for none
# (SQLite's max of two values is NULL when either is).
# A sign of life: an answer, a card read, or a check opened. A student who sends /check every
# day and answers nothing is "🧩 opens checks but does not answer" on /report; the 🔇 note
# said at the same time that he had not come since Wednesday (re-playtest).
_LAST_ACTIVE = ("max(coalesce((SELECT max(answered_at) FROM attempts a "
                "WHERE a.student_id = s.id), ''), coalesce((SELECT max(shown_at) "
                "FROM mastery m WHERE m.student_id = s.id), ''), coalesce((SELECT "
                "max(created_at) FROM check_items c WHERE c.student_id = s.id), ''))")
# A check opened after the student's latest answer to a check question (or with none ever):
# Quiet's checks_unanswered, by /report's rule for "🧩" (reports._checks_unanswered).
_CHECKS_UNANSWERED = ("coalesce((SELECT max(created_at) FROM check_items c "
                      "WHERE c.student_id = s.id), '') > coalesce((SELECT max(answered_at) "
                      "FROM check_items c WHERE c.student_id = s.id AND c.correct IS NOT NULL), "
                      "'')")


def quiet_since(db: Database, before: datetime, advice: str) -> list[Quiet]:
    """Students whose latest sign of life (or joining) came before `before`, and about whose
    silence since then no alert gave the advice `advice` yet, by id."""
    rows = db.execute(
        f"SELECT s.id, s.first_name, j.joined, {_LAST_ACTIVE} AS active, "
        f"{_CHECKS_UNANSWERED} FROM students s "
        "JOIN (SELECT student_id, min(joined_at) AS joined FROM enrollments "
        "GROUP BY student_id) j ON j.student_id = s.id ORDER BY s.id").fetchall()
    found = []
    for student_id, first_name, joined, active, unanswered in rows:
        since = max(joined, active or "")
        if since >= stamp(before):
            continue
        found.append(Quiet(student_id, first_name or "", parse(since), bool(active),
                           bool(unanswered)))
    if not found:
        return []
    told = _advised_students(db, [q.student_id for q in found], advice)
    return [q for q in found if told.get(q.student_id, "") < stamp(q.since)]


def opening_checks(db: Database) -> list[tuple[int, str, datetime, datetime]]:
    """Every enrolled student who opened a check after their latest answer to one (or with
    none ever): id, first name, and the first and the last such check's start (/report's
    "🧩", reports._checks_unanswered, for the whole school: the daily job's one query)."""
    rows = db.execute(
        "SELECT s.id, s.first_name, min(c.created_at), max(c.created_at) FROM students s "
        "JOIN check_items c ON c.student_id = s.id "
        "WHERE s.id IN (SELECT student_id FROM enrollments) AND c.created_at > "
        "coalesce((SELECT max(a.answered_at) FROM check_items a WHERE a.student_id = s.id "
        "AND a.correct IS NOT NULL), '') GROUP BY s.id ORDER BY s.id").fetchall()
    return [(r[0], r[1] or "", parse(r[2]), parse(r[3])) for r in rows]


def told_since(db: Database, student_ids: Collection[int], advice: str) -> dict[int, datetime]:
    """For each of these students, when an alert last gave this advice about them."""
    if not student_ids:
        return {}
    return {s: parse(at) for s, at in _advised_students(db, student_ids, advice).items()}


def _advised_students(db: Database, student_ids: Collection[int], advice: str
                      ) -> dict[int, str]:
    """For each of these students, when an alert last gave this advice about them (any
    teacher)."""
    marks = ",".join("?" * len(student_ids))
    # a note naming several students ("🔇" lines, one note per teacher) counts for each
    rows = db.execute(
        "SELECT sid, max(not_before) FROM (SELECT json_extract(payload, '$.student_id') AS sid, "
        "not_before FROM outbox WHERE kind = ? AND json_extract(payload, '$.advice') = ? "
        "UNION ALL SELECT j.value, o.not_before FROM outbox o, "
        "json_each(o.payload, '$.student_ids') j WHERE o.kind = ? "
        f"AND json_extract(o.payload, '$.advice') = ?) WHERE sid IN ({marks}) "
        "GROUP BY sid", [KIND, advice, KIND, advice, *student_ids]).fetchall()
    return {r[0]: r[1] for r in rows}


def no_model_told(db: Database, student_id: int, lang: str) -> bool:
    """Whether this student was told that their teacher reads `lang` as written (no model)."""
    return db.execute(
        "SELECT 1 FROM outbox WHERE kind = ? AND chat_id = ? "
        "AND json_extract(payload, '$.lang') = ? LIMIT 1",
        [NO_MODEL_TOLD, student_id, lang]).fetchone() is not None


def record_no_model_told(db: Database, student_id: int, lang: str, now: datetime) -> None:
    """Remember that this student was told their teacher reads `lang` as written."""
    _remember(db, student_id, NO_MODEL_TOLD, {"lang": lang, "student_id": student_id}, now)
