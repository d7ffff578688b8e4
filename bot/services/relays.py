"""A family's or a student's message for the teacher: checked, translated into English on the
school's own machine, and queued for each of the child's teachers.

Nobody learns anyone's Telegram account: the bot relays each message itself (never a forward),
and a thread row records who wrote about which student and when, never the text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from bot.domain.cannot_read_words import says_cannot_read_english
from bot.domain.checks import Item
from bot.domain.chinese_script import simplified
from bot.domain.dont_know import says_dont_know, says_not_understood
from bot.domain.emoji import meanings, only_emoji, only_thanks_emoji
from bot.domain.errors import PuenteError
from bot.domain.language import Capability, UnknownLanguageError, get_language
from bot.domain.progress_question import asks_progress
from bot.domain.scaffold import scaffold_for
from bot.domain.sick_words import says_sick
from bot.domain.thanks import only_acknowledges, only_thanks
from bot.domain.throttle import Throttle
from bot.services.askers import Asker, AskError
from bot.services.learners import level_of
from bot.services.message_languages import (
    UNKNOWN,
    answer_language,
    missing_model,
    says_something,
    written_as_is,
    written_in,
)
from bot.store import alerts, check_items, excused, notes, outbox, people, threads
from bot.store.packs import words_by_id
from bot.store.threads import Child
from bot.translation.translator import Translation, Translator

MAX_MESSAGE = 1000  # longer messages are refused kindly (Telegram's own limit is 4096)


class NoTeacherError(PuenteError):
    """The student is in no class, so there is no teacher to write to."""

    prompt_key = "ask-no-teacher"


@dataclass(frozen=True)
class Unread:
    """The teacher's message a family member could not read ("🔤 I cannot read this" under
    it): when the teacher wrote it, and its first words ("": not known), so the teacher knows
    which one (playtest: the note named none)."""

    sent_at: datetime
    words: str = ""


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
    about: threads.Announced | None = None  # a reply to this teacher's announcement
    emoji: tuple[str, ...] | None = None  # emoji only: what the known ones mean (else None)
    also: tuple[Child, ...] = ()  # twins: the other children it is filed under (one relay)
    note: str | None = None       # a family's ready-made message (family_notes): its English
    #                               was written by people, not a machine
    excused: date | None = None   # the school day that note excused for the child (excused.py)
    unread: Unread | None = None  # "I cannot read this" under a teacher's answer: which one
    # the day a family's words sent alone say the child is (or was) away, and whether "sick":
    # the teacher reads what Puente recognised, with a button to excuse it (excused.py)
    recognised: Recognised | None = None
    # what Puente recognised in words the teacher has no English for (gist_of): a family's
    # "how is she doing?" or anyone's "I don't understand", said to the teacher in one line
    gist: str | None = None
    # a student's check question open as she wrote (open_question): the teacher reads which
    at_question: AtQuestion | None = None
    # a family's own words that say they cannot read English ("Mwen pa li angle"): their
    # thread row is marked as the ready-made "I cannot read English" marks it, so the
    # teacher's next English answer waits for a ✅ under that warning (Haitian playtest); the
    # teacher reads it beside any gist ("Mwen pa li angle. Kijan li ap fè?" is both)
    cannot_read: bool = False


@dataclass(frozen=True)
class AtQuestion:
    """The check question open while a student wrote to her teachers (playtest: "what is
    habitat mean" reached the teacher with no context): its item and its word's English
    definition, derived from the open check as the message goes, never stored with it."""

    item: Item
    definition: str


# A question asked longer ago than this (a check left open yesterday) is not what she is
# answering as she writes: the teacher is not told of it
AT_QUESTION_WITHIN = timedelta(hours=3)


def open_question(db: Database, who: Asker, now: datetime) -> AtQuestion | None:
    """The check question a student is answering as her message goes (asked within
    AT_QUESTION_WITHIN); None for a family member, or when none is open."""
    if who.role != threads.STUDENT:
        return None
    stored = check_items.next_open_item(db, who.user_id)
    if stored is None or stored.asked_at is None or now - stored.asked_at > AT_QUESTION_WITHIN:
        return None
    found = words_by_id(db, [stored.item.word_id])  # cached: no statement
    return AtQuestion(stored.item, found[0].word.definition if found else "")


@dataclass(frozen=True)
class Recognised:
    """A day a family's own words say the child misses, as the teacher is told of it."""

    day: date
    note: str  # "sick" or "absent" (family_notes)
    when: str  # "today", "coming" or "past"


def is_thanks(who: Asker, message: str | int) -> bool:
    """Whether a family member's or a student's text is only thanks ("Ua tsaug ntau!",
    "gracias maestra"): it still reaches the teacher, who is told no answer is needed. A voice
    note never is."""
    return isinstance(message, str) and (only_thanks(message) or only_thanks_emoji(message))


def worth_offering(text: str) -> bool:
    """Whether a student's stray text may be for the teacher: it says something, and more than
    "ok" ("vale", "dakò", "好的": an acknowledgement needs no teacher)."""
    return says_something(text) and not only_acknowledges(text)


def check_pace(guard: Throttle, who: Asker, now: datetime) -> None:
    """Refuse a message while its sender has written too many in the last hour (a teacher's
    chat is not a flood target); count this one."""
    wait = guard.wait(who.user_id, now)
    if wait > timedelta(0):
        raise AskError(prompt_key="ask-too-many", minutes=math.ceil(wait.total_seconds() / 60))
    guard.hit(who.user_id, now)


async def prepare_ask(db: Database, translator: Translator | None, who: Asker, child: Child,
                      text: str, answered_by: int | None = None,
                      about: threads.Announced | None = None,
                      also: tuple[Child, ...] = ()) -> Relay:
    """Translate a message into English for the child's teachers (in a worker thread): for a
    reply to a teacher's answer (or announcement, `about`), the teacher who answered
    (`answered_by`) alone, unless they no longer teach the child; filed under the child and
    the siblings `also` (a reply to their class's announcement), relayed once."""
    teacher_ids = tuple(dict.fromkeys(people.teachers_of(db, child.student_id)))
    if not teacher_ids:
        raise NoTeacherError()
    if answered_by in teacher_ids:
        teacher_ids = (answered_by,)
    emoji = meanings(text) if only_emoji(text) else None  # no language to tell or translate
    written = UNKNOWN if emoji is not None else written_in(text, who.language, sure=who.chosen)
    english = None
    if written not in ("en", UNKNOWN) and translator is not None and text.strip():
        # Argos' Chinese model reads Simplified: a Hong Kong or Taiwan family's words go to
        # it folded (the teacher still reads them as written)
        english = await translator.translate_transient(
            simplified(text) if written == "zh" else text, "en", source=written)
    # Who never chose a language is answered in the one they wrote in, when it is known.
    language = who.language if who.chosen or written == UNKNOWN else written
    return Relay(child, teacher_ids, text.strip(), english, written,
                 answer_language(translator, language), language, is_thanks(who, text),
                 about if about is not None and about.teacher_id in teacher_ids else None,
                 emoji, also if about is not None and about.teacher_id in teacher_ids else (),
                 gist=gist_of(who, text, written, language) if english is None else None,
                 cannot_read=who.role == threads.FAMILY and emoji is None
                 and says_cannot_read_english(text))


PROGRESS, LOST = "progress", "lost"


def gist_of(who: Asker, text: str, written: str, language: str) -> str | None:
    """What Puente recognised in a message with no English beside it (no model for Somali):
    a family's "sidee buu u socdaa?" (PROGRESS), or "ma fahmin su'aasha" (LOST). The teacher
    read raw Somali and answered "Hodan is doing well" to a student who had written that she
    did not understand the question (playtest). None for English and for anything else (a
    family's "Mwen pa li angle" is said apart: `cannot_read`)."""
    if written == "en" or not text.strip():
        return None
    if who.role == threads.FAMILY and asks_progress(text, language):
        return PROGRESS
    return LOST if says_not_understood(text) or says_dont_know(text) else None


# What marks a ready-made message's English: written by people with the message itself.
PEOPLE = "people"


def prepare_note(db: Database, translator: Translator | None, who: Asker, child: Child,
                 note: str, original: str, english: str, excused: date | None = None,
                 answered_by: int | None = None, about: threads.Announced | None = None,
                 unread: Unread | None = None) -> Relay:
    """A family's ready-made message for the child's teachers: its words in their language
    (`original`) and the English people wrote for it, so no model is needed either way; and
    the day it `excused`, which the teachers read beside it; about one teacher's message
    (`answered_by`, `about` an announcement, `unread` an answer they could not read), to that
    teacher alone while they teach the child."""
    teacher_ids = tuple(dict.fromkeys(people.teachers_of(db, child.student_id)))
    if not teacher_ids:
        raise NoTeacherError()
    if answered_by in teacher_ids:
        teacher_ids = (answered_by,)
    translation = Translation(english, PEOPLE, machine=False) if who.language != "en" else None
    return Relay(child, teacher_ids, original, translation, who.language,
                 answer_language(translator, who.language), who.language, note=note,
                 excused=excused,
                 about=about if about is not None and about.teacher_id in teacher_ids else None,
                 unread=unread if answered_by in teacher_ids else None)


def require_words(text: str) -> None:
    """Refuse a message for the teacher with no letter, digit or emoji in it ("...", "?!"):
    the teacher would get a riddle, and its writer would wait for an answer to nothing. A
    number alone (a phone number) is a message, and so is an emoji alone ("🙏", "👍": a
    family's whole answer, often)."""
    if not any(ch.isalnum() for ch in text) and not only_emoji(text):
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


def command_text(text: str | None) -> str:
    """What follows a command, line breaks kept ("/ask Hello,\nsee you" -> "Hello,\nsee you")."""
    return re.sub(r"^/\S*\s*", "", text or "", count=1).strip()


def record_relay(db: Database, who: Asker, relay: Relay, teacher_id: int,
                 relay_message_id: int, now: datetime) -> int:
    """Remember that a teacher received this voice note, so their reply finds its way back.
    Its language is not recorded: Puente cannot listen, so it knows no language it was said
    in."""
    first = threads.add_ask(db, relay.child.student_id, teacher_id, who.user_id, who.role,
                            relay.language, relay_message_id, now, voice=True)
    for sibling in relay.also:  # the same message, in each twin's thread
        threads.add_ask(db, sibling.student_id, teacher_id, who.user_id, who.role,
                        relay.language, relay_message_id, now, voice=True)
    return first


Rows = list[list[list[str]]]  # an outbox row's keyboard: [[label, callback data], ...] per row


def queue_relay(db: Database, who: Asker, relay: Relay, texts: dict[int, list[str]],
                now: datetime, rows: dict[int, Rows] | None = None) -> int:
    """Queue the message for each teacher (teacher id -> its rendered messages, one unless
    it is too long for Telegram, and the last one's buttons in `rows`: ready-made replies)
    through the outbox, so it waits out quiet hours and survives a restart; the thread
    learns the last message's id when it is delivered (the one a teacher replies to: its
    last lines say how). A family member's language note still booked goes first. A note
    excusing a day already excused (sent twice, or by two family members of the child)
    queues nothing: 0."""
    with db.atomic():
        # the day its teachers read as excused, with the note; the check is in the
        # transaction that books, so two taps at once reach the teachers once (playtest)
        if relay.excused is not None and not excused.excuse(
                db, relay.child.student_id, relay.excused, who.user_id, now):
            return 0
        if who.role == threads.FAMILY:
            notes.hurry_language_notes(db, who.user_id, now)
        for teacher_id, parts in texts.items():
            thread_id, *shared = [threads.add_ask(db, child.student_id, teacher_id, who.user_id,
                                                  who.role, relay.language, None, now,
                                                  relay.thanks, relay.written, relay.note,
                                                  sick=says_sick(relay.original,
                                                                 relay.language),
                                                  cannot_read=relay.cannot_read)
                                  for child in (relay.child, *relay.also)]
            # One message for the teacher, standing in each twin's thread ("shared"); a
            # long one's first parts go before it, in order (the outbox keeps a chat's order)
            for number, text in enumerate(parts, 1):
                last = number == len(parts)
                outbox.enqueue(db, None, teacher_id, "relay",
                               {"text": text, "buttons": [], "forget": True,
                                "rows": (rows or {}).get(teacher_id, []) if last else [],
                                "thread_id": thread_id, "shared": shared,
                                "student_id": relay.child.student_id, "part": not last},
                               now, now)
    return len(texts)


INSTALL_HINT_REPEAT = timedelta(days=7)  # as /push's unchecked-translation warning


def install_hint(db: Database, translator: Translator | None, teacher_id: int, relay: Relay,
                 now: datetime) -> str | None:
    """The language whose model the person who runs Puente could add, to name under "No
    English translation" (`puente translate install CODE`), at most once a week per teacher
    and language (remembered now); None when no such line is due: a teacher was told there
    was no model but never how to get one (playtest). Never for a language Argos publishes no
    model for: that command would fail."""
    code = relay.written
    if relay.english is not None or code in ("en", UNKNOWN) \
            or not missing_model(translator, code):
        return None
    try:
        if Capability.MACHINE_TRANSLATION not in get_language(code).capabilities:
            return None
    except UnknownLanguageError:
        return None
    if alerts.install_hint_told(db, teacher_id, code, now - INSTALL_HINT_REPEAT):
        return None
    alerts.record_install_hint(db, teacher_id, code, now)
    return code


def no_model_note_key(db: Database, who: Asker) -> str:
    """The note's prompt: a level 1-2 student is told she may write in her own language
    (asking an 8-year-old newcomer for "a few short words in English" asked the one thing
    she cannot do yet, playtest); from level 3 that a few English words help."""
    _student, classes = people.student_with_classes(db, who.user_id)
    beginner = not classes or scaffold_for(level_of(classes)).l1_first
    return "student-no-model-note-beginner" if beginner else "student-no-model-note"


def no_model_note_due(db: Database, translator: Translator | None, who: Asker, relay: Relay,
                      now: datetime) -> str | None:
    """The language to name when telling a student, once (remembered now), that their teacher
    reads English and their message in it went as written, with no model to translate it;
    None when no such note is due. A family member is told before writing (family_help); a
    WIDA-1 student who wrote in Somali never was (playtest)."""
    code = relay.written
    if who.role == threads.FAMILY or relay.english is not None or relay.emoji is not None \
            or code in ("en", UNKNOWN) or not written_as_is(translator, code):
        return None
    if alerts.no_model_told(db, who.user_id, code):
        return None
    alerts.record_no_model_told(db, who.user_id, code, now)
    return code
