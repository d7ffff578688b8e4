"""/deleteme deletes: after a student and their family member both delete their data, and the
teacher's note that the student left is delivered, the student's first name is nowhere in the
store's file, not even in a note sent to the teacher."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.presentation import callbacks
from bot.translation.translator import Translator, engine_for
from tests.harness import TEACHER_ID, Chat, file_store, join_and_confirm, on_disk, texts

NAME = "Carlitos"  # a first name no pack word, prompt or class name contains
MOTHER = 2001


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = file_store(tmp_path / "puente.db")
    yield database
    database.close()


async def test_no_trace_of_the_name_after_the_student_and_the_family_delete(
        chat: Chat, tmp_path: Path) -> None:
    models = tmp_path / "models"  # translation on, and no model: teachers get a note
    chat.app.bot_data.services.translator = Translator(
        chat.db, TranslationConfig(True, models), engine=engine_for(models), clock=chat.clock)
    carlos = chat.user(1001, NAME, "es")
    await join_and_confirm(chat, carlos)
    link = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), f"/family {NAME}"))
    mom = chat.user(MOTHER, "Rosa", "es")
    await chat.send(mom, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(mom, callbacks.data(callbacks.FAMILY_LANG, "es"))
    chat.clock.advance(minutes=3)  # the note waits a moment: she may change her mind
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert told and f"A family member of <b>{NAME}</b> chose Spanish." in told[-1]
    assert NAME.encode() in on_disk(tmp_path)
    for person in (mom, carlos):
        await chat.send(person, "/deleteme")
        await chat.tap(person, "dl:yes")
    # Only the teacher's notes that a family member of his deleted their data and that he
    # left the class name him, until they are delivered.
    assert chat.db.execute("SELECT kind, chat_id FROM outbox WHERE payload LIKE ?",
                           [f"%{NAME}%"]).fetchall() == [("goodbye", TEACHER_ID)] * 2
    assert {c.chat_id for c in await chat.deliver()} == {TEACHER_ID}
    assert chat.db.execute("SELECT count(*) FROM outbox WHERE payload LIKE ?",
                           [f"%{NAME}%"]).fetchone()[0] == 0
    assert NAME.encode() not in on_disk(tmp_path)
    assert NAME.encode("utf-16-le") not in on_disk(tmp_path)
