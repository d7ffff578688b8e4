"""Benchmark: can "mastered" be faked? Simulated students with a known truth study through the
real services (bot/services/checks.py and answers.py, a real in-memory store, a fixed clock)
for 30 school days.

Kinds of student (30 of each, levels 1-5, one home-language class of 20 words):
  guesser    taps a random option, types nothing useful: knows no word
  memoriser  recognises each card's example sentence (a gap in it is filled right) but never
             learns a meaning: knows no word
  learner    learns from cards and feedback and forgets on an exponential curve; every right
             retrieval after a gap makes the memory last longer (the spacing effect)
  crammer    a learner who does eight checks a day for the first three school days, then stops
  lookalike  knows no English word but reads her own language: rules out every option spelled
             like a word of hers (a cognate is a word she knows), and taps the option spelled
             most like a home-language question ("konsomatè" -> consumer)
  eliminator knows no word, but rules out every option whose word she answered earlier that
             day (its right answer was shown), and every option whose card she never saw (a
             strange word is not the one asked), and guesses among the rest
  sly        both: the look-alike guesser who also eliminates
  nightowl   a learner who studies at 23:30-00:30 school time, and on some nights twice, once
             before midnight and once after (one study day: they start at 04:00)
  revealer   knows no word: taps any option (or types nothing) to see the right answer in the
             feedback, then gives it to every later question on that word for REVEAL_HOURS
             (any prompt: she noted the word and its meaning, not the screen)
  speller    knows no meaning, but has read every card she was shown, so she knows the
             English words of her list by their spelling: at letter tiles (levels 1-2) she
             spells a word of hers that the tiles can make (at random among several; not one
             she answered today, nor one shorter than ✅ takes), else taps tiles at random; at
             a typed question she types a word of her list at random (not one answered
             today); elsewhere the eliminator
  echo       (with the `echo` flag) knows no word and learns no meaning, but remembers the
             answer shown with each question's prompt for ECHO_HOURS (after her tap, a miss's
             right answer, a "Practice again" item's too) and gives it when that prompt comes
             back: a prompt repeated on the next school day is passed by memory of the screen

The night owl, the revealer and the speller study in a store of their own (their answers take
check ids the other kinds' letter tiles are dealt by), so the figures of the kinds above are
the same with them or without them (`classic` leaves them out).

Sessions are realistic: on 4 school days out of 5 at about 16:00 a student sends /check (which
first shows the cards of any words that unlock; one session in four starts with /words, all
current cards), then does one or two checks (crammers eight).

Prints the false-mastery rate per kind (mastered words the student does not know), the
elimination rate per level (counted taps, not practice, where the answer was the only option
whose card the student had seen: passed by elimination, playtest H1), the median
school days from a word's card to its mastery for learners, and the share of the learners'
mastered words they still know two weeks after the last day.
Goals (issue 9): guessers <= 1 %, memorisers <= 5 %, learners <= 10 school days, >= 90 %.

Run: python bench/mastery_validity.py [students-per-kind] [seed] [language] [levels] [honest]
[two-packs] [echo] [no-keyboard] [classic]
(no asserts; levels: e.g. 1,2 puts every student at levels 1-2, default 1,2,3,4,5; honest:
learners and crammers who do not recall a word tap "🤷 I don't know" where a question with
options has it, levels 1-2, instead of guessing; guessers still guess; two-packs: every
student is also in a maths class (math.number-operations), so her checks mix the two packs'
words, and the eliminator and the sly one also rule out an option of the other subject than
the question's (a maths word among ecosystem words), a listening question's excepted (its
stem is the word's sound); echo: adds the echo student; no-keyboard: students at levels 1-2
cannot type English (playtest, Lin, Mandarin), so a typed question is spelled with letter
tiles where "🔤" offers them (the word if she recalls it, else tiles tapped at random), else
answered 🤷. The flags come in any order after the levels.)
The home language (default es) matters at levels 1-2: a cognate's deciding review is typed,
any other word's is chosen among up to six English words from its home-language term. At
level 1 a typed question opens with its letter tiles (tiles.first), so every level-1 student
spells it on them (the word if she recalls it, else tiles tapped at random), as no-keyboard
students do.
"""

from __future__ import annotations

import difflib
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from sqlite_utils import Database

from bot.domain import tiles
from bot.domain.cognates import fold
from bot.domain.gaps import GAP
from bot.domain.mastery import school_date
from bot.domain.scaffold import ItemType, scaffold_for
from bot.domain.school_days import is_school_day, school_days_between
from bot.services import answers, checks, learners
from bot.services.packs import install_packs, load_packs
from bot.store import open_store, people
from bot.store import study as study_store

