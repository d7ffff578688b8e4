"""What a right tap counts as evidence of: only the options she could not rule out."""

from __future__ import annotations

from bot.domain.checks import Item, WordRef
from bot.domain.evidence import OptionWords, counted_choices
from bot.domain.item_rules import reads_as_home_word
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import ItemType


def ref(term: str, wid: int, pos: str = "noun", gloss: str | None = None,
        cognate: bool = False) -> WordRef:
    glosses = {"ht": Gloss(gloss, cognate=cognate)} if gloss else {}
    return WordRef(wid, Word(term, pos, 3, f"Definition {wid}.", f"See {term}.",
                             glosses=glosses), "eco")


PREY = ref("prey", 1, gloss="bèt yo manje")
CONSUMER = ref("consumer", 2, gloss="konsomatè", cognate=True)  # flagged, spelled apart
HABITAT = ref("habitat", 3, gloss="abita")  # not flagged: its spelling says it
SPECIES = ref("species", 4, gloss="espès bèt")
PREDATOR = ref("predator", 5, gloss="bèt ki chase")
POOL = [PREY, CONSUMER, HABITAT, SPECIES, PREDATOR]


def reverse(*options: str, answer: str = "prey") -> Item:
    return Item(1, ItemType.REVERSE, "bèt yo manje", options, answer)


def count(item: Item, met: set[str] = frozenset()) -> int | None:  # type: ignore[assignment]
    return counted_choices(item, OptionWords(POOL, "ht").of(item, "eco"), "ht", met)


def test_every_option_counts_when_none_can_be_ruled_out() -> None:
    assert count(reverse("prey", "species", "predator")) == 3


def test_an_english_word_she_reads_through_her_own_language_is_not_a_live_option() -> None:
    assert reads_as_home_word(CONSUMER.word, "ht") and reads_as_home_word(HABITAT.word, "ht")
    assert not reads_as_home_word(PREY.word, "ht") and not reads_as_home_word(PREY.word, "es")
    # "consumer" is her konsomatè, "habitat" her abita: the tap was among prey and species
    assert count(reverse("consumer", "prey", "habitat", "species")) == 2


def test_an_answer_she_reads_through_her_own_language_leaves_the_other_cognates_live() -> None:
    # "ekosistèm"-like recognition is what a cognate gives her, for the answer and the options
    # alike: choosing consumer from its definition among habitat and prey is real recognition
    # (mastery still waits for consumer typed, on a review days later)
    choice = Item(2, ItemType.CHOICE, "Yon bèt ki manje lòt bèt.", ("habitat", "consumer",
                                                                       "prey"), "consumer")
    assert count(choice) == 3


def test_a_word_answered_earlier_today_is_not_a_live_option() -> None:
    item = reverse("prey", "species", "predator", "consumer")
    assert count(item, {"predator"}) == 2  # predator answered today, consumer a cognate
    assert count(item, {"predator", "species"}) == 1  # nothing left to choose among


def test_home_language_options_are_only_ruled_out_by_todays_answers() -> None:
    # "What does prey mean?" with her own words as options: she knows every one of them,
    # so only a meaning whose English word she answered today is set aside
    meaning = Item(1, ItemType.CHOICE, "prey", ("bèt yo manje", "konsomatè", "abita"),
                   "bèt yo manje", asks_meaning=True)
    assert count(meaning) == 3
    assert count(meaning, {"habitat"}) == 2


def test_the_only_word_of_its_part_of_speech_left_counts_as_one_option() -> None:
    extinct = ref("extinct", 6, pos="adjective", gloss="disparèt")
    native = ref("native", 7, pos="adjective", gloss="moun peyi a")
    pool = [*POOL, extinct, native]
    lone = Item(6, ItemType.REVERSE, "disparèt", ("prey", "extinct", "species"), "extinct")
    fair = Item(6, ItemType.REVERSE, "disparèt", ("native", "extinct", "species"), "extinct")
    unknown = Item(6, ItemType.REVERSE, "disparèt", ("zebra", "extinct", "species"), "extinct")
    index = OptionWords(pool, "ht")
    assert counted_choices(lone, index.of(lone, "eco"), "ht") == 1
    assert counted_choices(fair, index.of(fair, "eco"), "ht") == 3
    assert counted_choices(unknown, index.of(unknown, "eco"), "ht") == 3  # as shown
    # the other adjective answered today: the answer is left alone among nouns
    assert counted_choices(fair, index.of(fair, "eco"), "ht", {"native"}) == 1


def test_a_typed_answer_has_no_options_to_count() -> None:
    assert count(Item(1, ItemType.TYPED, "bèt yo manje", (), "prey")) is None


def test_a_right_tap_between_two_options_is_practice() -> None:
    # Two buttons are a coin toss: right half the time for a student who knows nothing, so
    # the tap counts as one option (practice), whatever it shows; three still count three
    assert count(reverse("prey", "species")) == 1
    assert count(reverse("species", "prey", "predator")) == 3


def test_an_option_from_another_subject_is_not_a_live_option() -> None:
    # "fraction" beside a Creole definition of prey is ruled out by its subject: the tap was
    # among prey, species and predator; a listening item's stem is a sound, with no subject
    fraction = WordRef(9, Word("fraction", "noun", 3, "A part of a whole.", "Half is a "
                               "fraction.", glosses={"ht": Gloss("fraksyon")}), "math")
    index = OptionWords([*POOL, fraction], "ht")
    item = reverse("prey", "species", "predator", "fraction")
    assert counted_choices(item, index.of(item, "eco"), "ht") == 3
    heard = Item(1, ItemType.LISTEN, "🔊", ("prey", "species", "predator", "fraction"), "prey")
    assert counted_choices(heard, index.of(heard, "eco"), "ht") == 4
