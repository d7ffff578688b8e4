"""A pack file's problems read in the teacher's language where the validator knows what each
says (field names and values stay as typed in the file); the rest stay English (playtest 11
finding 11: "word 1 (evaporation): pos 'danh từ' is not one of ..." inside a Vietnamese reply)."""

from __future__ import annotations

import pytest

from bot.domain.pack_csv import parse_csv_pack
from bot.domain.packs import PackError
from bot.presentation.i18n import Catalog, escape
from bot.presentation.pack_views import problem_text
from tests.harness import TEACHER_ID, Chat, texts

HEADER = "term,pos,tier,definition,example\n"
BAD = (HEADER + "evaporation,danh từ,3,When water changes into a gas.,Evaporation dries roads.\n"
       "condensation,noun,9,,We saw it on the glass.\n"
       + "runoff,noun,3," + "x" * 301 + ",Runoff fills the river.\n")


async def upload(chat: Chat, name: str, content: str, lang: str) -> str:
    file_id = f"f{len(chat.api.uploads) + 1}"
    chat.api.uploads[file_id] = content.encode()
    return texts(await chat.process(chat.factory.document(
        chat.user(TEACHER_ID, "Hoa", lang), file_id, name, len(content)))).strip()


async def test_a_vietnamese_teacher_reads_what_to_fix_in_vietnamese(chat: Chat) -> None:
    reply = await upload(chat, "Vong tuan hoan nuoc.csv", BAD, "vi")
    assert reply.split("\n") == [
        "Chưa có gì được thêm. Vui lòng sửa các lỗi sau rồi gửi lại tệp:",
        "Vong tuan hoan nuoc.csv:2: từ 1 (evaporation): pos 'danh từ' không phải là một trong "
        "các giá trị noun, verb, adjective, adverb, phrase",
        "Vong tuan hoan nuoc.csv:3: từ 2 (condensation): 'tier' phải là 1, 2 hoặc 3",
        "Vong tuan hoan nuoc.csv:3: từ 2 (condensation): thiếu trường bắt buộc 'definition'",
        "Vong tuan hoan nuoc.csv:3: từ 2 (condensation): câu ví dụ (example) phải dùng từ "
        "'condensation' như một từ nguyên vẹn",
        "Vong tuan hoan nuoc.csv:4: từ 3 (runoff): 'definition' dài 301 ký tự (tối đa 300)"]


async def test_missing_columns_are_named_in_spanish_with_their_english_names(
        chat: Chat) -> None:
    reply = await upload(chat, "Rocas.csv", "term,pos,definition\nrock,noun,A stone.\n", "es")
    assert "Rocas.csv:1: faltan columnas: tier, example" in reply


def test_every_problem_a_teacher_can_read_translated_says_the_same_in_english(
        catalog: Catalog) -> None:
    with pytest.raises(PackError) as bad:
        parse_csv_pack(BAD, "bad.csv", {"id": "t1.bad", "title": "Bad", "subject": "general",
                                        "grades": [3, 8]})
    with pytest.raises(PackError) as columns:
        parse_csv_pack("term\nrock\n", "cols.csv", {})
    problems = [*bad.value.problems, *columns.value.problems]
    assert {p.reason for p in problems} == {"bad-pos", "bad-tier", "missing-field",
                                            "example-term", "too-long", "missing-columns"}
    for problem in problems:
        assert problem_text(catalog, "en", problem) == escape(str(problem))


KINDS = ("term,pos,tier,definition,example,kind_of\n"
         "organism,noun,3,A living thing.,A tree is an organism.,\n"
         "consumer,noun,3,A living thing that eats others.,A fox is a consumer.,organism\n"
         "predator,noun,3,An animal that hunts others.,The predator waited.,consumr; organism\n")
HEAD = {"id": "t1.kinds", "title": "Kinds", "subject": "general", "grades": [3, 8]}


