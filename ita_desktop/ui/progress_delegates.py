"""The progress table: its cell editors (status list, Thai date picker, text) and its sizing."""

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from ita_desktop.domain.records import STATUSES
from ita_desktop.i18n.thai import format_date
from ita_desktop.ui.progress_model import DATE, NOT_RECORDED, OUTCOME, REMARK, RESULTS, STATUS
from ita_desktop.ui.widgets.thai_date_edit import ThaiDateEdit
from ita_desktop.ui.widgets.wrap_delegate import PaddedDelegate


class StatusDelegate(PaddedDelegate):
    """A combo of the three statuses, saved as soon as one is picked."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        editor.setObjectName("statusEditor")
        editor.addItems(STATUSES)
        editor.activated.connect(lambda _i, e=editor: self._on_picked(e))
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(editor.findText(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)

    def _on_picked(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)


class DateDelegate(PaddedDelegate):
    """A ThaiDateEdit; a date picked or typed is saved at once."""

    def createEditor(self, parent, option, index):
        editor = ThaiDateEdit(parent)
        editor.setObjectName("dateEditor")
        editor.setAutoFillBackground(True)
        editor.date_edited.connect(lambda _day, e=editor: self.commitData.emit(e))
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.set_date(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:
        if editor.is_valid():
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TextDelegate(PaddedDelegate):
    """Several lines; Enter starts a new line, Ctrl+Enter or leaving the cell saves."""

    def createEditor(self, parent, option, index):
        editor = QPlainTextEdit(parent)
        editor.setObjectName("textEditor")
        editor.setTabChangesFocus(True)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        rect.setHeight(max(rect.height(), 4 * editor.fontMetrics().lineSpacing() + 12))
        editor.setGeometry(rect)

    def eventFilter(self, editor, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor)
            return True
        return super().eventFilter(editor, event)


# After สถานะ and วันที่, the room is shared by weight: the measure always has text, the results
# are a list, the outcome and the remark are often short or empty. The minimums (in line heights)
# keep the Thai text readable; together they fit a 1024-pixel-wide window.
TEXT_SHARES = {0: 31, RESULTS: 33, OUTCOME: 21, REMARK: 15}
TEXT_MINIMUMS = {0: 10, RESULTS: 8, OUTCOME: 6, REMARK: 5}
CELL_MARGIN = 12
ROW_FIT_DELAY_MS = 40


def share_widths(room: int, shares: dict[int, int], minimums: dict[int, int]) -> dict[int, int]:
    """``room`` split by ``shares``, none below its minimum; the sum is ``room`` if it is enough."""
    widths: dict[int, int] = {}
    free = dict(shares)
    while free:
        left, total = room - sum(widths.values()), sum(free.values())
        short = [c for c in free if left * free[c] / total < minimums[c]]
        if not short:
            break
        for column in short:
            widths[column] = minimums[column]
            del free[column]
    left, total = room - sum(widths.values()), sum(free.values())
    for column in free:
        widths[column] = left * free[column] // total
    if free:
        widths[next(iter(free))] += left - sum(widths[c] for c in free)
    return widths


class ProgressTable(QTableView):
    """The progress table: the columns share the width, the rows follow their wrapped text.

    Qt sizes rows once and leaves them when a column changes width, and a stretched column
    does not even report it; so every change of width or data asks for a refit, and the asks
    are gathered (a window being dragged wider would otherwise refit 60 rows on every step).
    """

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressTable")
        self.setModel(model)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setItemDelegate(PaddedDelegate(self))
        self.setItemDelegateForColumn(STATUS, StatusDelegate(self))
        self.setItemDelegateForColumn(DATE, DateDelegate(self))
        text = TextDelegate(self)
        for column in (RESULTS, OUTCOME, REMARK):
            self.setItemDelegateForColumn(column, text)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.row_timer = QTimer(self)
        self.row_timer.setSingleShot(True)
        self.row_timer.setInterval(ROW_FIT_DELAY_MS)
        self.row_timer.timeout.connect(self.fit_rows)
        self._fitted_width = -1
        # A new round or year is one step of the clerk's: fit at once, so no row flashes.
        model.modelReset.connect(self.fit_rows)
        model.layoutChanged.connect(self.fit_rows)
        for signal in (
            model.dataChanged,
            model.rowsInserted,
            self.horizontalHeader().sectionResized,
        ):
            signal.connect(lambda *_: self.row_timer.start())

    def fit_columns(self) -> None:
        """สถานะ and วันที่ as wide as their text; the rest shared (see TEXT_SHARES)."""
        room = self.viewport().width()
        self._fitted_width = room
        metrics, header = self.fontMetrics(), self.horizontalHeader()
        line = metrics.height()
        status_short = max(metrics.horizontalAdvance(s) for s in STATUSES) + CELL_MARGIN
        status_long = metrics.horizontalAdvance(f"{STATUSES[2]} {NOT_RECORDED}") + CELL_MARGIN
        day = max(
            metrics.horizontalAdvance(format_date(date(2026, m, 28), month="abbreviated") + " ⚠")
            for m in range(1, 13)
        )
        date_width = max(day + CELL_MARGIN, header.sectionSizeHint(DATE))
        minimums = {c: max(n * line, header.sectionSizeHint(c)) for c, n in TEXT_MINIMUMS.items()}
        # NOT_RECORDED goes to a second line only when the text columns would be cramped.
        roomy = room - status_long - date_width >= 1.5 * sum(minimums.values())
        status = max(status_long if roomy else status_short, header.sectionSizeHint(STATUS))
        widths = share_widths(room - status - date_width, TEXT_SHARES, minimums)
        widths |= {STATUS: status, DATE: date_width}
        for column, width in widths.items():
            header.resizeSection(column, width)

    def fit_rows(self) -> None:
        self.row_timer.stop()
        if self.isVisible():
            self.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.row_timer.start()  # the data may have come while the page was hidden

    def resizeEvent(self, event) -> None:
        # Also called when the viewport alone changes, e.g. as the vertical scroll bar appears.
        super().resizeEvent(event)
        if self.viewport().width() != self._fitted_width:
            self.fit_columns()  # the rows follow through sectionResized
