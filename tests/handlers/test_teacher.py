"""Teachers on Telegram: roles checked on the server, classes, levels, reports, packs."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from bot.domain import placement
from bot.domain.mastery import new_mastery
from bot.presentation import callbacks
from bot.store import check_items, people, study
from bot.store.packs import pack_words
from tests.harness import (
    ADMIN_ID,
    INVITE,
    TEACHER_ID,
    Chat,
    answer_current,
    check_now,
    join_and_confirm,
    texts,
)

TEACHER_COMMANDS = ["/newclass Math 6", "/classes", "/roster", "/revoke", "/level Ana 3",
                    "/packs", "/push science.ecosystems", "/report", "/student Ana",
                    "/family Ana", "/newpack"]


# A student is told it is her teacher's command, in the register Puente uses with students (never
# "Pida a su escuela un código de invitación para docentes": a teacher's invite is not hers to get)
TOLD_IT_IS_THE_TEACHERS = (
    "Ese comando es para tu maestro o maestra, así que contigo no hace nada. Toca /words para "
    "ver tus palabras o /check para practicar.\nThat is a command for your teacher, so it does "
    "nothing for you. Tap /words to see your words or /check to practise.")


def teacher(chat: Chat, user_id: int = TEACHER_ID) -> dict:
    return chat.user(user_id, "Rivera", lang="en")


async def test_a_student_trying_teacher_commands_is_refused_politely(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    before = {t: chat.db[t].count for t in ("classes", "pushes", "outbox", "family_links")}
    for command in TEACHER_COMMANDS:
        reply = texts(await chat.send(student, command))
        assert reply == TOLD_IT_IS_THE_TEACHERS, command
    assert {t: chat.db[t].count for t in before} == before


# Each teacher command with its arguments missing or wrong: the usage line would teach a student
# a command that is not theirs, in the register Puente uses for teachers.
WITHOUT_ARGUMENTS = ["/level", "/level 5", "/level Ana x", "/level Ana 9", "/push",
                     "/push science.ecosystems at 99:99", "/newclass", "/student", "/family",
                     "/remove", "/gloss", "/announce", "/thread", "/families", "/coteach",
                     "/scheduled", "/newpack extra"]


async def test_a_teacher_command_without_its_arguments_tells_a_student_it_is_for_teachers(
        chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    for command in WITHOUT_ARGUMENTS:
        reply = texts(await chat.send(student, command))
        assert reply == TOLD_IT_IS_THE_TEACHERS, command


async def test_teach_with_invite_code(chat: Chat) -> None:
    newcomer = chat.user(7001, "Lee", lang="en")
    assert "not valid" in texts(await chat.send(newcomer, "/teach WRONG-CODE-1"))
    assert not people.is_teacher(chat.db, 7001)
    assert "teacher now" in texts(await chat.send(newcomer, f"/teach {INVITE}"))
    assert people.is_teacher(chat.db, 7001)


async def test_admin_issues_single_use_invites(chat: Chat) -> None:
    admin = chat.user(ADMIN_ID, "Admin", lang="en")
    reply = texts(await chat.send(admin, "/invite"))
    code = reply.split("<code>")[1].split("</code>")[0]
    first, second = chat.user(7002, "Kim", lang="en"), chat.user(7003, "Ola", lang="en")
    await chat.send(first, f"/teach {code}")
    await chat.send(second, f"/teach {code}")
    assert people.is_teacher(chat.db, 7002) and not people.is_teacher(chat.db, 7003)
    assert "administrator" in texts(await chat.send(first, "/invite"))


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_invite_from_a_non_admin_tells_them_their_telegram_id_for_admin_ids(
        chat: Chat, lang: str) -> None:
    somebody = chat.user(7004, "Kim", lang=lang)
    reply = texts(await chat.send(somebody, "/invite"))
    assert "<code>7004</code>" in reply and "admin_ids" in reply
    assert not people.is_teacher(chat.db, 7004)


async def test_newclass_answers_with_link_code_and_qr(chat: Chat) -> None:
    calls = await chat.send(teacher(chat), "/newclass Math 6")
    text = texts(calls)
    created = next(c for c in people.teacher_classes(chat.db, TEACHER_ID)
                   if c.name == "Math 6")
    assert f"https://t.me/PuenteDemoBot?start={created.join_code}" in text
    photo = next(c for c in calls if c.method == "sendPhoto")
    assert any(b.startswith(b"\x89PNG") for b in photo.files.values())
    assert "already" in texts(await chat.send(teacher(chat), "/newclass math 6"))


async def test_revoked_code_stops_working(chat: Chat) -> None:
    await chat.send(teacher(chat), "/revoke Science 7B")
    reply = texts(await chat.send(chat.user(lang="en"), "/start JOINcode_123"))
    assert "This class link was replaced by a new one" in reply
    new_code = people.teacher_classes(chat.db, TEACHER_ID)[0].join_code
    assert "Science 7B" in texts(await chat.send(chat.user(1009, lang="en"),
                                                 f"/start {new_code}"))


async def test_a_new_teacher_without_a_class_is_told_how_to_make_one(chat: Chat) -> None:
    new = chat.user(9002, "Okafor", lang="en")
    people.upsert_teacher(chat.db, new["id"], "Okafor", chat.clock())
    for command in ("/push science.ecosystems habitat", "/report", "/roster",
                    "/report Science 7B"):
        reply = texts(await chat.send(new, command))
        assert "You have no class yet. Make one with /newclass" in reply, (command, reply)
        assert "Science 7B" not in reply.replace("/newclass Science 7B", ""), command


async def test_odd_arguments_are_told_which_part_is_wrong(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    rivera = chat.user(TEACHER_ID, "Rivera", "en")
    reply = texts(await chat.send(rivera, "/level Ana 9"))
    assert "9 is not a WIDA level: levels go from 1 (Entering) to 6 (Reaching)" in reply
    reply = texts(await chat.send(rivera, "/push science.ecosystems habitat at 25:99"))
    assert "“25:99” is not a time of day" in reply
    reply = texts(await chat.send(rivera, "/gloss habitat zz deegaan"))
    assert "I found no language code in it" in reply and " so " in reply
    assert chat.db["outbox"].count == 0  # nothing was queued by any of them


async def test_teacher_a_cannot_see_class_b(chat: Chat) -> None:
    other = teacher(chat, 9002)
    people.upsert_teacher(chat.db, 9002, "Other", chat.clock())
    await chat.send(other, "/newclass History 8")
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    for command in ("/report Science 7B", "/roster Science 7B", "/revoke Science 7B",
                    "/student Ana", "/family Ana", "/level Ana 5",
                    "/push science.ecosystems to Science 7B"):
        reply = texts(await chat.send(other, command))
        refusal = ("I can't find a student called Ana in your classes."
                   if command.split()[0] in ("/student", "/family", "/level")
                   else "You have no class called Science 7B. /classes lists your classes.")
        assert reply == refusal, command
        assert "Spanish" not in reply and "JOINcode" not in reply
    assert people.enrollments(chat.db, 1001)[0].wida_level == 3
    assert chat.db["pushes"].count == 0


async def test_roster_says_who_blocked_the_bot_and_who_has_no_language_yet(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", lang="es"))
    await chat.send(chat.user(1002, "Mo", lang="so"), "/start JOINcode_123")  # no language tap
    people.mark_blocked(chat.db, 1001, chat.clock())
    roster = texts(await chat.send(teacher(chat), "/roster"))
    ana, mo = roster.split("\nAna #1 - ")[1].split("\nMo #2 - ")
    assert "🚫 Blocked Puente: nothing reaches them until they open the chat again." in ana
    assert "no home language chosen yet" in mo and "?" not in mo and "🚫" not in mo


async def test_roster_shows_pushed_cards_a_student_has_not_opened(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", lang="es"))
    await chat.send(teacher(chat), "/push science.ecosystems habitat, predator, prey")
    await chat.deliver()
    roster = texts(await chat.send(teacher(chat), "/roster"))
    # level 3: the push brings its first card (Next turns the rest); none is opened until
    # she taps it: a card delivered is not a card read
    assert "Ana #1 - Spanish, WIDA level 3: 📭 3 cards not opened yet" in roster


async def test_level_and_roster(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student)
    assert "level 5" in texts(await chat.send(teacher(chat), "/level Ana 5"))
    assert people.enrollments(chat.db, 1001)[0].wida_level == 5
    refused = texts(await chat.send(teacher(chat), "/level Ana 9"))
    assert "9 is not a WIDA level: levels go from 1 (Entering) to 6" in refused
    roster = texts(await chat.send(teacher(chat), "/roster"))
    assert "Ana" in roster and "Spanish" in roster and "level 5" in roster


async def test_two_anas_are_told_apart_by_the_number_roster_and_the_csv_show(
        chat: Chat) -> None:
    for user_id, name in ((1001, "Ana"), (1002, "Bo"), (1003, "Ana"), (1004, "Aaron")):
        await join_and_confirm(chat, chat.user(user_id, name, lang="es"))
        await check_now(chat, chat.user(user_id, name, lang="es"))
    which = texts(await chat.send(teacher(chat), "/level Ana 2"))
    assert which == ("More than one student is called Ana (numbers 1, 3 in /roster). Use the "
                     "number instead of the name.")
    roster = texts(await chat.send(teacher(chat), "/roster")).split("\n")
    # by name, each with the number they were given when they joined
    assert [line.split(" - ")[0] for line in roster[1:]] == ["Aaron #4", "Ana #1", "Ana #3",
                                                             "Bo #2"]
    assert "level 2" in texts(await chat.send(teacher(chat), "/level 3 2"))
    assert people.enrollments(chat.db, 1003)[0].wida_level == 2  # the second Ana, not the first
    assert people.enrollments(chat.db, 1001)[0].wida_level == 3
    assert "no student number 1001" in texts(await chat.send(teacher(chat), "/student 1001"))
    document = next(c for c in await chat.send(teacher(chat), "/report")
                    if c.method == "sendDocument")
    rows = csv.DictReader(io.StringIO(next(iter(document.files.values())).decode("utf-8-sig")))
    assert {r["roster_no"] for r in rows if r["wida_level"] == "2"} == {"3"}  # one numbering
    leaked = [c.text for c in chat.api.calls if c.chat_id == TEACHER_ID
              for i in (1001, 1002, 1003, 1004) if str(i) in c.text
              and "can't find" not in c.text and "no student number" not in c.text]
    assert leaked == []


async def test_a_number_in_two_classes_takes_the_class_after_it(chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(1001, "Ana", lang="es"))
    await join_and_confirm(chat, chat.user(1002, "Bo", lang="es"))
    math = people.create_class(chat.db, TEACHER_ID, "Math 6", "JOINmath_456",
                               chat.clock() + timedelta(days=30), None, chat.clock())
    bo = chat.user(1003, "Bo", lang="es")
    await chat.send(bo, f"/start {math.join_code}")
    await chat.tap(bo, callbacks.data(callbacks.LANGUAGE, "es"))
    assert texts(await chat.send(teacher(chat), "/student Bo")) == (
        "More than one student is called Bo, in different classes (1 (Math 6), 2 (Science 7B) "
        "in /roster). Add the class after the name, like this: Bo Math 6")
    assert texts(await chat.send(teacher(chat), "/level 1 4")) == (
        "Number 1 is in more than one of your classes. Add the class after it, like this: "
        "1 Math 6")
    assert "level 4" in texts(await chat.send(teacher(chat), "/level 1 math  6 4"))
    assert people.enrollments(chat.db, 1003)[0].wida_level == 4  # Bo of Math 6


async def test_two_anas_numbered_1_in_two_classes_are_told_apart_by_the_class(
        chat: Chat) -> None:
    """ "Use the number" sent a Vietnamese-speaking coordinator to /student 1, refused again:
    both Anas were #1. The class after the name is what finds one."""
    await join_and_confirm(chat, chat.user(1001, "Ana", lang="es"))
    math = people.create_class(chat.db, TEACHER_ID, "Math 6", "JOINmath_456",
                               chat.clock() + timedelta(days=30), None, chat.clock())
    other = chat.user(1003, "Ana", lang="es")
    await chat.send(other, f"/start {math.join_code}")
    await chat.tap(other, callbacks.data(callbacks.LANGUAGE, "es"))
    lan = chat.user(TEACHER_ID, "Lan", "vi")
    assert texts(await chat.send(lan, "/student Ana")) == (
        "Có nhiều học sinh tên Ana, ở các lớp khác nhau (1 (Math 6), 1 (Science 7B) trong "
        "/roster). Hãy thêm tên lớp sau tên học sinh, như sau: Ana Math 6")
    assert "Math 6" in texts(await chat.send(lan, "/student Ana Math 6"))


