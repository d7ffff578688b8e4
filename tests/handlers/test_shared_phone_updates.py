"""Weekly updates on a shared phone (family playtest): a mother linked to Woodly and Nadia is
asked whose updates /stop stops and whose /start brings back, in her Kreyòl; the teachers see
the pause on that child's line only; a student who is her sibling's family member too finds
the updates she stopped from her own /start."""

from __future__ import annotations

from typing import Any

from bot.handlers.family import queue_weekly_updates
from bot.services import family, family_updates
from tests.families import (
    MOTHER,
    WOODLY,
    okafor,
    rivera,
    shared_phone,
    unlink_first,
)
from tests.harness import Chat, buttons, join_and_confirm, texts

STOP_WHICH = "Pou ki pitit ou vle kanpe rapò chak semèn yo? Peze yon non, oswa «Tout»."
RESUME_WHICH = "Pou ki pitit ou vle resevwa rapò chak semèn yo ankò? Peze yon non, oswa «Tout»."
STALE = (
    "Bouton sa a pa bon ankò oswa li pa pou telefòn sa a, kidonk anyen pa chanje. "
    "Voye /stop oswa /start pou chwazi ankò."
)


def stopped_about(name: str) -> str:
    return (
        f"Rapò chak semèn sou {name} yo kanpe. Voye /now nenpòt ki lè pou wè dènye a, "
        "oswa /start pou resevwa yo ankò."
    )


def resumed_about(name: str) -> str:
    return (
        f"Rapò chak semèn sou {name} yo rekòmanse. Voye /now pou wè rapò semèn sa a jodi a, "
        "oswa /stop pou kanpe yo."
    )


def said(calls: list[Any]) -> str:
    """What the bot wrote (a tap's acknowledgement and spent buttons say nothing)."""
    return "\n".join(c.text for c in calls if c.text)


def her_updates(chat: Chat) -> list[str]:
    """Whose weekly update the mother would get now."""
    return sorted(
        u.student_name
        for u in family_updates.weekly_updates(chat.db, chat.clock())
        if u.telegram_id == MOTHER
    )


def paused_lines(listing: str) -> list[str]:
    return [line for line in listing.split("\n") if "⏸" in line]


async def test_stop_on_a_shared_phone_asks_which_child_and_stops_only_that_one(chat: Chat) -> None:
    mother = await shared_phone(chat)
    asked = await chat.send(mother, "/stop")
    assert texts(asked) == STOP_WHICH  # her Kreyòl alone: she chose it
    assert buttons(asked) == [("Nadia", "fs:1002"), ("Woodly", "fs:1001"), ("Tout", "fs:all")]
    assert her_updates(chat) == ["Nadia", "Woodly"]  # asking stops nothing
    assert said(await chat.tap(mother, "fs:1001")) == stopped_about("Woodly")
    assert her_updates(chat) == ["Nadia"]
    fathers = {
        u.student_name
        for u in family_updates.weekly_updates(chat.db, chat.clock())
        if u.telegram_id != MOTHER
    }
    assert fathers == {"Woodly", "Nadia"}  # the father's own links are his
    assert len(paused_lines(texts(await chat.send(rivera(chat), "/families")))) == 1
    assert paused_lines(texts(await chat.send(okafor(chat), "/families"))) == []


async def test_all_stops_every_child_and_start_then_asks_whose_to_bring_back(chat: Chat) -> None:
    mother = await shared_phone(chat)
    await chat.send(mother, "/stop")
    stopped = said(await chat.tap(mother, "fs:all"))
    assert stopped.startswith("Rapò chak semèn yo kanpe.")
    assert her_updates(chat) == []
    assert len(paused_lines(texts(await chat.send(okafor(chat), "/families")))) == 1
    asked = await chat.send(mother, "/start")
    assert texts(asked) == RESUME_WHICH
    assert buttons(asked) == [("Nadia", "fg:1002"), ("Woodly", "fg:1001"), ("Tout", "fg:all")]
    assert said(await chat.tap(mother, "fg:1002")) == resumed_about("Nadia")
    assert her_updates(chat) == ["Nadia"]
    # One child left stopped: /start brings that one back, naming them, with no question
    assert texts(await chat.send(mother, "/start")) == resumed_about("Woodly")
    assert her_updates(chat) == ["Nadia", "Woodly"]
    help_again = texts(await chat.send(mother, "/start"))  # nothing stopped: the family help
    assert help_again.startswith("M ap enfòme ou sou mo lekòl pitit ou ap aprann.")


async def test_stop_with_one_child_still_on_stops_it_and_names_it(chat: Chat) -> None:
    mother = await shared_phone(chat)
    await chat.send(mother, "/stop")
    await chat.tap(mother, "fs:1002")
    again = await chat.send(mother, "/stop")
    assert texts(again) == stopped_about("Woodly") and buttons(again) == []
    assert her_updates(chat) == []


