"""Button labels Telegram shows on a phone: cut to fit, never into the same label."""

from __future__ import annotations

from bot.presentation.keyboards import fit_label, unlink_buttons


def test_two_family_members_keep_different_unlink_buttons_when_cut() -> None:
    # Both read "Desvincular: Woodly #2 · criollo haitiano (aún sin elegir) (" (playtest 10)
    stem = "Desvincular: Woodly #2 · criollo haitiano (aún sin elegir)"
    markup = unlink_buttons([(1, f"{stem} (1)"), (2, f"{stem} (2)")])
    labels = [row[0].text for row in markup.inline_keyboard]
    assert labels[0] != labels[1]
    assert labels[0].endswith("… (1)") and labels[1].endswith("… (2)")
    assert all(len(label) <= 60 for label in labels)


def test_a_short_label_is_untouched_and_a_long_unnumbered_one_ends_with_an_ellipsis() -> None:
    assert fit_label("Unlink: Ana (1)") == "Unlink: Ana (1)"
    cut = fit_label("x" * 80)
    assert len(cut) == 60 and cut.endswith("…")
