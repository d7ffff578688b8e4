"""A check's questions and feedback as messages: buttons, a quiz poll, a voice note or a
typed question (with one button, "🤷 I don't know", which at levels 1-2 also comes under
every question's options and last in its quiz poll); a graded tap's feedback and next question
edit the tapped message. An answer typed instead of tapped takes its question's buttons off (a
typed question's 🤷 too), and one typed instead of voted (or tapped on the buttons /check sent
the question again with) closes its quiz poll, so only the open question can be answered. The
message showing the buttons is held in memory (`user_data`) only (after a restart an old
question keeps its buttons, and a tap there grades nothing); a poll's message is kept with its
item in the store too, so it is closed after a restart."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InputPollOption,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode, PollType
from telegram.error import BadRequest

from bot.chat import tile_screen
from bot.chat.alerts import alert_teachers
from bot.chat.replies import (
    close_poll,
    edit_caption,
    edit_in_place,
    on_media,
    reply_gone,
    send_long,
    take_buttons_off,
)
from bot.context import PuenteContext
from bot.delivery.voice import send_note
from bot.domain import read_aloud, tiles
from bot.domain.scaffold import ItemType, scaffold_for
from bot.presentation import callbacks, check_views, keyboards, views
from bot.presentation.i18n import Markup
from bot.services import answers, checks, listen, question_audio
from bot.services.learners import learner

log = logging.getLogger(__name__)

QUESTION_BUTTONS = "question_buttons"  # user_data: (item id, message id) of the live buttons
QUESTION_POLL = "question_poll"  # user_data: (item id, message id) of the open quiz poll
ASKED_FROM = "asked_from"  # user_data: (item id, message id) of the ✅ whose tap asked it
FIRST_SHOWN = "first_shown"  # user_data: (item id, message id) of the first message to show it


def _showing(context: PuenteContext, item_id: int, message_id: int) -> None:
    """Note the message that shows an item's answer buttons now (and its tiles, if any)."""
    if context.user_data is not None:
        context.user_data[QUESTION_BUTTONS] = (item_id, message_id)
        first = context.user_data.get(FIRST_SHOWN)
        if first is None or first[0] != item_id:  # shown again (/check): she saw the first
            context.user_data[FIRST_SHOWN] = (item_id, message_id)
        held = context.user_data.get(tile_screen.TILE_SCREEN)
        if isinstance(held, tile_screen.TileScreen) and held.item_id == item_id:
            context.user_data[tile_screen.TILE_SCREEN] = replace(held, message_id=message_id)


def asked_from(context: PuenteContext, item_id: int, tapped: int) -> None:
    """Note that a tap on the ✅ in message `tapped` asks this item now (before it is sent: a
    second tap on that ✅ while the first is still sending it finds this)."""
    if context.user_data is not None:
        context.user_data[ASKED_FROM] = (item_id, tapped)


def shown_below(context: PuenteContext, item_id: int, tapped: int,
                poll_message: int | None = None) -> bool:
    """True when the open question is on screen below the ✅ tapped in message `tapped`: a tap
    on that same ✅ asked it (a double tap), or its buttons or quiz poll show in a later
    message. Where it shows is not known after a restart (buttons are held in memory only;
    `poll_message` is kept in the store): False, so the question comes again."""
    held = context.user_data if context.user_data is not None else {}
    if held.get(ASKED_FROM) == (item_id, tapped):
        return True
    shown = [poll_message] + [held[key][1] for key in (QUESTION_BUTTONS, QUESTION_POLL)
                              if key in held and held[key][0] == item_id]
    return any(message is not None and message > tapped for message in shown)


def first_shown(context: PuenteContext) -> tuple[int, int] | None:
    """(item id, message id) of the first message that showed the newest question asked in
    this chat with buttons (every typed question has its 🤷), held in memory: None after a
    restart. A text with a lower message id was sent before that question existed."""
    held = context.user_data.get(FIRST_SHOWN) if context.user_data is not None else None
    return (int(held[0]), int(held[1])) if held is not None else None


