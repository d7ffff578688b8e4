"""Student commands and buttons: join, language, placement, words, checks, progress."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, InputPollOption, Message, Update, User
from telegram.constants import ParseMode, PollType
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.chat.alerts import alert_teachers
from bot.chat.audience import PRIVATE, Audience, sender
from bot.chat.drafts import not_understood, too_long
from bot.chat.replies import (
    MAX_INPUT,
    acknowledge,
    edit_tapped,
    not_modified,
    say,
    send_long,
    send_picture,
    spend,
    tapped,
    user_language,
)
from bot.context import PuenteContext
from bot.delivery.voice import send_note
from bot.domain.checks import WordRef
from bot.domain.placement import PLACEMENT, spoken
from bot.domain.scaffold import ItemType
from bot.presentation import callbacks, keyboards, menus, views
from bot.presentation.charts import progress_chart
from bot.presentation.i18n import Markup
from bot.services import (
    answers,
    checks,
    join,
    learners,
    listen,
    lookup,
    membership,
    previews,
    teaching,
)
from bot.services import progress as progress_service
from bot.services.glosses import complete_glosses

log = logging.getLogger(__name__)


async def start(update: Update, context: PuenteContext) -> None:
    """Join a class from a deep link (/start CODE) and begin the language step."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    code = context.args[0] if context.args else None  # a family link's went to family.start
    # The name as stored and shown: no invisible or direction characters, a placeholder if empty
    name = views.name(user.first_name, s.catalog, user_language(context, user.id,
                                                                user.language_code))
    if code is None:  # a bare /start: who is this?
        who = sender(update, context).audience
        if who is not Audience.STUDENT:  # a family member's bare /start went to family.start
            teacher = who is Audience.TEACHER
            await say(update, context, "start-teacher" if teacher else "start-stranger",
                      bilingual=not teacher)
            return
        await say(update, context, "welcome-back", name=name)
        return
    now = s.clock()
    with membership.code_attempt(s.code_guard, user.id, now):
        joined = join.join_class(s.db, user.id, name, code, user.language_code, now)
    key = "join-again" if joined.already_member else "join-welcome"
    await say(update, context, key, name=name, class_name=views.label(joined.class_name))
    await next_step(update, context, joined.suggestion)


async def next_step(update: Update, context: PuenteContext, suggestion: str | None) -> None:
    """After joining: confirm the language, then place, then preview."""
    user, s = update.effective_user, context.services
    assert user is not None
    student = join.student(s.db, user.id)
    if student is None:
        return
    if student.language is None:
        await ask_home_language(update, context, suggestion)
    elif join.needs_placement(s.db, user.id):
        await send_placement(update, context, join.open_placement(s.db, user.id))
    else:
        await say(update, context, "ready")


async def ask_home_language(update: Update, context: PuenteContext, detected: str | None
                            ) -> None:
    """One short line in the child's likely language ("Is your home language X?" when the phone
    or their words say X), in English too when the phone says nothing certain; every home
    language as a button in its own name, the likely one first, English, and other languages:
    a child who reads no English still finds theirs."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    assert chat is not None and user is not None
    asked = join.first_question(s.db, user.id, user.language_code, s.config.school.languages,
                                detected)
    key, params = ("language-confirm", {"language": views.language_name(asked.confirm)}) \
        if asked.confirm else ("language-ask", {})
    more = keyboards.more_button(s.catalog, asked.lang, callbacks.data(callbacks.LANG_MORE),
                                 asked.english)
    menu = keyboards.language_menu(
        [*asked.likely, *keyboards.home_languages(s.config.school.languages)], first=True,
        more=more)
    text = s.catalog.bilingual(key, asked.lang, **params) if asked.english else \
        s.catalog.render(key, asked.lang, **params)
    await context.bot.send_message(chat.id, text, reply_markup=menu)


async def language(update: Update, context: PuenteContext) -> None:
    """Show the language menu so the student can change their home language."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    menu = keyboards.language_menu(keyboards.home_languages(s.config.school.languages),
                                   more=keyboards.more_button(s.catalog, lang, callbacks.data(
                                       callbacks.LANG_MORE), english=True))
    await context.bot.send_message(chat.id, s.catalog.bilingual("language-menu", lang),
                                   reply_markup=menu)


