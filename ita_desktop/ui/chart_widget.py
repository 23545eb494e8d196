"""Draws a BarChart definition (domain/charts.py) with QPainter: the same chart the PDF prints."""

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ita_desktop.domain.charts import TARGET_COLOR, BarChart

GRID_COLOR = QColor("#d9dee4")
TEXT_COLOR = QColor("#2b2f33")
MUTED_COLOR = QColor("#5f6b76")
GROUP_FILL = 0.72  # share of a category's width taken by its bars
HALO = 3.0  # background around a value's digits, so neither grid nor target line crosses them
GAP = 2.0  # between a bar's top and the value above it


@dataclass(frozen=True)
class ValueLabel:
    """A figure as drawn: ``box`` (widget pixels) is its background; an ``upright`` one reads
    bottom to top, the last resort when the bars are too narrow for the figures across."""

    text: str
    box: QRectF
    ink: QColor
    background: QColor
    upright: bool = False


@dataclass
class Placement:
    """Where everything goes at the widget's current size; ``mode`` says how the values sit:
    "above" each bar, "stacked" over each group (in legend order), or "upright"."""

    plot: QRectF
    bars: list[tuple[QRectF, QColor]] = field(default_factory=list)
    groups: list[QRectF] = field(default_factory=list)
    labels: list[ValueLabel] = field(default_factory=list)
    mode: str = "above"


def _ink(color: QColor) -> QColor:
    """A series' colour dark enough to print its figures in on white."""
    if color.lightnessF() <= 0.4:
        return color
    h, s, _lightness, a = color.getHslF()
    return QColor.fromHslF(h, s, 0.36, a)


