"""A family's or a student's message sent on to the teacher: to the teacher whose answer it
replies to, else about their only child (which child first, on a shared family phone); a text
through the outbox, a voice note copied at once; then the sender is told where the answer
will come, and in which language."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import Forbidden

from bot.chat.drafts import answer_first, offer_to_send, too_long
from bot.chat.replies import say, student_for, user_language
from bot.chat.writes import quiet_until
from bot.context import PuenteContext
from bot.domain.family_notes import ABSENT, ANSWERED_BY
from bot.domain.names import clean_name
from bot.domain.ready_replies import family_replies, replies_for
from bot.domain.school_days import closed_until
from bot.presentation import keyboards, message_views
from bot.presentation.i18n import Day
from bot.presentation.students import names_and
from bot.services import askers, relays, reply_recordings
from bot.services import excused as excused_service
from bot.services.askers import Asker
from bot.services.family import remember_name
from bot.services.pushes import next_allowed

log = logging.getLogger(__name__)


async def ask_teacher(update: Update, context: PuenteContext, who: Asker, text: str) -> None:
    """/ask with a message (or the message after a bare /ask): a family's question Puente can
    answer at once ("how is Hodan doing?", "which words can she practise at home?") gets the
    answer typed alone gets, first; then it goes to the teacher as /ask promises (Somali
    playtest: "/ask Erayadee ayay Hodan guriga ku celcelin kartaa?" got no list)."""
    if len(text) <= relays.MAX_MESSAGE and not relays.is_thanks(who, text):
        await answer_first(update, context, who, text)
    await relay_or_pick(update, context, who, text)


async def relay_or_pick(update: Update, context: PuenteContext, who: Asker,
                        text: str | int, to: askers.ReplyTo | None = None) -> None:
    """Relay a text (or the id of a voice note in the sender's chat) to the teacher whose
    answer it replies to (`to`), else about the only child, asking which child first on a
    shared family phone."""
    if isinstance(text, str):
        relays.require_words(text)  # "/ask ..." or "/ask ?!": a kind line, nothing relayed
    if isinstance(text, str) and len(text) > relays.MAX_MESSAGE:
        await too_long(update, context, text, to=to, who=who)  # a shared phone's family's
        return
    if to is not None:
        await relay_to_teachers(update, context, who, to.child, text, to.teacher_id, to.about,
                                to.also)
        return
    child = askers.child_of(who, None)
    if child is None:  # a shared family phone: which child is this about?
        await offer_to_send(update, context, who, text, "ask-which-child")
        return
    await relay_to_teachers(update, context, who, child, text)


async def relay_to_teachers(update: Update, context: PuenteContext, who: Asker,
                            child: askers.Child, text: str | int,
                            answered_by: int | None = None,
                            about: askers.Announced | None = None,
                            also: tuple[askers.Child, ...] = (),
                            excused: date | None = None) -> None:
    """Send the message and its English (or the voice note) to each of the child's
    teachers (to the one who answered, for a reply to an answer or an announcement, which
    the teacher is told; filed under the child and the siblings `also`), with the day it
    `excused` (a family's own words sent with "excuse today", or a coming day: said back to
    them), then confirm."""
    s = context.services
    relays.check_pace(s.ask_guard, who, s.clock())
    sender = _sender(update, who)
    if sender:  # /families and /thread name them as this message does
        remember_name(s.db, who.user_id, sender)
    note: str | None = None  # a student's "your teacher reads English" (no model), once
    ahead: date | None = None
    teacher: str | None = None  # the one language other than English her teachers read
    if isinstance(text, int):
        answer_in = await _relay_voice(context, who, child, text, answered_by, about, also,
                                       sender)
    else:  # through the outbox: a teacher's evening is quiet hours too
        relay = await relays.prepare_ask(s.db, s.translator, who, child, text, answered_by,
                                         about, also)
        relay = replace(relay, excused=excused,  # booked with it, as a ready-made note's
                        recognised=None if excused else _recognised(context, who, relay),
                        at_question=relays.open_question(s.db, who, s.clock()))
        if not _queue(context, who, relay, sender) and relay.excused is not None:
            # excused already (by another family member, or the teacher): her words still go
            _queue(context, who, replace(relay, excused=None), sender)
        elif relay.excused is not None and relay.excused != s.clock().astimezone(
                s.config.school.timezone).date():
            ahead = relay.excused  # a coming day: they are told which day it excused
        if relay.thanks and who.role == askers.FAMILY:  # passed on: no "the answer will
            # come here" for a thank-you
            await say(update, context, "ask-sent-thanks", bilingual=False, name=child.first_name)
        elif relay.thanks:  # a student is told "your teacher", in her language and English
            await say(update, context, "ask-sent-thanks-student")
        if relay.thanks:
            await _after_quiet_hours(update, context, who)
            return
        answer_in = relay.answer_in
        note = relays.no_model_note_due(s.db, s.translator, who, relay, s.clock())
        teacher = _teachers_read(context, relay)
    await _say_sent(update, context, who, child, answer_in)
    if ahead is not None:
        await say(update, context, "family-words-excused-day", bilingual=False,
                  day=Day(ahead), name=child.first_name)
    if note is not None and note != teacher:  # a teacher who reads it needs no translator
        # "Your teacher reads English" to the students of a teacher who chose Spanish
        # (playtest): the language they read, when it is not English
        await say(update, context, relays.no_model_note_key(s.db, who) + (
            "-teacher" if teacher else ""), language=message_views.language_name(note),
            **({"teacher": message_views.language_name(teacher)} if teacher else {}))
    if not isinstance(text, int):  # a voice note is copied at once, quiet hours or not
        await _after_quiet_hours(update, context, who)


async def relay_note(update: Update, context: PuenteContext, who: Asker, child: askers.Child,
                     note: str, original: str, english: str, excused: date | None = None,
                     to: askers.ReplyTo | None = None, words: str = "",
                     then: str | None = None) -> None:
    """Send a family's ready-made message (its words in their language, and the English people
    wrote for it, and the day it `excused`, with a button to undo it) to each of the child's
    teachers (to the one who wrote the message it is about, `to`: an answer named by its time
    and first `words`), then confirm as for any message (`then`, a prompt, on its last line)."""
    s = context.services
    relays.check_pace(s.ask_guard, who, s.clock())
    unread = relays.Unread(to.sent_at, words) if to and to.sent_at else None
    relay = relays.prepare_note(s.db, s.translator, who, child, note, original, english,
                                excused, to.teacher_id if to else None,
                                to.about if to else None, unread)
    relay = replace(relay, at_question=relays.open_question(s.db, who, s.clock()))  # 🆘
    sender = _sender(update, who)
    if sender:  # /families and /thread name them as this message does
        remember_name(s.db, who.user_id, sender)
    if not _queue(context, who, relay, sender) and relay.excused is not None:
        # that day was excused already (sent twice, or by another family member): the
        # teacher is not told again, and the family hears so kindly, with the English
        await say(update, context, "family-note-already-excused", day=Day(relay.excused),
                  name=child.first_name, then=then)
        return
    await _say_sent(update, context, who, child, relay.answer_in, then)
    await _after_quiet_hours(update, context, who)


def _queue(context: PuenteContext, who: Asker, relay: relays.Relay, sender: str) -> int:
    """Queue a text relay for each teacher, rendered in their language (in several messages
    when it is too long for one), with the ready-made replies under its last where the
    family's language needs them; how many teachers it was queued for."""
    s = context.services
    queued = relays.queue_relay(s.db, who, relay, {teacher_id: message_views.relay_text(
        s.catalog, user_language(context, teacher_id), who, relay,
        _named(context, teacher_id, relay), s.config.school.timezone, sender,
        relays.install_hint(s.db, s.translator, teacher_id, relay, s.clock()))
        for teacher_id in relay.teacher_ids}, s.clock(), {
        teacher_id: rows for teacher_id in relay.teacher_ids
        if (rows := _rows(context, teacher_id, who, relay))})
    if queued:
        context.deliverer.wake()
    return queued


