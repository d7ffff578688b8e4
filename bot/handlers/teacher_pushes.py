"""A teacher's pushes: /push (and its "send again" button) and /scheduled, the pushes still
waiting, with a Cancel button each. Roles and ids are checked on the server (in the
services), never trusted from the client."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.chat import push_fix
from bot.chat.audience import PRIVATE
from bot.chat.replies import (
    decision,
    old_button,
    remember_spent,
    say,
    send_long,
    spend,
    tapped,
    user_language,
)
from bot.context import PuenteContext
from bot.delivery import Joined, enqueue_again, enqueue_push, join_waiting
from bot.domain.checks import WordRef
from bot.presentation import callbacks, keyboards, pack_views, push_views, views
from bot.presentation.class_views import join_link
from bot.presentation.i18n import Counted, Markup, reader_language
from bot.presentation.students import kept_lines, names_and, student_label
from bot.services import (
    class_reports,
    kept_pushes,
    membership,
    pushes,
    student_lookup,
    teaching,
)
from bot.services.glosses import english_only, glosses_for, pack_refs, unchecked_news

log = logging.getLogger(__name__)


def register(app: Application) -> None:
    """Add /push and /scheduled, and their buttons."""
    for command in (push, scheduled):
        app.add_handler(CommandHandler(command.__name__, command, filters=PRIVATE))
    app.add_handler(CallbackQueryHandler(push_again_button,
                                         pattern=rf"^{callbacks.PUSH_AGAIN}:"))
    app.add_handler(CallbackQueryHandler(scheduled_button, pattern=rf"^{callbacks.SCHEDULED}:"))
    app.add_handler(CallbackQueryHandler(push_fix.push_fixed,
                                         pattern=rf"^{callbacks.PUSH_FIX}:"))


async def push(update: Update, context: PuenteContext) -> None:
    """Send a preview to a class: /push PACK [words...] [to CLASS] [at HH:MM]."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    try:
        plan = pushes.plan_push(s.db, s.config.school, user.id, list(context.args or []),
                                s.clock())
    except pushes.UnknownWordsError as exc:  # every word, each with its hint, one a line
        close = [(one.word, one.close) for one in exc.missing if one.close is not None]
        fixed = push_fix.with_words(update.message.text or "", close) \
            if update.message is not None and len(close) == len(exc.missing) else None
        typed = update.message.text or "" if update.message is not None else ""
        await send_long(context, user.id, push_views.unknown_words(
            s.catalog, user_language(context, user.id, user.language_code), exc),
            push_fix.offer(update, context, [(", ".join(c for _, c in close), fixed), *(
                (one.button, push_fix.with_args(typed, one.args))
                for one in exc.about)]))
        return
    if plan.covered:  # nobody to send it to yet, and its words wait in a booking already
        await _say_nothing_booked(update, context, plan)
        return
    refs = pack_refs(s.db, word_ids=[w.id for w in plan.words])
    languages = class_reports.class_languages(s.db, user.id, plan.class_info.id)
    if s.translator is not None:  # engine calls happen here, in a worker thread, once a word
        for lang in languages:
            await glosses_for(s.db, s.translator, refs, lang)
    joined = join_waiting(s, user.id, plan)
    if joined is not None:  # one preview of both pushes' words, not two messages at once
        await _say_joined(update, context, plan, joined)
        await _say_coverage(update, context, refs, languages)
        context.deliverer.wake()
        return
    push_id, students = enqueue_push(s, user.id, plan,
                                     reads=user_language(context, user.id, user.language_code))
    if students or not plan.repeats:
        await _say_queued(update, context, plan, students)
    if plan.waiting:  # on the roster, but no preview is written before they choose a language
        await say(update, context, "push-not-joined", bilingual=False, count=plan.waiting)
    if plan.repeats and not students and plan.booked:  # the words wait in a push not sent
        await _say_nothing_booked(update, context, plan)
        return
    if plan.repeats:  # said, with a button for a teacher who means to send them again
        lang = user_language(context, user.id, user.language_code)
        text = s.catalog.render("push-repeat", lang, count=len(plan.repeats)) if students \
            else s.catalog.render("push-repeat-all", lang, class_name=plan.class_info.name)
        await context.bot.send_message(user.id, text, reply_markup=keyboards.push_again(
            push_id, s.catalog.plain("button-push-again", lang)))
        if not students:
            return
    await _say_coverage(update, context, refs, languages)
    context.deliverer.wake()  # delivery runs in the background: this handler never waits


