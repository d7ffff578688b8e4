"""The give-away audit after an upload stays bounded: a big pack is audited on an even spread
of its words, so the teacher hears back in about a second, not after minutes (a 400-word
upload took 14 s of CPU, and every other user waited; bench/pack_upload.py)."""

from __future__ import annotations

from bot.domain.pack_csv import parse_csv_pack
from bot.domain.packs import Pack
from bot.services.packs import AUDIT_WORDS, audited_words, pack_quality

HEAD = {"id": "t1.big", "title": "Big", "subject": "science", "grades": [6, 8]}


def pack_of(words: int) -> Pack:
    rows = "".join(f"term{n},noun,3,Meaning {n}.,The term{n} is here.,\n" for n in range(words))
    return parse_csv_pack("term,pos,tier,definition,example,cloze\n" + rows, "big.csv", HEAD)


def test_a_small_pack_is_audited_whole() -> None:
    pack = pack_of(AUDIT_WORDS)
    assert audited_words(pack) is pack


def test_a_big_pack_is_audited_on_an_even_spread_of_its_words() -> None:
    chosen = [w.term for w in audited_words(pack_of(400)).words]
    assert len(chosen) == AUDIT_WORDS
    assert chosen[0] == "term0" and chosen[-1] == "term393"  # first to last, in order
    assert chosen == sorted(chosen, key=lambda t: int(t[4:]))


def test_the_audit_of_a_big_pack_builds_no_more_items_than_of_a_pack_of_that_spread() -> None:
    big, spread = pack_quality(pack_of(400), ["es"]), pack_quality(pack_of(AUDIT_WORDS), ["es"])
    assert big.items == spread.items
    assert big.no_cloze == 400  # what the teacher is told about the whole pack stays whole


def test_a_teacher_hears_which_words_have_one_gap_sentence_and_a_second_column_fixes_it(
        ) -> None:
    header = "term,pos,tier,definition,example,cloze,cloze2\n"
    one = "owl,noun,3,A bird.,The owl flew.,An owl hunts at night.,\n"
    two = "fox,noun,3,An animal.,The fox ran.,A fox hunts mice.,The red fox sleeps in a den.\n"
    pack = parse_csv_pack(header + one + two, "two.csv", HEAD)
    assert pack.words[1].clozes == ("A fox hunts mice.", "The red fox sleeps in a den.")
    assert pack_quality(pack, ["es"]).one_cloze == 1
