"""The /report CSV named languages by code only (teacher playtest: "so", "hmn"): a last
column, `language_name`, says each one, and the columns before it keep their place."""

from __future__ import annotations

from tests.harness import TEACHER_ID, Chat, csv_rows, enrol_student


async def test_the_report_csv_names_somali_and_hmong(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Hodan", "so")
    enrol_student(chat.db, chat.clock(), 1002, "Pao", "hmn")
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(rivera, "/push science.ecosystems ecosystem")
    rows = csv_rows(await chat.send(rivera, "/report"))
    assert list(rows[0])[:3] == ["student", "roster_no", "language"]
    assert {(r["student"], r["language"], r["language_name"]) for r in rows} == {
        ("Hodan", "so", "Somali"), ("Pao", "hmn", "Hmong")}
