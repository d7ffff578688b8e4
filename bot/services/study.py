"""Studying: preview the current words, run short formative checks, track mastery."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.checks import Grade, Item, WordRef, build_check, grade_choice, grade_typed
from bot.domain.cognates import Relation, relation_for
from bot.domain.errors import PuenteError
from bot.domain.mastery import needs_help, new_mastery, record_answer
from bot.domain.scaffold import Scaffold, scaffold_for
from bot.store import people, study
from bot.store.packs import StoredWord, pack_words, words_by_id

DEFAULT_PACK = "general.academic-verbs"


class NotEnrolledError(PuenteError):
    prompt_key = "not-enrolled"


class NoLanguageError(PuenteError):
    prompt_key = "language-needed"


@dataclass(frozen=True)
class Learner:
    id: int
    first_name: str
    language: str
    level: int | None
    pack_ids: tuple[str, ...]

    @property
    def scaffold(self) -> Scaffold:
        return scaffold_for(self.level)


def learner(db: Database, user_id: int) -> Learner:
    """Load the student as study needs them, or raise a kind error."""
    student, classes = people.student_with_classes(db, user_id)
    if student is None or not classes:
        raise NotEnrolledError()
    if student.language is None:
        raise NoLanguageError()
    levels = [e.wida_level for e in classes if e.wida_level is not None]
    packs = tuple(dict.fromkeys(e.pack_id or DEFAULT_PACK for e in classes))
    return Learner(student.id, student.first_name, student.language,
                   levels[-1] if levels else None, packs)


def _refs(words: list[StoredWord]) -> list[WordRef]:
    return [WordRef(w.id, w.word, w.pack_id) for w in words]


def current_words(db: Database, who: Learner, now: datetime) -> list[WordRef]:
    """The words being learned now; when all are mastered, unlock the next ones."""
    states = study.student_mastery(db, who.id)
    learning = [wid for wid, s in states.items() if not s.mastered]
    if learning:
        return _refs(words_by_id(db, sorted(learning)))
    fresh: list[StoredWord] = []
    for pack_id in who.pack_ids:
        fresh.extend(w for w in pack_words(db, pack_id) if w.id not in states)
    chosen = fresh[:who.scaffold.words_per_set]
    introduce(db, who, chosen, now)
    return _refs(chosen)


def introduce(db: Database, who: Learner, words: list[StoredWord], now: datetime) -> None:
    """Start tracking previewed words (a word already tracked keeps its history)."""
    with db.atomic():
        for w in words:
            if study.get_mastery(db, who.id, w.id) is None:
                cognate = relation_for(w.word, who.language).relation is Relation.COGNATE
                study.save_mastery(db, who.id, w.id, new_mastery(w.id, now, cognate=cognate),
                                   now)


@dataclass(frozen=True)
class Question:
    item_id: int
    number: int
    total: int
    item: Item
    lang: str
    level: int | None


def start_check(db: Database, user_id: int, now: datetime, rng: random.Random,
                size: int = 5) -> Question | None:
    """Build a short check over due reviews and current words; return the first question."""
    who = learner(db, user_id)
    due = words_by_id(db, study.due_word_ids(db, who.id, now, limit=size))
    due_ids = {d.id for d in due}
    targets = _refs(due) + [w for w in current_words(db, who, now) if w.id not in due_ids]
    if not targets:
        return None
    # Distractors come from the targets' own packs first (a pushed word among the class
    # pack's words would stand out by subject), and at levels 1-2 only from previewed words.
    packs = dict.fromkeys([*(t.pack_id for t in targets), *who.pack_ids])
    pool = _refs([w for pid in packs for w in pack_words(db, pid)])
    seen = frozenset(study.student_mastery(db, who.id))
    items = build_check(targets[:size], pool, who.language, who.scaffold, rng, size, seen)
    ids = study.save_items(db, who.id, who.language, items, now)
    return Question(ids[0], 1, len(ids), items[0], who.language, who.level)


@dataclass(frozen=True)
class Feedback:
    student_id: int
    student_name: str
    word_id: int
    grade: Grade
    term: str
    l1_term: str | None
    lang: str
    newly_mastered: bool
    alert_teacher: bool
    next_question: Question | None
    score: tuple[int, int] | None  # (right, asked) when the check is over


class StaleItemError(PuenteError):
    """A button from an old or someone else's check: never graded."""

    prompt_key = "check-stale"


