"""`puente student find / export / delete`: a parent's deletion request and a records request
handled without SQL; the erasure is /deleteme's, and the families and teachers are told."""

from __future__ import annotations

import io
import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.cli import main
from bot.services.family import queue_link_news
from bot.services.packs import install_packs, load_packs
from bot.store import excused, families, open_store, outbox, people
from bot.store.clock import stamp
from tests.cli.builders import write_config
from tests.clock import START
from tests.tables import cells_naming

KID, MOM, PROF, GRAN = 7700123, 8800123, 9900123, 6600123


def _school(folder: Path) -> Path:
    """A store with Zuzanna in PROF's Art 5, her mother linked, one answer; its config."""
    config = write_config(folder)
    db = open_store(folder / "puente.db")
    install_packs(db, load_packs().packs, START)
    people.upsert_teacher(db, PROF, "Quillon", START)
    found = people.create_class(db, PROF, "Art 5", "ARTcode_12345", START + timedelta(days=9),
                                "science.ecosystems", START)
    people.upsert_student(db, KID, "Zuzanna", START)
    people.set_student_language(db, KID, "es")
    people.enroll(db, KID, found.id, START)
    people.upsert_student(db, 4242, "Bo", START)
    families.add_link(db, "LINKcode_1234", KID, PROF, START, START + timedelta(days=14))
    families.claim_link(db, "LINKcode_1234", MOM, KID, START)
    word = db.execute("SELECT id FROM words ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("INSERT INTO attempts (student_id, word_id, item_type, prompt_lang, correct, "
               "answered_at) VALUES (?, ?, 'choice', 'es', 1, ?)", [KID, word, stamp(START)])
    db.conn.commit()
    db.close()
    return config


def _cli(config: Path, *argv: str) -> int:
    return main(["--config", str(config), *argv], clock=lambda: START + timedelta(days=1))


def _store(config: Path) -> Database:
    return open_store(config.parent / "puente.db")


def test_find_lists_matching_students_with_class_and_id(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    config = _school(tmp_path)
    assert _cli(config, "student", "find", "zuz") == 0
    assert capsys.readouterr().out.splitlines() == [f"{KID}\tZuzanna\tes\tArt 5 (Quillon)"]
    assert _cli(config, "student", "find", "Bo") == 0
    assert capsys.readouterr().out.splitlines() == ["4242\tBo\t-\t(in no class)"]
    assert _cli(config, "student", "find", "Nadie") == 1


def _export(config: Path, out: Path, *flags: str) -> dict:
    assert _cli(config, "student", "export", str(KID), "--out", str(out), *flags) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    return json.loads(out.read_text(encoding="utf-8"))


def _busy_school(folder: Path) -> Path:
    """`_school`, and what a term leaves: the mother's Spanish, her sick note, a message the
    teacher was sent about Zuzanna alone, and one naming Bo too."""
    config = _school(folder)
    db = _store(config)
    families.set_language(db, MOM, "es")
    excused.excuse(db, KID, START.date(), MOM, START)
    outbox.enqueue(db, None, PROF, "stuck-alert", {"text": "Zuzanna seems stuck on habitat",
                                                   "student_id": KID}, START, START)
    outbox.enqueue(db, None, PROF, "alert-advice", {"text": "Zuzanna and Bo answer nothing",
                                                    "student_ids": [KID, 4242]}, START, START)
    db.conn.commit()
    db.close()
    return config


def test_export_is_a_records_response_a_school_can_hand_to_the_parent(tmp_path: Path) -> None:
    """Privacy playtest: the export held the mother's and the teacher's Telegram ids, the
    mother's first name and the family link's code, and `word_id: 135` with no word."""
    config = _busy_school(tmp_path)
    out = tmp_path / "zuzanna.json"
    document = _export(config, out)
    text = out.read_text(encoding="utf-8")
    for secret in (str(MOM), str(PROF), "LINKcode_1234", "Quillon", "Bo"):
        assert secret not in text, secret
    tables = document["tables"]
    assert document["records_about"] == "Zuzanna"
    assert tables["students"][0]["first_name"] == "Zuzanna"
    assert [r["class"] for r in tables["enrollments"]] == ["Art 5"]
    db = _store(config)
    term, pack = db.execute("SELECT w.term, p.title FROM words w JOIN packs p ON p.id = "
                            "w.pack_id ORDER BY w.id LIMIT 1").fetchone()
    db.close()
    assert [r["word"] for r in tables["attempts"]] == [f"{term} ({pack})"]
    assert [r["who"] for r in tables["families"]] == ["family member 1"]
    assert document["people"]["family member 1"] == \
        f"language es, linked {START.date().isoformat()}, weekly updates on"
    assert [r["teacher"] for r in tables["family_links"]] == ["teacher of Art 5"]
    assert [r["set_by"] for r in tables["excused_days"]] == ["family member 1"]
    assert [(r["to"], r["text"]) for r in tables["outbox"]] == [
        ("teacher of Art 5", "(not included: a message to teacher of Art 5 can name other "
         "people)")] * 2


def test_export_shows_only_the_texts_sent_to_the_child_herself(tmp_path: Path) -> None:
    """Verification playtest: with two family members linked, the export copied the notes
    about the new link ("👪 Rosa linked to Ana's family updates", "Nainai ahora también
    recibe...") and so handed one relative's name to whoever reads the file."""
    config = _school(tmp_path)
    db = _store(config)
    families.add_link(db, "LINKcode_5678", KID, PROF, START, START + timedelta(days=14))
    families.claim_link(db, "LINKcode_5678", GRAN, KID, START, first_name="Nainai")
    outbox.enqueue(db, None, KID, "reminder", {"text": "Zuzanna, 3 words wait for you",
                                               "student_id": KID}, START, START)
    queue_link_news(db, GRAN, KID, [
        (PROF, "👪 Nainai linked to Zuzanna's family updates (Chinese)", []),
        (MOM, "Nainai ahora también recibe las novedades de Zuzanna. Si no sabe quién es, "
         "avise al maestro o la maestra.", [])], START)
    outbox.enqueue(db, None, KID, "alert-advice", {"text": "Zuzanna and Bo, well done",
                                                   "student_ids": [KID, 4242]}, START, START)
    db.conn.commit()
    db.close()
    out = tmp_path / "zuzanna.json"
    document = _export(config, out)
    assert "Nainai" not in out.read_text(encoding="utf-8")
    assert [(r["to"], r["kind"], r["created_at"][:10], r["text"])
            for r in document["tables"]["outbox"]] == [
        ("the student", "reminder", START.date().isoformat(), "Zuzanna, 3 words wait for you"),
        ("teacher of Art 5", "family-note", START.date().isoformat(),
         "(not included: a message to teacher of Art 5 can name other people)"),
        ("family member 1", "family-note", START.date().isoformat(),
         "(not included: a message to family member 1 can name other people)"),
        ("the student", "alert-advice", START.date().isoformat(),
         "(not included: the message names other students too)")]


def test_export_raw_keeps_the_stores_rows_for_the_administrator(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    config = _busy_school(tmp_path)
    tables = _export(config, tmp_path / "raw.json", "--raw")["tables"]
    assert "not for handing over" in capsys.readouterr().out
    assert tables["students"][0]["first_name"] == "Zuzanna"
    assert [r["student_id"] for r in tables["attempts"]] == [KID]
    assert [r["name"] for r in tables["classes"]] == ["Art 5"]
    assert [r["telegram_id"] for r in tables["families"]] == [MOM]
    assert [r["code"] for r in tables["family_links"]] == ["LINKcode_1234"]
    assert "Bo" not in json.dumps(tables["students"])


def test_export_never_writes_over_a_file_unless_forced_as_report_does(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`report --csv` and `--png` refuse a file that exists in one line with exit 2 and take
    --force; `student export --out` said only "File exists" and had no --force."""
    config = _school(tmp_path)
    out = tmp_path / "keep.txt"
    out.write_text("last year's notes\n", encoding="utf-8")
    out.chmod(0o644)
    assert _cli(config, "student", "export", str(KID), "--out", str(out)) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"puente: {out}: File exists (give a new file name, or add --force to write over it)"]
    assert out.read_text(encoding="utf-8") == "last year's notes\n"
    assert _cli(config, "student", "export", str(KID), "--out", str(out), "--force") == 0
    assert json.loads(out.read_text(encoding="utf-8"))["records_about"] == "Zuzanna"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # written over: private too


def test_export_of_an_unknown_id_is_one_line(tmp_path: Path,
                                             capsys: pytest.CaptureFixture) -> None:
    config = _school(tmp_path)
    assert _cli(config, "student", "export", "5") == 2
    assert capsys.readouterr().err.startswith("puente: no student with id 5")


def test_delete_erases_the_child_as_deleteme_does_and_tells_family_and_teacher(
        tmp_path: Path) -> None:
    config = _school(tmp_path)
    assert _cli(config, "student", "delete", str(KID), "--yes") == 0
    db = _store(config)
    assert people.get_student(db, KID) is None
    assert db.execute("SELECT count(*) FROM families").fetchone()[0] == 0  # the link ended
    told = dict(db.execute("SELECT chat_id, json_extract(payload, '$.text') FROM outbox "
                           "WHERE kind = 'goodbye' AND status = 'pending'").fetchall())
    assert set(told) == {MOM, PROF}
    assert "Zuzanna" in told[MOM] and "Art 5" in told[PROF]
    # The child deleted nothing: the notes say the administrator erased the data on request
    assert told[PROF] == ("ℹ️ On request, the school's administrator erased <b>Zuzanna</b>'s "
                          "Puente data: <b>Zuzanna</b> is no longer in <b>Art 5</b>.")
    assert told[MOM].startswith("ℹ️ A petición, la administración de la escuela borró los "
                                "datos de Puente de Zuzanna, así que su vínculo con Zuzanna")
    assert [c for c in cells_naming(db, KID, "Zuzanna") if c[0] != "outbox"] == []
    assert people.get_student(db, 4242) is not None


def test_delete_asks_first_and_a_no_deletes_nothing(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    config = _school(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert _cli(config, "student", "delete", str(KID)) == 1
    assert people.get_student(_store(config), KID) is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert _cli(config, "student", "delete", str(KID)) == 0
    assert people.get_student(_store(config), KID) is None
