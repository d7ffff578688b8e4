"""Haitian playtest (Jb, schooled in French): "selil" got "selil = cell", but "cellule" and
"kijan yo di cellule an angle?" got the offer to send them to the teacher, though his typed
answers are read in French too. A word is looked up in the languages his answers are read in,
and "how do you say X in English?" looks X up."""

from __future__ import annotations

from typing import Any

from tests.harness import Chat, buttons, join_and_confirm, texts


async def jb(chat: Chat) -> dict[str, Any]:
    student = chat.user(1001, "Jb", lang="fr")
    await join_and_confirm(chat, student, lang="ht", level=3)
    return student


async def test_the_french_name_of_a_word_is_answered_with_the_english_word(chat: Chat) -> None:
    student = await jb(chat)
    assert texts(await chat.send(student, "òganis")).startswith("òganis = <b>organism</b>\n")
    reply = await chat.send(student, "organisme")
    assert texts(reply).startswith("organisme = <b>organism</b>\n")
    assert "✉️" not in " ".join(label for label, _ in buttons(reply))


async def test_how_do_you_say_it_in_english_is_answered_too(chat: Chat) -> None:
    student = await jb(chat)
    for asked in ("kijan yo di organisme an angle?", "Comment dit-on écosystème en anglais ?",
                  "kijan yo di òganis an angle"):
        reply = await chat.send(student, asked)
        assert " = <b>" in texts(reply), asked
        assert "✉️" not in " ".join(label for label, _ in buttons(reply)), asked
