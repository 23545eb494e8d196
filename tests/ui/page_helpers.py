"""Helpers for the page tests: a data file, a page in a window, Thai fonts, typing Thai."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from ita_desktop import paths
from ita_desktop.services import offices, results
from ita_desktop.services.criteria import save_criteria
from ita_desktop.services.demo import create_demo
from ita_desktop.storage.database import open_database
from ita_desktop.ui.session import Session
from tests.builders import sample_office, small_criteria
from tests.ui.gallery import save_grab  # noqa: F401 (the page tests import it from here)

WEAK_SCORES = {"i1": "80.00", "i10": "84.50", "e1": "92.00", "o27": "50.00"}
_families: list[str] = []


def thai_fonts() -> None:
    """Register the bundled Sarabun so that Thai renders offscreen, and make it the UI font."""
    if not _families:
        for ttf in sorted((paths.resources_dir() / "fonts").glob("Sarabun-*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            _families.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QApplication.font()
    font.setFamilies([_families[0], *font.families()])
    font.setPointSize(10)
    QApplication.setFont(font)


def prepare_file(
    db_path: Path, *, year: int = 2568, criteria=None, start: bool = True, scores=None
) -> int:
    """An office with ``year``'s criteria (the small test set unless given); returns its id.

    With ``start`` the year's assessment is begun, and ``scores`` ({item code: text}) entered.
    """
    db = open_database(db_path)
    try:
        office_id = offices.create_office(db, office=sample_office())
        save_criteria(db, criteria or small_criteria(year))
        if start:
            assessment_id = results.start_assessment(db, office_id=office_id, year=year)
            for code, value in (scores or {}).items():
                results.set_score(
                    db, assessment_id=assessment_id, scope="item", key=code, value=value
                )
        return office_id
    finally:
        db.close()


def prepare_demo(db_path: Path) -> int:
    """The shipped demo office in ``db_path``; returns its id."""
    db = open_database(db_path)
    try:
        return create_demo(db)[0]
    finally:
        db.close()


@dataclass
class Harness:
    window: QMainWindow
    page: object
    session: Session
    stack: QUndoStack

    def idle(self, qtbot) -> None:
        """Wait until the worker has done everything asked of it (saves and the reloads)."""
        for _ in range(3):
            qtbot.waitUntil(lambda: not self.session.busy, timeout=15_000)
            qtbot.wait(20)

    def read(self, qtbot, job):
        """Run ``job(db)`` on the worker after everything queued and return its result."""
        box = []
        self.session.call(job, box.append)
        qtbot.waitUntil(lambda: bool(box), timeout=15_000)
        return box[0]

    def undo(self, qtbot) -> None:
        self.stack.undo()
        self.idle(qtbot)

    def redo(self, qtbot) -> None:
        self.stack.redo()
        self.idle(qtbot)


def open_page(qtbot, page_class, db_path, office_id, year, size=(1280, 800)) -> Harness:
    """A shown page on its own session and undo stack, in a plain window, the worker idle."""
    thai_fonts()
    session = Session(db_path)
    stack = QUndoStack()
    window = QMainWindow()
    page = page_class(session, stack)
    window.setCentralWidget(page)
    window.resize(*size)
    qtbot.addWidget(window)
    page.set_context(office_id, year)
    window.show()
    qtbot.waitExposed(window)
    harness = Harness(window, page, session, stack)
    harness.idle(qtbot)
    return harness


def close(harness: Harness) -> None:
    harness.session.close()


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` as a keyboard would; Thai characters come as key events carrying the text.

    QTest's keyClicks maps characters to Latin-1 key codes and aborts on Thai ones.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
