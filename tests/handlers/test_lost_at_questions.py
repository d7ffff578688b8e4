"""Somali playtest, after the 🆘 note: Hodan (level 2), lost at a six-option question, sent "?"
and got "That's OK. The word is food chain" (a miss she never chose), "😢" got "Tap one of the
answers above" alone, and nothing offered her the teacher. Now "?", "😢" or a sticker at a
question with buttons (options, letter tiles, a quiz poll) grades nothing: the pointer to the
question comes with "🆘 I'm lost, please help me", the question stays open and her next tap
is graded as ever; "I don't understand" gets the word's meaning and 🆘 too. The teacher reads
that the note was tapped, not typed (and /thread lists it as the 🆘 ready-made note), and a
student's message sent mid-check comes with the question that was open."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    a_quiz_poll,
    a_tiles_question,
    buttons,
    join_and_confirm,
    restarted,
    sticker,
    texts,
    voice,
)

LOST = callbacks.data(callbacks.STUDENT_LOST)
SOS = "🆘 Waan wareeray, fadlan i caawi"
SIX = ("food chain", "food web", "habitat", "predator", "prey", "ecosystem")
TAP_ABOVE = "Taabo mid ka mid ah jawaabaha kore. 👆\nTap one of the answers above. 👆"


async def six_options(chat: Chat) -> tuple[dict[str, Any], int, str]:
    """Hodan (level 2, Somali), a school day after joining, at a question with six English
    options ("food chain" from its Somali definition: two words, so buttons, not tiles);
    her, the item's id and the word's English definition."""
    hodan = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)
    await chat.deliver()  # the teacher's note that she joined
    chat.clock.advance(days=1)
    word = next(r for r in pack_words(chat.db, "science.ecosystems")
                if r.word.term == "food chain")
    item = Item(word.id, ItemType.CHOICE, word.word.glosses["so"].definition or "", SIX,
                "food chain")
    [item_id] = check_items.save_items(chat.db, 1001, "so", [item], chat.clock())
    asked = await chat.send(hodan, "/check")
    assert [label for label, _ in buttons(asked)][:6] == list(SIX)
    return hodan, item_id, word.word.definition.rstrip(". ")


async def to_teacher(chat: Chat) -> list[str]:
    return [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]


def attempts(chat: Chat) -> int:
    return chat.db["attempts"].count


@pytest.mark.parametrize("text", ["?", "??", "😢"])
async def test_a_lost_question_mark_at_six_options_offers_help_and_leaves_the_question_open(
        chat: Chat, text: str) -> None:
    hodan, item_id, definition = await six_options(chat)
    offer = await chat.send(hodan, text)
    assert texts(offer).strip() == TAP_ABOVE  # no miss, no "the word is food chain"
    assert buttons(offer) == [(SOS, LOST)]
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    await chat.tap(hodan, LOST)
    [relay] = await to_teacher(chat)
    assert relay.startswith("🆘 <b>Hodan</b> tapped the ready-made note “I'm lost, please "
                            "help me” (Puente's words, not typed), in Somali:")
    assert "<blockquote>I'm lost. Please help me.</blockquote>" in relay  # in English
    assert ("📝 Sent during a check, while this question was open: Which word means: "
            f"<i>{definition}</i> (the answer: <b>food chain</b>)") in relay
    graded = await chat.tap(hodan, f"{callbacks.ANSWER}:{item_id}:0")  # then she taps it
    assert "food chain" in texts(graded)
    assert chat.db.execute("SELECT item_type, correct FROM attempts").fetchall() == [
        ("choice", 1)]


async def test_after_a_restart_the_question_comes_again_with_help_below_it(chat: Chat) -> None:
    """Which message shows her buttons is held in memory: after a restart the question is
    sent again, and the pointer with its 🆘 under it."""
    hodan, item_id, _ = await six_options(chat)
    again = await restarted(chat)
    try:
        calls = [c for c in await again.send(hodan, "?") if c.method == "sendMessage"]
        assert [c.text for c in calls][1:] == [TAP_ABOVE]
        assert f"{callbacks.ANSWER}:{item_id}:0" in [d for _, d in calls[0].buttons]
        assert calls[-1].buttons == [(SOS, LOST)]
        assert attempts(again) == 0
    finally:
        await again.app.shutdown()


async def test_i_dont_know_typed_at_six_options_is_still_a_kind_miss(chat: Chat) -> None:
    """"Ma garanayo" and a shrug say she does not know: the 🤷's miss, as before."""
    hodan, item_id, _ = await six_options(chat)
    reply = await chat.send(hodan, "🤷")
    assert "Waa caadi. Eraygu waa <b>food chain</b>" in texts(reply)
    assert (SOS, LOST) not in buttons(reply)
    assert check_items.get_item(chat.db, item_id).answered and attempts(chat) == 1


@pytest.mark.parametrize("text", ["ma fahmin", "I don't understand", "no entiendo"])
async def test_i_dont_understand_at_six_options_explains_and_offers_help(
        chat: Chat, text: str) -> None:
    hodan, item_id, _ = await six_options(chat)
    reply = await chat.send(hodan, text)
    assert "Waa caadi 🙂 Macnaha erayga, af Soomaali:" in texts(reply)
    assert buttons(reply) == [(SOS, LOST)]
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


