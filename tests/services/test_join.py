"""Joining a class: what a student notices when the code is good, bad, old, or used twice."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.domain import placement
from bot.domain.language import LANGUAGES, Capability
from bot.services import join
from bot.services.packs import load_packs
from bot.store import people
from bot.store.packs import pack_words, save_pack
from tests.clock import START

CODE = "JOINcode_123"  # the `school_class` fixture's code, valid for 180 days from START


def test_a_good_code_enrols_the_student_and_offers_their_phone_language(
        db: Database, school_class: people.ClassInfo) -> None:
    joined = join.join_class(db, 1001, "Ana", CODE, "es-MX", START)
    assert joined == join.Joined("Science 7B", already_member=False, language=None,
                                 suggestion="es", class_id=school_class.id)
    assert [e.class_id for e in people.enrollments(db, 1001)] == [school_class.id]


def test_rejoining_is_recognised_and_enrols_once(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, "es", START)
    join.confirm_language(db, 1001, "es")
    again = join.join_class(db, 1001, "Ana", CODE, "es", START + timedelta(days=1))
    assert again == join.Joined("Science 7B", already_member=True, language="es",
                                suggestion=None, class_id=school_class.id)
    assert db["enrollments"].count == 1


@pytest.mark.parametrize(("code", "key"), [
    (None, "join-code-missing"),
    ("", "join-code-missing"),
    ("NOPE12345", "join-code-unknown"),
    ("<b>x</b>", "join-code-unknown"),
    ("A" * 65, "join-code-unknown"),
])
def test_a_bad_code_is_refused_with_a_kind_message_and_enrols_nobody(
        db: Database, school_class: people.ClassInfo, code: str | None, key: str) -> None:
    with pytest.raises(join.JoinError) as refused:
        join.join_class(db, 1001, "Ana", code, "es", START)
    assert refused.value.prompt_key == key
    assert db["enrollments"].count == 0


def test_a_code_expires_at_its_moment_not_a_second_later(
        db: Database, school_class: people.ClassInfo) -> None:
    with pytest.raises(join.JoinError) as refused:
        join.join_class(db, 1001, "Ana", CODE, "es", school_class.code_expires_at)
    assert refused.value.prompt_key == "join-code-expired"
    just_before = school_class.code_expires_at - timedelta(seconds=1)
    assert not join.join_class(db, 1001, "Ana", CODE, "es", just_before).already_member


@pytest.mark.parametrize(("phone", "offered"), [
    ("es", "es"), ("pt-BR", "pt"), ("AR", "ar"), ("en", None), ("en-US", None),
    (None, None), ("", None), ("xx", None),
])
def test_the_phone_language_is_offered_only_when_puente_speaks_it(
        phone: str | None, offered: str | None) -> None:
    assert join.suggest_from_phone(phone) == offered


def test_join_codes_are_long_unguessable_and_link_safe() -> None:
    code = join.new_code()
    assert len(code) == join.JOIN_CODE_CHARS == 12
    assert set(code) <= set(join.CODE_ALPHABET)
    assert not set("0O1lI") & set(join.CODE_ALPHABET)  # no look-alikes to misread aloud


def bits(alphabet: str, classes: dict[str, str] | None = None) -> float:
    """The randomness of a 12-character code drawn from `alphabet`, once codes that read the
    same (`classes`: symbol -> what it is matched as) count as one."""
    counts: dict[str, int] = {}
    for symbol in alphabet:
        key = (classes or {}).get(symbol, symbol)
        counts[key] = counts.get(key, 0) + 1
    return -join.JOIN_CODE_CHARS * sum(n / len(alphabet) * math.log2(n / len(alphabet))
                                       for n in counts.values())


def test_class_codes_have_no_look_alikes_and_stay_unguessable_matched_forgivingly() -> None:
    code = join.new_class_code()
    assert len(code) == 12 and set(code) <= set(join.CLASS_CODE_ALPHABET)
    assert code == code.upper() and not set("0O1lIi") & set(join.CLASS_CODE_ALPHABET)
    forgiving = {c: people.code_key(c) for c in join.CODE_ALPHABET}
    assert round(bits(join.CODE_ALPHABET), 1) == 70.0  # the old codes, matched exactly
    assert round(bits(join.CODE_ALPHABET, forgiving), 1) == 59.9  # the old, any case
    assert round(bits(join.CLASS_CODE_ALPHABET, {c: people.code_key(c) for c in
                                                 join.CLASS_CODE_ALPHABET}), 1) == 59.5


@pytest.mark.parametrize("typed", ["wkbsde5kgzod", "WKBSDE5KGZOD", "WKbsDE5kGZ0D", "WKbsDE5kGZoD"])
def test_a_code_copied_in_lower_case_or_with_0_for_o_still_joins(
        db: Database, typed: str) -> None:
    people.upsert_teacher(db, 9001, "Ms. Rivera", START)
    people.create_class(db, 9001, "Science 7B", "WKbsDE5kGZoD", START + timedelta(days=30),
                        "science.ecosystems", START)
    assert join.join_class(db, 1001, "Ana", typed, "es", START).class_name == "Science 7B"


@pytest.mark.parametrize("typed", ["J0INC0DE_l23", "jolncode_123", "JOINCODE_I23"])
def test_l_1_and_i_read_alike_as_do_0_and_o(
        db: Database, school_class: people.ClassInfo, typed: str) -> None:
    assert join.join_class(db, 1001, "Ana", typed, "es", START).class_name == "Science 7B"


@pytest.mark.parametrize("typed", ["JOINcode_124", "JOINcode_12", "OINcode_123"])
def test_a_wrong_character_is_still_a_wrong_code(
        db: Database, school_class: people.ClassInfo, typed: str) -> None:
    with pytest.raises(join.JoinError) as refused:
        join.join_class(db, 1001, "Ana", typed, "es", START)
    assert refused.value.prompt_key == "join-code-unknown"


def test_an_old_link_typed_in_lower_case_is_still_told_it_was_replaced(
        db: Database, school_class: people.ClassInfo) -> None:
    people.replace_join_code(db, school_class.id, "NEWCODE23456", START + timedelta(days=9),
                             START)
    with pytest.raises(join.JoinError) as refused:
        join.join_class(db, 1001, "Ana", CODE.lower(), "es", START)
    assert refused.value.prompt_key == "join-code-replaced"


def test_an_unknown_language_is_refused_and_a_known_one_is_kept(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, None, START)
    with pytest.raises(join.PuenteError) as refused:
        join.confirm_language(db, 1001, "klingon")
    assert refused.value.prompt_key == "error-unknown-language"
    assert join.confirm_language(db, 1001, "hmn") == "hmn"
    assert people.get_student(db, 1001).language == "hmn"


def test_classmates_languages_guide_a_newcomers_detection(
        db: Database, school_class: people.ClassInfo) -> None:
    for user_id, lang in ((1001, "vi"), (1002, "vi")):
        join.join_class(db, user_id, "S", CODE, None, START)
        join.confirm_language(db, user_id, lang)
    join.join_class(db, 1003, "New", CODE, None, START)
    assert join.class_languages(db, 1003) == ["vi"]
    assert join.class_majority_languages(db, 1003) == ["vi"]  # two of two share it


def test_placement_opens_asks_in_order_and_ends_with_a_level(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, "es", START)
    assert join.needs_placement(db, 1001)
    with pytest.raises(join.PlacementClosedError):
        join.answer_placement(db, 1001, 0, 0)  # a tap before placement opened
    join.open_placement(db, 1001)
    right = [item.correct for item in placement.PLACEMENT[:placement.MAIN_ITEMS]]
    assert join.answer_placement(db, 1001, 0, right[0]) == join.PlacementStep(1, None)
    assert join.answer_placement(db, 1001, 5, right[5]) == join.PlacementStep(1, None)  # ignored
    for question in (1, 2, 3, 4):  # bands 1 and 2 right, then two misses in band 3
        join.answer_placement(db, 1001, question, right[question])
    assert join.answer_placement(db, 1001, 5, (right[5] + 1) % 4) == join.PlacementStep(6, None)
    finished = join.answer_placement(db, 1001, 6, (right[6] + 1) % 4)
    assert finished == join.PlacementStep(None, 3)
    assert people.enrollments(db, 1001)[0].wida_level == 3
    assert not join.needs_placement(db, 1001)
    with pytest.raises(join.PlacementClosedError):
        join.answer_placement(db, 1001, 0, 0)  # finished: a replayed tap changes nothing


def test_a_stranger_tapping_placement_is_told_to_join_first(db: Database) -> None:
    with pytest.raises(join.JoinError) as refused:
        join.answer_placement(db, 4242, 0, 0)
    assert refused.value.prompt_key == "not-enrolled"


def test_the_language_offer_promises_only_what_exists(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, None, START)
    assert join.language_offer(db, 1001, "en", lambda _: False).prompt_key \
        == "language-set-english-only"
    assert join.language_offer(db, 1001, "es", lambda _: False).prompt_key == "language-set"
    partial = "so"  # every shipped word has Somali: take one away, as a teacher's pack might
    assert {Capability.GLOSSES, Capability.PROMPTS} <= LANGUAGES[partial].capabilities
    pack = next(p for p in load_packs().packs if p.id == "science.ecosystems")
    first = pack.words[0]
    first = replace(first, glosses={k: g for k, g in first.glosses.items() if k != partial})
    save_pack(db, replace(pack, words=(first, *pack.words[1:])), START)
    words = [w.word for w in pack_words(db, "science.ecosystems")]
    have = sum(partial in w.glosses for w in words)
    assert have == len(words) - 1
    assert join.language_offer(db, 1001, partial, lambda _: False) \
        == join.LanguageOffer("language-set-partial", have, len(words))
    assert join.language_offer(db, 1001, partial, lambda _: True).prompt_key == "language-set"
    assert join.language_offer(db, 1001, "uk", lambda _: True).prompt_key \
        == "language-set-machine"
    assert join.language_offer(db, 1001, "sw", lambda _: False).prompt_key \
        == "language-set-english"


def test_classmates_languages_settle_a_newcomers_close_call(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, None, START)
    join.confirm_language(db, 1001, "pt")
    join.join_class(db, 1002, "Bia", CODE, None, START)
    assert join.suggest_from_text(db, 1002, "pode repetir por favor", None).lang == "pt"
    assert join.suggest_from_text(db, 4242, "pode repetir por favor", None).lang is None  # alone


def test_a_long_code_is_looked_up_up_to_64_characters_and_dashes_are_allowed(
        db: Database, school_class: people.ClassInfo) -> None:
    expires = START + timedelta(days=10)
    for code in ("A-" * 32, "B_" * 32, "x" * 64):
        people.create_class(db, 9001, code[:5], code, expires, None, START)
        assert join.join_class(db, 1001, "Ana", code, None, START).class_name == code[:5]
    people.create_class(db, 9001, "Long", "y" * 65, expires, None, START)
    with pytest.raises(join.JoinError) as refused:
        join.join_class(db, 1001, "Ana", "y" * 65, None, START)
    assert refused.value.prompt_key == "join-code-unknown"


def test_a_language_outside_the_catalogue_is_promised_english(
        db: Database, school_class: people.ClassInfo) -> None:
    join.join_class(db, 1001, "Ana", CODE, None, START)
    assert join.language_offer(db, 1001, "xx", lambda _: False).prompt_key \
        == "language-set-english"
