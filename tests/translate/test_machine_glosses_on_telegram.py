"""A teacher's pack without glosses reaches students with machine translations, marked."""

from __future__ import annotations

from pathlib import Path

from bot.config import TranslationConfig
from bot.translation.translator import ArgosEngine, Translator
from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

CSV = ("term,pos,tier,definition,example\n"
       "water,noun,3,The clear liquid that falls as rain.,The cat needs water.\n")


async def test_teacher_pack_is_machine_translated_and_marked(chat: Chat, engine: ArgosEngine,
                                                             argos_dir: Path) -> None:
    services = chat.app.bot_data.services
    services.translator = Translator(chat.db, TranslationConfig(True, argos_dir), engine=engine)
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"), level=2)
    await join_and_confirm(chat, chat.user(1002, "Minh", "vi"), lang="vi", level=2)
    chat.api.uploads["pack"] = CSV.encode()
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    reply = texts(await chat.process(chat.factory.document(teacher, "pack", "Water.csv",
                                                           len(CSV))))
    assert "\n1 missing gloss was filled by machine translation.\n" in reply  # es only
    await chat.send(teacher, "/push t9001.water water")
    await chat.deliver()
    spanish = next(c.text for c in chat.api.calls if c.chat_id == 1001 and "📘" in c.text)
    vietnamese = next(c.text for c in chat.api.calls if c.chat_id == 1002 and "📘" in c.text)
    assert "<b>agua</b> (traducción automática)" in spanish
    assert "agua" in spanish
    assert "machine" not in vietnamese and "water" in vietnamese
    engine_rows = chat.db.execute("SELECT count(*) FROM translations WHERE engine = 'argos'")
    assert engine_rows.fetchone()[0] == 2  # term and definition, once each
