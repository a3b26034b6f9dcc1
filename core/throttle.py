"""Wall-clock rate limiting for reports that cross from the training thread to the GUI."""
from __future__ import annotations

import math
import time
from typing import Callable, Iterable, Iterator

from core.reports import EpochBatch, EpochReport, LossReport, merge_loss_reports

BATCH_HZ = 10.0  # the GUI redraws the loss curve at 10 Hz: more batches would only cost signals


class RateLimiter:
    """Say 'ready' at most `hz` times a second, by wall-clock time (not by step count)."""

    def __init__(self, hz: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._period = 0.0 if math.isinf(hz) else 1.0 / hz
        self._clock = clock
        self._last = -math.inf

    def ready(self) -> bool:
        """True (and restart the period) when a full period has passed since the last True."""
        now = self._clock()
        if now - self._last >= self._period:
            self._last = now
            return True
        return False


def coalesce_reports(reports: Iterable[object], hz: float = BATCH_HZ,
                     clock: Callable[[], float] = time.monotonic) -> Iterator[object]:
    """Pass reports on, but merge bursts of loss points and epoch summaries into at most `hz` a second.

    The trainer ends every epoch with a loss flush and an EpochReport; when an epoch is a single
    batch that is hundreds of reports a second. Loss reports are merged into one (every point is
    kept) and epoch summaries travel as an EpochBatch. Any other report (weights, a warning,
    divergence, the end of the run) first sends what is held back, so the order is kept, and what
    is held when the source ends is sent at the end. A burst is held only while reports keep
    coming faster than `hz`; the first report after a quiet spell goes out at once.
    """
    gate = RateLimiter(hz, clock)
    losses: list[LossReport] = []
    epochs: list[EpochReport] = []

    def held() -> Iterator[object]:
        if losses:
            yield merge_loss_reports(losses)
            losses.clear()
        if epochs:
            yield EpochBatch(tuple(epochs))
            epochs.clear()

    for report in reports:
        if isinstance(report, LossReport):
            losses.append(report)
        elif isinstance(report, EpochReport):
            epochs.append(report)
        else:
            yield from held()
            yield report
            continue
        if gate.ready():
            yield from held()
    yield from held()
