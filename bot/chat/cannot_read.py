"""A student's own words that say she cannot read English ("No leo inglés", "Ma akhriyi karo
Ingiriisiga": cannot_read_words.py, the family's lists): a kind reply in her language alone,
pointing to what is there for her (her cards, with her language; 🔊 where Puente speaks), and
a note to her teachers with what can help (a lower level, /readaloud). Her words are neither
kept nor sent: she got "I only help with words and cannot chat" in English and Spanish, and
an offer to send her Spanish to a teacher who may not read it."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chat.replies import send_long, user_language
from bot.context import PuenteContext
from bot.domain.scaffold import scaffold_for
from bot.presentation import callbacks
from bot.presentation.i18n import REFERENCE, Markup
from bot.presentation.message_views import teacher_language
from bot.presentation.students import student_label
from bot.presentation.views import join_lines
from bot.services import daily_alerts, learners, student_lookup
from bot.services.askers import Asker

# The level her teacher is offered: level 1's cards lead with her language, its checks ask
# in it or with a picture, and /readaloud reads a check's answers aloud at levels 1-2
LEVEL_OFFERED = 1


async def answer(update: Update, context: PuenteContext, who: Asker) -> bool:
    """Reply to her in her language, and tell her teachers (once a week); False when this
    is not for her (English is her language, or she has no class or language yet: the usual
    reply then)."""
    chat, s = update.effective_chat, context.services
    if chat is None or who.language == REFERENCE:
        return False
    try:
        learner = learners.learner(s.db, who.user_id)
    except (learners.NotEnrolledError, learners.NoLanguageError):
        return False
    has_teacher, told = daily_alerts.cannot_read_teachers(s.db, learner.id, s.clock())
    _tell(context, learner, told)
    lines = [s.catalog.render("student-cannot-read", who.language)]
    if s.speech is not None:  # no 🔊 on her cards where Puente has no voice
        lines.append(s.catalog.render("student-cannot-read-listen", who.language))
    if has_teacher:
        lines.append(s.catalog.render("student-cannot-read-told", who.language))
    # her cards, her language first: at levels 1-2 they lead with it, higher up 🔁 does
    first = scaffold_for(learner.level).l1_first
    key, data = ("button-words", callbacks.WORDS) if first else ("button-flip", callbacks.FLIP)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(
        s.catalog.plain(key, who.language), callback_data=callbacks.data(data))]])
    await send_long(context, chat.id, join_lines(lines), markup)
    return True


def _tell(context: PuenteContext, learner: learners.Learner, teachers: frozenset[int]) -> None:
    """Queue each teacher's note, in their language, after quiet hours."""
    s = context.services
    texts: dict[int, str] = {}
    for teacher_id in teachers:
        lang = user_language(context, teacher_id)
        who = student_lookup.name_of(s.db, teacher_id, learner.id,
                                     first_name=learner.first_name)
        # at levels 1-2 her cards lead with her language. With no level yet (placement's
        # questions open) she may still guess her way to level 3, and this note is the week's
        # only one: it offers the level too
        placed_low = learner.level is not None and scaffold_for(learner.level).l1_first
        commands = [] if placed_low else [f"/level {who.command} {LEVEL_OFFERED}"]
        if not learner.reads_aloud:
            commands.append(f"/readaloud {who.command}")
        text: Markup = s.catalog.render(
            "teacher-alert-cannot-read", lang, name=student_label(who, s.catalog, lang),
            language=teacher_language(learner.language or "en"),
            commands=" · ".join(commands or [f"/student {who.command}"]))
        texts[teacher_id] = str(text)
    if daily_alerts.book_alert(s.db, s.config.school, learner.id, texts, s.clock()):
        context.deliverer.wake()
