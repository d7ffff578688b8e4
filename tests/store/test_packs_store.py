"""Packs in the store: replaced on re-upload (left-out words retired with their history, and
brought back by the same term), cloze sentences kept, words read once."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.domain.packs import Pack, Word
from bot.store import open_store, people, study
from bot.store.packs import list_packs, pack_words, save_pack, words_by_id
from tests.clock import START
from tests.harness import enrol_student


def _pack(*terms: str) -> Pack:
    words = tuple(Word(t, "noun", 3, f"A {t}.", f"The {t} is here.",
                       cloze=f"We saw one {t} today.", forms=(f"{t}s",)) for t in terms)
    return Pack("t1.demo", "Demo", "science", (4, 6), words)


def test_a_reuploaded_pack_replaces_its_words_instead_of_merging() -> None:
    db = open_store(None)
    save_pack(db, _pack("settler", "colony", "trade"), START)
    kept = {w.word.term: w.id for w in pack_words(db, "t1.demo")}
    save_pack(db, _pack("colony", "settler", "tax"), START)
    words = pack_words(db, "t1.demo")
    assert [w.word.term for w in words] == ["colony", "settler", "tax"]
    assert {w.word.term: w.id for w in words}["settler"] == kept["settler"]  # ids are stable


def _answers(db: Database, word_id: int) -> tuple[int, int]:
    """(her answers counted in the reports' totals, her answers kept)."""
    return (db.execute("SELECT attempts FROM mastery WHERE word_id = ?", [word_id]).fetchone()[0],
            db.execute("SELECT count(*) FROM attempts WHERE word_id = ?", [word_id]).fetchone()[0])


def test_a_word_left_out_of_a_new_version_keeps_its_answers_and_returns_with_them(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    save_pack(db, _pack("settler", "colony", "trade"), START)
    trade = next(w for w in pack_words(db, "t1.demo") if w.word.term == "trade")
    study.record_attempt(db, 1001, trade.id, "choice", "es", True, START)
    study.save_mastery(db, 1001, trade.id, new_mastery(trade.id, START), START, answered=True)

    changes = save_pack(db, _pack("settler", "colony"), START)
    assert (changes.retired, changes.answered) == (("trade",), 1)
    assert [w.word.term for w in pack_words(db, "t1.demo")] == ["settler", "colony"]
    assert [p.words for p in list_packs(db) if p.id == "t1.demo"] == [2]
    assert words_by_id(db, [trade.id]) == [trade]  # her reports still name it
    assert _answers(db, trade.id) == (1, 1)

    back = save_pack(db, _pack("settler", "colony", "trade", "tax"), START)
    assert (back.revived, back.added, back.retired) == (("trade",), ("tax",), ())
    assert {w.word.term: w.id for w in pack_words(db, "t1.demo")}["trade"] == trade.id
    assert _answers(db, trade.id) == (1, 1)


def test_a_new_version_names_the_words_it_changed() -> None:
    db = open_store(None)
    assert not save_pack(db, _pack("settler", "colony"), START).any  # a first upload
    edited = _pack("settler", "colony")
    edited = replace(edited, words=(replace(edited.words[0], definition="One who settles."),
                                    edited.words[1]))
    assert save_pack(db, edited, START).changed == ("settler",)
    assert not save_pack(db, edited, START).any  # the same file again changes nothing


def test_cloze_sentences_and_forms_survive_the_store() -> None:
    db = open_store(None)
    save_pack(db, _pack("settler"), START)
    word = pack_words(db, "t1.demo")[0].word
    assert word.cloze == "We saw one settler today."
    assert word.forms == ("settlers",)


def test_words_are_read_once_and_a_new_upload_is_seen_at_once() -> None:
    db = open_store(None)
    save_pack(db, _pack("settler"), START)
    first = pack_words(db, "t1.demo")[0]
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    assert words_by_id(db, [first.id]) == [first]
    assert statements == []  # answered from memory
    db.conn.set_trace_callback(None)
    changed = replace(_pack("settler"), title="Demo 2",
                      words=(replace(first.word, definition="Someone who settles."),))
    save_pack(db, changed, START)
    assert words_by_id(db, [first.id])[0].word.definition == "Someone who settles."
