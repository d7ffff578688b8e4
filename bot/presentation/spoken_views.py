"""What "🔊 Listen to this message" reads under the messages people wrote for a family: a
ready-made reply and a ready-made announcement, in the reader's language only (the English
beneath them is for a reader of English; a machine translation is never read)."""

from __future__ import annotations

from bot.domain.spoken_text import Spoken, spoken_segments
from bot.presentation.i18n import Catalog, Markup
from bot.presentation.message_views import quote
from bot.services.announcements import Delivery
from bot.services.teacher_answers import Answer
from bot.store.threads import FAMILY


def ready_answer_spoken(catalog: Catalog, answer: Answer) -> Spoken:
    """A ready-made reply read aloud: who it is from, the reply in the family's language (it
    was written by people in all 13), and how to write back."""
    lang, asked = answer.asked.language, answer.asked
    said = answer.translation.text if answer.translation is not None else answer.original
    family = asked.asker_role == FAMILY
    header = catalog.render("answer-header-student", lang) if not family else \
        catalog.render("write-header" if asked.started else "answer-header", lang,
                       name=answer.student_name)
    hint = "answer-reply-hint-family" if family else "answer-reply-hint"
    return spoken_segments(Markup("\n".join([header, quote(said), catalog.render(hint, lang)])),
                           lang)


def announcement_spoken(catalog: Catalog, class_name: str, delivery: Delivery) -> Spoken | None:
    """A ready-made announcement read aloud in the reader's language; None for the teacher's
    own words (machine translated, or in a language the reader may not read aloud)."""
    if not delivery.ready:
        return None
    return spoken_segments(Markup("\n".join([
        catalog.render("announce-header", delivery.language, class_name=class_name),
        quote(delivery.text)])), delivery.language)
