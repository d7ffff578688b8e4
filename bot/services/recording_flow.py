"""/record's one flow over "lines" said in a language no offline voice speaks: a word's meaning
(bot/services/recordings.py) or a ready-made reply's text (bot/services/reply_recordings.py).
Each says what its lines are and what its prompt holds (a `Kind`); this flow picks the
language, finds the next line without a recording (the lines her students need first), checks
a tapped button or an answered prompt, and counts the progress."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES
from bot.domain.ready_replies import RECORDABLE
from bot.services import teaching
from bot.services.class_choice import teacher_class
from bot.services.home_language import language_in
from bot.speech.voices import home_voice
from bot.store import recordings, reply_recordings
from bot.store.people import ClassInfo

MAX_SECONDS = 30  # a line is a sentence: a longer note is a mistake (or a whole lesson)


class StaleRecordingError(PuenteError):
    """A recording button or reply for a class, word or language that is not (or no longer)
    hers to record: forged, another teacher's, or a prompt already answered or stopped."""

    prompt_key = "record-stale"


class NoVoicelessLanguageError(PuenteError):
    """No student of the class reads a language that lacks a voice (or the one asked for is
    not such a language of hers)."""

    prompt_key = "record-no-language"


@dataclass(frozen=True)
class Finished:
    """No line left to record in this language (or none after the one skipped)."""

    class_id: int
    language: str
    done: int
    total: int
    replies: bool = False      # the ready-made replies' end (/record replies), not the words'
    replies_done: int = 0      # the class's ready-made replies recorded in the language
    replies_total: int = len(RECORDABLE)


@dataclass(frozen=True)
class LanguagePick:
    """The class's students read several languages without a voice: which one?"""

    class_info: ClassInfo
    languages: tuple[str, ...]
    replies: bool = False  # for its ready-made replies (/record replies)


class Entry(Protocol):
    """One line to say: its key (a word's id, a reply's name), whether it has a recording of
    what it says now, and whether the students of the language need it (else optional)."""

    @property
    def key(self) -> int | str: ...

    @property
    def recorded(self) -> bool: ...

    @property
    def needed(self) -> bool: ...


@dataclass(frozen=True)
class Count:
    """The progress a prompt shows: the lines the language's students need, recorded of all,
    and the optional ones (the rest of the class's) still without a recording."""

    done: int
    total: int
    more: int = 0
    optional: bool = False  # some lines are optional (then `more` counts those missing)


E = TypeVar("E", bound=Entry)
A = TypeVar("A")


class Kind(Protocol, Generic[E, A]):
    """What is recorded (words' meanings or ready-made replies)."""

    replies: bool

    def languages(self, db: Database, class_id: int) -> tuple[str, ...]:
        """The languages without a voice there is something to record in for the class."""
        ...

    def lines(self, db: Database, class_id: int, language: str) -> Sequence[E]:
        """The class's lines in the language, in the order they are asked."""
        ...

    def ask(self, class_id: int, language: str, entry: E, count: Count) -> A:
        """The prompt for one line, with the progress."""
        ...

    def key_of(self, prompt: recordings.Prompt) -> int | str | None:
        """The line an open prompt asked for (None: a prompt of the other kind)."""
        ...

    def keep(self, db: Database, prompt: recordings.Prompt, entry: E, file_id: str,
             seconds: int, teacher_id: int, now: datetime) -> None:
        """Store the voice note said for the line (a newer one replaces it)."""
        ...


@dataclass(frozen=True)
class Saved(Generic[E, A]):
    """A voice note kept for a line (`next` is what to record after it), or refused as too
    long."""

    entry: E
    language: str
    class_id: int
    seconds: int
    too_long: bool = False
    next: A | Finished | None = None


def voiceless(language: str) -> bool:
    """Whether no offline voice speaks this language (a recording is its only audio)."""
    return language in LANGUAGES and language != "en" and home_voice(language) is None


def start(db: Database, teacher_id: int, typed: str, kind: Kind[E, A]
          ) -> A | Finished | LanguagePick:
    """/record [replies] [LANGUAGE] [CLASS]: the class's next line without a recording in the
    language (asked when it has several without a voice)."""
    teaching.require_teacher(db, teacher_id)
    words = typed.split()
    language = language_in(words[0]) if words else None
    found = teaching.find_class(db, teacher_id, " ".join(words[1 if language else 0:]) or None)
    choices = kind.languages(db, found.id)
    if language is None and len(choices) > 1:
        return LanguagePick(found, choices, replies=kind.replies)
    language = language or (choices[0] if choices else None)
    if language is None or not voiceless(language):
        raise NoVoicelessLanguageError()
    return next_line(db, kind, found.id, language)


