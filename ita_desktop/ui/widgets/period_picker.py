"""ระยะเวลาดำเนินการ: a month range in พ.ศ., exact dates, or free text such as เป็นประจำทุกเดือน."""

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import Period
from ita_desktop.i18n.thai import (
    BE_OFFSET,
    fiscal_year_bounds,
    format_date_range,
    format_month_range,
    month_name,
)
from ita_desktop.ui.widgets.thai_date_edit import ThaiDateEdit, ThaiYearSpin

KINDS = (("months", "ช่วงเดือน"), ("dates", "ช่วงวันที่"), ("text", "ข้อความ"))
TEXT_CHOICES = (
    "เป็นประจำทุกเดือน",
    "ตลอดปีงบประมาณ",
    "ไตรมาสละ ๑ ครั้ง",
    "ทุก ๖ เดือน",
    "ภายในเดือนมีนาคม",
)
SETTLE_MS = 500
ERROR_STYLE = "color: #c62828;"


def period_text(period: Period) -> str:
    """The period as the plan prints it: 'ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙', dates, or the text."""
    try:
        if period.kind == "months" and period.start and period.end:
            return format_month_range(period.start, period.end)
        if period.kind == "dates" and period.start and period.end:
            start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
            return format_date_range(start, end, month="abbreviated")
    except ValueError:
        return ""
    return period.text if period.kind == "text" else ""


class MonthPicker(QWidget):
    """A month (Thai name) and a พ.ศ. year; ``value()`` is 'YYYY-MM' (Gregorian, as stored)."""

    month_changed = Signal()
    CAPTION_WIDTH = 48

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.month = QComboBox()
        self.month.addItems([month_name(m) for m in range(1, 13)])
        self.month.setAccessibleName(f"เดือน{caption}")
        self.year = ThaiYearSpin()
        self.year.setRange(2500, 2700)
        self.year.setAccessibleName(f"ปี พ.ศ. {caption}")
        self.month.currentIndexChanged.connect(self.month_changed)
        self.year.valueChanged.connect(self.month_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption)
        label.setMinimumWidth(self.CAPTION_WIDTH)
        label.setBuddy(self.month)
        layout.addWidget(label)
        layout.addWidget(self.month, 1)
        layout.addWidget(self.year)

    def value(self) -> str:
        return f"{self.year.value() - BE_OFFSET:04d}-{self.month.currentIndex() + 1:02d}"

    def set_value(self, text: str) -> None:
        year, month = (int(part) for part in text.split("-"))
        for box in (self.month, self.year):
            box.blockSignals(True)
        self.month.setCurrentIndex(month - 1)
        self.year.setValue(year + BE_OFFSET)
        for box in (self.month, self.year):
            box.blockSignals(False)


class PeriodPicker(QWidget):
    """``period_edited(Period)`` a moment after the clerk settles on a valid period."""

    period_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._period = Period()
        self._plan_year = date.today().year + BE_OFFSET
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        self.kind.setAccessibleName("รูปแบบระยะเวลา")
        for key, label in KINDS:
            self.kind.addItem(label, key)
        self.kind.activated.connect(self._on_kind_activated)
        self.start_month, self.end_month = MonthPicker("ตั้งแต่"), MonthPicker("ถึง")
        self.start_date, self.end_date = ThaiDateEdit(), ThaiDateEdit()
        self.start_date.setAccessibleName("วันเริ่มต้น")
        self.end_date.setAccessibleName("วันสิ้นสุด")
        self.free_text = QComboBox()
        self.free_text.setObjectName("periodText")
        self.free_text.setEditable(True)
        self.free_text.addItems(TEXT_CHOICES)
        self.free_text.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.free_text.lineEdit().setPlaceholderText("เช่น เป็นประจำทุกเดือน")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._column(self.start_month, self.end_month))
        self.pages.addWidget(
            self._column(
                self._labelled("ตั้งแต่", self.start_date), self._labelled("ถึง", self.end_date)
            )
        )
        self.pages.addWidget(self._column(self.free_text))
        self.problem = QLabel()
        self.problem.setObjectName("periodProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.preview = QLabel()
        self.preview.setObjectName("periodPreview")
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.flush)
        for picker in (self.start_month, self.end_month):
            picker.month_changed.connect(self._timer.start)
        for edit in (self.start_date, self.end_date):
            edit.date_edited.connect(lambda _day: self.flush())
        self.free_text.lineEdit().editingFinished.connect(self.flush)
        self.free_text.activated.connect(lambda _i: self.flush())

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return column

    @staticmethod
    def _labelled(caption: str, widget: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption)
        label.setMinimumWidth(MonthPicker.CAPTION_WIDTH)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return row

    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period, plan_year: int | None = None) -> None:
        """Show ``period`` (from the file) without announcing it; empty: the fiscal year."""
        if plan_year is not None:
            self._plan_year = plan_year
        if self._timer.isActive() or self.free_text.lineEdit().hasFocus():
            return  # the clerk is still choosing
        self._period = period
        kind = period.kind or "months"
        self.kind.setCurrentIndex(next(n for n, (k, _) in enumerate(KINDS) if k == kind))
        self.pages.setCurrentIndex(self.kind.currentIndex())
        start, end = self._fiscal_months()
        ok_months = period.kind == "months" and period.start and period.end
        self.start_month.set_value(period.start if ok_months else start)
        self.end_month.set_value(period.end if ok_months else end)
        dates = period.kind == "dates"
        first, last = fiscal_year_bounds(self._plan_year)
        self.start_date.set_date(date.fromisoformat(period.start) if dates else first)
        self.end_date.set_date(date.fromisoformat(period.end) if dates else last)
        self.free_text.setEditText(period.text if period.kind == "text" else "")
        self.problem.hide()
        self._show_preview(period)

    def _show_preview(self, period: Period) -> None:
        text = period_text(period) if period.kind != "text" else ""
        self.preview.setText(f"พิมพ์ในรายงานว่า: {text}" if text else "")

    def _fiscal_months(self) -> tuple[str, str]:
        gregorian = self._plan_year - BE_OFFSET
        return f"{gregorian - 1}-10", f"{gregorian}-09"

    def _on_kind_activated(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if self.kind.currentData() == "text":
            self.free_text.setFocus()  # saved once something is typed there
        self.flush()

    def _typed(self) -> Period | str | None:
        """The period on screen, why it cannot be saved, or None: nothing typed yet."""
        kind = self.kind.currentData()
        if kind == "months":
            start, end = self.start_month.value(), self.end_month.value()
            if end < start:
                return "เดือนสิ้นสุดต้องไม่ก่อนเดือนเริ่มต้น"
            return Period("months", start, end)
        if kind == "dates":
            start, end = self.start_date.value(), self.end_date.value()
            if start is None or end is None:
                return "กรุณาเลือกวันเริ่มต้นและวันสิ้นสุด"
            if end < start:
                return "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น"
            return Period("dates", start.isoformat(), end.isoformat())
        text = self.free_text.currentText().strip()
        return Period("text", text=text) if text else None

    def flush(self) -> None:
        """Announce the period on screen if it is valid and differs from the saved one."""
        self._timer.stop()
        typed = self._typed()
        if typed is None:  # an empty text period: keep the saved one until text is typed
            self.problem.hide()
            return
        if isinstance(typed, str):
            self.problem.setText(f"⚠ {typed}")
            self.problem.show()
            return
        self.problem.hide()
        self._show_preview(typed)
        if typed != self._period:
            self._period = typed
            self.period_edited.emit(typed)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
        super().keyPressEvent(event)
