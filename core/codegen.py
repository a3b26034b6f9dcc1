""""Show the code": the current network, data and settings as a standalone PyTorch script.

The script needs only Python, numpy and PyTorch. It builds the same layers in the same order
with the same initialisation, uses the same optimizer, loss, batch size, epochs and seed, and
draws the same batches as `core.training.TrainingSession` (`torch.manual_seed(seed)` before the
model, a `torch.Generator` seeded with the same seed for one `randperm` per epoch), so on the
same data it reaches the same accuracy. Image data is read from the IDX (or cached .npz) files
by the script itself; small datasets are embedded as arrays. Its last line is
`test_accuracy=0.9123` (or `test_r2=...` for regression), easy to parse.
"""
from __future__ import annotations

import base64
import math
import zlib

import numpy as np

from core.datasets import IMAGE_DATASETS, MIRRORS, MNIST_MEAN, MNIST_STD, Dataset, dataset_task, load_dataset, \
    locate, to_pixels
from core.errors import DatasetError
from core.i18n import translate
from core.network_spec import NetworkSpec, parameter_count, validate
from core.paths import user_cache_dir
from core.reports import LOSS_LABELS, OPTIMIZER_LABELS, TrainingConfig, validate_config

RESULT_PREFIXES = ("test_accuracy=", "test_r2=")
MAX_EMBEDDED_IMAGES = 5_000
_ACTIVATION_CODE = {"relu": "nn.ReLU()", "leaky_relu": "nn.LeakyReLU(0.01)", "sigmoid": "nn.Sigmoid()",
                    "tanh": "nn.Tanh()"}


def pytorch_script(spec: NetworkSpec, config: TrainingConfig, dataset_name: str, data_dir: str | None = None,
                   dataset: Dataset | None = None) -> str:
    """A runnable, readable PyTorch script that trains `spec` on `dataset_name` as the app would.

    `data_dir` is the folder of the IDX files (MNIST, Fashion-MNIST) or of the cached synthetic
    digits; `dataset` (the loaded data) lets small datasets be embedded exactly as the app has them.
    """
    validate(spec)
    validate_config(config, task=dataset_task(dataset_name))
    kind = _data_kind(dataset_name)
    sections = [_header(spec, config, dataset_name), _imports(kind, dataset_name),
                _settings(spec, config, dataset_name, data_dir, kind), _DATA_CODE[kind], _model_code(spec),
                _loss_code(spec, config), _optimizer_code(config), _TRAINING_CODE, _main_code(spec, kind)]
    if kind == "embedded":
        sections.append(_embedded_arrays(dataset_name, dataset, config.seed))
    sections.append('if __name__ == "__main__":\n    main()\n')
    return "\n\n\n".join(section.strip("\n") for section in sections) + "\n"


def _data_kind(name: str) -> str:
    if name in MIRRORS:
        return "idx"
    if name == "Synthetic digits":
        return "npz"
    return "embedded"


def _header(spec: NetworkSpec, config: TrainingConfig, name: str) -> str:
    batch = "all examples (batch gradient descent)" if config.batch_size == 0 else str(config.batch_size)
    return f'''"""The network built in MLP Studio, as a standalone PyTorch script.

Data:       {name}
Network:    {spec.describe()} ({parameter_count(spec):,} parameters), output {spec.output_activation}
Training:   {OPTIMIZER_LABELS[config.optimizer]}, learning rate {config.learning_rate:g}, batch size {batch},
            {config.epochs} epoch(s), loss {LOSS_LABELS[config.loss]}, seed {config.seed}

Run it with:  python this_script.py  (see --help). It needs only numpy and PyTorch.
With the same data and seed it draws the same batches as MLP Studio, so it reaches the same accuracy.
The last line it prints is the test score, e.g. "test_accuracy=0.9123".
"""'''


def _imports(kind: str, name: str) -> str:
    """Only the modules this script uses: the standard library, numpy and torch."""
    stdlib = {"argparse", "copy"} | {"idx": {"gzip", "os", "struct"}, "npz": {"os"}, "embedded": set()}[kind]
    if kind == "embedded" and name in IMAGE_DATASETS:
        stdlib |= {"base64", "zlib"}
    return "\n".join(f"import {m}" for m in sorted(stdlib)) + \
        "\n\nimport numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom torch import nn"


