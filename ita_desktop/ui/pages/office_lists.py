"""The office's ordered lists: units (ส่วนราชการ/กอง) and signatories, each edited as a whole."""

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.domain.records import SIGNATORY_ROLES, Signatory
from ita_desktop.ui.widgets.labels import HINT_STYLE
from ita_desktop.ui.widgets.table_model import column_title
from ita_desktop.ui.widgets.thai_text import breakable_now

Index = QModelIndex | QPersistentModelIndex
ERROR_STYLE = "color: #b00020;"
# The lists ask for the height of their rows, not Qt's 192 pixels each: the page lays out at
# its asked-for height (its labels wrap), and the add rows must stay above the fold at 700.
FIT_ROWS = QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents


def _button(text: str, shortcut: str = "", tip: str = "") -> QPushButton:
    button = QPushButton(text)
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
    button.setToolTip(f"{tip or text} ({shortcut})" if shortcut else tip or text)
    return button


def _move_buttons(row: QHBoxLayout) -> tuple[QPushButton, QPushButton, QPushButton]:
    up = _button("↑ ย้ายขึ้น", "Alt+Up")
    down = _button("↓ ย้ายลง", "Alt+Down")
    remove = _button("ลบ", "", "ลบรายการที่เลือก (เลิกทำได้)")
    for button in (up, down, remove):
        row.addWidget(button)
    row.addStretch(1)
    return up, down, remove


class UnitsEditor(QWidget):
    """Names in order; ``units_edited(names)`` after every add, rename, removal or move."""

    units_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._shown: list[str] = []
        self.list = QListWidget()
        self.list.setObjectName("unitsList")
        self.list.setAccessibleName("ส่วนราชการ/กอง")
        self.list.setSizeAdjustPolicy(FIT_ROWS)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newUnitName")
        self.new_name.setPlaceholderText("ชื่อส่วนราชการ/กอง เช่น กองคลัง แล้วกด Enter")
        self.add_button = _button("เพิ่ม")
        self.message = QLabel()
        self.message.setObjectName("unitsMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        self.up_button, self.down_button, self.remove_button = _move_buttons(buttons)
        # On a line of its own: beside the buttons it made the page too wide for 1024 pixels.
        hint = QLabel(breakable_now("ดับเบิลคลิกหรือกด F2 เพื่อเปลี่ยนชื่อ"))
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        self.new_name.returnPressed.connect(self._on_add_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.list.itemChanged.connect(self._on_item_changed)

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_names(self, names: list[str], current: int | None = None) -> None:
        """Show ``names``, keeping (or moving to ``current``) the selected row."""
        self._shown = list(names)
        if names == self.names():
            if current is not None:
                self.list.setCurrentRow(current)
            return
        current = self.list.currentRow() if current is None else current
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(current, len(names) - 1))

    def _problem(self, name: str, names: list[str]) -> str:
        if not name:
            return "กรุณาพิมพ์ชื่อส่วนราชการ/กอง"
        if len(name) > 200:
            return "ชื่อยาวเกินไป (ไม่เกิน ๒๐๐ ตัวอักษร)"
        if name in names:
            return f"มี “{name}” อยู่แล้ว"
        return ""

    def _show(self, problem: str) -> bool:
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))
        return not problem

    def _on_add_clicked(self) -> None:
        name = self.new_name.text().strip()
        if self._show(self._problem(name, self.names())):
            self.new_name.clear()
            self._edit([*self.names(), name], self.list.count())

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        names = self.names()
        name = names.pop(row).strip()
        if self._show(self._problem(name, names)):
            names.insert(row, name)
            self._edit(names, row)
        else:
            self.list.blockSignals(True)
            item.setText(self._shown[row])
            self.list.blockSignals(False)

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            names = self.names()
            del names[row]
            self._show("")
            self._edit(names, min(row, len(names) - 1))

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        names = self.names()
        if row < 0 or not 0 <= row + step < len(names):
            return
        names[row], names[row + step] = names[row + step], names[row]
        self._edit(names, row + step)

    def _edit(self, names: list[str], current: int) -> None:
        """Show the new list at once (the save follows on the worker) and announce it."""
        self.set_names(names, current)
        self.units_edited.emit(names)


