"""Family members: open a link, pick a language, get weekly bilingual updates."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.chat import family_notes
from bot.chat.audience import PRIVATE, AtLanguageMenu, Audience, From, sender
from bot.chat.family_help import (
    ask_which_child,
    family_help,
    no_model_note,
    resume_updates,
    tell_change,
)
from bot.chat.replies import (
    current_tap,
    phone_language,
    say,
    send_long,
    spend,
    tapped,
    user_language,
)
from bot.context import PuenteContext, Services
from bot.domain.free_text import says_little
from bot.domain.names import clean_name
from bot.presentation import (
    callbacks,
    family_views,
    keyboards,
    menus,
    message_views,
    progress_views,
    views,
)
from bot.presentation.i18n import language_name
from bot.presentation.students import names_and, student_label
from bot.services import (
    askers,
    awake,
    family,
    family_updates,
    learners,
    listen,
    membership,
    message_languages,
)
from bot.services import progress as progress_service


class _FamilyLink(filters.MessageFilter):
    """/start with a family link's code (whoever opens it: a student may be a parent too)."""

    def filter(self, message: Message) -> bool:
        args = (message.text or "").split()[1:]
        return bool(args) and family.is_link(args[0])


class _SaysLittle(filters.MessageFilter):
    """A text that says nothing a menu could read ("ok", "?"), a sticker or a GIF."""

    def filter(self, message: Message) -> bool:
        return message.text is None or says_little(message.text)


class _InQuietHours(filters.MessageFilter):
    """A message sent in the school's quiet hours (asked before who sent it: in the day, a
    student's graded answer costs no lookup more)."""

    def __init__(self, services: Services) -> None:
        super().__init__(name="in quiet hours")
        self.services = services

    def filter(self, message: Message) -> bool:
        return awake.in_quiet_hours(self.services.clock(), self.services.config.school)


def register(app: Application) -> None:
    """Add family links, a family member's /start and /language, /stop, /now, the buttons
    choosing whose updates stop or come again, and the language button (before the students'
    /start and /language, which these take over)."""
    services: Services = app.bot_data.services
    only_family = From(services, Audience.FAMILY)
    bare = ~filters.Regex(r"^/\S+\s+\S")  # no argument after the command
    add = app.add_handler
    add(CommandHandler("start", start, filters=PRIVATE & (_FamilyLink() | (bare & only_family))))
    add(CommandHandler("language", language, filters=PRIVATE & only_family))
    # "ok", "?" or a sticker under the language menu, before any language is chosen: the menu
    # again (playtest: a grandmother's "ok" was offered to the teacher as her message)
    add(MessageHandler(PRIVATE & ~filters.COMMAND & (filters.TEXT | filters.Sticker.ALL
                                                     | filters.ANIMATION) & _SaysLittle()
                       & only_family & AtLanguageMenu(services), language))
    add(CommandHandler("progress", progress, filters=PRIVATE & only_family))
    add(CommandHandler(menus.student_only_commands(services.catalog), student_command,
                       filters=PRIVATE & only_family))
    add(CommandHandler("stop", stop, filters=PRIVATE))
    add(CommandHandler("now", now, filters=PRIVATE))
    add(CallbackQueryHandler(updates_button, pattern=rf"^({callbacks.FAMILY_STOP}|"
                                                     rf"{callbacks.FAMILY_RESUME}):"))
    add(CallbackQueryHandler(shared_phone_button, pattern=rf"^{callbacks.FAMILY_HERE}:"))
    add(CallbackQueryHandler(language_button,
                             pattern=rf"^({callbacks.FAMILY_LANG}:|{callbacks.FAMILY_MORE}$)"))
    family_notes.register(app)  # the ready-made messages to the teacher
    # after the handler that answers it (group 0): a message in quiet hours brings theirs
    add(MessageHandler(PRIVATE & _InQuietHours(services) & only_family, writes_at_night),
        group=1)


async def writes_at_night(update: Update, context: PuenteContext) -> None:
    """A family member writing in quiet hours is awake: send what waits for them now."""
    user, s = update.effective_user, context.services
    if user is not None and awake.writes_at_night(s.db, user.id, s.clock(), s.config.school):
        context.deliverer.wake()


