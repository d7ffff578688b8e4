"""What a family member (or a former one) is told before they write: the family's help,
whether the teacher will read their words with English, and how someone unlinked links again,
each in their own language."""

from __future__ import annotations

from telegram import Update

from bot.chat.replies import say, user_language
from bot.context import PuenteContext
from bot.presentation.i18n import language_name
from bot.services import membership, message_languages


async def family_help(update: Update, context: PuenteContext) -> None:
    """A family member's /help (or bare /start): the commands, then what writing means here."""
    await say(update, context, "help-family", bilingual=False)
    await no_model_note(update, context)


async def no_model_note(
    update: Update, context: PuenteContext, language: str | None = None
) -> None:
    """Tell a family member, before they write, when this computer has no translation from
    their language (`language`, else theirs): the teacher sees their words as written, and
    the school can find an interpreter. Nothing when a model exists, or they read English."""
    user = update.effective_user
    if user is None:
        return
    lang = language or user_language(context, user.id, user.language_code)
    if message_languages.written_as_is(context.services.translator, lang):
        await say(
            update, context, "family-no-model-note", bilingual=False, language=language_name(lang)
        )


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
