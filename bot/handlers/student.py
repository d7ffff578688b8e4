"""A student's first steps and what they type: /start (joining a class), the home language,
the self-placement, and free text (a typed answer, a home-language word, or a pointer)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.chat import join_notes, lost, placement_text, speaker
from bot.chat.audience import PRIVATE, AtLanguageMenu, Audience, sender
from bot.chat.cards import show_preview
from bot.chat.drafts import offer_to_send
from bot.chat.family_help import ask_which_child, start_in_two_roles, tell_stranger
from bot.chat.questions import first_shown, point_to_buttons, point_to_question, send_feedback
from bot.chat.replies import MAX_INPUT, current_tap, say, spend, user_language, user_reader
from bot.context import PuenteContext
from bot.delivery.enqueue import enqueue_scheduled
from bot.domain.checks import WordRef
from bot.domain.emoji import seems_lost
from bot.domain.free_text import asks_for_words
from bot.domain.gloss_lookup import EnglishWords
from bot.domain.language import LANGUAGES
from bot.domain.language_words import yes_or_no
from bot.domain.placement import TOP_LEVEL
from bot.domain.scaffold import scaffold_for
from bot.presentation import (
    callbacks,
    card_views,
    check_views,
    keyboards,
    menus,
    views,
)
from bot.presentation.i18n import language_name
from bot.services import (
    answers,
    askers,
    family,
    join,
    lookup,
    membership,
    relays,
    teaching,
)
from bot.services import join_notes as join_notes_service

LANGUAGE_ASKED = "language_asked"  # user_data: the X of an open one-tap "Is it X?"
# user_data: what the child typed at the language menu told (detected, scored): a following
# "?" or sticker keeps it on top (playtest: "ntawv" put Hmoob first, then "?" lost it), and
# the teacher's join note says whether the tap agreed with it
LANGUAGE_GUESS = "language_guess"


async def start(update: Update, context: PuenteContext) -> None:
    """Join a class from a deep link (/start CODE) and begin the language step."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    # A family link's went to family.start; a code typed in parts ("/start WKBS DE5K") is one
    code = "".join(context.args) if context.args else None
    # The name as stored and shown: no invisible or direction characters, a placeholder if empty
    name = views.name(user.first_name, s.catalog, user_language(context, user.id,
                                                                user.language_code))
    if code is None:  # a bare /start: who is this?
        who = sender(update, context).audience
        if who is not Audience.STUDENT:  # a family member's bare /start went to family.start
            if who is Audience.TEACHER and not await start_in_two_roles(update, context):
                gone = teaching.left_without_class(s.db, user.id)
                if gone is None:
                    await say(update, context, "start-teacher", bilingual=False)
                else:  # a co-teacher taken off their only class: which, and how back
                    await say(update, context, "coteach-removed-no-class", bilingual=False,
                              class_name=views.escape(gone.class_name),
                              creator=views.escape(gone.by))
            else:
                await tell_stranger(update, context)
            return
        await say(update, context, "welcome-back", name=name)
        await _family_updates_stopped(update, context)
        return
    now = s.clock()
    with membership.code_attempt(s.code_guard, user.id, now):
        joined = join.join_class(s.db, user.id, name, code, user.language_code, now)
    if joined.language is None and s.scripts.traditional(user.id) \
            and not teaching.is_teacher(s.db, user.id):
        # Telegram keys its menus by two letters only ("zh": Simplified for every Chinese
        # phone): a Hong Kong or Taiwan phone gets its own chat's, in her script, at once
        # rather than once she chooses her language (unseen: before what she reads)
        await menus.show_menu(context.bot, user.id, menus.student_commands(s.catalog, "zh"))
    key = "join-again" if joined.already_member else "join-welcome"
    await say(update, context, key, name=name, class_name=views.label(joined.class_name))
    if not joined.already_member and joined.language is not None:  # no language step to wait
        join_notes.tell_joined(context, user.id, [joined.class_id])
    await next_step(update, context, joined.suggestion)