async def more_languages(update: Update, context: PuenteContext) -> None:
    """🌐 Other languages: the languages Puente has no messages in, and English."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    asked = join.first_question(s.db, user.id, user.language_code, s.config.school.languages)
    chosen = membership.chosen_language(s.db, user.id)
    lang = chosen or asked.lang  # asked in the same language as the question it came from
    text = s.catalog.bilingual("language-more", lang) if chosen or asked.english else \
        s.catalog.render("language-more", lang)
    await context.bot.send_message(chat.id, text, reply_markup=keyboards.language_menu(
        keyboards.more_languages()))


async def language_button(update: Update, context: PuenteContext) -> None:
    """Store the tapped home language; show the full menu ("Other", an old button) or the
    languages Puente has no messages in (🌐)."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    if cb.prefix in (callbacks.LANG_MENU, callbacks.LANG_MORE):
        await (language if cb.prefix == callbacks.LANG_MENU else more_languages)(update, context)
        return
    s = context.services
    if join.student(s.db, user.id) is None:
        await say(update, context, "not-enrolled")
        return
    code = join.confirm_language(s.db, user.id, cb.args[0] if cb.args else "")
    if not await spend(query):  # a double tap: the first tap did this
        return
    await home_language_set(update, context, code)


async def home_language_set(update: Update, context: PuenteContext, code: str) -> None:
    """Say what Puente has in the chosen language, show the student's menu, go on."""
    s, user = context.services, update.effective_user
    assert user is not None
    offer = join.language_offer(s.db, user.id, code, lambda lang: s.translator is not None
                                and s.translator.why_unavailable(lang) is None)
    await say(update, context, offer.prompt_key, language=views.language_name(code),
              have=offer.have, total=offer.total)
    if not teaching.is_teacher(s.db, user.id):  # a teacher trying the student side keeps theirs
        await menus.show_menu(context.bot, user.id, menus.student_commands(s.catalog, code))
    await next_step(update, context, None)


async def send_placement(update: Update, context: PuenteContext, number: int) -> None:
    """Send one self-placement question."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    assert chat is not None and user is not None
    item = PLACEMENT[number]
    lang = user_language(context, user.id)
    labels = (*item.options, s.catalog.plain("placement-dont-know", lang))
    sound = s.catalog.plain("button-listen", lang) if s.speech and spoken(number) else None
    await context.bot.send_message(
        chat.id, views.placement_text(number, item, lang, s.catalog), parse_mode=ParseMode.HTML,
        reply_markup=keyboards.placement(number, labels, sound))


async def placement_button(update: Update, context: PuenteContext) -> None:
    """Record a placement answer; propose a level after the last one."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    step = join.answer_placement(s.db, user.id, cb.int_arg(0), cb.int_arg(1))
    if not await spend(query):  # a double tap: the first tap did this
        return
    if step.question is not None:
        await send_placement(update, context, step.question)
        return
    await say(update, context, "placement-done", level=step.level)
    await words(update, context)


PLACEMENT_NOTED = "placement_noted"  # user_data: the school day the note below was last shown