def shown_in(context: PuenteContext, item_id: int, poll_message: int | None = None
             ) -> int | None:
    """The message that shows this open question now: its buttons (held in memory) or its
    quiz poll (in memory, or `poll_message`, kept in the store); None when not known (buttons
    after a restart)."""
    held = context.user_data if context.user_data is not None else {}
    for key in (QUESTION_BUTTONS, QUESTION_POLL):
        if key in held and held[key][0] == item_id:
            return int(held[key][1])
    return poll_message


async def point_to_question(context: PuenteContext, chat_id: int, message_id: int,
                            lang: str, key: str = "progress-question-waiting",
                            english_first: bool = False,
                            markup: InlineKeyboardMarkup | None = None) -> bool:
    """Reply to the open question's message with "👆 A question is still waiting for you
    above." (or `key`; English first with `english_first`, levels 5-6; a tap on the quote
    shows it; `markup` under it); False when Telegram no longer has that message (she
    deleted it), so the question must come again."""
    try:
        await context.bot.send_message(
            chat_id, context.services.catalog.bilingual(key, lang, english_first=english_first),
            reply_parameters=ReplyParameters(message_id, allow_sending_without_reply=False),
            reply_markup=markup)
    except BadRequest as exc:
        if not reply_gone(exc):
            raise
        log.info("an open question's message is gone from the student's chat: it comes again")
        return False
    return True


async def point_to_buttons(context: PuenteContext, chat_id: int, item_id: int,
                           poll_message: int | None, lang: str, english_first: bool = False,
                           key: str = "tap-an-answer",
                           markup: InlineKeyboardMarkup | None = None) -> None:
    """Text that is no answer while buttons wait: reply "Tap one of the answers above. 👆"
    (or `key`: the tiles line under letter tiles) to the open question's message, which may be
    days old and far above (playtest); where that message is not known (buttons after a
    restart) or gone, send the question again. `markup` (🆘 for a lost "?") goes under the
    pointer, which then follows a question sent again."""
    shown = shown_in(context, item_id, poll_message)
    if shown is not None and await point_to_question(context, chat_id, shown, lang,
                                                     key, english_first, markup):
        return
    s = context.services
    start = checks.resume_check(s.db, learner(s.db, chat_id), s.clock(),
                                s.config.school.timezone, any_day=True)
    if start is None or start.question is None or start.question.item_id != item_id:
        await context.bot.send_message(chat_id, s.catalog.bilingual(
            key, lang, english_first=english_first), reply_markup=markup)
        return  # answered meanwhile (another device): nothing to ask again
    await send_question(context, chat_id, start.question)
    if markup is not None:  # the question is above now: the pointer, and its 🆘, below it
        await context.bot.send_message(chat_id, s.catalog.bilingual(
            key, lang, english_first=english_first), reply_markup=markup)


async def point_to_new_check(context: PuenteContext, chat_id: int, lang: str,
                             english_first: bool = False) -> bool:
    """A tap on a question of a check that is over while a newer check's question is open
    (today's, as /check would ask it again): say the tapped one is over and reply to the open
    question's message, or, where that is not known or gone, send it again under the line.
    False when no check is open (Paj's old 🤷 under a "Practice again" read "send /check",
    and /check then said a question was waiting: Hmong re-playtest)."""
    s = context.services
    start = checks.resume_check(s.db, learner(s.db, chat_id), s.clock(),
                                s.config.school.timezone)
    if start is None or start.question is None:
        return False
    shown = shown_in(context, start.question.item_id, start.poll_message)
    if shown is not None and await point_to_question(context, chat_id, shown, lang,
                                                     "check-stale-over-above", english_first):
        return True
    await context.bot.send_message(chat_id, s.catalog.bilingual(
        "check-stale-over-below", lang, english_first=english_first))
    await send_question(context, chat_id, start.question)
    return True