async def test_report_has_summary_heatmap_and_csv(chat: Chat) -> None:
    students = [chat.user(user_id, name, lang="es") for user_id, name in ((1001, "Ana"),
                                                                        (1002, "Bo"))]
    for student in students:
        await join_and_confirm(chat, student)
    # the cards' day (a right answer minutes after a card is practice), then two answers a
    # word, on two days: one alone is too few to tell
    for _ in range(3):
        for student in students:
            await check_now(chat, student)
            for _ in range(5):
                await answer_current(chat, student, student["id"] == 1001)
        chat.clock.advance(days=1)
    calls = await chat.send(teacher(chat), "/report")
    summary = texts(calls)
    assert "On track: Ana" in summary
    assert "Needs help: Bo" in summary
    assert any(c.method == "sendPhoto" for c in calls)
    document = next(c for c in calls if c.method == "sendDocument")
    rows = list(csv.DictReader(io.StringIO(next(iter(document.files.values()))
                                           .decode("utf-8-sig"))))
    assert {r["student"] for r in rows} == {"Ana", "Bo"}
    assert {"estimated_chance_knows_now", "status", "attempts", "last_seen", "language",
            "wida_level", "level_source", "roster_no"} <= set(rows[0])
    assert "student_id" not in rows[0] and str(1001) not in {r["roster_no"] for r in rows}
    ana = [r for r in rows if r["student"] == "Ana" and r["attempts"] != "0"]
    assert ana and all(r["correct"] == r["attempts"] for r in ana)


