"""A family playtest (M5, M6, L3): the teacher writes first to a family member from /families,
and the family invitation is ready to forward, with a QR code."""

from __future__ import annotations

from typing import Any

from tests.harness import TEACHER_ID, Chat, join_and_confirm, texts


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def test_family_invitation_is_ready_to_forward_in_the_students_language(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    calls = await chat.send(rivera(chat), "/family Ana")
    invitation = next(c for c in calls if "invita" in c.text)
    assert "¡Hola! El/la docente de Ana le invita" in invitation.text
    assert "Hello! Ana's teacher invites you" in invitation.text  # English beneath
    payload = texts(calls).split("?start=")[1].split()[0]
    assert f"?start={payload}" in invitation.text
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert photo.chat_id == TEACHER_ID
    assert next(iter(photo.files.values())).startswith(b"\x89PNG")
    assert "Escanee para conectarse con el/la docente de Ana" in photo.params["caption"]