def answer_choice(db: Database, user_id: int, item_id: int, option: int, now: datetime,
                  tz: ZoneInfo) -> Feedback:
    """Grade a tapped option, checked against the item the server sent this student."""
    stored = study.get_item(db, item_id)
    if stored is None or stored.student_id != user_id or stored.item.typed:
        raise StaleItemError()
    return _finish(db, stored, grade_choice(stored.item, option), now, tz)


def answer_poll(db: Database, user_id: int, poll_id: str, option: int, now: datetime,
                tz: ZoneInfo) -> Feedback:
    """Grade a quiz-poll answer (it carries no chat: the poll id finds the item)."""
    stored = study.item_by_poll(db, poll_id)
    if stored is None or stored.student_id != user_id:
        raise StaleItemError()
    return _finish(db, stored, grade_choice(stored.item, option), now, tz)


def answer_typed(db: Database, user_id: int, text: str, now: datetime,
                 tz: ZoneInfo) -> Feedback | None:
    """Grade free text against the student's open typed item; None when nothing is open."""
    stored = study.next_open_item(db, user_id)
    if stored is None or not stored.item.typed:
        return None
    # grade_typed skips the expected word itself when it looks for "a different pack word".
    who = learner(db, user_id)
    pool_terms = [w.word.term for pid in who.pack_ids for w in pack_words(db, pid)]
    grade = grade_typed(text, stored.item.answer, pool_terms)
    return _finish(db, stored, grade, now, tz, who)


def _finish(db: Database, stored: study.StoredItem, grade: Grade, now: datetime,
            tz: ZoneInfo, who: Learner | None = None) -> Feedback:
    if stored.answered:
        raise StaleItemError()
    item, who = stored.item, who or learner(db, stored.student_id)
    word = words_by_id(db, [item.word_id])[0].word
    with db.atomic():  # closing the item and counting the answer stand or fall together
        if not study.close_item(db, stored.id, grade.correct, now):
            raise StaleItemError()  # a replayed tap, or two taps at once: graded once
        state = study.get_mastery(db, who.id, item.word_id) or new_mastery(item.word_id, now)
        updated = record_answer(state, correct=grade.correct, exact=grade.exact,
                                item_type=item.item_type, typed=item.typed, now=now,
                                local_day=now.astimezone(tz).date().isoformat())
        study.save_mastery(db, who.id, item.word_id, updated, now, answered=grade.correct)
        study.record_attempt(db, who.id, item.word_id, item.item_type, stored.prompt_lang,
                             grade.correct, now)
    gloss = word.glosses.get(who.language)
    check = study.check_state(db, stored.id)
    score, question = None, None
    if check.next_item is None:
        score = (check.right, check.answered)
    else:
        question = Question(check.next_item.id, check.number, check.total,
                            check.next_item.item, who.language, who.level)
    return Feedback(who.id, who.first_name, item.word_id, grade, word.term,
                    gloss.term if gloss else None, who.language,
                    updated.mastered and not state.mastered,
                    needs_help(updated) and not needs_help(state), question, score)


@dataclass(frozen=True)
class Progress:
    mastered: int
    learning: int
    due: int
    streak_days: int
    history: tuple[tuple[str, int], ...]  # (local date, words mastered by then), for a chart


def progress(db: Database, user_id: int, now: datetime, tz: ZoneInfo) -> Progress:
    """Count mastered / learning / due words and the streak of study days."""
    who = learner(db, user_id)
    states = study.student_mastery(db, who.id)
    mastered = [s for s in states.values() if s.mastered]
    due = sum(1 for s in states.values() if s.due_at <= now)
    days = {datetime.fromisoformat(d + "T12:00:00+00:00").astimezone(tz).date()
            for d in study.attempt_days(db, who.id)}
    streak, day = 0, now.astimezone(tz).date()
    if day not in days:
        day -= timedelta(days=1)
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    dates = sorted({s.mastered_at.astimezone(tz).date() for s in mastered if s.mastered_at})
    history = tuple((d.isoformat(), sum(1 for s in mastered if s.mastered_at and
                                        s.mastered_at.astimezone(tz).date() <= d))
                    for d in dates)
    return Progress(len(mastered), len(states) - len(mastered), due, streak, history)
