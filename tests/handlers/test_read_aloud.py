"""/readaloud through the real Application: Nkauj (8, White Hmong, WIDA 1) reads neither Hmong
nor English yet. Her teacher turns her checks oral: her level 1-2 choice, reverse and
listening questions number their buttons (the data as before, so grading is unchanged) and
her 🔊🔊🔊 reads the options aloud in English, in button order, after the meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.demo.offline import Call
from bot.domain import read_aloud
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks
from bot.services import listen
from bot.speech import Part
from bot.store import check_items, members, people, recordings
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    answer_current,
    answer_until,
    check_now,
    enrol_student,
    join_and_confirm,
    restarted,
    shows_tiles,
    texts,
    two_classes,
    voices,
    with_speech,
)

NKAUJ, PAJ = 1004, 1005
ORAL_KINDS = (ItemType.CHOICE, ItemType.REVERSE, ItemType.LISTEN)


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def oral(stored: check_items.StoredItem) -> bool:
    """A question her oral checks change: options that are English words, not a quiz poll."""
    item = stored.item
    return item.item_type in ORAL_KINDS and not item.asks_meaning and not item.typed \
        and not stored.poll_id


def answer_buttons(chat: Chat, user: dict, item_id: int) -> list[tuple[str, str]]:
    """The answer buttons (label, data) on screen under the open question."""
    first = callbacks.data(callbacks.ANSWER, item_id, 0)
    return [(label, data) for label, data in chat.latest(user, chat.showing(user, first)).buttons
            if data.startswith(f"{callbacks.ANSWER}:{item_id}:")]


def first_row(chat: Chat, user: dict, item_id: int) -> str:
    """The label of the first button under the open question."""
    first = callbacks.data(callbacks.ANSWER, item_id, 0)
    return chat.latest(user, chat.showing(user, first)).buttons[0][0]


@pytest.fixture
async def nkauj(chat: Chat) -> dict:
    """Nkauj, Hmong, level 1, in Ms. Rivera's Science 7B, with oral checks on."""
    user = chat.user(NKAUJ, "Nkauj", "hmn")
    await join_and_confirm(chat, user, lang="hmn", level=1)
    await chat.send(rivera(chat), "/readaloud Nkauj")
    return user


async def test_readaloud_turns_over_and_off_turns_off_for_the_teachers_own_student(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), NKAUJ, "Nkauj", "hmn", 1)
    on = texts(await chat.send(rivera(chat), "/readaloud Nkauj"))
    assert on == ("🗣️ Oral checks on for <b>Nkauj</b>. At levels 1-2 the answer buttons are "
                  "numbered (1 · ecosystem), and 🔊🔊🔊, the first button, reads them aloud in "
                  "English; it comes by itself with the first question of /check. /readaloud "
                  "Nkauj off turns it off.")
    assert people.get_student(chat.db, NKAUJ).reads_aloud
    off = texts(await chat.send(rivera(chat), "/readaloud Nkauj"))  # a toggle
    assert off == ("Oral checks off for <b>Nkauj</b>: the questions look as they do for "
                   "everyone. /readaloud Nkauj turns them on again.")
    assert not people.get_student(chat.db, NKAUJ).reads_aloud
    await chat.send(rivera(chat), "/readaloud Nkauj off")  # off stays off
    assert not people.get_student(chat.db, NKAUJ).reads_aloud
    await chat.send(rivera(chat), "/readaloud nkauj on")
    assert people.get_student(chat.db, NKAUJ).reads_aloud


async def test_a_student_above_level_two_is_switched_with_a_note_that_it_waits(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), NKAUJ, "Nkauj", "hmn", 3)
    said = texts(await chat.send(rivera(chat), "/readaloud Nkauj"))
    assert said.endswith("\nℹ️ Nkauj is at level 3: oral checks act at levels 1-2 only, so "
                         "nothing changes until then.")


async def test_readaloud_refuses_an_unknown_name_another_teachers_student_and_a_student(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), NKAUJ, "Nkauj", "hmn", 1)
    assert texts(await chat.send(rivera(chat), "/readaloud Zed")) == (
        "I can't find a student called Zed in your classes.")
    assert texts(await chat.send(rivera(chat), "/readaloud")) == (
        "Send the student's name like this: /readaloud NAME")
    two_classes(chat.db, chat.clock())  # Mr. Okafor's Math 6: Nkauj is not in it
    okafor = chat.user(MATH_TEACHER_ID, "Okafor", "en")
    assert texts(await chat.send(okafor, "/readaloud Nkauj")) == (
        "I can't find a student called Nkauj in your classes.")
    nkauj = chat.user(NKAUJ, "Nkauj", "hmn")
    assert texts(await chat.send(nkauj, "/readaloud Nkauj")).startswith(
        "Lo lus txib ntawd yog rau koj tus xib fwb, nws tsis ua dab tsi rau koj.")
    assert not people.get_student(chat.db, NKAUJ).reads_aloud