async def placement_left(update: Update, context: PuenteContext) -> None:
    """A student who left the placement for their words studies at the level their answers
    show (join.leave_placement); say so kindly, with a button back to the question they
    stopped at, once a school day (before every /words and /check it filled the screen)."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    left = join.leave_placement(s.db, user.id)
    today = s.clock().astimezone(s.config.school.timezone).date()
    if left is None or context.user_data.get(PLACEMENT_NOTED) == today:
        return
    context.user_data[PLACEMENT_NOTED] = today
    lang = user_language(context, user.id)
    text = (s.catalog.bilingual("placement-paused", lang) if left.level is None else
            s.catalog.bilingual("placement-paused-level", lang, level=left.level))
    await context.bot.send_message(
        chat.id, text,
        reply_markup=keyboards.resume_placement(
            s.catalog.plain("button-placement-continue", lang)))


async def placement_resume(update: Update, context: PuenteContext) -> None:
    """Go back to the placement question the student stopped at."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, _ = tap
    question = join.resume_placement(context.services.db, user.id)
    if not await spend(query):  # a double tap: the first tap asked the question
        return
    await send_placement(update, context, question)


async def words(update: Update, context: PuenteContext, flipped: bool = False) -> None:
    """Preview the current words: one card a message turned with Next (levels 1-3), else
    bilingual cards in a few phone-sized messages."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    if not flipped:
        await placement_left(update, context)  # first: leaving may set the level
    who = learners.learner(s.db, user.id)
    found = learners.preview_words(s.db, who, s.clock())
    refs = complete_glosses(s.db, found.refs, who.language)
    if not refs:
        await say(update, context, "no-words")
        return
    if who.scaffold.one_card:
        await send_page(context, chat.id, previews.open_preview(
            s.db, who, refs, s.clock(), new=found.unread, flipped=flipped))
        return
    messages = views.preview_messages(refs, who.language, who.scaffold, s.catalog, flipped,
                                      new=found.unread)
    flip = None if flipped or who.scaffold.l1_first or who.language == "en" else \
        s.catalog.render("button-flip", who.language)  # else cards lead with it already
    markup = keyboards.after_preview(flip,
                                     s.catalog.render("button-check", who.language),
                                     s.catalog.render("button-listen", who.language)
                                     if s.speech else None)
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if last else None)
    learners.cards_shown(s.db, who.id, [r.id for r in refs], s.clock())  # every card, at once


async def send_page(context: PuenteContext, chat_id: int, page: previews.Page,
                    edit: CallbackQuery | None = None) -> None:
    """Show one card with its buttons: in the tapped message when there is one."""
    s = context.services
    text = views.card_page(page, s.catalog)
    markup = keyboards.card_page(page, s.catalog, listen=s.speech is not None)
    if not await _edit(edit, text, markup):
        await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)


async def card_button(update: Update, context: PuenteContext) -> None:
    """Next ▶, ◀ or 🔁 on a card: the same message turns to that card of the student's preview."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    preview_id, index, flipped = callbacks.card_args(cb)
    s = context.services
    page = previews.turn_to(s.db, user.id, preview_id, index, s.clock(), flipped)
    await send_page(context, user.id, page, edit=query)


async def flip_button(update: Update, context: PuenteContext) -> None:
    """Show the same cards with the home language first, once: the 🔁 leaves the message."""
    query = update.callback_query
    if query is not None:
        await acknowledge(query)
        if not await spend(query, callbacks.data(callbacks.FLIP)):
            return  # a double tap: the flipped cards are on their way already
    await words(update, context, flipped=True)


async def check(update: Update, context: PuenteContext) -> None:
    """Start a short formative check (from /check or the button after a preview), or ask the
    open check's question again."""
    user, s = update.effective_user, context.services
    if update.callback_query:
        await acknowledge(update.callback_query)
    if user is None:
        return
    if update.callback_query is None:  # /check typed, perhaps in the middle of the placement
        await placement_left(update, context)
    # A word is always seen on a card first, and asked in a later check, never this one.
    start = checks.begin_check(s.db, user.id, s.clock(), s.rng, hears=s.speech is not None,
                               tz=s.config.school.timezone)
    question = start.question
    if start.cards_first:  # levels 1-2: too few words read for a fair check; it comes after
        await say(update, context, "check-after-cards")
    if start.unread:
        await show_unread(context, user.id, start.unread, check_follows=question is not None)
    if start.short is not None:
        lang = question.lang if question is not None else user_language(context, user.id)
        await send_long(context, user.id, views.short_check_text(
            start.short, lang, s.catalog, "check-not-yet" if start.not_yet else "check-short"))
    if question is not None:
        await send_question(context, user.id, question)
    elif not start.unread and not start.not_yet:  # nothing ready: when words come back
        key, values = views.nothing_to_check(start.later)
        await say(update, context, key, **values)


