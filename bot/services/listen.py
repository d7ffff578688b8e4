"""Listening to words: what each voice note says, and uploading each clip to Telegram once.

A word's note says the English term, then the home-language gloss where a voice speaks that
language, then the English example (levels 3-6) or the card's sentence frame (levels 1-2, whose
cards show a frame, not an example; a family's note says the term once more). Telegram's
file_id for an uploaded clip is remembered, so a second student (or a second tap) is sent a
reference, never a second upload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from bot.domain import read_aloud
from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.packs import Word
from bot.domain.scaffold import Scaffold, sentence_frame, spoken_gap
from bot.domain.spoken_text import Spoken
from bot.services import previews
from bot.services.glosses import complete_glosses
from bot.services.learners import (
    Learner,
    cards_shown,
    current_words,
    learner,
    pushed_preview,
)
from bot.services.recordings import line_of
from bot.speech import Clip, Part, Speech, SpeechUnavailableError
from bot.store import people, recordings, study
from bot.store import speech as uploads
from bot.store.packs import words_by_id


class UnknownWordError(PuenteError):
    """A 🔊 button for a word this student was never shown (forged or from another pack)."""

    prompt_key = "check-stale"


@dataclass(frozen=True)
class VoiceNote:
    """One clip to send: by the file_id Telegram gave it before, or as a new upload."""

    key: str
    parts: tuple[Part, ...]
    caption_key: str
    caption: dict[str, str]
    file_id: str | None = None
    clip: Clip | None = None
    # the language the clip speaks besides English (its caption names it: the gloss is heard
    # in a voice the listener may not expect, Mandarin for written Chinese), None: English only
    spoken: str | None = None
    # the card's sentence frame the clip ends on, as the card writes it ("Evaporation makes
    # the ___ dry."; levels 1-2): the caption shows it, so a child (or whoever reads with
    # her) knows the sentence she was asked to say is in the clip; None: no frame is said
    frame: str | None = None


@dataclass(frozen=True)
class Recorded:
    """A word's home-language line as a teacher (or an aide, a co-teacher) said it in a voice
    note: sent by Telegram's file_id, captioned as a person's voice, never a machine's."""

    file_id: str
    line: str
    language: str
    name: str  # who recorded it (their first name)
    teacher_id: int = 0  # who recorded it


@dataclass(frozen=True)
class Listening:
    """The notes for one tap, in the student's language."""

    lang: str
    notes: tuple[VoiceNote, ...]
    home_voice: bool  # False: the gloss exists in writing only (no voice for the language)
    # after each note, its word's line recorded by a teacher where the card shows that line
    # (levels 1-2, a language without a voice); None: no recording
    recorded: tuple[Recorded | None, ...] = ()


def recorded_line(db: Database, ref: WordRef, lang: str) -> Recorded | None:
    """The teacher's recording of the word's line in `lang`, where it says the line a level 1-2
    card shows now (a gloss changed since is a new line, not yet recorded)."""
    found = recordings.recording(db, ref.id, lang)
    if found is None or found.line != line_of(ref, lang):
        return None
    return Recorded(found.file_id, found.line, lang, found.recorder_name, found.recorded_by)


def said_by(db: Database, student_id: int, recorded: Recorded) -> str | None:
    """The name under a teacher's recording for this student: the recorder's while they teach
    one of her classes (created or co-teach it), else None. A co-teacher taken off the class
    leaves his recordings to it (a word said in Somali is the class's, which its teacher may
    keep, replace or delete with /record), but "Ali from your class" under them would name
    someone no longer in it (Chem 11 playtest)."""
    teachers = {teacher for _, teacher in people.teachers_by_class(db, student_id)}
    return recorded.name if recorded.teacher_id in teachers else None


async def notes_for(db: Database, speech: Speech | None, user_id: int, word_id: int | None,
                    now: datetime, word_only: bool = False, push_id: int | None = None,
                    preview_id: int | None = None) -> Listening:
    """The voice notes for one word (or the words one push showed the student: `push_id`;
    or the cards sent together above the 🔊: `preview_id`; or, with none, every current
    word); `prepare` each."""
    if speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    who = learner(db, user_id)
    heard = previews.cards_of(db, who, preview_id).refs if preview_id is not None else \
        _heard(db, who, word_id, push_id, now)
    refs = complete_glosses(db, heard, who.language)
    if push_id is not None:  # 🔊 under the pushed cards: her tap on them, so she reads them
        cards_shown(db, who.id, [r.id for r in refs], now)
    home = speech.voice_for(who.language)
    recipe = Recipe.for_level(who.scaffold, word_only)
    notes = tuple(note_for(speech, ref, who.language, home, recipe) for ref in refs)
    # the line a level 1-2 card shows, said by her teacher: only where no voice speaks it
    said = tuple(recorded_line(db, ref, who.language)
                 if home is None and not who.scaffold.english_definition else None
                 for ref in refs)
    return Listening(who.language, notes, home is not None or who.language == "en", said)


