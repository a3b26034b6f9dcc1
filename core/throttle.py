"""Wall-clock rate limiting for reports that cross from the training thread to the GUI."""
from __future__ import annotations

import math
import time
from typing import Callable


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
