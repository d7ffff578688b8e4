"""Studying: preview the current words, run short formative checks, track mastery."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.checks import (
    FULL_CHECK,
    MAX_CHECK,
    Grade,
    Item,
    WordRef,
    build_check,
    build_item,
    grade_choice,
    grade_typed,
    hold_back,
)
from bot.domain.cognates import Relation, fold, relation_for
from bot.domain.errors import PuenteError
from bot.domain.mastery import (
    RECALL,
    MasteryState,
    WordMastery,
    is_due,
    needs_help,
    new_mastery,
    next_review,
    ready_at,
    recall_ready,
    record_answer,
)
from bot.domain.packs import DEFAULT_PACK, Word
from bot.domain.placement import student_level
from bot.domain.reteach import easier, needs_reteach
from bot.domain.scaffold import ItemType, Scaffold, WidaLevel, scaffold_for
from bot.domain.typed_answers import NOT_AN_ANSWER, Verdict, own_terms, pack_terms
from bot.store import people, study
from bot.store.packs import StoredWord, pack_words, words_by_id

UTC = ZoneInfo("UTC")  # a check's "next review in N days" where no school zone is given
ACTIVE = (MasteryState.NEW, MasteryState.LEARNING)  # words a learner is still learning


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
    packs = tuple(dict.fromkeys(e.pack_id or DEFAULT_PACK for e in classes))
    return Learner(student.id, student.first_name, student.language, level_of(classes), packs)


def level_of(classes: Iterable[people.Enrollment]) -> int | None:
    """The one English level a student is taught at, whatever class they study for."""
    return student_level((e.wida_level, e.level_by_teacher) for e in classes)


def _refs(words: list[StoredWord]) -> list[WordRef]:
    return [WordRef(w.id, w.word, w.pack_id) for w in words]


@dataclass(frozen=True)
class PreviewWords:
    """A preview's words in card order: those being learned, then the unread ones."""

    refs: list[WordRef]
    unread: int  # the last `unread` cards were never shown to the student (new to them)


def preview_words(db: Database, who: Learner, now: datetime) -> PreviewWords:
    """The words being learned now, for a preview (/words): cards already seen first, then the
    cards the student has not seen yet (unlocked earlier or pushed, never opened), then any
    newly unlocked ones. Nothing counts as shown until its card is (cards_shown)."""
    fresh = unlock(db, who, now)
    states = study.student_mastery(db, who.id)
    fresh_ids = {w.id for w in fresh}
    ids = sorted(w for w, s in states.items() if s.state in ACTIVE and w not in fresh_ids)
    seen = [w for w in ids if states[w].previewed]
    unseen = [w for w in ids if not states[w].previewed]
    return PreviewWords(_refs(words_by_id(db, seen + unseen)) + fresh, len(unseen) + len(fresh))


def current_words(db: Database, who: Learner, now: datetime) -> list[WordRef]:
    """The words being learned now, for a preview, with any newly unlocked ones last."""
    return preview_words(db, who, now).refs


def unread_words(db: Database, who: Learner, fresh: list[WordRef]) -> list[WordRef]:
    """Words the student has started whose cards they have not seen yet, `fresh` (just
    unlocked) last: a check shows these cards first and never asks them."""
    fresh_ids = {w.id for w in fresh}
    ids = sorted(w for w, s in study.student_mastery(db, who.id).items()
                 if not s.previewed and w not in fresh_ids)
    return _refs(words_by_id(db, ids)) + fresh


def cards_shown(db: Database, student_id: int, word_ids: list[int], now: datetime) -> None:
    """Record that these words' cards were just shown to the student: from now on a check may
    ask them (a card never shown is never asked)."""
    study.mark_shown(db, student_id, word_ids, now)


def unlock(db: Database, who: Learner, now: datetime) -> list[WordRef]:
    """Introduce new words into the open slots: a few unlock as earlier ones reach "reviewing",
    so no one is stuck behind one hard word. Only a preview (a card) calls this."""
    chosen = unlockable(db, who, study.student_mastery(db, who.id))
    introduce(db, who, chosen, now)
    return _refs(chosen)


def unlockable(db: Database, who: Learner, states: dict[int, WordMastery]) -> list[StoredWord]:
    """The words a preview would unlock now: the open slots, filled in pack order."""
    active = sum(1 for s in states.values() if s.state in ACTIVE)
    fresh: list[StoredWord] = []
    for pack_id in who.pack_ids:
        fresh.extend(w for w in pack_words(db, pack_id) if w.id not in states)
    return fresh[:max(0, who.scaffold.words_per_set - active)]


