"""Playtest, Math 8: Hao (Mandarin, WIDA 2) types pinyin without tones on a Latin keyboard,
and Ji-woo (Korean, WIDA 1) ends what he types with "ㅠㅠ". Hao's "bu dong" (不懂, I don't
understand) at a typed question was graded a miss and listed to his teacher as a typed answer;
Ji-woo's "몰라요ㅠㅠ" (I don't know) at a letter-tiles question got "tap the letters"; outside
a check "ㅠㅠ", "몰라요" or "不知道" alone were offered to an English-only teacher as messages."""

from __future__ import annotations

from typing import Any

import pytest

from bot.presentation import callbacks
from bot.store import check_items
from tests.clock import START
from tests.families import link, rivera
from tests.harness import (
    TEACHER_ID,
    Chat,
    a_tiles_question,
    ask_typed,
    buttons,
    enrol_student,
    join_and_confirm,
    open_item,
    texts,
)

LOST = callbacks.data(callbacks.STUDENT_LOST)


async def joined(chat: Chat, name: str, lang: str, level: int) -> dict[str, Any]:
    user = chat.user(name=name, lang=lang)
    await join_and_confirm(chat, user, lang=lang, level=level)
    await chat.deliver()  # the teacher's note that they joined
    return user


async def test_pinyin_i_dont_understand_at_a_typed_question_is_explained_not_graded(
        chat: Chat) -> None:
    hao = await joined(chat, "Hao", "zh", 2)
    ask_typed(chat, "science.ecosystems", "ecosystem", "zh")
    attempts = chat.db["attempts"].count
    reply = texts(await chat.send(hao, "bu dong"))
    assert reply.startswith("没关系 🙂")  # the question explained, in Chinese first
    assert chat.db["attempts"].count == attempts
    assert open_item(chat).item.answer == "ecosystem"  # the question still waits


@pytest.mark.parametrize(("lang", "typed"), [
    ("zh", "不知道"), ("zh", "bu zhi dao"), ("zh", "不知道啊"), ("ko", "모르겠어요")])
async def test_i_dont_know_typed_at_a_typed_question_is_the_kind_miss(
        chat: Chat, lang: str, typed: str) -> None:
    """Before, "不知道" or "모르겠어요" there was "write it in English": characters are no
    spelling of the word, so they were never read for "I don't know"."""
    student = await joined(chat, "Hao", lang, 2)
    item_id = ask_typed(chat, "science.ecosystems", "ecosystem", lang)
    await chat.send(student, "/check")  # the typed question, asked again
    reply = texts(await chat.send(student, typed))
    kind = {"zh": "没关系。这个词是 <b>ecosystem</b>", "ko": "괜찮아요. 단어: <b>ecosystem</b>"}
    assert kind[lang] in reply  # "That's OK. The word is ..."
    assert "💬" not in reply  # no offer to send it to the teacher
    assert check_items.get_item(chat.db, item_id).answered


async def test_i_dont_know_with_korean_crying_at_a_tiles_question_is_the_kind_miss(
        chat: Chat) -> None:
    jiwoo = chat.user(name="Jiwoo", lang="ko")
    stored = await a_tiles_question(chat, jiwoo, level=1, lang="ko")
    reply = texts(await chat.send(jiwoo, "몰라요ㅠㅠ"))
    assert f"괜찮아요. 단어: <b>{stored.item.answer}</b>" in reply  # "That's OK. The word is"
    assert "자판으로 직접 입력해도 돼요" not in reply  # not "tap the letters, or type it"
    assert check_items.get_item(chat.db, stored.id).answered


@pytest.mark.parametrize(("name", "lang", "text"), [
    ("Jiwoo", "ko", "ㅠㅠ"), ("Jiwoo", "ko", "몰라요"), ("Hao", "zh", "不知道"),
    ("Hao", "zh", "bu dong")])
async def test_crying_or_i_dont_know_alone_outside_a_check_offers_help_not_a_message(
        chat: Chat, name: str, lang: str, text: str) -> None:
    user = await joined(chat, name, lang, 1)
    offer = await chat.send(user, text)
    assert [data for _, data in buttons(offer)] == [LOST]
    await chat.tap(user, LOST)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert "I'm lost. Please help me." in relay.text  # the teacher reads it in English


async def test_korean_laughter_alone_is_no_message_for_the_teacher(chat: Chat) -> None:
    jiwoo = await joined(chat, "Jiwoo", "ko", 1)
    offer = await chat.send(jiwoo, "ㅋㅋ")
    assert buttons(offer) == []  # neither ✉️ to the teacher nor 🆘: a happy child
    assert texts(offer).startswith("/words 로 단어를 보거나 /check 로 연습하세요.")


@pytest.mark.parametrize(("name", "lang", "text", "yours"), [
    ("Jiwoo", "ko", "habitat가 뭐예요?", "📘 <b>habitat</b>: 내 단어 중 하나예요."),
    ("Hao", "zh", "habitat是什么意思？", "📘 <b>habitat</b> 是你的单词之一。")])
