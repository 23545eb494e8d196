"""Editors for the short lists of a measure: its steps (+ − ↑ ↓) and its responsible units."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n.thai import to_thai_digits
from ita_desktop.ui.widgets.wrap_delegate import WrapDelegate

ROW_LINES = 2
MAX_ROWS_SHOWN = 8  # more steps scroll inside the table


class StepsEditor(QWidget):
    """An ordered list of steps, numbered ๑ ๒ ๓; ``steps_edited(list)`` on every committed change.

    Insert adds a step after the current one, Delete removes it, Ctrl+↑/↓ moves it.
    """

    steps_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 1)
        self.table.setObjectName("stepsTable")
        self.table.setAccessibleName("ขั้นตอน/วิธีการดำเนินการ")
        self.table.horizontalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(WrapDelegate(self.table))
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Once the new width is laid out: rows measured inside the resize keep the old width.
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: QTimer.singleShot(0, self, self._fit)
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._on_item_changed)
        self._loading = False
        buttons = QHBoxLayout()
        for name, text, tip, slot in (
            ("stepAdd", "+", "เพิ่มขั้นตอน (Insert)", self.add_step),
            ("stepRemove", "−", "ลบขั้นตอน (Delete)", self.remove_step),
            ("stepUp", "↑", "เลื่อนขึ้น (Ctrl+↑)", lambda: self.move_step(-1)),
            ("stepDown", "↓", "เลื่อนลง (Ctrl+↓)", lambda: self.move_step(1)),
        ):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_step),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_step),
            (QKeySequence("Ctrl+Up"), lambda: self.move_step(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_step(1)),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def steps(self) -> list[str]:
        texts = (self.table.item(r, 0).text().strip() for r in range(self.table.rowCount()))
        return [t for t in texts if t]

    def set_steps(self, steps: list[str]) -> None:
        """Show the file's steps unless a step is being typed."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            return
        if steps == self.steps() and self.table.rowCount() == len(steps):
            return
        current = self.table.currentRow()
        self._loading = True
        self.table.setRowCount(len(steps))
        for row, text in enumerate(steps):
            self.table.setItem(row, 0, QTableWidgetItem(text))
        self._loading = False
        self._renumber()
        if 0 <= current < len(steps):
            self.table.setCurrentCell(current, 0)

    def add_step(self) -> None:
        row = self.table.currentRow() + 1 if self.table.rowCount() else 0
        self._loading = True
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self._loading = False
        self._renumber()
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_step(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._renumber()
        self.steps_edited.emit(self.steps())

    def move_step(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        texts = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
        texts[row], texts[target] = texts[target], texts[row]
        self._loading = True
        for r, text in enumerate(texts):
            self.table.item(r, 0).setText(text)
        self._loading = False
        self.table.setCurrentCell(target, 0)
        self.steps_edited.emit(self.steps())

    def _renumber(self) -> None:
        self.table.setVerticalHeaderLabels(
            [to_thai_digits(str(n)) for n in range(1, self.table.rowCount() + 1)]
        )
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows: room for ROW_LINES when short, scrolling beyond MAX_ROWS_SHOWN."""
        table = self.table
        # Thai marks above and below the line need more room than the default row gives.
        table.verticalHeader().setMinimumSectionSize(table.fontMetrics().lineSpacing() + 10)
        table.resizeRowsToContents()
        count = table.rowCount()
        heights = [table.rowHeight(r) for r in range(min(count, MAX_ROWS_SHOWN))]
        heights += [table.verticalHeader().minimumSectionSize()] * max(0, ROW_LINES - count)
        scrolls = count > MAX_ROWS_SHOWN
        table.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        table.setFixedHeight(sum(heights) + 2 * table.frameWidth() + 2)

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._renumber()
            self.steps_edited.emit(self.steps())


class ResponsiblePicker(QWidget):
    """The office's units to tick, plus names typed freely; ``responsible_edited(list)``."""

    responsible_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.units: list[str] = []
        self.list = QListWidget()
        self.list.setObjectName("responsibleList")
        self.list.setAccessibleName("ผู้รับผิดชอบ")
        self.list.itemChanged.connect(self._on_item_changed)
        self.other = QLineEdit()
        self.other.setObjectName("responsibleOther")
        self.other.setPlaceholderText("ผู้รับผิดชอบอื่น พิมพ์แล้วกด Enter")
        self.other.returnPressed.connect(self._on_other_entered)
        add = QPushButton("เพิ่ม")
        add.clicked.connect(self._on_other_entered)
        row = QHBoxLayout()
        row.addWidget(self.other, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._loading = False
        self._chosen_order: list[str] = []

    def chosen(self) -> list[str]:
        items = (self.list.item(r) for r in range(self.list.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def set_choice(self, units: list[str], chosen: list[str]) -> None:
        """Units of the office in their order, then the chosen names that are not units."""
        self.units = list(units)
        names = list(dict.fromkeys([*units, *(n for n in chosen if n not in units)]))
        self._chosen_order = list(chosen)
        shown = [self.list.item(r).text() for r in range(self.list.count())]
        if shown == names and set(self.chosen()) == set(chosen):
            return
        self._loading = True
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._loading = False
        rows = max(self.list.count(), 2)
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 2
        )

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        # Keep the clerk's order: names already chosen stay where they were, new ones go last.
        checked = set(self.chosen())
        order = [n for n in self._chosen_order if n in checked]
        order += [n for n in self.chosen() if n not in order]
        self._chosen_order = order
        self.responsible_edited.emit(order)

    def _on_other_entered(self) -> None:
        name = self.other.text().strip()
        self.other.clear()
        if not name:
            return
        order = [n for n in self._chosen_order if n != name] + [name]
        self.set_choice(self.units, order)
        self.responsible_edited.emit(order)
