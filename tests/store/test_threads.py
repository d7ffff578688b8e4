"""Threads keep who and when, never what; they go with /deleteme and with retention."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.store import erase, families, outbox, people, threads
from tests.clock import START
from tests.tables import cells_naming

KID, SISTER, MOM, DAD, PROF = 7700123, 7700456, 8800123, 8800456, 9900123


def _school(db: Database) -> int:
    """A class with two siblings; MOM is linked to both (one phone), DAD to KID only."""
    people.upsert_teacher(db, PROF, "Quillon", START)
    found = people.create_class(db, PROF, "Art 5", "ARTcode_12345", START + timedelta(days=9),
                                "science.ecosystems", START)
    for student, lang in ((KID, "es"), (SISTER, "es")):
        people.upsert_student(db, student, f"S{student}", START)
        people.set_student_language(db, student, lang)
        people.enroll(db, student, found.id, START)
    for code, student, parent in (("L1", KID, MOM), ("L2", SISTER, MOM), ("L3", KID, DAD)):
        families.add_link(db, code, student, PROF, START, START + timedelta(days=14))
        families.claim_link(db, code, parent, student, START, max_uses=4)
    families.set_language(db, MOM, "ar")
    return found.id


def _ask(db: Database, asker: int, role: str, student: int, relay: int) -> threads.ThreadMessage:
    threads.add_ask(db, student, PROF, asker, role, "ar", relay, START)
    found = threads.relayed(db, PROF, relay)
    assert found is not None
    return found


def test_a_thread_row_holds_no_text(db: Database) -> None:
    _school(db)
    asked = _ask(db, MOM, threads.FAMILY, KID, 501)
    threads.add_answer(db, asked, START + timedelta(hours=1))
    texts = {cell for row in db.execute("SELECT * FROM thread_messages").fetchall()
             for cell in row if isinstance(cell, str) and not cell.startswith("2026-")}
    assert texts == {"family", "ask", "answer", "ar"}  # roles, directions, a language: no text
    assert [m.direction for m in threads.thread(db, KID)] == ["ask", "answer"]
    assert threads.relayed(db, PROF, 502) is None
    assert threads.relayed(db, 1234, 501) is None  # another teacher's chat


def test_a_delivered_message_keeps_no_text(db: Database) -> None:
    row = outbox.enqueue(db, None, MOM, "answer", {"text": "Sí, página 12", "forget": True},
                         START, START)
    threads.forget_sent_text(db, row)  # not sent yet: kept for delivery
    assert "página" in db.execute("SELECT payload FROM outbox").fetchone()[0]
    outbox.mark_sent(db, row, START)
    threads.forget_sent_text(db, row)
    assert "página" not in db.execute("SELECT payload FROM outbox").fetchone()[0]


def test_a_shared_phone_lists_both_children_and_gets_one_announcement(db: Database) -> None:
    class_id = _school(db)
    assert [c.student_id for c in threads.children(db, MOM)] == [KID, SISTER]
    people_ = threads.class_recipients(db, class_id, students=False)
    assert {(r.telegram_id, r.language) for r in people_} == {(MOM, "ar"), (DAD, "es")}
    with_students = threads.class_recipients(db, class_id, students=True)
    assert {r.telegram_id for r in with_students if r.role == "student"} == {KID, SISTER}
    people.mark_blocked(db, SISTER, START)
    assert SISTER not in {r.telegram_id for r in threads.class_recipients(db, class_id, True)}


def test_a_family_member_who_chose_no_language_is_reached_in_the_one_they_write_in(
        db: Database) -> None:
    class_id = _school(db)  # DAD chose no language; KID's is Spanish
    assert families.known_language(db, DAD) == "es"
    threads.add_ask(db, KID, PROF, DAD, threads.FAMILY, "pt", 503, START)
    assert families.known_language(db, DAD) == families.wrote_in(db, DAD) == "pt"
    assert (DAD, "pt") in {(r.telegram_id, r.language)
                           for r in threads.class_recipients(db, class_id, students=False)}
    assert {(r.telegram_id, r.language) for r in families.update_recipients(db)} == {
        (MOM, "ar"), (DAD, "pt")}
    threads.add_ask(db, KID, PROF, MOM, threads.FAMILY, "so", 504, START)
    assert families.known_language(db, MOM) == "ar"  # a language chosen is never overridden


def test_deleteme_removes_a_family_members_threads_and_nothing_names_them(
        db: Database) -> None:
    _school(db)
    _ask(db, MOM, threads.FAMILY, KID, 501)
    _ask(db, DAD, threads.FAMILY, KID, 502)
    erase.erase_person(db, MOM)
    assert [m.asker_id for m in threads.thread(db, KID)] == [DAD]
    assert cells_naming(db, MOM) == []


def test_deleting_a_student_removes_their_thread_and_queued_answers(db: Database) -> None:
    _school(db)
    asked = _ask(db, DAD, threads.FAMILY, KID, 501)
    threads.add_answer(db, asked, START)
    outbox.enqueue(db, None, DAD, "answer", {"text": "x", "student_id": KID}, START, START)
    outbox.enqueue(db, None, MOM, "answer", {"text": "y", "student_id": SISTER}, START, START)
    erase.erase_person(db, KID)
    assert threads.thread(db, KID) == []
    assert [r[0] for r in db.execute("SELECT chat_id FROM outbox")] == [MOM]  # sister's stays


def test_retention_purges_old_threads_and_unconfirmed_announcements(db: Database) -> None:
    class_id = _school(db)
    _ask(db, MOM, threads.FAMILY, KID, 501)
    threads.add_announcement(db, class_id, PROF, "Trip on Friday", {}, START)
    later = START + timedelta(days=400)
    threads.add_ask(db, SISTER, PROF, MOM, threads.FAMILY, "ar", 777, later)
    erase.purge_before(db, later - timedelta(days=365))
    assert [m.student_id for m in threads.thread(db, KID) + threads.thread(db, SISTER)] == [
        SISTER]
    assert db["announcements"].count == 0


def test_a_link_serves_four_caregivers_and_a_returning_one_takes_no_place(
        db: Database) -> None:
    _school(db)
    families.add_link(db, "L9", KID, PROF, START, START + timedelta(days=14))
    assert families.claim_link(db, "L9", DAD, KID, START, max_uses=4)  # already linked
    for parent in (1, 2, 3, 4):
        assert families.claim_link(db, "L9", parent, KID, START, max_uses=4)
    assert not families.claim_link(db, "L9", 5, KID, START, max_uses=4)
    link = families.get_link(db, "L9")
    assert link is not None and link.uses == 4


def test_a_thank_you_is_a_flag_on_its_row_never_its_text(db: Database) -> None:
    _school(db)
    threads.add_ask(db, KID, PROF, MOM, threads.FAMILY, "ar", 601, START, thanks=True)
    threads.add_ask(db, KID, PROF, DAD, threads.FAMILY, "es", 602, START)
    assert [(m.asker_id, m.thanks) for m in threads.thread(db, KID)] == [(MOM, True),
                                                                          (DAD, False)]
    assert threads.relayed(db, PROF, 601).thanks
    assert db.execute("SELECT thanks FROM thread_messages ORDER BY id").fetchall() == [(1,), (0,)]