async def test_a_question_written_on_one_of_her_words_shows_its_card(
        chat: Chat, name: str, lang: str, text: str, yours: str) -> None:
    """Korean writes its particle on the word, Chinese has no spaces: both were chat."""
    student = await joined(chat, name, lang, 1)
    calls = await chat.send(student, text)
    assert texts(calls).startswith(yours)
    assert "💬" not in texts(calls).split("\n")[0]


async def test_a_grandmothers_is_he_doing_well_in_korean_shows_his_week_first(
        chat: Chat) -> None:
    """Korean playtest: "지우 잘 하고 있나요? 숙제 있어요?" got only "send it to the teacher?",
    and the teacher, with no Korean model, would read Korean."""
    enrol_student(chat.db, START, 1001, "Jiwoo", "ko")
    grandmother = chat.user(2001, "Halmoni", "ko")
    await link(chat, rivera(chat), "Jiwoo", grandmother)
    await chat.deliver()
    offer = await chat.send(grandmother, "지우 잘 하고 있나요? 숙제 있어요?")
    assert texts(offer).startswith("📈 Jiwoo 학생의 이번 주입니다")
    assert callbacks.data(callbacks.ASK, 1001) in [data for _, data in buttons(offer)]


async def test_a_chinese_question_around_english_words_at_a_typed_question_is_a_message(
        chat: Chat) -> None:
    """Hao asked his teacher "what is the difference between habitat and ecosystem?" in
    Chinese at a typed question: "That looks like Chinese. Please write the English word", and
    it spent his one such retry."""
    hao = await joined(chat, "Hao", "zh", 2)
    ask_typed(chat, "science.ecosystems", "habitat", "zh")
    await chat.send(hao, "/check")
    offer = await chat.send(hao, "老师，这个habitat和ecosystem有什么区别？")
    assert texts(offer).startswith("💬 谢谢你给我发消息！")  # "shall I send it to your teacher?"
    assert "请写出英语单词" not in texts(offer)  # not "please write the English word"
    assert not check_items.get_item(chat.db, open_item(chat).id).answered
    # its one "write it in English" is still there: its pinyin gets it, not a miss
    assert texts(await chat.send(hao, "qixidi")).startswith("“qixidi”是中文的说法 👍")


@pytest.mark.parametrize(("lang", "gloss"), [("zh", "栖息地"), ("ko", "서식지")])
async def test_the_words_own_gloss_typed_at_a_typed_question_is_asked_in_english(
        chat: Chat, lang: str, gloss: str) -> None:
    """Before, a gloss of several Chinese characters there was offered to the teacher as a
    message ("栖息地" for habitat): only one character counted as a go."""
    student = await joined(chat, "Hao", lang, 2)
    ask_typed(chat, "science.ecosystems", "habitat", lang)
    await chat.send(student, "/check")
    retry = await chat.send(student, gloss)
    said = {"zh": "“栖息地”是中文的说法 👍 现在请用英语写出来。",
            "ko": "“서식지”은(는) 한국어 단어예요 👍 이제 영어로 써 보세요."}
    assert texts(retry).startswith(said[lang])
    assert buttons(retry) == []  # no ✉️ to the teacher


async def test_a_chinese_name_typed_as_the_child_says_it_is_suggested_with_a_button(
        chat: Chat) -> None:
    """Ms. Park (English only) cannot type 浩 or 지우: "/student Hao" listed numbers to
    retype; now "Did you mean 浩 #2?" and one tap runs it."""
    enrol_student(chat.db, START, 1001, "지우", "ko")
    enrol_student(chat.db, START, 1002, "浩", "zh")
    enrol_student(chat.db, START, 1003, "李伟", "zh")
    said = await chat.send(rivera(chat), "/student Hao")
    assert texts(said) == "I can't find a student called Hao in your classes. Did you mean 浩 #2?"
    [(label, data)] = buttons(said)
    assert label == "✅ 浩 #2"
    assert "<b>浩</b> - Chinese, WIDA level" in texts(await chat.tap(rivera(chat), data))
    assert "Did you mean 李伟 #3?" in texts(await chat.send(rivera(chat), "/level Li Wei 2"))
    jiwoo = texts(await chat.send(rivera(chat), "/family Ji-woo"))  # 지우, as it is said
    assert jiwoo == "I can't find a student called Ji-woo in your classes. Did you mean 지우 #1?"
    unknown = texts(await chat.send(rivera(chat), "/student Omar"))  # nobody: the numbers
    assert "• 1 · 지우" in unknown and "Did you mean" not in unknown


async def test_korean_crying_at_a_typed_question_is_no_word_and_offers_help(chat: Chat) -> None:
    """"ㅠㅠ" is Korean chat's 😭: "I don't see a word" and 🆘, as for 😭, never "That looks
    like Korean, write the English word"."""
    jiwoo = await joined(chat, "Jiwoo", "ko", 2)
    ask_typed(chat, "science.ecosystems", "habitat", "ko")
    await chat.send(jiwoo, "/check")
    attempts = chat.db["attempts"].count
    offer = await chat.send(jiwoo, "ㅠㅠ")
    assert texts(offer).startswith("단어가 보이지 않아요. 영어 단어를 써 주세요.")
    assert [data for _, data in buttons(offer)] == [LOST]
    assert chat.db["attempts"].count == attempts