def choose(db: Database, teacher_id: int, class_id: int, language: str, kind: Kind[E, A]
           ) -> A | Finished:
    """The language she tapped: its first line without a recording."""
    her_class(db, teacher_id, class_id)
    if not voiceless(language):
        raise StaleRecordingError()
    return next_line(db, kind, class_id, language)


def count(entries: Sequence[Entry]) -> Count:
    """The needed lines recorded of all, and the optional ones still missing."""
    needed = [e for e in entries if e.needed]
    return Count(sum(e.recorded for e in needed), len(needed),
                 sum(not e.recorded for e in entries if not e.needed),
                 len(needed) < len(entries))


def next_line(db: Database, kind: Kind[E, A], class_id: int, language: str,
              after: int | str | None = None) -> A | Finished:
    """The first line without a recording (after line `after`, one skipped or saved)."""
    entries = kind.lines(db, class_id, language)
    keys = [e.key for e in entries]
    start_at = keys.index(after) + 1 if after in keys else 0
    entry = next((e for e in entries[start_at:] if not e.recorded), None)
    if entry is None:
        return progress(db, kind, class_id, language, entries)
    return kind.ask(class_id, language, entry, count(entries))


def again(db: Database, kind: Kind[E, A], teacher_id: int, class_id: int, key: int | str,
          language: str) -> A:
    """🔁: ask for this line once more (the next voice note replaces its recording)."""
    entries = kind.lines(db, class_id, language)
    return kind.ask(class_id, language, entry(db, kind, teacher_id, class_id, key, language,
                                              entries), count(entries))


def entry(db: Database, kind: Kind[E, A], teacher_id: int, class_id: int, key: int | str,
          language: str, entries: Sequence[E] | None = None) -> E:
    """The line of her class (owned or co-taught) in a language without a voice; anything
    else is a forged or stale button."""
    her_class(db, teacher_id, class_id)
    if not voiceless(language):
        raise StaleRecordingError()
    entries = kind.lines(db, class_id, language) if entries is None else entries
    found = next((e for e in entries if e.key == key), None)
    if found is None:
        raise StaleRecordingError()
    return found


def open_prompt(db: Database, kind: Kind[E, A], teacher_id: int, message_id: int | None
                ) -> tuple[recordings.Prompt, int | str]:
    """Her open prompt of this kind (a reply to it, or her newest) and the line it asked."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    key = None if prompt is None else kind.key_of(prompt)
    if prompt is None or key is None:
        raise StaleRecordingError()
    her_class(db, teacher_id, prompt.class_id)
    return prompt, key


def save(db: Database, kind: Kind[E, A], teacher_id: int, message_id: int | None,
         file_id: str, seconds: int, now: datetime) -> Saved[E, A]:
    """Keep a voice note for the line its prompt asked (a reply to it, or her newest prompt),
    then find the next line; refuse one longer than MAX_SECONDS (the prompt stays open)."""
    prompt, key = open_prompt(db, kind, teacher_id, message_id)
    item = entry(db, kind, teacher_id, prompt.class_id, key, prompt.language)
    if seconds > MAX_SECONDS:
        return Saved(item, prompt.language, prompt.class_id, seconds, too_long=True)
    kind.keep(db, prompt, item, file_id, seconds, teacher_id, now)
    recordings.close_prompts(db, teacher_id, prompt.message_id)
    return Saved(item, prompt.language, prompt.class_id, seconds,
                 next=next_line(db, kind, prompt.class_id, prompt.language, key))


def skip(db: Database, kind: Kind[E, A], teacher_id: int, message_id: int) -> A | Finished:
    """⏭️ under a prompt: the next line without a recording after it."""
    prompt, key = open_prompt(db, kind, teacher_id, message_id)
    recordings.close_prompts(db, teacher_id, message_id)
    return next_line(db, kind, prompt.class_id, prompt.language, key)


def progress(db: Database, kind: Kind[E, A], class_id: int, language: str,
             entries: Sequence[E] | None = None) -> Finished:
    """The end of the lines of this kind: all of the class's recorded of all, with the
    class's replies recorded so far."""
    entries = kind.lines(db, class_id, language) if entries is None else entries
    return Finished(class_id, language, sum(e.recorded for e in entries), len(entries),
                    kind.replies, replies_recorded(db, class_id, language), len(RECORDABLE))


def replies_recorded(db: Database, class_id: int, language: str) -> int:
    """How many of the ready-made replies the class has recorded in the language."""
    return len(reply_recordings.class_replies_recorded(db, class_id, language)
               & set(RECORDABLE))


def her_class(db: Database, teacher_id: int, class_id: int) -> ClassInfo:
    """Her class (owned or co-taught); anything else is a forged or stale button."""
    teaching.require_teacher(db, teacher_id)
    found = teacher_class(db, teacher_id, class_id)
    if found is None:
        raise StaleRecordingError()
    return found
