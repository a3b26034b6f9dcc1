"""Paced redraws: live views take new data at a few hertz, and only one view repaints per event-loop turn.

Reports from the training thread arrive up to 20 times a second each. Drawing every one of them
in every plot kept the event loop busy for 50-250 ms at a time (several pyqtgraph views repainted
in the same pass), which made the window feel sticky and slowed the training thread down through
the GIL. The pacer keeps the data (the panel buffers it, nothing is dropped) and hands it to the
views on a timer: each view at most every `min_interval_s`, one view per tick, the one that has
waited longest first, so each repaint pass holds one view. The timer stops itself when nothing is
pending, so an idle window has no timer running.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Slot

TICK_MS = 50


@dataclass
class _View:
    flush: Callable[[], None]
    min_interval_s: float
    pending: bool = False
    last_flush: float = field(default=-1e9)


class ViewPacer(QObject):
    """Calls each registered view's flush when it has pending data, one view per tick."""

    def __init__(self, parent: QObject | None = None, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._views: dict[str, _View] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    def add(self, name: str, flush: Callable[[], None], min_interval_s: float) -> None:
        self._views[name] = _View(flush, min_interval_s)

    def mark(self, name: str) -> None:
        """`name` has new data: it is flushed on a coming tick."""
        self._views[name].pending = True
        if not self._timer.isActive():
            self._timer.start()

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    def pending(self) -> tuple[str, ...]:
        return tuple(name for name, view in self._views.items() if view.pending)

    def flush_all(self) -> None:
        """Hand every pending view its data now (end of a run, before a banner or a result)."""
        for view in self._views.values():
            if view.pending:
                self._flush(view, time.monotonic())
        self._timer.stop()

    def discard(self) -> None:
        """Forget what is pending (the panel clears its buffers and views itself)."""
        for view in self._views.values():
            view.pending = False
        self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        now = time.monotonic()
        waiting = [view for view in self._views.values() if view.pending]
        if not waiting:
            self._timer.stop()
            return
        ready = [view for view in waiting if now - view.last_flush >= view.min_interval_s]
        if ready:
            self._flush(min(ready, key=lambda view: view.last_flush), now)

    @staticmethod
    def _flush(view: _View, now: float) -> None:
        view.pending = False
        view.last_flush = now
        view.flush()
