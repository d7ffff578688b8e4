"""Command menus: students see theirs in their language, teachers get a teacher menu.

Telegram picks the narrowest menu that fits: a chat's own menu (set when a student confirms a
language, or when someone becomes a teacher), else the menu for the phone's language, else the
English default. The teacher menu lists the commands that teacher /help documents.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from contextvars import ContextVar

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.domain.english_spelling import edit_distance
from bot.presentation.i18n import REFERENCE, Catalog, Markup
from bot.presentation.views import MESSAGE_LIMIT, utf16_len

log = logging.getLogger(__name__)

STUDENT_COMMANDS = ("start", "words", "check", "progress", "language", "remind", "ask",
                    "deleteme", "help")
# Teacher /help by task, one group a key (playtest: /remove, /families, /coteach and /deleteme
# came in a second message, apart from the commands they go with)
TEACHER_HELP_KEYS = ("help-teacher-classes", "help-teacher-words", "help-teacher-reports",
                     "help-teacher-recordings", "help-teacher-families", "help-teacher-account")
# "/newclass NAME - create a class and its join link" -> ("newclass", "create a class ...");
# in Arabic the command is isolated left-to-right ("\u2068/now\u2069 - ..."), and read so too
HELP_LINE = re.compile(r"^[\u2066-\u2068]?/([a-z0-9_]{1,32})\b[^\n]*? - (.+)$", re.MULTILINE)


def student_commands(catalog: Catalog, lang: str) -> list[BotCommand]:
    """The student menu, described in `lang`."""
    return [BotCommand(c, catalog.plain(f"command-{c}", lang)) for c in STUDENT_COMMANDS]


def teacher_commands(catalog: Catalog, lang: str) -> list[BotCommand]:
    """Every command teacher /help documents, with its description there, then /help."""
    found: dict[str, str] = {}
    for key in TEACHER_HELP_KEYS:
        for command, description in HELP_LINE.findall(catalog.plain(key, lang)):
            found.setdefault(command, description.strip()[:256])
    found.setdefault("help", catalog.plain("command-help", lang))
    return [BotCommand(c, d) for c, d in found.items()]


def teacher_help(catalog: Catalog, lang: str, limit: int = MESSAGE_LIMIT) -> list[Markup]:
    """Teacher /help in as few messages as Telegram's limit allows, a task's group of
    commands never split between two (a blank line between groups)."""
    messages: list[list[str]] = []
    size = 0
    for key in TEACHER_HELP_KEYS:
        group = str(catalog.render(key, lang))
        length = utf16_len(group) + 2  # with the blank line before it
        if not messages or size + length > limit:
            messages.append([])
            size = 0
        messages[-1].append(group)
        size += length
    return [Markup("\n\n".join(groups)) for groups in messages]


def family_commands(catalog: Catalog) -> list[str]:
    """The commands family /help documents."""
    return [c for c, _ in HELP_LINE.findall(catalog.plain("help-family", REFERENCE))]


def family_menu(catalog: Catalog, lang: str) -> list[BotCommand]:
    """A family member's own menu: the commands family /help documents, described there in
    `lang`, then /help. Without it her menu was the students' (/words, /check, /remind...,
    each "for the student's own phone"), and in Simplified for a Hong Kong grandmother
    (Telegram keys its menus by "zh" alone)."""
    found = {c: d.strip()[:256] for c, d in HELP_LINE.findall(catalog.plain("help-family", lang))}
    found.setdefault("help", catalog.plain("command-help", lang))
    return [BotCommand(c, d) for c, d in found.items()]


def student_only_commands(catalog: Catalog) -> list[str]:
    """The student commands family /help does not offer (/check, /words, /remind): a family
    member taps them in a teacher's reply ("ask him to do /check"). /start, /help and /progress
    have a family member's own answer."""
    theirs = {*family_commands(catalog), "start", "help", "progress"}
    return [c for c in STUDENT_COMMANDS if c not in theirs]


# "/reprot Science 7B" or "/reprot@PuenteBot": the command's name, as Telegram allows one
TYPED_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)")


def typed_command(text: str | None) -> str | None:
    """The name of the command a message starts with, or None for anything else."""
    found = TYPED_COMMAND.match(text or "")
    return found[1].lower() if found else None


def closest_command(typed: str, commands: Iterable[str]) -> str | None:
    """The one command a typo most likely meant ("reprot" -> "report", "students" ->
    "student"): one edit away for a short command, two from 6 letters; None when no command
    is that close, or two are equally close (a guess would mislead)."""
    limit = 1 if len(typed) <= 5 else 2
    scored = sorted({(edit_distance(typed, c), c) for c in commands if c != typed})
    if not scored or scored[0][0] > limit:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def menu_languages(catalog: Catalog) -> list[str]:
    """Prompt languages a phone can report: Telegram takes two-letter codes (not hmn)."""
    return sorted(c for c in catalog.languages if len(c) == 2 and c != REFERENCE)


async def set_default_menus(bot: Bot, catalog: Catalog) -> None:
    """The English default menu, then one per prompt language for phones set to it."""
    await bot.set_my_commands(student_commands(catalog, REFERENCE))
    for lang in menu_languages(catalog):
        await bot.set_my_commands(student_commands(catalog, lang), language_code=lang)


# The chat whose menu this update set (in the update's own context): a menu redone for the
# script she reads now is not set twice when the update (her joining, her language) set it
_SET_FOR: ContextVar[int | None] = ContextVar("menu_set_for", default=None)


async def show_menu(bot: Bot, chat_id: int, commands: list[BotCommand]) -> None:
    """Give one private chat its own menu; a failure costs only the menu, never the action."""
    _SET_FOR.set(chat_id)
    try:
        await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))
    except TelegramError as exc:
        log.warning("command menu not set for a chat: %s", exc)


def new_update() -> None:
    """Before each update: no menu set by it yet."""
    _SET_FOR.set(None)


def set_by_this_update(chat_id: int) -> bool:
    """Whether this update set this chat's menu already."""
    return _SET_FOR.get() == chat_id
