"""What study teaches and asks once a teacher's packs change: a word retired from its pack is
no longer shown or asked (its history stays in the reports), and an English word pushed from
two packs is asked once in a check, never twice."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.services import class_reports, learners, readiness
from bot.store import people
from bot.store.packs import forget_words, pack_words, words_by_id
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student, read_words

TZ = ZoneInfo("America/New_York")


def retire(db: Database, word_id: int) -> None:
    """As a pack upload that leaves the word out does (store/packs.save_pack)."""
    db.execute("UPDATE words SET retired_at = ? WHERE id = ?", [START.isoformat(), word_id])
    forget_words(db)


def copy_into_own_pack(db: Database, word_id: int) -> int:
    """The teacher's own pack has the same English word (another definition): a new word id."""
    pack = dict(db["packs"].get("science.ecosystems"), id="t9001.eld-words", shared=0,
                owner_teacher_id=TEACHER_ID)
    db["packs"].insert(pack)
    copy = dict(db["words"].get(word_id), pack_id="t9001.eld-words")
    del copy["id"]
    new_id = int(db["words"].insert(copy).last_pk)
    forget_words(db)
    return new_id


def test_a_retired_word_is_no_longer_shown_or_asked_but_its_history_stays(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    read = read_words(db, START)
    who = learners.learner(db, 1001)
    later = START + timedelta(days=1)
    assert read[0].id in {r.id for r in readiness.check_words(db, who, later, TZ)}

    retire(db, read[0].id)

    asked = {r.id for r in readiness.check_words(db, who, later, TZ)}
    shown = {r.id for r in learners.current_words(db, who, later)}
    assert read[0].id not in asked and read[0].id not in shown
    assert {r.id for r in read[1:]} <= asked  # the others go on as before
    assert db.execute("SELECT count(*) FROM mastery WHERE student_id = 1001 AND word_id = ?",
                      [read[0].id]).fetchone()[0] == 1  # kept for the reports


def test_a_term_pushed_from_two_packs_is_asked_once_in_a_check(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    habitat = next(w for w in pack_words(db, "science.ecosystems") if w.word.term == "habitat")
    twin = copy_into_own_pack(db, habitat.id)
    who = learners.learner(db, 1001)
    learners.introduce(db, who, [habitat, *words_by_id(db, [twin])], START)
    learners.cards_shown(db, 1001, [habitat.id, twin], START)

    asked = readiness.check_words(db, who, START + timedelta(days=1), TZ)

    assert [r.word.term for r in asked].count("habitat") == 1


def test_a_retired_card_nobody_opened_is_not_listed_as_waiting(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, 1001, "Ana", level=3)
    who = learners.learner(db, 1001)
    given = learners.current_words(db, who, START)  # unlocked, never opened
    retire(db, given[0].id)
    _, matrix = class_reports.class_report(db, TEACHER_ID, None)
    waiting = [w.id for w in matrix.unopened.get(1001, [])]
    assert given[0].id not in waiting and given[1].id in waiting


def test_words_a_teacher_pushed_are_asked_before_the_class_packs_own(
        db: Database, school_class: people.ClassInfo) -> None:
    """A teacher playtest's strongest student spent a whole check on the class pack's words
    read before the unit was pushed, and none on the unit ("Words you /push always come first",
    the class's first message says)."""
    enrol_student(db, START, 1001, "Ana", level=3)
    read = read_words(db, START)  # the class pack's cards, read first: waiting longest
    who = learners.learner(db, 1001)
    pushed = pack_words(db, "math.number-operations")[:3]
    later = START + timedelta(hours=1)
    learners.introduce(db, who, pushed, later)
    learners.cards_shown(db, 1001, [w.id for w in pushed], later)

    asked = [r.id for r in readiness.check_words(db, who, START + timedelta(days=1), TZ)]

    assert asked[:3] == [w.id for w in pushed]
    assert set(asked[3:]) == {r.id for r in read}  # the class's words follow, none lost
