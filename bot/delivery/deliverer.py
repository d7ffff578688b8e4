"""Deliver the outbox in the background: leased rows, even pacing, no chat holding up another.

Exactly-once by construction, except one documented window. A row is leased to one deliverer
(owner + expiry) in a single UPDATE before it is sent, so no two sends of a row can overlap,
whoever triggers delivery and however many passes run. It is marked sent right after Telegram
answers. If the process dies after Telegram accepted a message and before the mark (about a
millisecond per message), or the connection drops after Telegram received it, that one message
is sent again after the restart: delivery is at-least-once in that window and exactly-once
everywhere else. `interrupted_sends` counts the rows in that state.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.context import Services
from bot.delivery.pacing import BULK, Pacer, retry_seconds
from bot.delivery.reports import report_finished, unlinked_note, voice_refused_note
from bot.presentation.views import CAPTION_LIMIT, plain_text, utf16_len
from bot.services import daily_alerts, learners, previews, teacher_answers
from bot.services.pushes import next_allowed
from bot.store import erase, outbox, people, threads

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryPolicy:
    """How hard to try and how gently to pace; the defaults follow Telegram's limits."""

    concurrency: int = 6            # sends in flight at once (hides API latency)
    chat_gap: float = 1.05          # seconds between two outbox messages to one chat
    lease: timedelta = timedelta(seconds=60)
    max_tries: int = 6              # then the row is failed and the teacher is told
    first_backoff: float = 15.0     # seconds; doubles with each failed try, capped below
    max_backoff: float = 600.0
    idle: float = 2.0               # how often the background loop looks for due rows


@dataclass
class Delivered:
    """What one delivery pass did, in messages."""

    sent: int = 0
    blocked: int = 0
    failed: int = 0
    retried: int = 0
    unlinked: int = 0  # not sent: its family member was unlinked from the child since
    dropped: int = 0   # not sent: an alert about a student no longer the teacher's
    errors: list[str] = field(default_factory=list)


def _markup(payload: dict[str, Any]) -> InlineKeyboardMarkup | None:
    """The payload's keyboard: "rows" of [label, data], or (rows queued before there were
    rows) one row of "buttons"."""
    rows = payload.get("rows") or ([payload["buttons"]] if payload.get("buttons") else [])
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in row] for row in rows])


