"""Levels 5-6 read English first in every line that comes in two languages, levels 1-4 their
home language first (README): a level-5 Arabic student read "✅ All done for now" under its
Arabic line after a check, and the chat offer, /remind, /language and /deleteme the same way,
while her cards, feedback and reminders were English first."""

from __future__ import annotations

import re

import pytest

from bot.demo.offline import Call
from bot.presentation import callbacks, keyboards, views
from bot.presentation.i18n import Catalog
from bot.store import check_items, people
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    answer_current,
    check_now,
    join_and_confirm,
    page_through,
)

WIDA_NAMES = ("Entering", "Emerging", "Developing", "Expanding", "Bridging", "Reaching")

STRONG = re.compile(r"[\u200f\u0600-\u06ffA-Za-z]")  # an Arabic letter, its RLM, or Latin
TAG = re.compile(r"<[^>]+>")


def line_language(line: str) -> str | None:
    """"ar" or "en" by a line's first strong letter, as Telegram reads its direction (Puente
    starts each Arabic line with a right-to-left mark; an English line may quote an Arabic
    word in brackets): None for a line of emoji or numbers."""
    found = STRONG.search(TAG.sub("", line))
    return None if found is None else "en" if found.group().isascii() else "ar"


def reading_order(text: str) -> str | None:
    """"en" or "ar": which language's line comes first in a message with lines in both; None
    for a message in one language."""
    languages = [lang for line in text.split("\n") if (lang := line_language(line))]
    return languages[0] if len(set(languages)) == 2 else None


async def walk(chat: Chat, level: int) -> list[str]:
    """Every message text she reads on the walk (`walk_calls`)."""
    return [_shown(c) for c in await walk_calls(chat, level) if _shown(c)]


async def walk_calls(chat: Chat, level: int) -> list[Call]:
    """Maha (Arabic, `level` set by her teacher) confirms her language, reads her cards, takes
    her checks to "All done for now", writes a hello, sets a reminder, opens /language and
    /deleteme: every message she reads from her confirmed language on."""
    maha = chat.user(1001, "Maha", lang="ar")
    await chat.send(maha, "/start JOINcode_123")
    people.set_level(chat.db, 1001, None, level, "teacher")
    start = len(chat.api.calls)
    await chat.tap(maha, callbacks.data(callbacks.LANGUAGE, "ar"))
    await page_through(chat, maha, await chat.send(maha, "/words"))
    for turn in range(3):  # the check, then what its misses left, then nothing: all done
        await check_now(chat, maha)
        while check_items.next_open_item(chat.db, 1001) is not None:
            await answer_current(chat, maha, right=turn > 0)
    for text in ("/check", "hello there", "/remind 16:00", "/remind off", "/language",
                 "/help", "/start", "/level", "/deleteme"):
        await chat.send(maha, text)
    return [c for c in chat.api.calls[start:] if c.chat_id == 1001]


def _shown(call: Call) -> str:
    return call.text or str(call.params.get("caption") or "")


@pytest.mark.parametrize(("level", "first"), [(5, "en"), (6, "en"), (2, "ar"), (1, "ar")])
async def test_every_two_language_message_follows_the_level_order(
        chat: Chat, level: int, first: str) -> None:
    shown = await walk(chat, level)
    orders = {text: reading_order(text) for text in shown}
    assert sum(order is not None for order in orders.values()) >= 12
    assert [text for text, order in orders.items() if order not in (None, first)] == []
    done = [text for text in shown if "All done for now" in text]
    assert done and all(reading_order(text) == first for text in done)


@pytest.mark.parametrize(("level", "first"), [(5, "en"), (6, "en"), (2, "ar"), (1, "ar")])
async def test_every_two_language_button_follows_the_level_order(
        chat: Chat, level: int, first: str) -> None:
    """Amira (level 5) read the send-to-teacher offer's and /deleteme's buttons in Arabic
    alone, under 🤷 and "✅ Check me · اختبرني" in English first (playtest)."""
    labels = [label for call in await walk_calls(chat, level) for label, _ in call.buttons]
    both = [label for label in labels if reading_order(label)]
    assert [label for label in both if reading_order(label) != first] == []
    for english in ("✉️ Send this to the teacher", "Don't send", "Delete my data", "Keep it"):
        arabic = {"✉️ Send this to the teacher": "إرسال إلى", "Don't send": "لا، شكرًا",
                  "Delete my data": "احذف بياناتي", "Keep it": "احتفظ بها"}[english]
        shown = [label for label in labels if arabic in label]
        assert shown, (english, labels)
        # Levels 1-4: her language alone, as "✅ اختبرني" is; 5-6: English, then hers
        assert all((english in label) == (first == "en") for label in shown), shown
        if first == "en":
            assert all(label.startswith(english) for label in shown), shown


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar",
                                  "ko", "ru", "tl"])
