"""Pushes: delivered in the background, exactly once, paced, and no chat holds up another."""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
from collections import Counter
from dataclasses import replace

import pytest
from telegram.error import RetryAfter

from bot.app import build_application
from bot.config import Config
from bot.context import Services
from bot.delivery import DeliveryPolicy, Pacer
from bot.delivery.pacing import FORGET_AFTER, PacedRateLimiter
from bot.demo.offline import Failure, OfflineBotAPI
from bot.presentation import callbacks
from bot.store import outbox, people
from bot.store.packs import forget_words, pack_words
from tests.harness import TEACHER_ID, Chat, buttons, join_and_confirm, page_through, texts

CLASS_SIZE = 12
LANGS = ("es", "ar", "vi", "en")

NOTHING_SENT = "Nothing was sent, not even the other words. Fix these and send the /push again."


async def enrol_class(chat: Chat, size: int = CLASS_SIZE) -> list[int]:
    ids = []
    for n in range(size):
        user = chat.user(3000 + n, f"S{n}", lang=LANGS[n % 4])
        await join_and_confirm(chat, user, lang=LANGS[n % 4], level=n % 6 + 1)
        ids.append(user["id"])
    return ids


def previews(api: OfflineBotAPI) -> Counter[int]:
    return Counter(c.chat_id for c in api.calls
                   if c.method == "sendMessage" and "📘" in c.text)


def teacher(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def second_app(chat: Chat, api: OfflineBotAPI, policy: DeliveryPolicy | None = None):
    """Another Application over the same store, as after a restart or a second process."""
    services = chat.app.bot_data.services
    fresh = Services(replace(Config()), chat.db, services.catalog, services.clock,
                     random.Random(1))
    app = build_application(fresh, request=api, policy=policy)
    await app.initialize()
    return app


async def test_push_reaches_every_student_in_their_language_and_reports(chat: Chat) -> None:
    ids = await enrol_class(chat)
    calls = await chat.send(teacher(chat),
                            "/push science.ecosystems habitat, food chain, predator")
    assert "Sending 3 words to 12 students" in texts(calls)
    pushed = await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))
    first = [c for c in pushed if c.chat_id == 3001]  # level 2: one card, then Next
    arabic = texts(await page_through(chat, chat.user(3001, "S1", lang="ar"), first))
    assert "<b>سلسلة غذائية</b>" in arabic
    assert "food chain" in arabic
    assert ("Push finished, <b>Science 7B</b> (science.ecosystems: habitat, food chain, "
            "predator): delivered to Telegram for 12 students (Telegram does not say who has "
            "read it)") in texts(chat.api.calls)
    assert "0 blocked the bot, 0 could not be reached" in texts(chat.api.calls)
    assert all(len(c.text) <= 4096 for c in chat.api.calls)