def introduce(db: Database, who: Learner, words: list[StoredWord], now: datetime) -> None:
    """Start tracking previewed words (a word already tracked keeps its history)."""
    with db.atomic():
        for w in words:
            if study.get_mastery(db, who.id, w.id) is None:
                cognate = relation_for(w.word, who.language).relation is Relation.COGNATE
                study.save_mastery(db, who.id, w.id, new_mastery(w.id, now, cognate=cognate),
                                   now)


def recall_on_due_reviews(db: Database, who: Learner, items: list[Item], pool: list[WordRef],
                          now: datetime, rng: random.Random) -> list[Item]:
    """A due review that could master its word is asked as recall: typed from level 3 on (four
    options on the home-language term are guessed right a quarter of the time), home language
    -> English at levels 1-2, typed there too when the home-language term gives the word away
    (a cognate). Recognition on such a review would be wasted evidence."""
    states = study.student_mastery(db, who.id)
    kinds = (ItemType.REVERSE, ItemType.TYPED) if who.scaffold.level < WidaLevel.DEVELOPING \
        else (ItemType.TYPED, ItemType.REVERSE)
    refs = {r.id: r for r in pool}
    seen = _seen(states)  # a beginner's options stay among words they have seen
    out = []
    for item in items:  # one item a word (build_check): each due review is asked once
        state = states.get(item.word_id)
        if (item.item_type is not kinds[0] and state is not None
                and item.word_id in refs and recall_ready(state, now)):
            for kind in kinds:
                recall = build_item(refs[item.word_id], pool, kind, who.language, who.scaffold,
                                    rng, seen)
                if recall.item_type in RECALL:
                    item = recall
                    break
        out.append(item)
    return out


def _seen(states: dict[int, WordMastery]) -> frozenset[int]:
    """Words whose cards the student has opened: at levels 1-2 the only fair options (a word
    never seen is ruled out by being strange, so an item with it is passed by elimination)."""
    return frozenset(w for w, s in states.items() if s.previewed)


def check_words(db: Database, who: Learner, now: datetime, tz: ZoneInfo) -> list[WordRef]:
    """What a check would ask now (ready_ids), in the order it asks them."""
    return _refs(words_by_id(db, ready_ids(study.student_mastery(db, who.id), now, tz)))


def ready_ids(states: dict[int, WordMastery], now: datetime, tz: ZoneInfo) -> list[int]:
    """The one rule for what a check would ask now, which /check, /progress, the daily reminder
    and a check's last message all count: words whose cards the student has seen and that are
    ready (is_due: due, past the retention gap, not answered earlier today); reviews first,
    then words still new or learning, the longest waiting first."""
    ready = (w for w, s in states.items() if s.previewed and is_due(s, now, tz))
    return sorted(ready, key=lambda w: (states[w].state in ACTIVE, ready_at(states[w], tz), w))


@dataclass(frozen=True)
class NextStep:
    """What comes next for a student, as /progress, /check and a check's last message say it."""

    ready: int                # words a /check would ask now (at most one check's worth)
    waiting: int              # cards to read first: never opened, or what /words would unlock
    next_in_days: int | None  # local days until the next word is ready (None: none will be)


def next_step(db: Database, who: Learner, now: datetime, tz: ZoneInfo) -> NextStep:
    """A check when words are ready (ready_ids), cards to read, or when words come back."""
    tracked = study.student_mastery(db, who.id)
    shown = [s for s in tracked.values() if s.previewed]  # a card never shown is never asked
    waiting = len(tracked) - len(shown) + len(unlockable(db, who, tracked))
    return NextStep(min(len(ready_ids(tracked, now, tz)), MAX_CHECK), waiting,
                    review_in_days(shown, now, tz))


@dataclass(frozen=True)
class Question:
    item_id: int
    number: int
    total: int
    item: Item
    lang: str
    level: int | None
    practice: bool = False  # a re-teaching item: "Practice again", outside number/total


@dataclass(frozen=True)
class ShortCheck:
    """A check with fewer questions than usual (few words are ready): what comes next."""

    new_cards: bool              # words unlocked now: they come in the next check
    next_in_days: int | None     # local days until the next review comes due (0: today)


@dataclass(frozen=True)
class CheckStart:
    """What /check begins with: the cards the student has not seen, then (maybe) a question."""

    unread: list[WordRef]       # unlocked now or never opened: shown first, never asked now
    question: Question | None   # None: nothing else to ask, so the cards lead to the check
    short: ShortCheck | None = None  # a check under FULL_CHECK questions says why
    cards_first: bool = False   # levels 1-2: the check waits for these cards (say so)
    not_yet: bool = False       # levels 1-2: nothing fair to ask yet, and no cards waiting
    later: NextStep | None = None    # no question and no card: when words come back


