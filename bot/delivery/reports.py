"""Tell each teacher, once, how their push went, counted in students reached."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import Services
from bot.presentation.i18n import Counted
from bot.presentation.pack_views import terms_list
from bot.presentation.push_views import when
from bot.presentation.students import student_label
from bot.services import membership, student_lookup
from bot.services.teacher_answers import Unlinked
from bot.store import outbox, packs, people, threads

log = logging.getLogger(__name__)


def report_counts(services: Services, push_id: int) -> dict[str, int]:
    """Students of one push: reached, blocked the bot, not reached after every try."""
    counts = outbox.push_counts(services.db, push_id)
    return {"sent": counts["sent"], "blocked": counts["blocked"], "failed": counts["failed"]}


async def report_finished(bot: Bot, services: Services) -> int:
    """Tell each teacher once when their push is done: reached / blocked / failed, or that
    it reached nobody (booked for a class no student had joined, or chosen a language in, by
    its time)."""
    told = 0
    for push_id, teacher_id in outbox.finished_unreported(services.db, services.clock()):
        if not outbox.mark_reported(services.db, push_id, services.clock()):
            continue
        counts = report_counts(services, push_id)
        lang = membership.known_language(services.db, teacher_id) or "en"  # as they pushed
        text = _nobody(services, push_id, lang) if not any(counts.values()) else \
            _finished(services, push_id, lang, counts)
        if text is None:
            continue
        try:
            await bot.send_message(teacher_id, text, parse_mode=ParseMode.HTML)
            told += 1
        except TelegramError as exc:
            log.warning("could not report push %s to its teacher: %s", push_id,
                        type(exc).__name__)
    return told


PUSH_TERMS_SHOWN = 5  # a unit's few words; a longer push names its first five and "(+N)"


def _finished(services: Services, push_id: int, lang: str, counts: dict[str, int]
              ) -> str | None:
    """How a push went, naming its class and words: a teacher of two classes got two identical
    "Push finished ... 3 students" (None: the class is gone)."""
    push = outbox.get_push(services.db, push_id)
    found = people.class_by_id(services.db, push.class_id) if push else None
    if push is None or found is None:
        return None
    terms = [w.word.term for w in packs.words_by_id(services.db, push.word_ids)]
    return services.catalog.render(
        "push-report", lang, class_name=found.name, pack=push.pack_id,
        terms=terms_list(terms, PUSH_TERMS_SHOWN), blocked=counts["blocked"],
        sent=Counted("count-students", counts["sent"]), failed=counts["failed"])


def _nobody(services: Services, push_id: int, lang: str) -> str | None:
    """A push that went to no one: no student had joined the class (and chosen a language)
    when it was due; its words wait in /words for those who come. None: the class is gone."""
    push = outbox.get_push(services.db, push_id)
    found = people.class_by_id(services.db, push.class_id) if push else None
    if push is None or found is None:
        return None
    return services.catalog.render(
        "push-report-nobody", lang, class_name=found.name,
        when=when(services.catalog, lang, push.send_at, services.config.school.timezone))


_ANNOUNCEMENT_NOT_SENT = {threads.REMOVED: "announcement-not-sent-removed",
                          threads.NO_CHILD: "announcement-not-sent-no-child",
                          threads.UNLINKED: "announcement-not-sent-unlinked"}


def unlinked_note(services: Services, gone: Unlinked) -> str | None:
    """What a teacher is told when their message to a family member did not go out because
    the family member was unlinked from the child first (None: nobody to tell)."""
    if gone.teacher_id is None:
        return None
    lang = membership.known_language(services.db, gone.teacher_id) or "en"
    if gone.announced is not None:
        found = people.class_by_id(services.db, gone.announced.class_id)
        return services.catalog.render(_ANNOUNCEMENT_NOT_SENT[gone.why], lang,
                                       words=gone.announced.beginning,
                                       class_name=found.name if found else "-")
    if gone.student_id is None:
        return None
    who = student_lookup.name_of(services.db, gone.teacher_id, gone.student_id)
    return services.catalog.render("answer-not-sent-unlinked", lang,
                                   name=student_label(who, services.catalog, lang))


def voice_refused_note(services: Services, answer: threads.ThreadMessage) -> str:
    """What a teacher is told when the 🎙️ voice note of a ready-made reply was refused as it
    went out: the reader got the text only (the teacher read "✅ Sent as a voice note")."""
    lang = membership.known_language(services.db, answer.teacher_id) or "en"
    who = student_lookup.name_of(services.db, answer.teacher_id, answer.student_id)
    key = "voice-refused-student" if answer.asker_id == answer.student_id \
        else "voice-refused-family"
    return services.catalog.render(key, lang, name=student_label(who, services.catalog, lang))
