"""What everyone has, whoever they are: /help, /deleteme, the flood guard, the error handler,
and kind answers to buttons, commands and messages nobody else took."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.chat import lost, push_fix
from bot.chat.audience import PRIVATE, Audience, sender
from bot.chat.class_pick import offer_classes
from bot.chat.drafts import forget_expired
from bot.chat.family_help import family_help, tell_stranger
from bot.chat.jobs import user_jobs
from bot.chat.name_pick import offer_name
from bot.chat.replies import (
    acknowledge,
    not_modified,
    old_button,
    remember_spent,
    say,
    spent_key,
    tapped,
    too_old,
    user_language,
    user_reader,
)
from bot.context import PuenteContext
from bot.delivery.scripted_bot import WRITING
from bot.domain.errors import PuenteError
from bot.presentation import callbacks, goodbyes, keyboards, menus
from bot.presentation.i18n import REFERENCE
from bot.presentation.views import escape
from bot.services import askers, class_reports, membership, teaching
from bot.services.push_search import TopicSuggestError
from bot.services.pushes import UnknownPackError

log = logging.getLogger(__name__)
KEPT_SCRIPT_GROUP = 9  # after every other group (0, and family's 1): each takes an update too
# /report's formats a teacher types as commands of their own ("I don't know /csv", playtest)
REPORT_FORMATS = class_reports.REPORT_FORMATS
# what a teacher types for the class's spreadsheet, which /report sends with its summary
EXPORT_WORDS = frozenset({"export", "download", "spreadsheet", "excel"})


def register(app: Application) -> None:
    """Add the flood guard, /help, /deleteme, the error handler and the catch-alls (last: they
    take whatever no other handler took)."""
    add = app.add_handler
    add(TypeHandler(Update, reader_script), group=-2)  # a toast of the flood guard's too
    add(TypeHandler(Update, flood_guard), group=-1)  # before every other handler
    add(TypeHandler(Update, kept_script), group=KEPT_SCRIPT_GROUP)  # after every handler
    add(CommandHandler("deleteme", deleteme, filters=PRIVATE))
    add(CommandHandler("help", help, filters=PRIVATE))
    add(CallbackQueryHandler(deleteme_button, pattern=rf"^{callbacks.DELETE}:"))
    add(ChatMemberHandler(blocked_or_back, ChatMemberHandler.MY_CHAT_MEMBER))
    add(CallbackQueryHandler(unknown_button))
    add(MessageHandler(filters.COMMAND & PRIVATE, unknown_command))
    add(MessageHandler(PRIVATE & ~filters.StatusUpdate.ALL, unknown_command))
    app.add_error_handler(on_error)


async def help(update: Update, context: PuenteContext) -> None:
    """Explain what the bot can do."""
    user = update.effective_user
    if user and teaching.is_teacher(context.services.db, user.id):
        await teacher_help(update, context, user.id)
    elif user and askers.is_family_only(context.services.db, user.id):
        await family_help(update, context)
    else:
        await say(update, context, "help-student")  # in her level's order (say)


async def teacher_help(update: Update, context: PuenteContext, user_id: int) -> None:
    """Teacher /help: the commands grouped by task, each group whole in one message."""
    lang = user_language(context, user_id, update.effective_user.language_code
                         if update.effective_user else None)
    for text in menus.teacher_help(context.services.catalog, lang):
        await context.bot.send_message(user_id, text, parse_mode=ParseMode.HTML)


def _teacher_plan_text(context: PuenteContext, user_id: int, lang: str) -> str | None:
    """Exactly what /deleteme will do to a teacher's classes, or None for a non-teacher."""
    fates = membership.deletion_plan(context.services.db, user_id)
    if fates is None:
        return None
    render = context.services.catalog.render
    lines = [render("deleteme-class-handed", lang, class_name=escape(f.class_name),
                    name=escape(f.heir_name or "")) if f.heir_id is not None else
             render("deleteme-class-removed", lang, class_name=escape(f.class_name),
                    students=f.students) for f in fates]
    owed = len(membership.unanswered_to(context.services.db, user_id))
    if owed:  # said before the tap, as /remove does: answers are still owed
        lines.append(render("deleteme-teacher-waiting", lang, count=owed))
    # Rendered line by line and joined here, so no prompt is nested inside another.
    return "\n".join([render("deleteme-confirm-teacher", lang),
                      *(lines or [render("deleteme-no-classes", lang)]),
                      render("deleteme-teacher-kept", lang)])


