"""คัดลอกจากปีที่แล้ว: tick the measures of last year's plan to copy into this year's."""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ita_desktop.domain.records import Plan
from ita_desktop.i18n.thai import format_count, format_year, to_thai_digits
from ita_desktop.ui.widgets.period_picker import period_text
from ita_desktop.ui.widgets.table_model import Index, RowsTableModel
from ita_desktop.ui.widgets.wrap_delegate import PaddedDelegate

COLUMNS = ("มาตรการ", "ตัวชี้วัด", "ระยะเวลาเดิม")


class ChoiceModel(RowsTableModel):
    """Last year's measures, each with a tick; ``choice_changed`` when a tick changes."""

    columns = COLUMNS

    choice_changed = Signal()

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.measures = sorted(plan.measures, key=lambda m: m.position)
        self.chosen: set[int] = set()

    def row_count(self) -> int:
        return len(self.measures)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.measures):
            return None
        measure = self.measures[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            ticked = measure.id in self.chosen
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return measure.measure or f"(ยังไม่ได้กรอกมาตรการ) {measure.issue}".strip()
            if index.column() == 1:
                return to_thai_digits(str(measure.indicator)) if measure.indicator else "-"
            return period_text(measure.period)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and measure.issue:
            return f"ประเด็น: {measure.issue}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        measure_id = self.measures[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen.add(measure_id)
        else:
            self.chosen.discard(measure_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.choice_changed.emit()
        return True

    def choose_all(self, on: bool) -> None:
        self.chosen = {m.id for m in self.measures} if on else set()
        if self.measures:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.measures) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.choice_changed.emit()

    def chosen_ids(self) -> list[int]:
        return [m.id for m in self.measures if m.id in self.chosen]


class CopyMeasuresDialog(QDialog):
    """Shows last year's plan; ``chosen_ids()`` after it is accepted."""

    def __init__(self, previous: Plan, plan_year: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("คัดลอกมาตรการจากปีที่แล้ว")
        self.model = ChoiceModel(previous, self)
        self.model.choice_changed.connect(self._on_choice_changed)
        intro = QLabel(
            f"เลือกมาตรการของปีงบประมาณ พ.ศ. {format_year(previous.year)} ที่จะใช้ต่อในปี "
            f"{format_year(plan_year)} — ระยะเวลาดำเนินการจะเลื่อนไปอีก "
            f"{format_count(plan_year - previous.year)} ปี (ไม่คัดลอกผลการดำเนินการ)"
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("copyTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(PaddedDelegate(self.table))  # room for Thai marks
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        every, none = QPushButton("เลือกทั้งหมด"), QPushButton("ไม่เลือกเลย")
        every.clicked.connect(lambda: self.model.choose_all(True))
        none.clicked.connect(lambda: self.model.choose_all(False))
        self.buttons = QDialogButtonBox()
        self.copy_button = self.buttons.addButton("คัดลอก", QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setObjectName("copyButton")
        self.buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 520)
        self._on_choice_changed()

    def chosen_ids(self) -> list[int]:
        return self.model.chosen_ids()

    def _on_choice_changed(self) -> None:
        count = len(self.model.chosen)
        self.copy_button.setText(f"คัดลอก {format_count(count)} มาตรการ" if count else "คัดลอก")
        self.copy_button.setEnabled(bool(count))
