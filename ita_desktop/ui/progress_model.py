"""Progress of each measure in one round, as an editable table, and a filter for what is open."""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ita_desktop.domain.records import STATUSES, Measure, Progress
from ita_desktop.i18n.thai import fiscal_year_bounds, format_date, round_months, to_thai_digits

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("มาตรการ", "สถานะ", "วันที่ดำเนินการ", "ผลการดำเนินการ", "ผลลัพธ์", "หมายเหตุ")
STATUS, DATE, RESULTS, OUTCOME, REMARK = 1, 2, 3, 4, 5
STATUS_COLORS = dict(zip(STATUSES, ("#1b5e20", "#8a5a00", "#b3261e"), strict=True))
MISSING_COLOR = "#6b6b6b"
NOT_RECORDED = "(ยังไม่บันทึก)"
MEASURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ProgressRow:
    """A measure and its entry in the round (``recorded`` False: nothing saved yet)."""

    measure: Measure
    progress: Progress
    recorded: bool


def results_text(results: list[str]) -> str:
    return "\n".join(f"- {r}" for r in results) if len(results) > 1 else "".join(results)


def results_from_text(text: str) -> list[str]:
    """One result a line; a leading '- ', '•' or '๑.' the clerk typed is not kept twice."""
    lines = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•").strip()
        head, _, rest = line.partition(". ")
        if rest and head.strip("0123456789๐๑๒๓๔๕๖๗๘๙") == "":
            line = rest.strip()
        if line:
            lines.append(line)
    return lines


class ProgressModel(QAbstractTableModel):
    """``progress_edited(measure_id, round, old, new)``: the page saves it (old None: no entry)."""

    progress_edited = Signal(int, int, object, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ProgressRow] = []
        self.round = 6
        self.year: int | None = None
        self.wrapped: dict[str, str] = {}

    def set_rows(
        self, rows: list[ProgressRow], round_: int, year: int | None, wrapped: dict | None = None
    ) -> None:
        """Same measures in the same order → dataChanged per changed row; otherwise a reset."""
        self.wrapped = wrapped or {}
        same = (
            round_ == self.round
            and year == self.year
            and [r.measure.id for r in rows] == [r.measure.id for r in self.rows]
        )
        if not same:
            self.beginResetModel()
            self.rows, self.round, self.year = list(rows), round_, year
            self.endResetModel()
            return
        old, self.rows = self.rows, list(rows)
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def row(self, number: int) -> ProgressRow | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.progress.status] += 1
        return counts

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return to_thai_digits(str(section + 1))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column, p = index.column(), row.progress
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return {
                STATUS: p.status,
                DATE: p.date_done,
                RESULTS: "\n".join(p.results),
                OUTCOME: p.outcome,
                REMARK: p.remark,
            }.get(column, self._display(row, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS:
                return QBrush(QColor(STATUS_COLORS[p.status] if row.recorded else MISSING_COLOR))
            if column == DATE and self._outside_round(p.date_done):
                return QBrush(QColor(STATUS_COLORS[STATUSES[2]]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == MEASURE_ID_ROLE:
            return row.measure.id
        return None

    def _display(self, row: ProgressRow, column: int) -> str:
        p = row.progress
        if column == 0:
            text = row.measure.measure or row.measure.issue or "(ยังไม่ได้กรอกมาตรการ)"
            return self.wrapped.get(text, text)
        if column == STATUS:
            return p.status if row.recorded else f"{p.status} {NOT_RECORDED}"
        if column == DATE:
            if p.date_done is None:
                return ""
            mark = " ⚠" if self._outside_round(p.date_done) else ""
            return format_date(p.date_done, month="abbreviated") + mark
        if column == RESULTS:
            return self.wrapped.get(results_text(p.results), results_text(p.results))
        text = p.outcome if column == OUTCOME else p.remark
        return self.wrapped.get(text, text)

    def _tooltip(self, row: ProgressRow, column: int) -> str | None:
        if column == 0:
            indicator = row.measure.indicator
            head = f"ตัวชี้วัดที่ {to_thai_digits(str(indicator))}" if indicator else ""
            issue = f"ประเด็น: {row.measure.issue}" if row.measure.issue else ""
            return "\n".join(t for t in (head, issue) if t) or None
        if column == DATE and self._outside_round(row.progress.date_done):
            return "วันที่นี้อยู่นอกช่วงของรอบการรายงาน"
        if column == RESULTS:
            return "พิมพ์ผลการดำเนินการบรรทัดละหนึ่งรายการ (Ctrl+Enter เพื่อบันทึก)"
        return None

    def _outside_round(self, day: date | None) -> bool:
        if day is None or self.year is None:
            return False
        first, _ = fiscal_year_bounds(self.year)
        months = round_months(self.year, self.round)
        last = months[-1]
        after_end = (day.year, day.month) > (last.year, last.month)
        return day < first or after_end

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() > 0 else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() == 0:
            return False
        column, old = index.column(), row.progress
        if column == STATUS:
            if value not in STATUSES:
                return False
            new = replace(old, status=value)
        elif column == DATE:
            new = replace(old, date_done=value if isinstance(value, date) else None)
        elif column == RESULTS:
            new = replace(old, results=results_from_text(str(value)))
        elif column == OUTCOME:
            new = replace(old, outcome=str(value).strip())
        else:
            new = replace(old, remark=str(value).strip())
        if new == old and row.recorded:
            return False
        self.rows[index.row()] = ProgressRow(row.measure, new, True)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.progress_edited.emit(row.measure.id, self.round, old if row.recorded else None, new)
        return True


class OpenFilter(QSortFilterProxyModel):
    """Hides the measures done (ดำเนินการแล้ว) when ``only_open`` is on."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_open = False

    def set_only_open(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_open = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.only_open:
            return True
        row = self.sourceModel().row(source_row)
        return row is None or row.progress.status != STATUSES[0]
