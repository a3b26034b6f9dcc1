"""release_free_memory: freed heap memory really goes back to the system (glibc), and it never raises."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from core.memory import release_free_memory


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and needs glibc's malloc_trim")
def test_freed_small_blocks_are_returned_to_the_system():
    if not release_free_memory():
        pytest.skip("this C library has no malloc_trim (not glibc)")
    blocks = [np.ones(100) for _ in range(300_000)]   # ~250 MB in small heap blocks, below mmap's threshold
    keep = blocks[::1000]                              # a few survivors pin the heap's top
    del blocks
    before = _rss_mb()
    assert release_free_memory()
    after = _rss_mb()
    assert before - after > 100, f"RSS {before:.0f} → {after:.0f} MB"
    assert all(block.sum() == 100 for block in keep)   # what is alive is untouched
