"""A message held until its sender says whom it is for: offered to the teacher of each child
(or, for a teacher's too-long answer, its beginning to the family), sent (or dropped) when
they tap. It is held in memory only, in the sender's `user_data`, and
never written to the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MaybeInaccessibleMessage, Update
from telegram.constants import ParseMode

from bot.chat import cannot_read
from bot.chat.family_help import ask_prompt_no_model
from bot.chat.replies import say, user_language
from bot.context import PuenteContext
from bot.domain.cannot_read_words import says_cannot_read_english
from bot.domain.dont_know import says_dont_know, says_not_understood
from bot.domain.emoji import seems_lost
from bot.domain.family_notes import OwnWords, own_words
from bot.domain.progress_question import asks_practice_words, asks_progress
from bot.presentation import callbacks, family_note_views, family_views, keyboards, views
from bot.presentation.i18n import Catalog, Markup
from bot.services import askers, family_updates, relays
from bot.services.askers import Asker
from bot.services.family import all_stopped
from bot.services.message_languages import (
    answer_language,
    teacher_reads_english,
    written_as_is,
)
from bot.services.teacher_answers import Answer
from bot.translation.translator import Translator

DRAFT = "draft"  # user_data: a message held until its sender picks a child or confirms
DRAFT_UNTIL = "draft_until"  # user_data: when the held message is forgotten unsent
DRAFT_FOR = "draft_for"  # user_data: whom it is for: the teacher (ASK) or a family (ANSWER)
DRAFT_OFFER = "draft_offer"  # user_data: the id of the message offering it (its buttons)
DRAFT_WINDOW = timedelta(minutes=10)  # a child's words are held in memory minutes, not hours
ASK, ANSWER = "ask", "answer"  # a message to a child's teacher; a teacher's answer to one


@dataclass(frozen=True)
class Draft:
    """A held message: a text, or a voice note's id in its sender's chat; for a reply to a
    teacher's answer or announcement, what it continues (it goes back to that teacher alone,
    tagged with the announcement and filed under each twin, as a text reply would be)."""

    message: str | int
    to: askers.ReplyTo | None = None
    kind: str = ""  # held until its sender says who speaks: what it was (chat/speaker.py)
    role: str = ""  # who offered it (a shared phone's family sends it as the family)


async def _hold_and_offer(update: Update, context: PuenteContext, draft: Draft,
                          purpose: str, body: Markup, markup: InlineKeyboardMarkup) -> None:
    """Hold a message in memory (minutes, never the store) and ask its sender what to do."""
    chat, data = update.effective_chat, context.user_data
    if chat is None or data is None:
        return
    data[DRAFT], data[DRAFT_FOR] = draft, purpose
    data[DRAFT_UNTIL] = context.services.clock() + DRAFT_WINDOW
    sent = await context.bot.send_message(chat.id, body, parse_mode=ParseMode.HTML,
                                          reply_markup=markup)
    data[DRAFT_OFFER] = sent.message_id


async def offer_to_send(update: Update, context: PuenteContext, who: Asker, text: str | int,
                        key: str, *, named: bool = False, to: askers.ReplyTo | None = None,
                        also: Sequence[InlineKeyboardButton] = (),
                        first: Sequence[InlineKeyboardButton] = (), send: str = "button-ask",
                        then: str | None = None, **params: object) -> None:
    """Hold a message, or a voice note's id, (in memory) and offer to send it to the teacher
    of each child, or, for a reply to a teacher's answer (`to`), to that teacher about that
    child alone: each button names its child on a shared phone, or when `named`, else says
    `send`; `first` above them (send it and excuse the day), `also` below (a ready-made note
    instead); `then`, a family's prompt with no parameters, on the body's last line."""
    catalog, lang = context.services.catalog, who.language
    children = who.children if to is None else (to.child,)
    english = who.english_first and who.role != askers.FAMILY  # a student's level order
    # Twins' announcement reply goes about both: a button naming one of them would mislead
    labels = [(c.student_id, keyboards.level_label(catalog, send, lang, english))
              for c in children] \
        if (len(who.children) == 1 or (to is not None and to.also)) and not named else \
        [(c.student_id, keyboards.level_label(catalog, "button-ask-child", lang, english,
                                              name=c.first_name)) for c in children]
    body = catalog.render(key, lang, **params) if who.role == askers.FAMILY else \
        catalog.bilingual(key, lang, english_first=who.english_first, **params)
    if then is not None:
        body = Markup(f"{body}\n" + catalog.render(then, lang))
    markup = keyboards.ask_buttons(
        labels, keyboards.level_label(catalog, "button-dont-send", lang, english), also=also,
        first=first)
    await _hold_and_offer(update, context, Draft(text, to, role=who.role), ASK, body,
                          markup)


def take(context: PuenteContext, purpose: str = ASK) -> Draft | None:
    """The held message, which is no longer held (None: nothing held, held too long, or held
    for another purpose: a button of one kind never sends a message held for the other)."""
    data = context.user_data if context.user_data is not None else {}
    until = data.pop(DRAFT_UNTIL, None)
    data.pop(DRAFT_OFFER, None)
    draft, held_for = data.pop(DRAFT, None), data.pop(DRAFT_FOR, ASK)
    fresh = until is not None and context.services.clock() < until
    return draft if fresh and held_for == purpose else None


def holds_message(context: PuenteContext) -> bool:
    """Whether a message of theirs to the teacher is held, unsent, its time not up."""
    data = context.user_data if context.user_data is not None else {}
    until = data.get(DRAFT_UNTIL)
    return data.get(DRAFT) is not None and data.get(DRAFT_FOR, ASK) == ASK and \
        until is not None and context.services.clock() < until


def drop_offered(context: PuenteContext, offer: MaybeInaccessibleMessage | None) -> None:
    """Forget the message held under `offer` (a ready-made note went in its place: its Send
    must never send it too, and the family's own words are kept nowhere)."""
    data = context.user_data
    if data and offer is not None and data.get(DRAFT_OFFER) == offer.message_id:
        for key in (DRAFT, DRAFT_UNTIL, DRAFT_FOR, DRAFT_OFFER):
            data.pop(key, None)


def forget_expired(context: PuenteContext) -> None:
    """Drop a held message whose time is up, even if its sender never taps again."""
    data = context.user_data
    if data and DRAFT_UNTIL in data and context.services.clock() >= data[DRAFT_UNTIL]:
        for key in (DRAFT, DRAFT_UNTIL, DRAFT_FOR, DRAFT_OFFER):
            data.pop(key, None)


async def offer_answer(update: Update, context: PuenteContext, text: str, body: Markup,
                       targets: list[tuple[int, str]]) -> None:
    """Hold a teacher's answer (its first MAX_MESSAGE characters) in memory and offer to send
    it to whoever wrote one of the relayed messages `targets` ((its id in the teacher's chat,
    button label)); the tap checks on the server that the message was relayed to them."""
    user = update.effective_user
    if user is None:
        return
    no = context.services.catalog.plain("button-dont-send",
                                        user_language(context, user.id, user.language_code))
    await _hold_and_offer(update, context, Draft(relays.beginning(text)), ANSWER, body,
                          keyboards.ask_buttons(targets, no, prefix=callbacks.ANSWER_HELD))


async def not_understood(update: Update, context: PuenteContext, text: str,
                         who: Asker | None = None) -> None:
    """A student's text the bot cannot use (`who`: the student, else looked up): point to the
    commands, and offer to send it to the teacher when it says something ("???", an emoji or
    "ok" alone is not a message for the teacher)."""
    user = update.effective_user
    if who is None and user is not None:
        who = askers.asker(context.services.db, user.id)
    if who is not None and who.role == askers.STUDENT and says_cannot_read_english(text) \
            and await cannot_read.answer(update, context, who):
        return  # "No leo inglés": what helps her, and her teacher is told; her words not kept
    if who is not None and who.role == askers.STUDENT and (
            seems_lost(text) or says_not_understood(text) or says_dont_know(text)):
        # "?" or "😢" alone: perhaps lost, with no words to say so (Somali playtest); "ana
        # mish fahem" alone after a check: the 🆘 note reaches the teacher in English, where
        # her words, offered as a message, reached them as Arabizi (Sudanese playtest); so
        # does "不知道" or "몰라요" alone, her teacher reads neither (Chinese, Korean playtest)
        await say(update, context, "help-short", markup=keyboards.lost_button(
            context.services.catalog, who.language, who.english_first))
        return
    if who is None or not relays.worth_offering(text):
        await say(update, context, "help-short")
        return
    # a thank-you is welcomed, and offered to the teacher as one (no answer owed); anything
    # else, with what the bot can do: the offer says what its buttons do
    key = "student-thanks-offer" if relays.is_thanks(who, text) else "text-offer"
    await offer_to_send(update, context, who, text, key)


async def offer_family_text(update: Update, context: PuenteContext, who: Asker,
                            text: str) -> None:
    """A family member's text: offer to send it to the teacher (of which child, on a phone
    linked to several), saying whether the teacher reads it with English, or as thanks."""
    catalog = context.services.catalog
    translated = teacher_reads_english(context.services.translator, who.language)
    thanks = relays.is_thanks(who, text)
    # words the teacher cannot read: the ready-made messages beside Send reach the teacher in
    # English (a Hmong grandfather's "how can I help her?" reached them as Hmong, playtest)
    notes = not thanks and written_as_is(context.services.translator, who.language)
    key = "family-thanks-offer" if thanks else "family-text" if translated else \
        "family-text-as-written-notes" if notes else "family-text-as-written"
    # "Lin is sick today" (or "at the hospital today") typed in her own words: first, send
    # them AND excuse the day; the ready-made "sick today" (or "not at school today")
    # instead; her words alone, the day not excused. Each label says whether the day is
    # excused: a mother sent her words, not knowing only 🤒 excused the day, and her son
    # got his reminder and the day counted against him (Haitian playtest)
    school = context.services.config.school
    today = context.services.clock().astimezone(school.timezone).date()
    words = None if thanks else own_words(text, who.language, today, school.holidays,
                                          [c.first_name for c in who.children])
    children = [(c.student_id, views.name(c.first_name, catalog, who.language))
                for c in who.children]
    ready = [family_note_views.notes_item(catalog, who.language)] if notes else []
    # "quero voltar a receber as notícias do Davi" after /stop was offered only to the
    # teacher: the way back is said too (playtest)
    then = "family-text-stopped" if all_stopped(context.services.db, who.user_id) else None
    if words is None:
        if not thanks:  # "Kijan Jb ap fè?": the week first, the question still goes if wanted
            await answer_first(update, context, who, text)
        await offer_to_send(update, context, who, text, key, also=ready, then=then)
        return
    first, instead = _excuse_buttons(catalog, who.language, words, children, today)
    await offer_to_send(update, context, who, text, key, first=first, then=then,
                        also=[*instead, *ready], send="button-ask-words-only")


async def answer_first(update: Update, context: PuenteContext, who: Asker, text: str) -> None:
    """A family's words that ask what Puente can show at once: which words the child can
    practise at home (the week's words to practise), how the child is doing (the week, as
    /now shows it); nothing for any other words, or a student's."""
    if who.role != askers.FAMILY:
        return
    if asks_practice_words(text, who.language):  # the list alone, not the whole week
        await _week_first(update, context, who, practice=True)
    elif asks_progress(text, who.language):
        await _week_first(update, context, who)


async def _week_first(update: Update, context: PuenteContext, who: Asker,
                      practice: bool = False) -> None:
    """A family's question how the child is doing: the child's week (what /now shows) before
    the offer to send it, which may take days to answer (Haitian playtest); which words to
    practise (`practice`): the week's words to practise alone (Somali playtest)."""
    s, chat = context.services, update.effective_chat
    if chat is None:
        return
    school = s.config.school
    for item in family_updates.weekly_updates(s.db, s.clock(), only=who.user_id,
                                              tz=school.timezone, holidays=school.holidays,
                                              update_day=school.family_update_day):
        if practice:
            text = family_views.practice_words_text(item, s.catalog)
        else:
            head = s.catalog.render("family-progress-first", who.language,
                                    name=item.student_name)
            text = Markup(f"{head}\n\n{family_views.family_update_text(item, s.catalog)}")
        await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML)


