"""The eSpeak NG binding: which languages have a voice, and real synthesis."""

from __future__ import annotations

import pytest

from bot.domain.language import SUPPORTED_UI
from bot.speech import NO_VOICE, Speech, SpeechUnavailableError, load_engine
from bot.speech.voices import HOME_VOICES


def test_engine_reports_its_version() -> None:
    assert load_engine().version.startswith("espeak-ng 1.")


@pytest.mark.parametrize("lang", sorted(HOME_VOICES))
def test_every_promised_home_voice_exists(lang: str, speech: Speech) -> None:
    assert speech.voice_for(lang) == HOME_VOICES[lang]


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
