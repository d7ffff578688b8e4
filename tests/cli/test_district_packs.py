"""A district's own packs: read from [packs] extra_dirs, and never in place of a shipped one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.paths import PACKS_DIR
from bot.services.packs import pack_files
from bot.store import open_store
from tests.cli.builders import one_line, write_config

ECOSYSTEMS = PACKS_DIR / "science" / "ecosystems.toml"


pytestmark = pytest.mark.usefixtures("cli_seat")


def _one_word_copy(pack_id: str = "science.ecosystems") -> str:
    """A teacher's cut-down copy of the shipped ecosystems pack (its first word only)."""
    text = ECOSYSTEMS.read_text(encoding="utf-8")
    first = text.index("[[words]]")
    return text[:text.index("[[words]]", first + 1)].replace(
        '"science.ecosystems"', f'"{pack_id}"')


def _live_words(store: Path, pack_id: str) -> int:
    db = open_store(store)
    try:
        return db.execute("SELECT count(*) FROM words WHERE pack_id = ? AND retired_at IS NULL",
                          [pack_id]).fetchone()[0]
    finally:
        db.close()


def test_a_copy_keeping_a_shipped_id_is_skipped_and_blamed_and_migrate_exits_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shipped = tmp_path / "vocab_packs"  # a checkout's folder, where the copy was dropped
    shutil.copytree(PACKS_DIR, shipped)
    copy = shipped / "science" / "aa.toml"  # read before ecosystems.toml
    copy.write_text(_one_word_copy(), encoding="utf-8")
    monkeypatch.setattr("bot.services.packs.PACKS_DIR", shipped)
    write_config(tmp_path)
    assert main(["db", "migrate"]) == 2
    captured = capsys.readouterr()
    skipped = [line for line in captured.out.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1 and skipped[0].startswith(f"skipped: {copy}:")
    assert "pack id science.ecosystems belongs to a shipped pack" in skipped[0]
    assert "give your pack its own id" in skipped[0]
    assert "12 packs loaded" in captured.out  # the rest was done
    assert "run `puente db migrate` again" in one_line(captured.err)
    assert _live_words(tmp_path / "puente.db", "science.ecosystems") == 20  # none retired


def test_validating_one_copied_file_alone_checks_its_id_against_the_shipped_packs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "ours.toml"
    copy.write_text(_one_word_copy(), encoding="utf-8")
    assert main(["packs", "validate", str(copy)]) == 1
    assert "belongs to a shipped pack" in capsys.readouterr().out
    copy.write_text(_one_word_copy("district.ecosystems"), encoding="utf-8")
    assert main(["packs", "validate", str(copy)]) == 0


def test_extra_dirs_packs_are_loaded_beside_the_shipped_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = tmp_path / "district-packs"
    ours.mkdir()
    (ours / "eco.toml").write_text(_one_word_copy("district.ecosystems"), encoding="utf-8")
    write_config(tmp_path, '[packs]\nextra_dirs = ["district-packs"]\n')
    assert main(["packs", "list"]) == 0
    out = capsys.readouterr().out
    assert "district.ecosystems" in out and "13 packs" in out
    assert main(["db", "migrate"]) == 0
    assert "13 packs loaded" in capsys.readouterr().out
    assert _live_words(tmp_path / "puente.db", "district.ecosystems") == 1


def test_a_pack_missing_a_required_field_makes_migrate_exit_2_after_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = tmp_path / "district-packs"
    ours.mkdir()
    (ours / "eco.toml").write_text(
        _one_word_copy("district.ecosystems").replace('title = "', 'name = "'),
        encoding="utf-8")
    write_config(tmp_path, '[packs]\nextra_dirs = ["district-packs"]\n')
    assert main(["db", "migrate"]) == 2
    out = capsys.readouterr().out
    assert "12 packs loaded" in out
    assert "eco.toml:1: [pack]: missing required field 'title'" in out


def test_an_extra_dir_that_is_not_there_is_a_configuration_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path, '[packs]\nextra_dirs = ["no-such-folder"]\n')
    assert main(["packs", "list"]) == 2
    line = one_line(capsys.readouterr().err)
    assert "[packs] extra_dirs" in line and "no-such-folder is not a folder" in line


def test_each_shipped_pack_sits_at_the_path_its_id_names() -> None:
    # The shipped pack that owns an id is found by its path (shipped_owners): keep them equal.
    import tomllib

    for path in pack_files([PACKS_DIR]):
        pack_id = tomllib.loads(path.read_text(encoding="utf-8"))["pack"]["id"]
        assert pack_id == f"{path.parent.name}.{path.stem}", path