async def show_unread(context: PuenteContext, user_id: int, unread: list[WordRef],
                      check_follows: bool) -> None:
    """Preview the cards /check found unread (just unlocked, or never opened); when no check
    follows, the last card (or message) offers ✅ Check, which starts one once the student has
    read them."""
    s = context.services
    who = learners.learner(s.db, user_id)
    unread = complete_glosses(s.db, unread, who.language)
    if who.scaffold.one_card:
        await send_page(context, user_id, previews.open_preview(
            s.db, who, unread, s.clock(), offer_check=not check_follows))
        return
    messages = views.preview_messages(unread, who.language, who.scaffold, s.catalog)
    markup = None if check_follows else keyboards.after_preview(
        None, s.catalog.render("button-check", who.language),
        s.catalog.render("button-listen", who.language) if s.speech else None)
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await context.bot.send_message(user_id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if last else None)
    learners.cards_shown(s.db, who.id, [r.id for r in unread], s.clock())  # every card, at once


async def send_question(context: PuenteContext, chat_id: int,
                        question: checks.Question) -> None:
    """Send an item as buttons, a quiz poll, a voice note with buttons, or a typed question."""
    s, item = context.services, question.item
    if item.item_type is ItemType.LISTEN and s.speech is not None:
        note = listen.question_note(s.db, s.speech, item.word_id)
        await send_note(context.bot, s, chat_id, note, views.question_text(question, s.catalog),
                        keyboards.options(callbacks.ANSWER, question.item_id, item.options))
        return
    if item.item_type is ItemType.POLL and all(len(o) <= 100 for o in item.options):
        message: Message = await context.bot.send_poll(
            chat_id, views.poll_question(question, s.catalog),
            [InputPollOption(o, text_parse_mode=None) for o in item.options],
            question_parse_mode=None,  # plain text: a poll is not Telegram HTML
            is_anonymous=False, type=PollType.QUIZ,
            correct_option_ids=[item.options.index(item.answer)])
        if message.poll:
            checks.poll_sent(s.db, question.item_id, message.poll.id)
        return
    text = views.question_text(question, s.catalog)
    markup = None if item.typed else keyboards.options(callbacks.ANSWER, question.item_id,
                                                       item.options)
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML,
                                   reply_markup=markup)


async def answer_button(update: Update, context: PuenteContext) -> None:
    """Grade a tapped answer; show feedback and the next question in the same message. A tap
    that grades nothing (an old question, a button we never sent) is told why in its toast."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return
    try:
        cb = callbacks.parse(query.data)
        feedback = answers.answer_choice(s.db, user.id, cb.int_arg(0), cb.int_arg(1), s.clock(),
                                         s.config.school.timezone)
    except (answers.StaleItemError, callbacks.ForgedCallbackError) as exc:
        # Graded already, not hers, or forged: a toast says why (a double tap says nothing)
        quiet = isinstance(exc, answers.StaleItemError) and exc.quiet
        log.info("a tap on an answer button changed nothing: %s", type(exc).__name__)
        await acknowledge(query, None if quiet else _toast(context, user, exc.prompt_key))
        return
    await acknowledge(query)
    await send_feedback(update, context, feedback, edit=query)


def _toast(context: PuenteContext, user: User, key: str) -> str:
    """A tap's answer in the tapper's language: plain text over the chat, no new message."""
    lang = user_language(context, user.id, user.language_code)
    return context.services.catalog.plain(key, lang)


async def poll_answer(update: Update, context: PuenteContext) -> None:
    """Grade a quiz-poll answer; the poll id links it to the student's item."""
    answer, s = update.poll_answer, context.services
    if answer is None or answer.user is None or not answer.option_ids:
        return
    feedback = answers.answer_poll(s.db, answer.user.id, answer.poll_id, answer.option_ids[0],
                                   s.clock(), s.config.school.timezone)
    await send_feedback(update, context, feedback, chat_id=answer.user.id)