def _excuse_buttons(catalog: Catalog, lang: str, words: OwnWords,
                    children: Sequence[tuple[int, str]], today: date
                    ) -> tuple[list[InlineKeyboardButton], list[InlineKeyboardButton]]:
    """Beside Send, under words that excuse a day: first "my words + excuse the day", then
    the ready-made note instead (today's only: "no va a ir mañana" gets the first alone, the
    📝 list keeps the dated note)."""
    if words.day != today:
        return family_note_views.words_and_excuse_day(catalog, lang, words.day, children), []
    return (family_note_views.words_and_excuse(catalog, lang, words.note, children),
            family_note_views.note_instead(catalog, lang, words.note, children, today))


async def offer_voice(update: Update, context: PuenteContext, who: Asker, message_id: int,
                      to: askers.ReplyTo | None = None) -> None:
    """Offer to send a voice note as it is; beside Send, a family whose language no model
    translates gets 📝 ready-made messages, as under their typed words: the teacher cannot
    understand the recording, and a mother's "not at school Thursday" said aloud excused no
    day (Somali playtest)."""
    notes = to is None and who.role == askers.FAMILY and \
        written_as_is(context.services.translator, who.language)
    ready = [family_note_views.notes_item(context.services.catalog, who.language)]
    await offer_to_send(update, context, who, message_id,
                        "voice-offer-notes" if notes else "voice-offer", to=to,
                        also=ready if notes else ())