async def send_question(context: PuenteContext, chat_id: int,
                        question: checks.Question, lead: Markup | None = None) -> None:
    """Send an item as buttons, a quiz poll, a voice note with buttons, or a typed question.

    `lead` (why a check is short) opens a text question's message: a message of its own
    was one more of the bot's 30 a second for every short check. A tap edits it into the
    feedback and the next question, so the line goes once she has answered, as the card
    line goes on Next ▶: what it tells her comes again in the check's last message (when
    more words come, "words ready: /check", the cards' button). A quiz poll's question is
    plain text within 300 characters, which its own question needs (poll_question), and
    a voice note's caption is a question read aloud: the line comes on its own before them."""
    s, item = context.services, question.item
    if lead is not None and _own_message(question, context):
        await send_long(context, chat_id, lead)
        lead = None
    if item.item_type is ItemType.LISTEN and s.speech is not None:
        note = listen.question_note(s.db, s.speech, item.word_id)
        sent = await send_note(context.bot, s, chat_id, note,
                               check_views.question_text(question, s.catalog),
                               keyboards.markup(_buttons(question, context)))
        _showing(context, question.item_id, sent.message_id)
        return
    options = _poll_options(question, context)
    if options is not None:
        message: Message = await context.bot.send_poll(
            chat_id, check_views.poll_question(question, s.catalog),
            [InputPollOption(o, text_parse_mode=None) for o in options],
            question_parse_mode=None,  # plain text: a poll is not Telegram HTML
            is_anonymous=False, type=PollType.QUIZ,
            correct_option_ids=[item.options.index(item.answer)])
        if message.poll:
            checks.poll_sent(s.db, question.item_id, message.poll.id, message.message_id)
            if context.user_data is not None:
                context.user_data[QUESTION_POLL] = (question.item_id, message.message_id)
        return
    before = tile_screen.held(context, question.item_id)  # a copy on screen already
    text, screen = _with_tiles(context, question, lead)
    if lead is not None and views.utf16_len(text) > views.MESSAGE_LIMIT:  # never seen: a
        # question is a few lines; Telegram would refuse the message
        await send_long(context, chat_id, lead)
        text, screen = _with_tiles(context, question)
    sent = await context.bot.send_message(
        chat_id, text, parse_mode=ParseMode.HTML,
        reply_markup=keyboards.markup(_buttons(question, context, screen)))
    _showing(context, question.item_id, sent.message_id)
    if before is not None and before.message_id not in (None, sent.message_id):
        # /check sent it again: the old copy's tiles would spell nothing (tile_screen.py)
        await take_buttons_off(context, chat_id, before.message_id)


def _with_tiles(context: PuenteContext, question: checks.Question, lead: Markup | None = None
                ) -> tuple[Markup, tile_screen.TileScreen | None]:
    """The message for a question (under `lead`, the last answer's feedback): one that offers
    letter tiles is noted in memory (tile_screen.py), with its spelling line under it while
    its tiles show (levels 1-2 from the start, and at level 1 a typed question's too:
    tiles.first; else a typed question's after "🔤", its text then saying how to answer with
    them). Sent again (/check), it goes on with the letters she had
    tapped, under the heading the first copy had (its one-time line too): one rendering of a
    question, whichever copy shows it. Any other question's text as it is, and the last tiles
    question forgotten."""
    item, catalog = question.item, context.services.catalog
    before = tile_screen.held(context, question.item_id)
    if before is not None and before.intro is not None and question.intro is None:
        question = replace(question, intro=before.intro)  # sent again: its first heading

    def message(tiled: bool) -> Markup:
        asked = check_views.question_text(question, catalog, tiles=tiled)
        return asked if lead is None else Markup(f"{lead}\n\n{asked}")

    if not question.offers_tiles:
        tile_screen.forget(context)
        return message(False), None
    shown = question.opens_with_tiles or (before is not None and before.shown)
    tiled = None if question.spelled_with_tiles else message(True)
    screen = tile_screen.TileScreen(
        question.item_id, None, tiles.tiles_for(item, question.item_id),
        tiles.fewest_letters(item),
        tiled if shown and tiled is not None else message(False),
        before.picks if before is not None else (), shown, tiled, question.intro)
    tile_screen.remember(context, screen)
    return (tile_screen.with_line(screen.base, screen) if shown else screen.base), screen


