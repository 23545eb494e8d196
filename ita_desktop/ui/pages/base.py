"""What every page of the main window has: the session, the shared undo stack, the selection."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ita_desktop.errors import UserError
from ita_desktop.ui.session import Session
from ita_desktop.ui.widgets import thai_text


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
        self._loading = False
        self._reload_again = False
        session.data_changed.connect(self._on_data_changed)

    def set_context(self, office_id: int | None, year: int | None) -> None:
        """The window's office and fiscal-year selectors changed."""
        self.office_id, self.year = office_id, year
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def load_in_turn(self, job, on_loaded) -> None:
        """Run ``job(db)`` on the worker and pass its result to ``on_loaded``, one load at a time.

        A reload asked for while one runs happens once, after it (a burst of edits costs two
        loads, not one each). A result is dropped if the selection moved on meanwhile: it must
        carry the ``office_id`` and ``year`` it was loaded for.
        """
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.session.call(job, self._on_loaded_in_turn(on_loaded), on_error=self._on_load_failed)

    def _on_loaded_in_turn(self, on_loaded):
        def done(data) -> None:
            self._loading = False
            if self._reload_again:
                self._reload_again = False
                self.reload()
            if (data.office_id, data.year) == (self.office_id, self.year):
                on_loaded(data)

        return done

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = False
        self.report_error(error)

    def reload_when_segmenter_ready(self) -> None:
        """Reload with proper Thai word breaks once the segmenter has loaded (its own thread)."""
        if thai_text.is_ready():
            self.reload()
        else:
            QTimer.singleShot(250, self, self.reload_when_segmenter_ready)

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
