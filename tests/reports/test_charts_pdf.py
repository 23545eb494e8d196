"""PDF charts: bar values stay readable, clear of the dashed target line, and still extract."""

import subprocess
from decimal import Decimal

import pytest
from reportlab.graphics.shapes import Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus import SimpleDocTemplate

from ita_desktop.domain.charts import PREVIOUS_COLOR, TARGET_COLOR, BarChart, Series
from ita_desktop.i18n.thai import apply_digits
from ita_desktop.services.reports.charts_pdf import chart_drawing
from ita_desktop.services.reports.text import ThaiCanvas, thai_fonts
from reports.test_documents_support import needs_poppler, squash

# Seed 004's indicators in 2564: six values just under the 85-point target.
SCORES = ("93.57", "84.05", "89.76", "84.87", "87.64", "80.93", "84.60", "81.00", "84.06", "37.50")
NUMBERS = [apply_digits(str(n), "thai") for n in range(1, 11)]


def _indicators() -> BarChart:
    return BarChart(
        title="คะแนนรายตัวชี้วัด",
        categories=tuple(NUMBERS),
        category_names=tuple(f"{n}. ตัวชี้วัด" for n in NUMBERS),
        series=(Series("ปี ๒๕๖๔", tuple(Decimal(s) for s in SCORES)),),
        target=Decimal(85),
        target_label="เป้าหมาย ๘๕ คะแนน",
    )


def _two_years() -> BarChart:
    return BarChart(
        title="คะแนนรายแบบวัด",
        categories=("IIT", "EIT", "OIT"),
        series=(
            Series(
                "ปี ๒๕๖๓", (Decimal("84.50"), Decimal("86.10"), Decimal("79.00")), PREVIOUS_COLOR
            ),
            Series("ปี ๒๕๖๔", (Decimal("82.40"), Decimal("84.99"), Decimal("85.00"))),
        ),
        target=Decimal(85),
    )


CHARTS = {"indicators": _indicators, "two-years": _two_years}


def _labels(chart: BarChart) -> list[str]:
    return [chart.value_label(v) for s in chart.series for v in s.values]


def _drawn(chart: BarChart):
    fonts = thai_fonts()
    drawing = chart_drawing(chart, fonts, 408, 255)
    target = max(
        (
            shape
            for shape in drawing.contents
            if isinstance(shape, Line) and shape.strokeColor == colors.HexColor(TARGET_COLOR)
        ),
        key=lambda line: line.x2 - line.x1,
    )
    values = set(_labels(chart))
    labels = [s for s in drawing.contents if isinstance(s, String) and str(s.text) in values]
    rects = [s for s in drawing.contents if isinstance(s, Rect)]
    bars = [r for r in rects if r.y == min(r.y for r in rects)]  # the legend's keys above
    return drawing, target, labels, bars


@pytest.mark.parametrize("name", CHARTS)
def test_no_value_is_crossed_by_the_target_line(name):
    chart = CHARTS[name]()
    drawing, target, labels, bars = _drawn(chart)
    assert sorted(str(s.text) for s in labels) == sorted(_labels(chart))
    line_low = target.y1 - target.strokeWidth / 2
    line_high = target.y1 + target.strokeWidth / 2
    for label in labels:
        x0, _, x1, _ = label.getBounds()
        ascent, descent = getAscentDescent(label.fontName, label.fontSize)
        low, high = label.y + descent, label.y + ascent
        assert x1 > target.x1 and x0 < target.x2  # under the line's length
        assert high < line_low or low > line_high, (str(label.text), low, high, target.y1)
        # still just above its own bar
        centre = (x0 + x1) / 2
        bar = next(b for b in bars if b.x <= centre <= b.x + b.width)
        top = bar.y + bar.height
        assert top <= low and label.y - top <= 2 + 2 * label.fontSize, str(label.text)
    # drawn over the line, not under it
    order = drawing.contents.index
    assert all(order(label) > order(target) for label in labels)


@needs_poppler
@pytest.mark.parametrize("name", CHARTS)
def test_the_values_extract_as_text(tmp_path, name):
    chart = CHARTS[name]()
    drawing = chart_drawing(chart, thai_fonts(), 408, 255)
    path = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([drawing], canvasmaker=ThaiCanvas)
    text = squash(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert [label for label in _labels(chart) if squash(label) not in text] == []
