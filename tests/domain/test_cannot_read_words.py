"""A family's own words that say they cannot read English, in every catalogue language
(bot/domain/cannot_read_words.py); never the other ready-made family notes, nor a pack's
sentence, nor words about someone else or about reading English "not well"."""

from __future__ import annotations

import tomllib

import pytest

from bot.domain.cannot_read_words import CANNOT_READ_ENGLISH, fold, says_cannot_read_english
from bot.domain.family_notes import CANNOT_READ, FAMILY_NOTES, note_key
from bot.domain.language import SUPPORTED_UI
from bot.presentation.i18n import PROMPTS_DIR, Catalog
from bot.services.packs import load_packs

SAYS_IT = [
    "Mwen pa li angle… Eskè ou ka voye mesaj an kreyòl?",  # the playtest's
    "m pa konn li angle", "M'pa ka li angle", "Bonjou, mwen pa konprann angle.",
    "No leo inglés", "NO HABLO INGLES!!", "no entiendo inglés, por favor en español",
    "Je ne lis pas l'anglais", "je parle pas anglais", "Je n’arrive pas à lire l’anglais",
    "Eu não leio inglês", "não consigo ler inglês",
    "Ma aqrin karo Ingiriisiga", "Af Ingiriis ma aqaan",
    "Kuv nyeem tsis tau lus Askiv", "kuv tsis paub lus askiv",
    "Tôi không đọc được tiếng Anh", "toi khong doc duoc tieng anh",  # typed without marks
    "我看不懂英文", "我們看不懂英文", "我不会英语",
    "لا أقرأ الإنجليزية", "لا افهم الانجليزي",
    "저는 영어를 못 읽어요", "영어를 읽을 수 없어요",
    "Я не читаю по-английски", "не понимаю по английски",
    "Hindi ako marunong mag-Ingles", "Di ko maintindihan ang English",
    "I can't read English", "i dont speak english", "I'm unable to read English",
    "I don't read or speak English",
]

SAYS_NOT = [
    "Mwen li angle", "Mwen pa konnen", "Li pa konprann angle",  # she reads it; "he/she"
    "Ana can't read English yet", "Ana no lee inglés", "Elle ne parle pas anglais",
    "他看不懂英文", "아이가 영어를 못 읽어요", "Bé không đọc được tiếng Anh",
    "Nws nyeem tsis tau lus Askiv", "Он не читает по-английски",
    "I don't speak English very well", "No hablo inglés muy bien",  # some English
    "I don't understand English homework", "I don't know the English word",
    "Thank you", "Widlene pa konprann devwa angle a.", "¿Lees inglés?",
]


@pytest.mark.parametrize("text", SAYS_IT)
def test_it_says_they_cannot_read_english(text: str) -> None:
    assert says_cannot_read_english(text)


@pytest.mark.parametrize("text", SAYS_NOT)
def test_it_says_something_else(text: str) -> None:
    assert not says_cannot_read_english(text)


def test_every_catalogue_language_has_phrases() -> None:
    assert set(CANNOT_READ_ENGLISH) == set(SUPPORTED_UI)


def test_the_ready_made_notes_say_it_only_in_the_cannot_read_one() -> None:
    """Puente's own "I cannot read English", written by people in each language, is recognised;
    no other ready-made family note is."""
    catalog = Catalog.load()
    for lang in catalog.languages:
        for note in FAMILY_NOTES:
            text = catalog.plain(note_key(note), lang, name="Ana", day="14/9")
            assert says_cannot_read_english(text) == (note == CANNOT_READ), (lang, note, text)


def test_no_pack_sentence_says_it() -> None:
    """Definitions, examples, gap sentences and every language's glosses: none is taken for a
    family who cannot read English."""
    said = [text for pack in load_packs().packs for word in pack.words
            for text in (word.definition, word.example, word.simple, word.frame,
                         *word.clozes,
                         *(part for gloss in word.glosses.values()
                           for part in (gloss.term, gloss.definition, gloss.simple)))
            if text and says_cannot_read_english(text)]
    assert said == []


def test_folding_drops_case_accents_marks_and_apostrophes() -> None:
    assert fold("Je n’arrive PAS") == "je narrive pas"
    assert fold("Tôi không đọc") == "toi khong doc"
    assert fold("لا أقرأ الإنجليزيةُ") == "لا اقرا الانجليزيه"
    assert fold("영어를") == "영어를"  # Hangul syllables kept whole


def test_no_other_prompt_says_it() -> None:
    """Of everything Puente says, in every language, only the ready-made note, its button and
    the teacher's line saying Puente recognised it say it."""
    said = {(path.stem, key) for path in sorted(PROMPTS_DIR.glob("*.toml"))
            for key, value in tomllib.loads(path.read_text(encoding="utf-8")).items()
            for text in ([value] if isinstance(value, str) else
                         [v for v in value.values() if isinstance(v, str)])
            if says_cannot_read_english(text)}
    assert {key for _, key in said} == {note_key(CANNOT_READ), f"family-note-label-{CANNOT_READ}",
                                        "relay-gist-cannot-read"}
    assert len(said) == 3 * len(SUPPORTED_UI)
