"""A teacher writes first to one family member (from /families): the message is translated
into the family member's language on the school's machine (as written, and said so, when no
model can), queued through the outbox, which waits out quiet hours, and recorded on the
student's thread as a message the teacher started; a reply to it comes back as a reply to an
answer does."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from bot.domain.spoken_text import Spoken
from bot.services import membership
from bot.services.hear_message import ListenRows, keep_reading
from bot.services.message_languages import in_their_language, teacher_wrote
from bot.services.teacher_answers import Answer, queue_parts
from bot.store import outbox, threads
from bot.store.members import FamilyListing
from bot.store.threads import ANSWER, FAMILY, ThreadMessage
from bot.translation.translator import Translation, Translator


def family_to_write(db: Database, teacher_id: int, family_id: int) -> FamilyListing:
    """A family member linked to a student of the teacher's classes (a forged or stale
    button, someone unlinked since, raises MemberNotFoundError: a kind line, nothing sent)."""
    return membership.family_to_unlink(db, teacher_id, family_id)


def family_language(member: FamilyListing) -> str:
    """The language a message to this family member goes in: the one they chose, else the
    one they write in (else their child's), else English."""
    return member.language or member.likely or "en"


async def prepare_write(db: Database, translator: Translator | None, teacher_id: int,
                        family_id: int, text: str, now: datetime) -> Answer:
    """The teacher's message for one family member, translated into their language (no
    translation when none can be made: it goes as written, with a note saying so)."""
    member = family_to_write(db, teacher_id, family_id)
    language = family_language(member)
    to = ThreadMessage(0, member.student_id, teacher_id, member.telegram_id, FAMILY, ANSWER,
                       language, now, None, started=True)
    own = in_their_language(text, language)
    other = "" if own else teacher_wrote(text, language)
    translation = None
    if language != "en" and not own and translator is not None:
        translation = await translator.translate_transient(text, language, source=other or "en")
    return Answer(to, member.student_name, text.strip(), translation, own, other=other)


def queue_write(db: Database, message: Answer, texts: list[str], now: datetime,
                rows: list[list[list[str]]] | None = None) -> int:
    """Record the started message on the student's thread and put the rendered message (its
    messages: one unless Telegram needs more) in the outbox (quiet hours are honoured at
    delivery), with its buttons (`rows`) under the last; a reply to that, once delivered,
    finds this thread."""
    to = message.asked
    with db.atomic():
        thread_id = threads.add_started(db, to.student_id, to.teacher_id, to.asker_id,
                                        to.language, now)
        return queue_parts(db, to.asker_id, texts, rows or [], now,
                           {"student_id": to.student_id, "answer_id": thread_id})


def ready_write(db: Database, teacher_id: int, family_id: int, english: str, theirs: str,
                now: datetime) -> Answer:
    """A ready-made first message for one family member (checked as the teacher's to write
    to): Puente's English (`english`) and the words people wrote in their language
    (`theirs`), never the teacher's own."""
    member = family_to_write(db, teacher_id, family_id)
    to = ThreadMessage(0, member.student_id, teacher_id, member.telegram_id, FAMILY, ANSWER,
                       family_language(member), now, None, started=True)
    return Answer(to, member.student_name, english, Translation(theirs, "puente", False),
                  ready=True)


def queue_ready_write(db: Database, message: Answer, reply: str, text: str, now: datetime,
                      spoken: Spoken | None = None, listen_rows: ListenRows | None = None,
                      voice: str | None = None) -> int:
    """Record a ready-made first message on the student's thread (which one it was, as for a
    ready-made reply) and queue it as one message, read aloud under a 🔊 in their language
    (`spoken`) where a voice speaks it, or with the class's recording (`voice`)."""
    to = message.asked
    with db.atomic():
        thread_id = threads.add_started(db, to.student_id, to.teacher_id, to.asker_id,
                                        to.language, now, ready=reply)
        row_id = outbox.enqueue(db, None, to.asker_id, "answer",
                                {"text": text, "buttons": [], "forget": True,
                                 "student_id": to.student_id, "answer_id": thread_id,
                                 **({"voice": voice} if voice else {})}, now, now)
        keep_reading(db, row_id, spoken, to.language, listen_rows)
        return row_id
