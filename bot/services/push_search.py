"""What a teacher meant by a /push whose pack or words are none: the packs and words about
the words she typed ("/push water cycle": science.matter-and-forces' evaporation,
condensation and precipitation, whose sentences name the water cycle), each offered as a
/push she can tap (playtest: "There is no pack called water" pointed nowhere)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain.packs import Word
from bot.services.teaching import BadInputError
from bot.store.packs import pack_words

MAX_WORDS = 10  # a suggestion is one push (pushes.MAX_PUSH_WORDS)
MAX_SUGGESTIONS = 3
# words that say nothing of a topic ("the water cycle", "words for rain")
STOP_WORDS = frozenset({"a", "an", "and", "of", "the", "for", "about", "words", "word", "on",
                        "in", "unit", "topic"})


@dataclass(frozen=True)
class Suggestion:
    """A push that may be what was meant: a pack and its words about the topic (none: the
    pack's next words, its title or id naming the topic), as the arguments of a /push."""

    pack_id: str
    terms: tuple[str, ...]
    args: str  # "science.matter-and-forces evaporation, condensation to Science 6"

    @property
    def label(self) -> str:
        """Its pack and words, as its button and the refusal name it."""
        return f"{self.pack_id}: {self.button}" if self.terms else self.pack_id

    @property
    def button(self) -> str:
        """Its words (the refusal above names their pack), else its pack: a button is short."""
        return ", ".join(self.terms) or self.pack_id


class TopicSuggestError(BadInputError):
    """A pack name that is none, with packs and words about what was typed (each a button
    that runs the /push with them)."""

    prompt_key = "push-unknown-pack-about"

    def __init__(self, pack: str, topic: str, found: tuple[Suggestion, ...]) -> None:
        super().__init__(f"no pack {pack}", pack=pack, topic=topic,
                         found="; ".join(s.label for s in found))
        self.suggestions = found


def topic_of(typed: Sequence[str]) -> list[str]:
    """The words of what was typed that can name a topic, lower case."""
    return [t for t in (w.strip(",;.").casefold() for w in typed) if t and t not in STOP_WORDS]


def about(word: Word, topic: list[str]) -> bool:
    """Whether a pack word is about the topic: its term names it, or (several words typed)
    its sentences say the phrase ("In the water cycle, ..."), or (one word) its definition
    does."""
    if not topic:
        return False
    phrase = _whole(" ".join(topic))
    if phrase.search(word.term.casefold()):
        return True
    if len(topic) > 1:
        text = " ".join([word.definition, word.simple or "", word.example, *word.clozes])
        return bool(phrase.search(text.casefold()))
    return bool(phrase.search(f"{word.definition} {word.simple or ''}".casefold()))


def suggest(db: Database, packs: Sequence[str], typed: Sequence[str], titles: dict[str, str],
            rest: str = "") -> tuple[Suggestion, ...]:
    """The packs, in `packs`' order, whose words are about what was typed (the most such
    words first), then those whose id or title names it; `rest` ("to Science 6") ends each
    suggested push."""
    topic = topic_of(typed)
    if not topic:
        return ()
    phrase = _whole(" ".join(topic))
    found: list[tuple[int, int, Suggestion]] = []
    for order, pack in enumerate(packs):
        terms = tuple(w.word.term for w in pack_words(db, pack) if about(w.word, topic))
        named = phrase.search(f"{pack} {titles.get(pack, '')}".casefold().replace("-", " "))
        if terms or named:
            picked = terms[:MAX_WORDS]
            args = " ".join(x for x in (pack, ", ".join(picked), rest) if x)
            found.append((-len(terms), order, Suggestion(pack, picked, args)))
    return tuple(s for *_, s in sorted(found, key=lambda f: f[:2]))[:MAX_SUGGESTIONS]


def _whole(text: str) -> re.Pattern[str]:
    """The text as whole words, a plural "s" allowed ("forces" for "force")."""
    return re.compile(rf"(?<!\w){re.escape(text)}s?(?!\w)")
