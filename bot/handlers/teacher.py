"""Teacher commands: classes, levels, reports, family links (pushes: teacher_pushes). Roles
are checked on the server for every command (in the services), never trusted from the
client."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    acknowledge,
    decision,
    say,
    send_long,
    send_picture,
    spend,
    student_for,
    teacher_reads,
    user_language,
)
from bot.context import PuenteContext
from bot.domain.names import clean_label
from bot.domain.packs import PackError
from bot.presentation import callbacks, class_views, keyboards, menus, pack_views, views
from bot.presentation.class_views import join_link
from bot.presentation.i18n import reader_language
from bot.presentation.report_csv import csv_bytes
from bot.presentation.report_heatmap import heatmap_caption, heatmap_png, recent_words
from bot.presentation.students import families_text, made_at, student_label
from bot.presentation.views import escape
from bot.services import glosses, membership, readiness, teaching
from bot.services.family import CAREGIVERS_PER_LINK, LINK_DAYS, create_link
from bot.services.glosses import english_only, pack_refs
from bot.services.packs import (
    MAX_PACK_BYTES,
    import_teacher_pack,
    pack_quality,
    quality_languages,
    teacher_packs,
)
from bot.services.starter import starter_in_report, starter_pack


def register(app: Application) -> None:
    """Add the teachers' commands, their confirming buttons and pack files."""
    add = app.add_handler
    # Each handler is named for its command: /family is `family`, /student is `student`.
    for command in (teach, invite, newclass, classes, roster, revoke, level, packs,
                    report, student, family, newpack, remove, families, coteach, gloss):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(remove_button, pattern=rf"^{callbacks.REMOVE}:"))
    add(CallbackQueryHandler(unlink_button, pattern=rf"^{callbacks.UNLINK}:"))
    add(CallbackQueryHandler(revoke_button, pattern=rf"^{callbacks.REVOKE_LINK}:"))
    add(MessageHandler(filters.Document.ALL & PRIVATE, pack_file))


def _arg_text(context: PuenteContext) -> str:
    """The command's argument as one cleaned line (a class or student name, never a trick)."""
    return clean_label(" ".join(context.args or []))


async def teach(update: Update, context: PuenteContext) -> None:
    """Become a teacher with an invite code: /teach CODE."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    now = s.clock()
    with membership.code_attempt(s.code_guard, user.id, now):
        name = views.name(user.first_name, s.catalog, "en")
        co_taught = membership.teach_with_code(s.db, s.config, user.id, name,
                                               context.args[0] if context.args else None, now)
    teacher_reads(context, user)
    if co_taught is not None:
        await say(update, context, "coteach-joined", bilingual=False,
                  class_name=escape(co_taught))
    else:
        await say(update, context, "teach-welcome", bilingual=False, name=name)
    await teacher_menu(context, user.id)


async def teacher_menu(context: PuenteContext, user_id: int) -> None:
    """Give a new teacher's chat the teacher command menu, in their language."""
    lang = user_language(context, user_id)
    await menus.show_menu(context.bot, user_id, menus.teacher_commands(context.services.catalog,
                                                                       lang))


async def invite(update: Update, context: PuenteContext) -> None:
    """An administrator issues a single-use teacher invite: /invite."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    code = teaching.issue_invite(s.db, s.config, user.id, s.clock())
    await say(update, context, "invite-created", bilingual=False, code=code)


async def newclass(update: Update, context: PuenteContext) -> None:
    """Create a class and answer with its join link, code and a QR code: /newclass NAME."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    created = teaching.create_class(s.db, s.config, user.id, _arg_text(context), s.clock())
    lang = teacher_reads(context, user)
    link = join_link(context.bot.username, created.join_code)
    await send_long(context, chat.id, class_views.created_text(
        s.catalog, lang, created, link, starter_pack(s.db, created)))
    await send_picture(context, chat.id, lambda: class_views.qr_png(link),
                       caption=escape(created.name), filename="join.png")


async def classes(update: Update, context: PuenteContext) -> None:
    """List the teacher's classes with student counts and join links."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found = teaching.teacher_classes(s.db, user.id)
    if not found:
        await say(update, context, "classes-none", bilingual=False)
        return
    text = class_views.classes_text([(c, len(teaching.roster(s.db, c.id))) for c in found],
                                    context.bot.username, s.catalog, teacher_reads(context, user))
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                   disable_web_page_preview=True)


async def roster(update: Update, context: PuenteContext) -> None:
    """Show a class's students with language, WIDA level and words: /roster [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found = teaching.find_class(s.db, user.id, _arg_text(context) or None)
    await send_long(context, user.id, class_views.roster_text(
        found.name, teaching.roster(s.db, found.id), s.catalog, teacher_reads(context, user)))


