"""Letter tiles: spelling an English word by tapping its letters, for a child who cannot type.

The word's letters and the letters of one or two other words of her list (decoys), shuffled,
are dealt as buttons; each tap adds one tile to the spelling, ⌫ takes the last one back, ✅
hands the spelling to the typed grader. The deal is a pure function of the item (its decoys
are stored with it) and its id, so the server can deal the same tiles again when it grades,
with nothing else stored.

What tiles prove (docs/newcomers.md): the letters are given but not their order nor which
are the word's, so they sit between choosing and typing. A random tapper spells a 5-letter
word from 8 tiles about once in 6,720 tries (`random_odds`). The deal does not name the word
either: the tiles also spell the decoys, words whose cards she read, and nothing on screen
gives the word's length (no blanks), so a student who remembers how her words are *spelled*
but none of their meanings cannot tell which of them it is ("the speller": before decoys the
letters and blanks named the one word of her list that fit, docs/newcomers.md).
"""

from __future__ import annotations

import enum
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType

# The longest word spelled with tiles: its letters and two distractors fill three rows of six
# tiles (keyboards.tile_rows), each still a fingertip wide on a phone. At 10, grade-3 words
# (subtraction 11, precipitation 13, multiplication 14) came as typed questions with no 🔤,
# and a level 1-2 child who cannot type could never master them (playtest, Lin, Mandarin).
MAX_LETTERS = 16
TILE_MARK = "🔤"  # starts the spelling line a tap edits
BLANK = "_"
# Distractors come from common letters first, so they look like letters the word could have
# (a rare "q" or "z" would be ruled out at a glance)
COMMON = "etaoinsrhldcumfpgwybvk"


def tileable(term: str) -> bool:
    """A single word of plain letters, at most MAX_LETTERS long: "habitat" and
    "multiplication", not "food web" (a space cannot be tapped) nor a word of 17 letters or
    more (its tiles would not fit three rows of a phone's keyboard)."""
    return term.isascii() and term.isalpha() and 2 <= len(term) <= MAX_LETTERS


SPELLED_KINDS = (ItemType.CHOICE, ItemType.REVERSE)  # buttons that name an English word


def by_default(item: Item, level: int | None, practice: bool = False,
               reads_aloud: bool = False) -> bool:
    """Levels 1-2 spell the English word with tiles where they were given up to six options:
    a question whose stem is in the home language (its term, its definition or a picture:
    scaffold.StemLanguage.HOME) and whose options are English words, one tiles can spell. Not
    "Practice again" (two options, the easy way back after a miss), nor a quiz poll (Telegram
    shows it), nor "what does WORD mean?" (its options are in her language), nor for a
    student whose checks are oral (`reads_aloud`, read_aloud.py): one who cannot read yet
    hears the options read aloud and taps a numbered one; letters would be no word to her."""
    return (level is None or level <= 2) and item.item_type in SPELLED_KINDS \
        and not item.asks_meaning and not practice and bool(item.options) \
        and tileable(item.answer) and not reads_aloud


def offered(item: Item, level: int | None, practice: bool = False,
            reads_aloud: bool = False) -> bool:
    """Whether this question can be answered with tiles: shown so by default (`by_default`),
    or, at levels 1-2, a typed question whose word tiles can spell (a "🔤" button under it).
    From level 3 a student types: tiles there would make her recall an anagram of letters in
    front of her (a grade-10 playtester mastered "ecosystem" that way)."""
    return by_default(item, level, practice, reads_aloud) or (
        item.typed and (level is None or level <= 2) and tileable(item.answer))


def first(item: Item, level: int | None, practice: bool = False,
          letters_first: bool = False, reads_aloud: bool = False) -> bool:
    """Whether the question opens with its tiles on screen: one spelled with tiles instead of
    options (`by_default`), and at level 1 (or no level yet: the most support) a typed question
    whose word tiles can spell, typing still taken. A level-1 child who cannot type English
    had to tap "🔤" first on every such review (playtest, Lin, Mandarin, WIDA 1). Level 2 keeps
    the "🔤" under a typed question: many level-2 children type, and nothing known of a
    student says which ones cannot, unless she is marked `letters_first` (her teacher's choice
    in /student, or her own Yes after tapping 🔤 in OFFER_AFTER checks): then a level-2 typed
    question opens on its tiles as at level 1. From level 3 the mark does nothing: tiles there
    test recalling an anagram of letters in front of her, not the word (`offered`). The
    evidence is the same either way: a tile answer is graded as tiles (knowledge.TILES_GUESS),
    a typed one as typed."""
    opens = level is None or level <= 1 or (letters_first and level == 2)
    return by_default(item, level, practice, reads_aloud) or (
        item.typed and opens and tileable(item.answer))


