"""Draws a BarChart definition (domain/charts.py) with QPainter: the same chart the PDF prints."""

from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ita_desktop.domain.charts import TARGET_COLOR, BarChart

GRID_COLOR = QColor("#d9dee4")
TEXT_COLOR = QColor("#2b2f33")
MUTED_COLOR = QColor("#5f6b76")
GROUP_FILL = 0.72  # share of a category's width taken by its bars


class ChartWidget(QWidget):
    """Grouped bars on a 0–100 scale, values above (or inside) the bars, legend, target line.

    Hovering a group shows its long name and values; the accessible description lists them.
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
        return QSize(360, 260)

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

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        chart = self.chart
        if chart is None:
            return
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.85)
        title_font = QFont(base)
        title_font.setBold(True)
        bounds = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        painter.setFont(title_font)
        painter.setPen(TEXT_COLOR)
        title_height = QFontMetricsF(title_font).height()
        title_box = QRectF(bounds.left(), bounds.top(), bounds.width(), title_height)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignVCenter, chart.title)
        legend_height = self._paint_legend(painter, chart, small, bounds.top() + title_height + 2)
        metrics = QFontMetricsF(small)
        axis_width = metrics.horizontalAdvance(chart.tick_label(chart.maximum)) + 6
        label_lines = (
            max((2 if len(c) > 6 else 1) for c in chart.categories) if chart.categories else 1
        )
        plot = QRectF(
            bounds.left() + axis_width,
            bounds.top() + title_height + legend_height + metrics.height() + 6,
            bounds.width() - axis_width,
            0,
        )
        plot.setBottom(bounds.bottom() - label_lines * metrics.height() - 4)
        if plot.height() < 20 or not chart.categories:
            return
        painter.setFont(small)
        self._paint_axis(painter, chart, plot, metrics)
        self._paint_bars(painter, chart, plot, metrics)
        self._paint_target(painter, chart, plot)

    def _y(self, chart: BarChart, plot: QRectF, value: Decimal) -> float:
        return plot.bottom() - chart.fraction(value) * plot.height()

    def _paint_legend(self, painter: QPainter, chart: BarChart, font: QFont, top: float) -> float:
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
        return metrics.height() + 2

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

    def _paint_bars(self, painter: QPainter, chart: BarChart, plot: QRectF, metrics) -> None:
        count = len(chart.categories)
        group_width = plot.width() / count
        bar_width = group_width * GROUP_FILL / max(len(chart.series), 1)
        self._groups = []
        for index, category in enumerate(chart.categories):
            left = plot.left() + index * group_width
            self._groups.append(QRectF(left, plot.top(), group_width, plot.height()))
            x = left + group_width * (1 - GROUP_FILL) / 2
            for series in chart.series:
                value = series.values[index]
                if value is not None:
                    top = self._y(chart, plot, value)
                    bar = QRectF(x, top, bar_width, plot.bottom() - top)
                    painter.fillRect(bar, QColor(series.color))
                    label = chart.value_label(value)
                    self._paint_value(painter, label, bar, metrics, QColor(series.color))
                x += bar_width
            painter.setPen(TEXT_COLOR)
            painter.drawText(
                QRectF(left, plot.bottom() + 2, group_width, self.height() - plot.bottom()),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                category,
            )

    def _paint_value(
        self, painter: QPainter, text: str, bar: QRectF, metrics, fill: QColor
    ) -> None:
        """Above the bar when it fits across; else turned upright, inside a tall bar."""
        width = metrics.horizontalAdvance(text)
        if width <= bar.width() + 6:
            painter.setPen(TEXT_COLOR)
            painter.drawText(
                QRectF(bar.center().x() - width / 2 - 3, bar.top() - metrics.height() - 1,
                       width + 6, metrics.height()),
                Qt.AlignmentFlag.AlignCenter, text,
            )  # fmt: skip
            return
        inside = bar.height() >= width + 8
        painter.save()
        painter.translate(bar.center().x(), bar.top() + (4 if inside else -4))
        painter.rotate(-90)
        on_dark = fill.lightnessF() < 0.55
        painter.setPen(QColor("white") if inside and on_dark else TEXT_COLOR)
        box = QRectF(-width - 2, -metrics.height() / 2, width, metrics.height())
        if not inside:
            box.moveLeft(2)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
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