async def test_a_spanish_speaking_teacher_reads_how_the_push_went_in_spanish(
        chat: Chat) -> None:
    await enrol_class(chat, 2)
    rivera = chat.user(TEACHER_ID, "Rivera", "es")  # a phone set to Spanish
    queued = texts(await chat.send(rivera, "/push science.ecosystems predator, prey"))
    assert "2 palabras" in queued
    report = [c.text for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert report == ["Envío terminado, <b>Science 7B</b> (science.ecosystems: predator, prey): "
                      "entregado a Telegram para 2 estudiantes (Telegram no dice quién lo ha "
                      "leído). Bloquearon el bot: 0. Sin poder entregar: 0."]


async def test_push_handler_answers_the_teacher_without_waiting_for_delivery(
        chat: Chat) -> None:
    await enrol_class(chat, 4)
    calls = await chat.send(teacher(chat), "/push science.ecosystems habitat")
    assert [c.chat_id for c in calls] == [TEACHER_ID]  # the handler sent nothing else
    assert previews(chat.api) == Counter()
    await chat.deliver()
    assert len(previews(chat.api)) == 4


async def test_two_deliverers_at_once_never_send_a_row_twice(chat: Chat) -> None:
    """The first release's double send: the handler and the job both sent the same rows."""
    ids = await enrol_class(chat, CLASS_SIZE)
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    slow_a, slow_b = OfflineBotAPI(latency=0.01), OfflineBotAPI(latency=0.01)
    app_a, app_b = await second_app(chat, slow_a), await second_app(chat, slow_b)
    a, b = app_a.bot_data.deliverer, app_b.bot_data.deliverer
    await asyncio.gather(a.deliver_due(), b.deliver_due(), a.deliver_due(),
                         chat.app.bot_data.deliverer.deliver_due())
    total = previews(slow_a) + previews(slow_b) + previews(chat.api)
    assert total == Counter(dict.fromkeys(ids, 1))
    assert previews(slow_a) and previews(slow_b)  # both really worked, side by side
    await app_a.shutdown()
    await app_b.shutdown()


async def test_blocked_student_is_marked_and_skipped(chat: Chat) -> None:
    ids = await enrol_class(chat, 4)
    chat.api.block(ids[1])
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    await chat.deliver()
    assert set(previews(chat.api)) == {ids[0], ids[2], ids[3]}
    assert people.get_student(chat.db, ids[1]).blocked
    assert "delivered to Telegram for 3 students" in texts(chat.api.calls)
    assert "1 blocked the bot, 0 could not be reached" in texts(chat.api.calls)


async def test_retry_after_is_one_info_line_and_nothing_is_lost(
        chat: Chat, caplog: pytest.LogCaptureFixture) -> None:
    ids = await enrol_class(chat, 4)
    chat.api.fail_next(ids[2], Failure(429, "Too Many Requests: retry after 1", 1))
    services = chat.app.bot_data.services
    services.clock.advance(hours=10)  # 21:00 in New York: the push waits in the outbox
    await chat.send(teacher(chat), "/push science.ecosystems habitat at 10:00")
    await chat.deliver()
    assert previews(chat.api) == Counter()
    services.clock.advance(hours=13)  # 10:00 the next morning
    with caplog.at_level(logging.INFO):
        await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))
    slow_down = [r for r in caplog.records if "slow down" in r.getMessage()]
    assert len(slow_down) == 1 and slow_down[0].levelno == logging.INFO
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


async def test_one_failing_chat_never_holds_back_the_others_and_the_teacher_hears(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 6)
    chat.api.fail_next(ids[0], Failure(500, "Internal Server Error"), times=100)
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    first = await chat.deliver()
    assert set(previews(chat.api)) == set(ids[1:])  # everyone behind the bad chat got it
    assert "Push finished" not in texts(first)  # the bad chat is still being retried
    tries = chat.db.execute("SELECT tries, status FROM outbox WHERE chat_id = ?",
                            [ids[0]]).fetchone()
    assert tuple(tries) == (1, "pending")
    for _ in range(DeliveryPolicy().max_tries):
        chat.clock.advance(minutes=11)  # past the longest back-off
        await chat.deliver()
    assert tuple(chat.db.execute("SELECT tries, status FROM outbox WHERE chat_id = ?",
                                 [ids[0]]).fetchone()) == (DeliveryPolicy().max_tries, "failed")
    assert ("Push finished, <b>Science 7B</b> (science.ecosystems: habitat): delivered to "
            "Telegram for 5 students") in texts(chat.api.calls)
    assert "0 blocked the bot, 1 could not be reached" in texts(chat.api.calls)


async def test_back_off_waits_before_trying_a_failed_chat_again(chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    chat.api.fail_next(ids[0], Failure(502, "Bad Gateway"), times=1)
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    await chat.deliver()
    await chat.deliver()  # at once: the row is still backing off
    assert previews(chat.api) == Counter({ids[1]: 1})
    chat.clock.advance(seconds=20)
    await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))


async def test_interrupted_push_resumes_in_a_new_application_exactly_once(chat: Chat) -> None:
    ids = await enrol_class(chat, CLASS_SIZE)
    for chat_id in ids[5:]:  # Telegram fails for seven students on the first pass
        chat.api.fail_next(chat_id, Failure(502, "Bad Gateway"), times=1)
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    await chat.deliver()
    first = previews(chat.api)
    assert set(first) == set(ids[:5])

    api = OfflineBotAPI()  # a restart: a new Application over the same store
    app = await second_app(chat, api)
    chat.clock.advance(minutes=1)
    await app.bot_data.deliverer.deliver_due()
    from bot.delivery import report_finished
    await report_finished(app.bot, app.bot_data.services)
    assert first + previews(api) == Counter(dict.fromkeys(ids, 1))
    assert "delivered to Telegram for 12 students" in texts(api.calls)
    assert "0 blocked the bot, 0 could not be reached" in texts(api.calls)
    await app.shutdown()


