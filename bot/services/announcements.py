"""A teacher's announcement to a class: translated once per language of its families and
students, shown to the teacher, and queued (one outbox row a person) once they confirm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from bot.domain.errors import PuenteError
from bot.domain.names import matching_labels
from bot.domain.spoken_text import Spoken
from bot.services import teaching
from bot.services.hear_message import ListenRows, Rows, keep_reading
from bot.services.message_languages import in_their_language
from bot.services.relays import MAX_MESSAGE
from bot.services.student_lookup import StudentName
from bot.store import outbox, people, threads
from bot.store.packs import glossed_terms
from bot.store.threads import FAMILY, STUDENT
from bot.translation.translator import Translator


class AnnounceError(PuenteError):
    prompt_key = "announce-usage"


@dataclass(frozen=True)
class Version:
    """An announcement in one language, and the pack words it uses with their curated gloss."""

    language: str
    text: str
    machine: bool
    glossary: tuple[tuple[str, str], ...]
    recipients: int
    source: str = "en"  # the language the teacher wrote it in (as written when it is theirs)
    ready: bool = False  # a ready-made announcement people wrote in this language


@dataclass(frozen=True)
class AnnouncementPlan:
    id: int
    class_name: str
    english: str
    versions: tuple[Version, ...]
    families: int
    students: int
    unreachable: int = 0  # students it cannot reach (blocked Puente, or never finished joining)
    ready: bool = False  # a ready-made announcement (people's words), not the teacher's own
    class_id: int = 0
    teacher_id: int = 0
    # The students no family member is linked for (a ready-made one reaches nobody for them):
    # "it can reach 2 family members" left the teacher guessing who was missing (playtest)
    unlinked: tuple[StudentName, ...] = ()


def split_class(db: Database, teacher_id: int, text: str) -> tuple[people.ClassInfo, str]:
    """/announce CLASS text: the longest leading words naming one of the teacher's classes
    (the rest keeps its line breaks). A teacher with one class may leave its name out, so
    there words that are not its name are the message ("Math 9 Hello" is sent as written,
    shown first); with several classes they are refused, naming the classes. Nothing at all
    is the only class with no text (its ready-made menu follows), or, with several, "Which
    class?" with a button per class."""
    teaching.require_teacher(db, teacher_id)
    classes = people.teacher_classes(db, teacher_id)
    if not classes:
        raise teaching.no_class(db, teacher_id)
    names = [c.name for c in classes]
    listed = ", ".join(names)
    words = text.split()
    for cut in range(len(words), 0, -1):
        found = matching_labels(" ".join(words[:cut]), names)  # accents aside, as /report
        if len(found) > 1:  # alike but for accents: which one is not ours to guess
            raise AnnounceError(prompt_key="announce-class-unknown", names=listed,
                                example=classes[found[0]].name)
        if found:
            return classes[found[0]], re.sub(rf"^\s*(?:\S+(?:\s+|$)){{{cut}}}", "", text,
                                             count=1)
    # "/announce Science 7B hello" from Bob, who teaches Math 6 only: not a message to Math 6
    # that begins "Science 7B" (playtest), and not a class he may write to
    if (other := _others_class(db, teacher_id, words)) is not None:
        raise AnnounceError(prompt_key="announce-not-your-class", class_name=other,
                            names=listed, example=classes[0].name)
    if len(classes) == 1:  # "/announce" alone: its ready-made menu, as "/announce CLASS"
        return classes[0], text
    if not words:  # a button per class (bot/chat/class_pick.py)
        raise AnnounceError(prompt_key="class-which", names=listed)
    raise AnnounceError(prompt_key="announce-class-unknown", names=listed,
                        example=classes[0].name)


def _others_class(db: Database, teacher_id: int, words: list[str]) -> str | None:
    """The name of a class this teacher does not teach that the leading `words` name (the
    longest such), or None."""
    others = people.others_class_names(db, teacher_id)
    longest = max((len(name.split()) for name in others), default=0)
    for cut in range(min(len(words), longest), 0, -1):
        found = matching_labels(" ".join(words[:cut]), others)
        if found:
            return others[found[0]]
    return None


def pack_glossary(db: Database, text: str, lang: str) -> tuple[tuple[str, str], ...]:
    """Pack words the text uses, with their curated gloss in `lang` (people wrote those)."""
    if lang == "en":
        return ()
    found = [(term, gloss) for term, gloss in glossed_terms(db, lang)
             if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE)]
    return tuple(sorted(found, key=lambda pair: text.casefold().find(pair[0].casefold())))


async def plan_announcement(db: Database, translator: Translator | None, teacher_id: int,
                            request: str, now: datetime) -> AnnouncementPlan:
    """Translate an announcement once per language of the class's families and students,
    and keep it until the teacher confirms."""
    found, text = split_class(db, teacher_id, request)
    text = text.strip()
    if not text:  # "/announce Science 7B": the class, and nothing to say to it
        raise AnnounceError(prompt_key="announce-text-missing", class_name=found.name)
    if len(text) > MAX_MESSAGE:
        raise AnnounceError(prompt_key="message-too-long", limit=MAX_MESSAGE)
    recipients = threads.class_recipients(db, found.id, students=True)
    counts = language_counts(recipients)
    versions = []
    source = announcement_source(text, list(counts))
    for lang in counts:
        translation = None
        if lang != source and translator is not None:
            translation = await translator.translate_transient(text, lang, source=source)
        versions.append(Version(lang, translation.text if translation else text,
                                bool(translation and translation.machine),
                                pack_glossary(db, text, lang), counts[lang], source))
    return save_plan(db, found, teacher_id, text, versions, recipients, now)


