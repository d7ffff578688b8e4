"""Tell each teacher, once, how their push went, counted in students reached."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import Services
from bot.presentation.i18n import Counted
from bot.services import membership
from bot.store import outbox

log = logging.getLogger(__name__)


def report_counts(services: Services, push_id: int) -> dict[str, int]:
    """Students of one push: reached, blocked the bot, not reached after every try."""
    counts = outbox.push_counts(services.db, push_id)
    return {"sent": counts["sent"], "blocked": counts["blocked"], "failed": counts["failed"]}


async def report_finished(bot: Bot, services: Services) -> int:
    """Tell each teacher once when their push is done: reached / blocked / failed."""
    told = 0
    for push_id, teacher_id in outbox.finished_unreported(services.db):
        if not outbox.mark_reported(services.db, push_id, services.clock()):
            continue
        counts = report_counts(services, push_id)
        lang = membership.known_language(services.db, teacher_id) or "en"  # as they pushed
        text = services.catalog.render("push-report", lang, blocked=counts["blocked"],
                                       sent=Counted("count-students", counts["sent"]),
                                       failed=counts["failed"])
        try:
            await bot.send_message(teacher_id, text, parse_mode=ParseMode.HTML)
            told += 1
        except TelegramError as exc:
            log.warning("could not report push %s to its teacher: %s", push_id,
                        type(exc).__name__)
    return told
