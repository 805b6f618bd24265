"""The PIN attempt limiter: a sliding window per registration that fails closed when full."""

from __future__ import annotations

from gazoguard.hashes.attempts import AttemptLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_window_slides() -> None:
    clock = Clock()
    limiter = AttemptLimiter(3, 60.0, clock=clock)
    assert [limiter.try_acquire("reg-a") for _ in range(3)] == [None, None, None]
    clock.now += 10
    assert limiter.try_acquire("reg-a") == 50.0  # wait until the first attempt leaves the window
    assert limiter.try_acquire("reg-b") is None  # each registration has its own count
    clock.now += 45
    assert limiter.try_acquire("reg-a") == 5.0  # refused attempts do not extend the wait
    clock.now += 5
    assert [limiter.try_acquire("reg-a") for _ in range(4)] == [None, None, None, 60.0]


def test_full_limiter_refuses_new_keys_instead_of_forgetting() -> None:
    clock = Clock()
    limiter = AttemptLimiter(2, 60.0, max_tracked=2, clock=clock)
    limiter.try_acquire("a")
    limiter.try_acquire("a")
    limiter.try_acquire("b")
    assert limiter.try_acquire("c") == 60.0  # "a" is not flushed to make room
    assert limiter.try_acquire("a") is not None
    clock.now += 61
    assert limiter.try_acquire("c") is None  # expired keys are forgotten

