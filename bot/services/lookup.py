"""A word a student types outside a check: the English words of theirs it is the gloss of, or
else the English word of theirs it is or misspells (their classes' packs, and words pushed to
them from others)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.english_spelling import english_words as english_list
from bot.domain.free_text import about_word, meaning_asked
from bot.domain.gloss_lookup import EnglishWords, asked_word, english_words, school_glossed
from bot.services.learners import Learner, NoLanguageError, NotEnrolledError, learner
from bot.store import study
from bot.store.packs import pack_words, words_by_id


@dataclass(frozen=True)
class Found:
    """What a student's text outside a check names among their words."""

    home: list[WordRef] = field(default_factory=list)  # it is their gloss ("ugaarsade")
    home_language: str | None = None  # the gloss's language: theirs, or French for "cellule"
    english: EnglishWords = field(default_factory=lambda: EnglishWords([]))  # else "analize"
    level: int | None = None  # the student's level: the card a word is shown on


def _their_words(db: Database, user_id: int) -> tuple[Learner, list[WordRef]] | None:
    """The student and their words (None when not enrolled, or with no language yet)."""
    try:
        who = learner(db, user_id)
    except (NotEnrolledError, NoLanguageError):  # nothing of theirs to look in
        return None
    words = {w.id: w for pack in who.pack_ids for w in pack_words(db, pack)}
    met = [i for i in study.student_mastery(db, who.id) if i not in words]
    words.update((w.id, w) for w in words_by_id(db, met))
    return who, [WordRef(w.id, w.word, w.pack_id) for w in words.values()]


def home_word(db: Database, user_id: int, text: str) -> list[WordRef]:
    """The student's words whose gloss in their language (or school's) `text` is (none when
    not enrolled)."""
    theirs = _their_words(db, user_id)
    return school_glossed(text, theirs[1], theirs[0].language)[0] if theirs else []


def look_up(db: Database, user_id: int, text: str) -> Found:
    """The student's words `text` is the gloss of, else the English words of theirs it is
    written as or misspells ("Did you mean analyze?": a misspelled word is no message for the
    teacher); nothing when not enrolled."""
    theirs = _their_words(db, user_id)
    if theirs is None:
        return Found()
    who, refs = theirs
    home, code = school_glossed(text, refs, who.language)
    if not home and (asked := asked_word(text)) is not None:  # "kijan yo di cellule an angle?"
        home, code = school_glossed(asked, refs, who.language)
        if not home:
            english = english_words(asked, refs, who.language)
            if english.refs:
                return Found(english=english, level=who.level)
    if not home and (about := meaning_asked(text)) is not None:  # "ما معنى خلية"
        home, code = school_glossed(about, refs, who.language)
    if home:
        return Found(home, code, level=who.level)
    return Found(english=english_words(text, refs, who.language), level=who.level)


@dataclass(frozen=True)
class AboutWord:
    """A free message about one word of theirs: a question (show its card) or a sentence."""

    ref: WordRef
    question: bool
    level: int | None = None


def about_words(db: Database, user_id: int, text: str) -> AboutWord | None:
    """A short question about exactly one of the student's words, or an English sentence
    using one they have met (a card of theirs asked for it; a pack word they never met in a
    message is more likely a message for the teacher); None otherwise. Nothing is stored."""
    theirs = _their_words(db, user_id)
    if theirs is None:
        return None
    who, refs = theirs
    by_term = {ref.word.term: ref for ref in refs}
    found = about_word(text, list(by_term), english_list())
    if found is None:
        return None
    if not found.question:  # the sentence again, among the words they have met
        met = set(study.student_mastery(db, who.id))
        found = about_word(text, [r.word.term for r in refs if r.id in met], english_list())
        if found is None or found.question:
            return None
    return AboutWord(by_term[found.term], found.question, who.level)

