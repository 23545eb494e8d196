"""What every page of the main window has: the session, the shared undo stack, the selection."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ita_desktop.errors import UserError
from ita_desktop.ui.session import Session


class Page(QWidget):
    """A page shows the selected office and fiscal year and reloads when the data changes.

    Subclasses set ``title`` (the navigation word, from UX.md) and implement ``reload()``,
    which asks the session for what it shows (never touching the database on the UI thread).
    """

    title = ""

    def __init__(self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.office_id: int | None = None
        self.year: int | None = None
        session.data_changed.connect(self._on_data_changed)

    def set_context(self, office_id: int | None, year: int | None) -> None:
        """The window's office and fiscal-year selectors changed."""
        self.office_id, self.year = office_id, year
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def report_error(self, error: Exception) -> None:
        """A failed job of this page: the clerk's Thai message, or a bug for the crash handler
        (which logs it and says so in Thai) — never an English exception text on screen."""
        if isinstance(error, UserError):
            self.session.user_error.emit(error.message)
        else:
            self.session.crashed.emit(error)

    def _on_data_changed(self, tag) -> None:
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
