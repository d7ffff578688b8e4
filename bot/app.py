"""The composition root: build the python-telegram-bot Application with handlers and jobs."""

from __future__ import annotations

import asyncio
import logging
import warnings
from datetime import time

import httpx
from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    PollAnswerHandler,
)
from telegram.request import BaseRequest, HTTPXRequest
from telegram.warnings import PTBUserWarning

from bot.chat import alerts
from bot.context import BotData, PuenteContext, Services
from bot.delivery import Deliverer, DeliveryPolicy, PacedRateLimiter, Pacer
from bot.delivery.reachability import Reachability, WatchedRequest
from bot.delivery.scripted_bot import ScriptedBot
from bot.domain.language import preload_detection
from bot.handlers import (
    audio,
    everyone,
    family,
    messages,
    reminders,
    student,
    student_cards,
    student_checks,
    student_progress,
    student_tiles,
    teacher,
    teacher_announcements,
    teacher_coteach,
    teacher_days_off,
    teacher_excused,
    teacher_families,
    teacher_language,
    teacher_packs,
    teacher_pushes,
    teacher_recordings,
    teacher_reports,
)
from bot.handlers.ordering import PerUserOrder
from bot.presentation import han_script, menus
from bot.services import overrules, recordings
from bot.services.membership import purge_old
from bot.services.packs import install_shipped_packs

log = logging.getLogger(__name__)
PURGE_AT = time(3, 30)  # school time, when nobody is studying
OFFLINE_TOKEN = "123456:OFFLINE-demo-token"  # the offline Bot API accepts any well-formed token

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
    sends, polls = (request, request) if request is not None else _telegram_requests()
    # Chinese leaves in each reader's script (Traditional for whoever reads it)
    bot = ScriptedBot(tg.token or OFFLINE_TOKEN, base_url=tg.base_url,
                      base_file_url=tg.base_file_url, request=sends, get_updates_request=polls,
                      # Every message is Telegram HTML; the catalogue escapes every typed value
                      defaults=Defaults(parse_mode=ParseMode.HTML),
                      rate_limiter=PacedRateLimiter(pacer), script_of=services.scripts.script)
    app = (ApplicationBuilder()
           .bot(bot)
           .context_types(ContextTypes(context=PuenteContext, bot_data=BotData))
           .concurrent_updates(PerUserOrder())
           .post_init(_post_init)
           .post_stop(_post_stop)
           .post_shutdown(_post_shutdown)
           .build())
    # A graded tap's edit goes through the public do_api_request (bot/chat/replies.py), which
    # advises the typed method for any method it knows: taken knowingly.
    warnings.filterwarnings("ignore", category=PTBUserWarning,
                            message=r"Please use 'Bot\.editMessageText'")
    app.bot_data.services = services
    app.bot_data.deliverer = Deliverer(app.bot, services, pacer, policy)
    _add_handlers(app)
    return app


def _telegram_requests() -> tuple[HTTPXRequest, HTTPXRequest]:
    """python-telegram-bot's default HTTP clients (sends; getUpdates) with one TLS context,
    both watched for the end of an outage (logged once, with its length).

    Each client would read certifi's CA bundle for itself: 30-70 ms of every start-up, twice.
    """
    tls = {"verify": httpx.create_ssl_context()}
    seen = Reachability()
    return (WatchedRequest(seen, httpx_kwargs=tls),
            WatchedRequest(seen, connection_pool_size=1, httpx_kwargs=tls))


def _add_handlers(app: Application) -> None:
    # Within a group the first handler that matches takes the update, so the order is:
    # family first (it takes over /start with a family link, and a family member's /start and
    # /language, from the students'), then a teacher's /language; messages next (a teacher's
    # reply and the text after /ask are not answers to a check); then each audience's own
    # commands and the students' free text; everyone's catch-alls last (they take whatever
    # nobody else took). A student's checks come before their other modules: an answer tap,
    # what a whole class sends at once, walks fewer button handlers before its own (the 🔊
    # buttons, a family's too, come after them).
    for module in (family, teacher_language, messages, student_checks, student_tiles, audio,
                   student,
                   student_cards, student_progress, teacher, teacher_coteach, teacher_reports,
                   teacher_packs, teacher_families, teacher_announcements, teacher_days_off,
                   teacher_excused, teacher_recordings, teacher_pushes, reminders, everyone):
        module.register(app)
    _taps_first(app)


