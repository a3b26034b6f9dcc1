"""A training run as the GUI sees it: validated up front, built lazily in the worker thread.

Importing torch and building tensors takes a second or more, so the `TrainingSession` is created
inside the first report source that runs (in the training thread), never on the GUI thread. This
module imports no torch itself; the GUI holds a `TrainingJob` and never a tensor.
"""
from __future__ import annotations

import math
from typing import Callable, Iterator

from core.errors import SpecError
from core.i18n import translate
from core.network_spec import NetworkSpec, validate
from core.reports import TrainingConfig, validate_config
from core.throttle import coalesce_reports

ReportSource = Callable[[Callable[[], bool]], Iterator[object]]


class TrainingJob:
    """Spec + data + settings of one run; hands out report sources for Train, Step and Stop."""

    def __init__(self, spec: NetworkSpec, dataset, config: TrainingConfig, initial_layers: tuple | None = None) -> None:
        validate(spec)
        n_total = len(dataset.x_train)
        self.n_train = min(config.train_size, n_total) if config.train_size else n_total
        self.config = validate_config(config, n_train=self.n_train, task=dataset.task)
        if spec.input_size != dataset.input_size or spec.output_size != dataset.num_outputs:
            raise SpecError(translate("core.training_job", "The network ({network}) does not fit the {dataset} "
                                                           "data, which has {inputs} inputs and {outputs} "
                                                           "outputs.").format(
                network=spec.describe(), dataset=dataset.name, inputs=dataset.input_size,
                outputs=dataset.num_outputs))
        self.spec, self.dataset = spec, dataset
        self.batch_size = config.batch_size or self.n_train
        self.total_steps = math.ceil(self.n_train / self.batch_size) * config.epochs
        self.learning_rate = config.learning_rate
        self.initial_layers = initial_layers
        self._session = None

    @property
    def started(self) -> bool:
        return self._session is not None

    @property
    def finished(self) -> bool:
        return self._session is not None and self._session.finished

    @property
    def step(self) -> int:
        return self._session.step if self._session is not None else 0

    def set_learning_rate(self, lr: float) -> None:
        """Validate and apply at the next step (a float assignment: safe while the worker runs)."""
        validate_config(self.config.with_changes(learning_rate=lr))
        self.learning_rate = float(lr)
        if self._session is not None:
            self._session.set_learning_rate(lr)

    def _ensure_session(self):
        if self._session is None:
            from core.training import APP_TORCH_THREADS, TrainingSession, configure_threads  # torch loads here

            configure_threads(APP_TORCH_THREADS)
            self._session = TrainingSession(self.spec, self.dataset, self.config, initial_layers=self.initial_layers)
            self._session.set_learning_rate(self.learning_rate)
        return self._session

    def train_source(self, max_steps: int | None = None) -> ReportSource:
        """Reports of training from where the job stands (all of it, or `max_steps` steps)."""
        def source(should_stop: Callable[[], bool]) -> Iterator[object]:
            yield from coalesce_reports(self._ensure_session().run(should_stop, max_steps=max_steps))
        return source

    def finish_source(self) -> ReportSource:
        """Reports that end the run now and give the test figures (the Stop button)."""
        def source(should_stop: Callable[[], bool]) -> Iterator[object]:
            yield from self._ensure_session().finish()
        return source


def warm_up_source() -> ReportSource:
    """Import torch and the trainer in the background right after start-up, so Train starts at once."""
    def source(should_stop: Callable[[], bool]) -> Iterator[object]:
        from core.training import APP_TORCH_THREADS, configure_threads, warm_up_optimizers

        configure_threads(APP_TORCH_THREADS)
        warm_up_optimizers()
        yield "ready"
    return source


def save_model_source(path: str, spec: NetworkSpec, layers: tuple, config: TrainingConfig,
                      dataset_name: str) -> ReportSource:
    """Save a weight snapshot in the background (torch.save); yields the path when done."""
    def source(should_stop: Callable[[], bool]) -> Iterator[object]:
        from core.model_io import save_model

        save_model(path, spec, layers, config, dataset_name)
        yield ("saved", path)
    return source


def load_model_source(path: str) -> ReportSource:
    """Load and check a model file in the background; yields the LoadedModel."""
    def source(should_stop: Callable[[], bool]) -> Iterator[object]:
        from core.model_io import load_model

        yield load_model(path)
    return source
