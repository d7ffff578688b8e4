"""Who reads Traditional Chinese: noted from a phone once, chosen by a tap for good, kept in
the store (migration 0056) and forgotten with the person."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.chinese_script import HONG_KONG, SIMPLIFIED, TAIWAN, TRADITIONAL
from bot.services.scripts import ScriptBook
from bot.store import erase, people
from tests.clock import START
from tests.tables import cells_naming

LIN = 7700555


def test_a_traditional_phone_is_noted_and_read_again_after_a_restart(db: Database) -> None:
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-TW")
    assert book.script(LIN) == TAIWAN
    assert ScriptBook(db).script(LIN) == TAIWAN  # the store kept it


def test_a_simplified_or_other_phone_stores_nothing(db: Database) -> None:
    book = ScriptBook(db)
    for phone in ("zh-CN", "zh", "es", None):
        book.note_phone(LIN, phone)
    assert book.script(LIN) is None
    assert db["chinese_scripts"].count == 0


def test_a_tapped_script_wins_over_the_phone_for_good(db: Database) -> None:
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-HK")
    assert book.choose(LIN, "zh-Hans")
    book.note_phone(LIN, "zh-HK")  # her next message, from the same phone
    assert ScriptBook(db).script(LIN) == SIMPLIFIED
    assert book.choose(LIN, "zh-Hant") and book.script(LIN) == TRADITIONAL


def test_traditional_tapped_keeps_hong_kong_characters(db: Database) -> None:
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-HK")
    assert book.choose(LIN, "zh-Hant") and book.script(LIN) == HONG_KONG


def test_a_button_naming_no_script_changes_nothing(db: Database) -> None:
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-TW")
    assert not book.choose(LIN, "zh") and not book.choose(LIN, "es")
    assert book.script(LIN) == TAIWAN


def test_the_menu_marks_the_script_she_reads(db: Database) -> None:
    book = ScriptBook(db)
    assert book.reading(LIN, "zh") == "zh-Hans" and book.reading(LIN, "es") == "es"
    book.note_phone(LIN, "zh-Hant")
    assert book.reading(LIN, "zh") == "zh-Hant" and book.reading(LIN, None) is None


def test_erasing_a_person_erases_her_script(db: Database) -> None:
    people.upsert_student(db, LIN, "Lin", START)
    book = ScriptBook(db)
    book.note_phone(LIN, "zh-TW")
    erase.erase_person(db, LIN)
    book.forget(LIN)
    assert cells_naming(db, LIN) == []
    assert book.script(LIN) is None and ScriptBook(db).script(LIN) is None


def test_the_scripts_in_use_are_what_start_up_loads(db: Database) -> None:
    book = ScriptBook(db)
    assert book.in_use() == frozenset()
    book.note_phone(LIN, "zh-HK")
    book.choose(LIN + 1, "zh-Hans")
    book.note_phone(LIN + 2, "zh-HK")
    assert ScriptBook(db).in_use() == {HONG_KONG, SIMPLIFIED}
