"""A teacher's pack with English definitions only: the upload says once, in her language, how
many words her level 1-2 students will read with no definition in their language (a
coordinator's class: Carlos, level 2, read "raíz / root" and no meaning)."""

from __future__ import annotations

from tests.harness import TEACHER_ID, Chat, enrol_student, texts

ROOTS = ("term,pos,tier,definition,example,es_term,es_definition,vi_term,vi_definition\n"
         "root,noun,2,The part of a plant under the ground.,A root drinks water.,raíz,,"
         "rễ,Phần của cây ở dưới đất.\n"
         "stem,noun,2,The part of a plant that holds it up.,The stem is green.,tallo,,thân,\n"
         "leaf,noun,2,The flat green part of a plant.,A leaf fell.,hoja,Parte verde y plana.,"
         "lá,Phần xanh và dẹt của cây.\n")


async def upload(chat: Chat, lang: str) -> str:
    chat.api.uploads["f1"] = ROOTS.encode()
    teacher = chat.user(TEACHER_ID, "Lan", lang)
    return texts(await chat.process(chat.factory.document(teacher, "f1", "Plants.csv",
                                                          len(ROOTS)))).strip()


async def test_the_upload_counts_words_her_newcomers_will_read_with_no_definition(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Carlos", "es", level=2)
    enrol_student(chat.db, chat.clock(), 1002, "Minh", "vi", level=1)
    reply = await upload(chat, "vi")
    line = ("⚠️ Học sinh trình độ 1-2 đọc tiếng Tây Ban Nha, tiếng Việt sẽ không thấy định "
            "nghĩa bằng ngôn ngữ của mình cho 2 từ: thẻ sẽ hiện định nghĩa tiếng Anh thay thế.")
    assert line in reply.split("\n"), reply
    assert reply.count("định nghĩa bằng") == 1  # once, not a line per language
    assert "es_definition" not in reply and "vi_definition" not in reply


async def test_an_english_reading_teacher_is_told_of_her_spanish_newcomers_only(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Carlos", "es", level=2)
    reply = await upload(chat, "en")
    assert "⚠️ Level 1-2 students who read Spanish will see no definition in their language " \
        "for 2 words: their cards give the English definition instead." in reply.split("\n"), reply
    assert "es_definition" not in reply  # said once, not again as a column to add


async def test_the_upload_answer_is_two_messages_what_was_saved_and_what_to_fix(
        chat: Chat) -> None:
    enrol_student(chat.db, chat.clock(), 1001, "Carlos", "es", level=2)
    chat.api.uploads["f1"] = ROOTS.encode()
    teacher = chat.user(TEACHER_ID, "Lan", "en")
    sent = [c for c in await chat.process(chat.factory.document(teacher, "f1", "Plants.csv",
                                                                len(ROOTS)))
            if c.method == "sendMessage"]
    assert len(sent) == 2, [c.text for c in sent]
    assert "⚠️ Level 1-2 students who read Spanish" in sent[1].text
    assert "Check quality" in sent[1].text
