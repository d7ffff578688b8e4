"""A student's checks: /check (or ✅ Check) starts one or asks its open question again, and a
tapped option or a quiz-poll answer is graded. Typed answers come as free text (student.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import CallbackQuery, Message, Update, User
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, PollAnswerHandler

from bot.chat import question_sound, tile_screen
from bot.chat.audience import PRIVATE
from bot.chat.cards import placement_left, show_unread
from bot.chat.questions import (
    asked_from,
    point_to_new_check,
    point_to_question,
    send_feedback,
    send_question,
    shown_below,
    shown_in,
)
from bot.chat.replies import (
    acknowledge,
    say,
    send_long,
    shows_button,
    user_language,
    user_reader,
)
from bot.context import PuenteContext
from bot.domain import tiles
from bot.domain.sent_twice import COPY_WINDOW
from bot.presentation import callbacks, check_views, keyboards
from bot.services import answers, checks

log = logging.getLogger(__name__)

CHECK_TYPED_AT = "check_typed_at"  # user_data: when she last sent /check (Puente's clock)


def typed_twice(context: PuenteContext, now: datetime) -> bool:
    """Whether this /check follows her last one within a double tap's window (a send tapped
    twice): the second would ask the question the first just asked again, a copy under it."""
    data = context.user_data if context.user_data is not None else {}
    last = data.get(CHECK_TYPED_AT)
    data[CHECK_TYPED_AT] = now
    return isinstance(last, datetime) and now - last < COPY_WINDOW


async def check(update: Update, context: PuenteContext) -> None:
    """Start a short formative check (from /check or the button after a preview), or ask the
    open check's question again; a ✅ tapped above the open question points down to it."""
    user, s, query = update.effective_user, context.services, update.callback_query
    if user is None:
        if query:
            await acknowledge(query)
        return
    # under a pushed preview, ✅ checks that preview's words (an older ✅, every word)
    push_id = callbacks.push_of(callbacks.parse(query.data)) if query else None
    twice = query is None and typed_twice(context, s.clock())
    if query is None:  # /check typed, perhaps in the middle of the placement
        await placement_left(update, context)
    # A word is always seen on a card first, and asked in a later check, never this one.
    school = s.config.school
    start = checks.begin_check(s.db, user.id, s.clock(), s.rng, hears=s.speech is not None,
                               tz=school.timezone, push_id=push_id, holidays=school.holidays)
    question = start.question
    if twice and start.resumed:  # the first /check asked it a moment ago: nothing again
        return
    if query is None and start.resumed and question is not None and (
            shown := shown_in(context, question.item_id, start.poll_message)) is not None \
            and await point_to_question(context, user.id, shown, question.lang,
                                        english_first=question.english_first):
        return  # a reply to it, not a second live copy (a quiz poll and its buttons: playtest)
    if query is not None:
        if _shown_below(context, query, start):  # a toast points to it, sent once already
            await acknowledge(query, _toast(context, user, "check-question-below"))
            return
        await acknowledge(query)
    read_now = False  # the cards came in one bundle, read at once: the next check asks them
    if start.unread:  # pointed to on screen, or sent (levels 1-2: the check waits for them)
        read_now = await show_unread(context, user.id, start.unread,
                                     check_follows=question is not None,
                                     cards_first=start.cards_first)
    short = None  # why the check is short: over its first question (send_question)
    if start.short is not None:  # in her level's order, with a question or without one
        if question is not None:
            lang, first = question.lang, question.english_first
        else:
            reader = user_reader(context, user.id)
            lang, first = reader.language or "en", reader.english_first
        short = check_views.short_check_text(
            start.short, lang, s.catalog, "check-not-yet" if start.not_yet else "check-short",
            first, cards_read=read_now, hers_alone=question is not None
            and question.opens_with_tiles and tiles.one_line(question.level))
        if question is None:
            await send_long(context, user.id, short)
    if question is not None:
        await send_question(context, user.id, question, lead=short)
        # she cannot read yet (/readaloud): its 🔊 comes with it, unasked (not on a graded tap)
        await question_sound.play_with_question(context, user.id, question)
    elif not start.unread and not start.not_yet:  # nothing ready: when words come back
        key, values = check_views.nothing_to_check(start.later)
        await say(update, context, key, **values)