TZ = ZoneInfo("America/New_York")
START = datetime(2026, 9, 14, 20, 0, tzinfo=UTC)  # Monday 16:00 in New York
SCHOOL_DAYS = 30
PACK = "science.ecosystems"
SECOND_PACK = "math.number-operations"  # `two-packs`: her other class's pack
KINDS = ("guesser", "memoriser", "learner", "crammer", "lookalike", "eliminator", "sly")
SPELLER = "speller"  # knows no meaning, knows her words' spellings: every mastery is false
GUESSERS = ("guesser", "lookalike", "eliminator", "sly", SPELLER)  # know no word: every
# mastery is false
ECHO = "echo"  # knows no word, remembers each prompt's answer a while (the `echo` flag)
ECHO_HOURS = 80  # the next school day, over a weekend too
NIGHT_OWL = "nightowl"  # a learner at 23:30-00:30 (a store of its own: see the docstring)
REVEALER = "revealer"  # knows no word, notes each answer the feedback shows: every mastery false
EXTRA_KINDS = (NIGHT_OWL, REVEALER, SPELLER)
REVEAL_HOURS = ECHO_HOURS  # how long the revealer keeps a word's noted answer
TWICE_A_NIGHT = 0.4  # a night owl's nights with a sitting before midnight and one after
LEARNERS = ("learner", "crammer", NIGHT_OWL)  # learn from cards and feedback (Memory)
LOOKS_LIKE = 0.6  # a look-alike guesser taps an option this close in spelling to the question
LEVELS = (1, 2, 3, 4, 5)
KNOWN = 0.5            # a word is known when recall is more likely than not
LEARN_FROM_CARD = 0.6  # chance one look at a card (or at feedback) plants the meaning
SLIP = 0.05            # a learner who knows the word still taps or types wrong this often
# Memory as FSRS-5 models it: stability S is the number of days until recall falls to 90 %,
# recall(t) = 0.9 ** (t / S) (an exponential forgetting curve). One look at a card plants a
# weak memory, FSRS-5's default first stability for "hard" (1.18 days); a right retrieval
# multiplies S by 1 + GAIN x (1 - recall): about x3 at 90 % recall, x11 at 50 %, x1 right
# after studying (massed practice adds almost nothing).
FIRST_STABILITY = 1.18
GAIN = 20.0
LOOK_AGAIN = 0.25      # sessions that start with /words (all current cards) rather than /check


@dataclass
class Memory:
    """A learner's memory of one word: exponential forgetting, spaced retrieval strengthens."""

    stability: float = 0.0  # days; 0 = never learned
    last: datetime | None = None

    def recall(self, now: datetime) -> float:
        if self.last is None or self.stability <= 0:
            return 0.0
        return 0.9 ** ((now - self.last).total_seconds() / 86400 / self.stability)

    def see(self, now: datetime, rng: random.Random) -> None:
        """A card or the right answer shown after a miss."""
        if self.stability <= 0:
            if rng.random() < LEARN_FROM_CARD:
                self.stability, self.last = FIRST_STABILITY, now
        elif self.recall(now) < KNOWN:  # forgotten: relearnt, from a short memory again
            self.stability, self.last = FIRST_STABILITY, now
        else:  # still known: looking again refreshes it (no spacing gain without retrieval)
            self.last = now

    def retrieved(self, now: datetime) -> None:
        """A right answer from memory: the longer the gap, the bigger the gain."""
        gap = 1 - self.recall(now)  # 0 right after study, near 1 when nearly forgotten
        self.stability *= 1 + GAIN * gap
        self.last = now


