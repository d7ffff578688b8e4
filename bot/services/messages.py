"""Families and students write to the teacher; teachers answer and announce, translated both
ways on the school's own machine.

Nobody learns anyone's Telegram account: the bot relays each message itself (never a forward),
and a thread row records who wrote about which student and when, never the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.language import detect_language
from bot.domain.thanks import only_thanks
from bot.domain.throttle import Throttle
from bot.services import teaching
from bot.store import families, outbox, people, threads
from bot.store.threads import FAMILY, STUDENT, Child, ThreadMessage
from bot.translation.translator import Translation, Translator

MAX_MESSAGE = 1000  # longer messages are refused kindly (Telegram's own limit is 4096)


class AskError(PuenteError):
    """Someone who is neither a student nor a linked family member tried to ask."""

    prompt_key = "ask-nobody"


class NoTeacherError(PuenteError):
    """The student is in no class, so there is no teacher to write to."""

    prompt_key = "ask-no-teacher"


class AnswerGoneError(PuenteError):
    """The teacher answered a message whose writer is gone: a family member unlinked or
    deleted, or a student who deleted their data. The answer is not sent."""

    prompt_key = "answer-gone-family"


class UnlinkedChildError(PuenteError):
    """A family member replied to a teacher's answer about a child they have since been
    unlinked from: it is said so, and nothing is sent to anyone."""

    prompt_key = "reply-child-unlinked"


class AnnounceError(PuenteError):
    prompt_key = "announce-usage"


@dataclass(frozen=True)
class Asker:
    """Who is writing: a student about themselves, or a family member about their children."""

    user_id: int
    role: str                 # threads.STUDENT | threads.FAMILY
    language: str
    children: tuple[Child, ...]
    chosen: bool = True       # False: they skipped the language menu (`language` is a guess)


def asker(db: Database, user_id: int) -> Asker | None:
    """The student or family member behind a Telegram id (a student account wins)."""
    student = people.get_student(db, user_id)
    if student is not None:
        return Asker(user_id, STUDENT, student.language or "en",
                     (Child(student.id, student.first_name),), student.language is not None)
    children = tuple(threads.children(db, user_id))
    if children:
        # Who skipped the language menu is spoken to in the best language known for them.
        chosen = families.family_language(db, user_id)
        return Asker(user_id, FAMILY, families.known_language(db, user_id) or "en", children,
                     chosen is not None)
    return None


def require_asker(db: Database, user_id: int) -> Asker:
    """The student or family member writing to the teacher; a teacher is told what /ask is
    for and how they reach families, anyone else how to join first."""
    who = asker(db, user_id)
    if who is not None:
        return who
    if people.is_teacher(db, user_id):
        raise AskError(prompt_key="ask-teacher")
    if families.was_family(db, user_id):  # their child deleted their data, or they were unlinked
        raise AskError(prompt_key="family-unlinked-text")
    raise AskError()


def is_family_only(db: Database, user_id: int) -> bool:
    """A linked family member with no student account of their own (and no teacher's)."""
    return (families.is_family(db, user_id) and people.get_student(db, user_id) is None
            and not people.is_teacher(db, user_id))


@dataclass(frozen=True)
class ReplyTo:
    """What a Telegram reply to a teacher's answer continues: the thread about one child with
    the teacher who answered (it goes back to them while they still teach the child)."""

    child: Child
    teacher_id: int


def replied_to(db: Database, who: Asker, message_id: int) -> ReplyTo | None:
    """The child and the answering teacher of a message replying to a teacher's answer
    (`message_id`, its id in the writer's chat); None when it replies to no answer Puente
    delivered them. Refused when they were unlinked from that child since: never sent to
    another child's teacher, nor asked which child."""
    answer = threads.answered(db, who.user_id, message_id)
    if answer is None:
        return None
    child = next((c for c in who.children if c.student_id == answer.student_id), None)
    if child is not None:
        return ReplyTo(child, answer.teacher_id)
    student = people.get_student(db, answer.student_id)
    if student is None:  # the child deleted their data (their threads went with it)
        return None
    raise UnlinkedChildError(name=student.first_name)


def replies_to_gone_child(db: Database, who: Asker, message_id: int) -> bool:
    """Whether a message replies to a teacher's answer about a child who has since deleted
    their data: that conversation has ended, and no other child's teacher should get it."""
    return threads.gone_answer(db, who.user_id, message_id)


def child_of(who: Asker, student_id: int | None) -> Child | None:
    """The child a message is about: the one chosen, or the only one (None: ask which)."""
    if student_id is None:
        return who.children[0] if len(who.children) == 1 else None
    for child in who.children:
        if child.student_id == student_id:
            return child
    raise AskError("not this person's child")  # forged or stale button data


@dataclass(frozen=True)
class Relay:
    """A message ready to relay to the child's teachers."""

    child: Child
    teacher_ids: tuple[int, ...]
    original: str
    english: Translation | None   # None: already English, or no engine for the language
    written: str = "en"           # the language it was written in ("": not known)
    answer_in: str = "en"         # the language the teacher's answer can go back in, here
    language: str = "en"          # the writer's language: theirs, else what they wrote in
    thanks: bool = False          # a family's message that is only thanks: no answer owed


def is_thanks(who: Asker, message: str | int) -> bool:
    """Whether a family member's text is only thanks ("Ua tsaug ntau!"): it still reaches the
    teacher, who is told no answer is needed. A voice note, or a student's text, never is."""
    return who.role == FAMILY and isinstance(message, str) and only_thanks(message)


def check_pace(guard: Throttle, who: Asker, now: datetime) -> None:
    """Refuse a message while its sender has written too many in the last hour (a teacher's
    chat is not a flood target); count this one."""
    wait = guard.wait(who.user_id, now)
    if wait > timedelta(0):
        raise AskError(prompt_key="ask-too-many", minutes=math.ceil(wait.total_seconds() / 60))
    guard.hit(who.user_id, now)


async def prepare_ask(db: Database, translator: Translator | None, who: Asker, child: Child,
                      text: str, answered_by: int | None = None) -> Relay:
    """Translate a message into English for the child's teachers (in a worker thread): for a
    reply to a teacher's answer, the teacher who answered (`answered_by`) alone, unless they
    no longer teach the child."""
    teacher_ids = tuple(dict.fromkeys(people.teachers_of(db, child.student_id)))
    if not teacher_ids:
        raise NoTeacherError()
    if answered_by in teacher_ids:
        teacher_ids = (answered_by,)
    written = written_in(text, who.language, sure=who.chosen)
    english = None
    if written not in ("en", UNKNOWN) and translator is not None and text.strip():
        english = await translator.translate_transient(text, "en", source=written)
    # Who never chose a language is answered in the one they wrote in, when it is known.
    language = who.language if who.chosen or written == UNKNOWN else written
    return Relay(child, teacher_ids, text.strip(), english, written,
                 answer_language(translator, language), language, is_thanks(who, text))


def says_something(text: str) -> bool:
    """Whether a text has at least one letter: "???" or "😀" alone is no message to relay."""
    return any(ch.isalpha() for ch in text)


def require_words(text: str) -> None:
    """Refuse a message for the teacher with no letter or digit in it ("..." or "😀😀"): the
    teacher would get a riddle, and its writer would wait for an answer to nothing. A number
    alone (a phone number) is a message."""
    if not any(ch.isalnum() for ch in text):
        raise AskError(prompt_key="ask-no-words")


def beginning(text: str, limit: int = MAX_MESSAGE) -> str:
    """The first `limit` characters of a too-long message, ending at a word when one ends in
    its last fifth, and marked as cut with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit * 4 // 5 else head).rstrip() + "…"


def teacher_reads_english(translator: Translator | None, language: str) -> bool:
    """Whether a message written in `language` reaches the teacher with an English machine
    translation on this machine (only then may anyone be promised one)."""
    return (language != "en" and translator is not None
            and translator.why_unavailable("en", source=language) is None)


def missing_model(translator: Translator | None, language: str) -> bool:
    """Whether translation is on here but has no model from `language` into English, so a
    teacher should be told before such a family writes (with translation off, none is)."""
    return (translator is not None and language != "en"
            and translator.why_unavailable("en", source=language) is not None)


def answer_language(translator: Translator | None, language: str) -> str:
    """The language a teacher's answer arrives in: the asker's own when this machine can
    translate English into it, else English."""
    if language == "en" or translator is None or translator.why_unavailable(language):
        return "en"
    return language


UNKNOWN = ""  # the language a message was written in, when nothing says which


def written_in(text: str, own: str, sure: bool = True) -> str:
    """English when the text is confidently English (a student asking in English needs no
    translation), else the writer's own language; a voice note (no text) is their own. For
    someone who never chose a language (`sure` False), the language the text is confidently
    in, else UNKNOWN: never English for want of evidence. A text with no letter is in none."""
    if not sure:
        return (detect_language(text).lang or UNKNOWN) if text.strip() else UNKNOWN
    if not text.strip():
        return own
    if not says_something(text):  # "👍" or a phone number is written in no language
        return UNKNOWN
    if own == "en":
        return own
    return "en" if detect_language(text, candidates=(own, "en")).lang == "en" else own


def record_relay(db: Database, who: Asker, relay: Relay, teacher_id: int,
                 relay_message_id: int, now: datetime) -> int:
    """Remember that a teacher received this message, so their reply finds its way back."""
    return threads.add_ask(db, relay.child.student_id, teacher_id, who.user_id, who.role,
                           relay.language, relay_message_id, now)


def queue_relay(db: Database, who: Asker, relay: Relay, texts: dict[int, str],
                now: datetime) -> int:
    """Queue the message for each teacher (teacher id -> rendered text) through the outbox,
    so it waits out quiet hours and survives a restart; the thread learns each relay's id
    when it is delivered."""
    with db.atomic():
        for teacher_id, text in texts.items():
            thread_id = threads.add_ask(db, relay.child.student_id, teacher_id, who.user_id,
                                        who.role, relay.language, None, now, relay.thanks)
            outbox.enqueue(db, None, teacher_id, "relay",
                           {"text": text, "buttons": [], "forget": True,
                            "thread_id": thread_id, "student_id": relay.child.student_id},
                           now, now)
    return len(texts)


@dataclass(frozen=True)
class Answer:
    """A teacher's answer, ready to render in the asker's language."""

    asked: ThreadMessage
    student_name: str
    original: str                   # the teacher's own words
    translation: Translation | None
    own_language: bool = False      # written in the asker's language: it goes as written


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
    student = people.get_student(db, asked.student_id)
    own = in_their_language(text, asked.language)
    translation = None
    if asked.language != "en" and not own and translator is not None:
        translation = await translator.translate_transient(text, asked.language)
    return Answer(asked, student.first_name if student else "", text.strip(), translation, own)


def in_their_language(text: str, language: str) -> bool:
    """Whether a teacher's answer is confidently written in the asker's own language (a
    Spanish answer to a Spanish-speaking family), so it goes as written: run through an
    English model it would come out garbled. English, or any doubt: it is translated."""
    return language != "en" and detect_language(text, candidates=(language, "en")).lang == \
        language


def queue_answer(db: Database, answer: Answer, text: str, now: datetime) -> int:
    """Put the rendered answer in the outbox (quiet hours are honoured at delivery)."""
    with db.atomic():
        answer_id = threads.add_answer(db, answer.asked, now)
        # The deliverer notes the answer's id in their chat: a reply to it finds the child.
        return outbox.enqueue(db, None, answer.asked.asker_id, "answer",
                              {"text": text, "buttons": [], "forget": True,
                               "student_id": answer.asked.student_id, "answer_id": answer_id},
                              now, now)


# --- announcements -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Version:
    """An announcement in one language, and the pack words it uses with their curated gloss."""

    language: str
    text: str
    machine: bool
    glossary: tuple[tuple[str, str], ...]
    recipients: int
    source: str = "en"  # the language the teacher wrote it in (as written when it is theirs)


@dataclass(frozen=True)
class AnnouncementPlan:
    id: int
    class_name: str
    english: str
    versions: tuple[Version, ...]
    families: int
    students: int
    unreachable: int = 0  # students it cannot reach (blocked Puente, or never finished joining)


def command_text(text: str | None) -> str:
    """What follows a command, line breaks kept ("/ask Hello,\nsee you" -> "Hello,\nsee you")."""
    return re.sub(r"^/\S*\s*", "", text or "", count=1).strip()


def split_class(db: Database, teacher_id: int, text: str) -> tuple[people.ClassInfo, str]:
    """/announce CLASS text: the longest leading words naming one of the teacher's classes,
    or the teacher's only class; the rest keeps its line breaks."""
    teaching.require_teacher(db, teacher_id)
    classes = people.teacher_classes(db, teacher_id)
    names = {" ".join(c.name.split()).casefold(): c for c in classes}
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        found = names.get(" ".join(words[:cut]).casefold())
        if found is not None:
            return found, re.sub(rf"^\s*(?:\S+\s+){{{cut}}}", "", text, count=1)
    if len(classes) == 1 and words:
        return classes[0], text
    raise AnnounceError(names=", ".join(c.name for c in classes) or "-")


def pack_glossary(db: Database, text: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Pack words the text uses, with their curated gloss in `lang` (people wrote those)."""
    if lang == "en":
        return ()
    rows = db.execute("SELECT DISTINCT term, json_extract(glosses, '$.' || ? || '.term') "
                      "FROM words WHERE json_extract(glosses, '$.' || ? || '.term') IS NOT NULL",
                      [lang, lang]).fetchall()
    found = [(term, gloss) for term, gloss in rows
             if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE)]
    return tuple(sorted(found, key=lambda pair: text.casefold().find(pair[0].casefold())))


async def plan_announcement(db: Database, translator: Translator | None, teacher_id: int,
                            request: str, now: datetime) -> AnnouncementPlan:
    """Translate an announcement once per language of the class's families and students,
    and keep it until the teacher confirms."""
    found, text = split_class(db, teacher_id, request)
    text = text.strip()
    if not text:
        raise AnnounceError(names=found.name)
    if len(text) > MAX_MESSAGE:
        raise AnnounceError(prompt_key="message-too-long", limit=MAX_MESSAGE)
    recipients = threads.class_recipients(db, found.id, students=True)
    counts: dict[str, int] = {}
    for person in {(r.telegram_id, r.language) for r in recipients}:
        counts[person[1]] = counts.get(person[1], 0) + 1
    versions = []
    languages = sorted(counts, key=lambda code: (code != "en", code))
    source = announcement_source(text, languages)
    for lang in languages:
        translation = None
        if lang != source and translator is not None:
            translation = await translator.translate_transient(text, lang, source=source)
        versions.append(Version(lang, translation.text if translation else text,
                                bool(translation and translation.machine),
                                pack_glossary(db, text, lang), counts[lang], source))
    stored = {v.language: {"text": v.text, "machine": v.machine, "source": source}
              for v in versions}
    announcement_id = threads.add_announcement(db, found.id, teacher_id, text, stored, now)
    return AnnouncementPlan(announcement_id, found.name, text, tuple(versions),
                            len({r.telegram_id for r in recipients if r.role == FAMILY}),
                            len({r.telegram_id for r in recipients if r.role == STUDENT}),
                            threads.unreachable_students(db, found.id))


def announcement_source(text: str, languages: list[str]) -> str:
    """The language an announcement is written in: a language of its readers it is confidently
    in (a teacher writing Spanish to Spanish-speaking families: it goes to them as written,
    and from Spanish to everyone else), else English, as in_their_language decides for
    answers."""
    return next((lang for lang in languages if in_their_language(text, lang)), "en")


@dataclass(frozen=True)
class Delivery:
    """One announcement message to one person, in their language."""

    telegram_id: int
    language: str
    text: str
    machine: bool
    glossary: tuple[tuple[str, str], ...]
    role: str = FAMILY  # 'family' or 'student': the teacher is told how many of each
    source: str = "en"  # the language the teacher wrote it in


def audience(deliveries: list[Delivery]) -> tuple[int, int]:
    """(family members, students) an announcement was queued for."""
    families = sum(1 for d in deliveries if d.role == FAMILY)
    return families, len(deliveries) - families


def confirm_announcement(db: Database, teacher_id: int, announcement_id: int,
                         students: bool) -> tuple[threads.Announcement, list[Delivery]]:
    """Who gets the confirmed announcement, once per person, in the version the teacher saw."""
    found = threads.get_announcement(db, announcement_id)
    if found is None or found.teacher_id != teacher_id or found.sent:
        raise AnnounceError(prompt_key="announce-gone")
    deliveries, seen = [], set()
    glossaries = {lang: pack_glossary(db, found.text, lang) for lang in found.translations}
    for person in threads.class_recipients(db, found.class_id, students):
        version = found.translations.get(person.language)
        if person.telegram_id in seen or version is None:
            continue
        seen.add(person.telegram_id)
        deliveries.append(Delivery(person.telegram_id, person.language, version["text"],
                                   bool(version["machine"]), glossaries[person.language],
                                   person.role, version.get("source", "en")))
    if not deliveries:  # "families" when none is linked (an old button): nothing is queued
        threads.drop_announcement(db, announcement_id)
        raise AnnounceError(prompt_key="announce-none", class_name=class_name(db, found.class_id))
    return found, deliveries


def queue_announcement(db: Database, found: threads.Announcement,
                       rendered: list[tuple[int, str]], now: datetime) -> int:
    """Queue one outbox row per person in one transaction and drop the stored text."""
    with db.atomic():
        if not threads.close_announcement(db, found.id, now):
            raise AnnounceError(prompt_key="announce-gone")
        for chat_id, text in rendered:
            outbox.enqueue(db, None, chat_id, "announcement",
                           {"text": text, "buttons": [], "forget": True}, now, now)
    return len(rendered)


def cancel_announcement(db: Database, teacher_id: int, announcement_id: int) -> None:
    found = threads.get_announcement(db, announcement_id)
    if found is not None and found.teacher_id == teacher_id:
        threads.drop_announcement(db, announcement_id)


RECENT_RELAYS = timedelta(days=7)  # a typed answer may be meant for a message this recent
MAX_OFFERED = 3  # "answer this message" buttons under a teacher's text that replies to nothing


@dataclass(frozen=True)
class Relayed:
    """A message relayed to a teacher, by its id in the teacher's chat (what a reply names)."""

    message_id: int
    student_id: int
    family: bool  # from a family member (else from the student)


def recent_relays(db: Database, teacher_id: int, now: datetime) -> list[Relayed]:
    """The newest message from each family member or student relayed to this teacher in the
    last week, newest first (at most MAX_OFFERED): what a typed answer may be meant for."""
    return [Relayed(message_id, m.student_id, m.asker_role == FAMILY)
            for message_id, m in threads.latest_relays(db, teacher_id, now - RECENT_RELAYS,
                                                       MAX_OFFERED)]


def is_relayed(db: Database, teacher_id: int, message_id: int) -> bool:
    """Tell whether a message in a teacher's chat is one the bot relayed to them (its writer
    may be gone since: a reply to it is told so)."""
    return (threads.relayed(db, teacher_id, message_id) is not None
            or threads.gone_relay(db, teacher_id, message_id) is not None)


def class_name(db: Database, class_id: int) -> str:
    found = people.class_by_id(db, class_id)
    return found.name if found else "-"


last_contact = threads.last_contact  # when a family member and a teacher last wrote


def student_thread(db: Database, teacher_id: int, who: str
                   ) -> tuple[teaching.StudentName, list[ThreadMessage]]:
    """One student of the teacher's classes (as the teacher tells them apart) and their thread
    with this teacher, oldest first."""
    row, _ = teaching.find_student(db, teacher_id, who, "/thread")
    return teaching.name_of(db, teacher_id, row.student_id), [
        m for m in threads.thread(db, row.student_id) if m.teacher_id == teacher_id]