def _settings(spec: NetworkSpec, config: TrainingConfig, name: str, data_dir: str | None, kind: str) -> str:
    lines = ["# ---------------------------------------------------------------- settings from MLP Studio",
             f"DATASET = {name!r}",
             f"TASK = {dataset_task(name)!r}"]
    if kind != "embedded":
        lines.append(f"DATA_DIR = {_default_data_dir(name, data_dir, config.seed, kind)!r}")
        lines.append("TRAIN_LIMIT = 0       # use only the first N training images (0 = all)")
        lines.append("TEST_LIMIT = 0        # test on the last N images (0 = the whole test set)")
    lines += [f"LEARNING_RATE = {config.learning_rate!r}",
              f"BATCH_SIZE = {config.batch_size}        # 0 = all training examples in one batch",
              f"EPOCHS = {config.epochs}",
              f"SEED = {config.seed}",
              f"TRAIN_SIZE = {config.train_size}        # train on the first N examples only (0 = all)",
              f"L1 = {config.l1!r}            # weight penalty l1·Σ|W| (biases are not penalised)",
              f"L2 = {config.l2!r}            # weight penalty l2·ΣW²",
              f"PATIENCE = {config.patience}          # early stopping: epochs without a better validation loss (0 = off)",
              f"MNIST_MEAN, MNIST_STD = {MNIST_MEAN!r}, {MNIST_STD!r}   # pixel normalisation: (p - mean) / std"]
    if config.augmentation.active:
        lines.append("# Note: MLP Studio also distorted the training images at random (augmentation); "
                     "this script does not.")
    return "\n".join(lines)


def _default_data_dir(name: str, data_dir: str | None, seed: int, kind: str) -> str:
    """The folder the script reads from: the one given, else where MLP Studio keeps the data."""
    if data_dir is not None:
        return str(data_dir)
    if kind == "npz":
        return str(user_cache_dir())
    found = locate(name)
    return str(found if found is not None else user_cache_dir() / name)


_DATA_CODE = {"idx": '''
# ---------------------------------------------------------------- the data: MNIST-style IDX files
def read_idx(path):
    """An IDX file (raw or gzip-compressed) as a uint8 array: images (N, 28, 28) or labels (N,)."""
    with open(path, "rb") as probe:
        compressed = probe.read(2) == b"\\x1f\\x8b"
    with (gzip.open(path, "rb") if compressed else open(path, "rb")) as file:
        data = file.read()
    ndim = data[3]
    shape = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def find_pair(folder, prefix):
    """(images, labels) paths of a split ("train" or "t10k") in folder or folder/raw, or None."""
    for place in (folder, os.path.join(folder, "raw")):
        for ending in ("", ".gz"):
            images = os.path.join(place, f"{prefix}-images-idx3-ubyte{ending}")
            labels = os.path.join(place, f"{prefix}-labels-idx1-ubyte{ending}")
            if os.path.isfile(images) and os.path.isfile(labels):
                return images, labels
    return None


def to_inputs(images):
    """uint8 images (N, 28, 28) -> float32 (N, 784), normalised exactly as MLP Studio does."""
    x = images.reshape(len(images), -1).astype(np.float32)
    x /= np.float32(255.0)
    x -= np.float32(MNIST_MEAN)
    x /= np.float32(MNIST_STD)
    return x


def load_data(folder, train_limit, test_limit):
    """Train on the training files (the last 1/12 kept for validation) and test on the t10k files.

    With only the t10k files, the last 20 % (or test_limit) are the test set, the 10 % before
    them the validation set, and the images from the start the training set.
    """
    train_pair, test_pair = find_pair(folder, "train"), find_pair(folder, "t10k")
    if test_pair is None and train_pair is None:
        raise SystemExit(f"No MNIST-style files in {folder}: set DATA_DIR or use --data-dir.")
    if train_pair is not None and test_pair is not None:
        images, labels = (read_idx(p) for p in train_pair)
        test_images, test_labels = (read_idx(p) for p in test_pair)
        n_val = round(len(images) / 12)
        val_images, val_labels = images[-n_val:], labels[-n_val:]
        images, labels = images[:-n_val], labels[:-n_val]
        if test_limit:
            test_images, test_labels = test_images[-test_limit:], test_labels[-test_limit:]
    else:
        all_images, all_labels = (read_idx(p) for p in (test_pair or train_pair))
        n = len(all_images)
        n_test = test_limit or round(0.2 * n)
        n_val = round(0.1 * n)
        test_images, test_labels = all_images[n - n_test:], all_labels[n - n_test:]
        val_images, val_labels = all_images[n - n_test - n_val:n - n_test], all_labels[n - n_test - n_val:n - n_test]
        images, labels = all_images[:n - n_test - n_val], all_labels[:n - n_test - n_val]
    if train_limit:
        images, labels = images[:train_limit], labels[:train_limit]
    return [(to_inputs(i), l.astype(np.int64)) for i, l in ((images, labels), (val_images, val_labels),
                                                           (test_images, test_labels))]
''', "npz": '''
# ---------------------------------------------------------------- the data: MLP Studio's synthetic digits
def to_inputs(images):
    """uint8 images (N, 28, 28) -> float32 (N, 784), normalised exactly as MLP Studio does."""
    x = images.reshape(len(images), -1).astype(np.float32)
    x /= np.float32(255.0)
    x -= np.float32(MNIST_MEAN)
    x /= np.float32(MNIST_STD)
    return x


def load_data(folder, train_limit, test_limit):
    """The digits MLP Studio drew and cached (a .npz file); the last 1/12 of training is for validation."""
    names = sorted(n for n in os.listdir(folder) if n.startswith("synthetic_digits") and n.endswith(".npz"))
    if not names:
        raise SystemExit(f"No synthetic_digits*.npz in {folder}: open Synthetic digits in MLP Studio once.")
    with np.load(os.path.join(folder, names[0])) as data:  # allow_pickle stays off: arrays only
        images, labels = data["train_images"], data["train_labels"]
        test_images, test_labels = data["test_images"], data["test_labels"]
    n_val = round(len(images) / 12)
    splits = [(images[:-n_val], labels[:-n_val]), (images[-n_val:], labels[-n_val:]), (test_images, test_labels)]
    if train_limit:
        splits[0] = (splits[0][0][:train_limit], splits[0][1][:train_limit])
    if test_limit:
        splits[2] = (test_images[-test_limit:], test_labels[-test_limit:])
    return [(to_inputs(i), l.astype(np.int64)) for i, l in splits]
''', "embedded": '''
# ---------------------------------------------------------------- the data: embedded at the end of this file
def load_data():
    """The training, validation and test arrays exactly as MLP Studio had them."""
    return [(X_TRAIN, Y_TRAIN), (X_VAL, Y_VAL), (X_TEST, Y_TEST)]
'''}


