"""`puente demo` moves its clock as a person would: an answer takes time to read and choose,
each letter tile a moment more. At 4 s an action, the "answers very fast" line, an honest but
struggling level-1 child (Paj, Hmong, about 40 % right with several 🤷) was flagged "⏱️ maybe
tapping without reading" in every demo (playtest)."""

from __future__ import annotations

from bot.demo.player import run_demo

STRUGGLING = """
    as teacher
    /newclass Science 4
    student Paj en
    as Paj
    /start {code:Science 4}
    nyob zoo
    tap Hmoob
    tap 🔊 Mloog
    tap book
    tap 🤷 Kuv tsis paub
    tap 🔊 Mloog
    tap Tom ntej ▶ 2/3
    tap Tom ntej ▶ 3/3
    tap ✅ Xeem kuv
    answer right
    answer wrong
    tap 🤷 Kuv tsis paub · I don't know
    as teacher
    /roster Science 4
    /push science.matter-and-forces evaporation, condensation, precipitation to Science 4
    /family Paj
    family Txiv en
    as Txiv
    /start {family-link:Paj}
    tap Hmoob
    as Paj
    tap Tom ntej ▶ 2/3
    tap Tom ntej ▶ 3/3
    tap ✅ Xeem kuv
    answer wrong
    tap 🤷 Kuv tsis paub · I don't know
    answer right
    as teacher
    /push math.number-operations addition, subtraction, sum to Science 4
    as Paj
    wait 1d
    /words
    /check
    answer wrong
    answer wrong
    tap 🤷 Kuv tsis paub · I don't know
    answer right
    answer wrong
    answer wrong
    answer right
    answer wrong
    tap 📘 Kuv cov daim npav tshiab · My new cards
    tap Tom ntej ▶ 2/3
    tap Tom ntej ▶ 3/3
    tap ✅ Xeem kuv
    answer right
    tap 🤷 Kuv tsis paub · I don't know
    answer wrong
    wait 1d
    /check
    answer wrong
    answer right
    tap 🤷 Kuv tsis paub · I don't know
    answer wrong
    answer right
    wait 1d
    as teacher
    /student Paj
"""


async def test_an_honest_struggling_child_in_the_demo_is_not_called_a_fast_tapper() -> None:
    lines: list[str] = []
    await run_demo(STRUGGLING.strip().splitlines(), out=lines.append)
    printed = "\n".join(lines)
    assert "tapping without reading" not in printed
    assert "⏱️ Time per answer: median 10 s" in printed  # /student: a person's pace
