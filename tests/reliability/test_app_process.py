"""The app as a real process: start and quit (C-03), quit mid-training (T-02, T-03), the SIGKILL loop
(L-08) and settings files under kills and concurrent writers (S-04, S-05)."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from core.settings import TrainingDefaults
from tests.reliability.app_child import PRELOAD, kill_loop_child, settings_writer_child, written
from tests.reliability.conftest import ROOT, child_env

pytestmark = pytest.mark.subprocess
BAD_STDERR = ("QThread", "Fatal", "Traceback", "Segmentation", "Aborted")
KILL_CYCLES = 20


def run_child(home: Path, *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.reliability.app_child", *args], cwd=ROOT,
                          env=child_env(home), capture_output=True, text=True, timeout=timeout)


def start_child(home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.app_child", *args], cwd=ROOT,
                            env=child_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_clean_exit(code: int, stdout: str, stderr: str) -> None:
    bad = [line for line in stderr.splitlines() if any(word in line for word in BAD_STDERR)]
    assert code == 0 and not bad, f"exit {code}\nstdout: {stdout[-1500:]}\nstderr: {stderr[-3000:]}"


def test_c03_and_t02_t03_start_quit_and_quitting_mid_training_exit_cleanly(tmp_path):
    """Three children at once (they mostly wait on imports): start/quit with nothing saved (C-03), close
    then quit mid-run (T-02), app.quit() alone mid-run as at logout (T-03)."""
    children = {name: start_child(tmp_path / name, name) for name in ("start-quit", "close", "quit")}
    for name, child in children.items():
        stdout, stderr = child.communicate(timeout=120)
        assert_clean_exit(child.returncode, stdout, stderr)
        if name != "start-quit":
            assert "TRAINING" in stdout and "EXIT running=False" in stdout, stdout
    fresh = tmp_path / "start-quit"
    assert (fresh / ".config" / "MLP Studio" / "MLP Studio.ini").is_file()  # settings were saved on close
    assert not list(fresh.rglob("*.part")) and not list(fresh.rglob("*.corrupt-*"))


@pytest.fixture(scope="module")
def fork_server():
    """Children forked from a server that has torch and the GUI imported: a start costs ~0.5 s, not 3 s."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _age_parts(home: Path) -> list[Path]:
    """Make leftover temp files look a few minutes old, as they are at a real restart after a crash."""
    parts = list(home.rglob("*.part"))
    old = time.time() - 300
    for part in parts:
        os.utime(part, (old, old))
    return parts


def test_l08_twenty_sigkills_mid_training_never_leave_a_damaged_file(fork_server, tmp_path):
    """start → train (saving model, settings and digits all the time) → SIGKILL at a random moment → restart."""
    rng = np.random.default_rng(8)
    home, leftovers, reached_training = tmp_path / "home", 0, 0
    for i in range(KILL_CYCLES + 1):
        child = fork_server.Process(target=kill_loop_child, args=(str(home), i), daemon=True)
        child.start()
        if i == KILL_CYCLES:  # the last start only checks what the twentieth kill left behind
            deadline = time.monotonic() + 60
            while not (home / f"report-{i}.json").exists() and child.is_alive() and time.monotonic() < deadline:
                child.join(0.05)
            child.kill()
            child.join(10)
            break
        child.join(float(rng.uniform(0.6, 2.2)))  # start-up takes ~1 s: some kills hit it, most hit training
        assert child.is_alive(), f"child {i} ended on its own with {child.exitcode}"
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        reached_training += (home / f"training-{i}").exists()
        leftovers += len(_age_parts(home))
    reports = [json.loads((home / f"report-{i}.json").read_text()) for i in range(KILL_CYCLES + 1)]
    for i, report in enumerate(reports):
        assert report["remaining_parts"] == [], (i, report)
        assert report["settings_corrupt_copy"] is None, (i, report)
        assert report["model"] == "absent" or report["model"].startswith("ok 784-32-10"), (i, report)
        assert report["digits"].startswith("ok"), (i, report)
    print(f"kill loop: {reached_training} kills mid-training, {leftovers} temp files left and cleaned")
    assert reached_training >= KILL_CYCLES // 2  # most kills really landed mid-training
    assert reports[-1]["model"].startswith("ok") and int(reports[-1]["digits"].split()[1]) > 0
    assert sum(len(r["removed_parts"]) for r in reports) == leftovers  # every kill's temp file was cleaned


@pytest.fixture
def ini(tmp_path) -> Path:
    return tmp_path / "config" / "settings.ini"


def _read_training_defaults(path: Path) -> tuple[TrainingDefaults, object]:
    from gui.settings_store import SettingsStore

    store = SettingsStore(path)
    return store.load(TrainingDefaults), store.corrupt_copy


def test_s04_killing_a_settings_save_keeps_a_readable_file(fork_server, ini, tmp_path):
    """A writer saving as fast as it can is SIGKILLed 10 times; every time the file reads back whole."""
    ini.parent.mkdir(parents=True)
    rng, seen = np.random.default_rng(4), set()
    for tag in range(1, 11):
        marker = tmp_path / f"saved-{tag}"
        child = fork_server.Process(target=settings_writer_child,
                                    args=(str(tmp_path / "home"), str(ini), tag, str(marker)), daemon=True)
        child.start()
        deadline = time.monotonic() + 30
        while not marker.exists() and child.is_alive() and time.monotonic() < deadline:
            child.join(0.01)  # until its first save is on disk
        child.join(float(rng.uniform(0.02, 0.3)))  # then a random while of saving
        assert child.is_alive(), f"writer {tag} ended with {child.exitcode}"
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        defaults, corrupt = _read_training_defaults(ini)
        assert corrupt is None
        assert defaults == written(defaults.seed, defaults.batch_size)  # one whole save, not a mix
        seen.add(defaults.seed)
    assert len(seen) >= 8  # the file really changed hands between kills


def test_s05_two_instances_saving_at_once_never_corrupt_and_the_last_writer_wins(ini, tmp_path):
    ini.parent.mkdir(parents=True)
    writers = [start_child(tmp_path, "settings-writer", str(ini), str(tag), "100") for tag in (1, 2)]
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert_clean_exit(writer.returncode, stdout, stderr)
    defaults, corrupt = _read_training_defaults(ini)
    assert corrupt is None
    assert defaults in (written(1, 99), written(2, 99))
    assert sorted(p.name for p in ini.parent.iterdir()) == ["settings.ini"]  # no temp or lock file left
