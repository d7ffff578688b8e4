"""The student as study needs them, and the words they are learning: which unlock into open
slots, which cards they have seen (a word is asked only once its card was shown)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.cognates import Relation, relation_for
from bot.domain.errors import PuenteError
from bot.domain.frozen import quick_init
from bot.domain.mastery import MasteryState, WordMastery, card_shown_today, new_mastery
from bot.domain.pace import extra_slots
from bot.domain.packs import DEFAULT_PACK
from bot.domain.placement import student_level
from bot.domain.scaffold import Scaffold, oral_scaffold_for, scaffold_for
from bot.domain.tiles import LettersFirst
from bot.store import outbox, people, study
from bot.store.packs import (
    StoredWord,
    current_words_by_id,
    pack_words,
    retired_ids,
    words_by_id,
)

ACTIVE = (MasteryState.NEW, MasteryState.LEARNING)  # words a learner is still learning


class NotEnrolledError(PuenteError):
    prompt_key = "not-enrolled"


class NoLanguageError(PuenteError):
    prompt_key = "language-needed"


@quick_init
@dataclass(frozen=True)
class Learner:
    id: int
    first_name: str
    language: str
    level: int | None
    pack_ids: tuple[str, ...]
    class_ids: tuple[int, ...] = ()
    # the typed question's one-time line was said (read with her row: a claim in the store
    # on every answer before a typed question cost the answer an eleventh statement)
    typed_intro: bool = False
    # the days her family excused (sick, not at school), read with her row: no school day of
    # hers, so words never "come back" on one (no reminder comes that day)
    excused: frozenset[date] = frozenset()
    # her "letters first" mark (tiles.LettersFirst; None: never asked nor set), read with her
    # row: level 2's typed questions open on their tiles when it is on (tiles.first)
    letters_mark: int | None = None
    # she cannot read yet (her teacher's /readaloud), read with her row: her level 1-2
    # choice questions are checked orally (read_aloud.py)
    reads_aloud: bool = False

    @property
    def scaffold(self) -> Scaffold:
        # oral checks ask nothing she would have to read (Scaffold.oral)
        return oral_scaffold_for(self.level) if self.reads_aloud else scaffold_for(self.level)

    @property
    def letters_first(self) -> bool:
        """Her typed questions open on their letter tiles at level 2 (tiles.first)."""
        return self.letters_mark == LettersFirst.ON


def learner(db: Database, user_id: int) -> Learner:
    """Load the student as study needs them, or raise a kind error."""
    student, classes = people.student_with_classes(db, user_id)
    if student is None or not classes:
        raise NotEnrolledError()
    if student.language is None:
        raise NoLanguageError()
    packs = tuple(dict.fromkeys(e.pack_id or DEFAULT_PACK for e in classes))
    return Learner(student.id, student.first_name, student.language, level_of(classes), packs,
                   tuple(e.class_id for e in classes), student.typed_intro, student.excused,
                   student.letters_first, student.reads_aloud)


def reads_english_first(db: Database, user_id: int) -> bool:
    """Whether this user is a student at levels 5-6, whose messages read English first
    (scaffold.english_first); False for anyone else."""
    student, classes = people.student_with_classes(db, user_id)
    return student is not None and bool(classes) \
        and scaffold_for(level_of(classes)).english_first


def level_of(classes: Iterable[people.Enrollment]) -> int | None:
    """The one English level a student is taught at, whatever class they study for."""
    return student_level((e.wida_level, e.level_by_teacher) for e in classes)


def studying(db: Database, student_id: int,
             states: dict[int, WordMastery] | None = None) -> dict[int, WordMastery]:
    """The words a student is learning, as study sees them: every word they have started,
    except those retired from their pack (the teacher left them out of a new version: no
    longer taught, shown or asked; their history stays in the reports). `states`: every word
    she started (study.student_mastery), when the caller has read them already."""
    retired = retired_ids(db)
    states = study.student_mastery(db, student_id) if states is None else states
    return {w: s for w, s in states.items() if w not in retired} if retired else states


def word_refs(words: list[StoredWord]) -> list[WordRef]:
    """Stored words as the references checks and previews carry."""
    return [WordRef(w.id, w.word, w.pack_id) for w in words]


@dataclass(frozen=True)
class PreviewWords:
    """A preview's words in card order: the new ones, then those being learned."""

    refs: list[WordRef]
    unread: int  # the first `unread` cards are new to the student (never shown, or first
    # shown today and not answered yet): the preview's header counts them


