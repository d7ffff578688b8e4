"""Typed answers that are not English, or no word at all, and answers typed at buttons: what
the student reads, and whether a miss is recorded (playtest 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.demo.offline import Call, Failure
from bot.presentation.i18n import language_name, reader_language
from bot.store import check_items
from tests.harness import (
    Chat,
    a_question_with_buttons,
    answer_current,
    ask_typed,
    check_now,
    join_and_confirm,
    texts,
    voices,
    with_speech,
)


def misses(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts WHERE correct = 0").fetchone()[0]


def said(chat: Chat, key: str, lang: str, **values: object) -> str:
    return chat.app.bot_data.services.catalog.bilingual(key, lang, **values)


@pytest.mark.parametrize(("lang", "named", "asked"), [
    ("ar", "Arabic", (("science.ecosystems", "habitat", "الموطن"),
            ("science.matter-and-forces", "evaporation", "التبخر"))),
    ("vi", "Vietnamese", (("science.ecosystems", "ecosystem", "một hệ sinh thái"),
            ("science.ecosystems", "prey", "những con mồi"))),
], ids=["arabic-article", "vietnamese-article-or-classifier"])
async def test_the_gloss_with_its_article_is_the_home_word_and_one_more_try_not_a_miss(
        chat: Chat, lang: str, named: str, asked: tuple[tuple[str, str, str], ...]) -> None:
    """Playtest 11: الموطن (gloss موطن) and التبخر (gloss تبخر) were misses on the first try.
    Playtest 12: một hệ sinh thái got the plain "That looks like Vietnamese"."""
    user = chat.user(1001, "Amira", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=4)
    for pack, term, typed in asked:
        item_id = ask_typed(chat, pack, term, lang)
        reply = texts(await chat.send(user, typed))
        # the word quoted, not the article before it (Haitian playtest: not the filler)
        word = typed.removeprefix("một ").removeprefix("những ")
        assert reply == said(chat, "typed-home-language", lang, typed=word,
                             language=language_name(lang))
        assert f"“{word}” is the {named} word 👍 Now write it in English" in reply
        assert "Not quite" not in reply
        assert misses(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
        assert "✅" in texts(await chat.send(user, term))


async def test_a_vietnamese_synonym_of_the_gloss_is_asked_again_in_english_not_a_miss(
        chat: Chat) -> None:
    """The playtest: mô tả for describe (gloss miêu tả) was "Not quite. The answer is ..."."""
    user = chat.user(1001, "Linh", lang="en")
    await join_and_confirm(chat, user, lang="vi", level=5)
    item_id = ask_typed(chat, "general.academic-verbs", "describe", "vi")
    reply = texts(await chat.send(user, "mô tả"))
    assert reply == chat.app.bot_data.services.catalog.bilingual(  # level 5: English first
        "typed-not-english", "vi", english_first=True, language=reader_language("vi"))
    assert reply.startswith("That looks like Vietnamese. Please write the English word. ✏️")
    assert "describe" not in reply  # one more try gives nothing away
    assert misses(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


def rights(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts WHERE correct = 1").fetchone()[0]


async def test_the_right_word_typed_beside_its_gloss_is_right(chat: Chat) -> None:
    """Playtest 12: habitat (موطن), the bot's own way of writing the answer, got "That looks
    like Tagalog", then a miss; ecosystem (hệ sinh thái) "That looks like Vietnamese"."""
    for user_id, name, lang, term, typed in (
            (1001, "Amira", "ar", "habitat", "habitat (موطن)"),
            (1002, "Linh", "vi", "ecosystem", "ecosystem (hệ sinh thái)")):
        user = chat.user(user_id, name, lang=lang)
        await join_and_confirm(chat, user, lang=lang, level=4)
        item_id = ask_typed(chat, "science.ecosystems", term, lang, user_id)
        reply = texts(await chat.send(user, typed))
        assert "✅" in reply and "looks like" not in reply and "Not quite" not in reply
        assert check_items.get_item(chat.db, item_id).answered
    assert (rights(chat), misses(chat)) == (2, 0)


@pytest.mark.parametrize(("lang", "term", "typed"), [
    ("vi", "ecosystem", "ecosystem hệ sinh thái"),
    ("vi", "ecosystem", "hệ sinh thái ecosystem"),
    ("vi", "predator", "predator động vật săn mồi"),
    ("es", "ecosystem", "ecosystem ecosistema"),
    ("so", "predator", "predator ugaarsade"),
], ids=["vietnamese-after", "vietnamese-before", "vietnamese-four-words", "spanish", "somali"])
async def test_the_right_word_typed_beside_its_gloss_with_no_separator_is_right(
        chat: Chat, lang: str, term: str, typed: str) -> None:
    """ecosystem hệ sinh thái got "That looks like Vietnamese. Please write the English word",
    then a miss, though ecosystem (hệ sinh thái) was right."""
    user = chat.user(1001, "Linh", lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=4)
    item_id = ask_typed(chat, "science.ecosystems", term, lang)
    reply = texts(await chat.send(user, typed))
    assert "✅" in reply and "looks like" not in reply and "Not quite" not in reply
    assert check_items.get_item(chat.db, item_id).answered
    assert (rights(chat), misses(chat)) == (1, 0)