def _own_message(question: checks.Question, context: PuenteContext) -> bool:
    """A quiz poll or a listening item's voice note: not text that can follow feedback."""
    item = question.item
    if item.item_type is ItemType.LISTEN:
        return context.services.speech is not None
    return item.item_type is ItemType.POLL and all(len(o) <= 100 for o in item.options)


async def send_feedback(update: Update, context: PuenteContext, feedback: answers.Feedback,
                        chat_id: int | None = None, edit: CallbackQuery | None = None) -> None:
    """Tell the student how they did and ask the next question, in one message.

    A tapped question is edited in place, so a graded tap costs one Telegram message instead
    of three (Telegram allows ~30 a second for the whole bot); a poll and a listening item's
    voice note are the exceptions.
    """
    s = context.services
    target = chat_id or (update.effective_chat.id if update.effective_chat else None)
    if target is None:
        return
    text = views.feedback_text(feedback, s.catalog)
    following, layout = feedback.next_question, None
    if following is not None and not _own_message(following, context):
        text = Markup(f"{text}\n\n{views.question_text(following, s.catalog)}")
        if not following.item.typed:
            layout = keyboards.option_layout(callbacks.ANSWER, following.item_id,
                                             following.item.options)
    if not await _edit(edit, text, layout):
        await context.bot.send_message(target, text, reply_markup=keyboards.markup(layout)
                                       if layout is not None else None)
    if feedback.score is not None:  # the check is over: at most one combined alert a day
        await alert_teachers(context, feedback)
    if following is not None and _own_message(following, context):
        await send_question(context, target, following)


async def _edit(query: CallbackQuery | None, text: str,
                markup: InlineKeyboardMarkup | keyboards.Layout | None) -> bool:
    """Edit the tapped message; False when there is none or Telegram refuses the edit.

    Feedback on a graded tap comes as a plain layout (or none) and takes the lean edit."""
    if query is None or query.message is None:
        return False
    if getattr(query.message, "voice", None) is not None:  # a listening item: no text to edit
        try:
            await query.edit_message_reply_markup(None)  # its buttons are spent
        except BadRequest as exc:
            log.info("could not close a listening item's buttons: %s", exc.message)
        return False
    try:
        if isinstance(markup, InlineKeyboardMarkup):
            await query.edit_message_text(text, reply_markup=markup)
        else:
            await edit_tapped(query, text, markup)
    except BadRequest as exc:  # e.g. the message is too old to edit: send a new one
        if not_modified(exc):  # a double tap: it already shows this
            return True
        log.info("could not edit a tapped message: %s", exc.message)
        return False
    return True