def one_line(level: int | None) -> bool:
    """Whether a tile screen at this level asks in one line of her language alone: at level 1
    (or no level yet) the counter, one "🔤" line that asks for the English word and says how
    to spell it, the question's stem and the spelling line. A level-1 reader could act on
    none of the rest (playtest: Hodan, Somali, 9, no keyboard): each line again in English, a
    question and then how to answer it, and on a question to write "✏️ It is a word from your
    cards" and "You can also type it" over tiles she can only tap, 2 to 4 such lines a screen.
    Typing is still taken (a child who types does so unasked). Level 2 reads both languages."""
    return level is None or level <= 1


# A level-2 student who answered typed questions with her letter tiles in this many checks is
# asked once whether they should come first (`may_offer_letters`)
OFFER_AFTER = 3


class LettersFirst(enum.IntEnum):
    """What a student's "letters first" mark holds (students.letters_first; NULL: never asked
    nor set, so she may be asked)."""

    ASKED = -1  # offered, no answer yet: off, and her Yes or No on the offer is taken once
    OFF = 0     # her No, or her teacher's: never offered again
    ON = 1


def may_offer_letters(level: int | None, mark: int | None) -> bool:
    """Whether "🔤 Show the letters first next time?" may still be offered: at level 2 only,
    never asked nor set (her No, or her teacher's choice, is never asked again). It is made
    once she answered typed questions with their tiles in OFFER_AFTER separate checks."""
    return level == 2 and mark is None


def distractor_count(length: int) -> int:
    """Three letters it does not have for a short word (fewer tiles are easier to guess), two
    for a long one (its keyboard stays three rows)."""
    return 3 if length <= 7 else 2


# Tiles a deal holds at most: three rows of six (keyboards.tile_row), each still a fingertip
# wide on a phone; a decoy whose letters would not fit is not taken
MAX_TILES = 18
# Decoys a deal spells besides the word: with three, a student who knows her words' spellings
# and none of their meanings picks the right one of four at best, on every tiles question
DECOYS = 3
# Letters the decoys may add to the word's own: a 5-letter word's deal stays about twelve
# tiles, not a wall of eighteen, for a child who finds each letter by eye
DECOY_LETTERS = 8
# Letters more a second decoy may add where none fits the eight: a deal that spells two words
# is a coin toss to one who knows her words' spellings, and runs of such tosses mastered
# "habitat" for the speller ("organism" adds six letters, no second decoy fits the two left;
# "prey" or "nutrient" adds three). Two letters at most, and only for the third word: one
# tile row of six instead of five, never past MAX_TILES (docs/newcomers.md, "The speller at
# level 1")
THIRD_WORD_LETTERS = 2


def choose_decoys(answer: str, words: Iterable[str]) -> tuple[str, ...]:
    """Up to DECOYS of `words` (English words whose cards she read, in the order to prefer
    them among those adding as many letters) that the deal will spell too, so its letters
    name no one word of her list, and every other of `words` their letters spell as well:
    tileable, not the word nor a word its typed grader would forgive as a slip of it (a decoy
    must be a wrong answer), and adding at most DECOY_LETTERS letters to the word's, the
    deal within MAX_TILES. As many as fit together, not the cheapest first and then what
    still fits beside it; where that is one, two within THIRD_WORD_LETTERS more letters, so
    the deal spells three words (one spelling two is a coin toss to the speller)."""
    word = answer.lower()
    own = Counter(word)
    # those adding the fewest letters first (more of them fit the deal), else in her order
    pool = [w for w in sorted(dict.fromkeys(w.lower() for w in words if tileable(w)),
                              key=lambda w: (Counter(w) - own).total())
            if w != word and not _close(word, w)]
    counted = [(w, Counter(w)) for w in pool]
    found = _most(own, counted, DECOYS, DECOY_LETTERS)
    if len(found[0]) < 2:
        wider = _most(own, counted, 2, DECOY_LETTERS + THIRD_WORD_LETTERS)
        found = wider if len(wider[0]) == 2 else found
    chosen, letters = found
    # and every other word of hers those letters spell as well: she may spell any of them
    riders = [w for w in pool if w not in chosen and not Counter(w) - letters]
    return (*chosen, *riders)


