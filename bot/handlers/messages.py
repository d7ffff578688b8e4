"""Ask the teacher, the teacher's answer, /thread, and what families write or say (how a
message is sent on to the teacher: `bot/chat/relay.py`).

A message waiting for its sender to pick a child (or to confirm) is held in memory only
(`bot/chat/drafts.py`), and never written to the store.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import CallbackQuery, Message, Update, User
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat import speaker
from bot.chat.audience import PRIVATE, Audience, From, Pending, Prompted
from bot.chat.drafts import (
    ANSWER,
    ASKING,
    offer_answer,
    offer_family_text,
    offer_to_send,
    offer_voice,
    prompt_for_message,
    take,
    take_confirmed,
    too_long,
    unreadable,
)
from bot.chat.relay import ask_teacher, relay_or_pick, relay_to_teachers
from bot.chat.replies import (
    MAX_INPUT,
    mark_answered,
    old_button,
    say,
    send_long,
    spend,
    spent_key,
    student_for,
    tapped,
    user_language,
)
from bot.chat.writes import (
    WRITING_UNTIL,
    confirm_as_written,
    quiet_until,
    send_written,
    write_to_family,
)
from bot.context import PuenteContext, Services
from bot.presentation import callbacks, keyboards, message_views
from bot.presentation.i18n import Markup
from bot.presentation.students import student_label
from bot.services import (
    askers,
    excused,
    relays,
    student_lookup,
    teacher_answers,
    teaching,
)
from bot.services.askers import Asker

SENT_OFFERS = "sent_offers"  # user_data: the offers (message ids) whose held message was sent
KEPT_OFFERS = 20  # the latest few: an offer older than that says only that it is closed


class _StoreFilter(filters.MessageFilter):
    """A filter that asks the store (through a service) about the message's sender."""

    def __init__(self, services: Services, name: str) -> None:
        super().__init__(name=name)
        self.services = services


class _Reply(_StoreFilter):
    """A teacher's reply to a message the bot relayed to them."""

    def filter(self, message: Message) -> bool:
        user, replied = message.from_user, message.reply_to_message
        return user is not None and replied is not None and teacher_answers.is_relayed(
            self.services.db, user.id, replied.message_id)


def register(app: Application) -> None:
    """Add /ask, /thread, the ask button, teachers' replies and families' messages
    (before the students' free text: a reply or the message after /ask is not an answer)."""
    services: Services = app.bot_data.services
    text = PRIVATE & filters.TEXT & ~filters.COMMAND
    only_family = From(services, Audience.FAMILY)
    asks = From(services, Audience.FAMILY, Audience.STUDENT)
    only_teacher = From(services, Audience.TEACHER)
    add = app.add_handler
    add(CommandHandler("ask", ask, filters=PRIVATE))
    add(CommandHandler("thread", thread, filters=PRIVATE))
    add(CallbackQueryHandler(ask_button, pattern=rf"^({callbacks.ASK}|{callbacks.ANSWER_HELD}):"))
    add(CallbackQueryHandler(speaker_button, pattern=rf"^{callbacks.SPEAKER}:"))
    add(MessageHandler(text & filters.REPLY & _Reply(services, "teacher-reply"), teacher_reply))
    add(MessageHandler(text & Pending(app, ASKING), asked_text))
    add(MessageHandler(text & only_teacher & Pending(app, WRITING_UNTIL), written_to_family))
    add(MessageHandler(text & only_family, family_text))
    # a text for a word to record is no answer to a family (co-teacher playtest)
    add(MessageHandler(text & only_teacher & Prompted(services, text=True), recording_text))
    add(MessageHandler(text & only_teacher, teacher_text))
    sound = PRIVATE & (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE)
    add(MessageHandler(sound & Pending(app, ASKING), asked_voice))
    add(MessageHandler(sound & asks, voice_note))


def _asker(context: PuenteContext, user: User) -> Asker:
    """Who writes (on a phone the child and the family share, as chosen a moment ago); a
    student who has not chosen a language yet is spoken to in their phone's (with English),
    as everywhere else before the choice, never in English alone."""
    who = speaker.speaking(context, askers.require_asker(context.services.db, user.id))
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
    # a shared phone: who is speaking first (the grandmother's /ask is no student's)
    if await speaker.ask_who(update, context, who, text, speaker.ASK if text else
                             speaker.ASK_PROMPT):
        return
    if not text:
        await prompt_for_message(update, context, who)
        return
    await ask_teacher(update, context, who, text)


