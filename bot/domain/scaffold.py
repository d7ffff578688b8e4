"""What a preview card and a check show at each WIDA English language proficiency level."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace


class WidaLevel(enum.IntEnum):
    ENTERING = 1
    EMERGING = 2
    DEVELOPING = 3
    EXPANDING = 4
    BRIDGING = 5
    REACHING = 6

    @classmethod
    def parse(cls, value: object) -> WidaLevel:
        """Read a level from user input ("3", 3); raise ValueError outside 1-6."""
        try:
            number = int(str(value).strip())
        except ValueError as exc:
            raise ValueError(f"not a WIDA level: {value!r}") from exc
        return cls(number)


class ItemType(enum.StrEnum):
    CHOICE = "choice"    # English definition (or an L1 meaning question) -> pick a word
    REVERSE = "reverse"  # L1 term -> pick the English word
    CLOZE = "cloze"      # example sentence with a gap -> pick or type the word
    TYPED = "typed"      # definition -> type the English word
    POLL = "poll"        # a Telegram quiz poll: definition -> pick the word
    LISTEN = "listen"    # a voice note says the English word -> pick it (levels 1-2, speech on)


class StemLanguage(enum.StrEnum):
    """The language a choice item's stem is read in."""

    ENGLISH = "en"  # the English definition
    HOME = "l1"     # the home-language definition, else the word's picture (emoji)


@dataclass(frozen=True)
class Scaffold:
    """The supports a learner at one level gets."""

    level: WidaLevel
    l1_first: bool           # home-language term and definition lead the card
    l1_inline: bool          # home language shown on the card (else one tap away)
    emoji: bool              # a picture-word helps beginners
    sentence_frame: bool     # a frame to talk or write with the word
    bilingual_prompts: bool  # check questions in the home language and English
    typed_answers: bool      # cloze items are typed rather than chosen
    item_types: tuple[ItemType, ...]
    words_per_set: int       # how many new words are introduced at once
    # Levels 1-2: the card's meaning is the home-language gloss (term and short definition),
    # not the full English definition and example; choice stems are home-language definitions
    # or pictures (see `beginner_stem`), never an English definition to read.
    english_definition: bool = True
    definition_stem_language: StemLanguage = StemLanguage.ENGLISH
    # Levels 1-2: "hear the word, choose it" joins the rotation where speech is on, so a
    # student who cannot read English yet still meets the words' spoken form in checks.
    listening: bool = False
    # Levels 1-3: a preview is one card a message, turned with "Next ▶" in place, so a
    # newcomer reads one word at a time instead of scrolling a wall of cards.
    one_card: bool = False
    # Levels 1-2: /progress is three short lines (words by state, days in a row, what to do
    # next) instead of a chart and a list of seven numbers.
    short_progress: bool = False
    # Levels 1-2: a question with options (buttons, a voice note's buttons, a quiz poll) has
    # placement's "🤷 I don't know" after them, as every typed question has at every level: a
    # newcomer facing six unknown words must not have to guess, and an honest miss is better
    # evidence than a lucky tap. It is no option: the options evidence counts stay as shown.
    dont_know: bool = False
    # Level 5: no sentence frame, but an invitation to write a sentence of her own with the
    # word (the step between level 4's sentence starter and level 6's card alone).
    own_sentence: bool = False
    # Every level: /progress's chart labels ("Nuevas · New") in the home language and
    # English, as its lines are (English first at levels 5-6): a level-3 student read the
    # states in Arabic alone under a bilingual summary, and English is what the class calls
    # them (playtest, Arabic level 3); so did a level-5 one ("كلماتي", ELD playtest).
    bilingual_labels: bool = False
    # Levels 1-2: a gap sentence is asked only when it has at most this many words (None: any
    # length). A level-2 child cannot read "The smell of baking bread spreads through the
    # whole house because it travels as a _____." (playtest, Haitian Creole): a long English
    # sentence tests reading, not the word, and packs give no home-language gloss of it.
    gap_words: int | None = None
    # Level 1: a check asks by a home-language definition other than her card's line only
    # when it has at most this many words (`reading_words`; None: any length). A Hmong child
    # who reads her language a little met "Muab ib yam faib me me thiab kawm txhua daim." on
    # her card and a 23-word textbook definition in her check (playtest, Hmong level 1).
    definition_words: int | None = None
    # Levels 1-2 with her teacher's /readaloud (read_aloud.py, `oral_scaffold_for`): she
    # cannot read yet, and only English option words are read aloud to her. So no question
    # asks her to read: no quiz poll (Telegram shows its English options, unread), no gap
    # sentence, no false friend's meaning question (its options are written in her language).
    oral: bool = False

    @property
    def part_of_speech(self) -> bool:
        """Levels 3-6: the card names the word's part of speech, "(noun)". At levels 1-2 a
        grammar label in her language ("(magac)") under every card was one more word to read
        that told a newcomer nothing she could use (playtest, level 1)."""
        return self.level > WidaLevel.EMERGING

    @property
    def english_first(self) -> bool:
        """Levels 5-6: a message in two languages reads English first, the home language
        beneath, as their cards are English only (the home language on request). A level-6
        student read "Pregunta 1/5" over an English question and Spanish-first feedback under
        it, beside English card buttons (playtest)."""
        return not (self.l1_first or self.l1_inline)