def _buttons(question: checks.Question, context: PuenteContext,
             screen: tile_screen.TileScreen | None = None) -> keyboards.Layout:
    """A question's buttons: under a typed question "🤷 I don't know"; else its options, and
    at levels 1-2 (scaffold.dont_know) "🤷 I don't know" on a row of its own below them.
    Letter tiles show the spelling `screen` holds (its tiles tapped so far are used)."""
    item, catalog = question.item, context.services.catalog
    if item.typed:  # "🔤 Letter tiles" over the 🤷, where tiles can spell the word
        rows = keyboards.dont_know_layout(question.item_id, catalog, question.lang,
                                          question.english_first)
        if not question.offers_tiles:
            return rows
        if screen is not None and screen.shown:  # sent again after "🔤": its tiles
            return [*keyboards.tile_layout(question.item_id, screen.deal, screen.picks), *rows]
        return [*keyboards.show_tiles_layout(
            question.item_id, tiles.tiles_for(item, question.item_id), tiles.fewest_letters(item),
            catalog, question.lang, question.english_first), *rows]
    # levels 1-2 spell an L1 -> English word with tiles where it fits, instead of six options;
    # a student who cannot read yet (/readaloud) taps numbered ones, read aloud under her 🔊
    oral = read_aloud.applies(item, question.level, question.reads_aloud)
    layout = keyboards.tile_layout(question.item_id, tiles.tiles_for(item, question.item_id),
                                   screen.picks if screen is not None else ()) \
        if question.spelled_with_tiles \
        else keyboards.option_layout(callbacks.ANSWER, question.item_id,
                                     read_aloud.numbered(item.options) if oral else item.options)
    if not scaffold_for(question.level).dont_know:  # levels 3-6: no 🤷 to label
        return layout
    # levels 1-2: a 🔊 reads the home-language question (a newcomer may not read it), or a
    # gap sentence in English (no voice of her language needed), or her teacher's recording
    # of the definition shown (a language no voice speaks, /record); for a student who cannot
    # read, first and wide as "🔊🔊🔊", then her options read aloud (she cannot read that a
    # 🔊 is there, nor a one-word label: question_sound.py)
    label = "button-read-aloud" if oral else "button-listen"
    sound = [[(catalog.plain(label, question.lang),
               callbacks.data(callbacks.QUESTION_AUDIO, question.item_id))]] \
        if (oral and context.services.speech is not None) or _sounds(question, context) else []
    return [*sound, *layout, *keyboards.dont_know_layout(question.item_id, catalog,
                                                         question.lang, question.english_first)]


def _sounds(question: checks.Question, context: PuenteContext) -> bool:
    """Whether today's 🔊 is under a level 1-2 question: speech reads it, or her teacher
    recorded the definition it shows."""
    item, speech = question.item, context.services.speech
    return (speech is not None and question_audio.offers_audio(item.item_type, item.asks_meaning)
            and (speech.voice_for(question.lang) is not None
                 or not question_audio.needs_home_voice(item.item_type))) \
        or question_audio.recording_for(context.services.db, item.word_id, item.prompt,
                                        question.lang, item.item_type,
                                        item.asks_meaning) is not None


def _poll_options(question: checks.Question, context: PuenteContext) -> list[str] | None:
    """A quiz poll item's options as its poll shows them; None: not sent as a poll (another
    type, or an option too long for one)."""
    if question.item.item_type is not ItemType.POLL:
        return None
    return check_views.poll_options(question, context.services.catalog)


def _own_message(question: checks.Question, context: PuenteContext) -> bool:
    """A quiz poll or a listening item's voice note: not text that can follow feedback."""
    if question.item.item_type is ItemType.LISTEN:
        return context.services.speech is not None
    return _poll_options(question, context) is not None