class Deliverer:
    """The one sender of outbox rows in this process."""

    def __init__(self, bot: Bot, services: Services, pacer: Pacer,
                 policy: DeliveryPolicy | None = None) -> None:
        self.bot, self.services, self.pacer = bot, services, pacer
        self.policy = policy or DeliveryPolicy()
        self.owner = uuid.uuid4().hex[:12]
        self._pass_lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._cooling_for: float | None = None
        self._quiet_until = 0.0
        self._text_left_in_log = False  # a delivered text emptied, not yet checkpointed out

    def wake(self) -> None:
        """Ask the background loop to look at the outbox now (e.g. after a push)."""
        self._wake.set()

    def start(self) -> None:
        """Run in the background until stop(); leases of a previous run are freed first."""
        freed = outbox.release_leases(self.services.db)
        if freed:
            log.warning("%d outbox message(s) were being sent when Puente stopped; they go out "
                        "again now (the at-least-once window)", freed)
        self._task = asyncio.create_task(self._loop(), name="puente-delivery")

    async def stop(self, grace: float = 10.0) -> None:
        """Let sends in flight finish (so none is left half-known), then end the loop."""
        self._stopping = True
        self._wake.set()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(self._task, grace)
        except TimeoutError:
            log.warning("delivery did not stop within %.0f s; leases expire by themselves",
                        grace)

    async def _loop(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                await self.deliver_due()
                await report_finished(self.bot, self.services)
            except (TelegramError, OSError) as exc:  # the store or network: try again later
                log.warning("delivery pass stopped: %s", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.policy.idle)

    async def deliver_due(self) -> Delivered:
        """Send every due row, several at once, until none is left; return the counts."""
        async with self._pass_lock:
            tally = Delivered()
            tasks: set[asyncio.Task[None]] = set()
            busy: set[int] = set()
            while not self._stopping or tasks:
                room = self.policy.concurrency - len(tasks)
                rows = [] if self._stopping else self._claim(room, busy)
                for row in rows:
                    busy.add(row.chat_id)
                    tasks.add(asyncio.create_task(self._send(row, tally, busy)))
                if tasks:
                    _, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                    continue
                if self._cooling_for is None:
                    break
                await asyncio.sleep(self._cooling_for)
            if self._text_left_in_log:  # once a pass, not once a message: a busy hour's
                # relays cost one checkpoint (measured: ~20 ms, even for a 4 MB log); a reader
                # holding it back fails it at once and leaves it to the next pass (each idle
                # tick runs one)
                self._text_left_in_log = not erase.flush_deleted(self.services.db, wait=False)
            return tally

    def _claim(self, room: int, busy: set[int]) -> list[outbox.OutboxRow]:
        self._cooling_for = None
        if room <= 0:
            return []
        loop_now = asyncio.get_running_loop().time()
        if loop_now < self._quiet_until:
            self._cooling_for = self._quiet_until - loop_now
            return []
        db, now = self.services.db, self.services.clock()
        chosen: dict[int, int] = {}  # row id -> chat id, one row per chat
        for row_id, chat_id in outbox.claimable(db, now, room + len(busy) + 100):
            if chat_id in busy or chat_id in chosen.values():
                continue
            wait = self.pacer.chat_free_in(chat_id, self.policy.chat_gap)
            if wait > 0:
                self._cooling_for = min(self._cooling_for or wait, wait)
                continue
            chosen[row_id] = chat_id
            if len(chosen) == room:
                break
        return outbox.claim(db, list(chosen), self.owner, now, now + self.policy.lease)

    async def _send(self, row: outbox.OutboxRow, tally: Delivered, busy: set[int]) -> None:
        try:
            await self._send_row(row, tally)
        finally:
            busy.discard(row.chat_id)

    async def _send_payload(self, row: outbox.OutboxRow) -> tuple[Message, bool]:
        """Send the row's text; with a teacher's recorded voice note ("voice", a ready-made
        reply) the note goes with the text as its caption, one message; a text too long for
        a caption goes first and the note after it. A note Telegram refuses (the reader's
        privacy settings refuse voice notes, a lost file) leaves the text as it went before;
        the second value says so (the teacher was told "sent as a voice note")."""
        text, markup, voice = row.payload["text"], _markup(row.payload), row.payload.get("voice")
        fits = bool(voice) and utf16_len(plain_text(text)) <= CAPTION_LIMIT
        if fits:
            try:
                return await self.bot.send_voice(row.chat_id, voice, caption=text,
                                                 parse_mode=ParseMode.HTML,
                                                 reply_markup=markup,
                                                 rate_limit_args=BULK), False
            except BadRequest as exc:
                log.info("outbox row %s: its voice note was refused (%s); the text goes",
                         row.id, exc.message)
        sent = await self.bot.send_message(row.chat_id, text, parse_mode=ParseMode.HTML,
                                           reply_markup=markup, rate_limit_args=BULK)
        if not voice:
            return sent, False
        if fits:
            return sent, True
        try:  # the text went: a note that fails now must not send it again
            await self.bot.send_voice(row.chat_id, voice, rate_limit_args=BULK)
        except TelegramError as exc:
            log.info("outbox row %s: its voice note was refused (%s)", row.id, exc.message)
            return sent, True
        return sent, False

    async def _send_row(self, row: outbox.OutboxRow, tally: Delivered) -> None:
        db, clock, policy = self.services.db, self.services.clock, self.policy
        gone = teacher_answers.unlinked_reader(db, row.chat_id, row.kind, row.payload)
        if gone is not None:  # before quiet hours: the teacher hears of it at the next pass
            if teacher_answers.drop_unlinked(db, row.id, gone, unlinked_note(self.services, gone),
                                             clock()):
                tally.unlinked += 1
                self.wake()  # the note to the teacher is due now
            return
        if daily_alerts.about_former_student(db, row.chat_id, row.kind, row.payload):
            tally.dropped += int(outbox.drop_unsent(db, row.id))  # nothing kept of it
            return
        allowed = next_allowed(clock(), self.services.config.school)
        # family updates wait out quiet hours, unless their reader is up writing to Puente
        if row.kind != "preview" and allowed > clock() and not row.payload.get(outbox.AWAKE):
            outbox.postpone(db, row.id, allowed)
            return
        try:
            sent, voice_refused = await self._send_payload(row)
        except RetryAfter as exc:  # the pacer already waited and retried: give the row back
            seconds = retry_seconds(exc)
            outbox.release(db, row.id, self.owner, clock() + timedelta(seconds=seconds))
            tally.retried += 1
        except Forbidden as exc:
            tally.blocked += outbox.mark_blocked(db, row.chat_id, str(exc))
            people.mark_blocked(db, row.chat_id, clock())
        except BadRequest as exc:  # Telegram refused this message: trying again won't help
            log.warning("outbox row %s refused by Telegram: %s", row.id, exc.message)
            outbox.retry_later(db, row.id, exc.message, clock(), 1)
            tally.failed += 1
            tally.errors.append(exc.message)
        except (NetworkError, TelegramError) as exc:  # 5xx, time-outs, refused connections
            backoff = min(policy.max_backoff, policy.first_backoff * 2 ** row.tries)
            gave_up = outbox.retry_later(db, row.id, exc.message,
                                         clock() + timedelta(seconds=backoff), policy.max_tries)
            tally.failed += int(gave_up)
            tally.retried += int(not gave_up)
            # A network fault is rarely one chat's: breathe before the next send.
            self._quiet_until = asyncio.get_running_loop().time() + 1.0
            log.info("outbox row %s: %s (try %d of %d)", row.id, type(exc).__name__,
                     row.tries + 1, policy.max_tries)
        else:
            outbox.mark_sent(db, row.id, clock())
            if row.kind == "preview" and row.payload.get("introduce"):  # booked for later
                learners.introduce_ids(db, row.chat_id, row.payload["introduce"], clock())
            # "shows" is not recorded as read: a card delivered is not a card opened (playtest:
            # two pushes made a student absent for two weeks look active). Her own tap on the
            # preview (Next, 🔁, 🔊, ✅) or /words records it, and only then may a check ask it.
            if row.kind == "preview" and row.payload.get("preview"):  # /check points here
                previews.sent_as(db, row.payload["preview"], sent.message_id, clock())
            if "thread_id" in row.payload:  # a teacher's reply to this message finds its way
                # (a long one's parts go in order: the last, which says how to answer, stays)
                threads.set_relay(db, row.payload["thread_id"], sent.message_id,
                                  row.payload.get("shared", []))
            if "answer_id" in row.payload:  # a family's reply to this answer finds its child
                # (a long one's parts go in order: the last stays)
                threads.set_answer_message(db, row.payload["answer_id"], sent.message_id)
            if "announcement" in row.payload:  # a family's reply to it names the announcement
                threads.add_announcement_message(db, row.chat_id, sent.message_id,
                                                 row.payload["announcement"])
            if row.payload.get("forget"):  # a person's message: once delivered, keep no text
                threads.forget_sent_text(db, row.id)
                self._text_left_in_log = True  # older copies of the page hold it still
            if row.payload.get("drop"):  # an unlinked family member's note: no trace left
                erase.drop_delivered(db, row.id)
                self._text_left_in_log = True
            if row.kind == erase.GOODBYE:  # it held the last trace of a deleted person's name
                erase.flush_deleted(db)
            refused = teacher_answers.voice_refused_answer(db, row.kind, row.payload) \
                if voice_refused else None
            if refused is not None:
                teacher_answers.tell_teacher(db, refused,
                                             voice_refused_note(self.services, refused), clock())
                self.wake()  # the note to the teacher is due now
            tally.sent += 1