def begin_check(db: Database, user_id: int, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC) -> CheckStart:
    """Unlock words whose slots are open and start a check on the words the student has
    already had time to learn; the cards they have not seen come first.

    A word whose card the student has not seen is not asked: not one unlocked by this /check (a
    question right after its card measures memory of the card, not learning), nor one from an
    earlier preview or push whose card they never opened (one card a message at levels 1-3).
    When nothing else is ready, the cards alone are sent, and their ✅ Check starts a later
    check. At levels 1-2 a word with no fair options yet (one card read of three) is never
    typed: with cards waiting, the check waits for them (their words give the options), else
    the word waits for a later check. A check asks each word once, so few ready words make a
    short check: the student is told why, and when more words come.

    A check already open is not replaced: its open question comes again (a second ✅ Check
    or /check would leave the first check's buttons dead and its answers unscored)."""
    who = learner(db, user_id)
    resumed = open_question(db, who, now, tz)
    if resumed is not None:
        return CheckStart([], resumed)
    unread = unread_words(db, who, unlock(db, who, now))
    items, held = check_items(db, who, now, rng, size, hears, tz)
    if held and unread:
        return CheckStart(unread, None, cards_first=True)
    question = save_check(db, who, items, now)
    not_yet = question is None and held > 0  # nothing fair to ask, and no cards waiting
    if question is None and not not_yet:  # nothing is ready: the cards lead, or say when
        return CheckStart(unread, None, later=None if unread else next_step(db, who, now, tz))
    short = None
    if not_yet or (question is not None and question.total < min(size, FULL_CHECK)):
        short = ShortCheck(bool(unread), next_step(db, who, now, tz).next_in_days)
    return CheckStart(unread, question, short, not_yet=not_yet)


def review_in_days(states: Iterable[WordMastery], now: datetime, tz: ZoneInfo) -> int | None:
    """Local days until the next word is ready (0: later today; None: none will be)."""
    due = next_review(states, now, tz)
    return (due.astimezone(tz).date() - now.astimezone(tz).date()).days if due else None


def open_question(db: Database, who: Learner, now: datetime, tz: ZoneInfo = UTC
                  ) -> Question | None:
    """The question the student's open check waits on (None: no check is open, or it was left
    on an earlier school day: a question from days ago, with that day's score, would puzzle a
    child, and what is ready to ask has changed since; a new check replaces it)."""
    stored = study.next_open_item(db, who.id)
    if stored is None:
        return None
    if stored.asked_at is not None and \
            stored.asked_at.astimezone(tz).date() < now.astimezone(tz).date():
        return None
    where = study.check_state(db, stored.id)
    item = where.next_item
    if item is None:  # an item stored without a check id (none are now)
        return None
    return Question(item.id, where.number, where.total, item.item, who.language, who.level,
                    item.practice)


def start_check(db: Database, user_id: int, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC
                ) -> Question | None:
    """Build a short check over the words ready now (check_words); return the first question
    (None: nothing to ask). An open check is closed unanswered: begin_check resumes one."""
    who = learner(db, user_id)
    return save_check(db, who, check_items(db, who, now, rng, size, hears, tz)[0], now)


def check_items(db: Database, who: Learner, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC
                ) -> tuple[list[Item], int]:
    """The items a new check would ask, and how many words it holds back (levels 1-2: no
    fair options yet, see `hold_back`).

    Only words whose cards the student has seen are asked or offered as options at levels 1-2.
    `hears`: an English voice can say words (speech is on), so levels 1-2 get listening items."""
    targets = check_words(db, who, now, tz)
    if not targets:
        return [], 0
    # Distractors come from the targets' own packs first (a pushed word among the class
    # pack's words would stand out by subject), and at levels 1-2 only from previewed words.
    packs = dict.fromkeys([*(t.pack_id for t in targets), *who.pack_ids])
    pool = _refs([w for pid in packs for w in pack_words(db, pid)])
    seen = _seen(study.student_mastery(db, who.id))
    items, held = hold_back(build_check(targets[:size], pool, who.language, who.scaffold, rng,
                                        size, seen, hears), who.scaffold)
    return recall_on_due_reviews(db, who, items, pool, now, rng), len(held)


