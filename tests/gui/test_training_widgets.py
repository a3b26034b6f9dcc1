from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.reports import EpochReport, LossReport
from gui.widgets.batch_size_control import BatchSizeControl, describe_batch
from gui.widgets.epoch_curves import EpochCurves
from gui.widgets.learning_rate_control import LearningRateControl, lr_to_tick, tick_to_lr
from gui.widgets.loss_plot import LossPlot, smooth


def test_lr_ticks_are_log_scale_and_invert():
    assert tick_to_lr(lr_to_tick(0.01)) == pytest.approx(0.01)
    assert tick_to_lr(0) == pytest.approx(1e-5) and tick_to_lr(lr_to_tick(10.0)) == pytest.approx(10.0)
    assert lr_to_tick(0.1) - lr_to_tick(0.01) == lr_to_tick(1.0) - lr_to_tick(0.1) == 100


def test_set_learning_rate_does_not_echo(qtbot):
    control = LearningRateControl()
    qtbot.addWidget(control)
    with qtbot.assertNotEmitted(control.learning_rate_changed):
        control.set_learning_rate(0.003)
    assert control._field.text() == "0.003" and control.value == 0.003


def test_user_edits_emit_and_bad_text_is_refused(qtbot):
    control = LearningRateControl(0.01)
    qtbot.addWidget(control)
    with qtbot.waitSignal(control.learning_rate_changed, timeout=1000) as blocker:
        control._slider.setValue(lr_to_tick(0.1))
    assert blocker.args[0] == pytest.approx(0.1)
    for text in ("banana", "-1", "1e308", "nan"):
        control._field.setText(text)
        with qtbot.waitSignal(control.invalid_entered, timeout=1000), \
                qtbot.assertNotEmitted(control.learning_rate_changed):
            control._field.editingFinished.emit()
        assert control.value == pytest.approx(0.1) and control._field.text() == "0.1"
    control._field.setText("3e-4")
    with qtbot.waitSignal(control.learning_rate_changed, timeout=1000) as blocker:
        control._field.editingFinished.emit()
    assert blocker.args == [pytest.approx(3e-4)]


def test_batch_size_words_follow_the_lecture(qtbot):
    assert describe_batch(1, 100).startswith("Stochastic")
    assert describe_batch(64, 100).startswith("Mini-batch") and "64" in describe_batch(64, 100)
    assert describe_batch(0, 55000).startswith("Batch gradient descent") and "55,000" in describe_batch(0, 55000)
    control = BatchSizeControl(64)
    qtbot.addWidget(control)
    control.set_training_size(1000)
    with qtbot.waitSignal(control.batch_size_changed, timeout=1000) as blocker:
        control._combo.activated.emit(control._combo.findData(0))
    assert blocker.args == [0] and control._spin.text() == "all"
    assert control._words.text().startswith("Batch gradient descent")
    with qtbot.assertNotEmitted(control.batch_size_changed):
        control.set_batch_size(1)
    assert control._words.text().startswith("Stochastic")


def report(steps, losses):
    return LossReport(0, np.asarray(steps), np.asarray(losses, np.float32), 1000.0, steps[-1], 100, 0.01)


