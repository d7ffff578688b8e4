"""Every ready-made announcement and reply reads in each of the 13 languages people wrote
them in, with the day named as that language names a day, and no placeholder left."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.domain.ready_announcements import (
    READY_ANNOUNCEMENTS,
    WITH_DAY,
    WITH_TIME,
    ReadyChoice,
    announcement_key,
)
from bot.domain.ready_replies import READY_REPLIES, WITH_WHEN, ready_key
from bot.presentation.i18n import Catalog
from bot.presentation.ready_menus import reply_text, written

LANGS = ("en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")
DAY, AT = date(2026, 9, 21), time(15)


def bare(text: str) -> str:
    """Without the direction isolates right-to-left text puts around numbers and values."""
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069\u200f")


@pytest.mark.parametrize("lang", LANGS)
def test_every_ready_announcement_reads_in_every_language(catalog: Catalog, lang: str) -> None:
    for name in READY_ANNOUNCEMENTS:
        assert catalog.template(announcement_key(name), lang)[0] == lang  # not English's
        choice = ReadyChoice(name, DAY if name in WITH_DAY else None,
                             AT if name in WITH_TIME else None)
        text = written(catalog, choice)(lang)
        assert text is not None and "{" not in text and "…" not in text
        assert (bare(catalog.day(lang, DAY)) in bare(text)) == (name in WITH_DAY), (lang, name)
        assert ("15:00" in text) == (name in WITH_TIME), (lang, name)
        if lang != "en":
            assert text != written(catalog, choice)("en")


def test_the_hmong_no_school_names_monday_in_hmong(catalog: Catalog) -> None:
    assert written(catalog, ReadyChoice("closed", DAY))("hmn") == (
        "Tsis muaj kawm ntawv rau Hnub Ib tim 21 Lub Cuaj Hlis.")


def test_a_language_puente_has_no_messages_in_has_no_ready_words(catalog: Catalog) -> None:
    assert written(catalog, ReadyChoice("closed", DAY))("uk") is None


@pytest.mark.parametrize("lang", LANGS)
def test_every_ready_reply_is_written_in_every_language(catalog: Catalog, lang: str) -> None:
    for reply in READY_REPLIES:
        used, _ = catalog.template(ready_key(reply), lang)
        assert used == lang
        text = reply_text(catalog, lang, reply, "Pa", DAY, AT)
        assert "{" not in text and "___" not in text
        # "Please come to school to meet me on {day} at {time}.": their day name, the time
        assert (bare(catalog.day(lang, DAY)) in bare(text)) == (reply in WITH_WHEN), reply
        assert ("15:00" in text) == (reply in WITH_WHEN), (lang, reply)


def test_the_meeting_reply_names_thursday_in_somali_and_hmong(catalog: Catalog) -> None:
    thursday = date(2026, 9, 17)
    assert reply_text(catalog, "so", "meet", "Hodan", thursday, AT) == (
        "Fadlan iskuulka iigu kaalay si aan u kulanno Khamiis 17 Sebtembar saacadda 15:00.")
    assert "Hnub Plaub tim 17 Lub Cuaj Hlis thaum 15:00" in reply_text(
        catalog, "hmn", "meet", "Pa", thursday, AT)


@pytest.mark.parametrize("lang", LANGS)
def test_no_family_qr_caption_or_invitation_keeps_the_english_scan(catalog: Catalog,
                                                                   lang: str) -> None:
    if lang in ("en", "tl"):  # Tagalog writes the loan "I-scan" its own way
        return
    for key in ("family-invitation-qr", "family-invitation"):
        assert "Scan " not in catalog.plain(key, lang, name="Pa", link="x", days=14)


FAMILY_SIDE = ("family-link-unknown", "family-link-full", "family-link-own",
               "family-link-expired", "family-link-revoked", "family-not-linked",
               "family-unlinked-text", "ask-prompt-no-model", "family-no-model-note",
               "answer-no-translation", "family-invitation", "family-invitation-qr")


def test_hmong_family_messages_keep_no_english_words(catalog: Catalog) -> None:
    """A Hmong father read "Scan", "link" and "computer" in his own language's messages."""
    for key in FAMILY_SIDE:
        text = catalog.plain(key, "hmn", name="Pa", link="x", days=14, language="Hmoob",
                             count=4)
        assert not {"Scan", "link", "computer"} & set(text.replace(".", " ").split()), key