async def asked_text(update: Update, context: PuenteContext) -> None:
    """The message that follows a bare /ask."""
    message, user, data = update.effective_message, update.effective_user, context.user_data
    if message is None or user is None or data is None or message.text is None:
        return
    data.pop(ASKING, None)
    who = _asker(context, user)
    if await _thread_ended(update, context, who, message):
        return
    to = _replied(context, who, message)
    if to is None:  # "how is she doing?" after a bare /ask: answered first, as /ask TEXT is
        await ask_teacher(update, context, who, message.text)
        return
    # a shared phone: a reply to the family's answer is the family's, whoever was chosen
    await relay_or_pick(update, context, speaker.replying(context, who, to), message.text, to)


async def written_to_family(update: Update, context: PuenteContext) -> None:
    """A teacher's text after ✉️ Write in /families: the message for that family member."""
    await send_written(update, context)


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
        await relay_or_pick(update, context, who, message.text, to)
        return
    await offer_family_text(update, context, who, message.text)


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
    to = _replied(context, who, message)
    await relay_or_pick(update, context, speaker.replying(context, who, to), message.message_id,
                        to)


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
    to = _replied(context, who, message)
    who = speaker.replying(context, who, to)  # to the family's answer: the family's
    if to is None and await speaker.ask_who(update, context, who, message.message_id,
                                            speaker.VOICE):
        return  # a shared phone: the grandmother's voice note is no student's
    await offer_voice(update, context, who, message.message_id, to=to)


async def speaker_button(update: Update, context: PuenteContext) -> None:
    """Who is speaking on a phone the child and the family share: remember it (in memory, a
    few minutes) and go on with the held message as that one's."""
    if await old_button(update, context, "ask-offer-closed"):
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    if cb.args not in (("c",), ("f",)):
        raise callbacks.ForgedCallbackError("bad speaker button")
    await speaker.choose(update, context, query, user,
                         askers.FAMILY if cb.args == ("f",) else askers.STUDENT)


async def ask_button(update: Update, context: PuenteContext) -> None:
    """Send the held message about the chosen child, or drop it (a teacher's held answer has
    its own button: one handler for both keeps a graded tap's walk short). A tap on an offer
    already answered (its buttons gone) says so in its toast: "Already sent ✅", else that the
    offer is closed (playtest: a second ✉️ tap after sending said nothing at all)."""
    if await old_button(update, context, _closed_offer(update, context)):
        return
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
    who = speaker.offered_as(context, _asker(context, user), draft)
    family = who.role == askers.FAMILY
    if cb.args == ("no",):
        await say(update, context, "ask-not-sent", bilingual=not family)
        return
    child = askers.child_of(who, cb.int_arg(0))
    if draft is None or child is None:
        await say(update, context, "ask-draft-gone", bilingual=not family)
        return
    to = draft.to if draft.to is not None and draft.to.child == child else None
    s = context.services  # "✉️ my words + 🤒 excuse today": the note names the day excused
    day = excused.words_excuse(cb.args[1], s.config.school, s.clock(),
                               callbacks.asked_day(cb), draft.message, who.language,
                               [c.first_name for c in who.children]
                               ) if family and len(cb.args) > 1 else None
    await relay_to_teachers(update, context, who, child, draft.message,
                            to.teacher_id if to else None, to.about if to else None,
                            to.also if to else (), excused=day)
    _sent(context, query)


def _sent(context: PuenteContext, query: CallbackQuery) -> None:
    """Remember (in memory, as the held message was) that this offer's message went."""
    if context.user_data is None or query.message is None:
        return
    sent = context.user_data.setdefault(SENT_OFFERS, [])
    sent[:] = [*sent, query.message.message_id][-KEPT_OFFERS:]


