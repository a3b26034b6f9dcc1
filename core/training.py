"""Training as a resumable, throttled, stoppable generator of frozen reports.

A `TrainingSession` owns the model, the optimizer and the data of one run. `run()` trains until
the run ends, `should_stop()` says stop (pause), or `max_steps` steps are done (the Step button);
calling it again continues where it stopped. It never sleeps and never talks to Qt.
"""
from __future__ import annotations

import math
import os
import time
from typing import TYPE_CHECKING, Callable, Iterator

import numpy as np
import torch
import torch.nn.functional as F

from core.errors import ConfigError, SpecError
from core.i18n import translate
from core.model import build_model, linear_layers, load_layers, snapshot_layers, snapshot_weights
from core.network_spec import NetworkSpec, validate
from core.reports import (OPTIMIZERS, DivergenceReport, EpochReport, FinishedReport, LossReport, Report,
                          TrainingConfig, WarningReport, WeightsReport, validate_config)
from core.memory import release_free_memory
from core.throttle import RateLimiter

if TYPE_CHECKING:
    from core.augmentation import ChunkAugmenter
    from core.datasets import Dataset

EVAL_CHUNK = 4096
TRAIN_EVAL_SAMPLES = 5000     # the epoch's train loss is measured in eval mode on this many samples
EXPLODE_FACTOR = 50.0         # loss this many times the first loss = exploded (a ReLU net rarely reaches NaN)
EXPLODE_ABSOLUTE = 1e6
STUCK_WINDOW = 200
MISCLASSIFIED_KEPT = 64
AUGMENT_CHUNK = 256          # images augmented per call: its ~12 torch calls serve 4 batches (128-512 train alike)
# The next chunk is augmented on a second thread while the current one trains (CPU runs only). On
# this 2-core VM (bench/augmentation_speed.py, all five): wall-clock 0.79 of plain in line, 0.89-0.93
# with the thread, for CPU time 0.79 -> 0.74-0.76. In the app (Fashion-MNIST, live views) 37k -> 44k
# samples/s, but the GUI thread's p99 event-loop lateness went from ~6 to ~15 ms (GIL sharing).
AUGMENT_IN_BACKGROUND = True
TRIM_EVERY_S = 20.0          # how often a long run hands freed memory back to the system (core/memory.py)


# Next to a live GUI, torch's default OpenMP pool (one thread per core) fights the GUI thread for the
# two cores: in the app a 784-16-16-10 step took ~400 ms instead of ~0.5 ms. One thread is fastest here.
APP_TORCH_THREADS = 1


def configure_threads(n: int = 1) -> None:
    """Set torch's intra-op threads (1 is fastest next to a live GUI on 2 cores; see bench/)."""
    torch.set_num_threads(n)


def warm_up_optimizers() -> None:
    """Take one step with every optimizer on a scalar: the first step imports torch's compiler
    machinery (about 1 s and 100,000 Python objects), which would otherwise land on the first run."""
    for name in OPTIMIZERS:
        weight = torch.zeros(2, requires_grad=True)
        optimizer = make_optimizer([weight], TrainingConfig(optimizer=name))
        (weight * weight).sum().backward()
        optimizer.step()


