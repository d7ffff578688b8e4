"""Write a push into the outbox: one row per message, per student, in one transaction.

A student at levels 1-3 gets one row: the preview's first card, turned with Next in place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.context import Services
from bot.domain.checks import WordRef
from bot.presentation import card_views, keyboards
from bot.services import learners, previews
from bot.services.glosses import complete_glosses
from bot.services.pushes import (
    MAX_PUSH_WORDS,
    Again,
    PushPlan,
    scheduled_for,
    start_class_on,
    words_had,
    words_owned,
)
from bot.store import outbox, people
from bot.store.packs import pack_words


@dataclass(frozen=True)
class Joined:
    """A push joined to the teacher's push booked for the same minute."""

    push_id: int   # the push booked first, now holding both pushes' words
    students: int  # students it is written for
    words: int     # its words now


class _BegunError(Exception):
    """The push to join began sending meanwhile: roll the join back, push on its own."""


def enqueue_push(services: Services, teacher_id: int, plan: PushPlan,
                 reads: str = "en") -> tuple[int, int]:
    """Queue the preview for every student of the class who has not had these words today;
    return (push id, students). A push that sends nothing now is kept too: one every student
    already had today (reported as nothing), so the teacher may still send it again; one to
    students still choosing a language, whose words wait in their /words; one to a class
    nobody has joined, whose words are the first those who join get; one booked for
    later, which reaches whoever joins (or chooses a language) before it goes out and is
    reported then. The teacher `reads` this language: the report of how the push went, sent
    later, is written in it."""
    db, now = services.db, services.clock()
    people.set_teacher_language(db, teacher_id, reads)
    students = [s.id for s in people.class_students(db, plan.class_info.id)
                if not s.blocked and s.id not in plan.repeats and plan.words_for(s.id)]
    with db.atomic():
        push_id = outbox.create_push(db, plan.class_info.id, teacher_id, plan.pack_id,
                                     [w.id for w in plan.words], plan.send_at, now,
                                     reported=not students and (plan.send_at <= now
                                                                or bool(plan.repeats)))
        start_class_on(db, plan)  # nobody has joined yet: whoever joins starts with these
        _enqueue(services, push_id, plan, students)
    return push_id, len(students)


def join_waiting(services: Services, teacher_id: int, plan: PushPlan) -> Joined | None:
    """Add a push's words to the teacher's push of the same pack to the same class due the
    same minute, when none of its messages has begun to go out and the two hold at most
    MAX_PUSH_WORDS words: each student then gets one preview of them all, not two messages a
    second apart (L8: two previews booked for one minute, or one pushed twice). Its messages
    are taken back and written again with every word, in one transaction, so a message is
    never both sent and rewritten: a message a deliverer has claimed (or tried) keeps the
    two pushes apart. None: push on its own."""
    db, now = services.db, services.clock()
    for waiting in outbox.waiting_pushes(db, teacher_id, now):
        first = waiting.push
        if (first.teacher_id, first.class_id, first.pack_id) != \
                (teacher_id, plan.class_info.id, plan.pack_id) or \
                _minute(first.send_at) != _minute(plan.send_at):
            continue
        ids = list(dict.fromkeys([*first.word_ids, *(w.id for w in plan.words)]))
        if len(ids) > MAX_PUSH_WORDS or len(ids) == len(first.word_ids):
            return None  # too many for one preview; or nothing new: said as a repeat
        try:
            with db.atomic():
                if not outbox.take_back(db, first.id):
                    raise _BegunError()
                joined = _joined_plan(services, plan, ids, first.send_at)
                students = [s.id for s in people.class_students(db, plan.class_info.id)
                            if not s.blocked and s.id not in joined.repeats
                            and joined.words_for(s.id)]
                outbox.set_push_words(db, first.id, ids)
                _enqueue(services, first.id, joined, students)
        except _BegunError:
            return None
        return Joined(first.id, len(students), len(ids))
    return None


