"""The weekly family update's words (playtest: Wideline's grandmother read "ask Wideline to
explain mass", which is "mas" in Haitian Creole): the word to explain is one that reads unlike
the family's own word, and a short home routine says what to do with the words."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import family, family_updates, learners
from bot.store import people
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student


def grandmother_reads(db: Database, terms: list[str], lang: str = "ht",
                      unanswered: tuple[str, ...] = ()) -> family_updates.FamilyUpdate:
    """Ana (Haitian Creole) has read the cards of `terms` and answered each in a check (and
    read the cards of `unanswered`, never asked yet); her grandmother's weekly update."""
    enrol_student(db, START, lang="ht", level=2)
    words = {w.word.term: w for w in pack_words(db, "science.ecosystems")}
    read = [*terms, *unanswered]
    learners.introduce(db, learners.learner(db, 1001), [words[t] for t in read], START)
    learners.cards_shown(db, 1001, [words[t].id for t in read], START)
    for term in terms:  # each answered once (the running total a check's answer keeps)
        db.execute("UPDATE mastery SET attempts = 1 WHERE word_id = ?", [words[term].id])
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, lang)
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1))
    return update


def test_the_word_to_explain_is_one_that_is_not_almost_the_family_word(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # ecosystem, organism, habitat are ekosistèm, òganis, abita: prey is "bèt yo chase pou manje"
    update = grandmother_reads(db, ["ecosystem", "organism", "habitat", "prey"])
    assert update.explain == "prey"
    text = family_update_text(update, catalog)
    # Ana learns with Creole glosses: her grandmother's language is named
    assert "💬 Mande Ana pou l eksplike ou mo <b>prey</b> an kreyòl." in text
    assert "<b>prey</b> (bèt yo chase pou manje)" in text  # named in the list it refers to
    assert "<b>habitat</b>" not in text  # the list stays three words long


def test_when_every_word_reads_as_theirs_nobody_is_asked_to_explain_one(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    update = grandmother_reads(db, ["ecosystem", "organism", "habitat"])
    assert update.explain is None
    text = family_update_text(update, catalog)
    assert "eksplike" not in text
    assert ("💬 Mo sa yo prèske menm jan nan lang nou: mande Ana pou l di yo an angle, epi "
            "pou l sèvi ak youn nan yon fraz.") in text


@pytest.mark.parametrize(("lang", "routine"), [
    ("ht", "🏠 Lakay: 5 minit chak swa, Ana di mo sa yo fò, epi nou repete yo ansanm."),
    ("en", "🏠 At home: 5 minutes each evening, Ana says these words aloud and you say them "
           "back together."),
])
def test_the_update_gives_one_short_home_routine(db: Database, school_class: people.ClassInfo,
                                                 catalog: Catalog, lang: str,
                                                 routine: str) -> None:
    # a school week she practised (the day after she joined, no school day is counted yet)
    week = replace(grandmother_reads(db, ["prey"], lang), days=3, out_of=5)
    text = family_update_text(week, catalog)
    assert routine in text.split("\n")
    assert len(routine) < 110
    # a week with one practice day or none gives the next step in its place (playtest)
    bad = family_update_text(replace(week, days=1), catalog)
    assert routine not in bad and "👉" in bad


def test_the_update_carries_the_ids_of_the_words_it_names(
        db: Database, school_class: people.ClassInfo) -> None:
    update = grandmother_reads(db, ["ecosystem", "organism", "habitat", "prey"])
    ids = {ref.word.term: ref.id for ref in pack_words(db, "science.ecosystems")}
    assert update.word_ids == (ids["ecosystem"], ids["organism"], ids["prey"])


def test_words_read_but_never_answered_are_new_not_practised(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Playtest: the update listed under "practising" words Ana had never been asked."""
    update = grandmother_reads(db, ["prey"], "en", unanswered=("predator", "habitat"))
    assert [term for term, _ in update.practising] == ["prey"]
    assert sorted(term for term, _ in update.new) == ["habitat", "predator"]
    text = family_update_text(update, catalog)
    practising, new = text.index("📖 Words being practised:"), text.index(
        "🆕 New words Ana has just started (not practised yet):")
    assert practising < text.index("<b>prey</b>") < new < text.index("<b>predator</b>")
    assert update.explain == "prey"  # never a word she was not asked yet


def test_a_child_who_only_read_cards_has_nothing_being_practised(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    update = grandmother_reads(db, [], "en", unanswered=("predator",))
    assert update.practising == [] and update.explain is None
    text = family_update_text(update, catalog)
    assert "practised:" not in text and "💬" not in text
    assert "🆕 New words Ana has just started (not practised yet):\n<b>predator</b>" in text


def test_a_family_whose_child_learns_with_another_language_is_asked_for_the_home_one(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # a child learning with Creole glosses may not speak the family's Spanish (M4)
    update = grandmother_reads(db, ["ecosystem", "organism", "habitat", "prey"], lang="es")
    text = family_update_text(update, catalog)
    assert "en el idioma que hablan en casa" in text and "en español" not in text


def test_a_chinese_family_update_names_chinese_spaces_latin_words_and_nests_no_brackets(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # Playtest (Mandarin newcomer and her grandmother): "请Lin用你们在家里说的语言给您解释
    # multiplication这个词。" and "sum (和（加法的得数）)"
    enrol_student(db, START, lang="zh", level=1, name="Lin")
    words = {w.word.term: w for w in pack_words(db, "math.number-operations")}
    read = [words[t] for t in ("sum", "multiplication")]
    learners.introduce(db, learners.learner(db, 1001), read, START)
    learners.cards_shown(db, 1001, [w.id for w in read], START)
    db.execute("UPDATE mastery SET attempts = 1")
    link = family.create_link(db, TEACHER_ID, "Lin", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "zh")
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1))
    text = family_update_text(update, catalog)
    assert f"💬 请 Lin 用中文给您讲讲 <b>{update.explain}</b> 这个词是什么意思。" in text
    assert "你们" not in text and "Lin的" not in text
    assert "<b>sum</b> (和)" in text and "加法的得数" not in text
