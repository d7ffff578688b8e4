"""A pack's own problems (its id, grades, no words, a repeated term, an empty or broken file,
a file too big) read in the teacher's language, as a word's problems already did: a Vietnamese
teacher's /newpack reply was Vietnamese around English lines like "the pack has no [[words]]"."""

from __future__ import annotations

import pytest

from bot.domain.pack_csv import parse_csv_pack
from bot.domain.pack_validation import parse_pack
from bot.domain.packs import PackError, Problem
from bot.presentation.i18n import Catalog, escape
from bot.presentation.pack_views import problem_text
from bot.services.packs import MAX_PACK_BYTES
from tests.harness import TEACHER_ID, Chat, texts

HEAD = {"id": "t1.rocks", "title": "Rocks", "subject": "general", "grades": [3, 8]}
WORD = ('[[words]]\nterm = "rock"\npos = "noun"\ntier = 3\ndefinition = "A hard stone."\n'
        'example = "The rock is grey."\n')
BAD_HEAD = ('[pack]\nid = "Rocks"\ntitle = 7\nsubject = "geology"\ngrades = [3, 15]\n'
            'colour = "red"\n[extra]\n')


async def upload(chat: Chat, name: str, content: str, lang: str, size: int = 0) -> str:
    file_id = f"f{len(chat.api.uploads) + 1}"
    chat.api.uploads[file_id] = content.encode()
    return texts(await chat.process(chat.factory.document(
        chat.user(TEACHER_ID, "Hoa", lang), file_id, name, size or len(content)))).strip()


def problems_of(text: str, name: str) -> list[Problem]:
    with pytest.raises(PackError) as bad:
        if name.endswith(".csv"):
            parse_csv_pack(text, name, HEAD)
        else:
            parse_pack(text, name)
    return bad.value.problems


FILES = {  # a file -> the reasons its problems are said by
    "head.toml": (BAD_HEAD, {"unknown-top", "unknown-field", "bad-id", "not-text",
                             "bad-subject", "grades-range", "no-words"}),
    "nohead.toml": ("words = [1]\n", {"no-pack-table", "missing-field", "bad-grades",
                                    "not-table"}),
    "empty.toml": ("  \n", {"empty-toml"}),
    "broken.toml": ("[pack\n", {"not-toml"}),
    "blank.toml": ('[pack]\nid = ""\ntitle = "T"\nsubject = "math"\ngrades = [1, 2]\n' + WORD,
                   {"empty-field"}),
    "twice.csv": ("term,pos,tier,definition,example\n"
                  "rock,noun,3,A hard stone.,The rock is grey.\n"
                  "Rock,noun,3,A stone again.,A rock fell.\n", {"repeats-word"}),
    "empty.csv": ("", {"empty-csv"}),
    "comma.csv": ("term,pos,tier,definition,example,es_term\n"
                  "seed,noun,3,A part of a plant.,A seed needs water, sun and soil.,semilla\n",
                  {"crowded-row"}),
    "quote.csv": ('term,pos,tier,definition,example\nrock,noun,3,"A hard,,\n,,\n,,\n',
                  {"open-quote"}),
}


@pytest.mark.parametrize("name", FILES)
def test_a_pack_level_problem_is_said_in_the_readers_words_and_the_same_in_english(
        catalog: Catalog, name: str) -> None:
    """Each problem has a prompt (none is English-only any more), and the English prompt says
    exactly what the CLI prints, so the two never drift."""
    text, reasons = FILES[name]
    problems = problems_of(text, name)
    assert {p.reason for p in problems} == reasons
    for problem in problems:
        assert problem_text(catalog, "en", problem) == escape(str(problem))


def test_a_word_problem_before_its_term_is_read_is_translated_too(catalog: Catalog) -> None:
    [problem] = problems_of('[pack]\nid = "a.b"\ntitle = "T"\nsubject = "math"\n'
                            'grades = [1, 2]\n[[words]]\npos = "noun"\ntier = 3\n'
                            'definition = "A thing."\nexample = "A thing."\n', "x.toml")
    assert str(problem) == "x.toml:6: word 1: missing required field 'term'"
    assert problem_text(catalog, "es", problem) == \
        "x.toml:6: palabra 1: falta el campo obligatorio 'term'"


async def test_a_vietnamese_teacher_reads_the_packs_own_problems_in_vietnamese(
        chat: Chat) -> None:
    reply = await upload(chat, "rocks.toml", BAD_HEAD, "vi")
    assert reply.split("\n") == [
        "Chưa có gì được thêm. Vui lòng sửa các lỗi sau rồi gửi lại tệp:",
        "rocks.toml:1: tệp: trường không xác định 'extra'",
        "rocks.toml:6: [pack]: trường không xác định 'colour'",
        "rocks.toml:2: [pack]: id 'Rocks' phải có dạng 'mon.ten' (chữ thường, chữ số, "
        "dấu gạch ngang)",
        "rocks.toml:3: [pack]: 'title' phải là văn bản, không phải int",
        "rocks.toml:4: [pack]: môn học (subject) 'geology' không phải là một trong các giá trị "
        "general, math, science, social-studies, ela",
        "rocks.toml:5: [pack]: các lớp [3, 15] phải nằm trong K-12 (0-12), lớp thấp nhất trước",
        "rocks.toml:1: gói không có [[words]]"]


async def test_a_comma_inside_a_cell_is_one_vietnamese_line_for_its_row(chat: Chat) -> None:
    """Lan's row had 8 cells for 7 columns: it imported with "sun and soil to grow." as its
    Spanish gloss; a comma in a definition got "the example must use the term" instead."""
    reply = await upload(chat, "Hạt.csv", "term,pos,tier,definition,example,es_term,so_term\n"
                         "seed,noun,3,The part of a plant that grows.,A seed needs water, sun "
                         "and soil to grow.,semilla,abuur\n"
                         "leaf,noun,3,A green part, flat and thin.,A leaf fell.,hoja,caleen\n",
                         "vi")
    assert reply.split("\n") == [
        "Chưa có gì được thêm. Vui lòng sửa các lỗi sau rồi gửi lại tệp:",
        *(f"Hạt.csv:{n}: dòng {n} có nhiều ô (8) hơn dòng tiêu đề (7): có dấu phẩy bên trong "
          "một ô không? Hãy đặt ô đó trong \"dấu ngoặc kép\"" for n in (2, 3))]


async def test_a_repeated_term_is_named_in_spanish(chat: Chat) -> None:
    reply = await upload(chat, "Rocas.csv", FILES["twice.csv"][0], "es")
    assert "Rocas.csv:3: palabra 2 (Rock): repite la palabra 1" in reply
    assert "repeats" not in reply


async def test_a_file_that_is_not_utf8_is_refused_in_french(chat: Chat) -> None:
    file_id = "latin1"
    chat.api.uploads[file_id] = "term,pos\nété,noun\n".encode("latin-1")
    reply = texts(await chat.process(chat.factory.document(
        chat.user(TEACHER_ID, "Hoa", "fr"), file_id, "Mots.csv", 20))).strip()
    assert "Mots.csv:1: le fichier n’est pas du texte UTF-8" in reply.replace("'", "’")


@pytest.mark.parametrize("size", [MAX_PACK_BYTES + 1, 0])  # 0: Telegram did not say the size
async def test_a_pack_too_big_is_refused_in_the_teachers_language(chat: Chat,
                                                                  size: int) -> None:
    content = "term,pos,tier,definition,example\n" + "x" * MAX_PACK_BYTES
    reply = await upload(chat, "Huge.csv", content, "ht", size=size)
    assert "256 KB" in reply and "too big" not in reply