def _family_plan_text(context: PuenteContext, user_id: int, lang: str) -> str | None:
    """What /deleteme removes for a family member, linked or unlinked (never the child's
    data), or None."""
    children = membership.family_deletion(context.services.db, user_id)
    if children is None:
        return None
    if not children:  # unlinked: only their language and their messages' record are left
        return context.services.catalog.render("deleteme-confirm-family-unlinked", lang)
    return context.services.catalog.render("deleteme-confirm-family", lang,
                                           names=", ".join(children))


async def deleteme(update: Update, context: PuenteContext) -> None:
    """Say exactly what will be deleted, then wait for one confirming tap."""
    user = update.effective_user
    if user is None or update.effective_chat is None:
        return
    reader = user_reader(context, user.id, user.language_code)  # levels 5-6: English first
    lang = reader.language or "en"
    catalog = context.services.catalog
    text = _teacher_plan_text(context, user.id, lang) or \
        _family_plan_text(context, user.id, lang) or \
        catalog.bilingual("deleteme-confirm", lang, english_first=reader.english_first)
    await context.bot.send_message(
        update.effective_chat.id, text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.confirm_delete(
            keyboards.level_label(catalog, "button-delete", lang, reader.english_first),
            keyboards.level_label(catalog, "button-keep", lang, reader.english_first)))


async def deleteme_button(update: Update, context: PuenteContext) -> None:
    """Delete the student's data after the confirming tap. A later tap on the spent pair
    says what it did and does nothing: Delete tapped on an old screen after Keep deletes
    nothing, and Keep never writes "Nothing was deleted." over a deletion."""
    if await old_button(update, context, spent_key(update, context, "button-stale")):
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    choice, user_id = cb.args, user.id
    reader = user_reader(context, user_id, user.language_code)  # read before any deletion
    lang, first = reader.language or "en", reader.english_first
    if choice == ("yes",):
        db, catalog = context.services.db, context.services.catalog
        was_teacher = teaching.is_teacher(db, user_id)
        was_family = membership.family_deletion(db, user_id) is not None
        notes = _goodbyes(context, user_id)  # rendered while the name and links exist
        membership.delete_person(db, user_id, notes, context.services.clock())
        if notes:
            context.deliverer.wake()
        for job in user_jobs(context.job_queue, user_id):
            job.schedule_removal()
        done = catalog.render("deleteme-done-teacher", lang) if was_teacher else \
            catalog.render("deleteme-done-family", lang) if was_family else \
            catalog.bilingual("deleteme-done", lang, english_first=first)
        remember_spent(context, query, "deleteme-already-done")
        await query.edit_message_text(done)  # in the script she read as she tapped
    else:
        catalog = context.services.catalog  # a teacher or a family who chose reads it once
        kept = catalog.bilingual("deleteme-kept", lang, english_first=first) \
            if membership.reads_english_too(context.services.db, user_id) \
            else catalog.render("deleteme-kept", lang)
        remember_spent(context, query, "deleteme-kept")
        await query.edit_message_text(kept)


def _goodbyes(context: PuenteContext, user_id: int) -> list[membership.Goodbye]:
    """The notes this person's deletion leaves to be sent (presentation.goodbyes)."""
    s = context.services
    return goodbyes.goodbyes(s.db, s.catalog, user_id, s.clock(),
                             lambda who: user_language(context, who))


async def blocked_or_back(update: Update, context: PuenteContext) -> None:
    """Telegram's word that someone blocked Puente or opened the chat again: a push or a
    reminder skips a student only while she has it blocked (a student who came back was left
    out of every push for good). Nothing is said: she may have blocked it, and the update is
    no message."""
    changed, s = update.my_chat_member, context.services
    if changed is None or changed.chat.type != ChatType.PRIVATE:
        return  # added to or removed from a group: Puente answers nobody there
    status = changed.new_chat_member.status
    if status == ChatMemberStatus.BANNED:  # Telegram's "kicked": she blocked the bot
        membership.blocked(s.db, changed.from_user.id, s.clock())
    elif status == ChatMemberStatus.MEMBER:
        membership.came_back(s.db, changed.from_user.id)


