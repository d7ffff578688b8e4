"""Chinese text a newcomer and her grandmother read (playtest: a Mandarin newcomer, 8): Latin
words spaced from Chinese the same way everywhere, and a gloss standing for a word shown
without its bracketed explanation."""

from __future__ import annotations

import random
import re

from bot.domain.checks import WordRef
from bot.domain.item_building import build_item
from bot.domain.packs import short_gloss
from bot.domain.scaffold import ItemType, scaffold_for
from bot.presentation import card_views
from bot.presentation.cjk_spacing import spaced
from bot.presentation.i18n import Catalog
from bot.presentation.message_views import _translated, word_list
from bot.services.packs import load_packs
from bot.services.previews import Page


def test_latin_names_are_spaced_from_chinese_whichever_prompt_names_them(
        catalog: Catalog) -> None:
    assert catalog.render("family-week-header", "zh", name="Lin") == "📬 Lin 的一周"
    assert catalog.render("family-week-header", "zh", name="小林") == "📬 小林的一周"


def test_spacing_goes_outside_tags_and_leaves_punctuation_alone() -> None:
    assert spaced("解释<b>multiplication</b>这个词。") == "解释 <b>multiplication</b> 这个词。"
    assert spaced("（Lin）：好") == "（Lin）：好"
    assert spaced("关于 Lin 的") == "关于 Lin 的"


def test_a_gloss_beside_its_word_drops_its_explanation() -> None:
    assert short_gloss("和（加法的得数）") == "和"
    assert short_gloss("먹이 (피식자)") == "먹이"
    assert word_list([("sum", "和（加法的得数）")], "zh") == "<b>sum</b> (和)"


def test_which_english_word_asks_by_the_short_gloss() -> None:
    pack = next(p for p in load_packs().packs if p.id == "math.number-operations")
    refs = [WordRef(n, w, pack.id) for n, w in enumerate(pack.words, start=1)]
    ref = next(r for r in refs if r.word.term == "sum")
    item = build_item(ref, refs, ItemType.REVERSE, "zh", scaffold_for(2), random.Random(1),
                      frozenset(r.id for r in refs))
    assert item.item_type is ItemType.REVERSE and item.prompt == "和"


def test_shipped_glosses_have_one_short_term_per_word_in_each_pack() -> None:
    # a question asking by the short gloss has one right answer
    for pack in load_packs().packs:
        for lang in {lang for w in pack.words for lang in w.glosses}:
            shorts = [w.glosses[lang].short_term.casefold() for w in pack.words
                      if lang in w.glosses]
            assert len(shorts) == len(set(shorts)), (pack.id, lang)


def test_the_mass_card_says_matter_not_garment_lining() -> None:
    pack = next(p for p in load_packs().packs if p.id == "science.matter-and-forces")
    mass = next(w for w in pack.words if w.term == "mass")
    assert "里料" not in (mass.glosses["zh"].simple or "")
    assert "物质" in (mass.glosses["zh"].simple or "")


def test_a_level_one_multiplication_card_says_a_sum_to_finish_with_a_speaking_mark(
        catalog: Catalog) -> None:
    # "✍️ 试着说：The addition is ___." wrote "try saying" with a pencil, in English no
    # child says (Mandarin playtest)
    pack = next(p for p in load_packs().packs if p.id == "math.number-operations")
    ref = next(WordRef(n, w, pack.id) for n, w in enumerate(pack.words)
               if w.term == "addition")
    text = card_views.card_page(Page(1, 0, 6, ref, "zh", scaffold_for(1), 2, True, False),
                                catalog)
    assert text.split("\n")[-1] == "🗣️ 试着说：Addition: 2 + 3 = ___."


def test_every_maths_noun_has_a_frame_of_its_own() -> None:
    missing = [(p.id, w.term) for p in load_packs().packs if p.id.startswith("math.")
               for w in p.words if w.pos == "noun" and not w.frame]
    assert missing == []


def test_a_note_under_a_teachers_own_words_points_up_in_every_language(
        catalog: Catalog) -> None:
    # the words come first and the note under them (message_views._translated): "以下是老师
    # 的原话" sent the grandmother looking below for words that were above
    lines = _translated(catalog, "zh", "See you Monday.", None)
    assert lines[0].endswith("See you Monday.</blockquote>") or "See you Monday." in lines[0]
    assert "上面" in lines[1] and "以下" not in lines[1]
    for lang in ("en", "fr", "es", "ru", "vi", "ar", "tl", "ht"):
        for key in ("answer-no-translation", "answer-no-translation-student"):
            text = catalog.plain(key, lang, language="x")
            assert re.search(r"above|ci-dessus|arriba|acima|выше|bên trên|أعلاه|itaas|anlè",
                             text), (lang, key)