def _joined_plan(services: Services, plan: PushPlan, word_ids: list[int],
                 send_at: datetime) -> PushPlan:
    """Two pushes' words as one plan (once the first's messages are taken back): each
    student is sent those she does not have that school day, as a push is."""
    by_id = {w.id: w for w in pack_words(services.db, plan.pack_id)}
    words = [by_id[i] for i in word_ids if i in by_id]
    had = words_had(services.db, services.config.school, plan.class_info.id, words, send_at)
    every = {w.id for w in words}
    return PushPlan(plan.class_info, plan.pack_id, words, send_at,
                    frozenset(s for s, ids in had.items() if ids == every), had=had,
                    owned=words_owned(services.db, plan.class_info.id, words),
                    owned_kept=plan.owned_kept)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def enqueue_again(services: Services, again: Again) -> int:
    """Queue a push again for the students it skipped; return how many."""
    with services.db.atomic():
        _enqueue(services, again.push_id, again.plan, sorted(again.students))
        outbox.report_again(services.db, again.push_id)  # the teacher hears how it went
    return len(again.students)


def enqueue_scheduled(services: Services, student_id: int) -> int:
    """Queue for a student who has just become reachable (joined with a home language, or
    chose one) the pushes their teachers scheduled for later, as for the classmates who were
    there when each push was made; return how many."""
    db = services.db
    student = people.get_student(db, student_id)
    if student is None or student.language is None or student.blocked:
        return 0
    plans = scheduled_for(db, services.config.school, student_id, services.clock())
    with db.atomic():
        for push_id, plan in plans:
            _enqueue(services, push_id, plan, [student_id])
    return len(plans)


def _enqueue(services: Services, push_id: int, plan: PushPlan, students: list[int]) -> None:
    """One student's preview rows each, of the words she does not have that day (call inside
    the push's transaction)."""
    db, now = services.db, services.clock()
    later = plan.send_at > now  # a push booked for later brings its words when it is sent
    for student_id in students:
        words = plan.words_for(student_id)
        if not words:  # every one reaches her that day by another push (plan.repeats)
            continue
        who = learners.learner(db, student_id)
        # "New words: 5" for cards she read last week misleads: count the ones she has not
        seen = learners.seen_words(learners.studying(db, student_id))
        new = sum(1 for w in words if w.id not in seen)
        if not later:
            learners.introduce(db, who, words, now)
        own = complete_glosses(db, [WordRef(w.id, w.word) for w in words],
                               who.language)  # memory only: no engine call here
        for payload in _payloads(services, push_id, who, own, now, new):
            # the words it brings her: what she has that day (outbox.words_pushed_between)
            payload["words"] = [w.id for w in words]
            if later:
                payload["introduce"] = payload["words"]
            outbox.enqueue(db, push_id, student_id, "preview", payload, plan.send_at, now)


def _payloads(services: Services, push_id: int, who: learners.Learner, own: list[WordRef],
              now: datetime, new: int | None = None) -> list[dict[str, Any]]:
    """One student's preview as outbox payloads: its first card with Next (levels 1-3), else
    the cards in phone-sized messages with Listen, "My language first" (of this push's cards)
    and Check under the last, as after /words; the header counts the `new` words among them
    (None: all new). "shows" names the words whose cards the row brings (a flip of the push
    finds them there; they count as read once she taps them, never on delivery); "introduce",
    on a push booked for later, the words it starts tracking then; "preview", on its first row, the
    preview whose message the deliverer remembers, so /check can point to its unread cards."""
    db, catalog = services.db, services.catalog
    if who.scaffold.one_card:
        page = previews.open_preview(db, who, own, now, new=new, sent=False, push_id=push_id)
        markup = keyboards.card_page(page, catalog, listen=services.speech is not None)
        return [{"text": card_views.card_page(page, catalog), "rows": keyboards.as_rows(markup),
                 "shows": [page.ref.id], "preview": page.preview_id}]
    messages = card_views.preview_messages(own, who.language, who.scaffold, catalog, new=new)
    labels = card_views.label_language(who.language, who.scaffold)  # English at levels 5-6
    flip = catalog.render("button-flip", labels) \
        if previews.flippable(own, who.language, who.scaffold) else None  # as after /words
    rows = keyboards.as_rows(keyboards.after_preview(
        flip, catalog.render("button-check", labels),
        catalog.render("button-listen", labels) if services.speech is not None else None,
        push_id))
    last = len(messages) - 1  # rows to one chat go in order: the last one sent shows them all
    payloads: list[dict[str, Any]] = [
        {"text": text, "rows": rows if index == last else [],
         "shows": [r.id for r in own] if index == last else []}
        for index, text in enumerate(messages)]
    # its first message ("📘 New words: 5") is where /check points while they wait unread
    payloads[0]["preview"] = previews.keep_bundle(db, who.id, own, now, new)
    return payloads
