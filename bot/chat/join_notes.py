"""The note to a class's teachers that students joined it, booked two minutes ahead: written
in each teacher's language, and written again while it waits when what it says changes (a
placement ends, a teacher sets a level or removes a student)."""

from __future__ import annotations

from bot.chat.replies import user_language
from bot.context import PuenteContext
from bot.presentation import class_views
from bot.services import join_notes, listen, message_languages
from bot.services.student_lookup import StudentName


def _render(context: PuenteContext) -> join_notes.Render:
    """The note's text for one teacher, in the language they read."""
    s = context.services

    def render(teacher_id: int, class_name: str, joiners: list[join_notes.Joiner]) -> str:
        return class_views.join_note(s.catalog, user_language(context, teacher_id), class_name,
                                     joiners, {j.language: _lacks(context, j.language)
                                               for j in joiners})
    return render


def _lacks(context: PuenteContext, language: str) -> tuple[str, ...]:
    """What Puente lacks in a student's language, as join-note keys: a voice (speech on, none
    for it), a machine translation (none exists: a model not installed yet is the school's to
    fix, and the family's language note says so)."""
    s = context.services
    voice = s.speech is not None and not listen.can_say(s.speech, language)
    return tuple(key for key, lacking in (
        ("join-note-no-voice", voice and language != "en"),
        ("join-note-no-mt", message_languages.none_exists(language)),
    ) if lacking)


def tell_joined(context: PuenteContext, student_id: int, class_ids: list[int] | None,
                doubt: join_notes.Doubt | None = None) -> None:
    """Book the note to the teachers that the student joined their class (`class_ids`; None:
    each of theirs, with the `doubt` about the language they tapped): it goes two minutes
    later, with everyone else who joined meanwhile."""
    s = context.services
    join_notes.tell_joined(s.db, student_id, class_ids, s.clock(), s.config.school,
                           _render(context), doubt)


def refresh_joined(context: PuenteContext, student_id: int, class_id: int | None = None
                   ) -> None:
    """Write again a note still waiting that names the student (of `class_id` only, when
    given), as the class and the student are now."""
    s = context.services
    join_notes.refresh_joined(s.db, student_id, s.clock(), s.config.school, _render(context),
                              class_id)


def tell_placed_again(context: PuenteContext, student_id: int, before: int | None,
                      level: int) -> None:
    """Book the note to the student's teachers that their second placement proposes `level`."""
    s = context.services

    def render(teacher_id: int, name: StudentName, was: int | None, now: int) -> str:
        return class_views.placed_again_note(s.catalog, user_language(context, teacher_id),
                                             name, was, now)
    join_notes.tell_placed_again(s.db, student_id, before, level, s.clock(), s.config.school,
                                 render)

