"""Who reads Traditional Chinese: read from a phone for each update, kept once she is someone
Puente keeps (migration 0056), chosen by a tap for good, and forgotten with the person, in
the store and in memory."""

from __future__ import annotations

import contextvars

from sqlite_utils import Database

from bot.domain.chinese_script import HONG_KONG, SIMPLIFIED, TAIWAN, TRADITIONAL
from bot.services.scripts import ScriptBook
from bot.store import erase, people
from tests.clock import START
from tests.tables import cells_naming

LIN = 7700555


def _update(book: ScriptBook, user_id: int, phone: str | None) -> None:
    """One update from her phone, whatever it did (before and after every handler)."""
    book.note_phone(user_id, phone)
    book.end_update(user_id)


def _someone(db: Database, *user_ids: int) -> None:
    for user_id in user_ids:
        people.upsert_student(db, user_id, "Lin", START)


def test_a_traditional_phone_is_kept_and_read_again_after_a_restart(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    _update(book, LIN, "zh-TW")
    assert book.script(LIN) == TAIWAN
    assert ScriptBook(db).script(LIN) == TAIWAN  # the store kept it


def test_a_strangers_phone_is_read_for_her_update_and_never_kept(db: Database) -> None:
    book = ScriptBook(db)

    def during() -> str | None:
        book.note_phone(LIN, "zh-HK")
        read = book.script(LIN)  # her reply to this update is in her script
        book.end_update(LIN)
        return read

    assert contextvars.copy_context().run(during) == HONG_KONG
    assert book.script(LIN) is None and ScriptBook(db).script(LIN) is None
    assert cells_naming(db, LIN) == []


def test_her_phone_is_kept_at_the_end_of_the_update_that_made_her_someone(
        db: Database) -> None:
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-HK")  # her /start, a stranger as it begins
    _someone(db, LIN)  # ... joins her
    book.end_update(LIN)
    assert ScriptBook(db).script(LIN) == HONG_KONG


def test_a_simplified_or_other_phone_stores_nothing(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    for phone in ("zh-CN", "zh", "es", None):
        _update(book, LIN, phone)
    assert book.script(LIN) is None
    assert db["chinese_scripts"].count == 0


def test_a_tapped_script_wins_over_the_phone_for_good(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    _update(book, LIN, "zh-HK")
    assert book.choose(LIN, "zh-Hans")
    _update(book, LIN, "zh-HK")  # her next message, from the same phone
    assert ScriptBook(db).script(LIN) == SIMPLIFIED
    assert book.choose(LIN, "zh-Hant") and book.script(LIN) == TRADITIONAL


def test_traditional_tapped_keeps_hong_kong_characters(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    _update(book, LIN, "zh-HK")
    assert book.choose(LIN, "zh-Hant") and book.script(LIN) == HONG_KONG


def test_a_tap_from_nobody_keeps_nothing(db: Database) -> None:
    book = ScriptBook(db)
    assert book.choose(LIN, "zh-Hant")  # an old menu, tapped after her deletion
    assert book.script(LIN) is None and db["chinese_scripts"].count == 0


def test_a_button_naming_no_script_changes_nothing(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    _update(book, LIN, "zh-TW")
    assert not book.choose(LIN, "zh") and not book.choose(LIN, "es")
    assert book.script(LIN) == TAIWAN


def test_the_menu_marks_the_script_she_reads(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    assert book.reading(LIN, "zh") == "zh-Hans" and book.reading(LIN, "es") == "es"
    assert book.first_button(LIN) == "zh-Hans"
    _update(book, LIN, "zh-Hant")
    assert book.reading(LIN, "zh") == "zh-Hant" and book.reading(LIN, None) is None
    assert book.first_button(LIN) == "zh-Hant"


def test_erasing_a_person_erases_her_script_in_the_store_and_in_memory(db: Database) -> None:
    _someone(db, LIN)
    book = ScriptBook(db)
    _update(book, LIN, "zh-TW")
    erase.erase_person(db, LIN)
    assert cells_naming(db, LIN) == []
    assert book.script(LIN) is None and book.in_use() == frozenset()


def test_scripts_kept_for_nobody_are_deleted_at_start_up(db: Database) -> None:
    """An older version kept the phone of anyone who wrote, a deleted person's again too."""
    _someone(db, LIN)
    db.execute("INSERT INTO chinese_scripts (telegram_id, script) VALUES (?, ?), (?, ?)",
               [LIN, TAIWAN, LIN + 1, HONG_KONG])
    book = ScriptBook(db)
    assert book.script(LIN) == TAIWAN and book.script(LIN + 1) is None
    assert cells_naming(db, LIN + 1) == []


def test_the_scripts_in_use_are_what_start_up_loads(db: Database) -> None:
    _someone(db, LIN, LIN + 1, LIN + 2)
    book = ScriptBook(db)
    assert book.in_use() == frozenset()
    _update(book, LIN, "zh-HK")
    book.choose(LIN + 1, "zh-Hans")
    _update(book, LIN + 2, "zh-HK")
    assert ScriptBook(db).in_use() == {HONG_KONG, SIMPLIFIED}
