"""A teacher and her students' families: /family makes a link, /families lists who is linked
and the links still open, with a confirming step to unlink someone or cancel a link."""

from __future__ import annotations

import logging
from datetime import date, time
from functools import partial

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat import family_notes
from bot.chat.audience import PRIVATE
from bot.chat.drafts import drop_confirmed
from bot.chat.replies import (
    acknowledge,
    arg_text,
    current_tap,
    decision,
    mark_answered,
    not_modified,
    remember_spent,
    say,
    send_long,
    send_picture,
    spend,
    student_for,
    tapped,
    user_language,
)
from bot.chat.writes import WRITING, WRITING_UNTIL, ask_for_message, quiet_until
from bot.context import PuenteContext
from bot.domain.ready_announcements import DayGoneError, Picked
from bot.domain.ready_replies import WITH_WHEN
from bot.presentation import (
    callbacks,
    keyboards,
    message_views,
    ready_menus,
    spoken_views,
    students,
    views,
)
from bot.presentation.class_views import join_link, qr_png
from bot.presentation.han_script import in_script
from bot.presentation.i18n import Markup
from bot.presentation.keyboards import listen_rows
from bot.presentation.students import families_pages, made_at
from bot.presentation.views import escape, join_lines
from bot.services import (
    excused,
    listen,
    membership,
    ready_announcements,
    reply_recordings,
    student_lookup,
    teacher_answers,
    teacher_writes,
)
from bot.services.family import CAREGIVERS_PER_LINK, LINK_DAYS, FamilyLink, create_link
from bot.services.teacher_answers import Answer
from bot.translation.translator import Translation

log = logging.getLogger(__name__)


def register(app: Application) -> None:
    """Add /family, /families and their unlink and cancel buttons."""
    add = app.add_handler
    for command in (family, families):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(unlink_button, pattern=rf"^{callbacks.UNLINK}:"))
    add(CallbackQueryHandler(revoke_button, pattern=rf"^{callbacks.REVOKE_LINK}:"))
    add(CallbackQueryHandler(write_button, pattern=rf"^{callbacks.WRITE_FAMILY}:"))
    add(CallbackQueryHandler(write_ready_button, pattern=rf"^{callbacks.WRITE_READY}:"))
    add(CallbackQueryHandler(page_button, pattern=rf"^{callbacks.FAMILIES_PAGE}:"))
    add(CallbackQueryHandler(ready_button, pattern=rf"^{callbacks.READY_REPLY}:"))
    add(CallbackQueryHandler(answered_button, pattern=rf"^{callbacks.ANSWERED}(:|$)"))
    # A family's "🔤 I cannot read this" under these answers (registered here, after the
    # students' checks: an answer tap, what a whole class sends at once, walks fewer handlers)
    add(CallbackQueryHandler(family_notes.cannot_read_button,
                             pattern=rf"^{callbacks.CANNOT_READ}(:|$)"))


