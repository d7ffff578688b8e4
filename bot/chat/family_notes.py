"""A family's ready-made messages to the teacher (bot/domain/family_notes.py): the list under
the family's /help and /ask prompt, its day, the message before it goes, and ✅ to send it
(through the same relay as a written message, with the English people wrote for it)."""

from __future__ import annotations

from telegram import MaybeInaccessibleMessage, Message, MessageEntity, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler

from bot.chat.drafts import ASKING, drop_offered, holds_message
from bot.chat.relay import relay_note
from bot.chat.replies import old_button, spend, tapped, user_language
from bot.context import PuenteContext
from bot.domain.family_notes import CANNOT_READ, WITH_DAY, days_offered
from bot.presentation import callbacks, family_note_views, views
from bot.services import askers, excused
from bot.services.announcements import beginning


def register(app: Application) -> None:
    """Add the ready-made messages' buttons."""
    app.add_handler(CallbackQueryHandler(
        note_button, pattern=rf"^({callbacks.FAMILY_NOTE}|{callbacks.FAMILY_NOTE_SEND})(:|$)"))


async def cannot_read_button(update: Update, context: PuenteContext) -> None:
    """"🔤 I cannot read this" under a teacher's words that reached the family untranslated:
    send the ready-made "I cannot read English" to the teacher who wrote them, about that
    child, once (the button goes with the first tap). The message is found by its id in this
    chat, never by the button's data: only an answer or announcement Puente delivered here."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, _cb = tap
    s = context.services
    who = askers.family_tapping(s.db, user.id)  # a shared phone's: the family
    if who is None or who.role != askers.FAMILY or query.message is None:
        raise callbacks.ForgedCallbackError("not a family member's message")
    to = askers.replied_to(s.db, who, query.message.message_id)  # unlinked since: said
    if to is None:
        raise callbacks.ForgedCallbackError("no teacher's message of ours")
    if not await spend(query, callbacks.data(callbacks.CANNOT_READ)):  # a double tap
        return
    lang = user_language(context, user.id, user.language_code)
    await relay_note(update, context, who, to.child, CANNOT_READ,
                     family_note_views.note_text(s.catalog, lang, CANNOT_READ,
                                                 to.child.first_name, None),
                     family_note_views.english_text(s.catalog, CANNOT_READ,
                                                    to.child.first_name, None), to=to,
                     words=_teachers_words(query.message))


def _teachers_words(message: MaybeInaccessibleMessage) -> str:
    """The first words of the teacher's own words in the message the button is under (its
    first quote: Telegram sends them with the tap), as the teacher reads which message it
    was ("Page 12, questions 1 to…"); "" when it carries none."""
    if not isinstance(message, Message):
        return ""
    quoted = message.parse_entities([MessageEntity.BLOCKQUOTE,
                                     MessageEntity.EXPANDABLE_BLOCKQUOTE])
    first = min(quoted, key=lambda entity: entity.offset, default=None)
    return beginning(quoted[first]) if first is not None else ""


async def note_button(update: Update, context: PuenteContext) -> None:
    """One step of a ready-made message: the list (which child first, on a shared phone), the
    day, the message as it will go, then ✅ sends it. Only a family member's own child is
    ever named (forged data says so kindly); each step edits the same message."""
    if await old_button(update, context, "button-stale"):  # sent or left already
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    pressed = callbacks.family_note(cb)
    who = askers.family_tapping(s.db, user.id)  # a shared phone's: the family
    if who is None or who.role != askers.FAMILY:
        raise callbacks.ForgedCallbackError("not a family member")
    lang = user_language(context, user.id, user.language_code)
    if context.user_data is not None:  # a text typed while the list is open is no bare
        # /ask's message, sent at once untranslated (re-playtest): it is offered, as any text
        context.user_data.pop(ASKING, None)
    child = askers.child_of(who, pressed.student_id)  # forged or stale: AskError
    if child is None:  # several children and none chosen yet
        text, markup = family_note_views.which_child(s.catalog, lang, [
            (c.student_id, views.name(c.first_name, s.catalog, lang)) for c in who.children])
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
        return
    name = views.name(child.first_name, s.catalog, lang)
    if cb.prefix == callbacks.FAMILY_NOTE_SEND and pressed.note is not None:
        if not await spend(query):  # a double tap: the first one sent it
            return
        # a note instead of their own words, held unsent: said plainly (a grandfather's "Kuv
        # yog Paj yawg…" went nowhere without a word: Hmong re-playtest)
        own = holds_message(context)
        drop_offered(context, query.message)  # "🤒 sick today" instead of her own words
        original = family_note_views.note_text(s.catalog, lang, pressed.note, child.first_name,
                                               pressed.day)
        english = family_note_views.english_text(s.catalog, pressed.note, child.first_name,
                                                 pressed.day)
        # "sick today" / "not at school on DAY" excuses that day for the child (no reminder,
        # not counted against her); an old or forged day excuses nothing, the note still goes
        day = excused.excused_day(pressed.note, pressed.day, s.config.school, s.clock())
        await relay_note(update, context, who, child, pressed.note, original, english, day,
                         then="family-note-own-not-sent" if own else None)
        return
    if pressed.note is None:
        text, markup = family_note_views.notes_menu(s.catalog, lang, child.student_id, name)
    elif pressed.note in WITH_DAY and pressed.day is None:
        school = s.config.school
        today = s.clock().astimezone(school.timezone).date()
        text, markup = family_note_views.day_menu(s.catalog, lang, child.student_id,
                                                  pressed.note,
                                                  days_offered(today, school.holidays))
    else:
        text, markup = family_note_views.preview(s.catalog, lang, child.student_id,
                                                 pressed.note, name, pressed.day)
    if query.message is not None and getattr(query.message, "text", None) and \
            cb.prefix == callbacks.FAMILY_NOTE and not cb.args:
        # the button under /help or the /ask prompt: the list comes as a new message, so
        # what it was under stays readable
        await context.bot.send_message(user.id, text, parse_mode=ParseMode.HTML,
                                       reply_markup=markup)
        return
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
