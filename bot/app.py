"""The composition root: build the python-telegram-bot Application with handlers and jobs."""

from __future__ import annotations

import asyncio
import logging
from datetime import time

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    PollAnswerHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.context import BotData, PuenteContext, Services
from bot.delivery import Deliverer, DeliveryPolicy, PacedRateLimiter, Pacer
from bot.domain.language import preload_detection
from bot.handlers import audio, common, family, messages, reminders, student, teacher
from bot.handlers.ordering import PerUserOrder
from bot.presentation import callbacks, menus
from bot.services.membership import purge_old
from bot.services.packs import install_shipped_packs

log = logging.getLogger(__name__)
PURGE_AT = time(3, 30)  # school time, when nobody is studying
OFFLINE_TOKEN = "123456:OFFLINE-demo-token"  # the offline Bot API accepts any well-formed token

TEACHER_COMMANDS = {"teach": teacher.teach, "invite": teacher.invite,
                    "newclass": teacher.newclass, "classes": teacher.classes,
                    "roster": teacher.roster, "revoke": teacher.revoke, "level": teacher.level,
                    "packs": teacher.packs, "push": teacher.push, "report": teacher.report,
                    "student": teacher.student, "family": teacher.family_link,
                    "newpack": teacher.newpack, "remove": teacher.remove,
                    "families": teacher.families, "coteach": teacher.coteach,
                    "gloss": teacher.gloss}


def build_application(services: Services, request: BaseRequest | None = None, *,
                      pacer: Pacer | None = None, policy: DeliveryPolicy | None = None
                      ) -> Application:
    """Wire handlers, jobs and services into an Application (offline when `request` is given).

    Offline (tests, the demo) nothing limits the rate, so pacing defaults to none there.
    """
    tg = services.config.telegram
    offline = request is not None
    pacer = pacer or (Pacer(rate=1e6) if offline else Pacer())
    policy = policy or (DeliveryPolicy(chat_gap=0.0) if offline else DeliveryPolicy())
    builder = (ApplicationBuilder()
               .token(tg.token or OFFLINE_TOKEN)
               .base_url(tg.base_url)
               .base_file_url(tg.base_file_url)
               .context_types(ContextTypes(context=PuenteContext, bot_data=BotData))
               # Every message is Telegram HTML; the catalogue escapes every value a person typed
               .defaults(Defaults(parse_mode=ParseMode.HTML))
               .rate_limiter(PacedRateLimiter(pacer))
               .concurrent_updates(PerUserOrder())
               .post_init(_post_init)
               .post_stop(_post_stop)
               .post_shutdown(_post_shutdown))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    app.bot_data.services = services
    app.bot_data.deliverer = Deliverer(app.bot, services, pacer, policy)
    _add_handlers(app)
    return app


def _add_handlers(app: Application) -> None:
    # New messages only: an edited "/push" must never push again (edits arrive as updates).
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    add = app.add_handler
    add(TypeHandler(Update, common.flood_guard), group=-1)
    add(CommandHandler("start", student.start, filters=private))
    add(CommandHandler("words", student.words_command, filters=private))
    add(CommandHandler("check", student.check_command, filters=private))
    add(CommandHandler("progress", student.progress_command, filters=private))
    add(CommandHandler("language", student.language_command, filters=private))
    add(CommandHandler("remind", reminders.remind_command, filters=private))
    add(CommandHandler("deleteme", common.deleteme, filters=private))
    add(CommandHandler("help", common.help_command, filters=private))
    for name, callback in TEACHER_COMMANDS.items():
        add(CommandHandler(name, callback, filters=private))
    add(CommandHandler("stop", family.stop, filters=private))
    add(CommandHandler("now", family.now_command, filters=private))
    add(CallbackQueryHandler(student.language_button,
                             pattern=rf"^({callbacks.LANGUAGE}|{callbacks.LANG_MENU})(:|$)"))
    add(CallbackQueryHandler(student.placement_button, pattern=rf"^{callbacks.PLACEMENT}:"))
    add(CallbackQueryHandler(student.answer_button, pattern=rf"^{callbacks.ANSWER}:"))
    add(CallbackQueryHandler(student.flip_button, pattern=rf"^{callbacks.FLIP}$"))
    add(CallbackQueryHandler(student.check_command, pattern=rf"^{callbacks.CHECK}$"))
    add(CallbackQueryHandler(common.deleteme_button, pattern=rf"^{callbacks.DELETE}:"))
    add(CallbackQueryHandler(family.language_button, pattern=rf"^{callbacks.FAMILY_LANG}:"))
    add(CallbackQueryHandler(teacher.remove_button, pattern=rf"^{callbacks.REMOVE}:"))
    add(CallbackQueryHandler(teacher.unlink_button, pattern=rf"^{callbacks.UNLINK}:"))
    audio.register(app)
    messages.register(app)  # before the catch-alls: /ask, replies, families' texts
    add(CallbackQueryHandler(common.unknown_button))
    add(PollAnswerHandler(student.poll_answer))
    add(MessageHandler(filters.TEXT & ~filters.COMMAND & private, student.text_message))
    add(MessageHandler(filters.Document.ALL & private, teacher.pack_file))
    add(MessageHandler(filters.COMMAND & private, common.unknown_command))
    add(MessageHandler(private & ~filters.StatusUpdate.ALL, common.unknown_command))
    app.add_error_handler(common.on_error)