class ChartWidget(QWidget):
    """Grouped bars on a 0–100 scale, values in the UI font over the bars, legend, target line.

    The values sit across, above their bars, or stacked over their group when the bars are
    narrower than the figures; upright only when even the groups are. ``needed_width()`` says
    how wide the chart must be for them to sit across. Hovering a group shows its long name
    and values; the accessible description lists them.
    """

    def __init__(self, chart: BarChart | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: BarChart | None = None
        self._groups: list[QRectF] = []
        self.setMinimumSize(220, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.set_chart(chart)

    def sizeHint(self) -> QSize:
        return QSize(360, 280)

    def set_chart(self, chart: BarChart | None) -> None:
        if chart == self.chart:
            return
        self.chart = chart
        if chart is not None:
            self.setAccessibleName(chart.title)
            self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words: 'ภาพรวม: ปี ๒๕๖๗ ๘๗.๑๐, ปี ๒๕๖๘ ๙๐.๓๙; …'."""
        chart = self.chart
        if chart is None:
            return ""
        groups = []
        for index, category in enumerate(chart.categories):
            name = chart.category_names[index] if chart.category_names else category
            values = ", ".join(
                f"{s.name} {chart.value_label(s.values[index]) or '-'}" for s in chart.series
            )
            groups.append(f"{name}: {values}")
        return "; ".join(groups)

    # -- placing -------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        """The title's, and the small one of the axis, legend and categories."""
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.85)
        title = QFont(base)
        title.setBold(True)
        return title, small

    def value_font(self) -> QFont:
        """The figures are what the clerk reads: never smaller than the rest of the window."""
        return QFont(self.font())

    def _texts(self) -> list[str]:
        chart = self.chart
        return [chart.value_label(v) for s in chart.series for v in s.values if v is not None]

    def _label_size(self) -> tuple[QRectF, float]:
        """The ink all the chart's figures share (one height for every box) and the widest."""
        metrics = QFontMetricsF(self.value_font())
        ink = QRectF()
        widest = 0.0
        for text in self._texts():
            ink = ink.united(metrics.tightBoundingRect(text))
            widest = max(widest, metrics.horizontalAdvance(text))
        return ink, widest

    def _axis_width(self) -> float:
        small = QFontMetricsF(self._fonts()[1])
        return small.horizontalAdvance(self.chart.tick_label(self.chart.maximum)) + 6

    def needed_width(self) -> int:
        """The narrowest width at which every figure sits across, stacked over its group."""
        if self.chart is None or not self.chart.categories:
            return 0
        _ink_box, widest = self._label_size()
        group = widest + 2 * HALO + 2
        return int(len(self.chart.categories) * group + self._axis_width() + 16) + 1

    def placement(self) -> Placement | None:
        """The plot, bars and value labels at the current size (None: no room or no chart)."""
        chart = self.chart
        if chart is None or not chart.categories:
            return None
        title, small = self._fonts()
        metrics = QFontMetricsF(small)
        bounds = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        room_top = bounds.top() + QFontMetricsF(title).height() + 2 + metrics.height() + 4
        label_lines = max((2 if len(c) > 6 else 1) for c in chart.categories)
        bottom = bounds.bottom() - label_lines * metrics.height() - 4
        left = bounds.left() + self._axis_width()
        ink, _widest = self._label_size()
        height = ink.height() + 2 * HALO
        rows = {"above": 1, "stacked": len(chart.series), "upright": 1}
        for mode, place in (
            ("above", self._above),
            ("stacked", self._stacked),
            ("upright", self._upright),
        ):
            top = room_top + rows[mode] * height + GAP
            plot = QRectF(left, top, bounds.right() - left, bottom - top)
            if plot.height() < 20:
                continue
            placement = self._bars(chart, plot)
            placement.mode = mode
            placement.labels = place(chart, placement, ink)
            area = QRectF(plot.left(), room_top, plot.width(), bottom - room_top)
            if mode == "upright" or _clear(placement, area):
                return placement
        return None

    def _bars(self, chart: BarChart, plot: QRectF) -> Placement:
        placement = Placement(plot)
        group_width = plot.width() / len(chart.categories)
        bar_width = group_width * GROUP_FILL / max(len(chart.series), 1)
        for index in range(len(chart.categories)):
            left = plot.left() + index * group_width
            placement.groups.append(QRectF(left, plot.top(), group_width, plot.height()))
            x = left + group_width * (1 - GROUP_FILL) / 2
            for series in chart.series:
                value = series.values[index]
                if value is not None:
                    top = self._y(chart, plot, value)
                    bar = QRectF(x, top, bar_width, plot.bottom() - top)
                    placement.bars.append((bar, QColor(series.color)))
                x += bar_width
        return placement

    def _label_box(self, text: str, ink: QRectF) -> QRectF:
        width = QFontMetricsF(self.value_font()).horizontalAdvance(text)
        return QRectF(0, 0, width + 2 * HALO, ink.height() + 2 * HALO)

    def _figures(self, chart: BarChart, placement: Placement):
        """(bar, colour, text) per drawn bar, group by group."""
        bars = iter(placement.bars)
        for index in range(len(chart.categories)):
            group = []
            for series in chart.series:
                if series.values[index] is not None:
                    bar, color = next(bars)
                    group.append((bar, color, chart.value_label(series.values[index])))
            yield group

    def _above(self, chart: BarChart, placement: Placement, ink: QRectF) -> list[ValueLabel]:
        labels = []
        for group in self._figures(chart, placement):
            for bar, _color, text in group:
                box = self._label_box(text, ink)
                box.moveCenter(QPointF(bar.center().x(), 0))
                box.moveBottom(bar.top() - GAP)
                labels.append(ValueLabel(text, box, TEXT_COLOR, QColor("white")))
        return labels

    def _stacked(self, chart: BarChart, placement: Placement, ink: QRectF) -> list[ValueLabel]:
        """Over the group's tallest bar, one figure a line in legend order, in its bar's colour."""
        labels = []
        for index, group in enumerate(self._figures(chart, placement)):
            if not group:
                continue
            bottom = min(bar.top() for bar, _color, _text in group) - GAP
            centre = placement.groups[index].center().x()
            for row, (_bar, color, text) in enumerate(reversed(group)):
                box = self._label_box(text, ink)
                box.moveCenter(QPointF(centre, 0))
                box.moveBottom(bottom - row * box.height())
                labels.append(ValueLabel(text, box, _ink(color), QColor("white")))
        return labels

    def _upright(self, chart: BarChart, placement: Placement, ink: QRectF) -> list[ValueLabel]:
        """Turned to read upwards: inside a bar tall enough, else above it; in groups too narrow
        for every figure even so, this year's alone (the tooltip and the tables have them all)."""
        labels = []
        for group in self._figures(chart, placement):
            if group and group[0][0].width() < ink.height():
                group = group[-1:]
            for bar, color, text in group:
                flat = self._label_box(text, ink)
                box = QRectF(0, 0, flat.height(), flat.width())
                box.moveCenter(QPointF(bar.center().x(), 0))
                if bar.height() >= box.height() + 2 * GAP:
                    box.moveTop(bar.top() + GAP)
                    inside = box.intersected(bar)  # its background is the bar itself
                    on_dark = color.lightnessF() < 0.55
                    ink_color = QColor("white") if on_dark else TEXT_COLOR
                    labels.append(ValueLabel(text, inside, ink_color, color, upright=True))
                else:
                    box.moveBottom(bar.top() - GAP)
                    labels.append(ValueLabel(text, box, TEXT_COLOR, QColor("white"), True))
        return labels

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        chart = self.chart
        if chart is None:
            return
        title_font, small = self._fonts()
        bounds = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        painter.setFont(title_font)
        painter.setPen(TEXT_COLOR)
        title_height = QFontMetricsF(title_font).height()
        title_box = QRectF(bounds.left(), bounds.top(), bounds.width(), title_height)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignVCenter, chart.title)
        self._paint_legend(painter, chart, small, bounds.top() + title_height + 2)
        placement = self.placement()
        self._groups = placement.groups if placement else []
        if placement is None:
            return
        metrics = QFontMetricsF(small)
        painter.setFont(small)
        self._paint_axis(painter, chart, placement.plot, metrics)
        for bar, color in placement.bars:
            painter.fillRect(bar, color)
        self._paint_categories(painter, chart, placement, metrics)
        self._paint_target(painter, chart, placement.plot)
        painter.setFont(self.value_font())
        ink, _widest = self._label_size()
        for label in placement.labels:  # last: their background hides the lines under them
            self._paint_value(painter, label, ink)

    def _y(self, chart: BarChart, plot: QRectF, value: Decimal) -> float:
        return plot.bottom() - chart.fraction(value) * plot.height()

    def _paint_legend(self, painter: QPainter, chart: BarChart, font: QFont, top: float) -> None:
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        x = self.width() - 8.0
        entries = [(s.name, QColor(s.color), False) for s in chart.series]
        if chart.target is not None:
            entries.append((chart.target_label, QColor(TARGET_COLOR), True))
        for name, color, dashed in reversed(entries):
            width = metrics.horizontalAdvance(name)
            x -= width
            painter.setPen(MUTED_COLOR)
            painter.drawText(QPointF(x, top + metrics.ascent()), name)
            x -= 16
            middle = top + metrics.height() / 2
            if dashed:
                painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, middle), QPointF(x + 12, middle))
            else:
                painter.fillRect(QRectF(x + 1, middle - 5, 10, 10), color)
            x -= 12

    def _paint_axis(self, painter: QPainter, chart: BarChart, plot: QRectF, metrics) -> None:
        for tick in chart.ticks():
            y = self._y(chart, plot, tick)
            painter.setPen(QPen(GRID_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED_COLOR)
            label = chart.tick_label(tick)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )

    def _paint_categories(
        self, painter: QPainter, chart: BarChart, placement: Placement, metrics
    ) -> None:
        painter.setPen(TEXT_COLOR)
        bottom = placement.plot.bottom()
        for group, category in zip(placement.groups, chart.categories, strict=True):
            painter.drawText(
                QRectF(group.left(), bottom + 2, group.width(), self.height() - bottom),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                category,
            )

    def _paint_value(self, painter: QPainter, label: ValueLabel, ink: QRectF) -> None:
        painter.fillRect(label.box, label.background)
        painter.save()
        painter.translate(label.box.center())
        if label.upright:
            painter.rotate(-90)
        painter.setPen(label.ink)
        # Centred on the ink all figures share, so that they sit at one height whatever digits.
        advance = QFontMetricsF(painter.font()).horizontalAdvance(label.text)
        painter.drawText(QPointF(-advance / 2, -ink.height() / 2 - ink.top()), label.text)
        painter.restore()

    def _paint_target(self, painter: QPainter, chart: BarChart, plot: QRectF) -> None:
        if chart.target is None:
            return
        y = self._y(chart, plot, chart.target)
        painter.setPen(QPen(QColor(TARGET_COLOR), 1.6, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    # -- hover -----------------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.chart is not None:
            point = QPointF(event.pos())
            index = next((i for i, g in enumerate(self._groups) if g.contains(point)), None)
            if index is None:
                QToolTip.hideText()
                return True
            chart = self.chart
            name = chart.category_names[index] if chart.category_names else chart.categories[index]
            lines = [name] + [
                f"{s.name}: {chart.value_label(s.values[index]) or '-'}" for s in chart.series
            ]
            QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            return True
        return super().event(event)


def _clear(placement: Placement, area: QRectF) -> bool:
    """Every label inside ``area``, clear of the bars and of one another."""
    boxes = [label.box for label in placement.labels]
    if not all(area.contains(box) for box in boxes):
        return False
    if any(box.intersects(bar) for box in boxes for bar, _color in placement.bars):
        return False
    return not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
