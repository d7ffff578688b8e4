"""A student's cards as messages: a preview of their words (one card a message at levels 1-3,
else a few phone-sized messages), the cards /check found unread (a line pointing to the
preview that shows them, or the cards), and a word for a student who left the placement for
their cards."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.chat import placement_text
from bot.chat.replies import edit_in_place, reply_gone, say, user_language
from bot.context import PuenteContext
from bot.domain.checks import WordRef
from bot.domain.scaffold import scaffold_for
from bot.presentation import card_views, keyboards
from bot.presentation.i18n import Markup
from bot.services import join, learners, previews, unread_cards
from bot.services.glosses import complete_glosses

log = logging.getLogger(__name__)

PLACEMENT_NOTED = "placement_noted"  # user_data: the school day the note below was last shown


async def placement_left(update: Update, context: PuenteContext) -> None:
    """A student who left the placement for their words studies at the level their answers
    show (join.leave_placement); say so kindly, with a button back to the question they
    stopped at, once a school day (before every /words and /check it filled the screen)."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    placement_text.left(context)  # her text is no answer to the question she left
    left = join.leave_placement(s.db, user.id)
    today = s.clock().astimezone(s.config.school.timezone).date()
    if left is None or context.user_data.get(PLACEMENT_NOTED) == today:
        return
    context.user_data[PLACEMENT_NOTED] = today
    lang = user_language(context, user.id)
    text = (s.catalog.bilingual("placement-paused", lang) if left.level is None else
            s.catalog.bilingual("placement-paused-level", lang, level=left.level,
                                english_first=scaffold_for(left.level).english_first))
    await context.bot.send_message(
        chat.id, text,
        reply_markup=keyboards.resume_placement(
            s.catalog.plain("button-placement-continue", lang)))


