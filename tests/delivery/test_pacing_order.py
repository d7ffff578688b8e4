"""Who goes first when more sends wait than Telegram's second holds (a school over 30 msg/s)."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Awaitable

import pytest

from bot.delivery.pacing import BULK, PacedRateLimiter, Pacer


class Slots:
    """Virtual time for the pacer: a sleeper wakes when the clock reaches its time, and the
    clock moves to the earliest such time once every task is waiting. Counts the sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps = 0
        self._alarms: list[tuple[float, int, asyncio.Future[None]]] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        woken = asyncio.get_running_loop().create_future()
        heapq.heappush(self._alarms, (self.now + seconds, self.sleeps, woken))
        await woken

    async def run(self, *coroutines: Awaitable[object]) -> None:
        """Run the coroutines to their end, moving the clock whenever all of them wait."""
        tasks = [asyncio.ensure_future(c) for c in coroutines]
        while not all(t.done() for t in tasks):
            for _ in range(50):  # let everything woken run until it waits again
                await asyncio.sleep(0)
            if self._alarms:
                at, _, woken = heapq.heappop(self._alarms)
                self.now = max(self.now, at)
                if not woken.done():
                    woken.set_result(None)
        await asyncio.gather(*tasks)


async def queue_up(pacer: Pacer, slots: Slots, asks: list[tuple[str, int]]) -> list[str]:
    """Let each (name, chat) ask for a slot while Telegram holds the bot back; the order in
    which they start."""
    started: list[str] = []

    async def ask(name: str, chat: int) -> None:
        await pacer.turn(chat, sleep=slots.sleep)
        started.append(name)

    pacer.pause(1.0)  # everyone queues meanwhile
    await slots.run(*(ask(*a) for a in asks))
    return started


async def test_sends_queued_together_start_in_the_order_they_were_asked_for() -> None:
    slots = Slots()
    pacer = Pacer(rate=29, clock=slots)
    names = [f"student {n}" for n in range(40)]
    assert await queue_up(pacer, slots, list(zip(names, range(40), strict=True))) == names


async def test_one_wake_up_a_slot_however_many_wait() -> None:
    """300 students over the limit: the waiters do not all wake for every slot (CPU)."""
    slots = Slots()
    pacer = Pacer(rate=29, clock=slots)
    await queue_up(pacer, slots, [(str(n), n) for n in range(200)])
    assert slots.sleeps <= 201
    assert slots.now - 100.0 == pytest.approx(1.0 + 199 / 29, abs=0.2)  # no slower


async def test_a_send_to_a_paused_chat_holds_back_nobody_behind_it() -> None:
    slots = Slots()
    pacer = Pacer(rate=30, clock=slots)
    pacer.pause(5, chat_id=7)  # Telegram refused chat 7 alone
    started = await queue_up(pacer, slots, [("to chat 7", 7), ("to chat 8", 8)])
    assert started == ["to chat 8", "to chat 7"]
    assert slots.now == pytest.approx(105)


async def test_a_cancelled_waiter_leaves_the_queue_to_the_next() -> None:
    slots = Slots()
    pacer = Pacer(rate=30, clock=slots)
    pacer.pause(1.0)
    stuck = asyncio.Event()

    async def never_wakes(seconds: float) -> None:
        stuck.set()
        await asyncio.Event().wait()

    first = asyncio.create_task(pacer.turn(1, sleep=never_wakes))
    await stuck.wait()  # it leads the queue, asleep until the pause ends
    second = asyncio.create_task(pacer.turn(2, sleep=slots.sleep))

    async def stop_first() -> None:
        first.cancel()  # e.g. the bot stopping
        await asyncio.wait_for(second, 1.0)

    await slots.run(stop_first())
    assert slots.now == pytest.approx(101)


async def test_a_student_who_asked_first_is_answered_first_and_a_push_keeps_its_turn() -> None:
    """Above the limit a reply is not passed by replies asked for after it, and the outbox's
    few sends in flight keep their place among the replies (a push still goes out)."""
    pacer = Pacer(rate=100)  # real time: a few tenths of a second in all
    limiter = PacedRateLimiter(pacer)
    sent: list[str] = []

    async def send(what: str) -> bool:
        sent.append(what)
        return True

    async def call(what: str, chat: int, after: float, args: dict[str, bool] | None) -> None:
        await asyncio.sleep(after)
        await limiter.process_request(send, (what,), {}, "editMessageText", {"chat_id": chat},
                                      args)

    pacer.pause(0.3)  # everyone queues
    asks = [(f"tap {n}", n, n * 0.01, None) for n in range(1, 10)]
    asks.insert(4, ("push", 99, 0.045, BULK))
    await asyncio.gather(*(call(*a) for a in reversed(asks)))
    assert sent == [a[0] for a in asks]