def _most(own: Counter[str], pool: Sequence[tuple[str, Counter[str]]], most: int,
          budget: int) -> tuple[tuple[str, ...], Counter[str]]:
    """As many words of `pool` as fit together (up to `most`), adding at most `budget`
    letters to the word's (`own`) within MAX_TILES, and their letters with the word's: of
    those, the first in the pool's order (as a greedy pick would take them). A word that
    does not fit with those chosen fits with no more of them either, so each step looks only
    among those that still fit."""
    best: tuple[tuple[str, ...], Counter[str]] = ((), own)

    def fits(letters: Counter[str]) -> bool:
        return letters.total() <= MAX_TILES and letters.total() - own.total() <= budget

    def grow(chosen: tuple[str, ...], letters: Counter[str],
             rest: Sequence[tuple[str, Counter[str]]]) -> bool:
        nonlocal best
        if len(chosen) > len(best[0]):
            best = (chosen, letters)
        if len(chosen) == most:
            return True
        left = [(w, c) for w, c in rest if fits(letters | c)]
        if len(chosen) + len(left) <= len(best[0]):  # no more words than found already
            return False
        return any(grow((*chosen, w), letters | c, left[i + 1:])
                   for i, (w, c) in enumerate(left))

    grow((), own, pool)
    return best


def _close(word: str, other: str) -> bool:
    """Whether one is the other with a letter or two more, fewer or changed ("consume" and
    "consumer"): graded as a slip of the word, such a decoy would be a right answer."""
    if abs(len(word) - len(other)) > 2:
        return False
    row = list(range(len(other) + 1))
    for i, a in enumerate(word, 1):
        diagonal, row[0] = row[0], i
        for j, b in enumerate(other, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (a != b))
    return row[-1] <= 2


def deal(answer: str, others: Iterable[str], seed: int,
         decoys: Sequence[str] = ()) -> tuple[str, ...]:
    """The tiles for `answer`: its letters, every letter its `decoys` need besides, and, when
    those add fewer than `distractor_count`, a few common letters it lacks; shuffled by `seed`
    (the item's id: the same deal on every screen and when graded). A common letter never lets
    the tiles spell another of `others` (the pack words on screen) that they could not spell
    without it: those extra letters must not hand her a different word to build (a decoy is
    chosen, not stumbled on)."""
    word = answer.lower()
    rng = random.Random(seed)
    letters = Counter(word)
    for decoy in decoys:
        letters |= Counter(decoy.lower())
    extra = [letter for letter in sorted((letters - Counter(word)).elements())]
    rivals = [o.lower() for o in others if tileable(o) and o.lower() != word]
    candidates = [c for c in COMMON if c not in letters]
    rng.shuffle(candidates)
    for letter in candidates:
        if len(extra) >= distractor_count(len(word)) or len(word) + len(extra) >= MAX_TILES:
            break
        with_it = Counter(word + "".join(extra) + letter)
        without = Counter(word + "".join(extra))
        if any(_fits(r, with_it) and not _fits(r, without) for r in rivals):
            continue
        extra.append(letter)
    tiles = [*word, *extra]
    rng.shuffle(tiles)
    return tuple(tiles)


def rule_out_asked(items: Sequence[Item], terms: Mapping[int, str]) -> list[Item]:
    """The check's items, in the order asked, each without the decoys asked before it
    (`terms`: word id -> English term). A decoy is drawn while the check is built, but the
    check is reordered after (its quiz poll first, deciding reviews first): a word she has
    just answered is one she can rule out, so it names nothing and counts for nothing
    (playtest: 6 of 11 level-1 tile questions had the poll's word as a decoy, so a right
    spelling counted as 1 in 2 where it was the only word left)."""
    asked: set[str] = set()
    ordered: list[Item] = []
    for item in items:
        if asked & set(item.decoys):
            item = replace(item, decoys=tuple(d for d in item.decoys if d not in asked))
        asked.add(terms.get(item.word_id, item.answer).lower())
        ordered.append(item)
    return ordered


def counted_words(item: Item) -> int:
    """The words a deal spells that she cannot rule out: the word and its decoys (chosen among
    words not answered today nor asked earlier in the check). A right spelling counts as a
    choice among that many (knowledge.guess_rate); with no decoy (a newcomer who has read two
    cards) the tiles named the word to anyone who knows how her words are spelled, and a right
    one is practice, as the one option left after ruling out the rest is."""
    return 1 + len(item.decoys)