async def _say_joined(update: Update, context: PuenteContext, plan: pushes.PushPlan,
                      joined: Joined) -> None:
    """These words join the push already booked for that minute: one message of them all."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang, tz = user_language(context, user.id, user.language_code), s.config.school.timezone
    await say(update, context, "push-joined", bilingual=False,
              when=push_views.when(s.catalog, lang, plan.send_at, tz),
              class_name=plan.class_info.name, words=Counted("count-words", joined.words),
              students=Counted("count-students", joined.students))


async def _say_coverage(update: Update, context: PuenteContext, refs: list[WordRef],
                        languages: list[str]) -> None:
    """For each class language, the pushed words its students will read in English only,
    then those whose translation no speaker of it has checked yet (at levels 1-2 the gloss is
    the meaning a newcomer learns: a bilingual aide should look)."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    for gap in english_only(s.db, refs, languages, s.translator):
        await say(update, context, "push-coverage", bilingual=False, missing=gap.missing,
                  language=reader_language(gap.lang), words=Counted("count-words", gap.words),
                  terms=", ".join(gap.terms))
    line = pack_views.unchecked_line(s.catalog, user_language(
        context, user.id, user.language_code), unchecked_news(s.db, user.id, refs, languages,
                                                              s.clock()))
    if line is not None:  # every language on one line, and not the same words twice a week
        await context.bot.send_message(user.id, line, parse_mode=ParseMode.HTML)


async def _say_queued(update: Update, context: PuenteContext, plan: pushes.PushPlan,
                      students: int) -> None:
    """Sending N words to M students of the class (when); then a line for each push of the
    pack to the class already waiting, and one for the pack's words still not sent."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang, tz = user_language(context, user.id, user.language_code), s.config.school.timezone
    later = plan.send_at > s.clock()  # "Sending ... (Tue 08:00)" read as now: "Will send"
    # nobody has joined: for now, whoever joins starts with these (said with the link that
    # brings them in); booked for later, it goes to whoever joins before then
    key = ("push-queued-nobody-yet" if later else "push-kept-for-joiners-after"
           if plan.earlier else "push-kept-for-joiners") if plan.empty \
        else "push-queued-later" if later else "push-queued"
    lines = [s.catalog.render(key, lang,
                              words=Counted("count-words", len(plan.words)),
                              earlier=Counted("count-words", plan.earlier),
                              class_name=plan.class_info.name, when=push_views.when(
                                  s.catalog, lang, plan.send_at, tz),
                              students=Counted("count-students", students),
                              link=join_link(context.bot.username, plan.class_info.join_code))]
    if plan.picked:  # which ones, so the teacher can pre-teach them
        lines.append(s.catalog.render("push-picked-words", lang,
                                      terms=", ".join(w.word.term for w in plan.words)))
    if plan.held_from is not None:
        school = s.config.school
        lines.append(s.catalog.render(
            "push-quiet-held", lang, asked=push_views.when(s.catalog, lang, plan.held_from, tz),
            start=school.quiet_hours_start.strftime("%H:%M"),
            end=school.quiet_hours_end.strftime("%H:%M")))
    lines += _waiting_lines(update, context, plan)
    names = student_lookup.student_names(s.db, user.id)
    blocked = [student_label(names.of(r.student_id, plan.class_info.id), s.catalog, lang)
               for r in teaching.roster(s.db, plan.class_info.id) if r.blocked]
    if blocked:  # "to 0 students" with no reason (chaos playtest): who it leaves out, and why
        lines.append(s.catalog.render("push-blocked-left-out", lang,
                                      names=names_and(blocked, s.catalog, lang)))
    lines += push_views.owned_lines(s.catalog, lang, [
        (student_label(names.of(student_id, plan.class_info.id), s.catalog, lang), len(ids))
        for student_id, ids in plan.owned.items()], plan.owned_kept)
    if plan.known:  # "Sending 5 words" are 5 new ones: say which the class already had
        lines.append(s.catalog.render("push-known-left-out", lang, count=plan.known,
                                      pack=plan.pack_id))
    if plan.left:
        lines.append(s.catalog.render("push-more-unsent", lang, count=plan.left,
                                      pack=plan.pack_id))
    await send_long(context, user.id, "\n".join(lines))


async def _say_nothing_booked(update: Update, context: PuenteContext,
                              plan: pushes.PushPlan) -> None:
    """Nothing was booked, as every word waits in an earlier push: which ones wait, when."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    nothing = s.catalog.render("push-nothing-booked", lang, when=push_views.when(
        s.catalog, lang, plan.send_at, s.config.school.timezone))
    await send_long(context, user.id, "\n".join([nothing, *_waiting_lines(update, context, plan)]))