async def test_repeated_misses_alert_the_teacher_once_a_day_in_one_message(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student, level=3)
    alerts = 0
    for _ in range(4):  # a check a day, every answer wrong
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, 1001) is not None:  # re-teaching too
            calls = await answer_current(chat, student, False) + await chat.deliver()
            alerts += sum(1 for c in calls if c.chat_id == TEACHER_ID and "missed" in c.text)
        chat.clock.advance(days=1)
    words = chat.db.execute("SELECT count(*) FROM mastery WHERE alerted_at IS NOT NULL"
                            ).fetchone()[0]
    assert alerts == 1 and words >= 2  # every stuck word named in one alert, not one each


async def test_a_teacher_who_never_pushed_gets_the_daily_alert_in_her_phones_language(
        chat: Chat) -> None:
    # Only a push used to record the language a teacher reads: a Spanish-speaking teacher's
    # alerts came in English until her first push (playtest 9).
    await chat.send(chat.user(TEACHER_ID, "Rivera", "es"), "/roster")
    student = chat.user(lang="es")
    await join_and_confirm(chat, student, level=3)
    alerts: list[str] = []
    for _ in range(4):  # a check a day, every answer wrong
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, 1001) is not None:  # re-teaching too
            calls = await answer_current(chat, student, False) + await chat.deliver()
            alerts += [c.text for c in calls if c.chat_id == TEACHER_ID and "⚠️" in c.text]
        chat.clock.advance(days=1)
    assert alerts and all("ha fallado estas palabras" in a for a in alerts)


