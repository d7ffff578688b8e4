"""Wording Vietnamese and Haitian Creole families and students read in the playtest: a
literal "check me" on the button, "Chạm" (touch) for a command, "Quý vị" capitalised in
mid-sentence, "the language your family speaks at home" where it is Vietnamese, two ways of
saying "check finished", "Pa egzakteman" (a calque of "Not quite"), and an energy card that
read oddly."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.presentation.i18n import Catalog, texts

PACKS = Path(__file__).resolve().parents[1] / "vocab_packs"


def every_text(catalog: Catalog, lang: str) -> list[str]:
    return [t for template in catalog.messages[lang].values() for t in texts(template)]


@pytest.mark.parametrize(("lang", "phrase"), [
    ("vi", "Kiểm tra tôi"), ("vi", "Chạm"), ("vi", "tiếng mà gia đình nói ở nhà"),
    ("vi", "Bài kiểm tra xong"), ("ht", "Pa egzakteman"),
])
def test_a_phrase_the_playtest_found_never_comes_back(catalog: Catalog, lang: str,
                                                      phrase: str) -> None:
    assert [t for t in every_text(catalog, lang) if phrase in t] == []


def test_vietnamese_says_quy_vi_in_lower_case_inside_a_sentence(catalog: Catalog) -> None:
    found = [t for t in every_text(catalog, "vi") if re.search(r"[^.!?:“\s]\s+Quý vị", t)]
    assert found == []
    assert catalog.render("family-welcome", "vi", language="tiếng Việt").startswith(
        "Xin cảm ơn! Mỗi tuần quý vị sẽ nhận")


def test_vietnamese_commands_and_buttons_say_bam(catalog: Catalog) -> None:
    assert catalog.plain("button-check", "vi") == "✅ Làm bài kiểm tra"
    assert "Bấm /check" in catalog.render("reminder-due", "vi", name="Minh", count=3)


def test_vietnamese_checks_all_end_with_the_same_words(catalog: Catalog) -> None:
    for key in ("check-done", "check-done-all", "check-done-low", "check-done-low-short",
                "check-done-slipped"):
        assert str(catalog.render(key, "vi", right=1, total=3)).startswith("Xong bài kiểm tra:")


def test_the_vietnamese_family_is_asked_for_vietnamese(catalog: Catalog) -> None:
    # (a child learning with Vietnamese glosses; another child's family: "the language
    # spoken at home", since the child may not speak it, M4)
    assert catalog.render("family-week-ask-named", "vi", name="Minh", word="energy") == (
        "💬 Xin quý vị nhờ Minh giải thích từ <b>energy</b> bằng tiếng Việt.")


def test_haitian_feedback_says_se_pa_sa(catalog: Catalog) -> None:
    assert str(catalog.render("feedback-wrong-no-gloss", "ht", answer="habitat",
                              back="")).startswith("Se pa sa. Repons lan se <b>habitat</b>.")


def test_the_vietnamese_energy_card_reads_plainly_and_waits_for_a_reviewer() -> None:
    pack = tomllib.loads((PACKS / "science" / "ecosystems.toml").read_text(encoding="utf-8"))
    [energy] = [w for w in pack["words"] if w["term"] == "energy"]
    gloss = energy["glosses"]["vi"]
    assert "Sức từ" not in gloss["simple"] and gloss["reviewed"] is False


def test_creole_spells_english_one_way(catalog: Catalog) -> None:
    """Haitian playtest: "angle" 32 times and "anglè" 38 times, both read by one student ("M
    ap ede w … ak an anglè", "ekri l an angle"); the standard spelling is "angle"."""
    assert [t for t in every_text(catalog, "ht") if re.search(r"(?i)anglè", t)] == []
    assert catalog.plain("language-set", "ht", language="kreyòl ayisyen").endswith(
        "ak an angle.")


def test_the_creole_placement_counter_says_at_most(catalog: Catalog) -> None:
    """"Kesyon 1 (jiska 11)" read oddly; "Kesyon 1 sou 11" would promise 11 questions to a
    placement that stops at a second miss (the English is "up to", on purpose)."""
    assert catalog.plain("placement-counter", "ht", number=1, total=11) == \
        "Kesyon 1 (pa plis pase 11)"