async def test_a_forged_or_stale_stop_button_changes_nothing_and_says_so_kindly(
    chat: Chat,
) -> None:
    mother = await shared_phone(chat)
    await chat.send(mother, "/stop")
    assert said(await chat.tap(mother, "fs:9999")) == STALE  # no child of hers
    assert said(await chat.tap(mother, "fg:1001:x")).startswith("Bouton sa a pa bon ankò")
    assert her_updates(chat) == ["Nadia", "Woodly"]
    await unlink_first(chat, rivera(chat))  # Ms. Rivera unlinks the mother from Woodly
    assert not family.families.is_linked(chat.db, MOTHER, WOODLY)
    assert said(await chat.tap(mother, "fs:1001")) == STALE
    assert her_updates(chat) == ["Nadia"]


async def test_a_double_tap_stops_once_and_says_it_once(chat: Chat) -> None:
    mother = await shared_phone(chat)
    await chat.send(mother, "/stop")
    first, second = await chat.double_tap(mother, "fs:1001")
    assert said(first) == stopped_about("Woodly")
    assert said(second) == ""


async def test_weekly_updates_on_a_shared_phone_come_one_per_child_each_naming_them(
    chat: Chat,
) -> None:
    await shared_phone(chat)
    queue_weekly_updates(chat.app.bot_data.services)
    hers = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert sorted(text.split("\n")[0] for text in hers) == ["📬 Semèn Nadia", "📬 Semèn Woodly"]
    assert all(text.count("📬") == 1 for text in hers)  # one child a message


async def test_an_update_waiting_for_the_morning_is_not_sent_once_its_child_is_stopped(
    chat: Chat,
) -> None:
    mother = await shared_phone(chat)
    chat.clock.advance(hours=10)  # 21:00 in New York: held until morning
    queue_weekly_updates(chat.app.bot_data.services)
    await chat.send(mother, "/stop")
    await chat.tap(mother, "fs:1001")
    chat.clock.advance(hours=10)
    hers = [c.text for c in await chat.deliver() if c.chat_id == MOTHER]
    assert [text.split("\n")[0] for text in hers] == ["📬 Semèn Nadia"]


async def sister_of_ana(chat: Chat) -> dict[str, Any]:
    """Ana in Science 7B; Lucía, a student too, is linked to her as family."""
    await join_and_confirm(chat, chat.user(lang="es"))
    made = texts(await chat.send(rivera(chat), "/family Ana"))
    lucia = chat.user(1002, "Lucía", lang="es")
    await join_and_confirm(chat, lucia)
    await chat.send(lucia, f"/start {made.split('?start=')[1].split()[0]}")
    return lucia


async def test_a_student_who_stopped_her_sisters_updates_finds_them_from_her_own_start(
    chat: Chat,
) -> None:
    lucia = await sister_of_ana(chat)
    stop = texts(await chat.send(lucia, "/stop"))  # one child: stopped, as ever
    assert "Los resúmenes semanales están desactivados." in stop
    back = await chat.send(lucia, "/start")
    assert "Lucía" in texts(back)  # welcomed back as the student she is
    assert "📬 Dejaste de recibir los resúmenes semanales de familia sobre Ana." in texts(back)
    assert buttons(back) == [("Ana", "fg:1001")]
    resumed = said(await chat.tap(lucia, "fg:1001"))
    assert "Los resúmenes semanales están activados de nuevo." in resumed
    assert [u.telegram_id for u in family_updates.weekly_updates(chat.db, chat.clock())] == [1002]
    again = await chat.send(lucia, "/start")
    assert "📬" not in texts(again) and buttons(again) == []


async def test_a_plain_student_and_a_sister_with_updates_on_hear_nothing_of_family_updates(
    chat: Chat,
) -> None:
    lucia = await sister_of_ana(chat)
    ana = chat.user(1001, "Ana", lang="es")
    for student in (ana, lucia):
        back = await chat.send(student, "/start")
        assert len(back) == 1 and buttons(back) == [] and "📬" not in texts(back)


async def test_the_teacher_still_sees_one_pause_per_link_after_a_single_child_stop(
    chat: Chat,
) -> None:
    mother = await shared_phone(chat)
    await chat.send(mother, "/stop")
    await chat.tap(mother, "fs:1002")
    assert paused_lines(texts(await chat.send(rivera(chat), "/families"))) == []
    assert len(paused_lines(texts(await chat.send(okafor(chat), "/families")))) == 1


async def test_a_student_who_stopped_two_siblings_updates_gets_a_button_for_each_and_all(
    chat: Chat,
) -> None:
    lucia = await sister_of_ana(chat)
    await join_and_confirm(chat, chat.user(1003, "Bo", lang="es"))
    made = texts(await chat.send(rivera(chat), "/family Bo"))
    await chat.send(lucia, f"/start {made.split('?start=')[1].split()[0]}")
    asked = await chat.send(lucia, "/stop")  # her family side: two siblings, so she is asked
    assert buttons(asked) == [("Ana", "fs:1001"), ("Bo", "fs:1003"), ("Todos", "fs:all")]
    await chat.tap(lucia, "fs:all")
    back = await chat.send(lucia, "/start")
    assert "📬 Dejaste de recibir algunos resúmenes semanales de familia." in texts(back)
    assert buttons(back) == [("Ana", "fg:1001"), ("Bo", "fg:1003"), ("Todos", "fg:all")]
    assert "Los resúmenes semanales sobre Bo están activados de nuevo." in said(
        await chat.tap(lucia, "fg:1003")
    )
