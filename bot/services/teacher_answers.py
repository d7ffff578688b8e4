"""A teacher's side of a thread: the answer to a relayed message, translated back into the
writer's language; the recent messages a text that replies to nothing may be meant for;
/thread; and when a family member and a teacher last wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.family_notes import ANSWERED_BY, CANNOT_READ
from bot.domain.placement import student_level
from bot.domain.ready_replies import (
    READY_REPLIES,
    STUDENT_READY_REPLIES,
    offered_replies,
    replies_for,
)
from bot.domain.scaffold import scaffold_for
from bot.domain.sick_words import says_sick
from bot.domain.spoken_text import Spoken
from bot.services import student_lookup
from bot.services.hear_message import ListenRows, Rows, keep_reading
from bot.services.message_languages import answer_language, in_their_language, teacher_wrote
from bot.store import families, members, outbox, people, threads
from bot.store.threads import FAMILY, ThreadMessage
from bot.translation.translator import Translation, Translator


class AnswerGoneError(PuenteError):
    """The teacher answered a message whose writer is gone: a family member unlinked or
    deleted, or a student who deleted their data. The answer is not sent."""

    prompt_key = "answer-gone-family"


@dataclass(frozen=True)
class Answer:
    """A teacher's answer, ready to render in the asker's language."""

    asked: ThreadMessage
    student_name: str
    original: str                   # the teacher's own words
    translation: Translation | None
    own_language: bool = False      # written in the asker's language: it goes as written
    # a ready-made reply: `original` is Puente's English, people's words as `translation`
    # are, never the teacher's own (the reader must not be told they are)
    ready: bool = False
    english_first: bool = False     # a student at levels 5-6: her hint line English first
    other: str = ""                 # written in neither English nor theirs (teacher_wrote)

    @property
    def written(self) -> str:
        """The language the teacher wrote it in: the asker's own, another one it surely is
        in, else English."""
        return self.asked.language if self.own_language else self.other or "en"

    @property
    def untranslated(self) -> bool:
        """Whether it reaches a family member in words of a language they do not read (no
        model here): their message says so, and offers "🔤 I cannot read this"."""
        return self.asked.asker_role == FAMILY and not self.own_language \
            and self.translation is None and self.asked.language != "en"

    @property
    def machine(self) -> bool:
        """Whether it goes as a machine translation (else as the teacher wrote it)."""
        return self.translation is not None and self.translation.machine


async def prepare_answer(db: Database, translator: Translator | None, teacher_id: int,
                         reply_to: int, text: str) -> Answer | None:
    """The teacher's reply to a relayed message, translated (None: not a relayed message);
    refused when its writer is gone (deleted their data, or a family member unlinked)."""
    asked = threads.relayed(db, teacher_id, reply_to)
    if asked is None:
        gone = threads.gone_relay(db, teacher_id, reply_to)
        if gone is not None:
            raise AnswerGoneError(prompt_key=f"answer-gone-{gone}")
        return None
    if asked.asker_role == FAMILY and not families.is_linked(db, asked.asker_id,
                                                              asked.student_id):
        raise AnswerGoneError()
    student, classes = people.student_with_classes(db, asked.student_id)  # one read, her level
    first = asked.asker_role != FAMILY and _english_first(classes)
    own = in_their_language(text, asked.language)
    other = "" if own else teacher_wrote(text, asked.language)
    translation = None
    if asked.language != "en" and not own and translator is not None:
        # from the language it is in: a Spanish answer through an English model is garbled
        translation = await translator.translate_transient(text, asked.language,
                                                           source=other or "en")
    return Answer(asked, student.first_name if student else "", text.strip(), translation, own,
                  english_first=first, other=other)


def reads_english_first(db: Database, asked: ThreadMessage) -> bool:
    """Whether whoever asked reads English first: a student at levels 5-6 (a family member
    reads their own language first)."""
    if asked.asker_role == FAMILY:
        return False
    return _english_first(people.student_with_classes(db, asked.student_id)[1])


def _english_first(classes: Sequence[people.Enrollment]) -> bool:
    return scaffold_for(
        student_level((e.wida_level, e.level_by_teacher) for e in classes)).english_first


def queue_answer(db: Database, answer: Answer, texts: list[str], now: datetime,
                 rows: Rows | None = None) -> int:
    """Put the rendered answer (its messages: one unless Telegram needs more) in the outbox
    (quiet hours are honoured at delivery), with its buttons under the last (`rows`: "🔤 I
    cannot read this" under one that goes untranslated)."""
    with db.atomic():
        answer_id = threads.add_answer(db, answer.asked, now, answer.written, answer.machine)
        # The deliverer notes the last message's id in their chat: a reply to it finds the
        # child
        return queue_parts(db, answer.asked.asker_id, texts, rows or [], now,
                           {"student_id": answer.asked.student_id, "answer_id": answer_id})


def queue_parts(db: Database, chat_id: int, texts: list[str], rows: Rows, now: datetime,
                about: dict[str, int]) -> int:
    """Queue an answer's messages in order (the outbox keeps a chat's order), each `about`
    its child and answer (a part is dropped, as the last, for a reader no longer linked),
    the last with its buttons; the last row's id."""
    row_id = 0
    for number, text in enumerate(texts, 1):
        last = number == len(texts)
        row_id = outbox.enqueue(db, None, chat_id, "answer",
                                {"text": text, "buttons": [], "rows": rows if last else [],
                                 "forget": True, **about, "part": not last}, now, now)
    return row_id


class ReadyButtonError(PuenteError):
    """A ready-made reply button that is none of ours, or under no family message of this
    teacher's (forged, or from before retention forgot it): nothing is sent."""

    prompt_key = "button-stale"


class ReadySentError(PuenteError):
    """This ready-made reply was sent to this message already: each reply goes once (a double
    tap, or a forged second one); a different reply may still follow."""

    prompt_key = "ready-sent-already"


def ready_reply_to(db: Database, teacher_id: int, relay_message_id: int, reply: str
                   ) -> tuple[ThreadMessage, str]:
    """The family member's or student's message (by its relay's id in this teacher's chat, so
    only the teacher who received it) that a ready-made reply answers, and the child's first
    name; refused for a reply we never offered (a family's reply to a student's message, or
    the other way round), or a family member unlinked or gone."""
    if reply not in (*READY_REPLIES, *STUDENT_READY_REPLIES):
        raise ReadyButtonError(reply)
    asked = threads.relayed(db, teacher_id, relay_message_id)
    if asked is None:
        gone = threads.gone_relay(db, teacher_id, relay_message_id)
        if gone is not None:
            raise AnswerGoneError(prompt_key=f"answer-gone-{gone}")
        raise ReadyButtonError(relay_message_id)
    if reply not in replies_for(asked.asker_role != FAMILY):
        raise ReadyButtonError(relay_message_id)
    if asked.asker_role == FAMILY and not families.is_linked(db, asked.asker_id,
                                                              asked.student_id):
        raise AnswerGoneError()
    student = people.get_student(db, asked.student_id)
    if student is None and asked.asker_role != FAMILY:  # deleted meanwhile
        raise AnswerGoneError(prompt_key="answer-gone-student")
    return asked, student.first_name if student else ""


def said_cannot_read(db: Database, asker_id: int) -> bool:
    """Whether this family member told a teacher, with the ready-made message or in their
    own words ("Mwen pa li angle"), that they cannot read English: a typed English answer to
    them is warned about, replies first."""
    return threads.said_cannot_read(db, asker_id, CANNOT_READ)


def ready_under_answer(asked: ThreadMessage, first: Sequence[str] = (),
                       quoted: str | None = None) -> tuple[str, ...]:
    """The ready-made replies under the teacher's answer to a family message held for their
    ✅, as under the message itself: "I hope Yousef feels better soon" only when it said he
    is sick (playtest: it was offered under an answer about homework). A message relayed
    before its thread row was marked "said:sick" (6 Dec) has no mark, and the store kept
    none of its words; Telegram sends them back with the teacher's reply to it (`quoted`,
    the relayed message as it shows in her chat), so they are read again there, and kept
    nowhere. A mark-less row answered without a reply (/write) stays unmarked: no words."""
    note = threads.own_note(asked)
    sick = threads.said_sick(asked) or (
        quoted is not None and says_sick(quoted, asked.language))
    return offered_replies(sick, (*first, *ANSWERED_BY.get(note or "", ())))


def had_ready(translator: Translator | None, asked: ThreadMessage) -> bool:
    """Whether this message was relayed with ready-made replies under it (every student's; a
    family's that no model can answer in its language), which an answer turns into "✅
    Answered: …"."""
    return asked.asker_role != FAMILY or (
        asked.language != "en" and not asked.thanks
        and answer_language(translator, asked.language) != asked.language)


def answered_or_old(asked: ThreadMessage, now: datetime) -> bool:
    """Whether a ready-made reply to this message is asked about before it goes: the message
    was answered already, or is older than RECENT_RELAYS (playtest: "I hope Ana feels better
    soon" went in one tap under an answered homework question; the family, who cannot read
    the English, thought the child was ill)."""
    return asked.answered_at is not None or asked.created_at < now - RECENT_RELAYS


def answered_by_colleague(db: Database, asked: ThreadMessage) -> str | None:
    """The first name of the other teacher who answered this message already (a co-teacher:
    the family got one answer), or None: "⚠️ Ali already answered this message"."""
    if asked.answered_at is None:
        return None
    other = threads.answered_by_other(db, asked)
    return None if other is None else people.teacher_name(db, other)


def queue_ready(db: Database, answer: Answer, reply: str, text: str, now: datetime,
                spoken: Spoken | None = None, listen_rows: ListenRows | None = None,
                voice: str | None = None) -> int:
    """Send a ready-made reply (rendered `text`) to the family member, each reply once per
    message: the thread notes which went, and the outbox waits out quiet hours. People wrote
    it in every language, so it may be read aloud (`spoken`, under a 🔊 from `listen_rows`):
    that reading is kept after delivery, when the text itself is forgotten. `voice`: the
    class's recording of the reply in their language (a file_id), sent with the text as its
    caption (/record replies)."""
    with db.atomic():
        if not threads.mark_ready(db, answer.asked.id, reply):
            raise ReadySentError()
        answer_id = threads.add_answer(db, answer.asked, now, "en", False, ready=reply)
        row_id = outbox.enqueue(db, None, answer.asked.asker_id, "answer",
                                {"text": text, "buttons": [], "forget": True,
                                 "student_id": answer.asked.student_id, "answer_id": answer_id,
                                 **({"voice": voice} if voice else {})}, now, now)
        keep_reading(db, row_id, spoken, answer.asked.language, listen_rows)
        return row_id


@dataclass(frozen=True)
class Unlinked:
    """A teacher's message waiting in the outbox for a family member who was unlinked since it
    was queued (from the student it is about; for an announcement, from every child in its
    class): it must not go out, and the teacher who wrote it is told."""

    answer_id: int | None    # its thread row (None: an announcement)
    teacher_id: int | None   # who wrote it (None: its thread is gone, nobody to tell)
    student_id: int | None   # whom it is about (None: an announcement, to a class)
    announced: threads.Announced | None = None
    why: str = threads.UNLINKED  # an announcement's: threads.REMOVED, NO_CHILD or UNLINKED


def unlinked_reader(db: Database, chat_id: int, kind: str,
                    payload: dict[str, object]) -> Unlinked | None:
    """The message is a teacher's answer (or message written first) to a family member no
    longer linked to the student it is about, or an announcement to one with no child left in
    its class, or to a student removed from it (None: it may go). Checked as it goes out, not
    only when someone is unlinked or removed, so no way of leaving can let one through."""
    if kind == "announcement" and isinstance(payload.get("announcement"), int):
        found = threads.announced_to_former(db, int(str(payload["announcement"])), chat_id)
        if found is None:
            return None
        gone, why = found
        return Unlinked(None, gone.teacher_id, None, gone, why)
    answer_id, student_id = payload.get("answer_id"), payload.get("student_id")
    if kind != "answer" or not isinstance(answer_id, int) or not isinstance(student_id, int):
        return None
    if student_id == chat_id or families.is_linked(db, chat_id, student_id):
        return None  # an answer to the student, or to someone still linked
    answer = threads.answer_by_id(db, answer_id)
    return Unlinked(answer_id, answer.teacher_id if answer else None, student_id)


def drop_unlinked(db: Database, row_id: int, gone: Unlinked, note: str | None,
                  now: datetime) -> bool:
    """Keep the message from going out (its row deleted, its thread row dropped: /thread
    must not say it was sent) and queue the teacher's `note` saying why, in one transaction;
    False when the row had already left the queue."""
    with db.atomic():
        if not outbox.drop_unsent(db, row_id):
            return False
        if gone.answer_id is not None:
            threads.drop_answer(db, gone.answer_id)
        if note is not None and gone.teacher_id is not None:
            # One naming a child goes when the child deletes their data.
            about = {} if gone.student_id is None else {"student_id": gone.student_id}
            outbox.enqueue(db, None, gone.teacher_id, NOT_SENT,
                           {"text": note, "buttons": [], **about}, now, now)
    return True


NOT_SENT = "not-sent"  # the outbox kind of a note that a teacher's message did not go out


def voice_refused_answer(db: Database, kind: str,
                         payload: dict[str, object]) -> ThreadMessage | None:
    """The teacher's answer whose recorded voice note Telegram refused as it went out (the
    reader's privacy settings, a file lost since): its text went alone, and the teacher, who
    was told "✅ Sent as a 🎙️ voice note", must hear it. None: not a teacher's answer."""
    answer_id = payload.get("answer_id")
    if kind != "answer" or not isinstance(answer_id, int):
        return None
    return threads.answer_by_id(db, answer_id)


def tell_teacher(db: Database, answer: ThreadMessage, note: str, now: datetime) -> None:
    """Queue `note` to the teacher who wrote `answer` (it names the student: it goes when
    the student deletes their data)."""
    outbox.enqueue(db, None, answer.teacher_id, NOT_SENT,
                   {"text": note, "buttons": [], "student_id": answer.student_id}, now, now)


RECENT_RELAYS = timedelta(days=7)  # a typed answer may be meant for a message this recent
MAX_OFFERED = 3  # "answer this message" buttons under a teacher's text that replies to nothing


@dataclass(frozen=True)
class Relayed:
    """A message relayed to a teacher, by its id in the teacher's chat (what a reply names)."""

    message_id: int
    student_id: int
    family: bool  # from a family member (else from the student)
    sender: str | None = None  # a family member's first name (None: not known)


def recent_relays(db: Database, teacher_id: int, now: datetime) -> list[Relayed]:
    """The newest message from each family member or student relayed to this teacher in the
    last week, newest first (at most MAX_OFFERED): what a typed answer may be meant for."""
    return [Relayed(message_id, m.student_id, m.asker_role == FAMILY,
                    families.member_names(db, m.student_id).get(m.asker_id)
                    if m.asker_role == FAMILY else None)
            for message_id, m in threads.latest_relays(db, teacher_id, now - RECENT_RELAYS,
                                                       MAX_OFFERED)]


def is_relayed(db: Database, teacher_id: int, message_id: int) -> bool:
    """Tell whether a message in a teacher's chat is one the bot relayed to them (its writer
    may be gone since: a reply to it is told so)."""
    return (threads.relayed(db, teacher_id, message_id) is not None
            or threads.gone_relay(db, teacher_id, message_id) is not None)


last_contact = threads.last_contact  # when a family member and a teacher last wrote


@dataclass(frozen=True)
class StudentThread:
    """One student's thread as a teacher reads it (/thread NAME)."""

    name: student_lookup.StudentName
    messages: list[ThreadMessage]  # oldest first
    senders: dict[int, str]        # the family members in it: Telegram id -> first name
    colleagues: dict[int, str]     # the co-teachers whose answers are in it: id -> name


def student_thread(db: Database, teacher_id: int, who: str) -> StudentThread:
    """One student of the teacher's classes (as the teacher tells them apart), their thread
    with this teacher, and what the other teachers of the student's class (theirs too)
    wrote to the same family: each teacher got the family's message, and one answer answers
    it for all (threads.add_answer); a co-teacher who writes first is listed too, so two
    teachers do not write the same thing (playtest)."""
    row, _ = student_lookup.find_student(db, teacher_id, who, "/thread")
    shared = [e.class_id for e in people.teacher_enrolments(db, teacher_id)
              if e.student_id == row.student_id]
    colleagues = {t.teacher_id: t.first_name for t in members.class_teachers(db, shared)
                  if t.teacher_id != teacher_id}
    shown = [m for m in threads.thread(db, row.student_id) if m.teacher_id == teacher_id
             or (m.teacher_id in colleagues and m.direction == threads.ANSWER)]
    return StudentThread(student_lookup.name_of(db, teacher_id, row.student_id), shown,
                         families.member_names(db, row.student_id),
                         {m.teacher_id: colleagues[m.teacher_id] for m in shown
                          if m.teacher_id != teacher_id})