async def test_a_long_preview_keeps_its_parts_in_order_and_spaced_without_stalling_others(
        chat: Chat) -> None:
    ids = [5000 + n for n in range(8)]
    now = chat.clock()
    push_id = outbox.create_push(chat.db, 1, TEACHER_ID, "science.ecosystems", [], now, now)
    for chat_id in ids:  # a long preview: three messages per student
        for part in (1, 2, 3):
            outbox.enqueue(chat.db, push_id, chat_id, "preview",
                           {"text": f"📘 part {part}", "buttons": []}, now, now)
    api = OfflineBotAPI()
    app = await second_app(chat, api, DeliveryPolicy(chat_gap=0.3))
    await app.bot_data.deliverer.deliver_due()
    for chat_id in ids:
        parts = [c for c in api.calls if c.chat_id == chat_id]
        assert [c.text for c in parts] == ["📘 part 1", "📘 part 2", "📘 part 3"]
        assert all(b.at - a.at >= 0.29 for a, b in itertools.pairwise(parts))
    firsts = sorted(c.at for c in api.calls if c.text == "📘 part 1")
    assert firsts[-1] - firsts[0] < 0.2  # every student's first part went out at once
    await app.shutdown()


async def test_push_names_unknown_words_and_packs_kindly(chat: Chat) -> None:
    assert texts(await chat.send(teacher(chat), "/push science.ecosystems volcano")) == \
        "Not in science.ecosystems:\n• volcano\n" + NOTHING_SENT
    assert "no pack called" in texts(await chat.send(teacher(chat), "/push math.nope"))
    assert chat.db["pushes"].count == 0


async def test_every_word_not_in_the_pack_is_named_with_a_typo_or_its_pack(chat: Chat) -> None:
    """Playtest: "/push math.expressions-equations variable, equation, coefficient" said only
    "The word variable is not in that pack": a teacher fixed one word per try. Every missing
    word is named, a typo gets the pack's word, a word of another pack gets that pack."""
    said = texts(await chat.send(teacher(chat), "/push science.ecosystems predatr, variable, "
                                               "habitat, zzzq"))
    assert said == ("Not in science.ecosystems:\n• predatr (did you mean predator?)\n"
                    "• variable (it is in science.matter-and-forces)\n• zzzq\n" + NOTHING_SENT)
    assert chat.db["pushes"].count == 0


async def test_a_subject_or_a_misspelt_pack_gets_the_packs_it_may_mean(chat: Chat) -> None:
    """"/push science" (the subject, not a pack) used to get only "There is no pack called
    science" (playtest): it names the science packs; a misspelling names the pack it misses."""
    said = texts(await chat.send(teacher(chat), "/push science"))
    assert "There is no pack called science. Did you mean science." in said
    assert "science.ecosystems" in said and "math." not in said
    said = texts(await chat.send(teacher(chat), "/push sience.ecosystems"))
    assert "Did you mean science.ecosystems?" in said
    said = texts(await chat.send(teacher(chat), "/push zzz"))
    assert "Did you mean" not in said and "There is no pack called zzz." in said
    assert chat.db["pushes"].count == 0


