"""Clips: real OGG/Opus voice notes, cached on disk by content."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
import soundfile

from bot.speech import Part, Speech, SpeechUnavailableError
from bot.speech.encode import ogg_opus_seconds

WORD = (Part("ecosystem", "en-us"),)
CARD = (Part("ecosystem", "en-us"), Part("ecosistema", "es-419"),
        Part("A pond is a small ecosystem.", "en-us"))


def test_a_clip_is_an_ogg_opus_voice_note(speech: Speech) -> None:
    clip = speech.clip_now(WORD)
    assert clip.data.startswith(b"OggS")
    assert b"OpusHead" in clip.data[:100]
    info = soundfile.info(io.BytesIO(clip.data))
    assert (info.samplerate, info.channels, info.subtype) == (24000, 1, "OPUS")
    assert 0.4 < clip.seconds < 2.5
    assert clip.seconds == pytest.approx(info.duration, abs=0.03)
    assert len(clip.data) < 20_000  # a few KB: cheap to upload


def test_a_card_clip_says_word_gloss_and_example_in_order(speech: Speech) -> None:
    word, card = speech.clip_now(WORD), speech.clip_now(CARD)
    assert card.seconds > word.seconds + 2  # the gloss and the sentence follow the word


def test_second_request_reads_the_disk_cache(speech: Speech, tmp_path: Path) -> None:
    first = speech.clip_now(CARD)
    again = speech.clip_now(CARD)
    assert (first.cached, again.cached) == (False, True)
    assert again.data == first.data and again.key == first.key
    assert speech.cache.path(first.key).read_bytes() == first.data
    assert speech.cache.path(first.key).is_relative_to(tmp_path / "clips")


def test_cache_survives_a_new_speech_object(speech: Speech) -> None:
    first = speech.clip_now(WORD)
    reopened = Speech.open(speech.cache.folder)
    assert reopened.clip_now(WORD).cached
    assert reopened.key(WORD) == first.key


@pytest.mark.parametrize("other", [
    (Part("ecosystems", "en-us"),),
    (Part("ecosystem", "en-gb"),),
    (Part("ecosystem", "en-us"), Part("ecosystem", "en-us")),
])
def test_the_key_changes_with_text_voice_and_parts(speech: Speech, other: tuple[Part]) -> None:
    assert speech.key(other) != speech.key(WORD)


def test_the_key_changes_with_the_engine_version(speech: Speech) -> None:
    before = speech.key(WORD)
    speech.engine = type("Upgraded", (), {"version": "espeak-ng 9.9"})()  # type: ignore[assignment]
    assert speech.key(WORD) != before


def test_duration_is_read_from_the_last_ogg_page(speech: Speech) -> None:
    assert ogg_opus_seconds(speech.clip_now(CARD).data) > 3
    with pytest.raises(ValueError):
        ogg_opus_seconds(b"RIFF....WAVE")


def test_an_unknown_english_voice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SpeechUnavailableError):
        Speech.open(tmp_path, english="xx-nowhere")


async def test_clips_are_made_off_the_event_loop(speech: Speech) -> None:
    clip = await speech.clip(WORD)
    assert clip.data.startswith(b"OggS")


async def test_two_students_asking_at_once_share_one_rendering(speech: Speech) -> None:
    first, second = await asyncio.gather(speech.clip(CARD), speech.clip(CARD))
    assert first is second
    assert not first.cached


def test_a_damaged_cached_clip_is_made_again(speech: Speech) -> None:
    first = speech.clip_now(WORD)
    speech.cache.path(first.key).write_bytes(b"not audio")
    again = speech.clip_now(WORD)
    assert not again.cached and again.data.startswith(b"OggS")
    assert speech.cache.get(first.key) == again.data


def test_a_cache_that_cannot_be_written_still_gives_the_clip(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    clip = Speech.open(blocked).clip_now(WORD)
    assert clip.data.startswith(b"OggS") and not clip.cached
