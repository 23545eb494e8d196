"""วิเคราะห์ผล charts: figures in the UI font, across when they fit, never crossed by the 85 line."""

from decimal import Decimal

import pytest
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from ita_desktop.domain.charts import PREVIOUS_COLOR, TARGET_COLOR, BarChart, Series
from ita_desktop.ui.chart_widget import ChartWidget
from ita_desktop.ui.pages.analysis_page import AnalysisPage
from tests.ui.page_helpers import open_page, prepare_demo, save_grab, thai_fonts

# The demo office's indicators, last year and this: several bars end just under the 85 line.
PREVIOUS = ("95.65", "90.76", "97.02", "84.66", "89.42", "93.02", "83.56", "77.41", "90", "81.25")
CURRENT = ("96.90", "92.85", "97.95", "86.75", "91.02", "94.98", "87.44", "82.16", "92.5", "87.5")


def _indicators() -> BarChart:
    return BarChart(
        title="คะแนนรายตัวชี้วัด",
        categories=(*"๑๒๓๔๕๖๗๘๙", "๑๐"),
        series=(
            Series("ปี ๒๕๖๗", tuple(Decimal(v) for v in PREVIOUS), PREVIOUS_COLOR),
            Series("ปี ๒๕๖๘", tuple(Decimal(v) for v in CURRENT)),
        ),
        target=Decimal(85),
        target_label="เป้าหมาย ๘๕ คะแนน",
    )


def _overall() -> BarChart:
    return BarChart(
        title="คะแนนภาพรวม",
        categories=("ภาพรวม",),
        series=(
            Series("ปี ๒๕๖๗", (Decimal("87.10"),), PREVIOUS_COLOR),
            Series("ปี ๒๕๖๘", (Decimal("90.39"),)),
        ),
    )


@pytest.fixture
def chart_at(qtbot):
    thai_fonts()

    def make(chart: BarChart, width: int) -> ChartWidget:
        widget = ChartWidget(chart)
        qtbot.addWidget(widget)
        widget.resize(width, widget.sizeHint().height())
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


def _overlapping(labels) -> list[tuple[str, str]]:
    return [
        (a.text, b.text)
        for i, a in enumerate(labels)
        for b in labels[i + 1 :]
        if a.box.intersects(b.box)
    ]


def test_figures_are_in_the_ui_font_and_across_above_bars_wide_enough(chart_at):
    widget = chart_at(_overall(), 220)
    ui_font = QApplication.font()
    assert widget.value_font().pointSizeF() >= ui_font.pointSizeF()
    placement = widget.placement()
    assert placement.mode == "above"
    assert [label.text for label in placement.labels] == ["๘๗.๑๐", "๙๐.๓๙"]
    for label, (bar, _color) in zip(placement.labels, placement.bars, strict=True):
        assert not label.upright
        assert abs(label.box.center().x() - bar.center().x()) < 1  # over its own bar
        assert label.box.bottom() <= bar.top()
        assert label.box.width() >= QFontMetricsF(ui_font).horizontalAdvance(label.text)


def test_narrow_bars_stack_their_figures_across_over_the_group(chart_at):
    """Ten indicators in the width the chart has beside the others at 1366 px."""
    widget = chart_at(_indicators(), 610)
    placement = widget.placement()
    assert placement.mode == "stacked"
    assert len(placement.labels) == 20
    assert not any(label.upright for label in placement.labels)
    assert _overlapping(placement.labels) == []
    for label in placement.labels:
        assert not any(label.box.intersects(bar) for bar, _color in placement.bars)
        assert placement.plot.left() <= label.box.left() < label.box.right() <= widget.width()
    # Last year above this year, as in the legend, each in its bar's colour (darkened to read).
    first, second = placement.labels[1], placement.labels[0]
    assert (first.text, second.text) == ("๙๕.๖๕", "๙๖.๙๐")
    assert first.box.bottom() <= second.box.top()
    assert first.ink != second.ink


def test_the_target_line_never_runs_through_a_figure(chart_at):
    widget = chart_at(_indicators(), 610)
    placement = widget.placement()
    plot = placement.plot
    line_y = plot.bottom() - 0.85 * plot.height()
    crossed = [label for label in placement.labels if label.box.top() < line_y < label.box.bottom()]
    assert crossed, "the data puts some figures on the 85 line"
    image = widget.grab().toImage()
    target = QColor(TARGET_COLOR)

    def reddish(x: int, y: int) -> bool:
        pixel = image.pixelColor(x, y)
        return pixel.red() > 150 and pixel.green() < 120 and pixel.blue() < 110

    assert any(reddish(x, round(line_y)) for x in range(int(plot.left()), int(plot.right())))
    for label in crossed:
        box = label.box.adjusted(1, 0, -1, 0)
        for y in (round(line_y) - 1, round(line_y), round(line_y) + 1):
            hits = [x for x in range(int(box.left()), int(box.right())) if reddish(x, y)]
            assert hits == [], f"{label.text}: {target.name()} line through it at x {hits}"


def test_turned_upright_only_below_the_width_they_need(chart_at):
    widget = chart_at(_indicators(), 610)
    needed = widget.needed_width()
    assert 300 < needed < 610
    widget.resize(needed, widget.height())
    assert widget.placement().mode == "stacked"
    widget.resize(needed - 40, widget.height())
    placement = widget.placement()
    assert placement.mode == "upright"  # the last resort, each figure on or in its bar
    for label in placement.labels:
        assert any(abs(label.box.center().x() - bar.center().x()) < 1 for bar, _ in placement.bars)


@pytest.mark.parametrize(("width", "height", "below"), [(1366, 768, False), (1024, 700, True)])
def test_the_page_gives_the_indicators_a_row_of_their_own_when_narrow(
    qtbot, db_path, width, height, below
):
    """The page's share of the window at the two screen sizes of the review (the list of pages
    takes about 165 px): never an upright figure; at 1024 px the indicators go below."""
    thai_fonts()
    harness = open_page(qtbot, AnalysisPage, db_path, prepare_demo(db_path), 2568)
    try:
        harness.window.resize(width - 165, height - 60)
        qtbot.waitUntil(lambda: harness.page.charts[2].placement() is not None)
        page = harness.page
        qtbot.wait(50)
        overall, _instruments, indicators = page.charts
        assert page.indicators_below is below
        assert (indicators.y() > overall.y() + overall.height() - 1) is below
        for chart in page.charts:
            assert chart.placement().mode in ("above", "stacked"), chart.chart.title
        save_grab(harness.window, f"analysis-charts-{width}.png")
    finally:
        harness.session.close()
