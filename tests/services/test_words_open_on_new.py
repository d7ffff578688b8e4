"""/words opens on the cards the student has not read: a level-2 playtester's new word was on
page 4/4, behind the three she knew, and she never turned to it (Vietnamese level 2)."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.services import learners
from bot.store import people
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import enrol_student, read_words


def test_words_opens_on_the_new_card_before_the_known_ones(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, name="Linh", lang="vi", level=2)
    known = read_words(db, START)
    later = START + timedelta(days=3)
    who = learners.learner(db, 1001)
    new = next(w for w in pack_words(db, school_class.pack_id)
               if w.id not in {r.id for r in known})
    learners.introduce(db, who, [new], later)  # a word pushed to her, its card not read
    cards = learners.preview_words(db, who, later)
    assert cards.refs[0].id == new.id  # page 1, not page 4/4
    assert cards.unread >= 1
    assert {r.id for r in cards.refs[1:]} >= {r.id for r in known}
