"""Arabic and Vietnamese playtest: "what does X mean?" as Yousef (Sudanese Arabic, WIDA 1)
and Linh (Vietnamese, level 3, no diacritics) type it got "💬 … I only help with words and
cannot chat… send it?": "ما معنى خلية", "شو يعني nucleus", "ana mish fahem membrane",
"cell la gi", "cell nghia la gi". Only "cell là gì?" (its question mark) and "خلية" alone
were read. Each is now answered with the word's meaning in their language."""

from __future__ import annotations

import pytest

from bot.store import people
from bot.store.packs import pack_words
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts


def meanings(chat: Chat, term: str, lang: str) -> tuple[str, str]:
    """The word's meaning in `lang`, as a card at any level shows one of them."""
    word = next(w.word for w in pack_words(chat.db, "science.cells-genetics")
                if w.word.term == term)
    gloss = word.glosses[lang]
    return gloss.simple or "", gloss.definition or ""


@pytest.mark.parametrize(("typed", "term", "lang", "level"), [
    ("ما معنى خلية", "cell", "ar", 1),
    ("ما معني الخليه؟", "cell", "ar", 1),
    ("شو يعني nucleus", "nucleus", "ar", 1),
    ("shu ya3ni nucleus", "nucleus", "ar", 1),
    ("membrane يعني ايه؟", "membrane", "ar", 1),
    ("ana mish fahem membrane", "membrane", "ar", 1),
    ("cell la gi", "cell", "vi", 3),
    ("cell nghia la gi", "cell", "vi", 3),
    ("cell là gì?", "cell", "vi", 3),
])
async def test_what_does_a_word_mean_is_answered_with_its_meaning(
        chat: Chat, typed: str, term: str, lang: str, level: int) -> None:
    people.set_class_pack(chat.db, people.teacher_classes(chat.db, TEACHER_ID)[0].id,
                          "science.cells-genetics")
    student = chat.user(1001, "Yousef" if lang == "ar" else "Linh", lang=lang)
    await join_and_confirm(chat, student, lang=lang, level=level)
    reply = texts(await chat.send(student, typed))
    simple, definition = meanings(chat, term, lang)
    if term in typed:  # the English word asked about: its card, with its meaning
        assert simple in reply or definition in reply, reply
        assert f"<b>{term}</b>" in reply
    else:  # her own word asked about: its English word, as when typed alone
        assert f"خلية = <b>\u2068{term}\u2069</b>" in reply, reply
    assert "I only help with words and cannot chat" not in reply
