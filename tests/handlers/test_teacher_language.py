"""A teacher chooses the language Puente writes to her in (/language), over her phone's: a
Vietnamese teacher with an English phone tapped Tiếng Việt in the students' menu and read
"You are not in a class yet" (playtest 11)."""

from __future__ import annotations

from bot.store import people
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts


def rivera(chat: Chat, phone: str = "en") -> dict:
    return chat.user(TEACHER_ID, "Rivera", phone)


async def test_a_teacher_with_an_english_phone_reads_puente_in_the_language_she_chooses(
        chat: Chat) -> None:
    menu = await chat.send(rivera(chat), "/language")
    assert texts(menu) == ("Which language should Puente write to you in? Your students and "
                           "families keep their own.")
    labels = [label for label, _ in buttons(menu)]
    assert {"Tiếng Việt", "Español", "Soomaali", "English"} <= set(labels)
    assert labels[-1] == "✓ 📱 My phone's language"  # what she reads now: her phone's

    done = texts(await chat.tap(rivera(chat), "tg:vi")).strip()
    assert done == "Xong: từ giờ Puente nhắn cho thầy cô bằng tiếng Việt. /language để đổi."
    assert texts(await chat.send(rivera(chat), "/classes")).startswith("<b>Science 7B</b>")
    help_text = texts(await chat.send(rivera(chat), "/help"))
    assert help_text.startswith("Lệnh dành cho giáo viên:")  # her phone still says English
    assert "/language - ngôn ngữ Puente dùng để nhắn cho thầy cô" in help_text
    assert people.teacher_language(chat.db, TEACHER_ID) == "vi"  # alerts while she is away

    back = texts(await chat.tap(rivera(chat), "tg:phone")).strip()
    assert back == "Done: Puente follows your phone's language again."
    assert texts(await chat.send(rivera(chat), "/help")).startswith("Teacher commands:")


async def test_a_forged_language_button_changes_nothing_and_students_keep_their_menu(
        chat: Chat) -> None:
    await chat.send(rivera(chat), "/language")
    refused = texts(await chat.tap(rivera(chat), "tg:xx")).strip()
    assert refused == "That button is old or not meant for this chat, so nothing changed."
    assert texts(await chat.send(rivera(chat), "/help")).startswith("Teacher commands:")
    ana = chat.user(1001, "Ana", "es")
    await join_and_confirm(chat, ana)
    assert "tg:" not in str(buttons(await chat.send(ana, "/language")))
    assert "That is a command for your teacher" in texts(await chat.tap(ana, "tg:vi"))
    assert people.teacher_choice(chat.db, 1001) is None


async def test_a_teacher_who_keeps_her_account_reads_it_once_in_her_language(
        chat: Chat) -> None:
    # "Không có gì bị xóa.\nNothing was deleted." to a teacher who chose Vietnamese
    await chat.send(rivera(chat), "/language")
    await chat.tap(rivera(chat), "tg:vi")
    await chat.send(rivera(chat), "/deleteme")
    assert texts(await chat.tap(rivera(chat), "dl:no")).strip() == "Không có gì bị xóa."


async def test_two_languages_tapped_before_the_menu_updates_keep_the_first(chat: Chat) -> None:
    """Both taps reach Telegram before the first one's edit: the second is on the same old
    menu, so it changes nothing (it switched her language silently)."""
    menu = next(c.result_id for c in await chat.send(rivera(chat), "/language") if c.buttons)
    assert menu is not None
    shown = chat.api.showing(TEACHER_ID, menu)
    await chat.process(chat.factory.tap(rivera(chat), "tg:vi", menu, shown))
    second = await chat.process(chat.factory.tap(rivera(chat), "tg:so", menu, shown))
    assert [c.method for c in second] == ["answerCallbackQuery"]
    assert people.teacher_language(chat.db, TEACHER_ID) == "vi"


async def test_a_language_typed_after_language_sets_the_teachers_own(chat: Chat) -> None:
    """Mr. Ortiz typed "/language es" and was told in English that no student has that name
    (playtest): a language alone sets Puente's language for her, as its button does."""
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"))
    done = texts(await chat.send(rivera(chat), "/language es")).strip()
    assert done == "Listo: Puente le escribe ahora en español. /language lo cambia."
    assert people.teacher_choice(chat.db, TEACHER_ID) == "es"
    by_name = texts(await chat.send(rivera(chat), "/language Tagalog")).strip()
    assert by_name.startswith("Tapos na: susulatan ka na ng Puente sa ")
    # a student's name and a language still corrects the student's
    assert "Ana" in texts(await chat.send(rivera(chat), "/language Ana pt"))
    assert people.get_student(chat.db, 1001).language == "pt"
