"""Deliver the outbox: rate-limited, resumable pushes that survive a crash or a restart.

Each row is marked sent right after Telegram accepts it, so a new process resumes with the
first unsent message and never repeats one Telegram confirmed. A user who blocked the bot is
marked and skipped; RetryAfter pauses everything for as long as Telegram asks.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot import callbacks, views
from bot.context import Services
from bot.domain.checks import WordRef
from bot.services import study
from bot.services.glosses import complete_glosses
from bot.services.pushes import PushPlan, next_allowed
from bot.store import outbox, people

log = logging.getLogger(__name__)
MAX_TRIES = 3
Sleep = Callable[[float], Awaitable[Any]]


@dataclass(frozen=True)
class Delivered:
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    interrupted: bool = False


def enqueue_push(services: Services, teacher_id: int, plan: PushPlan) -> tuple[int, int]:
    """Write the push and one outbox row per message, per student, in one transaction."""
    db, catalog, now = services.db, services.catalog, services.clock()
    refs = [WordRef(w.id, w.word) for w in plan.words]
    students = [s for s in people.class_students(db, plan.class_info.id) if not s.blocked]
    with db.atomic():
        push_id = outbox.create_push(db, plan.class_info.id, teacher_id, plan.pack_id,
                                     [r.id for r in refs], plan.send_at, now)
        for student in students:
            who = study.learner(db, student.id)
            study.introduce(db, who, plan.words, now)
            own = complete_glosses(db, refs, who.language)  # memory only: no engine call here
            messages = views.preview_messages(own, who.language, who.scaffold, catalog)
            offer = [[catalog.render("button-check", who.language),
                      callbacks.data(callbacks.CHECK)]]
            for index, text in enumerate(messages):
                last = index == len(messages) - 1
                payload = {"text": text, "buttons": offer if last else []}
                outbox.enqueue(db, push_id, student.id, "preview", payload, plan.send_at, now)
    return push_id, len(students)


def _markup(buttons: list[list[str]]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in buttons]])


async def deliver_pending(bot: Bot, services: Services, sleep: Sleep = asyncio.sleep,
                          batch: int = 100) -> Delivered:
    """Send every due outbox row; return counts. Safe to call again at any time."""
    db = services.db
    sent = blocked = failed = 0
    while True:
        now = services.clock()
        rows = outbox.due(db, now, batch)
        if not rows:
            return Delivered(sent, blocked, failed)
        for row in rows:
            allowed = next_allowed(now, services.config.school)
            if row.kind != "preview" and allowed > now:
                outbox.postpone(db, row.id, allowed)  # family updates wait out quiet hours
                continue
            try:
                await bot.send_message(row.chat_id, row.payload["text"],
                                       parse_mode=ParseMode.HTML,
                                       reply_markup=_markup(row.payload.get("buttons", [])))
            except RetryAfter as exc:
                with warnings.catch_warnings():  # int today, timedelta in a later release
                    warnings.simplefilter("ignore", PTBDeprecationWarning)
                    wait = exc.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                log.info("Telegram asked us to wait %.0f s", seconds)
                await sleep(seconds)
                break  # re-read the due rows: this one is still pending
            except Forbidden as exc:
                blocked += outbox.mark_blocked(db, row.chat_id, str(exc))
                people.mark_blocked(db, row.chat_id, services.clock())
                continue
            except BadRequest as exc:
                outbox.retry_later(db, row.id, str(exc), services.clock(), 1)
                failed += 1
                continue
            except NetworkError:
                log.warning("network error; delivery resumes with outbox row %s", row.id)
                return Delivered(sent, blocked, failed, interrupted=True)
            except TelegramError as exc:
                later = services.clock() + timedelta(minutes=1)
                outbox.retry_later(db, row.id, str(exc), later, MAX_TRIES)
                failed += int(row.tries + 1 >= MAX_TRIES)
                continue
            outbox.mark_sent(db, row.id, services.clock())
            sent += 1


def report_counts(services: Services, push_id: int) -> dict[str, int]:
    counts = outbox.push_counts(services.db, push_id)
    return {"sent": counts["sent"], "blocked": counts["blocked"], "failed": counts["failed"]}


async def report_finished(bot: Bot, services: Services) -> int:
    """Tell each teacher once when their push is done: sent / blocked / failed."""
    told = 0
    for push_id, teacher_id in outbox.finished_unreported(services.db):
        if not outbox.mark_reported(services.db, push_id, services.clock()):
            continue
        text = services.catalog.render("push-report", "en", **report_counts(services, push_id))
        try:
            await bot.send_message(teacher_id, text, parse_mode=ParseMode.HTML)
            told += 1
        except TelegramError as exc:
            log.warning("could not report push %s to its teacher: %s", push_id, exc)
    return told