@dataclass
class Student:
    """One simulated student. Her randomness comes in separate streams, all from `seed`, so a
    change to the product moves only what it touches (common random numbers): `plan` draws
    when she studies (days, hour, checks, /words or /check), `checker` is the check
    builder's rng (which items and options), `mind(word)` her learning and recall of one word,
    `rng` her taps and guesses. With one stream for all, a commit that only put /words's new
    cards first (the same cards, read in another order) gave every later draw to another
    event, and seed 1's learners went from 529 to 514 mastered words by reshuffling alone."""

    id: int
    kind: str
    level: int
    rng: random.Random
    seed: str = ""
    plan: random.Random = field(init=False)
    checker: random.Random = field(init=False)
    minds: dict[int, random.Random] = field(default_factory=dict)
    memory: dict[int, Memory] = field(default_factory=dict)
    met_today: set[str] = field(default_factory=set)  # terms answered today (the eliminators)
    day: date | None = None
    honest: bool = False  # taps 🤷 where it is offered rather than guess (learners only)
    keyboard: bool = True  # False: cannot type English (levels 1-2, no-keyboard)
    # echo: prompt -> the answer shown with it, and when
    echoes: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    # revealer: word id -> when a feedback showed her its answer after a guess
    revealed: dict[int, datetime] = field(default_factory=dict)
    # speller: the English words whose cards she has read, folded (she knows their spelling)
    spellings: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.plan = random.Random(f"{self.seed}:plan")
        self.checker = random.Random(f"{self.seed}:check")

    def mind(self, word_id: int) -> random.Random:
        """Her draws about one word (a card planting it, recalling it, slipping): its own
        stream, so another word asked or shown more or less often leaves this one's alone."""
        return self.minds.setdefault(word_id, random.Random(f"{self.seed}:word:{word_id}"))

    def studies_on(self, day_index: int) -> bool:
        if self.kind == "crammer":
            return day_index < 3
        return self.plan.random() < 0.8

    def checks_today(self) -> int:
        return 8 if self.kind == "crammer" else self.plan.choice((1, 1, 2))

    def sittings(self, base: datetime) -> list[datetime]:
        """When she starts studying on a school day whose 16:00 is `base`: at about 16:00-18:00,
        or a night owl at 23:30-00:30, on some nights twice, before midnight and after."""
        if self.kind != NIGHT_OWL:
            return [base + timedelta(minutes=self.plan.randrange(0, 120))]
        night = base + timedelta(hours=7, minutes=30)  # 23:30
        if self.plan.random() < TWICE_A_NIGHT:
            return [night + timedelta(minutes=self.plan.randrange(0, 15)),
                    night + timedelta(minutes=35 + self.plan.randrange(0, 20))]  # 00:05-00:25
        return [night + timedelta(minutes=self.plan.randrange(0, 60))]

    def noted(self, word_id: int, now: datetime) -> bool:
        """The revealer still has the answer a feedback showed her for this word."""
        when = self.revealed.get(word_id)
        return when is not None and now - when <= timedelta(hours=REVEAL_HOURS)

    def knows(self, word_id: int, now: datetime) -> float:
        if self.kind in (*GUESSERS, "memoriser", ECHO, REVEALER):
            return 0.0
        return self.memory.setdefault(word_id, Memory()).recall(now)


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def _guess(student: Student, item: checks.Item, language: str,
           glosses: dict[str, tuple[str, bool]], strange: frozenset[int] = frozenset()) -> int:
    """A guesser's tap: what she can rule out without knowing the word, then chance
    (`strange`: the options whose cards she never saw)."""
    options = list(range(len(item.options)))
    if student.kind in ("eliminator", "sly", SPELLER) and not item.asks_meaning:
        options = [i for i in options if fold(item.options[i]) not in student.met_today
                   and i not in strange]
    if student.kind in ("lookalike", "sly") and not item.asks_meaning:
        # an English option that reads as a word of hers is a word she knows: not this one,
        # unless the question itself is in her language and spelled like it
        def resembles(i: int) -> float:
            return _similar(item.options[i], item.prompt)
        best = max(options, key=resembles, default=None)
        if best is not None and resembles(best) >= LOOKS_LIKE:
            return best
        options = [i for i in options if not _recognised(item.options[i], glosses)]
    return student.rng.choice(options or list(range(len(item.options))))


def _recognised(option: str, glosses: dict[str, tuple[str, bool]]) -> bool:
    """An English word a speaker reads through her own language (flagged, or spelled alike)."""
    home = glosses.get(fold(option))
    return home is not None and (home[1] or _similar(option, home[0]) >= LOOKS_LIKE)


def answer(student: Student, question: checks.Question, words: dict[int, tuple[str, str]],
           now: datetime, glosses: dict[str, tuple[str, bool]] | None = None,
           strange: frozenset[int] = frozenset()) -> tuple[int | None, str | None, bool]:
    """(option to tap, text to type, answered from memory) as this kind of student would
    (`strange`: the options whose cards she never saw)."""
    item, rng = question.item, student.rng
    term, example = words[item.word_id]
    if student.kind == ECHO:
        shown, when = student.echoes.get(item.prompt, ("", now - timedelta(days=30)))
        if shown and now - when <= timedelta(hours=ECHO_HOURS):
            if item.typed:
                return None, shown, False
            if shown in item.options:
                return item.options.index(shown), None, False
        return (None, "idk", False) if item.typed else (rng.randrange(len(item.options)), None,
                                                        False)
    if student.kind == REVEALER:
        if student.noted(item.word_id, now):  # the answer a feedback showed her: from her note
            return ((None, item.answer, True) if item.typed
                    else (item.options.index(item.answer), None, True))
        # a tap (or nothing typed) only to see the right answer in the feedback
        return (None, "idk", False) if item.typed else (rng.randrange(len(item.options)), None,
                                                        False)
    if student.kind == SPELLER and item.typed:  # a word of hers: it may be the one
        typed = sorted(student.spellings - student.met_today)
        return None, (rng.choice(typed) if typed else "idk"), False
    if student.kind in GUESSERS:
        if item.typed:
            return None, "idk", False
        return _guess(student, item, question.lang, glosses or {}, strange), None, False
    if student.kind == "memoriser" and GAP in item.prompt and \
            fold(item.prompt.replace(GAP, term)) == fold(example):
        return (None, term, False) if item.typed else (item.options.index(item.answer), None,
                                                         False)
    p = student.knows(item.word_id, now)
    mind = student.mind(item.word_id)
    recalled = mind.random() < p and mind.random() > SLIP
    if item.typed:
        return None, (item.answer if recalled else "idk"), recalled
    if recalled:
        return item.options.index(item.answer), None, True
    if student.honest and scaffold_for(student.level).dont_know:
        return None, None, False  # 🤷
    return rng.randrange(len(item.options)), None, False