def _model_code(spec: NetworkSpec) -> str:
    """build_model(): the same modules in the same order as core.model.build_model."""
    sizes, lines = spec.layer_sizes, []
    for i, layer in enumerate(spec.hidden):
        lines.append(f"        nn.Linear({sizes[i]}, {sizes[i + 1]}),")
        lines.append(f"        {_ACTIVATION_CODE[layer.activation]}," if layer.activation != "linear"
                     else "        # no activation: this layer is linear")
        if layer.dropout > 0:
            lines.append(f"        nn.Dropout({layer.dropout!r}),")
    output = "softmax is applied in the loss" if spec.output_activation == "softmax" else "linear output"
    lines.append(f"        nn.Linear({sizes[-2]}, {sizes[-1]}),  # outputs raw scores; {output}")
    return ("# ---------------------------------------------------------------- the network\n"
            "def build_model():\n"
            f'    """{spec.describe()}: Linear layers with their activations."""\n'
            "    torch.manual_seed(SEED)  # the same starting weights as in MLP Studio\n"
            "    model = nn.Sequential(\n" + "\n".join(lines) + "\n    )\n" + _init_code(spec.init) +
            "    return model")


def _init_code(init: str) -> str:
    if init == "default":
        return "    # PyTorch's default initialisation (Kaiming-uniform), as in MLP Studio\n"
    fill = "layer.weight.zero_()  # all zeros: every neuron stays identical" if init == "zeros" \
        else "layer.weight.normal_(0.0, 0.01)  # small random weights"
    return ("    with torch.no_grad():\n"
            "        for layer in (m for m in model if isinstance(m, nn.Linear)):\n"
            f"            {fill}\n"
            "            layer.bias.zero_()\n")


