"""French playtest (Aissatou, level 1, schooled in French): at a question spelled with letter
tiles ("Quel mot veut dire ça ? Les feuilles font du sucre…", 🔤 _ _ _ …) she typed
"photosynthèse", then "photosynthese", and twice got the tiles' line "Tap the letters …, then
tap ✅. You can also type it": she had just typed. The day before, the same word typed at a
typed question was named ("« photosynthèse » est le mot en français 👍") and she was asked for
the English. Under tiles it is named too: nothing graded, the tiles stay."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import Chat, join_and_confirm, texts

AISSATOU = 1001


def photosynthesis_with_tiles(chat: Chat) -> int:
    """Open a level-1 question on photosynthesis asked by its French meaning, whose English
    options tiles spell (tiles.by_default); its id."""
    word = next(w for w in pack_words(chat.db, "science.ecosystems")
                if w.word.term == "photosynthesis")
    item = Item(word.id, ItemType.CHOICE, word.word.glosses["fr"].definition,
                ("producer", "consumer", "photosynthesis"), "photosynthesis")
    return check_items.save_items(chat.db, AISSATOU, "fr", [item], chat.clock())[0]


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_her_french_word_under_tiles_is_named_and_she_is_asked_for_the_english(
        chat: Chat) -> None:
    aissatou = chat.user(AISSATOU, "Aissatou", lang="fr")
    await join_and_confirm(chat, aissatou, lang="fr", level=1)
    item_id = photosynthesis_with_tiles(chat)
    for typed in ("photosynthèse", "photosynthese"):
        reply = texts(await chat.send(aissatou, typed))
        assert f"«\u202f{typed}\u202f» est le mot en français 👍 Maintenant, écris-le en " \
            "anglais, s'il te plaît." in reply, typed
        assert f"“{typed}” is the French word 👍 Now write it in English, please." in reply
        assert "You can also type it" not in reply and "tap the English one" not in reply
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


async def test_other_text_under_tiles_still_points_to_the_letters(chat: Chat) -> None:
    aissatou = chat.user(AISSATOU, "Aissatou", lang="fr")
    await join_and_confirm(chat, aissatou, lang="fr", level=1)
    photosynthesis_with_tiles(chat)
    reply = texts(await chat.send(aissatou, "consommateur"))  # another word's French
    # the question with its tiles, its one line in French (level 1: tiles.one_line)
    assert "🔤 Quel mot anglais veut dire ça\u202f? Appuie sur ses lettres, puis sur ✅." in reply
    assert "French word" not in reply
