"""A teacher writes first to one family member: the ✉️ button in /families asks for the
message, and the teacher's next text (within a few minutes) is that message, translated into
the family member's language and queued through the outbox (quiet hours wait it out, and the
teacher is told until when)."""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chat.drafts import offer_as_written, unreadable
from bot.chat.replies import say, send_long, student_for, user_language
from bot.context import PuenteContext
from bot.domain.family_notes import ANSWERED_BY, CANNOT_READ
from bot.domain.language import detect_language
from bot.domain.names import clean_name
from bot.presentation import keyboards, message_views, ready_menus, views
from bot.presentation.i18n import Markup
from bot.services import (
    askers,
    ready_announcements,
    relays,
    reply_recordings,
    teacher_answers,
    teacher_writes,
)
from bot.services.message_languages import answer_language
from bot.services.pushes import next_allowed
from bot.services.teacher_answers import Answer

WRITING, WRITING_UNTIL = "writing", "writing-until"  # user_data: to which family member, and
# until when the teacher's next text is the message for them
WRITE_WINDOW = timedelta(minutes=10)


def quiet_until(context: PuenteContext, now: datetime) -> str | None:
    """When a message queued now goes out (HH:MM, the school's time), when quiet hours hold
    it; None when it goes now."""
    school = context.services.config.school
    sent_at = next_allowed(now, school)
    return sent_at.astimezone(school.timezone).strftime("%H:%M") if sent_at > now else None


async def ask_for_message(update: Update, context: PuenteContext, family_id: int) -> None:
    """Check the family member is still linked to a student of the teacher's classes (a
    forged or stale button gets a kind line), then ask for the message and say in which
    language it will go, and whether translated."""
    user, s, data = update.effective_user, context.services, context.user_data
    if user is None or data is None:
        return
    member = teacher_writes.family_to_write(s.db, user.id, family_id)
    language = teacher_writes.family_language(member)
    lang = user_language(context, user.id, user.language_code)
    key = "write-prompt-as-written" if language == "en" else "write-prompt" \
        if answer_language(s.translator, language) == language else "write-prompt-no-model"
    # "to Mirlande of Wideline's family" when Telegram gave their first name: the teacher
    # sees to whom it goes (two caregivers of one child are two buttons)
    named = {"member": views.name(member.first_name, s.catalog, lang)} \
        if clean_name(member.first_name) else {}
    data[WRITING], data[WRITING_UNTIL] = family_id, s.clock() + WRITE_WINDOW
    name = student_for(context, user.id, member.student_id, first_name=member.student_name,
                       lang=lang)
    shown = message_views.teacher_language(language)
    text = s.catalog.render(key + "-named" if named else key, lang, name=name, language=shown,
                            limit=relays.MAX_MESSAGE, **named)
    ready = ready_first(context, user.id, family_id, member.student_id,
                        member.student_name, language, lang)
    if ready:  # no model writes their language: people's words, one tap (playtest)
        text = Markup(f"{text}\n" + s.catalog.render("relay-ready-offer", lang, language=shown))
    await send_long(context, user.id, text, InlineKeyboardMarkup(ready) if ready else None)


def ready_first(context: PuenteContext, teacher_id: int, family_id: int, student_id: int,
                child: str, language: str, lang: str) -> list[list[InlineKeyboardButton]]:
    """The ready-made first messages for a family member whose language no model here
    translates into but people wrote Puente's messages in (none: a model translates, they
    read English, or Puente speaks no word of their language)."""
    s = context.services
    if language == "en" or language not in s.catalog.languages or \
            answer_language(s.translator, language) == language:
        return []
    heard = reply_recordings.recorded_replies(s.db, teacher_id, student_id, language)
    return keyboards.write_ready(s.catalog, lang, family_id, child, heard)


