"""A Haitian Creole student schooled in French types answers (playtest: Jb, 15, WIDA 2-3, phone
in French): what he reads, and whether a miss or a right answer is counted."""

from __future__ import annotations

from bot.presentation.i18n import reader_language
from bot.store import check_items
from tests.harness import Chat, ask_typed, join_and_confirm, texts


def said(chat: Chat, key: str, lang: str, **values: object) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_the_french_word_is_named_french_and_asked_in_english_not_counted(
        chat: Chat) -> None:
    """"hypothèse" got "✅ Bon! Gade jan ou ekri l: hypothesis" and counted toward mastery."""
    jb = chat.user(1001, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    item_id = ask_typed(chat, "science.matter-and-forces", "hypothesis", "ht")
    reply = texts(await chat.send(jb, "hypothèse"))
    assert reply == said(chat, "typed-home-language", "ht", typed="hypothèse",
                         language=reader_language("fr"))
    assert "“hypothèse” se mo an fransè 👍" in reply
    assert "is the French word 👍 Now write it in English" in reply
    assert "✅" not in reply
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    assert "✅" in texts(await chat.send(jb, "je pense hypothesis"))  # French filler: right
    assert check_items.get_item(chat.db, item_id).answered


async def test_french_filler_around_the_word_is_right_for_a_creole_student(
        chat: Chat) -> None:
    """"c'est photosynthesis" read "Se pa sa. Repons lan se photosynthesis" and re-taught it."""
    jb = chat.user(1001, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    ask_typed(chat, "science.ecosystems", "photosynthesis", "ht")
    reply = texts(await chat.send(jb, "c'est photosynthesis"))
    assert "✅" in reply and "Not quite" not in reply
    row = chat.db.execute("SELECT correct FROM attempts").fetchone()
    assert row[0] == 1


async def test_a_kreyol_spelling_is_right_with_the_spelling_shown(chat: Chat) -> None:
    """"ipotesis" was "Not quite" while "hipotesis" was forgiven."""
    jb = chat.user(1001, "Jb", lang="fr")
    await join_and_confirm(chat, jb, lang="ht", level=3)
    ask_typed(chat, "science.matter-and-forces", "hypothesis", "ht")
    reply = texts(await chat.send(jb, "ipotesis"))
    assert "✅" in reply and "<u>" in reply  # the letters to fix are underlined


async def test_the_teacher_sees_the_french_word_typed_twice_and_cannot_count_it(
        chat: Chat) -> None:
    """Playtest (Chem 11, Jean, WIDA 2): he typed matière, masse, liquide; each second try
    was a miss whose text was not kept, so /student read "⌨️ typed 0/10" and listed nothing:
    the teacher could not see that he knew every meaning and wrote it in French."""
    jean = chat.user(1001, "Jean", lang="fr")
    await join_and_confirm(chat, jean, lang="ht", level=2)
    ask_typed(chat, "science.matter-and-forces", "matter", "ht")
    await chat.send(jean, "matière")  # "the French word 👍 write it in English"
    assert "Not quite" in texts(await chat.send(jean, "matière"))  # a miss now
    shown = await chat.send(chat.user(9001, "Rivera", "en"), "/student Jean")
    listed = texts(shown)
    assert "1. <b>matter</b>: “matière”, Mon 14 Sep · not English: the meaning, in another " \
        "language" in listed
    assert not any(label.startswith("✅") and "matter" in label for label, _ in shown[-1].buttons)