async def start(update: Update, context: PuenteContext) -> None:
    """Link a family member from /start f_CODE and ask for their language; a family member who
    opens the bot again (a bare /start) gets the weekly updates back if they stopped them, else
    the family help, never the student's join explanation."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    if not context.args:
        family.keep_phone_language(s.db, user.id, phone_language(context, user.language_code))
        if not await resume_updates(update, context):  # /stop said /start brings them back
            await family_help(update, context)
        return
    payload = context.args[0]
    moment = s.clock()
    # Their phone's language (not English, which says little) is theirs until they choose:
    # the welcome, /now, /ask and Friday's update all speak it, never their child's (H1)
    phone = phone_language(context, user.language_code)
    try:
        with membership.code_attempt(s.code_guard, user.id, moment):
            opened = family.use_link(s.db, user.id, payload, moment,
                                     phone if phone != "en" else None,
                                     clean_name(user.first_name))
    except family.LinkFullError as full:  # they are told to ask for a new link; the teacher
        _tell_teachers_link_full(context, full)  # is told why they will be asked
        raise
    lang = user_language(context, user.id, user.language_code)
    name = views.name(opened.name, s.catalog, lang)
    if opened.already:
        await context.bot.send_message(chat.id, s.catalog.bilingual(
            "family-still-linked", lang, name=name), parse_mode=ParseMode.HTML)
        return
    if opened.own:  # the child's own account: a parent may share this phone (M3)
        await say(update, context, "family-link-own",  # 🔊: a grandmother cannot read it
                  markup=keyboards.family_here(s.catalog, lang, opened.own,
                                               listen.can_say(s.speech, lang)))
        return
    text = s.catalog.bilingual("family-linked", lang, name=name,
                               english_first=family.reads_phone_english(s.db, user.id, phone))
    await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML,
                                   reply_markup=_menu(context, user.id, user.language_code))
    await _show_menu(context, user.id, lang)
    _tell_new_link(context, user.id, opened, clean_name(user.first_name))


async def _show_menu(context: PuenteContext, user_id: int, lang: str) -> None:
    """Give a family member the family's command menu in `lang` (never to a student or a
    teacher on the same account: theirs stays)."""
    s = context.services
    if askers.is_family_only(s.db, user_id):
        await menus.show_menu(context.bot, user_id, menus.family_menu(s.catalog, lang))


def _tell_new_link(context: PuenteContext, user_id: int, opened: family.LinkOpened,
                   member: str) -> None:
    """Tell the child's teachers (with an Unlink button) and the family members linked before
    that this family member just linked: a link forwarded beyond the family let a stranger
    read a child's updates unseen (playtest)."""
    s = context.services
    news = family.link_news(s.db, user_id, opened.student_id)
    if news is None:
        return
    # The teachers' note names the language they chose; "(French)", from a French phone, was
    # read as the language of a mother who then chose Kreyòl (Haitian playtest). Until they
    # choose, it waits a moment, then says "choosing a language now"; a choice meanwhile
    # replaces it with one naming that language (_retell_link)
    chosen = membership.chosen_language(s.db, user_id)
    notes = _link_notes(context, news, member, chosen)
    for member_id in news.members:
        lang = user_language(context, member_id)
        notes.append((member_id, str(s.catalog.render(
            "family-linked-also", lang, member=views.name(member, s.catalog, lang),
            name=views.name(opened.name, s.catalog, lang))), []))
    if family.queue_link_news(s.db, user_id, opened.student_id, notes, s.clock(),
                              () if chosen else [t for t, _child in news.teachers]):
        context.deliverer.wake()


def _link_notes(context: PuenteContext, news: family.LinkNews, member: str,
                chosen: str | None) -> list[tuple[int, str, list[list[list[str]]]]]:
    """The note to each teacher that `member` linked, with an Unlink button: the language
    they `chosen`, or that they are choosing one."""
    s = context.services
    notes = []
    for teacher_id, child in news.teachers:
        lang = user_language(context, teacher_id)
        notes.append((teacher_id, str(s.catalog.render(
            "family-linked-teacher-note" if chosen else "family-linked-teacher-note-choosing",
            lang, member=views.name(member, s.catalog, lang),
            name=student_label(child, s.catalog, lang),
            language=message_views.teacher_language(chosen or "en"))),
            keyboards.as_rows(keyboards.unlink_new(news.family_id, s.catalog.plain(
                "button-unlink-yes", lang)))))
    return notes


def _retell_link(context: PuenteContext, user_id: int, member: str, code: str) -> None:
    """A language chosen while the teachers' link note still waits: that note goes now,
    naming it."""
    s = context.services
    queued = 0
    for student_id in family.link_notes_waiting(s.db, user_id):
        news = family.link_news(s.db, user_id, student_id)
        if news is not None:
            queued += family.queue_link_news(s.db, user_id, student_id,
                                             _link_notes(context, news, member, code),
                                             s.clock())
    if queued:
        context.deliverer.wake()


