"""What a family member (or a former one) is told before they write: the family's help,
whether the teacher will read their words with English, and how someone unlinked links again,
each in their own language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.chat.replies import say, user_language
from bot.context import PuenteContext
from bot.presentation import callbacks, family_note_views, keyboards, views
from bot.presentation.i18n import language_name
from bot.presentation.students import names_and
from bot.services import family, membership, message_languages
from bot.services.family import LinkedChild


async def family_help(update: Update, context: PuenteContext) -> None:
    """A family member's /help (or bare /start): the commands (after /stop, /start to get the
    updates again in place of /stop), then what writing means here."""
    user = update.effective_user
    stopped = user is not None and family.all_stopped(context.services.db, user.id)
    await say(update, context, "help-family-stopped" if stopped else "help-family",
              bilingual=False, markup=_notes_button(context, update))
    await no_model_note(update, context)


def _notes_button(context: PuenteContext, update: Update) -> InlineKeyboardMarkup | None:
    """"📝 Ready-made messages" (family_notes), in the reader's language."""
    user = update.effective_user
    if user is None:
        return None
    return family_note_views.notes_button(context.services.catalog, user_language(
        context, user.id, user.language_code))


NOTICE_SAID = "no_model_notice_said"  # user_data: (language, when) the notice was last said
# Said this lately, it is still on their screen: the next prompt does not say it again (a
# Somali father read it under the welcome, then again, whole, when he tapped /ask; playtest).
NOTICE_FRESH = timedelta(minutes=10)


async def no_model_note(
    update: Update, context: PuenteContext, language: str | None = None
) -> None:
    """Tell a family member, before they write, when this computer has no translation from
    their language (`language`, else theirs): the teacher sees their words as written, and
    the school can find an interpreter. Nothing when a model exists, or they read English,
    or they were told a moment ago."""
    user = update.effective_user
    if user is None:
        return
    lang = language or user_language(context, user.id, user.language_code)
    if message_languages.written_as_is(context.services.translator, lang) and \
            not _said_lately(context, lang):
        await say(update, context, _none_or("family-no-model-note", lang), bilingual=False,
                  language=language_name(lang))
        _remember_said(context, lang)


async def ask_prompt_no_model(update: Update, context: PuenteContext, language: str) -> None:
    """A family member's bare /ask when no model translates their language: the notice with
    the prompt, or the prompt alone when the notice was said a moment ago."""
    # the ready-made messages reach the teacher in English written by people: said with them
    notes = _notes_button(context, update)
    if _said_lately(context, language):
        await say(update, context, "ask-prompt-told", bilingual=False, markup=notes)
        return
    await say(update, context, _none_or("ask-prompt-no-model", language), bilingual=False,
              language=language_name(language), markup=notes)
    _remember_said(context, language)


def _none_or(key: str, language: str) -> str:
    """`key`, or its "-none" twin where no translation model exists for `language` at all
    ("cannot translate Hmong yet" let a family wait for one that will never come)."""
    return f"{key}-none" if message_languages.none_exists(language) else key


def _said_lately(context: PuenteContext, language: str) -> bool:
    """Whether the no-model notice for `language` was said to this person within
    NOTICE_FRESH (held in memory only: after a restart it is said again)."""
    said = (context.user_data or {}).get(NOTICE_SAID)
    if not isinstance(said, tuple):
        return False
    told_language, when = said
    return told_language == language and isinstance(when, datetime) and \
        context.services.clock() - when < NOTICE_FRESH


def _remember_said(context: PuenteContext, language: str) -> None:
    if context.user_data is not None:
        context.user_data[NOTICE_SAID] = (language, context.services.clock())


async def tell_stranger(update: Update, context: PuenteContext) -> None:
    """Someone in no class: a former family member how to link again (in the language they
    chose, with no English line under it), anyone else how students join."""
    user = update.effective_user
    if user is None:
        return
    db = context.services.db
    await say(
        update,
        context,
        membership.stranger_key(db, user.id),
        bilingual=membership.reads_english_too(db, user.id),
    )


async def ask_which_child(
    update: Update,
    context: PuenteContext,
    key: str,
    prefix: str,
    children: Sequence[LinkedChild],
    **params: object,
) -> None:
    """Ask whose weekly updates to stop or get again (prompt `key`): a button per child's first
    name and, for two or more, "All"; in the family's language (and English when they chose
    none)."""
    chat, user, s = update.effective_chat, update.effective_user, context.services
    if chat is None or user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    text = (
        s.catalog.bilingual(key, lang, **params)
        if membership.reads_english_too(s.db, user.id)
        else s.catalog.render(key, lang, **params)
    )
    every = s.catalog.plain("button-all-children", lang) if len(children) > 1 else None
    markup = keyboards.child_buttons(
        prefix,
        [(c.student_id, views.name(c.first_name, s.catalog, lang)) for c in children],
        every,
    )
    await context.bot.send_message(chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def tell_change(update: Update, context: PuenteContext, change: family.UpdatesChange,
                       on: bool) -> None:
    """Say what /stop, /start or a tap did: on a shared phone, about which child."""
    user = update.effective_user
    if user is None:
        return
    english = membership.reads_english_too(context.services.db, user.id)
    if change.shared and change.changed and not change.every:
        await say(update, context, "family-resumed-child" if on else "family-stopped-child",
                  bilingual=english, name=change.changed[0])
        return
    await say(update, context, "family-resumed" if on else "family-stopped", bilingual=english)


async def resume_updates(update: Update, context: PuenteContext) -> bool:
    """A family member's bare /start after /stop: the weekly updates come back (which child's,
    asked on a shared phone), and it is said; False when none were stopped."""
    user, s = update.effective_user, context.services
    if user is None:
        return False
    change = family.change_updates(s.db, user.id, True)
    if change.choose:
        await ask_which_child(update, context, "family-resume-which", callbacks.FAMILY_RESUME,
                              change.choose)
    elif change.changed:
        await tell_change(update, context, change, True)
    return bool(change.choose or change.changed)


async def start_in_two_roles(update: Update, context: PuenteContext) -> bool:
    """A bare /start from a teacher who is a family member too (one Telegram account): the
    weekly updates they stopped come back, as for any family member (/stop says /start brings
    them), then which roles the account has and how to go on in each. False: no child is
    linked to this account (a teacher's /start, nothing said)."""
    user, s = update.effective_user, context.services
    children = family.linked_children(s.db, user.id) if user else []
    if user is None or not children:
        return False
    await resume_updates(update, context)
    lang = user_language(context, user.id, user.language_code)
    names = names_and([views.name(c.first_name, s.catalog, lang) for c in children],
                      s.catalog, lang)
    await say(update, context, "start-roles", bilingual=False, names=names)
    return True
