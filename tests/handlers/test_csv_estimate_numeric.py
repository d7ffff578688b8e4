"""The CSV's `estimated_chance_knows_now` is a number or empty, so a spreadsheet can sort and
average it (data-coach playtest: "too few answers" and "not answered" among the numbers); why
a row has none is in `no_estimate_reason`, a column of its own, added last."""

from __future__ import annotations

from tests.harness import TEACHER_ID, Chat, ask_typed, csv_rows, join_and_confirm


async def test_the_estimate_column_holds_only_numbers_and_the_reason_has_its_own(
        chat: Chat) -> None:
    ana, bo = chat.user(1001, "Ana", "es"), chat.user(1002, "Bo", "es")
    await join_and_confirm(chat, ana, level=4)
    await join_and_confirm(chat, bo, level=4)
    ask_typed(chat, "science.ecosystems", "habitat", "es")
    await chat.send(ana, "habitat")  # one answer: too few to tell
    rows = csv_rows(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/report"))
    assert list(rows[0])[-5:] == ["no_estimate_reason", "accepted_by_teacher",
                                  "mastered_missed_writing", "dont_know",
                                  "listening_dont_know"]  # each added last
    for row in rows:  # a number (0-1) or nothing, and then a reason; never both
        estimate = row["estimated_chance_knows_now"]
        assert (estimate == "") == (row["no_estimate_reason"] != ""), row
        assert estimate == "" or 0 <= float(estimate) <= 1
    reasons = {(r["student"].split(" #")[0], r["word"]): r["no_estimate_reason"] for r in rows}
    assert reasons["Ana", "habitat"] == "too few answers"
    assert reasons["Bo", "habitat"] == "not answered"
