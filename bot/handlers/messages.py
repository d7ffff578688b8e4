"""Ask the teacher, the teacher's answer, announcements, and what families write or say.

A message waiting for its sender to pick a child (or to confirm) is held in memory only
(`bot/chat/drafts.py`), and never written to the store.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from telegram import CallbackQuery, Message, Update, User
from telegram.constants import ParseMode
from telegram.error import Forbidden
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat.audience import PRIVATE, Audience, From
from bot.chat.drafts import ANSWER, offer_answer, offer_to_send, take, too_long
from bot.chat.replies import MAX_INPUT, say, send_long, spend, student_for, tapped, user_language
from bot.context import PuenteContext, Services
from bot.presentation import callbacks, keyboards, message_views
from bot.presentation.i18n import Counted, Markup
from bot.presentation.students import student_label
from bot.services import (
    announcements,
    askers,
    message_languages,
    relays,
    teacher_answers,
    teaching,
)
from bot.services.askers import Asker
from bot.services.pushes import next_allowed

log = logging.getLogger(__name__)
ASKING = "asking"  # user_data: until when the next text is the message for the teacher
ASK_WINDOW = timedelta(minutes=10)  # later, a typed answer to a check is graded, not relayed


class _StoreFilter(filters.MessageFilter):
    """A filter that asks the store (through a service) about the message's sender."""

    def __init__(self, services: Services, name: str) -> None:
        super().__init__(name=name)
        self.services = services


class _Asking(filters.MessageFilter):
    """Text sent after a bare /ask: the message itself."""

    def __init__(self, app: Application) -> None:
        super().__init__(name="asking")
        self.app = app

    def filter(self, message: Message) -> bool:
        user = message.from_user
        until = self.app.user_data.get(user.id, {}).get(ASKING) if user else None
        return until is not None and self.app.bot_data.services.clock() < until


class _Reply(_StoreFilter):
    """A teacher's reply to a message the bot relayed to them."""

    def filter(self, message: Message) -> bool:
        user, replied = message.from_user, message.reply_to_message
        return user is not None and replied is not None and teacher_answers.is_relayed(
            self.services.db, user.id, replied.message_id)


def register(app: Application) -> None:
    """Add /ask, /announce, /thread, their buttons, teachers' replies and families' messages
    (before the students' free text: a reply or the message after /ask is not an answer)."""
    services: Services = app.bot_data.services
    text = PRIVATE & filters.TEXT & ~filters.COMMAND
    only_family = From(services, Audience.FAMILY)
    asks = From(services, Audience.FAMILY, Audience.STUDENT)
    only_teacher = From(services, Audience.TEACHER)
    add = app.add_handler
    add(CommandHandler("ask", ask, filters=PRIVATE))
    add(CommandHandler("announce", announce, filters=PRIVATE))
    add(CommandHandler("thread", thread, filters=PRIVATE))
    add(CallbackQueryHandler(ask_button, pattern=rf"^({callbacks.ASK}|{callbacks.ANSWER_HELD}):"))
    add(CallbackQueryHandler(announce_button, pattern=rf"^{callbacks.ANNOUNCE}:"))
    add(MessageHandler(text & filters.REPLY & _Reply(services, "teacher-reply"), teacher_reply))
    add(MessageHandler(text & _Asking(app), asked_text))
    add(MessageHandler(text & only_family, family_text))
    add(MessageHandler(text & only_teacher, teacher_text))
    sound = PRIVATE & (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE)
    add(MessageHandler(sound & _Asking(app), asked_voice))
    add(MessageHandler(sound & asks, voice_note))


def _asker(context: PuenteContext, user: User) -> Asker:
    """Who writes; a student who has not chosen a language yet is spoken to in their phone's
    (with English), as everywhere else before the choice, never in English alone."""
    who = askers.require_asker(context.services.db, user.id)
    if who.chosen or who.role != askers.STUDENT:
        return who
    return replace(who, language=user_language(context, user.id, user.language_code))


async def ask(update: Update, context: PuenteContext) -> None:
    """Write to the teacher: /ask MESSAGE, or /ask and then the message."""
    user, data = update.effective_user, context.user_data
    if user is None or data is None:
        return
    who = _asker(context, user)
    message = update.effective_message
    text = relays.command_text(message.text if message else None)
    if not text:
        data[ASKING] = context.services.clock() + ASK_WINDOW
        translated = message_languages.teacher_reads_english(context.services.translator,
                                                             who.language)
        await say(update, context, "ask-prompt" if translated else "ask-prompt-as-written",
                  bilingual=False)
        return
    await _relay_or_pick(update, context, who, text)


