"""Load and soak (RELIABILITY L-01..L-05, L-07): short by default, long with SOAK_SECONDS set.

The latency limits are judged by probes.judge_latency (an idle second core, as the plan assumes).
"""
from __future__ import annotations

import os

import numpy as np
import pytest

from tests.reliability.conftest import soak_seconds
from tests.reliability.probes import (CpuMeter, LatenessProbe, judge_latency,
                                      rss_mb, run_events, wait_until)
from tests.reliability.soak_scenarios import (SOAK_CONFIG, Collector, junk_model_files, live_views, open_junk,
                                              pause, start_stop_cycles, strokes_while_training, train)

pytestmark = pytest.mark.soak
LONG = bool(os.environ.get("SOAK_SECONDS"))
SECONDS = soak_seconds()


def test_l01_start_stop_cycles_leak_no_threads_timers_or_memory(soak_window, no_dangling_threads):
    cycles = 200 if LONG else 30
    result = start_stop_cycles(soak_window, cycles)
    assert result["rss_growth_mb"] < 30, result
    assert not soak_window.controller.is_running
    assert sum(thread_alive(t) for t in no_dangling_threads) == 0  # every run's thread has ended


def thread_alive(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # deleted after it finished
        return False


def test_l02_l03_long_training_with_live_views_keeps_memory_flat_and_the_loop_on_time(soak_window):
    probe = LatenessProbe(rss_every_s=0.25 if not LONG else 2.0)
    train(soak_window)
    live_views(soak_window, min(max(0.1 * SECONDS, 1.0), 30.0))  # warm-up
    meter = CpuMeter()
    probe.start()
    start_mb, start_step = rss_mb(), soak_window.state.weights.step
    live_views(soak_window, SECONDS)
    probe.stop()
    pause(soak_window)
    assert soak_window.state.weights.step > start_step  # it trained all along
    growth = rss_mb() - start_mb
    if LONG and SECONDS >= 60:
        assert probe.rss_slope() < 5, f"RSS slope {probe.rss_slope():.1f} MB/min"
    else:  # a few seconds are too short for a slope: bound the growth (allocator steps are ~MBs)
        assert growth < 5 * SECONDS / 60 + 10, f"RSS grew {growth:.1f} MB in {SECONDS:.0f} s"
    judge_latency(probe, meter)


def test_l04_a_flood_of_steps_delivers_at_most_30_updates_a_second_and_no_memory_spike(soak_window):
    collector = Collector(soak_window)
    start_mb, peak = rss_mb(), 0.0
    train(soak_window, SOAK_CONFIG.with_changes(batch_size=1))
    collector.updates = 0
    meter, probe = CpuMeter(), LatenessProbe(rss_every_s=0.05)
    probe.start()
    run_events(int(1000 * SECONDS))
    probe.stop()
    pause(soak_window)
    collector.close()
    peak = max(probe.rss_values, default=rss_mb())
    assert collector.updates / SECONDS <= 30, collector.updates
    assert peak - start_mb < 50, f"peak RSS {peak - start_mb:.0f} MB above the start"
    judge_latency(probe, meter)


def test_l05_a_storm_of_strokes_while_training_keeps_predictions_sane(soak_window):
    strokes = 1000 if LONG else 200
    meter, probe = CpuMeter(), LatenessProbe()
    probe.start()
    result = strokes_while_training(soak_window, strokes, np.random.default_rng(5))
    probe.stop()
    assert soak_window.controller.is_running
    pause(soak_window)
    assert result["bad_predictions"] == 0, result
    judge_latency(probe, meter)


def test_l07_repeated_junk_opens_are_all_refused_without_memory_growth(soak_window, tmp_path):
    train(soak_window)
    good = tmp_path / "good.pt"
    assert soak_window.save_model_to(str(good))
    assert wait_until(lambda: not soak_window.model_files.busy, 10_000) and good.exists()
    pause(soak_window)
    junk = junk_model_files(tmp_path / "junk", good.read_bytes())
    collector = Collector(soak_window)
    open_junk(soak_window, junk, 10, collector)  # warm-up
    before = rss_mb()
    opens = 500 if LONG else 60
    result = open_junk(soak_window, junk, opens, collector)
    collector.close()
    assert result == {"opens": opens, "refused": opens, "loaded": 0}
    assert rss_mb() - before < 20
    assert all("Traceback" not in message for message in collector.errors)
