"""What the playtest found people were told in the wrong voice: a typed word while buttons wait,
"???" offered to the teacher, a parent's /progress and /deleteme, "Your 1 new words", a
teacher's /start, and long messages that were simply lost."""

from __future__ import annotations

from typing import Any

from bot.presentation import card_views
from bot.presentation.i18n import Catalog
from bot.services import relays
from tests.harness import (
    TEACHER_ID,
    Chat,
    buttons,
    check_now,
    join_and_confirm,
    open_item,
    texts,
)

MOTHER, UNCLE = 2001, 2002
LONG = " ".join(f"palabra{n}" for n in range(200))  # 1,689 characters


def teacher(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def link_family(chat: Chat, user_id: int, lang: str) -> dict[str, Any]:
    link = texts(await chat.send(teacher(chat), "/family Ana"))
    person = chat.user(user_id, f"Family{user_id}", lang)
    await chat.send(person, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(person, f"fa:{lang}")
    await chat.deliver()  # the teacher hears of the new link at once
    return person


def count(chat: Chat, sql: str, *args: object) -> int:
    return chat.db.execute(sql, list(args)).fetchone()[0]


async def test_typing_while_answer_buttons_wait_points_to_the_buttons(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    await check_now(chat, ana)
    item = open_item(chat)
    assert not item.item.typed
    reply = await chat.send(ana, "extint")
    assert texts(reply) == ("Toca una de las respuestas de arriba. 👆\n"
                            "Tap one of the answers above. 👆")
    assert buttons(reply) == []  # nothing to send to the teacher
    assert open_item(chat).id == item.id  # still open, nothing graded
    assert count(chat, "SELECT count(*) FROM attempts WHERE student_id = 1001") == 0


async def test_only_text_with_letters_is_offered_to_the_teacher(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    for noise in ("???", "😀", "!!! 123"):
        reply = await chat.send(ana, noise)
        # her noise is never offered as a message; a lost "???" gets the 🆘 ready-made note
        # (Somali playtest), a happy face or digits nothing
        assert buttons(reply) == ([("🆘 Me perdí, ayúdame por favor", "sh")]
                                  if noise == "???" else []), noise
        assert texts(reply).startswith("Toca /words para ver tus palabras")
    reply = await chat.send(ana, "maestra no entiendo")
    assert [data for _, data in buttons(reply)] == ["ak:1001", "ak:no"]
    # the text says what the buttons are for, in Spanish first
    assert texts(reply).startswith("💬 ¡Gracias por escribir! Solo te ayudo con las palabras y "
                                   "no sé conversar, pero puedo enviar tu mensaje a tu maestro "
                                   "o maestra. ¿Lo envío?")


async def test_a_parents_progress_points_to_now(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await link_family(chat, MOTHER, "es")
    assert texts(await chat.send(mom, "/progress")) == (
        "El progreso de su hijo o hija está en el resumen semanal: envíe /now para verlo hoy.")


async def test_a_parents_deleteme_deletes_only_their_own_rows(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    await check_now(chat, ana)
    mom = await link_family(chat, MOTHER, "es")
    await link_family(chat, UNCLE, "en")
    await chat.send(mom, "¿Cómo va Ana?")
    await chat.tap(mom, "ak:1001")  # a thread row names the mother (and Ana)
    before = {table: count(chat, f"SELECT count(*) FROM {table} WHERE student_id = 1001")
              for table in ("enrollments", "check_items", "mastery")}
    asked = texts(await chat.send(mom, "/deleteme"))
    assert asked.startswith("¿Borrar sus datos de familia? Se quitan su vínculo con Ana,")
    assert "Ana conserva sus propias palabras y su progreso." in asked
    done = await chat.tap(mom, "dl:yes")
    assert texts(done).strip() == ("Sus datos de familia se borraron. ¡Adiós! El maestro o la "
                           "maestra puede enviarle un enlace nuevo.")
    assert count(chat, "SELECT count(*) FROM families WHERE telegram_id = ?", MOTHER) == 0
    assert count(chat, "SELECT count(*) FROM thread_messages WHERE asker_id = ?", MOTHER) == 0
    assert count(chat, "SELECT count(*) FROM outbox WHERE chat_id = ?", MOTHER) == 0
    assert count(chat, "SELECT count(*) FROM families WHERE telegram_id = ?", UNCLE) == 1
    assert count(chat, "SELECT count(*) FROM students WHERE id = 1001") == 1
    assert before == {table: count(chat, f"SELECT count(*) FROM {table} WHERE student_id = 1001")
                      for table in before}
    assert before["check_items"] > 0 and before["enrollments"] == 1


def test_one_new_word_needs_no_plural(catalog: Catalog) -> None:
    assert card_views.preview_header(1, None, "es", catalog) == (
        "📘 Palabras nuevas: 1\n📘 New words: 1")
    assert card_views.preview_header(3, 1, "es", catalog) == (
        "📘 Palabras nuevas: 1 · Palabras para volver a mirar: 2\n"
        "📘 New words: 1 · Words to look at again: 2")


async def test_a_teachers_start_says_what_they_can_do(chat: Chat) -> None:
    assert texts(await chat.send(teacher(chat), "/start")) == (
        "You are a teacher here. /classes - your classes and their join links. /help - "
        "everything you can do.")


async def test_a_strangers_start_mentions_teach_for_teachers(chat: Chat) -> None:
    assert texts(await chat.send(chat.user(3001, "Joseph", "en"), "/start")) == (
        "Welcome to Puente! To join your class, open the link your teacher gave you.\n"
        "Teachers: send /teach and your invite code.")


async def test_a_strangers_text_says_how_teachers_sign_up_and_students_join(
        chat: Chat) -> None:
    said = texts(await chat.send(chat.user(3001, "Joseph", "ht"), "hello, I am a teacher"))
    assert "/teach" in said and "Teachers: send /teach and your invite code." in said
    assert "louvri lyen pwofesè w te ba ou a" in said  # the join link, in their language too
    assert len(said) <= 300


async def test_a_parents_long_message_can_go_as_its_first_thousand_characters(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    mom = await link_family(chat, MOTHER, "es")
    offer = await chat.send(mom, LONG)
    assert texts(offer).startswith("Ese mensaje es muy largo para mí (más de 1000 caracteres). "
                                   "¿Envío los primeros 1000 caracteres al maestro o la maestra?")
    assert [data for _, data in buttons(offer)] == ["ak:1001", "ak:no"]  # ids, never text
    await chat.tap(mom, "ak:1001")
    relayed = next(c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    beginning = relays.beginning(LONG)
    assert len(beginning) <= 1000 and beginning.endswith(" palabra99…")  # cut at a word
    assert beginning in relayed and "palabra199" not in relayed
    stored = str(list(chat.db.execute("SELECT * FROM outbox"))) + str(
        list(chat.db.execute("SELECT * FROM thread_messages")))
    assert "palabra0" not in stored  # delivered, then forgotten: no text is kept


async def test_a_long_message_held_for_the_teacher_is_forgotten_after_ten_minutes(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana)
    await chat.send(ana, "/ask " + LONG)
    chat.clock.advance(minutes=11)
    gone = await chat.tap(ana, "ak:1001")
    assert texts(gone).strip().startswith("Ya no tengo ese mensaje.")
    assert not [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert chat.app.user_data[1001].get("draft") is None
