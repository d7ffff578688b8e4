"""A student is told the school day words come back, and the weekend day before it when they
are ready then: a check's last line, /progress and /check name the first school day on or
after the words are ready ("on Monday"), as the reminder comes then (playtest 13: "come back
tomorrow" on a Friday), and a Saturday /check asks them, so "on Monday" alone told a child
there was nothing to do until then (playtest): "on Saturday (or on Monday, at school)"."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.scaffold import ItemType, scaffold_for
from bot.domain.variety import item_kinds
from bot.store import check_items, excused, study
from tests.clock import START
from tests.harness import (
    Chat,
    answer_current,
    check_now,
    class_pack_in_review,
    join_and_confirm,
    open_item,
    page_through,
    texts,
    with_holidays,
)

FRIDAY = START + timedelta(days=4)  # Friday 18 September, 11:00 at school
MONDAY_HOLIDAY = date(2026, 9, 21)
SHORT = "🌱 Esta vez la prueba es corta"
SATURDAY = ("Más palabras vuelven para repasar el sábado (o el lunes, en la escuela).\n"
            "More words come back for review on Saturday (or on Monday, at school).")
# a long weekend (no Monday to name beside it): the Saturday by its date, and the school day
# the reminder comes on (Tuesday), which "in 1 day (Sat 19 Sep)" alone never said
LONG_WEEKEND = ("Más palabras vuelven para repasar en 1 día (sáb 19 de septiembre, o mar 22 de "
                "septiembre en la escuela).\n"
                "More words come back for review in 1 day (Sat 19 Sep, or Tue 22 Sep at "
                "school).")


async def friday_check(chat: Chat, last: str = "tap", away: date | None = None) -> str:
    """Ana (level 2, Spanish) reads her cards on Friday and answers her check wrong (a missed
    word rests until the next day, Saturday); the last answer tapped, or typed as the button's
    label; her family said she will not be at school on the day `away`. All the bot said."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    if away is not None:  # her family's "📅 not at school on DAY" (family member 2001)
        excused.excuse(chat.db, ana["id"], away, 2001, START)
    chat.clock.now = FRIDAY
    await page_through(chat, ana, await chat.send(ana, "/words"))
    said = [texts(await check_now(chat, ana))]
    while (stored := check_items.next_open_item(chat.db, ana["id"])) is not None:
        if last == "typed" and check_items.check_state(chat.db, stored.id).number == \
                check_items.check_state(chat.db, stored.id).total and not stored.item.typed:
            wrong = next(o for o in stored.item.options if o != stored.item.answer)
            said.append(texts(await chat.send(ana, wrong)))  # a button's label, typed
        else:
            said.append(texts(await answer_current(chat, ana, right=False)))
    return "\n".join(said)


async def test_a_check_finished_on_friday_says_saturday_or_monday(chat: Chat) -> None:
    said = await friday_check(chat)
    assert said.endswith("Check finished: 0 of 4 right. That is OK. Look at the cards again "
                         "with /words.\n" + SATURDAY)
    assert "mañana" not in said and "tomorrow" not in said
    # each missed word's feedback says it as the last line does
    assert "You will see it again on Saturday (or on Monday, at school)." in said
    assert "on Monday." not in said
    chat.clock.advance(minutes=5)
    ana = chat.user(lang="es")
    progress = texts(await chat.send(ana, "/progress")).split("\n")
    assert ("✅ Por ahora, todo listo. Más palabras vuelven el sábado (o el lunes, en la "
            "escuela).") in progress
    assert ("✅ All done for now. More words come back on Saturday (or on Monday, at "
            "school).") in progress
    assert texts(await chat.send(ana, "/check")) == (
        "✅ Por ahora, todo listo. Más palabras vuelven el sábado (o el lunes, en la escuela).\n"
        "✅ All done for now. More words come back on Saturday (or on Monday, at school).")
    chat.clock.advance(days=1)  # Saturday: the one rule is unchanged, her words are ready
    assert "👉 4 palabras listas: /check" in texts(await chat.send(ana, "/progress"))


