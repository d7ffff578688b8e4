"""Teacher commands: becoming a teacher, classes, levels, co-teachers and removing a student
(co-teachers: teacher_coteach; reports: teacher_reports; packs and glosses: teacher_packs;
family links: teacher_families; pushes: teacher_pushes). Roles are checked on the server for
every command (in the services), never trusted from the client."""

from __future__ import annotations

from dataclasses import asdict

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat import coteachers, held_commands, join_notes
from bot.chat.audience import PRIVATE
from bot.chat.class_pick import class_picked
from bot.chat.name_pick import name_picked
from bot.chat.replies import (
    arg_text,
    decision,
    remember_spent,
    say,
    send_long,
    send_picture,
    spend,
    teacher_reads,
    user_language,
)
from bot.context import PuenteContext
from bot.domain.scaffold import scaffold_for
from bot.presentation import callbacks, class_views, keyboards, menus, views
from bot.presentation.class_views import join_link
from bot.presentation.students import student_label
from bot.presentation.views import escape
from bot.services import coteachers as class_teachers
from bot.services import levels, membership, student_lookup, teaching
from bot.services.starter import starter_pack

RENAMING = "renaming"  # user_data: the /renameclass waiting for its ✅ (held_commands)


def register(app: Application) -> None:
    """Add the teachers' class commands and the button that confirms a removal."""
    add = app.add_handler
    # Each handler is named for its command: /roster is `roster`, /remove is `remove`.
    for command in (teach, invite, newclass, renameclass, classes, roster, revoke, level,
                    remove):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(remove_button, pattern=rf"^{callbacks.REMOVE}:"))
    add(CallbackQueryHandler(rename_button, pattern=rf"^{callbacks.RENAME}:"))
    add(CallbackQueryHandler(class_picked, pattern=rf"^{callbacks.CLASS_PICK}:"))
    add(CallbackQueryHandler(name_picked, pattern=rf"^{callbacks.NAME_PICK}:"))


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
        coteachers.tell_joined(context, user.id, name, co_taught.id, co_taught.name)
        await say(update, context, "coteach-joined", bilingual=False,
                  class_name=escape(co_taught.name))
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
    created = teaching.create_class(s.db, s.config, user.id, arg_text(context), s.clock())
    lang = teacher_reads(context, user)
    link = join_link(context.bot.username, created.join_code)
    await send_long(context, chat.id, class_views.created_text(
        s.catalog, lang, created, link, starter_pack(s.db, created),
        teaching.same_words_class(s.db, user.id, created)))
    await send_picture(context, chat.id, lambda: class_views.qr_png(link),
                       caption=escape(created.name), filename="join.png")


async def renameclass(update: Update, context: PuenteContext) -> None:
    """Ask for a confirming tap before renaming a class: /renameclass OLD NEW."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    plan = teaching.plan_rename(s.db, user.id, arg_text(context))
    # Held in memory for minutes, as a held command is: the new name does not fit a button
    token = held_commands.hold(context, RENAMING, asdict(plan))
    lang = user_language(context, user.id, user.language_code)
    await context.bot.send_message(
        user.id, s.catalog.render("renameclass-confirm", lang, old=plan.old, new=plan.new),
        parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_rename(
            plan.class_id, token, s.catalog.plain("button-rename", lang),
            s.catalog.plain("button-rename-cancel", lang)))


async def rename_button(update: Update, context: PuenteContext) -> None:
    """Rename the class after the teacher's ✅ (the plan held for this button, checked again);
    ✖️ Cancel leaves it as it was."""
    decided = await decision(update, context, kept="button-cancelled-already")
    if decided is None:
        return
    query, user, cb, lang = decided
    s = context.services
    class_id, token = callbacks.rename(cb)
    held = held_commands.take(context, RENAMING, token)
    if held is None or held["class_id"] != class_id:  # too old, after a restart, or forged
        raise callbacks.ForgedCallbackError("no rename held for this button")
    if not await spend(query):  # a double tap: the first tap renamed it
        return
    renamed = teaching.rename_class(s.db, user.id, teaching.RenamePlan(**held))
    remember_spent(context, query, "renameclass-already-done")
    await query.edit_message_text(s.catalog.render(
        "renameclass-done", lang, old=held["old"], new=renamed.name), parse_mode=ParseMode.HTML)


async def classes(update: Update, context: PuenteContext) -> None:
    """List the teacher's classes with student counts and join links."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found = teaching.teacher_classes(s.db, user.id)
    if not found:
        gone = teaching.left_without_class(s.db, user.id)
        if gone is None:
            await say(update, context, "classes-none", bilingual=False)
        else:  # not "You have no classes yet", as if they had never taught one
            await say(update, context, "coteach-removed-no-class", bilingual=False,
                      class_name=escape(gone.class_name), creator=escape(gone.by))
        return
    text = class_views.classes_text([(c, len(teaching.roster(s.db, c.id))) for c in found],
                                    context.bot.username, s.catalog, teacher_reads(context, user),
                                    class_teachers.teachers_by_class(s.db, found))
    await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                   disable_web_page_preview=True)


