"""Replies to one person: in their language, in as many messages as Telegram needs, pictures
that may fail without undoing anything, and acknowledged button taps."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date

from telegram import CallbackQuery, InlineKeyboardMarkup, InputFile, Message, Update, User
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.context import PuenteContext
from bot.domain.names import clean_label
from bot.presentation import callbacks, keyboards, views
from bot.presentation.i18n import Markup
from bot.presentation.students import student_label
from bot.services import membership, student_lookup, teaching

log = logging.getLogger(__name__)
MAX_INPUT = 1000  # longer messages are answered kindly and never processed


def user_language(context: PuenteContext, user_id: int, phone: str | None = None) -> str:
    """The language to speak to this user: their confirmed choice, else their phone's
    language when we have prompts for it, else English. A family member who made no choice
    gets the best one known: the one they write in, their phone's, else their child's."""
    return user_reader(context, user_id, phone).language or "en"


def user_reader(context: PuenteContext, user_id: int, phone: str | None = None
                ) -> membership.Reader:
    """The language to speak to this user (as `user_language` finds it) and whether English
    comes first (a student at levels 5-6), in the one read that finds the language."""
    own = phone_language(context, phone)
    found = membership.reader(context.services.db, user_id, own)
    return membership.Reader(found.language or own or "en", found.english_first)


def phone_language(context: PuenteContext, phone: str | None) -> str | None:
    """The phone's language (Telegram's `language_code`) when Puente has messages in it."""
    code = (phone or "").split("-")[0].lower()
    return code if code in context.services.catalog.languages else None


def teacher_reads(context: PuenteContext, user: User) -> str:
    """The language this teacher reads now (as `user_language` finds it), remembered for what
    Puente sends while they are not writing."""
    lang = user_language(context, user.id, user.language_code)
    teaching.remember_language(context.services.db, user.id, lang)
    return lang


def student_for(context: PuenteContext, teacher_id: int, student_id: int,
                class_id: int | None = None, first_name: str = "", lang: str | None = None
                ) -> str:
    """A student as this teacher reads them, in the teacher's language (`lang`, else theirs):
    "Ana", or "Ana #3" when the teacher has another Ana (plain text: the prompt it fills
    escapes it)."""
    s = context.services
    name = student_lookup.name_of(s.db, teacher_id, student_id, class_id, first_name)
    return student_label(name, s.catalog, lang or user_language(context, teacher_id))


def arg_text(context: PuenteContext) -> str:
    """The command's argument as one cleaned line (a class or student name, never a trick)."""
    return clean_label(" ".join(context.args or []))


