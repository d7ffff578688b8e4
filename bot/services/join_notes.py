"""Telling a class's teachers who joined it: who, their home language, their level (or that
their placement is pending) and the words they start with. One short note per class and
teacher, booked a little later like a family member's language note (LANGUAGE_NOTE_WAIT, and
past quiet hours): a student who joins meanwhile is added to it, so a class joining together
is one message, not a burst. Only what the teacher reads on /roster goes in it (a first name,
never a word the student wrote)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.language import NO_TELEGRAM_APP
from bot.services.family import LANGUAGE_NOTE_WAIT
from bot.services.glosses import unchecked
from bot.services.join import class_majority_languages
from bot.services.learners import ACTIVE, learner, studying, unlockable
from bot.services.pushes import next_allowed
from bot.services.student_lookup import StudentName, name_of
from bot.store import notes, outbox, people
from bot.store.class_words import class_word_ids
from bot.store.packs import words_by_id

STARTER_WORDS_SHOWN = 8  # a note is one or two lines: a level 5-6 set is cut to this


@dataclass(frozen=True)
class Doubt:
    """A home language tapped at the menu that nothing else backs: not the phone's, not the
    one the child's typed words pointed to, not the classmates' (playtest: a Hmong child's
    stray tap gave her Spanish, and nobody knew)."""

    chosen: str                 # the language tapped (the doubt ends when it changes)
    phone: str | None           # the phone's language, if Telegram gave one
    typed: bool                 # the child typed something at the menu
    guess: str | None = None    # the language those words pointed to, if any


def doubt_of(db: Database, student_id: int, chosen: str, phone: str | None, typed: bool,
             guess: str | None) -> Doubt | None:
    """The doubt about a tapped home language, or None when a signal backs it (the phone's
    language, the typed words' guess, or the classmates' shared language). A language no
    Telegram app speaks (Somali, Hmong, Haitian Creole, Tagalog) is no doubt on an English
    phone (or none) unless her typed words pointed elsewhere: such a child's phone is in
    English, so it backs nothing and tells against nothing."""
    phone = (phone or "").split("-")[0].lower() or None
    if chosen in (phone, guess) or chosen in class_majority_languages(db, student_id)[:1]:
        return None
    if chosen in NO_TELEGRAM_APP and phone in (None, "en") and guess is None:
        return None
    return Doubt(chosen, phone, typed, guess)


@dataclass(frozen=True)
class Joiner:
    """One student a join note tells of, as its teacher reads them."""

    student_id: int
    name: StudentName
    language: str
    level: int | None     # None: no level yet (placement pending)
    self_placed: bool     # the student's own placement set it, not a teacher
    words: tuple[str, ...]  # the English words they start with (those /words shows them)
    placing: bool = False   # their placement is open: the words wait for the level it gives
    unchecked: bool = False  # most of the class's glosses in their language: nobody checked
    doubt: Doubt | None = None  # their home language was a tap nothing else backs


# (teacher id, the class's name, who joined it) -> the note's text in the teacher's language
Render = Callable[[int, str, list[Joiner]], str]


def tell_joined(db: Database, student_id: int, class_ids: Iterable[int] | None,
                now: datetime, school: SchoolConfig, render: Render,
                doubt: Doubt | None = None) -> int:
    """Book (or add the student to) the note to its teachers that they joined, for each of
    `class_ids` (None: every class of theirs: they chose their home language just now, with
    the `doubt` about it, if any). Return how many notes are booked now."""
    if class_ids is None:
        class_ids = [e.class_id for e in people.enrollments(db, student_id)]
    return sum(_book(db, student_id, class_id, now, school, render, doubt)
               for class_id in dict.fromkeys(class_ids))


def refresh_joined(db: Database, student_id: int, now: datetime, school: SchoolConfig,
                   render: Render, class_id: int | None = None) -> int:
    """Write again the notes still waiting that name the student (of `class_id` only, when
    given): their placement ended or a teacher set their level meanwhile (the note gives the
    level, and the words that level starts with), or a teacher removed them from the class
    (the note names the others, and goes with nobody left to name). Return how many notes
    are booked again."""
    return sum(_rewrite(db, student_id, found, now, render)
               for found in notes.booked_join_classes(db, student_id)
               if class_id is None or found == class_id)


def _book(db: Database, student_id: int, class_id: int, now: datetime, school: SchoolConfig,
          render: Render, doubt: Doubt | None) -> int:
    """Replace each teacher's untouched note about the class with one that also names the
    student (it keeps the first one's time: a stream of joins never holds it back)."""
    found = people.class_by_id(db, class_id)
    if found is None:
        return 0
    booked = 0
    with db.atomic():
        waiting = {n.teacher_id: n for n in notes.booked_join_notes(db, class_id)}
        for teacher_id in _teachers(db, student_id, class_id):
            note = waiting.get(teacher_id)
            # a note a deliverer claimed first goes as it is: this student gets a new one
            kept = note is not None and notes.withdraw_join_note(db, note.row_id)
            ids = list(note.student_ids) if note is not None and kept else []
            due = note.due if note is not None and kept else \
                next_allowed(now + LANGUAGE_NOTE_WAIT, school)
            doubts = {**(_doubts(note) if note is not None and kept else {}),
                      **({student_id: doubt} if doubt is not None else {})}
            booked += _enqueue(db, teacher_id, found, [*ids, student_id], due, now, render,
                               doubts)
    return booked


def _rewrite(db: Database, student_id: int, class_id: int, now: datetime, render: Render
             ) -> int:
    """Book again, as the class and the student are now, each untouched note of the class
    that names the student (a note a deliverer claimed meanwhile goes as it is)."""
    found = people.class_by_id(db, class_id)
    booked = 0
    with db.atomic():
        for note in notes.booked_join_notes(db, class_id):
            if student_id in note.student_ids and notes.withdraw_join_note(db, note.row_id) \
                    and found is not None:
                # the note's own teacher, not the student's: a removed student has none left
                booked += _enqueue(db, note.teacher_id, found, list(note.student_ids),
                                   note.due, now, render, _doubts(note))
    return booked


def _enqueue(db: Database, teacher_id: int, found: people.ClassInfo, student_ids: list[int],
             due: datetime, now: datetime, render: Render, doubts: dict[int, Doubt]) -> int:
    """Queue the teacher's note naming those of `student_ids` still in the class with a
    language (1), or nothing when none is left (0); a doubt is kept while the student's
    language is still the one tapped (the teacher's /language, or her own, ends it)."""
    joiners = [j for i in dict.fromkeys(student_ids)
               if (j := _joiner(db, teacher_id, i, found.id, now, doubts.get(i)))]
    if not joiners:
        return 0
    kept = {str(j.student_id): asdict(j.doubt) for j in joiners if j.doubt is not None}
    outbox.enqueue(db, None, teacher_id, notes.JOIN_NOTE,
                   {"text": render(teacher_id, found.name, joiners), "buttons": [],
                    "class_id": found.id, "student_ids": [j.student_id for j in joiners],
                    **({"doubts": kept} if kept else {})},
                   due, now)
    return 1


def _doubts(note: notes.BookedJoinNote) -> dict[int, Doubt]:
    """The doubts a booked note carries, by student."""
    return {student_id: Doubt(**fields) for student_id, fields in note.doubts.items()}


def _teachers(db: Database, student_id: int, class_id: int) -> list[int]:
    """The class's teachers: its owner and co-teachers."""
    return [t for c, t in people.teachers_by_class(db, student_id) if c == class_id]


def _joiner(db: Database, teacher_id: int, student_id: int, class_id: int, now: datetime,
            doubt: Doubt | None = None) -> Joiner | None:
    """The student as the note tells of them (None: gone from the class, or no language)."""
    student = people.get_student(db, student_id)
    enrolled = next((e for e in people.enrollments(db, student_id) if e.class_id == class_id),
                    None)
    if student is None or enrolled is None or student.language is None:
        return None
    # With no level yet or a placement open, the words are not known: the level the
    # placement gives decides them. A note listed four words to a student the placement
    # then put at level 1, who got three (playtest): it says they come once placed instead.
    placing = enrolled.wida_level is None \
        or people.open_placement_answers(db, student_id) is not None
    return Joiner(student_id, name_of(db, teacher_id, student_id, class_id,
                                      first_name=student.first_name),
                  student.language, enrolled.wida_level,
                  enrolled.wida_level is not None and not enrolled.level_by_teacher,
                  () if placing else starter_words(db, student_id, class_id, now), placing,
                  _mostly_unchecked(db, class_id, student.language),
                  doubt if doubt is not None and doubt.chosen == student.language else None)


def _mostly_unchecked(db: Database, class_id: int, language: str) -> bool:
    """Whether no speaker has checked most of the class's glosses in `language` (the shipped
    Hmong ones: 140 of 208; every language has a few, so a few say nothing)."""
    ids = class_word_ids(db, [class_id]).get(class_id, set())
    refs = [WordRef(w.id, w.word, w.pack_id) for w in words_by_id(db, sorted(ids))]
    return any(2 * found.count > len(refs) for found in unchecked(db, refs, [language]))


def starter_words(db: Database, student_id: int, class_id: int, now: datetime
                  ) -> tuple[str, ...]:
    """The class's words the student starts with: those they are learning already, then those
    their first /words unlocks into their open slots (pushed words first, then the class
    packs), without unlocking anything. Only this class's: a student learning another class's
    words meanwhile starts this one's as those free their slots (none to name yet)."""
    try:
        who = learner(db, student_id)
    except PuenteError:  # no class or no language: nothing to start with yet
        return ()
    states = studying(db, student_id)
    learning = sorted(w for w, s in states.items() if s.state in ACTIVE)
    ours = class_word_ids(db, [class_id]).get(class_id, set())
    words = [w for w in [*words_by_id(db, learning), *unlockable(db, who, states, now)]
             if w.id in ours]
    return tuple(w.word.term for w in words[:STARTER_WORDS_SHOWN])


PLACED_AGAIN_NOTE = "placement-note"  # outbox kind: a student took their placement again

# (teacher id, the student as that teacher names them, level before, level now) -> the text
RenderAgain = Callable[[int, StudentName, int | None, int], str]


def tell_placed_again(db: Database, student_id: int, before: int | None, level: int,
                      now: datetime, school: SchoolConfig, render: RenderAgain) -> int:
    """Tell each teacher of the student that their second placement proposes `level` (it was
    `before`): the teacher's /level still decides. Return how many notes are booked."""
    student = people.get_student(db, student_id)
    if student is None:
        return 0
    due, booked = next_allowed(now, school), 0
    with db.atomic():
        for teacher_id in dict.fromkeys(t for _, t in people.teachers_by_class(db, student_id)):
            name = name_of(db, teacher_id, student_id, first_name=student.first_name)
            outbox.enqueue(db, None, teacher_id, PLACED_AGAIN_NOTE,
                           {"text": render(teacher_id, name, before, level), "buttons": [],
                            "student_id": student_id}, due, now)
            booked += 1
    return booked

