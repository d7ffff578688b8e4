"""Text people type never breaks or hijacks a message: every command that echoes a name, a
class, a pack or an argument sends valid Telegram HTML, with no link, override or formula.

The harness checks every call of every test against Telegram's HTML rules (tests/harness.py);
these tests feed it the nastiest text we know, through every command that echoes text.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

from bot.demo.offline import Call
from bot.domain.names import clean_label, clean_name
from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.store import check_items, people
from tests.harness import INVITE, TEACHER_ID, Chat, answer_current, check_now
from tests.telegram_html import assert_telegram_accepts, entities, visible

NASTY = ["Jo & <3", "</b>", '<a href="http://x">y</a>', "Lu <3", "<i>x", "A\u202eB",
         "A\u200bna", "\u200b\u202e"]
# Characters that must never reach a user: overrides, embeddings and invisible characters.
TRICKS = re.compile("[\u202a-\u202e\u200b\u2060\ufeff\x00-\x08]")


def shown(calls: list[Call]) -> str:
    """Everything the user reads in these calls, after Telegram parsed the HTML."""
    return "\n".join(visible(c.text, c.params.get("parse_mode")) for c in calls)


def assert_inert(calls: list[Call]) -> None:
    """Valid HTML (the harness checks it too), no link made from a name, no hidden trick."""
    assert_telegram_accepts(calls)
    assert not [e for c in calls for e in entities(c) if e["type"] == "text_link"]
    assert not [c.text for c in calls if TRICKS.search(c.text)]


async def say(chat: Chat, user: dict[str, Any], text: str) -> list[Call]:
    chat.clock.advance(seconds=2)  # a person types: never a flood
    calls = await chat.send(user, text)
    assert_inert(calls)
    return calls


async def deliver(chat: Chat) -> list[Call]:
    """Run the outbox now, when a background deliverer does it (else pushes went inline)."""
    seen = len(chat.api.calls)
    runner = getattr(chat, "deliver", None)
    if runner is not None:
        await runner()
    return chat.api.calls[seen:]


def teacher(chat: Chat, user_id: int = TEACHER_ID, name: str = "Rivera") -> dict[str, Any]:
    return chat.user(user_id, name, lang="en")


async def join(chat: Chat, user: dict[str, Any], level: int = 3) -> list[Call]:
    calls = await say(chat, user, "/start JOINcode_123")
    people.set_level(chat.db, user["id"], None, level, "teacher")
    chat.clock.advance(seconds=2)
    calls += await chat.tap(user, callbacks.data(callbacks.LANGUAGE, "es"))
    assert_inert(calls)
    return calls


async def practise(chat: Chat, user: dict[str, Any]) -> None:
    """Open a check and answer its first question: one word practised, so the heatmap has it."""
    chat.clock.advance(seconds=2)
    assert_inert(await check_now(chat, user))
    assert_inert(await answer_current(chat, user, right=True))


def old_row(chat: Chat, student_id: int, name: str) -> None:
    """A student stored before names were cleaned at the door (rows are not migrated)."""
    chat.db.execute("INSERT INTO students (id, first_name, created_at) VALUES (?, ?, ?)",
                    [student_id, name, chat.clock().isoformat()])
    class_id = people.teacher_classes(chat.db, TEACHER_ID)[0].id
    people.enroll(chat.db, student_id, class_id, chat.clock())


@pytest.mark.parametrize("name", NASTY)
async def test_a_student_with_a_nasty_name_is_greeted_reminded_and_taught_safely(
        chat: Chat, name: str) -> None:
    student = chat.user(1001, name, lang="es")
    expected = clean_name(name) or "Estudiante"
    welcome = await join(chat, student)
    assert f"{expected}!" in shown(welcome)
    assert people.get_student(chat.db, 1001).first_name == expected
    assert expected in shown(await say(chat, student, "/start"))
    for command in ("/words", "/check", "/progress", "/remind 16:30", "/help", name):
        await say(chat, student, command)
    chat.clock.advance(days=1)
    job = next(j for j in chat.app.job_queue.jobs() if j.data == 1001)
    before = len(chat.api.calls)
    await job.run(chat.app)
    reminder = chat.api.calls[before:]
    assert_inert(reminder)
    assert expected in shown(reminder)


@pytest.mark.parametrize("name", NASTY)
async def test_a_teacher_with_a_nasty_name_is_welcomed_safely(chat: Chat, name: str) -> None:
    calls = await say(chat, chat.user(7001, name, lang="en"), f"/teach {INVITE}")
    assert "teacher now" in shown(calls)
    assert (clean_name(name) or "Student") in shown(calls)


@pytest.mark.parametrize("class_name", ["A&B <1>", "<b>7B</b>", '<a href="http://x">y</a>',
                                        "Sci\u202eence \u200b8"])
async def test_class_names_are_cleaned_and_escaped_in_every_command(chat: Chat,
                                                                    class_name: str) -> None:
    rivera = teacher(chat)
    expected = clean_label(class_name)
    created = await say(chat, rivera, f"/newclass {class_name}")
    assert f"Class {expected} is ready" in shown(created)
    photo = next(c for c in created if c.method == "sendPhoto")
    assert visible(photo.text, photo.params.get("parse_mode")) == expected
    assert expected in [c.name for c in people.teacher_classes(chat.db, TEACHER_ID)]
    for command in ("/classes", f"/roster {class_name}", f"/report {class_name}",
                    f"/revoke {class_name}", f"/push science.ecosystems to {class_name}"):
        assert expected in shown(await say(chat, rivera, command)), command
    assert_inert(await deliver(chat))


@pytest.mark.parametrize("argument", NASTY[:6])
async def test_arguments_a_teacher_typed_are_echoed_escaped(chat: Chat, argument: str) -> None:
    rivera = teacher(chat)
    await join(chat, chat.user(1001, "Ana", lang="es"))
    for command in ("/report", "/roster", "/student", "/family", "/revoke", "/remove"):
        await say(chat, rivera, f"{command} {argument}")
    assert clean_label(argument) in shown(await say(chat, rivera, f"/student {argument}"))
    for command in (f"/level {argument} 3", f"/level Ana {argument}", f"/push {argument}",
                    f"/push science.ecosystems {argument}", f"/newclass {argument}",
                    f"/push science.ecosystems to {argument}", f"/push x at {argument}"):
        await say(chat, rivera, command)
    await say(chat, chat.user(1001, "Ana", lang="es"), f"/remind {argument}")
    await say(chat, chat.user(1001, "Ana", lang="es"), f"/start {argument}")


async def test_old_rows_with_tricks_are_cleaned_wherever_a_teacher_sees_them(chat: Chat) -> None:
    student = chat.user(1001, "Ana", lang="es")
    await join(chat, student)
    await say(chat, student, "/check")  # the cards of the words it unlocks, then their Check
    await say(chat, student, "/check")
    item = check_items.next_open_item(chat.db, 1001)
    assert item is not None
    await (chat.vote(student, item.poll_id, 0) if item.poll_id else
           chat.send(student, "x") if item.item.typed else chat.tap(student, f"an:{item.id}:0"))
    raw = '\u202eAna\u200b <a href="http://x">y</a> & <3'
    chat.db.execute("UPDATE students SET first_name = ? WHERE id = 1001", [raw])  # stored long ago
    rivera = teacher(chat)
    expected = 'Ana <a href="http://x">y</a> & <3'
    for command in ("/roster", "/report", f"/student {expected}", "/level 1 4",
                    "/family 1"):  # 1: her number in /roster
        calls = await say(chat, rivera, command)
        assert expected in shown(calls), command
    document = next(c for c in calls if c.method == "sendDocument") if False else None
    assert document is None
    report = await say(chat, rivera, "/report")
    document = next(c for c in report if c.method == "sendDocument")
    rows = csv.DictReader(io.StringIO(next(iter(document.files.values())).decode("utf-8-sig")))
    assert {r["student"] for r in rows} == {expected}


async def test_a_teacher_pack_with_a_nasty_title_and_terms_is_shown_safely(chat: Chat) -> None:
    # A tag is refused by the validator (test_packs); what passes may still hold <, > and &
    pack = ("term,pos,tier,definition,example,es_term\n"
            "lava<3,noun,3,Hot & melted rock <1> from a volcano.,The lava<3 was hot.,"
            "lava <= roca & co\n"
            "magma,noun,3,Melted rock under the ground.,Magma is hot & deep.,magma & co\n")
    chat.api.uploads["f1"] = pack.encode()
    rivera = teacher(chat)
    chat.clock.advance(seconds=2)
    saved = await chat.process(chat.factory.document(rivera, "f1", "A&B <1>.csv", len(pack)))
    assert_inert(saved)
    assert "ready" in shown(saved)
    assert "A&B <1>" in shown(await say(chat, rivera, "/packs"))
    student = chat.user(1001, "Ana", lang="es")
    await join(chat, student, level=2)
    pack_id = next(p for p in chat.db["packs"].rows if p["owner_teacher_id"] == TEACHER_ID)["id"]
    pushed = await say(chat, rivera, f"/push {pack_id}")
    pushed += await deliver(chat)
    assert_inert(pushed)
    cards = shown([c for c in pushed if c.chat_id == 1001])
    assert "lava<3" in cards and "lava <= roca & co" in cards
    await say(chat, student, "/check")
    for _ in range(3):
        item = check_items.next_open_item(chat.db, 1001)
        if item is None:
            break
        if item.poll_id:
            chat.clock.advance(seconds=2)
            assert_inert(await chat.vote(student, item.poll_id, 0))
        elif item.item.typed:
            await say(chat, student, "lava<3 & <i>")
        else:
            chat.clock.advance(seconds=2)
            assert_inert(await chat.tap(student, f"an:{item.id}:0"))


async def test_an_uploaded_pack_loses_overrides_and_invisible_characters(chat: Chat) -> None:
    pack = ('[pack]\nid = "science.rocks"\ntitle = "Rocks <1>  \u202e& co\u200b"\n'
            'subject = "science"\ngrades = [5, 7]\n\n[[words]]\nterm = "ba\u200bsalt"\n'
            'pos = "noun"\ntier = 3\ndefinition = "A dark rock\u202e from lava."\n'
            'example = "The island is made of ba\u200bsalt."\n')
    chat.api.uploads["f3"] = ("\ufeff" + pack).encode()  # with the BOM spreadsheet apps write
    chat.clock.advance(seconds=2)
    saved = await chat.process(chat.factory.document(teacher(chat), "f3", "rocks.toml",
                                                     len(pack.encode()) + 3))
    assert_inert(saved)
    assert chat.db["packs"].get("t9001.science.rocks")["title"] == "Rocks <1> & co"
    word = next(chat.db["words"].rows_where("pack_id = ?", ["t9001.science.rocks"]))
    assert (word["term"], word["definition"]) == ("basalt", "A dark rock from lava.")


async def test_a_bad_pack_file_lists_its_problems_escaped(chat: Chat) -> None:
    bad = "term,pos,tier,definition,example\n<b>x</b>,<i>,9,,a & b\n"
    chat.api.uploads["f2"] = bad.encode()
    calls = await chat.process(chat.factory.document(teacher(chat), "f2", "<b>.csv", len(bad)))
    assert_inert(calls)
    assert "<i>" in shown(calls)


async def test_family_link_and_weekly_update_show_a_nasty_name_safely(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Jo & <3", lang="es"))
    reply = await say(chat, teacher(chat), "/family Jo & <3")
    payload = shown(reply).split("?start=")[1].split()[0]
    mom = chat.user(2001, "<b>Mamá</b>", lang="es")
    linked = await say(chat, mom, f"/start {payload}")
    assert "Jo & <3" in shown(linked)
    chat.clock.advance(seconds=2)
    assert_inert(await chat.tap(mom, "fa:es"))
    assert "Jo & <3" in shown(await say(chat, mom, "/now"))
    queue_weekly_updates(chat.app.bot_data.services)
    assert_inert(await deliver(chat))


async def test_csv_cells_that_start_a_formula_are_defused(chat: Chat) -> None:
    for student_id, name in ((1001, '=HYPERLINK("http://x","y")'), (1002, "+1"), (1003, "-2"),
                             (1004, "@SUM(A1)"), (1005, "Ana")):
        await join(chat, chat.user(student_id, name, lang="es"))
        await say(chat, chat.user(student_id, name, lang="es"), "/check")
    old_row(chat, 1006, "\t=1+1")
    calls = await say(chat, teacher(chat), "/report")
    document = next(c for c in calls if c.method == "sendDocument")
    rows = list(csv.DictReader(io.StringIO(next(iter(document.files.values()))
                                           .decode("utf-8-sig"))))
    names = {r["student"] for r in rows}
    assert names == {"'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "Ana",
                     "'=1+1"}


async def test_a_dollar_name_is_drawn_as_text_not_parsed_as_math(chat: Chat) -> None:
    for student_id, name in ((1001, "$x^$"), (1002, "Ana $5 \\frac{")):
        await join(chat, chat.user(student_id, name, lang="es"))
        await practise(chat, chat.user(student_id, name, lang="es"))
    calls = await say(chat, teacher(chat), "/report")
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert any(b.startswith(b"\x89PNG") for b in photo.files.values())
    assert "$x^$" not in photo.params.get("caption", "")  # names fit the chart: no key needed
    assert any(c.method == "sendDocument" for c in calls)


async def test_names_the_chart_font_cannot_draw_get_roster_numbers_and_a_key(
        chat: Chat) -> None:
    for student_id, name in ((1001, "$x^$"), (1002, "李华"), (1003, "ليلى"), (1004, "Ana")):
        await join(chat, chat.user(student_id, name, lang="es"))
        await practise(chat, chat.user(student_id, name, lang="es"))
    calls = await say(chat, teacher(chat), "/report")
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert any(b.startswith(b"\x89PNG") for b in photo.files.values())
    key = visible(photo.text, photo.params.get("parse_mode"))
    assert "李华" in key and "ليلى" in key and "$x^$" in key and "Ana" in key
    assert re.search(r"\d \$x\^\$", key)
