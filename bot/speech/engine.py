"""eSpeak NG through ctypes: the shared library and voice data come from the `espeakng-loader`
wheel, so a school machine needs no system package. One synthesis at a time (the library keeps
global state); callers run it in a worker thread."""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.domain.errors import PuenteError

# espeak_AUDIO_OUTPUT, espeak_PARAMETER and flag values from espeak-ng's speak_lib.h
_SYNCHRONOUS = 2
_RATE, _VOLUME, _PITCH = 1, 2, 3
_CHARS_UTF8, _ENDPAUSE = 0x1, 0x1000
_POS_CHARACTER = 1
WORDS_PER_MINUTE = 140  # espeak's default is 175: too fast for a newcomer to follow


class SpeechUnavailableError(PuenteError):
    """No speech engine on this machine, or no voice for the language asked for."""

    prompt_key = "audio-unavailable"


@dataclass(frozen=True)
class Voice:
    """One eSpeak NG voice: its identifier and the language tags it speaks."""

    identifier: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Pcm:
    """16-bit mono samples as the engine made them."""

    samples: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate


class _VoiceStruct(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p),
                ("identifier", ctypes.c_char_p), ("gender", ctypes.c_ubyte),
                ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte), ("xx1", ctypes.c_ubyte),
                ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.c_void_p)


class Espeak:
    """The loaded library; build it with `Espeak.load()`."""

    def __init__(self, lib: Any, data_path: str) -> None:
        self._lib = lib
        self._lock = threading.Lock()
        self._chunks: list[bytes] = []
        _declare(lib)
        self.rate = lib.espeak_Initialize(_SYNCHRONOUS, 0, data_path.encode(), 0)
        if self.rate <= 0:
            raise SpeechUnavailableError(f"espeak-ng could not read its data at {data_path}")
        self.version = "espeak-ng " + lib.espeak_Info(None).decode()
        self._callback = _CALLBACK(self._collect)  # kept alive as long as the library uses it
        lib.espeak_SetSynthCallback(self._callback)
        self.voices = tuple(_voices(lib))

    @classmethod
    def load(cls) -> Espeak:
        """Load libespeak-ng from the espeakng-loader wheel, or raise SpeechUnavailableError."""
        try:
            import espeakng_loader  # optional until speech is used

            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_path = espeakng_loader.get_data_path()
        except (ImportError, OSError, RuntimeError) as exc:
            raise SpeechUnavailableError(f"espeak-ng is not installed: {exc}") from exc
        return cls(lib, data_path)

    def resolve(self, name: str) -> str | None:
        """The voice's identifier for a voice file name ("en-us", "roa/fr") or, failing that,
        a language tag ("en-gb", "fr-fr": the voice that lists it first); None if none."""
        wanted = name.lower()
        for voice in self.voices:
            if wanted in (voice.identifier.lower(), voice.identifier.rsplit("/")[-1].lower()):
                return voice.identifier
        tagged = [v for v in self.voices if wanted in v.languages]
        tagged.sort(key=lambda v: v.languages.index(wanted))
        return tagged[0].identifier if tagged else None

    def has_voice(self, name: str) -> bool:
        """Tell whether a voice answers to `name` (see `resolve`)."""
        return self.resolve(name) is not None

    def synthesize(self, text: str, voice: str,
                   words_per_minute: int = WORDS_PER_MINUTE) -> Pcm:
        """Speak `text` with `voice` into PCM; blocking, one caller at a time."""
        identifier = self.resolve(voice)
        with self._lock:
            if identifier is None or self._lib.espeak_SetVoiceByName(identifier.encode()) != 0:
                raise SpeechUnavailableError(f"no espeak-ng voice {voice!r}")
            self._lib.espeak_SetParameter(_RATE, words_per_minute, 0)
            self._chunks = []
            raw = text.encode() + b"\0"
            status = self._lib.espeak_Synth(raw, len(raw), 0, _POS_CHARACTER, 0,
                                            _CHARS_UTF8 | _ENDPAUSE, None, None)
            self._lib.espeak_Synchronize()
            if status != 0:
                raise SpeechUnavailableError(f"espeak-ng failed ({status}) on {text!r}")
            return Pcm(b"".join(self._chunks), self.rate)

    def _collect(self, wav: Any, count: int, _events: Any) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0  # 0 = go on synthesising


def _declare(lib: Any) -> None:
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]
    lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_VoiceStruct))
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetVoiceByName.restype = ctypes.c_int
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    lib.espeak_Synth.restype = ctypes.c_int
    lib.espeak_Synchronize.restype = ctypes.c_int


def _voices(lib: Any) -> Iterator[Voice]:
    listed = lib.espeak_ListVoices(None)
    index = 0
    while listed[index]:
        voice = listed[index].contents
        yield Voice(voice.identifier.decode(), voice.name.decode(),
                    tuple(_languages(voice.languages)))
        index += 1


def _languages(address: int) -> Iterator[str]:
    # A run of (priority byte, NUL-terminated tag), closed by a zero priority byte.
    while ctypes.c_ubyte.from_address(address).value:
        tag = ctypes.string_at(address + 1)
        yield tag.decode().lower()
        address += len(tag) + 2
