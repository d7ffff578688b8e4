"""The composition root: build the python-telegram-bot Application with handlers and jobs."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import callbacks
from bot.context import BotData, PuenteContext, Services
from bot.delivery import deliver_pending, report_finished
from bot.domain.language import preload_detection
from bot.handlers import common, family, reminders, student, teacher
from bot.services.packs import install_packs, load_packs

log = logging.getLogger(__name__)
OFFLINE_TOKEN = "123456:OFFLINE-demo-token"  # the offline Bot API accepts any well-formed token

STUDENT_COMMANDS = ("start", "words", "check", "progress", "language", "remind", "deleteme",
                    "help")
TEACHER_COMMANDS = {"teach": teacher.teach, "invite": teacher.invite,
                    "newclass": teacher.newclass, "classes": teacher.classes,
                    "roster": teacher.roster, "revoke": teacher.revoke, "level": teacher.level,
                    "packs": teacher.packs, "push": teacher.push, "report": teacher.report,
                    "student": teacher.student, "family": teacher.family_link,
                    "newpack": teacher.newpack}
DELIVERY_EVERY = timedelta(seconds=5)


def build_application(services: Services, request: BaseRequest | None = None
                      ) -> Application:
    """Wire handlers, jobs and services into an Application (offline when `request` is given)."""
    tg = services.config.telegram
    builder = (ApplicationBuilder()
               .token(tg.token or OFFLINE_TOKEN)
               .base_url(tg.base_url)
               .base_file_url(tg.base_file_url)
               .context_types(ContextTypes(context=PuenteContext, bot_data=BotData))
               .rate_limiter(AIORateLimiter(max_retries=0))
               .post_init(_post_init))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    app.bot_data.services = services
    _add_handlers(app)
    return app


def _add_handlers(app: Application) -> None:
    private = filters.ChatType.PRIVATE
    add = app.add_handler
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
    result = load_packs()
    install_packs(services.db, result.packs, services.clock())
    for problem in result.problems:
        log.warning("pack skipped: %s", problem)
    await app.bot.set_my_commands([BotCommand(c, services.catalog.render(f"command-{c}", "en"))
                                   for c in STUDENT_COMMANDS])
    reminders.schedule_all(app)
    preload_detection()  # load language profiles now, not on a student's first message
    if app.job_queue is not None:
        app.job_queue.run_repeating(_deliver, DELIVERY_EVERY, first=1, name="delivery")
        school = services.config.school
        weekday = (school.family_update_day + 1) % 7  # the job queue counts from Sunday
        app.job_queue.run_daily(family.weekly_job, school.family_update_time.replace(
            tzinfo=school.timezone), days=(weekday,), name="family-updates")


async def _deliver(context: PuenteContext) -> None:
    """Job: resume the outbox (pushes survive restarts) and report finished pushes."""
    await deliver_pending(context.bot, context.services)
    await report_finished(context.bot, context.services)


def run(services: Services) -> None:
    """Run the bot for real: long polling, or a webhook when configured."""
    app = build_application(services)
    tg = services.config.telegram
    if tg.mode == "webhook":
        app.run_webhook(listen=tg.webhook.listen, port=tg.webhook.port,
                        url_path=tg.webhook.url_path, webhook_url=tg.webhook.url,
                        secret_token=tg.webhook.secret_token or None,
                        allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
