"""A student or family member on a Hong Kong or Taiwan phone who deletes their data leaves no
script of Chinese behind: her next message (she is nobody now) is answered in her phone's
script and nothing is kept of it, in the store or in the running bot's memory; one erased by
`puente student delete` (another process) is dropped from the running bot's memory at the
next update; a family member forgotten with her child's deletion loses hers too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.domain.chinese_script import HONG_KONG, TRADITIONAL
from bot.presentation import callbacks
from bot.services import records
from bot.store import open_store
from tests.harness import TEACHER_ID, Chat, ask_typed, file_store, join_and_confirm, texts
from tests.tables import cells_naming

SIMPLIFIED = set("这们说请为么时发还会问题数据删链级")
TRADITIONAL_CHARS = set("這們說請為麼時發還會問題數據刪鏈級")


def _in_traditional(text: str) -> bool:
    return bool(set(text) & TRADITIONAL_CHARS) and not set(text) & SIMPLIFIED


def _in_simplified(text: str) -> bool:
    return bool(set(text) & SIMPLIFIED) and not set(text) & TRADITIONAL_CHARS


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = file_store(tmp_path / "puente.db")  # the erasure ledger lives beside it
    yield database
    database.close()


async def test_after_deleteme_her_next_message_keeps_no_script(chat: Chat) -> None:
    lin = chat.user(1001, "Lin", "zh-HK")
    await join_and_confirm(chat, lin, lang="zh")
    scripts = chat.app.bot_data.services.scripts
    assert scripts.script(1001) == HONG_KONG
    await chat.send(lin, "/deleteme")
    done = texts(await chat.tap(lin, "dl:yes"))
    assert _in_traditional(done), done  # "deleted" in the script she read
    assert scripts.script(1001) is None
    again = texts(await chat.send(lin, "你好"))  # nobody now: how to join, in her phone's
    assert _in_traditional(again), again
    assert scripts.script(1001) is None and scripts.in_use() == frozenset()
    assert cells_naming(chat.db, 1001) == []


async def test_a_student_erased_by_the_command_line_is_dropped_from_the_running_bot(
        chat: Chat, tmp_path: Path) -> None:
    """She tapped 繁體中文 on a Simplified phone: after `puente student delete` she reads
    what any stranger on her phone reads, Simplified, at once (not after a restart)."""
    lin = chat.user(1001, "Lin", "zh-CN")
    await join_and_confirm(chat, lin, lang="zh")
    await chat.send(lin, "/language")
    await chat.tap(lin, callbacks.data(callbacks.LANGUAGE, "zh-Hant"))
    scripts = chat.app.bot_data.services.scripts
    assert scripts.script(1001) == TRADITIONAL
    other = open_store(tmp_path / "puente.db")  # `puente student delete 1001 --yes`
    try:
        records.delete_student(other, 1001, [], chat.clock())
    finally:
        other.close()
    again = texts(await chat.send(lin, "你好"))
    assert _in_simplified(again), again
    assert scripts.script(1001) is None and scripts.in_use() == frozenset()
    assert cells_naming(chat.db, 1001) == []


async def test_a_family_member_forgotten_with_her_childs_deletion_loses_her_script(
        chat: Chat) -> None:
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Ana"))
    grandma = chat.user(2001, "婆婆", "zh-HK")
    await chat.send(grandma, f"/start {made.split('?start=')[1].split()[0]}")
    scripts = chat.app.bot_data.services.scripts
    assert scripts.script(2001) == HONG_KONG
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, "dl:yes")  # her grandmother is linked to no child now
    assert scripts.script(2001) is None
    assert chat.db.execute("SELECT count(*) FROM chinese_scripts").fetchone()[0] == 0


async def test_a_graded_answer_after_someone_elses_deleteme_reads_no_scripts_again(
        chat: Chat) -> None:
    """This process's own erasure left the running bot's memory at once: the next update
    read every kept script again (its ledger changed), so a typed answer landing then cost
    one statement more, 11 (a graded answer takes at most 10)."""
    ana, bea = chat.user(1001, "Ana", "zh-HK"), chat.user(1002, "Bea", "es")
    await join_and_confirm(chat, ana, lang="zh")
    await join_and_confirm(chat, bea, level=4)

    async def graded(term: str) -> list[str]:
        ask_typed(chat, "science.ecosystems", term, "es", user_id=1002)
        statements: list[str] = []
        chat.db.conn.set_trace_callback(statements.append)
        try:
            reply = texts(await chat.send(bea, term))
        finally:
            chat.db.conn.set_trace_callback(None)
        assert "✅" in reply, reply
        return statements

    before = await graded("habitat")
    await chat.send(ana, "/deleteme")
    await chat.tap(ana, "dl:yes")
    assert chat.app.bot_data.services.scripts.script(1001) is None
    after = await graded("organism")
    assert not [s for s in after if "chinese_scripts" in s], after
    assert len(after) == len(before) <= 10