async def text_message(update: Update, context: PuenteContext) -> None:
    """Free text: a language sample, a typed answer, or a gentle pointer to the commands."""
    message, user, s = update.effective_message, update.effective_user, context.services
    if message is None or user is None or message.text is None:
        return
    text = message.text
    if len(text) > MAX_INPUT:  # most likely a message for the teacher: offer its beginning
        await too_long(update, context, text)
        return
    # A family member's text went to messages.family_text, a teacher's to teacher_text.
    student = sender(update, context).student
    if student is None:  # a stranger: how students join and teachers sign up
        await say(update, context, "start-stranger")
        return
    if student.language is None:  # "Spanish", "Af Soomaali", or a few words in it
        typed = join.read_language_answer(s.db, user.id, text, user.language_code)
        if typed.named is not None:
            await home_language_set(update, context,
                                    join.confirm_language(s.db, user.id, typed.named))
        else:
            await ask_home_language(update, context, typed.detected)
        return
    feedback = answers.answer_typed(s.db, user.id, text, s.clock(), s.config.school.timezone)
    if feedback is None:  # not an answer: one of their words in their language, or else
        found = lookup.home_word(s.db, user.id, text)
        if found:
            await send_home_word(context, message.chat_id, found, student.language)
        else:
            await not_understood(update, context, text)  # perhaps something for the teacher
        return
    if isinstance(feedback, answers.TapAnAnswer):
        await say(update, context, "tap-an-answer")  # home language first, then English
        return
    if isinstance(feedback, answers.TypeTheWord):  # no word, or far too long: ask again
        await say(update, context, feedback.key)
        return
    if isinstance(feedback, answers.WriteInEnglish):  # their own word: one more try
        await say(update, context, "typed-home-language", typed=feedback.typed,
                  language=views.language_name(feedback.lang))
        return
    await send_feedback(update, context, feedback)


async def send_home_word(context: PuenteContext, chat_id: int, found: list[WordRef],
                         lang: str) -> None:
    """Answer a home-language word with the English word(s) it means, each with its 🔊."""
    s = context.services
    markup = keyboards.listen_words(found, s.catalog, lang) if s.speech else None
    await context.bot.send_message(chat_id, views.home_word_text(found, lang, s.catalog),
                                   parse_mode=ParseMode.HTML, reply_markup=markup)


async def progress(update: Update, context: PuenteContext) -> None:
    """Show the words by state, the streak and what to do next (levels 1-2: three short
    lines), else also reviews due and a small chart."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    who = learners.learner(s.db, user.id)
    report = progress_service.progress(s.db, user.id, s.clock(), s.config.school.timezone,
                                       s.config.school.holidays)
    caption = views.progress_text(report, who.language, s.catalog)
    if report.short:  # a newcomer reads three lines, not a chart and seven numbers
        await send_long(context, chat.id, caption)
        return
    png = progress_chart(report, s.catalog, who.language)
    if png is None:  # the chart font cannot draw this language: text bars in it instead
        bars = views.progress_bars(report, who.language, s.catalog)
        await context.bot.send_message(chat.id, views.join_lines([caption, bars]),
                                       parse_mode=ParseMode.HTML)
        return
    if not await send_picture(context, chat.id, lambda: png,
                              caption=views.cut(caption, views.CAPTION_LIMIT),
                              filename="progress.png"):
        await send_long(context, chat.id, caption)  # the numbers matter more than the chart


def register(app: Application) -> None:
    """Add the students' commands, buttons, quiz-poll answers and free text (after the family
    members' /start and /language, and after replies and /ask follow-ups, which are not
    answers)."""
    add = app.add_handler
    # Each handler is named for its command: /words is `words`, /check is `check`.
    for command in (start, words, check, progress, language):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(language_button,
                             pattern=rf"^({callbacks.LANGUAGE}|{callbacks.LANG_MENU}|"
                                     rf"{callbacks.LANG_MORE})(:|$)"))
    add(CallbackQueryHandler(placement_button, pattern=rf"^{callbacks.PLACEMENT}:"))
    add(CallbackQueryHandler(answer_button, pattern=rf"^{callbacks.ANSWER}:"))
    add(CallbackQueryHandler(flip_button, pattern=rf"^{callbacks.FLIP}$"))
    add(CallbackQueryHandler(card_button, pattern=rf"^{callbacks.CARD}:"))
    add(CallbackQueryHandler(check, pattern=rf"^{callbacks.CHECK}$"))
    add(CallbackQueryHandler(placement_resume, pattern=rf"^{callbacks.PLACEMENT_RESUME}$"))
    add(PollAnswerHandler(poll_answer))
    add(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, text_message))