async def test_a_csv_kind_of_naming_no_word_of_the_pack_is_refused_on_its_line(
        chat: Chat, catalog: Catalog) -> None:
    """The CSV's optional kind_of column is checked as the TOML key is: a typo would let the
    broader word be a wrong option again, so the teacher is told which name, on which line,
    in her language, and nothing is added."""
    reply = await upload(chat, "Food web.csv", KINDS, "es")
    assert reply.split("\n") == [
        "No se agregó nada. Corrija estos problemas y envíe el archivo de nuevo:",
        "Food web.csv:4: palabra 3 (predator): 'kind_of' nombra 'consumr', que no es otra "
        "palabra de este paquete (escríbala como el term de esa palabra)"]
    with pytest.raises(PackError) as bad:
        parse_csv_pack(KINDS, "kinds.csv", HEAD)
    [problem] = bad.value.problems  # the same words in English
    assert problem_text(catalog, "en", problem) == escape(str(problem))


def test_a_csv_kind_of_cell_lists_the_pack_terms_a_word_is_a_kind_of() -> None:
    pack = parse_csv_pack(KINDS.replace("consumr; organism", "consumer | organism"),
                          "kinds.csv", HEAD)
    assert [w.kind_of for w in pack.words] == [(), ("organism",), ("consumer", "organism")]


def test_a_problem_in_a_gloss_says_which_language_in_every_language(catalog: Catalog) -> None:
    """Chaos playtest: the CLI said "word 1 (ecosystem) [es]: missing required field 'term'",
    the bot "word 1 (ecosystem): ..." (which of 12 glosses?)."""
    from bot.domain.pack_validation import parse_pack
    text = ('[pack]\nid = "t1.eco"\ntitle = "Eco"\nsubject = "science"\ngrades = [6, 8]\n'
            '[[words]]\nterm = "ecosystem"\npos = "noun"\ntier = 3\n'
            'definition = "Living things and their surroundings."\n'
            'example = "A pond is an ecosystem."\n'
            '[words.glosses]\nes = { definition = "Seres vivos y su entorno." }\n')
    with pytest.raises(PackError) as bad:
        parse_pack(text, "eco.toml")
    [problem] = bad.value.problems
    assert problem_text(catalog, "en", problem) == escape(str(problem))
    assert "word 1 (ecosystem) [es]: missing required field 'term'" in str(problem)
    assert "[es]" in problem_text(catalog, "es", problem)


async def test_a_french_teacher_is_told_of_html_in_a_gloss_and_reads_the_tag_itself(
        chat: Chat) -> None:
    """A tag in a pack would reach students as typed ("<b>eco</b>sistema"): refused, and the
    reply shows the tag escaped, in the teacher's language."""
    csv = ("term,pos,tier,definition,example,es_term\n"
           "ecosystem,noun,3,Living things in one place.,A pond is an ecosystem.,"
           "<b>eco</b>sistema\n")
    reply = await upload(chat, "Eco.csv", csv, "fr")
    assert reply.split("\n") == [
        "Rien n'a été ajouté. Veuillez corriger ces problèmes et renvoyer le fichier\u202f:",
        "Eco.csv:2: mot 1 (ecosystem)\u202f: 'es_term' contient du balisage &lt;b&gt;\u202f: "
        "écrivez du texte simple (les élèves verraient les balises telles quelles)"]


async def test_a_form_of_the_term_is_explained_in_her_language_as_her_file_writes_forms(
        chat: Chat) -> None:
    """A coordinator's "word 2 (root): … it only appears inside "roots": … list it in forms"
    came in English inside a Vietnamese reply, with no word of how a CSV lists a form."""
    csv = HEADER + "root,noun,2,The part of a plant under the ground.,The roots drink water.\n"
    reply = await upload(chat, "Plants.csv", csv, "vi")
    assert reply.split("\n")[1] == (
        "Plants.csv:2: từ 1 (root): câu ví dụ (example) phải dùng từ 'root' như một từ nguyên "
        "vẹn; nó chỉ xuất hiện bên trong roots. Nếu đó là một dạng của 'root', hãy viết vào cột "
        "<code>forms</code> của dòng đó: <code>roots</code>"), reply
    toml = ('[pack]\nid = "t9001.plants"\ntitle = "Plants"\nsubject = "science"\n'
            'grades = [3, 5]\n[[words]]\nterm = "root"\npos = "noun"\ntier = 2\n'
            'definition = "The part of a plant under the ground."\n'
            'example = "The roots drink water."\n')
    reply = await upload(chat, "Plants.toml", toml, "en")
    assert "If that is a form of 'root', add <code>forms = [\"roots\"]</code> to " \
        "the word" in reply, reply
    assert "column" not in reply