async def _family_updates_stopped(update: Update, context: PuenteContext) -> None:
    """A student who is a sibling's family member too, and stopped those weekly updates: their
    /start is a student's, so it says so, with a button to get them again (nothing for anyone
    else)."""
    user, s = update.effective_user, context.services
    stopped = family.stopped_children(s.db, user.id) if user else []
    if user is None or not stopped:
        return
    if len(stopped) > 1:  # the buttons name them
        await ask_which_child(update, context, "student-family-stopped-many",
                              callbacks.FAMILY_RESUME, stopped)
        return
    name = views.name(stopped[0].first_name, s.catalog,
                      user_language(context, user.id, user.language_code))
    await ask_which_child(update, context, "student-family-stopped", callbacks.FAMILY_RESUME,
                          stopped, name=name)


async def next_step(update: Update, context: PuenteContext, suggestion: str | None) -> None:
    """After joining: confirm the language, then place, then preview."""
    user, s = update.effective_user, context.services
    assert user is not None
    student = join.student(s.db, user.id)
    if student is None:
        return
    if student.language is None:
        await ask_home_language(update, context, suggestion)
        return
    if enqueue_scheduled(s, user.id):  # a push the teacher scheduled before they got here
        context.deliverer.wake()
    if join.needs_placement(s.db, user.id):
        await send_placement(update, context, join.open_placement(s.db, user.id))
    else:
        await say(update, context, "ready")


