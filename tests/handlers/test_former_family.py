"""A family member after the link ends (playtest): a Somali father with an English phone, once
unlinked by the teacher or after his child deleted their data, reaches no teacher with what he
writes, and nothing of him is kept, his Somali included (his child's deletion is told to him in
Somali first); linked again, he chooses it again. /stop is no dead end (/start brings the
updates back, and the teacher sees who stopped them)."""

from __future__ import annotations

from typing import Any

from bot.presentation import callbacks
from bot.services import family_updates
from tests.families import delete, unlink_first
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts, voice

FATHER = 2002
UNLINKED_SO = (
    "Taleefankan hadda laguma xirna arday, markaa waxaad halkan ku qorto ma gaaraan "
    "macallin. Si aad mar kale ula socoto waxbarashada ilmahaaga, dugsiga ama "
    "macallinka ka codso xiriir qoys oo cusub kadibna fur."
)
NOT_LINKED_SO = (
    "Taleefankan laguma xirin arday, markaa ma jiro war la tuso. Si aad ula socoto "
    "waxbarashada ilmahaaga, macallinka ka codso xiriir qoys oo cusub kadibna fur."
)


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def somali_father(chat: Chat) -> dict[str, Any]:
    """Ana in Science 7B; her father, whose phone is in English, links and chooses Somali."""
    await join_and_confirm(chat, chat.user(lang="es"))
    link = texts(await chat.send(rivera(chat), "/family Ana"))
    father = chat.user(FATHER, "Aabe", "en")
    await chat.send(father, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(father, callbacks.data(callbacks.FAMILY_LANG, "so"))
    await chat.deliver()
    return father


def teacher_messages(chat: Chat) -> int:
    return chat.db.execute(
        "SELECT count(*) FROM outbox WHERE chat_id = ?", [TEACHER_ID]
    ).fetchone()[0]


async def test_an_unlinked_father_who_writes_reaches_no_teacher_and_nothing_of_him_is_kept(
    chat: Chat,
) -> None:
    father = await somali_father(chat)
    await unlink_first(chat, rivera(chat))
    await chat.deliver()
    before = teacher_messages(chat)
    # Linked to no child, he is told how to begin in his phone's language: his chosen Somali
    # went with the link (privacy: nothing of a former family member is kept)
    said = texts(await chat.send(father, "Macallin, sidee buu Ana u socdaa?"))
    assert said.startswith("Welcome to Puente!")
    assert texts(await chat.send(father, "/ask Ma jiraa casharka guriga?")).startswith(
        "Only students and their families can write to a teacher here.")
    assert texts(await chat.send(father, "/now")).startswith("This phone is not linked")
    assert texts(await voice(chat, father)).startswith("Welcome to Puente!")
    await chat.deliver()
    assert teacher_messages(chat) == before  # nothing relayed to anyone
    assert chat.db["thread_messages"].count == 0
    assert chat.db["family_languages"].count == 0


async def test_after_his_childs_deletion_he_is_told_in_somali_and_then_forgotten(
    chat: Chat,
) -> None:
    father = await somali_father(chat)
    await delete(chat, 1001, "Ana")
    told = [c.text for c in await chat.deliver() if c.chat_id == FATHER]
    assert len(told) == 1 and told[0].startswith("ℹ️ Xogta Puente ee Ana")  # in Somali
    assert chat.db["family_languages"].count == 0
    assert texts(await chat.send(father, "Salaan")).startswith("This phone is no longer linked")


async def test_a_father_linked_again_after_an_unlink_chooses_his_language_again(
        chat: Chat) -> None:
    father = await somali_father(chat)
    await unlink_first(chat, rivera(chat))
    link = texts(await chat.send(rivera(chat), "/family Ana"))
    opened = await chat.send(father, f"/start {link.split('?start=')[1].split()[0]}")
    assert callbacks.data(callbacks.FAMILY_LANG, "so") in [d for _, d in buttons(opened)]
    await chat.tap(father, callbacks.data(callbacks.FAMILY_LANG, "so"))
    week = texts(await chat.send(father, "/now"))
    assert week.startswith("📬 Toddobaadka Ana")
    assert week.endswith("/ask wuxuu u qoraa macallinka · /stop wuxuu joojiyaa warbixinnadan")


async def test_his_deleted_data_takes_his_language_with_it(chat: Chat) -> None:
    father = await somali_father(chat)
    await unlink_first(chat, rivera(chat))
    await chat.send(father, "/deleteme")
    await chat.tap(father, "dl:yes")
    assert chat.db["family_languages"].count == 0
    reply = texts(await chat.send(father, "Salaan"))
    assert "Macallin" not in reply and "Taleefankan" not in reply  # nothing says he chose Somali


async def test_start_after_stop_brings_the_weekly_updates_back(chat: Chat) -> None:
    father = await somali_father(chat)
    stopped = texts(await chat.send(father, "/stop"))
    assert stopped == (
        "Warbixinnada toddobaadlaha ah waa la joojiyay. Soo dir /now wakhti "
        "kasta si aad u aragto tii ugu dambeysay, ama /start si aad mar kale u "
        "hesho."
    )
    assert not family_updates.weekly_updates(chat.db, chat.clock())
    listing = texts(await chat.send(rivera(chat), "/families"))
    assert "· ⏸ updates stopped" in listing
    resumed = texts(await chat.send(father, "/start"))
    assert resumed == (
        "Warbixinnada toddobaadlaha ah mar kale ayaa la bilaabay. Soo dir /now si "
        "aad maanta u aragto tan toddobaadkan, ama /stop si aad u joojiso."
    )
    assert [u.telegram_id for u in family_updates.weekly_updates(chat.db, chat.clock())] == \
        [FATHER]
    assert "⏸" not in texts(await chat.send(rivera(chat), "/families"))
    again = texts(await chat.send(father, "/start"))  # updates on: the family help, not resumed
    assert again.startswith("Waxaan kula socodsiiyaa erayada dugsiga ee ilmahaaga.")
