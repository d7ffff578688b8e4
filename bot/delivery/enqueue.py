"""Write a push into the outbox: one row per message, per student, in one transaction."""

from __future__ import annotations

from bot.context import Services
from bot.domain.checks import WordRef
from bot.presentation import callbacks, views
from bot.services import study
from bot.services.glosses import complete_glosses
from bot.services.pushes import PushPlan
from bot.store import outbox, people


def enqueue_push(services: Services, teacher_id: int, plan: PushPlan) -> tuple[int, int]:
    """Queue the preview for every student of the class; return (push id, students)."""
    db, catalog, now = services.db, services.catalog, services.clock()
    refs = [WordRef(w.id, w.word) for w in plan.words]
    students = [s for s in people.class_students(db, plan.class_info.id) if not s.blocked]
    with db.atomic():
        push_id = outbox.create_push(db, plan.class_info.id, teacher_id, plan.pack_id,
                                     [r.id for r in refs], plan.send_at, now)
        for student in students:
            who = study.learner(db, student.id)
            study.introduce(db, who, plan.words, now)
            own = complete_glosses(db, refs, who.language)  # memory only: no engine call here
            messages = views.preview_messages(own, who.language, who.scaffold, catalog)
            offer = [[catalog.render("button-check", who.language),
                      callbacks.data(callbacks.CHECK)]]
            if services.speech is not None:  # hear the pushed words, as after /words
                offer.insert(0, [catalog.render("button-listen", who.language),
                                 callbacks.data(callbacks.AUDIO)])
            for index, text in enumerate(messages):
                last = index == len(messages) - 1
                payload = {"text": text, "buttons": offer if last else []}
                outbox.enqueue(db, push_id, student.id, "preview", payload, plan.send_at, now)
    return push_id, len(students)
