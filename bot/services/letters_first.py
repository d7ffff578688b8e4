"""A level-2 student's "letters first" mark: her typed questions open on their letter tiles,
as at level 1 (tiles.first). Her teacher sets it from /student; she is offered it once, at the
end of a check, after answering typed questions with their tiles in tiles.OFFER_AFTER checks
(tiles.may_offer_letters), and her Yes or No is kept."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain import tiles
from bot.domain.errors import PuenteError
from bot.domain.tiles import LettersFirst
from bot.services.learners import Learner, level_of
from bot.store import check_items, people


class NotYourStudentError(PuenteError):
    """A "letters first" button for a student the tapper does not teach (forged, or she left
    the class since)."""

    prompt_key = "button-stale"


class OfferAnsweredError(PuenteError):
    """Her Yes or No on an offer answered already, never made (forged), or decided since by
    her teacher: nothing changes."""

    prompt_key = "letters-offer-answered"


@dataclass(frozen=True)
class TeacherView:
    """What /student shows of the mark: at level 2 only (level 1 opens on tiles anyway; from
    level 3 the mark does nothing)."""

    student_id: int
    on: bool


def offer_due(db: Database, who: Learner, check: check_items.Check | None) -> bool:
    """At the end of a check with a typed question: whether to offer her "🔤 Show the letters
    first next time?", after OFFER_AFTER checks answered with tiles, claimed in the store so it
    is made once (one statement, in the answer's transaction; none unless she may be offered
    it, known from her row, and the check had a typed question)."""
    if not tiles.may_offer_letters(who.level, who.letters_mark) or check is None \
            or not check.asks_typed():
        return False
    return people.claim_letters_offer(db, who.id, LettersFirst.ASKED, tiles.OFFER_AFTER)


def answer_offer(db: Database, student_id: int, yes: bool) -> None:
    """Keep her answer to the offer (OfferAnsweredError unless it is waiting)."""
    mark = LettersFirst.ON if yes else LettersFirst.OFF
    if not people.answer_letters_offer(db, student_id, LettersFirst.ASKED, mark):
        raise OfferAnsweredError()


def teacher_view(db: Database, student_id: int) -> TeacherView | None:
    """The mark as /student shows it under a level-2 student (None: another level)."""
    student, classes = people.student_with_classes(db, student_id)
    if student is None or level_of(classes) != 2:
        return None
    return TeacherView(student_id, student.letters_first == LettersFirst.ON)


def set_by_teacher(db: Database, teacher_id: int, student_id: int, on: bool) -> TeacherView:
    """Turn the mark on or off for a student of the teacher's (or a co-teacher's) classes;
    NotYourStudentError for anyone else. Kept at any level (it acts at level 2 only)."""
    if teacher_id not in people.teachers_of(db, student_id):
        raise NotYourStudentError()
    people.set_letters_first(db, student_id, LettersFirst.ON if on else LettersFirst.OFF)
    return TeacherView(student_id, on)