def family_notes(speech: Speech | None, lang: str, refs: Sequence[WordRef]) -> Listening:
    """A family's notes for the words of their weekly update: each English word, its checked
    gloss in the family's `lang` where a voice speaks it, and the word again (a level-1
    card's clip ends on its sentence frame instead: a family hears the word, not the child's
    practice sentence in English)."""
    if speech is None:
        raise SpeechUnavailableError("speech is off in this installation")
    home = speech.voice_for(lang)
    recipe = Recipe(gloss=True, example=False)
    notes = tuple(note_for(speech, ref, lang, home, recipe) for ref in refs)
    return Listening(lang, notes, home is not None or lang == "en")


def question_note(db: Database, speech: Speech, word_id: int) -> VoiceNote:
    """A listening item's clip: the English word alone (the same clip as its `au:<id>:w`
    button, so one upload serves both). Its caption is the question, which never names it."""
    found = words_by_id(db, [word_id])
    if not found:
        raise UnknownWordError(f"word {word_id} is gone")
    ref = WordRef(found[0].id, found[0].word)
    parts = script(ref, "en", None, speech.english, Recipe(word_only=True))
    return VoiceNote(speech.key(parts), parts, "item-listen", {})


def placement_note(speech: Speech, spoken: Sequence[str], lang: str = "en",
                   instructions: Sequence[tuple[str, str]] = ()) -> VoiceNote:
    """A placement question read aloud: the instructions its message shows (the first
    question's), in the student's `lang` where a voice speaks it (a newcomer who cannot read
    them could not know to tap 🤷, playtest), then its sentence where it has one, then each
    answer in the order of its buttons."""
    home = speech.voice_for(lang)
    said = tuple(Part(text, speech.english if said_in == "en" else home)
                 for said_in, text in instructions if home is not None)
    parts = (*said, *(Part(text, speech.english) for text in spoken))
    return VoiceNote(speech.key(parts), parts, "placement-listen-caption", {})


def gap_note(speech: Speech, lang: str, ask: str, sentence: str) -> VoiceNote:
    """A level 1-2 gap sentence read aloud: its question (`ask`) in `lang` where a voice
    speaks it, then the English sentence, its gap a pause, as the card's "Try saying" clip
    reads a frame (where no voice speaks `lang`, as for Somali, the sentence alone)."""
    home = speech.voice_for(lang)
    parts = (*((Part(ask, home),) if home is not None else ()),
             Part(spoken_gap(sentence), speech.english))
    return VoiceNote(speech.key(parts), parts, "button-listen", {})


def options_note(speech: Speech, options: Sequence[str]) -> VoiceNote:
    """A question's English options read aloud for a student who cannot read yet
    (/readaloud): "one: ecosystem. two: habitat.", in button order, in one English voice at
    one pace (read_aloud.spoken_options), so no option sounds like the answer. Cached and
    uploaded once like any clip: the same options in the same order are the same note."""
    parts = (Part(read_aloud.spoken_options(options), speech.english),)
    return VoiceNote(speech.key(parts), parts, "read-aloud-options-caption",
                     {"options": "   ".join(read_aloud.numbered(options))})


def can_say(speech: Speech | None, lang: str) -> bool:
    """Whether a question can be said aloud in `lang` here: speech is on and a voice speaks
    it (Somali, Hmong and Tagalog have none)."""
    return speech is not None and speech.voice_for(lang) is not None


def spoken_note(speech: Speech | None, lang: str, text: str, caption_key: str) -> VoiceNote:
    """A question said aloud in `lang` (for someone who cannot read it), captioned with the
    written question (`caption_key`)."""
    voice = speech.voice_for(lang) if speech is not None else None
    if speech is None or voice is None:
        raise SpeechUnavailableError(f"no voice speaks {lang!r} here")
    parts = (Part(text, voice),)
    return VoiceNote(speech.key(parts), parts, caption_key, {}, spoken=lang)


def message_note(speech: Speech, lang: str, spoken: Spoken,
                 caption_key: str = "listen-message-caption") -> VoiceNote | None:
    """A whole message read aloud: each stretch in its own language's voice (its English words
    in English). None where no voice speaks `lang` (Somali, Hmong, Tagalog): English words
    alone would not be the message."""
    home = speech.voice_for(lang)
    if home is None or not spoken:
        return None
    parts = tuple(Part(text, speech.english if said == "en" else home) for said, text in spoken)
    return VoiceNote(speech.key(parts), parts, caption_key, {})


def render_ahead(db: Database, speech: Speech,
                 notes: Sequence[VoiceNote]) -> list[asyncio.Future[Clip]]:
    """Start making every clip Telegram does not have yet, side by side (encoding is the slow
    part, and it runs outside Python's lock); `prepare` then finds them made or in the making."""
    return [asyncio.ensure_future(speech.clip(n.parts)) for n in notes
            if uploads.file_id(db, n.key) is None]


async def prepare(db: Database, speech: Speech, note: VoiceNote) -> VoiceNote:
    """The note with the file_id of an earlier upload, else with its clip to upload."""
    known = uploads.file_id(db, note.key)
    if known is not None:
        return replace(note, file_id=known, clip=None)
    return await upload(speech, note)


