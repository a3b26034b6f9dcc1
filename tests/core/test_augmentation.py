"""Data augmentation: identity at zero strength, exact geometry, shapes/dtype, labels, determinism."""
from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import core.augmentation as augmentation
import core.training as training
from core.augmentation import (BatchAugmenter, PixelBank, affine_matrices, augment_preview, base_grid,
                               check_augmentation, make_augmenter, thicken, warp)
from core.datasets import MNIST_MEAN, MNIST_STD, Dataset, normalize_pixels
from core.errors import ConfigError
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import Augmentation, LossReport, TrainingConfig
from core.training import TrainingSession

LOW, HIGH = -MNIST_MEAN / MNIST_STD, (1 - MNIST_MEAN) / MNIST_STD   # normalised range of pixels in [0, 1]
SINGLE = {"shift_px": Augmentation(shift_px=4.0), "rotation_deg": Augmentation(rotation_deg=30.0),
          "scale": Augmentation(scale=0.3), "thickness": Augmentation(thickness=1.0),
          "noise": Augmentation(noise=0.1)}
EVERYTHING = Augmentation(shift_px=2.0, rotation_deg=15.0, scale=0.1, thickness=0.5, noise=0.1)


@pytest.fixture(scope="module")
def digits01(mnist_t10k) -> np.ndarray:
    """64 real MNIST test digits as float pixels in [0, 1], (64, 28, 28)."""
    images, _ = mnist_t10k
    return images[:64].astype(np.float32) / 255.0