def preview_words(db: Database, who: Learner, now: datetime,
                  tz: tzinfo | None = None) -> PreviewWords:
    """The words being learned now, for a preview (/words), new ones first: the cards the
    student has not seen yet (unlocked earlier or pushed, never opened), then any newly
    unlocked ones, then those first seen today and not answered yet; then those first seen
    today and answered since, then cards seen before today. The first `unread` are new, never
    shown or first shown today and never answered (a word answered in today's check is no
    longer new: /words said "New words: 10" while /progress said New: 0 · Learning: 10,
    playtest). New first: /words opened on the oldest known card and the new word was on page
    4/4, where a level-2 student never turned (playtest, Vietnamese level 2). Nothing counts as
    shown until its card is (cards_shown). With the school's zone `tz`, a student caught up
    for today gets one more set (pace.extra_slots)."""
    fresh = unlock(db, who, now, tz)
    states = studying(db, who.id)
    fresh_ids = {w.id for w in fresh}
    ids = sorted(w for w, s in states.items() if s.state in ACTIVE and w not in fresh_ids)
    zone = tz or UTC
    today = [w for w in ids if states[w].previewed and card_shown_today(states[w], now, zone)]
    before = [w for w in ids if states[w].previewed and w not in today]
    answered = [w for w in today if states[w].state is not MasteryState.NEW]
    today = [w for w in today if w not in answered]
    unseen = [w for w in ids if not states[w].previewed]
    refs = word_refs(words_by_id(db, unseen)) + fresh + \
        word_refs(words_by_id(db, today + answered + before))
    return PreviewWords(refs, len(today) + len(unseen) + len(fresh))


class PushedCardsGoneError(PuenteError):
    """A "My language first" under a pushed preview this student never got, or whose messages
    were purged since (an old or forged button)."""

    prompt_key = "card-stale"


def pushed_preview(db: Database, who: Learner, push_id: int) -> PreviewWords:
    """The words of one pushed preview, as it reached the student (not the whole /words): its
    new ones are those whose cards she first read since it was sent, or has not read yet."""
    push = outbox.get_push(db, push_id)
    ids = outbox.pushed_cards(db, push_id, who.id) if push is not None else []
    refs = word_refs(words_by_id(db, ids))
    if push is None or not refs:
        raise PushedCardsGoneError()
    read_before = study.shown_before(db, who.id, push.send_at)
    return PreviewWords(refs, sum(1 for r in refs if r.id not in read_before))


def current_words(db: Database, who: Learner, now: datetime) -> list[WordRef]:
    """The words being learned now, for a preview, with any newly unlocked ones last."""
    return preview_words(db, who, now).refs


def unread_words(db: Database, who: Learner, fresh: list[WordRef]) -> list[WordRef]:
    """Words the student has started whose cards they have not seen yet, `fresh` (just
    unlocked) last: a check shows these cards first and never asks them."""
    fresh_ids = {w.id for w in fresh}
    ids = sorted(w for w, s in studying(db, who.id).items()
                 if not s.previewed and w not in fresh_ids)
    return word_refs(words_by_id(db, ids)) + fresh


def cards_shown(db: Database, student_id: int, word_ids: list[int], now: datetime) -> None:
    """Record that the student just read these words' cards (her own /words, or a tap on her
    cards; never their delivery by a teacher's push): from now on a check may ask them (a card
    never shown is never asked), and /report counts them as read (📖, 💤, "opened")."""
    study.mark_shown(db, student_id, word_ids, now)


def unlock(db: Database, who: Learner, now: datetime, tz: tzinfo | None = None
           ) -> list[WordRef]:
    """Introduce new words into the open slots: a few unlock as earlier ones reach "reviewing",
    so no one is stuck behind one hard word. Only a preview (a card) calls this; `tz` (the
    school's zone) lets a caught-up student's /words open one more set."""
    chosen = unlockable(db, who, studying(db, who.id), now, tz)
    introduce(db, who, chosen, now)
    return word_refs(chosen)


