"""Which language a message between a family (or a student) and a teacher is written in, and
what this machine can translate it into: only then may anyone be promised a translation.
"""

from __future__ import annotations

import re

from bot.domain.emoji import only_emoji
from bot.domain.language import LANGUAGES, Capability, detect_language
from bot.translation.translator import Translator

UNKNOWN = ""  # the language a message was written in, when nothing says which
# A text this long, detected this surely, is in the detected language even when the writer's
# profile says another: a Spanish-profile family's Somali ("Waan ku faraxsanahay, macallin.
# Maxaan sameeyaa?", 1.0 Somali) was labelled Spanish, and an es->en model would have turned
# it into nonsense shown as a translation (playtest). Shorter texts ("hola", "ok gracias")
# are too short to tell: they stay in the profile's language.
SURE_WORDS, SURE_CONFIDENCE = 4, 0.95


def says_something(text: str) -> bool:
    """Whether a text has at least one letter: "???" or "😀" alone is no message to relay,
    nor Korean chat's letter emoji alone ("ㅋㅋ")."""
    return any(ch.isalpha() for ch in text) and not only_emoji(text)


def written_in(text: str, own: str, sure: bool = True) -> str:
    """English when the text is confidently English (a student asking in English needs no
    translation), another language when a long enough text surely is in it (`_surely_other`),
    else the writer's own language; a voice note (no text) is their own. For
    someone who never chose a language (`sure` False), the language the text is confidently
    in, else UNKNOWN: never English for want of evidence. A text with no letter is in none."""
    if not sure:
        return (detect_language(text).lang or UNKNOWN) if text.strip() else UNKNOWN
    if not text.strip():
        return own
    if not says_something(text):  # "👍" or a phone number is written in no language
        return UNKNOWN
    other = _surely_other(text, own)
    if other is not None:
        return other
    if own == "en":
        return own
    return "en" if detect_language(text, candidates=(own, "en")).lang == "en" else own


def _surely_other(text: str, own: str) -> str | None:
    """The language a long enough text is surely written in, when it is a catalogue language
    other than the writer's `own` (None: nothing says it is not theirs). A language no
    detector covers (Haitian Creole, Hmong) is never "surely" anything else: the detector
    names none for it."""
    if len(re.findall(r"\w+", text)) < SURE_WORDS:
        return None
    found = detect_language(text)
    if found.lang is None or found.lang == own or found.lang not in LANGUAGES \
            or found.confidence < SURE_CONFIDENCE:
        return None
    return found.lang


def in_their_language(text: str, language: str) -> bool:
    """Whether a teacher's answer is confidently written in the asker's own language (a
    Spanish answer to a Spanish-speaking family), so it goes as written: run through an
    English model it would come out garbled. English, or any doubt: it is translated."""
    return language != "en" and detect_language(text, candidates=(language, "en")).lang == \
        language


def teacher_wrote(text: str, language: str) -> str:
    """The language a teacher's answer to someone who reads `language` is confidently written
    in, when it is neither English nor theirs (a Spanish-reading teacher's Spanish to a
    Tagalog-reading student, playtest); else "": English, theirs, or nobody can tell."""
    found = detect_language(text).lang if text.strip() else None
    return found if found not in (None, "en", language) and found in LANGUAGES else ""


def teacher_reads_english(translator: Translator | None, language: str) -> bool:
    """Whether a message written in `language` reaches the teacher with an English machine
    translation on this machine (only then may anyone be promised one)."""
    return (language != "en" and translator is not None
            and translator.why_unavailable("en", source=language) is None)


def written_as_is(translator: Translator | None, language: str) -> bool:
    """Whether what someone writes in `language` (not English) reaches the teacher with no
    English beside it here (no model, or translation off): they are told before they write."""
    return language != "en" and not teacher_reads_english(translator, language)


def missing_model(translator: Translator | None, language: str) -> bool:
    """Whether translation is on here but has no model from `language` into English, so a
    teacher should be told before such a family writes (with translation off, none is)."""
    return (translator is not None and language != "en"
            and translator.why_unavailable("en", source=language) is not None)


def none_exists(language: str) -> bool:
    """Whether no machine translation model exists for `language` at all (Argos publishes
    none: Hmong, Somali, Haitian Creole): no school can install one, so nobody is told
    "not yet"."""
    return language != "en" and language in LANGUAGES \
        and Capability.MACHINE_TRANSLATION not in LANGUAGES[language].capabilities


def answer_language(translator: Translator | None, language: str) -> str:
    """The language a teacher's answer arrives in: the asker's own when this machine can
    translate English into it, else English."""
    if language == "en" or translator is None or translator.why_unavailable(language):
        return "en"
    return language