def normalised(images01: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(normalize_pixels(images01).reshape(len(images01), 784))


def to_pixels01(x: torch.Tensor) -> np.ndarray:
    return (x.numpy() * MNIST_STD + MNIST_MEAN).reshape(-1, 28, 28)


def test_zero_strength_returns_the_input_itself():
    x = torch.randn(16, 784)
    out = make_augmenter(Augmentation(), seed=3)(x)
    assert out is x
    assert torch.equal(out, x.clone())


def test_zero_strength_preview_returns_the_images_unchanged(digits01):
    out = augment_preview(digits01[:8], Augmentation(), seed=1)
    assert out.shape == (8, 28, 28) and np.array_equal(out, digits01[:8])


@pytest.mark.parametrize("name", [*SINGLE, "everything"])
def test_augmented_batch_keeps_shape_dtype_and_pixel_range(digits01, name):
    aug = SINGLE.get(name, EVERYTHING)
    x = normalised(digits01)
    before = x.clone()
    out = make_augmenter(aug, seed=0)(x)
    assert out.shape == x.shape and out.dtype == torch.float32
    assert torch.isfinite(out).all()
    assert out.min() >= LOW - 1e-5 and out.max() <= HIGH + 1e-5
    assert torch.equal(x, before)      # the caller's batch is not modified in place


@pytest.mark.parametrize("name", list(SINGLE))
def test_each_augmentation_changes_the_images_and_keeps_the_ink_sane(digits01, name):
    x = normalised(digits01)
    out = to_pixels01(make_augmenter(SINGLE[name], seed=0)(x))
    changed = np.abs(out - digits01).reshape(64, -1).mean(axis=1)
    assert (changed > 0.002).mean() > 0.8, f"{name} left most images (nearly) unchanged"
    assert np.median(changed) > 0.01
    ink_ratio = out.reshape(64, -1).sum(axis=1) / digits01.reshape(64, -1).sum(axis=1)
    assert 0.25 < ink_ratio.min() and ink_ratio.max() < 4.0
    assert 0.6 < np.median(ink_ratio) < 1.8


def test_shift_moves_ink_by_whole_pixels_in_the_right_direction(digits01):
    image = torch.from_numpy(digits01[:1]).view(1, 1, 28, 28)
    one = np.ones(1)
    theta = torch.from_numpy(affine_matrices(3.0 * one, -2.0 * one, 0.0 * one, one))   # 3 px right, 2 px up
    moved = warp(image.clone(), theta, base_grid())
    expected = torch.roll(image, shifts=(-2, 3), dims=(2, 3))          # MNIST borders are empty
    assert torch.allclose(moved, expected, atol=1e-5)


def test_rotation_by_a_quarter_turn_equals_rot90(digits01):
    image = torch.from_numpy(digits01[:1]).view(1, 1, 28, 28)
    one = np.ones(1)
    theta = torch.from_numpy(affine_matrices(0 * one, 0 * one, np.array([np.pi / 2]), one))
    turned = warp(image.clone(), theta, base_grid())
    assert torch.allclose(turned, torch.rot90(image, k=1, dims=(2, 3)), atol=1e-4)


def test_zoom_enlarges_and_shrinks_the_digit(digits01):
    image = torch.from_numpy(digits01[:8]).view(8, 1, 28, 28)
    ones, zeros = np.ones(8), np.zeros(8)
    bigger = warp(image.clone(), torch.from_numpy(affine_matrices(zeros, zeros, zeros, 1.3 * ones)), base_grid())
    smaller = warp(image.clone(), torch.from_numpy(affine_matrices(zeros, zeros, zeros, 0.7 * ones)), base_grid())
    ink = lambda t: t.sum(dim=(1, 2, 3))  # noqa: E731
    assert (ink(bigger) > 1.3 * ink(image)).all() and (ink(smaller) < 0.7 * ink(image)).all()


def test_full_thickening_is_dilation_and_full_thinning_is_erosion(digits01):
    image = torch.from_numpy(digits01[:4]).view(4, 1, 28, 28)
    amount = torch.tensor([1.0, -1.0, 0.5, 0.0])
    out = thicken(image.clone(), amount)
    dilated = F.max_pool2d(image, 3, stride=1, padding=1)        # the textbook reference
    eroded = -F.max_pool2d(-image, 3, stride=1, padding=1)
    assert torch.allclose(out[0], dilated[0]) and torch.allclose(out[1], eroded[1])
    assert torch.allclose(out[2], 0.5 * (image[2] + dilated[2]), atol=1e-6)
    assert torch.equal(out[3], image[3])


def test_noise_has_the_requested_standard_deviation():
    grey = torch.full((64, 784), 0.5)
    x = torch.from_numpy(normalize_pixels(grey.numpy()))
    out = to_pixels01(make_augmenter(Augmentation(noise=0.1), seed=0)(x))
    assert abs(float(np.std(out - 0.5)) - 0.1) < 0.01
    assert abs(float(np.mean(out - 0.5))) < 0.01


def test_the_same_seed_gives_the_same_batches_and_another_seed_does_not(digits01):
    x = normalised(digits01)
    first, second, other = (make_augmenter(EVERYTHING, seed) for seed in (7, 7, 8))
    a1, a2 = first(x), first(x)
    assert torch.equal(a1, second(x)) and torch.equal(a2, second(x))
    assert not torch.equal(a1, a2)                 # every batch gets fresh random changes
    assert not torch.equal(a1, other(x))


def test_every_image_in_a_batch_gets_its_own_change(digits01):
    same = np.repeat(digits01[:1], 8, axis=0)
    out = augment_preview(same, Augmentation(shift_px=3.0, rotation_deg=20.0), seed=0)
    assert len({out[i].tobytes() for i in range(8)}) == 8


def test_huge_batches_and_empty_batches_work():
    big = torch.full((1400, 784), float(LOW))   # more values than half the noise bank: fresh noise
    out = make_augmenter(Augmentation(noise=0.2), seed=0)(big)
    assert out.shape == big.shape and float(out.std()) > 0.1
    empty = torch.zeros(0, 784)
    assert make_augmenter(EVERYTHING, seed=0)(empty).shape == (0, 784)
    no_rows = torch.zeros(0, dtype=torch.long)
    assert BatchAugmenter(EVERYTHING, seed=0).augment_rows(PixelBank(empty, True), no_rows).shape == (0, 784)


def test_preview_is_numpy_in_range_and_deterministic(digits01):
    out = augment_preview(digits01[:8], EVERYTHING, seed=5)
    assert isinstance(out, np.ndarray) and out.shape == (8, 28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    assert np.array_equal(out, augment_preview(digits01[:8], EVERYTHING, seed=5))
    assert not np.array_equal(out, augment_preview(digits01[:8], EVERYTHING, seed=6))
    assert np.abs(out - digits01[:8]).mean() > 0.01


@pytest.mark.parametrize("aug", [Augmentation(shift_px=-1.0), Augmentation(rotation_deg=31.0),
                                 Augmentation(noise=float("nan")), Augmentation(scale=0.5)])
def test_out_of_range_settings_are_refused_with_a_sentence(aug):
    with pytest.raises(ConfigError, match="augmentation setting"):
        check_augmentation(aug)
    with pytest.raises(ConfigError):
        make_augmenter(aug, seed=0)


def test_preview_refuses_images_of_the_wrong_shape():
    with pytest.raises(ConfigError, match="28, 28"):
        augment_preview(np.zeros((8, 784)), EVERYTHING, seed=0)


def _image_dataset(images: np.ndarray, labels: np.ndarray) -> Dataset:
    x = normalize_pixels(images.astype(np.float32) / 255.0).reshape(len(images), 784)
    y = labels.astype(np.int64)
    return Dataset("MNIST", "classification", (28, 28), tuple("0123456789"), x[:192], y[:192],
                   x[192:256], y[192:256], x[256:320], y[256:320], "test slice")


@pytest.mark.parametrize("chunk", [256, 64])
def test_training_augments_every_batch_and_keeps_its_labels(mnist_t10k, monkeypatch, chunk):
    """The trainer augments a chunk of upcoming images at once and slices its batches from it."""
    monkeypatch.setattr(training, "AUGMENT_CHUNK", chunk)   # 64: three chunks an epoch, made in the background
    monkeypatch.setattr(training.os, "cpu_count", lambda: 2)
    dataset = _image_dataset(*(a[:320] for a in mnist_t10k))
    seen: list[tuple[torch.Tensor, torch.Tensor]] = []     # (rows of the training set, augmented images)
    labels: list[torch.Tensor] = []
    inputs: list[torch.Tensor] = []
    real_rows, real_loss = BatchAugmenter.augment_rows, training.data_loss

    def recording_rows(self, bank, rows):
        seen.append((rows.clone(), real_rows(self, bank, rows)))
        return seen[-1][1]

    def recording_loss(output, y, loss, task):
        if output.requires_grad:      # training steps only, not the evaluation of the splits
            labels.append(y.clone())
        return real_loss(output, y, loss, task)

    monkeypatch.setattr(BatchAugmenter, "augment_rows", recording_rows)
    monkeypatch.setattr(training, "data_loss", recording_loss)
    config = TrainingConfig(batch_size=32, epochs=2, augmentation=EVERYTHING, loss_hz=1e9)
    session = TrainingSession(NetworkSpec(784, (LayerSpec(16),), 10), dataset, config)
    session.model.register_forward_pre_hook(
        lambda module, args: inputs.append(args[0].clone()) if module.training else None)
    reports = list(session.run())
    assert len(labels) == len(inputs) == session.total_steps == 12
    assert [len(rows) for rows, _ in seen] == [min(chunk, 192)] * (2 * 192 // min(chunk, 192))
    epochs = torch.cat([rows for rows, _ in seen]).view(2, 192)
    assert all(sorted(rows.tolist()) == list(range(192)) for rows in epochs)   # each image once an epoch
    chunk_out = torch.cat([x_out for _, x_out in seen])
    assert torch.equal(torch.cat(inputs), chunk_out)                     # every batch is augmented data
    rows = torch.cat([rows for rows, _ in seen])
    chunk_in = torch.from_numpy(dataset.x_train)[rows]
    assert not torch.equal(chunk_out, chunk_in) and chunk_out.dtype == torch.float32
    assert torch.cat(labels).tolist() == dataset.y_train[rows.numpy()].tolist()  # the images keep their labels
    losses = np.concatenate([r.losses for r in reports if isinstance(r, LossReport)])
    assert np.isfinite(losses).all()


def test_augmenter_runs_on_whatever_device_the_batch_is_on():
    augmenter = BatchAugmenter(EVERYTHING, seed=0)
    x = torch.zeros(4, 784)
    assert augmenter(x).device == x.device


def test_small_and_large_batches_warp_alike(digits01):
    """The preview (8 images, numpy grid) and training (64 images, matrix-product grid) agree."""
    images = torch.from_numpy(digits01[:32]).view(32, 1, 28, 28)
    rng = np.random.default_rng(0)
    theta = torch.from_numpy(affine_matrices(rng.uniform(-3, 3, 32), rng.uniform(-3, 3, 32),
                                             rng.uniform(-0.5, 0.5, 32), rng.uniform(0.8, 1.2, 32)))
    large = warp(images.clone(), theta, base_grid())
    small = warp(images[:8].clone(), theta[:8], base_grid())
    assert torch.allclose(large[:8], small, atol=1e-5)


def test_augmented_training_is_the_same_with_and_without_pauses(mnist_t10k):
    """Chunks of augmented images outlive a pause: pausing mid-chunk changes nothing."""
    dataset = _image_dataset(*(a[:320] for a in mnist_t10k))
    config = TrainingConfig(batch_size=16, epochs=2, augmentation=EVERYTHING, seed=3)
    spec = NetworkSpec(784, (LayerSpec(16),), 10)
    whole = TrainingSession(spec, dataset, config)
    list(whole.run())
    paused = TrainingSession(spec, dataset, config)
    while not paused.finished:
        list(paused.run(max_steps=5))   # 5 does not divide the 12 steps per epoch nor the chunk
    for a, b in zip(whole.model.parameters(), paused.model.parameters()):
        assert torch.equal(a, b)


def test_pixel_bank_holds_the_images_their_dilations_and_erosions(digits01):
    x = normalised(digits01)
    bank = PixelBank(x, thickness=True)
    images = torch.from_numpy(np.round(digits01 * 255)).view(64, 1, 28, 28)
    dilated = F.max_pool2d(images, 3, stride=1, padding=1)          # the textbook reference
    eroded = -F.max_pool2d(-images, 3, stride=1, padding=1)
    assert len(bank) == 64 and bank.rows.dtype == torch.uint8 and bank.nbytes == 3 * 64 * 784
    assert torch.equal(bank.rows[:64].float(), images.view(64, 784))
    assert torch.equal(bank.rows[64:128].float(), dilated.view(64, 784))
    assert torch.equal(bank.rows[128:].float(), eroded.view(64, 784))
    assert PixelBank(x, thickness=False).nbytes == 64 * 784       # no thickness: only the images


@pytest.mark.parametrize("name", [*SINGLE, "everything"])
def test_rows_from_the_bank_get_the_same_changes_as_the_batch_itself(digits01, name, monkeypatch):
    """The trainer's path (bank, planned draws) and __call__ draw alike when a plan is one chunk long."""
    monkeypatch.setattr(augmentation, "PLAN_BLOCK", 16)
    aug = SINGLE.get(name, EVERYTHING)
    x = normalised(digits01)
    rows = torch.randperm(64, generator=torch.Generator().manual_seed(1))[:16]
    from_rows = BatchAugmenter(aug, seed=4).augment_rows(PixelBank(x, bool(aug.thickness)), rows)
    from_batch = BatchAugmenter(aug, seed=4)(x[rows])
    assert from_rows.shape == (16, 784) and from_rows.dtype == torch.float32
    assert torch.allclose(from_rows, from_batch, atol=1e-4)
    assert not torch.allclose(from_rows, x[rows], atol=1e-2)


def test_rows_at_zero_strength_are_the_images_themselves(digits01):
    x = normalised(digits01)
    rows = torch.arange(63, -1, -1)
    out = BatchAugmenter(Augmentation(), seed=0).augment_rows(PixelBank(x, thickness=False), rows)
    assert torch.allclose(out, x[rows], atol=1e-5)


@pytest.mark.parametrize("name", [*SINGLE, "everything"])
def test_a_chunk_keeps_its_values_when_the_next_one_is_made(digits01, name):
    """The augmenter reuses its working buffers: what it returned must not be one of them."""
    aug = SINGLE.get(name, EVERYTHING)
    x = normalised(digits01)
    augmenter, bank = BatchAugmenter(aug, seed=0), PixelBank(x, bool(aug.thickness))
    first = augmenter.augment_rows(bank, torch.arange(32))
    kept = first.clone()
    second = augmenter.augment_rows(bank, torch.arange(32))
    assert torch.equal(first, kept)
    assert not torch.equal(first, second)      # fresh random changes for every chunk


def test_planned_chunks_are_reproducible_and_cross_plan_blocks(digits01, monkeypatch):
    monkeypatch.setattr(augmentation, "PLAN_BLOCK", 40)    # 3 chunks of 24 need two blocks
    x = normalised(digits01)
    bank = PixelBank(x, thickness=True)
    runs = [[a.augment_rows(bank, torch.arange(i * 20, i * 20 + 24)) for i in range(3)]
            for a in (BatchAugmenter(EVERYTHING, seed=9), BatchAugmenter(EVERYTHING, seed=9))]
    assert all(torch.equal(a, b) for a, b in zip(*runs))
    other = BatchAugmenter(EVERYTHING, seed=10).augment_rows(bank, torch.arange(24))
    assert not torch.equal(runs[0][0], other)


def _augmented_session(mnist_t10k, **changes) -> TrainingSession:
    """192 training images, batches of 16 and chunks of 64 (three an epoch), two epochs."""
    dataset = _image_dataset(*(a[:320] for a in mnist_t10k))
    config = TrainingConfig(batch_size=16, epochs=2, augmentation=EVERYTHING, seed=5, loss_hz=1e9, **changes)
    return TrainingSession(NetworkSpec(784, (LayerSpec(16),), 10), dataset, config)


def _augmentation_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "augmentation"]


@pytest.fixture
def background(monkeypatch) -> list[int]:
    """Chunks of 64 made on the background thread; the list collects how many such threads were alive."""
    monkeypatch.setattr(training, "AUGMENT_CHUNK", 64)
    monkeypatch.setattr(training, "AUGMENT_IN_BACKGROUND", True)
    monkeypatch.setattr(training.os, "cpu_count", lambda: 2)
    alive: list[int] = []
    real = training.TrainingSession._train_step
    monkeypatch.setattr(training.TrainingSession, "_train_step",
                        lambda self: alive.append(len(_augmentation_threads())) or real(self))
    return alive


def test_background_augmentation_trains_exactly_as_inline(mnist_t10k, background, monkeypatch):
    threaded = _augmented_session(mnist_t10k)
    threaded_losses = np.concatenate([r.losses for r in threaded.run() if isinstance(r, LossReport)])
    assert max(background) == 1                      # the chunks were made on a second thread ...
    monkeypatch.setattr(training, "AUGMENT_IN_BACKGROUND", False)
    background.clear()
    inline = _augmented_session(mnist_t10k)
    inline_losses = np.concatenate([r.losses for r in inline.run() if isinstance(r, LossReport)])
    assert max(background) == 0                      # ... and here in the training thread
    np.testing.assert_array_equal(threaded_losses, inline_losses)
    for a, b in zip(threaded.model.parameters(), inline.model.parameters()):
        assert torch.equal(a, b)


def test_background_augmentation_is_the_same_with_and_without_pauses(mnist_t10k, background):
    """A pause waits for the chunk being made and keeps it: the augmenter's random numbers stay in step."""
    straight = _augmented_session(mnist_t10k)
    list(straight.run())
    paused = _augmented_session(mnist_t10k)
    while not paused.finished:
        list(paused.run(max_steps=3))                # 3 steps: pauses fall inside chunks of 4 batches
    assert max(background) == 1
    for a, b in zip(straight.model.parameters(), paused.model.parameters()):
        assert torch.equal(a, b)


def test_no_augmentation_thread_outlives_a_run_paused_finished_or_dropped(mnist_t10k, background):
    session = _augmented_session(mnist_t10k)
    list(session.run(max_steps=5))                   # paused while the next chunk was being made
    assert max(background) == 1 and not _augmentation_threads()
    reports = session.run()
    next(reports), next(reports)
    del reports                                      # dropped halfway: the generator is closed
    assert not _augmentation_threads()
    list(session.run())                              # to the end
    assert session.finished and not _augmentation_threads()


def test_errors_on_either_thread_end_the_run_and_its_thread(mnist_t10k, background, monkeypatch):
    calls = []
    real_rows = BatchAugmenter.augment_rows

    def failing_rows(self, bank, rows):
        calls.append(threading.current_thread().name)
        if len(calls) == 3:
            raise RuntimeError("augmentation broke")
        return real_rows(self, bank, rows)

    monkeypatch.setattr(BatchAugmenter, "augment_rows", failing_rows)
    with pytest.raises(RuntimeError, match="augmentation broke"):
        list(_augmented_session(mnist_t10k).run())
    assert calls[2] == "augmentation" and not _augmentation_threads()
    monkeypatch.setattr(BatchAugmenter, "augment_rows", real_rows)
    real_loss = training.data_loss
    monkeypatch.setattr(training, "data_loss", lambda *args: 1 / 0 if len(background) > 6 else real_loss(*args))
    with pytest.raises(ZeroDivisionError):
        list(_augmented_session(mnist_t10k).run())
    assert not _augmentation_threads()


def test_an_idle_background_thread_ends_by_itself(monkeypatch):
    """The backstop for a run whose generator is never closed: no work for IDLE_S ends the thread."""
    monkeypatch.setattr(augmentation, "IDLE_S", 0.05)
    worker = augmentation._Worker(lambda rows: rows * 2)
    worker.submit("a", torch.ones(3))
    assert torch.equal(worker.result("a"), torch.full((3,), 2.0))
    assert worker.result("a") is None                # taken once; nothing was asked for since
    thread = _augmentation_threads()[0]
    thread.join(timeout=10)
    assert not thread.is_alive()
    worker.submit("b", torch.ones(2))                # a new thread takes the next job
    assert worker.result("c") is None                # results are handed out only under their own key
    worker.stop()
    assert not _augmentation_threads()
