"""Looking up a home-language word typed outside a check: in the student's own words only."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.services import lookup
from bot.store import people
from bot.store import study as stored
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import enrol_student


def word(db: Database, pack_id: str, term: str) -> int:
    return next(w.id for w in pack_words(db, pack_id) if w.word.term == term)


def test_the_word_is_found_in_the_class_pack_and_in_words_pushed_from_others(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, lang="es")
    assert [r.word.term for r in lookup.home_word(db, 1001, "depredador")] == ["predator"]
    assert lookup.home_word(db, 1001, "analizar") == []  # a verb pack's word, not hers yet
    pushed = word(db, "general.academic-verbs", "analyze")
    stored.save_mastery(db, 1001, pushed, new_mastery(pushed, START), START)
    assert [r.id for r in lookup.home_word(db, 1001, "analizar")] == [pushed]


def test_someone_who_is_in_no_class_finds_nothing(db: Database) -> None:
    people.upsert_student(db, 1002, "Bo", START)
    assert lookup.home_word(db, 1002, "depredador") == []
