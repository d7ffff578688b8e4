"""A teacher and her students' families: /family makes a link, /families lists who is linked
and the links still open, with a confirming step to unlink someone or cancel a link."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    acknowledge,
    arg_text,
    current_tap,
    decision,
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
from bot.chat.writes import ask_for_message, quiet_until
from bot.context import PuenteContext
from bot.domain.ready_replies import ready_key
from bot.presentation import callbacks, keyboards, message_views
from bot.presentation.class_views import join_link, qr_png
from bot.presentation.i18n import Markup
from bot.presentation.students import families_pages, made_at
from bot.presentation.views import escape
from bot.services import membership, teacher_answers, teaching
from bot.services.family import CAREGIVERS_PER_LINK, LINK_DAYS, FamilyLink, create_link
from bot.services.message_languages import answer_language, teacher_reads_english
from bot.services.teacher_answers import Answer
from bot.translation.translator import Translation


def register(app: Application) -> None:
    """Add /family, /families and their unlink and cancel buttons."""
    add = app.add_handler
    for command in (family, families):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(unlink_button, pattern=rf"^{callbacks.UNLINK}:"))
    add(CallbackQueryHandler(revoke_button, pattern=rf"^{callbacks.REVOKE_LINK}:"))
    add(CallbackQueryHandler(write_button, pattern=rf"^{callbacks.WRITE_FAMILY}:"))
    add(CallbackQueryHandler(page_button, pattern=rf"^{callbacks.FAMILIES_PAGE}:"))
    add(CallbackQueryHandler(ready_button, pattern=rf"^{callbacks.READY_REPLY}:"))


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
    the link as a QR code (a parent at pick-up scans it from the teacher's screen)."""
    s = context.services
    url, name = join_link(context.bot.username, link.payload), link.student_name
    # "translated" only where this machine translates both ways for that language (a Hmong
    # father was promised translations no model here could make; playtest)
    translated = link.language == "en" or (
        answer_language(s.translator, link.language) == link.language
        and teacher_reads_english(s.translator, link.language))
    await send_long(context, teacher_id, s.catalog.bilingual(
        "family-invitation" if translated else "family-invitation-no-model", link.language,
        name=name, link=url, days=LINK_DAYS))
    await send_picture(context, teacher_id, lambda: qr_png(url), filename="family-link.png",
                       caption=s.catalog.render("family-invitation-qr", link.language,
                                               name=name))


async def families(update: Update, context: PuenteContext) -> None:
    """List a class's linked family members, with a button to unlink each, and its family
    links that still work, with a button to cancel each: /families [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found, links = membership.class_families(s.db, user.id, arg_text(context) or None)
    open_links = membership.open_links(s.db, found.id, s.clock())
    lang = user_language(context, user.id, user.language_code)
    if not links and not open_links:
        await say(update, context, "families-none", bilingual=False,
                  class_name=escape(found.name))
        return
    text, markup = _families_page(context, user.id, lang, found, links, open_links, 0)
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                   reply_markup=markup)


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
        s.catalog, lang, found.name, links, teaching.student_names(s.db, teacher_id), found.id,
        s.config.school.timezone, membership.link_notes(s.db, s.translator, links),
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


async def ready_button(update: Update, context: PuenteContext) -> None:
    """Send the tapped ready-made reply, in the family member's language with the English
    beneath, to the family member whose message the button is under; show what went."""
    tap = await current_tap(update, context, "ready-sent-already")
    if tap is None or tap[0].message is None:
        return
    query, user, cb = tap
    s = context.services
    reply = callbacks.ready_reply(cb)
    relay = callbacks.ready_relay(cb)  # under a "send as written?" offer: the message it names
    asked, child = teacher_answers.ready_reply_to(
        s.db, user.id, query.message.message_id if relay is None else relay, reply)
    # Only the tapped reply goes: the others stay, as a teacher may send a second one.
    if not await spend(query, query.data):  # a double tap: the first one sent it
        return
    key, now = ready_key(reply), s.clock()
    answer = Answer(asked, child, s.catalog.plain(key, "en", name=child), Translation(
        s.catalog.plain(key, asked.language, name=child), "puente", False))
    teacher_answers.queue_ready(s.db, answer, reply,
                                message_views.answer_text(s.catalog, answer), now)
    context.deliverer.wake()
    lang = user_language(context, user.id, user.language_code)
    await send_long(context, user.id, message_views.ready_sent(
        s.catalog, lang, student_for(context, user.id, asked.student_id, first_name=child,
                                     lang=lang), answer, quiet_until(context, now)))


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
    await query.edit_message_text(s.catalog.render(
        "families-unlinked", lang, name=student_for(context, user.id, link.student_id,
                                                    first_name=link.student_name, lang=lang)),
        parse_mode=ParseMode.HTML)


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
            user.id, s.catalog.render("families-cancel-confirm", lang, date=_day(context, found),
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
        date=_day(context, found)), parse_mode=ParseMode.HTML)


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


def _day(context: PuenteContext, found: membership.OpenLink) -> str:
    """When a family link was made, in the school's time zone (as /families lists it)."""
    return made_at(found.created_at, context.services.config.school.timezone)