def _menu(context: PuenteContext, user_id: int, phone: str | None) -> InlineKeyboardMarkup:
    """The family's language menu: the phone's language (English too, for someone who chose
    none yet; else their child's) alone on top, every language Puente speaks, English, and 🌐
    other languages."""
    s = context.services
    likely = family.likely_languages(s.db, user_id, phone, s.config.school.languages)
    if family.reads_phone_english(s.db, user_id, phone_language(context, phone)):
        likely = ["en", *likely]
    more = keyboards.more_button(s.catalog, user_language(context, user_id, phone),
                                 callbacks.data(callbacks.FAMILY_MORE), english=True)
    chosen = membership.chosen_language(s.db, user_id)  # marked ✓, shown even from 🌐
    return keyboards.language_menu(
        [*likely, *keyboards.home_languages(s.config.school.languages),
         *([chosen] if chosen else [])], prefix=callbacks.FAMILY_LANG, first=bool(likely),
        more=more, current=s.scripts.reading(user_id, chosen),
        script=s.scripts.first_button(user_id))


async def shared_phone_button(update: Update, context: PuenteContext) -> None:
    """A student says a family member uses their phone too: link this account as their
    family's (their own link, checked again) and tell their teachers."""
    tap = await current_tap(update, context, "button-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    if len(cb.args) != 1:
        raise callbacks.ForgedCallbackError("bad shared-phone button")
    if not await spend(query):  # a double tap: the first tap did this
        return
    try:
        opened = family.link_shared_phone(s.db, user.id, cb.args[0], s.clock())
    except family.LinkFullError as full:
        _tell_teachers_link_full(context, full)
        raise
    lang = user_language(context, user.id, user.language_code)
    name = views.name(opened.name, s.catalog, lang)
    await say(update, context, "family-still-linked" if opened.already else "family-linked-here",
              name=name)
    if not opened.already:
        await _tell_teachers_shared_phone(context, user.id)
        await _tell_what_is_missing(update, context, user.id,
                                    user_language(context, user.id, user.language_code))


async def _tell_teachers_shared_phone(context: PuenteContext, user_id: int) -> None:
    """Tell the student's teachers that the family's updates go to the student's own account
    (a teacher who thinks it wrong unlinks it in /families)."""
    s = context.services
    notes = []
    for teacher_id, student_id, child in family.teachers_to_tell(s.db, user_id):
        if student_id != user_id:  # a sibling this student is a family member of
            continue
        lang = user_language(context, teacher_id)
        notes.append((teacher_id, student_id, s.catalog.render(
            "family-here-note", lang, name=student_label(child, s.catalog, lang))))
    if family.queue_teacher_notes(s.db, user_id, notes, s.clock()):
        context.deliverer.wake()


def _tell_teachers_link_full(context: PuenteContext, full: family.LinkFullError) -> None:
    """Tell the student's teachers, once a link, that one more family member could not link
    with it, and how to let them in (a new link) or see who is linked (/families)."""
    s = context.services
    notes = []
    for teacher_id, child in family.full_link_teachers(s.db, full):
        lang = user_language(context, teacher_id)
        label = student_label(child, s.catalog, lang)
        notes.append((teacher_id, s.catalog.render(
            "family-link-full-note", lang, name=label, count=family.CAREGIVERS_PER_LINK)))
    if family.queue_full_link_notes(s.db, full, notes, s.clock()):
        context.deliverer.wake()


async def progress(update: Update, context: PuenteContext) -> None:
    """A family member's /progress: the child's progress is in /now, never a student's reply."""
    await say(update, context, "progress-family", bilingual=False)


async def student_command(update: Update, context: PuenteContext) -> None:
    """A family member's /check, /words or /remind (tappable in a teacher's reply): whose command
    it is, and what this phone can do, never "you have no class yet" (playtest, a father)."""
    user, message, s = update.effective_user, update.effective_message, context.services
    if user is None or message is None:
        return
    lang = user_language(context, user.id, user.language_code)
    names = [views.name(c.first_name, s.catalog, lang)
             for c in family.linked_children(s.db, user.id)]
    await say(update, context, "student-command-family", bilingual=False,
              command=f"/{menus.typed_command(message.text) or 'check'}",
              name=names_and(names, s.catalog, lang))


async def language(update: Update, context: PuenteContext) -> None:
    """A family member's /language: their own language menu, never the student's (also for
    "ok", "?" or a sticker before they chose one)."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    if user is None or chat is None:
        return
    family.keep_phone_language(s.db, user.id, phone_language(context, user.language_code))
    await context.bot.send_message(chat.id, s.catalog.render(
        "family-language", user_language(context, user.id, user.language_code)),
        reply_markup=_menu(context, user.id, user.language_code))


async def language_button(update: Update, context: PuenteContext) -> None:
    """Store the family's own language and welcome them in it and English, with a way back to
    the language they read before; 🌐 shows the languages Puente has no messages in, and
    English. A button its menu no longer shows (an old picker) changes nothing: its toast
    says so, in the language they read now (playtest H2: old taps switched a Somali mother
    to Hmong silently, and she could not read Hmong to find /language)."""
    tap = await current_tap(update, context, "family-language-stale")
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    if cb.prefix == callbacks.FAMILY_MORE:
        lang = user_language(context, user.id, user.language_code)
        await context.bot.send_message(user.id, s.catalog.bilingual(
            "family-language-more", lang), reply_markup=keyboards.language_menu(
            keyboards.more_languages(), prefix=callbacks.FAMILY_LANG,
            current=membership.chosen_language(s.db, user.id)))
        return
    if not family.is_family(s.db, user.id):
        await say(update, context, "family-link-unknown")
        return
    code, undo = callbacks.language_choice(cb)
    # What they read before: English first, on a phone in English (no "↩️" to Somali after
    # choosing English), else the language Puente spoke to them
    before = "en" if family.reads_phone_english(
        s.db, user.id, phone_language(context, user.language_code)) \
        else user_language(context, user.id, user.language_code)
    # Take the menu's buttons off first: a second tap on it that Telegram sent before the
    # first one's edit (Soomaali, then Hmoob) must change nothing, not change it silently
    if not await spend(query):
        return
    changed = family.set_language(s.db, user.id, code)
    s.scripts.choose(user.id, callbacks.script_choice(cb))  # "繁體中文": Chinese, Traditional
    _retell_link(context, user.id, clean_name(user.first_name), code)
    await _show_menu(context, user.id, code)  # unseen: before what she reads, never between
    back = None if undo or before == code else \
        keyboards.undo_language(s.catalog, before, callbacks.FAMILY_LANG, code)
    # after /stop, "you will get a weekly update… /stop to stop it" would be untrue
    await say(update, context, "family-welcome-stopped" if family.all_stopped(s.db, user.id)
              else "family-welcome", markup=back, language=language_name(code))
    await _tell_what_is_missing(update, context, user.id, code, changed)


async def _tell_what_is_missing(update: Update, context: PuenteContext, user_id: int,
                                code: str, changed: bool = True) -> None:
    """Tell the family member what `code` lacks here (no translation model, no voice) and,
    when it is new (`changed`), the child's teachers that their messages come as written:
    on their own phone after choosing, on the child's phone after linking it (playtest: a
    grandmother on a Hmong child's phone was told neither, nor was the teacher)."""
    s = context.services
    await no_model_note(update, context, code)  # before they write, not after
    if s.speech is not None and not listen.can_say(s.speech, code):
        # said once, here, where no "🔊 Listen to this message" will be offered them
        await say(update, context, "family-no-voice-note", bilingual=False,
                  language=language_name(code))
    if changed:
        _tell_teachers_language(context, user_id, code)


def _tell_teachers_language(context: PuenteContext, user_id: int, code: str) -> None:
    """Tell the child's teachers, once per new language, when this family's messages will
    reach them untranslated (they should not count on an English version); the note waits a
    moment, replaced if the family member changes language again (family.LANGUAGE_NOTE_WAIT)."""
    s = context.services
    notes = []
    if message_languages.missing_model(s.translator, code):
        for teacher_id, student_id, child in family.teachers_to_tell(s.db, user_id):
            lang = user_language(context, teacher_id)
            notes.append((teacher_id, student_id, s.catalog.render(
                "family-language-no-model-none" if message_languages.none_exists(code)
                else "family-language-no-model", lang,
                name=student_label(child, s.catalog, lang),
                language=message_views.teacher_language(code))))
    family.queue_language_notes(s.db, user_id, code, notes, s.clock(), s.config.school)


async def _student_now(update: Update, context: PuenteContext, user_id: int) -> None:
    """A student's /now: what to do now, as /progress says it ("👉 5 words ready: /check"),
    in their language and English; the generic help told a student with words ready nothing
    (playtest, Tagalog WIDA 3)."""
    s, chat = context.services, update.effective_chat
    if chat is None:
        return
    report = progress_service.progress(s.db, user_id, s.clock(), s.config.school.timezone,
                                       s.config.school.holidays)
    lang = learners.learner(s.db, user_id).language
    await send_long(context, chat.id, progress_views.step_text(report, lang, s.catalog))


async def _not_family(update: Update, context: PuenteContext) -> None:
    """/now or /stop from someone who is no family member: a student gets the student's help
    (/now: their next step, `_student_now`);
    nobody (a family member unlinked, or who deleted their data) is told how to link again, in
    the language they chose."""
    user, db = update.effective_user, context.services.db
    stranger = sender(update, context).audience == Audience.STRANGER
    await say(update, context, "family-not-linked" if stranger else "help-short",
              bilingual=user is None or not stranger or membership.reads_english_too(db, user.id))


async def stop(update: Update, context: PuenteContext) -> None:
    """Stop weekly updates: /stop."""
    user, s = update.effective_user, context.services
    if user is None or not family.is_family(s.db, user.id):
        await _not_family(update, context)
        return
    change = family.change_updates(s.db, user.id, False)
    if change.confirm:  # the child's own phone: one tap, so a stray /stop stops nothing
        lang = user_language(context, user.id, user.language_code)
        child = change.choose[0]
        await say(update, context, "family-stop-confirm",
                  bilingual=membership.reads_english_too(s.db, user.id),
                  name=views.name(child.first_name, s.catalog, lang),
                  markup=keyboards.family_stop(s.catalog, lang, child.student_id,
                                               listen.can_say(s.speech, lang)))
        return
    if change.choose:  # a shared phone: which child's updates, never all of them silently
        await ask_which_child(update, context, "family-stop-which", callbacks.FAMILY_STOP,
                              change.choose)
        return
    await tell_change(update, context, change, False)


async def updates_button(update: Update, context: PuenteContext) -> None:
    """Stop, or get again, the weekly updates about the tapped child (or all of them)."""
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    on = cb.prefix == callbacks.FAMILY_RESUME
    change = family.choose_updates(context.services.db, user.id, callbacks.child_choice(cb), on)
    if not await spend(query):  # a double tap: the first tap did this and said so
        return
    await tell_change(update, context, change, on)


async def now(update: Update, context: PuenteContext) -> None:
    """Show this week's update on demand: /now."""
    user, s = update.effective_user, context.services
    if user is not None and not family.is_family(s.db, user.id) \
            and sender(update, context).audience == Audience.STUDENT:
        await _student_now(update, context, user.id)
        return
    if user is None or not family.is_family(s.db, user.id):
        await _not_family(update, context)
        return
    family.keep_phone_language(s.db, user.id, phone_language(context, user.language_code))
    for item in family_updates.weekly_updates(s.db, s.clock(), only=user.id,
                                      tz=s.config.school.timezone,
                                      holidays=s.config.school.holidays,
                                      update_day=s.config.school.family_update_day):
        await context.bot.send_message(
            user.id, family_views.family_update_text(item, s.catalog), parse_mode=ParseMode.HTML,
            reply_markup=family_views.family_update_buttons(
                item, s.catalog, s.speech is not None,
                voiced=listen.can_say(s.speech, item.language)))


def queue_weekly_updates(services: Services) -> int:
    """Put this week's family updates in the outbox (quiet hours are honoured at delivery)."""
    moment = services.clock()
    school = services.config.school
    # the last update went out a week ago, on this weekday: its days end where this one's
    # begin (window_start), holiday or not
    updates = family_updates.weekly_updates(
        services.db, moment, tz=school.timezone, holidays=school.holidays,
        update_day=moment.astimezone(school.timezone).weekday())
    speech = services.speech is not None
    return family_updates.queue_updates(services.db, [
        (item, family_views.family_update_text(item, services.catalog),
         family_views.family_update_spoken(item, services.catalog))
        for item in updates],
        lambda item, row_id: _rows(family_views.family_update_buttons(
            item, services.catalog, speech, row_id,
            listen.can_say(services.speech, item.language))), moment)


def _rows(markup: InlineKeyboardMarkup | None) -> list[list[list[str]]]:
    return keyboards.as_rows(markup) if markup else []


async def weekly_job(context: PuenteContext) -> None:
    """Job: queue and deliver the weekly family updates."""
    queue_weekly_updates(context.services)
    context.deliverer.wake()  # the deliverer marks and skips users who blocked the bot