async def on_error(update: object, context: PuenteContext) -> None:
    """Log the exception first; then tell the user kindly, in their language."""
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_user:
        membership.blocked(context.services.db, update.effective_user.id,
                           context.services.clock())
        return
    if isinstance(error, BadRequest) and (not_modified(error) or too_old(error)):
        # A double tap: the first tap already did the work and the message shows it, so the
        # second stops here, with no reply (Telegram refused only a repeat of what is done).
        log.info("a repeated tap changed nothing: %s", error.message)
        return
    if update is None and isinstance(error, NetworkError):
        # getUpdates failed: the network dropped. Telegram keeps the updates; PTB retries.
        log.warning("Telegram unreachable, retrying: %s", error.message)
        return
    if not isinstance(error, PuenteError):
        log.error("update %s failed", getattr(update, "update_id", "?"), exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    key = error.prompt_key if isinstance(error, PuenteError) else "error-generic"
    params = error.params if isinstance(error, PuenteError) else {}
    if update.callback_query:
        await acknowledge(update.callback_query)
    user = update.effective_user
    if key == "class-which" and await offer_classes(update, context):
        return  # a button per class finishes the command: nothing to type again
    english = user is None or membership.reads_english_too(context.services.db, user.id)
    # "Did you mean Linh #2?": a ✅ runs the command again with that name
    offer = offer_name(update, context, str(params["name"]), str(params["suggestion"])) \
        if key == "student-not-found-suggest" else None
    if isinstance(error, UnknownPackError) and update.message is not None:
        # "Did you mean science.ecosystems?": a ✅ per pack runs the /push or /packs with it
        offer = push_fix.offer(update, context, [
            (pack, push_fix.with_pack(update.message.text or "", pack)) for pack in error.close])
    if isinstance(error, teaching.ClassSuggestError) and update.message is not None:
        # "/report 9" with "Biology 9A" and "Biology 9B": a ✅ per class runs it with that one
        offer = push_fix.offer(update, context, [
            (name, push_fix.with_class(update.message.text or "", error.typed, name))
            for name in error.close])
    if isinstance(error, TopicSuggestError) and update.message is not None:
        # "/push water cycle": a ✅ per pack runs the /push with its words about it
        offer = push_fix.offer(update, context, [
            (one.button, push_fix.with_args(update.message.text or "", one.args))
            for one in error.suggestions])
    try:
        await say(update, context, key, bilingual=english, markup=offer,
                  then=error.after if isinstance(error, PuenteError) else None, **params)
    except (Forbidden, KeyError, IndexError):
        log.warning("could not explain %s to the user", key)


async def reader_script(update: Update, context: PuenteContext) -> None:
    """Before every handler: note who this update is from (a toast's reader: the bot writes
    her Chinese in her script) and the script she reads (a Traditional phone's, for this
    update only until she is someone Puente keeps)."""
    user = update.effective_user
    if user is None:
        return
    WRITING.set(user.id)
    menus.new_update()
    context.services.scripts.note_phone(user.id, user.language_code)


async def kept_script(update: Update, context: PuenteContext) -> None:
    """After every handler: keep a Traditional phone's script once its sender is someone
    (her /start joined her, her link linked her), so what is sent to her later (Friday's
    family update) is in her script too; a stranger's, a deleted person's, is never kept."""
    user = update.effective_user
    if user is not None and context.services.scripts.end_update(user.id) \
            and not menus.set_by_this_update(user.id):
        await _menu_in_script(context, user.id)


async def _menu_in_script(context: PuenteContext, user_id: int) -> None:
    """Her command menu again, now that a Hong Kong or Taiwan phone told her script: set in
    Simplified before (a mainland phone, or joining before she chose), it stayed so while
    everything else she read was Traditional. Once a person (her script is kept from now
    on); only a Chinese reader's has any Chinese in it."""
    s = context.services
    lang = user_language(context, user_id)
    if lang != "zh":
        return
    if teaching.is_teacher(s.db, user_id):
        commands = menus.teacher_commands(s.catalog, lang)
    elif askers.is_family_only(s.db, user_id):
        commands = menus.family_menu(s.catalog, lang)
    else:
        commands = menus.student_commands(s.catalog, lang)
    await menus.show_menu(context.bot, user_id, commands)


async def flood_guard(update: Update, context: PuenteContext) -> None:
    """Before every handler: one user's flood is dropped cheaply, so others are not delayed.
    What comes from a group or a channel stops here (a group that just added Puente is told
    once where it works): Puente answers nobody there, and a
    student's commands in her class group counted against her own chat (forty of them: "You
    are sending messages very fast" posted in the group, and her /words unanswered)."""
    user, s, chat = update.effective_user, context.services, update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE:
        if _added_to_group(update):
            await _where_puente_works(update, context)
        raise ApplicationHandlerStop
    if user is None:
        return
    forget_expired(context)  # a message held for the teacher lives minutes, in memory only
    now = s.clock()
    guard = s.tile_guard if _is_keystroke(update) else s.flood_guard
    if guard.wait(user.id, now):
        raise ApplicationHandlerStop
    if guard.hit(user.id, now):
        if update.callback_query:
            await acknowledge(update.callback_query)
        await say(update, context, "slow-down")
        raise ApplicationHandlerStop


def _added_to_group(update: Update) -> bool:
    """Puente itself just added to a group (not a channel: its readers are not the class; not
    a member made administrator: it was told already)."""
    changed = update.my_chat_member
    return changed is not None \
        and changed.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) \
        and changed.old_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED) \
        and changed.new_chat_member.status in (ChatMemberStatus.MEMBER,
                                               ChatMemberStatus.ADMINISTRATOR)


