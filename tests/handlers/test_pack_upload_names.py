"""A teacher's CSV pack named in her own language is taken, its id made from the file name and
the name kept as its title; the upload names the words left without a gloss in a language the
file gives glosses in, and leaves out a check-quality clause that has nothing to say
(playtest 11: "Vòng tuần hoàn nước.csv" was refused over the id Puente itself made from it)."""

from __future__ import annotations

import re

import pytest

from tests.harness import TEACHER_ID, Chat, enrol_student, texts

WATER = ("term,pos,tier,definition,example,vi_term,vi_definition,ar_term\n"
         "evaporation,noun,3,When water changes into a gas.,Evaporation dries the wet road.,"
         "sự bay hơi,Khi nước biến thành hơi.,تبخر\n"
         "condensation,noun,3,When gas cools and turns into liquid.,We saw condensation on the "
         "glass.,sự ngưng tụ,Khi hơi nước lạnh đi.,تكثف\n"
         "precipitation,noun,3,Water that falls from clouds as rain or snow.,The forecast shows "
         "heavy precipitation.,giáng thủy,Nước rơi từ mây xuống.,\n"
         "runoff,noun,3,Water that flows over the ground into rivers.,Runoff fills the river.,"
         "dòng chảy,Nước chảy trên mặt đất.,\n")


def teacher(chat: Chat, lang: str = "en") -> dict:
    return chat.user(TEACHER_ID, "Hoa", lang)


async def upload(chat: Chat, name: str, content: str = WATER, lang: str = "en") -> str:
    file_id = f"f{len(chat.api.uploads) + 1}"
    chat.api.uploads[file_id] = content.encode()
    return texts(await chat.process(chat.factory.document(teacher(chat, lang), file_id, name,
                                                          len(content)))).strip()


async def test_a_vietnamese_file_name_becomes_a_pack_id_and_stays_the_title(chat: Chat) -> None:
    reply = await upload(chat, "Vòng tuần hoàn nước.csv", lang="vi")
    assert reply.startswith("Gói <b>t9001.vong-tuan-hoan-nuoc</b> đã sẵn sàng với 4 từ. Gửi gói "
                            "bằng /push t9001.vong-tuan-hoan-nuoc"), reply
    assert "must look like" not in reply
    packs = texts(await chat.send(teacher(chat, "vi"), "/packs"))
    assert "<code>t9001.vong-tuan-hoan-nuoc</code> (4) Vòng tuần hoàn nước" in packs


@pytest.mark.parametrize(("name", "pack_id"), [
    ("Año 3 — señales.csv", "t9001.ano-3-senales"),
    ("Đất và đá.csv", "t9001.dat-va-da"),
    ("Ngữ văn ÔN TẬP.csv", "t9001.ngu-van-on-tap"),
])
async def test_accented_file_names_in_any_latin_language_make_readable_pack_ids(
        chat: Chat, name: str, pack_id: str) -> None:
    reply = await upload(chat, name)
    assert f"Your pack <b>{pack_id}</b> is ready with 4 words" in reply, reply
    assert f"<code>{pack_id}</code> (4) {name.removesuffix('.csv')}" in texts(
        await chat.send(teacher(chat), "/packs"))


async def test_a_file_name_with_no_latin_letters_gets_a_short_id_of_its_own(
        chat: Chat) -> None:
    first = await upload(chat, "دورة الماء.csv")
    other = await upload(chat, "الصخور.csv")
    ids = [re.search(r"<b>(t9001\.[a-z0-9-]+)</b>", reply)[1] for reply in (first, other)]
    assert all(re.fullmatch(r"t9001\.pack-[0-9a-f]{6}", i) for i in ids) and ids[0] != ids[1]
    again = await upload(chat, "دورة الماء.csv", WATER.rsplit("runoff", 1)[0])
    assert f"<b>{ids[0]}</b> is ready with 3 words" in again  # the same pack, replaced
    assert "Retired, because this file leaves it out: runoff" in again
    packs = texts(await chat.send(teacher(chat), "/packs"))
    assert f"<code>{ids[0]}</code> (3) دورة الماء" in packs
    assert f"<code>{ids[1]}</code> (4) الصخور" in packs


async def test_two_cyrillic_names_that_differ_only_in_letters_never_share_a_pack(
        chat: Chat) -> None:
    one, two = await upload(chat, "Слова 7А.csv"), await upload(chat, "Слова 7Б.csv")
    assert "Retired" not in two
    assert chat.db.execute("SELECT count(*) FROM packs WHERE owner_teacher_id = ?",
                           [TEACHER_ID]).fetchone()[0] == 2, (one, two)


async def test_words_with_no_gloss_in_a_language_of_the_file_are_named_at_upload(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Amira", "ar")  # her class reads Arabic
    reply = await upload(chat, "Water cycle.csv")
    assert ("⚠️ Arabic: these words have no <code>ar_term</code>, and the school's translator "
            "has no machine translation for Arabic, so your Arabic students will see them in "
            "English only: precipitation, runoff") in reply
    assert "Vietnamese" not in reply  # every word has its Vietnamese gloss


async def test_a_vietnamese_teacher_reads_which_words_lack_an_arabic_gloss(chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Amira", "ar")
    reply = await upload(chat, "Water cycle.csv", lang="vi")
    assert ("⚠️ Tiếng Ả Rập: các từ này không có <code>ar_term</code>, và công cụ dịch của nhà "
            "trường không có dịch máy sang tiếng Ả Rập, nên học sinh đọc tiếng Ả Rập sẽ chỉ thấy "
            "chúng bằng tiếng Anh: precipitation, runoff") in reply, reply


async def test_check_quality_says_nothing_of_give_aways_when_there_are_none(chat: Chat) -> None:
    reply = await upload(chat, "Water cycle.csv")
    assert ("Check quality: 4 words have no cloze sentence (add a <code>cloze</code> column) and "
            "get no fill-in-the-gap items.") in reply
    assert "give the answer away" not in reply and "(-)" not in reply


async def test_words_whose_simple_definition_repeats_the_definition_are_named_at_upload(
        chat: Chat) -> None:
    rows = WATER.splitlines()
    header = rows[0].replace("definition,example", "definition,simple,example", 1)
    same = rows[1].replace("gas.,", "gas.,When water changes into a gas.,", 1)
    simpler = rows[2].replace("liquid.,", "liquid.,Gas turns to water.,", 1)
    plain = [r.replace(".,", ".,,", 1) for r in rows[3:]]
    reply = await upload(chat, "Water cycle.csv", "\n".join([header, same, simpler, *plain]))
    assert ("Check quality: for evaporation, <code>simple</code> is the same as "
            "<code>definition</code>, so newcomers get no easier wording. Write a simpler one."
            ) in reply.split("\n"), reply  # condensation's is simpler: not named
    assert "<code>simple</code>" not in await upload(chat, "Water.csv")


async def test_a_language_no_student_of_hers_reads_is_one_line_not_a_warning(
        chat: Chat) -> None:
    reply = await upload(chat, "Water cycle.csv")  # a new class: no student, no language yet
    assert "⚠️ Arabic" not in reply
    assert ("ℹ️ The file's other languages (Arabic): 4 words without a term or a definition in "
            "one of them. No student of your classes reads them yet.") in reply, reply
