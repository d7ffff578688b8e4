"""A Hmong grandfather typed "How can I help her?" in Hmong (no /ask): he was offered only
Send or Don't send, and the teacher read "No English translation: this computer has no Hmong
model". Words no model translates are offered with the ready-made messages beside Send (they
reach the teacher in English), and one of them asks how to help at home (playtest)."""

from __future__ import annotations

from bot.presentation import callbacks
from tests.clock import START
from tests.families import link, rivera
from tests.harness import Chat, buttons, enrol_student, texts

PAJ, TXIV = 1001, 2001
OWN_NOT_SENT = "Cov lus uas koj sau koj tus kheej tsis tau xa mus."
QUESTION = "Nyob zoo xib fwb. Kuv nyeem tsis tau lus Askiv. Kuv yuav pab nws li cas?"


async def test_words_no_model_translates_are_offered_with_the_ready_made_messages(
        chat: Chat) -> None:
    enrol_student(chat.db, START, PAJ, "Paj", "hmn")
    txiv = chat.user(TXIV, "Txiv", "hmn")
    await link(chat, rivera(chat), "Paj", txiv)
    offer = await chat.send(txiv, QUESTION)
    assert texts(offer).endswith("Los sis nias 📝: ib tsab lus npaj tseg yuav mus txog tus xib "
                                 "fwb ua lus Askiv.")
    labels = [label for label, _ in buttons(offer)]
    assert labels == ["✉️ Xa qhov no rau tus xib fwb", "📝 Cov lus npaj tseg", "Tsis txhob xa"]
    listed = await chat.tap(txiv, callbacks.data(callbacks.FAMILY_NOTE))
    assert "🏠 Kuv pab tau li cas hauv tsev?" in [label for label, _ in buttons(listed)]
    shown = await chat.tap(txiv, callbacks.data(callbacks.FAMILY_NOTE, PAJ, "help"))
    assert "Kuv yuav pab Paj li cas hauv tsev?" in texts(shown)
    send = next(d for _, d in buttons(shown) if d.startswith(callbacks.FAMILY_NOTE_SEND))
    confirmed = texts(await chat.tap(txiv, send))
    # his own words went nowhere: he is told so, in the note's confirmation (re-playtest)
    assert OWN_NOT_SENT in confirmed
    relayed = [c for c in await chat.deliver() if c.chat_id == rivera(chat)["id"]][-1]
    assert "How can I help Paj at home?" in relayed.text
    # the teacher's ready-made reply that answers it comes first: how to help at home
    assert buttons([relayed])[0][0].startswith("💬 You can help")


async def test_a_family_whose_words_are_translated_is_not_pointed_to_the_notes(
        chat: Chat) -> None:
    enrol_student(chat.db, START, PAJ, "Ana", "en")
    mom = chat.user(TXIV, "Mom", "en")
    await link(chat, rivera(chat), "Ana", mom)
    offer = await chat.send(mom, "How can I help her with reading at home?")
    assert "📝" not in texts(offer)
    assert all(not d.startswith(callbacks.FAMILY_NOTE) for _, d in buttons(offer))


def test_every_language_says_how_to_help_at_home_and_never_homework_in_hmong(
        catalog: object) -> None:
    for lang, messages in catalog.messages.items():  # type: ignore[attr-defined]
        assert "{name}" in messages["family-note-help"], lang
        assert messages["family-note-label-help"].startswith("🏠 "), lang
    hmong = catalog.messages["hmn"]  # type: ignore[attr-defined]
    assert "homework" not in hmong["family-note-homework"]
    assert "homework" not in hmong["family-note-label-homework"]


async def test_after_i_cannot_read_english_the_family_is_told_what_answer_comes(
        chat: Chat) -> None:
    # "The answer will come here, as the teacher writes it" sounded like more English to a
    # grandfather who reads a little Hmong (playtest): what comes in Hmong is said plainly
    enrol_student(chat.db, START, PAJ, "Paj", "hmn")
    txiv = chat.user(TXIV, "Txiv", "hmn")
    await link(chat, rivera(chat), "Paj", txiv)
    sent = texts(await chat.tap(txiv, callbacks.data(callbacks.FAMILY_NOTE_SEND, PAJ,
                                                     "cannot-read")))
    assert "Cov lus teb yuav los ntawm no: cov lus teb npaj tseg ua lus Hmoob, cov lus teb tus " \
        "xib fwb sau ua lus Askiv. Koj thov tau lub tsev kawm ntawv kom muab ib tug neeg txhais " \
        "lus." in sent
    assert "raws li tus xib fwb sau" not in sent
    assert OWN_NOT_SENT not in sent  # he wrote nothing of his own
