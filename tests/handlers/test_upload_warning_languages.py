"""After an upload, the gloss warnings name only the languages her students read (playtest: a
district file with 12 language columns got a warning for each, "your Arabic students" to a
teacher with none, and her Spanish line was lost among them); the file's other languages get
one line. A TOML file's hints name its keys, a CSV's its columns."""

from __future__ import annotations

import pytest

from bot.domain.language import SUPPORTED_UI
from bot.presentation import pack_views
from bot.presentation.i18n import Catalog
from bot.services.packs import PackQuality
from tests.harness import TEACHER_ID, Chat, enrol_student, texts

LANGS = ("es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar", "ko", "ru", "tl")
HEAD = "term,pos,tier,definition,example," + ",".join(f"{c}_term,{c}_definition" for c in LANGS)


def row(term: str, full: bool) -> str:
    """es, ht, vi, ko complete; fr, so, zh, ru a term only; pt, hmn, ar, tl nothing (unless
    `full`)."""
    cells: list[str] = []
    for index, code in enumerate(LANGS):
        if full or index % 3 == 0:
            cells += [f"{term}-{code}", f"def {code}"]
        else:
            cells += [f"{term}-{code}", ""] if index % 3 == 1 else ["", ""]
    return f"{term},noun,2,The part of a plant.,A {term} is here.," + ",".join(cells)


DISTRICT = "\n".join([HEAD, row("root", False), row("stem", False), row("leaf", True)]) + "\n"

TOML = """[pack]
id = "science.plants"
title = "Plants"
subject = "science"
grades = [3, 5]

[[words]]
term = "root"
pos = "noun"
tier = 2
definition = "The part of a plant under the ground."
example = "A root drinks water."
[words.glosses]
ar = { term = "جذر" }

[[words]]
term = "stem"
pos = "noun"
tier = 2
definition = "The part of a plant that holds it up."
example = "The stem is green."
[words.glosses]
es = { term = "tallo", definition = "Parte que sostiene la planta." }
"""


async def upload(chat: Chat, name: str, content: str) -> str:
    chat.api.uploads["f1"] = content.encode()
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    return texts(await chat.process(chat.factory.document(teacher, "f1", name,
                                                          len(content.encode()))))


async def test_only_her_students_languages_are_named_and_the_rest_is_one_line(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Carlos", "es", level=3)
    enrol_student(chat.db, chat.clock(), 1002, "Yuki", "so", level=4)
    reply = await upload(chat, "Plants.csv", DISTRICT)
    assert "⚠️ Level 1-2 students who read Somali will see no definition in their language " \
        "for 2 words: their cards give the English definition instead." in reply.split("\n")
    for other in ("Arabic", "French", "Hmong", "Portuguese", "Russian", "Tagalog", "Chinese"):
        assert f"⚠️ {other}" not in reply
    assert ("ℹ️ The file's other languages (Arabic, French, Hmong, Portuguese, Russian, Tagalog, "
            "Chinese): 2 words without a term or a definition in one of them. No student of "
            "your classes reads them yet.") in reply.split("\n"), reply


async def test_a_toml_upload_hints_at_its_keys_not_at_columns(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Amira", "ar", level=4)
    enrol_student(chat.db, chat.clock(), 1002, "Dmitri", "ru", level=4)
    reply = await upload(chat, "plants.toml", TOML)
    lines = reply.split("\n")
    assert "⚠️ Arabic: these words have no <code>glosses.ar.term</code>, and the school's " \
        "translator has no machine translation for Arabic, so your Arabic students will see " \
        "them in English only: stem" in lines, reply
    assert "Add <code>glosses.ru.term</code> and <code>glosses.ru.definition</code> fields" \
        in reply, reply
    assert "_term" not in reply and "_definition" not in reply
    assert "2 words have no cloze sentence (add <code>cloze = \"…\"</code> to the word)" \
        in reply, reply
    assert "column" not in reply
    assert "ℹ️ The file's other languages (Spanish): 1 word without a term or a definition in " \
        "one of them. No student of your classes reads them yet." in lines  # none of hers


def test_a_gloss_without_definition_is_hinted_in_the_files_shape(catalog: Catalog) -> None:
    quality = PackQuality(0, 10, 0, (), {"ar": ("root",), "ko": ("stem",)})
    for spreadsheet, hint in ((True, "<code>ar_term</code> but no <code>ar_definition</code>"),
                              (False, "<code>glosses.ar.term</code> but no "
                                      "<code>glosses.ar.definition</code>")):
        [warning] = pack_views.upload_warnings(
            catalog, "en", [], ["ar", "ko"], quality,
            readers=pack_views.UploadReaders(["ar"], None, spreadsheet))
        assert warning == f"⚠️ Arabic: these words have {hint}, so their cards give no Arabic " \
            "definition: root"  # and Korean, which none of hers reads, is not named


@pytest.mark.parametrize("lang", sorted(SUPPORTED_UI))
def test_the_check_quality_hints_name_the_files_own_shape_in_every_language(
        catalog: Catalog, lang: str) -> None:
    """A TOML file's cloze hints name its `cloze` key and a list of sentences, a CSV's its
    `cloze` and `cloze2` columns, in all 13 languages."""
    shown = {}
    for spreadsheet in (True, False):
        readers = pack_views.UploadReaders(None, None, spreadsheet)
        shown[spreadsheet] = [str(warning) for quality in (
            PackQuality(3, 40, 2, ("echo",), one_cloze=2), PackQuality(3, 40, 0, ()))
            for warning in pack_views.upload_warnings(catalog, lang, [], [], quality,
                                                      readers=readers)]
    assert len(shown[True]) == len(shown[False]) == 3
    assert "<code>cloze2</code>" in shown[True][1]
    assert all("cloze2" not in w and '<code>cloze = "…"</code>' in w
               for w in (shown[False][0], shown[False][2]))
    assert '<code>cloze = ["…", "…"]</code>' in shown[False][1]