async def test_teacher_pack_csv_is_validated_and_private(chat: Chat) -> None:
    good = ("term,pos,tier,definition,example,es_term\n"
            "volcano,noun,3,A mountain that can send out hot lava.,The volcano erupted.,volcán\n")
    chat.api.uploads["f1"] = good.encode()
    calls = await chat.process(chat.factory.document(teacher(chat), "f1", "Volcanoes.csv",
                                                     len(good)))
    assert "t9001.volcanoes" in texts(calls)
    assert chat.db["packs"].get("t9001.volcanoes")["owner_teacher_id"] == TEACHER_ID
    other = teacher(chat, 9002)
    people.upsert_teacher(chat.db, 9002, "Other", chat.clock())
    assert "t9001.volcanoes" not in texts(await chat.send(other, "/packs"))


async def test_broken_teacher_pack_lists_problems_and_saves_nothing(chat: Chat) -> None:
    bad = ("term,pos,tier,definition,example\n"
           "volcano,noun,3,A mountain with lava.,The volcano erupted.\n"
           "magma,thing,9,,Hot rock.\n")
    chat.api.uploads["f2"] = bad.encode()
    before = chat.db["words"].count
    reply = texts(await chat.process(chat.factory.document(teacher(chat), "f2", "Rocks.csv",
                                                           len(bad))))
    assert "Rocks.csv:3:" in reply and "pos 'thing'" in reply
    assert "missing required field 'definition'" in reply
    assert chat.db["words"].count == before
    assert chat.db.execute("SELECT count(*) FROM packs WHERE id = 't9001.rocks'"
                           ).fetchone()[0] == 0