async def revoke(update: Update, context: PuenteContext) -> None:
    """Give a class a new join code; the old link stops working: /revoke [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    updated = teaching.revoke_code(s.db, s.config, user.id, _arg_text(context) or None,
                                   s.clock())
    await say(update, context, "revoke-done", bilingual=False, class_name=escape(updated.name),
              link=join_link(context.bot.username, updated.join_code))


async def level(update: Update, context: PuenteContext) -> None:
    """Set a student's WIDA level: /level NAME 1-6, or many: /level Ana 3, Bo 2 (or lines)."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    teaching.require_teacher(s.db, user.id)  # a student's "/level" is refused, not taught
    args = context.args or []
    if len(args) < 2:
        await say(update, context, "level-usage", bilingual=False)
        return
    message = update.effective_message
    text = message.text.split(maxsplit=1)[1] if message and message.text else ""
    lang = user_language(context, user.id, user.language_code)
    done = teaching.set_levels(s.db, user.id, text)  # "Ana 3", or "Ana 3, Bo 2", or lines
    names = teaching.student_names(s.db, user.id)  # two Anas: "Ana #1 is now at level 2"
    await send_long(context, user.id, views.join_lines(
        s.catalog.render(one.prompt_key, lang, level=one.level, taught=one.taught_at,
                         name=student_label(names.of(one.row.student_id), s.catalog, lang),
                         classes=", ".join(views.label(c) for c in one.class_names))
        for one in done))


async def gloss(update: Update, context: PuenteContext) -> None:
    """Add or fix a word's home-language gloss, used at once: /gloss WORD LANG TEXT."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    teaching.require_teacher(s.db, user.id)
    term, lang = glosses.teacher_gloss(s.db, user.id, " ".join(context.args or []), s.clock())
    await say(update, context, "gloss-saved", bilingual=False, term=term,
              language=reader_language(lang))


async def packs(update: Update, context: PuenteContext) -> None:
    """List the packs this teacher can push."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lines = [f"<code>{escape(p.id)}</code> ({p.words}) {escape(p.title)}"
             for p in teacher_packs(s.db, user.id)]
    await context.bot.send_message(user.id, "\n".join(lines), parse_mode=ParseMode.HTML)


async def report(update: Update, context: PuenteContext) -> None:
    """Summary, heatmap and CSV for a class: /report [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found, matrix = teaching.class_report(s.db, user.id, _arg_text(context) or None)
    lang = teacher_reads(context, user)
    school, tz = s.config.school, s.config.school.timezone
    today = s.clock().astimezone(tz).date()
    await send_long(context, user.id, class_views.report_text(
        found, matrix, s.catalog, lang, school, today, teaching.student_names(s.db, user.id),
        glosses.students_without_messages(matrix.students, s.translator),
        starter_in_report(s.db, found, matrix), glosses.class_unchecked(s.db, matrix)))
    if not (matrix.given and matrix.students):
        return
    if recent_words(matrix, today, tz):  # a chart with no word practised lately shows nothing
        await send_picture(context, user.id, lambda: heatmap_png(found.name, matrix, today,
                                                                 s.catalog, tz, lang),
                           caption=heatmap_caption(matrix, s.catalog, lang, today, tz),
                           filename="mastery.png")
    name = "".join(c if c.isalnum() else "-" for c in found.name)
    await context.bot.send_document(user.id, InputFile(csv_bytes(matrix, school.timezone),
                                                       filename=f"{name}-mastery.csv"),
                                    caption=f"{name}-mastery.csv")


async def student(update: Update, context: PuenteContext) -> None:
    """Drill down into one student's words: /student NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    row, matrix = teaching.student_report(s.db, user.id, _arg_text(context))
    lang = teacher_reads(context, user)
    now, tz = s.clock(), s.config.school.timezone
    await send_long(context, user.id, class_views.student_text(
        student_for(context, user.id, row.student_id, lang=lang), row, matrix, s.catalog, lang,
        tz, glosses.no_messages(row.language, s.translator),
        readiness.reviews_back(s.db, row.student_id, now, tz, s.config.school.holidays),
        now.astimezone(tz).date()))


async def family(update: Update, context: PuenteContext) -> None:
    """Make a single-use link for one student's family: /family NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    link = create_link(s.db, user.id, _arg_text(context), s.clock())
    await say(update, context, "family-link-created-shared", bilingual=False,
              name=student_for(context, user.id, link.student_id,
                               lang=user_language(context, user.id, user.language_code)),
              link=join_link(context.bot.username, link.payload),
              days=LINK_DAYS, caregivers=CAREGIVERS_PER_LINK)


async def newpack(update: Update, context: PuenteContext) -> None:
    """Explain how to send a pack file: /newpack."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    teaching.require_teacher(s.db, user.id)
    await say(update, context, "newpack-usage", bilingual=False)