@pytest.mark.parametrize("last", ["tap", "typed"])
@pytest.mark.parametrize("off", ["holiday", "excused"])
async def test_a_holiday_in_the_config_is_skipped_too(chat: Chat, last: str, off: str) -> None:
    """Monday is a holiday, or her family said she will not be at school on Monday (📅, no
    reminder comes that day): the words, the missed ones' feedback too, come back on
    Saturday, named by its date (no Monday to say beside it), or on Tuesday at school."""
    if off == "holiday":
        with_holidays(chat, MONDAY_HOLIDAY)
    said = await friday_check(chat, last, away=MONDAY_HOLIDAY if off == "excused" else None)
    assert said.endswith(LONG_WEEKEND)
    assert ("You will see it again in 1 day (Sat 19 Sep, or Tue 22 Sep at school)."
            in said)  # a missed word's too
    assert "lunes" not in said and "Monday" not in said
    ana = chat.user(lang="es")
    chat.clock.advance(minutes=5)
    assert ("✅ All done for now. More words come back in 1 day (Sat 19 Sep, or Tue 22 Sep at "
            "school).") in texts(await chat.send(ana, "/progress"))
    assert texts(await chat.send(ana, "/check")).endswith(
        "✅ All done for now. More words come back in 1 day (Sat 19 Sep, or Tue 22 Sep at "
        "school).")
    chat.clock.advance(days=3)  # the holiday: the one rule is unchanged, her words are ready
    assert "👉 4 words ready: /check" in texts(await chat.send(ana, "/progress"))


async def test_a_short_check_on_friday_and_its_quiz_poll_answer_skip_the_holiday(
        chat: Chat) -> None:
    """One word ready now and the rest due Saturday: a one-question check, a quiz poll, whose
    last line names the Saturday by its date, as no Monday comes to say beside it (its note
    says only that the check is short: "when" is said once, at the end)."""
    with_holidays(chat, MONDAY_HOLIDAY)
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    chat.clock.now = FRIDAY
    class_pack_in_review(chat.db, FRIDAY - timedelta(days=1))  # due Saturday
    due = min(study.student_mastery(chat.db, ana["id"]))
    state = study.get_mastery(chat.db, ana["id"], due)
    assert state is not None
    learning = replace(  # still learning: not a recall
        state, success_days=frozenset(), first_correct_at=None, due_at=FRIDAY)
    kinds = scaffold_for(2).item_types
    while item_kinds(kinds, [(due, study.student_mastery(chat.db, ana["id"])[due].attempts)]) \
            != [ItemType.POLL]:  # a practice answer more, days ago: its one item is a poll
        study.save_mastery(chat.db, ana["id"], due, learning, FRIDAY - timedelta(days=3), True,
                           practice=True)
    study.save_mastery(chat.db, ana["id"], due, learning, FRIDAY)
    study.mark_shown(chat.db, ana["id"], [due], FRIDAY)  # its card read
    note = texts(await chat.send(ana, "/check"))
    assert note.startswith(SHORT) and LONG_WEEKEND not in note
    stored = open_item(chat, ana["id"])
    assert stored.item.word_id == due and stored.poll_id is not None
    said = texts(await chat.vote(ana, stored.poll_id, stored.item.options.index(
        stored.item.answer)))
    assert said.endswith("Check finished: 1 of 1 right. Excellent! 🌟\n" + LONG_WEEKEND)


async def test_reminders_wait_out_a_holiday_from_the_config(chat: Chat) -> None:
    """Reminders already skip weekends; a holiday in [school] holidays is skipped the same way,
    so "back on Tuesday" is when the reminder comes."""
    with_holidays(chat, MONDAY_HOLIDAY)
    ana, bo = chat.user(lang="es"), chat.user(1002, "Bo", lang="es")
    for student in (ana, bo):
        await join_and_confirm(chat, student, level=2)
        await page_through(chat, student, await chat.send(student, "/words"))  # ready, unasked
    await chat.send(ana, "/remind 16:30")  # Bo keeps the school's time, 16:00
    own = next(j for j in chat.app.job_queue.jobs() if j.data == ana["id"])
    school = chat.app.job_queue.get_jobs_by_name("school-reminder")[0]
    holiday = datetime(2026, 9, 21, 20, 30, tzinfo=UTC)  # Monday 21, 16:30 at school
    for when in (holiday, holiday + timedelta(days=1)):
        chat.clock.now = when
        before = len(chat.api.calls)
        await own.run(chat.app)
        await school.run(chat.app)
        sent = {c.chat_id for c in chat.api.calls[before:] if "/check" in (c.text or "")}
        assert sent == (set() if when == holiday else {ana["id"], bo["id"]})

