"""Recorded ready-made replies: a teacher (or a bilingual aide added as co-teacher) says each
ready-made reply in Hmong, Somali or Tagalog (`/record replies`), the languages no voice
speaks, so a grandmother who barely reads hears the reply her teacher tapped. Kept for the
class (its teachers share them, as they share its words' lines): a reply to a family member
or student of the class in that language then carries the voice note (Telegram's file_id).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain.ready_replies import RECORDABLE
from bot.services import teaching
from bot.services.class_choice import teacher_class
from bot.services.home_language import language_in
from bot.services.recordings import (
    MAX_SECONDS,
    Finished,
    LanguagePick,
    NoVoicelessLanguageError,
    StaleRecordingError,
    finished,
    voiceless,
)
from bot.store import recordings, reply_recordings
from bot.store.people import ClassInfo
from bot.store.threads import ThreadMessage


@dataclass(frozen=True)
class ReplyAsk:
    """The next reply to record: "🎙️ Say in Hmong: <the reply>", with the progress."""

    class_id: int
    language: str
    reply: str
    done: int   # the class's replies recorded in the language
    total: int  # the replies there are to record
    recorded: bool = False  # this reply has one already (🔁 re-record)


@dataclass(frozen=True)
class ReplySaved:
    """A voice note kept for a reply (`next` is what to record after it), or refused as too
    long."""

    reply: str
    language: str
    class_id: int
    seconds: int
    too_long: bool = False
    next: ReplyAsk | Finished | None = None


def languages(db: Database, class_id: int) -> tuple[str, ...]:
    """The languages without a voice that the class's students or their families read."""
    found = [*recordings.class_languages(db, class_id),
             *reply_recordings.family_languages(db, class_id)]
    return tuple(sorted(lang for lang in set(found) if voiceless(lang)))


def start(db: Database, teacher_id: int, typed: str) -> ReplyAsk | Finished | LanguagePick:
    """/record replies [LANGUAGE] [CLASS]: the class's next ready-made reply without a
    recording in the language (asked when it has several without a voice)."""
    teaching.require_teacher(db, teacher_id)
    words = typed.split()
    language = language_in(words[0]) if words else None
    found = teaching.find_class(db, teacher_id, " ".join(words[1 if language else 0:]) or None)
    choices = languages(db, found.id)
    if language is None and len(choices) > 1:
        return LanguagePick(found, choices, replies=True)
    language = language or (choices[0] if choices else None)
    if language is None or not voiceless(language):
        raise NoVoicelessLanguageError()
    return next_reply(db, found.id, language)


def choose(db: Database, teacher_id: int, class_id: int, language: str) -> ReplyAsk | Finished:
    """The language she tapped: its first reply without a recording."""
    _class(db, teacher_id, class_id)
    if not voiceless(language):
        raise StaleRecordingError()
    return next_reply(db, class_id, language)


def next_reply(db: Database, class_id: int, language: str, after: str | None = None
               ) -> ReplyAsk | Finished:
    """The first reply without a recording (after reply `after`, one skipped or saved)."""
    done = reply_recordings.class_replies_recorded(db, class_id, language)
    start_at = RECORDABLE.index(after) + 1 if after in RECORDABLE else 0
    reply = next((r for r in RECORDABLE[start_at:] if r not in done), None)
    count = len(done & set(RECORDABLE))
    if reply is None:
        return finished(db, class_id, language, count, len(RECORDABLE), replies=True)
    return ReplyAsk(class_id, language, reply, count, len(RECORDABLE))


def asked(db: Database, teacher_id: int, message_id: int, ask: ReplyAsk, now: datetime) -> None:
    """Remember that this message asked for this reply, so a voice note replying to it is its."""
    recordings.remember_prompt(db, recordings.Prompt(
        teacher_id, message_id, ask.class_id, None, ask.language, ask.reply), now)