async def ask_home_language(update: Update, context: PuenteContext, detected: str | None,
                            typed: str | None = None, scored: Sequence[str] = ()) -> None:
    """One short line in the child's likely language ("Is your home language X?" when the phone
    or their words say X; after words that say none, that they were read), and in English;
    every home language as a button in its own name, the likely one first, English, and other
    languages: a child who reads no English still finds theirs."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    assert chat is not None and user is not None
    detected, scored = _keep_guess(context, typed, detected, scored)
    asked = join.first_question(s.db, user.id, user.language_code, s.config.school.languages,
                                detected, typed, scored)
    params = {"language": language_name(asked.confirm)} if asked.confirm else {}
    more = keyboards.more_button(s.catalog, asked.lang, callbacks.data(callbacks.LANG_MORE),
                                 english=True, english_first=asked.guessed)
    likely = [*asked.likely, *keyboards.home_languages(s.config.school.languages)]
    yes = s.catalog.plain("button-language-yes", asked.lang,
                          language=LANGUAGES[asked.confirm].native_name) \
        if asked.confirm and likely[0] == asked.confirm and asked.confirm in LANGUAGES else None
    menu = keyboards.language_menu(likely, first=asked.one_on_top, more=more, yes=yes,
                                   script=s.scripts.first_button(user.id))
    text = s.catalog.bilingual(asked.prompt_key, asked.lang, english_first=asked.guessed,
                               **params)
    if context.user_data is not None:  # a typed "yog" answers the one-tap question too
        if yes is not None and asked.confirm is not None:
            context.user_data[LANGUAGE_ASKED] = asked.confirm
        else:
            context.user_data.pop(LANGUAGE_ASKED, None)
    await context.bot.send_message(chat.id, text, reply_markup=menu)


def _keep_guess(context: PuenteContext, typed: str | None, detected: str | None,
                scored: Sequence[str]) -> tuple[str | None, Sequence[str]]:
    """What the child's words at the menu told (`detected`, `scored`), remembered; words that
    tell nothing ("?", "ok", a sticker) keep what earlier words told."""
    data = context.user_data
    if data is None or typed is None:
        return detected, scored
    if detected is None and not scored:
        before = data.get(LANGUAGE_GUESS)
        if isinstance(before, tuple):
            return before[0], before[1]
    data[LANGUAGE_GUESS] = (detected, tuple(scored))
    return detected, scored


def _tap_doubt(context: PuenteContext, user_id: int, code: str, phone: str | None
               ) -> join_notes_service.Doubt | None:
    """The doubt about a first home language chosen by a tap: nothing typed, or typed words
    that pointed elsewhere, and a phone in another language (the teacher's join note says)."""
    data = context.user_data
    guess = data.pop(LANGUAGE_GUESS, None) if data is not None else None
    typed = isinstance(guess, tuple)
    told = (guess[0] or next(iter(guess[1]), None)) if typed else None
    return join_notes_service.doubt_of(context.services.db, user_id, code, phone, typed, told)


async def language_again(update: Update, context: PuenteContext) -> None:
    """A sticker or GIF while the home language is asked: the same menu again, with what
    earlier words told still on top (playtest: a sticker got "Tap /words…" in English)."""
    await ask_home_language(update, context, None, "")


async def typed_yes_or_no(update: Update, context: PuenteContext, text: str) -> bool:
    """A yes typed to the open "Is your home language X?" (in X or English: "yog", "yes")
    chooses X, as its one tap does; a no asks which language, the menu again. False for
    other text, or when no such question is open (held in memory only: after a restart, the
    text is read as any other). Paj typed "yog" and was told her language could not be read
    (Hmong re-playtest)."""
    data, user = context.user_data, update.effective_user
    asked = data.get(LANGUAGE_ASKED) if data is not None else None
    if data is None or user is None or not isinstance(asked, str):
        return False
    reply = yes_or_no(text, asked)
    if reply is None:
        return False
    data.pop(LANGUAGE_ASKED, None)
    if reply:
        await home_language_set(update, context, join.confirm_language(
            context.services.db, user.id, asked), first=True)
    else:
        await ask_home_language(update, context, None)
    return True


async def language(update: Update, context: PuenteContext) -> None:
    """Show the language menu so the student can change their home language (on a phone the
    family shares, it says the family updates there follow it: there is no other choice)."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    reader = user_reader(context, user.id, user.language_code)  # levels 5-6: English first
    lang, first = reader.language or "en", reader.english_first
    chosen = membership.chosen_language(s.db, user.id)
    # one chosen behind 🌐 joins the menu, so the ✓ shows which is theirs
    menu = keyboards.language_menu([*keyboards.home_languages(s.config.school.languages),
                                    *([chosen] if chosen else [])],
                                   more=keyboards.more_button(s.catalog, lang, callbacks.data(
                                       callbacks.LANG_MORE), english=True, english_first=first),
                                   current=s.scripts.reading(user.id, chosen),
                                   script=s.scripts.first_button(user.id))
    key = "language-menu-shared-phone" if family.shares_phone(s.db, user.id) else "language-menu"
    await context.bot.send_message(chat.id, s.catalog.bilingual(key, lang, english_first=first),
                                   reply_markup=menu)


async def more_languages(update: Update, context: PuenteContext) -> None:
    """🌐 Other languages: the languages Puente has no messages in, and English."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    asked = join.first_question(s.db, user.id, user.language_code, s.config.school.languages)
    chosen = membership.chosen_language(s.db, user.id)
    lang = chosen or asked.lang  # asked in the same language as the question it came from
    text = s.catalog.bilingual("language-more", lang, english_first=asked.guessed and not chosen)
    await context.bot.send_message(chat.id, text, reply_markup=keyboards.language_menu(
        keyboards.more_languages(), current=chosen))


async def language_button(update: Update, context: PuenteContext) -> None:
    """Store the tapped home language; show the full menu ("Other", an old button) or the
    languages Puente has no messages in (🌐). A button its menu no longer shows (chosen
    already) is old: its toast says so."""
    tap = await current_tap(update, context, "language-stale")
    if tap is None:
        return
    query, user, cb = tap
    if cb.prefix in (callbacks.LANG_MENU, callbacks.LANG_MORE):
        await (language if cb.prefix == callbacks.LANG_MENU else more_languages)(update, context)
        return
    s = context.services
    student = join.student(s.db, user.id)
    if student is None:
        await say(update, context, "not-enrolled")
        return
    code, undo = callbacks.language_choice(cb)
    # The menu's buttons go first: a second tap on it that Telegram sent before the first
    # one's edit (two languages tapped quickly) changes nothing, never silently (H2)
    if not await spend(query):
        return
    join.confirm_language(s.db, user.id, code)
    s.scripts.choose(user.id, callbacks.script_choice(cb))  # "繁體中文": Chinese, Traditional
    before = student.language  # a change (not the first choice) can be undone in one tap
    doubt = _tap_doubt(context, user.id, code, user.language_code) if before is None else None
    await home_language_set(update, context, code, None if undo or before in (None, code)
                            else before, first=before is None, doubt=doubt)


async def home_language_set(update: Update, context: PuenteContext, code: str,
                            before: str | None = None, first: bool = False,
                            doubt: join_notes_service.Doubt | None = None) -> None:
    """Say what Puente has in the chosen language (with a button back to the language
    `before` it, the one they read, when they changed it), show the student's menu, go on;
    a `first` choice completes their joining, which their teachers hear of (with the
    `doubt` about a tapped language nothing backs)."""
    s, user = context.services, update.effective_user
    assert user is not None
    if first:
        join_notes.tell_joined(context, user.id, None, doubt)
        # one with no messages: back to the phone's language, which she was asked in
        before = join.phone_language_to_keep(code, user.language_code)
    offer = join.language_offer(s.db, user.id, code, lambda lang: s.translator is not None
                                and s.translator.why_unavailable(lang) is None)
    back = keyboards.undo_language(s.catalog, before, callbacks.LANGUAGE, code) \
        if before else None
    await say(update, context, offer.prompt_key, markup=back, language=language_name(code),
              have=offer.have, total=offer.total)
    if not teaching.is_teacher(s.db, user.id):  # a teacher trying the student side keeps theirs
        await menus.show_menu(context.bot, user.id, menus.student_commands(s.catalog, code))
    await next_step(update, context, None)


async def send_placement(update: Update, context: PuenteContext, number: int) -> None:
    """Send one self-placement question."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    assert chat is not None and user is not None
    item = join.placement_items(s.db, user.id)[number]
    lang = user_language(context, user.id)
    labels = (*item.options, s.catalog.plain("button-dont-know", lang))
    sound = s.catalog.plain("button-listen", lang) if s.speech and item.spoken else None
    sent = await context.bot.send_message(
        chat.id, check_views.placement_text(join.placement_counter(s.db, user.id), item, lang,
                                            s.catalog),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.placement(number, labels, sound))
    placement_text.asked(context, number, sent.message_id)  # text now points to it


async def placement_button(update: Update, context: PuenteContext) -> None:
    """Record a placement answer; propose a level after the last one. A button its question
    no longer shows (answered already) is old: its toast points to the question below, or
    says placement is over."""
    tap = await current_tap(update, context, _placement_stale(update, context))
    if tap is None:
        return
    query, user, cb = tap
    s = context.services
    step = join.answer_placement(s.db, user.id, cb.int_arg(0), cb.int_arg(1))
    if not await spend(query):  # a double tap: the first tap did this
        return
    if step.question is not None:
        await send_placement(update, context, step.question)
        return
    await say(update, context, "placement-done", level=step.level)
    if step.before is not None:  # a second go: the teachers hear the new proposal
        join_notes.tell_placed_again(context, user.id, step.before, step.level or 1)
    elif (step.level or 1) < TOP_LEVEL and not step.said_dont_know:  # a slip: undone once
        await say(update, context, "placement-again-hint")
    await show_preview(update, context, unasked=True)  # read only once she taps it
    join_notes.refresh_joined(context, user.id)  # a note waiting: now with the level


async def placement(update: Update, context: PuenteContext) -> None:
    """Take the level questions again: once, and only while no teacher has set the level."""
    user = update.effective_user
    if user is None:
        return
    await send_placement(update, context, join.redo_placement(context.services.db, user.id))


def _placement_stale(update: Update, context: PuenteContext) -> str:
    """What an old placement button's toast says: mid-placement, that the question waits
    below (a double tap on question 1 said "Tap /words" while question 2 showed: playtest);
    after it, that placement is over."""
    user = update.effective_user
    still_open = user is not None and \
        join.unfinished_placement(context.services.db, user.id) is not None
    return "check-question-below" if still_open else "placement-closed"


async def placement_resume_button(update: Update, context: PuenteContext) -> None:
    """Go back to the placement question the student stopped at (a tap on the button from an
    old screen, once it has asked it, points to it below, or says placement is over)."""
    tap = await current_tap(update, context, _placement_stale(update, context))
    if tap is None:
        return
    query, user, _ = tap
    question = join.resume_placement(context.services.db, user.id)
    if not await spend(query):  # a double tap: the first tap asked the question
        return
    await send_placement(update, context, question)


async def student_text(update: Update, context: PuenteContext) -> None:
    """Free text: a language sample, a typed answer, or a gentle pointer to the commands."""
    message, user, s = update.effective_message, update.effective_user, context.services
    if message is None or user is None or message.text is None:
        return
    text = message.text
    if await speaker.family_reply(update, context, text):  # to the family's answer: theirs
        return
    if len(text) > MAX_INPUT:  # most likely a message for the teacher: offer its beginning
        # (on a shared phone, whose it is first: a family's goes as the family's)
        await speaker.free_text(update, context, text)
        return
    # A family member's text went to messages.family_text, a teacher's to teacher_text.
    student = sender(update, context).student
    if student is None:  # a stranger: how to join or sign up, or a family member how to link
        await tell_stranger(update, context)
        return
    if student.language is None:  # "Spanish", "Af Soomaali", or a few words in it
        if await typed_yes_or_no(update, context, text):
            return
        typed = join.read_language_answer(s.db, user.id, text, user.language_code)
        if typed.named is not None:
            await home_language_set(update, context,
                                    join.confirm_language(s.db, user.id, typed.named),
                                    first=True)
        else:
            await ask_home_language(update, context, typed.detected, text, typed.scored)
        return
    feedback = answers.answer_typed(s.db, user.id, text, s.clock(), s.config.school.timezone,
                                    s.config.school.holidays, s.sent_twice, message.message_id,
                                    first_shown(context))
    if feedback is None and await placement_text.text_at_placement(update, context, text):
        return  # at a placement question: its pointer (a message offered on)
    if feedback is None:  # not an answer: one of their words, in their language or in
        # English (perhaps misspelled), or else perhaps something for the teacher
        found = lookup.look_up(s.db, user.id, text)
        if found.home:
            await send_home_word(context, message.chat_id, found.home, student.language,
                                 scaffold_for(found.level).english_first, found.home_language)
        elif found.english.refs:
            await send_english_word(context, message.chat_id, found, student.language)
        elif asks_for_words(text):  # "cho em them tu moi": /words, not the chat offer
            await show_preview(update, context)
        else:
            await about_word(update, context, text)
        return
    if isinstance(feedback, answers.SentTwice):  # a copy of her last answer: set aside, said
        await say(update, context, "typed-sent-twice" if feedback.waiting
                  else "typed-sent-twice-done")
        return
    if isinstance(feedback, answers.SentBefore):  # typed before the question existed: not
        # graded against it (a correction of her last answer was a miss on a question she
        # never saw); the reply quotes the question, which stays open
        reader = user_reader(context, user.id)
        if not await point_to_question(context, message.chat_id, feedback.asked_in,
                                       reader.language or "en", "typed-before-question",
                                       reader.english_first):
            await say(update, context, "typed-before-question")  # she deleted the question
        return
    if isinstance(feedback, answers.LastAnswer):  # "population" again after "populaton":
        # a fix of the answer before, not a miss on the question it opened
        reader = user_reader(context, user.id)
        if feedback.asked_in is None or not await point_to_question(
                context, message.chat_id, feedback.asked_in, reader.language or "en",
                "typed-last-answer", reader.english_first):
            await say(update, context, "typed-last-answer")
        return
    if isinstance(feedback, answers.ExplainQuestion):  # "mwen pa konprann": help, no grade,
        # and 🆘 to ask the teacher for more (Somali playtest)
        key, values = check_views.explain_question(feedback)
        reader = user_reader(context, user.id)
        await say(update, context, key, **values, markup=keyboards.lost_button(
            s.catalog, reader.language or "en", reader.english_first))
        return
    if isinstance(feedback, answers.TapAnAnswer):
        # A message, not a go ("je ne comprends pas le mot contrast"), gets one reply: the
        # offer to send it to the teacher (a pointer as well read as two answers, one of them
        # to an old message: playtest); "好的" needs no teacher
        if not feedback.attempt and relays.worth_offering(text):
            await speaker.free_text(update, context, text)
            return
        # a go: in her level's order (home language first to level 4), quoting the question
        # (it may be days old)
        reader = user_reader(context, user.id)
        lang = reader.language or "en"
        await point_to_buttons(context, message.chat_id, feedback.item_id,
                               feedback.poll_message, lang, reader.english_first, feedback.key,
                               keyboards.lost_button(s.catalog, lang, reader.english_first)
                               if feedback.lost else None)  # "?" or "😢": 🆘 too
        return
    if isinstance(feedback, answers.TypeTheWord):  # no word, or far too long: ask again
        # ("😭" alone: perhaps lost, so 🆘 too, not graded)
        reader = user_reader(context, user.id)
        await say(update, context, feedback.key, markup=keyboards.lost_button(
            s.catalog, reader.language or "en", reader.english_first)
            if seems_lost(text) else None)
        return
    if isinstance(feedback, answers.WriteInEnglish):  # not English: one more try, once (in
        # another script, every time: never graded); a sentence in it gets the offer alone
        if not feedback.attempt and relays.worth_offering(text):
            await speaker.free_text(update, context, text)
            return
        key, values = check_views.write_in_english(feedback)
        await say(update, context, key, **values)
        return
    await send_feedback(update, context, feedback)


async def about_word(update: Update, context: PuenteContext, text: str) -> None:
    """A short question about one of their words gets its card, an English sentence with one
    a short 👍 (not graded, not kept): each still offers to send it to the teacher."""
    user, chat, s = update.effective_user, update.effective_chat, context.services
    assert user is not None and chat is not None
    found = lookup.about_words(s.db, user.id, text)
    who = askers.asker(s.db, user.id)
    if found is None or who is None:
        await speaker.free_text(update, context, text)  # whose, on a shared phone
        return
    term = found.ref.word.term
    if found.question:
        await send_english_word(context, chat.id, lookup.Found(
            english=EnglishWords([found.ref], exact=True), level=found.level), who.language)
    await offer_to_send(update, context, who, text,
                        "word-question-offer" if found.question else "sentence-seen", word=term)


async def send_home_word(context: PuenteContext, chat_id: int, found: list[WordRef],
                         lang: str, english_first: bool = False,
                         gloss_in: str | None = None) -> None:
    """Answer a home-language word with the English word(s) it means, each with its 🔊."""
    s = context.services
    markup = keyboards.listen_words(found, s.catalog, lang) if s.speech else None
    await context.bot.send_message(chat_id, card_views.home_word_text(found, lang, s.catalog,
                                                                      english_first, gloss_in),
                                   parse_mode=ParseMode.HTML, reply_markup=markup)


async def send_english_word(context: PuenteContext, chat_id: int, found: lookup.Found,
                            lang: str) -> None:
    """Answer an English word of theirs, or a misspelling of one ("Did you mean analyze?"),
    with its card, each word with its 🔊."""
    s = context.services
    words = found.english.refs
    markup = keyboards.listen_words(words, s.catalog, lang) if s.speech else None
    await context.bot.send_message(
        chat_id, card_views.english_word_text(found.english, lang, scaffold_for(found.level),
                                              s.catalog),
        parse_mode=ParseMode.HTML, reply_markup=markup)


def register(app: Application) -> None:
    """Add the students' /start, /language and /placement, their language and placement
    buttons, and their free text (after the family members' /start and /language, and after
    replies and /ask follow-ups, which are not answers)."""
    add = app.add_handler
    # Each handler is named for its command: /start is `start`, /language is `language`.
    for command in (start, language, placement):
        add(CommandHandler(command.__name__, command, filters=PRIVATE))
    add(CallbackQueryHandler(language_button,
                             pattern=rf"^({callbacks.LANGUAGE}|{callbacks.LANG_MENU}|"
                                     rf"{callbacks.LANG_MORE})(:|$)"))
    add(CallbackQueryHandler(placement_button, pattern=rf"^{callbacks.PLACEMENT}:"))
    add(CallbackQueryHandler(placement_resume_button, pattern=rf"^{callbacks.PLACEMENT_RESUME}$"))
    add(MessageHandler(filters.TEXT & ~filters.COMMAND & PRIVATE, student_text))
    lost.register(app)  # 🆘 under a bare "?", emoji or sticker
    # a sticker or a GIF under the language menu: the menu again, the earlier guess on top
    add(MessageHandler(PRIVATE & (filters.Sticker.ALL | filters.ANIMATION)
                       & AtLanguageMenu(app.bot_data.services), language_again))
