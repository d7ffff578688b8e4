"""A short adaptive self-placement that proposes a starting WIDA level and errs low.

Items come in bands of rising difficulty; a band counts only when every item in it is right,
so guessing through a band of two (four options each) has a 1 in 16 chance, a band of three
1 in 64. The first miss or "I don't know" ends the placement at the level below: a newcomer
who knows one picture word answers two questions and starts at level 1, not 2. The result is
a proposal; a level the teacher sets always wins (see `people.set_level`).

The items are English assessment content, like pack words, so they stay in English for
every learner; only the instructions around them (and "I don't know") are localised prompts.

Band 1 can also be heard (a 🔊 where speech is on): a student who cannot read English yet but
knows everyday words by ear reaches level 2, whose cards still lead with the home language.
Higher bands stay written: they place a student where cards are read in English, so passing
them by ear would place a non-reader too high.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.scaffold import spoken_gap

RIGHT, WRONG, DONT_KNOW = 1, 0, -1
TOP_LEVEL = 5  # 6 is for a teacher to give


@dataclass(frozen=True)
class PlacementItem:
    question: str
    options: tuple[str, ...]
    correct: int
    band: int  # passing this band (and every band below) places the student at band + 1
    # What a 🔊 says (empty: no audio): the question where it is a sentence, then each option
    # in the buttons' order as it is heard, so a student who knows the word or the sentence by
    # ear finds its button.
    spoken: tuple[str, ...] = ()


PLACEMENT: tuple[PlacementItem, ...] = (
    # Band 1 -> level 2: everyday words, a simple sentence, a question
    PlacementItem("📚 = ?", ("tree", "book", "run", "blue"), 1, 1,
                  spoken=("tree.", "book.", "run.", "blue.")),
    # The sentence with its gap a pause first, as question 3 says its question first: heard
    # without it, four sentences began mid-task (playtest, Hmong level 1).
    PlacementItem("I ___ to school every day.", ("goes", "go", "going", "gone"), 1, 1,
                  spoken=(spoken_gap("I ___ to school every day."),
                          "I goes to school every day.", "I go to school every day.",
                          "I going to school every day.", "I gone to school every day.")),
    PlacementItem("Which one is a question?",
                  ("Where is the library?", "The library is big.", "Go to the library.",
                   "I like the library."), 0, 1,
                  spoken=("Which one is a question?", "Where is the library?",
                          "The library is big.", "Go to the library.", "I like the library.")),
    # Band 2 -> level 3: general academic words
    PlacementItem("To compare two things means to ...",
                  ("find how they are alike and different", "draw them", "count them",
                   "throw them away"), 0, 2),
    PlacementItem("A fact is ...", ("a kind of story", "something that is true",
                                    "a question", "something you feel"), 1, 2),
    # Band 3 -> level 4: content words in longer sentences
    PlacementItem("The data ___ our hypothesis, so we keep it.",
                  ("ignores", "invents", "supports", "repeats"), 2, 3),
    PlacementItem("Plants need sunlight; ___, they die in the dark.",
                  ("therefore", "otherwise", "because", "although"), 1, 3),
    # Band 4 -> level 5: precise academic language
    PlacementItem("Which word can replace \"get\" in \"Scientists get data from a test\"?",
                  ("obtain", "become", "arrive", "understand"), 0, 4),
    PlacementItem("Although the results surprised them, the team ___ them carefully.",
                  ("analyzed", "ignored", "avoided", "invented"), 0, 4),
)


def spoken(question: int) -> tuple[str, ...]:
    """What the 🔊 of a placement question says; empty when it has none (or no such question)."""
    return PLACEMENT[question].spoken if 0 <= question < len(PLACEMENT) else ()


def score(question: int, option: int) -> int:
    """RIGHT, WRONG, or DONT_KNOW (the extra button after the options) for one answer."""
    item = PLACEMENT[question]
    if option == len(item.options):
        return DONT_KNOW
    return RIGHT if option == item.correct else WRONG


def next_question(answers: Sequence[int]) -> int | None:
    """The index of the next question, or None when the placement is over (a miss, an
    "I don't know", or every question answered)."""
    if any(a != RIGHT for a in answers) or len(answers) >= len(PLACEMENT):
        return None
    return len(answers)


def level_from_answers(answers: Sequence[int]) -> int:
    """Propose a level 1-5: one above the highest band whose items were all answered right
    (bands counted from the bottom, none skipped)."""
    level = 1
    for band in sorted({item.band for item in PLACEMENT}):
        indexes = [i for i, item in enumerate(PLACEMENT) if item.band == band]
        if not all(i < len(answers) and answers[i] == RIGHT for i in indexes):
            break
        level = band + 1
    return min(level, TOP_LEVEL)


def student_level(levels: Iterable[tuple[int | None, bool]]) -> int | None:
    """The one English level a student is taught at, from each class's (level, set by a
    teacher): a teacher's level wins over the student's own placement, and where two differ
    the lower one wins (too much support costs a little time, too little loses a newcomer).
    None when no class has a level yet."""
    known = [(not by_teacher, level) for level, by_teacher in levels if level is not None]
    if not known:
        return None
    best = min(source for source, _ in known)
    return min(level for source, level in known if source == best)
