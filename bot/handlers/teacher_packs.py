"""A teacher's packs and glosses: /packs, /newpack and the pack file she sends (every problem
listed, nothing half-saved), and /gloss."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.chat.audience import PRIVATE
from bot.chat.replies import say, send_long, user_language
from bot.context import PuenteContext
from bot.domain.packs import PackError
from bot.presentation import pack_views
from bot.presentation.i18n import reader_language
from bot.services import class_reports, glosses, teaching
from bot.services.glosses import english_only, pack_refs
from bot.services.packs import (
    MAX_PACK_BYTES,
    import_teacher_pack,
    other_languages,
    pack_detail,
    pack_quality,
    quality_languages,
    sample_pack_file,
    teacher_packs,
)


def register(app: Application) -> None:
    """Add /packs, /newpack, /gloss and pack files."""
    for command in (packs, newpack, gloss):
        app.add_handler(CommandHandler(command.__name__, command, filters=PRIVATE))
    app.add_handler(MessageHandler(filters.Document.ALL & PRIVATE, pack_file))


async def gloss(update: Update, context: PuenteContext) -> None:
    """Add or fix a word's home-language gloss, used at once: /gloss WORD LANG TEXT."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    teaching.require_teacher(s.db, user.id)
    term, lang = glosses.teacher_gloss(s.db, user.id, " ".join(context.args or []), s.clock())
    await say(update, context, "gloss-saved", bilingual=False, term=term,
              language=reader_language(lang))


async def packs(update: Update, context: PuenteContext) -> None:
    """List the packs this teacher can push; /packs PACK shows that pack's words."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    lang = user_language(context, user.id, user.language_code)
    if context.args:
        detail = pack_detail(s.db, user.id, " ".join(context.args))
        # a long pack's terms in as many messages as they need, every term whole
        await send_long(context, user.id, pack_views.pack_detail(s.catalog, lang, detail))
        return
    lines = [pack_views.pack_line(s.catalog, lang, p) for p in teacher_packs(s.db, user.id)]
    await send_long(context, user.id, "\n".join(lines))  # a school with many packs


async def newpack(update: Update, context: PuenteContext) -> None:
    """Explain how to send a pack file, with a sample to copy: /newpack."""
    user, s = update.effective_user, context.services
    if user is None:
        return
    teaching.require_teacher(s.db, user.id)
    await say(update, context, "newpack-usage", bilingual=False)
    lang = user_language(context, user.id, user.language_code)
    # the shape of a pack file, to copy: a line of column names was not enough (playtest)
    await context.bot.send_document(user.id, InputFile(sample_pack_file(s.db),
                                                       filename="sample-pack.csv"),
                                    caption=s.catalog.render("newpack-sample", lang))


async def pack_file(update: Update, context: PuenteContext) -> None:
    """Import a .toml or .csv pack a teacher sent; every problem listed, nothing half-saved."""
    user, message, s = update.effective_user, update.effective_message, context.services
    if user is None or message is None or message.document is None:
        return
    if not teaching.is_teacher(s.db, user.id):
        await say(update, context, "help-short")
        return
    document = message.document
    if (document.file_size or 0) > MAX_PACK_BYTES:
        await say(update, context, "newpack-too-big", bilingual=False,
                  limit=MAX_PACK_BYTES // 1024)
        return
    content = bytes(await (await document.get_file()).download_as_bytearray())
    lang = user_language(context, user.id, user.language_code)
    try:
        upload = import_teacher_pack(s.db, user.id, document.file_name or "pack.toml", content,
                                     s.clock())
    except PackError as exc:
        await send_long(context, user.id, pack_views.problems_text(s.catalog, lang,
                                                                   exc.problems))
        return
    pack = upload.pack
    languages = class_reports.class_languages(s.db, user.id)
    filled = await glosses.fill_machine_glosses(s.db, s.translator, pack.id, languages)
    await send_long(context, user.id, pack_views.saved_text(
        s.catalog, lang, pack.id, len(pack.words), filled, upload.changes))
    # the languages of her classes' students (the classes that use, or will use, the pack):
    # words left without a gloss in them are named now, not at the first /push; the file's
    # other languages get one line (a warning for each of 13 languages buried hers, playtest)
    gaps = english_only(s.db, pack_refs(s.db, [pack.id]), languages, s.translator)
    # CPU for up to a second on a big pack: in a thread, so other people's updates go on
    quality = await asyncio.to_thread(pack_quality, pack, quality_languages(s.db, user.id))
    newcomers = glosses.no_newcomer_definition(s.db, pack_refs(s.db, [pack.id]), languages)
    warnings = pack_views.upload_warnings(
        s.catalog, lang, gaps, pack.gloss_languages, quality, newcomers,
        pack_views.UploadReaders(languages, other_languages(pack, languages),
                                 upload.spreadsheet))
    if warnings:  # one message: a coordinator's upload answer came as 8
        await send_long(context, user.id, pack_views.grouped(warnings))
