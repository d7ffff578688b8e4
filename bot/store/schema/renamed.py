"""Migration names from before the renumbering, and rewriting them in an existing store."""

from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema.registry import migrations

# Names these migrations shipped under before they were renumbered (old -> new). A store records
# the name each migration was applied under, so without this it would run them again.
# Never reuse a name on the left for a new migration.
RENAMED: dict[str, str] = {
    "0004_word_cloze_and_forms": "0005_word_cloze_and_forms",
    "0005_mastery_evidence": "0007_mastery_evidence",
    "0007_settings": "0008_settings",
    "0008_word_simple_definition": "0009_word_simple_definition",
}


def adopt_renamed(db: Database) -> list[str]:
    """Rewrite recorded old migration names to their new ones; return the old names rewritten."""
    table = migrations.migrations_table
    if not db[table].exists():
        return []  # a new store: nothing recorded under any name
    where = "migration_set = ? AND name = ?"
    rewritten = []
    with db.atomic():  # all or nothing: a half-renamed store would re-run what it lacks
        for old, new in RENAMED.items():
            if not db.execute(f"SELECT 1 FROM [{table}] WHERE {where}", [migrations.name, old]
                              ).fetchone():
                continue
            if db.execute(f"SELECT 1 FROM [{table}] WHERE {where}", [migrations.name, new]
                          ).fetchone():
                # Both names recorded (by hand?): one row says it ran, and the index allows one.
                db.execute(f"DELETE FROM [{table}] WHERE {where}", [migrations.name, old])
            else:
                # UPDATE keeps the rowid, so the recorded order (and applied_at) stay as they were.
                db.execute(f"UPDATE [{table}] SET name = ? WHERE {where}",
                           [new, migrations.name, old])
            rewritten.append(old)
    return rewritten
