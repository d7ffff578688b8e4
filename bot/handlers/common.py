"""Shared glue: the user's language, sending prompts, help, the error handler, /deleteme."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Update, User
from telegram.constants import ParseMode
from telegram.error import Forbidden

from bot import callbacks, keyboards
from bot.context import PuenteContext
from bot.domain.errors import PuenteError
from bot.store import families, people

log = logging.getLogger(__name__)
MAX_INPUT = 1000  # longer messages are answered kindly and never processed


def user_language(context: PuenteContext, user_id: int, phone: str | None = None) -> str:
    """The language to speak to this user: their confirmed choice, else their phone's
    language when we have prompts for it, else English."""
    student = people.get_student(context.services.db, user_id)
    if student and student.language:
        return student.language
    family = families.family_language(context.services.db, user_id)
    if family:
        return family
    code = (phone or "").split("-")[0].lower()
    return code if code in context.services.catalog.languages else "en"


async def say(update: Update, context: PuenteContext, key: str, *, bilingual: bool = True,
              **params: object) -> None:
    """Reply with one prompt in the user's language (and English)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    catalog = context.services.catalog
    text = catalog.bilingual(key, lang, **params) if bilingual else \
        catalog.render(key, lang, **params)
    await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML)


async def tapped(update: Update) -> tuple[CallbackQuery, User, callbacks.Callback] | None:
    """Acknowledge a button tap and parse its data (data we never sent raises)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return None
    await query.answer()
    return query, user, callbacks.parse(query.data)


async def help_command(update: Update, context: PuenteContext) -> None:
    """Explain what the bot can do."""
    user = update.effective_user
    if user and people.is_teacher(context.services.db, user.id):
        await say(update, context, "help-teacher", bilingual=False)
    else:
        await say(update, context, "help-student")


async def deleteme(update: Update, context: PuenteContext) -> None:
    """Ask for one confirming tap before deleting everything about the student."""
    if update.effective_user is None or update.effective_chat is None:
        return
    lang = user_language(context, update.effective_user.id)
    catalog = context.services.catalog
    await context.bot.send_message(
        update.effective_chat.id, catalog.bilingual("deleteme-confirm", lang),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.confirm_delete(catalog.render("button-delete", lang),
                                              catalog.render("button-keep", lang)))


async def deleteme_button(update: Update, context: PuenteContext) -> None:
    """Delete the student's data after the confirming tap."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    choice, user_id = cb.args, user.id
    lang = user_language(context, user_id)
    if choice == ("yes",):
        people.delete_user(context.services.db, user_id)
        for job in context.job_queue.get_jobs_by_name(f"remind:{user_id}") \
                if context.job_queue else ():
            job.schedule_removal()
        await query.edit_message_text(context.services.catalog.bilingual("deleteme-done", lang))
    else:
        await query.edit_message_text(context.services.catalog.bilingual("deleteme-kept", lang))


async def on_error(update: object, context: PuenteContext) -> None:
    """Log the exception first; then tell the user kindly, in their language."""
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_user:
        people.mark_blocked(context.services.db, update.effective_user.id,
                            context.services.clock())
        return
    if not isinstance(error, PuenteError):
        log.error("update %s failed", getattr(update, "update_id", "?"), exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    key = error.prompt_key if isinstance(error, PuenteError) else "error-generic"
    params = error.params if isinstance(error, PuenteError) else {}
    if update.callback_query:
        await update.callback_query.answer()
    try:
        await say(update, context, key, **params)
    except (Forbidden, KeyError, IndexError):
        log.warning("could not explain %s to the user", key)


async def unknown_button(update: Update, context: PuenteContext) -> None:
    """A button we never made (forged or from an old version): refuse kindly."""
    if update.callback_query:
        await update.callback_query.answer()
    await say(update, context, "check-stale")


async def unknown_command(update: Update, context: PuenteContext) -> None:
    """A command this bot does not have, or a sticker, photo or voice note it cannot read."""
    await say(update, context, "help-short")
