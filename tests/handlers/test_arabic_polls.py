"""An Arabic quiz poll reads right: Telegram shows a poll's question and options as plain text,
marks and all, so they carry no direction controls but one RLM leading a line that needs it
(playtest: "poll title direction marks"), keep Telegram's limits (question 300 characters,
option 100) and never end on half a word."""

from __future__ import annotations

from bot.domain.checks import Item
from bot.domain.scaffold import ItemType
from bot.presentation.check_views import poll_options, poll_question
from bot.presentation.i18n import RLM, Catalog
from bot.presentation.views import utf16_len
from bot.services.checks import Question
from tests.harness import Chat, a_quiz_poll, join_and_confirm
from tests.screen import on_screen

CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u061c")


def poll(prompt: str,
         options: tuple[str, ...] = ("habitat", "organism")) -> Item:
    return Item(1, ItemType.POLL, prompt, options, options[1], True)


def no_controls(text: str) -> bool:
    """No isolate, embedding or LRM anywhere; an RLM only first on a line."""
    return not CONTROLS & set(text) and all(RLM not in line[1:] for line in text.split("\n"))


async def test_an_arabic_students_poll_carries_no_isolates(chat: Chat) -> None:
    layla = chat.user(1001, "Layla", "ar")
    await join_and_confirm(chat, layla, "ar", level=1)
    await a_quiz_poll(chat, layla)
    sent = [c for c in chat.api.calls if c.method == "sendPoll"][-1]
    question = sent.params["question"]
    options = [o["text"] if isinstance(o, dict) else o for o in sent.params["options"]]
    assert question.startswith("السؤال ")  # "Question 1/3", in Arabic first
    assert no_controls(question) and all(no_controls(o) for o in options)
    assert on_screen(question, None)[0].startswith("1/")  # "1/3", not "3/1", read RTL
    assert options[-1] == "🤷 لا أعرف · I don't know"


def test_the_counter_and_a_definition_opening_in_english_read_right_to_left(
        catalog: Catalog) -> None:
    asked = poll_question(Question(1, 2, 3, poll("DNA في كل كائن حي."), "ar", 1), catalog)
    assert asked.split("\n") == ["السؤال 2/3", "أي كلمة تعني هذا؟", "Which word means this?",
                                 f"{RLM}DNA في كل كائن حي"]
    lines = on_screen(asked, None)
    assert lines[0].startswith("2/3 ") and lines[3].endswith("DNA")  # DNA first, read RTL
    # a line already opening with an Arabic letter needs no mark at all
    plain = poll_question(Question(1, 2, 3, poll("كائن حي يعيش في مكان."), "ar", 2), catalog)
    assert plain.split("\n")[-1] == "كائن حي يعيش في مكان"


def test_an_arabic_definition_at_level_five_gets_a_line_of_its_own(catalog: Catalog) -> None:
    asked = poll_question(Question(1, 2, 3, poll("DNA في كل كائن حي."), "ar", 5), catalog)
    assert asked.split("\n") == ["Question 2/3", "Which word means:", f"{RLM}DNA في كل كائن حي"]
    english = poll_question(Question(1, 2, 3, poll("It eats plants."), "ar", 5), catalog)
    assert english == "Question 2/3\nWhich word means: It eats plants"


def test_a_long_arabic_definition_is_cut_at_a_word_within_300(catalog: Catalog) -> None:
    words = "نظام بيئي يضم الكائنات الحية " * 20
    asked = poll_question(Question(1, 2, 3, poll(words), "ar", 1), catalog)
    assert utf16_len(asked) <= 300 and asked.endswith("…")
    assert asked[:-1].split()[-1] in words.split()  # a whole word before "…"
    assert "Which word means this?" not in asked  # the English instruction went first
    assert no_controls(asked)


def test_options_lose_stray_marks_and_a_too_long_one_means_buttons(catalog: Catalog) -> None:
    marked = poll("كائن حي", options=("\u2068habitat\u2069", "organism\u200f"))
    assert poll_options(Question(1, 2, 3, marked, "ar", 3), catalog) == ["habitat", "organism"]
    long = poll("كائن حي", options=("a" * 101, "organism"))
    assert poll_options(Question(1, 2, 3, long, "ar", 3), catalog) is None
