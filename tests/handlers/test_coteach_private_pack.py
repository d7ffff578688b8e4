"""A co-teacher pushes the words of the class's creator's own pack to that class (playtest:
Diaz co-taught Rivera's Science 7B and was told "There is no pack called t9001.plants" for the
unit Rivera had uploaded); never to a class of her own that Rivera does not teach."""

from __future__ import annotations

from typing import Any

from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts

DIAZ = 9050
PLANTS = ("term,pos,tier,definition,example,es_term,es_definition\n"
          "root,noun,2,The part of a plant under the ground.,A root drinks water.,raíz,"
          "Parte de la planta bajo la tierra.\n"
          "stem,noun,2,The part of a plant that holds it up.,The stem is green.,tallo,"
          "Parte que sostiene la planta.\n")


def owner(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def diaz(chat: Chat) -> dict[str, Any]:
    return chat.user(DIAZ, "Diaz", "en")


async def rivera_uploads_and_diaz_co_teaches(chat: Chat) -> None:
    chat.api.uploads["f1"] = PLANTS.encode()
    await chat.process(chat.factory.document(owner(chat), "f1", "Plants.csv", len(PLANTS)))
    made = texts(await chat.send(owner(chat), "/coteach"))
    code = made.split("/teach ")[1].split("<")[0].strip()
    assert "co-teach" in texts(await chat.send(diaz(chat), f"/teach {code}"))
    await join_and_confirm(chat, chat.user(1001, "Ana", "es"), "es")


async def test_a_co_teacher_pushes_the_creators_pack_to_the_class_they_share(
        chat: Chat) -> None:
    await rivera_uploads_and_diaz_co_teaches(chat)
    said = texts(await chat.send(diaz(chat), "/push t9001.plants root stem"))
    assert "Sending 2 words to 1 student of <b>Science 7B</b>" in said, said
    assert chat.db["pushes"].count == 1


async def test_the_creators_pack_never_goes_to_a_class_the_creator_does_not_teach(
        chat: Chat) -> None:
    await rivera_uploads_and_diaz_co_teaches(chat)
    await chat.send(diaz(chat), "/newclass Math 6")
    said = texts(await chat.send(diaz(chat), "/push t9001.plants root to Math 6"))
    assert "There is no pack called t9001.plants." in said, said
    assert chat.db["pushes"].count == 0
    listed = texts(await chat.send(diaz(chat), "/packs t9001.plants"))
    assert "root" not in listed  # her /packs shows only the packs she can push everywhere