def _spelled(student: Student, question: checks.Question, option: int, known: bool) -> str:
    """What she spells with letter tiles (levels 1-2) where she would have tapped `option`:
    the word, when that was the right option and she tapped it `known` (she recalled it, or
    remembered its screen); else tiles tapped at random, as many as the word has letters (a
    guesser cannot rule a tile out as she ruled out an option, and a lucky tap among options
    is no spelling: a memoriser's or a learner's guess used to spell the word whenever it hit
    the right option, and a memoriser "mastered" a word she never knew)."""
    item = question.item
    if known and student.kind not in GUESSERS and item.options[option] == item.answer:
        return item.answer.lower()
    return _at_random(student, item, tiles.tiles_for(item, question.item_id))


def _at_random(student: Student, item: checks.Item, deal: tuple[str, ...]) -> str:
    """Tiles tapped at random, as many as the word has letters; the speller spells a word of
    her list that these tiles can make, as long as ✅ takes (she finds out by trying) and
    not one she answered today (she rules those out), if any (one of them at random)."""
    if student.kind == SPELLER:
        dealt, fewest = Counter(deal), tiles.fewest_letters(item)
        fits = sorted(w for w in student.spellings if len(w) >= fewest
                      and w not in student.met_today and not Counter(w) - dealt)
        if fits:
            return student.rng.choice(fits)
    return "".join(deal[i] for i in student.rng.sample(range(len(deal)), len(item.answer)))


def _echoed(student: Student, question: checks.Question, now: datetime) -> bool:
    """Whether the echo student gives this question's answer from memory of its screen."""
    shown, when = student.echoes.get(question.item.prompt, ("", now - timedelta(days=30)))
    return student.kind == ECHO and bool(shown) and now - when <= timedelta(hours=ECHO_HOURS)


def _without_keyboard(db: Database, student: Student, question: checks.Question, text: str,
                      now: datetime) -> answers.Feedback | None:
    """A typed question answered by a child who cannot type English, or at level 1 where its
    tiles show from the start: spelled with the tiles (shown, or "🔤" offers them), the word
    where she would have typed it, else tiles tapped at random (as many as the word has
    letters); where no tiles are offered, 🤷 (her only way out)."""
    item = question.item
    if not tiles.offered(item, student.level, question.practice):
        return answers.answer_dont_know(db, student.id, question.item_id, now, TZ)
    if fold(text) == fold(item.answer) and student.kind != SPELLER:  # (she spells by the deal)
        spelled = item.answer.lower()
    else:
        spelled = _at_random(student, item, tiles.tiles_for(item, question.item_id))
    return answers.answer_tiles(db, student.id, question.item_id, spelled, now, TZ)


@dataclass
class Simulation:
    """A finished simulated term: the store every answer went through, and who answered."""

    db: Database
    students: list[Student]
    shown: dict[tuple[int, int], date]  # (student, word) -> the day its card was first shown
    days: list[date]                    # the school days, in order
    answered: int
    # per level: counted taps, passed by elimination, shown with two options (a coin toss to
    # a teacher reading the question), and with an option of another pack than the word's
    taps: dict[int, list[int]]
    # per level: questions on a word asked before, those whose prompt repeats its previous
    # question's word for word, first questions on a word, those showing a card's sentence,
    # those repeating the last prompt shown on the word, a "Practice again" one included,
    # questions on a word asked the school day before, and those of them repeating that
    # day's question word for word
    prompts: dict[int, list[int]] = field(default_factory=dict)