async def say(update: Update, context: PuenteContext, key: str, *, bilingual: bool = True,
              markup: InlineKeyboardMarkup | None = None, english_first: bool | None = None,
              then: str | None = None, **params: object) -> None:
    """Reply with one prompt in the user's language (and English; above it with
    `english_first`, which by default is the student's level order: levels 5-6 read English
    first), `markup`'s buttons under it; `then`, a prompt with no parameters, on the line
    after it."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    reader = user_reader(context, user.id, user.language_code)
    lang = reader.language or "en"
    english_first = reader.english_first if english_first is None else english_first
    catalog = context.services.catalog
    text = catalog.bilingual(key, lang, english_first=english_first, **params) if bilingual else \
        catalog.render(key, lang, **params)
    if then is not None:
        text = Markup(f"{text}\n" + (catalog.bilingual(then, lang, english_first=english_first)
                                      if bilingual else catalog.render(then, lang)))
    await send_long(context, chat.id, text, markup)


async def send_long(context: PuenteContext, chat_id: int, text: str,
                    markup: InlineKeyboardMarkup | None = None) -> None:
    """Send a message in as many parts as Telegram's 4,096 UTF-16 units need (`markup`'s
    buttons under the last)."""
    parts = views.split_message(Markup(text))
    for number, part in enumerate(parts, 1):
        await context.bot.send_message(chat_id, part, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if number == len(parts) else None)


async def send_picture(context: PuenteContext, chat_id: int, render: Callable[[], bytes], *,
                       caption: str | None = None, filename: str = "picture.png") -> bool:
    """Send a picture that only adds to an action that already happened (a QR code, a chart):
    if drawing or sending it fails, the action still stands and the user was already told."""
    try:
        png = render()
        await context.bot.send_photo(chat_id, InputFile(png, filename=filename), caption=caption)
    except (TelegramError, ValueError, RuntimeError, OSError) as exc:
        log.warning("a picture was not sent (%s); the action itself succeeded",
                    type(exc).__name__)
        return False
    return True


def not_modified(exc: BadRequest) -> bool:
    """Telegram refused an edit because the message already shows exactly this: the work is
    done (a double tap, or a second tap that arrived before the first one's edit)."""
    return exc.message.lower().startswith("message is not modified")


def reply_gone(exc: BadRequest) -> bool:
    """Telegram refused a reply because the message it answers is gone (the person deleted
    it): "message to be replied not found"."""
    return "replied not found" in exc.message.lower()


def too_old(exc: BadRequest) -> bool:
    """Telegram refused to answer a tap: it was answered already, or it is over 15 minutes old
    (the bot was down). The tap itself still counts; only the spinner's answer is lost."""
    return exc.message.lower().startswith("query is too old")


# The tap this update's handling has answered: an error explained after the handler answered
# the tap must not answer it again (Telegram refuses a second answer). The handler and the
# error handler run in one task, so they share it; another update's task never sees it.
_ANSWERED: ContextVar[str | None] = ContextVar("answered_tap", default=None)


async def acknowledge(query: CallbackQuery, toast: str | None = None, alert: bool = False
                      ) -> None:
    """Stop the button's spinner, with a `toast` (plain text, at most 200 characters) that
    pops up over the chat and goes (`alert`: a box that stays until she taps OK, for what a
    slow reader must read to go on); a tap Telegram no longer takes answers for is still
    handled. A tap is answered once: Telegram refuses a second answer (an error explained
    after a handler already answered the tap), so that one is never sent."""
    if _ANSWERED.get() == query.id:
        return
    _ANSWERED.set(query.id)
    try:  # what query.answer() sends, one call less deep (every tap). The typed method: it
        # builds no object either (Telegram answers True), and do_api_request, which advises
        # it through the warnings machinery on every call, cost more (bench/graded_answers.py)
        await query.get_bot().answer_callback_query(query.id, text=toast or None,
                                                    show_alert=alert or None)
    except BadRequest as exc:
        if not too_old(exc):
            raise
        log.info("a button tap could not be answered (too old or answered already)")


async def tapped(update: Update) -> tuple[CallbackQuery, User, callbacks.Callback] | None:
    """Acknowledge a button tap and parse its data (data we never sent raises)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return None
    await acknowledge(query)
    return query, user, callbacks.parse(query.data)


def shows_button(query: CallbackQuery) -> bool:
    """Whether the tapped message, as Telegram sends it with the tap, still shows the tapped
    button (a message too old for Telegram to send counts as showing it)."""
    message = query.message
    if not isinstance(message, Message):
        return True
    rows = message.reply_markup.inline_keyboard if message.reply_markup else ()
    return any(button.callback_data == query.data for row in rows for button in row)


async def old_button(update: Update, context: PuenteContext, key: str) -> bool:
    """A tap on a button its message no longer shows (an edit took it away; the phone showed
    an old screen): its toast says so (prompt `key`, in the tapper's language) and True, so
    the caller does nothing: an edit would only repeat what the message shows."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or shows_button(query):
        return False
    log.info("a tap on a button its message no longer shows: %s", callbacks.kind(query.data))
    lang = user_language(context, user.id, user.language_code)
    await acknowledge(query, context.services.catalog.plain(key, lang))
    return True


async def current_tap(update: Update, context: PuenteContext, stale_key: str
                      ) -> tuple[CallbackQuery, User, callbacks.Callback] | None:
    """A tap on a button its message still shows, acknowledged and parsed; None when there is
    no tap, or when the button is old (its toast says `stale_key`, see `old_button`)."""
    if await old_button(update, context, stale_key):
        return None
    return await tapped(update)


SPENT = "spent_buttons"  # user_data: {message id: what its spent buttons did, a prompt key}
KEPT_SPENT = 30  # the latest few: an older message's spent buttons say only that they are old


def remember_spent(context: PuenteContext, query: CallbackQuery | None, key: str,
                   message_id: int | None = None) -> None:
    """Remember (in memory, as long as the buttons are likely tapped) what the tapped
    message's (or `message_id`'s) buttons did, so a later tap on them says it in its toast
    (`spent_key`)."""
    if message_id is None and query is not None and query.message is not None:
        message_id = query.message.message_id
    if context.user_data is None or message_id is None:
        return
    spent = context.user_data.setdefault(SPENT, {})
    spent[message_id] = key
    for old in list(spent)[:-KEPT_SPENT]:
        del spent[old]


def spent_key(update: Update, context: PuenteContext, default: str) -> str:
    """What a tap on the buttons of this message, spent already, says: what they did (as
    `remember_spent` kept it), else `default`."""
    query = update.callback_query
    message = query.message if query is not None else None
    if message is None or context.user_data is None:
        return default
    return str(context.user_data.get(SPENT, {}).get(message.message_id, default))


async def decision(update: Update, context: PuenteContext, spent: str = "button-stale",
                   kept: str = "button-kept-already"
                   ) -> tuple[CallbackQuery, User, callbacks.Callback, str] | None:
    """A tap on a "do it / keep it" pair, with the teacher's language; None when there is
    nothing to do (no tap; Keep: the message then says nothing changed; or a pair spent
    already, whose toast says what it did, else `spent`: a later tap never acts again, nor
    turns "removed" into "nothing changed"; a later tap after Keep says `kept`)."""
    if await old_button(update, context, spent_key(update, context, spent)):
        return None
    tap = await tapped(update)
    if tap is None:
        return None
    query, user, cb = tap
    lang = user_language(context, user.id, user.language_code)
    if cb.args == ("no",):
        await query.edit_message_text(context.services.catalog.render("remove-kept", lang))
        remember_spent(context, query, kept)
        return None
    return query, user, cb, lang


async def spend(query: CallbackQuery, data: str | None = None) -> bool:
    """Take the tapped button (None: every button) off its message, so it acts once; False
    when an earlier tap already took it (a double tap: the caller stops, as the first tap did
    the work). A message Telegram will not edit (deleted meanwhile) does not stop the tap."""
    message = query.message
    if message is None:
        return True  # Telegram no longer shows us the message: nothing to take off
    try:
        await query.edit_message_reply_markup(
            keyboards.without(getattr(message, "reply_markup", None), data) if data else None)
    except BadRequest as exc:
        if not_modified(exc):
            return False
        log.info("could not take a spent button off: %s", exc.message)
    return True


async def edit_tapped(query: CallbackQuery, text: str, layout: keyboards.Layout | None) -> None:
    """Edit the tapped message into `text` (Telegram HTML) with these buttons (none: no buttons).

    A graded tap's one message. `edit_message_text` would build button objects only to
    serialise them again, and parse the message Telegram sends back into a `Message` nobody
    reads: together a quarter of what a graded tap costs to process (bench/graded_answers.py).
    `do_api_request` is python-telegram-bot's public call for a method with plain JSON values:
    the same request, through the same rate limiter, and Telegram's answer returned unread.
    It inserts no Defaults, so the parse mode is set here. Errors are raised as from any call.
    """
    message = query.message
    assert message is not None
    params: dict[str, object] = {"chat_id": message.chat.id, "message_id": message.message_id,
                                 "text": text, "parse_mode": ParseMode.HTML}
    if layout is not None:
        params["reply_markup"] = keyboards.wire(layout)
    await query.get_bot().do_api_request("editMessageText", api_kwargs=params)


def on_media(query: CallbackQuery | None) -> bool:
    """Whether the tap came from under a voice note (or the audio file sent instead): a
    message with a caption and no text to edit."""
    message = query.message if query is not None else None
    return getattr(message, "voice", None) is not None \
        or getattr(message, "audio", None) is not None


def no_text(exc: BadRequest) -> bool:
    """Telegram refused to edit a message's text because it has none (a voice note)."""
    return exc.message.lower().startswith("there is no text in the message")


async def edit_caption(query: CallbackQuery, caption: str) -> bool:
    """Edit the tapped voice note's caption into `caption` (Telegram HTML, at most 1,024
    characters) and take its buttons off; False when Telegram refuses."""
    try:
        await query.edit_message_caption(caption, parse_mode=ParseMode.HTML, reply_markup=None)
    except BadRequest as exc:
        if not_modified(exc):  # a double tap: it already shows this
            return True
        log.info("could not edit a voice note's caption: %s", exc.message)
        return False
    return True


async def _close_media(query: CallbackQuery) -> None:
    """Take the buttons off a voice note whose answer comes in a new message."""
    try:
        await query.edit_message_reply_markup(None)  # its buttons are spent
    except BadRequest as exc:
        log.info("could not close a listening item's buttons: %s", exc.message)


async def take_buttons_off(context: PuenteContext, chat_id: int, message_id: int) -> None:
    """Take every button off one of our messages (a question answered by typing, not by a
    tap). One that shows none already, or is gone or too old to edit, is left as it is."""
    try:
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest as exc:  # "message is not modified", "message to edit not found"...
        log.info("could not take an answered question's buttons off: %s", exc.message)


async def mark_answered(context: PuenteContext, teacher_id: int, relay_id: int, lang: str,
                        said: str, excused: tuple[int, date] | None = None) -> None:
    """Put "✅ Answered: …" (`said`, the answer's beginning) on a relayed message in place of
    its ready-made replies, so none goes in one tap to a message answered already, keeping
    the ↩️ of a day it `excused` (student id, day) that still is. One gone, or too old to
    edit, is left as it is: a tap on its buttons is asked about first."""
    try:
        await context.bot.edit_message_reply_markup(
            teacher_id, relay_id,
            reply_markup=keyboards.answered(context.services.catalog, lang, said, excused))
    except BadRequest as exc:  # "message is not modified", "message to edit not found"...
        log.info("could not mark a relayed message answered: %s", exc.message)


async def close_poll(context: PuenteContext, chat_id: int, message_id: int) -> None:
    """Close one of our quiz polls (a question answered another way than by a vote), so it
    takes no vote after. One closed already, or gone or too old to stop, is left as it is."""
    try:
        await context.bot.stop_poll(chat_id, message_id)
    except BadRequest as exc:  # "poll has already been closed", "message with poll to stop..."
        log.info("could not close an answered question's poll: %s", exc.message)


async def edit_in_place(query: CallbackQuery | None, text: str,
                        markup: InlineKeyboardMarkup | keyboards.Layout | None) -> bool:
    """Edit the tapped message; False when there is none or Telegram refuses the edit.

    Feedback on a graded tap comes as a plain layout (or none) and takes the lean edit."""
    if query is None or query.message is None:
        return False
    if on_media(query):  # a listening item: no text to edit
        await _close_media(query)
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
        if no_text(exc):  # a voice note the tap did not say was one: its buttons still go
            await _close_media(query)
        return False
    return True
