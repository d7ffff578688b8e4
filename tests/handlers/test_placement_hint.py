"""Sudanese playtest (Yousef, WIDA 1, reads Arabic): from placement question 2 on he saw only
"السؤال 2 (حتى 11 سؤالًا)" above an English sentence, with no line in Arabic on what to do.
Under a question of a band whose level reads no English (levels 1-2), the one-line hint of
question 1 ("🤷 I don't know" helps more than a guess) comes again, in her language alone."""

from __future__ import annotations

from bot.domain.placement import PLACEMENT
from bot.presentation import callbacks
from bot.presentation.check_views import placement_text
from bot.presentation.i18n import Catalog
from tests.harness import Chat, texts

HINT = "ما الإجابة؟ عند الشك، الزر «🤷 لا أعرف» يساعدني أكثر من التخمين."
ENGLISH = "Choose the answer. If you are not sure, tap “🤷 I don't know”"


async def test_the_second_question_repeats_the_hint_in_arabic(chat: Chat) -> None:
    yousef = chat.user(1001, "Yousef", "ar")
    await chat.send(yousef, "/start JOINcode_123")
    first = texts(await chat.tap(yousef, callbacks.data(callbacks.LANGUAGE, "ar")))
    assert HINT in first and ENGLISH in first  # question 1: both, as before
    second = texts(await chat.tap(yousef, callbacks.data(callbacks.PLACEMENT, 0, 1)))
    assert "السؤال \u20682\u2069 (حتى \u206811\u2069 سؤالًا)" in second
    assert HINT in second and ENGLISH not in second


def test_only_bands_that_read_no_english_repeat_it(catalog: Catalog) -> None:
    bands = {item.band: item for item in PLACEMENT}
    for band, hinted in ((1, True), (2, True), (3, False), (4, False)):
        said = str(placement_text((3, 11), bands[band], "ar", catalog))
        assert (HINT in said) is hinted, band
    # an English speaker reads question 1's English hint once, as before
    assert "Choose the answer" not in str(placement_text((2, 11), bands[1], "en", catalog))