async def family(update: Update, context: PuenteContext) -> None:
    """Make a single-use link for one student's family: /family NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    link = create_link(s.db, user.id, arg_text(context), s.clock())
    await say(update, context, "family-link-created-shared", bilingual=False,
              name=student_for(context, user.id, link.student_id,
                               lang=user_language(context, user.id, user.language_code)),
              link=join_link(context.bot.username, link.payload),
              days=LINK_DAYS, caregivers=CAREGIVERS_PER_LINK)
    await _invitation(context, user.id, link)


async def _invitation(context: PuenteContext, teacher_id: int, link: FamilyLink) -> None:
    """A message ready to forward to the family, in the student's language and English, and
    the link as a QR code (a parent at pick-up scans it from the teacher's screen). It says
    who it is from, what Puente is, and "open this link", nothing more (playtest: ~70 words in
    Haitian Creole and Somali lost a slow reader); what translation this machine makes is
    said after linking, in their own language (the welcome and its no-model note)."""
    s = context.services
    url, name = join_link(context.bot.username, link.payload), link.student_name
    # It goes to the teacher's chat but is read by the family: in the script the student
    # reads (a Taiwanese student's grandmother got Simplified, around his Traditional name)
    script = s.scripts.script(link.student_id)
    await send_long(context, teacher_id, in_script(s.catalog.bilingual(
        "family-invitation", link.language, name=name, link=url), script))
    await send_picture(context, teacher_id, lambda: qr_png(url), filename="family-link.png",
                       caption=in_script(s.catalog.render("family-invitation-qr",
                                                          link.language, name=name), script))


async def families(update: Update, context: PuenteContext) -> None:
    """List a class's linked family members, with a button to unlink each, and its family
    links that still work, with a button to cancel each: /families [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found, links = membership.class_families(s.db, user.id, arg_text(context) or None)
    open_links = membership.open_links(s.db, found.id, s.clock())
    lang = user_language(context, user.id, user.language_code)
    unlinked = students.without_family(s.catalog, lang, membership.without_family(
        s.db, user.id, found.id))  # who still needs a link (playtest: nothing named them)
    if not links and not open_links:
        await say(update, context, "families-none", bilingual=False,
                  class_name=escape(found.name))
        if unlinked:  # a big class's names: as many messages as they need
            await send_long(context, user.id, unlinked)
        return
    text, markup = _families_page(context, user.id, lang, found, links, open_links, 0)
    both = Markup(f"{text}\n\n{unlinked}") if unlinked else text
    if views.shown_len(both) <= views.MESSAGE_LIMIT:
        await context.bot.send_message(user.id, both, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return
    # the page (its buttons turn it in place), then a big class's names below it
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML, reply_markup=markup)
    await send_long(context, user.id, unlinked)


async def page_button(update: Update, context: PuenteContext) -> None:
    """Turn /families to another page (◀ ▶), in place; the class is checked as the
    teacher's, and a page past the end (the list shrank since) shows the last."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    class_id, number = callbacks.families_page(cb)
    found, links = membership.class_families_by_id(s.db, user.id, class_id)
    open_links = membership.open_links(s.db, found.id, s.clock())
    lang = user_language(context, user.id, user.language_code)
    if not links and not open_links:
        await query.edit_message_text(s.catalog.render("families-none", lang,
                                                       class_name=found.name),
                                      parse_mode=ParseMode.HTML)
        return
    text, markup = _families_page(context, user.id, lang, found, links, open_links, number)
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:  # a double tap: the page already shows
        if not not_modified(exc):
            raise


def _families_page(context: PuenteContext, teacher_id: int, lang: str,
                   found: membership.ClassInfo, links: list[membership.FamilyListing],
                   open_links: list[membership.OpenLink], number: int
                   ) -> tuple[Markup, InlineKeyboardMarkup]:
    """One page of /families (the last, for a `number` past the end) and its buttons: each
    member's ✉️ and Unlink, each open link's Cancel, and ◀ ▶ to the pages around it."""
    s = context.services
    pages = families_pages(
        s.catalog, lang, found.name, links, student_lookup.student_names(s.db, teacher_id),
        found.id, s.config.school.timezone, membership.link_notes(s.db, s.translator, links),
        open_links, CAREGIVERS_PER_LINK)
    page = pages[min(number, len(pages) - 1)]
    turn = (callbacks.data(callbacks.FAMILIES_PAGE, found.id, page.number - 1)
            if page.number > 0 else None,
            callbacks.data(callbacks.FAMILIES_PAGE, found.id, page.number + 1)
            if page.number + 1 < page.pages else None)
    return page.text, keyboards.unlink_buttons(page.unlink, page.revoke, page.write, turn)


async def write_button(update: Update, context: PuenteContext) -> None:
    """Ask for the message the teacher writes first to one family member (✉️ in /families)."""
    tap = await tapped(update)
    if tap is None:
        return
    await ask_for_message(update, context, tap[2].int_arg(0))


async def write_ready_button(update: Update, context: PuenteContext) -> None:
    """Send a ready-made first message (under ✉️ Write's prompt, or under its "goes in
    English" hold) to that family member, in their language with the English beneath and a
    🔊; a message typed and held for them is dropped, as it went instead. Each button acts
    once (another message may follow it)."""
    tap = await current_tap(update, context, "ready-sent-already")
    if tap is None:
        return
    query, user, cb = tap
    s, data = context.services, context.user_data
    family_id, reply = callbacks.write_ready(cb)
    now, lang = s.clock(), user_language(context, user.id, user.language_code)
    member = teacher_writes.family_to_write(s.db, user.id, family_id)  # theirs, still linked
    language, child = teacher_writes.family_language(member), member.student_name
    if language not in s.catalog.languages:  # no words of Puente's in it: never offered
        raise teacher_answers.ReadyButtonError(reply)
    if not await spend(query, query.data):  # a double tap: the first one sent it
        return
    answer = teacher_writes.ready_write(
        s.db, user.id, family_id, ready_menus.reply_text(s.catalog, "en", reply, child),
        ready_menus.reply_text(s.catalog, language, reply, child), now)
    voice = reply_recordings.reply_voice(s.db, user.id, answer.asked, reply)
    teacher_writes.queue_ready_write(
        s.db, answer, reply, message_views.answer_text(s.catalog, answer), now,
        spoken_views.ready_answer_spoken(s.catalog, answer),
        listen_rows(s.catalog, partial(listen.can_say, s.speech))
        if s.speech is not None else None, voice)
    context.deliverer.wake()
    if data is not None and data.get(WRITING) == family_id:  # the next text is no message
        data.pop(WRITING, None)
        data.pop(WRITING_UNTIL, None)
    offer = drop_confirmed(context, f"w:{family_id}")
    if offer is not None:  # their typed English, held, goes no more: its offer says so
        try:
            await context.bot.edit_message_text(
                s.catalog.render("answer-ready-instead", lang), chat_id=user.id,
                message_id=offer, parse_mode=ParseMode.HTML)
        except BadRequest as exc:  # deleted meanwhile: the message went all the same
            log.info("could not mark a ready-made first message sent: %s", exc.message)
        remember_spent(context, None, "answer-ready-instead", offer)
    await send_long(context, user.id, message_views.ready_sent(
        s.catalog, lang, student_for(context, user.id, member.student_id, first_name=child,
                                     lang=lang), answer, quiet_until(context, now),
        voice is not None))


async def ready_button(update: Update, context: PuenteContext) -> None:
    """Send the tapped ready-made reply, in the family member's language with the English
    beneath, to the family member whose message the button is under; show what went. An
    answer held for that message under "send as written?" is dropped: it went instead. A
    reply with a day and time asks for them first, with the ready-made announcements' menu."""
    tap = await current_tap(update, context, "ready-answered-already")
    if tap is None or tap[0].message is None:
        return
    query, user, cb = tap
    s = context.services
    reply, confirmed = callbacks.ready_reply(cb), callbacks.ready_confirmed(cb)
    relay = callbacks.ready_relay(cb)  # under a "send as written?" offer: the message it names
    relay_id = query.message.message_id if relay is None else relay
    asked, child = teacher_answers.ready_reply_to(s.db, user.id, relay_id, reply)
    lang = user_language(context, user.id, user.language_code)
    when, now = callbacks.ready_when(cb), s.clock()
    if reply in (asked.ready or "").split():  # sent already: never asked about, nor a menu
        raise teacher_answers.ReadySentError()
    if not confirmed and when is None and teacher_answers.answered_or_old(asked, now):
        await _ask_first(context, query, lang, reply, child, relay_id,  # never in one tap
                         teacher_answers.answered_by_colleague(s.db, asked))
        return
    if confirmed and not await spend(query):  # a double tap on ✅: the first one sent it
        return
    day = at = None
    if reply in WITH_WHEN:
        chosen = await _when(context, query, lang, reply, child, relay_id, when)
        if chosen is None:  # a menu shown: the reply goes once its day and time are chosen
            return
        day, at = chosen
    answer = Answer(asked, child, ready_menus.reply_text(s.catalog, "en", reply, child, day, at),
                    Translation(ready_menus.reply_text(s.catalog, asked.language, reply, child,
                                                       day, at), "puente", False), ready=True,
                    english_first=teacher_answers.reads_english_first(s.db, asked))
    voice = reply_recordings.reply_voice(s.db, user.id, asked, reply)
    # The store sends each reply once per message (a double tap: ReadySentError, said)
    teacher_answers.queue_ready(s.db, answer, reply,
                                message_views.answer_text(s.catalog, answer), now,
                                spoken_views.ready_answer_spoken(s.catalog, answer),
                                listen_rows(s.catalog, partial(listen.can_say, s.speech))
                                if s.speech is not None else None, voice)
    context.deliverer.wake()
    if day is None:
        await _mark_sent(context, query, lang, relay_id, held=relay is not None and not confirmed)
    else:  # its day and time menu is done; an answer held for that message goes no more
        await _menu_done(context, query, lang, relay_id)
    await mark_answered(context, user.id, relay_id, lang,
                        ready_menus.reply_text(s.catalog, lang, reply, child, day, at),
                        excused.excused_by(s.db, asked))
    await send_long(context, user.id, message_views.ready_sent(
        s.catalog, lang, student_for(context, user.id, asked.student_id, first_name=child,
                                     lang=lang), answer, quiet_until(context, now),
        voice is not None))


async def _ask_first(context: PuenteContext, query: CallbackQuery, lang: str, reply: str,
                     child: str, relay_id: int, colleague: str | None = None) -> None:
    """Ask before a ready-made reply goes to a message answered already, or old: "Send
    “Ana is doing well.” anyway?" ✅ / ✖️ (a family who cannot read the English line reads
    only the reply, out of its context); naming the co-teacher who answered it."""
    s = context.services
    text = ready_menus.reply_text(s.catalog, lang, reply, child)
    said = s.catalog.render("ready-confirm-answered-by", lang, text=text, teacher=colleague) \
        if colleague else s.catalog.render("ready-confirm-answered", lang, text=text)
    await context.bot.send_message(
        query.from_user.id, said,
        parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_ready(s.catalog, lang, reply,
                                                                        relay_id))


async def answered_button(update: Update, context: PuenteContext) -> None:
    """"✅ Answered: …" tapped: its toast says so; ✖️ under "send anyway?": nothing sent."""
    query = update.callback_query
    if query is None or query.from_user is None:
        return
    lang = user_language(context, query.from_user.id, query.from_user.language_code)
    cb = callbacks.parse(query.data)
    if cb.args != ("no",):
        await acknowledge(query, context.services.catalog.plain("ready-answered-already", lang))
        return
    await acknowledge(query)
    if not await spend(query):  # a double tap: the first one said it
        return
    await query.edit_message_text(context.services.catalog.render("remove-kept", lang))


async def _when(context: PuenteContext, query: CallbackQuery, lang: str, reply: str,
                child: str, relay_id: int, when: str | None) -> tuple[date, time] | None:
    """The day and time a ready-made reply names, once both are chosen; until then, its day
    menu (below the message, on the first tap; then in place) or its time menu. The buttons
    are the ready-made announcements': the next school days, Later ▶, on the hour."""
    s, now = context.services, context.services.clock()
    gone = False
    try:
        picked = ready_announcements.pick_when(s.config.school, when, now)
    except DayGoneError:  # an old menu: the days there are now, said kindly
        gone, picked = True, Picked()
    day, at = picked.day, picked.at
    if day is not None and at is not None:
        return day, at
    text = ready_menus.reply_text(s.catalog, lang, reply, child, day, at)

    def data(arg: str) -> str:
        return callbacks.data(callbacks.READY_REPLY, reply, relay_id, arg)

    title, markup = ready_menus.pick_day(
        s.catalog, lang, text, ready_announcements.days(s.config.school, now, picked.page),
        data, gone) if day is None else ready_menus.pick_time(s.catalog, lang, text, data, day,
                                                               picked.hour)
    if when is None:
        await context.bot.send_message(query.from_user.id, title, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return None
    try:
        await query.edit_message_text(title, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        if not not_modified(exc):  # a double tap: the menu shows already
            raise
    return None


async def _menu_done(context: PuenteContext, query: CallbackQuery, lang: str,
                     relay_id: int) -> None:
    """A reply's day and time menu, once it went: its buttons off (a later tap says it went),
    and an answer held for that message dropped, its offer saying the reply went instead."""
    offer = drop_confirmed(context, str(relay_id))
    try:
        await query.edit_message_reply_markup(None)
        if offer is not None:
            await context.bot.edit_message_text(
                context.services.catalog.render("answer-ready-instead", lang),
                chat_id=query.from_user.id, message_id=offer, parse_mode=ParseMode.HTML)
    except BadRequest as exc:  # a message deleted meanwhile: the reply went all the same
        log.info("could not close a ready-made reply's menu: %s", exc.message)
    if offer is not None:
        remember_spent(context, None, "answer-ready-instead", offer)


async def _mark_sent(context: PuenteContext, query: CallbackQuery, lang: str, relay_id: int,
                     held: bool) -> None:
    """The teacher's own answer held for that message is dropped, and its offer loses its
    buttons, saying the ready-made reply went instead. (The relayed message's replies give way
    to "✅ Answered: …": a second reply is asked about first.)"""
    offer = drop_confirmed(context, str(relay_id))
    instead = context.services.catalog.render("answer-ready-instead", lang)
    message = query.message
    try:
        if held:  # tapped under the offer itself: it says the reply went instead; the
            # relayed message above shows "✅ Answered: …" (mark_answered)
            await query.edit_message_text(instead, parse_mode=ParseMode.HTML)
        if offer is not None and (not held or message is None or offer != message.message_id):
            await context.bot.edit_message_text(instead, chat_id=query.from_user.id,
                                                message_id=offer, parse_mode=ParseMode.HTML)
    except BadRequest as exc:  # a message deleted meanwhile: the reply went all the same
        log.info("could not mark a ready-made reply sent: %s", exc.message)
    for replaced in {offer, message.message_id if held and message else None} - {None}:
        remember_spent(context, None, "answer-ready-instead", replaced)


async def unlink_button(update: Update, context: PuenteContext) -> None:
    """Ask before unlinking a family member from a student of the teacher's classes; unlink
    after the confirming tap (every family link to the student that still works is cancelled
    with it). A parent cut off by a mis-tap could not know why updates stopped."""
    decided = await decision(update, context)
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    if len(cb.args) == 1:  # the first tap, in /families: ask
        found = membership.family_to_unlink(s.db, user.id, cb.int_arg(0))
        await context.bot.send_message(
            user.id, s.catalog.render(
                "families-unlink-confirm", lang,
                name=student_for(context, user.id, found.student_id,
                                 first_name=found.student_name, lang=lang)),
            parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_unlink(
                found.family_id, s.catalog.plain("button-unlink-yes", lang),
                s.catalog.plain("button-keep", lang)))
        return
    if not await spend(query):  # a double tap: the first tap unlinked them
        return
    link = membership.unlink_family(  # told in their language, read before it is forgotten
        s.db, user.id, cb.int_arg(0), s.clock(), lambda found: str(s.catalog.render(
            "family-unlinked-by-teacher", user_language(context, found.telegram_id),
            name=found.student_name)))
    remember_spent(context, query, "families-already-unlinked")
    context.deliverer.wake()  # their note; a message still queued for them is dropped
    unlinked = s.catalog.render(
        "families-unlinked", lang, name=student_for(context, user.id, link.student_id,
                                                    first_name=link.student_name, lang=lang))
    # The teacher should know the family member hears of it (unlink_family queued their note)
    told = s.catalog.render("families-unlinked-told", lang)
    await query.edit_message_text(join_lines([unlinked, told]), parse_mode=ParseMode.HTML)


async def revoke_button(update: Update, context: PuenteContext) -> None:
    """Ask before cancelling a family link; cancel it after the confirming tap. A tap on a
    link already cancelled or expired (an old list, a second tap) is told so in its toast."""
    if await _link_gone(update, context):
        return
    decided = await decision(update, context)
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    if len(cb.args) == 1:  # the first tap, in /families: ask
        found = membership.link_to_revoke(s.db, user.id, cb.int_arg(0), s.clock())
        await context.bot.send_message(
            user.id, s.catalog.render("families-cancel-confirm", lang,
                                      date=_day(context, found, lang),
                                      name=_link_owner(context, user.id, found, lang)),
            parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_revoke(
                found.link_id, s.catalog.plain("button-cancel-link-yes", lang),
                s.catalog.plain("button-keep", lang)))
        return
    if not await spend(query):  # a double tap on Cancel: the first tap cancelled it
        return
    found = membership.revoke_link(s.db, user.id, cb.int_arg(0), s.clock())
    remember_spent(context, query, "families-link-gone")
    await query.edit_message_text(s.catalog.render(
        "families-link-cancelled", lang, name=_link_owner(context, user.id, found, lang),
        date=_day(context, found, lang)), parse_mode=ParseMode.HTML)


async def _link_gone(update: Update, context: PuenteContext) -> bool:
    """Whether a Cancel tap is on a link already cancelled or expired; if so, its toast says
    so (the tap's own answer: no new message, nothing changes)."""
    query, user, s = update.callback_query, update.effective_user, context.services
    if query is None or user is None:
        return False
    cb = callbacks.parse(query.data)
    if cb.args == ("no",):
        return False
    try:
        membership.link_to_revoke(s.db, user.id, cb.int_arg(0), s.clock())
    except membership.LinkGoneError as exc:
        await acknowledge(query, s.catalog.plain(
            exc.prompt_key, user_language(context, user.id, user.language_code)))
        return True
    return False


def _link_owner(context: PuenteContext, teacher_id: int, found: membership.OpenLink,
                lang: str) -> str:
    """The student a family link is for, as this teacher tells their students apart."""
    return student_for(context, teacher_id, found.student_id, first_name=found.student_name,
                       lang=lang)


def _day(context: PuenteContext, found: membership.OpenLink, lang: str) -> str:
    """When a family link was made, in the school's time zone (as /families lists it)."""
    return made_at(found.created_at, context.services.config.school.timezone,
                   context.services.catalog, lang)
