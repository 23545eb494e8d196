"""A text box that saves itself a moment after the clerk stops typing, and when left."""

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_DELAY_MS = 700
PADDING = 4  # between the frame and the text


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
            self._grow_with_text()

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

    def _grow_with_text(self) -> None:
        # The padding lies outside the scrolled area (the document has none): the box is then
        # exactly whole lines tall, and scrolling, which goes by lines, never shows a sliver of
        # the line below the last one.
        self.document().setDocumentMargin(0)
        self.setViewportMargins(PADDING, PADDING, PADDING, PADDING)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The text wraps at the box's width, yet Qt counts a few pixels of margin as room to
        # scroll sideways, which would shift the text under the cursor.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sideways = self.horizontalScrollBar()
        sideways.rangeChanged.connect(lambda *_: sideways.setMaximum(0))
        self.textChanged.connect(self._fit_height)
        self._fit_height()

    def _line_heights(self, most: int) -> list[float]:
        """The heights of the first ``most`` wrapped lines, laid out now: the editor lays out
        only what it paints, so the document's own size lags behind a resize or a new text."""
        layout = self.document().documentLayout()
        heights: list[float] = []
        block = self.document().firstBlock()
        while block.isValid() and len(heights) < most:
            if block.isVisible():
                layout.ensureBlockLayout(block)
                lines = block.layout()
                heights += [lines.lineAt(n).height() for n in range(lines.lineCount())]
            block = block.next()
        return heights[:most]

    def _fit_height(self, *_) -> None:
        """Grow with the text between ``lines`` (fewest, most), so the page scrolls, not the box."""
        fewest, most = self._lines
        heights = self._line_heights(most)
        heights += [self.fontMetrics().lineSpacing()] * (fewest - len(heights))
        margins = self.viewportMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        # One pixel more: the editor shows its scroll bar unless a pixel is left under the text.
        self.setFixedHeight(math.ceil(sum(heights)) + frame + 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # lays the text out again at the new width
        if self._lines is not None:
            self._fit_height()

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
