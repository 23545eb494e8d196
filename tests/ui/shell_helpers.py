"""Helpers for the main-window tests: a window on a real file, waiting for the worker, reading."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from ita_desktop.app import configure_app
from ita_desktop.services import offices
from ita_desktop.storage.database import open_database
from ita_desktop.ui.mainwindow import MainWindow
from ita_desktop.ui.session import Session
from ita_desktop.ui.settings import Settings
from tests.builders import fill_sample_year, sample_office
from tests.ui.gallery import save_grab  # noqa: F401 (the page tests import it from here)
from tests.ui.page_helpers import type_text  # noqa: F401 (the window tests import it from here)


def sample_file(db_path: Path, year: int = 2568) -> int:
    """An office with a year of results (small test criteria) and the next year's plan."""
    db = open_database(db_path)
    try:
        office_id = offices.create_office(db, office=sample_office())
        fill_sample_year(db, office_id, year)
        return office_id
    finally:
        db.close()


def settings_in(folder: Path) -> Settings:
    return Settings.at(folder / "settings.ini")


def idle(qtbot, window: MainWindow) -> None:
    """Wait until the worker has done everything asked of it, including the reloads it caused."""
    for _ in range(3):
        qtbot.waitUntil(
            lambda: window.session is not None and not window.session.busy, timeout=10_000
        )
        qtbot.wait(15)


def open_window(qtbot, db_path: Path, folder: Path, *, setup=None, size=(1280, 800)) -> MainWindow:
    """A shown main window on ``db_path``, the outline loaded and the pages filled."""
    configure_app(QApplication.instance())
    window = MainWindow(settings_in(folder))
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.open_file(db_path, setup=setup)
    window.show()
    qtbot.waitExposed(window)
    idle(qtbot, window)
    return window


def open_bare_page(qtbot, page_class, db_path: Path, office_id: int, year: int):
    """(window, page): one page in a plain window on its own session, closed when the test ends.

    Keep the window referenced: qtbot holds widgets weakly.
    """
    configure_app(QApplication.instance())
    session = Session(db_path)
    page = page_class(session, QUndoStack())
    holder = QMainWindow()
    holder.setCentralWidget(page)
    holder.resize(1280, 800)
    holder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # deleting it closes the session
    qtbot.addWidget(holder)
    holder.destroyed.connect(session.close)
    holder.show()
    page.set_context(office_id, year)
    qtbot.waitUntil(lambda: page.view is not None and page.view.year == year, timeout=10_000)
    qtbot.waitUntil(lambda: not session.busy, timeout=10_000)
    return holder, page


def read(qtbot, window: MainWindow, job):
    """Run ``job(db)`` on the window's worker after everything queued; return its result."""
    box = []
    window.session.call(job, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def read_file(db_path: Path, job):
    """Read through a separate connection, as another process (or a restart) would."""
    db = open_database(db_path, create=False)
    try:
        return job(db)
    finally:
        db.close()
