from __future__ import annotations

import itertools
import random
import threading
import time

import numpy as np
import pytest

from core.reports import LossReport, WeightsReport
from gui.training_controller import BackgroundRunner, TrainingController


def loss_report(step: int) -> LossReport:
    return LossReport(0, np.array([step]), np.array([1.0], np.float32), 100.0, step, 10**9, 0.01)


def endless_reports(should_stop):
    for step in itertools.count(1):
        if should_stop():
            return
        time.sleep(0.001)  # a fake workload may sleep inside the worker thread
        yield loss_report(step)


def failing_reports(should_stop):
    yield loss_report(1)
    raise ValueError("the batch has the wrong shape")


@pytest.fixture
def controller(qapp):
    controller = TrainingController()
    yield controller
    assert controller.shutdown()


def test_request_stop_ends_an_endless_run_promptly(qtbot, controller):
    with qtbot.waitSignal(controller.loss_reported, timeout=5000):
        assert controller.start(endless_reports)
    with qtbot.waitSignal(controller.finished, timeout=2000) as blocker:
        controller.request_stop()
    assert blocker.args == ["stopped"] and not controller.is_running


def test_completed_run_reports_completed_in_the_gui_thread(qtbot, controller):
    threads = []
    controller.loss_reported.connect(lambda r: threads.append(threading.current_thread()))
    with qtbot.waitSignal(controller.finished, timeout=5000) as blocker:
        controller.start(lambda stop: iter([loss_report(1), loss_report(2)]))
    assert blocker.args == ["completed"]
    assert threads == [threading.main_thread()] * 2


def test_second_start_while_running_is_refused(qtbot, controller):
    with qtbot.waitSignal(controller.loss_reported, timeout=5000):
        controller.start(endless_reports)
    assert controller.start(endless_reports) is False
    with qtbot.waitSignal(controller.finished, timeout=2000):
        controller.request_stop()


def test_worker_exception_becomes_a_failed_message(qtbot, controller):
    messages, outcomes = [], []
    controller.failed.connect(messages.append)
    controller.finished.connect(outcomes.append)
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(failing_reports)
    assert len(messages) == 1 and "wrong shape" in messages[0]
    assert messages[0].startswith("Training stopped with an error")
    assert outcomes == ["failed"] and not controller.is_running


def test_reports_of_a_replaced_run_are_dropped(qtbot, controller):
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.start(lambda stop: iter([loss_report(1)]))
    with qtbot.waitSignal(controller.loss_reported, timeout=5000):
        controller.start(endless_reports)
    with qtbot.assertNotEmitted(controller.weights_reported):
        controller._on_report(controller._run_id - 1, WeightsReport(1, (), (), np.zeros(0)))  # a stale id
    with qtbot.waitSignal(controller.finished, timeout=2000):
        controller.request_stop()


def test_shutdown_mid_run_stops_the_thread(qtbot, controller):
    with qtbot.waitSignal(controller.loss_reported, timeout=5000):
        controller.start(endless_reports)
    thread = controller._thread
    assert controller.shutdown(5000)
    assert thread.isFinished() and not controller.is_running


def test_200_start_stop_cycles_leave_no_thread_behind(qtbot, no_dangling_threads):
    """T-04: every stop within 2 s, random stop delays, nothing left running."""
    runner = BackgroundRunner()
    rng = random.Random(0)
    started = time.monotonic()
    for _ in range(200):
        assert runner.start(endless_reports)
        qtbot.wait(rng.randint(0, 20))
        with qtbot.waitSignal(runner.finished, timeout=2000):
            runner.request_stop()
    assert time.monotonic() - started < 60
    assert not any(t.isRunning() for t in no_dangling_threads if _alive(t))
    assert runner.shutdown()


def _alive(thread) -> bool:
    try:
        thread.isRunning()
        return True
    except RuntimeError:
        return False