class SignatoryModel(QAbstractTableModel):
    """Rows of signatories; an edit emits ``rows_edited`` with the whole new list."""

    rows_edited = Signal(list)
    edit_refused = Signal(str)
    HEADERS = ("ชื่อ-สกุล", "ตำแหน่ง", "ลงนามในฐานะ")
    FIELDS = ("name", "position", "role")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Signatory] = []

    def rows(self) -> list[Signatory]:
        return list(self._rows)

    def set_rows(self, rows: list[Signatory]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return column_title(self.HEADERS, section, orientation, role)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        value = getattr(self._rows[index.row()], self.FIELDS[index.column()])
        # Shown with word breaks so a long Thai position wraps in its cell; edited as typed.
        return breakable_now(value) if role == Qt.ItemDataRole.DisplayRole else value

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        field = self.FIELDS[index.column()]
        if field == "name" and not text:
            self.edit_refused.emit("กรุณากรอกชื่อผู้ลงนาม")
            return False
        if field == "role" and text not in SIGNATORY_ROLES:
            return False
        row = index.row()
        if getattr(self._rows[row], field) == text:
            return False
        self._rows[row] = replace(self._rows[row], **{field: text})
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self.rows_edited.emit(self.rows())
        return True


class RoleDelegate(QStyledItemDelegate):
    """A combo box of SIGNATORY_ROLES for the role column."""

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItems(SIGNATORY_ROLES)
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or SIGNATORY_ROLES[0]))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class SignatoriesEditor(QWidget):
    """The signatories table, an add row below it, and move/remove buttons."""

    signatories_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SignatoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("signatoriesTable")
        self.table.setModel(self.model)
        self.table.setSizeAdjustPolicy(FIT_ROWS)
        self.table.setItemDelegateForColumn(2, RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Names and positions share the width and wrap, rows growing to fit: never "…".
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # room for marks above and below
        rows.sectionResized.connect(lambda *_: self.table.updateGeometry())  # asks for the rows
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newSignatoryName")
        self.new_name.setPlaceholderText("ชื่อ-สกุล")
        self.new_position = QLineEdit()
        self.new_position.setObjectName("newSignatoryPosition")
        self.new_position.setPlaceholderText("ตำแหน่ง เช่น ปลัดองค์การบริหารส่วนตำบล")
        self.new_role = QComboBox()
        self.new_role.addItems(SIGNATORY_ROLES)
        self.add_button = _button("เพิ่มผู้ลงนาม")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        # Name over position, each the full width, so their hints are never cut.
        add_row = QGridLayout()
        add_row.addWidget(self.new_name, 0, 0)
        add_row.addWidget(self.new_role, 0, 1)
        add_row.addWidget(self.new_position, 1, 0)
        add_row.addWidget(self.add_button, 1, 1)
        add_row.setColumnStretch(0, 1)
        buttons = QHBoxLayout()
        self.up_button, self.down_button, self.remove_button = _move_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        self.model.rows_edited.connect(self.signatories_edited)
        self.model.edit_refused.connect(self._show)
        for edit in (self.new_name, self.new_position):
            edit.returnPressed.connect(self._on_add_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))

    def _show(self, problem: str) -> None:
        self.message.setText(f"⚠ {problem}" if problem else "")
        self.message.setVisible(bool(problem))

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_add_clicked(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self._show("กรุณากรอกชื่อผู้ลงนาม")
            return
        self._show("")
        added = Signatory(name, self.new_position.text().strip(), self.new_role.currentText())
        self.new_name.clear()
        self.new_position.clear()
        self.signatories_edited.emit([*self.model.rows(), added])

    def _on_remove_clicked(self) -> None:
        row = self._current_row()
        if row >= 0:
            rows = self.model.rows()
            del rows[row]
            self.signatories_edited.emit(rows)

    def _move(self, step: int) -> None:
        row, rows = self._current_row(), self.model.rows()
        if row < 0 or not 0 <= row + step < len(rows):
            return
        rows[row], rows[row + step] = rows[row + step], rows[row]
        self.model.set_rows(rows)
        self.table.selectRow(row + step)
        self.signatories_edited.emit(rows)