async def test_a_self_placed_level_is_not_shown_as_a_wida_level_until_the_teacher_sets_it(
        chat: Chat) -> None:
    mateo = chat.user(1001, "Mateo", lang="es")
    await join_and_confirm(chat, mateo, level=None)
    dont_know = len(placement.PLACEMENT[0].options)  # the 🤷 button after the options
    await chat.tap(mateo, callbacks.data(callbacks.PLACEMENT, 0, dont_know))

    drill = texts(await chat.send(teacher(chat), "/student Mateo"))
    roster = texts(await chat.send(teacher(chat), "/roster"))
    assert drill.startswith("<b>Mateo</b> - Spanish, level 1 (self-placed; /level sets it)")
    # placement sent her first card, on Puente's own move: not read until she taps it
    assert ("Mateo #1 - Spanish, level 1 (self-placed; /level sets it): 📭 3 cards not opened "
            "yet") in roster
    assert "WIDA" not in drill + roster

    await chat.send(teacher(chat), "/level Mateo 2")
    assert texts(await chat.send(teacher(chat), "/student Mateo")).startswith(
        "<b>Mateo</b> - Spanish, WIDA level 2")


async def test_a_teacher_who_blocked_the_bot_costs_the_student_nothing(chat: Chat) -> None:
    student = chat.user(lang="es")
    await join_and_confirm(chat, student, level=3)
    chat.api.block(TEACHER_ID)  # Telegram: 403 Forbidden: bot was blocked by the user
    replies = []
    for _ in range(4):  # a check a day, every answer wrong
        await check_now(chat, student)
        while check_items.next_open_item(chat.db, 1001) is not None:  # re-teaching too
            replies += [c for c in await answer_current(chat, student, False)
                        if c.chat_id == 1001]
        chat.clock.advance(days=1)
    assert chat.db.execute("SELECT count(*) FROM mastery WHERE alerted_at IS NOT NULL"
                           ).fetchone()[0] >= 2  # the alert was due (and refused)
    assert "algo salió mal" not in "".join(c.text for c in replies)  # no error-generic
    assert chat.db["students"].get(1001)["blocked_at"] is None  # she did not block anyone


async def test_student_or_family_with_no_name_gets_the_usage_line_not_an_empty_name(
        chat: Chat) -> None:
    await join_and_confirm(chat, chat.user(lang="es"))
    for command in ("/student", "/family", "/student   ", "/thread"):
        reply = texts(await chat.send(teacher(chat), command))
        assert reply == f"Send the student's name like this: {command.strip()} NAME", command
        assert "can't find" not in reply
    assert chat.db["family_links"].count == 0


async def _upload(chat: Chat, name: str, content: str) -> str:
    file_id = f"f{len(chat.api.uploads) + 1}"
    chat.api.uploads[file_id] = content.encode()
    return texts(await chat.process(chat.factory.document(teacher(chat), file_id, name,
                                                          len(content))))


