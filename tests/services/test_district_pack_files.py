"""A district's pack files as Windows saves them, and ones far too big to be one unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.services.packs import MAX_ADMIN_PACK_BYTES, import_teacher_pack, load_packs
from bot.store import open_store, people
from tests.clock import START

PACK = ('[pack]\nid = "district.rocks"\ntitle = "Rocks"\nsubject = "science"\n'
        'grades = [5, 7]\n\n[[words]]\nterm = "basalt"\npos = "noun"\ntier = 3\n'
        'definition = "A dark rock from lava."\nexample = "The island is made of basalt."\n')
BOM = "\ufeff"


def test_a_pack_saved_with_a_byte_order_mark_loads_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "rocks.toml").write_text(BOM + PACK, encoding="utf-8")
    result = load_packs([tmp_path])
    assert result.ok and [p.id for p in result.packs] == ["district.rocks"]


def test_a_pack_saved_with_a_byte_order_mark_uploads_as_a_teachers_pack() -> None:
    db = open_store(None)
    people.upsert_teacher(db, 9001, "Rivera", START)
    upload = import_teacher_pack(db, 9001, "rocks.toml", (BOM + PACK).encode(), START)
    assert upload.pack.id == "t9001.district.rocks"
    assert [w.term for w in upload.pack.words] == ["basalt"]


def test_packs_validate_and_db_migrate_accept_a_byte_order_mark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "district"
    folder.mkdir()
    (folder / "rocks.toml").write_text(BOM + PACK, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "p.db"\n[packs]\nextra_dirs = ["{folder.as_posix()}"]\n')
    monkeypatch.delenv("PUENTE_STORE_PATH", raising=False)
    assert main(["--config", str(config), "packs", "validate"]) == 0
    assert "all valid" in capsys.readouterr().out
    assert main(["--config", str(config), "db", "migrate"]) == 0
    db = open_store(tmp_path / "p.db")
    assert db["packs"].get("district.rocks")["title"] == "Rocks"


def test_a_pack_file_over_the_limit_is_refused_unread_and_says_how_to_split(
        tmp_path: Path) -> None:
    big = tmp_path / "everything.toml"
    with big.open("wb") as fh:  # sparse: 66 MB on paper, nothing on disk
        fh.write(PACK.encode())
        fh.truncate(66 * 1024 * 1024)
    (tmp_path / "rocks.toml").write_text(PACK.replace("district.rocks", "district.ok"))
    result = load_packs([tmp_path])
    assert [p.id for p in result.packs] == ["district.ok"]
    (problem,) = result.problems
    assert str(problem).startswith(f"{big}:1: the file is 66.0 MB, over the 1.0 MB limit")
    assert "split it into one pack a unit" in str(problem)


def test_a_pack_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "rocks.toml"
    padding = "#" * (MAX_ADMIN_PACK_BYTES - len(PACK.encode()) - 1) + "\n"
    path.write_text(PACK + padding, encoding="utf-8")
    assert path.stat().st_size == MAX_ADMIN_PACK_BYTES
    assert load_packs([tmp_path]).ok


def test_validate_warns_about_a_pack_far_longer_than_a_unit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = "".join(f'\n[[words]]\nterm = "zor{chr(97 + i // 26)}{chr(97 + i % 26)}"\n'
                    'pos = "noun"\ntier = 3\ndefinition = "A thing we study."\n'
                    f'example = "We saw a zor{chr(97 + i // 26)}{chr(97 + i % 26)} today."\n'
                    for i in range(201))
    (tmp_path / "long.toml").write_text(PACK.split("\n[[words]]")[0] + "\n" + words)
    assert main(["packs", "validate", str(tmp_path)]) == 0
    assert ("warning: district.rocks has 201 words: a pack is one unit"
            in capsys.readouterr().out)
