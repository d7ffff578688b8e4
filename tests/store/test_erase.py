"""Erasing a person from the store: every table walked, outbox included; retention by date."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlite_utils import Database

from bot.store import erase, families, members, outbox, people
from bot.store.clock import stamp
from tests.clock import START
from tests.tables import cells_naming

KID, MOM, PROF, CO = 7700123, 8800123, 9900123, 9900456


def _word_id(db: Database) -> int:
    return db.execute("SELECT id FROM words ORDER BY id LIMIT 1").fetchone()[0]


def _school(db: Database) -> int:
    """A class owned by PROF with KID enrolled, a family member, answers and messages."""
    people.upsert_teacher(db, PROF, "Quillon", START)
    found = people.create_class(db, PROF, "Art 5", "ARTcode_12345", START + timedelta(days=9),
                                "science.ecosystems", START)
    people.upsert_student(db, KID, "Zuzanna", START)
    people.enroll(db, KID, found.id, START)
    families.add_link(db, "LINKcode_1234", KID, PROF, START, START + timedelta(days=14))
    families.claim_link(db, "LINKcode_1234", MOM, KID, START)
    word = _word_id(db)
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at) VALUES (?, ?, 'choice', 'es', 1, ?)", [KID, word, stamp(START)])
    push = outbox.create_push(db, found.id, PROF, "science.ecosystems", [word], START, START)
    outbox.enqueue(db, push, KID, "preview", {"text": "Hola Zuzanna"}, START, START)
    outbox.enqueue(db, None, MOM, "family-update", {"text": "This week with Zuzanna"}, START,
                   START)
    outbox.enqueue(db, None, PROF, "push-report", {"text": "done"}, START, START)
    return found.id


def test_erasing_a_student_leaves_no_cell_naming_her(db: Database) -> None:
    _school(db)
    assert cells_naming(db, KID, "Zuzanna")
    erase.erase_person(db, KID)
    assert cells_naming(db, KID, "Zuzanna") == []
    assert people.is_teacher(db, PROF)


def test_goodbyes_are_queued_after_the_erasing_and_never_to_the_person_erased(
        db: Database) -> None:
    _school(db)
    erase.erase_person(db, KID, [erase.Goodbye(MOM, "Zuzanna left", START),
                                 erase.Goodbye(PROF, "Zuzanna left Art 5", START),
                                 erase.Goodbye(KID, "Zuzanna, goodbye", START)])
    rows = db.execute("SELECT chat_id, kind, payload FROM outbox WHERE payload LIKE "
                      "'%Zuzanna%' ORDER BY id").fetchall()
    assert [(chat, kind, json.loads(payload)) for chat, kind, payload in rows] == [
        (MOM, "goodbye", {"text": "Zuzanna left", "buttons": [], "forget": True}),
        (PROF, "goodbye", {"text": "Zuzanna left Art 5", "buttons": [], "forget": True})]
    assert [c for c in cells_naming(db, KID, "Zuzanna") if c[0] != "outbox"] == []


def test_erasing_a_family_member_keeps_the_student(db: Database) -> None:
    _school(db)
    erase.erase_person(db, MOM)
    assert cells_naming(db, MOM) == []
    assert people.get_student(db, KID) is not None


def test_a_sibling_update_to_the_same_parent_stays_when_it_says_whose_it_is(
        db: Database) -> None:
    _school(db)
    people.upsert_student(db, 1234, "Bo", START)  # her sibling, MOM linked to both
    families.add_link(db, "LINKcode_5678", 1234, PROF, START, START + timedelta(days=14))
    families.claim_link(db, "LINKcode_5678", MOM, 1234, START)
    outbox.enqueue(db, None, MOM, "family-update", {"text": "Bo", "student_id": 1234}, START,
                   START)
    erase.erase_person(db, KID)
    payloads = [json.loads(r[0]) for r in db.execute("SELECT payload FROM outbox").fetchall()]
    assert {"text": "Bo", "student_id": 1234} in payloads


def test_a_parent_left_linked_to_no_child_keeps_only_the_goodbye(db: Database) -> None:
    _school(db)
    families.set_language(db, MOM, "pl")
    erase.erase_person(db, KID, [erase.Goodbye(MOM, "Zuzanna left", START)])
    assert [(table, column) for table, column, _ in cells_naming(db, MOM)] == [
        ("outbox", "chat_id")]  # the goodbye, its text emptied once delivered
    assert db["family_languages"].count == 0


def test_erasing_a_teacher_without_co_teacher_removes_class_and_enrolments(
        db: Database) -> None:
    class_id = _school(db)
    plan = erase.teacher_plan(db, PROF)
    assert [(f.class_name, f.heir_id, f.students) for f in plan] == [("Art 5", None, 1)]
    erase.erase_person(db, PROF)
    assert cells_naming(db, PROF, "Quillon") == []
    assert people.class_by_id(db, class_id) is None
    assert people.get_student(db, KID) is not None  # her own data is hers
    assert db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


def test_erasing_a_teacher_hands_class_and_own_packs_to_the_co_teacher(db: Database) -> None:
    class_id = _school(db)
    people.upsert_teacher(db, CO, "Leontyne", START)
    members.add_co_teacher(db, class_id, CO, START)
    db.execute("UPDATE packs SET owner_teacher_id = ? WHERE id = 'science.ecosystems'", [PROF])
    [fate] = erase.erase_person(db, PROF)
    assert (fate.heir_id, fate.heir_name, fate.students) == (CO, "Leontyne", 0)
    assert cells_naming(db, PROF, "Quillon") == []
    found = people.class_by_id(db, class_id)
    assert found is not None and found.teacher_id == CO
    assert [e.class_id for e in people.enrollments(db, KID)] == [class_id]
    assert db.execute("SELECT owner_teacher_id FROM packs WHERE id = 'science.ecosystems'"
                      ).fetchone()[0] == CO
    assert db.execute("SELECT count(*) FROM class_teachers").fetchone()[0] == 0


def test_purge_deletes_old_answers_and_sent_messages_and_keeps_mastery(db: Database) -> None:
    _school(db)
    word = _word_id(db)
    db.execute("INSERT INTO mastery (student_id, word_id, p_known, card, due_at, updated_at) "
               "VALUES (?, ?, 0.5, '{}', ?, ?)", [KID, word, stamp(START), stamp(START)])
    db.execute("UPDATE outbox SET status = 'sent' WHERE chat_id = ?", [KID])
    later = START + timedelta(days=30)
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at) VALUES (?, ?, 'typed', 'en', 0, ?)", [KID, word, stamp(later)])
    purged = erase.purge_before(db, START + timedelta(days=1))
    assert (purged.attempts, purged.messages) == (1, 1)
    assert db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1  # the newer one
    assert db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM mastery").fetchone()[0] == 1


def test_removing_a_student_cancels_only_that_class_pushes(db: Database) -> None:
    class_id = _school(db)
    outbox.enqueue(db, None, KID, "reminder", {"text": "other"}, START, START)
    assert members.remove_enrollment(db, KID, class_id)
    assert erase.cancel_class_messages(db, KID, class_id) == 1
    assert db.execute("SELECT kind FROM outbox WHERE chat_id = ?", [KID]).fetchall() == \
        [("reminder",)]


def test_co_teacher_codes_work_once_and_expire(db: Database) -> None:
    class_id = _school(db)
    members.add_coteach_code(db, "COcode_123456", class_id, PROF, START,
                             START + timedelta(days=7))
    members.add_coteach_code(db, "COcode_old123", class_id, PROF, START,
                             START + timedelta(days=7))
    assert members.claim_coteach_code(db, "COcode_123456", START) == class_id
    assert members.claim_coteach_code(db, "COcode_123456", START) is None
    assert members.claim_coteach_code(db, "COcode_old123", START + timedelta(days=8)) is None
    members.add_co_teacher(db, class_id, PROF, START)  # the owner is never their own co-teacher
    assert db.execute("SELECT count(*) FROM class_teachers").fetchone()[0] == 0


def test_a_parents_language_follows_them_to_a_second_child_and_past_a_deletion(
        db: Database) -> None:
    # Chosen on one child's link only, a Somali father read his second child's updates in the
    # child's language, and lost his choice when the first child deleted her data (playtest 10)
    _school(db)
    families.set_language(db, MOM, "so")
    sibling = KID + 1
    people.upsert_student(db, sibling, "Bo", START)
    people.set_student_language(db, sibling, "ht")
    families.add_link(db, "LINKcode_5678", sibling, PROF, START, START + timedelta(days=14))
    families.claim_link(db, "LINKcode_5678", MOM, sibling, START)
    assert {r.student_id: r.language for r in families.update_recipients(db, MOM)} == {
        KID: "so", sibling: "so"}
    erase.erase_person(db, KID)
    assert [(r.student_id, r.language) for r in families.update_recipients(db, MOM)] == [
        (sibling, "so")]
    assert families.family_language(db, MOM) == "so"
