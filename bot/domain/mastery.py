"""Mastery: the states a word moves through on each answer, FSRS review scheduling, advance
on mastery (the estimate itself is knowledge tracing, bot/domain/knowledge.py).

Mastered is evidence over time (issue 9): the BKT estimate is high, AND a correct recall-type
answer came on a review FSRS scheduled (due at or before the answer), at least RETENTION_GAP
after the word's first correct answer, with no miss in between. A right answer on the school
day the word's card was first shown is practice, not evidence (card_shown_today): it may be
memory of the card read minutes before, so it adds no day right, starts no evidence clock and
leaves the review schedule alone; the word's days right start the next school day. A miss that
day is a miss. A miss restarts the evidence clock, and a miss on a mastered word sends it back
to learning. A right answer to a prompt she saw with its answer within PROMPT_MEMORY may be
memory of that screen: it counts, but it is never the deciding evidence (docs/newcomers.md).
Nor is a right answer to the deciding review on a school day the student re-read the word's
card (/words, its pages, 🔁, cards sent again by /check: card_read_today): the card shows the
home-language term, the definition and the English word side by side, which is what that
question asks. It counts, leaves the luck of the run alone, and the deciding review comes back
after a real interval, on a later school day.

A forgiven misspelling ("ecosistem") is evidence of meaning: it counts as a right answer for
knowledge tracing, the days right and the evidence clock, and FSRS rates it Hard. But it is never
the answer that crosses into mastered: "You've mastered ecosystem!" right under "Check the
spelling" would praise a word the student cannot yet write. The next scheduled review, answered
cleanly, masters it (docs/typed-grading.md, "Mastery").
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from bot.domain.checks import BEGINNER_CHOICES
from bot.domain.knowledge import COGNATE_PRIOR, PRIOR, bkt_update, guess_rate, practised
from bot.domain.scaffold import ItemType
from bot.domain.tiles import DECOYS

if TYPE_CHECKING:  # fsrs is imported on the first preview or answer, not at start-up
    from fsrs import Rating, Scheduler

MASTERED_P = 0.95
MASTERED_SUCCESSES = 3
# The right answers since the last miss must be a run that a student who does not know the
# word would give by guessing less than once in a hundred tries, counting a fresh try after
# every miss (the product of each item's guess rate, times the misses plus one). Knowledge
# tracing alone let earlier lucky streaks carry over a miss, and every miss gave a guesser
# another go: simulated guessers "mastered" 3.5 % of a Somali newcomer's words, whose checks
# are all multiple choice (bench/mastery_validity.py). At 1 in 20 on four options they kept
# 1.2 %; on up to six options (checks.BEGINNER_CHOICES: a learner's right answer is stronger
# evidence) 1 in 100 brings guessers to 0.4 % while learners still master faster than on four
# options at 1 in 20 (docs/newcomers.md). Typed answers pass in two.
MASTERED_LUCK = 0.01
BEGINNER_LEVEL = 2      # levels 1-2 decide a review on six options (or tiles); 3-6 type it
MAX_DAYS_COUNTED = 9    # days_to_master_now stops counting there: "9 more days" is already a lot
REVIEWING_DAYS = 2    # right on two different days since the last miss: retention is tested
MASTERED_DAYS = 3     # right on three different days since the last miss: over time, not cramming
# Spacing is counted in the school's days, not hours: a word whose ready time falls on a day is
# ready from the start of that day. FSRS's 24-36 hours made a Tuesday 21:01 check's words ready
# on Wednesday evening, after Wednesday's 16:00 reminder and check had counted fewer, and a
# review promised "back Monday" was not asked at 09:13 on Monday (ready at 21:14: playtest,
# Vietnamese level 2). The gaps below are whole days between the local dates of two answers.
# A study day starts at 04:00, not at midnight (as Anki's "next day starts at 4 AM"): Davi
# (playtest, level 3) studies at 23:00, and a check at 23:42 and another at 00:11 counted as
# two days right, brought back at 00:11 the words he had answered at 23:42, and "mastered" a
# word in 48 hours over two sittings. Every spacing rule below counts study days; a day right
# is a study day, so two of them are a night's sleep apart, whenever the student studies.
STUDY_DAY_STARTS = time(4)
REVIEW_DAYS = 2  # the deciding review comes after a real interval: a whole day between
REVIEW_INTERVAL = timedelta(days=1.5)  # a missed or held deciding review's next due time
RETENTION_DAYS = 3  # recall this many days after the first correct answer's day is retention
RETENTION_GAP = timedelta(days=RETENTION_DAYS)
# A prompt asked again within this long may be answered from memory of the screen that showed
# its answer, not of the word: the next school day, over a weekend too. A newcomer has few
# prompts she can read (her language's definition, one short sentence), so they come back
# within days; a simulated student who knew no word but remembered each prompt's answer for
# 80 hours "mastered" 44 % of her Spanish words when such a repeat could decide mastery
# (bench/mastery_validity.py, `echo`). Such a right answer moves no luck and decides nothing;
# the deciding review waits until a prompt has not been seen this long.
PROMPT_MEMORY = timedelta(days=4)
# A word in review, not yet mastered, has its deciding review within a week. FSRS, aiming at 90 %
# retention, put it 7-17 days after the second right day (longer after a weekend), so a word
# met in a unit's second week could not be mastered within the unit (playtest 15). A right
# recall a week later is retention; mastered words then follow FSRS's own, growing intervals.
DECIDING_WITHIN = timedelta(days=7)
# Recall, not recognition: the learner produces the English word (typed) or retrieves it from
# the home-language term (L1 -> English). A listening item is recognition of the spoken form
# (the written answer is among the options, and no meaning is asked), so it never masters a
# word, and a right one is no evidence of its meaning at all (`heard`); a miss is a miss.
RECALL = frozenset({ItemType.TYPED, ItemType.REVERSE})
RECALL_CHOICES = 4  # an L1 -> English item with fewer options is too easy to count as recall


class MasteryState(enum.StrEnum):
    """The four states teacher, student and family views all name the same way."""

    NEW = "new"              # previewed, never answered
    LEARNING = "learning"    # answered, not yet right on two different days since the last miss
    REVIEWING = "reviewing"  # right on two different days: retention is being checked
    MASTERED = "mastered"    # recalled on a scheduled review days after it was first right



@functools.cache
def scheduler() -> Scheduler:
    """FSRS as Puente schedules reviews (made once, on first use)."""
    from fsrs import Scheduler

    return Scheduler(
        desired_retention=0.9,
        learning_steps=(timedelta(minutes=10), timedelta(hours=20)),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )


@dataclass(frozen=True)
class WordMastery:
    """What the store keeps for one student and one word."""

    p_known: float
    card: str                                    # FSRS's card as JSON: decoded only when an
    due_at: datetime                             # answer reschedules it (reads are hot)
    successes: int = 0                           # right answers since the last miss
    misses_in_row: int = 0
    success_days: frozenset[str] = frozenset()  # local days right since the last miss
    mastered_at: datetime | None = None
    first_correct_at: datetime | None = None     # first right answer since the last miss
    answered: bool = False                       # any graded answer at all
    misses: int = 0                              # wrong answers, ever
    shown_at: datetime | None = None             # when its card was first shown (unlocked is
                                                 # not enough; an answer counts as shown)
    last_answered: datetime | None = None        # the latest graded answer, right or wrong
    luck: float = 1.0                            # chance of the rights since the last miss
                                                 # by guessing (see MASTERED_LUCK)
    attempts: int = 0                            # graded answers, ever: which of the word's
                                                 # sentences its next check shows (checks.turn)
    card_seen_at: datetime | None = None         # when its card was last shown (every re-read;
                                                 # shown_at keeps the first)

    @property
    def mastered(self) -> bool:
        return self.mastered_at is not None

    @property
    def shown(self) -> bool:
        """Its card was shown (or it was answered)."""
        return self.shown_at is not None

    @property
    def previewed(self) -> bool:
        """The student has seen its card (or answered it, so was shown it): a check may ask
        it. A word unlocked into a preview whose card was never opened has not been."""
        return met(self.shown, self.state)

    @property
    def state(self) -> MasteryState:
        """The one name every view uses for where this word stands."""
        return mastery_state(self.mastered_at is not None, len(self.success_days),
                             self.answered or self.successes > 0)


_FIELDS = frozenset(WordMastery.__dataclass_fields__)


def changed(state: WordMastery, **changes: Any) -> WordMastery:
    """`dataclasses.replace(state, **changes)`, without its field-by-field rebuilding: every
    graded answer makes one or two of these, and `replace` cost as much as FSRS's review.
    WordMastery has no __post_init__, so a copy of its fields is the same object `replace`
    builds (tests/domain/test_mastery.py compares them)."""
    if not changes.keys() <= _FIELDS:
        raise TypeError(f"not a WordMastery field: {sorted(changes.keys() - _FIELDS)}")
    new = object.__new__(WordMastery)
    fields = new.__dict__  # frozen: the attributes are written as replace's __init__ does
    fields.update(state.__dict__)
    fields.update(changes)
    return new


def restored(**fields: Any) -> WordMastery:
    """`WordMastery(**fields)` from every one of its fields (as the store reads a row), built
    as `changed` builds a copy: a frozen dataclass's __init__ sets its 16 fields one by one,
    half of what reading a mastery row cost, and a check's last answer reads every word she
    has started (tests/domain/test_mastery.py compares them)."""
    if fields.keys() != _FIELDS:
        raise TypeError(f"not WordMastery's fields: {sorted(fields.keys() ^ _FIELDS)}")
    new = object.__new__(WordMastery)
    new.__dict__.update(fields)
    return new


def mastery_state(mastered: bool, days_right: int, answered: bool) -> MasteryState:
    """The state from what the store keeps: mastered, days right since the last miss, answers."""
    if mastered:
        return MasteryState.MASTERED
    if days_right >= REVIEWING_DAYS:
        return MasteryState.REVIEWING
    return MasteryState.LEARNING if answered else MasteryState.NEW

def met(shown: bool, state: MasteryState) -> bool:
    """The student has met the word: its card was shown, or it was answered. Every view counts
    only these (a word unlocked or pushed but never opened is not "new" to anyone yet)."""
    return shown or state is not MasteryState.NEW


def new_mastery(word_id: int, now: datetime, *, cognate: bool = False) -> WordMastery:
    """Start tracking a word the student has just previewed."""
    from fsrs import Card

    card = Card(card_id=word_id, due=now)
    return WordMastery(COGNATE_PRIOR if cognate else PRIOR, json.dumps(card.to_dict()), now)



def school_date(at: datetime, tz: tzinfo) -> date:
    """The study day of a moment (in the school's zone `tz`): its date, but a moment before
    STUDY_DAY_STARTS belongs to the day before (a sitting from 23:42 to 00:11 is one day)."""
    local = at.astimezone(tz)
    return local.date() - timedelta(days=local.time() < STUDY_DAY_STARTS)


def study_days(moments: Iterable[datetime], tz: tzinfo) -> set[date]:
    """The study days (school_date) the `moments` fall on: what a streak, a family's update
    and a spacing rule count as days studied (a sitting from 23:50 to 00:10 is one day)."""
    return {school_date(at, tz) for at in moments}


def study_day(at: datetime, tz: tzinfo) -> str:
    """The study day an answer at `at` counts for as a day right (ISO, as success_days keeps)."""
    return school_date(at, tz).isoformat()


def study_start(day: date, tz: tzinfo) -> datetime:
    """When a study day begins: STUDY_DAY_STARTS on its date, in the school's zone `tz`."""
    return datetime.combine(day, STUDY_DAY_STARTS, tzinfo=tz)


def today_started(now: datetime, tz: tzinfo) -> datetime:
    """When the study day `now` falls in began: "answered today" for a check counts from it."""
    return study_start(school_date(now, tz), tz)


def day_start(day: date, tz: tzinfo) -> datetime:
    """The start of a calendar day (midnight), in the school's zone `tz`."""
    return datetime.combine(day, time(), tzinfo=tz)


def days_apart(earlier: datetime, now: datetime, tz: tzinfo, days: int) -> bool:
    """`now` falls at least `days` school dates after `earlier` (in the school's zone)."""
    return school_date(earlier, tz) + timedelta(days=days) <= school_date(now, tz)


def card_shown_today(state: WordMastery, now: datetime, tz: tzinfo) -> bool:
    """The word's card was first shown on this school day (in the school's zone `tz`): a right
    answer now may be memory of the card, not knowledge of the word."""
    shown = state.shown_at
    return shown is not None and school_date(shown, tz) == school_date(now, tz)


def card_read_today(state: WordMastery, now: datetime, tz: tzinfo) -> bool:
    """The word's card was on screen earlier this school day (in the school's zone `tz`), first
    shown or re-read: its deciding review answered now may be read off the card, not recalled.
    The school day, not a span of hours: it is the day card_shown_today and rests_until use, a
    student re-reads her cards in the same sitting or lesson as her check, and a card read the
    evening before is a night's sleep away, as any learning is."""
    seen = state.card_seen_at
    return seen is not None and school_date(seen, tz) == school_date(now, tz)


def rating_for(correct: bool, exact: bool) -> Rating:
    """Map a graded answer to an FSRS rating: a forgiven typo is a hard recall."""
    from fsrs import Rating

    if not correct:
        return Rating.Again
    return Rating.Good if exact else Rating.Hard


def record_answer(state: WordMastery, *, correct: bool, exact: bool, item_type: ItemType,
                  typed: bool, now: datetime, local_day: str,
                  choices: int | None = None, card_today: bool = False,
                  practice_item: bool = False, remembered: bool = False,
                  card_read: bool = False, tz: tzinfo = UTC, tiles: bool = False,
                  other_word: bool = False) -> WordMastery:
    """Fold one graded answer into the word's mastery and next review time.

    `choices` is how many options were shown (None: the item type's usual four, or typed).
    `card_today`: the word's card was first shown earlier this school day (card_shown_today),
    so a right answer, tapped or typed, is practice; a miss is a miss.
    `practice_item`: "Practice again", the easy item right after a missed word's card: a miss
    there lowers the estimate but is no further miss in a row (it would make a word missed on
    two days "missed three times in a row" for the teacher's alert: teacher playtest).
    `remembered`: the word was asked with this same prompt within PROMPT_MEMORY, its answer
    shown then: a right answer is a right answer (a day right, the review schedule) but may be
    memory of that screen, so it leaves the luck of the run alone and cannot master the word;
    a deciding review answered so is asked again once PROMPT_MEMORY has passed.
    `card_read`: the word's card was on screen earlier this school day (card_read_today). A
    right answer to its deciding review is a right answer, but may be read off the card: luck
    unchanged, the word not mastered, and the deciding review asked again after REVIEW_INTERVAL.
    `tz`: the school's zone, whose dates the spacing rules count (REVIEW_DAYS, RETENTION_DAYS).
    `tiles`: spelled with letter tiles (`typed` too): recall, as the item's type says, at the
    tiles' own guess rate (knowledge.TILES_GUESS), and in the luck of the run a choice among
    the words the deal spells (`choices`: tiles.counted_words), so a run of tile answers must
    be longer than a typed one before its luck allows mastery (docs/newcomers.md, "Letter
    tiles" and "The speller").
    `other_word`: a miss on tiles that spelled another word the deal spells (one of its
    decoys): she chose the wrong word, as a wrong option is, not a word she cannot write yet,
    so a missed deciding review ends the run as any miss does (docs/newcomers.md, "The
    speller at level 1")."""
    from fsrs import Card

    if tiles:  # the word spelled from its meaning: recall, whatever the question's buttons
        item_type = ItemType.TYPED  # would have been (docs/newcomers.md, "Letter tiles")
    guess = guess_rate(item_type, typed, choices, tiles)
    # a spelling is a choice among the words its deal spells (`choices`: tiles.counted_words)
    # to one who knows how her words are spelled and no meaning: the luck of the run counts
    # it so; the estimate, at the tiles' rate (knowledge.TILES_GUESS)
    lucky = max(guess, 1 / choices) if tiles and choices else guess
    if correct and item_type is ItemType.LISTEN:
        return heard(state, now)
    if correct and (card_today or lucky >= 1):  # practice only: memory of the card read
        # today, or one option counted ("Practice again", the answer alone after ruling out
        # the rest, a lone part of speech, tiles spelling no other word of hers). No success
        # day, so the word does not move to reviewing, no first right answer (the retention
        # clock starts on a later day), luck unchanged, and no review: FSRS would read it as a
        # recall and send the word away for weeks while it is still being learned (playtest
        # 14). It comes back on the next school day (rests_until); the misses in a row end
        # (re-teaching and the teacher's "stuck" alert count those).
        return changed(state, p_known=practised(state.p_known), answered=True,
                       last_answered=now, misses_in_row=0)
    p_known = bkt_update(state.p_known, correct, item_type, typed, choices, tiles)
    if practice_item and not correct:  # its word's miss, a moment ago, already counts
        return changed(state, p_known=p_known, answered=True, last_answered=now,
                       misses=state.misses + 1)
    # the deciding review the same day its card was re-read: the card showed what it asks
    read_off = card_read and state.mastered_at is None and recall_ready(state, now, tz)
    memory = remembered or read_off
    luck = state.luck if memory else state.luck * lucky
    if not typed and choices is not None and choices < RECALL_CHOICES:
        item_type = ItemType.CHOICE  # two options on the L1 term: recognition, not recall
    before = Card.from_dict(json.loads(state.card))
    # FSRS asked for this review (before this answer moves it: due on this school day or
    # before), after a real interval (REVIEW_DAYS school dates after the last review)
    scheduled = school_date(state.due_at, tz) <= school_date(now, tz) and (
        before.last_review is None or days_apart(before.last_review, now, tz, REVIEW_DAYS))
    card, _ = scheduler().review_card(before, rating_for(correct, exact), now)
    common = {"p_known": p_known, "card": json.dumps(card.to_dict()), "due_at": card.due,
              "answered": True, "last_answered": now}
    if not correct and typed and not other_word and state.mastered_at is None \
            and recall_ready(state, now, tz):
        # The deciding review, typed, missed: she recognised the word on the days she got it
        # right and cannot write it yet. That recognition stands (still reviewing); the
        # writing is asked again, not weeks of learning from scratch. Its feedback showed the
        # spelling, so it waits until PROMPT_MEMORY has passed: asked 1.5 days later, a
        # student who knew no word and noted each spelling a miss showed "mastered" 8.9 % of
        # her words (bench/mastery_validity.py, `revealer`). Not when her tiles spelled
        # another word of her list (`other_word`): that is the wrong word, not a spelling
        # she cannot write yet, and one who knows her words' spellings and no meaning kept
        # her runs of luck through such misses (the speller at level 1, where a typed
        # question opens on its tiles: Somali, 30 a kind, seeds 7, 1, 2, 8 -> 4 words).
        return changed(state, **{**common, "due_at": after_memory(now, tz)},
                       misses_in_row=state.misses_in_row + 1, misses=state.misses + 1)
    if (not correct and state.mastered_at is not None and item_type not in RECALL
            and state.misses_in_row == 0):
        # A mastered word missed once on a tap: a slip of a word she recalled days apart
        # (playtest 15: "🏅 You mastered ecosystem!", then one wrong tap of six and it was
        # gone without a word). It stays mastered and comes back soon; a second miss in a row,
        # or a missed recall, sends it back to learning.
        return changed(state, **common, misses_in_row=1, misses=state.misses + 1)
    if not correct:  # a miss restarts the evidence clock; a mastered word goes back to learning
        return changed(state, **common, misses_in_row=state.misses_in_row + 1, successes=0,
                       success_days=frozenset(), first_correct_at=None, mastered_at=None,
                       luck=1.0, misses=state.misses + 1)
    updated = changed(state, **common, successes=state.successes + 1, misses_in_row=0, luck=luck,
                      success_days=state.success_days | {local_day},
                      first_correct_at=state.first_correct_at or now)
    if state.mastered_at is None and exact and not memory and is_mastered(
            updated, item_type=item_type, scheduled=scheduled, now=now, tz=tz):
        return changed(updated, mastered_at=now)
    if state.mastered_at is None and remembered and recall_ready(state, now, tz):
        # it must not come back while the prompt may still be remembered
        return changed(updated, due_at=after_memory(now, tz))
    if updated.state is MasteryState.REVIEWING and updated.mastered_at is None:
        updated = changed(updated, due_at=min(updated.due_at, now + DECIDING_WITHIN))
    if state.mastered_at is None and item_type in RECALL and recall_ready(state, now, tz):
        # A right recall on the deciding review that did not master the word (a spelling
        # slip, or a run of right answers still a little short of MASTERED_LUCK): it is asked
        # again after a real interval, not when FSRS says (weeks: a playtest's "ecesystem" came
        # back 22 days later, and a Somali newcomer's right "ecosystem" 11 days later)
        return changed(updated, due_at=now + REVIEW_INTERVAL)
    return updated


def after_memory(now: datetime, tz: tzinfo) -> datetime:
    """The start of the study day after PROMPT_MEMORY has passed since `now`: ready from the
    start of a day (ready_at), an answer shown at `now` is no longer what a right answer may
    be remembered from."""
    return study_start(school_date(now + PROMPT_MEMORY, tz) + timedelta(days=1), tz)


def heard(state: WordMastery, now: datetime) -> WordMastery:
    """A right listening answer ("hear the word, choose it"): recognition of its spoken form,
    not of its meaning, so it is no evidence the word is known. It adds no day right (one such
    tap beside one right answer on its meaning put a word "in review", and a random guesser's
    "correct 1 of 5" too: teacher playtest), starts no retention clock, leaves the luck of the
    run and the review schedule alone, and moves the estimate only as practice does (learning
    from hearing it). It ends the misses in a row, as any right answer; a listening miss is a
    miss (she did not recognise the word she had read)."""
    return changed(state, p_known=practised(state.p_known), answered=True, last_answered=now,
                   misses_in_row=0)


def is_mastered(state: WordMastery, *, item_type: ItemType, scheduled: bool,
                now: datetime, tz: tzinfo = UTC) -> bool:
    """Mastery is retention shown over time: this right answer must be the deciding evidence,
    RETENTION_DAYS school dates or more after the first right one."""
    first = state.first_correct_at
    return (state.p_known >= MASTERED_P and state.successes >= MASTERED_SUCCESSES
            and state.luck * (state.misses + 1) <= MASTERED_LUCK
            and len(state.success_days) >= MASTERED_DAYS
            and item_type in RECALL and scheduled
            and first is not None and days_apart(first, now, tz, RETENTION_DAYS))


def days_to_master(days_right: int) -> int:
    """How many more school days a word must be answered right (with no miss between) before
    it can be mastered: MASTERED_DAYS days right since the last miss, the last of them the
    deciding recall on its review (is_mastered). 0: only that recall is missing (a right
    answer that leaves the run a guesser could give too likely asks for one more)."""
    return max(0, MASTERED_DAYS - days_right)


def days_to_master_now(days_right: int, luck: float, misses: int, p_known: float,
                       level: int | None) -> int:
    """How many more school days of right answers a word needs before it can be mastered,
    every rule of is_mastered counted, not the days alone: a run of right answers a guesser
    could still give (MASTERED_LUCK) or an estimate under MASTERED_P asks for more days than
    days_to_master says (playtest: a CSV read "right on 1 more day: a recall on its review";
    Hodan's right recall that day left her run, two four-option taps and a miss, a 1-in-80
    guess, and the word stayed in review). Each day's answer is counted as the deciding
    review the student's level is asked (levels 1-2 spell it with tiles, one in the word and
    its decoys, or choose among six options: the weaker counts; levels 3-6 type it). 0 once
    only the recall on its review is missing and it would master the word."""
    days = days_to_master(days_right)
    typed = level is not None and level > BEGINNER_LEVEL
    item = ItemType.TYPED if typed else ItemType.REVERSE
    choices = None if typed else BEGINNER_CHOICES
    guess = guess_rate(item, typed, choices)
    # levels 1-2 spell most such reviews with letter tiles, a choice among the word and its
    # decoys in the run's luck (record_answer): one in four, not the six options' one in six
    lucky = guess if typed else max(guess, 1 / (1 + DECOYS))
    more = 0
    while more < MAX_DAYS_COUNTED:
        enough = (more >= max(days, 1) and luck * (misses + 1) <= MASTERED_LUCK
                  and p_known >= MASTERED_P)
        if enough:
            break
        more += 1
        luck *= lucky
        p_known = bkt_update(p_known, True, item, typed, choices)
    return days if more <= max(days, 1) else more


def recall_ready(state: WordMastery, now: datetime, tz: tzinfo = UTC) -> bool:
    """A due review whose right recall would master the word: ask it as a recall item. Not
    within REVIEW_DAYS school dates of the word's last answer: mastery would refuse it (not a
    review after a real interval), so a "mastery question" asked then could never master.
    Counted in the school's days (`tz`), as ready_at counts them: a review ready on a day is
    the deciding one at any hour of it."""
    first, last = state.first_correct_at, state.last_answered
    return (state.state is MasteryState.REVIEWING
            and school_date(state.due_at, tz) <= school_date(now, tz)
            and first is not None and days_apart(first, now, tz, RETENTION_DAYS)
            and (last is None or days_apart(last, now, tz, REVIEW_DAYS)))


def review_waits(state: WordMastery, now: datetime, tz: tzinfo = UTC) -> bool:
    """A due review of a word right on two days waits until it can show retention (at most
    RETENTION_DAYS school dates after the first right answer): asked a day early, it is
    spent."""
    first = state.first_correct_at
    return (state.state is MasteryState.REVIEWING and first is not None
            and not days_apart(first, now, tz, RETENTION_DAYS))


def rests_until(answered_at: datetime, tz: tzinfo) -> datetime:
    """The start of the school's day after an answer: a word answered in a check is not asked
    again that day. Retrieval is spaced over days (a miss is re-taught in the check itself), so
    a check that ends "try /check tomorrow" is never followed by a reminder the same day."""
    return study_start(school_date(answered_at, tz) + timedelta(days=1), tz)


def ready_day(state: WordMastery, tz: tzinfo) -> date:
    """The school's date from which a check may ask this word: the day FSRS has it due, a word
    being reviewed no longer waiting for the retention gap (review_waits) nor for a real
    interval since its last answer (REVIEW_DAYS), and never the day it was last answered."""
    day = school_date(state.due_at, tz)
    first, last = state.first_correct_at, state.last_answered
    if state.state is MasteryState.REVIEWING and first is not None:
        day = max(day, school_date(first, tz) + timedelta(days=RETENTION_DAYS))
        if last is not None:
            day = max(day, school_date(last, tz) + timedelta(days=REVIEW_DAYS))
    if last is not None:
        day = max(day, school_date(last, tz) + timedelta(days=1))  # rests_until
    return day


def ready_at(state: WordMastery, tz: tzinfo) -> datetime:
    """When a check may ask this word: the start of its ready_day. Day-granular, so the
    morning's reminder, a check, /progress that evening and /student all count the same
    words all day, and "back Monday" is true from Monday's first minute."""
    return study_start(ready_day(state, tz), tz)


def is_due(state: WordMastery, now: datetime, tz: tzinfo) -> bool:
    """Ready now, as everything counts it: what a check asks, a reminder and /progress count,
    and what a check's last message says comes next."""
    return ready_at(state, tz) <= now


class AskFirst(enum.IntEnum):
    """Which ready words a check asks first (lower first): one check asks MAX_CHECK words, so
    the order decides which wait."""

    MISSED = 0  # missed last time it was asked: the feedback said when it comes back
    REVIEW = 1  # right on two days (or mastered): retention is being checked
    LEARNING = 2  # new, or still being learned with no miss since its last answer


def ask_first(state: WordMastery) -> AskFirst:
    """A missed word is asked first once it has rested (rests_until), ahead of reviews and of
    new words: a level-3 playtester's missed "describe", told "you will see it again soon",
    waited 9 school days behind words a teacher kept pushing, and the next school day is what
    the feedback now promises. Then reviews, then words still being learned."""
    if state.misses_in_row > 0:
        return AskFirst.MISSED
    if state.state in (MasteryState.NEW, MasteryState.LEARNING):
        return AskFirst.LEARNING
    return AskFirst.REVIEW


def next_review(states: Iterable[WordMastery], now: datetime, tz: tzinfo) -> datetime | None:
    """When the next word becomes ready after `now` (None: none will). A word still learning
    counts too: a check asks it only when it is ready, as it does a review."""
    return min((at for s in states if (at := ready_at(s, tz)) > now), default=None)