def unlockable(db: Database, who: Learner, states: dict[int, WordMastery],
               now: datetime, tz: tzinfo | None = None) -> list[StoredWord]:
    """The words a preview would unlock now: the open slots, filled with the words teachers
    pushed to the student's classes (first those kept for joiners, pushed before anyone
    joined, in the order they were pushed: the teacher's unit starts where she started it,
    playtest; then the latest push first: what the class studies now, which a student who
    joined or chose a language after the push has not been sent), then the class packs in
    order. A push booked for later is not one yet: its words come with it. With `tz`, a
    student caught up for today has one more set of slots (pace.extra_slots)."""
    open_slots = _open_slots(who, states, now, tz)
    pushes = [p for p in outbox.pushes_to_learn(db, list(who.class_ids)) if p.send_at <= now]
    pushed = [i for push in pushes for i in push.word_ids]
    fresh = {w.id: w for w in current_words_by_id(db, list(dict.fromkeys(pushed)))
             if w.id not in states}
    # A later push reaches her whatever her open slots: the words kept for her from before
    # she joined then come next, a set at most, never behind it (playtest: Hodan, level 1,
    # had weekly pushes and no free place for three weeks; "population, community" waited
    # under /report's "⏳ ... in the order you pushed them")
    kept = [i for push in pushes if push.kept for i in push.word_ids if i in fresh]
    if kept and any(i in states for push in pushes if not push.kept for i in push.word_ids):
        open_slots = max(open_slots, min(len(set(kept)), who.scaffold.words_per_set))
    if not open_slots:
        return []
    for pack_id in who.pack_ids:
        fresh.update((w.id, w) for w in pack_words(db, pack_id)
                     if w.id not in states and w.id not in fresh)
    return list(fresh.values())[:open_slots]


def words_left(db: Database, who: Learner, states: dict[int, WordMastery], now: datetime
               ) -> bool:
    """Whether a word of her classes' packs, or one pushed to them, is still to come (not
    started yet), whatever the open slots: when none is, she has every word she was given."""
    if any(w.id not in states for pack_id in who.pack_ids for w in pack_words(db, pack_id)):
        return True
    return any(i not in states for push in outbox.pushes_to_learn(db, list(who.class_ids))
               if push.send_at <= now for i in push.word_ids)


def unlockable_count(db: Database, who: Learner, states: dict[int, WordMastery],
                     now: datetime, tz: tzinfo | None = None) -> int:
    """How many words a preview would unlock now (unlockable's length). A check's end asks
    this on a graded answer, so the pushes are read only when the class packs alone cannot
    fill the open slots (pushed words not in a pack are the only ones that could change it)."""
    open_slots = _open_slots(who, states, now, tz)
    in_packs = sum(1 for pack_id in who.pack_ids for w in pack_words(db, pack_id)
                   if w.id not in states)
    return open_slots if in_packs >= open_slots else len(unlockable(db, who, states, now, tz))


def _open_slots(who: Learner, states: dict[int, WordMastery], now: datetime,
                tz: tzinfo | None = None) -> int:
    """How many more words the student may be learning at once, at their level; with the
    school's zone `tz`, one more set for a student caught up for today (pace.extra_slots)."""
    active = [s for s in states.values() if s.state in ACTIVE]
    per_set = who.scaffold.words_per_set
    usual = max(0, per_set - len(active))
    if tz is None:
        return usual
    return max(usual, extra_slots(who.level, per_set, active, now, tz))


def introduce(db: Database, who: Learner, words: list[StoredWord], now: datetime) -> None:
    """Start tracking previewed words (a word already tracked keeps its history)."""
    with db.atomic():
        for w in words:
            if study.get_mastery(db, who.id, w.id) is None:
                cognate = relation_for(w.word, who.language).relation is Relation.COGNATE
                study.save_mastery(db, who.id, w.id, new_mastery(w.id, now, cognate=cognate),
                                   now)


def introduce_ids(db: Database, student_id: int, word_ids: list[int], now: datetime) -> None:
    """Start tracking the words of a push booked for later, as its message reaches the
    student (the words come with the push, not when it was booked)."""
    introduce(db, learner(db, student_id), words_by_id(db, word_ids), now)


def seen_words(states: dict[int, WordMastery]) -> frozenset[int]:
    """Words whose cards the student has opened: at every level the only fair options (a word
    never seen is ruled out by being strange, so an item with it is passed by elimination:
    playtest H1, 37 of 66 counted taps at level 3)."""
    return frozenset(w for w, s in states.items() if s.previewed)
