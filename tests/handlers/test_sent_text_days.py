"""A privacy officer's playtest: a delivered weekly family update (a child's name and words) and
a teacher's note that a student joined (name and level) kept their text for 365 days. A
finished message's text is kept `[privacy] sent_text_days` (30 by default): its 🔊 reads it
until then; after, the nightly job empties it (row kept: who, kind, when), in the file too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from bot.config import Config, PrivacyConfig
from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.services import learners, membership
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    buttons,
    file_store,
    join_and_confirm,
    on_disk,
    texts,
    voices,
    with_speech,
)

GRANDMOTHER = 2001


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = file_store(tmp_path / "puente.db")
    yield database
    database.close()


async def linked_grandmother(chat: Chat) -> dict[str, Any]:
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    person = chat.user(GRANDMOTHER, "Mirlande", "ht")
    await chat.send(person, f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(person, callbacks.data(callbacks.FAMILY_LANG, "ht"))
    await chat.deliver()
    return person


def nightly(chat: Chat, config: Config) -> int:
    """The nightly retention job; return how many messages' text it emptied."""
    return membership.purge_old(chat.db, config, chat.clock()).texts


async def test_a_sent_family_update_keeps_its_text_30_days_then_only_who_and_when(
        chat: Chat, tmp_path: Path) -> None:
    speaking = with_speech(chat, tmp_path / "clips")
    await join_and_confirm(speaking, speaking.user(lang="ht"))
    grandmother = await linked_grandmother(speaking)
    prey = next(w for w in pack_words(chat.db, "science.ecosystems") if w.word.term == "prey")
    learners.introduce(chat.db, learners.learner(chat.db, 1001), [prey], chat.clock())
    learners.cards_shown(chat.db, 1001, [prey.id], chat.clock())
    queue_weekly_updates(speaking.app.bot_data.services)
    [update] = [c for c in await speaking.deliver() if c.chat_id == GRANDMOTHER]
    listen = next(d for _, d in buttons([update]) if d.startswith(f"{callbacks.HEAR_MESSAGE}:"))
    rows = chat.db["outbox"].count
    line = max(update.text.split("\n"), key=len).encode()  # stored JSON: "\n" escaped
    assert line in on_disk(tmp_path)
    config = Config()
    assert config.privacy.sent_text_days == 30
    chat.clock.advance(days=29)
    nightly(chat, config)
    assert voices(await speaking.tap(grandmother, listen))  # still read aloud
    chat.clock.advance(days=2)
    assert nightly(chat, config) >= 2  # the update, and the teacher's note that Ana joined
    old = await speaking.tap(grandmother, listen)
    stale = speaking.app.bot_data.services.catalog.plain("button-stale", "ht")
    assert not voices(old) and stale in texts(old)  # an old button, said in her language
    assert chat.db["outbox"].count == rows  # who, what kind and when stay to the retention
    assert line not in on_disk(tmp_path)
    left = chat.db.execute("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.text') "
                           "!= '' AND status = 'sent'").fetchone()[0]
    assert left == 0


async def test_a_school_may_keep_sent_text_for_fewer_days(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"), told=True)
    chat.clock.advance(minutes=30)
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "Ana" in " ".join(told)  # the teacher's note that Ana joined (name and level)
    joined = chat.db.execute("SELECT count(*) FROM outbox WHERE payload LIKE '%Ana%' "
                             "AND status = 'sent'")
    assert joined.fetchone()[0] >= 1
    chat.clock.advance(days=2)
    assert nightly(chat, Config(privacy=PrivacyConfig(sent_text_days=3))) == 0
    assert nightly(chat, Config(privacy=PrivacyConfig(sent_text_days=1))) >= 1
    assert chat.db.execute("SELECT count(*) FROM outbox WHERE payload LIKE '%Ana%'"
                           ).fetchone()[0] == 0
