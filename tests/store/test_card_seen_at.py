"""Migration 0043: a word's card's latest showing, beside its first (shown_at)."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from bot.domain.mastery import new_mastery
from bot.store import study
from tests.clock import START


def test_every_showing_of_a_card_is_its_latest_and_the_first_stays_the_first() -> None:
    from bot.store.schema import migrations

    db = Database(memory=True)
    migrations.apply(db)
    db.execute("PRAGMA foreign_keys = OFF")  # one mastery row, no student or pack needed
    study.save_mastery(db, 1001, 7, new_mastery(7, START), START)
    study.mark_shown(db, 1001, [7], START)
    study.mark_shown(db, 1001, [7], START + timedelta(days=3))
    state = study.get_mastery(db, 1001, 7)
    assert state is not None
    assert state.shown_at == START and state.card_seen_at == START + timedelta(days=3)