class FakeTime:
    """A clock the pacer reads and a sleep that moves it."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sends: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_pacer_keeps_every_second_under_the_limit_with_no_opening_burst() -> None:
    time = FakeTime()
    pacer = Pacer(rate=29, clock=time)
    for n in range(90):
        await pacer.turn(chat_id=n, sleep=time.sleep)
        time.sends.append(time.now)
    assert all(later - first >= 1.0 - 1e-9  # any one second holds at most 29
               for first, later in zip(time.sends, time.sends[29:], strict=False))
    assert min(b - a for a, b in itertools.pairwise(time.sends)) >= pacer.min_gap - 1e-9
    assert time.sends[-1] - time.sends[0] < 90 / 29 + 0.1  # and no slower than that


async def test_a_late_wake_up_never_lets_two_sends_out_together() -> None:
    time = FakeTime()
    pacer = Pacer(rate=29, clock=time)
    await pacer.turn(chat_id=1, sleep=time.sleep)
    time.now += 0.5  # the event loop was busy: several waiters wake late
    await pacer.turn(chat_id=2, sleep=time.sleep)
    first_late = time.now
    await pacer.turn(chat_id=3, sleep=time.sleep)
    assert time.now - first_late == pytest.approx(pacer.min_gap)


async def test_pacer_pauses_every_send_after_retry_after_and_tracks_each_chat() -> None:
    time = FakeTime()
    pacer = Pacer(rate=30, clock=time)
    await pacer.turn(chat_id=7, sleep=time.sleep)
    pacer.pause(5)
    await pacer.turn(chat_id=8, sleep=time.sleep)
    assert time.now == pytest.approx(105)
    assert pacer.chat_free_in(7, gap=1.0) == 0
    assert pacer.chat_free_in(8, gap=1.0) == pytest.approx(1.0)
    assert pacer.chat_free_in(99, gap=1.0) == 0


async def test_a_429_for_one_chat_holds_back_only_that_chat() -> None:
    time = FakeTime()
    pacer = Pacer(rate=30, clock=time)
    limiter = PacedRateLimiter(pacer, max_retries=0)

    async def refused() -> bool:
        raise RetryAfter(5)

    with pytest.raises(RetryAfter):
        await limiter.process_request(refused, (), {}, "sendMessage", {"chat_id": 7}, None)
    start = time.now
    await pacer.turn(chat_id=8, sleep=time.sleep)  # another student: no wait for chat 7's pause
    assert time.now - start < 0.1
    assert pacer.chat_free_in(7, gap=0.0) == pytest.approx(5.0, abs=0.1)  # the outbox skips it
    await pacer.turn(chat_id=7, sleep=time.sleep)
    assert time.now - start == pytest.approx(5.0)


async def test_429s_from_two_chats_at_once_pause_every_send() -> None:
    time = FakeTime()
    pacer = Pacer(rate=30, clock=time)
    pacer.pause(3, chat_id=7)
    pacer.pause(3, chat_id=8)  # two chats refused within a second: the bot is too fast
    await pacer.turn(chat_id=9, sleep=time.sleep)
    assert time.now == pytest.approx(103)


async def test_the_pacer_forgets_quiet_chats_as_it_goes() -> None:
    time = FakeTime()
    pacer = Pacer(rate=1e6, clock=time)
    for chat_id in range(FORGET_AFTER + 1):
        await pacer.turn(chat_id=chat_id, sleep=time.sleep)
        time.now += 0.1  # 500 s in all: most chats were quiet for over a minute
    assert len(pacer._last_to_chat) < 700


async def test_the_same_push_sent_twice_a_day_reaches_each_student_once_and_says_so(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    command = "/push science.ecosystems predator, prey, habitat"
    await chat.send(teacher(chat), command)
    await chat.deliver()
    queued = chat.db["outbox"].count

    again = texts(await chat.send(teacher(chat), command))
    assert again.startswith("Every student of <b>Science 7B</b> already got these words today, so "
                     "nothing was sent again. A student sees them any time with /words.")
    assert chat.db["outbox"].count == queued  # nothing sent again, and nothing to report:
    assert "for 0 students" not in texts(await chat.deliver())

    late = chat.user(3100, "Late", lang="es")  # joins after the first push
    await join_and_confirm(chat, late)
    third = texts(await chat.send(teacher(chat), command))
    assert "Sending 3 words to 1 student of <b>Science 7B</b>" in third
    assert "2 students already got these words today, so they are not sent again." in third
    await chat.deliver()
    assert previews(chat.api) == Counter({ids[0]: 1, ids[1]: 1, 3100: 1})


async def test_a_teacher_who_means_to_send_a_push_again_taps_to_send_it_to_everyone(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    command = "/push science.ecosystems predator, prey, habitat"
    await chat.send(teacher(chat), command)
    await chat.deliver()
    again = await chat.send(teacher(chat), command)
    [(label, data)] = [b for c in again for b in c.buttons]
    assert label == "🔁 Send again to everyone" and data == "pa:2"  # the push's id, no more
    sent = texts(await chat.tap(teacher(chat), data))
    assert "Sending 3 words to 2 students of <b>Science 7B</b>" in sent
    report = texts(await chat.deliver())
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 2))  # each got them again, once
    assert ("Push finished, <b>Science 7B</b> (science.ecosystems: predator, prey, habitat): "
            "delivered to Telegram for 2 students") in report
    old = "That button is old, so nothing was sent. Use /push to send words."
    assert texts(await chat.tap(teacher(chat), data)).strip() == old  # its message kept a copy
    assert texts(await chat.tap(teacher(chat), "pa:99")).strip() == old  # forged
    student = chat.user(ids[0], "S0", lang="es")
    assert "/push" in texts(await chat.tap(student, data))  # not a student's to tap
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 2))


async def test_send_again_reaches_only_the_students_the_push_skipped_and_only_that_day(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    command = "/push science.ecosystems predator, prey"
    await chat.send(teacher(chat), command)
    late = chat.user(3100, "Late", lang="es")
    await join_and_confirm(chat, late)
    calls = await chat.send(teacher(chat), command)
    assert "Sending 2 words to 1 student" in texts(calls)
    data = next(d for c in calls for _, d in c.buttons)
    chat.clock.advance(days=1)
    old = texts(await chat.tap(teacher(chat), data)).strip()
    assert old == "That button is old, so nothing was sent. Use /push to send words."
    calls = await chat.send(teacher(chat), command)  # a new day: everyone gets them
    assert "Sending 2 words to 3 students" in texts(calls)
    calls = await chat.send(teacher(chat), command)
    data = next(d for c in calls for _, d in c.buttons)
    assert "to 3 students" in texts(await chat.tap(teacher(chat), data))
    await chat.deliver()
    assert previews(chat.api) == Counter({ids[0]: 3, ids[1]: 3, 3100: 3})


def last_words(chat: Chat, count: int) -> list[str]:
    """The class pack's last words: ones a new student would not unlock for weeks."""
    return [w.word.term for w in pack_words(chat.db, "science.ecosystems")][-count:]