def _loss_code(spec: NetworkSpec, config: TrainingConfig) -> str:
    """data_loss(): the loss the app uses for this task (MSE/MAE on softmax vs one-hot for classes)."""
    if config.loss == "cross_entropy":
        body = "    return F.cross_entropy(output, y)  # softmax + negative log-likelihood"
    else:
        name = "mse_loss" if config.loss == "mse" else "l1_loss"
        body = f"    return F.{name}(output, y)"
        if spec.output_activation == "softmax":
            body = ("    output = torch.softmax(output, dim=1)\n"
                    "    y = F.one_hot(y, output.shape[1]).to(output.dtype)\n" + body)
    return ("def data_loss(output, y):\n"
            f'    """{LOSS_LABELS[config.loss].capitalize()} of a batch."""\n' + body + "\n\n\n"
            "def weight_penalty(model):\n"
            '    """l1·Σ|W| + l2·ΣW² over the weights (not the biases)."""\n'
            "    if L1 == 0 and L2 == 0:\n"
            "        return 0.0\n"
            "    weights = [m.weight for m in model if isinstance(m, nn.Linear)]\n"
            "    penalty = 0.0\n"
            "    if L1:\n"
            "        penalty = penalty + L1 * sum(w.abs().sum() for w in weights)\n"
            "    if L2:\n"
            "        penalty = penalty + L2 * sum(w.pow(2).sum() for w in weights)\n"
            "    return penalty")


def _optimizer_code(config: TrainingConfig) -> str:
    code = {"sgd": "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)",
            "momentum": f"torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum={config.momentum!r})",
            "rmsprop": "torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE)",
            "adam": "torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, fused=True)  # fused: one fast kernel"}
    return ("def make_optimizer(model):\n"
            f'    """{OPTIMIZER_LABELS[config.optimizer]}, as chosen in MLP Studio."""\n'
            f"    return {code[config.optimizer]}")


_TRAINING_CODE = '''
# ---------------------------------------------------------------- training and evaluation
def evaluate(model, x, y):
    """(loss, accuracy or R²) on a split, without dropout."""
    model.eval()
    with torch.no_grad():
        output = torch.cat([model(x[i:i + 4096]) for i in range(0, len(x), 4096)])
    model.train()
    loss = float(data_loss(output, y))
    if TASK == "classification":
        return loss, float((output.argmax(1) == y).float().mean())
    ss_res = float(((y - output) ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())
    return loss, 1.0 - ss_res / ss_tot if ss_tot > 0 else float(ss_res == 0)


def train(model, x, y, x_val, y_val, epochs):
    """Mini-batch training: a new random order every epoch, one optimizer step per batch."""
    optimizer = make_optimizer(model)
    generator = torch.Generator().manual_seed(SEED)  # the batch order MLP Studio uses
    batch_size = BATCH_SIZE or len(x)
    best, since_best = None, 0
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch_size):
            batch = order[start:start + batch_size]
            loss = data_loss(model(x[batch]), y[batch]) + weight_penalty(model)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()   # backpropagation: the gradient of the loss for every weight
            optimizer.step()  # one step downhill
        val_loss, val_metric = evaluate(model, x_val, y_val)
        print(f"epoch {epoch}/{epochs}: last batch loss {loss.item():.4f}, "
              f"validation loss {val_loss:.4f}, validation {METRIC} {val_metric:.4f}")
        if PATIENCE:
            if best is None or val_loss < best[0]:
                best, since_best = (val_loss, copy.deepcopy(model.state_dict())), 0
            else:
                since_best += 1
                if since_best >= PATIENCE:
                    print(f"early stopping: no better validation loss for {PATIENCE} epochs")
                    model.load_state_dict(best[1])
                    break
    return model
'''


def _main_code(spec: NetworkSpec, kind: str) -> str:
    """main(): command-line options, data, training, and the test score as the last line."""
    metric, result = ("R²", "test_r2") if spec.output_activation == "linear" else ("accuracy", "test_accuracy")
    if kind == "embedded":
        options, load = "", "load_data()"
    else:
        options = ('    parser.add_argument("--data-dir", default=DATA_DIR, help="folder with the data files")\n'
                   '    parser.add_argument("--train-limit", type=int, default=TRAIN_LIMIT, help="train on the first N images")\n'
                   '    parser.add_argument("--test-limit", type=int, default=TEST_LIMIT, help="test on the last N images")\n')
        load = "load_data(args.data_dir, args.train_limit, args.test_limit)"
    return f'''METRIC = {metric!r}


def main():
    parser = argparse.ArgumentParser(description=f"Train the MLP Studio network on {{DATASET}}.")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="number of passes over the training data")
{options}    args = parser.parse_args()
    torch.set_num_threads(1)  # small networks train fastest on one thread
    splits = {load}
    (x, y), (x_val, y_val), (x_test, y_test) = [(torch.from_numpy(np.ascontiguousarray(a)), torch.from_numpy(b))
                                                 for a, b in splits]
    if TRAIN_SIZE:
        x, y = x[:TRAIN_SIZE], y[:TRAIN_SIZE]
    print(f"{{DATASET}}: {{len(x)}} training, {{len(x_val)}} validation and {{len(x_test)}} test examples")
    model = build_model()
    train(model, x, y, x_val, y_val, args.epochs)
    test_loss, test_metric = evaluate(model, x_test, y_test)
    print(f"test loss {{test_loss:.4f}}")
    print(f"{result}={{test_metric:.4f}}")
'''


