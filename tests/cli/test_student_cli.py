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
from bot.services.packs import install_packs, load_packs
from bot.store import families, open_store, people
from bot.store.clock import stamp
from tests.cli.builders import write_config
from tests.clock import START
from tests.tables import cells_naming

KID, MOM, PROF = 7700123, 8800123, 9900123


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


def test_export_writes_everything_about_the_child_readable_by_the_owner_only(
        tmp_path: Path) -> None:
    config = _school(tmp_path)
    out = tmp_path / "zuzanna.json"
    assert _cli(config, "student", "export", str(KID), "--out", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    tables = json.loads(out.read_text(encoding="utf-8"))["tables"]
    assert tables["students"][0]["first_name"] == "Zuzanna"
    assert [r["student_id"] for r in tables["attempts"]] == [KID]
    assert [r["name"] for r in tables["classes"]] == ["Art 5"]
    assert [r["telegram_id"] for r in tables["families"]] == [MOM]
    assert "Bo" not in out.read_text(encoding="utf-8")


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
    assert json.loads(out.read_text(encoding="utf-8"))["student_id"] == KID
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