def test_loss_plot_keeps_every_finite_point_and_skips_nan(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.add_points(report([1, 2, 3], [2.3, 2.0, 1.8]))
    plot.add_points(report([4, 5], [float("nan"), 1.5]))
    steps, losses = plot.history()
    assert steps.tolist() == [1, 2, 3, 5] and losses.tolist() == pytest.approx([2.3, 2.0, 1.8, 1.5])
    plot.add_points(report(list(range(6, 10006)), np.linspace(1.5, 0.1, 10000)))  # buffers grow in place
    assert plot.point_count == 10004
    plot.mark_divergence(5)
    assert plot._marker.isVisible() and plot._marker.value() == 5
    plot.clear_history()
    assert plot.point_count == 0 and not plot._marker.isVisible()


def test_smoothing_continues_across_reports():
    values = np.array([1.0, 0.0, 0.0, 0.0])
    whole = smooth(values, None, 0.5)
    split = np.concatenate([smooth(values[:2], None, 0.5), smooth(values[2:], smooth(values[:2], None, 0.5)[-1], 0.5)])
    np.testing.assert_allclose(whole, split)
    np.testing.assert_allclose(whole, [1.0, 0.5, 0.25, 0.125])


def test_epoch_curves_shade_the_gap_and_keep_the_previous_run(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    for epoch, (train, val) in enumerate([(1.0, 1.1), (0.6, 0.9), (0.3, 1.0)], start=1):
        curves.add_epoch(EpochReport(epoch, epoch * 10, train, val, 1 - train / 2, 1 - val / 2, "accuracy"))
    x, y = curves.loss_plot.val.getData()
    assert x.tolist() == [1, 2, 3] and y.tolist() == pytest.approx([1.1, 0.9, 1.0])
    assert curves.diagnosis  # a sentence from core.overfitting.diagnose
    curves.start_new_run(keep_reference=True)
    ref_x, ref_y = curves.loss_plot.reference_val.getData()
    assert ref_y.tolist() == pytest.approx([1.1, 0.9, 1.0]) and curves.history == []
    live_x, _ = curves.loss_plot.val.getData()
    assert live_x is None or len(live_x) == 0


def _loss_report(first: int, count: int, loss: float = 1.0) -> LossReport:
    steps = np.arange(first, first + count)
    return LossReport(1, steps, np.full(count, loss, np.float32), 100.0, int(steps[-1]), 1000, 0.1)


def test_loss_plot_x_axis_spans_the_whole_run_and_stays_still_while_the_curve_grows(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.start_run(1000)
    view = plot.getPlotItem().getViewBox()
    plot.add_reports([_loss_report(1, 50, 2.0)])
    first = view.viewRange()
    plot.add_reports([_loss_report(51, 50, 1.0), _loss_report(101, 50, 0.5)])
    assert view.viewRange() == first                       # falling loss inside the range: no rescale
    assert first[0][0] <= 0 and first[0][1] >= 1000        # the run's last step is on screen from the start
    assert first[1][0] <= 0 and first[1][1] >= 2.0
    assert plot.point_count == 150
    plot.add_reports([_loss_report(151, 10, 5.0)])         # a higher loss widens y
    assert view.viewRange()[1][1] >= 5.0
    plot.add_reports([_loss_report(1001, 10)])             # past the planned end: x grows
    assert view.viewRange()[0][1] >= 1010


def test_loss_plot_leaves_the_range_alone_after_the_student_zooms(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.start_run(100)
    view = plot.getPlotItem().getViewBox()
    view.sigRangeChangedManually.emit([True, True])        # what a mouse wheel zoom emits
    view.setXRange(10, 20, padding=0)
    plot.add_reports([_loss_report(1, 300, 9.0)])
    assert view.viewRange()[0] == pytest.approx([10, 20])


def test_epoch_curves_span_the_planned_epochs_and_the_longer_reference_run(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.start_run(20)
    curves.add_epochs([EpochReport(k, k, 1 / k, 1.2 / k, 0.5, 0.4, "accuracy") for k in range(1, 9)])
    x_range = curves.loss_plot.getPlotItem().getViewBox().viewRange()[0]
    assert x_range[0] <= 1 and x_range[1] >= 20
    assert curves.loss_plot.train.getData()[0].tolist() == list(range(1, 9))
    curves.start_new_run(keep_reference=True)
    curves.start_run(5)                                    # shorter than the faded previous run (8 epochs)
    x_range = curves.metric_plot.getPlotItem().getViewBox().viewRange()[0]
    assert 8 <= x_range[1] < 20


def test_a_very_long_history_is_thinned_but_keeps_its_ends_and_its_spikes(qtbot, monkeypatch):
    import gui.widgets.loss_plot as loss_plot

    monkeypatch.setattr(loss_plot, "MAX_POINTS", 1000)
    plot = LossPlot()
    qtbot.addWidget(plot)
    for first in range(1, 5001, 100):
        report = _loss_report(first, 100, 1.0)
        if first == 201:
            report.losses[37] = 50.0                       # a spike at step 238
        plot.add_reports([report])
    steps, losses = plot.history()
    assert plot.point_count <= 1000
    assert steps[0] == 1 and steps[-1] == 5000              # the first and the latest step are kept
    assert np.all(np.diff(steps) > 0)
    assert losses.max() == 50.0                            # the spike survives the thinning
    smooth_x, _ = plot._smooth.getData()
    assert len(smooth_x) == plot.point_count


def test_after_early_stopping_the_diagnosis_names_the_restored_epoch(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.add_epochs([EpochReport(k, k, 1 / k, 0.5 + abs(k - 4) / 10, 0.9, 0.8, "accuracy") for k in range(1, 8)])
    assert "memoris" in curves.diagnosis          # validation loss rising while training loss falls
    curves.mark_best_epoch(4)
    assert "epoch 4" in curves.diagnosis and "restored" in curves.diagnosis
    assert curves.loss_plot.stop_marker.isVisible() and curves.loss_plot.stop_marker.value() == 4


def test_the_loss_axis_names_the_penalty_it_includes(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    label = lambda: plot.getPlotItem().getAxis("left").labelText  # noqa: E731
    plot.show_penalty(0.0, 1e-3)
    assert "L2" in label() and "L1" not in label()
    plot.show_penalty(1e-3, 0.0)
    assert "L1" in label() and "L2" not in label()
    plot.show_penalty(0.0, 0.0)
    assert label() == "loss"


def test_thousands_of_epochs_are_drawn_thinned_and_without_a_marker_each(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.add_epochs([EpochReport(k, k, 1 / k, 1.1 / k, 0.5, 0.4, "accuracy") for k in range(1, 11)])
    assert curves.loss_plot.train.opts["symbol"] == "o"
    curves.add_epochs([EpochReport(k, k, 1 / k, 1.1 / k, 0.5, 0.4, "accuracy") for k in range(11, 1001)])
    assert curves.loss_plot.train.opts["symbol"] is None and curves.metric_plot.val.opts["symbol"] is None
    drawn = curves.loss_plot.train.getData()[0]
    assert len(drawn) <= 501 and drawn[0] == 1 and drawn[-1] == 1000     # thinned for drawing, ends kept
    assert len(curves.history) == 1000                                    # the diagnosis sees every epoch
    curves.start_new_run(keep_reference=False)
    curves.add_epochs([EpochReport(1, 1, 1.0, 1.1, 0.5, 0.4, "accuracy")])
    assert curves.loss_plot.train.opts["symbol"] == "o"


def test_the_metric_plot_can_follow_on_a_later_turn(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.add_epochs([EpochReport(k, k, 1 / k, 1.1 / k, 0.5 + k / 10, 0.4, "accuracy") for k in (1, 2)],
                      defer_metric=True)
    assert curves.loss_plot.train.getData()[0].tolist() == [1, 2]
    assert curves.metric_plot.train.getData()[0] is None or len(curves.metric_plot.train.getData()[0]) == 0
    curves.flush_metric()
    assert curves.metric_plot.train.getData()[1].tolist() == pytest.approx([0.6, 0.7])


def test_still_y_range_widens_only_when_a_value_leaves_it():
    from gui.widgets.epoch_curves import still_y_range

    loss = still_y_range(None, 0.4, 2.0, at_most_one=False)
    assert loss == pytest.approx((0.0, 2.3))                       # from 0, 15 % headroom
    assert still_y_range(loss, 0.1, 1.5, at_most_one=False) == loss  # a falling loss fits: kept
    assert still_y_range(loss, 0.1, 3.0, at_most_one=False)[1] == pytest.approx(3.45)
    accuracy = still_y_range(None, 0.83, 0.9, at_most_one=True)
    assert accuracy == pytest.approx((0.8, 1.0))                   # lowest value rounded down to a tenth, up to 1
    assert still_y_range(accuracy, 0.85, 0.97, at_most_one=True) == accuracy
    assert still_y_range(accuracy, 0.62, 0.97, at_most_one=True) == pytest.approx((0.6, 1.0))
    assert still_y_range(None, -3.2, 0.5, at_most_one=True) == pytest.approx((-3.3, 1.0))   # R² can be negative


def test_epoch_plots_keep_their_y_axis_while_the_curves_stay_inside(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.start_run(10)
    reports = [EpochReport(k, k, 1 / k, 1.1 / k, 1 - 0.4 / k, 1 - 0.5 / k, "accuracy") for k in range(1, 11)]
    curves.add_epochs(reports[:1])
    loss_view, metric_view = (p.getPlotItem().getViewBox() for p in (curves.loss_plot, curves.metric_plot))
    first_loss, first_metric = loss_view.viewRange(), metric_view.viewRange()
    for report in reports[1:]:
        curves.add_epochs([report])
        assert loss_view.viewRange() == first_loss and metric_view.viewRange() == first_metric
    assert first_loss[1][0] <= 0 and first_loss[1][1] >= 1.1       # every point is on screen
    assert first_metric[1][0] <= 0.5 and 0.95 <= first_metric[1][1] <= 1.05
    curves.add_epochs([EpochReport(11, 11, 0.05, 4.0, 0.3, 0.2, "accuracy")])   # leaves both ranges
    assert loss_view.viewRange()[1][1] >= 4.0 and metric_view.viewRange()[1][0] <= 0.2


def test_the_epoch_plots_do_not_re_lay_out_when_the_numbers_get_shorter(qtbot):
    curves = EpochCurves()
    qtbot.addWidget(curves)
    curves.resize(560, 380)
    curves.show()
    qtbot.waitExposed(curves)
    curves.start_run(2)
    axis = curves.loss_plot.getAxis("left")
    qtbot.wait(50)                                        # painted with the empty plot's numbers
    before = axis.width()
    curves.add_epochs([EpochReport(1, 800, 0.6, 0.55, 0.78, 0.8, "accuracy")])
    qtbot.wait(50)
    assert axis.width() >= before                        # shorter numbers keep the column: no full repaint