async def _post_init(app: Application) -> None:
    """Load shipped packs, register the command menu, rebuild reminder jobs from the store."""
    services: Services = app.bot_data.services
    result = install_shipped_packs(services.db, services.clock())
    for problem in result.problems if result else ():
        log.warning("pack skipped: %s", problem)
    if app.bot_data.deliver_in_background:
        # 13 setMyCommands calls are round trips to Telegram: make them beside the first
        # getUpdates, not before it (start-up is what a restart costs every student).
        task = asyncio.get_running_loop().create_task(_set_menus(app))
        _BACKGROUND.add(task)
        task.add_done_callback(_BACKGROUND.discard)
    else:
        await menus.set_default_menus(app.bot, services.catalog)
    reminders.schedule_all(app)
    # Language profiles take about a second to read: load them beside the first getUpdates,
    # not before it, and not on a student's first message.
    asyncio.get_running_loop().run_in_executor(None, preload_detection)
    if app.bot_data.deliver_in_background and app.bot_data.deliverer is not None:
        app.bot_data.deliverer.start()
    if app.job_queue is not None:
        school = services.config.school
        weekday = (school.family_update_day + 1) % 7  # the job queue counts from Sunday
        app.job_queue.run_daily(family.weekly_job, school.family_update_time.replace(
            tzinfo=school.timezone), days=(weekday,), name="family-updates")
        app.job_queue.run_daily(purge_job, PURGE_AT.replace(tzinfo=school.timezone),
                                name="retention")


_BACKGROUND: set[asyncio.Task[None]] = set()


async def _set_menus(app: Application) -> None:
    """Register the command menus; a failure costs only the menus, never the start."""
    try:
        await menus.set_default_menus(app.bot, app.bot_data.services.catalog)
    except TelegramError as exc:
        log.warning("command menus not set: %s", type(exc).__name__)


async def purge_job(context: PuenteContext) -> None:
    """Job: delete answers and finished messages older than the retention limit."""
    s = context.services
    purged = purge_old(s.db, s.config, s.clock())
    log.info("retention: %d answers, %d check items, %d messages deleted",
             purged.attempts, purged.check_items, purged.messages)


async def _post_stop(app: Application) -> None:
    """Let the deliverer finish the sends in flight before the bot closes."""
    if app.bot_data.deliverer is not None:
        await app.bot_data.deliverer.stop()


async def _post_shutdown(app: Application) -> None:
    """Close the store once nothing can use it (run_polling and run_webhook call this last)."""
    app.bot_data.services.db.close()


def run(services: Services) -> None:
    """Run the bot for real: long polling, or a webhook when configured."""
    app = build_application(services)
    app.bot_data.deliver_in_background = True
    tg = services.config.telegram
    if tg.mode == "webhook":
        app.run_webhook(listen=tg.webhook.listen, port=tg.webhook.port,
                        url_path=tg.webhook.url_path, webhook_url=tg.webhook.url,
                        secret_token=tg.webhook.secret_token or None,
                        allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
