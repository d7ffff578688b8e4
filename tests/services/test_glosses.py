"""Glosses where no curated one exists, through the use cases: the translation memory fills
them (marked machine), a teacher's /gloss wins at once, and a push names what stays English."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.presentation.class_views import no_messages_lines
from bot.presentation.i18n import Catalog
from bot.services import glosses
from bot.store import people
from bot.translation.translator import Translator
from tests.clock import START
from tests.harness import TEACHER_ID

PACK = "general.academic-verbs"
UK = {"analyze": "аналізувати"}


class WordList:
    """An offline engine that knows one Ukrainian word and marks the rest (the tests'
    stand-in for Argos)."""

    name = "wordlist"

    def __init__(self) -> None:
        self.calls = 0

    def unavailable_reason(self, source: str, target: str) -> str | None:
        return None if (source, target) == ("en", "uk") else "no such model"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls += 1
        return [UK.get(text, f"[uk] {text}") for text in texts]


def analyze(db: Database) -> glosses.WordRef:
    return next(r for r in glosses.pack_refs(db, [PACK]) if r.word.term == "analyze")


@pytest.fixture
def translator(db: Database, tmp_path: Path) -> Translator:
    return Translator(db, TranslationConfig(True, tmp_path), engine=WordList())


def test_a_gloss_filled_from_the_memory_is_marked_machine(
        db: Database, translator: Translator) -> None:
    ref = analyze(db)
    assert "uk" not in ref.word.glosses  # no curated Ukrainian: the case this is for
    assert glosses.complete_glosses(db, [ref], "uk") == [ref]  # nothing remembered yet
    report = glosses.prepare(db, translator, [ref], ["uk"])
    assert [(r.lang, r.translated, r.missing) for r in report] == [("uk", 1, 0)]
    [filled] = glosses.complete_glosses(db, [ref], "uk")
    gloss = filled.word.glosses["uk"]
    assert (gloss.term, gloss.machine) == ("аналізувати", True)


def test_preparing_twice_calls_the_engine_once(db: Database, translator: Translator) -> None:
    ref = analyze(db)
    glosses.prepare(db, translator, [ref], ["uk"])
    again = glosses.prepare(db, translator, [ref], ["uk"])
    assert [(r.remembered, r.translated) for r in again] == [(1, 0)]
    assert isinstance(translator.engine, WordList) and translator.engine.calls == 1


def test_a_teachers_gloss_replaces_a_curated_one_at_once_and_is_not_machine(
        db: Database, school_class: people.ClassInfo) -> None:
    ref = analyze(db)
    curated = ref.word.glosses["es"].term
    term, lang = glosses.teacher_gloss(db, TEACHER_ID, "Analyze es examinar a fondo", START)
    assert (term, lang) == ("analyze", "es")
    [shown] = glosses.complete_glosses(db, [ref], "es")
    assert shown.word.glosses["es"].term == "examinar a fondo" != curated
    assert shown.word.glosses["es"].machine is False


def test_a_teacher_gloss_in_traditional_chinese_is_kept_simplified(
        db: Database, school_class: people.ClassInfo) -> None:
    """Playtest: a Taiwanese aide's "/gloss analyze zh 分析：仔細檢查" reached a mainland
    student in Traditional; every reader gets it in her own script from the Simplified."""
    ref = analyze(db)
    glosses.teacher_gloss(db, TEACHER_ID, "analyze zh 分析：仔細檢查各個部分", START)
    [shown] = glosses.complete_glosses(db, [ref], "zh")
    assert shown.word.glosses["zh"].term == "分析：仔细检查各个部分"


@pytest.mark.parametrize(("text", "key"), [("analyze", "gloss-usage"),
                                           ("analyze es", "gloss-usage"),
                                           ("analyze en analyze", "gloss-usage"),
                                           ("photosynthesize es fotosintetizar",
                                            "gloss-unknown-word")])
def test_a_gloss_the_service_cannot_use_is_refused_with_the_reason(
        db: Database, school_class: people.ClassInfo, text: str, key: str) -> None:
    with pytest.raises(glosses.GlossError) as refused:
        glosses.teacher_gloss(db, TEACHER_ID, text, START)
    assert refused.value.prompt_key == key


def test_a_push_names_the_words_that_stay_english_for_a_language(db: Database) -> None:
    refs = glosses.pack_refs(db, [PACK])
    gaps = glosses.english_only(db, refs, ["es", "uk"], None)
    assert [(g.lang, g.missing, g.words) for g in gaps] == [("uk", len(refs), len(refs))]
    assert "analyze" in gaps[0].terms


def test_a_home_language_without_messages_says_whether_its_words_come_by_machine(
        db: Database, translator: Translator) -> None:
    assert glosses.no_messages("uk", translator) == glosses.NoMessages("uk", machine=True)
    assert glosses.no_messages("ti", translator) == glosses.NoMessages("ti", machine=False)
    assert glosses.no_messages("uk", None) == glosses.NoMessages("uk", machine=False)
    for spoken in ("es", "so", "en", None):  # Puente has messages in these (or none is chosen)
        assert glosses.no_messages(spoken, translator) is None


def test_the_teacher_reads_that_machine_translated_words_can_have_mistakes(
        db: Database, translator: Translator, catalog: Catalog) -> None:
    gap = glosses.no_messages("uk", translator)
    assert gap is not None
    [line] = no_messages_lines({1: gap}, {1: "Oksana"}, catalog, "en")
    assert line == ("🌐 Oksana · home language: Ukrainian. Puente has no messages in it yet, so "
                    "messages show in English; words come by machine translation, which can "
                    "have mistakes.")