async def test_a_smaller_pack_upload_keeps_a_students_answers_and_re_adding_brings_them_back(
        chat: Chat) -> None:
    rows = {"habitat": "noun,2,A natural home.,A pond is a frog's habitat.",
            "erosion": "noun,3,The wearing away of rock.,Rain causes erosion.",
            "adapt": "verb,2,To change to fit.,Animals adapt to cold."}
    full = "term,pos,tier,definition,example\n" + "".join(f"{t},{r}\n" for t, r in rows.items())
    await _upload(chat, "ELD_words.csv", full)
    jean = chat.user(1001, "Jean", lang="ht")
    await join_and_confirm(chat, jean, lang="ht")
    await chat.send(teacher(chat), "/push t9001.eld-words")
    for word in pack_words(chat.db, "t9001.eld-words"):
        study.save_mastery(chat.db, 1001, word.id, new_mastery(word.id, chat.clock()),
                           chat.clock(), answered=True)
    before = texts(await chat.send(teacher(chat), "/student Jean"))

    reply = await _upload(chat, "ELD_words.csv", "term,pos,tier,definition,example\n"
                          f"habitat,{rows['habitat']}\n")
    assert ("Your pack <b>t9001.eld-words</b> is ready with 1 word. Send it "
                            "with /push t9001.eld-words\n📦 Retired, because this file leaves "
                            "them out: erosion, adapt. 1 student has answers on them: those "
                            "answers stay in /report and /student, but no student is shown or "
                            "asked these words any more. Put them back in the file to bring "
                            "them back." in reply)
    assert "filled by machine translation" not in reply  # nothing was filled: not said
    kept = texts(await chat.send(teacher(chat), "/student Jean"))
    assert kept == before.replace("adapt: 1 answer, too few to tell · learning",
                                  "adapt: 1 answer, too few to tell · learning · 📦 retired from "
                                  "its pack").replace(
        "erosion: 1 answer, too few to tell · learning",
        "erosion: 1 answer, too few to tell · learning · 📦 retired from its pack")
    assert "📦" not in before
    assert "erosion" not in texts(await chat.send(teacher(chat), "/push t9001.eld-words"))

    reply = await _upload(chat, "ELD_words.csv", full)
    assert ("↩️ Back in the pack, with the answers students gave before: erosion, adapt"
            in reply)
    assert texts(await chat.send(teacher(chat), "/student Jean")) == before


async def test_a_pack_upload_that_leaves_out_one_word_says_it_not_them(chat: Chat) -> None:
    header = "term,pos,tier,definition,example\n"
    habitat = "habitat,noun,2,A natural home.,A pond is a frog's habitat.\n"
    adapt = "adapt,verb,2,To change to fit.,Animals adapt to cold.\n"
    await _upload(chat, "ELD_words.csv", header + habitat + adapt)

    reply = await _upload(chat, "ELD_words.csv", header + adapt)
    assert ("📦 Retired, because this file leaves it out: habitat. No student has answered it. "
            "Put it back in the file to bring it back." in reply)
    assert "them" not in reply


async def test_a_pack_with_hundreds_of_problems_lists_thirty_and_counts_the_rest(
        chat: Chat) -> None:
    bad = "term,pos,tier,definition,example\n" + "".join(f"w{i},noun,2,,\n" for i in range(400))
    chat.api.uploads["f1"] = bad.encode()
    calls = [c for c in await chat.process(chat.factory.document(teacher(chat), "f1",
                                                                 "Many.csv", len(bad)))
             if c.text]
    assert len(calls) == 1
    lines = calls[0].text.split("\n")
    assert lines[0] == "Nothing was added. Please fix these problems and send the file again:"
    assert lines[1:31] == [f"Many.csv:{2 + i // 2}: word {1 + i // 2} (w{i // 2}): missing "
                           f"required field '{('definition', 'example')[i % 2]}'"
                           for i in range(30)]
    assert lines[31:] == ["…and 770 more problems. Fix these and send the file again to see "
                          "the rest."]


async def test_a_home_language_term_without_its_definition_is_pointed_out(chat: Chat) -> None:
    reply = await _upload(chat, "Rocks.csv", "term,pos,tier,definition,example,so_term,"
                          "so_definition\nmagma,noun,3,Hot melted rock.,Magma is hot.,magma,\n")
    # nobody of hers reads Somali yet: one line, not a warning (with students who do, the
    # newcomers' line names it: tests/handlers/test_pack_upload_newcomers.py)
    assert ("ℹ️ The file's other languages (Somali): 1 word without a term or a definition in "
            "one of them. No student of your classes reads them yet." in reply), reply
    assert "filled by machine translation" not in reply
