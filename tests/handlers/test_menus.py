"""Command menus: English by default, one per prompt language, a student's own language once
confirmed, and a teacher menu for teachers; the store closes when the bot shuts down."""

from __future__ import annotations

import random
import sqlite3

import pytest
from telegram.ext import CommandHandler

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.demo.offline import Call, OfflineBotAPI
from bot.presentation.i18n import Catalog
from bot.presentation.menus import STUDENT_COMMANDS, menu_languages
from bot.store import open_store
from tests.clock import Clock
from tests.harness import INVITE, Chat, join_and_confirm


def menus(calls: list[Call]) -> dict[tuple[str, str], dict[str, str]]:
    """(scope, language) -> {command: description} for every setMyCommands call."""
    found = {}
    for call in calls:
        if call.method == "setMyCommands":
            scope = call.params.get("scope") or {"type": "default"}
            key = (str(scope.get("chat_id", scope["type"])), call.params.get("language_code", ""))
            found[key] = {c["command"]: c["description"] for c in call.params["commands"]}
    return found


def test_start_up_sets_an_english_menu_and_one_per_phone_language(chat: Chat) -> None:
    found = menus(chat.api.calls)
    assert set(found) == {("default", ""), *(("default", lang) for lang in
                                            menu_languages(chat.app.bot_data.services.catalog))}
    assert len(found) == 12  # English, then the 12 prompt languages but Hmong (no 2-letter code)
    assert list(found["default", ""]) == list(STUDENT_COMMANDS)
    assert found["default", ""]["words"] == "see your words"
    assert found["default", "vi"]["words"] == "xem các từ của bạn"


async def test_a_student_who_confirms_a_language_gets_the_menu_in_it(chat: Chat) -> None:
    user = chat.user(1001, lang="en")  # an English phone, a Spanish-speaking student
    await join_and_confirm(chat, user, lang="es")
    mine = menus(chat.api.calls)["1001", ""]
    assert list(mine) == list(STUDENT_COMMANDS)
    assert mine["words"] == "ver tus palabras"


async def test_a_new_teacher_gets_the_teacher_menu(chat: Chat) -> None:
    await chat.send(chat.user(7001, "Lee", "en"), f"/teach {INVITE}")
    menu = menus(chat.api.calls)["7001", ""]
    assert menu["newclass"] == "create a class and its join link"
    assert {"push", "report", "roster", "family", "announce", "help"} <= set(menu)
    assert "words" not in menu


async def test_a_wrong_invite_code_gives_no_teacher_menu(chat: Chat) -> None:
    await chat.send(chat.user(7001, "Lee", "en"), "/teach WRONG")
    assert ("7001", "") not in menus(chat.api.calls)


async def test_shutting_down_closes_the_store(catalog: Catalog) -> None:
    db = open_store(None)
    app = build_application(Services(Config(), db, catalog, Clock(), random.Random(1)),
                            request=OfflineBotAPI())
    assert app.post_shutdown is not None
    await app.post_shutdown(app)
    with pytest.raises(sqlite3.ProgrammingError):
        db.execute("SELECT 1")


def test_every_command_is_handled_by_a_function_named_after_it(chat: Chat) -> None:
    """/words is `student_cards.words`, as /family is `teacher_families.family`: a reader finds
    a command's handler by its name, in every handler module."""
    handled = [(command, h.callback) for group in chat.app.handlers.values() for h in group
               if isinstance(h, CommandHandler) for command in h.commands]
    assert len(handled) > 20
    where = {command: callback.__module__ for command, callback in handled}
    assert (where["words"], where["family"]) == ("bot.handlers.student_cards",
                                                 "bot.handlers.teacher_families")  # as said
    # one family handler takes the student commands a family member taps (/check, /words,
    # /remind) before the students' own: it answers all three the same way
    shared = {"bot.handlers.family.student_command"}
    misnamed = [f"/{command}: {callback.__module__}.{callback.__name__}"
                for command, callback in handled if callback.__name__ != command
                and f"{callback.__module__}.{callback.__name__}" not in shared]
    assert misnamed == []
