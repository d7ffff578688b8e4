"""`puente demo`: `wait` shows what the bot does on its own (reminders, the weekly family
update) at its simulated time, and `tap` presses only buttons the current speaker was shown."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.demo.player import Demo

JOIN = ["/start {code}", "tap Español", "tap 🤷 No sé", "/words"]
FAMILY = ["as teacher", "/family Ana", "as family", "/start {family-link}", "tap Español",
          "as student"]


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[tuple[Demo, list[str]]]:
    lines: list[str] = []
    player = Demo(tmp_path / "demo.db", lines.append)
    await player.open()
    yield player, lines
    await player.close()


async def play(demo: Demo, script: list[str]) -> None:
    for line in script:
        await demo.send(line)


def stamped(lines: list[str]) -> list[tuple[str, str]]:
    """(simulated time shown, the first line of the message under it) for each job's message."""
    return [(re.sub(r",.*", "", lines[i])[1:], lines[i + 1].split("\n")[0])
            for i in range(len(lines) - 1)
            if re.fullmatch(r"\(\w{3} \d\d \w{3} \d\d:\d\d school time, \d\d:\d\d UTC\)",
                            lines[i])]


async def test_waiting_shows_daily_reminders_and_the_weekly_family_update_in_time_order(
        demo: tuple[Demo, list[str]]) -> None:
    player, lines = demo
    await play(player, [*JOIN, "/remind 16:00", *FAMILY])
    del lines[:]
    await play(player, ["wait 1d", "wait 1d", "wait 7d", "as family"])
    shown = stamped(lines)
    reminders = [when for when, text in shown if text.startswith("🤖 Puente: ¡Hola, Ana!")]
    # 16:00 school time on the school days the clock passed (not Saturday or Sunday), once a
    # word is ready: on Monday she read one card of three, and that word waits for the other
    # two (a /check would show them and ask nothing), so no reminder says "words to review".
    # She answers none: after 3, they come every 3 school days (reminder_backoff)
    assert reminders == ["Tue 15 Sep 16:00 school time",
                         "Wed 16 Sep 16:00 school time", "Thu 17 Sep 16:00 school time",
                         "Tue 22 Sep 16:00 school time"]
    # the family member reads the Friday update when they look at their phone
    assert shown[-1] == ("Fri 18 Sep 17:00 school time", "🤖 Puente: 📬 La semana de Ana")
    printed = "\n".join(lines)
    assert printed.index("(the clock is now Wed 23 Sep") < printed.index("📬 La semana de Ana")


async def test_a_student_who_turned_reminders_off_gets_none_while_the_demo_waits(
        demo: tuple[Demo, list[str]]) -> None:
    player, lines = demo
    await play(player, [*JOIN, "/remind off"])
    del lines[:]
    await play(player, ["wait 3d"])
    assert "Palabras para repasar" not in "\n".join(lines)
    assert lines[-1] == "(the clock is now Thu 17 Sep 15:00 school time, 19:00 UTC)"


async def test_a_student_taps_her_own_buttons_not_the_ones_the_teacher_was_just_shown(
        demo: tuple[Demo, list[str]]) -> None:
    player, lines = demo
    await play(player, ["/start {code}", "as teacher", "/deleteme", "as student", "tap 1"])
    assert "   (taps [Español ✅ Sí])" in lines  # her language menu, not the teacher's "Delete"
    del lines[:]
    await play(player, ["as teacher", "tap 2"])
    assert "   (taps [Keep it])" in lines
    await play(player, ["as family", "tap 1"])
    assert lines[-1] == "(there is no button to tap)"  # nobody showed the family any


async def test_waiting_runs_one_off_jobs_once_and_repeating_jobs_at_each_time_in_order(
        demo: tuple[Demo, list[str]]) -> None:
    player, _ = demo
    start, fired = player.clock.now, []

    async def note(context: object) -> None:
        fired.append((player.clock.now - start) / timedelta(hours=1))

    queue = player.app.job_queue
    assert queue is not None
    queue.run_once(note, start + timedelta(hours=2), name="once")
    queue.run_repeating(note, timedelta(hours=6), first=start + timedelta(hours=1))
    await play(player, ["wait 1d"])
    assert fired == [1, 2, 7, 13, 19]
    assert not queue.get_jobs_by_name("once")  # done: off the queue, as the scheduler does
    await play(player, ["wait 12h"])
    assert fired[5:] == [25, 31]


async def test_answer_right_answers_the_open_question_after_a_card_was_sent_below_it(
        demo: tuple[Demo, list[str]]) -> None:
    """`answer right` answers the open question, a quiz poll or buttons, even when /words
    sent a card (with its own buttons) after it: it tapped the card's Next (teacher playtest)."""
    player, lines = demo
    await play(player, [*JOIN, "tap Siguiente ▶ 2/3", "tap Siguiente ▶ 3/3", "tap 3"])
    for right in (True, False):  # question 1 is a quiz poll, question 2 has buttons
        await play(player, ["/words"])
        del lines[:]
        await play(player, [f"answer {'right' if right else 'wrong'}"])
        said = "\n".join(lines)
        assert "(no such button)" not in said and "Siguiente" not in said
        assert ("✅ ¡Sí!" in said) is right and ("Esta vez no" in said) is not right


async def test_a_second_student_joins_the_class_and_gets_her_own_replies(
        demo: tuple[Demo, list[str]]) -> None:
    """`student NAME LANG` gives the demo a class of several (it had one student: teacher
    playtest); each phone reads only what was sent to it."""
    player, lines = demo
    await play(player, [*JOIN, "student Hodan so"])
    del lines[:]
    await play(player, ["/start {code}"])
    assert lines[0] == f"\n🧒 Hodan: /start {player.code}"
    assert "Ku soo dhawoow, Hodan!" in "\n".join(lines)  # her phone is set to Somali
    del lines[:]
    await play(player, ["as student", "as Hodan", "as teacher", "/roster"])
    assert lines[:3] == ["\n🧒 Hodan: as student", "\n🧒 Student: as Hodan",
                         "\n🧒 Hodan: as teacher"]  # nothing new for either: no reply shown
    roster = "\n".join(lines[4:])
    assert "Science 7B: 2 students" in roster and "\nHodan #2 - " in roster
