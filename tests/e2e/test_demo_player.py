"""What `puente demo` shows and accepts: a button tapped by the start of its label, the files a
teacher downloads shown by name and size, a report's CSV by its first rows."""

from __future__ import annotations

import re
from pathlib import Path

from bot.demo.player import run_demo

JOURNEY = Path(__file__).resolve().parents[2] / "docs" / "demo-journey.txt"


async def play(script: str) -> str:
    lines: list[str] = []
    await run_demo(script.strip().splitlines(), out=lines.append)
    return "\n".join(lines)


async def test_a_button_can_be_tapped_by_the_start_of_its_label() -> None:
    printed = await play("/start {code}\ntap Esp\ntap 🤷")
    assert "(taps [Español ✅ Sí])" in printed
    assert "(taps [🤷 No sé])" in printed


async def test_a_start_that_fits_two_buttons_taps_neither() -> None:
    printed = await play("/start {code}\ntap E")  # Español and English
    assert "(no such button: tap N, a whole label, or the start of one label)" in printed
    assert "(taps [" not in printed


async def test_the_teachers_report_shows_its_pictures_and_the_csvs_first_rows() -> None:
    script = JOURNEY.read_text(encoding="utf-8").split("\n/report\n")[0] + "\n/report"
    printed = await play(script)  # the documented journey, up to the teacher's first /report
    assert "[picture mastery.png, " in printed
    assert "[file Science-7B-2026-09-23-mastery.csv, " in printed
    assert "   | student,roster_no,language,wida_level" in printed
    assert not re.search(r"(?<![\d.])0 KB", printed)  # no empty file ("10 KB" is no "0 KB")


async def test_tap_by_label_taps_the_message_that_shows_it_now_not_an_old_copy() -> None:
    # Two lists of cards; the newest is turned to card 2, so only the older one still shows
    # "Next 2/5". Tapping an old copy of the newest made its Next look spent (playtest).
    printed = await play("""/start {code}
tap العربية
tap 🤷
as teacher
/level Ana 3
as student
/words
/words
tap التالي ◀ 2/5
tap التالي ◀ 2/5""")
    last = printed.rsplit("tap التالي ◀ 2/5", 1)[1]
    assert "(same message, updated): organism" in last
    assert "قائمة قديمة" not in last  # no "from an old list"


async def test_a_quiz_polls_option_is_tapped_by_the_start_of_its_label() -> None:
    # `tap 🤷` on a quiz poll did nothing: the demo sent a vote for option -1 (playtest)
    reach = "/start {code}\ntap Esp\ntap 🤷\ntap Siguiente ▶ 2/3\ntap Siguiente ▶ 3/3\ntap 3\n"
    printed = await play(reach + "tap 🤷")
    assert "Puente (quiz): Pregunta 1/3" in printed
    assert "   (votes (4) 🤷 No sé · I don't know)" in printed
    assert "No pasa nada." in printed.rsplit("(votes (4)", 1)[1]  # the 🤷 answer's feedback


async def test_a_label_no_poll_option_has_is_a_clear_error_and_no_vote() -> None:
    reach = "/start {code}\ntap Esp\ntap 🤷\ntap Siguiente ▶ 2/3\ntap Siguiente ▶ 3/3\ntap 3\n"
    printed = await play(reach + "tap zebra\nanswer right")
    after = printed.rsplit("tap zebra", 1)[1]
    assert "(no such option: tap N, a whole option, or the start of one option)" in after
    assert "votes" not in after.split("answer right")[0]
    assert "✅ ¡Sí!" in after  # the question was still open: no vote had been cast
