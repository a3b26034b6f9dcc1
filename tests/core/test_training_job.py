from __future__ import annotations

import sys

import numpy as np
import pytest
import torch

from core.datasets import load_dataset
from core.errors import ConfigError, SpecError
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import FinishedReport, TrainingConfig
from core.training_job import TrainingJob, warm_up_source


@pytest.fixture
def two_torch_threads():
    torch.set_num_threads(2)   # torch's default on this 2-core machine
    yield
    torch.set_num_threads(1)


def test_the_app_trains_with_one_torch_thread(two_torch_threads):
    """A default 2-thread OpenMP pool next to the GUI made each step ~400 ms instead of ~0.5 ms."""
    job = TrainingJob(NetworkSpec(2, (LayerSpec(4),), 2), load_dataset("XOR"), TrainingConfig(batch_size=16))
    list(job.train_source(max_steps=1)(lambda: False))
    assert torch.get_num_threads() == 1 and job.step == 1


def test_warm_up_sets_one_thread_too(two_torch_threads):
    assert list(warm_up_source()(lambda: False)) == ["ready"] and torch.get_num_threads() == 1


def test_job_checks_everything_before_any_torch_work():
    data = load_dataset("XOR")
    with pytest.raises(SpecError, match="does not fit"):
        TrainingJob(NetworkSpec(784, (), 10), data, TrainingConfig())
    with pytest.raises(ConfigError, match="larger than the training set"):
        TrainingJob(NetworkSpec(2, (), 2), data, TrainingConfig(batch_size=100_000))
    job = TrainingJob(NetworkSpec(2, (), 2), data, TrainingConfig(batch_size=0, epochs=3))
    assert not job.started and job.total_steps == 3 and job.batch_size == len(data.x_train)


def test_job_resumes_and_finishes_with_test_figures():
    job = TrainingJob(NetworkSpec(2, (LayerSpec(8, "tanh"),), 2), load_dataset("Two gaussians"),
                      TrainingConfig(batch_size=32, epochs=2, learning_rate=0.05))
    list(job.train_source(max_steps=3)(lambda: False))
    assert job.step == 3 and not job.finished
    job.set_learning_rate(0.01)
    reports = list(job.finish_source()(lambda: False))
    assert isinstance(reports[-1], FinishedReport) and reports[-1].outcome == "stopped" and job.finished
    assert np.isfinite(reports[-1].test_loss)