async def test_a_sticker_at_six_options_points_to_the_question_with_help(chat: Chat) -> None:
    hodan, item_id, _ = await six_options(chat)
    question = chat.showing(hodan, f"{callbacks.ANSWER}:{item_id}:0")
    offer = await sticker(chat, hodan)
    [pointer] = [c for c in offer if c.method == "sendMessage"]
    assert pointer.text.startswith("👆")
    assert pointer.params["reply_parameters"]["message_id"] == question
    assert buttons(offer) == [(SOS, LOST)]
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered


async def test_a_question_mark_at_letter_tiles_offers_help_and_grades_nothing(
        chat: Chat) -> None:
    hodan = chat.user(1001, "Hodan", lang="so")
    stored = await a_tiles_question(chat, hodan, level=2, lang="so")
    before = attempts(chat)
    offer = await chat.send(hodan, "?")
    assert texts(offer).startswith("🔤 ")  # the tiles' own line: tap the letters
    assert buttons(offer) == [(SOS, LOST)]
    assert attempts(chat) == before and not check_items.get_item(chat.db, stored.id).answered


async def test_a_question_mark_at_a_quiz_poll_offers_help_and_the_vote_still_counts(
        chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=1)
    stored = await a_quiz_poll(chat, ana)
    before = attempts(chat)
    offer = await chat.send(ana, "?")
    assert buttons(offer) == [("🆘 Me perdí, ayúdame por favor", LOST)]
    [pointer] = [c for c in offer if c.method == "sendMessage"]
    assert pointer.params["reply_parameters"]["message_id"] == stored.poll_message
    assert attempts(chat) == before
    assert stored.poll_id is not None
    await chat.vote(ana, stored.poll_id, stored.item.options.index(stored.item.answer))
    assert attempts(chat) == before + 1
    assert check_items.get_item(chat.db, stored.id).answered


async def hodan_outside_a_check(chat: Chat) -> dict[str, Any]:
    hodan = chat.user(1001, "Hodan", lang="so")
    await join_and_confirm(chat, hodan, lang="so", level=2)
    await chat.deliver()  # the teacher's note that she joined
    return hodan


async def test_thread_lists_the_lost_note_as_the_ready_made_note_it_is(chat: Chat) -> None:
    hodan = await hodan_outside_a_check(chat)
    await chat.send(hodan, "?")
    await chat.tap(hodan, LOST)
    await chat.deliver()
    lines = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/thread Hodan")
                  ).split("\n")[1:]
    assert len(lines) == 1
    assert lines[0].endswith("· ✉️ the student, written in Somali · 📝 ready-made message: "
                             "🆘 I'm lost, please help me · ⏳ waiting for your answer")


async def test_a_teacher_reading_french_is_not_told_a_family_chose_the_note(
        chat: Chat) -> None:
    await in_french(chat)
    hodan = await hodan_outside_a_check(chat)
    await chat.send(hodan, "😢")
    await chat.tap(hodan, LOST)
    [relay] = await to_teacher(chat)
    assert relay.startswith("🆘 <b>Hodan</b> a touché le message tout prêt « Je ne comprends "
                            .replace(" « ", " «\u202f"))
    assert "Anglais (le même message tout prêt\u202f; écrit par des personnes" in relay
    assert "famille" not in relay


async def in_french(chat: Chat) -> None:
    """The teacher reads Puente in French (/language)."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/language")
    await chat.tap(teacher, "tg:fr")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "📝 Sent during a check, while this question was open: Which word means: "
           "<i>{definition}</i> (the answer: <b>food chain</b>)"),
    ("fr", "📝 Envoyé pendant un test, quand cette question était ouverte\u202f: Quel mot "
           "veut dire\u202f: <i>{definition}</i> (la réponse\u202f: <b>food chain</b>)"),
])
async def test_a_message_typed_mid_check_reaches_the_teacher_with_the_open_question(
        chat: Chat, lang: str, line: str) -> None:
    if lang == "fr":
        await in_french(chat)
    hodan, item_id, definition = await six_options(chat)
    offer = await chat.send(hodan, "what is food chain mean")
    await chat.tap(hodan, next(d for _, d in buttons(offer) if d == "ak:1001"))
    [relay] = await to_teacher(chat)
    assert "<blockquote>what is food chain mean</blockquote>" in relay
    assert line.format(definition=definition) in relay  # the English definition, not hers
    assert not check_items.get_item(chat.db, item_id).answered  # still hers to answer


async def test_a_message_after_the_check_or_hours_later_has_no_question_beside_it(
        chat: Chat) -> None:
    hodan, item_id, _ = await six_options(chat)
    chat.clock.advance(hours=4)  # the check left open this morning: not what she answers now
    await chat.send(hodan, "/ask macallin ma iman karaa berri")
    [relay] = await to_teacher(chat)
    assert "📝" not in relay
    await chat.tap(hodan, f"{callbacks.ANSWER}:{item_id}:0")  # the check is over
    await chat.send(hodan, "/ask mahadsanid macallin")
    [relay] = await to_teacher(chat)
    assert "📝" not in relay


async def test_a_voice_note_sent_mid_check_reaches_the_teacher_with_the_open_question(
        chat: Chat) -> None:
    hodan, item_id, definition = await six_options(chat)
    offer = await voice(chat, hodan)
    await chat.tap(hodan, next(d for _, d in buttons(offer) if d.startswith("ak:")))
    [copy] = [c for c in chat.api.calls if c.method == "copyMessage"]
    assert copy.chat_id == TEACHER_ID
    assert ("📝 Sent during a check, while this question was open: Which word means: "
            f"<i>{definition}</i> (the answer: <b>food chain</b>)") in copy.text
    assert not check_items.get_item(chat.db, item_id).answered