async def test_a_co_teacher_may_switch_it(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), NKAUJ, "Nkauj", "hmn", 1)
    people.upsert_teacher(chat.db, MATH_TEACHER_ID, "Mr. Okafor", chat.clock())
    members.add_co_teacher(chat.db, 1, MATH_TEACHER_ID, chat.clock())
    await chat.send(chat.user(MATH_TEACHER_ID, "Okafor", "en"), "/readaloud Nkauj")
    assert people.get_student(chat.db, NKAUJ).reads_aloud


async def test_her_options_are_numbered_the_data_unchanged_and_no_letter_tiles(
        chat: Chat, nkauj: dict) -> None:
    await check_now(chat, nkauj)
    seen = 0
    for _ in range(12):  # every oral question of her checks, tiles never among them
        stored = await answer_until(chat, nkauj, oral)
        assert answer_buttons(chat, nkauj, stored.id) == [
            (f"{n} · {option}", callbacks.data(callbacks.ANSWER, stored.id, n - 1))
            for n, option in enumerate(stored.item.options, start=1)]
        seen += stored.item.item_type is ItemType.REVERSE
        await answer_current(chat, nkauj, right=True)
    assert seen > 0  # a reverse question, which she would have spelled with tiles


async def test_a_student_without_it_sees_todays_question(chat: Chat, nkauj: dict) -> None:
    paj = chat.user(PAJ, "Paj", "hmn")
    await join_and_confirm(chat, paj, lang="hmn", level=1)
    await check_now(chat, paj)
    stored = await answer_until(chat, paj, lambda s: oral(s) and not shows_tiles(chat, paj, s.id),
                                tries=120)
    assert [label for label, _ in answer_buttons(chat, paj, stored.id)] == \
        [o[:60] for o in stored.item.options]
    assert all(label != "🔊🔊🔊" for c in chat.api.calls if c.chat_id == PAJ
               for label, _ in c.buttons)


def written(stored: check_items.StoredItem) -> bool:
    """A question only a reader answers: a quiz poll, a gap sentence, or options in her
    language's script (a false friend's meaning)."""
    return stored.poll_id is not None or stored.item.item_type in (
        ItemType.POLL, ItemType.CLOZE) or stored.item.asks_meaning


async def test_her_checks_never_ask_her_to_read_a_quiz_poll(chat: Chat, nkauj: dict) -> None:
    """Telegram shows a quiz poll's English options and reads none of them: her classmate
    Paj meets one within a few checks, Nkauj, in as many, none."""
    paj = chat.user(PAJ, "Paj", "hmn")
    await join_and_confirm(chat, paj, lang="hmn", level=1)
    await check_now(chat, paj)
    await answer_until(chat, paj, written, tries=120)
    asked = []
    await check_now(chat, nkauj)
    for _ in range(120):
        stored = check_items.next_open_item(chat.db, NKAUJ)
        if stored is None:
            chat.clock.advance(days=1)
            await check_now(chat, nkauj)
            continue
        asked.append(stored)
        await answer_current(chat, nkauj, right=True)
    assert len(asked) > 40 and not [s for s in asked if written(s)]


@pytest.fixture
def speaking(chat: Chat, tmp_path: Path) -> Chat:
    return with_speech(chat, tmp_path / "clips")


def options_note(calls: list[Call]) -> Call:
    """The one voice note reading the options, among these calls."""
    (found,) = [c for c in voices(calls) if c.text.startswith("🔢 ")]
    return found


async def test_her_sound_button_is_first_and_reads_every_option_in_button_order(
        speaking: Chat, nkauj: dict) -> None:
    chat = speaking
    await check_now(chat, nkauj)
    stored = await answer_until(chat, nkauj, lambda s: oral(s) and s.item.item_type
                                is not ItemType.LISTEN)
    assert first_row(chat, nkauj, stored.id) == "🔊🔊🔊"
    calls = await chat.tap(nkauj, callbacks.data(callbacks.QUESTION_AUDIO, stored.id))
    note = options_note(calls)
    assert voices(calls)[-1] is note  # after the meaning, when there is one
    options = stored.item.options
    assert note.text == "🔢 Cov lus teb, raws li kab: " + "   ".join(
        f"{n} · {o}" for n, o in enumerate(options, start=1))
    speech = chat.app.bot_data.services.speech
    said = " ".join(f"{w}: {o}." for w, o in zip(read_aloud.SPOKEN_NUMBERS, options,
                                                  strict=False))
    parts = (Part(said, speech.english),)  # one English voice, one pace: no option stands out
    assert listen.options_note(speech, options).parts == parts
    assert speech.cache.get(speech.key(parts)) is not None  # the clip sent, cached


