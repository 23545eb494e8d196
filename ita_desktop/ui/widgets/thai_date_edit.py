"""A date field in Thai (๒๓ ม.ค. ๒๕๖๙) with a calendar popup whose years are พ.ศ."""

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n.thai import (
    BE_OFFSET,
    format_date,
    month_name,
    to_arabic_digits,
    to_thai_digits,
)

HINT = "พิมพ์ เช่น ๒๓/๑/๒๕๖๙ หรือ 23 ม.ค. 2569 หรือกดปุ่มเพื่อเลือกจากปฏิทิน"
ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; }"
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s*([^\d\s]+)\s*(\d{2}|\d{4})$")


def _year(text: str) -> int:
    """Gregorian year of a typed year: 2569 and 69 are พ.ศ.; 2026 is ค.ศ."""
    number = int(text)
    if number < 100:
        number += 2500
    return number - BE_OFFSET if number >= 2400 else number


def _month(word: str) -> int:
    word = word.replace(".", "").strip()
    for number in range(1, 13):
        for width in ("wide", "abbreviated"):
            if month_name(number, width).replace(".", "") == word:
                return number
    raise ValueError(f"unknown month {word!r}")


def parse_thai_date(text: str) -> date | None:
    """'23/1/2569', '๒๓ ม.ค. ๖๙', '23 มกราคม 2569' → date; '' → None; ValueError otherwise."""
    text = " ".join(to_arabic_digits(text).replace("พ.ศ.", " ").split())
    if not text:
        return None
    numeric = _NUMERIC.match(text)
    if numeric:
        return date(_year(numeric[3]), int(numeric[2]), int(numeric[1]))
    words = _WORDS.match(text)
    if words:
        return date(_year(words[3]), _month(words[2]), int(words[1]))
    raise ValueError(f"not a date: {text!r}")


class ThaiYearSpin(QSpinBox):
    """A พ.ศ. year shown in Thai digits; typing Thai or Arabic digits both work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(2400, 2800)
        self.setPrefix("พ.ศ. ")

    def textFromValue(self, value: int) -> str:
        return to_thai_digits(str(value))

    def valueFromText(self, text: str) -> int:
        digits = "".join(ch for ch in to_arabic_digits(text) if ch.isdigit())
        return int(digits) if digits else self.value()

    def validate(self, text: str, pos: int):
        # Qt writes back the text validate returns: keep what the clerk sees (Thai digits).
        state = super().validate(to_arabic_digits(text), pos)
        return state[0] if isinstance(state, tuple) else state, text, pos


class ThaiCalendar(QFrame):
    """A month grid navigated by Thai month and พ.ศ. year (Qt has no Buddhist calendar)."""

    date_picked = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QCalendarWidget()
        self.grid.setObjectName("thaiCalendarGrid")
        self.grid.setNavigationBarVisible(False)
        self.grid.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.grid.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.grid.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.grid.clicked.connect(self._on_day_clicked)
        self.grid.activated.connect(self._on_day_clicked)
        self.grid.currentPageChanged.connect(self._on_page_changed)
        self.month_box = QComboBox()
        self.month_box.setObjectName("calendarMonth")
        self.month_box.addItems([month_name(m) for m in range(1, 13)])
        self.month_box.setAccessibleName("เดือน")
        self.year_box = ThaiYearSpin()
        self.year_box.setObjectName("calendarYear")
        self.year_box.setAccessibleName("ปี พ.ศ.")
        self.month_box.currentIndexChanged.connect(self._on_navigation_changed)
        self.year_box.valueChanged.connect(self._on_navigation_changed)
        back, forward = QToolButton(), QToolButton()
        back.setArrowType(Qt.ArrowType.LeftArrow)
        back.setToolTip("เดือนก่อน")
        forward.setArrowType(Qt.ArrowType.RightArrow)
        forward.setToolTip("เดือนถัดไป")
        back.clicked.connect(self.grid.showPreviousMonth)
        forward.clicked.connect(self.grid.showNextMonth)
        today = QPushButton("วันนี้")
        today.clicked.connect(lambda: self._on_day_clicked(QDate.currentDate()))
        clear = QPushButton("ล้างวันที่")
        clear.setObjectName("calendarClear")
        clear.clicked.connect(self._on_clear_clicked)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.month_box, 1)
        top.addWidget(self.year_box)
        top.addWidget(forward)
        bottom = QHBoxLayout()
        bottom.addWidget(today)
        bottom.addStretch(1)
        bottom.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid)
        layout.addLayout(bottom)

    def show_date(self, day: date | None) -> None:
        shown = day or date.today()
        self.grid.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.grid.setCurrentPage(shown.year, shown.month)
        self._on_page_changed(shown.year, shown.month)

    def _on_page_changed(self, year: int, month: int) -> None:
        for box in (self.month_box, self.year_box):
            box.blockSignals(True)
        self.month_box.setCurrentIndex(month - 1)
        self.year_box.setValue(year + BE_OFFSET)
        for box in (self.month_box, self.year_box):
            box.blockSignals(False)

    def _on_navigation_changed(self, *_) -> None:
        self.grid.setCurrentPage(
            self.year_box.value() - BE_OFFSET, self.month_box.currentIndex() + 1
        )

    def _on_day_clicked(self, picked: QDate) -> None:
        self.date_picked.emit(date(picked.year(), picked.month(), picked.day()))
        self.hide()

    def _on_clear_clicked(self) -> None:
        self.date_picked.emit(None)
        self.hide()


class ThaiDateEdit(QWidget):
    """``date_edited(date | None)`` when the clerk picks, types or clears a date.

    What cannot be read as a date stays visible, outlined, with the hint as its tooltip.
    """

    date_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "วว/ดด/ปปปป"):
        super().__init__(parent)
        self._date: date | None = None
        self.text = QLineEdit()
        self.text.setObjectName("thaiDateText")
        self.text.setPlaceholderText(placeholder)
        self.text.setToolTip(HINT)
        self.text.editingFinished.connect(self._on_editing_finished)
        self.button = QToolButton()
        self.button.setObjectName("thaiDateButton")
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip("เลือกจากปฏิทิน")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.calendar = ThaiCalendar(self)
        self.calendar.date_picked.connect(self._on_date_picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.text)

    def value(self) -> date | None:
        return self._date

    def set_date(self, day: date | None) -> None:
        """Show ``day`` without announcing it (it came from the file)."""
        self._date = day
        self.text.setText(format_date(day, month="abbreviated") if day else "")
        self.text.setStyleSheet("")

    def is_valid(self) -> bool:
        return not self.text.styleSheet()

    def open_calendar(self) -> None:
        self.calendar.show_date(self._date)
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.grid.setFocus()

    def _on_date_picked(self, day: date | None) -> None:
        self._commit(day)
        self.text.setFocus()

    def _on_editing_finished(self) -> None:
        try:
            day = parse_thai_date(self.text.text())
        except ValueError:
            self.text.setStyleSheet(ERROR_STYLE)
            self.text.setToolTip(f"อ่านวันที่นี้ไม่ได้ — {HINT}")
            return
        self.text.setToolTip(HINT)
        self._commit(day)

    def _commit(self, day: date | None) -> None:
        changed = day != self._date
        self.set_date(day)
        if changed:
            self.date_edited.emit(day)