@pytest.mark.parametrize("typed", [
    "habitat hệ sinh thái",            # another English word beside the gloss
    "ecosystem habitat hệ sinh thái",  # two English words beside it
    "ecosystem hệ sinh thái là gì",    # the right word beside more than the gloss
])
async def test_other_english_beside_a_gloss_with_no_separator_is_never_right(
        chat: Chat, typed: str) -> None:
    user = chat.user(1001, "Linh", lang="vi")
    await join_and_confirm(chat, user, lang="vi", level=4)
    item_id = ask_typed(chat, "science.ecosystems", "ecosystem", "vi")
    first = texts(await chat.send(user, typed))
    assert first.endswith("That looks like Vietnamese. Please write the English word. ✏️")
    assert "✅" not in first and "Not quite" in texts(await chat.send(user, typed))
    assert (rights(chat), misses(chat)) == (0, 1)
    assert check_items.get_item(chat.db, item_id).answered


async def test_several_english_words_beside_a_gloss_are_asked_again_then_a_miss(
        chat: Chat) -> None:
    user = chat.user(1001, "Amira", lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=4)
    item_id = ask_typed(chat, "science.ecosystems", "habitat", "ar")
    first = texts(await chat.send(user, "habitat predator prey (موطن)"))
    assert first.endswith("That looks like Arabic. Please write the English word. ✏️")
    assert "Tagalog" not in first and misses(chat) == 0
    second = texts(await chat.send(user, "habitat predator prey (موطن)"))
    assert "Not quite. The answer is <b>habitat</b>" in second
    assert (rights(chat), misses(chat)) == (0, 1)
    assert check_items.get_item(chat.db, item_id).answered


async def test_text_in_another_script_is_named_as_what_it_looks_like(chat: Chat) -> None:
    user = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, user, lang="so", level=4)
    ask_typed(chat, "science.ecosystems", "predator", "so")
    reply = texts(await chat.send(user, "البيت"))  # "the house", in Arabic
    assert reply.endswith("That looks like Arabic. Please write the English word. ✏️")
    assert misses(chat) == 0


async def test_a_script_no_rule_names_is_still_asked_again_in_english(chat: Chat) -> None:
    user = chat.user(1001, "Nino", lang="ru")
    await join_and_confirm(chat, user, lang="ru", level=4)
    ask_typed(chat, "science.ecosystems", "habitat", "ru")
    reply = texts(await chat.send(user, "გარემო"))  # Georgian
    assert reply == said(chat, "typed-not-english-unnamed", "ru")
    assert "That does not look like English. Please write the English word. ✏️" in reply
    assert misses(chat) == 0


