"""Background work in a QThread: a worker object in the thread, its controller in the GUI thread.

`BackgroundRunner` runs any report source (`should_stop -> Iterator[report]`, built by core) and
relays each report through queued signals, tagged with a run id so reports of a replaced run are
dropped. `TrainingController` adds one signal per kind of training report. Widgets connect to the
controller, never to the worker; the worker never touches a widget.
"""
from __future__ import annotations

import itertools
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.i18n import translate
from core.reports import (DivergenceReport, EpochBatch, EpochReport, FinishedReport, LossReport, WarningReport,
                          WeightsReport)

ReportSource = Callable[[Callable[[], bool]], Iterator[object]]


class Worker(QObject):
    """Lives in the background thread and emits each report as a signal tagged with its run id."""

    report_emitted = Signal(int, object)   # run id, report
    failed = Signal(int, str)              # run id, a sentence for the error dialog
    finished = Signal(int, str)            # run id, "completed" | "stopped" | "failed"

    def __init__(self, run_id: int, make_reports: ReportSource, error_prefix: str) -> None:
        super().__init__()  # no parent: a parented QObject cannot be moved to another thread
        self._run_id, self._make_reports, self._error_prefix = run_id, make_reports, error_prefix

    @Slot()
    def run(self) -> None:
        thread = QThread.currentThread()
        try:
            for report in self._make_reports(thread.isInterruptionRequested):
                self.report_emitted.emit(self._run_id, report)
        except Exception as exc:  # noqa: BLE001 - the GUI shows it; the app keeps running
            self.failed.emit(self._run_id, f"{self._error_prefix}{exc}")
            self.finished.emit(self._run_id, "failed")
            return
        self.finished.emit(self._run_id, "stopped" if thread.isInterruptionRequested() else "completed")


class BackgroundRunner(QObject):
    """Owns one background thread at a time; lives in the GUI thread."""

    reported = Signal(object)   # any report of the current run
    failed = Signal(str)        # a sentence for the error dialog
    finished = Signal(str)      # the thread has ended: "completed" | "stopped" | "failed"

    _ids = itertools.count(1)

    def __init__(self, parent: QObject | None = None, error_prefix: str = "") -> None:
        super().__init__(parent)
        self._error_prefix = error_prefix
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._run_id = 0
        self._outcome = "stopped"

    @property
    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, make_reports: ReportSource) -> bool:
        """Run a report source in a fresh thread; refused (False) while one is running."""
        if self._thread is not None:
            return False
        self._run_id = next(self._ids)
        thread, worker = QThread(self), Worker(self._run_id, make_reports, self._error_prefix)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.report_emitted.connect(self._on_report)  # queued: this object lives in the GUI thread
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_worker_finished)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        thread.finished.connect(thread.deleteLater)
        self._thread, self._worker, self._outcome = thread, worker, "stopped"
        thread.start()
        return True

    def request_stop(self) -> None:
        """Ask politely; `finished("stopped")` confirms."""
        if self._thread is not None:
            self._thread.requestInterruption()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """For closeEvent/aboutToQuit: Qt aborts if a running QThread is destroyed."""
        thread = self._thread
        if thread is None:
            return True
        thread.requestInterruption()
        thread.quit()
        done = thread.wait(timeout_ms)
        if done:
            self._forget()
        return done

    def _forget(self) -> None:
        # Python owns the worker (it has no parent): dropping the last reference deletes it here, in the GUI
        # thread, after its thread has ended. A deleteLater in the ending thread raced with that and crashed
        # (seen in start/stop cycles).
        self._thread, self._worker, self._run_id = None, None, 0

    @Slot(int, object)
    def _on_report(self, run_id: int, report: object) -> None:
        if run_id == self._run_id:  # else a stale report from a run that was already replaced
            self.reported.emit(report)

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        if run_id == self._run_id:
            self.failed.emit(message)

    @Slot(int, str)
    def _on_worker_finished(self, run_id: int, outcome: str) -> None:
        if run_id == self._run_id:
            self._outcome = outcome

    @Slot()
    def _on_thread_finished(self) -> None:
        """The thread has really ended: only now may a new run start."""
        if self.sender() is not self._thread:
            return
        outcome = self._outcome
        self._thread.wait()  # finished() is emitted just before the thread really ends: a bounded, tiny wait
        self._forget()
        self.finished.emit(outcome)


class TrainingController(BackgroundRunner):
    """The training run's thread, with one signal per kind of report."""

    loss_reported = Signal(object)      # LossReport
    weights_reported = Signal(object)   # WeightsReport
    epochs_reported = Signal(object)    # tuple[EpochReport, ...]: one or several epochs that ended
    diverged = Signal(object)           # DivergenceReport
    warned = Signal(object)             # WarningReport
    run_finished = Signal(object)       # FinishedReport (the end of a whole run, with test figures)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, error_prefix=translate("gui.training_controller", "Training stopped with an error: "))
        self._routes = {LossReport: self.loss_reported, WeightsReport: self.weights_reported,
                        DivergenceReport: self.diverged,
                        WarningReport: self.warned, FinishedReport: self.run_finished}
        self.reported.connect(self._route)

    @Slot(object)
    def _route(self, report: object) -> None:
        if isinstance(report, (EpochReport, EpochBatch)):
            self.epochs_reported.emit(report.reports if isinstance(report, EpochBatch) else (report,))
            return
        signal = self._routes.get(type(report))
        if signal is not None:
            signal.emit(report)
