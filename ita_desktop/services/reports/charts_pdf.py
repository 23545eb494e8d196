"""The window's chart definitions (domain/charts.py) drawn with ReportLab graphics, Thai shaped."""

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getAscentDescent

from ita_desktop.domain.charts import TARGET_COLOR, BarChart
from ita_desktop.services.reports.text import ThaiFonts, shape_text, text_width

AXIS = colors.HexColor("#404040")
GRIDLINE = colors.HexColor("#d9d9d9")
TEXT = colors.HexColor("#202020")
CLEARANCE = 1.0  # between a value and the target line (1 pt wide), so the dashes touch no digit


class _Pen:
    """Shaped Thai strings placed by their real (shaped) width."""

    def __init__(self, drawing: Drawing, fonts: ThaiFonts, thai_pt: float):
        self.drawing = drawing
        self.font = fonts.regular
        self.bold = fonts.bold
        self.size = fonts.size(thai_pt)
        self.line = fonts.leading(thai_pt)

    def width(self, text: str, bold: bool = False) -> float:
        return text_width(text, self.bold if bold else self.font, self.size)

    def clear_of(self, line_y: float | None, baseline: float) -> float:
        """``baseline``, or a baseline just above ``line_y`` when the text there (from its
        descent to its ascent) would be crossed by that line."""
        if line_y is None:
            return baseline
        ascent, descent = getAscentDescent(self.font, self.size)
        low, high = line_y - 0.5 - CLEARANCE, line_y + 0.5 + CLEARANCE
        if baseline + descent < high and baseline + ascent > low:
            return high - descent
        return baseline

    def text(
        self, x: float, y: float, text: str, align: str = "left", bold: bool = False, color=TEXT
    ) -> None:
        if not text:
            return
        font = self.bold if bold else self.font
        width = text_width(text, font, self.size)
        x -= {"left": 0, "center": width / 2, "right": width}[align]
        self.drawing.add(
            String(
                x,
                y,
                shape_text(text, font, self.size),
                fontName=font,
                fontSize=self.size,
                fillColor=color,
                textAnchor="start",
            )
        )


def chart_drawing(
    chart: BarChart, fonts: ThaiFonts, width: float, height: float = 200, thai_pt: float = 12
) -> Drawing:
    """``chart`` as a Drawing ``width`` wide: bars, 0–100 axis, values, target line, legend,
    and under number-only categories a key of their names."""
    drawing = Drawing(width, height)
    # renderPDF starts in this font (else Helvetica, listed unembedded in the PDF)
    drawing.initialFontName = fonts.regular
    drawing.initialFontSize = fonts.size(thai_pt)
    pen = _Pen(drawing, fonts, thai_pt)
    key_lines = _key_lines(chart, pen, width)
    key_height = len(key_lines) * pen.line
    legend_height = pen.line + 4
    left = max(pen.width(chart.tick_label(t)) for t in chart.ticks()) + 8
    bottom = key_height + pen.line + 6
    top = height - legend_height - pen.line * 1.1  # room for the value above a full bar
    right = width - 4
    plot_h = top - bottom
    plot_w = right - left

    def y_of(value) -> float:
        return bottom + chart.fraction(value) * plot_h

    for tick in chart.ticks():
        y = y_of(tick)
        drawing.add(Line(left, y, right, y, strokeColor=GRIDLINE, strokeWidth=0.5))
        pen.text(left - 4, y - pen.size * 0.3, chart.tick_label(tick), "right")
    drawing.add(Line(left, bottom, right, bottom, strokeColor=AXIS, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, top, strokeColor=AXIS, strokeWidth=0.8))

    target_y = y_of(chart.target) if chart.target is not None else None
    groups = len(chart.categories)
    series = len(chart.series)
    group_w = plot_w / max(groups, 1)
    bar_w = min(group_w * 0.72 / max(series, 1), 48)
    labels = []  # (centre, baseline, text): drawn last, clear of the target line
    for g, category in enumerate(chart.categories):
        centre = left + group_w * (g + 0.5)
        first = centre - bar_w * series / 2
        for s, line in enumerate(chart.series):
            value = line.values[g]
            if value is None:
                continue
            x = first + s * bar_w
            y = y_of(value)
            drawing.add(
                Rect(
                    x + 1,
                    bottom,
                    bar_w - 2,
                    y - bottom,
                    strokeColor=None,
                    fillColor=colors.HexColor(line.color),
                )
            )
            label = chart.value_label(value)
            if pen.width(label) <= bar_w + 6 or series == 1:
                labels.append((x + bar_w / 2, pen.clear_of(target_y, y + 2), label))
        pen.text(centre, bottom - pen.line + 2, category, "center")

    if target_y is not None:  # over the bars, under their values
        drawing.add(
            Line(
                left,
                target_y,
                right,
                target_y,
                strokeColor=colors.HexColor(TARGET_COLOR),
                strokeWidth=1,
                strokeDashArray=[4, 3],
            )
        )
    for x, y, label in labels:
        pen.text(x, y, label, "center")
    _legend(chart, pen, left, right, height - legend_height + 4)
    for i, (first, second) in enumerate(key_lines):
        y = key_height - (i + 1) * pen.line + pen.line * 0.3
        pen.text(left, y, first)
        pen.text(left + (width - left) / 2, y, second)
    return drawing


def _legend(chart: BarChart, pen: _Pen, left: float, right: float, y: float) -> None:
    entries = [(s.name, s.color, False) for s in chart.series]
    if chart.target is not None and chart.target_label:
        entries.append((chart.target_label, TARGET_COLOR, True))
    box = pen.size * 0.8
    widths = [box + 4 + pen.width(name) + 14 for name, _, _ in entries]
    x = right - sum(widths)
    for (name, color, dashed), w in zip(entries, widths, strict=True):
        if dashed:
            pen.drawing.add(
                Line(
                    x,
                    y + box / 2,
                    x + box,
                    y + box / 2,
                    strokeColor=colors.HexColor(color),
                    strokeWidth=1,
                    strokeDashArray=[3, 2],
                )
            )
        else:
            pen.drawing.add(
                Rect(x, y, box, box, strokeColor=None, fillColor=colors.HexColor(color))
            )
        pen.text(x + box + 4, y + 1, name)
        x += w
    if chart.title:
        pen.text(left, y + 1, chart.title, bold=True)


def _key_lines(chart: BarChart, pen: _Pen, width: float) -> list[tuple[str, str]]:
    """Names of number-only categories, two to a line when they fit ("๑. การปฏิบัติหน้าที่")."""
    names = chart.category_names
    if not names or not all(c.strip().rstrip(".").isdigit() for c in chart.categories):
        return []
    half = (len(names) + 1) // 2
    pairs = [(names[i], names[i + half] if i + half < len(names) else "") for i in range(half)]
    if any(pen.width(a) > width / 2 - 12 or pen.width(b) > width / 2 - 12 for a, b in pairs):
        return [(name, "") for name in names]
    return pairs
