"""A family's message is kept only until it is delivered (SECURITY.md): a privacy officer's
playtest found it three times in puente.db-wal after delivery and busy traffic (only an
erasure or a clean stop removed it). After the delivery pass that empties it, no byte of the
store (the file and its write-ahead log) holds it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.presentation import callbacks
from tests.families import MOTHER, WOODLY, rivera, shared_phone
from tests.harness import TEACHER_ID, Chat, answer_as_written, file_store, on_disk

SECRET = "SECRETFAMILY su papá está en el hospital, llamar al 555-0100"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = file_store(tmp_path / "puente.db")
    yield database
    database.close()


async def test_a_familys_message_leaves_the_file_and_its_log_once_delivered(
        chat: Chat, tmp_path: Path) -> None:
    mother = await shared_phone(chat)
    for n in range(3):  # busy traffic: three messages, each relayed and answered
        await chat.send(mother, f"/ask {SECRET} ({n})")
        await chat.tap(mother, callbacks.data(callbacks.ASK, WOODLY))
        assert SECRET.encode() in on_disk(tmp_path)  # waiting for delivery: kept
        relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
        assert SECRET in relay.text and relay.result_id is not None
        await answer_as_written(chat, rivera(chat), f"Gracias, {n}", relay.result_id)
        assert any(c.chat_id == MOTHER for c in await chat.deliver())
    stored = on_disk(tmp_path)
    assert SECRET.encode() not in stored and b"555-0100" not in stored
    assert not (tmp_path / "puente.db-wal").exists() or \
        (tmp_path / "puente.db-wal").stat().st_size == 0


async def test_a_reader_holding_the_log_delays_the_flush_to_the_next_pass(
        chat: Chat, tmp_path: Path) -> None:
    """The dashboard or a backup reading the store keeps a checkpoint from finishing: the
    text stays in the log until the next delivery pass (each idle tick runs one), and the
    bot does not stall waiting for the reader."""
    mother = await shared_phone(chat)
    await chat.send(mother, f"/ask {SECRET}")
    await chat.tap(mother, callbacks.data(callbacks.ASK, WOODLY))
    reader = sqlite3.connect(tmp_path / "puente.db")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM outbox").fetchone()  # a read snapshot, held
    started = time.monotonic()
    assert any(c.chat_id == TEACHER_ID for c in await chat.deliver())
    assert time.monotonic() - started < 5  # not the store's 10 s busy wait: the bot answers
    assert SECRET.encode() in on_disk(tmp_path)  # the reader's snapshot still needs it
    reader.close()
    assert await chat.deliver() == []  # nothing to send: the owed checkpoint runs
    assert SECRET.encode() not in on_disk(tmp_path)
