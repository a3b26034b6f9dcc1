from __future__ import annotations

import numpy as np
import pytest

from core.reports import EpochBatch, EpochReport, LossReport, merge_loss_reports
from core.throttle import RateLimiter, coalesce_reports


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


def _loss(step: int) -> LossReport:
    return LossReport(1, np.array([step], np.int64), np.array([1.0 / step], np.float32), 100.0, step, 1000, 0.1)


def _epoch(epoch: int) -> EpochReport:
    return EpochReport(epoch, epoch, 1.0, 1.1, 0.5, 0.4, "accuracy")


def test_one_batch_epochs_are_merged_into_few_reports_and_no_point_is_lost(fake_clock):
    def source():
        for k in range(1, 301):          # 300 one-batch epochs within 0.3 s
            fake_clock.advance(0.001)
            yield _loss(k)
            yield _epoch(k)

    out = list(coalesce_reports(source(), hz=10.0, clock=fake_clock))
    assert len(out) <= 2 * (1 + 3) + 2          # the first pair at once, then ≤ 10 batches a second
    steps = np.concatenate([r.steps for r in out if isinstance(r, LossReport)])
    assert steps.tolist() == list(range(1, 301))
    epochs = [e.epoch for r in out if isinstance(r, EpochBatch) for e in r.reports]
    assert epochs == list(range(1, 301))
    assert isinstance(out[-1], EpochBatch) and out[-1].reports[-1] == _epoch(300)   # held ones go at the end


def test_other_reports_send_what_is_held_first_so_the_order_is_kept(fake_clock):
    weights = object()
    out = list(coalesce_reports(iter([_loss(1), _loss(2), _epoch(1), _loss(3), weights, _loss(4)]),
                                hz=10.0, clock=fake_clock))
    assert isinstance(out[0], LossReport) and out[0].steps.tolist() == [1]   # the first goes at once
    assert out[1].steps.tolist() == [2, 3] and out[1].step == 3              # merged, figures of the last
    assert out[2] == EpochBatch((_epoch(1),))
    assert out[3] is weights
    assert out[4].steps.tolist() == [4]                                      # held, sent when the source ends
    assert len(out) == 5


def test_a_quiet_source_gets_its_reports_through_one_by_one(fake_clock):
    def source():
        for k in range(1, 6):
            fake_clock.advance(0.2)      # slower than 10 Hz: nothing to merge
            yield _loss(k)

    out = list(coalesce_reports(source(), hz=10.0, clock=fake_clock))
    assert [r.steps.tolist() for r in out] == [[1], [2], [3], [4], [5]]


def test_merge_loss_reports_keeps_every_point_in_order():
    merged = merge_loss_reports([_loss(1), _loss(2), _loss(3)])
    assert merged.steps.tolist() == [1, 2, 3] and merged.step == 3
    assert merged.losses == pytest.approx([1.0, 0.5, 1 / 3])
