"""ViewPacer: pending views are flushed one per tick, each no more often than its interval; idle = no timer;
a busy GUI thread draws less often (its CPU budget), but every view at least every MAX_WAIT_S."""
from __future__ import annotations

from gui.view_pacer import CPU_BUDGET, MAX_WAIT_S, ViewPacer


def _pacer(qtbot, intervals: dict[str, float]) -> tuple[ViewPacer, list[str]]:
    flushed: list[str] = []
    pacer = ViewPacer(tick_ms=10, cpu_budget=1.0)   # these tests are about order and intervals, not load
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


class _Clocks:
    """Fake wall and CPU clocks: each tick, the GUI thread used `share` of the elapsed wall time."""

    def __init__(self, share: float) -> None:
        self.wall, self.cpu, self.share = 100.0, 0.0, share

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.cpu += seconds * self.share


def _budget_pacer(share: float) -> tuple[ViewPacer, list[str], _Clocks]:
    clocks, flushed = _Clocks(share), []
    pacer = ViewPacer(clock=lambda: clocks.wall, cpu_clock=lambda: clocks.cpu)
    pacer.add("loss", lambda: flushed.append("loss"), 0.1)
    return pacer, flushed, clocks


def _run_ticks(pacer: ViewPacer, clocks: _Clocks, seconds: float, tick_s: float = 0.05) -> None:
    for _ in range(round(seconds / tick_s)):
        pacer.mark("loss")                            # a report arrives before every tick
        clocks.advance(tick_s)
        pacer._tick()


def test_a_light_gui_thread_draws_at_the_full_rate(qtbot):
    pacer, flushed, clocks = _budget_pacer(share=CPU_BUDGET / 3)
    _run_ticks(pacer, clocks, 2.0)
    assert 18 <= len(flushed) <= 20                   # 10 Hz for 2 s: the interval is the only limit
    assert pacer.load < CPU_BUDGET
    pacer.discard()


def test_a_busy_gui_thread_draws_less_but_every_view_still_moves(qtbot):
    pacer, flushed, clocks = _budget_pacer(share=0.5)
    _run_ticks(pacer, clocks, 2.0)
    assert pacer.load > CPU_BUDGET
    assert 2 / MAX_WAIT_S - 1 <= len(flushed) <= 2 / MAX_WAIT_S + 1   # once per MAX_WAIT_S, not 10 Hz
    pacer.discard()


def test_the_load_estimate_follows_the_gui_thread(qtbot):
    pacer, _, clocks = _budget_pacer(share=0.5)
    _run_ticks(pacer, clocks, 1.0)
    assert 0.45 <= pacer.load <= 0.5
    clocks.share = 0.0                                # the GUI thread went quiet
    _run_ticks(pacer, clocks, 1.0)
    assert pacer.load < 0.01
    pacer.discard()


def test_an_urgent_view_is_drawn_on_the_next_tick_even_over_budget(qtbot):
    pacer, flushed, clocks = _budget_pacer(share=0.5)
    pacer.add("metric", lambda: flushed.append("metric"), 10.0)
    _run_ticks(pacer, clocks, 1.2)                    # busy: loss is drawn only when overdue
    before = len(flushed)
    pacer.mark("metric", urgent=True)                 # the second half of an epoch's update
    clocks.advance(0.05)
    pacer._tick()
    assert flushed[before:] == ["metric"]
    pacer.discard()
