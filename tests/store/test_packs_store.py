"""Packs in the store: replaced on re-upload, cloze sentences kept, words read once."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.packs import Pack, Word
from bot.store import open_store
from bot.store.packs import pack_words, save_pack, words_by_id
from tests.clock import START


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