BEGINNER_GAP_WORDS = 8  # "Honey is a thick _____ that flows." is as much as levels 1-2 read
# As long a definition in her own language as a level-1 reader is asked to read: her card's
# line is at most 12 words (`simple`), and two more leave room for a language that writes
# more, shorter words (Hmong, Vietnamese: one syllable a word)
BEGINNER_DEFINITION_WORDS = 14


_SCAFFOLDS = {
    WidaLevel.ENTERING: Scaffold(WidaLevel.ENTERING, True, True, True, True, True, False,
                                 (ItemType.CHOICE, ItemType.REVERSE, ItemType.POLL), 3,
                                 False, StemLanguage.HOME, listening=True, one_card=True,
                                 short_progress=True, dont_know=True,
                                 bilingual_labels=True,
                                 gap_words=BEGINNER_GAP_WORDS,
                                 definition_words=BEGINNER_DEFINITION_WORDS),
    WidaLevel.EMERGING: Scaffold(WidaLevel.EMERGING, True, True, True, True, True, False,
                                 (ItemType.CHOICE, ItemType.REVERSE, ItemType.POLL,
                                  ItemType.CLOZE), 4, False, StemLanguage.HOME,
                                 listening=True, one_card=True, short_progress=True,
                                 dont_know=True, bilingual_labels=True,
                                 gap_words=BEGINNER_GAP_WORDS),
    WidaLevel.DEVELOPING: Scaffold(WidaLevel.DEVELOPING, False, True, False, True, True, False,
                                   (ItemType.CHOICE, ItemType.CLOZE, ItemType.REVERSE,
                                    ItemType.POLL), 5, one_card=True,
                                   bilingual_labels=True),
    WidaLevel.EXPANDING: Scaffold(WidaLevel.EXPANDING, False, True, False, True, False, False,
                                  (ItemType.CLOZE, ItemType.CHOICE, ItemType.POLL,
                                   ItemType.TYPED), 5, bilingual_labels=True),
    WidaLevel.BRIDGING: Scaffold(WidaLevel.BRIDGING, False, False, False, False, False, True,
                                 (ItemType.TYPED, ItemType.CLOZE, ItemType.POLL,
                                  ItemType.CHOICE), 6, own_sentence=True,
                                 bilingual_labels=True),
    WidaLevel.REACHING: Scaffold(WidaLevel.REACHING, False, False, False, False, False, True,
                                 (ItemType.TYPED, ItemType.CLOZE, ItemType.POLL), 6,
                                 bilingual_labels=True),
}


_BY_NUMBER: dict[int, Scaffold] = {int(level): s for level, s in _SCAFFOLDS.items()}
# The kinds a student who cannot read yet is never asked (Scaffold.oral)
WRITTEN_KINDS = (ItemType.POLL, ItemType.CLOZE)
_ORAL: dict[int, Scaffold] = {
    int(level): replace(s, oral=True,
                        item_types=tuple(k for k in s.item_types if k not in WRITTEN_KINDS))
    for level, s in _SCAFFOLDS.items() if level <= WidaLevel.EMERGING}

# How many new words a student starts with at once, at level 1 and at the top levels
NEW_WORDS_AT_ONCE = (min(s.words_per_set for s in _SCAFFOLDS.values()),
                     max(s.words_per_set for s in _SCAFFOLDS.values()))


def scaffold_for(level: WidaLevel | int | None) -> Scaffold:
    """Return the scaffold for a level; no level yet gets Entering (1), the most support.

    A student without a level has not finished placement (or has not started it): guessing
    the middle would hand a newcomer English-first cards, so an unknown level errs low, as
    placement does."""
    if level is None:
        return _SCAFFOLDS[WidaLevel.ENTERING]
    # found by number without building the enum member (a graded tap asks five times);
    # WidaLevel() then refuses any other value, as it did
    found = _BY_NUMBER.get(level)
    return found if found is not None else _SCAFFOLDS[WidaLevel(level)]


