"""Language pickers never change a language silently (playtest H2): a Somali mother tapped
Soomaali, then Soomaali and Hmoob again on the old picker, and from then on read only Hmong,
with nothing to tell her why nor a way back she could read. A tap on an old picker changes
nothing and says so; every change answers in the new language with one button back to the
previous one, written in it (in the new one where Puente has no messages in the previous)."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

MOTHER = 2001
PAHOUA = 1001
OLD_MENU_SO = "Liiskan waa hore, markaa waxba isma beddelin."
NOW_SO = "📬 Toddobaadka PaHoua"


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def toast(calls: list[Any]) -> str:
    """The pop-up a tap's answer carries ("" for none)."""
    return next((str(c.params.get("text") or "") for c in calls
                 if c.method == "answerCallbackQuery"), "")


async def linked_mother(chat: Chat) -> tuple[dict[str, Any], int]:
    """PaHoua learns in Hmong; her Somali mother opens the family link: (the mother, the id
    of the welcome that carries the language picker)."""
    await join_and_confirm(chat, chat.user(PAHOUA, "PaHoua", "hmn"), lang="hmn")
    made = texts(await chat.send(rivera(chat), "/family PaHoua"))
    mother = chat.user(MOTHER, "Hooyo", "so")
    welcome = await chat.send(mother, f"/start {made.split('?start=')[1].split()[0]}")
    picker = next(c.result_id for c in welcome if c.buttons)
    assert picker is not None
    return mother, picker


async def test_taps_on_an_old_picker_change_nothing_and_say_so(chat: Chat) -> None:
    mother, picker = await linked_mother(chat)
    chosen = await chat.tap_on(mother, "fa:so", picker)
    assert texts(chosen).strip().startswith("Mahadsanid!")
    for data in ("fa:so", "fa:hmn"):  # the same picker, its buttons gone
        again = await chat.tap_on(mother, data, picker)
        assert toast(again).startswith(OLD_MENU_SO)
        assert [c.method for c in again] == ["answerCallbackQuery"]
    assert texts(await chat.send(mother, "/now")).startswith(NOW_SO)


async def test_two_languages_tapped_before_the_picker_updates_keep_the_first(
        chat: Chat) -> None:
    """Both taps reach Telegram before the first one takes the buttons off: the second is
    the same old menu, so it changes nothing (it silently switched her to Hmong)."""
    mother, picker = await linked_mother(chat)
    shown = chat.api.showing(MOTHER, picker)
    await chat.process(chat.factory.tap(mother, "fa:so", picker, shown))
    second = await chat.process(chat.factory.tap(mother, "fa:hmn", picker, shown))
    assert [c.method for c in second] == ["answerCallbackQuery"]
    assert texts(await chat.send(mother, "/now")).startswith(NOW_SO)


async def test_a_change_answers_in_the_new_language_with_a_way_back_she_can_read(
        chat: Chat) -> None:
    mother, picker = await linked_mother(chat)
    await chat.tap_on(mother, "fa:so", picker)
    await chat.send(mother, "/language")
    changed = await chat.tap(mother, "fa:hmn")
    assert texts(changed).strip().startswith("Ua tsaug!")  # Hmong: "Thank you!"
    assert buttons(changed) == [("↩️ Ku noqo af Soomaali", "fa:so:u")]
    back = await chat.tap(mother, "fa:so:u")
    assert texts(back).strip().startswith("Mahadsanid!")
    assert not buttons(back)  # no undo of the undo
    assert texts(await chat.send(mother, "/now")).startswith(NOW_SO)


async def test_a_first_choice_matching_the_phone_offers_no_way_back(chat: Chat) -> None:
    mother, picker = await linked_mother(chat)
    assert not buttons(await chat.tap_on(mother, "fa:so", picker))


async def test_forged_language_buttons_change_nothing(chat: Chat) -> None:
    mother, picker = await linked_mother(chat)
    await chat.tap_on(mother, "fa:so", picker)
    for data in ("fa:xx:u", "fa:hmn:yes", "fa:hmn:u:u", "lc:so:x"):
        await chat.process(chat.factory.tap(mother, data))
    assert texts(await chat.send(mother, "/now")).startswith(NOW_SO)
    assert people.get_student(chat.db, PAHOUA).language == "hmn"  # type: ignore[union-attr]


async def test_a_student_who_changes_language_gets_a_way_back_in_the_old_one(
        chat: Chat) -> None:
    pahoua = chat.user(PAHOUA, "PaHoua", "hmn")
    await join_and_confirm(chat, pahoua, lang="hmn")
    await chat.send(pahoua, "/language")
    changed = await chat.tap(pahoua, callbacks.data(callbacks.LANGUAGE, "es"))
    assert texts(changed).strip().startswith("¡Genial! Te ayudaré en español")
    assert ("↩️ Rov siv lus Hmoob", "lc:hmn:u") in buttons(changed)
    back = await chat.tap(pahoua, "lc:hmn:u")
    assert texts(back).strip().startswith("Zoo heev!") and ("↩️ Volver al español", "lc:es:u") \
        not in buttons(back)
    assert people.get_student(chat.db, PAHOUA).language == "hmn"  # type: ignore[union-attr]


async def test_a_student_tapping_two_languages_before_the_menu_updates_keeps_the_first(
        chat: Chat) -> None:
    pahoua = chat.user(PAHOUA, "PaHoua", "hmn")
    await join_and_confirm(chat, pahoua, lang="hmn")
    menu = next(c.result_id for c in await chat.send(pahoua, "/language") if c.buttons)
    assert menu is not None
    shown = chat.api.showing(PAHOUA, menu)
    await chat.process(chat.factory.tap(pahoua, "lc:es", menu, shown))
    second = await chat.process(chat.factory.tap(pahoua, "lc:so", menu, shown))
    assert [c.method for c in second] == ["answerCallbackQuery"]
    assert people.get_student(chat.db, PAHOUA).language == "es"  # type: ignore[union-attr]


async def test_a_wrong_first_tap_on_a_language_without_messages_is_undone_in_the_new_one(
        chat: Chat) -> None:
    """Playtest (Hmong, level 1): Nou tapped Українська under "🌐 Other languages", then chose
    Hmoob, and read the way back in English ("↩️ Back to Ukrainian (Українська)"), while
    /language had said "🌐 Other languages · Other languages"."""
    nou = chat.user(PAHOUA, "Nou", "hmn")
    await join_and_confirm(chat, nou, lang="uk")
    menu = await chat.send(nou, "/language")
    assert ("🌐 Other languages", callbacks.data(callbacks.LANG_MORE)) in buttons(menu)
    changed = await chat.tap(nou, callbacks.data(callbacks.LANGUAGE, "hmn"))
    assert texts(changed).strip().startswith("Zoo heev!")
    assert ("↩️ Rov siv Українська", "lc:uk:u") in buttons(changed)
    assert not any("Back to" in label for label, _ in buttons(changed))