async def test_a_student_still_choosing_a_language_finds_the_pushed_words_later(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    late = chat.user(3900, "Mo", lang="so")
    await chat.send(late, "/start JOINcode_123")  # on the roster, no language tapped yet
    words = last_words(chat, 2)
    reply = texts(await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(words)}"))
    assert "Sending 2 words to 2 students" in reply
    assert ("1 student has not chosen a home language yet, so nothing is sent to them now. "
            "These words will wait for them in /words once they choose.") in reply
    await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys(ids, 1))
    people.set_level(chat.db, late["id"], None, 4, "teacher")
    await chat.tap(late, callbacks.data(callbacks.LANGUAGE, "so"))
    cards = texts(await chat.send(late, "/words"))
    assert all(word in cards for word in words), cards  # first, ahead of the pack's first words


async def test_a_student_who_joins_before_a_scheduled_push_is_sent_gets_it_too(
        chat: Chat) -> None:
    ids = await enrol_class(chat, 2)
    chat.clock.advance(hours=10)  # 21:00 in New York: the push is for the morning
    await chat.send(teacher(chat), "/push science.ecosystems habitat at 10:00")
    late = chat.user(3900, "Mo", lang="es")
    await join_and_confirm(chat, late, lang="es", level=3)  # joins in the evening
    chat.clock.advance(hours=13)  # 10:00 the next morning
    await chat.deliver()
    assert previews(chat.api) == Counter(dict.fromkeys([*ids, late["id"]], 1))
    assert "delivered to Telegram for 3 students" in texts(chat.api.calls)
    await join_and_confirm(chat, late, lang="es", level=3)  # /start again, language again
    chat.clock.advance(minutes=5)
    await chat.deliver()
    assert previews(chat.api)[late["id"]] == 1  # never twice


