"""The words a class starts with: its pack (a class made with /newclass has none, so the
starter pack, DEFAULT_PACK), which fills a student's open slots whenever no pushed word is
waiting. Said at /newclass and in /report, so a teacher is not surprised by words she never
pushed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain.packs import DEFAULT_PACK
from bot.domain.scaffold import NEW_WORDS_AT_ONCE
from bot.store import outbox, people
from bot.store.packs import pack_title
from bot.store.reports import ClassMatrix


@dataclass(frozen=True)
class StarterPack:
    """A class's starter pack, and how many new words a student starts with at once."""

    pack_id: str
    title: str
    fewest: int = NEW_WORDS_AT_ONCE[0]  # at level 1
    most: int = NEW_WORDS_AT_ONCE[1]    # at levels 5-6
    words: int = 0  # in a report: the class's words that came from it, never pushed


def starter_pack(db: Database, class_info: people.ClassInfo) -> StarterPack:
    """The pack a class's students start with before (and between) the teacher's pushes."""
    pack_id = class_info.pack_id or DEFAULT_PACK
    return StarterPack(pack_id, pack_title(db, pack_id) or pack_id)


def starter_in_report(db: Database, class_info: people.ClassInfo, matrix: ClassMatrix
                      ) -> StarterPack | None:
    """The starter pack of a class made with /newclass, with the words of the report that came
    from it and were never pushed to the class (None when there are none)."""
    if class_info.pack_id is not None:  # a class made with its own pack: its words are hers
        return None
    pushed = outbox.words_sent_to_class(db, class_info.id)
    words = sum(1 for w in matrix.given if w.pack_id == DEFAULT_PACK and w.id not in pushed)
    if not words:
        return None
    found = starter_pack(db, class_info)
    return StarterPack(found.pack_id, found.title, words=words)
