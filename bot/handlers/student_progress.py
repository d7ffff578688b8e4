"""A student's /progress: their words by state, the streak and what to do next, with a chart."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import send_long, send_picture
from bot.context import PuenteContext
from bot.presentation import progress_views, views
from bot.presentation.charts import progress_chart
from bot.services import learners
from bot.services import progress as progress_service


async def progress(update: Update, context: PuenteContext) -> None:
    """Show the words by state, the streak and what to do next (levels 1-2: three short
    lines), else also reviews due and a small chart."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    who = learners.learner(s.db, user.id)
    report = progress_service.progress(s.db, user.id, s.clock(), s.config.school.timezone,
                                       s.config.school.holidays)
    caption = progress_views.progress_text(report, who.language, s.catalog)
    if report.short:  # a newcomer reads three lines, not a chart and seven numbers
        await send_long(context, chat.id, caption)
        return
    png = progress_chart(report, s.catalog, who.language)
    if png is None:  # the chart font cannot draw this language: text bars in it instead
        bars = progress_views.progress_bars(report, who.language, s.catalog)
        await context.bot.send_message(chat.id, views.join_lines([caption, bars]),
                                       parse_mode=ParseMode.HTML)
        return
    if not await send_picture(context, chat.id, lambda: png,
                              caption=views.cut(caption, views.CAPTION_LIMIT),
                              filename="progress.png"):
        await send_long(context, chat.id, caption)  # the numbers matter more than the chart


def register(app: Application) -> None:
    """Add /progress (after the family members' own /progress)."""
    # Each handler is named for its command: /progress is `progress`.
    app.add_handler(CommandHandler(progress.__name__, progress, filters=PRIVATE))