def _closed_offer(update: Update, context: PuenteContext) -> str:
    """What a tap on an offer whose buttons are gone says: sent, or closed (not sent, or
    forgotten: a teacher's held answer is as old as any button)."""
    query = update.callback_query
    message = query.message if query is not None else None
    held = query is not None and (query.data or "").startswith(f"{callbacks.ANSWER_HELD}:")
    if message is not None and context.user_data is not None and \
            message.message_id in context.user_data.get(SENT_OFFERS, ()):
        return "answer-already-sent" if held else "ask-already-sent"  # a teacher's: an answer
    if held:  # an offer a ready-made reply went instead of says so; another is old
        return spent_key(update, context, "button-stale")
    return "ask-offer-closed"


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
    ok = len(cb.args) > 1 and cb.args[-1] == "ok"  # ✅ Send as written: confirmed
    draft = take_confirmed(context, ":".join(cb.args[:-1])) if ok else take(context, ANSWER)
    if not await spend(query):  # a double tap: the first tap did this
        return
    if cb.args == ("no",):
        await say(update, context, "ask-not-sent", bilingual=False)
        return
    if ok and cb.args[0] == "w":  # a message written first, from ✉️ in /families
        if draft is None or not isinstance(draft.message, str):
            await say(update, context, "answer-draft-gone", bilingual=False)
            return
        await write_to_family(update, context, cb.int_arg(1), draft.message, confirmed=True)
        _sent(context, query)
        return
    replied = cb.int_arg(0)  # checked: only a message relayed to this teacher is answered
    if draft is None or not isinstance(draft.message, str) or \
            not await _answer(update, context, replied, draft.message, confirmed=ok):
        await say(update, context, "answer-draft-gone", bilingual=False)
        return
    _sent(context, query)


async def _answer(update: Update, context: PuenteContext, replied: int, text: str,
                  confirmed: bool = False) -> bool:
    """Queue the teacher's answer to the message `replied` (its id in their chat) and confirm
    (one that would reach a family untranslated, in a language they do not read, waits for
    the teacher's ✅ unless `confirmed`); False when that is no message the bot relayed to
    this teacher."""
    user, s = update.effective_user, context.services
    if user is None:
        return False
    answer = await teacher_answers.prepare_answer(s.db, s.translator, user.id, replied, text)
    if answer is None:
        return False
    if not confirmed and unreadable(s.translator, answer):
        await confirm_as_written(update, context, answer, str(replied), replied)
        return True
    now = s.clock()
    teacher_answers.queue_answer(s.db, answer, message_views.answer_texts(s.catalog, answer), now,
                                 keyboards.cannot_read_rows(s.catalog, answer.asked.language)
                                 if answer.untranslated else None)
    context.deliverer.wake()
    later = quiet_until(context, now)  # the outbox waits out quiet hours
    lang = user_language(context, user.id, user.language_code)
    name = student_for(context, user.id, answer.asked.student_id,
                       first_name=answer.student_name, lang=lang)
    await send_long(context, user.id, message_views.answer_queued(
        s.catalog, lang, answer, later, name=name))
    if teacher_answers.had_ready(s.translator, answer.asked):  # its replies go: answered
        await mark_answered(context, user.id, replied, lang, answer.original,
                            excused.excused_by(s.db, answer.asked))
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
    names = student_lookup.student_names(s.db, user.id)
    targets = [(r.message_id, s.catalog.plain(
        "button-answer-family-named" if r.sender else
        "button-answer-family" if r.family else "button-answer-student", lang,
        name=student_label(names.of(r.student_id), s.catalog, lang), sender=r.sender or ""))
        for r in recent]
    body = s.catalog.render("teacher-text-reply-hint", lang)
    if len(message.text) > relays.MAX_MESSAGE:  # only its beginning could go
        body = Markup(f"{body}\n" + s.catalog.render(
            "answer-too-long-offer", lang, limit=relays.MAX_MESSAGE))
    await offer_answer(update, context, message.text, body, targets)


async def recording_text(update: Update, context: PuenteContext) -> None:
    """A text under /record's "🎙️ Say in ...": ask for a voice note, never offer to send
    the text to a family or a student."""
    await say(update, context, "record-voice-please", bilingual=False)


async def thread(update: Update, context: PuenteContext) -> None:
    """List who wrote about a student and when, and what waits for an answer: /thread NAME."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    found = teacher_answers.student_thread(s.db, user.id, " ".join(context.args or []))
    lang = user_language(context, user.id, user.language_code)
    text = message_views.thread_text(s.catalog, lang, student_label(found.name, s.catalog, lang),
                                     found.messages, s.config.school.timezone, found.senders,
                                     found.colleagues)
    await send_long(context, chat.id, text)  # a term of messages is more than one holds