def run(per_kind: int, seed: int = 7, language: str = "es",
        levels: tuple[int, ...] = LEVELS, honest: bool = False,
        school_days: int = SCHOOL_DAYS,
        after_day: Callable[[Database, int, list[Student]], None] | None = None,
        packs: tuple[str, ...] = (PACK,), kinds: tuple[str, ...] = KINDS,
        keyboard: bool = True) -> dict[str, object]:
    """Simulate `school_days` school days and sum them up; `after_day` sees the store and the
    students after each day's sessions (bench/stalled.py watches when a word first goes into
    review)."""
    sim = simulate(per_kind, seed, language, levels, honest, school_days=school_days,
                   after_day=after_day, packs=packs, kinds=kinds, keyboard=keyboard)
    return _figures(sim, levels)


def simulate(per_kind: int, seed: int = 7, language: str = "es",
             levels: tuple[int, ...] = LEVELS, honest: bool = False,
             kinds: tuple[str, ...] = KINDS, school_days: int = SCHOOL_DAYS,
             after_day: Callable[[Database, int, list[Student]], None] | None = None,
             packs: tuple[str, ...] = (PACK,), keyboard: bool = True) -> Simulation:
    """Students of `kinds` (per_kind of each) studying through the real services for
    `school_days` school days (bench/confusions.py reads the answers they left), each in one
    class per pack of `packs`."""
    db = open_store(None)
    install_packs(db, load_packs().packs, START)
    people.upsert_teacher(db, 1, "T", START)
    classes = [people.create_class(db, 1, f"Sim {n}", f"SIMcode1234{n}",
                                   START + timedelta(days=365), pack, START)
               for n, pack in enumerate(packs)]
    marks = ",".join("?" * len(packs))
    rows = db.execute("SELECT id, term, example, definition, simple, glosses, pack_id FROM words "
                      f"WHERE pack_id IN ({marks})", list(packs)).fetchall()
    words = {r[0]: (r[1], r[2]) for r in rows}
    cards = {r[0]: (r[3], r[2], r[4] or r[3]) for r in rows}
    pack_of = {r[0]: r[6] for r in rows}
    # English term -> (her home-language term, flagged cognate), as the look-alike guessers read
    glosses = {fold(r[1]): (json.loads(r[5]).get(language, {}).get("term", ""),
                            bool(json.loads(r[5]).get(language, {}).get("cognate")))
               for r in rows}
    rng = random.Random(seed)
    students: list[Student] = []
    for index in range(per_kind * len(kinds)):
        kind = kinds[index % len(kinds)]
        sid = 5000 + index
        people.upsert_student(db, sid, f"S{index}", START)
        people.set_student_language(db, sid, language)
        level = levels[(index // len(kinds)) % len(levels)]
        for klass in classes:
            people.enroll(db, sid, klass.id, START)
            people.set_level(db, sid, klass.id, level, "teacher")
        seed_of = rng.random()
        students.append(Student(sid, kind, level, random.Random(seed_of), seed=repr(seed_of),
                                honest=honest and kind in LEARNERS,
                                keyboard=keyboard or level > 2))
    shown: dict[tuple[int, int], date] = {}
    days: list[date] = []
    day = START.astimezone(TZ).date()
    while len(days) < school_days:
        if is_school_day(day):
            days.append(day)
        day += timedelta(days=1)
    answered = 0
    # counted, eliminated, two options, another pack's option
    taps: dict[int, list[int]] = {level: [0, 0, 0, 0] for level in levels}
    prompts: dict[int, list[int]] = {level: [0] * 7 for level in levels}
    # (student, word) -> the prompt it was last asked with, and the school day
    last: dict[tuple[int, int], tuple[str, int]] = {}
    shown_last: dict[tuple[int, int], str] = {}  # the same, "Practice again" items included
    for index, day in enumerate(days):
        base = START + timedelta(days=(day - days[0]).days)
        for student in students:
            if not student.studies_on(index):
                continue
            if student.day != day:
                student.day, student.met_today = day, set()
            for now in student.sittings(base):
                who = learners.learner(db, student.id)
                # /check shows the cards of words that unlock first; now and then /words
                # shows all
                looks = learners.current_words(db, who, now) \
                    if student.plan.random() < LOOK_AGAIN else learners.unlock(db, who, now)
                # The student reads these cards: only a card shown makes its word askable
                learners.cards_shown(db, student.id, [ref.id for ref in looks], now)
                for ref in looks:
                    shown.setdefault((student.id, ref.id), day)
                    if student.kind == SPELLER:
                        student.spellings.add(fold(ref.word.term))
                    if student.kind in LEARNERS:
                        student.memory.setdefault(ref.id, Memory()).see(
                            now, student.mind(ref.id))
                for _ in range(student.checks_today()):
                    now += timedelta(minutes=3)
                    question = checks.start_check(db, student.id, now, student.checker)
                    while question is not None:
                        now += timedelta(seconds=20)
                        _count_prompt(student, question, cards, last, prompts, shown_last,
                                      index)
                        strange = _strange(db, who, question.item, pack_of)
                        other = _off_topic(db, who, question.item, pack_of)
                        option, text, from_memory = answer(student, question, words, now,
                                                           glosses, strange | other)
                        if text is not None and (not student.keyboard
                                                 or question.opens_with_tiles):
                            # no keyboard, or level 1, where a typed question opens with its
                            # tiles (tiles.first): spelled on them
                            feedback = _without_keyboard(db, student, question, text, now)
                        elif text is not None:
                            feedback = answers.answer_typed(db, student.id, text, now, TZ)
                        elif option is None:
                            feedback = answers.answer_dont_know(db, student.id,
                                                                question.item_id, now, TZ)
                        elif tiles.by_default(question.item, student.level, question.practice):
                            feedback = answers.answer_tiles(
                                db, student.id, question.item_id,
                                _spelled(student, question, option,
                                         from_memory or _echoed(student, question, now)),
                                now, TZ)
                        else:
                            feedback = answers.answer_choice(db, student.id,
                                                             question.item_id, option or 0,
                                                             now, TZ)
                        answered += 1
                        _count_tap(db, student, question.item, strange, taps, bool(other))
                        if feedback is None:
                            break
                        student.met_today.add(fold(feedback.term))
                        student.echoes[question.item.prompt] = (feedback.grade.expected, now)
                        if student.kind == REVEALER and not from_memory:  # a guess, to see
                            student.revealed[feedback.word_id] = now  # the answer: noted
                        memory = student.memory.setdefault(feedback.word_id, Memory())
                        if feedback.grade.correct and from_memory:
                            memory.retrieved(now)
                        elif not feedback.grade.correct or feedback.reteach is not None:
                            # the right answer (or the card) shown
                            memory.see(now, student.mind(feedback.word_id))
                        question = feedback.next_question
        if after_day is not None:
            after_day(db, index, students)
    return Simulation(db, students, shown, days, answered, taps, prompts)


def _count_prompt(student: Student, question: checks.Question,
                  cards: dict[int, tuple[str, str, str]],
                  last: dict[tuple[int, int], tuple[str, int]],
                  prompts: dict[int, list[int]], shown_last: dict[tuple[int, int], str],
                  day: int) -> None:
    """Count a question whose prompt repeats the last one asked on its word word for word
    (passed by remembering the sentence's shape), and a first question that shows a sentence
    of the word's card (the definition or example at levels 3-6, the newcomer's English
    definition at 1-2); apart, a check question repeating the last prompt shown on its word,
    a "Practice again" item's included (its answer was shown right after it), and a question
    on a word asked the school day before (`day`: the school day's index) with that day's
    prompt (its answer was shown yesterday, after a miss too)."""
    item, counts = question.item, prompts[student.level]
    key = (student.id, item.word_id)
    if question.practice:
        shown_last[key] = item.prompt  # remembered as shown, counted for nothing itself
        return
    counts[4] += shown_last.get(key) == item.prompt
    shown_last[key] = item.prompt
    definition, example, simple = cards.get(item.word_id, ("", "", ""))
    card = {simple} if student.level <= 2 else {definition, example}
    if key in last:
        counts[0] += 1
        counts[1] += last[key][0] == item.prompt
        if last[key][1] == day - 1:
            counts[5] += 1
            counts[6] += last[key][0] == item.prompt
    else:
        counts[2] += 1
        counts[3] += item.prompt in card
    last[key] = (item.prompt, day)


def _figures(sim: Simulation, levels: tuple[int, ...]) -> dict[str, object]:
    db, students, shown, days, answered = (sim.db, sim.students, sim.shown, sim.days,
                                           sim.answered)
    end = START + timedelta(days=(days[-1] - days[0]).days, hours=4)
    later = end + timedelta(days=14)
    figures: dict[str, object] = {"answers": answered}
    to_mastery: list[int] = []
    owls: list[int] = []  # the night owls' school days from card to mastery
    kept: list[float] = []
    for kind in dict.fromkeys(s.kind for s in students):
        tested = mastered = false = 0
        for student in (s for s in students if s.kind == kind):
            for word_id, state in study_store.student_mastery(db, student.id).items():
                if not state.answered:
                    continue
                tested += 1
                if not state.mastered or state.mastered_at is None:
                    continue
                mastered += 1
                known = student.knows(word_id, state.mastered_at) >= KNOWN
                false += not known
                if kind == "learner":
                    first = shown.get((student.id, word_id), days[0])
                    to_mastery.append(school_days_between(
                        first, state.mastered_at.astimezone(TZ).date()))
                    kept.append(student.knows(word_id, later))
                elif kind == NIGHT_OWL:  # mastered at 00:10 is the study day before's
                    owls.append(school_days_between(shown.get((student.id, word_id), days[0]),
                                                    school_date(state.mastered_at, TZ)))
        figures[kind] = (tested, mastered, false)
    figures["median_days"] = statistics.median(to_mastery) if to_mastery else None
    figures["median_days_owls"] = statistics.median(owls) if owls else None
    figures["by_level"] = _by_level(db, students, shown, days, levels)
    figures["long"] = _long_words(db, students)
    figures["elimination"] = sim.taps
    figures["prompts"] = sim.prompts
    figures["kept"] = sum(1 for p in kept if p >= KNOWN) / len(kept) if kept else None
    return figures


def _strange(db: Database, who: learners.Learner, item: checks.Item,
             pack_of: dict[int, str]) -> frozenset[int]:
    """The options whose word's card the student never saw (a strange word is not the one
    asked: whoever has read one card can rule the others out)."""
    if item.typed or item.asks_meaning:
        return frozenset()
    seen = learners.seen_words(learners.studying(db, who.id))
    refs = checks.option_index(db, who).of(item, pack_of.get(item.word_id, PACK))
    return frozenset(i for i, ref in enumerate(refs) if ref is not None and ref.id not in seen)


def _off_topic(db: Database, who: learners.Learner, item: checks.Item,
               pack_of: dict[int, str]) -> frozenset[int]:
    """The wrong options whose word comes from another pack than the asked word's: a maths
    word beside a definition about animals is ruled out by its subject (not for a listening
    question, whose stem is a sound)."""
    if item.typed or item.item_type is ItemType.LISTEN:
        return frozenset()
    pack = pack_of.get(item.word_id, PACK)
    refs = checks.option_index(db, who).of(item, pack)
    return frozenset(i for i, (option, ref) in enumerate(zip(item.options, refs, strict=True))
                     if option != item.answer and ref is not None and ref.pack_id != pack)


def _count_tap(db: Database, student: Student, item: checks.Item, strange: frozenset[int],
               taps: dict[int, list[int]], off_topic: bool = False) -> None:
    """Count a tap the teacher counts (not practice), whether every wrong option was a word
    the student never saw (the answer the one familiar word: passed by elimination), and
    whether it showed two options (a coin toss, as a teacher reads it), and whether an
    option came from another pack than the word's (`off_topic`)."""
    if item.typed:
        return
    practice = db.execute("SELECT practice FROM attempts WHERE student_id = ? "
                          "ORDER BY id DESC LIMIT 1", [student.id]).fetchone()
    if practice is None or practice[0]:
        return
    wrong = [i for i, option in enumerate(item.options) if option != item.answer]
    taps[student.level][0] += 1
    taps[student.level][1] += bool(wrong) and all(i in strange for i in wrong)
    taps[student.level][2] += len(item.options) == 2
    taps[student.level][3] += off_topic


def _by_level(db: Database, students: list[Student], shown: dict[tuple[int, int], date],
              days: list[date], levels: tuple[int, ...]
              ) -> dict[int, tuple[int, int, int | None, int, int]]:
    """Per level: learners' words tested and mastered, their median school days from card to
    mastery, and guessers' (the echo's too) words tested and falsely mastered (newcomers
    answer other items)."""
    out = {}
    for level in levels:
        tested = mastered = guessed = false = 0
        spans: list[int] = []
        for student in (s for s in students if s.level == level):
            for word_id, state in study_store.student_mastery(db, student.id).items():
                if not state.answered:
                    continue
                if student.kind == "learner":
                    tested += 1
                    if state.mastered_at is not None:
                        mastered += 1
                        first = shown.get((student.id, word_id), days[0])
                        spans.append(school_days_between(
                            first, state.mastered_at.astimezone(TZ).date()))
                elif student.kind in (*GUESSERS, ECHO):
                    guessed += 1
                    false += state.mastered_at is not None
        out[level] = (tested, mastered, statistics.median(spans) if spans else None,
                      guessed, false)
    return out


LONG_WORD = 11  # letters: tiles spelled words of 10 at most before (playtest, Lin, Mandarin)


def _long_words(db: Database, students: list[Student]) -> tuple[int, int, int, int]:
    """Words of LONG_WORD letters or more: learners' words tested and mastered, guessers'
    (the echo's too) tested and falsely mastered."""
    long = {row[0] for row in db.execute("SELECT id FROM words WHERE length(term) >= ? "
                                         "AND term NOT LIKE '% %'", [LONG_WORD])}
    tested = mastered = guessed = false = 0
    for student in students:
        for word_id, state in study_store.student_mastery(db, student.id).items():
            if word_id not in long or not state.answered:
                continue
            if student.kind == "learner":
                tested += 1
                mastered += state.mastered_at is not None
            elif student.kind in (*GUESSERS, ECHO):
                guessed += 1
                false += state.mastered_at is not None
    return tested, mastered, guessed, false


def main() -> None:
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else sized(30, 1)
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    began = time.perf_counter()
    language = sys.argv[3] if len(sys.argv) > 3 else "es"
    levels = tuple(int(n) for n in sys.argv[4].split(",")) if len(sys.argv) > 4 else LEVELS
    flags = sys.argv[5:]
    honest = "honest" in flags
    packs = (PACK, SECOND_PACK) if "two-packs" in flags else (PACK,)
    kinds = (*KINDS, ECHO) if ECHO in flags else KINDS
    keyboard = "no-keyboard" not in flags
    figures = run(per_kind, seed, language, levels, honest, packs=packs, kinds=kinds,
                  keyboard=keyboard)
    extra = {} if "classic" in flags else run(
        per_kind, seed, language, levels, honest, packs=packs, kinds=EXTRA_KINDS,
        keyboard=keyboard)
    seconds = time.perf_counter() - began
    print(f"mastery validity: {per_kind} students per kind (seed {seed}, {language}, levels "
          f"{','.join(map(str, levels))}{', honest learners' if honest else ''}"
          f"{'' if keyboard else ', no English keyboard at levels 1-2'}"
          f"{', ' + ' + '.join(packs) if len(packs) > 1 else ''}), "
          f"{SCHOOL_DAYS} school days, {figures['answers']} answers through the study services "
          f"in {seconds:.0f} s")
    for kind in kinds:
        tested, mastered, false = figures[kind]  # type: ignore[misc]
        rate = false / tested if tested else 0.0
        print(f"  {kind:<10} words tested {tested:>5}  mastered {mastered:>5}  "
              f"false mastery {false:>4} = {rate:6.1%} of tested")
    print(f"  learners: median school days from card to mastery: {figures['median_days']}")
    for kind in EXTRA_KINDS if extra else ():  # in a store of their own
        tested, mastered, false = extra[kind]  # type: ignore[misc]
        rate = false / tested if tested else 0.0
        print(f"  {kind:<10} words tested {tested:>5}  mastered {mastered:>5}  "
              f"false mastery {false:>4} = {rate:6.1%} of tested (a store of their own)")
    if extra:
        print("  night owls (23:30-00:30, some nights twice across midnight): median school "
              f"days from card to mastery: {extra['median_days_owls']}")
    kept = figures["kept"]
    print("  learners: mastered words still known two weeks after the last day: "
          + (f"{kept:.0%}" if isinstance(kept, float) else "-"))
    for level, (tested, mastered, median, guessed, false) in figures["by_level"].items():
        print(f"  level {level}: learners mastered {mastered:>4} of {tested:>4} words tested, "
              f"median {median} school days; guessers {false} false of {guessed}")
    tested, mastered, guessed, false = figures["long"]  # type: ignore[misc]
    print(f"  words of {LONG_WORD}+ letters: learners mastered {mastered:>4} of {tested:>4} "
          f"words tested; guessers {false} false of {guessed}")
    for level, (counted, eliminated, two, other) in \
            figures["elimination"].items():  # type: ignore[union-attr]
        rate = eliminated / counted if counted else 0.0
        print(f"  level {level}: counted taps {counted:>5}, only the answer seen "
              f"{eliminated:>5} = {rate:6.1%} (elimination); two options {two:>4} = "
              f"{two / counted if counted else 0:6.1%}"
              + (f"; an option of the other pack {other:>4} = "
                 f"{other / counted if counted else 0:6.1%}" if len(packs) > 1 else ""))
    for level, (again, repeats, first, card, shown, next_day, same_day_before) in \
            figures["prompts"].items():  # type: ignore[union-attr]
        print(f"  level {level}: a word asked again {again:>5}, same prompt as last time "
              f"{repeats:>5} = {repeats / again if again else 0:6.1%} (last shown, practice "
              f"included: {shown:>5} = {shown / again if again else 0:6.1%}; asked the school "
              f"day before {next_day:>5}, with that day's prompt {same_day_before:>4} = "
              f"{same_day_before / next_day if next_day else 0:6.1%}); asked first "
              f"{first:>4}, with a sentence of its card {card:>4} = "
              f"{card / first if first else 0:6.1%}")
    print("goals: guessers <= 1 %, memorisers <= 5 %, learners <= 10 school days, >= 90 %")


if __name__ == "__main__":
    main()
