"""What a word's clip says, by language, voice and level."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.domain.checks import WordRef
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import scaffold_for
from bot.services.listen import Recipe, family_notes, note_for, script
from bot.speech import Part, Speech

WORD = Word("ecosystem", "noun", 3, "All the living things in one place.",
            "A pond is a small ecosystem.", "🌳",
            {"es": Gloss("ecosistema"), "so": Gloss("deegaan"),
             "vi": Gloss("hệ sinh thái", machine=True)})
REF = WordRef(7, WORD)
LEVEL_1, LEVEL_3, LEVEL_5 = (Recipe.for_level(scaffold_for(n)) for n in (1, 3, 5))


def test_level_3_spanish_speaker_hears_word_gloss_then_example() -> None:
    assert script(REF, "es", "es-419", "en-us", LEVEL_3) == (
        Part("ecosystem", "en-us"), Part("ecosistema", "es-419"),
        Part("A pond is a small ecosystem.", "en-us"))


def test_level_1_hears_the_cards_sentence_frame_whole_with_a_pause_for_the_gap() -> None:
    # the card says "✍️ Try saying: The ecosystem is ___." in English a newcomer cannot read
    assert script(REF, "es", "es-419", "en-us", LEVEL_1) == (
        Part("ecosystem", "en-us"), Part("ecosistema", "es-419"),
        Part("The ecosystem is ….", "en-us"))


def test_a_words_own_frame_is_heard_as_its_card_shows_it() -> None:
    own = WordRef(7, replace(WORD, frame="A ___ is an ecosystem."))
    for level in (1, 2):
        recipe = Recipe.for_level(scaffold_for(level))
        assert script(own, "hmn", None, "en-us", recipe) == (
            Part("ecosystem", "en-us"), Part("A … is an ecosystem.", "en-us"))
    assert script(own, "es", "es-419", "en-us", LEVEL_3)[-1].text == WORD.example


def test_a_familys_note_says_the_word_again_not_a_frame(speech: Speech) -> None:
    family = family_notes(speech, "es", [REF]).notes[0]
    assert [p.text for p in family.parts] == ["ecosystem", "ecosistema", "ecosystem"]


def test_level_5_hears_english_only_as_its_cards_show() -> None:
    assert [p.voice for p in script(REF, "es", "es-419", "en-us", LEVEL_5)] == ["en-us"] * 2


def test_no_voice_means_english_only() -> None:
    assert script(REF, "so", None, "en-us", LEVEL_3) == (
        Part("ecosystem", "en-us"), Part("A pond is a small ecosystem.", "en-us"))


def test_machine_glosses_are_never_spoken() -> None:
    assert [p.voice for p in script(REF, "vi", "vi", "en-us", LEVEL_1)] == ["en-us", "en-us"]


def test_listening_items_get_the_word_alone() -> None:
    word_only = Recipe.for_level(scaffold_for(1), word_only=True)
    assert script(REF, "es", "es-419", "en-us", word_only) == (Part("ecosystem", "en-us"),)


def test_captions_show_the_gloss_only_where_it_is_spoken(tmp_path: Path) -> None:
    speech = Speech.open(tmp_path)
    spanish = note_for(speech, REF, "es", speech.voice_for("es"), LEVEL_1)
    assert spanish.caption == {"term": "ecosystem", "gloss": "ecosistema"}
    machine = note_for(speech, REF, "vi", speech.voice_for("vi"), LEVEL_1)
    assert (machine.caption_key, machine.caption) == ("audio-caption", {"term": "ecosystem"})
    assert note_for(speech, REF, "es", "es-419", LEVEL_5).caption == {"term": "ecosystem"}
