"""A teacher (or a bilingual aide added as co-teacher) records a word's home-language line with
a Telegram voice note, for the languages no offline voice speaks (Hmong, Somali, Tagalog):
/record picks a language of her students, shows the class's next word without a recording,
and a voice note replying to it is kept (Telegram's file_id only). Students at levels 1-2 then
hear it under the 🔊 of that word's card and of a question that shows the same line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES
from bot.domain.ready_replies import RECORDABLE
from bot.services import teaching
from bot.services.class_choice import teacher_class
from bot.services.glosses import complete_glosses
from bot.services.home_language import language_in
from bot.speech.voices import home_voice
from bot.store import class_words, recordings, reply_recordings
from bot.store.packs import words_by_id
from bot.store.people import ClassInfo

# A text with no reply is read as a line for the word this long after its prompt; later, a
# prompt left open (no ⏹️) no longer takes her texts (a reply to the prompt always is one)
TEXT_WINDOW = timedelta(minutes=30)
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
class Ask:
    """The next word to record: "🎙️ Say in Hmong: <line> (matter)", with the progress."""

    class_id: int
    language: str
    word_id: int
    term: str
    line: str
    done: int   # words of the class with a recording of their current line
    total: int  # words of the class with a line to record in the language
    recorded: bool = False  # this word has one already (🔁 re-record)


@dataclass(frozen=True)
class Finished:
    """No word left to record in this language (or none after the one skipped)."""

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


@dataclass(frozen=True)
class Saved:
    """A voice note kept (`next` is what to record after it), or refused as too long."""

    term: str
    language: str
    class_id: int
    word_id: int
    seconds: int
    too_long: bool = False
    next: Ask | Finished | None = None


@dataclass(frozen=True)
class Line:
    """A word's line to record in a language: what her level 1-2 card shows as its meaning."""

    word_id: int
    term: str
    line: str


def line_of(ref: WordRef, language: str) -> str | None:
    """The line a level 1-2 card shows for the word in `language` (its short, simple
    definition, else the definition): None for a machine translation, never read aloud."""
    gloss = ref.word.glosses.get(language)
    if gloss is None or gloss.machine:
        return None
    return gloss.newcomer_definition()


def voiceless(language: str) -> bool:
    """Whether no offline voice speaks this language (a recording is its only audio)."""
    return language in LANGUAGES and language != "en" and home_voice(language) is None


def start(db: Database, teacher_id: int, typed: str) -> Ask | Finished | LanguagePick:
    """/record [LANGUAGE] [CLASS]: the class's next word without a recording in the language
    (asked when her students read several without a voice)."""
    teaching.require_teacher(db, teacher_id)
    words = typed.split()
    language = language_in(words[0]) if words else None
    found = teaching.find_class(db, teacher_id, " ".join(words[1 if language else 0:]) or None)
    choices = tuple(c for c in recordings.class_languages(db, found.id) if voiceless(c))
    if language is None and len(choices) > 1:
        return LanguagePick(found, choices)
    language = language or (choices[0] if choices else None)
    if language is None or not voiceless(language):
        raise NoVoicelessLanguageError()
    return next_word(db, found.id, language)


def choose(db: Database, teacher_id: int, class_id: int, language: str) -> Ask | Finished:
    """The language she tapped: its first word without a recording."""
    _class(db, teacher_id, class_id)
    if not voiceless(language):
        raise StaleRecordingError()
    return next_word(db, class_id, language)


def lines(db: Database, class_id: int, language: str) -> list[Line]:
    """The class's words with a line to record in `language`, in pack order."""
    ids = sorted(class_words.class_word_ids(db, [class_id]).get(class_id, set()))
    refs = complete_glosses(db, [WordRef(w.id, w.word, w.pack_id)
                                 for w in words_by_id(db, ids)], language)
    return [Line(r.id, r.word.term, line) for r in refs
            if (line := line_of(r, language)) is not None]


def _is_recorded(db: Database, item: Line, language: str) -> bool:
    """A recording of the word's current line (a changed gloss needs a new one)."""
    found = recordings.recording(db, item.word_id, language)
    return found is not None and found.line == item.line


def next_word(db: Database, class_id: int, language: str, after: int | None = None
              ) -> Ask | Finished:
    """The first word without a recording (after word `after`, a skipped or saved one)."""
    found = lines(db, class_id, language)
    done = sum(_is_recorded(db, item, language) for item in found)
    later = [i for i in found if after is None or i.word_id > after]
    item = next((i for i in later if not _is_recorded(db, i, language)), None)
    if item is None:
        return finished(db, class_id, language, done, len(found))
    return Ask(class_id, language, item.word_id, item.term, item.line, done, len(found))


def asked(db: Database, teacher_id: int, message_id: int, ask: Ask, now: datetime) -> None:
    """Remember that this message asked for this word, so a voice note replying to it is its."""
    recordings.remember_prompt(db, recordings.Prompt(
        teacher_id, message_id, ask.class_id, ask.word_id, ask.language), now)


def has_prompt(db: Database, teacher_id: int, message_id: int | None) -> bool:
    """Whether a voice note (replying to `message_id`, or to nothing) answers an open prompt."""
    return recordings.prompt_for(db, teacher_id, message_id) is not None