async def asked_text(update: Update, context: PuenteContext) -> None:
    """The message that follows a bare /ask."""
    message, user, data = update.effective_message, update.effective_user, context.user_data
    if message is None or user is None or data is None or message.text is None:
        return
    data.pop(ASKING, None)
    who = _asker(context, user)
    if await _thread_ended(update, context, who, message):
        return
    await _relay_or_pick(update, context, who, message.text, _replied(context, who, message))


async def family_text(update: Update, context: PuenteContext) -> None:
    """A family member's text: offer to send it to the teacher (of which child, on a shared
    phone)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None:
        return
    who = _asker(context, user)
    to = _replied(context, who, message)
    if to is None and await _thread_ended(update, context, who, message):
        return
    if len(message.text) > MAX_INPUT:
        await too_long(update, context, message.text, to=to)
        return
    if to is not None:  # a reply to a teacher's answer: meant for that teacher, about that child
        await _relay_or_pick(update, context, who, message.text, to)
        return
    translated = message_languages.teacher_reads_english(context.services.translator, who.language)
    key = "family-thanks-offer" if relays.is_thanks(who, message.text) else \
        "family-text" if translated else "family-text-as-written"
    await offer_to_send(update, context, who, message.text, key)


def _replied(context: PuenteContext, who: Asker, message: Message) -> askers.ReplyTo | None:
    """The thread (child and answering teacher) a message continues when it replies to a
    teacher's answer (None: it replies to nothing, or to no answer about a child still
    theirs)."""
    replied = message.reply_to_message
    if replied is None:
        return None
    return askers.replied_to(context.services.db, who, replied.message_id)


async def _thread_ended(update: Update, context: PuenteContext, who: Asker,
                        message: Message) -> bool:
    """A reply (a text, an over-long text or a voice note) to a teacher's answer about a child
    who has since deleted their data: say that conversation ended, then offer it (an over-long
    text's beginning) for a child each button names: never sent at once, nor silently to
    another child's teacher. False when it replies to no such answer."""
    replied = message.reply_to_message
    if replied is None or \
            not askers.replies_to_gone_child(context.services.db, who, replied.message_id):
        return False
    await say(update, context, "reply-thread-gone", bilingual=False)  # families only
    text, limit = message.text, relays.MAX_MESSAGE
    if text is None:  # a voice note (or another recording): the bot cannot listen
        await offer_to_send(update, context, who, message.message_id, "voice-offer", named=True)
    elif len(text) > limit:
        await offer_to_send(update, context, who, relays.beginning(text),
                            "message-too-long-offer", named=True, limit=limit)
    else:
        await offer_to_send(update, context, who, text, "ask-which-child", named=True)
    return True


async def asked_voice(update: Update, context: PuenteContext) -> None:
    """A voice note sent after a bare /ask: relayed as it is (a copy, never a forward)."""
    message, user, data = update.effective_message, update.effective_user, context.user_data
    if message is None or user is None or data is None:
        return
    data.pop(ASKING, None)
    who = _asker(context, user)
    if await _thread_ended(update, context, who, message):
        return
    await _relay_or_pick(update, context, who, message.message_id,
                         _replied(context, who, message))


async def voice_note(update: Update, context: PuenteContext) -> None:
    """A family member's or student's voice note outside /ask: offer to send it to the teacher
    as it is (who speaks more easily than they type has a way in; the bot cannot listen), the
    teacher whose answer it replies to, with no "which child?"."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    who = _asker(context, user)
    if await _thread_ended(update, context, who, message):
        return
    await offer_to_send(update, context, who, message.message_id, "voice-offer",
                        to=_replied(context, who, message))


async def _relay_or_pick(update: Update, context: PuenteContext, who: Asker,
                         text: str | int, to: askers.ReplyTo | None = None) -> None:
    """Relay a text (or the id of a voice note in the sender's chat) to the teacher whose
    answer it replies to (`to`), else about the only child, asking which child first on a
    shared family phone."""
    if isinstance(text, str):
        relays.require_words(text)  # "/ask ..." or "/ask 😀😀": a kind line, nothing relayed
    if isinstance(text, str) and len(text) > relays.MAX_MESSAGE:
        await too_long(update, context, text, to=to)
        return
    if to is not None:
        await _relay(update, context, who, to.child, text, to.teacher_id)
        return
    child = askers.child_of(who, None)
    if child is None:  # a shared family phone: which child is this about?
        await offer_to_send(update, context, who, text, "ask-which-child")
        return
    await _relay(update, context, who, child, text)


async def _relay(update: Update, context: PuenteContext, who: Asker, child: askers.Child,
                 text: str | int, answered_by: int | None = None) -> None:
    """Send the message and its English (or the voice note) to each of the child's
    teachers (to the one who answered, for a reply to an answer), then confirm."""
    s = context.services
    relays.check_pace(s.ask_guard, who, s.clock())
    if isinstance(text, int):
        answer_in = await _relay_voice(context, who, child, text, answered_by)
    else:  # through the outbox: a teacher's evening is quiet hours too
        relay = await relays.prepare_ask(s.db, s.translator, who, child, text, answered_by)
        relays.queue_relay(s.db, who, relay, {teacher_id: message_views.relay_text(
            s.catalog, user_language(context, teacher_id), who, relay,
            student_for(context, teacher_id, child.student_id, first_name=child.first_name))
            for teacher_id in relay.teacher_ids}, s.clock())
        context.deliverer.wake()
        if relay.thanks:  # passed on: no "the answer will come here" for a thank-you
            await say(update, context, "ask-sent-thanks", bilingual=False, name=child.first_name)
            return
        answer_in = relay.answer_in
    family = who.role == askers.FAMILY  # a student is told "your teacher", not their name
    key = ("ask-sent" if family else "ask-sent-student") + ("-english" if answer_in == "en"
                                                            else "")  # "as the teacher writes it"
    await say(update, context, key, bilingual=not family, name=child.first_name,
              language=message_views.language_name(answer_in))


async def _relay_voice(context: PuenteContext, who: Asker, child: askers.Child,
                       voice: int, answered_by: int | None) -> str:
    """Copy a voice note to each teacher now (a copy shows no sender; the outbox sends text
    only), with who sent it as its caption; return the language answers go back in."""
    s = context.services
    relay = await relays.prepare_ask(s.db, s.translator, who, child, "",  # nothing to translate
                                       answered_by)
    reached = 0
    for teacher_id in relay.teacher_ids:
        caption = message_views.relay_voice_caption(
            s.catalog, user_language(context, teacher_id), who, relay,
            student_for(context, teacher_id, child.student_id, first_name=child.first_name))
        try:
            sent = await context.bot.copy_message(teacher_id, who.user_id, voice,
                                                  caption=caption, parse_mode=ParseMode.HTML)
        except Forbidden:  # this teacher blocked the bot; the others still hear
            log.info("a teacher could not be reached for a voice note")
            continue
        relays.record_relay(s.db, who, relay, teacher_id, sent.message_id, s.clock())
        reached += 1
    if not reached:
        raise relays.NoTeacherError()
    return relay.answer_in


async def ask_button(update: Update, context: PuenteContext) -> None:
    """Send the held message about the chosen child, or drop it (a teacher's held answer has
    its own button: one handler for both keeps a graded tap's walk short)."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    if cb.prefix == callbacks.ANSWER_HELD:
        await _held_answer(update, context, query, cb)
        return
    draft = take(context)
    if not await spend(query):  # a double tap: the first tap did this
        return
    who = _asker(context, user)
    family = who.role == askers.FAMILY
    if cb.args == ("no",):
        await say(update, context, "ask-not-sent", bilingual=not family)
        return
    child = askers.child_of(who, cb.int_arg(0))
    if draft is None or child is None:
        await say(update, context, "ask-draft-gone", bilingual=not family)
        return
    await _relay(update, context, who, child, draft.message, draft.teacher_id)


async def teacher_reply(update: Update, context: PuenteContext) -> None:
    """A teacher's reply to a relayed message: translate it and queue it for the asker (a reply
    over the limit: offer to send its beginning, as for a family's message)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.text is None or \
            message.reply_to_message is None:
        return
    replied = message.reply_to_message.message_id
    if len(message.text) > relays.MAX_MESSAGE:
        await too_long(update, context, message.text, answer_to=replied)
        return
    await _answer(update, context, replied, message.text)


async def _held_answer(update: Update, context: PuenteContext, query: CallbackQuery,
                       cb: callbacks.Callback) -> None:
    """Send the beginning of a teacher's too-long answer, or drop it."""
    user, s = update.effective_user, context.services
    if user is None or not teaching.is_teacher(s.db, user.id):  # only a teacher is sent one
        await say(update, context, "check-stale")  # as any button we never sent them
        return
    draft = take(context, ANSWER)
    if not await spend(query):  # a double tap: the first tap did this
        return
    if cb.args == ("no",):
        await say(update, context, "ask-not-sent", bilingual=False)
        return
    replied = cb.int_arg(0)  # checked: only a message relayed to this teacher is answered
    if draft is None or not isinstance(draft.message, str) or \
            not await _answer(update, context, replied, draft.message):
        await say(update, context, "answer-draft-gone", bilingual=False)


async def _answer(update: Update, context: PuenteContext, replied: int, text: str) -> bool:
    """Queue the teacher's answer to the message `replied` (its id in their chat) and confirm;
    False when that is no message the bot relayed to this teacher."""
    user, s = update.effective_user, context.services
    if user is None:
        return False
    answer = await teacher_answers.prepare_answer(s.db, s.translator, user.id, replied, text)
    if answer is None:
        return False
    now = s.clock()
    teacher_answers.queue_answer(s.db, answer, message_views.answer_text(s.catalog, answer), now)
    context.deliverer.wake()
    sent_at = next_allowed(now, s.config.school)  # the outbox waits out quiet hours
    later = sent_at.astimezone(s.config.school.timezone).strftime("%H:%M") \
        if sent_at > now else None
    lang = user_language(context, user.id, user.language_code)
    name = student_for(context, user.id, answer.asked.student_id,
                       first_name=answer.student_name, lang=lang)
    await send_long(context, user.id, message_views.answer_queued(
        s.catalog, lang, answer, later, name=name))
    return True


async def teacher_text(update: Update, context: PuenteContext) -> None:
    """A teacher's text that replies to no relayed message: most likely an answer typed
    without Telegram's reply. Say how to reply, with a button to send it as the answer to
    each recent message; with none, what this chat takes."""
    message, user, s = update.effective_message, update.effective_user, context.services
    if message is None or user is None or message.text is None:
        return
    recent = teacher_answers.recent_relays(s.db, user.id, s.clock())
    if not recent:
        await say(update, context, "teacher-text-help", bilingual=False)
        return
    lang = user_language(context, user.id, user.language_code)
    names = teaching.student_names(s.db, user.id)
    targets = [(r.message_id, s.catalog.plain(
        "button-answer-family" if r.family else "button-answer-student", lang,
        name=student_label(names.of(r.student_id), s.catalog, lang))) for r in recent]
    body = s.catalog.render("teacher-text-reply-hint", lang)
    if len(message.text) > relays.MAX_MESSAGE:  # only its beginning could go
        body = Markup(f"{body}\n" + s.catalog.render(
            "answer-too-long-offer", lang, limit=relays.MAX_MESSAGE))
    await offer_answer(update, context, message.text, body, targets)


async def announce(update: Update, context: PuenteContext) -> None:
    """Show an announcement in every language it will go out in: /announce CLASS TEXT."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    message = update.effective_message
    request = relays.command_text(message.text if message else None)
    plan = await announcements.plan_announcement(s.db, s.translator, user.id, request, s.clock())
    lang = user_language(context, user.id, user.language_code)
    if not plan.versions:
        announcements.cancel_announcement(s.db, user.id, plan.id)
        await say(update, context, "announce-none", bilingual=False, class_name=plan.class_name)
        return
    # Never a button that reaches nobody: with no family member linked, students only.
    families = s.catalog.plain("button-announce-families", lang) if plan.families else None
    everyone = s.catalog.plain("button-announce-all" if plan.families
                               else "button-announce-students", lang)
    markup = keyboards.announce_buttons(plan.id, families, everyone,
                                        s.catalog.plain("button-cancel", lang))
    parts = message_views.announcement_preview(s.catalog, lang, plan)
    for index, part in enumerate(parts):  # the buttons under the last part
        await context.bot.send_message(chat.id, part, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if index == len(parts) - 1 else None)


async def announce_button(update: Update, context: PuenteContext) -> None:
    """The teacher confirmed (families, or families and students) or cancelled."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    announcement_id = cb.int_arg(0)
    choice = cb.args[1] if len(cb.args) > 1 else ""
    if not await spend(query):  # a double tap: the first tap did this
        return
    if choice == "no":
        announcements.cancel_announcement(s.db, user.id, announcement_id)
        await say(update, context, "announce-cancelled", bilingual=False)
        return
    found, deliveries = announcements.confirm_announcement(s.db, user.id, announcement_id,
                                                      students=choice == "s")
    class_name = announcements.class_name(s.db, found.class_id)
    rendered = [(d.telegram_id, message_views.announcement_text(s.catalog, class_name,
                                                                found.text, d))
                for d in deliveries]
    announcements.queue_announcement(s.db, found, rendered, s.clock())
    context.deliverer.wake()  # the deliverer paces them and waits out quiet hours
    families, students = announcements.audience(deliveries)
    # Say who is counted, so a number lower than the preview's has its reason beside it.
    if choice == "s":
        await say(update, context, "announce-queued", bilingual=False,
                  families=Counted("count-family-members", families),
                  students=Counted("count-students", students))
    else:
        await say(update, context, "announce-queued-families", bilingual=False,
                  families=Counted("count-family-members", families))


async def thread(update: Update, context: PuenteContext) -> None:
    """List who wrote about a student and when, and what waits for an answer: /thread NAME."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    who, thread = teacher_answers.student_thread(s.db, user.id, " ".join(context.args or []))
    lang = user_language(context, user.id, user.language_code)
    text = message_views.thread_text(s.catalog, lang, student_label(who, s.catalog, lang),
                                     thread, s.config.school.timezone)
    await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML)