SPEAKER = "speaker"  # draft purpose: held until its sender says who speaks (a shared phone)


async def hold_for_speaker(update: Update, context: PuenteContext, draft: Draft,
                           body: Markup, markup: InlineKeyboardMarkup) -> None:
    """Hold a message (in memory, minutes) while its sender says who is speaking."""
    await _hold_and_offer(update, context, draft, SPEAKER, body, markup)


ASKING = "asking"  # user_data: until when the next text is the message for the teacher
ASK_WINDOW = timedelta(minutes=10)  # later, a typed answer to a check is graded, not relayed


async def prompt_for_message(update: Update, context: PuenteContext, who: Asker) -> None:
    """A bare /ask: the next text (or voice note) within ASK_WINDOW is the message for the
    teacher; ask for it, saying plainly to a family whose words no model translates that the
    teacher reads them as written (and where to find an interpreter)."""
    data = context.user_data
    if data is None:
        return
    data[ASKING] = context.services.clock() + ASK_WINDOW
    translator = context.services.translator
    translated = teacher_reads_english(translator, who.language)
    if who.role == askers.FAMILY and written_as_is(translator, who.language):
        # said plainly before they write, with where to find an interpreter (playtest)
        await ask_prompt_no_model(update, context, who.language)
        return
    # a student reads every message in her language and English; a family, theirs alone; a
    # child is spoken to as in their other messages (not the families' "po ninyo", playtest)
    student = who.role == askers.STUDENT
    key = "ask-prompt" if translated else "ask-prompt-as-written"
    user = update.effective_user
    notes = None if student or user is None else family_note_views.notes_button(
        context.services.catalog, user_language(context, user.id, user.language_code))
    await say(update, context, f"{key}-student" if student else key, bilingual=student,
              markup=notes)  # a family may pick a ready-made message instead