def asks_reply(db: Database, teacher_id: int, message_id: int | None) -> bool:
    """Whether the open prompt a voice note or ⏭️ answers asks for a reply (not a word)."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    return prompt is not None and prompt.reply is not None


def save(db: Database, teacher_id: int, message_id: int | None, file_id: str, seconds: int,
         now: datetime) -> ReplySaved:
    """Keep a voice note for the reply its prompt asked, then find the next reply; refuse one
    longer than MAX_SECONDS (the prompt stays open)."""
    prompt = _prompt(db, teacher_id, message_id)
    if seconds > MAX_SECONDS:
        return ReplySaved(prompt.reply, prompt.language, prompt.class_id, seconds, True)
    reply_recordings.save_reply_recording(db, prompt.class_id, prompt.reply, prompt.language,
                                          file_id, seconds, teacher_id, now)
    recordings.close_prompts(db, teacher_id, prompt.message_id)
    return ReplySaved(prompt.reply, prompt.language, prompt.class_id, seconds,
                      next=next_reply(db, prompt.class_id, prompt.language, prompt.reply))


def skip(db: Database, teacher_id: int, message_id: int) -> ReplyAsk | Finished:
    """⏭️ under a reply's prompt: the next reply without a recording after it."""
    prompt = _prompt(db, teacher_id, message_id)
    recordings.close_prompts(db, teacher_id, message_id)
    return next_reply(db, prompt.class_id, prompt.language, prompt.reply)


def again(db: Database, teacher_id: int, class_id: int, reply: str, language: str
          ) -> ReplyAsk:
    """🔁: ask for this reply once more (the next voice note replaces its recording)."""
    _checked(db, teacher_id, class_id, reply, language)
    done = reply_recordings.class_replies_recorded(db, class_id, language)
    return ReplyAsk(class_id, language, reply, len(done & set(RECORDABLE)), len(RECORDABLE),
                    recorded=reply in done)


def delete(db: Database, teacher_id: int, class_id: int, reply: str, language: str
           ) -> Finished:
    """🗑️: delete the class's recording of the reply (families read it only again): the
    progress after it."""
    _checked(db, teacher_id, class_id, reply, language)
    reply_recordings.delete_reply_recording(db, class_id, reply, language)
    done = reply_recordings.class_replies_recorded(db, class_id, language)
    return finished(db, class_id, language, len(done & set(RECORDABLE)), len(RECORDABLE),
                    replies=True)


def reply_voice(db: Database, teacher_id: int, asked_message: ThreadMessage, reply: str
                ) -> str | None:
    """The voice note (file_id) a ready-made reply from this teacher carries to the writer
    of `asked_message`: recorded for a class of the child's she teaches, in their language,
    one no voice speaks (None: the reply goes as text alone, as before)."""
    if not voiceless(asked_message.language) or reply not in RECORDABLE:
        return None
    found = reply_recordings.replies_for_student(db, teacher_id, asked_message.student_id,
                                                 asked_message.language).get(reply)
    return found.file_id if found is not None else None


def recorded_replies(db: Database, teacher_id: int, student_id: int, language: str
                     ) -> frozenset[str]:
    """The ready-made replies a family member (or student) reading `language` would hear from
    this teacher, about this student: her buttons mark them 🎙️."""
    if not voiceless(language):
        return frozenset()
    return frozenset(reply_recordings.replies_for_student(db, teacher_id, student_id,
                                                          language)) & frozenset(RECORDABLE)


def _prompt(db: Database, teacher_id: int, message_id: int | None) -> recordings.Prompt:
    """Her open prompt for a reply, in her class, in a language without a voice."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    if prompt is None or prompt.reply is None:
        raise StaleRecordingError()
    _checked(db, teacher_id, prompt.class_id, prompt.reply, prompt.language)
    return prompt


def _checked(db: Database, teacher_id: int, class_id: int, reply: str, language: str
             ) -> ClassInfo:
    """Her class (owned or co-taught), a reply one may record, a language without a voice;
    anything else is a forged or stale button."""
    teaching.require_teacher(db, teacher_id)
    found = teacher_class(db, teacher_id, class_id)
    if found is None or reply not in RECORDABLE or not voiceless(language):
        raise StaleRecordingError()
    return found


def _class(db: Database, teacher_id: int, class_id: int) -> ClassInfo:
    """Her class (owned or co-taught); anything else is a forged or stale button."""
    teaching.require_teacher(db, teacher_id)
    found = teacher_class(db, teacher_id, class_id)
    if found is None:
        raise StaleRecordingError()
    return found
