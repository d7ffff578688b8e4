"""Levels 5-6 read English first wherever a line is in two languages (README): an Arabic
level-5 student's daily reminder led in Arabic and its button read "✅ اختبرني" alone (ELD
playtest), while her cards were English."""

from __future__ import annotations

from bot.domain.scaffold import scaffold_for
from bot.presentation import keyboards
from bot.presentation.i18n import Catalog
from tests.harness import Chat, buttons, join_and_confirm


async def reminded(chat: Chat, level: int) -> tuple[str, list[str]]:
    """Maha (Arabic, `level`) reads her cards; the school's 16:00 reminder the next day."""
    maha = chat.user(1001, "Maha", lang="ar")
    await join_and_confirm(chat, maha, lang="ar", level=level)
    await chat.send(maha, "/words")
    chat.clock.advance(days=1)
    before = len(chat.api.calls)
    await chat.app.job_queue.get_jobs_by_name("school-reminder")[0].run(chat.app)
    calls = [c for c in chat.api.calls[before:] if c.chat_id == 1001]
    return "".join(c.text for c in calls), [label for label, _ in buttons(calls)]


async def test_a_level_five_reminder_reads_english_first_with_an_english_first_button(
        chat: Chat) -> None:
    text, labels = await reminded(chat, 5)
    assert text.startswith("Hi Maha!"), text
    assert "\n" in text and "مرحبًا" in text.split("\n", 1)[1]
    assert "✅ Check me · اختبرني" in labels


async def test_a_level_three_reminder_still_leads_in_her_language(chat: Chat) -> None:
    text, labels = await reminded(chat, 3)
    assert "مرحبًا" in text.split("\n", 1)[0]
    assert all("·" not in label for label in labels)


def test_command_buttons_put_english_first_only_at_levels_five_and_six(
        catalog: Catalog) -> None:
    for level in range(1, 7):
        first = scaffold_for(level).english_first
        [[(label, _data)]] = keyboards.command_layout(catalog, "ar", ["/check"], first)
        assert label == ("✅ Check me · اختبرني" if first else "✅ اختبرني")