async def test_write_it_in_english_comes_once_then_a_latin_answer_is_a_miss(chat: Chat) -> None:
    """One more try, not a way round the question: after it, an answer in letters English
    uses is graded. Text in a script the English word never uses is no spelling of it, and is
    never graded (playtest, Lin: "猫" was "Not quite. The answer is habitat"): she is asked
    for the English word again."""
    user = chat.user(1001, "Amira", lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=4)
    item_id = ask_typed(chat, "science.ecosystems", "habitat", "ar")
    first = texts(await chat.send(user, "البيت"))  # "the house"
    assert "Please write the English word" in first and "habitat" not in first
    assert misses(chat) == 0
    second = texts(await chat.send(user, "موطن"))  # the gloss, but she was asked for English
    assert "Now write it in English" in second and "Not quite" not in second
    assert misses(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    third = texts(await chat.send(user, "maison"))
    assert "Not quite. The answer is <b>habitat</b>" in third
    assert misses(chat) == 1 and check_items.get_item(chat.db, item_id).answered


async def test_after_one_more_try_a_wrong_english_answer_is_a_miss(chat: Chat) -> None:
    user = chat.user(1001, "Amira", lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=4)
    item_id = ask_typed(chat, "science.ecosystems", "habitat", "ar")
    assert "Now write it in English" in texts(await chat.send(user, "الموطن"))
    assert "Not quite" in texts(await chat.send(user, "house"))
    assert misses(chat) == 1 and check_items.get_item(chat.db, item_id).answered


async def test_digits_at_a_typed_question_ask_for_the_word_and_count_nothing(
        chat: Chat) -> None:
    user = chat.user(1001, "Linh", lang="en")
    await join_and_confirm(chat, user, lang="vi", level=5)
    item_id = ask_typed(chat, "general.academic-verbs", "explain", "vi")
    for typed in ("12345", "2", "1/2"):
        assert texts(await chat.send(user, typed)) == chat.app.bot_data.services.catalog.bilingual(
            "typed-empty", "vi", english_first=True), typed  # level 5: English first
    assert misses(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    # digits spent no "write it in English": Vietnamese still gets its one more try
    # ("nhé" is a particle: the gloss with it is her word, praised, and asked in English)
    assert "Now write it in English" in texts(await chat.send(user, "giải thích nhé"))


async def test_a_digit_at_a_button_question_points_to_the_buttons(chat: Chat) -> None:
    """The playtest: "3" was taken for the third button, which shows no number (and an
    Arabic reader sees the grid from the right)."""
    user = chat.user(1001, "Amira", lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=3)
    await check_now(chat, user)
    stored = await a_question_with_buttons(chat, user)
    attempts = chat.db["attempts"].count
    for typed in ("3", "1", "12345"):
        assert texts(await chat.send(user, typed)) == said(chat, "tap-an-answer", "ar"), typed
    assert chat.db["attempts"].count == attempts
    assert not check_items.get_item(chat.db, stored.id).answered


def live_buttons(chat: Chat, user_id: int) -> dict[int, set[int]]:
    """The answer buttons each message to the student shows now: message id -> item ids."""
    shown: dict[int, set[int]] = {}
    for call in chat.api.calls:
        message_id = call.params.get("message_id") or call.result_id
        if call.chat_id != user_id or message_id is None:
            continue
        message = chat.api.showing(user_id, int(message_id)) or {}
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        items = {int(b["callback_data"].split(":")[1]) for row in rows for b in row
                 if b.get("callback_data", "").startswith("an:")}
        if items:
            shown[int(message_id)] = items
    return shown


async def test_an_answer_typed_at_buttons_takes_them_off_the_question(chat: Chat) -> None:
    """The playtest: "describe" typed at a question left its four buttons live above the next
    one. Button questions answered by a tap and by typing their label in turn (a question
    sent new, and one edited into the tapped message): only the open question has buttons."""
    user = chat.user(1001, "Amira", lang="ar")
    typed = tapped = 0
    await join_and_confirm(chat, user, lang="ar", level=3)
    for _ in range(3):  # a check a day
        await check_now(chat, user)
        while (stored := check_items.next_open_item(chat.db, 1001)) is not None:
            if stored.poll_id or stored.item.typed:
                await answer_current(chat, user, right=True)
                continue
            assert set().union(*live_buttons(chat, 1001).values()) == {stored.id}
            if (typed + tapped) % 2:
                reply = texts(await answer_current(chat, user, right=True))
                tapped += 1
            else:
                reply = texts(await chat.send(user, stored.item.answer))
                typed += 1
            assert "✅" in reply
            following = check_items.next_open_item(chat.db, 1001)
            open_ids = {following.id} if following is not None and not following.poll_id \
                and not following.item.typed else set()
            assert set().union(*live_buttons(chat, 1001).values()) == open_ids
        chat.clock.advance(days=1)
    assert typed >= 3 and tapped >= 3


async def test_buttons_already_gone_do_not_stop_the_feedback(chat: Chat) -> None:
    user = chat.user(1001, "Amira", lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=3)
    await check_now(chat, user)
    stored = await a_question_with_buttons(chat, user)
    chat.api.fail_next(1001, Failure(400, "Bad Request: message to edit not found",
                                     method="editMessageReplyMarkup"))
    reply = texts(await chat.send(user, stored.item.answer))
    assert "✅" in reply
    assert check_items.get_item(chat.db, stored.id).answered


async def test_an_answer_typed_under_a_voice_note_takes_its_buttons_off(
        chat: Chat, tmp_path: Path) -> None:
    speaking = with_speech(chat, tmp_path / "clips")
    user = chat.user(1001, lang="es")
    await join_and_confirm(speaking, user, "es", 1)
    notes: list[Call] = []
    for _ in range(10):  # one check a day (its cards read), answered right, until a
        calls = await check_now(speaking, user)  # listening item comes
        while not (notes := voices(calls)) and check_items.next_open_item(chat.db, 1001):
            calls = await answer_current(speaking, user, right=True)
        if notes:
            break
        chat.clock.advance(days=1)
    (note,) = notes
    stored = check_items.next_open_item(chat.db, 1001)
    assert stored is not None and str(stored.item.item_type) == "listen"
    assert "✅" in texts(await speaking.send(user, stored.item.answer))
    assert "reply_markup" not in speaking.api.shown[(1001, note.result_id)]