async def send_feedback(update: Update, context: PuenteContext, feedback: answers.Feedback,
                        chat_id: int | None = None, edit: CallbackQuery | None = None) -> None:
    """Tell the student how they did and ask the next question, in one message.

    A tapped question is edited in place, so a graded tap costs one Telegram message instead
    of three (Telegram allows ~30 a second for the whole bot); a poll and a listening item's
    voice note are the exceptions. A tap under a voice note edits the note's caption into the
    feedback (its buttons go), so the next question is the only message sent.
    """
    s = context.services
    target = chat_id or (update.effective_chat.id if update.effective_chat else None)
    if target is None:
        return
    tile_screen.answered(context, feedback.item_id)  # its tiles' copies spell nothing now
    shown = context.user_data.pop(QUESTION_BUTTONS, None) if context.user_data else None
    await _close_answered_poll(update, context, target, feedback)
    text = check_views.feedback_text(feedback, s.catalog)
    following = feedback.next_question
    # a caption has no buttons
    buttons_after = following is None and (bool(check_views.commands_named(text)) or (
        feedback.next is not None and feedback.next.waiting) or feedback.offer_letters)
    if edit is not None and on_media(edit) and views.utf16_len(text) <= views.CAPTION_LIMIT \
            and not buttons_after and await edit_caption(edit, text):
        next_in = None  # the next question comes as a message of its own, below
        if following is not None:
            await send_question(context, target, following)
    else:
        next_in = await _feedback_and_question(context, target, text, feedback, edit)
    tile_screen.next_shown(context, feedback.item_id, next_in, over=following is None)
    if edit is None and shown is not None and shown[0] == feedback.item_id:  # typed, not tapped
        # after her feedback, not before: sends go out in the order asked, and when the bot is
        # at Telegram's 30 a second she waited a slot longer for it (pacer: typed answers'
        # median at 300 students 6.6 -> 9.4 s); a tap on the old 🤷 meanwhile grades nothing
        await take_buttons_off(context, target, shown[1])
    if feedback.score is not None:  # the check is over: at most one combined alert a day
        await alert_teachers(context, feedback)


async def _close_answered_poll(update: Update, context: PuenteContext, target: int,
                               feedback: answers.Feedback) -> None:
    """Close the answered item's quiz poll unless the answer was a vote on it (typed, or
    tapped on the buttons /check asked it again with), so that it takes no vote after. Its
    message is in `user_data`, or, after a restart, kept with the item in the store."""
    polled = context.user_data.get(QUESTION_POLL) if context.user_data else None
    message_id = feedback.poll_message
    if polled is not None and polled[0] == feedback.item_id:
        del context.user_data[QUESTION_POLL]
        message_id = polled[1]
    if message_id is not None and update.poll_answer is None:
        await close_poll(context, target, message_id)


async def _feedback_and_question(context: PuenteContext, target: int, text: Markup,
                                 feedback: answers.Feedback,
                                 edit: CallbackQuery | None) -> int | None:
    """Feedback with the next question in one message, edited into the tapped one when it can
    be; a quiz poll or a voice note comes as its own message after it. The message showing
    the next question when it is the feedback's (None: its own, or none). A check's last
    feedback offers the cards that wait (a check with words ready asks them first), and a
    button for each other command it names (a child may not type "/check": playtest)."""
    following = feedback.next_question
    s, layout = context.services, None
    if following is None:
        # the check is over and cards wait: one tap opens them (/words, new cards first)
        cards = keyboards.new_cards_layout(s.catalog, feedback.lang, feedback.level) \
            if feedback.next is not None and feedback.next.waiting else []
        named = [c for c in check_views.commands_named(text) if not (cards and c == "/words")]
        offer = keyboards.letters_offer_layout(s.catalog, feedback.lang) \
            if feedback.offer_letters else []
        layout = [*offer, *cards, *keyboards.command_layout(
            s.catalog, feedback.lang, named,
            scaffold_for(feedback.level).english_first)] or None
    if following is not None and not _own_message(following, context):
        text, screen = _with_tiles(context, following, text)
        layout = _buttons(following, context, screen)
    else:
        tile_screen.forget(context)
    if await edit_in_place(edit, text, layout):
        shown_in = edit.message.message_id if edit is not None and edit.message else None
    else:
        shown_in = (await context.bot.send_message(
            target, text, reply_markup=keyboards.markup(layout) if layout is not None else None
        )).message_id
    if following is not None and layout is not None and shown_in is not None:
        _showing(context, following.item_id, shown_in)
    if following is not None and _own_message(following, context):
        await send_question(context, target, following)
        return None
    return shown_in if following is not None else None
