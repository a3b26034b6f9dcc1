"""Measuring instruments shared by the reliability tests and bench/soak.py.

Event-loop lateness (a 10 ms QTimer), resident memory and its slope, a bounded signal wait that
needs no qtbot, and synthetic pen strokes on the drawing canvas.
"""
from __future__ import annotations

import os
import time

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QPointF, Qt, QTimer, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

PROBE_MS = 10


def rss_mb() -> float:
    """Resident memory of this process in MB (/proc: tracemalloc misses torch's C++ allocations)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def slope_per_minute(times_s: list[float], values: list[float]) -> float:
    """Least-squares slope of values over time, per minute (0 with fewer than 3 samples)."""
    if len(times_s) < 3 or max(times_s) - min(times_s) <= 0:
        return 0.0
    return float(np.polyfit(np.asarray(times_s), np.asarray(values), 1)[0] * 60.0)


class LatenessProbe(QObject):
    """A 10 ms timer on the GUI thread; lateness = how much later than 10 ms each tick arrives.

    Also samples RSS every `rss_every_s` seconds, for the memory slope of a soak run.
    """

    def __init__(self, rss_every_s: float = 0.5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lateness_ms: list[float] = []
        self.rss_times: list[float] = []
        self.rss_values: list[float] = []
        self._rss_every_s = rss_every_s
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._start = 0.0

    def start(self) -> None:
        self._start = time.monotonic()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        """Forget what was measured so far (after a warm-up)."""
        self.lateness_ms.clear()
        self.rss_times.clear()
        self.rss_values.clear()
        self._start = time.monotonic()

    @Slot()
    def _tick(self) -> None:
        elapsed = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.lateness_ms.append(max(elapsed - PROBE_MS, 0.0))
        now = time.monotonic() - self._start
        if not self.rss_times or now - self.rss_times[-1] >= self._rss_every_s:
            self.rss_times.append(now)
            self.rss_values.append(rss_mb())

    def p99(self) -> float:
        return float(np.percentile(self.lateness_ms, 99)) if self.lateness_ms else 0.0

    def worst(self) -> float:
        return float(max(self.lateness_ms, default=0.0))

    def rss_slope(self) -> float:
        """MB per minute over the samples so far."""
        return slope_per_minute(self.rss_times, self.rss_values)


def run_events(ms: int) -> None:
    """Run the event loop for `ms` milliseconds (no sleeping: timers, signals and painting go on)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate, timeout_ms: int, step_ms: int = 5) -> bool:
    """Run the event loop until `predicate()` holds or the timeout passes; returns whether it held."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not predicate():
        if time.monotonic() > deadline:
            return False
        run_events(step_ms)
    return True


def _mouse(widget: QWidget, kind: QEvent.Type, point: QPointF, pressed: bool) -> None:
    button = Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, point, widget.mapToGlobal(point), Qt.MouseButton.NoButton
                        if kind == QEvent.Type.MouseMove else button,
                        button if pressed else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw_stroke(canvas: QWidget, rng: np.random.Generator, moves: int = 4) -> None:
    """One pen stroke at a random place on the canvas: press, a few moves, release."""
    w, h = canvas.width(), canvas.height()
    points = [QPointF(float(x), float(y)) for x, y in
              zip(rng.uniform(0.2 * w, 0.8 * w, moves + 1), rng.uniform(0.1 * h, 0.7 * h, moves + 1))]
    _mouse(canvas, QEvent.Type.MouseButtonPress, points[0], True)
    for point in points[1:]:
        _mouse(canvas, QEvent.Type.MouseMove, point, True)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, points[-1], False)


def _machine_busy_ticks() -> int:
    """Clock ticks all CPUs of the machine spent busy (from /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return user + nice + system + irq + softirq + steal


def _own_ticks() -> int:
    """Clock ticks this process (all its threads) has used."""
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


class CpuMeter:
    """How many cores other processes used meanwhile: the latency limits assume an idle second core."""

    BUSY_CORES = 0.5

    def __init__(self) -> None:
        self._start = (time.monotonic(), _machine_busy_ticks(), _own_ticks())

    def others(self) -> float:
        """Cores used by other processes since this meter was made."""
        t0, busy0, own0 = self._start
        seconds = max(time.monotonic() - t0, 1e-3)
        ticks = (_machine_busy_ticks() - busy0) - (_own_ticks() - own0)
        return max(ticks, 0) / os.sysconf("SC_CLK_TCK") / seconds

    def busy(self) -> bool:
        return self.others() > self.BUSY_CORES


def judge_latency(probe: LatenessProbe, meter: CpuMeter) -> None:
    """The plan's limits (p99 < 100 ms, max < 500 ms) when the second core was idle, as the plan assumes.

    When other processes used more than half a core meanwhile, a test still fails on a stall (max ≥ 2 s)
    but skips the latency verdict, with the figures in the reason, instead of failing on a shared machine.
    """
    import pytest

    p99, worst, others = probe.p99(), probe.worst(), meter.others()
    figures = f"p99 {p99:.0f} ms, max {worst:.0f} ms, other processes {others:.1f} cores"
    assert len(probe.lateness_ms) > 20, "the probe hardly ticked: the event loop was blocked"
    if others > CpuMeter.BUSY_CORES:
        assert worst < 2000, f"the event loop stalled: {figures}"
        pytest.skip(f"latency not judged on a busy machine ({figures})")
    if p99 < 100 and worst < 500:
        return
    raise AssertionError(f"lateness over the plan's limits: {figures}")
