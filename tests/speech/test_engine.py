"""The eSpeak NG binding: which languages have a voice, and real synthesis."""

from __future__ import annotations

import pytest

from bot.domain.language import SUPPORTED_UI
from bot.services.packs import load_packs
from bot.speech import NO_VOICE, Speech, SpeechUnavailableError, load_engine
from bot.speech.voices import HOME_VOICES


def test_engine_reports_its_version() -> None:
    assert load_engine().version.startswith("espeak-ng 1.")


@pytest.mark.parametrize("lang", sorted(HOME_VOICES))
def test_every_promised_home_voice_speaks(lang: str, speech: Speech) -> None:
    assert speech.voice_for(lang) == HOME_VOICES[lang]
    assert load_engine().synthesize("1 2 3", HOME_VOICES[lang]).seconds > 0.3


def test_every_shipped_gloss_can_be_spoken_in_its_language() -> None:
    engine, silent = load_engine(), []
    for pack in load_packs().packs:
        for word in pack.words:
            for lang, gloss in word.glosses.items():
                if lang in HOME_VOICES and engine.synthesize(
                        gloss.term, HOME_VOICES[lang]).seconds < 0.2:
                    silent.append((lang, gloss.term))
    assert silent == []


@pytest.mark.parametrize(("name", "identifier"), [
    ("en-us", "gmw/en-US"), ("EN-US", "gmw/en-US"), ("en-gb", "gmw/en"), ("fr-fr", "roa/fr"),
    ("roa/fr", "roa/fr"), ("zh", "sit/cmn"), ("pt-br", "roa/pt-BR")])
def test_voices_are_found_by_file_name_or_language_tag(name: str, identifier: str) -> None:
    assert load_engine().resolve(name) == identifier


@pytest.mark.parametrize("lang", sorted(NO_VOICE))
def test_somali_tagalog_and_hmong_have_no_voice(lang: str, speech: Speech) -> None:
    assert speech.voice_for(lang) is None
    assert not any(lang in voice.languages for voice in load_engine().voices)


def test_every_interface_language_is_either_voiced_or_listed_as_missing() -> None:
    assert set(SUPPORTED_UI) - {"en"} <= set(HOME_VOICES) | NO_VOICE


def test_a_word_takes_about_a_second_to_say() -> None:
    pcm = load_engine().synthesize("ecosystem", "en-us")
    assert pcm.rate == 22050
    assert 0.4 < pcm.seconds < 2.5


def test_a_slower_rate_makes_a_longer_clip() -> None:
    engine = load_engine()
    slow = engine.synthesize("A pond is a small ecosystem.", "en-us", words_per_minute=100)
    fast = engine.synthesize("A pond is a small ecosystem.", "en-us", words_per_minute=220)
    assert slow.seconds > fast.seconds * 1.5


def test_an_unknown_voice_is_refused() -> None:
    with pytest.raises(SpeechUnavailableError):
        load_engine().synthesize("hello", "xx-nowhere")