async def pack_file(update: Update, context: PuenteContext) -> None:
    """Import a .toml or .csv pack a teacher sent; every problem listed, nothing half-saved."""
    user, message, s = update.effective_user, update.effective_message, context.services
    if user is None or message is None or message.document is None:
        return
    if not teaching.is_teacher(s.db, user.id):
        await say(update, context, "help-short")
        return
    document = message.document
    if (document.file_size or 0) > MAX_PACK_BYTES:
        await say(update, context, "newpack-too-big", bilingual=False,
                  limit=MAX_PACK_BYTES // 1024)
        return
    content = bytes(await (await document.get_file()).download_as_bytearray())
    lang = user_language(context, user.id, user.language_code)
    try:
        upload = import_teacher_pack(s.db, user.id, document.file_name or "pack.toml", content,
                                     s.clock())
    except PackError as exc:
        await send_long(context, user.id, pack_views.problems_text(s.catalog, lang,
                                                                   exc.problems))
        return
    pack = upload.pack
    languages = teaching.class_languages(s.db, user.id)
    filled = await glosses.fill_machine_glosses(s.db, s.translator, pack.id, languages)
    await send_long(context, user.id, pack_views.saved_text(
        s.catalog, lang, pack.id, len(pack.words), filled, upload.changes))
    # the class's languages, and the file's own: words left without a gloss in them are named
    # now, not at the first /push (a new class has no students, so no languages, yet)
    gaps = english_only(s.db, pack_refs(s.db, [pack.id]), [*languages, *pack.gloss_languages],
                        s.translator)
    # CPU for up to a second on a big pack: in a thread, so other people's updates go on
    quality = await asyncio.to_thread(pack_quality, pack, quality_languages(s.db, user.id))
    for warning in pack_views.upload_warnings(s.catalog, lang, gaps, pack.gloss_languages,
                                              quality):
        await send_long(context, user.id, warning)


async def coteach(update: Update, context: PuenteContext) -> None:
    """Make a single-use code another teacher uses to co-teach a class: /coteach [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found, code = membership.create_coteach_code(s.db, user.id, _arg_text(context) or None,
                                                 s.clock())
    await say(update, context, "coteach-created", bilingual=False,
              class_name=escape(found.name), code=code, days=membership.COTEACH_DAYS)


async def remove(update: Update, context: PuenteContext) -> None:
    """Ask for a confirming tap before removing a student from a class: /remove NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    if not _arg_text(context):
        teaching.require_teacher(s.db, user.id)
        await say(update, context, "remove-usage", bilingual=False)
        return
    plan = membership.plan_removal(s.db, user.id, _arg_text(context))
    lang = user_language(context, user.id, user.language_code)
    await context.bot.send_message(
        user.id, s.catalog.render("remove-confirm", lang,
                                  name=student_label(plan.student, s.catalog, lang),
                                  class_name=escape(plan.class_name)),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_remove(
            plan.student_id, plan.class_id, s.catalog.render("button-remove", lang),
            s.catalog.render("button-keep", lang)))


async def remove_button(update: Update, context: PuenteContext) -> None:
    """Remove the student after the teacher's confirming tap (ids checked on the server)."""
    decided = await decision(update, context)
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    if not await spend(query):  # a double tap on Remove: the first tap removed them
        return
    done = membership.remove_student(s.db, user.id, cb.int_arg(0), cb.int_arg(1))
    await query.edit_message_text(s.catalog.render(
        "remove-done", lang, name=student_label(done.student, s.catalog, lang),
        class_name=escape(done.class_name)),
        parse_mode=ParseMode.HTML)


async def families(update: Update, context: PuenteContext) -> None:
    """List a class's linked family members, with a button to unlink each, and its family
    links that still work, with a button to cancel each: /families [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found, links = membership.class_families(s.db, user.id, _arg_text(context) or None)
    open_links = membership.open_links(s.db, found.id, s.clock())
    lang = user_language(context, user.id, user.language_code)
    if not links and not open_links:
        await say(update, context, "families-none", bilingual=False,
                  class_name=escape(found.name))
        return
    text, unlink, revoke = families_text(
        s.catalog, lang, found.name, links, teaching.student_names(s.db, user.id), found.id,
        s.config.school.timezone, membership.link_notes(s.db, s.translator, links),
        open_links, CAREGIVERS_PER_LINK)
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                   reply_markup=keyboards.unlink_buttons(unlink, revoke))


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
    link = membership.unlink_family(s.db, user.id, cb.int_arg(0), s.clock())
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