async def confirm_as_written(update: Update, context: PuenteContext, answer: Answer,
                             target: str, relay_id: int | None) -> None:
    """Hold a teacher's answer that would go untranslated to a family who reads another
    language, and ask once: "This goes to Yousef's family in English, exactly as written:
    they read Arabic." ✅ / ✖️, with the ready-made replies under a relayed message; to a
    student, the language she reads and the one it is in."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    name = student_for(context, user.id, answer.asked.student_id,
                       first_name=answer.student_name, lang=lang)
    # "in English" only when it is not confidently another language (a Spanish-speaking
    # teacher's Spanish to a Haitian family is not English, and just as unread)
    other = detect_language(answer.original).lang not in (None, "en")
    language = message_views.teacher_language(answer.asked.language)
    if answer.asked.asker_role != askers.FAMILY:  # a student: no family's replies or announcements
        await offer_as_written(update, context, answer.original, target, s.catalog.render(
            "answer-confirm-student", lang, name=name, language=language,
            written=message_views.teacher_language(answer.other or "en")),
            keyboards.as_written(s.catalog, lang, target, None, relay_id))
        return
    # A family member who sent "I cannot read English" before (playtest: a mother's typed
    # question got a typed English answer all the same): said plainly, replies first
    cannot = teacher_answers.said_cannot_read(s.db, answer.asked.asker_id)
    body = s.catalog.render(
        ("answer-confirm-cannot-read" if relay_id is not None else
         "write-confirm-cannot-read") if cannot else
        "answer-confirm-untranslated" if other else "answer-confirm-as-written", lang,
        name=name, language=language)
    ready = answer.student_name if relay_id is not None else None
    first = ANSWERED_BY[CANNOT_READ] if cannot else ()
    # A message written first answers nothing: the ready-made first messages instead, on top
    written_first = ready_first(context, user.id, int(target.split(":")[1]),
                                answer.asked.student_id, answer.student_name,
                                answer.asked.language, lang) \
        if relay_id is None and target.startswith("w:") else []
    markup = keyboards.as_written(s.catalog, lang, target, ready, relay_id, first,
                                  reply_recordings.recorded_replies(
                                      s.db, user.id, answer.asked.student_id,
                                      answer.asked.language),
                                  teacher_answers.ready_under_answer(
                                      answer.asked, first, _quoted(update)))
    # Dates and events no ready-made reply says ("no school on Monday") go to the whole
    # class as a ready-made announcement, in each family's language: the button names it.
    classes = ready_announcements.shared_classes(s.db, user.id, answer.asked.student_id)
    markup = InlineKeyboardMarkup([*written_first, *markup.inline_keyboard, *[
        [ready_menus.open_button(s.catalog, lang, c.id, c.name)] for c in classes[:3]]])
    await offer_as_written(update, context, answer.original, target, body, markup)


async def send_written(update: Update, context: PuenteContext) -> None:
    """Translate and queue the teacher's message for the family member, then confirm (with
    the time it goes out, in quiet hours)."""
    message, user, data = update.effective_message, update.effective_user, context.user_data
    if message is None or user is None or data is None or message.text is None:
        return
    if len(message.text) > relays.MAX_MESSAGE:  # kept waiting: a shorter one may follow
        await say(update, context, "write-too-long", bilingual=False, limit=relays.MAX_MESSAGE)
        return
    family_id = data.pop(WRITING)
    data.pop(WRITING_UNTIL, None)
    await write_to_family(update, context, family_id, message.text)


async def write_to_family(update: Update, context: PuenteContext, family_id: int, text: str,
                          confirmed: bool = False) -> None:
    """Translate and queue a teacher's message for one family member (checked as theirs to
    write to), then confirm; one that would reach them untranslated, in a language they do
    not read, waits for the teacher's ✅ unless `confirmed`."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    now = s.clock()
    written = await teacher_writes.prepare_write(s.db, s.translator, user.id, family_id,
                                                 text, now)
    if not confirmed and unreadable(s.translator, written):
        await confirm_as_written(update, context, written, f"w:{family_id}", None)
        return
    teacher_writes.queue_write(s.db, written, message_views.answer_texts(s.catalog, written),
                               now,
                               keyboards.cannot_read_rows(s.catalog, written.asked.language)
                               if written.untranslated else None)
    context.deliverer.wake()
    lang = user_language(context, user.id, user.language_code)
    name = student_for(context, user.id, written.asked.student_id,
                       first_name=written.student_name, lang=lang)
    await send_long(context, user.id, message_views.answer_queued(
        s.catalog, lang, written, quiet_until(context, now), name=name))


def _quoted(update: Update) -> str | None:
    """The text of the message a teacher's reply answers, as Telegram sends it back with the
    reply (None: no reply, or no text): a relayed family message's own words."""
    message = update.effective_message
    replied = message.reply_to_message if message is not None else None
    return replied.text if replied is not None and replied.text else None