def pick_device() -> torch.device:
    """CUDA when a GPU is present, else the CPU."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def make_optimizer(params, config: TrainingConfig) -> torch.optim.Optimizer:
    """The optimizer the student chose; fused Adam on CPU is 3-4x faster per step than the loop version."""
    lr = config.learning_rate
    if config.optimizer == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if config.optimizer == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=config.momentum)
    if config.optimizer == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr)
    return torch.optim.Adam(params, lr=lr, fused=True)


def data_loss(output: torch.Tensor, y: torch.Tensor, loss: str, task: str) -> torch.Tensor:
    """Mean loss of a batch; for classification MSE/MAE compare softmax with the one-hot target."""
    if loss == "cross_entropy":
        return F.cross_entropy(output, y)
    if task == "classification":
        output = torch.softmax(output, dim=1)
        y = F.one_hot(y, output.shape[1]).to(output.dtype)
    return F.mse_loss(output, y) if loss == "mse" else F.l1_loss(output, y)


def weight_penalty(model, l1: float, l2: float) -> torch.Tensor | float:
    """l1·Σ|W| + l2·ΣW² over the weights (biases are not penalised, as usual)."""
    if l1 == 0 and l2 == 0:
        return 0.0
    weights = [layer.weight for layer in linear_layers(model)]
    penalty = 0.0
    if l1:
        penalty = penalty + l1 * sum(w.abs().sum() for w in weights)
    if l2:
        penalty = penalty + l2 * sum(w.pow(2).sum() for w in weights)
    return penalty


def r_squared(prediction: np.ndarray, target: np.ndarray) -> float:
    """Coefficient of determination: 1 - SS_res / SS_tot (1 = perfect fit)."""
    ss_res = float(np.sum((target - prediction) ** 2))
    ss_tot = float(np.sum((target - target.mean()) ** 2))
    return 1.0 - ss_res / ss_tot if ss_tot > 0 else (1.0 if ss_res == 0 else 0.0)


def _check_layer_shapes(spec: NetworkSpec, layers: tuple) -> None:
    sizes = spec.layer_sizes
    expected = [((n_out, n_in), (n_out,)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    if [(l.weight.shape, l.bias.shape) for l in layers] != expected:
        raise SpecError(translate("core.training", "The starting weights do not fit the {network} network.").format(
            network=spec.describe()))


class TrainingSession:
    """Model, optimizer, data and progress of one run; `run()` resumes where it stopped."""

    def __init__(self, spec: NetworkSpec, dataset: Dataset, config: TrainingConfig,
                 device: torch.device | None = None, initial_layers: tuple | None = None) -> None:
        validate(spec)
        n_total = len(dataset.x_train)
        n_train = min(config.train_size, n_total) if config.train_size else n_total
        self.config = validate_config(config, n_train=n_train, task=dataset.task)
        if spec.input_size != dataset.input_size or spec.output_size != dataset.num_outputs:
            raise SpecError(translate("core.training", "The network ({network}) does not fit the {dataset} data, "
                                                       "which has {inputs} inputs and {outputs} outputs.").format(
                network=spec.describe(), dataset=dataset.name, inputs=dataset.input_size,
                outputs=dataset.num_outputs))
        self.spec, self.dataset, self.task = spec, dataset, dataset.task
        self.device = device or pick_device()
        self.model = build_model(spec, seed=config.seed)
        if initial_layers is not None:  # continue from loaded weights instead of random ones
            _check_layer_shapes(spec, initial_layers)
            load_layers(self.model, initial_layers)
        self.model = self.model.to(self.device)
        self._optimizer = make_optimizer(self.model.parameters(), self.config)
        self._x, self._y = self._tensors(dataset.x_train[:n_train], dataset.y_train[:n_train])
        self._x_val, self._y_val = self._tensors(dataset.x_val, dataset.y_val)
        self._x_test, self._y_test = self._tensors(dataset.x_test, dataset.y_test)
        self._generator = torch.Generator().manual_seed(config.seed)
        self._augment = self._make_augmenter()
        self.n_train = n_train
        self.batch_size = config.batch_size or n_train
        self.steps_per_epoch = math.ceil(n_train / self.batch_size)
        self.total_steps = self.steps_per_epoch * config.epochs
        self.learning_rate = config.learning_rate
        self.step = 0
        self.epoch = 0          # epochs completed
        self.finished = False
        self._order: torch.Tensor | None = None
        self._position = 0
        self._first_loss: float | None = None
        self._recent: list[float] = []
        self._warned_stuck = False
        self._good_layers = snapshot_layers(self.model)
        self._candidate_layers: tuple | None = None
        self._best: tuple[float, int, tuple] | None = None   # (val loss, epoch, layers)
        self._since_best = 0
        self._trim_gate: RateLimiter | None = None
        self._augmented_chunk: tuple[int, int, torch.Tensor | None] = (0, 0, None)

    def _tensors(self, x: np.ndarray, y: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
        return (torch.as_tensor(np.ascontiguousarray(x, dtype=np.float32), device=self.device),
                torch.as_tensor(y, device=self.device))

    def _make_augmenter(self) -> ChunkAugmenter | None:
        if not (self.dataset.is_image and self.config.augmentation.active):
            return None
        from core.augmentation import ChunkAugmenter  # only image runs with augmentation need it
        background = AUGMENT_IN_BACKGROUND and self.device.type == "cpu" and (os.cpu_count() or 1) > 1
        return ChunkAugmenter(self.config.augmentation, self.config.seed, self._x, background)

    def _augmented(self, start: int, size: int) -> torch.Tensor:
        """Augmented inputs of the epoch's positions [start, start + size).

        The augmenter runs on AUGMENT_CHUNK images at once and the next batches are sliced from
        that: its fixed cost per call is shared by several batches (bench/augmentation_speed.py).
        Taking a chunk asks for the next one at once, so that it can be made in the background.
        The augmenter starts from a PixelBank (uint8 images, dilations and erosions: 2,352 bytes per
        image), built on the first augmented step, so its cost (~13 ms for 7,000 images) counts in run().
        """
        lo, hi, chunk = self._augmented_chunk
        if chunk is None or not (lo <= start and start + size <= hi):
            lo, hi = start, self._chunk_end(start, size)
            chunk = self._augment.take((self.epoch, lo, hi), self._order[lo:hi])
            self._augmented_chunk = (lo, hi, chunk)
            after = lo + (hi - lo) // self.batch_size * self.batch_size   # the first batch not in this chunk
            if after < self.n_train:
                end = self._chunk_end(after, min(self.batch_size, self.n_train - after))
                self._augment.prepare((self.epoch, after, end), self._order[after:end])
        return chunk[start - lo:start - lo + size]

    def _chunk_end(self, start: int, size: int) -> int:
        return min(start + max(AUGMENT_CHUNK, size), self.n_train)

    def set_learning_rate(self, lr: float) -> None:
        """Change the learning rate; the next step uses it (safe to call from another thread)."""
        validate_config(self.config.with_changes(learning_rate=lr))
        self.learning_rate = float(lr)

    def snapshot(self) -> WeightsReport:
        return snapshot_weights(self.model, self.spec, self.step)

    def run(self, should_stop: Callable[[], bool] = lambda: False, max_steps: int | None = None,
            clock: Callable[[], float] = time.monotonic) -> Iterator[Report]:
        """Train until the end, a stop request, or `max_steps` steps; yield throttled reports."""
        try:
            yield from self._run(should_stop, max_steps, clock)
        finally:   # however run() ends (paused, finished, failed, dropped), no augmentation thread outlives it
            if self._augment is not None:
                self._augment.pause()

    def _run(self, should_stop: Callable[[], bool], max_steps: int | None,
             clock: Callable[[], float]) -> Iterator[Report]:
        loss_gate, weights_gate = RateLimiter(self.config.loss_hz, clock), RateLimiter(self.config.weights_hz, clock)
        if self._trim_gate is None:  # kept across pauses: short runs and steps never pay for a trim
            self._trim_gate = RateLimiter(1 / TRIM_EVERY_S, clock)
            self._trim_gate.ready()
        pending = _PendingLoss(clock, self.step)
        done = 0
        while not self.finished:
            if should_stop() or (max_steps is not None and done >= max_steps):
                break
            if self._position >= self.n_train and self._order is not None:
                yield from self._flush(pending)
                yield from self._end_epoch()
                continue
            loss = self._train_step()
            done += 1
            problem = self._divergence(loss)
            if problem:
                yield from self._flush(pending)
                yield from self._diverge(*problem)
                return
            self._promote_candidate()
            pending.add(self.step, loss)
            yield from self._maybe_warn_stuck(loss)
            if loss_gate.ready():
                yield from self._flush(pending)
                if self._trim_gate.ready():
                    release_free_memory()  # here, in the training thread: it can take tens of ms
            if weights_gate.ready():
                yield from self._weights_or_divergence(pending)
        yield from self._flush(pending)
        if not self.finished:  # paused or stepped: show the weights as they are now
            yield self.snapshot()

    def _train_step(self) -> float:
        """One optimizer step on the next batch of the epoch's permutation."""
        if self._order is None:
            self._order = torch.randperm(self.n_train, generator=self._generator).to(self.device)
            self._position = 0
            self._augmented_chunk = (0, 0, None)
            self.model.train()
        start = self._position
        batch = self._order[start:start + self.batch_size]
        self._position += self.batch_size
        y = self._y[batch]
        x = self._x[batch] if self._augment is None else self._augmented(start, len(batch))
        if self._optimizer.param_groups[0]["lr"] != self.learning_rate:
            for group in self._optimizer.param_groups:
                group["lr"] = self.learning_rate
        loss = data_loss(self.model(x), y, self.config.loss, self.task)
        if self.config.l1 or self.config.l2:  # no extra autograd node when there is no penalty
            loss = loss + weight_penalty(self.model, self.config.l1, self.config.l2)
        self._optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self._optimizer.step()
        self.step += 1
        return loss.item()

    def _divergence(self, loss: float) -> tuple[str, str] | None:
        """(reason, sentence) if the loss is non-finite or has exploded, else None."""
        if not math.isfinite(loss):
            return "non-finite", translate("core.training", "The loss became {loss} (not a number) at step {step}: "
                                                            "the learning rate {lr:g} is too large.").format(
                loss=loss, step=self.step, lr=self.learning_rate)
        if self._first_loss is None:
            self._first_loss = max(loss, 1e-3)
            return None
        if loss > EXPLODE_FACTOR * self._first_loss or loss > EXPLODE_ABSOLUTE:
            return "exploded", translate("core.training", "The loss exploded at step {step}, from {first:.3g} to "
                                                          "{loss:.3g}: with learning rate {lr:g} each step overshoots "
                                                          "the valley and lands higher up the other side.").format(
                step=self.step, first=self._first_loss, loss=loss, lr=self.learning_rate)
        return None

    def _diverge(self, reason: str, sentence: str) -> Iterator[Report]:
        """Stop the run, restore the last good weights and explain what happened."""
        load_layers(self.model, self._good_layers)
        self.finished = True
        advice = " " + translate("core.training", "Try a learning rate about 10× smaller ({lr:g}).").format(
            lr=self.learning_rate / 10)
        yield DivergenceReport(self.step, self.learning_rate, reason, sentence + advice)
        yield WeightsReport(self.step, self._good_layers, self.spec.activations,
                            np.zeros(len(self._good_layers), np.float32))
        yield self._finished_report("diverged")

    def _weights_or_divergence(self, pending: "_PendingLoss") -> Iterator[Report]:
        report = self.snapshot()
        finite = all(np.isfinite(l.weight).all() and np.isfinite(l.bias).all() for l in report.layers)
        if not finite or not np.isfinite(report.grad_norms).all():
            yield from self._diverge("non-finite", translate(
                "core.training", "The weights or gradients became infinite at step {step}: the learning rate "
                                 "{lr:g} is too large.").format(step=self.step, lr=self.learning_rate))
            return
        self._candidate_layers = report.layers  # good once the next step's loss (computed on them) is fine
        yield report

    def _promote_candidate(self) -> None:
        if self._candidate_layers is not None:
            self._good_layers, self._candidate_layers = self._candidate_layers, None

    def _maybe_warn_stuck(self, loss: float) -> Iterator[Report]:
        """Warn once when a classifier's loss sits at ln(classes) for a window: it guesses at chance."""
        if self.task != "classification" or self._warned_stuck or self.config.loss != "cross_entropy":
            return
        self._recent.append(loss)
        if len(self._recent) < STUCK_WINDOW:
            return
        window, self._recent = np.asarray(self._recent), []   # checked once per window: no per-step numpy
        chance = math.log(self.dataset.num_outputs)
        if abs(float(window.mean()) - chance) < 0.02 and float(window.std()) < 0.02:
            self._warned_stuck = True
            yield WarningReport(self.step, translate(
                "core.training", "The loss has stayed at ln {classes} ≈ {chance:.2f} for {window} steps: the network "
                                 "guesses at chance. Its neurons may be dead (a too-large learning rate) or all "
                                 "equal (zero initialisation).").format(classes=self.dataset.num_outputs,
                                                                        chance=chance, window=STUCK_WINDOW))

    def _flush(self, pending: "_PendingLoss") -> Iterator[Report]:
        report = pending.take(self.epoch, self.step, self.total_steps, self.learning_rate, self.batch_size)
        if report is not None:
            yield report

    def _end_epoch(self) -> Iterator[Report]:
        """Epoch summary, early stopping, and the end of the run after the last epoch."""
        self.epoch += 1
        self._order = None
        n = min(TRAIN_EVAL_SAMPLES, self.n_train)
        train_loss, train_metric = self.evaluate(self._x[:n], self._y[:n])
        val_loss, val_metric = self.evaluate(self._x_val, self._y_val)
        yield EpochReport(self.epoch, self.step, train_loss, val_loss, train_metric, val_metric, self.metric_name)
        if math.isfinite(val_loss):
            self._candidate_layers = snapshot_layers(self.model)
        if self.config.patience and self._patience_exhausted(val_loss):
            best_loss, best_epoch, best_layers = self._best
            load_layers(self.model, best_layers)
            self.finished = True
            yield self.snapshot()
            yield self._finished_report("early_stopped", best_epoch)
        elif self.epoch >= self.config.epochs:
            self.finished = True
            yield self.snapshot()
            yield self._finished_report("completed")

    def _patience_exhausted(self, val_loss: float) -> bool:
        if self._best is None or val_loss < self._best[0]:
            self._best = (val_loss, self.epoch, snapshot_layers(self.model))
            self._since_best = 0
            return False
        self._since_best += 1
        return self._since_best >= self.config.patience

    @property
    def metric_name(self) -> str:
        return "accuracy" if self.task == "classification" else "R²"

    def predict(self, x: torch.Tensor) -> torch.Tensor:
        """Outputs (logits or values) in eval mode, in chunks so big sets fit in memory."""
        self.model.eval()
        with torch.no_grad():
            out = torch.cat([self.model(x[i:i + EVAL_CHUNK]) for i in range(0, len(x), EVAL_CHUNK)])
        self.model.train()
        return out

    def evaluate(self, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        """(data loss, accuracy or R²) on a split, without dropout."""
        if len(x) == 0:
            return float("nan"), float("nan")
        return self._loss_and_metric(self.predict(x), y)

    def _loss_and_metric(self, out: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
        loss = float(data_loss(out, y, self.config.loss, self.task))
        if self.task == "classification":
            return loss, float((out.argmax(1) == y).float().mean())
        return loss, r_squared(out.cpu().numpy(), y.cpu().numpy())

    def finish(self) -> Iterator[Report]:
        """End the run now (the Stop button): final weights and test figures."""
        self.finished = True
        yield self.snapshot()
        yield self._finished_report("stopped")

    def _finished_report(self, outcome: str, best_epoch: int = 0) -> FinishedReport:
        """Test-set figures; one forward pass serves the loss, the metric and the confusion matrix."""
        confusion, wrong, wrong_pred = None, np.zeros(0, np.int64), np.zeros(0, np.int64)
        if not len(self._x_test):
            return FinishedReport(outcome, self.step, self.epoch, float("nan"), float("nan"), self.metric_name,
                                  confusion, wrong, wrong_pred, best_epoch)
        out = self.predict(self._x_test)
        test_loss, test_metric = self._loss_and_metric(out, self._y_test)
        if self.task == "classification":
            pred, true = out.argmax(1).cpu().numpy(), self._y_test.cpu().numpy()
            classes = self.dataset.num_outputs
            confusion = np.bincount(true * classes + pred, minlength=classes * classes).reshape(classes, classes)
            wrong = np.flatnonzero(pred != true)[:MISCLASSIFIED_KEPT].astype(np.int64)
            wrong_pred = pred[wrong].astype(np.int64)
        return FinishedReport(outcome, self.step, self.epoch, test_loss, test_metric, self.metric_name,
                              confusion, wrong, wrong_pred, best_epoch)


class _PendingLoss:
    """Loss points not yet reported, and the sample rate since the last report."""

    def __init__(self, clock: Callable[[], float], step: int) -> None:
        self._clock, self._steps, self._losses = clock, [], []
        self._since, self._since_step = clock(), step

    def add(self, step: int, loss: float) -> None:
        self._steps.append(step)
        self._losses.append(loss)

    def take(self, epoch: int, step: int, total: int, lr: float, batch: int) -> LossReport | None:
        if not self._steps:
            return None
        now = self._clock()
        elapsed = now - self._since
        rate = (step - self._since_step) * batch / elapsed if elapsed > 0 else 0.0
        report = LossReport(epoch, np.asarray(self._steps, np.int64), np.asarray(self._losses, np.float32),
                            rate, step, total, lr)
        self._steps, self._losses, self._since, self._since_step = [], [], now, step
        return report


def make_report_source(session: TrainingSession, max_steps: int | None = None):
    """A `should_stop -> reports` callable for the GUI's worker (so gui/ never holds a tensor)."""
    return lambda should_stop: session.run(should_stop, max_steps=max_steps)


def make_finish_source(session: TrainingSession):
    """A report source that ends the run and reports the test figures (the Stop button)."""
    return lambda should_stop: session.finish()


__all__ = ["TrainingSession", "configure_threads", "pick_device", "make_report_source", "make_finish_source",
           "data_loss", "weight_penalty", "r_squared", "ConfigError"]
