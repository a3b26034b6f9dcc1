"""ViewPacer: pending views are flushed one per tick, each no more often than its interval; idle = no timer."""
from __future__ import annotations

from gui.view_pacer import ViewPacer


def _pacer(qtbot, intervals: dict[str, float]) -> tuple[ViewPacer, list[str]]:
    flushed: list[str] = []
    pacer = ViewPacer(tick_ms=10)
    for name, interval in intervals.items():
        pacer.add(name, lambda name=name: flushed.append(name), interval)
    return pacer, flushed


def test_one_view_per_tick_and_the_timer_stops_when_nothing_is_pending(qtbot):
    pacer, flushed = _pacer(qtbot, {"loss": 0.0, "weights": 0.0, "epochs": 0.0})
    for name in ("loss", "weights", "epochs"):
        pacer.mark(name)
    assert pacer.is_active and flushed == []          # nothing is drawn inside the report's handler
    qtbot.waitUntil(lambda: len(flushed) >= 1, timeout=1000)
    assert len(flushed) == 1                          # a tick flushes one view, not all three
    qtbot.waitUntil(lambda: sorted(flushed) == ["epochs", "loss", "weights"], timeout=1000)
    qtbot.waitUntil(lambda: not pacer.is_active, timeout=1000)
    assert pacer.pending() == ()


def test_a_view_is_not_flushed_more_often_than_its_interval(qtbot):
    pacer, flushed = _pacer(qtbot, {"loss": 10.0})
    pacer.mark("loss")
    qtbot.waitUntil(lambda: flushed == ["loss"], timeout=1000)
    pacer.mark("loss")
    qtbot.wait(100)                                   # ten ticks, but the interval is 10 s
    assert flushed == ["loss"] and pacer.pending() == ("loss",)
    pacer.flush_all()                                 # the end of a run does not wait
    assert flushed == ["loss", "loss"] and not pacer.is_active


def test_discard_forgets_pending_views(qtbot):
    pacer, flushed = _pacer(qtbot, {"loss": 0.0})
    pacer.mark("loss")
    pacer.discard()
    qtbot.wait(50)
    assert flushed == [] and not pacer.is_active