def other_word(spelling: str, item: Item) -> bool:
    """Whether a tile spelling is another word the deal spells (one of its decoys): the wrong
    word chosen, as a wrong option is, not the word misspelt. A missed deciding review so
    spelled ends the run of luck (mastery.record_answer), where a misspelling leaves it: one
    who knows her words' spellings and no meaning passed runs through such misses."""
    return spelling.strip().lower() in item.decoys


def fewest_letters(item: Item) -> int:
    """The letters ✅ waits for: as many as the shortest word the deal spells (the word or a
    decoy), so a spelling left at two letters is no answer (a level-1 child tapped ✅ there,
    playtest, Hmong), and what ✅ refuses says nothing of which word it is."""
    return min(len(w) for w in (item.answer, *item.decoys))


def tiles_for(item: Item, item_id: int) -> tuple[str, ...]:
    """The deal a question shows (its options are the other words on its screen, its decoys
    the words its tiles spell besides)."""
    return deal(item.answer, item.options, item_id, item.decoys)


def _fits(word: str, letters: Counter[str]) -> bool:
    return not Counter(word) - letters


def spelled(tiles: Sequence[str], picks: Sequence[int]) -> str:
    """The word the picked tiles spell, in the order tapped."""
    return "".join(tiles[i] for i in picks)


def finished(spelling: str, fewest: int) -> bool:
    """As many letters as the shortest word the deal spells (`fewest_letters`): only then
    does ✅ grade. ✅ after 2 letters of "community" was graded a miss, "tu", and counted for
    her teacher (playtest, Hmong level 1): a spelling left half done is not an answer (🤷 is
    how she gives up). What it waits for is no word's length in particular."""
    return len(spelling) >= fewest


def from_tiles(spelling: str, tiles: Sequence[str]) -> bool:
    """Whether `spelling` can be made from these tiles, each used once (a forged spelling
    with a letter never dealt is refused)."""
    return bool(spelling) and _fits(spelling, Counter(tiles))


def tap(picks: tuple[int, ...], index: int, tiles: Sequence[str]) -> tuple[int, ...]:
    """The picks after tapping tile `index`: unchanged when it is used already (a double
    tap) or is no tile dealt."""
    if index in picks or not 0 <= index < len(tiles):
        return picks
    return (*picks, index)


def back(picks: tuple[int, ...]) -> tuple[int, ...]:
    """The picks after ⌫: the last tile goes back."""
    return picks[:-1]


def spelling_line(tiles: Sequence[str], picks: Sequence[int]) -> str:
    """"🔤 e c o _": the letters tapped so far, and one blank where the next one goes (none
    once every tile is used). One blank, not one a letter left: blanks counting the word's
    letters told a student which word of her list it was (the speller)."""
    letters = [tiles[i] for i in picks] + ([BLANK] if len(picks) < len(tiles) else [])
    return f"{TILE_MARK} {' '.join(letters)}".rstrip()


def read_line(line: str) -> str | None:
    """The spelling a spelling line shows (None: not such a line): how a tap after a restart,
    with nothing in memory, finds where she was. A line of an older message, with a blank for
    each letter left, reads the same way."""
    if not line.startswith(TILE_MARK):
        return None
    cells = line[len(TILE_MARK):].split()
    if any(len(c) != 1 or not (c == BLANK or c.isalpha()) for c in cells):
        return None
    letters = [c for c in cells if c != BLANK]
    if cells[:len(letters)] != letters:  # blanks only after the letters
        return None
    return "".join(letters)


def picks_for(spelling: str, tiles: Sequence[str]) -> tuple[int, ...] | None:
    """Tiles that spell `spelling`, in order (the same letter's tiles are alike, so any of
    them): None when they cannot."""
    used: list[int] = []
    for letter in spelling:
        index = next((i for i, t in enumerate(tiles) if t == letter and i not in used), None)
        if index is None:
            return None
        used.append(index)
    return tuple(used)


def a_miss(answer: str, deal: Sequence[str]) -> str:
    """A wrong word these tiles spell, as long as the word (`finished`): the letters the
    word lacks, then its own from its start (`puente demo`'s "answer wrong", and the tests')."""
    word = answer.lower()
    return ("".join(t for t in deal if t not in word) + word)[:len(word)]


def random_odds(length: int, tiles: int) -> int:
    """One in how many: a tapper who picks `length` distinct tiles at random from `tiles`
    (no letter repeated) spells the word (the ordered picks, tiles!/(tiles-length)!)."""
    odds = 1
    for k in range(tiles - length + 1, tiles + 1):
        odds *= k
    return odds
