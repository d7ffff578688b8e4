"""A family on a shared phone keeps each child's thread apart, and hears when one child deletes
their data (playtest 11): a Haitian Creole mother and a Somali father, each linked to Woodly
(Ms. Rivera's Science 7B) and Nadia (Mr. Okafor's Math 6)."""

from __future__ import annotations

from tests.clock import START
from tests.families import (
    FATHER,
    MOTHER,
    NADIA,
    WOODLY,
    answered,
    answered_then_deleted,
    delete,
    link,
    okafor,
    rivera,
    shared_phone,
)
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    buttons,
    enrol_student,
    reply,
    texts,
    voice,
)
from tests.tables import cells_naming

NEWS = "Mèsi anpil, madam! Li fè devwa l chak swa."  # thanks, and news: a normal message


async def test_a_reply_to_a_teachers_answer_goes_to_that_childs_teacher_without_asking(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    said = await reply(chat, mother, NEWS, answer)
    assert buttons(said) == []  # no "which child?", no "shall I send it?"
    assert texts(said).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Woodly.")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [TEACHER_ID]  # Ms. Rivera, not Mr. Okafor
    assert NEWS in delivered[0].text and "<b>Woodly</b>" in delivered[0].text


async def test_an_answer_tells_the_family_a_plain_reply_reaches_the_teacher(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    read = next(c.text for c in chat.api.sent_to(MOTHER) if c.result_id == answer)
    assert read.endswith("\nPou reponn, jis reponn mesaj sa a, oswa voye /ask ak mesaj ou.")


async def test_a_reply_to_the_other_teachers_answer_goes_to_the_other_child(chat: Chat) -> None:
    mother = await shared_phone(chat)
    await answered(chat, mother, WOODLY, rivera(chat))
    answer = await answered(chat, mother, NADIA, okafor(chat))
    said = await reply(chat, mother, "Nadia ap li chak jou, mesye.", answer)
    assert texts(said).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Nadia.")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [MATH_TEACHER_ID]
    assert "<b>Nadia</b>" in delivered[0].text


async def test_a_voice_note_replying_to_an_answer_is_offered_for_that_child_alone(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    offered = await voice(chat, mother, reply_to=answer)
    assert texts(offered).startswith("🎤 Èske m voye mesaj vokal sa a bay pwofesè a?")
    assert buttons(offered) == [("✉️ Konsènan Woodly", "ak:1001"), ("Pa voye l", "ak:no")]
    told = [c for c in await chat.tap(mother, "ak:1001") if c.method == "sendMessage"]
    assert texts(told).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Woodly.")
    assert [(c.params["chat_id"], c.params["from_chat_id"]) for c in chat.api.calls
            if c.method == "copyMessage"] == [(TEACHER_ID, MOTHER)]  # Ms. Rivera alone


async def test_an_over_long_reply_to_an_answer_offers_its_beginning_for_that_child_alone(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    offered = await reply(chat, mother, "Mèsi anpil. " * 100, answer)
    assert texts(offered).startswith("Mesaj sa a twò long pou mwen (plis pase 1000 karaktè).")
    assert buttons(offered) == [("✉️ Konsènan Woodly", "ak:1001"), ("Pa voye l", "ak:no")]
    assert await chat.deliver() == []  # nothing before the tap
    await chat.tap(mother, "ak:1001")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [TEACHER_ID]
    assert "Mèsi anpil." in delivered[0].text and "<b>Woodly</b>" in delivered[0].text


def woodly_takes_math_too(chat: Chat) -> None:
    """Woodly joins Mr. Okafor's Math 6 as well: two teachers get what is written about him."""
    enrol_student(chat.db, START, WOODLY, "Woodly", "ht", code="MATHcode_456")


async def test_a_reply_to_one_teachers_answer_goes_to_that_teacher_alone(chat: Chat) -> None:
    mother = await shared_phone(chat)
    woodly_takes_math_too(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))  # asked both; Ms. Rivera answers
    said = await reply(chat, mother, NEWS, answer)
    assert texts(said).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Woodly.")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [TEACHER_ID]  # not Mr. Okafor as well
    assert NEWS in delivered[0].text
    await voice(chat, mother, reply_to=answer)  # a voice note, sent after its tap, as well
    await chat.tap(mother, "ak:1001")
    assert [c.params["chat_id"] for c in chat.api.calls if c.method == "copyMessage"] == \
        [TEACHER_ID]


async def test_a_reply_to_a_teacher_who_no_longer_teaches_the_child_goes_to_its_teachers(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    woodly_takes_math_too(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    remove = next(d for _, d in buttons(await chat.send(rivera(chat), "/remove Woodly"))
                  if d.startswith("rm:") and d != "rm:no")
    await chat.tap(rivera(chat), remove)  # Woodly leaves Science 7B
    said = await reply(chat, mother, NEWS, answer)
    assert texts(said).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Woodly.")
    assert [c.chat_id for c in await chat.deliver()] == [MATH_TEACHER_ID]  # his teacher now


async def test_a_message_that_replies_to_no_answer_still_asks_which_child(chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    plain = await chat.send(mother, "Èske gen devwa demen?")
    # 📝 ("fn"): no model reads Kreyòl here, a ready-made message reaches them in English
    assert [d for _, d in buttons(plain)] == ["ak:1002", "ak:1001", "fn", "ak:no"]
    assert "✉️ Konsènan Woodly" in [label for label, _ in buttons(plain)]
    elsewhere = await reply(chat, mother, "Èske gen devwa demen?", answer + 100)
    assert [d for _, d in buttons(elsewhere)] == ["ak:1002", "ak:1001", "fn", "ak:no"]
    assert [c for c in await chat.deliver() if c.chat_id in (TEACHER_ID, MATH_TEACHER_ID)] == []


async def test_after_an_unlink_a_reply_to_an_old_answer_says_so_and_goes_nowhere(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    answer = await answered(chat, mother, WOODLY, rivera(chat))
    listing = await chat.send(rivera(chat), "/families")
    await chat.tap(rivera(chat), next(d for _, d in buttons(listing) if d.startswith("fu:"))
                   + ":yes")  # the confirming tap: the mother is unlinked from Woodly only
    await chat.deliver()
    unlinked = ("ℹ️ Telefòn sa a pa konekte ak Woodly ankò, kidonk mesaj ou a pa t ale bay "
                "pwofesè a. Pou swiv aprantisaj Woodly ankò, mande lekòl la oswa pwofesè a "
                "yon nouvo lyen fanmi epi louvri l.")
    for said in (await reply(chat, mother, "Mèsi anpil, madam!", answer),
                 await reply(chat, mother, "Mèsi anpil. " * 100, answer),
                 await voice(chat, mother, reply_to=answer)):
        assert texts(said) == unlinked  # no "which child?", no offer to send it to Nadia's
    assert await chat.deliver() == []
    assert "copyMessage" not in [c.method for c in chat.api.calls]


# A child's /deleteme -------------------------------------------------------------------------

async def test_a_childs_deleteme_tells_each_family_member_and_the_teacher_once(
        chat: Chat) -> None:
    await shared_phone(chat)
    await delete(chat, WOODLY, "Woodly")
    # Nothing of Woodly is kept but the notes themselves, waiting in the outbox.
    assert {(table, column) for table, column, _ in cells_naming(chat.db, WOODLY, "Woodly")} \
        == {("outbox", "payload")}
    told = {c.chat_id: c.text for c in await chat.deliver()}
    assert told == {
        MOTHER: "ℹ️ Woodly efase done Puente li yo, kidonk ou pa konekte ak Woodly ankò, epi "
                "rapò sou Woodly yo ap kanpe. Mèsi paske ou te swiv aprantisaj Woodly. Si "
                "Woodly tounen, pwofesè a ka voye yon nouvo lyen ba ou.",
        FATHER: "ℹ️ Xogta Puente ee Woodly waa la tirtiray, sidaas darteed xiriirkaaga Woodly "
                "waa la joojiyay, warbixinnada ku saabsan Woodly way joogsanayaan. Waad ku "
                "mahadsan tahay inaad la socotay waxbarashada Woodly. Haddii Woodly mar kale "
                "ku soo biiro, macallinka waad ka codsan kartaa xiriir qoys oo cusub.",
        TEACHER_ID: "ℹ️ <b>Woodly</b> left <b>Science 7B</b> and deleted their Puente data.",
    }  # Mr. Okafor, Nadia's teacher, is not told: Woodly was never his student
    assert await chat.deliver() == []  # nothing twice
    assert cells_naming(chat.db, WOODLY, "Woodly") == []  # each note forgotten once sent


async def test_a_family_member_who_blocked_the_bot_holds_back_nobody_else(chat: Chat) -> None:
    await shared_phone(chat)
    chat.api.block(FATHER)
    await delete(chat, WOODLY, "Woodly")
    await chat.deliver()
    assert {c.chat_id for c in chat.api.calls if "Woodly" in c.text
            and c.method == "sendMessage"} >= {MOTHER, TEACHER_ID}
    assert chat.db.execute("SELECT status FROM outbox WHERE kind = 'goodbye' AND chat_id = ?",
                           [FATHER]).fetchall() == [("blocked",)]


async def test_after_one_childs_deleteme_a_parents_message_names_the_child_it_went_to(
        chat: Chat) -> None:
    mother, old_answer = await answered_then_deleted(chat)
    asked = await chat.send(mother, "/ask Èske Nadia gen devwa jodi a?")
    assert buttons(asked) == []  # one child left: nothing to ask
    assert texts(asked).startswith("Mesaj ou a sou wout pou pwofesè a, ki anseye Nadia.")
    assert [c.chat_id for c in await chat.deliver()] == [MATH_TEACHER_ID]
    # A reply to the answer about Woodly: that conversation ended, and nothing goes to Nadia's
    # teacher unless the mother says the message is about Nadia, on a button naming her.
    offered = await reply(chat, mother, "Èske Woodly ka retounen nan klas la?", old_answer)
    assert texts(offered).startswith(
        "ℹ️ Konvèsasyon sa a fini: pitit li te konsène a efase done Puente li yo, kidonk mesaj "
        "ou a pa t ale bay pwofesè sa a.\nMesaj ou a konsène ki pitit?")
    assert buttons(offered) == [("✉️ Konsènan Nadia", "ak:1002"), ("Pa voye l", "ak:no")]
    assert await chat.deliver() == []
    assert "Mesaj ou a sou wout pou pwofesè a, ki anseye Nadia." in texts(
        await chat.tap(mother, "ak:1002"))
    assert [c.chat_id for c in await chat.deliver()] == [MATH_TEACHER_ID]


async def test_a_reply_to_an_answer_about_a_deleted_child_is_not_sent_after_the_ask_either(
        chat: Chat) -> None:
    mother, old_answer = await answered_then_deleted(chat)
    await chat.send(mother, "/ask")
    offered = await reply(chat, mother, "Èske Woodly ka retounen?", old_answer)
    assert [d for _, d in buttons(offered)] == ["ak:1002", "ak:no"]
    assert await chat.deliver() == []


ENDED = ("ℹ️ Konvèsasyon sa a fini: pitit li te konsène a efase done Puente li yo, kidonk mesaj "
         "ou a pa t ale bay pwofesè sa a.")
FOR_NADIA = [("✉️ Konsènan Nadia", "ak:1002"), ("Pa voye l", "ak:no")]


def copied_to(chat: Chat) -> list[int]:
    """The teachers a voice note was copied to."""
    return [c.params["chat_id"] for c in chat.api.calls if c.method == "copyMessage"]


async def test_a_voice_note_replying_to_an_answer_about_a_deleted_child_says_it_ended_first(
        chat: Chat) -> None:
    mother, old_answer = await answered_then_deleted(chat)
    offered = await voice(chat, mother, reply_to=old_answer)
    assert texts(offered) == ENDED + ("\n🎤 Èske m voye mesaj vokal sa a bay pwofesè a? "
                                      "Pwofesè a ap tande l jan l ye a, san tradiksyon.")
    assert buttons(offered) == FOR_NADIA  # the child named, on a phone with one child left
    assert copied_to(chat) == []
    await chat.tap(mother, "ak:1002")
    assert copied_to(chat) == [MATH_TEACHER_ID]  # Nadia's teacher, once the mother says so


async def test_an_over_long_reply_about_a_deleted_child_says_it_ended_and_holds_its_beginning(
        chat: Chat) -> None:
    mother, old_answer = await answered_then_deleted(chat)
    long = "Èske Woodly ka retounen nan klas la? " * 40 + "FEN"
    offered = await reply(chat, mother, long, old_answer)
    assert texts(offered).startswith(
        ENDED + "\nMesaj sa a twò long pou mwen (plis pase 1000 karaktè).")
    assert buttons(offered) == FOR_NADIA
    assert await chat.deliver() == []
    await chat.tap(mother, "ak:1002")
    delivered = await chat.deliver()
    assert [c.chat_id for c in delivered] == [MATH_TEACHER_ID]
    assert "Èske Woodly ka retounen" in delivered[0].text and "FEN" not in delivered[0].text


async def test_a_voice_note_after_ask_replying_about_a_deleted_child_waits_for_a_tap(
        chat: Chat) -> None:
    mother, old_answer = await answered_then_deleted(chat)
    await chat.send(mother, "/ask")
    offered = await voice(chat, mother, reply_to=old_answer)
    assert texts(offered).startswith(ENDED + "\n🎤")
    assert buttons(offered) == FOR_NADIA
    assert copied_to(chat) == []  # not straight to Nadia's teacher without asking
    await chat.send(mother, "/ask")
    offered = await reply(chat, mother, "Èske Woodly ka retounen? " * 60 + "FEN", old_answer)
    assert texts(offered).startswith(ENDED + "\nMesaj sa a twò long pou mwen")
    await chat.tap(mother, "ak:1002")
    delivered = await chat.deliver()  # its beginning only, never all of it
    assert [c.chat_id for c in delivered] == [MATH_TEACHER_ID] and "FEN" not in delivered[0].text


async def test_the_ended_conversation_is_forgotten_with_the_parents_own_deleteme(
        chat: Chat) -> None:
    mother = await shared_phone(chat)
    await answered(chat, mother, WOODLY, rivera(chat))
    await delete(chat, WOODLY, "Woodly")
    assert chat.db.execute("SELECT asker_id FROM gone_answers").fetchall() == [(MOTHER,)]
    await chat.send(mother, "/deleteme")
    await chat.tap(mother, "dl:yes")
    assert chat.db["gone_answers"].count == 0


async def test_a_family_member_whose_only_child_deleted_their_data_is_told_how_to_link_again(
        chat: Chat) -> None:
    await shared_phone(chat)
    aunt = chat.user(2003, "Matant", "ht")
    await link(chat, rivera(chat), "Woodly", aunt)
    await delete(chat, WOODLY, "Woodly")
    await chat.deliver()
    for said in (await chat.send(aunt, "Bonjou madam, kijan Woodly ye?"),
                 await chat.send(aunt, "/ask Kijan Woodly ye?")):
        assert texts(said).startswith(
            "Telefòn sa a pa konekte ak okenn elèv ankò, kidonk sa ou ekri isit la pa rive jwenn "
            "okenn pwofesè. Pou swiv aprantisaj pitit ou ankò, mande lekòl la oswa pwofesè a yon "
            "nouvo lyen fanmi epi louvri l.")
        assert "/teach" not in texts(said)  # not the welcome for students and teachers
    stranger = await chat.send(chat.user(2009, "Moun", "ht"), "Bonjou")
    assert "/teach" in texts(stranger)  # someone who was never a family member: how to join
