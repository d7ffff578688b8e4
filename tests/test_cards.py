"""Cards for newcomers: the home language first, and a simple English line, never the full
definition and example of level 4."""

from __future__ import annotations

import pytest

from bot.domain.checks import WordRef
from bot.domain.packs import Gloss, Word
from bot.domain.scaffold import scaffold_for
from bot.presentation import card_views
from bot.presentation.i18n import Catalog
from tests.screen import on_screen

HABITAT = Word("habitat", "noun", 3,
               "The natural home where a plant or animal lives and finds what it needs.",
               "The pond is the frog's habitat.", "🏡",
               {"so": Gloss("deegaan", "Meesha xayawaanku ku nool yahay.", reviewed=False)},
               simple="The home of an animal or a plant.")


def test_a_level_one_card_shows_the_simple_line_not_the_long_definition() -> None:
    catalog = Catalog.load()
    text = card_views.card(WordRef(1, HABITAT), "so", scaffold_for(1), catalog)
    assert "deegaan" in text and "The home of an animal or a plant." in text
    assert "finds what it needs" not in text and "frog" not in text
    assert text.index("deegaan") < text.index("habitat")  # home language first


def test_a_level_four_card_keeps_the_full_definition_and_example() -> None:
    catalog = Catalog.load()
    text = card_views.card(WordRef(1, HABITAT), "so", scaffold_for(4), catalog)
    assert "finds what it needs" in text and "frog" in text


def test_a_cognate_written_as_the_english_word_is_called_the_same_word() -> None:
    """Haitian Creole playtest: "Mo ki sanble: solid prèske menm jan ak solid" (solid looks
    almost like solid)."""
    catalog = Catalog.load()
    solid = Word("solid", "noun", 3, "Matter that keeps its shape.", "Ice is a solid.",
                 glosses={"ht": Gloss("solid", "Eta matyè ki kenbe fòm li.", cognate=True),
                          "es": Gloss("sólido", cognate=True),
                          "tl": Gloss("Solid", cognate=True)})
    creole = card_views.card(WordRef(1, solid), "ht", scaffold_for(2), catalog)
    assert "Menm mo a: <b>solid</b> se menm mo a an angle" in creole
    assert "prèske menm jan" not in creole
    tagalog = card_views.card(WordRef(1, solid), "tl", scaffold_for(2), catalog)
    assert "Parehong salita: ang <b>solid</b>" in tagalog  # case aside, the same word
    spanish = card_views.card(WordRef(1, solid), "es", scaffold_for(2), catalog)
    assert "<b>solid</b> se parece a <b>sólido</b>" in spanish  # a cognate, not the same


def test_levels_one_and_two_show_no_part_of_speech_and_levels_three_to_six_do() -> None:
    """Playtest (Hodan, level 1): "(magac)" under every card, a grammar word she could not
    use; levels 3-6 keep "(noun)" in her language (English at 5-6)."""
    catalog = Catalog.load()
    shown = {level: card_views.card(WordRef(1, HABITAT), "so", scaffold_for(level), catalog)
             for level in range(1, 7)}
    assert "<b>habitat</b>\n" in shown[1] and "(magac)" not in shown[1] + shown[2]
    assert all("<b>habitat</b> <i>(magac)</i>" in shown[level] for level in (3, 4))
    assert all("<b>habitat</b> <i>(noun)</i>" in shown[level] for level in (5, 6))


def test_a_level_one_card_gives_the_short_definition_in_her_language_where_there_is_one() -> None:
    # Hodan (Somali, level 1): her language's definition was harder than the English one
    short = "Guriga xayawaanka ama dhirta."
    word = Word(HABITAT.term, HABITAT.pos, HABITAT.tier, HABITAT.definition, HABITAT.example,
                HABITAT.emoji, {"so": Gloss("deegaan", "Meesha xayawaanku ku nool yahay.",
                                            simple=short)}, simple=HABITAT.simple)
    catalog = Catalog.load()
    beginner = card_views.card(WordRef(1, word), "so", scaffold_for(1), catalog)
    assert short in beginner and "Meesha xayawaanku" not in beginner
    expanding = card_views.card(WordRef(1, word), "so", scaffold_for(3), catalog, flipped=True)
    assert "Meesha xayawaanku" in expanding and short not in expanding


def test_a_calculation_in_an_arabic_definition_reads_as_the_board_writes_it() -> None:
    """Arabic playtest (Omar, math 8): "3×4=12" in his definition showed as "12=4×3", "7÷2"
    as "2÷7" (another division) and the point (3, 5) as (5 ,3)."""
    product = Word("product", "noun", 3, "The answer to a multiplication.",
                   "The product of 3 and 4 is 12.",
                   glosses={"ar": Gloss("ناتج الضرب", "العدد الذي نحصل عليه بعد الضرب.",
                                        simple="الجواب الأخير في 3×4=12، والنقطة (3, 5)")},
                   simple="The answer when you multiply.")
    catalog = Catalog.load()
    text = card_views.card(WordRef(1, product), "ar", scaffold_for(1), catalog)
    shown = next(line for line in on_screen(text) if "×" in line)  # as a screen lays it out
    assert "3×4=12" in shown and "(3, 5)" in shown and "12=4×3" not in shown
    spanish = Word("product", "noun", 3, "x", "y", glosses={"es": Gloss("producto",
                                                                         simple="3×4=12")})
    assert "\u2066" not in card_views.card(WordRef(1, spanish), "es", scaffold_for(1), catalog)


@pytest.mark.parametrize(("written", "seen"), [
    ("بسّط الكسر، مثل 4/8 = 1/2", "4/8 = 1/2"),   # not "2/8 = 1/4" (re-playtest, simplify)
    ("مثل −5 °C في يوم بارد", "−5 °C"),            # not "C° 5−" (negative)
    ("العدد −7 أصغر من 0", "−7"),
    ("يوم الثلاثاء 08:00", "08:00"),                # a time keeps its order as it is
])
def test_fractions_negative_numbers_and_units_read_as_written(written: str, seen: str) -> None:
    from bot.presentation.i18n import RLM, escape
    assert seen in on_screen(RLM + escape(written))[0]


def test_a_level_two_card_with_no_definition_in_her_language_gives_the_english_one() -> None:
    """Carlos (Spanish, level 2) read "raíz / root / 🗣️ The root is ___" from his teacher's pack:
    she gave an English definition, no Spanish one and no `simple` line."""
    root = Word("root", "noun", 2, "The part of a plant that grows under the ground.",
                "The roots drink water.", glosses={"es": Gloss("raíz")})
    catalog = Catalog.load()
    for level in (1, 2):
        text = card_views.card(WordRef(1, root), "es", scaffold_for(level), catalog)
        assert "En inglés: <i>The part of a plant that grows under the ground.</i>" in text
        assert text.index("raíz") < text.index("En inglés")
    with_simple = Word(root.term, root.pos, root.tier, root.definition, root.example,
                       glosses=root.glosses, simple="The part of a plant under the ground.")
    text = card_views.card(WordRef(1, with_simple), "es", scaffold_for(2), catalog)
    assert "The part of a plant under the ground." in text and "En inglés" not in text
