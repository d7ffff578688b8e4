"""Starting a check: resume the open one, or unlock words, build items over the words ready
now (recall on due reviews), store them and ask the first question."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain import tiles
from bot.domain.check_building import build_check, hold_back
from bot.domain.check_plan import Asker, fewest_live_first, plan_check
from bot.domain.checks import FULL_CHECK, MAX_CHECK, Item, WordRef
from bot.domain.cognates import fold
from bot.domain.errors import PuenteError
from bot.domain.evidence import OptionWords, counted_choices
from bot.domain.frozen import quick_init
from bot.domain.item_building import build_item, redeal
from bot.domain.mastery import (
    PROMPT_MEMORY,
    RECALL,
    RECALL_CHOICES,
    WordMastery,
    card_shown_today,
    is_due,
    recall_ready,
    today_started,
)
from bot.domain.scaffold import ItemType, WidaLevel, scaffold_for
from bot.services import unread_cards
from bot.services.learners import (
    Learner,
    PushedCardsGoneError,
    cards_shown,
    learner,
    pushed_preview,
    seen_words,
    studying,
    unlock,
    unread_words,
    word_refs,
)
from bot.services.readiness import (
    BackOn,
    NextStep,
    check_words,
    next_step,
    scoped,
    waits_for_cards,
)
from bot.store import study
from bot.store.check_items import (
    check_state,
    get_item,
    last_prompts,
    next_open_item,
    prompts_since,
    save_items,
    set_poll,
)
from bot.store.packs import option_words, pack_ids, pack_words, words_by_id

UTC = ZoneInfo("UTC")  # a check's "next review in N days" where no school zone is given


@quick_init
@dataclass(frozen=True)
class Question:
    item_id: int
    number: int
    total: int
    item: Item
    lang: str
    level: int | None
    practice: bool = False  # a re-teaching item: "Practice again", outside number/total
    # levels 1-2: her first typed question's one-time line, a prompt key (`introduced`)
    intro: str | None = None
    # a quiz poll's question sent again as buttons: the poll's options, never letter tiles
    # (the poll still counts, and a tiles answer to a poll item is refused)
    from_poll: bool = False
    # level 2: her typed questions open on their letter tiles (Learner.letters_first)
    letters_first: bool = False
    # she cannot read yet (Learner.reads_aloud): numbered options, read aloud (read_aloud.py)
    reads_aloud: bool = False

    @property
    def english_first(self) -> bool:
        """Levels 5-6: its lines in two languages read English first (scaffold)."""
        return scaffold_for(self.level).english_first

    @property
    def spelled_with_tiles(self) -> bool:
        """Answered with letter tiles instead of its options (levels 1-2: tiles.by_default)."""
        return not self.from_poll and tiles.by_default(self.item, self.level, self.practice,
                                                       self.reads_aloud)

    @property
    def opens_with_tiles(self) -> bool:
        """Its tiles show from the start (tiles.first): spelled with tiles instead of its
        options, or at level 1 (level 2 with letters first) a typed question that can still
        be typed."""
        return not self.from_poll and tiles.first(self.item, self.level, self.practice,
                                                  self.letters_first, self.reads_aloud)

    @property
    def offers_tiles(self) -> bool:
        """Tiles shown, or a "🔤" under it that shows them (tiles.offered)."""
        return not self.from_poll and tiles.offered(self.item, self.level, self.practice,
                                                    self.reads_aloud)


@dataclass(frozen=True)
class ShortCheck:
    """A check with fewer questions than usual (few words are ready): what comes next."""

    new_cards: bool              # words unlocked now: they come in the next check
    back: BackOn | None          # the school day the next word comes back (None: none will)
    # levels 1-2: ready words wait because a check writes only a few (check_plan.MAX_TYPED):
    # "only a few words are ready" would be untrue
    written_later: bool = False
    # levels 1-2: every card she was sent is read; the new words are the ones this /check
    # unlocked, and their cards come after it (its last message's button). "after you have
    # read their cards" named cards she had never been sent, over a check asking the words
    # she had read (playtest, Hmong level 2)
    cards_after: bool = False


@dataclass(frozen=True)
class CheckStart:
    """What /check begins with: the cards the student has not seen, then (maybe) a question."""

    unread: list[WordRef]       # unlocked now or never opened: shown first, never asked now
    question: Question | None   # None: nothing else to ask, so the cards lead to the check
    short: ShortCheck | None = None  # a check under FULL_CHECK questions says why
    cards_first: bool = False   # the check waits for these cards (say so)
    not_yet: bool = False       # levels 1-2: nothing fair to ask yet, and no cards waiting
    later: NextStep | None = None    # no question and no card: when words come back
    resumed: bool = False       # `question` is the open check's, asked again: no new check
    poll_message: int | None = None  # resumed: the message showing its quiz poll, if any


def begin_check(db: Database, user_id: int, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC,
                push_id: int | None = None, holidays: Collection[date] = ()) -> CheckStart:
    """Unlock words whose slots are open and start a check on the words the student has
    already had time to learn; the cards they have not seen come first.

    A word whose card the student has not seen is not asked: not one unlocked by this /check (a
    question right after its card measures memory of the card, not learning), nor one from an
    earlier preview or push whose card they never opened (one card a message at levels 1-3).
    When nothing else is ready, the cards alone are sent, and their ✅ Check starts a later
    check. At levels 1-2 a word with no fair options yet (one card read of three) is never
    typed: it waits for a later check (the cards' words give the options). So does a word
    first read today while cards sent before wait unread (readiness.waits_for_cards): a
    second /check right after the first one's cards would ask the card just read, seconds
    after it, while the rest wait; the ✅ under the last card asks them all. The other ready
    words, due reviews above all, are asked now: they never wait for unread cards on screen (a
    newcomer's three due reviews went unasked behind a card she had not opened; playtest).
    At levels 1-2, cards that must be sent again come alone, with one line, and the last
    card's ✅ asks everything ready (`_cards_come_again`); else only when nothing else can be
    asked does the check wait for the cards. A
    check asks each word once, so few ready words make a short check: the student is told
    why, and the school day more words come (`holidays` and weekends are skipped).

    A check already open is not replaced: its open question comes again, `resumed` (a second
    ✅ Check or /check would leave the first check's buttons dead and its answers unscored;
    a ✅ above the question on screen only points to it).

    The ✅ under a pushed preview (`push_id`) checks that preview's words only: none of the
    student's other words is asked, shown or unlocked beside them."""
    who = learner(db, user_id)
    only = None if push_id is None else _pushed_words(db, who, push_id)  # hers, or it raises
    if only:  # ✅ under the pushed cards: she has them on screen, so she has read them now
        cards_shown(db, who.id, sorted(only), now)
    resumed = resume_check(db, who, now, tz)
    if resumed is not None:
        return resumed
    fresh = unlock(db, who, now) if only is None else []
    unread = [r for r in unread_words(db, who, fresh) if only is None or r.id in only]
    # Cards sent before and not read yet (not those unlocked now, which come with the check)
    planned = check_items(db, who, now, rng, size, hears, tz,
                          fresh=frozenset(r.id for r in fresh), only=only)
    if planned.held and unread and not planned.items:  # reviews never wait for cards
        return CheckStart(unread, None, cards_first=True)
    new_cards = bool(unread)
    cards_after = False  # every card sent is read: the new ones come after the check
    if unread and planned.items and _cards_come_again(db, who, unread, now, tz):
        # Words ready are asked now, the cards offered after the check (its last message's
        # button): "👉 2 words ready: /check" answered with "📘 First, read your new cards"
        # and a new card, no check (playtest, Vietnamese level 2). Not sent with the check:
        # cards, why it is short and a quiz at once were too much for a level-1 child.
        cards_after = {r.id for r in unread} <= {r.id for r in fresh}
        unread = []
    question = save_check(db, who, planned.items, now, tz)
    not_yet = question is None and planned.held > 0  # nothing fair to ask, no cards waiting
    if question is None and not not_yet:  # nothing is ready: the cards lead, or say when
        later = None if unread else next_step(db, who, now, tz, holidays)
        # at every level the cards come with why no question does: a level-5 student's
        # /check sent her cards again with no line, a level-2 one's said "First, read your
        # new cards" (playtest)
        return CheckStart(unread, None, later=later, cards_first=bool(unread))
    short = None
    if not_yet or (question is not None and question.total < min(size, FULL_CHECK)):
        short = ShortCheck(new_cards, next_step(db, who, now, tz, holidays).back,
                           bool(planned.written_later), cards_after)
    return CheckStart(unread, question, short, not_yet=not_yet)


def _cards_come_again(db: Database, who: Learner, unread: list[WordRef], now: datetime,
                      tz: ZoneInfo) -> bool:
    """Levels 1-2: the unread cards must be sent again (no card message of hers sent today
    holds them all: unread_cards.place), so they come after the check, offered by its last
    message's button, not with it. A level-1 child got the cards, four lines on why the check
    was short and a quiz under them at once, after a reminder that said "the cards come
    first" (playtest). A line pointing to cards on screen still comes with the check: a
    second /check asks the due reviews even if she never turns the cards."""
    if who.scaffold.level > WidaLevel.EMERGING:
        return False
    return unread_cards.place(db, who.id, unread, True, now, tz).pointer is None


class PushedCheckGoneError(PuenteError):
    """A ✅ Check under a pushed preview this student never got, or whose messages were purged
    since (an old or forged button): /check starts one on every word."""

    prompt_key = "check-stale"


def _pushed_words(db: Database, who: Learner, push_id: int) -> frozenset[int]:
    """The words one push showed the student, which the ✅ under its preview checks."""
    try:
        return frozenset(r.id for r in pushed_preview(db, who, push_id).refs)
    except PushedCardsGoneError as exc:
        raise PushedCheckGoneError() from exc


def resume_check(db: Database, who: Learner, now: datetime, tz: ZoneInfo = UTC, *,
                 any_day: bool = False) -> CheckStart | None:
    """The question the student's open check waits on (None: no check is open, or it was left
    on an earlier school day: a question from days ago, with that day's score, would puzzle a
    child, and what is ready to ask has changed since; a new check replaces it). `any_day`:
    an earlier day's too, as the text she typed at it is graded against it (answer_typed). A
    question sent as a quiz poll comes again as buttons: answering either grades it, once."""
    stored = next_open_item(db, who.id)
    if stored is None:
        return None
    if not any_day and stored.asked_at is not None and \
            stored.asked_at.astimezone(tz).date() < now.astimezone(tz).date():
        return None
    where = check_state(db, stored.id)
    item = where.next_item
    if item is None:  # an item stored without a check id (none are now)
        return None
    asked = item.item
    if item.poll_id is not None:  # its quiz poll is on screen: the same question as buttons,
        # and the poll still counts (a second poll would leave the first one's answer unread)
        asked = replace(asked, item_type=ItemType.CHOICE)
    return CheckStart([], introduced(db, who, Question(
        item.id, where.number, where.total, asked, who.language, who.level, item.practice,
        from_poll=item.poll_id is not None, letters_first=who.letters_first,
        reads_aloud=who.reads_aloud), now,
        remembered=item.remembered, tz=tz),
        resumed=True, poll_message=item.poll_message)


def start_check(db: Database, user_id: int, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC
                ) -> Question | None:
    """Build a short check over the words ready now (check_words); return the first question
    (None: nothing to ask). An open check is closed unanswered: begin_check resumes one."""
    who = learner(db, user_id)
    return save_check(db, who, check_items(db, who, now, rng, size, hears, tz).items, now, tz)


@dataclass(frozen=True)
class CheckItems:
    """What a new check would ask, and the ready words it leaves for later."""

    items: list[Item]
    held: int = 0  # levels 1-2: no fair options yet, or first read today while cards wait
    # levels 1-2: deciding reviews to write past check_plan.MAX_TYPED: still ready, and
    # first in her next check
    written_later: tuple[int, ...] = ()


def check_items(db: Database, who: Learner, now: datetime, rng: random.Random,
                size: int = MAX_CHECK, hears: bool = False, tz: ZoneInfo = UTC,
                fresh: frozenset[int] = frozenset(), only: frozenset[int] | None = None
                ) -> CheckItems:
    """The items a new check would ask (of the words `only` names, when it names any), and
    how many words it holds back (levels 1-2: no fair options yet, see `hold_back`; or first
    read today while cards sent before wait unread (readiness.waits_for_cards; `fresh`, just
    unlocked, are not those): today's new words are checked together, once their cards are
    read).

    Only words whose cards the student has seen are asked or offered as options (at every
    level: an unseen option beside a word she read is ruled out by being strange; with no seen
    word to offer, the word is asked another way, typed at last), and a check at levels 1-2 is
    planned so a right tap can count (check_plan).
    `hears`: an English voice can say words (speech is on), so levels 1-2 get listening items."""
    targets = check_words(db, who, now, tz, fresh, only)
    states = studying(db, who.id)
    mine = scoped(states, only)
    waiting = sum(1 for w in waits_for_cards(mine, now, tz, who.level, fresh)
                  if mine[w].previewed and is_due(mine[w], now, tz))
    beginner = who.scaffold.level <= WidaLevel.EMERGING
    if not targets:
        return CheckItems([], waiting)
    # Distractors come from the targets' own packs first (a pushed word among the class
    # pack's words would stand out by subject), and only from previewed words.
    packs = dict.fromkeys([*(t.pack_id for t in targets), *who.pack_ids])
    pool = word_refs([w for pid in packs for w in pack_words(db, pid)])
    if beginner:
        return _newcomer_items(db, who, targets, pool, now, rng, size, hears, tz, waiting)
    last = last_prompts(db, who.id)
    seen, answered = seen_words(states), answered_today(states, now, tz)
    items = build_check(targets[:size], pool, who.language, who.scaffold, rng, size, seen,
                        hears, answered, turns(states), last)
    # A tap that could only be practice is written instead (check_plan): a level-4 student's
    # fifth word among four options she had answered minutes before was never counted
    asker = Asker(pool, option_index(db, who), who.scaffold, seen, hears,
                  frozenset(w for w, s in states.items() if card_shown_today(s, now, tz)),
                  turns(states), last)
    plan = plan_check(*recall_on_due_reviews(db, who, items, pool, now, rng, tz, last), asker,
                      met_terms(db, answered), answered, rng)
    return CheckItems(list(plan.items), waiting)


def _newcomer_items(db: Database, who: Learner, targets: list[WordRef], pool: list[WordRef],
                    now: datetime, rng: random.Random, size: int, hears: bool, tz: ZoneInfo,
                    waiting: int) -> CheckItems:
    """A level 1-2 check planned so a right tap can count (check_plan.plan_check): the words
    with the fewest live options first, those whose cards were first read today last (a right
    answer there is practice anyway: mastery.card_shown_today); deciding reviews to write
    past MAX_TYPED wait, and the next ready words take their places."""
    states = studying(db, who.id)
    seen, answered = seen_words(states), answered_today(states, now, tz)
    new_today = frozenset(w for w, s in states.items() if card_shown_today(s, now, tz))
    met = met_terms(db, answered)
    asker = Asker(pool, option_index(db, who), who.scaffold, seen, hears, new_today,
                  turns(states), last_prompts(db, who.id))
    deciding_ids = {t.id for t in targets
                    if t.id in states and recall_ready(states[t.id], now, tz)}
    later: set[int] = set()
    while True:
        left = [t for t in targets if t.id not in later]
        window = fewest_live_first(left[:size], pool, who.language, seen, answered,
                                   deciding_ids, new_today)
        items, held = hold_back(build_check(window, pool, who.language, who.scaffold, rng,
                                            size, seen, hears, answered, asker.turns,
                                            asker.last), who.scaffold)
        plan = plan_check(*recall_on_due_reviews(db, who, items, pool, now, rng, tz,
                                                 asker.last), asker,
                          met, answered, rng, [t.id for t in left])
        if not plan.waiting or len(left) <= size:
            return CheckItems(redeal(plan.items, pool, who.scaffold, seen, answered),
                              len(held) + waiting,
                              tuple(sorted(later | set(plan.waiting))))
        later |= set(plan.waiting)  # build again: the next ready words take their places


def save_check(db: Database, who: Learner, items: list[Item], now: datetime,
               tz: ZoneInfo = UTC) -> Question | None:
    """Store a new check (closing any open one) and return its first question; None, and
    nothing closed, when there is nothing to ask."""
    if not items:
        return None
    # the order asked is known now: a decoy asked before its question is one she rules out
    if any(i.decoys for i in items):
        terms = {w.id: w.word.term for w in words_by_id(db, [i.word_id for i in items])}
        items = tiles.rule_out_asked(items, terms)
    ids = save_items(db, who.id, who.language, items, now, now - PROMPT_MEMORY)
    return introduced(db, who, Question(ids[0], 1, len(ids), items[0], who.language,
                                        who.level, letters_first=who.letters_first,
                                        reads_aloud=who.reads_aloud),
                      now, tz=tz)


# The line holds the question's own instruction ({ask}): one line in each language
INTRO_MASTERY = "item-typed-intro"  # "⭐ A mastery question. Type the English word ..."
INTRO_WRITE = "item-typed-intro-write"  # "✏️ Type the English word ... from your cards ..."


def intro_pending(who: Learner) -> bool:
    """Whether her first typed question is still to be introduced (levels 1-2, once)."""
    return who.scaffold.level <= WidaLevel.EMERGING and not who.typed_intro


def introduced(db: Database, who: Learner, question: Question, now: datetime,
               known: Mapping[int, WordMastery | None] | None = None,
               remembered: bool | None = None, tz: ZoneInfo = UTC) -> Question:
    """The question, with its one-time line when it is the first typed question a student at
    levels 1-2 gets: she met only buttons before, and must learn that here she writes, and
    that 🤷 is a way out. Claimed in the store as it is asked, so it is said once a student.
    The line says what the question is: "⭐ A mastery question" only for the deciding review
    (mastery.recall_ready), else "✏️ Write the English word" (playtest: a day-2 typed
    question, which could master nothing, was called a mastery question). The word's state
    is read only then, once a student; a graded answer passes it in (`known`, by word id),
    read with its own word's, so it keeps its SQL budget. A review asked by a prompt she saw
    in the last days (`remembered`, StoredItem.remembered; read here when not given) cannot
    master its word (mastery.PROMPT_MEMORY): it is no mastery question either. A level-1
    question that opens on its tiles has no such line, and leaves it for the first question
    she must write (tiles.one_line: one line on a level-1 tile screen)."""
    if not question.item.typed or not intro_pending(who) or (
            question.opens_with_tiles and tiles.one_line(question.level)):
        return question  # level 1 on tiles: she taps (its one line says so), writes nothing
    if not study.claim_typed_intro(db, who.id):
        return question
    word_id = question.item.word_id
    state = known[word_id] if known is not None and word_id in known \
        else study.get_mastery(db, who.id, word_id)
    deciding = state is not None and recall_ready(state, now, tz)
    if deciding and remembered is None:
        stored = get_item(db, question.item_id)
        remembered = stored is not None and stored.remembered
    deciding = deciding and not remembered
    return replace(question, intro=INTRO_MASTERY if deciding else INTRO_WRITE)


def recall_on_due_reviews(db: Database, who: Learner, items: list[Item], pool: list[WordRef],
                          now: datetime, rng: random.Random, tz: ZoneInfo = UTC,
                          last: Mapping[int, tuple[str, ...]] | None = None
                          ) -> tuple[list[Item], list[Item]]:
    """The check's deciding reviews and its other items (deciding_first asks them first): a
    due review that could master its word is asked as recall, and first in the check:
    typed from level 3 on (four options on the home-language term are guessed right a quarter
    of the time); at levels 1-2 home language -> English among options she could not rule out
    (evidence.counted_choices: not a word answered today or earlier in this check, not an
    English word she reads through her own language), typed when fewer than four are left or
    the word is a cognate (its home-language term looks or sounds like it). Recognition on such
    a review would be wasted evidence; asked after the other questions, its options could be
    ruled out by their answers."""
    states = studying(db, who.id)
    kinds = (ItemType.REVERSE, ItemType.TYPED) if who.scaffold.level < WidaLevel.DEVELOPING \
        else (ItemType.TYPED, ItemType.REVERSE)
    refs = {r.id: r for r in pool}
    seen = seen_words(states)  # options stay among words she has seen
    avoid = answered_today(states, now, tz)
    met = set(met_terms(db, avoid))
    index: OptionWords | None = None  # read for the first deciding review, if any
    recent: dict[int, tuple[str, ...]] | None = None  # read for the first one, if any
    deciding, rest = [], []
    for item in items:  # one item a word (build_check): each due review is asked once
        state = states.get(item.word_id)
        if state is None or item.word_id not in refs or not recall_ready(state, now, tz):
            rest.append(item)
            continue
        target = refs[item.word_id]
        index = index or option_index(db, who)
        if recent is None:
            recent = prompts_since(db, who.id, now - PROMPT_MEMORY)
        # A prompt she was shown last time is tried last: recall on another prompt first, and
        # only then recall on the same one. Without the second pass a short gap sentence (not
        # recall) took the deciding review whenever both recall prompts had been shown, and
        # level-2 learners needed 11 school days to master a word instead of 8.
        shown = (last or {}).get(target.id, ())
        # A prompt seen in the last PROMPT_MEMORY cannot decide mastery (its answer may be
        # remembered from that screen): one she has not seen that long is tried first
        fresh = tuple(recent.get(target.id, ())) if recent is not None else shown
        tries = [fresh, shown, ()] if shown else [fresh, ()]
        for kind, before in [(k, b) for b in dict.fromkeys(tries) for k in kinds]:
            recall = item if item.item_type is kind else build_item(
                target, pool, kind, who.language, who.scaffold, rng, seen, avoid=avoid,
                turn=state.attempts, last=before)
            if recall.item_type in RECALL and (recall.typed or (counted_choices(
                    recall, index.of(recall, target.pack_id), who.language, met)
                    or 0) >= RECALL_CHOICES):
                item = recall
                break
        deciding.append(item)
        met.add(fold(target.word.term))  # asked before the next deciding review
        avoid |= {target.id}
    return deciding, rest


def turns(states: dict[int, WordMastery]) -> dict[int, int]:
    """Each word's graded answers so far: its next check's turn through its kinds and
    sentences (domain/variety.py), read with the mastery rows, so it costs no query."""
    return {word: state.attempts for word, state in states.items()}


def option_index(db: Database, who: Learner) -> OptionWords:
    """The word behind each option, for planning a check and for grading its answers alike:
    every pack's words, hers before the others (`OptionWords.of` takes the asked word's own
    pack first). A check planned with one lookup and graded with another counted a tap as
    evidence that its grade then called practice, or the reverse: one lookup, one count."""
    return option_words(db, [*who.pack_ids, *pack_ids(db)], who.language)


def met_terms(db: Database, answered: Collection[int]) -> frozenset[str]:
    """The folded English terms of the words answered earlier today (`answered_today`): the
    options she can rule out (evidence.ruled_out), as planned and as graded."""
    return frozenset(fold(w.word.term) for w in words_by_id(db, list(answered)))


def answered_today(states: dict[int, WordMastery], now: datetime, tz: ZoneInfo
                   ) -> frozenset[int]:
    """Words answered since the study day began: their answers were shown, so she can rule
    them out as another question's options."""
    midnight = today_started(now, tz)
    return frozenset(w for w, s in states.items()
                     if s.last_answered is not None and s.last_answered >= midnight)


def poll_sent(db: Database, item_id: int, poll_id: str, message_id: int) -> None:
    """Remember which quiz poll carries an item (a poll answer names only the poll), and the
    message that shows it (an answer given another way closes it, after a restart too)."""
    set_poll(db, item_id, poll_id, message_id)
