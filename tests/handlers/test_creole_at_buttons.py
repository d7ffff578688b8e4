"""Haitian playtest (Jb, 15, schooled in French, level 3): at a question with four buttons on
mitosis, "c'est la mitose" got "💬 Thanks for writing! … send to your teacher?" and "mitose"
"Tap one of the answers above 👆". The French word is named as a typed question names it, and
he is pointed to the buttons: nothing graded, the question stays open. At a typed question the
retry quotes the word alone, not the filler around it."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import Chat, ask_typed, buttons, join_and_confirm, texts

JB = 1001


def mitosis_with_buttons(chat: Chat) -> int:
    """Open a four-button question on mitosis for Jb; its id."""
    word = next(w for w in pack_words(chat.db, "science.cells-genetics")
                if w.word.term == "mitosis")
    item = Item(word.id, ItemType.CHOICE, word.word.definition,
                ("meiosis", "mitosis", "chromosome", "cell"), "mitosis")
    return check_items.save_items(chat.db, JB, "ht", [item], chat.clock())[0]


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_the_french_word_at_buttons_is_named_and_he_is_pointed_to_them(
        chat: Chat) -> None:
    jb = chat.user(JB, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    item_id = mitosis_with_buttons(chat)
    for typed in ("c'est la mitose", "mitose"):
        reply = texts(await chat.send(jb, typed))
        assert "“mitose” se mo an fransè 👍" in reply, typed
        assert "“mitose” is the French word 👍 Now tap the English one above." in reply
        assert "teacher" not in reply and "Tap one of the answers" not in reply
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


async def test_other_text_at_buttons_still_points_to_them(chat: Chat) -> None:
    jb = chat.user(JB, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    mitosis_with_buttons(chat)
    assert "French word" not in texts(await chat.send(jb, "meiosis"))


async def test_the_french_retry_quotes_the_word_not_the_filler(chat: Chat) -> None:
    jb = chat.user(JB, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    ask_typed(chat, "science.ecosystems", "photosynthesis", "ht")
    reply = texts(await chat.send(jb, "c'est la photosynthèse"))
    assert "“photosynthèse” is the French word 👍" in reply
    assert "c'est" not in reply


async def test_i_dont_understand_at_a_question_explains_it_and_grades_nothing(
        chat: Chat) -> None:
    jb = chat.user(JB, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    item_id = mitosis_with_buttons(chat)
    for typed in ("mwen pa konprann", "Je ne comprends pas la question.", "I don't understand"):
        calls = await chat.send(jb, typed)
        reply = texts(calls)
        assert "Pa gen pwoblèm 🙂 Sa mo a vle di, an kreyòl ayisyen: <i>Fason yon selil" \
            in reply
        assert "That's OK 🙂 What the word means, in" in reply
        assert not any("✉️" in label for label, _ in buttons(calls)), typed
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    ask_typed(chat, "science.ecosystems", "photosynthesis", "ht")  # a typed one too
    assert "That's OK 🙂" in texts(await chat.send(jb, "m pa konprann"))
    assert attempts(chat) == 0
