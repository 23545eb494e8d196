"""Cell editors of the progress table: a status list, a Thai date picker, multi-line text."""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QStyledItemDelegate

from ita_desktop.domain.records import STATUSES
from ita_desktop.ui.widgets.thai_date_edit import ThaiDateEdit

PADDING = 8


class PaddedDelegate(QStyledItemDelegate):
    """Cells a little taller than their text, so wrapped lines do not touch the grid."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + PADDING)


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