async def test_a_pushed_word_retired_from_its_pack_is_not_unlocked_for_a_late_student(
        chat: Chat) -> None:
    await enrol_class(chat, 1)
    words = last_words(chat, 2)
    await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(words)}")
    await chat.deliver()
    chat.db.execute("UPDATE words SET retired_at = '2026-09-15T00:00:00+00:00' "
                    "WHERE pack_id = 'science.ecosystems' AND term = ?", [words[0]])
    forget_words(chat.db)  # as a pack upload does
    late = chat.user(3900, "Mo", lang="es")
    await join_and_confirm(chat, late, lang="es", level=4)
    cards = texts(await chat.send(late, "/words"))
    assert words[1] in cards and f"<b>{words[0]}</b>" not in cards, cards



async def test_a_push_counts_as_new_only_the_words_a_student_has_not_read(chat: Chat) -> None:
    # A push's five words, three of them cards she read last week, said "New words: 5"
    # (playtest 9); she is told which share is new, as /words tells her.
    ana = chat.user(3000, "Ana", lang="es")
    await join_and_confirm(chat, ana, lang="es", level=5)
    await chat.send(ana, "/words")
    read = [r[0] for r in chat.db.execute(
        "SELECT w.term FROM mastery m JOIN words w ON w.id = m.word_id WHERE m.student_id = ? "
        "AND m.shown_at IS NOT NULL AND w.term NOT LIKE '% %' ORDER BY w.id", [3000])][:2]
    fresh = next(w.word.term for w in pack_words(chat.db, "science.ecosystems")
                 if w.word.term not in read and " " not in w.word.term and chat.db.execute(
                     "SELECT 1 FROM mastery WHERE student_id = 3000 AND word_id = ?",
                     [w.id]).fetchone() is None)
    await chat.send(teacher(chat), f"/push science.ecosystems {' '.join(read)} {fresh}")
    pushed = texts(await chat.deliver())
    # level 5: the header is English, as the cards are
    assert "New words: 1 · Words to look at again: 2" in pushed and "New words: 3" not in pushed


async def test_a_push_asked_for_in_quiet_hours_says_why_it_waits(chat: Chat) -> None:
    # "at 23:00" was booked for 07:00 with no word why (playtest 9)
    await enrol_class(chat, 1)
    reply = texts(await chat.send(teacher(chat), "/push science.ecosystems at 23:00"))
    assert "07:00" in reply
    assert "23:00 is in quiet hours (20:00-07:00), so it goes out when they end." in reply
    plain = texts(await chat.send(teacher(chat), "/push science.ecosystems habitat at 16:30"))
    assert "quiet hours" not in plain


async def test_a_pushed_preview_at_level_5_offers_the_home_language_as_words_does(
        chat: Chat) -> None:
    # Levels 5-6 read English cards with the home language on request (🔁); the push a
    # student actually receives had only Listen and Check (playtest 11)
    linh = chat.user(3000, "Linh", lang="en")
    await join_and_confirm(chat, linh, lang="vi", level=5)
    english = chat.user(3001, "Sam", lang="en")
    await join_and_confirm(chat, english, lang="en", level=5)
    await chat.send(teacher(chat), "/push science.ecosystems habitat, predator")
    pushed = await chat.deliver()
    flips = {c.chat_id: [label for label, data in buttons([c]) if data.startswith("fl")]
             for c in pushed if "📘" in c.text}
    # English, as the card above it (mid-level playtest); English has nothing to flip
    assert flips == {3000: ["🔁 My language first"], 3001: []}
    flipped = texts(await chat.tap(linh, "fl:1"))
    assert flipped.index("môi trường sống") < flipped.index("habitat")


