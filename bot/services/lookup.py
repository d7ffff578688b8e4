"""A word a student types in their home language outside a check: the English words of theirs
it is the gloss of (their classes' packs, and words pushed to them from others)."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.gloss_lookup import glossed_words
from bot.services.learners import NoLanguageError, NotEnrolledError, learner
from bot.store import study
from bot.store.packs import pack_words, words_by_id


def home_word(db: Database, user_id: int, text: str) -> list[WordRef]:
    """The student's words whose gloss in their language `text` is (none when not enrolled)."""
    try:
        who = learner(db, user_id)
    except (NotEnrolledError, NoLanguageError):  # nothing of theirs to look in
        return []
    words = {w.id: w for pack in who.pack_ids for w in pack_words(db, pack)}
    met = [i for i in study.student_mastery(db, who.id) if i not in words]
    words.update((w.id, w) for w in words_by_id(db, met))
    refs = [WordRef(w.id, w.word, w.pack_id) for w in words.values()]
    return glossed_words(text, refs, who.language)
