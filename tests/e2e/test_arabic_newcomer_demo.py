"""Issue 10's 'done means': a level-1 Arabic newcomer's first week, replayed with
`puente demo --script docs/demo-arabic-level1.txt`."""

from __future__ import annotations

import re
from pathlib import Path

from bot.demo.player import run_demo

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "demo-arabic-level1.txt"


async def test_arabic_level_one_week_has_pictures_arabic_first_and_one_card_messages(
        ) -> None:
    lines: list[str] = []
    await run_demo(SCRIPT.read_text(encoding="utf-8").splitlines(), out=lines.append)
    printed = "\n".join(lines)
    assert "المستوى 1" in printed  # "I don't know" placed her at level 1
    assert "\nنظام بيئي\n" in printed  # the Arabic term first (no picture names it)
    assert "All the living and nonliving things" not in printed  # no English definition
    assert "A ___ is an ecosystem." in printed and "because ___" not in printed
    assert "All the plants, animals and things in one place." in printed  # the simple line
    assert "[voice note" in printed  # she heard her words
    # one card a message: Next turns the same message to the next word, the last offers ✅
    assert "(taps [التالي ◀ 2/3])\n🤖 Puente (same message, updated): كائن حي" in printed
    assert "[1 🔊 استماع]  [2 ✅ اختبرني]  [3 ▶ السابق 2/3]" in printed  # RTL: back on the right
    assert "Check finished: 3 of 3 right" in printed
    # progress in Arabic first, three short lines (words by state, days in a row, next step)
    progress = printed[printed.index("🧒 Student: /progress"):]
    # Day 1's answers came minutes after their cards: practice, not a day right (mastery.
    # card_shown_today). On each school day after it, the last of her three words could only
    # be chosen by ruling out the words she had just answered (bot/domain/evidence.py), so she
    # wrote it (bot/domain/check_plan.py), on the letter tiles a level-1 question to write
    # opens with (tiles.first: no 🔤 to tap first, typing still taken). Those tiles spell no
    # other word she could not rule out (the two she had just answered: no decoy is left), so
    # they named it as the one option left would: practice (tiles.counted_words). A right tap
    # by ear is no evidence of meaning (mastery.heard): ecosystem and organism, each heard on
    # one of the two days, are right on one day; all three are still learning (habitat,
    # spelled on both days, was "in review" when any spelling counted as recall)
    assert printed.count("   (types: ") == 0 and printed.count(" أحرف)\n") == 0
    assert printed.count("   (taps the tiles h a b i t a t, then ✅)") == 2
    # each of her three tile screens (two to write) asks in one Arabic line (tiles.one_line):
    # no English copy, nothing about typing
    assert printed.count("🔤 أي كلمة إنجليزية تعني هذا؟ الحروف في الأزرار تكوّنها، "
                         "وبعدها ✅. بعض الحروف ليست من الكلمة.") == 3
    assert "You can also type it" not in printed and "🔤 Tap the letters" not in printed
    assert "[chart" not in progress and "📖 قيد التعلّم: 3\n" in progress
    # (today's practice done, each word comes back tomorrow: the next step says so)
    assert "🔥 أيام الدراسة المتتالية" in progress and "✅ انتهيت الآن" in progress
    assert len(progress.splitlines()) == 1 + 6  # the command, three lines in each language
    replies = re.split(r"\n(?=🤖|🧒)", printed)
    assert max(len(r) for r in replies if r.startswith("🤖")) <= 900