async def _say_sent(update: Update, context: PuenteContext, who: Asker, child: askers.Child,
                    answer_in: str, then: str | None = None) -> None:
    """Where the answer will come, and in which language (`then`, a prompt, after it)."""
    family = who.role == askers.FAMILY  # a student is told "your teacher", not their name
    key = ("ask-sent" if family else "ask-sent-student") + ("-english" if answer_in == "en"
                                                            else "")  # "as the teacher writes it"
    if family and answer_in == "en" and who.language != "en" \
            and who.language in context.services.catalog.languages:
        # the teacher's ready-made replies come in their language, written answers in English:
        # "as the teacher writes it" told a Hmong grandfather nothing of either (playtest)
        await say(update, context, "ask-sent-ready", bilingual=False, name=child.first_name,
                  language=message_views.language_name(who.language), then=then)
        return
    await say(update, context, key, bilingual=not family, name=child.first_name,
              language=message_views.language_name(answer_in), then=then)


async def _after_quiet_hours(update: Update, context: PuenteContext, who: Asker) -> None:
    """In quiet hours, say when the teacher will see the message ("after 07:00"): the outbox
    holds it until then, and a family waiting up for an answer should know. On a weekend or
    a holiday, the school day it waits for, in words ("by Monday morning"), quiet hours or
    not: no promise of an answer, which no setting makes."""
    s = context.services
    school, now = s.config.school, s.clock()
    bilingual = who.role != askers.FAMILY
    day = closed_until(next_allowed(now, school), school.timezone, school.holidays)
    if day is not None:
        key, values = message_views.closed_until(day, now.astimezone(school.timezone).date())
        await say(update, context, key, bilingual=bilingual, **values)
        return
    later = quiet_until(context, now)
    if later is not None:
        await say(update, context, "ask-sent-quiet", bilingual=bilingual, time=later)


