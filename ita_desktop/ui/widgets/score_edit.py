"""A score field: 0–100, two decimals, Thai or Arabic digits, explained when wrong; Enter moves."""

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ita_desktop.domain.scores import parse_score
from ita_desktop.errors import UserError
from ita_desktop.i18n.thai import Digits, format_number

INVALID_STYLE = "QLineEdit { border: 2px solid #c0392b; border-radius: 3px; background: #fdf0ef; }"
REASON_STYLE = "color: #a93226;"


def format_score(value: Decimal | None, digits: Digits = "thai") -> str:
    return "" if value is None else format_number(value, 2, grouping=False, digits=digits)


class ScoreEdit(QLineEdit):
    """Holds one figure. A valid entry is committed when editing finishes (Enter or leaving);
    an invalid one stays as typed, outlined, with its Thai reason in ``reason`` — a label the
    parent lays out under or beside the field. Nothing here touches the database: the page
    saves what ``score_edited`` reports.
    """

    score_edited = Signal(object, object)  # old, new (Decimal | None): a valid, changed entry
    value_typed = Signal(object)  # every valid keystroke, for live levels and totals
    focus_entered = Signal()
    reached = Signal()  # Enter on the field before moved on to this one (open its section)

    def __init__(self, parent: QWidget | None = None, *, digits: Digits = "thai"):
        super().__init__(parent)
        self.digits = digits
        self.next_editor: ScoreEdit | None = None
        self.reason = QLabel()
        self.reason.setStyleSheet(REASON_STYLE)
        self.reason.setWordWrap(True)
        self.reason.hide()
        self._value: Decimal | None = None
        self._shown = ""
        self._error = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("-")
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        self.returnPressed.connect(self._on_return_pressed)

    # -- what the page sets and reads -------------------------------------------------------

    @property
    def value(self) -> Decimal | None:
        """The last committed or loaded figure (not what is being typed)."""
        return self._value

    @property
    def error(self) -> str:
        return self._error

    @property
    def is_dirty(self) -> bool:
        """Typed text not yet committed (including an invalid entry left in place)."""
        return self.text() != self._shown

    def set_value(self, value: Decimal | None) -> None:
        """Show a figure from the file; typing in progress or an invalid entry is left alone."""
        self._value = value
        if self.is_dirty:
            return
        self._shown = format_score(value, self.digits)
        self.setText(self._shown)

    def typed_value(self) -> Decimal | None:
        """What the text says now, if valid; else the committed value."""
        try:
            return parse_score(self.text())
        except UserError:
            return self._value

    def commit(self) -> bool:
        """Check the text; save it if valid and changed. False when it is invalid (left as is)."""
        try:
            new = parse_score(self.text())
        except UserError as error:
            self._show_error(error.message)
            return False
        self._show_error("")
        self._shown = self.text()
        old, self._value = self._value, new
        if new != old or (new is None) != (old is None):
            self.score_edited.emit(old, new)
        return True

    def revert(self) -> None:
        """Escape: back to the committed figure, error cleared."""
        self._show_error("")
        self._shown = format_score(self._value, self.digits)
        self.setText(self._shown)

    # -- reactions ---------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        self._error = message
        self.setStyleSheet(INVALID_STYLE if message else "")
        self.setToolTip(message)
        self.setAccessibleDescription(message)
        self.reason.setText(f"⚠ {message}" if message else "")
        # A label nobody laid out would pop up as a window of its own.
        self.reason.setVisible(bool(message) and self.reason.parent() is not None)

    def _on_text_edited(self, text: str) -> None:
        try:
            value = parse_score(text)
        except UserError as error:
            self._show_error(error.message)
            return
        self._show_error("")
        self.value_typed.emit(value)

    def _on_editing_finished(self) -> None:
        if self.is_dirty or self._error:
            self.commit()

    def _on_return_pressed(self) -> None:
        if self.commit() and self.next_editor is not None:
            # A field in a collapsed section is hidden and would not take the focus.
            self.next_editor.reached.emit()
            self.next_editor.setFocus(Qt.FocusReason.TabFocusReason)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focus_entered.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.is_dirty or self._error):
            self.revert()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        # Ctrl+Z on a committed field is the window's undo (the shared stack), not the field's.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and (event.matches(QKeySequence.StandardKey.Undo)
                 or event.matches(QKeySequence.StandardKey.Redo))
            and not self.is_dirty
        ):  # fmt: skip
            event.ignore()
            return True
        return super().event(event)
