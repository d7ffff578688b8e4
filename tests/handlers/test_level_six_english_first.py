"""Playtest (level 6, Spanish): Ana's cards were English only with English buttons, but her
check said "Pregunta 1/5" over an English question, its feedback and score came Spanish first,
the cards /check sent said "✅ Ponme a prueba", and /help and /progress led in Spanish. At
levels 5-6 every two-language message now reads English first, her language beneath. And
/language did not say which language was hers: it is marked "✓ Español"."""

from __future__ import annotations

from bot.presentation import callbacks
from bot.store import check_items
from tests.harness import (
    Chat,
    answer_current,
    buttons,
    check_now,
    join_and_confirm,
    texts,
)


async def test_a_level_six_check_reads_english_first_from_its_cards_to_its_score(
        chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=6)
    started = await check_now(chat, ana)
    labels = [label for label, _ in buttons(started)]
    assert "✅ Check me" in labels and "✅ Ponme a prueba" not in labels
    said = texts(started)
    assert "Question 1/5" in said and "Pregunta" not in said
    shrugs, feedback = [], []
    while check_items.next_open_item(chat.db, 1001) is not None:
        calls = await answer_current(chat, ana, right=True)
        feedback.append(texts(calls).strip())
        shrugs += [label for label, _ in buttons(calls) if label.startswith("🤷")]
    assert shrugs and set(shrugs) == {"🤷 I don't know · No sé"}
    assert all(f.startswith("✅ Yes!") for f in feedback), feedback
    score = feedback[-1]
    assert score.index("Check finished") < score.index("Prueba terminada")
    assert "Pregunta" not in "".join(feedback)
    help_text = texts(await chat.send(ana, "/help"))
    assert help_text.startswith("I help you learn school words in English.")
    assert "Te ayudo a aprender" in help_text  # her language still there, beneath
    progress = texts(await chat.send(ana, "/progress"))
    assert progress.index("Learning") < progress.index("Aprendiendo")


async def test_a_level_three_student_still_reads_her_language_first(chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=3)
    said = texts(await check_now(chat, ana))
    assert "Pregunta 1/5" in said
    right = texts(await answer_current(chat, ana, right=True))
    assert right.startswith("✅ ¡Sí!")
    assert texts(await chat.send(ana, "/help")).startswith("Te ayudo a aprender")


async def test_language_marks_the_language_chosen_now(chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="es", level=6)
    menu = buttons(await chat.send(ana, "/language"))
    assert ("✓ Español", callbacks.data(callbacks.LANGUAGE, "es")) in menu
    assert [label for label, _ in menu if label.startswith("✓")] == ["✓ Español"]
    await chat.tap(ana, callbacks.data(callbacks.LANGUAGE, "vi"))
    menu = buttons(await chat.send(ana, "/language"))
    assert [label for label, _ in menu if label.startswith("✓")] == ["✓ Tiếng Việt"]
    assert ("Español", callbacks.data(callbacks.LANGUAGE, "es")) in menu


async def test_language_shows_and_marks_a_language_chosen_behind_other_languages(
        chat: Chat) -> None:
    ana = chat.user(1001, lang="es")
    await join_and_confirm(chat, ana, lang="uk", level=4)
    menu = buttons(await chat.send(ana, "/language"))
    assert ("✓ Українська", callbacks.data(callbacks.LANGUAGE, "uk")) in menu
