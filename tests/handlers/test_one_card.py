"""One card a message at WIDA levels 1-3 (issue 10): Next ▶ turns the card in place, the last
card offers the check, a push is one message per newcomer, and forged taps change nothing."""

from __future__ import annotations

import json

import pytest

from bot.demo.offline import Call, Failure
from bot.presentation import callbacks
from bot.store import check_items, previews, study
from tests.harness import TEACHER_ID, Chat, is_next, join_and_confirm, page_through, texts

CHECK_ES, CHECK_AR = ("✅ Ponme a prueba", "ck"), ("✅ اختبرني", "ck")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def shown_terms(chat: Chat, user_id: int) -> list[str]:
    """The English terms of the student's previewed words."""
    return [r[0] for r in chat.db.execute(
        "SELECT w.term FROM mastery m JOIN words w ON w.id = m.word_id WHERE m.student_id = ? "
        "ORDER BY w.id", [user_id])]


def card_data(calls: list[Call]) -> str:
    """The Next ▶ data of the card in these calls."""
    return next(d for c in calls for label, d in c.buttons if is_next(label))


def unchanged(calls: list[Call]) -> bool:
    """Nothing but the tap's answer and one kind line: no card turned, none sent (Telegram
    refuses a second answer to the same tap, so only the first one counts)."""
    return [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]


@pytest.mark.parametrize(("lang", "level", "check"), [("ar", 1, CHECK_AR), ("es", 3, CHECK_ES)])
async def test_a_newcomer_pages_through_one_card_at_a_time_to_the_check(
        chat: Chat, lang: str, level: int, check: tuple[str, str]) -> None:
    sami = chat.user(lang=lang)
    await join_and_confirm(chat, sami, lang=lang, level=level)
    first = await chat.send(sami, "/words")
    assert [c.method for c in first] == ["sendMessage"]  # one message, not a wall of cards
    cards = await page_through(chat, sami, first)
    terms = shown_terms(chat, 1001)
    assert len(cards) == len(terms) > 2
    for number, (card, term) in enumerate(zip(cards, terms, strict=True), start=1):
        assert f"<b>{term}</b>" in card.text  # its own word, and only that one
        assert sum(f"<b>{t}</b>" in card.text for t in terms) == 1
        assert ("📘" in card.text) == (number == 1)  # the header on the first card only
        assert utf16(card.text) <= 900
        labels = [label.replace("\u2068", "").replace("\u2069", "")  # digits isolated in RTL
                  for label, _ in card.buttons]
        ahead, behind = ("◀", "▶") if lang == "ar" else ("▶", "◀")  # the way it reads
        if number < len(cards):
            assert f"{ahead} {number + 1}/{len(cards)}" in " ".join(labels)
            assert check not in card.buttons
        assert any(label.startswith(f"{behind} ") and label.endswith(
            f" {number - 1}/{len(cards)}") for label in labels) == (number > 1)
    assert check in cards[-1].buttons and not any(is_next(label) for label, _ in cards[-1].buttons)
    back = next(d for label, d in cards[-1].buttons if label.startswith(behind))
    (again,) = [c for c in await chat.tap(sami, back) if c.method == "editMessageText"]
    assert again.text == cards[-2].text  # ◀ turns back to the card before


