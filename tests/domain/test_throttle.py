"""The per-user throttle: a window of events, then a pause; `now` is passed in."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.throttle import Throttle
from tests.clock import START


def test_fifth_failure_in_a_minute_starts_a_pause() -> None:
    guard = Throttle(limit=5, window=timedelta(minutes=1), pause=timedelta(minutes=1))
    starts = [guard.hit(1, START + timedelta(seconds=i)) for i in range(5)]
    assert starts == [False, False, False, False, True]
    assert guard.wait(1, START + timedelta(seconds=5)) == timedelta(seconds=59)
    assert guard.wait(2, START) == timedelta(0)  # other users are not affected
    assert guard.wait(1, START + timedelta(seconds=65)) == timedelta(0)


def test_failures_spread_out_never_pause() -> None:
    guard = Throttle(limit=5, window=timedelta(minutes=1))
    assert not any(guard.hit(1, START + timedelta(seconds=15 * i)) for i in range(40))


def test_idle_users_are_forgotten() -> None:
    guard = Throttle(limit=2)
    guard.hit(1, START)
    guard.hit(2, START)
    guard.hit(2, START)
    guard.forget_idle(START + timedelta(minutes=5))
    assert guard._events == {} and guard._paused_until == {}


def test_memory_stays_small_when_many_users_pass_by() -> None:
    guard = Throttle(limit=5, window=timedelta(seconds=20), max_keys=100)
    for user in range(1000):
        guard.hit(user, START + timedelta(seconds=user))
    assert len(guard._events) <= 100
