"""What a word's clip says, by language and voice."""

from __future__ import annotations

from pathlib import Path

from bot.domain.checks import WordRef
from bot.domain.packs import Gloss, Word
from bot.services.listen import note_for, script
from bot.speech import Part, Speech

WORD = Word("ecosystem", "noun", 3, "All the living things in one place.",
            "A pond is a small ecosystem.", "🌳",
            {"es": Gloss("ecosistema"), "so": Gloss("deegaan"),
             "vi": Gloss("hệ sinh thái", machine=True)})
REF = WordRef(7, WORD)


def test_spanish_speaker_hears_word_gloss_then_example() -> None:
    assert script(REF, "es", "es-419", "en-us") == (
        Part("ecosystem", "en-us"), Part("ecosistema", "es-419"),
        Part("A pond is a small ecosystem.", "en-us"))


def test_no_voice_means_english_only() -> None:
    assert script(REF, "so", None, "en-us") == (
        Part("ecosystem", "en-us"), Part("A pond is a small ecosystem.", "en-us"))


def test_machine_glosses_are_never_spoken() -> None:
    assert [p.voice for p in script(REF, "vi", "vi", "en-us")] == ["en-us", "en-us"]


def test_listening_items_get_the_word_alone() -> None:
    assert script(REF, "es", "es-419", "en-us", word_only=True) == (Part("ecosystem", "en-us"),)


def test_a_machine_gloss_is_neither_spoken_nor_captioned(tmp_path: Path) -> None:
    speech = Speech.open(tmp_path)
    note = note_for(speech, REF, "vi", speech.voice_for("vi"), word_only=False)
    assert (note.caption_key, note.caption) == ("audio-caption", {"term": "ecosystem"})