async def answer_button(update: Update, context: PuenteContext) -> None:
    """Grade a tapped answer (or a "🤷 I don't know": a typed question's, or at levels 1-2 one
    under the options); show feedback and the next question in the same message. A tap that
    grades nothing (an old question, a button we never sent) is told why in its toast."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return
    try:
        cb = callbacks.parse(query.data)
        if cb.prefix == callbacks.DONT_KNOW:  # 🤷: a miss, shown kindly
            item_id = callbacks.dont_know_item(cb)
            # its tiles on screen ("🔤" tapped), as the message shows (memory is lost in a
            # restart: a 🤷 over tiles then counted as a typed one in teachers' reports)
            shown = tile_screen.tiles_shown(query.message if isinstance(
                query.message, Message) else None, item_id)
            feedback = answers.answer_dont_know(s.db, user.id, item_id, s.clock(),
                                                s.config.school.timezone,
                                                s.config.school.holidays, shown)
        else:
            feedback = answers.answer_choice(s.db, user.id, cb.int_arg(0), cb.int_arg(1),
                                             s.clock(), s.config.school.timezone,
                                             s.config.school.holidays, tiles_shown=True)
    except (answers.StaleItemError, callbacks.ForgedCallbackError) as exc:
        # Graded already, not hers, or forged: a toast says why. A double tap says nothing:
        # both taps carry the message as it was, the button on it. A message that no longer
        # shows the button is an old screen, whenever it is tapped (🤷 on a question she had
        # just typed the answer to said nothing at all: playtest)
        quiet = isinstance(exc, answers.StaleItemError) and exc.quiet and shows_button(query)
        log.info("a tap on an answer button changed nothing: %s", type(exc).__name__)
        if isinstance(exc, answers.FinishedCheckError) and not quiet:  # a message, not a
            # pop-up: a pop-up's "/check" is no link, and a child may not type it (playtest)
            await acknowledge(query)
            reader = user_reader(context, user.id)  # the button as the line: level order
            if await point_to_new_check(context, user.id, reader.language or "en",
                                        reader.english_first):
                return  # a newer check is open: "that question is over", pointing to it
            await say(update, context, exc.prompt_key, markup=keyboards.markup(
                keyboards.command_layout(s.catalog, reader.language or "en", ["/check"],
                                         reader.english_first)))
            return
        key = exc.prompt_key if isinstance(exc, answers.StaleItemError) else "check-stale"
        await acknowledge(query, None if quiet else _toast(context, user, key))
        return
    await acknowledge(query)
    await send_feedback(update, context, feedback, edit=query)


def _shown_below(context: PuenteContext, query: CallbackQuery, start: checks.CheckStart
                 ) -> bool:
    """True when the ✅ was tapped while its check's open question shows below it (a double
    tap, or a tap on the cards above the check): it is not sent again (a double tap sent
    question 1 twice, a quiz poll then buttons: playtest). Else note which ✅ asks the
    question now, before any await: a second tap on it, handled meanwhile, finds it asked."""
    question, tapped = start.question, query.message.message_id if query.message else None
    if question is None or tapped is None:
        return False
    if start.resumed and shown_below(context, question.item_id, tapped, start.poll_message):
        return True
    asked_from(context, question.item_id, tapped)
    return False


def _toast(context: PuenteContext, user: User, key: str) -> str:
    """A tap's answer in the tapper's language: plain text over the chat, no new message."""
    lang = user_language(context, user.id, user.language_code)
    return context.services.catalog.plain(key, lang)


async def poll_answer(update: Update, context: PuenteContext) -> None:
    """Grade a quiz-poll answer; the poll id links it to the student's item."""
    answer, s = update.poll_answer, context.services
    if answer is None or answer.user is None or not answer.option_ids:
        return
    try:
        feedback = answers.answer_poll(s.db, answer.user.id, answer.poll_id,
                                       answer.option_ids[0], s.clock(), s.config.school.timezone,
                                       s.config.school.holidays)
    except answers.StaleItemError as exc:  # answered already (say, typed), or not theirs: a
        # vote carries no chat to reply in, and the question was graded once
        log.info("a quiz-poll vote changed nothing: %s", type(exc).__name__)
        return
    await send_feedback(update, context, feedback, chat_id=answer.user.id)


def register(app: Application) -> None:
    """Add /check, its ✅ Check button, the answer buttons (and a question's 🤷) and
    quiz-poll answers (a beginner's poll's 🤷 too)."""
    add = app.add_handler
    # Each handler is named for its command: /check is `check` (and the ✅ Check button).
    add(CommandHandler(check.__name__, check, filters=PRIVATE))
    add(CallbackQueryHandler(answer_button, pattern=rf"^{callbacks.ANSWER}:"))
    add(CallbackQueryHandler(answer_button, pattern=rf"^{callbacks.DONT_KNOW}:"))
    add(CallbackQueryHandler(check, pattern=rf"^{callbacks.CHECK}(:|$)"))
    add(PollAnswerHandler(poll_answer))