async def test_a_listening_items_options_note_names_the_answer_as_it_names_the_others(
        speaking: Chat, nkauj: dict) -> None:
    chat = speaking
    await check_now(chat, nkauj)
    stored = await answer_until(chat, nkauj,
                                lambda s: s.item.item_type is ItemType.LISTEN, tries=80)
    calls = await chat.tap(nkauj, callbacks.data(callbacks.QUESTION_AUDIO, stored.id))
    assert voices(calls) == [options_note(calls)]  # its own note above says the word
    said = read_aloud.spoken_options(stored.item.options)
    index = stored.item.options.index(stored.item.answer)
    assert f"{read_aloud.SPOKEN_NUMBERS[index]}: {stored.item.answer}." in said
    assert said.count(".") == len(stored.item.options)  # each option once, said alike


async def test_check_sends_her_first_questions_sound_with_it_and_a_graded_tap_never(
        speaking: Chat, nkauj: dict) -> None:
    chat = speaking
    await check_now(chat, nkauj)
    stored = await answer_until(chat, nkauj, lambda s: oral(s) and s.item.item_type
                                is not ItemType.LISTEN)
    again = await restarted(chat)  # /check sends the open question again after a restart
    calls = await again.send(nkauj, "/check")
    asked = next(i for i, c in enumerate(calls) if any(
        d == callbacks.data(callbacks.ANSWER, stored.id, 0) for _, d in c.buttons))
    assert options_note(calls[asked:])  # the question, then its sound, unasked
    for _ in range(8):  # a graded tap: its one message, no sound (test_answer_cost)
        stored = check_items.next_open_item(again.db, NKAUJ)
        if stored is None:
            break
        calls = await answer_current(again, nkauj, right=True)
        after = check_items.next_open_item(again.db, NKAUJ)
        heard = after is not None and after.item.item_type is ItemType.LISTEN
        assert len(voices(calls)) == int(heard)  # a listening item is its own voice note
        if after is not None and after.asked_at == stored.asked_at:  # the check goes on
            sent = [c for c in calls if c.method.startswith(("send", "edit"))]
            assert len(sent) == 1 + int(heard)


async def test_a_recording_plays_and_with_no_speech_the_options_are_excused_kindly(
        chat: Chat, nkauj: dict) -> None:
    await check_now(chat, nkauj)
    stored = await answer_until(chat, nkauj, lambda s: oral(s) and s.item.item_type
                                is ItemType.CHOICE)
    chat.api.uploads["nkauj-line"] = b"OggS"
    recordings.save_recording(chat.db, stored.item.word_id, "hmn", stored.item.prompt,
                              "nkauj-line", 5, TEACHER_ID, chat.clock())
    calls = await chat.tap(nkauj, callbacks.data(callbacks.QUESTION_AUDIO, stored.id))
    assert [c.params["voice"] for c in voices(calls)] == ["nkauj-line"]
    assert calls[-1].text == (
        "🔇 Ntawm no nyeem tsis tau cov lus teb nrov nrov: lub Puente ntawm lub tsev kawm ntawv "
        "no tsis muaj suab. Nug koj tus xib fwb los sis ib tug neeg hauv tsev kom nyeem nrog "
        "koj.")


async def test_student_and_report_mark_her_evidence_as_oral(chat: Chat, nkauj: dict) -> None:
    await join_and_confirm(chat, chat.user(PAJ, "Paj", "hmn"), lang="hmn", level=1)
    student = texts(await chat.send(rivera(chat), "/student Nkauj"))
    assert "\n🗣️ Oral checks: the answers are heard and tapped by number, not read " \
        "(/readaloud).\n" in student
    assert "🗣️ Oral checks" not in texts(await chat.send(rivera(chat), "/student Paj"))
    report = texts(await chat.send(rivera(chat), "/report"))
    assert "\n🗣️ Oral checks (answers heard, not read): Nkauj\n" in report


async def test_a_name_with_markup_and_right_to_left_letters_is_echoed_as_text(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), NKAUJ, "<b>&نور", "ar", 1)
    said = texts(await chat.send(rivera(chat), "/readaloud <b>&نور"))
    assert said.startswith("🗣️ Oral checks on for <b>&lt;b&gt;&amp;نور</b>.")
    assert people.get_student(chat.db, NKAUJ).reads_aloud