def text_for_prompt(db: Database, teacher_id: int, message_id: int | None,
                    now: datetime) -> bool:
    """Whether a teacher's text is most likely a line typed for a word to record: a reply to
    an open "🎙️ Say in ..." message, or no reply within TEXT_WINDOW of her newest one."""
    if message_id is not None:
        return has_prompt(db, teacher_id, message_id)
    return recordings.prompt_asked_since(db, teacher_id, now - TEXT_WINDOW)


def save(db: Database, teacher_id: int, message_id: int | None, file_id: str, seconds: int,
         now: datetime) -> Saved:
    """Keep a voice note for the word its prompt asked (a reply to it, or her newest prompt),
    then find the next word; refuse one longer than MAX_SECONDS (the prompt stays open)."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    if prompt is None:
        raise StaleRecordingError()
    _class(db, teacher_id, prompt.class_id)
    item = _line(db, prompt.class_id, prompt.word_id, prompt.language)
    if seconds > MAX_SECONDS:
        return Saved(item.term, prompt.language, prompt.class_id, item.word_id, seconds,
                     too_long=True)
    recordings.save_recording(db, item.word_id, prompt.language, item.line, file_id,
                              seconds, teacher_id, now)
    recordings.close_prompts(db, teacher_id, prompt.message_id)
    return Saved(item.term, prompt.language, prompt.class_id, item.word_id, seconds,
                 next=next_word(db, prompt.class_id, prompt.language, item.word_id))


def skip(db: Database, teacher_id: int, message_id: int) -> Ask | Finished:
    """⏭️ under a prompt: the next word without a recording after it."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    if prompt is None:
        raise StaleRecordingError()
    _class(db, teacher_id, prompt.class_id)
    recordings.close_prompts(db, teacher_id, message_id)
    return next_word(db, prompt.class_id, prompt.language, prompt.word_id)


def stop(db: Database, teacher_id: int) -> None:
    """⏹️: no prompt of hers waits for a voice note any more."""
    teaching.require_teacher(db, teacher_id)
    recordings.close_prompts(db, teacher_id)


def again(db: Database, teacher_id: int, class_id: int, word_id: int, language: str) -> Ask:
    """🔁: ask for this word once more (the next voice note replaces its recording)."""
    _class(db, teacher_id, class_id)
    item = _line(db, class_id, word_id, language)
    found = lines(db, class_id, language)
    done = sum(_is_recorded(db, i, language) for i in found)
    return Ask(class_id, language, item.word_id, item.term, item.line, done, len(found),
               recorded=_is_recorded(db, item, language))


def delete(db: Database, teacher_id: int, class_id: int, word_id: int, language: str
           ) -> tuple[str, Finished]:
    """🗑️: delete the word's recording (students hear none again): its English term, and
    the progress after it."""
    _class(db, teacher_id, class_id)
    item = _line(db, class_id, word_id, language)
    recordings.delete_recording(db, word_id, language)
    found = lines(db, class_id, language)
    return item.term, finished(db, class_id, language,
                               sum(_is_recorded(db, i, language) for i in found), len(found))


def finished(db: Database, class_id: int, language: str, done: int, total: int,
             replies: bool = False) -> Finished:
    """The end of the words (or of the replies), with the class's replies recorded so far."""
    return Finished(class_id, language, done, total, replies, replies_recorded(
        db, class_id, language), len(RECORDABLE))


def replies_recorded(db: Database, class_id: int, language: str) -> int:
    """How many of the ready-made replies the class has recorded in the language."""
    return len(reply_recordings.class_replies_recorded(db, class_id, language)
               & set(RECORDABLE))


def _class(db: Database, teacher_id: int, class_id: int) -> ClassInfo:
    """Her class (owned or co-taught); anything else is a forged or stale button."""
    teaching.require_teacher(db, teacher_id)
    found = teacher_class(db, teacher_id, class_id)
    if found is None:
        raise StaleRecordingError()
    return found


def _line(db: Database, class_id: int, word_id: int, language: str) -> Line:
    """The word's line to record, where it is the class's and the language lacks a voice."""
    item = next((i for i in lines(db, class_id, language) if i.word_id == word_id), None)
    if item is None or not voiceless(language):
        raise StaleRecordingError()
    return item


@dataclass(frozen=True)
class Progress:
    """How many of a class's words have a recording in a language without a voice."""

    language: str
    done: int
    total: int
    replies_done: int = 0  # ready-made replies recorded (of RECORDABLE)


def class_progress(db: Database, class_id: int, languages: list[str]) -> list[Progress]:
    """/report's line: for each language without a voice its students or their families
    read, the words recorded of those with a line and the ready-made replies recorded."""
    found = []
    languages = [*languages, *reply_recordings.family_languages(db, class_id)]
    for language in dict.fromkeys(lang for lang in languages if lang and voiceless(lang)):
        items = lines(db, class_id, language)
        found.append(Progress(language, sum(_is_recorded(db, i, language) for i in items),
                              len(items), replies_recorded(db, class_id, language)))
    return found


def load(db: Database) -> int:
    """Read the recordings into memory (start-up): a student's question then offers hers
    without a statement. How many there are."""
    return recordings.load_recordings(db)
