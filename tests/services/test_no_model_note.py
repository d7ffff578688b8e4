"""The note a student reads when her message goes to her teacher untranslated: at levels 1-2
she may write in her own language (an 8-year-old newcomer was asked for "a few short words in
English", Mandarin playtest); from level 3 a few English words help."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.presentation.i18n import Catalog
from bot.services import askers, relays
from bot.store import people
from tests.clock import START
from tests.harness import enrol_student


@pytest.mark.parametrize(("level", "key"), [(1, "student-no-model-note-beginner"),
                                            (2, "student-no-model-note-beginner"),
                                            (3, "student-no-model-note")])
def test_the_note_lets_a_newcomer_write_in_her_language(
        db: Database, school_class: people.ClassInfo, level: int, key: str) -> None:
    enrol_student(db, START, lang="zh", level=level, name="Lin")
    who = askers.asker(db, 1001)
    assert who is not None
    assert relays.no_model_note_key(db, who) == key


def test_the_chinese_newcomer_note_says_she_may_write_chinese(catalog: Catalog) -> None:
    text = catalog.render("student-no-model-note-beginner", "zh", language="中文")
    assert "你可以用中文写" in text and "英文单词" not in text
    assert "这台电脑" not in text and "学校的翻译工具" in text
