"""Paced redraws: live views take new data at a few hertz, and only one view repaints per event-loop turn.

Reports from the training thread arrive up to 20 times a second each. Drawing every one of them
in every plot kept the event loop busy for 50-250 ms at a time (several pyqtgraph views repainted
in the same pass), which made the window feel sticky and slowed the training thread down through
the GIL. The pacer keeps the data (the panel buffers it, nothing is dropped) and hands it to the
views on a timer: each view at most every `min_interval_s`, one view per tick, the one that has
waited longest first, so each repaint pass holds one view. The timer stops itself when nothing is
pending, so an idle window has no timer running.

The views also share a CPU budget: while the GUI thread has been busy more than `cpu_budget` of the
time (its CPU time per wall second, tick by tick, everything included: drawing, report slots, the
student's clicks), a tick passes without drawing, unless a view has waited `MAX_WAIT_S`. pyqtgraph
draws in Python while holding the GIL, and every millisecond of it is a millisecond the training
thread waits (bench/gui_training.py); on a fast machine the budget never binds and the views get
their full rates, on a slow one they slow down instead of the training.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Slot

TICK_MS = 50
CPU_BUDGET = 0.04      # share of one core the GUI thread may use while views are pending
MAX_WAIT_S = 0.5       # whatever the budget, a view with new data is drawn at least this often
LOAD_MEMORY = 0.3      # weight of the newest tick in the GUI thread's load estimate (about 150 ms)


@dataclass
class _View:
    flush: Callable[[], None]
    min_interval_s: float
    pending: bool = False
    urgent: bool = False         # drawn on the next tick, whatever its interval and the budget say
    last_flush: float = field(default=-1e9)
    flushes: int = 0


class ViewPacer(QObject):
    """Calls each registered view's flush when it has pending data, one view per tick."""

    def __init__(self, parent: QObject | None = None, tick_ms: int = TICK_MS, cpu_budget: float = CPU_BUDGET,
                 clock: Callable[[], float] = time.monotonic,
                 cpu_clock: Callable[[], float] = time.thread_time) -> None:
        super().__init__(parent)
        self._views: dict[str, _View] = {}
        self._budget, self._clock, self._cpu_clock = cpu_budget, clock, cpu_clock
        self.load = 0.0                     # the GUI thread's recent CPU share (0 … 1)
        self._marks = (0.0, 0.0)            # (wall, CPU) clock readings at the previous tick
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._slack = tick_ms / 2000    # s: a tick a little early (Qt's coarse timers fire up to 5 % early)
                                        # must not push a view a whole tick later
        self._timer.timeout.connect(self._tick)

    def add(self, name: str, flush: Callable[[], None], min_interval_s: float) -> None:
        self._views[name] = _View(flush, min_interval_s)

    def mark(self, name: str, urgent: bool = False) -> None:
        """`name` has new data: it is flushed on a coming tick (`urgent`: the next one, e.g. the second
        half of an update that was split over two ticks)."""
        self._views[name].pending = True
        self._views[name].urgent |= urgent
        if not self._timer.isActive():
            self.load, self._marks = 0.0, (self._clock(), self._cpu_clock())
            self._timer.start()

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    def flush_counts(self) -> dict[str, int]:
        """How often each view has been drawn so far (bench/gui_training.py reports the rates)."""
        return {name: view.flushes for name, view in self._views.items()}

    def pending(self) -> tuple[str, ...]:
        return tuple(name for name, view in self._views.items() if view.pending)

    def flush_all(self) -> None:
        """Hand every pending view its data now (end of a run, before a banner or a result)."""
        for view in self._views.values():
            if view.pending:
                self._flush(view, self._clock())
        self._timer.stop()

    def discard(self) -> None:
        """Forget what is pending (the panel clears its buffers and views itself)."""
        for view in self._views.values():
            view.pending = view.urgent = False
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        now = self._clock()
        self._measure_load(now)
        if not any(view.pending for view in self._views.values()):
            self._timer.stop()
            return
        view = self._choose(now)
        if view is not None:
            self._flush(view, now)

    def _choose(self, now: float) -> _View | None:
        """This tick's view: an urgent one, else the longest-waiting ready one while the GUI thread is
        within its budget (or once a ready view has waited MAX_WAIT_S); None = draw nothing now."""
        waiting = [view for view in self._views.values() if view.pending]
        urgent = [view for view in waiting if view.urgent]
        if urgent:
            return urgent[0]
        ready = [view for view in waiting if now - view.last_flush >= view.min_interval_s - self._slack]
        overdue = any(now - view.last_flush >= MAX_WAIT_S for view in ready)
        if ready and (self.load <= self._budget or overdue):
            return min(ready, key=lambda view: view.last_flush)
        return None

    def _measure_load(self, now: float) -> None:
        """Blend the GUI thread's CPU share since the previous tick into `load`."""
        cpu = self._cpu_clock()
        wall, cpu_before = self._marks
        busy = (cpu - cpu_before) / max(now - wall, 1e-3)
        self.load = (1 - LOAD_MEMORY) * self.load + LOAD_MEMORY * min(busy, 1.0)
        self._marks = (now, cpu)

    @staticmethod
    def _flush(view: _View, now: float) -> None:
        view.pending = view.urgent = False
        view.last_flush = now
        view.flushes += 1
        view.flush()