def save_check(db: Database, who: Learner, items: list[Item], now: datetime
               ) -> Question | None:
    """Store a new check (closing any open one) and return its first question; None, and
    nothing closed, when there is nothing to ask."""
    if not items:
        return None
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
    reteach: WordRef | None = None  # missed twice in a row: its card again, home language first
    level: int | None = None
    false_friend: str | None = None  # typed the look-alike the card warns about: warn again
    slipped: bool = False  # the check is over and missed a word answered right before it
    next: NextStep | None = None  # the check is over: what comes next, as /progress says it


class StaleItemError(PuenteError):
    """A button from an old or someone else's check: never graded."""

    prompt_key = "check-stale"
    quiet = False  # the tap says why (its prompt), or nothing at all (True: a double tap)


class AnsweredItemError(StaleItemError):
    """The student's own item, graded already: a double tap, whose first tap's feedback is on
    screen, so it says nothing (graded once; a poll or typed answer still says so)."""

    quiet = True


class AnsweredBeforeError(AnsweredItemError):
    """A copy of a question the student answered in a newer message, during the same check."""

    prompt_key = "check-stale-answered"
    quiet = False


class FinishedCheckError(AnsweredItemError):
    """A question of a check that is over (finished, or replaced by a newer check)."""

    prompt_key = "check-stale-finished"
    quiet = False


DOUBLE_TAP = timedelta(seconds=10)  # a tap this soon after the check's last answer


def _answered(check: study.Check | None, now: datetime) -> AnsweredItemError:
    """Why a tap on an answered item grades nothing: a double tap (moments after the last
    answer, which is on screen), a copy of a question answered below, or a check that is
    over."""
    last = check.last_answer() if check is not None else None
    if check is None or (last is not None and now - last < DOUBLE_TAP):
        return AnsweredItemError()
    if check.state().next_item is not None:
        return AnsweredBeforeError()
    return FinishedCheckError()


def answer_choice(db: Database, user_id: int, item_id: int, option: int, now: datetime,
                  tz: ZoneInfo) -> Feedback:
    """Grade a tapped option, checked against the item the server sent this student."""
    check: study.Check | None = study.read_check(db, item_id)  # the item and its check: one read
    stored = check.item(item_id) if check is not None else None
    if stored is None:  # an item stored without a check id (none are now) is read by its id
        stored, check = study.get_item(db, item_id), None
    if stored is None or stored.student_id != user_id or stored.item.typed:
        raise StaleItemError()
    if stored.answered:
        raise _answered(check, now)
    return _finish(db, stored, grade_choice(stored.item, option), now, tz, check=check)


def answer_poll(db: Database, user_id: int, poll_id: str, option: int, now: datetime,
                tz: ZoneInfo) -> Feedback:
    """Grade a quiz-poll answer (it carries no chat: the poll id finds the item)."""
    stored = study.item_by_poll(db, poll_id)
    if stored is None or stored.student_id != user_id:
        raise StaleItemError()
    return _finish(db, stored, grade_choice(stored.item, option), now, tz)


@dataclass(frozen=True)
class WriteInEnglish:
    """The student typed the home-language word: say so kindly; the question stays open."""

    lang: str
    typed: str


@dataclass(frozen=True)
class TapAnAnswer:
    """Text that is none of the open multiple-choice item's answers: point to its buttons."""


@dataclass(frozen=True)
class TypeTheWord:
    """Typed text with no word in it, or far too long to be one: nothing is graded or counted,
    the question stays open, and `key` asks the student for the word."""

    key: str


def answer_typed(db: Database, user_id: int, text: str, now: datetime, tz: ZoneInfo
                 ) -> Feedback | WriteInEnglish | TapAnAnswer | TypeTheWord | None:
    """Grade free text against the student's open item; None when no item is open.

    Text that matches a button's label during a button question counts as that tap.
    """
    stored = study.next_open_item(db, user_id)
    if stored is None:
        return None
    who = learner(db, user_id)
    if not stored.item.typed:
        index = matching_option(stored.item, text)
        if index is None:  # "extint" while the buttons wait: the answer is a tap away
            return TapAnAnswer()
        return _finish(db, stored, grade_choice(stored.item, index), now, tz, who)
    found = words_by_id(db, [stored.item.word_id])
    packs = dict.fromkeys([*(w.pack_id for w in found), *who.pack_ids])
    terms, _ = pack_terms([w.word for pid in packs for w in pack_words(db, pid)], who.language)
    # Only this word's own gloss earns "write it in English": another word's gloss or the
    # false friend its card warns about ("soportar" for support) is a miss.
    own, false_friends = own_terms(found[0].word, who.language) if found else ([], [])
    forms = found[0].word.forms if found else ()
    grade = grade_typed(text, stored.item.answer, terms, forms=forms, home_terms=own,
                        lang=who.language, false_friends=false_friends)
    if grade.verdict in NOT_AN_ANSWER:  # "🙂", "?!" or a paragraph: ask again, not a miss
        return TypeTheWord("typed-too-long" if grade.verdict is Verdict.TOO_LONG
                           else "typed-empty")
    if grade.verdict is Verdict.HOME_LANGUAGE_WORD:
        return WriteInEnglish(who.language, text.strip()[:60])  # one more try, not a miss
    return _finish(db, stored, grade, now, tz, who)