# ---------------------------------------------------------------- embedded arrays

def _embedded_arrays(name: str, dataset: Dataset | None, seed: int) -> str:
    """The dataset's arrays as Python literals (images as compressed bytes) at the end of the script."""
    if dataset is None:
        if name in IMAGE_DATASETS:
            raise DatasetError(translate("core.codegen", "Showing the code for {name} needs the loaded data; load it "
                                                         "on the Data tab first.").format(name=name))
        dataset = load_dataset(name, seed=seed)
    if dataset.name != name:
        raise DatasetError(translate("core.codegen", "The loaded data is {loaded}, not {name}.").format(
            loaded=dataset.name, name=name))
    parts = ["# ---------------------------------------------------------------- the data, exactly as in MLP Studio"]
    for split in ("train", "val", "test"):
        x, y = getattr(dataset, f"x_{split}"), getattr(dataset, f"y_{split}")
        parts.append(_images_literal(f"X_{split.upper()}", x) if dataset.is_image else _array_literal(f"X_{split.upper()}", x))
        parts.append(_array_literal(f"Y_{split.upper()}", y))
    return "\n".join(parts)


def _number_text(values: np.ndarray) -> list[str]:
    """Shortest texts that read back as exactly the same float32 (or int) values."""
    if values.dtype.kind in "iu":
        return [str(int(v)) for v in values]
    texts = [np.format_float_positional(v, unique=True, trim="-") for v in values]
    if not np.array_equal(np.array([float(t) for t in texts], np.float32), values):
        texts = [f"{float(v):.9g}" for v in values]  # 9 digits always round-trip a float32
    return texts


def _array_literal(name: str, array: np.ndarray) -> str:
    """`NAME = np.array([...], dtype=...)` with a few rows per line."""
    dtype = "np.int64" if array.dtype.kind in "iu" else "np.float32"
    flat = _number_text(array.reshape(-1))
    width = array.shape[1] if array.ndim == 2 else 1
    rows = [flat[i:i + width] for i in range(0, len(flat), width)]
    cells = [("[" + ", ".join(r) + "]") if array.ndim == 2 else r[0] for r in rows]
    per_line = max(1, 100 // (max((len(c) for c in cells), default=1) + 2))
    lines = ["    " + ", ".join(cells[i:i + per_line]) + "," for i in range(0, len(cells), per_line)]
    shape = "(-1, %d)" % width if array.ndim == 2 else "(-1,)"
    return f"{name} = np.array([\n" + "\n".join(lines) + f"\n], dtype={dtype}).reshape{shape}"


def _images_literal(name: str, x: np.ndarray) -> str:
    """Images as base64 of zlib-compressed uint8 pixels, turned back into normalised inputs."""
    if len(x) > MAX_EMBEDDED_IMAGES:
        raise DatasetError(translate("core.codegen", "The data has {count:,} images, too many to put into a script "
                                                     "(at most {limit:,}).").format(count=len(x),
                                                                                    limit=MAX_EMBEDDED_IMAGES))
    pixels = np.rint(to_pixels(x) * 255.0).astype(np.uint8)
    text = base64.b64encode(zlib.compress(pixels.tobytes(), 9)).decode("ascii")
    lines = "\n".join(f'    "{text[i:i + 96]}"' for i in range(0, len(text), 96)) or '    ""'
    return (f"{name} = np.frombuffer(zlib.decompress(base64.b64decode(\n{lines}\n)), np.uint8)"
            f".reshape(-1, 784).astype(np.float32)\n"
            f"{name} = (({name} / np.float32(255.0)) - np.float32(MNIST_MEAN)) / np.float32(MNIST_STD)")


def result_from_output(output: str) -> tuple[str, float]:
    """("test_accuracy" or "test_r2", value) from the script's last line (ValueError if absent)."""
    last = output.strip().splitlines()[-1] if output.strip() else ""
    for prefix in RESULT_PREFIXES:
        if last.startswith(prefix):
            value = float(last[len(prefix):])
            if math.isfinite(value):
                return prefix[:-1], value
    raise ValueError(f"no test score in the last line {last!r}")