def _teachers_read(context: PuenteContext, relay: relays.Relay) -> str | None:
    """The one language all the child's teachers read Puente in, when it is not English
    (None: English, or teachers who read different ones)."""
    read = {user_language(context, teacher_id) for teacher_id in relay.teacher_ids}
    return next(iter(read)) if len(read) == 1 and "en" not in read else None


def _sender(update: Update, who: Asker) -> str:
    """A family member's first name as this very message carries it, so the teacher can tell
    a grandmother from an uncle ("" for a student, who is named as the student)."""
    user = update.effective_user
    if user is None or who.role != askers.FAMILY:
        return ""
    name = clean_name(user.first_name)
    # On a phone the child and the family share, the account's name may be the child's own:
    # "From Widlene (Widlene's family)" would say the child wrote; name nobody instead
    own = next((c for c in who.children if c.student_id == who.user_id), None)
    return "" if own is not None and name.casefold() == own.first_name.casefold() else name


def _ready(context: PuenteContext, teacher_id: int, who: Asker, relay: relays.Relay
           ) -> InlineKeyboardMarkup | None:
    """The ready-made replies under a family member's message that no model can answer in
    their language (None: the teacher's own answer will do), and under every student's: a
    one-tap answer a newcomer can read, in her language with the English beneath."""
    s = context.services
    student = who.role != askers.FAMILY
    if not student and not message_views.offers_ready(s.catalog, relay):
        return None
    replies = replies_for(student) if student else family_replies(
        relay.original, relay.language, ANSWERED_BY.get(relay.note or "", ()))
    heard = reply_recordings.recorded_replies(s.db, teacher_id, relay.child.student_id,
                                              relay.language)
    return keyboards.ready_replies(s.catalog, user_language(context, teacher_id),
                                   relay.child.first_name, replies, heard)


def _rows(context: PuenteContext, teacher_id: int, who: Asker, relay: relays.Relay
          ) -> relays.Rows:
    """The buttons under a relayed message for one teacher: ↩️ to undo the day it excused
    (when it excused one), or 🤒 (📅 for a day away not today) to excuse the day a family's
    own words say the child is sick or away (they sent them without excusing it: Haitian
    playtest), then the ready-made replies."""
    markup = _ready(context, teacher_id, who, relay)
    rows = keyboards.as_rows(markup) if markup is not None else []
    s = context.services
    lang, student_id = user_language(context, teacher_id), relay.child.student_id
    if relay.excused is not None:
        return [*rows, keyboards.unexcuse_row(s.catalog, lang, student_id, relay.excused)]
    day = relay.recognised
    return rows if day is None else [*rows, keyboards.excuse_row(
        s.catalog, lang, student_id, day.day, away=day.note == ABSENT and day.when != "today")]


def _recognised(context: PuenteContext, who: Asker, relay: relays.Relay
                ) -> relays.Recognised | None:
    """The day a family's own words, sent without excusing it, say the child is sick or away
    (today, a coming day, one gone): the teacher reads it and may excuse it in one tap."""
    if who.role != askers.FAMILY or relay.note is not None or relay.thanks or relay.also:
        return None
    s = context.services
    return excused_service.excusable_day(relay.original, relay.language, s.config.school,
                                         s.clock(), [c.first_name for c in who.children])


def _named(context: PuenteContext, teacher_id: int, relay: relays.Relay) -> str:
    """The child a relay is about, as this teacher reads them; twins together ("Ana and
    Ben")."""
    lang = user_language(context, teacher_id)
    return names_and([student_for(context, teacher_id, c.student_id, first_name=c.first_name)
                      for c in (relay.child, *relay.also)], context.services.catalog, lang)


async def _relay_voice(context: PuenteContext, who: Asker, child: askers.Child,
                       voice: int, answered_by: int | None,
                       about: askers.Announced | None = None,
                       also: tuple[askers.Child, ...] = (), sender: str = "") -> str:
    """Copy a voice note to each teacher now (a copy shows no sender; the outbox sends text
    only), with who sent it as its caption; return the language answers go back in."""
    s = context.services
    relay = await relays.prepare_ask(s.db, s.translator, who, child, "",  # nothing to translate
                                     answered_by, about, also)
    # a student's voice note sent mid-check names its question, as her text does
    relay = replace(relay, at_question=relays.open_question(s.db, who, s.clock()))
    reached = 0
    for teacher_id in relay.teacher_ids:
        caption = message_views.relay_voice_caption(
            s.catalog, user_language(context, teacher_id), who, relay,
            _named(context, teacher_id, relay), s.config.school.timezone, sender)
        try:
            sent = await context.bot.copy_message(
                teacher_id, who.user_id, voice, caption=caption, parse_mode=ParseMode.HTML,
                reply_markup=_ready(context, teacher_id, who, relay))
        except Forbidden:  # this teacher blocked the bot; the others still hear
            log.info("a teacher could not be reached for a voice note")
            continue
        relays.record_relay(s.db, who, relay, teacher_id, sent.message_id, s.clock())
        reached += 1
    if not reached:
        raise relays.NoTeacherError()
    return relay.answer_in
