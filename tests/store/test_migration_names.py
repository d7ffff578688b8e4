"""Migration names: tidy numbering, and stores from before the renumbering upgrade untouched."""

from __future__ import annotations

import re
from pathlib import Path

from sqlite_utils import Database, Migrations

from bot.services.packs import load_packs
from bot.store import migrate, open_store, schema
from bot.store.packs import pack_words
from tests.harness import save_pack_as_before

# The names and order the migrations shipped under before the renumbering, as schools' stores
# recorded them.
OLD_NAMES = [
    ("0001_initial", schema.m0001_initial.initial),
    ("0002_co_teachers_and_invite_expiry", schema.m0002_m0020.co_teachers),
    ("0003_outbox_leases", schema.m0002_m0020.outbox_leases),
    ("0004_voice_clips", schema.m0002_m0020.voice_clips),
    ("0004_word_cloze_and_forms", schema.m0002_m0020.word_cloze_and_forms),
    ("0006_family_messages", schema.m0002_m0020.family_messages),
    ("0005_mastery_evidence", schema.m0002_m0020.mastery_evidence),
    ("0007_settings", schema.m0002_m0020.settings),
    ("0008_word_simple_definition", schema.m0002_m0020.word_simple_definition),
]
NEW_NAMES = [m.name for m in schema.migrations._migrations]
RENUMBERED = NEW_NAMES[:len(OLD_NAMES)]  # the old names' migrations, under their new names
LATER = NEW_NAMES[len(OLD_NAMES):]  # added since: an old store applies them on opening


def _old_store(path: Path, *, stop_before: str | None = None) -> Database:
    """A store as the release before the renumbering left it (optionally not fully migrated)."""
    old = Migrations(schema.migrations.name)
    for name, fn in OLD_NAMES:
        old(name=name)(fn)
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    old.apply(db, stop_before=stop_before)
    return db


def _recorded(db: Database) -> list[tuple[str, str]]:
    return db.execute("SELECT name, applied_at FROM _sqlite_migrations ORDER BY rowid").fetchall()


def test_migration_names_are_unique_and_numbered_in_the_order_they_run() -> None:
    numbers = [int(re.match(r"(\d{4})_[a-z0-9_]+$", name)[1]) for name in NEW_NAMES]
    assert len(set(NEW_NAMES)) == len(NEW_NAMES)
    assert numbers == sorted(set(numbers))
    assert numbers[0] == 1


def test_old_names_are_never_reused_and_each_maps_to_a_migration() -> None:
    assert not set(schema.RENAMED) & set(NEW_NAMES)
    assert set(schema.RENAMED.values()) <= set(NEW_NAMES)
    assert [name for name, _ in OLD_NAMES] == [
        next((old for old, new in schema.RENAMED.items() if new == name), name)
        for name in RENUMBERED]


def _schema(db: Database) -> set[tuple[str, str]]:
    """Every table's columns and every index, by name: what a later migration may only add to
    (an added column rewrites its table's CREATE statement, so the SQL text is not compared)."""
    objects = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                         ).fetchall()
    return {(name, column[1]) for kind, name in objects if kind == "table"
            for column in db.execute(f"PRAGMA table_info('{name}')").fetchall()} | {
        (name, kind) for kind, name in objects if kind != "table"}


def test_a_new_store_applies_every_migration_once(tmp_path: Path) -> None:
    db = open_store(tmp_path / "puente.db")
    assert [name for name, _ in _recorded(db)] == NEW_NAMES
    assert migrate(db) == []


def test_a_store_from_before_the_renumbering_keeps_its_data_and_reruns_nothing(
        tmp_path: Path) -> None:
    db = _old_store(tmp_path / "puente.db")
    pack = load_packs().packs[0]
    save_pack_as_before(db, pack)
    db["settings"].insert({"key": "shipped_packs", "value": "v1"})
    words = db.execute("SELECT id, term FROM words WHERE pack_id = ? ORDER BY position",
                       [pack.id]).fetchall()
    schema_before = _schema(db)
    applied_at = [when for _, when in _recorded(db)]
    db.close()

    # Re-running any of them would fail outright: each ALTER TABLE ADD COLUMN exists already.
    db = open_store(tmp_path / "puente.db")

    kept = list(zip(RENUMBERED, applied_at, strict=True))
    assert _recorded(db)[:len(kept)] == kept
    assert [name for name, _ in _recorded(db)[len(kept):]] == LATER
    schema_after = _schema(db)
    assert set(schema_before) <= set(schema_after)  # later migrations only add to it
    assert [(w.id, w.word.term) for w in pack_words(db, pack.id)] == words
    assert db["settings"].get("shipped_packs")["value"] == "v1"
    assert migrate(db) == []
    assert _recorded(db)[:len(kept)] == kept


def test_a_half_migrated_old_store_applies_only_what_it_lacks(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "puente.db", stop_before="0005_mastery_evidence")
    db.close()
    db = open_store(tmp_path / "puente.db", apply_migrations=False)

    assert migrate(db) == ["0007_mastery_evidence", "0008_settings",
                           "0009_word_simple_definition", *LATER]
    assert [name for name, _ in _recorded(db)] == NEW_NAMES
    assert "first_seen" in db["mastery"].columns_dict
    assert migrate(db) == []


def test_renaming_twice_changes_nothing(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "puente.db")
    assert schema.adopt_renamed(db) == list(schema.RENAMED)
    recorded = _recorded(db)
    assert schema.adopt_renamed(db) == []
    assert _recorded(db) == recorded
