from __future__ import annotations

from core.throttle import RateLimiter


def test_rate_limiter_caps_by_wall_clock(fake_clock):
    gate = RateLimiter(20.0, fake_clock)
    assert gate.ready()            # the first report goes at once
    assert not gate.ready()        # same instant: capped
    fake_clock.advance(0.049)
    assert not gate.ready()
    fake_clock.advance(0.002)
    assert gate.ready()
    ready = 0
    for _ in range(1000):          # 1000 steps in one second → at most 20 reports
        fake_clock.advance(0.001)
        ready += gate.ready()
    assert 19 <= ready <= 20


def test_infinite_rate_is_always_ready(fake_clock):
    gate = RateLimiter(float("inf"), fake_clock)
    assert all(gate.ready() for _ in range(5))