def test_the_level_note_names_the_wida_level_in_english_and_her_language(
        catalog: Catalog, lang: str) -> None:
    for level, name in enumerate(WIDA_NAMES, 1):
        note = catalog.render("student-level-by-teacher", lang, level=level,
                              name=views.level_name(level))
        assert name in note, (lang, note)  # what her teacher and report cards call it
        if lang != "en":  # and in her own words beside it
            own = catalog.render(f"level-name-{level}", lang)
            assert own != name and own in note
    if lang == "fr":
        assert "niveau\u202f:" in catalog.render("student-level-by-teacher", lang, level=1,
                                                 name=views.level_name(1))


async def test_a_level_set_to_five_is_told_english_first_with_its_name(chat: Chat) -> None:
    maha = chat.user(1001, "Maha", lang="ar")
    await chat.send(maha, "/start JOINcode_123")
    await chat.tap(maha, callbacks.data(callbacks.LANGUAGE, "ar"))
    await chat.deliver()
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/level Maha 5")
    told = [c.text for c in await chat.deliver() if c.chat_id == 1001]
    assert told == ["🎚️ Your teacher set your level: 5 (of 6), Bridging. Your cards will fit it."
                    "\n\u200f🎚️ حدّد معلّمك أو معلّمتك مستواك: \u20685\u2069 (من 6)، "
                    "\u2068\u200fالانتقال (Bridging)\u2069. ستناسبه بطاقاتك."], told


@pytest.mark.parametrize(("level", "english_above"), [(5, True), (2, False)])
async def test_a_teachers_answer_tells_how_to_write_back_in_the_level_order(
        chat: Chat, level: int, english_above: bool) -> None:
    maha = chat.user(1001, "Maha", lang="ar")
    await join_and_confirm(chat, maha, lang="ar", level=level)
    await chat.send(maha, "/ask Can I have one more day for the homework, please?")
    relay = next(c for c in await chat.deliver()
                 if c.chat_id == TEACHER_ID and "one more day" in (c.text or ""))
    assert relay.result_id is not None
    await answer_as_written(chat, chat.user(TEACHER_ID, "Rivera", "en"), "Yes, Friday.",
                            relay.result_id)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == 1001]
    lines = answer.split("\n")
    english = lines.index("To write back, send /ask and your message.")
    arabic = next(i for i, line in enumerate(lines) if "/ask" in line and i != english)
    assert (english < arabic) == english_above, answer


@pytest.mark.parametrize(("level", "first"), [(5, "en"), (2, "ar")])
async def test_a_ready_made_answer_comes_in_the_level_order(
        chat: Chat, level: int, first: str) -> None:
    """A level-5 student read the teacher's ready-made "Good question!" Arabic first, under
    an Arabic-only heading (playtest); at level 2 Arabic stays first."""
    maha = chat.user(1001, "Maha", lang="ar")
    await join_and_confirm(chat, maha, lang="ar", level=level)
    await chat.send(maha, "/ask What does habitat mean?")
    relay = next(c for c in await chat.deliver()
                 if c.chat_id == TEACHER_ID and "habitat" in (c.text or ""))
    assert relay.result_id is not None
    await chat.tap_on(chat.user(TEACHER_ID, "Rivera", "en"),
                      callbacks.data(callbacks.READY_REPLY, "tomorrow"), relay.result_id)
    [answer] = [c.text for c in await chat.deliver() if c.chat_id == 1001]
    assert "Good question! We will look at it together tomorrow." in answer, answer
    assert reading_order(answer) == first, answer
    lines = answer.split("\n")
    assert line_language(lines[0]) == first, answer  # the heading too


@pytest.mark.parametrize("lang", ["fr", "pt"])
def test_a_level_five_button_too_long_for_both_languages_shows_her_english_whole(
        catalog: Catalog, lang: str) -> None:
    """"✉️ Send this to the teacher · Envoyer au professeur ou à la pro…" was cut mid-word:
    a label too long for both languages keeps its English whole, never a cut half."""
    label = keyboards.level_label(catalog, "button-ask", lang, english_first=True)
    assert label == "✉️ Send this to the teacher"
    short = keyboards.level_label(catalog, "button-dont-send", lang, english_first=True)
    assert short.startswith("Don't send · ") and "…" not in short
