"""Shared glue: the user's language, sending prompts, help, the error handler, /deleteme."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import CallbackQuery, InputFile, Update, User
from telegram.constants import ParseMode
from telegram.error import Forbidden, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop, Job, JobQueue

from bot.context import PuenteContext
from bot.domain.errors import PuenteError
from bot.presentation import callbacks, keyboards, views
from bot.presentation.i18n import Markup
from bot.presentation.views import escape
from bot.services import membership, messages, teaching

log = logging.getLogger(__name__)
MAX_INPUT = 1000  # longer messages are answered kindly and never processed


def user_language(context: PuenteContext, user_id: int, phone: str | None = None) -> str:
    """The language to speak to this user: their confirmed choice, else their phone's
    language when we have prompts for it, else English."""
    chosen = membership.chosen_language(context.services.db, user_id)
    if chosen:
        return chosen
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
    await send_long(context, chat.id, text)


async def send_long(context: PuenteContext, chat_id: int, text: str) -> None:
    """Send a message in as many parts as Telegram's 4,096 UTF-16 units need."""
    for part in views.split_message(Markup(text)):
        await context.bot.send_message(chat_id, part, parse_mode=ParseMode.HTML)


async def send_picture(context: PuenteContext, chat_id: int, render: Callable[[], bytes], *,
                       caption: str | None = None, filename: str = "picture.png") -> bool:
    """Send a picture that only adds to an action that already happened (a QR code, a chart):
    if drawing or sending it fails, the action still stands and the user was already told."""
    try:
        png = render()
        await context.bot.send_photo(chat_id, InputFile(png, filename=filename), caption=caption)
    except (TelegramError, ValueError, RuntimeError, OSError) as exc:
        log.warning("a picture was not sent (%s); the action itself succeeded",
                    type(exc).__name__)
        return False
    return True


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
    if user and teaching.is_teacher(context.services.db, user.id):
        await say(update, context, "help-teacher", bilingual=False)
        await say(update, context, "help-teacher-members", bilingual=False)
        await say(update, context, "help-teacher-messages", bilingual=False)
    elif user and messages.is_family_only(context.services.db, user.id):
        await say(update, context, "help-family", bilingual=False)
    else:
        await say(update, context, "help-student")


def user_jobs(job_queue: JobQueue | None, user_id: int) -> list[Job]:
    """Scheduled jobs for one user (job names stay neutral: the user id is only in the data)."""
    if job_queue is None:
        return []
    return [job for job in job_queue.jobs() if job.data == user_id]


def _teacher_plan_text(context: PuenteContext, user_id: int, lang: str) -> str | None:
    """Exactly what /deleteme will do to a teacher's classes, or None for a non-teacher."""
    fates = membership.deletion_plan(context.services.db, user_id)
    if fates is None:
        return None
    render = context.services.catalog.render
    lines = [render("deleteme-class-handed", lang, class_name=escape(f.class_name),
                    name=escape(f.heir_name or "")) if f.heir_id is not None else
             render("deleteme-class-removed", lang, class_name=escape(f.class_name),
                    students=f.students) for f in fates]
    # Rendered line by line and joined here, so no prompt is nested inside another.
    return "\n".join([render("deleteme-confirm-teacher", lang),
                      *(lines or [render("deleteme-no-classes", lang)]),
                      render("deleteme-teacher-kept", lang)])


async def deleteme(update: Update, context: PuenteContext) -> None:
    """Say exactly what will be deleted, then wait for one confirming tap."""
    if update.effective_user is None or update.effective_chat is None:
        return
    lang = user_language(context, update.effective_user.id)
    catalog = context.services.catalog
    text = _teacher_plan_text(context, update.effective_user.id, lang) or \
        catalog.bilingual("deleteme-confirm", lang)
    await context.bot.send_message(
        update.effective_chat.id, text,
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
        was_teacher = teaching.is_teacher(context.services.db, user_id)
        membership.delete_person(context.services.db, user_id)
        for job in user_jobs(context.job_queue, user_id):
            job.schedule_removal()
        done = context.services.catalog.render("deleteme-done-teacher", lang) if was_teacher \
            else context.services.catalog.bilingual("deleteme-done", lang)
        await query.edit_message_text(done)
    else:
        await query.edit_message_text(context.services.catalog.bilingual("deleteme-kept", lang))


async def on_error(update: object, context: PuenteContext) -> None:
    """Log the exception first; then tell the user kindly, in their language."""
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_user:
        membership.blocked(context.services.db, update.effective_user.id,
                           context.services.clock())
        return
    if update is None and isinstance(error, NetworkError):
        # getUpdates failed: the network dropped. Telegram keeps the updates; PTB retries.
        log.warning("Telegram unreachable, retrying: %s", error.message)
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


async def flood_guard(update: Update, context: PuenteContext) -> None:
    """Before every handler: one user's flood is dropped cheaply, so others are not delayed."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    now = s.clock()
    if s.flood_guard.wait(user.id, now):
        raise ApplicationHandlerStop
    if s.flood_guard.hit(user.id, now):
        if update.callback_query:
            await update.callback_query.answer()
        await say(update, context, "slow-down")
        raise ApplicationHandlerStop


async def unknown_button(update: Update, context: PuenteContext) -> None:
    """A button we never made (forged or from an old version): refuse kindly."""
    if update.callback_query:
        await update.callback_query.answer()
    await say(update, context, "check-stale")


async def unknown_command(update: Update, context: PuenteContext) -> None:
    """A command this bot does not have, or a sticker, photo or voice note it cannot read."""
    await say(update, context, "help-short")
