"""Numbered schema migrations for the mastery store (sqlite-utils' Migrations helper).

Each era module registers its migrations on the one set in `registry` as it is imported, so the
order of the imports below is the order the migrations run in: keep it by number.
"""

from __future__ import annotations

from bot.store.schema import m0001_initial, m0002_m0020, m0021_onward
from bot.store.schema.registry import migrations
from bot.store.schema.renamed import RENAMED, adopt_renamed

__all__ = ["RENAMED", "adopt_renamed", "m0001_initial", "m0002_m0020", "m0021_onward",
           "migrations"]