async def too_long(update: Update, context: PuenteContext, text: str,
                   answer_to: int | None = None, to: askers.ReplyTo | None = None,
                   who: Asker | None = None) -> None:
    """A message over the limit: offer to send its beginning (held in memory like any draft)
    to the teacher (the one answered, for a reply to an answer: `to`), or, for a
    teacher's answer, to whoever wrote the message it answers (`answer_to`, its id in the
    teacher's chat); someone who cannot write to a teacher is asked for a shorter one. `who`
    writes it (a shared phone's family), else the one behind the phone."""
    user = update.effective_user
    if user is None:
        return
    limit = relays.MAX_MESSAGE
    if answer_to is not None:
        catalog, lang = context.services.catalog, user_language(context, user.id,
                                                                user.language_code)
        await offer_answer(update, context, text,
                           catalog.render("answer-too-long-offer", lang, limit=limit),
                           [(answer_to, catalog.plain("button-send-beginning", lang))])
        return
    who = who or askers.asker(context.services.db, user.id)
    if who is None:
        await say(update, context, "message-too-long", limit=limit)
        return
    await offer_to_send(update, context, who, relays.beginning(text), "message-too-long-offer",
                        to=to, limit=limit)


CONFIRM = "confirm"  # user_data purpose: a teacher's answer held until ✅ "Send as written"


def unreadable(translator: Translator | None, answer: Answer) -> bool:
    """Whether a teacher's answer would reach a family member who reads another language in
    English, untranslated (no model here), or anyone in another language than English or
    theirs that no model translated: it waits for the teacher's ✅ (playtest: an English reply
    to an Arabic-reading father went in one step, unread; a Spanish one to a Tagalog-reading
    student too)."""
    asked = answer.asked
    if answer.other and answer.translation is None:
        return True
    return (asked.asker_role == askers.FAMILY and asked.language != "en"
            and not answer.own_language and answer_language(translator, asked.language) == "en")


async def offer_as_written(update: Update, context: PuenteContext, text: str, target: str,
                           body: Markup, markup: InlineKeyboardMarkup) -> None:
    """Hold a teacher's answer (in memory, minutes) for the one message or family member
    `target` names, until its ✅; a ✅ under an older offer never sends this one."""
    await _hold_and_offer(update, context, Draft(text), f"{CONFIRM}:{target}", body, markup)


def take_confirmed(context: PuenteContext, target: str) -> Draft | None:
    """The answer held for `target`, no longer held (None: none, too old, or held for another
    message: then it stays held, so a ✅ on an older offer loses nothing)."""
    data = context.user_data if context.user_data is not None else {}
    if data.get(DRAFT_FOR) != f"{CONFIRM}:{target}":
        return None
    return take(context, f"{CONFIRM}:{target}")


def drop_confirmed(context: PuenteContext, target: str) -> int | None:
    """Drop the answer held for `target` (a ready-made reply went instead, so its ✅ must
    never send it too); the id of the message that offered it (None: nothing held for it)."""
    data = context.user_data if context.user_data is not None else {}
    if data.get(DRAFT_FOR) != f"{CONFIRM}:{target}":
        return None
    offer = data.get(DRAFT_OFFER)
    for key in (DRAFT, DRAFT_UNTIL, DRAFT_FOR, DRAFT_OFFER):
        data.pop(key, None)
    return offer if isinstance(offer, int) else None
