"""Which eSpeak NG voice speaks each Puente language, and which languages have none."""

from __future__ import annotations

ENGLISH = "en-us"  # US classrooms: American English by default ([speech] voice changes it)

# Puente language code -> eSpeak NG voice. Regional choices follow US newcomer populations:
# Latin American Spanish, Brazilian Portuguese, Mandarin for written Chinese.
HOME_VOICES: dict[str, str] = {
    "es": "es-419",
    "ar": "ar",
    "zh": "cmn",
    "vi": "vi",
    "ru": "ru",
    "ht": "ht",
    "ko": "ko",
    "pt": "pt-br",
    "fr": "fr",  # France
    "uk": "uk",
    "fa": "fa",
    "ur": "ur",
    "hi": "hi",
    "ne": "ne",
    "sw": "sw",
}
# eSpeak NG 1.52 has no voice for these; the gloss is shown but never spoken.
NO_VOICE: frozenset[str] = frozenset({"so", "tl", "hmn"})


def home_voice(lang: str) -> str | None:
    """The voice for a home language, or None where eSpeak NG has none."""
    return HOME_VOICES.get(lang)
