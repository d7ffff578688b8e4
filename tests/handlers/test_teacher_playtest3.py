"""Teacher playtest, round 2: small things that cost a busy teacher time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.presentation import callbacks
from bot.presentation.i18n import Catalog
from bot.presentation.report_summary import HARD_FOR
from tests.families import WOODLY, answered, rivera, shared_phone
from tests.harness import TEACHER_ID, Chat, texts


async def test_remove_warns_when_a_family_message_waits_for_the_teachers_answer(
        chat: Chat) -> None:
    """Playtest: /remove Pao said nothing of the family message /thread showed "⏳ waiting
    for your answer"; the confirmation question says it, and says nothing once answered."""
    mother = await shared_phone(chat)
    assert "⏳" not in texts(await chat.send(rivera(chat), "/remove Woodly"))
    await chat.send(mother, "/ask Kijan pitit mwen ap mache lekòl la?")
    await chat.tap(mother, callbacks.data(callbacks.ASK, WOODLY))
    await chat.deliver()
    asked = texts(await chat.send(rivera(chat), "/remove Woodly"))
    assert asked.startswith("Remove Woodly from <b>Science 7B</b>?")
    assert "\n⏳ A message about Woodly is waiting for your answer: /thread Woodly shows it." \
        in asked


async def test_remove_says_nothing_of_messages_already_answered(chat: Chat) -> None:
    mother = await shared_phone(chat)
    await answered(chat, mother, WOODLY, rivera(chat))
    assert "⏳" not in texts(await chat.send(rivera(chat), "/remove Woodly"))


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt", "ht", "so", "hmn", "vi", "zh", "ar",
                                  "ko", "ru", "tl"])
def test_the_first_reports_two_translation_lines_do_not_start_alike(
        catalog: Catalog, lang: str) -> None:
    """Playtest: "Translations no speaker has checked yet: Hmong…" and, three lines later,
    "Translations no speaker has checked yet were made by machine…" read as a repeat."""
    listed = catalog.plain("report-translations-unchecked", lang, languages="Hmong (hmn)")
    explained = catalog.plain("report-help-translations", lang)
    assert listed[:12] != explained[:12]


async def test_thread_and_families_write_dates_as_every_other_teacher_view(chat: Chat) -> None:
    """Playtest: /thread said "2026-09-24 16:45" and /families "linked 2026-09-17" while the
    rest of Puente says "Thu 17 Sep"."""
    mother = await shared_phone(chat)
    await answered(chat, mother, WOODLY, rivera(chat))
    thread = texts(await chat.send(rivera(chat), "/thread Woodly"))
    families = texts(await chat.send(rivera(chat), "/families"))
    assert re.search(r"\n(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} Sep \d\d:\d\d ", thread), thread
    assert re.search(r"linked (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} Sep", families), families
    assert not re.search(r"\d{4}-\d\d-\d\d", thread + families)


def test_the_readme_and_docs_say_the_hardest_words_rule_report_uses() -> None:
    """Playtest: the README said hardest words are "at least half wrong" while /report listed
    "predator: correct 8 of 15 (needs help: 2 of 3 students)": the rule counts students."""
    root = Path(__file__).resolve().parents[2]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    docs = " ".join((root / "docs" / "reports.md").read_text(encoding="utf-8").split())
    assert "the hardest words: at least two answers and at least half wrong" not in readme
    assert f"the hardest words: those {HARD_FOR} or more students need help with" in readme
    assert f"a word is listed when at least {HARD_FOR} students need help with it" in docs


async def test_a_family_members_deleteme_is_told_to_the_teacher_and_frees_their_link_place(
        chat: Chat) -> None:
    """Playtest: a family member's /deleteme told the teacher nothing; /thread then said "No
    messages about Ayaan yet" though there had been messages; the link still read "used by 1
    of 4"."""
    mother = await shared_phone(chat)
    before = texts(await chat.send(rivera(chat), "/families"))
    assert before.count("used by 1 of 4") == 2  # the mother's link and the father's
    await chat.send(mother, "/ask Kijan pitit mwen ap mache lekòl la?")
    await chat.tap(mother, callbacks.data(callbacks.ASK, WOODLY))
    await chat.deliver()
    await chat.send(mother, "/deleteme")
    await chat.tap(mother, "dl:yes")
    told = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert told == ["ℹ️ A family member of <b>Woodly</b> deleted their Puente data: they are "
                    "unlinked (their place on the family link is free again), and their "
                    "messages are gone from /thread."]
    thread = texts(await chat.send(rivera(chat), "/thread Woodly"))
    assert thread.startswith("No messages about <b>Woodly</b> are kept.") and " yet" not in thread
    after = texts(await chat.send(rivera(chat), "/families"))
    assert after.count("used by 1 of 4") == 1 and after.count("used by 0 of 4") == 1
