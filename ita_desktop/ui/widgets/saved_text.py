"""A text box that saves itself a moment after the clerk stops typing, and when left."""

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 700


class SavedTextEdit(QPlainTextEdit):
    """Emits ``text_committed(old, new)`` after a pause in typing or on leaving the box.

    Its own undo is off: Ctrl+Z first commits what was typed, then goes to the window's undo
    stack, so one history holds every edit. Text loaded from the file never replaces typing
    that is not committed yet.
    """

    text_committed = Signal(str, str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        delay_ms: int = SAVE_DELAY_MS,
        lines: tuple[int, int] | None = None,
    ):
        super().__init__(parent)
        self._lines = lines
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)
        self._loading = False
        if lines is not None:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
            self._fit_height()

    @property
    def saved_text(self) -> str:
        return self._saved

    @property
    def is_dirty(self) -> bool:
        return self.toPlainText() != self._saved

    def set_saved_text(self, text: str) -> None:
        """Show the file's text unless the clerk has typing not yet committed."""
        if self.is_dirty:
            return
        self._saved = text
        if self.toPlainText() != text:
            self._loading = True
            self.setPlainText(text)
            self._loading = False

    def show_committed(self, text: str, cursor_position: int | None = None) -> None:
        """Show ``text`` as already committed: the caller saves it its own way (one undo step)."""
        self._timer.stop()
        self._saved = text
        self._loading = True
        self.setPlainText(text)
        self._loading = False
        if cursor_position is not None:
            cursor = self.textCursor()
            cursor.setPosition(min(cursor_position, len(text)))
            self.setTextCursor(cursor)

    def flush(self) -> None:
        self._timer.stop()
        if self.is_dirty:
            old, self._saved = self._saved, self.toPlainText()
            self.text_committed.emit(old, self._saved)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def _fit_height(self, *_) -> None:
        """Grow with the text between ``lines`` (fewest, most), so the page scrolls, not the box."""
        fewest, most = self._lines
        shown = min(max(int(self.document().size().height()), fewest), most)
        margins = self.contentsMargins()
        frame = 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + frame + 2)

    def focusOutEvent(self, event) -> None:
        self.flush()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            self.flush()
            event.ignore()
            return True
        return super().event(event)
