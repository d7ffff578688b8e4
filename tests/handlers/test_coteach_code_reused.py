"""/coteach tapped twice made two live co-teacher codes, each letting someone into the class.
Now the unused code is shown again and said to be the same one, with 🔄 to make a new one,
which ends the old one at once. Codes stay unguessable (new_code) and single-use."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.presentation import callbacks
from bot.store import people
from tests.harness import TEACHER_ID, Chat, buttons, texts

DIAZ, LEE = 9050, 9051


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


def code_in(said: str) -> str:
    return said.split("/teach ")[1].split("<")[0].strip()


def renew_button(calls: list[Any]) -> str:
    [data] = [d for label, d in buttons(calls) if label == "🔄 New code"]
    return data


async def test_coteach_twice_shows_the_same_unused_code(chat: Chat) -> None:
    first = texts(await chat.send(rivera(chat), "/coteach"))
    again = await chat.send(rivera(chat), "/coteach")
    assert code_in(texts(again)) == code_in(first)
    assert texts(again).startswith("This is the same code as before, not used yet: give it to "
                                   "your co-teacher for <b>Science 7B</b>. It works until ")
    assert renew_button(again) == callbacks.data(callbacks.COTEACH_NEW, 1)
    assert chat.db.execute("SELECT count(*) FROM coteach_codes").fetchone()[0] == 1
    assert [b for b in buttons(await chat.send(rivera(chat), "/coteach"))]  # still offered


async def test_new_code_ends_the_old_one(chat: Chat) -> None:
    old = code_in(texts(await chat.send(rivera(chat), "/coteach")))
    again = await chat.send(rivera(chat), "/coteach")
    made = texts(await chat.tap(rivera(chat), renew_button(again))).strip()
    assert made.startswith("🔄 New code: the old one no longer works.")
    new = code_in(made)
    assert new != old and len(new) >= len(old)
    said = texts(await chat.send(chat.user(DIAZ, "Diaz", "en"), f"/teach {old}"))
    assert "not valid" in said and people.teacher_classes(chat.db, DIAZ) == []
    assert "co-teach <b>Science 7B</b>" in texts(
        await chat.send(chat.user(LEE, "Lee", "en"), f"/teach {new}"))
    # used: the next /coteach makes a fresh one, with nothing to renew
    fresh = await chat.send(rivera(chat), "/coteach")
    assert code_in(texts(fresh)) not in (old, new)
    assert "🔄 New code" not in [label for label, _ in buttons(fresh)]


async def test_an_expired_code_is_not_shown_again(chat: Chat) -> None:
    old = code_in(texts(await chat.send(rivera(chat), "/coteach")))
    chat.clock.advance(days=8)
    assert code_in(texts(await chat.send(rivera(chat), "/coteach"))) != old


async def test_a_double_tap_or_a_forged_class_makes_nothing(chat: Chat) -> None:
    await chat.send(rivera(chat), "/coteach")
    again = await chat.send(rivera(chat), "/coteach")
    first, second = await chat.double_tap(rivera(chat), renew_button(again))
    [code] = [r[0] for r in chat.db.execute("SELECT code FROM coteach_codes")]
    assert code in texts(first) and "/teach" not in texts(second)  # one new code, said once
    people.upsert_teacher(chat.db, LEE, "Lee", chat.clock())
    other = people.create_class(chat.db, LEE, "Art", "ARTcode_12",
                                chat.clock() + timedelta(days=9), None, chat.clock())
    await chat.process(chat.factory.tap(rivera(chat),
                                        callbacks.data(callbacks.COTEACH_NEW, other.id)))
    assert chat.db.execute("SELECT count(*) FROM coteach_codes WHERE class_id = ?",
                           [other.id]).fetchone()[0] == 0


async def test_the_class_teacher_trying_their_own_code_keeps_it_for_the_co_teacher(
        chat: Chat) -> None:
    """Admin playtest: the creator sent /teach with her own /coteach code, read "You now
    co-teach Science 7B", and the code was used up before her co-teacher got it."""
    code = code_in(texts(await chat.send(rivera(chat), "/coteach")))
    said = texts(await chat.send(rivera(chat), f"/teach {code}"))
    assert said.startswith("You already teach <b>Science 7B</b>, so this code was not used: "
                           "share it with your co-teacher.")
    assert "You now co-teach" not in said
    assert "co-teach <b>Science 7B</b>" in texts(
        await chat.send(chat.user(DIAZ, "Diaz", "en"), f"/teach {code}"))
    # a co-teacher already in the class is told the same and leaves a new code unused
    fresh = code_in(texts(await chat.send(rivera(chat), "/coteach")))
    assert texts(await chat.send(chat.user(DIAZ, "Diaz", "en"), f"/teach {fresh}")) \
        .startswith("You already teach <b>Science 7B</b>")
    assert "co-teach <b>Science 7B</b>" in texts(
        await chat.send(chat.user(LEE, "Lee", "en"), f"/teach {fresh}"))