async def upload(speech: Speech, note: VoiceNote) -> VoiceNote:
    """The note with its clip made (or read from the disk cache), to upload."""
    return replace(note, file_id=None, clip=await speech.clip(note.parts))


def uploaded(db: Database, note: VoiceNote, file_id: str, now: datetime) -> None:
    """Remember Telegram's file_id for an uploaded clip."""
    if note.clip is not None:
        uploads.remember_upload(db, note.key, file_id, note.clip.seconds, len(note.clip.data),
                                now)


def rejected(db: Database, note: VoiceNote) -> None:
    """Forget a file_id Telegram refused (e.g. the bot's token changed)."""
    uploads.forget_upload(db, note.key)


@dataclass(frozen=True)
class Recipe:
    """What a level's clips say, matching what its cards show."""

    gloss: bool = True    # the home-language term (levels 1-4: the card shows it)
    example: bool = True  # the English example (levels 3-6); levels 1-2 hear the word again
    word_only: bool = False  # the English word alone (a listening item)
    # Levels 1-2: the level whose card frame ("✍️ Try saying: A ___ is an ecosystem.") is said
    # in place of the word again: a newcomer asked to say an English sentence she cannot yet
    # read must hear it (playtest, Hmong level 1). None: no frame (families, levels 3-6, whose
    # note already ends on an English sentence).
    frame_level: int | None = None

    @classmethod
    def for_level(cls, scaffold: Scaffold, word_only: bool = False) -> Recipe:
        frame = scaffold.sentence_frame and not scaffold.english_definition
        return cls(scaffold.l1_inline, scaffold.english_definition, word_only,
                   scaffold.level if frame else None)


def script(ref: WordRef, lang: str, home_voice: str | None, english: str,
           recipe: Recipe = Recipe()) -> tuple[Part, ...]:
    """What a word's clip says: the term; its checked home-language gloss where a voice speaks
    it; then the example sentence (levels 3-6), the card's sentence frame with its gap a pause
    (levels 1-2: the frame says the term again), or the term again (a family's note)."""
    word = ref.word
    parts = [Part(word.term, english)]
    if recipe.word_only:
        return tuple(parts)
    gloss = _spoken_gloss(ref, lang, recipe)
    if home_voice and gloss:
        parts.append(Part(gloss, home_voice))
    parts.append(Part(_closing(word, recipe), english))
    return tuple(parts)


def _closing(word: Word, recipe: Recipe) -> str:
    """The English a note ends on: the example, the card's frame, or the term once more."""
    if recipe.example:
        return word.example
    frame = _frame(word, recipe)
    return word.term if frame is None else spoken_gap(frame)


def _frame(word: Word, recipe: Recipe) -> str | None:
    """The card's sentence frame a note says (levels 1-2), as the card writes it."""
    if recipe.frame_level is None or recipe.example or recipe.word_only:
        return None
    return sentence_frame(word.term, word.pos, recipe.frame_level, word.frame)


def _spoken_gloss(ref: WordRef, lang: str, recipe: Recipe) -> str | None:
    gloss = ref.word.glosses.get(lang)
    # Audio cannot carry the "machine translation" mark text shows, so only checked glosses.
    if gloss is None or gloss.machine or not recipe.gloss or recipe.word_only:
        return None
    return gloss.term


def _heard(db: Database, who: Learner, word_id: int | None, push_id: int | None,
           now: datetime) -> list[WordRef]:
    """The words a 🔊 says: its own word, the words one push showed the student (the 🔊 under
    that preview; a push she never got raises), or every word being learned now."""
    if word_id is not None:
        return [_shown(db, who, word_id)]
    if push_id is not None:
        return pushed_preview(db, who, push_id).refs
    return current_words(db, who, now)


def _shown(db: Database, who: Learner, word_id: int) -> WordRef:
    found = words_by_id(db, [word_id])
    if not found or (found[0].pack_id not in who.pack_ids
                     and word_id not in study.student_mastery(db, who.id)):
        raise UnknownWordError(f"word {word_id} is not one of student {who.id}'s")
    return WordRef(found[0].id, found[0].word)


def note_for(speech: Speech, ref: WordRef, lang: str, home: str | None,
             recipe: Recipe = Recipe()) -> VoiceNote:
    """A word's note: its clip's key and parts, and a caption with the checked gloss, if any."""
    parts = script(ref, lang, home, speech.english, recipe)
    gloss = _spoken_gloss(ref, lang, recipe)  # captions, too, show checked glosses only
    frame = _frame(ref.word, recipe)
    if gloss is None:
        return VoiceNote(speech.key(parts), parts, "audio-caption", {"term": ref.word.term},
                         frame=frame)
    if home is None or lang == "en":  # shown, not heard: no voice speaks it
        return VoiceNote(speech.key(parts), parts, "audio-caption-gloss",
                         {"term": ref.word.term, "gloss": gloss}, frame=frame)
    return VoiceNote(speech.key(parts), parts, "audio-caption-gloss-voiced",
                     {"term": ref.word.term, "gloss": gloss}, spoken=lang, frame=frame)

