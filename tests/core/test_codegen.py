""""Show the code": the generated script is standalone, builds the same model and reaches the app's accuracy."""
from __future__ import annotations

import ast
import contextlib
import io
import runpy
import subprocess
import sys

import numpy as np
import pytest
import torch

from core.codegen import pytorch_script, result_from_output
from core.datasets import DIGIT_NAMES, Dataset, load_dataset
from core.errors import DatasetError
from core.model import build_model
from core.network_spec import LayerSpec, NetworkSpec
from core.reports import FinishedReport, TrainingConfig
from core.training import TrainingSession

ALLOWED_IMPORTS = {"argparse", "base64", "copy", "gzip", "os", "struct", "zlib", "numpy", "torch"}


def _imports(script: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(script)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return names


def _app_accuracy(spec: NetworkSpec, dataset: Dataset, config: TrainingConfig) -> float:
    session = TrainingSession(spec, dataset, config, device=torch.device("cpu"))
    finished = [r for r in session.run() if isinstance(r, FinishedReport)]
    assert finished and finished[0].outcome == "completed"
    return finished[0].test_metric


def _to_inputs(images: np.ndarray) -> np.ndarray:
    x = images.reshape(len(images), -1).astype(np.float32)
    x /= np.float32(255.0)
    x -= np.float32(0.1307)
    x /= np.float32(0.3081)
    return x


def _run_in_process(script: str, tmp_path, argv: list[str] | None = None) -> str:
    """Run a generated script with runpy (same interpreter, torch already imported: fast)."""
    path = tmp_path / "generated.py"
    path.write_text(script, encoding="utf-8")
    out = io.StringIO()
    old_argv, old_threads = sys.argv, torch.get_num_threads()
    sys.argv = [str(path), *(argv or [])]
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(str(path), run_name="__main__")
    finally:
        sys.argv = old_argv
        torch.set_num_threads(old_threads)
    return out.getvalue()


def test_mnist_script_run_in_a_subprocess_matches_the_app_within_two_points(mnist_t10k, mnist_t10k_dir, tmp_path):
    """Train 784-64-10 on the first 2,000 t10k images, test on the last 1,000: script vs TrainingSession."""
    images, labels = mnist_t10k
    labels = labels.astype(np.int64)
    dataset = Dataset("MNIST", "classification", (28, 28), DIGIT_NAMES,
                      _to_inputs(images[:2000]), labels[:2000], _to_inputs(images[8000:9000]), labels[8000:9000],
                      _to_inputs(images[9000:]), labels[9000:], "test subset")
    spec = NetworkSpec(784, (LayerSpec(64),), 10)
    config = TrainingConfig(learning_rate=0.001, batch_size=64, optimizer="adam", epochs=3, seed=0)
    script = pytorch_script(spec, config, "MNIST", str(mnist_t10k_dir))
    assert _imports(script) <= ALLOWED_IMPORTS
    path = tmp_path / "train_mnist.py"
    path.write_text(script, encoding="utf-8")
    # -I: isolated from this repository (no core on the path): the script must stand alone
    done = subprocess.run([sys.executable, "-I", str(path), "--train-limit", "2000", "--test-limit", "1000"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2000 training, 1000 validation and 1000 test examples" in done.stdout
    name, script_accuracy = result_from_output(done.stdout)
    app_accuracy = _app_accuracy(spec, dataset, config)
    print(f"\nscript accuracy {script_accuracy:.4f}, app accuracy {app_accuracy:.4f}")
    assert name == "test_accuracy" and script_accuracy > 0.8
    assert abs(script_accuracy - app_accuracy) <= 0.02


@pytest.mark.parametrize("name, spec, config", [
    ("XOR", NetworkSpec(2, (LayerSpec(8, "tanh"), LayerSpec(8, "relu", dropout=0.1)), 2),
     TrainingConfig(learning_rate=0.1, batch_size=32, optimizer="momentum", epochs=8, seed=3, l2=0.001)),
    ("Sine", NetworkSpec(1, (LayerSpec(16, "tanh"), LayerSpec(16, "tanh")), 1, "linear"),
     TrainingConfig(learning_rate=0.01, batch_size=16, optimizer="adam", loss="mse", epochs=10, seed=1)),
    ("Circle", NetworkSpec(2, (LayerSpec(16, "leaky_relu"),), 2, init="small_random"),
     TrainingConfig(learning_rate=0.05, batch_size=0, optimizer="rmsprop", loss="mse", epochs=30, seed=2)),
])
def test_embedded_toy_scripts_reproduce_the_app_exactly(tmp_path, name, spec, config):
    dataset = load_dataset(name, seed=5, noise=0.2)
    script = pytorch_script(spec, config, name, dataset=dataset)
    assert _imports(script) <= ALLOWED_IMPORTS - {"gzip", "struct", "os"}
    namespace = runpy.run_path(_write(tmp_path, script), run_name="not_main")
    for split in ("train", "val", "test"):
        for kind in ("x", "y"):
            embedded, original = namespace[f"{kind.upper()}_{split.upper()}"], getattr(dataset, f"{kind}_{split}")
            assert embedded.dtype == original.dtype and np.array_equal(embedded, original)
    output = _run_in_process(script, tmp_path)
    metric, value = result_from_output(output)
    app = _app_accuracy(spec, dataset, config)
    assert metric == ("test_r2" if name == "Sine" else "test_accuracy")
    assert value == pytest.approx(app, abs=1e-3)  # same data, same batches: the same result


def _write(tmp_path, script: str) -> str:
    path = tmp_path / "generated_ns.py"
    path.write_text(script, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("spec", [
    NetworkSpec(784, (LayerSpec(16), LayerSpec(16)), 10),
    NetworkSpec(784, (LayerSpec(32, "sigmoid", 0.3), LayerSpec(8, "linear")), 10, init="zeros"),
    NetworkSpec(784, (), 10, init="small_random"),
])
def test_build_model_gives_the_same_initial_weights_as_the_app(tmp_path, spec):
    config = TrainingConfig(seed=11)
    namespace = runpy.run_path(_write(tmp_path, pytorch_script(spec, config, "MNIST", "/nowhere")), run_name="x")
    generated, app = namespace["build_model"]().state_dict(), build_model(spec, seed=11).state_dict()
    assert list(generated) == list(app)
    assert all(torch.equal(generated[key], app[key]) for key in app)


def test_embedded_images_round_trip_exactly(tmp_path):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (30, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, 30).astype(np.int64)
    dataset = Dataset("My digits", "classification", (28, 28), DIGIT_NAMES, _to_inputs(images[:20]), labels[:20],
                      _to_inputs(images[20:24]), labels[20:24], _to_inputs(images[24:]), labels[24:], "mine")
    script = pytorch_script(NetworkSpec(784, (LayerSpec(8),), 10), TrainingConfig(batch_size=4), "My digits",
                            dataset=dataset)
    namespace = runpy.run_path(_write(tmp_path, script), run_name="x")
    assert np.array_equal(namespace["X_TRAIN"], dataset.x_train) and namespace["X_TRAIN"].dtype == np.float32
    assert np.array_equal(namespace["Y_TEST"], dataset.y_test)


def test_my_digits_without_loaded_data_is_a_sentence():
    with pytest.raises(DatasetError, match="needs the loaded data"):
        pytorch_script(NetworkSpec(784, (), 10), TrainingConfig(), "My digits")


def test_settings_appear_in_the_script_as_named_constants():
    config = TrainingConfig(learning_rate=0.123, batch_size=0, optimizer="momentum", momentum=0.8, epochs=7,
                            seed=42, patience=2, train_size=300)
    script = pytorch_script(NetworkSpec(2, (LayerSpec(4, "tanh"),), 2), config, "Two gaussians")
    for line in ("LEARNING_RATE = 0.123", "BATCH_SIZE = 0", "EPOCHS = 7", "SEED = 42", "PATIENCE = 2",
                 "TRAIN_SIZE = 300", "momentum=0.8", "nn.Linear(2, 4)", "nn.Tanh()", "nn.Linear(4, 2)"):
        assert line in script
    compile(script, "generated.py", "exec")


def test_result_parser_reads_only_the_last_line():
    assert result_from_output("epoch 1\ntest_accuracy=0.9120\n") == ("test_accuracy", 0.912)
    assert result_from_output("test_r2=-0.5") == ("test_r2", -0.5)
    for bad in ("", "test_accuracy=0.9\nthen something", "test_accuracy=nan"):
        with pytest.raises(ValueError):
            result_from_output(bad)
