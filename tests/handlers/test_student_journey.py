"""The student journey through the real Application: join, language, placement, words."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.domain.placement import MAIN_ITEMS, PLACEMENT
from bot.presentation.i18n import RLM
from bot.store import check_items, people, study
from tests.harness import (
    Chat,
    answer_current,
    buttons,
    join_and_confirm,
    page_through,
    texts,
)


async def test_wrong_code_is_explained_kindly_in_both_languages(chat: Chat) -> None:
    reply = texts(await chat.send(chat.user(lang="es"), "/start NOPE12345"))
    assert "código" in reply.lower()
    assert "I don't know that class code" in reply


async def test_expired_code_asks_for_a_new_link(chat: Chat) -> None:
    chat.clock.advance(days=181)
    reply = texts(await chat.send(chat.user(lang="en"), "/start JOINcode_123"))
    assert "expired" in reply
    assert chat.db["enrollments"].count == 0


async def test_start_without_code_explains_how_to_join(chat: Chat) -> None:
    reply = texts(await chat.send(chat.user(lang="en"), "/start"))
    assert "open the link your teacher gave you" in reply


async def test_join_offers_phone_language_for_one_tap_confirmation(chat: Chat) -> None:
    calls = await chat.send(chat.user(lang="es"), "/start JOINcode_123")
    assert "Science 7B" in texts(calls)
    assert "¿Hablas español en casa?" in texts(calls)  # a language name inside a sentence
    # its own name, first, as the one-tap yes to "Is your home language Spanish?" (Somali
    # playtest: a yes-or-no question answered with a list of names)
    assert buttons(calls)[0] == ("Español ✅ Sí", "lc:es")
    assert people.enrollments(chat.db, 1001)[0].class_name == "Science 7B"


async def test_an_old_other_button_shows_languages_no_detector_knows(chat: Chat) -> None:
    user = chat.user(lang="es")
    await chat.send(user, "/start JOINcode_123")
    labels = [label for label, _ in buttons(await chat.tap(user, "lm"))]
    assert "Kreyòl ayisyen" in labels
    assert any("Hmoob" in label for label in labels)


async def test_unsure_text_shows_the_menu_instead_of_a_wrong_guess(chat: Chat) -> None:
    user = chat.user(lang="en")
    await chat.send(user, "/start JOINcode_123")
    calls = await chat.send(user, "ok")
    data = [d for _, d in buttons(calls)]
    assert len(data) > 5  # the full menu, not a one-language confirmation
    assert people.get_student(chat.db, 1001).language is None


async def test_spanish_words_beat_an_english_phone(chat: Chat) -> None:
    user = chat.user(lang="en")
    await chat.send(user, "/start JOINcode_123")
    calls = await chat.send(user, "hola maestra no entiendo nada")
    assert "¿Hablas español en casa?" in texts(calls)
    assert ("lc:es" in [d for _, d in buttons(calls)])


async def test_confirmed_language_starts_self_placement(chat: Chat) -> None:
    user = chat.user(lang="es")
    await chat.send(user, "/start JOINcode_123")
    calls = await chat.tap(user, "lc:es")
    assert "Te ayudaré en español y en inglés" in texts(calls)
    assert buttons(calls)[0][1] == "pl:0:0"
    for question, item in enumerate(PLACEMENT[:MAIN_ITEMS]):  # every answer right
        calls = await chat.tap(user, f"pl:{question}:{item.correct}")
    assert "5" in texts(calls)
    assert people.enrollments(chat.db, 1001)[0].wida_level == 5


async def test_forged_placement_answers_do_not_skip_questions(chat: Chat) -> None:
    user = chat.user(lang="es")
    await chat.send(user, "/start JOINcode_123")
    await chat.tap(user, "lc:es")
    await chat.tap(user, "pl:3:2")  # jumping to the last question counts for nothing
    assert people.enrollments(chat.db, 1001)[0].wida_level is None


async def test_preview_is_bilingual_in_short_messages_at_level_two(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=2)
    calls = [c for c in await chat.send(user, "/words") if c.method == "sendMessage"]
    words = chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = ?",
                            [user["id"]]).fetchone()[0]
    assert len(calls) <= 1 + words // 2  # phone-sized parts, not one wall of text
    assert all(len(c.text) <= 700 for c in calls)
    text = texts(calls)
    assert "ecosistema" in text and "ecosystem" in text
    assert text.index("ecosistema") < text.index("ecosystem")  # home language first at 1-2
    assert "🤝 Cognado: <b>ecosystem</b> se parece a <b>ecosistema</b>" in text
    assert all(len(c.text) <= 4096 for c in calls)


async def test_english_leads_and_home_language_is_one_tap_away_at_level_four(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=4)
    text = texts(await chat.send(user, "/words"))
    assert text.index("ecosystem") < text.index("ecosistema")
    assert "<tg-spoiler><b>ecosistema</b>" in text


async def test_flip_button_puts_home_language_first_at_level_six(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=6)
    assert "ecosistema" not in texts(await chat.send(user, "/words"))
    flipped = texts(await chat.tap(user, "fl"))
    assert flipped.index("ecosistema") < flipped.index("ecosystem")


async def test_false_friend_warning_shown_to_spanish_speaker(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=2)
    chat.db.execute("UPDATE classes SET pack_id = 'general.academic-verbs'")
    # mark the first words mastered so the set reaches 'support'
    text = ""
    for _ in range(6):
        text = texts(await page_through(chat, user, await chat.send(user, "/words")))
        if "soportar" in text:
            break
        chat.db.execute("UPDATE mastery SET mastered_at = '2026-09-14T15:00:00+00:00'")
    assert "soportar" in text and "apoyar" in text


async def test_arabic_preview_reads_right_to_left(chat: Chat) -> None:
    user = chat.user(lang="ar")
    await join_and_confirm(chat, user, lang="ar", level=1)
    calls = await chat.send(user, "/words")
    arabic_lines = [line for c in calls for line in c.text.split("\n")
                    if any("\u0600" <= ch <= "\u06ff" for ch in line)]
    assert arabic_lines
    header = next(c for c in calls if c.method == "sendMessage").text.split("\n")[0]
    assert header.startswith(RLM)


async def test_too_long_message_is_refused_kindly(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    reply = texts(await chat.send(user, "a" * 3000))
    assert "1000" in reply
    assert chat.db["attempts"].count == 0


async def test_deleteme_removes_everything_after_confirmation(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    await chat.send(user, "/words")
    await chat.send(user, "/check")
    assert chat.db["mastery"].count > 0
    calls = await chat.send(user, "/deleteme")
    assert ("dl:yes" in [d for _, d in buttons(calls)])
    await chat.tap(user, "dl:no")
    assert people.get_student(chat.db, 1001) is not None
    await chat.tap(user, "dl:yes")
    for table in ("students", "enrollments", "mastery", "check_items", "attempts"):
        assert chat.db[table].count == 0, table


async def test_reminder_fires_when_reviews_are_due(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    await page_through(chat, user, await chat.send(user, "/words"))  # all five cards read
    reply = texts(await chat.send(user, "/remind 16:30"))
    assert "16:30" in reply
    jobs = [j for j in chat.app.job_queue.jobs() if j.data == 1001]
    assert len(jobs) == 1
    chat.clock.advance(days=1)
    before = len(chat.api.calls)
    await jobs[0].run(chat.app)
    sent = chat.api.calls[before:]
    # read on their cards, never asked yet: new words, not "words to review" (playtest)
    assert texts(sent) == ("¡Hola, Ana! Palabras nuevas de tus tarjetas, listas para una "
                           "prueba: 5. Toca /check (2 minutos).\nHi Ana! New words from your "
                           "cards, ready for a check: 5. Tap /check (2 minutes).")


async def test_reminder_refuses_quiet_hours(chat: Chat) -> None:
    user = chat.user(lang="en")
    await join_and_confirm(chat, user, lang="en")
    reply = texts(await chat.send(user, "/remind 22:15"))
    assert "quiet hours" in reply
    assert people.get_student(chat.db, 1001).reminder_time is None


async def test_reminders_are_rebuilt_from_the_store_at_start_up(chat: Chat) -> None:
    from bot.handlers.reminders import schedule_all

    people.upsert_student(chat.db, 1002, "Bo", chat.clock())
    people.set_reminder(chat.db, 1002, "17:00")
    assert schedule_all(chat.app) == 1
    assert [j for j in chat.app.job_queue.jobs() if j.data == 1002]


async def test_progress_shows_counts_and_a_chart(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    await page_through(chat, user, await chat.send(user, "/words"))
    calls = await chat.send(user, "/progress")
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert any(b.startswith(b"\x89PNG") for b in photo.files.values())
    assert "5" in photo.text


async def test_progress_says_what_to_do_first_and_its_counts_add_up_to_the_words_met(
        chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    await page_through(chat, user, await chat.send(user, "/words"))  # all five cards read
    await chat.send(user, "/check")
    right = True
    # the whole check, one miss in two
    while check_items.next_open_item(chat.db, 1001) is not None:
        await answer_current(chat, user, right)
        right = not right
    chat.clock.advance(days=1)
    text = texts(await chat.send(user, "/progress"))
    english = text[text.index("👉 5 words ready: /check"):].split("\n")
    assert english[0] == "👉 5 words ready: /check"  # what she acts on, first
    count = {label: int(value) for label, value in
             re.findall(r"(New|Learning|Reviewing|Mastered): (\d+)", english[1])}
    assert count["Learning"] and sum(count.values()) == 5  # the five words she met
    assert text.startswith("👉 5 palabras listas: /check")


async def test_a_student_who_blocked_the_bot_is_marked_not_crashed(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    chat.api.block(1001)
    await chat.send(user, "/words")
    assert people.get_student(chat.db, 1001).blocked
    assert study.student_mastery(chat.db, 1001)  # nothing was lost


async def test_rejoining_the_same_class_is_welcomed_not_duplicated(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    reply = texts(await chat.send(user, "/start JOINcode_123"))
    assert "You are already in <b>Science 7B</b>, Ana. Welcome back!" in reply
    assert "Ya estás en <b>Science 7B</b>, Ana." in reply
    assert "Welcome, Ana!" not in reply and "¡Hola" not in reply
    assert chat.db["enrollments"].count == 1
    _ = timedelta


async def test_a_sticker_gets_a_gentle_pointer(chat: Chat) -> None:
    user = chat.user(lang="es")
    await join_and_confirm(chat, user)
    update = chat.factory.message(user, "x")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "s", "file_unique_id": "s", "type": "regular",
                                    "width": 512, "height": 512, "is_animated": False,
                                    "is_video": False}
    reply = texts(await chat.process(update))
    assert "/words" in reply


@pytest.mark.parametrize("level", [1, 3])
async def test_progress_shows_no_streak_of_zero_days_and_the_streak_once_there_is_one(
        chat: Chat, level: int) -> None:
    """The playtest: "🔥 Days in a row: 0" greeted a student who had just joined."""
    user = chat.user(lang="es")
    await join_and_confirm(chat, user, level=level)
    reply = texts(await chat.send(user, "/progress"))
    assert "🔥" not in reply and "Days in a row" not in reply
    await page_through(chat, user, await chat.send(user, "/words"))
    await chat.send(user, "/check")
    await answer_current(chat, user, True)
    reply = texts(await chat.send(user, "/progress"))
    assert "🔥 Días seguidos de estudio: 1" in reply and "🔥 Days in a row: 1" in reply
