"""Migration 0035 (family languages): a family member's chosen language is kept per Telegram
user, so it outlives their links; a store from before keeps every choice already made."""

from __future__ import annotations

from bot.store import erase, families, schema
from tests.harness import store_before

MOM, DAD, GRANDMA = 2001, 2002, 2003


def test_choices_made_on_links_before_the_migration_are_kept_per_person() -> None:
    db, _ = store_before("0035_family_languages")
    db.execute("INSERT INTO students (id, first_name, created_at) VALUES (2, 'Ben', 'x')")
    for telegram_id, student_id, language in (
        (MOM, 1, None),
        (MOM, 2, "so"),
        (DAD, 1, "hmn"),
        (GRANDMA, 1, None),
    ):
        db.execute(
            "INSERT INTO families (telegram_id, student_id, language, linked_at) "
            "VALUES (?, ?, ?, 'x')",
            [telegram_id, student_id, language],
        )

    schema.migrations.apply(db)

    assert families.family_language(db, MOM) == "so"  # chosen on her second child's link
    assert families.family_language(db, DAD) == "hmn"
    assert families.family_language(db, GRANDMA) is None  # never chose


def test_an_unlinked_family_member_keeps_their_language_until_they_delete_their_data() -> None:
    db, _ = store_before("0035_family_languages")
    schema.migrations.apply(db)
    db.execute(
        "INSERT INTO families (telegram_id, student_id, linked_at) VALUES (?, 1, 'x')", [MOM]
    )
    families.set_language(db, MOM, "so")
    db.execute("DELETE FROM families WHERE telegram_id = ?", [MOM])  # a teacher unlinked her

    assert families.family_language(db, MOM) == "so"
    assert families.known_language(db, MOM) == "so"
    assert families.was_family(db, MOM)
    erase.erase_person(db, MOM)
    assert families.family_language(db, MOM) is None
    assert not families.was_family(db, MOM)