async def test_a_class_named_with_a_digit_and_a_letter_is_a_class_not_a_time(
        chat: Chat) -> None:
    # "/push ... to Science 7A" read "7A" as 07:00 and looked for a class "Science", which
    # would have got the push the next morning (playtest 12)
    await chat.send(teacher(chat), "/newclass Science 7A")
    seven_a = next(c for c in people.teacher_classes(chat.db, TEACHER_ID)
                   if c.name == "Science 7A")
    ana = chat.user(3000, "Ana", lang="es")
    await chat.send(ana, f"/start {seven_a.join_code}")
    await chat.tap(ana, callbacks.data(callbacks.LANGUAGE, "es"))
    people.set_level(chat.db, 3000, None, 5, "teacher")
    reply = texts(await chat.send(teacher(chat), "/push science.ecosystems habitat to Science 7A"))
    assert "Sending 1 word to 1 student of <b>Science 7A</b>" in reply, reply
    later = texts(await chat.send(
        teacher(chat), "/push science.ecosystems predator to Science 7A at 4pm"))
    assert later.startswith(
        "Will send Mon 16:00: 1 word to 1 student of <b>Science 7A</b>."), later


async def test_my_language_first_under_a_pushed_preview_flips_that_preview_and_no_more(
        chat: Chat) -> None:
    # The 🔁 under a 3-word push showed the student's whole /words, 6 words "new today: 2",
    # and counted cards she never saw as opened (playtest 12)
    linh = chat.user(3000, "Linh", lang="vi")
    await join_and_confirm(chat, linh, lang="vi", level=5)
    before = texts(await chat.send(linh, "/words"))  # her first words, read already
    words = last_words(chat, 2)
    await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(words)}")
    pushed = [c for c in await chat.deliver() if c.chat_id == 3000]
    [data] = [d for _, d in buttons(pushed) if d.startswith("fl")]
    assert data == "fl:1"  # the push's id: its words are looked up in what was sent her
    unread = chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = 3000 "
                             "AND shown_at IS NULL").fetchone()[0]
    flipped = texts(await chat.tap(linh, data)).strip()
    assert flipped.startswith("📘 2 từ mới của bạn"), flipped
    assert [w for w in words if f"<b>{w}</b>" in flipped] == words
    read = [w.word.term for w in pack_words(chat.db, "science.ecosystems")
            if f"<b>{w.word.term}</b>" in before]
    assert read and not any(f"<b>{w}</b>" in flipped for w in read)
    # the 🔁 is her tap on the pushed cards: those two count as read now, no other card
    assert chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = 3000 "
                           "AND shown_at IS NULL").fetchone()[0] == unread - len(words)
    stale = "Thẻ đó thuộc danh sách cũ"
    for forged in ("fl:99", "fl:1:2", "fl:x"):  # another push, or data we never sent
        assert stale in texts(await chat.tap(linh, forged)), forged
    other = chat.user(3001, "Sam", lang="es")
    await join_and_confirm(chat, other, lang="es", level=5)
    assert "Esa tarjeta es de una lista vieja" in texts(await chat.tap(other, data))


async def test_check_under_a_pushed_preview_asks_that_previews_words_and_an_old_one_all(
        chat: Chat) -> None:
    # ✅ under a 2-word push started a check on every word she was learning, 7 questions
    linh = chat.user(3000, "Linh", lang="vi")
    await join_and_confirm(chat, linh, lang="vi", level=5)
    await chat.send(linh, "/words")  # her first words, read: a check may ask them
    words = last_words(chat, 2)
    await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(words)}")
    pushed = [c for c in await chat.deliver() if c.chat_id == 3000]
    assert [d for _, d in buttons(pushed)] == ["fl:1", "ck:1"]  # the push's id, as the flip
    terms = {w.id: w.word.term for w in pack_words(chat.db, "science.ecosystems")}

    def asked() -> list[str]:
        return [terms[r[0]] for r in chat.db.execute(
            "SELECT word_id FROM check_items WHERE student_id = 3000 AND answered_at IS NULL")]

    assert texts(await chat.tap(linh, "ck:1"))
    assert sorted(asked()) == sorted(words)
    flipped = await chat.tap(linh, "fl:1")  # the flipped cards' ✅ is still that push's
    assert ("✅ Làm bài kiểm tra", "ck:1") in buttons(flipped)
    chat.db.execute("UPDATE check_items SET answered_at = created_at WHERE student_id = 3000")
    await chat.tap(linh, "ck")  # a ✅ sent before buttons named their push: every word
    assert set(asked()) - set(words)
    stale = "Nút đó đã cũ"
    for forged in ("ck:99", "ck:1:2", "ck:x"):  # another push, or data we never sent
        assert stale in texts(await chat.tap(linh, forged)), forged


