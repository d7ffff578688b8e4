"""A word of hers typed when no question is open, misspelled or not, gets that word's card, in
her language and English: never "I cannot answer messages like this. Shall I send it to your
teacher?" (playtest: Pa Houa, Hmong, level 1, typed "analize" and "contrst" after her check;
a ✉️ under a misspelled word is one tap from a teacher reading it)."""

from __future__ import annotations

from bot.domain.mastery import new_mastery
from bot.store import check_items, study
from bot.store.packs import pack_words
from tests.harness import Chat, buttons, join_and_confirm, texts

NOT_UNDERSTOOD = "I only help with words and cannot chat"


async def pa_houa(chat: Chat) -> dict:
    """Pa Houa (Hmong, level 1), her class's words, and analyze pushed to her from the verbs."""
    user = chat.user(1001, "Pa Houa", "en")
    await join_and_confirm(chat, user, lang="hmn", level=1)
    analyze = next(r.id for r in pack_words(chat.db, "general.academic-verbs")
                   if r.word.term == "analyze")
    study.save_mastery(chat.db, 1001, analyze, new_mastery(analyze, chat.clock()), chat.clock())
    assert check_items.next_open_item(chat.db, 1001) is None  # no question open
    return user


async def test_a_misspelled_word_of_hers_gets_did_you_mean_and_its_card(chat: Chat) -> None:
    user = await pa_houa(chat)
    calls = await chat.send(user, "analize")
    (reply,) = [c for c in calls if c.method == "sendMessage"]
    assert reply.text.startswith("🔎 Puas yog koj xav sau <b>analyze</b>?\n"
                                 "🔎 Did you mean <b>analyze</b>?\n\n")
    assert "\n<b>analyze</b>\nLook at" in reply.text  # its card, as level 1 shows it
    assert NOT_UNDERSTOOD not in reply.text
    assert not [data for _, data in buttons(calls) if data.startswith("ak:")]  # no ✉️
    predator = texts(await chat.send(user, "predater"))
    assert "Did you mean <b>predator</b>?" in predator  # the closest word, not producer
    assert chat.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0  # no answer


async def test_a_word_of_hers_written_right_gets_its_card(chat: Chat) -> None:
    user = await pa_houa(chat)
    reply = texts(await chat.send(user, "Habitat"))
    assert reply.startswith("📘 <b>habitat</b> yog ib lo ntawm koj cov lo lus.\n"
                            "📘 <b>habitat</b> is one of your words.")


async def test_another_english_word_or_a_message_is_still_offered_to_the_teacher(
        chat: Chat) -> None:
    user = await pa_houa(chat)
    for text in ("pray", "contrst", "I need help with my homework"):  # contrast is not hers
        calls = await chat.send(user, text)
        assert NOT_UNDERSTOOD in texts(calls), text
        assert "ak:no" in [data for _, data in buttons(calls)]
