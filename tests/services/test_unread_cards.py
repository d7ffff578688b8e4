"""Where /check's unread cards are: one line pointing to the preview message that holds them
all, or every unread card again (in the order its preview showed it) when no message on
screen holds one of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.services import learners, previews, unread_cards
from bot.services.unread_cards import ABOVE, LATER, Pointer, UnreadCards
from bot.store import people
from bot.store.packs import pack_words
from bot.store.previews import get_preview
from tests.clock import START
from tests.harness import enrol_student


@pytest.fixture
def words(db: Database, school_class: people.ClassInfo) -> list[WordRef]:
    """Ana (level 1) and five of her class's words, in the pack's order."""
    enrol_student(db, START, level=1)
    return learners.word_refs(pack_words(db, "science.ecosystems")[:5])


TZ = ZoneInfo("America/New_York")


def place(db: Database, unread: Sequence[WordRef], check_follows: bool,
          days: int = 0) -> UnreadCards:
    """Where Ana's unread cards are, `days` after START."""
    return unread_cards.place(db, 1001, unread, check_follows, START + timedelta(days=days), TZ)


def preview(db: Database, refs: list[WordRef], message_id: int | None,
            offer_check: bool = True, student_id: int = 1001) -> int:
    """A one-card preview of these cards, in this order, shown in message `message_id`."""
    who = learners.learner(db, student_id)
    page = previews.open_preview(db, who, refs, START, offer_check=offer_check)
    if message_id is not None:
        previews.sent_as(db, page.preview_id, message_id)
    return page.preview_id


def test_cards_in_a_preview_on_screen_are_pointed_to_not_sent(
        db: Database, words: list[WordRef]) -> None:
    shown = preview(db, words[:3], message_id=50)
    assert place(db, words[1:3], check_follows=False) == UnreadCards(
        Pointer(shown, 50, ABOVE), [])


@pytest.mark.parametrize(("offer_check", "check_follows", "key"), [
    (True, False, ABOVE),     # read them, then the last card's ✅
    (True, True, LATER),      # a question comes now: read them after this check
    (False, True, LATER),
])
def test_the_line_says_what_to_do_with_the_cards(db: Database, words: list[WordRef],
                                                 offer_check: bool, check_follows: bool,
                                                 key: str) -> None:
    preview(db, words[:3], message_id=50, offer_check=offer_check)
    pointed = place(db, words[1:3], check_follows).pointer
    assert pointed is not None and pointed.key == key


def test_cards_whose_last_has_no_check_button_come_again_with_one(
        db: Database, words: list[WordRef]) -> None:
    """Cards sent beside a check end without ✅: with no check now, pointing to them said
    "then send /check", a third answer to the same /check (playtest): they come again."""
    preview(db, words[:3], message_id=50, offer_check=False)
    assert place(db, words[1:3], check_follows=False) == UnreadCards(None, words[1:3])


@pytest.mark.parametrize("check_follows", [False, True])
def test_cards_sent_on_an_earlier_day_come_again_under_the_reply(
        db: Database, words: list[WordRef], check_follows: bool) -> None:
    """A reply pointing up to yesterday's message was lost among three card sets
    (playtest, level 1): the cards come again, right under it."""
    preview(db, words[:3], message_id=50)
    assert place(db, words[1:3], check_follows).pointer is not None  # the same day
    assert place(db, words[1:3], check_follows, days=1) == UnreadCards(None, words[1:3])


def test_a_preview_not_sent_yet_is_not_pointed_to(db: Database, words: list[WordRef]) -> None:
    preview(db, words[:3], message_id=None)  # e.g. a push still in the outbox
    assert place(db, words[1:3], False) == UnreadCards(None, words[1:3])


def test_a_card_no_message_holds_brings_every_unread_card_again_in_the_previews_order(
        db: Database, words: list[WordRef]) -> None:
    """A word just unlocked joins the cards still on screen in one new preview: the pushed
    order first (here the teacher's: words 2, 1, 0), then the new word."""
    preview(db, [words[2], words[1], words[0]], message_id=50)
    fresh = words[4]
    plan = place(db, [words[0], words[1], fresh], check_follows=False)
    assert plan == UnreadCards(None, [words[1], words[0], fresh])


def test_the_newest_preview_holding_her_cards_is_pointed_to(
        db: Database, words: list[WordRef]) -> None:
    preview(db, words[:3], message_id=50)
    newest = preview(db, words[1:4], message_id=60)  # the lowest in her chat
    preview(db, words[4:], message_id=70)  # newer, but none of these cards
    assert place(db, words[1:3], False).pointer == Pointer(newest, 60, ABOVE)


def test_cards_split_over_two_messages_point_to_the_newest_first(
        db: Database, words: list[WordRef]) -> None:
    """Monday's push and Tuesday's: the line points to Tuesday's; once those are read, the
    next /check points to Monday's."""
    monday = preview(db, words[:2], message_id=50)
    tuesday = preview(db, words[2:4], message_id=60)
    unread = [words[1], words[3]]
    assert place(db, unread, False).pointer == Pointer(tuesday, 60, ABOVE)
    assert place(db, unread[:1], False).pointer == \
        Pointer(monday, 50, ABOVE)


def test_a_message_she_deleted_is_forgotten_and_its_cards_come_again_in_its_order(
        db: Database, words: list[WordRef]) -> None:
    pushed = preview(db, [words[3], words[2], words[1]], message_id=50)
    unread = sorted([words[2], words[1]], key=lambda r: r.id)  # as a check finds them
    gone = place(db, unread, False).pointer
    assert gone is not None
    unread_cards.message_gone(db, 1001, gone)
    assert place(db, unread, False) == UnreadCards(None,
                                                                       [words[2], words[1]])
    stored = get_preview(db, pushed)
    assert stored is not None and stored.message_id is None


def test_a_message_is_forgotten_only_for_its_own_student(
        db: Database, words: list[WordRef]) -> None:
    enrol_student(db, START, 1002, "Ben", level=1)
    bens = preview(db, words[:3], message_id=50, student_id=1002)
    unread_cards.message_gone(db, 1001, Pointer(bens, 50, ABOVE))  # a pointer never hers
    stored = get_preview(db, bens)
    assert stored is not None and stored.message_id == 50


@pytest.mark.parametrize("split", [False, True])
def test_bundled_cards_on_screen_are_pointed_to_and_only_the_rest_sent(
        db: Database, words: list[WordRef], split: bool) -> None:
    """Levels 4-6 (`split`): today's cards are pointed to and only a card no message on screen
    holds comes again; one card a message keeps every unread card in one new preview (one
    set to turn, not two)."""
    shown = preview(db, words[:3], message_id=50)
    fresh = words[4]
    plan = unread_cards.place(db, 1001, [words[1], fresh], False, START, TZ, split)
    assert plan == (UnreadCards(Pointer(shown, 50, ABOVE), [fresh]) if split
                    else UnreadCards(None, [words[1], fresh]))