def _taps_first(app: Application) -> None:
    """Put the button handlers before the commands and text handlers, each kind in its order.

    A tap is what a whole class sends at once, and it walked some 25 command and text
    handlers that can never take one before reaching its own. The order between kinds decides
    nothing: a CommandHandler or MessageHandler takes only messages, a PollAnswerHandler only
    poll answers, a ChatMemberHandler only (un)blockings, and a CallbackQueryHandler only
    taps. Any other kind of handler might see a tap, so with one in the group the order stays
    as registered.
    """
    group = list(app.handlers.get(0, []))
    never_a_tap = (CommandHandler, MessageHandler, PollAnswerHandler, ChatMemberHandler)
    if not all(isinstance(h, (CallbackQueryHandler, *never_a_tap)) for h in group):
        return
    for handler in group:
        app.remove_handler(handler)
    for handler in sorted(group, key=_tap_order):
        app.add_handler(handler)  # sorted() is stable: each kind keeps its registered order


def _tap_order(handler: object) -> tuple[bool, bool]:
    """Button handlers first, and among them a graded answer's (its data starts "an:" or
    "dk:", which no other button handler's pattern takes): a check's taps, what a class sends
    at once, then match their handler first instead of after seven family, language and
    message buttons' patterns. The other handlers keep their registered order."""
    answer = isinstance(handler, CallbackQueryHandler) \
        and getattr(handler.callback, "__name__", "") == "answer_button"
    return not isinstance(handler, CallbackQueryHandler), not answer


async def _post_init(app: Application) -> None:
    """Load shipped packs, register the command menu, rebuild reminder jobs from the store."""
    services: Services = app.bot_data.services
    result = install_shipped_packs(services.db, services.clock(),
                                   extra_dirs=services.config.packs.extra_dirs)
    for problem in result.problems if result else ():
        log.warning("pack skipped: %s", problem)
    overrules.load_accepted(services.db)  # read here, not on a student's answer
    recordings.load(services.db)  # likewise: a question offers a teacher's recording
    reminders.schedule_all(app)
    if not app.bot_data.deliver_in_background:  # tests and the demo drive the deliverer
        await menus.set_default_menus(app.bot, services.catalog)
        asyncio.get_running_loop().run_in_executor(None, preload_detection)
    elif app.job_queue is not None:
        # The job queue starts once polling (or the webhook) has: start-up is what a restart
        # costs every student, and this work, done here, held up the first getUpdates.
        app.job_queue.run_once(_once_started, 0, name="start-up")
    else:
        _start_background(app)
    if app.job_queue is not None:
        school = services.config.school
        weekday = (school.family_update_day + 1) % 7  # the job queue counts from Sunday
        app.job_queue.run_daily(family.weekly_job, school.family_update_time.replace(
            tzinfo=school.timezone), days=(weekday,), name="family-updates")
        app.job_queue.run_daily(purge_job, PURGE_AT.replace(tzinfo=school.timezone),
                                name="retention")
        # a student who never ends a check still gets her teachers' "keeps missing" alert
        app.job_queue.run_daily(alerts.stuck_alerts_job, school.reminder_time.replace(
            tzinfo=school.timezone), name="teacher-alerts")


_BACKGROUND: set[asyncio.Task[None]] = set()


async def _once_started(context: PuenteContext) -> None:
    """Job, as soon as `puente run` polls or listens: start the background work."""
    _start_background(context.application)


def _start_background(app: Application) -> None:
    """Start the command menus (13 round trips to Telegram), the language profiles (about a
    second, in a thread, rather than on a student's first message) and the deliverer."""
    task = asyncio.get_running_loop().create_task(_set_menus(app))
    _BACKGROUND.add(task)
    task.add_done_callback(_BACKGROUND.discard)
    asyncio.get_running_loop().run_in_executor(None, preload_detection)
    if app.bot_data.services is not None:  # Traditional Chinese, for the readers stored
        asyncio.get_running_loop().run_in_executor(
            None, han_script.preload, app.bot_data.services.scripts.in_use())
    if app.bot_data.deliverer is not None:
        app.bot_data.deliverer.start()


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
    log.info("retention: %d answers, %d check items, %d messages deleted; %d students in no "
             "class erased; %d typed misses' text erased; %d sent messages' text emptied",
             purged.attempts, purged.check_items, purged.messages, purged.students,
             purged.typed, purged.texts)


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