async def show_preview(update: Update, context: PuenteContext, flipped: bool = False,
                       push_id: int | None = None, preview_id: int | None = None,
                       unasked: bool = False) -> None:
    """Preview the current words (or the words one push showed: `push_id`; or the cards sent
    together under a tapped 🔁: `preview_id`): one card a message turned with Next (levels
    1-3), else bilingual cards in a few phone-sized messages, whose 🔁 and 🔊 act on them.
    `unasked`: sent on Puente's own move (right after the placement), not because the
    student asked, so at levels 1-3 its first card counts as read only once she taps it."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    if not flipped:
        await placement_left(update, context)  # first: leaving may set the level
    who = learners.learner(s.db, user.id)
    if preview_id is not None:  # the same cards again: no word unlocks on an old 🔁
        found = previews.cards_of(s.db, who, preview_id)
    elif push_id is not None:
        found = learners.pushed_preview(s.db, who, push_id)
    else:
        found = learners.preview_words(s.db, who, s.clock(), s.config.school.timezone)
    refs = complete_glosses(s.db, found.refs, who.language)
    if not refs:
        await say(update, context, "no-words")
        return
    if who.scaffold.one_card:
        # A card Puente sent on its own is delivered, not read (as a push's: a newcomer who
        # never tapped after the placement read "📖 Reads the cards: Minh (1 card)" for a
        # week). A lone card has no Next: its ✅ must find it read, or it points to itself.
        await send_page(context, chat.id, previews.open_preview(
            s.db, who, refs, s.clock(), new=found.unread, flipped=flipped,
            sent=not unasked or len(refs) == 1))
        return
    messages = card_views.preview_messages(refs, who.language, who.scaffold, s.catalog, flipped,
                                      new=found.unread)
    labels = card_views.label_language(who.language, who.scaffold, flipped)  # levels 5-6: en
    flip = s.catalog.render("button-flip", labels) \
        if not flipped and previews.flippable(refs, who.language, who.scaffold) else None
    if push_id is None and preview_id is None:
        preview_id = previews.remember_cards(s.db, who, refs, s.clock(), found.unread)
    markup = keyboards.after_preview(flip,
                                     s.catalog.render("button-check", labels),
                                     s.catalog.render("button-listen", labels)
                                     if s.speech else None, push_id, preview_id)
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if last else None)
    learners.cards_shown(s.db, who.id, [r.id for r in refs], s.clock())  # every card, at once


async def send_page(context: PuenteContext, chat_id: int, page: previews.Page,
                    edit: CallbackQuery | None = None, lead: Markup | None = None) -> None:
    """Show one card with its buttons: in the tapped message when there is one. The preview
    remembers the message that shows it (a tap on one sent before it did teaches it too).
    `lead`: a line over the card (card_views.card_page)."""
    s = context.services
    text = card_views.card_page(page, s.catalog, lead)
    markup = keyboards.card_page(page, s.catalog, listen=s.speech is not None)
    if edit is not None and shows(edit, markup):
        return  # a second tap, after the first one's edit: the card is on screen already
    if edit is not None and edit.message is not None and \
            await edit_in_place(edit, text, markup):
        previews.sent_as(s.db, page.preview_id, edit.message.message_id)
        return
    sent = await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML,
                                          reply_markup=markup)
    previews.sent_as(s.db, page.preview_id, sent.message_id)


def shows(query: CallbackQuery, markup: InlineKeyboardMarkup) -> bool:
    """Whether the tapped message, as Telegram sends it with the tap, has these very buttons:
    they name the preview, the card and its order, so it shows that card already (an edit
    would be refused as "not modified")."""
    message = query.message
    current = getattr(message, "reply_markup", None)
    return isinstance(message, Message) and current is not None and \
        keyboards.as_rows(current) == keyboards.as_rows(markup)


async def show_unread(context: PuenteContext, user_id: int, unread: list[WordRef],
                      check_follows: bool, cards_first: bool = False) -> bool:
    """Show the cards /check found unread (just unlocked, or never opened): one line pointing
    to the preview in her chat that shows them (unread_cards.place), and, where none does or
    Telegram no longer has it, the cards, "read your cards first" over the first one when
    the check waits for them (`cards_first`). When no check follows, their last card (or
    message) offers ✅ Check, which starts one once the student has read them. True: every
    one was sent in one bundle (levels 4-6), so they count as read now and come in the very
    next check."""
    s = context.services
    who = learners.learner(s.db, user_id)
    now, tz = s.clock(), s.config.school.timezone
    split = not who.scaffold.one_card  # a bundle sent again is read at once: no second set
    plan = unread_cards.place(s.db, who.id, unread, check_follows, now, tz, split)
    while plan.pointer is not None:
        if await _point(context, user_id, plan.pointer, who.language,
                        who.scaffold.english_first):
            break
        unread_cards.message_gone(s.db, who.id, plan.pointer)
        plan = unread_cards.place(s.db, who.id, unread, check_follows, now, tz, split)
    if not plan.send:  # every unread card is on screen: the line points there
        return False
    # The check comes after these: said over the first card (English first at levels 5-6, as
    # cards), not in a message of its own, which cost a school's /checks at once a third of
    # their messages under Telegram's 30 a second (bench/class_answers.py)
    lead = s.catalog.bilingual("check-after-cards", who.language,
                               english_first=who.scaffold.english_first) if cards_first else None
    unread = complete_glosses(s.db, plan.send, who.language)
    if who.scaffold.one_card:
        await send_page(context, user_id, previews.open_preview(
            s.db, who, unread, s.clock(), offer_check=not check_follows), lead=lead)
        return False
    messages = card_views.preview_messages(unread, who.language, who.scaffold, s.catalog,
                                           lead=lead)
    labels = card_views.label_language(who.language, who.scaffold)  # levels 5-6: English
    markup = None if check_follows else keyboards.after_preview(
        None, s.catalog.render("button-check", labels),
        s.catalog.render("button-listen", labels) if s.speech else None,
        preview_id=previews.remember_cards(s.db, who, unread, s.clock()) if s.speech else None)
    for index, text in enumerate(messages):
        last = index == len(messages) - 1
        await context.bot.send_message(user_id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup if last else None)
    learners.cards_shown(s.db, who.id, [r.id for r in unread], s.clock())  # every card, at once
    return plan.pointer is None


async def _point(context: PuenteContext, chat_id: int, pointer: unread_cards.Pointer,
                 lang: str, english_first: bool = False) -> bool:
    """Reply to the preview message with the pointer's line; False when Telegram no longer
    has that message (she deleted it), so the cards must come again."""
    try:
        await context.bot.send_message(
            chat_id, context.services.catalog.bilingual(pointer.key, lang,
                                                        english_first=english_first),
            reply_parameters=ReplyParameters(pointer.message_id,
                                             allow_sending_without_reply=False))
    except BadRequest as exc:
        if not reply_gone(exc):
            raise
        log.info("a preview message is gone from the student's chat: its cards come again")
        return False
    return True
