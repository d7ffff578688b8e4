"""Letter tiles: a newcomer spells the English word by tapping its letters; each tap edits the
same message, ✅ grades the spelling as a typed answer, and old or forged taps change nothing."""

from __future__ import annotations

import asyncio
import json
from zoneinfo import ZoneInfo

import pytest
from telegram import Update

from bot.domain import tiles
from bot.domain.overrule import Graded
from bot.services import answers
from bot.store import check_items
from tests.harness import (
    Chat,
    a_tiles_question,
    answer_current,
    check_now,
    edits,
    join_and_confirm,
    last_line,
    open_item,
    restarted,
    spell,
    tile_taps,
    toast,
    wrong_spelling,
)


async def test_a_newcomer_spells_the_word_with_one_edit_a_tap_and_is_graded_right(
        chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    shown = chat.latest(user, chat.showing(user, f"tl:{stored.id}:ok"))
    assert last_line(shown) == "🔤 _"
    assert "Toca sus letras y luego ✅." in shown.text  # how to answer, in her language
    assert not any(label in stored.item.options for label, _ in shown.buttons
                   if label != word)  # no option buttons: the word is spelled, not chosen
    for n, data in enumerate(tile_taps(chat, user, stored.id, word), start=1):
        calls = await chat.tap(user, data)
        (edit,) = edits(calls)  # one edit a tap, never a new message
        assert edit.method == "editMessageText"
        assert last_line(edit) == "🔤 " + " ".join([*word[:n], "_"])
    calls = await chat.tap(user, f"tl:{stored.id}:ok")
    assert len(edits(calls)) == 1 and "✅" in edits(calls)[0].text
    answered = check_items.get_item(chat.db, stored.id)
    assert answered is not None and answered.answered
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1


async def test_backspace_takes_the_last_letter_back(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    first, second, *_ = tile_taps(chat, user, stored.id, word)
    await chat.tap(user, first)
    await chat.tap(user, second)
    (edit,) = edits(await chat.tap(user, f"tl:{stored.id}:bk"))
    assert last_line(edit) == "🔤 " + " ".join([word[0], "_"])
    assert not check_items.get_item(chat.db, stored.id).answered  # type: ignore[union-attr]


async def test_a_wrong_spelling_is_graded_as_a_miss(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    calls = await spell(chat, user, stored.id, wrong_spelling(stored.item, stored.id))
    assert stored.item.answer in edits(calls)[0].text  # the feedback gives the word
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 0


async def test_a_spelling_slip_is_forgiven_as_when_typed(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    if len(word) < 5:  # a short word's slip is another word: nothing to forgive
        return
    slip = word[:-2] + word[-1] + word[-2]  # the last two letters swapped
    await spell(chat, user, stored.id, slip)
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1


async def test_a_forged_or_option_tap_on_a_tiles_question_grades_nothing(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    right = stored.item.options.index(stored.item.answer)
    for data in (f"an:{stored.id}:{right}",  # its options were never shown
                 f"tl:{stored.id}:0q", "tl:999999:ok", "tl:x:ok", f"tl:{stored.id}:g99:ab"):
        calls = await chat.tap(user, data)
        assert edits(calls) == [] and toast(calls)  # nothing changes, and she is told
    assert not open_item(chat, 1001).answered and open_item(chat, 1001).id == stored.id


async def test_an_old_tap_after_the_question_moved_on_changes_nothing(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    taps = tile_taps(chat, user, stored.id, stored.item.answer.lower())
    message = chat.showing(user, taps[0])
    await spell(chat, user, stored.id, stored.item.answer.lower())
    before = check_items.next_open_item(chat.db, 1001)
    for data in (taps[0], f"tl:{stored.id}:ok"):
        calls = await chat.tap_on(user, data, message)  # the message shows the next question
        assert edits(calls) == [] and toast(calls)
    assert check_items.next_open_item(chat.db, 1001) == before


async def test_ok_with_no_letter_asks_for_letters_and_grades_nothing(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    calls = await chat.tap(user, f"tl:{stored.id}:ok")
    assert edits(calls) == [] and "letras" in toast(calls)
    assert not open_item(chat, 1001).answered


async def test_after_a_restart_the_next_tap_goes_on_from_the_screen(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    taps = tile_taps(chat, user, stored.id, word)
    await chat.tap(user, taps[0])
    chat = await restarted(chat)  # nothing in memory: the message shows where she was
    try:
        (edit,) = edits(await chat.tap(user, taps[1]))
        assert last_line(edit).startswith(f"🔤 {word[0]} {word[1]}")
        for data in taps[2:]:
            await chat.tap(user, data)
        await chat.tap(user, f"tl:{stored.id}:ok")
        assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                               ).fetchone()[0] == 1
    finally:
        await chat.app.shutdown()


async def a_typed_question(chat: Chat, user: dict, level: int) -> check_items.StoredItem:
    """Answer right, a check a day, until the open question is typed (a word tiles spell)."""
    await join_and_confirm(chat, user, level=level)
    await check_now(chat, user)
    for _ in range(60):
        stored = check_items.next_open_item(chat.db, 1001)
        if stored is None:
            chat.clock.advance(days=1)
            await check_now(chat, user)
        elif stored.item.typed and tiles.tileable(stored.item.answer):
            break
        else:
            await answer_current(chat, user, right=True)
    else:
        raise AssertionError("no typed question")
    return stored


async def test_a_typed_question_offers_tiles_instead_of_typing_at_levels_one_and_two(
        chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_typed_question(chat, user, level=2)
    show = next(d for c in chat.api.calls for _, d in c.buttons
                if d.startswith(f"tl:{stored.id}:g"))
    (edit,) = edits(await chat.tap(user, show))
    assert last_line(edit) == "🔤 _"
    assert any(d == f"tl:{stored.id}:ok" for _, d in edit.buttons)
    await spell(chat, user, stored.id, stored.item.answer.lower())
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1


async def test_a_burst_of_fast_taps_makes_fewer_edits_and_loses_no_letter(chat: Chat) -> None:
    """Taps that arrive together (a child hammering the tiles) run in order; each one that
    finds more of hers waiting skips its edit, so the last edit shows them all and Telegram
    sees fewer edits than taps (no 429 storm)."""
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    taps = tile_taps(chat, user, stored.id, word)
    message_id = chat.showing(user, taps[0])
    message = chat.api.showing(user["id"], message_id)  # all sent from the same screen
    updates = [Update.de_json(chat.factory.tap(user, data, message_id, message), chat.app.bot)
               for data in taps]
    chat.api.latency = 0.02  # each Bot API call takes a while: the taps queue up
    before = len(chat.api.calls)
    app = chat.app
    await asyncio.gather(*(app.update_processor.process_update(u, app.process_update(u))
                           for u in updates))
    calls = chat.api.calls[before:]
    shown = [c for c in calls if c.method == "editMessageText"]
    assert 1 <= len(shown) < len(taps)
    assert sum(c.method == "answerCallbackQuery" for c in calls) == len(taps)  # every spinner
    assert last_line(shown[-1]) == "🔤 " + " ".join([*word, "_"])
    await chat.tap(user, f"tl:{stored.id}:ok")
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1


async def test_a_child_spelling_fast_with_slips_is_never_told_to_slow_down(chat: Chat) -> None:
    """Each letter and ⌫ is a keystroke: 40 of them in 13 s (a long word, slips taken back)
    are not a flood, and the ✅ after them is graded. The flood guard (30 updates in 20 s)
    once stopped her mid-word with no word of why."""
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    word = stored.item.answer.lower()
    taps = tile_taps(chat, user, stored.id, word)
    for _ in range(15):  # a slip and its ⌫, fifteen times, then the word
        await chat.tap(user, taps[0])
        chat.clock.advance(seconds=0.3)
        await chat.tap(user, f"tl:{stored.id}:bk")
    for data in taps:
        chat.clock.advance(seconds=0.3)
        await chat.tap(user, data)
    calls = await chat.tap(user, f"tl:{stored.id}:ok")
    assert not any("slow" in c.text.lower() for c in edits(calls))
    answered = check_items.get_item(chat.db, stored.id)
    assert answered is not None and answered.answered
    assert chat.db.execute("SELECT correct FROM attempts ORDER BY id DESC LIMIT 1"
                           ).fetchone()[0] == 1


async def test_from_level_three_a_typed_question_has_no_tiles(chat: Chat) -> None:
    """A student who can type types: tiles would make her recall an anagram of the letters
    in front of her (a grade-10 playtester mastered a word that way)."""
    user = chat.user(1001, lang="es")
    stored = await a_typed_question(chat, user, level=5)
    assert not any(d.startswith(f"tl:{stored.id}:") for c in chat.api.calls
                   for _, d in c.buttons)
    with pytest.raises(answers.StaleItemError):  # a forged ✅ under forged tiles: refused
        answers.answer_tiles(chat.db, 1001, stored.id, stored.item.answer.lower(),
                             chat.clock(), ZoneInfo("UTC"))
    assert not check_items.get_item(chat.db, stored.id).answered  # type: ignore[union-attr]


async def test_the_tiles_also_spell_other_words_she_read_and_spelling_one_is_a_miss(
        chat: Chat) -> None:
    """The speller: she knows how the words on her cards are spelled and none of their
    meanings. The tiles and a blank a letter named the one word of hers that fit; now the
    tiles spell other words of hers too (decoys, stored with the question), the line shows
    no length, and spelling a decoy is a miss, counted as a choice among them."""
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    assert stored.item.decoys  # kept with the question: the deal is made again at ✅
    read = {w.lower() for (w,) in chat.db.execute(  # the words whose cards she was shown
        "SELECT w.term FROM words w JOIN mastery m ON m.word_id = w.id "
        "WHERE m.student_id = ? AND m.shown_at IS NOT NULL", [1001]).fetchall()}
    assert set(stored.item.decoys) <= read
    decoy = stored.item.decoys[0]
    shown = chat.latest(user, chat.showing(user, f"tl:{stored.id}:ok"))
    assert last_line(shown) == "🔤 _"  # nothing counts the word's letters
    await spell(chat, user, stored.id, decoy)
    correct, grading = chat.db.execute("SELECT correct, grading FROM attempts ORDER BY id DESC "
                                       "LIMIT 1").fetchone()
    assert correct == 0 and grading & 128  # a miss, spelled with tiles
    # another word of the deal: the wrong word chosen, which ends a deciding review's run
    # (a misspelling leaves it standing), kept for a teacher's count to fold again as it was
    assert Graded.from_bits(grading).other_word


async def test_a_misspelling_on_tiles_is_not_another_word(chat: Chat) -> None:
    user = chat.user(1001, lang="es")
    stored = await a_tiles_question(chat, user)
    await spell(chat, user, stored.id, wrong_spelling(stored.item, stored.id))
    correct, grading = chat.db.execute("SELECT correct, grading FROM attempts ORDER BY id DESC "
                                       "LIMIT 1").fetchone()
    assert correct == 0 and grading & 128 and not Graded.from_bits(grading).other_word


async def test_no_tiles_question_counts_a_word_asked_before_it_in_its_check(
        chat: Chat) -> None:
    """Decoys are drawn while a check is built and the check is reordered after (its quiz
    poll first): a word she has just answered is one she can rule out, so no question keeps
    it as a decoy (playtest: the poll's word was the decoy of 6 of 11 tile questions)."""
    for n, lang in enumerate(("so", "hmn", "es", "ht", "vi", "zh")):
        user = chat.user(1001 + n, lang=lang)
        await join_and_confirm(chat, user, lang=lang, level=1 + n % 2)
        for _ in range(3):
            await check_now(chat, user)
            while check_items.next_open_item(chat.db, user["id"]) is not None:
                await answer_current(chat, user, right=True)
            chat.clock.advance(days=1)
    rows = chat.db.execute("SELECT check_id, answer, decoys FROM check_items WHERE practice = 0 "
                           "ORDER BY check_id, id").fetchall()
    asked: dict[int, set[str]] = {}
    with_decoys = 0
    for check_id, answer, decoys in rows:
        before = asked.setdefault(check_id, set())
        if decoys:
            with_decoys += 1
            assert not before & set(json.loads(decoys)), (answer, decoys, before)
        before.add(answer.lower())
    assert with_decoys >= 5
