"""A teacher (or a bilingual aide added as co-teacher) records a word's home-language line with
a Telegram voice note, for the languages no offline voice speaks (Hmong, Somali, Tagalog):
/record picks a language of her students, shows the class's next word without a recording,
and a voice note replying to it is kept (Telegram's file_id only). Students at levels 1-2 then
hear it under the 🔊 of that word's card and of a question that shows the same line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.services import recording_flow as flow
from bot.services import teaching
from bot.services.glosses import complete_glosses
from bot.services.recording_flow import Finished, voiceless
from bot.store import class_words, recordings, reply_recordings
from bot.store.packs import words_by_id

# A text with no reply is read as a line for the word this long after its prompt; later, a
# prompt left open (no ⏹️) no longer takes her texts (a reply to the prompt always is one)
TEXT_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True)
class Ask:
    """The next word to record: "🎙️ Say in Hmong: <line> (matter)", with the progress."""

    class_id: int
    language: str
    word_id: int
    term: str
    line: str
    done: int   # words the students need with a recording of their current line
    total: int  # words the students need with a line to record in the language
    recorded: bool = False  # this word has one already (🔁 re-record)
    more: int = 0  # the class's other words (optional), still without a recording
    optional: bool = False  # the class has words its students of the language do not need


@dataclass(frozen=True)
class Line:
    """A word's line to record in a language: what her level 1-2 card shows as its meaning."""

    word_id: int
    term: str
    line: str
    recorded: bool = False  # a recording of this line (a changed gloss needs a new one)
    needed: bool = True

    @property
    def key(self) -> int:
        """The word's id, as the recording flow names a line."""
        return self.word_id


def line_of(ref: WordRef, language: str) -> str | None:
    """The line a level 1-2 card shows for the word in `language` (its short, simple
    definition, else the definition): None for a machine translation, never read aloud."""
    gloss = ref.word.glosses.get(language)
    if gloss is None or gloss.machine:
        return None
    return gloss.newcomer_definition()


def lines(db: Database, class_id: int, language: str) -> list[Line]:
    """The class's words with a line to record in `language`: first those its students who
    read the language have (in their decks, or pushed to the class), then the rest of the
    class's, optional; each in pack order. When those students have none yet, every word is
    needed."""
    ids = sorted(class_words.class_word_ids(db, [class_id]).get(class_id, set()))
    refs = complete_glosses(db, [WordRef(w.id, w.word, w.pack_id)
                                 for w in words_by_id(db, ids)], language)
    found = [Line(r.id, r.word.term, line, _is_recorded(db, r.id, line, language))
             for r in refs if (line := line_of(r, language)) is not None]
    theirs = recordings.students_words(db, class_id, language)
    if not any(item.word_id in theirs for item in found):
        return found
    return [item for item in found if item.word_id in theirs] + \
        [replace(item, needed=False) for item in found if item.word_id not in theirs]


def _is_recorded(db: Database, word_id: int, line: str, language: str) -> bool:
    """A recording of the word's current line (a changed gloss needs a new one)."""
    found = recordings.recording(db, word_id, language)
    return found is not None and found.line == line


class _Words:
    """The words' meanings, as the recording flow goes through them."""

    replies = False

    def languages(self, db: Database, class_id: int) -> tuple[str, ...]:
        return tuple(c for c in recordings.class_languages(db, class_id) if voiceless(c))

    def lines(self, db: Database, class_id: int, language: str) -> list[Line]:
        return lines(db, class_id, language)

    def ask(self, class_id: int, language: str, entry: Line, count: flow.Count) -> Ask:
        return Ask(class_id, language, entry.word_id, entry.term, entry.line, count.done,
                   count.total, entry.recorded, count.more, count.optional)

    def key_of(self, prompt: recordings.Prompt) -> int | None:
        return prompt.word_id

    def keep(self, db: Database, prompt: recordings.Prompt, entry: Line, file_id: str,
             seconds: int, teacher_id: int, now: datetime) -> None:
        recordings.save_recording(db, entry.word_id, prompt.language, entry.line, file_id,
                                  seconds, teacher_id, now)


WORDS = _Words()


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


def stop(db: Database, teacher_id: int) -> None:
    """⏹️: no prompt of hers waits for a voice note any more."""
    teaching.require_teacher(db, teacher_id)
    recordings.close_prompts(db, teacher_id)


def again(db: Database, teacher_id: int, class_id: int, word_id: int, language: str) -> Ask:
    """🔁: ask for this word once more (the next voice note replaces its recording)."""
    return flow.again(db, WORDS, teacher_id, class_id, word_id, language)


def delete(db: Database, teacher_id: int, class_id: int, word_id: int, language: str
           ) -> tuple[str, Finished]:
    """🗑️: delete the word's recording (students hear none again): its English term, and
    the progress after it."""
    item = flow.entry(db, WORDS, teacher_id, class_id, word_id, language)
    recordings.delete_recording(db, word_id, language)
    return item.term, flow.progress(db, WORDS, class_id, language)


@dataclass(frozen=True)
class Progress:
    """How many of a class's words have a recording in a language without a voice."""

    language: str
    done: int
    total: int
    replies_done: int = 0  # ready-made replies recorded (of RECORDABLE)


def class_progress(db: Database, class_id: int, languages: list[str]) -> list[Progress]:
    """/report's line: for each language without a voice its students or their families
    read, the words recorded of those its students have (every word with a line while they
    have none) and the ready-made replies recorded."""
    found = []
    languages = [*languages, *reply_recordings.family_languages(db, class_id)]
    for language in dict.fromkeys(lang for lang in languages if lang and voiceless(lang)):
        # the words its students have, as /record counts them: "0 of 20" for a class whose
        # Somali students had 3 words read as far more work than an aide had left
        items = [item for item in lines(db, class_id, language) if item.needed]
        found.append(Progress(language, sum(i.recorded for i in items), len(items),
                              flow.replies_recorded(db, class_id, language)))
    return found


def load(db: Database) -> int:
    """Read the recordings into memory (start-up): a student's question then offers hers
    without a statement. How many there are."""
    return recordings.load_recordings(db)