async def test_the_check_on_the_last_card_starts_the_check(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    assert "Pregunta 1/" in texts(await chat.tap(ana, "ck"))


async def test_a_level_five_student_still_gets_the_cards_bundled(chat: Chat) -> None:
    eva = chat.user(lang="es")
    await join_and_confirm(chat, eva, level=5)
    calls = [c for c in await chat.send(eva, "/words") if c.method == "sendMessage"]
    text = texts(calls)
    assert all(f"<b>{term}</b>" in text for term in shown_terms(chat, 1001))
    assert len(calls) < len(shown_terms(chat, 1001))  # several cards a message
    assert ("✅ Check me", "ck") in calls[-1].buttons  # English around English-only cards
    assert not any(is_next(label) for c in calls for label, _ in c.buttons)


async def test_a_push_to_a_mixed_class_is_one_message_per_newcomer(chat: Chat) -> None:
    levels = {3000 + n: n + 1 for n in range(6)}  # one student at each level, 1 to 6
    for user_id, level in levels.items():
        await join_and_confirm(chat, chat.user(user_id, f"S{level}", lang="es"), level=level)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    await chat.send(teacher, "/push science.ecosystems habitat, food chain, predator, prey")
    rows = dict(chat.db.execute("SELECT chat_id, count(*) FROM outbox GROUP BY chat_id"))
    assert [rows[i] for i, level in levels.items() if level <= 3] == [1, 1, 1]
    assert all(rows[i] >= 1 for i, level in levels.items() if level > 3)
    sent = await chat.deliver()
    beginner = [c for c in sent if c.chat_id == 3000]
    assert len(beginner) == 1 and "<b>habitat</b>" in beginner[0].text
    cards = await page_through(chat, chat.user(3000, "S1", lang="es"), beginner)
    assert ["food chain" in c.text for c in cards] == [False, True, False, False]
    assert (CHECK_ES[0], "ck:1") in cards[-1].buttons  # the push's: it checks these words


async def test_a_check_with_only_new_words_sends_their_cards_and_the_last_one_starts_it(
        chat: Chat) -> None:
    """The playtest: /check sent "📘 Your 5 new words [Next ▶ 2/5]" and at once "Question 1/5"
    on words still on unopened cards. Now the cards come alone; their ✅ Check starts it."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    calls = [c for c in await chat.send(ana, "/check") if c.method == "sendMessage"]
    assert len(calls) == 1 and "Pregunta" not in calls[0].text  # the first card alone, ...
    line, card = calls[0].text.split("\n\n", 1)
    assert line.startswith("📘 Primero, lee tus tarjetas nuevas.")  # ... why no question yet
    assert card.startswith("📘 Palabras nuevas")  # over it
    assert check_items.next_open_item(chat.db, 1001) is None  # nothing asked yet
    cards = await page_through(chat, ana, calls)
    assert CHECK_ES in cards[-1].buttons
    assert "Pregunta 1/" in texts(await chat.tap(ana, CHECK_ES[1]))


async def test_words_unlocked_by_a_check_are_never_asked_in_it(chat: Chat) -> None:
    """Level 3 (levels 1-2: the new cards come alone, and their ✅ starts the check:
    test_newcomer_cards_come_alone.py)."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=3)
    await chat.send(ana, "/words")
    first = set(study.student_mastery(chat.db, 1001))
    chat.db.execute("UPDATE mastery SET mastered_at = '2026-09-14T15:00:00+00:00'")
    chat.clock.advance(days=1)  # the first set is due for review; its slots unlock new words
    calls = [c for c in await chat.send(ana, "/check") if c.method in ("sendMessage", "sendPoll")]
    fresh = set(study.student_mastery(chat.db, 1001)) - first
    assert fresh and "📘" in calls[0].text and len(calls) == 2  # the first card, then a question
    assert check_items.next_open_item(chat.db, 1001) is not None
    cards = await page_through(chat, ana, calls[:1])
    assert CHECK_ES not in cards[-1].buttons  # the check on the older words is under way
    asked = [r[0] for r in chat.db.execute("SELECT word_id FROM check_items")]
    assert asked and not set(asked) & fresh  # only words read on an earlier day


@pytest.mark.parametrize("forged", ["cd:999999:1", "cd:{own}:99", "cd:{other}:1", "cd:{own}",
                                    "cd:{own}:1:x", "cd:x:1", "cd:{own}:1:ff"])
async def test_forged_or_foreign_card_buttons_are_refused_kindly_and_change_nothing(
        chat: Chat, forged: str) -> None:
    ana, bo = chat.user(1001, "Ana", lang="es"), chat.user(1002, "Bo", lang="es")
    await join_and_confirm(chat, ana, level=1)
    await join_and_confirm(chat, bo, level=1)
    own = card_data(await chat.send(ana, "/words")).split(":")[1]
    other = card_data(await chat.send(bo, "/words")).split(":")[1]
    before = list(chat.db.execute("SELECT * FROM previews ORDER BY id"))
    calls = await chat.tap(ana, forged.format(own=own, other=other))
    assert unchanged(calls), [c.method for c in calls]
    assert calls[-1].text.startswith("Esa tarjeta es de una lista vieja o no es para ti.")
    assert list(chat.db.execute("SELECT * FROM previews ORDER BY id")) == before


async def test_next_on_an_older_preview_still_turns_its_own_cards(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    old = card_data(await chat.send(ana, "/words"))
    chat.clock.advance(days=1)
    await chat.send(ana, "/words")
    turned = [c for c in await chat.tap(ana, old) if c.method == "editMessageText"]
    assert len(turned) == 1 and f"<b>{shown_terms(chat, 1001)[1]}</b>" in turned[0].text


async def test_next_on_a_preview_long_let_go_says_kindly_that_it_is_old(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=2)
    oldest = card_data(await chat.send(ana, "/words"))
    for _ in range(previews.KEEP):
        await chat.send(ana, "/words")
    calls = await chat.tap(ana, oldest)
    assert unchanged(calls)
    assert "Esa tarjeta es de una lista vieja o no es para ti. Envía /words" in texts(calls)


async def test_a_card_telegram_will_not_edit_comes_as_a_new_message(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    data = card_data(await chat.send(ana, "/words"))
    chat.api.fail_next(1001, Failure(400, "Bad Request: message can't be edited",
                                     method="editMessageText"))
    calls = await chat.tap(ana, data)
    (card,) = [c for c in calls if c.method == "sendMessage"]
    assert f"<b>{shown_terms(chat, 1001)[1]}</b>" in card.text
    assert callbacks.data(callbacks.CARD, data.split(":")[1], 2) in [d for _, d in card.buttons]


def bottom_row(call: Call) -> list[str]:
    """The labels of a card's last row (◀ and Next, or ✅), left to right as Telegram lays
    them out whatever the language, direction isolates removed."""
    markup = call.params["reply_markup"]
    markup = json.loads(markup) if isinstance(markup, str) else markup
    return [b["text"].replace("\u2068", "").replace("\u2069", "")
            for b in markup["inline_keyboard"][-1]]


@pytest.mark.parametrize(("lang", "row"), [
    # right to left: forward is leftward, back is on the right, each arrow on the outside
    ("ar", ["التالي ◀ 3/3", "▶ السابق 1/3"]),
    ("en", ["◀ Back 1/3", "Next ▶ 3/3"])])
async def test_next_and_back_point_and_sit_the_way_the_language_reads(
        chat: Chat, lang: str, row: list[str]) -> None:
    sami = chat.user(lang=lang)
    await join_and_confirm(chat, sami, lang=lang, level=1)
    first = await chat.send(sami, "/words")
    (middle,) = [c for c in await chat.tap(sami, card_data(first)) if c.method.startswith("edit")]
    assert bottom_row(middle) == row
    back = next(d for label, d in middle.buttons
                if label.replace("\u2068", "").replace("\u2069", "")
                == row[1 if lang == "ar" else 0])
    (again,) = [c for c in await chat.tap(sami, back) if c.method.startswith("edit")]
    assert again.text == first[-1].text  # the arrow pointing back does turn back


async def test_a_card_with_no_word_in_the_home_language_offers_no_flip(chat: Chat) -> None:
    # "🔁 My language first" on a card with no Arabic redrew the same card (playtest 11)
    amira = chat.user(lang="ar")
    rows = chat.db.execute("SELECT id, glosses FROM words").fetchall()
    for word_id, glosses in rows[::2]:  # every other word has no Arabic
        chat.db.execute("UPDATE words SET glosses = ? WHERE id = ?", [json.dumps(
            {k: v for k, v in json.loads(glosses).items() if k != "ar"}), word_id])
    await join_and_confirm(chat, amira, lang="ar", level=3)
    cards = await page_through(chat, amira, await chat.send(amira, "/words"))
    flips = [any(data.startswith(callbacks.CARD) and data.endswith(":f")
                 for _, data in card.buttons) for card in cards]
    arabic = ["ℹ️" not in card.text for card in cards]  # the "no Arabic yet" line
    assert True in arabic and False in arabic
    assert flips == arabic


async def test_each_card_message_is_remembered_once_telegram_has_sent_it(chat: Chat) -> None:
    """A preview sent by /words, and a pushed one once the deliverer has sent it: /check can
    point to the cards in them instead of sending the cards again."""
    ana = chat.user(lang="es")
    await join_and_confirm(chat, ana, level=1)
    (words,) = await chat.send(ana, "/words")
    await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/push science.ecosystems prey")
    kept = "SELECT message_id FROM previews WHERE student_id = 1001 ORDER BY id"
    assert [r[0] for r in chat.db.execute(kept)] == [words.result_id, None]  # not sent yet
    (pushed,) = [c for c in await chat.deliver() if c.chat_id == 1001]
    assert [r[0] for r in chat.db.execute(kept)] == [words.result_id, pushed.result_id]
