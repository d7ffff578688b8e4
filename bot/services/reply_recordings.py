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
from bot.services import recording_flow as flow
from bot.services.recording_flow import Count, Finished, voiceless
from bot.store import recordings, reply_recordings
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
class ReplyLine:
    """A ready-made reply to say in a language (every family of the language may need it)."""

    key: str
    recorded: bool
    needed: bool = True


class _Replies:
    """The ready-made replies, as the recording flow goes through them."""

    replies = True

    def languages(self, db: Database, class_id: int) -> tuple[str, ...]:
        return languages(db, class_id)

    def lines(self, db: Database, class_id: int, language: str) -> list[ReplyLine]:
        done = reply_recordings.class_replies_recorded(db, class_id, language)
        return [ReplyLine(reply, reply in done) for reply in RECORDABLE]

    def ask(self, class_id: int, language: str, entry: ReplyLine, count: Count) -> ReplyAsk:
        return ReplyAsk(class_id, language, entry.key, count.done, count.total, entry.recorded)

    def key_of(self, prompt: recordings.Prompt) -> str | None:
        return prompt.reply

    def keep(self, db: Database, prompt: recordings.Prompt, entry: ReplyLine, file_id: str,
             seconds: int, teacher_id: int, now: datetime) -> None:
        reply_recordings.save_reply_recording(db, prompt.class_id, entry.key, prompt.language,
                                              file_id, seconds, teacher_id, now)


REPLIES = _Replies()


def languages(db: Database, class_id: int) -> tuple[str, ...]:
    """The languages without a voice that the class's students or their families read."""
    found = [*recordings.class_languages(db, class_id),
             *reply_recordings.family_languages(db, class_id)]
    return tuple(sorted(lang for lang in set(found) if voiceless(lang)))


def asked(db: Database, teacher_id: int, message_id: int, ask: ReplyAsk, now: datetime) -> None:
    """Remember that this message asked for this reply, so a voice note replying to it is its."""
    recordings.remember_prompt(db, recordings.Prompt(
        teacher_id, message_id, ask.class_id, None, ask.language, ask.reply), now)


def asks_reply(db: Database, teacher_id: int, message_id: int | None) -> bool:
    """Whether the open prompt a voice note or ⏭️ answers asks for a reply (not a word)."""
    prompt = recordings.prompt_for(db, teacher_id, message_id)
    return prompt is not None and prompt.reply is not None


def again(db: Database, teacher_id: int, class_id: int, reply: str, language: str
          ) -> ReplyAsk:
    """🔁: ask for this reply once more (the next voice note replaces its recording)."""
    return flow.again(db, REPLIES, teacher_id, class_id, reply, language)


def delete(db: Database, teacher_id: int, class_id: int, reply: str, language: str
           ) -> Finished:
    """🗑️: delete the class's recording of the reply (families read it only again): the
    progress after it."""
    flow.entry(db, REPLIES, teacher_id, class_id, reply, language)
    reply_recordings.delete_reply_recording(db, class_id, reply, language)
    return flow.progress(db, REPLIES, class_id, language)


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
