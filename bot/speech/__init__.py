"""Offline pronunciation clips: eSpeak NG synthesis, OGG/Opus encoding and a disk cache keyed by
content. Telegram file_id reuse lives in the store (bot/store/speech.py), driven by the service
that decides what a clip says (bot/services/listen.py)."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.config import SpeechConfig
from bot.speech.cache import ClipCache
from bot.speech.encode import join, ogg_opus_seconds, to_ogg_opus
from bot.speech.engine import WORDS_PER_MINUTE, Espeak, SpeechUnavailableError
from bot.speech.voices import ENGLISH, NO_VOICE, home_voice

__all__ = ["NO_VOICE", "Clip", "Part", "Speech", "SpeechUnavailableError", "load_engine",
           "open_speech", "voice_exists"]
log = logging.getLogger(__name__)
ENCODER = "opus-24k-1"  # part of every key: change it when encoding changes, so clips re-render


@dataclass(frozen=True)
class Part:
    """One stretch of a clip: a text and the voice that says it."""

    text: str
    voice: str


@dataclass(frozen=True)
class Clip:
    """A voice note ready to send."""

    key: str
    data: bytes
    seconds: float
    cached: bool  # read from disk rather than synthesised just now


@functools.cache
def load_engine() -> Espeak:
    """The process's one eSpeak NG (its library holds global state), loaded on first use."""
    return Espeak.load()


def voice_exists(name: str) -> bool | None:
    """Whether eSpeak NG on this machine has a voice answering to `name`; None when the engine
    is not installed, so nobody can tell (config.py's `voice_check`)."""
    try:
        engine = load_engine()
    except SpeechUnavailableError:
        return None
    return engine.has_voice(name)


class Speech:
    """Make clips from parts, caching each on disk by content."""

    def __init__(self, engine: Espeak, cache_dir: Path, english: str = ENGLISH,
                 words_per_minute: int = WORDS_PER_MINUTE) -> None:
        if not engine.has_voice(english):
            raise SpeechUnavailableError(f"no espeak-ng voice {english!r}")
        self.engine, self.cache = engine, ClipCache(cache_dir)
        self.english, self.words_per_minute = english, words_per_minute
        self._uploads: dict[str, asyncio.Lock] = {}
        self._rendering: dict[str, asyncio.Future[Clip]] = {}

    @classmethod
    def open(cls, cache_dir: Path, english: str = ENGLISH) -> Speech:
        """Load the engine and check the encoder, or raise SpeechUnavailableError."""
        try:
            import soundfile  # noqa: F401 - its bundled libsndfile must load here, not later
        except (ImportError, OSError) as exc:
            raise SpeechUnavailableError(f"soundfile/libsndfile is not installed: {exc}") from exc
        return cls(load_engine(), cache_dir, english)

    def voice_for(self, lang: str) -> str | None:
        """The voice that speaks `lang` ("en" included), or None where there is none."""
        voice = self.english if lang == "en" else home_voice(lang)
        return voice if voice and self.engine.has_voice(voice) else None

    def key(self, parts: Sequence[Part]) -> str:
        """The content hash naming a clip: engine version, encoder, speed and every part."""
        recipe = {"engine": self.engine.version, "encoder": ENCODER,
                  "wpm": self.words_per_minute, "parts": [[p.voice, p.text] for p in parts]}
        blob = json.dumps(recipe, ensure_ascii=False, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()

    def clip_now(self, parts: Sequence[Part]) -> Clip:
        """Return the cached clip, or synthesise, encode and cache it; blocking."""
        key = self.key(parts)
        data = self.cache.get(key)
        if data is not None:
            try:
                return Clip(key, data, ogg_opus_seconds(data), cached=True)
            except ValueError:
                log.warning("re-making damaged cached clip %s", self.cache.path(key))
        pcm = [self.engine.synthesize(p.text, p.voice, self.words_per_minute) for p in parts]
        data = to_ogg_opus(join(pcm))
        try:
            self.cache.put(key, data)
        except OSError as exc:  # a full disk or a read-only folder costs speed, not the clip
            log.warning("could not cache clip %s: %s", key, exc)
        return Clip(key, data, ogg_opus_seconds(data), cached=False)

    async def clip(self, parts: Sequence[Part]) -> Clip:
        """`clip_now` in a worker thread, so the bot keeps answering others meanwhile; callers
        asking for a clip already being made share that one rendering."""
        key = self.key(parts)
        rendering = self._rendering.get(key)
        if rendering is None:
            rendering = asyncio.ensure_future(asyncio.to_thread(self.clip_now, parts))
            self._rendering[key] = rendering
            rendering.add_done_callback(lambda _: self._rendering.pop(key, None))
        return await asyncio.shield(rendering)

    def sending(self, key: str) -> asyncio.Lock:
        """Held while one clip is looked up and sent: students who tap the same word at the
        same moment wait for the first upload and are then sent its file_id."""
        return self._uploads.setdefault(key, asyncio.Lock())


def open_speech(config: SpeechConfig, store_path: Path) -> Speech | None:
    """Speech as configured (clips cached beside the store by default), or None (logged) when
    it is switched off or cannot run here."""
    if not config.enabled:
        return None
    try:
        return Speech.open(config.folder(store_path), config.voice)
    except SpeechUnavailableError as exc:
        log.warning("pronunciation audio is off: %s", exc)
        return None