async def test_check_under_a_pushed_preview_unlocks_and_shows_no_other_words_first(
        chat: Chat) -> None:
    linh = chat.user(3000, "Linh", lang="vi")
    await join_and_confirm(chat, linh, lang="vi", level=5)  # no /words yet: slots are open
    words = last_words(chat, 2)
    await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(words)}")
    await chat.deliver()
    started = await chat.tap(linh, "ck:1")
    assert "📘" not in texts(started) and "Question 1/2" in texts(started)  # no cards: 2 words
    assert chat.db.execute("SELECT count(*) FROM mastery WHERE student_id = 3000").fetchone()[0] \
        == 2  # nothing unlocked beside them


async def test_a_push_names_the_students_who_blocked_puente_and_student_says_so(
        chat: Chat) -> None:
    """Chaos playtest: with the only student blocked, /push said "Sending 2 words to 0
    students" with no reason, and /student showed no sign of the block."""
    ids = await enrol_class(chat, 2)
    chat.api.block(ids[1])
    await chat.send(teacher(chat), "/push science.ecosystems habitat")
    await chat.deliver()
    said = texts(await chat.send(teacher(chat), "/push science.ecosystems producer"))
    name = people.get_student(chat.db, ids[1]).first_name
    assert "to 1 student of" in said
    assert (f"🚫 Not sent to {name}: blocked Puente, so nothing reaches them until they open "
            "the chat again.") in said
    page = texts(await chat.send(teacher(chat), f"/student {name}"))
    assert "🚫 Blocked Puente" in page
    other = people.get_student(chat.db, ids[0]).first_name
    assert "🚫" not in texts(await chat.send(teacher(chat), f"/student {other}"))


async def test_a_teacher_of_two_classes_reads_which_class_each_finished_push_was_for(
        chat: Chat) -> None:
    """Lan (Vietnamese) got two identical "Đã gửi xong… 3 học sinh" for her two classes."""
    lan = chat.user(TEACHER_ID, "Lan", "vi")
    await join_and_confirm(chat, chat.user(3000, "Ana", lang="es"), lang="es", level=4)
    await chat.send(lan, "/newclass ESL 2")
    esl = next(c for c in people.teacher_classes(chat.db, TEACHER_ID) if c.name == "ESL 2")
    bo = chat.user(3001, "Bo", lang="es")
    await chat.send(bo, f"/start {esl.join_code}")
    await chat.tap(bo, callbacks.data(callbacks.LANGUAGE, "es"))
    people.set_level(chat.db, 3001, None, 4, "teacher")
    await chat.send(lan, "/push science.ecosystems habitat, predator to Science 7B")
    await chat.send(lan, "/push science.ecosystems prey to ESL 2")
    reports = [c.text for c in await chat.deliver()
               if c.chat_id == TEACHER_ID and c.text.startswith("Đã gửi xong")]
    delivered = ("đã chuyển tới Telegram cho 1 học sinh (Telegram không cho biết ai đã đọc), "
                 "0 đã chặn bot, 0 không gửi tới được.")
    assert sorted(reports) == [
        f"Đã gửi xong cho lớp <b>ESL 2</b> (science.ecosystems: prey): {delivered}",
        "Đã gửi xong cho lớp <b>Science 7B</b> (science.ecosystems: habitat, predator): "
        f"{delivered}"]


async def test_a_long_push_is_named_by_its_first_five_words(chat: Chat) -> None:
    await enrol_class(chat, 1)
    terms = [w.word.term for w in pack_words(chat.db, "science.ecosystems")][:7]
    await chat.send(teacher(chat), f"/push science.ecosystems {', '.join(terms)}")
    report = texts(c for c in await chat.deliver() if c.chat_id == TEACHER_ID)
    assert (f"Push finished, <b>Science 7B</b> (science.ecosystems: {', '.join(terms[:5])}, "
            "… (+2)): delivered to Telegram for 1 student") in report, report
