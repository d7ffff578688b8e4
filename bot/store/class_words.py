"""Which words belong to a class: its pack's, and every word pushed to it. A class's views count
only these, so a student in two classes never shows one class's words in the other's report.

A word in both classes' packs (or pushed to both) belongs to both, and counts in each.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from bot.domain.packs import DEFAULT_PACK, PACK_ID


def class_words_cte(classes: str = "SELECT value FROM json_each(:classes)") -> str:
    """A common table expression, `class_words(class_id, word_id)`, over the classes whose ids
    `classes` selects (by default those in the JSON list `:classes`, see `scope`). A class made
    without a pack learns DEFAULT_PACK, as study does. Begin a query with `WITH {...}`."""
    assert PACK_ID.match(DEFAULT_PACK)  # a pack id never needs quoting, so it goes in as text
    return ("class_words(class_id, word_id) AS ("
            "SELECT c.id, w.id FROM classes c "
            f"JOIN words w ON w.pack_id = coalesce(c.pack_id, '{DEFAULT_PACK}') "
            f"WHERE c.id IN ({classes}) "
            "UNION SELECT p.class_id, j.value FROM pushes p, json_each(p.word_ids) j "
            f"WHERE p.class_id IN ({classes}))")


CLASS_WORDS = class_words_cte()


def scope(class_ids: Iterable[int]) -> dict[str, Any]:
    """The parameters CLASS_WORDS takes, for these classes."""
    return {"classes": json.dumps(sorted(set(class_ids)))}


def class_word_ids(db: Database, class_ids: Iterable[int]) -> dict[int, set[int]]:
    """Each of these classes' word ids, by class id (a class with no words is left out)."""
    found: dict[int, set[int]] = {}
    for class_id, word_id in db.execute(
            f"WITH {CLASS_WORDS} SELECT class_id, word_id FROM class_words",
            scope(class_ids)).fetchall():
        found.setdefault(class_id, set()).add(word_id)
    return found
