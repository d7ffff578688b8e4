"""When /report names a student as saying "I don't know" at most questions to write the word
(typed_skips): SKIP_MIN 🤷 or more, and more than half of those answers."""

from __future__ import annotations

import pytest

from bot.domain.typed_skips import SKIP_MIN, TypedSkips


@pytest.mark.parametrize(("typed", "dont_know", "named"), [
    (6, 6, True),    # Diego: every one
    (5, 3, True),    # most of them, and 3
    (2, 2, False),   # every one, but two: any child's honest gaps
    (6, 3, False),   # half: not most
    (9, 4, False),
])
def test_a_student_is_named_for_most_and_at_least_three_dont_knows(
        typed: int, dont_know: int, named: bool) -> None:
    assert SKIP_MIN == 3
    assert TypedSkips(typed, dont_know, chosen=4, chosen_right=4).skips_typed is named
