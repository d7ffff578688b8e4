"""A family member who never chose a language is spoken to, and listed for the teacher, in the
best language known for them: the one their messages are written in, else their child's. Once
unlinked from their only child, nothing of theirs is left for a /deleteme to name."""

from __future__ import annotations

from typing import Any

from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, texts

MOTHER = 2001
HELP_ES = "Le doy noticias sobre las palabras escolares de su hijo o hija."
HELP_PT = "Eu trago notícias sobre as palavras escolares do seu filho ou filha."
UNLINKED_ES = ("¿Borrar sus datos de familia? Ya no tiene vínculo con ningún estudiante. "
               "Se quitan su idioma y el registro de sus mensajes al maestro o la maestra. Esto "
               "no se puede deshacer.")


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def linked_mother_who_skipped_the_menu(chat: Chat) -> dict[str, Any]:
    """Ana's mother, whose phone is set to English, opens the link and taps no language."""
    await join_and_confirm(chat, chat.user(lang="es"))
    link = texts(await chat.send(rivera(chat), "/family Ana")).split("?start=")[1].split()[0]
    mom = chat.user(MOTHER, "Mom", "en")
    await chat.send(mom, f"/start {link}")
    return mom


async def families_line(chat: Chat) -> str:
    listing = texts(await chat.send(rivera(chat), "/families"))
    return next(line for line in listing.split("\n") if " · Ana #1 · " in line)


async def test_a_family_member_who_chose_no_language_gets_their_childs_language(
        chat: Chat) -> None:
    mom = await linked_mother_who_skipped_the_menu(chat)
    assert texts(await chat.send(mom, "/help")).startswith(HELP_ES)
    assert texts(await chat.send(mom, "/now")).startswith("📬 La semana de Ana")
    assert (await families_line(chat)).startswith(
        "• Mom · Ana #1 · Spanish (not chosen yet) · linked")


async def test_the_language_a_family_member_writes_in_wins_over_the_childs(chat: Chat) -> None:
    mom = await linked_mother_who_skipped_the_menu(chat)
    await chat.send(mom, "/ask Olá professora, sou a mãe da Ana. Como ela está indo na escola?")
    await chat.deliver()
    assert texts(await chat.send(mom, "/help")).startswith(HELP_PT)
    line = await families_line(chat)
    assert line.startswith("• Mom · Ana #1 · Portuguese (not chosen yet) · linked")
    unlink = next(label for label, data in buttons(await chat.send(rivera(chat), "/families"))
                  if data.startswith("fu:"))
    assert unlink == "Unlink: Mom · Ana #1 · Portuguese (not chosen yet)"


async def test_a_chosen_language_is_listed_without_a_mark(chat: Chat) -> None:
    mom = await linked_mother_who_skipped_the_menu(chat)
    await chat.tap(mom, "fa:vi")
    await chat.send(mom, "/ask Olá professora, sou a mãe da Ana. Como ela está indo na escola?")
    line = await families_line(chat)
    assert line.startswith("• Mom · Ana #1 · Vietnamese · linked") and "not chosen" not in line


async def test_an_unlinked_family_members_data_is_gone_before_any_deleteme(
        chat: Chat) -> None:
    mom = await linked_mother_who_skipped_the_menu(chat)
    await chat.send(mom, "/ask Hola maestra, soy la mamá de Ana. ¿Cómo le va en la escuela?")
    await chat.deliver()
    listing = await chat.send(rivera(chat), "/families")
    await chat.tap(rivera(chat), next(d for _, d in buttons(listing) if d.startswith("fu:"))
                   + ":yes")  # the confirming tap: linked to no child now
    assert chat.db.execute("SELECT count(*) FROM thread_messages WHERE asker_id = ?",
                           [MOTHER]).fetchone()[0] == 0
    asked = texts(await chat.send(mom, "/deleteme"))
    assert not asked.startswith(UNLINKED_ES)  # no family data left to name


async def test_a_message_no_detector_can_read_names_the_language_used_for_its_writer(
        chat: Chat) -> None:
    """Hmong has no language-detection profile: the teacher reads one consistent note, which
    never claims the message is in a language (a parent may write another than the child's)."""
    await join_and_confirm(chat, chat.user(lang="hmn"), lang="hmn")
    link = texts(await chat.send(rivera(chat), "/family Ana")).split("?start=")[1].split()[0]
    dad = chat.user(MOTHER, "Dad", "en")
    await chat.send(dad, f"/start {link}")  # taps no language
    await chat.send(dad, "/ask Nyob zoo xib fwb, kuv yog Ana txiv. Nws kawm ntawv li cas lawm?")
    relayed = texts([c for c in await chat.deliver() if c.chat_id == TEACHER_ID])
    assert ("✉️ From Dad (<b>Ana</b>'s family). I could not tell which language this message is "
            "in; until they choose one, I use Hmong for them:") in relayed
    assert "written in" not in relayed