def language_counts(recipients: list[threads.Recipient]) -> dict[str, int]:
    """People (once each) per language of an announcement's readers, English first."""
    counts: dict[str, int] = {}
    for person in {(r.telegram_id, r.language) for r in recipients}:
        counts[person[1]] = counts.get(person[1], 0) + 1
    return {lang: counts[lang] for lang in sorted(counts, key=lambda code: (code != "en", code))}


def save_plan(db: Database, found: people.ClassInfo, teacher_id: int, english: str,
              versions: list[Version], recipients: list[threads.Recipient],
              now: datetime, closed_day: date | None = None) -> AnnouncementPlan:
    """Keep an announcement's versions until the teacher confirms, and say whom it reaches."""
    stored = {v.language: {"text": v.text, "machine": v.machine, "source": v.source,
                           "ready": v.ready} for v in versions}
    announcement_id = threads.add_announcement(db, found.id, teacher_id, english, stored, now,
                                               closed_day)
    return AnnouncementPlan(announcement_id, found.name, english, tuple(versions),
                            len({r.telegram_id for r in recipients if r.role == FAMILY}),
                            len({r.telegram_id for r in recipients if r.role == STUDENT}),
                            threads.unreachable_students(db, found.id), class_id=found.id,
                            teacher_id=teacher_id)


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
    ready: bool = False  # a ready-made announcement people wrote in this language

    @property
    def untranslated(self) -> bool:
        """Whether a family member gets the teacher's words in a language they do not read
        (no model here): their message says so, and offers "🔤 I cannot read this"."""
        return self.role == FAMILY and not self.ready and not self.machine \
            and self.language not in (self.source, "en")


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
                                   person.role, version.get("source", "en"),
                                   bool(version.get("ready"))))
    if not deliveries:  # "families" when none is linked (an old button): nothing is queued
        threads.drop_announcement(db, announcement_id)
        raise AnnounceError(prompt_key="announce-none", class_name=class_name(db, found.class_id))
    return found, deliveries


BEGINNING = 30  # characters of an announcement a reply to it is tagged with


def beginning(text: str) -> str:
    """An announcement's first words, as a family's reply to it is tagged ("Field trip on…"):
    its first line, cut at a word."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) <= BEGINNING:
        return line
    head = line[:BEGINNING]
    space = head.rfind(" ")
    return (head[:space] if space > BEGINNING // 2 else head).rstrip(" ,.;:") + "…"


def queue_announcement(db: Database, found: threads.Announcement,
                       rendered: list[tuple[Delivery, list[str], Spoken | None]],
                       now: datetime,
                       listen_rows: ListenRows | None = None,
                       cannot_read: Callable[[str], Rows] | None = None) -> int:
    """Queue one outbox row per person (one per message of a long one, in order; the last
    holds the buttons) in one transaction and drop the stored text. A ready-made one
    (people's words in every language) keeps what its 🔊 reads aloud (`spoken`, under a 🔊
    from `listen_rows`); one a family member gets untranslated has the buttons
    `cannot_read` makes in their language."""
    with db.atomic():
        if not threads.close_announcement(db, found.id, now, beginning(found.text)):
            raise AnnounceError(prompt_key="announce-gone")
        for delivery, texts, spoken in rendered:  # a reply to one finds it, once sent
            rows = cannot_read(delivery.language) \
                if cannot_read is not None and delivery.untranslated else []
            for number, text in enumerate(texts, 1):
                last = number == len(texts)
                row_id = outbox.enqueue(db, None, delivery.telegram_id, "announcement",
                                        {"text": text, "buttons": [], "rows": rows if last
                                         else [], "forget": True, "announcement": found.id,
                                         "part": not last}, now, now)
            keep_reading(db, row_id, spoken, delivery.language, listen_rows)
    return len(rendered)


def spent_prompt(db: Database, teacher_id: int, announcement_id: int) -> str:
    """What a tap on an announcement's spent buttons says: it went ("Already sent ✅"), else
    that it was sent or cancelled (a cancelled one is dropped, as is one forgotten since by
    retention: the store cannot tell them apart). Another teacher's is only an old button."""
    found = threads.get_announcement(db, announcement_id)
    if found is not None and found.teacher_id != teacher_id:
        return "button-stale"
    return "announce-already-sent" if found is not None and found.sent else "announce-gone"


def cancel_announcement(db: Database, teacher_id: int, announcement_id: int) -> None:
    found = threads.get_announcement(db, announcement_id)
    if found is not None and found.teacher_id == teacher_id:
        threads.drop_announcement(db, announcement_id)


def class_name(db: Database, class_id: int) -> str:
    found = people.class_by_id(db, class_id)
    return found.name if found else "-"