def oral_scaffold_for(level: WidaLevel | int | None) -> Scaffold:
    """The scaffold of a student whose checks are oral (her teacher's /readaloud): at levels
    1-2 (or none yet) her level's, without the questions she would have to read
    (Scaffold.oral); from level 3 on her level's as it is (oral checks are for levels 1-2)."""
    found = _ORAL.get(WidaLevel.ENTERING if level is None else level)
    return found if found is not None else scaffold_for(level)


# English sentence frames are learning content (the learner practises English with them), so
# they stay English for everyone; the label around them is a localised prompt. Support steps
# down level by level (FRAME_STEPS): beginners get a short frame they can say after one look at
# the card; level 3 a frame with a reason ("___ because ___"); level 4 only the start of a
# sentence, which she finishes in her own words; level 5 no frame, an invitation to write her
# own sentence (Scaffold.own_sentence); level 6 nothing. Levels 3 and 4 got the same frame,
# level 5 none at all (mid-level playtest). A noun frame never puts the term where an article
# would go: "One example of ecosystem is" wanted "an", and whether a noun counts ("a habitat")
# or not ("erosion") is nothing a pack says.
BEGINNER_FRAMES = {
    "noun": "The {term} is ___.",
    "verb": "I can {term}.",
    "adjective": "It is {term}.",
    "adverb": "I do it {term}.",
    "phrase": "I say \"{term}\".",
}
SENTENCE_FRAMES = {
    "noun": "I know the word {term}. One example is ___ because ___.",
    "verb": "When I {term}, I ___.",
    "adjective": "It is {term} because ___.",
    "adverb": "She worked {term} when ___.",
    "phrase": "I can use \"{term}\" when ___.",
}
SENTENCE_STARTERS = {  # level 4: one gap, the rest of the sentence is hers
    "noun": "In my own words, {term} means ___",
    "verb": "People {term} when ___",
    "adjective": "Something {term} is ___",
    "adverb": "I do things {term} when ___",
    "phrase": "I can use \"{term}\" to ___",
}
FRAME_STEPS = {1: BEGINNER_FRAMES, 2: BEGINNER_FRAMES, 3: SENTENCE_FRAMES,
               4: SENTENCE_STARTERS}
STARTER_LEVEL = 4  # from here the card shows a sentence's start, not a whole frame


def sentence_frame(term: str, pos: str, level: int | None = None,
                   own: str | None = None) -> str | None:
    """The frame a card at this level gives for talking or writing with a new word: short for
    levels 1-2 (the word's `own` frame from its pack, where it has one: "The matter is ___."
    and "The evaporation is ___." say nothing), with a reason at 3, a sentence's start at 4;
    None from level 5 (no frame)."""
    frames = FRAME_STEPS.get(level if level is not None else 3)
    if frames is None:
        return None
    if own and frames is BEGINNER_FRAMES:
        return own
    return frames.get(pos, frames["phrase"]).format(term=term)


# A gap read aloud: eSpeak NG pauses ~0.6 s at an ellipsis inside one utterance, so "A … is an
# ecosystem." keeps the sentence's tune; cutting it into parts read "A" as the letter name.
SPOKEN_GAP = "…"
_GAP = re.compile(r"\s*_{3,}\s*")
_BEFORE_STOP = re.compile(f"{SPOKEN_GAP} (?=[.,;:!?])")


def spoken_gap(sentence: str) -> str:
    """A frame or question with a gap ("A ___ is an ecosystem.") as a voice says it: the
    sentence whole, the gap a pause ("A … is an ecosystem.")."""
    text = _GAP.sub(f" {SPOKEN_GAP} ", sentence)
    return _BEFORE_STOP.sub(SPOKEN_GAP, text).strip()


def readable_gap(sentence: str, scaffold: Scaffold) -> bool:
    """Whether a student at this level can be asked this gap sentence: short enough at levels
    1-2 (`Scaffold.gap_words`), any length from level 3."""
    return scaffold.gap_words is None or len(sentence.split()) <= scaffold.gap_words


# Chinese writes no spaces: a word is about two characters (CJK unified ideographs)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def reading_words(text: str) -> int:
    """How many words a reader meets in `text`: its space-separated words, a run of Chinese
    characters counting one word per two characters ("把一件事物分成几个部分" is 5)."""
    return sum(max(1, (len(_HAN.findall(token)) + 1) // 2) for token in text.split())


def readable_definition(definition: str, scaffold: Scaffold) -> bool:
    """Whether a check at this level may ask by this home-language definition besides her
    card's line: short enough at level 1 (`Scaffold.definition_words`), any length above."""
    return scaffold.definition_words is None or \
        reading_words(definition) <= scaffold.definition_words


def beginner_stem(definition: str | None, emoji: str | None) -> str | None:
    """What a level 1-2 choice item shows to ask for a word: the home-language definition,
    else the word's picture; None when there is neither (ask another way)."""
    return definition or emoji or None