async def roster(update: Update, context: PuenteContext) -> None:
    """Show a class's students with language, WIDA level and words: /roster [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    found = teaching.find_class(s.db, user.id, arg_text(context) or None)
    await send_long(context, user.id, class_views.roster_text(
        found.name, teaching.roster(s.db, found.id), s.catalog, teacher_reads(context, user),
        class_teachers.teachers_by_class(s.db, [found]).get(found.id, [])))


async def revoke(update: Update, context: PuenteContext) -> None:
    """Give a class a new join code; the old link stops working: /revoke [CLASS]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    updated = teaching.revoke_code(s.db, s.config, user.id, arg_text(context) or None,
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
        await say(update, context, "level-usage", bilingual=False,
                  example=levels.level_example(s.db, user.id))
        return
    message = update.effective_message
    text = message.text.split(maxsplit=1)[1] if message and message.text else ""
    lang = user_language(context, user.id, user.language_code)
    done = levels.set_levels(s.db, user.id, text)  # "Ana 3", or "Ana 3, Bo 2", or lines
    coteachers.tell_levels(context, user.id, done)  # "Diaz set Hodan to level 1 in ..."
    _tell_students_levels(context, done)
    for one in done:  # a note that they joined, still waiting, gives this level now
        join_notes.refresh_joined(context, one.row.student_id)
    names = student_lookup.student_names(s.db, user.id)  # two Anas: "Ana #1 is now at level 2"
    await send_long(context, user.id, views.join_lines(
        s.catalog.render(one.prompt_key, lang, level=one.level, taught=one.taught_at,
                         name=student_label(names.of(one.row.student_id), s.catalog, lang),
                         classes=", ".join(views.label(c) for c in one.class_names))
        for one in done))


def _tell_students_levels(context: PuenteContext, done: list[levels.LevelSet]) -> None:
    """Book each student whose cards change a line on the level they are taught at now, in
    their language and English (English first at levels 5-6, as their cards are)."""
    s = context.services

    def render(student_id: int, level: int) -> str:
        return str(s.catalog.bilingual("student-level-by-teacher",
                                       user_language(context, student_id), level=level,
                                       name=views.level_name(level),
                                       english_first=scaffold_for(level).english_first))
    if levels.tell_students(s.db, done, s.clock(), s.config.school, render):
        context.deliverer.wake()


async def remove(update: Update, context: PuenteContext) -> None:
    """Ask for a confirming tap before removing a student from a class: /remove NAME."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    if not arg_text(context):
        teaching.require_teacher(s.db, user.id)
        await say(update, context, "remove-usage", bilingual=False)
        return
    plan = membership.plan_removal(s.db, user.id, arg_text(context), s.clock())
    lang = user_language(context, user.id, user.language_code)
    name = student_label(plan.student, s.catalog, lang)
    lines = [s.catalog.render("remove-confirm", lang, name=name,
                              class_name=escape(plan.class_name))]
    if plan.waiting:  # said before the tap: an answer is owed about this student
        lines.append(s.catalog.render("remove-confirm-waiting", lang, count=plan.waiting,
                                      name=name, command=plan.student.command))
    if plan.ending.links:  # said before the tap: the family side ends with this class
        lines.append(s.catalog.render("remove-confirm-families", lang, name=name,
                                      links=plan.ending.links))
    await context.bot.send_message(
        user.id, "\n".join(lines),
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
    now = s.clock()
    leaving = membership.leaving_families(s.db, cb.int_arg(0), cb.int_arg(1), now)
    notes = {member: s.catalog.render("family-link-ended", user_language(context, member),
                                      name=leaving.first_name)
             for member in leaving.family_ids}  # in their language, read before it is erased
    # read before it too: the student as each other teacher of the class knows them
    told = class_teachers.others_of_student(s.db, user.id, cb.int_arg(0), [cb.int_arg(1)])
    done = membership.remove_student(s.db, user.id, cb.int_arg(0), cb.int_arg(1), now, notes)
    coteachers.tell_changes(context, user.id, told,
                            "teacher-removed-student-note")
    join_notes.refresh_joined(context, done.student_id, done.class_id)  # waiting: not named
    if done.ending.family_ids:
        context.deliverer.wake()
    remember_spent(context, query, "remove-already-done")
    name, class_name = student_label(done.student, s.catalog, lang), escape(done.class_name)
    await query.edit_message_text(s.catalog.render(
        "remove-done-families", lang, name=name, class_name=class_name,
        links=done.ending.links) if done.ending.links else s.catalog.render(
        "remove-done", lang, name=name, class_name=class_name), parse_mode=ParseMode.HTML)
