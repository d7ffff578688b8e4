"""A records request answered for a parent: what Puente keeps about one child, in words a
school can hand over. The store's raw rows (`records.export`) name other people by their
Telegram ids, family links by their codes and words by their row ids; here each person is a
role ("family member 1", "teacher of Art 5"), each word its English term and pack, and what
would only identify an account (ids, link codes, message ids) is left out."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from bot.services.records import export
from bot.store import records
from bot.store.records import TELEGRAM_ID_COLUMNS

# Columns that only find an account or a message in Telegram, or are Puente's own bookkeeping:
# nothing a parent can read, and a link code still working would link whoever holds the file
LEFT_OUT = frozenset({"code", "link_code", "lease_owner", "lease_until", "poll_id",
                      "poll_message_id", "message_id", "relay_message_id", "answer_message_id",
                      "check_id", "push_id", "announcement_id"})
WORD_COLUMNS = ("word_id", "chosen_word_id")
NOTE = ("What Puente keeps about one student, by table. People other than the student are "
        "named by their role (see 'people'), never by their Telegram account; words by their "
        "English term and pack. A message's text is shown while Puente still keeps it, only "
        "when it was sent to the student and is about the student alone; a message to anyone "
        "else is described by its kind, date and recipient.")


class People:
    """Who is who in a child's record: the child, their family members in link order, their
    teachers by class; anyone else is "someone else"."""

    def __init__(self, student: int, families: list[dict[str, Any]],
                 teachers: Mapping[int, list[str]]) -> None:
        self.student = student
        self.family = {row["telegram_id"]: f"family member {n}"
                       for n, row in enumerate(families, 1)}
        self.legend = {self.family[row["telegram_id"]]: (
            f"language {row['language'] or '-'}, linked {str(row['linked_at'])[:10]}, weekly "
            f"updates {'on' if row['updates_on'] else 'off'}") for row in families}
        self.teachers = {who: "teacher of " + " and ".join(names) if names else "a teacher"
                         for who, names in teachers.items()}

    def label(self, who: object) -> str:
        """A Telegram id as a role."""
        if who == self.student:
            return "the student"
        if who == 0:
            return "a family member no longer linked"
        if not isinstance(who, int):
            return "someone else"
        return self.family.get(who) or self.teachers.get(who) or "someone else"


def response(db: Database, student_id: int, now: datetime) -> dict[str, Any]:
    """Everything kept about one student, as a records response for their parent."""
    raw = export(db, student_id)
    families = [r for r in raw.get("families", []) if r["student_id"] == student_id]
    ids = {row[c] for rows in raw.values() for row in rows for c in TELEGRAM_ID_COLUMNS
           if isinstance(row.get(c), int)}
    people = People(student_id, families, records.teachers_classes(db, ids - {student_id}))
    words = records.word_labels(db, _word_ids(raw))
    classes = records.class_labels(db, {row["class_id"] for rows in raw.values()
                                        for row in rows if isinstance(row.get("class_id"), int)})
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, rows in raw.items():
        shown = [_described(table, row, people, words, classes) for row in rows]
        if shown:
            tables[table] = shown
    student = raw["students"][0]
    return {"records_about": student["first_name"], "exported_at": now.isoformat(),
            "note": NOTE, "people": {"the student": student["first_name"], **people.legend,
                                     **{v: "a teacher" for v in people.teachers.values()}},
            "tables": tables}


def _word_ids(raw: Mapping[str, list[dict[str, Any]]]) -> set[int]:
    found: set[int] = set()
    for rows in raw.values():
        for row in rows:
            found |= {row[c] for c in WORD_COLUMNS if isinstance(row.get(c), int)}
            found |= set(_id_list(row.get("word_ids")))
    return found


def _id_list(value: object) -> list[int]:
    """A column holding a JSON list of word ids (`previews`, `pushes`), or nothing."""
    try:
        ids = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def _described(table: str, row: dict[str, Any], people: People, words: Mapping[int, str],
               classes: Mapping[int, str]) -> dict[str, Any]:
    """One stored row as a parent reads it."""
    if table == "outbox":
        return _message(row, people)
    shown: dict[str, Any] = {}
    for column, value in row.items():
        if column in LEFT_OUT or (column == "first_name" and table != "students"):
            continue
        if column == "id":  # a row's number; a student's row is keyed by their own account
            if table == "students":
                shown["telegram_id"] = value
            continue
        if column in TELEGRAM_ID_COLUMNS:
            if value != people.student or column not in ("student_id", "telegram_id"):
                shown["who" if column == "telegram_id" else column.removesuffix("_id")] = \
                    people.label(value)
        elif column in WORD_COLUMNS:
            shown[column.removesuffix("_id")] = words.get(value) if value is not None else None
        elif column == "word_ids":
            shown["words"] = [words.get(i, "a word no longer kept") for i in _id_list(value)]
        elif column == "class_id":
            shown["class"] = classes.get(value, "a class no longer kept")
        else:
            shown[column] = value
    return shown


def _message(row: dict[str, Any], people: People) -> dict[str, Any]:
    """An outbox row: to whom, what kind, when; its text only while kept and only when it went
    to the student's own chat about the student alone. A note to a family member or a teacher
    names other people ("Rosa linked to Ana's family updates", a grandmother's greeting), so
    those are described by kind, date and recipient only."""
    try:
        payload = json.loads(row["payload"] or "{}")
    except ValueError:
        payload = {}
    payload = payload if isinstance(payload, dict) else {}
    others = set(_id_list(json.dumps(payload.get("student_ids", [])))) - {people.student}
    about = payload.get("student_id", people.student) == people.student
    to = people.label(row["chat_id"])
    text = payload.get("text") or ""
    if not text:
        said = None
    elif row["chat_id"] != people.student:
        said = f"(not included: a message to {to} can name other people)"
    elif others or not about:
        said = "(not included: the message names other students too)"
    else:
        said = text
    return {"to": to, "kind": row["kind"], "status": row["status"],
            "created_at": row["created_at"], "sent_at": row["sent_at"], "text": said}