def matching_option(item: Item, text: str) -> int | None:
    """The index of the option whose label (or number) the student typed, if exactly one."""
    typed = fold(" ".join(text.split()))
    if typed.isdigit() and 1 <= int(typed) <= len(item.options):
        return int(typed) - 1
    matches = [i for i, option in enumerate(item.options) if fold(option) == typed]
    return matches[0] if len(matches) == 1 else None


def _finish(db: Database, stored: study.StoredItem, grade: Grade, now: datetime,
            tz: ZoneInfo, who: Learner | None = None, check: study.Check | None = None
            ) -> Feedback:
    if stored.answered:
        raise AnsweredItemError()
    item, who = stored.item, who or learner(db, stored.student_id)
    word = words_by_id(db, [item.word_id])[0].word
    with db.atomic():  # closing the item and counting the answer stand or fall together
        if not study.close_item(db, stored.id, grade.correct, now):
            raise AnsweredItemError()  # a replayed tap, or two taps at once: graded once
        state = study.get_mastery(db, who.id, item.word_id) or new_mastery(item.word_id, now)
        updated = record_answer(state, correct=grade.correct, exact=grade.exact,
                                item_type=item.item_type, typed=item.typed, now=now,
                                local_day=now.astimezone(tz).date().isoformat(),
                                choices=len(item.options) or None)
        study.save_mastery(db, who.id, item.word_id, updated, now, answered=grade.correct,
                           listening=item.item_type is ItemType.LISTEN)
        study.record_attempt(db, who.id, item.word_id, item.item_type, stored.prompt_lang,
                             grade.correct, now)
        again = reteach(db, stored, who, updated, now)
    gloss = word.glosses.get(who.language)
    # The check as read before this answer, with it answered; read again when re-teaching
    # added an item (or nobody read it yet).
    where = (check.answered(stored.id, grade.correct).state() if check and again is None
             else study.check_state(db, stored.id))
    score, question, slipped, after = None, None, False, None
    if where.next_item is None:
        score = (where.right, where.answered)
        # "These words are still new for you" is only true of words never answered right
        slipped = where.right < where.answered and study.missed_known_words(db, stored.id)
        after = next_step(db, who, now, tz)
    else:
        question = Question(where.next_item.id, where.number, where.total,
                            where.next_item.item, who.language, who.level,
                            where.next_item.practice)
    return Feedback(who.id, who.first_name, item.word_id, grade, word.term,
                    gloss.term if gloss else None, who.language,
                    updated.mastered and not state.mastered,
                    needs_help(updated) and not needs_help(state), question, score, again,
                    who.level, _false_friend(word, who.language, grade), slipped, after)


def _false_friend(word: Word, lang: str, grade: Grade) -> str | None:
    """The look-alike the student typed, when it is the one this word's card warns about."""
    if grade.verdict is not Verdict.FALSE_FRIEND:
        return None
    return relation_for(word, lang).lookalike


def reteach(db: Database, stored: study.StoredItem, who: Learner, updated: WordMastery,
            now: datetime) -> WordRef | None:
    """After a second miss in a row: add an easier item (two options) on the word to the check
    and return the word, whose card the student sees again, home language first.

    The easier item is practice ("Practice again"): the check's "Question n/N" and its score
    stay as they were when it started, so the check never grows while the student fails."""
    if not needs_reteach(updated.misses_in_row):
        return None
    found = words_by_id(db, [stored.item.word_id])
    if not found:
        return None
    target = _refs(found)[0]
    rng = random.Random(stored.id)  # the same re-teaching item if the answer is replayed
    item = stored.item
    if item.typed:
        pool = _refs([w for pid in who.pack_ids for w in pack_words(db, pid)])
        item = build_item(target, pool, ItemType.CHOICE, who.language, who.scaffold, rng,
                          _seen(study.student_mastery(db, who.id)))
    if item.options:
        study.append_item(db, stored.id, who.id, stored.prompt_lang, easier(item, rng), now)
    return target


def poll_sent(db: Database, item_id: int, poll_id: str) -> None:
    """Remember which quiz poll carries an item: a poll answer names only the poll."""
    study.set_poll_id(db, item_id, poll_id)
