"""PCM -> OGG/Opus, the only audio format Telegram shows as a voice note, in-process with the
libsndfile that the `soundfile` wheel bundles (no ffmpeg)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np

from bot.speech.engine import Pcm

OPUS_RATE = 24_000  # Opus takes 8/12/16/24/48 kHz; espeak's 22,050 Hz becomes 24 kHz
GAP_SECONDS = 0.35  # silence between the parts of one clip (a word, then its sentence)
_GRANULE_RATE = 48_000  # Ogg/Opus granule positions always count 48 kHz samples


def join(parts: Sequence[Pcm], gap: float = GAP_SECONDS) -> np.ndarray:
    """Resample each part to 24 kHz floats and join them with short silences."""
    silence = np.zeros(int(OPUS_RATE * gap), dtype=np.float32)
    pieces: list[np.ndarray] = []
    for index, part in enumerate(parts):
        if index:
            pieces.append(silence)
        pieces.append(_resample(part))
    return np.concatenate(pieces) if pieces else silence


def to_ogg_opus(samples: np.ndarray) -> bytes:
    """Encode 24 kHz mono float samples as an OGG/Opus file."""
    import soundfile  # loads libsndfile only when a clip is made

    buffer = io.BytesIO()
    soundfile.write(buffer, samples, OPUS_RATE, format="OGG", subtype="OPUS")
    return buffer.getvalue()


def ogg_opus_seconds(data: bytes) -> float:
    """Read a clip's length from its last Ogg page (granule position less the pre-skip)."""
    head = data.find(b"OpusHead")
    last = data.rfind(b"OggS")
    if not data.startswith(b"OggS") or head < 0 or last < 0:
        raise ValueError("not an OGG/Opus file")
    pre_skip = int.from_bytes(data[head + 10:head + 12], "little")
    granule = int.from_bytes(data[last + 6:last + 14], "little")
    return max(granule - pre_skip, 0) / _GRANULE_RATE


def _resample(part: Pcm) -> np.ndarray:
    samples = np.frombuffer(part.samples, dtype="<i2").astype(np.float32) / 32768
    if part.rate == OPUS_RATE or not len(samples):
        return samples
    # Linear interpolation is enough for a step this small (22,050 -> 24,000 Hz) and a
    # formant voice like espeak's; measured, it adds ~1 ms a word.
    count = round(len(samples) * OPUS_RATE / part.rate)
    positions = np.arange(count, dtype=np.float64) * part.rate / OPUS_RATE
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