def _waiting_lines(update: Update, context: PuenteContext, plan: pushes.PushPlan) -> list[str]:
    """A line for each push of the pack to the class that waits to be sent."""
    user, s = update.effective_user, context.services
    lang = user_language(context, user.id, user.language_code) if user else "en"
    return [s.catalog.render("push-already-waiting", lang, count=b.words, pack=plan.pack_id,
                             when=push_views.when(s.catalog, lang, b.send_at,
                                                 s.config.school.timezone))
            for b in plan.booked]


async def push_again_button(update: Update, context: PuenteContext) -> None:
    """Send a push again to the students who already had its words today (checked on the
    server: the teacher's own push, of today, with someone left to send to). A later tap
    on it, spent, says it went (playtest: it said nothing) and sends nothing."""
    if await old_button(update, context, "push-again-already-sent"):
        return
    tap = await tapped(update)
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    if not await spend(query):  # a double tap: the first tap sent it
        return
    again = pushes.plan_again(s.db, s.config.school, user.id, cb.int_arg(0), s.clock())
    await _say_queued(update, context, again.plan, enqueue_again(s, again))
    context.deliverer.wake()


async def scheduled(update: Update, context: PuenteContext) -> None:
    """List the teacher's pushes still waiting to be sent, each with a Cancel button, after
    the words her pushes kept for joiners still hold for each student."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    waiting = pushes.scheduled(s.db, user.id, s.clock())
    lang = user_language(context, user.id, user.language_code)
    kept = kept_lines(s.catalog, lang, "scheduled-kept-title",
                      kept_pushes.kept_waiting(s.db, user.id, s.clock()),
                      student_lookup.student_names(s.db, user.id))
    if kept:  # words waiting for a joiner are no push waiting, but they are still to come
        await send_long(context, user.id, "\n".join(kept))
    if not waiting:
        if not kept:
            await say(update, context, "scheduled-none", bilingual=False)
        return
    text, cancel = push_views.scheduled_text(
        s.catalog, user_language(context, user.id, user.language_code), waiting,
        s.config.school.timezone)
    *first, last = views.split_message(Markup(text))  # a long list: its buttons under the end
    for part in first:
        await context.bot.send_message(user.id, part, parse_mode=ParseMode.HTML)
    await context.bot.send_message(user.id, last, parse_mode=ParseMode.HTML,
                                   reply_markup=keyboards.cancel_push_buttons(cancel))


async def scheduled_button(update: Update, context: PuenteContext) -> None:
    """Ask before cancelling a waiting push; cancel what it has not sent after the confirming
    tap (checked on the server: the teacher's own push, still waiting)."""
    decided = await decision(update, context, "scheduled-gone")  # a later tap: said why
    if decided is None:
        return
    query, user, cb, lang = decided
    s, tz = context.services, context.services.config.school.timezone
    if len(cb.args) == 1:  # the first tap, in /scheduled: ask
        found = pushes.scheduled_push(s.db, user.id, cb.int_arg(0), s.clock())
        await context.bot.send_message(
            user.id, push_views.cancel_confirm(s.catalog, lang, found, tz),
            parse_mode=ParseMode.HTML, reply_markup=keyboards.confirm_cancel_push(
                found.push_id, s.catalog.plain("button-scheduled-cancel-yes", lang),
                s.catalog.plain("button-keep", lang)))
        return
    if cb.args[1:] != ("yes",):
        raise callbacks.ForgedCallbackError("not a cancel confirmation")
    if not await spend(query):  # a double tap on Cancel: the first tap cancelled it
        return
    done = pushes.cancel_scheduled(s.db, user.id, cb.int_arg(0), s.clock())
    remember_spent(context, query, "scheduled-already-cancelled")
    await query.edit_message_text(push_views.cancelled(s.catalog, lang, done.push,
                                                       done.students, tz),
                                  parse_mode=ParseMode.HTML)
    if done.push.booked_by is not None:  # a co-teacher's push: she hears who cancelled it
        await _tell_booker(context, done, pushes.colleague_name(s.db, user.id, user.first_name))


async def _tell_booker(context: PuenteContext, done: pushes.Cancelled, colleague: str) -> None:
    """Tell the teacher who booked a push that her co-teacher cancelled it; a failure here
    does not undo the cancel, which already happened."""
    s, booker = context.services, done.push.booker_id
    text = push_views.cancelled_by_colleague(
        s.catalog, user_language(context, booker), done.push, done.students, colleague,
        s.config.school.timezone)
    try:
        await context.bot.send_message(booker, text, parse_mode=ParseMode.HTML)
    except Forbidden:  # she blocked the bot: remember it of her
        membership.blocked(s.db, booker, s.clock())
    except BadRequest as exc:
        log.info("a cancelled push's teacher was not told: %s", exc.message)