async def _where_puente_works(update: Update, context: PuenteContext) -> None:
    """One message in the group that just added Puente, in the adder's language and English:
    a teacher who tried it in the class group heard nothing and thought it broken. Nothing
    about the group is kept."""
    changed, s = update.my_chat_member, context.services
    assert changed is not None  # _added_to_group checked it
    adder = changed.from_user
    lang = user_language(context, adder.id, adder.language_code)
    text = s.catalog.bilingual("group-added", lang,
                               link=f"https://t.me/{context.bot.username}")
    try:
        await context.bot.send_message(changed.chat.id, text, parse_mode=ParseMode.HTML,
                                       disable_web_page_preview=True)
    except (BadRequest, Forbidden) as error:
        # A group where members may not post: the error handler would take the adder for
        # someone who blocked Puente and leave them out of every push.
        log.info("could not tell a group where Puente works: %s", error.message)


def _is_keystroke(update: Update) -> bool:
    """A letter tile or ⌫ under a check question (its ✅ is an answer, counted as any)."""
    data = update.callback_query.data if update.callback_query else None
    return isinstance(data, str) and data.startswith(f"{callbacks.TILES}:") \
        and not data.endswith(f":{callbacks.TILE_DONE}")


async def unknown_button(update: Update, context: PuenteContext) -> None:
    """A button we never made (forged or from an old version): refuse kindly."""
    if update.callback_query:
        await acknowledge(update.callback_query)
    await say(update, context, "button-stale")


async def unknown_command(update: Update, context: PuenteContext) -> None:
    """A command this bot does not have, or a sticker, photo or voice note it cannot read: the
    help for who they are (teacher, family member, student), with the command a typo most
    likely meant ("/reprot": "Did you mean /report?"); from someone in no class (no student,
    family member or teacher), how to join, which is all they can do yet (a family member no
    longer linked: how to link again)."""
    user, db = update.effective_user, context.services.db
    if user is not None and sender(update, context).audience is Audience.STRANGER:
        await tell_stranger(update, context)  # in a former family member's own language
        return
    message = update.effective_message
    typed = menus.typed_command(message.text if message else None)
    catalog = context.services.catalog
    if user is not None and teaching.is_teacher(db, user.id):
        if typed is None:  # a sticker or a photo: this chat takes commands
            await say(update, context, "teacher-text-help", bilingual=False)
            return
        if typed in REPORT_FORMATS:  # "/csv", "/chart": a /report format, not a command
            await say(update, context, "command-unknown-report", bilingual=False, command=typed)
            return
        if typed in EXPORT_WORDS:  # "Did you mean /report?" never said the CSV comes with it
            await say(update, context, "command-unknown-export", bilingual=False, command=typed)
            return
        known = [c.command for c in menus.teacher_commands(catalog, REFERENCE)]
        await _unknown(update, context, "command-unknown-teacher", typed, known, bilingual=False)
    elif user is not None and askers.is_family_only(db, user.id):
        known = menus.family_commands(catalog)
        await _unknown(update, context, "command-unknown-family", typed, known, bilingual=False)
    else:
        suggestion = menus.closest_command(typed, menus.STUDENT_COMMANDS) if typed else None
        who = askers.asker(db, user.id) if user is not None and message is not None \
            and message.sticker is not None else None
        if who is not None and who.role == askers.STUDENT:  # a sticker: perhaps lost too
            await lost.offer_help(update, context, who)
        elif suggestion is None:
            await say(update, context, "help-short")
        else:
            await say(update, context, "command-unknown-student-suggest", suggestion=suggestion)


async def _unknown(update: Update, context: PuenteContext, key: str, typed: str | None,
                   known: list[str], *, bilingual: bool) -> None:
    """"I don't know /typed", with "Did you mean /x?" when one command is that close."""
    if typed is None:
        await say(update, context, f"{key}-other", bilingual=bilingual)
        return
    suggestion = menus.closest_command(typed, known)
    if suggestion is None:
        await say(update, context, key, bilingual=bilingual, command=typed)
    else:
        await say(update, context, f"{key}-suggest", bilingual=bilingual, command=typed,
                  suggestion=suggestion)
